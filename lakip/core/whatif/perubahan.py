"""The changes of a what-if study: read them (``KODE:KOLOM=NILAI``, a mapping, a YAML text)
and apply them to a copy of a unit.

A change (:class:`Perubahan`) names a column (``realisasi``, ``target``,
``pagu`` or ``realisasi_anggaran``), a code (an IKU, or for the budget
columns a node of ``anggaran.csv``) and a value written as the data files
write it (``90,5``, ``9/9``, ``Tinggi``, ``N/A``, ``50.000.000.000``) or a
number. Values are read with the loader's rules for that IKU's jenis
(:func:`lakip.core.vocabulary.baca_nilai`), so a scenario accepts exactly
what a data file would.
"""

from __future__ import annotations

import copy
import dataclasses
from decimal import Decimal
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from lakip.core.budget import leluhur
from lakip.core.model import PilihanError, Unit, daftar_masalah, tahun_akhir
from lakip.core.numbers import BATAS_ANGKA, AngkaError, format_angka_terbaca, is_kosong, parse_angka, parse_level, tidak_ada
from lakip.core.skema import Atau, Daftar, Peta, Pilih, Teks, periksa
from lakip.core.tables import cek_tahun
from lakip.core.teks import cuplik
from lakip.core.vocabulary import baca_nilai
from lakip.core.yaml_ketat import YamlError, baca_yaml, jalur_teks

__all__ = ["KOLOM_PERUBAHAN", "SKEMA_PERUBAHAN", "TOL", "PerubahanError", "Perubahan", "angka_teks", "baca_perubahan", "perubahan_dari_yaml",
           "daftar_perubahan", "tampil_nilai", "baca_kinerja", "tanpa_baris", "terapkan_dengan_catatan", "terapkan"]


KOLOM_PERUBAHAN = ("realisasi", "target", "pagu", "realisasi_anggaran")
TOL = 1e-9


class PerubahanError(PilihanError, ValueError):
    """A change (or a what-if question) that does not fit the data; the message names it."""


def angka_teks(x: float, desimal: int = 4) -> str:
    """A number the Indonesian way with at most ``desimal`` decimals, as a change can be written again."""
    return format_angka_terbaca(x, desimal)


def _asli(nilai: object) -> str:
    if isinstance(nilai, bool):
        return str(nilai)
    if isinstance(nilai, (int, float, np.integer, np.floating)):
        if tidak_ada(nilai):
            return "N/A"
        if not abs(nilai) <= BATAS_ANGKA:  # beyond the data's range (refused when read): quoted, never formatted
            besar = Decimal(int(nilai)).normalize() if isinstance(nilai, (int, np.integer)) else float(nilai)
            return cuplik(format(besar, ".6g"), 60)
        return angka_teks(float(nilai), 10)
    return "" if nilai is None else cuplik(nilai)


@dataclass(frozen=True)
class Perubahan:
    """One change of a scenario: set ``kolom`` of ``kode`` (in the scenario's year) to ``nilai``."""

    kolom: str
    kode: str
    nilai: object
    #: Where the change was written, for its messages (``skenario.yml baris 3``); empty for the command line.
    asal: str = field(default="", compare=False)

    @property
    def sebut(self) -> str:
        """The change as a message names it: where it was written, then ``perubahan 'KODE:KOLOM=NILAI'``."""
        return f"{self.asal}: perubahan '{self}'" if self.asal else f"perubahan '{self}'"

    def __post_init__(self) -> None:
        object.__setattr__(self, "kolom", str(self.kolom).strip().lower())
        object.__setattr__(self, "kode", str(self.kode).strip())
        if self.kolom not in KOLOM_PERUBAHAN:
            raise PerubahanError(f"{self.sebut}: kolom '{self.kolom}' tidak dikenal "
                                 f"(pilih dari: {', '.join(KOLOM_PERUBAHAN)})")
        if not self.kode:
            raise PerubahanError(f"{self.sebut}: kode wajib diisi")
        if isinstance(self.nilai, (int, float)) and not isinstance(self.nilai, bool):
            try:  # a number beyond the data's range is refused here, before anything formats or converts it
                parse_angka(self.nilai)
            except AngkaError as e:
                raise PerubahanError(f"{self.sebut}: {e}") from None

    def __str__(self) -> str:
        return f"{self.kode}:{self.kolom}={_asli(self.nilai)}"

    @classmethod
    def dari(cls, obj: object) -> "Perubahan":
        """A change from a :class:`Perubahan`, a mapping (kolom, kode, nilai) or a text ``KODE:KOLOM=NILAI``."""
        if isinstance(obj, Perubahan):
            return obj
        if isinstance(obj, str):
            return baca_perubahan(obj)
        if isinstance(obj, dict):
            keys = {str(k).strip().lower(): v for k, v in obj.items()}
            missing = [k for k in ("kolom", "kode", "nilai") if k not in keys]
            unknown = sorted(set(keys) - {"kolom", "kode", "nilai"})
            if missing or unknown:
                why = f"kunci wajib tidak ada: {', '.join(missing)}" if missing else f"kunci tidak dikenal: {', '.join(unknown)}"
                raise PerubahanError(f"perubahan {cuplik(dict(obj))}: {why} (tulis kolom, kode dan nilai; di YAML, "
                                     f"nilai yang berisi koma di dalam {{...}} perlu tanda kutip, mis. nilai: \"90,5\")")
            return cls(keys["kolom"], keys["kode"], keys["nilai"])
        raise PerubahanError(f"perubahan {cuplik(repr(obj))}: tulis sebagai kolom/kode/nilai atau KODE:KOLOM=NILAI")


