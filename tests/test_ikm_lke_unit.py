"""survei_ikm.csv and lke.csv in a unit (#17): loaded and checked, the IKU that take their realisasi from
them (``sumber``), the tables of a run, and the reviu of the keys ikm, mutu_ikm, nrr, nilai_akip,
predikat_akip and komponen_akip. Hand-computed values:

- 2024, 10 respondents: 1-4 (layanan KTP) answer 3 everywhere; 5-10 (KK) answer 3 on u1 and 4 elsewhere.
  NRR u1 = 3,0; u2..u9 = (4 x 3 + 6 x 4) / 10 = 3,6; sum NRR 31,8. IKM 0,111: 31,8 x 0,111 x 25 = 88,245
  (B, Baik; just under 88,31); rata: 31,8 / 9 x 25 = 88,333... (A). KTP: 27 x 2,775 = 74,925 (C);
  KK: 35 x 2,775 = 97,125 (A).
- 2023, 2 respondents, all 4: 99,9 (0,111), 100 (rata).
- 2022, 5 respondents: 1-3 all 3, 4-5 all 2: mean answer 2,6: rata 65,00 (C, its lower edge), 0,111 64,935 (D).
- LKE 2024: 27,5 + 25 + 12,5 (sub-components 7,5 + 5) + 25 = 90,00 -> A; 2023: 90,01 -> AA; 2022: 70,00 -> B.
"""

import shutil
import textwrap

import pandas as pd
import pytest

from lakip.core.config import Pilihan
from lakip.core.model import DataError
from lakip.core.tables import analisis
from lakip.data.load import muat
from lakip.reviu import SESUAI, TIDAK_DAPAT, TIDAK_SESUAI, reviu

INDIKATOR = """\
kode,tujuan,sasaran_kode,sasaran,indikator,satuan,polaritas,jenis,skala,formula,sumber
B1,T,SS-A,Sasaran A,Indeks Kepuasan Masyarakat,Indeks,naik,angka,,,survei_ikm
B2,T,SS-A,Sasaran A,Nilai AKIP,Nilai,naik,angka,,,lke
B3,T,SS-A,Sasaran A,Nilai AKIP Komponen Pelaporan,Nilai,naik,angka,,,lke:Pelaporan Kinerja
B4,T,SS-B,Sasaran B,Persentase lain,Persen,naik,angka,,,
"""
KINERJA = """\
kode,tahun,target,realisasi
B1,2023,85,
B1,2024,85,
B2,2023,80,
B2,2024,80,
B3,2023,"12,00",
B3,2024,"12,00",
B4,2023,100,90
B4,2024,100,95
"""


def _survei() -> str:
    rows = ["tahun,responden,layanan," + ",".join(f"u{i}" for i in range(1, 10))]
    for r in range(1, 11):
        jawab = [3] * 9 if r <= 4 else [3] + [4] * 8
        rows.append(f"2024,R{r},{'KTP' if r <= 4 else 'KK'}," + ",".join(map(str, jawab)))
    for r in range(1, 3):
        rows.append(f"2023,R{r},KTP," + ",".join(["4"] * 9))
    for r in range(1, 6):
        rows.append(f"2022,R{r},KTP," + ",".join([("3" if r <= 3 else "2")] * 9))
    return "\n".join(rows) + "\n"


LKE = """\
tahun,komponen,bobot,nilai,induk
2024,Perencanaan Kinerja,30,"27,5",
2024,Pengukuran Kinerja,30,25,
2024,Pelaporan Kinerja,15,"12,5",
2024,Penyajian Informasi Kinerja,10,"7,5",Pelaporan Kinerja
2024,Pemanfaatan Informasi Kinerja,5,5,Pelaporan Kinerja
2024,Evaluasi Akuntabilitas Kinerja Internal,25,25,
2023,Perencanaan Kinerja,30,"27,51",
2023,Pengukuran Kinerja,30,25,
2023,Pelaporan Kinerja,15,"12,5",
2023,Evaluasi Akuntabilitas Kinerja Internal,25,25,
2022,Perencanaan Kinerja,30,20,
2022,Pengukuran Kinerja,30,20,
2022,Pelaporan Kinerja,15,10,
2022,Evaluasi Akuntabilitas Kinerja Internal,25,20,
"""


