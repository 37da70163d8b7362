"""What the exploratory study shows after each change: the tables of :mod:`lakip.report.display_skenario`
as HTML, the moved rows marked, the chart of :func:`lakip.report.charts.grafik_skenario` as SVG.

Formatting only: every number comes from the result of :func:`lakip.core.whatif.skenario`.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Any

import pandas as pd

from lakip.core.config import Skala
from lakip.core.numbers import format_persen, tidak_ada
from lakip.report.charts.gaya import svg
from lakip.report.charts.skenario import grafik_skenario
from lakip.core.whatif.banding import beda
from lakip.report.display import kategori_teks
from lakip.report.display_skenario import (tampil_kebutuhan_berikutnya, tampil_perubahan, tampil_skenario_distribusi,
                                           tampil_skenario_efisiensi, tampil_skenario_iku, tampil_skenario_rata_rata,
                                           tampil_skenario_sasaran)

__all__ = ["GAYA_TABEL", "tabel_html", "tabel_tampil", "teks_rata_rata", "gambar_svg"]

#: How the tables look in the notebook and on the page; a moved row is shaded.
GAYA_TABEL = """<style>
.lakip-tabel {border-collapse: collapse; font-size: 12px; margin: 4px 0 10px 0;}
.lakip-tabel th, .lakip-tabel td {border: 1px solid #bbb; padding: 2px 6px; text-align: left;}
.lakip-tabel td.angka {text-align: right;}
.lakip-tabel tr.lakip-berubah td {background: #fff3c4; font-weight: bold;}
</style>"""


def tabel_html(tabel: pd.DataFrame, tandai: Sequence[bool] | None = None) -> str:
    """A display table as an HTML table (every cell escaped); rows where ``tandai`` is true get the class
    ``lakip-berubah``."""
    kepala = "".join(f"<th>{html.escape(str(c))}</th>" for c in tabel.columns)
    baris = []
    for i, row in enumerate(tabel.itertuples(index=False)):
        kelas = ' class="lakip-berubah"' if tandai is not None and bool(tandai[i]) else ""
        sel = "".join(f'<td{_kelas_sel(v)}>{html.escape("" if v is None else str(v))}</td>' for v in row)
        baris.append(f"<tr{kelas}>{sel}</tr>")
    return f'<table class="lakip-tabel"><thead><tr>{kepala}</tr></thead><tbody>{"".join(baris)}</tbody></table>'


def _kelas_sel(v: object) -> str:
    s = str(v)
    return ' class="angka"' if s[:1].isdigit() or s.endswith((" %", " pp")) or isinstance(v, (int, float)) else ""


def tabel_tampil(hasil: dict[str, Any], skala: Skala) -> dict[str, tuple[pd.DataFrame, list[bool] | None]]:
    """The display tables of a scenario result, each with the rows to mark (None: none).

    Keys: ``perubahan``, ``rata_rata``, ``iku``, ``sasaran``, ``distribusi``, ``efisiensi``, ``kebutuhan``.
    """
    iku, sas, eff = hasil["iku"], hasil["sasaran"], hasil["efisiensi"]
    dist = hasil["distribusi"]
    return {
        "perubahan": (tampil_perubahan(hasil["perubahan"]), None),
        "rata_rata": (tampil_skenario_rata_rata(hasil["rata_rata"]),
                      beda(hasil["rata_rata"]["sebelum"], hasil["rata_rata"]["sesudah"])),
        "iku": (tampil_skenario_iku(iku, indikator=True), list(iku["berubah"] | iku["diubah"])),
        "sasaran": (tampil_skenario_sasaran(sas), list(sas["berubah"])),
        "distribusi": (tampil_skenario_distribusi(dist), list(dist["jumlah_sebelum"] != dist["jumlah_sesudah"])),
        "efisiensi": (tampil_skenario_efisiensi(eff), list(eff["berubah"])),
        "kebutuhan": (tampil_kebutuhan_berikutnya(hasil["kebutuhan"], skala), None),
    }


def teks_rata_rata(hasil: dict[str, Any]) -> str:
    """The overall mean of IKU capaian under the scenario with its kategori, the one number of the
    ``lakip-rata-rata`` element: ``Rata-rata capaian IKU: 91,67 % (Sangat Tinggi)``."""
    r = hasil["rata_rata"].set_index("ukuran").loc["rata_rata_iku"]
    if tidak_ada(r["sesudah"]):
        return f"Rata-rata capaian IKU: {kategori_teks(None)}"
    return f"Rata-rata capaian IKU: {format_persen(r['sesudah'])} ({kategori_teks(r['kategori_sesudah'])})"


def gambar_svg(hasil: dict[str, Any], skala: Skala, tahun: int) -> bytes:
    """The chart of capaian before and after on the kategori bands, as SVG (:func:`lakip.report.charts.svg`:
    text stays text, which draws in about half the time of a PNG of 50 IKU)."""
    import matplotlib.pyplot as plt

    fig = grafik_skenario(hasil["iku"], skala, tahun)
    try:
        return svg(fig)
    finally:
        plt.close(fig)
