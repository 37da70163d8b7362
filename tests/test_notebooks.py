"""``lakip run`` with its notebooks and charts, for every year of the data.

(nbval runs the notebooks in notebooks/ themselves, with the default
parameters, and checks the outputs of the marked cells.)
"""

import json
import xml.etree.ElementTree as ET

import nbformat
import pytest

from lakip.app.notebooks import NotebookError, daftar_notebook, jalankan_notebook
from lakip.core.paths import NOTEBOOKS_DIR
from lakip.run import jalankan
from bantu import lakip

NOTEBOOKS = ["00_profil_perencanaan", "01_capaian_kinerja", "02_realisasi_anggaran", "03_efisiensi", "04_reviu"]
GRAFIK = ["sdm", "capaian_iku", "target_realisasi", "tren_capaian", "alokasi_bagian", "serapan_program", "efisiensi"]
TABEL = ["capaian_iku.csv", "capaian_sasaran.csv", "perbandingan.csv", "anggaran.csv", "anggaran_cek.csv",
         "anggaran_total.csv", "efisiensi.csv", "ringkasan.json", "reviu.csv", "reviu_ringkasan.json"]


@pytest.fixture(scope="module")
def out(keluaran_batubara):
    """The three Batu Bara runs of the session (read only: a test that writes uses its own folder)."""
    return keluaran_batubara


def _berkas(folder, ganti=None):
    """Every file under ``folder`` by relative path; in the executed notebooks the output folder
    (a parameter) written as ``ganti``'s."""
    out = {}
    for p in folder.rglob("*"):
        if p.is_file():
            data = p.read_bytes()
            if ganti is not None and p.suffix == ".ipynb":
                data = data.replace(str(ganti[0]).encode(), str(ganti[1]).encode())
            out[p.relative_to(folder)] = data
    return out


def test_notebooks_are_committed_without_unchecked_outputs():
    assert [p.stem for p in daftar_notebook()] == NOTEBOOKS
    for path in daftar_notebook():
        nb = nbformat.read(path, as_version=4)
        nbformat.validate(nb)
        params = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
        assert len(params) == 1, path.name
        for name in ("entitas", "tahun", "folder_data", "folder_keluaran"):
            assert f"{name} = " in params[0].source
        for cell in nb.cells:
            if cell.cell_type == "code" and "# NBVAL_CHECK_OUTPUT" not in cell.source:
                assert cell.outputs == [], (path.name, cell.source[:40])
        assert any(c.cell_type == "code" and c.outputs for c in nb.cells), f"{path.name}: no checked output"


@pytest.mark.parametrize("year", [2022, 2023, 2024])
def test_every_promised_file_exists_and_parses(out, year):
    run = out / "setda-batubara" / str(year)
    assert sorted(p.name for p in run.iterdir()) == ["grafik", "laporan", "notebook", "tabel"]
    assert sorted(p.name for p in (run / "laporan").iterdir()) == ["laporan.docx", "laporan.html", "laporan.xlsx"]
    assert sorted(p.name for p in (run / "tabel").iterdir()) == sorted(TABEL)
    json.loads((run / "tabel" / "ringkasan.json").read_text(encoding="utf-8"))
    for name in NOTEBOOKS:
        nb = nbformat.read(run / "notebook" / f"{name}.ipynb", as_version=4)
        nbformat.validate(nb)
        assert nb.metadata["papermill"]["parameters"]["tahun"] == year
        assert all("ename" not in o for c in nb.cells if c.cell_type == "code" for o in c.outputs)
        html = (run / "notebook" / f"{name}.html").read_text(encoding="utf-8")
        assert "from lakip import" not in html and "charts.simpan" not in html  # no code cells
        assert "<script" not in html  # read offline as it is: nothing fetched from the internet
        assert f"Tahun {year}" in html
    for name in GRAFIK:
        png = (run / "grafik" / f"{name}.png").read_bytes()
        assert png[:8] == b"\x89PNG\r\n\x1a\n"
        width = int.from_bytes(png[16:20], "big")
        assert 1800 <= width <= 1900  # 6,3 in at 300 dpi: the text width of an A4 page
        root = ET.parse(run / "grafik" / f"{name}.svg").getroot()
        assert root.tag.endswith("svg")