def buat(root, laporan=(), ganti=(), survei=True, lke=True, entitas="nama: Unit IKM\n", tanpa=()):
    """The unit 'ikm' in ``root``: its files edited by ``ganti`` (file, old, new), ``laporan`` rows
    (tabel, kunci, nilai) of 2024; ``tanpa``: files left out."""
    folder = root / "ikm"
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    files = {"entitas.yml": entitas, "indikator.csv": INDIKATOR, "kinerja.csv": KINERJA,
             "anggaran.csv": "tahun,kode,induk,tingkat,uraian,pagu,realisasi\n",
             "anggaran_iku.csv": "tahun,kode,pagu,realisasi\n",
             "laporan.csv": "tahun,tabel,kunci,nilai,catatan\n" + "".join(f'2024,{t},{k},"{v}",\n' for t, k, v, *_ in laporan)}
    if survei:
        files["survei_ikm.csv"] = _survei()
    if lke:
        files["lke.csv"] = LKE
    for name, old, new in ganti:
        assert old in files[name], (name, old)
        files[name] = files[name].replace(old, new)
    for name, text in files.items():
        if name not in tanpa:
            (folder / name).write_text(textwrap.dedent(text), encoding="utf-8")
    return muat(root, "ikm")


def masalah(root, **kw):
    with pytest.raises(DataError) as e:
        buat(root, **kw)
    return [(m.berkas, m.baris, m.kolom, m.pesan) for m in e.value.masalah if m.tingkat == "galat"]


# ---------------------------------------------------------------------------------------------- loading


def test_the_survey_and_the_lke_load_typed(tmp_path):
    u = buat(tmp_path)
    s, lke = u.lampiran["survei_ikm"], u.lampiran["lke"]
    assert len(s) == 17 and s["u1"].dtype == float and list(s.columns[:3]) == ["tahun", "responden", "u1"]
    assert lke.loc[lke["komponen"] == "Perencanaan Kinerja", "nilai"].iloc[0] == 27.5
    assert lke["induk"].notna().sum() == 2
    assert not [m for m in u.peringatan if m.berkas in ("survei_ikm.csv", "lke.csv")]


def test_ikm_per_unsur_per_layanan_and_both_weights(tmp_path):
    a = analisis(buat(tmp_path), 2024)
    t = a.ikm.set_index("unsur")
    assert t.loc["u1", "nrr"] == pytest.approx(3.0) and t.loc["u2", "nrr"] == pytest.approx(3.6)
    assert t.loc["u2", "nrr_tertimbang"] == pytest.approx(3.6 * 0.111)
    assert (t["responden"] == 10).all()
    assert t["ikm"].iloc[0] == pytest.approx(88.245) and t["mutu_ikm"].iloc[0] == "B"
    lay = a.ikm_layanan.set_index("layanan")
    assert lay.loc["KTP", "ikm"] == pytest.approx(74.925) and lay.loc["KTP", "mutu"] == "C"
    assert lay.loc["KK", "ikm"] == pytest.approx(97.125) and lay.loc["KK", "kinerja"] == "Sangat Baik"
    per = a.ikm_tahunan.set_index("tahun")
    assert per.loc[2023, "ikm"] == pytest.approx(99.9)
    assert per.loc[2022, "ikm"] == pytest.approx(64.935) and per.loc[2022, "mutu"] == "D"
    r = analisis(buat(tmp_path, entitas="nama: Unit IKM\npilihan:\n  bobot_ikm: rata\n"), 2024)
    assert r.pilihan.bobot_ikm == "rata"
    assert r.ikm["ikm"].iloc[0] == pytest.approx(31.8 / 9 * 25) and r.ikm["mutu_ikm"].iloc[0] == "A"  # 88,33: A
    per = r.ikm_tahunan.set_index("tahun")
    assert per.loc[2023, "ikm"] == pytest.approx(100.0)
    assert per.loc[2022, "ikm"] == pytest.approx(65.0) and per.loc[2022, "mutu"] == "C"  # the lower edge of C
    assert r.ringkasan["pilihan"]["bobot_ikm"] == "rata"
    assert "bobot_ikm" not in a.ringkasan["pilihan"]  # the default is not written (ringkasan.json as before)


def test_bobot_ikm_as_written():
    assert Pilihan.from_dict({"bobot_ikm": "0,111"}).bobot_ikm == "0,111" == Pilihan().bobot_ikm
    assert Pilihan.from_dict({"bobot_ikm": "rata"}).as_dict()["bobot_ikm"] == "rata"
    with pytest.raises(ValueError, match="0,111, rata"):
        Pilihan.from_dict({"bobot_ikm": 0.111})


