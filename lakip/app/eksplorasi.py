"""``lakip eksplorasi``: the what-if notebook ``notebooks/eksplorasi.ipynb`` served as a page with Voila.

The unit and year are checked as every command checks them, then injected
into a copy of the notebook (papermill's parameters, nothing executed) in a
temporary folder, which Voila serves: no code cell is shown (``strip_sources``),
no traceback is sent to the page, and it listens on 127.0.0.1 only unless
``--host`` says otherwise. Voila's own log, the kernels' connection files and
the copy stay in that folder, removed however the command ends (Ctrl-C and
SIGTERM stop Voila, which shuts its kernels down).
"""

from __future__ import annotations

import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from lakip.app.proses import sinyal_ditahan
from lakip.core.model import PilihanError
from lakip.core.paths import DATA_DIR, NOTEBOOKS_DIR, resolve
from lakip.core.tables import cek_tahun
from lakip.data.kunci import muat_terkunci

__all__ = ["NOTEBOOK", "HOST_BAWAAN", "PORT_BAWAAN", "PASANG", "paket_hilang", "perintah_voila", "siapkan_notebook",
           "pilih_port", "alamat", "lokal", "sajikan"]

NOTEBOOK = NOTEBOOKS_DIR / "eksplorasi.ipynb"
HOST_BAWAAN = "127.0.0.1"  # this machine only
PORT_BAWAAN = 8866  # Voila's own default
PASANG = "pip install -e '.[eksplorasi]'"
#: how long Voila may take to listen (a cold start imports jupyter_server, tornado, nbconvert)
TUNGGU_SIAP = 120.0


def paket_hilang() -> list[str]:
    """The packages of the ``eksplorasi`` extra that are not installed (none: the command can run)."""
    import importlib.util

    return [p for p in ("voila", "ipywidgets") if importlib.util.find_spec(p) is None]


def perintah_voila(notebook: Path, host: str, port: int, folder: Path) -> list[str]:
    """The command line that serves ``notebook`` on ``host:port``, its connection files in ``folder``."""
    return [sys.executable, "-m", "voila", str(notebook), "--no-browser", f"--port={port}", f"--Voila.ip={host}",
            "--Voila.port_retries=0",  # the port printed is the port served, or Voila stops
            "--strip_sources=True", "--show_tracebacks=False",  # Voila's defaults, said so that no config changes them
            f"--Voila.connection_dir_root={folder}"]


#: The tag of a notebook cell left out of the page (the data's tables that nbval checks).
TANPA_HALAMAN = "bukan-halaman"


def siapkan_notebook(folder: Path, parameter: dict[str, Any], unit_kerja: str, sumber: Path = NOTEBOOK) -> Path:
    """A copy of ``sumber`` in ``folder`` with ``parameter`` injected after its ``parameters`` cell (not executed)."""
    import nbformat
    import papermill

    from lakip.app.notebooks import kata_unit_kerja

    tujuan = folder / sumber.name
    papermill.execute_notebook(str(sumber), str(tujuan), parameters=parameter, prepare_only=True, kernel_name="python3",
                               progress_bar=False, log_output=False)
    nb = nbformat.read(tujuan, as_version=4)
    # the tables printed once for nbval (the data as it is) do not follow the controls: not on the page
    nb.cells = [c for c in nb.cells if TANPA_HALAMAN not in c.get("metadata", {}).get("tags", [])]
    kata_unit_kerja(nb, unit_kerja)
    nbformat.write(nb, tujuan)
    return tujuan


def _ikat(host: str, port: int) -> int:
    """Bind ``host:port`` as Voila's server will (SO_REUSEADDR), release it, and return the port bound."""
    fam, tipe, proto, _, addr = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
    with socket.socket(fam, tipe, proto) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        s.bind(addr)
        return int(s.getsockname()[1])


def pilih_port(host: str, port: int | None) -> tuple[int, str | None]:
    """The port to serve on and a line to print when it is not the one expected: ``port`` as asked (refused when
    another program holds it), or without one :data:`PORT_BAWAAN`, or a free port when that is taken."""
    import errno

    if port is not None and not 1 <= port <= 65535:
        raise PilihanError(f"--port {port}: bukan nomor port (1 sampai 65535)")
    try:
        return _ikat(host, PORT_BAWAAN if port is None else port), None
    except socket.gaierror:
        raise PilihanError(f"--host {host}: alamat tidak dikenal") from None
    except OSError as e:
        if e.errno == errno.EADDRNOTAVAIL:
            raise PilihanError(f"--host {host}: bukan alamat mesin ini") from None
        if port is not None:
            sebab = "sedang dipakai program lain" if e.errno == errno.EADDRINUSE else (e.strerror or str(e))
            raise PilihanError(f"--port {port}: {sebab}; pilih port lain, atau tanpa --port") from None
    bebas = _ikat(host, 0)
    return bebas, f"Port {PORT_BAWAAN} sedang dipakai; memakai port {bebas}."


