"""Writing the outputs of one unit and year: ``<out>/<entity>/<year>/``
(``tabel/``, ``notebook/``, ``grafik/``).

A run builds everything in a temporary folder beside the target and swaps
it in only when complete, so a failed run leaves any earlier output folder
untouched and never leaves a half-written one. Same inputs give
byte-identical files.
"""

from __future__ import annotations

import contextlib
import importlib
import json
import os
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from lakip import analysis, audit
from lakip.load import DataError, Unit, muat
from lakip.notebooks import jalankan_notebook, lepas_sinyal, sinyal_ditahan
from lakip.paths import DATA_DIR, OUTPUTS_DIR, output_dir, pesan_os, resolve

__all__ = ["rupiah_bulat", "tulis_csv", "tulis_json", "tulis_tabel", "tulis_reviu", "tulis_laporan", "folder_sementara", "jalankan", "jalankan_reviu",
           "HasilSemua", "jalankan_semua", "KlasterError", "klaster_lokal", "konteks_proses"]


def tulis_csv(df: pd.DataFrame, path: Path) -> None:
    """Machine-readable CSV: UTF-8, dot decimal, exact values, empty cell for not available."""
    df.to_csv(path, index=False, lineterminator="\n", encoding="utf-8")


def tulis_json(data: Any, path: Path) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


_RUPIAH = ("pagu", "realisasi", "realisasi_anggaran", "nilai_induk", "jumlah_anak", "selisih", "selisih_pagu")


def rupiah_bulat(df: pd.DataFrame, kolom: Sequence[str] = _RUPIAH) -> pd.DataFrame:
    """Money columns as whole rupiah (``48281384383``, not ``48281384383.0``) when every value is whole."""
    out = df.copy()
    for col in kolom:
        if col in out and out[col].dtype.kind == "f":
            v = out[col].dropna()
            if len(v) and (v == v.round()).all() and (v.abs() < 2**53).all():
                out[col] = out[col].astype("Int64")
    return out


def tulis_tabel(unit: Unit, tahun: int, folder: Path) -> list[Path]:
    """Write the tables of a year into ``folder`` (``tabel/`` of a run); return the files."""
    folder.mkdir(parents=True, exist_ok=True)
    tables = {
        "capaian_iku.csv": analysis.tabel_capaian_iku(unit, tahun),
        "capaian_sasaran.csv": analysis.tabel_capaian_sasaran(unit, tahun),
        "perbandingan.csv": analysis.tabel_perbandingan(unit, tahun),
        "anggaran.csv": rupiah_bulat(analysis.tabel_anggaran(unit, tahun)),
        "anggaran_cek.csv": rupiah_bulat(analysis.tabel_cek_anggaran(unit, tahun)),
        "anggaran_total.csv": rupiah_bulat(analysis.tabel_total_anggaran(unit, tahun)),
        "efisiensi.csv": rupiah_bulat(analysis.tabel_efisiensi(unit, tahun)),
    }
    written = []
    for name, df in tables.items():
        tulis_csv(df, folder / name)
        written.append(folder / name)
    tulis_json(analysis.ringkasan(unit, tahun), folder / "ringkasan.json")
    written.append(folder / "ringkasan.json")
    written += tulis_reviu(unit, tahun, folder)
    return written


_LAPORAN = ("docx", "xlsx", "html")


def tulis_laporan(unit: Unit, tahun: int, folder: Path, folder_grafik: Path | None = None,
                  berkas: Sequence[str] = _LAPORAN, berjalan: Callable[[], bool] | None = None) -> list[Path]:
    """Write the report-ready files into ``folder/laporan/``: Word, Excel and HTML.

    The charts come from ``folder_grafik`` (a ``grafik/`` folder) or are drawn
    once for both reports. While ``berjalan()`` is true (notebooks still
    saving charts there), a chart not there yet is waited for. ``berkas``
    chooses which of ``docx``, ``xlsx``, ``html`` to write (a run writes the
    workbook while its notebooks draw the charts, and the other two after).
    """
    from lakip.charts import SumberGrafik
    from lakip.excel import tulis_xlsx
    from lakip.htmlreport import siapkan_html
    from lakip.word import siapkan_docx

    out = folder / "laporan"
    with SumberGrafik(folder_grafik, berjalan) as grafik:
        # both reports built first, then their charts taken together (waited for)
        docx = siapkan_docx(unit, tahun, grafik) if "docx" in berkas else None
        page = siapkan_html(unit, tahun, grafik) if "html" in berkas else None
        xlsx = tulis_xlsx(unit, tahun, out / "laporan.xlsx") if "xlsx" in berkas else None
        grafik.selesaikan()
        written = [docx(out / "laporan.docx") if docx else None, xlsx, page(out / "laporan.html") if page else None]
    return [p for p in written if p is not None]


