"""Indonesian words the rules and the reports share.

:func:`daftar` joins a list as Indonesian writes it, for every sentence lakip
writes: the reviu's explanations and the report's paragraphs alike.
"""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["daftar"]


def daftar(items: Iterable[str], kata: str = "dan") -> str:
    """``['a'] -> 'a'``, ``['a', 'b'] -> 'a dan b'``, ``['a', 'b', 'c'] -> 'a, b, dan c'``.

    PUEBI: in a list of three or more, a comma stands before the last item's
    conjunction too. ``kata`` is the conjunction (``dan``, ``atau``).
    """
    items = list(items)
    if len(items) <= 2:
        return f" {kata} ".join(items)
    return ", ".join(items[:-1]) + f", {kata} " + items[-1]
