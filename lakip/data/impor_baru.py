"""A new unit created from a filled workbook or a folder of files (``lakip import`` for a slug not in the data).

The unit's folder is built beside where it will be (``data/.<unit>.impor/<unit>``): ``entitas.yml`` and
every table, from the workbook of :func:`lakip.data.unitbaru.buku_unit_baru` (its ``entitas`` sheet, its table
sheets, and the sheets ``survei_ikm`` and ``lke`` where filled) or copied from a folder holding ``entitas.yml``
and the CSV files. It is then loaded and checked as any unit is, and renamed into place only when there is no problem at all; otherwise every
problem is reported at once, located where the user wrote it (sheet or file, row, column), and nothing
is left in the data folder.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pandas as pd

from lakip.core.model import DataError, Masalah, PilihanError
from lakip.data.contract import BATAS_BERKAS, KOLOM, KONTRAK, OPSIONAL, mb
from lakip.data.importer import (
    _BERI, TABEL_IMPOR, TABEL_LUAR, HasilImpor, _jenis_berkas, _periksa_gabungan, _Sumber, _tahun_impor, _tanpa_isian,
    _tulis_teks,
)
from lakip.data.kunci import folder_impor, sinyal_ditahan
from lakip.data.load import muat
from lakip.data.unitbaru import KOLOM_ENTITAS, LEMBAR_ENTITAS, entitas_dari_lembar, teks_entitas
from lakip.data.xlsx import baca_xlsx

__all__ = ["impor_baru"]

_ENTITAS = "entitas.yml"


def _hanya_tahun(df: pd.DataFrame) -> pd.DataFrame:
    """The rows that hold more than the year the template prefilled."""
    if "tahun" not in df.columns or df.empty:
        return df
    lain = [k for k in df.columns if k != "tahun"]
    return df[(df[lain].fillna("") != "").any(axis=1)]


def _baca_buku(src: Path, masalah: list[Masalah]) -> tuple[dict | None, dict[str, _Sumber], bool]:
    """The entitas mapping (None when it has a problem), the tables of the workbook, and whether the workbook
    itself could be read (a problem of a cell or of the file stops before the files are built)."""
    awal = len(masalah)
    lembar = baca_xlsx(src, masalah, (LEMBAR_ENTITAS, *TABEL_IMPOR, *TABEL_LUAR), {LEMBAR_ENTITAS, "indikator", "kinerja"},
                       {LEMBAR_ENTITAS: (KOLOM_ENTITAS, ())})
    terbaca = not any(m.tingkat == "galat" for m in masalah[awal:])
    ent = lembar.pop(LEMBAR_ENTITAS, None)
    entitas = entitas_dari_lembar(ent, masalah) if ent is not None else None
    tables = {name: _Sumber(t.label, _hanya_tahun(t.df)) for name, t in lembar.items()}
    # the survey and the LKE, optional: a sheet left empty (or the LKE's components without a nilai) brings no file
    luar = _tanpa_isian({n: s for n, s in tables.items() if n in TABEL_LUAR and not s.df.empty})
    tables = {n: s for n, s in tables.items() if n not in TABEL_LUAR or n in luar}
    return entitas, tables, terbaca


def _tulis_tabel(cand: Path, name: str, s: _Sumber | None, asal: dict) -> int:
    """Write one table of the workbook as its CSV file of the new unit; return its rows."""
    t = KONTRAK[f"{name}.csv"]
    header = list(KOLOM[t.berkas])
    rows: list[list[str]] = []
    if s is not None:
        header += [k for k in t.kolom_opsional if k in s.df.columns and (s.df[k].fillna("") != "").any()]
        for baris, row in s.df.fillna("").iterrows():
            rows.append([row[k] if k in row.index else "" for k in header])
            asal[(t.berkas, len(rows) + 1)] = (s.label, int(baris))
    _tulis_teks(cand / t.berkas, header, rows)
    return len(rows)


def _salin_folder(src: Path, cand: Path, masalah: list[Masalah]) -> None:
    """Copy ``entitas.yml`` and the table files of the folder ``src`` into ``cand`` (a table that may hold
    its header only and is absent gets its header); a file that is no regular file, or too large, is a
    problem and not copied."""
    if not (src / _ENTITAS).exists():
        raise PilihanError(f"folder '{src}' tidak berisi {_ENTITAS}: unit baru perlu {_ENTITAS} (nama unit dan pilihan "
                           f"aturan) dan berkas CSV-nya (lihat data/README.md), atau buku kerja dari 'lakip template'")
    for name in (_ENTITAS, *KOLOM):
        f = src / name
        if not f.exists():
            if name in KOLOM and name not in OPSIONAL and KONTRAK[name].boleh_kosong:
                _tulis_teks(cand / name, list(KOLOM[name]), [])
            continue  # entitas.yml, indikator.csv or kinerja.csv missing: the loader says so
        if not f.is_file():
            masalah.append(Masalah(name, None, None, "bukan berkas biasa (folder atau perangkat); taruh berkasnya di sini"))
        elif f.stat().st_size > BATAS_BERKAS:
            masalah.append(Masalah(name, None, None, f"berkas terlalu besar ({mb(f.stat().st_size)}; paling besar "
                                                     f"{mb(BATAS_BERKAS)})"))
        else:
            shutil.copyfile(f, cand / name)


def _bangun_buku(src: Path, cand: Path, entitas: str, tahun: int | None, masalah: list[Masalah]) -> HasilImpor:
    """The new unit's files from the workbook ``src`` into ``cand``; every problem goes to ``masalah``."""
    data, tables, terbaca = _baca_buku(src, masalah)
    year = _tahun_impor(tables, tahun, masalah) if terbaca else None
    if not terbaca or year is None:
        raise DataError(masalah or [Masalah(src.name, None, None, "tidak ada tahun yang dapat diimpor")])
    # a sheet entitas with a problem: the tables are checked all the same, with a stand-in
    teks = teks_entitas(data, src.name) if data is not None else f"nama: {entitas}\n"
    (cand / _ENTITAS).write_text(teks, encoding="utf-8")
    asal: dict[tuple[str, int], tuple[str, int]] = {}
    hasil = HasilImpor(entitas, year, peringatan=[m for m in masalah if m.tingkat == "peringatan"])
    for name in TABEL_IMPOR:
        hasil.baris[name] = _tulis_tabel(cand, name, tables.get(name), asal)
    for name in TABEL_LUAR:  # written only where filled: a unit without a survey has no survei_ikm.csv
        if name in tables:
            hasil.baris[name] = _tulis_tabel(cand, name, tables[name], asal)
    _periksa_gabungan(cand.parent, entitas, year, tables, asal, hasil, masalah)
    return hasil


