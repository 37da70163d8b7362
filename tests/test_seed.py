"""The Batu Bara 2024 report, reproduced from the data files.

Every capaian printed in Tabel 3.2 and 3.3 that is consistent with its own
target and realisasi must come out of the data, after rounding to the
decimals it was printed with; the one that is not is pinned as a finding.
"""

import math

import pytest

from lakip import analysis
from lakip.data.load import muat
from lakip.core.numbers import bulat, is_kosong, parse_angka

# (tabel, kunci) printed capaian that no rule reproduces from the printed target
# and realisasi, with the reason (a finding for the audit, not a test to relax).
TIDAK_KONSISTEN = {
    ("Tabel 3.3", "capaian/IKU-1/2023"): "prints the LPPD score 86,22 as capaian; Sedang against Tinggi is 2/3 = 66,67 %",
}


@pytest.fixture(scope="module")
def unit():
    return muat(entitas="setda-batubara")


@pytest.fixture(scope="module")
def perbandingan(unit):
    return analysis.tabel_perbandingan(unit, 2024).set_index(["kode", "tahun"])


def _printed(unit, tabel, jenis):
    lap = unit.laporan
    rows = lap[(lap["tabel"] == tabel) & lap["kunci"].str.startswith(f"{jenis}/")]
    assert len(rows) > 0
    return rows


def _decimals(teks):
    t = teks.replace("%", "").strip()
    return len(t.split(",")[1]) if "," in t else 0


@pytest.mark.parametrize("tabel", ["Tabel 3.2", "Tabel 3.3"])
def test_every_consistent_printed_capaian_is_reproduced(unit, perbandingan, tabel):
    checked = 0
    for _, row in _printed(unit, tabel, "capaian").iterrows():
        _, kode, tahun = row["kunci"].split("/")
        computed = perbandingan.loc[(kode, int(tahun)), "capaian"]
        if (tabel, row["kunci"]) in TIDAK_KONSISTEN:
            assert bulat(computed, 2) != bulat(parse_angka(row["nilai"]), 2)
            continue
        if is_kosong(row["nilai"]):
            assert math.isnan(computed), row["kunci"]
        else:
            d = _decimals(row["nilai"])
            assert bulat(computed, d) == bulat(parse_angka(row["nilai"]), d), row["kunci"]
        checked += 1
    assert checked == {"Tabel 3.2": 7, "Tabel 3.3": 20}[tabel]


def test_kategori_of_every_iku_and_year(unit, perbandingan):
    got = perbandingan["kategori"].astype(object).where(perbandingan["kategori"].notna(), None).to_dict()
    assert got == {
        ("IKU-1", 2022): None, ("IKU-1", 2023): "Sedang", ("IKU-1", 2024): None,
        ("IKU-2", 2022): "Sangat Tinggi", ("IKU-2", 2023): "Sangat Tinggi", ("IKU-2", 2024): "Tinggi",
        ("IKU-3", 2022): "Sangat Tinggi", ("IKU-3", 2023): "Sangat Tinggi", ("IKU-3", 2024): "Sangat Tinggi",
        ("IKU-4", 2022): "Sangat Tinggi", ("IKU-4", 2023): "Sangat Tinggi", ("IKU-4", 2024): "Sangat Tinggi",
        ("IKU-5", 2022): "Sangat Tinggi", ("IKU-5", 2023): "Sangat Tinggi", ("IKU-5", 2024): "Sangat Tinggi",
        ("IKU-6", 2022): "Sangat Tinggi", ("IKU-6", 2023): "Sangat Tinggi", ("IKU-6", 2024): "Sangat Tinggi",
        ("IKU-7", 2022): "Sangat Tinggi", ("IKU-7", 2023): "Sangat Tinggi", ("IKU-7", 2024): "Tinggi",
    }


def test_kategori_words_printed_in_the_text_match_where_the_capaian_does(unit, perbandingan):
    """The Bab III text names a kategori per IKU; the scale gives the same word."""
    lap = unit.laporan
    rows = lap[lap["kunci"].str.startswith("kategori/") & lap["tabel"].str.startswith("Bab III")]
    assert len(rows) >= 6
    for _, row in rows.iterrows():
        _, kode, tahun = row["kunci"].split("/")
        assert str(perbandingan.loc[(kode, int(tahun)), "kategori"]).lower() == row["nilai"].strip().lower(), row["kunci"]


def test_exact_capaian_2024(unit):
    t = analysis.tabel_capaian_iku(unit, 2024).set_index("kode")
    assert math.isnan(t.loc["IKU-1", "capaian"])
    assert t.loc["IKU-1", "status"] == "belum dapat diukur"
    assert t.loc["IKU-2", "capaian"] == 85.83
    assert t.loc["IKU-3", "capaian"] == 9.92 * 100 / 9.7
    assert t.loc["IKU-4", "capaian"] == 72.37 * 100 / 73
    assert t.loc["IKU-5", "capaian"] == 100.0
    assert t.loc["IKU-6", "capaian"] == 86.28 * 100 / 86
    assert t.loc["IKU-7", "capaian"] == 66.35 * 100 / 87
    assert t.loc["IKU-5", "target"] == "9/9" and t.loc["IKU-1", "target"] == "Tinggi"


