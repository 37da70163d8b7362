"""A unit that is not in the data (#16): the workbook that starts it, its import, and the run after it.

A small real unit (a Dinas with Bidang: 2 sasaran, 3 IKU) is typed into the workbook of
``lakip template`` with openpyxl, imported, and run; its capaian are checked by hand. An invalid
workbook lists every problem at once and leaves the data folder untouched; a folder holding
``entitas.yml`` and the CSV files creates the unit the same way.
"""

import hashlib
import shutil

import pytest
from openpyxl import load_workbook

import bantu
from lakip.app.isian import tulis_template
from lakip.core.config import BATAS_CAPAIAN, METODE_EFISIENSI, RUMUS_TURUN, SKALA_PRESET, SKEMA_PILIHAN
from lakip.core.model import DataError, PilihanError
from lakip.core.vocabulary import JENIS, POLARITAS
from lakip.data.importer import impor
from lakip.data.load import muat

SLUG = "dinas-contoh"

IKU, CAPAIAN, MULAI, baris_kunci, isi_buku = bantu.IKU, bantu.CAPAIAN, bantu.MULAI, bantu.baris_kunci, bantu.isi_unit_baru


def sidik(folder):
    h = hashlib.sha256()
    for p in sorted(folder.rglob("*")):
        h.update(str(p.relative_to(folder)).encode())
        if p.is_file():
            h.update(p.read_bytes())
    return h.hexdigest()


@pytest.fixture
def data(tmp_path):
    d = tmp_path / "data"
    d.mkdir()
    return d


def test_the_template_of_a_new_unit_has_every_choice_with_its_allowed_values(data, tmp_path):
    path = tulis_template(SLUG, 2025, tmp_path / "isian.xlsx", data)
    wb = load_workbook(path)
    # daftar_pilihan (hidden) holds the drop-down of bobot_ikm, whose 0,111 has a comma (#17)
    assert wb.sheetnames == ["Petunjuk", "entitas", "daftar_pilihan", "indikator", "kinerja", "anggaran", "anggaran_iku",
                             "laporan", "survei_ikm", "lke"]
    assert wb["daftar_pilihan"].sheet_state == "hidden"
    ws = wb["entitas"]
    assert [c.value for c in ws[1]][:4] == ["kunci", "nilai", "mulai", "di_atas"]
    kunci = [ws.cell(r, 1).value for r in range(2, ws.max_row + 1)]
    assert {"nama", "pemda", "provinsi", "unit_kerja", *SKEMA_PILIHAN.kunci} <= set(kunci)
    assert kunci.count("kategori") >= 5
    lists = {str(dv.sqref): dv.formula1 for dv in ws.data_validations.dataValidation}
    pilihan = {ws.cell(int(sel[1:]), 1).value: f for sel, f in lists.items()}
    assert pilihan == {"rumus_turun": f'"{",".join(RUMUS_TURUN)}"', "metode_efisiensi": f'"{",".join(METODE_EFISIENSI)}"',
                       "batas_capaian": f'"{",".join(f"{b:g}" for b in BATAS_CAPAIAN)}"',
                       "batas_capaian_iku": f'"{",".join(f"{b:g}" for b in BATAS_CAPAIAN)}"',
                       "skala": f'"{",".join(SKALA_PRESET)}"', "bobot_ikm": "'daftar_pilihan'!$A$1:$A$2"}
    assert [wb["daftar_pilihan"].cell(i, 1).value for i in (1, 2)] == ["0,111", "rata"]
    ind = wb["indikator"]
    assert [c.value for c in ind[1]][:10] == ["kode", "tujuan", "sasaran_kode", "sasaran", "indikator", "satuan",
                                               "polaritas", "jenis", "skala", "formula"]
    ind_lists = [dv.formula1 for dv in ind.data_validations.dataValidation]
    assert f'"{",".join(POLARITAS)}"' in ind_lists and f'"{",".join(JENIS)}"' in ind_lists
    assert '"lppd,akip,opini_bpk"' in ind_lists
    # the source of an IKU's realisasi (#17), as the yearly template lets a unit with the column fill it
    assert "sumber" in [c.value for c in ind[1]] and "tahun_akhir" not in [c.value for c in ind[1]]
    assert any(f.startswith('"survei_ikm,lke,lke:Perencanaan Kinerja,') for f in ind_lists)
    # the survey and the LKE as the workbook of a year has them: same headers, same instructions
    from lakip.data.template import PETUNJUK_LUAR

    assert [c.value for c in wb["survei_ikm"][1]] == ["tahun", "responden", "layanan", *[f"u{i}" for i in range(1, 10)]]
    assert '"1,2,3,4"' in [dv.formula1 for dv in wb["survei_ikm"].data_validations.dataValidation]
    assert [c.value for c in wb["lke"][1]] == ["tahun", "komponen", "bobot", "nilai", "induk"]
    assert [[c.value for c in r] for r in wb["lke"].iter_rows(min_row=2, max_row=5)] == [
        ["2025", "Perencanaan Kinerja", "30", None, None], ["2025", "Pengukuran Kinerja", "30", None, None],
        ["2025", "Pelaporan Kinerja", "15", None, None], ["2025", "Evaluasi Akuntabilitas Kinerja Internal", "25", None, None]]
    assert "\n".join(PETUNJUK_LUAR.splitlines()) in "\n".join(c.value for c in wb["Petunjuk"]["A"] if c.value)
    assert wb["kinerja"]["B2"].value == "2025" and wb["kinerja"]["A2"].value is None
    assert f"lakip import isian.xlsx --data {data} --entity dinas-contoh" in "\n".join(c.value for c in wb["Petunjuk"]["A"] if c.value)
    assert not (data / SLUG).exists() and list(data.iterdir()) == []
    assert tulis_template(SLUG, 2025, tmp_path / "lagi" / "isian.xlsx", data).read_bytes() == path.read_bytes()


