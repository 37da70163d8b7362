"""The IKM of the survey and the AKIP of the LKE in Bab III of the Word report (DOMAIN.md section 8): a
table, a sentence and a chart each, placed in the section of the sasaran whose IKU they feed
(:func:`lakip.report.display_luar.sasaran_sumber`), or after the capaian of every IKU when no IKU takes
them. A unit without ``survei_ikm.csv`` or ``lke.csv`` gets nothing here.
"""

from __future__ import annotations

from lakip.core.sumber import SUMBER_IKM, SUMBER_LKE
from lakip.core.tables import Analisis
from lakip.report.charts import SumberGrafik
from lakip.report.charts.luar import NAMA_GRAFIK_AKIP, NAMA_GRAFIK_IKM, grafik_akip, grafik_nrr
from lakip.report.display_luar import (ada_akip, ada_ikm, kalimat_akip, kalimat_ikm, sasaran_sumber, tampil_akip, tampil_ikm,
                                       tampil_ikm_layanan, teks_bobot_ikm)
from lakip.report.docx_layout import Nomor, gambar, judul_tabel, paragraf, sumber, tabel

__all__ = ["blok_ikm", "blok_akip", "blok_di"]


def _baris(t) -> list[list[str]]:
    return [[str(v) for v in r] for r in t.itertuples(index=False)]


def blok_ikm(doc, a: Analisis, nomor: Nomor, grafik: SumberGrafik) -> None:
    """The survey of the year: its sentence, the NRR of each unsur with the IKM, the IKM per service, the chart."""
    unit, tahun = a.unit, a.tahun
    assert a.ikm is not None
    doc.add_heading(f"Indeks Kepuasan Masyarakat Tahun {tahun}", level=4)
    paragraf(doc, kalimat_ikm(a))
    t = tampil_ikm(a.ikm, a.bobot_ikm)
    judul_tabel(doc, nomor, f"Nilai Rata-rata per Unsur dan Indeks Kepuasan Masyarakat {unit.nama} Tahun {tahun}")
    tabel(doc, [list(t.columns)], _baris(t), [0.8, 9.2, 1.8, 2.4, 1.8], "clrrc", ukuran=9, tebal={len(t) - 1})
    sumber(doc, f"survei_ikm.csv, diolah; NRR: rata-rata jawaban 1-4; NRR tertimbang = NRR x {teks_bobot_ikm(a.bobot_ikm)}.")
    if a.ikm_layanan is not None and len(a.ikm_layanan):
        t = tampil_ikm_layanan(a.ikm_layanan)
        judul_tabel(doc, nomor, f"Indeks Kepuasan Masyarakat per Layanan Tahun {tahun}")
        tabel(doc, [list(t.columns)], _baris(t), [0.8, 6.2, 2.2, 1.8, 1.6, 3.4], "clrrcl", ukuran=9)
        sumber(doc, "survei_ikm.csv (kolom layanan), diolah.")
    gambar(doc, nomor, grafik, NAMA_GRAFIK_IKM, lambda: grafik_nrr(a.ikm, tahun),
           f"Nilai Rata-rata per Unsur Pelayanan terhadap Mutu Pelayanan Tahun {tahun}")


def blok_akip(doc, a: Analisis, nomor: Nomor, grafik: SumberGrafik) -> None:
    """The LKE of the year: its sentence, the components with their weights and the predikat, the chart of years."""
    unit, tahun = a.unit, a.tahun
    assert a.akip is not None
    doc.add_heading(f"Nilai Akuntabilitas Kinerja Instansi Pemerintah Tahun {tahun}", level=4)
    paragraf(doc, kalimat_akip(a))
    t = tampil_akip(a.akip)
    judul_tabel(doc, nomor, f"Hasil Evaluasi Akuntabilitas Kinerja {unit.nama} Tahun {tahun}")
    tabel(doc, [list(t.columns)], _baris(t), [0.8, 6.0, 1.6, 1.6, 1.8, 2.4, 1.8], "clrrrrc", ukuran=9, tebal={len(t) - 1})
    sumber(doc, "lke.csv, diolah; % Bobot: nilai terhadap bobot komponen; perubahan terhadap tahun sebelumnya.")
    gambar(doc, nomor, grafik, NAMA_GRAFIK_AKIP, lambda: grafik_akip(a.komponen_akip, a.nilai_akip, tahun),
           "Nilai Komponen AKIP terhadap Bobotnya")


def blok_di(doc, a: Analisis, nomor: Nomor, grafik: SumberGrafik, sasaran_kode: str | None) -> None:
    """The IKM and AKIP blocks that belong in the section of ``sasaran_kode`` (None: after the capaian of every IKU)."""
    if ada_ikm(a) and sasaran_sumber(a, SUMBER_IKM) == sasaran_kode:
        blok_ikm(doc, a, nomor, grafik)
    if ada_akip(a) and sasaran_sumber(a, SUMBER_LKE) == sasaran_kode:
        blok_akip(doc, a, nomor, grafik)
