"""Budget realisation (DOMAIN.md section 6): serapan and the roll-up of the tree.

The budget of a year is one or more trees in one table (``kode``, ``induk``,
``tingkat``, ``uraian``, ``pagu``, ``realisasi``): the programs of the DPA,
and the Bagian -> kegiatan -> sub-kegiatan allocation, each over the same
money. A tree is named by the ``tingkat`` of its top-level nodes.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from collections.abc import Mapping, Sequence

__all__ = ["KEDALAMAN", "tingkat_terbalik", "TOLERANSI_RUPIAH", "KOLOM_RUPIAH", "persen_serapan", "serapan", "total", "total_per", "puncak", "akar_indeks",
           "posisi_induk", "akar", "leluhur", "anak", "cek_rollup", "total_pohon", "rupiah_bulat"]

#: Two sums of money agree when they differ by less than this (half a cent).
TOLERANSI_RUPIAH = 0.005

_COLUMNS = ("tahun", "kode", "induk", "tingkat", "pagu", "realisasi")


def _check(df: pd.DataFrame, needed: tuple[str, ...], fungsi: str) -> None:
    missing = [c for c in needed if c not in df.columns]
    if missing:
        raise KeyError(f"{fungsi}: kolom tidak ada: {', '.join(missing)}")


def persen_serapan(realisasi, pagu):
    """serapan (capaian anggaran) = realisasi x 100 / pagu, the one home of the rule.

    Values or arrays; NaN where it cannot be computed: no realisasi, no pagu, or a pagu of 0.
    A scalar gives a float, an array an array.
    """
    if isinstance(realisasi, (int, float)) and isinstance(pagu, (int, float)):  # one value: the same arithmetic, quicker
        return realisasi * 100.0 / pagu if pagu > 0 and not math.isnan(realisasi) else float("nan")
    r = np.asarray(realisasi, dtype=float)
    p = np.asarray(pagu, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        out = np.where(p > 0, r * 100.0 / p, np.nan)
    return float(out) if out.ndim == 0 else out


def serapan(anggaran: pd.DataFrame) -> pd.DataFrame:
    """``anggaran`` with ``serapan`` = realisasi / pagu x 100 (NaN without realisasi or pagu)."""
    _check(anggaran, ("pagu", "realisasi"), "serapan")
    out = anggaran.copy()
    out["serapan"] = persen_serapan(out["realisasi"].to_numpy(dtype=float), out["pagu"].to_numpy(dtype=float))
    return out


def total(pagu, realisasi) -> tuple[float, float]:
    """The total of a set of budget rows: (pagu, realisasi), from their values (Series, arrays or lists).

    The pagu is NaN without rows; the realisasi is NaN unless every row has one
    (a total of part of the money is no total). Summed as pandas sums a column.
    """
    p = np.asarray(pagu, dtype=float)
    r = np.asarray(realisasi, dtype=float)
    ada_p = ~np.isnan(p)
    jumlah_p = float(np.where(ada_p, p, 0.0).sum()) if ada_p.any() else float("nan")
    return jumlah_p, float(r.sum()) if len(r) and not np.isnan(r).any() else float("nan")


def total_per(rows: pd.DataFrame, by: Sequence[str]) -> pd.DataFrame:
    """:func:`total` of each group of ``rows`` (by the columns ``by``): ``pagu`` and ``realisasi``, by group."""
    g = rows.groupby(list(by), sort=False)
    return pd.DataFrame({"pagu": g["pagu"].sum(min_count=1),
                         "realisasi": g["realisasi"].sum(min_count=1).where(g["realisasi"].count() == g.size())})


def puncak(anggaran: pd.DataFrame, tingkat: str | None = None) -> pd.DataFrame:
    """The top-level nodes (no induk) of the budget, of the tree named ``tingkat`` (``program``,
    ``bagian``) or of every tree: their sum is the tree's total (DOMAIN.md section 6)."""
    top = anggaran["induk"].isna() | (anggaran["induk"].astype(object).fillna("") == "")
    if tingkat is not None:
        top &= anggaran["tingkat"] == tingkat
    return anggaran[top.to_numpy(dtype=bool)]


def akar_indeks(induk: np.ndarray) -> np.ndarray:
    """The top-level ancestor of every node, by position: ``induk[i]`` is the position of the
    parent of node ``i`` (-1 for a top-level node). A node on a cycle, or below one, gets -1:
    following its parents never reaches a top-level node. Doubling, so millions of nodes are
    walked in a few vectorised steps.
    """
    n = len(induk)
    naik = np.where(induk >= 0, induk, np.arange(n))  # a top-level node is its own parent
    for _ in range(int(np.ceil(np.log2(max(n, 2)))) + 1):
        naik = naik[naik]
    return np.where(induk[naik] >= 0, -1, naik) if n else naik