def tulis_reviu(unit: Unit, tahun: int, folder: Path) -> list[Path]:
    """Write ``reviu.csv`` and ``reviu_ringkasan.json`` into ``folder``, each replaced whole."""
    folder.mkdir(parents=True, exist_ok=True)
    temuan = audit.reviu(unit, tahun)
    files = []
    for name, write, data in (("reviu.csv", tulis_csv, temuan), ("reviu_ringkasan.json", tulis_json, audit.ringkasan_reviu(temuan))):
        tmp = folder / f".{name}.baru"
        write(data, tmp)
        os.replace(tmp, folder / name)
        files.append(folder / name)
    return files


@contextlib.contextmanager
def _kunci(target: Path) -> Iterator[None]:
    """Hold the lock of ``target`` (the file ``.<name>.kunci`` beside it) while the block runs;
    wait, saying so, while another process holds it.

    The file is removed when released. A process that opened it just before
    that finds, once it holds the lock, that the path no longer names its file,
    and opens the new one (the usual lock-file protocol). Where ``fcntl`` does
    not exist (Windows), nothing is locked.
    """
    try:
        import fcntl
    except ImportError:
        yield
        return
    path = target.with_name(f".{target.name}.kunci")
    tunggu = False
    while True:
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o666)
        except FileNotFoundError:  # a run that failed removed the folder it had made: make it again
            path.parent.mkdir(parents=True, exist_ok=True)
            continue
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if not tunggu:
                print(f"Menunggu proses lakip lain yang sedang menulis {target} ...", file=sys.stderr)
                tunggu = True
            try:
                fcntl.flock(fd, fcntl.LOCK_EX)
            except BaseException:
                os.close(fd)
                raise
        try:
            sama = os.stat(path).st_ino == os.fstat(fd).st_ino
        except FileNotFoundError:
            sama = False
        if sama:
            break
        os.close(fd)
    try:
        yield
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(path)
        os.close(fd)


class folder_sementara:
    """Context manager: a temporary folder that replaces ``target`` on success.

    On an exception the temporary folder is removed and ``target`` is left
    exactly as it was. Two processes writing the same ``target`` take turns
    (a lock file beside it, removed after): the second waits for the first,
    and each swaps in a whole folder.
    """

    def __init__(self, target: Path):
        self.target = target
        self._kunci: contextlib.ExitStack | None = None

    def __enter__(self) -> Path:
        # the folders above the target this run makes, removed again if it fails
        self._dibuat = [p for p in (self.target.parent, *self.target.parent.parents) if not p.exists()]
        self.target.parent.mkdir(parents=True, exist_ok=True)
        self._kunci = contextlib.ExitStack()
        self._kunci.enter_context(_kunci(self.target))
        try:
            return self._buat()
        except BaseException:
            self._kunci.close()
            self._hapus_dibuat()
            raise

    def _hapus_dibuat(self) -> None:
        for folder in self._dibuat:  # deepest first; one another process has written into stays
            try:
                folder.rmdir()
            except OSError:
                break

    def _buat(self) -> Path:
        # leftovers of a run that was killed outright (no other run is writing this target now)
        for old in self.target.parent.iterdir():
            if old.is_dir() and old.name.startswith((f".{self.target.name}.baru-", f".{self.target.name}.lama-")):
                shutil.rmtree(old, ignore_errors=True)
        self.tmp = Path(tempfile.mkdtemp(prefix=f".{self.target.name}.baru-", dir=self.target.parent))
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(self.tmp, 0o777 & ~umask)  # mkdtemp makes it private; the output is for sharing
        return self.tmp

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is not None:
            with self._kunci or contextlib.ExitStack():
                shutil.rmtree(self.tmp, ignore_errors=True)
            self._hapus_dibuat()
            return
        with self._kunci or contextlib.ExitStack():
            old = None
            if self.target.exists():
                old = self.target.with_name(f".{self.target.name}.lama-{self.tmp.name.rsplit('-', 1)[-1]}")
                self.target.rename(old)
            self.tmp.rename(self.target)
            if old is not None:
                shutil.rmtree(old, ignore_errors=True)


