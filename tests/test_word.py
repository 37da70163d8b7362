"""The Word report (lakip.word) and the sentences it prints (lakip.narasi).

The DOCX is opened with python-docx and checked on its numbers and words:
the tables, the captions, the paragraphs per sasaran and of Bab IV.
"""

import io
import re
import zipfile
from decimal import Decimal
from pathlib import Path

import docx
import pytest
from docx.shared import Cm, Inches
from docx.table import Table
from docx.text.paragraph import Paragraph
from hypothesis import given
from hypothesis import strategies as st
from PIL import Image

import bantu
from lakip import analysis, charts
from lakip.app.grafik import SumberBerkas
from lakip.app.laporan import tulis_docx
from lakip.report import narasi, word
from lakip.report.hasil import Hasil
from lakip.core.config import Pilihan
from lakip.data.load import muat

NBSP = "\u00a0"


def teks(s: str) -> str:
    """Text as a reader sees it: the no-break spaces that keep units on their line are spaces."""
    return s.replace(NBSP, " ")


@pytest.fixture(scope="module")
def unit():
    return muat()


@pytest.fixture(scope="module")
def laporan(unit, tmp_path_factory):
    return tulis_docx(unit, 2024, tmp_path_factory.mktemp("docx"), None)


@pytest.fixture(scope="module")
def dok(laporan):
    return docx.Document(laporan)


def isi(dok):
    """Paragraphs and tables in document order: [("p", style, text) | ("t", Table)]."""
    out = []
    for el in dok.element.body.iterchildren():
        if el.tag.endswith("}p"):
            p = Paragraph(el, dok)
            out.append(("p", p.style.name, teks(p.text)))
        elif el.tag.endswith("}tbl"):
            out.append(("t", Table(el, dok)))
    return out


def tabel_dengan_judul(dok, awal: str) -> tuple[str, Table]:
    """The table under the caption that starts with ``awal``."""
    judul = None
    for item in isi(dok):
        if item[0] == "p" and item[1] == "Caption":
            judul = item[2]
        elif item[0] == "t" and judul and judul.startswith(awal):
            return judul, item[1]
    raise AssertionError(f"tidak ada tabel berjudul {awal!r}")


def sel(table: Table) -> list[list[str]]:
    return [[teks(c.text) for c in row.cells] for row in table.rows]


def baris_kepala(table: Table) -> list[bool]:
    return [row._tr.trPr is not None and row._tr.trPr.find(docx.oxml.ns.qn("w:tblHeader")) is not None
            for row in table.rows]


def paragraf(dok, memuat: str) -> str:
    hits = [p for kind, *rest in isi(dok) if kind == "p" for p in [rest[1]] if memuat in p]
    assert len(hits) == 1, (memuat, hits)
    return hits[0]


# --------------------------------------------------------------------------- the document


def test_halaman_a4_margin_dan_judul(dok):
    s = dok.sections[0]
    assert (round(s.page_width.cm, 1), round(s.page_height.cm, 1)) == (21.0, 29.7)
    assert all(round(m.cm, 2) == 2.5 for m in (s.left_margin, s.right_margin, s.top_margin, s.bottom_margin))
    assert dok.paragraphs[0].style.name == "Title"
    assert dok.paragraphs[0].text == "Laporan Kinerja Sekretariat Daerah Kabupaten Batu Bara Tahun 2024"
    heads = [t for kind, style, t in (x for x in isi(dok) if x[0] == "p") if style.startswith("Heading")]
    for h in ("BAB III AKUNTABILITAS KINERJA", "A. Akuntabilitas Kinerja", "B. Realisasi Anggaran", "BAB IV PENUTUP"):
        assert h in heads


def test_judul_tabel_dan_gambar_bernomor_urut(dok):
    caps = [t for kind, style, t in (x for x in isi(dok) if x[0] == "p") if style == "Caption"]
    tabel = [int(re.match(r"Tabel 3\.(\d+) ", c).group(1)) for c in caps if c.startswith("Tabel 3.")]
    gambar = [int(re.match(r"Gambar 3\.(\d+) ", c).group(1)) for c in caps if c.startswith("Gambar 3.")]
    # Bab I: staff, Perda, the staff chart; Bab II: the PK and the budget by program
    assert [c.split(" ", 2)[1] for c in caps if c.startswith(("Tabel 1.", "Gambar 1.", "Tabel 2.", "Gambar 2."))] == \
        ["1.1", "1.1", "1.2", "2.1", "2.2"]
    # scale, capaian, comparison, 6 sasaran, efficiency, budget; 3 + 6 + efficiency + 2 budget charts
    assert tabel == list(range(1, 12))
    assert gambar == list(range(1, 13))
    assert "Tabel 3.2 Hasil Pengukuran Capaian Kinerja Sekretariat Daerah Kabupaten Batu Bara Tahun 2024" in caps
    assert any(c.startswith("Tabel 3.3 Perbandingan Capaian Kinerja Tahun 2022-2024") for c in caps)
    assert any(c.startswith("Tabel 3.11 Komposisi Belanja") for c in caps)
    # every table sits right under its caption
    items = isi(dok)
    for i, item in enumerate(items):
        if item[0] == "t":
            assert items[i - 1][0] == "p" and items[i - 1][1] == "Caption"


