"""Reviu: every figure the published report prints, recomputed from the data and judged.

Each row of ``laporan.csv`` (``tabel``, ``kunci``, ``nilai`` as printed)
becomes one finding: the value computed from the data files under the unit's
rules, the difference, a status (sesuai / tidak sesuai / tidak dapat
dihitung), the kind of error, and an explanation in Indonesian that a
reviewer can paste into a review note. Where a printed figure does not
match, the audit looks for what produced it (another turun formula, a target
printed elsewhere, the value of another year, a not-measurable IKU counted,
rounding before subtracting, another efficiency method) and says so.

A printed figure matches when it equals the computed one after rounding
(half away from zero) to the decimals it was printed with.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from itertools import combinations, product
from typing import Any

import numpy as np
import pandas as pd

from lakip import analysis, budget, efficiency, scoring
from lakip.config import BELUM_TERUKUR
from lakip.formula import hitung
from lakip.load import Unit, kunci_laporan
from lakip.numbers import AngkaError, bulat, format_angka, format_rupiah, is_kosong, parse_angka, parse_rentang
from lakip.numbers import _RANGE

__all__ = [
    "SESUAI",
    "TIDAK_SESUAI",
    "TIDAK_DAPAT",
    "KOLOM_REVIU",
    "Tercetak",
    "baca",
    "baca_perubahan",
    "reviu",
    "ringkasan_reviu",
]

SESUAI, TIDAK_SESUAI, TIDAK_DAPAT = "sesuai", "tidak sesuai", "tidak dapat dihitung"
KOLOM_REVIU = ["tabel", "kunci", "nilai_laporan", "nilai_hitung", "selisih", "status", "penjelasan", "jenis"]
_URUT_STATUS = {SESUAI: 0, TIDAK_DAPAT: 1, TIDAK_SESUAI: 2}

# kinds of error (jenis), for the summary
J_TARGET = "target berbeda dengan PK"
J_REALISASI = "realisasi berbeda dengan data"
J_CAPAIAN = "capaian salah hitung"
J_TARGET_LAIN = "capaian memakai target lain"
J_TAHUN_LAIN = "nilai dari tahun lain"
J_TURUN = "rumus polaritas turun lain"
J_KATEGORI = "kategori tidak sesuai skala"
J_NA = "IKU belum dapat diukur ikut dihitung"
J_RATA = "rata-rata salah hitung"
J_HITUNG_KATEGORI = "jumlah atau persen kategori salah"
J_RINCIAN = "induk tidak sama dengan jumlah rincian"
J_ANGGARAN = "anggaran berbeda dengan data"
J_SERAPAN = "serapan salah hitung"
J_EFISIENSI = "nilai efisiensi tidak mengikuti rumus"
J_KOMPONEN = "komponen rumus tidak konsisten"
J_ANTAR_TABEL = "nilai berbeda antar tabel"
J_FORMAT = "format angka salah"
J_PERUBAHAN = "perubahan capaian salah hitung"


# ----------------------------------------------------------------------------- reading printed figures


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
_KUNCI_RUPIAH = frozenset({"pagu", "realisasi_anggaran", "pagu_iku", "realisasi_anggaran_iku"})
_SATUAN = {"t": 12, "triliun": 12, "m": 9, "miliar": 9, "milyar": 9, "jt": 6, "juta": 6, "rb": 3, "ribu": 3}


def _desimal(teks: str) -> int:
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
            return Tercetak(t, float(Decimal(repr(value)).scaleb(e)), _desimal(m["angka"]) - e)
    try:
        value = parse_angka(angka)
    except AngkaError as e:
        if re.search(r"\d", t) and not _rentang(t):
            return Tercetak(t, None, galat=e.alasan)
        return Tercetak(t, " ".join(t.split()))  # a word, or a range target (80-90)
    return Tercetak(t, value, _desimal(angka))


def _rentang(teks: str) -> bool:
    try:
        return parse_rentang(teks) is not None
    except AngkaError:
        return False


def _ada(x: object) -> bool:
    return x is not None and not (isinstance(x, float) and math.isnan(x))


def _cocok(p: Tercetak, x: float | None, desimal: int | None = None) -> bool:
    if p.angka is None or not _ada(x) or not np.isfinite(x):
        return False
    d = p.desimal if desimal is None else desimal
    return bulat(x, d) == bulat(p.angka, d)


def _potong(x: float, d: int) -> Decimal:
    q = Decimal(1).scaleb(-d)
    return Decimal(repr(round(x, 9))).quantize(q, rounding="ROUND_DOWN")


def _f(x: float | None, d: int = 2) -> str:
    return "N/A" if not _ada(x) else format_angka(float(x), d)


def _p(x: float | None, d: int = 2) -> str:
    return "N/A" if not _ada(x) else f"{format_angka(float(x), d)} %"


def _sama_kata(a: str, b: str) -> bool:
    return " ".join(str(a).split()).casefold() == " ".join(str(b).split()).casefold()


# ----------------------------------------------------------------------------- findings


@dataclass
class Hasil:
    status: str
    nilai_hitung: Any = None
    penjelasan: str = ""
    jenis: str = ""
    selisih: float | None = None


def _hasil_angka(p: Tercetak, x: float | None, benar: str, salah: str, jenis: str) -> Hasil:
    """Sesuai or not for a plain number; ``benar``/``salah`` are the explanations."""
    if _cocok(p, x):
        return Hasil(SESUAI, x, benar)
    return Hasil(TIDAK_SESUAI, x, salah, jenis)


class _Baris:
    """The rows of a frame with a unique index, by key, each a dict made when first asked for
    (``.loc`` on a single row costs far more than the checks that use it)."""

    def __init__(self, df: pd.DataFrame):
        self._pos = {key: i for i, key in enumerate(df.index)}
        self._kolom = [(c, df[c].to_numpy()) for c in df.columns]
        self._baris: dict[Any, dict[str, Any]] = {}

    def __contains__(self, key: Any) -> bool:
        return key in self._pos

    def __getitem__(self, key: Any) -> dict[str, Any]:
        row = self._baris.get(key)
        if row is None:
            i = self._pos[key]
            row = self._baris[key] = {c: a[i] for c, a in self._kolom}
        return row

    def get(self, key: Any) -> dict[str, Any] | None:
        return self[key] if key in self._pos else None


class _Konteks:
    """Everything the checks look up, computed once per audit."""

    def __init__(self, unit: Unit, tahun: int):
        self.unit, self.tahun = unit, tahun
        self.pilihan = unit.pilihan
        s = analysis.skor_unit(unit)
        self.skor = s.set_index(["kode", "tahun"])
        self.ind = unit.indikator.set_index("kode")
        sas = scoring.capaian_sasaran(s, self.pilihan, by=["tahun"])
        self.sasaran = sas.set_index(["sasaran_kode", "tahun"])
        self.lap = unit.laporan[unit.laporan["tahun"] == tahun].copy()
        self.lap["_kunci"] = [kunci_laporan(k) for k in self.lap["kunci"]]
        self.lap["_baca"] = [baca(v, kk["jenis"] in _KUNCI_RUPIAH) for v, kk in zip(self.lap["nilai"], self.lap["_kunci"])]
        a = unit.anggaran
        self.anggaran = budget.serapan(a).set_index(["tahun", "kode"])
        self.anak: dict[tuple[int, str], list[str]] = {}
        for t, k, i in zip(a["tahun"], a["kode"], a["induk"]):
            if isinstance(i, str) and i:
                self.anak.setdefault((int(t), i), []).append(k)
        self.akar = dict(zip(zip(a["tahun"], a["kode"]), budget.akar(a)))
        self.ang_iku = unit.anggaran_iku.set_index(["tahun", "kode"])
        # rows by key: an audit looks up hundreds of single rows
        self._iku = _Baris(self.skor)
        self._sasaran = _Baris(self.sasaran)
        self._ang = _Baris(self.anggaran)
        self._ang_iku = _Baris(self.ang_iku)
        self._tercetak: dict[str, list[tuple[str, Tercetak]]] = {}
        self._diagnosis: dict[tuple[str, int], dict[tuple[str, str], Hasil]] = {}
        for t, kunci, baca_ in zip(self.lap["tabel"], self.lap["kunci"], self.lap["_baca"]):
            self._tercetak.setdefault(kunci, []).append((t, baca_))

    # -- printed figures of the whole report
    def tercetak(self, kunci: str) -> list[tuple[str, Tercetak]]:
        return list(self._tercetak.get(kunci, []))

    def tercetak_di(self, tabel: str, kunci: str) -> Tercetak | None:
        for t, p in self.tercetak(kunci):
            if t == tabel:
                return p
        return None

    def iku(self, kode: str, tahun: int) -> dict[str, Any] | None:
        """The scored row of an IKU and year (column -> value), or None."""
        return self._iku.get((kode, int(tahun)))

    def capaian(self, kode: str, tahun: int) -> float:
        row = self.iku(kode, tahun)
        return float("nan") if row is None else float(row["capaian"])


# ----------------------------------------------------------------------------- checks per key


def _teks_data(row: dict[str, Any], kolom: str) -> str:
    v = row[kolom]
    return "N/A" if is_kosong(v) else " ".join(str(v).split())


def _cek_target_realisasi(k: _Konteks, tabel: str, kunci: dict, p: Tercetak) -> Hasil:
    jenis, kode, tahun = kunci["jenis"], kunci["iku"], int(kunci["tahun"])
    row = k.iku(kode, tahun)
    if row is None:
        return Hasil(TIDAK_DAPAT, None, f"Data kinerja.csv tidak memuat {kode} tahun {tahun}.")
    nama = "Target" if jenis == "target" else "Realisasi"
    asal = "target PK (kinerja.csv)" if jenis == "target" else "realisasi di kinerja.csv"
    err = J_TARGET if jenis == "target" else J_REALISASI
    x = row["target_nilai" if jenis == "target" else "realisasi_nilai"]
    teks_data = _teks_data(row, jenis)
    if jenis == "target" and row["jenis"] == "rentang":
        return _cek_rentang(p, row, nama, asal, teks_data)
    if p.galat:
        return Hasil(TIDAK_SESUAI, x if _ada(x) else teks_data, f"'{p.teks}' {p.galat}; {asal}: {teks_data}.", J_FORMAT)
    if p.nilai is None:
        if not _ada(x):
            return Hasil(SESUAI, None, f"{nama} belum tersedia, sama dengan data.")
        return Hasil(TIDAK_SESUAI, teks_data, f"{nama} dicetak N/A, padahal {asal} {teks_data}.", err)
    if not _ada(x):
        return Hasil(TIDAK_SESUAI, None, f"{nama} dicetak {p.teks}, padahal {asal} belum tersedia.", err)
    if row["jenis"] in ("angka", "rentang"):  # (the realisasi of a range target is a number)
        if p.angka is None:
            return Hasil(TIDAK_SESUAI, x, f"{nama} dicetak '{p.teks}', bukan angka; {asal} {teks_data}.", err)
        return _hasil_angka(p, x, f"Sama dengan {asal}.",
                            f"{nama} tercetak {p.teks} berbeda dengan {asal} {teks_data}.", err)
    if _sama_kata(str(p.nilai), teks_data):
        return Hasil(SESUAI, teks_data, f"Sama dengan {asal}.")
    return Hasil(TIDAK_SESUAI, teks_data, f"{nama} tercetak {p.teks} berbeda dengan {asal} {teks_data}.", err)


def _cek_rentang(p: Tercetak, row: dict[str, Any], nama: str, asal: str, teks_data: str) -> Hasil:
    """A range target as printed (``80-90``, ``80 s.d. 90``, ``80,0 - 90,0``) against the PK's, bound by bound,
    each to the decimals it was printed with."""
    ada = _ada(row["target_bawah"]) and _ada(row["target_atas"])
    if p.nilai is None and not p.galat:
        if not ada:
            return Hasil(SESUAI, None, f"{nama} belum tersedia, sama dengan data.")
        return Hasil(TIDAK_SESUAI, teks_data, f"{nama} dicetak N/A, padahal {asal} {teks_data}.", J_TARGET)
    try:
        bawah, atas = parse_rentang(p.teks)
    except AngkaError:
        return Hasil(TIDAK_SESUAI, teks_data, f"{nama} tercetak '{p.teks}', bukan rentang; {asal}: {teks_data}.",
                     J_FORMAT if p.galat else J_TARGET)
    if not ada:
        return Hasil(TIDAK_SESUAI, None, f"{nama} dicetak {p.teks}, padahal {asal} belum tersedia.", J_TARGET)
    sisi = _RANGE.match(p.teks).groups()
    cocok = all(_cocok(Tercetak(t, v, _desimal(t)), x)
                for t, v, x in zip(sisi, (bawah, atas), (row["target_bawah"], row["target_atas"])))
    if cocok:
        return Hasil(SESUAI, teks_data, f"Sama dengan {asal}.")
    return Hasil(TIDAK_SESUAI, teks_data, f"{nama} tercetak {p.teks} berbeda dengan {asal} {teks_data}.", J_TARGET)


def _capaian_dengan(k: _Konteks, row: dict[str, Any], target: float, realisasi: float, rumus: str | None = None) -> float:
    frame = pd.DataFrame({
        "polaritas": [row["polaritas"]], "jenis": ["angka" if row["jenis"] == "rentang" else row["jenis"]],
        "target_nilai": [target], "target_bawah": [np.nan], "target_atas": [np.nan], "realisasi_nilai": [realisasi],
    })
    pil = k.pilihan if rumus is None else type(k.pilihan)(rumus_turun=rumus, skala=k.pilihan.skala)
    return float(scoring.hitung_capaian(frame, pil)["capaian"].iloc[0])


def _cek_capaian(k: _Konteks, tabel: str, kunci: dict, p: Tercetak) -> Hasil:
    kode, tahun = kunci["iku"], int(kunci["tahun"])
    row = k.iku(kode, tahun)
    if row is None:
        return Hasil(TIDAK_DAPAT, None, f"Data kinerja.csv tidak memuat {kode} tahun {tahun}.")
    c = float(row["capaian"])
    rumus = f"realisasi {_teks_data(row, 'realisasi')} terhadap target {_teks_data(row, 'target')}"
    if p.galat:
        return Hasil(TIDAK_SESUAI, c, f"'{p.teks}' {p.galat}; capaian menurut data {_p(c)}.", J_FORMAT)
    if p.nilai is None:
        if not _ada(c):
            return Hasil(SESUAI, None, f"Capaian belum dapat diukur ({row['catatan']}), sama dengan data.")
        return Hasil(TIDAK_SESUAI, c, f"Capaian dicetak N/A, padahal dapat dihitung: {_p(c)} ({rumus}).", J_CAPAIAN)
    if p.angka is None:
        return Hasil(TIDAK_SESUAI, c, f"Capaian dicetak '{p.teks}', bukan angka; menurut data {_p(c)}.", J_CAPAIAN)
    sel = p.angka - c if _ada(c) else None
    if not _ada(c):
        return Hasil(TIDAK_SESUAI, None, f"Capaian dicetak {p.teks}, padahal {row['catatan'] or 'capaian tidak dapat dihitung'}; "
                     "IKU ini belum dapat diukur.", J_CAPAIAN)
    if _cocok(p, c):
        extra = " Nilai ini juga memuat kata kategori." if p.kata else ""
        return Hasil(SESUAI, c, f"Sama dengan capaian menurut data ({_p(c)}: {rumus}).{extra}", selisih=sel)
    # What produced the printed figure?
    if row["polaritas"] == "turun":
        other = "rasio" if k.pilihan.rumus_turun == "selisih" else "selisih"
        alt = _capaian_dengan(k, row, row["target_nilai"], row["realisasi_nilai"], other)
        if _cocok(p, alt):
            return Hasil(TIDAK_SESUAI, c, f"Capaian {p.teks} dihitung dengan rumus polaritas turun '{other}' ({_p(alt)}); "
                         f"unit ini memakai rumus '{k.pilihan.rumus_turun}': {_p(c)}.", J_TURUN, sel)
    if row["jenis"] == "angka":
        r_here = k.tercetak_di(tabel, f"realisasi/{kode}/{tahun}")
        r_used = r_here.angka if r_here is not None and r_here.angka is not None else row["realisasi_nilai"]
        for t_tabel, tp in k.tercetak(f"target/{kode}/{tahun}"):
            if tp.angka is None or _cocok(tp, row["target_nilai"]):
                continue
            alt = _capaian_dengan(k, row, tp.angka, r_used)
            if _cocok(p, alt):
                return Hasil(TIDAK_SESUAI, c, f"Capaian {p.teks} dihitung dengan target {tp.teks} yang dicetak di {t_tabel} "
                             f"({_f(r_used)} / {tp.teks} = {_p(alt)}), bukan target PK {_teks_data(row, 'target')}: "
                             f"capaian menurut PK {_p(c)}.", J_TARGET_LAIN, sel)
    for (kd, th), other in k.skor["capaian"].items():
        if kd == kode and th != tahun and _cocok(p, other):
            return Hasil(TIDAK_SESUAI, c, f"Capaian {p.teks} adalah capaian tahun {th} ({_p(other)}), bukan tahun {tahun}: "
                         f"{_p(c)} ({rumus}).", J_TAHUN_LAIN, sel)
    if p.kata:
        kat = k.pilihan.skala.kategori(c)
        kata = (f"kata {p.kata} sesuai dengan kategorinya ({kat})" if _sama_kata(p.kata, kat or "")
                else f"kata {p.kata} tidak sesuai dengan kategorinya ({kat})")
        return Hasil(TIDAK_SESUAI, c, f"Kolom capaian memuat '{p.teks}': capaian menurut rumus {_p(c)} ({rumus}); {kata}, "
                     f"tetapi angka {_f(p.angka, p.desimal)} bukan capaian itu.", J_CAPAIAN, sel)
    return Hasil(TIDAK_SESUAI, c, f"Capaian tercetak {p.teks}, menurut data {_p(c)} ({rumus}).", J_CAPAIAN, sel)


def _cek_kategori(k: _Konteks, tabel: str, kunci: dict, p: Tercetak) -> Hasil:
    kode, tahun = kunci["iku"], int(kunci["tahun"])
    row = k.iku(kode, tahun)
    if row is None:
        return Hasil(TIDAK_DAPAT, None, f"Data kinerja.csv tidak memuat {kode} tahun {tahun}.")
    c = float(row["capaian"])
    kat = k.pilihan.skala.kategori(c)
    if not _ada(c):
        if p.nilai is None:
            return Hasil(SESUAI, BELUM_TERUKUR, "IKU belum dapat diukur, sama dengan data.")
        return Hasil(TIDAK_SESUAI, BELUM_TERUKUR, f"Kategori dicetak {p.teks}, padahal IKU belum dapat diukur.", J_KATEGORI)
    if _kata_kategori(p) is not None and _sama_kata(_kata_kategori(p), kat):
        return _kategori_benar(p, c, kat, f"capaian {_p(c)}")
    printed_c = [(t, q) for t, q in k.tercetak(f"capaian/{kode}/{tahun}") if q.angka is not None]
    note = ""
    for t, q in printed_c:
        if _sama_kata(str(_kata_kategori(p)), k.pilihan.skala.kategori(q.angka) or ""):
            note = f" Kata ini sesuai dengan capaian tercetak {q.teks} di {t}, yang tidak sama dengan capaian menurut data."
            break
    return Hasil(TIDAK_SESUAI, kat, f"Kategori tercetak {p.teks}; menurut skala, capaian {_p(c)} termasuk {kat}.{note}", J_KATEGORI)


def _kata_kategori(p: Tercetak) -> str | None:
    """The kategori word of a printed kategori: ``Tinggi``, or the word of ``Tinggi (86 %)``."""
    return p.kata if p.kata else p.nilai if isinstance(p.nilai, str) else None


def _kategori_benar(p: Tercetak, c: float, kat: str, apa: str) -> Hasil:
    """The right kategori word; a capaian printed beside it (``Tinggi (86 %)``) must be right too."""
    if p.kata and not _cocok(p, c):
        return Hasil(TIDAK_SESUAI, kat, f"Kata kategori {kat} sesuai skala, tetapi angka di dalam kurung "
                     f"({_f(p.angka, p.desimal)}) bukan {apa}.", J_CAPAIAN)
    extra = "; angka di dalam kurung sama dengan capaian itu" if p.kata else ""
    return Hasil(SESUAI, kat, f"Sesuai skala: {apa} termasuk {kat}{extra}.")


def _cek_sasaran(k: _Konteks, tabel: str, kunci: dict, p: Tercetak) -> Hasil:
    ss, tahun = kunci["sasaran"], int(kunci["tahun"])
    key = (ss, tahun)
    if key not in k._sasaran:
        return Hasil(TIDAK_DAPAT, None, f"Tidak ada IKU untuk sasaran {ss} tahun {tahun} di data.")
    c = float(k._sasaran[key]["capaian"])
    n = int(k._sasaran[key]["jumlah_terukur"])
    if kunci["jenis"] == "kategori_sasaran":
        kat = k.pilihan.skala.kategori(c)
        if kat is None:
            ok = p.nilai is None
            return Hasil(SESUAI if ok else TIDAK_SESUAI, BELUM_TERUKUR,
                         "Sasaran belum dapat diukur" + (", sama dengan data." if ok else f"; dicetak {p.teks}."),
                         "" if ok else J_KATEGORI)
        if _kata_kategori(p) is not None and _sama_kata(_kata_kategori(p), kat):
            return _kategori_benar(p, c, kat, f"capaian sasaran {_p(c)}")
        return Hasil(TIDAK_SESUAI, kat, f"Kategori sasaran tercetak {p.teks}; capaian sasaran {_p(c)} termasuk {kat}.", J_KATEGORI)
    if p.nilai is None:
        ok = not _ada(c)
        return Hasil(SESUAI if ok else TIDAK_SESUAI, c if _ada(c) else None,
                     "Sasaran belum dapat diukur, sama dengan data." if ok else f"Dicetak {p.teks}, padahal capaian sasaran {_p(c)}.",
                     "" if ok else J_RATA)
    if not _ada(c):
        return Hasil(TIDAK_SESUAI, None, f"Dicetak {p.teks}, padahal tidak ada IKU sasaran ini yang terukur.", J_NA)
    res = _hasil_angka(p, c, f"Sama dengan rata-rata capaian {n} IKU terukur sasaran ini ({_p(c)}).",
                       f"Capaian sasaran tercetak {p.teks}; rata-rata capaian {n} IKU terukur sasaran ini {_p(c)}.", J_RATA)
    res.selisih = p.angka - c if p.angka is not None else None
    return res


def _iku_tahun(k: _Konteks, tahun: int) -> pd.DataFrame:
    s = k.skor.xs(tahun, level="tahun")
    order = [c for c in k.unit.indikator["kode"] if c in s.index]
    return s.loc[order]


def _cek_rata_rata(k: _Konteks, tabel: str, kunci: dict, p: Tercetak) -> Hasil:
    tahun = int(kunci["tahun"])
    s = _iku_tahun(k, tahun)
    exact = s["capaian"].astype(float)
    if k.pilihan.batas_capaian is not None:
        exact = exact.clip(upper=k.pilihan.batas_capaian)
    mean = float(exact.mean())
    n, na = int(exact.notna().sum()), [c for c in exact.index if not _ada(exact[c])]
    if p.angka is None:
        return Hasil(TIDAK_SESUAI, mean, f"Rata-rata dicetak '{p.teks}'; menurut data {_p(mean)}.", J_FORMAT if p.galat else J_RATA)
    if _cocok(p, mean):
        return Hasil(SESUAI, mean, f"Sama dengan rata-rata capaian {n} IKU terukur ({_p(mean)}).", selisih=p.angka - mean)
    sas = k.sasaran.xs(tahun, level="tahun")["capaian"].astype(float).mean()
    if _cocok(p, sas):
        return Hasil(SESUAI, sas, f"Sama dengan rata-rata capaian sasaran ({_p(sas)}); rata-rata {n} IKU terukur {_p(mean)}.",
                     selisih=p.angka - sas)
    # Search what produced it: which capaian (exact or as printed), how the not-measurable IKU were
    # treated, and how the result was rounded.
    bases: list[tuple[str, pd.Series]] = [("capaian menurut data", exact)]
    for t in dict.fromkeys(k.lap["tabel"]):
        vals = {}
        for kode in exact.index:
            q = k.tercetak_di(t, f"capaian/{kode}/{tahun}")
            if q is not None:
                vals[kode] = q.angka if q.angka is not None else float("nan")
        if len(vals) == len(exact):
            bases.append((f"capaian yang dicetak di {t}", pd.Series(vals)))
    na_options: list[tuple[str, dict[str, float]]] = [("", {})]
    for kode in na:
        na_options.append((f"{kode} (belum dapat diukur) dihitung 0", {kode: 0.0}))
        na_options.append((f"{kode} (belum dapat diukur) dihitung 100", {kode: 100.0}))
        for (kd, th), other in k.skor["capaian"].items():
            if kd == kode and th != tahun and _ada(other):
                na_options.append((f"{kode} (belum dapat diukur) diberi capaian tahun {th} menurut data ({_p(other)})", {kode: float(other)}))
        for _, row in k.lap.iterrows():
            kk = row["_kunci"]
            q = row["_baca"]
            if kk["jenis"] == "capaian" and kk.get("iku") == kode and int(kk["tahun"]) != tahun and q.angka is not None:
                na_options.append((f"{kode} (belum dapat diukur) diberi nilai {q.teks} yang dicetak untuk tahun {kk['tahun']} "
                                   f"di {row['tabel']}", {kode: q.angka}))
    for (bname, base), (nname, fill), rounding in product(bases, na_options, ("bulat", "potong")):
        vals = base.copy()
        for kode, v in fill.items():
            vals[kode] = v
        m = float(vals.mean())
        if not _ada(m):
            continue
        hit = _cocok(p, m) if rounding == "bulat" else _potong(m, p.desimal) == bulat(p.angka, p.desimal)
        if hit and (bname, nname, rounding) != ("capaian menurut data", "", "bulat"):
            count = int(vals.notna().sum())
            how = [f"rata-rata {count} IKU dari {bname}"]
            if nname:
                how.append(nname)
            if rounding == "potong":
                how.append(f"hasilnya {_f(m, 4)} dipotong, bukan dibulatkan")
            jenis = J_NA if nname else J_RATA
            return Hasil(TIDAK_SESUAI, mean, f"Rata-rata tercetak {p.teks} tidak sama dengan rata-rata capaian {n} IKU terukur "
                         f"({_p(mean)}). Angka tercetak kemungkinan didapat dari {'; '.join(how)}.", jenis, p.angka - mean)
    return Hasil(TIDAK_SESUAI, mean, f"Rata-rata tercetak {p.teks}; rata-rata capaian {n} IKU terukur {_p(mean)}, "
                 f"rata-rata sasaran {_p(sas)}.", J_RATA, p.angka - mean)


def _distribusi(k: _Konteks, tahun: int) -> pd.DataFrame:
    s = k.skor.xs(tahun, level="tahun").reset_index()
    return scoring.distribusi(s, k.pilihan.skala).set_index("kategori")


def _kategori_label(k: _Konteks, teks: str) -> str | None:
    for lab in [*k.pilihan.skala.label, BELUM_TERUKUR]:
        if _sama_kata(lab, teks):
            return lab
    return None


def _cek_jumlah_kategori(k: _Konteks, tabel: str, kunci: dict, p: Tercetak) -> Hasil:
    tahun = int(kunci["tahun"])
    lab = _kategori_label(k, kunci["kategori"])
    if lab is None:
        return Hasil(TIDAK_DAPAT, None, f"'{kunci['kategori']}' bukan kategori skala unit ini.")
    d = _distribusi(k, tahun)
    n, total = int(d.loc[lab, "jumlah"]), int(d["jumlah"].sum())
    na = int(d.loc[BELUM_TERUKUR, "jumlah"])
    measured = total - na
    s = _iku_tahun(k, tahun)
    na_codes = [c for c in s.index if not _ada(s.loc[c, "capaian"])]
    members = na_codes if lab == BELUM_TERUKUR else [c for c in s.index if str(s.loc[c, "kategori"]) == lab]
    rincian = ", ".join(f"{int(d.loc[x, 'jumlah'])} {x}" for x in d.index if int(d.loc[x, "jumlah"]))
    if p.angka is None:
        return Hasil(TIDAK_SESUAI, n, f"Dicetak '{p.teks}'; menurut data {n} IKU {lab}.", J_HITUNG_KATEGORI)
    if kunci["jenis"] == "jumlah_kategori":
        if _cocok(p, n, 0):
            return Hasil(SESUAI, n, f"Sama dengan data: {n} IKU {lab} ({', '.join(members) or '-'}).", selisih=p.angka - n)
        why = f"Menurut data {n} IKU {lab} ({', '.join(members) or '-'}); sebaran: {rincian}."
        if na and _cocok(p, n + na, 0):
            return Hasil(TIDAK_SESUAI, n, f"Tercetak {p.teks} IKU {lab}: IKU yang belum dapat diukur ({', '.join(na_codes)}) "
                         f"ikut dihitung. {why}", J_NA, p.angka - n)
        if _cocok(p, total, 0):
            return Hasil(TIDAK_SESUAI, n, f"Tercetak {p.teks}, yaitu jumlah seluruh IKU, seolah semua IKU {lab}. {why}",
                         J_HITUNG_KATEGORI, p.angka - n)
        return Hasil(TIDAK_SESUAI, n, f"Tercetak {p.teks} IKU {lab}. {why}", J_HITUNG_KATEGORI, p.angka - n)
    pct_all, pct_measured = n * 100 / total, (n * 100 / measured if measured else float("nan"))
    if _cocok(p, pct_all):
        return Hasil(SESUAI, pct_all, f"Sama dengan {n} dari {total} IKU ({_p(pct_all)}).", selisih=p.angka - pct_all)
    if _cocok(p, pct_measured):
        return Hasil(SESUAI, pct_measured, f"Sama dengan {n} dari {measured} IKU terukur ({_p(pct_measured)}).",
                     selisih=p.angka - pct_measured)
    # rounded so that the percents add up to 100, as lakip prints them itself
    tercetak = scoring.persen_tercetak(d.reset_index(), p.desimal).set_index("kategori").loc[lab]
    for kolom, dari in (("persen", f"{total} IKU"), ("persen_terukur", f"{measured} IKU terukur")):
        v = tercetak[kolom]
        if _cocok(p, v):
            return Hasil(SESUAI, v, f"Sama dengan {n} dari {dari} ({_p(v)}), dibulatkan agar persentase semua kategori "
                         "berjumlah 100 %.", selisih=p.angka - v)
    printed_n = [q.angka for t, q in k.tercetak(f"jumlah_kategori/{kunci['kategori']}/{tahun}") if q.angka is not None and t == tabel]
    extra = ""
    for pn in dict.fromkeys(printed_n):
        extra += f" Jumlah yang dicetak ({_f(pn, 0)} IKU) berarti {_p(pn * 100 / total)} dari {total} IKU."
    return Hasil(TIDAK_SESUAI, pct_all, f"Tercetak {p.teks} IKU {lab}; menurut data {n} dari {total} IKU = {_p(pct_all)} "
                 f"({_p(pct_measured)} dari {measured} IKU terukur).{extra}", J_HITUNG_KATEGORI, p.angka - pct_all)


def _cek_jumlah_iku(k: _Konteks, tabel: str, kunci: dict, p: Tercetak) -> Hasil:
    n = len(_iku_tahun(k, int(kunci["tahun"])))
    return _hasil_angka(p, n, f"Sama dengan jumlah IKU di data ({n}).", f"Tercetak {p.teks}; data memuat {n} IKU.", J_HITUNG_KATEGORI)


def _pohon_tabel(k: _Konteks, tabel: str, tahun: int) -> str | None:
    """The budget tree a table's total belongs to: the tree of the other budget keys it prints."""
    rows = k.lap[(k.lap["tabel"] == tabel)]
    for kk in rows["_kunci"]:
        code = kk.get("anggaran")
        if code and code != "jumlah":
            root = k.akar.get((tahun, code))
            if root is not None:
                return str(k._ang[(tahun, root)]["tingkat"])
    return None