def jalankan(
    data: str | Path | None = None,
    entitas: str | None = None,
    tahun: int | None = None,
    out: str | Path | None = None,
    langkah: list[Callable[[Unit, int, Path], Any]] | None = None,
    notebook: bool = True,
    progres: bool = False,
    notebooks: list[Path] | None = None,
    peringatan: Callable[[Unit], Any] | None = None,
    pekerja: int | None = None,
    laporan: bool = True,
) -> Path:
    """Run the analysis of one unit and year and write its output folder.

    Args:
        data: data folder (default: the project's ``data/``).
        entitas: unit slug (default: the only unit; with several, one must be named).
        tahun: year (default: the latest year with realisasi).
        out: output folder (default: the project's ``outputs/``).
        langkah: extra steps, each called with (unit, year, run folder)
            after the tables are written.
        notebook: execute the notebooks into ``notebook/`` (with their HTML)
            and ``grafik/``; False writes the tables only.
        progres: show a progress bar for the notebooks.
        notebooks: which notebooks to run (default: all of ``notebooks/``).
        peringatan: called with the loaded unit, e.g. to show its warnings.
        pekerja: worker processes for the notebooks (default: up to 2, the
            tables and reports made meanwhile). With 1, as each unit of a
            batch runs, the notebooks run one after another and the tables
            and reports after them, so a unit keeps about one core busy.

    Returns:
        The run folder ``<out>/<entity>/<year>``.

    Raises:
        DataError: when the data cannot be used (nothing is written).
        NotebookError: when a notebook fails (nothing is written).
    """
    data_dir = resolve(data, DATA_DIR)
    unit = muat(data_dir, entitas)
    if peringatan is not None:
        peringatan(unit)
    tahun = analysis.cek_tahun(unit, tahun)
    target = output_dir(out, unit.slug, tahun)
    with folder_sementara(target) as tmp:
        def tables() -> None:
            tulis_tabel(unit, tahun, tmp / "tabel")

        def while_notebooks(berjalan: Callable[[], bool]) -> None:
            # tables, workbook and the charts of each sasaran first; then Word and
            # HTML, whose tables and text are made while the notebooks still draw
            # the charts they take from grafik/ (waited for; any chart still
            # missing when all have finished is drawn)
            with sinyal_ditahan():  # an interruption waits for C extensions (matplotlib, lxml) to be imported whole
                for modul in ("lakip.charts", "lakip.excel", "lakip.htmlreport", "lakip.word"):
                    importlib.import_module(modul)
            from lakip.charts import simpan_grafik_sasaran

            tables()
            if laporan:
                tulis_laporan(unit, tahun, tmp, berkas=("xlsx",))
                simpan_grafik_sasaran(unit, tahun, tmp)
                tulis_laporan(unit, tahun, tmp, tmp / "grafik", berkas=("docx", "html"), berjalan=berjalan)

        if notebook and pekerja == 1:
            # one process (a unit of a batch): the notebooks, then the rest, one core busy at a time
            jalankan_notebook(unit.slug, tahun, data_dir, tmp, target, notebooks=notebooks, progres=progres, pekerja=1)
            while_notebooks(lambda: False)
        elif notebook:
            jalankan_notebook(unit.slug, tahun, data_dir, tmp, target, notebooks=notebooks, progres=progres,
                              sambil=while_notebooks, pekerja=pekerja)
        else:
            tables()
        for step in langkah or []:
            step(unit, tahun, tmp)
    return target


def jalankan_reviu(
    data: str | Path | None = None,
    entitas: str | None = None,
    tahun: int | None = None,
    out: str | Path | None = None,
) -> tuple[Path, dict]:
    """Audit the published figures of one unit and year into ``<out>/<entity>/<year>/tabel/``.

    Returns the folder and the summary. Raises DataError for unusable input.
    """
    unit = muat(resolve(data, DATA_DIR), entitas)
    tahun = analysis.cek_tahun(unit, tahun)
    folder = output_dir(out, unit.slug, tahun) / "tabel"
    tulis_reviu(unit, tahun, folder)
    return folder, json.loads((folder / "reviu_ringkasan.json").read_text(encoding="utf-8"))


