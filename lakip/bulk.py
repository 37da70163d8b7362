"""Loading and validating every unit of a data folder at once (a kabupaten, or thousands of units).

:func:`muat_kabupaten` reads each table of every unit into one frame with an
``entitas`` column and checks it with the rules of :mod:`lakip.load`,
vectorised over all units: each column is factorised, so each distinct
text is checked or parsed once, and numbers in their common forms
are read by string operations (:func:`lakip.numbers.parse_angka_banyak`).

The fast path never guesses and never writes its own messages. A unit that
any check flags, or whose files are not in the plain form (semicolon
separated, ragged rows, blank rows, quoted line breaks, optional tables), is
loaded on its own by :func:`lakip.load.muat`: it either loads (the frames are
the same) or fails with the exact messages, file, row and column of a single
unit. Warnings (``peringatan``) are not collected here: they do not stop a
run, and ``lakip periksa`` shows them unit by unit.

The frames are those of :class:`lakip.load.Unit`, concatenated in unit order
(sorted slugs), each with an ``entitas`` column first.
"""

from __future__ import annotations

import io
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import yaml

from lakip.config import Pilihan
from lakip.formula import urai_rumus
from lakip.load import (
    JENIS,
    KOLOM,
    POLARITAS,
    TINGKAT,
    DataError,
    PilihanError,
    Unit,
    _nilai,
    _OPSIONAL,
    _skala_kata,
    _tahun_ok,
    daftar_entitas,
    kunci_laporan,
    muat,
)
from lakip.numbers import AngkaError, parse_angka_banyak
from lakip.paths import DATA_DIR, resolve

__all__ = ["TABEL", "Kabupaten", "muat_kabupaten"]

