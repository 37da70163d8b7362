"""Report-ready exports: the Excel workbook and the HTML report (the Word report has tests/test_word.py),
and their rendering by the programs planners open them with."""

import re
import shutil
import subprocess

import pytest
from openpyxl import load_workbook

from lakip import analysis
from lakip.app.laporan import tulis_xlsx
from lakip.app.laporan import tulis_html
from lakip.data.load import muat
from lakip.core.paths import DATA_DIR


@pytest.fixture(scope="module")
def unit():
    return muat(entitas="setda-batubara")


@pytest.fixture(scope="module")
def xlsx(unit, tmp_path_factory):
    return load_workbook(tulis_xlsx(unit, 2024, tmp_path_factory.mktemp("x") / "laporan.xlsx"))


def _teks_lembar(ws):
    return [c for row in ws.iter_rows(values_only=True) for c in row if isinstance(c, str)]


def test_xlsx_states_the_method_as_the_word_report_does(unit, xlsx):
    """The sheet Metode (#16 leftover): the scale, its note, the method of lakip.report.metode (one home), efficiency."""
    from lakip.report import metode

    ws = xlsx["Metode"]
    teks = _teks_lembar(ws)
    assert teks[:3] == ["Metode Perhitungan Tahun 2024", "No", "Interval Capaian (%)"]
    assert [ws.cell(r, 2).value for r in range(4, 9)] == ["> 90", "> 75 dan ≤ 90", "> 65 dan ≤ 75", "> 50 dan ≤ 65", "≤ 50"]
    assert ws.cell(4, 3).value == "Sangat Tinggi" and ws.cell(4, 3).fill.fgColor.rgb != "00000000"
    assert metode.teks_metode(unit.pilihan, "skala di atas", unit.lampiran) in teks
    assert f"Catatan skala: {metode.catatan_skala(unit.pilihan)}" in teks
    assert any(t.startswith("Efisiensi (rasio): ") for t in teks)
    assert not any("IKM" in t or "AKIP" in t for t in teks)  # the seed has neither survey nor LKE


def test_xlsx_method_names_the_ikm_weight_and_the_akip(tmp_path):
    from lakip.report import metode
    from test_ikm_lke_unit import buat

    u = buat(tmp_path / "data", entitas="nama: Unit IKM\npilihan:\n  bobot_ikm: rata\n")
    teks = _teks_lembar(load_workbook(tulis_xlsx(u, 2024, tmp_path / "laporan.xlsx"))["Metode"])
    isi = metode.teks_metode(u.pilihan, "skala di atas", u.lampiran)
    assert isi in teks and metode.teks_ikm(u.pilihan) in isi and metode.teks_akip() in isi
    assert "bobot 1/9 (pilihan bobot_ikm unit: rata" in isi


