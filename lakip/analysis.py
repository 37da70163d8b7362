"""The tables of one unit and year, composed from scoring, budget and efficiency.

Each function takes a loaded :class:`~lakip.load.Unit` and returns a
DataFrame (or, for :func:`ringkasan`, a dict) with exact, unrounded values;
notebooks and the CLI show or write them. Nothing here reads or writes files.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pandas as pd

from lakip import budget, efficiency, scoring
from lakip.load import DataError, Masalah, PilihanError, Unit
from lakip.numbers import is_kosong

__all__ = [
    "iku_belum_terukur",
    "tahun_banding",
    "cek_tahun",
    "skor_unit",
    "tabel_capaian_iku",
    "tabel_capaian_sasaran",
    "tabel_perbandingan",
    "tabel_renstra",
    "tabel_anggaran",
    "tabel_cek_anggaran",
    "tabel_total_anggaran",
    "tabel_efisiensi",
    "tabel_efisiensi_semua",
    "tabel_distribusi",
    "ringkasan",
    "catatan_data",
]


def cek_tahun(unit: Unit, tahun: int | None) -> int:
    """The year to analyse: ``tahun`` if the data has it, else the latest year with realisasi."""
    if tahun is None:
        tahun = unit.tahun_terakhir
        if tahun is None:
            raise DataError([Masalah("kinerja.csv", None, "realisasi", "belum ada realisasi pada tahun mana pun")])
        return tahun
    if tahun not in unit.tahun:
        ada = ", ".join(str(t) for t in unit.tahun)
        raise PilihanError(f"tahun {tahun} tidak ada di data {unit.slug} (tahun yang ada: {ada})")
    return int(tahun)


def _teks(nilai: str, angka: float, jenis: str) -> object:
    """A target or realisasi for a machine-readable table: the number for jenis
    angka, the canonical text (``9/9``, ``Tinggi``, ``80-90``) otherwise."""
    if is_kosong(nilai):
        return np.nan
    if jenis == "angka":
        return angka
    return " ".join(str(nilai).split())


def _teks_realisasi(nilai: str, angka: float, jenis: str) -> object:
    """As :func:`_teks`; the realisasi of a range target is a number (``75.5``, not ``75,5``)."""
    return _teks(nilai, angka, "angka" if jenis == "rentang" else jenis)


def skor_unit(unit: Unit) -> pd.DataFrame:
    """Every IKU row of every year, scored under the unit's choices."""
    return scoring.skor(unit.kinerja, unit.pilihan)


def tabel_capaian_iku(unit: Unit, tahun: int) -> pd.DataFrame:
    """Capaian of every IKU in a year (Tabel 3.2 form), in the order of indikator.csv.

    Columns: kode, sasaran_kode, indikator, satuan, polaritas, target,
    realisasi, capaian, kategori, then status, catatan, jenis, target_nilai,
    realisasi_nilai.
    """
    s = skor_unit(unit)
    s = s[s["tahun"] == tahun]
    ind = unit.indikator[["kode", "indikator", "satuan"]]
    out = ind.merge(s, on="kode", how="inner", validate="one_to_one")
    out["target"] = [_teks(v, a, j) for v, a, j in zip(out["target"], out["target_nilai"], out["jenis"])]
    out["realisasi"] = [_teks_realisasi(v, a, j) for v, a, j in zip(out["realisasi"], out["realisasi_nilai"], out["jenis"])]
    cols = ["kode", "sasaran_kode", "indikator", "satuan", "polaritas", "target", "realisasi", "capaian",
            "kategori", "status", "catatan", "jenis", "target_nilai", "realisasi_nilai"]
    return out[cols].reset_index(drop=True)


