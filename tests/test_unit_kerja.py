"""A unit in its own words (#16): a Kecamatan whose divisions are Seksi.

The unit is Batu Bara's data under another name: ``unit_kerja: Seksi`` in ``entitas.yml``, the
divisions' rows of ``anggaran.csv`` written with ``tingkat`` ``unit_kerja`` and their names with
Seksi. Its run writes Seksi wherever a report names the divisions (Word, HTML, charts, narasi,
notebooks, reviu) and Bagian nowhere; ``unit_kerja`` loads as ``bagian`` by both readers.
"""

import re
import shutil
import zipfile

import pandas as pd
import pytest

from bantu import lakip
from conftest import bersama

from lakip.core.paths import DATA_DIR

SLUG = "kecamatan-contoh"
BAGIAN = re.compile(r"\bbagian\b", re.IGNORECASE)


def _seksi(teks: str) -> str:
    """Every whole word bagian as seksi, in its case (BAGIAN UMUM -> SEKSI UMUM)."""
    return BAGIAN.sub(lambda m: "SEKSI" if m.group().isupper() else "Seksi" if m.group()[0].isupper() else "seksi", teks)


def buat_kecamatan(root):
    """A copy of Batu Bara's data as a Kecamatan with Seksi, in ``root/SLUG``."""
    folder = root / SLUG
    shutil.copytree(DATA_DIR / "setda-batubara", folder)
    (folder / "CATATAN.md").unlink()
    ent = (folder / "entitas.yml").read_text(encoding="utf-8")
    ent = re.sub(r"(?m)^nama: .*$", "nama: Kecamatan Contoh\nunit_kerja: Seksi", ent)
    ent = re.sub(r"(?m)^(singkatan|sumber): .*\n", "", ent)
    (folder / "entitas.yml").write_text(ent, encoding="utf-8")
    ang = (folder / "anggaran.csv").read_text(encoding="utf-8").replace(",bagian,", ",unit_kerja,")
    (folder / "anggaran.csv").write_text(_seksi(ang), encoding="utf-8")
    for name in ("laporan.csv", "indikator.csv"):
        path = folder / name
        path.write_text(_seksi(path.read_text(encoding="utf-8")), encoding="utf-8")
    return folder


def _jalankan(folder):
    buat_kecamatan(folder / "data")
    res = lakip("run", "--data", str(folder / "data"), "--entity", SLUG, "--year", "2024", "--out", str(folder / "keluaran"))
    assert res.returncode == 0, res.stderr


@pytest.fixture(scope="module")
def keluaran(tmp_path_factory):
    """``lakip run`` of the Kecamatan for 2024 (read only)."""
    return bersama(tmp_path_factory, "keluaran-kecamatan", _jalankan) / "keluaran" / SLUG / "2024"


def test_unit_kerja_loads_as_bagian_by_both_readers(tmp_path):
    from lakip.bulk import Kabupaten, muat_kabupaten
    from lakip.data.load import muat

    buat_kecamatan(tmp_path)
    shutil.copytree(DATA_DIR / "setda-batubara", tmp_path / "setda-batubara")
    unit = muat(tmp_path, SLUG)
    assert unit.unit_kerja == "Seksi"
    assert set(unit.anggaran["tingkat"]) == {"program", "bagian", "kegiatan", "subkegiatan"}
    raw = pd.read_csv(tmp_path / SLUG / "anggaran.csv", dtype=str)
    assert (raw["tingkat"] == "unit_kerja").sum() == (unit.anggaran["tingkat"] == "bagian").sum() > 0
    kab = muat_kabupaten(tmp_path)
    assert not kab.gagal
    ref = Kabupaten.dari_unit([unit, muat(tmp_path, "setda-batubara")])  # in the order of their names
    pd.testing.assert_frame_equal(kab.anggaran, ref.anggaran[list(kab.anggaran.columns)])


