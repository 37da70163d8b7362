"""The reviu of the scores that come from outside the unit (DOMAIN.md section 8): the IKM of a year, its
mutu and the NRR of an unsur (from ``survei_ikm.csv``), the nilai AKIP, its predikat and the nilai of one
component (from ``lke.csv``); and the realisasi of an IKU that kinerja.csv gives where its ``sumber`` gives
another (:func:`temuan_sumber`).

A printed IKM that the other weight (``bobot_ikm``: 0,111 or 1/9) gives is named as such; a key whose file
the unit does not have is ``tidak dapat dihitung``.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from lakip.core import akip, ikm
from lakip.core.config import BOBOT_IKM_PILIHAN
from lakip.core.numbers import ada, format_angka
from lakip.core.sumber import nama_sumber, nilai_sumber
from lakip.core.vocabulary import sama_kata
from lakip.reviu.context import SESUAI, TIDAK_DAPAT, TIDAK_SESUAI, Konteks, Temuan
from lakip.reviu.printed import Tercetak, baca, cocok, teks_angka

__all__ = ["J_IKM", "J_BOBOT_IKM", "J_AKIP", "J_SUMBER", "cek_ikm", "cek_mutu_ikm", "cek_nrr", "cek_nilai_akip",
           "cek_predikat_akip", "cek_komponen_akip", "temuan_sumber"]

J_IKM = "IKM salah hitung"
J_BOBOT_IKM = "IKM memakai bobot lain"
J_AKIP = "nilai AKIP berbeda dengan LKE"
J_SUMBER = "realisasi berbeda dengan sumbernya"

_NAMA_BOBOT = {"0,111": "bobot 0,111 per unsur (PermenPAN-RB 14/2017)", "rata": "bobot 1/9 per unsur (rata)"}


def _tanpa(berkas: str, apa: str) -> Temuan:
    return Temuan(TIDAK_DAPAT, None, f"{apa} tidak dapat dihitung: unit ini tidak punya {berkas}.")


def _survei(k: Konteks, tahun: int, apa: str) -> tuple[pd.DataFrame | None, Temuan | None]:
    s = k.unit.lampiran.get("survei_ikm")
    if s is None:
        return None, _tanpa("survei_ikm.csv", apa)
    s = s[s["tahun"] == tahun]
    if s.empty:
        return None, Temuan(TIDAK_DAPAT, None, f"{apa} tidak dapat dihitung: survei_ikm.csv tidak memuat tahun {tahun}.")
    return s, None


def _bobot_lain(k: Konteks) -> str:
    return next(b for b in BOBOT_IKM_PILIHAN if b != k.pilihan.bobot_ikm)


def _ikm_dengan(s: pd.DataFrame, bobot: str) -> tuple[float, str | None]:
    t = ikm.ikm_tahunan(s, ikm.bobot_ikm(bobot))
    x = float(t["ikm"].iloc[0])
    return x, ikm.mutu_ikm(x)


def _angka_na(p: Tercetak, x: float, apa: str, jenis: str) -> Temuan | None:
    """The finding on a figure printed as N/A or as no number; None when it is a number."""
    if p.nilai is None and not p.galat:
        return Temuan(TIDAK_SESUAI, x, f"Dicetak {p.teks}, padahal {apa} menurut data {teks_angka(x)}.", jenis)
    if p.angka is None:
        return Temuan(TIDAK_SESUAI, x, f"Dicetak '{p.teks}'; {apa} menurut data {teks_angka(x)}.", jenis)
    return None


def cek_ikm(k: Konteks, tabel: str, kunci: dict, p: Tercetak) -> Temuan:
    tahun = int(kunci["tahun"])
    s, tanpa = _survei(k, tahun, f"IKM tahun {tahun}")
    if tanpa is not None:
        return tanpa
    bobot = k.pilihan.bobot_ikm
    x, _ = _ikm_dengan(s, bobot)
    n = len(s)
    na = _angka_na(p, x, "IKM", J_IKM)
    if na is not None:
        return na
    if cocok(p, x):
        return Temuan(SESUAI, x, f"Sama dengan IKM dari {n} responden survei_ikm.csv dengan {_NAMA_BOBOT[bobot]}: {teks_angka(x)}.")
    lain = _bobot_lain(k)
    y, _ = _ikm_dengan(s, lain)
    if cocok(p, y):
        return Temuan(TIDAK_SESUAI, x, f"IKM tercetak {p.teks} sama dengan IKM dengan {_NAMA_BOBOT[lain]} ({teks_angka(y)}); unit "
                                       f"ini memakai {_NAMA_BOBOT[bobot]} (bobot_ikm di entitas.yml): {teks_angka(x)}.",
                      J_BOBOT_IKM)
    return Temuan(TIDAK_SESUAI, x, f"IKM tercetak {p.teks}; IKM dari {n} responden survei_ikm.csv dengan {_NAMA_BOBOT[bobot]} "
                                   f"{teks_angka(x)}.", J_IKM)


def _kata_mutu(p: Tercetak) -> str:
    """The mutu letter of a printed mutu: ``A``, ``Sangat Baik``, ``A (Sangat Baik)``, ``A - Sangat Baik``."""
    t = " ".join(p.teks.split())
    for mutu, kata in ikm.KINERJA_MUTU.items():
        if sama_kata(t, mutu) or sama_kata(t, kata) or sama_kata(t, f"{mutu} ({kata})") or sama_kata(t, f"{mutu} - {kata}"):
            return mutu
    return t


def cek_mutu_ikm(k: Konteks, tabel: str, kunci: dict, p: Tercetak) -> Temuan:
    tahun = int(kunci["tahun"])
    s, tanpa = _survei(k, tahun, f"Mutu IKM tahun {tahun}")
    if tanpa is not None:
        return tanpa
    bobot = k.pilihan.bobot_ikm
    x, mutu = _ikm_dengan(s, bobot)
    teks = f"{mutu} ({ikm.KINERJA_MUTU[mutu]})" if mutu else "N/A"
    dicetak = _kata_mutu(p)
    if mutu is not None and dicetak == mutu:
        return Temuan(SESUAI, teks, f"IKM {teks_angka(x)} termasuk mutu {teks}.")
    lain = _bobot_lain(k)
    y, mutu_lain = _ikm_dengan(s, lain)
    if mutu_lain is not None and dicetak == mutu_lain:
        return Temuan(TIDAK_SESUAI, teks, f"Mutu tercetak {p.teks} adalah mutu IKM dengan {_NAMA_BOBOT[lain]} ({teks_angka(y)}); "
                                          f"unit ini memakai {_NAMA_BOBOT[bobot]}: IKM {teks_angka(x)}, mutu {teks}.", J_BOBOT_IKM)
    return Temuan(TIDAK_SESUAI, teks, f"Mutu tercetak {p.teks}; IKM {teks_angka(x)} termasuk mutu {teks} (A 88,31-100, "
                                      "B 76,61-88,30, C 65,00-76,60, D 25,00-64,99).", J_IKM)


def cek_nrr(k: Konteks, tabel: str, kunci: dict, p: Tercetak) -> Temuan:
    tahun, unsur = int(kunci["tahun"]), kunci["unsur"]
    nama = ikm.NAMA_UNSUR.get(unsur, unsur)
    s, tanpa = _survei(k, tahun, f"NRR unsur {unsur} ({nama}) tahun {tahun}")
    if tanpa is not None:
        return tanpa
    x = float(s[unsur].mean())
    na = _angka_na(p, x, f"NRR {unsur}", J_IKM)
    if na is not None:
        return na
    if cocok(p, x):
        return Temuan(SESUAI, x, f"Sama dengan rata-rata jawaban {len(s)} responden untuk unsur {unsur} ({nama}): {teks_angka(x, 4)}.")
    bobot = k.pilihan.bobot_ikm
    tertimbang = {b: x * ikm.bobot_ikm(b) for b in (bobot, _bobot_lain(k))}
    for b, y in tertimbang.items():
        if cocok(p, y):
            return Temuan(TIDAK_SESUAI, x, f"Dicetak {p.teks}: NRR tertimbang ({_NAMA_BOBOT[b]}, {teks_angka(y, 4)}), bukan NRR "
                                           f"unsur {unsur} ({nama}): {teks_angka(x, 4)}.", J_IKM)
    return Temuan(TIDAK_SESUAI, x, f"NRR tercetak {p.teks}; rata-rata jawaban {len(s)} responden untuk unsur {unsur} ({nama}) "
                                   f"{teks_angka(x, 4)}.", J_IKM)


def _lke(k: Konteks, tahun: int, apa: str) -> tuple[pd.DataFrame | None, Temuan | None]:
    lke = k.unit.lampiran.get("lke")
    if lke is None:
        return None, _tanpa("lke.csv", apa)
    komp = akip.komponen_lke(lke)
    komp = komp[komp["tahun"] == tahun]
    if komp.empty:
        return None, Temuan(TIDAK_DAPAT, None, f"{apa} tidak dapat dihitung: lke.csv tidak memuat tahun {tahun}.")
    return komp, None


def _total(komp: pd.DataFrame) -> float:
    return float(komp.loc[komp["induk"].isna(), "nilai"].sum(min_count=1))


def cek_nilai_akip(k: Konteks, tabel: str, kunci: dict, p: Tercetak) -> Temuan:
    tahun = int(kunci["tahun"])
    komp, tanpa = _lke(k, tahun, f"Nilai AKIP tahun {tahun}")
    if tanpa is not None:
        return tanpa
    x = _total(komp)
    na = _angka_na(p, x, "nilai AKIP", J_AKIP)
    if na is not None:
        return na
    utama = komp[komp["induk"].isna()]
    rincian = " + ".join(teks_angka(v) for v in utama["nilai"])
    if cocok(p, x):
        return Temuan(SESUAI, x, f"Sama dengan jumlah {len(utama)} komponen lke.csv: {rincian} = {teks_angka(x)}.")
    rinci = float(utama["nilai_rinci"].fillna(utama["nilai"]).sum(min_count=1))
    if cocok(p, rinci) and not cocok(p, x):
        return Temuan(TIDAK_SESUAI, x, f"Nilai tercetak {p.teks} sama dengan jumlah sub-komponen lke.csv ({teks_angka(rinci)}); "
                                       f"jumlah nilai komponennya {rincian} = {teks_angka(x)}.", J_AKIP)
    return Temuan(TIDAK_SESUAI, x, f"Nilai AKIP tercetak {p.teks}; jumlah {len(utama)} komponen lke.csv {rincian} = "
                                   f"{teks_angka(x)}.", J_AKIP)


def cek_predikat_akip(k: Konteks, tabel: str, kunci: dict, p: Tercetak) -> Temuan:
    tahun = int(kunci["tahun"])
    komp, tanpa = _lke(k, tahun, f"Predikat AKIP tahun {tahun}")
    if tanpa is not None:
        return tanpa
    x = _total(komp)
    pred = akip.predikat_akip(x)
    dicetak = " ".join(p.teks.split()).upper()
    if pred is not None and dicetak == pred:
        return Temuan(SESUAI, pred, f"Nilai AKIP {teks_angka(x)} berpredikat {pred}.")
    batas = next((b for b in akip.PREDIKAT_AKIP.batas if round(x, 9) == b), None)
    if batas is not None:
        atas = akip.PREDIKAT_AKIP.label[akip.PREDIKAT_AKIP.batas.index(batas)]
        if dicetak == atas:
            return Temuan(TIDAK_SESUAI, pred, f"Predikat tercetak {p.teks}; nilai AKIP {teks_angka(x)} tepat pada batas, yang "
                                              f"termasuk predikat di bawahnya ({pred}): {atas} mulai di atas "
                                              f"{format_angka(batas, 2)}.", J_AKIP)
    return Temuan(TIDAK_SESUAI, pred, f"Predikat tercetak {p.teks}; nilai AKIP {teks_angka(x)} berpredikat {pred} (AA > 90-100, "
                                      "A > 80-90, BB > 70-80, B > 60-70, CC > 50-60, C > 30-50, D 0-30).", J_AKIP)


def cek_komponen_akip(k: Konteks, tabel: str, kunci: dict, p: Tercetak) -> Temuan:
    tahun, nama = int(kunci["tahun"]), kunci["komponen"]
    komp, tanpa = _lke(k, tahun, f"Nilai komponen {nama} tahun {tahun}")
    if tanpa is not None:
        return tanpa
    row = komp[komp["komponen"] == nama]
    if row.empty:
        return Temuan(TIDAK_DAPAT, None, f"lke.csv tidak memuat komponen {nama} tahun {tahun}.")
    x, b, persen = float(row["nilai"].iloc[0]), float(row["bobot"].iloc[0]), float(row["persen"].iloc[0])
    na = _angka_na(p, x, f"nilai komponen {nama}", J_AKIP)
    if na is not None:
        return na
    if cocok(p, x):
        return Temuan(SESUAI, x, f"Sama dengan nilai komponen {nama} di lke.csv: {teks_angka(x)} dari bobot {teks_angka(b)}.")
    if ada(persen) and cocok(p, persen):
        return Temuan(TIDAK_SESUAI, x, f"Dicetak {p.teks}: persentase nilai terhadap bobot ({teks_angka(persen)} %), bukan nilai "
                                       f"komponen {nama}: {teks_angka(x)} dari bobot {teks_angka(b)}.", J_AKIP)
    return Temuan(TIDAK_SESUAI, x, f"Nilai komponen {nama} tercetak {p.teks}; di lke.csv {teks_angka(x)} dari bobot "
                                   f"{teks_angka(b)}.", J_AKIP)


def temuan_sumber(k: Konteks) -> list[dict[str, Any]]:
    """The IKU of the year whose realisasi in kinerja.csv differs, beyond its written decimals, from the value
    its ``sumber`` gives (a word for jenis kategori): one finding each, as rows of the reviu
    (``tabel`` kinerja.csv, ``kunci`` realisasi/<iku>/<tahun>)."""
    unit, tahun = k.unit, k.tahun
    if "sumber" not in unit.indikator.columns:
        return []
    src = nilai_sumber(unit.indikator, unit.lampiran, ikm.bobot_ikm(k.pilihan.bobot_ikm))
    src = src[src["tahun"] == tahun]
    rows = []
    kin = unit.kinerja[unit.kinerja["tahun"] == tahun].set_index("kode")
    for kode, sumber, komponen, x, kata in zip(src["kode"], src["sumber"], src["komponen"], src["nilai"], src["kata"]):
        if kode not in kin.index:
            continue
        r = kin.loc[kode]
        teks = str(r["realisasi"]).strip()
        if teks == "" or (r["jenis"] not in ("angka", "rentang", "kategori")):
            continue
        apa = nama_sumber(sumber, komponen)
        if r["jenis"] == "kategori":
            if kata is None or sama_kata(teks, kata):
                continue
            rows.append({"tabel": "kinerja.csv", "kunci": f"realisasi/{kode}/{tahun}", "nilai_laporan": teks, "nilai_hitung": kata,
                         "selisih": np.nan, "status": TIDAK_SESUAI, "jenis": J_SUMBER,
                         "penjelasan": f"Realisasi {kode} tahun {tahun} di kinerja.csv {teks}, padahal {apa} {kata} "
                                       f"(nilai {teks_angka(x)})."})
            continue
        p = baca(teks)
        if p.angka is None or cocok(p, x):
            continue
        rows.append({"tabel": "kinerja.csv", "kunci": f"realisasi/{kode}/{tahun}", "nilai_laporan": teks, "nilai_hitung": float(x),
                     "selisih": p.angka - float(x), "status": TIDAK_SESUAI, "jenis": J_SUMBER,
                     "penjelasan": f"Realisasi {kode} tahun {tahun} di kinerja.csv {teks}, padahal {apa} {teks_angka(x)}; "
                                   "kosongkan realisasi di kinerja.csv agar diambil dari sumbernya, atau periksa sumbernya."})
    return rows
