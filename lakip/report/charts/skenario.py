"""The charts of a what-if study (:mod:`lakip.core.whatif`): capaian before and after, and the
overall mean as one realisasi varies."""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.ticker import FuncFormatter

import matplotlib.pyplot as plt

from lakip.core.config import BELUM_TERUKUR, Skala
from lakip.core.numbers import format_angka, format_persen
from lakip.report.charts.gaya import (GELAP, LEBAR_A4, format_persen_sumbu, gambar_pita, gaya, grafik_kosong, sumbu_capaian,
                                      warna_kategori)
from lakip.report.display import teks_nilai

__all__ = ["grafik_skenario", "grafik_sensitivitas"]


def grafik_skenario(tabel_iku: pd.DataFrame, skala: Skala, tahun: int | None = None, judul: str | None = None) -> Figure:
    """Capaian of each IKU before (hatched outline) and after a scenario (coloured by kategori), on the kategori bands.

    ``tabel_iku`` is the ``iku`` table of :func:`lakip.core.whatif.skenario`.
    """
    colors = warna_kategori(skala)
    n = len(tabel_iku)
    before = tabel_iku["capaian_sebelum"].to_numpy(dtype=float)
    after = tabel_iku["capaian_sesudah"].to_numpy(dtype=float)
    both = np.concatenate([before, after])
    upper = max(110.0, np.nanmax(both) * 1.22 if np.isfinite(both).any() else 110.0)
    with gaya():
        fig, ax = plt.subplots(figsize=(LEBAR_A4, 1.0 + 0.62 * n), layout="constrained")
        gambar_pita(ax, skala, 0, upper, vertical=True)
        y = np.arange(n)[::-1].astype(float)
        for yi, a, b, k, changed in zip(y, before, after, tabel_iku["kategori_sesudah"], tabel_iku["berubah"]):
            if np.isnan(a):
                ax.text(1, yi + 0.19, f"sebelum: {BELUM_TERUKUR}", va="center", ha="left", fontsize=6, style="italic")
            else:
                ax.barh(yi + 0.19, a, height=0.36, color="white", hatch="///", edgecolor=GELAP, linewidth=0.6, zorder=2)
                ax.text(a + upper * 0.01, yi + 0.19, format_persen(a), va="center", ha="left", fontsize=6, zorder=3)
            if np.isnan(b):
                ax.text(1, yi - 0.19, f"sesudah: {BELUM_TERUKUR}", va="center", ha="left", fontsize=6, style="italic")
                continue
            color, hatch = colors[str(k)]
            ax.barh(yi - 0.19, b, height=0.36, color=color, hatch=hatch, edgecolor=GELAP, linewidth=0.6, zorder=2)
            note = ""
            if changed:
                note = "  (baru terukur)" if np.isnan(a) else f"  ({'+' if b >= a else ''}{format_angka(b - a, 2)} pp)"
            ax.text(b + upper * 0.01, yi - 0.19, format_persen(b) + note, va="center", ha="left", fontsize=6,
                    fontweight="bold" if changed else "normal", zorder=3)
        sumbu_capaian(ax, tabel_iku, y, upper, n)
        default = "Capaian IKU Sebelum dan Sesudah Skenario" + (f" Tahun {tahun}" if tahun else "")
        ax.set_title(judul or default, pad=16)
        handles = [Patch(facecolor="white", hatch="///", edgecolor=GELAP, label="Sebelum")]
        handles += [Patch(facecolor=colors[lab][0], hatch=colors[lab][1], edgecolor=GELAP, label=f"Sesudah: {lab}")
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

    ``sensitivitas`` is the table of :func:`lakip.core.whatif.sensitivitas`;
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
        return grafik_kosong(judul, "Rata-rata capaian tidak dapat dihitung untuk nilai-nilai ini.")
    vals = np.concatenate([y[np.isfinite(y)], ys[np.isfinite(ys)]])
    lo = max(0.0, np.floor(vals.min() / 5) * 5 - 5)
    hi = np.ceil(vals.max() / 5) * 5 + 5
    with gaya():
        fig, ax = plt.subplots(figsize=(LEBAR_A4, 3.6), layout="constrained")
        gambar_pita(ax, skala, lo, hi, vertical=False)
        style = {"marker": "o", "ms": 3.5} if diskret else {}
        ax.plot(x, y, color=GELAP, lw=1.4, label="Rata-rata capaian IKU (angka utama)", zorder=3, **style)
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
            ax.scatter([xv], [yv], marker=m, s=40, color=c, edgecolor=GELAP, lw=0.6, zorder=4,
                       label=f"{label}: realisasi {teks_nilai(v)}, rata-rata {format_persen(yv)}")
        if diskret:
            ax.set_xticks(x, [str(v) for v in s["realisasi"]])
        else:
            ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: format_angka(v, 0 if float(v).is_integer() else 2)))
        ax.set_ylim(lo, hi)
        format_persen_sumbu(ax, "y")
        ax.set_xlabel(f"Realisasi {kode}" + (f" ({indikator})" if indikator else ""))
        ax.set_ylabel("Rata-rata capaian (%)")
        ax.set_title(judul)
        ax.legend(loc="upper left", fontsize=6.5)
    return fig
