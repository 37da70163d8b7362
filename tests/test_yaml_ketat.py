"""The strict YAML reader (entitas.yml and scenario files): limits, duplicate and unknown keys, types, located messages."""

import shutil
import time
import tracemalloc
from pathlib import Path

import pytest
import yaml

from bantu import lakip
from lakip.core.config import SKEMA_PILIHAN, Pilihan, Skala
from lakip.core.model import DataError, Masalah
from lakip.core.skema import periksa
from lakip.core.whatif import Perubahan, PerubahanError, perubahan_dari_yaml
from lakip.core.yaml_ketat import BATAS_ALIAS, Dimuat, YamlError, baca_yaml
from lakip.data.contoh import buat_kabupaten
from lakip.data.load import baca_entitas, daftar_entitas, muat

DATA = Path(__file__).resolve().parents[1] / "data"
ENTITAS = (DATA / "setda-batubara" / "entitas.yml").read_text(encoding="utf-8")

#: "Billion laughs": nine levels of nine aliases, 9^9 strings once expanded.
BOM = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n' + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{','.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8))


def masalah_entitas(tmp_path, teks):
    """The problems of an entitas.yml holding ``teks``, as printed."""
    path = tmp_path / "entitas.yml"
    path.write_text(teks, encoding="utf-8")
    found: list[Masalah] = []
    data, pilihan = baca_entitas(path, found)
    assert (data, pilihan) == ({}, None) or not found
    return [str(m) for m in found]


# --------------------------------------------------------------------------- the reader's limits


def test_an_alias_bomb_is_refused_fast_in_little_memory():
    tracemalloc.start()
    t0 = time.perf_counter()
    try:
        with pytest.raises(YamlError) as e:
            baca_yaml(BOM, "entitas.yml")
        took = time.perf_counter() - t0
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert took < 2 and peak < 20 * 2**20
    assert str(e.value) == ("entitas.yml baris 5: alias membawa terlalu banyak isi (lebih dari 10.000 simpul); "
                            "tulis isinya langsung")
    # the same in text-only mode (scenario files), and a few aliases within the limit are fine
    with pytest.raises(YamlError, match="alias membawa terlalu banyak isi"):
        baca_yaml(BOM, "s.yml", teks_saja=True)
    assert baca_yaml("a: &x [1, 2]\nb: *x\n", "x.yml").data == {"a": [1, 2], "b": [1, 2]}
    assert BATAS_ALIAS == 10_000


def test_an_alias_to_itself_and_an_undefined_alias_are_refused():
    with pytest.raises(YamlError, match="^x.yml baris 1: alias '\\*a' merujuk ke dirinya sendiri$"):
        baca_yaml("a: &a [1, *a]\n", "x.yml")
    with pytest.raises(YamlError, match="^x.yml baris 2: alias '\\*b' belum didefinisikan"):
        baca_yaml("a: 1\nc: *b\n", "x.yml")


@pytest.mark.parametrize("teks", ["[" * 100_000 + "]" * 100_000, "{a: " * 100_000 + "}" * 100_000,
                                  "- " * 60 + "x\n", "&a " + "[" * 100_000 + "]" * 100_000])  # with an anchor: our composer
def test_deep_nesting_is_refused_without_recursion_error(teks):
    t0 = time.perf_counter()
    with pytest.raises(YamlError) as e:
        baca_yaml(teks, "entitas.yml")
    assert time.perf_counter() - t0 < 5
    assert str(e.value) == "entitas.yml baris 1: bersarang terlalu dalam (lebih dari 50 tingkat)"
    assert baca_yaml("[" * 50 + "]" * 50, "x.yml").data is not None  # 50 levels are allowed


