"""The data contract of ``data/README.md``, declared once.

Each table of a unit is a :class:`Tabel`: its file, its required columns, the
checks of its columns (:class:`Cek`: a test of one cell's text and the message
of a cell that fails it), the columns that identify a row, and whether the file
may be absent or hold its header only. The single-unit reader validates a table
with the pandera schema built from it (:data:`SKEMA`, all failures at once), the
bulk reader applies the same checks to the distinct texts of many units, and
the importer reads and checks the same columns. Numbers, references between
files and the budget tree are checked by the readers, whose messages need the
reason and the row.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from lakip.core.ikm import UNSUR
from lakip.core.model import Masalah
from lakip.core.teks import BATAS_SEL, KENDALI, cuplik, karakter_kendali
from lakip.core.vocabulary import (
    ANGKA_LAIN, BUKAN_TAHUN, JENIS, POLARITAS, TINGKAT_DITERIMA, angka_latin, sebutan_unit_kerja, tahun_ok,
)

__all__ = ["Cek", "Tabel", "KONTRAK", "KOLOM", "OPSIONAL", "BOLEH_KOSONG", "SKEMA", "BATAS_SEL", "BATAS_BERKAS",
           "mb", "kolom_hilang", "teks_sel", "baca_csv", "validasi_skema", "duplikat", "angka_kolom"]


def mb(n: int) -> str:
    """A size in bytes as a message states it: ``'100 MB'``, ``'1.024 MB'``."""
    return f"{n / 2**20:,.0f} MB".replace(",", ".")


#: The largest data file read (100 MB; a unit's files are kilobytes).
BATAS_BERKAS = 100 * 1024 * 1024


@dataclass(frozen=True)
class Cek:
    """A check of one cell (its stripped text): ``lolos(teks)`` holds, or the cell gets ``pesan``."""

    lolos: Callable[[str], bool]
    pesan: str
    pilihan: tuple[str, ...] = ()  # the allowed words, where the check is one of them (a template's drop-down)


WAJIB_ISI = Cek(lambda v: v != "", "wajib diisi")
LATIN = Cek(angka_latin, ANGKA_LAIN)
# an empty cell is WAJIB_ISI's to say, other scripts' digits LATIN's
TAHUN = Cek(lambda v: v == "" or tahun_ok(v) or not angka_latin(v), BUKAN_TAHUN)
#: The checks of the ``tahun`` column of every table that has one: required, written 0-9, a year.
TAHUN_WAJIB = (WAJIB_ISI, LATIN, TAHUN)
#: A code is a part of a key of laporan.csv (``capaian/IKU-1/2024``) and of file names (``tren_SS-1.png``).
KODE = Cek(lambda v: "/" not in v and "\\" not in v,
           "tidak boleh berisi garis miring ('/' memisahkan bagian kunci laporan.csv dan nama berkas)")
#: A code is also the first part of a change of ``lakip skenario --ubah KODE:KOLOM=NILAI``, and ':' is no part of a
#: file name on Windows.
KODE_TANPA_TITIK_DUA = Cek(lambda v: ":" not in v,
                           "tidak boleh berisi titik dua (':' memisahkan kode dan kolom di lakip skenario --ubah "
                           "KODE:KOLOM=NILAI, dan tidak dapat menjadi bagian nama berkas di Windows)")


def _tanggal_ok(v: str) -> bool:
    import datetime as dt

    if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", v):
        return False
    try:
        dt.date.fromisoformat(v)
    except ValueError:  # 2024-13-45
        return False
    return True


#: A date as the data writes it (ISO, ``2024-04-06``); empty where the report prints none.
TANGGAL = Cek(lambda v: v == "" or _tanggal_ok(v), "bukan tanggal yang sah (tulis TTTT-BB-HH, mis. 2024-04-06)")


#: An answer of the IKM survey: a whole number 1-4 (PermenPAN-RB 14/2017).
JAWABAN = Cek(lambda v: v in ("1", "2", "3", "4"), "jawaban harus bilangan bulat 1 sampai 4")


def salah_satu(values: tuple[str, ...], juga: Callable[[str], bool] | None = None) -> Cek:
    """The cell is one of ``values`` (or passes ``juga``: a word another check refuses with its own reason)."""
    return Cek(lambda v: v in values or (juga is not None and juga(v)), f"harus salah satu dari: {', '.join(values)}",
               tuple(values))


#: A unit's word for its divisions written as a budget level (``bidang``, ``Sub Bagian``): refused, saying what to write.
UNIT_KERJA_TINGKAT = Cek(lambda v: not sebutan_unit_kerja(v),
                         "adalah sebutan bagian unit, bukan tingkat anggaran: tulis unit_kerja (sebutan bagian unit, mis. "
                         "Bidang atau Seksi, diatur di kunci unit_kerja entitas.yml)")


@dataclass(frozen=True)
class Tabel:
    """One table of a unit's data folder."""

    berkas: str
    kolom: tuple[str, ...]  # required columns, in the order a template writes them
    cek: dict[str, tuple[Cek, ...]] = field(default_factory=dict)
    kunci: tuple[str, ...] = ()  # the columns that identify a row (a second row with the same is an error)
    opsional: bool = False  # the file may be absent
    boleh_kosong: bool = False  # the file may hold its header and no row
    kolom_opsional: tuple[str, ...] = ()  # optional columns a workbook sheet of the table may bring

    @property
    def pilihan(self) -> dict[str, tuple[str, ...]]:
        """The columns whose cell is one of some words, and those words (from the checks, their one home)."""
        return {k: c.pilihan for k, ceks in self.cek.items() for c in ceks if c.pilihan}


