"""What-if studies (skenario): change a realisasi, a target or a budget, and compare.

A change (:class:`Perubahan`) names a column (``realisasi``, ``target``,
``pagu`` or ``realisasi_anggaran``), a code (an IKU, or for the budget
columns a node of ``anggaran.csv``) and a value written as the data files
write it (``90,5``, ``9/9``, ``Tinggi``, ``N/A``, ``50.000.000.000``) or a
number. Values are read with the loader's rules for that IKU's jenis, so a
scenario accepts exactly what a data file would.

- :func:`terapkan` returns a modified copy of a unit (the input is never
  touched); :func:`skenario` compares the tables of :mod:`lakip.analysis`
  on the original and the modified unit (capaian, kategori, sasaran, means,
  distribution, efficiency, budget).
- :func:`kebutuhan` gives, for each IKU, the realisasi that reaches each
  kategori of the scale; :func:`realisasi_untuk_rata_rata` and
  :func:`kebutuhan_rata_rata` the realisasi that brings the overall mean to
  a value; :func:`sensitivitas` the overall mean as one realisasi varies.

Pure functions over DataFrames: nothing here reads or writes files
(:func:`perubahan_dari_yaml` parses a text the caller has read).
"""

from __future__ import annotations

import copy
import dataclasses
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
import yaml

from lakip import analysis, scoring
from lakip.load import PilihanError, Unit, _nilai, tahun_akhir
from lakip.numbers import AngkaError, format_angka_terbaca, format_persen, is_kosong, parse_angka, parse_level
from lakip.run import rupiah_bulat

__all__ = [
    "KOLOM_PERUBAHAN",
    "PerubahanError",
    "Perubahan",
    "baca_perubahan",
    "perubahan_dari_yaml",
    "daftar_perubahan",
    "terapkan",
    "skenario",
    "berkas_skenario",
    "kebutuhan",
    "realisasi_untuk_rata_rata",
    "kebutuhan_rata_rata",
    "sensitivitas",
]

#: The columns a change can set.
KOLOM_PERUBAHAN = ("realisasi", "target", "pagu", "realisasi_anggaran")
_TOL = 1e-9


class PerubahanError(PilihanError, ValueError):
    """A change (or a what-if question) that does not fit the data; the message names it."""


# --------------------------------------------------------------------------- changes


def _angka(x: float, desimal: int = 4) -> str:
    """A number the Indonesian way with at most ``desimal`` decimals, as a change can be written again."""
    return format_angka_terbaca(x, desimal)


def _asli(nilai: object) -> str:
    if isinstance(nilai, bool):
        return str(nilai)
    if isinstance(nilai, (int, float, np.integer, np.floating)):
        return "N/A" if isinstance(nilai, float) and math.isnan(nilai) else _angka(float(nilai), 10)
    return "" if nilai is None else str(nilai)


@dataclass(frozen=True)
class Perubahan:
    """One change of a scenario: set ``kolom`` of ``kode`` (in the scenario's year) to ``nilai``."""

    kolom: str
    kode: str
    nilai: object

    def __post_init__(self) -> None:
        object.__setattr__(self, "kolom", str(self.kolom).strip().lower())
        object.__setattr__(self, "kode", str(self.kode).strip())
        if self.kolom not in KOLOM_PERUBAHAN:
            raise PerubahanError(f"perubahan '{self}': kolom '{self.kolom}' tidak dikenal "
                                 f"(pilih dari: {', '.join(KOLOM_PERUBAHAN)})")
        if not self.kode:
            raise PerubahanError(f"perubahan '{self}': kode wajib diisi")

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
                raise PerubahanError(f"perubahan {dict(obj)}: {why} (tulis kolom, kode dan nilai; di YAML, "
                                     f"nilai yang berisi koma di dalam {{...}} perlu tanda kutip, mis. nilai: \"90,5\")")
            return cls(keys["kolom"], keys["kode"], keys["nilai"])
        raise PerubahanError(f"perubahan {obj!r}: tulis sebagai kolom/kode/nilai atau KODE:KOLOM=NILAI")


def baca_perubahan(teks: str) -> Perubahan:
    """Read a change written ``KODE:KOLOM=NILAI`` (``IKU-7:realisasi=80``, ``P1:pagu=50.000.000.000``)."""
    kode, sep, rest = str(teks).partition(":")
    kolom, sep2, nilai = rest.partition("=")
    if not (sep and sep2 and kode.strip() and kolom.strip()):
        raise PerubahanError(f"perubahan '{teks}': tulis KODE:KOLOM=NILAI, mis. IKU-7:realisasi=80")
    return Perubahan(kolom, kode, nilai.strip())


