"""The tables of one unit and year, composed from scoring, budget and efficiency, each computed once.

:class:`Analisis` is the analysis of one unit and year: every table is an
attribute computed when first asked for and kept, so the scores of a unit are
computed once and every writer (the tables, the charts, the text, Word,
Excel, HTML) receives the same frames. :func:`analisis` gives the one
:class:`Analisis` of a unit and year (kept in the unit's ``simpanan``).

The functions ``tabel_*(unit, tahun)`` are the same tables as copies, for
the notebooks and for callers that change what they receive. Values are
exact, unrounded; nothing here reads or writes files.
"""

from __future__ import annotations

import math
from functools import cached_property
from typing import Any

import numpy as np
import pandas as pd

from lakip.core import budget, efficiency, scoring
from lakip.core.config import UNIT_KERJA
from lakip.core.model import DataError, Masalah, PilihanError, Unit
from lakip.core.numbers import desimal_tertulis, is_kosong
from lakip.core.tabel_luar import TabelLuar

__all__ = [
    "Analisis",
    "analisis",
    "nilai_json",
    "iku_belum_terukur",
    "tahun_banding",
    "cek_tahun",
    "skor_unit",
    "tahun_bawaan",
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
    "unit_kerja_tabel",
    "KOLOM_DESIMAL",
]


def unit_kerja_tabel(tabel: pd.DataFrame) -> str:
    """The word for the unit's divisions that a budget table of :class:`Analisis` carries
    (``attrs["unit_kerja"]``, so a notebook's chart and table call need not pass it); Bagian by default."""
    return str(tabel.attrs.get("unit_kerja") or UNIT_KERJA)


def _dengan_unit_kerja(tabel: pd.DataFrame, unit: Unit) -> pd.DataFrame:
    tabel.attrs["unit_kerja"] = unit.unit_kerja
    return tabel


def tahun_bawaan(unit: Unit) -> tuple[int, str | None]:
    """The year a command takes without ``--year``, and the sentence to show with it (None: nothing to say).

    The latest year with at least one measured realisasi; where no year has one (a new unit whose first
    year is all N/A), the latest year of ``kinerja.csv``, with a sentence that says so.
    """
    tahun = unit.tahun_terakhir
    if tahun is not None:
        return tahun, None
    if not unit.tahun:
        raise DataError([Masalah("kinerja.csv", None, "tahun", "belum berisi tahun apa pun")])
    tahun = max(unit.tahun)
    return tahun, (f"Belum ada realisasi terukur pada tahun mana pun: dipakai tahun terakhir di kinerja.csv, {tahun} "
                   "(pilih tahun lain dengan --year).")


def cek_tahun(unit: Unit, tahun: int | None) -> int:
    """The year to analyse: ``tahun`` if the data has it, else :func:`tahun_bawaan`."""
    if tahun is None:
        return tahun_bawaan(unit)[0]
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


#: The columns of :attr:`Analisis.capaian_iku` and :attr:`Analisis.perbandingan` that give the decimals a number
#: target or realisasi is written with in kinerja.csv, for the tables for people (``9,70`` stays ``9,70``,
#: ``82,5`` stays ``82,5``); not written to the run's CSV files.
KOLOM_DESIMAL = ("target_desimal", "realisasi_desimal")


def _desimal(nilai: object, angka: float, jenis: str) -> Any:
    """The decimals of a number target or realisasi as kinerja.csv writes it; NA for a level, a word,
    a range or a missing value."""
    if jenis != "angka" or is_kosong(nilai) or pd.isna(angka):
        return pd.NA
    return desimal_tertulis(float(angka), nilai)


def _kolom_desimal(df: pd.DataFrame) -> pd.DataFrame:
    """:data:`KOLOM_DESIMAL` of the rows of a score table (kinerja.csv's texts still in target and realisasi)."""
    out = df.copy()
    for kolom, ubah in (("target", lambda j: j), ("realisasi", lambda j: "angka" if j == "rentang" else j)):
        out[f"{kolom}_desimal"] = pd.array([_desimal(v, a, ubah(j)) for v, a, j in
                                            zip(df[kolom], df[f"{kolom}_nilai"], df["jenis"])], dtype="Int64")
    return out


