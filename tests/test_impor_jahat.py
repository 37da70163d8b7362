"""``lakip import`` of hostile workbooks and files of other kinds, and nothing live in what lakip writes.

Each hostile input is built here in a temporary folder from a correctly filled
template: exit status 2, no traceback, a located Indonesian message, the data
folder byte-identical; where the file is a bomb, the time and the peak memory
(VmHWM of the child process that imports it) stay far below what the bomb asks.
"""

import hashlib
import io
import re
import shutil
import struct
import subprocess
import sys
import time
import zipfile
import zlib

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.utils import get_column_letter

import bantu
from lakip.app.isian import tulis_template
from lakip.core.paths import DATA_DIR
from lakip.core.serial import tulis_sel

UNIT = "setda-batubara"
ISI = {"IKU-1": ("Tinggi", "Sangat Tinggi"), "IKU-2": ("100", "90,5"), "IKU-3": ("9,8", "9,9"), "IKU-4": ("74", "75,1"),
       "IKU-5": ("9/9", "9/9"), "IKU-6": ("87", "88,02"), "IKU-7": ("88", "80")}
KINERJA = "xl/worksheets/sheet3.xml"  # the template's sheets: Petunjuk, indikator, kinerja, ...


def sidik(folder):
    h = hashlib.sha256()
    for p in sorted(folder.rglob("*")):
        h.update(str(p.relative_to(folder)).encode())
        if p.is_file():
            h.update(p.read_bytes())
    return h.hexdigest()


@pytest.fixture(scope="module")
def asal(tmp_path_factory):
    """A data folder and the 2025 template of it filled correctly (only kinerja), as bytes."""
    root = tmp_path_factory.mktemp("jahat")
    data = root / "data"
    shutil.copytree(DATA_DIR / UNIT, data / UNIT)
    path = tulis_template(UNIT, 2025, root / "isian.xlsx", data)
    wb = load_workbook(path)
    ws = wb["kinerja"]
    assert [c.value for c in ws[1][:4]] == ["kode", "tahun", "target", "realisasi"]
    for r in range(2, ws.max_row + 1):
        if ws.cell(r, 1).value in ISI:
            ws.cell(r, 3).value, ws.cell(r, 4).value = ISI[ws.cell(r, 1).value]
    buf = io.BytesIO()
    wb.save(buf)
    with zipfile.ZipFile(io.BytesIO(buf.getvalue())) as z:
        assert z.read(KINERJA).count(b"IKU-1") == 1  # the kinerja sheet is where these tests edit it
    return data, buf.getvalue()


@pytest.fixture
def data(asal, tmp_path):
    shutil.copytree(asal[0], tmp_path / "data")
    return tmp_path / "data"


def ganti_bagian(xlsx: bytes, nama: str, ubah) -> bytes:
    """The workbook with its part ``nama`` replaced by ``ubah(old bytes)``."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(xlsx)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            content = src.read(info.filename)
            dst.writestr(info.filename, ubah(content) if info.filename == nama else content)
    return out.getvalue()


def sel_kinerja(xlsx: bytes, ref: str) -> bytes:
    """The XML of cell ``ref`` of the kinerja sheet as openpyxl wrote it."""
    with zipfile.ZipFile(io.BytesIO(xlsx)) as z:
        m = re.search(rb'<c r="' + ref.encode() + rb'"[^>]*?(/>|>.*?</c>)', z.read(KINERJA))
    assert m, ref
    return m.group(0)


def baris_iku(xlsx: bytes, kode: str) -> int:
    wb = load_workbook(io.BytesIO(xlsx), read_only=True)
    for i, row in enumerate(wb["kinerja"].iter_rows(values_only=True), start=1):
        if row and row[0] == kode:
            return i
    raise KeyError(kode)


def impor(data, path, *extra):
    before = sidik(data)
    res = bantu.lakip("import", str(path), "--entity", UNIT, "--data", str(data), *extra)
    assert "Traceback" not in res.stderr, res.stderr
    assert res.returncode == 2, (res.returncode, res.stdout, res.stderr)
    assert sidik(data) == before
    return res.stderr


_UKUR = """
import sys, time
from pathlib import Path
from lakip.data.xlsx import baca_xlsx
masalah = []
t = time.perf_counter()
baca_xlsx(Path(sys.argv[1]), masalah, ("indikator", "kinerja", "anggaran", "anggaran_iku", "laporan"), {"kinerja"})
detik = time.perf_counter() - t
hwm = next(int(l.split()[1]) for l in open("/proc/self/status") if l.startswith("VmHWM:"))
for m in masalah:
    print(m)
