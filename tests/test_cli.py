"""The ``lakip`` command end to end: tables, defaults, errors, determinism.

These runs use ``--tabel-saja`` (tables only); tests/test_notebooks.py runs
the notebooks and charts."""

import csv
import filecmp
import json
import shutil
import subprocess
import sys

import pytest

from lakip.core.paths import DATA_DIR
from bantu import lakip, read_csv

TABEL = {
    "capaian_iku.csv": ["kode", "sasaran_kode", "indikator", "satuan", "polaritas", "target", "realisasi", "capaian", "kategori"],
    "capaian_sasaran.csv": ["sasaran_kode", "sasaran", "jumlah_iku", "capaian", "kategori"],
    "perbandingan.csv": ["kode", "tahun", "target", "realisasi", "capaian", "kategori", "perubahan_pp"],
    "anggaran.csv": ["kode", "induk", "tingkat", "uraian", "pagu", "realisasi", "serapan"],
    "efisiensi.csv": ["kode", "capaian_kinerja", "capaian_anggaran", "metode", "nilai", "status"],
}


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    results = {year: lakip("run", "--tabel-saja", "--year", str(year), "--out", str(out)) for year in (2022, 2023, 2024)}
    return out, results


@pytest.mark.parametrize("year", [2022, 2023, 2024])
def test_run_writes_every_promised_table_for_every_year(runs, year):
    out, results = runs
    res = results[year]
    assert res.returncode == 0, res.stderr
    tabel = out / "setda-batubara" / str(year) / "tabel"
    assert res.stdout.strip() == f"Selesai: {tabel.parent}"
    for name, columns in TABEL.items():
        with open(tabel / name, encoding="utf-8", newline="") as f:
            header = next(csv.reader(f))
        assert header[: len(columns)] == columns, name
        rows = read_csv(tabel / name)
        # the seed has budget figures for 2024 only
        assert len(rows) == {"capaian_sasaran.csv": 6, "perbandingan.csv": 7 * (year - 2021),
                             "anggaran.csv": 83 if year == 2024 else 0}.get(name, 7), name
    iku = read_csv(tabel / "capaian_iku.csv")
    assert [r["kode"] for r in iku] == [f"IKU-{i}" for i in range(1, 8)]
    for r in iku:
        if r["capaian"]:
            float(r["capaian"])  # dot decimal, machine-readable
    summary = json.loads((tabel / "ringkasan.json").read_text(encoding="utf-8"))
    assert summary["tahun"] == year and summary["jumlah"]["iku"] == 7
    perb = read_csv(tabel / "perbandingan.csv")
    assert {int(r["tahun"]) for r in perb} == set(range(2022, year + 1))


def test_values_in_the_tables(runs):
    out, _ = runs
    iku = {r["kode"]: r for r in read_csv(out / "setda-batubara" / "2024" / "tabel" / "capaian_iku.csv")}
    assert iku["IKU-1"]["capaian"] == "" and iku["IKU-1"]["kategori"] == "" and iku["IKU-1"]["realisasi"] == ""
    assert iku["IKU-1"]["status"] == "belum dapat diukur"
    assert float(iku["IKU-3"]["capaian"]) == 9.92 * 100 / 9.7
    assert iku["IKU-7"]["kategori"] == "Tinggi"
    y2023 = {r["kode"]: r for r in read_csv(out / "setda-batubara" / "2023" / "tabel" / "capaian_iku.csv")}
    assert y2023["IKU-1"]["realisasi"] == "Sedang" and y2023["IKU-1"]["kategori"] == "Sedang"


