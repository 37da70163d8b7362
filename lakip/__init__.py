"""lakip: reproducible analysis of Indonesian government performance reports (LKjIP).

The package is built in layers, each importing only those below it: ``core``
(the rules), ``data`` (files in) and ``reviu`` (the audit), ``report`` (for
people), ``app`` (runs, files out, the command). The modules at this level
(``analysis``, ``audit``, ``charts``, ``display``, ``whatif``, ``kabupaten``,
``bulk``, ``run``) re-export the names the notebooks and README use.

The names below are imported when first used (PEP 562), so that ``lakip``
itself, and the command line that imports it, start without pandas: an
interruption while the command starts is then handled like any other.
"""

from __future__ import annotations

from typing import Any

__all__ = ["Pilihan", "Skala", "DataError", "Masalah", "Unit", "daftar_entitas", "muat"]
__version__ = "0.1.0"

_DARI = {"Pilihan": "lakip.core.config", "Skala": "lakip.core.config", "DataError": "lakip.core.model",
         "Masalah": "lakip.core.model", "Unit": "lakip.core.model", "daftar_entitas": "lakip.data.load", "muat": "lakip.data.load"}


def __getattr__(name: str) -> Any:
    if name in _DARI:
        import importlib

        return getattr(importlib.import_module(_DARI[name]), name)
    raise AttributeError(f"module 'lakip' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