def test_a_text_over_one_megabyte_is_refused_before_parsing(tmp_path):
    with pytest.raises(YamlError, match=r"^x.yml: berkas terlalu besar \(2.097.152 karakter; paling besar 1.048.576\)$"):
        baca_yaml("a" * (2 * 2**20), "x.yml")
    assert masalah_entitas(tmp_path, "nama: x\n#" + "a" * (2 * 2**20 - 9)) == [
        "entitas.yml: berkas terlalu besar (2.097.152 byte; paling besar 1.048.576)"]


def test_a_duplicate_key_is_refused_with_both_lines():
    with pytest.raises(YamlError) as e:
        baca_yaml("nama: A\npemda: B\nnama: C\npilihan:\n  rumus_turun: rasio\n  rumus_turun: selisih\n", "entitas.yml")
    assert [str(m) for m in e.value.masalah] == [
        "entitas.yml baris 3, kunci nama: kunci 'nama' ditulis dua kali (pertama di baris 1)",
        "entitas.yml baris 6, kunci pilihan.rumus_turun: kunci 'rumus_turun' ditulis dua kali (pertama di baris 5)",
    ]


def test_a_syntax_error_gives_the_line_and_tags_are_not_run():
    with pytest.raises(YamlError, match="^x.yml baris 3: bukan YAML yang sah$"):
        baca_yaml("a: 1\nb: [1, 2\nc: 3\n", "x.yml")
    for teks, baris, arti in [("a: 1\n---\na: 2\n", 2, "berisi lebih dari satu dokumen (pemisah '---')"),
                              ("a: b: c\n", 1, "ada tanda ':' di dalam nilai; beri tanda kutip"),
                              ('a: "abc\n', 2, "tanda kutip tidak ditutup"),
                              ("a:\n\tb: 1\n", 2, "ada karakter yang tidak boleh memulai nilai (tab untuk indentasi? pakai spasi)")]:
        with pytest.raises(YamlError) as info:
            baca_yaml(teks, "x.yml")
        assert str(info.value.masalah[0]).startswith(f"x.yml baris {baris}: bukan YAML yang sah: {arti}")
    with pytest.raises(YamlError, match="^x.yml baris 1: tag YAML tidak dikenal"):
        baca_yaml("a: !!python/name:os.system x\n", "x.yml")
    with pytest.raises(YamlError, match="^x.yml baris 1, kunci a: tag YAML 'tag:yaml.org,2002:python/object/apply:os.system' "
                                        "tidak dikenal$"):
        baca_yaml("a: !!python/object/apply:os.system [echo hi]\n", "x.yml")
    with pytest.raises(YamlError, match="^x.yml baris 1, kunci a: tag YAML 'tag:yaml.org,2002:set' tidak dikenal$"):
        baca_yaml("a: !!set {x}\n", "x.yml")
    with pytest.raises(YamlError, match="^x.yml baris 1: kunci harus berupa teks"):
        baca_yaml("[1, 2]: x\n", "x.yml")


def test_text_only_mode_keeps_every_scalar_as_written():
    d = baca_yaml("a: 1.084\nb: null\nc: true\nd:\n", "s.yml", teks_saja=True)
    assert d.data == {"a": "1.084", "b": "null", "c": "true", "d": ""}
    assert d.baris == {(): 1, ("a",): 1, ("b",): 2, ("c",): 3, ("d",): 4}


# --------------------------------------------------------------------------- entitas.yml


def test_an_unknown_top_level_key_names_the_nearest_known_one(tmp_path):
    teks = ENTITAS.replace("pilihan:", "pilhan:")
    assert masalah_entitas(tmp_path, teks) == [
        "entitas.yml baris 6, kunci pilhan: kunci 'pilhan' tidak dikenal; maksud Anda 'pilihan'?"]
    assert masalah_entitas(tmp_path, "nama: X\nwarna: biru\n") == [
        "entitas.yml baris 2, kunci warna: kunci 'warna' tidak dikenal (kunci yang dikenal: nama, singkatan, pemda, "
        "provinsi, sumber, unit_kerja, dan pilihan)"]


