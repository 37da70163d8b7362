"""Speed of the kabupaten rollup on many synthetic units, from the package alone (no notebooks).

Generates a synthetic kabupaten (lakip.contoh) in a temporary folder, then
times, separately: loading and validating every unit (lakip.kabupaten.muat_semua),
the rollup tables (tabel_capaian_iku and tabel_unit, without the reviu), the
reviu counts (lakip.audit.reviu per unit) and writing the whole rollup folder
with its charts (tulis_kabupaten). Prints the times and the peak memory of the
process. Run: ``python bench/bench_kabupaten.py [UNITS]`` (default 500).
"""

from __future__ import annotations

import resource
import sys
import tempfile
import time
from pathlib import Path

from lakip import audit, kabupaten
from lakip.contoh import buat_kabupaten


def main(n: int = 500) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        data, out = Path(tmp) / "data", Path(tmp) / "out"
        t0 = time.perf_counter()
        buat_kabupaten(data, unit=n, tahun=3, seed=2024)
        t1 = time.perf_counter()
        units, gagal = kabupaten.muat_semua(data)
        assert not gagal, gagal
        t2 = time.perf_counter()
        iku = kabupaten.tabel_capaian_iku(units, 2024)
        tabel = kabupaten.tabel_unit(units, 2024, temuan={})
        t3 = time.perf_counter()
        temuan = {u.slug: int((audit.reviu(u, 2024)["status"] == audit.TIDAK_SESUAI).sum()) for u in units}
        t4 = time.perf_counter()
        kabupaten.tulis_kabupaten(units, 2024, out, temuan=temuan)
        t5 = time.perf_counter()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{n} unit, {len(iku)} IKU tahun 2024, {len(tabel)} baris unit.csv")
    print(f"  membuat data sintetis   {t1 - t0:8.2f} s")
    print(f"  memuat dan memeriksa    {t2 - t1:8.2f} s  ({(t2 - t1) / n * 1000:.1f} ms per unit)")
    print(f"  tabel rekap (tanpa reviu) {t3 - t2:6.3f} s")
    print(f"  reviu semua unit        {t4 - t3:8.2f} s  ({(t4 - t3) / n * 1000:.1f} ms per unit)")
    print(f"  menulis rekap + grafik  {t5 - t4:8.2f} s")
    print(f"  memori puncak           {peak_mb:8.0f} MB")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 500)
