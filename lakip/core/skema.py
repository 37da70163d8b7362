"""A small declarative schema for loaded YAML (:mod:`lakip.core.yaml_ketat`), reporting every problem at once.

A schema is built from :class:`Peta` (a mapping with known keys), :class:`Daftar`
(a list of one kind of item), :class:`Teks`, :class:`Angka`, :class:`Pilih` (one of
some values) and :class:`Atau` (the first alternative whose kind fits). :func:`periksa`
walks the data and returns one :class:`~lakip.core.model.Masalah` per problem, with
the line and key path: an unknown key names the nearest known one ("kunci 'pilhan'
tidak dikenal; maksud Anda 'pilihan'?"), a wrong type says what is expected, a text
with a control character or longer than :data:`~lakip.core.teks.BATAS_SEL` is refused,
a number must be finite and within :data:`~lakip.core.numbers.BATAS_ANGKA`.
"""

from __future__ import annotations

import difflib
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from lakip.core.model import Masalah
from lakip.core.numbers import BATAS_ANGKA, format_angka
from lakip.core.teks import BATAS_SEL, cuplik, daftar, karakter_kendali
from lakip.core.yaml_ketat import AngkaLewat, Dimuat, Jalur

__all__ = ["Skema", "Teks", "Angka", "Pilih", "Daftar", "Peta", "Atau", "periksa"]


def _tampil(nilai: Any) -> str:
    """A value as a message quotes it: YAML's words for null and booleans, the user's text cut short."""
    if nilai is None:
        return "null"
    if isinstance(nilai, bool):
        return "true" if nilai else "false"
    if isinstance(nilai, float) and not math.isfinite(nilai):
        return ".nan" if math.isnan(nilai) else (".inf" if nilai > 0 else "-.inf")
    if isinstance(nilai, (dict, list)):
        return "daftar" if isinstance(nilai, list) else "pasangan kunci: nilai"
    return cuplik(nilai, 60)


class Skema:
    """One node of a schema; ``kosong_boleh``: null (or an empty value) means "not given"."""

    jenis = "nilai"  # what the value must be, in a message ("harus berupa ...")
    saran = ""  # what to write instead, after the message for a text of the wrong kind
    kosong_boleh = False

    def cocok(self, nilai: Any) -> bool:
        """Whether ``nilai`` is of this schema's kind (the first check; :class:`Atau` picks by it)."""
        return True

    def cek(self, nilai: Any, jalur: Jalur, d: Dimuat, out: list[Masalah]) -> None:
        """Append the problems of ``nilai`` (already of this kind) to ``out``."""

    def periksa(self, nilai: Any, jalur: Jalur, d: Dimuat, out: list[Masalah]) -> None:
        if nilai is None and self.kosong_boleh:
            return
        if not self.cocok(nilai):
            saran = self.saran if isinstance(nilai, str) else ""
            out.append(d.masalah(jalur, f"'{_tampil(nilai)}' harus berupa {self.jenis}{saran}"
                                 if not isinstance(nilai, (dict, list)) else f"harus berupa {self.jenis}, bukan {_tampil(nilai)}"))
            return
        self.cek(nilai, jalur, d, out)


@dataclass
class Teks(Skema):
    """A text: no control character, at most :data:`BATAS_SEL` characters; ``wajib_isi``: not blank."""

    wajib_isi: bool = False
    kosong_boleh: bool = True
    jenis = "teks"

    def cocok(self, nilai: Any) -> bool:
        return isinstance(nilai, str)

    def cek(self, nilai: Any, jalur: Jalur, d: Dimuat, out: list[Masalah]) -> None:
        if self.wajib_isi and not nilai.strip():
            out.append(d.masalah(jalur, "wajib diisi"))
        kode = karakter_kendali(nilai)
        if kode is not None:
            out.append(d.masalah(jalur, f"'{cuplik(nilai, 60)}' berisi karakter kendali {kode}; hapus karakter itu"))
        if len(nilai) > BATAS_SEL:
            out.append(d.masalah(jalur, f"teks terlalu panjang ({format_angka(len(nilai), 0)} karakter; paling banyak "
                                        f"{format_angka(BATAS_SEL, 0)})"))

    def periksa(self, nilai: Any, jalur: Jalur, d: Dimuat, out: list[Masalah]) -> None:
        if nilai is None and self.wajib_isi:
            out.append(d.masalah(jalur, "wajib diisi"))
            return
        super().periksa(nilai, jalur, d, out)


