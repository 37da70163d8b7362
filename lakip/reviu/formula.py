"""The reviu of the parts of an IKU's formula (``rumus_komponen``): every equation evaluated with
every printed part and the data's realisasi or target, and the fewest printed parts that, taken
as wrong, let every equation hold."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations, product
from typing import Any

from lakip.core.formula import hitung
from lakip.core.numbers import ada, is_kosong
from lakip.core.teks import daftar
from lakip.core.vocabulary import sama_kata
from lakip.reviu.context import J_ANTAR_TABEL, J_KOMPONEN, SESUAI, TIDAK_DAPAT, TIDAK_SESUAI, Temuan, Konteks
from lakip.reviu.printed import Tercetak, cocok, desimal, teks_angka, teks_persen

__all__ = ["data_rumus", "Instansi", "instansi_rumus", "diagnosis_rumus", "cek_komponen", "cek_realisasi_rumus"]


def data_rumus(k: Konteks, kode: str, tahun: int, name: str) -> Any:
    """The data's realisasi or target of an IKU and year, as a formula uses it: the number of an
    angka or rentang realisasi, the word or level of the others (``BB``, ``9/9``); None if missing."""
    row = k.iku(kode, tahun)
    if row is None or name not in ("realisasi", "target"):
        return None
    if row["jenis"] == "angka" or (row["jenis"] == "rentang" and name == "realisasi"):
        v = row[f"{name}_nilai"]
        return float(v) if ada(v) else None
    return None if is_kosong(row[name]) else " ".join(str(row[name]).split())


def hitung_rumus(eq: Any, values: dict[str, Any]) -> Any:
    """The right-hand side with ``values``; None where it cannot be computed (a word where a number is
    needed, a division by zero, a score off its scale)."""
    try:
        return hitung(eq.kanan, values)
    except (ZeroDivisionError, TypeError, ValueError):
        return None


def sama_nilai(hasil: Any, acuan: Any, desimal: int = 2) -> bool:
    """A computed value against a reference: words as words, numbers at ``desimal`` decimals."""
    if hasil is None or acuan is None:
        return False
    if isinstance(hasil, str) or isinstance(acuan, str):
        return sama_kata(str(hasil), str(acuan))
    return cocok(Tercetak("", float(acuan), desimal), float(hasil))


def teks_nilai_rumus(x: Any, name: str = "") -> str:
    if isinstance(x, str):
        return x
    return teks_angka(float(x), 0 if float(x) == int(float(x)) else 2)


def rincian_nilai(values: dict[str, Any], tercetak: dict[str, Any] | None = None) -> str:
    """``a 1, b 2``; a value computed from its own parts in place of the one printed says so."""
    tercetak = tercetak or {}
    return ", ".join(f"{n} {teks_nilai_rumus(v)}" + (f" menurut rinciannya (tercetak {teks_nilai_rumus(tercetak[n])})" if n in tercetak else "")
                     for n, v in sorted(values.items()))


@dataclass
class Instansi:
    """One equation evaluated with one choice of figures: the printed parts (each from some table) and,
    for a realisasi or target, the data's value (the reference; a printed one may itself be wrong)."""

    eq: Any
    angka: dict[tuple[str, str], Tercetak]  # (tabel, name) -> the printed figure used
    nilai: dict[str, Any]
    hasil: Any  # what the right-hand side gives, or None
    kiri: Any  # the left side's value
    berlaku: bool
    galat: str = ""  # why it cannot be computed (a division by zero, a score off its scale)

    def teks(self, tabel: str) -> str:
        tables = sorted({t for t, _ in self.angka}, key=lambda t: (t == tabel, t))
        nama = ["tabel ini" if t == tabel else t for t in tables]
        where = "di " + daftar(nama)
        kiri_data = self.eq.kiri in ("realisasi", "target") and not any(n == self.eq.kiri for _, n in self.angka)
        acuan = (f"{self.eq.kiri} menurut data ({teks_nilai_rumus(self.kiri)})" if kiri_data
                 else f"{self.eq.kiri} yang dicetak ({teks_nilai_rumus(self.kiri)})")
        rincian = rincian_nilai({n: v for n, v in self.nilai.items() if n != self.eq.kiri})
        if self.galat:
            return f"Rumus {self.eq.teks} dengan angka {where} ({rincian}) tidak dapat dihitung: {self.galat}"
        hasil = teks_nilai_rumus(self.hasil) if isinstance(self.hasil, str) or float(self.hasil) == int(float(self.hasil)) \
            else teks_angka(float(self.hasil), 2)
        if self.berlaku:
            return f"Rumus {self.eq.teks} dengan angka {where} ({rincian}) memberi {hasil}, sama dengan {acuan}"
        return f"Rumus {self.eq.teks} dengan angka {where} ({rincian}) memberi {hasil}, bukan {acuan}"


