"""One strict YAML reader for every YAML a user gives lakip (``entitas.yml``, scenario files).

:func:`baca_yaml` loads a text safely (PyYAML's safe types only, or text only)
and refuses, with the line, what a hostile or mistaken file could do:

- a text over :data:`BATAS_YAML` characters (checked before parsing);
- nesting deeper than :data:`BATAS_DALAM` levels (checked while composing,
  so 100.000 nested brackets never reach Python's recursion limit);
- more than :data:`BATAS_ALIAS` nodes reached through aliases (a "billion
  laughs" bomb is refused after a few thousand nodes, in milliseconds);
- an alias to itself, a key written twice in one mapping, a key that is not
  a plain value (a list as key), a tag PyYAML's safe loader does not know.

The result keeps the line of every key and item (:class:`Dimuat`), so a
schema (:mod:`lakip.core.skema`) can name the line of each problem. Problems
are :class:`~lakip.core.model.Masalah` with the file name, the line, the key
path (``pilihan.skala[2].di_atas``, items counted from 1) and an Indonesian
message, raised together as :class:`YamlError`.
"""

from __future__ import annotations

import math
import re

from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.composer import Composer
from yaml.events import AliasEvent
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from lakip.core.model import Masalah, daftar_masalah
from lakip.core.teks import cuplik

__all__ = ["BATAS_YAML", "BATAS_DALAM", "BATAS_ALIAS", "Jalur", "Dimuat", "YamlError", "baca_yaml", "jalur_teks"]

#: The longest YAML text read (characters; a unit's entitas.yml is a few hundred).
BATAS_YAML = 1024 * 1024
#: The deepest nesting of lists and mappings (entitas.yml needs 4).
BATAS_DALAM = 50
#: The most nodes an alias may bring in, all aliases of a file together.
BATAS_ALIAS = 10_000

#: A key path: mapping keys and list positions (0-based) from the top.
Jalur = tuple[Any, ...]


class YamlError(ValueError):
    """A YAML text that cannot be used; ``masalah`` lists every problem found, located."""

    def __init__(self, masalah: list[Masalah]):
        self.masalah = list(masalah)
        super().__init__("\n".join(daftar_masalah(self.masalah, awal="")))

    def __reduce__(self):  # picklable, to come back from a worker process
        return (type(self), (self.masalah,))


def jalur_teks(jalur: Jalur) -> str | None:
    """``('pilihan', 'skala', 1, 'di_atas') -> 'pilihan.skala[2].di_atas'`` (items counted from 1); None for the top."""
    out = ""
    for k in jalur:
        if isinstance(k, int) and not isinstance(k, bool):
            out += f"[{k + 1}]"
        else:
            out += ("." if out else "") + cuplik(k, 60)
    return out or None


@dataclass(frozen=True)
class Dimuat:
    """A loaded YAML text: ``data`` (dicts, lists, scalars) and the line of each key path."""

    nama: str
    data: Any
    baris: dict[Jalur, int] = field(default_factory=dict)

    def letak(self, jalur: Jalur) -> int | None:
        """The line of ``jalur``, or of its nearest parent that has one."""
        jalur = tuple(jalur)
        while jalur:
            if jalur in self.baris:
                return self.baris[jalur]
            jalur = jalur[:-1]
        return self.baris.get(())

    def masalah(self, jalur: Jalur, pesan: str) -> Masalah:
        """A problem at ``jalur`` of this text."""
        return Masalah(self.nama, self.letak(jalur), jalur_teks(jalur), pesan)


class _Tolak(Exception):
    """Composing stops: ``pesan`` at ``baris``."""

    def __init__(self, baris: int | None, pesan: str):
        super().__init__(pesan)
        self.baris, self.pesan = baris, pesan


