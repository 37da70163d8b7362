"""A new year's data imported into the CSV files (``lakip import``).

``impor`` reads a filled workbook (:mod:`lakip.data.template`) (or a folder of CSV files filled in by hand), validates the year it
holds together with the existing data, and only when everything is valid
merges that year into ``data/<entity>/``. Every problem is reported at once
with its sheet (or file), row and column, and nothing is changed while any
problem exists.
"""

from __future__ import annotations

import codecs
import csv
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from lakip.core.model import DataError, Masalah, PilihanError
from lakip.core.numbers import format_rupiah
from lakip.core.paths import DATA_DIR, resolve
from lakip.core.tables import analisis
from lakip.core.teks import daftar
from lakip.core.vocabulary import pesan_tahun, tahun_ok
from lakip.data.contract import KOLOM, KONTRAK, _kepala, baca_csv
from lakip.data.kunci import folder_impor, ganti_folder, kunci_unit
from lakip.data.load import muat
from lakip.data.xlsx import baca_xlsx

__all__ = ["TABEL_IMPOR", "TABEL_LUAR", "HasilImpor", "impor"]

#: The tables a new year brings, in the order they are merged.
TABEL_IMPOR = ("indikator", "kinerja", "anggaran", "anggaran_iku", "laporan")
_WAJIB = {"kinerja"}  # a year without kinerja is no year
#: The optional tables a workbook may bring too (the IKM survey, the LKE): a sheet left empty, or absent,
#: changes nothing, and a unit without the file gets it from the first sheet that has rows.
TABEL_LUAR = ("survei_ikm", "lke")

# ----------------------------------------------------------------------------- reading what was filled in


@dataclass
class _Sumber:
    """One table of the import: its rows as text, and where each came from."""

    label: str  # "lembar kinerja" or "kinerja.csv"
    df: pd.DataFrame  # index: the row number as the user sees it


def _baca_xlsx(path: Path, masalah: list[Masalah]) -> dict[str, _Sumber]:
    lembar = baca_xlsx(path, masalah, (*TABEL_IMPOR, *TABEL_LUAR), _WAJIB)
    return {name: _Sumber(t.label, t.df) for name, t in lembar.items() if name not in TABEL_LUAR or not t.df.empty}


_ISIAN = {"anggaran": ("pagu", "realisasi"), "anggaran_iku": ("pagu", "realisasi"), "lke": ("nilai",)}


def _tanpa_isian(tables: dict[str, _Sumber]) -> dict[str, _Sumber]:
    """Drop budget sheets left as the template prefilled them (no pagu or realisasi anywhere):
    that year simply has no budget data yet."""
    out = {}
    for name, s in tables.items():
        cols = _ISIAN.get(name)
        if cols and not s.df.empty and all((s.df[c].fillna("") == "").all() for c in cols):
            continue
        out[name] = s
    return out


def _baca_folder(path: Path, masalah: list[Masalah]) -> dict[str, _Sumber]:
    if not any((path / f"{name}.csv").is_file() for name in TABEL_IMPOR):
        raise PilihanError(f"folder '{path}' tidak berisi {daftar([f'{n}.csv' for n in TABEL_IMPOR], 'atau')}; "
                           f"{_BERI}")
    out = {}
    for name in (*TABEL_IMPOR, *TABEL_LUAR):
        f = path / f"{name}.csv"
        if not f.exists():
            if name in _WAJIB:
                masalah.append(Masalah(f.name, None, None, "berkas tidak ditemukan"))
            continue
        df = baca_csv(f, masalah)
        if df is not None:
            out[name] = _Sumber(f.name, df)
    return out


# ----------------------------------------------------------------------------- merging and validating


@dataclass
class HasilImpor:
    """What an import did (or would do)."""

    entitas: str
    tahun: int | None
    baris: dict[str, int] = field(default_factory=dict)  # rows merged per table
    peringatan: list[Masalah] = field(default_factory=list)
    baru: bool = False  # the unit was created by this import


