"""Indonesian numbers (DOMAIN.md section 9): examples and properties."""

from decimal import Decimal

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from lakip.core.numbers import (
    AngkaError,
    bulat,
    format_angka,
    format_angka_terbaca,
    format_persen,
    format_rupiah,
    format_rupiah_ringkas,
    is_kosong,
    parse_angka,
    parse_level,
    parse_rentang,
)


@pytest.mark.parametrize(
    ("teks", "nilai"),
    [
        ("9,70", 9.7),
        ("64.440.768.486", 64440768486.0),
        ("Rp. 48.281.384.383", 48281384383.0),
        ("Rp 3.383.329.611,-", 3383329611.0),
        ("Rp.64.440.768.486,-", 64440768486.0),
        ("24.874.287.410,00", 24874287410.0),
        ("85,83 %", 85.83),
        ("85.83 %", 85.83),
        ("106.7%", 106.7),
        ("1.084", 1084.0),
        ("1084", 1084.0),
        ("00,00", 0.0),
        ("0.500", 0.5),
        ("0,125", 0.125),
        ("1.084,5", 1084.5),
        ("1,084.50", 1084.5),
        ("1,084,000", 1084000.0),
        ("-5,5", -5.5),
        ("\u22125", -5.0),
        ("+12", 12.0),
        ("  72,37\u00a0", 72.37),
        (9.7, 9.7),
        (12, 12.0),
    ],
)
def test_reads_indonesian_and_english_forms(teks, nilai):
    assert parse_angka(teks) == nilai


@pytest.mark.parametrize("teks", ["", "N/A", "NA", "n/a", "-", " - ", None, float("nan"), "—"])
def test_missing_values_read_as_none(teks):
    assert is_kosong(teks)
    assert parse_angka(teks) is None


@pytest.mark.parametrize(
    ("teks", "alasan"),
    [
        ("11764.429.034", "bukan angka: pengelompokan ribuan dengan '.' tidak sah"),
        ("Rp. 11764.429.034", "bukan angka: pengelompokan ribuan dengan '.' tidak sah"),
        ("85,8,3", "bukan angka: pengelompokan ribuan dengan ',' tidak sah"),
        ("1.23.456", "bukan angka: pengelompokan ribuan dengan '.' tidak sah"),
        ("1234.567", "bukan angka: pengelompokan ribuan dengan '.' tidak sah"),
        ("12.34,5.6", "bukan angka: pengelompokan ribuan dengan ',' tidak sah"),
        ("9,", "bukan angka: tanda desimal tidak sah"),
        ("1,500", "ambigu: dapat dibaca 1,500 (desimal) atau 1.500 (ribuan gaya Inggris); tulis 1.500 untuk ribuan, 1,5000 untuk desimal"),
        ("Tinggi", "bukan angka"),
        ("Sedang (86,22)", "bukan angka"),
        ("9/9", "bukan angka"),
        ("12a", "bukan angka"),
        ("Rp", "bukan angka"),
    ],
)
def test_unreadable_numbers_say_why(teks, alasan):
    with pytest.raises(AngkaError) as info:
        parse_angka(teks)
    assert info.value.alasan == alasan
    assert str(info.value) == f"'{teks}' {alasan}"


def test_levels_and_ranges():
    assert parse_level("9/9") == (9.0, 9.0)
    assert parse_level(" 4 / 5 ") == (4.0, 5.0)
    assert parse_level("N/A") is None
    with pytest.raises(AngkaError, match="penyebut harus lebih dari 0"):
        parse_level("3/0")
    with pytest.raises(AngkaError, match="bukan level"):
        parse_level("9")
    assert parse_level("0/5") == (0.0, 5.0)
    with pytest.raises(AngkaError, match="bukan level: level 10 di luar 0 s.d. level tertinggi 9"):
        parse_level("10/9")
    with pytest.raises(AngkaError, match="bukan level: level -1 di luar"):
        parse_level("-1/9")
    assert parse_rentang("80-90") == (80.0, 90.0)
    assert parse_rentang("80,5 – 90") == (80.5, 90.0)
    assert parse_rentang("80 s.d. 90") == (80.0, 90.0)
    with pytest.raises(AngkaError, match="batas bawah lebih besar"):
        parse_rentang("90-80")


def test_rounding_is_half_up_and_ignores_binary_noise():
    # 71,75 / 70 x 100 is 102,5 exactly; the report prints 103 %.
    assert bulat(71.75 * 100 / 70, 0) == Decimal("103")
    assert bulat(102.49999999999999, 0) == Decimal("103")
    assert bulat(0.125, 2) == Decimal("0.13")
    assert bulat(-2.5, 0) == Decimal("-3")


