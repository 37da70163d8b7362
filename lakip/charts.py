"""Charts of the analysis (matplotlib), sized for an A4 page.

Every chart function takes tables of :mod:`lakip.analysis` and returns a
Figure; :func:`simpan` writes it as PNG (300 dpi) and SVG. Labels are in
Indonesian with Indonesian number format. Kategori are told apart by colour
(Okabe-Ito, safe for colour-blind readers) and by hatching, so a chart
survives black-and-white print. The same inputs give byte-identical files.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import textwrap
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.ticker import FixedLocator, FuncFormatter, MaxNLocator

from lakip.config import BELUM_TERUKUR, Skala
from lakip.display import teks_nilai
from lakip.numbers import format_angka, parse_angka, format_persen, format_rupiah, format_rupiah_ringkas, parse_level, parse_rentang

__all__ = [
    "LEBAR_A4",
    "GAYA",
    "warna_kategori",
    "grafik_capaian_iku",
    "grafik_target_realisasi",
    "grafik_tren",
    "grafik_serapan_program",
    "grafik_alokasi_bagian",
    "grafik_efisiensi",
    "simpan",
    "tampilkan",
    "grafik_sasaran",
    "simpan_grafik_sasaran",
    "GRAFIK_LAPORAN",
    "SumberGrafik",
    "tulis_dengan_grafik",
]

#: Width of the text area of an A4 page with 2,5 cm margins, in inches.
LEBAR_A4 = 6.3

#: Okabe-Ito colours, from the top kategori down, and a hatch for each.
_WARNA = ("#009E73", "#56B4E9", "#F0E442", "#E69F00", "#D55E00", "#CC79A7")
_ARSIR = ("", "///", "...", "xxx", "\\\\\\", "++")
_ABU = "#BBBBBB"
_GELAP = "#222222"
#: A white box under a value label: a line or band crossing it does not cross the number.
_KOTAK = {"boxstyle": "square,pad=0.1", "facecolor": "white", "edgecolor": "none", "alpha": 0.8}

GAYA = {
    "font.family": "DejaVu Sans",
    "font.size": 8,
    "axes.titlesize": 9,
    "axes.titleweight": "bold",
    "axes.labelsize": 8,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.edgecolor": _GELAP,
    "hatch.linewidth": 0.6,
    "legend.fontsize": 7,
    "legend.frameon": False,
    "xtick.labelsize": 7,
    "ytick.labelsize": 7,
    "figure.dpi": 100,
    "savefig.dpi": 300,
    "svg.hashsalt": "lakip",
    "svg.fonttype": "none",  # text stays text: smaller, faster, editable in a word processor
    "axes.unicode_minus": False,
}


@contextlib.contextmanager
def _gaya():
    with plt.rc_context(GAYA):
        yield


def warna_kategori(skala: Skala) -> dict[str, tuple[str, str]]:
    """Colour and hatch of each kategori (highest first), and of "belum dapat diukur"."""
    out = {lab: (_WARNA[i % len(_WARNA)], _ARSIR[i % len(_ARSIR)]) for i, lab in enumerate(skala.label)}
    out[BELUM_TERUKUR] = (_ABU, "")
    return out


_KECIL = {"dan", "di", "ke", "dari", "yang", "untuk", "pada", "atau"}


def _judul(teks: str) -> str:
    """``BAGIAN PROTOKOL DAN KOMUNIKASI`` -> ``Bagian Protokol dan Komunikasi``."""
    words = teks.lower().split()
    return " ".join(w if (i and w in _KECIL) else w[:1].upper() + w[1:] for i, w in enumerate(words))


def _label_iku(kode: str, nama: str, lebar: int = 34) -> str:
    return f"{kode}  " + "\n".join(textwrap.wrap(nama, lebar))


def _persen_axis(ax, axis: str = "x") -> None:
    fmt = FuncFormatter(lambda v, _: f"{format_angka(v, 0)} %")
    (ax.xaxis if axis == "x" else ax.yaxis).set_major_formatter(fmt)


def _sumbu_persen(ax, lo: float, hi: float, xlabel: str, ylabel: str) -> None:
    """Both axes in percent over the same range [lo, hi] (a scatter of two percentages)."""
    ax.set_xlim(lo, hi)
    ax.set_ylim(lo, hi)
    _persen_axis(ax, "x")
    _persen_axis(ax, "y")
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)


def _band_patches(skala: Skala) -> list[tuple[str, float, float]]:
    """(kategori, lower, upper) of each band on a 0..upper axis."""
    bounds = [*skala.batas, -np.inf]
    out, upper = [], np.inf
    for lab, lo in zip(skala.label, bounds):
        out.append((lab, lo, upper))
        upper = lo
    return out


def _draw_bands(ax, skala: Skala, lo: float, hi: float, vertical: bool) -> None:
    colors = warna_kategori(skala)
    for lab, a, b in _band_patches(skala):
        a, b = max(a, lo), min(b, hi)
        if a >= b:
            continue
        span = ax.axvspan if vertical else ax.axhspan
        span(a, b, color=colors[lab][0], alpha=0.12, lw=0, zorder=0)
        mid = (a + b) / 2
        if vertical:
            ax.text(mid, 1.01, lab, transform=ax.get_xaxis_transform(), ha="center", va="bottom", fontsize=6, color=_GELAP)
        else:
            ax.text(1.0, mid, f" {lab}", transform=ax.get_yaxis_transform(), ha="left", va="center", fontsize=6, color=_GELAP)


def _kosong(judul: str, pesan: str) -> Figure:
    """A chart that says plainly that its data is not there."""
    with _gaya():
        fig, ax = plt.subplots(figsize=(LEBAR_A4, 1.6), layout="constrained")
        ax.set_axis_off()
        ax.set_title(judul)
        ax.text(0.5, 0.45, pesan, ha="center", va="center", fontsize=8, style="italic", transform=ax.transAxes)
    return fig


def _sumbu_capaian(ax, tabel_iku: pd.DataFrame, y: np.ndarray, upper: float, n: int) -> None:
    """The axes of a horizontal capaian chart: one row per IKU, 0..upper percent, 100 % marked."""
    ax.axvline(100, color=_GELAP, lw=0.8, ls="--", zorder=1)
    ax.set_yticks(y, [_label_iku(k, v) for k, v in zip(tabel_iku["kode"], tabel_iku["indikator"])])
    ax.set_xlim(0, upper)
    ax.set_ylim(-0.6, n - 0.4)
    _persen_axis(ax, "x")
    ax.set_xlabel("Capaian (%)")


def grafik_capaian_iku(tabel_iku: pd.DataFrame, skala: Skala, judul: str | None = None, tahun: int | None = None) -> Figure:
    """Capaian of each IKU as a bar, against the kategori bands of the scale."""
    colors = warna_kategori(skala)
    n = len(tabel_iku)
    with _gaya():
        fig, ax = plt.subplots(figsize=(LEBAR_A4, 0.9 + 0.45 * n), layout="constrained")
        cap = tabel_iku["capaian"].to_numpy(dtype=float)
        upper = max(110.0, np.nanmax(cap) * 1.12 if np.isfinite(cap).any() else 110.0)
        _draw_bands(ax, skala, 0, upper, vertical=True)
        y = np.arange(n)[::-1]
        for yi, c, k in zip(y, cap, tabel_iku["kategori"]):
            if np.isnan(c):
                ax.text(1, yi, BELUM_TERUKUR, va="center", ha="left", fontsize=7, style="italic", color=_GELAP)
                continue
            color, hatch = colors[str(k)]
            ax.barh(yi, c, height=0.6, color=color, hatch=hatch, edgecolor=_GELAP, linewidth=0.6, zorder=2)
            ax.text(c + upper * 0.01, yi, format_persen(c), va="center", ha="left", fontsize=7, zorder=3, bbox=_KOTAK)
        _sumbu_capaian(ax, tabel_iku, y, upper, n)
        default = "Capaian IKU terhadap Kategori" + (f" Tahun {tahun}" if tahun else "")
        ax.set_title(judul or default, pad=16)
        handles = [Patch(facecolor=colors[lab][0], hatch=colors[lab][1], edgecolor=_GELAP, label=lab) for lab in skala.label]
        fig.legend(handles=handles, loc="outside lower center", ncol=len(handles))
    return fig


def _nilai_batang(values: Sequence[object], jenis: str, skala_kata: Sequence[str] | None) -> tuple[list[float], list[str]]:
    """Heights and labels of target/realisasi bars: numbers, level fractions or word ranks."""
    heights, labels = [], []
    for v in values:
        if v is None or (isinstance(v, float) and np.isnan(v)):
            heights.append(np.nan)
            labels.append("N/A")
        elif jenis == "kategori" and skala_kata:
            words = [w.casefold() for w in skala_kata]
            heights.append(float(words.index(str(v).casefold()) + 1) if str(v).casefold() in words else np.nan)
            labels.append(str(v))
        elif jenis == "level":
            num, den = parse_level(v)
            heights.append(num / den)
            labels.append(str(v))
        elif jenis == "rentang" and isinstance(v, str) and "-" in v.strip()[1:]:
            heights.append(parse_rentang(v)[1])  # the target: the top of the range
            labels.append(str(v))
        elif jenis == "rentang":  # the realisasi of a range target is a number
            x = float(v) if isinstance(v, (int, float, np.number)) else parse_angka(str(v))
            heights.append(np.nan if x is None else float(x))
            labels.append(teks_nilai(x))
        else:
            heights.append(float(v))
            labels.append(teks_nilai(float(v)))
    return heights, labels


def grafik_target_realisasi(tabel_iku: pd.DataFrame, indikator: pd.DataFrame, tahun: int) -> Figure:
    """Target against realisasi, one small panel per IKU in its own unit."""
    info = indikator.set_index("kode")
    n = len(tabel_iku)
    cols = 4 if n > 4 else n
    rows = int(np.ceil(n / cols))
    with _gaya():
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
            words = info.loc[row["kode"], "skala_kata"] if "skala_kata" in info else None
            h, lab = _nilai_batang([row["target"], row["realisasi"]], row["jenis"], words)
            bars = ax.bar([0, 1], np.nan_to_num(h, nan=0.0), width=0.6, color=["white", "#0072B2"],
                          edgecolor=_GELAP, hatch=["///", ""], linewidth=0.7)
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
    from lakip import analysis

    names = indikator.set_index("kode")["indikator"]
    if len(perbandingan):
        banding = analysis.tahun_banding(perbandingan, int(perbandingan["tahun"].max()))
        perbandingan = perbandingan[perbandingan["tahun"].isin(banding)]
    kodes = list(dict.fromkeys(perbandingan["kode"]))
    years = sorted(perbandingan["tahun"].unique())
    n = len(kodes)
    cols = 4 if n > 4 else n
    rows = int(np.ceil(n / cols))
    cap = perbandingan["capaian"].to_numpy(dtype=float)
    upper = max(110.0, np.nanmax(cap) * 1.15 if np.isfinite(cap).any() else 110.0)
    with _gaya():
        fig, axes = plt.subplots(rows, cols, figsize=(LEBAR_A4, 1.9 * rows + 0.6), layout="constrained",
                                 squeeze=False, sharey=True)
        for ax in axes.ravel()[n:]:
            ax.set_visible(False)
        colors = warna_kategori(skala)
        for i, (ax, kode) in enumerate(zip(axes.ravel(), kodes)):
            for lab, a, b in _band_patches(skala):
                a, b = max(a, 0), min(b, upper)
                if a < b:
                    ax.axhspan(a, b, color=colors[lab][0], alpha=0.12, lw=0, zorder=0)
            own = perbandingan[perbandingan["kode"] == kode].set_index("tahun")
            ada = np.isin(years, own.index)  # a year without a row (the IKU did not exist yet) gets no label
            g = own.reindex(years)
            y = g["capaian"].to_numpy(dtype=float)
            ax.plot(years, y, ls=_GARIS[i % len(_GARIS)], marker=_PENANDA[i % len(_PENANDA)], color=_GELAP,
                    lw=1.1, ms=4, zorder=2)
            for j, (x, v) in enumerate(zip(years, y)):
                if not ada[j]:
                    continue
                if not np.isfinite(v):
                    ax.text(x, 3 + upper * 0.05, "N/A", ha="center", va="bottom", fontsize=5.5, bbox=_KOTAK)
                    continue
                # above the point, or below it where the line comes down to it, off the line
                near = [w for w in y[max(j - 1, 0):j + 2] if np.isfinite(w)]
                below = np.mean(near) > v and v - upper * 0.05 > upper * 0.08
                ax.text(x, v - upper * 0.05 if below else v + upper * 0.05, format_persen(v, 2), ha="center",
                        va="top" if below else "bottom", fontsize=5.5, bbox=_KOTAK)
            ax.axhline(100, color=_GELAP, lw=0.6, ls="--", zorder=1)
            ax.set_xticks(years, [str(t) for t in years])
            ax.set_xlim(years[0] - 0.5, years[-1] + 0.5)
            ax.set_ylim(0, upper)
            ax.set_title(f"{kode}\n" + "\n".join(textwrap.wrap(str(names.get(kode, "")), 22)[:3]), fontsize=7)
        for ax in axes[:, 0]:
            _persen_axis(ax, "y")
        span = f"{years[0]}-{years[-1]}" if len(years) > 1 else f"{years[0]}"
        fig.suptitle(f"Tren Capaian IKU {span}" if len(years) > 1 else f"Capaian IKU {span}", fontsize=9, fontweight="bold")
        handles = [Patch(facecolor=colors[lab][0], alpha=0.3, label=lab) for lab in skala.label]
        fig.legend(handles=handles, loc="outside lower center", ncol=len(handles))
    return fig


def grafik_serapan_program(anggaran: pd.DataFrame, tahun: int) -> Figure:
    """Pagu against realisasi of each program, with the serapan."""
    prog = anggaran[(anggaran["tingkat"] == "program") & anggaran["induk"].isna()]
    if prog.empty:
        return _kosong(f"Pagu dan Realisasi Anggaran per Program Tahun {tahun}", f"Data anggaran per program tahun {tahun} belum tersedia.")
    n = max(len(prog), 1)
    with _gaya():
        fig, ax = plt.subplots(figsize=(LEBAR_A4, 1.0 + 0.75 * n), layout="constrained")
        y = np.arange(len(prog))[::-1]
        ax.barh(y + 0.18, prog["pagu"], height=0.34, color="white", edgecolor=_GELAP, hatch="///", lw=0.7, label="Pagu")
        ax.barh(y - 0.18, prog["realisasi"].fillna(0), height=0.34, color="#0072B2", edgecolor=_GELAP, lw=0.7, label="Realisasi")
        top = float(prog["pagu"].max()) if len(prog) else 1.0
        for yi, p, r, s in zip(y, prog["pagu"], prog["realisasi"], prog["serapan"]):
            ax.text(p + top * 0.01, yi + 0.18, format_rupiah_ringkas(p), va="center", fontsize=6.5)
            txt = "belum ada realisasi" if np.isnan(r) else f"{format_rupiah_ringkas(r)} (serapan {format_persen(s)})"
            ax.text((0 if np.isnan(r) else r) + top * 0.01, yi - 0.18, txt, va="center", fontsize=6.5)
        ax.set_yticks(y, ["\n".join(textwrap.wrap(u, 30)) for u in prog["uraian"]])
        ax.set_xlim(0, top * 1.45)
        ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: format_rupiah_ringkas(v)))
        ax.set_title(f"Pagu dan Realisasi Anggaran per Program Tahun {tahun}")
        ax.legend(loc="lower right")
    return fig


def grafik_alokasi_bagian(anggaran: pd.DataFrame, tahun: int) -> Figure:
    """Pagu of each Bagian (the allocation tree of Bab II), largest first, with its share."""
    bag = anggaran[(anggaran["tingkat"] == "bagian") & anggaran["induk"].isna()].sort_values("pagu", kind="stable")
    if bag.empty:
        return _kosong(f"Alokasi Anggaran per Bagian Tahun {tahun}", f"Data alokasi anggaran per Bagian tahun {tahun} belum tersedia.")
    total = float(bag["pagu"].sum()) or 1.0
    prog = anggaran[(anggaran["tingkat"] == "program") & anggaran["induk"].isna()]["pagu"].sum()
    n = max(len(bag), 1)
    with _gaya():
        fig, ax = plt.subplots(figsize=(LEBAR_A4, 0.9 + 0.38 * n), layout="constrained")
        y = np.arange(len(bag))
        ax.barh(y, bag["pagu"], height=0.6, color="#0072B2", edgecolor=_GELAP, lw=0.6)
        top = float(bag["pagu"].max()) if len(bag) else 1.0
        for yi, p in zip(y, bag["pagu"]):
            ax.text(p + top * 0.01, yi, f"{format_rupiah_ringkas(p)} ({format_persen(p * 100 / total, 1)})", va="center", fontsize=6.5)
        ax.set_yticks(y, ["\n".join(textwrap.wrap(_judul(str(u)), 34)) for u in bag["uraian"]])
        ax.set_xlim(0, top * 1.35)
        ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: format_rupiah_ringkas(v)))
        ax.set_title(f"Alokasi Anggaran per Bagian Tahun {tahun} (jumlah {format_rupiah_ringkas(total)})")
        if prog and abs(prog - total) >= 0.005:
            ax.text(0, -0.08 - 0.3 / n, f"Catatan: jumlah pagu Bagian {format_rupiah(total)} tidak sama dengan jumlah pagu program "
                    f"{format_rupiah(prog)} (selisih {format_rupiah(prog - total)}); persen dihitung dari jumlah Bagian.",
                    transform=ax.transAxes, fontsize=6.5, style="italic", va="top", wrap=True)
    return fig


def grafik_efisiensi(efisiensi: pd.DataFrame, tahun: int) -> Figure:
    """Capaian kinerja against capaian anggaran per IKU; above the diagonal is efisien."""
    if efisiensi.dropna(subset=["capaian_kinerja", "capaian_anggaran"]).empty:
        return _kosong(f"Capaian Kinerja dan Capaian Anggaran per IKU Tahun {tahun}",
                       f"Belum ada IKU tahun {tahun} yang punya capaian kinerja dan data anggaran.")
    markers = {"efisien": ("o", "#009E73"), "cukup efisien": ("s", "#E69F00"), "tidak efisien": ("X", "#D55E00")}
    with _gaya():
        fig, ax = plt.subplots(figsize=(LEBAR_A4, 4.2), layout="constrained")
        ok = efisiensi.dropna(subset=["capaian_kinerja", "capaian_anggaran"])
        vals = np.concatenate([ok["capaian_kinerja"].to_numpy(float), ok["capaian_anggaran"].to_numpy(float)])
        lo = min(70.0, np.floor(vals.min() / 10) * 10 - 5) if len(vals) else 0.0
        hi = max(110.0, np.ceil(vals.max() / 10) * 10 + 5) if len(vals) else 110.0
        ax.plot([lo, hi], [lo, hi], color=_GELAP, lw=0.8, ls="--", zorder=1)
        mid = lo + (hi - lo) * 0.12
        ax.text(mid, mid, "kinerja = anggaran", ha="left", va="bottom", fontsize=6.5, rotation=45,
                rotation_mode="anchor", transform_rotates_text=True)
        for status, (m, c) in markers.items():
            sub = ok[ok["status"] == status]
            if len(sub):
                ax.scatter(sub["capaian_anggaran"], sub["capaian_kinerja"], marker=m, s=36, color=c,
                           edgecolor=_GELAP, lw=0.6, label=status, zorder=3)
        placed: list[tuple[float, float]] = []
        for _, row in ok.sort_values("capaian_kinerja", ascending=False, kind="stable").iterrows():
            x, y = row["capaian_anggaran"], row["capaian_kinerja"]
            near = any(abs(x - px) < (hi - lo) * 0.04 and abs(y - py) < (hi - lo) * 0.03 for px, py in placed)
            ax.annotate(row["kode"], (x, y), xytext=(5, -10) if near else (5, 3), textcoords="offset points", fontsize=6.5)
            placed.append((x, y))
        _sumbu_persen(ax, lo, hi, "Capaian anggaran (serapan, %)", "Capaian kinerja (%)")
        missing = efisiensi[efisiensi["capaian_kinerja"].isna() | efisiensi["capaian_anggaran"].isna()]["kode"].tolist()
        title = f"Capaian Kinerja dan Capaian Anggaran per IKU Tahun {tahun}"
        ax.set_title(title)
        if missing:
            ax.text(0.01, 0.99, f"Tidak digambar ({BELUM_TERUKUR} / tanpa anggaran): {', '.join(missing)}",
                    transform=ax.transAxes, va="top", fontsize=6.5, style="italic")
        ax.legend(loc="lower right")
    return fig


def simpan(fig: Figure, folder: str | Path | None, nama: str, svg: bool = True) -> list[Path]:
    """Write ``<folder>/grafik/<nama>.png`` (300 dpi) and ``.svg``; nothing when ``folder`` is None.

    ``svg=False`` writes the PNG only (for a chart that goes into a report).

    The files carry no date or software version, so the same chart gives the
    same bytes on every run. The figure is laid out once and fixed there (see
    :func:`_tata_letak_tetap`): drawn again afterwards, it keeps its layout.
    """
    if folder is None:
        return []
    out = Path(folder) / "grafik"
    out.mkdir(parents=True, exist_ok=True)
    png, vec = out / f"{nama}.png", out / f"{nama}.svg"
    with _gaya():
        _tata_letak_tetap(fig)
        with _utuh(png) as tmp:
            fig.savefig(tmp, format="png", dpi=300, metadata={"Software": None}, pil_kwargs={"compress_level": 1})
        if not svg:
            return [png]
        with _utuh(vec) as tmp:
            fig.savefig(tmp, format="svg", metadata={"Date": None, "Creator": None})
    return [png, vec]


def _tata_letak_tetap(fig: Figure) -> None:
    """Lay the figure out once, as saving at 300 dpi would, and fix it there.

    Saving would otherwise lay the figure out again before each file, in a
    dry run of a whole draw, and let each axis choose its ticks again at every
    draw (the layout measures the tick labels, several times): 40 % of the
    time of the run's twelve charts. The positions and ticks are those of the
    one layout, so the files are the bytes they were, and the SVG takes
    exactly the positions of the PNG.
    """
    engine = fig.get_layout_engine()
    if engine is not None:
        # measured as savefig measures a PNG, whatever backend matplotlib is set to
        # (a pdf or cairo canvas measures text a little differently)
        canvas, dpi = fig.canvas, fig.dpi
        FigureCanvasAgg(fig)
        fig.set_dpi(300)
        try:
            engine.execute(fig)
        finally:
            fig.set_dpi(dpi)
            fig.set_canvas(canvas)
        # no engine at all (not "none", which keeps a placeholder): savefig then
        # draws once, without a dry run to lay the figure out first
        with plt.rc_context({"figure.autolayout": False, "figure.constrained_layout.use": False}):
            fig.set_layout_engine(None)
    for ax in fig.axes:
        for axis in (ax.xaxis, ax.yaxis):
            if not isinstance(axis.get_major_locator(), FixedLocator):
                axis.set_major_locator(FixedLocator(axis.get_majorticklocs()))


@contextlib.contextmanager
def _utuh(path: Path):
    """A temporary name beside ``path``, renamed to it when written: a chart file
    that exists is complete (another process may be waiting for it)."""
    tmp = path.with_name(f".{path.name}.baru")
    try:
        yield tmp
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    os.replace(tmp, path)


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


# --------------------------------------------------------------------------- what-if studies (lakip.whatif)

__all__ += ["grafik_skenario", "grafik_sensitivitas"]


def grafik_skenario(tabel_iku: pd.DataFrame, skala: Skala, tahun: int | None = None, judul: str | None = None) -> Figure:
    """Capaian of each IKU before (hatched outline) and after a scenario (coloured by kategori), on the kategori bands.

    ``tabel_iku`` is the ``iku`` table of :func:`lakip.whatif.skenario`.
    """
    colors = warna_kategori(skala)
    n = len(tabel_iku)
    before = tabel_iku["capaian_sebelum"].to_numpy(dtype=float)
    after = tabel_iku["capaian_sesudah"].to_numpy(dtype=float)
    both = np.concatenate([before, after])
    upper = max(110.0, np.nanmax(both) * 1.22 if np.isfinite(both).any() else 110.0)
    with _gaya():
        fig, ax = plt.subplots(figsize=(LEBAR_A4, 1.0 + 0.62 * n), layout="constrained")
        _draw_bands(ax, skala, 0, upper, vertical=True)
        y = np.arange(n)[::-1].astype(float)
        for yi, a, b, k, changed in zip(y, before, after, tabel_iku["kategori_sesudah"], tabel_iku["berubah"]):
            if np.isnan(a):
                ax.text(1, yi + 0.19, f"sebelum: {BELUM_TERUKUR}", va="center", ha="left", fontsize=6, style="italic")
            else:
                ax.barh(yi + 0.19, a, height=0.36, color="white", hatch="///", edgecolor=_GELAP, linewidth=0.6, zorder=2)
                ax.text(a + upper * 0.01, yi + 0.19, format_persen(a), va="center", ha="left", fontsize=6, zorder=3)
            if np.isnan(b):
                ax.text(1, yi - 0.19, f"sesudah: {BELUM_TERUKUR}", va="center", ha="left", fontsize=6, style="italic")
                continue
            color, hatch = colors[str(k)]
            ax.barh(yi - 0.19, b, height=0.36, color=color, hatch=hatch, edgecolor=_GELAP, linewidth=0.6, zorder=2)
            note = ""
            if changed:
                note = "  (baru terukur)" if np.isnan(a) else f"  ({'+' if b >= a else ''}{format_angka(b - a, 2)} pp)"
            ax.text(b + upper * 0.01, yi - 0.19, format_persen(b) + note, va="center", ha="left", fontsize=6,
                    fontweight="bold" if changed else "normal", zorder=3)
        _sumbu_capaian(ax, tabel_iku, y, upper, n)
        default = "Capaian IKU Sebelum dan Sesudah Skenario" + (f" Tahun {tahun}" if tahun else "")
        ax.set_title(judul or default, pad=16)
        handles = [Patch(facecolor="white", hatch="///", edgecolor=_GELAP, label="Sebelum")]
        handles += [Patch(facecolor=colors[lab][0], hatch=colors[lab][1], edgecolor=_GELAP, label=f"Sesudah: {lab}")
                    for lab in skala.label]
        fig.legend(handles=handles, loc="outside lower center", ncol=3)
    return fig


def grafik_sensitivitas(
    sensitivitas: pd.DataFrame,
    skala: Skala,
    kode: str,
    indikator: str = "",
    tandai: dict[str, object] | None = None,
    tahun: int | None = None,
) -> Figure:
    """The overall mean of IKU capaian as the realisasi of one IKU varies, on the kategori bands.

    ``sensitivitas`` is the table of :func:`lakip.whatif.sensitivitas`;
    ``tandai`` maps a label (``"data"``, ``"skenario"``) to a realisasi to
    mark on the curve: a number, or a level or word as in the table.
    """
    s = sensitivitas.dropna(subset=["realisasi_nilai"]).sort_values("realisasi_nilai", kind="stable")
    x = s["realisasi_nilai"].to_numpy(dtype=float)
    y = s["rata_rata_iku"].to_numpy(dtype=float)
    ys = s["rata_rata_sasaran"].to_numpy(dtype=float)
    diskret = s["realisasi"].map(lambda v: isinstance(v, str)).all() and len(s) > 0
    judul = f"Rata-rata Capaian IKU menurut Realisasi {kode}" + (f" Tahun {tahun}" if tahun else "")
    if not np.isfinite(y).any():
        return _kosong(judul, "Rata-rata capaian tidak dapat dihitung untuk nilai-nilai ini.")
    vals = np.concatenate([y[np.isfinite(y)], ys[np.isfinite(ys)]])
    lo = max(0.0, np.floor(vals.min() / 5) * 5 - 5)
    hi = np.ceil(vals.max() / 5) * 5 + 5
    with _gaya():
        fig, ax = plt.subplots(figsize=(LEBAR_A4, 3.6), layout="constrained")
        _draw_bands(ax, skala, lo, hi, vertical=False)
        style = {"marker": "o", "ms": 3.5} if diskret else {}
        ax.plot(x, y, color=_GELAP, lw=1.4, label="Rata-rata capaian IKU (angka utama)", zorder=3, **style)
        ax.plot(x, ys, color="#0072B2", lw=1.0, ls="--", label="Rata-rata capaian sasaran", zorder=2,
                **({"marker": "s", "ms": 3} if diskret else {}))
        markers = (("D", "#D55E00"), ("^", "#009E73"), ("v", "#CC79A7"), ("P", "#E69F00"))
        for i, (label, v) in enumerate((tandai or {}).items()):
            if isinstance(v, str):
                hit = s.loc[s["realisasi"] == v, "realisasi_nilai"]
                xv = float(hit.iloc[0]) if len(hit) else np.nan
            else:
                xv = np.nan if v is None else float(v)
            if not np.isfinite(xv) or not x.size:
                ax.plot([], [], " ", label=f"{label}: {BELUM_TERUKUR}")
                continue
            yv = float(np.interp(xv, x, y))
            m, c = markers[i % len(markers)]
            ax.axvline(xv, color=c, lw=0.8, ls=":", zorder=1)
            ax.scatter([xv], [yv], marker=m, s=40, color=c, edgecolor=_GELAP, lw=0.6, zorder=4,
                       label=f"{label}: realisasi {teks_nilai(v)}, rata-rata {format_persen(yv)}")
        if diskret:
            ax.set_xticks(x, [str(v) for v in s["realisasi"]])
        else:
            ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: format_angka(v, 0 if float(v).is_integer() else 2)))
        ax.set_ylim(lo, hi)
        _persen_axis(ax, "y")
        ax.set_xlabel(f"Realisasi {kode}" + (f" ({indikator})" if indikator else ""))
        ax.set_ylabel("Rata-rata capaian (%)")
        ax.set_title(judul)
        ax.legend(loc="upper left", fontsize=6.5)
    return fig


def grafik_sasaran(unit, tahun: int) -> dict[str, Callable[[], Figure]]:
    """The trend chart of each sasaran (its IKU over the years the report compares),
    by file name ``tren_<sasaran_kode>``, each as a function that draws it."""
    from lakip import analysis

    per = analysis.tabel_perbandingan(unit, tahun)
    per = per[per["tahun"].isin(analysis.tahun_banding(per, tahun))]
    iku = analysis.tabel_capaian_iku(unit, tahun)
    out = {}
    for kode_s in analysis.tabel_capaian_sasaran(unit, tahun)["sasaran_kode"]:
        bagian = per[per["kode"].isin(set(iku.loc[iku["sasaran_kode"] == kode_s, "kode"]))]
        out[f"tren_{kode_s}"] = lambda b=bagian: grafik_tren(b, unit.indikator, unit.pilihan.skala)
    return out


def simpan_grafik_sasaran(unit, tahun: int, folder: str | Path) -> list[Path]:
    """Draw the chart of each sasaran into ``<folder>/grafik/`` (PNG and SVG), as the Word report shows them."""
    out = []
    for nama, buat in grafik_sasaran(unit, tahun).items():
        fig = buat()
        out += simpan(fig, folder, nama)
        plt.close(fig)
    return out


class SumberGrafik:
    """Where a report takes the PNG of each chart from.

    A chart is taken from ``folder`` (a run's ``grafik/``, or the run folder)
    when it is there. While ``berjalan()`` says that the notebooks saving the
    charts are still running, a missing one is waited for; otherwise it is
    drawn here, once, into a temporary folder that :meth:`tutup` removes (use
    it as a context manager). Two reports can share one source, so a chart
    is drawn once for both.

    A report asks for its charts with :meth:`minta` while it is built and
    receives them in :meth:`selesaikan`, in the order asked: its tables and
    text are made while the notebooks are still drawing.
    """

    def __init__(self, folder: str | Path | None = None, berjalan: Callable[[], bool] | None = None, jeda: float = 0.05):
        self.folder = None if folder is None else Path(folder)
        self.berjalan = berjalan
        self.jeda = jeda
        self._tmp: Any = None
        self._antre: list[tuple[str, Callable[[], Figure], Callable[[Path], Any]]] = []

    def __enter__(self) -> SumberGrafik:
        return self

    def __exit__(self, *exc: object) -> None:
        self.tutup()

    def tutup(self) -> None:
        """Remove the charts drawn here."""
        if self._tmp is not None:
            self._tmp.cleanup()
            self._tmp = None

    def cari(self, nama: str) -> Path | None:
        """The PNG of chart ``nama`` if it exists now, else None."""
        folders = [] if self.folder is None else [self.folder, self.folder / "grafik"]
        if self._tmp is not None:
            folders.append(Path(self._tmp.name) / "grafik")
        return next((p for f in folders if (p := f / f"{nama}.png").is_file()), None)

    def png(self, nama: str, buat: Callable[[], Figure]) -> Path:
        """The PNG of chart ``nama``: found, waited for, or drawn with ``buat()``."""
        while (ada := self.cari(nama)) is None and self.berjalan is not None and self.berjalan():
            time.sleep(self.jeda)
        if ada is None:
            ada = self.cari(nama)  # saved just as the last notebook finished
        if ada is not None:
            return ada
        if self._tmp is None:
            self._tmp = tempfile.TemporaryDirectory(prefix="lakip-grafik-")
        fig = buat()
        try:
            return simpan(fig, self._tmp.name, nama, svg=False)[0]
        finally:
            plt.close(fig)

    def minta(self, nama: str, buat: Callable[[], Figure], pakai: Callable[[Path], Any]) -> None:
        """Ask for chart ``nama``: :meth:`selesaikan` calls ``pakai(png)`` with it."""
        self._antre.append((nama, buat, pakai))

    def selesaikan(self) -> None:
        """Hand every chart asked for to its ``pakai``, in the order asked."""
        antre, self._antre = self._antre, []
        for nama, buat, pakai in antre:
            pakai(self.png(nama, buat))


def tulis_dengan_grafik(siapkan: Callable[[Any, int, SumberGrafik], Callable[[str | Path], Path]], unit, tahun: int,
                        tujuan: str | Path, folder_grafik: str | Path | None = None,
                        grafik: SumberGrafik | None = None) -> Path:
    """Write one report: ``siapkan(unit, tahun, source)`` builds it (as
    ``word.siapkan_docx`` or ``htmlreport.siapkan_html``), its charts are
    handed over, and the function it returns writes it to ``tujuan``. The
    source is ``grafik``, or one made on ``folder_grafik`` for this report."""
    with contextlib.ExitStack() as stack:
        if grafik is None:
            grafik = stack.enter_context(SumberGrafik(folder_grafik))
        tulis = siapkan(unit, tahun, grafik)
        grafik.selesaikan()
        return tulis(tujuan)


#: The charts the reports take from ``grafik/`` (besides those of each sasaran).
GRAFIK_LAPORAN = ("capaian_iku", "target_realisasi", "tren_capaian", "alokasi_bagian", "serapan_program", "efisiensi")


# --------------------------------------------------------------------------- a whole kabupaten (lakip.kabupaten)

__all__ += ["grafik_distribusi_unit", "grafik_capaian_serapan"]


def grafik_distribusi_unit(unit_tabel: pd.DataFrame, skala: Skala, tahun: int) -> Figure:
    """Stacked bars: the number of IKU per kategori of each unit (kategori colours and hatches)."""
    from lakip.kabupaten import _kolom_kategori

    judul = f"Distribusi Kategori Capaian IKU per Unit Tahun {tahun}"
    if unit_tabel.empty:
        return _kosong(judul, f"Belum ada unit dengan data tahun {tahun}.")
    colors = warna_kategori(skala)
    labels = [*skala.label, BELUM_TERUKUR]
    t = unit_tabel.iloc[::-1]
    n = len(t)
    with _gaya():
        fig, ax = plt.subplots(figsize=(LEBAR_A4, min(1.2 + 0.22 * n, 9.0)), layout="constrained")
        y = np.arange(n)
        left = np.zeros(n)
        for lab in labels:
            col = _kolom_kategori(lab)
            if col not in t:
                continue
            v = t[col].to_numpy(dtype=float)
            warna, arsir = colors[lab]
            if n <= 60:
                ax.barh(y, v, left=left, color=warna, hatch=arsir, edgecolor=_GELAP, lw=0.5, label=lab, height=0.7)
            else:  # one stepped band per kategori: a bar per unit would be thousands of shapes
                ax.fill_betweenx(y, left, left + v, step="mid", color=warna, hatch=arsir, edgecolor=_GELAP, lw=0, label=lab)
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
        return _kosong(judul, f"Belum ada unit tahun {tahun} yang punya capaian dan serapan anggaran.")
    with _gaya():
        fig, ax = plt.subplots(figsize=(LEBAR_A4, 4.2), layout="constrained")
        x, y = ok["serapan"].to_numpy(float), ok["rata_rata_iku"].to_numpy(float)
        lo = min(50.0, float(np.floor(min(x.min(), y.min()) / 10) * 10 - 5))
        hi = max(110.0, float(np.ceil(max(x.max(), y.max()) / 10) * 10 + 5))
        ax.plot([lo, hi], [lo, hi], color=_GELAP, lw=0.8, ls="--", zorder=1)
        ax.scatter(x, y, s=28, color="#0072B2", edgecolor=_GELAP, lw=0.5, zorder=3)
        if len(ok) <= 40:
            for xi, yi, slug in zip(x, y, ok["entitas"]):
                ax.annotate(slug, (xi, yi), xytext=(4, 3), textcoords="offset points", fontsize=6)
        _sumbu_persen(ax, lo, hi, "Serapan anggaran program (%)", "Rata-rata capaian IKU (%)")
        ax.set_title(judul)
    return fig


