"""The Word report: the LKjIP as ``laporan.docx`` (python-docx), Bab I to Bab IV.

Bab I and Bab II (:mod:`lakip.report.word_profil`) hold the tables of the data (staff, Perda,
Perjanjian Kinerja, budget by program) and leave the chapters' own prose to the planner as
highlighted placeholders (``[Diisi oleh penyusun: ...]``).

:func:`docx` lays the generated parts out as the seed report does: Bab III A
(the rating scale, the capaian of every IKU, the comparison of years, one
section per sasaran strategis with its table, chart and text, the efficiency
of resource use; the IKM of the survey and the AKIP of the LKE, where the unit has them, in the
section of the sasaran whose IKU they feed: :mod:`lakip.report.word_luar`), Bab III B (budget realisation per program, with the Jumlah
row) and the summary of Bab IV. Tables and charts carry numbered captions
(``Tabel 3.2 ...``, ``Gambar 3.1 ...``); numbers are written the Indonesian
way (``85,83 %``, ``Rp 64.440.768.486``); charts are printed at the text width
of an A4 page (:mod:`lakip.report.docx_layout`). The sentences come from
:mod:`lakip.report.narasi`, the tables from the unit-year's
:class:`~lakip.core.tables.Analisis` formatted by :mod:`lakip.report.display`.

The bytes are deterministic: the same inputs give byte-identical files.
"""

from __future__ import annotations

import io
from collections.abc import Callable

from docx import Document

from lakip.core import budget
from lakip.core.numbers import format_angka, format_persen
from lakip.core.serial import zip_tetap
from lakip.core.tables import Analisis
from lakip.report import charts, display, metode, narasi, word_luar, word_profil
from lakip.report.charts import SumberGrafik
from lakip.report.display_profil import ISIAN, isian as teks_isian
from lakip.report.docx_layout import (LEBAR_TEKS_CM, Nomor, atur_dokumen, gambar, isian, judul_tabel, paragraf, sumber,
                                      tabel)

__all__ = ["NAMA_BERKAS", "buat_dokumen", "siapkan_docx", "docx"]

#: The file name of the Word report in a run's ``laporan/``.
NAMA_BERKAS = "laporan.docx"


def _bab3_skala(doc, a: Analisis, nomor: Nomor) -> str:
    rows = [list(r) for r in display.tampil_skala(a.pilihan.skala).itertuples(index=False)]
    label = judul_tabel(doc, nomor, "Skala Nilai Peringkat Kinerja")
    tabel(doc, [["No", "Interval Capaian (%)", "Kategori"]], rows, [1.5, 8.0, 6.5], "clc", ukuran=9)
    sumber(doc, metode.catatan_skala(a.pilihan))
    return label


def _bab3_capaian(doc, a: Analisis, nomor: Nomor, grafik: SumberGrafik) -> None:
    unit, tahun, iku = a.unit, a.tahun, a.capaian_iku
    t = display.tampil_capaian_iku(iku)
    rows = [[str(r["No"]), r["Kode"], r["Indikator Kinerja Utama"], str(r["Satuan"]), r["Target"], r["Realisasi"],
             r["Capaian"], r["Kategori"]] for _, r in t.iterrows()]
    judul_tabel(doc, nomor, f"Hasil Pengukuran Capaian Kinerja {unit.nama} Tahun {tahun}")
    tabel(doc, [["No", "Kode", "Indikator Kinerja Utama", "Satuan", "Target", "Realisasi", "Capaian", "Kategori"]],
           rows, [0.8, 1.4, 4.2, 1.9, 1.5, 1.8, 1.9, 2.5], "cllcrrrl")
    batas = metode.teks_batas_iku(unit.pilihan, singkat=True)
    sumber(doc, "indikator.csv dan kinerja.csv, diolah; N/A: realisasi belum tersedia" + (f"; {batas}." if batas else "."))
    paragraf(doc, narasi.paragraf_capaian(a))
    gambar(doc, nomor, grafik, "capaian_iku", lambda: charts.grafik_capaian_iku(iku, unit.pilihan.skala, tahun=tahun),
            f"Capaian Indikator Kinerja Utama terhadap Kategori Tahun {tahun}")
    gambar(doc, nomor, grafik, "target_realisasi", lambda: charts.grafik_target_realisasi(iku, unit.indikator, tahun),
            f"Target dan Realisasi Indikator Kinerja Utama Tahun {tahun}")