def _tahun_impor(sumber: dict[str, _Sumber], tahun: int | None, masalah: list[Masalah]) -> int | None:
    kin = sumber.get("kinerja")
    if kin is None or kin.df.empty:
        if kin is not None:
            masalah.append(Masalah(kin.label, None, None, "tidak berisi baris data"))
        return None
    bad = [(b, t) for b, t in kin.df["tahun"].items() if t and not tahun_ok(t)]
    for b, t in bad:
        masalah.append(Masalah(kin.label, int(b), "tahun", pesan_tahun(t)))
    if bad:
        return None
    years = sorted({t for t in kin.df["tahun"] if t})
    if len(years) != 1:
        if len(years) > 1:
            masalah.append(Masalah(kin.label, None, "tahun", f"berisi lebih dari satu tahun ({', '.join(years)}); impor satu tahun sekaligus"))
        return None
    if tahun is not None and years[0] != str(tahun):
        masalah.append(Masalah(kin.label, None, "tahun", f"berisi tahun {years[0]}, bukan tahun {tahun} yang diminta"))
        return None
    try:
        return int(years[0])
    except ValueError:
        return None  # the loader names the row


@dataclass(frozen=True)
class _Format:
    """How a CSV file of the unit is written, kept when the import writes it again: Excel with an
    Indonesian locale saves ``;`` between columns, a BOM, and CRLF line ends."""

    pemisah: str = ","
    bom: bool = False
    akhir_baris: str = "\n"


def _baca_teks(path: Path) -> tuple[list[str], list[list[str]], _Format]:
    """A CSV file of the (valid) unit as text rows, its header in lower case, and how it is written."""
    data = path.read_bytes()
    text = data.decode("utf-8-sig")
    header, reader = _kepala(path.name, text, KOLOM[path.name], [])
    if header is None:  # the unit was loaded and is valid: cannot happen
        raise DataError([Masalah(path.name, 1, None, "baris judul kolom tidak dapat dibaca")])
    eol = "\r\n" if "\r\n" in text else "\r" if "\r" in text else "\n"
    return header, list(reader), _Format(reader.dialect.delimiter, data.startswith(codecs.BOM_UTF8), eol)


def _tulis_teks(path: Path, header: list[str], rows: list[list[str]], fmt: _Format = _Format()) -> None:
    with open(path, "w", encoding="utf-8-sig" if fmt.bom else "utf-8", newline="") as f:
        w = csv.writer(f, delimiter=fmt.pemisah, lineterminator=fmt.akhir_baris)
        w.writerow(header)
        w.writerows(rows)


def _cek_pohon(unit: Any, tahun: int, tables: dict[str, _Sumber]) -> list[Masalah]:
    """Warnings for the imported budget: each parent whose pagu or realisasi is not the sum of its
    rincian, at its row of the sheet (the template asks for it; the reviu reports it too)."""
    s = tables.get("anggaran")
    if s is None or s.df.empty:
        return []
    baris = dict(zip(s.df["kode"], s.df.index))
    cek = analisis(unit, tahun).cek_anggaran
    return [Masalah(s.label, int(baris[r.kode]) if r.kode in baris else None, str(r.kolom),
                    f"{r.kolom} {r.kode} {format_rupiah(r.nilai_induk)} tidak sama dengan jumlah rinciannya "
                    f"{format_rupiah(r.jumlah_anak)} (selisih {format_rupiah(r.selisih)})", "peringatan")
            for r in cek[~cek["sesuai"]].itertuples(index=False)]


def _berakhir(unit_dir: Path, tahun: int) -> set[str]:
    """The IKU that indikator.csv (as being imported) ends before ``tahun`` (their tahun_akhir)."""
    header, rows, _ = _baca_teks(unit_dir / "indikator.csv")
    if "tahun_akhir" not in header:
        return set()
    i, a = header.index("kode"), header.index("tahun_akhir")
    return {r[i] for r in rows if len(r) > a and tahun_ok(r[a]) and int(r[a]) < tahun}


