"""``lakip import`` never loses data: the unit's lock, the swap of its folder, recovery after an interruption.

An interruption is injected at each step of an import (each rename, exchange,
copy and removal), with the exchange of ``renameat2`` and with the fallback of
two renames; whatever the step, the unit's folder holds either the old data
or the new, byte for byte, and the next holder of the lock leaves nothing
behind. Real processes too: two imports at once, and Ctrl-C at random moments.
"""

import os
import random
import shutil
import signal
import subprocess
import sys
import time

import pytest
from openpyxl import load_workbook

import bantu
from lakip.app.isian import tulis_template
from lakip.core.paths import DATA_DIR
from lakip.data import kunci as kunci_mod
from lakip.data.importer import impor
from lakip.data.kunci import kunci_unit, pulihkan
from lakip.data.load import muat

UNIT = "setda-batubara"
ISI = {"IKU-1": ("Tinggi", "Sangat Tinggi"), "IKU-2": ("100", "90,5"), "IKU-3": ("9,8", "9,9"), "IKU-4": ("74", "75,1"),
       "IKU-5": ("9/9", "9/9"), "IKU-6": ("87", "88,02"), "IKU-7": ("88", "80")}


def sidik(folder):
    """Every file of a folder, by relative path, with its bytes."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def sisa(root):
    """What an import or its lock may leave beside the unit."""
    return sorted(p.name for p in root.iterdir() if p.name.startswith("."))


def isian(data, tahun, path):
    """The template of ``tahun`` filled in (kinerja and anggaran_iku), saved to ``path``."""
    tulis_template(UNIT, tahun, path, data)
    wb = load_workbook(path)
    ws = wb["kinerja"]
    for r in range(2, ws.max_row + 1):
        kode = ws.cell(r, 1).value
        if kode in ISI:
            ws.cell(r, 3).value, ws.cell(r, 4).value = ISI[kode]
    ws = wb["anggaran_iku"]
    for i in range(2, 9):
        ws.cell(i, 3).value, ws.cell(i, 4).value = "1.000.000", 900000.0
    wb.save(path)
    return path


@pytest.fixture(scope="module")
def bahan(tmp_path_factory):
    """The unit's data before (``lama``) and after (``baru``) importing the 2025 workbook, and that workbook."""
    root = tmp_path_factory.mktemp("bahan")
    shutil.copytree(DATA_DIR / UNIT, root / "data" / UNIT)
    wb = isian(root / "data", 2025, root / "isian-2025.xlsx")
    lama = sidik(root / "data" / UNIT)
    impor(wb, UNIT, root / "data")
    baru = sidik(root / "data" / UNIT)
    assert lama != baru and sisa(root / "data") == []
    return {"lama": lama, "baru": baru, "isian": wb}


@pytest.fixture
def data(tmp_path):
    shutil.copytree(DATA_DIR / UNIT, tmp_path / "data" / UNIT)
    return tmp_path / "data"


class Sela:
    """Counts the steps of an import that touch the folders (``os.rename``, the exchange, ``shutil.copytree``,
    ``shutil.rmtree``) and raises KeyboardInterrupt at step ``k``: before it is done or just after it. With
    ``mati`` (a process killed there) every later step raises before it is done, cleanup included."""

    def __init__(self, monkeypatch, k=None, sesudah=False, mati=False):
        self.k, self.sesudah, self.mati, self.n, self.langkah = k, sesudah, mati, 0, []
        for mod, name in ((os, "rename"), (shutil, "rmtree"), (shutil, "copytree"), (kunci_mod, "tukar")):
            monkeypatch.setattr(mod, name, self._bungkus(name, getattr(mod, name)))

    def _bungkus(self, name, asli):
        def f(*a, **kw):
            self.n += 1
            self.langkah.append(name)
            if self.k is not None and (self.n == self.k or (self.mati and self.n > self.k)):
                if self.sesudah and self.n == self.k:
                    asli(*a, **kw)
                raise KeyboardInterrupt
            return asli(*a, **kw)
        return f