def test_bobot_ikm_unknown_is_refused(tmp_path):
    with pytest.raises(DataError) as e:
        buat(tmp_path, entitas="nama: Unit IKM\npilihan:\n  bobot_ikm: 0,2\n")
    assert "bobot_ikm" in str(e.value) and "rata" in str(e.value)


def test_akip_totals_at_the_predikat_edges(tmp_path):
    u = buat(tmp_path)
    a = analisis(u, 2024)
    tot = a.nilai_akip.set_index("tahun")
    assert tot.loc[2024, "nilai"] == pytest.approx(90.0) and tot.loc[2024, "predikat"] == "A"
    assert tot.loc[2023, "nilai"] == pytest.approx(90.01) and tot.loc[2023, "predikat"] == "AA"
    assert tot.loc[2022, "nilai"] == pytest.approx(70.0) and tot.loc[2022, "predikat"] == "B"
    akip = a.akip.set_index("komponen")
    assert akip.loc["Nilai AKIP", "predikat"] == "A" and akip.loc["Nilai AKIP", "bobot"] == 100
    assert akip.loc["Nilai AKIP", "selisih"] == pytest.approx(-0.01)
    assert akip.loc["Pelaporan Kinerja", "nilai_rinci"] == pytest.approx(12.5)
    assert akip.loc["Perencanaan Kinerja", "persen"] == pytest.approx(27.5 / 30 * 100)


def test_sumber_fills_the_empty_realisasi(tmp_path):
    u = buat(tmp_path)
    k = u.kinerja.set_index(["kode", "tahun"])
    assert (k.loc[("B1", 2024), "realisasi"], k.loc[("B1", 2024), "realisasi_nilai"]) == ("88,25", 88.25)  # 88,245 half up
    assert (k.loc[("B1", 2023), "realisasi"], k.loc[("B1", 2023), "realisasi_nilai"]) == ("99,90", 99.9)
    assert (k.loc[("B2", 2024), "realisasi"], k.loc[("B2", 2023), "realisasi"]) == ("90,00", "90,01")
    assert k.loc[("B3", 2024), "realisasi_nilai"] == 12.5
    assert k.loc[("B4", 2024), "realisasi"] == "95"
    c = analisis(u, 2024).capaian_iku.set_index("kode")
    assert c.loc["B2", "capaian"] == pytest.approx(90 / 80 * 100)
    assert not reviu(u, 2024).size  # no laporan row and nothing differs: no finding


def test_sumber_with_a_kategori_iku_takes_the_word(tmp_path):
    u = buat(tmp_path, ganti=[("indikator.csv", "Nilai AKIP,Nilai,naik,angka,,,lke", "Predikat AKIP,Predikat,naik,kategori,akip,,lke"),
                              ("kinerja.csv", "B2,2023,80,", "B2,2023,BB,"), ("kinerja.csv", "B2,2024,80,", "B2,2024,BB,")])
    k = u.kinerja.set_index(["kode", "tahun"])
    assert (k.loc[("B2", 2024), "realisasi"], k.loc[("B2", 2023), "realisasi"]) == ("A", "AA")


def test_realisasi_given_and_different_from_its_sumber_is_a_finding(tmp_path):
    u = buat(tmp_path, ganti=[("kinerja.csv", "B1,2024,85,", 'B1,2024,85,"88,3"'),
                              ("kinerja.csv", "B2,2024,80,", 'B2,2024,80,"90,0"'),
                              ("kinerja.csv", 'B3,2024,"12,00",', 'B3,2024,"12,00","12"')])
    r = reviu(u, 2024)
    assert list(r["kunci"]) == ["realisasi/B1/2024", "realisasi/B3/2024"]  # 90,0 is 90,00 to its decimal
    b1 = r.iloc[0]
    assert (b1["tabel"], b1["status"], b1["jenis"]) == ("kinerja.csv", TIDAK_SESUAI, "realisasi berbeda dengan sumbernya")
    assert b1["nilai_hitung"] == pytest.approx(88.245) and "IKM dari survei_ikm.csv 88,25" in b1["penjelasan"]
    assert "nilai komponen Pelaporan Kinerja dari lke.csv 12,50" in r.iloc[1]["penjelasan"]
    assert u.kinerja.set_index(["kode", "tahun"]).loc[("B1", 2024), "realisasi"] == "88,3"  # kinerja.csv's is kept


# ---------------------------------------------------------------------------------------------- located errors


