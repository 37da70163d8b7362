"""Capaian, kategori and aggregates of IKU (DOMAIN.md sections 3-5).

Pure functions over DataFrames whose targets and realisasi are already read
into numbers (see :mod:`lakip.load`):

- ``target_nilai``: the target as a number (a level ``9/9`` as its fraction,
  a kategori word as its rank on the indicator's scale);
- ``target_bawah``, ``target_atas``: the bounds of a range target;
- ``realisasi_nilai``: the realisasi as a number, NaN when not available;
- ``polaritas`` (naik|turun) and ``jenis`` (angka|rentang|level|kategori).

Everything is computed exactly; rounding happens only when displaying.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from lakip.config import BELUM_TERUKUR, Pilihan, Skala

__all__ = [
    "STATUS",
    "CATATAN",
    "hitung_capaian",
    "beri_kategori",
    "skor",
    "capaian_satu",
    "capaian_sasaran",
    "rata_rata",
    "distribusi",
    "perbandingan",
]

#: Status of a capaian.
STATUS = ("terukur", BELUM_TERUKUR, "tidak dapat dihitung")

#: Notes on rows whose capaian needed a special rule (index 0: none).
CATATAN = (
    "",
    "realisasi belum tersedia",
    "target belum tersedia",
    "target 0 dengan polaritas naik: capaian tidak dapat dihitung",
    "target 0 dengan polaritas turun: capaian 100 bila realisasi <= 0, selain itu 0",
    "realisasi <= 0 dengan rumus turun target/realisasi: capaian tidak dapat dihitung",
    "realisasi lebih dari 2 x target (polaritas turun): capaian dibatasi 0",
    "realisasi di dalam rentang target: capaian 100",
)

_REQUIRED = ("polaritas", "jenis", "target_nilai", "target_bawah", "target_atas", "realisasi_nilai")


def _check_columns(df: pd.DataFrame, needed: tuple[str, ...] | list[str], fungsi: str) -> None:
    missing = [c for c in needed if c not in df.columns]
    if missing:
        raise KeyError(f"{fungsi}: kolom tidak ada: {', '.join(missing)}")


def _as_bool(series: pd.Series, value: str) -> np.ndarray:
    """``series == value`` as a numpy bool array, fast for categoricals."""
    if isinstance(series.dtype, pd.CategoricalDtype):
        cats = list(series.cat.categories)
        if value not in cats:
            return np.zeros(len(series), dtype=bool)
        return series.cat.codes.to_numpy() == cats.index(value)
    return (series == value).to_numpy(dtype=bool)


def hitung_capaian(df: pd.DataFrame, pilihan: Pilihan | None = None) -> pd.DataFrame:
    """Capaian (percent, uncapped), status and catatan of every row.

    Args:
        df: rows with the columns described in the module docstring.
        pilihan: rule choices; only ``rumus_turun`` is used here.

    Returns:
        A DataFrame on ``df``'s index with ``capaian`` (float, NaN when not
        available), ``status`` and ``catatan`` (categoricals).
    """
    _check_columns(df, _REQUIRED, "hitung_capaian")
    pilihan = pilihan or Pilihan()
    turun = _as_bool(df["polaritas"], "turun")
    rentang = _as_bool(df["jenis"], "rentang")
    t = df["target_nilai"].to_numpy(dtype=float, copy=True)
    lo = df["target_bawah"].to_numpy(dtype=float)
    hi = df["target_atas"].to_numpy(dtype=float)
    r = df["realisasi_nilai"].to_numpy(dtype=float)

    # A range target counts as its nearer bound; inside the range gives 100.
    t = np.where(rentang, np.where(r > hi, hi, lo), t)
    inside = rentang & (r >= lo) & (r <= hi)

    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        naik_val = r * 100.0 / t
        if pilihan.rumus_turun == "selisih":
            raw = (2.0 * t - r) * 100.0 / t
            turun_val = np.maximum(raw, 0.0)
        else:
            raw = t * 100.0 / r
            turun_val = raw
    cap = np.where(turun, turun_val, naik_val)

    note = np.zeros(len(df), dtype=np.int8)
    status = np.zeros(len(df), dtype=np.int8)
    if pilihan.rumus_turun == "selisih":
        note[turun & (raw < 0)] = 6
    else:
        bad = turun & (r <= 0) & (t != 0)
        note[bad] = 5
        status[bad] = 2
        cap[bad] = np.nan
    cap[inside] = 100.0
    note[inside], status[inside] = 7, 0

    t0 = (t == 0) & ~np.isnan(r) & ~inside
    t0_naik, t0_turun = t0 & ~turun, t0 & turun
    cap[t0_naik] = np.nan
    note[t0_naik], status[t0_naik] = 3, 2
    cap[t0_turun] = np.where(r[t0_turun] <= 0, 100.0, 0.0)
    note[t0_turun] = 4

    no_t = np.isnan(t)
    cap[no_t] = np.nan
    note[no_t], status[no_t] = 2, 2
    no_r = np.isnan(r)
    cap[no_r] = np.nan
    note[no_r], status[no_r] = 1, 1

    return pd.DataFrame(
        {
            "capaian": cap,
            "status": pd.Categorical.from_codes(status, categories=list(STATUS)),
            "catatan": pd.Categorical.from_codes(note, categories=list(CATATAN)),
        },
        index=df.index,
    )


def beri_kategori(capaian: pd.Series | np.ndarray, skala: Skala) -> pd.Categorical:
    """Kategori of each capaian under ``skala`` (ordered, lowest first; NaN stays NaN)."""
    return pd.Categorical.from_codes(skala.kode(np.asarray(capaian)), categories=list(skala.urut_naik), ordered=True)


def skor(df: pd.DataFrame, pilihan: Pilihan | None = None) -> pd.DataFrame:
    """``df`` with ``capaian``, ``status``, ``catatan`` and ``kategori`` added."""
    pilihan = pilihan or Pilihan()
    out = df.copy()
    hasil = hitung_capaian(df, pilihan)
    out["capaian"] = hasil["capaian"]
    out["kategori"] = beri_kategori(hasil["capaian"].to_numpy(), pilihan.skala)
    out["status"] = hasil["status"]
    out["catatan"] = hasil["catatan"]
    return out


def capaian_satu(
    target: float | None,
    realisasi: float | None,
    polaritas: str = "naik",
    rumus_turun: str = "selisih",
    target_bawah: float | None = None,
    target_atas: float | None = None,
) -> float | None:
    """Capaian of one IKU, row by row: the reference the vectorised code must equal.

    Pass a range target as ``target_bawah`` and ``target_atas``; a level or a
    kategori word as its number (fraction or rank). Returns None when the
    capaian is not available.
    """
    def missing(x: float | None) -> bool:
        return x is None or (isinstance(x, float) and math.isnan(x))

    if missing(realisasi):
        return None
    if not missing(target_bawah) and not missing(target_atas):
        if target_bawah <= realisasi <= target_atas:
            return 100.0
        target = target_atas if realisasi > target_atas else target_bawah
    if missing(target):
        return None
    if target == 0:
        if polaritas == "naik":
            return None
        return 100.0 if realisasi <= 0 else 0.0
    if polaritas == "naik":
        return realisasi * 100.0 / target
    if rumus_turun == "selisih":
        return max((2.0 * target - realisasi) * 100.0 / target, 0.0)
    if realisasi <= 0:
        return None
    return target * 100.0 / realisasi


def _capped(df: pd.DataFrame, pilihan: Pilihan) -> pd.Series:
    c = df["capaian"]
    return c if pilihan.batas_capaian is None else c.clip(upper=pilihan.batas_capaian)


def capaian_sasaran(
    skor_df: pd.DataFrame, pilihan: Pilihan | None = None, by: list[str] | None = None
) -> pd.DataFrame:
    """Capaian of each sasaran: the mean of its available IKU capaian.

    Args:
        skor_df: output of :func:`skor` with a ``sasaran_kode`` column.
        pilihan: the cap (``batas_capaian``) and scale to use.
        by: extra grouping columns, e.g. ``["tahun"]``.

    Returns:
        One row per group and sasaran: ``jumlah_iku``, ``jumlah_terukur``,
        ``capaian`` (NaN when no IKU is measured) and ``kategori``.
    """
    pilihan = pilihan or Pilihan()
    keys = [*(by or []), "sasaran_kode"]
    _check_columns(skor_df, [*keys, "capaian"], "capaian_sasaran")
    work = pd.DataFrame({k: skor_df[k] for k in keys})
    work["capaian"] = _capped(skor_df, pilihan).to_numpy()
    g = work.groupby(keys, sort=True, observed=True)["capaian"]
    out = pd.DataFrame({"jumlah_iku": g.size(), "jumlah_terukur": g.count(), "capaian": g.mean()}).reset_index()
    out["kategori"] = beri_kategori(out["capaian"].to_numpy(), pilihan.skala)
    return out


def rata_rata(skor_df: pd.DataFrame, pilihan: Pilihan | None = None) -> dict[str, float | int | None]:
    """The unit's overall capaian, both views of DOMAIN.md section 5.

    Returns ``rata_rata_iku`` (mean of all available IKU capaian, the main
    figure), ``rata_rata_sasaran`` (mean of the sasaran means), the number
    of IKU, of measured IKU and of sasaran with a capaian.
    """
    pilihan = pilihan or Pilihan()
    c = _capped(skor_df, pilihan)
    sas = capaian_sasaran(skor_df, pilihan)
    mean_iku = c.mean()
    mean_sas = sas["capaian"].mean()
    return {
        "rata_rata_iku": None if pd.isna(mean_iku) else float(mean_iku),
        "rata_rata_sasaran": None if pd.isna(mean_sas) else float(mean_sas),
        "jumlah_iku": int(len(skor_df)),
        "jumlah_terukur": int(c.notna().sum()),
        "jumlah_belum_terukur": int(c.isna().sum()),
        "jumlah_sasaran": int(len(sas)),
        "jumlah_sasaran_terukur": int(sas["capaian"].notna().sum()),
    }


def distribusi(skor_df: pd.DataFrame, skala: Skala, by: list[str] | None = None) -> pd.DataFrame:
    """Count and percent of IKU per kategori, highest first, plus "belum dapat diukur".

    ``persen`` is of all IKU (the rows add up to 100); ``persen_terukur`` is
    of the measured IKU only (empty for the "belum dapat diukur" row).
    """
    by = by or []
    _check_columns(skor_df, [*by, "capaian"], "distribusi")
    labels = [*skala.label, BELUM_TERUKUR]
    codes = skala.kode(skor_df["capaian"].to_numpy())
    # position in `labels`: the top class first, "belum dapat diukur" last
    pos = np.where(codes < 0, len(labels) - 1, len(skala.label) - 1 - codes)
    work = pd.DataFrame({k: skor_df[k].to_numpy() for k in by})
    work["kategori"] = pd.Categorical.from_codes(pos, categories=labels, ordered=True)
    counts = work.groupby([*by, "kategori"], observed=False, sort=True).size().rename("jumlah").reset_index()
    terukur = (counts["kategori"] != BELUM_TERUKUR).to_numpy()
    counts["_terukur"] = counts["jumlah"].where(terukur, 0)
    if by:
        sums = counts.groupby(by, observed=True)[["jumlah", "_terukur"]].transform("sum")
        total, measured = sums["jumlah"], sums["_terukur"]
    else:
        total, measured = counts["jumlah"].sum(), counts["_terukur"].sum()
    with np.errstate(divide="ignore", invalid="ignore"):
        counts["persen"] = counts["jumlah"] * 100.0 / total
        counts["persen_terukur"] = (counts["jumlah"] * 100.0 / measured).where(terukur)
    counts["kategori"] = counts["kategori"].astype(str)
    return counts.drop(columns="_terukur")


def perbandingan(skor_df: pd.DataFrame) -> pd.DataFrame:
    """Every IKU over the years, with the change of capaian in percentage points.

    ``perubahan_pp`` is the capaian minus the capaian of the year before
    (NaN when either is not available or the year before is not in the data).
    """
    _check_columns(skor_df, ["kode", "tahun", "capaian"], "perbandingan")
    out = skor_df.sort_values(["kode", "tahun"], kind="stable").reset_index(drop=True)
    prev = out[["kode", "tahun", "capaian"]].copy()
    prev["tahun"] = prev["tahun"] + 1
    prev = prev.rename(columns={"capaian": "_sebelumnya"})
    out = out.merge(prev, on=["kode", "tahun"], how="left", validate="one_to_one")
    out["perubahan_pp"] = out["capaian"] - out.pop("_sebelumnya")
    return out
