"""The analysis as an Excel workbook a planner checks and copies from (``laporan.xlsx``).

One sheet per table (IKM and AKIP only for a unit with ``survei_ikm.csv`` or ``lke.csv``), and a
sheet ``Metode`` with the method in words as the Word report states it (:mod:`lakip.report.metode`).
Numbers are real numbers with number formats, so a
viewer with an Indonesian locale sees ``85,83`` and ``Rp 64.440.768.486``;
headers are frozen and sized; kategori cells carry the colours of the
charts; where a planner would expect a formula (capaian = realisasi /
target, serapan = realisasi / pagu, the Jumlah row) the sheet has it, next
to the value lakip computed. Text from the data (one that starts with ``=``,
``+``, ``-``, ``@``, tab or CR included) is written as that text, never a
formula (:func:`lakip.core.serial.tulis_sel`).
"""

from __future__ import annotations

from typing import Any

from lakip.core import budget, scoring
from lakip.core.config import BELUM_TERUKUR
from lakip.core.numbers import desimal_tertulis, tidak_ada
from lakip.core.serial import TANGGAL_TETAP, buku_bytes, tulis_sel
from lakip.core.vocabulary import kata_tingkat
from lakip.report import metode
from lakip.report.charts import warna_kategori
from lakip.report.display import keterangan_efisiensi, tampil_skala
from lakip.report.display_luar import ada_akip, ada_ikm, baris_total
from lakip.report.hasil import Hasil

__all__ = ["xlsx"]

_PERSEN = '0.00" %"'
_RUPIAH = '"Rp "#,##0'
_PP = '+0.00" pp";-0.00" pp";0.00" pp"'


def _angka_tertulis(x: Any, desimal: Any = None) -> str:
    """The number format of a target or realisasi cell: the decimals the data writes it with (``desimal``,
    from the table's ``*_desimal`` column; else those of its shortest form): 9,70, 82,5 (not 82,50), 9."""
    if not isinstance(x, (int, float)) or isinstance(x, bool):
        return "@"
    d = desimal_tertulis(x) if tidak_ada(desimal) else int(desimal)
    return "#,##0." + "0" * d if d else "#,##0"


def _nilai(x: Any) -> Any:
    """A value as a cell takes it: None where it is missing, a Python number for a numpy one."""
    if tidak_ada(x):
        return None
    if hasattr(x, "item"):
        return x.item()
    return x


class _Buku:
    """The workbook being written, with the house style of its sheets and cells."""

    def __init__(self, judul: str, skala: Any):
        from openpyxl import Workbook
        from openpyxl.styles import Border, Font, PatternFill, Side

        self.wb = Workbook()
        self.wb.properties.created = self.wb.properties.modified = TANGGAL_TETAP
        self.wb.properties.creator = "lakip"
        self.wb.properties.title = judul
        self.wb.remove(self.wb.active)
        self.bold = Font(bold=True)
        self.head_fill = PatternFill("solid", fgColor="DDDDDD")
        thin = Side(style="thin", color="999999")
        self.border = Border(left=thin, right=thin, top=thin, bottom=thin)
        self.colors = {k: v[0].lstrip("#") for k, v in warna_kategori(skala).items()}

    def sheet(self, title: str, kolom: list[tuple[str, int]], judul: str):
        from openpyxl.styles import Alignment, Font
        from openpyxl.utils import get_column_letter

        ws = self.wb.create_sheet(title)
        tulis_sel(ws, 1, 1, judul).font = Font(bold=True, size=12)
        for j, (name, width) in enumerate(kolom, start=1):
            c = tulis_sel(ws, 3, j, name)
            c.font, c.fill, c.border = self.bold, self.head_fill, self.border
            c.alignment = Alignment(wrap_text=True, vertical="center")
            ws.column_dimensions[get_column_letter(j)].width = width
        ws.freeze_panes = "A4"
        return ws

    def put(self, ws, r: int, j: int, v: Any, fmt: str | None = None):
        c = tulis_sel(ws, r, j, _nilai(v))  # data, never a formula
        c.border = self.border
        if fmt and isinstance(c.value, (int, float)):
            c.number_format = fmt
        return c

    def rumus(self, ws, r: int, j: int, f: str, fmt: str):
        c = ws.cell(r, j, f)  # a formula lakip wrote itself
        c.border, c.number_format = self.border, fmt
        return c

    def kategori(self, ws, r: int, j: int, v: Any):
        from openpyxl.styles import PatternFill

        label = BELUM_TERUKUR if _nilai(v) is None else str(v)
        c = self.put(ws, r, j, label)
        if label in self.colors:
            c.fill = PatternFill("solid", fgColor=self.colors[label])
        return c


