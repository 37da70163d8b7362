"""A new year's data: the workbook to fill in, its import, and a corpus of bad inputs.

Every bad input must give its exact message (sheet or file, row, column),
no traceback, and leave the data folder exactly as it was.
"""

import hashlib
import shutil
import subprocess
import sys

import pandas as pd
import pytest
from openpyxl import load_workbook

import bantu
from lakip import analysis
from lakip.app.isian import tulis_template
from lakip.data.importer import impor
from lakip.core.model import DataError
from lakip.data.load import muat
from lakip.core.paths import DATA_DIR

ISI = {"IKU-1": ("Tinggi", "Sangat Tinggi"), "IKU-2": ("100", "90,5"), "IKU-3": ("9,8", "9,9"), "IKU-4": ("74", "75,1"),
       "IKU-5": ("9/9", "9/9"), "IKU-6": ("87", "88,02"), "IKU-7": ("88", "80")}


@pytest.fixture
def data(tmp_path):
    shutil.copytree(DATA_DIR / "setda-batubara", tmp_path / "data" / "setda-batubara")
    return tmp_path / "data"


def sidik(folder):
    """A fingerprint of every file of a data folder."""
    h = hashlib.sha256()
    for p in sorted(folder.rglob("*")):
        if p.is_file():
            h.update(str(p.relative_to(folder)).encode() + p.read_bytes())
    return h.hexdigest()


def baris(ws, kode, kolom_kode=1):
    for r in range(2, ws.max_row + 1):
        if ws.cell(r, kolom_kode).value == kode:
            return r
    raise KeyError(kode)


def isi_kinerja(ws, kecuali=()):
    """Type the target and realisasi of ISI into a kinerja sheet, but for the IKU in ``kecuali``."""
    for kode, (t, r) in ISI.items():
        if kode not in kecuali:
            i = baris(ws, kode)
            ws.cell(i, 3).value, ws.cell(i, 4).value = t, r


@pytest.fixture
def workbook(data, tmp_path):
    """The template for 2025, filled in correctly (kinerja, anggaran_iku, the budget tree)."""
    path = tulis_template("setda-batubara", 2025, tmp_path / "isian.xlsx", data)
    wb = load_workbook(path)
    ws = wb["kinerja"]
    isi_kinerja(ws)
    ws = wb["anggaran_iku"]
    for i in range(2, 9):
        ws.cell(i, 3).value, ws.cell(i, 4).value = "1.000.000", 900000.0
    ws = wb["anggaran"]
    for i in range(2, ws.max_row + 1):
        if ws.cell(i, 2).value:
            ws.cell(i, 6).value = ws.cell(i, 8).value
            ws.cell(i, 7).value = ws.cell(i, 9).value
    return wb


def run_import(wb, tmp_path, data, **kw):
    path = tmp_path / "diisi.xlsx"
    wb.save(path)
    return impor(path, "setda-batubara", data, **kw)


def test_template_sheets_prefill_and_lists(data, tmp_path):
    path = tulis_template("setda-batubara", 2025, tmp_path / "isian.xlsx", data)
    wb = load_workbook(path)
    assert wb.sheetnames == ["Petunjuk", "indikator", "kinerja", "anggaran", "anggaran_iku", "laporan", "survei_ikm", "lke"]
    ws = wb["kinerja"]
    header = [c.value for c in ws[1]]
    assert header[:4] == ["kode", "tahun", "target", "realisasi"]
    assert "target 2024 (referensi)" in header and "realisasi 2024 (referensi)" in header
    assert [ws.cell(i, 1).value for i in range(2, 9)] == [f"IKU-{i}" for i in range(1, 8)]
    i7 = baris(ws, "IKU-7")
    assert ws.cell(i7, 2).value == "2025" and ws.cell(i7, 8).value == "87" and ws.cell(i7, 9).value == "66,35"
    lists = [dv.formula1 for dv in ws.data_validations.dataValidation]
    assert '"Rendah,Sedang,Tinggi,Sangat Tinggi,N/A"' in lists
    ind_lists = [dv.formula1 for dv in wb["indikator"].data_validations.dataValidation]
    assert '"naik,turun"' in ind_lists and '"angka,rentang,level,kategori"' in ind_lists
    assert "PETUNJUK PENGISIAN DATA TAHUN 2025" in wb["Petunjuk"]["A1"].value
    assert wb["anggaran"].max_row >= 84 and wb["anggaran"].cell(2, 8).value == "48.281.384.383"
    # same inputs, same bytes
    again = tulis_template("setda-batubara", 2025, tmp_path / "lagi" / "isian.xlsx", data)
    assert again.read_bytes() == path.read_bytes()


def test_a_filled_workbook_is_merged_and_runs_with_earlier_years(workbook, data, tmp_path):
    hasil = run_import(workbook, tmp_path, data)
    assert hasil.tahun == 2025 and hasil.baris["kinerja"] == 7 and hasil.baris["anggaran"] == 83
    unit = muat(data, "setda-batubara")
    assert unit.tahun == [2022, 2023, 2024, 2025]
    p = analysis.tabel_perbandingan(unit, 2025).set_index(["kode", "tahun"])
    assert p.loc[("IKU-7", 2025), "capaian"] == 80 * 100 / 88
    assert p.loc[("IKU-7", 2025), "perubahan_pp"] == pytest.approx(80 * 100 / 88 - 66.35 * 100 / 87, abs=1e-12)
    assert p.loc[("IKU-1", 2025), "kategori"] == "Sangat Tinggi"  # Sangat Tinggi against Tinggi: 4/3
    kin = (data / "setda-batubara" / "kinerja.csv").read_text(encoding="utf-8")
    assert kin.splitlines()[:22] == (DATA_DIR / "setda-batubara" / "kinerja.csv").read_text(encoding="utf-8").splitlines()
    assert 'IKU-6,2025,87,"88,02"' in kin and "IKU-4,2025,74,\"75,1\"" in kin
    res = subprocess.run([sys.executable, "-m", "lakip", "run", "--data", str(data), "--year", "2025",
                          "--out", str(tmp_path / "out"), "--tabel-saja"], capture_output=True, text=True)
    assert res.returncode == 0, res.stderr