def instansi_rumus(k: Konteks, kode: str, tahun: int) -> list[Instansi]:
    """Every equation of the IKU evaluated with every choice of the figures printed for its names."""
    eqs = list(k.ind.loc[kode, "persamaan"]) if kode in k.ind.index else []
    awal = f"komponen/{kode}/{tahun}/"
    cetak: dict[str, list[tuple[str, Tercetak]]] = {}
    for t, kk, q in zip(k.lap["tabel"], k.lap["kunci"], k.lap["_baca"]):
        if kk.startswith(awal) and q.nilai is not None:
            nama = kk[len(awal):]
            if all(t != t2 for t2, _ in cetak.get(nama, [])):
                cetak.setdefault(nama, []).append((t, q))
    out: list[Instansi] = []
    for eq in eqs:
        names = sorted(eq.nama | {eq.kiri})
        pilihan = []
        for n in names:
            data = data_rumus(k, kode, tahun, n) if n in ("realisasi", "target") and n not in cetak else None
            pilihan.append([(None, data)] if data is not None else [(t, q) for t, q in cetak.get(n, [])])
        if any(not p for p in pilihan):
            continue
        for combo in product(*pilihan):
            if len(out) > 2000:  # a formula printed in very many tables: enough to judge it
                break
            angka = {(t, n): q for n, (t, q) in zip(names, combo) if t is not None}
            nilai = {n: (q.nilai if t is not None else q) for n, (t, q) in zip(names, combo)}
            kiri = nilai[eq.kiri]
            try:
                hasil = hitung(eq.kanan, {n: v for n, v in nilai.items() if n in eq.nama})
            except ZeroDivisionError:
                out.append(Instansi(eq, angka, nilai, None, kiri, False, "pembagian dengan nol"))
                continue
            except ValueError as e:  # a score off its scale
                out.append(Instansi(eq, angka, nilai, None, kiri, False, str(e)))
                continue
            except TypeError:  # a word where a number is needed
                out.append(Instansi(eq, angka, nilai, None, kiri, False, "ada kata atau level di tempat angka"))
                continue
            if (None, eq.kiri) in [(t, n) for t, n in angka] or eq.kiri not in {n for _, n in angka}:
                # the left side is the data's: compared at the decimals the realisasi/target is printed with
                q = next((k.tercetak_di(t, f"{eq.kiri}/{kode}/{tahun}") for t, _ in angka
                          if k.tercetak_di(t, f"{eq.kiri}/{kode}/{tahun}") is not None), None)
                d = q.desimal if q is not None and q.angka is not None else 2
                berlaku = sama_nilai(hasil, kiri, max(d, 0))
            else:
                q = next(q for (t, n), q in angka.items() if n == eq.kiri)
                berlaku = sama_kata(str(q.nilai), str(hasil)) if isinstance(hasil, str) or q.angka is None else cocok(q, hasil)
            out.append(Instansi(eq, angka, nilai, hasil, kiri, berlaku))
    return out


def desimal_data(k: Konteks, kode: str, tahun: int, name: str) -> int:
    """The decimals the data's realisasi or target is written with (``85,83`` -> 2): the precision to compare at."""
    row = k.iku(kode, tahun)
    return desimal(str(row[name])) if row is not None and name in ("realisasi", "target") else 2


