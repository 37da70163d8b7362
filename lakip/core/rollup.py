"""A whole kabupaten at once: the rollup tables of many units of one year.

Pure functions over a :class:`~lakip.core.model.Kabupaten` (every unit's tables
as one frame each, from :func:`lakip.data.bulk.muat_kabupaten`) or a list of
loaded :class:`~lakip.core.model.Unit` return DataFrames: every IKU of every
unit (:func:`tabel_capaian_iku`) and one row per unit (:func:`tabel_unit`).
Scoring and grouping run once over all units together (the units that share
rule choices are scored as one frame and grouped by ``entitas``), not unit by
unit; the means are taken the way :func:`lakip.core.scoring.rata_rata` takes
them, so a unit's row equals its own ``ringkasan.json`` exactly. The reviu
findings of each unit come from the caller (:mod:`lakip.app.rollup`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from lakip.core import budget, scoring
from lakip.core.config import BELUM_TERUKUR
from lakip.core.model import DataError, Kabupaten, Masalah, Unit
from lakip.core.tables import nilai_json

__all__ = [
    "Units",
    "sebagai_kabupaten",
    "kolom_kategori",
    "unit_dengan_tahun",
    "tahun_kabupaten",
    "skor_kabupaten",
    "tabel_capaian_iku",
    "tabel_unit",
    "ringkasan_kabupaten",
]


Units = Kabupaten | Sequence[Unit]


def sebagai_kabupaten(units: Units) -> Kabupaten:
    """Many units as one :class:`Kabupaten` (as they are when they are one already)."""
    return units if isinstance(units, Kabupaten) else Kabupaten.dari_unit(list(units))


def tahun_kabupaten(units: Units, tahun: int | None = None) -> int:
    """The year of the rollup: ``tahun``, or the latest year with realisasi in any unit."""
    if tahun is not None:
        return int(tahun)
    years = sebagai_kabupaten(units).tahun_terakhir().dropna()
    if years.empty:
        raise DataError([Masalah("kinerja.csv", None, "realisasi", "belum ada realisasi pada tahun mana pun di unit mana pun; "
                                                                 "pilih tahun rekap dengan --year")])
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
    kab = sebagai_kabupaten(units)
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
    Where a unit caps each IKU (``batas_capaian_iku``), ``capaian_tanpa_batas``
    follows ``capaian``: the value before the cap (for a unit without the cap,
    its capaian).
    """
    kab = sebagai_kabupaten(units)
    cols = ["entitas", "kode", "sasaran_kode", "indikator", "satuan", "polaritas", "target", "realisasi",
            "capaian", "kategori", "status", "jenis", "target_nilai", "realisasi_nilai"]
    frames = []
    for _, s in skor_kabupaten(kab, tahun):
        frames.append(s.assign(kategori=s["kategori"].astype(object)))
    if not frames:
        return pd.DataFrame(columns=cols)
    s = pd.concat(frames, ignore_index=True)
    if "capaian_tanpa_batas" in s:
        s["capaian_tanpa_batas"] = s["capaian_tanpa_batas"].fillna(s["capaian"])
        cols.insert(cols.index("capaian") + 1, "capaian_tanpa_batas")
    ind = kab.indikator[["entitas", "kode", "indikator", "satuan"]].copy()
    ind["_urut"] = ind.groupby("entitas", sort=False).cumcount().to_numpy()
    out = ind.merge(s.drop(columns=[c for c in ("indikator", "satuan") if c in s]), on=["entitas", "kode"],
                    how="inner", validate="one_to_one")
    order = {slug: i for i, slug in enumerate(kab.unit["entitas"])}
    out = out.assign(_unit=out["entitas"].map(order)).sort_values(["_unit", "_urut"], kind="stable")
    return out[cols].reset_index(drop=True)


def kolom_kategori(label: str) -> str:
    """The column of ``unit.csv`` that counts a kategori: ``Sangat Tinggi`` -> ``jumlah_sangat_tinggi``."""
    return "jumlah_" + label.lower().replace(" ", "_")