def test_a_real_number_with_three_decimals_is_written_so_that_it_reads_back(workbook, data, tmp_path):
    """Excel holds 7.275 as a number; 7,275 in the CSV would be refused as ambiguous (7,275 or 7.275)."""
    workbook["kinerja"].cell(baris(workbook["kinerja"], "IKU-6"), 4).value = 7.275
    run_import(workbook, tmp_path, data)
    assert 'IKU-6,2025,87,"7,2750"' in (data / "setda-batubara" / "kinerja.csv").read_text(encoding="utf-8")
    k = muat(data, "setda-batubara").kinerja.set_index(["kode", "tahun"])
    assert k.loc[("IKU-6", 2025), "realisasi_nilai"] == 7.275


def test_a_number_in_a_percent_cell_is_the_percent_the_user_sees(workbook, data, tmp_path):
    """Pasted with its format, 88,02 % is kept by Excel as 0.8802 in a cell formatted 0.00%."""
    c = workbook["kinerja"].cell(baris(workbook["kinerja"], "IKU-6"), 4)
    c.value, c.number_format = 0.8802, "0.00%"
    c = workbook["kinerja"].cell(baris(workbook["kinerja"], "IKU-4"), 4)
    c.value, c.number_format = 0.751, "0%"
    c = workbook["kinerja"].cell(baris(workbook["kinerja"], "IKU-2"), 4)
    c.value, c.number_format = 90.5, '0.00" %"'  # a % sign written by the format, not a scale
    hasil = run_import(workbook, tmp_path, data)
    kin = (data / "setda-batubara" / "kinerja.csv").read_text(encoding="utf-8")
    assert 'IKU-6,2025,87,"88,02"' in kin and 'IKU-4,2025,74,"75,1"' in kin and 'IKU-2,2025,100,"90,5"' in kin
    assert not [m for m in hasil.peringatan if "sepersepuluh" in m.pesan or "10 kali" in m.pesan]


