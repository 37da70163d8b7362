"""The cap on each IKU's capaian (``pilihan.batas_capaian_iku``, issue 16) and inclusive scales (``mulai``).

A Bidang unit built from a copy of Batu Bara: ``batas_capaian_iku: 100`` and the scale
91 Sangat Baik / 76 Baik / 66 Cukup / 51 Kurang / Sangat Kurang with inclusive lower
bounds. Its 2024 values are chosen so that floating-point division lands a hair below
a bound or the cap matters (hand-computed):

- IKU-2 naik 85,83 / 100 = 85,83 -> Baik;
- IKU-3 naik 8,19 / 9 x 100 = 91 (90.99999999999999 when divided first): Sangat Baik;
- IKU-4 naik 3,3 / 5 x 100 = 66 -> Cukup (not Kurang);
- IKU-5 level 9/9 = 100 -> Sangat Baik;
- IKU-6 turun (2 x 1,5 - 1,86) / 1,5 x 100 = 76 (75.99999999999999 in binary) -> Baik (not Cukup);
- IKU-7 turun (2 x 31 - 28) / 31 x 100 = 109,677... -> capped to 100, Sangat Baik;
- IKU-1 N/A: belum dapat diukur.

Means (capped): IKU (85,83 + 91 + 66 + 100 + 76 + 100) / 6 = 518,83 / 6 = 86,471666...;
sasaran SS-2 85,83, SS-3 (91 + 66) / 2 = 78,5, SS-4 100, SS-5 76, SS-6 100: 440,33 / 5 = 88,066.
Without the cap IKU-7 would bring 109,677... and the IKU mean would be 88,0846...
"""

import re
import shutil
from pathlib import Path

import docx
import numpy as np
import openpyxl
import pandas as pd
import pytest

from bantu import lakip, read_csv
from lakip import analysis, display, whatif
from lakip.app.laporan import tulis_docx, tulis_html, tulis_xlsx
from lakip.app.run import tulis_tabel
from lakip.core import scoring
from lakip.core.config import SKALA_BAKU, SKALA_PRESET, Pilihan, Skala
from lakip.core.paths import DATA_DIR
from lakip.core.rollup import tabel_capaian_iku as tabel_kabupaten
from lakip.data.load import muat
from lakip.report import metode, narasi
from lakip.report.display import angka_skala
from lakip.report.hasil import Hasil

NBSP = "\u00a0"

ENTITAS = """\
nama: Dinas Uji Kabupaten Batu Bara
pemda: Kabupaten Batu Bara
unit_kerja: Bidang
pilihan:
  batas_capaian_iku: {batas}
  skala: {skala}
"""

SKALA_MULAI = """
    - {kategori: Sangat Baik, mulai: 91}
    - {kategori: Baik, mulai: 76}
    - {kategori: Cukup, mulai: 66}
    - {kategori: Kurang, mulai: 51}
    - {kategori: Sangat Kurang}"""

#: 2024 target and realisasi of the IKU the tests change, as kinerja.csv writes them.
KINERJA_2024 = {"IKU-3": '"9","8,19"', "IKU-4": '"5","3,3"', "IKU-6": '"1,5","1,86"', "IKU-7": "31,28"}