def test_unknown_keys_inside_pilihan_and_inside_a_scale_class(tmp_path):
    teks = ENTITAS.replace("metode_efisiensi:", "metode_efisensi:").replace(
        "{kategori: Tinggi, di_atas: 75}", "{kategori: Tinggi, diatas: 75}")
    assert masalah_entitas(tmp_path, teks) == [
        "entitas.yml baris 10, kunci pilihan.metode_efisensi: kunci 'metode_efisensi' tidak dikenal; "
        "maksud Anda 'metode_efisiensi'?",
        "entitas.yml baris 13, kunci pilihan.skala[2].diatas: kunci 'diatas' tidak dikenal; maksud Anda 'di_atas'?",
    ]


DESIMAL = " (tulis angka desimal biasa tanpa tanda kutip, mis. 90 atau 90.5)"


@pytest.mark.parametrize("nilai, pesan", [
    (".nan", "'.nan' bukan angka yang dapat dipakai (NaN dan tak hingga tidak diterima)"),
    (".inf", "'.inf' bukan angka yang dapat dipakai (NaN dan tak hingga tidak diterima)"),
    ("-.inf", "'-.inf' bukan angka yang dapat dipakai (NaN dan tak hingga tidak diterima)"),
    ("true", "'true' harus berupa angka"),
    ("'75'", f"'75' harus berupa angka{DESIMAL}"),
    ("1.0e+30", "'1e+30' di luar rentang angka (paling besar 9.000.000.000.000.000)"),
    ("1e20", "'1e+20' di luar rentang angka (paling besar 9.000.000.000.000.000)"),
    # YAML 1.1 would read these silently as 61, 90, 90, 1000 and a boolean: they stay texts, refused
    ("1:30", f"'1:30' harus berupa angka{DESIMAL}"),
    ("0x5A", f"'0x5A' harus berupa angka{DESIMAL}"),
    ("0b1011010", f"'0b1011010' harus berupa angka{DESIMAL}"),
    ("1_000", f"'1_000' harus berupa angka{DESIMAL}"),
    ("yes", f"'yes' harus berupa angka{DESIMAL}"),
    ("[75]", "harus berupa angka, bukan daftar"),
])
def test_a_scale_bound_must_be_a_finite_number(tmp_path, nilai, pesan):
    teks = ENTITAS.replace("{kategori: Tinggi, di_atas: 75}", f"{{kategori: Tinggi, di_atas: {nilai}}}")
    assert masalah_entitas(tmp_path, teks) == [f"entitas.yml baris 13, kunci pilihan.skala[2].di_atas: {pesan}"]


def test_a_decimal_comma_in_braces_is_explained(tmp_path):
    teks = ENTITAS.replace("{kategori: Tinggi, di_atas: 75}", "{kategori: Tinggi, di_atas: 75,5}")
    assert masalah_entitas(tmp_path, teks) == [
        "entitas.yml baris 13, kunci pilihan.skala[2].5: kunci '5' tidak dikenal; angka desimal ditulis dengan titik "
        "(90.5), atau dalam tanda kutip (\"90,5\"): koma di dalam {...} memisahkan pasangan kunci: nilai"]


def test_numbers_are_decimal_as_yaml_1_2_reads_them():
    """075 is 75 (not octal 61, as YAML 1.1 has it), 1e20 a number, 2024-01-01 a text."""
    got = baca_yaml("a: 075\nb: -0075\nc: 1e20\nd: .5\ne: 2024-01-01\nf: True\ng: ~\n", "x.yml").data
    assert got == {"a": 75, "b": -75, "c": 1e20, "d": 0.5, "e": "2024-01-01", "f": True, "g": None}


