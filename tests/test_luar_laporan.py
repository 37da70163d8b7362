"""The IKM and the AKIP in notebook 01 and in Bab III of the reports (#17), on the hand-computed unit of
tests/test_ikm_lke_unit.py (2024: 10 respondents, IKM 88,245 = B under 0,111, 88,333 = A under rata; LKE
2024 90,00 A, 2023 90,01 AA, 2022 70,00 B). A unit without the files gets none of it.
"""

import io
import re

import pytest
from docx import Document

from lakip.core.tables import analisis
from lakip.data.load import muat
from lakip.report import display_luar as dl, html, word
from lakip.report.charts import SumberGrafik, grafik_akip, grafik_nrr
from lakip.report.hasil import Hasil
from test_ikm_lke_unit import buat

TANPA_SUMBER = [("indikator.csv", ",survei_ikm\n", ",\n"), ("indikator.csv", ",lke\n", ",\n"),
                ("indikator.csv", ",lke:Pelaporan Kinerja\n", ",\n"),
                ("kinerja.csv", "B1,2023,85,", "B1,2023,85,90"), ("kinerja.csv", "B1,2024,85,", "B1,2024,85,90"),
                ("kinerja.csv", "B2,2023,80,", "B2,2023,80,85"), ("kinerja.csv", "B2,2024,80,", "B2,2024,80,85"),
                ("kinerja.csv", 'B3,2023,"12,00",', 'B3,2023,"12,00",12'),
                ("kinerja.csv", 'B3,2024,"12,00",', 'B3,2024,"12,00",12')]


@pytest.fixture
def a(tmp_path):
    return analisis(buat(tmp_path), 2024)


def test_the_ikm_table_per_unsur_with_its_sum_and_mutu(a):
    t = dl.tampil_ikm(a.ikm, a.bobot_ikm)
    assert list(t.columns) == ["No", "Unsur Pelayanan", "NRR", "NRR Tertimbang", "Mutu"]
    assert list(t.iloc[0]) == ["1", "U1 Persyaratan", "3,000", "0,333", "C"]  # 3 x 0,111
    assert list(t.iloc[1][2:]) == ["3,600", "0,400", "A"]  # 3,6 x 0,111 = 0,3996
    assert list(t.iloc[9]) == ["", "Jumlah NRR tertimbang (bobot 0,111 per unsur; dari nilai yang tidak dibulatkan)", "", "3,530", ""]  # 31,8 x 0,111
    assert list(t.iloc[10]) == ["", "IKM (jumlah NRR tertimbang x 25)", "", "88,25", "B (Baik)"]  # 88,245 < 88,31


def test_the_ikm_table_under_rata_names_the_exact_ninth(tmp_path):
    a = analisis(buat(tmp_path, entitas="nama: Unit IKM\npilihan:\n  bobot_ikm: rata\n"), 2024)
    t = dl.tampil_ikm(a.ikm, a.bobot_ikm)
    assert t.iloc[9, 1] == "Jumlah NRR tertimbang (bobot 1/9 per unsur; dari nilai yang tidak dibulatkan)" and t.iloc[9, 3] == "3,533"  # 31,8 / 9
    assert list(t.iloc[10][3:]) == ["88,33", "A (Sangat Baik)"]


def test_the_ikm_per_service_and_per_year(a):
    lay = dl.tampil_ikm_layanan(a.ikm_layanan)
    assert [list(r) for r in lay.itertuples(index=False)] == [
        ["1", "KK", "6", "97,13", "A", "Sangat Baik"], ["2", "KTP", "4", "74,93", "C", "Kurang Baik"]]
    th = dl.tampil_ikm_tahunan(a.ikm_tahunan, 2024)
    assert [list(r)[1:4] for r in th.itertuples(index=False)] == [["2022", "5", "64,94"], ["2023", "2", "99,90"],
                                                                  ["2024", "10", "88,25"]]
    assert list(dl.tampil_ikm_tahunan(a.ikm_tahunan, 2023)["Tahun"]) == ["2022", "2023"]


def test_the_akip_table_with_sub_components_and_predikat(a):
    t = dl.tampil_akip(a.akip)
    rows = [list(r) for r in t.itertuples(index=False)]
    assert rows[0] == ["1", "Perencanaan Kinerja", "30,00", "27,50", "91,67", "-0,01", ""]  # 27,51 in 2023
    assert rows[2] == ["3", "Pelaporan Kinerja", "15,00", "12,50", "83,33", "0,00", ""]
    assert rows[3] == ["", "- Penyajian Informasi Kinerja", "10,00", "7,50", "75,00", "-", ""]  # no 2023 row
    assert rows[5][0] == "4"
    assert rows[-1] == ["", "Nilai AKIP", "100,00", "90,00", "90,00", "-0,01", "A"]  # 90,00 is A; 2023 90,01