def _rumus_capaian(i: int, polaritas: str, rumus_turun: str, batas: float | None) -> str:
    """The formula of a capaian in row ``i`` (target in F, realisasi in G), capped by ``batas_capaian_iku``."""
    f = f"G{i}/F{i}*100" if polaritas == "naik" else (
        f"MAX((2*F{i}-G{i})/F{i}*100,0)" if rumus_turun == "selisih" else f"F{i}/G{i}*100")
    if batas is not None:
        f = f"MIN({f},{batas:g})"
    return "=" + f


def _capaian_iku(b: _Buku, h: Hasil) -> None:
    """Capaian IKU (Tabel 3.2 form) with the formula beside the computed value; with ``batas_capaian_iku``
    the formula is capped (``=MIN(...,100)``) and the capaian before the cap follows in the last column."""
    a = h.analisis
    batas = a.pilihan.batas_capaian_iku
    kolom = [("No", 5), ("Kode", 9), ("Indikator Kinerja Utama", 48), ("Satuan", 14), ("Polaritas", 10),
             ("Target", 12), ("Realisasi", 12), ("Capaian (%)", 13), ("Capaian: rumus (%)", 16),
             ("Kategori", 18), ("Keterangan", 40)]
    if batas is not None:
        kolom.append(("Capaian tanpa batas (%)", 16))
    ws = b.sheet("Capaian IKU", kolom, f"Capaian Indikator Kinerja Utama {a.unit.nama} Tahun {a.tahun}")
    for i, row in enumerate(a.capaian_iku.itertuples(index=False), start=4):
        for j, v in enumerate((i - 3, row.kode, row.indikator, row.satuan, row.polaritas), start=1):
            b.put(ws, i, j, v)
        numeric = row.jenis == "angka"
        target = row.target_nilai if numeric else (row.target if _nilai(row.target) is not None else "N/A")
        realisasi = row.realisasi_nilai if numeric else (row.realisasi if _nilai(row.realisasi) is not None else "N/A")
        b.put(ws, i, 6, target, _angka_tertulis(target, row.target_desimal))
        b.put(ws, i, 7, realisasi, _angka_tertulis(realisasi, row.realisasi_desimal))
        b.put(ws, i, 8, row.capaian, _PERSEN)
        if numeric and _nilai(row.realisasi_nilai) is not None and row.target_nilai:
            b.rumus(ws, i, 9, _rumus_capaian(i, row.polaritas, a.pilihan.rumus_turun, batas), _PERSEN)
        else:
            b.put(ws, i, 9, None)
        b.kategori(ws, i, 10, row.kategori)
        b.put(ws, i, 11, row.catatan or None)
        if batas is not None:
            b.put(ws, i, 12, row.capaian_tanpa_batas, _PERSEN)


def _capaian_sasaran(b: _Buku, h: Hasil) -> None:
    a = h.analisis
    ws = b.sheet("Capaian Sasaran", [("Kode", 9), ("Sasaran Strategis", 60), ("Jumlah IKU", 11), ("IKU Terukur", 11),
                                     ("Capaian (%)", 13), ("Kategori", 18)], f"Capaian per Sasaran Strategis Tahun {a.tahun}")
    for i, row in enumerate(a.capaian_sasaran.itertuples(index=False), start=4):
        for j, v in enumerate((row.sasaran_kode, row.sasaran, row.jumlah_iku, row.jumlah_terukur), start=1):
            b.put(ws, i, j, v)
        b.put(ws, i, 5, row.capaian, _PERSEN)
        b.kategori(ws, i, 6, row.kategori)


