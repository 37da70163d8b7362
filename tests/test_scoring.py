"""The scoring rules of DOMAIN.md sections 3-5, pinned with exact values."""

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lakip.core import scoring
from lakip.core.config import BELUM_TERUKUR, SKALA_BAKU, SKALA_ORDINAL, Pilihan, Skala

NAN = float("nan")


def frame(*rows):
    """Rows of (polaritas, jenis, target, realisasi[, bawah, atas])."""
    recs = []
    for row in rows:
        pol, jenis, t, r, *rng = row
        lo, hi = rng if rng else (NAN, NAN)
        recs.append({"polaritas": pol, "jenis": jenis, "target_nilai": t, "target_bawah": lo,
                     "target_atas": hi, "realisasi_nilai": r})
    return pd.DataFrame(recs)


def capaian(*rows, **pilihan):
    return scoring.hitung_capaian(frame(*rows), Pilihan(**pilihan))


def test_naik_is_realisasi_over_target():
    out = capaian(("naik", "angka", 100.0, 85.83), ("naik", "angka", 9.7, 9.92), ("naik", "angka", 73.0, 72.37))
    assert out["capaian"].tolist() == [85.83, 9.92 * 100 / 9.7, 72.37 * 100 / 73.0]
    assert out["capaian"].round(2).tolist() == [85.83, 102.27, 99.14]
    assert (out["status"] == "terukur").all()


def test_turun_default_is_two_target_minus_realisasi_floored_at_zero():
    out = capaian(
        ("turun", "angka", 10.0, 8.0),   # better than target
        ("turun", "angka", 10.0, 10.0),  # met exactly: 100, never 0
        ("turun", "angka", 10.0, 15.0),
        ("turun", "angka", 10.0, 25.0),  # more than twice the target: floored
    )
    assert out["capaian"].tolist() == [120.0, 100.0, 50.0, 0.0]
    assert out["catatan"][3] == "realisasi lebih dari 2 x target (polaritas turun): capaian dibatasi 0"


def test_turun_alternative_is_target_over_realisasi():
    out = capaian(("turun", "angka", 10.0, 8.0), ("turun", "angka", 10.0, 10.0), ("turun", "angka", 10.0, 25.0),
                  ("turun", "angka", 10.0, 0.0), rumus_turun="rasio")
    assert out["capaian"].tolist()[:3] == [125.0, 100.0, 40.0]
    assert math.isnan(out["capaian"][3])
    assert out["status"][3] == "tidak dapat dihitung"


def test_range_target_uses_the_nearer_bound():
    rows = [("naik", "rentang", NAN, r, 80.0, 90.0) for r in (95.0, 85.0, 80.0, 90.0, 72.0)]
    rows += [("turun", "rentang", NAN, r, 80.0, 90.0) for r in (99.0, 72.0)]
    out = capaian(*rows)
    assert out["capaian"].tolist() == [95 * 100 / 90, 100.0, 100.0, 100.0, 90.0, (180 - 99) * 100 / 90, 110.0]
    assert out["catatan"][1] == "realisasi di dalam rentang target: capaian 100"


def test_level_targets_compare_fractions():
    # 9/9 against 9/9, 4/5 against 9/9, 9/9 against 4/5
    out = capaian(("naik", "level", 1.0, 1.0), ("naik", "level", 1.0, 4 / 5), ("naik", "level", 4 / 5, 1.0))
    assert out["capaian"].round(10).tolist() == [100.0, 80.0, 125.0]


def test_ordinal_targets_divide_ranks():
    akip = SKALA_ORDINAL["akip"]
    bb, a = akip.index("BB") + 1, akip.index("A") + 1
    lppd = SKALA_ORDINAL["lppd"]
    out = capaian(("naik", "kategori", float(bb), float(a)),
                  ("naik", "kategori", float(lppd.index("Tinggi") + 1), float(lppd.index("Sedang") + 1)))
    assert out["capaian"].tolist()[0] == 120.0  # target BB, realisasi A -> 120
    assert out["capaian"].tolist()[1] == 2 * 100 / 3


def test_target_zero():
    out = capaian(("naik", "angka", 0.0, 5.0), ("turun", "angka", 0.0, 0.0), ("turun", "angka", 0.0, -1.0),
                  ("turun", "angka", 0.0, 3.0))
    assert math.isnan(out["capaian"][0])
    assert out["status"][0] == "tidak dapat dihitung"
    assert out["catatan"][0] == "target 0 dengan polaritas naik: capaian tidak dapat dihitung"
    assert out["capaian"].tolist()[1:] == [100.0, 100.0, 0.0]
    assert (out["catatan"][1:] == "target 0 dengan polaritas turun: capaian 100 bila realisasi <= 0, selain itu 0").all()
    assert (out["status"][1:] == "terukur").all()


