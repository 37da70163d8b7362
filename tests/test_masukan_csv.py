"""Hostile CSV cells and numbers (issue #15): every one a located problem, never a traceback or a guess.

The rules: numbers finite and at most 9.000 triliun in magnitude (every whole rupiah exact);
digits 0-9 only; a cell at most 32.767 characters and free of control characters; LF, CRLF
and CR line ends; rows numbered by the physical line they start on; codes without '/'; a
budget node under a node of a higher tingkat; at most 50 problems of a file printed, all of
them written with --daftar-masalah.
"""

import csv
import shutil

import numpy as np
import pytest

from bantu import lakip, read_csv
from lakip.core.budget import tingkat_terbalik
from lakip.core.model import DataError, Masalah, urut_masalah
from lakip.core.numbers import BATAS_ANGKA, AngkaError, parse_angka, parse_angka_banyak
from lakip.core.paths import DATA_DIR
from lakip.core.teks import cuplik, karakter_kendali
from lakip.data.bulk import muat_kabupaten
from lakip.data.load import muat

SEED = DATA_DIR / "setda-batubara"
LUAR = "di luar rentang angka yang dapat dihitung tepat (paling besar 9.000 triliun, 9.000.000.000.000.000)"


@pytest.fixture
def data(tmp_path):
    shutil.copytree(SEED, tmp_path / "setda-batubara")
    return tmp_path


def ubah(data, name, old, new):
    path = data / "setda-batubara" / name
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def problems(data):
    with pytest.raises(DataError) as info:
        muat(data, "setda-batubara")
    return [str(m) for m in info.value.masalah if m.tingkat == "galat"]


# --------------------------------------------------------------------------- numbers


@pytest.mark.parametrize(("teks", "alasan"), [
    ("1.000.000.000.000.000.000.000.000", LUAR),  # 10^24, validly grouped
    ("9.007.199.254.740.993", LUAR),  # 2^53 + 1: a float would make it ...992
    ("9.000.000.000.000.001", LUAR),
    ("1" * 400, LUAR),  # beyond a float: inf
    ("-9.000.000.000.000.001", LUAR),
    ("NaN", "bukan angka (tulis N/A bila belum dapat diukur)"),
    ("inf", "bukan angka (tulis N/A bila belum dapat diukur)"),
    ("-Infinity", "bukan angka (tulis N/A bila belum dapat diukur)"),
    ("#DIV/0!", "bukan angka (tulis N/A bila belum dapat diukur)"),
    ("٢٠٢٤", "berisi angka selain 0-9 ('٢'); tulis dengan angka 0-9"),
    ("１２,５", "berisi angka selain 0-9 ('１'); tulis dengan angka 0-9"),
    ("२०", "berisi angka selain 0-9 ('२'); tulis dengan angka 0-9"),
])
def test_a_number_out_of_range_or_not_finite_or_in_other_digits_is_refused(teks, alasan):
    with pytest.raises(AngkaError) as info:
        parse_angka(teks)
    assert info.value.alasan == alasan
    # the many-texts reader gives the same verdict, whatever its fast path
    values, problems_ = parse_angka_banyak(["1", teks])
    assert values[0] == 1.0 and np.isnan(values[1]) and problems_ == {1: str(info.value)}


def test_minus_zero_is_zero():
    """'-0' as a target printed -0,00 in the tables."""
    assert not np.signbit(parse_angka("-0")) and not np.signbit(parse_angka("-0,0"))
    assert not np.signbit(parse_angka_banyak(["-0", "-0,00", "5"])[0]).any()


def test_the_largest_amount_is_exact_and_accepted():
    assert BATAS_ANGKA == 9 * 10**15
    assert parse_angka("9.000.000.000.000.000") == 9e15 and int(parse_angka("8.999.999.999.999.999")) == 8_999_999_999_999_999
    assert parse_angka("Rp 1.000.000.000.000.000,-") == 1e15
    with pytest.raises(AngkaError, match="di luar rentang"):  # a float cell of a workbook
        parse_angka(float("inf"))


