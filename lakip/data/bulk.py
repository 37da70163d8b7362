"""Loading and validating every unit of a data folder at once (a kabupaten, or thousands of units).

:func:`muat_kabupaten` reads each table of every unit into one frame with an
``entitas`` column and checks it with the rules of :mod:`lakip.data.load`,
vectorised over all units: each column is factorised, so each distinct
text is checked or parsed once, and numbers in their common forms
are read by string operations (:func:`lakip.core.numbers.parse_angka_banyak`).

The fast path never guesses and never writes its own messages. A unit that
any check flags, or whose files are not in the plain form (semicolon
separated, ragged rows, blank rows, quoted line breaks, optional tables), is
loaded on its own by :func:`lakip.data.load.muat`: it either loads (the frames are
the same) or fails with the exact messages, file, row and column of a single
unit. Warnings (``peringatan``) are not collected here: they do not stop a
run, and ``lakip periksa`` shows them unit by unit.

The frames are those of :class:`lakip.core.model.Unit`, concatenated in unit order
(sorted slugs), each with an ``entitas`` column first.
"""

from __future__ import annotations

import io
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from lakip.core.config import Pilihan
from lakip.core.model import TABEL, DataError, Kabupaten, PilihanError, Unit
from lakip.core.paths import DATA_DIR, resolve
from lakip.data.bulk_tables import Tanda, anggaran, anggaran_iku, indikator, kinerja, laporan
from lakip.core.teks import KENDALI
from lakip.data.contract import BATAS_BERKAS, BATAS_SEL, KOLOM, OPSIONAL
from lakip.data.entitas import baca_entitas
from lakip.data.load import daftar_entitas, muat

__all__ = ["TABEL", "Kabupaten", "muat_kabupaten"]

_WAJIB = tuple(f"{t}.csv" for t in TABEL)


# --------------------------------------------------------------------------- reading many files


@dataclass(frozen=True)
class _Kepala:
    kolom: tuple[str, ...] | None  # None: not in the plain form


_KEPALA: dict[str, _Kepala] = {}


def _kepala(name: str, line: str) -> _Kepala:
    """Whether a header line is in the plain form (comma separated, every required column, unique names)."""
    key = f"{name}\0{line}"
    if key not in _KEPALA:
        import csv

        cols = [h.strip().lower() for h in next(csv.reader([line]))]
        semi = [h.strip().lower() for h in next(csv.reader([line], delimiter=";"))]
        ok = (set(KOLOM[name]) <= set(cols) and len(set(cols)) == len(cols) and all(cols)
              and not (len(semi) > len(cols) and set(KOLOM[name]) <= set(semi)))
        _KEPALA[key] = _Kepala(tuple(cols) if ok else None)
    return _KEPALA[key]


def _baca_semua(root: Path, slugs: list[str], name: str, tanda: Tanda) -> pd.DataFrame | None:
    """Every unit's ``name`` as one frame of texts (``_uid`` = position in ``slugs``)."""
    groups: dict[tuple[str, ...], list[tuple[int, str, int]]] = {}
    for i, slug in enumerate(slugs):
        if tanda.flag[i]:
            continue
        try:
            data = (root / slug / name).read_bytes()
            text = data.decode("utf-8-sig")
        except (OSError, UnicodeDecodeError):
            tanda.unit(i)
            continue
        if len(data) > BATAS_BERKAS or KENDALI.search(text) or (
                len(text) > BATAS_SEL and max(map(len, text.split("\n"))) > BATAS_SEL):
            tanda.unit(i)  # a control character or a cell too long: the single-unit reader says where
            continue
        cut = text.find("\n")
        head = kepala = None
        if cut > 0:
            head = text[:cut].rstrip("\r")
            kepala = _kepala(name, head)
        body = text[cut + 1:] if cut > 0 else ""
        if kepala is None or kepala.kolom is None or not body.strip():
            tanda.unit(i)
            continue
        if not body.endswith("\n"):
            body += "\n"
        groups.setdefault(kepala.kolom, []).append((i, body, body.count("\n")))
    frames, kolom = [], []
    for cols, files in groups.items():
        df = _parse(name, cols, files, tanda)
        if df is not None:
            df.insert(1, "_g", len(kolom))
            frames.append(df)
            kolom.append(set(cols))
    if not frames:
        return None
    out = pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]
    if len(frames) > 1:
        out = out.iloc[np.argsort(out["_uid"].to_numpy(), kind="stable")].reset_index(drop=True)
    out.attrs["kolom"] = kolom  # the columns of each header group (_g): units may differ in optional columns
    return out