# --------------------------------------------------------------------------- every unit at once


@dataclass
class HasilSemua:
    """The outcome of :func:`jalankan_semua`."""

    selesai: dict[str, Path] = field(default_factory=dict)  # slug -> run folder
    gagal: dict[str, str] = field(default_factory=dict)  # slug -> the problem, in Indonesian
    galat_data: set[str] = field(default_factory=set)  # the failures that are problems of the input
    kabupaten: Path | None = None  # the rollup folder


def _jalankan_unit(data_dir: str, slug: str, tahun: int | None, out: str | None, notebook: bool) -> tuple[str, str | None, str | None, bool]:
    """Worker: run one unit with one notebook process; return (slug, folder, problem, is a data problem)."""
    from lakip.notebooks import NotebookError

    try:
        folder = jalankan(data_dir, slug, tahun, out, notebook=notebook, progres=False, pekerja=1)
    except DataError as e:  # PilihanError too
        return slug, None, str(e), True
    except NotebookError as e:
        return slug, None, f"{e}", False
    except OSError as e:  # e.g. the output folder cannot be written
        return slug, None, pesan_os(e), False
    except Exception as e:  # noqa: BLE001 - one unit must not stop the others
        return slug, None, f"{type(e).__name__}: {e}", False
    return slug, str(folder), None, False


class KlasterError(RuntimeError):
    """The Dask cluster of ``jalankan_semua(scheduler=...)`` cannot be used (nothing is written)."""


_PASANG_DASK = "pip install 'lakip[dask]'"
_BATAS_SAMBUNG = 10  # seconds to reach a scheduler, and for it to have a worker


def _impor_distributed() -> Any:
    from lakip.load import PilihanError

    try:
        import distributed
    except ImportError:
        raise PilihanError(f"--scheduler memerlukan dask.distributed, yang belum terpasang; pasang dengan: {_PASANG_DASK}") from None
    return distributed


@contextlib.contextmanager
def klaster_lokal(pekerja: int | None = None) -> Iterator[str]:
    """A dask.distributed ``LocalCluster`` on this machine for :func:`jalankan_semua`; yields its address.

    ``pekerja`` worker processes (default: one per core) of one thread each,
    started non-daemonic: each unit's notebooks run in a child process of its
    worker, which a daemonic process may not start. Dask's setting
    ``distributed.worker.daemon`` is False while the cluster lives (a worker
    its nanny restarts reads it again), so for any other cluster this
    process starts meanwhile too. No memory limit (as the process pool has
    none); the scheduler listens on 127.0.0.1 only, its web server on a free
    port. The cluster is closed on exit.
    """
    import logging

    import dask

    distributed = _impor_distributed()
    with dask.config.set({"distributed.worker.daemon": False}), distributed.LocalCluster(
        n_workers=max(1, pekerja or os.cpu_count() or 1), threads_per_worker=1, processes=True,
        host="127.0.0.1", dashboard_address="127.0.0.1:0", memory_limit=0, silence_logs=logging.ERROR,
    ) as cluster:
        yield cluster.scheduler_address


def _proses_daemon() -> bool:
    """On a worker: whether its process is daemonic (then it cannot start the notebook process)."""
    import multiprocessing

    return bool(multiprocessing.current_process().daemon)


def _coba_sambung(distributed: Any, alamat: str) -> None:
    """Connect to ``alamat`` once, with Dask's handshake, and hang up; raise what fails.

    Done before a ``Client``, which on an address that does not answer as a
    Dask scheduler fails half-made and then waits 20 s when collected. In a
    thread of its own: the caller may be running an event loop (Jupyter).
    """
    import asyncio
    from concurrent.futures import ThreadPoolExecutor

    async def coba() -> None:
        args = distributed.security.Security().get_connection_args("client")
        comm = await distributed.comm.connect(alamat, timeout=_BATAS_SAMBUNG, **args)
        await comm.close()

    with ThreadPoolExecutor(1) as t:
        t.submit(asyncio.run, coba()).result()


