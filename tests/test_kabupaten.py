"""A whole kabupaten: the synthetic generator, the rollup, ``lakip run --all`` and ``lakip rekap``."""

import csv
import filecmp
import json
import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from lakip import analysis, audit, kabupaten
from lakip.core.rollup import kolom_kategori
from lakip.reviu.context import J_CAPAIAN, J_FORMAT, J_KATEGORI
from lakip.data.contoh import BERKAS_KESALAHAN, buat_kabupaten
from lakip.data.load import daftar_entitas, muat
from lakip.core.paths import DATA_DIR
from bantu import lakip, read_csv


@pytest.fixture(scope="module")
def kab(tmp_path_factory):
    folder = tmp_path_factory.mktemp("kab")
    buat_kabupaten(folder, unit=6, tahun=3, seed=7)
    return folder


@pytest.fixture(scope="module")
def units(kab):
    return [muat(kab, slug) for slug in daftar_entitas(kab)]


# --------------------------------------------------------------------------- the generator


def _files(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())


def test_same_seed_gives_identical_files_and_another_seed_does_not(tmp_path):
    a, b, c = tmp_path / "a", tmp_path / "b", tmp_path / "c"
    buat_kabupaten(a, 4, 3, seed=11)
    buat_kabupaten(b, 4, 3, seed=11)
    buat_kabupaten(c, 4, 3, seed=12)
    assert _files(a) == _files(b) == _files(c)
    assert len(_files(a)) == 4 * 6 + 1
    _, mismatch, errors = filecmp.cmpfiles(a, b, _files(a), shallow=False)
    assert mismatch == [] and errors == []
    assert any((a / f).read_bytes() != (c / f).read_bytes() for f in _files(a))


def test_every_generated_unit_loads_and_follows_the_contract(kab, units):
    assert [u.slug for u in units] == [f"opd-{i:03d}" for i in range(1, 7)]
    jenis, polaritas = set(), set()
    for u in units:
        assert u.peringatan == []
        assert u.tahun == [2022, 2023, 2024]
        assert 5 <= len(u.indikator) <= 12
        assert 3 <= u.indikator["sasaran_kode"].nunique() <= 6
        jenis |= set(u.indikator["jenis"])
        polaritas |= set(u.indikator["polaritas"])
        # parents equal the sum of their children, realisasi never above pagu
        a = u.anggaran
        assert (a["realisasi"] <= a["pagu"]).all()
        kids = a[a["induk"].fillna("") != ""].groupby(["tahun", "induk"])[["pagu", "realisasi"]].sum()
        parents = a.set_index(["tahun", "kode"]).loc[kids.index, ["pagu", "realisasi"]]
        assert (parents.to_numpy() == kids.to_numpy()).all()
        assert (u.anggaran_iku["realisasi"] <= u.anggaran_iku["pagu"]).all()
        assert set(u.laporan["tahun"]) == {2024}
    assert jenis == {"angka", "level", "kategori", "rentang"}
    assert polaritas == {"naik", "turun"}
    # the Indonesian way of writing numbers, and some N/A
    kin = pd.concat([pd.read_csv(kab / u.slug / "kinerja.csv", dtype=str, keep_default_na=False) for u in units])
    assert kin["realisasi"].str.contains(",").any()
    assert (kin["realisasi"] == "N/A").any()
    assert (pd.read_csv(kab / "opd-001" / "anggaran.csv", dtype=str)["pagu"].str.count(r"\.") >= 2).any()


def test_the_audit_finds_exactly_the_planted_errors(kab, units):
    planted = pd.read_csv(kab / BERKAS_KESALAHAN)
    assert set(planted["jenis"]) == {"capaian", "kategori", "format"}
    jenis_audit = {"capaian": J_CAPAIAN, "kategori": J_KATEGORI, "format": J_FORMAT}
    for u in units:
        temuan = audit.reviu(u, 2024)
        bad = temuan[temuan["status"] == audit.TIDAK_SESUAI].set_index("kunci")
        mine = planted[planted["entitas"] == u.slug].set_index("kunci")
        assert set(bad.index) == set(mine.index), u.slug
        for kunci, row in mine.iterrows():
            assert bad.loc[kunci, "jenis"] == jenis_audit[row["jenis"]], (u.slug, kunci)
            assert bad.loc[kunci, "nilai_laporan"] == row["tertulis"]


