"""The Word report: Bab III and Bab IV of the LKjIP as ``laporan.docx`` (python-docx).

:func:`tulis_docx` lays the generated parts out as the seed report does:
Bab III A (the rating scale, the capaian of every IKU, the comparison of
years, one section per sasaran strategis with its table, chart and text,
the efficiency of resource use), Bab III B (budget realisation per program,
with the Jumlah row) and the summary of Bab IV. Tables and charts carry
numbered captions (``Tabel 3.2 ...``, ``Gambar 3.1 ...``); numbers are written
the Indonesian way (``85,83 %``, ``Rp 64.440.768.486``); charts are printed
at the text width of an A4 page; table header rows are bold and repeat on
every page. A number keeps its unit on its line: a no-break space (U+00A0)
stands before ``%`` and after ``Rp``. The sentences come from
:mod:`lakip.narasi`, the tables from :mod:`lakip.analysis` formatted by
:mod:`lakip.display`.

The file is deterministic: the same inputs give byte-identical bytes (the
document dates are fixed and the zip is rewritten with fixed entry times).
"""

from __future__ import annotations

import datetime as dt
import io
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Inches, Pt, RGBColor

from lakip import analysis, charts, display, narasi
from lakip.config import BELUM_TERUKUR
from lakip.importer import _zip_tetap
from lakip.load import Unit
from lakip.numbers import format_angka, format_persen

__all__ = ["NAMA_BERKAS", "GRAFIK", "tulis_docx", "siapkan_docx", "buat_dokumen"]

#: The file name :func:`tulis_docx` writes when given a folder.
NAMA_BERKAS = "laporan.docx"

#: The charts of the notebooks the report uses, by file name (``grafik/<nama>.png``).
GRAFIK = ("capaian_iku", "target_realisasi", "tren_capaian", "alokasi_bagian", "serapan_program", "efisiensi")

_TANGGAL_TETAP = dt.datetime(2000, 1, 1, tzinfo=dt.timezone.utc)  # document dates: same inputs, same bytes
_HURUF = "Arial"
_LEBAR_TEKS_CM = 16.0  # A4 (21 cm) less two margins of 2,5 cm; charts.LEBAR_A4 is the same width in inches
_ABU_KEPALA = "D9D9D9"


# --------------------------------------------------------------------------- low-level helpers


def _atur_dokumen(doc, judul: str) -> None:
    """A4 portrait, 2,5 cm margins, Arial, Indonesian language, black headings, page numbers."""
    for s in doc.sections:
        s.orientation = WD_ORIENT.PORTRAIT
        s.page_width, s.page_height = Cm(21.0), Cm(29.7)
        s.top_margin = s.bottom_margin = s.left_margin = s.right_margin = Cm(2.5)
        s.header_distance = s.footer_distance = Cm(1.25)
        p = s.footer.paragraphs[0]
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        fld = OxmlElement("w:fldSimple")
        fld.set(qn("w:instr"), " PAGE ")
        r = OxmlElement("w:r")
        t = OxmlElement("w:t")
        t.text = "1"
        r.append(t)
        fld.append(r)
        p._p.append(fld)
    normal = doc.styles["Normal"]
    normal.font.name = _HURUF
    normal.font.size = Pt(11)
    rpr = normal.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), _HURUF)
    # the document's language (spelling, hyphenation): Indonesian, in the defaults every style inherits
    dflt = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    lang = dflt.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        dflt.insert_element_before(lang, "w:eastAsianLayout", "w:specVanish", "w:oMath")
    lang.set(qn("w:val"), "id-ID")
    pf = normal.paragraph_format
    pf.space_after = Pt(6)
    pf.line_spacing = 1.15
    for name, size, center in (("Title", 16, True), ("Subtitle", 11, True), ("Heading 1", 14, True),
                               ("Heading 2", 12, False), ("Heading 3", 11, False), ("Heading 4", 11, False),
                               ("Caption", 10, True)):
        st = doc.styles[name]
        st.font.name = _HURUF
        st.font.size = Pt(size)
        st.font.color.rgb = RGBColor(0, 0, 0)
        st.font.bold = name != "Subtitle"
        st.font.italic = name in ("Heading 4", "Subtitle")
        srpr = st.element.get_or_add_rPr()
        f = srpr.find(qn("w:rFonts"))
        if f is None:
            f = OxmlElement("w:rFonts")
            srpr.insert(0, f)
        for attr in list(f.attrib):
            if attr.endswith("Theme"):
                del f.attrib[attr]
        for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            f.set(qn(attr), _HURUF)
        st.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER if center else WD_ALIGN_PARAGRAPH.LEFT
        st.paragraph_format.space_before = Pt(12 if name.startswith("Heading") else 6)
        st.paragraph_format.space_after = Pt(6)
        st.paragraph_format.keep_with_next = True
    cp = doc.core_properties
    cp.title = judul
    cp.subject = "Laporan Kinerja Instansi Pemerintah (LKjIP): Bab III dan Bab IV"
    cp.author = "lakip"
    cp.last_modified_by = "lakip"
    cp.language = "id-ID"
    cp.keywords = "LKjIP, LAKIP, capaian kinerja, IKU"
    cp.comments = ""
    cp.revision = 1
    cp.created = cp.modified = cp.last_printed = _TANGGAL_TETAP


