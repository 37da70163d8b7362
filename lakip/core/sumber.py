"""The scores an IKU takes from outside the unit's kinerja.csv (DOMAIN.md section 8).

An IKU whose ``indikator.csv`` row has a ``sumber`` takes its realisasi from a file of the unit
where ``kinerja.csv`` leaves it empty:

- ``survei_ikm``: the IKM of the year from ``survei_ikm.csv`` (:func:`lakip.core.ikm.ikm_tahunan`, under the
  unit's ``bobot_ikm``);
- ``lke``: the nilai AKIP of the year from ``lke.csv`` (:func:`lakip.core.akip.nilai_akip`);
- ``lke:<komponen>``: the nilai of one component (or sub-component) of the LKE of the year.

An IKU of jenis ``kategori`` takes the word instead: the mutu (A-D) of the IKM, the predikat of the AKIP.
Pure functions; the files are read and checked in :mod:`lakip.data.load`.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from lakip.core import akip, ikm

__all__ = ["SUMBER_IKM", "SUMBER_LKE", "BERKAS_SUMBER", "urai_sumber", "nama_sumber", "nilai_sumber"]

SUMBER_IKM, SUMBER_LKE = "survei_ikm", "lke"
#: The file each source is read from.
BERKAS_SUMBER = {SUMBER_IKM: "survei_ikm.csv", SUMBER_LKE: "lke.csv"}


def urai_sumber(teks: object) -> tuple[str, str | None] | None:
    """``sumber`` of indikator.csv as (source, component): None when empty; ValueError with the reason."""
    if teks is None or (isinstance(teks, float) and np.isnan(teks)):
        return None
    t = str(teks).strip()
    if not t:
        return None
    if t == SUMBER_IKM:
        return SUMBER_IKM, None
    if t == SUMBER_LKE:
        return SUMBER_LKE, None
    if t.startswith(SUMBER_LKE + ":"):
        komponen = t[len(SUMBER_LKE) + 1:].strip()
        if komponen:
            return SUMBER_LKE, komponen
    raise ValueError(f"sumber '{t}' tidak dikenal: tulis survei_ikm, lke, atau lke:<komponen> (nama komponen di lke.csv)")


def nama_sumber(sumber: str, komponen: str | None) -> str:
    """The source in words, for a message: ``IKM dari survei_ikm.csv``."""
    if sumber == SUMBER_IKM:
        return "IKM dari survei_ikm.csv"
    if komponen is None:
        return "nilai AKIP dari lke.csv"
    return f"nilai komponen {komponen} dari lke.csv"


def nilai_sumber(indikator: pd.DataFrame, lampiran: dict[str, pd.DataFrame], bobot: float) -> pd.DataFrame:
    """The value each IKU with a ``sumber`` takes, per year of its source:
    ``kode, tahun, sumber, komponen, nilai, kata`` (``nilai`` exact; ``kata`` the mutu or predikat).

    An IKU whose source file is absent, or whose ``sumber`` is unreadable, has no row (the loader says why).
    """
    rows: list[dict[str, Any]] = []
    if "sumber" not in indikator.columns:
        return pd.DataFrame(columns=["kode", "tahun", "sumber", "komponen", "nilai", "kata"])
    survei, lke = lampiran.get("survei_ikm"), lampiran.get("lke")
    per_ikm = ikm.ikm_tahunan(survei, bobot) if survei is not None and len(survei) else None
    komp = akip.komponen_lke(lke) if lke is not None and len(lke) else None
    total = akip.nilai_akip(lke) if lke is not None and len(lke) else None
    for kode, teks in zip(indikator["kode"], indikator["sumber"]):
        try:
            s = urai_sumber(teks)
        except ValueError:
            continue
        if s is None:
            continue
        sumber, komponen = s
        if sumber == SUMBER_IKM and per_ikm is not None:
            for th, x, mutu in zip(per_ikm["tahun"], per_ikm["ikm"], per_ikm["mutu"]):
                rows.append({"kode": kode, "tahun": int(th), "sumber": sumber, "komponen": None, "nilai": float(x), "kata": mutu})
        elif sumber == SUMBER_LKE and komponen is None and total is not None:
            for th, x, pred in zip(total["tahun"], total["nilai"], total["predikat"]):
                rows.append({"kode": kode, "tahun": int(th), "sumber": sumber, "komponen": None, "nilai": float(x), "kata": pred})
        elif sumber == SUMBER_LKE and komp is not None:
            sel = komp[komp["komponen"] == komponen]
            for th, x in zip(sel["tahun"], sel["nilai"]):
                rows.append({"kode": kode, "tahun": int(th), "sumber": sumber, "komponen": komponen, "nilai": float(x),
                             "kata": None})
    return pd.DataFrame(rows, columns=["kode", "tahun", "sumber", "komponen", "nilai", "kata"])
