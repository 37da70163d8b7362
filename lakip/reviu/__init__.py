"""Reviu: every figure the published report prints, recomputed from the data and judged.

Each row of ``laporan.csv`` (``tabel``, ``kunci``, ``nilai`` as printed)
becomes one finding: the value computed from the data files under the unit's
rules, the difference, a status (sesuai / tidak sesuai / tidak dapat
dihitung), the kind of error, and an explanation in Indonesian that a
reviewer can paste into a review note. Where a printed figure does not
match, the audit looks for what produced it (another turun formula, a target
printed elsewhere, the value of another year, a not-measurable IKU counted,
rounding before subtracting, another efficiency method, a cap, a realisasi
printed rounded) and says so. A figure printed as a claim (``di atas 90 %``)
is judged by whether the computed value satisfies it.

One module per kind of figure: :mod:`~lakip.reviu.printed` reads them,
:mod:`~lakip.reviu.kinerja` judges the figures of an IKU,
:mod:`~lakip.reviu.aggregates` the means and counts, :mod:`~lakip.reviu.budget`
the budget, :mod:`~lakip.reviu.efficiency` the efficiency,
:mod:`~lakip.reviu.formula` the parts of a formula, :mod:`~lakip.reviu.luar` the IKM and the
AKIP (and an IKU's realisasi against its ``sumber``) and :mod:`~lakip.reviu.klaim` a claim.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from lakip.core.model import Unit
from lakip.core.numbers import ada
from lakip.core.tables import Analisis, analisis
from lakip.reviu.aggregates import (cek_jumlah_capaian, cek_jumlah_iku, cek_jumlah_kategori, cek_jumlah_sasaran, cek_rata_rata,
                                    cek_sasaran)
from lakip.reviu.budget import cek_anggaran, cek_anggaran_iku
from lakip.reviu.context import J_FORMAT, KOLOM_REVIU, SESUAI, TIDAK_DAPAT, TIDAK_SESUAI, Temuan, Konteks
from lakip.reviu.efficiency import cek_efisiensi
from lakip.reviu.formula import cek_komponen, cek_realisasi_rumus
from lakip.reviu.kinerja import cek_capaian, cek_kategori, cek_perubahan, cek_target_realisasi
from lakip.reviu.klaim import cek_klaim
from lakip.reviu.luar import (cek_ikm, cek_komponen_akip, cek_mutu_ikm, cek_nilai_akip, cek_nrr, cek_predikat_akip,
                              temuan_sumber)
from lakip.reviu.printed import Tercetak, baca, baca_perubahan

__all__ = ["SESUAI", "TIDAK_SESUAI", "TIDAK_DAPAT", "KOLOM_REVIU", "Tercetak", "baca", "baca_perubahan", "Reviu", "periksa",
           "reviu", "ringkasan_reviu"]


_CEK: dict[str, Callable[..., Temuan]] = {
    "target": cek_target_realisasi,
    "realisasi": cek_target_realisasi,
    "capaian": cek_capaian,
    "kategori": cek_kategori,
    "capaian_sasaran": cek_sasaran,
    "kategori_sasaran": cek_sasaran,
    "rata_rata": cek_rata_rata,
    "jumlah_iku": cek_jumlah_iku,
    "jumlah_sasaran": cek_jumlah_sasaran,
    "jumlah_capaian": cek_jumlah_capaian,
    "jumlah_kategori": cek_jumlah_kategori,
    "persen_kategori": cek_jumlah_kategori,
    "pagu": cek_anggaran,
    "realisasi_anggaran": cek_anggaran,
    "serapan": cek_anggaran,
    "pagu_iku": cek_anggaran_iku,
    "realisasi_anggaran_iku": cek_anggaran_iku,
    "serapan_iku": cek_anggaran_iku,
    "efisiensi": cek_efisiensi,
    "komponen": cek_komponen,
    "perubahan_pp": cek_perubahan,
    "ikm": cek_ikm,
    "mutu_ikm": cek_mutu_ikm,
    "nrr": cek_nrr,
    "nilai_akip": cek_nilai_akip,
    "predikat_akip": cek_predikat_akip,
    "komponen_akip": cek_komponen_akip,
}


def _kalimat(teks: str) -> str:
    teks = teks.strip()
    return teks[:1].upper() + teks[1:]


def _nilai_csv(x: Any) -> Any:
    if isinstance(x, (float, np.floating)):
        return float("nan") if math.isnan(x) else float(x)
    if isinstance(x, (np.integer,)):
        return int(x)
    return x


def reviu(sumber: Analisis | Unit, tahun: int | None = None) -> pd.DataFrame:
    """Audit every figure of ``laporan.csv`` printed in the report of a unit-year.

    ``sumber`` is the unit-year's :class:`~lakip.core.tables.Analisis`, or a
    unit and ``tahun``. Returns one row per printed figure, in the order of
    laporan.csv, with the columns of :data:`KOLOM_REVIU`; ``nilai_hitung`` and
    ``selisih`` (printed minus computed) are exact numbers where the figure is
    a number.
    """
    k = Konteks(sumber if isinstance(sumber, Analisis) else analisis(sumber, tahun))
    rows = []
    for _, row in k.lap.iterrows():
        kunci, p, klaim = row["_kunci"], row["_baca"], row["_klaim"]
        jenis = kunci["jenis"]
        if klaim is not None:
            res = cek_klaim(k, row["tabel"], kunci, klaim, _CEK[jenis])
        elif jenis == "perubahan_pp":
            p = baca_perubahan(row["nilai"])
            res = cek_perubahan(k, row["tabel"], kunci, p)
        else:
            res = _CEK[jenis](k, row["tabel"], kunci, p)
        if jenis == "realisasi" and res.status == SESUAI and klaim is None:
            res = cek_realisasi_rumus(k, row["tabel"], kunci, p, res)
        if p.galat and res.jenis != J_FORMAT:
            res = Temuan(TIDAK_SESUAI, res.nilai_hitung, f"Angka '{p.teks}' ditulis salah ({p.galat}). {res.penjelasan}", J_FORMAT)
        if res.selisih is None and p.angka is not None and isinstance(res.nilai_hitung, (int, float, np.number)) \
                and ada(float(res.nilai_hitung)):
            res.selisih = p.angka - float(res.nilai_hitung)
        rows.append({
            "tabel": row["tabel"], "kunci": row["kunci"], "nilai_laporan": row["nilai"],
            "nilai_hitung": _nilai_csv(res.nilai_hitung),
            "selisih": _nilai_csv(res.selisih),
            "status": res.status, "penjelasan": _kalimat(res.penjelasan), "jenis": res.jenis,
        })
    # an IKU whose realisasi in kinerja.csv differs from its sumber (survei_ikm.csv, lke.csv)
    rows.extend(temuan_sumber(k))
    return pd.DataFrame(rows, columns=KOLOM_REVIU)


def ringkasan_reviu(temuan: pd.DataFrame) -> dict[str, Any]:
    """Counts per status, per kind of error and per table."""
    bad = temuan[temuan["status"] == TIDAK_SESUAI]
    per_tabel = (
        temuan.groupby("tabel", sort=False)["status"].value_counts().unstack(fill_value=0)
        .reindex(columns=[SESUAI, TIDAK_SESUAI, TIDAK_DAPAT], fill_value=0)
    )
    return {
        "jumlah_angka": int(len(temuan)),
        "per_status": {s: int((temuan["status"] == s).sum()) for s in (SESUAI, TIDAK_SESUAI, TIDAK_DAPAT)},
        "per_jenis": {j: int(n) for j, n in bad["jenis"].value_counts().sort_index().items()},
        "per_tabel": {t: {c: int(v) for c, v in r.items()} for t, r in per_tabel.iterrows()},
    }


@dataclass(frozen=True)
class Reviu:
    """The reviu of a unit-year: every finding (:func:`reviu`) and their counts (:func:`ringkasan_reviu`)."""

    temuan: pd.DataFrame
    ringkasan: dict[str, Any]


def periksa(a: Analisis) -> Reviu:
    """The reviu of the unit-year ``a``: its findings and their counts."""
    temuan = reviu(a)
    return Reviu(temuan, ringkasan_reviu(temuan))