def perubahan_dari_yaml(teks: str, nama: str = "berkas skenario") -> list[Perubahan]:
    """The changes of a YAML text: a list of changes, or a mapping with the key ``perubahan``.

    Every value is read as text (``1.084`` is one thousand and eighty-four, as
    in the data files), each item a mapping ``{kolom, kode, nilai}`` or a text
    ``KODE:KOLOM=NILAI``.
    """
    try:
        data = yaml.load(teks, Loader=yaml.BaseLoader)  # noqa: S506 - BaseLoader builds only str, list, dict
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f" baris {mark.line + 1}" if mark is not None else ""
        raise PerubahanError(f"{nama}{where}: bukan YAML yang sah") from None
    if data is None or data == "":
        return []
    if isinstance(data, dict):
        if "perubahan" not in data:
            raise PerubahanError(f"{nama}: tulis daftar perubahan, atau kunci 'perubahan' berisi daftar itu")
        data = data["perubahan"] or []
    if not isinstance(data, list):
        raise PerubahanError(f"{nama}: tulis daftar perubahan (kolom, kode, nilai)")
    return [Perubahan.dari(item) for item in data]


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


def _tampil(teks: object, angka: float, jenis: str) -> object:
    """A stored target or realisasi as the tables show it: the number for jenis angka,
    the text otherwise (``9/9``, ``Tinggi``, ``80-90``), NaN when missing."""
    if jenis == "angka":
        return np.nan if angka is None or math.isnan(angka) else float(angka)
    return np.nan if is_kosong(teks) else " ".join(str(teks).split())


def _baca_kinerja(p: Perubahan, kolom: str, jenis: str, kata: tuple[str, ...] | None) -> tuple[tuple[float, float, float] | None, str]:
    """(numbers, canonical text) of a target or realisasi for an IKU of ``jenis``."""
    jenis_baca = "angka" if jenis == "rentang" and kolom == "realisasi" else jenis
    nilai = p.nilai
    if jenis_baca != "angka" or isinstance(nilai, bool) or not isinstance(nilai, (int, float, np.integer, np.floating)):
        nilai = "" if nilai is None else str(nilai)
    try:
        v = _nilai(nilai, jenis_baca, kata)
    except AngkaError as e:
        raise PerubahanError(f"perubahan '{p}': {e}") from None
    if v is None:
        return None, "N/A"
    if jenis_baca == "angka":
        teks = " ".join(nilai.split()) if isinstance(nilai, str) else _angka(float(nilai), 10)
    elif jenis_baca == "level":
        num, den = parse_level(nilai)
        teks = f"{_angka(num, 10)}/{_angka(den, 10)}"
    elif jenis_baca == "kategori":
        teks = (kata or ())[int(v[0]) - 1]
    else:
        teks = " ".join(nilai.split())
    return v, teks


def _ubah_kinerja(unit: Unit, tahun: int, p: Perubahan, meta: pd.Series) -> dict[str, Any]:
    k = unit.kinerja
    hit = k.index[(k["kode"] == p.kode) & (k["tahun"] == tahun)]
    if len(hit) == 0:
        raise PerubahanError(f"perubahan '{p}': {_tanpa_baris(unit, p.kode, tahun)}")
    i = hit[0]
    jenis = str(meta["jenis"])
    v, teks = _baca_kinerja(p, p.kolom, jenis, meta["skala_kata"])
    if p.kolom == "target":
        if v is None:
            raise PerubahanError(f"perubahan '{p}': target wajib diisi (N/A tidak dapat menjadi target)")
        before = _tampil(k.at[i, "target"], k.at[i, "target_nilai"], jenis)
        k.at[i, "target"] = teks
        for col, x in zip(("target_nilai", "target_bawah", "target_atas"), v):
            k.at[i, col] = x
        after = _tampil(teks, v[0], jenis)
    else:
        jr = "angka" if jenis == "rentang" else jenis
        before = _tampil(k.at[i, "realisasi"], k.at[i, "realisasi_nilai"], jr)
        k.at[i, "realisasi"] = teks
        k.at[i, "realisasi_nilai"] = np.nan if v is None else v[0]
        after = _tampil(teks, np.nan if v is None else v[0], jr)
    return {"kode": p.kode, "kolom": p.kolom, "nilai": _asli(p.nilai), "berkas": "kinerja.csv",
            "sebelum": before, "sesudah": after, "keterangan": ""}


def _baca_uang(p: Perubahan) -> float:
    try:
        x = parse_angka(p.nilai)
    except AngkaError as e:
        raise PerubahanError(f"perubahan '{p}': {e}") from None
    if x is None:
        if p.kolom == "pagu":
            raise PerubahanError(f"perubahan '{p}': pagu wajib diisi")
        return np.nan
    if x < 0:
        raise PerubahanError(f"perubahan '{p}': nilai anggaran tidak boleh negatif")
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
    naik, induk, seen = [], a.at[i, "induk"], {p.kode}
    while isinstance(induk, str) and induk in pos and induk not in seen:
        seen.add(induk)
        j = pos[induk]
        if delta and not np.isnan(a.at[j, col]):
            a.at[j, col] = a.at[j, col] + delta
            naik.append(induk)
        induk = a.at[j, "induk"]
    ket = f"induk ikut berubah: {', '.join(naik)}" if naik else ""
    return {"kode": p.kode, "kolom": p.kolom, "nilai": _asli(p.nilai), "berkas": "anggaran.csv",
            "sebelum": before, "sesudah": x, "keterangan": ket}


