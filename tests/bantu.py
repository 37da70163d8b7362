"""Helpers shared by the tests: the command line in a new process, reading an output CSV, editing a data copy."""

import csv
import subprocess
import sys


def lakip(*args, cwd=None):
    """``python -m lakip ARGS`` in a new process, output captured as text."""
    return subprocess.run([sys.executable, "-m", "lakip", *args], capture_output=True, text=True, cwd=cwd)


def read_csv(path):
    """The rows of a CSV file as dicts of text."""
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def akhiri(unit_dir, kode, tahun):
    """Add the optional tahun_akhir column to a unit's indikator.csv, with ``tahun`` for ``kode``."""
    path = unit_dir / "indikator.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join([lines[0] + ",tahun_akhir"] + [
        ln + (f",{tahun}" if ln.startswith(f"{kode},") else ",") for ln in lines[1:]]) + "\n", encoding="utf-8")


def hapus_baris(path, *awal):
    """Remove the lines of a CSV file that start with any of ``awal``."""
    path.write_text("".join(ln for ln in path.read_text(encoding="utf-8").splitlines(keepends=True)
                            if not ln.startswith(awal)), encoding="utf-8")


#: Run in the child before ``lakip``: at exit, write the child's own peak resident memory (VmHWM, which
#: exec resets) and the peak of its waited-for children to the file named by LAKIP_UJI_PUNCAK. The
#: ``ru_maxrss`` that os.wait4 gives for a child started with a preexec_fn is not usable: the kernel
#: carries the forked copy's high-water mark across exec, so it starts at the parent's (pytest's) peak.
_AWAL = """\
import atexit, os, resource, runpy, sys
def _puncak():
    with open('/proc/self/status') as f:
        hwm = int(f.read().split('VmHWM:')[1].split()[0])
    anak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    with open(os.environ['LAKIP_UJI_PUNCAK'], 'w') as f:
        f.write(f'{hwm} {anak}')
atexit.register(_puncak)
sys.argv = ['lakip', *sys.argv[1:]]
runpy.run_module('lakip', run_name='__main__', alter_sys=True)
"""


def lakip_terbatas(argv, cwd=None, detik=60, mb=1500, env=None):
    """``lakip ARGV`` in a child process limited to ``mb`` MB of address space and ``detik`` seconds.

    Returns ``(rc, out, err, seconds, peak_mb)``: ``peak_mb`` is the child's own VmHWM, or that of a
    process it started and waited for when larger (None when the child died before it could say).
    A child past ``detik`` is killed with its process group, and rc is then -9.
    """
    import os
    import resource
    import signal
    import tempfile
    import time

    def batas():
        resource.setrlimit(resource.RLIMIT_AS, (mb * 2**20, mb * 2**20))

    with tempfile.TemporaryDirectory() as tmp:
        puncak = os.path.join(tmp, "puncak")
        child_env = {**os.environ, **(env or {}), "LAKIP_UJI_PUNCAK": puncak}
        mulai = time.monotonic()
        p = subprocess.Popen([sys.executable, "-c", _AWAL, *map(str, argv)], cwd=cwd, env=child_env,
                             stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True, encoding="utf-8", errors="replace", preexec_fn=batas,
                             start_new_session=True)
        try:
            out, err = p.communicate(timeout=detik)
        except subprocess.TimeoutExpired:
            os.killpg(p.pid, signal.SIGKILL)
            out, err = p.communicate()
        detik_pakai = time.monotonic() - mulai
        try:
            with open(puncak) as f:
                sendiri, anak = map(int, f.read().split())
            peak_mb = max(sendiri, anak) / 1024
        except (OSError, ValueError):
            peak_mb = None
    return p.returncode, out, err, detik_pakai, peak_mb