_BERI = "beri berkas .xlsx dari 'lakip template' atau folder berisi kinerja.csv (dan anggaran.csv dan seterusnya)"
#: What to give instead of a file of another kind, by its extension.
_JENIS_LAIN = {
    ".csv": "satu berkas .csv tidak dapat diimpor sendiri: letakkan kinerja.csv (dan anggaran.csv, anggaran_iku.csv, "
            "indikator.csv, laporan.csv bila ada) dalam satu folder, lalu beri folder itu",
    ".xls": "format Excel lama (.xls) tidak dapat dibaca: buka di Excel/LibreOffice lalu simpan sebagai Buku Kerja Excel "
            "(.xlsx)",
    ".xlsm": "buku kerja bermakro (.xlsm) tidak diterima: simpan sebagai Buku Kerja Excel (.xlsx) tanpa makro",
    ".xlsb": "buku kerja biner (.xlsb) tidak dapat dibaca: simpan sebagai Buku Kerja Excel (.xlsx)",
    ".ods": "lembar kerja OpenDocument (.ods) tidak dapat dibaca: di LibreOffice pilih Simpan Sebagai, "
            "Excel 2007-365 (.xlsx)",
}


def _jenis_berkas(src: Path) -> None:
    """Refuse, with what to give instead, a file that is not a workbook .xlsx by its name."""
    ext = src.suffix.lower()
    if ext in _JENIS_LAIN:
        raise PilihanError(f"{src.name}: {_JENIS_LAIN[ext]}")
    if ext != ".xlsx":
        raise PilihanError(f"{src.name}: bukan berkas .xlsx; {_BERI}")


def _baca_sumber(src: Path, tahun: int | None) -> tuple[dict[str, _Sumber], int, list[Masalah]]:
    """The tables of a workbook or CSV folder, the one year they bring and the reader's warnings;
    DataError with every problem."""
    masalah: list[Masalah] = []
    if src.is_dir():
        tables = _baca_folder(src, masalah)
    elif src.is_file():
        _jenis_berkas(src)
        tables = _tanpa_isian(_baca_xlsx(src, masalah))
    else:
        raise PilihanError(f"'{src}' tidak ada: {_BERI}")
    year = _tahun_impor(tables, tahun, masalah) if not any(m.tingkat == "galat" for m in masalah) else None
    if any(m.tingkat == "galat" for m in masalah) or year is None:
        raise DataError(masalah or [Masalah(src.name, None, None, "tidak ada tahun yang dapat diimpor")])
    return tables, year, [m for m in masalah if m.tingkat == "peringatan"]