@dataclass
class Angka(Skema):
    """A number (not a boolean), finite and at most :data:`BATAS_ANGKA` in magnitude."""

    kosong_boleh: bool = True
    jenis = "angka"
    #: after the message for a text: ``1:30``, ``0x5A``, ``1_000``, ``'75'`` are texts here, never guessed numbers
    saran = " (tulis angka desimal biasa tanpa tanda kutip, mis. 90 atau 90.5)"

    def cocok(self, nilai: Any) -> bool:
        return isinstance(nilai, (int, float)) and not isinstance(nilai, bool)

    def cek(self, nilai: Any, jalur: Jalur, d: Dimuat, out: list[Masalah]) -> None:
        if isinstance(nilai, AngkaLewat) or (isinstance(nilai, float) and abs(nilai) > BATAS_ANGKA and math.isfinite(nilai)):
            out.append(d.masalah(jalur, f"'{cuplik(getattr(nilai, 'teks', None) or _tampil(nilai), 60)}' di luar rentang "
                                        f"angka (paling besar {format_angka(BATAS_ANGKA, 0)})"))
        elif isinstance(nilai, float) and not math.isfinite(nilai):
            out.append(d.masalah(jalur, f"'{_tampil(nilai)}' bukan angka yang dapat dipakai (NaN dan tak hingga tidak diterima)"))
        elif abs(nilai) > BATAS_ANGKA:  # an integer
            out.append(d.masalah(jalur, f"'{_tampil(nilai)}' di luar rentang angka (paling besar "
                                        f"{format_angka(BATAS_ANGKA, 0)})"))


@dataclass
class Pilih(Skema):
    """One of ``nilai`` (compared with ``==``; a boolean is never a number here)."""

    nilai: tuple[Any, ...] = ()
    pesan: str | None = None  # the message when it is not one of them
    kosong_boleh: bool = True
    jenis = "salah satu nilai yang dikenal"

    def cek(self, nilai: Any, jalur: Jalur, d: Dimuat, out: list[Masalah]) -> None:
        if isinstance(nilai, bool) or isinstance(nilai, (dict, list)) or nilai not in self.nilai:
            out.append(d.masalah(jalur, self.pesan or f"'{_tampil(nilai)}' harus salah satu dari: "
                                                      f"{', '.join(str(v) for v in self.nilai)}"))


@dataclass
class Daftar(Skema):
    """A list of items of one schema; ``min_isi``: at least that many items."""

    isi: Skema = field(default_factory=Skema)
    min_isi: int = 0
    kosong_boleh: bool = True
    jenis = "daftar"

    def cocok(self, nilai: Any) -> bool:
        return isinstance(nilai, list)

    def cek(self, nilai: Any, jalur: Jalur, d: Dimuat, out: list[Masalah]) -> None:
        if len(nilai) < self.min_isi:
            out.append(d.masalah(jalur, f"harus berisi paling sedikit {self.min_isi} butir"))
        for i, item in enumerate(nilai):
            self.isi.periksa(item, (*jalur, i), d, out)


@dataclass
class Peta(Skema):
    """A mapping with the keys of ``wajib`` (required) and ``opsional``; any other key is refused."""

    wajib: Mapping[str, Skema] = field(default_factory=dict)
    opsional: Mapping[str, Skema] = field(default_factory=dict)
    kosong_boleh: bool = True
    jenis = "pasangan kunci: nilai"

    def cocok(self, nilai: Any) -> bool:
        return isinstance(nilai, dict)

    @property
    def kunci(self) -> dict[str, Skema]:
        return {**self.wajib, **self.opsional}

    def cek(self, nilai: Any, jalur: Jalur, d: Dimuat, out: list[Masalah]) -> None:
        kunci = self.kunci
        kira = {k: difflib.get_close_matches(str(k), list(kunci), n=1, cutoff=0.6) for k in nilai if k not in kunci}
        # a required key written wrong is said once, at the unknown key that names it
        hilang = [k for k in self.wajib if k not in nilai and not any(k in s for s in kira.values())]
        if hilang:
            out.append(d.masalah(jalur, f"kunci wajib tidak ada: {', '.join(hilang)}"))
        for k, v in nilai.items():
            sub = (*jalur, k)
            if k in kira:
                if isinstance(k, (int, float)) and not isinstance(k, bool):  # {di_atas: 90,5}: the comma split it
                    sub = (*jalur, str(k))  # a key, not an item's index
                    saran = ("; angka desimal ditulis dengan titik (90.5), atau dalam tanda kutip (\"90,5\"): koma di "
                             "dalam {...} memisahkan pasangan kunci: nilai")
                else:
                    saran = f"; maksud Anda '{kira[k][0]}'?" if kira[k] else f" (kunci yang dikenal: {daftar(kunci, 'dan')})"
                out.append(d.masalah(sub, f"kunci '{_tampil(k)}' tidak dikenal{saran}"))
                continue
            kunci[k].periksa(v, sub, d, out)


@dataclass
class Atau(Skema):
    """The first alternative whose kind fits the value (:meth:`Skema.cocok`) checks it."""

    pilihan: tuple[Skema, ...] = ()
    kosong_boleh: bool = False

    @property
    def jenis(self) -> str:  # type: ignore[override]
        return daftar([p.jenis for p in self.pilihan], "atau")

    def cocok(self, nilai: Any) -> bool:
        return any(p.cocok(nilai) for p in self.pilihan)

    def cek(self, nilai: Any, jalur: Jalur, d: Dimuat, out: list[Masalah]) -> None:
        next(p for p in self.pilihan if p.cocok(nilai)).periksa(nilai, jalur, d, out)


def periksa(skema: Skema, d: Dimuat) -> list[Masalah]:
    """Every problem of the loaded text ``d`` against ``skema``, in the order of the text."""
    out: list[Masalah] = []
    skema.periksa(d.data, (), d, out)
    return out
