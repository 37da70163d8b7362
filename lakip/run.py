"""Runs, as README documents them: one unit-year (:mod:`lakip.app.run`) and a whole data folder
(:mod:`lakip.app.batch`, on a Dask cluster :mod:`lakip.app.dask`)."""

from lakip.app.batch import HasilSemua, jalankan_semua
from lakip.app.dask import KlasterError, klaster_lokal
from lakip.app.run import jalankan, jalankan_reviu

__all__ = ["HasilSemua", "jalankan_semua", "KlasterError", "klaster_lokal", "jalankan", "jalankan_reviu"]
