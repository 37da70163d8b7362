"""Time of ``lakip run`` (Batu Bara 2024) against a floor, in one run.

The floor is what a user would do instead: papermill executing the same
number of notebooks, one after another, each notebook only importing pandas,
matplotlib and lakip as the analysis notebooks do. Target: at most 1.3x the
floor. (#3 first set the target against lakip's own runner executing those
notebooks two at a time; measured, the content of a run cannot fit in 1.3x of
that on two cores, and the owner moved the floor to sequential papermill.
Both are printed.) It also times the run without the reports of ``laporan/``
(Word, Excel, HTML), which #6 added to ``lakip run`` after #3 set the target.

It then prints what each part of the content costs on one core, and two
bounds against the parallel runner that no scheduling can beat on this
machine's cores: the run's measured CPU time spread perfectly over the
cores, and only the content's CPU time added to that floor's. Run:
``make bench`` or ``python bench/bench_run.py [REPEATS]``.
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat

from lakip.app.notebooks import daftar_notebook
from lakip.core.paths import DATA_DIR


#: how the floor's notebooks import lakip: as the analysis notebooks do. ``import lakip`` alone imports
#: nothing of the package since its names load when first used (it used to import lakip.load, and with
#: it pandera), so the floor would no longer hold the import of lakip that the issue puts in it.
IMPOR_LAKIP = "from lakip import analysis, audit, charts, display, muat"


def floor_notebooks(folder: Path, n: int) -> list[Path]:
    paths = []
    for i in range(n):
        nb = nbformat.v4.new_notebook()
        nb.metadata = {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}}
        params = nbformat.v4.new_code_cell("entitas = None\ntahun = None\nfolder_data = None\nfolder_keluaran = None")
        params.metadata["tags"] = ["parameters"]
        nb.cells = [params, nbformat.v4.new_code_cell(f"import pandas\nimport matplotlib.pyplot\n{IMPOR_LAKIP}")]
        path = folder / f"{i:02d}_lantai.ipynb"
        nbformat.write(nb, path)
        paths.append(path)
    return paths


def children_cpu() -> float:
    """CPU seconds of this process's finished child processes and all of theirs
    (workers and kernels are waited for by their parents, so they count)."""
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def timed(cmd: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds of a command and its process tree."""
    c0, t0 = children_cpu(), time.perf_counter()
    res = subprocess.run(cmd, capture_output=True, text=True)
    wall, cpu = time.perf_counter() - t0, children_cpu() - c0
    if res.returncode != 0:
        raise SystemExit(res.stderr)
    return wall, cpu


def time_run(out: Path) -> tuple[float, float]:
    return timed([sys.executable, "-m", "lakip", "run", "--year", "2024", "--out", str(out)])


def time_run_tanpa_laporan(out: Path) -> tuple[float, float]:
    """The run as #3 specified it, before #6 added the reports of ``laporan/``:
    tables, notebooks with their charts and HTML copies."""
    code = ("from lakip.app.run import jalankan; "
            f"jalankan(entitas='setda-batubara', tahun=2024, out={str(out)!r}, laporan=False)")
    return timed([sys.executable, "-c", code])


def time_floor(notebooks: list[Path], out: Path) -> tuple[float, float]:
    code = (
        "import sys; from pathlib import Path; from lakip.app.notebooks import jalankan_notebook; "
        f"jalankan_notebook('setda-batubara', 2024, {str(DATA_DIR)!r}, Path({str(out)!r}), "
        f"notebooks=[Path(p) for p in {[str(p) for p in notebooks]!r}], html=False, progres=False)"
    )
    return timed([sys.executable, "-c", code])


def time_papermill(notebooks: list[Path], out: Path) -> float:
    """For reference: papermill's own API executing the floor notebooks one after another, in one process."""
    out.mkdir(parents=True, exist_ok=True)
    code = (
        "import papermill; "
        f"[papermill.execute_notebook(p, {str(out)!r} + '/' + p.split('/')[-1], kernel_name='python3', progress_bar=False) "
        f"for p in {[str(p) for p in notebooks]!r}]"
    )
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)
    return time.perf_counter() - t0