def baca_perubahan(teks: str) -> Perubahan:
    """Read a change written ``KODE:KOLOM=NILAI`` (``IKU-7:realisasi=80``, ``P1:pagu=50.000.000.000``)."""
    kode, sep, rest = str(teks).partition(":")
    kolom, sep2, nilai = rest.partition("=")
    if not (sep and sep2 and kode.strip() and kolom.strip()):
        raise PerubahanError(f"perubahan '{teks}': tulis KODE:KOLOM=NILAI, mis. IKU-7:realisasi=80")
    return Perubahan(kolom, kode, nilai.strip())


#: A change in a scenario file: a text ``KODE:KOLOM=NILAI`` or a mapping {kolom, kode, nilai} (all text:
#: the file is read with every value as text).
_SKEMA_SATU = Atau((Teks(wajib_isi=True, kosong_boleh=False),
                    Peta(wajib={"kolom": Pilih(KOLOM_PERUBAHAN, kosong_boleh=False), "kode": Teks(wajib_isi=True),
                                "nilai": Teks(kosong_boleh=False)})))

#: A scenario file (``lakip skenario --file``): a list of changes, or a mapping whose ``perubahan`` is that list.
SKEMA_PERUBAHAN = Atau((Daftar(_SKEMA_SATU), Peta(wajib={"perubahan": Atau((
    Daftar(_SKEMA_SATU), Pilih(("",), pesan="harus berupa daftar perubahan (kolom, kode, nilai), atau kosong")))})))


def perubahan_dari_yaml(teks: str, nama: str = "berkas skenario") -> list[Perubahan]:
    """The changes of a YAML text: a list of changes, or a mapping with the key ``perubahan``.

    Every value is read as text (``1.084`` is one thousand and eighty-four, as
    in the data files), each item a mapping ``{kolom, kode, nilai}`` or a text
    ``KODE:KOLOM=NILAI``. The text is read by :func:`lakip.core.yaml_ketat.baca_yaml`
    and checked against :data:`SKEMA_PERUBAHAN`.

    Raises:
        PerubahanError: every problem of the file, each with ``nama``, its line and key.
    """
    try:
        d = baca_yaml(teks, nama, teks_saja=True)
    except YamlError as e:
        raise PerubahanError("\n".join(daftar_masalah(e.masalah, awal=""))) from None
    if d.data is None or d.data == "":
        return []
    masalah = periksa(SKEMA_PERUBAHAN, d)
    salah = {m.kolom or "" for m in masalah}
    items, jalur = (d.data.get("perubahan"), ("perubahan",)) if isinstance(d.data, dict) else (d.data, ())
    out = []
    for i, item in enumerate(items if isinstance(items, list) else []):
        awal = jalur_teks((*jalur, i)) or ""
        if any(k == awal or k.startswith((awal + ".", awal + "[")) for k in salah):
            continue  # its problems are reported already
        try:
            out.append(dataclasses.replace(Perubahan.dari(item), asal=f"{nama} baris {d.letak((*jalur, i))}"))
        except PerubahanError as e:
            masalah.append(d.masalah((*jalur, i), str(e)))
    if not masalah:
        return out
    masalah.sort(key=lambda m: m.baris or 0)
    raise PerubahanError("\n".join(daftar_masalah(masalah, awal="")))


def daftar_perubahan(perubahan: object) -> list[Perubahan]:
    """Changes from a sequence (or one) of :class:`Perubahan`, mappings or ``KODE:KOLOM=NILAI`` texts."""
    if perubahan is None:
        return []
    if isinstance(perubahan, (Perubahan, dict, str)):
        perubahan = [perubahan]
    return [Perubahan.dari(p) for p in perubahan]  # type: ignore[union-attr]