def test_missing_realisasi_is_not_available_never_zero_or_hundred():
    s = scoring.skor(frame(("naik", "angka", 100.0, NAN), ("naik", "angka", 100.0, 80.0)).assign(sasaran_kode="S"))
    assert math.isnan(s["capaian"][0])
    assert s["status"][0] == BELUM_TERUKUR
    assert pd.isna(s["kategori"][0])
    assert scoring.rata_rata(s)["rata_rata_iku"] == 80.0
    assert scoring.capaian_sasaran(s)["capaian"].tolist() == [80.0]


def test_no_cap_by_default_cap_applies_to_means_only():
    s = scoring.skor(frame(("naik", "angka", 100.0, 148.29), ("naik", "angka", 100.0, 90.0)).assign(sasaran_kode="S"))
    assert s["capaian"].tolist() == [148.29, 90.0]
    assert scoring.rata_rata(s)["rata_rata_iku"] == pytest.approx(119.145, abs=1e-12)
    capped = Pilihan(batas_capaian=100)
    assert scoring.rata_rata(s, capped)["rata_rata_iku"] == 95.0
    assert scoring.capaian_sasaran(s, capped)["capaian"].tolist() == [95.0]
    assert scoring.rata_rata(s, Pilihan(batas_capaian=120))["rata_rata_iku"] == 105.0


@pytest.mark.parametrize(
    ("nilai", "kategori"),
    [
        (0.0, "Sangat Rendah"), (50.0, "Sangat Rendah"), (50.01, "Rendah"), (50.0000001, "Rendah"),
        (65.0, "Rendah"), (65.01, "Sedang"), (75.0, "Sedang"), (75.01, "Tinggi"),
        (90.0, "Tinggi"), (90.01, "Sangat Tinggi"), (100.0, "Sangat Tinggi"), (148.29, "Sangat Tinggi"),
        (-3.0, "Sangat Rendah"),
    ],
)
def test_rating_scale_boundaries(nilai, kategori):
    assert SKALA_BAKU.kategori(nilai) == kategori
    assert str(scoring.beri_kategori(np.array([nilai]), SKALA_BAKU)[0]) == kategori


def test_boundary_from_a_division_is_not_moved_by_binary_noise():
    # 0.9 * 100 is 90.00000000000001 in floating point; the capaian is exactly 90 -> Tinggi
    s = scoring.skor(frame(("naik", "angka", 100.0, 90.0), ("naik", "angka", 65.0, 58.5), ("naik", "angka", 10.0, 7.5)))
    assert s["kategori"].astype(str).tolist() == ["Tinggi", "Tinggi", "Sedang"]


def test_configured_scale_with_other_labels_and_six_classes():
    skala = Skala.from_list([
        {"kategori": "Sangat Baik", "di_atas": 100}, {"kategori": "Baik", "di_atas": 90},
        {"kategori": "Cukup", "di_atas": 75}, {"kategori": "Kurang", "di_atas": 65},
        {"kategori": "Sangat Kurang", "di_atas": 50}, {"kategori": "Buruk"},
    ])
    got = [skala.kategori(v) for v in (100.0, 100.5, 90.0, 76.0, 50.0)]
    assert got == ["Baik", "Sangat Baik", "Cukup", "Cukup", "Buruk"]
    with pytest.raises(ValueError, match="harus menurun"):
        Skala.from_list([{"kategori": "A", "di_atas": 50}, {"kategori": "B", "di_atas": 60}, {"kategori": "C"}])


def _skor_tahun():
    df = frame(
        ("naik", "angka", 100.0, 85.83), ("naik", "angka", 9.7, 9.92), ("naik", "angka", 73.0, 72.37),
        ("naik", "kategori", 3.0, NAN), ("naik", "angka", 87.0, 66.35), ("naik", "angka", 100.0, 40.0),
    )
    df["sasaran_kode"] = ["S2", "S3", "S3", "S1", "S6", "S7"]
    return scoring.skor(df)


