"""``lakip eksplorasi``: the what-if notebook served as a page by Voila, and a real browser driving it.

The command's checks run in this process; the server runs as a child process
(``python -m lakip eksplorasi``) on a free local port, stopped with Ctrl-C
(SIGINT) as a user stops it. The browser test opens the page in the system's
Chromium with Playwright (no browser download), types one realisasi and reads
the new mean from the page; it skips, saying why, where the notebook, Voila,
Playwright or Chromium is missing.
"""

import importlib.util
import os
import queue
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from lakip.core.model import PilihanError
from lakip.core.paths import DATA_DIR, NOTEBOOKS_DIR

from bantu import lakip

NOTEBOOK = NOTEBOOKS_DIR / "eksplorasi.ipynb"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
VOILA = all(importlib.util.find_spec(p) is not None for p in ("voila", "ipywidgets"))
PLAYWRIGHT = importlib.util.find_spec("playwright") is not None
TANPA_VOILA = "voila atau ipywidgets tidak terpasang (pip install -e '.[eksplorasi]'; make test memasangnya)"
#: generous: a cold Voila, a kernel and the notebook on a machine busy with the rest of the suite
TUNGGU = 240

# a notebook with the parameters of the contract, for the server's start and stop without the real one
_KODE = 'print(f"unit={entitas} tahun={tahun} data={folder_data}")  # KODE-TERSEMBUNYI'


def _port_bebas():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class _Server:
    """``lakip eksplorasi ARGS`` in a child process; its standard output read line by line."""

    def __init__(self, *args, notebook=None):
        if notebook is None:
            cmd = [sys.executable, "-m", "lakip", "eksplorasi", *args]
        else:  # the fixture notebook in place of notebooks/eksplorasi.ipynb
            awal = ("import sys; from pathlib import Path; import lakip.app.eksplorasi as e; "
                    "e.NOTEBOOK = Path(sys.argv[1]); from lakip.app.cli import main; sys.exit(main(sys.argv[2:]))")
            cmd = [sys.executable, "-c", awal, str(notebook), "eksplorasi", *args]
        self.proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                     text=True, encoding="utf-8")
        self.baris, self._antre = [], queue.Queue()
        threading.Thread(target=self._baca, daemon=True).start()

    def _baca(self):
        for ln in self.proc.stdout:
            self._antre.put(ln.rstrip("\n"))
        self._antre.put(None)

    def alamat(self):
        """The address printed once Voila listens (the test fails with the server's output if it never is)."""
        batas = time.monotonic() + TUNGGU
        while time.monotonic() < batas:
            try:
                ln = self._antre.get(timeout=1)
            except queue.Empty:
                continue
            if ln is None:
                self._antre.put(None)  # for ctrl_c
                break
            self.baris.append(ln)
            if ln.startswith("Buka di peramban: "):
                return ln.removeprefix("Buka di peramban: ")
        self.proc.kill()
        pytest.fail(f"tidak ada alamat; keluaran: {self.baris}, galat: {self.proc.stderr.read()}")

    def anak(self):
        """The processes the command started (Voila), from /proc."""
        pids = []
        for t in os.listdir(f"/proc/{self.proc.pid}/task"):
            with open(f"/proc/{self.proc.pid}/task/{t}/children") as f:
                pids += [int(p) for p in f.read().split()]
        return pids

    def ctrl_c(self):
        """Ctrl-C, then everything the command printed: (exit status, stdout lines, stderr)."""
        self.proc.send_signal(signal.SIGINT)
        try:
            self.proc.wait(timeout=TUNGGU)
        finally:
            if self.proc.poll() is None:
                self.proc.kill()
        err = self.proc.stderr.read()
        while (ln := self._antre.get(timeout=TUNGGU)) is not None:
            self.baris.append(ln)
        return self.proc.returncode, self.baris, err


def _cmdline(pid):
    with open(f"/proc/{pid}/cmdline", "rb") as f:
        return [a.decode() for a in f.read().split(b"\0") if a]


