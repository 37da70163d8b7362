"""The reviu of the published figures, as the notebooks call it: :mod:`lakip.reviu`."""

from lakip.reviu import (KOLOM_REVIU, SESUAI, TIDAK_DAPAT, TIDAK_SESUAI, Reviu, Tercetak, baca, baca_perubahan, periksa, reviu,
                         ringkasan_reviu)

__all__ = ["KOLOM_REVIU", "SESUAI", "TIDAK_DAPAT", "TIDAK_SESUAI", "Reviu", "Tercetak", "baca", "baca_perubahan", "periksa",
           "reviu", "ringkasan_reviu"]
