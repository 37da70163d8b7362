"""The tables of a kabupaten rollup (:mod:`lakip.core.rollup`) for people."""

from __future__ import annotations

import pandas as pd

from lakip.core.config import BELUM_TERUKUR, Skala
from lakip.core.numbers import format_angka, format_persen, format_rupiah_ringkas
from lakip.core.rollup import kolom_kategori

__all__ = ["tampil_unit", "tampil_distribusi_unit"]


def tampil_unit(unit_tabel: pd.DataFrame) -> pd.DataFrame:
    """The per-unit table for reading, best unit first: Indonesian headers and number format."""
    t = unit_tabel.sort_values(["peringkat", "entitas"], kind="stable", na_position="last")
    return pd.DataFrame({
        "Peringkat": ["-" if pd.isna(r) else str(int(r)) for r in t["peringkat"]],
        "Unit": list(t["entitas"]),
        "IKU": [str(int(v)) for v in t["jumlah_iku"]],
        "Terukur": [str(int(v)) for v in t["iku_terukur"]],
        "Rata-rata IKU": [format_persen(v) for v in t["rata_rata_iku"]],
        "Rata-rata Sasaran": [format_persen(v) for v in t["rata_rata_sasaran"]],
        "Pagu": [format_rupiah_ringkas(v) for v in t["pagu"]],
        "Serapan": [format_persen(v) for v in t["serapan"]],
        "Temuan Reviu": ["-" if pd.isna(v) else format_angka(int(v), 0) for v in t["temuan_tidak_sesuai"]],
    })


def tampil_distribusi_unit(unit_tabel: pd.DataFrame, skala: Skala) -> pd.DataFrame:
    """The number of IKU per kategori of each unit, in the order of ``unit.csv``."""
    out = {"Unit": list(unit_tabel["entitas"])}
    for label in [*skala.label, BELUM_TERUKUR]:
        col = kolom_kategori(label)
        out[label[:1].upper() + label[1:]] = [str(int(v)) for v in unit_tabel[col]] if col in unit_tabel else ["0"] * len(unit_tabel)
    return pd.DataFrame(out)