def _total(k: _Konteks, tahun: int, pohon: str, kolom: str) -> float:
    tops = [c for (t, c), r in k.akar.items() if t == tahun and r == c and k._ang[(t, c)]["tingkat"] == pohon]
    vals = [k._ang[(tahun, c)][kolom] for c in tops]
    return float("nan") if any(not _ada(v) for v in vals) else float(sum(vals))


def _cek_anggaran(k: _Konteks, tabel: str, kunci: dict, p: Tercetak) -> Hasil:
    jenis, code, tahun = kunci["jenis"], kunci["anggaran"], int(kunci["tahun"])
    kolom = {"pagu": "pagu", "realisasi_anggaran": "realisasi", "serapan": "serapan"}[jenis]
    nama = {"pagu": "Pagu", "realisasi_anggaran": "Realisasi anggaran", "serapan": "Serapan"}[jenis]
    if code == "jumlah":
        pohon = _pohon_tabel(k, tabel, tahun) or "program"
        pagu, real = _total(k, tahun, pohon, "pagu"), _total(k, tahun, pohon, "realisasi")
        x = {"pagu": pagu, "realisasi": real, "serapan": real * 100 / pagu if _ada(real) and pagu else float("nan")}[kolom]
        where = f"jumlah {'program' if pohon == 'program' else 'Bagian'} di anggaran.csv"
        if p.galat:
            return Hasil(TIDAK_SESUAI, x, f"'{p.teks}' {p.galat}; {where} {format_rupiah(x)}.", J_FORMAT)
        if not _ada(x):
            return Hasil(TIDAK_DAPAT, None, f"{nama} {where} tidak dapat dihitung (ada baris tanpa nilai).")
        if _cocok(p, x):
            if kolom == "serapan":
                return Hasil(SESUAI, x, f"Sama dengan realisasi / pagu {where}: {format_rupiah(real)} / {format_rupiah(pagu)} "
                             f"= {_p(x)}.", selisih=p.angka - x)
            return Hasil(SESUAI, x, f"Sama dengan {where}.", selisih=p.angka - x)
        note = ""
        trees = sorted({str(k._ang[(t, r)]["tingkat"]) for (t, _), r in k.akar.items() if t == tahun})
        for other in trees:
            if other != pohon:
                ox = _total(k, tahun, other, "pagu" if kolom == "pagu" else "realisasi")
                if kolom != "serapan" and _cocok(p, ox):
                    note = f" Angka tercetak sama dengan jumlah susunan {other} ({format_rupiah(ox)}), bukan jumlah baris tabel ini."
        show = _p(x) if kolom == "serapan" else format_rupiah(x)
        return Hasil(TIDAK_SESUAI, x, f"{nama} jumlah tercetak {p.teks}, tetapi {where} {show}"
                     f"{'' if kolom == 'serapan' else ' (selisih ' + format_rupiah(p.angka - x) + ')'}.{note}",
                     J_RINCIAN if kolom != "serapan" else J_SERAPAN, p.angka - x if p.angka is not None else None)
    key = (tahun, code)
    if key not in k._ang:
        return Hasil(TIDAK_DAPAT, None, f"Kode anggaran {code} tahun {tahun} tidak ada di anggaran.csv.")
    node = k._ang[key]
    x = node[kolom]
    show = (lambda v: _p(v)) if kolom == "serapan" else format_rupiah
    if p.galat:
        return Hasil(TIDAK_SESUAI, x, f"Angka '{p.teks}' ditulis salah ({p.galat}); nilai di anggaran.csv {show(x)}.", J_FORMAT)
    if not _ada(x):
        kosong = " dan ".join(c for c in ("pagu", "realisasi") if (c == "pagu" or kolom != "pagu") and not _ada(node[c]))
        sebab = f"{kosong} {code} tahun {tahun} kosong di anggaran.csv" if kosong else \
            f"pagu {code} tahun {tahun} di anggaran.csv nol"
        return Hasil(TIDAK_DAPAT, None, f"{nama} {code} tidak dapat diperiksa: {sebab}.")
    if not _cocok(p, x):
        return Hasil(TIDAK_SESUAI, x, f"{nama} tercetak {p.teks}, di anggaran.csv {show(x)}.",
                     J_SERAPAN if kolom == "serapan" else J_ANGGARAN, p.angka - x if p.angka is not None else None)
    children = k.anak.get(key, [])
    if kolom != "serapan" and children:
        vals = [k._ang[(tahun, c)][kolom] for c in children]
        if all(_ada(v) for v in vals):
            s = float(sum(vals))
            if abs(s - x) >= budget.TOLERANSI_RUPIAH:
                grand = [g for c in children for g in k.anak.get((tahun, c), [])]
                gvals = [k._ang[(tahun, g)][kolom] for g in grand]
                note = ""
                if grand and all(_ada(v) for v in gvals) and abs(float(sum(gvals)) - x) < budget.TOLERANSI_RUPIAH:
                    # which child is not the sum of its own children
                    salah = []
                    for c in children:
                        sub = [k._ang[(tahun, g)][kolom] for g in k.anak.get((tahun, c), [])]
                        cv = k._ang[(tahun, c)][kolom]
                        if sub and abs(float(sum(sub)) - cv) >= budget.TOLERANSI_RUPIAH:
                            uraian = str(k._ang[(tahun, c)]["uraian"])
                            salah.append(f"{c} {uraian} ({format_rupiah(cv)}, padahal rinciannya {format_rupiah(float(sum(sub)))})")
                    note = (" Angka induk sama dengan jumlah rincian di bawahnya lagi, jadi selisih berasal dari rincian yang "
                            "tidak sama dengan jumlah rinciannya sendiri" + (": " + "; ".join(salah) if salah else "") + ".")
                return Hasil(TIDAK_SESUAI, s, f"{nama} {code} tercetak {p.teks}, tetapi jumlah {len(children)} rinciannya "
                             f"{format_rupiah(s)} (selisih {format_rupiah(x - s)}).{note}", J_RINCIAN, x - s)
        return Hasil(SESUAI, x, f"Sama dengan anggaran.csv dan dengan jumlah {len(children)} rinciannya.", selisih=p.angka - x)
    if kolom == "serapan":
        return Hasil(SESUAI, x, f"Sama dengan realisasi / pagu = {_p(x)}.", selisih=p.angka - x)
    return Hasil(SESUAI, x, "Sama dengan anggaran.csv.", selisih=p.angka - x)