def test_grafik_selebar_teks_a4(dok):
    shapes = dok.inline_shapes
    assert len(shapes) == 13  # the staff chart of Bab I and the twelve of Bab III
    assert all(abs(s.width - Inches(charts.LEBAR_A4)) < Cm(0.01) for s in shapes)
    assert abs(Inches(charts.LEBAR_A4).cm - 16.0) < 0.01


def test_tabel_3_2_capaian_semua_iku(dok):
    _, t = tabel_dengan_judul(dok, "Tabel 3.2 ")
    rows = sel(t)
    assert rows[0] == ["No", "Kode", "Indikator Kinerja Utama", "Satuan", "Target", "Realisasi", "Capaian", "Kategori"]
    body = {r[1]: r for r in rows[1:]}
    assert len(rows) == 8 and list(body) == [f"IKU-{i}" for i in range(1, 8)]
    assert body["IKU-1"][4:] == ["Tinggi", "N/A", "N/A", "belum dapat diukur"]
    assert body["IKU-2"][4:] == ["100", "85,83", "85,83 %", "Tinggi"]
    assert body["IKU-3"][4:] == ["9,70", "9,92", "102,27 %", "Sangat Tinggi"]
    assert body["IKU-5"][4:] == ["9/9", "9/9", "100,00 %", "Sangat Tinggi"]
    assert body["IKU-7"][4:] == ["87", "66,35", "76,26 %", "Tinggi"]
    # header row: repeated on each page, bold, shaded; body rows are not header rows
    assert baris_kepala(t) == [True] + [False] * 7
    assert all(r.bold for c in t.rows[0].cells for p in c.paragraphs for r in p.runs)
    assert t.style.name == "Table Grid"
    # the unit stays with its number
    assert t.rows[2].cells[6].text == f"85,83{NBSP}%"


def test_tabel_3_3_perbandingan_tiga_tahun(dok):
    judul, t = tabel_dengan_judul(dok, "Tabel 3.3 ")
    assert "Tahun 2022-2024" in judul
    rows = sel(t)
    assert baris_kepala(t)[:2] == [True, True] and not any(baris_kepala(t)[2:])
    assert rows[1][2:11] == ["2022", "2023", "2024"] * 3
    iku2 = next(r for r in rows if r[1].startswith("IKU-2"))
    assert iku2[2:] == ["100", "100", "100", "119", "148,29", "85,83", "119,00", "148,29", "85,83", "-62,46"]
    iku1 = next(r for r in rows if r[1].startswith("IKU-1"))
    assert iku1[8:] == ["N/A", "66,67", "N/A", "-"]  # no change where a year is not measurable
    iku3 = next(r for r in rows if r[1].startswith("IKU-3"))
    assert iku3[-1] == "+5,08"


def test_bagian_per_sasaran(dok):
    items = isi(dok)
    heads = [t for kind, style, t, *_ in (x for x in items if x[0] == "p") if style == "Heading 4"]
    assert len(heads) == 6 and heads[0] == "Sasaran Strategis 1: Meningkatnya Kinerja Penyelenggaraan Pemerintah Daerah"
    # each sasaran: heading, caption, table, source, paragraph, chart, chart caption
    i = next(k for k, x in enumerate(items) if x[0] == "p" and x[2] == heads[2])
    assert items[i + 1][2].startswith("Tabel 3.6 Pengukuran Capaian Kinerja Sasaran Strategis 3")
    rows = sel(items[i + 2][1])
    assert rows[0] == ["No", "Indikator Kinerja Utama", "Target 2024", "Realisasi 2024", "Capaian 2023", "Capaian 2024",
                       "Kategori 2024"]
    assert rows[1][1:] == ["IKU-3 Nilai AKIP Pemda Komponen Pelaporan", "9,70", "9,92", "97,19 %", "102,27 %", "Sangat Tinggi"]
    assert rows[3][-2:] == ["100,70 %", "Sangat Tinggi"]  # mean of its two IKU
    assert items[i + 4][2].startswith("Sasaran strategis 3, Meningkatnya Akuntabilitas")
    assert items[i + 6][2].startswith("Gambar 3.6 Tren Capaian IKU Sasaran Strategis 3")


