"""Loading many units at once (lakip.bulk) gives what loading them one by one gives."""

import re

import numpy as np
import pandas as pd
import pytest

import bantu
from lakip.data.load import daftar_entitas, muat_semua
from lakip.bulk import TABEL, Kabupaten, muat_kabupaten
from lakip.data.contoh import buat_kabupaten
from lakip.core.numbers import AngkaError, parse_angka, parse_angka_banyak


def _sub(pattern, repl, count=1, flags=re.M):
    """A change by regular expression; None where the unit has nothing it applies to."""
    def change(text):
        new, n = re.subn(pattern, repl, text, count=count, flags=flags)
        return new if n else None
    return change


#: (file, change) per unit: every check of lakip.load, and the forms the fast path leaves to it.
RUSAK = [
    # numbers
    ("kinerja.csv", _sub(r'^(IKU-\d+,\d{4},.*,)"[0-9]+,[0-9]+"$', r'\g<1>"85,8,3"')),
    ("kinerja.csv", _sub(r'^(IKU-\d+,\d{4},.*,)"[0-9]+,[0-9]+"$', r'\g<1>"1,500"')),
    ("anggaran.csv", _sub(r"^(\d{4},P1,,program,[^,]+,)([0-9.]+),", r"\g<1>11764.429.034,")),
    ("anggaran.csv", _sub(r"^(\d{4},P1,,program,[^,]+,)([0-9.]+),", r"\g<1>-5,")),
    ("anggaran.csv", _sub(r"^(\d{4},P1,,program,[^,]+,)([0-9.]+),", r"\g<1>,")),
    ("anggaran_iku.csv", _sub(r"^(\d{4},IKU-1,)[0-9.]+,", r"\g<1>N/A,")),
    ("anggaran_iku.csv", _sub(r"^(\d{4},IKU-1,[0-9.]+,)[^,\n]*$", r"\g<1>abc")),
    ("kinerja.csv", _sub(r"^(IKU-\d+,\d{4},)(?:Rendah|Sedang|Tinggi|Sangat Tinggi),", r"\g<1>,")),  # target missing
    ("kinerja.csv", _sub(r"^(IKU-\d+,\d{4},[A-Za-z ]+,)(?:Rendah|Sedang|Tinggi|Sangat Tinggi)$", r"\g<1>Lumayan")),
    ("kinerja.csv", _sub(r"^(IKU-\d+,\d{4},)[0-9]+-[0-9]+,", r"\g<1>80-,")),  # range target
    ("kinerja.csv", _sub(r"^(IKU-\d+,\d{4},)[0-9]+/[0-9]+,", r"\g<1>9/0,")),  # level target
    ("kinerja.csv", _sub(r"^(IKU-\d+,\d{4},[0-9]+/)([0-9]+),[0-9]+/[0-9]+$", r"\g<1>\2,10/\2")),  # level above the top
    # required cells, words, years
    ("indikator.csv", _sub(r",naik,angka,", ",Naik!,angka,")),
    ("indikator.csv", _sub(r",naik,level,", ",naik,lvl,")),
    ("indikator.csv", _sub(r",kategori,Rendah;Sedang;Tinggi;Sangat Tinggi,", ",kategori,,")),
    ("indikator.csv", _sub(r"^IKU-1,([^,]+),SS-1,", r"IKU-1,\1,,")),
    ("kinerja.csv", _sub(r"^IKU-1,(\d{4}),", r"IKU-1,22\1,")),
    ("anggaran.csv", _sub(r",program,", ",programm,")),
    ("anggaran.csv", _sub(r"^(\d{4},P1\.1,P1,kegiatan,)[^,]+,", r"\g<1>,")),
    ("laporan.csv", _sub(r"^\d{4},Tabel [0-9.]+,", "2024,,")),
    # duplicates and references
    ("indikator.csv", _sub(r"^IKU-2,", "IKU-1,")),
    ("kinerja.csv", _sub(r"^IKU-1,(\d{4}),(.*)$", r"IKU-1,\1,\2\nIKU-1,\1,\2")),
    ("anggaran.csv", _sub(r"^(\d{4},P1\.1,.*)$", r"\1\n\1")),
    ("anggaran_iku.csv", _sub(r"^(\d{4},IKU-1,.*)$", r"\1\n\1")),
    ("kinerja.csv", _sub(r"^IKU-1,", "IKU-99,", count=0)),
    ("anggaran_iku.csv", _sub(r"^(\d{4}),IKU-1,", r"\1,IKU-99,")),
    ("anggaran.csv", _sub(r"^(\d{4}),P1\.1,P1,", r"\1,P1.1,P9,")),
    ("anggaran.csv", _sub(r"^(\d{4}),P1,,program,", r"\1,P1,P1.1,program,")),  # a cycle
    ("laporan.csv", _sub(r"target/IKU-1/", "target/IKU-99/")),
    ("laporan.csv", _sub(r"target/IKU-1/(\d{4})", r"target/IKU-1")),
    ("laporan.csv", _sub(r",target/IKU-1/", ",sasaran/IKU-1/")),
    ("laporan.csv", lambda t: t + "2024,Tabel 3.1,capaian_sasaran/SS-99/2024,1,\n"),
    ("laporan.csv", lambda t: t + "2024,Tabel 3.10,pagu/X9/2024,1,\n"),
    # years: a missing year of an IKU, an IKU without rows
    ("kinerja.csv", _sub(r"^IKU-1,\d{4},.*\n(?=IKU-1,)", "", count=1)),
    ("kinerja.csv", _sub(r"^IKU-1,.*\n", "", count=0)),
    # entitas.yml
    ("entitas.yml", _sub(r"^nama: .*$", "nama: ''")),
    ("entitas.yml", _sub(r"rumus_turun: \w+", "rumus_turun: terbalik")),
    ("entitas.yml", lambda t: t + "  [tidak: yaml\n"),
    # file forms
    ("kinerja.csv", lambda t: ""),
    ("laporan.csv", lambda t: t.splitlines()[0] + "\n"),  # no report published yet: loads
    ("anggaran_iku.csv", lambda t: t.splitlines()[0] + "\n"),  # no budget per IKU yet: loads
    ("kinerja.csv", _sub(r"^kode,tahun,target,realisasi$", "kode,tahun,target,real")),
    ("anggaran_iku.csv", lambda t: t.replace(",", ";")),  # Excel with an Indonesian locale: loads
    ("anggaran.csv", lambda t: t.replace("\n", "\r\n")),  # Windows line ends: loads
    ("anggaran_iku.csv", lambda t: "\ufeff" + t),  # BOM: loads
    ("kinerja.csv", _sub(r"^(IKU-1,\d{4},.*)$", r"\1,x")),  # ragged row, too many
    ("laporan.csv", _sub(r"^(\d{4},Tabel [0-9.]+,.*)$", r"\1,x,y")),  # ragged row, too many
    ("anggaran.csv", _sub(r"^(\d{4},P1\.1),P1,.*$", r"\1")),  # ragged row, too few
    ("anggaran.csv", _sub(r"^(\d{4},P1\.1,P1,kegiatan,)([^,]+),", r'\1"\2\nbaris dua",')),  # quoted break: loads
    ("kinerja.csv", _sub(r"^(IKU-1,\d{4},.*)$", r"\1\n\n,,,\n")),  # blank rows: load
    ("kinerja.csv", _sub(r"^IKU-1,(\d{4}),", r" IKU-1 , \1 ,")),  # spaces: load
    ("indikator.csv", lambda t: "".join(ln + (",catatan_unit\n" if i == 0 else ",x\n")
                                        for i, ln in enumerate(t.splitlines()))),  # an extra column: loads
    ("sdm.csv", lambda t: "status,jumlah\nPNS,12\n"),  # an optional table: loads
    ("anggaran.csv", _sub(r"^(\d{4},P1,,program,[^,]+,)([0-9.]+),([0-9.]+)$", r"\g<1>1.000,2.000")),  # warning only
    ("kinerja.csv", lambda t: t.encode("utf-8").decode("latin-1")),  # mojibake but UTF-8: loads
]


