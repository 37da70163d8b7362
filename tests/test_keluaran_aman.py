"""Nothing live in what lakip writes: a name from the data such as ``<script>alert(1)</script>`` or
``=HYPERLINK(...)`` stays inert text in the HTML report, the SVG charts, the Word report and both
workbooks (the template's own round trip is in tests/test_impor_jahat.py)."""

import re
import shutil
import zipfile
import xml.etree.ElementTree as ET

import pytest
from openpyxl import load_workbook

from lakip.app.isian import tulis_template
from lakip.app.laporan import tulis_docx, tulis_html, tulis_xlsx
from lakip.core.paths import DATA_DIR
from lakip.core.tables import analisis
from lakip.data.load import muat
from lakip.report.charts import gaya
from lakip.report.charts.unit import grafik_sasaran

SKRIP = "<script>alert(1)</script>"
RUMUS = '=HYPERLINK("http://x","klik")'


@pytest.fixture(scope="module")
def unit(tmp_path_factory):
    """setda-batubara with IKU-1 named SKRIP and its sasaran named RUMUS."""
    root = tmp_path_factory.mktemp("aman")
    shutil.copytree(DATA_DIR / "setda-batubara", root / "setda-batubara")
    ind = root / "setda-batubara" / "indikator.csv"
    text = ind.read_text(encoding="utf-8")
    text = text.replace("Meningkatnya Kinerja Penyelenggaraan Pemerintah Daerah,Nilai LPPD,",
                        '"=HYPERLINK(""http://x"",""klik"")",' + SKRIP + ",", 1)
    assert SKRIP in text
    ind.write_text(text, encoding="utf-8")
    return muat(root, "setda-batubara")


def test_html_report(unit, tmp_path):
    text = tulis_html(unit, 2024, tmp_path).read_text(encoding="utf-8")
    assert "<script" not in text and "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert 'href="http://x"' not in text and "=HYPERLINK(&quot;http://x&quot;,&quot;klik&quot;)" in text


def test_svg_charts(unit):
    figs = grafik_sasaran(analisis(unit, 2024))
    svgs = [gaya.svg(buat()) for buat in figs.values()]
    for s in svgs:
        ET.fromstring(s)  # well-formed: no markup from the data
        assert b"<script" not in s and b'href="http://x' not in s
    assert any(b"&lt;script&gt;alert(1)" in s for s in svgs)  # escaped (the chart wraps the name)


def test_word_report(unit, tmp_path):
    with zipfile.ZipFile(tulis_docx(unit, 2024, tmp_path)) as z:
        doc = z.read("word/document.xml").decode("utf-8")
        rels = z.read("word/_rels/document.xml.rels").decode("utf-8")
    assert "<script" not in doc and "&lt;script&gt;alert(1)&lt;/script&gt;" in doc
    assert "=HYPERLINK(" in doc and not re.search(r"<w:instrText[^>]*>[^<]*HYPERLINK|<w:fldSimple", doc)
    assert "http://x" not in rels


def test_workbooks(unit, tmp_path):
    wb = load_workbook(tulis_xlsx(unit, 2024, tmp_path / "laporan.xlsx"))
    cells = [c for ws in wb for row in ws.iter_rows() for c in row]
    assert any(c.value == RUMUS and c.data_type == "s" and c.quotePrefix for c in cells)
    assert any(c.value == SKRIP for c in cells)
    assert not any(c.data_type == "f" and "HYPERLINK" in str(c.value) for ws in wb for row in ws.iter_rows() for c in row)
    wb = load_workbook(tulis_template("setda-batubara", 2025, tmp_path / "t.xlsx", unit.folder.parent))
    cells = [c for ws in wb for row in ws.iter_rows() for c in row]
    assert any(c.value == RUMUS and c.data_type == "s" and c.quotePrefix for c in cells)
    assert not any(c.data_type == "f" for c in cells)


PANJANG = ("Sangat rendah, jauh di bawah standar pelayanan minimal yang ditetapkan pemerintah daerah untuk tahun "
           "berjalan sesuai Renstra")
ISI = {"IKU-1": ("Tinggi", PANJANG), "IKU-2": ("100", "90,5"), "IKU-3": ("9,8", "9,9"), "IKU-4": ("74", "75,1"),
       "IKU-5": ("9/9", "9/9"), "IKU-6": ("87", "88,02"), "IKU-7": ("88", "80")}


def test_a_drop_down_too_long_or_with_a_comma_goes_to_a_hidden_sheet_and_imports_back(tmp_path):
    """Excel calls a workbook damaged whose inline list is over 255 characters, and a comma splits a word."""
    from lakip.data.importer import impor
    from lakip.data.template import LEMBAR_DAFTAR

    shutil.copytree(DATA_DIR / "setda-batubara", tmp_path / "setda-batubara")
    ind = tmp_path / "setda-batubara" / "indikator.csv"
    skala = f'"{PANJANG};{PANJANG} lagi;Rendah;Sedang;Tinggi;Sangat Tinggi"'  # over 255 characters, commas inside
    ind.write_text(ind.read_text(encoding="utf-8").replace(",Rendah;Sedang;Tinggi;Sangat Tinggi,", f",{skala},"),
                   encoding="utf-8")
    path = tulis_template("setda-batubara", 2025, tmp_path / "t.xlsx", tmp_path)
    wb = load_workbook(path)
    daftar = wb[LEMBAR_DAFTAR]
    assert daftar.sheet_state == "hidden"
    words = [c.value for c in daftar["A"]]
    assert words == [PANJANG, PANJANG + " lagi", "Rendah", "Sedang", "Tinggi", "Sangat Tinggi", "N/A"]
    dv = {str(v.sqref): v for v in wb["kinerja"].data_validations.dataValidation}
    assert dv["C2:D2"].formula1 == f"'{LEMBAR_DAFTAR}'!$A$1:$A$7" and len(dv["C2:D2"].error) <= 255
    inline = [v.formula1 for v in wb["kinerja"].data_validations.dataValidation if v.formula1.startswith('"')]
    assert all(len(f) <= 255 for f in inline)
    ws = wb["kinerja"]
    for r in range(2, ws.max_row + 1):
        if ws.cell(r, 1).value in ISI:
            ws.cell(r, 3).value, ws.cell(r, 4).value = ISI[ws.cell(r, 1).value]
    wb.save(path)
    impor(path, "setda-batubara", tmp_path, 2025, False)
    kin = muat(tmp_path, "setda-batubara").kinerja
    assert kin[(kin["kode"] == "IKU-1") & (kin["tahun"] == 2025)]["realisasi"].tolist() == [PANJANG]


def test_invisible_characters_are_data_and_round_trip_through_the_template():
    """A zero-width space or a soft hyphen is text the readers accept: written as itself (only messages
    show it as a code), so that the template imports back what the user wrote."""
    from openpyxl import Workbook

    from lakip.core.serial import tulis_sel

    ws = Workbook().active
    assert tulis_sel(ws, 1, 1, "IKU-5\u200b").value == "IKU-5\u200b"
    assert tulis_sel(ws, 1, 2, "peng\u00adadaan").value == "peng\u00adadaan"
    assert tulis_sel(ws, 1, 3, "a\x07b").value == "a<U+0007>b"