def test_paragraf_sasaran_di_dokumen(dok):
    ss2 = paragraf(dok, "Sasaran strategis 2, ")
    assert "turun 62,46 poin persentase dari 148,29 % pada tahun 2023 menjadi 85,83 %" in ss2
    assert "kategori berubah dari Sangat Tinggi menjadi Tinggi" in ss2
    assert "naik" not in ss2 and "meningkat " not in ss2.replace("Meningkatnya", "")
    ss3 = paragraf(dok, "Sasaran strategis 3, ")
    assert "naik 5,08 poin persentase dari 97,19 % pada tahun 2023 menjadi 102,27 %" in ss3
    assert "turun 2,21 poin persentase dari 101,35 % pada tahun 2023 menjadi 99,14 %" in ss3
    assert "realisasi 9,92 terhadap target 9,70 (melampaui target)" in ss3
    ss4 = paragraf(dok, "Sasaran strategis 4, ")
    assert "tetap 100,00 %" in ss4 and "naik" not in ss4 and "turun" not in ss4
    ss1 = paragraf(dok, "Sasaran strategis 1, ")
    assert "Nilai LPPD (IKU-1) tahun 2024 belum dapat diukur" in ss1
    # the only number in percent is the 2023 capaian, named as such; no comparison is made
    assert re.findall(r"[\d,]+ %", ss1) == ["66,67 %"] and "tahun 2023 tercatat 66,67 %" in ss1
    assert "naik" not in ss1 and "turun" not in ss1


def test_paragraf_bab_iv(dok):
    items = isi(dok)
    i = next(k for k, x in enumerate(items) if x[0] == "p" and x[2] == "BAB IV PENUTUP")
    bab4 = items[i + 1][2]
    assert "atas 7 (tujuh) Indikator Kinerja Utama (IKU): 6 (enam) IKU dapat diukur dan 1 (satu) IKU belum dapat diukur" in bab4
    assert "Rata-rata capaian 6 (enam) IKU yang terukur sebesar 93,97 %" in bab4
    assert "4 (empat) IKU (66,67 %) pada kategori Sangat Tinggi" in bab4
    assert "2 (dua) IKU (33,33 %) pada kategori Tinggi" in bab4
    assert "terhadap 6 (enam) IKU yang terukur" in bab4
    persen = [Decimal(p.replace(",", ".")) for p in re.findall(r"IKU \(([\d,]+) %\) pada kategori", bab4)]
    assert len(persen) == 2 and sum(persen) == Decimal("100.00")
    assert "92,74" not in bab4  # the seed's figure, which counts differently


def test_tabel_komposisi_belanja_dengan_jumlah(dok):
    judul, t = tabel_dengan_judul(dok, "Tabel 3.11 ")
    assert judul == "Tabel 3.11 Komposisi Belanja Sekretariat Daerah Kabupaten Batu Bara Tahun 2024"
    rows = sel(t)
    assert rows[0][2] == "Tahun Anggaran 2024" and rows[1][2:] == ["Anggaran", "Realisasi", "Capaian Realisasi"]
    assert baris_kepala(t) == [True, True, False, False, False, False]
    assert rows[2][1:] == ["Program Penunjang Urusan Pemerintah Daerah Kabupaten/Kota", "Rp 48.281.384.383",
                           "Rp 45.716.917.980", "94,69 %"]
    assert rows[-1][1:] == ["Jumlah", "Rp 64.440.768.486", "Rp 60.563.391.303", "93,98 %"]
    assert all(r.bold for c in t.rows[-1].cells[1:] for p in c.paragraphs for r in p.runs)
    anggaran = paragraf(dok, "Anggaran Sekretariat Daerah")
    assert "sebesar Rp 64.440.768.486 dengan realisasi Rp 60.563.391.303 atau 93,98 %" in anggaran


def test_tabel_efisiensi(dok):
    judul, t = tabel_dengan_judul(dok, "Tabel 3.10 ")
    assert "Efisiensi" in judul
    rows = sel(t)
    assert len(rows) == 8
    iku7 = next(r for r in rows if r[1].startswith("IKU-7"))
    assert rows[0][7] == "Target Tercapai"  # DOMAIN.md section 7: show whether the target was met
    assert iku7[2:] == ["76,26 %", "Rp 59.492.564.404", "Rp 55.676.315.219", "93,59 %", "0,81", "tidak", "tidak efisien"]
    iku3 = next(r for r in rows if r[1].startswith("IKU-3"))
    assert iku3[7:] == ["ya", "efisien"]
    iku1 = next(r for r in rows if r[1].startswith("IKU-1"))
    assert iku1[2] == "N/A" and iku1[-2:] == ["-", "belum dapat diukur"]
    ef = paragraf(dok, "Metode rasio")
    assert "Dari 6 (enam) IKU yang dapat dinilai pada tahun 2024, 3 (tiga) IKU efisien dan 3 (tiga) IKU tidak efisien" in ef


def test_dua_kali_tulis_byte_sama(unit, laporan, tmp_path):
    kedua = tulis_docx(unit, 2024, tmp_path / "laporan-kedua.docx", None)
    assert kedua.name == "laporan-kedua.docx"
    assert kedua.read_bytes() == laporan.read_bytes()
    with zipfile.ZipFile(laporan) as z:
        assert {i.date_time for i in z.infolist()} == {(2000, 1, 1, 0, 0, 0)}
        core = z.read("docProps/core.xml").decode()
    assert "2000-01-01T00:00:00Z" in core and "lastPrinted>2000-01-01" in core
    assert not list(tmp_path.glob(".*.baru"))