@pytest.fixture(scope="module")
def rusak(tmp_path_factory):
    """A synthetic kabupaten where each change of RUSAK is made to one unit (the first it applies to)."""
    folder = tmp_path_factory.mktemp("bulk") / "data"
    buat_kabupaten(folder, unit=len(RUSAK) + 20, tahun=3, seed=11)
    free = daftar_entitas(folder)
    for name, change in RUSAK:
        for slug in free:
            path = folder / slug / name
            new = change(path.read_text(encoding="utf-8") if path.exists() else "")
            if new is not None:
                path.write_text(new, encoding="utf-8", newline="")
                free.remove(slug)
                break
        else:
            raise AssertionError(f"no unit to make the change to {name}")
    (folder / free[0] / "kinerja.csv").write_bytes(b"kode,tahun,target,realisasi\nIKU-1,2024,\xe9,1\n")
    return folder


def _sama(kab: Kabupaten, units, gagal):
    assert {s: str(e) for s, e in kab.gagal.items()} == {s: str(e) for s, e in gagal.items()}
    ref = Kabupaten.dari_unit(units)
    pd.testing.assert_frame_equal(kab.unit, ref.unit)
    for t in TABEL:
        a, b = getattr(kab, t), getattr(ref, t)
        assert set(a.columns) == set(b.columns), t
        pd.testing.assert_frame_equal(a, b[list(a.columns)], obj=t)