class _Komposer(Composer):
    """PyYAML's composer with a depth limit and a count of the nodes aliases bring in."""

    def __init__(self) -> None:
        Composer.__init__(self)
        self._dalam = 0
        self._jumlah = 0  # nodes composed, aliases counted expanded
        self._alias = 0  # nodes brought in by aliases
        self._ukuran: dict[str, int] = {}

    def compose_node(self, parent: Any, index: Any) -> Any:
        event = self.peek_event()
        baris = event.start_mark.line + 1 if event.start_mark is not None else None
        if isinstance(event, AliasEvent):
            self.get_event()
            anchor = event.anchor
            if anchor not in self.anchors:
                raise _Tolak(baris, f"alias '*{cuplik(anchor, 60)}' belum didefinisikan (tulis '&{cuplik(anchor, 60)}' dahulu)")
            if anchor not in self._ukuran:
                raise _Tolak(baris, f"alias '*{cuplik(anchor, 60)}' merujuk ke dirinya sendiri")
            n = self._ukuran[anchor]
            self._alias += n
            self._jumlah += n
            if self._alias > BATAS_ALIAS:
                raise _Tolak(baris, f"alias membawa terlalu banyak isi (lebih dari {BATAS_ALIAS:,} simpul); "
                                    "tulis isinya langsung".replace(",", "."))
            return self.anchors[anchor]
        self._dalam += 1
        if self._dalam > BATAS_DALAM:
            raise _Tolak(baris, f"bersarang terlalu dalam (lebih dari {BATAS_DALAM} tingkat)")
        awal = self._jumlah
        self._jumlah += 1
        anchor = getattr(event, "anchor", None)
        if anchor is not None and anchor in self.anchors:
            raise _Tolak(baris, f"jangkar '&{cuplik(anchor, 60)}' ditulis dua kali")
        node = super().compose_node(parent, index)
        if anchor is not None:
            self._ukuran[anchor] = self._jumlah - awal
        self._dalam -= 1
        return node


try:  # libyaml's parser when present (several times faster), PyYAML's own otherwise
    from yaml._yaml import CParser as _Parser  # type: ignore[import-not-found]

    _C = True

    def _parser_init(self: Any, teks: str) -> None:
        _Parser.__init__(self, teks)
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    _C = False
    from yaml.parser import Parser as _Parser  # type: ignore[assignment]
    from yaml.reader import Reader
    from yaml.scanner import Scanner

    class _Parser(Reader, Scanner, _Parser):  # type: ignore[no-redef]
        def __init__(self, teks: str) -> None:
            Reader.__init__(self, teks)
            Scanner.__init__(self)
            yaml.parser.Parser.__init__(self)

    def _parser_init(self: Any, teks: str) -> None:
        _Parser.__init__(self, teks)


class AngkaLewat(float):
    """A number written beyond any float (``1e400``): infinite as a float, with the text as written, so that
    a schema says it is out of range, quoting the user, rather than calling it an infinity."""

    def __new__(cls, teks: str) -> "AngkaLewat":
        x = super().__new__(cls, math.copysign(math.inf, -1.0 if teks.lstrip().startswith("-") else 1.0))
        x.teks = teks
        return x


class _Resolver12(yaml.resolver.BaseResolver):
    """The plain scalars YAML 1.2's core schema reads as null, booleans and numbers, numbers in decimal
    only. PyYAML resolves YAML 1.1's: ``075`` octal (61), ``1:30`` base 60 (90), ``0x5A``, ``1_000``,
    ``yes``/``no`` booleans, all silently; here they stay texts, which the schemas then refuse
    ("harus berupa angka"), and ``1e20`` is the number it looks like."""


for _tag, _pola, _awal in (
    ("bool", r"true|True|TRUE|false|False|FALSE", "tTfF"),
    ("int", r"[-+]?[0-9]+", "-+0123456789"),
    ("float", r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)",
     "-+0123456789."),
    ("null", r"~|null|Null|NULL|", ["~", "n", "N", ""]),
):
    _Resolver12.add_implicit_resolver(f"tag:yaml.org,2002:{_tag}", re.compile(f"^(?:{_pola})$"), list(_awal))


