"""``lakip run`` and ``lakip reviu`` for one unit and year: ``<out>/<entity>/<year>/``
(``tabel/``, ``notebook/``, ``grafik/``, ``laporan/``).

The results of the unit-year are one :class:`~lakip.report.hasil.Hasil`,
computed once and handed to every writer (the tables, the charts of each
sasaran, Word, Excel, HTML). A run builds everything in a temporary folder
beside the target and swaps it in only when complete, so a failed run leaves
any earlier output folder untouched and never leaves a half-written one.
Same inputs give byte-identical files.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from lakip.app.files import folder_sementara, tulis_csv, tulis_json
from lakip.app.laporan import tulis_laporan
from lakip.app.notebooks import jalankan_notebook
from lakip.app.proses import sinyal_ditahan
from lakip.core.budget import rupiah_bulat
from lakip.core.model import Unit
from lakip.core.numbers import untuk_banding
from lakip.core.paths import DATA_DIR, output_dir, resolve
from lakip.core.tables import KOLOM_DESIMAL
from lakip.data.kunci import kunci_unit, muat_terkunci
from lakip.data.load import muat
from lakip.report.hasil import Hasil

__all__ = ["tulis_tabel", "tulis_reviu", "jalankan", "jalankan_reviu"]


def tulis_tabel(h: Hasil, folder: Path) -> list[Path]:
    """Write the tables of a unit-year into ``folder`` (``tabel/`` of a run), the reviu with them; return the files."""
    a = h.analisis
    tables = {
        "capaian_iku.csv": a.capaian_iku.drop(columns=list(KOLOM_DESIMAL)),
        "capaian_sasaran.csv": a.capaian_sasaran,
        "perbandingan.csv": a.perbandingan.drop(columns=list(KOLOM_DESIMAL)),
        "anggaran.csv": rupiah_bulat(a.anggaran),
        "anggaran_cek.csv": rupiah_bulat(a.cek_anggaran),
        "anggaran_total.csv": rupiah_bulat(a.total_anggaran),
        "efisiensi.csv": rupiah_bulat(a.efisiensi),
    }
    # the scores from outside the unit, only where the unit has their file (survei_ikm.csv, lke.csv)
    luar = {"ikm.csv": a.ikm, "ikm_layanan.csv": a.ikm_layanan, "akip.csv": a.akip}
    tables.update({name: df for name, df in luar.items() if df is not None})
    written = []
    for name, df in tables.items():
        tulis_csv(df, folder / name)
        written.append(folder / name)
    tulis_json(a.ringkasan, folder / "ringkasan.json")
    written.append(folder / "ringkasan.json")
    return written + tulis_reviu(h, folder)


def _tanpa_derau(x: Any) -> Any:
    """A selisih without the noise of binary subtraction (85,83 - 80,27 = 5.560000000000002 is 5.56): rounded to 9
    decimals as :func:`lakip.core.numbers.untuk_banding` rounds a value against a bound, far below any printed
    precision; -0.0 written 0.0. Anything else (an empty cell, a whole number) as it is."""
    if isinstance(x, float) and x == x:
        return untuk_banding(x) + 0.0
    return x


def tulis_reviu(h: Hasil, folder: Path) -> list[Path]:
    """Write ``reviu.csv`` and ``reviu_ringkasan.json`` into ``folder``, each replaced whole."""
    temuan = h.reviu.temuan
    tulis_csv(temuan.assign(selisih=temuan["selisih"].map(_tanpa_derau)), folder / "reviu.csv")
    tulis_json(h.reviu.ringkasan, folder / "reviu_ringkasan.json")
    return [folder / "reviu.csv", folder / "reviu_ringkasan.json"]


def _isi(h: Hasil, tmp: Path, laporan: bool, berjalan: Callable[[], bool]) -> None:
    """What the run's own process writes: the tables, then (with ``laporan``) the workbook, the chart of
    each sasaran, and Word and HTML, whose tables and text are made while the notebooks still draw the
    charts they take from grafik/ (waited for; any chart still missing when all have finished is drawn)."""
    from lakip.app.grafik import simpan_grafik_sasaran

    tulis_tabel(h, tmp / "tabel")
    if laporan:
        tulis_laporan(h, tmp, berkas=("xlsx",))
        simpan_grafik_sasaran(h.analisis, tmp)
        tulis_laporan(h, tmp, tmp / "grafik", berkas=("docx", "html"), berjalan=berjalan)


def jalankan(
    data: str | Path | None = None,
    entitas: str | None = None,
    tahun: int | None = None,
    out: str | Path | None = None,
    langkah: list[Callable[[Unit, int, Path], Any]] | None = None,
    notebook: bool = True,
    progres: bool = False,
    notebooks: list[Path] | None = None,
    peringatan: Callable[[Unit], Any] | None = None,
    pekerja: int | None = None,
    laporan: bool = True,
) -> Path:
    """Run the analysis of one unit and year and write its output folder.

    Args:
        data: data folder (default: the project's ``data/``).
        entitas: unit slug (default: the only unit; with several, one must be named).
        tahun: year (default: the latest year with realisasi).
        out: output folder (default: the project's ``outputs/``).
        langkah: extra steps, each called with (unit, year, run folder)
            after the tables are written.
        notebook: execute the notebooks into ``notebook/`` (with their HTML)
            and ``grafik/``; False writes the tables only.
        progres: show a progress bar for the notebooks.
        notebooks: which notebooks to run (default: all of ``notebooks/``).
        peringatan: called with the loaded unit, e.g. to show its warnings.
        pekerja: worker processes for the notebooks (default: up to 2, the
            tables and reports made meanwhile). With 1, as each unit of a
            batch runs, the notebooks run one after another and the tables
            and reports after them, so a unit keeps about one core busy.
        laporan: also write ``laporan/`` (Word, Excel, HTML) and the chart of each sasaran.

    Returns:
        The run folder ``<out>/<entity>/<year>``.

    Raises:
        DataError: when the data cannot be used (nothing is written).
        NotebookError: when a notebook fails (nothing is written).
    """
    data_dir = resolve(data, DATA_DIR)
    # shared with other runs of the unit, from loading it to the last notebook (which re-reads its files):
    # an import waits until the run is done, so the notebooks see the data its tables were made from
    with kunci_unit(data_dir, entitas, bersama=True):
        unit = muat(data_dir, entitas)
        if peringatan is not None:
            peringatan(unit)
        h = Hasil.dari(unit, tahun)
        target = output_dir(out, unit.slug, h.tahun)
        with folder_sementara(target) as tmp:
            def sambil(berjalan: Callable[[], bool]) -> None:
                with sinyal_ditahan():  # an interruption waits for C extensions (matplotlib, lxml) to be imported whole
                    for modul in ("lakip.report.charts", "lakip.report.excel", "lakip.report.html", "lakip.report.word"):
                        importlib.import_module(modul)
                _isi(h, tmp, laporan, berjalan)

            if notebook and pekerja == 1:
                # one process (a unit of a batch): the notebooks, then the rest, one core busy at a time
                jalankan_notebook(unit.slug, h.tahun, data_dir, tmp, target, notebooks=notebooks, progres=progres, pekerja=1,
                                  unit_kerja=unit.unit_kerja)
                sambil(lambda: False)
            elif notebook:
                jalankan_notebook(unit.slug, h.tahun, data_dir, tmp, target, notebooks=notebooks, progres=progres,
                                  sambil=sambil, pekerja=pekerja, unit_kerja=unit.unit_kerja)
            else:
                tulis_tabel(h, tmp / "tabel")
            for step in langkah or []:
                step(unit, h.tahun, tmp)
        return target


def jalankan_reviu(
    data: str | Path | None = None,
    entitas: str | None = None,
    tahun: int | None = None,
    out: str | Path | None = None,
) -> tuple[Path, dict]:
    """Audit the published figures of one unit and year into ``<out>/<entity>/<year>/tabel/``.

    Returns the folder and the summary. Raises DataError for unusable input.
    """
    h = Hasil.dari(muat_terkunci(data, entitas), tahun)
    folder = output_dir(out, h.unit.slug, h.tahun) / "tabel"
    tulis_reviu(h, folder)
    return folder, h.reviu.ringkasan