def _cek_anggaran_iku(k: _Konteks, tabel: str, kunci: dict, p: Tercetak) -> Hasil:
    jenis, kode, tahun = kunci["jenis"], kunci["iku"], int(kunci["tahun"])
    key = (tahun, kode)
    if key not in k._ang_iku:
        return Hasil(TIDAK_DAPAT, None, f"anggaran_iku.csv tidak memuat {kode} tahun {tahun}.")
    pagu, real = float(k._ang_iku[key]["pagu"]), float(k._ang_iku[key]["realisasi"])
    kosong = [nama for nama, v, perlu in (("pagu", pagu, jenis != "realisasi_anggaran_iku"),
                                          ("realisasi", real, jenis != "pagu_iku")) if perlu and not _ada(v)]
    if kosong:
        return Hasil(TIDAK_DAPAT, None, f"Kolom {' dan '.join(kosong)} {kode} tahun {tahun} kosong di anggaran_iku.csv.")
    if jenis == "serapan_iku":
        if not pagu:
            return Hasil(TIDAK_DAPAT, None, f"Pagu {kode} tahun {tahun} di anggaran_iku.csv nol; capaian anggaran tidak dapat dihitung.")
        x = real * 100 / pagu
        return _hasil_angka(p, x, f"Sama dengan realisasi / pagu = {_p(x)}.",
                            f"Capaian anggaran tercetak {p.teks}; realisasi / pagu = {_p(x)}.", J_SERAPAN)
    x = pagu if jenis == "pagu_iku" else real
    if p.galat:
        return Hasil(TIDAK_SESUAI, x, f"'{p.teks}' {p.galat}; anggaran_iku.csv {format_rupiah(x)}.", J_FORMAT)
    return _hasil_angka(p, x, "Sama dengan anggaran_iku.csv.",
                        f"Tercetak {p.teks}, di anggaran_iku.csv {format_rupiah(x)}.", J_ANGGARAN)