print(f"UKUR detik={detik:.3f} kb={hwm}")
"""


def baca_terukur(path):
    """The workbook read in a child process: its problems, the seconds the reading took and the
    process's peak resident memory (MB), imports included."""
    res = subprocess.run([sys.executable, "-c", _UKUR, str(path)], capture_output=True, text=True, timeout=300)
    assert res.returncode == 0 and not res.stderr, res.stderr
    m = re.search(r"UKUR detik=([\d.]+) kb=(\d+)", res.stdout)
    return res.stdout, float(m.group(1)), int(m.group(2)) / 1024


# ----------------------------------------------------------------------------- bombs


def test_a_zip_bomb_is_refused_before_it_inflates(asal, data, tmp_path):
    """A kinerja sheet padded with 300 MB of spaces (legal XML) in a file of some hundred kilobytes."""
    xlsx = asal[1]
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(xlsx)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as dst:
        for info in src.infolist():
            content = src.read(info.filename)
            if info.filename != KINERJA:
                dst.writestr(info.filename, content)
                continue
            head, _, tail = content.partition(b"<sheetData>")
            with dst.open(KINERJA, "w", force_zip64=True) as f:
                f.write(head)
                for _ in range(300):
                    f.write(b" " * 2**20)
                f.write(b"<sheetData>" + tail)
    bom = tmp_path / "bom.xlsx"
    bom.write_bytes(out.getvalue())
    assert bom.stat().st_size < 2 * 2**20
    pesan = "bom.xlsx: bukan berkas Excel (.xlsx) yang dapat dibaca: isinya terlalu besar setelah dibuka (300 MB; " \
            "paling besar 100 MB)"
    assert f"  - {pesan}\n" in impor(data, bom)
    out, detik, mb = baca_terukur(bom)
    assert out.splitlines()[0] == pesan
    assert detik < 0.5 and mb < 300, (detik, mb)


def test_a_declared_3_gb_part_is_refused_in_well_under_a_second(asal, data, tmp_path):
    """The sizes the zip declares are believed when they are too large: a 3 GB claim is refused at once."""
    xlsx = bytearray(asal[1])
    with zipfile.ZipFile(io.BytesIO(bytes(xlsx))) as z:
        info = z.getinfo(KINERJA)
    # the uncompressed size of the part, in its local header and in the central directory
    struct.pack_into("<I", xlsx, info.header_offset + 22, 3 * 2**30)
    cd = bytes(xlsx).index(b"PK\x01\x02")
    while bytes(xlsx[cd + 46:cd + 46 + struct.unpack_from("<H", xlsx, cd + 28)[0]]) != KINERJA.encode():
        cd = bytes(xlsx).index(b"PK\x01\x02", cd + 4)
    struct.pack_into("<I", xlsx, cd + 24, 3 * 2**30)
    bom = tmp_path / "bom3gb.xlsx"
    bom.write_bytes(bytes(xlsx))
    with zipfile.ZipFile(bom) as z:
        assert z.getinfo(KINERJA).file_size == 3 * 2**30
    assert "bom3gb.xlsx: bukan berkas Excel (.xlsx) yang dapat dibaca: isinya terlalu besar setelah dibuka " \
           "(3.072 MB; paling besar 100 MB)\n" in impor(data, bom)
    out, detik, mb = baca_terukur(bom)
    assert "isinya terlalu besar setelah dibuka (3.072 MB; paling besar 100 MB)" in out
    assert detik < 0.5 and mb < 300, (detik, mb)