def skor_unit(unit: Unit) -> pd.DataFrame:
    """Every IKU row of every year, scored under the unit's choices (computed once per unit)."""
    if "skor" not in unit.simpanan:
        unit.simpanan["skor"] = scoring.skor(unit.kinerja, unit.pilihan)
    return unit.simpanan["skor"]


def tahun_banding(perbandingan: pd.DataFrame, tahun: int, n: int = 3) -> list[int]:
    """The years a report compares: the last ``n`` years of ``perbandingan`` up to ``tahun``."""
    years = sorted(int(y) for y in perbandingan["tahun"].unique() if int(y) <= tahun)
    return years[-n:]


def nilai_json(x: Any) -> Any:
    """Plain JSON values: NaN becomes null, numpy scalars become Python ones."""
    if isinstance(x, dict):
        return {k: nilai_json(v) for k, v in x.items()}
    if isinstance(x, (list, tuple)):
        return [nilai_json(v) for v in x]
    if isinstance(x, (bool, np.bool_)):
        return bool(x)
    if isinstance(x, (np.integer,)):
        return int(x)
    if isinstance(x, (float, np.floating)):
        return None if math.isnan(x) else float(x)
    if x is pd.NA or x is None:
        return None
    return x


class Analisis(TabelLuar):
    """The analysis of one unit and year: every table, computed once when first asked for.

    The frames are shared by everyone who reads them (the writers of one run):
    read them, do not change them in place (IKM and AKIP: :class:`~lakip.core.tabel_luar.TabelLuar`).
    """

    def __init__(self, unit: Unit, tahun: int | None = None):
        self.unit = unit
        self.tahun = cek_tahun(unit, tahun)
        self.pilihan = unit.pilihan
        self._efisiensi: dict[str, pd.DataFrame] = {}

    # ------------------------------------------------------------------ scores
    @property
    def skor(self) -> pd.DataFrame:
        """Every IKU row of every year, scored (the unit's, computed once)."""
        return skor_unit(self.unit)

    @cached_property
    def skor_tahun(self) -> pd.DataFrame:
        """The scored IKU rows of the year."""
        s = self.skor
        return s[s["tahun"] == self.tahun]

    @cached_property
    def sasaran_per_tahun(self) -> pd.DataFrame:
        """The capaian of every sasaran in every year (:func:`lakip.core.scoring.capaian_sasaran` by ``tahun``)."""
        return scoring.capaian_sasaran(self.skor, self.pilihan, by=["tahun"])

    # ------------------------------------------------------------------ Bab III A
    @cached_property
    def capaian_iku(self) -> pd.DataFrame:
        """Capaian of every IKU in the year (Tabel 3.2 form), in the order of indikator.csv.

        Columns: kode, sasaran_kode, indikator, satuan, polaritas, target,
        realisasi, capaian, kategori, then status, catatan, jenis, target_nilai,
        realisasi_nilai, and :data:`KOLOM_DESIMAL`. With ``batas_capaian_iku``,
        ``capaian`` is capped (:func:`lakip.core.scoring.batasi_iku`) and
        ``capaian_tanpa_batas``, the value before the cap, follows it.
        """
        s = self.skor_tahun
        ind = self.unit.indikator[["kode", "indikator", "satuan"]]
        out = _kolom_desimal(ind.merge(s, on="kode", how="inner", validate="one_to_one"))
        out["target"] = [_teks(v, a, j) for v, a, j in zip(out["target"], out["target_nilai"], out["jenis"])]
        out["realisasi"] = [_teks_realisasi(v, a, j) for v, a, j in zip(out["realisasi"], out["realisasi_nilai"], out["jenis"])]
        cols = ["kode", "sasaran_kode", "indikator", "satuan", "polaritas", "target", "realisasi", "capaian",
                *(["capaian_tanpa_batas"] if "capaian_tanpa_batas" in out else []),
                "kategori", "status", "catatan", "jenis", "target_nilai", "realisasi_nilai", *KOLOM_DESIMAL]
        return out[cols].reset_index(drop=True)

    @cached_property
    def capaian_sasaran(self) -> pd.DataFrame:
        """Capaian of every sasaran in the year: the mean of its measured IKU.

        Columns: sasaran_kode, sasaran, jumlah_iku, capaian, kategori, jumlah_terukur.
        """
        sas = scoring.capaian_sasaran(self.skor_tahun, self.pilihan)
        names = self.unit.indikator.drop_duplicates("sasaran_kode")[["sasaran_kode", "sasaran"]]
        out = names.merge(sas, on="sasaran_kode", how="inner", validate="one_to_one")
        return out[["sasaran_kode", "sasaran", "jumlah_iku", "capaian", "kategori", "jumlah_terukur"]].reset_index(drop=True)

    @cached_property
    def rata_rata(self) -> dict[str, float | int | None]:
        """The means and counts of the year (:func:`lakip.core.scoring.rata_rata`)."""
        return scoring.rata_rata(self.skor_tahun, self.pilihan)

    @cached_property
    def distribusi(self) -> pd.DataFrame:
        """Count and percent of IKU per kategori in the year, plus "belum dapat diukur"."""
        return scoring.distribusi(self.skor_tahun, self.pilihan.skala)

    @cached_property
    def perbandingan(self) -> pd.DataFrame:
        """Every IKU of the year in every year up to it (Tabel 3.3 form), with the change in pp.

        An IKU no longer measured in the year (``tahun_akhir`` in indikator.csv)
        is left out: the comparison is of this year's IKU.
        Columns: kode, tahun, target, realisasi, capaian, kategori, perubahan_pp, :data:`KOLOM_DESIMAL`.
        """
        s = self.skor
        kini = set(s.loc[s["tahun"] == self.tahun, "kode"])
        s = _kolom_desimal(s[(s["tahun"] <= self.tahun) & s["kode"].isin(kini)])
        s["target"] = [_teks(v, a, j) for v, a, j in zip(s["target"], s["target_nilai"], s["jenis"])]
        s["realisasi"] = [_teks_realisasi(v, a, j) for v, a, j in zip(s["realisasi"], s["realisasi_nilai"], s["jenis"])]
        out = scoring.perbandingan(s)
        order = {k: i for i, k in enumerate(self.unit.indikator["kode"])}
        out = out.assign(_urut=out["kode"].map(order)).sort_values(["_urut", "tahun"], kind="stable")
        return out[["kode", "tahun", "target", "realisasi", "capaian", "kategori", "perubahan_pp",
                    *KOLOM_DESIMAL]].reset_index(drop=True)

    @cached_property
    def tahun_banding(self) -> list[int]:
        """The years the reports compare: the last three of :attr:`perbandingan`."""
        return tahun_banding(self.perbandingan, self.tahun)

    @cached_property
    def perbandingan_banding(self) -> pd.DataFrame:
        """:attr:`perbandingan` of the years the reports compare."""
        per = self.perbandingan
        return per[per["tahun"].isin(self.tahun_banding)]

    @cached_property
    def renstra(self) -> pd.DataFrame:
        """Realisasi of the year against the Renstra end-period target (Bab III A item 3).

        Only IKU whose ``indikator.csv`` row has a ``target_renstra``. Columns:
        kode, indikator, target_renstra, tahun_renstra, realisasi, capaian_renstra.
        """
        unit = self.unit
        ind = unit.indikator_tahun(self.tahun)
        ind = ind[ind["target_renstra"].fillna("") != ""]
        s = unit.kinerja[unit.kinerja["tahun"] == self.tahun][["kode", "realisasi", "realisasi_nilai"]]
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

    # ------------------------------------------------------------------ budget and efficiency
    @cached_property
    def anggaran_tahun(self) -> pd.DataFrame:
        """The rows of anggaran.csv of the year."""
        return self.unit.anggaran[self.unit.anggaran["tahun"] == self.tahun]

    @cached_property
    def anggaran_iku_tahun(self) -> pd.DataFrame:
        """The rows of anggaran_iku.csv of the year."""
        return self.unit.anggaran_iku[self.unit.anggaran_iku["tahun"] == self.tahun]

    @cached_property
    def anggaran(self) -> pd.DataFrame:
        """Every budget node of the year with its serapan.

        Columns: kode, induk, tingkat, uraian, pagu, realisasi, serapan; the unit's word for its
        divisions in ``attrs`` (:func:`unit_kerja_tabel`).
        """
        a = budget.serapan(self.anggaran_tahun)
        return _dengan_unit_kerja(a[["kode", "induk", "tingkat", "uraian", "pagu", "realisasi", "serapan"]].reset_index(drop=True),
                                  self.unit)

    @cached_property
    def cek_anggaran(self) -> pd.DataFrame:
        """Each parent of the budget tree against the sum of its children."""
        return budget.cek_rollup(self.anggaran_tahun).drop(columns="tahun")

    @cached_property
    def total_anggaran(self) -> pd.DataFrame:
        """The total of each budget tree of the year, and of the budget behind the IKU (``anggaran_iku.csv``).

        Columns: pohon (``program``, ``bagian``..., ``iku``), jumlah_node, pagu,
        realisasi (empty unless every row has one), serapan, selisih_pagu and
        selisih_realisasi: the difference to the first tree (the same money
        split another way). Where the IKU budgets add up to the whole pagu, their
        realisasi should add up to the whole realisasi too: the seed's efficiency
        table does not, by Rp 50.000. The unit's word for its divisions is in ``attrs``
        (:func:`unit_kerja_tabel`).
        """
        tot = budget.total_pohon(self.anggaran_tahun).drop(columns="tahun")
        ang = self.anggaran_iku_tahun
        if len(ang):
            pagu, real = budget.total(ang["pagu"], ang["realisasi"])
            iku = pd.DataFrame({"pohon": ["iku"], "jumlah_node": [len(ang)], "pagu": [pagu], "realisasi": [real],
                                "serapan": [budget.persen_serapan(real, pagu)]})
            tot = pd.concat([tot, iku], ignore_index=True) if len(tot) else iku
            first = tot.iloc[0]
            tot["selisih_pagu"] = tot["pagu"] - first["pagu"]
        tot["selisih_realisasi"] = tot["realisasi"] - (tot["realisasi"].iloc[0] if len(tot) else np.nan)
        return _dengan_unit_kerja(tot.reset_index(drop=True), self.unit)

    def efisiensi_dengan(self, metode: str) -> pd.DataFrame:
        """Efficiency of every IKU with a budget (DOMAIN.md section 7) by ``metode``.

        Columns: kode, capaian_kinerja, capaian_anggaran, metode, nilai, status,
        target_tercapai, pagu, realisasi_anggaran.
        """
        if metode not in self._efisiensi:
            iku = self.capaian_iku
            self._efisiensi[metode] = efficiency.efisiensi(iku[["kode", "capaian"]], self.anggaran_iku_tahun, metode)
        return self._efisiensi[metode]

    @property
    def efisiensi(self) -> pd.DataFrame:
        """Efficiency of every IKU by the unit's method."""
        return self.efisiensi_dengan(self.pilihan.metode_efisiensi)

    @cached_property
    def efisiensi_semua(self) -> pd.DataFrame:
        """Efficiency of every IKU by each of the three methods, side by side.

        Columns: kode, capaian_kinerja, capaian_anggaran, target_tercapai, then
        ``nilai_<metode>`` and ``status_<metode>`` for rasio, selisih and pmk249.
        """
        base = None
        for metode in efficiency.METODE_EFISIENSI:
            e = self.efisiensi_dengan(metode)
            if base is None:
                base = e[["kode", "capaian_kinerja", "capaian_anggaran", "target_tercapai"]].copy()
            base[f"nilai_{metode}"] = e["nilai"].to_numpy()
            base[f"status_{metode}"] = e["status"].to_numpy()
        return base

    # ------------------------------------------------------------------ summary and notes
    def catatan(self, reviu: bool = True) -> list[str]:
        """What the data of the year lacks, in sentences for the reader (not errors).

        ``reviu=False`` leaves out the note on the printed figures, for an output
        without a reviu (the Word report).
        """
        notes = []
        tahun = self.tahun
        if self.anggaran_tahun.empty:
            notes.append(f"Data anggaran (anggaran.csv) tahun {tahun} belum tersedia: realisasi anggaran tidak dapat disajikan.")
        if self.anggaran_iku_tahun.empty:
            notes.append(f"Data anggaran per IKU (anggaran_iku.csv) tahun {tahun} belum tersedia: efisiensi tidak dapat dihitung.")
        if reviu and self.unit.laporan[self.unit.laporan["tahun"] == tahun].empty:
            notes.append(f"Angka laporan tercetak (laporan.csv) tahun {tahun} belum tersedia: tidak ada yang direviu.")
        return notes

    @cached_property
    def ringkasan(self) -> dict[str, Any]:
        """The key figures of the year: means, counts, distribution and the choices used (``ringkasan.json``)."""
        unit, means = self.unit, self.rata_rata
        return nilai_json({
            "entitas": unit.slug,
            "nama": unit.nama,
            "pemda": unit.entitas.get("pemda"),
            "tahun": self.tahun,
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
            "distribusi": self.distribusi[["kategori", "jumlah", "persen", "persen_terukur"]].to_dict("records"),
            "anggaran": self.total_anggaran[["pohon", "pagu", "realisasi", "serapan"]].to_dict("records"),
            "pilihan": unit.pilihan.as_dict(),
            "peringatan": [str(m) for m in unit.peringatan_tahun(self.tahun)] + self.catatan(),
        })


