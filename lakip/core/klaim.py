"""A figure printed as a claim about its value rather than the value itself (``rata-rata capaiannya
di atas 90 %``): ``di atas X``, ``lebih dari X``, ``di bawah X``, ``kurang dari X``,
``sekurang-kurangnya X``, ``paling sedikit X``, ``> X``, ``>= X`` (``≥``), ``< X``, ``<= X`` (``≤``),
with or without ``%`` (or the word ``persen``, or ``pp``).

The bound ``X`` is read by :func:`lakip.core.numbers.parse_angka`, the Indonesian way (``90,5``).
A claim holds when the computed value satisfies it, compared exactly: the value is rounded to 9
decimals only to drop binary noise (:func:`~lakip.core.numbers.untuk_banding`), never to the
decimals printed, so ``di atas 90`` does not hold for 90 and ``sekurang-kurangnya 90`` does.
Pure: no file, no table.
"""

from __future__ import annotations

import math
import operator
import re
from collections.abc import Callable
from dataclasses import dataclass

from lakip.core.numbers import AngkaError, parse_angka, untuk_banding

__all__ = ["SYARAT", "Klaim", "baca_klaim"]

#: The comparison of each claim: its symbol -> the test of (value, bound).
SYARAT: dict[str, Callable[[float, float], bool]] = {">": operator.gt, ">=": operator.ge, "<": operator.lt, "<=": operator.le}

#: How a report writes each comparison, tried in this order (the longer form first where one form starts another).
_BENTUK: tuple[tuple[str, str], ...] = (
    (r"di\s+atas", ">"),
    (r"lebih\s+dari", ">"),
    (r"di\s+bawah", "<"),
    (r"kurang\s+dari", "<"),
    (r"sekurang[\s-]*kurangnya", ">="),
    (r"paling\s+sedikit", ">="),
    (r">=|=>|\u2265", ">="),
    (r"<=|=<|\u2264", "<="),
    (r">", ">"),
    (r"<", "<"),
)

_AWAL = re.compile(r"^\s*(?P<kata>" + "|".join(f"(?:{b})" for b, _ in _BENTUK) + r")\s*(?P<angka>.*?)\s*$",
                   re.IGNORECASE)
_SATUAN = re.compile(r"\s*(?:%|persen|pp|poin(?:\s+persentase)?)\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class Klaim:
    """A claim as printed: its text, its comparison (``>``, ``>=``, ``<``, ``<=``), its bound, the words
    or symbol it was written with, the bound as written (``90,5 %``), and whether the bound is a percent."""

    teks: str
    syarat: str
    batas: float
    kata: str
    teks_batas: str
    persen: bool = False

    def berlaku(self, x: float | None) -> bool:
        """Whether the value ``x`` satisfies the claim; a missing value satisfies none."""
        if x is None or not isinstance(x, (int, float)) or math.isnan(float(x)):
            return False
        return bool(SYARAT[self.syarat](untuk_banding(float(x)), self.batas))

    def letak(self, x: float) -> str:
        """Where ``x`` lies against the bound, in words: ``lebih dari``, ``kurang dari`` or ``sama dengan``
        (compared as :meth:`berlaku` compares)."""
        v = untuk_banding(float(x))
        return "lebih dari" if v > self.batas else "kurang dari" if v < self.batas else "sama dengan"


def baca_klaim(teks: object) -> Klaim | None:
    """Read a printed claim (``di atas 90 %``, ``>= 90,5``, ``sekurang-kurangnya 75``); None when the
    text does not start with a comparison, so it is no claim (a number, a word, N/A).

    Raises :class:`~lakip.core.numbers.AngkaError` (naming the whole text) when it starts with one but
    its bound is not a number (``di atas 9o %``, ``lebih dari``).
    """
    if teks is None or (isinstance(teks, float) and math.isnan(teks)):
        return None
    t = str(teks).strip()
    m = _AWAL.match(t)
    if not m:
        return None
    kata = " ".join(m["kata"].split())
    syarat = next(s for b, s in _BENTUK if re.fullmatch(b, m["kata"], re.IGNORECASE))
    angka = teks_batas = m["angka"]
    satuan = _SATUAN.search(angka)
    persen = satuan is not None and satuan.group().strip().casefold() in ("%", "persen")
    if satuan is not None:
        angka = angka[:satuan.start()]
    if not angka.strip():
        raise AngkaError(t, f"bukan angka: sesudah '{kata}' tidak ada angka")
    try:
        batas = parse_angka(angka)
    except AngkaError as e:
        raise AngkaError(t, e.alasan) from None
    if batas is None:
        raise AngkaError(t, f"bukan angka: sesudah '{kata}' tidak ada angka")
    return Klaim(t, syarat, batas, kata, " ".join(teks_batas.split()), persen)
