"""Rollup tables for a very large synthetic kabupaten, from the package alone (no notebooks).

Generates ``--units`` synthetic units with ``--years`` years each
(lakip.contoh; not timed against the goal), then times, in one process:
loading and validating every unit at once (lakip.bulk.muat_kabupaten) and
the rollup tables of every year (tabel_capaian_iku and tabel_unit). Goal on
the 2-core machine for 20,000 units x 5 years: under 60 s and 4 GB. Peak
memory is the largest resident size of this process and its worker
processes together, sampled every 0.2 s.

For comparison it also times, on a sample of units: loading one by one
(lakip.load.muat) and the reviu of the published figures per unit
(lakip.audit.reviu, the ``temuan_tidak_sesuai`` column of unit.csv), and
extrapolates both to every unit; ``--reviu`` times the reviu of every unit
(lakip.kabupaten.hitung_temuan, in worker processes) as well.

Run: ``python bench/bench_kabupaten.py [--units N] [--years Y] [--data DIR] [--reviu]``
(``--data`` reuses a folder made earlier by ``lakip contoh``).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import threading
import time
from pathlib import Path

from lakip import kabupaten
from lakip.bulk import muat_kabupaten
from lakip.data.contoh import buat_kabupaten
from lakip.data.load import daftar_entitas, muat


class PeakMemory:
    """The peak of the summed resident size of this process and its children."""

    def __init__(self) -> None:
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _rss(self) -> int:
        me, total = os.getpid(), 0
        for pid in os.listdir("/proc"):
            if not pid.isdigit():
                continue
            try:
                with open(f"/proc/{pid}/stat") as f:
                    ppid = int(f.read().rsplit(")", 1)[1].split()[1])
                if int(pid) == me or ppid == me:
                    with open(f"/proc/{pid}/statm") as f:
                        total += int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
            except (OSError, ValueError, IndexError):
                pass
        return total

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, self._rss())
            self._stop.wait(0.2)

    def __enter__(self) -> "PeakMemory":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, self._rss())


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--units", type=int, default=20000)
    ap.add_argument("--years", type=int, default=5)
    ap.add_argument("--sample", type=int, default=200, help="units timed one by one and for the reviu")
    ap.add_argument("--data", type=Path, help="an existing synthetic kabupaten (skips generating)")
    ap.add_argument("--reviu", action="store_true", help="also time the reviu of every unit (worker processes)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        data = args.data
        if data is None:
            data = Path(tmp) / "data"
            t0 = time.perf_counter()
            buat_kabupaten(data, unit=args.units, tahun=args.years, seed=2024)
            print(f"generated {args.units} units x {args.years} years in {time.perf_counter() - t0:.1f} s (not part of the goal)")
        slugs = daftar_entitas(data)
        with PeakMemory() as mem:
            t0 = time.perf_counter()
            kab = muat_kabupaten(data)
            t1 = time.perf_counter()
            years = sorted({int(t) for t in kab.kinerja["tahun"].unique()})
            rows = 0
            for tahun in years:
                rows += len(kabupaten.tabel_capaian_iku(kab, tahun))
                kabupaten.tabel_unit(kab, tahun, temuan={})
            t2 = time.perf_counter()
        print(f"{len(slugs)} units, {len(kab.kinerja)} IKU-year rows, {len(kab.anggaran)} budget rows, "
              f"{len(kab.gagal)} failed, {kab.satu_satu} loaded one by one")
        print(f"  load and validate (bulk)    {t1 - t0:7.1f} s")
        print(f"  rollup tables, {len(years)} years      {t2 - t1:7.1f} s   ({rows} IKU rows in capaian_iku)")
        print(f"  total                       {t2 - t0:7.1f} s   (goal < 60 s)")
        print(f"  peak memory                 {mem.peak / 2**30:7.2f} GB  (goal < 4 GB; process and workers)")
        sample = slugs[: args.sample]
        t3 = time.perf_counter()
        for slug in sample:
            muat(data, slug)
        one = (time.perf_counter() - t3) / len(sample)
        t4 = time.perf_counter()
        kabupaten.hitung_temuan(kab, years[-1], sample)
        rev = (time.perf_counter() - t4) / len(sample)
        print(f"  for comparison, on {len(sample)} units: loading one by one {one * 1000:.1f} ms per unit "
              f"({one * len(slugs):.0f} s for all, one core); reviu {rev * 1000:.1f} ms per unit ({rev * len(slugs):.0f} s for all)")
        if args.reviu:  # no memory sampling here: with a second thread running, hitung_temuan does not fork
            t5 = time.perf_counter()
            temuan = kabupaten.hitung_temuan(kab, years[-1])
            t6 = time.perf_counter()
            print(f"  reviu of all {len(temuan)} units of {years[-1]} (worker processes): {t6 - t5:.1f} s")
        ok = t2 - t0 < 60 and mem.peak < 4 * 2**30
    print("goal met" if ok else "GOAL NOT MET")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