def test_the_numbers_in_the_executed_notebook_are_the_years(out):
    nb = nbformat.read(out / "setda-batubara" / "2023" / "notebook" / "01_capaian_kinerja.ipynb", as_version=4)
    text = "".join(o.get("text", "") for c in nb.cells if c.cell_type == "code" for o in c.outputs)
    assert "Sekretariat Daerah Kabupaten Batu Bara - Tahun 2023" in text
    assert "IKU-1  Nilai LPPD" in text and "66,67 %  Sedang" in text
    assert "102,45 %" in text  # IKU-7 2023: 86,06 / 84


def test_a_second_run_gives_byte_identical_files(out, tmp_path):
    import shutil

    shutil.copytree(out / "setda-batubara", tmp_path / "setda-batubara")
    first = tmp_path / "setda-batubara" / "2024"
    before = _berkas(first, (out, tmp_path))
    res = lakip("run", "--year", "2024", "--out", str(tmp_path))  # over the copy of the first run
    assert res.returncode == 0, res.stderr
    after = _berkas(first)
    assert sorted(after) == sorted(before)
    for name, data in before.items():
        assert after[name] == data, name


def test_a_unit_run_serially_as_in_a_batch_gives_the_same_files(out, tmp_path):
    """pekerja=1 (each unit of ``run --all``): notebooks first, then tables and reports; same bytes."""
    first = out / "setda-batubara" / "2024"
    again = jalankan(tahun=2024, out=tmp_path, pekerja=1)
    mine = {p.relative_to(again): p.read_bytes() for p in again.rglob("*") if p.is_file()}
    theirs = {p.relative_to(first): p.read_bytes() for p in first.rglob("*") if p.is_file()}
    assert sorted(mine) == sorted(theirs)
    for name, data in theirs.items():
        if name.suffix == ".ipynb":  # the output folder is a parameter of the notebooks
            data = data.replace(str(out).encode(), str(tmp_path).encode())
        assert mine[name] == data, name


def test_a_run_without_reports_writes_the_rest_with_the_same_bytes(out, tmp_path):
    """``laporan=False`` (the run as #3 specified it, timed by bench/bench_run.py): no ``laporan/``,
    and no chart of a sasaran, which only the reports show; every other file as a full run writes it."""
    first = out / "setda-batubara" / "2024"
    run = jalankan(tahun=2024, out=tmp_path, laporan=False)
    assert sorted(p.name for p in run.iterdir()) == ["grafik", "notebook", "tabel"]
    assert sorted(p.stem for p in (run / "grafik").iterdir()) == sorted(GRAFIK * 2)
    mine = {p.relative_to(run): p.read_bytes() for p in run.rglob("*") if p.is_file()}
    for name, data in mine.items():
        theirs = (first / name).read_bytes()
        if name.suffix == ".ipynb":
            theirs = theirs.replace(str(out).encode(), str(tmp_path).encode())
        assert data == theirs, name


@pytest.fixture
def broken_notebook(tmp_path):
    nb = nbformat.read(NOTEBOOKS_DIR / "03_efisiensi.ipynb", as_version=4)
    nb.cells.insert(4, nbformat.v4.new_code_cell("x = 1\nhasil = unit.kinerja['tidak_ada']"))
    path = tmp_path / "09_rusak.ipynb"
    nbformat.write(nb, path)
    return path