def tabel_unit(units: Units, tahun: int, temuan: Mapping[str, int | None] | None = None) -> pd.DataFrame:
    """One row per unit that has ``tahun``: capaian, counts, distribution, budget, reviu findings, rank.

    Columns: entitas, nama, jumlah_iku, iku_terukur, iku_belum_dapat_diukur,
    rata_rata_iku, rata_rata_sasaran, ``jumlah_<kategori>`` per class of the
    scale and ``jumlah_belum_dapat_diukur``, pagu, realisasi, serapan (the
    program tree), temuan_tidak_sesuai (the reviu's 'tidak sesuai' findings of
    each unit, from ``temuan``; empty for a unit not in it, or None there: it
    published no figure of the year) and peringkat (1 = highest
    rata_rata_iku; units without a measured IKU have none).
    """
    kab = sebagai_kabupaten(units)
    rows = []
    for pilihan, s in skor_kabupaten(kab, tahun):
        gid, n, used, groups = scoring.kelompok(s, ["entitas"])
        c = scoring.batasi(s["capaian"], pilihan).to_numpy(dtype=float)
        ok = ~np.isnan(c)
        part = groups.copy()
        part["jumlah_iku"] = np.bincount(gid, minlength=n)[used]
        part["iku_terukur"] = np.bincount(gid, weights=ok, minlength=n)[used].astype(np.int64)
        part["iku_belum_dapat_diukur"] = part["jumlah_iku"] - part["iku_terukur"]
        # compact ids 0..len(used)-1 for the means
        dense = np.searchsorted(used, gid)
        part["rata_rata_iku"] = scoring.rata_per_kelompok(c, dense, len(used))
        sas = scoring.capaian_sasaran(s, pilihan, by=["entitas"])
        sgid, sn, sused, sgroups = scoring.kelompok(sas, ["entitas"])
        mean_sas = pd.Series(scoring.rata_per_kelompok(sas["capaian"].to_numpy(dtype=float), np.searchsorted(sused, sgid), len(sused)),
                             index=sgroups["entitas"])
        part["rata_rata_sasaran"] = part["entitas"].map(mean_sas).to_numpy(dtype=float)
        dist = scoring.distribusi(s, pilihan.skala, by=["entitas"])
        wide = dist.pivot(index="entitas", columns="kategori", values="jumlah")
        for label in [*pilihan.skala.label, BELUM_TERUKUR]:
            part[kolom_kategori(label)] = part["entitas"].map(wide[label]).to_numpy(dtype=np.int64)
        rows.append(part)
    cols_kat: list[str] = []
    for pilihan in kab.pilihan:
        for label in [*pilihan.skala.label, BELUM_TERUKUR]:
            if kolom_kategori(label) not in cols_kat:
                cols_kat.append(kolom_kategori(label))
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
        tot = budget.total_per(budget.puncak(ang, "program"), ["entitas"])
        out["pagu"] = out["entitas"].map(tot["pagu"]).astype(float)
        out["realisasi"] = out["entitas"].map(tot["realisasi"]).astype(float)
    else:
        out["pagu"] = np.nan
        out["realisasi"] = np.nan
    out["serapan"] = budget.persen_serapan(out["realisasi"].to_numpy(dtype=float), out["pagu"].to_numpy(dtype=float))
    out["temuan_tidak_sesuai"] = out["entitas"].map(dict(temuan or {})).astype("Int64")
    out["peringkat"] = out["rata_rata_iku"].rank(ascending=False, method="min").astype("Int64")
    return out[[*base_cols, *cols_kat, "pagu", "realisasi", "serapan", "temuan_tidak_sesuai", "peringkat"]].reset_index(drop=True)


def unit_dengan_tahun(units: Units, tahun: int) -> list[str]:
    """The units with IKU rows in ``tahun`` (the rows of ``unit.csv``), in order."""
    return [slug for slug, th in sebagai_kabupaten(units).tahun().items() if isinstance(th, list) and tahun in th]


def ringkasan_kabupaten(unit_tabel: pd.DataFrame, tahun: int, units: Units, gagal: Iterable[str] = ()) -> dict[str, Any]:
    """The key figures of the rollup: units, means over units and over all IKU, budget, best and lowest unit."""
    kab = sebagai_kabupaten(units)
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
    return nilai_json({
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
            "serapan": budget.persen_serapan(real, pagu_real),
            "keterangan": "pohon program; serapan dari unit yang realisasinya lengkap",
        },
        "tertinggi": None if ranked.empty else {"entitas": ranked.iloc[0]["entitas"], "rata_rata_iku": ranked.iloc[0]["rata_rata_iku"]},
        "terendah": None if ranked.empty else {"entitas": ranked.iloc[-1]["entitas"], "rata_rata_iku": ranked.iloc[-1]["rata_rata_iku"]},
    })