def _bab3_perbandingan(doc, a: Analisis, nomor: Nomor, grafik: SumberGrafik) -> None:
    unit, tahun, perbandingan, years = a.unit, a.tahun, a.perbandingan_banding, a.tahun_banding
    if len(years) < 2:
        paragraf(doc, narasi.teks_tanpa_perbandingan(tahun))
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
        for col in ("target", "realisasi"):
            row += [display.nilai_tahun(g, col, y) for y in years]
        row += [format_angka(g["capaian"].get(y), 2) if y in g.index else "-" for y in years]
        ch = g["perubahan_pp"].get(years[-1]) if years[-1] in g.index else None
        row.append("-" if ch is None or ch != ch else ("+" if ch > 0 else "") + format_angka(float(ch), 2))
        rows.append(row)
    sisa = LEBAR_TEKS_CM - 0.6 - 1.9
    lebar_tahun = round(min(1.6, (sisa - 2.9) / (3 * k)), 2)
    lebar_ind = round(sisa - 3 * k * lebar_tahun, 2)
    judul_tabel(doc, nomor, f"Perbandingan Capaian Kinerja Tahun {span} {unit.nama}")
    tabel(doc, kepala, rows, [0.6, lebar_ind, *[lebar_tahun] * (3 * k), 1.9], "cl" + "r" * (3 * k) + "r",
           ukuran=7.5, tepi_cm=0.08)
    sumber(doc, "kinerja.csv, diolah; perubahan dalam poin persentase (pp) terhadap tahun sebelumnya, dihitung dari "
                 "capaian yang tidak dibulatkan; N/A: belum dapat diukur.")
    gambar(doc, nomor, grafik, "tren_capaian", lambda: charts.grafik_tren(perbandingan, unit.indikator, unit.pilihan.skala),
            f"Tren Capaian Indikator Kinerja Utama Tahun {span}")


def _bab3_sasaran(doc, a: Analisis, nomor: Nomor, grafik: SumberGrafik) -> None:
    tahun, iku, perbandingan, sasaran = a.tahun, a.capaian_iku, a.perbandingan_banding, a.capaian_sasaran
    teks = narasi.paragraf_sasaran(a)
    lalu = perbandingan[perbandingan["tahun"] == tahun - 1].set_index("kode")["capaian"]
    ada_lalu = (perbandingan["tahun"] == tahun - 1).any()
    years = a.tahun_banding
    per_sasaran = charts.grafik_sasaran(a)
    for i, (_, s) in enumerate(sasaran.iterrows(), start=1):
        kode_s, nama_s = s["sasaran_kode"], s["sasaran"]
        doc.add_heading(f"Sasaran Strategis {i}: {nama_s}", level=4)
        sub = iku[iku["sasaran_kode"] == kode_s]
        kepala = ["No", "Indikator Kinerja Utama", f"Target {tahun}", f"Realisasi {tahun}"]
        kepala += [f"Capaian {tahun - 1}"] if ada_lalu else []
        kepala += [f"Capaian {tahun}", f"Kategori {tahun}"]
        rows = []
        for j, (_, r) in enumerate(sub.iterrows(), start=1):
            row = [str(j), f"{r['kode']} {r['indikator']}", display.teks_nilai(r["target"], r.get("target_desimal")),
                   display.teks_nilai(r["realisasi"], r.get("realisasi_desimal"))]
            if ada_lalu:
                # "-": no row that year (the IKU did not exist yet); N/A: a row not measurable
                row.append(format_persen(lalu.get(r["kode"])) if r["kode"] in lalu.index else "-")
            row += [format_persen(r["capaian"]), display.kategori_teks(r["kategori"])]
            rows.append(row)
        if ada_lalu:
            lebar, rata = [0.8, 5.0, 1.7, 1.9, 2.0, 2.0, 2.6], "clrrrrl"
        else:
            lebar, rata = [0.8, 7.0, 1.7, 1.9, 2.0, 2.6], "clrrrl"
        rows.append(["", "Capaian sasaran (rata-rata IKU terukur)", "", "", *([""] if ada_lalu else []),
                     format_persen(s["capaian"]), display.kategori_teks(s["kategori"])])
        judul_tabel(doc, nomor, f"Pengukuran Capaian Kinerja Sasaran Strategis {i} {nama_s}")
        tabel(doc, [kepala], rows, lebar, rata, tebal={len(rows) - 1})
        sumber(doc, "kinerja.csv, diolah.")
        paragraf(doc, teks[kode_s])
        nama = f"tren_{kode_s}"
        # the years its chart shows: those of the report that its IKU have rows in
        own = sorted(int(y) for y in perbandingan.loc[perbandingan["kode"].isin(sub["kode"])
                                                      & perbandingan["tahun"].isin(years), "tahun"].unique())
        judul = (f"Tren Capaian IKU Sasaran Strategis {i} Tahun {own[0]}-{own[-1]}" if len(own) > 1
                 else f"Capaian IKU Sasaran Strategis {i} Tahun {own[0] if own else tahun}")
        gambar(doc, nomor, grafik, nama, per_sasaran[nama], judul)
        word_luar.blok_di(doc, a, nomor, grafik, kode_s)  # the IKM or AKIP its IKU take their realisasi from


