"""Reviu: every printed figure judged against the data.

First the Batu Bara 2024 report, whose every inconsistency is pinned (and
every other figure must be "sesuai"); then a small hand-made unit with a
clean report (zero findings) and one broken figure per check.
"""

import shutil
import textwrap

import pytest

from lakip import analysis
from lakip.reviu import SESUAI, TIDAK_DAPAT, TIDAK_SESUAI, baca, reviu, ringkasan_reviu
from lakip.data.load import muat
from lakip.core.paths import DATA_DIR
from lakip.app.run import jalankan_reviu

# ------------------------------------------------------------------------------------------ the seed

TEMUAN_SEED = {
    ("Tabel 2.5", "pagu/B1/2024"): (TIDAK_SESUAI, "induk tidak sama dengan jumlah rincian"),
    ("Tabel 2.5", "pagu/B1.2/2024"): (TIDAK_SESUAI, "induk tidak sama dengan jumlah rincian"),
    ("Tabel 2.5", "pagu/jumlah/2024"): (TIDAK_SESUAI, "induk tidak sama dengan jumlah rincian"),
    ("Tabel 3.2", "rata_rata/2024"): (TIDAK_SESUAI, "IKU belum dapat diukur ikut dihitung"),
    ("Tabel 3.2", "jumlah_kategori/Sangat Tinggi/2024"): (TIDAK_SESUAI, "jumlah atau persen kategori salah"),
    ("Tabel 3.3", "capaian/IKU-1/2023"): (TIDAK_SESUAI, "capaian salah hitung"),
    ("Tabel 3.3 (Sasaran 1)", "capaian/IKU-1/2023"): (TIDAK_SESUAI, "capaian salah hitung"),
    # the text prints ditetapkan 1084 (its parts 861 + 46 + 8 give 915) and diusulkan 915; the formula under it,
    # 915 / 1066, gives the realisasi of the data, 85,83 %: the two parts of the text are wrong, nothing else
    ("Bab III teks Sasaran 2", "komponen/IKU-2/2024/ditetapkan"): (TIDAK_SESUAI, "komponen rumus tidak konsisten"),
    ("Bab III teks Sasaran 2", "komponen/IKU-2/2024/diusulkan"): (TIDAK_SESUAI, "komponen rumus tidak konsisten"),
    ("Bab III teks Sasaran 2", "perubahan_pp/IKU-2/2024"): (TIDAK_SESUAI, "perubahan capaian salah hitung"),
    ("Bab III teks Sasaran 3", "perubahan_pp/IKU-3/2024"): (TIDAK_SESUAI, "perubahan capaian salah hitung"),
    ("Tabel 3.9", "capaian/IKU-7/2023"): (TIDAK_SESUAI, "nilai dari tahun lain"),
    ("Bab III teks Sasaran 6", "capaian/IKU-7/2023"): (TIDAK_SESUAI, "nilai dari tahun lain"),
    ("Tabel Efisiensi", "target/IKU-3/2024"): (TIDAK_SESUAI, "target berbeda dengan PK"),
    ("Tabel Efisiensi", "target/IKU-4/2024"): (TIDAK_SESUAI, "target berbeda dengan PK"),
    ("Tabel Efisiensi", "target/IKU-7/2024"): (TIDAK_SESUAI, "target berbeda dengan PK"),
    ("Tabel Efisiensi", "capaian/IKU-3/2024"): (TIDAK_SESUAI, "capaian memakai target lain"),
    ("Tabel Efisiensi", "capaian/IKU-4/2024"): (TIDAK_SESUAI, "capaian memakai target lain"),
    ("Tabel Efisiensi", "capaian/IKU-7/2024"): (TIDAK_SESUAI, "capaian memakai target lain"),
    ("Tabel Efisiensi", "efisiensi/IKU-2/2024"): (TIDAK_SESUAI, "nilai efisiensi tidak mengikuti rumus"),
    ("Tabel Efisiensi", "efisiensi/IKU-3/2024"): (TIDAK_SESUAI, "nilai efisiensi tidak mengikuti rumus"),
    ("Tabel Efisiensi", "efisiensi/IKU-6/2024"): (TIDAK_SESUAI, "nilai efisiensi tidak mengikuti rumus"),
    ("Tabel Efisiensi", "efisiensi/IKU-7/2024"): (TIDAK_SESUAI, "nilai efisiensi tidak mengikuti rumus"),
    ("Tabel 3.10", "realisasi_anggaran/P2/2024"): (TIDAK_SESUAI, "format angka salah"),
    ("Bab IV", "rata_rata/2024"): (TIDAK_SESUAI, "IKU belum dapat diukur ikut dihitung"),
    ("Bab IV", "jumlah_kategori/Sangat Tinggi/2024"): (TIDAK_SESUAI, "IKU belum dapat diukur ikut dihitung"),
    ("Bab IV", "persen_kategori/Sangat Tinggi/2024"): (TIDAK_SESUAI, "jumlah atau persen kategori salah"),
    ("Bab IV", "persen_kategori/Tinggi/2024"): (TIDAK_SESUAI, "jumlah atau persen kategori salah"),
}


@pytest.fixture(scope="module")
def seed():
    return reviu(muat(entitas="setda-batubara"), 2024)


def test_every_inconsistency_of_the_seed_and_no_false_finding(seed):
    assert len(seed) == 350
    got = {}
    for _, r in seed.iterrows():
        if r["status"] != SESUAI:
            got.setdefault((r["tabel"], r["kunci"]), set()).add((r["status"], r["jenis"]))
    assert got == {k: {v} for k, v in TEMUAN_SEED.items()}
    s = ringkasan_reviu(seed)
    assert s["per_status"] == {SESUAI: 322, TIDAK_SESUAI: 28, TIDAK_DAPAT: 0}


def _explain(seed, tabel, kunci):
    rows = seed[(seed["tabel"] == tabel) & (seed["kunci"] == kunci)]
    return rows.iloc[0]


