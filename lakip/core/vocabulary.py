"""The words and keys of the domain, declared once: years, polaritas, jenis, budget levels,
the word scales of kategori targets, how a target or realisasi is read into numbers, and
the key grammar of the printed figures (``laporan.csv``).

The data contract (:mod:`lakip.data.contract`) checks the files with these; the rules
(scoring, the reviu, what-if) read values and keys with them. Pure functions, no I/O.
"""

from __future__ import annotations

import re

import numpy as np

from lakip.core.config import SKALA_ORDINAL, UNIT_KERJA
from lakip.core.teks import cuplik
from lakip.core.numbers import AngkaError, is_kosong, parse_angka, parse_level, parse_rentang

__all__ = [
    "TAHUN_MIN",
    "TAHUN_MAKS",
    "BUKAN_TAHUN",
    "ANGKA_LAIN",
    "pesan_tahun",
    "angka_latin",
    "POLARITAS",
    "JENIS",
    "TINGKAT",
    "TINGKAT_SINONIM",
    "TINGKAT_DITERIMA",
    "sebutan_unit_kerja",
    "tingkat_baku",
    "kata_tingkat",
    "KUNCI",
    "UNSUR_KUNCI",
    "SEMUA_SASARAN",
    "tahun_ok",
    "tahun_atau_none",
    "sama_kata",
    "skala_kata",
    "baca_nilai",
    "kunci_laporan",
]

TAHUN_MIN, TAHUN_MAKS = 1990, 2100
POLARITAS = ("naik", "turun")
JENIS = ("angka", "rentang", "level", "kategori")
#: The levels of a budget tree as the tables keep them.
TINGKAT = ("program", "bagian", "kegiatan", "subkegiatan")
#: Other names ``anggaran.csv`` may give a level: ``unit_kerja`` is the level of ``bagian``, the unit's
#: divisions whatever the unit calls them (Bagian, Bidang, Seksi, Irban; DOMAIN.md section 4a).
TINGKAT_SINONIM = {"unit_kerja": "bagian"}
#: The words the ``tingkat`` column of ``anggaran.csv`` accepts, each synonym after its level.
TINGKAT_DITERIMA = tuple(w for t in TINGKAT for w in (t, *(s for s, b in TINGKAT_SINONIM.items() if b == t)))


#: A unit's own words for its divisions (DOMAIN.md section 4a), written without case, spaces, ``_`` or ``-``:
#: the level they name is written ``unit_kerja`` (the word itself is ``unit_kerja`` of ``entitas.yml``).
_SEBUTAN_UNIT_KERJA = frozenset({"bagian", "bidang", "seksi", "subbagian", "subbidang", "irban", "inspekturpembantu",
                                 "unitkerja"})


def sebutan_unit_kerja(tingkat: str) -> bool:
    """Whether ``tingkat`` is a unit's word for its divisions (``bidang``, ``Sub Bagian``, ``seksi``) rather than
    a word the ``tingkat`` column accepts: it is written ``unit_kerja`` there."""
    return tingkat not in TINGKAT_DITERIMA and re.sub(r"[\s_-]+", "", tingkat.lower()) in _SEBUTAN_UNIT_KERJA


def tingkat_baku(tingkat: str) -> str:
    """A level as the tables keep it: ``unit_kerja -> bagian``; any other word as it is."""
    return TINGKAT_SINONIM.get(tingkat, tingkat)


def kata_tingkat(tingkat: str, unit_kerja: str = UNIT_KERJA) -> str:
    """The word a text uses for a budget level: the unit's word for its divisions (``Bagian``,
    ``Seksi``) for ``bagian`` (or ``unit_kerja``), the level itself (``program``) otherwise."""
    return unit_kerja if tingkat_baku(tingkat) == "bagian" else tingkat


def tahun_ok(v: str) -> bool:
    """Whether a cell is a year: four digits 0-9 (never another script's digits, which ``int`` would
    read but a table's year column would not) between :data:`TAHUN_MIN` and :data:`TAHUN_MAKS`."""
    return bool(re.fullmatch(r"[0-9]{4}", v)) and TAHUN_MIN <= int(v) <= TAHUN_MAKS


#: The message of a cell that is not a year (after the cell's text).
BUKAN_TAHUN = f"bukan tahun antara {TAHUN_MIN} dan {TAHUN_MAKS}"
#: The message of a cell whose digits are another script's (Arabic-Indic, full-width, Devanagari).
ANGKA_LAIN = "ditulis dengan angka selain 0-9; tulis dengan angka 0-9"


def angka_latin(v: str) -> bool:
    """Whether every digit of a text is one of 0-9 (``int`` reads other scripts' digits; the tables do not)."""
    return v.isascii() or not any(ch.isdigit() and not ch.isascii() for ch in v)


def pesan_tahun(v: str) -> str:
    """The message of a cell ``v`` that is not a year: its text, then why (another script's digits, or
    not a year of the range)."""
    return f"'{cuplik(v)}' {BUKAN_TAHUN if angka_latin(v) else ANGKA_LAIN}"


def tahun_atau_none(v: str) -> int | None:
    """A year cell as a number, None when it is not one (reported elsewhere)."""
    return int(v) if tahun_ok(v) else None


def _norm(word: str) -> str:
    return " ".join(str(word).split()).casefold()