def test_a_long_text_is_quoted_short_and_control_characters_shown_as_codes():
    with pytest.raises(AngkaError) as info:
        parse_angka("9" * 1000)
    assert str(info.value) == f"'{'9' * 200}... (1.000 karakter)' {LUAR}"
    assert cuplik("a\x1b[2Jb") == "a<U+001B>[2Jb"
    assert karakter_kendali("ok\tok\nok") is None and karakter_kendali("x\x00") == "U+0000"


# --------------------------------------------------------------------------- cells in the files


def test_a_year_in_other_digits_is_located_and_never_drops_the_row(data):
    ubah(data, "kinerja.csv", "IKU-1,2024,", "IKU-1,٢٠٢٤,")
    ubah(data, "anggaran.csv", "2024,P1,", "２０２４,P1,")
    assert problems(data) == [
        "kinerja.csv baris 4, kolom tahun: '٢٠٢٤' ditulis dengan angka selain 0-9; tulis dengan angka 0-9",
        "anggaran.csv baris 2, kolom tahun: '２０２４' ditulis dengan angka selain 0-9; tulis dengan angka 0-9",
    ]


def test_amounts_beyond_exact_range_and_nan_are_located(data):
    ubah(data, "anggaran.csv", "2024,P1,,program,Program Penunjang Urusan Pemerintah Daerah Kabupaten/Kota,48.281.384.383,",
         "2024,P1,,program,Program Penunjang Urusan Pemerintah Daerah Kabupaten/Kota,9.007.199.254.740.993,")
    ubah(data, "kinerja.csv", 'IKU-2,2024,100,"85,83"', "IKU-2,2024,100,NaN")
    assert problems(data) == [
        "kinerja.csv baris 7, kolom realisasi: 'NaN' bukan angka (tulis N/A bila belum dapat diukur)",
        f"anggaran.csv baris 2, kolom pagu: '9.007.199.254.740.993' {LUAR}",
    ]


def test_control_characters_and_long_cells_are_located(data):
    ubah(data, "indikator.csv", ",Nilai LPPD,", ",Nilai\x07LPPD,")
    ubah(data, "laporan.csv", "capaian/IKU-1/2022,", "capaian/IKU-1/2022" + "x" * 200_000 + ",")
    assert problems(data) == [
        "indikator.csv baris 2, kolom indikator: berisi karakter kendali U+0007 (tidak terlihat, sering terbawa dari "
        "salin-tempel); hapus karakter itu",
        "laporan.csv baris 119, kolom kunci: isi sel terlalu panjang (200.018 karakter; paling banyak 32.767)",
        # the cell is cut to the limit, and the checks after say no more of it than a quote
        "laporan.csv baris 119, kolom kunci: kunci 'capaian/IKU-1/2022" + "x" * 182 + "... (32.767 karakter)': '"
        "2022" + "x" * 196 + "... (32.753 karakter)' bukan tahun",
    ]


def test_cr_only_line_ends_read_like_lf_and_rows_count_physical_lines(data):
    for name in ("kinerja.csv", "anggaran.csv"):
        path = data / "setda-batubara" / name
        path.write_bytes(path.read_bytes().replace(b"\n", b"\r"))  # old Mac
    assert muat(data, "setda-batubara").kinerja.equals(muat().kinerja)
    # a quoted line break inside a cell: the rows below it keep their physical line numbers
    ubah(data, "indikator.csv", ",Nilai LPPD,", ',"Nilai\nLPPD",')
    text = (data / "setda-batubara" / "indikator.csv").read_text(encoding="utf-8").splitlines()
    baris = next(i for i, ln in enumerate(text, start=1) if ln.startswith("IKU-3,"))
    assert baris == 5  # header, IKU-1 on lines 2-3, IKU-2, IKU-3
    ubah(data, "indikator.csv", "Nilai,naik,angka,,Nilai AKIP Pemda Komponen Pelaporan", "Nilai,naikk,angka,,Nilai AKIP Pemda Komponen Pelaporan")
    assert problems(data) == [f"indikator.csv baris {baris}, kolom polaritas: 'naikk' harus salah satu dari: naik, turun"]