def tabel_capaian_sasaran(unit: Unit, tahun: int) -> pd.DataFrame:
    """Capaian of every sasaran in a year: the mean of its measured IKU.

    Columns: sasaran_kode, sasaran, jumlah_iku, capaian, kategori, jumlah_terukur.
    """
    s = skor_unit(unit)
    s = s[s["tahun"] == tahun]
    sas = scoring.capaian_sasaran(s, unit.pilihan)
    names = unit.indikator.drop_duplicates("sasaran_kode")[["sasaran_kode", "sasaran"]]
    out = names.merge(sas, on="sasaran_kode", how="inner", validate="one_to_one")
    return out[["sasaran_kode", "sasaran", "jumlah_iku", "capaian", "kategori", "jumlah_terukur"]].reset_index(drop=True)


def tabel_perbandingan(unit: Unit, tahun: int) -> pd.DataFrame:
    """Every IKU of ``tahun`` in every year up to it (Tabel 3.3 form), with the change in pp.

    An IKU no longer measured in ``tahun`` (``tahun_akhir`` in indikator.csv)
    is left out: the comparison is of this year's IKU.
    Columns: kode, tahun, target, realisasi, capaian, kategori, perubahan_pp.
    """
    s = skor_unit(unit)
    kini = set(s.loc[s["tahun"] == tahun, "kode"])
    s = s[(s["tahun"] <= tahun) & s["kode"].isin(kini)].copy()
    s["target"] = [_teks(v, a, j) for v, a, j in zip(s["target"], s["target_nilai"], s["jenis"])]
    s["realisasi"] = [_teks_realisasi(v, a, j) for v, a, j in zip(s["realisasi"], s["realisasi_nilai"], s["jenis"])]
    out = scoring.perbandingan(s)
    order = {k: i for i, k in enumerate(unit.indikator["kode"])}
    out = out.assign(_urut=out["kode"].map(order)).sort_values(["_urut", "tahun"], kind="stable")
    return out[["kode", "tahun", "target", "realisasi", "capaian", "kategori", "perubahan_pp"]].reset_index(drop=True)


def tahun_banding(perbandingan: pd.DataFrame, tahun: int, n: int = 3) -> list[int]:
    """The years a report compares: the last ``n`` years of ``perbandingan`` up to ``tahun``."""
    years = sorted(int(y) for y in perbandingan["tahun"].unique() if int(y) <= tahun)
    return years[-n:]


def tabel_renstra(unit: Unit, tahun: int) -> pd.DataFrame:
    """Realisasi of a year against the Renstra end-period target (Bab III A item 3).

    Only IKU whose ``indikator.csv`` row has a ``target_renstra``. Columns:
    kode, indikator, target_renstra, tahun_renstra, realisasi, capaian_renstra.
    """
    ind = unit.indikator_tahun(tahun)
    ind = ind[ind["target_renstra"].fillna("") != ""]
    s = unit.kinerja[unit.kinerja["tahun"] == tahun][["kode", "realisasi", "realisasi_nilai"]]
    out = ind.merge(s, on="kode", how="left", validate="one_to_one")
    frame = pd.DataFrame({
        "polaritas": out["polaritas"], "jenis": out["jenis"], "target_nilai": out["renstra_nilai"],
        "target_bawah": out["renstra_bawah"], "target_atas": out["renstra_atas"],
        "realisasi_nilai": out["realisasi_nilai"],
    })
    out["capaian_renstra"] = scoring.hitung_capaian(frame, unit.pilihan)["capaian"].to_numpy()
    out["target_renstra"] = [_teks(v, a, j) for v, a, j in zip(out["target_renstra"], out["renstra_nilai"], out["jenis"])]
    out["realisasi"] = [_teks_realisasi(v, a, j) for v, a, j in zip(out["realisasi"], out["realisasi_nilai"], out["jenis"])]
    return out[["kode", "indikator", "target_renstra", "tahun_renstra", "realisasi", "capaian_renstra"]].reset_index(drop=True)


def _anggaran_tahun(unit: Unit, tahun: int) -> pd.DataFrame:
    return unit.anggaran[unit.anggaran["tahun"] == tahun]


