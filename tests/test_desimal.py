"""Tables for people show a target or realisasi with the decimals the data gives it (#16):
``82,5`` stays ``82,5`` (not 82,50), ``9`` stays ``9``, ``9,70`` stays ``9,70``; capaian keep two."""

import re
import shutil

import pytest

from lakip.core.numbers import desimal_tertulis, format_tertulis, parse_angka
from lakip.core.paths import DATA_DIR


@pytest.mark.parametrize(("teks", "keluar"), [
    # kinerja.csv of Batu Bara, as written
    ("9,70", "9,70"), ("9,5", "9,5"), ("9,92", "9,92"), ("148,29", "148,29"), ("100", "100"), ("85,83", "85,83"),
    ("66,35", "66,35"), ("70", "70"),
    # as other reports write them
    ("82,5", "82,5"), ("66,67", "66,67"), ("9", "9"), ("85.83", "85,83"), ("1.084", "1.084"), ("0,050", "0,050"),
    ("64.440.768.486,00", "64.440.768.486,00"), ("Rp 3.383.329.611,-", "3.383.329.611"), ("85,83 %", "85,83"),
    ("-2,10", "-2,10"),
])
def test_a_value_keeps_the_decimals_its_text_has(teks, keluar):
    x = parse_angka(teks)
    assert format_tertulis(x, teks) == keluar
    assert desimal_tertulis(x, teks) == (len(keluar.split(",")[1]) if "," in keluar else 0)


@pytest.mark.parametrize(("x", "keluar"), [(82.5, "82,5"), (9.0, "9"), (66.67, "66,67"), (9.7, "9,7"), (0.1 + 0.2, "0,3"),
                                           (1234.5, "1.234,5"), (64440768486.0, "64.440.768.486"), (-7.275, "-7,275")])
def test_without_its_text_a_value_takes_its_shortest_form(x, keluar):
    assert format_tertulis(x) == keluar


def test_missing_and_a_text_that_is_not_the_value():
    assert format_tertulis(None) == "N/A" and format_tertulis(float("nan"), kosong="-") == "-"
    assert desimal_tertulis(float("nan")) == 0
    assert format_tertulis(9.7, "N/A") == "9,7"  # the text is not the number: the number's own form
    assert format_tertulis(9.7, "9,80") == "9,7"


def test_the_tables_of_batu_bara_keep_the_data_decimals():
    from lakip import muat
    from lakip.core.tables import analisis
    from lakip.report import display

    unit = muat(None, "setda-batubara")
    a = analisis(unit, 2024)
    t = display.tampil_capaian_iku(a.capaian_iku).set_index("Kode")
    assert (t.at["IKU-3", "Target"], t.at["IKU-3", "Realisasi"]) == ("9,70", "9,92")
    assert (t.at["IKU-2", "Target"], t.at["IKU-2", "Realisasi"]) == ("100", "85,83")
    assert (t.at["IKU-5", "Target"], t.at["IKU-1", "Target"]) == ("9/9", "Tinggi")
    assert all(re.fullmatch(r"\d+,\d\d %|N/A", c) for c in t["Capaian"])  # capaian: two decimals
    p = display.tampil_perbandingan(a.perbandingan, unit.indikator).set_index("Kode")
    assert (p.at["IKU-3", "Target 2022"], p.at["IKU-3", "Target 2023"], p.at["IKU-3", "Target 2024"]) == ("9,5", "9,6", "9,70")
    # the CSV files of a run keep their columns
    assert "target_desimal" in a.capaian_iku and "target_desimal" in a.perbandingan


def test_a_target_of_82_5_is_82_5_in_word_html_and_narasi(tmp_path):
    from docx import Document

    from lakip import muat
    from lakip.core.tables import analisis
    from lakip.report import narasi
    from lakip.report.charts import SumberGrafik
    from lakip.report.html import siapkan_html
    from lakip.report.hasil import Hasil
    from lakip.report.word import docx

    shutil.copytree(DATA_DIR / "setda-batubara", tmp_path / "u")
    path = tmp_path / "u" / "kinerja.csv"
    teks = path.read_text(encoding="utf-8")
    path.write_text(teks.replace('IKU-6,2024,86,"86,28"', 'IKU-6,2024,"82,5","66,67"'), encoding="utf-8")
    unit = muat(tmp_path, "u")
    a = analisis(unit, 2024)
    kal = narasi.paragraf_sasaran(a)
    sas = unit.indikator.set_index("kode").at["IKU-6", "sasaran_kode"]
    assert "dari realisasi 66,67 terhadap target 82,5 " in kal[sas]
    assert "82,50" not in kal[sas]
    import io

    doc = Document(io.BytesIO(docx(a)))
    sel = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    assert "82,5" in sel and "66,67" in sel and "82,50" not in sel
    assert "9,70" in sel and "9,5" in sel  # IKU-3: 2024 as written, 2022 as written
    grafik = SumberGrafik()
    isi = siapkan_html(Hasil.dari(unit, 2024), grafik)
    grafik.selesaikan()
    html = isi()
    assert ">82,5<" in html and ">82,50<" not in html
