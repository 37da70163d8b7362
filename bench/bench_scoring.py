"""Scoring speed on 1,000,000 synthetic IKU-year rows, in one run.

Times three things on the same rows of mixed kinds (angka, rentang, level,
kategori) and polarities, with missing realisasi and zero targets:

1. the package: capaian, kategori, sasaran means and distribution
   (lakip.scoring.skor, capaian_sasaran, distribusi);
2. the same rules as a plain per-row Python loop;
3. a bare numpy floor: the ratio and the binning only.

Prints the times, the ratios and the peak memory of the process. Targets:
package at least 20x faster than the loop, within 5x of the floor, and the
whole run under 1 GB. Run: ``make bench`` or ``python bench/bench_scoring.py [ROWS]``.
"""

from __future__ import annotations

import resource
import sys
import time

import numpy as np
import pandas as pd

from lakip.core import scoring
from lakip.core.config import BELUM_TERUKUR, SKALA_BAKU, Pilihan


def synthetic(n: int, seed: int = 2024) -> pd.DataFrame:
    """``n`` IKU-year rows: 10 IKU x 5 years per unit, 5 sasaran per unit."""
    rng = np.random.default_rng(seed)
    jenis = rng.choice(np.array(["angka", "rentang", "level", "kategori"]), n, p=[0.7, 0.1, 0.1, 0.1])
    polaritas = rng.choice(np.array(["naik", "turun"]), n, p=[0.8, 0.2])
    t = rng.uniform(1, 1000, n)
    r = t * rng.normal(0.95, 0.2, n)
    lo, hi = np.full(n, np.nan), np.full(n, np.nan)
    rg = jenis == "rentang"
    lo[rg], hi[rg] = t[rg] * 0.9, t[rg] * 1.1
    t[rg] = np.nan
    lv = jenis == "level"
    t[lv] = rng.integers(1, 10, lv.sum()) / 9
    r[lv] = rng.integers(0, 10, lv.sum()) / 9
    kt = jenis == "kategori"
    t[kt] = rng.integers(2, 5, kt.sum())
    r[kt] = rng.integers(1, 5, kt.sum())
    r[rng.random(n) < 0.05] = np.nan
    t[(rng.random(n) < 0.005) & ~rg] = 0.0
    row = np.arange(n)
    unit, iku, tahun = row // 50, (row // 5) % 10, 2020 + row % 5
    sasaran = unit * 5 + iku // 2
    return pd.DataFrame({
        "kode": pd.Categorical.from_codes(unit * 10 + iku, [f"U{u:06d}-IKU-{i}" for u in range(unit.max() + 1) for i in range(10)]),
        "tahun": tahun,
        "sasaran_kode": pd.Categorical.from_codes(sasaran, [f"U{s // 5:06d}-SS-{s % 5}" for s in range(sasaran.max() + 1)]),
        "polaritas": pd.Categorical(polaritas, categories=["naik", "turun"]),
        "jenis": pd.Categorical(jenis, categories=["angka", "rentang", "level", "kategori"]),
        "target_nilai": t,
        "target_bawah": lo,
        "target_atas": hi,
        "realisasi_nilai": r,
    })


def package(df: pd.DataFrame, pilihan: Pilihan):
    s = scoring.skor(df, pilihan)
    sas = scoring.capaian_sasaran(s, pilihan, by=["tahun"])
    dist = scoring.distribusi(s, pilihan.skala, by=["tahun"])
    return s, sas, dist


