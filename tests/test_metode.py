"""The method in words (lakip/report/metode.py, #17): the IKM and the nilai AKIP are said, with the unit's
bobot_ikm, only where the unit has survei_ikm.csv or lke.csv; a unit with neither reads as before."""

import pytest

from lakip.data.load import muat
from lakip.report import metode
from test_ikm_lke_unit import buat

RATA = "nama: Unit IKM\npilihan:\n  bobot_ikm: rata\n"


def test_a_unit_without_the_files_reads_as_before():
    u = muat(None, "setda-batubara")
    assert metode.teks_metode(u.pilihan, "Tabel 3.1", u.lampiran) == metode.teks_metode(u.pilihan, "Tabel 3.1")
    assert "IKM" not in metode.teks_metode(u.pilihan, "Tabel 3.1", u.lampiran)
    assert "AKIP" not in metode.teks_metode(u.pilihan, "Tabel 3.1", u.lampiran)


def test_the_ikm_with_the_weight_of_the_unit(tmp_path):
    u = buat(tmp_path / "a", lke=False, ganti=[("indikator.csv", ",lke\n", ",\n"), ("indikator.csv", "lke:Pelaporan Kinerja", "")])
    teks = metode.teks_metode(u.pilihan, "Tabel 3.1", u.lampiran)
    assert teks.startswith(metode.teks_metode(u.pilihan, "Tabel 3.1"))
    assert metode.teks_ikm(u.pilihan) in teks and "AKIP" not in teks
    assert "NRR tertimbang = NRR x bobot 0,111 sebagaimana tercetak dalam peraturan" in teks
    assert "jawaban 4 pada semua unsur memberi IKM 99,9" in teks and "IKM = jumlah NRR tertimbang x 25" in teks
    assert "A (Sangat Baik) ≥ 88,31; B (Baik) ≥ 76,61 dan < 88,31; C (Kurang Baik) ≥ 65,00 dan < 76,61; " \
           "D (Tidak Baik) < 65,00" in teks
    rata = buat(tmp_path / "b", entitas=RATA)
    teks = metode.teks_metode(rata.pilihan, None, rata.lampiran)
    assert "NRR x bobot 1/9 (pilihan bobot_ikm unit: rata; jawaban 4 pada semua unsur memberi IKM 100)" in teks
    assert "0,111" not in teks


def test_the_akip_and_its_predikat(tmp_path):
    u = buat(tmp_path, survei=False, ganti=[("indikator.csv", "survei_ikm\n", "\n")])
    teks = metode.teks_metode(u.pilihan, None, u.lampiran)
    assert "IKM" not in teks and teks.endswith(metode.teks_akip())
    assert ("Perencanaan Kinerja 30, Pengukuran Kinerja 30, Pelaporan Kinerja 15, Evaluasi Akuntabilitas Kinerja "
            "Internal 25") in teks
    assert "AA > 90; A > 80 dan ≤ 90; BB > 70 dan ≤ 80; B > 60 dan ≤ 70; CC > 50 dan ≤ 60; C > 30 dan ≤ 50; D ≤ 30" in teks
    assert "nilai 90 berpredikat A" in teks


@pytest.mark.parametrize("bobot", ["0,111", "rata"])
def test_both_files_say_both(tmp_path, bobot):
    u = buat(tmp_path, entitas=RATA if bobot == "rata" else "nama: Unit IKM\n")
    teks = metode.teks_metode(u.pilihan, None, u.lampiran)
    assert teks.endswith(f"{metode.teks_ikm(u.pilihan)} {metode.teks_akip()}")