def buat_unit(root: Path, batas="100", skala=SKALA_MULAI, slug="dinas-uji") -> Path:
    """A copy of Batu Bara as ``root/slug``: IKU-6 and IKU-7 turun, the 2024 values above, the cap and scale given."""
    dst = root / slug
    shutil.copytree(DATA_DIR / "setda-batubara", dst)
    (dst / "entitas.yml").write_text(ENTITAS.format(batas=batas, skala=skala), encoding="utf-8")
    ind = dst / "indikator.csv"
    ind.write_text("".join(re.sub(r",naik,angka,", ",turun,angka,", ln, count=1) if ln.startswith(("IKU-6,", "IKU-7,"))
                           else ln for ln in ind.read_text(encoding="utf-8").splitlines(keepends=True)), encoding="utf-8")
    kin = dst / "kinerja.csv"
    lines = []
    for ln in kin.read_text(encoding="utf-8").splitlines(keepends=True):
        kode, tahun = ln.split(",")[:2]
        lines.append(f"{kode},2024,{KINERJA_2024[kode]}\n" if tahun == "2024" and kode in KINERJA_2024 else ln)
    kin.write_text("".join(lines), encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def data_uji(tmp_path_factory):
    return buat_unit(tmp_path_factory.mktemp("batas"))


@pytest.fixture(scope="module")
def unit(data_uji):
    return muat(data_uji, "dinas-uji")


@pytest.fixture(scope="module")
def iku(unit):
    return analysis.tabel_capaian_iku(unit, 2024).set_index("kode")


def teks(s: str) -> str:
    return s.replace(NBSP, " ")


# --------------------------------------------------------------------------- the rule, in core


def test_batasi_iku_caps_only_when_set_and_keeps_missing_values():
    p = Pilihan(batas_capaian_iku=100)
    s = pd.Series([109.68, 99.5, np.nan, 100.0])
    assert scoring.batasi_iku(s, p).tolist()[:2] == [100.0, 99.5]
    assert np.isnan(scoring.batasi_iku(s, p)[2]) and scoring.batasi_iku(s, p)[3] == 100.0
    assert scoring.batasi_iku(np.array([150.0, 80.0]), Pilihan(batas_capaian_iku=120)).tolist() == [120.0, 80.0]
    assert scoring.batasi_iku(109.68, p) == 100.0
    assert scoring.batasi_iku(None, p) is None
    assert scoring.batasi_iku(s, Pilihan()) is s  # no cap: the very values
    # the cap a mean takes: the lower of the two caps
    assert scoring.batas_rata_rata(Pilihan()) is None
    assert scoring.batas_rata_rata(Pilihan(batas_capaian=120, batas_capaian_iku=100)) == 100.0
    assert scoring.batas_rata_rata(Pilihan(batas_capaian=100, batas_capaian_iku=120)) == 100.0
    assert scoring.batas_rata_rata(Pilihan(batas_capaian=120)) == 120.0


def _satu(polaritas, target, realisasi, pilihan):
    df = pd.DataFrame({"polaritas": [polaritas], "jenis": ["angka"], "target_nilai": [target], "target_bawah": [np.nan],
                       "target_atas": [np.nan], "realisasi_nilai": [realisasi]})
    return scoring.skor(df, pilihan).iloc[0]


@pytest.mark.parametrize("polaritas, target, realisasi, kategori", [
    ("naik", 9.0, 8.19, "Sangat Baik"),   # 8,19 / 9 x 100 = 91: the first value of Sangat Baik
    ("naik", 5.0, 3.3, "Cukup"),          # 3,3 / 5 x 100 = 66
    ("turun", 1.5, 1.86, "Baik"),         # (3 - 1,86) / 1,5 x 100 = 75.99999999999999 in binary: 76
    ("naik", 100.0, 50.99, "Sangat Kurang"),
    ("naik", 100.0, 51.0, "Kurang"),
    ("naik", 100.0, 90.99, "Baik"),       # in a printed gap (90,99 between 76-90 and 91-100): the class it passes
])
def test_inclusive_bounds_hold_against_floating_point_noise(polaritas, target, realisasi, kategori):
    r = _satu(polaritas, target, realisasi, Pilihan(skala=SKALA_PRESET["baik_kurang"], batas_capaian_iku=100))
    assert r["kategori"] == kategori


def test_the_turun_boundary_value_is_below_76_in_binary_and_still_baik():
    r = _satu("turun", 1.5, 1.86, Pilihan(skala=SKALA_PRESET["baik_kurang"]))
    assert r["capaian"] < 76 and r["capaian"] == pytest.approx(76, abs=1e-12) and r["kategori"] == "Baik"
    assert "capaian_tanpa_batas" not in r.index  # no cap, no column


def test_skor_caps_before_the_kategori():
    # a scale whose top class lies above 100: 109,68 would be in it, capped at 100 it is not
    skala = Skala(("Melampaui", "Tercapai"), (100.0,))
    bebas = _satu("turun", 31.0, 28.0, Pilihan(skala=skala))
    batas = _satu("turun", 31.0, 28.0, Pilihan(skala=skala, batas_capaian_iku=100))
    assert bebas["kategori"] == "Melampaui" and bebas["capaian"] == pytest.approx(3400 / 31)
    assert batas["kategori"] == "Tercapai" and batas["capaian"] == 100.0
    assert batas["capaian_tanpa_batas"] == pytest.approx(109.6774193548387)
    assert _satu("naik", 100.0, 150.0, Pilihan(batas_capaian_iku=120))["capaian"] == 120.0


# --------------------------------------------------------------------------- the unit with the cap


def test_capaian_iku_is_capped_with_the_value_before_the_cap(iku):
    cols = list(iku.reset_index().columns)
    assert cols[cols.index("capaian") + 1] == "capaian_tanpa_batas"
    assert iku.loc["IKU-7", "capaian"] == 100.0
    assert iku.loc["IKU-7", "capaian_tanpa_batas"] == pytest.approx(109.68, abs=0.005)
    assert iku.loc["IKU-7", "capaian_tanpa_batas"] == pytest.approx(3400 / 31, rel=1e-15)
    assert iku.loc["IKU-7", "kategori"] == "Sangat Baik"
    expect = {"IKU-2": (85.83, "Baik"), "IKU-3": (91.0, "Sangat Baik"), "IKU-4": (66.0, "Cukup"),
              "IKU-5": (100.0, "Sangat Baik"), "IKU-6": (76.0, "Baik")}
    for kode, (cap, kat) in expect.items():
        assert iku.loc[kode, "capaian"] == pytest.approx(cap, abs=1e-9), kode
        assert iku.loc[kode, "kategori"] == kat, kode
        assert iku.loc[kode, "capaian_tanpa_batas"] == iku.loc[kode, "capaian"], kode  # under the cap: the same
    assert np.isnan(iku.loc["IKU-1", "capaian"]) and np.isnan(iku.loc["IKU-1", "capaian_tanpa_batas"])


def test_the_means_and_the_distribution_take_the_capped_capaian(unit):
    r = analysis.ringkasan(unit, 2024)
    assert r["capaian"]["rata_rata_iku"] == pytest.approx(518.83 / 6, rel=1e-12)  # 86,47; uncapped it would be 88,08
    assert r["capaian"]["rata_rata_sasaran"] == pytest.approx(440.33 / 5, rel=1e-12)
    assert r["pilihan"]["batas_capaian_iku"] == 100.0 and r["pilihan"]["skala_nama"] is None
    sas = analysis.tabel_capaian_sasaran(unit, 2024).set_index("sasaran_kode")
    assert sas.loc["SS-6", "capaian"] == 100.0 and sas.loc["SS-3", "capaian"] == pytest.approx(78.5)
    assert sas.loc["SS-5", "kategori"] == "Baik"
    dist = {d["kategori"]: d["jumlah"] for d in r["distribusi"]}
    assert dist == {"Sangat Baik": 3, "Baik": 2, "Cukup": 1, "Kurang": 0, "Sangat Kurang": 0, "belum dapat diukur": 1}
    per = analysis.tabel_perbandingan(unit, 2024)
    assert per[(per["kode"] == "IKU-7") & (per["tahun"] == 2024)]["capaian"].item() == 100.0


def test_a_unit_without_the_cap_has_no_extra_column():
    u = muat()
    assert "capaian_tanpa_batas" not in analysis.tabel_capaian_iku(u, 2024).columns
    assert "capaian_tanpa_batas" not in analysis.analisis(u, 2024).skor.columns


def test_capaian_iku_csv_gets_the_column(unit, tmp_path):
    tulis_tabel(Hasil.dari(unit, 2024), tmp_path)
    rows = {r["kode"]: r for r in read_csv(tmp_path / "capaian_iku.csv")}
    header = (tmp_path / "capaian_iku.csv").read_text(encoding="utf-8").splitlines()[0].split(",")
    assert header[header.index("capaian") + 1] == "capaian_tanpa_batas"
    assert float(rows["IKU-7"]["capaian"]) == 100.0
    assert float(rows["IKU-7"]["capaian_tanpa_batas"]) == pytest.approx(109.6774193548387)
    assert rows["IKU-1"]["capaian_tanpa_batas"] == ""


def test_the_kabupaten_table_carries_the_column_when_a_unit_caps(unit):
    t = tabel_kabupaten([muat(), unit], 2024)
    cols = list(t.columns)
    assert cols[cols.index("capaian") + 1] == "capaian_tanpa_batas"
    bb = t[t["entitas"] == "setda-batubara"]
    assert (bb["capaian_tanpa_batas"].fillna(-1) == bb["capaian"].fillna(-1)).all()
    uji = t[(t["entitas"] == "dinas-uji") & (t["kode"] == "IKU-7")].iloc[0]
    assert uji["capaian"] == 100.0 and uji["capaian_tanpa_batas"] == pytest.approx(3400 / 31)
    assert "capaian_tanpa_batas" not in tabel_kabupaten([muat()], 2024).columns


def test_the_run_writes_the_column(data_uji, tmp_path):
    res = lakip("run", "--data", str(data_uji), "--entity", "dinas-uji", "--year", "2024", "--tabel-saja",
                "--out", str(tmp_path))
    assert res.returncode == 0, res.stderr
    rows = {r["kode"]: r for r in read_csv(tmp_path / "dinas-uji" / "2024" / "tabel" / "capaian_iku.csv")}
    assert rows["IKU-7"]["capaian"] == "100.0" and rows["IKU-6"]["kategori"] == "Baik"


# --------------------------------------------------------------------------- what an IKU needs


def test_kebutuhan_on_an_inclusive_scale_uses_the_bound_itself(unit):
    k = whatif.kebutuhan(unit, 2024).set_index(["kode", "kategori"])
    top = k.loc[("IKU-3", "Sangat Baik")]
    assert (top["syarat"], top["realisasi_batas"], bool(top["tercapai"])) == (">=", pytest.approx(8.19), True)
    assert top["keterangan"] == "realisasi paling rendah 8,19"
    cukup = k.loc[("IKU-4", "Cukup")]
    assert (cukup["syarat"], cukup["realisasi_batas"], bool(cukup["tercapai"])) == (">=", pytest.approx(3.3), True)
    assert not k.loc[("IKU-4", "Baik"), "tercapai"] and k.loc[("IKU-4", "Baik"), "realisasi_batas"] == pytest.approx(3.8)
    baik = k.loc[("IKU-6", "Baik")]  # turun: 1,5 x (200 - 76) / 100 = 1,86, at most
    assert (baik["syarat"], baik["realisasi_batas"], bool(baik["tercapai"])) == ("<=", pytest.approx(1.86), True)
    sb = k.loc[("IKU-6", "Sangat Baik")]  # 1,5 x (200 - 91) / 100 = 1,635
    assert (sb["syarat"], sb["realisasi_batas"], bool(sb["tercapai"])) == ("<=", pytest.approx(1.635), False)
    assert k.loc[("IKU-5", "Sangat Baik"), "realisasi_batas"] == "9/9"


def test_kebutuhan_boundaries_reach_the_class_by_skala_masuk(unit):
    """Every number boundary, scored back: it reaches its class (inclusive), a step beyond it does not."""
    skala = unit.pilihan.skala
    info = unit.indikator.set_index("kode")
    rows = whatif.kebutuhan(unit, 2024)
    rows = rows[rows["syarat"].isin([">=", "<="]) & (rows["jenis"] == "angka")]
    assert len(rows) >= 12
    for _, r in rows.iterrows():
        i = skala.label.index(r["kategori"])
        t = float(r["target"])
        pol = info.loc[r["kode"], "polaritas"]
        x = float(r["realisasi_batas"])
        langkah = 1e-6 * t * (1 if r["syarat"] == "<=" else -1)
        assert skala.masuk(_satu(pol, t, x, unit.pilihan)["capaian"], i), (r["kode"], r["kategori"])
        assert not skala.masuk(_satu(pol, t, x + langkah, unit.pilihan)["capaian"], i), (r["kode"], r["kategori"])


def test_kebutuhan_says_a_class_above_the_cap_cannot_be_reached(tmp_path):
    skala = "\n    - {kategori: Melampaui, di_atas: 100}\n    - {kategori: Tercapai}"
    u = muat(buat_unit(tmp_path, skala=skala), "dinas-uji")
    assert analysis.tabel_capaian_iku(u, 2024).set_index("kode").loc["IKU-7", "kategori"] == "Tercapai"
    k = whatif.kebutuhan(u, 2024).set_index(["kode", "kategori"]).loc[("IKU-7", "Melampaui")]
    assert k["syarat"] == "" and k["keterangan"] == "tidak dapat dicapai: capaian setiap IKU dibatasi paling tinggi 100 %"
    shown = display.tampil_kebutuhan(whatif.kebutuhan(u, 2024), u.pilihan.skala)
    assert set(shown["Realisasi yang Dibutuhkan"]) == {"tidak dapat dicapai"}
    assert set(shown["Capaian"]) == {"> 100,00 %"}


def test_kebutuhan_rata_rata_names_the_cap_of_each_iku(unit):
    t = whatif.kebutuhan_rata_rata(unit, 2024, 95).set_index("kode")
    # 95 x 7 - 518,83 = 146,17 for IKU-1: above what one capped IKU can bring
    assert t.loc["IKU-1", "capaian_perlu"] == pytest.approx(95 * 7 - 518.83)
    assert t.loc["IKU-1", "keterangan"] == ("tidak dapat dicapai: capaian IKU-1 harus 146,17 %, di atas batas capaian "
                                            "setiap IKU 100 %")
    assert whatif.realisasi_untuk_rata_rata(unit, 2024, "IKU-4", 95) is None
    # a mean within reach: IKU-4 at capaian 100 - 13,17 ... the realisasi is 5 x c / 100
    need = 88 * 6 - (518.83 - 66)
    assert whatif.realisasi_untuk_rata_rata(unit, 2024, "IKU-4", 88) == pytest.approx(5 * need / 100)


def test_tampil_kebutuhan_prints_the_scale_sign(unit):
    k = whatif.kebutuhan(unit, 2024)
    shown = display.tampil_kebutuhan(k, unit.pilihan.skala).set_index(["Kode", "Kategori"])
    assert shown.loc[("IKU-3", "Sangat Baik"), "Capaian"] == "≥ 91,00 %"
    assert shown.loc[("IKU-3", "Sangat Baik"), "Realisasi yang Dibutuhkan"] == "paling rendah 8,19"
    assert shown.loc[("IKU-6", "Baik"), "Realisasi yang Dibutuhkan"] == "paling tinggi 1,86"
    assert display.tampil_kebutuhan(k)["Capaian"].iloc[0] == "> 91,00 %"  # without the scale: the di_atas sign


# --------------------------------------------------------------------------- the reports


def test_skala_interval_in_each_form():
    assert SKALA_PRESET["baik_kurang"].interval(angka_skala) == (
        "≥ 91", "≥ 76 dan < 91", "≥ 66 dan < 76", "≥ 51 dan < 66", "< 51")
    assert SKALA_BAKU.interval(angka_skala) == ("> 90", "> 75 dan ≤ 90", "> 65 dan ≤ 75", "> 50 dan ≤ 65", "≤ 50")
    assert Skala(("A", "B"), (90.5,), inklusif=True).interval(angka_skala) == ("≥ 90,50", "< 90,50")
    assert SKALA_PRESET["baik_kurang"].tanda == "≥" and SKALA_BAKU.tanda == ">"


def test_narasi_states_the_cap_only_when_set():
    tanpa = metode.teks_metode(Pilihan())
    assert "Capaian tidak dibatasi, juga dalam rata-rata." in tanpa and "setiap IKU" not in tanpa
    assert metode.teks_batas_iku(Pilihan()) is None
    dengan = metode.teks_metode(Pilihan(batas_capaian_iku=100))
    kalimat = ("Capaian setiap IKU dibatasi paling tinggi 100 %: capaian yang lebih tinggi ditampilkan, diberi "
               "kategori dan dihitung dalam rata-rata sebagai 100 %.")
    assert teks(dengan).count(kalimat) == 1 and "tidak dibatasi" not in dengan and "Dalam rata-rata" not in dengan
    # a lower cap on the means is said too; a higher one is not (the IKU cap already holds)
    assert "Dalam rata-rata, capaian dibatasi paling tinggi 100 %." in teks(
        metode.teks_metode(Pilihan(batas_capaian_iku=120, batas_capaian=100)))
    assert "Dalam rata-rata" not in metode.teks_metode(Pilihan(batas_capaian_iku=100, batas_capaian=120))
    assert teks(metode.teks_batas_iku(Pilihan(batas_capaian_iku=120), singkat=True)) == (
        "capaian setiap IKU dibatasi paling tinggi 120 %")


def test_catatan_skala_in_each_form():
    assert teks(metode.catatan_skala(Pilihan())) == ("pilihan skala unit (entitas.yml); batas bawah setiap kelas tidak "
                                                     "termasuk, capaian di atas 100 % tetap pada kelas tertinggi.")
    assert teks(metode.catatan_skala(Pilihan(skala=SKALA_PRESET["baik_kurang"], batas_capaian_iku=100))) == (
        "pilihan skala unit (entitas.yml); batas bawah setiap kelas termasuk dalam kelas itu, capaian setiap IKU "
        "dibatasi paling tinggi 100 % sebelum kategori ditentukan.")
    assert teks(metode.catatan_skala(Pilihan(batas_capaian_iku=120))).endswith(
        "capaian setiap IKU dibatasi paling tinggi 120 % sebelum kategori ditentukan, capaian di atas 100 % tetap "
        "pada kelas tertinggi.")


def test_paragraf_iku_gives_the_capaian_before_the_cap():
    p = teks(narasi.paragraf_iku("Indeks Uji", 2024, 100.0, "Sangat Baik", 31, 28, kode="IKU-7", ada_lalu=False,
                                 capaian_tanpa_batas=3400 / 31))
    assert p.startswith("Capaian indikator Indeks Uji (IKU-7) tahun 2024 sebesar 100,00 % (capaian 109,68 % dibatasi "
                        "paling tinggi 100 %) dengan kategori Sangat Baik, dari realisasi 28 terhadap target 31")
    assert "(melampaui target)" in p
    biasa = teks(narasi.paragraf_iku("Indeks Uji", 2024, 91.0, "Sangat Baik", 9, 8.19, ada_lalu=False,
                                     capaian_tanpa_batas=91.0))
    assert "dibatasi" not in biasa and "(melampaui target)" not in biasa


@pytest.fixture(scope="module")
def dok(unit, tmp_path_factory):
    return docx.Document(tulis_docx(unit, 2024, tmp_path_factory.mktemp("docx"), None))


def test_word_scale_table_in_the_scales_own_form(dok):
    tabel_skala = next(t for t in dok.tables if teks(t.rows[0].cells[1].text) == "Interval Capaian (%)")
    rows = [[teks(c.text) for c in r.cells] for r in tabel_skala.rows[1:]]
    assert rows == [["1", "≥ 91", "Sangat Baik"], ["2", "≥ 76 dan < 91", "Baik"], ["3", "≥ 66 dan < 76", "Cukup"],
                    ["4", "≥ 51 dan < 66", "Kurang"], ["5", "< 51", "Sangat Kurang"]]
    paras = [teks(p.text) for p in dok.paragraphs]
    assert any("batas bawah setiap kelas termasuk dalam kelas itu, capaian setiap IKU dibatasi paling tinggi 100 % "
               "sebelum kategori ditentukan." in p for p in paras)
    assert any("Capaian setiap IKU dibatasi paling tinggi 100 %: capaian yang lebih tinggi ditampilkan" in p for p in paras)
    assert not any("Capaian tidak dibatasi" in p for p in paras)
    assert any("N/A: realisasi belum tersedia; capaian setiap IKU dibatasi paling tinggi 100 %." in p for p in paras)
    assert any("(capaian 109,68 % dibatasi paling tinggi 100 %)" in p for p in paras)


def test_word_capaian_table_shows_the_capped_value(dok):
    tabel_iku = next(t for t in dok.tables if [teks(c.text) for c in t.rows[0].cells][:3] == ["No", "Kode",
                                                                                           "Indikator Kinerja Utama"])
    rows = {teks(r.cells[1].text): [teks(c.text) for c in r.cells] for r in tabel_iku.rows[1:]}
    assert rows["IKU-7"][6:] == ["100,00 %", "Sangat Baik"]
    assert rows["IKU-6"][6:] == ["76,00 %", "Baik"]
    assert rows["IKU-3"][6:] == ["91,00 %", "Sangat Baik"]
    assert rows["IKU-4"][6:] == ["66,00 %", "Cukup"]


def test_excel_capaian_formula_is_capped(unit, tmp_path):
    ws = openpyxl.load_workbook(tulis_xlsx(unit, 2024, tmp_path))["Capaian IKU"]
    assert ws.cell(3, 12).value == "Capaian tanpa batas (%)"
    baris = {ws.cell(r, 2).value: r for r in range(4, ws.max_row + 1)}
    r3, r7 = baris["IKU-3"], baris["IKU-7"]
    assert ws.cell(r3, 9).value == f"=MIN(G{r3}/F{r3}*100,100)"
    assert ws.cell(r7, 9).value == f"=MIN(MAX((2*F{r7}-G{r7})/F{r7}*100,0),100)"
    assert ws.cell(r7, 8).value == 100.0 and ws.cell(r7, 12).value == pytest.approx(3400 / 31)
    assert ws.cell(r7, 10).value == "Sangat Baik"
    assert ws.cell(baris["IKU-1"], 12).value is None


def test_excel_without_the_cap_is_as_before(tmp_path):
    ws = openpyxl.load_workbook(tulis_xlsx(muat(), 2024, tmp_path))["Capaian IKU"]
    assert ws.max_column == 11  # (before ws.cell(3, 12), which would make the cell)
    baris = {ws.cell(r, 2).value: r for r in range(4, ws.max_row + 1)}
    r = baris["IKU-2"]
    assert ws.cell(r, 9).value == f"=G{r}/F{r}*100"


def test_html_states_the_cap(unit, tmp_path):
    page = teks(tulis_html(unit, 2024, tmp_path, None).read_text(encoding="utf-8"))
    assert "Capaian setiap IKU dibatasi paling tinggi 100 %: capaian yang lebih tinggi ditampilkan" in page
    assert "dibatasi paling tinggi" not in teks(tulis_html(muat(), 2024, tmp_path / "bb", None).read_text(encoding="utf-8"))