@pytest.mark.parametrize("tukar", [True, False], ids=["renameat2", "dua-rename"])
def test_an_interrupt_at_any_step_leaves_the_old_or_the_new_unit_and_the_next_import_recovers(
        bahan, data, monkeypatch, tukar):
    if not tukar:
        monkeypatch.setattr(kunci_mod, "_renameat2", lambda: None)
    elif kunci_mod._renameat2() is None:
        pytest.skip("renameat2 not available here")
    unit = data / UNIT
    with monkeypatch.context() as mp:  # the steps of an import that is not interrupted
        hitung = Sela(mp)
        impor(bahan["isian"], UNIT, data)
    assert sidik(unit) == bahan["baru"]
    assert hitung.langkah == (["copytree", "tukar", "rmtree"] if tukar else
                              ["copytree", "tukar", "rename", "rename", "rmtree", "rmtree"])
    dilihat = set()
    for k in range(1, hitung.n + 1):
        for sesudah in (False, True):
            for mati in (False, True):
                shutil.rmtree(data)
                shutil.copytree(DATA_DIR / UNIT, unit)
                with monkeypatch.context() as mp:
                    sela = Sela(mp, k, sesudah, mati)
                    with pytest.raises(KeyboardInterrupt):
                        impor(bahan["isian"], UNIT, data)
                kasus = (k, sesudah, mati, sela.langkah[k - 1])
                lama_di_samping = (data / f".{UNIT}.lama").is_dir()
                if tukar or not lama_di_samping:  # the unit is there, whole, at once
                    assert unit.is_dir(), kasus
                    isi = sidik(unit)
                    assert isi in (bahan["lama"], bahan["baru"]), kasus
                else:  # killed between the two renames: nothing lost, the old folder waits aside
                    assert not unit.exists() or sidik(unit) == bahan["baru"], kasus
                    isi = sidik(data / f".{UNIT}.lama")
                    assert isi == bahan["lama"], kasus
                dilihat.add("baru" if isi == bahan["baru"] and unit.is_dir() else "lama")
                # the next import recovers (the old folder put back, leftovers removed) and works
                hasil = impor(bahan["isian"], UNIT, data, ganti=True)
                assert hasil.tahun == 2025, kasus
                assert sidik(unit) == bahan["baru"], kasus
                assert sisa(data) == [], kasus
    assert dilihat == {"lama", "baru"}  # the steps before and after the swap were both reached


def test_a_run_recovers_a_unit_left_aside_by_a_killed_swap(bahan, data, tmp_path):
    """Killed between the two renames of the fallback: the unit is missing, its old folder beside it."""
    os.rename(data / UNIT, data / f".{UNIT}.lama")
    (data / f".{UNIT}.impor" / UNIT).mkdir(parents=True)
    res = bantu.lakip("run", "--data", str(data), "--year", "2024", "--out", str(tmp_path / "out"), "--tabel-saja")
    assert res.returncode == 0, res.stderr
    assert sidik(data / UNIT) == bahan["lama"] and sisa(data) == []


def test_recovery_removes_the_old_folder_of_a_completed_swap(bahan, data):
    """Killed after both renames of the fallback, before the old folder was removed."""
    shutil.copytree(data / UNIT, data / f".{UNIT}.lama")
    (data / UNIT / "kinerja.csv").write_bytes(bahan["baru"]["kinerja.csv"])
    pulihkan(data / UNIT)
    assert sisa(data) == [] and sidik(data / UNIT)["kinerja.csv"] == bahan["baru"]["kinerja.csv"]