@pytest.mark.parametrize(
    ("tabel", "kunci", "bagian"),
    [
        ("Tabel 3.2", "rata_rata/2024", ["rata-rata capaian 6 IKU terukur (93,97 %)",
                                         "IKU-1 (belum dapat diukur) diberi nilai 86,22% yang dicetak untuk tahun 2023",
                                         "dipotong, bukan dibulatkan"]),
        ("Tabel 3.2", "jumlah_kategori/Sangat Tinggi/2024", ["jumlah seluruh IKU", "4 IKU Sangat Tinggi (IKU-3, IKU-4, IKU-5, IKU-6)"]),
        ("Bab IV", "jumlah_kategori/Sangat Tinggi/2024", ["belum dapat diukur (IKU-1) ikut dihitung"]),
        ("Tabel 3.9", "capaian/IKU-7/2023", ["capaian tahun 2022 (106,71 %)", "102,45 %"]),
        ("Tabel Efisiensi", "capaian/IKU-4/2024", ["target 72,4 yang dicetak di Tabel Efisiensi", "bukan target PK 73"]),
        ("Tabel Efisiensi", "efisiensi/IKU-3/2024", ["Tidak ada metode yang menghasilkan 0,99", "rasio 1,12"]),
        ("Tabel 2.5", "pagu/B1/2024", ["Rp 24.830.603.285", "jumlah rincian di bawahnya lagi",
                                       "B1.2 Administrasi Umum Perangkat Daerah (Rp 10.200.016.139, padahal rinciannya "
                                       "Rp 10.243.700.264)"]),
        ("Tabel 2.5", "pagu/jumlah/2024", ["Rp 47.334.153.328", "sama dengan jumlah susunan program"]),
        ("Tabel 3.10", "realisasi_anggaran/P2/2024", ["pengelompokan ribuan", "Rp 11.764.429.034"]),
        ("Bab III teks Sasaran 2", "komponen/IKU-2/2024/ditetapkan",
         ["sk + perbup + perda dengan angka di tabel ini (perbup 46, perda 8, sk 861) memberi 915, bukan ditetapkan yang "
          "dicetak (1.084). Angka lain rumus ini sesuai, jadi angka ini yang salah", "Di Bab III rumus Sasaran 2 komponen ini dicetak 915"]),
        ("Bab III teks Sasaran 2", "komponen/IKU-2/2024/diusulkan",
         ["(ditetapkan 1.084, diusulkan 915) memberi 118,47, bukan realisasi menurut data (85,83)",
          "Di Bab III rumus Sasaran 2 komponen ini dicetak 1066"]),
        ("Bab III teks Sasaran 2", "komponen/IKU-2/2024/sk",
         ["dengan angka di Bab III rumus Sasaran 2 dan tabel ini (perbup 46, perda 8, sk 861) memberi 915, sama dengan ditetapkan "
          "yang dicetak (915)"]),
        ("Bab III rumus Sasaran 2", "komponen/IKU-2/2024/ditetapkan",
         ["(ditetapkan 915, diusulkan 1.066) memberi 85,83, sama dengan realisasi menurut data (85,83)"]),
        ("Bab III teks Sasaran 2", "realisasi/IKU-2/2024", ["Sama dengan realisasi di kinerja.csv. Namun",
                                                            "ditetapkan 1.084, diusulkan 915", "118,47 %"]),
        ("Bab III teks Sasaran 2", "perubahan_pp/IKU-2/2024", ["sudah dibulatkan", "-62,46 pp", "poin persentase"]),
        ("Tabel 3.3 (Sasaran 1)", "capaian/IKU-1/2023",
         ["capaian menurut rumus 66,67 % (realisasi Sedang terhadap target Tinggi); kata Sedang sesuai dengan kategorinya "
          "(Sedang), tetapi angka 86,22 bukan capaian itu."]),
        ("Tabel 3.10", "serapan/jumlah/2024", ["Rp 60.563.391.303 / Rp 64.440.768.486 = 93,98 %"]),
    ],
)
def test_seed_explanations(seed, tabel, kunci, bagian):
    text = _explain(seed, tabel, kunci)["penjelasan"]
    for part in bagian:
        assert part in text, (part, text)


def test_right_figures_of_the_seed_are_sesuai(seed):
    for tabel, kunci in [("Tabel 3.3", "capaian/IKU-4/2022"), ("Tabel 3.10", "serapan/P2/2024"),
                         ("Tabel 2.3", "target/IKU-3/2024"), ("Bab III rumus Sasaran 2", "realisasi/IKU-2/2024"),
                         ("Tabel Efisiensi", "efisiensi/IKU-1/2024"), ("Bab III teks Sasaran 3", "komponen/IKU-4/2023/predikat"),
                         ("Tabel 3.5", "komponen/IKU-2/2024/perda"), ("Bab III teks 3.3", "pagu/jumlah/2024"),
                         ("Bab III teks Sasaran 2", "realisasi/IKU-2/2024"), ("Bab III teks Sasaran 2", "komponen/IKU-2/2024/sk"),
                         ("Bab III rumus Sasaran 2", "komponen/IKU-2/2024/ditetapkan"),
                         ("Bab III rumus Sasaran 2", "komponen/IKU-2/2024/diusulkan")]:
        assert _explain(seed, tabel, kunci)["status"] == SESUAI, (tabel, kunci)


def test_reading_printed_figures():
    assert baca("85.83 %").nilai == 85.83 and baca("85.83 %").desimal == 2
    assert baca("86 %").desimal == 0 and baca("64.440.768.486").desimal == 0
    assert baca("Sedang (86,22)").kata == "Sedang" and baca("Sedang (86,22)").nilai == 86.22
    assert baca("belum dapat diukur").nilai is None and baca("NA").nilai is None
    assert baca("9/9").nilai == "9/9" and baca("Sangat Tinggi").nilai == "Sangat Tinggi"
    bad = baca("Rp. 11764.429.034")
    assert bad.nilai is None and bad.galat == "bukan angka: pengelompokan ribuan dengan '.' tidak sah"


# ------------------------------------------------------------------------------ a hand-made unit

