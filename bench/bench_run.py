"""Time of ``lakip run`` (Batu Bara 2024) against a floor, in one run.

The floor is papermill executing the same number of notebooks, through the
same runner (worker processes, two at a time), where each notebook only
imports pandas, matplotlib and lakip. The difference is what the analysis
itself costs: loading, tables, charts, HTML copies. Target: at most 1.3x the
floor. Run: ``make bench`` or ``python bench/bench_run.py [REPEATS]``.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat

from lakip.notebooks import daftar_notebook, jalankan_notebook
from lakip.paths import DATA_DIR


def floor_notebooks(folder: Path, n: int) -> list[Path]:
    paths = []
    for i in range(n):
        nb = nbformat.v4.new_notebook()
        nb.metadata = {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}}
        params = nbformat.v4.new_code_cell("entitas = None\ntahun = None\nfolder_data = None\nfolder_keluaran = None")
        params.metadata["tags"] = ["parameters"]
        nb.cells = [params, nbformat.v4.new_code_cell("import pandas\nimport matplotlib.pyplot\nimport lakip")]
        path = folder / f"{i:02d}_lantai.ipynb"
        nbformat.write(nb, path)
        paths.append(path)
    return paths


def time_run(out: Path) -> float:
    t0 = time.perf_counter()
    res = subprocess.run([sys.executable, "-m", "lakip", "run", "--year", "2024", "--out", str(out)],
                         capture_output=True, text=True)
    if res.returncode != 0:
        raise SystemExit(res.stderr)
    return time.perf_counter() - t0


def time_floor(notebooks: list[Path], out: Path) -> float:
    code = (
        "import sys; from pathlib import Path; from lakip.notebooks import jalankan_notebook; "
        f"jalankan_notebook('setda-batubara', 2024, {str(DATA_DIR)!r}, Path({str(out)!r}), "
        f"notebooks=[Path(p) for p in {[str(p) for p in notebooks]!r}], html=False, progres=False)"
    )
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True)
    return time.perf_counter() - t0


def main(repeats: int = 3) -> int:
    n = len(daftar_notebook())
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        floor_nbs = floor_notebooks(tmp, n)
        runs, floors = [], []
        for i in range(repeats):  # interleaved, so machine noise hits both alike
            floors.append(time_floor(floor_nbs, tmp / f"lantai{i}"))
            runs.append(time_run(tmp / f"run{i}"))
    run, floor = statistics.median(runs), statistics.median(floors)
    print(f"notebooks: {n}, repeats: {repeats} (medians)")
    print(f"lakip run, Batu Bara 2024 (tables, {n} notebooks, charts, HTML): {run:6.2f} s   {[round(x, 2) for x in runs]}")
    print(f"floor: papermill, {n} notebooks importing pandas, matplotlib, lakip: {floor:6.2f} s   {[round(x, 2) for x in floors]}")
    print(f"ratio: {run / floor:.2f}x   (target <= 1.3x)")
    ok = run / floor <= 1.3
    print("target met" if ok else "TARGET NOT MET")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 3))