def test_sasaran_and_overall_means():
    s = _skor_tahun()
    sas = scoring.capaian_sasaran(s).set_index("sasaran_kode")
    assert math.isnan(sas.loc["S1", "capaian"])
    assert sas.loc["S3", "capaian"] == (9.92 * 100 / 9.7 + 72.37 * 100 / 73.0) / 2
    assert sas.loc["S3", "jumlah_iku"] == 2 and sas.loc["S1", "jumlah_terukur"] == 0
    assert sas["kategori"].tolist()[1:] == ["Tinggi", "Sangat Tinggi", "Tinggi", "Sangat Rendah"]
    assert pd.isna(sas["kategori"].tolist()[0])
    m = scoring.rata_rata(s)
    caps = [85.83, 9.92 * 100 / 9.7, 72.37 * 100 / 73.0, 66.35 * 100 / 87.0, 40.0]
    assert m["rata_rata_iku"] == pytest.approx(sum(caps) / 5, rel=1e-15)
    assert m["rata_rata_sasaran"] == pytest.approx((caps[0] + (caps[1] + caps[2]) / 2 + caps[3] + caps[4]) / 4, rel=1e-15)
    assert (m["jumlah_iku"], m["jumlah_terukur"], m["jumlah_belum_terukur"]) == (6, 5, 1)


def test_distribution_counts_and_percents():
    d = scoring.distribusi(_skor_tahun(), SKALA_BAKU).set_index("kategori")
    assert d["jumlah"].to_dict() == {"Sangat Tinggi": 2, "Tinggi": 2, "Sedang": 0, "Rendah": 0,
                                     "Sangat Rendah": 1, BELUM_TERUKUR: 1}
    assert d["persen"].sum() == pytest.approx(100.0)
    assert d.loc["Tinggi", "persen"] == 2 * 100 / 6
    assert d.loc["Tinggi", "persen_terukur"] == 2 * 100 / 5
    assert math.isnan(d.loc[BELUM_TERUKUR, "persen_terukur"])


def test_distribution_per_group():
    s = _skor_tahun().assign(tahun=[2023, 2023, 2024, 2024, 2024, 2024])
    d = scoring.distribusi(s, SKALA_BAKU, by=["tahun"])
    assert len(d) == 12
    t23 = d[d["tahun"] == 2023].set_index("kategori")
    assert t23.loc["Sangat Tinggi", "persen"] == 50.0 and t23.loc["Tinggi", "persen"] == 50.0


def test_year_on_year_change_in_percentage_points_any_number_of_years():
    df = frame(*[("naik", "angka", 100.0, r) for r in (119.0, 148.29, 85.83, NAN, 90.0)])
    df["kode"] = "K"
    df["tahun"] = [2020, 2021, 2022, 2023, 2024]
    p = scoring.perbandingan(scoring.skor(df))
    assert p["perubahan_pp"].tolist()[1] == pytest.approx(29.29, abs=1e-9)
    assert p["perubahan_pp"].tolist()[2] == pytest.approx(-62.46, abs=1e-9)
    assert np.isnan(p["perubahan_pp"].tolist()[0]) and np.isnan(p["perubahan_pp"].tolist()[3])
    assert np.isnan(p["perubahan_pp"].tolist()[4])  # 2023 not measured: no change is claimed


# --------------------------------------------------------------- vectorised == row by row

row_strategy = st.tuples(
    st.sampled_from(["naik", "turun"]),
    st.sampled_from(["angka", "rentang", "level", "kategori"]),
    st.one_of(st.just(0.0), st.floats(min_value=-50, max_value=1e6, allow_nan=False)),
    st.one_of(st.just(NAN), st.just(0.0), st.floats(min_value=-50, max_value=1e6, allow_nan=False)),
    st.floats(min_value=0, max_value=1e3, allow_nan=False),
    st.floats(min_value=0, max_value=1e3, allow_nan=False),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(row_strategy, min_size=1, max_size=30), st.sampled_from(["selisih", "rasio"]))
def test_vectorised_scoring_equals_the_row_by_row_rules(rows, rumus):
    recs = []
    for pol, jenis, t, r, a, b in rows:
        lo, hi = sorted((a, b))
        if jenis == "rentang":
            recs.append((pol, jenis, NAN, r, lo, hi))
        else:
            recs.append((pol, jenis, t, r))
    out = capaian(*recs, rumus_turun=rumus)["capaian"].tolist()
    for rec, got in zip(recs, out):
        pol, jenis, t, r, *rng = rec
        lo, hi = rng if rng else (None, None)
        want = scoring.capaian_satu(t, r, pol, rumus, lo, hi)
        if want is None:
            assert math.isnan(got)
        else:
            assert got == pytest.approx(want, rel=1e-12, abs=1e-12)


