"""Charts of the analysis (matplotlib): tables in, figures out, sized for an A4 page.

No chart function reads or writes a file: :func:`png` and :func:`svg` give a
figure's bytes, :mod:`lakip.app.grafik` writes them to a run's ``grafik/``,
and a report takes its pictures from a :class:`SumberGrafik`.
"""

from lakip.report.charts.gaya import GAYA, LEBAR_A4, png, svg, warna_kategori
from lakip.report.charts.profil import NAMA_GRAFIK_SDM, grafik_sdm
from lakip.report.charts.luar import NAMA_GRAFIK_AKIP, NAMA_GRAFIK_IKM, grafik_akip, grafik_nrr
from lakip.report.charts.kabupaten import grafik_capaian_serapan, grafik_distribusi_unit
from lakip.report.charts.skenario import grafik_sensitivitas, grafik_skenario
from lakip.report.charts.sumber import GRAFIK_LAPORAN, Gambar, SumberGrafik
from lakip.report.charts.unit import (grafik_alokasi_bagian, grafik_capaian_iku, grafik_efisiensi, grafik_sasaran,
                                      grafik_serapan_program, grafik_target_realisasi, grafik_tren)

__all__ = ["GAYA", "LEBAR_A4", "png", "svg", "warna_kategori", "grafik_capaian_iku", "grafik_target_realisasi", "grafik_tren",
           "grafik_serapan_program", "grafik_alokasi_bagian", "grafik_efisiensi", "grafik_sasaran", "grafik_skenario",
           "grafik_sensitivitas", "grafik_distribusi_unit", "grafik_capaian_serapan", "GRAFIK_LAPORAN", "Gambar", "SumberGrafik",
           "NAMA_GRAFIK_SDM", "grafik_sdm", "NAMA_GRAFIK_IKM", "NAMA_GRAFIK_AKIP", "grafik_nrr", "grafik_akip"]