def _parse(name: str, cols: tuple[str, ...], files: list[tuple[int, str, int]], tanda: Tanda) -> pd.DataFrame | None:
    """One pandas parse of the bodies of many files with the same header (text cells: the C
    parser shares the objects of equal texts); files that do not
    parse as plain rows (ragged, quoted line breaks) are flagged and left out."""
    while files:
        counts = np.array([n for _, _, n in files])
        try:
            df = pd.read_csv(io.StringIO("".join(b for _, b, _ in files)), header=None, names=list(cols),
                             dtype=object, keep_default_na=False, skip_blank_lines=False, engine="c")
        except pd.errors.ParserError as e:  # too many fields: leave that file out
            m = re.search(r"line (\d+)", str(e))
            if not m:
                raise
            j = int(np.searchsorted(np.cumsum(counts), int(m.group(1))))
            tanda.unit(files[j][0])
            files = files[:j] + files[j + 1:]
            continue
        if len(df) != counts.sum():  # quoted line breaks: find the files and leave them out
            import csv

            keep = []
            for f in files:
                if sum(1 for _ in csv.reader(io.StringIO(f[1]))) != f[2]:
                    tanda.unit(f[0])
                else:
                    keep.append(f)
            if len(keep) == len(files):
                raise RuntimeError(f"{name}: jumlah baris tidak cocok")  # pragma: no cover - guards the bookkeeping
            files = keep
            continue
        df.insert(0, "_uid", np.repeat(np.array([i for i, _, _ in files], dtype=np.int64), counts))
        return df
    return None


def _entitas_semua(root: Path, slugs: list[str], tanda: Tanda) -> tuple[list[dict], list[Pilihan | None]]:
    """Each unit's entitas.yml, read and checked by :func:`lakip.data.load.baca_entitas`; a unit with
    any problem is flagged (loaded on its own, which reports them)."""
    infos, pilihan = [], []
    for i, slug in enumerate(slugs):
        masalah: list = []
        data, p = baca_entitas(root / slug / "entitas.yml", masalah)
        if masalah or p is None:
            tanda.unit(i)
            infos.append({})
            pilihan.append(None)
            continue
        infos.append(data)
        pilihan.append(p)
    return infos, pilihan


def _muat_potongan(root: str, slugs: list[str]) -> dict[str, Any]:
    """Load a share of the units: the plain ones in bulk, the flagged ones one by one."""
    root_p = Path(root)
    tanda = Tanda(len(slugs))
    infos, pilihan = _entitas_semua(root_p, slugs, tanda)
    for i, slug in enumerate(slugs):  # optional tables go with a unit loaded on its own
        if any((root_p / slug / name).exists() for name in OPSIONAL):
            tanda.unit(i)
    raw = {name: _baca_semua(root_p, slugs, name, tanda) for name in _WAJIB}
    frames: dict[str, pd.DataFrame] = {}
    if all(raw[n] is not None for n in _WAJIB):
        frames["indikator"] = ind = indikator(raw["indikator.csv"], tanda)
        frames["kinerja"] = kinerja(raw["kinerja.csv"], ind, tanda)
        frames["anggaran"] = anggaran(raw["anggaran.csv"], tanda)
        frames["anggaran_iku"] = anggaran_iku(raw["anggaran_iku.csv"], ind, tanda)
        frames["laporan"] = laporan(raw["laporan.csv"], ind, frames["anggaran"], tanda)
        # a unit with a table missing entirely was flagged while reading
        for name, df in frames.items():
            tanda.flag[np.setdiff1d(np.arange(len(slugs)), df["_uid"].to_numpy())] = True
    else:
        tanda.flag[:] = True
    good = ~tanda.flag
    units: list[Unit] = []
    gagal: dict[str, DataError] = {}
    for i in np.flatnonzero(tanda.flag):
        try:
            units.append(muat(root_p, slugs[i]))
        except DataError as e:
            gagal[slugs[i]] = e
    out = {}
    for t in TABEL:
        df = frames.get(t)
        bulk = None
        if df is not None:
            keep = good[df["_uid"].to_numpy()]
            bulk = df[keep]
            bulk.insert(0, "entitas", pd.Series(np.asarray(slugs, dtype=object)[bulk["_uid"].to_numpy()], index=bulk.index, dtype=object))
        single = [getattr(u, t).assign(_uid=slugs.index(u.slug)) for u in units]
        for u, s in zip(units, single):
            s.insert(0, "entitas", pd.Series([u.slug] * len(s), index=s.index, dtype=object))
        parts = ([bulk] if bulk is not None else []) + single
        all_ = pd.concat(parts, ignore_index=True) if len(parts) > 1 else parts[0].reset_index(drop=True) if parts else pd.DataFrame()
        if len(all_):
            all_ = all_.iloc[np.argsort(all_["_uid"].to_numpy(), kind="stable")].reset_index(drop=True)
        out[t] = all_.drop(columns="_uid", errors="ignore")
    by_slug = {u.slug: u for u in units}
    loaded = [i for i in range(len(slugs)) if good[i] or slugs[i] in by_slug]
    out["_unit"] = [(slugs[i], by_slug[slugs[i]].entitas if slugs[i] in by_slug else infos[i],
                     by_slug[slugs[i]].pilihan if slugs[i] in by_slug else pilihan[i]) for i in loaded]
    out["_gagal"] = gagal
    out["_lampiran"] = {u.slug: u.lampiran for u in units if u.lampiran}  # only units with an optional table load one by one
    out["_satu_satu"] = int(tanda.flag.sum())
    return out