def konsisten(k: Konteks, kode: str, tahun: int, eqs: list, angka: dict[tuple[str, str], Tercetak],
               curiga: frozenset) -> bool:
    """Whether every equation can hold when the figures in ``curiga`` are taken as wrong (unknown).

    Each name takes the one value its other printed figures agree on (two different values: not
    consistent), the data's realisasi or target, or, when all its figures are suspect, what its own
    equation gives. A printed value its own equation gives more precisely (0,86 for 0,8583) is
    replaced by that value. An equation with a name still unknown can be made to hold."""
    nilai: dict[str, Any] = {}
    tercetak: dict[str, Tercetak] = {}
    for (t, n), q in angka.items():
        if (t, n) in curiga:
            continue
        if n in nilai and str(nilai[n]) != str(q.nilai) and not (
                q.angka is not None and ada(nilai[n]) and not isinstance(nilai[n], str) and cocok(q, nilai[n])):
            return False
        nilai.setdefault(n, q.nilai)
        tercetak.setdefault(n, q)
    acuan = {}
    for n in ("realisasi", "target"):
        data = data_rumus(k, kode, tahun, n)
        if data is not None and n not in nilai:
            nilai[n], acuan[n] = data, data
    for _ in range(len(eqs) + 1):  # what the equations give, until nothing changes
        berubah = False
        for eq in eqs:
            if not eq.nama <= set(nilai):
                continue
            hasil = hitung_rumus(eq, {n: nilai[n] for n in eq.nama})
            if hasil is None:
                continue
            if eq.kiri not in nilai:
                nilai[eq.kiri], berubah = hasil, True
            elif eq.kiri in tercetak and not isinstance(hasil, str) and tercetak[eq.kiri].angka is not None \
                    and cocok(tercetak[eq.kiri], hasil) and nilai[eq.kiri] != hasil:
                nilai[eq.kiri], berubah = hasil, True  # the printed value is this one, rounded
        if not berubah:
            break
    for eq in eqs:
        if not (eq.nama | {eq.kiri}) <= set(nilai):
            continue
        try:
            hasil = hitung(eq.kanan, {n: nilai[n] for n in eq.nama})
        except (ZeroDivisionError, TypeError, ValueError):
            return False
        kiri = nilai[eq.kiri]
        if eq.kiri in acuan:
            ok = sama_nilai(hasil, kiri, desimal_data(k, kode, tahun, eq.kiri))
        elif eq.kiri in tercetak and not isinstance(hasil, str) and tercetak[eq.kiri].angka is not None:
            ok = cocok(tercetak[eq.kiri], hasil)
        else:
            ok = sama_nilai(hasil, kiri, 4)
        if not ok:
            return False
    return True


def diagnosis_terkecil(k: Konteks, kode: str, tahun: int, eqs: list,
                        angka: dict[tuple[str, str], Tercetak]) -> list[frozenset]:
    """The smallest sets of printed figures that, taken as wrong, let every equation hold."""
    semua = sorted(angka)
    if len(semua) > 14:  # too many to search: judged one equation at a time (every figure of a failing one)
        return []
    for n in range(0, len(semua) + 1):
        found = [frozenset(c) for c in combinations(semua, n) if konsisten(k, kode, tahun, eqs, angka, frozenset(c))]
        if found:
            return found
    return []


