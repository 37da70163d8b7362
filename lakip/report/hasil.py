"""The results of one unit and year, built once and handed to every writer.

A run makes one :class:`Hasil` and passes it to the tables, the charts, the
text, Word, Excel and HTML: its :class:`~lakip.core.tables.Analisis` holds
every table (scores, means, budget, efficiency), computed once when first
asked for, and its :attr:`Hasil.reviu` the audit of the printed figures,
computed once when first asked for. A writer formats what it receives; it
never scores nor audits itself.
"""

from __future__ import annotations

from functools import cached_property

from lakip.core.model import Unit
from lakip.core.tables import Analisis, analisis
from lakip.reviu import Reviu, periksa

__all__ = ["Hasil"]


class Hasil:
    """The analysis of a unit-year and the reviu of its printed figures."""

    def __init__(self, a: Analisis):
        self.analisis = a

    @classmethod
    def dari(cls, unit: Unit, tahun: int | None = None) -> "Hasil":
        """The results of ``unit`` in ``tahun`` (default: its latest year with realisasi)."""
        return cls(analisis(unit, tahun))

    @property
    def unit(self) -> Unit:
        return self.analisis.unit

    @property
    def tahun(self) -> int:
        return self.analisis.tahun

    @cached_property
    def reviu(self) -> Reviu:
        """The reviu of the year's printed figures (:func:`lakip.reviu.periksa`), computed once."""
        return periksa(self.analisis)
