"""``lakip run --all --scheduler``: the units of a batch as tasks on a dask.distributed cluster."""

import csv
import json
import multiprocessing
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import distributed
import pytest

from lakip.app import notebooks
from lakip.app.cli import main
from lakip.data.contoh import buat_kabupaten
from lakip.run import KlasterError, jalankan_semua, klaster_lokal

SLUGS = ["opd-001", "opd-002", "opd-003"]


def lakip(*args, batas_sambung=None):
    """``lakip ARGS`` in a new process; ``batas_sambung`` shortens the wait for a scheduler."""
    pre = "" if batas_sambung is None else f"import lakip.run; lakip.run._BATAS_SAMBUNG = {batas_sambung}; "
    code = pre + "import sys; from lakip.app.cli import main; sys.exit(main(sys.argv[1:]))"
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True)


def files(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())


def jumlah_tugas_unit(alamat: str) -> int:
    """How many unit tasks the scheduler has run to the end."""
    with distributed.Client(alamat, set_as_default=False) as client:
        return client.run_on_scheduler(
            lambda dask_scheduler: dask_scheduler.task_prefixes["jalankan_unit"].state_counts["forgotten"]
            if "jalankan_unit" in dask_scheduler.task_prefixes else 0)


def proses_pekerja() -> tuple[bool, str]:
    """On a worker: whether its process is daemonic, and how it would start the notebook process."""
    return multiprocessing.current_process().daemon, notebooks._konteks_notebook().get_start_method()


@pytest.fixture(scope="module")
def klaster():
    """A LocalCluster of 2 workers for the module, made as ``--scheduler local`` makes it."""
    with klaster_lokal(2) as alamat:
        yield alamat


@pytest.fixture(scope="module")
def kab(tmp_path_factory):
    folder = tmp_path_factory.mktemp("kab")
    buat_kabupaten(folder, unit=3, tahun=2, seed=3)
    return folder


def test_tables_on_the_cluster_equal_those_of_the_process_pool(kab, klaster, tmp_path):
    pool = jalankan_semua(kab, out=tmp_path / "pool", notebook=False, pekerja=2)
    sebelum = jumlah_tugas_unit(klaster)
    dask = jalankan_semua(kab, out=tmp_path / "dask", notebook=False, scheduler=klaster)
    assert jumlah_tugas_unit(klaster) == sebelum + 3  # one task per unit, on the cluster
    assert list(dask.selesai) == SLUGS and not dask.gagal and not dask.galat_data
    assert {s: p.relative_to(tmp_path / "dask") for s, p in dask.selesai.items()} == \
        {s: p.relative_to(tmp_path / "pool") for s, p in pool.selesai.items()}
    assert dask.kabupaten == tmp_path / "dask" / "_kabupaten" / "2024"
    names = files(tmp_path / "pool")
    assert names == files(tmp_path / "dask")
    assert "opd-002/2024/tabel/capaian_iku.csv" in names and "_kabupaten/2024/unit.csv" in names
    for name in names:
        assert (tmp_path / "pool" / name).read_bytes() == (tmp_path / "dask" / name).read_bytes(), name


def test_a_unit_runs_its_notebooks_on_a_cluster_worker(klaster, tmp_path):
    # a worker of lakip's LocalCluster may start children, and starts them with a fork server
    with distributed.Client(klaster, set_as_default=False) as client:
        assert client.submit(proses_pekerja, pure=False).result() == (False, "forkserver")
    data, out = tmp_path / "data", tmp_path / "out"
    buat_kabupaten(data, unit=1, tahun=2, seed=3)
    sebelum = jumlah_tugas_unit(klaster)
    hasil = jalankan_semua(data, out=out, scheduler=klaster)
    assert not hasil.gagal, hasil.gagal
    assert jumlah_tugas_unit(klaster) == sebelum + 1
    folder = hasil.selesai["opd-001"]
    assert folder == out / "opd-001" / "2024"
    for nb in notebooks.daftar_notebook():
        assert (folder / "notebook" / nb.name).is_file(), nb.name
        assert (folder / "notebook" / nb.with_suffix(".html").name).is_file(), nb.name
    assert (folder / "grafik" / "capaian_iku.png").is_file() and (folder / "grafik" / "capaian_iku.svg").is_file()
    assert (folder / "laporan" / "laporan.docx").is_file()
    assert (hasil.kabupaten / "grafik" / "distribusi_unit.png").is_file()
    # the notebooks name the final folder, not the worker's temporary one
    assert f'"folder_keluaran": "{folder}"' in (folder / "notebook" / "01_capaian_kinerja.ipynb").read_text(encoding="utf-8")