def test_the_generator_rejects_nothing_to_make(tmp_path):
    with pytest.raises(ValueError):
        buat_kabupaten(tmp_path, unit=0)


# --------------------------------------------------------------------------- the rollup


def _same(a, b):
    if a is None or (isinstance(a, float) and math.isnan(a)):
        return b is None or (isinstance(b, float) and math.isnan(b))
    return a == b


def test_rollup_equals_each_units_own_analysis_exactly(units):
    iku = kabupaten.tabel_capaian_iku(units, 2024)
    tab = kabupaten.tabel_unit(units, 2024).set_index("entitas")
    assert list(tab.index) == [u.slug for u in units]
    assert list(iku["entitas"].unique()) == [u.slug for u in units]
    for u in units:
        own = analysis.tabel_capaian_iku(u, 2024)
        mine = iku[iku["entitas"] == u.slug].reset_index(drop=True)
        assert list(mine["kode"]) == list(own["kode"])
        assert all(_same(a, b) for a, b in zip(mine["capaian"], own["capaian"]))
        assert list(mine["kategori"].fillna("")) == list(own["kategori"].astype(object).fillna(""))
        ring = analysis.ringkasan(u, 2024)
        row = tab.loc[u.slug]
        assert _same(row["rata_rata_iku"], ring["capaian"]["rata_rata_iku"])  # exact, not approximate
        assert _same(row["rata_rata_sasaran"], ring["capaian"]["rata_rata_sasaran"])
        assert row["jumlah_iku"] == ring["jumlah"]["iku"]
        assert row["iku_terukur"] == ring["jumlah"]["iku_terukur"]
        assert row["iku_belum_dapat_diukur"] == ring["jumlah"]["iku_belum_dapat_diukur"]
        for d in ring["distribusi"]:
            assert row[kolom_kategori(d["kategori"])] == d["jumlah"], d
        prog = next(a for a in ring["anggaran"] if a["pohon"] == "program")
        assert (row["pagu"], row["realisasi"], row["serapan"]) == (prog["pagu"], prog["realisasi"], prog["serapan"])
        assert row["temuan_tidak_sesuai"] == audit.ringkasan_reviu(audit.reviu(u, 2024))["per_status"][audit.TIDAK_SESUAI]
    ranks = tab.sort_values("peringkat")["rata_rata_iku"].to_numpy()
    assert (np.diff(ranks) <= 0).all() and tab["peringkat"].min() == 1


def test_rollup_of_one_real_unit_and_its_files(tmp_path):
    unit = muat(DATA_DIR)
    folder = kabupaten.tulis_kabupaten([unit], 2024, tmp_path)
    assert folder == tmp_path / "_kabupaten" / "2024"
    assert sorted(p.name for p in folder.iterdir()) == ["capaian_iku.csv", "grafik", "ringkasan.json", "unit.csv"]
    assert sorted(p.name for p in (folder / "grafik").iterdir()) == [
        "capaian_serapan.png", "capaian_serapan.svg", "distribusi_unit.png", "distribusi_unit.svg"]
    rows = read_csv(folder / "unit.csv")
    assert len(rows) == 1 and rows[0]["entitas"] == unit.slug and rows[0]["peringkat"] == "1"
    assert rows[0]["pagu"] == "64440768486"  # whole rupiah
    ring = json.loads((folder / "ringkasan.json").read_text(encoding="utf-8"))
    own = analysis.ringkasan(unit, 2024)
    assert ring["jumlah_unit"] == 1 and ring["capaian"]["rata_rata_unit"] == own["capaian"]["rata_rata_iku"]
    assert ring["tertinggi"]["entitas"] == unit.slug


# --------------------------------------------------------------------------- the commands


def test_lakip_contoh_writes_a_kabupaten_and_keeps_an_existing_folder(tmp_path):
    res = lakip("contoh", "--units", "2", "--years", "2", "--seed", "5", "--out", str(tmp_path / "k"))
    assert res.returncode == 0, res.stderr
    assert daftar_entitas(tmp_path / "k") == ["opd-001", "opd-002"]
    assert muat(tmp_path / "k", "opd-002").tahun == [2023, 2024]
    again = lakip("contoh", "--units", "2", "--out", str(tmp_path / "k"))
    assert again.returncode == 2 and "sudah berisi" in again.stderr and "Traceback" not in again.stderr
    bad = lakip("contoh", "--units", "nol", "--out", str(tmp_path / "k2"))
    assert bad.returncode == 2 and "bukan bilangan bulat positif" in bad.stderr


