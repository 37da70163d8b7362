"""The exploratory what-if's widgets (lakip.report.eksplorasi, notebooks/eksplorasi.ipynb), driven from Python.

A control's value is set as a user would set it, and the tables, means and kategori the widgets show
are checked against values computed here by hand (DOMAIN.md sections 3-7), on the Batu Bara 2024 data
and on a Dinas of another shape: a turun IKU under the rasio formula, the closed ``baik_kurang`` scale
(a class starts at its printed bound), efficiency by difference, a range target.
"""

import subprocess
import sys
import textwrap

import pytest

from lakip import muat
from lakip.app.cli import main
from lakip.app.skenario import tulis_skenario
from lakip.core.whatif import Perubahan, PerubahanError, perubahan_dari_yaml
from lakip.report.eksplorasi import Eksplorasi, kelas_iku

pytest.importorskip("ipywidgets")

# the data's capaian of Batu Bara 2024 but IKU-1 (N/A) and IKU-7, by hand: realisasi / target x 100
IKU_2, IKU_3, IKU_4, IKU_5, IKU_6 = 85.83, 9.92 / 9.70 * 100, 72.37 / 73 * 100, 100.0, 86.28 / 86 * 100
IKU_7 = 66.35 / 87 * 100  # 76,26: Tinggi


@pytest.fixture(scope="module")
def batubara():
    return muat(entitas="setda-batubara")


@pytest.fixture
def eks(batubara):
    return Eksplorasi(batubara, 2024, grafik=False)


DINAS = {
    "entitas.yml": """\
        nama: Dinas Uji
        pemda: Kabupaten Uji
        unit_kerja: Bidang
        pilihan:
          rumus_turun: rasio
          metode_efisiensi: selisih
          skala: baik_kurang
        """,
    "indikator.csv": """\
        kode,tujuan,sasaran_kode,sasaran,indikator,satuan,polaritas,jenis,skala,formula,rumus_komponen
        D.1,T,SS-A,Sasaran A,Indikator naik,Persen,naik,angka,,,
        D.2,T,SS-A,Sasaran A,Angka kemiskinan,Persen,turun,angka,,,
        D.3,T,SS-B,Sasaran B,Nilai LPPD,Status,naik,kategori,lppd,,
        D.4,T,SS-B,Sasaran B,Level kematangan,Level,naik,level,,,
        D.5,T,SS-C,Sasaran C,Persentase dalam rentang,Persen,naik,rentang,,,
        """,
    "kinerja.csv": """\
        kode,tahun,target,realisasi
        D.1,2025,100,95
        D.2,2025,10,8
        D.3,2025,Tinggi,N/A
        D.4,2025,4/5,3/5
        D.5,2025,80-90,70
        """,
    "anggaran.csv": """\
        tahun,kode,induk,tingkat,uraian,pagu,realisasi
        2025,P1,,program,Program Satu,1.000.000,900.000
        """,
    "anggaran_iku.csv": """\
        tahun,kode,pagu,realisasi
        2025,D.1,200.000,190.000
        2025,D.2,100.000,100.000
        2025,D.4,300.000,240.000
        """,
    "laporan.csv": "tahun,tabel,kunci,nilai,catatan\n",
}


def buat_dinas(root):
    folder = root / "dinas-uji"
    folder.mkdir(parents=True)
    for name, text in DINAS.items():
        (folder / name).write_text(textwrap.dedent(text), encoding="utf-8")
    return muat(root, "dinas-uji")


@pytest.fixture
def dinas(tmp_path):
    return buat_dinas(tmp_path / "data")


def baris(e, tabel, kode, kolom="Kode"):
    t = e.tabel[tabel]
    return t[t[kolom] == kode].iloc[0]


def rata(e):
    """The overall mean as the page shows it (the text of the ``lakip-rata-rata`` element)."""
    return e._rata.value


# ------------------------------------------------------------------------------ the data as it is