def test_chart_files_do_not_depend_on_the_matplotlib_backend(tmp_path):
    """A planner's matplotlibrc or MPLBACKEND (pdf, svg) gives the same PNG and SVG bytes as Agg."""
    import os
    import subprocess
    import sys

    code = ("import sys; from lakip import analysis, charts, muat; u = muat(entitas='setda-batubara'); "
            "per = analysis.tabel_perbandingan(u, 2024); "
            "charts.simpan(charts.grafik_tren(per, u.indikator, u.pilihan.skala), sys.argv[1], 'tren'); "
            "charts.simpan(charts.grafik_capaian_iku(analysis.tabel_capaian_iku(u, 2024), u.pilihan.skala), sys.argv[1], 'capaian')")
    for backend in ("agg", "pdf", "svg"):
        res = subprocess.run([sys.executable, "-c", code, str(tmp_path / backend)], capture_output=True, text=True,
                             env={**os.environ, "MPLBACKEND": backend})
        assert res.returncode == 0, res.stderr
    for name in ("tren.png", "tren.svg", "capaian.png", "capaian.svg"):
        agg = (tmp_path / "agg" / "grafik" / name).read_bytes()
        assert (tmp_path / "pdf" / "grafik" / name).read_bytes() == agg, name
        assert (tmp_path / "svg" / "grafik" / name).read_bytes() == agg, name


