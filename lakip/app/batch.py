"""``lakip run --all``: every unit of a data folder, units in parallel processes, then the rollup.

A unit that fails is recorded with its problem and does not stop the others.
With ``scheduler`` the units run on a dask.distributed cluster instead
(:mod:`lakip.app.dask`).
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lakip.app.files import pesan_os
from lakip.app.notebooks import NotebookError
from lakip.app.proses import konteks_proses, lepas_sinyal, sinyal_ditahan
from lakip.app.rollup import hitung_temuan, tulis_kabupaten
from lakip.app.run import jalankan
from lakip.core.model import DataError, PilihanError
from lakip.core.paths import DATA_DIR, OUTPUTS_DIR, resolve
from lakip.core.rollup import tahun_kabupaten, unit_dengan_tahun
from lakip.data.bulk import muat_kabupaten
from lakip.data.load import daftar_entitas
from lakip.reviu import TIDAK_SESUAI

__all__ = ["HasilSemua", "jalankan_unit", "jalankan_semua"]


@dataclass
class HasilSemua:
    """The outcome of :func:`jalankan_semua`."""

    selesai: dict[str, Path] = field(default_factory=dict)  # slug -> run folder
    gagal: dict[str, str] = field(default_factory=dict)  # slug -> the problem, in Indonesian
    galat_data: set[str] = field(default_factory=set)  # the failures that are problems of the input
    kabupaten: Path | None = None  # the rollup folder


def jalankan_unit(data_dir: str, slug: str, tahun: int | None, out: str | None, notebook: bool) -> tuple[str, str | None, str | None, bool]:
    """Worker: run one unit with one notebook process; return (slug, folder, problem, is a data problem)."""
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


def _temuan_batch(kab: Any, tahun: int, selesai: dict[str, Path]) -> dict[str, int | None]:
    """The reviu findings of each unit in ``tahun``: from the ``reviu_ringkasan.json`` its run
    of that year just wrote, else (another year, or the run failed) by auditing it now."""
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

    data_dir = resolve(data, DATA_DIR)
    slugs = daftar_entitas(data_dir)
    if not slugs:
        raise PilihanError(f"tidak ada unit (folder berisi entitas.yml) di {data_dir}")
    out_dir = None if out is None else str(resolve(out, DATA_DIR))
    hasil = HasilSemua()
    workers = max(1, min(pekerja or os.cpu_count() or 1, len(slugs)))
    if scheduler is not None:
        from lakip.app.dask import jalankan_di_klaster

        out_abs = str(resolve(out, OUTPUTS_DIR))  # every worker writes where the rollup reads
        jalankan_di_klaster(scheduler, jalankan_unit, {slug: (str(data_dir), slug, tahun, out_abs, notebook) for slug in slugs},
                            lambda slug, fut: _catat(hasil, slug, fut), notebook, progres, workers)
    else:
        with ProcessPoolExecutor(max_workers=workers, mp_context=konteks_proses(), initializer=lepas_sinyal) as pool:
            with sinyal_ditahan():
                futures = {pool.submit(jalankan_unit, str(data_dir), slug, tahun, out_dir, notebook): slug for slug in slugs}
            with tqdm(total=len(slugs), desc="Unit", unit="unit", disable=not progres) as bar:
                for fut in as_completed(futures):
                    _catat(hasil, futures[fut], fut)
                    bar.update(1)
    hasil.selesai = dict(sorted(hasil.selesai.items()))
    hasil.gagal = dict(sorted(hasil.gagal.items()))
    if rekap:
        kab = muat_kabupaten(data_dir)
        th = tahun_kabupaten(kab, tahun) if len(kab) else None
        if th is not None and unit_dengan_tahun(kab, th):  # no rollup of a year no unit has
            hasil.kabupaten = tulis_kabupaten(kab, th, out, kab.gagal, grafik=notebook, temuan=_temuan_batch(kab, th, hasil.selesai))
    return hasil
