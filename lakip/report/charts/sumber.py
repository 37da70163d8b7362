"""Where a report takes the picture of each of its charts from.

A report (Word, HTML) asks for each chart by name with :meth:`SumberGrafik.minta`
while it builds its tables and text, and receives the pictures, in the order
asked, in :meth:`SumberGrafik.selesaikan`. This source draws each chart when it
is handed over, once, as PNG in memory, so two reports that share one source
share each picture. A run's source (:class:`lakip.app.grafik.SumberBerkas`)
takes the charts its notebooks have saved instead, waiting for those still
being drawn.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import matplotlib.pyplot as plt
from matplotlib.figure import Figure

from lakip.report.charts.gaya import png

__all__ = ["GRAFIK_LAPORAN", "Gambar", "SumberGrafik"]

#: The charts the reports take from a run's ``grafik/`` (besides those of each sasaran, and ``ikm_nrr`` and
#: ``akip_komponen`` of a unit with ``survei_ikm.csv`` or ``lke.csv``).
GRAFIK_LAPORAN = ("sdm", "capaian_iku", "target_realisasi", "tren_capaian", "alokasi_bagian", "serapan_program", "efisiensi")


@dataclass(frozen=True)
class Gambar:
    """One chart as a report places it: its name (the file name of ``grafik/``, without ``.png``) and its PNG."""

    nama: str
    png: bytes


class SumberGrafik:
    """The source of a report's charts: each drawn here, once, when it is handed over."""

    def __init__(self) -> None:
        self._antre: list[tuple[str, Callable[[], Figure], Callable[[Gambar], Any]]] = []
        self._digambar: dict[str, bytes] = {}

    def __enter__(self) -> SumberGrafik:
        return self

    def __exit__(self, *exc: object) -> None:
        self.tutup()

    def tutup(self) -> None:
        """Forget the charts drawn here."""
        self._digambar.clear()

    @property
    def digambar(self) -> tuple[str, ...]:
        """The charts drawn here so far (not taken from elsewhere), in the order drawn."""
        return tuple(self._digambar)

    def ambil(self, nama: str) -> bytes | None:
        """The PNG of chart ``nama`` from elsewhere, None when it is to be drawn here (a subclass's hook)."""
        return None

    def gambar(self, nama: str, buat: Callable[[], Figure]) -> bytes:
        """The PNG of chart ``nama``: drawn here before, :meth:`ambil`, or drawn with ``buat()`` now."""
        if nama not in self._digambar:
            ada = self.ambil(nama)
            if ada is not None:
                return ada
            fig = buat()
            try:
                self._digambar[nama] = png(fig)
            finally:
                plt.close(fig)
        return self._digambar[nama]

    def minta(self, nama: str, buat: Callable[[], Figure], pakai: Callable[[Gambar], Any]) -> None:
        """Ask for chart ``nama``: :meth:`selesaikan` calls ``pakai(gambar)`` with it."""
        self._antre.append((nama, buat, pakai))

    def selesaikan(self) -> None:
        """Hand every chart asked for to its ``pakai``, in the order asked."""
        antre, self._antre = self._antre, []
        for nama, buat, pakai in antre:
            pakai(Gambar(nama, self.gambar(nama, buat)))