def test_formatting_for_people():
    assert format_angka(64440768486.0, 0) == "64.440.768.486"
    assert format_angka(9.7) == "9,70"
    assert format_persen(85.83) == "85,83 %"
    assert format_persen(None) == "N/A"
    assert format_rupiah(64440768486) == "Rp 64.440.768.486"
    assert format_rupiah_ringkas(64440768486) == "Rp 64,4 M"
    assert format_rupiah_ringkas(239091600) == "Rp 239,1 jt"
    assert format_angka(-1234.5, 1) == "-1.234,5"
    assert format_rupiah(-17106615158) == "-Rp 17.106.615.158"
    assert format_rupiah_ringkas(-17106615158) == "-Rp 17,1 M"
    assert format_rupiah_ringkas(950) == "Rp 950"


# ----------------------------------------------------------------- properties

money = st.integers(min_value=0, max_value=10**14)
decimals = st.decimals(min_value=Decimal("-1e9"), max_value=Decimal("1e9"), places=2, allow_nan=False)


@given(money)
def test_grouped_integers_round_trip(n):
    teks = f"{n:,}".replace(",", ".")
    assert parse_angka(teks) == n
    assert parse_angka(f"Rp. {teks},-") == n
    assert parse_angka(format_angka(float(n), 0)) == n


@given(decimals)
@example(Decimal("1084.50"))
def test_formatted_decimals_round_trip(d):
    teks = format_angka(float(d), 2)
    assert Decimal(repr(parse_angka(teks))).quantize(Decimal("0.01")) == d


@given(st.decimals(min_value=Decimal("-1e9"), max_value=Decimal("1e9"), places=4, allow_nan=False))
@example(Decimal("7.275"))
@example(Decimal("-999.125"))
@example(Decimal("0.125"))
def test_numbers_lakip_writes_for_users_read_back_as_written(d):
    """What the importer writes into the data files and a scenario prints is read back
    as the same number: never the ambiguous 7,275."""
    teks = format_angka_terbaca(float(d), 4)
    assert Decimal(repr(parse_angka(teks))).quantize(Decimal("0.0001")) == d
    whole, _, frac = teks.lstrip("-").partition(",")
    assert not frac.endswith("0") or (len(frac) == 4 and len(whole) <= 3)  # no trailing zero but the one that disambiguates


def test_readable_form_adds_a_zero_only_where_the_form_would_be_ambiguous():
    assert [format_angka_terbaca(x) for x in (7.275, 80.4, 1234.5, 1234.567, 0.125, 10.0, -7.275, 12.3456)] == [
        "7,2750", "80,4", "1.234,5", "1.234,567", "0,125", "10", "-7,2750", "12,3456"]
    assert format_angka_terbaca(7.27501, 4) == "7,2750" and format_angka_terbaca(float("nan")) == "N/A"
    with pytest.raises(AngkaError, match="tulis -1.500 untuk ribuan, -1,5000 untuk desimal"):
        parse_angka("-1,500")


@given(st.text(max_size=20))
def test_any_text_is_a_number_none_or_a_clear_error(teks):
    try:
        value = parse_angka(teks)
    except AngkaError as e:
        assert e.teks == teks and e.alasan
    else:
        assert value is None or isinstance(value, float)


@given(st.integers(min_value=1000, max_value=10**12))
def test_a_wrongly_grouped_number_is_never_guessed(n):
    grouped = f"{n:,}".replace(",", ".")
    broken = grouped.replace(".", "", 1)  # drop the first group separator: 11764.429.034
    if broken.count(".") >= 1:
        with pytest.raises(AngkaError):
            parse_angka(broken)


def test_a_sign_before_the_currency_is_read_once():
    """``format_rupiah`` writes ``-Rp 5``; it reads back, and a sign written twice is refused."""
    assert parse_angka(format_rupiah(-5)) == -5.0 and parse_angka("Rp -5") == -5.0 and parse_angka("+Rp 5") == 5.0
    assert parse_angka("\u2212Rp 1.234") == -1234.0
    with pytest.raises(AngkaError, match="tanda ditulis dua kali"):
        parse_angka("-Rp -5")


def test_a_short_amount_rounded_up_to_the_next_unit_is_written_in_that_unit():
    assert format_rupiah_ringkas(999_950_000) == "Rp 1,0 M"
    assert format_rupiah_ringkas(999_960_000_000) == "Rp 1,0 T"
    assert format_rupiah_ringkas(-999_950) == "-Rp 1,0 jt"
    assert format_rupiah_ringkas(999_940_000) == "Rp 999,9 jt"
    assert format_rupiah_ringkas(64_440_768_486) == "Rp 64,4 M"
