"""What-if studies (lakip.whatif, ``lakip skenario``, notebooks/skenario.ipynb), with exact values.

A small hand-made unit covers every kind of IKU (naik and turun under both
turun formulas, kategori, level and range targets, one not measurable);
the Batu Bara 2024 data covers the worked example.
"""

import copy
import json
import textwrap

import nbformat
import numpy as np
import pandas as pd
import pytest

from lakip import analysis, display, muat, whatif
from lakip.core.model import PilihanError
from lakip.app.notebooks import daftar_notebook
from lakip.core.paths import NOTEBOOKS_DIR
from lakip.whatif import Perubahan, PerubahanError
from bantu import akhiri, hapus_baris, lakip

# ------------------------------------------------------------------------------------ the small unit

INDIKATOR = """\
kode,tujuan,sasaran_kode,sasaran,indikator,satuan,polaritas,jenis,skala,formula,rumus_komponen
A1,T,SS-A,Sasaran A,Indikator naik,Persen,naik,angka,,,
A2,T,SS-A,Sasaran A,Angka kemiskinan,Persen,turun,angka,,,
A3,T,SS-B,Sasaran B,Nilai LPPD,Status,naik,kategori,lppd,,
A4,T,SS-B,Sasaran B,Level kematangan,Level,naik,level,,,
A5,T,SS-C,Sasaran C,Persentase dalam rentang,Persen,naik,rentang,,,
"""
KINERJA = """\
kode,tahun,target,realisasi
A1,2024,100,95
A2,2024,10,8
A3,2024,Tinggi,N/A
A4,2024,4/5,3/5
A5,2024,80-90,70
"""
ANGGARAN = """\
tahun,kode,induk,tingkat,uraian,pagu,realisasi
2024,P1,,program,Program Satu,1.000.000,900.000
2024,K1,P1,kegiatan,Kegiatan Satu,600.000,550.000
2024,K2,P1,kegiatan,Kegiatan Dua,400.000,350.000
2024,S1,K1,subkegiatan,Sub Satu,600.000,550.000
"""
ANGGARAN_IKU = """\
tahun,kode,pagu,realisasi
2024,A1,200.000,190.000
2024,A2,100.000,100.000
2024,A4,300.000,240.000
"""


def make_unit(root, rumus_turun="selisih", batas_capaian=None):
    folder = root / "uji"
    folder.mkdir(parents=True, exist_ok=True)
    cap = "null" if batas_capaian is None else batas_capaian
    (folder / "entitas.yml").write_text(
        f"nama: Unit Uji\npemda: Kabupaten Uji\npilihan:\n  rumus_turun: {rumus_turun}\n  batas_capaian: {cap}\n",
        encoding="utf-8")
    for name, text in (("indikator.csv", INDIKATOR), ("kinerja.csv", KINERJA), ("anggaran.csv", ANGGARAN),
                       ("anggaran_iku.csv", ANGGARAN_IKU)):
        (folder / name).write_text(textwrap.dedent(text), encoding="utf-8")
    (folder / "laporan.csv").write_text("tahun,tabel,kunci,nilai,catatan\n2024,Tabel 1,target/A1/2024,100,\n", encoding="utf-8")
    return muat(root, "uji")


@pytest.fixture
def unit(tmp_path):
    return make_unit(tmp_path)


@pytest.fixture
def unit_rasio(tmp_path):
    return make_unit(tmp_path, "rasio")


def iku(hasil, kode):
    return hasil["iku"].set_index("kode").loc[kode]


def rata(hasil, ukuran="rata_rata_iku"):
    return hasil["rata_rata"].set_index("ukuran").loc[ukuran]


def test_the_small_unit_as_loaded(unit, unit_rasio):
    # A1 95, A2 (2x10-8)/10 = 120 (rasio 10/8 = 125), A3 N/A, A4 (3/5)/(4/5) = 75, A5 70 below 80-90 = 87,5
    cap = analysis.tabel_capaian_iku(unit, 2024).set_index("kode")["capaian"]
    assert cap.drop("A3").tolist() == [95.0, 120.0, 75.0, 87.5] and np.isnan(cap["A3"])
    assert analysis.ringkasan(unit, 2024)["capaian"]["rata_rata_iku"] == 94.375
    assert analysis.ringkasan(unit_rasio, 2024)["capaian"]["rata_rata_iku"] == 95.625


# --------------------------------------------------------------------------------- changes, exact