INDIKATOR = """\
kode,tujuan,sasaran_kode,sasaran,indikator,satuan,polaritas,jenis,skala,formula,rumus_komponen
A1,T,SS-A,Sasaran A,Indikator naik,Persen,naik,angka,,,
A2,T,SS-A,Sasaran A,Angka kemiskinan,Persen,turun,angka,,,
A3,T,SS-B,Sasaran B,Nilai LPPD,Status,naik,kategori,lppd,,
A4,T,SS-B,Sasaran B,Produk selesai,Persen,naik,angka,,,realisasi = selesai / usul * 100; selesai = x + y
"""
KINERJA = """\
kode,tahun,target,realisasi
A1,2023,100,90
A1,2024,100,95
A2,2023,10,12
A2,2024,10,8
A3,2023,Tinggi,Sedang
A3,2024,Tinggi,N/A
A4,2023,80,72
A4,2024,80,60
"""
ANGGARAN = """\
tahun,kode,induk,tingkat,uraian,pagu,realisasi
2024,P1,,program,Program Satu,1.000.000,900.000
2024,K1,P1,kegiatan,Kegiatan Satu,600.000,550.000
2024,K2,P1,kegiatan,Kegiatan Dua,400.000,350.000
"""
ANGGARAN_IKU = """\
tahun,kode,pagu,realisasi
2024,A1,200.000,190.000
2024,A2,100.000,100.000
2024,A4,300.000,240.000
"""
# every figure right: (tabel, kunci, nilai)
BENAR = [
    ("Tabel 1", "target/A1/2024", "100"), ("Tabel 1", "realisasi/A1/2024", "95"), ("Tabel 1", "capaian/A1/2024", "95 %"),
    ("Tabel 1", "target/A2/2024", "10"), ("Tabel 1", "realisasi/A2/2024", "8"), ("Tabel 1", "capaian/A2/2024", "120 %"),
    ("Tabel 1", "target/A3/2024", "Tinggi"), ("Tabel 1", "realisasi/A3/2024", "N/A"), ("Tabel 1", "capaian/A3/2024", "N/A"),
    ("Tabel 1", "target/A4/2024", "80"), ("Tabel 1", "realisasi/A4/2024", "60"), ("Tabel 1", "capaian/A4/2024", "75 %"),
    ("Tabel 1", "rata_rata/2024", "96,67 %"),
    ("Tabel 2", "capaian/A1/2023", "90 %"), ("Tabel 2", "capaian/A2/2023", "80 %"),
    ("Tabel 2", "capaian/A3/2023", "66,67 %"), ("Tabel 2", "capaian/A4/2023", "90 %"),
    ("Teks", "kategori/A1/2024", "Sangat Tinggi"), ("Teks", "kategori/A4/2024", "Sedang"),
    ("Teks", "kategori/A3/2024", "belum dapat diukur"), ("Teks", "kategori/A3/2023", "Sedang"),
    ("Teks", "capaian_sasaran/SS-A/2024", "107,5 %"), ("Teks", "kategori_sasaran/SS-B/2024", "Sedang"),
    ("Teks", "perubahan_pp/A1/2024", "5 pp"),
    ("Bab IV", "jumlah_iku/2024", "4"), ("Bab IV", "jumlah_kategori/Sangat Tinggi/2024", "2"),
    ("Bab IV", "persen_kategori/Sangat Tinggi/2024", "50 %"), ("Bab IV", "jumlah_kategori/Sedang/2024", "1"),
    ("Bab IV", "persen_kategori/Sedang/2024", "33,33 %"),
    ("Tabel 3", "pagu/P1/2024", "Rp 1.000.000"), ("Tabel 3", "realisasi_anggaran/P1/2024", "Rp 900.000"),
    ("Tabel 3", "serapan/P1/2024", "90 %"), ("Tabel 3", "pagu/jumlah/2024", "1.000.000"),
    ("Tabel 4", "pagu/K1/2024", "600.000"), ("Tabel 4", "pagu/K2/2024", "400.000"),
    ("Tabel 5", "pagu_iku/A1/2024", "200.000"), ("Tabel 5", "realisasi_anggaran_iku/A1/2024", "190.000"),
    ("Tabel 5", "serapan_iku/A1/2024", "95,00"), ("Tabel 5", "efisiensi/A1/2024", "1,00"),
    ("Tabel 5", "efisiensi/A2/2024", "1,20"), ("Tabel 5", "efisiensi/A3/2024", "N/A"), ("Tabel 5", "efisiensi/A4/2024", "0,94"),
    ("Rumus", "komponen/A4/2024/selesai", "30"), ("Rumus", "komponen/A4/2024/usul", "50"), ("Rumus", "realisasi/A4/2024", "60 %"),
]