def test_nama_as_a_list_or_with_a_control_character_or_too_long(tmp_path):
    assert masalah_entitas(tmp_path, "nama: [Dinas, Kesehatan]\n") == [
        "entitas.yml baris 1, kunci nama: harus berupa teks, bukan daftar"]
    assert masalah_entitas(tmp_path, 'nama: "Dinas\\u0007 Kesehatan"\n') == [
        "entitas.yml baris 1, kunci nama: 'Dinas<U+0007> Kesehatan' berisi karakter kendali U+0007; hapus karakter itu"]
    assert masalah_entitas(tmp_path, "nama: " + "a" * 40_000 + "\n")[0].endswith(
        "kunci nama: teks terlalu panjang (40.000 karakter; paling banyak 32.767)")
    assert masalah_entitas(tmp_path, "nama: ''\n") == ["entitas.yml baris 1, kunci nama: wajib diisi"]
    assert masalah_entitas(tmp_path, "pemda: X\n") == ["entitas.yml baris 1: kunci wajib tidak ada: nama"]
    assert masalah_entitas(tmp_path, "- nama\n") == ["entitas.yml baris 1: harus berupa pasangan kunci: nilai, bukan daftar"]
    kosong = ["entitas.yml: berkas kosong; tulis sekurang-kurangnya nama unit (nama: Dinas ...), lihat data/README.md"]
    assert masalah_entitas(tmp_path, "") == kosong and masalah_entitas(tmp_path, "# hanya catatan\n") == kosong


def test_every_problem_is_reported_at_once(tmp_path):
    teks = ("nama: [A]\npemda: 12\nwarna: x\npilihan:\n  rumus_turun: terbalik\n  batas_capaian: 1.2\n"
            "  skala:\n    - {kategori: A, di_atas: .nan}\n    - {kategori: B, x: 1}\n")
    assert masalah_entitas(tmp_path, teks) == [
        "entitas.yml baris 1, kunci nama: harus berupa teks, bukan daftar",
        "entitas.yml baris 2, kunci pemda: '12' harus berupa teks",
        "entitas.yml baris 3, kunci warna: kunci 'warna' tidak dikenal (kunci yang dikenal: nama, singkatan, pemda, "
        "provinsi, sumber, unit_kerja, dan pilihan)",
        "entitas.yml baris 5, kunci pilihan.rumus_turun: 'terbalik' harus salah satu dari: selisih, rasio",
        "entitas.yml baris 6, kunci pilihan.batas_capaian: harus 100, 120 atau kosong (null: tanpa batas)",
        "entitas.yml baris 8, kunci pilihan.skala[1].di_atas: '.nan' bukan angka yang dapat dipakai "
        "(NaN dan tak hingga tidak diterima)",
        "entitas.yml baris 9, kunci pilihan.skala[2].x: kunci 'x' tidak dikenal (kunci yang dikenal: kategori, di_atas, dan mulai)",
    ]


def test_pilihan_from_dict_checks_the_same_schema():
    with pytest.raises(ValueError, match=r"^pilihan.skala\[1\].di_atas: '.inf' bukan angka"):
        Pilihan.from_dict({"skala": [{"kategori": "A", "di_atas": float("inf")}, {"kategori": "B"}]})
    with pytest.raises(ValueError, match="^pilihan.skal: kunci 'skal' tidak dikenal; maksud Anda 'skala'\\?$"):
        Pilihan.from_dict({"skal": []})
    with pytest.raises(ValueError, match="harus berupa pasangan kunci: nilai, bukan daftar"):
        Pilihan.from_dict([("rumus_turun", "rasio")])  # never "dictionary update sequence"
    with pytest.raises(ValueError, match="terhingga"):
        Skala(("A", "B"), (float("nan"),))
    assert periksa(SKEMA_PILIHAN, Dimuat("entitas.yml", None)) == []


