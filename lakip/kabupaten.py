"""A whole kabupaten at once: the rollup of many units of one year.

Pure functions over a :class:`~lakip.bulk.Kabupaten` (every unit's tables as
one frame each, from :func:`~lakip.bulk.muat_kabupaten`) or a list of loaded
:class:`~lakip.load.Unit` return DataFrames: every IKU of every unit
(:func:`tabel_capaian_iku`) and one row per unit (:func:`tabel_unit`).
Scoring and grouping run once over all units together (the units that share
rule choices are scored as one frame and grouped by ``entitas``), not unit by
unit; the means are taken the way :func:`lakip.scoring.rata_rata` takes
them, so a unit's row equals its own ``ringkasan.json`` exactly.
:func:`tulis_kabupaten` writes ``<out>/_kabupaten/<year>/``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from lakip import audit, scoring
from lakip.bulk import Kabupaten, muat_kabupaten
from lakip.config import BELUM_TERUKUR
from lakip.load import DataError, Masalah, PilihanError, Unit, daftar_entitas, muat
from lakip.paths import DATA_DIR, resolve

__all__ = [
    "FOLDER",
    "muat_semua",
    "muat_kabupaten",
    "Kabupaten",
    "hitung_temuan",
    "unit_dengan_tahun",
    "tahun_kabupaten",
    "skor_kabupaten",
    "tabel_capaian_iku",
    "tabel_unit",
    "ringkasan_kabupaten",
    "tulis_kabupaten",
    "jalankan_rekap",
    "tampil_unit",
    "tampil_distribusi_unit",
]

#: Name of the rollup folder under the output folder (not a unit slug: those never start with '_').
FOLDER = "_kabupaten"


def muat_semua(data_dir: str | Path | None = None) -> tuple[list[Unit], dict[str, DataError]]:
    """Load every unit of a data folder one by one; the units that cannot be used are returned apart, by slug.

    :func:`lakip.bulk.muat_kabupaten` gives the same data, much faster for many units.
    """
    root = resolve(data_dir, DATA_DIR)
    units, gagal = [], {}
    for slug in daftar_entitas(root):
        try:
            units.append(muat(root, slug))
        except DataError as e:
            gagal[slug] = e
    return units, gagal


Units = Kabupaten | Sequence[Unit]


def _kab(units: Units) -> Kabupaten:
    return units if isinstance(units, Kabupaten) else Kabupaten.dari_unit(list(units))


def tahun_kabupaten(units: Units, tahun: int | None = None) -> int:
    """The year of the rollup: ``tahun``, or the latest year with realisasi in any unit."""
    if tahun is not None:
        return int(tahun)
    years = _kab(units).tahun_terakhir().dropna()
    if years.empty:
        raise DataError([Masalah("kinerja.csv", None, "realisasi", "belum ada realisasi pada tahun mana pun di unit mana pun")])
    return int(years.max())


def _kelompok(kab: Kabupaten, df: pd.DataFrame) -> np.ndarray:
    """The rule-choice group of each row of a table of ``kab``."""
    return df["entitas"].map(dict(zip(kab.unit["entitas"], kab.unit["kelompok"]))).to_numpy()


def _gabung(kab: Kabupaten, attr: str, tahun: int) -> pd.DataFrame:
    """One table (``kinerja``, ``anggaran``...) of every unit, rows of ``tahun``, with an ``entitas`` column."""
    df = getattr(kab, attr)
    if df.empty or "tahun" not in df:
        return pd.DataFrame()
    return df[(df["tahun"] == tahun).fillna(False).to_numpy()].reset_index(drop=True)


def skor_kabupaten(units: Units, tahun: int) -> list[tuple[Any, pd.DataFrame]]:
    """Every IKU row of ``tahun`` of every unit, scored: one frame per group of rule choices.

    Returns ``(pilihan, frame)`` pairs; each frame has an ``entitas`` column.
    """
    kab = _kab(units)
    kin = _gabung(kab, "kinerja", tahun)
    if kin.empty:
        return []
    grp = _kelompok(kab, kin)
    out = []
    for k, pilihan in enumerate(kab.pilihan):
        part = kin[grp == k]
        if len(part):
            out.append((pilihan, scoring.skor(part.reset_index(drop=True), pilihan)))
    return out


def tabel_capaian_iku(units: Units, tahun: int) -> pd.DataFrame:
    """Capaian and kategori of every IKU of every unit in ``tahun``, in unit order then indikator.csv order.

    Columns: entitas, kode, sasaran_kode, indikator, satuan, polaritas,
    target, realisasi, capaian, kategori, status, jenis, target_nilai,
    realisasi_nilai. ``target`` and ``realisasi`` are the values as written.
    """
    kab = _kab(units)
    cols = ["entitas", "kode", "sasaran_kode", "indikator", "satuan", "polaritas", "target", "realisasi",
            "capaian", "kategori", "status", "jenis", "target_nilai", "realisasi_nilai"]
    frames = []
    for _, s in skor_kabupaten(kab, tahun):
        frames.append(s.assign(kategori=s["kategori"].astype(object)))
    if not frames:
        return pd.DataFrame(columns=cols)
    s = pd.concat(frames, ignore_index=True)
    ind = kab.indikator[["entitas", "kode", "indikator", "satuan"]].copy()
    ind["_urut"] = ind.groupby("entitas", sort=False).cumcount().to_numpy()
    out = ind.merge(s.drop(columns=[c for c in ("indikator", "satuan") if c in s]), on=["entitas", "kode"],
                    how="inner", validate="one_to_one")
    order = {slug: i for i, slug in enumerate(kab.unit["entitas"])}
    out = out.assign(_unit=out["entitas"].map(order)).sort_values(["_unit", "_urut"], kind="stable")
    return out[cols].reset_index(drop=True)


def _rata(values: np.ndarray, gid: np.ndarray, n: int) -> np.ndarray:
    """Mean of the non-NaN values of each group, summed as ``Series.mean`` sums (so equal to it bit for bit)."""
    order = np.argsort(gid, kind="stable")
    bounds = np.searchsorted(gid[order], np.arange(n + 1))
    v = values[order]
    out = np.full(n, np.nan)
    for g in range(n):
        part = v[bounds[g]:bounds[g + 1]]
        if len(part):
            out[g] = pd.Series(part).mean()
    return out


def _kolom_kategori(label: str) -> str:
    """The column of ``unit.csv`` that counts a kategori: ``Sangat Tinggi`` -> ``jumlah_sangat_tinggi``."""
    return "jumlah_" + label.lower().replace(" ", "_")


def tabel_unit(units: Units, tahun: int, temuan: dict[str, int | None] | None = None) -> pd.DataFrame:
    """One row per unit that has ``tahun``: capaian, counts, distribution, budget, reviu findings, rank.

    Columns: entitas, nama, jumlah_iku, iku_terukur, iku_belum_dapat_diukur,
    rata_rata_iku, rata_rata_sasaran, ``jumlah_<kategori>`` per class of the
    scale and ``jumlah_belum_dapat_diukur``, pagu, realisasi, serapan (the
    program tree), temuan_tidak_sesuai (the reviu's 'tidak sesuai' findings, empty
    when the unit published no figure of the year;
    computed when ``temuan`` is None) and peringkat (1 = highest
    rata_rata_iku; units without a measured IKU have none).
    """
    kab = _kab(units)
    rows = []
    for pilihan, s in skor_kabupaten(kab, tahun):
        gid, n, used, groups = scoring._kelompok(s, ["entitas"])
        c = scoring._capped(s, pilihan).to_numpy(dtype=float)
        ok = ~np.isnan(c)
        part = groups.copy()
        part["jumlah_iku"] = np.bincount(gid, minlength=n)[used]
        part["iku_terukur"] = np.bincount(gid, weights=ok, minlength=n)[used].astype(np.int64)
        part["iku_belum_dapat_diukur"] = part["jumlah_iku"] - part["iku_terukur"]
        # compact ids 0..len(used)-1 for the means
        dense = np.searchsorted(used, gid)
        part["rata_rata_iku"] = _rata(c, dense, len(used))
        sas = scoring.capaian_sasaran(s, pilihan, by=["entitas"])
        sgid, sn, sused, sgroups = scoring._kelompok(sas, ["entitas"])
        mean_sas = pd.Series(_rata(sas["capaian"].to_numpy(dtype=float), np.searchsorted(sused, sgid), len(sused)),
                             index=sgroups["entitas"])
        part["rata_rata_sasaran"] = part["entitas"].map(mean_sas).to_numpy(dtype=float)
        dist = scoring.distribusi(s, pilihan.skala, by=["entitas"])
        wide = dist.pivot(index="entitas", columns="kategori", values="jumlah")
        for label in [*pilihan.skala.label, BELUM_TERUKUR]:
            part[_kolom_kategori(label)] = part["entitas"].map(wide[label]).to_numpy(dtype=np.int64)
        rows.append(part)
    cols_kat: list[str] = []
    for pilihan in kab.pilihan:
        for label in [*pilihan.skala.label, BELUM_TERUKUR]:
            if _kolom_kategori(label) not in cols_kat:
                cols_kat.append(_kolom_kategori(label))
    base_cols = ["entitas", "nama", "jumlah_iku", "iku_terukur", "iku_belum_dapat_diukur", "rata_rata_iku", "rata_rata_sasaran"]
    if not rows:
        return pd.DataFrame(columns=[*base_cols, *cols_kat, "pagu", "realisasi", "serapan", "temuan_tidak_sesuai", "peringkat"])
    out = pd.concat(rows, ignore_index=True)
    for col in cols_kat:
        out[col] = out[col].fillna(0).astype(np.int64) if col in out else 0
    order = {slug: i for i, slug in enumerate(kab.unit["entitas"])}
    out = out.assign(_unit=out["entitas"].astype(str).map(order)).sort_values("_unit", kind="stable").drop(columns="_unit")
    out["entitas"] = out["entitas"].astype(str)
    out["nama"] = out["entitas"].map(dict(zip(kab.unit["entitas"], kab.unit["nama"])))
    # the program tree: top-level program nodes of the year
    ang = _gabung(kab, "anggaran", tahun)
    if not ang.empty:
        prog = ang[(ang["tingkat"] == "program") & (ang["induk"].fillna("") == "")]
        g = prog.groupby("entitas", sort=False)
        pagu = g["pagu"].sum(min_count=1)
        real = g["realisasi"].sum(min_count=1).where(g["realisasi"].count() == g.size())
        out["pagu"] = out["entitas"].map(pagu).astype(float)
        out["realisasi"] = out["entitas"].map(real).astype(float)
    else:
        out["pagu"] = np.nan
        out["realisasi"] = np.nan
    with np.errstate(divide="ignore", invalid="ignore"):
        out["serapan"] = np.where(out["pagu"] > 0, out["realisasi"] * 100.0 / out["pagu"], np.nan)
    if temuan is None:
        temuan = hitung_temuan(kab, tahun, out["entitas"])
    out["temuan_tidak_sesuai"] = out["entitas"].map(temuan).astype("Int64")
    out["peringkat"] = out["rata_rata_iku"].rank(ascending=False, method="min").astype("Int64")
    return out[[*base_cols, *cols_kat, "pagu", "realisasi", "serapan", "temuan_tidak_sesuai", "peringkat"]].reset_index(drop=True)


def unit_dengan_tahun(units: Units, tahun: int) -> list[str]:
    """The units with IKU rows in ``tahun`` (the rows of ``unit.csv``), in order."""
    return [slug for slug, th in _kab(units).tahun().items() if isinstance(th, list) and tahun in th]


def _temuan_satu(kab: Kabupaten, slug: str, tahun: int) -> int | None:
    """The 'tidak sesuai' findings of a unit; None when its laporan.csv has no figure of the year (nothing reviewed)."""
    r = audit.reviu(kab.ke_unit(slug), tahun)
    return int((r["status"] == audit.TIDAK_SESUAI).sum()) if len(r) else None


_KAB_ANAK: Kabupaten | None = None  # the kabupaten a forked worker of hitung_temuan audits


def _temuan_potongan(slugs: list[str], tahun: int) -> dict[str, int | None]:
    assert _KAB_ANAK is not None
    return {slug: _temuan_satu(_KAB_ANAK, slug, tahun) for slug in slugs}


def hitung_temuan(units: Units, tahun: int, slugs: Iterable[str] | None = None, pekerja: int | None = None,
                  progres: bool = False) -> dict[str, int | None]:
    """The number of 'tidak sesuai' findings of the reviu of each unit (:func:`lakip.audit.reviu`), by slug;
    None for a unit with no published figure of the year (nothing reviewed).

    The reviu is an audit per unit (15-25 ms each); from 400 units on it is
    shared among ``pekerja`` processes (default: one per core), forked from
    this one so the data is not copied (when this process runs no other
    thread; else it runs here). ``progres`` shows a progress bar of the units.
    """
    import os

    from tqdm.auto import tqdm

    from lakip.notebooks import lepas_sinyal, sinyal_ditahan
    from lakip.run import konteks_proses

    global _KAB_ANAK
    kab = _kab(units)
    slugs = list(kab.slugs if slugs is None else slugs)
    workers = pekerja or (os.cpu_count() or 1 if len(slugs) >= 400 else 1)
    konteks = konteks_proses()
    if workers <= 1 or konteks.get_start_method() != "fork":  # spawned workers would have to copy the data
        return {slug: _temuan_satu(kab, slug, tahun) for slug in tqdm(slugs, desc="Reviu", unit="unit", disable=not progres)}
    from concurrent.futures import ProcessPoolExecutor

    shares = [list(x) for x in np.array_split(np.asarray(slugs, dtype=object), min(len(slugs), workers * 50)) if len(x)]
    _KAB_ANAK = kab
    out: dict[str, int] = {}
    try:  # the bar's thread starts after the fork
        with ProcessPoolExecutor(max_workers=workers, mp_context=konteks, initializer=lepas_sinyal) as pool:
            with sinyal_ditahan():
                parts = pool.map(_temuan_potongan, shares, [tahun] * len(shares))
            with tqdm(total=len(slugs), desc="Reviu", unit="unit", disable=not progres) as bar:
                for part in parts:
                    out.update(part)
                    bar.update(len(part))
    finally:
        _KAB_ANAK = None
    return {slug: out[slug] for slug in slugs}


def ringkasan_kabupaten(unit_tabel: pd.DataFrame, tahun: int, units: Units, gagal: Iterable[str] = ()) -> dict[str, Any]:
    """The key figures of the rollup: units, means over units and over all IKU, budget, best and lowest unit."""
    from lakip.analysis import _json

    kab = _kab(units)
    t = unit_tabel
    pagu = float(t["pagu"].sum(min_count=1)) if len(t) else float("nan")
    real_ok = t["realisasi"].notna() & t["pagu"].notna()
    real = float(t.loc[real_ok, "realisasi"].sum()) if real_ok.any() else float("nan")
    pagu_real = float(t.loc[real_ok, "pagu"].sum()) if real_ok.any() else float("nan")
    ranked = t.dropna(subset=["rata_rata_iku"]).sort_values(["peringkat", "entitas"], kind="stable")
    terukur = int(t["iku_terukur"].sum()) if len(t) else 0
    kat_cols = [c for c in t.columns if c.startswith("jumlah_") and c != "jumlah_iku"]
    pemda = sorted({p for p in kab.unit["pemda"] if p})
    years = kab.tahun()
    return _json({
        "tahun": tahun,
        "pemda": pemda[0] if len(pemda) == 1 else pemda,
        "jumlah_unit": int(len(t)),
        "unit_tanpa_tahun": [slug for slug, th in years.items() if not isinstance(th, list) or tahun not in th],
        "unit_gagal": sorted(gagal),
        "capaian": {
            "rata_rata_unit": float(t["rata_rata_iku"].mean()) if t["rata_rata_iku"].notna().any() else None,
            "keterangan": "rata_rata_unit: rata-rata dari rata-rata capaian IKU tiap unit yang terukur",
        },
        "jumlah": {
            "iku": int(t["jumlah_iku"].sum()) if len(t) else 0,
            "iku_terukur": terukur,
            "iku_belum_dapat_diukur": int(t["iku_belum_dapat_diukur"].sum()) if len(t) else 0,
            "temuan_tidak_sesuai": int(t["temuan_tidak_sesuai"].sum()) if len(t) else 0,
        },
        "distribusi": {c.removeprefix("jumlah_"): int(t[c].sum()) for c in kat_cols},
        "anggaran": {
            "pagu": pagu, "realisasi": real,
            "serapan": real * 100.0 / pagu_real if real_ok.any() and pagu_real > 0 else None,
            "keterangan": "pohon program; serapan dari unit yang realisasinya lengkap",
        },
        "tertinggi": None if ranked.empty else {"entitas": ranked.iloc[0]["entitas"], "rata_rata_iku": ranked.iloc[0]["rata_rata_iku"]},
        "terendah": None if ranked.empty else {"entitas": ranked.iloc[-1]["entitas"], "rata_rata_iku": ranked.iloc[-1]["rata_rata_iku"]},
    })


# --------------------------------------------------------------------------- showing (notebooks)


def tampil_unit(unit_tabel: pd.DataFrame) -> pd.DataFrame:
    """The per-unit table for reading, best unit first: Indonesian headers and number format."""
    from lakip.numbers import format_angka, format_persen, format_rupiah_ringkas

    t = unit_tabel.sort_values(["peringkat", "entitas"], kind="stable", na_position="last")
    return pd.DataFrame({
        "Peringkat": ["-" if pd.isna(r) else str(int(r)) for r in t["peringkat"]],
        "Unit": list(t["entitas"]),
        "IKU": [str(int(v)) for v in t["jumlah_iku"]],
        "Terukur": [str(int(v)) for v in t["iku_terukur"]],
        "Rata-rata IKU": [format_persen(v) for v in t["rata_rata_iku"]],
        "Rata-rata Sasaran": [format_persen(v) for v in t["rata_rata_sasaran"]],
        "Pagu": [format_rupiah_ringkas(v) for v in t["pagu"]],
        "Serapan": [format_persen(v) for v in t["serapan"]],
        "Temuan Reviu": ["-" if pd.isna(v) else format_angka(int(v), 0) for v in t["temuan_tidak_sesuai"]],
    })


def tampil_distribusi_unit(unit_tabel: pd.DataFrame, skala) -> pd.DataFrame:
    """The number of IKU per kategori of each unit, in the order of ``unit.csv``."""
    out = {"Unit": list(unit_tabel["entitas"])}
    for label in [*skala.label, BELUM_TERUKUR]:
        col = _kolom_kategori(label)
        out[label[:1].upper() + label[1:]] = [str(int(v)) for v in unit_tabel[col]] if col in unit_tabel else ["0"] * len(unit_tabel)
    return pd.DataFrame(out)


# --------------------------------------------------------------------------- writing


def tulis_kabupaten(
    units: Units,
    tahun: int,
    out: str | Path | None = None,
    gagal: Iterable[str] = (),
    grafik: bool = True,
    temuan: dict[str, int | None] | None = None,
) -> Path:
    """Write the rollup into ``<out>/_kabupaten/<tahun>/`` (replaced whole); return that folder.

    Files: ``capaian_iku.csv``, ``unit.csv``, ``ringkasan.json`` and, with
    ``grafik``, ``grafik/distribusi_unit`` and ``grafik/capaian_serapan``
    (PNG and SVG).
    """
    import matplotlib.pyplot as plt

    from lakip.charts import grafik_capaian_serapan, grafik_distribusi_unit, simpan
    from lakip.paths import OUTPUTS_DIR
    from lakip.run import folder_sementara, rupiah_bulat, tulis_csv, tulis_json

    kab = _kab(units)
    target = resolve(out, OUTPUTS_DIR) / FOLDER / str(tahun)
    iku = tabel_capaian_iku(kab, tahun)
    ut = tabel_unit(kab, tahun, temuan)
    ring = ringkasan_kabupaten(ut, tahun, kab, gagal)
    with folder_sementara(target) as tmp:
        tulis_csv(iku, tmp / "capaian_iku.csv")
        tulis_csv(rupiah_bulat(ut), tmp / "unit.csv")
        tulis_json(ring, tmp / "ringkasan.json")
        if grafik:
            skala = kab.pilihan[0].skala if kab.pilihan else None
            if skala is not None:
                for nama, fig in (("distribusi_unit", grafik_distribusi_unit(ut, skala, tahun)),
                                  ("capaian_serapan", grafik_capaian_serapan(ut, tahun))):
                    simpan(fig, tmp, nama)
                    plt.close(fig)
    return target


def jalankan_rekap(
    data: str | Path | None = None,
    tahun: int | None = None,
    out: str | Path | None = None,
    grafik: bool = True,
    progres: bool = False,
) -> tuple[Path, dict[str, DataError]]:
    """Load every unit of ``data`` and write the rollup; return the folder and the units that failed to load.

    ``progres`` shows a progress bar of the reviu of the units (the longest part for thousands of units).
    """
    kab = muat_kabupaten(data)
    if not len(kab):
        if kab.gagal:
            raise next(iter(kab.gagal.values()))
        raise PilihanError(f"tidak ada unit (folder berisi entitas.yml) di {resolve(data, DATA_DIR)}")
    tahun = tahun_kabupaten(kab, tahun)
    if not unit_dengan_tahun(kab, tahun):  # nothing to roll up: no empty rollup is written
        ada = sorted({t for th in _kab(kab).tahun().tolist() if isinstance(th, list) for t in th})
        raise PilihanError(f"tahun {tahun} tidak ada di data unit mana pun (tahun yang ada: {', '.join(map(str, ada)) or '-'})")
    temuan = hitung_temuan(kab, tahun, unit_dengan_tahun(kab, tahun), progres=progres)
    return tulis_kabupaten(kab, tahun, out, kab.gagal, grafik, temuan), kab.gagal
