"""Worker processes: how they start, and the signals held back while this process forks them."""

from __future__ import annotations

import contextlib
import signal
from collections.abc import Iterator
from typing import Any

__all__ = ["sinyal_ditahan", "lepas_sinyal", "konteks_proses"]

_SINYAL = {signal.SIGINT, signal.SIGTERM}


@contextlib.contextmanager
def sinyal_ditahan() -> Iterator[None]:
    """Hold SIGINT and SIGTERM back while this process forks worker processes.

    A signal that arrives in the middle of a fork is raised (as
    KeyboardInterrupt, by the command line's handler) inside the fork's own
    hooks, where Python only prints it and the run goes on: a SIGTERM was lost
    and the run completed with exit 0. Held back, it is raised just after the
    forks, where the run stops cleanly. Forked workers release it first thing
    (:func:`lepas_sinyal`, their initializer). The signals are held for this
    thread, which is enough where no other thread takes them: in the command
    line's process, which forks while it runs no other thread (the pool's
    own thread, started in here, inherits the hold).
    """
    if not hasattr(signal, "pthread_sigmask"):  # not POSIX: nothing is forked
        yield
        return
    lama = signal.pthread_sigmask(signal.SIG_BLOCK, _SINYAL)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, lama)


def lepas_sinyal() -> None:
    """Worker initializer: the signals held back while it was forked reach it again."""
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, _SINYAL)


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
