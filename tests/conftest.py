"""Fixtures shared by the test files: the expensive runs, made once per test session.

With pytest-xdist every worker is its own session; a shared run is built by the
first worker that asks for it, in a folder beside the workers' own temporary
folders, while the others wait on a file lock (the recipe of the pytest-xdist
documentation), so ``lakip run`` for the three Batu Bara years runs once for
the whole suite. A shared folder is read only: a test that writes runs into
its own ``tmp_path``.
"""

import os
import shutil
import signal

import pytest
from filelock import FileLock

from bantu import lakip

# A suite started in the background of a script (`make test &`) inherits SIGINT ignored, and so would every
# `lakip` the tests start, which then could not be interrupted: the tests of Ctrl-C send it. A handler of
# our own is reset to the default in a child, where Python installs its KeyboardInterrupt again.
if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
    signal.signal(signal.SIGINT, signal.default_int_handler)


def bersama(tmp_path_factory, nama, buat):
    """The folder ``nama``, built by ``buat(folder)`` once for the whole test session."""
    root = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        root = root.parent  # the folder all workers' temporary folders are in
    folder = root / nama
    with FileLock(str(folder) + ".lock"):
        if not (folder / ".selesai").is_file():
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir()
            buat(folder)
            (folder / ".selesai").touch()
    return folder


def _run_batubara(folder):
    for year in (2022, 2023, 2024):
        res = lakip("run", "--year", str(year), "--out", str(folder))
        assert res.returncode == 0, res.stderr
        assert res.stdout.strip() == f"Selesai: {folder / 'setda-batubara' / str(year)}"


@pytest.fixture(scope="session")
def keluaran_batubara(tmp_path_factory):
    """``lakip run --year Y --out <folder>`` for 2022, 2023 and 2024 of the default data (read only)."""
    return bersama(tmp_path_factory, "keluaran-batubara", _run_batubara)
