"""Files out: the one atomic write, the machine-readable CSV and JSON, and the output folder
that is swapped in whole, with a lock so that two runs writing it take turns.

Nothing a user can open is ever half written: a file is written under a
temporary name beside it and renamed over it (:func:`tulis_utuh`); a run's
folder is built in a temporary folder and swapped in at the end
(:class:`folder_sementara`).
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lakip.data.kunci import kunci  # the lock is the data layer's too (import); re-exported here

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["pesan_os", "berkas_tujuan", "tulis_utuh", "nama_sementara", "tulis_csv", "tulis_json", "kunci", "folder_sementara"]


def berkas_tujuan(path: Path) -> Path:
    """The regular file a write to ``path`` replaces: ``path`` itself, or the file a symbolic link points
    to (the link stays a link); an OSError naming ``path`` when it is a folder, a device or a pipe, which
    a file written whole and renamed into place would replace (a device of /dev among them)."""
    if not path.name or path.is_dir():
        raise IsADirectoryError(errno.EISDIR, "itu folder", str(path))
    if path.exists() and not path.is_file():  # followed through links: /dev/stdout is a link to a pipe
        raise OSError(_BUKAN_BERKAS, "bukan berkas biasa", str(path))
    return path.resolve() if path.is_symlink() else path


@contextlib.contextmanager
def nama_sementara(path: Path) -> Iterator[Path]:
    """A temporary name beside ``path`` to write to, renamed to ``path`` when the block ends
    without an error (removed otherwise): a file that exists under its name is complete,
    which another process waiting for it relies on."""
    path = berkas_tujuan(Path(path))
    tmp = path.with_name(f".{path.name}.baru")
    try:
        yield tmp
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    try:
        os.replace(tmp, path)
    except OSError as e:  # path is a folder, say: the temporary file goes, and the message names path
        tmp.unlink(missing_ok=True)
        raise OSError(e.errno, e.strerror, str(path)) from None


def tulis_utuh(path: Path, isi: bytes | str) -> Path:
    """Write ``isi`` (bytes, or text as UTF-8) to ``path`` whole: under a temporary name, then renamed."""
    path = berkas_tujuan(Path(path))
    path.parent.mkdir(parents=True, exist_ok=True)
    with nama_sementara(path) as tmp:
        tmp.write_bytes(isi.encode("utf-8") if isinstance(isi, str) else isi)
    return path


def tulis_csv(df: pd.DataFrame, path: Path) -> None:
    """Machine-readable CSV: UTF-8, dot decimal, exact values, empty cell for not available."""
    tulis_utuh(path, df.to_csv(index=False, lineterminator="\n"))


def tulis_json(data: Any, path: Path) -> None:
    """JSON for machines and people: UTF-8, indented, non-ASCII as it is."""
    tulis_utuh(path, json.dumps(data, ensure_ascii=False, indent=2) + "\n")


class folder_sementara:
    """Context manager: a temporary folder that replaces ``target`` on success.

    On an exception the temporary folder is removed and ``target`` is left
    exactly as it was (a first run leaves no folder at all). Two processes
    writing the same ``target`` take turns (:func:`kunci`): the second waits
    for the first, and each swaps in a whole folder.
    """

    def __init__(self, target: Path):
        self.target = Path(target)
        self._kunci: contextlib.ExitStack | None = None

    def __enter__(self) -> Path:
        # the folders above the target this run makes, removed again if it fails
        self._dibuat = [p for p in (self.target.parent, *self.target.parent.parents) if not p.exists()]
        self.target.parent.mkdir(parents=True, exist_ok=True)
        self._kunci = contextlib.ExitStack()
        self._kunci.enter_context(kunci(self.target))
        try:
            return self._buat()
        except BaseException:
            self._kunci.close()
            self._hapus_dibuat()
            raise

    def _hapus_dibuat(self) -> None:
        for folder in self._dibuat:  # deepest first; one another process has written into stays
            try:
                folder.rmdir()
            except OSError:
                break

    def _buat(self) -> Path:
        # leftovers of a run that was killed outright (no other run is writing this target now)
        for old in self.target.parent.iterdir():
            if old.is_dir() and old.name.startswith((f".{self.target.name}.baru-", f".{self.target.name}.lama-")):
                shutil.rmtree(old, ignore_errors=True)
        self.tmp = Path(tempfile.mkdtemp(prefix=f".{self.target.name}.baru-", dir=self.target.parent))
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(self.tmp, 0o777 & ~umask)  # mkdtemp makes it private; the output is for sharing
        return self.tmp

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is not None:
            with self._kunci or contextlib.ExitStack():
                shutil.rmtree(self.tmp, ignore_errors=True)
            self._hapus_dibuat()
            return
        with self._kunci or contextlib.ExitStack():
            old = None
            if self.target.exists():
                old = self.target.with_name(f".{self.target.name}.lama-{self.tmp.name.rsplit('-', 1)[-1]}")
                self.target.rename(old)
            self.tmp.rename(self.target)
            if old is not None:
                shutil.rmtree(old, ignore_errors=True)


#: The system's reasons for the file errors a user meets, in Indonesian (others as the system words them).
#: The errno of a path that exists but is no regular file (a device, a pipe): errno has none of its own.
_BUKAN_BERKAS = errno.EINVAL

_SEBAB_OS = {
    _BUKAN_BERKAS: "bukan berkas biasa (perangkat atau pipa); pilih nama berkas lain",
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