def _baris_b1(tmp_path, awal_baru):
    """The Kecamatan with the start of its budget row B1 (``2024,B1,,unit_kerja,``) written as ``awal_baru``."""
    path = buat_kecamatan(tmp_path) / "anggaran.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("2024,B1,,unit_kerja,", awal_baru), encoding="utf-8")


def test_unit_kerja_under_a_kegiatan_is_refused_with_the_level_as_written(tmp_path):
    from lakip.core.model import DataError
    from lakip.data.load import muat

    _baris_b1(tmp_path, "2024,B1,B2.1,unit_kerja,")
    with pytest.raises(DataError) as e:
        muat(tmp_path, SLUG)
    assert any("unit_kerja tidak dapat berada di bawah kegiatan 'B2.1'" in str(m) for m in e.value.masalah)


@pytest.mark.parametrize("kata", ["seksi", "Seksi", "bidang", "sub bagian", "Subbagian", "sub_bidang", "Irban"])
def test_the_unit_s_word_as_tingkat_is_refused_saying_to_write_unit_kerja(tmp_path, kata):
    """#16 leftover: refused (the tables keep one word for the level) by both readers, with what to write instead."""
    from lakip.bulk import muat_kabupaten
    from lakip.core.model import DataError
    from lakip.data.load import muat

    _baris_b1(tmp_path, f"2024,B1,,{kata},")
    pesan = (f"anggaran.csv baris 5, kolom tingkat: '{kata}' adalah sebutan bagian unit, bukan tingkat anggaran: tulis "
             "unit_kerja (sebutan bagian unit, mis. Bidang atau Seksi, diatur di kunci unit_kerja entitas.yml)")
    with pytest.raises(DataError) as e:
        muat(tmp_path, SLUG)
    assert [str(m) for m in e.value.masalah if m.tingkat == "galat"] == [pesan]
    kab = muat_kabupaten(tmp_path)
    assert [str(m) for m in kab.gagal[SLUG].masalah if m.tingkat == "galat"] == [pesan]


def test_a_word_that_is_no_level_keeps_its_message(tmp_path):
    from lakip.core.model import DataError
    from lakip.data.load import muat

    _baris_b1(tmp_path, "2024,B1,,bidangan,")
    with pytest.raises(DataError) as e:
        muat(tmp_path, SLUG)
    assert [str(m) for m in e.value.masalah if m.tingkat == "galat"] == [
        "anggaran.csv baris 5, kolom tingkat: 'bidangan' harus salah satu dari: program, bagian, unit_kerja, kegiatan, "
        "subkegiatan"]


def test_the_word_report_says_seksi_never_bagian(keluaran):
    from docx import Document

    doc = Document(str(keluaran / "laporan" / "laporan.docx"))
    teks = "\n".join([p.text for p in doc.paragraphs]
                     + [c.text for t in doc.tables for row in t.rows for c in row.cells])
    assert "Alokasi Anggaran per Seksi Tahun 2024" in teks
    assert not BAGIAN.search(teks), BAGIAN.findall(teks)


def test_the_html_report_and_notebooks_say_seksi_never_bagian(keluaran):
    html = (keluaran / "laporan" / "laporan.html").read_text(encoding="utf-8")
    assert "Alokasi anggaran per Seksi" in html
    assert not BAGIAN.search(html)
    nb = (keluaran / "notebook" / "02_realisasi_anggaran.html").read_text(encoding="utf-8")
    assert "Alokasi anggaran per Seksi (Bab II)" in nb and "Seksi -&gt; kegiatan -&gt; sub-kegiatan" in nb
    for path in (keluaran / "notebook").glob("*.html"):
        assert not BAGIAN.search(re.sub(r"<style.*?</style>", "", path.read_text(encoding="utf-8"), flags=re.S)), path.name


def test_the_charts_say_seksi_never_bagian(keluaran):
    svg = (keluaran / "grafik" / "alokasi_bagian.svg").read_text(encoding="utf-8")
    assert "Alokasi Anggaran per Seksi Tahun 2024" in svg
    for path in (keluaran / "grafik").glob("*.svg"):
        assert not BAGIAN.search(path.read_text(encoding="utf-8")), path.name