def analisis(unit: Unit, tahun: int | None = None) -> Analisis:
    """The one :class:`Analisis` of ``unit`` and ``tahun`` (default: the latest year with realisasi)."""
    tahun = cek_tahun(unit, tahun)
    key = ("analisis", tahun)
    if key not in unit.simpanan:
        unit.simpanan[key] = Analisis(unit, tahun)
    return unit.simpanan[key]


# --------------------------------------------------------------------------- the tables as copies


def tabel_capaian_iku(unit: Unit, tahun: int) -> pd.DataFrame:
    """:attr:`Analisis.capaian_iku`, as a copy."""
    return analisis(unit, tahun).capaian_iku.copy()


def tabel_capaian_sasaran(unit: Unit, tahun: int) -> pd.DataFrame:
    """:attr:`Analisis.capaian_sasaran`, as a copy."""
    return analisis(unit, tahun).capaian_sasaran.copy()


def tabel_perbandingan(unit: Unit, tahun: int) -> pd.DataFrame:
    """:attr:`Analisis.perbandingan`, as a copy."""
    return analisis(unit, tahun).perbandingan.copy()


def tabel_renstra(unit: Unit, tahun: int) -> pd.DataFrame:
    """:attr:`Analisis.renstra`, as a copy."""
    return analisis(unit, tahun).renstra.copy()