class _Konstruktor12(yaml.constructor.SafeConstructor):
    """SafeConstructor with a decimal integer (``075`` is 75, as YAML 1.2 and the data files read it)."""

    def construct_yaml_int(self, node: Any) -> int:
        return int(self.construct_scalar(node))

    def construct_yaml_float(self, node: Any) -> float:
        teks = str(self.construct_scalar(node))
        x = super().construct_yaml_float(node)
        if math.isinf(x) and "inf" not in teks.lower():  # 1e400: beyond any float, not the user's infinity
            return AngkaLewat(teks)
        return x


_Konstruktor12.add_constructor("tag:yaml.org,2002:int", _Konstruktor12.construct_yaml_int)
_Konstruktor12.add_constructor("tag:yaml.org,2002:float", _Konstruktor12.construct_yaml_float)


class _Aman(_Komposer, _Parser, _Konstruktor12, _Resolver12):  # type: ignore[misc, valid-type]
    def __init__(self, teks: str) -> None:
        _parser_init(self, teks)
        _Komposer.__init__(self)
        _Konstruktor12.__init__(self)
        _Resolver12.__init__(self)


class _Teks(_Komposer, _Parser, yaml.constructor.BaseConstructor, yaml.resolver.BaseResolver):  # type: ignore[misc, valid-type]
    def __init__(self, teks: str) -> None:
        _parser_init(self, teks)
        _Komposer.__init__(self)
        yaml.constructor.BaseConstructor.__init__(self)
        yaml.resolver.BaseResolver.__init__(self)


class _AmanC(_Parser, _Konstruktor12, _Resolver12):  # type: ignore[misc, valid-type]
    """The parser's own composer (in C with libyaml): for a text without anchors, so without aliases."""

    def __init__(self, teks: str) -> None:
        _parser_init(self, teks)
        _Konstruktor12.__init__(self)
        _Resolver12.__init__(self)


class _TeksC(_Parser, yaml.constructor.BaseConstructor, yaml.resolver.BaseResolver):  # type: ignore[misc, valid-type]
    def __init__(self, teks: str) -> None:
        _parser_init(self, teks)
        yaml.constructor.BaseConstructor.__init__(self)
        yaml.resolver.BaseResolver.__init__(self)


_TAG_KOLEKSI = ("tag:yaml.org,2002:map", "tag:yaml.org,2002:seq")


def _bangun(loader: Any, node: Any, jalur: Jalur, baris: dict[Jalur, int], masalah: list[Masalah], nama: str,
            teks_saja: bool) -> Any:
    """The value of ``node``: mappings and lists built here (lines kept, duplicate keys found), scalars by the loader."""
    if isinstance(node, ScalarNode):
        if teks_saja:
            return node.value
        return loader.construct_object(node)  # ConstructorError (a tag it does not know) is caught by the caller
    if len(jalur) >= BATAS_DALAM:  # the C composer's tree is as deep as the text (libyaml stops at 1000)
        raise _Tolak(node.start_mark.line + 1, f"bersarang terlalu dalam (lebih dari {BATAS_DALAM} tingkat)")
    if node.tag not in _TAG_KOLEKSI:
        masalah.append(Masalah(nama, node.start_mark.line + 1, jalur_teks(jalur), f"tag YAML '{cuplik(node.tag, 60)}' tidak dikenal"))
        return None
    if isinstance(node, SequenceNode):
        out_list = []
        for i, item in enumerate(node.value):
            sub = (*jalur, i)
            baris.setdefault(sub, item.start_mark.line + 1)
            out_list.append(_bangun(loader, item, sub, baris, masalah, nama, teks_saja))
        return out_list
    assert isinstance(node, MappingNode)
    out: dict[Any, Any] = {}
    pertama: dict[Any, int] = {}
    for k_node, v_node in node.value:
        line = k_node.start_mark.line + 1
        if not isinstance(k_node, ScalarNode):
            masalah.append(Masalah(nama, line, jalur_teks(jalur), "kunci harus berupa teks, bukan daftar atau pasangan kunci: nilai"))
            continue
        key = _bangun(loader, k_node, jalur, baris, masalah, nama, teks_saja)
        try:
            hash(key)
        except TypeError:  # pragma: no cover - scalars are hashable
            key = str(key)
        sub = (*jalur, key)
        if key in pertama:
            masalah.append(Masalah(nama, line, jalur_teks(sub),
                                   f"kunci '{cuplik(key, 60)}' ditulis dua kali (pertama di baris {pertama[key]})"))
            continue
        pertama[key] = line
        baris[sub] = line
        out[key] = _bangun(loader, v_node, sub, baris, masalah, nama, teks_saja)
    return out