def make_unit(root, laporan):
    folder = root / "uji"
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    (folder / "entitas.yml").write_text("nama: Unit Uji\npemda: Kabupaten Uji\n", encoding="utf-8")
    for name, text in (("indikator.csv", INDIKATOR), ("kinerja.csv", KINERJA), ("anggaran.csv", ANGGARAN),
                       ("anggaran_iku.csv", ANGGARAN_IKU)):
        (folder / name).write_text(textwrap.dedent(text), encoding="utf-8")
    lines = ["tahun,tabel,kunci,nilai,catatan"]
    for row in laporan:
        tabel, kunci, nilai, *cat = row
        lines.append(f'2024,{tabel},{kunci},"{nilai}",{cat[0] if cat else ""}')
    (folder / "laporan.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return muat(root, "uji")


def test_a_clean_report_has_zero_findings(tmp_path):
    r = reviu(make_unit(tmp_path, BENAR), 2024)
    assert len(r) == len(BENAR)
    assert r[r["status"] != SESUAI].empty, r[r["status"] != SESUAI][["kunci", "penjelasan"]].to_string()


def one_wrong(tmp_path, kunci, nilai, tabel=None, catatan=""):
    rows = [(t, k, (nilai if k == kunci and (tabel is None or t == tabel) else v), catatan if k == kunci else "")
            for t, k, v in BENAR]
    if not any(k == kunci for _, k, _ in BENAR):
        rows.append((tabel or "Tambahan", kunci, nilai, catatan))
    r = reviu(make_unit(tmp_path, rows), 2024)
    bad = r[r["status"] == TIDAK_SESUAI]
    assert set(r["status"]) <= {SESUAI, TIDAK_SESUAI, TIDAK_DAPAT}
    assert len(bad) == 1, bad[["tabel", "kunci", "status", "penjelasan"]].to_string()
    return bad.iloc[0]


@pytest.mark.parametrize(
    ("kunci", "nilai", "tabel", "jenis", "bagian"),
    [
        ("target/A1/2024", "90", None, "target berbeda dengan PK", "berbeda dengan target PK (kinerja.csv) 100"),
        ("realisasi/A4/2024", "62", "Tabel 1", "realisasi berbeda dengan data", "realisasi di kinerja.csv 60"),
        ("capaian/A2/2024", "125 %", None, "rumus polaritas turun lain", "rumus polaritas turun 'rasio' (125,00 %)"),
        ("capaian/A1/2024", "90 %", None, "nilai dari tahun lain", "capaian tahun 2023 (90,00 %)"),
        ("capaian/A4/2024", "80 %", None, "capaian salah hitung", "menurut data 75,00 %"),
        ("capaian/A3/2024", "66,67 %", None, "capaian salah hitung", "belum dapat diukur"),
        ("kategori/A4/2024", "Tinggi", None, "kategori tidak sesuai skala", "capaian 75,00 % termasuk Sedang"),
        ("capaian_sasaran/SS-A/2024", "100 %", None, "rata-rata salah hitung", "107,50 %"),
        ("rata_rata/2024", "72,5 %", None, "IKU belum dapat diukur ikut dihitung", "A3 (belum dapat diukur) dihitung 0"),
        ("jumlah_kategori/Sangat Tinggi/2024", "3", None, "IKU belum dapat diukur ikut dihitung", "(A3) ikut dihitung"),
        ("persen_kategori/Sangat Tinggi/2024", "60 %", None, "jumlah atau persen kategori salah", "2 dari 4 IKU = 50,00 %"),
        ("pagu/P1/2024", "Rp 1.100.000", None, "anggaran berbeda dengan data", "Rp 1.000.000"),
        ("serapan/P1/2024", "95 %", None, "serapan salah hitung", "90,00 %"),
        ("pagu/K1/2024", "6.00.000", None, "format angka salah", "pengelompokan ribuan"),
        ("efisiensi/A4/2024", "-5,00", None, "nilai efisiensi tidak mengikuti rumus", "metode selisih"),
        ("efisiensi/A1/2024", "0,80", None, "nilai efisiensi tidak mengikuti rumus", "Tidak ada metode"),
        ("perubahan_pp/A1/2024", "4 pp", None, "perubahan capaian salah hitung", "menurut data 5,00 pp"),
        ("komponen/A4/2024/usul", "40", None, "komponen rumus tidak konsisten", ""),
    ],
)
def test_each_check_finds_its_error(tmp_path, kunci, nilai, tabel, jenis, bagian):
    if kunci == "komponen/A4/2024/usul":
        # the realisasi printed beside the parts is the data's, the parts no longer give it: both parts are
        # suspect (which one is wrong cannot be told), the realisasi is right and says where to look
        rows = [(t, k, (nilai if k == kunci else v)) for t, k, v in BENAR]
        r = reviu(make_unit(tmp_path, rows), 2024).set_index(["tabel", "kunci"])
        bad = r[r["status"] == TIDAK_SESUAI]
        assert sorted(k for _, k in bad.index) == ["komponen/A4/2024/selesai", "komponen/A4/2024/usul"]
        assert set(bad["jenis"]) == {jenis}
        assert "(selesai 30, usul 40) memberi 75, bukan realisasi menurut data (60). Salah satu dari selesai atau usul salah" \
            in bad["penjelasan"].iloc[0]
        real = r.loc[("Rumus", "realisasi/A4/2024")]
        assert real["status"] == SESUAI and "komponen yang dicetak di tabel ini tidak konsisten" in real["penjelasan"]
        return
    r = one_wrong(tmp_path, kunci, nilai, tabel)
    assert r["kunci"] == kunci and r["status"] == TIDAK_SESUAI and r["jenis"] == jenis
    assert bagian in r["penjelasan"], r["penjelasan"]


def test_parent_against_children_and_total_against_top_level(tmp_path):
    unit_rows = [row for row in BENAR if row[1] != "pagu/K2/2024"] + [("Tabel 4", "pagu/K2/2024", "400.000")]
    make_unit(tmp_path, unit_rows)
    path = tmp_path / "uji" / "anggaran.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("2024,K2,P1,kegiatan,Kegiatan Dua,400.000,350.000",
                                                             "2024,K2,P1,kegiatan,Kegiatan Dua,300.000,350.000"), encoding="utf-8")
    lap = tmp_path / "uji" / "laporan.csv"
    lap.write_text(lap.read_text(encoding="utf-8").replace('pagu/K2/2024,"400.000"', 'pagu/K2/2024,"300.000"'), encoding="utf-8")
    r = reviu(muat(tmp_path, "uji"), 2024).set_index(["tabel", "kunci"])
    p1 = r.loc[("Tabel 3", "pagu/P1/2024")]
    assert p1["status"] == TIDAK_SESUAI and p1["jenis"] == "induk tidak sama dengan jumlah rincian"
    assert "jumlah 2 rinciannya Rp 900.000 (selisih Rp 100.000)" in p1["penjelasan"]
    assert r.loc[("Tabel 3", "pagu/jumlah/2024"), "status"] == SESUAI  # the total equals the top level


def test_sum_of_parts(tmp_path):
    rows = BENAR + [("Rumus", "komponen/A4/2024/x", "20"), ("Rumus", "komponen/A4/2024/y", "15")]
    r = reviu(make_unit(tmp_path, rows), 2024).set_index(["tabel", "kunci"])
    # selesai 30 with usul 50 gives the data's realisasi 60: the parts x + y = 35 are the wrong ones, one of them
    s = r.loc[("Rumus", "komponen/A4/2024/selesai")]
    assert s["status"] == SESUAI and "sama dengan realisasi menurut data (60)" in s["penjelasan"]
    for part in ("x", "y"):
        got = r.loc[("Rumus", f"komponen/A4/2024/{part}")]
        assert got["status"] == TIDAK_SESUAI and got["jenis"] == "komponen rumus tidak konsisten"
        assert "Rumus selesai = x + y dengan angka di tabel ini (x 20, y 15) memberi 35, bukan selesai yang dicetak (30). " \
               "Salah satu dari x atau y salah" in got["penjelasan"]


def test_a_part_printed_with_two_values(tmp_path):
    rows = BENAR + [("Teks", "komponen/A4/2024/usul", "55")]
    r = reviu(make_unit(tmp_path, rows), 2024).set_index(["tabel", "kunci"])
    # 30 / 55 does not give the data's realisasi 60, 30 / 50 does: the 55 is wrong
    assert r.loc[("Teks", "komponen/A4/2024/usul"), "jenis"] == "komponen rumus tidak konsisten"
    assert "Di Rumus komponen ini dicetak 50" in r.loc[("Teks", "komponen/A4/2024/usul"), "penjelasan"]
    assert r.loc[("Rumus", "komponen/A4/2024/usul"), "status"] == SESUAI


