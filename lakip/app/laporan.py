"""The report files of a unit-year: ``laporan/laporan.docx``, ``laporan.xlsx`` and ``laporan.html``.

The writers of :mod:`lakip.report` return bytes or text; this writes them,
each file whole. The charts of Word and HTML come from a run's ``grafik/``
(:class:`lakip.app.grafik.SumberBerkas`) or are drawn once for both.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from typing import TYPE_CHECKING

from lakip.app.files import tulis_utuh
from lakip.core.model import Unit
from lakip.report.hasil import Hasil

if TYPE_CHECKING:  # the writers import python-docx, openpyxl, matplotlib: when first used
    from lakip.report.charts import SumberGrafik

__all__ = ["tulis_laporan", "tulis_docx", "tulis_xlsx", "tulis_html"]

_LAPORAN = ("docx", "xlsx", "html")


def tulis_laporan(h: Hasil, folder: Path, folder_grafik: Path | None = None, berkas: Sequence[str] = _LAPORAN,
                  berjalan: Callable[[], bool] | None = None) -> list[Path]:
    """Write the report-ready files into ``folder/laporan/``: Word, Excel and HTML.

    The charts come from ``folder_grafik`` (a ``grafik/`` folder) or are drawn
    once for both reports. While ``berjalan()`` is true (notebooks still
    saving charts there), a chart not there yet is waited for. ``berkas``
    chooses which of ``docx``, ``xlsx``, ``html`` to write (a run writes the
    workbook while its notebooks draw the charts, and the other two after).
    """
    from lakip.app.grafik import SumberBerkas
    from lakip.report import excel, html, word

    out = folder / "laporan"
    with SumberBerkas(folder_grafik, berjalan) as grafik:
        # both reports built first, then their charts taken together (waited for)
        docx = word.siapkan_docx(h.analisis, grafik) if "docx" in berkas else None
        page = html.siapkan_html(h, grafik) if "html" in berkas else None
        xlsx = tulis_utuh(out / "laporan.xlsx", excel.xlsx(h)) if "xlsx" in berkas else None
        grafik.selesaikan()
        written = [tulis_utuh(out / word.NAMA_BERKAS, docx()) if docx else None, xlsx,
                   tulis_utuh(out / "laporan.html", page()) if page else None]
    return [p for p in written if p is not None]




def _tujuan(tujuan: str | Path, nama: str) -> Path:
    """``tujuan`` when it names the file (ends in the file's suffix), else the file ``nama`` in that folder."""
    tujuan = Path(tujuan)
    return tujuan if tujuan.suffix.lower() == Path(nama).suffix else tujuan / nama


def tulis_docx(unit: Unit, tahun: int, tujuan: str | Path, folder_grafik: str | Path | None = None,
               grafik: SumberGrafik | None = None) -> Path:
    """Write the Word report of a unit and year; return its path.

    ``tujuan`` is a folder (the file is ``<tujuan>/laporan.docx``) or a path
    ending in ``.docx``. The charts come from ``grafik``, or from the PNG files
    of ``folder_grafik`` (a run's ``grafik/``, or the run folder), or are drawn.
    """
    from lakip.app.grafik import SumberBerkas
    from lakip.report import word

    sumber = grafik if grafik is not None else SumberBerkas(folder_grafik)
    return tulis_utuh(_tujuan(tujuan, word.NAMA_BERKAS), word.docx(Hasil.dari(unit, tahun).analisis, sumber))


def tulis_xlsx(unit: Unit, tahun: int, tujuan: str | Path) -> Path:
    """Write ``laporan.xlsx`` of a unit and year (``tujuan``: the file, or its folder); return its path."""
    from lakip.report import excel

    return tulis_utuh(_tujuan(tujuan, "laporan.xlsx"), excel.xlsx(Hasil.dari(unit, tahun)))


def tulis_html(unit: Unit, tahun: int, tujuan: str | Path, folder_grafik: str | Path | None = None,
               grafik: SumberGrafik | None = None) -> Path:
    """Write ``laporan.html`` of a unit and year (``tujuan``: the file, or its folder); return its path.
    The charts as for :func:`tulis_docx`."""
    from lakip.app.grafik import SumberBerkas
    from lakip.report import html

    sumber = grafik if grafik is not None else SumberBerkas(folder_grafik)
    page = html.siapkan_html(Hasil.dari(unit, tahun), sumber)
    sumber.selesaikan()
    return tulis_utuh(_tujuan(tujuan, "laporan.html"), page())
