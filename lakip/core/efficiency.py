"""Efficiency of resource use per IKU (DOMAIN.md section 7, Bab III A item 6).

Capaian kinerja (percent) is set against capaian anggaran (serapan of the
budget behind the IKU, percent) by one of three methods:

- ``rasio`` (default): indeks = kinerja / anggaran; >= 1 efisien, < 1 tidak efisien.
- ``selisih``: kinerja - anggaran in pp; > +5 efisien, -5..+5 cukup efisien,
  < -5 tidak efisien.
- ``pmk249`` (PMK 249/2011): E = 1 - (realisasi anggaran / pagu) / (capaian
  kinerja / 100), clamped to -20 %..+20 %; nilai = 50 + E / 20 % x 50 (percent);
  >= 50 efisien, < 50 tidak efisien. For a naik IKU with a number target,
  capaian / 100 is realisasi / target as in the regulation; for the other
  kinds it is the IKU's own capaian rule.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from lakip.core.budget import persen_serapan
from lakip.core.config import BELUM_TERUKUR, METODE_EFISIENSI
from lakip.core.numbers import untuk_banding

__all__ = ["METODE_EFISIENSI", "nilai_efisiensi", "efisiensi"]

_STATUS = ("efisien", "cukup efisien", "tidak efisien", BELUM_TERUKUR, "tidak dapat dihitung")


def nilai_efisiensi(
    capaian_kinerja: np.ndarray | pd.Series,
    capaian_anggaran: np.ndarray | pd.Series,
    metode: str = "rasio",
) -> tuple[np.ndarray, np.ndarray]:
    """Efficiency value and status for arrays of capaian kinerja and anggaran (percent).

    Returns ``(nilai, status)``; ``nilai`` is NaN where it cannot be computed:
    capaian kinerja not available (status "belum dapat diukur"), or no
    budget / a zero one (status "tidak dapat dihitung"). A value is compared
    with the method's bounds as :func:`lakip.core.numbers.untuk_banding` rounds
    it, so a ratio of exactly 1 computed as 0.9999999999999999 is efisien.
    """
    if metode not in METODE_EFISIENSI:
        raise ValueError(f"metode efisiensi harus salah satu dari: {', '.join(METODE_EFISIENSI)}")
    ck = np.asarray(capaian_kinerja, dtype=float)
    ca = np.asarray(capaian_anggaran, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        if metode == "rasio":
            nilai = ck / ca
            nilai[~np.isfinite(nilai)] = np.nan
            code = np.where(untuk_banding(nilai) >= 1, 0, 2)
        elif metode == "selisih":
            nilai = ck - ca
            banding = untuk_banding(nilai)
            code = np.where(banding > 5, 0, np.where(banding >= -5, 1, 2))
        else:
            e = 1.0 - (ca / 100.0) / (ck / 100.0)
            e[~np.isfinite(e)] = np.nan
            e = np.clip(e, -0.2, 0.2)
            nilai = 50.0 + e / 0.2 * 50.0
            code = np.where(untuk_banding(nilai) >= 50, 0, 2)
    code = np.where(np.isnan(nilai), 4, code)
    code = np.where(np.isnan(ck), 3, code)
    return nilai, np.asarray(_STATUS, dtype=object)[code]


def efisiensi(
    capaian_iku: pd.DataFrame, anggaran_iku: pd.DataFrame, metode: str = "rasio"
) -> pd.DataFrame:
    """The efficiency table of one year.

    Args:
        capaian_iku: ``kode`` and ``capaian`` of each IKU (one year).
        anggaran_iku: ``kode``, ``pagu`` and ``realisasi`` of the budget behind
            each IKU (the same year).
        metode: ``rasio``, ``selisih`` or ``pmk249``.

    Returns:
        One row per IKU of ``capaian_iku``: ``kode``, ``capaian_kinerja``,
        ``capaian_anggaran``, ``metode``, ``nilai``, ``status``, and
        ``target_tercapai`` (capaian >= 100; some evaluators judge
        efficiency only where it is true), ``pagu``, ``realisasi_anggaran``.
    """
    for name, df, cols in (
        ("capaian_iku", capaian_iku, ("kode", "capaian")),
        ("anggaran_iku", anggaran_iku, ("kode", "pagu", "realisasi")),
    ):
        missing = [c for c in cols if c not in df.columns]
        if missing:
            raise KeyError(f"efisiensi: {name} tanpa kolom {', '.join(missing)}")
    budget = anggaran_iku[["kode", "pagu", "realisasi"]].rename(columns={"realisasi": "realisasi_anggaran"})
    out = capaian_iku[["kode", "capaian"]].rename(columns={"capaian": "capaian_kinerja"})
    out = out.merge(budget, on="kode", how="left", validate="one_to_one")
    out["capaian_anggaran"] = persen_serapan(out["realisasi_anggaran"].to_numpy(dtype=float), out["pagu"].to_numpy(dtype=float))
    nilai, status = nilai_efisiensi(out["capaian_kinerja"], out["capaian_anggaran"], metode)
    out["metode"] = metode
    out["nilai"] = nilai
    out["status"] = status
    out["target_tercapai"] = pd.Series(untuk_banding(out["capaian_kinerja"]) >= 100, index=out.index).where(
        out["capaian_kinerja"].notna())
    return out[
        ["kode", "capaian_kinerja", "capaian_anggaran", "metode", "nilai", "status",
         "target_tercapai", "pagu", "realisasi_anggaran"]
    ]
