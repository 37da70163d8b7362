"""The reviu of an efficiency figure: by the unit's method, or what produced it (another method,
the capaian printed in the table)."""

from __future__ import annotations

import numpy as np

from lakip.core import efficiency
from lakip.core.budget import persen_serapan
from lakip.core.numbers import ada
from lakip.reviu.context import J_EFISIENSI, J_FORMAT, SESUAI, TIDAK_DAPAT, TIDAK_SESUAI, Temuan, Konteks
from lakip.reviu.printed import Tercetak, cocok, teks_angka, teks_persen

__all__ = ["cocok_efisiensi", "cek_efisiensi"]


def cocok_efisiensi(p: Tercetak, v: float, metode: str) -> bool:
    """A printed efficiency against method ``metode``'s value; a ratio may be printed as a percent (87,78 % for 0,8778)."""
    return cocok(p, v) or (metode == "rasio" and p.persen and cocok(p, v * 100))


def cek_efisiensi(k: Konteks, tabel: str, kunci: dict, p: Tercetak) -> Temuan:
    kode, tahun = kunci["iku"], int(kunci["tahun"])
    tanpa = k.tanpa_tahun(tahun)
    if tanpa is not None:
        return tanpa
    key = (tahun, kode)
    ck = k.capaian(kode, tahun)
    ca = float("nan")
    if key in k.baris_anggaran_iku:
        pagu, real = float(k.baris_anggaran_iku[key]["pagu"]), float(k.baris_anggaran_iku[key]["realisasi"])
        ca = persen_serapan(real, pagu)
    metode = k.pilihan.metode_efisiensi
    nilai = {m: float(efficiency.nilai_efisiensi(np.array([ck]), np.array([ca]), m)[0][0]) for m in efficiency.METODE_EFISIENSI}
    x = nilai[metode]
    if ada(ck) and not ada(ca):
        why = (f"anggaran_iku.csv tidak memuat {kode} tahun {tahun}" if key not in k.baris_anggaran_iku
               else f"pagu atau realisasi {kode} tahun {tahun} di anggaran_iku.csv kosong atau nol")
        return Temuan(TIDAK_DAPAT, None, f"Efisiensi tidak dapat dihitung: {why}.")
    if p.nilai is None and not p.galat:
        ok = not ada(x)
        return Temuan(SESUAI if ok else TIDAK_SESUAI, x if ada(x) else None,
                     "Efisiensi tidak dapat dihitung karena capaian kinerja belum dapat diukur, sama dengan tabel."
                     if ok else f"Dicetak N/A, padahal efisiensi ({metode}) {teks_angka(x)}.", "" if ok else J_EFISIENSI)
    if p.angka is None:
        return Temuan(TIDAK_SESUAI, x, f"Dicetak '{p.teks}'; efisiensi ({metode}) {teks_angka(x)}.", J_FORMAT if p.galat else J_EFISIENSI)
    if not ada(x):
        return Temuan(TIDAK_SESUAI, None, f"Dicetak {p.teks}, padahal capaian kinerja atau anggaran belum tersedia.", J_EFISIENSI)
    nama = {"rasio": "rasio", "selisih": "selisih", "pmk249": "PMK 249/2011"}
    if cocok_efisiensi(p, x, metode):
        persen = not cocok(p, x)  # a ratio printed as a percent
        sebagai = f" = {teks_persen(x * 100)}, ditulis sebagai persen" if persen else ""
        return Temuan(SESUAI, x, f"Sama dengan metode {nama[metode]}: {teks_angka(ck)} % / {teks_angka(ca)} % = {teks_angka(x, 4)}{sebagai}.",
                     selisih=(p.angka / 100 if persen else p.angka) - x)
    # the table's own capaian (perhaps against another target) and serapan
    cp, sp = k.tercetak_di(tabel, f"capaian/{kode}/{tahun}"), k.tercetak_di(tabel, f"serapan_iku/{kode}/{tahun}")
    sources = [("capaian menurut data", ck, ca)]
    if cp is not None and cp.angka is not None and sp is not None and sp.angka is not None:
        sources.append((f"capaian yang dicetak di {tabel} ({cp.teks} dan {sp.teks})", cp.angka, sp.angka))
    for sname, a, b in sources:
        for m in efficiency.METODE_EFISIENSI:
            v = float(efficiency.nilai_efisiensi(np.array([a]), np.array([b]), m)[0][0])
            if cocok_efisiensi(p, v, m) and (sname, m) != ("capaian menurut data", metode):
                return Temuan(TIDAK_SESUAI, x, f"Nilai {p.teks} sama dengan metode {nama[m]} dari {sname} ({teks_angka(v, 4)}); "
                             f"unit ini memakai metode {nama[metode]} dengan capaian menurut data: {teks_angka(x, 4)}.",
                             J_EFISIENSI, p.angka - x)
    unit = {"rasio": "", "selisih": " pp", "pmk249": " %"}
    listing = ", ".join(f"{nama[m]} {teks_angka(v, 2)}{unit[m]}" for m, v in nilai.items())
    return Temuan(TIDAK_SESUAI, x, f"Tidak ada metode yang menghasilkan {p.teks}: {listing} "
                 f"(capaian kinerja {teks_persen(ck)}, capaian anggaran {teks_persen(ca)}).", J_EFISIENSI, p.angka - x)
