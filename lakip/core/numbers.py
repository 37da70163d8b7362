"""Numbers as Indonesian documents write them (DOMAIN.md section 9).

Reading is strict: a text that fits no reading, or fits two, raises
:class:`AngkaError` with the reason in Indonesian; nothing is guessed.
Writing formats numbers for people (``85,83 %``, ``Rp 64.440.768.486``,
``Rp 64,4 M``) and always rounds half away from zero, as a reader expects.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

import numpy as np

from lakip.core.teks import cuplik

__all__ = [
    "AngkaError",
    "BATAS_ANGKA",
    "KOSONG",
    "is_kosong",
    "tidak_ada",
    "ada",
    "parse_angka",
    "parse_angka_banyak",
    "parse_level",
    "parse_rentang",
    "pisah_rentang",
    "bulat",
    "untuk_banding",
    "persen_sisa_terbesar",
    "format_angka",
    "desimal_tertulis",
    "format_tertulis",
    "format_angka_terbaca",
    "format_persen",
    "format_rupiah",
    "format_rupiah_ringkas",
]

#: Texts that mean "not available" (belum dapat diukur), compared case-blind.
KOSONG = frozenset({"", "n/a", "na", "n.a.", "n.a", "#n/a", "-", "--", "—", "–"})

#: The largest magnitude a number of the data may have: 9.000 triliun (9 x 10^15). Every whole
#: rupiah up to it is exact in the float64 the tables compute with (exact up to 2^53, about
#: 9,007 x 10^15); a larger figure would be silently rounded, so it is refused.
BATAS_ANGKA = 9 * 10**15

#: Texts a program writes for a number that is not one (``NaN``, ``inf``): refused, never read as N/A.
_BUKAN_NILAI = frozenset({"nan", "-nan", "inf", "-inf", "+inf", "infinity", "-infinity", "+infinity", "#num!",
                          "#div/0!", "#value!", "#ref!"})

_PREFIX = re.compile(r"^(?:rp\.?|idr)\s*", re.IGNORECASE)
_SUFFIX = re.compile(r"\s*(?:,-|\.-|%)\s*$")
_DIGITS = re.compile(r"^[0-9][0-9.,]*$")
_GROUPED_DOT = re.compile(r"^[1-9][0-9]{0,2}(?:\.[0-9]{3})+$")
_GROUPED_COMMA = re.compile(r"^[1-9][0-9]{0,2}(?:,[0-9]{3})+$")
_SPACES = re.compile(r"[\s\u00a0\u202f\u2009]+")
_TANDA = frozenset({"-", "+", "\u2212"})


class AngkaError(ValueError):
    """A text that is not a number under the rules of DOMAIN.md section 9."""

    def __init__(self, teks: str, alasan: str):
        self.teks = teks
        self.alasan = alasan
        super().__init__(f"'{cuplik(teks)}' {alasan}")


def is_kosong(teks: object) -> bool:
    """True for a missing value: None, NaN, or a text such as ``N/A`` or ``-``."""
    if teks is None:
        return True
    if isinstance(teks, float) and math.isnan(teks):
        return True
    return _SPACES.sub(" ", str(teks)).strip().lower() in KOSONG


def ada(x: object) -> bool:
    """A value is there: not :func:`tidak_ada` (the common cases answered here: it is called for every figure)."""
    if isinstance(x, float):
        return not math.isnan(x)
    return x is not None and not tidak_ada(x)


def tidak_ada(x: object) -> bool:
    """True for a value that is not there: None, NaN (Python or numpy), pandas' NA or NaT.

    The one test of a missing *value* (a number or a cell of a computed table);
    :func:`is_kosong` also reads the texts that mean missing (``N/A``, ``-``).
    """
    if x is None:
        return True
    if isinstance(x, float):  # numpy's float64 too
        return math.isnan(x)
    if isinstance(x, (str, bytes, bool, int, np.integer)):
        return False
    if isinstance(x, np.floating):
        return bool(np.isnan(x))
    import pandas as pd

    return x is pd.NA or x is pd.NaT


def _int_part(grouped: str, pattern: re.Pattern[str], sep: str, teks: str) -> str:
    if "." not in grouped and "," not in grouped:
        return grouped
    if not pattern.match(grouped):
        raise AngkaError(teks, f"bukan angka: pengelompokan ribuan dengan '{sep}' tidak sah")
    return grouped.replace(sep, "")


def parse_angka(teks: object) -> float | None:
    """Read one number; return None for a missing value.

    Accepted: ``9,70``, ``64.440.768.486``, ``48.281.384.383,00``,
    ``Rp. 48.281.384.383,-``, ``85,83 %``, the English ``85.83`` and
    ``1,084.50``, a leading sign. A dot followed by exactly three digits
    groups thousands (``1.084`` is 1084); ``1,500`` could be 1.5 or 1500 and
    is refused as ambiguous, as is any malformed grouping (``11764.429.034``).
    """
    if isinstance(teks, (int, float)) and not isinstance(teks, bool):
        if isinstance(teks, float) and math.isnan(teks):
            return None
        if isinstance(teks, int) and abs(teks) > BATAS_ANGKA:  # too large for a float (OverflowError) or for str()
            return _dalam_batas(math.inf, format(Decimal(teks).normalize(), ".6g"))
        return _dalam_batas(float(teks), str(teks))
    asli = "" if teks is None else str(teks)
    if is_kosong(asli):
        return None
    s = _SPACES.sub(" ", asli).strip()
    if s.lower() in _BUKAN_NILAI:
        raise AngkaError(asli, "bukan angka (tulis N/A bila belum dapat diukur)")
    lain = next((ch for ch in s if ch.isdigit() and not ch.isascii()), None)
    if lain is not None:
        raise AngkaError(asli, f"berisi angka selain 0-9 ('{lain}'); tulis dengan angka 0-9")
    tanda = None
    if s[:1] in _TANDA and _PREFIX.match(s[1:].lstrip()):  # -Rp 5, as format_rupiah writes it
        tanda, s = s[0], s[1:].lstrip()
    s = _PREFIX.sub("", s)
    s = _SUFFIX.sub("", s).strip()
    if s[:1] in _TANDA:
        if tanda is not None:
            raise AngkaError(asli, "bukan angka: tanda ditulis dua kali")
        tanda, s = s[0], s[1:].strip()
    sign = 1.0 if tanda in (None, "+") else -1.0
    if not s or not _DIGITS.match(s):
        raise AngkaError(asli, "bukan angka")
    last_dot, last_comma = s.rfind("."), s.rfind(",")
    if last_dot >= 0 and last_comma >= 0:
        # Both separators: the last one marks the decimals.
        if last_comma > last_dot:
            whole, frac, pat, sep = s[:last_comma], s[last_comma + 1 :], _GROUPED_DOT, "."
        else:
            whole, frac, pat, sep = s[:last_dot], s[last_dot + 1 :], _GROUPED_COMMA, ","
        if not frac.isdigit():
            raise AngkaError(asli, "bukan angka: tanda desimal tidak sah")
        whole = _int_part(whole, pat, sep, asli)
        value = f"{whole}.{frac}"
    elif last_comma >= 0:
        if s.count(",") > 1:
            value = _int_part(s, _GROUPED_COMMA, ",", asli)
        else:
            whole, frac = s.split(",")
            if not whole or not frac:
                raise AngkaError(asli, "bukan angka: tanda desimal tidak sah")
            if len(frac) == 3 and whole[0] != "0" and len(whole) <= 3:
                w = ("-" if sign < 0 else "") + whole
                raise AngkaError(
                    asli,
                    f"ambigu: dapat dibaca {w},{frac} (desimal) atau {w}.{frac} "
                    f"(ribuan gaya Inggris); tulis {w}.{frac} untuk ribuan, {w},{frac}0 untuk desimal",
                )
            value = f"{whole}.{frac}"
    elif last_dot >= 0:
        if _GROUPED_DOT.match(s):
            value = s.replace(".", "")
        elif s.count(".") == 1 and len(s.split(".")[1]) != 3 and s.split(".")[0] and s.split(".")[1]:
            value = s  # English decimal point: 85.83
        elif s.count(".") == 1 and s.startswith("0.") and len(s) > 2:
            value = s  # 0.500 can only be a decimal
        else:
            raise AngkaError(asli, "bukan angka: pengelompokan ribuan dengan '.' tidak sah")
    else:
        value = s
    return _dalam_batas(sign * float(value), asli)


def _dalam_batas(x: float, asli: str) -> float:
    """``x`` when it is finite and at most :data:`BATAS_ANGKA` in magnitude; AngkaError otherwise."""
    if not math.isfinite(x) or abs(x) > BATAS_ANGKA:
        raise AngkaError(asli, "di luar rentang angka yang dapat dihitung tepat (paling besar 9.000 triliun, "
                               f"{format_angka(BATAS_ANGKA, 0)})")
    return x + 0.0  # -0 is 0 (a '-0' written would print as -0,00)


def parse_level(teks: object) -> tuple[float, float] | None:
    """Read a level such as ``9/9`` (level 9 of 9) as (numerator, denominator);
    None if missing. The level lies between 0 and the highest level: ``10/9`` is refused."""
    if is_kosong(teks):
        return None
    asli = str(teks)
    parts = _SPACES.sub("", asli).split("/")
    if len(parts) != 2:
        raise AngkaError(asli, "bukan level (tulis seperti 9/9)")
    try:
        num, den = (parse_angka(p) for p in parts)
    except AngkaError:
        raise AngkaError(asli, "bukan level (tulis seperti 9/9)") from None
    if num is None or den is None:
        raise AngkaError(asli, "bukan level (tulis seperti 9/9)")
    if den <= 0:
        raise AngkaError(asli, "bukan level: penyebut harus lebih dari 0")
    if not 0 <= num <= den:
        raise AngkaError(asli, f"bukan level: level {format_angka_terbaca(num)} di luar 0 s.d. level tertinggi "
                               f"{format_angka_terbaca(den)}")
    return num, den


_RANGE = re.compile(r"^\s*(.+?)\s*(?:-|–|—|s\.?d\.?|s/d|sampai(?:\s+dengan)?)\s*(.+?)\s*$", re.IGNORECASE)


def pisah_rentang(teks: str) -> tuple[str, str] | None:
    """The two bounds of a range as written (``'80,0 - 90,0'`` -> ``('80,0', '90,0')``); None if it is no range."""
    m = _RANGE.match(str(teks))
    return None if m is None else (m.group(1), m.group(2))


def parse_rentang(teks: object) -> tuple[float, float] | None:
    """Read a range target such as ``80-90`` or ``80 s.d. 90``; None if missing."""
    if is_kosong(teks):
        return None
    asli = str(teks)
    m = _RANGE.match(asli)
    if not m:
        raise AngkaError(asli, "bukan rentang (tulis seperti 80-90)")
    try:
        lo, hi = parse_angka(m.group(1)), parse_angka(m.group(2))
    except AngkaError as e:
        raise AngkaError(asli, f"bukan rentang: {e}") from None
    if lo is None or hi is None:
        raise AngkaError(asli, "bukan rentang (tulis seperti 80-90)")
    if lo > hi:
        raise AngkaError(asli, "bukan rentang: batas bawah lebih besar dari batas atas")
    return lo, hi


def bulat(x: float, desimal: int = 2) -> Decimal:
    """Round half away from zero, ignoring binary noise (102.49999999999999 -> 102.5 -> 103)."""
    d = Decimal(repr(round(float(x), 9)))
    return d.quantize(Decimal(1).scaleb(-desimal), rounding=ROUND_HALF_UP)


def untuk_banding(x: float | np.ndarray) -> float | np.ndarray:
    """A computed value as it is compared against a bound: rounded to 9 decimals.

    Arithmetic in binary leaves noise in the last bits: a level target of
    3/9 met exactly gives 99.99999999999999 %, and 25,00 + 26,76 + 13,82 +
    24,42 gives 90.00000000000001. Compared as they are, such values fall on
    the wrong side of a bound (100 % met, efficiency ratio 1, 90,00 is A);
    rounded to 9 decimals, far below any printed precision, they do not.
    NaN stays NaN. (:meth:`lakip.core.config.Skala.kode` does the same for the
    kategori bounds, in one comparison per bound.)
    """
    if isinstance(x, (int, float)):
        return round(float(x), 9)
    return np.round(np.asarray(x, dtype=float), 9)


def persen_sisa_terbesar(jumlah: Sequence[int], desimal: int = 2) -> list[Decimal]:
    """Percents of each count in the total, rounded so that they add up to exactly 100.

    Largest-remainder method: every share is cut down to ``desimal``
    decimals, then the missing units of the last decimal go one each to the
    shares with the largest remainders. When remainders tie, the later share
    gets the unit first, so a higher kategori (listed first) is never
    rounded up at the expense of a lower one: ``[1, 1, 1]`` gives
    33,33 + 33,33 + 33,34. Exact arithmetic (fractions), no binary noise.
    An empty or all-zero list gives zeros.
    """
    counts = [int(c) for c in jumlah]
    if any(c < 0 for c in counts):
        raise ValueError("persen_sisa_terbesar: jumlah tidak boleh negatif")
    total = sum(counts)
    unit = Decimal(1).scaleb(-desimal)
    if total == 0:
        return [Decimal(0).quantize(unit) for _ in counts]
    skala = 100 * 10**desimal
    exact = [Fraction(c * skala, total) for c in counts]
    floors = [math.floor(e) for e in exact]
    missing = skala - sum(floors)
    order = sorted(range(len(counts)), key=lambda i: (exact[i] - floors[i], i), reverse=True)
    for i in order[:missing]:
        floors[i] += 1
    return [(Decimal(f) * unit).quantize(unit) for f in floors]


def format_angka(x: float | None, desimal: int = 2, kosong: str = "N/A") -> str:
    """``64440768486.0 -> '64.440.768.486,00'``; None or NaN gives ``kosong``."""
    if tidak_ada(x):
        return kosong
    d = bulat(x, desimal)
    sign = "-" if d < 0 else ""
    whole, _, frac = f"{abs(d):f}".partition(".")
    grouped = f"{int(whole):,}".replace(",", ".")
    return f"{sign}{grouped},{frac}" if frac else f"{sign}{grouped}"


def desimal_tertulis(x: float | None, teks: object = None, maks: int = 10) -> int:
    """The decimals a value of the data is written with. Given the text the data writes it with,
    those of the text, zeros kept: ``'9,70' -> 2``, ``'82,5' -> 1``, ``'9' -> 0``, ``'1.084' -> 0``
    (a thousands dot), ``'Rp 3.383.329.611,-' -> 0``; otherwise (or when the text is not ``x``)
    those of the number's shortest form rounded to ``maks`` decimals, binary noise dropped:
    ``82.5 -> 1``, ``9.0 -> 0``, ``66.67 -> 2``, ``0.1 + 0.2 -> 1``. None or NaN gives 0."""
    if tidak_ada(x):
        return 0
    if teks is not None and not tidak_ada(teks):
        t = str(teks)
        m = _DESIMAL_TEKS.search(t)
        if m and len(m.group(1)) <= maks:
            k = len(m.group(1))
            digits = re.sub(r"[^0-9]", "", t[:m.end(1)])
            if digits.isascii() and Decimal(digits).scaleb(-k) == abs(Decimal(repr(float(x)))):
                return k
    return max(0, -int(bulat(float(x), maks).normalize().as_tuple().exponent))


#: The digits after the last separator of a number's text (``9,70``, ``85.83 %``, ``3.383.329.611,-``).
_DESIMAL_TEKS = re.compile(r"[.,]([0-9]+)[^0-9]*$")


def format_tertulis(x: float | None, teks: object = None, kosong: str = "N/A", maks: int = 10) -> str:
    """A value of the data (a target, a realisasi) for people, with the decimals the data gives it
    (:func:`desimal_tertulis`, from ``teks`` when given): ``82.5 -> '82,5'`` (not ``82,50``),
    ``9.0 -> '9'``, ``66.67 -> '66,67'``, ``(9.7, '9,70') -> '9,70'``, ``1234.5 -> '1.234,5'``;
    None or NaN gives ``kosong``. Computed values (capaian, means) keep their fixed decimals
    (:func:`format_angka`, :func:`format_persen`)."""
    if tidak_ada(x):
        return kosong
    return format_angka(x, desimal_tertulis(x, teks, maks), kosong)


def format_angka_terbaca(x: float, desimal: int = 10) -> str:
    """``x`` the Indonesian way, rounded to ``desimal`` decimals without trailing
    zeros (:func:`format_tertulis`), in a form :func:`parse_angka` reads back as the
    same number: ``80.4 -> '80,4'``, ``1234.5 -> '1.234,5'``, and ``7.275 -> '7,2750'``:
    one zero more where exactly three decimals would remain, since ``7,275`` is refused
    there as ambiguous. NaN gives ``N/A``. For numbers a user or the data files take in again.
    """
    s = format_tertulis(float(x), maks=desimal)
    whole, _, frac = s.lstrip("-").partition(",")
    if len(frac) == 3 and whole[0] != "0" and len(whole) <= 3:
        s += "0"
    return s


def format_persen(x: float | None, desimal: int = 2, kosong: str = "N/A") -> str:
    """``85.8306 -> '85,83 %'``."""
    s = format_angka(x, desimal, kosong)
    return s if s == kosong else f"{s} %"


def format_rupiah(x: float | None, kosong: str = "-") -> str:
    """``64440768486 -> 'Rp 64.440.768.486'``."""
    s = format_angka(x, 0, kosong)
    if s == kosong:
        return s
    return f"-Rp {s[1:]}" if s.startswith("-") else f"Rp {s}"


def format_rupiah_ringkas(x: float | None, kosong: str = "-") -> str:
    """Short form for charts: ``Rp 64,4 M`` (miliar), ``Rp 239,1 jt`` (juta)."""
    if tidak_ada(x):
        return kosong
    satuan = ((1e12, "T"), (1e9, "M"), (1e6, "jt"), (1e3, "rb"))
    for i, (batas, akhiran) in enumerate(satuan):
        if abs(x) >= batas:
            if i and bulat(abs(x) / batas, 1) >= 1000:  # 999,96 jt is written 1,0 M, not 1.000,0 jt
                batas, akhiran = satuan[i - 1]
            s = format_angka(abs(x) / batas, 1)
            return f"{'-' if x < 0 else ''}Rp {s} {akhiran}"
    return format_rupiah(x, kosong)


_CEPAT = (  # common plain forms, read by string operations; parse_angka gives the same value for each
    (re.compile(r"[0-9]+"), None),
    (re.compile(r"[1-9][0-9]{0,2}(?:\.[0-9]{3})+"), "."),
    (re.compile(r"[0-9]+,[0-9]+"), ","),
    (re.compile(r"[1-9][0-9]{0,2}(?:\.[0-9]{3})+,[0-9]+"), ".,"),
)
_AMBIGU = re.compile(r"[1-9][0-9]{0,2},[0-9]{3}")


def parse_angka_banyak(teks: Sequence[str]) -> tuple[np.ndarray, dict[int, str]]:
    """:func:`parse_angka` over many texts at once: (values, problems).

    ``values`` holds NaN for a missing value; ``problems`` maps the position
    of each unreadable text to the reason :func:`parse_angka` gives. Common
    forms (``1234``, ``64.440.768.486``, ``9,70``, ``1.084,50``) are read with
    vectorised string operations, every other text by :func:`parse_angka`
    itself, so the result is the same as calling it on each text.
    """
    import pandas as pd

    s = pd.Series(np.asarray(teks, dtype=object), dtype=object)
    out = np.full(len(s), np.nan)
    done = np.zeros(len(s), dtype=bool)
    for pattern, sep in _CEPAT:
        hit = s.str.fullmatch(pattern.pattern).to_numpy(dtype=bool) & ~done
        if sep == ",":
            hit &= ~s.str.fullmatch(_AMBIGU.pattern).to_numpy(dtype=bool)
        if not hit.any():
            continue
        v = s[hit]
        if sep is not None and "." in sep:
            v = v.str.replace(".", "", regex=False)
        if sep is not None and "," in sep:
            v = v.str.replace(",", ".", regex=False)
        out[hit] = v.astype(float).to_numpy()
        done |= hit
    done &= np.abs(out) <= BATAS_ANGKA  # out of range: parse_angka gives the reason
    out[~done] = np.nan
    out += 0.0  # -0 is 0
    problems: dict[int, str] = {}
    for i in np.flatnonzero(~done):
        try:
            x = parse_angka(s.iat[i])
        except AngkaError as e:
            problems[int(i)] = str(e)
        else:
            out[i] = np.nan if x is None else x
    return out, problems