def _bangun_folder(src: Path, cand: Path, entitas: str, tahun: int | None, masalah: list[Masalah]) -> HasilImpor:
    """The new unit's files copied from the folder ``src`` into ``cand``, checked; every problem goes to ``masalah``."""
    _salin_folder(src, cand, masalah)
    if any(m.tingkat == "galat" for m in masalah):
        raise DataError(masalah)
    try:
        unit = muat(cand.parent, entitas)
    except DataError as e:
        raise DataError(masalah + e.masalah) from None
    if tahun is not None and tahun not in unit.tahun:
        masalah.append(Masalah("kinerja.csv", None, "tahun", f"tidak berisi tahun {tahun} yang diminta "
                                                             f"(berisi {', '.join(map(str, unit.tahun))})"))
    hasil = HasilImpor(entitas, max(unit.tahun), peringatan=list(unit.peringatan))
    hasil.baris = {n.removesuffix(".csv"): len(getattr(unit, n.removesuffix(".csv")))
                   for n in KOLOM if n not in OPSIONAL}
    return hasil


def impor_baru(src: Path, entitas: str, root: Path, tahun: int | None = None) -> HasilImpor:
    """Create the unit ``entitas`` in the data folder ``root`` from a filled workbook or a folder (called with the
    unit's lock held, the unit absent). Raises DataError with every problem; nothing is then written."""
    if src.is_file():
        _jenis_berkas(src)
    elif not src.is_dir():
        raise PilihanError(f"'{src}' tidak ada: {_BERI}")
    unit_dir = root / entitas
    cand = folder_impor(unit_dir)  # .<unit>.impor/<unit>: no other process builds there while the lock is held
    try:
        cand.mkdir(parents=True)
        masalah: list[Masalah] = []
        hasil = (_bangun_folder if src.is_dir() else _bangun_buku)(src, cand, entitas, tahun, masalah)
        if any(m.tingkat == "galat" for m in masalah):
            raise DataError(masalah)
        with sinyal_ditahan():
            os.rename(cand, unit_dir)  # everything valid: the unit appears whole, in one step
        hasil.baru = True
        return hasil
    finally:
        shutil.rmtree(cand.parent, ignore_errors=True)