def _cocok_efisiensi(p: Tercetak, v: float, metode: str) -> bool:
    """A printed efficiency against method ``metode``'s value; a ratio may be printed as a percent (87,78 % for 0,8778)."""
    return _cocok(p, v) or (metode == "rasio" and p.persen and _cocok(p, v * 100))


def _cek_efisiensi(k: _Konteks, tabel: str, kunci: dict, p: Tercetak) -> Hasil:
    kode, tahun = kunci["iku"], int(kunci["tahun"])
    key = (tahun, kode)
    ck = k.capaian(kode, tahun)
    ca = float("nan")
    if key in k._ang_iku:
        pagu, real = float(k._ang_iku[key]["pagu"]), float(k._ang_iku[key]["realisasi"])
        ca = real * 100 / pagu if pagu and _ada(real) else float("nan")
    metode = k.pilihan.metode_efisiensi
    nilai = {m: float(efficiency.nilai_efisiensi(np.array([ck]), np.array([ca]), m)[0][0]) for m in efficiency.METODE_EFISIENSI}
    x = nilai[metode]
    if _ada(ck) and not _ada(ca):
        why = (f"anggaran_iku.csv tidak memuat {kode} tahun {tahun}" if key not in k._ang_iku
               else f"pagu atau realisasi {kode} tahun {tahun} di anggaran_iku.csv kosong atau nol")
        return Hasil(TIDAK_DAPAT, None, f"Efisiensi tidak dapat dihitung: {why}.")
    if p.nilai is None and not p.galat:
        ok = not _ada(x)
        return Hasil(SESUAI if ok else TIDAK_SESUAI, x if _ada(x) else None,
                     "Efisiensi tidak dapat dihitung karena capaian kinerja belum dapat diukur, sama dengan tabel."
                     if ok else f"Dicetak N/A, padahal efisiensi ({metode}) {_f(x)}.", "" if ok else J_EFISIENSI)
    if p.angka is None:
        return Hasil(TIDAK_SESUAI, x, f"Dicetak '{p.teks}'; efisiensi ({metode}) {_f(x)}.", J_FORMAT if p.galat else J_EFISIENSI)
    if not _ada(x):
        return Hasil(TIDAK_SESUAI, None, f"Dicetak {p.teks}, padahal capaian kinerja atau anggaran belum tersedia.", J_EFISIENSI)
    nama = {"rasio": "rasio", "selisih": "selisih", "pmk249": "PMK 249/2011"}
    if _cocok_efisiensi(p, x, metode):
        persen = not _cocok(p, x)  # a ratio printed as a percent
        sebagai = f" = {_p(x * 100)}, ditulis sebagai persen" if persen else ""
        return Hasil(SESUAI, x, f"Sama dengan metode {nama[metode]}: {_f(ck)} % / {_f(ca)} % = {_f(x, 4)}{sebagai}.",
                     selisih=(p.angka / 100 if persen else p.angka) - x)
    # the table's own capaian (perhaps against another target) and serapan
    cp, sp = k.tercetak_di(tabel, f"capaian/{kode}/{tahun}"), k.tercetak_di(tabel, f"serapan_iku/{kode}/{tahun}")
    sources = [("capaian menurut data", ck, ca)]
    if cp is not None and cp.angka is not None and sp is not None and sp.angka is not None:
        sources.append((f"capaian yang dicetak di {tabel} ({cp.teks} dan {sp.teks})", cp.angka, sp.angka))
    for sname, a, b in sources:
        for m in efficiency.METODE_EFISIENSI:
            v = float(efficiency.nilai_efisiensi(np.array([a]), np.array([b]), m)[0][0])
            if _cocok_efisiensi(p, v, m) and (sname, m) != ("capaian menurut data", metode):
                return Hasil(TIDAK_SESUAI, x, f"Nilai {p.teks} sama dengan metode {nama[m]} dari {sname} ({_f(v, 4)}); "
                             f"unit ini memakai metode {nama[metode]} dengan capaian menurut data: {_f(x, 4)}.",
                             J_EFISIENSI, p.angka - x)
    unit = {"rasio": "", "selisih": " pp", "pmk249": " %"}
    listing = ", ".join(f"{nama[m]} {_f(v, 2)}{unit[m]}" for m, v in nilai.items())
    return Hasil(TIDAK_SESUAI, x, f"Tidak ada metode yang menghasilkan {p.teks}: {listing} "
                 f"(capaian kinerja {_p(ck)}, capaian anggaran {_p(ca)}).", J_EFISIENSI, p.angka - x)


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


