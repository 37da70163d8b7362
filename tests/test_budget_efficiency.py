"""Budget roll-up and serapan (DOMAIN.md section 6) and efficiency (section 7)."""

import math

import numpy as np
import pandas as pd
import pytest

from lakip.core import budget, efficiency

NAN = float("nan")


def tree():
    rows = [
        ("P1", None, "program", 1000.0, 900.0),
        ("K1", "P1", "kegiatan", 600.0, 550.0),
        ("K2", "P1", "kegiatan", 400.0, 350.0),
        ("S1", "K1", "subkegiatan", 250.0, 250.0),
        ("S2", "K1", "subkegiatan", 300.0, NAN),  # no realisasi: K1's realisasi is not checked
        ("B1", None, "bagian", 990.0, NAN),
        ("B1.1", "B1", "kegiatan", 990.0, NAN),
        ("S3", "K2", "subkegiatan", 0.0, 0.0),
        ("S4", "K2", "subkegiatan", 400.0, 360.0),
    ]
    df = pd.DataFrame(rows, columns=["kode", "induk", "tingkat", "pagu", "realisasi"])
    df.insert(0, "tahun", 2024)
    df["uraian"] = df["kode"]
    return df


def test_serapan_per_node():
    s = budget.serapan(tree()).set_index("kode")["serapan"]
    assert s["P1"] == 90.0 and s["K2"] == 87.5 and s["S1"] == 100.0
    assert math.isnan(s["S2"]) and math.isnan(s["S3"])  # no realisasi; pagu 0


def test_rollup_checks_every_parent():
    cek = budget.cek_rollup(tree())
    pagu = cek[cek["kolom"] == "pagu"].set_index("kode")
    assert pagu["selisih"].to_dict() == {"P1": 0.0, "K1": 50.0, "K2": 0.0, "B1": 0.0}
    assert pagu["sesuai"].to_dict() == {"P1": True, "K1": False, "K2": True, "B1": True}
    real = cek[cek["kolom"] == "realisasi"].set_index("kode")
    assert real["selisih"].to_dict() == {"P1": 0.0, "K2": -10.0}
    assert real.loc["K2", "jumlah_anak"] == 360.0 and real.loc["K2", "jumlah_anak_baris"] == 2


def test_tree_totals_are_compared():
    tot = budget.total_pohon(tree()).set_index("pohon")
    assert tot.loc["program", "pagu"] == 1000.0 and tot.loc["program", "realisasi"] == 900.0
    assert tot.loc["program", "jumlah_node"] == 7 and tot.loc["bagian", "jumlah_node"] == 2
    assert tot.loc["bagian", "selisih_pagu"] == -10.0
    assert math.isnan(tot.loc["bagian", "realisasi"])


@pytest.mark.parametrize(
    ("metode", "ck", "ca", "nilai", "status"),
    [
        ("rasio", 100.0, 100.0, 1.0, "efisien"),
        ("rasio", 99.0, 100.0, 0.99, "tidak efisien"),
        ("rasio", 102.0, 85.0, 1.2, "efisien"),
        ("selisih", 105.0, 100.0, 5.0, "cukup efisien"),
        ("selisih", 105.01, 100.0, 105.01 - 100.0, "efisien"),
        ("selisih", 95.0, 100.0, -5.0, "cukup efisien"),
        ("selisih", 94.99, 100.0, 94.99 - 100.0, "tidak efisien"),
        ("pmk249", 100.0, 90.0, 75.0, "efisien"),        # E = 1 - 0,9/1 = 10 % -> 50 + 25
        ("pmk249", 100.0, 100.0, 50.0, "efisien"),
        ("pmk249", 100.0, 50.0, 100.0, "efisien"),       # E = 50 % clamped to 20 %
        ("pmk249", 50.0, 100.0, 0.0, "tidak efisien"),   # E = -100 % clamped to -20 %
        ("pmk249", 100.0, 110.0, 25.0, "tidak efisien"),
    ],
)
def test_efficiency_methods(metode, ck, ca, nilai, status):
    v, s = efficiency.nilai_efisiensi(np.array([ck]), np.array([ca]), metode)
    assert v[0] == pytest.approx(nilai, abs=1e-12)
    assert s[0] == status