def test_the_controls_start_at_the_data_in_each_iku_kind(eks):
    assert eks.perubahan() == [] and eks.galat is None
    assert "Rata-rata capaian IKU: 93,97 % (Sangat Tinggi)" in rata(eks)
    assert "lakip-rata-rata" in eks._rata._dom_classes
    k7 = eks.kontrol["IKU-7"]
    assert type(k7.realisasi.kotak).__name__ == "Text" and k7.realisasi.value == 66.35
    assert (k7.realisasi.kotak.value, k7.pagu.kotak.value) == ("66,35", "59.492.564.404")  # the Indonesian way
    assert k7.realisasi.geser.value == 66.35 and k7.realisasi.geser.max >= 2 * 87
    assert set(k7.realisasi.kotak._dom_classes) >= {"lakip-realisasi", "lakip-iku-iku-7"}
    assert (k7.target.value, k7.pagu.value, k7.realisasi_anggaran.value) == (87.0, 59492564404.0, 55676315219.0)
    k1 = eks.kontrol["IKU-1"]  # a word of its scale, not measured
    assert type(k1.realisasi.kotak).__name__ == "Dropdown"
    assert k1.realisasi.kotak.options == ("Rendah", "Sedang", "Tinggi", "Sangat Tinggi")
    assert k1.realisasi.value is None and k1.realisasi.na.value and k1.realisasi.kotak.disabled
    assert k1.target.value == "Tinggi"
    k5 = eks.kontrol["IKU-5"]  # a level
    assert type(k5.realisasi.kotak).__name__ == "Text" and (k5.realisasi.value, k5.target.value) == ("9/9", "9/9")
    assert list(eks.tabel["kebutuhan"]["Kode"]) == ["IKU-1", "IKU-2", "IKU-7"]
    assert baris(eks, "kebutuhan", "IKU-7")["Realisasi yang Dibutuhkan"] == "lebih dari 78,3"
    assert "lakip-berubah" not in eks._html["iku"].value


def test_kelas_iku():
    assert kelas_iku("IKU-7") == "lakip-iku-iku-7"
    assert kelas_iku("D.1") == "lakip-iku-d-1"
    assert kelas_iku(" IKU 7.a/B ") == "lakip-iku-iku-7-a-b"
    assert kelas_iku("--Ü2--") == "lakip-iku-2"


# ------------------------------------------------------------------------------ one change at a time


def test_a_naik_iku_crosses_a_kategori_bound(eks):
    k7 = eks.kontrol["IKU-7"].realisasi
    k7.value = 78.3  # 78,3 / 87 = 90 %: not above 90, still Tinggi
    r = baris(eks, "iku", "IKU-7")
    assert (r["Realisasi"], r["Capaian Sesudah"], r["Kategori"]) == ("66,35 → 78,3", "90,00 %", "Tinggi")
    k7.kotak.value = "78,31"  # typed in the box: 90,01 %, Sangat Tinggi
    r = baris(eks, "iku", "IKU-7")
    assert (r["Capaian Sebelum"], r["Capaian Sesudah"], r["Perubahan"], r["Kategori"]) == (
        "76,26 %", "90,01 %", "▲ +13,75 pp", "Tinggi → Sangat Tinggi")
    assert k7.geser.value == 78.31  # the slider follows, the typed value is not rounded to its step
    mean = (IKU_2 + IKU_3 + IKU_4 + IKU_5 + IKU_6 + 78.31 / 87 * 100) / 6
    assert round(mean, 2) == 96.26
    assert "Rata-rata capaian IKU: 96,26 % (Sangat Tinggi)" in rata(eks)
    assert baris(eks, "rata_rata", "Rata-rata capaian IKU (IKU terukur)", "Uraian")["Perubahan"] == "▲ +2,29 pp"
    assert baris(eks, "sasaran", "SS-6")["Kategori"] == "Tinggi → Sangat Tinggi"
    d = eks.tabel["distribusi"].set_index("Kategori")
    assert (d.loc["Sangat Tinggi", "Jumlah Sesudah"], d.loc["Tinggi", "Jumlah Sesudah"]) == (5, 1)
    assert list(eks.tabel["kebutuhan"]["Kode"]) == ["IKU-1", "IKU-2"]  # IKU-7 is in the top kategori now
    assert eks.hasil["iku"].set_index("kode").loc["IKU-7", "capaian_sesudah"] == pytest.approx(78.31 / 87 * 100)
    assert eks._html["iku"].value.count('class="lakip-berubah"') == 1
    assert eks.perubahan() == [Perubahan("realisasi", "IKU-7", "78,31")]


def test_the_slider_sets_the_box_and_a_value_beyond_it_widens_it(eks):
    k7 = eks.kontrol["IKU-7"].realisasi
    k7.geser.value = 87.0
    assert k7.kotak.value == "87" and baris(eks, "iku", "IKU-7")["Capaian Sesudah"] == "100,00 %"
    k7.kotak.value = "500"
    assert k7.geser.max >= 500 and k7.geser.value == 500.0
    assert baris(eks, "iku", "IKU-7")["Capaian Sesudah"] == "574,71 %"  # 500 / 87


