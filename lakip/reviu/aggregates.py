"""The reviu of the figures computed over many IKU: the capaian and kategori of a sasaran, the mean
capaian of the unit, the sum of the capaian of a sasaran or of every IKU (and, for these three, what
produced a wrong one: :func:`cari_sebab`), the number and percent of IKU per kategori, and the number
of IKU and of sasaran."""

from __future__ import annotations

from itertools import product

import pandas as pd

from lakip.core import scoring
from lakip.core.config import BATAS_CAPAIAN, BELUM_TERUKUR
from lakip.core.numbers import ada, bulat
from lakip.core.vocabulary import SEMUA_SASARAN, sama_kata
from lakip.reviu.context import (J_BATAS, J_FORMAT, J_HITUNG_KATEGORI, J_JUMLAH_CAPAIAN, J_JUMLAH_SASARAN, J_KATEGORI, J_NA,
                                 J_RATA, SESUAI, TIDAK_DAPAT, TIDAK_SESUAI, Temuan, Konteks, temuan_angka)
from lakip.reviu.kinerja import kata_kategori, kategori_benar
from lakip.reviu.printed import Tercetak, cocok, potong, teks_angka, teks_persen

__all__ = ["capaian_tabel", "capaian_iku", "cari_sebab", "cek_sasaran", "iku_tahun", "cek_rata_rata", "cek_jumlah_kategori", "cek_jumlah_iku",
           "cek_jumlah_capaian", "cek_jumlah_sasaran"]


def capaian_tabel(k: Konteks, tahun: int, sasaran: str | None = None) -> pd.Series:
    """The capaian of the IKU of a year (of one sasaran, or all), by code, as a table shows them: capped at
    ``batas_capaian_iku`` when the unit has one."""
    s = iku_tahun(k, tahun)
    if sasaran is not None:
        s = s[s["sasaran_kode"].astype(str) == sasaran]
    return s["capaian"].astype(float)  # the scores' capaian, capped by the scoring (scoring.batasi_iku)


def capaian_iku(k: Konteks, tahun: int, sasaran: str | None = None) -> pd.Series:
    """:func:`capaian_tabel` as the means take them: capped at ``batas_capaian`` too (:func:`lakip.core.scoring.batasi`)."""
    return scoring.batasi(capaian_tabel(k, tahun, sasaran), k.pilihan)


def cari_sebab(k: Konteks, p: Tercetak, exact: pd.Series, tahun: int, jumlah: bool = False) -> tuple[str, str] | None:
    """What produced a printed mean (a sum, with ``jumlah``) of the capaian ``exact`` (by IKU code) that is
    not theirs: (how, the kind of error), or None.

    Tried: which capaian (the data's, those printed in one table for every IKU of ``exact``, the data's
    capped at 100 or 120 where the unit caps less or not at all), how the IKU that cannot be measured were
    treated (left out, counted 0 or 100, given another year's capaian from the data or as printed), and how
    the result was rounded (half away from zero, or cut). The first that gives the printed figure wins.
    """
    if p.angka is None or not ada(p.angka):
        return None
    na = [c for c in exact.index if not ada(exact[c])]
    bases: list[tuple[str, pd.Series, bool]] = [("capaian menurut data", exact, False)]
    for t in dict.fromkeys(k.lap["tabel"]):
        vals = {}
        for kode in exact.index:
            q = k.tercetak_di(t, f"capaian/{kode}/{tahun}")
            if q is not None:
                vals[kode] = q.angka if q.angka is not None else float("nan")
        if len(vals) == len(exact):
            bases.append((f"capaian yang dicetak di {t}", pd.Series(vals, dtype=float), False))
    batas = (k.pilihan.batas_capaian_iku,) if jumlah else (k.pilihan.batas_capaian, k.pilihan.batas_capaian_iku)
    batas_unit = min((b for b in batas if b is not None), default=None)
    for b in BATAS_CAPAIAN:
        if (batas_unit is None or b < batas_unit) and bool((exact > b).any()):
            bases.append((f"capaian menurut data yang dibatasi paling tinggi {teks_persen(b, 0)}", exact.clip(upper=b), True))
    na_options: list[tuple[str, dict[str, float]]] = [("", {})]
    for kode in na:
        na_options.append((f"{kode} (belum dapat diukur) dihitung 0", {kode: 0.0}))
        na_options.append((f"{kode} (belum dapat diukur) dihitung 100", {kode: 100.0}))
        for (kd, th), other in k.skor["capaian"].items():
            if kd == kode and th != tahun and ada(other):
                na_options.append((f"{kode} (belum dapat diukur) diberi capaian tahun {th} menurut data ({teks_persen(other)})", {kode: float(other)}))
        for _, row in k.lap.iterrows():
            kk = row["_kunci"]
            q = row["_baca"]
            if kk["jenis"] == "capaian" and kk.get("iku") == kode and int(kk["tahun"]) != tahun and q.angka is not None:
                na_options.append((f"{kode} (belum dapat diukur) diberi nilai {q.teks} yang dicetak untuk tahun {kk['tahun']} "
                                   f"di {row['tabel']}", {kode: q.angka}))
    for (bname, base, dibatasi), (nname, fill), rounding in product(bases, na_options, ("bulat", "potong")):
        vals = base.copy()
        for kode, v in fill.items():
            vals[kode] = v
        m = float(vals.sum(min_count=1) if jumlah else vals.mean())
        if not ada(m):
            continue
        hit = cocok(p, m) if rounding == "bulat" else potong(m, p.desimal) == bulat(p.angka, p.desimal)
        if hit and (bname, nname, rounding) != ("capaian menurut data", "", "bulat"):
            count = int(vals.notna().sum())
            how = [f"{'jumlah' if jumlah else 'rata-rata'} {count} IKU dari {bname}"]
            if nname:
                how.append(nname)
            if rounding == "potong":
                how.append(f"hasilnya {teks_angka(m, 4)} dipotong, bukan dibulatkan")
            if dibatasi and not nname:
                pilihan = "batas_capaian_iku" if jumlah else "batas_capaian, batas_capaian_iku"
                how.append(f"unit ini tidak membatasi capaian sampai batas itu ({pilihan} di entitas.yml)")
            jenis = J_NA if nname else J_BATAS if dibatasi else J_JUMLAH_CAPAIAN if jumlah else J_RATA
            return "; ".join(how), jenis
    return None


