"""The unit model: the loaded data of one unit (:class:`Unit`) or of many (:class:`Kabupaten`),
and the problems of the input (:class:`Masalah`, :class:`DataError`, :class:`PilihanError`).

Readers (:mod:`lakip.data`) build these; the rules take them. Nothing here reads a file.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from lakip.core.numbers import format_angka

if TYPE_CHECKING:  # annotations only: config's schemas report problems as Masalah
    from lakip.core.config import Pilihan

__all__ = ["TABEL", "TAMPIL_PER_BERKAS", "Masalah", "daftar_masalah", "urut_masalah", "DataError", "PilihanError", "Unit", "Kabupaten", "tahun_akhir"]

#: The tables of a unit, as attributes of :class:`Unit` and :class:`Kabupaten`.
TABEL = ("indikator", "kinerja", "anggaran", "anggaran_iku", "laporan")


@dataclass(frozen=True)
class Masalah:
    """One problem in the input, located as precisely as it can be."""

    berkas: str
    baris: int | None
    kolom: str | None
    pesan: str
    tingkat: str = "galat"  # galat (error) | peringatan (warning)
    #: the year a warning concerns: a report shows it in that year only (None: every year)
    tahun: int | None = field(default=None, compare=False)

    def __str__(self) -> str:
        where = self.berkas
        if self.baris is not None:
            where += f" baris {self.baris}"
        if self.kolom:
            label = "kunci" if self.berkas.endswith((".yml", ".yaml")) else "kolom"
            where += f", {label} {self.kolom}"
        prefix = "peringatan: " if self.tingkat == "peringatan" else ""
        return f"{where}: {prefix}{self.pesan}"


#: At most this many problems of one file are printed; the others are counted (``--daftar-masalah``
#: writes them all): 200.000 bad rows are a file to fix, not 200.000 lines to scroll.
TAMPIL_PER_BERKAS = 50


def _per_berkas(masalah: Sequence[Masalah]) -> dict[str, list[Masalah]]:
    """``masalah`` by file (in the order the files first appear), each file's in the order of its rows
    (those without a row first; the checks' order kept within a row)."""
    per: dict[str, list[Masalah]] = {}
    for m in masalah:
        per.setdefault(m.berkas, []).append(m)
    return {b: sorted(ms, key=lambda m: -1 if m.baris is None else m.baris) for b, ms in per.items()}


def urut_masalah(masalah: Sequence[Masalah]) -> list[Masalah]:
    """``masalah`` in the order a user reads them: file by file, row by row (see :func:`daftar_masalah`)."""
    return [m for ms in _per_berkas(masalah).values() for m in ms]


def daftar_masalah(masalah: Sequence[Masalah], awal: str = "  - ") -> list[str]:
    """The lines that print ``masalah``: file by file (in the order they first appear), row by row, at
    most :data:`TAMPIL_PER_BERKAS` of each file, then how many more that file has."""
    per = _per_berkas(masalah)
    lines = []
    for berkas, ms in per.items():
        lines += [f"{awal}{m}" for m in ms[:TAMPIL_PER_BERKAS]]
        if len(ms) > TAMPIL_PER_BERKAS:
            lines.append(f"{awal}{berkas}: ... dan {format_angka(len(ms) - TAMPIL_PER_BERKAS, 0)} masalah lain")
    return lines


class DataError(Exception):
    """The data cannot be used; ``masalah`` lists every problem found (the message prints at most
    :data:`TAMPIL_PER_BERKAS` per file)."""

    def __init__(self, masalah: list[Masalah]):
        self.masalah = masalah
        galat = [m for m in masalah if m.tingkat == "galat"]
        lines = "\n".join(daftar_masalah(galat))
        super().__init__(f"Data tidak dapat dipakai: {format_angka(len(galat), 0)} masalah ditemukan.\n{lines}")

    def __reduce__(self):  # picklable, to come back from a worker process
        return (type(self), (self.masalah,))


class PilihanError(DataError):
    """A choice of the user (folder, unit, year) does not fit the data."""

    def __init__(self, pesan: str):
        self.masalah = []
        Exception.__init__(self, pesan)

    def __reduce__(self):
        return (type(self), (str(self),))


def tahun_akhir(indikator: pd.DataFrame) -> dict[str, int]:
    """The last year of each IKU that has one (``tahun_akhir`` of indikator.csv)."""
    return {k: int(v) for k, v in zip(indikator["kode"], indikator["tahun_akhir"]) if not pd.isna(v)}


@dataclass
class Unit:
    """The loaded data of one unit (entity).

    ``simpanan`` holds what is computed from the unit once (its scores, the
    tables of a year: :func:`lakip.core.tables.analisis`). A unit is therefore
    not changed once analysed: a what-if study changes a copy
    (:func:`lakip.core.whatif.terapkan`), which starts with nothing computed.
    """

    slug: str
    folder: Path
    entitas: dict[str, Any]
    pilihan: Pilihan
    indikator: pd.DataFrame
    kinerja: pd.DataFrame
    anggaran: pd.DataFrame
    anggaran_iku: pd.DataFrame
    laporan: pd.DataFrame
    lampiran: dict[str, pd.DataFrame] = field(default_factory=dict)
    peringatan: list[Masalah] = field(default_factory=list)
    simpanan: dict[Any, Any] = field(default_factory=dict, init=False, repr=False, compare=False)

    @property
    def nama(self) -> str:
        return str(self.entitas.get("nama", self.slug))

    @property
    def unit_kerja(self) -> str:
        """The unit's word for its divisions (``unit_kerja`` of ``entitas.yml``: Bagian, Bidang, Seksi, Irban)."""
        from lakip.core.config import UNIT_KERJA

        return str(self.entitas.get("unit_kerja") or UNIT_KERJA).strip() or UNIT_KERJA

    @property
    def tahun(self) -> list[int]:
        """Every year with an IKU row."""
        return sorted(int(t) for t in self.kinerja["tahun"].unique())

    @property
    def tahun_terakhir(self) -> int | None:
        """The latest year with at least one realisasi (the default year of a run)."""
        ada = self.kinerja[self.kinerja["realisasi_nilai"].notna()]
        return int(ada["tahun"].max()) if len(ada) else None

    def indikator_tahun(self, tahun: int) -> pd.DataFrame:
        """The IKU of indikator.csv still in use in ``tahun``: not those whose ``tahun_akhir`` is before it."""
        return self.indikator[~(self.indikator["tahun_akhir"] < tahun).fillna(False)]

    def peringatan_tahun(self, tahun: int) -> list[Masalah]:
        """The warnings a report of ``tahun`` shows: those of its own rows and those of no one year."""
        return [m for m in self.peringatan if m.tahun is None or m.tahun == tahun]


@dataclass
class Kabupaten:
    """The loaded data of many units: one frame per table, each with an ``entitas`` column.

    ``unit`` has one row per loaded unit in order (``entitas``, ``nama``,
    ``pemda``, ``kelompok``: the index of its rule choices in ``pilihan``);
    ``info`` holds each unit's ``entitas.yml``; ``gagal`` the units that
    cannot be used, with their problems.
    """

    folder: Path | None
    unit: pd.DataFrame
    pilihan: list[Pilihan]
    info: dict[str, dict[str, Any]]
    indikator: pd.DataFrame
    kinerja: pd.DataFrame
    anggaran: pd.DataFrame
    anggaran_iku: pd.DataFrame
    laporan: pd.DataFrame
    gagal: dict[str, DataError] = field(default_factory=dict)
    satu_satu: int = 0  # units loaded one by one (flagged by a check or not in the plain form)
    lampiran: dict[str, dict[str, pd.DataFrame]] = field(default_factory=dict)  # the optional tables of a unit, by slug
    _rentang_cache: dict[str, dict[str, tuple[int, int]]] = field(default_factory=dict, init=False, repr=False, compare=False)

    @property
    def slugs(self) -> list[str]:
        return list(self.unit["entitas"])

    def __len__(self) -> int:
        return len(self.unit)

    def pilihan_unit(self, slug: str) -> Pilihan:
        k = self.unit.loc[self.unit["entitas"] == slug, "kelompok"]
        return self.pilihan[int(k.iloc[0])]

    def tahun_terakhir(self) -> pd.Series:
        """The latest year with a realisasi of each unit (missing when none), by slug."""
        k = self.kinerja[self.kinerja["realisasi_nilai"].notna()]
        return k.groupby("entitas", sort=False)["tahun"].max().reindex(self.unit["entitas"])

    def tahun(self) -> pd.Series:
        """The years with an IKU row of each unit, as sorted lists, by slug."""
        g = self.kinerja.groupby("entitas", sort=False)["tahun"].unique()
        return g.map(lambda t: sorted(int(x) for x in t)).reindex(self.unit["entitas"])

    def _rentang(self, tabel: str) -> dict[str, tuple[int, int]]:
        """The rows of each unit in a table (the tables are in unit order), computed once."""
        cache = self._rentang_cache
        if tabel not in cache:
            ent = getattr(self, tabel)["entitas"].to_numpy()
            change = np.flatnonzero(ent[1:] != ent[:-1]) + 1 if len(ent) else np.zeros(0, dtype=np.int64)
            starts = np.concatenate([[0], change]) if len(ent) else change
            ends = np.concatenate([change, [len(ent)]]) if len(ent) else change
            cache[tabel] = {ent[a]: (int(a), int(b)) for a, b in zip(starts, ends)}
        return cache[tabel]

    def ke_unit(self, slug: str) -> Unit:
        """One unit as :class:`Unit` (its rows of every table)."""
        frames = {}
        for t in TABEL:
            a, b = self._rentang(t).get(slug, (0, 0))
            frames[t] = getattr(self, t).iloc[a:b].drop(columns="entitas").reset_index(drop=True)
        return Unit(slug=slug, folder=(self.folder / slug) if self.folder else Path(slug), entitas=self.info[slug],
                    pilihan=self.pilihan_unit(slug), lampiran=dict(self.lampiran.get(slug, {})), **frames)

    @classmethod
    def dari_unit(cls, units: Sequence[Unit], gagal: dict[str, DataError] | None = None) -> "Kabupaten":
        """The same structure from units loaded one by one."""
        kelompok: dict[str, int] = {}
        pilihan: list[Pilihan] = []
        rows = []
        for u in units:
            key = repr(u.pilihan.as_dict())
            if key not in kelompok:
                kelompok[key] = len(pilihan)
                pilihan.append(u.pilihan)
            rows.append((u.slug, u.nama, str(u.entitas.get("pemda") or ""), kelompok[key]))
        frames = {}
        for t in TABEL:
            parts = [getattr(u, t) for u in units]
            df = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame()
            df.insert(0, "entitas", pd.Series(np.repeat(np.array([u.slug for u in units], dtype=object), [len(p) for p in parts]),
                                              index=df.index, dtype=object))
            frames[t] = df
        folder = units[0].folder.parent if units else None
        return cls(folder=folder, unit=pd.DataFrame(rows, columns=["entitas", "nama", "pemda", "kelompok"]),
                   pilihan=pilihan, info={u.slug: u.entitas for u in units}, gagal=dict(gagal or {}),
                   lampiran={u.slug: u.lampiran for u in units if u.lampiran}, **frames)
