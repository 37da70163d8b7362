"""Before and after: the tables of :class:`~lakip.core.tables.Analisis` on a unit and on its
copy with a scenario's changes, side by side (capaian, kategori, sasaran, means, distribution,
efficiency, budget)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np
import pandas as pd

from lakip.core.numbers import tidak_ada
from lakip.core.tables import analisis, cek_tahun, ringkasan
from lakip.core.whatif.kebutuhan import kebutuhan, kebutuhan_rata_rata, teks_kategori
from lakip.core.whatif.perubahan import terapkan_dengan_catatan
from lakip.core.model import Unit

__all__ = ["KOLOM_CATATAN", "beda", "skenario"]


def beda(a: Iterable[object], b: Iterable[object]) -> list[bool]:
    """Element-wise "differs", a missing value equal only to a missing value."""
    return [(tidak_ada(x) != tidak_ada(y)) or (not tidak_ada(x) and not tidak_ada(y) and x != y) for x, y in zip(a, b)]


def _banding(a: pd.DataFrame, b: pd.DataFrame, key: str, kolom: Sequence[str]) -> pd.DataFrame:
    """``a`` and ``b`` side by side on ``key``: ``<kolom>_sebelum`` and ``<kolom>_sesudah``."""
    b = b.set_index(key).reindex(a[key])
    out = pd.DataFrame({key: a[key].to_numpy()})
    for c in kolom:
        before, after = a[c].to_numpy(), b[c].to_numpy()
        if isinstance(a[c].dtype, pd.CategoricalDtype):
            before, after = teks_kategori(a[c]), teks_kategori(b[c])
        out[f"{c}_sebelum"] = before
        out[f"{c}_sesudah"] = after
    return out


def _banding_iku(lama: Unit, baru: Unit, tahun: int) -> pd.DataFrame:
    a, b = analisis(lama, tahun).capaian_iku, analisis(baru, tahun).capaian_iku
    out = a[["kode", "sasaran_kode", "indikator", "satuan", "polaritas", "jenis"]].reset_index(drop=True)
    side = _banding(a, b, "kode", ["target", "realisasi", "capaian", "kategori", "status", "catatan"])
    out = out.join(side.drop(columns="kode"))
    out["selisih_pp"] = out["capaian_sesudah"] - out["capaian_sebelum"]
    out["diubah"] = [x or y for x, y in zip(beda(out["target_sebelum"], out["target_sesudah"]),
                                            beda(out["realisasi_sebelum"], out["realisasi_sesudah"]))]
    out["berubah"] = [x or y for x, y in zip(beda(out["capaian_sebelum"], out["capaian_sesudah"]),
                                             beda(out["kategori_sebelum"], out["kategori_sesudah"]))]
    cols = ["kode", "sasaran_kode", "indikator", "satuan", "polaritas", "jenis", "target_sebelum", "target_sesudah",
            "realisasi_sebelum", "realisasi_sesudah", "capaian_sebelum", "capaian_sesudah", "selisih_pp",
            "kategori_sebelum", "kategori_sesudah", "status_sebelum", "status_sesudah", "catatan_sebelum", "catatan_sesudah",
            "diubah", "berubah"]
    return out[cols]


def _banding_sasaran(lama: Unit, baru: Unit, tahun: int) -> pd.DataFrame:
    a, b = analisis(lama, tahun).capaian_sasaran, analisis(baru, tahun).capaian_sasaran
    out = a[["sasaran_kode", "sasaran", "jumlah_iku"]].reset_index(drop=True)
    out = out.join(_banding(a, b, "sasaran_kode", ["jumlah_terukur", "capaian", "kategori"]).drop(columns="sasaran_kode"))
    out["selisih_pp"] = out["capaian_sesudah"] - out["capaian_sebelum"]
    out["berubah"] = [x or y for x, y in zip(beda(out["capaian_sebelum"], out["capaian_sesudah"]),
                                             beda(out["kategori_sebelum"], out["kategori_sesudah"]))]
    return out[["sasaran_kode", "sasaran", "jumlah_iku", "jumlah_terukur_sebelum", "jumlah_terukur_sesudah",
                "capaian_sebelum", "capaian_sesudah", "selisih_pp", "kategori_sebelum", "kategori_sesudah", "berubah"]]


def _banding_rata_rata(lama: dict[str, Any], baru: dict[str, Any], skala: Any) -> pd.DataFrame:
    rows = []
    for ukuran, uraian, get in (
        ("rata_rata_iku", "Rata-rata capaian IKU (IKU terukur)", lambda r: r["capaian"]["rata_rata_iku"]),
        ("rata_rata_sasaran", "Rata-rata capaian sasaran", lambda r: r["capaian"]["rata_rata_sasaran"]),
        ("iku_terukur", "IKU terukur", lambda r: r["jumlah"]["iku_terukur"]),
        ("iku_belum_dapat_diukur", "IKU belum dapat diukur", lambda r: r["jumlah"]["iku_belum_dapat_diukur"]),
    ):
        x, y = get(lama), get(baru)
        rata = ukuran.startswith("rata_rata")
        rows.append({
            "ukuran": ukuran, "uraian": uraian,
            "sebelum": np.nan if x is None else x, "sesudah": np.nan if y is None else y,
            "selisih": np.nan if x is None or y is None else y - x,
            "kategori_sebelum": skala.kategori(x) if rata and x is not None else None,
            "kategori_sesudah": skala.kategori(y) if rata and y is not None else None,
        })
    return pd.DataFrame(rows)


def _banding_distribusi(lama: Unit, baru: Unit, tahun: int) -> pd.DataFrame:
    a, b = analisis(lama, tahun).distribusi, analisis(baru, tahun).distribusi
    out = _banding(a, b, "kategori", ["jumlah", "persen", "persen_terukur"])
    out["selisih_jumlah"] = out["jumlah_sesudah"] - out["jumlah_sebelum"]
    return out[["kategori", "jumlah_sebelum", "jumlah_sesudah", "selisih_jumlah", "persen_sebelum", "persen_sesudah",
                "persen_terukur_sebelum", "persen_terukur_sesudah"]]


def _banding_efisiensi(lama: Unit, baru: Unit, tahun: int) -> pd.DataFrame:
    a, b = analisis(lama, tahun).efisiensi, analisis(baru, tahun).efisiensi
    kol = ["capaian_kinerja", "pagu", "realisasi_anggaran", "capaian_anggaran", "nilai", "status", "target_tercapai"]
    out = _banding(a, b, "kode", kol)
    out.insert(1, "metode", a["metode"].to_numpy())
    out["berubah"] = [any(f) for f in zip(*(beda(out[f"{c}_sebelum"], out[f"{c}_sesudah"]) for c in kol))]
    return out


def _banding_anggaran(lama: Unit, baru: Unit, tahun: int) -> pd.DataFrame:
    a, b = analisis(lama, tahun).anggaran, analisis(baru, tahun).anggaran
    kol = ["pagu", "realisasi", "serapan"]
    out = a[["kode", "induk", "tingkat", "uraian"]].reset_index(drop=True)
    out = out.join(_banding(a, b, "kode", kol).drop(columns="kode"))
    out["berubah"] = [any(f) for f in zip(*(beda(out[f"{c}_sebelum"], out[f"{c}_sesudah"]) for c in kol))] if len(out) else []
    return out


KOLOM_CATATAN = ["kode", "kolom", "nilai", "berkas", "sebelum", "sesudah", "keterangan"]


def skenario(unit: Unit, tahun: int | None, perubahan: object, rata_rata: float | None = None) -> dict[str, Any]:
    """Before and after tables of a scenario, from :mod:`lakip.core.tables` on the original and modified unit.

    Returns a dict of DataFrames (exact values):

    - ``perubahan``: each change applied: kode, kolom, nilai, berkas, sebelum, sesudah, keterangan;
    - ``iku``: kode, sasaran_kode, indikator, satuan, polaritas, jenis, target_/realisasi_/capaian_/
      kategori_/status_ ``sebelum`` and ``sesudah``, selisih_pp, diubah (target or realisasi set),
      berubah (capaian or kategori moved);
    - ``sasaran``: the same per sasaran; ``rata_rata``: the overall means (IKU and sasaran views) and
      the counts, with their kategori; ``distribusi``: count and percent per kategori;
    - ``efisiensi``: the efficiency table before and after; ``anggaran``: every budget node;
    - ``kebutuhan``: :func:`kebutuhan` under the scenario; with ``rata_rata``, also
      ``kebutuhan_rata_rata``: :func:`kebutuhan_rata_rata` under the scenario;
    - ``ringkasan``: ``{"sebelum": ..., "sesudah": ...}``, :func:`lakip.core.tables.Analisis.ringkasan` of each.
    """
    tahun = cek_tahun(unit, tahun)
    baru, log = terapkan_dengan_catatan(unit, tahun, perubahan)
    r_lama, r_baru = ringkasan(unit, tahun), ringkasan(baru, tahun)  # copies: the caller owns them
    out: dict[str, Any] = {
        "perubahan": pd.DataFrame(log, columns=KOLOM_CATATAN),
        "iku": _banding_iku(unit, baru, tahun),
        "sasaran": _banding_sasaran(unit, baru, tahun),
        "rata_rata": _banding_rata_rata(r_lama, r_baru, unit.pilihan.skala),
        "distribusi": _banding_distribusi(unit, baru, tahun),
        "efisiensi": _banding_efisiensi(unit, baru, tahun),
        "anggaran": _banding_anggaran(unit, baru, tahun),
        "kebutuhan": kebutuhan(baru, tahun),
        "ringkasan": {"sebelum": r_lama, "sesudah": r_baru},
    }
    if rata_rata is not None:
        out["kebutuhan_rata_rata"] = kebutuhan_rata_rata(baru, tahun, rata_rata)
    return out