def _perbandingan(b: _Buku, h: Hasil) -> None:
    """Perbandingan antar tahun (Tabel 3.3 form, one row per IKU and year)."""
    a = h.analisis
    per, tahun = a.perbandingan, a.tahun
    names = a.unit.indikator.set_index("kode")["indikator"]
    ws = b.sheet("Perbandingan", [("Kode", 9), ("Indikator", 44), ("Tahun", 8), ("Target", 12), ("Realisasi", 12),
                                  ("Capaian (%)", 13), ("Kategori", 18), ("Perubahan (pp)", 15)],
                 f"Perbandingan Capaian Kinerja Tahun {per['tahun'].min()}-{tahun}" if len(per) and per["tahun"].min() < tahun
                 else f"Capaian Kinerja Tahun {tahun}")
    for i, row in enumerate(per.itertuples(index=False), start=4):
        b.put(ws, i, 1, row.kode)
        b.put(ws, i, 2, names.get(row.kode, ""))
        b.put(ws, i, 3, int(row.tahun))
        target = row.target if _nilai(row.target) is not None else "N/A"
        realisasi = row.realisasi if _nilai(row.realisasi) is not None else "N/A"
        b.put(ws, i, 4, target, _angka_tertulis(target, row.target_desimal))
        b.put(ws, i, 5, realisasi, _angka_tertulis(realisasi, row.realisasi_desimal))
        b.put(ws, i, 6, row.capaian, _PERSEN)
        b.kategori(ws, i, 7, row.kategori)
        b.put(ws, i, 8, row.perubahan_pp, _PP)


def _ringkasan(b: _Buku, h: Hasil) -> None:
    """The key figures, and the distribution with the percents as the report prints them."""
    a = h.analisis
    ring = a.ringkasan
    ws = b.sheet("Ringkasan", [("Uraian", 48), ("Nilai", 16), ("Persen dari seluruh IKU", 20),
                               ("Persen dari IKU terukur", 20)], f"Ringkasan Capaian Tahun {a.tahun}")
    rows = [("Rata-rata capaian IKU terukur", ring["capaian"]["rata_rata_iku"], _PERSEN),
            ("Rata-rata capaian sasaran", ring["capaian"]["rata_rata_sasaran"], _PERSEN),
            ("Jumlah IKU", ring["jumlah"]["iku"], "0"), ("IKU terukur", ring["jumlah"]["iku_terukur"], "0"),
            ("IKU belum dapat diukur", ring["jumlah"]["iku_belum_dapat_diukur"], "0")]
    r = 4
    for label, v, fmt in rows:
        b.put(ws, r, 1, label)
        b.put(ws, r, 2, v, fmt)
        r += 1
    r += 1
    # the percents as the report prints them, rounded to add up to 100
    for d in scoring.persen_tercetak(a.distribusi).itertuples(index=False):
        b.kategori(ws, r, 1, d.kategori)
        b.put(ws, r, 2, d.jumlah, "0")
        b.put(ws, r, 3, d.persen, _PERSEN)
        b.put(ws, r, 4, d.persen_terukur, _PERSEN)
        r += 1


def _anggaran(b: _Buku, h: Hasil) -> None:
    """Anggaran with serapan formulas and the Jumlah row of the programs."""
    a = h.analisis
    ang = a.anggaran
    ws = b.sheet("Anggaran", [("Kode", 10), ("Induk", 8), ("Tingkat", 12), ("Uraian", 60), ("Pagu", 20), ("Realisasi", 20),
                              ("Serapan (%)", 13), ("Serapan: rumus (%)", 17)], f"Alokasi dan Realisasi Anggaran Tahun {a.tahun}")
    first = 4
    program = set(budget.puncak(ang, "program").index)
    progs = []
    for i, (pos, row) in enumerate(zip(ang.index, ang.itertuples(index=False)), start=first):
        b.put(ws, i, 1, row.kode)
        b.put(ws, i, 2, row.induk)
        b.put(ws, i, 3, kata_tingkat(row.tingkat, a.unit.unit_kerja).lower())  # bagian: the unit's word (seksi, bidang)
        b.put(ws, i, 4, ("  " if row.tingkat == "kegiatan" else "    " if row.tingkat == "subkegiatan" else "") + str(row.uraian))
        b.put(ws, i, 5, row.pagu, _RUPIAH)
        b.put(ws, i, 6, row.realisasi, _RUPIAH)
        b.put(ws, i, 7, row.serapan, _PERSEN)
        if _nilai(row.realisasi) is not None and row.pagu:
            b.rumus(ws, i, 8, f"=F{i}/E{i}*100", _PERSEN)
        else:
            b.put(ws, i, 8, None)
        if pos in program:
            progs.append(i)
    if progs:
        j = first + len(ang) + 1
        b.put(ws, j, 4, "Jumlah program").font = b.bold
        for col, letter in ((5, "E"), (6, "F")):
            b.rumus(ws, j, col, "=" + "+".join(f"{letter}{p}" for p in progs), _RUPIAH).font = b.bold
        b.rumus(ws, j, 8, f"=F{j}/E{j}*100", _PERSEN)