def _cek_perubahan(k: _Konteks, tabel: str, kunci: dict, p: Tercetak) -> Hasil:
    kode, tahun = kunci["iku"], int(kunci["tahun"])
    now, before = k.capaian(kode, tahun), k.capaian(kode, tahun - 1)
    if not (_ada(now) and _ada(before)):
        return Hasil(TIDAK_DAPAT, None, f"Capaian {kode} tahun {tahun} atau {tahun - 1} belum dapat diukur.")
    x = now - before
    if p.angka is None:
        why = f" ({p.galat})" if p.galat else ""
        return Hasil(TIDAK_SESUAI, x, f"Dicetak '{p.teks}'{why}; perubahan menurut data {_f(x)} pp.", J_FORMAT if p.galat else J_PERUBAHAN)
    value, q = p.angka, p
    unit_note = " Perubahan capaian seharusnya ditulis dalam poin persentase (pp), bukan %." if p.persen else ""
    if value > 0 and x < 0 and not p.kata and not p.teks.lstrip().startswith("+"):
        unit_note += (" Angka dicetak tanpa tanda atau kata arah, jadi dibaca sebagai kenaikan; bila laporan menyebutnya"
                      f" penurunan, tulis nilainya seperti 'penurunan {p.teks}'.")
    if _cocok(q, x):
        return Hasil(SESUAI, x, f"Sama dengan perubahan menurut data ({_f(x)} pp).{unit_note}", selisih=value - x)
    for t, a in k.tercetak(f"capaian/{kode}/{tahun}"):
        for t2, b in k.tercetak(f"capaian/{kode}/{tahun - 1}"):
            if a.angka is not None and b.angka is not None and _cocok(q, a.angka - b.angka):
                return Hasil(TIDAK_SESUAI, x, f"Perubahan tercetak {p.teks} dihitung dari capaian yang sudah dibulatkan "
                             f"({a.teks} di {t} dan {b.teks} di {t2}); menurut data {_p(now)} - {_p(before)} = {_f(x)} pp."
                             f"{unit_note}", J_PERUBAHAN, value - x)
    return Hasil(TIDAK_SESUAI, x, f"Perubahan tercetak {p.teks}; menurut data {_f(x)} pp ({_p(now)} - {_p(before)}).{unit_note}",
                 J_PERUBAHAN, value - x)