def test_naik_change_and_the_tables_before_and_after(unit):
    h = whatif.skenario(unit, 2024, [{"kolom": "realisasi", "kode": "A1", "nilai": "90,5"}])
    a1 = iku(h, "A1")
    assert (a1["realisasi_sebelum"], a1["realisasi_sesudah"]) == (95.0, 90.5)
    assert (a1["capaian_sebelum"], a1["capaian_sesudah"], a1["selisih_pp"]) == (95.0, 90.5, -4.5)
    assert (a1["kategori_sebelum"], a1["kategori_sesudah"]) == ("Sangat Tinggi", "Sangat Tinggi")
    assert a1["diubah"] and a1["berubah"]
    assert h["iku"]["berubah"].tolist() == [True, False, False, False, False]
    r = rata(h)
    assert (r["sebelum"], r["sesudah"]) == (94.375, 93.25)  # (90,5 + 120 + 75 + 87,5) / 4
    assert r["selisih"] == -1.125
    sas = h["sasaran"].set_index("sasaran_kode").loc["SS-A"]
    assert (sas["capaian_sebelum"], sas["capaian_sesudah"], sas["selisih_pp"]) == (107.5, 105.25, -2.25)
    assert rata(h, "rata_rata_sasaran")["sesudah"] == (105.25 + 75 + 87.5) / 3
    assert h["perubahan"].to_dict("records") == [{
        "kode": "A1", "kolom": "realisasi", "nilai": "90,5", "berkas": "kinerja.csv",
        "sebelum": 95.0, "sesudah": 90.5, "keterangan": ""}]


@pytest.mark.parametrize(("rumus", "realisasi", "capaian", "kategori"), [
    ("selisih", "12", 80.0, "Tinggi"),            # (2 x 10 - 12) / 10 x 100
    ("rasio", "12", 10 * 100.0 / 12, "Tinggi"),   # 10 / 12 x 100 = 83,33
    ("selisih", "25", 0.0, "Sangat Rendah"),      # (20 - 25) / 10 x 100 = -50, floored at 0
    ("rasio", "25", 40.0, "Sangat Rendah"),
    ("selisih", "5", 150.0, "Sangat Tinggi"),
    ("rasio", "5", 200.0, "Sangat Tinggi"),
])
def test_turun_change_under_both_formulas(tmp_path, rumus, realisasi, capaian, kategori):
    u = make_unit(tmp_path, rumus)
    a2 = iku(whatif.skenario(u, 2024, [f"A2:realisasi={realisasi}"]), "A2")
    assert a2["capaian_sesudah"] == capaian and a2["kategori_sesudah"] == kategori
    assert a2["capaian_sebelum"] == {"selisih": 120.0, "rasio": 125.0}[rumus]


def test_a_kategori_realisasi_makes_an_iku_measured(unit):
    h = whatif.skenario(unit, 2024, ["A3:realisasi=tinggi"])  # the scale's word, case-blind
    a3 = iku(h, "A3")
    assert np.isnan(a3["capaian_sebelum"]) and a3["capaian_sesudah"] == 100.0
    assert pd.isna(a3["realisasi_sebelum"]) and a3["realisasi_sesudah"] == "Tinggi"
    assert pd.isna(a3["kategori_sebelum"]) and a3["kategori_sesudah"] == "Sangat Tinggi"
    assert (a3["status_sebelum"], a3["status_sesudah"]) == ("belum dapat diukur", "terukur")
    assert np.isnan(a3["selisih_pp"]) and a3["berubah"]
    assert rata(h)["sesudah"] == (95 + 120 + 100 + 75 + 87.5) / 5  # now over 5 IKU
    assert rata(h, "iku_terukur")[["sebelum", "sesudah"]].tolist() == [4, 5]
    d = h["distribusi"].set_index("kategori")
    assert d.loc["Sangat Tinggi", ["jumlah_sebelum", "jumlah_sesudah"]].tolist() == [2, 3]
    assert d.loc["belum dapat diukur", ["jumlah_sebelum", "jumlah_sesudah", "selisih_jumlah"]].tolist() == [1, 0, -1]
    assert d.loc["Sangat Tinggi", "persen_sesudah"] == 60.0
    # back to not measurable
    assert np.isnan(iku(whatif.skenario(unit, 2024, ["A1:realisasi=N/A"]), "A1")["capaian_sesudah"])


def test_kategori_and_level_targets(unit):
    h = whatif.skenario(unit, 2024, [
        {"kolom": "target", "kode": "A3", "nilai": "Sedang"}, {"kolom": "realisasi", "kode": "A3", "nilai": "Tinggi"},
        {"kolom": "target", "kode": "A4", "nilai": "3/5"},
        {"kolom": "realisasi", "kode": "A5", "nilai": 95},
    ])
    assert iku(h, "A3")["capaian_sesudah"] == 150.0  # rank 3 / rank 2
    assert iku(h, "A3")["target_sesudah"] == "Sedang"
    a4 = iku(h, "A4")
    assert (a4["target_sebelum"], a4["target_sesudah"], a4["capaian_sesudah"]) == ("4/5", "3/5", 100.0)
    assert a4["kategori_sebelum"] == "Sedang" and a4["kategori_sesudah"] == "Sangat Tinggi"
    assert iku(h, "A5")["capaian_sesudah"] == 95 * 100.0 / 90  # above the range: divided by its upper bound
    lvl = iku(whatif.skenario(unit, 2024, ["A4:realisasi=4/5"]), "A4")
    assert lvl["capaian_sesudah"] == 100.0 and lvl["realisasi_sesudah"] == "4/5"
    rng = iku(whatif.skenario(unit, 2024, ["A5:target=60-70"]), "A5")
    assert rng["capaian_sesudah"] == 100.0 and rng["target_sesudah"] == "60-70"