def test_invisible_characters_are_shown_as_codes_in_messages(data):
    """A zero-width space after a code, a second BOM before a header: the message must not look right."""
    ubah(data, "kinerja.csv", "IKU-5,2023,", "IKU-5\u200b,2023,")
    ubah(data, "anggaran_iku.csv", "tahun,", "\ufeff\ufefftahun,")  # the first is the file's BOM
    got = problems(data)
    assert "kinerja.csv baris 15, kolom kode: 'IKU-5<U+200B>' tidak ada di indikator.csv" in got
    assert any(p.startswith("anggaran_iku.csv baris 1, kolom tahun: kolom wajib tidak ada; judul kolom '<U+FEFF>tahun'")
               for p in got), got


def test_a_quote_left_open_is_named_where_it_opens(data):
    ubah(data, "kinerja.csv", 'IKU-3,2023,"9,6","9,33"', 'IKU-3,2023,"9,6,9')
    assert ("kinerja.csv baris 9: tanda kutip (\") yang dibuka di baris ini tidak ditutup: baris 9 sampai 10 terbaca "
            "sebagai satu baris; tutup tanda kutipnya atau hapus") in problems(data)


def test_a_code_with_a_slash_is_refused_where_it_is_written(data):
    ubah(data, "indikator.csv", ",SS-1,", ",../../x,")
    got = problems(data)
    assert got[0] == ("indikator.csv baris 2, kolom sasaran_kode: '../../x' tidak boleh berisi garis miring "
                      "('/' memisahkan bagian kunci laporan.csv dan nama berkas)")


def test_the_optional_tables_are_checked_too(data):
    """sdm.csv and perda.csv were taken as written: 'seratus' staff, a date 2024-13-45."""
    ubah(data, "sdm.csv", "1,ASN,121,", "1,ASN,seratus,")
    ubah(data, "sdm.csv", "2,NON ASN,209,-,-,-,-,115,94", "2,NON ASN,20.5,-,-,-,-,-3,94")
    ubah(data, "perda.csv", ",2024-04-06,", ",2024-13-45,")
    ubah(data, "perda.csv", "2,PERDA NOMOR 2 TAHUN 2024 TENTANG PERTANGGUNGJAWABAN PELAKSANAAN ANGGARAN PENDAPATAN DAN "
         "BELANJA DAERAH TAHUN ANGGARAN 2023,", "2,,")
    assert problems(data) == [
        "sdm.csv baris 2, kolom jumlah: 'seratus' bukan angka",
        "sdm.csv baris 3, kolom jumlah: '20.5' bukan bilangan bulat (jumlah pegawai)",
        "sdm.csv baris 3, kolom laki_laki: '-3' tidak boleh negatif",
        "perda.csv baris 3, kolom uraian: wajib diisi",
        "perda.csv baris 2, kolom tanggal: '2024-13-45' bukan tanggal yang sah (tulis TTTT-BB-HH, mis. 2024-04-06)",
    ]


@pytest.mark.parametrize(("old", "new", "pesan"), [
    ("2024,P1,,program,", "2024,P1,B1.1.1,program,",
     "anggaran.csv baris 2, kolom induk: program tidak dapat berada di bawah subkegiatan 'B1.1.1' (urutan tingkat: "
     "program, bagian atau unit_kerja, lalu kegiatan, lalu subkegiatan)"),
    ("2024,B1.1,B1,kegiatan,", "2024,B1.1,B1.2,kegiatan,",
     "anggaran.csv baris 6, kolom induk: kegiatan tidak dapat berada di bawah kegiatan 'B1.2' (urutan tingkat: "
     "program, bagian atau unit_kerja, lalu kegiatan, lalu subkegiatan)"),
])
def test_a_budget_tree_upside_down_is_refused(data, old, new, pesan):
    ubah(data, "anggaran.csv", old, new)
    assert problems(data) == [pesan]
    # the reader of many units flags it too, and the unit then fails with the same message
    kab = muat_kabupaten(data)
    assert list(kab.gagal) == ["setda-batubara"] and pesan in str(kab.gagal["setda-batubara"])


def test_tingkat_terbalik_judges_the_parent_level():
    tingkat = np.array(["program", "kegiatan", "subkegiatan", "bagian", "kegiatan", "x"], dtype=object)
    parent = np.array([-1, 0, 1, 2, 2, 0])
    assert tingkat_terbalik(tingkat, parent).tolist() == [False, False, False, True, True, False]