KONTRAK: dict[str, Tabel] = {t.berkas: t for t in (
    Tabel("indikator.csv", ("kode", "tujuan", "sasaran_kode", "sasaran", "indikator", "satuan", "polaritas", "jenis",
                            "skala", "formula"),
          {"kode": (WAJIB_ISI, KODE, KODE_TANPA_TITIK_DUA), "sasaran_kode": (WAJIB_ISI, KODE, KODE_TANPA_TITIK_DUA),
           "sasaran": (WAJIB_ISI,), "indikator": (WAJIB_ISI,), "polaritas": (salah_satu(POLARITAS),),
           "jenis": (salah_satu(JENIS),)}, ("kode",),
          kolom_opsional=("target_renstra", "tahun_renstra", "rumus_komponen", "tahun_akhir", "sumber")),
    Tabel("kinerja.csv", ("kode", "tahun", "target", "realisasi"),
          {"kode": (WAJIB_ISI, KODE, KODE_TANPA_TITIK_DUA), "tahun": TAHUN_WAJIB}, ("kode", "tahun")),
    # a unit whose budget is not in the data yet, or whose report is not published yet (nothing to review)
    Tabel("anggaran.csv", ("tahun", "kode", "induk", "tingkat", "uraian", "pagu", "realisasi"),
          {"tahun": TAHUN_WAJIB, "kode": (WAJIB_ISI, KODE, KODE_TANPA_TITIK_DUA), "induk": (KODE, KODE_TANPA_TITIK_DUA),
           "tingkat": (UNIT_KERJA_TINGKAT, salah_satu(TINGKAT_DITERIMA, sebutan_unit_kerja)), "uraian": (WAJIB_ISI,)},
          ("tahun", "kode"), boleh_kosong=True),
    Tabel("anggaran_iku.csv", ("tahun", "kode", "pagu", "realisasi"),
          {"tahun": TAHUN_WAJIB, "kode": (WAJIB_ISI, KODE, KODE_TANPA_TITIK_DUA)}, ("tahun", "kode"), boleh_kosong=True),
    Tabel("laporan.csv", ("tahun", "tabel", "kunci", "nilai"),
          {"tahun": TAHUN_WAJIB, "tabel": (WAJIB_ISI,), "kunci": (WAJIB_ISI,)}, boleh_kosong=True,
          kolom_opsional=("catatan",)),
    Tabel("sdm.csv", ("status", "jumlah"), {"status": (WAJIB_ISI,)}, opsional=True, boleh_kosong=True),
    Tabel("perda.csv", ("uraian", "tanggal"), {"uraian": (WAJIB_ISI,), "tanggal": (TANGGAL,)}, opsional=True,
          boleh_kosong=True),
    # the IKM survey, one row per respondent (DOMAIN.md section 8): read by lakip.data.load into Unit.lampiran
    Tabel("survei_ikm.csv", ("tahun", "responden", *UNSUR),
          {"tahun": TAHUN_WAJIB, "responden": (WAJIB_ISI,), **{u: (JAWABAN,) for u in UNSUR}},
          ("tahun", "responden"), opsional=True, boleh_kosong=True, kolom_opsional=("layanan",)),
    # the LKE of the AKIP evaluation, one row per component or sub-component (induk)
    Tabel("lke.csv", ("tahun", "komponen", "bobot", "nilai"),
          {"tahun": TAHUN_WAJIB, "komponen": (WAJIB_ISI, KODE)}, ("tahun", "komponen"), opsional=True,
          boleh_kosong=True, kolom_opsional=("induk",)),
)}