def _gabung(cand: Path, name: str, s: _Sumber, year: int, ganti: bool, asal: dict, masalah: list[Masalah]) -> int:
    """Merge one table of the import into the candidate folder's CSV file; return the rows added.

    ``asal`` learns where each new line came from, ``masalah`` the rows that cannot be merged.
    """
    path = cand / f"{name}.csv"
    if name in TABEL_LUAR and not path.exists():  # the unit's first survey or LKE
        header, rows, fmt = list(KOLOM[path.name]), [], _Format()
    else:
        header, rows, fmt = _baca_teks(path)
    have: dict[str, list[str]] = {}
    # an optional column the sheet fills (tahun_akhir and target_renstra of indikator, catatan of laporan) joins
    # the file's header: a file written without it does not drop what the planner wrote there
    for k in KONTRAK[f"{name}.csv"].kolom_opsional:
        if k in s.df.columns and k not in header and (s.df[k].fillna("") != "").any():
            header.append(k)
            rows = [r + [""] * (len(header) - len(r)) for r in rows]
    if name != "indikator":
        ti = header.index("tahun")
        rows = [r for r in rows if not (ganti and len(r) > ti and r[ti] == str(year))]
    else:
        have = {r[header.index("kode")]: r for r in rows}
    added = 0
    berakhir = _berakhir(cand, year) if name in ("kinerja", "anggaran_iku") else set()
    for baris, row in s.df.iterrows():
        if row.get("kode", "") in berakhir and not any(row.get(k, "") for k in ("target", "realisasi", "pagu")):
            continue  # the prefilled row, left blank, of an IKU this workbook ends before the year
        if name != "indikator" and row.get("tahun", "") != str(year) and row.get("tahun", ""):
            masalah.append(Masalah(s.label, int(baris), "tahun", f"'{row['tahun']}' bukan tahun {year} yang diimpor"))
            continue
        if name == "indikator" and row["kode"] in have:
            old = dict(zip(header, have[row["kode"]]))
            diff = [k for k in header if k in row.index and (old.get(k, "") or "") != (row[k] or "")]
            if diff == ["tahun_akhir"]:  # ending an IKU (or correcting its end) from the workbook
                r = have[row["kode"]]
                r[header.index("tahun_akhir")] = row["tahun_akhir"] or ""
                asal[(f"{name}.csv", rows.index(r) + 2)] = (s.label, int(baris))
                added += 1
            elif diff:
                masalah.append(Masalah(s.label, int(baris), diff[0],
                                       f"{row['kode']} sudah ada di indikator.csv dengan isi lain; ubah indikator.csv "
                                       "langsung bila rumusan IKU memang berubah"))
            continue
        rows.append([row.get(k, "") if k in row.index else "" for k in header])
        asal[(f"{name}.csv", len(rows) + 1)] = (s.label, int(baris))
        added += 1
    _tulis_teks(path, header, rows, fmt)
    return added


def _periksa_gabungan(work: Path, entitas: str, year: int, tables: dict[str, _Sumber], asal: dict, hasil: HasilImpor,
                      masalah: list[Masalah]) -> None:
    """Load the merged unit; its problems and warnings, told where the user wrote them, go to ``masalah``
    and ``hasil.peringatan``."""
    try:
        unit = muat(work, entitas)
    except DataError as e:
        masalah += [_asal(m, asal, tables) for m in e.masalah]
        return
    for m in (_asal(m, asal, tables) for m in unit.peringatan):  # a target 0 for a naik IKU cannot be scored
        if "target 0" in m.pesan and m.berkas.startswith(("lembar", "kinerja")) and (m.berkas, m.baris) in set(asal.values()):
            masalah.append(Masalah(m.berkas, m.baris, m.kolom, "target 0 tidak boleh untuk IKU berpolaritas naik "
                                   "(capaian tidak dapat dihitung)"))
        else:
            hasil.peringatan.append(m)
    hasil.peringatan += _cek_pohon(unit, year, tables)


def _bukan_unit_baru(src: Path, entitas: str) -> None:
    """Refuse, in one message, a source that starts a unit (a workbook with an ``entitas`` sheet, a folder with
    ``entitas.yml``) given for a unit that exists: its rows would be read as a year's, its entitas ignored."""
    if src.is_dir():
        mulai = (src / "entitas.yml").is_file()
        apa = f"folder {src.name} berisi entitas.yml (untuk memulai unit baru)"
    else:
        try:
            from openpyxl import load_workbook

            wb = load_workbook(src, read_only=True)
            try:
                mulai = any(n.strip().lower() == "entitas" for n in wb.sheetnames)
            finally:
                wb.close()
        except Exception:  # noqa: BLE001 - not a workbook that can be read: the reader says why
            return
        apa = f"buku kerja {src.name} berisi lembar entitas (untuk memulai unit baru)"
    if mulai:
        raise DataError([Masalah(src.name, None, None,
                                 f"{apa}, tetapi unit {entitas} sudah ada di data dan entitas-nya tidak diganti lewat "
                                 f"impor: untuk tahun berikutnya pakai buku kerja dari 'lakip template --entity {entitas} "
                                 "--year TTTT'; untuk mengubah nama atau aturan unit, ubah entitas.yml di folder unit")])