def test_budget_changes_move_efficiency(unit):
    h = whatif.skenario(unit, 2024, ["A1:pagu=250.000", "A4:realisasi_anggaran=150.000"])
    e = h["efisiensi"].set_index("kode")
    # A1: 190.000 / 250.000 = 76 %; 95 / 76 = 1,25 (before 95 / 95 = 1)
    assert (e.loc["A1", "capaian_anggaran_sebelum"], e.loc["A1", "capaian_anggaran_sesudah"]) == (95.0, 76.0)
    assert (e.loc["A1", "nilai_sebelum"], e.loc["A1", "nilai_sesudah"]) == (1.0, 1.25)
    # A4: 150.000 / 300.000 = 50 %; 75 / 50 = 1,5 efisien (before 75 / 80 = 0,9375 tidak efisien)
    assert (e.loc["A4", "nilai_sebelum"], e.loc["A4", "nilai_sesudah"]) == (0.9375, 1.5)
    assert (e.loc["A4", "status_sebelum"], e.loc["A4", "status_sesudah"]) == ("tidak efisien", "efisien")
    assert e["berubah"].tolist() == [True, False, False, True, False]
    assert h["iku"]["berubah"].sum() == 0  # capaian kinerja does not move
    # an IKU without a budget line gets one
    h = whatif.skenario(unit, 2024, ["A3:pagu=50.000"])
    assert h["efisiensi"].set_index("kode").loc["A3", "pagu_sesudah"] == 50000.0
    assert h["perubahan"]["keterangan"].tolist() == ["baris anggaran A3 tahun 2024 ditambahkan"]


def test_a_budget_node_carries_its_difference_to_its_ancestors(unit):
    h = whatif.skenario(unit, 2024, ["S1:pagu=700.000", "K2:realisasi_anggaran=300.000"])
    a = h["anggaran"].set_index("kode")
    assert a["pagu_sesudah"].to_dict() == {"P1": 1100000.0, "K1": 700000.0, "K2": 400000.0, "S1": 700000.0}
    assert a["realisasi_sesudah"].to_dict() == {"P1": 850000.0, "K1": 550000.0, "K2": 300000.0, "S1": 550000.0}
    assert a.loc["P1", "serapan_sesudah"] == 850000 * 100.0 / 1100000
    assert a["berubah"].tolist() == [True, True, True, True]
    assert h["perubahan"]["keterangan"].tolist() == ["induk ikut berubah: K1, P1", "induk ikut berubah: P1"]
    assert h["ringkasan"]["sesudah"]["anggaran"][0]["pagu"] == 1100000.0


def test_the_input_unit_is_not_mutated(unit):
    before = {n: getattr(unit, n).copy(deep=True) for n in ("indikator", "kinerja", "anggaran", "anggaran_iku", "laporan")}
    entitas = copy.deepcopy(unit.entitas)
    changes = ["A1:realisasi=50", "A2:target=12", "A3:realisasi=Sedang", "A4:realisasi=1/5", "A5:target=10-20",
               "A1:pagu=1", "A3:realisasi_anggaran=5", "S1:pagu=1", "P1:realisasi_anggaran=0"]
    baru = whatif.terapkan(unit, 2024, changes)
    whatif.skenario(unit, 2024, changes, rata_rata=90)
    whatif.kebutuhan(unit, 2024)
    whatif.sensitivitas(unit, 2024, "A1")
    for name, df in before.items():
        pd.testing.assert_frame_equal(getattr(unit, name), df)
    assert unit.entitas == entitas
    assert baru is not unit and baru.kinerja.set_index("kode").loc["A1", "realisasi_nilai"] == 50.0


@pytest.mark.parametrize(("change", "bagian"), [
    ("A9:realisasi=80", "perubahan 'A9:realisasi=80': kode A9 tidak ada di indikator.csv"),
    ("X9:pagu=80", "kode X9 tidak ada di indikator.csv maupun di anggaran.csv tahun 2024"),
    ("A1:realisasi=85,8,3", "perubahan 'A1:realisasi=85,8,3': '85,8,3' bukan angka"),
    ("A3:realisasi=Luar Biasa", "'Luar Biasa' bukan kata pada skala indikator ini: Rendah, Sedang, Tinggi, Sangat Tinggi"),
    ("A4:realisasi=0,6", "bukan level (tulis seperti 9/9)"),
    ("A1:target=N/A", "target wajib diisi"),
    ("P1:realisasi=5", "untuk anggaran pakai kolom pagu atau realisasi_anggaran"),
    ("P1:pagu=-5", "nilai anggaran tidak boleh negatif"),
    ("A1:capaian=5", "kolom 'capaian' tidak dikenal (pilih dari: realisasi, target, pagu, realisasi_anggaran)"),
    ("A1 realisasi 5", "tulis KODE:KOLOM=NILAI"),
])
def test_bad_changes_are_named_in_indonesian(unit, change, bagian):
    with pytest.raises(PerubahanError) as e:
        whatif.terapkan(unit, 2024, [change])
    assert bagian in str(e.value)
    assert isinstance(e.value, ValueError) and isinstance(e.value, PilihanError)


