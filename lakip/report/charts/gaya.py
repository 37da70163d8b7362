"""The look of every chart (A4 width, Okabe-Ito colours and hatches per kategori, Indonesian
number format on the axes) and the rendering of a figure into PNG and SVG bytes.

Kategori are told apart by colour (safe for colour-blind readers) and by
hatching, so a chart survives black-and-white print. A figure is laid out
once and rendered without date or software version, so the same chart gives
the same bytes on every run.
"""

from __future__ import annotations

import contextlib
import io
import textwrap

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import FixedLocator, FuncFormatter

from lakip.core.config import BELUM_TERUKUR, Skala
from lakip.core.numbers import format_angka

__all__ = ["LEBAR_A4", "GAYA", "KOTAK", "GELAP", "ABU", "gaya", "warna_kategori", "judul_kapital", "label_iku",
           "format_persen_sumbu", "sumbu_persen", "pita_kategori", "gambar_pita", "grafik_kosong", "sumbu_capaian",
           "tata_letak_tetap", "png", "svg"]

#: Width of the text area of an A4 page with 2,5 cm margins, in inches.
LEBAR_A4 = 6.3

#: Okabe-Ito colours, from the top kategori down, and a hatch for each.
_WARNA = ("#009E73", "#56B4E9", "#F0E442", "#E69F00", "#D55E00", "#CC79A7")
_ARSIR = ("", "///", "...", "xxx", "\\\\\\", "++")
ABU = "#BBBBBB"
GELAP = "#222222"
#: A white box under a value label: a line or band crossing it does not cross the number.
KOTAK = {"boxstyle": "square,pad=0.1", "facecolor": "white", "edgecolor": "none", "alpha": 0.8}

GAYA = {
    "font.family": "DejaVu Sans",
    "font.size": 8,
    "axes.titlesize": 9,
    "axes.titleweight": "bold",
    "axes.labelsize": 8,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.edgecolor": GELAP,
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
def gaya():
    """Draw in the house style (:data:`GAYA`)."""
    with plt.rc_context(GAYA):
        yield


def warna_kategori(skala: Skala) -> dict[str, tuple[str, str]]:
    """Colour and hatch of each kategori (highest first), and of "belum dapat diukur"."""
    out = {lab: (_WARNA[i % len(_WARNA)], _ARSIR[i % len(_ARSIR)]) for i, lab in enumerate(skala.label)}
    out[BELUM_TERUKUR] = (ABU, "")
    return out


_KECIL = {"dan", "di", "ke", "dari", "yang", "untuk", "pada", "atau"}


def judul_kapital(teks: str) -> str:
    """``BAGIAN PROTOKOL DAN KOMUNIKASI`` -> ``Bagian Protokol dan Komunikasi``."""
    words = teks.lower().split()
    return " ".join(w if (i and w in _KECIL) else w[:1].upper() + w[1:] for i, w in enumerate(words))


def label_iku(kode: str, nama: str, lebar: int = 34) -> str:
    return f"{kode}  " + "\n".join(textwrap.wrap(nama, lebar))


def format_persen_sumbu(ax, axis: str = "x") -> None:
    fmt = FuncFormatter(lambda v, _: f"{format_angka(v, 0)} %")
    (ax.xaxis if axis == "x" else ax.yaxis).set_major_formatter(fmt)


def sumbu_persen(ax, lo: float, hi: float, xlabel: str, ylabel: str) -> None:
    """Both axes in percent over the same range [lo, hi] (a scatter of two percentages)."""
    ax.set_xlim(lo, hi)
    ax.set_ylim(lo, hi)
    format_persen_sumbu(ax, "x")
    format_persen_sumbu(ax, "y")
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)


def pita_kategori(skala: Skala) -> list[tuple[str, float, float]]:
    """(kategori, lower, upper) of each band on a 0..upper axis."""
    bounds = [*skala.batas, -np.inf]
    out, upper = [], np.inf
    for lab, lo in zip(skala.label, bounds):
        out.append((lab, lo, upper))
        upper = lo
    return out


def gambar_pita(ax, skala: Skala, lo: float, hi: float, vertical: bool) -> None:
    colors = warna_kategori(skala)
    for lab, a, b in pita_kategori(skala):
        a, b = max(a, lo), min(b, hi)
        if a >= b:
            continue
        span = ax.axvspan if vertical else ax.axhspan
        span(a, b, color=colors[lab][0], alpha=0.12, lw=0, zorder=0)
        mid = (a + b) / 2
        if vertical:
            ax.text(mid, 1.01, lab, transform=ax.get_xaxis_transform(), ha="center", va="bottom", fontsize=6, color=GELAP)
        else:
            ax.text(1.0, mid, f" {lab}", transform=ax.get_yaxis_transform(), ha="left", va="center", fontsize=6, color=GELAP)


def grafik_kosong(judul: str, pesan: str) -> Figure:
    """A chart that says plainly that its data is not there."""
    with gaya():
        fig, ax = plt.subplots(figsize=(LEBAR_A4, 1.6), layout="constrained")
        ax.set_axis_off()
        ax.set_title(judul)
        ax.text(0.5, 0.45, pesan, ha="center", va="center", fontsize=8, style="italic", transform=ax.transAxes)
    return fig


def sumbu_capaian(ax, tabel_iku: pd.DataFrame, y: np.ndarray, upper: float, n: int) -> None:
    """The axes of a horizontal capaian chart: one row per IKU, 0..upper percent, 100 % marked."""
    ax.axvline(100, color=GELAP, lw=0.8, ls="--", zorder=1)
    ax.set_yticks(y, [label_iku(k, v) for k, v in zip(tabel_iku["kode"], tabel_iku["indikator"])])
    ax.set_xlim(0, upper)
    ax.set_ylim(-0.6, n - 0.4)
    format_persen_sumbu(ax, "x")
    ax.set_xlabel("Capaian (%)")


def tata_letak_tetap(fig: Figure) -> None:
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




def png(fig: Figure) -> bytes:
    """The chart as PNG at 300 dpi, laid out once (:func:`tata_letak_tetap`), without metadata that changes."""
    buf = io.BytesIO()
    with gaya():
        tata_letak_tetap(fig)
        fig.savefig(buf, format="png", dpi=300, metadata={"Software": None}, pil_kwargs={"compress_level": 1})
    return buf.getvalue()


def svg(fig: Figure) -> bytes:
    """The chart as SVG (text stays text), at the positions of its PNG, without date or creator."""
    buf = io.BytesIO()
    with gaya():
        tata_letak_tetap(fig)
        fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": None})
    return buf.getvalue()
