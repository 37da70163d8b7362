"""Time of one change in the exploratory what-if (notebooks/eksplorasi.ipynb) for a unit of 50 IKU.

A synthetic unit (lakip.contoh: mixed angka naik and turun, level, kategori and range IKU, some N/A,
a budget per IKU) is grown to ``--iku`` IKU by repeating its IKU under new codes. One change is a
control's value set as a user types it (the realisasi box of an IKU), timed until every table, mean
and kebutuhan is redrawn (the widgets' values set; the browser's drawing is not counted), then the
chart, which a kernel draws just after the tables. Target: well under a second, here a median under
0,5 s for the tables and means; the chart is printed beside it, with and without it under 1 s.

Run: ``make bench`` or ``python bench/bench_eksplorasi.py [--iku N] [--ulang R]``.
"""

from __future__ import annotations

import argparse
import csv
import io
import statistics
import sys
import tempfile
import time
from pathlib import Path

from lakip.core.numbers import format_angka_terbaca
from lakip.data.contoh import buat_kabupaten
from lakip.data.load import muat
from lakip.report.eksplorasi import Eksplorasi

TARGET = 0.5


def _baris(path: Path) -> tuple[list[str], list[dict]]:
    with path.open(encoding="utf-8", newline="") as f:
        r = csv.DictReader(f)
        return list(r.fieldnames or []), list(r)


def _tulis(path: Path, kolom: list[str], rows: list[dict]) -> None:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=kolom, lineterminator="\n")
    w.writeheader()
    w.writerows(rows)
    path.write_text(buf.getvalue(), encoding="utf-8")


def unit_besar(root: Path, n_iku: int) -> Path:
    """A synthetic unit with ``n_iku`` IKU: the IKU of ``opd-001`` of ``lakip contoh`` repeated as IKU-1..IKU-n."""
    [folder] = buat_kabupaten(root, unit=1, tahun=2, seed=18)
    tabel = {name: _baris(folder / name) for name in ("indikator.csv", "kinerja.csv", "anggaran_iku.csv")}
    asal = [r["kode"] for r in tabel["indikator.csv"][1]]
    for name, (kolom, rows) in tabel.items():
        per_kode = {k: [r for r in rows if r["kode"] == k] for k in asal}
        baru = []
        for i in range(n_iku):
            for r in per_kode[asal[i % len(asal)]]:
                baru.append({**r, "kode": f"IKU-{i + 1}"})
        _tulis(folder / name, kolom, baru)
    (folder / "laporan.csv").write_text("tahun,tabel,kunci,nilai,catatan\n", encoding="utf-8")
    return folder


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--iku", type=int, default=50)
    p.add_argument("--ulang", type=int, default=15, help="changes timed")
    args = p.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        folder = unit_besar(Path(tmp), args.iku)
        unit = muat(Path(tmp), folder.name)
        mulai = time.perf_counter()
        eks = Eksplorasi(unit)
        buka = time.perf_counter() - mulai
        angka = [k for k in eks.kontrol.values() if k.realisasi.jenis == "angka"]
        eks._grafik = False  # the chart timed on its own below (in a kernel it is drawn just after the tables)
        tabel, grafik = [], []
        for i in range(args.ulang):
            isian = angka[i % len(angka)].realisasi
            nilai = format_angka_terbaca((isian.value or 0.0) + 1.25)  # typed the Indonesian way
            mulai = time.perf_counter()
            isian.kotak.value = nilai  # as typed: the box's change redraws every table and mean
            tabel.append(time.perf_counter() - mulai)
            assert eks.galat is None and eks.perubahan(), "the change was not applied"
            eks._grafik = True
            mulai = time.perf_counter()
            eks._gambar_grafik()
            grafik.append(time.perf_counter() - mulai)
            eks._grafik = False
    med_t, med_g = statistics.median(tabel), statistics.median(grafik)
    total = [a + b for a, b in zip(tabel, grafik)]
    print(f"Eksplorasi, unit of {len(eks.kontrol)} IKU ({len(angka)} numeric), {args.ulang} changes")
    print(f"  opening (controls, first study and chart): {buka:.3f} s")
    print(f"  one change until every table, mean and kebutuhan is redrawn: median {med_t:.3f} s "
          f"(min {min(tabel):.3f}, max {max(tabel):.3f})")
    print(f"  then the chart (SVG, drawn just after in a kernel): median {med_g:.3f} s; "
          f"change and chart together: median {statistics.median(total):.3f} s")
    ok = med_t < TARGET
    print(f"  target: tables and means under {TARGET} s -> {'PASS' if ok else 'FAIL'}; "
          f"chart included under 1 s -> {'PASS' if statistics.median(total) < 1 else 'FAIL'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