# --------------------------------------------------------------------------- many problems


def test_at_most_50_problems_of_a_file_are_printed_and_all_written_on_request(data, tmp_path):
    path = data / "setda-batubara" / "kinerja.csv"
    path.write_text(path.read_text(encoding="utf-8") + "".join(f"IKU-{i},2024,1,abc\n" for i in range(8, 20_008)),
                    encoding="utf-8")
    daftar = tmp_path / "masalah.csv"
    r = lakip("periksa", "--data", str(data), "--daftar-masalah", str(daftar))
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert r.stderr.count("  - kinerja.csv baris") == 50
    assert "  - kinerja.csv: ... dan 19.950 masalah lain\n" in r.stderr  # IKU-8.. are not in indikator.csv
    assert len(r.stderr) < 10_000
    rows = read_csv(daftar)
    assert len(rows) == 20_000
    assert rows[0] == {"berkas": "kinerja.csv", "baris": "23", "kolom": "kode", "tingkat": "galat",
                       "pesan": "'IKU-8' tidak ada di indikator.csv"}
    assert f"Daftar lengkap 20.000 masalah dan peringatan: {daftar}" in r.stderr


def test_the_list_is_written_through_a_link_and_even_when_empty(tmp_path):
    """A list asked for is written (its header when the data has no problem), through a symbolic link
    into the file it points to (the link stays), never over a device or a pipe."""
    (tmp_path / "link.csv").symlink_to(tmp_path / "asli.csv")
    r = lakip("periksa", "--daftar-masalah", str(tmp_path / "link.csv"))
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "link.csv").is_symlink() and read_csv(tmp_path / "asli.csv") == []
    assert (tmp_path / "asli.csv").read_text(encoding="utf-8") == "berkas,baris,kolom,tingkat,pesan\n"
    assert f"Daftar lengkap 0 masalah dan peringatan: {tmp_path / 'link.csv'}" in r.stderr


def test_problems_are_listed_row_by_row_whatever_order_the_checks_found_them():
    found = [Masalah("a.csv", 9, "x", "c"), Masalah("b.csv", 2, None, "d"), Masalah("a.csv", 3, "y", "a"),
             Masalah("a.csv", None, None, "berkas"), Masalah("a.csv", 3, "z", "b")]
    assert [m.pesan for m in urut_masalah(found)] == ["berkas", "a", "b", "c", "d"]
    assert str(DataError(found)).splitlines()[1:3] == ["  - a.csv: berkas", "  - a.csv baris 3, kolom y: a"]


def test_dataerror_lists_each_file_capped():
    e = DataError([Masalah("a.csv", i, "x", "salah") for i in range(2, 62)] + [Masalah("b.csv", 3, None, "lain")])
    lines = str(e).splitlines()
    assert lines[0] == "Data tidak dapat dipakai: 61 masalah ditemukan."
    assert lines[1:51] == [f"  - a.csv baris {i}, kolom x: salah" for i in range(2, 52)]
    assert lines[51:] == ["  - a.csv: ... dan 10 masalah lain", "  - b.csv baris 3: lain"]


def test_a_formula_too_long_or_too_deep_is_a_message_not_a_recursion_error(data):
    from lakip.core.formula import urai_rumus

    with pytest.raises(ValueError, match=r"terlalu panjang \(paling banyak 500 karakter per persamaan\)"):
        urai_rumus("realisasi = " + "+".join(["a"] * 16_000))  # Python's parser: RecursionError
    with pytest.raises(ValueError, match="tidak dapat dibaca"):
        urai_rumus("realisasi = " + "(" * 240 + "a" + ")" * 240)  # too many nested parentheses
    ubah(data, "indikator.csv", "realisasi = ditetapkan / diusulkan * 100",
         "realisasi = " + "-" * 30_000 + "ditetapkan")
    got = problems(data)
    assert len(got) == 1 and got[0].startswith("indikator.csv baris 3, kolom rumus_komponen: rumus 'realisasi = ----")
    assert got[0].endswith("... (30.022 karakter)' terlalu panjang (paling banyak 500 karakter per persamaan)")