def test_efficiency_not_available():
    v, s = efficiency.nilai_efisiensi(np.array([NAN, 90.0, 90.0]), np.array([90.0, NAN, 0.0]), "rasio")
    assert np.isnan(v).all()
    assert s.tolist() == ["belum dapat diukur", "tidak dapat dihitung", "tidak dapat dihitung"]
    with pytest.raises(ValueError, match="metode efisiensi"):
        efficiency.nilai_efisiensi(np.array([1.0]), np.array([1.0]), "lain")


def test_efficiency_table():
    cap = pd.DataFrame({"kode": ["A", "B", "C"], "capaian": [100.33, NAN, 85.83]})
    ang = pd.DataFrame({"kode": ["A", "B"], "pagu": [240666975.0, 100.0], "realisasi": [231901120.0, 50.0]})
    e = efficiency.efisiensi(cap, ang).set_index("kode")
    assert e.loc["A", "capaian_anggaran"] == 231901120.0 * 100 / 240666975.0
    assert e.loc["A", "nilai"] == 100.33 / (231901120.0 * 100 / 240666975.0)
    assert e["status"].tolist() == ["efisien", "belum dapat diukur", "tidak dapat dihitung"]
    assert e.loc["A", "target_tercapai"] == True  # noqa: E712
    assert e.loc["A", "metode"] == "rasio"


def test_equal_values_with_binary_noise_fall_on_the_right_side_of_each_bound():
    # a level target of 3/9 met exactly: realisasi x 100 / target is 99.99999999999999 in binary
    met = (3 / 9) * 100 / (3 / 9)
    assert met != 100.0
    v, s = efficiency.nilai_efisiensi(np.array([met]), np.array([100.0]), "rasio")
    assert v[0] < 1 and s[0] == "efisien"
    v, s = efficiency.nilai_efisiensi(np.array([met]), np.array([100.0]), "pmk249")
    assert v[0] < 50 and s[0] == "efisien"
    # 51,22 / 80 = 64,025 % against 59,025 %: a difference of exactly 5 pp, 5.000000000000007 in binary
    ck, ca = 51.22 / 80 * 100, 590250000 * 100 / 1000000000
    v, s = efficiency.nilai_efisiensi(np.array([ck]), np.array([ca]), "selisih")
    assert v[0] > 5 and s[0] == "cukup efisien"
    e = efficiency.efisiensi(pd.DataFrame({"kode": ["A", "B"], "capaian": [met, 99.99]}),
                             pd.DataFrame({"kode": ["A", "B"], "pagu": [100.0, 100.0], "realisasi": [100.0, 100.0]}))
    assert e["target_tercapai"].tolist() == [True, False]


def test_one_home_for_serapan_totals_and_the_walk_up_the_tree():
    """persen_serapan, total and akar: the rules every caller uses (the reviu, the tables, the reports, what-if)."""
    assert budget.persen_serapan(900.0, 1000.0) == 90.0
    assert math.isnan(budget.persen_serapan(900.0, 0.0)) and math.isnan(budget.persen_serapan(NAN, 1000.0))
    assert budget.persen_serapan(np.array([900.0, 5.0]), np.array([1000.0, 0.0]))[0] == 90.0
    assert budget.total([600.0, 400.0], [550.0, 350.0]) == (1000.0, 900.0)
    pagu, real = budget.total([600.0, 400.0], [550.0, NAN])  # part of the money is no total
    assert pagu == 1000.0 and math.isnan(real)
    assert all(math.isnan(x) for x in budget.total([], []))
    t = tree()
    assert list(budget.akar(t)) == ["P1", "P1", "P1", "P1", "P1", "B1", "B1", "P1", "P1"]
    assert list(budget.puncak(t, "program")["kode"]) == ["P1"] and list(budget.puncak(t)["kode"]) == ["P1", "B1"]
    induk = dict(zip(t["kode"], t["induk"]))
    assert budget.leluhur(induk, "S1") == ["K1", "P1"] and budget.leluhur(induk, "P1") == []


def test_a_node_below_an_unknown_induk_or_on_a_cycle_has_no_root():
    t = tree()
    t.loc[t["kode"] == "K2", "induk"] = "X"  # K2 and its S3, S4 hang from a node that is not there
    assert list(budget.akar(t)) == ["P1", "P1", None, "P1", "P1", "B1", "B1", None, None]
    t.loc[t["kode"] == "K2", "induk"] = "S4"  # K2 -> S4 -> K2
    assert list(budget.akar(t))[2] is None and list(budget.akar(t))[-1] is None
    assert budget.total_pohon(t)["pohon"].tolist() == ["program", "bagian"]