#: What the parser's commonest complaints mean, for a planner (matched on PyYAML's own problem text).
_ARTI_GALAT = (
    ("another document", "berisi lebih dari satu dokumen (pemisah '---'); satu berkas berisi satu dokumen"),
    ("mapping values are not allowed", "ada tanda ':' di dalam nilai; beri tanda kutip pada nilai itu (\"...\")"),
    ("could not find expected ':'", "baris tidak berbentuk kunci: nilai"),
    ("cannot start any token", "ada karakter yang tidak boleh memulai nilai (tab untuk indentasi? pakai spasi)"),
    ("found undefined alias", "alias (*nama) tanpa jangkar (&nama)"),
    ("did not find expected key", "indentasi tidak rata, atau tanda '-' daftar di tempat kunci"),
    ("found unexpected end of stream", "tanda kutip tidak ditutup"),
)


def baca_yaml(teks: str, nama: str, *, teks_saja: bool = False) -> Dimuat:
    """Load one YAML document strictly.

    Args:
        teks: the text (already decoded).
        nama: the file name, for the messages.
        teks_saja: every scalar stays text (``1.084`` is ``'1.084'``, ``null`` is ``'null'``),
            as PyYAML's BaseLoader reads it; otherwise the safe types (text, numbers, booleans,
            null, dates).

    Raises:
        YamlError: listing every problem found, located by line (and key path).
    """
    if len(teks) > BATAS_YAML:
        raise YamlError([Masalah(nama, None, None, f"berkas terlalu besar ({len(teks):,} karakter; paling besar "
                                                   f"{BATAS_YAML:,})".replace(",", "."))])
    if _C and "&" not in teks and "*" not in teks:  # no anchor nor alias: nothing to count, libyaml composes (faster)
        loader = (_TeksC if teks_saja else _AmanC)(teks)
    else:
        loader = (_Teks if teks_saja else _Aman)(teks)
    masalah: list[Masalah] = []
    try:
        node = loader.get_single_node()
        baris: dict[Jalur, int] = {}
        if node is None:
            return Dimuat(nama, None, baris)
        baris[()] = node.start_mark.line + 1
        data = _bangun(loader, node, (), baris, masalah, nama, teks_saja)
    except _Tolak as e:
        raise YamlError([Masalah(nama, e.baris, None, e.pesan)]) from None
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None) or getattr(e, "context_mark", None)
        problem = str(getattr(e, "problem", ""))
        if isinstance(e, yaml.constructor.ConstructorError) and "constructor" in problem:
            pesan = "tag YAML tidak dikenal (lakip hanya membaca teks, angka, daftar dan pasangan kunci: nilai)"
        elif "nesting" in problem:  # libyaml's own limit (1000 levels), met before ours while scanning
            pesan = f"bersarang terlalu dalam (lebih dari {BATAS_DALAM} tingkat)"
        else:
            pesan = "bukan YAML yang sah" + next((f": {arti}" for kunci, arti in _ARTI_GALAT if kunci in problem), "")
        raise YamlError([Masalah(nama, None if mark is None else mark.line + 1, None, pesan)]) from None
    except RecursionError:  # pragma: no cover - the depth limit comes first
        raise YamlError([Masalah(nama, None, None, f"bersarang terlalu dalam (lebih dari {BATAS_DALAM} tingkat)")]) from None
    finally:
        loader.dispose()
    if masalah:
        raise YamlError(masalah)
    return Dimuat(nama, data, baris)
