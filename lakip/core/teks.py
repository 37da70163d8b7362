"""Indonesian words the rules and the reports share.

:func:`daftar` joins a list as Indonesian writes it, for every sentence lakip
writes: the reviu's explanations and the report's paragraphs alike.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["daftar", "KENDALI", "TAK_TERLIHAT", "BATAS_SEL", "karakter_kendali", "kode_kendali", "cuplik"]

#: Control characters a cell may not hold: they cannot be written into a workbook or XML (openpyxl
#: and XML 1.0 refuse them) and would act on a terminal that prints them. Tab, line feed and
#: carriage return are text.
KENDALI = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")

#: The longest text a cell or a YAML value may hold: Excel's own limit for a cell (32.767 characters).
BATAS_SEL = 32_767


def daftar(items: Iterable[str], kata: str = "dan") -> str:
    """``['a'] -> 'a'``, ``['a', 'b'] -> 'a dan b'``, ``['a', 'b', 'c'] -> 'a, b, dan c'``.

    PUEBI: in a list of three or more, a comma stands before the last item's
    conjunction too. ``kata`` is the conjunction (``dan``, ``atau``).
    """
    items = list(items)
    if len(items) <= 2:
        return f" {kata} ".join(items)
    return ", ".join(items[:-1]) + f", {kata} " + items[-1]


def karakter_kendali(teks: str) -> str | None:
    """The first control character of ``teks`` (:data:`KENDALI`) as a user can look it up (``U+0007``), or None."""
    m = KENDALI.search(teks)
    return None if m is None else f"U+{ord(m.group()):04X}"


#: Characters that print as nothing or reorder what follows (zero-width spaces and joiners, the
#: byte-order mark, bidirectional controls): text, but shown as codes in a message, where 'IKU-5<U+200B>'
#: must not look like 'IKU-5' and U+202E must not turn the terminal's line around.
TAK_TERLIHAT = re.compile("[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]")


def _kode(m: re.Match[str]) -> str:
    return f"<U+{ord(m.group()):04X}>"


def kode_kendali(teks: str) -> str:
    """``teks`` with its control characters (:data:`KENDALI`) as their codes, everything else kept."""
    return KENDALI.sub(_kode, teks)


def cuplik(teks: object, n: int = 200) -> str:
    """A user's text as a message quotes it: control characters and invisible ones (:data:`TAK_TERLIHAT`)
    shown as their codes, at most ``n`` characters and the length of the rest (a 100.000-character cell
    is never printed whole)."""
    t = TAK_TERLIHAT.sub(_kode, KENDALI.sub(_kode, str(teks)))
    if len(t) <= n:
        return t
    return f"{t[:n]}... ({len(t):,} karakter)".replace(",", ".")