def test_changes_from_yaml_and_texts():
    teks = 'perubahan:\n  - {kolom: realisasi, kode: IKU-7, nilai: "90,5"}\n  - kolom: pagu\n    kode: P1\n    nilai: 1.084\n' \
           "  - IKU-1:realisasi=Tinggi\n"
    assert whatif.perubahan_dari_yaml(teks) == [
        Perubahan("realisasi", "IKU-7", "90,5"), Perubahan("pagu", "P1", "1.084"), Perubahan("realisasi", "IKU-1", "Tinggi")]
    assert whatif.perubahan_dari_yaml("- IKU-7:realisasi=80\n") == [Perubahan("realisasi", "IKU-7", "80")]
    assert str(whatif.baca_perubahan("P1:pagu=50.000.000.000")) == "P1:pagu=50.000.000.000"
    assert str(Perubahan("realisasi", "A1", 90.5)) == "A1:realisasi=90,5"
    with pytest.raises(PerubahanError, match="bukan YAML yang sah"):
        whatif.perubahan_dari_yaml("- [\n", "uji.yml")
    with pytest.raises(PerubahanError, match="kunci wajib tidak ada: nilai"):
        whatif.perubahan_dari_yaml("- {kolom: realisasi, kode: A1}\n")


# -------------------------------------------------------------------------------------- what is needed


def batas(tabel, kode):
    t = tabel[tabel["kode"] == kode]
    return list(zip(t["kategori"], t["syarat"], t["realisasi_batas"]))


def test_kebutuhan_naik_kategori_level_and_range(unit):
    k = whatif.kebutuhan(unit, 2024)
    assert list(k.columns) == ["kode", "indikator", "polaritas", "jenis", "target", "kategori", "batas_capaian",
                               "syarat", "realisasi_batas", "keterangan", "tercapai"]
    assert batas(k, "A1") == [("Sangat Tinggi", ">", 90.0), ("Tinggi", ">", 75.0), ("Sedang", ">", 65.0), ("Rendah", ">", 50.0)]
    # kategori target Tinggi (rank 3): Tinggi gives 100, Sedang 66,67 > 65
    assert batas(k, "A3") == [("Sangat Tinggi", ">=", "Tinggi"), ("Tinggi", ">=", "Tinggi"),
                              ("Sedang", ">=", "Sedang"), ("Rendah", ">=", "Sedang")]
    # level target 4/5: 3/5 gives exactly 75, which is Sedang, not Tinggi
    assert batas(k, "A4") == [("Sangat Tinggi", ">=", "4/5"), ("Tinggi", ">=", "4/5"),
                              ("Sedang", ">=", "3/5"), ("Rendah", ">=", "3/5")]
    # range 80-90: below it capaian is realisasi / 80
    assert batas(k, "A5") == [("Sangat Tinggi", ">", 72.0), ("Tinggi", ">", 60.0), ("Sedang", ">", 52.0), ("Rendah", ">", 40.0)]
    assert k[k["kode"] == "A4"]["tercapai"].tolist() == [False, False, True, True]
    assert not k[k["kode"] == "A3"]["tercapai"].any()
    assert k.iloc[0]["keterangan"] == "realisasi lebih dari 90"
    assert k[k["kode"] == "A4"].iloc[1]["keterangan"] == "realisasi paling rendah 4/5 (capaian 100,00 %)"


def test_kebutuhan_turun_under_both_formulas(tmp_path):
    sel = whatif.kebutuhan(make_unit(tmp_path / "s", "selisih"), 2024)
    assert batas(sel, "A2") == [("Sangat Tinggi", "<", 11.0), ("Tinggi", "<", 12.5), ("Sedang", "<", 13.5), ("Rendah", "<", 15.0)]
    ras = whatif.kebutuhan(make_unit(tmp_path / "r", "rasio"), 2024)
    assert batas(ras, "A2") == [("Sangat Tinggi", "<", 1000 / 90), ("Tinggi", "<", 1000 / 75),
                                ("Sedang", "<", 1000 / 65), ("Rendah", "<", 20.0)]
    assert ras[ras["kode"] == "A2"].iloc[0]["keterangan"] == "realisasi kurang dari 11,1111 (dibulatkan) dan lebih dari 0 (rumus turun rasio)"


