"""The tables of the scores that come from outside the unit (DOMAIN.md section 8), for one unit and year:
the IKM of its survey (``survei_ikm.csv``) and the AKIP of its LKE (``lke.csv``). A part of
:class:`lakip.core.tables.Analisis`; every table is None when the unit does not have the file.
"""

from __future__ import annotations

from functools import cached_property

import numpy as np
import pandas as pd

from lakip.core import akip, ikm
from lakip.core.config import Pilihan
from lakip.core.model import Unit

__all__ = ["TabelLuar"]


class TabelLuar:
    """The IKM and AKIP tables of :class:`lakip.core.tables.Analisis` (its ``unit``, ``tahun``, ``pilihan``)."""

    unit: Unit
    tahun: int
    pilihan: Pilihan

    @property
    def survei_ikm(self) -> pd.DataFrame | None:
        """The unit's IKM survey (``survei_ikm.csv``, every year), None when the unit has none."""
        return self.unit.lampiran.get("survei_ikm")

    @property
    def lke(self) -> pd.DataFrame | None:
        """The unit's LKE (``lke.csv``, every year), None when the unit has none."""
        return self.unit.lampiran.get("lke")

    @cached_property
    def bobot_ikm(self) -> float:
        """The weight of one unsur under the unit's ``bobot_ikm`` (0,111 or 1/9)."""
        return ikm.bobot_ikm(self.pilihan.bobot_ikm)

    @cached_property
    def ikm_tahunan(self) -> pd.DataFrame | None:
        """The IKM of every year of the survey: ``tahun, responden, ikm, mutu, kinerja``; None without a survey."""
        s = self.survei_ikm
        return None if s is None else ikm.ikm_tahunan(s, self.bobot_ikm)

    @cached_property
    def ikm(self) -> pd.DataFrame | None:
        """The survey of the year per unsur: ``tahun, unsur, nama_unsur, responden, nrr, nrr_tertimbang, mutu``,
        then ``ikm`` and ``mutu_ikm`` of the year (the same on every row); None without a survey."""
        s = self.survei_ikm
        if s is None:
            return None
        out = ikm.nrr_unsur(s[s["tahun"] == self.tahun], self.bobot_ikm)
        tot = self.ikm_tahunan
        tot = tot[tot["tahun"] == self.tahun]
        out["ikm"] = float(tot["ikm"].iloc[0]) if len(tot) else np.nan
        out["mutu_ikm"] = tot["mutu"].iloc[0] if len(tot) else None
        return out

    @cached_property
    def ikm_layanan(self) -> pd.DataFrame | None:
        """The IKM of the year per service: ``tahun, layanan, responden, ikm, mutu, kinerja``; None without a survey."""
        s = self.survei_ikm
        if s is None:
            return None
        return ikm.ikm_layanan(s[s["tahun"] == self.tahun], self.bobot_ikm).reset_index(drop=True)

    @cached_property
    def komponen_akip(self) -> pd.DataFrame | None:
        """Every component of the LKE in every year (:func:`lakip.core.akip.komponen_lke`); None without an LKE."""
        return None if self.lke is None else akip.komponen_lke(self.lke)

    @cached_property
    def nilai_akip(self) -> pd.DataFrame | None:
        """The nilai AKIP of every year: ``tahun, nilai, predikat, selisih``; None without an LKE."""
        return None if self.lke is None else akip.nilai_akip(self.lke)

    @cached_property
    def akip(self) -> pd.DataFrame | None:
        """The LKE of the year: its components (``tahun, komponen, induk, bobot, nilai, nilai_rinci, persen,
        selisih``, empty ``predikat``), then a row ``Nilai AKIP`` with the total, its predikat and its change
        against the year before; None without an LKE."""
        if self.lke is None:
            return None
        komp = self.komponen_akip
        komp = komp[komp["tahun"] == self.tahun].assign(predikat=None)
        tot = self.nilai_akip
        tot = tot[tot["tahun"] == self.tahun]
        if len(tot):
            utama = komp[komp["induk"].isna()]
            baris = pd.DataFrame({"tahun": [self.tahun], "komponen": ["Nilai AKIP"], "induk": [None],
                                  "bobot": [utama["bobot"].sum(min_count=1)], "nilai": [tot["nilai"].iloc[0]],
                                  "nilai_rinci": [np.nan], "persen": [np.nan], "selisih": [tot["selisih"].iloc[0]],
                                  "predikat": [tot["predikat"].iloc[0]]})
            baris["persen"] = baris["nilai"] * 100.0 / baris["bobot"] if float(baris["bobot"].iloc[0] or 0) > 0 else np.nan
            komp = pd.concat([komp, baris], ignore_index=True) if len(komp) else baris
        return komp.reset_index(drop=True)
