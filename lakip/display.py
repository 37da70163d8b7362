"""Tables for people, as the notebooks call them: :mod:`lakip.report.display` (a unit-year),
:mod:`lakip.report.display_skenario` (a what-if study), :mod:`lakip.report.display_kabupaten`
(a rollup)."""

from lakip.core.numbers import format_angka, format_persen, format_rupiah
from lakip.report.display import (judul_unit, keterangan_efisiensi, tampil_anggaran, tampil_capaian_iku, tampil_capaian_sasaran,
                                  tampil_cek_anggaran, tampil_distribusi, tampil_efisiensi, tampil_efisiensi_semua,
                                  tampil_perbandingan, tampil_renstra, tampil_ringkasan, tampil_ringkasan_reviu,
                                  tampil_total_anggaran, tampil_total_program, teks, teks_nilai, teks_reviu, urut_reviu)
from lakip.report.display_kabupaten import tampil_distribusi_unit, tampil_unit
from lakip.report.display_skenario import (tampil_kebutuhan, tampil_kebutuhan_rata_rata, tampil_perubahan,
                                           tampil_skenario_distribusi, tampil_skenario_efisiensi, tampil_skenario_iku,
                                           tampil_skenario_rata_rata, tampil_skenario_sasaran, tanda_selisih, teks_skenario)
from lakip.report.display_profil import format_tanggal, tampil_anggaran_program, tampil_pk, tampil_perda, tampil_sdm
from lakip.report.display_luar import (ada_akip, ada_ikm, tampil_akip, tampil_ikm, tampil_ikm_layanan, tampil_ikm_tahunan,
                                       teks_akip, teks_ikm)

__all__ = ["format_angka", "format_persen", "format_rupiah", "judul_unit", "keterangan_efisiensi", "tampil_anggaran",
           "tampil_capaian_iku", "tampil_capaian_sasaran", "tampil_cek_anggaran", "tampil_distribusi", "tampil_efisiensi",
           "tampil_efisiensi_semua", "tampil_perbandingan", "tampil_renstra", "tampil_ringkasan", "tampil_ringkasan_reviu",
           "tampil_total_anggaran", "tampil_total_program", "teks", "teks_nilai", "teks_reviu", "urut_reviu",
           "tampil_distribusi_unit", "tampil_unit", "tampil_kebutuhan", "tampil_kebutuhan_rata_rata", "tampil_perubahan",
           "tampil_skenario_distribusi", "tampil_skenario_efisiensi", "tampil_skenario_iku", "tampil_skenario_rata_rata",
           "tampil_skenario_sasaran", "tanda_selisih", "teks_skenario",
           "format_tanggal", "tampil_anggaran_program", "tampil_pk", "tampil_perda", "tampil_sdm",
           "ada_akip", "ada_ikm", "tampil_akip", "tampil_ikm", "tampil_ikm_layanan", "tampil_ikm_tahunan", "teks_akip", "teks_ikm"]