def test_the_sentences_name_the_iku_they_feed(a):
    assert dl.kalimat_ikm(a) == (
        "Indeks Kepuasan Masyarakat (IKM) Unit IKM Tahun 2024 dari 10 responden sebesar 88,25 dengan mutu pelayanan B "
        "(Baik); tahun 2023: 99,90 (mutu A); nilai ini menjadi sumber realisasi IKU B1 (Indeks Kepuasan Masyarakat).")
    assert dl.kalimat_akip(a) == (
        "Nilai Akuntabilitas Kinerja Instansi Pemerintah (AKIP) Unit IKM Tahun 2024 sebesar 90,00 dengan predikat A, "
        "turun 0,01 poin dari tahun 2023; nilai ini menjadi sumber realisasi IKU B2 (Nilai AKIP); nilai komponen "
        "Pelaporan Kinerja (12,50) menjadi sumber realisasi IKU B3 (Nilai AKIP Komponen Pelaporan).")
    assert dl.sasaran_sumber(a, "survei_ikm") == "SS-A" and dl.sasaran_sumber(a, "lke") == "SS-A"


def test_an_iku_coded_iku_is_not_named_twice_and_a_component_alone_is_named_as_such(tmp_path):
    """User trial: "IKU IKU-7", and the nilai AKIP said to feed an IKU that takes one component."""
    a = analisis(buat(tmp_path, ganti=[("indikator.csv", "B3,", "IKU-3,"), ("kinerja.csv", "B3,", "IKU-3,"),
                                       ("indikator.csv", ",lke\n", ",\n"),
                                       ("kinerja.csv", "B2,2023,80,", "B2,2023,80,85"),
                                       ("kinerja.csv", "B2,2024,80,", "B2,2024,80,85")]), 2024)
    assert dl.kalimat_akip(a).endswith(
        "turun 0,01 poin dari tahun 2023; nilai komponen Pelaporan Kinerja (12,50) menjadi sumber realisasi "
        "IKU-3 (Nilai AKIP Komponen Pelaporan).")


def test_the_notebook_text_says_what_is_missing(tmp_path):
    a = analisis(buat(tmp_path, survei=False, lke=False, ganti=TANPA_SUMBER), 2024)
    assert dl.teks_ikm(a) == "Survei kepuasan masyarakat (survei_ikm.csv) belum tersedia."
    assert dl.teks_akip(a) == "Lembar Kerja Evaluasi AKIP (lke.csv) belum tersedia."
    a = analisis(buat(tmp_path, ganti=[("lke.csv", "2024,", "2021,")] + TANPA_SUMBER), 2024)
    assert not dl.ada_akip(a) and dl.teks_akip(a) == "lke.csv tidak memuat komponen tahun 2024."
    a = analisis(buat(tmp_path), 2024)
    t = dl.teks_ikm(a)
    assert t.startswith(dl.kalimat_ikm(a)) and "88,25" in t and "KTP" in t and "2022" in t


def test_the_charts_draw_the_bands_and_the_weights(a):
    fig = grafik_nrr(a.ikm, 2024)
    ax = fig.axes[0]
    assert "IKM 88,25, mutu B (Baik), 10 responden" in ax.get_title()
    assert [t.get_text() for t in ax.texts if t.get_text() in "ABCD"] == ["A", "B", "C", "D"]  # the bands, top class first
    assert sorted({t.get_text() for t in ax.texts if "," in t.get_text()}) == ["3,000", "3,600"]
    fig = grafik_akip(a.komponen_akip, a.nilai_akip, 2024)
    ax = fig.axes[0]
    assert ax.get_title() == "Nilai Komponen AKIP terhadap Bobotnya Tahun 2022-2024"
    assert [t.get_text() for t in fig.legends[0].get_texts()] == ["2022: 70,00 (B)", "2023: 90,01 (AA)", "2024: 90,00 (A)"]
    assert [t.get_text() for t in ax.texts if t.get_text().startswith("bobot")] == [
        "bobot 30,00", "bobot 30,00", "bobot 15,00", "bobot 25,00"]
    assert "lke.csv" in grafik_akip(None, None, 2024).axes[0].texts[0].get_text()


def _teks_docx(data: bytes) -> list[str]:
    return [p.text for p in Document(io.BytesIO(data)).paragraphs]


def test_word_puts_them_in_the_section_of_the_sasaran_they_feed(a):
    g = SumberGrafik()
    teks = _teks_docx(word.docx(a, g))
    ss1, ss2 = teks.index("Sasaran Strategis 1: Sasaran A"), teks.index("Sasaran Strategis 2: Sasaran B")
    ikm, akip = teks.index("Indeks Kepuasan Masyarakat Tahun 2024"), teks.index(
        "Nilai Akuntabilitas Kinerja Instansi Pemerintah Tahun 2024")
    assert ss1 < ikm < akip < ss2
    assert teks[ikm + 1] == dl.kalimat_ikm(a) and teks[akip + 1] == dl.kalimat_akip(a)
    captions = [t for t in teks if re.match(r"(Tabel|Gambar) 3\.\d+ ", t)]
    assert "Tabel 3.5 Nilai Rata-rata per Unsur dan Indeks Kepuasan Masyarakat Unit IKM Tahun 2024" in captions
    assert "Gambar 3.6 Nilai Komponen AKIP terhadap Bobotnya" in captions
    assert {"ikm_nrr", "akip_komponen"} <= set(g.digambar)