def _data_rumus(k: _Konteks, kode: str, tahun: int, name: str) -> Any:
    """The data's realisasi or target of an IKU and year, as a formula uses it: the number of an
    angka or rentang realisasi, the word or level of the others (``BB``, ``9/9``); None if missing."""
    row = k.iku(kode, tahun)
    if row is None or name not in ("realisasi", "target"):
        return None
    if row["jenis"] == "angka" or (row["jenis"] == "rentang" and name == "realisasi"):
        v = row[f"{name}_nilai"]
        return float(v) if _ada(v) else None
    return None if is_kosong(row[name]) else " ".join(str(row[name]).split())


def _hitung_rumus(eq: Any, values: dict[str, Any]) -> Any:
    """The right-hand side with ``values``; None where it cannot be computed (a word where a number is
    needed, a division by zero, a score off its scale)."""
    try:
        return hitung(eq.kanan, values)
    except (ZeroDivisionError, TypeError, ValueError):
        return None


def _sama_nilai(hasil: Any, acuan: Any, desimal: int = 2) -> bool:
    """A computed value against a reference: words as words, numbers at ``desimal`` decimals."""
    if hasil is None or acuan is None:
        return False
    if isinstance(hasil, str) or isinstance(acuan, str):
        return _sama_kata(str(hasil), str(acuan))
    return _cocok(Tercetak("", float(acuan), desimal), float(hasil))


def _teks_nilai(x: Any, name: str = "") -> str:
    if isinstance(x, str):
        return x
    return _f(float(x), 0 if float(x) == int(float(x)) else 2)


def _rincian(values: dict[str, Any], tercetak: dict[str, Any] | None = None) -> str:
    """``a 1, b 2``; a value computed from its own parts in place of the one printed says so."""
    tercetak = tercetak or {}
    return ", ".join(f"{n} {_teks_nilai(v)}" + (f" menurut rinciannya (tercetak {_teks_nilai(tercetak[n])})" if n in tercetak else "")
                     for n, v in sorted(values.items()))


@dataclass
class _Instansi:
    """One equation evaluated with one choice of figures: the printed parts (each from some table) and,
    for a realisasi or target, the data's value (the reference; a printed one may itself be wrong)."""

    eq: Any
    angka: dict[tuple[str, str], Tercetak]  # (tabel, name) -> the printed figure used
    nilai: dict[str, Any]
    hasil: Any  # what the right-hand side gives, or None
    kiri: Any  # the left side's value
    berlaku: bool
    galat: str = ""  # why it cannot be computed (a division by zero, a score off its scale)

    def teks(self, tabel: str) -> str:
        tables = sorted({t for t, _ in self.angka}, key=lambda t: (t == tabel, t))
        nama = ["tabel ini" if t == tabel else t for t in tables]
        where = "di " + (nama[0] if len(nama) == 1 else ", ".join(nama[:-1]) + " dan " + nama[-1])
        kiri_data = self.eq.kiri in ("realisasi", "target") and not any(n == self.eq.kiri for _, n in self.angka)
        acuan = (f"{self.eq.kiri} menurut data ({_teks_nilai(self.kiri)})" if kiri_data
                 else f"{self.eq.kiri} yang dicetak ({_teks_nilai(self.kiri)})")
        rincian = _rincian({n: v for n, v in self.nilai.items() if n != self.eq.kiri})
        if self.galat:
            return f"Rumus {self.eq.teks} dengan angka {where} ({rincian}) tidak dapat dihitung: {self.galat}"
        hasil = _teks_nilai(self.hasil) if isinstance(self.hasil, str) or float(self.hasil) == int(float(self.hasil)) \
            else _f(float(self.hasil), 2)
        if self.berlaku:
            return f"Rumus {self.eq.teks} dengan angka {where} ({rincian}) memberi {hasil}, sama dengan {acuan}"
        return f"Rumus {self.eq.teks} dengan angka {where} ({rincian}) memberi {hasil}, bukan {acuan}"


def _instansi_rumus(k: _Konteks, kode: str, tahun: int) -> list[_Instansi]:
    """Every equation of the IKU evaluated with every choice of the figures printed for its names."""
    eqs = list(k.ind.loc[kode, "persamaan"]) if kode in k.ind.index else []
    awal = f"komponen/{kode}/{tahun}/"
    cetak: dict[str, list[tuple[str, Tercetak]]] = {}
    for t, kk, q in zip(k.lap["tabel"], k.lap["kunci"], k.lap["_baca"]):
        if kk.startswith(awal) and q.nilai is not None:
            nama = kk[len(awal):]
            if all(t != t2 for t2, _ in cetak.get(nama, [])):
                cetak.setdefault(nama, []).append((t, q))
    out: list[_Instansi] = []
    for eq in eqs:
        names = sorted(eq.nama | {eq.kiri})
        pilihan = []
        for n in names:
            data = _data_rumus(k, kode, tahun, n) if n in ("realisasi", "target") and n not in cetak else None
            pilihan.append([(None, data)] if data is not None else [(t, q) for t, q in cetak.get(n, [])])
        if any(not p for p in pilihan):
            continue
        for combo in product(*pilihan):
            if len(out) > 2000:  # a formula printed in very many tables: enough to judge it
                break
            angka = {(t, n): q for n, (t, q) in zip(names, combo) if t is not None}
            nilai = {n: (q.nilai if t is not None else q) for n, (t, q) in zip(names, combo)}
            kiri = nilai[eq.kiri]
            try:
                hasil = hitung(eq.kanan, {n: v for n, v in nilai.items() if n in eq.nama})
            except ZeroDivisionError:
                out.append(_Instansi(eq, angka, nilai, None, kiri, False, "pembagian dengan nol"))
                continue
            except ValueError as e:  # a score off its scale
                out.append(_Instansi(eq, angka, nilai, None, kiri, False, str(e)))
                continue
            except TypeError:  # a word where a number is needed
                out.append(_Instansi(eq, angka, nilai, None, kiri, False, "ada kata atau level di tempat angka"))
                continue
            if (None, eq.kiri) in [(t, n) for t, n in angka] or eq.kiri not in {n for _, n in angka}:
                # the left side is the data's: compared at the decimals the realisasi/target is printed with
                q = next((k.tercetak_di(t, f"{eq.kiri}/{kode}/{tahun}") for t, _ in angka
                          if k.tercetak_di(t, f"{eq.kiri}/{kode}/{tahun}") is not None), None)
                d = q.desimal if q is not None and q.angka is not None else 2
                berlaku = _sama_nilai(hasil, kiri, max(d, 0))
            else:
                q = next(q for (t, n), q in angka.items() if n == eq.kiri)
                berlaku = _sama_kata(str(q.nilai), str(hasil)) if isinstance(hasil, str) or q.angka is None else _cocok(q, hasil)
            out.append(_Instansi(eq, angka, nilai, hasil, kiri, berlaku))
    return out