def _cek_unit(data, kategori):
    from lakip import analysis

    unit = muat(data, SLUG)
    assert unit.entitas["unit_kerja"] == "Bidang" and unit.entitas["nama"] == "Dinas Contoh Kabupaten Contoh"
    assert unit.tahun == [2025]
    t = analysis.tabel_capaian_iku(unit, 2025).set_index("kode")
    for kode, c in CAPAIAN.items():
        assert t.loc[kode, "capaian"] == pytest.approx(c, abs=1e-9)
    assert t["kategori"].to_dict() == kategori
    s = analysis.tabel_capaian_sasaran(unit, 2025).set_index("sasaran_kode")
    assert s.loc["SS-1", "capaian"] == pytest.approx(85.5) and s.loc["SS-2", "capaian"] == pytest.approx(60.0)
    return unit


def test_a_new_unit_round_trip_with_its_own_inclusive_scale(data, tmp_path):
    diisi = isi_buku(tulis_template(SLUG, 2025, tmp_path / "isian.xlsx", data))
    hasil = impor(diisi, SLUG, data)
    assert hasil.baru and hasil.tahun == 2025 and hasil.baris == {"indikator": 3, "kinerja": 3, "anggaran": 0,
                                                                   "anggaran_iku": 0, "laporan": 0}
    assert sorted(p.name for p in data.iterdir()) == [SLUG]  # no lock, no build folder left
    # the survey and LKE sheets left as written (the LKE's components without a nilai): no file for them
    assert not (data / SLUG / "survei_ikm.csv").exists() and not (data / SLUG / "lke.csv").exists()
    # 91 is Sangat Baik from 91 on (72,8 / 80 is a hair off 91 in binary); 80 Baik (76-90); 60 Kurang (51-65)
    unit = _cek_unit(data, {"IKU-1": "Sangat Baik", "IKU-2": "Baik", "IKU-3": "Kurang"})
    assert unit.pilihan.skala.inklusif and unit.pilihan.skala.batas == (91.0, 76.0, 66.0, 51.0)
    teks = (data / SLUG / "entitas.yml").read_text(encoding="utf-8")
    assert "unit_kerja: Bidang" in teks and "mulai: 91" in teks
    out = tmp_path / "out"
    res = bantu.lakip("run", "--data", str(data), "--entity", SLUG, "--out", str(out), "--tabel-saja")
    assert res.returncode == 0, res.stderr
    rows = {r["kode"]: r for r in bantu.read_csv(out / SLUG / "2025" / "tabel" / "capaian_iku.csv")}
    assert {k: (round(float(r["capaian"]), 9), r["kategori"]) for k, r in rows.items()} == {
        "IKU-1": (91.0, "Sangat Baik"), "IKU-2": (80.0, "Baik"), "IKU-3": (60.0, "Kurang")}
    # the unit now exists: the workbook that starts it is refused in one message (its rows are not a year's
    # rows of the unit, its entitas sheet would be ignored), with --replace too
    for ganti in (False, True):
        with pytest.raises(DataError) as e:
            impor(diisi, SLUG, data, ganti=ganti)
        assert [str(m) for m in e.value.masalah] == [
            f"{diisi.name}: buku kerja {diisi.name} berisi lembar entitas (untuk memulai unit baru), tetapi unit {SLUG} "
            "sudah ada di data dan entitas-nya tidak diganti lewat impor: untuk tahun berikutnya pakai buku kerja dari "
            f"'lakip template --entity {SLUG} --year TTTT'; untuk mengubah nama atau aturan unit, ubah entitas.yml di "
            "folder unit"]


