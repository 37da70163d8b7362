"""lakip: reproducible analysis of Indonesian government performance reports (LKjIP)."""

from lakip.config import Pilihan, Skala
from lakip.load import DataError, Masalah, Unit, daftar_entitas, muat

__all__ = ["Pilihan", "Skala", "DataError", "Masalah", "Unit", "daftar_entitas", "muat"]
__version__ = "0.1.0"
