"""The charts of the scores from outside the unit (DOMAIN.md section 8): the NRR of each unsur of the
IKM survey against the mutu bands, and the components of the LKE against their weights over the years.

Each takes a table of :class:`lakip.core.tabel_luar.TabelLuar` (exact values) and returns a Figure;
nothing here writes a file (:mod:`lakip.app.grafik` saves them as ``grafik/ikm_nrr`` and
``grafik/akip_komponen``).
"""

from __future__ import annotations

import textwrap

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from lakip.core.ikm import KINERJA_MUTU, MUTU_NRR
from lakip.core.numbers import format_angka, tidak_ada
from lakip.report.charts.gaya import GELAP, KOTAK, LEBAR_A4, gambar_pita, gaya, grafik_kosong, warna_kategori

__all__ = ["NAMA_GRAFIK_IKM", "NAMA_GRAFIK_AKIP", "grafik_nrr", "grafik_akip"]

#: The file names of the charts in a run's ``grafik/`` (without ``.png``).
NAMA_GRAFIK_IKM = "ikm_nrr"
NAMA_GRAFIK_AKIP = "akip_komponen"

#: How many years of the LKE the chart shows at most (the report year and those before it).
TAHUN_AKIP = 4


def grafik_nrr(ikm: pd.DataFrame | None, tahun: int) -> Figure:
    """The NRR of each unsur of the year's survey as a bar on the 1-4 scale of the answers, against the
    mutu bands of one unsur (:data:`lakip.core.ikm.MUTU_NRR`); the IKM and its mutu in the title."""
    judul = f"Nilai Rata-rata per Unsur Pelayanan Tahun {tahun}"
    if ikm is None or ikm.empty:
        return grafik_kosong(judul, f"Survei kepuasan masyarakat (survei_ikm.csv) tahun {tahun} belum tersedia.")
    warna = warna_kategori(MUTU_NRR)
    n = len(ikm)
    with gaya():
        fig, ax = plt.subplots(figsize=(LEBAR_A4, 1.2 + 0.42 * n), layout="constrained")
        gambar_pita(ax, MUTU_NRR, 1.0, 4.0, vertical=True)
        y = np.arange(n)[::-1]
        for yi, v, m in zip(y, ikm["nrr"].astype(float), ikm["mutu"]):
            c, h = warna[str(m)]
            ax.barh(yi, v - 1.0, left=1.0, height=0.6, color=c, hatch=h, edgecolor=GELAP, linewidth=0.6, zorder=2)
            ax.text(min(v, 3.74) + 0.02, yi, format_angka(v, 3), va="center", ha="left", fontsize=7, zorder=3, bbox=KOTAK)
        label = [f"{str(u).upper()}  " + "\n".join(textwrap.wrap(str(nm), 30)) for u, nm in zip(ikm["unsur"], ikm["nama_unsur"])]
        ax.set_yticks(y, label)
        ax.set_ylim(-0.6, n - 0.4)
        ax.set_xlim(1.0, 4.0)
        ax.set_xticks([1, 2, 3, 4], ["1", "2", "3", "4"])
        ax.set_xlabel("Nilai rata-rata (NRR) jawaban responden, 1-4")
        r = ikm.iloc[0]
        ringkas = "" if tidak_ada(r.get("ikm")) else (
            f"\nIKM {format_angka(float(r['ikm']), 2)}, mutu {r['mutu_ikm']} "
            f"({KINERJA_MUTU.get(str(r['mutu_ikm']), '-')}), {format_angka(float(r['responden']), 0)} responden")
        ax.set_title(judul + ringkas, pad=16)
        handles = [Patch(facecolor=warna[m][0], hatch=warna[m][1], edgecolor=GELAP, label=f"{m} {KINERJA_MUTU[m]}")
                   for m in MUTU_NRR.label]
        fig.legend(handles=handles, loc="outside lower center", ncol=len(handles))
    return fig


def _tahun_akip(komponen: pd.DataFrame, tahun: int) -> list[int]:
    ada = sorted(int(t) for t in komponen["tahun"].unique() if int(t) <= tahun)
    return ada[-TAHUN_AKIP:]


def grafik_akip(komponen: pd.DataFrame | None, nilai: pd.DataFrame | None, tahun: int) -> Figure:
    """The components of the LKE (not their sub-components) against their weights: for each component, a bar
    per year (the report year and up to three before it) inside the outline of its weight; the nilai AKIP
    and predikat of each year in the legend."""
    judul = "Nilai Komponen AKIP terhadap Bobotnya"
    if komponen is None or komponen.empty or not (komponen["tahun"] <= tahun).any():
        return grafik_kosong(judul, f"Lembar Kerja Evaluasi AKIP (lke.csv) sampai tahun {tahun} belum tersedia.")
    years = _tahun_akip(komponen, tahun)
    utama = komponen[komponen["induk"].isna() & komponen["tahun"].isin(years)]
    nama = list(dict.fromkeys(utama["komponen"]))
    bobot = utama.groupby("komponen", sort=False)["bobot"].max()
    total = {} if nilai is None else dict(zip(nilai["tahun"].astype(int), zip(nilai["nilai"], nilai["predikat"])))
    warna = ("#BBBBBB", "#56B4E9", "#0072B2", "#009E73")[-len(years):]
    arsir = ("xxx", "...", "///", "")[-len(years):]
    lebar = 0.8 / len(years)
    with gaya():
        fig, ax = plt.subplots(figsize=(LEBAR_A4, 1.4 + 0.75 * len(nama)), layout="constrained")
        y = np.arange(len(nama))[::-1].astype(float)
        ax.barh(y, [float(bobot[k]) for k in nama], height=0.9, facecolor="none", edgecolor=GELAP, linestyle="--",
                linewidth=0.8, zorder=1)
        for yi, k in zip(y, nama):
            ax.text(float(bobot[k]) + 0.4, yi + 0.3, f"bobot {format_angka(float(bobot[k]), 2)}", va="center", fontsize=6,
                    color=GELAP)
        for i, (t, c, h) in enumerate(zip(years, warna, arsir)):
            baris = utama[utama["tahun"] == t].set_index("komponen")
            pos = y + 0.4 - lebar * (i + 0.5)
            v = [float(baris["nilai"].get(k, np.nan)) for k in nama]
            tot = total.get(t)
            ket = "" if tot is None or tidak_ada(tot[0]) else f": {format_angka(float(tot[0]), 2)} ({tot[1]})"
            ax.barh(pos, v, height=lebar * 0.9, color=c, hatch=h, edgecolor=GELAP, linewidth=0.5, zorder=2,
                    label=f"{t}{ket}")
            for p, x in zip(pos, v):
                if not np.isnan(x):
                    ax.text(x + 0.3, p, format_angka(x, 2), va="center", ha="left", fontsize=6, zorder=3, bbox=KOTAK)
        ax.set_yticks(y, ["\n".join(textwrap.wrap(k, 24)) for k in nama])
        ax.set_xlim(0, float(bobot.max()) * 1.25)
        ax.set_xlabel("Nilai (garis putus-putus: bobot komponen)")
        span = f" Tahun {years[0]}-{years[-1]}" if len(years) > 1 else f" Tahun {years[0]}"
        ax.set_title(judul + span, pad=10)
        fig.legend(loc="outside lower center", ncol=len(years), title="Tahun: nilai AKIP (predikat)", title_fontsize=7)
    return fig