def _cek_klaster(client: Any, alamat: str, notebook: bool) -> None:
    """Refuse a cluster whose workers cannot run units as the process pool does."""
    try:
        client.wait_for_workers(1, timeout=_BATAS_SAMBUNG)
    except TimeoutError:
        raise KlasterError(f"penjadwal Dask {alamat} tidak punya pekerja (ditunggu {_BATAS_SAMBUNG} detik)") from None
    banyak = sorted(w for w, n in client.nthreads().items() if n != 1)
    if banyak:
        raise KlasterError(f"pekerja Dask {', '.join(banyak)} memakai lebih dari satu thread; lakip menjalankan satu unit per "
                           "proses pekerja: jalankan pekerja dengan 'dask worker ... --nthreads 1'")
    if notebook:
        daemon = sorted(w for w, d in client.run(_proses_daemon).items() if d)
        if daemon:
            raise KlasterError(f"pekerja Dask {', '.join(daemon)} berjalan sebagai proses daemon dan tidak dapat menjalankan "
                               "notebook; jalankan pekerja dengan DASK_DISTRIBUTED__WORKER__DAEMON=False "
                               "(atau pakai --tabel-saja)")


def _catat(hasil: HasilSemua, slug: str, fut: Any) -> None:
    """Record the outcome of one unit's future (of either pool) in ``hasil``."""
    try:
        _, folder, masalah, data_salah = fut.result()
    except Exception as e:  # noqa: BLE001 - a worker process died
        folder, masalah, data_salah = None, f"{type(e).__name__}: {e}", False
    if masalah is None:
        hasil.selesai[slug] = Path(folder)
    else:
        hasil.gagal[slug] = masalah
        if data_salah:
            hasil.galat_data.add(slug)


def _semua_dask(hasil: HasilSemua, scheduler: str, data_dir: str, slugs: list[str], tahun: int | None, out_dir: str,
                notebook: bool, progres: bool, workers: int) -> None:
    """The units of :func:`jalankan_semua` as tasks on a dask.distributed cluster, recorded in ``hasil``.

    ``out_dir`` is absolute (the default ``outputs/`` of this machine), so
    every worker writes where the rollup reads.
    """
    from tqdm.auto import tqdm

    distributed = _impor_distributed()
    with contextlib.ExitStack() as stack:
        if scheduler == "local":
            alamat = stack.enter_context(klaster_lokal(workers))
        else:
            alamat = scheduler
            # a malformed address before Client: a Client that failed on one waits 20 s when collected
            skema, _ = distributed.comm.parse_address(alamat)
            if skema in ("tcp", "tls", "ws", "wss"):
                try:
                    distributed.comm.get_address_host_port(alamat)
                except ValueError as e:
                    raise KlasterError(f"alamat penjadwal Dask {alamat!r} tidak sah (mis. tcp://10.0.0.5:8786, atau local): {e}") from None
        try:
            _coba_sambung(distributed, alamat)
            client = stack.enter_context(distributed.Client(alamat, timeout=_BATAS_SAMBUNG, set_as_default=False))
        except (OSError, TimeoutError) as e:
            raise KlasterError(f"tidak dapat tersambung ke penjadwal Dask {alamat} dalam {_BATAS_SAMBUNG} detik: {e}") from None
        except Exception as e:  # noqa: BLE001 - something else answers at that address
            raise KlasterError(f"{alamat} tidak menjawab sebagai penjadwal Dask ({type(e).__name__}); "
                               "alamat penjadwal mis. tcp://10.0.0.5:8786") from None
        _cek_klaster(client, alamat, notebook)
        futures = {client.submit(_jalankan_unit, data_dir, slug, tahun, out_dir, notebook, pure=False): slug for slug in slugs}
        with tqdm(total=len(slugs), desc="Unit", unit="unit", disable=not progres) as bar:
            for fut in distributed.as_completed(futures, loop=client.loop):
                _catat(hasil, futures[fut], fut)
                bar.update(1)


def _temuan_batch(kab: Any, tahun: int, selesai: dict[str, Path]) -> dict[str, int | None]:
    """The reviu findings of each unit in ``tahun``: from the ``reviu_ringkasan.json`` its run
    of that year just wrote, else (another year, or the run failed) by auditing it now."""
    from lakip.audit import TIDAK_SESUAI
    from lakip.kabupaten import hitung_temuan, unit_dengan_tahun

    temuan, lagi = {}, []
    for slug in unit_dengan_tahun(kab, tahun):
        folder = selesai.get(slug)
        path = None if folder is None or folder.name != str(tahun) else folder / "tabel" / "reviu_ringkasan.json"
        if path is not None and path.is_file():
            ring = json.loads(path.read_text(encoding="utf-8"))
            temuan[slug] = int(ring["per_status"][TIDAK_SESUAI]) if ring["jumlah_angka"] else None
        else:
            lagi.append(slug)
    return {**temuan, **hitung_temuan(kab, tahun, lagi)}


