"""Nilai and predikat AKIP from the LKE (PermenPAN-RB 88/2021, DOMAIN.md section 8).

The LKE of a year is one row per component: ``tahun, komponen, bobot, nilai`` (Perencanaan
Kinerja 30, Pengukuran Kinerja 30, Pelaporan Kinerja 15, Evaluasi Akuntabilitas Kinerja
Internal 25), with sub-components naming their component in an optional ``induk`` column.
A component without a ``nilai`` of its own takes the sum of its sub-components.

Pure functions over DataFrames: the file is validated where it is read (``lakip.data``).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from lakip.core.config import Skala

__all__ = ["KOMPONEN_LKE", "PREDIKAT_AKIP", "predikat_akip", "komponen_lke", "nilai_akip"]

#: The components of the LKE and their weights (sum 100).
KOMPONEN_LKE: dict[str, float] = {
    "Perencanaan Kinerja": 30.0,
    "Pengukuran Kinerja": 30.0,
    "Pelaporan Kinerja": 15.0,
    "Evaluasi Akuntabilitas Kinerja Internal": 25.0,
}

#: Predikat, upper bound inclusive: AA > 90-100, A > 80-90, BB > 70-80, B > 60-70, CC > 50-60,
#: C > 30-50, D 0-30 (90,00 is A, 90,01 is AA).
PREDIKAT_AKIP = Skala(label=("AA", "A", "BB", "B", "CC", "C", "D"), batas=(90.0, 80.0, 70.0, 60.0, 50.0, 30.0))


def predikat_akip(nilai: float | None) -> str | None:
    """The predikat of a nilai AKIP; None when there is none."""
    return PREDIKAT_AKIP.kategori(nilai)


def _check(df: pd.DataFrame, needed: tuple[str, ...], fungsi: str) -> None:
    missing = [c for c in needed if c not in df.columns]
    if missing:
        raise KeyError(f"{fungsi}: kolom tidak ada: {', '.join(missing)}")


def komponen_lke(lke: pd.DataFrame) -> pd.DataFrame:
    """The components of each year with their sub-components' sum and their share of the weight.

    Columns ``tahun, komponen, induk, bobot, nilai, nilai_rinci, persen, selisih``:
    ``nilai_rinci`` is the sum of the sub-components (NaN without any); a component without its
    own ``nilai`` takes it; ``persen`` = nilai / bobot x 100; ``selisih`` is the change against
    the same component of the year before (NaN in the first year).
    """
    _check(lke, ("tahun", "komponen", "bobot", "nilai"), "komponen_lke")
    df = lke.copy()
    if "induk" not in df.columns:
        df["induk"] = None
    df["induk"] = df["induk"].where(df["induk"].notna() & (df["induk"].astype(str).str.strip() != ""), None)
    anak = df[df["induk"].notna()]
    jumlah = anak.groupby(["tahun", "induk"])["nilai"].sum(min_count=1)
    kunci = pd.MultiIndex.from_arrays([df["tahun"], df["komponen"]])
    df["nilai_rinci"] = jumlah.reindex(kunci).to_numpy(dtype=float)
    df["nilai"] = df["nilai"].astype(float).fillna(df["nilai_rinci"])
    with np.errstate(divide="ignore", invalid="ignore"):
        df["persen"] = np.where(df["bobot"].astype(float) > 0, df["nilai"] * 100.0 / df["bobot"].astype(float), np.nan)
    df = df.sort_values(["komponen", "tahun"], kind="stable")
    df["selisih"] = df.groupby("komponen", sort=False)["nilai"].diff()
    # the change is against the year before only, not against an older year when one is missing
    tahun_lalu = df.groupby("komponen", sort=False)["tahun"].shift()
    df.loc[tahun_lalu.ne(df["tahun"] - 1), "selisih"] = np.nan
    df = df.sort_index()
    return df[["tahun", "komponen", "induk", "bobot", "nilai", "nilai_rinci", "persen", "selisih"]].reset_index(drop=True)


def nilai_akip(lke: pd.DataFrame) -> pd.DataFrame:
    """Per year: ``tahun, nilai, predikat, selisih`` (the total of the components, its predikat,
    its change against the year before)."""
    komp = komponen_lke(lke)
    utama = komp[komp["induk"].isna()]
    out = utama.groupby("tahun", sort=True)["nilai"].sum(min_count=1).rename("nilai").reset_index()
    out["predikat"] = [predikat_akip(v) for v in out["nilai"]]
    lalu = out["tahun"].map(dict(zip(out["tahun"] + 1, out["nilai"])))
    out["selisih"] = out["nilai"] - lalu
    return out
