"""The checks of :mod:`lakip.data.bulk`: each table of many units, read as one frame, checked with the
rules of a single unit vectorised over all units; a unit that any check flags is loaded on its own."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from lakip.core.budget import akar_indeks, posisi_induk, tingkat_terbalik
from lakip.core.formula import urai_rumus
from lakip.core.numbers import AngkaError, parse_angka_banyak
from lakip.core.vocabulary import JENIS, SEMUA_SASARAN, TINGKAT_SINONIM, baca_nilai, kunci_laporan, skala_kata, tahun_ok
from lakip.data.contract import KONTRAK

__all__ = ["Tanda", "TabelBanyak", "indikator", "kinerja", "anggaran", "anggaran_iku", "laporan"]


class Tanda:
    """The units flagged for loading one by one."""

    def __init__(self, n: int):
        self.flag = np.zeros(n, dtype=bool)

    def rows(self, uid: np.ndarray, bad: np.ndarray) -> None:
        if bad.any():
            self.flag[np.unique(uid[bad])] = True

    def unit(self, i: int) -> None:
        self.flag[i] = True



def _teks(col: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """(codes, distinct stripped texts) of a text column; code -1 is a missing field."""
    codes, uniques = pd.factorize(col.to_numpy(dtype=object))
    return codes.astype(np.int64), np.array([u.strip() for u in uniques], dtype=object)


def _objek(codes: np.ndarray, cats: np.ndarray) -> np.ndarray:
    out = np.empty(len(codes), dtype=object)
    out[:] = cats[np.maximum(codes, 0)] if len(cats) else ""
    return out


class TabelBanyak:
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
        """The stripped texts as object columns (as :func:`lakip.data.load.muat` keeps them), with
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


def _tahun(t: TabelBanyak, col: str = "tahun") -> np.ndarray:
    codes, cats = t.kode[col]
    years = np.array([int(c) if tahun_ok(c) else -1 for c in cats], dtype=np.int64) if len(cats) else np.zeros(0, np.int64)
    return years[np.maximum(codes, 0)] if len(cats) else np.full(t.n, -1)


def _ganda(uid: np.ndarray, *keys: np.ndarray) -> np.ndarray:
    """Rows whose (unit, keys) occurs more than once."""
    df = pd.DataFrame({"u": uid, **{f"k{i}": k for i, k in enumerate(keys)}})
    return df.duplicated(keep=False).to_numpy()


def _ada(uid: np.ndarray, kode: np.ndarray, uid_ref: np.ndarray, kode_ref: np.ndarray) -> np.ndarray:
    """Whether each (unit, code) is among the reference pairs."""
    ref = pd.MultiIndex.from_arrays([uid_ref, kode_ref])
    return pd.MultiIndex.from_arrays([uid, kode]).isin(ref)


def _kontrak(t: TabelBanyak, name: str) -> np.ndarray:
    """Rows that fail a column check of the contract (:data:`lakip.data.contract.KONTRAK`, the checks the
    single-unit reader's schema runs) or repeat the key of an earlier row of their unit."""
    tabel = KONTRAK[name]
    bad = np.zeros(t.n, dtype=bool)
    for col, ceks in tabel.cek.items():
        for c in ceks:
            bad |= t.tiap(col, lambda v, c=c: not c.lolos(v))
    if tabel.kunci:
        bad |= _ganda(t.uid, *(t.obj(k) for k in tabel.kunci))
    return bad


def indikator(df: pd.DataFrame, tanda: Tanda) -> pd.DataFrame:
    t = TabelBanyak(df)
    bad = t.hilang() | _kontrak(t, "indikator.csv")
    # units where one sasaran_kode has two wordings: lakip.data.load names the rows
    s_teks = pd.Series(t.obj("sasaran")).map(lambda v: " ".join(str(v).split()).casefold())
    nama = pd.DataFrame({"u": t.uid, "k": t.obj("sasaran_kode"), "s": s_teks})
    ragam = nama.groupby(["u", "k"], sort=False)["s"].transform("nunique").to_numpy() > 1
    bad |= ragam
    jenis = t.obj("jenis")
    sk_codes, sk_cats = t.kode["skala"]
    kata = np.array([skala_kata(c) for c in sk_cats] + [None], dtype=object)
    kata_iku = kata[np.where(jenis == "kategori", sk_codes, len(sk_cats))]
    bad |= (jenis == "kategori") & np.array([w is None for w in kata_iku])
    out = t.keluaran()
    out["skala_kata"] = kata_iku
    renstra = np.full((t.n, 3), np.nan)
    if "target_renstra" in t.kode:
        tr = t.obj("target_renstra")
        for i in np.flatnonzero(tr != ""):
            if jenis[i] in JENIS and not (jenis[i] == "kategori" and kata_iku[i] is None):
                try:
                    v = baca_nilai(tr[i], jenis[i], kata_iku[i])
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
    if "sumber" in t.kode:  # an IKU with a source (survei_ikm.csv, lke.csv): its unit is loaded on its own
        bad |= t.obj("sumber") != ""
    for kolom in ("tahun_renstra", "tahun_akhir"):  # optional years, as muat reads them
        th = t.obj(kolom) if kolom in t.kode else np.full(t.n, "", dtype=object)
        th_bad = (th != "") & ~t.tiap(kolom, tahun_ok) if kolom in t.kode else np.zeros(t.n, bool)
        bad |= th_bad
        out[kolom] = pd.array([int(v) if v and not b else pd.NA for v, b in zip(th, th_bad)], dtype="Int64")
    tanda.rows(t.uid, bad)
    return out