def _efisiensi(b: _Buku, h: Hasil) -> None:
    a = h.analisis
    names = a.unit.indikator.set_index("kode")["indikator"]
    ws = b.sheet("Efisiensi", [("Kode", 9), ("Indikator", 44), ("Capaian Kinerja (%)", 16), ("Pagu", 20),
                               ("Realisasi Anggaran", 20), ("Capaian Anggaran (%)", 17), ("Capaian Anggaran: rumus (%)", 17),
                               ("Nilai Efisiensi", 14), ("Status", 18), ("Metode", 10)],
                 f"Efisiensi Penggunaan Sumber Daya Tahun {a.tahun}")
    for i, row in enumerate(a.efisiensi.itertuples(index=False), start=4):
        b.put(ws, i, 1, row.kode)
        b.put(ws, i, 2, names.get(row.kode, ""))
        b.put(ws, i, 3, row.capaian_kinerja, _PERSEN)
        b.put(ws, i, 4, row.pagu, _RUPIAH)
        b.put(ws, i, 5, row.realisasi_anggaran, _RUPIAH)
        b.put(ws, i, 6, row.capaian_anggaran, _PERSEN)  # the value, as a program reading the file finds it
        if _nilai(row.realisasi_anggaran) is not None and row.pagu:
            b.rumus(ws, i, 7, f"=E{i}/D{i}*100", _PERSEN)
        else:
            b.put(ws, i, 7, None)
        b.put(ws, i, 8, row.nilai, "0.00" if row.metode == "rasio" else _PP if row.metode == "selisih" else _PERSEN)
        b.put(ws, i, 9, row.status)
        b.put(ws, i, 10, row.metode)


def _reviu(b: _Buku, h: Hasil) -> None:
    from openpyxl.styles import Alignment, PatternFill

    rev = h.reviu.temuan
    ws = b.sheet("Reviu", [("Tabel", 22), ("Kunci", 34), ("Nilai Laporan", 18), ("Nilai Hitung", 16), ("Selisih", 14),
                           ("Status", 18), ("Penjelasan", 90), ("Jenis", 34)], f"Reviu Angka Laporan Tahun {h.tahun}")
    fills = {"sesuai": "DFF0D8", "tidak sesuai": "F2DEDE", "tidak dapat dihitung": "FCF8E3"}
    for i, row in enumerate(rev.itertuples(index=False), start=4):
        b.put(ws, i, 1, row.tabel)
        b.put(ws, i, 2, row.kunci)
        b.put(ws, i, 3, str(row.nilai_laporan))
        b.put(ws, i, 4, row.nilai_hitung, "#,##0.00")
        b.put(ws, i, 5, row.selisih, "#,##0.00")
        b.put(ws, i, 6, row.status).fill = PatternFill("solid", fgColor=fills.get(row.status, "FFFFFF"))
        c = b.put(ws, i, 7, row.penjelasan)
        c.alignment = Alignment(wrap_text=True, vertical="top")
        b.put(ws, i, 8, row.jenis or None)
    ws.auto_filter.ref = f"A3:H{3 + len(rev)}"


def _ikm(b: _Buku, h: Hasil) -> None:
    """The survey of the year per unsur with NRR tertimbang = NRR x bobot and IKM = sum x 25 as formulas, then the
    IKM per service (only for a unit with survei_ikm.csv for the year)."""
    a = h.analisis
    t = a.ikm
    assert t is not None
    ws = b.sheet("IKM", [("Unsur", 8), ("Unsur Pelayanan", 44), ("Responden", 11), ("NRR", 10), ("Bobot", 10),
                         ("NRR Tertimbang", 15), ("Mutu", 8)], f"Indeks Kepuasan Masyarakat {a.unit.nama} Tahun {a.tahun}")
    i = 3
    for i, row in enumerate(t.itertuples(index=False), start=4):
        for j, v in enumerate((str(row.unsur).upper(), row.nama_unsur, int(row.responden)), start=1):
            b.put(ws, i, j, v)
        b.put(ws, i, 4, row.nrr, "0.000")
        b.put(ws, i, 5, a.bobot_ikm, "0.000")
        b.rumus(ws, i, 6, f"=D{i}*E{i}", "0.000")
        b.put(ws, i, 7, row.mutu)
    r = i + 1
    b.put(ws, r, 2, "Jumlah NRR tertimbang").font = b.bold
    b.rumus(ws, r, 6, f"=SUM(F4:F{i})", "0.000")
    b.put(ws, r + 1, 2, "IKM (jumlah NRR tertimbang x 25)").font = b.bold
    b.rumus(ws, r + 1, 6, f"=F{r}*25", "0.00")
    b.put(ws, r + 1, 7, t["mutu_ikm"].iloc[0])
    lay = a.ikm_layanan
    if lay is not None and len(lay):
        r += 3
        for j, v in enumerate(("Layanan", "", "Responden", "IKM", "", "", "Mutu"), start=1):
            b.put(ws, r, j, v or None).font = b.bold
        for k, row in enumerate(lay.itertuples(index=False), start=r + 1):
            b.put(ws, k, 1, row.layanan)
            b.put(ws, k, 3, int(row.responden))
            b.put(ws, k, 4, row.ikm, "0.00")
            b.put(ws, k, 7, row.mutu)