#: The tables of a unit, as attributes of :class:`Unit` and :class:`Kabupaten`.
TABEL = ("indikator", "kinerja", "anggaran", "anggaran_iku", "laporan")
_WAJIB = tuple(f"{t}.csv" for t in TABEL)
_YAML = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass
class Kabupaten:
    """The loaded data of many units: one frame per table, each with an ``entitas`` column.

    ``unit`` has one row per loaded unit in order (``entitas``, ``nama``,
    ``pemda``, ``kelompok``: the index of its rule choices in ``pilihan``);
    ``info`` holds each unit's ``entitas.yml``; ``gagal`` the units that
    cannot be used, with their problems.
    """

    folder: Path | None
    unit: pd.DataFrame
    pilihan: list[Pilihan]
    info: dict[str, dict[str, Any]]
    indikator: pd.DataFrame
    kinerja: pd.DataFrame
    anggaran: pd.DataFrame
    anggaran_iku: pd.DataFrame
    laporan: pd.DataFrame
    gagal: dict[str, DataError] = field(default_factory=dict)
    satu_satu: int = 0  # units loaded one by one (flagged by a check or not in the plain form)

    @property
    def slugs(self) -> list[str]:
        return list(self.unit["entitas"])

    def __len__(self) -> int:
        return len(self.unit)

    def pilihan_unit(self, slug: str) -> Pilihan:
        k = self.unit.loc[self.unit["entitas"] == slug, "kelompok"]
        return self.pilihan[int(k.iloc[0])]

    def tahun_terakhir(self) -> pd.Series:
        """The latest year with a realisasi of each unit (missing when none), by slug."""
        k = self.kinerja[self.kinerja["realisasi_nilai"].notna()]
        return k.groupby("entitas", sort=False)["tahun"].max().reindex(self.unit["entitas"])

    def tahun(self) -> pd.Series:
        """The years with an IKU row of each unit, as sorted lists, by slug."""
        g = self.kinerja.groupby("entitas", sort=False)["tahun"].unique()
        return g.map(lambda t: sorted(int(x) for x in t)).reindex(self.unit["entitas"])

    def _rentang(self, tabel: str) -> dict[str, tuple[int, int]]:
        """The rows of each unit in a table (the tables are in unit order), computed once."""
        cache = self.__dict__.setdefault("_rentang_cache", {})
        if tabel not in cache:
            ent = getattr(self, tabel)["entitas"].to_numpy()
            change = np.flatnonzero(ent[1:] != ent[:-1]) + 1 if len(ent) else np.zeros(0, dtype=np.int64)
            starts = np.concatenate([[0], change]) if len(ent) else change
            ends = np.concatenate([change, [len(ent)]]) if len(ent) else change
            cache[tabel] = {ent[a]: (int(a), int(b)) for a, b in zip(starts, ends)}
        return cache[tabel]

    def ke_unit(self, slug: str) -> Unit:
        """One unit as :class:`lakip.load.Unit` (its rows of every table)."""
        frames = {}
        for t in TABEL:
            a, b = self._rentang(t).get(slug, (0, 0))
            frames[t] = getattr(self, t).iloc[a:b].drop(columns="entitas").reset_index(drop=True)
        return Unit(slug=slug, folder=(self.folder / slug) if self.folder else Path(slug), entitas=self.info[slug],
                    pilihan=self.pilihan_unit(slug), **frames)

    @classmethod
    def dari_unit(cls, units: Sequence[Unit], gagal: dict[str, DataError] | None = None) -> "Kabupaten":
        """The same structure from units loaded one by one."""
        kelompok: dict[str, int] = {}
        pilihan: list[Pilihan] = []
        rows = []
        for u in units:
            key = repr(u.pilihan.as_dict())
            if key not in kelompok:
                kelompok[key] = len(pilihan)
                pilihan.append(u.pilihan)
            rows.append((u.slug, u.nama, str(u.entitas.get("pemda") or ""), kelompok[key]))
        frames = {}
        for t in TABEL:
            parts = [getattr(u, t) for u in units]
            df = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame()
            df.insert(0, "entitas", pd.Series(np.repeat(np.array([u.slug for u in units], dtype=object), [len(p) for p in parts]),
                                              index=df.index, dtype=object))
            frames[t] = df
        folder = units[0].folder.parent if units else None
        return cls(folder=folder, unit=pd.DataFrame(rows, columns=["entitas", "nama", "pemda", "kelompok"]),
                   pilihan=pilihan, info={u.slug: u.entitas for u in units}, gagal=dict(gagal or {}), **frames)


# --------------------------------------------------------------------------- reading many files


class _Tanda:
    """The units flagged for loading one by one."""

    def __init__(self, n: int):
        self.flag = np.zeros(n, dtype=bool)

    def rows(self, uid: np.ndarray, bad: np.ndarray) -> None:
        if bad.any():
            self.flag[np.unique(uid[bad])] = True

    def unit(self, i: int) -> None:
        self.flag[i] = True


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


def _baca_semua(root: Path, slugs: list[str], name: str, tanda: _Tanda) -> pd.DataFrame | None:
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


def _parse(name: str, cols: tuple[str, ...], files: list[tuple[int, str, int]], tanda: _Tanda) -> pd.DataFrame | None:
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


# --------------------------------------------------------------------------- per-category helpers


