"""Capaian, kategori and aggregates of IKU (DOMAIN.md sections 3-5).

Pure functions over DataFrames whose targets and realisasi are already read
into numbers (see :mod:`lakip.data.load`):

- ``target_nilai``: the target as a number (a level ``9/9`` as its fraction,
  a kategori word as its rank on the indicator's scale);
- ``target_bawah``, ``target_atas``: the bounds of a range target;
- ``realisasi_nilai``: the realisasi as a number, NaN when not available;
- ``polaritas`` (naik|turun) and ``jenis`` (angka|rentang|level|kategori).

Everything is computed exactly; rounding happens only when displaying.
"""

from __future__ import annotations


import numpy as np
import pandas as pd

from lakip.core.config import BELUM_TERUKUR, Pilihan, Skala
from lakip.core.numbers import tidak_ada

__all__ = [
    "STATUS",
    "CATATAN",
    "hitung_capaian",
    "beri_kategori",
    "skor",
    "capaian_satu",
    "capaian_sasaran",
    "batasi",
    "batasi_iku",
    "batas_rata_rata",
    "kelompok",
    "rata_per_kelompok",
    "rata_rata",
    "distribusi",
    "persen_tercetak",
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

_STATUS_DTYPE = pd.CategoricalDtype(list(STATUS))
_CATATAN_DTYPE = pd.CategoricalDtype(list(CATATAN))
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
    n = len(df)
    turun = _as_bool(df["polaritas"], "turun")
    t = df["target_nilai"].to_numpy(dtype=float, copy=True)
    r = df["realisasi_nilai"].to_numpy(dtype=float)
    note = np.zeros(n, dtype=np.int8)
    status = np.zeros(n, dtype=np.int8)

    # A range target counts as its nearer bound; inside the range gives 100.
    rg = np.flatnonzero(_as_bool(df["jenis"], "rentang"))
    inside = rg[:0]
    if rg.size:
        lo = df["target_bawah"].to_numpy(dtype=float)[rg]
        hi = df["target_atas"].to_numpy(dtype=float)[rg]
        rr = r[rg]
        t[rg] = np.where(rr > hi, hi, lo)
        inside = rg[(rr >= lo) & (rr <= hi)]

    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        cap = r * 100.0 / t
        tu = np.flatnonzero(turun)
        if tu.size:
            tt, rt = t[tu], r[tu]
            if pilihan.rumus_turun == "selisih":
                raw = (2.0 * tt - rt) * 100.0 / tt
                note[tu[raw < 0]] = 6
                cap[tu] = np.maximum(raw, 0.0)
            else:
                cap[tu] = tt * 100.0 / rt
                bad = tu[(rt <= 0) & (tt != 0)]
                cap[bad] = np.nan
                note[bad], status[bad] = 5, 2
    if rg.size:
        cap[inside] = 100.0
        note[inside], status[inside] = 7, 0

    t0 = np.flatnonzero(t == 0)
    if t0.size:
        t0 = np.setdiff1d(t0, inside, assume_unique=True)
        t0_turun = turun[t0]
        naik0, turun0 = t0[~t0_turun], t0[t0_turun]
        cap[naik0] = np.nan
        note[naik0], status[naik0] = 3, 2
        cap[turun0] = np.where(r[turun0] <= 0, 100.0, 0.0)
        note[turun0] = 4

    no_t = np.flatnonzero(np.isnan(t))
    cap[no_t] = np.nan
    note[no_t], status[no_t] = 2, 2
    no_r = np.flatnonzero(np.isnan(r))
    cap[no_r] = np.nan
    note[no_r], status[no_r] = 1, 1

    return pd.DataFrame(
        {
            "capaian": cap,
            "status": pd.Categorical.from_codes(status, dtype=_STATUS_DTYPE, validate=False),
            "catatan": pd.Categorical.from_codes(note, dtype=_CATATAN_DTYPE, validate=False),
        },
        index=df.index,
    )


def beri_kategori(capaian: pd.Series | np.ndarray, skala: Skala) -> pd.Categorical:
    """Kategori of each capaian under ``skala`` (ordered, lowest first; NaN stays NaN)."""
    dtype = pd.CategoricalDtype(list(skala.urut_naik), ordered=True)
    return pd.Categorical.from_codes(skala.kode(np.asarray(capaian)), dtype=dtype, validate=False)


def skor(df: pd.DataFrame, pilihan: Pilihan | None = None) -> pd.DataFrame:
    """``df`` with ``capaian``, ``status``, ``catatan`` and ``kategori`` added.

    ``capaian`` is the IKU's capaian as shown, rated and averaged: capped at
    ``batas_capaian_iku`` (:func:`batasi_iku`) when the unit has that cap, which
    adds ``capaian_tanpa_batas``, the value before the cap.
    """
    pilihan = pilihan or Pilihan()
    out = df.copy(deep=False)  # new columns only: the caller's frame is not touched
    hasil = hitung_capaian(df, pilihan)
    capaian = batasi_iku(hasil["capaian"], pilihan)
    out["capaian"] = capaian
    out["kategori"] = beri_kategori(capaian.to_numpy(), pilihan.skala)
    out["status"] = hasil["status"]
    out["catatan"] = hasil["catatan"]
    if pilihan.batas_capaian_iku is not None:
        out["capaian_tanpa_batas"] = hasil["capaian"]
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
    missing = tidak_ada
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


def _potong(capaian, b: float | None):
    """``capaian`` capped at ``b`` (None: as it is); a Series, an array or one value, a missing value stays missing."""
    if b is None or capaian is None:
        return capaian
    if isinstance(capaian, pd.Series):
        return capaian.clip(upper=b)
    if isinstance(capaian, np.ndarray):
        return np.minimum(capaian, b)
    return min(capaian, b)


def batasi_iku(capaian, pilihan: Pilihan):
    """The capaian of each IKU capped at ``batas_capaian_iku`` when the unit has one (DOMAIN.md section 3).

    The one home of that rule: the cap comes before the kategori and before every mean, so a
    capaian of 109,68 under a cap of 100 is shown, rated and averaged as 100 (:func:`skor`
    applies it; what-if code that computes one capaian applies it too). A Series, an array or
    one value; a missing value stays missing.
    """
    return _potong(capaian, pilihan.batas_capaian_iku)


def batasi(capaian, pilihan: Pilihan):
    """Capaian as the means take it: capped at ``batas_capaian`` when the unit has one (DOMAIN.md section 3).

    Applied to the capaian of :func:`skor`, already capped by :func:`batasi_iku`. A Series,
    an array or one value; a missing value stays missing.
    """
    return _potong(capaian, pilihan.batas_capaian)


def batas_rata_rata(pilihan: Pilihan) -> float | None:
    """The highest capaian one IKU can bring into a mean: the lower of ``batas_capaian_iku`` and
    ``batas_capaian`` (None: no cap)."""
    caps = [b for b in (pilihan.batas_capaian_iku, pilihan.batas_capaian) if b is not None]
    return min(caps) if caps else None


def rata_per_kelompok(values: np.ndarray, gid: np.ndarray, n: int) -> np.ndarray:
    """Mean of the non-NaN values of each group ``0..n-1`` (``gid`` per value), summed as
    ``Series.mean`` sums, so a group's mean equals :func:`rata_rata`'s bit for bit."""
    order = np.argsort(gid, kind="stable")
    bounds = np.searchsorted(gid[order], np.arange(n + 1))
    v = values[order]
    out = np.full(n, np.nan)
    for g in range(n):
        part = v[bounds[g]:bounds[g + 1]]
        if len(part):
            out[g] = pd.Series(part).mean()
    return out


def _kode_kolom(col: pd.Series) -> tuple[np.ndarray, pd.Index]:
    """Integer codes of a key column and the level of each code (sorted)."""
    if isinstance(col.dtype, pd.CategoricalDtype):
        c = col.cat.codes.to_numpy()
        if c.size and c.min() < 0:
            raise ValueError(f"kolom {col.name} berisi nilai kosong")
        return c.astype(np.int64), col.cat.categories
    values = col.to_numpy()
    if values.dtype.kind in "iu" and values.size:
        lo, hi = int(values.min()), int(values.max())
        if hi - lo <= 4 * values.size:  # small range: codes are offsets
            return values.astype(np.int64) - lo, pd.Index(np.arange(lo, hi + 1), name=col.name)
    c, u = pd.factorize(col, sort=True, use_na_sentinel=False)
    return c.astype(np.int64), pd.Index(u)


def kelompok(df: pd.DataFrame, keys: list[str]) -> tuple[np.ndarray, int, np.ndarray, pd.DataFrame]:
    """Group rows by ``keys`` with integer codes, fast on millions of rows.

    Returns ``(gid, n, used, groups)``: a group id per row in ``0..n-1``,
    the id space ``n``, the ids that occur (sorted, so in the key order of
    ``df.groupby(keys, sort=True, observed=True)``) and their keys. A
    per-group reduction is ``np.bincount(gid, ..., minlength=n)[used]``.
    """
    codes, levels = zip(*(_kode_kolom(df[k]) for k in keys))
    sizes = [len(u) for u in levels]
    gid = codes[0]
    for c, size in zip(codes[1:], sizes[1:]):
        gid = gid * size + c
    n = int(np.prod(sizes, dtype=np.float64))
    if n > 4 * max(len(gid), 1):  # sparse key space: compact it first
        gid, uniq = pd.factorize(gid, sort=True)
        gid, n = gid.astype(np.int64), len(uniq)
        used, keys_of = np.arange(n), uniq
    else:
        used = np.flatnonzero(np.bincount(gid, minlength=n))
        keys_of = used
    parts, rest = [], np.asarray(keys_of, dtype=np.int64)
    for size in reversed(sizes[1:]):
        rest, part = np.divmod(rest, size)
        parts.append(part)
    parts.append(rest)
    out = {}
    for k, u, part in zip(keys, levels, reversed(parts)):
        col = df[k]
        if isinstance(col.dtype, pd.CategoricalDtype):
            out[k] = pd.Categorical.from_codes(part, dtype=col.dtype, validate=False)
        else:
            out[k] = u.take(part).to_numpy()
    return gid, n, used, pd.DataFrame(out)


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
    gid, n, used, out = kelompok(skor_df, keys)
    c = batasi(skor_df["capaian"], pilihan).to_numpy(dtype=float)
    ok = ~np.isnan(c)
    total = np.bincount(gid, weights=np.where(ok, c, 0.0), minlength=n)[used]
    measured = np.bincount(gid, weights=ok, minlength=n)[used].astype(np.int64)
    out["jumlah_iku"] = np.bincount(gid, minlength=n)[used]
    out["jumlah_terukur"] = measured
    with np.errstate(divide="ignore", invalid="ignore"):
        out["capaian"] = np.where(measured > 0, total / measured, np.nan)
    out["kategori"] = beri_kategori(out["capaian"].to_numpy(), pilihan.skala)
    return out


def rata_rata(skor_df: pd.DataFrame, pilihan: Pilihan | None = None) -> dict[str, float | int | None]:
    """The unit's overall capaian, both views of DOMAIN.md section 5.

    Returns ``rata_rata_iku`` (mean of all available IKU capaian, the main
    figure), ``rata_rata_sasaran`` (mean of the sasaran means), the number
    of IKU, of measured IKU and of sasaran with a capaian.
    """
    pilihan = pilihan or Pilihan()
    c = batasi(skor_df["capaian"], pilihan)
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
    k = len(labels)
    codes = skala.kode(skor_df["capaian"].to_numpy())
    # position in `labels`: the top class first, "belum dapat diukur" last
    pos = np.where(codes < 0, k - 1, len(skala.label) - 1 - codes)
    if by:
        gid, n, used, groups = kelompok(skor_df, by)
    else:
        gid, n, used, groups = np.zeros(len(skor_df), dtype=np.int64), 1, np.array([0]), pd.DataFrame(index=[0])
    g = len(groups)
    counts = np.bincount(gid * k + pos, minlength=n * k).reshape(n, k)[used]
    out = groups.loc[groups.index.repeat(k)].reset_index(drop=True)
    out["kategori"] = np.tile(np.asarray(labels, dtype=object), g)
    out["jumlah"] = counts.ravel()
    total = counts.sum(axis=1)
    measured = total - counts[:, -1]
    terukur = np.tile(np.arange(k) < k - 1, g)
    with np.errstate(divide="ignore", invalid="ignore"):
        out["persen"] = (counts * 100.0 / total[:, None]).ravel()
        persen_terukur = (counts * 100.0 / measured[:, None]).ravel()
    out["persen_terukur"] = np.where(terukur, persen_terukur, np.nan)
    return out


def persen_tercetak(tabel: pd.DataFrame, desimal: int = 2) -> pd.DataFrame:
    """The percents of one distribution (:func:`distribusi`, no ``by``) as a report prints them:
    rounded to ``desimal`` decimals so that each column adds up to exactly 100
    (:func:`lakip.core.numbers.persen_sisa_terbesar`; three IKU in three kategori give
    33,33, 33,33 and 33,34). NaN where the exact value is (no IKU, or the
    "belum dapat diukur" row of ``persen_terukur``).
    """
    from lakip.core.numbers import persen_sisa_terbesar

    out = tabel[["kategori", "jumlah"]].reset_index(drop=True)
    jumlah = [int(j) for j in out["jumlah"]]
    for kolom, ikut in (("persen", [True] * len(out)), ("persen_terukur", list(out["kategori"] != BELUM_TERUKUR))):
        dipakai = [j for j, i in zip(jumlah, ikut) if i]
        persen = iter(persen_sisa_terbesar(dipakai, desimal)) if sum(dipakai) else None
        out[kolom] = [float(next(persen)) if persen is not None and i else np.nan for i in ikut]
    return out


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