def _akip(b: _Buku, h: Hasil) -> None:
    """The LKE of the year: each component, its weight, its nilai, the percent of its weight as a formula, its change;
    the nilai AKIP as the sum of the components (a formula) with its predikat (only for a unit with lke.csv)."""
    a = h.analisis
    t = a.akip
    assert t is not None
    ws = b.sheet("AKIP", [("Komponen", 44), ("Induk", 30), ("Bobot", 10), ("Nilai", 10), ("% Bobot", 12),
                          ("Perubahan", 12), ("Predikat", 10)], f"Hasil Evaluasi AKIP {a.unit.nama} Tahun {a.tahun}")
    utama = []
    for i, row in enumerate(t.itertuples(index=False), start=4):
        total = baris_total(row.komponen, row.induk, row.predikat)
        c = b.put(ws, i, 1, row.komponen)
        if total:
            c.font = b.bold
        b.put(ws, i, 2, row.induk if _nilai(row.induk) is not None else None)
        b.put(ws, i, 3, row.bobot, "0.00")
        if total and utama:
            b.rumus(ws, i, 4, "=" + "+".join(f"D{k}" for k in utama), "0.00")
        else:
            b.put(ws, i, 4, row.nilai, "0.00")
        if _nilai(row.bobot):
            b.rumus(ws, i, 5, f"=D{i}/C{i}*100", _PERSEN)
        else:
            b.put(ws, i, 5, None)
        b.put(ws, i, 6, row.selisih, "+0.00;-0.00;0.00")
        b.put(ws, i, 7, row.predikat if total else None)
        if not total and _nilai(row.induk) is None:
            utama.append(i)


def _metode(b: _Buku, h: Hasil) -> None:
    """How the numbers were computed: the method of the Word report (:mod:`lakip.report.metode`, the IKM and the
    AKIP where the unit has their files), the rating scale with its note, and the efficiency method."""
    from openpyxl.styles import Alignment

    a = h.analisis
    ws = b.sheet("Metode", [("No", 6), ("Interval Capaian (%)", 30), ("Kategori", 24)], f"Metode Perhitungan Tahun {a.tahun}")
    skala = tampil_skala(a.pilihan.skala)  # the scale table of the Word and HTML reports
    for i, (interval, label) in enumerate(zip(skala["Interval Capaian (%)"], skala["Kategori"]), start=1):
        b.put(ws, 3 + i, 1, i)
        b.put(ws, 3 + i, 2, interval)
        b.kategori(ws, 3 + i, 3, label)
    r = 5 + len(skala)
    paragraf = [f"Catatan skala: {metode.catatan_skala(a.pilihan)}",
                metode.teks_metode(a.pilihan, "skala di atas", h.unit.lampiran),
                f"Efisiensi ({a.pilihan.metode_efisiensi}): {keterangan_efisiensi(a.pilihan.metode_efisiensi)}"]
    for teks in paragraf:
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=8)
        c = tulis_sel(ws, r, 1, teks)
        c.alignment = Alignment(wrap_text=True, vertical="top")
        ws.row_dimensions[r].height = 15 * (len(teks) // 150 + 1)  # about 150 characters a line over A:H
        r += 1
    for col in "DEFGH":
        ws.column_dimensions[col].width = 20


def xlsx(h: Hasil) -> bytes:
    """The bytes of ``laporan.xlsx`` of one unit-year; the same inputs give the same bytes."""
    b = _Buku(f"Laporan Kinerja {h.unit.nama} Tahun {h.tahun}", h.unit.pilihan.skala)
    luar = ([_ikm] if ada_ikm(h.analisis) else []) + ([_akip] if ada_akip(h.analisis) else [])
    for sheet in (_capaian_iku, _capaian_sasaran, _perbandingan, _ringkasan, *luar, _anggaran, _efisiensi, _reviu, _metode):
        sheet(b, h)
    return buku_bytes(b.wb)
