"""Bab I and Bab II (#17): the staff profile (sdm.csv), the Perda of the year (perda.csv), the
Perjanjian Kinerja with the Renstra end target, the budget by program; in notebook 00, Word and HTML.

The expected values are counted by hand from data/setda-batubara/: sdm.csv has ASN 121
(gol II 22, III 91, IV 8; 72 laki-laki, 49 perempuan) and NON ASN 209 (no golongan; 115 and 94).
"""

import re
import shutil

import docx
import nbformat
import pytest
from docx.enum.text import WD_COLOR_INDEX

from lakip import analysis, charts, display
from lakip.app.laporan import tulis_docx, tulis_html
from lakip.core.paths import DATA_DIR, NOTEBOOKS_DIR
from lakip.data.load import muat
from lakip.report.display_profil import ISIAN

SLUG = "setda-batubara"


@pytest.fixture(scope="module")
def unit():
    return muat()


@pytest.fixture(scope="module")
def p(unit):
    return analysis.profil(analysis.analisis(unit, 2024))


def salin(tmp_path, *hapus):
    shutil.copytree(DATA_DIR / SLUG, tmp_path / SLUG)
    for nama in hapus:
        (tmp_path / SLUG / nama).unlink()
    return tmp_path / SLUG


# --------------------------------------------------------------------------- core


def test_sdm_totals_counted_by_hand(p):
    assert list(p.sdm["status"]) == ["ASN", "NON ASN"]
    assert list(p.sdm["jumlah"]) == [121, 209]
    assert p.sdm_jumlah == {"jumlah": 330, "gol_i": 0, "gol_ii": 22, "gol_iii": 91, "gol_iv": 8,
                            "laki_laki": 187, "perempuan": 143}
    assert p.sdm_jumlah["laki_laki"] + p.sdm_jumlah["perempuan"] == p.sdm_jumlah["jumlah"]
    assert p.sdm_cek == []  # ASN: 22 + 91 + 8 = 121 and 72 + 49 = 121; NON ASN has no golongan, 115 + 94 = 209


def test_sdm_table_for_people_prints_dash_for_none(p):
    t = display.tampil_sdm(p.sdm, p.sdm_jumlah)
    assert list(t.columns) == ["No", "Status", "Jumlah", "Gol. I", "Gol. II", "Gol. III", "Gol. IV", "Laki-laki", "Perempuan",
                               "Keterangan"]
    assert t.values.tolist() == [["1", "ASN", "121", "-", "22", "91", "8", "72", "49", ""],
                                 ["2", "NON ASN", "209", "-", "-", "-", "-", "115", "94", ""],
                                 ["", "Jumlah", "330", "-", "22", "91", "8", "187", "143", ""]]


def test_sdm_counts_that_do_not_add_up_are_named(tmp_path):
    folder = salin(tmp_path)
    sdm = folder / "sdm.csv"
    sdm.write_text(sdm.read_text(encoding="utf-8").replace("1,ASN,121,-,22,91,8,72,49", "1,ASN,121,-,22,90,8,70,49"),
                   encoding="utf-8")
    pr = analysis.profil(analysis.analisis(muat(tmp_path, SLUG), 2024))
    assert pr.sdm_jumlah["gol_iii"] == 90 and pr.sdm_jumlah["laki_laki"] == 185
    assert pr.sdm_cek == ["sdm.csv baris 2 (ASN): jumlah golongan I-IV 120 tidak sama dengan jumlah pegawai 121.",
                          "sdm.csv baris 2 (ASN): jumlah laki-laki dan perempuan 119 tidak sama dengan jumlah pegawai 121."]


def test_perda_of_the_year(unit, p):
    assert len(p.perda) == 8 and p.perda["tanggal"].iloc[0] == "2024-04-06"
    assert display.tampil_perda(p.perda)["Tanggal Penetapan"].tolist()[:2] == ["6 April 2024", "17 Oktober 2024"]
    # every Perda of the file is dated 2024: none in 2023
    p23 = analysis.profil(analysis.analisis(unit, 2023))
    assert p23.perda.empty and p23.catatan()["perda"] == "Tidak ada Peraturan Daerah bertanggal tahun 2023 di perda.csv."


