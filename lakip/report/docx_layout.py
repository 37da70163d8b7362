"""The layout of the Word report (python-docx): an A4 page with its styles, paragraphs whose
numbers keep their unit on the line, bordered tables with repeated header rows, numbered
captions, and charts at the width of the text.

A number keeps its unit on its line: a no-break space (U+00A0) stands before
``%`` and after ``Rp``. The document's dates are fixed, so the same content
gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_COLOR_INDEX
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Inches, Pt, RGBColor
from matplotlib.figure import Figure

from lakip.core.serial import TANGGAL_TETAP
from lakip.report.charts import LEBAR_A4, Gambar, SumberGrafik

__all__ = ["LEBAR_TEKS_CM", "atur_dokumen", "paragraf", "isian", "tabel", "Nomor", "judul_tabel", "sumber", "gambar"]

_TANGGAL_TETAP = TANGGAL_TETAP.replace(tzinfo=dt.timezone.utc)  # document dates: same inputs, same bytes
_HURUF = "Arial"
#: The width of the text of an A4 page (21 cm less two margins of 2,5 cm); charts.LEBAR_A4 is the same in inches.
LEBAR_TEKS_CM = 16.0
_ABU_KEPALA = "D9D9D9"


def atur_dokumen(doc, judul: str) -> None:
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
    cp.subject = "Laporan Kinerja Instansi Pemerintah (LKjIP): Bab I sampai Bab IV"
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


def paragraf(doc, teks: str, rata: str = "justify", miring: bool = False, ukuran: float | None = None):
    p = doc.add_paragraph()
    p.alignment = {"justify": WD_ALIGN_PARAGRAPH.JUSTIFY, "left": WD_ALIGN_PARAGRAPH.LEFT,
                   "center": WD_ALIGN_PARAGRAPH.CENTER}[rata]
    run = p.add_run(_rapat(teks))
    run.italic = miring
    if ukuran:
        run.font.size = Pt(ukuran)
    return p


def isian(doc, teks: str):
    """A placeholder for the planner's own prose (``[Diisi oleh penyusun: ...]``), highlighted yellow and in
    italics so that it is seen and replaced, never mistaken for the report's text."""
    p = paragraf(doc, teks, rata="left", miring=True)
    p.runs[0].font.highlight_color = WD_COLOR_INDEX.YELLOW
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


def tabel(
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
    if abs(sum(lebar_cm) - LEBAR_TEKS_CM) > 0.05 or len(rata) != n:
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
class Nomor:
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


def judul_tabel(doc, nomor: Nomor, judul: str) -> str:
    label = nomor.tabel_baru()
    p = doc.add_paragraph(f"{label} {judul}", style="Caption")
    p.paragraph_format.keep_with_next = True
    return label


def sumber(doc, teks: str) -> None:
    p = paragraf(doc, f"Sumber: {teks}", rata="left", miring=True, ukuran=8)
    p.paragraph_format.space_after = Pt(10)


def gambar(doc, nomor: Nomor, grafik: SumberGrafik, nama: str, buat: Callable[[], Figure], judul: str) -> str:
    """A chart with its caption; the picture goes in when ``grafik`` hands it over."""
    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.paragraph_format.keep_with_next = True
    p.paragraph_format.space_before = Pt(6)
    run = p.add_run()

    def pakai(g: Gambar) -> None:
        run.add_picture(io.BytesIO(g.png), width=Inches(LEBAR_A4))
        for cnvpr in run.element.xpath(".//pic:cNvPr"):  # the picture named as its file in grafik/
            cnvpr.set("name", f"{g.nama}.png")

    grafik.minta(nama, buat, pakai)
    label = nomor.gambar_baru()
    doc.add_paragraph(f"{label} {judul}", style="Caption")
    return label