def tabel_anggaran(unit: Unit, tahun: int) -> pd.DataFrame:
    """Every budget node of a year with its serapan.

    Columns: kode, induk, tingkat, uraian, pagu, realisasi, serapan.
    """
    a = budget.serapan(_anggaran_tahun(unit, tahun))
    return a[["kode", "induk", "tingkat", "uraian", "pagu", "realisasi", "serapan"]].reset_index(drop=True)


def tabel_cek_anggaran(unit: Unit, tahun: int) -> pd.DataFrame:
    """Each parent of the budget tree against the sum of its children."""
    return budget.cek_rollup(_anggaran_tahun(unit, tahun)).drop(columns="tahun")


def tabel_total_anggaran(unit: Unit, tahun: int) -> pd.DataFrame:
    """The total of each budget tree of the year, and of the budget behind the IKU (``anggaran_iku.csv``).

    Columns: pohon (``program``, ``bagian``..., ``iku``), jumlah_node, pagu,
    realisasi (empty unless every row has one), serapan, selisih_pagu and
    selisih_realisasi: the difference to the first tree (the same money
    split another way). Where the IKU budgets add up to the whole pagu, their
    realisasi should add up to the whole realisasi too: the seed's efficiency
    table does not, by Rp 50.000.
    """
    tot = budget.total_pohon(_anggaran_tahun(unit, tahun)).drop(columns="tahun")
    ang = unit.anggaran_iku[unit.anggaran_iku["tahun"] == tahun]
    if len(ang):
        lengkap = bool(ang["realisasi"].notna().all())
        iku = pd.DataFrame({"pohon": ["iku"], "jumlah_node": [len(ang)], "pagu": [float(ang["pagu"].sum())],
                            "realisasi": [float(ang["realisasi"].sum()) if lengkap else np.nan]})
        with np.errstate(divide="ignore", invalid="ignore"):
            iku["serapan"] = iku["realisasi"] * 100.0 / iku["pagu"]
        tot = pd.concat([tot, iku], ignore_index=True) if len(tot) else iku
        first = tot.iloc[0]
        tot["selisih_pagu"] = tot["pagu"] - first["pagu"]
    tot["selisih_realisasi"] = tot["realisasi"] - (tot["realisasi"].iloc[0] if len(tot) else np.nan)
    return tot.reset_index(drop=True)


def tabel_efisiensi(unit: Unit, tahun: int, metode: str | None = None) -> pd.DataFrame:
    """Efficiency of every IKU with a budget (DOMAIN.md section 7), by the unit's method.

    Columns: kode, capaian_kinerja, capaian_anggaran, metode, nilai, status,
    target_tercapai, pagu, realisasi_anggaran.
    """
    iku = tabel_capaian_iku(unit, tahun)
    ang = unit.anggaran_iku[unit.anggaran_iku["tahun"] == tahun]
    return efficiency.efisiensi(iku[["kode", "capaian"]], ang, metode or unit.pilihan.metode_efisiensi)


def tabel_efisiensi_semua(unit: Unit, tahun: int) -> pd.DataFrame:
    """Efficiency of every IKU by each of the three methods, side by side.

    Columns: kode, capaian_kinerja, capaian_anggaran, target_tercapai, then
    ``nilai_<metode>`` and ``status_<metode>`` for rasio, selisih and pmk249.
    """
    base = None
    for metode in efficiency.METODE_EFISIENSI:
        e = tabel_efisiensi(unit, tahun, metode)
        if base is None:
            base = e[["kode", "capaian_kinerja", "capaian_anggaran", "target_tercapai"]].copy()
        base[f"nilai_{metode}"] = e["nilai"].to_numpy()
        base[f"status_{metode}"] = e["status"].to_numpy()
    return base


def tabel_distribusi(unit: Unit, tahun: int) -> pd.DataFrame:
    """Count and percent of IKU per kategori in a year, plus "belum dapat diukur"."""
    s = skor_unit(unit)
    return scoring.distribusi(s[s["tahun"] == tahun], unit.pilihan.skala)