def _rapat(teks: str) -> str:
    """A number keeps its unit on the same line: ``85,83\u00a0%``, ``Rp\u00a064.440.768.486`` (no-break spaces)."""
    return teks.replace(" %", "\u00a0%").replace("Rp ", "Rp\u00a0")


def _paragraf(doc, teks: str, rata: str = "justify", miring: bool = False, ukuran: float | None = None):
    p = doc.add_paragraph()
    p.alignment = {"justify": WD_ALIGN_PARAGRAPH.JUSTIFY, "left": WD_ALIGN_PARAGRAPH.LEFT,
                   "center": WD_ALIGN_PARAGRAPH.CENTER}[rata]
    run = p.add_run(_rapat(teks))
    run.italic = miring
    if ukuran:
        run.font.size = Pt(ukuran)
    return p


def _set_cell(cell, teks: str, rata: str, ukuran: float, tebal: bool) -> None:
    p = cell.paragraphs[0]
    p.alignment = {"l": WD_ALIGN_PARAGRAPH.LEFT, "r": WD_ALIGN_PARAGRAPH.RIGHT, "c": WD_ALIGN_PARAGRAPH.CENTER}[rata]
    pf = p.paragraph_format
    pf.space_before = pf.space_after = Pt(1)
    pf.line_spacing = 1.0
    run = p.add_run(_rapat(teks))
    run.font.size = Pt(ukuran)
    run.bold = tebal
    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER


def _arsir(cell, warna: str) -> None:
    tcpr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), warna)
    # in the place the schema gives it (Word refuses elements out of order)
    tcpr.insert_element_before(shd, "w:noWrap", "w:tcMar", "w:textDirection", "w:tcFitText", "w:vAlign",
                               "w:hideMark", "w:headers", "w:cellIns", "w:cellDel", "w:cellMerge", "w:tcPrChange")


def _baris_tetap(row, kepala: bool) -> None:
    """Rows never split across pages; header rows repeat on every page."""
    trpr = row._tr.get_or_add_trPr()
    trpr.append(OxmlElement("w:cantSplit"))
    if kepala:
        trpr.append(OxmlElement("w:tblHeader"))