def kinerja(df: pd.DataFrame, ind: pd.DataFrame, tanda: Tanda) -> pd.DataFrame:
    t = TabelBanyak(df)
    bad = t.hilang() | _kontrak(t, "kinerja.csv")
    tahun = _tahun(t)
    kode = t.obj("kode")
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
                    cache[key] = baca_nilai(cats[codes[i]].strip() if codes[i] >= 0 else "", j_eff[i], skala[i])
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


def anggaran(df: pd.DataFrame, tanda: Tanda) -> pd.DataFrame:
    t = TabelBanyak(df)
    bad = t.hilang() | _kontrak(t, "anggaran.csv")
    tahun = _tahun(t)
    kode, induk = t.obj("kode"), t.obj("induk")
    pagu, p_bad = t.angka("pagu")
    real, r_bad = t.angka("realisasi")
    bad |= p_bad | np.isnan(pagu) | (pagu < 0) | r_bad | (real < 0)
    has_parent = induk != ""
    parent = posisi_induk(kode, induk, t.uid, tahun)
    bad |= has_parent & (parent < 0)  # an induk that is not a node of the unit's year
    bad |= akar_indeks(parent) < 0  # a cycle never reaches a top-level node
    tingkat = t.obj("tingkat")
    for sinonim, baku in TINGKAT_SINONIM.items():  # unit_kerja is the level of bagian
        tingkat[tingkat == sinonim] = baku
    bad |= tingkat_terbalik(tingkat, parent)  # a program under a sub-kegiatan
    tanda.rows(t.uid, bad)
    out = t.keluaran()
    out["tingkat"] = pd.Series(np.where(t.ada["tingkat"], tingkat, np.nan), dtype=object)
    out["pagu"], out["realisasi"] = pagu, real
    out["induk"] = pd.Series(np.where(has_parent, induk, np.nan), dtype=object)
    out["tahun"] = pd.array(np.where(tahun >= 0, tahun, 0), dtype="Int64")
    return out


def anggaran_iku(df: pd.DataFrame, ind: pd.DataFrame, tanda: Tanda) -> pd.DataFrame:
    t = TabelBanyak(df)
    bad = t.hilang() | _kontrak(t, "anggaran_iku.csv")
    tahun = _tahun(t)
    kode = t.obj("kode")
    pagu, p_bad = t.angka("pagu")
    real, r_bad = t.angka("realisasi")
    bad |= p_bad | np.isnan(pagu) | (pagu < 0) | r_bad | (real < 0)
    bad |= (kode != "") & ~_ada(t.uid, kode, ind["_uid"].to_numpy(), ind["kode"].to_numpy())
    tanda.rows(t.uid, bad)
    out = t.keluaran()
    out["pagu"], out["realisasi"] = pagu, real
    out["tahun"] = pd.array(np.where(tahun >= 0, tahun, 0), dtype="Int64")
    return out


def laporan(df: pd.DataFrame, ind: pd.DataFrame, ang: pd.DataFrame | None, tanda: Tanda) -> pd.DataFrame:
    t = TabelBanyak(df)
    bad = t.hilang() | _kontrak(t, "laporan.csv")
    tahun = _tahun(t)
    codes, cats = t.kode["kunci"]
    parts: list[dict | None] = []
    for c in cats:
        try:
            kk = kunci_laporan(c) if c else {}
        except ValueError:
            parts.append(None)
            continue
        if kk.get("jenis") == "jumlah_capaian" and kk["sasaran"] == SEMUA_SASARAN:  # every IKU: no sasaran to look up
            kk = {n: v for n, v in kk.items() if n != "sasaran"}
        parts.append(kk)
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