@pytest.mark.parametrize("pekerja", [1, 2])
def test_bulk_loading_equals_loading_one_by_one(rusak, pekerja):
    units, gagal = muat_semua(rusak)
    kab = muat_kabupaten(rusak, pekerja=pekerja)
    _sama(kab, units, gagal)
    # the corpus really is broken: most units fail, every one is located by file and row
    assert len(gagal) >= 35
    assert all("baris" in str(e) or ".yml" in str(e) or "berkas" in str(e) or "kolom kode" in str(e) for e in gagal.values())
    # the clean units and the ones in forms the fast path leaves to lakip.load both load
    assert len(kab) == len(units) >= 19 + 10
    # one by one: the failing units, and the six in forms left to lakip.load (semicolons,
    # a quoted line break, blank rows, an optional table, two tables with no row); the rest in bulk
    assert kab.satu_satu == len(gagal) + 6


def test_clean_units_take_the_fast_path(tmp_path):
    buat_kabupaten(tmp_path, unit=12, tahun=4, seed=3)
    units, gagal = muat_semua(tmp_path)
    kab = muat_kabupaten(tmp_path)
    assert kab.satu_satu == 0 and not gagal
    _sama(kab, units, gagal)
    assert kab.tahun_terakhir().tolist() == [u.tahun_terakhir for u in units]
    u = kab.ke_unit(units[3].slug)
    for t in TABEL:
        pd.testing.assert_frame_equal(getattr(u, t), getattr(units[3], t), obj=t)


def test_units_that_differ_in_optional_columns_still_take_the_fast_path(tmp_path):
    buat_kabupaten(tmp_path, unit=6, tahun=3, seed=4)
    ind = tmp_path / "opd-002" / "indikator.csv"
    lines = ind.read_text(encoding="utf-8").splitlines()
    extra = [lines[0] + ",target_renstra,tahun_renstra,catatan_unit"]
    angka = next(i for i, ln in enumerate(lines[1:]) if ",angka," in ln)
    extra += [ln + (",90,2026,x" if i == angka else ",,,") for i, ln in enumerate(lines[1:])]
    ind.write_text("\n".join(extra) + "\n", encoding="utf-8")
    lap = tmp_path / "opd-004" / "laporan.csv"
    lines = lap.read_text(encoding="utf-8").splitlines()
    lap.write_text("\n".join(ln.rsplit(",", 1)[0] for ln in lines) + "\n", encoding="utf-8")  # no catatan column
    units, gagal = muat_semua(tmp_path)
    assert not gagal and "90" in set(units[1].indikator["target_renstra"])
    kab = muat_kabupaten(tmp_path)
    assert kab.satu_satu == 0
    _sama(kab, units, gagal)


