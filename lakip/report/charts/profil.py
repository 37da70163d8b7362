"""The chart of Bab I: the staff of ``sdm.csv`` by status, golongan and sex (matplotlib, A4 width).

Takes the tables of :class:`lakip.core.profil.Profil` (exact counts); nothing
here writes a file (:mod:`lakip.app.grafik` saves the figure as ``grafik/sdm``).
"""

from __future__ import annotations

import textwrap

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from lakip.core.numbers import format_angka
from lakip.report.charts.gaya import GELAP, LEBAR_A4, gaya, grafik_kosong

__all__ = ["NAMA_GRAFIK_SDM", "grafik_sdm"]

#: The file name of the chart in a run's ``grafik/`` (without ``.png``).
NAMA_GRAFIK_SDM = "sdm"

_PANEL = (
    ("Menurut Golongan", (("gol_i", "Gol. I"), ("gol_ii", "Gol. II"), ("gol_iii", "Gol. III"), ("gol_iv", "Gol. IV")),
     ("#0072B2", "#56B4E9", "#009E73", "#E69F00"), ("", "///", "...", "xxx")),
    ("Menurut Jenis Kelamin", (("laki_laki", "Laki-laki"), ("perempuan", "Perempuan")),
     ("#0072B2", "#E69F00"), ("", "///")),
)


def _panel(ax, sdm: pd.DataFrame, judul: str, kolom, warna, arsir) -> None:
    y = np.arange(len(sdm))[::-1]
    kiri = np.zeros(len(sdm))
    top = float(sdm["jumlah"].max()) or 1.0
    for (k, label), c, h in zip(kolom, warna, arsir):
        v = sdm[k].to_numpy(dtype=float)
        ax.barh(y, v, left=kiri, height=0.55, color=c, hatch=h, edgecolor=GELAP, lw=0.6, label=label)
        for yi, a, b in zip(y, kiri, v):
            if b >= top * 0.06:
                ax.text(a + b / 2, yi, format_angka(b, 0), ha="center", va="center", fontsize=6.5,
                        bbox={"boxstyle": "square,pad=0.1", "facecolor": "white", "edgecolor": "none", "alpha": 0.8})
        kiri += v
    for yi, n, isi in zip(y, sdm["jumlah"], kiri):
        teks = format_angka(float(n), 0) + ("" if isi else " (tanpa rincian)")
        ax.text(max(isi, 0) + top * 0.02, yi, teks, va="center", fontsize=6.5, fontweight="bold")
    ax.set_yticks(y, ["\n".join(textwrap.wrap(str(s), 16)) for s in sdm["status"]])
    ax.set_xlim(0, top * 1.3)
    ax.set_xticks([])
    ax.spines["bottom"].set_visible(False)
    ax.set_title(judul, fontsize=8)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, 0.0), ncol=len(kolom), fontsize=6.5)


def grafik_sdm(sdm: pd.DataFrame | None, tahun: int) -> Figure:
    """Staff per status as bars split by golongan and by sex, side by side (each panel where the data has
    its columns); the total of each status at the end of its bar."""
    judul = f"Sumber Daya Aparatur Tahun {tahun}"
    if sdm is None or sdm.empty:
        return grafik_kosong(judul, "Data sumber daya aparatur (sdm.csv) belum tersedia.")
    panel = [p for p in _PANEL if all(k in sdm.columns for k, _ in p[1])]
    if not panel:
        panel = [("Jumlah Pegawai", (("jumlah", "Jumlah"),), ("#0072B2",), ("",))]
    with gaya():
        fig, axes = plt.subplots(1, len(panel), figsize=(LEBAR_A4, 1.6 + 0.55 * len(sdm)), layout="constrained",
                                 squeeze=False)
        for ax, (nama, kolom, warna, arsir) in zip(axes.ravel(), panel):
            _panel(ax, sdm, nama, kolom, warna, arsir)
        fig.suptitle(f"{judul} (jumlah {format_angka(float(sdm['jumlah'].sum()), 0)} orang)", fontsize=9, fontweight="bold")
    return fig