# ----------------------------------------------------------------------------- inclusive scales and presets (#16)

def test_an_inclusive_scale_takes_each_printed_lower_bound_even_a_hair_below_it_in_floating_point():
    """91-100 Sangat Baik, 76-90 Baik, 66-75 Cukup, 51-65 Kurang, <= 50 Sangat Kurang: the divisions
    land a hair below the bound (8,19 / 9 x 100 = 90.99999999999999) and still reach it."""
    from lakip.core.config import SKALA_PRESET

    s = SKALA_PRESET["baik_kurang"]
    assert 8.19 / 9 * 100 < 91 and 3.3 / 5 * 100 < 66 and (2 * 1.5 - 1.86) / 1.5 * 100 < 76
    assert s.kategori(8.19 / 9 * 100) == "Sangat Baik"
    assert s.kategori(3.3 / 5 * 100) == "Cukup"
    assert s.kategori(scoring.capaian_satu(1.5, 1.86, "turun")) == "Baik"
    # a value in a printed gap takes the class whose lower bound it passes; above 100 stays on top
    assert [s.kategori(x) for x in (90.5, 90.999, 75.5, 65.99, 50.5, 51, 50, 0, 148)] == [
        "Baik", "Baik", "Cukup", "Kurang", "Sangat Kurang", "Kurang", "Sangat Kurang", "Sangat Kurang", "Sangat Baik"]


def test_the_two_forms_rank_whole_numbers_alike_and_disagree_between_them():
    from lakip.core.config import SKALA_PRESET

    mulai, di_atas = SKALA_PRESET["baik_kurang"], SKALA_PRESET["baik_kurang_di_atas"]
    for x in range(0, 121):
        assert mulai.kategori(x) == di_atas.kategori(x), x
    assert (mulai.kategori(90.5), di_atas.kategori(90.5)) == ("Baik", "Sangat Baik")
    # a half-open bound is not reached by noise above it either
    assert di_atas.kategori(90.00000000000001) == "Baik"


def test_a_scale_is_a_list_in_one_form_or_a_preset_name():
    from lakip.core.config import SKALA_BAKU, SKALA_PRESET

    assert Pilihan.from_dict({"skala": "tinggi_rendah"}).skala == SKALA_BAKU
    p = Pilihan.from_dict({"skala": "baik_kurang"})
    assert p.skala.inklusif and p.skala.batas == (91, 76, 66, 51) and p.as_dict()["skala_nama"] == "baik_kurang"
    tulis = [{"kategori": "Sangat Baik", "mulai": 91}, {"kategori": "Baik", "mulai": 76}, {"kategori": "Cukup", "mulai": 66},
             {"kategori": "Kurang", "mulai": 51}, {"kategori": "Sangat Kurang"}]
    ditulis = Pilihan.from_dict({"skala": tulis}).skala
    assert (ditulis.label, ditulis.batas, ditulis.inklusif) == (SKALA_PRESET["baik_kurang"].label, (91, 76, 66, 51), True)
    assert Pilihan.from_dict({"skala": tulis}).as_dict()["skala"][0] == {"kategori": "Sangat Baik", "mulai": 91.0}
    with pytest.raises(ValueError, match="'mulai' .* atau 'di_atas' .* tidak keduanya"):
        Pilihan.from_dict({"skala": [{"kategori": "A", "mulai": 90}, {"kategori": "B", "di_atas": 50}, {"kategori": "C"}]})
    with pytest.raises(ValueError, match="kategori terendah tidak memakai 'mulai'"):
        Pilihan.from_dict({"skala": [{"kategori": "A", "mulai": 90}, {"kategori": "B", "mulai": 50}]})
    with pytest.raises(ValueError, match="nama skala bawaan: tinggi_rendah, baik_kurang, baik_kurang_di_atas"):
        Pilihan.from_dict({"skala": "permendagri"})


def test_batas_capaian_iku_takes_the_caps_batas_capaian_takes():
    assert Pilihan.from_dict({"batas_capaian_iku": 100}).batas_capaian_iku == 100.0
    assert Pilihan.from_dict({"batas_capaian_iku": None}).batas_capaian_iku is None
    with pytest.raises(ValueError, match="batas_capaian_iku: harus 100, 120 atau kosong"):
        Pilihan.from_dict({"batas_capaian_iku": 1.2})