def test_an_import_waits_for_the_lock_a_run_or_import_holds(bahan, data):
    """The unit's lock held here (as a run loading the unit holds it): the import waits, saying so, then merges."""
    with kunci_unit(data, UNIT):
        proc = subprocess.Popen([sys.executable, "-m", "lakip", "import", str(bahan["isian"]), "--entity", UNIT,
                                 "--data", str(data)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        time.sleep(6)
        assert proc.poll() is None  # still waiting
        assert sidik(data / UNIT) == bahan["lama"]
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    assert f"Menunggu proses lakip lain yang sedang memakai data unit {UNIT} ..." in err
    assert sidik(data / UNIT) == bahan["baru"] and sisa(data) == []


def _coba(data, bersama):
    """Whether the unit's lock of that kind can be taken within a second, from another thread."""
    import threading

    hasil = []

    def ambil():
        with kunci_unit(data, UNIT, bersama=bersama):
            hasil.append(True)

    t = threading.Thread(target=ambil, daemon=True)
    t.start()
    t.join(1.0)
    return bool(hasil)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="flock: POSIX only")
def test_runs_share_the_units_lock_and_an_import_waits_for_every_run(data, capsys):
    with kunci_unit(data, UNIT, bersama=True):  # a run, from loading to its last notebook
        assert _coba(data, bersama=True)  # another run of the unit goes on beside it
        assert not _coba(data, bersama=False)  # an import waits ...
        with kunci_unit(data, UNIT, bersama=True):  # ... for every run, including one that started after it
            pass
    assert f"Menunggu proses lakip lain yang sedang memakai data unit {UNIT} ..." in capsys.readouterr().err
    time.sleep(0.3)  # the waiting import got the lock once the runs ended, and released it
    with kunci_unit(data, UNIT):  # an import
        assert not _coba(data, bersama=True)  # a run waits for it
    assert sisa(data) == []  # the last holder removed the lock file: the data folder is as it was


@pytest.mark.skipif(not hasattr(os, "fork"), reason="flock: POSIX only")
def test_a_process_forked_while_the_lock_is_held_does_not_keep_it(data):
    with kunci_unit(data, UNIT, bersama=True):
        with kunci_unit(data, UNIT, bersama=True):  # two runs: the first to end does not remove the file
            pid = os.fork()
            if pid == 0:  # a pool's worker, living on after the run
                time.sleep(3)
                os._exit(0)
    try:
        assert _coba(data, bersama=False)  # the import is not held up by the worker's copy
    finally:
        os.waitpid(pid, 0)
    assert sisa(data) == []


def test_an_import_waits_for_a_run_to_end_its_notebooks(bahan, data):
    """A run holds the unit from loading it to its last notebook (the notebooks re-read the files):
    an import that comes meanwhile waits, so the run's notebooks and tables see the same data."""
    with kunci_unit(data, UNIT, bersama=True):
        proc = subprocess.Popen([sys.executable, "-m", "lakip", "import", str(bahan["isian"]), "--entity", UNIT,
                                 "--data", str(data)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        time.sleep(6)
        assert proc.poll() is None and sidik(data / UNIT) == bahan["lama"]
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    assert sidik(data / UNIT) == bahan["baru"] and sisa(data) == []


def test_two_imports_at_once_into_one_unit_keep_both_years(data, tmp_path):
    books = [isian(data, y, tmp_path / f"isian-{y}.xlsx") for y in (2025, 2026)]
    procs = [subprocess.Popen([sys.executable, "-m", "lakip", "import", str(b), "--entity", UNIT, "--data", str(data)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for b in books]
    hasil = [p.communicate(timeout=300) + (p.returncode,) for p in procs]
    assert [r[2] for r in hasil] == [0, 0], hasil
    assert muat(data, UNIT).tahun == [2022, 2023, 2024, 2025, 2026]
    assert sisa(data) == []


def test_ctrl_c_of_a_real_import_at_random_moments_loses_nothing(bahan, data):
    rng = random.Random(15)
    unit = data / UNIT
    perintah = [sys.executable, "-m", "lakip", "import", str(bahan["isian"]), "--entity", UNIT, "--data", str(data)]
    t0 = time.monotonic()
    assert subprocess.run(perintah, capture_output=True).returncode == 0
    lama_impor = time.monotonic() - t0
    hasil = set()
    for _ in range(8):
        shutil.rmtree(data)
        shutil.copytree(DATA_DIR / UNIT, unit)
        proc = subprocess.Popen(perintah, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        time.sleep(rng.uniform(0.2, lama_impor * 1.1))
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=120)
        assert "Traceback" not in err, err
        # -SIGINT: ended by the signal while Python itself was starting, before lakip ran
        assert proc.returncode in (0, 130, -signal.SIGINT), (proc.returncode, err)
        assert unit.is_dir()
        # interrupted after the swap (while the old copy is removed), the import is done all the same
        assert sidik(unit) == bahan["baru"] if proc.returncode == 0 else sidik(unit) in (bahan["lama"], bahan["baru"])
        hasil.add(proc.returncode)
        with kunci_unit(data, UNIT):  # the next holder of the lock leaves nothing behind
            pass
        assert sisa(data) == []
    assert 130 in hasil  # at least one was interrupted in the middle


def excel_id(text):
    """A CSV text as Excel with an Indonesian locale saves it: ';' between columns, a BOM, CRLF line ends."""
    import csv
    import io

    out = io.StringIO()
    csv.writer(out, delimiter=";", lineterminator="\r\n").writerows(csv.reader(io.StringIO(text)))
    return b"\xef\xbb\xbf" + out.getvalue().encode("utf-8")


def test_a_folder_of_csv_saved_by_excel_in_indonesian_is_imported(data, tmp_path):
    src = tmp_path / "isian"
    src.mkdir()
    (src / "kinerja.csv").write_bytes(excel_id("kode,tahun,target,realisasi\n" + "".join(
        f'{k},2025,"{t}","{r}"\n' for k, (t, r) in ISI.items())))
    (src / "anggaran_iku.csv").write_bytes(excel_id("tahun,kode,pagu,realisasi\n" + "".join(
        f"2025,IKU-{i},1.000.000,900.000\n" for i in range(1, 8))))
    assert (src / "kinerja.csv").read_bytes().startswith(b"\xef\xbb\xbfkode;tahun;target;realisasi\r\nIKU-1;2025;")
    sebelum = (data / UNIT / "kinerja.csv").read_bytes()
    hasil = impor(src, UNIT, data)
    assert hasil.baris == {"kinerja": 7, "anggaran_iku": 7}
    kin = (data / UNIT / "kinerja.csv").read_bytes()
    assert kin.startswith(sebelum) and b"\r" not in kin and not kin.startswith(b"\xef\xbb\xbf")  # the unit's own format
    assert kin[len(sebelum):].decode().splitlines()[5:7] == ['IKU-6,2025,87,"88,02"', "IKU-7,2025,88,80"]
    k = muat(data, UNIT).kinerja.set_index(["kode", "tahun"])
    assert k.loc[("IKU-6", 2025), "realisasi_nilai"] == 88.02
    assert muat(data, UNIT).anggaran_iku.set_index(["kode", "tahun"]).loc[("IKU-3", 2025), "pagu"] == 1_000_000


def test_a_unit_saved_by_excel_in_indonesian_keeps_its_format_after_an_import(bahan, data):
    """The unit's own CSV files with ';', a BOM and CRLF (opened and saved in Excel) are written back so."""
    unit = data / UNIT
    for f in unit.glob("*.csv"):
        f.write_bytes(excel_id(f.read_text(encoding="utf-8")))
    sebelum = {f.name: f.read_bytes() for f in unit.glob("*.csv")}
    impor(bahan["isian"], UNIT, data)
    for name in ("kinerja.csv", "anggaran_iku.csv"):
        isi = (unit / name).read_bytes()
        assert isi.startswith(sebelum[name]) and len(isi) > len(sebelum[name]), name
        baru = isi[len(sebelum[name]):]
        assert baru.endswith(b"\r\n") and b"\n" not in baru.replace(b"\r\n", b"")
        lines = baru.decode().split("\r\n")[:-1]
        if name == "kinerja.csv":
            assert lines == [f"{k};2025;{t};{r}" for k, (t, r) in ISI.items()]
        else:
            assert lines == [f"2025;IKU-{i};1.000.000;900.000" for i in range(1, 8)]
    assert b"IKU-6;2025;87;88,02\r\n" in (unit / "kinerja.csv").read_bytes()
    assert (unit / "indikator.csv").read_bytes() == sebelum["indikator.csv"]
    unit_baru = muat(data, UNIT)
    assert unit_baru.tahun == [2022, 2023, 2024, 2025]
    assert unit_baru.kinerja.set_index(["kode", "tahun"]).loc[("IKU-6", 2025), "realisasi_nilai"] == 88.02


def baris_perintah(pid):
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            return f.read()
    except OSError:  # ended meanwhile
        return b""


def test_ctrl_c_of_a_run_leaves_no_kernel_file_behind(tmp_path, request):
    """Ctrl-C (SIGINT to the whole process group, as a terminal sends it) once the kernels have started:
    no connection file, no socket, no runtime file is left, and no kernel runs on."""
    import pathlib
    import tempfile

    tmp = pathlib.Path(tempfile.mkdtemp(dir="/tmp"))  # short: the sockets' paths are in it
    request.addfinalizer(lambda: shutil.rmtree(tmp, ignore_errors=True))
    rt = tmp_path / "runtime"
    rt.mkdir()
    env = dict(os.environ, TMPDIR=str(tmp), JUPYTER_RUNTIME_DIR=str(rt))
    proc = subprocess.Popen([sys.executable, "-m", "lakip", "run", "--year", "2024", "--out", str(tmp_path / "out")],
                            env=env, start_new_session=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    batas = time.monotonic() + 120
    while not list(tmp.glob("lakip-*/ipc-*")) and proc.poll() is None and time.monotonic() < batas:
        time.sleep(0.05)
    dimulai = sorted(p.name for p in tmp.glob("lakip-*/*"))
    assert proc.poll() is None, proc.communicate()
    assert any(n.startswith("kernel-") for n in dimulai) and any(n.startswith("ipc-") for n in dimulai), dimulai
    time.sleep(2)  # the notebooks' cells are running
    os.killpg(proc.pid, signal.SIGINT)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 130, err
    assert "Dibatalkan" in err and "Traceback" not in err
    time.sleep(1)
    assert sorted(os.listdir(tmp)) == [] and sorted(os.listdir(rt)) == []
    assert [p for p in os.listdir("/proc") if p.isdigit() and str(tmp).encode() in baris_perintah(p)] == []
    assert not (tmp_path / "out" / UNIT / "2024").exists()


def test_the_kernels_folder_is_short_enough_for_their_sockets(tmp_path, monkeypatch):
    import tempfile

    from lakip.app.notebooks import _folder_ipc

    panjang = tmp_path / ("x" * 90)
    panjang.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(panjang))
    folder = _folder_ipc()
    try:
        assert folder.startswith("/tmp/lakip-") and len(folder) + len("/ipc-01234567-5") < 104
    finally:
        os.rmdir(folder)
    assert os.listdir(panjang) == []


def test_a_data_folder_that_can_only_be_read_is_read_without_the_lock(data, monkeypatch):
    import errno

    def tidak_boleh(target, pesan=None):
        raise PermissionError(errno.EROFS, "Read-only file system", str(target))

    monkeypatch.setattr(kunci_mod, "kunci", tidak_boleh)
    with kunci_unit(data, UNIT):
        assert muat(data, UNIT).tahun == [2022, 2023, 2024]