def test_a_number_is_typed_the_indonesian_way_and_a_non_number_is_refused_with_its_reason(eks):
    k7 = eks.kontrol["IKU-7"].realisasi
    k7.kotak.value = "78,31"
    assert k7.value == 78.31 and baris(eks, "iku", "IKU-7")["Capaian Sesudah"] == "90,01 %"
    k7.kotak.value = "78.31"  # a decimal point is read too (no thousands group)
    assert k7.value == 78.31 and eks.galat is None
    pagu = eks.kontrol["IKU-7"].pagu
    pagu.kotak.value = "60.000.000.000"
    assert pagu.value == 60e9 and eks.perubahan()[-1] == Perubahan("pagu", "IKU-7", "60.000.000.000")
    k7.kotak.value = "tujuh puluh"
    assert eks.galat is not None and "tujuh puluh" in eks._pesan.value
    assert baris(eks, "iku", "IKU-7")["Capaian Sesudah"] == "90,01 %"  # the last result stays
    k7.kotak.value = "80"
    assert eks.galat is None and baris(eks, "iku", "IKU-7")["Capaian Sesudah"] == "91,95 %"  # 80 / 87


def test_a_level_iku(eks):
    eks.kontrol["IKU-5"].realisasi.kotak.value = "7/9"
    r = baris(eks, "iku", "IKU-5")
    assert (r["Realisasi"], r["Capaian Sesudah"], r["Kategori"]) == ("9/9 → 7/9", "77,78 %", "Sangat Tinggi → Tinggi")
    mean = (IKU_2 + IKU_3 + IKU_4 + 7 / 9 * 100 + IKU_6 + IKU_7) / 6
    assert round(mean, 2) == 90.27
    assert "90,27 % (Sangat Tinggi)" in rata(eks)
    assert baris(eks, "kebutuhan", "IKU-5")["Realisasi yang Dibutuhkan"] == "paling rendah 9/9"


def test_a_word_iku_measured_at_last(eks):
    eks.kontrol["IKU-1"].realisasi.value = "Sedang"  # rank 2 of 3 for the target Tinggi: 66,67 %
    assert not eks.kontrol["IKU-1"].realisasi.na.value
    r = baris(eks, "iku", "IKU-1")
    assert (r["Realisasi"], r["Capaian Sebelum"], r["Capaian Sesudah"], r["Perubahan"], r["Kategori"]) == (
        "N/A → Sedang", "N/A", "66,67 %", "baru terukur", "belum dapat diukur → Sedang")
    mean = (IKU_2 + IKU_3 + IKU_4 + IKU_5 + IKU_6 + IKU_7 + 200 / 3) / 7
    assert round(mean, 2) == 90.07
    assert "90,07 % (Sangat Tinggi)" in rata(eks)
    assert baris(eks, "rata_rata", "IKU terukur", "Uraian")["Sesudah"] == "7"
    assert baris(eks, "kebutuhan", "IKU-1")["Kategori"] == "Tinggi"


def test_na_takes_an_iku_out_of_every_mean(eks):
    eks.kontrol["IKU-2"].realisasi.na.value = True
    r = baris(eks, "iku", "IKU-2")
    assert (r["Capaian Sesudah"], r["Kategori"]) == ("N/A", "Tinggi → belum dapat diukur")
    mean = (IKU_3 + IKU_4 + IKU_5 + IKU_6 + IKU_7) / 5
    assert round(mean, 2) == 95.60
    assert "95,60 % (Sangat Tinggi)" in rata(eks)
    assert baris(eks, "rata_rata", "IKU belum dapat diukur", "Uraian")["Sesudah"] == "2"
    assert eks.perubahan() == [Perubahan("realisasi", "IKU-2", "N/A")]
    eks.kontrol["IKU-2"].realisasi.value = 85.83  # the data's value again: no change left
    assert eks.perubahan() == [] and "93,97 %" in rata(eks)


def test_a_budget_change_flips_efficiency(eks):
    eks.kontrol["IKU-7"].realisasi_anggaran.value = 40_000_000_000
    serapan = 40e9 / 59_492_564_404 * 100  # 67,24 %
    assert round(IKU_7 / serapan, 2) == 1.13
    r = baris(eks, "efisiensi", "IKU-7")
    assert (r["Capaian Anggaran"], r["Nilai Sebelum"], r["Nilai Sesudah"], r["Status"]) == (
        "93,59 % → 67,24 %", "0,81", "1,13", "tidak efisien → efisien")
    assert eks.perubahan() == [Perubahan("realisasi_anggaran", "IKU-7", "40.000.000.000")]
    assert "93,97 %" in rata(eks)  # capaian kinerja did not move


