"""The tables of Bab I and Bab II of one unit-year, computed once.

Bab I (Pendahuluan): the staff profile of ``sdm.csv`` (status, golongan, sex;
``-`` is none) with its totals, and the Peraturan Daerah of ``perda.csv``
enacted in the year. Bab II (Perencanaan Kinerja): the Perjanjian Kinerja of
the year (sasaran, IKU, satuan, target, and the Renstra end target where
``indikator.csv`` has one) and the budget of the year by program
(``anggaran.csv``, tingkat program). :func:`profil` gives the one
:class:`Profil` of an :class:`~lakip.core.tables.Analisis` (kept in the unit's
``simpanan``); the ``tabel_*`` functions give copies for the notebooks.
Values are exact; nothing here reads or writes a file.
"""

from __future__ import annotations

from functools import cached_property

import numpy as np
import pandas as pd

from lakip.core import budget
from lakip.core.model import Unit
from lakip.core.numbers import AngkaError, desimal_tertulis, is_kosong, parse_angka
from lakip.core.tables import Analisis, analisis

__all__ = ["KOLOM_SDM", "Profil", "profil", "tabel_sdm", "jumlah_sdm", "tabel_perda", "tabel_pk", "tabel_anggaran_program",
           "catatan_profil"]

#: The counts of ``sdm.csv`` (Tabel 1.1): ``jumlah``, then the golongan and sex columns where the data has them.
KOLOM_SDM = ("jumlah", "gol_i", "gol_ii", "gol_iii", "gol_iv", "laki_laki", "perempuan")
_GOL = ("gol_i", "gol_ii", "gol_iii", "gol_iv")
_JK = ("laki_laki", "perempuan")


def _hitung(v: object) -> int:
    """A count of sdm.csv: ``-``, empty or N/A is none (0)."""
    try:
        x = parse_angka(v)
    except AngkaError:  # the loader refuses it; a frame built by hand gets none
        return 0
    return 0 if x is None else int(x)


class Profil:
    """The Bab I and Bab II tables of the unit-year ``a``, each computed when first asked for."""

    def __init__(self, a: Analisis):
        self.analisis = a
        self.unit = a.unit
        self.tahun = a.tahun

    # ------------------------------------------------------------------ Bab I
    @cached_property
    def sdm(self) -> pd.DataFrame | None:
        """Staff per status (Tabel 1.1 form); None without ``sdm.csv``.

        Columns: status, then of :data:`KOLOM_SDM` ``jumlah`` and those the file has (whole numbers, ``-`` as
        0), keterangan.
        """
        raw = self.unit.lampiran.get("sdm")
        if raw is None:
            return None
        out = pd.DataFrame({"status": raw["status"].astype(str).to_numpy()})
        for kolom in (k for k in KOLOM_SDM if k in raw.columns):
            out[kolom] = np.array([_hitung(v) for v in raw[kolom]], dtype=np.int64)
        out["keterangan"] = raw["keterangan"].fillna("").astype(str).to_numpy() if "keterangan" in raw.columns else ""
        return out

    @cached_property
    def sdm_jumlah(self) -> dict[str, int] | None:
        """The total of every count column of :attr:`sdm` (the Jumlah row); None without ``sdm.csv``."""
        s = self.sdm
        if s is None:
            return None
        return {k: int(s[k].sum()) for k in KOLOM_SDM if k in s.columns}

    @cached_property
    def sdm_cek(self) -> list[str]:
        """Sentences for the rows of ``sdm.csv`` whose golongan or sex counts do not add up to ``jumlah``
        (a row with every golongan ``-``, as for staff who are not ASN, is not checked on golongan)."""
        s, out = self.sdm, []
        if s is None:
            return out
        for bagian, nama in ((_GOL, "golongan I-IV"), (_JK, "laki-laki dan perempuan")):
            cols = [k for k in bagian if k in s.columns]
            if len(cols) != len(bagian):
                continue
            for i, row in s.iterrows():
                isi = int(row[cols].sum())
                if isi and isi != int(row["jumlah"]):
                    out.append(f"sdm.csv baris {i + 2} ({row['status']}): jumlah {nama} {isi} tidak sama dengan "
                               f"jumlah pegawai {int(row['jumlah'])}.")
        return out

    @cached_property
    def perda(self) -> pd.DataFrame | None:
        """The Peraturan Daerah of ``perda.csv`` dated in the year (and those without a date); None without the file.

        Columns: uraian, tanggal (ISO text, empty where the file has none).
        """
        raw = self.unit.lampiran.get("perda")
        if raw is None:
            return None
        tanggal = raw["tanggal"].fillna("").astype(str).str.strip()
        keep = (tanggal == "") | tanggal.str.startswith(f"{self.tahun}-")
        return pd.DataFrame({"uraian": raw["uraian"].astype(str).to_numpy(), "tanggal": tanggal.to_numpy()})[
            keep.to_numpy()].reset_index(drop=True)

    # ------------------------------------------------------------------ Bab II
    @cached_property
    def perjanjian_kinerja(self) -> pd.DataFrame:
        """The Perjanjian Kinerja of the year: every IKU of the year with its PK target, in indikator.csv's order.

        Columns: sasaran_kode, sasaran, kode, indikator, satuan, target, target_desimal, target_renstra,
        target_renstra_desimal, tahun_renstra (the last three empty where indikator.csv has no Renstra target).
        """
        a = self.analisis
        iku = a.capaian_iku[["kode", "sasaran_kode", "indikator", "satuan", "target", "target_desimal"]]
        ind = self.unit.indikator
        sas = ind.drop_duplicates("sasaran_kode").set_index("sasaran_kode")["sasaran"]
        out = iku.assign(sasaran=iku["sasaran_kode"].map(sas))
        ren = a.renstra[["kode", "target_renstra", "tahun_renstra"]]
        out = out.merge(ren, on="kode", how="left", validate="one_to_one")
        teks = ind.set_index("kode")["target_renstra"].fillna("")
        jenis = ind.set_index("kode")["jenis"]
        out["target_renstra_desimal"] = pd.array(
            [desimal_tertulis(float(v), teks.get(k)) if jenis.get(k) == "angka" and not is_kosong(teks.get(k, ""))
             and isinstance(v, (int, float)) and not pd.isna(v) else pd.NA
             for k, v in zip(out["kode"], out["target_renstra"])], dtype="Int64")
        out["tahun_renstra"] = pd.array(out["tahun_renstra"], dtype="Int64")
        return out[["sasaran_kode", "sasaran", "kode", "indikator", "satuan", "target", "target_desimal", "target_renstra",
                    "target_renstra_desimal", "tahun_renstra"]].reset_index(drop=True)

    @cached_property
    def anggaran_program(self) -> pd.DataFrame:
        """The budget of the year by program (the top-level nodes of tingkat program of anggaran.csv).

        Columns: kode, uraian, pagu, realisasi, serapan.
        """
        prog = budget.puncak(self.analisis.anggaran, "program")
        return prog[["kode", "uraian", "pagu", "realisasi", "serapan"]].reset_index(drop=True)

    @cached_property
    def anggaran_program_jumlah(self) -> dict[str, float]:
        """The total pagu and realisasi of the programs (realisasi NaN unless every program has one)."""
        p = self.anggaran_program
        pagu, real = budget.total(p["pagu"], p["realisasi"])
        return {"pagu": pagu, "realisasi": real, "serapan": budget.persen_serapan(real, pagu)}

    # ------------------------------------------------------------------ notes
    def catatan(self) -> dict[str, str]:
        """What Bab I and Bab II lack in the data, in sentences for the reader, by table (``sdm``, ``perda``,
        ``program``); empty when nothing lacks."""
        notes = {}
        if self.sdm is None:
            notes["sdm"] = "Data sumber daya aparatur (sdm.csv) belum tersedia: profil pegawai tidak dapat disajikan."
        if self.perda is None:
            notes["perda"] = "Data produk hukum (perda.csv) belum tersedia: daftar Peraturan Daerah tidak dapat disajikan."
        elif self.perda.empty:
            notes["perda"] = f"Tidak ada Peraturan Daerah bertanggal tahun {self.tahun} di perda.csv."
        if self.anggaran_program.empty:
            notes["program"] = (f"Data anggaran per program (anggaran.csv, tingkat program) tahun {self.tahun} belum "
                                "tersedia: alokasi anggaran per program tidak dapat disajikan.")
        return notes