def _tabel(
    doc,
    kepala: Sequence[Sequence[str | None]],
    baris: Sequence[Sequence[str]],
    lebar_cm: Sequence[float],
    rata: str,
    ukuran: float = 8.5,
    tebal: set[int] | None = None,
    tepi_cm: float = 0.1,
):
    """A bordered table with header rows (bold, shaded, repeated on each page).

    In ``kepala`` a cell ``None`` is merged with the cell to its left and a
    cell ``"^"`` with the cell above. ``rata`` has one letter per column
    (``l``, ``r``, ``c``) for the body; ``tebal`` holds body rows in bold;
    ``tepi_cm`` is the left and right padding of the cells. Numbers keep
    their unit on the same line (a no-break space before ``%``, after ``Rp``).
    """
    n = len(lebar_cm)
    if abs(sum(lebar_cm) - _LEBAR_TEKS_CM) > 0.05 or len(rata) != n:
        raise ValueError(f"_tabel: lebar kolom {sum(lebar_cm):.2f} cm / {len(rata)} perataan tidak cocok")
    table = doc.add_table(rows=len(kepala) + len(baris), cols=n)
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    tblpr = table._tbl.tblPr
    mar = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:w"), str(round(tepi_cm / 2.54 * 1440)))
        el.set(qn("w:type"), "dxa")
        mar.append(el)
    tblpr.insert_element_before(mar, "w:tblLook", "w:tblCaption", "w:tblDescription", "w:tblPrChange")
    lebar = [Cm(w) for w in lebar_cm]
    for i, w in enumerate(lebar):
        table.columns[i].width = w
    # the cells of each row fetched once: table.cell() walks the whole table on every call
    rows = table.rows
    body = [rows[len(kepala) + i].cells for i in range(len(baris))]
    for cells in body:
        for cell, w in zip(cells, lebar):
            cell.width = w
    # header: set widths, merge, then write into the first cell of each span
    for r in range(len(kepala)):
        for cell, w in zip(rows[r].cells, lebar):
            cell.width = w
    for r, row in enumerate(kepala):
        for c, v in enumerate(row):
            if v is None:
                start = c
                while kepala[r][start] is None:
                    start -= 1
                table.cell(r, start).merge(table.cell(r, c))
            elif v == "^":
                table.cell(r - 1, c).merge(table.cell(r, c))
    for r, row in enumerate(kepala):
        for c, v in enumerate(row):
            if v is not None and v != "^":
                cell = table.cell(r, c)
                _set_cell(cell, v, "c", ukuran, True)
                _arsir(cell, _ABU_KEPALA)
        _baris_tetap(rows[r], kepala=True)
    tebal = tebal or set()
    for i, (row, cells) in enumerate(zip(baris, body)):
        for c, v in enumerate(row):
            _set_cell(cells[c], str(v), rata[c], ukuran, i in tebal)
        _baris_tetap(rows[len(kepala) + i], kepala=False)
    return table


@dataclass
class _Nomor:
    """Running numbers of the captions of a chapter."""

    bab: int
    tabel: int = 0
    gambar: int = 0
    daftar: list[str] = field(default_factory=list)

    def tabel_baru(self) -> str:
        self.tabel += 1
        return f"Tabel {self.bab}.{self.tabel}"

    def gambar_baru(self) -> str:
        self.gambar += 1
        return f"Gambar {self.bab}.{self.gambar}"


def _judul_tabel(doc, nomor: _Nomor, judul: str) -> str:
    label = nomor.tabel_baru()
    p = doc.add_paragraph(f"{label} {judul}", style="Caption")
    p.paragraph_format.keep_with_next = True
    return label


def _sumber(doc, teks: str) -> None:
    p = _paragraf(doc, f"Sumber: {teks}", rata="left", miring=True, ukuran=8)
    p.paragraph_format.space_after = Pt(10)


def _gambar(doc, nomor: _Nomor, grafik: charts.SumberGrafik, nama: str, buat, judul: str) -> str:
    """A chart with its caption; the picture goes in when ``grafik`` hands it over."""
    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.paragraph_format.keep_with_next = True
    p.paragraph_format.space_before = Pt(6)
    run = p.add_run()
    grafik.minta(nama, buat, lambda png: run.add_picture(str(png), width=Inches(charts.LEBAR_A4)))
    label = nomor.gambar_baru()
    doc.add_paragraph(f"{label} {judul}", style="Caption")
    return label


def _nilai(v: object) -> str:
    return display.teks_nilai(v)


def _kat(v: object) -> str:
    return BELUM_TERUKUR if v is None or (isinstance(v, float) and v != v) or v is pd.NA else str(v)


def _angka_skala(x: float) -> str:
    return format_angka(x, 0 if float(x).is_integer() else 2)


# --------------------------------------------------------------------------- the parts of Bab III and IV