def _desimal_data(k: _Konteks, kode: str, tahun: int, name: str) -> int:
    """The decimals the data's realisasi or target is written with (``85,83`` -> 2): the precision to compare at."""
    row = k.iku(kode, tahun)
    return _desimal(str(row[name])) if row is not None and name in ("realisasi", "target") else 2


def _konsisten(k: _Konteks, kode: str, tahun: int, eqs: list, angka: dict[tuple[str, str], Tercetak],
               curiga: frozenset) -> bool:
    """Whether every equation can hold when the figures in ``curiga`` are taken as wrong (unknown).

    Each name takes the one value its other printed figures agree on (two different values: not
    consistent), the data's realisasi or target, or, when all its figures are suspect, what its own
    equation gives. A printed value its own equation gives more precisely (0,86 for 0,8583) is
    replaced by that value. An equation with a name still unknown can be made to hold."""
    nilai: dict[str, Any] = {}
    tercetak: dict[str, Tercetak] = {}
    for (t, n), q in angka.items():
        if (t, n) in curiga:
            continue
        if n in nilai and str(nilai[n]) != str(q.nilai) and not (
                q.angka is not None and _ada(nilai[n]) and not isinstance(nilai[n], str) and _cocok(q, nilai[n])):
            return False
        nilai.setdefault(n, q.nilai)
        tercetak.setdefault(n, q)
    acuan = {}
    for n in ("realisasi", "target"):
        data = _data_rumus(k, kode, tahun, n)
        if data is not None and n not in nilai:
            nilai[n], acuan[n] = data, data
    for _ in range(len(eqs) + 1):  # what the equations give, until nothing changes
        berubah = False
        for eq in eqs:
            if not eq.nama <= set(nilai):
                continue
            hasil = _hitung_rumus(eq, {n: nilai[n] for n in eq.nama})
            if hasil is None:
                continue
            if eq.kiri not in nilai:
                nilai[eq.kiri], berubah = hasil, True
            elif eq.kiri in tercetak and not isinstance(hasil, str) and tercetak[eq.kiri].angka is not None \
                    and _cocok(tercetak[eq.kiri], hasil) and nilai[eq.kiri] != hasil:
                nilai[eq.kiri], berubah = hasil, True  # the printed value is this one, rounded
        if not berubah:
            break
    for eq in eqs:
        if not (eq.nama | {eq.kiri}) <= set(nilai):
            continue
        try:
            hasil = hitung(eq.kanan, {n: nilai[n] for n in eq.nama})
        except (ZeroDivisionError, TypeError, ValueError):
            return False
        kiri = nilai[eq.kiri]
        if eq.kiri in acuan:
            ok = _sama_nilai(hasil, kiri, _desimal_data(k, kode, tahun, eq.kiri))
        elif eq.kiri in tercetak and not isinstance(hasil, str) and tercetak[eq.kiri].angka is not None:
            ok = _cocok(tercetak[eq.kiri], hasil)
        else:
            ok = _sama_nilai(hasil, kiri, 4)
        if not ok:
            return False
    return True


def _diagnosis_terkecil(k: _Konteks, kode: str, tahun: int, eqs: list,
                        angka: dict[tuple[str, str], Tercetak]) -> list[frozenset]:
    """The smallest sets of printed figures that, taken as wrong, let every equation hold."""
    semua = sorted(angka)
    if len(semua) > 14:  # too many to search: judged one equation at a time (every figure of a failing one)
        return []
    for n in range(0, len(semua) + 1):
        found = [frozenset(c) for c in combinations(semua, n) if _konsisten(k, kode, tahun, eqs, angka, frozenset(c))]
        if found:
            return found
    return []


def _diagnosis_rumus(k: _Konteks, kode: str, tahun: int) -> dict[tuple[str, str], Hasil]:
    """The verdict on every printed formula part of an IKU and year, from all its equations together.

    Each equation is evaluated with every choice of printed figures (realisasi
    and target from the data, the reference). A figure in an equation that
    holds is sesuai. The equations that fail are conflicts: one of their
    figures not already confirmed is wrong. The smallest sets of figures that
    explain every conflict decide: a figure in each of them is tidak sesuai; in
    some of them, one of several that cannot be told apart (tidak sesuai, the
    others named); in none, it is sesuai (the failure is another figure's).
    """
    key = (kode, tahun)
    if key in k._diagnosis:
        return k._diagnosis[key]
    inst = _instansi_rumus(k, kode, tahun)
    benar = {f for i in inst if i.berlaku for f in i.angka}
    eqs = list(k.ind.loc[kode, "persamaan"]) if kode in k.ind.index else []
    angka = {f: q for i in inst for f, q in i.angka.items()}
    himpunan = _diagnosis_terkecil(k, kode, tahun, eqs, angka)
    if not himpunan:  # not searched: every figure of a failing equation that no holding one confirms
        himpunan = [frozenset(f for i in inst if not i.berlaku for f in i.angka if f not in benar)]
    pasti = frozenset.intersection(*himpunan) if himpunan else frozenset()
    mungkin = frozenset().union(*himpunan) if himpunan else frozenset()
    out: dict[tuple[str, str], Hasil] = {}

    for f in {f for i in inst for f in i.angka}:
        tabel, nama = f
        sendiri = [i for i in inst if f in i.angka]
        # the most telling first: its own table alone, its own equation (it on the left), fewest figures
        urut = sorted(sendiri, key=lambda i: (set(t for t, _ in i.angka) != {tabel}, i.eq.kiri != nama, len(i.angka)))
        if f in benar and f not in mungkin:
            i = next(i for i in urut if i.berlaku)
            out[f] = Hasil(SESUAI, i.hasil, i.teks(tabel) + ".")
        elif f in mungkin:
            gagal = [i for i in urut if not i.berlaku]
            if not gagal:  # its equations hold, but another table prints it otherwise, and that one is right
                out[f] = Hasil(TIDAK_SESUAI, None, f"Nilai {nama} ini tidak sama dengan yang dicetak di tabel lain, dan "
                               "hanya dengan memperbaikinya semua rumus terpenuhi.", J_ANTAR_TABEL)
                continue
            i = gagal[0]
            if f in pasti:
                lain = [n for t, n in i.angka if (t, n) != f]
                ujung = (" Angka lain rumus ini sesuai, jadi angka ini yang salah." if all((t, n) in benar for t, n in i.angka
                                                                                      if (t, n) != f) and lain else
                         " Angka ini termasuk yang harus diperbaiki agar semua rumus terpenuhi.")
            else:
                calon = sorted({n if t == tabel else f"{n} di {t}" for h in himpunan for t, n in h
                                if any((t, n) in i.angka for i in gagal)}) or [nama]
                ujung = f" Salah satu dari {_daftar_kata(calon)} salah; angka yang dicetak tidak menunjukkan yang mana."
            out[f] = Hasil(TIDAK_SESUAI, None if isinstance(i.hasil, str) else i.hasil, i.teks(tabel) + "." + ujung,
                           J_KOMPONEN)
        else:  # its equations fail, but the fewest wrong figures that explain every failure do not include it
            i = next((i for i in urut if not i.berlaku), urut[0])
            salah = sorted({n if t == tabel else f"{n} di {t}" for t, n in pasti}) or \
                sorted({n if t == tabel else f"{n} di {t}" for t, n in mungkin})
            if f in benar:  # and the failing one is a mix of tables or of rounded figures
                i = next(i for i in urut if i.berlaku)
                out[f] = Hasil(SESUAI, i.hasil, i.teks(tabel) + ".")
                continue
            sebab = f"dijelaskan oleh {_daftar_kata(salah)} yang tidak sesuai" if salah else "hanya karena pembulatan angka yang dicetak"
            out[f] = Hasil(SESUAI, i.angka[f].nilai, f"{i.teks(tabel)}; selisih ini {sebab}, jadi angka ini "
                           "sendiri sesuai.")
    k._diagnosis[key] = out
    return out