def diagnosis_rumus(k: Konteks, kode: str, tahun: int) -> dict[tuple[str, str], Temuan]:
    """The verdict on every printed formula part of an IKU and year, from all its equations together.

    Each equation is evaluated with every choice of printed figures (realisasi
    and target from the data, the reference). A figure in an equation that
    holds is sesuai. The equations that fail are conflicts: one of their
    figures not already confirmed is wrong. The smallest sets of figures that
    explain every conflict decide: a figure in each of them is tidak sesuai; in
    some of them, one of several that cannot be told apart (tidak sesuai, the
    others named); in none, it is sesuai (the failure is another figure's).
    """
    key = (kode, tahun)
    if key in k.diagnosis:
        return k.diagnosis[key]
    inst = instansi_rumus(k, kode, tahun)
    benar = {f for i in inst if i.berlaku for f in i.angka}
    eqs = list(k.ind.loc[kode, "persamaan"]) if kode in k.ind.index else []
    angka = {f: q for i in inst for f, q in i.angka.items()}
    himpunan = diagnosis_terkecil(k, kode, tahun, eqs, angka)
    if not himpunan:  # not searched: every figure of a failing equation that no holding one confirms
        himpunan = [frozenset(f for i in inst if not i.berlaku for f in i.angka if f not in benar)]
    pasti = frozenset.intersection(*himpunan) if himpunan else frozenset()
    mungkin = frozenset().union(*himpunan) if himpunan else frozenset()
    out: dict[tuple[str, str], Temuan] = {}

    for f in {f for i in inst for f in i.angka}:
        tabel, nama = f
        sendiri = [i for i in inst if f in i.angka]
        # the most telling first: its own table alone, its own equation (it on the left), fewest figures
        urut = sorted(sendiri, key=lambda i: (set(t for t, _ in i.angka) != {tabel}, i.eq.kiri != nama, len(i.angka)))
        if f in benar and f not in mungkin:
            i = next(i for i in urut if i.berlaku)
            out[f] = Temuan(SESUAI, i.hasil, i.teks(tabel) + ".")
        elif f in mungkin:
            gagal = [i for i in urut if not i.berlaku]
            if not gagal:  # its equations hold, but another table prints it otherwise, and that one is right
                out[f] = Temuan(TIDAK_SESUAI, None, f"Nilai {nama} ini tidak sama dengan yang dicetak di tabel lain, dan "
                               "hanya dengan memperbaikinya semua rumus terpenuhi.", J_ANTAR_TABEL)
                continue
            i = gagal[0]
            if f in pasti:
                lain = [n for t, n in i.angka if (t, n) != f]
                ujung = (" Angka lain rumus ini sesuai, jadi angka ini yang salah." if all((t, n) in benar for t, n in i.angka
                                                                                      if (t, n) != f) and lain else
                         " Angka ini termasuk yang harus diperbaiki agar semua rumus terpenuhi.")
            else:
                calon = sorted({n if t == tabel else f"{n} di {t}" for h in himpunan for t, n in h
                                if any((t, n) in i.angka for i in gagal)}) or [nama]
                ujung = f" Salah satu dari {daftar(calon, 'atau')} salah; angka yang dicetak tidak menunjukkan yang mana."
            out[f] = Temuan(TIDAK_SESUAI, None if isinstance(i.hasil, str) else i.hasil, i.teks(tabel) + "." + ujung,
                           J_KOMPONEN)
        else:  # its equations fail, but the fewest wrong figures that explain every failure do not include it
            i = next((i for i in urut if not i.berlaku), urut[0])
            salah = sorted({n if t == tabel else f"{n} di {t}" for t, n in pasti}) or \
                sorted({n if t == tabel else f"{n} di {t}" for t, n in mungkin})
            if f in benar:  # and the failing one is a mix of tables or of rounded figures
                i = next(i for i in urut if i.berlaku)
                out[f] = Temuan(SESUAI, i.hasil, i.teks(tabel) + ".")
                continue
            sebab = f"dijelaskan oleh {daftar(salah, 'atau')} yang tidak sesuai" if salah else "hanya karena pembulatan angka yang dicetak"
            out[f] = Temuan(SESUAI, i.angka[f].nilai, f"{i.teks(tabel)}; selisih ini {sebab}, jadi angka ini "
                           "sendiri sesuai.")
    k.diagnosis[key] = out
    return out