def cek_sasaran(k: Konteks, tabel: str, kunci: dict, p: Tercetak) -> Temuan:
    ss, tahun = kunci["sasaran"], int(kunci["tahun"])
    tanpa = k.tanpa_tahun(tahun)
    if tanpa is not None:
        return tanpa
    key = (ss, tahun)
    if key not in k.baris_sasaran:
        return Temuan(TIDAK_DAPAT, None, f"Tidak ada IKU untuk sasaran {ss} tahun {tahun} di data.")
    c = float(k.baris_sasaran[key]["capaian"])
    n = int(k.baris_sasaran[key]["jumlah_terukur"])
    if kunci["jenis"] == "kategori_sasaran":
        kat = k.pilihan.skala.kategori(c)
        if kat is None:
            ok = p.nilai is None
            return Temuan(SESUAI if ok else TIDAK_SESUAI, BELUM_TERUKUR,
                         "Sasaran belum dapat diukur" + (", sama dengan data." if ok else f"; dicetak {p.teks}."),
                         "" if ok else J_KATEGORI)
        if kata_kategori(p) is not None and sama_kata(kata_kategori(p), kat):
            return kategori_benar(p, c, kat, f"capaian sasaran {teks_persen(c)}")
        return Temuan(TIDAK_SESUAI, kat, f"Kategori sasaran tercetak {p.teks}; capaian sasaran {teks_persen(c)} termasuk {kat}.", J_KATEGORI)
    if p.nilai is None:
        ok = not ada(c)
        return Temuan(SESUAI if ok else TIDAK_SESUAI, c if ada(c) else None,
                     "Sasaran belum dapat diukur, sama dengan data." if ok else f"Dicetak {p.teks}, padahal capaian sasaran {teks_persen(c)}.",
                     "" if ok else J_RATA)
    exact = capaian_iku(k, tahun, ss)
    if not ada(c):
        if p.angka is not None:
            sebab = cari_sebab(k, p, exact, tahun)
            if sebab is not None:
                return Temuan(TIDAK_SESUAI, None, f"Dicetak {p.teks}, padahal tidak ada IKU sasaran ini yang terukur. Angka tercetak "
                             f"kemungkinan didapat dari {sebab[0]}.", J_NA)
        return Temuan(TIDAK_SESUAI, None, f"Dicetak {p.teks}, padahal tidak ada IKU sasaran ini yang terukur.", J_NA)
    res = temuan_angka(p, c, f"Sama dengan rata-rata capaian {n} IKU terukur sasaran ini ({teks_persen(c)}).",
                       f"Capaian sasaran tercetak {p.teks}; rata-rata capaian {n} IKU terukur sasaran ini {teks_persen(c)}.", J_RATA)
    res.selisih = p.angka - c if p.angka is not None else None
    if res.status == TIDAK_SESUAI and p.angka is not None:
        sebab = cari_sebab(k, p, exact, tahun)
        if sebab is not None:
            how, jenis = sebab
            res.penjelasan = (f"Capaian sasaran tercetak {p.teks} tidak sama dengan rata-rata capaian {n} IKU terukur sasaran ini "
                              f"({teks_persen(c)}). Angka tercetak kemungkinan didapat dari {how}.")
            res.jenis = jenis
    return res


