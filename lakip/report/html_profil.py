"""Bab I and Bab II of the HTML report: the tables of :class:`lakip.core.profil.Profil` as blocks of
:mod:`lakip.report.html`, the chapters' own prose left to the planner as highlighted placeholders,
the same sentences as the Word report (:mod:`lakip.report.word_profil`) where the data is absent.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from lakip.core.profil import profil
from lakip.core.tables import Analisis
from lakip.report import charts
from lakip.report.display_profil import isian, tampil_anggaran_program, tampil_pk, tampil_perda, tampil_sdm
from lakip.report.html import Teks, _Bagian, tabel
from lakip.report.word_profil import kalimat_sdm

__all__ = ["bab1", "bab2"]


def _isian(apa: str) -> Teks:
    return Teks(isian(apa), "isian")


def bab1(a: Analisis, cap: Callable[[str, str], str], figur: Callable[..., Any]) -> list[_Bagian]:
    """Bab I Pendahuluan: the general part left to the planner, the staff table and chart, the Perda of the year."""
    unit, tahun, p = a.unit, a.tahun, profil(a)
    umum = _Bagian("pendahuluan", "Latar Belakang dan Gambaran Umum Organisasi", [
        _isian(f"latar belakang dan maksud penyusunan Laporan Kinerja {unit.nama} Tahun {tahun}."),
        _isian(f"kedudukan, tugas pokok dan fungsi, serta struktur organisasi {unit.nama} dan setiap {unit.unit_kerja} "
               "di lingkungannya."),
    ])
    if p.sdm is None or p.sdm_jumlah is None:
        sdm: list[Any] = [Teks(p.catatan()["sdm"], "catatan")]
    else:
        sdm = [Teks(kalimat_sdm(a) or ""),
               tabel(tampil_sdm(p.sdm, p.sdm_jumlah), cap("tabel", f"Sumber Daya Aparatur Tahun {tahun}")),
               *[Teks(c, "catatan") for c in p.sdm_cek],
               figur(charts.NAMA_GRAFIK_SDM, lambda: charts.grafik_sdm(p.sdm, tahun),
                     cap("gambar", "Sumber daya aparatur menurut golongan dan jenis kelamin"))]
    if p.perda is None or p.perda.empty:
        perda: list[Any] = [Teks(p.catatan()["perda"], "catatan")]
    else:
        perda = [tabel(tampil_perda(p.perda), cap("tabel", f"Peraturan Daerah yang Ditetapkan Tahun {tahun}"))]
    lain = _Bagian("isu", "Isu Strategis, Dasar Hukum dan Sistematika Penyusunan", [
        _isian("isu strategis yang dihadapi, dasar hukum penyusunan laporan, dan sistematika penyajiannya.")])
    return [umum, _Bagian("sdm", "Sumber Daya Aparatur", sdm), _Bagian("perda", "Produk Hukum Daerah", perda), lain]


def bab2(a: Analisis, cap: Callable[[str, str], str]) -> list[_Bagian]:
    """Bab II Perencanaan Kinerja: the Renstra left to the planner, the Perjanjian Kinerja, the budget by program."""
    unit, tahun, p = a.unit, a.tahun, profil(a)
    renstra = _Bagian("renstra", "Rencana Strategis", [
        _isian(f"visi, misi, tujuan dan sasaran strategis Rencana Strategis {unit.nama}, serta Indikator Kinerja Utama "
               "dan dasar penetapannya.")])
    pk = _Bagian("pk", f"Perjanjian Kinerja Tahun {tahun}", [
        _isian(f"penjelasan Perjanjian Kinerja Tahun {tahun}: pihak yang menandatangani dan tanggal penetapannya."),
        tabel(tampil_pk(p.perjanjian_kinerja, tahun), cap("tabel", f"Perjanjian Kinerja Tahun {tahun}"))])
    isi: list[Any] = [_isian(f"dasar hukum alokasi anggaran Tahun {tahun} (APBD dan perubahannya) dan penjelasannya.")]
    if p.anggaran_program.empty:
        isi.append(Teks(p.catatan()["program"], "catatan"))
    else:
        isi.append(tabel(tampil_anggaran_program(p.anggaran_program, p.anggaran_program_jumlah),
                         cap("tabel", f"Alokasi Anggaran per Program Tahun {tahun}")))
    return [renstra, pk, _Bagian("alokasi", "Alokasi Anggaran", isi)]