def impor(
    sumber: str | Path,
    entitas: str,
    data: str | Path | None = None,
    tahun: int | None = None,
    ganti: bool = False,
) -> HasilImpor:
    """Validate a filled workbook (or CSV folder) and merge its year into ``data/<entitas>/``.

    The year is merged into a copy of the unit's folder, which is loaded and
    checked as a whole and swapped in only when there is no problem at all.

    A unit that is not in the data folder is created whole from the workbook of its
    ``lakip template`` or a folder holding ``entitas.yml`` and its files
    (:func:`lakip.data.impor_baru.impor_baru`).

    Raises:
        DataError: listing every problem; the data folder is then unchanged.
    """
    from lakip.data.impor_baru import impor_baru
    from lakip.data.unitbaru import unit_baru

    root = resolve(data, DATA_DIR)
    if not root.is_dir():
        raise PilihanError(f"folder data '{root}' tidak ada; buat foldernya dulu (unit baru dibuat di dalamnya)")
    with kunci_unit(root, entitas):  # another import or a run of this unit waits, and the reverse
        if unit_baru(root, entitas):
            return impor_baru(Path(sumber), entitas, root, tahun)
        unit = muat(root, entitas, isian=True)  # the existing data must itself be valid (and the unit exist)
        _bukan_unit_baru(Path(sumber), entitas)
        tables, year, pesan_baca = _baca_sumber(Path(sumber), tahun)
        unit_dir = root / entitas
        if str(year) in {str(t) for t in unit.kinerja["tahun"]} and not ganti:
            raise DataError([Masalah(tables["kinerja"].label, None, "tahun",
                                     f"tahun {year} sudah ada di data {entitas}; pakai --replace untuk menggantinya")])
        cand = folder_impor(unit_dir)  # .<unit>.impor/<unit>: no other process builds there while the lock is held
        try:
            shutil.copytree(unit_dir, cand)
            asal: dict[tuple[str, int], tuple[str, int]] = {}  # (csv, line) -> (label, row)
            masalah: list[Masalah] = []
            hasil = HasilImpor(entitas, year, peringatan=list(pesan_baca))
            for name, s in tables.items():
                # a sheet left empty (laporan before the report is out) replaces nothing
                hasil.baris[name] = 0 if s.df.empty else _gabung(cand, name, s, year, ganti, asal, masalah)
            _periksa_gabungan(cand.parent, entitas, year, tables, asal, hasil, masalah)
            if any(m.tingkat == "galat" for m in masalah):
                raise DataError(masalah)
            ganti_folder(unit_dir, cand)  # everything valid: the new folder takes the unit's place in one step
            return hasil
        finally:
            shutil.rmtree(cand.parent, ignore_errors=True)  # the build, or the old folder after an exchange


def _asal(m: Masalah, asal: dict[tuple[str, int], tuple[str, int]], tables: dict[str, _Sumber]) -> Masalah:
    """A problem found in the merged files, told where the user wrote it."""
    def ganti_baris(match: re.Match[str]) -> str:  # "sama dengan baris N" inside a message
        src = asal.get((m.berkas, int(match.group(1))))
        return f"sama dengan baris {src[1]}" + ("" if src and src[0] == label else f" di {m.berkas} yang ada") if src else \
            f"sama dengan baris {match.group(1)} {m.berkas} yang ada"

    if m.baris is not None and (m.berkas, m.baris) in asal:
        label, baris = asal[(m.berkas, m.baris)]
        return Masalah(label, baris, m.kolom, re.sub(r"sama dengan baris (\d+)", ganti_baris, m.pesan), m.tingkat)
    name = m.berkas.removesuffix(".csv")
    if m.baris is None and name in tables:
        return Masalah(tables[name].label, None, m.kolom, m.pesan, m.tingkat)
    return m