def test_survey_errors_are_located(tmp_path):
    got = masalah(tmp_path, ganti=[("survei_ikm.csv", "2024,R1,KTP,3,3,3", "2024,R1,KTP,5,3,3"),
                                   ("survei_ikm.csv", "2024,R2,KTP,3,3,3", "2024,R2,KTP,3,3.5,3"),
                                   ("survei_ikm.csv", "2024,R3,KTP,3", "2024,R2,KTP,3"),
                                   ("survei_ikm.csv", "2023,R1,KTP", "20x3,R1,KTP")])
    assert ("survei_ikm.csv", 2, "u1", "'5' jawaban harus bilangan bulat 1 sampai 4") in got
    assert ("survei_ikm.csv", 3, "u2", "'3.5' jawaban harus bilangan bulat 1 sampai 4") in got
    assert any(m[:3] == ("survei_ikm.csv", 4, None) and "baris ganda (tahun 2024, responden R2)" in m[3] for m in got)
    assert any(m[:3] == ("survei_ikm.csv", 12, "tahun") and "bukan tahun" in m[3] for m in got)


def test_a_missing_unsur_column_is_located(tmp_path):
    got = masalah(tmp_path, ganti=[("survei_ikm.csv", ",u8,u9", ",u8")])
    assert got[0][:3] == ("survei_ikm.csv", 1, "u9") and "kolom wajib tidak ada" in got[0][3]


def test_lke_errors_are_located(tmp_path):
    got = masalah(tmp_path, ganti=[("lke.csv", '2024,Perencanaan Kinerja,30,"27,5"', '2024,Perencanaan Kinerja,30,"31,5"'),
                                   ("lke.csv", "2024,Pengukuran Kinerja,30,25", "2024,Pengukuran Kinerja,30,-2"),
                                   ("lke.csv", "5,5,Pelaporan Kinerja", "5,5,Pelaporan"),
                                   ("lke.csv", "2023,Pengukuran Kinerja,30,25", "2023,Pengukuran Kinerja,30,dua lima"),
                                   ("lke.csv", "2022,Pelaporan Kinerja,15,10", "2022,Pengukuran Kinerja,15,10")])
    assert ("lke.csv", 2, "nilai", "nilai 31,50 melebihi bobot 30,00") in got
    assert ("lke.csv", 3, "nilai", "'-2' tidak boleh negatif") in got
    assert ("lke.csv", 6, "induk", "induk 'Pelaporan' bukan komponen tahun 2024 di lke.csv") in got
    assert any(m[:3] == ("lke.csv", 9, "nilai") for m in got)
    assert any(m[:3] == ("lke.csv", 14, None) and "baris ganda" in m[3] for m in got)


def test_a_component_unequal_to_its_sub_components_is_a_warning(tmp_path):
    u = buat(tmp_path, ganti=[("lke.csv", "5,5,Pelaporan Kinerja", "5,4,Pelaporan Kinerja")])
    w = [m for m in u.peringatan if m.berkas == "lke.csv"]
    assert [(m.baris, m.kolom) for m in w] == [(4, "nilai")] and "berbeda dengan jumlah sub-komponennya 11,50" in w[0].pesan
    assert analisis(u, 2024).nilai_akip.set_index("tahun").loc[2024, "nilai"] == pytest.approx(90.0)  # the given nilai


def test_sumber_errors_are_located(tmp_path):
    got = masalah(tmp_path, ganti=[("indikator.csv", "lke:Pelaporan Kinerja", "lke:Pelaporan"),
                                   ("indikator.csv", "Persen,naik,angka,,,", "Persen,naik,angka,,,survei")])
    assert ("indikator.csv", 4, "sumber", "komponen 'Pelaporan' tidak ada di lke.csv") in got
    assert any(m[:3] == ("indikator.csv", 5, "sumber") and "tidak dikenal" in m[3] for m in got)
    got = masalah(tmp_path, survei=False)
    assert ("indikator.csv", 2, "sumber", "sumber survei_ikm, tetapi unit ini tidak punya survei_ikm.csv") in got


def test_laporan_keys_are_checked_when_loading(tmp_path):
    got = masalah(tmp_path, laporan=[("T", "nrr/u10/2024", "3"), ("T", "komponen_akip/Pelaporan/2024", "12,5"),
                                     ("T", "ikm_x/2024", "1")])
    assert any(m[1:3] == (2, "kunci") and "u1 sampai u9" in m[3] for m in got)
    assert ("laporan.csv", 3, "kunci", "komponen 'Pelaporan' tidak ada di lke.csv") in got
    unknown = next(m[3] for m in got if m[1] == 4)
    assert all(j in unknown for j in ("ikm", "mutu_ikm", "nrr", "nilai_akip", "predikat_akip", "komponen_akip"))