def sama_kata(a: object, b: object) -> bool:
    """Two words are the same word: case and spacing do not count (``sangat  tinggi`` is ``Sangat Tinggi``)."""
    return " ".join(str(a).split()).casefold() == " ".join(str(b).split()).casefold()


def skala_kata(teks: str) -> tuple[str, ...] | None:
    """The ordered words of a kategori IKU's scale (lowest first): a known scale's name
    (``lppd``, ``akip``, ``opini_bpk``) or words separated by ``;``; None if neither."""
    t = teks.strip()
    if t.lower() in SKALA_ORDINAL:
        return SKALA_ORDINAL[t.lower()]
    words = tuple(w.strip() for w in t.split(";") if w.strip())
    return words if len(words) >= 2 else None


def baca_nilai(teks: object, jenis: str, words: tuple[str, ...] | None) -> tuple[float, float, float] | None:
    """(nilai, bawah, atas) of one target or realisasi of an IKU of ``jenis``; None when missing.

    A number for ``angka``; the bounds of a range (``80-90``); a level (``9/9``) as its
    fraction; a word as its rank on the IKU's own scale ``words``. Raises
    :class:`~lakip.core.numbers.AngkaError` with the reason when the text fits no reading.
    """
    if is_kosong(teks):
        return None
    if jenis == "angka":
        return parse_angka(teks), np.nan, np.nan
    if jenis == "rentang":
        rng = parse_rentang(teks)
        if rng is None:
            return None
        lo, hi = rng
        return np.nan, lo, hi
    if jenis == "level":
        lvl = parse_level(teks)
        if lvl is None:
            return None
        return lvl[0] / lvl[1], np.nan, np.nan
    ranks = {_norm(w): i + 1 for i, w in enumerate(words or ())}
    rank = ranks.get(_norm(teks))
    if rank is None:
        raise AngkaError(str(teks), f"bukan kata pada skala indikator ini: {', '.join(words or ())}")
    return float(rank), np.nan, np.nan


#: The sasaran part of a ``jumlah_capaian`` key that means every IKU of the year.
SEMUA_SASARAN = "semua"

#: The key grammar of laporan.csv: prefix -> (names of the parts after it).
KUNCI: dict[str, tuple[str, ...]] = {
    "target": ("iku", "tahun"),
    "realisasi": ("iku", "tahun"),
    "capaian": ("iku", "tahun"),
    "kategori": ("iku", "tahun"),
    "perubahan_pp": ("iku", "tahun"),
    "capaian_sasaran": ("sasaran", "tahun"),
    "kategori_sasaran": ("sasaran", "tahun"),
    "rata_rata": ("tahun",),
    "jumlah_iku": ("tahun",),
    "jumlah_sasaran": ("tahun",),
    "jumlah_capaian": ("sasaran", "tahun"),  # sasaran "semua": every IKU of the year
    "jumlah_kategori": ("kategori", "tahun"),
    "persen_kategori": ("kategori", "tahun"),
    "pagu": ("anggaran", "tahun"),
    "realisasi_anggaran": ("anggaran", "tahun"),
    "serapan": ("anggaran", "tahun"),
    "pagu_iku": ("iku", "tahun"),
    "realisasi_anggaran_iku": ("iku", "tahun"),
    "serapan_iku": ("iku", "tahun"),
    "efisiensi": ("iku", "tahun"),
    "komponen": ("iku", "tahun", "nama"),
    # the scores from outside the unit (DOMAIN.md section 8): survei_ikm.csv and lke.csv
    "ikm": ("tahun",),
    "mutu_ikm": ("tahun",),
    "nrr": ("unsur", "tahun"),  # unsur u1 ... u9
    "nilai_akip": ("tahun",),
    "predikat_akip": ("tahun",),
    "komponen_akip": ("komponen", "tahun"),  # a komponen of lke.csv
}

#: The unsur of the IKM survey as a key names them (``nrr/u3/2024``): u1 ... u9 (:data:`lakip.core.ikm.UNSUR`).
UNSUR_KUNCI = tuple(f"u{i}" for i in range(1, 10))


def kunci_laporan(kunci: str) -> dict[str, str]:
    """Split a laporan.csv key into its named parts; ValueError with the reason."""
    parts = kunci.split("/")
    jenis = parts[0]
    if jenis not in KUNCI:
        raise ValueError(f"jenis kunci '{cuplik(jenis)}' tidak dikenal (jenis yang ada: {', '.join(KUNCI)})")
    names = KUNCI[jenis]
    if len(parts) != len(names) + 1 or any(p == "" for p in parts):
        raise ValueError(f"kunci '{cuplik(kunci)}' harus berbentuk {jenis}/" + "/".join(f"<{n}>" for n in names))
    out = {"jenis": jenis, **dict(zip(names, parts[1:]))}
    if not tahun_ok(out["tahun"]):
        raise ValueError(f"kunci '{cuplik(kunci)}': '{cuplik(out['tahun'])}' bukan tahun")
    if "unsur" in out and out["unsur"] not in UNSUR_KUNCI:
        raise ValueError(f"kunci '{cuplik(kunci)}': unsur '{cuplik(out['unsur'])}' bukan salah satu dari u1 sampai u9")
    return out