def test_a_new_unit_with_a_preset_scale_saved_with_shared_strings(data, tmp_path):
    diisi = isi_buku(tulis_template(SLUG, 2025, tmp_path / "isian.xlsx", data), skala="tinggi_rendah",
                     entitas={"rumus_turun": "rasio"})
    bantu.teks_bersama(diisi, kaya={"tinggi_rendah", "Bidang"})  # as Excel or LibreOffice saves it
    impor(diisi, SLUG, data)
    unit = muat(data, SLUG)
    assert unit.pilihan.skala.nama == "tinggi_rendah" and unit.pilihan.rumus_turun == "rasio"
    from lakip import analysis

    t = analysis.tabel_capaian_iku(unit, 2025).set_index("kode")
    assert t.loc["IKU-2", "capaian"] == pytest.approx(10 / 12 * 100)  # rasio: target / realisasi
    assert t["kategori"].to_dict() == {"IKU-1": "Sangat Tinggi", "IKU-2": "Tinggi", "IKU-3": "Rendah"}


def test_an_invalid_workbook_lists_every_problem_and_writes_nothing(data, tmp_path):
    diisi = isi_buku(tulis_template(SLUG, 2025, tmp_path / "isian.xlsx", data),
                     entitas={"nama": "", "rumus_turun": "kurang", "batas_capaian": "110", "tidak_dikenal": "x"})
    wb = load_workbook(diisi)
    ws = wb["entitas"]
    r = baris_kunci(ws, "kategori")
    ws.cell(r + 1, 4).value = "75"  # Baik with di_atas beside Sangat Baik with mulai
    wb["indikator"]["G3"] = "menurun"
    wb["kinerja"]["D4"] = "6o"
    wb["kinerja"].cell(5, 1).value, wb["kinerja"].cell(5, 3).value = "IKU-9", "1"
    wb.save(diisi)
    sebelum = sidik(data)
    with pytest.raises(DataError) as e:
        impor(diisi, SLUG, data)
    pesan = [str(m) for m in e.value.masalah if m.tingkat == "galat"]
    assert sidik(data) == sebelum and list(data.iterdir()) == []
    assert "lembar entitas baris 2, kolom nilai: nama: wajib diisi" in pesan
    assert "lembar entitas baris 8, kolom nilai: rumus_turun: 'kurang' harus salah satu dari: selisih, rasio" in pesan
    assert any(p.startswith("lembar entitas baris 9, kolom nilai: batas_capaian:") for p in pesan)
    assert any("'tidak_dikenal' tidak dikenal" in p for p in pesan)
    assert any(p.startswith(f"lembar entitas baris {r + 1}, kolom di_atas:") and "tidak keduanya" in p for p in pesan), pesan
    assert "lembar indikator baris 3, kolom polaritas: 'menurun' harus salah satu dari: naik, turun" in pesan
    assert any(p.startswith("lembar kinerja baris 4, kolom realisasi: '6o'") for p in pesan), pesan
    assert any(p.startswith("lembar kinerja baris 5, kolom kode: 'IKU-9' tidak ada") for p in pesan), pesan
    res = bantu.lakip("import", str(diisi), "--data", str(data), "--entity", SLUG)
    assert res.returncode == 2 and "Traceback" not in res.stderr and "lembar entitas baris 2" in res.stderr
    assert list(data.iterdir()) == []