def test_xlsx_sheets_real_numbers_formats_and_formulas(xlsx):
    assert xlsx.sheetnames == ["Capaian IKU", "Capaian Sasaran", "Perbandingan", "Ringkasan", "Anggaran", "Efisiensi", "Reviu",
                               "Metode"]
    ws = xlsx["Capaian IKU"]
    assert ws.freeze_panes == "A4"
    rows = {ws.cell(r, 2).value: r for r in range(4, 11)}
    r2 = rows["IKU-2"]
    assert ws.cell(r2, 7).value == 85.83 and ws.cell(r2, 7).data_type == "n"
    assert ws.cell(r2, 8).value == 85.83 and ws.cell(r2, 8).number_format == '0.00" %"'
    assert ws.cell(r2, 9).value == f"=G{r2}/F{r2}*100"  # the formula beside the computed value
    assert ws.cell(r2, 10).value == "Tinggi" and ws.cell(r2, 10).fill.fgColor.rgb == "0056B4E9"
    assert ws.cell(rows["IKU-1"], 10).value == "belum dapat diukur" and ws.cell(rows["IKU-1"], 8).value is None
    assert ws.cell(rows["IKU-5"], 6).value == "9/9" and ws.cell(rows["IKU-5"], 8).value == 100.0
    a = xlsx["Anggaran"]
    p1 = next(r for r in range(4, a.max_row + 1) if a.cell(r, 1).value == "P1")
    assert a.cell(p1, 5).value == 48281384383 and a.cell(p1, 5).number_format == '"Rp "#,##0'
    assert a.cell(p1, 8).value == f"=F{p1}/E{p1}*100"
    total = next(r for r in range(4, a.max_row + 1) if a.cell(r, 4).value == "Jumlah program")
    assert a.cell(total, 5).value == "=E4+E5+E6"
    rk = xlsx["Ringkasan"]
    dist = {rk.cell(r, 1).value: (rk.cell(r, 3).value, rk.cell(r, 4).value) for r in range(4, rk.max_row + 1)
            if rk.cell(r, 2).value is not None and rk.cell(r, 3).number_format == '0.00" %"'}
    assert dist["Sangat Tinggi"] == (57.14, 66.67) and dist["belum dapat diukur"] == (14.29, None)
    assert round(sum(a for a, _ in dist.values()), 2) == 100 and round(sum(b or 0 for _, b in dist.values()), 2) == 100
    e = xlsx["Efisiensi"]
    assert e.cell(5, 1).value == "IKU-2" and e.cell(5, 7).value == "=E5/D5*100" and round(e.cell(5, 8).value, 4) == 0.8778
    # the value beside its formula, so that a program reading the file (pandas) finds it
    assert e.cell(5, 6).value == e.cell(5, 5).value * 100 / e.cell(5, 4).value and e.cell(5, 6).data_type == "n"
    assert e.cell(3, 6).value == "Capaian Anggaran (%)" and e.cell(3, 7).value == "Capaian Anggaran: rumus (%)"
    r = xlsx["Reviu"]
    assert r.max_row == 3 + 350 and r.auto_filter.ref == "A3:H353"


def test_text_that_looks_like_a_formula_is_escaped(tmp_path):
    shutil.copytree(DATA_DIR / "setda-batubara", tmp_path / "setda-batubara")
    ind = tmp_path / "setda-batubara" / "indikator.csv"
    ind.write_text(ind.read_text(encoding="utf-8").replace(",Nilai LPPD,Status", ',"=HYPERLINK(""http://x"")",Status', 1),
                   encoding="utf-8")
    wb = load_workbook(tulis_xlsx(muat(tmp_path, "setda-batubara"), 2024, tmp_path / "l.xlsx"))
    ws = wb["Capaian IKU"]
    c = ws.cell(4, 3)  # the user's text itself, a text marked as one (never a formula, no apostrophe added)
    assert c.value == '=HYPERLINK("http://x")' and c.data_type == "s" and c.quotePrefix


def test_xlsx_is_byte_identical(unit, tmp_path):
    a = tulis_xlsx(unit, 2024, tmp_path / "a" / "laporan.xlsx").read_bytes()
    b = tulis_xlsx(unit, 2024, tmp_path / "b" / "laporan.xlsx").read_bytes()
    assert a == b


@pytest.fixture(scope="module")
def report(unit, tmp_path_factory):
    return tulis_html(unit, 2024, tmp_path_factory.mktemp("h") / "laporan.html")


def test_html_is_self_contained_with_toc(report):
    text = report.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>") and '<html lang="id">' in text
    assert not re.search(r'(src|href)="(https?:)?//', text)  # nothing fetched from elsewhere
    assert "<script" not in text
    assert len(re.findall(r'<img src="data:image/png;base64,', text)) == 7
    for sid in ("bab-1", "sdm", "perda", "bab-2", "pk", "alokasi", "bab-3", "capaian", "sasaran", "perbandingan", "efisiensi",
                "anggaran", "bab-4", "penutup", "lampiran", "reviu"):
        assert f'href="#{sid}"' in text and f'id="{sid}"' in text
    assert "85,83 %" in text and "Rp 64.440.768.486" in text and "belum dapat diukur" in text