def iku_tahun(k: Konteks, tahun: int) -> pd.DataFrame:
    s = k.skor.xs(tahun, level="tahun")
    order = [c for c in k.unit.indikator["kode"] if c in s.index]
    return s.loc[order]


def cek_rata_rata(k: Konteks, tabel: str, kunci: dict, p: Tercetak) -> Temuan:
    tahun = int(kunci["tahun"])
    tanpa = k.tanpa_tahun(tahun)
    if tanpa is not None:
        return tanpa
    exact = capaian_iku(k, tahun)
    mean = float(exact.mean())
    n = int(exact.notna().sum())
    if p.angka is None:
        return Temuan(TIDAK_SESUAI, mean, f"Rata-rata dicetak '{p.teks}'; menurut data {teks_persen(mean)}.", J_FORMAT if p.galat else J_RATA)
    if cocok(p, mean):
        return Temuan(SESUAI, mean, f"Sama dengan rata-rata capaian {n} IKU terukur ({teks_persen(mean)}).", selisih=p.angka - mean)
    sas = k.sasaran.xs(tahun, level="tahun")["capaian"].astype(float).mean()
    if cocok(p, sas):
        return Temuan(SESUAI, sas, f"Sama dengan rata-rata capaian sasaran ({teks_persen(sas)}); rata-rata {n} IKU terukur {teks_persen(mean)}.",
                     selisih=p.angka - sas)
    sebab = cari_sebab(k, p, exact, tahun)
    if sebab is not None:
        how, jenis = sebab
        return Temuan(TIDAK_SESUAI, mean, f"Rata-rata tercetak {p.teks} tidak sama dengan rata-rata capaian {n} IKU terukur "
                     f"({teks_persen(mean)}). Angka tercetak kemungkinan didapat dari {how}.", jenis, p.angka - mean)
    return Temuan(TIDAK_SESUAI, mean, f"Rata-rata tercetak {p.teks}; rata-rata capaian {n} IKU terukur {teks_persen(mean)}, "
                 f"rata-rata sasaran {teks_persen(sas)}.", J_RATA, p.angka - mean)


def distribusi_tahun(k: Konteks, tahun: int) -> pd.DataFrame:
    s = k.skor.xs(tahun, level="tahun").reset_index()
    return scoring.distribusi(s, k.pilihan.skala).set_index("kategori")


def kategori_label(k: Konteks, teks: str) -> str | None:
    for lab in [*k.pilihan.skala.label, BELUM_TERUKUR]:
        if sama_kata(lab, teks):
            return lab
    return None


