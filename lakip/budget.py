"""Budget realisation (DOMAIN.md section 6): serapan and the roll-up of the tree.

The budget of a year is one or more trees in one table (``kode``, ``induk``,
``tingkat``, ``uraian``, ``pagu``, ``realisasi``): the programs of the DPA,
and the Bagian -> kegiatan -> sub-kegiatan allocation, each over the same
money. A tree is named by the ``tingkat`` of its top-level nodes.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

__all__ = ["TOLERANSI_RUPIAH", "serapan", "akar", "cek_rollup", "total_pohon"]

#: Two sums of money agree when they differ by less than this (half a cent).
TOLERANSI_RUPIAH = 0.005

_COLUMNS = ("tahun", "kode", "induk", "tingkat", "pagu", "realisasi")


def _check(df: pd.DataFrame, needed: tuple[str, ...], fungsi: str) -> None:
    missing = [c for c in needed if c not in df.columns]
    if missing:
        raise KeyError(f"{fungsi}: kolom tidak ada: {', '.join(missing)}")


def serapan(anggaran: pd.DataFrame) -> pd.DataFrame:
    """``anggaran`` with ``serapan`` = realisasi / pagu x 100 (NaN without realisasi or pagu)."""
    _check(anggaran, ("pagu", "realisasi"), "serapan")
    out = anggaran.copy()
    pagu = out["pagu"].to_numpy(dtype=float)
    real = out["realisasi"].to_numpy(dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        out["serapan"] = np.where(pagu > 0, real * 100.0 / pagu, np.nan)
    return out


def akar(anggaran: pd.DataFrame) -> pd.Series:
    """The top-level ancestor of every node (a top-level node is its own root)."""
    _check(anggaran, ("tahun", "kode", "induk"), "akar")
    key = list(zip(anggaran["tahun"], anggaran["kode"]))
    parent = dict(zip(key, anggaran["induk"].fillna("")))
    roots = []
    for tahun, kode in key:
        seen, node = set(), kode
        while parent.get((tahun, node), "") and node not in seen:
            seen.add(node)
            node = parent[(tahun, node)]
        roots.append(node)
    return pd.Series(roots, index=anggaran.index, name="akar")


def cek_rollup(anggaran: pd.DataFrame) -> pd.DataFrame:
    """Check every parent against the sum of its children, for pagu and realisasi.

    Realisasi is checked only where the parent and all of its children have
    one. Returns one row per parent and column: ``tahun``, ``kode``,
    ``tingkat``, ``uraian``, ``kolom`` (pagu|realisasi), ``nilai_induk``,
    ``jumlah_anak``, ``jumlah_anak_baris``, ``selisih`` (parent minus
    children) and ``sesuai``.
    """
    _check(anggaran, _COLUMNS, "cek_rollup")
    children = anggaran[anggaran["induk"].fillna("") != ""]
    rows = []
    for kolom in ("pagu", "realisasi"):
        g = children.groupby(["tahun", "induk"], sort=False)[kolom]
        sums = pd.DataFrame({"jumlah_anak": g.sum(min_count=1), "jumlah_anak_baris": g.size(), "_lengkap": g.count() == g.size()})
        sums = sums.reset_index().rename(columns={"induk": "kode"})
        merged = anggaran[["tahun", "kode", "tingkat", "uraian", kolom]].merge(sums, on=["tahun", "kode"], how="inner")
        merged = merged[merged["_lengkap"] & merged[kolom].notna()].drop(columns="_lengkap")
        merged = merged.rename(columns={kolom: "nilai_induk"})
        merged.insert(4, "kolom", kolom)
        rows.append(merged)
    out = pd.concat(rows, ignore_index=True)
    out["selisih"] = out["nilai_induk"] - out["jumlah_anak"]
    out["sesuai"] = out["selisih"].abs() < TOLERANSI_RUPIAH
    order = {k: i for i, k in enumerate(anggaran["kode"])}
    out["_urut"] = out["kode"].map(order)
    out = out.sort_values(["tahun", "kolom", "_urut"], kind="stable").drop(columns="_urut")
    return out.reset_index(drop=True)


def total_pohon(anggaran: pd.DataFrame) -> pd.DataFrame:
    """Total of each tree per year: the sum of its top-level nodes.

    Returns ``tahun``, ``pohon`` (the tingkat of the top level), ``jumlah_node``,
    ``pagu``, ``realisasi`` (NaN unless every top-level node has one),
    ``serapan`` and ``selisih_pagu``: this tree's pagu minus the first
    tree's of the same year (the trees cover the same money).
    """
    _check(anggaran, _COLUMNS, "total_pohon")
    df = anggaran.assign(_akar=akar(anggaran))
    tingkat_akar = df.set_index(["tahun", "kode"])["tingkat"]
    df["pohon"] = [tingkat_akar[(t, a)] for t, a in zip(df["tahun"], df["_akar"])]
    top = df[df["induk"].fillna("") == ""]
    g = top.groupby(["tahun", "pohon"], sort=False)
    out = pd.DataFrame(
        {
            "jumlah_node": df.groupby(["tahun", "pohon"], sort=False).size(),
            "pagu": g["pagu"].sum(min_count=1),
            "realisasi": g["realisasi"].sum(min_count=1).where(g["realisasi"].count() == g.size()),
        }
    ).reset_index()
    with np.errstate(divide="ignore", invalid="ignore"):
        out["serapan"] = out["realisasi"] * 100.0 / out["pagu"]
    out["selisih_pagu"] = out["pagu"] - out.groupby("tahun")["pagu"].transform("first")
    return out