def content_cost(out: Path, executed: list[Path]) -> dict[str, float]:
    """CPU seconds, on one core in this process, of what a run makes besides starting kernels.

    ``executed``: the notebooks of a run, for the cost of their HTML copies.
    Measured warm (imports, font and template caches already loaded), so it
    is less than the content costs in the run's several processes.
    """
    import nbformat

    from lakip import charts, muat
    from lakip.app.grafik import simpan, simpan_grafik_sasaran
    from lakip.app.laporan import tulis_laporan
    from lakip.app.notebooks import _pengekspor_html
    from lakip.app.run import tulis_tabel
    from lakip.report.hasil import Hasil

    h = Hasil.dari(muat(DATA_DIR, "setda-batubara"), 2024)  # computed once, as a run does: by its first writer
    a, tahun = h.analisis, h.tahun
    parts = {}

    def timed(name, fn):
        t0 = time.process_time()
        fn()
        parts[name] = time.process_time() - t0

    sk = a.pilihan.skala
    timed("tables and reviu (tabel/)", lambda: tulis_tabel(h, out / "tabel"))
    six = [charts.grafik_capaian_iku(a.capaian_iku, sk, tahun=tahun),
           charts.grafik_target_realisasi(a.capaian_iku, a.unit.indikator, tahun),
           charts.grafik_tren(a.perbandingan, a.unit.indikator, sk), charts.grafik_alokasi_bagian(a.anggaran, tahun),
           charts.grafik_serapan_program(a.anggaran, tahun), charts.grafik_efisiensi(a.efisiensi, tahun)]
    timed("6 notebook charts, PNG 300 dpi + SVG", lambda: [simpan(f, out, n) for n, f in zip(charts.GRAFIK_LAPORAN, six)])
    timed("6 sasaran charts, PNG 300 dpi + SVG", lambda: simpan_grafik_sasaran(a, out))
    timed("laporan.xlsx", lambda: tulis_laporan(h, out, berkas=("xlsx",)))
    timed("laporan.docx + laporan.html (charts made)", lambda: tulis_laporan(h, out, out / "grafik", berkas=("docx", "html")))
    nbs = [nbformat.read(p, as_version=4) for p in executed]
    timed(f"{len(nbs)} notebook HTML copies", lambda: [_pengekspor_html().from_notebook_node(nb) for nb in nbs])
    return parts


def main(repeats: int = 3) -> int:
    n = len(daftar_notebook())
    cores = os.cpu_count() or 1
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        floor_nbs = floor_notebooks(tmp, n)
        runs, floors, serial, bare = [], [], [], []
        for i in range(repeats):  # interleaved, so machine noise hits all alike
            floors.append(time_floor(floor_nbs, tmp / f"lantai{i}"))
            runs.append(time_run(tmp / f"run{i}"))
            bare.append(time_run_tanpa_laporan(tmp / f"tanpa{i}"))
            serial.append(time_papermill(floor_nbs, tmp / f"papermill{i}"))
        executed = sorted((tmp / "run0" / "setda-batubara" / "2024" / "notebook").glob("*.ipynb"))
        content_cost(tmp / "warm", executed)  # imports, font and template caches out of the way
        parts = content_cost(tmp / "cost", executed)
    run, floor, pm = statistics.median(w for w, _ in runs), statistics.median(w for w, _ in floors), statistics.median(serial)
    run_cpu, floor_cpu = statistics.median(c for _, c in runs), statistics.median(c for _, c in floors)
    content = sum(parts.values())
    print(f"notebooks: {n}, repeats: {repeats} (medians), cores: {cores}")
    print(f"lakip run, Batu Bara 2024 (tables, {n} notebooks, charts, HTML, reports): {run:6.2f} s, CPU {run_cpu:5.2f} s   "
          f"{[round(w, 2) for w, _ in runs]}")
    print(f"floor: papermill, {n} notebooks importing pandas, matplotlib, lakip ({IMPOR_LAKIP}), one after another: "
          f"{pm:6.2f} s   {[round(x, 2) for x in serial]}")
    print(f"ratio: {run / pm:.2f}x   (target <= 1.3x)")
    bare_w, bare_c = statistics.median(w for w, _ in bare), statistics.median(c for _, c in bare)
    print(f"without laporan/ (the run as #3 specified it, before #6 added the Word, Excel and HTML reports): "
          f"{bare_w:6.2f} s, CPU {bare_c:5.2f} s, {bare_w / pm:.2f}x   {[round(w, 2) for w, _ in bare]}")
    print(f"for reference, the floor #3 first set: lakip's runner executing those notebooks two at a time: {floor:6.2f} s, "
          f"CPU {floor_cpu:5.2f} s   {[round(w, 2) for w, _ in floors]}  (lakip run: {run / floor:.2f}x of it, "
          f"without laporan/ {bare_w / floor:.2f}x)")
    print("what the analysis itself costs, CPU seconds on one core, warm (the run spreads it over the cores):")
    for name, sec in parts.items():
        print(f"  {name:45s} {sec:5.2f} s")
    print(f"  {'total':45s} {content:5.2f} s")
    print(f"bounds on {cores} cores against the parallel runner's floor, that no arrangement of the work can beat:")
    print(f"  the run's CPU ({run_cpu:.2f} s) spread perfectly over the cores: "
          f"{run_cpu / cores:.2f} s, {run_cpu / cores / floor:.2f}x the floor")
    bound = (floor_cpu + content) / cores / floor
    print(f"  the floor's CPU plus only the content's ({floor_cpu:.2f} + {content:.2f} s), spread perfectly: "
          f"{(floor_cpu + content) / cores:.2f} s, {bound:.2f}x the floor"
          + ("   (above 1.3x: 1.3x of the parallel floor cannot be met with this content on this machine)" if bound > 1.3 else ""))
    ok = run / pm <= 1.3
    print("target met" if ok else "TARGET NOT MET")
    return 0 if ok else 1


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("repeats", nargs="?", type=int, default=3, help="interleaved repeats of each timing (default 3)")
    sys.exit(main(parser.parse_args().repeats))
