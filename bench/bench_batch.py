"""Scaling of ``lakip run --all`` with 1 and 2 worker processes, in one run.

Generates a synthetic kabupaten (``lakip contoh``, 40 units by default) and
times the whole batch (every unit's tables, reports and, unless
``--tabel-saja``, notebooks and charts) with one worker and with two. Prints
both times and the speed-up; the goal is at least 1.8x on 2 cores.
Run: ``python bench/bench_batch.py [UNITS] [--tabel-saja]``.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from lakip.data.contoh import buat_kabupaten
from lakip.run import jalankan_semua


def main(n: int = 40, notebook: bool = True) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        buat_kabupaten(data, unit=n, tahun=3, seed=2024)
        times = {}
        for workers in (1, 2):
            t0 = time.perf_counter()
            hasil = jalankan_semua(data, out=Path(tmp) / f"out{workers}", notebook=notebook, pekerja=workers)
            times[workers] = time.perf_counter() - t0
            assert not hasil.gagal, hasil.gagal
    what = "with notebooks and charts" if notebook else "tables and rollup only"
    print(f"units: {n} ({what})")
    print(f"1 worker:  {times[1]:7.1f} s")
    print(f"2 workers: {times[2]:7.1f} s")
    speed = times[1] / times[2]
    print(f"speed-up: {speed:.2f}x   (goal >= 1.8x on 2 cores)")
    return 0 if speed >= 1.8 else 1


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("units", nargs="?", type=int, default=40, help="units of the synthetic kabupaten (default 40)")
    parser.add_argument("--tabel-saja", action="store_true", help="tables and rollup only, no notebooks and charts")
    args = parser.parse_args()
    sys.exit(main(args.units, notebook=not args.tabel_saja))
