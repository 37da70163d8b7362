"""IKM from the survey and nilai AKIP from the LKE: hand-computed values (#17)."""

import math

import numpy as np
import pandas as pd
import pytest

from lakip.core import akip, ikm


def _survei(rows):
    return pd.DataFrame(rows, columns=["tahun", "responden", "layanan"] + list(ikm.UNSUR))


def test_all_fours_give_the_regulations_99_9_or_100_exactly():
    s = _survei([[2024, 1, "KTP", *[4] * 9], [2024, 2, "KTP", *[4] * 9]])
    assert ikm.ikm_tahunan(s, ikm.bobot_ikm("0,111"))["ikm"].iloc[0] == pytest.approx(99.9)
    assert ikm.ikm_tahunan(s, ikm.bobot_ikm("rata"))["ikm"].iloc[0] == pytest.approx(100.0)
    assert ikm.ikm_tahunan(s)["mutu"].iloc[0] == "A"


def test_nrr_and_ikm_by_hand():
    # unsur 1: answers 3, 4, 2 -> NRR 3; every other unsur: 3, 3, 3 -> NRR 3 (u2 4,4,4 -> 4)
    rows = []
    for r, (a1, a2) in enumerate([(3, 4), (4, 4), (2, 4)], start=1):
        rows.append([2024, r, "A" if r < 3 else "B", a1, a2, 3, 3, 3, 3, 3, 3, 3])
    s = _survei(rows)
    u = ikm.nrr_unsur(s)
    assert list(u["unsur"]) == list(ikm.UNSUR)
    assert u.loc[0, "nrr"] == pytest.approx(3.0) and u.loc[1, "nrr"] == pytest.approx(4.0)
    assert u.loc[0, "nrr_tertimbang"] == pytest.approx(0.333)
    assert u.loc[0, "responden"] == 3
    assert u.loc[0, "nama_unsur"] == "Persyaratan"
    assert list(u["mutu"][:2]) == ["C", "A"]  # NRR 3,00 is in C (2,60-3,064), 4 in A
    t = ikm.ikm_tahunan(s)
    # (8 x 3 + 4) x 0,111 x 25 = 77,7
    assert t["ikm"].iloc[0] == pytest.approx(77.7)
    assert (t["mutu"].iloc[0], t["kinerja"].iloc[0], t["responden"].iloc[0]) == ("B", "Baik", 3)
    lay = ikm.ikm_layanan(s).set_index("layanan")
    # layanan A: u1 mean 3,5, u2 4, others 3 -> (3,5 + 4 + 21) x 0,111 x 25 = 79,0875
    assert lay.loc["A", "ikm"] == pytest.approx(28.5 * 0.111 * 25)
    assert lay.loc["B", "ikm"] == pytest.approx(27 * 0.111 * 25)
    assert lay.loc["A", "responden"] == 2


@pytest.mark.parametrize("nilai,mutu", [
    (88.31, "A"), (88.30, "B"), (88.305, "B"), (76.61, "B"), (76.60, "C"), (65.0, "C"), (64.99, "D"),
    (25.0, "D"), (24.975, "D"), (100.0, "A"), (None, None),
])
def test_mutu_at_the_band_edges(nilai, mutu):
    assert ikm.mutu_ikm(nilai) == mutu


def test_mutu_edge_reached_through_float_arithmetic():
    # NRR 3,5324 x 9 x 0,111 x 25 lands a hair off 88,21...; use a value made by division instead
    assert ikm.mutu_ikm(8831 / 100) == "A"
    assert ikm.mutu_ikm(7661 / 100) == "B"
    assert ikm.MUTU_NRR.kategori(3.5324) == "A" and ikm.MUTU_NRR.kategori(3.532) == "B"
    assert ikm.MUTU_NRR.kategori(2.5996) == "D" and ikm.MUTU_NRR.kategori(2.60) == "C"


def test_bobot_choice_is_checked():
    assert ikm.bobot_ikm(None) == 0.111
    assert ikm.bobot_ikm("0.111") == 0.111
    assert ikm.bobot_ikm("rata") == pytest.approx(1 / 9)
    with pytest.raises(ValueError, match="bobot_ikm"):
        ikm.bobot_ikm("0,2")


def test_survey_without_layanan_has_no_service_table():
    s = _survei([[2024, 1, None, *[3] * 9]]).drop(columns="layanan")
    assert ikm.ikm_layanan(s).empty
    assert ikm.ikm_tahunan(s)["ikm"].iloc[0] == pytest.approx(74.925)


def _lke(tahun, nilai):
    return pd.DataFrame({"tahun": tahun, "komponen": list(akip.KOMPONEN_LKE), "bobot": list(akip.KOMPONEN_LKE.values()),
                         "nilai": nilai})


@pytest.mark.parametrize("nilai,predikat", [
    ([27.0, 27.0, 13.5, 22.5], "A"),      # 90,00 is A
    ([27.01, 27.0, 13.5, 22.5], "AA"),    # 90,01 is AA
    ([21.0, 21.0, 10.5, 17.5], "B"),      # 70,00 is B (upper bound inclusive)
    ([21.0, 21.01, 10.5, 17.5], "BB"),    # 70,01 is BB
    ([20.99, 21.0, 10.5, 17.5], "B"),     # 69,99 is B
    ([9.0, 9.0, 4.5, 7.5], "D"),          # 30,00 is D
    ([9.1, 9.0, 4.5, 7.5], "C"),
])
def test_predikat_at_the_edges(nilai, predikat):
    out = akip.nilai_akip(_lke(2024, nilai))
    assert out["predikat"].iloc[0] == predikat
    assert out["nilai"].iloc[0] == pytest.approx(sum(nilai))


def test_components_subcomponents_and_change():
    lke = pd.concat([
        _lke(2023, [20.0, 18.0, 10.0, 15.0]),
        _lke(2024, [None, 20.0, 11.0, 16.0]),
        pd.DataFrame({"tahun": 2024, "komponen": ["Keberadaan", "Kualitas", "Pemanfaatan"],
                      "induk": "Perencanaan Kinerja", "bobot": [6.0, 9.0, 15.0], "nilai": [6.0, 7.5, 9.0]}),
    ], ignore_index=True)
    komp = akip.komponen_lke(lke)
    per = komp[(komp["tahun"] == 2024) & (komp["komponen"] == "Perencanaan Kinerja")].iloc[0]
    assert per["nilai"] == pytest.approx(22.5) and per["nilai_rinci"] == pytest.approx(22.5)
    assert per["persen"] == pytest.approx(75.0)
    assert per["selisih"] == pytest.approx(2.5)
    assert math.isnan(komp.loc[0, "selisih"])
    tot = akip.nilai_akip(lke).set_index("tahun")
    assert tot.loc[2023, "nilai"] == pytest.approx(63.0) and tot.loc[2023, "predikat"] == "B"
    assert tot.loc[2024, "nilai"] == pytest.approx(69.5) and tot.loc[2024, "predikat"] == "B"
    assert tot.loc[2024, "selisih"] == pytest.approx(6.5)
    assert np.isnan(tot.loc[2023, "selisih"])


def test_change_is_against_the_year_before_only():
    lke = pd.concat([_lke(2021, [20.0, 18.0, 10.0, 15.0]), _lke(2024, [21.0, 18.0, 10.0, 15.0])], ignore_index=True)
    assert akip.nilai_akip(lke)["selisih"].isna().all()
    assert akip.komponen_lke(lke)["selisih"].isna().all()