def _bab3_efisiensi(doc, a: Analisis, nomor: Nomor, grafik: SumberGrafik) -> None:
    unit, tahun, e = a.unit, a.tahun, a.efisiensi
    doc.add_heading("4. Efisiensi Penggunaan Sumber Daya", level=3)
    if e.empty or a.anggaran_iku_tahun.empty:
        paragraf(doc, narasi.teks_efisiensi(tahun, unit.pilihan.metode_efisiensi, []))
        return
    t = display.tampil_efisiensi(e, unit.indikator)
    rows = [[str(i + 1), f"{r['Kode']} {r['Indikator']}", r["Capaian Kinerja"], r["Pagu"], r["Realisasi Anggaran"],
             r["Capaian Anggaran"], r["Nilai Efisiensi"], r["Target Tercapai"], r["Status"]] for i, (_, r) in enumerate(t.iterrows())]
    judul_tabel(doc, nomor, f"Efisiensi Penggunaan Anggaran per Indikator Kinerja Utama Tahun {tahun}")
    tabel(doc, [["No", "Indikator Kinerja Utama", "Capaian Kinerja", "Pagu", "Realisasi Anggaran", "Capaian Anggaran",
                  "Nilai", "Target Tercapai", "Status"]],
           rows, [0.6, 2.6, 1.5, 2.75, 2.75, 1.7, 1.0, 1.5, 1.6], "clrrrrrcl", ukuran=7.5, tepi_cm=0.08)
    sumber(doc, "anggaran_iku.csv dan kinerja.csv, diolah.")
    paragraf(doc, narasi.paragraf_efisiensi(a))
    gambar(doc, nomor, grafik, "efisiensi", lambda: charts.grafik_efisiensi(e, tahun),
            f"Capaian Kinerja dan Capaian Anggaran per IKU Tahun {tahun}")


def _bab3_anggaran(doc, a: Analisis, nomor: Nomor, grafik: SumberGrafik) -> None:
    unit, tahun, ang = a.unit, a.tahun, a.anggaran
    doc.add_heading("B. Realisasi Anggaran", level=2)
    paragraf(doc, narasi.paragraf_anggaran(a))
    if not budget.puncak(ang, "program").empty:
        t = display.tampil_total_program(ang)
        rows = [[str(r["No"]), r["Uraian"], r["Anggaran"], r["Realisasi"], r["Capaian Realisasi"]] for _, r in t.iterrows()]
        judul_tabel(doc, nomor, f"Komposisi Belanja {unit.nama} Tahun {tahun}")
        tabel(doc, [["No", "Uraian", f"Tahun Anggaran {tahun}", None, None],
                     ["^", "^", "Anggaran", "Realisasi", "Capaian Realisasi"]],
               rows, [0.8, 5.2, 3.7, 3.7, 2.6], "clrrr", ukuran=9, tebal={len(rows) - 1})
        sumber(doc, "anggaran.csv, diolah.")
        gambar(doc, nomor, grafik, "serapan_program", lambda: charts.grafik_serapan_program(ang, tahun),
                f"Pagu dan Realisasi Anggaran per Program Tahun {tahun}")
    if not budget.puncak(ang, "bagian").empty:
        gambar(doc, nomor, grafik, "alokasi_bagian", lambda: charts.grafik_alokasi_bagian(ang, tahun, unit.unit_kerja),
                f"Alokasi Anggaran per {unit.unit_kerja} Tahun {tahun}")