@pytest.mark.parametrize("baris, kolom, isi, pesan", [
    # the row and cell the user sees in Excel, not the first row of the scale (#16: they were one row above)
    (1, "di_atas", "75", "lembar entitas baris {r1}, kolom di_atas: skala: satu skala memakai 'mulai'"),
    (2, "mulai", "95", "lembar entitas baris {r2}, kolom mulai: skala: batas 'mulai' harus menurun"),
    (4, "mulai", "10", "lembar entitas baris {r4}, kolom mulai: skala: kategori terendah tidak memakai 'mulai'"),
    (3, "nilai", "Baik", "lembar entitas baris {r3}, kolom nilai: skala: nama kategori tidak boleh berulang"),
])
def test_a_scale_error_names_the_row_of_its_cell(data, tmp_path, baris, kolom, isi, pesan):
    rows = {}

    def ubah(wb):
        ws = wb["entitas"]
        r = baris_kunci(ws, "kategori")
        rows.update({f"r{i}": r + i for i in range(5)})
        ws.cell(r + baris, ("kunci", "nilai", "mulai", "di_atas").index(kolom) + 1).value = isi

    diisi = isi_buku(tulis_template(SLUG, 2025, tmp_path / "isian.xlsx", data), ubah=ubah)
    with pytest.raises(DataError) as e:
        impor(diisi, SLUG, data)
    galat = [str(m) for m in e.value.masalah if m.tingkat == "galat"]
    assert len(galat) == 1 and galat[0].startswith(pesan.format(**rows)), galat
    ws = load_workbook(diisi)["entitas"]  # that row holds the class the message is about
    assert ws.cell(int(galat[0].split()[3].rstrip(",")), 1).value == "kategori"


def test_a_new_unit_from_a_folder_of_files(data, tmp_path):
    src = tmp_path / "berkas"
    src.mkdir()
    (src / "entitas.yml").write_text("nama: Kecamatan Contoh\nunit_kerja: Seksi\npilihan:\n  skala: baik_kurang\n",
                                     encoding="utf-8")
    (src / "indikator.csv").write_text(
        "kode,tujuan,sasaran_kode,sasaran,indikator,satuan,polaritas,jenis,skala,formula\n"
        + "".join(f"{k},,{ss},{s},{n},{u},{p},{j},,\n" for k, ss, s, n, u, p, j, _, _ in IKU), encoding="utf-8")
    (src / "kinerja.csv").write_text("kode,tahun,target,realisasi\n" + "".join(
        f'{k},{th},{t},"{r}"\n' for th in (2024, 2025) for k, *_, t, r in IKU), encoding="utf-8")
    with pytest.raises(DataError) as e:  # a problem: nothing written
        bad = tmp_path / "buruk"
        shutil.copytree(src, bad)
        (bad / "kinerja.csv").write_text((src / "kinerja.csv").read_text(encoding="utf-8").replace("72,8", "72,8,1"),
                                         encoding="utf-8")
        impor(bad, SLUG, data)
    assert [str(m) for m in e.value.masalah][0].startswith("kinerja.csv baris 2, kolom realisasi: '72,8,1'")
    assert list(data.iterdir()) == []
    hasil = impor(src, SLUG, data)
    assert hasil.baru and hasil.tahun == 2025 and hasil.baris["kinerja"] == 6
    unit = muat(data, SLUG)
    assert unit.tahun == [2024, 2025] and unit.entitas["unit_kerja"] == "Seksi"
    assert (data / SLUG / "laporan.csv").read_text(encoding="utf-8") == "tahun,tabel,kunci,nilai\n"
    with pytest.raises(DataError, match="folder berkas berisi entitas.yml .untuk memulai unit baru., tetapi unit"):
        impor(src, SLUG, data)  # the unit exists now
    from lakip import analysis

    # baik_kurang: Sangat Baik from 91, Baik 76-90, Kurang 51-65
    assert analysis.tabel_capaian_iku(unit, 2025).set_index("kode")["kategori"].to_dict() == {
        "IKU-1": "Sangat Baik", "IKU-2": "Baik", "IKU-3": "Kurang"}


