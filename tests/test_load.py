"""Loading and validation: every problem at once, located, in Indonesian."""

import shutil

import pytest

from bantu import akhiri
from lakip.core.model import DataError
from lakip.core.vocabulary import kunci_laporan
from lakip.data.load import daftar_entitas, muat
from lakip.core.paths import DATA_DIR

SEED = DATA_DIR / "setda-batubara"


@pytest.fixture
def data(tmp_path):
    """A copy of the Batu Bara data folder to break."""
    shutil.copytree(SEED, tmp_path / "setda-batubara")
    return tmp_path


def edit(data, name, old, new, count=1):
    path = data / "setda-batubara" / name
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def problems(data):
    with pytest.raises(DataError) as info:
        muat(data, "setda-batubara")
    return [str(m) for m in info.value.masalah if m.tingkat == "galat"]


def test_the_seed_data_loads_clean():
    unit = muat()
    assert unit.slug == "setda-batubara"
    assert unit.tahun == [2022, 2023, 2024] and unit.tahun_terakhir == 2024
    assert len(unit.indikator) == 7 and len(unit.kinerja) == 21
    assert unit.peringatan == []
    assert set(unit.lampiran) == {"sdm", "perda"}
    assert daftar_entitas() == ["setda-batubara"]


@pytest.mark.parametrize(
    ("name", "old", "new", "expected"),
    [
        ("kinerja.csv", 'IKU-2,2024,100,"85,83"', 'IKU-2,2024,100,"85,8,3"',
         "kinerja.csv baris 7, kolom realisasi: '85,8,3' bukan angka: pengelompokan ribuan dengan ',' tidak sah"),
        ("kinerja.csv", "IKU-5,2024,9/9,9/9", "IKU-5,2024,9/9,10/9",
         "kinerja.csv baris 16, kolom realisasi: '10/9' bukan level: level 10 di luar 0 s.d. level tertinggi 9"),
        ("kinerja.csv", 'IKU-2,2024,100,"85,83"', 'IKU-2,2024,100,"1,500"',
         "kinerja.csv baris 7, kolom realisasi: '1,500' ambigu: dapat dibaca 1,500 (desimal) atau 1.500 "
         "(ribuan gaya Inggris); tulis 1.500 untuk ribuan, 1,5000 untuk desimal"),
        ("kinerja.csv", "IKU-1,2023,Tinggi,Sedang", "IKU-1,2023,Tinggi,Lumayan",
         "kinerja.csv baris 3, kolom realisasi: 'Lumayan' bukan kata pada skala indikator ini: "
         "Rendah, Sedang, Tinggi, Sangat Tinggi"),
        ("kinerja.csv", "IKU-1,2023,Tinggi,Sedang", "IKU-1,2023,,Sedang",
         "kinerja.csv baris 3, kolom target: target wajib diisi"),
        ("kinerja.csv", "IKU-1,2023,", "IKU-9,2023,",
         ["kinerja.csv baris 3, kolom kode: 'IKU-9' tidak ada di indikator.csv", "kinerja.csv, kolom kode: IKU-1 tidak punya baris untuk tahun 2023; tambahkan baris dengan target dan realisasi N/A bila belum terukur"]),
        ("kinerja.csv", "IKU-1,2023,", "IKU-1,2024,",
         ["kinerja.csv baris 4: baris ganda (kode IKU-1, tahun 2024), sama dengan baris 3", "kinerja.csv, kolom kode: IKU-1 tidak punya baris untuk tahun 2023; tambahkan baris dengan target dan realisasi N/A bila belum terukur"]),
        ("kinerja.csv", "IKU-1,2023,", "IKU-1,2203,",
         # the year typed wrong is the one problem: no second one for the year its row then lacks
         ["kinerja.csv baris 3, kolom tahun: '2203' bukan tahun antara 1990 dan 2100"]),
        # an empty year is a required cell left empty, as every other required column says (#16 leftover)
        ("kinerja.csv", "IKU-1,2023,", "IKU-1,,", ["kinerja.csv baris 3, kolom tahun: wajib diisi"]),
        ("anggaran.csv", "2024,P1,,program", ",P1,,program", ["anggaran.csv baris 2, kolom tahun: wajib diisi"]),
        ("laporan.csv", "2024,Tabel 2.3,target/IKU-1/2024", ",Tabel 2.3,target/IKU-1/2024",
         ["laporan.csv baris 2, kolom tahun: wajib diisi"]),
        ("indikator.csv", "Level,naik,level", "Level,naik,lvl",
         "indikator.csv baris 6, kolom jenis: 'lvl' harus salah satu dari: angka, rentang, level, kategori"),
        ("indikator.csv", "Persen,naik,angka", "Persen,Naik!,angka",
         "indikator.csv baris 3, kolom polaritas: 'Naik!' harus salah satu dari: naik, turun"),
        ("indikator.csv", "Status Kinerja,naik,kategori,Rendah;Sedang;Tinggi;Sangat Tinggi",
         "Status Kinerja,naik,kategori,",
         "indikator.csv baris 2, kolom skala: indikator jenis kategori perlu skala: kata berurutan dari terendah "
         "dipisah ';' atau nama skala (lppd, akip, opini_bpk)"),
        ("anggaran.csv", "2024,B1.1,B1,", "2024,B1.1,B99,",
         "anggaran.csv baris 6, kolom induk: induk 'B99' tidak ada pada tahun 2024"),
        ("anggaran.csv", "48.281.384.383,45.716.917.980", "48.281.384.383,45716.917.980",
         "anggaran.csv baris 2, kolom realisasi: '45716.917.980' bukan angka: pengelompokan ribuan dengan '.' tidak sah"),
        ("anggaran.csv", "2024,P1,,program", "2024,P1,,programm",
         "anggaran.csv baris 2, kolom tingkat: 'programm' harus salah satu dari: program, bagian, unit_kerja, kegiatan, subkegiatan"),
        ("anggaran_iku.csv", "2024,IKU-7,59.492.564.404", "2024,IKU-7,",
         "anggaran_iku.csv baris 8, kolom pagu: wajib diisi"),
        ("laporan.csv", "target/IKU-1/2024,Tinggi", "target/IKU-1,Tinggi",
         "laporan.csv baris 2, kolom kunci: kunci 'target/IKU-1' harus berbentuk target/<iku>/<tahun>"),
        ("laporan.csv", "target/IKU-1/2024,Tinggi", "sasaran/IKU-1/2024,Tinggi",
         "laporan.csv baris 2, kolom kunci: jenis kunci 'sasaran' tidak dikenal (jenis yang ada: target, realisasi, "
         "capaian, kategori, perubahan_pp, capaian_sasaran, kategori_sasaran, rata_rata, jumlah_iku, jumlah_sasaran, "
         "jumlah_capaian, jumlah_kategori, persen_kategori, pagu, realisasi_anggaran, serapan, pagu_iku, realisasi_anggaran_iku, serapan_iku, efisiensi, "
         "komponen, ikm, mutu_ikm, nrr, nilai_akip, predikat_akip, komponen_akip)"),
        ("entitas.yml", "rumus_turun: selisih", "rumus_turun: terbalik",
         "entitas.yml baris 7, kunci pilihan.rumus_turun: 'terbalik' harus salah satu dari: selisih, rasio"),
        ("entitas.yml", "{kategori: Tinggi, di_atas: 75}", "{kategori: Tinggi, di_atas: 95}",
         "entitas.yml baris 11, kunci pilihan.skala: batas 'di_atas' harus menurun dari kategori tertinggi"),
        ("indikator.csv", "SS-3,Meningkatnya Akuntabilitas Keuangan dan Kinerja Perangkat Daerah",
         "SS-2,Meningkatnya Akuntabilitas Keuangan dan Kinerja Perangkat Daerah",
         "indikator.csv baris 4, kolom sasaran: sasaran_kode SS-2 di baris 3 bernama 'Meningkatnya Penataan Produk "
         "Hukum Daerah yang Harmonis (tidak Tumpang Tindih)', di sini 'Meningkatnya Akuntabilitas Keuangan dan Kinerja "
         "Perangkat Daerah'; satu kode sasaran, satu nama"),
        # 1.2 meant as 120 % would cap every IKU at 1,2 %
        ("entitas.yml", "batas_capaian: null", "batas_capaian: 1.2",
         "entitas.yml baris 9, kunci pilihan.batas_capaian: harus 100, 120 atau kosong (null: tanpa batas)"),
    ],
)
def test_each_problem_names_file_row_and_column(data, name, old, new, expected):
    edit(data, name, old, new)
    assert problems(data) == (expected if isinstance(expected, list) else [expected])