def test_grafik_dari_folder_run_dipakai(unit, tmp_path):
    run = tmp_path / "run"
    (run / "grafik").mkdir(parents=True)
    buf = io.BytesIO()
    Image.new("RGB", (63, 30), (200, 30, 30)).save(buf, format="PNG")
    (run / "grafik" / "capaian_iku.png").write_bytes(buf.getvalue())
    path = tulis_docx(unit, 2024, tmp_path / "out", run)
    with zipfile.ZipFile(path) as z:
        media = [z.read(n) for n in z.namelist() if n.startswith("word/media/")]
    assert buf.getvalue() in media and len(media) == 13  # the given chart, the twelve others drawn (sdm of Bab I too)
    for folder in (run, run / "grafik"):
        g = SumberBerkas(folder)
        assert g.cari("capaian_iku") == run / "grafik" / "capaian_iku.png" and g.cari("efisiensi") is None


def _png(warna) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (20, 10), warna).save(buf, format="PNG")
    return buf.getvalue()


def test_sumber_grafik_menunggu_notebook_yang_masih_berjalan(tmp_path):
    """A chart missing while the notebooks run is waited for, not drawn; the
    charts come in the order asked, and nothing is drawn at all."""
    grafik = tmp_path / "grafik"
    grafik.mkdir()
    polls = []

    def berjalan():  # a notebook saves one chart per poll, then finishes
        polls.append(1)
        if len(polls) == 2:
            (grafik / "b.png").write_bytes(_png("red"))
        if len(polls) == 4:
            (grafik / "a.png").write_bytes(_png("blue"))
        return len(polls) < 4

    def tidak_digambar():
        raise AssertionError("digambar padahal ditunggu")

    got = []
    with SumberBerkas(grafik, berjalan, jeda=0) as sumber:
        sumber.minta("a", tidak_digambar, got.append)
        sumber.minta("b", tidak_digambar, got.append)
        assert got == [] and polls == []  # asked, not yet handed over
        sumber.selesaikan()
    assert [(g.nama, g.png) for g in got] == [("a", _png("blue")), ("b", _png("red"))] and len(polls) == 4
    assert sumber.digambar == ()


def test_dua_laporan_disusun_dulu_lalu_menunggu_grafiknya_bersama(unit, tmp_path):
    """Word and HTML are built without waiting for a chart; they wait together, in selesaikan."""
    from lakip.report.html import siapkan_html

    menunggu = []
    with SumberBerkas(tmp_path / "grafik", berjalan=lambda: menunggu.append(1) and False) as sumber:
        hasil = Hasil.dari(unit, 2024)
        docx_ = word.siapkan_docx(hasil.analisis, sumber)
        html_ = siapkan_html(hasil, sumber)
        assert menunggu == []  # both built, nothing waited for yet
        sumber.selesaikan()
        assert len(menunggu) == 13  # each chart missing once: waited for (the notebooks have finished), then drawn
        d, h = docx_(), html_()
    assert d[:2] == b"PK" and h.count("<img ") == 7


def test_sumber_grafik_menggambar_yang_tidak_ada_sekali_untuk_dua_laporan(unit, tmp_path, monkeypatch):
    """Once no notebook runs, a missing chart is drawn, once for both reports,
    and forgotten with the source."""
    from lakip.app.laporan import tulis_html

    (tmp_path / "grafik").mkdir()
    (tmp_path / "grafik" / "efisiensi.png").write_bytes(_png("green"))
    with SumberBerkas(tmp_path / "grafik", berjalan=lambda: False) as sumber:
        tulis_docx(unit, 2024, tmp_path / "l.docx", grafik=sumber)
        tulis_html(unit, 2024, tmp_path / "l.html", grafik=sumber)
        drawn = sumber.digambar
    assert sorted(drawn) == sorted({*charts.GRAFIK_LAPORAN, *(f"tren_SS-{i}" for i in range(1, 7))} - {"efisiensi"})
    assert sumber.digambar == ()
    with zipfile.ZipFile(tmp_path / "l.docx") as z:
        assert _png("green") in [z.read(n) for n in z.namelist() if n.startswith("word/media/")]
    html = (tmp_path / "l.html").read_text(encoding="utf-8")
    assert html.count("<img ") == 7 and "\x00" not in html