def test_a_unit_without_budget_and_report_runs_whole(tmp_path):
    """anggaran.csv, anggaran_iku.csv and laporan.csv with their header only: every
    notebook runs, and the reports say that the budget is not available yet."""
    import shutil

    import docx

    from lakip.core.paths import DATA_DIR

    folder = tmp_path / "data" / "setda-batubara"
    shutil.copytree(DATA_DIR / "setda-batubara", folder)
    for name in ("anggaran.csv", "anggaran_iku.csv", "laporan.csv"):
        path = folder / name
        path.write_text(path.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
    res = lakip("run", "--data", str(tmp_path / "data"), "--out", str(tmp_path / "out"))
    assert res.returncode == 0, res.stderr
    run = tmp_path / "out" / "setda-batubara" / "2024"
    assert len(list((run / "notebook").glob("*.html"))) == len(NOTEBOOKS)
    assert json.loads((run / "tabel" / "reviu_ringkasan.json").read_text(encoding="utf-8"))["jumlah_angka"] == 0
    teks = [p.text for p in docx.Document(run / "laporan" / "laporan.docx").paragraphs]
    assert any("realisasi anggaran belum dapat disajikan" in t for t in teks)
    assert any("efisiensi belum dapat dinilai" in t for t in teks)
    res = lakip("rekap", "--data", str(tmp_path / "data"), "--out", str(tmp_path / "out"))
    assert res.returncode == 0, res.stderr
    from bantu import read_csv

    [row] = read_csv(tmp_path / "out" / "_kabupaten" / "2024" / "unit.csv")
    assert row["temuan_tidak_sesuai"] == "" and row["pagu"] == ""  # nothing reviewed, no budget: empty, not 0


def _sigblk():
    """This process's blocked-signal mask, from /proc."""
    with open("/proc/self/status") as f:
        return next(int(ln.split()[1], 16) for ln in f if ln.startswith("SigBlk:"))


def test_a_signal_during_the_forks_is_held_then_raised_and_workers_take_signals_again():
    """A SIGTERM in the middle of a fork was raised inside Python's fork hooks, which only print it:
    the run went on. Held while the workers are forked, it is raised just after; the workers unblock it."""
    import signal
    import threading
    from concurrent.futures import ProcessPoolExecutor

    from lakip.app.proses import lepas_sinyal, sinyal_ditahan

    def berhenti(signum, frame):
        raise KeyboardInterrupt

    lama = signal.signal(signal.SIGTERM, berhenti)
    try:
        with pytest.raises(KeyboardInterrupt):
            with ProcessPoolExecutor(max_workers=1, initializer=lepas_sinyal) as pool:
                with sinyal_ditahan():
                    fut = pool.submit(_sigblk)
                    # to this thread: pytest's process has other threads, which would take a signal to the process
                    signal.pthread_kill(threading.main_thread().ident, signal.SIGTERM)
                    mask_pekerja = fut.result()  # still here: held back while the worker was forked
                raise AssertionError("the signal held back was not raised")
        assert mask_pekerja & (1 << (signal.SIGTERM - 1)) == 0  # the worker takes it again
        assert _sigblk() & (1 << (signal.SIGTERM - 1)) == 0
    finally:
        signal.signal(signal.SIGTERM, lama)


def test_a_failing_notebook_is_named_with_its_cell(broken_notebook, tmp_path):
    with pytest.raises(NotebookError) as info:
        jalankan_notebook("setda-batubara", 2024, "", tmp_path / "run", notebooks=[broken_notebook], progres=False)
    assert str(info.value) == "Notebook 09_rusak.ipynb gagal pada sel ke-4 (`x = 1`): KeyError: 'tidak_ada'"


def test_a_failing_notebook_leaves_the_earlier_output_untouched(out, broken_notebook, tmp_path):
    import shutil

    shutil.copytree(out / "setda-batubara", tmp_path / "out" / "setda-batubara")
    run = tmp_path / "out" / "setda-batubara" / "2024"
    before = _berkas(run)
    with pytest.raises(NotebookError):
        jalankan(out=tmp_path / "out", tahun=2024, notebooks=[*daftar_notebook(), broken_notebook])
    assert _berkas(run) == before
    assert sorted(p.name for p in (tmp_path / "out" / "setda-batubara").iterdir()) == ["2022", "2023", "2024"]


def test_printed_text_split_into_several_messages_is_joined():
    from lakip.app.notebooks import gabung_stream

    cell = nbformat.v4.new_code_cell("print('a'); print('b')")
    cell.outputs = [nbformat.v4.new_output("stream", name="stdout", text="a\n"),
                    nbformat.v4.new_output("stream", name="stdout", text="b\n"),
                    nbformat.v4.new_output("stream", name="stderr", text="peringatan\n"),
                    nbformat.v4.new_output("stream", name="stdout", text="c\n")]
    gabung_stream(cell)
    assert [(o.name, o.text) for o in cell.outputs] == [("stdout", "a\nb\n"), ("stderr", "peringatan\n"), ("stdout", "c\n")]


def test_eksplorasi_notebook_is_committed_with_only_checked_outputs():
    """notebooks/eksplorasi.ipynb: not numbered (``lakip run`` does not run it), the parameters of the
    others, the default tables in checked cells, no other output and no saved widget state."""
    path = NOTEBOOKS_DIR / "eksplorasi.ipynb"
    assert path not in daftar_notebook()
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    assert "widgets" not in nb.metadata
    params = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
    assert len(params) == 1
    for line in ('entitas = "setda-batubara"', "tahun = 2024", "folder_data = None", "folder_keluaran = None"):
        assert line in params[0].source
    checked = [c for c in nb.cells if c.cell_type == "code" and c.source.startswith("# NBVAL_CHECK_OUTPUT")]
    assert len(checked) >= 4 and all(c.outputs for c in checked)
    assert "Rata-rata capaian IKU (IKU terukur)  93,97 %  93,97 %" in checked[0].outputs[0]["text"]
    for c in nb.cells:
        if c.cell_type == "code" and c not in checked:
            assert c.outputs == [], c.source[:40]


def test_eksplorasi_notebook_runs_under_papermill_for_another_unit(tmp_path):
    """With no interaction: the widget is displayed and the tables of the data printed, for a unit that
    is not the default one."""
    import shutil

    import papermill

    from lakip.core.paths import DATA_DIR

    shutil.copytree(DATA_DIR / "setda-batubara", tmp_path / "data" / "setda-batubara")
    nb = papermill.execute_notebook(
        str(NOTEBOOKS_DIR / "eksplorasi.ipynb"), str(tmp_path / "eksplorasi.ipynb"), kernel_name="python3",
        progress_bar=False, parameters={"folder_data": str(tmp_path / "data"), "tahun": 2023,
                                        "folder_keluaran": str(tmp_path / "out")})
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])]
    texts = "".join(o.get("text", "") for o in outputs)
    assert "Sekretariat Daerah Kabupaten Batu Bara - Tahun 2023" in texts
    assert "IKU-1  Nilai LPPD" in texts and "66,67 %" in texts  # IKU-1 2023: Sedang for Tinggi
    assert any("application/vnd.jupyter.widget-view+json" in o.get("data", {}) for o in outputs)
    assert not (tmp_path / "out").exists()  # nothing written without a click
