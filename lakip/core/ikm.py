"""Indeks Kepuasan Masyarakat from its survey (PermenPAN-RB 14/2017, DOMAIN.md section 8).

A survey is one row per respondent: ``tahun``, ``responden``, the answers ``u1`` ... ``u9``
(1-4, one per unsur) and optionally ``layanan`` (the service surveyed). Per year:

- NRR of an unsur = the mean answer of its respondents;
- NRR tertimbang = NRR x bobot (0,111 as the regulation prints it, or 1/9 exactly);
- IKM = sum of NRR tertimbang x 25, with its mutu (A, B, C, D) and kinerja word;
- the same per ``layanan``; a unit's IKM is over all its respondents.

Pure functions over DataFrames: the survey is validated where it is read (``lakip.data``).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from lakip.core.config import Skala

__all__ = [
    "UNSUR", "NAMA_UNSUR", "BOBOT_IKM", "MUTU_IKM", "KINERJA_MUTU", "MUTU_NRR", "KALI_IKM",
    "bobot_ikm", "mutu_ikm", "nrr_unsur", "ikm_tahunan", "ikm_layanan",
]

#: The answer columns, one per unsur, in the regulation's order.
UNSUR: tuple[str, ...] = tuple(f"u{i}" for i in range(1, 10))

#: The unsur as PermenPAN-RB 14/2017 names them.
NAMA_UNSUR: dict[str, str] = dict(zip(UNSUR, (
    "Persyaratan",
    "Sistem, Mekanisme dan Prosedur",
    "Waktu Penyelesaian",
    "Biaya/Tarif",
    "Produk Spesifikasi Jenis Pelayanan",
    "Kompetensi Pelaksana",
    "Perilaku Pelaksana",
    "Penanganan Pengaduan, Saran dan Masukan",
    "Sarana dan Prasarana",
)))

#: ``bobot_ikm`` of ``entitas.yml``: the weight of each unsur. ``0,111`` as the regulation prints
#: it (all answers 4 give 99,9); ``rata`` divides by 9 exactly (all answers 4 give 100).
BOBOT_IKM: dict[str, float] = {"0,111": 0.111, "rata": 1 / 9}

#: IKM = sum of NRR tertimbang x this (the answers 1-4 become 25-100).
KALI_IKM = 25.0

#: Mutu pelayanan of an IKM: A 88,31-100, B 76,61-88,30, C 65,00-76,60, D 25,00-64,99. A value
#: in a printed gap (88,305) takes the class whose lower bound it passes, as every scale does.
MUTU_IKM = Skala(label=("A", "B", "C", "D"), batas=(88.31, 76.61, 65.0), inklusif=True)

#: Mutu of one unsur's NRR on the same bands: 3,5324-4,00 A; 3,0644-3,532 B; 2,60-3,064 C; 1,00-2,5996 D.
MUTU_NRR = Skala(label=("A", "B", "C", "D"), batas=(3.5324, 3.0644, 2.60), inklusif=True)

#: The kinerja unit pelayanan of each mutu.
KINERJA_MUTU: dict[str, str] = {"A": "Sangat Baik", "B": "Baik", "C": "Kurang Baik", "D": "Tidak Baik"}


def _check(df: pd.DataFrame, needed: tuple[str, ...], fungsi: str) -> None:
    missing = [c for c in needed if c not in df.columns]
    if missing:
        raise KeyError(f"{fungsi}: kolom tidak ada: {', '.join(missing)}")


def bobot_ikm(pilihan: str | float | None) -> float:
    """The weight of one unsur for ``bobot_ikm`` of ``entitas.yml`` (None: the regulation's 0,111)."""
    if pilihan is None:
        return BOBOT_IKM["0,111"]
    kunci = str(pilihan).strip().replace(".", ",")
    if kunci not in BOBOT_IKM:
        raise ValueError(f"bobot_ikm harus salah satu dari: {', '.join(BOBOT_IKM)}")
    return BOBOT_IKM[kunci]


def mutu_ikm(ikm: float | None) -> str | None:
    """The mutu (A, B, C, D) of an IKM value; None when there is none."""
    return MUTU_IKM.kategori(ikm)


def _ikm(nrr: np.ndarray, bobot: float) -> np.ndarray:
    """IKM from the NRR of the nine unsur (last axis): the one home of the formula."""
    return (nrr * bobot).sum(axis=-1) * KALI_IKM


def nrr_unsur(survei: pd.DataFrame, bobot: float = BOBOT_IKM["0,111"]) -> pd.DataFrame:
    """Per year and unsur: ``tahun, unsur, nama_unsur, responden, nrr, nrr_tertimbang, mutu``.

    ``responden`` counts the respondents of the year; ``nrr`` is their mean answer.
    """
    _check(survei, ("tahun",) + UNSUR, "nrr_unsur")
    g = survei.groupby("tahun", sort=True)
    nrr = g[list(UNSUR)].mean()
    n = g.size()
    out = nrr.stack().rename("nrr").reset_index().rename(columns={"level_1": "unsur"})
    out.insert(2, "nama_unsur", out["unsur"].map(NAMA_UNSUR))
    out.insert(3, "responden", out["tahun"].map(n).astype(int))
    out["nrr_tertimbang"] = out["nrr"] * bobot
    out["mutu"] = [MUTU_NRR.kategori(v) for v in out["nrr"]]
    return out.reset_index(drop=True)


def _ringkas(survei: pd.DataFrame, keys: list[str], bobot: float) -> pd.DataFrame:
    g = survei.groupby(keys, sort=True)
    nrr = g[list(UNSUR)].mean()
    out = nrr.index.to_frame(index=False)
    out["responden"] = g.size().to_numpy(dtype=int)
    out["ikm"] = _ikm(nrr.to_numpy(dtype=float), bobot)
    out["mutu"] = [mutu_ikm(v) for v in out["ikm"]]
    out["kinerja"] = out["mutu"].map(KINERJA_MUTU)
    return out


def ikm_tahunan(survei: pd.DataFrame, bobot: float = BOBOT_IKM["0,111"]) -> pd.DataFrame:
    """Per year, over all respondents: ``tahun, responden, ikm, mutu, kinerja``."""
    _check(survei, ("tahun",) + UNSUR, "ikm_tahunan")
    return _ringkas(survei, ["tahun"], bobot)


def ikm_layanan(survei: pd.DataFrame, bobot: float = BOBOT_IKM["0,111"]) -> pd.DataFrame:
    """Per year and service: ``tahun, layanan, responden, ikm, mutu, kinerja`` (empty without ``layanan``)."""
    _check(survei, ("tahun",) + UNSUR, "ikm_layanan")
    if "layanan" not in survei.columns:
        return pd.DataFrame(columns=["tahun", "layanan", "responden", "ikm", "mutu", "kinerja"])
    return _ringkas(survei[survei["layanan"].notna()], ["tahun", "layanan"], bobot)