def _hidup(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().split(")")[-1].split()[0] != "Z"
    except FileNotFoundError:
        return False


def _keturunan(pid):
    """Every descendant of ``pid`` (Voila's kernels run in their own session, still its children)."""
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        try:
            for t in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{t}/children") as f:
                    kids = [int(k) for k in f.read().split()]
                out += kids
                todo += kids
        except FileNotFoundError:
            continue
    return out


# --------------------------------------------------------------------------- the command's checks


@pytest.mark.parametrize("argv, pesan", [
    (["--entity", "tidak-ada"], "Galat: folder unit 'tidak-ada' tidak ada (unit yang ada: setda-batubara)"),
    (["--year", "2019"], "Galat: tahun 2019 tidak ada di data setda-batubara (tahun yang ada: 2022, 2023, 2024)"),
])
def test_an_unknown_unit_or_year_is_refused_as_every_command_refuses_it(argv, pesan):
    res = lakip("eksplorasi", *argv)
    assert res.returncode == 2 and "Traceback" not in res.stderr
    assert res.stderr.strip() == pesan
    assert lakip("skenario", *argv).stderr.strip() == pesan  # the same check, the same words


def test_a_year_that_is_no_year_is_refused_by_the_options():
    res = lakip("eksplorasi", "--year", "24")
    assert res.returncode == 2 and "'24' bukan tahun" in res.stderr and "Traceback" not in res.stderr


def test_without_voila_it_says_how_to_install_it(monkeypatch, capsys):
    from lakip.app import cli, eksplorasi

    monkeypatch.setattr(eksplorasi, "paket_hilang", lambda: ["voila", "ipywidgets"])
    assert cli.main(["eksplorasi"]) == 2
    out, err = capsys.readouterr()
    assert out == "" and "Traceback" not in err
    assert err == ("Galat: lakip eksplorasi memerlukan voila dan ipywidgets, yang belum terpasang; pasang dengan: "
                   "pip install -e '.[eksplorasi]'\n")


def test_voila_listens_on_this_machine_only_and_shows_no_code(tmp_path):
    from lakip.app.eksplorasi import HOST_BAWAAN, perintah_voila

    assert HOST_BAWAAN == "127.0.0.1"
    cmd = perintah_voila(tmp_path / "e.ipynb", HOST_BAWAAN, 8866, tmp_path)
    assert cmd[:3] == [sys.executable, "-m", "voila"]
    assert {"--Voila.ip=127.0.0.1", "--port=8866", "--Voila.port_retries=0", "--no-browser", "--strip_sources=True",
            "--show_tracebacks=False", f"--Voila.connection_dir_root={tmp_path}"} <= set(cmd)


def test_a_port_taken_is_refused_when_asked_and_replaced_when_it_is_the_default(monkeypatch):
    from lakip.app import eksplorasi

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        dipakai = s.getsockname()[1]
        with pytest.raises(PilihanError, match=f"--port {dipakai}: sedang dipakai program lain"):
            eksplorasi.pilih_port("127.0.0.1", dipakai)
        monkeypatch.setattr(eksplorasi, "PORT_BAWAAN", dipakai)
        port, catatan = eksplorasi.pilih_port("127.0.0.1", None)
        assert port != dipakai and catatan == f"Port {dipakai} sedang dipakai; memakai port {port}."
    with pytest.raises(PilihanError, match="--port 70000: bukan nomor port"):
        eksplorasi.pilih_port("127.0.0.1", 70000)
    assert eksplorasi.alamat("::1", 8866) == "http://[::1]:8866/"


def test_only_an_address_beyond_this_machine_is_warned_of():
    from lakip.app.eksplorasi import lokal

    assert all(map(lokal, ["127.0.0.1", "127.0.0.2", "::1", "localhost"]))
    assert not any(map(lokal, ["0.0.0.0", "::", "192.168.1.10", "server-kantor"]))


# --------------------------------------------------------------------------- the server, started and stopped


@pytest.fixture
def notebook_kecil(tmp_path):
    nb = new_notebook(cells=[
        new_markdown_cell("# Eksplorasi uji"),
        new_code_cell('entitas = "x"\ntahun = 0\nfolder_data = None', metadata={"tags": ["parameters"]}),
        new_code_cell(_KODE),
    ])
    nb.metadata["kernelspec"] = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
    path = tmp_path / "eksplorasi.ipynb"
    nbformat.write(nb, path)
    return path


@pytest.mark.skipif(not VOILA, reason=TANPA_VOILA)
def test_the_page_is_served_with_the_parameters_and_ctrl_c_stops_everything(notebook_kecil):
    port = _port_bebas()
    server = _Server("--port", str(port), notebook=notebook_kecil)
    try:
        url = server.alamat()
        assert url == f"http://127.0.0.1:{port}/"
        [voila] = server.anak()
        cmd = _cmdline(voila)
        assert "--Voila.ip=127.0.0.1" in cmd and f"--port={port}" in cmd
        salinan = cmd[3]  # the notebook copy, in the command's temporary folder
        assert salinan != str(notebook_kecil) and os.path.isfile(salinan)
        with urllib.request.urlopen(url, timeout=TUNGGU) as r:
            halaman = r.read().decode("utf-8")
        assert f"unit=setda-batubara tahun=2024 data={DATA_DIR}" in halaman  # injected, then executed by Voila
        assert "KODE-TERSEMBUNYI" not in halaman and "folder_data = " not in halaman  # no code shown
        anak = _keturunan(server.proc.pid)
        assert len(anak) >= 2  # Voila and the page's kernel
    finally:
        rc, out, err = server.ctrl_c()
    assert rc == 0, err
    assert out == [f"Buka di peramban: {url}", "Tekan Ctrl-C untuk berhenti.", "Eksplorasi dihentikan."]
    assert "Traceback" not in err
    assert not os.path.exists(os.path.dirname(salinan))  # the temporary folder is removed
    batas = time.monotonic() + 30  # a kernel ends when Voila shuts it down (or sees its parent gone)
    while any(_hidup(p) for p in anak) and time.monotonic() < batas:
        time.sleep(0.2)
    assert not any(_hidup(p) for p in anak)


# --------------------------------------------------------------------------- the real page in a real browser


def _lewati_bila_tidak_bisa():
    if not NOTEBOOK.is_file():
        pytest.skip(f"{NOTEBOOK.relative_to(NOTEBOOKS_DIR.parent)} belum ada")
    if not VOILA:
        pytest.skip(TANPA_VOILA)
    if not PLAYWRIGHT:
        pytest.skip("playwright tidak terpasang (pip install -e '.[test]')")
    if CHROMIUM is None:
        pytest.skip("Chromium tidak terpasang (apt-get install chromium); .ci/run memasangnya")


def test_a_realisasi_typed_in_the_browser_changes_the_mean():
    """IKU-2 of Batu Bara 2024 (naik, target 100) from 85,83 to 100, typed into the page."""
    _lewati_bila_tidak_bisa()
    from playwright.sync_api import sync_playwright

    # By hand, from data/setda-batubara/kinerja.csv 2024 and DOMAIN.md 3 and 5: naik capaian = realisasi / target
    # x 100; IKU-1 (N/A) is left out; the overall mean is the mean of the six others, nothing capped.
    lain = 9.92 / 9.70 * 100 + 72.37 / 73 * 100 + 100 + 86.28 / 86 * 100 + 66.35 / 87 * 100  # IKU-3..7 (IKU-5 9/9)
    assert f"{(85.83 + lain) / 6:.2f}" == "93.97"  # as the data is
    assert f"{(100 + lain) / 6:.2f}" == "96.33"  # IKU-2 at 100
    sebelum, sesudah = "93,97", "96,33"

    server = _Server("--port", str(_port_bebas()))
    try:
        url = server.alamat()
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            try:
                page = browser.new_page()
                page.goto(url, timeout=TUNGGU * 1000)
                kotak = page.locator(".lakip-realisasi.lakip-iku-iku-2 input")
                kotak.wait_for(timeout=TUNGGU * 1000)
                rata = page.locator(".lakip-rata-rata")
                rata.wait_for(timeout=TUNGGU * 1000)
                awal = rata.inner_text()
                assert sebelum in awal and sesudah not in awal
                kotak.fill("100")
                kotak.press("Enter")
                page.wait_for_function("t => document.querySelector('.lakip-rata-rata').innerText.includes(t)",
                                       arg=sesudah, timeout=TUNGGU * 1000)
                assert sesudah in rata.inner_text()
            finally:
                browser.close()
    finally:
        rc, out, err = server.ctrl_c()
    assert rc == 0, err
    assert out[0] == f"Buka di peramban: {url}" and url.startswith("http://127.0.0.1:")
    assert out[-1] == "Eksplorasi dihentikan." and "Traceback" not in err


def test_the_page_leaves_out_the_tables_printed_once_for_nbval(tmp_path):
    """The data's tables at the end of the notebook (checked by nbval) do not follow the controls: the page's copy
    drops the cells tagged bukan-halaman, and keeps the parameters and the controls."""
    import nbformat

    from lakip.app.eksplorasi import NOTEBOOK, TANPA_HALAMAN, siapkan_notebook

    asli = nbformat.read(NOTEBOOK, as_version=4)
    cek = [c for c in asli.cells if "NBVAL_CHECK_OUTPUT" in c.source]
    assert cek and all(TANPA_HALAMAN in c.metadata.get("tags", []) for c in cek)
    salinan = nbformat.read(siapkan_notebook(tmp_path, {"entitas": "setda-batubara", "tahun": 2024, "folder_data": None},
                                             "Bagian"), as_version=4)
    assert not [c for c in salinan.cells if "NBVAL_CHECK_OUTPUT" in c.source or "Angka data apa adanya" in c.source]
    assert any("Eksplorasi(unit, tahun" in c.source for c in salinan.cells)
    assert any("injected-parameters" in c.metadata.get("tags", []) for c in salinan.cells)