def _salin(unit: Unit) -> Unit:
    """A copy of a unit whose tables can be changed without touching the original."""
    return dataclasses.replace(
        unit,
        entitas=copy.deepcopy(unit.entitas),
        indikator=unit.indikator.copy(),
        kinerja=unit.kinerja.copy(),
        anggaran=unit.anggaran.copy(),
        anggaran_iku=unit.anggaran_iku.copy(),
        laporan=unit.laporan.copy(),
        lampiran={k: v.copy() for k, v in unit.lampiran.items()},
        peringatan=list(unit.peringatan),
    )


def tampil_nilai(teks: object, angka: float, jenis: str) -> object:
    """A stored target or realisasi as the tables show it: the number for jenis angka,
    the text otherwise (``9/9``, ``Tinggi``, ``80-90``), NaN when missing."""
    if jenis == "angka":
        return np.nan if tidak_ada(angka) else float(angka)
    return np.nan if is_kosong(teks) else " ".join(str(teks).split())


def baca_kinerja(p: Perubahan, kolom: str, jenis: str, kata: tuple[str, ...] | None) -> tuple[tuple[float, float, float] | None, str]:
    """(numbers, canonical text) of a target or realisasi for an IKU of ``jenis``."""
    jenis_baca = "angka" if jenis == "rentang" and kolom == "realisasi" else jenis
    nilai = p.nilai
    if jenis_baca != "angka" or isinstance(nilai, bool) or not isinstance(nilai, (int, float, np.integer, np.floating)):
        nilai = "" if nilai is None else str(nilai)
    try:
        v = baca_nilai(nilai, jenis_baca, kata)
    except AngkaError as e:
        raise PerubahanError(f"{p.sebut}: {e}") from None
    if v is None:
        return None, "N/A"
    if jenis_baca == "angka":
        teks = " ".join(nilai.split()) if isinstance(nilai, str) else angka_teks(float(nilai), 10)
    elif jenis_baca == "level":
        num, den = parse_level(nilai)
        teks = f"{angka_teks(num, 10)}/{angka_teks(den, 10)}"
    elif jenis_baca == "kategori":
        teks = (kata or ())[int(v[0]) - 1]
    else:
        teks = " ".join(nilai.split())
    return v, teks


def _ubah_kinerja(unit: Unit, tahun: int, p: Perubahan, meta: pd.Series) -> dict[str, Any]:
    k = unit.kinerja
    hit = k.index[(k["kode"] == p.kode) & (k["tahun"] == tahun)]
    if len(hit) == 0:
        raise PerubahanError(f"{p.sebut}: {tanpa_baris(unit, p.kode, tahun)}")
    i = hit[0]
    jenis = str(meta["jenis"])
    v, teks = baca_kinerja(p, p.kolom, jenis, meta["skala_kata"])
    if p.kolom == "target":
        if v is None:
            raise PerubahanError(f"{p.sebut}: target wajib diisi (N/A tidak dapat menjadi target)")
        before = tampil_nilai(k.at[i, "target"], k.at[i, "target_nilai"], jenis)
        k.at[i, "target"] = teks
        for col, x in zip(("target_nilai", "target_bawah", "target_atas"), v):
            k.at[i, col] = x
        after = tampil_nilai(teks, v[0], jenis)
    else:
        jr = "angka" if jenis == "rentang" else jenis
        before = tampil_nilai(k.at[i, "realisasi"], k.at[i, "realisasi_nilai"], jr)
        k.at[i, "realisasi"] = teks
        k.at[i, "realisasi_nilai"] = np.nan if v is None else v[0]
        after = tampil_nilai(teks, np.nan if v is None else v[0], jr)
    return {"kode": p.kode, "kolom": p.kolom, "nilai": _asli(p.nilai), "berkas": "kinerja.csv",
            "sebelum": before, "sesudah": after, "keterangan": ""}


def _baca_uang(p: Perubahan) -> float:
    try:
        x = parse_angka(p.nilai)
    except AngkaError as e:
        raise PerubahanError(f"{p.sebut}: {e}") from None
    if x is None:
        if p.kolom == "pagu":
            raise PerubahanError(f"{p.sebut}: pagu wajib diisi")
        return np.nan
    if x < 0:
        raise PerubahanError(f"{p.sebut}: nilai anggaran tidak boleh negatif")
    return float(x)


