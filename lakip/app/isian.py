"""``lakip template``: the workbook to fill in for a new year, written whole."""

from __future__ import annotations

from pathlib import Path

from lakip.app.files import tulis_utuh
from lakip.core.model import PilihanError
from lakip.data.kunci import muat_terkunci
from lakip.core.paths import DATA_DIR, resolve
from lakip.data.template import buku_template
from lakip.data.unitbaru import buku_unit_baru, unit_baru

__all__ = ["tulis_template"]


def tulis_template(entitas: str, tahun: int, tujuan: str | Path, data: str | Path | None = None,
                   timpa: bool = True) -> Path:
    """Write the workbook to fill in for ``tahun`` of a unit (:func:`lakip.data.template.buku_template`), or to start
    a unit that is not in the data (:func:`lakip.data.unitbaru.buku_unit_baru`); return its path.

    ``timpa`` False refuses a file that exists (a workbook being filled is not replaced by an empty one)."""
    tujuan = Path(tujuan)
    if tujuan.suffix.lower() != ".xlsx":
        raise PilihanError(f"'{tujuan}': buku kerja ditulis sebagai .xlsx; beri nama berkas berakhiran .xlsx")
    if not timpa and tujuan.is_file():  # a folder or a pipe there: the writer says what it is
        raise PilihanError(f"'{tujuan}' sudah ada (mungkin sedang diisi) dan tidak ditimpa; beri --out FILE.xlsx lain, "
                           "atau --timpa untuk menggantinya dengan buku kerja baru")
    if unit_baru(resolve(data, DATA_DIR), entitas):  # not in the data: the workbook that starts it
        return tulis_utuh(tujuan, buku_unit_baru(entitas, tahun, tujuan.name, data))
    unit = muat_terkunci(data, entitas, isian=True)  # a new unit's, a new IKU's first year too
    return tulis_utuh(tujuan, buku_template(unit, tahun, tujuan.name, data))
