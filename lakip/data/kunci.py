"""The lock of a folder, the signals held back for a few steps, and the swap of a unit's data folder.

A unit's folder ``data/<unit>/`` is locked (:func:`kunci_unit`) by ``lakip import``
for the whole import, exclusively, and by ``lakip run`` from loading the unit to
its last notebook, shared: runs of one unit go on side by side, an import waits
for them, and a run waits for an import.

An import builds the new folder beside the unit (``data/.<unit>.impor/<unit>``)
and swaps it in with :func:`ganti_folder`: on Linux the two folders are
exchanged in one system call (``renameat2`` with ``RENAME_EXCHANGE``), so the
unit's folder exists at every moment, holding either the old or the new data;
elsewhere the old folder is renamed aside to ``data/.<unit>.lama`` and the new
one renamed into place. Whatever step is interrupted, the next holder of the
lock puts things right (:func:`pulihkan`): an old folder left aside while the
unit is missing is put back, any other leftover is removed.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import os
import shutil
import signal
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lakip.core.model import Unit

__all__ = ["sinyal_ditahan", "lepas_sinyal", "kunci", "kunci_unit", "muat_terkunci", "pulihkan", "ganti_folder", "folder_impor", "folder_lama"]

_SINYAL = {signal.SIGINT, signal.SIGTERM}


@contextlib.contextmanager
def sinyal_ditahan() -> Iterator[None]:
    """Hold SIGINT and SIGTERM back while the block runs; one that arrived meanwhile is delivered
    (as KeyboardInterrupt, or the process ends) just after it.

    Used where an interruption in the middle would do harm: while this process
    forks worker processes (a signal raised inside the fork's own hooks is only
    printed by Python and the run goes on: a SIGTERM was lost and the run
    completed with exit 0), and between the renames of a folder swap. The
    signals are held for this thread, which is enough where no other thread
    takes them: in the command line's process, whose other threads (a pool's
    own thread, started in here) inherit the hold.
    """
    if not hasattr(signal, "pthread_sigmask"):  # not POSIX: nothing is forked, nothing to hold
        yield
        return
    lama = signal.pthread_sigmask(signal.SIG_BLOCK, _SINYAL)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, lama)


def lepas_sinyal() -> None:
    """Worker initializer: the signals held back while it was forked reach it again."""
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, _SINYAL)


@contextlib.contextmanager
def kunci(target: Path, pesan: str | None = None) -> Iterator[None]:
    """Hold the lock of ``target`` (the file ``.<name>.kunci`` beside it) while the block runs;
    wait, saying so (``pesan``, on stderr), while another process holds it.

    The lock is :mod:`filelock`'s (``flock`` on Linux and macOS, ``LockFileEx`` on
    Windows). The file is removed while the lock is still held, so the folder
    is left as it was; a process that was waiting on the removed file finds it
    gone once it holds it and takes the new one (filelock checks for that).
    """
    from filelock import FileLock, Timeout

    path = target.with_name(f".{target.name}.kunci")
    lock = FileLock(path, thread_local=False)
    tunggu = False
    while True:
        try:
            try:
                lock.acquire(timeout=0)
            except Timeout:
                if not tunggu:
                    print(pesan or f"Menunggu proses lakip lain yang sedang menulis {target} ...", file=sys.stderr)
                    tunggu = True
                lock.acquire()
            break
        except FileNotFoundError:  # a run that failed removed the folder it had made: make it again
            path.parent.mkdir(parents=True, exist_ok=True)
    try:
        yield
    finally:
        with contextlib.suppress(OSError):  # Windows: filelock removes it itself after release
            os.unlink(path)
        lock.release()


def folder_impor(unit_dir: Path) -> Path:
    """Where an import builds the new folder of a unit: ``.<unit>.impor/<unit>`` beside it
    (inside a folder of its own, so the unit loads under its own name)."""
    return unit_dir.with_name(f".{unit_dir.name}.impor") / unit_dir.name


def folder_lama(unit_dir: Path) -> Path:
    """Where the old folder of a unit waits during a swap without ``renameat2``."""
    return unit_dir.with_name(f".{unit_dir.name}.lama")


def pulihkan(unit_dir: Path) -> None:
    """Put right what an interrupted import left (called with the unit's lock held): the old
    folder set aside is put back when the unit is missing (removed when the swap was complete),
    and the folder an import was building is removed."""
    lama, impor = folder_lama(unit_dir), folder_impor(unit_dir).parent
    if lama.is_dir():
        if not unit_dir.exists():
            os.rename(lama, unit_dir)
        else:
            shutil.rmtree(lama)
    if impor.is_dir():
        shutil.rmtree(impor)


def _nama_unit(root: Path, entitas: str | None) -> str | None:
    """The unit to lock: ``entitas`` when it is a plain folder name, the only unit of ``root`` when
    None (a unit left aside by an interrupted swap counts); None when there is none to lock (the
    loader then says what is wrong)."""
    if entitas is not None:
        return entitas if entitas == Path(entitas).name and not entitas.startswith(".") and entitas else None
    nama = set()
    for p in root.iterdir():
        if not p.name.startswith(".") and (p / "entitas.yml").is_file():
            nama.add(p.name)
        elif p.name.startswith(".") and p.name.endswith(".lama") and (p / "entitas.yml").is_file():
            nama.add(p.name[1:-len(".lama")])
    return nama.pop() if len(nama) == 1 else None


#: The descriptors of the unit locks this process holds: a process forked meanwhile (a pool's worker)
#: closes its copies, so that it never holds a lock on after its parent released it.
_DIPEGANG: set[int] = set()


def _tutup_di_anak() -> None:
    for fd in _DIPEGANG:
        with contextlib.suppress(OSError):
            os.close(fd)
    _DIPEGANG.clear()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_tutup_di_anak)


@contextlib.contextmanager
def _kunci_flock(path: Path, bersama: bool, pesan: str) -> Iterator[None]:
    """Hold ``flock`` on ``path``, shared (``bersama``: many holders at once) or exclusive; wait,
    saying so, while a holder of the other kind has it.

    filelock, which locks the output folders, has no shared mode, hence these few lines. The file
    is removed by the last holder, while it holds the lock exclusively (so no holder ever loses
    it); one who waited on a removed file finds it has no link once it holds it, and starts again.
    """
    import fcntl

    mode = fcntl.LOCK_SH if bersama else fcntl.LOCK_EX
    tunggu = False
    while True:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            try:
                fcntl.flock(fd, mode | fcntl.LOCK_NB)
            except BlockingIOError:
                if not tunggu:
                    print(pesan, file=sys.stderr)
                    tunggu = True
                fcntl.flock(fd, mode)
            if os.fstat(fd).st_nlink > 0:
                break
        except BaseException:
            os.close(fd)
            raise
        os.close(fd)  # the last holder removed that file meanwhile: lock the new one
    _DIPEGANG.add(fd)
    try:
        yield
    finally:
        _DIPEGANG.discard(fd)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)  # no other holder: this one is the last
        except OSError:
            pass
        else:
            with contextlib.suppress(OSError):
                os.unlink(path)
        os.close(fd)


def _sisa_impor(unit_dir: Path) -> bool:
    """Whether an interrupted import left something for :func:`pulihkan` (or the unit is missing)."""
    return folder_lama(unit_dir).exists() or folder_impor(unit_dir).parent.exists()


@contextlib.contextmanager
def kunci_unit(root: Path, entitas: str | None, bersama: bool = False) -> Iterator[None]:
    """Hold the lock of unit ``entitas`` of the data folder ``root`` (the only unit when None) and
    put right what an interrupted import left.

    An import holds it exclusively; a run holds it shared (``bersama``) from loading the unit to
    its last notebook, so runs of one unit go on side by side while an import waits for them all,
    and a run waits for an import. Without ``flock`` (Windows) every holder is exclusive.
    """
    root = Path(root)
    nama = _nama_unit(root, entitas) if root.is_dir() else None
    if nama is None:
        yield
        return
    unit_dir = root / nama
    pesan = f"Menunggu proses lakip lain yang sedang memakai data unit {nama} ..."
    path = unit_dir.with_name(f".{nama}.kunci")
    flock = hasattr(os, "fork")  # POSIX: fcntl.flock
    while True:
        with contextlib.ExitStack() as tahan:
            try:
                if flock:
                    tahan.enter_context(_kunci_flock(path, bersama, pesan))
                else:
                    tahan.enter_context(kunci(unit_dir, pesan))
            except OSError as e:
                if e.errno not in (errno.EACCES, errno.EPERM, errno.EROFS):
                    raise
                # a data folder this process may only read (shared, read-only): it cannot import into it
                # either, and reads it as it is (writing there fails later, with its own message)
                yield
                return
            if _sisa_impor(unit_dir):
                if bersama and flock:  # repair needs the lock alone: take it exclusively, then start again
                    tahan.close()
                    with _kunci_flock(path, False, pesan):
                        pulihkan(unit_dir)
                    continue
                pulihkan(unit_dir)
            yield
            return


def muat_terkunci(data_dir: str | Path | None = None, entitas: str | None = None, isian: bool = False) -> "Unit":
    """:func:`lakip.data.load.muat` under the unit's lock, shared: never while an import swaps the
    unit's folder (whose files would otherwise be read half from the old folder, half from the new)."""
    from lakip.core.paths import DATA_DIR, resolve
    from lakip.data.load import muat

    root = resolve(data_dir, DATA_DIR)
    with kunci_unit(root, entitas, bersama=True):
        return muat(root, entitas, isian=isian)


# ----------------------------------------------------------------------------- the swap

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def _renameat2() -> ctypes._CFuncPtr | None:  # type: ignore[name-defined]
    if not sys.platform.startswith("linux"):
        return None
    try:
        f = ctypes.CDLL(None, use_errno=True).renameat2  # glibc 2.28+
    except (OSError, AttributeError):
        return None
    f.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    f.restype = ctypes.c_int
    return f


def tukar(a: Path, b: Path) -> bool:
    """Exchange the folders ``a`` and ``b`` in one step; False (nothing changed) where the system
    or the file system cannot."""
    f = _renameat2()
    if f is None:
        return False
    if f(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP, errno.ENOTSUP):  # not on this kernel or file system
        return False
    raise OSError(err, os.strerror(err), str(a), None, str(b))


def ganti_folder(unit_dir: Path, baru: Path) -> None:
    """Put the folder ``baru`` (:func:`folder_impor`) in the place of ``unit_dir``, with the unit's lock held.

    Exchanged in one step where the system can (the old folder is then at
    ``baru``, removed with the import's folder); else the old folder is
    renamed to :func:`folder_lama`, the new one into place, and the old one
    removed. The signals are held between the renames; should the second
    fail, the old folder is put back; a process killed outright leaves it to
    :func:`pulihkan`.
    """
    lama = folder_lama(unit_dir)
    with sinyal_ditahan():
        if tukar(baru, unit_dir):
            return
        os.rename(unit_dir, lama)
        try:
            os.rename(baru, unit_dir)
        except BaseException:
            if not unit_dir.exists():
                os.rename(lama, unit_dir)
            raise
    shutil.rmtree(lama)