def test_kebutuhan_boundaries_are_exact_against_the_scorer(unit):
    """Just beyond each number boundary reaches the kategori; the boundary itself does not."""
    for _, r in whatif.kebutuhan(unit, 2024).iterrows():
        if r["syarat"] not in (">", "<"):
            continue
        step = 1e-6 if r["syarat"] == ">" else -1e-6
        inside = iku(whatif.skenario(unit, 2024, [Perubahan("realisasi", r["kode"], r["realisasi_batas"] + step)]), r["kode"])
        at = iku(whatif.skenario(unit, 2024, [Perubahan("realisasi", r["kode"], r["realisasi_batas"])]), r["kode"])
        order = list(unit.pilihan.skala.label)
        assert order.index(inside["kategori_sesudah"]) <= order.index(r["kategori"]), r.to_dict()
        assert order.index(at["kategori_sesudah"]) > order.index(r["kategori"]), r.to_dict()


def test_realisasi_for_an_overall_mean(unit, unit_rasio):
    # others: 95 + 75 + 87,5 = 257,5 over 3; A2 needs 4 x 90 - 257,5 = 102,5
    assert whatif.realisasi_untuk_rata_rata(unit, 2024, "A2", 90) == 10 * (200 - 102.5) / 100  # 9,75
    assert whatif.realisasi_untuk_rata_rata(unit_rasio, 2024, "A2", 90) == 100 * 10 / 102.5
    assert whatif.realisasi_untuk_rata_rata(unit, 2024, "A1", 90) == (4 * 90 - 282.5) * 100 / 100  # 77,5
    # the floor at 0: A2 would need -17,5
    assert whatif.realisasi_untuk_rata_rata(unit, 2024, "A2", 60) is None
    t = whatif.kebutuhan_rata_rata(unit, 2024, 60).set_index("kode")
    assert t.loc["A2", "capaian_perlu"] == -17.5 and np.isnan(t.loc["A2", "realisasi_perlu"])
    assert "capaian polaritas turun paling rendah 0 %" in t.loc["A2", "keterangan"]
    # A3 not measured: it joins the mean, now over 5 IKU; 5 x 95,5 - 377,5 = 100 -> Tinggi (rank 3)
    assert whatif.realisasi_untuk_rata_rata(unit, 2024, "A3", 95.5) == 3.0
    assert whatif.kebutuhan_rata_rata(unit, 2024, 95.5).set_index("kode").loc["A3", "realisasi_teks"] == "Tinggi"
    # a level: 4/5 gives (95 + 120 + 100 + 87,5) / 4 = 100,625; no level gives exactly 97
    assert whatif.realisasi_untuk_rata_rata(unit, 2024, "A4", 100.625) == 0.8
    assert whatif.realisasi_untuk_rata_rata(unit, 2024, "A4", 97) is None
    t = whatif.kebutuhan_rata_rata(unit, 2024, 97).set_index("kode")
    assert t.loc["A4", "keterangan"] == "tidak ada level yang memberi tepat 97,00 %; 4/5 memberi rata-rata 100,63 %"
    # a range: inside it, 100
    assert whatif.realisasi_untuk_rata_rata(unit, 2024, "A5", (95 + 120 + 75 + 100) / 4) == 80.0
    assert whatif.realisasi_untuk_rata_rata(unit, 2024, "A5", (95 + 120 + 75 + 50) / 4) == 40.0


@pytest.mark.parametrize("target", [80, 90, 94.375, 101.3])
@pytest.mark.parametrize("kode", ["A1", "A2"])
def test_the_realisasi_found_gives_the_mean(unit, unit_rasio, kode, target):
    for u in (unit, unit_rasio):
        r = whatif.realisasi_untuk_rata_rata(u, 2024, kode, target)
        h = whatif.skenario(u, 2024, [Perubahan("realisasi", kode, r)])
        assert rata(h)["sesudah"] == pytest.approx(target, abs=1e-9)


def test_the_cap_for_the_means_limits_what_can_be_reached(tmp_path):
    u = make_unit(tmp_path, batas_capaian=100)
    # A2's 120 counts as 100: others 100 + 75 + 87,5; A1 would need 4 x 99 - 262,5 = 133,5 > 100
    assert whatif.realisasi_untuk_rata_rata(u, 2024, "A1", 99) is None
    t = whatif.kebutuhan_rata_rata(u, 2024, 99).set_index("kode")
    assert "di atas batas capaian 100 %" in t.loc["A1", "keterangan"]
    assert whatif.realisasi_untuk_rata_rata(u, 2024, "A1", 90) == 97.5