def test_tahun_tanpa_tahun_lalu_dan_tanpa_anggaran(unit, tmp_path):
    d = docx.Document(tulis_docx(unit, 2022, tmp_path, None))
    caps = [t for kind, style, t, *_ in (x for x in isi(d) if x[0] == "p") if style == "Caption"]
    assert not any("Komposisi Belanja" in c or "Perbandingan" in c or "Efisiensi" in c for c in caps)
    assert len(d.tables) == 1 + 1 + 1 + 1 + 6  # Bab I staff, Bab II PK (no Perda dated 2022, no budget), scale, capaian, one per sasaran
    paragraf(d, "Tidak ada Peraturan Daerah bertanggal tahun 2022 di perda.csv.")
    paragraf(d, "Data anggaran per program (anggaran.csv, tingkat program) tahun 2022 belum tersedia")
    _, t = tabel_dengan_judul(d, "Tabel 3.5 ")
    assert sel(t)[0] == ["No", "Indikator Kinerja Utama", "Target 2022", "Realisasi 2022", "Capaian 2022", "Kategori 2022"]
    paragraf(d, "perbandingan capaian dengan tahun sebelumnya belum dapat disajikan")
    paragraf(d, "realisasi anggaran belum dapat disajikan")
    ss2 = paragraf(d, "Sasaran strategis 2, ")
    assert "Data tahun 2021 tidak tersedia" in ss2 and "naik" not in ss2 and "turun" not in ss2
    # the report has no reviu: no note on printed figures not reviewed
    assert not any("direviu" in x[2] or "laporan.csv" in x[2] for x in isi(d) if x[0] == "p")


# --------------------------------------------------------------------------- narasi: numbers in words


@pytest.mark.parametrize("n, kata", [
    (0, "nol"), (1, "satu"), (7, "tujuh"), (10, "sepuluh"), (11, "sebelas"), (12, "dua belas"), (15, "lima belas"),
    (20, "dua puluh"), (21, "dua puluh satu"), (99, "sembilan puluh sembilan"), (100, "seratus"),
    (115, "seratus lima belas"), (210, "dua ratus sepuluh"), (999, "sembilan ratus sembilan puluh sembilan"),
    (1000, "seribu"), (1001, "seribu satu"), (2500, "dua ribu lima ratus"), (11000, "sebelas ribu"),
    (100000, "seratus ribu"), (1_000_000, "satu juta"),
    (64_440_768_486, "enam puluh empat miliar empat ratus empat puluh juta tujuh ratus enam puluh delapan ribu "
                     "empat ratus delapan puluh enam"),
])
def test_terbilang(n, kata):
    assert narasi.terbilang(n) == kata


def test_terbilang_menolak_bukan_bilangan_bulat():
    assert narasi.terbilang(-3) == "minus tiga"
    for bad in (1.5, 10**15, True):
        with pytest.raises(ValueError):
            narasi.terbilang(bad)


def test_jumlah_kata():
    assert narasi.jumlah_kata(4, "IKU") == "4 (empat) IKU"
    assert narasi.jumlah_kata(1084) == "1.084 (seribu delapan puluh empat)"


# --------------------------------------------------------------------------- narasi: percents that add up


def test_persen_sisa_terbesar_contoh():
    d = [str(x) for x in narasi.persen_sisa_terbesar([1, 1, 1])]
    assert d == ["33.33", "33.33", "33.34"]
    assert [str(x) for x in narasi.persen_sisa_terbesar([1, 1, 1], 0)] == ["33", "33", "34"]
    assert [str(x) for x in narasi.persen_sisa_terbesar([4, 2])] == ["66.67", "33.33"]
    # 1/7 each of 7: 14,28 x 7 = 99,96 -> four units to the last four
    p = narasi.persen_sisa_terbesar([1] * 7)
    assert [str(x) for x in p] == ["14.28"] * 3 + ["14.29"] * 4 and sum(p) == 100
    # largest remainder wins over position: 2/3 = 66,666.. beats 1/3 = 33,333..
    assert [str(x) for x in narasi.persen_sisa_terbesar([2, 1], 0)] == ["67", "33"]
    assert [str(x) for x in narasi.persen_sisa_terbesar([0, 0])] == ["0.00", "0.00"]
    assert narasi.persen_sisa_terbesar([]) == []


@given(st.lists(st.integers(0, 60), min_size=1, max_size=8).filter(lambda xs: sum(xs) > 0), st.integers(0, 3))
def test_persen_sisa_terbesar_selalu_100(jumlah, desimal):
    p = narasi.persen_sisa_terbesar(jumlah, desimal)
    assert sum(p) == 100
    unit = Decimal(1).scaleb(-desimal)
    for x, c in zip(p, jumlah):
        exact = Decimal(c) * 100 / Decimal(sum(jumlah))
        assert abs(x - exact) < unit
        if c == 0:
            assert x == 0


# --------------------------------------------------------------------------- narasi: one IKU