# ---------------------------------------------------------------------------------------------- reviu


def _temuan(u):
    r = reviu(u, 2024)
    return r.set_index("tabel")


REVIU = [
    ("I1", "ikm/2024", "88,25", SESUAI, "dengan bobot 0,111"),
    ("I2", "ikm/2024", "88,24", TIDAK_SESUAI, "88,25"),
    ("I3", "ikm/2024", "88,33", TIDAK_SESUAI, "bobot 1/9 per unsur (rata)"),
    ("I4", "ikm/2024", "di atas 80", SESUAI, "terpenuhi"),
    ("I5", "ikm/2024", "di atas 88,3", TIDAK_SESUAI, "tidak terpenuhi"),
    ("I6", "ikm/2024", "N/A", TIDAK_SESUAI, "88,25"),
    ("M1", "mutu_ikm/2024", "B", SESUAI, "B (Baik)"),
    ("M2", "mutu_ikm/2024", "Baik", SESUAI, "B (Baik)"),
    ("M3", "mutu_ikm/2024", "A (Sangat Baik)", TIDAK_SESUAI, "bobot 1/9"),
    ("M4", "mutu_ikm/2024", "C", TIDAK_SESUAI, "termasuk mutu B"),
    ("N1", "nrr/u1/2024", "3,00", SESUAI, "Persyaratan"),
    ("N2", "nrr/u2/2024", "3,6", SESUAI, "3,6000"),
    ("N3", "nrr/u2/2024", "0,40", TIDAK_SESUAI, "NRR tertimbang"),
    ("N4", "nrr/u2/2024", "3,5", TIDAK_SESUAI, "3,6000"),
    ("A1", "nilai_akip/2024", "90,00", SESUAI, "= 90,00"),
    ("A2", "nilai_akip/2024", "90,01", TIDAK_SESUAI, "90,00"),
    ("A3", "nilai_akip/2024", "sekurang-kurangnya 90", SESUAI, "terpenuhi"),
    ("P1", "predikat_akip/2024", "A", SESUAI, "berpredikat A"),
    ("P2", "predikat_akip/2024", "AA", TIDAK_SESUAI, "tepat pada batas"),
    ("P3", "predikat_akip/2024", "BB", TIDAK_SESUAI, "berpredikat A"),
    ("K1", "komponen_akip/Pelaporan Kinerja/2024", "12,50", SESUAI, "dari bobot 15,00"),
    ("K2", "komponen_akip/Pelaporan Kinerja/2024", "83,33", TIDAK_SESUAI, "persentase nilai terhadap bobot"),
    ("K3", "komponen_akip/Penyajian Informasi Kinerja/2024", "7,5", SESUAI, "7,50"),
    ("K4", "komponen_akip/Pengukuran Kinerja/2024", "24", TIDAK_SESUAI, "di lke.csv 25,00"),
]


def test_every_new_key_is_judged(tmp_path):
    r = _temuan(buat(tmp_path, laporan=[row[:3] for row in REVIU]))
    for tabel, kunci, nilai, status, bagian in REVIU:
        got = r.loc[tabel]
        assert (got["kunci"], got["status"]) == (kunci, status), (tabel, nilai, got["penjelasan"])
        assert bagian in got["penjelasan"], (tabel, got["penjelasan"])
    assert r.loc["I3", "jenis"] == "IKM memakai bobot lain" and r.loc["M3", "jenis"] == "IKM memakai bobot lain"


def test_the_other_weight_is_named_under_rata_too(tmp_path):
    r = _temuan(buat(tmp_path, entitas="nama: Unit IKM\npilihan:\n  bobot_ikm: rata\n",
                     laporan=[("I1", "ikm/2024", "88,33"), ("I2", "ikm/2024", "88,25"), ("M1", "mutu_ikm/2024", "A")]))
    assert r.loc["I1", "status"] == SESUAI and r.loc["M1", "status"] == SESUAI
    assert r.loc["I2", "status"] == TIDAK_SESUAI and "bobot 0,111" in r.loc["I2", "penjelasan"]


