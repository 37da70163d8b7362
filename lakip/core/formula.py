"""Equations between the parts of an IKU's formula (``rumus_komponen`` of indikator.csv).

``realisasi = ditetapkan / diusulkan * 100; ditetapkan = sk + perbup + perda``
says how the parts printed in a report relate. Each equation is parsed with
Python's ``ast`` and evaluated on a whitelist: names, numbers, ``+ - * /``,
parentheses, and the functions below. Nothing is ``eval``-ed.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from lakip.core.numbers import AngkaError, bulat, format_angka, parse_angka, tidak_ada, untuk_banding
from lakip.core.teks import cuplik

__all__ = ["Persamaan", "FUNGSI", "predikat_akip", "mutu_ikm", "urai_rumus", "hitung"]


def _dalam_rentang(nilai: float, nama: str, bawah: float, atas: float) -> None:
    """A score outside its scale (or missing) has no class: ValueError, in Indonesian."""
    if tidak_ada(nilai):
        raise ValueError(f"{nama} belum ada (N/A), jadi tidak berkelas")
    if not bawah <= bulat(nilai, 2) <= atas:  # as printed: 24,999 is 25,00
        raise ValueError(f"{nama} {format_angka(nilai, 2)} di luar skala {format_angka(bawah, 0)}-{format_angka(atas, 0)}")


def predikat_akip(nilai: float) -> str:
    """Predikat of a Nilai AKIP (DOMAIN.md section 8; upper bounds inclusive: 90,00 is A).

    The value is compared as :func:`lakip.core.numbers.untuk_banding` rounds it: a sum
    of components that is 90,00 but computes as 90.00000000000001 is A. A value
    outside 0-100, or missing, raises ValueError.
    """
    _dalam_rentang(nilai, "Nilai AKIP", 0, 100)
    v = untuk_banding(nilai)
    for batas, predikat in ((90, "AA"), (80, "A"), (70, "BB"), (60, "B"), (50, "CC"), (30, "C")):
        if v > batas:
            return predikat
    return "D"


def mutu_ikm(nilai: float) -> str:
    """Mutu pelayanan of an IKM value (PermenPAN-RB 14/2017).

    The classes are bounded at two decimals (B 76,61-88,30, A 88,31-100), so a
    value is classed as it is printed, rounded to two decimals: 88,305 is
    printed 88,31 and is A, not B for falling between the classes. A value
    outside the IKM scale 25-100, or missing, raises ValueError.
    """
    _dalam_rentang(nilai, "Nilai IKM", 25, 100)
    v = float(bulat(nilai, 2))
    if v >= 88.31:
        return "A"
    if v >= 76.61:
        return "B"
    if v >= 65.0:
        return "C"
    return "D"


FUNGSI: dict[str, Callable[[float], object]] = {"predikat_akip": predikat_akip, "mutu_ikm": mutu_ikm}


@dataclass(frozen=True)
class Persamaan:
    """``kiri = kanan``: a name and the expression it must equal."""

    kiri: str
    kanan: ast.expr
    teks: str

    @property
    def nama(self) -> set[str]:
        """Names the right-hand side uses."""
        return {n.id for n in ast.walk(self.kanan) if isinstance(n, ast.Name) and n.id not in FUNGSI}


_OPS = {ast.Add: lambda a, b: a + b, ast.Sub: lambda a, b: a - b, ast.Mult: lambda a, b: a * b,
        ast.Div: lambda a, b: a / b}


def _check(node: ast.AST, teks: str) -> None:
    for n in ast.walk(node):
        if isinstance(n, (ast.Expression, ast.Load, ast.operator, ast.unaryop)):
            continue
        if isinstance(n, ast.BinOp) and type(n.op) in _OPS:
            continue
        if isinstance(n, ast.UnaryOp) and isinstance(n.op, ast.USub):
            continue
        if isinstance(n, ast.Constant) and isinstance(n.value, (int, float)):
            continue
        if isinstance(n, ast.Name):
            continue
        if isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id in FUNGSI and len(n.args) == 1 and not n.keywords:
            continue
        raise ValueError(f"rumus '{teks}' memuat bagian yang tidak dikenal; pakai nama, angka, + - * /, "
                         f"kurung dan fungsi {', '.join(FUNGSI)}")


#: The longest equation of ``rumus_komponen`` (a printed formula's parts are a line, not a page).
PANJANG_RUMUS = 500

#: a number in a formula: digits with the dots and commas of Indonesian writing (not the digits of a name)
_ANGKA = re.compile(r"(?<![\w.,])\d[\d.,]*")


def _angka(teks: str, rumus: str) -> str:
    """A number of a formula read as DOMAIN.md section 9 reads numbers (``1.066`` is one thousand
    and sixty-six, ``0,5`` a half), written back for Python."""
    try:
        return repr(parse_angka(teks))
    except AngkaError as e:
        raise ValueError(f"rumus '{rumus}': angka {e}") from None


def urai_rumus(teks: str) -> list[Persamaan]:
    """Parse ``a = b + c; d = e / f * 100``; raise ValueError (Indonesian) if malformed.

    Numbers are read the Indonesian way, as the data files are: ``1.066`` is
    1066, ``0,5`` is 0.5, and ``1,500`` is refused as ambiguous.
    """
    out = []
    for part in (p.strip() for p in (teks or "").split(";")):
        if not part:
            continue
        if len(part) > PANJANG_RUMUS:  # and so never nested deep enough to exhaust the parser
            raise ValueError(f"rumus '{cuplik(part)}' terlalu panjang (paling banyak {PANJANG_RUMUS} karakter per persamaan)")
        if part.count("=") != 1:
            raise ValueError(f"rumus '{cuplik(part)}' harus berbentuk nama = ungkapan")
        left, right = (x.strip() for x in part.split("="))
        if not left.isidentifier():
            raise ValueError(f"rumus '{cuplik(part)}': '{cuplik(left)}' bukan nama")
        try:
            tree = ast.parse(_ANGKA.sub(lambda m: _angka(m.group(), part), right), mode="eval")
        except (SyntaxError, RecursionError, MemoryError):  # the last two: nested too deep for Python's parser
            raise ValueError(f"rumus '{part}' tidak dapat dibaca") from None
        _check(tree, part)
        out.append(Persamaan(left, tree.body, part))
    return out


def hitung(node: ast.expr, nilai: Mapping[str, float]) -> object:
    """Evaluate a parsed right-hand side; KeyError for a missing name, ZeroDivisionError as is."""
    if isinstance(node, ast.Constant):
        return float(node.value)
    if isinstance(node, ast.Name):
        return nilai[node.id]
    if isinstance(node, ast.UnaryOp):
        return -hitung(node.operand, nilai)
    if isinstance(node, ast.BinOp):
        return _OPS[type(node.op)](hitung(node.left, nilai), hitung(node.right, nilai))
    if isinstance(node, ast.Call):
        return FUNGSI[node.func.id](hitung(node.args[0], nilai))
    raise ValueError("ungkapan tidak dikenal")