def test_kalimat_perubahan():
    assert narasi.kalimat_perubahan(102.268041, 97.1875, 2023) == \
        "naik 5,08 poin persentase dari 97,19 % pada tahun 2023 menjadi 102,27 %"
    assert narasi.kalimat_perubahan(85.83, 148.29, 2023) == \
        "turun 62,46 poin persentase dari 148,29 % pada tahun 2023 menjadi 85,83 %"
    assert narasi.kalimat_perubahan(100.0, 100.0, 2023) == "tetap 100,00 %, sama dengan tahun 2023"
    assert narasi.kalimat_perubahan(100.004, 100.0, 2023).startswith("naik kurang dari 0,01 poin persentase")
    assert "belum dapat diukur" in narasi.kalimat_perubahan(None, 90.0, 2023)
    assert "tahun 2023 belum dapat diukur" in narasi.kalimat_perubahan(90.0, float("nan"), 2023)
    assert "tidak tersedia" in narasi.kalimat_perubahan(90.0, None, 2023, ada_lalu=False)


def _iku(**kw):
    base = dict(indikator="Indeks Kepuasan Masyarakat", tahun=2024, capaian=90.0, kategori="Tinggi", target=100.0,
                realisasi=90.0, satuan="Indeks", kode="IKU-6", capaian_lalu=80.0, kategori_lalu="Tinggi")
    base.update(kw)
    return narasi.paragraf_iku(**base)


def test_paragraf_iku_naik():
    s = _iku(capaian=95.0, kategori="Sangat Tinggi", realisasi=95.0, capaian_lalu=80.0)
    assert "sebesar 95,00 % dengan kategori Sangat Tinggi, dari realisasi 95 terhadap target 100 (belum mencapai target)" in s
    assert "naik 15,00 poin persentase dari 80,00 % pada tahun 2023 menjadi 95,00 %" in s
    assert "kategori berubah dari Tinggi menjadi Sangat Tinggi" in s
    assert "turun" not in s


def test_paragraf_iku_turun():
    s = _iku(capaian=80.0, realisasi=80.0, capaian_lalu=88.5)
    assert "turun 8,50 poin persentase dari 88,50 % pada tahun 2023 menjadi 80,00 %" in s
    assert "namun masih dalam kategori Tinggi" in s
    assert "naik" not in s and "meningkat" not in s


def test_paragraf_iku_naik_dalam_kategori_yang_sama():
    """After a rise the IKU stays ("tetap") in its kategori; "masih" (still, despite) is for a fall."""
    s = _iku(capaian=95.0, kategori="Sangat Tinggi", kategori_lalu="Sangat Tinggi", realisasi=95.0, capaian_lalu=92.0)
    assert "naik 3,00 poin persentase" in s and "dan tetap dalam kategori Sangat Tinggi" in s and "masih" not in s


def test_daftar_tiga_atau_lebih_memakai_koma_sebelum_dan():
    from lakip.core.teks import daftar as _daftar

    assert _daftar(["a"]) == "a" and _daftar(["a", "b"]) == "a dan b" and _daftar(["a", "b", "c"]) == "a, b, dan c"


def test_paragraf_iku_tetap():
    s = _iku(capaian=100.0, kategori="Sangat Tinggi", realisasi=100.0, capaian_lalu=100.0, kategori_lalu="Sangat Tinggi")
    assert "tepat mencapai target" in s and "tetap 100,00 %, sama dengan tahun 2023" in s
    assert "naik" not in s and "turun" not in s


def test_paragraf_iku_tahun_ini_belum_dapat_diukur():
    s = _iku(capaian=None, kategori=None, realisasi=None, catatan="realisasi belum tersedia", capaian_lalu=None,
             kategori_lalu=None)
    assert "tahun 2024 belum dapat diukur (realisasi belum tersedia)" in s
    assert "tidak ikut dihitung dalam rata-rata" in s
    assert "%" not in s and not re.search(r"\d,\d", s)  # never a number for it
    assert "naik" not in s and "turun" not in s


def test_paragraf_iku_tahun_lalu_belum_dapat_diukur():
    s = _iku(capaian=90.0, capaian_lalu=float("nan"), kategori_lalu=None)
    assert "Capaian tahun 2023 belum dapat diukur, sehingga perubahan terhadap tahun 2023 tidak dapat dihitung." in s
    assert "naik" not in s and "turun" not in s and "poin persentase" not in s


def test_paragraf_iku_persen_dan_level():
    s = _iku(indikator="Persentase Produk Hukum", satuan="Persen", capaian=85.83, realisasi=85.83)
    assert "dari realisasi 85,83 % terhadap target 100 %" in s
    s = _iku(indikator="Level Kematangan UKPBJ", satuan="Level", capaian=100.0, realisasi="9/9", target="9/9",
             capaian_lalu=100.0)
    assert "dari realisasi 9/9 terhadap target 9/9 (tepat mencapai target)" in s


def test_teks_sasaran():
    s = narasi.teks_sasaran(3, "Meningkatnya Akuntabilitas", 2024, 2, 1, 99.0, "Sangat Tinggi")
    assert "memiliki 2 (dua) indikator kinerja utama" in s
    assert "rata-rata capaian 1 (satu) IKU yang terukur; 1 (satu) IKU belum dapat diukur dan tidak ikut dihitung" in s
    s = narasi.teks_sasaran(1, "X", 2024, 1, 0, None, None)
    assert "belum dapat diukur" in s and "%" not in s