def _bab3_skala(doc, unit: Unit, nomor: _Nomor) -> str:
    skala = unit.pilihan.skala
    rows, atas = [], None
    for i, lab in enumerate(skala.label):
        bawah = skala.batas[i] if i < len(skala.batas) else None
        if atas is None:
            interval = f"> {_angka_skala(bawah)}"
        elif bawah is None:
            interval = f"≤ {_angka_skala(atas)}"
        else:
            interval = f"> {_angka_skala(bawah)} dan ≤ {_angka_skala(atas)}"
        rows.append([str(i + 1), interval, lab])
        atas = bawah
    label = _judul_tabel(doc, nomor, "Skala Nilai Peringkat Kinerja")
    _tabel(doc, [["No", "Interval Capaian (%)", "Kategori"]], rows, [1.5, 8.0, 6.5], "clc", ukuran=9)
    _sumber(doc, "pilihan skala unit (entitas.yml); batas bawah setiap kelas tidak termasuk, capaian di atas "
                 "100 % tetap pada kelas tertinggi.")
    return label


def _bab3_capaian(doc, unit: Unit, tahun: int, nomor: _Nomor, grafik: charts.SumberGrafik, iku: pd.DataFrame) -> None:
    t = display.tampil_capaian_iku(iku)
    rows = [[str(r["No"]), r["Kode"], r["Indikator Kinerja Utama"], str(r["Satuan"]), r["Target"], r["Realisasi"],
             r["Capaian"], r["Kategori"]] for _, r in t.iterrows()]
    _judul_tabel(doc, nomor, f"Hasil Pengukuran Capaian Kinerja {unit.nama} Tahun {tahun}")
    _tabel(doc, [["No", "Kode", "Indikator Kinerja Utama", "Satuan", "Target", "Realisasi", "Capaian", "Kategori"]],
           rows, [0.8, 1.4, 4.2, 1.9, 1.5, 1.8, 1.9, 2.5], "cllcrrrl")
    _sumber(doc, "indikator.csv dan kinerja.csv, diolah; N/A: realisasi belum tersedia.")
    _paragraf(doc, narasi.paragraf_capaian(unit, tahun))
    _gambar(doc, nomor, grafik, "capaian_iku", lambda: charts.grafik_capaian_iku(iku, unit.pilihan.skala, tahun=tahun),
            f"Capaian Indikator Kinerja Utama terhadap Kategori Tahun {tahun}")
    _gambar(doc, nomor, grafik, "target_realisasi", lambda: charts.grafik_target_realisasi(iku, unit.indikator, tahun),
            f"Target dan Realisasi Indikator Kinerja Utama Tahun {tahun}")


def _bab3_perbandingan(doc, unit: Unit, tahun: int, nomor: _Nomor, grafik: charts.SumberGrafik, perbandingan: pd.DataFrame) -> None:
    years = analysis.tahun_banding(perbandingan, tahun)
    if len(years) < 2:
        _paragraf(doc, narasi.teks_tanpa_perbandingan(tahun))
        return
    names = unit.indikator.set_index("kode")["indikator"]
    span = f"{years[0]}-{years[-1]}"
    k = len(years)
    kepala = [
        ["No", "Indikator Kinerja Utama", "Target", *([None] * (k - 1)), "Realisasi", *([None] * (k - 1)),
         "Capaian (%)", *([None] * (k - 1)), "Perubahan (pp)"],
        ["^", "^", *[str(y) for y in years] * 3, f"{years[-2]}-{years[-1]}"],
    ]
    rows = []
    for i, (kode, grp) in enumerate(perbandingan.groupby("kode", sort=False)):
        g = grp.set_index("tahun")
        row = [str(i + 1), f"{kode} {names.get(kode, '')}"]
        for col, fmt in (("target", _nilai), ("realisasi", _nilai), ("capaian", lambda v: format_angka(v, 2))):
            row += [fmt(g[col].get(y)) if y in g.index else "-" for y in years]
        ch = g["perubahan_pp"].get(years[-1]) if years[-1] in g.index else None
        row.append("-" if ch is None or ch != ch else ("+" if ch > 0 else "") + format_angka(float(ch), 2))
        rows.append(row)
    sisa = _LEBAR_TEKS_CM - 0.6 - 1.7
    lebar_tahun = round(min(1.6, (sisa - 2.9) / (3 * k)), 2)
    lebar_ind = round(sisa - 3 * k * lebar_tahun, 2)
    _judul_tabel(doc, nomor, f"Perbandingan Capaian Kinerja Tahun {span} {unit.nama}")
    _tabel(doc, kepala, rows, [0.6, lebar_ind, *[lebar_tahun] * (3 * k), 1.7], "cl" + "r" * (3 * k) + "r",
           ukuran=7.5, tepi_cm=0.08)
    _sumber(doc, "kinerja.csv, diolah; perubahan dalam poin persentase (pp) terhadap tahun sebelumnya, dihitung dari "
                 "capaian yang tidak dibulatkan; N/A: belum dapat diukur.")
    _gambar(doc, nomor, grafik, "tren_capaian", lambda: charts.grafik_tren(perbandingan, unit.indikator, unit.pilihan.skala),
            f"Tren Capaian Indikator Kinerja Utama Tahun {span}")