def _terapkan(unit: Unit, tahun: int, perubahan: object) -> tuple[Unit, list[dict[str, Any]]]:
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
                raise PerubahanError(f"perubahan '{p}': kode {p.kode} tidak ada di indikator.csv{hint}")
            log.append(_ubah_kinerja(out, tahun, p, info.loc[p.kode]))
        elif is_iku:  # an IKU's budget (anggaran_iku.csv) takes precedence over a node of the same code
            log.append(_ubah_anggaran_iku(out, tahun, p))
        elif p.kode in nodes:
            log.append(_ubah_anggaran(out, tahun, p))
        else:
            raise PerubahanError(f"perubahan '{p}': kode {p.kode} tidak ada di indikator.csv "
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
    tahun = analysis.cek_tahun(unit, tahun)
    return _terapkan(unit, tahun, perubahan)[0]


# --------------------------------------------------------------------------- before and after


def _kosong(x: object) -> bool:
    return x is None or x is pd.NA or (isinstance(x, (float, np.floating)) and math.isnan(x))


def _beda(a: Iterable[object], b: Iterable[object]) -> list[bool]:
    """Element-wise "differs", a missing value equal only to a missing value."""
    return [(_kosong(x) != _kosong(y)) or (not _kosong(x) and not _kosong(y) and x != y) for x, y in zip(a, b)]


def _teks_kategori(col: pd.Series) -> list[object]:
    return [None if _kosong(v) else str(v) for v in col]


def _banding(a: pd.DataFrame, b: pd.DataFrame, key: str, kolom: Sequence[str]) -> pd.DataFrame:
    """``a`` and ``b`` side by side on ``key``: ``<kolom>_sebelum`` and ``<kolom>_sesudah``."""
    b = b.set_index(key).reindex(a[key])
    out = pd.DataFrame({key: a[key].to_numpy()})
    for c in kolom:
        before, after = a[c].to_numpy(), b[c].to_numpy()
        if isinstance(a[c].dtype, pd.CategoricalDtype):
            before, after = _teks_kategori(a[c]), _teks_kategori(b[c])
        out[f"{c}_sebelum"] = before
        out[f"{c}_sesudah"] = after
    return out


def _banding_iku(lama: Unit, baru: Unit, tahun: int) -> pd.DataFrame:
    a, b = analysis.tabel_capaian_iku(lama, tahun), analysis.tabel_capaian_iku(baru, tahun)
    out = a[["kode", "sasaran_kode", "indikator", "satuan", "polaritas", "jenis"]].reset_index(drop=True)
    side = _banding(a, b, "kode", ["target", "realisasi", "capaian", "kategori", "status", "catatan"])
    out = out.join(side.drop(columns="kode"))
    out["selisih_pp"] = out["capaian_sesudah"] - out["capaian_sebelum"]
    out["diubah"] = [x or y for x, y in zip(_beda(out["target_sebelum"], out["target_sesudah"]),
                                            _beda(out["realisasi_sebelum"], out["realisasi_sesudah"]))]
    out["berubah"] = [x or y for x, y in zip(_beda(out["capaian_sebelum"], out["capaian_sesudah"]),
                                             _beda(out["kategori_sebelum"], out["kategori_sesudah"]))]
    cols = ["kode", "sasaran_kode", "indikator", "satuan", "polaritas", "jenis", "target_sebelum", "target_sesudah",
            "realisasi_sebelum", "realisasi_sesudah", "capaian_sebelum", "capaian_sesudah", "selisih_pp",
            "kategori_sebelum", "kategori_sesudah", "status_sebelum", "status_sesudah", "catatan_sebelum", "catatan_sesudah",
            "diubah", "berubah"]
    return out[cols]


def _banding_sasaran(lama: Unit, baru: Unit, tahun: int) -> pd.DataFrame:
    a, b = analysis.tabel_capaian_sasaran(lama, tahun), analysis.tabel_capaian_sasaran(baru, tahun)
    out = a[["sasaran_kode", "sasaran", "jumlah_iku"]].reset_index(drop=True)
    out = out.join(_banding(a, b, "sasaran_kode", ["jumlah_terukur", "capaian", "kategori"]).drop(columns="sasaran_kode"))
    out["selisih_pp"] = out["capaian_sesudah"] - out["capaian_sebelum"]
    out["berubah"] = [x or y for x, y in zip(_beda(out["capaian_sebelum"], out["capaian_sesudah"]),
                                             _beda(out["kategori_sebelum"], out["kategori_sesudah"]))]
    return out[["sasaran_kode", "sasaran", "jumlah_iku", "jumlah_terukur_sebelum", "jumlah_terukur_sesudah",
                "capaian_sebelum", "capaian_sesudah", "selisih_pp", "kategori_sebelum", "kategori_sesudah", "berubah"]]


def _banding_rata_rata(lama: dict[str, Any], baru: dict[str, Any], skala: Any) -> pd.DataFrame:
    rows = []
    for ukuran, uraian, get in (
        ("rata_rata_iku", "Rata-rata capaian IKU (IKU terukur)", lambda r: r["capaian"]["rata_rata_iku"]),
        ("rata_rata_sasaran", "Rata-rata capaian sasaran", lambda r: r["capaian"]["rata_rata_sasaran"]),
        ("iku_terukur", "IKU terukur", lambda r: r["jumlah"]["iku_terukur"]),
        ("iku_belum_dapat_diukur", "IKU belum dapat diukur", lambda r: r["jumlah"]["iku_belum_dapat_diukur"]),
    ):
        x, y = get(lama), get(baru)
        rata = ukuran.startswith("rata_rata")
        rows.append({
            "ukuran": ukuran, "uraian": uraian,
            "sebelum": np.nan if x is None else x, "sesudah": np.nan if y is None else y,
            "selisih": np.nan if x is None or y is None else y - x,
            "kategori_sebelum": skala.kategori(x) if rata and x is not None else None,
            "kategori_sesudah": skala.kategori(y) if rata and y is not None else None,
        })
    return pd.DataFrame(rows)


def _banding_distribusi(lama: Unit, baru: Unit, tahun: int) -> pd.DataFrame:
    a, b = analysis.tabel_distribusi(lama, tahun), analysis.tabel_distribusi(baru, tahun)
    out = _banding(a, b, "kategori", ["jumlah", "persen", "persen_terukur"])
    out["selisih_jumlah"] = out["jumlah_sesudah"] - out["jumlah_sebelum"]
    return out[["kategori", "jumlah_sebelum", "jumlah_sesudah", "selisih_jumlah", "persen_sebelum", "persen_sesudah",
                "persen_terukur_sebelum", "persen_terukur_sesudah"]]


def _banding_efisiensi(lama: Unit, baru: Unit, tahun: int) -> pd.DataFrame:
    a, b = analysis.tabel_efisiensi(lama, tahun), analysis.tabel_efisiensi(baru, tahun)
    kol = ["capaian_kinerja", "pagu", "realisasi_anggaran", "capaian_anggaran", "nilai", "status", "target_tercapai"]
    out = _banding(a, b, "kode", kol)
    out.insert(1, "metode", a["metode"].to_numpy())
    out["berubah"] = [any(f) for f in zip(*(_beda(out[f"{c}_sebelum"], out[f"{c}_sesudah"]) for c in kol))]
    return out


def _banding_anggaran(lama: Unit, baru: Unit, tahun: int) -> pd.DataFrame:
    a, b = analysis.tabel_anggaran(lama, tahun), analysis.tabel_anggaran(baru, tahun)
    kol = ["pagu", "realisasi", "serapan"]
    out = a[["kode", "induk", "tingkat", "uraian"]].reset_index(drop=True)
    out = out.join(_banding(a, b, "kode", kol).drop(columns="kode"))
    out["berubah"] = [any(f) for f in zip(*(_beda(out[f"{c}_sebelum"], out[f"{c}_sesudah"]) for c in kol))] if len(out) else []
    return out


_KOLOM_LOG = ["kode", "kolom", "nilai", "berkas", "sebelum", "sesudah", "keterangan"]


def skenario(unit: Unit, tahun: int | None, perubahan: object, rata_rata: float | None = None) -> dict[str, Any]:
    """Before and after tables of a scenario, from :mod:`lakip.analysis` on the original and modified unit.

    Returns a dict of DataFrames (exact values):

    - ``perubahan``: each change applied: kode, kolom, nilai, berkas, sebelum, sesudah, keterangan;
    - ``iku``: kode, sasaran_kode, indikator, satuan, polaritas, jenis, target_/realisasi_/capaian_/
      kategori_/status_ ``sebelum`` and ``sesudah``, selisih_pp, diubah (target or realisasi set),
      berubah (capaian or kategori moved);
    - ``sasaran``: the same per sasaran; ``rata_rata``: the overall means (IKU and sasaran views) and
      the counts, with their kategori; ``distribusi``: count and percent per kategori;
    - ``efisiensi``: the efficiency table before and after; ``anggaran``: every budget node;
    - ``kebutuhan``: :func:`kebutuhan` under the scenario; with ``rata_rata``, also
      ``kebutuhan_rata_rata``: :func:`kebutuhan_rata_rata` under the scenario;
    - ``ringkasan``: ``{"sebelum": ..., "sesudah": ...}``, :func:`lakip.analysis.ringkasan` of each.
    """
    tahun = analysis.cek_tahun(unit, tahun)
    baru, log = _terapkan(unit, tahun, perubahan)
    r_lama, r_baru = analysis.ringkasan(unit, tahun), analysis.ringkasan(baru, tahun)
    out: dict[str, Any] = {
        "perubahan": pd.DataFrame(log, columns=_KOLOM_LOG),
        "iku": _banding_iku(unit, baru, tahun),
        "sasaran": _banding_sasaran(unit, baru, tahun),
        "rata_rata": _banding_rata_rata(r_lama, r_baru, unit.pilihan.skala),
        "distribusi": _banding_distribusi(unit, baru, tahun),
        "efisiensi": _banding_efisiensi(unit, baru, tahun),
        "anggaran": _banding_anggaran(unit, baru, tahun),
        "kebutuhan": kebutuhan(baru, tahun),
        "ringkasan": {"sebelum": r_lama, "sesudah": r_baru},
    }
    if rata_rata is not None:
        out["kebutuhan_rata_rata"] = kebutuhan_rata_rata(baru, tahun, rata_rata)
    return out


_UANG = [f"{c}_{w}" for c in ("pagu", "realisasi_anggaran", "realisasi") for w in ("sebelum", "sesudah")]


def berkas_skenario(hasil: dict[str, Any]) -> dict[str, Any]:
    """The files of ``lakip skenario`` from a :func:`skenario` result: name -> DataFrame (CSV) or dict (JSON).

    Machine-readable: exact values, money in whole rupiah. ``ringkasan.json``
    holds the changes, the means before and after and both summaries.
    """
    lama, baru = hasil["ringkasan"]["sebelum"], hasil["ringkasan"]["sesudah"]
    ring = {
        "entitas": lama["entitas"], "nama": lama["nama"], "tahun": lama["tahun"],
        "perubahan": hasil["perubahan"].to_dict("records"),
        "rata_rata": hasil["rata_rata"].to_dict("records"),
        "iku_berubah": [str(k) for k in hasil["iku"].loc[hasil["iku"]["berubah"], "kode"]],
        "sebelum": {k: v for k, v in lama.items() if k not in ("entitas", "nama", "pemda", "tahun")},
        "sesudah": {k: v for k, v in baru.items() if k not in ("entitas", "nama", "pemda", "tahun")},
    }
    files: dict[str, Any] = {
        "capaian_iku.csv": hasil["iku"],
        "capaian_sasaran.csv": hasil["sasaran"],
        "efisiensi.csv": rupiah_bulat(hasil["efisiensi"], _UANG),
        "anggaran.csv": rupiah_bulat(hasil["anggaran"], _UANG),
        "kebutuhan.csv": hasil["kebutuhan"],
        "ringkasan.json": _json(ring),
    }
    if "kebutuhan_rata_rata" in hasil:
        files["kebutuhan_rata_rata.csv"] = hasil["kebutuhan_rata_rata"]
    return files


def _json(x: Any) -> Any:
    if isinstance(x, (bool, np.bool_)):
        return bool(x)
    return analysis._json(x) if not isinstance(x, (dict, list, tuple)) else (
        {k: _json(v) for k, v in x.items()} if isinstance(x, dict) else [_json(v) for v in x])


# --------------------------------------------------------------------------- what is needed


def _tahun_iku(unit: Unit, tahun: int, kode: str) -> tuple[pd.Series, pd.Series]:
    """The kinerja row of ``kode`` in ``tahun`` and its indikator row."""
    info = unit.indikator.set_index("kode")
    if kode not in info.index:
        raise PerubahanError(f"kode {kode} tidak ada di indikator.csv")
    k = unit.kinerja
    hit = k[(k["kode"] == kode) & (k["tahun"] == tahun)]
    if hit.empty:
        raise PerubahanError(_tanpa_baris(unit, kode, tahun))
    return hit.iloc[0], info.loc[kode]


def _tanpa_baris(unit: Unit, kode: str, tahun: int) -> str:
    """Why an IKU has no row in a year: ended by tahun_akhir, not started yet, or missing."""
    akhir = tahun_akhir(unit.indikator).get(kode)
    if akhir is not None and akhir < tahun:
        return f"{kode} tidak dipakai lagi sesudah tahun {akhir} (kolom tahun_akhir di indikator.csv)"
    awal = unit.kinerja.loc[unit.kinerja["kode"] == kode, "tahun"]
    if len(awal) and int(awal.min()) > tahun:
        return f"{kode} baru ada sejak tahun {int(awal.min())}"
    return f"{kode} tidak punya baris tahun {tahun} di kinerja.csv"


def _kandidat(row: pd.Series, meta: pd.Series) -> list[tuple[float, str]] | None:
    """The possible realisasi of a level or kategori IKU: (number, text), lowest first."""
    if meta["jenis"] == "kategori":
        return [(float(i + 1), w) for i, w in enumerate(meta["skala_kata"] or ())]
    lvl = parse_level(row["target"])
    den = lvl[1] if lvl else float("nan")
    if not (den == den and float(den).is_integer()):
        return None
    d = int(den)
    return [(a / d, f"{a}/{d}") for a in range(d + 1)]


def _capaian(row: pd.Series, pol: str, rumus: str, r: float) -> float | None:
    if row["jenis"] == "rentang":
        return scoring.capaian_satu(None, r, pol, rumus, row["target_bawah"], row["target_atas"])
    return scoring.capaian_satu(row["target_nilai"], r, pol, rumus)


def _batas_kontinu(pol: str, rumus: str, t: float, b: float) -> tuple[str, float | None, str]:
    """capaian > b exactly when realisasi <syarat> x: (syarat, x, or the reason when none)."""
    if t is None or math.isnan(t):
        return "", None, "target belum tersedia"
    if t == 0:
        if pol == "naik":
            return "", None, "target 0 dengan polaritas naik: capaian tidak dapat dihitung"
        if b < 100:
            return "<=", 0.0, "target 0 (polaritas turun): capaian 100 bila realisasi 0 atau kurang"
        return "", None, "tidak dapat dicapai: dengan target 0 capaian paling tinggi 100 %"
    if t < 0:
        return "", None, "target negatif: batas tidak ditentukan"
    if pol == "naik":
        return ">", b * t / 100.0, ""
    if rumus == "selisih":
        if b < 0:
            return "", None, "setiap realisasi (capaian paling rendah 0 %)"
        return "<", t * (200.0 - b) / 100.0, ""
    if b <= 0:
        return ">", 0.0, "setiap realisasi lebih dari 0 (rumus turun rasio)"
    return "<", 100.0 * t / b, "dan lebih dari 0 (rumus turun rasio)"


def _teks_batas(syarat: str, x: float) -> str:
    kata = {">": "lebih dari", "<": "kurang dari", "<=": "paling tinggi", ">=": "paling rendah"}[syarat]
    rounded = abs(x - round(x, 4)) > 1e-12
    return f"realisasi {kata} {_angka(x)}" + (" (dibulatkan)" if rounded else "")


def _satu_batas(row: pd.Series, meta: pd.Series, pol: str, rumus: str, skala: Any, b: float, kelas: int) -> tuple[str, object, str]:
    """(syarat, realisasi at the boundary, keterangan) of reaching class ``kelas`` (0 = lowest)."""
    jenis = meta["jenis"]
    if jenis in ("level", "kategori"):
        cands = _kandidat(row, meta)
        if cands is None:
            return "", None, "target level tanpa penyebut bilangan bulat: batas tidak ditentukan"
        ok = []
        for v, teks in cands:
            c = _capaian(row, pol, rumus, v)
            if c is not None and int(skala.kode(np.array([c]))[0]) >= kelas:
                ok.append((v, teks, c))
        if not ok:
            top = cands[-1] if pol == "naik" else cands[0]
            c = _capaian(row, pol, rumus, top[0])
            return "", None, f"tidak dapat dicapai: realisasi {top[1]} memberi capaian {format_persen(c)}"
        v, teks, c = ok[0] if pol == "naik" else ok[-1]
        syarat = ">=" if pol == "naik" else "<="
        kata = "paling rendah" if pol == "naik" else "paling tinggi"
        return syarat, teks, f"realisasi {kata} {teks} (capaian {format_persen(c)})"
    if jenis == "rentang":
        lo, hi = row["target_bawah"], row["target_atas"]
        t = (lo if b < 100 else hi) if pol == "naik" else (hi if b < 100 else lo)
    else:
        t = row["target_nilai"]
    syarat, x, ket = _batas_kontinu(pol, rumus, t, b)
    if x is None:
        return "", None, ket
    return syarat, x, _teks_batas(syarat, x) + (f" {ket}" if ket.startswith("dan") else (f"; {ket}" if ket else ""))


def kebutuhan(unit: Unit, tahun: int | None) -> pd.DataFrame:
    """For each IKU, the realisasi that reaches each kategori of the scale (the class's lower bound).

    A kategori with bound ``di_atas`` b is reached when capaian > b. For a
    number target the boundary is exact and the realisasi must be strictly
    beyond it: naik ``realisasi > b x target / 100``; turun with rumus
    selisih ``realisasi < target x (200 - b) / 100``, with rumus rasio
    ``realisasi < 100 x target / b`` (and > 0); a range target uses the
    bound that applies. A level or kategori target gives the lowest level
    (same denominator) or scale word that reaches it (the highest for turun).

    Columns: kode, indikator, polaritas, jenis, target, kategori,
    batas_capaian, syarat (``>``, ``<``, ``>=``, ``<=``, empty when it cannot
    be reached), realisasi_batas (number, or text for level and kategori),
    keterangan, tercapai (the current realisasi already reaches it).
    """
    tahun = analysis.cek_tahun(unit, tahun)
    iku = analysis.tabel_capaian_iku(unit, tahun)
    skala, rumus = unit.pilihan.skala, unit.pilihan.rumus_turun
    n = len(skala.label)
    rows = []
    for _, r in iku.iterrows():
        row, meta = _tahun_iku(unit, tahun, r["kode"])
        now = int(skala.kode(np.array([r["capaian"]], dtype=float))[0])
        for i, (lab, b) in enumerate(zip(skala.label, skala.batas)):
            kelas = n - 1 - i
            syarat, x, ket = _satu_batas(row, meta, str(r["polaritas"]), rumus, skala, float(b), kelas)
            rows.append({
                "kode": r["kode"], "indikator": r["indikator"], "polaritas": r["polaritas"], "jenis": r["jenis"],
                "target": r["target"], "kategori": lab, "batas_capaian": float(b), "syarat": syarat,
                "realisasi_batas": x, "keterangan": ket, "tercapai": now >= kelas,
            })
    cols = ["kode", "indikator", "polaritas", "jenis", "target", "kategori", "batas_capaian", "syarat",
            "realisasi_batas", "keterangan", "tercapai"]
    return pd.DataFrame(rows, columns=cols)


def _balik(pol: str, rumus: str, t: float, c: float) -> tuple[float | None, str]:
    """The realisasi whose capaian is exactly ``c`` against the number target ``t``."""
    if t == 0:
        if pol == "turun" and abs(c - 100) <= _TOL:
            return 0.0, ""
        return None, ("target 0 dengan polaritas naik: capaian tidak dapat dihitung" if pol == "naik"
                      else "dengan target 0 capaian hanya 0 % atau 100 %")
    if pol == "naik":
        if c < -_TOL:
            return None, f"capaian yang dibutuhkan {format_persen(c)}: di bawah 0 %"
        return max(c, 0.0) * t / 100.0, ""
    if rumus == "selisih":
        if c < -_TOL:
            return None, f"capaian yang dibutuhkan {format_persen(c)}: capaian polaritas turun paling rendah 0 %"
        return t * (200.0 - max(c, 0.0)) / 100.0, ""
    if c <= _TOL:
        return None, f"capaian yang dibutuhkan {format_persen(c)}: dengan rumus turun rasio capaian selalu lebih dari 0 %"
    return 100.0 * t / c, ""


def _untuk_rata_rata(unit: Unit, tahun: int, kode: str, target: float) -> dict[str, Any]:
    row, meta = _tahun_iku(unit, tahun, kode)
    pol, rumus, cap = str(meta["polaritas"]), unit.pilihan.rumus_turun, unit.pilihan.batas_capaian
    s = scoring.skor(unit.kinerja[unit.kinerja["tahun"] == tahun], unit.pilihan)
    c = s["capaian"] if cap is None else s["capaian"].clip(upper=cap)
    others = c[(s["kode"] != kode).to_numpy()]
    m, total = int(others.notna().sum()), float(others.sum())
    need = float(target) * (m + 1) - total
    out = {"kode": kode, "indikator": meta["indikator"], "capaian_perlu": need, "realisasi_perlu": None,
           "realisasi_teks": "", "keterangan": ""}

    def mean_with(v: float) -> float | None:
        cv = _capaian(row, pol, rumus, v)
        if cv is None:
            return None
        return (total + (cv if cap is None else min(cv, cap))) / (m + 1)

    if cap is not None and need > cap + _TOL:
        out["keterangan"] = (f"tidak dapat dicapai: capaian {kode} harus {format_persen(need)}, di atas batas "
                             f"capaian {_angka(cap)} % yang dipakai untuk rata-rata")
        return out
    if cap is not None:
        need = min(need, cap)
    jenis = meta["jenis"]
    if jenis == "rentang":
        lo, hi = row["target_bawah"], row["target_atas"]
        if abs(need - 100) <= _TOL:
            v, why = (lo if pol == "naik" else hi), ""
            out["keterangan"] = f"realisasi di dalam rentang {_angka(lo)} s.d. {_angka(hi)} (capaian 100 %)"
        else:
            t = (lo if need < 100 else hi) if pol == "naik" else (hi if need < 100 else lo)
            v, why = _balik(pol, rumus, t, need)
    else:
        v, why = _balik(pol, rumus, row["target_nilai"], need)
    if v is None:
        out["keterangan"] = f"tidak dapat dicapai: {why}"
        return out
    if jenis in ("level", "kategori"):
        cands = _kandidat(row, meta) or []
        exact = [(x, t) for x, t in cands if abs(x - v) <= _TOL]
        if exact:
            out["realisasi_perlu"], out["realisasi_teks"] = exact[0][0], exact[0][1]
            return out
        reach = [(x, t, mean_with(x)) for x, t in cands]
        reach = [(x, t, mv) for x, t, mv in reach if mv is not None]
        cukup = [r for r in reach if r[2] >= target - _TOL]
        best = (cukup[0] if pol == "naik" else cukup[-1]) if cukup else None
        words = "level" if jenis == "level" else "kata skala"
        ket = f"tidak ada {words} yang memberi tepat {format_persen(target)}"
        if best is not None:
            ket += f"; {best[1]} memberi rata-rata {format_persen(best[2])}"
        else:
            ket += f"; rata-rata paling tinggi {format_persen(max(r[2] for r in reach))}" if reach else ""
        out["keterangan"] = ket
        return out
    out["realisasi_perlu"], out["realisasi_teks"] = float(v), _angka(v)
    if not out["keterangan"] and jenis == "rentang" and abs(need - 100) > _TOL:
        out["keterangan"] = f"capaian {format_persen(need)}"
    return out


def realisasi_untuk_rata_rata(unit: Unit, tahun: int | None, kode: str, target_rata_rata: float) -> float | None:
    """The realisasi of IKU ``kode`` that makes the overall mean of IKU capaian equal ``target_rata_rata``.

    Every other IKU keeps its capaian; ``kode`` becomes measured if it was
    not (so the mean is over one more IKU). The value is in the units of
    ``realisasi_nilai``: a number, a level as its fraction, a word as its
    rank (only when a level or word gives the mean exactly). None when no
    realisasi gives it (a turun capaian is floored at 0, a naik target 0,
    the cap of ``batas_capaian``, no level or word exactly); the reason is
    in :func:`kebutuhan_rata_rata`.
    """
    tahun = analysis.cek_tahun(unit, tahun)
    v = _untuk_rata_rata(unit, tahun, kode, float(target_rata_rata))["realisasi_perlu"]
    return None if v is None else float(v)


def kebutuhan_rata_rata(unit: Unit, tahun: int | None, target_rata_rata: float) -> pd.DataFrame:
    """For each IKU, the realisasi that alone brings the overall mean to ``target_rata_rata``.

    Columns: kode, indikator, capaian_perlu (the capaian that IKU would
    need), realisasi_perlu (as :func:`realisasi_untuk_rata_rata`, NaN when
    none), realisasi_teks (as a reader writes it), keterangan (why not, or
    the nearest level or word).
    """
    tahun = analysis.cek_tahun(unit, tahun)
    rows = [_untuk_rata_rata(unit, tahun, k, float(target_rata_rata)) for k in unit.indikator["kode"]
            if ((unit.kinerja["kode"] == k) & (unit.kinerja["tahun"] == tahun)).any()]
    out = pd.DataFrame(rows, columns=["kode", "indikator", "capaian_perlu", "realisasi_perlu", "realisasi_teks", "keterangan"])
    out["realisasi_perlu"] = out["realisasi_perlu"].astype(float)
    return out


def _grid(row: pd.Series, meta: pd.Series) -> list[object]:
    """Default values for :func:`sensitivitas`: every level or word; else 61 points from 0 and the current value."""
    if meta["jenis"] in ("level", "kategori"):
        return [t for _, t in (_kandidat(row, meta) or [])]
    r = row["realisasi_nilai"]
    t = row["target_atas"] if meta["jenis"] == "rentang" else row["target_nilai"]
    t = 1.0 if not t or math.isnan(t) else abs(t)
    top = max((2.2 if meta["polaritas"] == "turun" else 1.5) * t, 1.1 * r if r == r else 0.0)
    values = set(np.linspace(0.0, top, 61).tolist())
    if r == r:
        values.add(float(r))
    return sorted(values)


def sensitivitas(unit: Unit, tahun: int | None, kode: str, nilai: Sequence[object] | None = None) -> pd.DataFrame:
    """The overall mean as the realisasi of IKU ``kode`` takes each value of ``nilai``.

    Values are read like a change (``80``, ``"90,5"``, ``"7/9"``, ``"Tinggi"``);
    by default every level or word of the IKU, or 61 points from 0 to past
    the target plus the current realisasi. Every other IKU keeps its data.

    Columns: realisasi (as the tables show it), realisasi_nilai, capaian,
    kategori (of the IKU), rata_rata_iku, kategori_rata_rata, rata_rata_sasaran.
    """
    tahun = analysis.cek_tahun(unit, tahun)
    row, meta = _tahun_iku(unit, tahun, kode)
    values = _grid(row, meta) if nilai is None else list(nilai)
    jenis = str(meta["jenis"])
    parsed = [_baca_kinerja(Perubahan("realisasi", kode, v), "realisasi", jenis, meta["skala_kata"]) for v in values]
    year = unit.kinerja[unit.kinerja["tahun"] == tahun].reset_index(drop=True)
    n = len(parsed)
    stacked = year.loc[np.tile(np.arange(len(year)), n)].reset_index(drop=True)
    stacked["_i"] = np.repeat(np.arange(n), len(year))
    mine = (stacked["kode"] == kode).to_numpy()
    stacked.loc[mine, "realisasi_nilai"] = [np.nan if v is None else v[0] for v, _ in parsed]
    s = scoring.skor(stacked, unit.pilihan)
    cap = unit.pilihan.batas_capaian
    c = s["capaian"] if cap is None else s["capaian"].clip(upper=cap)
    mean_iku = c.groupby(s["_i"]).mean().reindex(range(n))
    sas = scoring.capaian_sasaran(s, unit.pilihan, by=["_i"])
    mean_sas = sas.groupby("_i")["capaian"].mean().reindex(range(n))
    own = s.loc[mine]
    jr = "angka" if jenis == "rentang" else jenis
    out = pd.DataFrame({
        "realisasi": [_tampil(t, np.nan if v is None else v[0], jr) for v, t in parsed],
        "realisasi_nilai": [np.nan if v is None else v[0] for v, _ in parsed],
        "capaian": own["capaian"].to_numpy(),
        "kategori": _teks_kategori(own["kategori"]),
        "rata_rata_iku": mean_iku.to_numpy(dtype=float),
        "rata_rata_sasaran": mean_sas.to_numpy(dtype=float),
    })
    out.insert(5, "kategori_rata_rata", [unit.pilihan.skala.kategori(v) for v in out["rata_rata_iku"]])
    return out