def profil(a: Analisis) -> Profil:
    """The one :class:`Profil` of the unit-year ``a`` (kept in the unit's ``simpanan``)."""
    key = ("profil", a.tahun)
    simpanan = a.unit.simpanan
    if key not in simpanan or simpanan[key].analisis is not a:
        simpanan[key] = Profil(a)
    return simpanan[key]


def _p(unit: Unit, tahun: int | None) -> Profil:
    return profil(analisis(unit, tahun))


def tabel_sdm(unit: Unit, tahun: int | None = None) -> pd.DataFrame | None:
    """:attr:`Profil.sdm`, as a copy (None without sdm.csv)."""
    s = _p(unit, tahun).sdm
    return None if s is None else s.copy()


def jumlah_sdm(unit: Unit, tahun: int | None = None) -> dict[str, int] | None:
    """:attr:`Profil.sdm_jumlah`, as a copy (None without sdm.csv)."""
    j = _p(unit, tahun).sdm_jumlah
    return None if j is None else dict(j)


def tabel_perda(unit: Unit, tahun: int | None = None) -> pd.DataFrame | None:
    """:attr:`Profil.perda`, as a copy (None without perda.csv)."""
    p = _p(unit, tahun).perda
    return None if p is None else p.copy()


def tabel_pk(unit: Unit, tahun: int | None = None) -> pd.DataFrame:
    """:attr:`Profil.perjanjian_kinerja`, as a copy."""
    return _p(unit, tahun).perjanjian_kinerja.copy()


def tabel_anggaran_program(unit: Unit, tahun: int | None = None) -> pd.DataFrame:
    """:attr:`Profil.anggaran_program`, as a copy."""
    return _p(unit, tahun).anggaran_program.copy()


def catatan_profil(unit: Unit, tahun: int | None = None) -> list[str]:
    """:meth:`Profil.catatan`: what the data of Bab I and Bab II lacks, in sentences for the reader."""
    return list(_p(unit, tahun).catatan().values())
