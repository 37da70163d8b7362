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
import datetime as dt
import re
import shutil
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import pandas as pd

from lakip.core.model import DataError, Masalah, PilihanError
from lakip.core.numbers import format_angka, format_angka_terbaca, format_rupiah
from lakip.core.paths import DATA_DIR, resolve
from lakip.core.tables import analisis
from lakip.core.vocabulary import TAHUN_MAKS, TAHUN_MIN, tahun_ok
from lakip.data.contract import KOLOM, _kepala, baca_csv, kolom_hilang
from lakip.data.kunci import folder_impor, ganti_folder, kunci_unit
from lakip.data.load import muat

__all__ = ["TABEL_IMPOR", "HasilImpor", "impor"]

#: The tables a new year brings, in the order they are merged.
TABEL_IMPOR = ("indikator", "kinerja", "anggaran", "anggaran_iku", "laporan")
_WAJIB = {"kinerja"}  # a year without kinerja is no year

# ----------------------------------------------------------------------------- reading what was filled in


@dataclass
class _Sumber:
    """One table of the import: its rows as text, and where each came from."""

    label: str  # "lembar kinerja" or "kinerja.csv"
    df: pd.DataFrame  # index: the row number as the user sees it


def _format_persen(format_sel: str | None) -> bool:
    """Whether an Excel number format scales by 100: a ``%`` outside quotes and not escaped
    (``0.00%`` does; ``0.00" %"`` and ``0.00\\%`` only write the sign)."""
    f = re.sub(r'"[^"]*"|\\.', "", format_sel or "")
    return "%" in f


def _sel(v: object, label: str, baris: int, kolom: str, masalah: list[Masalah], format_sel: str = "General") -> str:
    """A cell as the text a CSV file of the data contract holds.

    A number in a cell formatted as a percent is the percent the user sees:
    Excel keeps ``92,5 %`` as 0.925, and 92,5 is what the data means. In the
    ``nilai`` column of the laporan sheet (figures as printed) it is the text
    shown, decimals included: 0.9 formatted ``0.00%`` is ``90,00 %``.
    """
    if isinstance(v, (int, float)) and not isinstance(v, bool) and _format_persen(format_sel) and v == v:
        d = (Decimal(repr(float(v))) * 100).normalize()
        if kolom == "nilai":  # a figure of the published report: as printed, with the decimals shown and the sign
            m = re.search(r"\.(0+)\s*%", format_sel)
            return f"{format_angka(float(d), len(m.group(1)) if m else 0)} %"
        return format_angka_terbaca(float(d), max(0, -d.as_tuple().exponent))
    if v is None:
        return ""
    if isinstance(v, str):
        return v.strip()
    if isinstance(v, bool):
        return str(v)
    if isinstance(v, int):
        return str(v) if kolom == "tahun" else format_angka(float(v), 0)
    if isinstance(v, float):
        if v != v:
            return ""
        d = Decimal(repr(v)).normalize()
        places = max(0, -d.as_tuple().exponent)
        return format_angka_terbaca(v, places)  # 7.275 -> 7,2750: the loader reads it back
    if isinstance(v, (dt.datetime, dt.date)):
        masalah.append(Masalah(label, baris, kolom, f"berisi tanggal ({v:%d-%m-%Y}); Excel mengubah isian seperti 9/9 "
                               "menjadi tanggal: format sel sebagai Teks lalu ketik ulang"))
        return ""
    return str(v)


def _baca_xlsx(path: Path, masalah: list[Masalah]) -> dict[str, _Sumber]:
    from openpyxl import load_workbook

    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, OSError, KeyError, ValueError):
        masalah.append(Masalah(path.name, None, None, "bukan berkas Excel (.xlsx) yang dapat dibaca"))
        return {}
    out = {}
    lembar: dict[str, str] = {}
    for n in wb.sheetnames:  # "Kinerja " is the kinerja sheet
        kunci = n.strip().lower()
        if kunci in lembar and kunci in TABEL_IMPOR:
            masalah.append(Masalah(path.name, None, None, f"lembar '{lembar[kunci]}' dan '{n}' sama-sama lembar {kunci}; "
                                   "hapus salah satu"))
        lembar.setdefault(kunci, n)
    for name in TABEL_IMPOR:
        label = f"lembar {name}"
        if name not in lembar:
            if name in _WAJIB:
                masalah.append(Masalah(path.name, None, None, f"lembar '{name}' tidak ada"))
            continue
        ws = wb[lembar[name]]
        cells_fmt = [[getattr(c, "number_format", "General") for c in r] for r in ws.iter_rows()]
        rows = list(ws.iter_rows(values_only=True))
        rows = [r for r in rows if r is not None]
        if not rows or all(v is None for v in rows[0]):
            masalah.append(Masalah(label, None, None, "lembar kosong (tanpa judul kolom)"))
            continue
        header = [("" if v is None else str(v)).strip().lower() for v in rows[0]]
        missing = [k for k in KOLOM[f"{name}.csv"] if k not in header]
        for k in missing:
            masalah.append(Masalah(label, 1, k, kolom_hilang(k, header, KOLOM[f"{name}.csv"])))
        if missing:
            continue
        cols = [k for k in KOLOM[f"{name}.csv"]] + (["catatan"] if name == "laporan" and "catatan" in header else [])
        cols += [k for k in ("skala", "formula", "rumus_komponen", "target_renstra", "tahun_renstra", "tahun_akhir")
                 if name == "indikator" and k in header and k not in cols]
        data, index = [], []
        for i, r in enumerate(rows[1:], start=2):
            cells = {k: r[header.index(k)] if header.index(k) < len(r) else None for k in cols}
            if all(v is None or (isinstance(v, str) and not v.strip()) for v in cells.values()):
                continue
            fmt = cells_fmt[i - 1] if i - 1 < len(cells_fmt) else []
            data.append({k: _sel(v, label, i, k, masalah, fmt[header.index(k)] if header.index(k) < len(fmt) else "General")
                         for k, v in cells.items()})
            index.append(i)
        out[name] = _Sumber(label, pd.DataFrame(data, index=pd.Index(index, name="baris"), columns=cols, dtype=object))
    wb.close()
    return out