def test_the_command_line_names_the_iku_left_without_realisasi(workbook, data, tmp_path):
    workbook["kinerja"].cell(baris(workbook["kinerja"], "IKU-6"), 4).value = None  # forgotten
    path = tmp_path / "diisi.xlsx"
    workbook.save(path)
    res = subprocess.run([sys.executable, "-m", "lakip", "import", str(path), "--entity", "setda-batubara", "--data", str(data)],
                         capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
    assert res.stdout.splitlines()[1:] == [
        "Realisasi kosong atau N/A, dihitung belum dapat diukur (periksa bila belum diisi):",
        "  2025: IKU-6 Indeks Kepuasan Masyarakat",
    ]


def test_replace_and_keep(workbook, data, tmp_path):
    run_import(workbook, tmp_path, data)
    workbook["kinerja"].cell(baris(workbook["kinerja"], "IKU-7"), 4).value = "81"
    with pytest.raises(DataError) as e:
        run_import(workbook, tmp_path, data)
    assert [str(m) for m in e.value.masalah] == [
        "lembar kinerja, kolom tahun: tahun 2025 sudah ada di data setda-batubara; pakai --replace untuk menggantinya"]
    run_import(workbook, tmp_path, data, ganti=True)
    k = muat(data, "setda-batubara").kinerja.set_index(["kode", "tahun"])
    assert k.loc[("IKU-7", 2025), "realisasi_nilai"] == 81.0 and len(k) == 28


def test_an_empty_sheet_replaces_nothing(workbook, data, tmp_path):
    """Re-importing a year to correct its kinerja keeps the report figures entered for it earlier."""
    lap = workbook["laporan"]
    for j, v in enumerate(["2025", "Tabel 3.2", "capaian/IKU-7/2025", "90,91"], start=1):
        lap.cell(2, j).value = v
    assert run_import(workbook, tmp_path, data).baris["laporan"] == 1
    for j in range(1, 5):
        lap.cell(2, j).value = None
    workbook["kinerja"].cell(baris(workbook["kinerja"], "IKU-7"), 4).value = "81"
    hasil = run_import(workbook, tmp_path, data, ganti=True)
    assert hasil.baris["laporan"] == 0
    u = muat(data, "setda-batubara")
    assert u.laporan[u.laporan["tahun"] == 2025]["kunci"].tolist() == ["capaian/IKU-7/2025"]
    assert u.kinerja.set_index(["kode", "tahun"]).loc[("IKU-7", 2025), "realisasi_nilai"] == 81.0


def test_a_budget_sheet_left_as_prefilled_is_no_budget_data(data, tmp_path):
    path = tulis_template("setda-batubara", 2025, tmp_path / "isian.xlsx", data)
    wb = load_workbook(path)
    isi_kinerja(wb["kinerja"])
    hasil = run_import(wb, tmp_path, data)
    assert hasil.baris == {"indikator": 0, "kinerja": 7, "laporan": 0}


def test_budget_above_pagu_is_a_warning(workbook, data, tmp_path):
    ws = workbook["anggaran_iku"]
    ws.cell(2, 4).value = "1.200.000"
    hasil = run_import(workbook, tmp_path, data)
    assert [str(m) for m in hasil.peringatan if "anggaran_iku" in m.berkas] == [
        "lembar anggaran_iku baris 2, kolom realisasi: peringatan: realisasi anggaran melebihi pagu"]


def test_a_parent_that_is_not_the_sum_of_its_rincian_is_a_warning_at_its_row(workbook, data, tmp_path):
    """The workbook was filled with 2024's budget, whose Bagian Umum is 43.684.125 off its kegiatan (as the seed prints)."""
    hasil = run_import(workbook, tmp_path, data)
    ws = workbook["anggaran"]
    assert [str(m) for m in hasil.peringatan] == [
        f"lembar anggaran baris {baris(ws, 'B1', 2)}, kolom pagu: peringatan: pagu B1 Rp 24.874.287.410 tidak sama "
        "dengan jumlah rinciannya Rp 24.830.603.285 (selisih Rp 43.684.125)",
        f"lembar anggaran baris {baris(ws, 'B1.2', 2)}, kolom pagu: peringatan: pagu B1.2 Rp 10.200.016.139 tidak sama "
        "dengan jumlah rinciannya Rp 10.243.700.264 (selisih -Rp 43.684.125)",
    ]
    ws.cell(baris(ws, "B1.2", 2), 6).value = "10.243.700.264"  # its sub-kegiatan were right: B1 is then too
    hasil = run_import(workbook, tmp_path, data, ganti=True)
    assert hasil.peringatan == []


# --------------------------------------------------------------------- the corpus of bad workbooks

def _set(sheet, kode, kolom, value):
    def f(wb):
        ws = wb[sheet]
        header = [c.value for c in ws[1]]
        r = baris(ws, kode, 2 if sheet in ("anggaran", "anggaran_iku", "laporan") else 1) if isinstance(kode, str) else kode
        ws.cell(r, header.index(kolom) + 1).value = value
    return f


def _add(sheet, values):
    def f(wb):  # into the first empty row (the template formats rows ahead as text)
        ws = wb[sheet]
        r = next(i for i in range(2, ws.max_row + 2) if all(ws.cell(i, j).value in (None, "") for j in range(1, 4)))
        for j, v in enumerate(values, start=1):
            ws.cell(r, j).value = v
    return f


def _del_col(sheet, kolom):
    def f(wb):
        ws = wb[sheet]
        header = [c.value for c in ws[1]]
        ws.delete_cols(header.index(kolom) + 1)
    return f


def _del_sheet(sheet):
    def f(wb):
        del wb[sheet]
    return f


def _clear_sheet(sheet):
    def f(wb):
        ws = wb[sheet]
        ws.delete_rows(1, ws.max_row)
    return f


def _both(*fs):
    def f(wb):
        for g in fs:
            g(wb)
    return f


IND = ["IKU-8", "Terwujudnya Tata Kelola", "SS-7", "Sasaran Baru", "Indikator Baru", "Persen", "naik", "angka", "", "x", ""]
K8 = ("lembar kinerja, kolom kode: IKU-8 dari indikator.csv tidak punya baris sama sekali; tambahkan baris tahun "
      "pertamanya (lakip template menyiapkannya)")

KASUS = [
    ("angka tidak terbaca", _set("kinerja", "IKU-2", "realisasi", "85,8,3"),
     ["lembar kinerja baris 3, kolom realisasi: '85,8,3' bukan angka: pengelompokan ribuan dengan ',' tidak sah"]),
    ("angka ambigu", _set("kinerja", "IKU-2", "realisasi", "1,500"),
     ["lembar kinerja baris 3, kolom realisasi: '1,500' ambigu: dapat dibaca 1,500 (desimal) atau 1.500 (ribuan gaya Inggris); "
      "tulis 1.500 untuk ribuan, 1,5000 untuk desimal"]),
    ("pengelompokan rusak", _set("anggaran_iku", "IKU-3", "pagu", "11764.429.034"),
     ["lembar anggaran_iku baris 4, kolom pagu: '11764.429.034' bukan angka: pengelompokan ribuan dengan '.' tidak sah"]),
    ("kata polaritas salah", _add("indikator", IND[:6] + ["naikk"] + IND[7:]),
     ["lembar indikator baris 9, kolom polaritas: 'naikk' harus salah satu dari: naik, turun", K8]),
    ("kata jenis salah", _add("indikator", IND[:7] + ["persen"] + IND[8:]),
     ["lembar indikator baris 9, kolom jenis: 'persen' harus salah satu dari: angka, rentang, level, kategori", K8]),
    ("kategori tanpa skala", _add("indikator", IND[:7] + ["kategori"] + IND[8:]),
     ["lembar indikator baris 9, kolom skala: indikator jenis kategori perlu skala: kata berurutan dari terendah dipisah ';' "
      "atau nama skala (lppd, akip, opini_bpk)", K8]),
    ("IKU lama diubah", _set("indikator", "IKU-2", "satuan", "%"),
     ["lembar indikator baris 3, kolom satuan: IKU-2 sudah ada di indikator.csv dengan isi lain; ubah indikator.csv langsung "
      "bila rumusan IKU memang berubah"]),
    ("kata di luar skala", _set("kinerja", "IKU-1", "realisasi", "Lumayan"),
     ["lembar kinerja baris 2, kolom realisasi: 'Lumayan' bukan kata pada skala indikator ini: Rendah, Sedang, Tinggi, Sangat Tinggi"]),
    ("target 0 polaritas naik", _set("kinerja", "IKU-6", "target", "0"),
     ["lembar kinerja baris 7, kolom target: target 0 tidak boleh untuk IKU berpolaritas naik (capaian tidak dapat dihitung)"]),
    ("target kosong", _set("kinerja", "IKU-6", "target", None),
     ["lembar kinerja baris 7, kolom target: target wajib diisi"]),
    ("level rusak", _set("kinerja", "IKU-5", "realisasi", "9-9"),
     ["lembar kinerja baris 6, kolom realisasi: '9-9' bukan level (tulis seperti 9/9)"]),
    ("tanggal dari Excel", _set("kinerja", "IKU-5", "target", __import__("datetime").datetime(2025, 9, 9)),
     ["lembar kinerja baris 6, kolom target: berisi tanggal (09-09-2025); Excel mengubah isian seperti 9/9 menjadi tanggal: "
      "format sel sebagai Teks lalu ketik ulang"]),
    ("baris IKU ganda", _add("kinerja", ["IKU-2", "2025", "100", "90"]),
     ["lembar kinerja baris 9: baris ganda (kode IKU-2, tahun 2025), sama dengan baris 3"]),
    ("kode IKU tak dikenal", _add("kinerja", ["IKU-9", "2025", "100", "90"]),
     ["lembar kinerja baris 9, kolom kode: 'IKU-9' tidak ada di indikator.csv"]),
    ("IKU tanpa baris", _set("kinerja", "IKU-7", "kode", None),
     ["lembar kinerja baris 8, kolom kode: wajib diisi",
      "lembar kinerja, kolom kode: IKU-7 tidak punya baris untuk tahun 2025; tambahkan baris dengan target dan realisasi N/A "
      "bila belum terukur, atau isi tahun_akhir 2024 di indikator.csv bila IKU ini tidak dipakai lagi"]),
    ("kolom wajib hilang", _del_col("kinerja", "realisasi"), ["lembar kinerja baris 1, kolom realisasi: kolom wajib tidak ada (judul kolom yang ada: kode, tahun, target, "
      "indikator (referensi), satuan (referensi), jenis (referensi), target 2024 (referensi), realisasi 2024 (referensi))"]),
    ("lembar kinerja hilang", _del_sheet("kinerja"), ["diisi.xlsx: lembar 'kinerja' tidak ada"]),
    ("lembar kinerja kosong", _clear_sheet("kinerja"), ["lembar kinerja: lembar kosong (tanpa judul kolom)"]),
    ("tahun di luar rentang", _both(*[_set("kinerja", k, "tahun", "2203") for k in ISI]),
     ["lembar kinerja baris 2, kolom tahun: '2203' bukan tahun antara 1990 dan 2100"] +
     [f"lembar kinerja baris {i}, kolom tahun: '2203' bukan tahun antara 1990 dan 2100" for i in range(3, 9)]),
    # an emptied year is a required cell left empty, as the other required columns say (#16 leftover)
    ("tahun kosong", _set("anggaran_iku", "IKU-2", "tahun", None), ["lembar anggaran_iku baris 3, kolom tahun: wajib diisi"]),
    ("tahun kinerja kosong", _set("kinerja", "IKU-2", "tahun", None), ["lembar kinerja baris 3, kolom tahun: wajib diisi"]),
    ("dua tahun sekaligus", _set("kinerja", "IKU-3", "tahun", "2026"),
     ["lembar kinerja, kolom tahun: berisi lebih dari satu tahun (2025, 2026); impor satu tahun sekaligus"]),
    ("tahun lain di lembar anggaran", _set("anggaran_iku", "IKU-2", "tahun", "2024"),
     ["lembar anggaran_iku baris 3, kolom tahun: '2024' bukan tahun 2025 yang diimpor"]),
    ("anak tanpa induk", _set("anggaran", "B1.1", "induk", "B99"),
     ["lembar anggaran baris 6, kolom induk: induk 'B99' tidak ada pada tahun 2025"]),
    ("tingkat salah", _set("anggaran", "P1", "tingkat", "programm"),
     ["lembar anggaran baris 2, kolom tingkat: 'programm' harus salah satu dari: program, bagian, unit_kerja, kegiatan, subkegiatan"]),
    ("tingkat sebutan unit", _set("anggaran", "B1", "tingkat", "bidang"),
     ["lembar anggaran baris 5, kolom tingkat: 'bidang' adalah sebutan bagian unit, bukan tingkat anggaran: tulis unit_kerja "
      "(sebutan bagian unit, mis. Bidang atau Seksi, diatur di kunci unit_kerja entitas.yml)"]),
    ("kode anggaran ganda", _add("anggaran", ["2025", "P1", "", "program", "Lagi", "1.000", ""]),
     ["lembar anggaran baris 85: baris ganda (tahun 2025, kode P1), sama dengan baris 2"]),
    ("pagu negatif", _set("anggaran", "P3", "pagu", "-5.000"),
     ["lembar anggaran baris 4, kolom pagu: '-5.000' tidak boleh negatif"]),
    ("pagu kosong", _set("anggaran", "P3", "pagu", None), ["lembar anggaran baris 4, kolom pagu: wajib diisi"]),
    ("kode IKU anggaran tak dikenal", _set("anggaran_iku", "IKU-7", "kode", "IKU-70"),
     ["lembar anggaran_iku baris 8, kolom kode: 'IKU-70' tidak ada di indikator.csv"]),
    ("kunci laporan salah", _add("laporan", ["2025", "Tabel 3.2", "capaian/IKU-2", "90 %", ""]),
     ["lembar laporan baris 2, kolom kunci: kunci 'capaian/IKU-2' harus berbentuk capaian/<iku>/<tahun>"]),
    ("kunci laporan kode tak dikenal", _add("laporan", ["2025", "Tabel 3.2", "capaian/IKU-99/2025", "90 %", ""]),
     ["lembar laporan baris 2, kolom kunci: kode 'IKU-99' tidak ada di indikator.csv"]),
    ("laporan tanpa tabel", _add("laporan", ["2025", "", "capaian/IKU-2/2025", "90 %", ""]),
     ["lembar laporan baris 2, kolom tabel: wajib diisi"]),
    ("banyak masalah sekaligus", _both(_set("kinerja", "IKU-2", "realisasi", "85,8,3"), _set("anggaran", "P1", "tingkat", "x"),
                                       _set("anggaran_iku", "IKU-3", "pagu", "abc")),
     ["lembar kinerja baris 3, kolom realisasi: '85,8,3' bukan angka: pengelompokan ribuan dengan ',' tidak sah",
      "lembar anggaran baris 2, kolom tingkat: 'x' harus salah satu dari: program, bagian, unit_kerja, kegiatan, subkegiatan",
      "lembar anggaran_iku baris 4, kolom pagu: 'abc' bukan angka"]),
]


@pytest.mark.parametrize(("nama", "ubah", "pesan"), KASUS, ids=[k[0] for k in KASUS])
def test_bad_workbooks(nama, ubah, pesan, workbook, data, tmp_path):
    before = sidik(data)
    ubah(workbook)
    with pytest.raises(DataError) as e:
        run_import(workbook, tmp_path, data)
    assert [str(m) for m in e.value.masalah if m.tingkat == "galat"] == pesan
    assert sidik(data) == before
    assert sorted(p.name for p in data.iterdir()) == ["setda-batubara"]  # no temporary folder left


# --------------------------------------------------------------------- CSV files filled in by hand

KIN = "kode,tahun,target,realisasi\n" + "".join(f'{k},2025,"{t}","{r}"\n' for k, (t, r) in ISI.items())


def folder(tmp_path, files):
    f = tmp_path / "isian"
    f.mkdir(exist_ok=True)
    for name, content in files.items():
        (f / name).write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return f


def test_a_csv_folder_is_imported_like_a_workbook(data, tmp_path):
    hasil = impor(folder(tmp_path, {"kinerja.csv": KIN}), "setda-batubara", data)
    assert hasil.baris == {"kinerja": 7}


def test_a_csv_saved_by_excel_with_semicolons_is_imported(data, tmp_path):
    semi = KIN.replace(",2025,", ";2025;").replace('","', '";"').replace("kode,tahun,target,realisasi", "kode;tahun;target;realisasi")
    hasil = impor(folder(tmp_path, {"kinerja.csv": "\ufeff" + semi}), "setda-batubara", data)
    assert hasil.baris == {"kinerja": 7}
    assert muat(data, "setda-batubara").kinerja.set_index(["kode", "tahun"]).loc[("IKU-6", 2025), "realisasi_nilai"] == 88.02


KASUS_CSV = [
    ("berkas kosong", {"kinerja.csv": ""}, ["kinerja.csv: berkas kosong"]),
    ("hanya judul", {"kinerja.csv": "kode,tahun,target,realisasi\n"}, ["kinerja.csv: berkas tidak berisi baris data"]),
    ("bukan UTF-8", {"kinerja.csv": KIN.replace("IKU-7,2025", "IKU-7,2025").encode("utf-8") + "IKU-8,2025,1,é\n".encode("latin-1")},
     ["kinerja.csv baris 9: berkas bukan UTF-8; simpan ulang sebagai 'CSV UTF-8 (dipisah koma)'"]),
    ("kinerja.csv tidak ada", {"anggaran_iku.csv": "tahun,kode,pagu,realisasi\n2025,IKU-1,1,1\n"},
     ["kinerja.csv: berkas tidak ditemukan"]),
    ("baris tidak rata", {"kinerja.csv": KIN + "IKU-8,2025,1\n"}, ["kinerja.csv baris 9: baris berisi 3 kolom, seharusnya 4"]),
    ("kolom hilang", {"kinerja.csv": "kode,tahun,target\nIKU-1,2025,Tinggi\n"}, ["kinerja.csv baris 1, kolom realisasi: kolom wajib tidak ada (judul kolom yang ada: kode, tahun, target)"]),
]


@pytest.mark.parametrize(("nama", "files", "pesan"), KASUS_CSV, ids=[k[0] for k in KASUS_CSV])
def test_bad_csv_folders(nama, files, pesan, data, tmp_path):
    before = sidik(data)
    with pytest.raises(DataError) as e:
        impor(folder(tmp_path, files), "setda-batubara", data)
    assert [str(m) for m in e.value.masalah if m.tingkat == "galat"] == pesan
    assert sidik(data) == before


def test_not_a_workbook_and_the_command_line(data, tmp_path):
    bad = tmp_path / "bukan.xlsx"
    bad.write_bytes(b"ini bukan excel")
    before = sidik(data)
    res = subprocess.run([sys.executable, "-m", "lakip", "import", str(bad), "--entity", "setda-batubara", "--data", str(data)],
                         capture_output=True, text=True)
    assert res.returncode == 2 and "Traceback" not in res.stderr
    assert res.stderr.splitlines() == ["Data tidak dapat dipakai: 1 masalah ditemukan.",
                                       "  - bukan.xlsx: bukan berkas Excel (.xlsx) yang dapat dibaca"]
    res = subprocess.run([sys.executable, "-m", "lakip", "template", "--entity", "setda-batubara", "--year", "2025",
                          "--data", str(data), "--out", str(tmp_path / "t.xlsx")], capture_output=True, text=True)
    assert res.returncode == 0 and (tmp_path / "t.xlsx").is_file()
    res = subprocess.run([sys.executable, "-m", "lakip", "template", "--entity", "setda-batubara", "--year", "2025",
                          "--data", str(data), "--out", str(tmp_path / "t.csv")], capture_output=True, text=True)
    assert res.returncode == 2 and not (tmp_path / "t.csv").exists()
    assert f"'{tmp_path / 't.csv'}': buku kerja ditulis sebagai .xlsx; beri nama berkas berakhiran .xlsx" in res.stderr
    assert sidik(data) == before


def test_sheet_names_are_read_as_the_header_is(workbook, data, tmp_path):
    """A sheet renamed 'Kinerja ' is the kinerja sheet, as a header 'Realisasi' is the realisasi column."""
    workbook["kinerja"].title = "Kinerja "
    hasil = run_import(workbook, tmp_path, data)
    assert hasil.baris["kinerja"] == 7
    workbook.copy_worksheet(workbook["Kinerja "]).title = "kinerja"
    with pytest.raises(DataError) as e:
        run_import(workbook, tmp_path, data, ganti=True)
    assert [str(m) for m in e.value.masalah] == ["diisi.xlsx: lembar 'Kinerja ' dan 'kinerja' sama-sama lembar kinerja; hapus salah satu"]


def test_corpus_size():
    assert len(KASUS) + len(KASUS_CSV) + 1 >= 30


def test_an_iku_no_longer_measured_is_left_out_of_the_template_and_the_import(data, tmp_path):
    bantu.akhiri(data / "setda-batubara", "IKU-7", 2024)
    wb = load_workbook(tulis_template("setda-batubara", 2025, tmp_path / "isian.xlsx", data))
    assert [wb["kinerja"].cell(i, 1).value for i in range(2, 9)] == [f"IKU-{i}" for i in range(1, 7)] + [None]
    assert [wb["anggaran_iku"].cell(i, 2).value for i in range(2, 9)] == [f"IKU-{i}" for i in range(1, 7)] + [None]
    ws = wb["kinerja"]
    isi_kinerja(ws, kecuali=("IKU-7",))
    hasil = run_import(wb, tmp_path, data)
    assert hasil.baris["kinerja"] == 6
    unit = muat(data, "setda-batubara")
    assert unit.tahun == [2022, 2023, 2024, 2025]
    assert set(analysis.tabel_capaian_iku(unit, 2025)["kode"]) == {f"IKU-{i}" for i in range(1, 7)}
    assert "IKU-7" in set(analysis.tabel_capaian_iku(unit, 2024)["kode"])


def test_a_new_unit_gets_its_first_year_through_template_and_import(tmp_path):
    """A unit with entitas.yml and indikator.csv, and kinerja.csv (and the rest) holding their header only."""
    root = tmp_path / "data"
    unit_dir = root / "dinas-x"
    shutil.copytree(DATA_DIR / "setda-batubara", unit_dir)
    for name in ("kinerja.csv", "anggaran.csv", "anggaran_iku.csv", "laporan.csv"):
        p = unit_dir / name
        p.write_text(p.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
    res = subprocess.run([sys.executable, "-m", "lakip", "run", "--data", str(root), "--out", str(tmp_path / "out")],
                         capture_output=True, text=True)
    assert res.returncode == 2 and "lakip template lalu lakip import" in res.stderr
    wb = load_workbook(tulis_template("dinas-x", 2025, tmp_path / "isian.xlsx", root))
    ws = wb["kinerja"]
    assert [ws.cell(i, 1).value for i in range(2, 9)] == [f"IKU-{i}" for i in range(1, 8)]
    assert ws.cell(1, 8).value == "target tahun lalu (referensi)" and ws.cell(2, 8).value in (None, "")  # no earlier year
    isi_kinerja(ws)
    path = tmp_path / "diisi.xlsx"
    wb.save(path)
    hasil = impor(path, "dinas-x", root)
    assert hasil.tahun == 2025 and hasil.baris["kinerja"] == 7
    unit = muat(root, "dinas-x")
    assert unit.tahun == [2025]
    assert analysis.tabel_capaian_iku(unit, 2025).set_index("kode").loc["IKU-2", "capaian"] == 90.5


def test_a_year_already_in_the_data_comes_prefilled_and_reads_back_the_same(data, tmp_path):
    wb = load_workbook(tulis_template("setda-batubara", 2024, tmp_path / "isian.xlsx", data))
    assert "tahun 2024 sudah ada di data" in "\n".join(str(c.value) for c in wb["Petunjuk"]["A"] if c.value)
    ws = wb["kinerja"]
    assert [ws.cell(baris(ws, "IKU-2"), j).value for j in (3, 4, 8, 9)] == ["100", "85,83", "100", "148,29"]
    assert len([r for r in wb["laporan"].iter_rows(min_row=2, values_only=True) if r[0]]) == 350
    sebelum = muat(data, "setda-batubara")
    hasil = run_import(wb, tmp_path, data, ganti=True)
    assert hasil.baris == {"indikator": 0, "kinerja": 7, "anggaran": 83, "anggaran_iku": 7, "laporan": 350}
    sesudah = muat(data, "setda-batubara")
    for t in ("kinerja", "anggaran", "anggaran_iku", "laporan"):
        kunci = ["tahun", "kunci"] if t == "laporan" else ["tahun", "kode"]
        a, b = (getattr(u, t).sort_values(kunci).reset_index(drop=True) for u in (sesudah, sebelum))
        pd.testing.assert_frame_equal(a[list(b.columns)], b, check_dtype=False, obj=t)


def test_a_prefilled_year_lists_the_iku_of_that_year(data, tmp_path):
    """IKU-7 measured from 2023 only: the workbook of 2022 does not ask for it, and reads back."""
    bantu.hapus_baris(data / "setda-batubara" / "kinerja.csv", "IKU-7,2022,")
    wb = load_workbook(tulis_template("setda-batubara", 2022, tmp_path / "isian.xlsx", data))
    assert "IKU-7" not in [wb["kinerja"].cell(i, 1).value for i in range(2, 10)]
    assert run_import(wb, tmp_path, data, ganti=True).baris["kinerja"] == 6


def test_an_iku_is_ended_from_the_workbook(data, tmp_path):
    """The template's indikator sheet has a tahun_akhir column; IKU-7's kinerja row is left blank as prefilled."""
    wb = load_workbook(tulis_template("setda-batubara", 2025, tmp_path / "isian.xlsx", data))
    ind = wb["indikator"]
    kolom = [c.value for c in ind[1]]
    assert kolom[-1] == "tahun_akhir"
    ind.cell(baris(ind, "IKU-7"), len(kolom)).value = "2024"
    ws = wb["kinerja"]
    isi_kinerja(ws, kecuali=("IKU-7",))
    hasil = run_import(wb, tmp_path, data)
    assert hasil.baris["kinerja"] == 6 and hasil.baris["indikator"] == 1
    unit = muat(data, "setda-batubara")
    assert unit.indikator.set_index("kode")["tahun_akhir"].to_dict()["IKU-7"] == 2024
    assert "IKU-7" not in set(unit.kinerja.loc[unit.kinerja["tahun"] == 2025, "kode"])
    assert (data / "setda-batubara" / "indikator.csv").read_text(encoding="utf-8").splitlines()[0].endswith(",tahun_akhir")


def _soffice_xlsx(path, tmp_path):
    """``path`` saved again by LibreOffice Calc (shared strings, its own styles); None where Calc is not installed."""
    soffice = shutil.which("soffice")
    if soffice is None:
        return None
    out = tmp_path / "lo"
    res = subprocess.run([soffice, f"-env:UserInstallation=file://{tmp_path / 'profil'}", "--headless", "--convert-to",
                          "xlsx", "--outdir", str(out), str(path)], capture_output=True, text=True, timeout=180)
    hasil = out / path.name
    return hasil if res.returncode == 0 and hasil.is_file() else None  # soffice without Calc cannot load a workbook


def test_a_workbook_saved_by_excel_or_libreoffice_uses_shared_strings(workbook, data, tmp_path):
    """Excel and LibreOffice keep every text in xl/sharedStrings.xml (openpyxl writes them inline): such a
    workbook was refused as 'XML-nya rusak'. Rich text, a phonetic guide and the _xHHHH_ escapes read as Excel
    shows them: a carriage return pasted after a number (_x000D_) is no part of it, _x005F_ keeps a literal _x."""
    ws = workbook["kinerja"]
    ws.cell(baris(ws, "IKU-2"), 4).value = "90,5\r"
    lap = workbook["laporan"]
    lap.append(["2025", "Tabel 3.1", "capaian/IKU-7/2025", "90,91 %", "ditulis _x0041_ di laporan"])
    path = tmp_path / "diisi.xlsx"
    workbook.save(path)
    lo = _soffice_xlsx(path, tmp_path)
    if lo is None:  # the same as Calc would write it
        assert bantu.teks_bersama(path, kaya={"Sangat Tinggi", "90,5\r"}) > 100
        lo = path
    import zipfile
    assert "xl/sharedStrings.xml" in zipfile.ZipFile(lo).namelist()
    hasil = impor(lo, "setda-batubara", data)
    assert hasil.tahun == 2025 and hasil.baris["kinerja"] == 7 and hasil.baris["anggaran"] == 83
    unit = muat(data, "setda-batubara")
    k = unit.kinerja[unit.kinerja["tahun"] == 2025].set_index("kode")
    assert k.loc["IKU-2", "realisasi"] == "90,5" and k.loc["IKU-1", "realisasi"] == "Sangat Tinggi"
    assert unit.laporan.set_index("kunci").loc["capaian/IKU-7/2025", "catatan"] == "ditulis _x0041_ di laporan"


def test_catatan_of_the_laporan_sheet_joins_a_file_written_without_it(workbook, data, tmp_path):
    """A laporan.csv written without the optional catatan column (a new unit's first year without notes) takes
    the notes of the next workbook instead of dropping them."""
    path = data / "setda-batubara" / "laporan.csv"
    path.write_text("tahun,tabel,kunci,nilai\n2024,Tabel 3.1,capaian/IKU-2/2024,\"90,50\"\n", encoding="utf-8")
    ws = workbook["laporan"]
    r = next(i for i in range(2, ws.max_row + 2) if not ws.cell(i, 3).value)
    kol = {c.value: j for j, c in enumerate(ws[1], start=1)}
    for k, v in {"tahun": "2025", "tabel": "Tabel 3.1", "kunci": "capaian/IKU-2/2025", "nilai": "90,50",
                 "catatan": "salah ketik di laporan"}.items():
        ws.cell(r, kol[k]).value = v
    run_import(workbook, tmp_path, data)
    teks = path.read_text(encoding="utf-8").splitlines()
    assert teks[0] == "tahun,tabel,kunci,nilai,catatan"
    assert teks[1] == '2024,Tabel 3.1,capaian/IKU-2/2024,"90,50",'
    assert teks[-1] == '2025,Tabel 3.1,capaian/IKU-2/2025,"90,50",salah ketik di laporan'


def test_template_does_not_overwrite_a_workbook_unless_told(data, tmp_path):
    out = tmp_path / "isian.xlsx"
    perintah = [sys.executable, "-m", "lakip", "template", "--entity", "setda-batubara", "--year", "2025",
                "--data", str(data), "--out", str(out)]
    assert subprocess.run(perintah, capture_output=True, text=True).returncode == 0
    out.write_bytes(b"sedang diisi")
    res = subprocess.run(perintah, capture_output=True, text=True)
    assert res.returncode == 2 and "Traceback" not in res.stderr
    assert f"'{out}' sudah ada (mungkin sedang diisi) dan tidak ditimpa" in res.stderr
    assert out.read_bytes() == b"sedang diisi"
    assert subprocess.run(perintah + ["--timpa"], capture_output=True, text=True).returncode == 0
    assert out.read_bytes()[:2] == b"PK"


def test_instructions_name_the_data_folder_the_planner_gave(data, tmp_path):
    teks = lambda p: "\n".join(str(c.value) for c in load_workbook(p)["Petunjuk"]["A"] if c.value)  # noqa: E731
    p = tulis_template("setda-batubara", 2024, tmp_path / "a.xlsx", data)
    assert f"lakip import a.xlsx --data {data} --entity setda-batubara --replace" in teks(p)
    p = tulis_template("dinas baru".replace(" ", "-"), 2025, tmp_path / "b.xlsx", "data saya")
    assert "lakip import b.xlsx --data 'data saya' --entity dinas-baru" in teks(p)
    assert "lakip run --data 'data saya' --entity dinas-baru" in teks(p)
    p = tulis_template("setda-batubara", 2025, tmp_path / "c.xlsx")
    assert "lakip import c.xlsx --entity setda-batubara\n" in teks(p) + "\n"


# ------------------------------------------------------------------------------------ the IKM survey and the LKE (#17)


def _isi(ws, rows):
    """Type ``rows`` into a sheet from its row 2, as a user does."""
    for i, row in enumerate(rows, start=2):
        for j, v in enumerate(row, start=1):
            ws.cell(i, j).value = v


def test_the_survey_and_lke_sheets_round_trip(workbook, data, tmp_path):
    """An empty survey sheet changes nothing; a filled one becomes the unit's survei_ikm.csv, read back to the
    same answers; its 2026 template comes with no survey rows, and a template of 2025 with them."""
    ws = workbook["survei_ikm"]
    assert [c.value for c in ws[1]] == ["tahun", "responden", "layanan", *[f"u{i}" for i in range(1, 10)]]
    assert '"1,2,3,4"' in [dv.formula1 for dv in ws.data_validations.dataValidation]
    assert [c.value for c in workbook["lke"][1]] == ["tahun", "komponen", "bobot", "nilai", "induk"]
    _isi(ws, [["2025", f"R{r - 1}", "KTP" if r < 6 else "KK", *(["3"] * 9 if r < 6 else ["3"] + ["4"] * 8)]
              for r in range(2, 12)])
    _isi(workbook["lke"], [["2025", "Perencanaan Kinerja", "30", "27,5"], ["2025", "Pengukuran Kinerja", "30", 25],
                           ["2025", "Pelaporan Kinerja", "15", "12,5"], ["2025", "Evaluasi Akuntabilitas Kinerja Internal", "25", "25"]])
    hasil = run_import(workbook, tmp_path, data)
    assert hasil.baris["survei_ikm"] == 10 and hasil.baris["lke"] == 4
    unit = muat(data, "setda-batubara")
    s = unit.lampiran["survei_ikm"]
    assert len(s) == 10 and set(s["layanan"]) == {"KTP", "KK"} and s["u1"].eq(3).all() and s["u9"].sum() == 4 * 3 + 6 * 4
    a = analysis.analisis(unit, 2025)
    assert a.ikm["ikm"].iloc[0] == pytest.approx(88.245)
    assert a.nilai_akip.set_index("tahun").loc[2025, "predikat"] == "A"
    path = tulis_template("setda-batubara", 2025, tmp_path / "lagi.xlsx", data)
    wb = load_workbook(path)
    rows = [[c.value for c in r] for r in wb["survei_ikm"].iter_rows(min_row=2) if r[0].value]
    assert len(rows) == 10 and rows[0] == ["2025", "R1", "KTP", *["3"] * 9]
    assert [r[0].value for r in wb["lke"].iter_rows(min_row=2) if r[0].value] == ["2025"] * 4
    assert wb["lke"].cell(2, 4).value == "27,5"
    nxt = load_workbook(tulis_template("setda-batubara", 2026, tmp_path / "2026.xlsx", data))
    assert not [r for r in nxt["survei_ikm"].iter_rows(min_row=2) if r[0].value]
    # the LKE of the year before, its nilai left to fill
    assert [(r[1].value, r[2].value, r[3].value) for r in nxt["lke"].iter_rows(min_row=2) if r[0].value][0] == \
        ("Perencanaan Kinerja", "30", None)


def test_unfilled_survey_and_lke_sheets_change_nothing(workbook, data, tmp_path):
    hasil = run_import(workbook, tmp_path, data)
    assert "survei_ikm" not in hasil.baris and "lke" not in hasil.baris
    assert not (data / "setda-batubara" / "survei_ikm.csv").exists() and not (data / "setda-batubara" / "lke.csv").exists()


def test_a_wrong_answer_in_the_survey_sheet_is_located(workbook, data, tmp_path):
    _isi(workbook["survei_ikm"], [["2025", "R1", "", "5", "3", "3", "3", "3", "3", "3", "3", "3"]])
    with pytest.raises(DataError) as e:
        run_import(workbook, tmp_path, data)
    assert any(m.berkas == "lembar survei_ikm" and m.baris == 2 and m.kolom == "u1" and "1 sampai 4" in m.pesan
               for m in e.value.masalah), [str(m) for m in e.value.masalah]