def test_all_problems_are_reported_at_once(data):
    edit(data, "kinerja.csv", 'IKU-2,2024,100,"85,83"', 'IKU-2,2024,100,"85,8,3"')
    edit(data, "anggaran.csv", "2024,B1.1,B1,", "2024,B1.1,B99,")
    edit(data, "indikator.csv", "Persen,naik,angka", "Persen,Naik!,angka")
    assert len(problems(data)) == 3


def test_missing_file_and_missing_column(data):
    (data / "setda-batubara" / "anggaran_iku.csv").unlink()
    edit(data, "kinerja.csv", "kode,tahun,target,realisasi", "kode,tahun,target,real")
    assert problems(data) == [
        "kinerja.csv baris 1, kolom realisasi: kolom wajib tidak ada (judul kolom yang ada: kode, tahun, target, real)",
        "anggaran_iku.csv: berkas tidak ditemukan",
    ]


def test_a_misspelt_or_tab_separated_header_is_named(data):
    edit(data, "kinerja.csv", "kode,tahun,target,realisasi", "kode,tahun,target,realisai")
    assert problems(data) == [
        "kinerja.csv baris 1, kolom realisasi: kolom wajib tidak ada; judul kolom 'realisai' mungkin salah ketik untuk 'realisasi'"]
    path = data / "setda-batubara" / "kinerja.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(",", "\t").replace("realisai", "realisasi"), encoding="utf-8")
    assert problems(data) == ["kinerja.csv baris 1: kolom dipisah tab; simpan ulang sebagai 'CSV UTF-8 (dipisah koma)'"]