def loop(df: pd.DataFrame, pilihan: Pilihan):
    """The same rules, one row at a time, with plain Python objects."""
    labels = SKALA_BAKU.urut_naik
    bounds = sorted(SKALA_BAKU.batas)
    cols = [df[c].tolist() for c in ("polaritas", "jenis", "target_nilai", "target_bawah", "target_atas",
                                     "realisasi_nilai", "tahun", "sasaran_kode")]
    capaian, kategori = [], []
    sums: dict[tuple, list[float]] = {}
    dist: dict[tuple, int] = {}
    for pol, jenis, t, lo, hi, r, tahun, sas in zip(*cols):
        c = None
        if r == r:  # not NaN
            if jenis == "rentang":
                if lo <= r <= hi:
                    c = 100.0
                else:
                    t = hi if r > hi else lo
            if c is None and t == t:
                if t == 0:
                    c = None if pol == "naik" else (100.0 if r <= 0 else 0.0)
                elif pol == "naik":
                    c = r * 100.0 / t
                else:
                    c = max((2.0 * t - r) * 100.0 / t, 0.0)
        capaian.append(c)
        if c is None:
            k = BELUM_TERUKUR
        else:
            cr = round(c, 9)
            i = 0
            while i < len(bounds) and cr > bounds[i]:
                i += 1
            k = labels[i]
        kategori.append(k)
        acc = sums.setdefault((tahun, sas), [0.0, 0, 0])
        acc[2] += 1
        if c is not None:
            acc[0] += c
            acc[1] += 1
        dist[(tahun, k)] = dist.get((tahun, k), 0) + 1
    means = {key: (s / n if n else None) for key, (s, n, _) in sums.items()}
    return capaian, kategori, means, dist


def floor(df: pd.DataFrame):
    """Ratio and binning only, on plain arrays, with numpy's binning function."""
    t = df["target_nilai"].to_numpy()
    r = df["realisasi_nilai"].to_numpy()
    with np.errstate(divide="ignore", invalid="ignore"):
        c = r * 100.0 / t
    return c, np.digitize(c, np.array(sorted(SKALA_BAKU.batas)), right=True)


def floor_compare(df: pd.DataFrame):
    """The same with one comparison per bound, the binning the package uses."""
    t = df["target_nilai"].to_numpy()
    r = df["realisasi_nilai"].to_numpy()
    with np.errstate(divide="ignore", invalid="ignore"):
        c = r * 100.0 / t
    k = np.zeros(c.shape, dtype=np.int8)
    for b in SKALA_BAKU.batas:
        k += c > b
    return c, k


def timed(fn, *args, repeat: int = 3):
    best, out = float("inf"), None
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = fn(*args)
        best = min(best, time.perf_counter() - t0)
    return best, out


def main(n: int = 1_000_000) -> int:
    df = synthetic(n)
    pilihan = Pilihan()
    t_pkg, (s, _, _) = timed(package, df, pilihan)
    t_floor, _ = timed(floor, df, repeat=5)
    t_floor2, _ = timed(floor_compare, df, repeat=5)
    t_loop, (cap_loop, kat_loop, _, _) = timed(loop, df, pilihan, repeat=1)

    # the loop and the package must agree before their times mean anything
    a = s["capaian"].to_numpy()
    b = np.array([np.nan if c is None else c for c in cap_loop])
    assert np.allclose(a, b, rtol=1e-12, atol=0, equal_nan=True), "loop and package disagree"
    assert (s["kategori"].astype(object).fillna(BELUM_TERUKUR).to_numpy() == np.array(kat_loop, dtype=object)).all()

    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"rows: {n:,}")
    print(f"package (capaian, kategori, sasaran means, distribution): {t_pkg:8.3f} s")
    print(f"plain Python loop, same rules:                            {t_loop:8.3f} s")
    print(f"numpy floor (ratio and binning only):                     {t_floor:8.3f} s")
    print(f"numpy floor with one comparison per bound:                {t_floor2:8.3f} s")
    print(f"loop / package:  {t_loop / t_pkg:6.1f}x   (target >= 20x)")
    print(f"package / floor: {t_pkg / t_floor:6.1f}x   (target <= 5x)")
    print(f"package / floor with one comparison per bound: {t_pkg / t_floor2:6.1f}x   (for information)")
    print(f"peak memory of the process: {peak_mb:,.0f} MB   (target < 1024 MB)")
    ok = t_loop / t_pkg >= 20 and t_pkg / t_floor <= 5 and peak_mb < 1024
    print("targets met" if ok else "TARGETS NOT MET")
    return 0 if ok else 1


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("rows", nargs="?", type=int, default=1_000_000, help="IKU-year rows (default 1000000)")
    sys.exit(main(parser.parse_args().rows))