def cek_jumlah_kategori(k: Konteks, tabel: str, kunci: dict, p: Tercetak) -> Temuan:
    tahun = int(kunci["tahun"])
    tanpa = k.tanpa_tahun(tahun)
    if tanpa is not None:
        return tanpa
    lab = kategori_label(k, kunci["kategori"])
    if lab is None:
        return Temuan(TIDAK_DAPAT, None, f"'{kunci['kategori']}' bukan kategori skala unit ini.")
    d = distribusi_tahun(k, tahun)
    n, total = int(d.loc[lab, "jumlah"]), int(d["jumlah"].sum())
    na = int(d.loc[BELUM_TERUKUR, "jumlah"])
    measured = total - na
    s = iku_tahun(k, tahun)
    na_codes = [c for c in s.index if not ada(s.loc[c, "capaian"])]
    members = na_codes if lab == BELUM_TERUKUR else [c for c in s.index if str(s.loc[c, "kategori"]) == lab]
    rincian = ", ".join(f"{int(d.loc[x, 'jumlah'])} {x}" for x in d.index if int(d.loc[x, "jumlah"]))
    if p.angka is None:
        return Temuan(TIDAK_SESUAI, n, f"Dicetak '{p.teks}'; menurut data {n} IKU {lab}.", J_HITUNG_KATEGORI)
    if kunci["jenis"] == "jumlah_kategori":
        if cocok(p, n, 0):
            return Temuan(SESUAI, n, f"Sama dengan data: {n} IKU {lab} ({', '.join(members) or '-'}).", selisih=p.angka - n)
        why = f"Menurut data {n} IKU {lab} ({', '.join(members) or '-'}); sebaran: {rincian}."
        if na and cocok(p, n + na, 0):
            return Temuan(TIDAK_SESUAI, n, f"Tercetak {p.teks} IKU {lab}: IKU yang belum dapat diukur ({', '.join(na_codes)}) "
                         f"ikut dihitung. {why}", J_NA, p.angka - n)
        if cocok(p, total, 0):
            return Temuan(TIDAK_SESUAI, n, f"Tercetak {p.teks}, yaitu jumlah seluruh IKU, seolah semua IKU {lab}. {why}",
                         J_HITUNG_KATEGORI, p.angka - n)
        return Temuan(TIDAK_SESUAI, n, f"Tercetak {p.teks} IKU {lab}. {why}", J_HITUNG_KATEGORI, p.angka - n)
    pct_all, pct_measured = n * 100 / total, (n * 100 / measured if measured else float("nan"))
    if cocok(p, pct_all):
        return Temuan(SESUAI, pct_all, f"Sama dengan {n} dari {total} IKU ({teks_persen(pct_all)}).", selisih=p.angka - pct_all)
    if cocok(p, pct_measured):
        return Temuan(SESUAI, pct_measured, f"Sama dengan {n} dari {measured} IKU terukur ({teks_persen(pct_measured)}).",
                     selisih=p.angka - pct_measured)
    # rounded so that the percents add up to 100, as lakip prints them itself
    tercetak = scoring.persen_tercetak(d.reset_index(), p.desimal).set_index("kategori").loc[lab]
    for kolom, dari in (("persen", f"{total} IKU"), ("persen_terukur", f"{measured} IKU terukur")):
        v = tercetak[kolom]
        if cocok(p, v):
            return Temuan(SESUAI, v, f"Sama dengan {n} dari {dari} ({teks_persen(v)}), dibulatkan agar persentase semua kategori "
                         "berjumlah 100 %.", selisih=p.angka - v)
    printed_n = [q.angka for t, q in k.tercetak(f"jumlah_kategori/{kunci['kategori']}/{tahun}") if q.angka is not None and t == tabel]
    extra = ""
    for pn in dict.fromkeys(printed_n):
        extra += f" Jumlah yang dicetak ({teks_angka(pn, 0)} IKU) berarti {teks_persen(pn * 100 / total)} dari {total} IKU."
    return Temuan(TIDAK_SESUAI, pct_all, f"Tercetak {p.teks} IKU {lab}; menurut data {n} dari {total} IKU = {teks_persen(pct_all)} "
                 f"({teks_persen(pct_measured)} dari {measured} IKU terukur).{extra}", J_HITUNG_KATEGORI, p.angka - pct_all)


def cek_jumlah_iku(k: Konteks, tabel: str, kunci: dict, p: Tercetak) -> Temuan:
    tanpa = k.tanpa_tahun(int(kunci["tahun"]))
    if tanpa is not None:
        return tanpa
    n = len(iku_tahun(k, int(kunci["tahun"])))
    return temuan_angka(p, n, f"Sama dengan jumlah IKU di data ({n}).", f"Tercetak {p.teks}; data memuat {n} IKU.", J_HITUNG_KATEGORI)


