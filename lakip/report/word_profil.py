"""Bab I and Bab II of the Word report: the tables of :class:`lakip.core.profil.Profil`, laid out as the
seed report does (Tabel 1.1 staff with its golongan and sex columns under one heading each, the Perda of the
year, Tabel 2.x Perjanjian Kinerja, the budget by program with its Jumlah row), the chapters' own prose left
to the planner as highlighted placeholders (``[Diisi oleh penyusun: ...]``), never invented.
"""

from __future__ import annotations

from lakip.core.numbers import format_angka
from lakip.core.profil import profil
from lakip.core.tables import Analisis
from lakip.core.teks import daftar
from lakip.report import charts
from lakip.report.charts import SumberGrafik
from lakip.report.display_profil import JUDUL_SDM, isian as teks_isian, tampil_anggaran_program, tampil_pk, tampil_perda, tampil_sdm
from lakip.report.docx_layout import LEBAR_TEKS_CM, Nomor, gambar, isian, judul_tabel, paragraf, sumber, tabel

__all__ = ["bab1", "bab2", "kalimat_sdm"]

_GOL = {"gol_i": "I", "gol_ii": "II", "gol_iii": "III", "gol_iv": "IV"}
_JK = {"laki_laki": "L", "perempuan": "P"}


def kalimat_sdm(a: Analisis) -> str | None:
    """The sentence that introduces Tabel 1.1, from the data only (None without sdm.csv):
    ``... didukung oleh 330 pegawai: 121 ASN dan 209 NON ASN.``"""
    p = profil(a)
    if p.sdm is None or p.sdm_jumlah is None:
        return None
    rincian = daftar(f"{format_angka(float(n), 0)} {s}" for s, n in zip(p.sdm["status"], p.sdm["jumlah"]))
    return (f"Dalam menjalankan tugas dan fungsinya, {a.unit.nama} didukung oleh "
            f"{format_angka(float(p.sdm_jumlah['jumlah']), 0)} pegawai: {rincian}, dengan rincian sebagai berikut.")


def _kepala_sdm(kolom: list[str]) -> list[list[str | None]]:
    """The header of Tabel 1.1: golongan and sex each under one heading where the data has them."""
    atas: list[str | None] = ["No", "Status", "Jumlah"]
    bawah = ["^", "^", "^"]
    gol = [k for k in _GOL if k in kolom]
    jk = [k for k in _JK if k in kolom]
    if gol:
        atas += ["Golongan", *([None] * (len(gol) - 1))]
        bawah += [_GOL[k] for k in gol]
    if jk:
        atas += ["Jenis Kelamin", *([None] * (len(jk) - 1))]
        bawah += [_JK[k] for k in jk]
    atas.append("Ket.")
    bawah.append("^")
    return [atas, bawah] if gol or jk else [atas]


def _tabel_sdm(doc, a: Analisis, nomor: Nomor, grafik: SumberGrafik) -> None:
    p, unit, tahun = profil(a), a.unit, a.tahun
    assert p.sdm is not None and p.sdm_jumlah is not None
    paragraf(doc, kalimat_sdm(a) or "")
    kolom = [k for k in JUDUL_SDM if k in p.sdm.columns]
    t = tampil_sdm(p.sdm, p.sdm_jumlah)
    # Jumlah wide enough for its bold heading; the other counts share what is left beside No, Status and Ket.
    lebar_lain = round(min(1.6, 8.8 / max(len(kolom) - 1, 1)), 2)
    lebar = [0.8, 0.0, 1.6, *[lebar_lain] * (len(kolom) - 1), 1.6]
    lebar[1] = round(LEBAR_TEKS_CM - sum(lebar), 2)
    judul_tabel(doc, nomor, f"Sumber Daya Aparatur {unit.nama} Tahun {tahun}")
    tabel(doc, _kepala_sdm(kolom), [list(r) for r in t.itertuples(index=False)], lebar, "cl" + "r" * len(kolom) + "l",
          ukuran=9, tebal={len(t) - 1})
    sumber(doc, "sdm.csv; -: tidak ada.")
    for c in p.sdm_cek:
        paragraf(doc, f"Catatan: {c}", rata="left", miring=True, ukuran=9)
    gambar(doc, nomor, grafik, charts.NAMA_GRAFIK_SDM, lambda: charts.grafik_sdm(p.sdm, tahun),
           f"Sumber Daya Aparatur menurut Golongan dan Jenis Kelamin Tahun {tahun}")