def test_parse_angka_banyak_equals_parse_angka():
    rng = np.random.default_rng(5)
    alphabet = list("0123456789.,- %Rp")
    texts = ["1234", "64.440.768.486", "9,70", "1.084,50", "1,500", "0,500", "85.83", "N/A", "", "-5",
             "11764.429.034", "0123", "1.234", "12,345", "1234,567", "Rp 5.000", "0.123", "1.000.000,5"]
    texts += ["".join(rng.choice(alphabet, size=rng.integers(1, 9))) for _ in range(5000)]
    values, problems = parse_angka_banyak(texts)
    for i, t in enumerate(texts):
        try:
            expected = parse_angka(t)
        except AngkaError as e:
            assert problems.get(i) == str(e), t
            continue
        assert i not in problems, t
        assert (np.isnan(values[i]) and expected is None) or values[i] == expected, t


def test_an_iku_no_longer_measured_loads_the_same_in_bulk(tmp_path):
    buat_kabupaten(tmp_path, unit=6, tahun=3, seed=5)

    def akhiri(slug: str, hapus: bool) -> tuple[str, int]:
        """Give the first IKU of a unit tahun_akhir = its year before last; drop its last row if asked."""
        kin = pd.read_csv(tmp_path / slug / "kinerja.csv", dtype=str, keep_default_na=False)
        kode, last = kin["kode"].iloc[0], int(kin["tahun"].astype(int).max())
        bantu.akhiri(tmp_path / slug, kode, last - 1)
        if hapus:
            bantu.hapus_baris(tmp_path / slug / "kinerja.csv", f"{kode},{last},")
        return kode, last

    kode, last = akhiri("opd-002", hapus=True)
    akhiri("opd-004", hapus=False)  # a row after tahun_akhir: refused
    units, gagal = muat_semua(tmp_path)
    assert list(gagal) == ["opd-004"] and "tidak dipakai lagi sesudah tahun" in str(gagal["opd-004"])
    u = next(u for u in units if u.slug == "opd-002")
    assert u.indikator.set_index("kode").loc[kode, "tahun_akhir"] == last - 1
    assert kode not in set(u.kinerja.loc[u.kinerja["tahun"] == last, "kode"])
    kab = muat_kabupaten(tmp_path)
    assert kab.satu_satu == 1  # only the refused unit is loaded on its own
    _sama(kab, units, gagal)


def test_a_sasaran_with_two_wordings_fails_in_bulk_as_alone(tmp_path):
    buat_kabupaten(tmp_path, unit=4, tahun=2, seed=6)
    ind = tmp_path / "opd-003" / "indikator.csv"
    df = pd.read_csv(ind, dtype=str, keep_default_na=False)
    dua = df["sasaran_kode"].duplicated(keep=False)
    assert dua.any()  # the generated unit has a sasaran with several IKU
    i = df.index[dua][-1]
    df.loc[i, "sasaran"] = df.loc[i, "sasaran"] + " (ditulis lain)"
    df.to_csv(ind, index=False)
    units, gagal = muat_semua(tmp_path)
    assert list(gagal) == ["opd-003"] and "satu kode sasaran, satu nama" in str(gagal["opd-003"])
    kab = muat_kabupaten(tmp_path)
    assert kab.satu_satu == 1
    _sama(kab, units, gagal)