def cek_komponen(k: Konteks, tabel: str, kunci: dict, p: Tercetak) -> Temuan:
    """A part of an IKU's formula (``rumus_komponen``), judged with all the equations of the IKU and all
    the parts printed for them (:func:`diagnosis_rumus`). The same part printed with another value
    elsewhere is named; it alone decides only where no equation can be evaluated."""
    kode, tahun, nama = kunci["iku"], int(kunci["tahun"]), kunci["nama"]
    lain = [(t, q) for t, q in k.tercetak(f"komponen/{kode}/{tahun}/{nama}") if t != tabel]
    beda = [(t, q) for t, q in lain if str(q.nilai) != str(p.nilai)]
    agreed = [t for t, q in lain if str(q.nilai) == str(p.nilai)]
    catatan_beda = "".join(f" Di {t} komponen ini dicetak {q.teks}." for t, q in beda)
    res = diagnosis_rumus(k, kode, tahun).get((tabel, nama))
    if res is not None:
        extra = f" Sama dengan nilai yang dicetak di {', '.join(agreed)}." if agreed and res.status == SESUAI else ""
        return Temuan(res.status, res.nilai_hitung, res.penjelasan + extra + catatan_beda, res.jenis, res.selisih)
    if beda:
        t, q = beda[0]
        return Temuan(TIDAK_SESUAI, q.nilai, f"Komponen {nama} dicetak {p.teks} di sini tetapi {q.teks} di {t}.", J_ANTAR_TABEL)
    if agreed:
        return Temuan(SESUAI, p.nilai, f"Sama dengan nilai yang dicetak di {', '.join(agreed)}.")
    eqs = list(k.ind.loc[kode, "persamaan"]) if kode in k.ind.index else []
    used = [eq for eq in eqs if nama in eq.nama or eq.kiri == nama]
    if used:
        kosong = sorted({n for eq in used for n in eq.nama | {eq.kiri}
                         if not k.tercetak(f"komponen/{kode}/{tahun}/{n}")
                         and not (n in ("realisasi", "target") and data_rumus(k, kode, tahun, n) is not None)})
        sebab = (f"{', '.join(kosong)} tidak dicetak" + (" dan tidak ada di data" if set(kosong) & {"realisasi", "target"} else "")
                 if kosong else "rumusnya tidak dapat dihitung")
        return Temuan(TIDAK_DAPAT, None, f"Angka ini bagian dari rumus {'; '.join(eq.teks for eq in used)}, tetapi {sebab}.")
    return Temuan(TIDAK_DAPAT, None, "Tidak ada rumus komponen atau tabel lain untuk membandingkan angka ini.")


def cek_realisasi_rumus(k: Konteks, tabel: str, kunci: dict, p: Tercetak, res: Temuan) -> Temuan:
    """A printed realisasi that equals the data, against its formula over the parts printed in the same table.

    The realisasi stays "sesuai": where the parts do not give it, the parts are
    wrong, and their own findings say so; this one says where to look.
    """
    kode, tahun = kunci["iku"], int(kunci["tahun"])
    if kode not in k.ind.index:
        return res
    for eq in k.ind.loc[kode, "persamaan"]:
        if eq.kiri != "realisasi":
            continue
        values = {}
        for name in eq.nama:
            q = k.tercetak_di(tabel, f"komponen/{kode}/{tahun}/{name}")
            values[name] = None if q is None else q.nilai
        if not values or any(v is None for v in values.values()):
            continue
        want = hitung_rumus(eq, values)
        if want is None:
            continue
        shown = teks_nilai_rumus(want) if isinstance(want, str) or p.angka is None else \
            (teks_persen(want, max(p.desimal, 0)) if p.persen else teks_angka(want, max(p.desimal, 0)))
        if sama_nilai(want, p.nilai if p.angka is None else p.angka, max(p.desimal, 0)):
            res.penjelasan += f" Rumus {eq.teks} dengan {rincian_nilai(values)} (tabel ini) memberi {shown}."
        else:
            res.penjelasan += (f" Namun rumus {eq.teks} dengan angka di tabel ini ({rincian_nilai(values)}) memberi {shown}: "
                               "komponen yang dicetak di tabel ini tidak konsisten (lihat temuan komponennya).")
    return res
