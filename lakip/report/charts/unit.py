"""The charts of one unit and year (matplotlib), sized for an A4 page.

Each function takes tables of :class:`lakip.core.tables.Analisis` (exact
values) and returns a Figure; nothing here writes a file
(:mod:`lakip.app.grafik` saves them). Labels are in Indonesian with
Indonesian number format.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.ticker import FuncFormatter

from lakip.core.config import BELUM_TERUKUR, Skala
from lakip.core.numbers import format_persen, format_rupiah, format_rupiah_ringkas, tidak_ada
from lakip.core.tables import Analisis, tahun_banding, unit_kerja_tabel
from lakip.core.vocabulary import baca_nilai
from lakip.report.charts.gaya import (GELAP, KOTAK, LEBAR_A4, format_persen_sumbu, gambar_pita, gaya, grafik_kosong,
                                      judul_kapital, pita_kategori, sumbu_capaian, sumbu_persen, warna_kategori)
from lakip.report.display import teks_nilai

__all__ = ["grafik_capaian_iku", "grafik_target_realisasi", "grafik_tren", "grafik_serapan_program", "grafik_alokasi_bagian",
           "grafik_efisiensi", "grafik_sasaran"]


def grafik_capaian_iku(tabel_iku: pd.DataFrame, skala: Skala, judul: str | None = None, tahun: int | None = None) -> Figure:
    """Capaian of each IKU as a bar, against the kategori bands of the scale."""
    colors = warna_kategori(skala)
    n = len(tabel_iku)
    with gaya():
        fig, ax = plt.subplots(figsize=(LEBAR_A4, 0.9 + 0.45 * n), layout="constrained")
        cap = tabel_iku["capaian"].to_numpy(dtype=float)
        upper = max(110.0, np.nanmax(cap) * 1.12 if np.isfinite(cap).any() else 110.0)
        gambar_pita(ax, skala, 0, upper, vertical=True)
        y = np.arange(n)[::-1]
        for yi, c, k in zip(y, cap, tabel_iku["kategori"]):
            if np.isnan(c):
                ax.text(1, yi, BELUM_TERUKUR, va="center", ha="left", fontsize=7, style="italic", color=GELAP)
                continue
            color, hatch = colors[str(k)]
            ax.barh(yi, c, height=0.6, color=color, hatch=hatch, edgecolor=GELAP, linewidth=0.6, zorder=2)
            ax.text(c + upper * 0.01, yi, format_persen(c), va="center", ha="left", fontsize=7, zorder=3, bbox=KOTAK)
        sumbu_capaian(ax, tabel_iku, y, upper, n)
        default = "Capaian IKU terhadap Kategori" + (f" Tahun {tahun}" if tahun else "")
        ax.set_title(judul or default, pad=16)
        handles = [Patch(facecolor=colors[lab][0], hatch=colors[lab][1], edgecolor=GELAP, label=lab) for lab in skala.label]
        fig.legend(handles=handles, loc="outside lower center", ncol=len(handles))
    return fig


def _batang(row: pd.Series) -> tuple[list[float], list[str]]:
    """Heights and labels of the target and realisasi bars of one IKU: the numbers the loader read
    (a level as its fraction; the realisasi of a range target is a number), and for a range target
    the top of its range."""
    heights, labels = [], []
    for kolom in ("target", "realisasi"):
        v, x = row[kolom], row[f"{kolom}_nilai"]
        if tidak_ada(v):
            heights.append(np.nan)
            labels.append("N/A")
        elif row["jenis"] == "rentang" and kolom == "target":
            heights.append(baca_nilai(v, "rentang", None)[2])  # the top of the range
            labels.append(str(v))
        elif row["jenis"] == "level":
            heights.append(float(x))
            labels.append(str(v))
        else:
            heights.append(float(x))
            labels.append(teks_nilai(float(x), row.get(f"{kolom}_desimal")))
    return heights, labels


def grafik_target_realisasi(tabel_iku: pd.DataFrame, indikator: pd.DataFrame | None, tahun: int) -> Figure:
    """Target against realisasi, one small panel per IKU in its own unit.

    ``tabel_iku`` is :attr:`~lakip.core.tables.Analisis.capaian_iku`; ``indikator`` is not
    needed (its numbers are in the table) and is taken for the callers that pass it.
    """
    n = len(tabel_iku)
    cols = 4 if n > 4 else n
    rows = int(np.ceil(n / cols))
    with gaya():
        fig, axes = plt.subplots(rows, cols, figsize=(LEBAR_A4, 1.9 * rows + 0.5), layout="constrained", squeeze=False)
        for ax in axes.ravel()[n:]:
            ax.set_visible(False)
        for ax, (_, row) in zip(axes.ravel(), tabel_iku.iterrows()):
            ax.set_title(f"{row['kode']}\n" + "\n".join(textwrap.wrap(str(row["indikator"]), 22)[:3]), fontsize=7)
            ax.set_xlabel(str(row["satuan"]), fontsize=6.5)
            if row["jenis"] == "kategori":  # words have no height: write them
                ax.set_axis_off()
                ax.text(0.5, 0.62, f"Target: {teks_nilai(row['target'])}", ha="center", fontsize=7.5, transform=ax.transAxes)
                ax.text(0.5, 0.38, f"Realisasi: {teks_nilai(row['realisasi'])}", ha="center", fontsize=7.5,
                        fontweight="bold", transform=ax.transAxes)
                continue
            h, lab = _batang(row)
            bars = ax.bar([0, 1], np.nan_to_num(h, nan=0.0), width=0.6, color=["white", "#0072B2"],
                          edgecolor=GELAP, hatch=["///", ""], linewidth=0.7)
            top = np.nanmax(h) if np.isfinite(h).any() else 1.0
            for b, text in zip(bars, lab):
                ax.text(b.get_x() + b.get_width() / 2, b.get_height() + top * 0.03, text, ha="center", va="bottom", fontsize=6.5)
            ax.set_ylim(0, top * 1.3 if top > 0 else 1)
            ax.set_xticks([0, 1], ["Target", "Realisasi"])
            ax.set_yticks([])
            ax.spines["left"].set_visible(False)
        fig.suptitle(f"Target dan Realisasi IKU Tahun {tahun}", fontsize=9, fontweight="bold")
    return fig


_GARIS = ("-", "--", "-.", ":")
_PENANDA = ("o", "s", "^", "D", "v", "P", "X")


def grafik_tren(perbandingan: pd.DataFrame, indikator: pd.DataFrame, skala: Skala) -> Figure:
    """Capaian of every IKU over the years, one small panel per IKU, on the kategori bands.

    The panels show the last three years of ``perbandingan``, the years the
    report's comparison table (Tabel 3.3 form) and the per-sasaran charts
    show; more points would not leave room for their labels in a panel.
    """
    names = indikator.set_index("kode")["indikator"]
    if len(perbandingan):
        banding = tahun_banding(perbandingan, int(perbandingan["tahun"].max()))
        perbandingan = perbandingan[perbandingan["tahun"].isin(banding)]
    kodes = list(dict.fromkeys(perbandingan["kode"]))
    years = sorted(perbandingan["tahun"].unique())
    n = len(kodes)
    cols = 4 if n > 4 else n
    rows = int(np.ceil(n / cols))
    cap = perbandingan["capaian"].to_numpy(dtype=float)
    upper = max(110.0, np.nanmax(cap) * 1.15 if np.isfinite(cap).any() else 110.0)
    with gaya():
        fig, axes = plt.subplots(rows, cols, figsize=(LEBAR_A4, 1.9 * rows + 0.6), layout="constrained",
                                 squeeze=False, sharey=True)
        for ax in axes.ravel()[n:]:
            ax.set_visible(False)
        colors = warna_kategori(skala)
        for i, (ax, kode) in enumerate(zip(axes.ravel(), kodes)):
            for lab, a, b in pita_kategori(skala):
                a, b = max(a, 0), min(b, upper)
                if a < b:
                    ax.axhspan(a, b, color=colors[lab][0], alpha=0.12, lw=0, zorder=0)
            own = perbandingan[perbandingan["kode"] == kode].set_index("tahun")
            ada = np.isin(years, own.index)  # a year without a row (the IKU did not exist yet) gets no label
            g = own.reindex(years)
            y = g["capaian"].to_numpy(dtype=float)
            ax.plot(years, y, ls=_GARIS[i % len(_GARIS)], marker=_PENANDA[i % len(_PENANDA)], color=GELAP,
                    lw=1.1, ms=4, zorder=2)
            for j, (x, v) in enumerate(zip(years, y)):
                if not ada[j]:
                    continue
                if not np.isfinite(v):
                    ax.text(x, 3 + upper * 0.05, "N/A", ha="center", va="bottom", fontsize=5.5, bbox=KOTAK)
                    continue
                # above the point, or below it where the line comes down to it, off the line
                near = [w for w in y[max(j - 1, 0):j + 2] if np.isfinite(w)]
                below = np.mean(near) > v and v - upper * 0.05 > upper * 0.08
                ax.text(x, v - upper * 0.05 if below else v + upper * 0.05, format_persen(v, 2), ha="center",
                        va="top" if below else "bottom", fontsize=5.5, bbox=KOTAK)
            ax.axhline(100, color=GELAP, lw=0.6, ls="--", zorder=1)
            ax.set_xticks(years, [str(t) for t in years])
            ax.set_xlim(years[0] - 0.5, years[-1] + 0.5)
            ax.set_ylim(0, upper)
            ax.set_title(f"{kode}\n" + "\n".join(textwrap.wrap(str(names.get(kode, "")), 22)[:3]), fontsize=7)
        for ax in axes[:, 0]:
            format_persen_sumbu(ax, "y")
        span = f"{years[0]}-{years[-1]}" if len(years) > 1 else f"{years[0]}"
        fig.suptitle(f"Tren Capaian IKU {span}" if len(years) > 1 else f"Capaian IKU {span}", fontsize=9, fontweight="bold")
        handles = [Patch(facecolor=colors[lab][0], alpha=0.3, label=lab) for lab in skala.label]
        fig.legend(handles=handles, loc="outside lower center", ncol=len(handles))
    return fig


def grafik_serapan_program(anggaran: pd.DataFrame, tahun: int) -> Figure:
    """Pagu against realisasi of each program, with the serapan."""
    prog = anggaran[(anggaran["tingkat"] == "program") & anggaran["induk"].isna()]
    if prog.empty:
        return grafik_kosong(f"Pagu dan Realisasi Anggaran per Program Tahun {tahun}", f"Data anggaran per program tahun {tahun} belum tersedia.")
    n = max(len(prog), 1)
    with gaya():
        fig, ax = plt.subplots(figsize=(LEBAR_A4, 1.0 + 0.75 * n), layout="constrained")
        y = np.arange(len(prog))[::-1]
        ax.barh(y + 0.18, prog["pagu"], height=0.34, color="white", edgecolor=GELAP, hatch="///", lw=0.7, label="Pagu")
        ax.barh(y - 0.18, prog["realisasi"].fillna(0), height=0.34, color="#0072B2", edgecolor=GELAP, lw=0.7, label="Realisasi")
        top = float(prog["pagu"].max()) if len(prog) else 1.0
        for yi, p, r, s in zip(y, prog["pagu"], prog["realisasi"], prog["serapan"]):
            ax.text(p + top * 0.01, yi + 0.18, format_rupiah_ringkas(p), va="center", fontsize=6.5)
            txt = "belum ada realisasi" if np.isnan(r) else f"{format_rupiah_ringkas(r)} (serapan {format_persen(s)})"
            ax.text((0 if np.isnan(r) else r) + top * 0.01, yi - 0.18, txt, va="center", fontsize=6.5)
        ax.set_yticks(y, ["\n".join(textwrap.wrap(u, 30)) for u in prog["uraian"]])
        ax.set_xlim(0, top * 1.45)
        ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: format_rupiah_ringkas(v)))
        ax.set_title(f"Pagu dan Realisasi Anggaran per Program Tahun {tahun}")
        fig.legend(loc="outside lower center", ncol=2)  # below the axes: inside, it could cover a bar's label
    return fig


def grafik_alokasi_bagian(anggaran: pd.DataFrame, tahun: int, unit_kerja: str | None = None) -> Figure:
    """Pagu of each of the unit's divisions (the allocation tree of Bab II, tingkat ``bagian``), largest
    first, with its share; named with ``unit_kerja`` (default: the word the table carries, else Bagian)."""
    uk = unit_kerja or unit_kerja_tabel(anggaran)
    bag = anggaran[(anggaran["tingkat"] == "bagian") & anggaran["induk"].isna()].sort_values("pagu", kind="stable")
    if bag.empty:
        return grafik_kosong(f"Alokasi Anggaran per {uk} Tahun {tahun}", f"Data alokasi anggaran per {uk} tahun {tahun} belum tersedia.")
    total = float(bag["pagu"].sum()) or 1.0
    prog = anggaran[(anggaran["tingkat"] == "program") & anggaran["induk"].isna()]["pagu"].sum()
    n = max(len(bag), 1)
    with gaya():
        fig, ax = plt.subplots(figsize=(LEBAR_A4, 0.9 + 0.38 * n), layout="constrained")
        y = np.arange(len(bag))
        ax.barh(y, bag["pagu"], height=0.6, color="#0072B2", edgecolor=GELAP, lw=0.6)
        top = float(bag["pagu"].max()) if len(bag) else 1.0
        for yi, p in zip(y, bag["pagu"]):
            ax.text(p + top * 0.01, yi, f"{format_rupiah_ringkas(p)} ({format_persen(p * 100 / total, 1)})", va="center", fontsize=6.5)
        ax.set_yticks(y, ["\n".join(textwrap.wrap(judul_kapital(str(u)), 34)) for u in bag["uraian"]])
        ax.set_xlim(0, top * 1.35)
        ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: format_rupiah_ringkas(v)))
        ax.set_title(f"Alokasi Anggaran per {uk} Tahun {tahun} (jumlah {format_rupiah_ringkas(total)})")
        if prog and abs(prog - total) >= 0.005:
            ax.text(0, -0.08 - 0.3 / n, f"Catatan: jumlah pagu {uk} {format_rupiah(total)} tidak sama dengan jumlah pagu program "
                    f"{format_rupiah(prog)} (selisih {format_rupiah(prog - total)}); persen dihitung dari jumlah {uk}.",
                    transform=ax.transAxes, fontsize=6.5, style="italic", va="top", wrap=True)
    return fig


def grafik_efisiensi(efisiensi: pd.DataFrame, tahun: int) -> Figure:
    """Capaian kinerja against capaian anggaran per IKU; above the diagonal is efisien."""
    if efisiensi.dropna(subset=["capaian_kinerja", "capaian_anggaran"]).empty:
        return grafik_kosong(f"Capaian Kinerja dan Capaian Anggaran per IKU Tahun {tahun}",
                       f"Belum ada IKU tahun {tahun} yang punya capaian kinerja dan data anggaran.")
    markers = {"efisien": ("o", "#009E73"), "cukup efisien": ("s", "#E69F00"), "tidak efisien": ("X", "#D55E00")}
    with gaya():
        fig, ax = plt.subplots(figsize=(LEBAR_A4, 4.2), layout="constrained")
        ok = efisiensi.dropna(subset=["capaian_kinerja", "capaian_anggaran"])
        vals = np.concatenate([ok["capaian_kinerja"].to_numpy(float), ok["capaian_anggaran"].to_numpy(float)])
        lo = min(70.0, np.floor(vals.min() / 10) * 10 - 5) if len(vals) else 0.0
        hi = max(110.0, np.ceil(vals.max() / 10) * 10 + 5) if len(vals) else 110.0
        ax.plot([lo, hi], [lo, hi], color=GELAP, lw=0.8, ls="--", zorder=1)
        mid = lo + (hi - lo) * 0.12
        ax.text(mid, mid, "kinerja = anggaran", ha="left", va="bottom", fontsize=6.5, rotation=45,
                rotation_mode="anchor", transform_rotates_text=True)
        for status, (m, c) in markers.items():
            sub = ok[ok["status"] == status]
            if len(sub):
                ax.scatter(sub["capaian_anggaran"], sub["capaian_kinerja"], marker=m, s=36, color=c,
                           edgecolor=GELAP, lw=0.6, label=status, zorder=3)
        placed: list[tuple[float, float]] = []
        for _, row in ok.sort_values("capaian_kinerja", ascending=False, kind="stable").iterrows():
            x, y = row["capaian_anggaran"], row["capaian_kinerja"]
            near = any(abs(x - px) < (hi - lo) * 0.04 and abs(y - py) < (hi - lo) * 0.03 for px, py in placed)
            ax.annotate(row["kode"], (x, y), xytext=(5, -10) if near else (5, 3), textcoords="offset points", fontsize=6.5)
            placed.append((x, y))
        sumbu_persen(ax, lo, hi, "Capaian anggaran (serapan, %)", "Capaian kinerja (%)")
        missing = efisiensi[efisiensi["capaian_kinerja"].isna() | efisiensi["capaian_anggaran"].isna()]["kode"].tolist()
        title = f"Capaian Kinerja dan Capaian Anggaran per IKU Tahun {tahun}"
        ax.set_title(title)
        if missing:
            ax.text(0.01, 0.99, f"Tidak digambar ({BELUM_TERUKUR} / tanpa anggaran): {', '.join(missing)}",
                    transform=ax.transAxes, va="top", fontsize=6.5, style="italic")
        ax.legend(loc="lower right")
    return fig


def grafik_sasaran(a: Analisis) -> dict[str, Callable[[], Figure]]:
    """The trend chart of each sasaran (its IKU over the years the report compares),
    by file name ``tren_<sasaran_kode>``, each as a function that draws it."""
    per, iku = a.perbandingan_banding, a.capaian_iku
    out = {}
    for kode_s in a.capaian_sasaran["sasaran_kode"]:
        bagian = per[per["kode"].isin(set(iku.loc[iku["sasaran_kode"] == kode_s, "kode"]))]
        out[f"tren_{kode_s}"] = lambda b=bagian: grafik_tren(b, a.unit.indikator, a.pilihan.skala)
    return out
