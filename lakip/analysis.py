"""The tables of one unit and year, as the notebooks call them: :mod:`lakip.core.tables`."""

from lakip.core.tables import (Analisis, analisis, catatan_data, cek_tahun, iku_belum_terukur, ringkasan, skor_unit,
                               tabel_anggaran, tabel_capaian_iku, tabel_capaian_sasaran, tabel_cek_anggaran, tabel_distribusi,
                               tabel_efisiensi, tabel_efisiensi_semua, tabel_perbandingan, tabel_renstra, tabel_total_anggaran,
                               tahun_banding)
from lakip.core.profil import catatan_profil, jumlah_sdm, profil, tabel_anggaran_program, tabel_perda, tabel_pk, tabel_sdm

__all__ = ["Analisis", "analisis", "catatan_data", "cek_tahun", "iku_belum_terukur", "ringkasan", "skor_unit", "tabel_anggaran",
           "tabel_capaian_iku", "tabel_capaian_sasaran", "tabel_cek_anggaran", "tabel_distribusi", "tabel_efisiensi",
           "tabel_efisiensi_semua", "tabel_perbandingan", "tabel_renstra", "tabel_total_anggaran", "tahun_banding",
           "catatan_profil", "jumlah_sdm", "profil", "tabel_anggaran_program", "tabel_perda", "tabel_pk", "tabel_sdm"]
