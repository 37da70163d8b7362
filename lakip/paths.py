"""Every folder the project uses, resolved in one place from the package's location.

Notebooks run from their own folder under nbval and from the caller's under
papermill; nothing here depends on the current directory.
"""

from __future__ import annotations

import errno
from pathlib import Path

__all__ = ["PROJ_ROOT", "DATA_DIR", "OUTPUTS_DIR", "NOTEBOOKS_DIR", "resolve", "output_dir", "pesan_os"]

PROJ_ROOT = Path(__file__).resolve().parents[1]
DATA_DIR = PROJ_ROOT / "data"
OUTPUTS_DIR = PROJ_ROOT / "outputs"
NOTEBOOKS_DIR = PROJ_ROOT / "notebooks"


def resolve(path: str | Path | None, default: Path) -> Path:
    """``path`` made absolute (relative to the current directory, as a user typed it), or ``default``."""
    return default if path is None or str(path) == "" else Path(path).expanduser().resolve()


def output_dir(out: str | Path | None, entitas: str, tahun: int) -> Path:
    """``<out>/<entity>/<year>``, the folder of one run."""
    return resolve(out, OUTPUTS_DIR) / entitas / str(tahun)


#: The system's reasons for the file errors a user meets, in Indonesian (others as the system words them).
_SEBAB_OS = {
    errno.ENOTDIR: "sebagian jalurnya adalah berkas, bukan folder",
    errno.EISDIR: "itu folder, bukan berkas",
    errno.EACCES: "tidak ada izin",
    errno.EPERM: "tidak ada izin",
    errno.ENOSPC: "ruang disk penuh",
    errno.EROFS: "disk hanya dapat dibaca",
    errno.ENOENT: "tidak ada",
    errno.EEXIST: "sudah ada",
    errno.ENAMETOOLONG: "nama terlalu panjang",
}


def pesan_os(e: OSError) -> str:
    """A file error as a user reads it: ``tidak dapat menulis atau membaca <path>: <reason>``."""
    where = f" {e.filename}" if e.filename else ""
    sebab = _SEBAB_OS.get(e.errno, e.strerror or str(e))
    if e.errno == errno.EEXIST and e.filename and Path(e.filename).is_file():
        sebab = "sudah ada sebagai berkas, bukan folder"  # a folder was to be made there
    return f"tidak dapat menulis atau membaca{where}: {sebab}"