def test_a_folder_without_entitas_yml_and_a_bad_slug(data, tmp_path):
    src = tmp_path / "berkas"
    src.mkdir()
    (src / "kinerja.csv").write_text("kode,tahun,target,realisasi\n", encoding="utf-8")
    with pytest.raises(PilihanError, match="entitas.yml"):
        impor(src, SLUG, data)
    with pytest.raises(PilihanError, match="bukan nama unit"):
        impor(src, "../luar", data)
    with pytest.raises(PilihanError, match="bukan nama unit"):
        tulis_template("../luar", 2025, tmp_path / "x.xlsx", data)
    assert list(data.iterdir()) == []


# ------------------------------------------------------------------------- the survey and the LKE of a new unit (#17)

#: Four respondents of two services; R4 answers u1 with 2. NRR u1 = (4 + 3 + 4 + 2) / 4 = 3,25, every other unsur
#: (4 + 3 + 4 + 3) / 4 = 3,5: the NRR sum is 31,25, IKM = 31,25 x 0,111 x 25 = 86,71875 (mutu B), under rata
#: 31,25 / 9 x 25 = 86,8055...
SURVEI = [["2025", "R1", "Perizinan", *["4"] * 9], ["2025", "R2", "Perizinan", *["3"] * 9],
          ["2025", "R3", "Pengaduan", *["4"] * 9], ["2025", "R4", "Pengaduan", "2", *["3"] * 8]]
#: 27,5 + 25 + 12,5 + 20 = 85: predikat A (> 80-90)
LKE = [["2025", "Perencanaan Kinerja", "30", "27,5"], ["2025", "Pengukuran Kinerja", "30", "25"],
       ["2025", "Pelaporan Kinerja", "15", "12,5"], ["2025", "Evaluasi Akuntabilitas Kinerja Internal", "25", "20"]]


def _isi_luar(survei=SURVEI, lke=LKE):
    """IKU-1 takes the IKM (its realisasi left empty), a fourth IKU the nilai AKIP, and the sheets are filled."""
    def ubah(wb):
        ind, kin = wb["indikator"], wb["kinerja"]
        kolom = [c.value for c in ind[1]]
        ind.cell(2, kolom.index("sumber") + 1).value = "survei_ikm"
        kin.cell(2, 4).value = None
        for k, v in zip(("kode", "sasaran_kode", "sasaran", "indikator", "satuan", "polaritas", "jenis", "sumber"),
                        ("IKU-4", "SS-2", "Meningkatnya cakupan program", "Nilai AKIP", "Nilai", "naik", "angka", "lke")):
            ind.cell(5, kolom.index(k) + 1).value = v
        kin.cell(5, 1).value, kin.cell(5, 3).value = "IKU-4", "80"
        for nama, rows in (("survei_ikm", survei), ("lke", lke)):
            for i, row in enumerate(rows, start=2):
                for j, v in enumerate(row, start=1):
                    wb[nama].cell(i, j).value = v
    return ubah


