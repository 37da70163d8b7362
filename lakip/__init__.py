"""lakip: reproducible analysis of Indonesian government performance reports (LKjIP).

The names below are imported when first used (PEP 562), so that ``lakip``
itself, and the command line that imports it, start without pandas: an
interruption while the command starts is then handled like any other.
"""

from __future__ import annotations

from typing import Any

__all__ = ["Pilihan", "Skala", "DataError", "Masalah", "Unit", "daftar_entitas", "muat"]
__version__ = "0.1.0"

_DARI = {"Pilihan": "lakip.config", "Skala": "lakip.config", "DataError": "lakip.load", "Masalah": "lakip.load",
         "Unit": "lakip.load", "daftar_entitas": "lakip.load", "muat": "lakip.load"}


def __getattr__(name: str) -> Any:
    if name in _DARI:
        import importlib

        return getattr(importlib.import_module(_DARI[name]), name)
    raise AttributeError(f"module 'lakip' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
