"""Printed figures as a report writes them: a number (to the decimals printed), a word, a level,
a range, a kategori with its capaian in brackets, an amount printed short (``Rp 48,3 M``),
a change with its direction as a word, N/A, or a number written wrong.

Reading never guesses: a figure that fits no reading keeps the reason (``galat``).
A printed figure matches a computed one when both round, half away from zero,
to the decimals it was printed with (:func:`cocok`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

import numpy as np

from lakip.core.config import BELUM_TERUKUR
from lakip.core.numbers import AngkaError, ada, bulat, format_angka, is_kosong, parse_angka, parse_rentang

__all__ = ["Tercetak", "KUNCI_RUPIAH", "desimal", "baca", "baca_perubahan", "cocok", "potong", "teks_angka", "teks_persen"]


@dataclass(frozen=True)
class Tercetak:
    """A printed figure: its text, its value (number, word or None) and its decimals."""

    teks: str
    nilai: float | str | None
    desimal: int = 0
    kata: str | None = None  # the word of "Sedang (86,22)"
    galat: str | None = None  # why the number is unreadable

    @property
    def angka(self) -> float | None:
        return self.nilai if isinstance(self.nilai, float) else None

    @property
    def persen(self) -> bool:
        return "%" in self.teks or re.search(r"(?i)\bpersen\b", self.teks) is not None


_KATA_ANGKA = re.compile(r"^\s*([^\d(]+?)\s*\(\s*([^)]+?)\s*\)\s*$")


_LEVEL = re.compile(r"^\s*\d+\s*/\s*\d+\s*$")


_GROUPED_DOT = re.compile(r"^[1-9][0-9]{0,2}(?:\.[0-9]{3})+$")
#: an amount printed short, as ``Rp 48,3 M`` or ``48,28 miliar``: the number and its unit (the one-letter
#: units M and T only after Rp: ``5 m`` may be metres)


_SINGKAT = re.compile(r"^(?P<rp>(?:rp\.?|idr)\s*)?(?P<angka>[0-9][0-9.,]*)\s*"
                      r"(?P<satuan>triliun|miliar|milyar|juta|ribu|jt|rb|t|m)\.?$", re.IGNORECASE)
#: the keys whose figure is an amount of money, which a report may print short


KUNCI_RUPIAH = frozenset({"pagu", "realisasi_anggaran", "pagu_iku", "realisasi_anggaran_iku"})


_SATUAN = {"t": 12, "triliun": 12, "m": 9, "miliar": 9, "milyar": 9, "jt": 6, "juta": 6, "rb": 3, "ribu": 3}


def desimal(teks: str) -> int:
    """How many decimals a number was printed with (``85,83 %`` -> 2, ``64.440.768.486`` -> 0)."""
    s = re.sub(r"(?i)^\s*(rp\.?|idr)\s*", "", teks)
    s = re.sub(r"\s*(,-|\.-|%)\s*$", "", s).strip().lstrip("+-\u2212").strip()
    dot, comma = s.rfind("."), s.rfind(",")
    if dot >= 0 and comma >= 0:
        return len(s) - max(dot, comma) - 1
    if comma >= 0:
        return len(s) - comma - 1 if s.count(",") == 1 else 0
    if dot >= 0:
        return 0 if _GROUPED_DOT.match(s) else len(s) - dot - 1
    return 0


def baca(teks: object, rupiah: bool = False) -> Tercetak:
    """Read a printed figure without guessing: a number, a word, a level, N/A, or malformed.

    With ``rupiah`` (the figure is an amount of money), an amount printed
    short (``Rp 48,3 M``, ``Rp 239,1 jt``, ``48,28 miliar``) is read to the
    precision printed: its ``desimal`` is negative (-8 for ``48,3 M``), and it
    matches every amount that rounds to it.
    """
    t = "" if teks is None else str(teks).strip()
    if is_kosong(t) or t.casefold() == BELUM_TERUKUR:
        return Tercetak(t, None)
    m = _KATA_ANGKA.match(t)
    if m:
        inner = baca(m.group(2))
        if isinstance(inner.nilai, float):
            return Tercetak(t, inner.nilai, inner.desimal, kata=m.group(1).strip())
    if _LEVEL.match(t):
        return Tercetak(t, " ".join(t.split()).replace(" ", ""))
    angka = re.sub(r"\s*pp\s*$", "", t)  # percentage points
    m = _SINGKAT.match(angka) if rupiah else None
    if m and (m["rp"] or len(m["satuan"]) > 1):
        try:
            value = parse_angka(m["angka"])
        except AngkaError:
            value = None
        if value is not None:  # to the precision printed: 48,3 M is 48.300.000.000 give or take 50 juta
            e = _SATUAN[m["satuan"].casefold()]
            return Tercetak(t, float(Decimal(repr(value)).scaleb(e)), desimal(m["angka"]) - e)
    try:
        value = parse_angka(angka)
    except AngkaError as e:
        if re.search(r"\d", t) and not _rentang(t):
            return Tercetak(t, None, galat=e.alasan)
        return Tercetak(t, " ".join(t.split()))  # a word, or a range target (80-90)
    return Tercetak(t, value, desimal(angka))


def _rentang(teks: str) -> bool:
    try:
        return parse_rentang(teks) is not None
    except AngkaError:
        return False


def cocok(p: Tercetak, x: float | None, desimal: int | None = None) -> bool:
    if p.angka is None or not ada(x) or not np.isfinite(x):
        return False
    d = p.desimal if desimal is None else desimal
    return bulat(x, d) == bulat(p.angka, d)


def potong(x: float, d: int) -> Decimal:
    q = Decimal(1).scaleb(-d)
    return Decimal(repr(round(x, 9))).quantize(q, rounding="ROUND_DOWN")


def teks_angka(x: float | None, d: int = 2) -> str:
    return "N/A" if not ada(x) else format_angka(float(x), d)


def teks_persen(x: float | None, d: int = 2) -> str:
    return "N/A" if not ada(x) else f"{format_angka(float(x), d)} %"


_ARAH = re.compile(r"^\s*(?P<kata>kenaikan|peningkatan|meningkat|naik|penurunan|menurun|turun)\s+(?:sebesar\s+)?(?P<angka>.+)$",
                   re.IGNORECASE)


def baca_perubahan(teks: object) -> Tercetak:
    """A printed change of capaian, with its direction as printed: ``-62,46 pp``, or a word
    before the number (``penurunan 62,29 %``, ``naik 4,81 pp``). Without sign or word it is a rise."""
    t = "" if teks is None else str(teks).strip()
    # the units as a sentence writes them: "5,08 poin persentase", "62,29 persen."
    angka = re.sub(r"\s*poin(?:\s+persentase)?$", " pp", t.rstrip(" ."), flags=re.IGNORECASE)
    angka = re.sub(r"\s*persen$", " %", angka, flags=re.IGNORECASE)
    m = _ARAH.match(angka)
    if not m:
        p = baca(angka)
        return Tercetak(t, p.nilai, p.desimal, p.kata, p.galat)
    p = baca(m["angka"])
    turun = m["kata"].casefold() in {"penurunan", "menurun", "turun"}
    if p.angka is not None and p.angka < 0 and not turun:
        return Tercetak(t, None, galat=f"bertentangan: kata '{m['kata']}' dengan angka bertanda minus")
    if p.angka is None or not turun:
        return Tercetak(t, p.nilai, p.desimal, kata=m["kata"], galat=p.galat)
    return Tercetak(t, -abs(p.angka), p.desimal, kata=m["kata"])