def cek_jumlah_capaian(k: Konteks, tabel: str, kunci: dict, p: Tercetak) -> Temuan:
    """The printed sum of the capaian of a sasaran's IKU (``semua``: of every IKU) of a year, as a capaian
    table's sum row prints it: of the IKU that can be measured, each as the table shows it (capped at
    ``batas_capaian_iku`` when the unit has one)."""
    ss, tahun = kunci["sasaran"], int(kunci["tahun"])
    tanpa = k.tanpa_tahun(tahun)
    if tanpa is not None:
        return tanpa
    semua = ss == SEMUA_SASARAN
    s = iku_tahun(k, tahun)
    if not semua and not (s["sasaran_kode"].astype(str) == ss).any():
        return Temuan(TIDAK_DAPAT, None, f"Tidak ada IKU untuk sasaran {ss} tahun {tahun} di data.")
    c = capaian_tabel(k, tahun, None if semua else ss)  # a sum row adds the capaian as printed, before the means' cap
    n = int(c.notna().sum())
    apa = "seluruh IKU" if semua else f"IKU sasaran {ss}"
    total = float(c.sum(min_count=1))
    if p.nilai is None and not p.galat:
        if n == 0:
            return Temuan(SESUAI, None, f"Belum ada {apa} yang dapat diukur, sama dengan data.")
        return Temuan(TIDAK_SESUAI, total, f"Dicetak {p.teks}, padahal jumlah capaian {n} {apa} yang terukur {teks_persen(total)}.",
                     J_JUMLAH_CAPAIAN)
    if p.angka is None:
        return Temuan(TIDAK_SESUAI, total if n else None, f"Jumlah capaian dicetak '{p.teks}'; menurut data "
                     f"{teks_persen(total) if n else 'belum ada IKU yang terukur'}.", J_FORMAT if p.galat else J_JUMLAH_CAPAIAN)
    if n == 0:
        return Temuan(TIDAK_SESUAI, None, f"Dicetak {p.teks}, padahal belum ada {apa} yang dapat diukur.", J_NA)
    if cocok(p, total):
        return Temuan(SESUAI, total, f"Sama dengan jumlah capaian {n} {apa} yang terukur ({teks_persen(total)}).",
                     selisih=p.angka - total)
    sebab = cari_sebab(k, p, c, tahun, jumlah=True)
    if sebab is not None:
        how, jenis = sebab
        return Temuan(TIDAK_SESUAI, total, f"Jumlah capaian tercetak {p.teks} tidak sama dengan jumlah capaian {n} {apa} yang "
                     f"terukur ({teks_persen(total)}). Angka tercetak kemungkinan didapat dari {how}.", jenis, p.angka - total)
    return Temuan(TIDAK_SESUAI, total, f"Jumlah capaian tercetak {p.teks}; jumlah capaian {n} {apa} yang terukur menurut data "
                 f"{teks_persen(total)}.", J_JUMLAH_CAPAIAN, p.angka - total)


def cek_jumlah_sasaran(k: Konteks, tabel: str, kunci: dict, p: Tercetak) -> Temuan:
    """The printed number of sasaran of a year: the sasaran with at least one IKU in the year."""
    tahun = int(kunci["tahun"])
    tanpa = k.tanpa_tahun(tahun)
    if tanpa is not None:
        return tanpa
    s = iku_tahun(k, tahun)
    kode = list(dict.fromkeys(s["sasaran_kode"].astype(str)))
    n = len(kode)
    if p.angka is None:
        return Temuan(TIDAK_SESUAI, n, f"Dicetak '{p.teks}'; data memuat {n} sasaran.", J_FORMAT if p.galat else J_JUMLAH_SASARAN)
    if cocok(p, n, 0):
        return Temuan(SESUAI, n, f"Sama dengan jumlah sasaran di data ({n}: {', '.join(kode)}).", selisih=p.angka - n)
    why = f"data memuat {n} sasaran ({', '.join(kode)})"
    terukur = [ss for ss in kode if (ss, tahun) in k.baris_sasaran and ada(k.baris_sasaran[(ss, tahun)]["capaian"])]
    if cocok(p, len(s), 0) and len(s) != n:
        return Temuan(TIDAK_SESUAI, n, f"Tercetak {p.teks}, yaitu jumlah IKU, bukan sasaran; {why}.", J_JUMLAH_SASARAN, p.angka - n)
    if cocok(p, len(terukur), 0) and len(terukur) != n:
        belum = [ss for ss in kode if ss not in terukur]
        return Temuan(TIDAK_SESUAI, n, f"Tercetak {p.teks}, yaitu sasaran yang dapat diukur saja; sasaran {', '.join(belum)} "
                     f"belum dapat diukur tetapi tetap sasaran; {why}.", J_JUMLAH_SASARAN, p.angka - n)
    return Temuan(TIDAK_SESUAI, n, f"Tercetak {p.teks}; {why}.", J_JUMLAH_SASARAN, p.angka - n)
