"""The reviu of the figures computed over many IKU: the capaian and kategori of a sasaran, the mean
capaian of the unit (and what produced a wrong one), the number and percent of IKU per kategori,
and the number of IKU."""

from __future__ import annotations

from itertools import product

import pandas as pd

from lakip.core import scoring
from lakip.core.config import BELUM_TERUKUR
from lakip.core.numbers import ada, bulat
from lakip.core.vocabulary import sama_kata
from lakip.reviu.context import (J_FORMAT, J_HITUNG_KATEGORI, J_KATEGORI, J_NA, J_RATA, SESUAI, TIDAK_DAPAT, TIDAK_SESUAI,
                                 Temuan, Konteks, temuan_angka)
from lakip.reviu.kinerja import kata_kategori, kategori_benar
from lakip.reviu.printed import Tercetak, cocok, potong, teks_angka, teks_persen

__all__ = ["cek_sasaran", "iku_tahun", "cek_rata_rata", "cek_jumlah_kategori", "cek_jumlah_iku"]


def cek_sasaran(k: Konteks, tabel: str, kunci: dict, p: Tercetak) -> Temuan:
    ss, tahun = kunci["sasaran"], int(kunci["tahun"])
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
    if not ada(c):
        return Temuan(TIDAK_SESUAI, None, f"Dicetak {p.teks}, padahal tidak ada IKU sasaran ini yang terukur.", J_NA)
    res = temuan_angka(p, c, f"Sama dengan rata-rata capaian {n} IKU terukur sasaran ini ({teks_persen(c)}).",
                       f"Capaian sasaran tercetak {p.teks}; rata-rata capaian {n} IKU terukur sasaran ini {teks_persen(c)}.", J_RATA)
    res.selisih = p.angka - c if p.angka is not None else None
    return res


def iku_tahun(k: Konteks, tahun: int) -> pd.DataFrame:
    s = k.skor.xs(tahun, level="tahun")
    order = [c for c in k.unit.indikator["kode"] if c in s.index]
    return s.loc[order]


def cek_rata_rata(k: Konteks, tabel: str, kunci: dict, p: Tercetak) -> Temuan:
    tahun = int(kunci["tahun"])
    s = iku_tahun(k, tahun)
    exact = scoring.batasi(s["capaian"].astype(float), k.pilihan)
    mean = float(exact.mean())
    n, na = int(exact.notna().sum()), [c for c in exact.index if not ada(exact[c])]
    if p.angka is None:
        return Temuan(TIDAK_SESUAI, mean, f"Rata-rata dicetak '{p.teks}'; menurut data {teks_persen(mean)}.", J_FORMAT if p.galat else J_RATA)
    if cocok(p, mean):
        return Temuan(SESUAI, mean, f"Sama dengan rata-rata capaian {n} IKU terukur ({teks_persen(mean)}).", selisih=p.angka - mean)
    sas = k.sasaran.xs(tahun, level="tahun")["capaian"].astype(float).mean()
    if cocok(p, sas):
        return Temuan(SESUAI, sas, f"Sama dengan rata-rata capaian sasaran ({teks_persen(sas)}); rata-rata {n} IKU terukur {teks_persen(mean)}.",
                     selisih=p.angka - sas)
    # Search what produced it: which capaian (exact or as printed), how the not-measurable IKU were
    # treated, and how the result was rounded.
    bases: list[tuple[str, pd.Series]] = [("capaian menurut data", exact)]
    for t in dict.fromkeys(k.lap["tabel"]):
        vals = {}
        for kode in exact.index:
            q = k.tercetak_di(t, f"capaian/{kode}/{tahun}")
            if q is not None:
                vals[kode] = q.angka if q.angka is not None else float("nan")
        if len(vals) == len(exact):
            bases.append((f"capaian yang dicetak di {t}", pd.Series(vals)))
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
    for (bname, base), (nname, fill), rounding in product(bases, na_options, ("bulat", "potong")):
        vals = base.copy()
        for kode, v in fill.items():
            vals[kode] = v
        m = float(vals.mean())
        if not ada(m):
            continue
        hit = cocok(p, m) if rounding == "bulat" else potong(m, p.desimal) == bulat(p.angka, p.desimal)
        if hit and (bname, nname, rounding) != ("capaian menurut data", "", "bulat"):
            count = int(vals.notna().sum())
            how = [f"rata-rata {count} IKU dari {bname}"]
            if nname:
                how.append(nname)
            if rounding == "potong":
                how.append(f"hasilnya {teks_angka(m, 4)} dipotong, bukan dibulatkan")
            jenis = J_NA if nname else J_RATA
            return Temuan(TIDAK_SESUAI, mean, f"Rata-rata tercetak {p.teks} tidak sama dengan rata-rata capaian {n} IKU terukur "
                         f"({teks_persen(mean)}). Angka tercetak kemungkinan didapat dari {'; '.join(how)}.", jenis, p.angka - mean)
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
    n = len(iku_tahun(k, int(kunci["tahun"])))
    return temuan_angka(p, n, f"Sama dengan jumlah IKU di data ({n}).", f"Tercetak {p.teks}; data memuat {n} IKU.", J_HITUNG_KATEGORI)