def test_sensitivitas(unit):
    s = whatif.sensitivitas(unit, 2024, "A1", [0, "50", 100.0, "N/A"])
    assert list(s.columns) == ["realisasi", "realisasi_nilai", "capaian", "kategori", "rata_rata_iku",
                               "kategori_rata_rata", "rata_rata_sasaran"]
    assert s["capaian"].iloc[:3].tolist() == [0.0, 50.0, 100.0]
    assert s["rata_rata_iku"].iloc[:3].tolist() == [70.625, 83.125, 95.625]  # (x + 120 + 75 + 87,5) / 4
    assert s["rata_rata_iku"].iloc[3] == (120 + 75 + 87.5) / 3  # N/A leaves the mean
    assert s["kategori"].tolist()[:3] == ["Sangat Rendah", "Sangat Rendah", "Sangat Tinggi"]
    assert s["rata_rata_sasaran"].iloc[2] == (110 + 75 + 87.5) / 3
    w = whatif.sensitivitas(unit, 2024, "A3")  # every word of the scale, the IKU joining the mean
    assert w["realisasi"].tolist() == ["Rendah", "Sedang", "Tinggi", "Sangat Tinggi"]
    assert w["rata_rata_iku"].tolist() == pytest.approx(
        [(377.5 + 100 / 3) / 5, (377.5 + 200 / 3) / 5, 95.5, (377.5 + 400 / 3) / 5], abs=1e-12)
    lvl = whatif.sensitivitas(unit, 2024, "A4")
    assert lvl["realisasi"].tolist() == ["0/5", "1/5", "2/5", "3/5", "4/5", "5/5"]
    d = whatif.sensitivitas(unit, 2024, "A1")
    assert len(d) == 61 and d["realisasi_nilai"].is_monotonic_increasing and 95.0 in d["realisasi_nilai"].tolist()  # 0..150, step 2,5
    with pytest.raises(PerubahanError, match="kode A9 tidak ada"):
        whatif.sensitivitas(unit, 2024, "A9")


# ------------------------------------------------------------------------------------ Batu Bara 2024


@pytest.fixture(scope="module")
def batubara():
    return muat(entitas="setda-batubara")


def test_lppd_measured_and_the_mean_over_7_iku(batubara):
    h = whatif.skenario(batubara, 2024, [{"kolom": "realisasi", "kode": "IKU-1", "nilai": "Tinggi"}])
    cap = analysis.tabel_capaian_iku(batubara, 2024)["capaian"]
    assert iku(h, "IKU-1")["capaian_sesudah"] == 100.0 and iku(h, "IKU-1")["kategori_sesudah"] == "Sangat Tinggi"
    assert rata(h)["sebelum"] == 93.97082945832068
    assert rata(h)["sesudah"] == pytest.approx((cap.sum() + 100) / 7, abs=1e-12)
    assert rata(h, "iku_terukur")["sesudah"] == 7
    assert rata(h, "iku_belum_dapat_diukur")["sesudah"] == 0


def test_iku7_boundaries_and_change(batubara):
    k = whatif.kebutuhan(batubara, 2024)
    assert batas(k, "IKU-7") == [("Sangat Tinggi", ">", 78.3), ("Tinggi", ">", 65.25), ("Sedang", ">", 56.55), ("Rendah", ">", 43.5)]
    assert batas(k, "IKU-5")[1] == ("Tinggi", ">=", "7/9")
    h = whatif.skenario(batubara, 2024, ["IKU-7:realisasi=80"])
    assert iku(h, "IKU-7")["capaian_sesudah"] == 80 * 100 / 87
    assert iku(h, "IKU-7")["kategori_sesudah"] == "Sangat Tinggi"
    r = whatif.realisasi_untuk_rata_rata(batubara, 2024, "IKU-7", 95)
    others = analysis.tabel_capaian_iku(batubara, 2024).set_index("kode")["capaian"].drop(["IKU-1", "IKU-7"]).sum()
    assert r == pytest.approx((95 * 6 - others) * 87 / 100, abs=1e-12)
    assert rata(whatif.skenario(batubara, 2024, [Perubahan("realisasi", "IKU-7", r)]))["sesudah"] == pytest.approx(95, abs=1e-9)


def test_display_marks_the_differences(batubara):
    h = whatif.skenario(batubara, 2024, ["IKU-7:realisasi=80", "IKU-1:realisasi=Tinggi"])
    t = display.tampil_skenario_iku(h["iku"]).set_index("Kode")
    assert t.loc["IKU-7"].tolist() == ["87", "66,35 → 80", "76,26 %", "91,95 %", "▲ +15,69 pp", "Tinggi → Sangat Tinggi"]
    assert t.loc["IKU-1", "Perubahan"] == "baru terukur" and t.loc["IKU-2", "Perubahan"] == "tetap"
    assert display.tanda_selisih(90.0, 88.0) == "▼ -2,00 pp"
    text = display.teks_skenario(h)
    assert "Rata-rata capaian IKU (IKU terukur): 93,97 % → 97,07 % (▲ +3,10 pp; Sangat Tinggi)" in text
    assert "Distribusi kategori: Sangat Tinggi 4 → 6, Tinggi 2 → 1, belum dapat diukur 1 → 0" in text
    assert "  IKU-7: 76,26 % (Tinggi) → 91,95 % (Sangat Tinggi), ▲ +15,69 pp" in text
    assert ("Efisiensi berubah: IKU-1 (nilai N/A → 1,02; belum dapat diukur → efisien), "
            "IKU-7 (nilai 0,81 → 0,98; tetap tidak efisien)") in text
    k = display.tampil_kebutuhan(h["kebutuhan"]).set_index(["Kode", "Kategori"])
    assert k.loc[("IKU-7", "Sangat Tinggi"), "Realisasi yang Dibutuhkan"] == "lebih dari 78,3"