def test_a_change_that_cannot_be_applied_is_shown_and_keeps_the_last_result(eks):
    eks.kontrol["IKU-5"].realisasi.value = "7/9"
    eks.kontrol["IKU-5"].realisasi.value = "7/x"
    assert "'7/x' bukan level" in eks.galat and "'7/x' bukan level" in eks._pesan.value
    assert "90,27 %" in rata(eks)  # the study of 7/9 stays on screen
    with pytest.raises(PerubahanError, match="belum dapat disimpan"):
        eks.teks_yaml()
    eks.kontrol["IKU-5"].realisasi.value = "8/9"
    assert eks.galat is None and baris(eks, "iku", "IKU-5")["Capaian Sesudah"] == "88,89 %"


def test_one_change_runs_the_study_once(eks, monkeypatch):
    import lakip.report.eksplorasi.studi as studi

    calls = []
    asli = studi.skenario
    monkeypatch.setattr(studi, "skenario", lambda *a: calls.append(a) or asli(*a))
    eks.kontrol["IKU-1"].realisasi.value = "Tinggi"  # the word and N/A off: one change
    eks.kontrol["IKU-7"].realisasi.geser.value = 80.0  # slider, then the box it sets: one change
    eks.reset()
    assert len(calls) == 3


def test_reset_restores_the_data(eks):
    awal = {k: t.copy() for k, t in eks.tabel.items()}
    k = eks.kontrol
    k["IKU-7"].realisasi.value = 90
    k["IKU-7"].target.value = 95
    k["IKU-1"].realisasi.value = "Rendah"
    k["IKU-5"].target.value = "8/9"
    k["IKU-2"].realisasi.value = None
    k["IKU-3"].pagu.value = 1
    assert len(eks.perubahan()) == 6
    eks.reset()
    assert eks.perubahan() == [] and eks.galat is None
    assert (k["IKU-7"].realisasi.value, k["IKU-7"].realisasi.geser.value, k["IKU-7"].target.value) == (66.35, 66.35, 87.0)
    assert k["IKU-1"].realisasi.value is None and k["IKU-1"].realisasi.na.value
    assert (k["IKU-5"].target.value, k["IKU-2"].realisasi.value, k["IKU-3"].pagu.value) == ("9/9", 85.83, 239091600.0)
    assert "Rata-rata capaian IKU: 93,97 % (Sangat Tinggi)" in rata(eks)
    for name, t in awal.items():
        assert eks.tabel[name].equals(t), name


# ------------------------------------------------------------------------------ another shape of unit


def test_another_unit_turun_rasio_closed_scale_and_efficiency_by_difference(dinas):
    e = Eksplorasi(dinas, grafik=False)
    assert e.tahun == 2025
    # data: D.1 95, D.2 rasio 10 / 8 = 125, D.3 N/A, D.4 (3/5) / (4/5) = 75, D.5 70 below 80-90: 70 / 80 = 87,5
    assert "Rata-rata capaian IKU: 95,63 % (Sangat Baik)" in rata(e)  # (95 + 125 + 75 + 87,5) / 4 = 95,625
    assert type(e.kontrol["D.5"].target.kotak).__name__ == "Text" and e.kontrol["D.5"].realisasi.value == 70.0
    assert e.kontrol["D.3"].pagu is None and e.kontrol["D.5"].realisasi_anggaran is None
    e.kontrol["D.2"].realisasi.value = 12  # turun, rasio: 10 / 12 = 83,33 %, Baik (76 <= c < 91)
    assert baris(e, "iku", "D.2")["Kategori"] == "Sangat Baik → Baik"
    assert round((95 + 1000 / 12 + 75 + 87.5) / 4, 2) == 85.21
    assert "85,21 % (Baik)" in rata(e)
    r = baris(e, "efisiensi", "D.2")  # difference: 83,33 - 100 = -16,67 pp < -5
    assert (r["Nilai Sesudah"], r["Status"]) == ("-16,67 pp", "efisien → tidak efisien")
    e.reset()
    e.kontrol["D.1"].realisasi.value = 91  # a closed scale: 91 starts Sangat Baik
    assert baris(e, "iku", "D.1")["Kategori"] == "Sangat Baik"
    e.kontrol["D.1"].realisasi.value = 90.99
    assert baris(e, "iku", "D.1")["Kategori"] == "Sangat Baik → Baik"
    e.reset()
    e.kontrol["D.4"].realisasi.value = "4/5"  # a level: 100 %
    assert baris(e, "iku", "D.4")["Kategori"] == "Cukup → Sangat Baik"
    assert "D.4" not in list(e.tabel["kebutuhan"]["Kode"])
    e.kontrol["D.3"].realisasi.value = "Sedang"  # a word: 2 / 3 = 66,67 %, Cukup (66 <= c < 76)
    assert baris(e, "iku", "D.3")["Kategori"] == "belum dapat diukur → Cukup"
    e.kontrol["D.5"].realisasi.value = 85  # inside the range: 100 %
    assert baris(e, "iku", "D.5")["Capaian Sesudah"] == "100,00 %"
    e.kontrol["D.1"].target.value = 120  # 95 / 120 = 79,17 %: Baik
    assert baris(e, "iku", "D.1")["Kategori"] == "Sangat Baik → Baik"