_ISIAN = {"anggaran": ("pagu", "realisasi"), "anggaran_iku": ("pagu", "realisasi")}


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
    out = {}
    for name in TABEL_IMPOR:
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


def _tahun_impor(sumber: dict[str, _Sumber], tahun: int | None, masalah: list[Masalah]) -> int | None:
    kin = sumber.get("kinerja")
    if kin is None or kin.df.empty:
        if kin is not None:
            masalah.append(Masalah(kin.label, None, None, "tidak berisi baris data"))
        return None
    bad = [(b, t) for b, t in kin.df["tahun"].items() if t and not tahun_ok(t)]
    for b, t in bad:
        masalah.append(Masalah(kin.label, int(b), "tahun", f"'{t}' bukan tahun antara {TAHUN_MIN} dan {TAHUN_MAKS}"))
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


def _baca_sumber(src: Path, tahun: int | None) -> tuple[dict[str, _Sumber], int]:
    """The tables of a workbook or CSV folder and the one year they bring; DataError with every problem."""
    masalah: list[Masalah] = []
    if src.is_dir():
        tables = _baca_folder(src, masalah)
    elif src.is_file():
        tables = _tanpa_isian(_baca_xlsx(src, masalah))
    else:
        raise PilihanError(f"'{src}' tidak ada: beri berkas .xlsx dari 'lakip template' atau folder berisi kinerja.csv")
    year = _tahun_impor(tables, tahun, masalah) if not any(m.tingkat == "galat" for m in masalah) else None
    if any(m.tingkat == "galat" for m in masalah) or year is None:
        raise DataError(masalah or [Masalah(src.name, None, None, "tidak ada tahun yang dapat diimpor")])
    return tables, year


def _gabung(cand: Path, name: str, s: _Sumber, year: int, ganti: bool, asal: dict, masalah: list[Masalah]) -> int:
    """Merge one table of the import into the candidate folder's CSV file; return the rows added.

    ``asal`` learns where each new line came from, ``masalah`` the rows that cannot be merged.
    """
    path = cand / f"{name}.csv"
    header, rows, fmt = _baca_teks(path)
    have: dict[str, list[str]] = {}
    if name != "indikator":
        ti = header.index("tahun")
        rows = [r for r in rows if not (ganti and len(r) > ti and r[ti] == str(year))]
    else:
        # an optional column the sheet fills (tahun_akhir, target_renstra) joins the file's header
        for k in s.df.columns:
            if k not in header and (s.df[k].fillna("") != "").any():
                header.append(k)
                rows = [r + [""] * (len(header) - len(r)) for r in rows]
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

    Raises:
        DataError: listing every problem; the data folder is then unchanged.
    """
    root = resolve(data, DATA_DIR)
    with kunci_unit(root, entitas):  # another import or a run of this unit waits, and the reverse
        muat(root, entitas, isian=True)  # the existing data must itself be valid (and the unit exist)
        tables, year = _baca_sumber(Path(sumber), tahun)
        unit_dir = root / entitas
        header, rows, _ = _baca_teks(unit_dir / "kinerja.csv")
        existing_years = {r[header.index("tahun")].strip() for r in rows if len(r) > header.index("tahun")}
        if str(year) in existing_years and not ganti:
            raise DataError([Masalah(tables["kinerja"].label, None, "tahun",
                                     f"tahun {year} sudah ada di data {entitas}; pakai --replace untuk menggantinya")])
        cand = folder_impor(unit_dir)  # .<unit>.impor/<unit>: no other process builds there while the lock is held
        try:
            shutil.copytree(unit_dir, cand)
            asal: dict[tuple[str, int], tuple[str, int]] = {}  # (csv, line) -> (label, row)
            masalah: list[Masalah] = []
            hasil = HasilImpor(entitas, year)
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