#: Required columns of each table.
KOLOM: dict[str, tuple[str, ...]] = {name: t.kolom for name, t in KONTRAK.items()}
#: Tables that may be absent.
OPSIONAL = tuple(name for name, t in KONTRAK.items() if t.opsional)
#: Tables that may hold their header only. Without indikator or kinerja there is nothing to analyse.
BOLEH_KOSONG = tuple(name for name, t in KONTRAK.items() if t.boleh_kosong)


@cache
def _pa_check(c: Cek) -> pa.Check:
    """The pandera check of a :class:`Cek`, one per check (they are costly to make)."""
    return pa.Check(c.lolos, element_wise=True, error=c.pesan)


def _skema(t: Tabel) -> pa.DataFrameSchema:
    cols = {k: pa.Column(object, checks=[_pa_check(c) for c in ceks]) for k, ceks in t.cek.items()}
    return pa.DataFrameSchema(cols, strict=False)


#: The column checks of each table as pandera schemas (the single-unit reader's).
SKEMA: dict[str, pa.DataFrameSchema] = {name: _skema(t) for name, t in KONTRAK.items() if t.cek}


def validasi_skema(name: str, df: pd.DataFrame, masalah: list[Masalah]) -> set[int]:
    """Run the pandera schema of table ``name`` on ``df`` (all failures at once); return the rows that failed."""
    schema = SKEMA.get(name)
    if schema is None:
        return set()
    try:
        schema.validate(df, lazy=True)
    except pa.errors.SchemaErrors as err:
        fc = err.failure_cases.dropna(subset=["index"])
        bad = set()
        for row in fc.itertuples(index=False):
            baris = int(row.index)
            bad.add(baris)
            value = "" if row.failure_case is None else cuplik(row.failure_case)
            pesan = row.check if value == "" else f"'{value}' {row.check}"
            masalah.append(Masalah(name, baris, row.column, pesan))
        return bad
    return set()


def duplikat(name: str, df: pd.DataFrame, masalah: list[Masalah], keys: Sequence[str] | None = None) -> None:
    """A problem at every row whose key columns (the table's :attr:`Tabel.kunci`) repeat an earlier row's."""
    keys = list(KONTRAK[name].kunci if keys is None else keys)
    isi = df[(df[keys] != "").all(axis=1)]  # a key left empty is said once, at its cell ("wajib diisi")
    dup = isi[isi.duplicated(keys, keep=False)]
    for _, grp in dup.groupby(keys, sort=False):
        first = int(grp.index[0])
        ident = ", ".join(f"{k} {v}" for k, v in zip(keys, grp.iloc[0][keys]))
        for baris in grp.index[1:]:
            masalah.append(Masalah(name, int(baris), None, f"baris ganda ({ident}), sama dengan baris {first}"))