def alamat(host: str, port: int) -> str:
    """The address to open in a browser (an IPv6 host in brackets)."""
    return f"http://[{host}]:{port}/" if ":" in host else f"http://{host}:{port}/"


def lokal(host: str) -> bool:
    """Whether only this machine can reach ``host`` (a loopback address, or ``localhost``)."""
    import ipaddress

    try:
        return host == "localhost" or ipaddress.ip_address(host).is_loopback
    except ValueError:  # a name
        return False


def _siap(proc: subprocess.Popen[bytes], host: str, port: int) -> bool:
    """Wait until Voila answers on ``host:port`` (True); False when it has ended, or not listened in time."""
    tuju = {"0.0.0.0": "127.0.0.1", "::": "::1"}.get(host, host)
    batas = time.monotonic() + TUNGGU_SIAP
    while proc.poll() is None and time.monotonic() < batas:
        try:
            with socket.create_connection((tuju, port), timeout=1):
                return True
        except OSError:
            time.sleep(0.2)
    return False


def _hentikan(proc: subprocess.Popen[bytes]) -> None:
    """Stop Voila (SIGTERM: it shuts its kernels down), killing its process group when it does not end in time."""
    import os
    import signal

    with sinyal_ditahan():  # a second Ctrl-C waits until Voila is stopped
        if proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()


def _ekor(log: Path, baris: int = 20) -> str:
    try:
        return "\n".join("  " + ln for ln in log.read_text(encoding="utf-8", errors="replace").splitlines()[-baris:])
    except OSError:
        return ""


def sajikan(data: str | Path | None = None, entitas: str | None = None, tahun: int | None = None,
            port: int | None = None, host: str | None = None, peringatan: Callable[[Any], None] | None = None,
            out: str | Path | None = None, cetak: Callable[[str], None] = lambda s: print(s, flush=True)) -> int:
    """Serve the exploration page of a unit-year until interrupted; return the exit status.

    The unit and year are checked first (``peringatan(unit)`` is called with the loaded unit, as
    :func:`lakip.app.run.jalankan` does); then Voila runs as a child process until Ctrl-C or SIGTERM
    (exit 0), or until it stops by itself (exit 1, with the end of its log).

    Raises:
        PilihanError: voila or ipywidgets missing (with how to install them), the notebook missing, an
            unknown year, a port that cannot be used.
        DataError: the unit's data cannot be used.
    """
    hilang = paket_hilang()
    if hilang:
        raise PilihanError(f"lakip eksplorasi memerlukan {' dan '.join(hilang)}, yang belum terpasang; pasang dengan: "
                           f"{PASANG}")
    root = resolve(data, DATA_DIR)
    unit = muat_terkunci(root, entitas)
    if peringatan is not None:
        peringatan(unit)
    tahun = cek_tahun(unit, tahun)
    if not NOTEBOOK.is_file():
        raise PilihanError(f"notebook {NOTEBOOK} tidak ada")
    host = host or HOST_BAWAAN
    port, catatan = pilih_port(host, port)
    if catatan:
        cetak(catatan)
    with tempfile.TemporaryDirectory(prefix="lakip-eksplorasi-") as tmp:
        folder = Path(tmp)
        parameter = {"entitas": unit.slug, "tahun": tahun, "folder_data": str(root)}
        if out is not None:  # where the page's buttons save (the notebook's default: the project's outputs/)
            parameter["folder_keluaran"] = str(Path(out).expanduser().resolve())
        nb = siapkan_notebook(folder, parameter, unit.unit_kerja, NOTEBOOK)
        log = folder / "voila.log"
        with open(log, "wb") as f:
            proc = subprocess.Popen(perintah_voila(nb, host, port, folder), cwd=folder, stdin=subprocess.DEVNULL,
                                    stdout=f, stderr=subprocess.STDOUT, start_new_session=True)
        try:
            if _siap(proc, host, port):
                if not lokal(host):
                    print(f"Peringatan: --host {host}: halaman dapat dibuka dari mesin lain yang menjangkau alamat ini, "
                          "tanpa kata sandi.", file=sys.stderr)
                cetak(f"Buka di peramban: {alamat(host, port)}")
                cetak("Tekan Ctrl-C untuk berhenti.")
                proc.wait()
            sebab = (f"tidak menjawab di {alamat(host, port)} dalam {TUNGGU_SIAP:.0f} detik" if proc.poll() is None
                     else f"berhenti sendiri (kode {proc.poll()})")
            _hentikan(proc)
            print(f"Galat: Voila {sebab}. Akhir catatannya:\n{_ekor(log)}", file=sys.stderr)
            return 1
        except KeyboardInterrupt:
            _hentikan(proc)
            cetak("Eksplorasi dihentikan.")
            return 0
        finally:
            _hentikan(proc)