def test_key_figures_2024(unit):
    r = analysis.ringkasan(unit, 2024)
    six = [85.83, 9.92 * 100 / 9.7, 72.37 * 100 / 73, 100.0, 86.28 * 100 / 86, 66.35 * 100 / 87]
    assert r["capaian"]["rata_rata_iku"] == pytest.approx(sum(six) / 6, rel=1e-15)
    assert bulat(r["capaian"]["rata_rata_iku"], 2) == bulat(93.97, 2)  # the report prints 92,74 %
    sasaran = [85.83, (six[1] + six[2]) / 2, 100.0, six[4], six[5]]
    assert r["capaian"]["rata_rata_sasaran"] == pytest.approx(sum(sasaran) / 5, rel=1e-15)
    assert r["jumlah"] == {"iku": 7, "iku_terukur": 6, "iku_belum_dapat_diukur": 1, "sasaran": 6, "sasaran_terukur": 5}
    dist = {d["kategori"]: (d["jumlah"], d["persen"]) for d in r["distribusi"]}
    assert dist["Sangat Tinggi"] == (4, 4 * 100 / 7)
    assert dist["Tinggi"] == (2, 2 * 100 / 7)
    assert dist["belum dapat diukur"] == (1, 100 / 7)
    assert r["pilihan"]["rumus_turun"] == "selisih" and r["pilihan"]["metode_efisiensi"] == "rasio"


def test_change_in_percentage_points(perbandingan):
    # the report says "penurunan ... sebesar 62,29%" (148,29 - 86, rounded first)
    assert perbandingan.loc[("IKU-2", 2024), "perubahan_pp"] == pytest.approx(85.83 - 148.29, abs=1e-12)
    assert perbandingan.loc[("IKU-3", 2024), "perubahan_pp"] == pytest.approx(9.92 * 100 / 9.7 - 9.33 * 100 / 9.6, abs=1e-12)
    assert math.isnan(perbandingan.loc[("IKU-1", 2024), "perubahan_pp"])


def test_budget_2024(unit):
    a = analysis.tabel_anggaran(unit, 2024).set_index("kode")
    assert a.loc["P1", "serapan"] == 45716917980 * 100 / 48281384383
    assert [bulat(a.loc[k, "serapan"], 2) for k in ("P1", "P2", "P3")] == [bulat(94.69, 2), bulat(92.08, 2), bulat(91.10, 2)]
    tot = analysis.tabel_total_anggaran(unit, 2024).set_index("pohon")
    assert tot.loc["program", "pagu"] == 64440768486 and tot.loc["program", "realisasi"] == 60563391303
    assert bulat(tot.loc["program", "serapan"], 2) == bulat(93.98, 2)
    # Tabel 2.5 prints a total of 64.440.768.486 but its Bagian add up to 47.334.153.328
    assert tot.loc["bagian", "pagu"] == 47334153328
    assert tot.loc["bagian", "selisih_pagu"] == 47334153328 - 64440768486
    # the efficiency table's budget per IKU covers the whole pagu, but its realisasi is Rp 50.000 more
    assert tot.loc["iku", "jumlah_node"] == 7 and tot.loc["iku", "pagu"] == 64440768486
    assert tot.loc["iku", "realisasi"] == 60563441303 and tot.loc["iku", "selisih_realisasi"] == 50000
    assert tot.loc["iku", "selisih_pagu"] == 0 and tot.loc["program", "selisih_realisasi"] == 0
    assert math.isnan(tot.loc["bagian", "selisih_realisasi"])
    cek = analysis.tabel_cek_anggaran(unit, 2024)
    wrong = cek[~cek["sesuai"]].set_index("kode")["selisih"].to_dict()
    assert wrong == {"B1": 43684125.0, "B1.2": -43684125.0}
    assert cek["sesuai"].sum() == 26


def test_efficiency_2024(unit):
    e = analysis.tabel_efisiensi(unit, 2024).set_index("kode")
    assert e.loc["IKU-2", "nilai"] == 85.83 / (272713924 * 100 / 278909700)
    assert e.loc["IKU-1", "status"] == "belum dapat diukur"
    assert e["status"].to_dict() == {
        "IKU-1": "belum dapat diukur", "IKU-2": "tidak efisien", "IKU-3": "efisien", "IKU-4": "tidak efisien",
        "IKU-5": "efisien", "IKU-6": "efisien", "IKU-7": "tidak efisien",
    }
    assert [str(bulat(v, 2)) for v in e["capaian_anggaran"]] == ["98.18", "97.78", "91.71", "99.77", "99.85", "96.36", "93.59"]