def _daftar_kata(items: list[str]) -> str:
    """``a``, ``a atau b``, ``a, b atau c``."""
    return ", ".join(items[:-1]) + " atau " + items[-1] if len(items) > 1 else "".join(items)


def _cek_komponen(k: _Konteks, tabel: str, kunci: dict, p: Tercetak) -> Hasil:
    """A part of an IKU's formula (``rumus_komponen``), judged with all the equations of the IKU and all
    the parts printed for them (:func:`_diagnosis_rumus`). The same part printed with another value
    elsewhere is named; it alone decides only where no equation can be evaluated."""
    kode, tahun, nama = kunci["iku"], int(kunci["tahun"]), kunci["nama"]
    lain = [(t, q) for t, q in k.tercetak(f"komponen/{kode}/{tahun}/{nama}") if t != tabel]
    beda = [(t, q) for t, q in lain if str(q.nilai) != str(p.nilai)]
    agreed = [t for t, q in lain if str(q.nilai) == str(p.nilai)]
    catatan_beda = "".join(f" Di {t} komponen ini dicetak {q.teks}." for t, q in beda)
    res = _diagnosis_rumus(k, kode, tahun).get((tabel, nama))
    if res is not None:
        extra = f" Sama dengan nilai yang dicetak di {', '.join(agreed)}." if agreed and res.status == SESUAI else ""
        return Hasil(res.status, res.nilai_hitung, res.penjelasan + extra + catatan_beda, res.jenis, res.selisih)
    if beda:
        t, q = beda[0]
        return Hasil(TIDAK_SESUAI, q.nilai, f"Komponen {nama} dicetak {p.teks} di sini tetapi {q.teks} di {t}.", J_ANTAR_TABEL)
    if agreed:
        return Hasil(SESUAI, p.nilai, f"Sama dengan nilai yang dicetak di {', '.join(agreed)}.")
    eqs = list(k.ind.loc[kode, "persamaan"]) if kode in k.ind.index else []
    used = [eq for eq in eqs if nama in eq.nama or eq.kiri == nama]
    if used:
        kosong = sorted({n for eq in used for n in eq.nama | {eq.kiri}
                         if not k.tercetak(f"komponen/{kode}/{tahun}/{n}")
                         and not (n in ("realisasi", "target") and _data_rumus(k, kode, tahun, n) is not None)})
        sebab = (f"{', '.join(kosong)} tidak dicetak" + (" dan tidak ada di data" if set(kosong) & {"realisasi", "target"} else "")
                 if kosong else "rumusnya tidak dapat dihitung")
        return Hasil(TIDAK_DAPAT, None, f"Angka ini bagian dari rumus {'; '.join(eq.teks for eq in used)}, tetapi {sebab}.")
    return Hasil(TIDAK_DAPAT, None, "Tidak ada rumus komponen atau tabel lain untuk membandingkan angka ini.")


def _cek_realisasi_rumus(k: _Konteks, tabel: str, kunci: dict, p: Tercetak, res: Hasil) -> Hasil:
    """A printed realisasi that equals the data, against its formula over the parts printed in the same table.

    The realisasi stays "sesuai": where the parts do not give it, the parts are
    wrong, and their own findings say so; this one says where to look.
    """
    kode, tahun = kunci["iku"], int(kunci["tahun"])
    if kode not in k.ind.index:
        return res
    for eq in k.ind.loc[kode, "persamaan"]:
        if eq.kiri != "realisasi":
            continue
        values = {}
        for name in eq.nama:
            q = k.tercetak_di(tabel, f"komponen/{kode}/{tahun}/{name}")
            values[name] = None if q is None else q.nilai
        if not values or any(v is None for v in values.values()):
            continue
        want = _hitung_rumus(eq, values)
        if want is None:
            continue
        shown = _teks_nilai(want) if isinstance(want, str) or p.angka is None else \
            (_p(want, max(p.desimal, 0)) if p.persen else _f(want, max(p.desimal, 0)))
        if _sama_nilai(want, p.nilai if p.angka is None else p.angka, max(p.desimal, 0)):
            res.penjelasan += f" Rumus {eq.teks} dengan {_rincian(values)} (tabel ini) memberi {shown}."
        else:
            res.penjelasan += (f" Namun rumus {eq.teks} dengan angka di tabel ini ({_rincian(values)}) memberi {shown}: "
                               "komponen yang dicetak di tabel ini tidak konsisten (lihat temuan komponennya).")
    return res


_CEK: dict[str, Callable[..., Hasil]] = {
    "target": _cek_target_realisasi,
    "realisasi": _cek_target_realisasi,
    "capaian": _cek_capaian,
    "kategori": _cek_kategori,
    "capaian_sasaran": _cek_sasaran,
    "kategori_sasaran": _cek_sasaran,
    "rata_rata": _cek_rata_rata,
    "jumlah_iku": _cek_jumlah_iku,
    "jumlah_kategori": _cek_jumlah_kategori,
    "persen_kategori": _cek_jumlah_kategori,
    "pagu": _cek_anggaran,
    "realisasi_anggaran": _cek_anggaran,
    "serapan": _cek_anggaran,
    "pagu_iku": _cek_anggaran_iku,
    "realisasi_anggaran_iku": _cek_anggaran_iku,
    "serapan_iku": _cek_anggaran_iku,
    "efisiensi": _cek_efisiensi,
    "komponen": _cek_komponen,
}


def _kalimat(teks: str) -> str:
    teks = teks.strip()
    return teks[:1].upper() + teks[1:]


def _nilai_csv(x: Any) -> Any:
    if isinstance(x, (float, np.floating)):
        return float("nan") if math.isnan(x) else float(x)
    if isinstance(x, (np.integer,)):
        return int(x)
    return x


def reviu(unit: Unit, tahun: int) -> pd.DataFrame:
    """Audit every figure of ``laporan.csv`` printed in the report of ``tahun``.

    Returns one row per printed figure, in the order of laporan.csv, with
    the columns of :data:`KOLOM_REVIU`; ``nilai_hitung`` and ``selisih``
    (printed minus computed) are exact numbers where the figure is a number.
    """
    k = _Konteks(unit, tahun)
    rows = []
    for _, row in k.lap.iterrows():
        kunci, p = row["_kunci"], row["_baca"]
        jenis = kunci["jenis"]
        if jenis == "perubahan_pp":
            p = baca_perubahan(row["nilai"])
            res = _cek_perubahan(k, row["tabel"], kunci, p)
        else:
            res = _CEK[jenis](k, row["tabel"], kunci, p)
        if jenis == "realisasi" and res.status == SESUAI:
            res = _cek_realisasi_rumus(k, row["tabel"], kunci, p, res)
        if p.galat and res.jenis != J_FORMAT:
            res = Hasil(TIDAK_SESUAI, res.nilai_hitung, f"Angka '{p.teks}' ditulis salah ({p.galat}). {res.penjelasan}", J_FORMAT)
        if res.selisih is None and p.angka is not None and isinstance(res.nilai_hitung, (int, float, np.number)) \
                and _ada(float(res.nilai_hitung)):
            res.selisih = p.angka - float(res.nilai_hitung)
        rows.append({
            "tabel": row["tabel"], "kunci": row["kunci"], "nilai_laporan": row["nilai"],
            "nilai_hitung": _nilai_csv(res.nilai_hitung),
            "selisih": _nilai_csv(res.selisih),
            "status": res.status, "penjelasan": _kalimat(res.penjelasan), "jenis": res.jenis,
        })
    return pd.DataFrame(rows, columns=KOLOM_REVIU)


def ringkasan_reviu(temuan: pd.DataFrame) -> dict[str, Any]:
    """Counts per status, per kind of error and per table."""
    bad = temuan[temuan["status"] == TIDAK_SESUAI]
    per_tabel = (
        temuan.groupby("tabel", sort=False)["status"].value_counts().unstack(fill_value=0)
        .reindex(columns=[SESUAI, TIDAK_SESUAI, TIDAK_DAPAT], fill_value=0)
    )
    return {
        "jumlah_angka": int(len(temuan)),
        "per_status": {s: int((temuan["status"] == s).sum()) for s in (SESUAI, TIDAK_SESUAI, TIDAK_DAPAT)},
        "per_jenis": {j: int(n) for j, n in bad["jenis"].value_counts().sort_index().items()},
        "per_tabel": {t: {c: int(v) for c, v in r.items()} for t, r in per_tabel.iterrows()},
    }