def _bab3_sasaran(doc, unit: Unit, tahun: int, nomor: _Nomor, grafik: charts.SumberGrafik, iku: pd.DataFrame,
                  perbandingan: pd.DataFrame) -> None:
    sasaran = analysis.tabel_capaian_sasaran(unit, tahun)
    teks = narasi.paragraf_sasaran(unit, tahun)
    lalu = perbandingan[perbandingan["tahun"] == tahun - 1].set_index("kode")["capaian"]
    ada_lalu = (perbandingan["tahun"] == tahun - 1).any()
    years = analysis.tahun_banding(perbandingan, tahun)
    per_sasaran = charts.grafik_sasaran(unit, tahun)
    for i, (_, s) in enumerate(sasaran.iterrows(), start=1):
        kode_s, nama_s = s["sasaran_kode"], s["sasaran"]
        doc.add_heading(f"Sasaran Strategis {i}: {nama_s}", level=4)
        sub = iku[iku["sasaran_kode"] == kode_s]
        kepala = ["No", "Indikator Kinerja Utama", f"Target {tahun}", f"Realisasi {tahun}"]
        kepala += [f"Capaian {tahun - 1}"] if ada_lalu else []
        kepala += [f"Capaian {tahun}", f"Kategori {tahun}"]
        rows = []
        for j, (_, r) in enumerate(sub.iterrows(), start=1):
            row = [str(j), f"{r['kode']} {r['indikator']}", _nilai(r["target"]), _nilai(r["realisasi"])]
            if ada_lalu:
                # "-": no row that year (the IKU did not exist yet); N/A: a row not measurable
                row.append(format_persen(lalu.get(r["kode"])) if r["kode"] in lalu.index else "-")
            row += [format_persen(r["capaian"]), _kat(r["kategori"])]
            rows.append(row)
        if ada_lalu:
            lebar, rata = [0.8, 5.0, 1.7, 1.9, 2.0, 2.0, 2.6], "clrrrrl"
        else:
            lebar, rata = [0.8, 7.0, 1.7, 1.9, 2.0, 2.6], "clrrrl"
        rows.append(["", "Capaian sasaran (rata-rata IKU terukur)", "", "", *([""] if ada_lalu else []),
                     format_persen(s["capaian"]), _kat(s["kategori"])])
        _judul_tabel(doc, nomor, f"Pengukuran Capaian Kinerja Sasaran Strategis {i} {nama_s}")
        _tabel(doc, [kepala], rows, lebar, rata, tebal={len(rows) - 1})
        _sumber(doc, "kinerja.csv, diolah.")
        _paragraf(doc, teks[kode_s])
        nama = f"tren_{kode_s}"
        # the years its chart shows: those of the report that its IKU have rows in
        own = sorted(int(y) for y in perbandingan.loc[perbandingan["kode"].isin(sub["kode"])
                                                      & perbandingan["tahun"].isin(years), "tahun"].unique())
        judul = (f"Tren Capaian IKU Sasaran Strategis {i} Tahun {own[0]}-{own[-1]}" if len(own) > 1
                 else f"Capaian IKU Sasaran Strategis {i} Tahun {own[0] if own else tahun}")
        _gambar(doc, nomor, grafik, nama, per_sasaran[nama], judul)