# --------------------------------------------------------------------------- narasi: Bab IV, budget, efficiency


def test_teks_ringkasan_tiga_iku_sisa_terbesar():
    s = narasi.teks_ringkasan("Unit", 2024, 3, 80.0, [("Sangat Tinggi", 1), ("Tinggi", 1), ("Sedang", 1)],
                              kategori_rata_rata="Tinggi")
    assert "seluruh IKU dapat diukur" in s
    assert "1 (satu) IKU (33,33 %) pada kategori Sangat Tinggi, 1 (satu) IKU (33,33 %) pada kategori Tinggi, dan " \
           "1 (satu) IKU (33,34 %) pada kategori Sedang" in s
    assert "berjumlah 100,00 %" in s and "belum dapat diukur" not in s


def test_teks_ringkasan_dengan_iku_belum_terukur():
    s = narasi.teks_ringkasan("Unit", 2024, 4, 91.5, [("Sangat Tinggi", 2), ("Tinggi", 1), ("Sedang", 0)],
                              belum_terukur=["IKU-1 Nilai LPPD"], kategori_rata_rata="Sangat Tinggi", desimal=0)
    assert "3 (tiga) IKU dapat diukur dan 1 (satu) IKU belum dapat diukur (IKU-1 Nilai LPPD)" in s
    assert "Rata-rata capaian 3 (tiga) IKU yang terukur sebesar 92 % dengan kategori Sangat Tinggi" in s  # desimal=0 throughout
    assert "2 (dua) IKU (67 %) pada kategori Sangat Tinggi dan 1 (satu) IKU (33 %) pada kategori Tinggi" in s
    assert "Tidak ada IKU pada kategori Sedang." in s
    with pytest.raises(ValueError):
        narasi.teks_ringkasan("Unit", 2024, 4, 91.5, [("Tinggi", 3)], belum_terukur=["a", "b"])


def test_teks_ringkasan_tanpa_iku_terukur():
    s = narasi.teks_ringkasan("Unit", 2024, 2, None, [("Sangat Tinggi", 0), ("Tinggi", 0)], belum_terukur=["A", "B"])
    assert "0 (nol) IKU dapat diukur dan 2 (dua) IKU belum dapat diukur" in s
    assert "belum dapat disajikan" in s and "%" not in s


def test_teks_anggaran():
    s = narasi.teks_anggaran("Unit", 2024, [("Program A", 1_000_000.0, 900_000.0), ("Program B", 500_000.0, None)])
    assert "sebesar Rp 1.500.000, dengan realisasi yang belum lengkap" in s
    assert "Program A sebesar Rp 1.000.000 dengan realisasi Rp 900.000 (90,00 %)" in s
    assert "Program B sebesar Rp 500.000 (realisasi belum tersedia)" in s
    assert "tertinggi" not in s  # one program with a serapan: nothing to rank
    assert "belum tersedia" in narasi.teks_anggaran("Unit", 2024, [])


def test_teks_efisiensi_dan_metode():
    s = narasi.teks_efisiensi(2024, "selisih", ["efisien", "cukup efisien", "cukup efisien", "belum dapat diukur"])
    assert "Dari 3 (tiga) IKU yang dapat dinilai pada tahun 2024, 1 (satu) IKU efisien dan 2 (dua) IKU cukup efisien." in s
    assert "Sebanyak 1 (satu) IKU belum dapat dinilai" in s
    m = narasi.teks_metode(Pilihan(rumus_turun="rasio", batas_capaian=120.0), "Tabel 3.1")
    assert "target / realisasi x 100" in m and "paling tinggi 120 %" in m and "menurut Tabel 3.1" in m


def test_equal_capaian_computed_with_binary_noise_stays_the_same():
    met = (3 / 9) * 100 / (3 / 9)  # 99.99999999999999
    assert narasi.kalimat_perubahan(met, 100.0, 2023) == "tetap 100,00 %, sama dengan tahun 2023"
    assert narasi.kalimat_perubahan(100.004, 100.0, 2023).startswith("naik kurang dari 0,01 poin persentase")
    from lakip import display

    assert display.tanda_selisih(100.0, met) == "tetap"
    assert display.tanda_selisih(100.0, 101.5) == "▲ +1,50 pp"