def test_perjanjian_kinerja_2024(p):
    pk = p.perjanjian_kinerja
    assert list(pk["kode"]) == [f"IKU-{i}" for i in range(1, 8)]
    t = display.tampil_pk(pk, 2024)
    assert list(t.columns) == ["No", "Sasaran Strategis", "Indikator Kinerja Utama", "Satuan", "Target 2024"]
    assert list(t["No"]) == ["1", "2", "3", "", "4", "5", "6"]  # SS-3 holds IKU-3 and IKU-4
    assert list(t["Target 2024"]) == ["Tinggi", "100", "9,70", "73", "9/9", "86", "87"]
    assert list(t["Satuan"]) == ["Status Kinerja", "Persen", "Nilai", "Nilai", "Level", "Indeks", "Indeks"]
    assert t["Sasaran Strategis"].iloc[0] == "Meningkatnya Kinerja Penyelenggaraan Pemerintah Daerah"
    assert t["Sasaran Strategis"].iloc[3] == ""


def test_perjanjian_kinerja_with_renstra_end_target(tmp_path):
    folder = salin(tmp_path)
    ind = folder / "indikator.csv"
    rows = ind.read_text(encoding="utf-8").splitlines()
    rows[0] += ",target_renstra,tahun_renstra"
    rows = [rows[0]] + [r + (",\"9,80\",2026" if r.startswith("IKU-3,") else ",100,2026" if r.startswith("IKU-2,") else ",,")
                        for r in rows[1:]]
    ind.write_text("\n".join(rows) + "\n", encoding="utf-8")
    pk = analysis.tabel_pk(muat(tmp_path, SLUG), 2024)
    t = display.tampil_pk(pk, 2024)
    assert list(t["Target Akhir Renstra"]) == ["-", "100 (2026)", "9,80 (2026)", "-", "-", "-", "-"]


def test_budget_by_program_2024(p):
    prog = p.anggaran_program
    assert list(prog["kode"]) == ["P1", "P2", "P3"]
    assert list(prog["pagu"]) == [48_281_384_383, 12_776_054_492, 3_383_329_611]
    assert p.anggaran_program_jumlah["pagu"] == 64_440_768_486
    assert p.anggaran_program_jumlah["realisasi"] == 45_716_917_980 + 11_764_429_034 + 3_082_044_289 == 60_563_391_303
    t = display.tampil_anggaran_program(prog, p.anggaran_program_jumlah)
    assert t.iloc[-1].tolist() == ["", "Jumlah", "Rp 64.440.768.486", "Rp 60.563.391.303", "93,98 %"]
    # without realisasi: the pagu only
    t = display.tampil_anggaran_program(prog.assign(realisasi=float("nan")))
    assert list(t.columns) == ["No", "Program", "Pagu"] and t.iloc[-1].tolist() == ["", "Jumlah", "Rp 64.440.768.486"]


def test_staff_chart_is_deterministic(p):
    a = charts.png(charts.grafik_sdm(p.sdm, 2024))
    b = charts.png(charts.grafik_sdm(p.sdm, 2024))
    assert a == b and a[:8] == b"\x89PNG\r\n\x1a\n"
    assert charts.svg(charts.grafik_sdm(p.sdm, 2024)) == charts.svg(charts.grafik_sdm(p.sdm, 2024))


# --------------------------------------------------------------------------- Word and HTML


def _judul(d, gaya):
    return [x.text for x in d.paragraphs if x.style.name == gaya]