def test_default_year_is_the_latest_with_realisasi_and_output_is_byte_identical(runs, tmp_path):
    out, _ = runs
    res = lakip("run", "--tabel-saja", "--out", str(tmp_path), "--entity", "setda-batubara", cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    cmp = filecmp.dircmp(out / "setda-batubara" / "2024", tmp_path / "setda-batubara" / "2024")
    first, second = out / "setda-batubara" / "2024" / "tabel", tmp_path / "setda-batubara" / "2024" / "tabel"
    names = sorted(p.name for p in first.iterdir())
    assert names == sorted(p.name for p in second.iterdir())
    for name in names:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name
    assert not cmp.left_only and not cmp.right_only


def test_bad_data_exits_2_without_traceback_and_keeps_earlier_output(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR / "setda-batubara", data / "setda-batubara")
    out = tmp_path / "out"
    assert lakip("run", "--tabel-saja", "--data", str(data), "--out", str(out)).returncode == 0
    before = {p: p.read_bytes() for p in (out / "setda-batubara" / "2024").rglob("*") if p.is_file()}
    kin = data / "setda-batubara" / "kinerja.csv"
    kin.write_text(kin.read_text(encoding="utf-8").replace('"85,83"', '"85,8,3"'), encoding="utf-8")
    res = lakip("run", "--tabel-saja", "--data", str(data), "--out", str(out))
    assert res.returncode == 2
    assert "Traceback" not in res.stderr
    assert res.stderr.splitlines() == [
        "Data tidak dapat dipakai: 1 masalah ditemukan.",
        "  - kinerja.csv baris 7, kolom realisasi: '85,8,3' bukan angka: pengelompokan ribuan dengan ',' tidak sah",
    ]
    after = {p: p.read_bytes() for p in (out / "setda-batubara" / "2024").rglob("*") if p.is_file()}
    assert after == before
    assert sorted(p.name for p in (out / "setda-batubara").iterdir()) == ["2024"]


def test_a_step_that_fails_leaves_no_half_written_folder(tmp_path):
    from lakip.run import jalankan

    out = tmp_path / "out"
    jalankan(out=out, notebook=False)
    before = sorted(p.relative_to(out) for p in out.rglob("*"))

    def broken(unit, tahun, folder):
        (folder / "setengah.txt").write_text("x")
        raise RuntimeError("gagal")

    with pytest.raises(RuntimeError):
        jalankan(out=out, langkah=[broken], notebook=False)
    assert sorted(p.relative_to(out) for p in out.rglob("*")) == before


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["run", "--year", "2030"], "Galat: tahun 2030 tidak ada di data setda-batubara (tahun yang ada: 2022, 2023, 2024)"),
        (["run", "--year", "24"], "lakip run: galat: --year: '24' bukan tahun (tulis 4 angka, mis. 2024)"),
        (["run", "--entity", "kota-x"], "Galat: folder unit 'kota-x' tidak ada (unit yang ada: setda-batubara)"),
        (["run", "--entity", "../data"], "Galat: '../data' bukan nama unit"),
        (["run", "--data", "/tidak/ada"], "Galat: folder data '/tidak/ada' tidak ada"),
        (["run", "--out", "/dev/null/x"], "Galat: tidak dapat menulis atau membaca /dev/null/x/setda-batubara: sebagian jalurnya adalah berkas, bukan folder"),
        (["run", "--tahun", "2024"], "lakip: galat: argumen tidak dikenal: --tahun 2024"),
    ],
)
def test_user_mistakes_get_a_clear_message_and_exit_2(args, message, tmp_path):
    res = lakip(*args, "--out", str(tmp_path)) if "--out" not in args else lakip(*args)
    assert res.returncode == 2
    assert message in res.stderr
    assert "Traceback" not in res.stderr
    assert not any(tmp_path.iterdir())


def test_with_several_units_one_is_named_never_picked(tmp_path):
    data = tmp_path / "data"
    for slug in ("bappeda-x", "setda-batubara"):
        shutil.copytree(DATA_DIR / "setda-batubara", data / slug)
    for perintah in ("run", "periksa"):
        res = lakip(perintah, "--data", str(data), *(["--out", str(tmp_path / "out")] if perintah == "run" else []))
        assert res.returncode == 2 and "Traceback" not in res.stderr
        assert (f"Galat: folder data '{data}' berisi 2 unit (bappeda-x, setda-batubara): sebutkan satu dengan "
                "--entity SLUG (lakip run --all menjalankan semuanya)") in res.stderr
    assert not (tmp_path / "out").exists()
    res = lakip("periksa", "--data", str(data), "--entity", "setda-batubara")
    assert res.returncode == 0 and "Data setda-batubara dapat dipakai" in res.stdout


def test_errors_then_warnings_each_under_its_own_count(tmp_path):
    folder = tmp_path / "data" / "setda-batubara"
    shutil.copytree(DATA_DIR / "setda-batubara", folder)
    kin = folder / "kinerja.csv"
    kin.write_text(kin.read_text(encoding="utf-8").replace('IKU-2,2024,100,"85,83"', 'IKU-2,2024,100,"85,8,3"'), encoding="utf-8")
    ang = folder / "anggaran.csv"
    lines = ang.read_text(encoding="utf-8").splitlines(keepends=True)
    i = next(i for i, ln in enumerate(lines) if ln.startswith("2024,P1,,program,"))
    cells = lines[i].rstrip("\n").split(",")
    lines[i] = ",".join(cells[:-2] + ["1.000", "2.000"]) + "\n"  # realisasi above pagu: a warning
    ang.write_text("".join(lines), encoding="utf-8")
    res = lakip("periksa", "--data", str(tmp_path / "data"))
    assert res.returncode == 2 and "Traceback" not in res.stderr
    err = res.stderr.splitlines()
    assert err[0] == "Data tidak dapat dipakai: 1 masalah ditemukan."
    assert err[1].startswith("  - kinerja.csv baris 7, kolom realisasi: '85,8,3'")
    assert err[2] == "Selain itu 1 peringatan (tidak menghentikan proses):"
    assert err[3].startswith(f"  - anggaran.csv baris {i + 1}") and "peringatan:" in err[3]


