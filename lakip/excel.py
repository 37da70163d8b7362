"""The analysis as an Excel workbook a planner checks and copies from (``laporan.xlsx``).

One sheet per table. Numbers are real numbers with number formats, so a
viewer with an Indonesian locale sees ``85,83`` and ``Rp 64.440.768.486``;
headers are frozen and sized; kategori cells carry the colours of the
charts; where a planner would expect a formula (capaian = realisasi /
target, serapan = realisasi / pagu, the Jumlah row) the sheet has it, next
to the value lakip computed. Text from the data that starts with ``=``,
``+``, ``-`` or ``@`` is written so that it can never become a formula.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pandas as pd

from lakip import analysis, audit, scoring
from lakip.charts import warna_kategori
from lakip.config import BELUM_TERUKUR
from lakip.importer import simpan_buku
from lakip.load import Unit

__all__ = ["aman", "tulis_xlsx"]

_PERSEN = '0.00" %"'
_RUPIAH = '"Rp "#,##0'
_ANGKA = "#,##0.00"
_PP = '+0.00" pp";-0.00" pp";0.00" pp"'


def aman(teks: object) -> object:
    """Text that a spreadsheet will not read as a formula (``=1+1`` -> ``'=1+1``)."""
    if isinstance(teks, str) and teks[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + teks
    return teks


def _nilai(x: Any) -> Any:
    if x is None or x is pd.NA:
        return None
    if isinstance(x, float) and math.isnan(x):
        return None
    if hasattr(x, "item"):
        return x.item()
    return x


def tulis_xlsx(unit: Unit, tahun: int, tujuan: str | Path) -> Path:
    """Write ``laporan.xlsx`` for one unit and year; the same inputs give the same bytes."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    from lakip.importer import _TANGGAL_TETAP

    wb = Workbook()
    wb.properties.created = wb.properties.modified = _TANGGAL_TETAP
    wb.properties.creator = "lakip"
    wb.properties.title = f"Laporan Kinerja {unit.nama} Tahun {tahun}"
    bold = Font(bold=True)
    head_fill = PatternFill("solid", fgColor="DDDDDD")
    thin = Side(style="thin", color="999999")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    colors = {k: v[0].lstrip("#") for k, v in warna_kategori(unit.pilihan.skala).items()}

    def sheet(title: str, kolom: list[tuple[str, int]], judul: str):
        ws = wb.create_sheet(title)
        ws.cell(1, 1, judul).font = Font(bold=True, size=12)
        for j, (name, width) in enumerate(kolom, start=1):
            c = ws.cell(3, j, name)
            c.font, c.fill, c.border = bold, head_fill, border
            c.alignment = Alignment(wrap_text=True, vertical="center")
            ws.column_dimensions[get_column_letter(j)].width = width
        ws.freeze_panes = "A4"
        return ws

    def put(ws, r: int, j: int, v: Any, fmt: str | None = None):
        c = ws.cell(r, j, aman(_nilai(v)))  # data, never a formula
        c.border = border
        if fmt and isinstance(c.value, (int, float)):
            c.number_format = fmt
        return c

    def rumus(ws, r: int, j: int, f: str, fmt: str):
        c = ws.cell(r, j, f)  # a formula lakip wrote itself
        c.border, c.number_format = border, fmt
        return c

    def kategori(ws, r: int, j: int, v: Any):
        label = BELUM_TERUKUR if _nilai(v) is None else str(v)
        c = put(ws, r, j, label)
        if label in colors:
            c.fill = PatternFill("solid", fgColor=colors[label])
        return c

    wb.remove(wb.active)

    # --- Capaian IKU (Tabel 3.2 form) with the formula beside the computed value
    iku = analysis.tabel_capaian_iku(unit, tahun)
    ws = sheet("Capaian IKU", [("No", 5), ("Kode", 9), ("Indikator Kinerja Utama", 48), ("Satuan", 14), ("Polaritas", 10),
                               ("Target", 12), ("Realisasi", 12), ("Capaian (%)", 13), ("Capaian: rumus (%)", 16), ("Kategori", 18),
                               ("Keterangan", 40)],
               f"Capaian Indikator Kinerja Utama {unit.nama} Tahun {tahun}")
    for i, row in enumerate(iku.itertuples(index=False), start=4):
        put(ws, i, 1, i - 3)
        put(ws, i, 2, row.kode)
        put(ws, i, 3, row.indikator)
        put(ws, i, 4, row.satuan)
        put(ws, i, 5, row.polaritas)
        numeric = row.jenis == "angka"
        put(ws, i, 6, row.target_nilai if numeric else (row.target if _nilai(row.target) is not None else "N/A"), _ANGKA)
        put(ws, i, 7, row.realisasi_nilai if numeric else (row.realisasi if _nilai(row.realisasi) is not None else "N/A"), _ANGKA)
        put(ws, i, 8, row.capaian, _PERSEN)
        if numeric and _nilai(row.realisasi_nilai) is not None and row.target_nilai:
            f = f"=G{i}/F{i}*100" if row.polaritas == "naik" else (
                f"=MAX((2*F{i}-G{i})/F{i}*100,0)" if unit.pilihan.rumus_turun == "selisih" else f"=F{i}/G{i}*100")
            rumus(ws, i, 9, f, _PERSEN)
        else:
            put(ws, i, 9, None)
        kategori(ws, i, 10, row.kategori)
        put(ws, i, 11, row.catatan or None)

    # --- Capaian per sasaran
    sas = analysis.tabel_capaian_sasaran(unit, tahun)
    ws = sheet("Capaian Sasaran", [("Kode", 9), ("Sasaran Strategis", 60), ("Jumlah IKU", 11), ("IKU Terukur", 11),
                                   ("Capaian (%)", 13), ("Kategori", 18)], f"Capaian per Sasaran Strategis Tahun {tahun}")
    for i, row in enumerate(sas.itertuples(index=False), start=4):
        put(ws, i, 1, row.sasaran_kode)
        put(ws, i, 2, row.sasaran)
        put(ws, i, 3, row.jumlah_iku)
        put(ws, i, 4, row.jumlah_terukur)
        put(ws, i, 5, row.capaian, _PERSEN)
        kategori(ws, i, 6, row.kategori)

    # --- Perbandingan antar tahun (Tabel 3.3 form, one row per IKU and year)
    per = analysis.tabel_perbandingan(unit, tahun)
    names = unit.indikator.set_index("kode")["indikator"]
    ws = sheet("Perbandingan", [("Kode", 9), ("Indikator", 44), ("Tahun", 8), ("Target", 12), ("Realisasi", 12),
                                ("Capaian (%)", 13), ("Kategori", 18), ("Perubahan (pp)", 15)],
               f"Perbandingan Capaian Kinerja Tahun {per['tahun'].min()}-{tahun}" if len(per) and per["tahun"].min() < tahun
               else f"Capaian Kinerja Tahun {tahun}")
    for i, row in enumerate(per.itertuples(index=False), start=4):
        put(ws, i, 1, row.kode)
        put(ws, i, 2, names.get(row.kode, ""))
        put(ws, i, 3, int(row.tahun))
        put(ws, i, 4, row.target if _nilai(row.target) is not None else "N/A", _ANGKA)
        put(ws, i, 5, row.realisasi if _nilai(row.realisasi) is not None else "N/A", _ANGKA)
        put(ws, i, 6, row.capaian, _PERSEN)
        kategori(ws, i, 7, row.kategori)
        put(ws, i, 8, row.perubahan_pp, _PP)

    # --- Distribusi and key figures
    ring = analysis.ringkasan(unit, tahun)
    ws = sheet("Ringkasan", [("Uraian", 48), ("Nilai", 16), ("Persen dari seluruh IKU", 20), ("Persen dari IKU terukur", 20)],
               f"Ringkasan Capaian Tahun {tahun}")
    rows = [("Rata-rata capaian IKU terukur", ring["capaian"]["rata_rata_iku"], _PERSEN),
            ("Rata-rata capaian sasaran", ring["capaian"]["rata_rata_sasaran"], _PERSEN),
            ("Jumlah IKU", ring["jumlah"]["iku"], "0"), ("IKU terukur", ring["jumlah"]["iku_terukur"], "0"),
            ("IKU belum dapat diukur", ring["jumlah"]["iku_belum_dapat_diukur"], "0")]
    r = 4
    for label, v, fmt in rows:
        put(ws, r, 1, label)
        put(ws, r, 2, v, fmt)
        r += 1
    r += 1
    # the percents as the report prints them, rounded to add up to 100
    for d in scoring.persen_tercetak(analysis.tabel_distribusi(unit, tahun)).itertuples(index=False):
        kategori(ws, r, 1, d.kategori)
        put(ws, r, 2, d.jumlah, "0")
        put(ws, r, 3, d.persen, _PERSEN)
        put(ws, r, 4, d.persen_terukur, _PERSEN)
        r += 1

    # --- Anggaran with serapan formulas and the Jumlah row
    ang = analysis.tabel_anggaran(unit, tahun)
    ws = sheet("Anggaran", [("Kode", 10), ("Induk", 8), ("Tingkat", 12), ("Uraian", 60), ("Pagu", 20), ("Realisasi", 20),
                            ("Serapan (%)", 13), ("Serapan: rumus (%)", 17)], f"Alokasi dan Realisasi Anggaran Tahun {tahun}")
    first = 4
    progs = []
    for i, row in enumerate(ang.itertuples(index=False), start=first):
        put(ws, i, 1, row.kode)
        put(ws, i, 2, row.induk)
        put(ws, i, 3, row.tingkat)
        put(ws, i, 4, ("  " if row.tingkat == "kegiatan" else "    " if row.tingkat == "subkegiatan" else "") + str(row.uraian))
        put(ws, i, 5, row.pagu, _RUPIAH)
        put(ws, i, 6, row.realisasi, _RUPIAH)
        put(ws, i, 7, row.serapan, _PERSEN)
        if _nilai(row.realisasi) is not None and row.pagu:
            rumus(ws, i, 8, f"=F{i}/E{i}*100", _PERSEN)
        else:
            put(ws, i, 8, None)
        if row.tingkat == "program" and _nilai(row.induk) is None:
            progs.append(i)
    if progs:
        j = first + len(ang) + 1
        put(ws, j, 4, "Jumlah program").font = bold
        for col, letter in ((5, "E"), (6, "F")):
            rumus(ws, j, col, "=" + "+".join(f"{letter}{p}" for p in progs), _RUPIAH).font = bold
        rumus(ws, j, 8, f"=F{j}/E{j}*100", _PERSEN)

    # --- Efisiensi
    eff = analysis.tabel_efisiensi(unit, tahun)
    ws = sheet("Efisiensi", [("Kode", 9), ("Indikator", 44), ("Capaian Kinerja (%)", 16), ("Pagu", 20), ("Realisasi Anggaran", 20),
                             ("Capaian Anggaran (%)", 17), ("Capaian Anggaran: rumus (%)", 17), ("Nilai Efisiensi", 14),
                             ("Status", 18), ("Metode", 10)],
               f"Efisiensi Penggunaan Sumber Daya Tahun {tahun}")
    for i, row in enumerate(eff.itertuples(index=False), start=4):
        put(ws, i, 1, row.kode)
        put(ws, i, 2, names.get(row.kode, ""))
        put(ws, i, 3, row.capaian_kinerja, _PERSEN)
        put(ws, i, 4, row.pagu, _RUPIAH)
        put(ws, i, 5, row.realisasi_anggaran, _RUPIAH)
        put(ws, i, 6, row.capaian_anggaran, _PERSEN)  # the value, as a program reading the file finds it
        if _nilai(row.realisasi_anggaran) is not None and row.pagu:
            rumus(ws, i, 7, f"=E{i}/D{i}*100", _PERSEN)
        else:
            put(ws, i, 7, None)
        put(ws, i, 8, row.nilai, "0.00" if row.metode == "rasio" else _PP if row.metode == "selisih" else _PERSEN)
        put(ws, i, 9, row.status)
        put(ws, i, 10, row.metode)

    # --- Reviu
    rev = audit.reviu(unit, tahun)
    ws = sheet("Reviu", [("Tabel", 22), ("Kunci", 34), ("Nilai Laporan", 18), ("Nilai Hitung", 16), ("Selisih", 14),
                         ("Status", 18), ("Penjelasan", 90), ("Jenis", 34)], f"Reviu Angka Laporan Tahun {tahun}")
    fills = {"sesuai": "DFF0D8", "tidak sesuai": "F2DEDE", "tidak dapat dihitung": "FCF8E3"}
    for i, row in enumerate(rev.itertuples(index=False), start=4):
        put(ws, i, 1, row.tabel)
        put(ws, i, 2, row.kunci)
        put(ws, i, 3, str(row.nilai_laporan))
        put(ws, i, 4, row.nilai_hitung, "#,##0.00")
        put(ws, i, 5, row.selisih, "#,##0.00")
        put(ws, i, 6, row.status).fill = PatternFill("solid", fgColor=fills.get(row.status, "FFFFFF"))
        c = put(ws, i, 7, row.penjelasan)
        c.alignment = Alignment(wrap_text=True, vertical="top")
        put(ws, i, 8, row.jenis or None)
    ws.auto_filter.ref = f"A3:H{3 + len(rev)}"

    return simpan_buku(wb, tujuan)