def test_a_huge_declared_dimension_is_never_trusted(asal, data, tmp_path):
    """37 KB claiming A1:XFD1048576 (with one cell there too): read as the cells it has, and imported."""
    def ubah(xml):
        xml = re.sub(rb'<dimension ref="[^"]*"/>', b'<dimension ref="A1:XFD1048576"/>', xml)
        return xml.replace(b"</sheetData>", b'<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c>'
                                            b"</row></sheetData>")
    path = tmp_path / "dimensi.xlsx"
    path.write_bytes(ganti_bagian(asal[1], KINERJA, ubah))
    out, detik, mb = baca_terukur(path)
    assert out.startswith("UKUR") and detik < 10 and mb < 300, (out, detik, mb)  # far below the 8 GB it asked for
    res = bantu.lakip("import", str(path), "--entity", UNIT, "--data", str(data))
    assert res.returncode == 0, res.stderr
    assert "Tahun 2025 masuk ke data setda-batubara: 7 baris kinerja" in res.stdout


def test_a_row_of_a_million_cells_is_refused_at_the_limit(asal, data, tmp_path):
    """200.001 cells: refused while streaming, before the row is built (a million empty cells compress to kilobytes)."""
    path = tmp_path / "sel.xlsx"
    path.write_bytes(ganti_bagian(asal[1], KINERJA, lambda x: x.replace(
        b"</sheetData>", b'<row r="500">' + b"<c/>" * 1_000_000 + b"</row></sheetData>")))
    pesan = "lembar kinerja: lembar kinerja dan lembar sebelumnya berisi lebih dari 200.000 sel; impor satu unit " \
            "dan satu tahun"
    assert f"  - {pesan}\n" in impor(data, path)
    out, detik, mb = baca_terukur(path)
    assert out.splitlines()[0] == pesan
    assert detik < 20 and mb < 300, (detik, mb)


def test_an_entity_bomb_is_refused(asal, data, tmp_path):
    lol = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
           + b"".join(b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10) for i in range(1, 10))
           + b"]>")
    path = tmp_path / "lol.xlsx"
    path.write_bytes(ganti_bagian(asal[1], KINERJA,
                                  lambda x: lol + x.split(b"?>", 1)[-1].replace(b"IKU-1", b"&lol9;")))
    assert f"lol.xlsx: bukan berkas Excel (.xlsx) yang dapat dibaca: bagian {KINERJA} berisi DTD (<!DOCTYPE>), yang " \
           "tidak pernah ada di buku kerja Excel; simpan ulang berkas dari Excel/LibreOffice\n" in impor(data, path)
    out, detik, mb = baca_terukur(path)
    assert detik < 1 and mb < 300, (detik, mb)


# ----------------------------------------------------------------------------- broken files