def posisi_induk(kode: np.ndarray, induk: np.ndarray, *kelompok: np.ndarray) -> np.ndarray:
    """The position of each node's parent, for :func:`akar_indeks`: the row whose ``kode`` is the
    node's ``induk`` in the same group (``kelompok``: the year, and the unit when many are
    checked at once); -1 for no induk or an unknown one. A code written twice is found at its
    last row (the others are reported as duplicates)."""
    kode = np.asarray(kode, dtype=object)
    induk = np.asarray(induk, dtype=object)
    keys = [np.asarray(k) for k in kelompok]
    ada = np.array([isinstance(i, str) and i != "" for i in induk], dtype=bool)
    if len(kode) < 10_000:  # a unit's budget: a dictionary is quicker than building indexes
        pos = {(*g, k): i for i, (g, k) in enumerate(zip(zip(*keys) if keys else [()] * len(kode), kode))}
        groups = zip(*keys) if keys else [()] * len(kode)
        return np.array([pos.get((*g, i), -1) if a else -1 for g, i, a in zip(groups, induk, ada)], dtype=np.int64)
    last = ~pd.DataFrame({**{f"g{i}": k for i, k in enumerate(keys)}, "k": kode}).duplicated(keep="last").to_numpy()
    idx = np.flatnonzero(last)
    ref = pd.MultiIndex.from_arrays([*(k[idx] for k in keys), kode[idx]])
    hit = ref.get_indexer(pd.MultiIndex.from_arrays([*keys, induk]))
    return np.where(ada & (hit >= 0), idx[np.maximum(hit, 0)] if len(idx) else -1, -1)


#: The depth of each tingkat in a budget tree: a node lies under a node of a smaller depth.
KEDALAMAN = {"program": 0, "bagian": 0, "kegiatan": 1, "subkegiatan": 2}


def tingkat_terbalik(tingkat: np.ndarray, parent: np.ndarray) -> np.ndarray:
    """Rows whose parent (a position from :func:`posisi_induk`, -1 for none) is not of a higher tingkat than
    their own (a program under a sub-kegiatan, a kegiatan under a kegiatan); an unknown tingkat is not judged."""
    depth = np.array([KEDALAMAN.get(t, -1) for t in tingkat], dtype=np.int64)
    parent = np.asarray(parent, dtype=np.int64)
    atas = depth[np.maximum(parent, 0)] if len(depth) else depth
    return (parent >= 0) & (depth >= 0) & (atas >= 0) & (atas >= depth)


def _akar_posisi(anggaran: pd.DataFrame) -> np.ndarray:
    """The position of each node's top-level ancestor; -1 on a cycle or below an induk that is no node."""
    induk = anggaran["induk"].to_numpy(dtype=object)
    pos = posisi_induk(anggaran["kode"].to_numpy(dtype=object), induk, anggaran["tahun"].to_numpy())
    root = akar_indeks(pos)
    lepas = np.array([isinstance(i, str) and i != "" for i in induk], dtype=bool) & (pos < 0)
    return np.where((root >= 0) & lepas[np.maximum(root, 0)], -1, root) if len(root) else root


def akar(anggaran: pd.DataFrame) -> pd.Series:
    """The top-level ancestor of every node (a top-level node is its own root; None on a cycle or below an
    induk that is not a node of the year)."""
    _check(anggaran, ("tahun", "kode", "induk"), "akar")
    root = _akar_posisi(anggaran)
    kode = anggaran["kode"].to_numpy(dtype=object)
    return pd.Series([kode[r] if r >= 0 else None for r in root], index=anggaran.index, name="akar", dtype=object)


def leluhur(induk: Mapping[str, object], kode: str) -> list[str]:
    """The ancestors of ``kode``, nearest first, by the map node -> parent (of one year); a cycle ends the walk."""
    out, seen, node = [], {kode}, induk.get(kode)
    while isinstance(node, str) and node and node not in seen:
        out.append(node)
        seen.add(node)
        node = induk.get(node)
    return out


def anak(anggaran: pd.DataFrame) -> dict[tuple[int, str], list[str]]:
    """The children of every parent, by (year, parent code), in the order of the table."""
    out: dict[tuple[int, str], list[str]] = {}
    for t, k, i in zip(anggaran["tahun"], anggaran["kode"], anggaran["induk"]):
        if isinstance(i, str) and i:
            out.setdefault((int(t), i), []).append(k)
    return out


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
    root = _akar_posisi(anggaran)
    tingkat = anggaran["tingkat"].to_numpy(dtype=object)
    df = anggaran.assign(pohon=np.where(root >= 0, tingkat[np.maximum(root, 0)], None))  # the tingkat of its tree's top
    tot = total_per(puncak(df), ["tahun", "pohon"])
    out = pd.DataFrame(
        {"jumlah_node": df.groupby(["tahun", "pohon"], sort=False).size(), "pagu": tot["pagu"], "realisasi": tot["realisasi"]}
    ).reset_index()
    out["serapan"] = persen_serapan(out["realisasi"].to_numpy(dtype=float), out["pagu"].to_numpy(dtype=float))
    out["selisih_pagu"] = out["pagu"] - out.groupby("tahun")["pagu"].transform("first")
    return out


#: The money columns of the machine-readable tables.
KOLOM_RUPIAH = ("pagu", "realisasi", "realisasi_anggaran", "nilai_induk", "jumlah_anak", "selisih", "selisih_pagu")


def rupiah_bulat(df: pd.DataFrame, kolom: Sequence[str] = KOLOM_RUPIAH) -> pd.DataFrame:
    """Money columns as whole rupiah (``48281384383``, not ``48281384383.0``) when every value is whole."""
    out = df.copy()
    for col in kolom:
        if col in out and out[col].dtype.kind == "f":
            v = out[col].dropna()
            if len(v) and (v == v.round()).all() and (v.abs() < 2**53).all():
                out[col] = out[col].astype("Int64")
    return out