def _tabel_perda(doc, a: Analisis, nomor: Nomor) -> None:
    p, tahun = profil(a), a.tahun
    if p.perda is None or p.perda.empty:
        paragraf(doc, p.catatan()["perda"])
        return
    paragraf(doc, f"Peraturan Daerah yang ditetapkan pada tahun {tahun} sebanyak {format_angka(float(len(p.perda)), 0)} "
                  "peraturan, disajikan pada tabel berikut.")
    t = tampil_perda(p.perda)
    judul_tabel(doc, nomor, f"Peraturan Daerah yang Ditetapkan Tahun {tahun}")
    tabel(doc, [list(t.columns)], [list(r) for r in t.itertuples(index=False)], [0.8, 11.7, 3.5], "clc", ukuran=9)
    sumber(doc, "perda.csv.")


def bab1(doc, a: Analisis, grafik: SumberGrafik) -> None:
    """Bab I Pendahuluan: placeholders for the planner's prose, the staff table and chart, the Perda of the year."""
    unit, tahun, p = a.unit, a.tahun, profil(a)
    nomor = Nomor(bab=1)
    doc.add_heading("BAB I PENDAHULUAN", level=1).paragraph_format.page_break_before = True
    doc.add_heading("A. Latar Belakang", level=2)
    isian(doc, teks_isian(f"latar belakang dan maksud penyusunan Laporan Kinerja {unit.nama} Tahun {tahun}."))
    doc.add_heading("B. Gambaran Umum Organisasi", level=2)
    isian(doc, teks_isian(f"kedudukan, tugas pokok dan fungsi, serta struktur organisasi {unit.nama} dan setiap "
                          f"{unit.unit_kerja} di lingkungannya."))
    doc.add_heading("C. Sumber Daya Aparatur", level=2)
    if p.sdm is None:
        paragraf(doc, p.catatan()["sdm"])
    else:
        _tabel_sdm(doc, a, nomor, grafik)
    doc.add_heading("D. Produk Hukum Daerah", level=2)
    _tabel_perda(doc, a, nomor)
    doc.add_heading("E. Isu Strategis, Dasar Hukum dan Sistematika Penyusunan", level=2)
    isian(doc, teks_isian("isu strategis yang dihadapi, dasar hukum penyusunan laporan, dan sistematika penyajiannya."))


def bab2(doc, a: Analisis) -> None:
    """Bab II Perencanaan Kinerja: placeholders for the planner's prose, the Perjanjian Kinerja of the year and the
    budget by program."""
    unit, tahun, p = a.unit, a.tahun, profil(a)
    nomor = Nomor(bab=2)
    doc.add_heading("BAB II PERENCANAAN KINERJA", level=1).paragraph_format.page_break_before = True
    doc.add_heading("A. Rencana Strategis", level=2)
    isian(doc, teks_isian(f"visi, misi, tujuan dan sasaran strategis Rencana Strategis {unit.nama}, serta Indikator "
                          "Kinerja Utama dan dasar penetapannya."))
    doc.add_heading(f"B. Perjanjian Kinerja Tahun {tahun}", level=2)
    isian(doc, teks_isian(f"penjelasan Perjanjian Kinerja Tahun {tahun}: pihak yang menandatangani dan tanggal penetapannya."))
    t = tampil_pk(p.perjanjian_kinerja, tahun)
    renstra = "Target Akhir Renstra" in t.columns
    lebar = [0.8, 4.6, 4.6, 2.0, 1.8, 2.2] if renstra else [0.8, 5.6, 5.4, 2.2, 2.0]
    judul_tabel(doc, nomor, f"Perjanjian Kinerja {unit.nama} Tahun {tahun}")
    tabel(doc, [list(t.columns)], [list(r) for r in t.itertuples(index=False)], lebar, "cllcr" + ("r" if renstra else ""),
          ukuran=9)
    sumber(doc, "indikator.csv dan kinerja.csv (target Perjanjian Kinerja)"
                + ("; target akhir Renstra dari indikator.csv, tahunnya dalam kurung." if renstra else "."))
    doc.add_heading("C. Alokasi Anggaran", level=2)
    isian(doc, teks_isian(f"dasar hukum alokasi anggaran Tahun {tahun} (APBD dan perubahannya) dan penjelasannya."))
    if p.anggaran_program.empty:
        paragraf(doc, p.catatan()["program"])
        return
    t = tampil_anggaran_program(p.anggaran_program, p.anggaran_program_jumlah)
    real = "Realisasi" in t.columns
    judul_tabel(doc, nomor, f"Alokasi Anggaran per Program {unit.nama} Tahun {tahun}")
    tabel(doc, [list(t.columns)], [list(r) for r in t.itertuples(index=False)],
          [0.8, 5.0, 3.9, 3.9, 2.4] if real else [0.8, 10.2, 5.0], "clrrr" if real else "clr", ukuran=9, tebal={len(t) - 1})
    sumber(doc, "anggaran.csv (tingkat program).")
