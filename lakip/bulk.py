"""Loading many units at once, as README documents it: :mod:`lakip.data.bulk`."""

from lakip.core.model import TABEL, Kabupaten
from lakip.data.bulk import muat_kabupaten

__all__ = ["TABEL", "Kabupaten", "muat_kabupaten"]
