"""The kabupaten rollup as files: ``<out>/_kabupaten/<year>/`` (``lakip rekap``, and the end of
``lakip run --all``), and the reviu findings of many units, shared by the cores.

The tables are those of :mod:`lakip.core.rollup`; the reviu of each unit is
:func:`lakip.reviu.reviu`, run here because it is an audit per unit.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterable, Mapping
from pathlib import Path

import numpy as np
import pandas as pd

from lakip.app.files import folder_sementara, tulis_csv, tulis_json
from lakip.app.proses import konteks_proses, lepas_sinyal, sinyal_ditahan
from lakip.core.budget import rupiah_bulat
from lakip.core.model import DataError, Kabupaten, Masalah, PilihanError
from lakip.core.paths import DATA_DIR, OUTPUTS_DIR, resolve
from lakip.core.rollup import (Units, ringkasan_kabupaten, sebagai_kabupaten, tabel_capaian_iku, tahun_kabupaten,
                               unit_dengan_tahun)
from lakip.core.rollup import tabel_unit as _tabel_unit
from lakip.data.bulk import muat_kabupaten
from lakip.reviu import TIDAK_SESUAI, reviu

__all__ = ["FOLDER", "hitung_temuan", "tabel_unit", "tulis_kabupaten", "jalankan_rekap"]

#: Name of the rollup folder under the output folder (not a unit slug: those never start with '_').
FOLDER = "_kabupaten"


def _temuan_satu(kab: Kabupaten, slug: str, tahun: int) -> int | None:
    """The 'tidak sesuai' findings of a unit; None when it has no figure of the year (nothing reviewed)."""
    unit = kab.ke_unit(slug)
    if tahun not in unit.tahun:
        return None
    r = reviu(unit, tahun)
    return int((r["status"] == TIDAK_SESUAI).sum()) if len(r) else None


_KAB_ANAK: Kabupaten | None = None  # the kabupaten a forked worker of hitung_temuan audits


def _temuan_potongan(slugs: list[str], tahun: int) -> dict[str, int | None]:
    assert _KAB_ANAK is not None
    return {slug: _temuan_satu(_KAB_ANAK, slug, tahun) for slug in slugs}


def hitung_temuan(units: Units, tahun: int, slugs: Iterable[str] | None = None, pekerja: int | None = None,
                  progres: bool = False) -> dict[str, int | None]:
    """The number of 'tidak sesuai' findings of the reviu of each unit (:func:`lakip.reviu.reviu`), by slug;
    None for a unit with no published figure of the year (nothing reviewed).

    The reviu is an audit per unit (15-25 ms each); from 400 units on it is
    shared among ``pekerja`` processes (default: one per core), forked from
    this one so the data is not copied (when this process runs no other
    thread; else it runs here). ``progres`` shows a progress bar of the units.
    """
    from tqdm.auto import tqdm

    global _KAB_ANAK
    kab = sebagai_kabupaten(units)
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


def tabel_unit(units: Units, tahun: int, temuan: Mapping[str, int | None] | None = None) -> pd.DataFrame:
    """:func:`lakip.core.rollup.tabel_unit` with the reviu findings of every unit: ``temuan``, or
    (None) computed here by :func:`hitung_temuan`."""
    kab = sebagai_kabupaten(units)
    if temuan is None:
        temuan = hitung_temuan(kab, tahun, unit_dengan_tahun(kab, tahun))
    return _tabel_unit(kab, tahun, temuan)


def tulis_kabupaten(
    units: Units,
    tahun: int,
    out: str | Path | None = None,
    gagal: Iterable[str] = (),
    grafik: bool = True,
    temuan: Mapping[str, int | None] | None = None,
) -> Path:
    """Write the rollup into ``<out>/_kabupaten/<tahun>/`` (replaced whole); return that folder.

    Files: ``capaian_iku.csv``, ``unit.csv``, ``ringkasan.json`` and, with
    ``grafik``, ``grafik/distribusi_unit`` and ``grafik/capaian_serapan``
    (PNG and SVG).
    """
    import matplotlib.pyplot as plt

    from lakip.app.grafik import simpan
    from lakip.report.charts import grafik_capaian_serapan, grafik_distribusi_unit

    kab = sebagai_kabupaten(units)
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
        if kab.gagal:  # every unit failed: each problem named by its unit's folder
            raise DataError([dataclasses.replace(m, berkas=f"{slug}/{m.berkas}") if e.masalah else m
                             for slug, e in kab.gagal.items()
                             for m in (e.masalah or [Masalah(slug, None, None, str(e))])])
        raise PilihanError(f"tidak ada unit (folder berisi entitas.yml) di {resolve(data, DATA_DIR)}")
    tahun = tahun_kabupaten(kab, tahun)
    if not unit_dengan_tahun(kab, tahun):  # nothing to roll up: no empty rollup is written
        ada = sorted({t for th in kab.tahun().tolist() if isinstance(th, list) for t in th})
        raise PilihanError(f"tahun {tahun} tidak ada di data unit mana pun (tahun yang ada: {', '.join(map(str, ada)) or '-'})")
    temuan = hitung_temuan(kab, tahun, unit_dengan_tahun(kab, tahun), progres=progres)
    return tulis_kabupaten(kab, tahun, out, kab.gagal, grafik, temuan), kab.gagal