def test_cli_local_cluster_a_broken_unit_does_not_stop_the_others(kab, tmp_path):
    data, out = tmp_path / "data", tmp_path / "out"
    buat_kabupaten(data, unit=3, tahun=2, seed=3)
    kin = data / "opd-002" / "kinerja.csv"
    with open(kin, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    rows[0]["realisasi"] = "85,8,3"
    with open(kin, "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=["kode", "tahun", "target", "realisasi"], lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    res = lakip("run", "--all", "--tabel-saja", "--scheduler", "local", "--data", str(data), "--out", str(out))
    assert res.returncode == 2, res.stdout + res.stderr  # only data problems
    assert "Selesai: 2 unit, gagal: 1 unit." in res.stdout
    assert "opd-002" in res.stderr and "kinerja.csv baris 2, kolom realisasi" in res.stderr
    assert "Traceback" not in res.stderr
    for slug in ("opd-001", "opd-003"):
        assert (out / slug / "2024" / "tabel" / "ringkasan.json").is_file()
    assert not (out / "opd-002").exists()
    ring = json.loads((out / "_kabupaten" / "2024" / "ringkasan.json").read_text(encoding="utf-8"))
    assert ring["unit_gagal"] == ["opd-002"] and ring["jumlah_unit"] == 2


def test_cli_scheduler_needs_all(kab, capsys):
    assert main(["run", "--scheduler", "local", "--data", str(kab)]) == 2
    assert "--scheduler hanya dapat dipakai bersama --all" in capsys.readouterr().err


def test_cli_scheduler_without_dask_names_the_extra(kab, tmp_path, monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, "distributed", None)  # as if not installed
    assert main(["run", "--all", "--scheduler", "local", "--data", str(kab), "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert "belum terpasang" in err and "pip install 'lakip[dask]'" in err
    assert not (tmp_path / "out").exists()


def test_cli_unreachable_scheduler_fails_cleanly_and_writes_nothing(kab, tmp_path):
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    t0 = time.perf_counter()
    res = lakip("run", "--all", "--scheduler", f"tcp://127.0.0.1:{port}", "--data", str(kab), "--out", str(tmp_path / "out"),
                batas_sambung=1)
    assert time.perf_counter() - t0 < 30
    assert res.returncode == 1, res.stdout + res.stderr
    assert f"tidak dapat tersambung ke penjadwal Dask tcp://127.0.0.1:{port}" in res.stderr
    assert "Traceback" not in res.stderr and res.stdout == ""
    assert not (tmp_path / "out").exists()
    res = lakip("run", "--all", "--scheduler", "bukan alamat", "--data", str(kab), "--out", str(tmp_path / "out"))
    assert res.returncode == 1 and "tidak sah" in res.stderr and "Traceback" not in res.stderr
    assert not (tmp_path / "out").exists()


def test_something_else_at_the_address_is_not_a_scheduler(kab, tmp_path):
    server = socket.create_server(("127.0.0.1", 0))

    def jawab() -> None:  # an HTTP server, say
        while True:
            try:
                conn, _ = server.accept()
            except OSError:
                return
            with conn:
                conn.sendall(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n")

    threading.Thread(target=jawab, daemon=True).start()
    t0 = time.perf_counter()
    try:
        with pytest.raises(KlasterError, match="tidak menjawab sebagai penjadwal Dask"):
            jalankan_semua(kab, out=tmp_path / "out", scheduler=f"tcp://127.0.0.1:{server.getsockname()[1]}")
    finally:
        server.close()
    assert time.perf_counter() - t0 < 5
    assert not (tmp_path / "out").exists()


def test_daemonic_workers_are_refused_before_anything_is_written(kab, tmp_path):
    # dask's default: a worker under a nanny is a daemonic process, which cannot start the notebook process
    # (set here: the module's cluster holds it False while it lives)
    import logging

    import dask

    with dask.config.set({"distributed.worker.daemon": True}), distributed.LocalCluster(
            n_workers=1, threads_per_worker=1, processes=True, dashboard_address="127.0.0.1:0",
            silence_logs=logging.ERROR) as cluster:
        with pytest.raises(KlasterError, match="DASK_DISTRIBUTED__WORKER__DAEMON=False"):
            jalankan_semua(kab, out=tmp_path / "out", scheduler=cluster.scheduler_address)
        assert not (tmp_path / "out").exists()
        # tables only need no child process
        hasil = jalankan_semua(kab, out=tmp_path / "out", scheduler=cluster.scheduler_address, notebook=False, rekap=False)
        assert list(hasil.selesai) == SLUGS


def test_workers_of_more_than_one_thread_are_refused(kab, tmp_path):
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False, dashboard_address="127.0.0.1:0") as cluster:
        with pytest.raises(KlasterError, match="--nthreads 1"):
            jalankan_semua(kab, out=tmp_path / "out", scheduler=cluster.scheduler_address, notebook=False)
    assert not (tmp_path / "out").exists()