def test_malformed_sheet_xml(asal, data, tmp_path):
    path = tmp_path / "rusak.xlsx"
    path.write_bytes(ganti_bagian(asal[1], KINERJA, lambda x: x[:len(x) // 2]))
    err = impor(data, path)
    assert "  - rusak.xlsx: lembar kinerja tidak dapat dibaca: XML-nya rusak; simpan ulang berkas dari " \
           "Excel/LibreOffice" in err


@pytest.mark.parametrize(("nama", "isi", "pesan"), [
    ("bukan.xlsx", b"ini bukan excel", "bukan.xlsx: bukan berkas Excel (.xlsx) yang dapat dibaca"),
    ("terkunci.xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600,
     "terkunci.xlsx: bukan berkas Excel (.xlsx) yang dapat dibaca: berkas ini format Excel lama (.xls) atau dikunci kata "
     "sandi; buka di Excel/LibreOffice lalu simpan sebagai Buku Kerja Excel (.xlsx) tanpa kata sandi"),
    ("kosong.xlsx", b"", "kosong.xlsx: bukan berkas Excel (.xlsx) yang dapat dibaca"),
])
def test_files_that_are_not_workbooks(nama, isi, pesan, data, tmp_path):
    (tmp_path / nama).write_bytes(isi)
    assert f"  - {pesan}\n" in impor(data, tmp_path / nama)


def test_a_truncated_workbook(asal, data, tmp_path):
    path = tmp_path / "potong.xlsx"
    path.write_bytes(asal[1][:len(asal[1]) * 2 // 3])
    assert "  - potong.xlsx: bukan berkas Excel (.xlsx) yang dapat dibaca (berkas rusak atau terpotong)" in impor(data, path)


def test_a_workbook_over_20_mb(data, tmp_path):
    path = tmp_path / "besar.xlsx"
    with open(path, "wb") as f:
        f.truncate(21 * 2**20)
    assert "besar.xlsx: bukan berkas Excel (.xlsx) yang dapat dibaca: berkas terlalu besar (21 MB; paling besar 20 MB)" \
           in impor(data, path)


@pytest.mark.parametrize(("nama", "pesan"), [
    ("kinerja.csv", "kinerja.csv: satu berkas .csv tidak dapat diimpor sendiri: letakkan kinerja.csv"),
    ("lama.xls", "lama.xls: format Excel lama (.xls) tidak dapat dibaca: buka di Excel/LibreOffice lalu simpan sebagai "
                 "Buku Kerja Excel (.xlsx)"),
    ("makro.xlsm", "makro.xlsm: buku kerja bermakro (.xlsm) tidak diterima: simpan sebagai Buku Kerja Excel (.xlsx)"),
    ("calc.ods", "calc.ods: lembar kerja OpenDocument (.ods) tidak dapat dibaca: di LibreOffice pilih Simpan Sebagai"),
    ("isian.txt", "isian.txt: bukan berkas .xlsx; beri berkas .xlsx dari 'lakip template' atau folder berisi kinerja.csv"),
])
def test_other_kinds_of_file_say_what_to_give(asal, nama, pesan, data, tmp_path):
    (tmp_path / nama).write_bytes(asal[1] if nama.endswith(("xlsm", "txt")) else b"kode,tahun\n")
    assert f"Galat: {pesan}" in impor(data, tmp_path / nama)


def test_a_folder_without_the_csv_files(asal, data, tmp_path):
    (tmp_path / "isi").mkdir()
    (tmp_path / "isi" / "isian.xlsx").write_bytes(asal[1])
    err = impor(data, tmp_path / "isi")
    assert f"Galat: folder '{tmp_path / 'isi'}' tidak berisi indikator.csv, kinerja.csv, anggaran.csv, anggaran_iku.csv, " \
           "atau laporan.csv; beri berkas .xlsx dari 'lakip template'" in err


# ----------------------------------------------------------------------------- cells that hide or lie


def test_a_formula_without_a_stored_value(asal, data, tmp_path):
    r = baris_iku(asal[1], "IKU-2")
    old = sel_kinerja(asal[1], f"D{r}")
    path = tmp_path / "rumus.xlsx"
    path.write_bytes(ganti_bagian(asal[1], KINERJA, lambda x: x.replace(old, f'<c r="D{r}"><f>C{r}*0,9</f></c>'.encode())))
    assert f"  - lembar kinerja baris {r}, kolom realisasi: sel D{r} berisi rumus tanpa nilai tersimpan; buka dan simpan " \
           "berkas di Excel/LibreOffice, atau tulis nilainya\n" in impor(data, path)


def test_a_formula_with_its_stored_value_is_that_value(asal, data, tmp_path):
    r = baris_iku(asal[1], "IKU-2")
    old = sel_kinerja(asal[1], f"D{r}")
    path = tmp_path / "rumus.xlsx"
    path.write_bytes(ganti_bagian(asal[1], KINERJA, lambda x: x.replace(old, f'<c r="D{r}"><f>C{r}*0.905</f><v>90.5</v></c>'
                                                                           .encode())))
    res = bantu.lakip("import", str(path), "--entity", UNIT, "--data", str(data))
    assert res.returncode == 0, res.stderr
    assert {"kode": "IKU-2", "tahun": "2025", "target": "100", "realisasi": "90,5"} in bantu.read_csv(data / UNIT / "kinerja.csv")


def test_a_realisasi_hidden_under_merged_cells(asal, data, tmp_path):
    r = baris_iku(asal[1], "IKU-3")
    path = tmp_path / "gabung.xlsx"
    path.write_bytes(ganti_bagian(asal[1], KINERJA, lambda x: x.replace(
        b"</sheetData>", f'</sheetData><mergeCells count="1"><mergeCell ref="C{r}:D{r}"/></mergeCells>'.encode())))
    assert f"  - lembar kinerja baris {r}, kolom realisasi: sel C{r}:D{r} digabung (merge): isi sel yang tertutup " \
           "penggabungan tidak terbaca; pisahkan sel (Unmerge) lalu isi setiap sel\n" in impor(data, path)


def test_merged_reference_columns_are_harmless(asal, data, tmp_path):
    """A merge over the grey reference columns hides nothing that is imported."""
    path = tmp_path / "gabung.xlsx"
    path.write_bytes(ganti_bagian(asal[1], KINERJA, lambda x: x.replace(
        b"</sheetData>", b'</sheetData><mergeCells count="1"><mergeCell ref="E2:G3"/></mergeCells>')))
    res = bantu.lakip("import", str(path), "--entity", UNIT, "--data", str(data))
    assert res.returncode == 0, res.stderr


def inline(ref: str, teks: str) -> bytes:
    esc = teks.replace("&", "&amp;").replace("<", "&lt;")
    return f'<c r="{ref}" t="inlineStr"><is><t>{esc}</t></is></c>'.encode()


@pytest.mark.parametrize(("kolom", "isi", "pesan"), [
    ("D", "9" * 40_000, "isi sel terlalu panjang (40.000 karakter; paling banyak 32.767)"),
    ("D", "90\x85", "berisi karakter kendali U+0085 (tidak terlihat, sering terbawa dari salin-tempel); hapus karakter itu"),
    ("B", "\u0662\u0660\u0662\u0665", "'\u0662\u0660\u0662\u0665' ditulis dengan angka selain 0-9; tulis dengan angka 0-9"),
    ("B", "\uff12\uff10\uff12\uff15", "'\uff12\uff10\uff12\uff15' ditulis dengan angka selain 0-9; tulis dengan angka 0-9"),
    ("B", "20255", "'20255' bukan tahun antara"),
])
def test_hostile_cells_are_located(asal, kolom, isi, pesan, data, tmp_path):
    r = baris_iku(asal[1], "IKU-2")
    old = sel_kinerja(asal[1], f"{kolom}{r}")
    path = tmp_path / "sel.xlsx"
    path.write_bytes(ganti_bagian(asal[1], KINERJA, lambda x: x.replace(old, inline(f"{kolom}{r}", isi))))
    nama = {"B": "tahun", "D": "realisasi"}[kolom]
    err = impor(data, path)
    assert f"  - lembar kinerja baris {r}, kolom {nama}: {pesan}" in err
    assert len(err) < 2000  # a 40.000-character cell is never printed whole


@pytest.mark.parametrize(("v", "pesan"), [("1e999", "inf"), ("12345678901234567890123", "12345678901234567890123")])
def test_numbers_beyond_range_are_refused_not_guessed(asal, v, pesan, data, tmp_path):
    r = baris_iku(asal[1], "IKU-2")
    old = sel_kinerja(asal[1], f"D{r}")
    path = tmp_path / "angka.xlsx"
    path.write_bytes(ganti_bagian(asal[1], KINERJA, lambda x: x.replace(old, f'<c r="D{r}"><v>{v}</v></c>'.encode())))
    err = impor(data, path)
    assert re.search(rf"lembar kinerja baris {r}, kolom realisasi: .*{pesan}", err), err


# ----------------------------------------------------------------------------- what lakip writes


def test_template_text_that_looks_like_a_formula_imports_back_unchanged(asal, data, tmp_path):
    """An IKU named '=SUM(A1)' with the satuan '-5 persen': text in the template (no formula anywhere),
    and the same text after the import (an IKU row changed by the workbook would be an error)."""
    ind = data / UNIT / "indikator.csv"
    rows = ind.read_text(encoding="utf-8").splitlines()
    i = next(k for k, ln in enumerate(rows) if ln.startswith("IKU-2,"))
    cells = rows[i].split(",")
    kolom = rows[0].split(",")
    cells[kolom.index("indikator")], cells[kolom.index("satuan")] = "=SUM(A1)", "-5 persen"
    rows[i] = ",".join(cells)
    ind.write_text("\n".join(rows) + "\n", encoding="utf-8")
    path = tulis_template(UNIT, 2025, tmp_path / "t.xlsx", data)
    with zipfile.ZipFile(path) as z:
        assert not any(b"<f>" in z.read(n) for n in z.namelist() if n.startswith("xl/worksheets/"))
    wb = load_workbook(path)
    r = baris_iku(path.read_bytes(), "IKU-2")
    c = wb["kinerja"].cell(r, 5)
    assert (c.value, c.data_type, c.quotePrefix) == ("=SUM(A1)", "s", True)
    r = next(i for i in range(2, 20) if wb["indikator"].cell(i, 1).value == "IKU-2")
    got = {wb["indikator"].cell(1, j).value: wb["indikator"].cell(r, j) for j in range(1, 12)}
    assert (got["indikator"].value, got["indikator"].data_type) == ("=SUM(A1)", "s")
    assert (got["satuan"].value, got["satuan"].data_type) == ("-5 persen", "s")
    ws = wb["kinerja"]
    for i in range(2, ws.max_row + 1):
        if ws.cell(i, 1).value in ISI:
            ws.cell(i, 3).value, ws.cell(i, 4).value = ISI[ws.cell(i, 1).value]
    wb.save(tmp_path / "diisi.xlsx")
    before = ind.read_bytes()
    res = bantu.lakip("import", str(tmp_path / "diisi.xlsx"), "--entity", UNIT, "--data", str(data))
    assert res.returncode == 0, res.stderr
    assert ind.read_bytes() == before
    row = next(r for r in bantu.read_csv(ind) if r["kode"] == "IKU-2")
    assert (row["indikator"], row["satuan"]) == ("=SUM(A1)", "-5 persen")


@pytest.mark.parametrize("teks", ["=1+1", "+62", "-x", "@a", "\tx", "\rx", "=HYPERLINK(\"http://x\")"])
def test_the_one_cell_writer_never_writes_a_formula(teks):
    wb = Workbook()
    c = tulis_sel(wb.active, 1, 1, teks)
    assert (c.value, c.data_type, c.quotePrefix) == (teks, "s", True)
    buf = io.BytesIO()
    wb.save(buf)
    with zipfile.ZipFile(buf) as z:
        assert b"<f>" not in z.read("xl/worksheets/sheet1.xml")
    assert load_workbook(buf).active["A1"].value == teks


def test_a_control_character_that_got_through_never_crashes_the_writer():
    """The readers refuse control characters; were one to get through, it is written as its code."""
    wb = Workbook()
    assert tulis_sel(wb.active, 1, 1, "a\x07b\x00").value == "a<U+0007>b<U+0000>"
    assert tulis_sel(wb.active, 2, 1, "Nilai").quotePrefix is False
    assert tulis_sel(wb.active, 3, 1, 5).value == 5


def test_a_column_added_by_hand_is_named_in_a_warning_not_dropped_silently(asal, data, tmp_path):
    wb = load_workbook(io.BytesIO(asal[1]))
    ws = wb["kinerja"]
    j = ws.max_column + 1
    ws.cell(1, j).value, ws.cell(2, j).value = "keterangan", "angka sementara"
    path = tmp_path / "isian.xlsx"
    wb.save(path)
    res = bantu.lakip("import", str(path), "--entity", UNIT, "--data", str(data))
    assert res.returncode == 0, res.stderr
    huruf = get_column_letter(j)
    assert (f"lembar kinerja baris 1, kolom keterangan: peringatan: kolom {huruf} ('keterangan') bukan kolom kinerja: "
            "isinya tidak diimpor (kolom yang diimpor: kode, tahun, target, realisasi)") in res.stderr