def _bab3_efisiensi(doc, unit: Unit, tahun: int, nomor: _Nomor, grafik: charts.SumberGrafik) -> None:
    e = analysis.tabel_efisiensi(unit, tahun)
    doc.add_heading("4. Efisiensi Penggunaan Sumber Daya", level=3)
    if e.empty or unit.anggaran_iku[unit.anggaran_iku["tahun"] == tahun].empty:
        _paragraf(doc, narasi.teks_efisiensi(tahun, unit.pilihan.metode_efisiensi, []))
        return
    t = display.tampil_efisiensi(e, unit.indikator)
    rows = [[str(i + 1), f"{r['Kode']} {r['Indikator']}", r["Capaian Kinerja"], r["Pagu"], r["Realisasi Anggaran"],
             r["Capaian Anggaran"], r["Nilai Efisiensi"], r["Target Tercapai"], r["Status"]] for i, (_, r) in enumerate(t.iterrows())]
    _judul_tabel(doc, nomor, f"Efisiensi Penggunaan Anggaran per Indikator Kinerja Utama Tahun {tahun}")
    _tabel(doc, [["No", "Indikator Kinerja Utama", "Capaian Kinerja", "Pagu", "Realisasi Anggaran", "Capaian Anggaran",
                  "Nilai", "Target Tercapai", "Status"]],
           rows, [0.6, 2.7, 1.5, 2.6, 2.6, 1.5, 1.1, 1.3, 2.1], "clrrrrrcl", ukuran=7.5, tepi_cm=0.08)
    _sumber(doc, "anggaran_iku.csv dan kinerja.csv, diolah.")
    _paragraf(doc, narasi.paragraf_efisiensi(unit, tahun))
    _gambar(doc, nomor, grafik, "efisiensi", lambda: charts.grafik_efisiensi(e, tahun),
            f"Capaian Kinerja dan Capaian Anggaran per IKU Tahun {tahun}")


def _bab3_anggaran(doc, unit: Unit, tahun: int, nomor: _Nomor, grafik: charts.SumberGrafik) -> None:
    a = analysis.tabel_anggaran(unit, tahun)
    doc.add_heading("B. Realisasi Anggaran", level=2)
    _paragraf(doc, narasi.paragraf_anggaran(unit, tahun))
    prog = a[(a["tingkat"] == "program") & a["induk"].isna()]
    if not prog.empty:
        t = display.tampil_total_program(a)
        rows = [[str(r["No"]), r["Uraian"], r["Anggaran"], r["Realisasi"], r["Capaian Realisasi"]] for _, r in t.iterrows()]
        _judul_tabel(doc, nomor, f"Komposisi Belanja {unit.nama} Tahun {tahun}")
        _tabel(doc, [["No", "Uraian", f"Tahun Anggaran {tahun}", None, None],
                     ["^", "^", "Anggaran", "Realisasi", "Capaian Realisasi"]],
               rows, [0.8, 5.2, 3.7, 3.7, 2.6], "clrrr", ukuran=9, tebal={len(rows) - 1})
        _sumber(doc, "anggaran.csv, diolah.")
        _gambar(doc, nomor, grafik, "serapan_program", lambda: charts.grafik_serapan_program(a, tahun),
                f"Pagu dan Realisasi Anggaran per Program Tahun {tahun}")
    if not a[(a["tingkat"] == "bagian") & a["induk"].isna()].empty:
        _gambar(doc, nomor, grafik, "alokasi_bagian", lambda: charts.grafik_alokasi_bagian(a, tahun),
                f"Alokasi Anggaran per Bagian Tahun {tahun}")


# --------------------------------------------------------------------------- the document


