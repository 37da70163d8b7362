"""Worker processes: how they start, and the signals held back while this process forks them."""

from __future__ import annotations

from typing import Any

# one home: the data layer's folder swap holds the signals too
from lakip.data.kunci import lepas_sinyal, sinyal_ditahan

__all__ = ["sinyal_ditahan", "lepas_sinyal", "konteks_proses"]


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