def test_a_new_unit_takes_its_survey_and_lke_sheets(data, tmp_path):
    diisi = isi_buku(tulis_template(SLUG, 2025, tmp_path / "isian.xlsx", data), ubah=_isi_luar())
    hasil = impor(diisi, SLUG, data)
    assert hasil.baris["survei_ikm"] == 4 and hasil.baris["lke"] == 4 and hasil.baris["kinerja"] == 4
    folder = data / SLUG
    assert (folder / "survei_ikm.csv").read_text(encoding="utf-8").splitlines() == [
        "tahun,responden,u1,u2,u3,u4,u5,u6,u7,u8,u9,layanan", "2025,R1,4,4,4,4,4,4,4,4,4,Perizinan",
        "2025,R2,3,3,3,3,3,3,3,3,3,Perizinan", "2025,R3,4,4,4,4,4,4,4,4,4,Pengaduan",
        "2025,R4,2,3,3,3,3,3,3,3,3,Pengaduan"]
    assert (folder / "lke.csv").read_text(encoding="utf-8").splitlines() == [
        "tahun,komponen,bobot,nilai", "2025,Perencanaan Kinerja,30,\"27,5\"", "2025,Pengukuran Kinerja,30,25",
        "2025,Pelaporan Kinerja,15,\"12,5\"", "2025,Evaluasi Akuntabilitas Kinerja Internal,25,20"]
    assert bantu.read_csv(folder / "indikator.csv")[0]["sumber"] == "survei_ikm"
    from lakip import analysis

    unit = muat(data, SLUG)
    a = analysis.analisis(unit, 2025)
    assert a.ikm["ikm"].iloc[0] == pytest.approx(86.71875) and a.ikm["mutu_ikm"].iloc[0] == "B"
    assert a.nilai_akip.set_index("tahun").loc[2025, "predikat"] == "A"
    t = analysis.tabel_capaian_iku(unit, 2025).set_index("kode")
    # IKU-1: the IKM rounded to 2 decimals, 86,72 / 80 = 108,4 %; IKU-4: 85 / 80 = 106,25 %
    assert t.loc["IKU-1", "realisasi"] == pytest.approx(86.72) and t.loc["IKU-1", "capaian"] == pytest.approx(108.4)
    assert t.loc["IKU-4", "capaian"] == pytest.approx(106.25)
    out = tmp_path / "out"
    res = bantu.lakip("run", "--data", str(data), "--entity", SLUG, "--out", str(out), "--tabel-saja")
    assert res.returncode == 0, res.stderr
    tabel = out / SLUG / "2025" / "tabel"
    ikm = bantu.read_csv(tabel / "ikm.csv")
    assert [r["unsur"] for r in ikm] == [f"u{i}" for i in range(1, 10)] and float(ikm[0]["nrr"]) == 3.25
    assert float(ikm[0]["ikm"]) == pytest.approx(86.71875) and ikm[0]["mutu_ikm"] == "B"
    akip = bantu.read_csv(tabel / "akip.csv")
    assert (akip[-1]["komponen"], float(akip[-1]["nilai"]), akip[-1]["predikat"]) == ("Nilai AKIP", 85.0, "A")
    assert {r["layanan"] for r in bantu.read_csv(tabel / "ikm_layanan.csv")} == {"Perizinan", "Pengaduan"}


def test_the_survey_and_lke_sheets_of_a_new_unit_are_checked_where_written(data, tmp_path):
    survei = [*SURVEI[:2], ["2025", "R3", "Pengaduan", "4", "4", "5", *["4"] * 6], SURVEI[1]]
    lke = [LKE[0], ["2025", "Pengukuran Kinerja", "30", "31"], *LKE[2:]]
    diisi = isi_buku(tulis_template(SLUG, 2025, tmp_path / "isian.xlsx", data), ubah=_isi_luar(survei, lke))
    with pytest.raises(DataError) as e:
        impor(diisi, SLUG, data)
    pesan = [str(m) for m in e.value.masalah if m.tingkat == "galat"]
    assert "lembar survei_ikm baris 4, kolom u3: '5' jawaban harus bilangan bulat 1 sampai 4" in pesan, pesan
    assert any(p.startswith("lembar survei_ikm baris 5: baris ganda (tahun 2025, responden R2), sama dengan baris 3")
               for p in pesan), pesan
    assert "lembar lke baris 3, kolom nilai: nilai 31,00 melebihi bobot 30,00" in pesan, pesan
    assert list(data.iterdir()) == []
    # sumber naming a file the unit does not bring: at its cell of the indikator sheet
    diisi = isi_buku(tulis_template(SLUG, 2025, tmp_path / "dua.xlsx", data), ubah=_isi_luar(survei=[]))
    with pytest.raises(DataError) as e:
        impor(diisi, SLUG, data)
    assert [str(m) for m in e.value.masalah if m.tingkat == "galat"] == [
        "lembar indikator baris 2, kolom sumber: sumber survei_ikm, tetapi unit ini tidak punya survei_ikm.csv"]