def _ubah_anggaran_iku(unit: Unit, tahun: int, p: Perubahan) -> dict[str, Any]:
    x = _baca_uang(p)
    col = "pagu" if p.kolom == "pagu" else "realisasi"
    a = unit.anggaran_iku
    hit = a.index[(a["kode"] == p.kode) & (a["tahun"] == tahun)]
    ket = ""
    if len(hit):
        before = a.at[hit[0], col]
        a.at[hit[0], col] = x
    else:  # an IKU without a budget line gets one
        before = np.nan
        row = {c: "" for c in a.columns} | {"tahun": tahun, "kode": p.kode, "pagu": np.nan, "realisasi": np.nan, col: x}
        new = pd.DataFrame([row], columns=a.columns).astype({"tahun": a["tahun"].dtype, "pagu": float, "realisasi": float})
        unit.anggaran_iku = pd.concat([a, new], ignore_index=True)
        ket = f"baris anggaran {p.kode} tahun {tahun} ditambahkan"
    return {"kode": p.kode, "kolom": p.kolom, "nilai": _asli(p.nilai), "berkas": "anggaran_iku.csv",
            "sebelum": before, "sesudah": x, "keterangan": ket}


def _ubah_anggaran(unit: Unit, tahun: int, p: Perubahan) -> dict[str, Any]:
    """Set a budget node; the difference is carried to each of its ancestors (that have the value),
    so the tree stays exactly as consistent (or not) as it was."""
    x = _baca_uang(p)
    col = "pagu" if p.kolom == "pagu" else "realisasi"
    a = unit.anggaran
    year = a["tahun"] == tahun
    pos = {kode: i for kode, i in zip(a.loc[year, "kode"], a.index[year])}
    i = pos[p.kode]
    before = a.at[i, col]
    delta = (0.0 if np.isnan(x) else x) - (0.0 if np.isnan(before) else before)
    a.at[i, col] = x
    naik = []
    for induk in leluhur(dict(zip(a.loc[year, "kode"], a.loc[year, "induk"])), p.kode):
        if induk not in pos:
            break
        j = pos[induk]
        if delta and not np.isnan(a.at[j, col]):
            a.at[j, col] = a.at[j, col] + delta
            naik.append(induk)
    ket = f"induk ikut berubah: {', '.join(naik)}" if naik else ""
    return {"kode": p.kode, "kolom": p.kolom, "nilai": _asli(p.nilai), "berkas": "anggaran.csv",
            "sebelum": before, "sesudah": x, "keterangan": ket}


def terapkan_dengan_catatan(unit: Unit, tahun: int, perubahan: object) -> tuple[Unit, list[dict[str, Any]]]:
    items = daftar_perubahan(perubahan)
    out = _salin(unit)
    info = unit.indikator.set_index("kode")
    nodes = set(unit.anggaran.loc[unit.anggaran["tahun"] == tahun, "kode"])
    log = []
    for p in items:
        is_iku = p.kode in info.index
        if p.kolom in ("realisasi", "target"):
            if not is_iku:
                hint = "; untuk anggaran pakai kolom pagu atau realisasi_anggaran" if p.kode in nodes else ""
                raise PerubahanError(f"{p.sebut}: kode {p.kode} tidak ada di indikator.csv{hint}")
            log.append(_ubah_kinerja(out, tahun, p, info.loc[p.kode]))
        elif is_iku:  # an IKU's budget (anggaran_iku.csv) takes precedence over a node of the same code
            log.append(_ubah_anggaran_iku(out, tahun, p))
        elif p.kode in nodes:
            log.append(_ubah_anggaran(out, tahun, p))
        else:
            raise PerubahanError(f"{p.sebut}: kode {p.kode} tidak ada di indikator.csv "
                                 f"maupun di anggaran.csv tahun {tahun}")
    return out, log


def terapkan(unit: Unit, tahun: int, perubahan: object) -> Unit:
    """A copy of ``unit`` with the changes applied to year ``tahun`` (in order; a later change wins).

    Args:
        unit: the loaded unit; it is not modified.
        tahun: the year the changes apply to.
        perubahan: :class:`Perubahan`, mappings ``{kolom, kode, nilai}`` or
            ``KODE:KOLOM=NILAI`` texts. A budget change of a node of
            ``anggaran.csv`` is carried to its ancestors.

    Raises:
        PerubahanError: naming the change, when a code is unknown, a value
            unreadable, or a word not on the indicator's scale.
    """
    tahun = cek_tahun(unit, tahun)
    return terapkan_dengan_catatan(unit, tahun, perubahan)[0]




def tanpa_baris(unit: Unit, kode: str, tahun: int) -> str:
    """Why an IKU has no row in a year: ended by tahun_akhir, not started yet, or missing."""
    akhir = tahun_akhir(unit.indikator).get(kode)
    if akhir is not None and akhir < tahun:
        return f"{kode} tidak dipakai lagi sesudah tahun {akhir} (kolom tahun_akhir di indikator.csv)"
    awal = unit.kinerja.loc[unit.kinerja["kode"] == kode, "tahun"]
    if len(awal) and int(awal.min()) > tahun:
        return f"{kode} baru ada sejak tahun {int(awal.min())}"
    return f"{kode} tidak punya baris tahun {tahun} di kinerja.csv"
