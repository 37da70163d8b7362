"""The reviu of the budget figures: pagu, realisasi and serapan of a node or of a tree's total
(and a parent that is not the sum of its rincian), and the budget behind each IKU."""

from __future__ import annotations

from lakip.core import budget
from lakip.core.numbers import ada, format_rupiah
from lakip.core.teks import daftar
from lakip.core.vocabulary import kata_tingkat
from lakip.reviu.context import (J_ANGGARAN, J_FORMAT, J_RINCIAN, J_SERAPAN, SESUAI, TIDAK_DAPAT, TIDAK_SESUAI, Temuan,
                                 Konteks, temuan_angka)
from lakip.reviu.printed import Tercetak, cocok, teks_persen

__all__ = ["pohon_tabel", "total_pohon_tahun", "cek_anggaran", "cek_anggaran_iku"]


def pohon_tabel(k: Konteks, tabel: str, tahun: int) -> str | None:
    """The budget tree a table's total belongs to: the tree of the other budget keys it prints."""
    rows = k.lap[(k.lap["tabel"] == tabel)]
    for kk in rows["_kunci"]:
        code = kk.get("anggaran")
        if code and code != "jumlah":
            root = k.akar.get((tahun, code))
            if root is not None:
                return str(k.baris_anggaran[(tahun, root)]["tingkat"])
    return None


def total_pohon_tahun(k: Konteks, tahun: int, pohon: str) -> tuple[float, float]:
    """(pagu, realisasi) of the tree ``pohon`` of the year: :func:`lakip.core.budget.total` of its top-level
    nodes (the realisasi NaN unless every one has it; both NaN for a tree the year lacks), once per tree."""
    if (tahun, pohon) not in k.total_pohon:
        top = [k.baris_anggaran[(t, c)] for (t, c), r in k.akar.items()
               if t == tahun and r == c and k.baris_anggaran[(t, c)]["tingkat"] == pohon]  # its top-level nodes
        k.total_pohon[(tahun, pohon)] = budget.total([n["pagu"] for n in top], [n["realisasi"] for n in top])
    return k.total_pohon[(tahun, pohon)]