def _lama(path):
    """A unit's entitas.yml as the loader read it before the strict reader: yaml.safe_load, then each choice."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    p = data.get("pilihan") or {}
    kw = {k: p[k] for k in ("rumus_turun", "metode_efisiensi") if p.get(k) is not None}
    if p.get("batas_capaian") is not None:
        kw["batas_capaian"] = float(p["batas_capaian"])
    if p.get("skala") is not None:
        kw["skala"] = Skala(tuple(r["kategori"] for r in p["skala"]), tuple(float(r["di_atas"]) for r in p["skala"][:-1]))
    return data, Pilihan(**kw)


def test_every_valid_entitas_yml_loads_as_before(tmp_path):
    buat_kabupaten(tmp_path / "kab", unit=3, tahun=1)
    paths = [DATA / s / "entitas.yml" for s in daftar_entitas(DATA)]
    paths += [tmp_path / "kab" / s / "entitas.yml" for s in daftar_entitas(tmp_path / "kab")]
    assert len(paths) >= 4
    for path in paths:
        found: list[Masalah] = []
        data, pilihan = baca_entitas(path, found)
        assert found == []
        assert (data, pilihan) == _lama(path)
    unit = muat(DATA, "setda-batubara")
    assert unit.pilihan == _lama(DATA / "setda-batubara" / "entitas.yml")[1]


# --------------------------------------------------------------------------- scenario files


def test_scenario_file_errors_name_the_file_line_and_key():
    teks = ("perubahan:\n  - {kolom: realisasi, kode: IKU-7, nilai: 80}\n  - {kolom: realisas, kode: IKU-7, nilai: 80}\n"
            "  - {kolom: pagu, kode: P1, nilai: 5, x: 1}\n  - IKU-7realisasi\n  - [a]\n")
    with pytest.raises(PerubahanError) as e:
        perubahan_dari_yaml(teks, "skenario.yml")
    assert str(e.value).splitlines() == [
        "skenario.yml baris 3, kunci perubahan[2].kolom: 'realisas' harus salah satu dari: realisasi, target, pagu, "
        "realisasi_anggaran",
        "skenario.yml baris 4, kunci perubahan[3].x: kunci 'x' tidak dikenal (kunci yang dikenal: kolom, kode, dan nilai)",
        "skenario.yml baris 5, kunci perubahan[4]: perubahan 'IKU-7realisasi': tulis KODE:KOLOM=NILAI, mis. "
        "IKU-7:realisasi=80",
        "skenario.yml baris 6, kunci perubahan[5]: harus berupa teks atau pasangan kunci: nilai, bukan daftar",
    ]
    with pytest.raises(PerubahanError, match="^skenario.yml baris 1, kunci perubahn: kunci 'perubahn' tidak dikenal; "
                                             "maksud Anda 'perubahan'\\?$"):
        perubahan_dari_yaml("perubahn:\n  - IKU-7:realisasi=80\n", "skenario.yml")
    with pytest.raises(PerubahanError, match="^skenario.yml baris 2, kunci perubahan: kunci 'perubahan' ditulis dua kali"):
        perubahan_dari_yaml("perubahan: []\nperubahan: []\n", "skenario.yml")
    with pytest.raises(PerubahanError, match="^skenario.yml baris 5: alias membawa terlalu banyak isi"):
        perubahan_dari_yaml(BOM, "skenario.yml")
    assert perubahan_dari_yaml("perubahan:\n", "skenario.yml") == []


@pytest.mark.parametrize("nilai, tampil", [(10**24, "1e+24"), (10**5000, "1e+5000"), (float("inf"), "inf"), (1e30, "1e+30")],
                         ids=["1e24", "1e5000", "inf", "1e30"])
def test_a_change_beyond_the_data_range_is_refused_not_overflowed(nilai, tampil):
    with pytest.raises(PerubahanError) as e:
        Perubahan("pagu", "P1", nilai)
    assert str(e.value) == (f"perubahan 'P1:pagu={tampil}': '{tampil}' di luar rentang angka yang dapat dihitung tepat "
                            "(paling besar 9.000 triliun, 9.000.000.000.000.000)")
    assert Perubahan("pagu", "P1", 9 * 10**15).nilai == 9 * 10**15


# --------------------------------------------------------------------------- the command line


@pytest.fixture
def data_salin(tmp_path):
    shutil.copytree(DATA / "setda-batubara", tmp_path / "data" / "setda-batubara")
    return tmp_path / "data"


@pytest.mark.parametrize("teks, pesan", [
    (BOM, "entitas.yml baris 5: alias membawa terlalu banyak isi"),
    ("nama: " + "[" * 100_000 + "]" * 100_000 + "\n", "entitas.yml baris 1: bersarang terlalu dalam"),
    (ENTITAS.replace("pilihan:", "pilhan:"), "kunci 'pilhan' tidak dikenal; maksud Anda 'pilihan'?"),
    (ENTITAS.replace("di_atas: 75", "di_atas: .nan"), "kunci pilihan.skala[2].di_atas: '.nan' bukan angka"),
    (ENTITAS + "nama: lagi\n", "entitas.yml baris 17, kunci nama: kunci 'nama' ditulis dua kali (pertama di baris 1)"),
])
def test_cli_refuses_a_hostile_entitas_yml(data_salin, tmp_path, teks, pesan):
    (data_salin / "setda-batubara" / "entitas.yml").write_text(teks, encoding="utf-8")
    t0 = time.perf_counter()
    res = lakip("periksa", "--data", str(data_salin))
    assert time.perf_counter() - t0 < 60
    assert res.returncode == 2 and "Traceback" not in res.stderr
    assert pesan in res.stdout + res.stderr
    with pytest.raises(DataError, match="entitas.yml"):
        muat(data_salin, "setda-batubara")


@pytest.mark.parametrize("args, pesan", [
    (["--file", "{bom}"], "s.yml baris 5: alias membawa terlalu banyak isi"),
    (["--file", "{salah}"], "s.yml baris 2, kunci perubahan[1].kolom: 'realisas' harus salah satu dari"),
    (["--file", "{besar}"], "s.yml: berkas terlalu besar (2.097.152 karakter; paling besar 1.048.576)"),
    (["--file", "{raksasa}"], "Galat: s.yml: berkas terlalu besar (5.242.880 byte; paling besar 1.048.576 karakter)"),
    (["--ubah", "IKU-2:realisasi=1.000.000.000.000.000.000.000.000"], "di luar rentang angka yang dapat dihitung tepat"),
    (["--ubah", "P1:pagu=10000000000000000000000000"], "di luar rentang angka yang dapat dihitung tepat"),
    (["--rata-rata", "1.000.000.000.000.000.000.000.000"], "--rata-rata: '1.000.000.000.000.000.000.000.000' di luar "
                                                           "rentang angka"),
])
def test_cli_refuses_a_hostile_scenario(data_salin, tmp_path, args, pesan):
    (tmp_path / "bom.yml").write_text(BOM, encoding="utf-8")
    (tmp_path / "salah.yml").write_text("perubahan:\n  - {kolom: realisas, kode: IKU-7, nilai: 80}\n", encoding="utf-8")
    (tmp_path / "besar.yml").write_text("#" * 2 * 2**20, encoding="utf-8")
    (tmp_path / "raksasa.yml").write_text("#" * 5 * 2**20, encoding="utf-8")
    args = [a.format(bom=tmp_path / "bom.yml", salah=tmp_path / "salah.yml", besar=tmp_path / "besar.yml",
                     raksasa=tmp_path / "raksasa.yml") for a in args]
    if args[0] == "--file":
        (tmp_path / "s.yml").write_text(Path(args[1]).read_text(encoding="utf-8"), encoding="utf-8")
        args[1] = str(tmp_path / "s.yml")
    res = lakip("skenario", "--data", str(data_salin), *args, "--out", str(tmp_path / "out"))
    assert res.returncode == 2 and "Traceback" not in res.stderr
    assert pesan in res.stderr
    assert not (tmp_path / "out").exists()