def _json(x: Any) -> Any:
    """Plain JSON values: NaN becomes null, numpy scalars become Python ones."""
    if isinstance(x, dict):
        return {k: _json(v) for k, v in x.items()}
    if isinstance(x, (list, tuple)):
        return [_json(v) for v in x]
    if isinstance(x, (np.integer,)):
        return int(x)
    if isinstance(x, (float, np.floating)):
        return None if math.isnan(x) else float(x)
    if x is pd.NA or x is None:
        return None
    return x


def iku_belum_terukur(unit: Unit, tahun: int | None = None) -> pd.DataFrame:
    """The IKU-years whose realisasi is empty or N/A (belum dapat diukur), of one
    year or of all: kode, tahun, indikator. Not an error, but a cell a planner may
    have forgotten to fill in."""
    k = unit.kinerja
    rows = k[k["realisasi"].map(is_kosong)]
    if tahun is not None:
        rows = rows[rows["tahun"] == tahun]
    ind = unit.indikator.reset_index(drop=True)
    urutan = pd.Series(ind.index, index=ind["kode"])
    out = rows[["kode", "tahun"]].assign(indikator=rows["kode"].map(ind.set_index("kode")["indikator"]),
                                         _urutan=rows["kode"].map(urutan))
    # by year, then in the order of indikator.csv (as the reports list the IKU)
    return out.sort_values(["tahun", "_urutan"], kind="stable").drop(columns="_urutan").reset_index(drop=True)


def catatan_data(unit: Unit, tahun: int, reviu: bool = True) -> list[str]:
    """What the data of a year lacks, in sentences for the reader (not errors).

    ``reviu=False`` leaves out the note on the printed figures, for an output
    without a reviu (the Word report).
    """
    notes = []
    if unit.anggaran[unit.anggaran["tahun"] == tahun].empty:
        notes.append(f"Data anggaran (anggaran.csv) tahun {tahun} belum tersedia: realisasi anggaran tidak dapat disajikan.")
    if unit.anggaran_iku[unit.anggaran_iku["tahun"] == tahun].empty:
        notes.append(f"Data anggaran per IKU (anggaran_iku.csv) tahun {tahun} belum tersedia: efisiensi tidak dapat dihitung.")
    if reviu and unit.laporan[unit.laporan["tahun"] == tahun].empty:
        notes.append(f"Angka laporan tercetak (laporan.csv) tahun {tahun} belum tersedia: tidak ada yang direviu.")
    return notes


def ringkasan(unit: Unit, tahun: int) -> dict[str, Any]:
    """The key figures of a year: means, counts, distribution and the choices used."""
    s = skor_unit(unit)
    s = s[s["tahun"] == tahun]
    means = scoring.rata_rata(s, unit.pilihan)
    dist = tabel_distribusi(unit, tahun)
    tot = tabel_total_anggaran(unit, tahun)
    return _json({
        "entitas": unit.slug,
        "nama": unit.nama,
        "pemda": unit.entitas.get("pemda"),
        "tahun": tahun,
        "capaian": {
            "rata_rata_iku": means["rata_rata_iku"],
            "rata_rata_sasaran": means["rata_rata_sasaran"],
            "keterangan": "rata_rata_iku: rata-rata capaian semua IKU yang terukur (angka utama); "
                          "rata_rata_sasaran: rata-rata capaian sasaran",
        },
        "jumlah": {
            "iku": means["jumlah_iku"],
            "iku_terukur": means["jumlah_terukur"],
            "iku_belum_dapat_diukur": means["jumlah_belum_terukur"],
            "sasaran": means["jumlah_sasaran"],
            "sasaran_terukur": means["jumlah_sasaran_terukur"],
        },
        "distribusi": dist[["kategori", "jumlah", "persen", "persen_terukur"]].to_dict("records"),
        "anggaran": tot[["pohon", "pagu", "realisasi", "serapan"]].to_dict("records"),
        "pilihan": unit.pilihan.as_dict(),
        "peringatan": [str(m) for m in unit.peringatan_tahun(tahun)] + catatan_data(unit, tahun),
    })