def test_distribution_table_prints_the_percents_of_the_text():
    import pandas as pd

    from lakip import display
    from lakip.core import scoring

    d = scoring.distribusi(pd.DataFrame({"capaian": [95.0, 80.0, 70.0, float("nan")]}), Pilihan().skala)
    t = display.tampil_distribusi(d).set_index("Kategori")
    assert t["Persen dari IKU terukur"].tolist() == ["33,33 %", "33,33 %", "33,34 %", "0,00 %", "0,00 %", "-"]
    assert t["Persen dari seluruh IKU"].tolist() == ["25,00 %", "25,00 %", "25,00 %", "0,00 %", "0,00 %", "25,00 %"]
    teks = narasi.teks_ringkasan(nama="Unit", tahun=2024, jumlah_iku=4, rata_rata=81.67,
                                 per_kategori=[("Sangat Tinggi", 1), ("Tinggi", 1), ("Sedang", 1)],
                                 belum_terukur=["IKU-4"], kategori_rata_rata="Tinggi")
    assert "(33,34 %) pada kategori Sedang" in teks
    kosong = display.tampil_distribusi(scoring.distribusi(pd.DataFrame({"capaian": [float("nan")]}), Pilihan().skala))
    assert kosong["Persen dari IKU terukur"].tolist() == ["-"] * 6
    assert kosong["Persen dari seluruh IKU"].tolist() == ["0,00 %"] * 5 + ["100,00 %"]


def test_tren_chart_and_its_caption_show_the_three_years_the_report_compares(tmp_path):
    import shutil

    data = tmp_path / "data"
    shutil.copytree(Path(__file__).parents[1] / "data" / "setda-batubara", data / "setda-batubara")
    k = data / "setda-batubara" / "kinerja.csv"
    rows = k.read_text(encoding="utf-8").splitlines()
    k.write_text("\n".join(rows + [r.replace(",2024,", ",2021,", 1) for r in rows[1:] if ",2024," in r]) + "\n",
                 encoding="utf-8")
    u = muat(data, "setda-batubara")
    per = analysis.tabel_perbandingan(u, 2024)
    assert sorted(per["tahun"].unique()) == [2021, 2022, 2023, 2024]
    fig = charts.grafik_tren(per, u.indikator, u.pilihan.skala)
    assert fig.get_suptitle() == "Tren Capaian IKU 2022-2024"
    assert [t.get_text() for t in fig.axes[0].get_xticklabels()] == ["2022", "2023", "2024"]
    d = docx.Document(tulis_docx(u, 2024, tmp_path / "out", None))
    caps = [t for kind, style, t, *_ in (x for x in isi(d) if x[0] == "p") if style == "Caption"]
    assert any(c.endswith("Tren Capaian Indikator Kinerja Utama Tahun 2022-2024") for c in caps)


def test_report_of_a_year_with_an_ended_and_a_new_iku(tmp_path):
    """IKU-2 (alone in SS-2) ended in 2023, IKU-5 measured from 2024: the 2024 report numbers the
    sasaran it shows, and says '-' where IKU-5 had no row, N/A only where a row was not measurable."""
    import shutil

    data = tmp_path / "data"
    shutil.copytree(Path(__file__).parents[1] / "data" / "setda-batubara", data / "setda-batubara")
    folder = data / "setda-batubara"
    bantu.hapus_baris(folder / "kinerja.csv", "IKU-2,2024,", "IKU-5,2022,", "IKU-5,2023,")
    bantu.akhiri(folder, "IKU-2", 2023)
    u = muat(data, "setda-batubara")
    teks_s = narasi.paragraf_sasaran(analysis.analisis(u, 2024))
    assert "SS-2" not in teks_s and teks_s["SS-3"].startswith("Sasaran strategis 2, ")
    d = docx.Document(tulis_docx(u, 2024, tmp_path / "out", None))
    assert [p.text for p in d.paragraphs if p.style.name.startswith("Heading 4")][1].startswith("Sasaran Strategis 2: ")
    _, t = tabel_dengan_judul(d, "Tabel 3.6 ")  # SS-4, the sasaran of IKU-5, third of the five shown
    rows = sel(t)
    assert rows[0][4] == "Capaian 2023" and rows[1][1].startswith("IKU-5 ") and rows[1][4] == "-"
    assert "IKU-5 baru ada sejak tahun 2024" in " ".join(p.text for p in d.paragraphs)
    d23 = docx.Document(tulis_docx(u, 2023, tmp_path / "out23", None))
    assert "IKU-5 baru ada" not in " ".join(p.text for p in d23.paragraphs)


def test_anggaran_tanpa_susunan_program(tmp_path):
    """Only the Bagian tree: the text says the program view is missing, not that there is no budget at all."""
    import shutil

    import pandas as pd

    from lakip.core.paths import DATA_DIR

    shutil.copytree(DATA_DIR / "setda-batubara", tmp_path / "u")
    a = pd.read_csv(tmp_path / "u" / "anggaran.csv", dtype=str, keep_default_na=False)
    a[a["tingkat"] != "program"].to_csv(tmp_path / "u" / "anggaran.csv", index=False)
    (tmp_path / "u" / "laporan.csv").write_text("tahun,tabel,kunci,nilai,catatan\n", encoding="utf-8")
    s = narasi.paragraf_anggaran(analysis.analisis(muat(tmp_path, "u"), 2024))
    assert s == ("Data anggaran per program Sekretariat Daerah Kabupaten Batu Bara tahun 2024 belum tersedia, sehingga "
                 "realisasi anggaran per program belum dapat disajikan; data anggaran yang ada disusun per Bagian.")
