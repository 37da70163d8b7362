"""What the reviu knows while it judges one unit's report of one year: the statuses and kinds
of error, a finding (:class:`Temuan`), and every figure and table a check looks up (:class:`Konteks`),
computed once per audit from the unit-year's :class:`~lakip.core.tables.Analisis`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd

from lakip.core import budget, scoring
from lakip.core.klaim import Klaim, baca_klaim
from lakip.core.numbers import AngkaError
from lakip.core.tables import Analisis
from lakip.core.vocabulary import kunci_laporan
from lakip.reviu.printed import KUNCI_RUPIAH, Tercetak, baca, cocok

__all__ = ["SESUAI", "TIDAK_SESUAI", "TIDAK_DAPAT", "KOLOM_REVIU", "URUT_STATUS", "TANPA_KLAIM", "Temuan", "temuan_angka", "Baris",
           "baca_cetakan", "Konteks"]

SESUAI, TIDAK_SESUAI, TIDAK_DAPAT = "sesuai", "tidak sesuai", "tidak dapat dihitung"
KOLOM_REVIU = ["tabel", "kunci", "nilai_laporan", "nilai_hitung", "selisih", "status", "penjelasan", "jenis"]


URUT_STATUS = {SESUAI: 0, TIDAK_DAPAT: 1, TIDAK_SESUAI: 2}

# kinds of error (jenis), for the summary


J_TARGET = "target berbeda dengan PK"


J_REALISASI = "realisasi berbeda dengan data"


J_CAPAIAN = "capaian salah hitung"


J_TARGET_LAIN = "capaian memakai target lain"


J_TAHUN_LAIN = "nilai dari tahun lain"


J_TURUN = "rumus polaritas turun lain"


J_KATEGORI = "kategori tidak sesuai skala"


J_NA = "IKU belum dapat diukur ikut dihitung"


J_RATA = "rata-rata salah hitung"


J_HITUNG_KATEGORI = "jumlah atau persen kategori salah"


J_RINCIAN = "induk tidak sama dengan jumlah rincian"


J_ANGGARAN = "anggaran berbeda dengan data"


J_SERAPAN = "serapan salah hitung"


J_EFISIENSI = "nilai efisiensi tidak mengikuti rumus"


J_KOMPONEN = "komponen rumus tidak konsisten"


J_ANTAR_TABEL = "nilai berbeda antar tabel"


J_FORMAT = "format angka salah"


J_PERUBAHAN = "perubahan capaian salah hitung"


J_BATAS = "capaian dibatasi tidak sesuai pilihan unit"


J_DIBULATKAN = "realisasi dicetak dibulatkan"


J_JUMLAH_CAPAIAN = "jumlah capaian salah hitung"


J_JUMLAH_SASARAN = "jumlah sasaran salah"


J_KLAIM = "klaim tidak sesuai data"


@dataclass
class Temuan:
    """The verdict on one printed figure: status, computed value, explanation, kind of error, difference."""

    status: str
    nilai_hitung: Any = None
    penjelasan: str = ""
    jenis: str = ""
    selisih: float | None = None


def temuan_angka(p: Tercetak, x: float | None, benar: str, salah: str, jenis: str) -> Temuan:
    """Sesuai or not for a plain number; ``benar``/``salah`` are the explanations."""
    if cocok(p, x):
        return Temuan(SESUAI, x, benar)
    return Temuan(TIDAK_SESUAI, x, salah, jenis)


#: The keys whose figure is a word (a kategori): never read as a claim.
TANPA_KLAIM = frozenset({"kategori", "kategori_sasaran", "mutu_ikm", "predikat_akip"})


def baca_cetakan(nilai: object, jenis: str) -> tuple[Tercetak, Klaim | None]:
    """A printed figure of a key of kind ``jenis``: (the figure, its claim). A claim (``di atas 90 %``,
    :func:`lakip.core.klaim.baca_klaim`) is a figure without a value (so no other check takes it for a
    number) and the claim; one whose bound is unreadable is a figure written wrong (``galat``)."""
    if jenis not in TANPA_KLAIM:
        try:
            klaim = baca_klaim(nilai)
        except AngkaError as e:
            return Tercetak(" ".join(str(nilai).split()), None, galat=e.alasan), None
        if klaim is not None:
            return Tercetak(klaim.teks, None), klaim
    return baca(nilai, jenis in KUNCI_RUPIAH), None


class Baris:
    """The rows of a frame with a unique index, by key, each a dict made when first asked for
    (``.loc`` on a single row costs far more than the checks that use it)."""

    def __init__(self, df: pd.DataFrame):
        self._pos = {key: i for i, key in enumerate(df.index)}
        self._kolom = [(c, df[c].to_numpy()) for c in df.columns]
        self._baris: dict[Any, dict[str, Any]] = {}

    def __contains__(self, key: Any) -> bool:
        return key in self._pos

    def __getitem__(self, key: Any) -> dict[str, Any]:
        row = self._baris.get(key)
        if row is None:
            i = self._pos[key]
            row = self._baris[key] = {c: a[i] for c, a in self._kolom}
        return row

    def get(self, key: Any) -> dict[str, Any] | None:
        return self[key] if key in self._pos else None


class Konteks:
    """Everything the checks look up, computed once per audit."""

    def __init__(self, a: Analisis):
        unit, tahun = a.unit, a.tahun
        self.unit, self.tahun = unit, tahun
        self.pilihan = unit.pilihan
        self.skor = a.skor.set_index(["kode", "tahun"])
        self.ind = unit.indikator.set_index("kode")
        self.sasaran = a.sasaran_per_tahun.set_index(["sasaran_kode", "tahun"])
        self.lap = unit.laporan[unit.laporan["tahun"] == tahun].copy()
        self.lap["_kunci"] = [kunci_laporan(k) for k in self.lap["kunci"]]
        cetakan = [baca_cetakan(v, kk["jenis"]) for v, kk in zip(self.lap["nilai"], self.lap["_kunci"])]
        self.lap["_baca"] = [c for c, _ in cetakan]
        self.lap["_klaim"] = [kl for _, kl in cetakan]
        a = unit.anggaran
        self.anggaran = budget.serapan(a).set_index(["tahun", "kode"])
        self.anak = budget.anak(a)
        self.akar = dict(zip(zip(a["tahun"], a["kode"]), budget.akar(a)))
        self.ang_iku = unit.anggaran_iku.set_index(["tahun", "kode"])
        # rows by key: an audit looks up hundreds of single rows
        self._iku = Baris(self.skor)
        self.baris_sasaran = Baris(self.sasaran)
        self.baris_anggaran = Baris(self.anggaran)
        self.baris_anggaran_iku = Baris(self.ang_iku)
        self._tercetak: dict[str, list[tuple[str, Tercetak]]] = {}
        self.total_pohon: dict[tuple[int, str], tuple[float, float]] = {}  # (pagu, realisasi) of a tree of a year
        self.diagnosis: dict[tuple[str, int], dict[tuple[str, str], Temuan]] = {}
        for t, kunci, baca_, klaim in zip(self.lap["tabel"], self.lap["kunci"], self.lap["_baca"], self.lap["_klaim"]):
            if klaim is None:  # a claim is no printed value another figure could be compared with
                self._tercetak.setdefault(kunci, []).append((t, baca_))
        self.tahun_data = sorted({int(t) for _, t in self.skor.index})

    # -- printed figures of the whole report
    def tercetak(self, kunci: str) -> list[tuple[str, Tercetak]]:
        return list(self._tercetak.get(kunci, []))

    def tercetak_di(self, tabel: str, kunci: str) -> Tercetak | None:
        for t, p in self.tercetak(kunci):
            if t == tabel:
                return p
        return None

    def iku(self, kode: str, tahun: int) -> dict[str, Any] | None:
        """The scored row of an IKU and year (column -> value), or None."""
        return self._iku.get((kode, int(tahun)))

    def tanpa_tahun(self, tahun: int) -> Temuan | None:
        """The finding on a figure of a year that kinerja.csv does not hold; None when it holds it."""
        if int(tahun) in self.tahun_data:
            return None
        ada_ = ", ".join(str(t) for t in self.tahun_data) or "tidak ada"
        return Temuan(TIDAK_DAPAT, None, f"Data kinerja.csv tidak memuat tahun {int(tahun)} (tahun yang ada: {ada_}).")

    def capaian_mentah(self, kode: str, tahun: int) -> float:
        """The capaian of an IKU and year before any cap (``capaian_tanpa_batas`` where the scores have it)."""
        row = self.iku(kode, tahun)
        if row is None:
            return float("nan")
        return float(row["capaian_tanpa_batas"] if "capaian_tanpa_batas" in row else row["capaian"])

    def batas_iku(self, x: float) -> float:
        """A capaian computed here as the unit's table shows it: capped at ``batas_capaian_iku`` when the unit has
        one (:func:`lakip.core.scoring.batasi_iku`, the one home of the cap)."""
        return scoring.batasi_iku(x, self.pilihan)

    def capaian(self, kode: str, tahun: int) -> float:
        """The capaian of an IKU and year as the scores give it (capped at ``batas_capaian_iku`` by the scoring)."""
        row = self.iku(kode, tahun)
        return float("nan") if row is None else float(row["capaian"])