def test_html_says_what_word_says_where_data_is_missing_and_draws_no_empty_table(unit, report, tmp_path):
    """2022 has no earlier year and no budget: the sentences of the Word report, no empty table or chart."""
    from lakip.report import narasi

    html_2022 = tulis_html(unit, 2022, tmp_path / "laporan.html").read_text(encoding="utf-8")
    for kalimat in (narasi.teks_tanpa_perbandingan(2022), narasi.teks_efisiensi(2022, "rasio", []),
                    narasi.paragraf_anggaran(analysis.analisis(unit, 2022))):
        assert kalimat in html_2022
    assert "Perbandingan Capaian Kinerja Tahun" not in html_2022 and "Efisiensi Penggunaan Sumber Daya</caption>" not in html_2022
    assert "Komposisi Belanja" not in html_2022 and html_2022.count("<img ") == 3  # sdm, capaian and target-realisasi
    assert "Ringkasan reviu angka laporan" not in html_2022 and "tidak ada yang direviu.</p>" in html_2022
    # 2024: the efficiency and budget paragraphs of the Word report are there too
    text = report.read_text(encoding="utf-8")
    for kalimat in (narasi.paragraf_efisiensi(analysis.analisis(unit, 2024)), narasi.paragraf_anggaran(analysis.analisis(unit, 2024))):
        assert kalimat.replace("<", "&lt;").replace(">", "&gt;") in text


def test_html_escapes_text_from_the_data(tmp_path):
    shutil.copytree(DATA_DIR / "setda-batubara", tmp_path / "setda-batubara")
    ind = tmp_path / "setda-batubara" / "indikator.csv"
    ind.write_text(ind.read_text(encoding="utf-8").replace(",Nilai LPPD,Status", ",<script>alert(1)</script>,Status", 1),
                   encoding="utf-8")
    text = tulis_html(muat(tmp_path, "setda-batubara"), 2024, tmp_path / "l.html").read_text(encoding="utf-8")
    assert "<script>" not in text and "&lt;script&gt;alert(1)&lt;/script&gt;" in text


# ------------------------------------------------------------------------------ rendering

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def _nonblank_pages(png_paths):
    from PIL import Image, ImageStat

    out = 0
    for p in png_paths:
        img = Image.open(p).convert("L")
        if ImageStat.Stat(img).stddev[0] > 5:  # something is drawn on it
            out += 1
    return out


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium tidak terpasang (apt-get install chromium); .ci/run memasangnya")
def test_html_renders_in_a_browser(report, tmp_path):
    shot = tmp_path / "halaman.png"
    subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={tmp_path / 'profil'}",
                    "--window-size=1240,1754", f"--screenshot={shot}", report.as_uri()],
                   check=True, capture_output=True, timeout=120)
    assert _nonblank_pages([shot]) == 1


@pytest.mark.skipif(SOFFICE is None or shutil.which("pdftoppm") is None,
                    reason="LibreOffice atau pdftoppm tidak terpasang (apt-get install libreoffice-writer-nogui poppler-utils); "
                           ".ci/run memasangnya")
def test_docx_renders_to_pdf_pages(unit, tmp_path):
    from lakip.app.laporan import tulis_docx

    docx = tulis_docx(unit, 2024, tmp_path / "laporan.docx", None)
    subprocess.run([SOFFICE, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(docx)],
                   check=True, capture_output=True, timeout=240, env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"})
    pdf = tmp_path / "laporan.pdf"
    assert pdf.is_file()
    subprocess.run(["pdftoppm", "-r", "40", "-png", str(pdf), str(tmp_path / "hal")], check=True, timeout=120)
    pages = sorted(tmp_path.glob("hal-*.png"))
    assert len(pages) >= 5
    assert _nonblank_pages(pages) == len(pages)


def test_target_realisasi_chart_reads_a_range_target_and_a_number(unit):
    """A range IKU: the target is a range (its top is drawn, however the range is written), the realisasi a plain number."""
    import matplotlib.pyplot as plt

    from lakip import analysis, charts

    for rentang in ("70-75", "70 s.d. 75"):
        iku = analysis.tabel_capaian_iku(unit, 2024)
        iku.loc[iku["kode"] == "IKU-4", ["jenis", "target"]] = ["rentang", rentang]
        fig = charts.grafik_target_realisasi(iku, unit.indikator, 2024)
        [ax] = [ax for ax in fig.axes if ax.get_title().startswith("IKU-4")]
        assert [b.get_height() for b in ax.patches] == [75.0, 72.37]
        assert [t.get_text() for t in ax.texts] == [rentang, "72,37"]
        plt.close(fig)