def test_a_killed_run_leaves_nothing_half_written(tmp_path):
    import signal
    import time

    out = tmp_path / "out"
    proc = subprocess.Popen([sys.executable, "-m", "lakip", "run", "--out", str(out)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.time() + 60
    while time.time() < deadline and not (out / "setda-batubara").is_dir():
        time.sleep(0.05)
    time.sleep(0.5)  # into the notebooks
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 130
    assert "Dibatalkan" in err and "Traceback" not in err
    assert not out.exists()  # the folders it made are removed: nothing of the run is left


def test_two_runs_writing_the_same_folder_take_turns(tmp_path):
    """Each run swaps in a whole folder; the second waits for the first (it used to remove the
    first's temporary folder, and both failed), and no lock or temporary file is left."""
    import threading
    import time

    from lakip.app.files import folder_sementara

    target = tmp_path / "unit" / "2024"
    inside, errors = [], []

    def write(name):
        try:
            with folder_sementara(target) as tmp:
                inside.append(name)
                assert len(inside) == 1, "two writers at once"
                (tmp / "siapa.txt").write_text(name)
                time.sleep(0.3)
                inside.remove(name)
        except BaseException as e:  # noqa: BLE001 - reported below
            errors.append(e)

    threads = [threading.Thread(target=write, args=(f"penulis-{i}",)) for i in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert (target / "siapa.txt").read_text().startswith("penulis-")
    assert sorted(p.name for p in target.parent.iterdir()) == ["2024"]


def test_a_run_waiting_for_one_that_fails_on_a_new_folder_takes_its_turn(tmp_path):
    """The failing first run removes the folders it made; the waiting one makes them again."""
    import threading
    import time

    from lakip.app.files import folder_sementara

    for i in range(20):
        target = tmp_path / f"out{i}" / "unit" / "2024"
        masuk, hasil = threading.Event(), []

        def gagal():
            try:
                with folder_sementara(target):
                    masuk.set()
                    time.sleep(0.05)
                    raise RuntimeError("gagal")
            except RuntimeError:
                pass

        def tunggu():
            masuk.wait()
            try:
                with folder_sementara(target) as tmp:
                    (tmp / "x.txt").write_text("b")
                hasil.append("ok")
            except BaseException as e:  # noqa: BLE001 - reported below
                hasil.append(repr(e))

        threads = [threading.Thread(target=gagal), threading.Thread(target=tunggu)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert hasil == ["ok"]
        assert (target / "x.txt").read_text() == "b"
        assert sorted(p.name for p in target.parent.iterdir()) == ["2024"]


def test_two_commands_writing_the_same_folders_both_succeed(tmp_path):
    procs = [subprocess.Popen([sys.executable, "-m", "lakip", "run", "--tabel-saja", "--out", str(tmp_path)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    results = [(p.wait(timeout=120), *p.communicate()) for p in procs]
    assert [r[0] for r in results] == [0, 0], results
    assert sorted(p.name for p in (tmp_path / "setda-batubara").iterdir()) == ["2024"]
    assert sorted(p.name for p in (tmp_path / "setda-batubara" / "2024").iterdir()) == ["tabel"]


def test_a_reader_that_goes_away_ends_the_command_quietly(tmp_path):
    """``lakip skenario ... | head``: the files are written; no "Galat: Broken pipe" and exit 2 (as a
    process that SIGPIPE ended, 141). ``true`` reads nothing and is gone before lakip prints."""
    proc = subprocess.run(["bash", "-o", "pipefail", "-c",
                           f"{sys.executable} -m lakip skenario --ubah IKU-7:realisasi=80 --out {tmp_path} | true"],
                          capture_output=True, text=True, timeout=120)
    assert (proc.returncode, proc.stderr) == (141, "")
    assert (tmp_path / "setda-batubara" / "2024" / "skenario" / "ringkasan.json").is_file()


@pytest.mark.parametrize("isi", ["perubahan:\n  - {kolom: realisasi, kode: IKU-7, nilai: \"80\"}  # é\n"])
def test_a_scenario_file_in_another_encoding(tmp_path, isi):
    """UTF-16 with its BOM (Notepad's "Unicode") is read; Latin-1 is refused with a message, not a traceback."""
    (tmp_path / "u16.yml").write_bytes(isi.encode("utf-16"))
    (tmp_path / "latin.yml").write_bytes(isi.encode("latin-1"))
    ok = lakip("skenario", "--file", str(tmp_path / "u16.yml"), "--out", str(tmp_path / "out"))
    assert ok.returncode == 0, ok.stderr
    assert "IKU-7 realisasi: 66,35 → 80" in ok.stdout
    bad = lakip("skenario", "--file", str(tmp_path / "latin.yml"), "--out", str(tmp_path / "out2"))
    assert bad.returncode == 2 and "Traceback" not in bad.stderr
    assert ("Galat: latin.yml: berkas tidak dapat dibaca sebagai teks UTF-8 (atau UTF-16 dengan BOM); "
            "simpan ulang dengan pengodean UTF-8") in bad.stderr
    assert not (tmp_path / "out2").exists()


def test_output_folders_follow_the_umask(tmp_path):
    res = lakip("run", "--tabel-saja", "--out", str(tmp_path))
    assert res.returncode == 0
    mode = (tmp_path / "setda-batubara" / "2024").stat().st_mode & 0o777
    assert mode == 0o777 & ~_umask()


def _umask():
    import os

    m = os.umask(0)
    os.umask(m)
    return m


def test_periksa_validates_without_writing():
    res = lakip("periksa")
    assert res.returncode == 0, res.stderr
    assert res.stdout.splitlines() == [
        "Data setda-batubara dapat dipakai: 7 IKU, tahun 2022, 2023, 2024.",
        "Tanpa --year, lakip run menganalisis tahun 2024 (tahun terakhir yang ada realisasinya).",
        "Realisasi kosong atau N/A, dihitung belum dapat diukur (periksa bila belum diisi):",
        "  2022: IKU-1 Nilai LPPD",
        "  2024: IKU-1 Nilai LPPD",
    ]


def _realisasi_na(unit_dir, tahun=None):
    """Every realisasi of ``tahun`` (of every year when None) made N/A."""
    path = unit_dir / "kinerja.csv"
    rows = list(csv.reader(path.open(encoding="utf-8", newline="")))
    i, t = rows[0].index("realisasi"), rows[0].index("tahun")
    for r in rows[1:]:
        if tahun is None or r[t] == str(tahun):
            r[i] = "N/A"
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows(rows)


def test_default_year_periksa_and_run_agree(tmp_path):
    """The latest year with a measured realisasi (a year of N/A only is passed over, as periksa says);
    with none measured at all, the latest year of kinerja.csv, with a line saying so: never a stop."""
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR / "setda-batubara", data / "setda-batubara")
    _realisasi_na(data / "setda-batubara", 2024)
    res = lakip("periksa", "--data", str(data))
    assert res.returncode == 0 and res.stdout.splitlines()[1] == (
        "Tanpa --year, lakip run menganalisis tahun 2023 (tahun terakhir yang ada realisasinya).")
    res = lakip("run", "--data", str(data), "--out", str(tmp_path / "o"), "--tabel-saja")
    assert res.returncode == 0 and res.stdout.strip() == f"Selesai: {tmp_path / 'o' / 'setda-batubara' / '2023'}"
    _realisasi_na(data / "setda-batubara")
    kalimat = ("Belum ada realisasi terukur pada tahun mana pun: dipakai tahun terakhir di kinerja.csv, 2024 "
               "(pilih tahun lain dengan --year).")
    res = lakip("periksa", "--data", str(data))
    assert res.returncode == 0 and res.stdout.splitlines()[1] == kalimat
    res = lakip("run", "--data", str(data), "--out", str(tmp_path / "o"), "--tabel-saja")
    assert res.returncode == 0, res.stderr
    assert kalimat in res.stderr and res.stdout.strip() == f"Selesai: {tmp_path / 'o' / 'setda-batubara' / '2024'}"
    ring = json.loads((tmp_path / "o" / "setda-batubara" / "2024" / "tabel" / "ringkasan.json").read_text(encoding="utf-8"))
    assert ring["tahun"] == 2024


def test_ctrl_c_while_the_options_are_read_exits_130_quietly(monkeypatch, capsys):
    """An interruption while argparse reads the options (a type check imports lakip's modules) is no traceback."""
    from lakip.app import cli

    def sela(teks):
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "_tahun", sela)
    assert cli.main(["run", "--year", "2024"]) == 130
    err = capsys.readouterr().err
    assert err == "Dibatalkan.\n"
