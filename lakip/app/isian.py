"""``lakip template``: the workbook to fill in for a new year, written whole."""

from __future__ import annotations

from pathlib import Path

from lakip.app.files import tulis_utuh
from lakip.core.model import PilihanError
from lakip.data.kunci import muat_terkunci
from lakip.data.template import buku_template

__all__ = ["tulis_template"]


def tulis_template(entitas: str, tahun: int, tujuan: str | Path, data: str | Path | None = None) -> Path:
    """Write the workbook to fill in for ``tahun`` of a unit (:func:`lakip.data.template.buku_template`); return its path."""
    tujuan = Path(tujuan)
    if tujuan.suffix.lower() != ".xlsx":
        raise PilihanError(f"'{tujuan}': buku kerja ditulis sebagai .xlsx; beri nama berkas berakhiran .xlsx")
    unit = muat_terkunci(data, entitas, isian=True)  # a new unit's, a new IKU's first year too
    return tulis_utuh(tujuan, buku_template(unit, tahun, tujuan.name))