def test_another_unit_budget_change_flips_efficiency_by_difference(dinas):
    e = Eksplorasi(dinas, grafik=False)
    assert baris(e, "efisiensi", "D.1")["Status"] == "cukup efisien"  # 95 - 190.000 / 200.000 = 0 pp
    e.kontrol["D.1"].realisasi_anggaran.value = 150_000  # 95 - 75 = +20 pp > +5
    r = baris(e, "efisiensi", "D.1")
    assert (r["Capaian Anggaran"], r["Nilai Sesudah"], r["Status"]) == ("95,00 % → 75,00 %", "+20,00 pp", "cukup efisien → efisien")
    e.kontrol["D.1"].pagu.value = 100_000  # 95 - 150 = -55 pp
    assert baris(e, "efisiensi", "D.1")["Status"] == "cukup efisien → tidak efisien"


# ------------------------------------------------------------------------------ saving


def _berkas(folder):
    return {p.relative_to(folder): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@pytest.mark.parametrize("bentuk", ["batubara", "dinas"])
def test_the_saved_yaml_gives_the_same_study_through_lakip_skenario(bentuk, batubara, tmp_path, capsys):
    if bentuk == "batubara":
        unit, data, tahun = batubara, [], 2024
        ubah = {("IKU-7", "realisasi"): 78.31, ("IKU-1", "realisasi"): "Sedang", ("IKU-5", "target"): "8/9",
                ("IKU-2", "realisasi"): None, ("IKU-4", "pagu"): 2_000_000_000.5, ("IKU-3", "target"): 9.123456789}
    else:
        unit, tahun = buat_dinas(tmp_path / "data"), 2025
        data = ["--data", str(tmp_path / "data")]
        ubah = {("D.2", "realisasi"): 12, ("D.3", "realisasi"): "Tinggi", ("D.5", "target"): "75-85",
                ("D.4", "realisasi_anggaran"): None}
    e = Eksplorasi(unit, tahun, tulis_skenario=lambda u, t, p: tulis_skenario(u, t, p, out=tmp_path / "tombol"),
                   grafik=False)
    for (kode, kolom), nilai in ubah.items():
        getattr(e.kontrol[kode], kolom).value = nilai
    assert e.galat is None and len(e.perubahan()) == len(ubah)
    path = e.simpan_yaml(tmp_path / "skenario.yml")
    assert perubahan_dari_yaml(path.read_text(encoding="utf-8")) == e.perubahan()
    rc = main(["skenario", *data, "--entity", unit.slug, "--year", str(tahun), "--file", str(path),
               "--out", str(tmp_path / "cli")])
    assert rc == 0, capsys.readouterr().err
    cli = _berkas(tmp_path / "cli" / unit.slug / str(tahun) / "skenario")
    tombol = _berkas(e.tulis_folder())
    assert sorted(cli) == sorted(tombol) and len(cli) == 6
    for name, isi in cli.items():
        assert tombol[name] == isi, name
    import json

    ring = json.loads(cli[next(p for p in cli if p.name == "ringkasan.json")])
    assert ring["sesudah"]["capaian"]["rata_rata_iku"] == e.hasil["ringkasan"]["sesudah"]["capaian"]["rata_rata_iku"]


def test_an_empty_scenario_saves_and_reads_as_no_change(eks, tmp_path):
    path = eks.simpan_yaml(tmp_path / "a" / "kosong.yml")
    assert perubahan_dari_yaml(path.read_text(encoding="utf-8")) == []
    assert path.read_text(encoding="utf-8").startswith("# Skenario Sekretariat Daerah Kabupaten Batu Bara tahun 2024")


def test_the_buttons(batubara, tmp_path):
    ditulis = []
    e = Eksplorasi(batubara, 2024, tulis_teks=lambda p, t: ditulis.append((p, t)), berkas_yaml=tmp_path / "s.yml",
                   grafik=False)
    assert e.tombol["folder"].disabled  # no writer given
    e.kontrol["IKU-7"].realisasi.value = 80
    e.tombol["yaml"].click()
    assert ditulis == [(tmp_path / "s.yml", e.teks_yaml())] and "Skenario disimpan" in e._pesan.value
    e.tombol["reset"].click()
    assert e.perubahan() == []
    e._berkas.value = str(tmp_path / "bukan-folder" / "x.yml")
    (tmp_path / "bukan-folder").write_text("")
    e._tulis_teks = None
    e.tombol["yaml"].click()  # a file where the folder should be: a message, not a traceback
    assert "Gagal:" in e._pesan.value


def test_the_chart_is_drawn(batubara):
    e = Eksplorasi(batubara, 2024)
    awal = bytes(e._gambar.value)
    assert b"<svg" in awal[:400]
    e.kontrol["IKU-7"].realisasi.value = 80
    assert bytes(e._gambar.value) != awal


# ------------------------------------------------------------------------------ without ipywidgets


def test_without_ipywidgets_the_module_imports_and_says_how_to_install(batubara, monkeypatch):
    code = ("import sys; sys.modules['ipywidgets'] = None; "
            "import lakip.report.eksplorasi as e; print(e.kelas_iku('IKU-7'))")
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert res.returncode == 0 and res.stdout.strip() == "lakip-iku-iku-7", res.stderr
    monkeypatch.setitem(sys.modules, "ipywidgets", None)
    with pytest.raises(ImportError, match=r"pip install -e '\.\[eksplorasi\]'"):
        Eksplorasi(batubara, 2024)


def test_in_a_kernel_the_chart_follows_the_tables_once_for_several_changes(batubara):
    """With an event loop running (a kernel): the tables at once, the chart just after, drawn once."""
    import asyncio

    e = Eksplorasi(batubara, 2024)
    awal = bytes(e._gambar.value)
    gambar = []
    asli = e._gambar_grafik
    e._gambar_grafik = lambda: gambar.append(1) or asli()

    async def ubah():
        e.kontrol["IKU-7"].realisasi.value = 80
        e.kontrol["IKU-2"].realisasi.value = 90
        assert "Rata-rata capaian IKU: 97,28 %" in rata(e)  # (90 + IKU-3..6 + 80 / 87 x 100) / 6: tables at once
        assert bytes(e._gambar.value) == awal and gambar == []
        await asyncio.sleep(0)

    asyncio.run(ubah())
    assert gambar == [1] and bytes(e._gambar.value) != awal


def test_the_saved_yaml_says_how_to_run_it_for_a_unit_in_another_data_folder(dinas, tmp_path, capsys):
    """User trial: the header's command lacked --data, so for a user's own unit it failed as written."""
    e = Eksplorasi(dinas, 2025, grafik=False)
    e.kontrol["D.1"].realisasi.value = 95
    baris_jalankan = e.teks_yaml().splitlines()[1]
    data = dinas.folder.parent
    assert baris_jalankan == f"# Jalankan: lakip skenario --data {data} --entity dinas-uji --year 2025 --file BERKAS.yml"
    berkas = tmp_path / "s.yml"
    e.simpan_yaml(berkas)
    argv = baris_jalankan.removeprefix("# Jalankan: lakip ").split()
    argv[argv.index("BERKAS.yml")] = str(berkas)
    assert main([*argv, "--out", str(tmp_path / "out")]) == 0


def test_lakip_eksplorasi_hands_out_to_the_page(monkeypatch):
    import lakip.app.eksplorasi as app_eks

    seen = {}
    monkeypatch.setattr(app_eks, "sajikan", lambda *a, **kw: seen.update(kw) or 0)
    assert main(["eksplorasi", "--out", "/tmp/skenario-saya"]) == 0
    assert seen["out"] == "/tmp/skenario-saya"
