"""Reviu: every printed figure judged against the data.

First the Batu Bara 2024 report, whose every inconsistency is pinned (and
every other figure must be "sesuai"); then a small hand-made unit with a
clean report (zero findings) and one broken figure per check.
"""

import shutil
import textwrap

import pytest

from lakip.audit import SESUAI, TIDAK_DAPAT, TIDAK_SESUAI, baca, reviu, ringkasan_reviu
from lakip.load import muat
from lakip.paths import DATA_DIR
from lakip.run import jalankan_reviu

# ------------------------------------------------------------------------------------------ the seed

TEMUAN_SEED = {
    ("Tabel 2.5", "pagu/B1/2024"): (TIDAK_SESUAI, "induk tidak sama dengan jumlah rincian"),
    ("Tabel 2.5", "pagu/B1.2/2024"): (TIDAK_SESUAI, "induk tidak sama dengan jumlah rincian"),
    ("Tabel 2.5", "pagu/jumlah/2024"): (TIDAK_SESUAI, "induk tidak sama dengan jumlah rincian"),
    ("Tabel 3.2", "rata_rata/2024"): (TIDAK_SESUAI, "IKU belum dapat diukur ikut dihitung"),
    ("Tabel 3.2", "jumlah_kategori/Sangat Tinggi/2024"): (TIDAK_SESUAI, "jumlah atau persen kategori salah"),
    ("Tabel 3.3", "capaian/IKU-1/2023"): (TIDAK_SESUAI, "capaian salah hitung"),
    ("Tabel 3.3 (Sasaran 1)", "capaian/IKU-1/2023"): (TIDAK_SESUAI, "capaian salah hitung"),
    ("Bab III teks Sasaran 2", "realisasi/IKU-2/2024"): (TIDAK_SESUAI, "komponen rumus tidak konsisten"),
    ("Bab III teks Sasaran 2", "komponen/IKU-2/2024/ditetapkan"): (TIDAK_SESUAI, "nilai berbeda antar tabel"),
    ("Bab III teks Sasaran 2", "komponen/IKU-2/2024/sk"): (TIDAK_DAPAT, ""),
    ("Bab III teks Sasaran 2", "komponen/IKU-2/2024/perbup"): (TIDAK_DAPAT, ""),
    ("Bab III teks Sasaran 2", "komponen/IKU-2/2024/diusulkan"): (TIDAK_SESUAI, "nilai berbeda antar tabel"),
    ("Bab III teks Sasaran 2", "perubahan_pp/IKU-2/2024"): (TIDAK_SESUAI, "perubahan capaian salah hitung"),
    ("Bab III rumus Sasaran 2", "komponen/IKU-2/2024/ditetapkan"): (TIDAK_SESUAI, "nilai berbeda antar tabel"),
    ("Bab III rumus Sasaran 2", "komponen/IKU-2/2024/diusulkan"): (TIDAK_SESUAI, "nilai berbeda antar tabel"),
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
    assert s["per_status"] == {SESUAI: 316, TIDAK_SESUAI: 32, TIDAK_DAPAT: 2}


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
        ("Tabel 2.5", "pagu/B1/2024", ["Rp 24.830.603.285", "jumlah rincian di bawahnya lagi"]),
        ("Tabel 2.5", "pagu/jumlah/2024", ["Rp 47.334.153.328", "sama dengan jumlah susunan program"]),
        ("Tabel 3.10", "realisasi_anggaran/P2/2024", ["pengelompokan ribuan", "Rp 11.764.429.034"]),
        ("Bab III teks Sasaran 2", "komponen/IKU-2/2024/ditetapkan", ["915 di Bab III rumus Sasaran 2", "sk + perbup + perda memberi 915"]),
        ("Bab III teks Sasaran 2", "realisasi/IKU-2/2024", ["ditetapkan 1.084, diusulkan 915", "118,47 %"]),
        ("Bab III teks Sasaran 2", "perubahan_pp/IKU-2/2024", ["sudah dibulatkan", "-62,46 pp", "poin persentase"]),
        ("Tabel 3.3 (Sasaran 1)", "capaian/IKU-1/2023", ["kata Sedang dan angka 86,22", "66,67 %"]),
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
                         ("Tabel 3.5", "komponen/IKU-2/2024/perda"), ("Bab III teks 3.3", "pagu/jumlah/2024")]:
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
        # the realisasi printed beside the parts no longer follows the formula
        r = one_wrong(tmp_path, kunci, nilai)  # the parts themselves cannot be judged one by one
        assert r["kunci"] == "realisasi/A4/2024" and r["tabel"] == "Rumus"
        assert "selesai 30, usul 40" in r["penjelasan"] and "75,00 %" in r["penjelasan"]
        assert r["jenis"] == jenis
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
    s = r.loc[("Rumus", "komponen/A4/2024/selesai")]
    assert s["status"] == TIDAK_SESUAI and s["jenis"] == "komponen rumus tidak konsisten"
    assert "Rumus selesai = x + y memberi 35, tercetak 30" in s["penjelasan"]
    assert r.loc[("Rumus", "komponen/A4/2024/x"), "status"] == TIDAK_DAPAT


def test_a_part_printed_with_two_values(tmp_path):
    rows = BENAR + [("Teks", "komponen/A4/2024/usul", "55")]
    r = reviu(make_unit(tmp_path, rows), 2024).set_index(["tabel", "kunci"])
    assert r.loc[("Teks", "komponen/A4/2024/usul"), "jenis"] == "nilai berbeda antar tabel"
    assert "50 di Rumus" in r.loc[("Teks", "komponen/A4/2024/usul"), "penjelasan"]


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
    assert res.stdout.splitlines()[0] == "Reviu 350 angka laporan: 316 sesuai, 32 tidak sesuai, 2 tidak dapat dihitung."
    folder = tmp_path / "setda-batubara" / "2024" / "tabel"
    header = (folder / "reviu.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header == "tabel,kunci,nilai_laporan,nilai_hitung,selisih,status,penjelasan,jenis"
    assert (folder / "reviu_ringkasan.json").is_file()
    _, ring = jalankan_reviu(out=tmp_path, tahun=2023)
    assert ring["jumlah_angka"] == 0


def test_predikat_and_mutu_at_their_bounds():
    from lakip.formula import hitung, mutu_ikm, predikat_akip, urai_rumus

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
    from lakip import narasi

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
    assert "(33,34 %) pada kategori Sedang" in narasi.paragraf_ringkasan(u, 2024)
    r = audit_mod.reviu(u, 2024)
    r = r[r["tabel"] == "Bab IV uji"].set_index("kunci")
    assert r["status"].tolist() == [SESUAI, SESUAI, SESUAI, TIDAK_SESUAI]
    assert "dibulatkan agar persentase semua kategori berjumlah 100 %" in r.loc["persen_kategori/Sedang/2024", "penjelasan"]