def test_empty_file_wrong_encoding_and_ragged_row(data):
    folder = data / "setda-batubara"
    (folder / "anggaran_iku.csv").write_text("", encoding="utf-8")
    (folder / "sdm.csv").write_bytes("no,status,jumlah\n1,Pegawai tetap \xe9,121\n".encode("latin-1"))
    edit(data, "perda.csv", "1,PERDA NOMOR 1", "1,x,PERDA NOMOR 1")
    assert problems(data) == [
        "anggaran_iku.csv: berkas kosong",
        "sdm.csv baris 2: berkas bukan UTF-8; simpan ulang sebagai 'CSV UTF-8 (dipisah koma)'",
        "perda.csv baris 2: baris berisi 5 kolom, seharusnya 4",
    ]


def test_budget_and_report_files_may_hold_only_their_header(data):
    """A unit whose budget is not yet in the data and whose report is not yet published."""
    folder = data / "setda-batubara"
    for name in ("anggaran.csv", "anggaran_iku.csv", "laporan.csv"):
        path = folder / name
        path.write_text(path.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
    unit = muat(data, "setda-batubara")
    assert unit.anggaran.empty and unit.anggaran_iku.empty and unit.laporan.empty
    assert list(unit.laporan.columns) == list(muat(entitas="setda-batubara").laporan.columns)
    assert len(unit.kinerja) == 21
    (folder / "kinerja.csv").write_text("kode,tahun,target,realisasi\n", encoding="utf-8")
    assert problems(data) == ["kinerja.csv: berkas tidak berisi baris data; tahun pertama unit baru diisi dengan lakip template lalu lakip import"]


def test_semicolon_csv_saved_by_excel_is_read(data):
    path = data / "setda-batubara" / "anggaran_iku.csv"
    path.write_text(
        "tahun;kode;pagu;realisasi\n"
        + "".join(f"2024;IKU-{i};1.000.000;900.000,50\n" for i in range(1, 8)),
        encoding="utf-8-sig",
    )
    unit = muat(data, "setda-batubara")
    assert unit.anggaran_iku["realisasi"].tolist() == [900000.5] * 7


def test_warnings_do_not_stop_a_run(data):
    edit(data, "anggaran_iku.csv", "2024,IKU-2,278.909.700,272.713.924", "2024,IKU-2,278.909.700,300.000.000")
    edit(data, "kinerja.csv", 'IKU-2,2022,100,119', 'IKU-2,2022,0,119')
    unit = muat(data, "setda-batubara")
    assert [str(m) for m in unit.peringatan] == [
        "kinerja.csv baris 5, kolom target: peringatan: target 0 dengan polaritas naik: capaian tidak dapat dihitung",
        "anggaran_iku.csv baris 3, kolom realisasi: peringatan: realisasi anggaran melebihi pagu",
    ]


def test_unknown_entity_and_empty_data_folder(tmp_path, data):
    with pytest.raises(DataError, match="folder unit 'kota-x' tidak ada \\(unit yang ada: setda-batubara\\)"):
        muat(data, "kota-x")
    (tmp_path / "kosong").mkdir()
    with pytest.raises(DataError, match="tidak ada folder unit"):
        muat(tmp_path / "kosong")
    with pytest.raises(DataError, match="folder data '.*tidak-ada' tidak ada"):
        muat(tmp_path / "tidak-ada")


def test_key_grammar():
    assert kunci_laporan("komponen/IKU-2/2024/sk") == {"jenis": "komponen", "iku": "IKU-2", "tahun": "2024", "nama": "sk"}
    assert kunci_laporan("jumlah_kategori/Sangat Tinggi/2024")["kategori"] == "Sangat Tinggi"
    with pytest.raises(ValueError, match="bukan tahun"):
        kunci_laporan("rata_rata/20x4")


def test_a_missing_iku_year_is_an_error_not_a_silent_gap(data):
    edit(data, "kinerja.csv", 'IKU-2,2024,100,"85,83"\n', "")
    assert problems(data) == [
        "kinerja.csv, kolom kode: IKU-2 tidak punya baris untuk tahun 2024; tambahkan baris dengan target dan "
        "realisasi N/A bila belum terukur, atau isi tahun_akhir 2023 di indikator.csv bila IKU ini tidak dipakai lagi"
    ]


def test_an_iku_no_longer_measured_says_so_in_tahun_akhir(data):
    from lakip import analysis

    edit(data, "kinerja.csv", 'IKU-2,2024,100,"85,83"\n', "")
    akhiri(data / "setda-batubara", "IKU-2", 2023)
    unit = muat(data, "setda-batubara")
    assert [m.berkas for m in unit.peringatan] == ["anggaran_iku.csv"]  # its 2024 budget row: see below
    assert unit.indikator.set_index("kode")["tahun_akhir"].to_dict()["IKU-2"] == 2023
    assert "IKU-2" not in set(analysis.tabel_capaian_iku(unit, 2024)["kode"])
    assert analysis.ringkasan(unit, 2024)["jumlah"]["iku"] == 6
    # the comparison is of the year's IKU; the years it was measured are still compared in them
    assert "IKU-2" not in set(analysis.tabel_perbandingan(unit, 2024)["kode"])
    assert set(analysis.tabel_perbandingan(unit, 2023).query("kode == 'IKU-2'")["tahun"]) == {2022, 2023}


def test_a_row_after_tahun_akhir_or_a_bad_tahun_akhir_is_an_error(data):
    akhiri(data / "setda-batubara", "IKU-2", 2023)
    assert problems(data) == [
        "kinerja.csv baris 7, kolom tahun: IKU-2 tidak dipakai lagi sesudah tahun 2023 (kolom tahun_akhir di indikator.csv) "
        "tetapi punya baris tahun 2024"
    ]
    edit(data, "indikator.csv", ",2023\n", ",23\n")
    assert problems(data) == ["indikator.csv baris 3, kolom tahun_akhir: '23' bukan tahun antara 1990 dan 2100"]


def test_an_iku_introduced_later_is_a_warning(data):
    for year in (2022, 2023):
        edit(data, "kinerja.csv", f"IKU-5,{year},9/9,9/9\n", "")
    unit = muat(data, "setda-batubara")
    assert [str(m) for m in unit.peringatan] == [
        "kinerja.csv, kolom kode: peringatan: IKU-5 baru ada sejak tahun 2024; tidak ikut tahun 2022, 2023",
    ]
    # a report shows it for the IKU's first year only, with the warnings of its own rows
    assert [str(m) for m in unit.peringatan_tahun(2024)] == [str(m) for m in unit.peringatan]
    assert unit.peringatan_tahun(2023) == []


def test_a_report_shows_the_warnings_of_its_own_year(data, tmp_path):
    from lakip import analysis

    edit(data, "kinerja.csv", 'IKU-2,2023,100,"148,29"', 'IKU-2,2023,100,"-148,29"')
    unit = muat(data, "setda-batubara")
    assert len(unit.peringatan) == 1 and unit.peringatan[0].tahun == 2023
    assert [p for p in analysis.ringkasan(unit, 2023)["peringatan"] if "negatif" in p] == [str(unit.peringatan[0])]
    assert not any("negatif" in p for p in analysis.ringkasan(unit, 2024)["peringatan"])


def test_an_implausible_number_is_read_as_written_and_warned(data):
    edit(data, "kinerja.csv", 'IKU-2,2024,100,"85,83"', "IKU-2,2024,100,85.830")
    unit = muat(data, "setda-batubara")
    assert [str(m) for m in unit.peringatan] == [
        "kinerja.csv baris 7, kolom realisasi: peringatan: '85.830' dibaca 85.830, lebih dari 10 kali target 100; "
        "periksa penulisan (titik memisahkan ribuan, koma memisahkan desimal)"
    ]


def test_a_range_target_is_met_by_a_number(data):
    edit(data, "indikator.csv", "Nilai,naik,angka,,Nilai Evaluasi", "Nilai,naik,rentang,,Nilai Evaluasi")
    for year, target in ((2022, "70"), (2023, "72"), (2024, "73")):
        edit(data, "kinerja.csv", f"IKU-4,{year},{target},", f'IKU-4,{year},"{target}-75",')
    unit = muat(data, "setda-batubara")
    k = unit.kinerja.set_index(["kode", "tahun"])
    assert (k.loc[("IKU-4", 2024), "target_bawah"], k.loc[("IKU-4", 2024), "target_atas"]) == (73.0, 75.0)
    assert k.loc[("IKU-4", 2024), "realisasi_nilai"] == 72.37
    from lakip import analysis

    cap = analysis.tabel_capaian_iku(unit, 2024).set_index("kode").loc["IKU-4", "capaian"]
    assert cap == 72.37 * 100 / 73  # below the lower bound: divided by it


def test_iku_without_realisasi_listed_by_year_in_the_order_of_indikator(data):
    from lakip.core.tables import iku_belum_terukur

    edit(data, "kinerja.csv", 'IKU-7,2024,87,"66,35"', "IKU-7,2024,87,")
    path = data / "setda-batubara" / "kinerja.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join([lines[0], *reversed(lines[1:])]) + "\n", encoding="utf-8")  # rows sorted otherwise
    t = iku_belum_terukur(muat(data, "setda-batubara"))
    assert t[["kode", "tahun"]].values.tolist() == [["IKU-1", 2022], ["IKU-1", 2024], ["IKU-7", 2024]]
    assert t["indikator"].tolist()[-1] == "IKM Sekretariat Daerah"
    assert iku_belum_terukur(muat(data, "setda-batubara"), 2023).empty


def test_a_negative_target_or_realisasi_is_a_warning(data):
    edit(data, "kinerja.csv", 'IKU-2,2024,100,"85,83"', 'IKU-2,2024,100,"-85,83"')
    edit(data, "kinerja.csv", 'IKU-3,2024,"9,70"', 'IKU-3,2024,"-9,70"')
    unit = muat(data, "setda-batubara")
    assert [str(m) for m in unit.peringatan] == [
        f"kinerja.csv baris {b}, kolom {k}: peringatan: '{v}' negatif; periksa tanda minus: capaian dari nilai negatif "
        "dihitung dengan rumus yang sama dan dapat menyesatkan"
        for b, k, v in ((7, "realisasi", "-85,83"), (10, "target", "-9,70"))
    ]


def test_an_iku_ended_before_the_data_starts_stays_as_history(data):
    edit(data, "indikator.csv", "IKU-7,", "IKU-0,", count=1)  # a second copy is made below
    path = data / "setda-batubara" / "indikator.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    old = next(ln for ln in lines if ln.startswith("IKU-0,"))
    lines = [lines[0] + ",tahun_akhir"] + [ln + (",2021" if ln.startswith("IKU-0,") else ",") for ln in lines[1:]]
    lines.append(old.replace("IKU-0,", "IKU-7,", 1) + ",")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    unit = muat(data, "setda-batubara")
    assert "IKU-0" in set(unit.indikator["kode"]) and "IKU-0" not in set(unit.kinerja["kode"])


def test_the_budget_of_an_ended_iku_after_its_end_is_a_warning(data):
    edit(data, "kinerja.csv", 'IKU-2,2024,100,"85,83"\n', "")
    akhiri(data / "setda-batubara", "IKU-2", 2023)
    unit = muat(data, "setda-batubara")
    assert [str(m) for m in unit.peringatan] == [
        "anggaran_iku.csv baris 3, kolom kode: peringatan: IKU-2 tidak dipakai lagi sesudah tahun 2023 (kolom tahun_akhir "
        "di indikator.csv); baris anggaran tahun 2024 ini tidak dianalisis"]


def test_an_empty_kode_is_said_once(data):
    """An IKU whose kode is left empty: one message at its cell, not also a duplicate row or 'no row at all'."""
    path = data / "setda-batubara" / "indikator.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[2] = lines[2].replace("IKU-2,", ",", 1)
    lines[3] = lines[3].replace("IKU-3,", ",", 1)
    path.write_text("".join(lines), encoding="utf-8")
    found = [m for m in problems(data) if m.startswith("indikator.csv") or "indikator.csv tidak punya" in m
             or "sama sekali" in m]
    assert found == ["indikator.csv baris 3, kolom kode: wajib diisi", "indikator.csv baris 4, kolom kode: wajib diisi"]