def test_run_all_then_one_broken_unit_does_not_stop_the_others(tmp_path):
    data, out = tmp_path / "data", tmp_path / "out"
    buat_kabupaten(data, unit=3, tahun=2, seed=3)
    res = lakip("run", "--all", "--tabel-saja", "--data", str(data), "--out", str(out))
    assert res.returncode == 0, res.stderr
    assert "Selesai: 3 unit, gagal: 0 unit." in res.stdout
    for slug in ("opd-001", "opd-002", "opd-003"):
        assert (out / slug / "2024" / "tabel" / "ringkasan.json").is_file()
    rekap = out / "_kabupaten" / "2024"
    assert len(read_csv(rekap / "unit.csv")) == 3
    assert {r["entitas"] for r in read_csv(rekap / "capaian_iku.csv")} == {"opd-001", "opd-002", "opd-003"}
    assert not (rekap / "grafik").exists()  # --tabel-saja: tables only
    # the batch takes each unit's reviu count from its run; the rollup alone audits again: the same table
    res = lakip("rekap", "--data", str(data), "--out", str(tmp_path / "rekap"))
    assert res.returncode == 0, res.stderr
    assert (rekap / "unit.csv").read_bytes() == (tmp_path / "rekap" / "_kabupaten" / "2024" / "unit.csv").read_bytes()

    # break one unit: an unreadable realisasi
    kin = data / "opd-002" / "kinerja.csv"
    rows = read_csv(kin)
    rows[0]["realisasi"] = "85,8,3"
    with open(kin, "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=["kode", "tahun", "target", "realisasi"], lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    (out / "opd-001").rename(tmp_path / "lama-001")
    res = lakip("run", "--all", "--tabel-saja", "--data", str(data), "--out", str(out))
    assert res.returncode == 2, res.stdout + res.stderr
    assert "Selesai: 2 unit, gagal: 1 unit." in res.stdout
    assert "opd-002" in res.stderr and "kinerja.csv baris 2, kolom realisasi" in res.stderr
    assert "Traceback" not in res.stderr
    assert (out / "opd-001" / "2024" / "tabel" / "ringkasan.json").is_file()  # the others completed
    ring = json.loads((rekap / "ringkasan.json").read_text(encoding="utf-8"))
    assert ring["unit_gagal"] == ["opd-002"] and ring["jumlah_unit"] == 2


def test_run_all_names_a_unit_whose_output_cannot_be_written_in_indonesian(tmp_path):
    data, out = tmp_path / "data", tmp_path / "out"
    buat_kabupaten(data, unit=2, tahun=1, seed=3)
    out.mkdir()
    (out / "opd-002").write_text("bukan folder")
    res = lakip("run", "--all", "--tabel-saja", "--data", str(data), "--out", str(out))
    assert res.returncode == 1 and "Traceback" not in res.stderr
    assert f"  - opd-002: tidak dapat menulis atau membaca {out / 'opd-002'}: sudah ada sebagai berkas, bukan folder" in res.stderr
    assert (out / "opd-001" / "2024" / "tabel" / "ringkasan.json").is_file()


def test_run_all_refuses_entity_and_an_empty_folder(tmp_path):
    res = lakip("run", "--all", "--entity", "x", "--data", str(tmp_path))
    assert res.returncode == 2 and "--all dan --entity" in res.stderr
    res = lakip("run", "--all", "--data", str(tmp_path))
    assert res.returncode == 2 and "tidak ada unit" in res.stderr and "Traceback" not in res.stderr


def test_lakip_rekap_writes_only_the_rollup(kab, tmp_path):
    res = lakip("rekap", "--data", str(kab), "--year", "2023", "--out", str(tmp_path))
    assert res.returncode == 0, res.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["_kabupaten"]
    folder = tmp_path / "_kabupaten" / "2023"
    assert res.stdout.strip() == f"Rekap kabupaten: {folder}"
    rows = read_csv(folder / "unit.csv")
    assert [r["entitas"] for r in rows] == [f"opd-{i:03d}" for i in range(1, 7)]
    assert (folder / "grafik" / "distribusi_unit.svg").is_file()
    ring = json.loads((folder / "ringkasan.json").read_text(encoding="utf-8"))
    assert ring["tahun"] == 2023 and ring["jumlah_unit"] == 6
    # the same inputs give the same files
    res2 = lakip("rekap", "--data", str(kab), "--year", "2023", "--out", str(tmp_path / "lagi"))
    assert res2.returncode == 0
    again = tmp_path / "lagi" / "_kabupaten" / "2023"
    for name in ("unit.csv", "capaian_iku.csv", "ringkasan.json", "grafik/distribusi_unit.svg", "grafik/capaian_serapan.png"):
        assert (folder / name).read_bytes() == (again / name).read_bytes(), name


def test_rollup_notebook_runs_on_a_generated_kabupaten(kab, tmp_path):
    import papermill

    nb = papermill.execute_notebook(
        str(Path(__file__).parents[1] / "notebooks" / "kabupaten.ipynb"), None,
        parameters={"folder_data": str(kab), "tahun": 2024, "folder_keluaran": str(tmp_path)},
        kernel_name="python3", progress_bar=False, log_output=False,
    )
    text = "".join(o.get("text", "") for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", []))
    assert "Rekap tahun 2024: 6 unit." in text
    assert all(f"opd-00{i}" in text for i in range(1, 7))
    assert sorted(p.name for p in (tmp_path / "grafik").iterdir()) == [
        "capaian_serapan.png", "capaian_serapan.svg", "distribusi_unit.png", "distribusi_unit.svg"]


def test_target_realisasi_chart_draws_a_range_iku_with_a_plain_realisasi(units):
    import matplotlib.pyplot as plt

    from lakip import charts

    unit = next(u for u in units if (u.indikator["jenis"] == "rentang").any())
    fig = charts.grafik_target_realisasi(analysis.tabel_capaian_iku(unit, 2024), unit.indikator, 2024)
    plt.close(fig)


def test_rekap_names_a_unit_that_cannot_be_loaded(tmp_path):
    data = tmp_path / "data"
    buat_kabupaten(data, unit=2, tahun=1, seed=9)
    (data / "opd-001" / "indikator.csv").write_text("kode\nIKU-1\n", encoding="utf-8")
    res = lakip("rekap", "--data", str(data), "--out", str(tmp_path / "out"))
    assert res.returncode == 2
    assert "opd-001: Data tidak dapat dipakai" in res.stderr and "indikator.csv" in res.stderr
    assert "Traceback" not in res.stderr
    rows = read_csv(tmp_path / "out" / "_kabupaten" / "2024" / "unit.csv")
    assert [r["entitas"] for r in rows] == ["opd-002"]


def test_reviu_counts_in_worker_processes_equal_the_serial_ones(units):
    serial = kabupaten.hitung_temuan(units, 2024, pekerja=1)
    assert kabupaten.hitung_temuan(units, 2024, pekerja=2) == serial
    assert list(serial) == [u.slug for u in units] and sum(serial.values()) > 0


def test_a_year_no_unit_has_writes_no_rollup(kab, tmp_path):
    """Not an empty rollup with exit 0: the single-unit message, exit 2, nothing written."""
    res = lakip("rekap", "--data", str(kab), "--out", str(tmp_path / "rekap"), "--year", "2030")
    assert res.returncode == 2 and "Traceback" not in res.stderr
    assert "Galat: tahun 2030 tidak ada di data unit mana pun (tahun yang ada: 2022, 2023, 2024)" in res.stderr
    assert not (tmp_path / "rekap").exists()
    res = lakip("run", "--all", "--tabel-saja", "--data", str(kab), "--out", str(tmp_path / "semua"), "--year", "2030")
    assert res.returncode == 2 and "Selesai: 0 unit, gagal: 6 unit." in res.stdout
    assert not (tmp_path / "semua" / "_kabupaten").exists()


def test_the_reviu_findings_of_a_unit_without_the_year_are_none():
    """A unit that has no row of the year published nothing of it: no findings (None), not an error."""
    from lakip.data.load import muat

    assert kabupaten.hitung_temuan([muat()], 2021) == {"setda-batubara": None}
    assert kabupaten.hitung_temuan([muat()], 2024) == {"setda-batubara": 28}
