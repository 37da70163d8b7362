"""Reading the scores that come from outside the unit (DOMAIN.md section 8): ``survei_ikm.csv`` (the IKM
survey), ``lke.csv`` (the LKE of the AKIP evaluation) and the ``sumber`` column of ``indikator.csv``.

Both files are optional; a unit without them loads as before. Every problem is a :class:`Masalah` at its
file, row and column, in Indonesian. The checks of single cells (an answer 1-4, a year, a repeated row)
are the contract's (:data:`lakip.data.contract.KONTRAK`); numbers and references are checked here.

Decision (data/README.md): in ``lke.csv`` a component whose own ``nilai`` differs from the sum of its
sub-components is a warning, not an error: the evaluator's sheet rounds its sub-components, and the
component's nilai as the LHE prints it is the one used.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from lakip.core.ikm import UNSUR
from lakip.core.model import Masalah
from lakip.core.numbers import bulat, format_angka, is_kosong
from lakip.core.sumber import BERKAS_SUMBER, nama_sumber, nilai_sumber, urai_sumber
from lakip.core.teks import cuplik
from lakip.core.vocabulary import sama_kata, tahun_atau_none
from lakip.data.contract import angka_kolom, duplikat, validasi_skema

__all__ = ["survei_ikm", "lke", "cek_sumber", "isi_realisasi", "DESIMAL_SUMBER"]

#: The decimals a realisasi taken from its source is written with (as an LKjIP prints an IKM or a nilai AKIP).
DESIMAL_SUMBER = 2


def survei_ikm(df: pd.DataFrame, masalah: list[Masalah]) -> pd.DataFrame:
    """``survei_ikm.csv`` checked (answers 1-4, years, one row per respondent of a year) and typed:
    ``tahun`` and ``u1``..``u9`` as integers, ``responden`` and ``layanan`` as text (``layanan`` None when empty)."""
    name = "survei_ikm.csv"
    validasi_skema(name, df, masalah)
    duplikat(name, df, masalah)
    out = pd.DataFrame(index=df.index)
    out["tahun"] = pd.array([tahun_atau_none(t) for t in df["tahun"]], dtype="Int64")
    out["responden"] = df["responden"].astype(object)
    for u in UNSUR:
        out[u] = pd.to_numeric(df[u].where(df[u].isin(["1", "2", "3", "4"])), errors="coerce").astype(float)
    if "layanan" in df.columns:
        out["layanan"] = df["layanan"].where(df["layanan"] != "", None)
    return out.reset_index(drop=True)


def lke(df: pd.DataFrame, masalah: list[Masalah]) -> pd.DataFrame:
    """``lke.csv`` checked and typed: ``tahun`` an integer, ``bobot`` and ``nilai`` numbers (``27,5``),
    ``induk`` None for a component. Errors: a number unreadable or negative, a nilai above its bobot, a
    leaf without a nilai, an induk that is no component of the same year (or is itself a sub-component).
    Warnings: a component whose nilai differs from its sub-components' sum, components whose weights do not
    add up to 100."""
    name = "lke.csv"
    validasi_skema(name, df, masalah)
    duplikat(name, df, masalah)
    tahun = [tahun_atau_none(t) for t in df["tahun"]]
    induk = list(df["induk"]) if "induk" in df.columns else [""] * len(df)
    # a nilai may be empty on a component with sub-components (checked below)
    angka = {kolom: list(angka_kolom(name, df, kolom, masalah, wajib=kolom == "bobot")) for kolom in ("bobot", "nilai")}
    komponen = {(t, k): (i, ind) for i, (t, k, ind) in enumerate(zip(tahun, df["komponen"], induk))}
    punya_anak = {(t, ind) for t, ind in zip(tahun, induk) if ind}
    for i, (baris, t, k, ind) in enumerate(zip(df.index, tahun, df["komponen"], induk)):
        b, n = angka["bobot"][i], angka["nilai"][i]
        if not np.isnan(b) and not np.isnan(n) and n > b + 1e-9:
            masalah.append(Masalah(name, int(baris), "nilai", f"nilai {format_angka(n, 2)} melebihi bobot {format_angka(b, 2)}"))
        if np.isnan(n) and is_kosong(df.at[baris, "nilai"]) and (t, k) not in punya_anak:
            masalah.append(Masalah(name, int(baris), "nilai", "wajib diisi (hanya komponen yang punya sub-komponen boleh "
                                                              "kosong: nilainya jumlah sub-komponennya)"))
        if ind and t is not None:
            ref = komponen.get((t, ind))
            if ref is None:
                masalah.append(Masalah(name, int(baris), "induk", f"induk '{cuplik(ind)}' bukan komponen tahun {t} di lke.csv"))
            elif ref[1]:
                masalah.append(Masalah(name, int(baris), "induk", f"induk '{cuplik(ind)}' sendiri sub-komponen dari "
                                                                 f"'{cuplik(ref[1])}'; sub-komponen hanya satu tingkat"))
    out = pd.DataFrame({"tahun": pd.array(tahun, dtype="Int64"), "komponen": list(df["komponen"]),
                        "induk": [v if v else None for v in induk], "bobot": angka["bobot"], "nilai": angka["nilai"]},
                       index=df.index)
    # warnings: a component against its sub-components' sum; the weights of a year's components
    rinci = out[out["induk"].notna()].groupby(["tahun", "induk"])["nilai"].sum(min_count=1)
    for baris, t, k, n in zip(out.index, out["tahun"], out["komponen"], out["nilai"]):
        if pd.isna(t) or (int(t), k) not in rinci.index or np.isnan(n):
            continue
        s = float(rinci[(int(t), k)])
        if not np.isnan(s) and bulat(s, 2) != bulat(n, 2):
            masalah.append(Masalah(name, int(baris), "nilai",
                                   f"nilai {k} {format_angka(n, 2)} berbeda dengan jumlah sub-komponennya {format_angka(s, 2)}; "
                                   "dipakai nilai komponen yang tertulis", "peringatan", int(t)))
    utama = out[out["induk"].isna() & out["tahun"].notna()]
    for t, b in utama.groupby("tahun")["bobot"].sum(min_count=1).items():
        if not np.isnan(b) and bulat(b, 2) != 100:
            masalah.append(Masalah(name, None, "bobot", f"jumlah bobot komponen tahun {int(t)} {format_angka(b, 2)}, "
                                                        "bukan 100", "peringatan", int(t)))
    return out.reset_index(drop=True)


def cek_sumber(indikator: pd.DataFrame, lampiran: dict[str, pd.DataFrame], masalah: list[Masalah]) -> None:
    """The ``sumber`` column of indikator.csv: a known source whose file the unit has, ``lke:<komponen>``
    naming a component of lke.csv, on an IKU of jenis angka, rentang or kategori."""
    if "sumber" not in indikator.columns:
        return
    name = "indikator.csv"
    for baris, teks, jenis in zip(indikator.index, indikator["sumber"], indikator["jenis"]):
        try:
            s = urai_sumber(teks)
        except ValueError as e:
            masalah.append(Masalah(name, int(baris), "sumber", str(e)))
            continue
        if s is None:
            continue
        sumber, komponen = s
        berkas = BERKAS_SUMBER[sumber]
        if sumber not in lampiran:
            masalah.append(Masalah(name, int(baris), "sumber", f"sumber {sumber}, tetapi unit ini tidak punya {berkas}"))
            continue
        if komponen is not None and komponen not in set(lampiran[sumber]["komponen"]):
            masalah.append(Masalah(name, int(baris), "sumber", f"komponen '{cuplik(komponen)}' tidak ada di lke.csv"))
        if jenis == "level" or (jenis == "kategori" and komponen is not None):
            masalah.append(Masalah(name, int(baris), "sumber", f"{nama_sumber(sumber, komponen)} berupa angka; IKU "
                                                              f"jenis {jenis} tidak dapat mengambilnya"))


def isi_realisasi(kinerja: pd.DataFrame, indikator: pd.DataFrame, lampiran: dict[str, pd.DataFrame], bobot: float,
                  skala: dict[str, tuple[str, ...] | None] | None = None) -> pd.DataFrame:
    """kinerja.csv with the realisasi an IKU takes from its ``sumber`` where the cell is empty (not N/A): the
    value rounded to :data:`DESIMAL_SUMBER` decimals, written as kinerja.csv would write it (``87,45``); for
    jenis kategori the mutu or predikat, as its rank on the IKU's scale. Unchanged without any ``sumber``."""
    src = nilai_sumber(indikator, lampiran, bobot)
    if src.empty:
        return kinerja
    out = kinerja.copy()
    jenis = dict(zip(indikator["kode"], indikator["jenis"]))
    skala = skala if skala is not None else dict(zip(indikator["kode"], indikator["skala_kata"]))
    per = {(k, int(t)): (x, kata) for k, t, x, kata in zip(src["kode"], src["tahun"], src["nilai"], src["kata"])}
    tahun = pd.to_numeric(out["tahun"], errors="coerce")
    for i, (kode, th, teks) in enumerate(zip(out["kode"], tahun, out["realisasi"])):
        if pd.isna(th) or (kode, int(th)) not in per or str(teks).strip() != "":
            continue
        x, kata = per[(kode, int(th))]
        if jenis.get(kode) == "kategori":
            words = skala.get(kode) or ()
            rank = next((j + 1 for j, w in enumerate(words) if kata is not None and sama_kata(w, kata)), None)
            if rank is None:
                continue
            out.iat[i, out.columns.get_loc("realisasi")] = words[rank - 1]
            out.iat[i, out.columns.get_loc("realisasi_nilai")] = float(rank)
            continue
        d = bulat(x, DESIMAL_SUMBER)
        out.iat[i, out.columns.get_loc("realisasi")] = format_angka(float(d), DESIMAL_SUMBER)
        out.iat[i, out.columns.get_loc("realisasi_nilai")] = float(d)
    return out

