"""A whole kabupaten, as its notebook and README call it: the tables of :mod:`lakip.core.rollup`
(``tabel_unit`` with every unit's reviu findings, :mod:`lakip.app.rollup`), the loader of
:mod:`lakip.data.bulk` and the display of :mod:`lakip.report.display_kabupaten`."""

from lakip.app.rollup import FOLDER, hitung_temuan, jalankan_rekap, tabel_unit, tulis_kabupaten
from lakip.core.model import Kabupaten
from lakip.core.rollup import ringkasan_kabupaten, skor_kabupaten, tabel_capaian_iku, tahun_kabupaten, unit_dengan_tahun
from lakip.data.bulk import muat_kabupaten
from lakip.data.load import muat_semua
from lakip.report.display_kabupaten import tampil_distribusi_unit, tampil_unit

__all__ = ["FOLDER", "hitung_temuan", "jalankan_rekap", "tabel_unit", "tulis_kabupaten", "Kabupaten", "ringkasan_kabupaten",
           "skor_kabupaten", "tabel_capaian_iku", "tahun_kabupaten", "unit_dengan_tahun", "muat_kabupaten", "muat_semua",
           "tampil_distribusi_unit", "tampil_unit"]