def test_word_has_the_four_chapters_in_order_with_the_tables_filled(unit, tmp_path):
    d = docx.Document(tulis_docx(unit, 2024, tmp_path, None))
    assert _judul(d, "Heading 1") == ["BAB I PENDAHULUAN", "BAB II PERENCANAAN KINERJA", "BAB III AKUNTABILITAS KINERJA",
                                      "BAB IV PENUTUP"]
    sdm = d.tables[0]
    assert [c.text for c in sdm.rows[0].cells][:3] == ["No", "Status", "Jumlah"] and sdm.rows[0].cells[3].text == "Golongan"
    assert [c.text for c in sdm.rows[1].cells][3:9] == ["I", "II", "III", "IV", "L", "P"]
    assert [c.text for c in sdm.rows[-1].cells][1:9] == ["Jumlah", "330", "-", "22", "91", "8", "187", "143"]
    assert len(d.tables[1].rows) == 1 + 8  # the eight Perda of 2024
    assert [c.text for c in d.tables[2].rows[3].cells][4] == "9,70"  # the PK
    assert [c.text for c in d.tables[3].rows[-1].cells][:3] == ["", "Jumlah", "Rp\u00a064.440.768.486"]
    isian = [x for x in d.paragraphs if x.text.startswith(ISIAN)]
    assert len(isian) >= 6 and all(x.runs[0].font.highlight_color == WD_COLOR_INDEX.YELLOW for x in isian)
    assert any("dan setiap Bagian di lingkungannya" in x.text for x in isian)
    assert "330 pegawai: 121 ASN dan 209 NON ASN" in "\n".join(x.text for x in d.paragraphs)


def test_html_has_the_four_chapters_in_order(unit, tmp_path):
    html = tulis_html(unit, 2024, tmp_path / "laporan.html").read_text(encoding="utf-8")
    assert re.findall(r"<h2>(Bab [IV]+ [^<]*)</h2>", html) == ["Bab I Pendahuluan", "Bab II Perencanaan Kinerja",
                                                               "Bab III Akuntabilitas Kinerja", "Bab IV Penutup"]
    assert html.count('<p class="isian">[Diisi oleh penyusun: ') >= 6
    assert "<td>Jumlah</td><td class=\"n\">330</td>" in html and "Rp 64.440.768.486" in html and "17 Oktober 2024" in html


# --------------------------------------------------------------------------- a unit without sdm.csv and perda.csv


def test_unit_without_sdm_and_perda_runs_and_says_so(tmp_path):
    from lakip.run import jalankan

    salin(tmp_path / "data", "sdm.csv", "perda.csv")
    run = jalankan(tmp_path / "data", SLUG, 2024, tmp_path / "out", notebooks=[NOTEBOOKS_DIR / "00_profil_perencanaan.ipynb"])
    assert not (run / "grafik" / "sdm.png").exists()
    nb = nbformat.read(run / "notebook" / "00_profil_perencanaan.ipynb", as_version=4)
    keluaran = "\n".join(o.get("text", "") for c in nb.cells if c.cell_type == "code" for o in c.outputs)
    assert "Data sumber daya aparatur (sdm.csv) belum tersedia." in keluaran
    assert "Data produk hukum (perda.csv) belum tersedia." in keluaran
    assert "Rp 64.440.768.486" in keluaran  # Bab II as before
    d = docx.Document(run / "laporan" / "laporan.docx")
    teks = "\n".join(x.text for x in d.paragraphs)
    assert "Data sumber daya aparatur (sdm.csv) belum tersedia: profil pegawai tidak dapat disajikan." in teks
    assert "Data produk hukum (perda.csv) belum tersedia: daftar Peraturan Daerah tidak dapat disajikan." in teks
    assert _judul(d, "Heading 1")[:2] == ["BAB I PENDAHULUAN", "BAB II PERENCANAAN KINERJA"]
    assert not any(x.text.startswith(("Tabel 1.", "Gambar 1.")) for x in d.paragraphs)
    html = (run / "laporan" / "laporan.html").read_text(encoding="utf-8")
    assert "Data sumber daya aparatur (sdm.csv) belum tersedia" in html and "Data produk hukum (perda.csv) belum tersedia" in html


def test_profil_is_computed_once_per_unit_year(unit):
    a = analysis.analisis(unit, 2024)
    assert analysis.profil(a) is analysis.profil(a)
    assert analysis.profil(a).perjanjian_kinerja is analysis.profil(a).perjanjian_kinerja
    assert analysis.tabel_pk(unit, 2024) is not analysis.profil(a).perjanjian_kinerja  # the notebooks get copies