def test_word_puts_them_after_the_capaian_when_no_iku_takes_them(tmp_path):
    a = analisis(buat(tmp_path, ganti=TANPA_SUMBER), 2024)
    teks = _teks_docx(word.docx(a))
    ikm = teks.index("Indeks Kepuasan Masyarakat Tahun 2024")
    assert teks.index("1. Capaian Indikator Kinerja Utama Tahun 2024") < ikm < teks.index(
        "2. Perbandingan Capaian Kinerja dengan Tahun Sebelumnya")
    assert "menjadi sumber realisasi" not in teks[ikm + 1]


def test_html_has_a_section_each(a):
    h = html.siapkan_html(Hasil(a), g := SumberGrafik())
    g.selesaikan()
    page = h()
    assert page.index('id="sasaran"') < page.index('id="ikm"') < page.index('id="akip"') < page.index('id="perbandingan"')
    assert "U1 Persyaratan" in page and "88,25" in page and "- Penyajian Informasi Kinerja" in page
    assert page.count('alt="Gambar') == len(re.findall(r"<figure>", page))


def test_a_unit_without_the_files_has_none_of_it():
    a = analisis(muat(None, "setda-batubara"), 2024)
    g = SumberGrafik()
    teks = _teks_docx(word.docx(a, g))
    assert not [t for t in teks if t.startswith(("Indeks Kepuasan Masyarakat", "Nilai Akuntabilitas Kinerja Instansi"))]
    assert not {"ikm_nrr", "akip_komponen"} & set(g.digambar)
    h = html.siapkan_html(Hasil(a), g2 := SumberGrafik())
    g2.selesaikan()
    assert 'id="ikm"' not in h() and 'id="akip"' not in h()


def test_excel_has_a_sheet_each_with_the_formulas(a):
    from openpyxl import load_workbook

    from lakip.report.excel import xlsx

    wb = load_workbook(io.BytesIO(xlsx(Hasil(a))))
    assert wb.sheetnames == ["Capaian IKU", "Capaian Sasaran", "Perbandingan", "Ringkasan", "IKM", "AKIP", "Anggaran",
                             "Efisiensi", "Reviu", "Metode"]
    ikm = wb["IKM"]
    assert [c.value for c in ikm[4]] == ["U1", "Persyaratan", 10, 3, 0.111, "=D4*E4", "C"]
    assert ikm["F13"].value == "=SUM(F4:F12)" and ikm["F14"].value == "=F13*25" and ikm["G14"].value == "B"
    assert ikm["D14"].value is None  # the IKM is the formula's (not a value under the NRR heading)
    assert [(c[0].value, c[3].value) for c in ikm.iter_rows(min_row=17, max_row=18)] == [("KK", pytest.approx(97.125)), ("KTP", pytest.approx(74.925))]
    ak = wb["AKIP"]
    assert ak["D10"].value == "=D4+D5+D6+D9" and ak["G10"].value == "A"  # the sub-components (rows 7-8) not added twice
    assert ak["E7"].value == "=D7/C7*100" and ak["B7"].value == "Pelaporan Kinerja"
    wb = load_workbook(io.BytesIO(xlsx(Hasil(analisis(buat(a.unit.folder.parent / "lain", survei=False, lke=False,
                                                             ganti=TANPA_SUMBER), 2024)))))
    assert "IKM" not in wb.sheetnames and "AKIP" not in wb.sheetnames


def test_the_program_chart_keeps_its_legend_off_the_bars():
    """#16 leftover: the legend of serapan_program sat inside the axes, over the label of a short bar."""
    from lakip.report.charts import grafik_serapan_program

    a = analisis(muat(None, "setda-batubara"), 2024)
    fig = grafik_serapan_program(a.anggaran, 2024)
    assert fig.axes[0].get_legend() is None
    assert [t.get_text() for t in fig.legends[0].get_texts()] == ["Pagu", "Realisasi"]


def test_word_says_the_method_of_the_ikm_and_the_akip(a):
    from lakip.report import metode

    teks = _teks_docx(word.docx(a))
    paragraf = next(t for t in teks if t.startswith("Capaian IKU berpolaritas naik"))
    assert metode.teks_ikm(a.pilihan) in paragraf and metode.teks_akip() in paragraf


def test_html_opens_bab_iii_with_the_scale_and_the_method_as_word_does(a):
    import html as html_std

    from lakip.report import metode

    def halaman(x):
        h = html.siapkan_html(Hasil(x), g := SumberGrafik())
        g.selesaikan()
        return html_std.unescape(h())

    p = halaman(a)
    i = p.index('id="capaian"')
    assert p.index("Skala nilai peringkat kinerja", i) < p.index(metode.teks_ikm(a.pilihan), i) < p.index(
        "Hasil Pengukuran Capaian Kinerja", i)
    seed = halaman(analisis(muat(None, "setda-batubara"), 2024))
    assert "<td>&gt; 75 dan ≤ 90</td>" not in seed and "> 75 dan ≤ 90" in seed
    assert "Kategori ditentukan menurut Tabel 5;" in seed and "IKM dihitung" not in seed