def konteks_proses() -> Any:
    """How worker processes start (the units of a batch, the reviu of many units): forked
    from this process when it runs no other thread (they start at once, with lakip and
    the data already in memory), else spawned (a fork copies locks other threads may
    hold, as in a Jupyter kernel)."""
    import multiprocessing
    import threading

    if threading.active_count() == 1 and "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def jalankan_semua(
    data: str | Path | None = None,
    tahun: int | None = None,
    out: str | Path | None = None,
    notebook: bool = True,
    progres: bool = False,
    pekerja: int | None = None,
    rekap: bool = True,
    scheduler: str | None = None,
) -> HasilSemua:
    """Run every unit of a data folder, units in parallel processes, then write the kabupaten rollup.

    Each unit runs as :func:`jalankan` does (its notebooks with one worker
    process); a unit that fails is recorded in ``gagal`` and the others go
    on. ``tahun`` None runs each unit's latest year; the rollup is of
    ``tahun`` or, by default, the latest year of any unit.

    ``scheduler`` None runs the units in a process pool of ``pekerja``
    processes (default: one per core). Otherwise each unit is one task on a
    dask.distributed cluster (``pip install 'lakip[dask]'``): ``"local"``
    starts a :func:`klaster_lokal` of ``pekerja`` workers for this call, any
    other value is the address of a running scheduler (``tcp://host:8786``),
    whose workers must see the data and output folders at the same paths,
    have one thread each and, for the notebooks, not be daemonic
    (``DASK_DISTRIBUTED__WORKER__DAEMON=False``). The rollup is written here.

    Raises:
        PilihanError: when the data folder holds no unit, or ``scheduler``
            is given and dask.distributed is not installed.
        KlasterError: when the scheduler cannot be reached or its workers
            cannot run the units (nothing is written).
    """
    from concurrent.futures import ProcessPoolExecutor, as_completed

    from tqdm.auto import tqdm

    from lakip.load import PilihanError, daftar_entitas

    data_dir = resolve(data, DATA_DIR)
    slugs = daftar_entitas(data_dir)
    if not slugs:
        raise PilihanError(f"tidak ada unit (folder berisi entitas.yml) di {data_dir}")
    out_dir = None if out is None else str(resolve(out, DATA_DIR))
    hasil = HasilSemua()
    workers = max(1, min(pekerja or os.cpu_count() or 1, len(slugs)))
    if scheduler is not None:
        _semua_dask(hasil, scheduler, str(data_dir), slugs, tahun, str(resolve(out, OUTPUTS_DIR)), notebook, progres, workers)
    else:
        with ProcessPoolExecutor(max_workers=workers, mp_context=konteks_proses(), initializer=lepas_sinyal) as pool:
            with sinyal_ditahan():
                futures = {pool.submit(_jalankan_unit, str(data_dir), slug, tahun, out_dir, notebook): slug for slug in slugs}
            with tqdm(total=len(slugs), desc="Unit", unit="unit", disable=not progres) as bar:
                for fut in as_completed(futures):
                    _catat(hasil, futures[fut], fut)
                    bar.update(1)
    hasil.selesai = dict(sorted(hasil.selesai.items()))
    hasil.gagal = dict(sorted(hasil.gagal.items()))
    if rekap:
        from lakip.bulk import muat_kabupaten
        from lakip.kabupaten import tahun_kabupaten, tulis_kabupaten, unit_dengan_tahun

        kab = muat_kabupaten(data_dir)
        th = tahun_kabupaten(kab, tahun) if len(kab) else None
        if th is not None and unit_dengan_tahun(kab, th):  # no rollup of a year no unit has
            hasil.kabupaten = tulis_kabupaten(kab, th, out, kab.gagal, grafik=notebook, temuan=_temuan_batch(kab, th, hasil.selesai))
    return hasil