def test_a_key_whose_file_is_absent_cannot_be_computed(tmp_path):
    rows = [("I", "ikm/2024", "88,25"), ("M", "mutu_ikm/2024", "B"), ("N", "nrr/u1/2024", "3"),
            ("A", "nilai_akip/2024", "90"), ("P", "predikat_akip/2024", "A"), ("K", "komponen_akip/X/2024", "1"),
            ("C", "ikm/2024", "di atas 80")]
    u = buat(tmp_path, laporan=rows, ganti=[("indikator.csv", "survei_ikm\n", "\n"), ("indikator.csv", ",lke\n", ",\n"),
                                            ("indikator.csv", "lke:Pelaporan Kinerja", "")], survei=False, lke=False)
    r = _temuan(u)
    assert (r["status"] == TIDAK_DAPAT).all(), r[["status", "penjelasan"]]
    assert "tidak punya survei_ikm.csv" in r.loc["I", "penjelasan"] and "tidak punya lke.csv" in r.loc["K", "penjelasan"]
    assert "tidak punya survei_ikm.csv" in r.loc["C", "penjelasan"]


def test_a_year_the_files_lack_cannot_be_computed(tmp_path):
    u = buat(tmp_path, laporan=[("I", "ikm/2021", "80"), ("A", "nilai_akip/2021", "80")])
    u.laporan["tahun"] = 2024
    r = _temuan(u)
    assert "tidak memuat tahun 2021" in r.loc["I", "penjelasan"] and r.loc["A", "status"] == TIDAK_DAPAT


# ---------------------------------------------------------------------------------------------- the run's tables


def test_the_run_writes_the_tables_only_with_the_files(tmp_path):
    from lakip.app.run import tulis_tabel
    from lakip.report.hasil import Hasil

    out = tmp_path / "tabel"
    tulis_tabel(Hasil.dari(buat(tmp_path / "a"), 2024), out)
    ikm = pd.read_csv(out / "ikm.csv")
    assert list(ikm["unsur"]) == [f"u{i}" for i in range(1, 10)] and ikm["ikm"].iloc[0] == pytest.approx(88.245)
    assert set(pd.read_csv(out / "ikm_layanan.csv")["layanan"]) == {"KTP", "KK"}
    akip = pd.read_csv(out / "akip.csv")
    assert akip["komponen"].iloc[-1] == "Nilai AKIP" and akip["predikat"].iloc[-1] == "A"
    out2 = tmp_path / "tabel2"
    u = buat(tmp_path / "b", survei=False, lke=False,
             ganti=[("indikator.csv", "survei_ikm\n", "\n"), ("indikator.csv", ",lke\n", ",\n"),
                    ("indikator.csv", "lke:Pelaporan Kinerja", ""),
                    ("kinerja.csv", "B1,2023,85,", "B1,2023,85,1"), ("kinerja.csv", "B1,2024,85,", "B1,2024,85,1")])
    tulis_tabel(Hasil.dari(u, 2024), out2)
    assert not any((out2 / n).exists() for n in ("ikm.csv", "ikm_layanan.csv", "akip.csv"))


def test_a_unit_without_the_files_is_as_before():
    """The seed unit has neither file nor a sumber column: no IKM or AKIP table, nothing new in ringkasan.json."""
    u = muat(None, "setda-batubara")
    assert "survei_ikm" not in u.lampiran and "lke" not in u.lampiran and "sumber" not in u.indikator.columns
    a = analisis(u, 2024)
    assert a.ikm is None and a.ikm_layanan is None and a.akip is None and a.nilai_akip is None
    assert "bobot_ikm" not in a.ringkasan["pilihan"] and u.pilihan.bobot_ikm == "0,111"
    assert not (reviu(u, 2024)["tabel"] == "kinerja.csv").any()


def test_a_kabupaten_keeps_the_files_of_a_unit(tmp_path):
    """muat_kabupaten loads a unit with the files on its own; its Unit from the kabupaten has them (the rollup's
    reviu judges its keys), and its realisasi from its sumber."""
    from lakip.data.bulk import muat_kabupaten

    buat(tmp_path, laporan=[("I1", "ikm/2024", "88,25")])
    kab = muat_kabupaten(tmp_path)
    u = kab.ke_unit("ikm")
    assert set(u.lampiran) == {"survei_ikm", "lke"} and kab.satu_satu == 1
    assert list(reviu(u, 2024)["status"]) == [SESUAI]
    assert u.kinerja.set_index(["kode", "tahun"]).loc[("B1", 2024), "realisasi"] == "88,25"