def test_the_chart_takes_the_word_from_the_table_or_the_caller():
    import matplotlib.pyplot as plt

    from lakip import analysis, charts, muat

    unit = muat(None, "setda-batubara")
    ang = analysis.tabel_anggaran(unit, 2024)
    assert ang.attrs["unit_kerja"] == "Bagian"
    ang.attrs["unit_kerja"] = "Bidang"
    for fig, kata in ((charts.grafik_alokasi_bagian(ang[ang["tingkat"] != "program"], 2024), "Bidang"),
                      (charts.grafik_alokasi_bagian(ang, 2024, "Irban"), "Irban")):
        assert fig.axes[0].get_title().startswith(f"Alokasi Anggaran per {kata} Tahun 2024")
        plt.close(fig)


def test_narasi_excel_and_reviu_say_seksi(keluaran, tmp_path):
    from openpyxl import load_workbook

    from lakip import muat
    from lakip.core.tables import analisis
    from lakip.report import display, narasi

    wb = load_workbook(keluaran / "laporan" / "laporan.xlsx", read_only=True)
    tingkat = {r[2] for r in wb["Anggaran"].iter_rows(min_row=4, values_only=True) if r[2]}
    assert tingkat == {"program", "seksi", "kegiatan", "subkegiatan"}
    reviu = (keluaran / "tabel" / "reviu.csv").read_text(encoding="utf-8")
    assert "jumlah Seksi di anggaran.csv" in reviu and not BAGIAN.search(reviu)
    # a budget with the Seksi tree only: the sentence names it
    folder = buat_kecamatan(tmp_path)
    ang = pd.read_csv(folder / "anggaran.csv", dtype=str, keep_default_na=False)
    program = set(ang.loc[ang["tingkat"] == "program", "kode"])
    ang[~ang["kode"].isin(program) & ~ang["induk"].isin(program)].to_csv(folder / "anggaran.csv", index=False)
    (folder / "laporan.csv").write_text("tahun,tabel,kunci,nilai\n", encoding="utf-8")
    a = analisis(muat(tmp_path, SLUG), 2024)
    assert narasi.paragraf_anggaran(a).endswith("data anggaran yang ada disusun per Seksi.")
    assert display.tampil_total_anggaran(a.total_anggaran)["Susunan Anggaran"].iloc[0] == "Seksi -> kegiatan -> sub-kegiatan"


def test_a_notebook_of_a_bagian_unit_is_left_as_it_is():
    import nbformat

    from lakip.app.notebooks import daftar_notebook, kata_unit_kerja

    nb = nbformat.read(str(next(p for p in daftar_notebook() if p.stem == "02_realisasi_anggaran")), as_version=4)
    before = nbformat.writes(nb)
    kata_unit_kerja(nb, "Bagian")
    assert nbformat.writes(nb) == before
    kata_unit_kerja(nb, "Bidang")
    teks = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    assert "per Bidang (Bab II)" in teks and "Bagian" not in teks
    sumber = [c.source for c in nb.cells if c.cell_type == "code"]
    assert sumber == [c.source for c in nbformat.reads(before, as_version=4).cells if c.cell_type == "code"]


def test_the_template_names_the_divisions_and_offers_unit_kerja(tmp_path):
    from openpyxl import load_workbook

    buat_kecamatan(tmp_path / "data")
    out = tmp_path / "isian.xlsx"
    res = lakip("template", "--data", str(tmp_path / "data"), "--entity", SLUG, "--year", "2025", "--out", str(out))
    assert res.returncode == 0, res.stderr
    wb = load_workbook(out)
    petunjuk = "\n".join(str(c.value) for row in wb["Petunjuk"].iter_rows() for c in row if c.value)
    assert "setiap program, Seksi, kegiatan dan sub-kegiatan" in petunjuk
    daftar = [dv.formula1 for dv in wb["anggaran"].data_validations.dataValidation]
    assert any("unit_kerja" in (f or "") for f in daftar), daftar