def test_capaian_computed_with_a_target_printed_elsewhere(tmp_path):
    rows = BENAR + [("Tabel 5", "target/A1/2024", "95"), ("Tabel 5", "capaian/A1/2024", "100")]
    r = reviu(make_unit(tmp_path, rows), 2024).set_index(["tabel", "kunci"])
    c = r.loc[("Tabel 5", "capaian/A1/2024")]
    assert c["jenis"] == "capaian memakai target lain" and "target 95 yang dicetak di Tabel 5" in c["penjelasan"]
    assert r.loc[("Tabel 5", "target/A1/2024"), "jenis"] == "target berbeda dengan PK"


def test_reviu_command_writes_the_findings_and_exits_0(tmp_path):
    import subprocess
    import sys

    res = subprocess.run([sys.executable, "-m", "lakip", "reviu", "--out", str(tmp_path)], capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
    assert res.stdout.splitlines()[0] == "Reviu 350 angka laporan: 322 sesuai, 28 tidak sesuai, 0 tidak dapat dihitung."
    folder = tmp_path / "setda-batubara" / "2024" / "tabel"
    header = (folder / "reviu.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header == "tabel,kunci,nilai_laporan,nilai_hitung,selisih,status,penjelasan,jenis"
    assert (folder / "reviu_ringkasan.json").is_file()
    _, ring = jalankan_reviu(out=tmp_path, tahun=2023)
    assert ring["jumlah_angka"] == 0
    # selisih without the noise of binary subtraction (#16 leftover): 86 % printed, 85,83 computed
    import csv

    rows = {(r["tabel"], r["kunci"]): r for r in csv.DictReader(open(folder / "reviu.csv", encoding="utf-8"))}
    assert rows[("Tabel 3.2", "capaian/IKU-2/2024")]["selisih"] == "0.17"  # was 0.1700000000000017
    assert rows[("Tabel 3.3", "capaian/IKU-2/2023")]["selisih"] == "-0.29"  # was -0.28999999999999204
    assert rows[("Tabel 3.2", "rata_rata/2024")]["selisih"] == "-1.230829458"
    assert rows[("Tabel 3.2", "rata_rata/2024")]["nilai_hitung"] == "93.97082945832068"  # the computed value stays exact
    assert all(len(r["selisih"].partition(".")[2]) <= 9 for r in rows.values()), "more than 9 decimals"
    assert "-0.0" not in {r["selisih"] for r in rows.values()}


def test_predikat_and_mutu_at_their_bounds():
    from lakip.core.formula import hitung, mutu_ikm, predikat_akip, urai_rumus

    # 25,00 + 26,76 + 13,82 + 24,42 is 90,00, computed as 90.00000000000001: A (90,00 is A)
    rumus = urai_rumus("predikat = predikat_akip(perencanaan + pengukuran + pelaporan + evaluasi)")[0]
    nilai = dict(perencanaan=25.00, pengukuran=26.76, pelaporan=13.82, evaluasi=24.42)
    assert sum(nilai.values()) > 90
    assert hitung(rumus.kanan, nilai) == "A"
    assert [predikat_akip(v) for v in (90.01, 90.0, 80.0, 30.0, 30.01, 0.0)] == ["AA", "A", "BB", "D", "C", "D"]
    # mutu is classed as the IKM is printed, at two decimals: 88,305 is printed 88,31
    assert [mutu_ikm(v) for v in (88.31, 88.305, 88.304, 88.30, 76.61, 76.605, 65.0, 64.99)] == \
        ["A", "A", "B", "B", "B", "B", "C", "D"]


def test_percents_rounded_to_add_up_to_100_are_accepted(tmp_path):
    """Six measured IKU, two in each of three kategori: lakip prints 33,33 + 33,33 + 33,34 %."""
    import lakip.audit as audit_mod
    from lakip.report import narasi

    folder = tmp_path / "setda-batubara"
    shutil.copytree(DATA_DIR / "setda-batubara", folder)
    k = folder / "kinerja.csv"
    teks = k.read_text(encoding="utf-8")
    for old, new in (('IKU-4,2024,73,"72,37"', "IKU-4,2024,73,52"), ('IKU-6,2024,86,"86,28"', "IKU-6,2024,86,60")):
        assert old in teks
        teks = teks.replace(old, new)
    k.write_text(teks, encoding="utf-8")
    lap = folder / "laporan.csv"
    lap.write_text(lap.read_text(encoding="utf-8") + "".join(
        f'2024,Bab IV uji,persen_kategori/{kat}/2024,"{v}",\n'
        for kat, v in (("Sangat Tinggi", "33,33 %"), ("Tinggi", "33,33 %"), ("Sedang", "33,34 %"), ("Rendah", "33,34 %"))),
        encoding="utf-8")
    u = muat(tmp_path, "setda-batubara")
    assert "(33,34 %) pada kategori Sedang" in narasi.paragraf_ringkasan(analysis.analisis(u, 2024))
    r = audit_mod.reviu(u, 2024)
    r = r[r["tabel"] == "Bab IV uji"].set_index("kunci")
    assert r["status"].tolist() == [SESUAI, SESUAI, SESUAI, TIDAK_SESUAI]
    assert "dibulatkan agar persentase semua kategori berjumlah 100 %" in r.loc["persen_kategori/Sedang/2024", "penjelasan"]


# ------------------------------------------------------------------ figures printed in other forms


def _temuan(unit, rows):
    r = reviu(unit, 2024)
    return r[r["tabel"].isin({t for t, *_ in rows})].set_index("tabel")


def _cek_baris(tmp_path, rows):
    """The clean report plus ``rows`` (tabel, kunci, nilai, status, a part of the penjelasan, or the jenis
    "format angka salah"): each row gets its status and says it; the findings, by tabel."""
    r = _temuan(make_unit(tmp_path, BENAR + [row[:3] for row in rows]), rows)
    for tabel, kunci, nilai, status, bagian in rows:
        got = r.loc[tabel]
        assert (got["kunci"], got["status"]) == (kunci, status), (tabel, nilai, got["penjelasan"])
        assert bagian in (got["jenis"] if bagian == "format angka salah" else got["penjelasan"]), (tabel, got["penjelasan"])
    return r


def test_figures_printed_in_other_forms_are_judged_by_their_value(tmp_path):
    """A kategori with its capaian in brackets, an amount printed short, an efficiency ratio printed as a
    percent, a change with its direction as a word, a mean of the sasaran: each right one is sesuai."""
    rows = [
        ("X1", "kategori/A1/2024", "Sangat Tinggi (95 %)", SESUAI, "angka di dalam kurung sama"),
        ("X2", "kategori/A1/2024", "Sangat Tinggi (90 %)", TIDAK_SESUAI, "angka di dalam kurung (90) bukan capaian 95,00 %"),
        ("X3", "kategori_sasaran/SS-B/2024", "Sedang (75 %)", SESUAI, "capaian sasaran 75,00 % termasuk Sedang"),
        ("X4", "pagu/P1/2024", "Rp 1,0 jt", SESUAI, "Sama dengan anggaran.csv"),
        ("X5", "pagu/P1/2024", "Rp 1,1 jt", TIDAK_SESUAI, "di anggaran.csv Rp 1.000.000"),
        ("X6", "realisasi_anggaran/P1/2024", "0,9 juta", SESUAI, "Sama dengan anggaran.csv"),
        ("X7", "efisiensi/A4/2024", "94 %", SESUAI, "= 93,75 %, ditulis sebagai persen"),
        ("X8", "efisiensi/A4/2024", "0,94", SESUAI, "= 0,9375."),
        ("X9", "perubahan_pp/A4/2024", "penurunan 15 pp", SESUAI, "(-15,00 pp)"),
        ("X10", "perubahan_pp/A4/2024", "turun sebesar 15,00 pp", SESUAI, "(-15,00 pp)"),
        ("X11", "perubahan_pp/A4/2024", "-15 pp", SESUAI, "(-15,00 pp)"),
        ("X12", "perubahan_pp/A4/2024", "15 pp", TIDAK_SESUAI, "tulis nilainya seperti 'penurunan 15 pp'"),
        ("X13", "perubahan_pp/A1/2024", "naik 5 pp", SESUAI, "(5,00 pp)"),
        ("X14", "perubahan_pp/A1/2024", "penurunan 5 pp", TIDAK_SESUAI, "menurut data 5,00 pp"),
        ("X15", "rata_rata/2024", "91,25 %", SESUAI, "rata-rata capaian sasaran (91,25 %)"),
        ("X16", "jumlah_kategori/belum dapat diukur/2024", "1", SESUAI, "1 IKU belum dapat diukur (A3)"),
    ]
    r = _cek_baris(tmp_path, rows)
    # the value computed is the one the figure was judged against, in the figure's unit
    assert r.loc["X15", "nilai_hitung"] == pytest.approx(91.25) and r.loc["X15", "selisih"] == pytest.approx(0)
    assert r.loc["X7", "nilai_hitung"] == pytest.approx(0.9375) and r.loc["X7", "selisih"] == pytest.approx(0.0025)
    assert r.loc["X9", "nilai_hitung"] == pytest.approx(-15)


def _unit_diubah(tmp_path, ganti, rows):
    """The hand-made unit with its data files edited (``ganti``: file, old text, new text) and a report
    printing only ``rows`` (tabel, kunci, nilai, ...): the findings of those rows, by tabel."""
    make_unit(tmp_path, [])
    folder = tmp_path / "uji"
    for name, old, new in ganti:
        path = folder / name
        teks = path.read_text(encoding="utf-8")
        assert old in teks, (name, old)
        path.write_text(teks.replace(old, new), encoding="utf-8")
    (folder / "laporan.csv").write_text("tahun,tabel,kunci,nilai,catatan\n" + "".join(
        f'2024,{t},{k},"{v}",\n' for t, k, v, *_ in rows), encoding="utf-8")
    return _temuan(muat(tmp_path, "uji"), rows)


def test_a_range_target_is_compared_bound_by_bound(tmp_path):
    rows = [("R1", "target/A1/2024", "90-100", SESUAI), ("R2", "target/A1/2024", "90 s.d. 100", SESUAI),
            ("R3", "target/A1/2024", "90,0 – 100,0 %", SESUAI), ("R4", "target/A1/2024", "90-95", TIDAK_SESUAI),
            ("R5", "target/A1/2024", "90,4-100", TIDAK_SESUAI), ("R6", "target/A1/2024", "95", TIDAK_SESUAI),
            ("R7", "target/A1/2024", "N/A", TIDAK_SESUAI), ("R8", "realisasi/A1/2024", "95,0", SESUAI)]
    r = _unit_diubah(tmp_path, [
        ("indikator.csv", "A1,T,SS-A,Sasaran A,Indikator naik,Persen,naik,angka", "A1,T,SS-A,Sasaran A,Indikator naik,Persen,naik,rentang"),
        ("kinerja.csv", "A1,2023,100,", "A1,2023,90-100,"), ("kinerja.csv", "A1,2024,100,", "A1,2024,90-100,")], rows)
    for tabel, _, nilai, status in rows:
        assert r.loc[tabel, "status"] == status, (nilai, r.loc[tabel, "penjelasan"])
        assert r.loc[tabel, "jenis"] == ("" if status == SESUAI else "target berbeda dengan PK"), nilai
    assert "bukan rentang" in r.loc["R6", "penjelasan"] and "padahal target PK (kinerja.csv) 90-100" in r.loc["R7", "penjelasan"]


def test_a_figure_whose_budget_data_is_empty_cannot_be_checked(tmp_path):
    """Not "tidak sesuai": the report may be right, the data cannot tell."""
    rows = [("E1", "serapan_iku/A1/2024", "95,00"), ("E2", "realisasi_anggaran_iku/A1/2024", "190.000"),
            ("E3", "efisiensi/A1/2024", "1,00"), ("E4", "pagu_iku/A1/2024", "200.000"),
            ("E5", "serapan/K1/2024", "91,67 %"), ("E6", "pagu/K1/2024", "600.000")]
    r = _unit_diubah(tmp_path, [("anggaran_iku.csv", "2024,A1,200.000,190.000", "2024,A1,200.000,"),
                                ("anggaran.csv", "Kegiatan Satu,600.000,550.000", "Kegiatan Satu,600.000,")], rows)
    assert r["status"].tolist() == [TIDAK_DAPAT] * 3 + [SESUAI, TIDAK_DAPAT, SESUAI]
    assert r.loc["E1", "penjelasan"] == "Kolom realisasi A1 tahun 2024 kosong di anggaran_iku.csv."
    assert "anggaran_iku.csv kosong atau nol" in r.loc["E3", "penjelasan"]
    assert r.loc["E5", "penjelasan"] == "Serapan K1 tidak dapat diperiksa: realisasi K1 tahun 2024 kosong di anggaran.csv."


def test_numbers_in_a_formula_are_read_the_indonesian_way_and_scores_keep_to_their_scale():
    from lakip.core.formula import hitung, mutu_ikm, predikat_akip, urai_rumus

    assert hitung(urai_rumus("realisasi = ditetapkan / 1.066 * 100")[0].kanan, {"ditetapkan": 915.0}) == \
        pytest.approx(915 / 1066 * 100)
    assert hitung(urai_rumus("x = a * 0,5 + 1.084,5 + b2")[0].kanan, {"a": 2.0, "b2": 1.0}) == pytest.approx(1086.5)
    with pytest.raises(ValueError, match="'1,500' ambigu"):
        urai_rumus("x = a / 1,500")
    for fungsi, nilai, pesan in ((predikat_akip, float("nan"), "belum ada"), (predikat_akip, 120.0, "di luar skala 0-100"),
                                 (mutu_ikm, 20.0, "di luar skala 25-100"), (mutu_ikm, float("nan"), "belum ada")):
        with pytest.raises(ValueError, match=pesan):
            fungsi(nilai)
    assert predikat_akip(100.0) == "AA" and mutu_ikm(25.0) == "D"


def test_short_amounts_only_for_money_and_sentences_of_change(tmp_path):
    """``0 rb`` is not a capaian of 76 % (an amount is read short only where the figure is money), a
    one-letter unit only after Rp (``5 m`` may be metres), and a change may be written as a sentence does."""
    rows = [
        ("S1", "capaian/A1/2024", "0 rb", TIDAK_SESUAI, "format angka salah"),
        ("S2", "jumlah_iku/2024", "0 rb", TIDAK_SESUAI, "format angka salah"),
        ("S3", "persen_kategori/Sedang/2024", "1 rb", TIDAK_SESUAI, "format angka salah"),
        ("S4", "pagu/P1/2024", "1 m", TIDAK_SESUAI, "format angka salah"),
        ("S5", "pagu/P1/2024", "Rp 0,001 m", SESUAI, ""),
        ("S6", "perubahan_pp/A4/2024", "turun 15 poin persentase", SESUAI, ""),
        ("S7", "perubahan_pp/A4/2024", "penurunan 15,00 persen.", SESUAI, "poin persentase (pp), bukan %"),
        ("S8", "perubahan_pp/A1/2024", "kenaikan -5 pp", TIDAK_SESUAI, "bertentangan: kata 'kenaikan' dengan angka bertanda minus"),
    ]
    _cek_baris(tmp_path, rows)


def test_a_zero_pagu_leaves_serapan_and_efficiency_uncheckable(tmp_path):
    rows = [("Z1", "serapan_iku/A1/2024", "95,00"), ("Z2", "efisiensi/A1/2024", "1,00"), ("Z3", "serapan/K2/2024", "87,5 %")]
    r = _unit_diubah(tmp_path, [("anggaran_iku.csv", "2024,A1,200.000,190.000", "2024,A1,0,0"),
                                ("anggaran.csv", "Kegiatan Dua,400.000,350.000", "Kegiatan Dua,0,0")], rows)
    assert r["status"].tolist() == [TIDAK_DAPAT] * 3
    assert r.loc["Z1", "penjelasan"] == "Pagu A1 tahun 2024 di anggaran_iku.csv nol; capaian anggaran tidak dapat dihitung."
    assert r.loc["Z3", "penjelasan"] == "Serapan K2 tidak dapat diperiksa: pagu K2 tahun 2024 di anggaran.csv nol."


# ------------------------------------------------------------------ formula parts: who is wrong


def _seed_dengan(tmp_path, baris, rumus=None, kinerja=None, skala=None):
    """A copy of the Batu Bara data without its printed IKU-2 parts, plus ``baris`` (tabel, kunci, nilai)."""
    folder = tmp_path / "setda-batubara"
    shutil.copytree(DATA_DIR / "setda-batubara", folder)
    lap = folder / "laporan.csv"
    lines = [ln for ln in lap.read_text(encoding="utf-8").splitlines() if "komponen/IKU-2/2024" not in ln]
    lines += [f'2024,{t},{k},"{v}",' for t, k, v in baris]
    lap.write_text("\n".join(lines) + "\n", encoding="utf-8")
    import pandas as pd

    if rumus or skala:
        ind = pd.read_csv(folder / "indikator.csv", dtype=str, keep_default_na=False)
        for kode, r in (rumus or {}).items():
            ind.loc[ind["kode"] == kode, "rumus_komponen"] = r
        for kode, sk in (skala or {}).items():
            ind.loc[ind["kode"] == kode, "skala"] = sk
        ind.to_csv(folder / "indikator.csv", index=False)
    if kinerja:
        kin = pd.read_csv(folder / "kinerja.csv", dtype=str, keep_default_na=False)
        for (kode, tahun), (target, realisasi) in kinerja.items():
            m = (kin["kode"] == kode) & (kin["tahun"] == str(tahun))
            kin.loc[m, ["target", "realisasi"]] = [target, realisasi]
        kin.to_csv(folder / "kinerja.csv", index=False)
    r = reviu(muat(tmp_path, "setda-batubara"), 2024)
    r = r[r["tabel"].isin({t for t, _, _ in baris})]
    return {(t, k.rsplit("/", 1)[-1] if k.startswith("komponen") else k.split("/")[0]): (st, pj)
            for t, k, st, pj in zip(r["tabel"], r["kunci"], r["status"], r["penjelasan"])}


K = "komponen/IKU-2/2024/"


@pytest.mark.parametrize(("baris", "harap"), [
    # a realisasi printed rounded: the parts are judged at its decimals (900/1000 is 90, not 86)
    ([("TX", "realisasi/IKU-2/2024", "86 %"), ("TX", K + "ditetapkan", "900"), ("TX", K + "diusulkan", "1000")],
     {"realisasi": SESUAI, "ditetapkan": TIDAK_SESUAI, "diusulkan": TIDAK_SESUAI}),
    ([("TX", "realisasi/IKU-2/2024", "86 %"), ("TX", K + "ditetapkan", "915"), ("TX", K + "diusulkan", "1066")],
     {"realisasi": SESUAI, "ditetapkan": SESUAI, "diusulkan": SESUAI}),
    # a wrong total beside right parts: only the total is wrong
    ([("TX", K + "ditetapkan", "920"), ("TX", K + "sk", "861"), ("TX", K + "perbup", "46"), ("TX", K + "perda", "8"),
      ("TX", K + "diusulkan", "1066")],
     {"ditetapkan": TIDAK_SESUAI, "sk": SESUAI, "perbup": SESUAI, "perda": SESUAI, "diusulkan": SESUAI}),
    # parts that give a wrongly printed realisasi are wrong too: the data decides
    ([("TX", "realisasi/IKU-2/2024", "90 %"), ("TX", K + "ditetapkan", "900"), ("TX", K + "diusulkan", "1000")],
     {"realisasi": TIDAK_SESUAI, "ditetapkan": TIDAK_SESUAI, "diusulkan": TIDAK_SESUAI}),
    # a part printed alone, right with the parts of another table
    ([("T1", K + "ditetapkan", "915"), ("T3", K + "ditetapkan", "920"), ("T3", K + "diusulkan", "1066")],
     {"ditetapkan": SESUAI}),
    # a total written as a word beside its parts, the right total printed elsewhere: no crash, the parts are right
    ([("T1", K + "ditetapkan", "sembilan ratus"), ("T1", K + "sk", "861"), ("T1", K + "perbup", "46"),
      ("T1", K + "perda", "8"), ("T2", K + "ditetapkan", "915")],
     {"sk": SESUAI, "perbup": SESUAI, "perda": SESUAI}),
])
def test_which_formula_part_is_wrong(tmp_path, baris, harap):
    got = _seed_dengan(tmp_path, baris)
    tabel = baris[0][0]
    for nama, status in harap.items():
        assert got[(tabel, nama)][0] == status, (nama, got[(tabel, nama)][1])


def test_a_word_formula_of_a_kategori_iku(tmp_path):
    """A realisasi that is a predikat computed from a score: compared as words (it crashed on the rank of BB)."""
    rumus = {"IKU-1": "realisasi = predikat_akip(nilai)"}
    got = _seed_dengan(tmp_path, [("TX", "komponen/IKU-1/2024/nilai", "75"), ("TY", "komponen/IKU-1/2024/nilai", "85"),
                                  ("TX", "realisasi/IKU-1/2024", "BB")],
                       rumus=rumus, skala={"IKU-1": "akip"},
                       kinerja={("IKU-1", 2022): ("BB", ""), ("IKU-1", 2023): ("BB", "B"), ("IKU-1", 2024): ("BB", "BB")})
    assert got[("TX", "nilai")][0] == SESUAI, got[("TX", "nilai")]
    assert got[("TY", "nilai")][0] == TIDAK_SESUAI and "memberi A, bukan realisasi menurut data (BB)" in got[("TY", "nilai")][1]
    assert got[("TX", "realisasi")][0] == SESUAI and "memberi BB" in got[("TX", "realisasi")][1]


R3 = "a = b + c; b = d + e; realisasi = a / f * 100"  # three levels: 800 + 61 = 861, 861 + 54 = 915, 915 / 1066


@pytest.mark.parametrize(("rumus", "baris", "salah"), [
    # chains: the fewest wrong figures that let every equation hold
    (R3, dict(a="915", b="862", c="54", d="800", e="61", f="1066"), {"b"}),
    # two wrong: a and b, or d (or e) and f, explain it equally well; each is "one of"
    (R3, dict(a="916", b="862", c="54", d="800", e="61", f="1066"), {"a", "b", "d", "e", "f"}),
    (R3, dict(a="915", b="861", c="54", d="801", e="61", f="1066"), {"d", "e"}),  # d or e: which one cannot be told
    (R3, dict(a="915", b="861", c="54", d="800", e="61", f="1066"), set()),
    # a part printed rounded (0,86 for 915 / 1066 = 0,8583) is right
    ("realisasi = ratio * 100; ratio = a / b", dict(ratio="0,86", a="915", b="1066"), set()),
])
def test_the_fewest_wrong_figures_that_explain_every_equation(tmp_path, rumus, baris, salah):
    got = _seed_dengan(tmp_path, [("T", K + n, v) for n, v in baris.items()], rumus={"IKU-2": rumus})
    assert {n for (_, n), (st, _) in got.items() if st == TIDAK_SESUAI} == salah, got


def test_a_part_printed_alone_is_judged_with_the_parts_of_another_table(tmp_path):
    baris = [("T", K + "ditetapkan", "915"), ("T", K + "sk", "861"), ("T", K + "perbup", "46"), ("T", K + "perda", "8")]
    got = _seed_dengan(tmp_path, baris + [("U", K + "diusulkan", "1067")])
    assert got[("U", "diusulkan")][0] == TIDAK_SESUAI
    assert "memberi 85,75, bukan realisasi menurut data (85,83). Angka lain rumus ini sesuai, jadi angka ini yang salah" \
        in got[("U", "diusulkan")][1]
    assert {st for (t, _), (st, _) in got.items() if t == "T"} == {SESUAI}
    got = _seed_dengan(tmp_path / "b", baris + [("U", K + "diusulkan", "1066")])
    assert {st for st, _ in got.values()} == {SESUAI}


def test_a_total_of_a_tree_the_year_lacks_cannot_be_checked(tmp_path):
    """A printed 'jumlah' of a year whose budget has only its Bagian is the Bagian's total; of a year without
    budget rows it cannot be computed, and the reviu says why (not 'Rp 0', not 'a row without a value')."""
    folder = tmp_path / "uji"
    make_unit(tmp_path, [])
    laporan = "tahun,tabel,kunci,nilai,catatan\n2024,Tabel 9,pagu/jumlah/2024,\"1.000.000\",\n"
    (folder / "laporan.csv").write_text(laporan, encoding="utf-8")
    for tahun, status, kata in ((2024, SESUAI, "jumlah Bagian"),
                                (2023, TIDAK_DAPAT, "anggaran.csv tidak memuat susunan program tahun 2024")):
        (folder / "anggaran.csv").write_text(
            "tahun,kode,induk,tingkat,uraian,pagu,realisasi\n"
            f"{tahun},B1,,bagian,Bagian Satu,1.000.000,900.000\n{tahun},B1.1,B1,kegiatan,Kegiatan Satu,1.000.000,900.000\n",
            encoding="utf-8")
        [row] = reviu(muat(tmp_path, "uji"), 2024).to_dict("records")
        assert row["status"] == status and kata in row["penjelasan"], row