def angka_kolom(name: str, df: pd.DataFrame, kolom: str, masalah: list[Masalah], wajib: bool,
                negatif: bool = False) -> pd.Series:
    """A column of numbers as written in documents (``27,5``, ``64.440.768.486``) parsed, NaN where empty; a
    problem at each cell that is unreadable, empty when ``wajib``, or negative unless ``negatif``."""
    from lakip.core.numbers import AngkaError, parse_angka

    out = []
    for baris, v in df[kolom].items():
        try:
            x = parse_angka(v)
        except AngkaError as e:
            masalah.append(Masalah(name, int(baris), kolom, str(e)))
            x = None
        else:
            if x is None and wajib:
                masalah.append(Masalah(name, int(baris), kolom, "wajib diisi"))
            elif x is not None and x < 0 and not negatif:
                masalah.append(Masalah(name, int(baris), kolom, f"'{cuplik(v)}' tidak boleh negatif"))
        out.append(float("nan") if x is None else x)
    return pd.Series(out, index=df.index, dtype=float)


def kolom_hilang(kolom: str, header: Sequence[str], dikenal: Sequence[str] = ()) -> str:
    """The message for a required column that a header lacks, naming a likely misspelling of it."""
    import difflib

    lain = [h for h in header if h and h not in dikenal]
    mirip = difflib.get_close_matches(kolom, lain, n=1, cutoff=0.7)
    if mirip:
        return f"kolom wajib tidak ada; judul kolom '{cuplik(mirip[0], 60)}' mungkin salah ketik untuk '{kolom}'"
    return f"kolom wajib tidak ada (judul kolom yang ada: {cuplik(', '.join(h for h in header if h), 300) or 'tidak ada'})"


def _line_of(data: bytes, offset: int) -> int:
    return len(data[:offset].splitlines()) + (offset == 0 or data[offset - 1:offset] in b"\r\n")


def baca_csv(path: Path, masalah: list[Masalah], boleh_kosong: bool = False, saran_kosong: str = "") -> pd.DataFrame | None:
    """Read a CSV file of the contract as text cells, indexed by spreadsheet row number (the header is row 1).

    ``boleh_kosong``: a header with no row is a table with no row, whatever
    the file; ``saran_kosong``: what to do, added to the message when it is not.
    """
    name = path.name
    wajib = KOLOM[name]
    if not path.is_file():
        if path.exists():  # a folder, a device, a link to one: never read (a link to /dev/zero would never end)
            masalah.append(Masalah(name, None, None, "bukan berkas biasa (folder atau perangkat); taruh berkas CSV di sini"))
        elif name not in OPSIONAL:
            masalah.append(Masalah(name, None, None, "berkas tidak ditemukan"))
        return None
    if path.stat().st_size > BATAS_BERKAS:
        masalah.append(Masalah(name, None, None, f"berkas terlalu besar ({mb(path.stat().st_size)}; "
                               f"paling besar {mb(BATAS_BERKAS)})"))
        return None
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        masalah.append(Masalah(
            name, _line_of(data, e.start), None,
            "berkas bukan UTF-8; simpan ulang sebagai 'CSV UTF-8 (dipisah koma)'",
        ))
        return None
    if "\x00" in text:  # valid UTF-8, but no table's text: UTF-16 saved without its byte-order mark, or a binary file
        masalah.append(Masalah(name, _line_of(data, data.index(b"\x00")), None,
                               "berkas bukan UTF-8 (berisi byte nol: UTF-16 atau berkas biner); simpan ulang sebagai "
                               "'CSV UTF-8 (dipisah koma)'"))
        return None
    if not text.strip():
        masalah.append(Masalah(name, None, None, "berkas kosong"))
        return None
    header, reader = _kepala(name, text, wajib, masalah)
    if header is None:
        return None
    rows, index = [], []
    periksa = KENDALI.search(text) is not None or len(text) > BATAS_SEL  # the plain file needs no look at each cell
    akhir = reader.line_num  # a row is numbered by the physical line it starts on, whatever line breaks its cells hold
    for row in reader:
        line, akhir = akhir + 1, reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            if akhir - line > 0 and any("\n" in cell for cell in row):  # a quote opened here swallowed the lines after
                masalah.append(Masalah(name, line, None, f"tanda kutip (\") yang dibuka di baris ini tidak ditutup: baris "
                                                         f"{line} sampai {akhir} terbaca sebagai satu baris; tutup tanda "
                                                         "kutipnya atau hapus"))
            else:
                masalah.append(Masalah(name, line, None, f"baris berisi {len(row)} kolom, seharusnya {len(header)}"))
            continue
        rows.append([teks_sel(name, line, k, cell, masalah) if periksa else cell.strip() for k, cell in zip(header, row)])
        index.append(line)
    df = pd.DataFrame(rows, columns=header, index=pd.Index(index, name="baris"), dtype=object)
    if df.empty and name not in BOLEH_KOSONG and not boleh_kosong:
        if not any(m.berkas == name for m in masalah):
            masalah.append(Masalah(name, None, None, "berkas tidak berisi baris data" + saran_kosong))
        return None
    return df