def test_charts(batubara, tmp_path):
    from lakip import charts

    h = whatif.skenario(batubara, 2024, ["IKU-7:realisasi=80", "IKU-1:realisasi=Tinggi"])
    fig = charts.grafik_skenario(h["iku"], batubara.pilihan.skala, 2024)
    s = whatif.sensitivitas(batubara, 2024, "IKU-1")
    fig2 = charts.grafik_sensitivitas(s, batubara.pilihan.skala, "IKU-1", "Nilai LPPD", {"data": None, "skenario": "Tinggi"}, 2024)
    for f, name in ((fig, "a"), (fig2, "b")):
        assert [p.name for p in charts.simpan(f, tmp_path, name)] == [f"{name}.png", f"{name}.svg"]
        assert f.get_size_inches()[0] == charts.LEBAR_A4


# ------------------------------------------------------------------------------------------- the CLI


def test_cli_end_to_end(tmp_path):
    make_unit(tmp_path / "data")
    (tmp_path / "s.yml").write_text("perubahan:\n  - {kolom: pagu, kode: A1, nilai: 250.000}\n  - A3:realisasi=Tinggi\n",
                                    encoding="utf-8")
    res = lakip("skenario", "--data", str(tmp_path / "data"), "--entity", "uji", "--year", "2024",
                "--ubah", "A1:realisasi=90,5", "--ubah", "S1:pagu=700.000", "--file", str(tmp_path / "s.yml"),
                "--rata-rata", "95", "--out", str(tmp_path / "out"))
    assert res.returncode == 0, res.stderr
    out = res.stdout.splitlines()
    assert out[0] == "Skenario Unit Uji tahun 2024: 4 perubahan."
    assert "Rata-rata capaian IKU (IKU terukur): 94,38 % → 94,60 % (▲ +0,23 pp; Sangat Tinggi)" in out
    assert "  A3: N/A (belum dapat diukur: realisasi belum tersedia) → 100,00 % (Sangat Tinggi), baru terukur" in out
    folder = tmp_path / "out" / "uji" / "2024" / "skenario"
    assert out[-1] == f"Berkas: {folder}"
    assert sorted(p.name for p in folder.iterdir()) == [
        "anggaran.csv", "capaian_iku.csv", "capaian_sasaran.csv", "efisiensi.csv", "kebutuhan.csv",
        "kebutuhan_rata_rata.csv", "ringkasan.json"]
    cap = pd.read_csv(folder / "capaian_iku.csv").set_index("kode")
    assert cap.loc["A1", "capaian_sesudah"] == 90.5 and cap.loc["A3", "capaian_sesudah"] == 100.0
    assert bool(cap.loc["A3", "berubah"]) and not bool(cap.loc["A2", "berubah"])
    eff = (folder / "efisiensi.csv").read_text(encoding="utf-8").splitlines()
    assert eff[1].startswith("A1,rasio,95.0,90.5,200000,250000,190000,190000,95.0,76.0,")
    ang = pd.read_csv(folder / "anggaran.csv").set_index("kode")
    assert ang.loc["P1", "pagu_sesudah"] == 1100000
    ring = json.loads((folder / "ringkasan.json").read_text(encoding="utf-8"))
    assert ring["sebelum"]["capaian"]["rata_rata_iku"] == 94.375
    assert ring["sesudah"]["capaian"]["rata_rata_iku"] == (90.5 + 120 + 100 + 75 + 87.5) / 5
    assert ring["iku_berubah"] == ["A1", "A3"]
    assert [p["kode"] for p in ring["perubahan"]] == ["A1", "S1", "A1", "A3"]
    keb = pd.read_csv(folder / "kebutuhan.csv")
    assert len(keb) == 5 * 4
    rr = pd.read_csv(folder / "kebutuhan_rata_rata.csv").set_index("kode")
    # under the scenario: others 120 + 100 + 75 + 87,5 = 382,5; A1 needs 5 x 95 - 382,5 = 92,5
    assert rr.loc["A1", "capaian_perlu"] == 92.5 and rr.loc["A1", "realisasi_perlu"] == 92.5


