"""The charts, as the notebooks call them: the figures of :mod:`lakip.report.charts`, saved and shown
by :mod:`lakip.app.grafik`."""

from lakip.app.grafik import SumberBerkas, simpan, simpan_grafik_sasaran, tampilkan
from lakip.report.charts import (GAYA, GRAFIK_LAPORAN, LEBAR_A4, Gambar, SumberGrafik, grafik_alokasi_bagian,
                                 grafik_capaian_iku, grafik_capaian_serapan, grafik_sdm, grafik_distribusi_unit, grafik_efisiensi,
                                 grafik_sasaran, grafik_sensitivitas, grafik_serapan_program, grafik_skenario,
                                 grafik_target_realisasi, grafik_tren, png, svg, warna_kategori, grafik_nrr, grafik_akip)

__all__ = ["SumberBerkas", "simpan", "simpan_grafik_sasaran", "tampilkan", "GAYA", "GRAFIK_LAPORAN", "LEBAR_A4", "Gambar",
           "SumberGrafik", "grafik_alokasi_bagian", "grafik_capaian_iku", "grafik_capaian_serapan", "grafik_distribusi_unit",
           "grafik_efisiensi", "grafik_sasaran", "grafik_sensitivitas", "grafik_serapan_program", "grafik_skenario",
           "grafik_target_realisasi", "grafik_tren", "png", "svg", "warna_kategori", "grafik_sdm", "grafik_nrr", "grafik_akip"]