# --------------------------------------------------------------------------- the document


def buat_dokumen(a: Analisis, grafik: SumberGrafik):
    """The report of the unit-year ``a`` as a python-docx ``Document``, not yet saved; its charts
    are asked from ``grafik`` and go in when ``grafik.selesaikan()`` hands them over."""
    unit, tahun = a.unit, a.tahun
    judul = f"Laporan Kinerja {unit.nama} Tahun {tahun}"
    doc = Document()
    atur_dokumen(doc, judul)

    doc.add_paragraph(judul, style="Title")
    doc.add_paragraph("Bab I sampai Bab IV: tabel, grafik dan uraian capaian disusun dari data dengan lakip; uraian bertanda "
                      f"{ISIAN}...] dilengkapi oleh penyusun", style="Subtitle")
    catatan = [str(m) for m in unit.peringatan_tahun(tahun)] + a.catatan(reviu=False)
    for c in catatan:
        paragraf(doc, f"Catatan: {c}", rata="left", miring=True, ukuran=9)

    word_profil.bab1(doc, a, grafik)
    word_profil.bab2(doc, a)
    nomor = Nomor(bab=3)
    doc.add_heading("BAB III AKUNTABILITAS KINERJA", level=1).paragraph_format.page_break_before = True
    doc.add_heading("A. Akuntabilitas Kinerja", level=2)
    label_skala = _bab3_skala(doc, a, nomor)
    paragraf(doc, metode.teks_metode(unit.pilihan, label_skala, unit.lampiran))
    doc.add_heading(f"1. Capaian Indikator Kinerja Utama Tahun {tahun}", level=3)
    _bab3_capaian(doc, a, nomor, grafik)
    word_luar.blok_di(doc, a, nomor, grafik, None)  # an IKM or AKIP no IKU takes
    doc.add_heading("2. Perbandingan Capaian Kinerja dengan Tahun Sebelumnya", level=3)
    _bab3_perbandingan(doc, a, nomor, grafik)
    doc.add_heading("3. Pengukuran dan Analisis Capaian Kinerja per Sasaran Strategis", level=3)
    _bab3_sasaran(doc, a, nomor, grafik)
    _bab3_efisiensi(doc, a, nomor, grafik)
    _bab3_anggaran(doc, a, nomor, grafik)

    doc.add_heading("BAB IV PENUTUP", level=1).paragraph_format.page_break_before = True
    paragraf(doc, narasi.paragraf_ringkasan(a))
    isian(doc, teks_isian("langkah yang akan dilakukan untuk meningkatkan kinerja pada tahun berikutnya."))
    return doc


def siapkan_docx(a: Analisis, grafik: SumberGrafik) -> Callable[[], bytes]:
    """Build the Word report of ``a``, asking ``grafik`` for its charts; return the function that
    gives the bytes of ``laporan.docx`` once ``grafik.selesaikan()`` has handed them over (two
    reports prepared on one source take their charts together). The same content gives the same
    bytes (:func:`lakip.core.serial.zip_tetap`)."""
    doc = buat_dokumen(a, grafik)

    def isi() -> bytes:
        buf = io.BytesIO()
        doc.save(buf)
        return zip_tetap(buf.getvalue())

    return isi


def docx(a: Analisis, grafik: SumberGrafik | None = None) -> bytes:
    """The bytes of ``laporan.docx`` of ``a``; the charts from ``grafik`` (default: drawn here)."""
    sumber_grafik = grafik if grafik is not None else SumberGrafik()
    isi = siapkan_docx(a, sumber_grafik)
    sumber_grafik.selesaikan()
    return isi()