def cek_anggaran(k: Konteks, tabel: str, kunci: dict, p: Tercetak) -> Temuan:
    jenis, code, tahun = kunci["jenis"], kunci["anggaran"], int(kunci["tahun"])
    kolom = {"pagu": "pagu", "realisasi_anggaran": "realisasi", "serapan": "serapan"}[jenis]
    nama = {"pagu": "Pagu", "realisasi_anggaran": "Realisasi anggaran", "serapan": "Serapan"}[jenis]
    if code == "jumlah":
        trees = sorted({str(k.baris_anggaran[(t, r)]["tingkat"]) for (t, _), r in k.akar.items() if t == tahun and r})
        # the tree of the table's other figures; else the programs, or the one tree the year has
        pohon = pohon_tabel(k, tabel, tahun) or ("program" if "program" in trees or len(trees) != 1 else trees[0])
        if pohon not in trees:
            return Temuan(TIDAK_DAPAT, None, f"{nama} jumlah tidak dapat diperiksa: anggaran.csv tidak memuat susunan "
                                             f"{kata_tingkat(pohon, k.unit.unit_kerja).lower()} tahun {tahun}.")
        pagu, real = total_pohon_tahun(k, tahun, pohon)
        x = {"pagu": pagu, "realisasi": real, "serapan": budget.persen_serapan(real, pagu)}[kolom]
        where = f"jumlah {'program' if pohon == 'program' else k.unit.unit_kerja} di anggaran.csv"
        if p.galat:
            return Temuan(TIDAK_SESUAI, x, f"'{p.teks}' {p.galat}; {where} {format_rupiah(x)}.", J_FORMAT)
        if not ada(x):
            return Temuan(TIDAK_DAPAT, None, f"{nama} {where} tidak dapat dihitung (ada baris tanpa nilai).")
        if cocok(p, x):
            if kolom == "serapan":
                return Temuan(SESUAI, x, f"Sama dengan realisasi / pagu {where}: {format_rupiah(real)} / {format_rupiah(pagu)} "
                             f"= {teks_persen(x)}.", selisih=p.angka - x)
            return Temuan(SESUAI, x, f"Sama dengan {where}.", selisih=p.angka - x)
        note = ""
        for other in trees:
            if other != pohon:
                ox = total_pohon_tahun(k, tahun, other)[0 if kolom == "pagu" else 1]
                if kolom != "serapan" and cocok(p, ox):
                    note = f" Angka tercetak sama dengan jumlah susunan {kata_tingkat(other, k.unit.unit_kerja).lower()} ({format_rupiah(ox)}), bukan jumlah baris tabel ini."
        show = teks_persen(x) if kolom == "serapan" else format_rupiah(x)
        return Temuan(TIDAK_SESUAI, x, f"{nama} jumlah tercetak {p.teks}, tetapi {where} {show}"
                     f"{'' if kolom == 'serapan' else ' (selisih ' + format_rupiah(p.angka - x) + ')'}.{note}",
                     J_RINCIAN if kolom != "serapan" else J_SERAPAN, p.angka - x if p.angka is not None else None)
    key = (tahun, code)
    if key not in k.baris_anggaran:
        return Temuan(TIDAK_DAPAT, None, f"Kode anggaran {code} tahun {tahun} tidak ada di anggaran.csv.")
    node = k.baris_anggaran[key]
    x = node[kolom]
    show = (lambda v: teks_persen(v)) if kolom == "serapan" else format_rupiah
    if p.galat:
        return Temuan(TIDAK_SESUAI, x, f"Angka '{p.teks}' ditulis salah ({p.galat}); nilai di anggaran.csv {show(x)}.", J_FORMAT)
    if not ada(x):
        kosong = daftar(c for c in ("pagu", "realisasi") if (c == "pagu" or kolom != "pagu") and not ada(node[c]))
        sebab = f"{kosong} {code} tahun {tahun} kosong di anggaran.csv" if kosong else \
            f"pagu {code} tahun {tahun} di anggaran.csv nol"
        return Temuan(TIDAK_DAPAT, None, f"{nama} {code} tidak dapat diperiksa: {sebab}.")
    if not cocok(p, x):
        return Temuan(TIDAK_SESUAI, x, f"{nama} tercetak {p.teks}, di anggaran.csv {show(x)}.",
                     J_SERAPAN if kolom == "serapan" else J_ANGGARAN, p.angka - x if p.angka is not None else None)
    children = k.anak.get(key, [])
    if kolom != "serapan" and children:
        vals = [k.baris_anggaran[(tahun, c)][kolom] for c in children]
        if all(ada(v) for v in vals):
            s = float(sum(vals))
            if abs(s - x) >= budget.TOLERANSI_RUPIAH:
                grand = [g for c in children for g in k.anak.get((tahun, c), [])]
                gvals = [k.baris_anggaran[(tahun, g)][kolom] for g in grand]
                note = ""
                if grand and all(ada(v) for v in gvals) and abs(float(sum(gvals)) - x) < budget.TOLERANSI_RUPIAH:
                    # which child is not the sum of its own children
                    salah = []
                    for c in children:
                        sub = [k.baris_anggaran[(tahun, g)][kolom] for g in k.anak.get((tahun, c), [])]
                        cv = k.baris_anggaran[(tahun, c)][kolom]
                        if sub and abs(float(sum(sub)) - cv) >= budget.TOLERANSI_RUPIAH:
                            uraian = str(k.baris_anggaran[(tahun, c)]["uraian"])
                            salah.append(f"{c} {uraian} ({format_rupiah(cv)}, padahal rinciannya {format_rupiah(float(sum(sub)))})")
                    note = (" Angka induk sama dengan jumlah rincian di bawahnya lagi, jadi selisih berasal dari rincian yang "
                            "tidak sama dengan jumlah rinciannya sendiri" + (": " + "; ".join(salah) if salah else "") + ".")
                return Temuan(TIDAK_SESUAI, s, f"{nama} {code} tercetak {p.teks}, tetapi jumlah {len(children)} rinciannya "
                             f"{format_rupiah(s)} (selisih {format_rupiah(x - s)}).{note}", J_RINCIAN, x - s)
        return Temuan(SESUAI, x, f"Sama dengan anggaran.csv dan dengan jumlah {len(children)} rinciannya.", selisih=p.angka - x)
    if kolom == "serapan":
        return Temuan(SESUAI, x, f"Sama dengan realisasi / pagu = {teks_persen(x)}.", selisih=p.angka - x)
    return Temuan(SESUAI, x, "Sama dengan anggaran.csv.", selisih=p.angka - x)


def cek_anggaran_iku(k: Konteks, tabel: str, kunci: dict, p: Tercetak) -> Temuan:
    jenis, kode, tahun = kunci["jenis"], kunci["iku"], int(kunci["tahun"])
    key = (tahun, kode)
    if key not in k.baris_anggaran_iku:
        return Temuan(TIDAK_DAPAT, None, f"anggaran_iku.csv tidak memuat {kode} tahun {tahun}.")
    pagu, real = float(k.baris_anggaran_iku[key]["pagu"]), float(k.baris_anggaran_iku[key]["realisasi"])
    kosong = [nama for nama, v, perlu in (("pagu", pagu, jenis != "realisasi_anggaran_iku"),
                                          ("realisasi", real, jenis != "pagu_iku")) if perlu and not ada(v)]
    if kosong:
        return Temuan(TIDAK_DAPAT, None, f"Kolom {daftar(kosong)} {kode} tahun {tahun} kosong di anggaran_iku.csv.")
    if jenis == "serapan_iku":
        if not pagu:
            return Temuan(TIDAK_DAPAT, None, f"Pagu {kode} tahun {tahun} di anggaran_iku.csv nol; capaian anggaran tidak dapat dihitung.")
        x = budget.persen_serapan(real, pagu)
        return temuan_angka(p, x, f"Sama dengan realisasi / pagu = {teks_persen(x)}.",
                            f"Capaian anggaran tercetak {p.teks}; realisasi / pagu = {teks_persen(x)}.", J_SERAPAN)
    x = pagu if jenis == "pagu_iku" else real
    if p.galat:
        return Temuan(TIDAK_SESUAI, x, f"'{p.teks}' {p.galat}; anggaran_iku.csv {format_rupiah(x)}.", J_FORMAT)
    return temuan_angka(p, x, "Sama dengan anggaran_iku.csv.",
                        f"Tercetak {p.teks}, di anggaran_iku.csv {format_rupiah(x)}.", J_ANGGARAN)
