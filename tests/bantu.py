"""Helpers shared by the tests: the command line in a new process, reading an output CSV, editing a data copy."""

import csv
import subprocess
import sys


def lakip(*args, cwd=None):
    """``python -m lakip ARGS`` in a new process, output captured as text."""
    return subprocess.run([sys.executable, "-m", "lakip", *args], capture_output=True, text=True, cwd=cwd)


def read_csv(path):
    """The rows of a CSV file as dicts of text."""
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def akhiri(unit_dir, kode, tahun):
    """Add the optional tahun_akhir column to a unit's indikator.csv, with ``tahun`` for ``kode``."""
    path = unit_dir / "indikator.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join([lines[0] + ",tahun_akhir"] + [
        ln + (f",{tahun}" if ln.startswith(f"{kode},") else ",") for ln in lines[1:]]) + "\n", encoding="utf-8")


def hapus_baris(path, *awal):
    """Remove the lines of a CSV file that start with any of ``awal``."""
    path.write_text("".join(ln for ln in path.read_text(encoding="utf-8").splitlines(keepends=True)
                            if not ln.startswith(awal)), encoding="utf-8")