def tabel_anggaran(unit: Unit, tahun: int) -> pd.DataFrame:
    """:attr:`Analisis.anggaran`, as a copy."""
    return analisis(unit, tahun).anggaran.copy()


def tabel_cek_anggaran(unit: Unit, tahun: int) -> pd.DataFrame:
    """:attr:`Analisis.cek_anggaran`, as a copy."""
    return analisis(unit, tahun).cek_anggaran.copy()


def tabel_total_anggaran(unit: Unit, tahun: int) -> pd.DataFrame:
    """:attr:`Analisis.total_anggaran`, as a copy."""
    return analisis(unit, tahun).total_anggaran.copy()


def tabel_efisiensi(unit: Unit, tahun: int, metode: str | None = None) -> pd.DataFrame:
    """:meth:`Analisis.efisiensi_dengan` ``metode`` (default: the unit's), as a copy."""
    return analisis(unit, tahun).efisiensi_dengan(metode or unit.pilihan.metode_efisiensi).copy()


def tabel_efisiensi_semua(unit: Unit, tahun: int) -> pd.DataFrame:
    """:attr:`Analisis.efisiensi_semua`, as a copy."""
    return analisis(unit, tahun).efisiensi_semua.copy()


def tabel_distribusi(unit: Unit, tahun: int) -> pd.DataFrame:
    """:attr:`Analisis.distribusi`, as a copy."""
    return analisis(unit, tahun).distribusi.copy()


def ringkasan(unit: Unit, tahun: int) -> dict[str, Any]:
    """:attr:`Analisis.ringkasan`: the key figures of a year."""
    import copy

    return copy.deepcopy(analisis(unit, tahun).ringkasan)


def catatan_data(unit: Unit, tahun: int, reviu: bool = True) -> list[str]:
    """:meth:`Analisis.catatan`: what the data of a year lacks, in sentences for the reader."""
    return analisis(unit, tahun).catatan(reviu)


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