def _teks(col: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """(codes, distinct stripped texts) of a text column; code -1 is a missing field."""
    codes, uniques = pd.factorize(col.to_numpy(dtype=object))
    return codes.astype(np.int64), np.array([u.strip() for u in uniques], dtype=object)


def _objek(codes: np.ndarray, cats: np.ndarray) -> np.ndarray:
    out = np.empty(len(codes), dtype=object)
    out[:] = cats[np.maximum(codes, 0)] if len(cats) else ""
    return out


class _Tabel:
    """A table of many units while it is checked: text columns as (codes, categories)."""

    def __init__(self, df: pd.DataFrame):
        self.uid = df["_uid"].to_numpy()
        self.cols = [c for c in df.columns if c not in ("_uid", "_g")]
        self.kode: dict[str, tuple[np.ndarray, np.ndarray]] = {c: _teks(df[c]) for c in self.cols}
        self.n = len(df)
        # whether each row's file has the column (units may differ in optional columns)
        g, kolom = df["_g"].to_numpy(), df.attrs.get("kolom", [])
        self.ada = {c: np.isin(g, [i for i, k in enumerate(kolom) if c in k]) for c in self.cols}

    def obj(self, col: str) -> np.ndarray:
        """The stripped texts of a column; empty where the row's file has no such column."""
        codes, cats = self.kode[col]
        out = _objek(codes, cats)
        out[codes < 0] = ""
        return out

    def keluaran(self) -> pd.DataFrame:
        """The stripped texts as object columns (as :func:`lakip.load.muat` keeps them), with
        ``_uid``; missing (NaN) where a unit's file has no such column, as a concatenation gives."""
        cols = {}
        for c in self.cols:
            v = self.obj(c)
            v[~self.ada[c]] = np.nan
            cols[c] = pd.Series(v, dtype=object)
        return pd.DataFrame({"_uid": self.uid, **cols})

    def hilang(self) -> np.ndarray:
        """Rows with a missing field (a short row) or with every cell empty (a blank row)."""
        short = np.zeros(self.n, dtype=bool)
        empty = np.ones(self.n, dtype=bool)
        for c, (codes, cats) in self.kode.items():
            ada = self.ada[c]
            short |= (codes < 0) & ada
            kosong = (cats == "")[np.maximum(codes, 0)] | (codes < 0) if len(cats) else np.ones(self.n, dtype=bool)
            empty &= kosong | ~ada
        return short | empty

    def tiap(self, col: str, pred) -> np.ndarray:
        """Rows where ``pred`` (of the stripped text) holds, computed once per distinct text."""
        codes, cats = self.kode[col]
        if not len(cats):
            return np.zeros(self.n, dtype=bool)
        return np.array([bool(pred(c)) for c in cats], dtype=bool)[np.maximum(codes, 0)]

    def angka(self, col: str) -> tuple[np.ndarray, np.ndarray]:
        """(values, unreadable) of a number column."""
        codes, cats = self.kode[col]
        if not len(cats):
            return np.full(self.n, np.nan), np.zeros(self.n, dtype=bool)
        vals, problems = parse_angka_banyak(cats)
        bad = np.zeros(len(cats), dtype=bool)
        bad[list(problems)] = True
        idx = np.maximum(codes, 0)
        return vals[idx], bad[idx]


def _tahun(t: _Tabel, col: str = "tahun") -> np.ndarray:
    codes, cats = t.kode[col]
    years = np.array([int(c) if _tahun_ok(c) else -1 for c in cats], dtype=np.int64) if len(cats) else np.zeros(0, np.int64)
    return years[np.maximum(codes, 0)] if len(cats) else np.full(t.n, -1)


def _ganda(uid: np.ndarray, *keys: np.ndarray) -> np.ndarray:
    """Rows whose (unit, keys) occurs more than once."""
    df = pd.DataFrame({"u": uid, **{f"k{i}": k for i, k in enumerate(keys)}})
    return df.duplicated(keep=False).to_numpy()


def _ada(uid: np.ndarray, kode: np.ndarray, uid_ref: np.ndarray, kode_ref: np.ndarray) -> np.ndarray:
    """Whether each (unit, code) is among the reference pairs."""
    ref = pd.MultiIndex.from_arrays([uid_ref, kode_ref])
    return pd.MultiIndex.from_arrays([uid, kode]).isin(ref)


# --------------------------------------------------------------------------- the tables


def _indikator(df: pd.DataFrame, tanda: _Tanda) -> pd.DataFrame:
    t = _Tabel(df)
    bad = t.hilang()
    for col in ("kode", "sasaran_kode", "sasaran", "indikator"):
        bad |= t.tiap(col, lambda v: v == "")
    bad |= t.tiap("polaritas", lambda v: v not in POLARITAS)
    bad |= t.tiap("jenis", lambda v: v not in JENIS)
    kode = t.obj("kode")
    bad |= _ganda(t.uid, kode)
    # units where one sasaran_kode has two wordings: lakip.load names the rows
    s_teks = pd.Series(t.obj("sasaran")).map(lambda v: " ".join(str(v).split()).casefold())
    nama = pd.DataFrame({"u": t.uid, "k": t.obj("sasaran_kode"), "s": s_teks})
    ragam = nama.groupby(["u", "k"], sort=False)["s"].transform("nunique").to_numpy() > 1
    bad |= ragam
    jenis = t.obj("jenis")
    sk_codes, sk_cats = t.kode["skala"]
    kata = np.array([_skala_kata(c) for c in sk_cats] + [None], dtype=object)
    skala_kata = kata[np.where(jenis == "kategori", sk_codes, len(sk_cats))]
    bad |= (jenis == "kategori") & np.array([w is None for w in skala_kata])
    out = t.keluaran()
    out["skala_kata"] = skala_kata
    renstra = np.full((t.n, 3), np.nan)
    if "target_renstra" in t.kode:
        tr = t.obj("target_renstra")
        for i in np.flatnonzero(tr != ""):
            if jenis[i] in JENIS and not (jenis[i] == "kategori" and skala_kata[i] is None):
                try:
                    v = _nilai(tr[i], jenis[i], skala_kata[i])
                except AngkaError:
                    bad[i] = True
                else:
                    renstra[i] = v or (np.nan, np.nan, np.nan)
    for j, key in enumerate(("renstra_nilai", "renstra_bawah", "renstra_atas")):
        out[key] = renstra[:, j]
    rumus = {}
    persamaan = []
    rk = t.obj("rumus_komponen") if "rumus_komponen" in t.kode else np.full(t.n, "", dtype=object)
    for i, r in enumerate(rk):
        if r not in rumus:
            try:
                rumus[r] = urai_rumus(r)
            except ValueError:
                rumus[r] = None
        if rumus[r] is None:
            bad[i] = True
            persamaan.append([])
        else:
            persamaan.append(list(rumus[r]))
    out["persamaan"] = persamaan
    # as muat: an empty text where the file has no target_renstra column
    out["target_renstra"] = out["target_renstra"].fillna("") if "target_renstra" in out.columns else ""
    for kolom in ("tahun_renstra", "tahun_akhir"):  # optional years, as muat reads them
        th = t.obj(kolom) if kolom in t.kode else np.full(t.n, "", dtype=object)
        th_bad = (th != "") & ~t.tiap(kolom, _tahun_ok) if kolom in t.kode else np.zeros(t.n, bool)
        bad |= th_bad
        out[kolom] = pd.array([int(v) if v and not b else pd.NA for v, b in zip(th, th_bad)], dtype="Int64")
    tanda.rows(t.uid, bad)
    return out


def _kinerja(df: pd.DataFrame, ind: pd.DataFrame, tanda: _Tanda) -> pd.DataFrame:
    t = _Tabel(df)
    bad = t.hilang()
    bad |= t.tiap("kode", lambda v: v == "")
    tahun = _tahun(t)
    bad |= tahun < 0
    kode = t.obj("kode")
    bad |= _ganda(t.uid, kode, tahun)
    # the IKU of each row, in the unit's indikator.csv
    meta = ind[["_uid", "kode", "jenis", "polaritas", "skala_kata", "sasaran_kode"]].drop_duplicates(["_uid", "kode"])
    pos = pd.MultiIndex.from_arrays([meta["_uid"], meta["kode"]]).get_indexer(pd.MultiIndex.from_arrays([t.uid, kode]))
    bad |= pos < 0
    ok = pos >= 0
    jenis = np.where(ok, meta["jenis"].to_numpy(dtype=object)[np.maximum(pos, 0)], "")
    skala = meta["skala_kata"].to_numpy(dtype=object)[np.maximum(pos, 0)]
    nilai = {}
    for kolom in ("target", "realisasi"):
        codes, cats = t.kode[kolom]
        vals = np.full((t.n, 3), np.nan)
        kosong = np.zeros(t.n, dtype=bool)
        j_eff = np.where((jenis == "rentang") & (kolom == "realisasi"), "angka", jenis)
        angka = j_eff == "angka"
        if angka.any() and len(cats):
            v, unreadable = t.angka(kolom)
            vals[angka, 0] = v[angka]
            bad |= angka & unreadable
            kosong |= angka & np.isnan(v) & ~unreadable
        cache: dict[tuple, Any] = {}
        for i in np.flatnonzero(ok & ~angka):
            if jenis[i] == "kategori" and skala[i] is None:
                continue
            key = (codes[i], j_eff[i], skala[i])
            if key not in cache:
                try:
                    cache[key] = _nilai(cats[codes[i]].strip() if codes[i] >= 0 else "", j_eff[i], skala[i])
                except AngkaError:
                    cache[key] = "galat"
            v = cache[key]
            if v == "galat":
                bad[i] = True
            elif v is None:
                kosong[i] = True
            else:
                vals[i] = v
        if kolom == "target":
            bad |= ok & kosong & ~((jenis == "kategori") & np.array([s is None for s in skala]))
        nilai[kolom] = vals
    # every IKU has a row in every year of the data from its first year on, up to
    # its tahun_akhir when it has one, and none after it
    years_ok = tahun >= 0
    unit_years = pd.DataFrame({"u": t.uid[years_ok], "th": tahun[years_ok]}).drop_duplicates()
    have = pd.DataFrame({"u": t.uid[years_ok], "kode": kode[years_ok], "th": tahun[years_ok]}).drop_duplicates()
    first = have.groupby(["u", "kode"], sort=False)["th"].agg(["min", "max", "size"]).reset_index()
    akhir = ind["tahun_akhir"].to_numpy(dtype="float64", na_value=np.inf)
    all_ind = pd.DataFrame({"u": ind["_uid"].to_numpy(), "kode": ind["kode"].to_numpy(), "akhir": akhir}).merge(
        first, on=["u", "kode"], how="left")
    # units whose indikator.csv has an IKU without any row, or with a row after its tahun_akhir
    tanda.rows(all_ind["u"].to_numpy(), (all_ind["min"].isna() | (all_ind["max"] > all_ind["akhir"])).to_numpy())
    chk = all_ind.dropna(subset=["min"]).merge(unit_years, on="u")
    expected = chk[(chk["th"] >= chk["min"]) & (chk["th"] <= chk["akhir"])].groupby(["u", "kode"], sort=False).size()
    got = chk.drop_duplicates(["u", "kode"]).set_index(["u", "kode"])["size"]
    short = (got.reindex(expected.index) < expected)
    tanda.rows(short.index.get_level_values(0).to_numpy(), short.to_numpy())
    tanda.rows(t.uid, bad)
    out = t.keluaran()
    out["target_nilai"], out["target_bawah"], out["target_atas"] = nilai["target"].T
    out["realisasi_nilai"] = nilai["realisasi"][:, 0]
    out["tahun"] = pd.array(np.where(tahun >= 0, tahun, 0), dtype="Int64")
    for col in ("sasaran_kode", "polaritas", "jenis"):
        v = meta[col].to_numpy(dtype=object)[np.maximum(pos, 0)]
        out[col] = pd.Series(np.where(ok, v, None), dtype=object)
    return out


def _anggaran(df: pd.DataFrame, tanda: _Tanda) -> pd.DataFrame:
    t = _Tabel(df)
    bad = t.hilang()
    tahun = _tahun(t)
    bad |= tahun < 0
    bad |= t.tiap("kode", lambda v: v == "") | t.tiap("uraian", lambda v: v == "")
    bad |= t.tiap("tingkat", lambda v: v not in TINGKAT)
    kode, induk = t.obj("kode"), t.obj("induk")
    bad |= _ganda(t.uid, tahun, kode)
    pagu, p_bad = t.angka("pagu")
    real, r_bad = t.angka("realisasi")
    bad |= p_bad | np.isnan(pagu) | (pagu < 0) | r_bad | (real < 0)
    has_parent = induk != ""
    nodes = pd.MultiIndex.from_arrays([t.uid, tahun, kode])
    parent = nodes.get_indexer(pd.MultiIndex.from_arrays([t.uid, tahun, induk])) if not _ganda(t.uid, tahun, kode).any() else None
    if parent is None:  # duplicates are flagged already; the tree is checked on the rest
        parent = np.full(t.n, -1)
        first = ~pd.DataFrame({"u": t.uid, "t": tahun, "k": kode}).duplicated().to_numpy()
        idx = np.flatnonzero(first)
        ref = pd.MultiIndex.from_arrays([t.uid[idx], tahun[idx], kode[idx]])
        hit = ref.get_indexer(pd.MultiIndex.from_arrays([t.uid, tahun, induk]))
        parent = np.where(hit >= 0, idx[np.maximum(hit, 0)], -1)
    bad |= has_parent & (parent < 0)
    # a cycle never reaches a top-level node: follow parents by doubling
    p = np.where(has_parent, parent, -1)
    for _ in range(int(np.ceil(np.log2(max(t.n, 2)))) + 1):
        p = np.where(p >= 0, p[np.maximum(p, 0)], -1)
    bad |= p >= 0
    tanda.rows(t.uid, bad)
    out = t.keluaran()
    out["pagu"], out["realisasi"] = pagu, real
    out["induk"] = pd.Series(np.where(has_parent, induk, np.nan), dtype=object)
    out["tahun"] = pd.array(np.where(tahun >= 0, tahun, 0), dtype="Int64")
    return out


def _anggaran_iku(df: pd.DataFrame, ind: pd.DataFrame, tanda: _Tanda) -> pd.DataFrame:
    t = _Tabel(df)
    bad = t.hilang()
    tahun = _tahun(t)
    bad |= (tahun < 0) | t.tiap("kode", lambda v: v == "")
    kode = t.obj("kode")
    bad |= _ganda(t.uid, tahun, kode)
    pagu, p_bad = t.angka("pagu")
    real, r_bad = t.angka("realisasi")
    bad |= p_bad | np.isnan(pagu) | (pagu < 0) | r_bad | (real < 0)
    bad |= (kode != "") & ~_ada(t.uid, kode, ind["_uid"].to_numpy(), ind["kode"].to_numpy())
    tanda.rows(t.uid, bad)
    out = t.keluaran()
    out["pagu"], out["realisasi"] = pagu, real
    out["tahun"] = pd.array(np.where(tahun >= 0, tahun, 0), dtype="Int64")
    return out


def _laporan(df: pd.DataFrame, ind: pd.DataFrame, ang: pd.DataFrame | None, tanda: _Tanda) -> pd.DataFrame:
    t = _Tabel(df)
    bad = t.hilang()
    tahun = _tahun(t)
    bad |= (tahun < 0) | t.tiap("tabel", lambda v: v == "") | t.tiap("kunci", lambda v: v == "")
    codes, cats = t.kode["kunci"]
    parts = []
    for c in cats:
        try:
            parts.append(kunci_laporan(c) if c else {})
        except ValueError:
            parts.append(None)
    idx = np.maximum(codes, 0)
    bad |= np.array([p is None for p in parts] or [False], dtype=bool)[idx] & (codes >= 0)
    refs = {
        "iku": (ind["_uid"].to_numpy(), ind["kode"].to_numpy()),
        "sasaran": (ind["_uid"].to_numpy(), ind["sasaran_kode"].to_numpy()),
    }
    if ang is not None:
        u = np.concatenate([ang["_uid"].to_numpy(), np.unique(ang["_uid"].to_numpy())])
        k = np.concatenate([ang["kode"].to_numpy(), np.full(len(u) - len(ang), "jumlah", dtype=object)])
        refs["anggaran"] = (u, k)
    for ref, (ru, rk) in refs.items():
        part = np.array([(p or {}).get(ref, "") for p in parts] or [""], dtype=object)[idx]
        rows = part != ""
        if rows.any():
            miss = ~_ada(t.uid[rows], part[rows], ru, rk)
            bad[np.flatnonzero(rows)[miss]] = True
    tanda.rows(t.uid, bad)
    out = t.keluaran()
    out["catatan"] = out["catatan"].fillna("") if "catatan" in out.columns else ""
    out["tahun"] = pd.array(np.where(tahun >= 0, tahun, 0), dtype="Int64")
    return out


# --------------------------------------------------------------------------- entry point


def _entitas_semua(root: Path, slugs: list[str], tanda: _Tanda) -> tuple[list[dict], list[Pilihan | None]]:
    infos, pilihan, cache = [], [], {}
    for i, slug in enumerate(slugs):
        try:
            data = yaml.load((root / slug / "entitas.yml").read_text(encoding="utf-8"), Loader=_YAML)
            if not isinstance(data, dict) or not str(data.get("nama") or "").strip():
                raise ValueError
            key = repr(data.get("pilihan"))
            if key not in cache:
                cache[key] = Pilihan.from_dict(data.get("pilihan"))
        except (OSError, UnicodeDecodeError, yaml.YAMLError, ValueError, TypeError):
            tanda.unit(i)
            infos.append({})
            pilihan.append(None)
            continue
        infos.append(data)
        pilihan.append(cache[key])
    return infos, pilihan


def _muat_potongan(root: str, slugs: list[str]) -> dict[str, Any]:
    """Load a share of the units: the plain ones in bulk, the flagged ones one by one."""
    root_p = Path(root)
    tanda = _Tanda(len(slugs))
    infos, pilihan = _entitas_semua(root_p, slugs, tanda)
    for i, slug in enumerate(slugs):  # optional tables go with a unit loaded on its own
        if any((root_p / slug / name).exists() for name in _OPSIONAL):
            tanda.unit(i)
    raw = {name: _baca_semua(root_p, slugs, name, tanda) for name in _WAJIB}
    frames: dict[str, pd.DataFrame] = {}
    if all(raw[n] is not None for n in _WAJIB):
        frames["indikator"] = ind = _indikator(raw["indikator.csv"], tanda)
        frames["kinerja"] = _kinerja(raw["kinerja.csv"], ind, tanda)
        frames["anggaran"] = _anggaran(raw["anggaran.csv"], tanda)
        frames["anggaran_iku"] = _anggaran_iku(raw["anggaran_iku.csv"], ind, tanda)
        frames["laporan"] = _laporan(raw["laporan.csv"], ind, frames["anggaran"], tanda)
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
    out["_satu_satu"] = int(tanda.flag.sum())
    return out


def muat_kabupaten(data_dir: str | Path | None = None, slugs: Iterable[str] | None = None, pekerja: int | None = None) -> Kabupaten:
    """Load and validate every unit of a data folder (or the given ``slugs``) at once.

    The units are shared among ``pekerja`` worker processes (default: one per
    core, but at most one per 200 units). Units that cannot be used are
    in ``gagal`` with the messages :func:`lakip.load.muat` gives; the others
    give the same frames as :func:`lakip.load.muat`.

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
    rows, info, gagal = [], {}, {}
    for r in results:
        gagal.update(r["_gagal"])
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
                     satu_satu=sum(r["_satu_satu"] for r in results), **frames)