def _kepala(name: str, text: str, wajib: tuple[str, ...], masalah: list[Masalah]):
    """The header of a CSV text (comma, or semicolon as Excel saves with an Indonesian locale) and a reader
    positioned after it; (None, None) with the problems when the header does not hold the required columns."""
    first = text.splitlines()[0]
    header_comma = [h.strip().lower() for h in next(csv.reader([first]))]
    header_semi = [h.strip().lower() for h in next(csv.reader([first], delimiter=";"))]
    sep = ","
    if len(header_semi) > len(header_comma) and set(wajib) <= set(header_semi):
        sep = ";"  # saved by Excel with an Indonesian locale
    if "\t" in first and len(header_comma) == 1 and len(header_semi) == 1:
        masalah.append(Masalah(name, 1, None, "kolom dipisah tab; simpan ulang sebagai 'CSV UTF-8 (dipisah koma)'"))
        return None, None
    csv.field_size_limit(max(csv.field_size_limit(), BATAS_BERKAS))  # a long cell gets a located message, below
    reader = csv.reader(io.StringIO(text, newline=None), delimiter=sep)  # LF, CRLF and CR (old Mac) line ends
    header = [h.strip().lower() for h in next(reader)]
    if KENDALI.search("".join(header)) or any(len(h) > 100 for h in header):
        masalah.append(Masalah(name, 1, None, f"baris judul kolom tidak sah ('{cuplik(','.join(header))}')"))
        return None, None
    missing = [k for k in wajib if k not in header]
    if missing:
        for k in missing:
            masalah.append(Masalah(name, 1, k, kolom_hilang(k, header, wajib)))
        return None, None
    dup = sorted({h for h in header if header.count(h) > 1 and h})
    if dup:
        masalah.append(Masalah(name, 1, dup[0], "nama kolom berulang"))
        return None, None
    return header, reader


def teks_sel(name: str, line: int, kolom: str, cell: str, masalah: list[Masalah]) -> str:
    """A cell's text, stripped; a cell too long or holding a control character is a problem at its
    line (its text is then cut or cleaned, so that the checks after it do not repeat the problem)."""
    kendali = karakter_kendali(cell)
    if kendali is not None:
        masalah.append(Masalah(name, line, kolom, f"berisi karakter kendali {kendali} (tidak terlihat, sering terbawa dari "
                               "salin-tempel); hapus karakter itu"))
        cell = KENDALI.sub("", cell)
    if len(cell) > BATAS_SEL:
        masalah.append(Masalah(name, line, kolom, f"isi sel terlalu panjang ({len(cell):,} karakter; paling banyak "
                               f"{BATAS_SEL:,})".replace(",", ".")))
        cell = cell[:BATAS_SEL]
    return cell.strip()
