"""``lakip run --all --scheduler``: the units of a batch as tasks on a dask.distributed cluster.

Each unit is one task that runs exactly what a process of the batch's pool
runs (:func:`lakip.app.batch.jalankan_unit`), so the files, the failure report
and the exit status are the same. ``dask.distributed`` is an optional extra.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator
from typing import Any

from lakip.core.model import PilihanError

__all__ = ["KlasterError", "klaster_lokal", "jalankan_di_klaster"]


class KlasterError(RuntimeError):
    """The Dask cluster of ``jalankan_semua(scheduler=...)`` cannot be used (nothing is written)."""


_PASANG_DASK = "pip install 'lakip[dask]'"
_BATAS_SAMBUNG = 10  # seconds to reach a scheduler, and for it to have a worker


def _impor_distributed() -> Any:
    try:
        import distributed
    except ImportError:
        raise PilihanError(f"--scheduler memerlukan dask.distributed, yang belum terpasang; pasang dengan: {_PASANG_DASK}") from None
    return distributed


@contextlib.contextmanager
def klaster_lokal(pekerja: int | None = None) -> Iterator[str]:
    """A dask.distributed ``LocalCluster`` on this machine for :func:`lakip.app.batch.jalankan_semua`; yields its address.

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


def jalankan_di_klaster(scheduler: str, tugas: Callable[..., Any], args: dict[str, tuple], catat: Callable[[str, Any], None],
                        notebook: bool, progres: bool, workers: int) -> None:
    """Run ``tugas(*args[slug])`` for every unit as a task on a dask.distributed cluster; hand each
    finished future to ``catat(slug, future)``.

    ``scheduler`` is ``local`` (a :func:`klaster_lokal` of ``workers`` workers for
    this call) or the address of a running scheduler. Paths in ``args`` must be
    absolute, so that every worker writes where the caller reads.
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
        futures = {client.submit(tugas, *a, pure=False): slug for slug, a in args.items()}
        with tqdm(total=len(args), desc="Unit", unit="unit", disable=not progres) as bar:
            for fut in distributed.as_completed(futures, loop=client.loop):
                catat(futures[fut], fut)
                bar.update(1)