@pytest.mark.parametrize(("args", "pesan"), [
    (["--ubah", "IKU-9:realisasi=80"], "Galat: perubahan 'IKU-9:realisasi=80': kode IKU-9 tidak ada di indikator.csv"),
    (["--ubah", "IKU-1:realisasi=Luar"], "Galat: perubahan 'IKU-1:realisasi=Luar': 'Luar' bukan kata pada skala"),
    (["--ubah", "IKU-7realisasi"], "tulis KODE:KOLOM=NILAI"),
    (["--rata-rata", "sembilan"], "Galat: --rata-rata: 'sembilan' bukan angka"),
    (["--year", "2030"], "Galat: tahun 2030 tidak ada di data setda-batubara"),
])
def test_cli_user_mistakes_exit_2_without_traceback(tmp_path, args, pesan):
    res = lakip("skenario", "--out", str(tmp_path), *args)
    assert res.returncode == 2
    assert pesan in res.stderr and "Traceback" not in res.stderr
    assert not (tmp_path / "setda-batubara").exists()


# -------------------------------------------------------------------------------------- the notebook


def test_the_notebook_is_committed_with_only_checked_outputs():
    path = NOTEBOOKS_DIR / "skenario.ipynb"
    assert path not in daftar_notebook()  # lakip run executes only the numbered notebooks
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    params = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
    assert len(params) == 1
    for line in ('entitas = "setda-batubara"', "tahun = 2024", "folder_data = None", "folder_keluaran = None",
                 'perubahan = [{"kolom": "realisasi", "kode": "IKU-7", "nilai": "80"}]', 'kode_sensitivitas = "IKU-7"'):
        assert line in params[0].source
    checked = [c for c in nb.cells if c.cell_type == "code" and c.source.startswith("# NBVAL_CHECK_OUTPUT")]
    assert len(checked) >= 5 and all(c.outputs for c in checked)
    for c in nb.cells:
        if c.cell_type == "code" and c not in checked:
            assert c.outputs == [], c.source[:40]


def test_the_notebook_runs_with_other_changes(tmp_path):
    import papermill

    out = tmp_path / "run"
    nb = papermill.execute_notebook(
        str(NOTEBOOKS_DIR / "skenario.ipynb"), str(tmp_path / "skenario.ipynb"), kernel_name="python3", progress_bar=False,
        parameters={"folder_keluaran": str(out), "kode_sensitivitas": "IKU-1",
                    "perubahan": [{"kolom": "realisasi", "kode": "IKU-1", "nilai": "Sedang"},
                                  {"kolom": "pagu", "kode": "IKU-7", "nilai": "60.000.000.000"}]})
    texts = "".join(o.get("text", "") for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", []))
    assert "IKU-1  Tinggi  N/A → Sedang" in texts
    assert sorted(p.name for p in (out / "grafik").iterdir()) == [
        "skenario_capaian.png", "skenario_capaian.svg", "skenario_sensitivitas.png", "skenario_sensitivitas.svg"]


def test_a_change_to_an_iku_without_a_row_that_year_says_why(tmp_path):
    import shutil

    from lakip.core.paths import DATA_DIR

    folder = tmp_path / "setda-batubara"
    shutil.copytree(DATA_DIR / "setda-batubara", folder)
    hapus_baris(folder / "kinerja.csv", "IKU-7,2024,", "IKU-5,2022,")
    akhiri(folder, "IKU-7", 2023)
    u = muat(tmp_path, "setda-batubara")
    with pytest.raises(whatif.PerubahanError, match=r"IKU-7 tidak dipakai lagi sesudah tahun 2023 \(kolom tahun_akhir"):
        whatif.skenario(u, 2024, ["IKU-7:realisasi=80"])
    with pytest.raises(whatif.PerubahanError, match="IKU-5 baru ada sejak tahun 2023"):
        whatif.skenario(u, 2022, ["IKU-5:realisasi=9/9"])


def test_an_iku_that_cannot_be_computed_says_why_and_a_changed_target_kinerja_is_named():
    """A target 0 with polaritas naik is not "belum dapat diukur" (that is a missing realisasi): the
    summary gives the reason, the table the status. An efficiency whose value and status stay but
    whose "target kinerja tercapai" turns is listed with that change, not as if nothing moved."""
    unit = muat()
    h = whatif.skenario(unit, 2024, [whatif.baca_perubahan("IKU-7:target=0")], None)
    teks = display.teks_skenario(h)
    assert ("  IKU-7: 76,26 % (Tinggi) → N/A (target 0 dengan polaritas naik: capaian tidak dapat dihitung), "
            "tidak lagi terukur") in teks
    t = display.tampil_skenario_iku(h["iku"]).set_index("Kode")
    assert t.loc["IKU-7", "Kategori"] == "Tinggi → tidak dapat dihitung"
    assert t.loc["IKU-1", "Kategori"] == "belum dapat diukur"
    assert h["iku"].set_index("kode").loc["IKU-7", "catatan_sesudah"] == "target 0 dengan polaritas naik: capaian tidak dapat dihitung"
    h = whatif.skenario(unit, 2023, [whatif.baca_perubahan("IKU-7:realisasi=80")], None)
    assert "Efisiensi berubah: IKU-7 (nilai N/A; tetap tidak dapat dihitung; target kinerja tercapai: ya → tidak)" \
        in display.teks_skenario(h)
