"""The reviu of the figures of one IKU: its target and realisasi against the data, its capaian
(and what produced a wrong one: a cap, another turun formula, a target printed elsewhere, another
year, a realisasi printed rounded), its kategori, and the change of its capaian against the year before."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from lakip.core import scoring
from lakip.core.config import BATAS_CAPAIAN, BELUM_TERUKUR
from lakip.core.numbers import AngkaError, ada, is_kosong, parse_rentang, pisah_rentang
from lakip.core.vocabulary import sama_kata
from lakip.reviu.context import (J_BATAS, J_CAPAIAN, J_DIBULATKAN, J_FORMAT, J_KATEGORI, J_PERUBAHAN, J_REALISASI, J_TAHUN_LAIN, J_TARGET,
                                 J_TARGET_LAIN, J_TURUN, SESUAI, TIDAK_DAPAT, TIDAK_SESUAI, Temuan, Konteks, temuan_angka)
from lakip.reviu.printed import Tercetak, cocok, desimal, teks_angka, teks_persen

__all__ = ["teks_di_data", "cek_target_realisasi", "sebab_batas", "sebab_dibulatkan", "cek_capaian", "cek_kategori", "kata_kategori", "kategori_benar",
           "cek_perubahan"]


def teks_di_data(row: dict[str, Any], kolom: str) -> str:
    v = row[kolom]
    return "N/A" if is_kosong(v) else " ".join(str(v).split())


def _tanpa_data(kode: str, tahun: int) -> Temuan:
    """The finding on a figure of an IKU-year that kinerja.csv does not hold."""
    return Temuan(TIDAK_DAPAT, None, f"Data kinerja.csv tidak memuat {kode} tahun {tahun}.")


def cek_target_realisasi(k: Konteks, tabel: str, kunci: dict, p: Tercetak) -> Temuan:
    jenis, kode, tahun = kunci["jenis"], kunci["iku"], int(kunci["tahun"])
    row = k.iku(kode, tahun)
    if row is None:
        return _tanpa_data(kode, tahun)
    nama = "Target" if jenis == "target" else "Realisasi"
    asal = "target PK (kinerja.csv)" if jenis == "target" else "realisasi di kinerja.csv"
    err = J_TARGET if jenis == "target" else J_REALISASI
    x = row["target_nilai" if jenis == "target" else "realisasi_nilai"]
    teks_data = teks_di_data(row, jenis)
    if jenis == "target" and row["jenis"] == "rentang":
        return cek_rentang(p, row, nama, asal, teks_data)
    if p.galat:
        return Temuan(TIDAK_SESUAI, x if ada(x) else teks_data, f"'{p.teks}' {p.galat}; {asal}: {teks_data}.", J_FORMAT)
    if p.nilai is None:
        if not ada(x):
            return Temuan(SESUAI, None, f"{nama} belum tersedia, sama dengan data.")
        return Temuan(TIDAK_SESUAI, teks_data, f"{nama} dicetak N/A, padahal {asal} {teks_data}.", err)
    if not ada(x):
        return Temuan(TIDAK_SESUAI, None, f"{nama} dicetak {p.teks}, padahal {asal} belum tersedia.", err)
    if row["jenis"] in ("angka", "rentang"):  # (the realisasi of a range target is a number)
        if p.angka is None:
            return Temuan(TIDAK_SESUAI, x, f"{nama} dicetak '{p.teks}', bukan angka; {asal} {teks_data}.", err)
        return temuan_angka(p, x, f"Sama dengan {asal}.",
                            f"{nama} tercetak {p.teks} berbeda dengan {asal} {teks_data}.", err)
    if sama_kata(str(p.nilai), teks_data):
        return Temuan(SESUAI, teks_data, f"Sama dengan {asal}.")
    return Temuan(TIDAK_SESUAI, teks_data, f"{nama} tercetak {p.teks} berbeda dengan {asal} {teks_data}.", err)


def cek_rentang(p: Tercetak, row: dict[str, Any], nama: str, asal: str, teks_data: str) -> Temuan:
    """A range target as printed (``80-90``, ``80 s.d. 90``, ``80,0 - 90,0``) against the PK's, bound by bound,
    each to the decimals it was printed with."""
    lengkap = ada(row["target_bawah"]) and ada(row["target_atas"])
    if p.nilai is None and not p.galat:
        if not lengkap:
            return Temuan(SESUAI, None, f"{nama} belum tersedia, sama dengan data.")
        return Temuan(TIDAK_SESUAI, teks_data, f"{nama} dicetak N/A, padahal {asal} {teks_data}.", J_TARGET)
    try:
        bawah, atas = parse_rentang(p.teks)
    except AngkaError:
        return Temuan(TIDAK_SESUAI, teks_data, f"{nama} tercetak '{p.teks}', bukan rentang; {asal}: {teks_data}.",
                     J_FORMAT if p.galat else J_TARGET)
    if not lengkap:
        return Temuan(TIDAK_SESUAI, None, f"{nama} dicetak {p.teks}, padahal {asal} belum tersedia.", J_TARGET)
    sisi = pisah_rentang(p.teks)
    sama = all(cocok(Tercetak(t, v, desimal(t)), x)
               for t, v, x in zip(sisi, (bawah, atas), (row["target_bawah"], row["target_atas"])))
    if sama:
        return Temuan(SESUAI, teks_data, f"Sama dengan {asal}.")
    return Temuan(TIDAK_SESUAI, teks_data, f"{nama} tercetak {p.teks} berbeda dengan {asal} {teks_data}.", J_TARGET)


def capaian_dengan(k: Konteks, row: dict[str, Any], target: float, realisasi: float, rumus: str | None = None) -> float:
    frame = pd.DataFrame({
        "polaritas": [row["polaritas"]], "jenis": ["angka" if row["jenis"] == "rentang" else row["jenis"]],
        "target_nilai": [target], "target_bawah": [np.nan], "target_atas": [np.nan], "realisasi_nilai": [realisasi],
    })
    pil = k.pilihan if rumus is None else type(k.pilihan)(rumus_turun=rumus, skala=k.pilihan.skala)
    return float(scoring.hitung_capaian(frame, pil)["capaian"].iloc[0])


def _batas_tertulis(b: float) -> str:
    return teks_persen(b, 0)


def sebab_batas(k: Konteks, p: Tercetak, c: float, mentah: float, rumus: str) -> Temuan | None:
    """A printed capaian that is a cap (100, 120) where the data gives more, or the uncapped capaian where
    the unit caps every IKU (``batas_capaian_iku``): the finding naming the cap, or None."""
    b_unit = k.pilihan.batas_capaian_iku
    sel = p.angka - c if p.angka is not None and ada(c) else None
    if not ada(mentah):
        return None
    for b in BATAS_CAPAIAN:
        if mentah > b and b != b_unit and cocok(p, b):
            if b_unit is None:
                aturan = ("unit ini tidak membatasi capaian setiap IKU; bila laporan memang membatasinya, tulis "
                          f"batas_capaian_iku: {b:g} pada pilihan di entitas.yml")
                if k.pilihan.batas_capaian is not None:
                    aturan = (f"unit ini membatasi capaian hanya dalam rata-rata (batas_capaian {k.pilihan.batas_capaian:g}), "
                              f"bukan setiap IKU; bila laporan membatasi setiap IKU, tulis batas_capaian_iku: {b:g} pada "
                              "pilihan di entitas.yml")
            else:
                aturan = f"batas capaian IKU unit ini (batas_capaian_iku) {_batas_tertulis(b_unit)}: capaian {teks_persen(c)}"
            return Temuan(TIDAK_SESUAI, c, f"Capaian tercetak {p.teks} adalah capaian menurut data {teks_persen(mentah)} ({rumus}) "
                         f"yang dibatasi paling tinggi {_batas_tertulis(b)}; {aturan}.", J_BATAS, sel)
    if b_unit is not None and mentah > b_unit and cocok(p, mentah):
        return Temuan(TIDAK_SESUAI, c, f"Capaian tercetak {p.teks} adalah capaian sebelum dibatasi ({teks_persen(mentah)}: {rumus}); "
                     f"unit ini membatasi capaian setiap IKU paling tinggi {_batas_tertulis(b_unit)} (batas_capaian_iku), "
                     f"jadi capaian {teks_persen(c)}.", J_BATAS, sel)
    return None


def _realisasi_untuk(f: Any, lo: float, hi: float, sasaran: float) -> float:
    """The realisasi in ``[lo, hi]`` whose capaian ``f`` (monotone on it) is nearest ``sasaran``: bisection."""
    a, b = lo, hi
    fa, fb = f(a), f(b)
    if not (ada(fa) and ada(fb)):
        return float("nan")
    naik = fb >= fa
    if (sasaran <= fa) == naik:
        return a
    if (sasaran >= fb) == naik:
        return b
    for _ in range(100):
        m = (a + b) / 2
        fm = f(m)
        if not ada(fm):
            return float("nan")
        if (fm < sasaran) == naik:
            a = m
        else:
            b = m
    return (a + b) / 2


def sebab_dibulatkan(k: Konteks, tabel: str, kode: str, tahun: int, row: dict[str, Any], p: Tercetak, c: float,
                     rumus: str) -> Temuan | None:
    """A printed capaian that the realisasi as printed gives within its printed precision (a realisasi printed
    ``66,7`` is any value from 66,65 to 66,75): the realisasi was printed rounded. The realisasi looked at are
    those printed for the IKU-year that agree with the data (this table's first), else the data's own as written;
    one printed as a whole number is taken as exact (a count). The finding names the value that gives the
    printed capaian; None when none does."""
    if row["jenis"] != "angka" or not ada(row["target_nilai"]) or not ada(row["realisasi_nilai"]) or p.angka is None:
        return None
    data = float(row["realisasi_nilai"])
    calon = sorted(((t, q) for t, q in k.tercetak(f"realisasi/{kode}/{tahun}") if q.angka is not None and cocok(q, data)),
                   key=lambda tq: tq[0] != tabel)
    calon = [(f"di {'tabel ini' if t == tabel else t}", q) for t, q in calon]
    if not calon:
        teks = teks_di_data(row, "realisasi")
        calon = [("di kinerja.csv", Tercetak(teks, data, desimal(teks)))]
    target, pol = float(row["target_nilai"]), str(row["polaritas"])

    def f(r: float) -> float:
        x = scoring.capaian_satu(target, r, pol, k.pilihan.rumus_turun)
        return float("nan") if x is None else k.batas_iku(x)

    for where, q in calon:
        if q.desimal < 1:
            continue
        h = 0.5 * 10.0 ** -q.desimal
        lo, hi = q.angka - h, q.angka + h
        r = _realisasi_untuk(f, lo, hi, p.angka)
        if not ada(r) or not cocok(p, f(r)):
            continue
        d = q.desimal + 1
        return Temuan(TIDAK_SESUAI, c, f"Capaian tercetak {p.teks} didapat dari realisasi {teks_angka(r, max(d, 2))} "
                     f"(terhadap target {teks_di_data(row, 'target')}: {teks_persen(f(r))}); realisasi itu dicetak dibulatkan "
                     f"{q.teks} {where}, yang mencakup {teks_angka(lo, d)} s.d. {teks_angka(hi, d)}. Menurut data capaian "
                     f"{teks_persen(c)} ({rumus}); cetak realisasi dengan desimal yang dipakai menghitung capaian.",
                     J_DIBULATKAN, p.angka - c)
    return None


def cek_capaian(k: Konteks, tabel: str, kunci: dict, p: Tercetak) -> Temuan:
    kode, tahun = kunci["iku"], int(kunci["tahun"])
    row = k.iku(kode, tahun)
    if row is None:
        return _tanpa_data(kode, tahun)
    c, mentah = k.capaian(kode, tahun), k.capaian_mentah(kode, tahun)
    b_unit = k.pilihan.batas_capaian_iku
    rumus = f"realisasi {teks_di_data(row, 'realisasi')} terhadap target {teks_di_data(row, 'target')}"
    if p.galat:
        return Temuan(TIDAK_SESUAI, c, f"'{p.teks}' {p.galat}; capaian menurut data {teks_persen(c)}.", J_FORMAT)
    if p.nilai is None:
        if not ada(c):
            return Temuan(SESUAI, None, f"Capaian belum dapat diukur ({row['catatan']}), sama dengan data.")
        return Temuan(TIDAK_SESUAI, c, f"Capaian dicetak N/A, padahal dapat dihitung: {teks_persen(c)} ({rumus}).", J_CAPAIAN)
    if p.angka is None:
        return Temuan(TIDAK_SESUAI, c, f"Capaian dicetak '{p.teks}', bukan angka; menurut data {teks_persen(c)}.", J_CAPAIAN)
    sel = p.angka - c if ada(c) else None
    if not ada(c):
        return Temuan(TIDAK_SESUAI, None, f"Capaian dicetak {p.teks}, padahal {row['catatan'] or 'capaian tidak dapat dihitung'}; "
                     "IKU ini belum dapat diukur.", J_CAPAIAN)
    if cocok(p, c):
        extra = " Nilai ini juga memuat kata kategori." if p.kata else ""
        if b_unit is not None and mentah > b_unit:
            return Temuan(SESUAI, c, f"Sama dengan capaian menurut data {teks_persen(mentah)} ({rumus}), dibatasi paling tinggi "
                         f"{_batas_tertulis(b_unit)} (batas_capaian_iku unit ini): {teks_persen(c)}.{extra}", selisih=sel)
        return Temuan(SESUAI, c, f"Sama dengan capaian menurut data ({teks_persen(c)}: {rumus}).{extra}", selisih=sel)
    # What produced the printed figure?
    res = sebab_batas(k, p, c, mentah, rumus)
    if res is not None:
        return res
    if row["polaritas"] == "turun":
        other = "rasio" if k.pilihan.rumus_turun == "selisih" else "selisih"
        alt = k.batas_iku(capaian_dengan(k, row, row["target_nilai"], row["realisasi_nilai"], other))
        if cocok(p, alt):
            return Temuan(TIDAK_SESUAI, c, f"Capaian {p.teks} dihitung dengan rumus polaritas turun '{other}' ({teks_persen(alt)}); "
                         f"unit ini memakai rumus '{k.pilihan.rumus_turun}': {teks_persen(c)}.", J_TURUN, sel)
    if row["jenis"] == "angka":
        r_here = k.tercetak_di(tabel, f"realisasi/{kode}/{tahun}")
        r_used = r_here.angka if r_here is not None and r_here.angka is not None else row["realisasi_nilai"]
        for t_tabel, tp in k.tercetak(f"target/{kode}/{tahun}"):
            if tp.angka is None or cocok(tp, row["target_nilai"]):
                continue
            alt = k.batas_iku(capaian_dengan(k, row, tp.angka, r_used))
            if cocok(p, alt):
                return Temuan(TIDAK_SESUAI, c, f"Capaian {p.teks} dihitung dengan target {tp.teks} yang dicetak di {t_tabel} "
                             f"({teks_angka(r_used)} / {tp.teks} = {teks_persen(alt)}), bukan target PK {teks_di_data(row, 'target')}: "
                             f"capaian menurut PK {teks_persen(c)}.", J_TARGET_LAIN, sel)
    for (kd, th), other in k.skor["capaian"].items():
        if kd == kode and th != tahun and cocok(p, k.batas_iku(other)):
            other = k.batas_iku(other)
            return Temuan(TIDAK_SESUAI, c, f"Capaian {p.teks} adalah capaian tahun {th} ({teks_persen(other)}), bukan tahun {tahun}: "
                         f"{teks_persen(c)} ({rumus}).", J_TAHUN_LAIN, sel)
    res = sebab_dibulatkan(k, tabel, kode, tahun, row, p, c, rumus)
    if res is not None:
        return res
    if p.kata:
        kat = k.pilihan.skala.kategori(c)
        kata = (f"kata {p.kata} sesuai dengan kategorinya ({kat})" if sama_kata(p.kata, kat or "")
                else f"kata {p.kata} tidak sesuai dengan kategorinya ({kat})")
        return Temuan(TIDAK_SESUAI, c, f"Kolom capaian memuat '{p.teks}': capaian menurut rumus {teks_persen(c)} ({rumus}); {kata}, "
                     f"tetapi angka {teks_angka(p.angka, p.desimal)} bukan capaian itu.", J_CAPAIAN, sel)
    return Temuan(TIDAK_SESUAI, c, f"Capaian tercetak {p.teks}, menurut data {teks_persen(c)} ({rumus}).", J_CAPAIAN, sel)


def cek_kategori(k: Konteks, tabel: str, kunci: dict, p: Tercetak) -> Temuan:
    kode, tahun = kunci["iku"], int(kunci["tahun"])
    row = k.iku(kode, tahun)
    if row is None:
        return _tanpa_data(kode, tahun)
    c = float(row["capaian"])
    kat = k.pilihan.skala.kategori(c)
    if not ada(c):
        if p.nilai is None:
            return Temuan(SESUAI, BELUM_TERUKUR, "IKU belum dapat diukur, sama dengan data.")
        return Temuan(TIDAK_SESUAI, BELUM_TERUKUR, f"Kategori dicetak {p.teks}, padahal IKU belum dapat diukur.", J_KATEGORI)
    if kata_kategori(p) is not None and sama_kata(kata_kategori(p), kat):
        return kategori_benar(p, c, kat, f"capaian {teks_persen(c)}")
    printed_c = [(t, q) for t, q in k.tercetak(f"capaian/{kode}/{tahun}") if q.angka is not None]
    note = ""
    for t, q in printed_c:
        if sama_kata(str(kata_kategori(p)), k.pilihan.skala.kategori(q.angka) or ""):
            note = f" Kata ini sesuai dengan capaian tercetak {q.teks} di {t}, yang tidak sama dengan capaian menurut data."
            break
    return Temuan(TIDAK_SESUAI, kat, f"Kategori tercetak {p.teks}; menurut skala, capaian {teks_persen(c)} termasuk {kat}.{note}", J_KATEGORI)


def kata_kategori(p: Tercetak) -> str | None:
    """The kategori word of a printed kategori: ``Tinggi``, or the word of ``Tinggi (86 %)``."""
    return p.kata if p.kata else p.nilai if isinstance(p.nilai, str) else None


def kategori_benar(p: Tercetak, c: float, kat: str, apa: str) -> Temuan:
    """The right kategori word; a capaian printed beside it (``Tinggi (86 %)``) must be right too."""
    if p.kata and not cocok(p, c):
        return Temuan(TIDAK_SESUAI, kat, f"Kata kategori {kat} sesuai skala, tetapi angka di dalam kurung "
                     f"({teks_angka(p.angka, p.desimal)}) bukan {apa}.", J_CAPAIAN)
    extra = "; angka di dalam kurung sama dengan capaian itu" if p.kata else ""
    return Temuan(SESUAI, kat, f"Sesuai skala: {apa} termasuk {kat}{extra}.")


def cek_perubahan(k: Konteks, tabel: str, kunci: dict, p: Tercetak) -> Temuan:
    kode, tahun = kunci["iku"], int(kunci["tahun"])
    tanpa = k.tanpa_tahun(tahun)
    if tanpa is not None:
        return tanpa
    now, before = k.capaian(kode, tahun), k.capaian(kode, tahun - 1)
    if not (ada(now) and ada(before)):
        return Temuan(TIDAK_DAPAT, None, f"Capaian {kode} tahun {tahun} atau {tahun - 1} belum dapat diukur.")
    x = now - before
    if p.angka is None:
        why = f" ({p.galat})" if p.galat else ""
        return Temuan(TIDAK_SESUAI, x, f"Dicetak '{p.teks}'{why}; perubahan menurut data {teks_angka(x)} pp.", J_FORMAT if p.galat else J_PERUBAHAN)
    value, q = p.angka, p
    unit_note = " Perubahan capaian seharusnya ditulis dalam poin persentase (pp), bukan %." if p.persen else ""
    if value > 0 and x < 0 and not p.kata and not p.teks.lstrip().startswith("+"):
        unit_note += (" Angka dicetak tanpa tanda atau kata arah, jadi dibaca sebagai kenaikan; bila laporan menyebutnya"
                      f" penurunan, tulis nilainya seperti 'penurunan {p.teks}'.")
    if cocok(q, x):
        return Temuan(SESUAI, x, f"Sama dengan perubahan menurut data ({teks_angka(x)} pp).{unit_note}", selisih=value - x)
    for t, a in k.tercetak(f"capaian/{kode}/{tahun}"):
        for t2, b in k.tercetak(f"capaian/{kode}/{tahun - 1}"):
            if a.angka is not None and b.angka is not None and cocok(q, a.angka - b.angka):
                return Temuan(TIDAK_SESUAI, x, f"Perubahan tercetak {p.teks} dihitung dari capaian yang sudah dibulatkan "
                             f"({a.teks} di {t} dan {b.teks} di {t2}); menurut data {teks_persen(now)} - {teks_persen(before)} = {teks_angka(x)} pp."
                             f"{unit_note}", J_PERUBAHAN, value - x)
    return Temuan(TIDAK_SESUAI, x, f"Perubahan tercetak {p.teks}; menurut data {teks_angka(x)} pp ({teks_persen(now)} - {teks_persen(before)}).{unit_note}",
                 J_PERUBAHAN, value - x)