def muat_kabupaten(data_dir: str | Path | None = None, slugs: Iterable[str] | None = None, pekerja: int | None = None) -> Kabupaten:
    """Load and validate every unit of a data folder (or the given ``slugs``) at once.

    The units are shared among ``pekerja`` worker processes (default: one per
    core, but at most one per 200 units). Units that cannot be used are
    in ``gagal`` with the messages :func:`lakip.data.load.muat` gives; the others
    give the same frames as :func:`lakip.data.load.muat`.

    Raises:
        PilihanError: when the data folder does not exist.
    """
    root = resolve(data_dir, DATA_DIR)
    if not root.is_dir():
        raise PilihanError(f"folder data '{root}' tidak ada")
    slugs = list(slugs) if slugs is not None else daftar_entitas(root)
    if pekerja:
        workers = max(1, min(pekerja, len(slugs)))
    else:  # a process costs about as much to start as loading 200 units
        workers = max(1, min(os.cpu_count() or 1, len(slugs) // 200 or 1))
    shares = [list(s) for s in np.array_split(np.asarray(slugs, dtype=object), workers)] if slugs else [[]]
    if workers == 1:
        results = [_muat_potongan(str(root), shares[0])]
    else:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn")) as pool:
            results = list(pool.map(_muat_potongan, [str(root)] * workers, shares))
    kelompok: dict[str, int] = {}
    pilihan: list[Pilihan] = []
    rows, info, gagal, lampiran = [], {}, {}, {}
    for r in results:
        gagal.update(r["_gagal"])
        lampiran.update(r["_lampiran"])
        for slug, data, p in r["_unit"]:
            key = repr(p.as_dict())
            if key not in kelompok:
                kelompok[key] = len(pilihan)
                pilihan.append(p)
            rows.append((slug, str(data.get("nama", slug)), str(data.get("pemda") or ""), kelompok[key]))
            info[slug] = data
    frames = {}
    for t in TABEL:
        # the empty frames of other shares would only blur the column types; with
        # no row at all (e.g. no unit has a laporan yet) the columns are kept
        parts = [r[t] for r in results if len(r[t])] or [r[t] for r in results if len(r[t].columns)][:1]
        frames[t] = pd.concat(parts, ignore_index=True) if len(parts) > 1 else (parts[0] if parts else pd.DataFrame({"entitas": []}))
    return Kabupaten(folder=root, unit=pd.DataFrame(rows, columns=["entitas", "nama", "pemda", "kelompok"]),
                     pilihan=pilihan, info=info, gagal=dict(sorted(gagal.items())),
                     satu_satu=sum(r["_satu_satu"] for r in results), lampiran=lampiran, **frames)
