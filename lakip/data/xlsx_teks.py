"""The texts of a workbook as Excel and LibreOffice mean them (:mod:`lakip.data.xlsx` reads the cells).

Excel and LibreOffice keep every text of a sheet once, in the shared strings
(``xl/sharedStrings.xml``), and a cell points to it (``t="s"``); openpyxl writes
texts inline (``t="inlineStr"``). Either is a plain or rich text (runs), and
either may escape a character as ``_xHHHH_`` (``ST_Xstring``).
"""

from __future__ import annotations

import re
from typing import Any
from xml.etree.ElementTree import fromstring, iterparse

__all__ = ["teks_xml", "teks_si", "teks_bersama"]

_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_T, _R, _SI = (_NS + t for t in ("t", "r", "si"))


#: An ECMA-376 escape of a character in a text (``ST_Xstring``): ``_x000D_`` a carriage return,
#: ``_x005F_`` the underscore that keeps a literal ``_x0041_`` from being read as ``A``.
_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")


def teks_xml(teks: str) -> str:
    """A text as Excel and LibreOffice mean it: every ``_xHHHH_`` escape decoded, in one pass, so that
    ``_x005F_x000D_`` is the literal text ``_x000D_``."""
    return _ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), teks) if "_x" in teks else teks


def teks_si(si: Any) -> str:
    """The text of a rich or plain string element (``<si>``, ``<is>``): its own ``<t>`` and the ``<t>``
    of each run, never the phonetic guide (``<rPh>``) Excel adds for East Asian text."""
    parts = [x.text or "" for x in [si.find(_T), *(r.find(_T) for r in si.findall(_R))] if x is not None]
    return teks_xml("".join(parts))


def teks_bersama(wb: Any) -> list[str]:
    """The shared strings (``xl/sharedStrings.xml``) of a workbook opened read-only: where Excel and
    LibreOffice keep every text of a sheet. Read here rather than taken from openpyxl, which leaves
    the ``_xHHHH_`` escapes and removes every ``x005F_``, whatever surrounds it."""
    from openpyxl.packaging.manifest import Manifest
    from openpyxl.xml.constants import ARC_CONTENT_TYPES, SHARED_STRINGS

    archive = wb._archive  # read-only: openpyxl keeps the zip open
    manifest = Manifest.from_tree(fromstring(archive.read(ARC_CONTENT_TYPES)))
    part = manifest.find(SHARED_STRINGS)
    if part is None:
        return []
    out: list[str] = []
    with archive.open(part.PartName.lstrip("/")) as f:
        for _ev, el in iterparse(f):
            if el.tag == _SI:
                out.append(teks_si(el))
                el.clear()
    return out
