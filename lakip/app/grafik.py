"""Charts as files: a run's ``grafik/`` (PNG at 300 dpi and SVG), the notebooks' way of
saving and showing a chart, and the source from which a run's reports take the charts
its notebooks saved.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import matplotlib.pyplot as plt
from matplotlib.figure import Figure

from lakip.app.files import tulis_utuh
from lakip.core.tables import Analisis
from lakip.report import charts
from lakip.report.charts import SumberGrafik

__all__ = ["simpan", "tampilkan", "simpan_grafik_sasaran", "SumberBerkas"]


def simpan(fig: Figure, folder: str | Path | None, nama: str, svg: bool = True) -> list[Path]:
    """Write ``<folder>/grafik/<nama>.png`` (300 dpi) and ``.svg``; nothing when ``folder`` is None.

    ``svg=False`` writes the PNG only. Each file is written whole (another
    process may be waiting for it) and carries no date or software version, so
    the same chart gives the same bytes on every run.
    """
    if folder is None:
        return []
    out = Path(folder) / "grafik"
    written = [tulis_utuh(out / f"{nama}.png", charts.png(fig))]
    if svg:
        written.append(tulis_utuh(out / f"{nama}.svg", charts.svg(fig)))
    return written


def tampilkan(fig: Figure, folder: str | Path | None, nama: str, lebar_px: int = 860):
    """Show a chart in a notebook, saving it first when ``folder`` is given.

    With a folder, the chart is written by :func:`simpan` and the notebook
    shows that same 300-dpi PNG (drawn once, not twice); without one, the
    notebook's inline backend shows the figure and nothing is written.
    End a notebook cell with this call.
    """
    if folder is None:
        return None
    png = simpan(fig, folder, nama)[0]
    plt.close(fig)
    from IPython.display import Image

    return Image(data=png.read_bytes(), format="png", width=lebar_px)


def simpan_grafik_sasaran(a: Analisis, folder: str | Path) -> list[Path]:
    """Draw the chart of each sasaran into ``<folder>/grafik/`` (PNG and SVG), as the Word report shows them."""
    out = []
    for nama, buat in charts.grafik_sasaran(a).items():
        fig = buat()
        out += simpan(fig, folder, nama)
        plt.close(fig)
    return out


class SumberBerkas(SumberGrafik):
    """The charts of a run's reports, taken from its ``grafik/`` folder.

    A chart is taken from ``folder`` (a run's ``grafik/``, or the run folder)
    when it is there. While ``berjalan()`` says that the notebooks saving the
    charts are still running, a missing one is waited for; otherwise it is
    drawn here, once (:class:`lakip.report.charts.SumberGrafik`).
    """

    def __init__(self, folder: str | Path | None = None, berjalan: Callable[[], bool] | None = None, jeda: float = 0.05):
        super().__init__()
        self.folder = None if folder is None else Path(folder)
        self.berjalan = berjalan
        self.jeda = jeda

    def cari(self, nama: str) -> Path | None:
        """The PNG file of chart ``nama`` if it exists now, else None."""
        folders = [] if self.folder is None else [self.folder, self.folder / "grafik"]
        return next((p for f in folders if (p := f / f"{nama}.png").is_file()), None)

    def ambil(self, nama: str) -> bytes | None:
        """The PNG of chart ``nama`` from the folder: there, or waited for while the notebooks run; else None."""
        while (ada := self.cari(nama)) is None and self.berjalan is not None and self.berjalan():
            time.sleep(self.jeda)
        if ada is None:
            ada = self.cari(nama)  # saved just as the last notebook finished
        return None if ada is None else ada.read_bytes()