def buat_dokumen(unit: Unit, tahun: int, grafik: charts.SumberGrafik):
    """The report as a python-docx ``Document``, not yet saved; its charts are
    asked from ``grafik`` and go in when ``grafik.selesaikan()`` hands them over."""
    judul = f"Laporan Kinerja {unit.nama} Tahun {tahun}"
    doc = Document()
    _atur_dokumen(doc, judul)
    iku = analysis.tabel_capaian_iku(unit, tahun)
    perbandingan = analysis.tabel_perbandingan(unit, tahun)
    perbandingan = perbandingan[perbandingan["tahun"].isin(analysis.tahun_banding(perbandingan, tahun))]

    doc.add_paragraph(judul, style="Title")
    doc.add_paragraph("Bab III Akuntabilitas Kinerja dan Bab IV Penutup, disusun dari data dengan lakip", style="Subtitle")
    catatan = [str(m) for m in unit.peringatan_tahun(tahun)] + analysis.catatan_data(unit, tahun, reviu=False)
    for c in catatan:
        _paragraf(doc, f"Catatan: {c}", rata="left", miring=True, ukuran=9)

    nomor = _Nomor(bab=3)
    doc.add_heading("BAB III AKUNTABILITAS KINERJA", level=1)
    doc.add_heading("A. Akuntabilitas Kinerja", level=2)
    label_skala = _bab3_skala(doc, unit, nomor)
    _paragraf(doc, narasi.teks_metode(unit.pilihan, label_skala))
    doc.add_heading(f"1. Capaian Indikator Kinerja Utama Tahun {tahun}", level=3)
    _bab3_capaian(doc, unit, tahun, nomor, grafik, iku)
    doc.add_heading("2. Perbandingan Capaian Kinerja dengan Tahun Sebelumnya", level=3)
    _bab3_perbandingan(doc, unit, tahun, nomor, grafik, perbandingan)
    doc.add_heading("3. Pengukuran dan Analisis Capaian Kinerja per Sasaran Strategis", level=3)
    _bab3_sasaran(doc, unit, tahun, nomor, grafik, iku, perbandingan)
    _bab3_efisiensi(doc, unit, tahun, nomor, grafik)
    _bab3_anggaran(doc, unit, tahun, nomor, grafik)

    doc.add_heading("BAB IV PENUTUP", level=1).paragraph_format.page_break_before = True
    _paragraf(doc, narasi.paragraf_ringkasan(unit, tahun))
    return doc


def siapkan_docx(unit: Unit, tahun: int, grafik: charts.SumberGrafik) -> Callable[[str | Path], Path]:
    """Build the Word report, asking ``grafik`` for its charts; return the function
    that writes it (see :func:`tulis_docx` for ``tujuan``) once ``grafik.selesaikan()``
    has handed them over. Two reports prepared on one source take their charts together."""
    doc = buat_dokumen(unit, tahun, grafik)

    def tulis(tujuan: str | Path) -> Path:
        tujuan = Path(tujuan)
        path = tujuan if tujuan.suffix.lower() == ".docx" else tujuan / NAMA_BERKAS
        path.parent.mkdir(parents=True, exist_ok=True)
        buf = io.BytesIO()
        doc.save(buf)
        sementara = path.with_name(f".{path.name}.baru")
        sementara.write_bytes(_zip_tetap(buf.getvalue()))
        os.replace(sementara, path)
        return path

    return tulis


def tulis_docx(unit: Unit, tahun: int, tujuan: str | Path, folder_grafik: str | Path | None = None,
               grafik: charts.SumberGrafik | None = None) -> Path:
    """Write the Word report of a unit and year; return its path.

    ``tujuan`` is a folder (the file is ``<tujuan>/laporan.docx``) or a path
    ending in ``.docx``. ``folder_grafik`` is the ``grafik/`` folder of a run
    (or the run folder): its PNG files (``capaian_iku.png``, ...) are used as
    they are; a chart not found there, and the chart of each sasaran, is
    drawn with :mod:`lakip.charts` in a temporary folder. ``grafik`` instead
    gives the source of the charts (e.g. waiting for notebooks still drawing).
    The file is written whole (temporary file, then renamed) and is
    byte-identical for the same inputs.
    """
    return charts.tulis_dengan_grafik(siapkan_docx, unit, tahun, tujuan, folder_grafik, grafik)
