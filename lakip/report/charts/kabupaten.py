"""The charts of a whole kabupaten (the rollup of :mod:`lakip.core.rollup`)."""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

import matplotlib.pyplot as plt

from lakip.core.config import BELUM_TERUKUR, Skala
from lakip.core.rollup import kolom_kategori
from lakip.report.charts.gaya import GELAP, LEBAR_A4, gaya, grafik_kosong, sumbu_persen, warna_kategori

__all__ = ["grafik_distribusi_unit", "grafik_capaian_serapan"]


def grafik_distribusi_unit(unit_tabel: pd.DataFrame, skala: Skala, tahun: int) -> Figure:
    """Stacked bars: the number of IKU per kategori of each unit (kategori colours and hatches)."""
    judul = f"Distribusi Kategori Capaian IKU per Unit Tahun {tahun}"
    if unit_tabel.empty:
        return grafik_kosong(judul, f"Belum ada unit dengan data tahun {tahun}.")
    colors = warna_kategori(skala)
    labels = [*skala.label, BELUM_TERUKUR]
    t = unit_tabel.iloc[::-1]
    n = len(t)
    with gaya():
        fig, ax = plt.subplots(figsize=(LEBAR_A4, min(1.2 + 0.22 * n, 9.0)), layout="constrained")
        y = np.arange(n)
        left = np.zeros(n)
        for lab in labels:
            col = kolom_kategori(lab)
            if col not in t:
                continue
            v = t[col].to_numpy(dtype=float)
            warna, arsir = colors[lab]
            if n <= 60:
                ax.barh(y, v, left=left, color=warna, hatch=arsir, edgecolor=GELAP, lw=0.5, label=lab, height=0.7)
            else:  # one stepped band per kategori: a bar per unit would be thousands of shapes
                ax.fill_betweenx(y, left, left + v, step="mid", color=warna, hatch=arsir, edgecolor=GELAP, lw=0, label=lab)
            left += v
        if n <= 60:
            ax.set_yticks(y, list(t["entitas"]), fontsize=6 if n > 25 else 7)
        else:  # too many to name: the order of unit.csv, top to bottom
            ax.set_yticks([])
            ax.set_ylim(-0.5, n - 0.5)
            ax.set_ylabel(f"{n} unit (urutan unit.csv, dari atas)")
        ax.set_xlabel("Jumlah IKU")
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))  # counts: no 2.5
        ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1.02 if n < 3 else 1.0), ncol=3, fontsize=6.5)
        ax.set_title(judul, pad=28)
    return fig


def grafik_capaian_serapan(unit_tabel: pd.DataFrame, tahun: int) -> Figure:
    """One point per unit: mean capaian of its IKU against the serapan of its program budget."""
    judul = f"Rata-rata Capaian IKU dan Serapan Anggaran per Unit Tahun {tahun}"
    ok = unit_tabel.dropna(subset=["rata_rata_iku", "serapan"])
    if ok.empty:
        return grafik_kosong(judul, f"Belum ada unit tahun {tahun} yang punya capaian dan serapan anggaran.")
    with gaya():
        fig, ax = plt.subplots(figsize=(LEBAR_A4, 4.2), layout="constrained")
        x, y = ok["serapan"].to_numpy(float), ok["rata_rata_iku"].to_numpy(float)
        lo = min(50.0, float(np.floor(min(x.min(), y.min()) / 10) * 10 - 5))
        hi = max(110.0, float(np.ceil(max(x.max(), y.max()) / 10) * 10 + 5))
        ax.plot([lo, hi], [lo, hi], color=GELAP, lw=0.8, ls="--", zorder=1)
        ax.scatter(x, y, s=28, color="#0072B2", edgecolor=GELAP, lw=0.5, zorder=3)
        if len(ok) <= 40:
            for xi, yi, slug in zip(x, y, ok["entitas"]):
                ax.annotate(slug, (xi, yi), xytext=(4, 3), textcoords="offset points", fontsize=6)
        sumbu_persen(ax, lo, hi, "Serapan anggaran program (%)", "Rata-rata capaian IKU (%)")
        ax.set_title(judul)
    return fig
