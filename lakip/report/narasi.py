"""Indonesian sentences built from the numbers (the text of Bab III and Bab IV).

Pure functions, no I/O. Each sentence says only what the numbers support:
a capaian that fell is "turun", never "meningkat"; an IKU that cannot be
measured is "belum dapat diukur", never a number, and is left out of every
mean and count; no comparison is made with a year that is not measurable.
Changes between years are in percentage points ("poin persentase"), computed
from the exact capaian and rounded only when written. Numbers are written the
Indonesian way (``85,83 %``, ``Rp 64.440.768.486``) through
:mod:`lakip.core.numbers`; counts are written as digits with the word in brackets,
``4 (empat) IKU``, as the seed report does.

Two layers: functions that take plain values (``kalimat_perubahan``,
``paragraf_iku``, ``teks_sasaran``, ``teks_ringkasan``, ``teks_anggaran``,
``teks_efisiensi``), testable with hand-made numbers, and functions that take
the :class:`~lakip.core.tables.Analisis` of a unit-year and read its tables
(``paragraf_sasaran``, ``paragraf_ringkasan``,
``paragraf_anggaran``, ``paragraf_efisiensi``).
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

import pandas as pd

from lakip.core import budget
from lakip.core.config import BELUM_TERUKUR, Skala
from lakip.core.numbers import ada, bulat, format_angka, format_persen, format_rupiah, persen_sisa_terbesar, tidak_ada, untuk_banding
from lakip.core.tables import Analisis
from lakip.core.teks import daftar
from lakip.report.display import keterangan_efisiensi, teks_nilai
from lakip.report.metode import catatan_skala, teks_batas_iku, teks_metode  # the method, in narasi's words too

__all__ = [
    "terbilang",
    "jumlah_kata",
    "persen_sisa_terbesar",
    "kalimat_perubahan",
    "paragraf_iku",
    "teks_sasaran",
    "teks_ringkasan",
    "teks_anggaran",
    "teks_efisiensi",
    "teks_metode",
    "teks_batas_iku",
    "catatan_skala",
    "paragraf_capaian",
    "paragraf_sasaran",
    "paragraf_ringkasan",
    "paragraf_anggaran",
    "paragraf_efisiensi",
]

# --------------------------------------------------------------------------- numbers in words

_SATUAN = ("nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan",
           "sepuluh", "sebelas")
_BESAR = ((10**12, "triliun"), (10**9, "miliar"), (10**6, "juta"), (10**3, "ribu"))


def terbilang(n: int) -> str:
    """A whole number in Indonesian words: ``0 -> 'nol'``, ``115 -> 'seratus lima belas'``.

    Works from 0 to 999.999.999.999.999 (below a thousand triliun); uses
    ``sebelas``, ``seratus`` and ``seribu`` as Indonesian does. A negative
    number is preceded by ``minus``.
    """
    if isinstance(n, bool) or int(n) != n:
        raise ValueError(f"terbilang: {n!r} bukan bilangan bulat")
    n = int(n)
    if n < 0:
        return "minus " + terbilang(-n)
    if n >= 10**15:
        raise ValueError(f"terbilang: {n} terlalu besar (paling besar 999.999.999.999.999)")
    if n < 12:
        return _SATUAN[n]
    if n < 20:
        return f"{_SATUAN[n - 10]} belas"
    if n < 100:
        puluh, sisa = divmod(n, 10)
        return f"{_SATUAN[puluh]} puluh" + (f" {_SATUAN[sisa]}" if sisa else "")
    if n < 1000:
        ratus, sisa = divmod(n, 100)
        kepala = "seratus" if ratus == 1 else f"{_SATUAN[ratus]} ratus"
        return kepala + (f" {terbilang(sisa)}" if sisa else "")
    for besar, nama in _BESAR:
        if n >= besar:
            kepala, sisa = divmod(n, besar)
            awal = "seribu" if (besar == 1000 and kepala == 1) else f"{terbilang(kepala)} {nama}"
            return awal + (f" {terbilang(sisa)}" if sisa else "")
    raise AssertionError("unreachable")  # pragma: no cover


def jumlah_kata(n: int, benda: str = "") -> str:
    """A count as the seed writes it: ``jumlah_kata(4, 'IKU') -> '4 (empat) IKU'``."""
    s = f"{format_angka(int(n), 0)} ({terbilang(int(n))})"
    return f"{s} {benda}" if benda else s


# --------------------------------------------------------------------------- percents that add up


def _desimal(d: Decimal) -> str:
    """A Decimal as Indonesian text with its own decimals: ``Decimal('66.67') -> '66,67'``."""
    return format_angka(float(d), max(0, -d.as_tuple().exponent))


# --------------------------------------------------------------------------- one IKU


def _dengan_satuan(nilai: object, satuan: str | None, desimal: object = None) -> str:
    """A target or realisasi for a sentence: ``85,83 %`` for a percent, ``9,92``, ``9/9``, ``Tinggi``; a number
    with ``desimal`` decimals, the data's (:func:`lakip.report.display.teks_nilai`)."""
    s = teks_nilai(nilai, desimal)
    if not tidak_ada(nilai) and isinstance(nilai, (int, float)) and str(satuan or "").strip().lower() in {"persen", "%"}:
        return f"{s} %"
    return s


def kalimat_perubahan(kini: float | None, lalu: float | None, tahun_lalu: int, desimal: int = 2,
                      ada_lalu: bool = True) -> str:
    """The change of capaian against an earlier year, in percentage points.

    ``naik 5,08 poin persentase dari 97,19 % pada tahun 2023 menjadi 102,27 %``,
    ``turun ...``, ``tetap 100,00 %, sama dengan tahun 2023``. The change is
    computed from the exact values and rounded once; a change that rounds to
    0 but is not 0 is said to be less than one unit of the last decimal.
    When either year is not measurable, no comparison is made and the
    sentence says why (``ada_lalu=False``: the earlier year is not in the
    data). Returns a clause without a capital or a full stop.
    """
    if not ada_lalu:
        return f"data tahun {tahun_lalu} tidak tersedia, sehingga capaian belum dapat dibandingkan"
    if tidak_ada(kini):
        return f"capaian tahun ini belum dapat diukur, sehingga tidak dibandingkan dengan tahun {tahun_lalu}"
    if tidak_ada(lalu):
        return (f"capaian tahun {tahun_lalu} belum dapat diukur, sehingga perubahan terhadap tahun "
                f"{tahun_lalu} tidak dapat dihitung")
    kini, lalu = float(kini), float(lalu)
    beda = kini - lalu
    if untuk_banding(beda) == 0:  # equal values computed two ways differ in the last bits
        return f"tetap {format_persen(kini, desimal)}, sama dengan tahun {tahun_lalu}"
    arah = "naik" if beda > 0 else "turun"
    besar = bulat(abs(beda), desimal)
    if besar == 0:
        kecil = format_angka(float(Decimal(1).scaleb(-desimal)), desimal)
        besar_teks = f"kurang dari {kecil}"
    else:
        besar_teks = format_angka(abs(beda), desimal)
    return (f"{arah} {besar_teks} poin persentase dari {format_persen(lalu, desimal)} pada tahun {tahun_lalu} "
            f"menjadi {format_persen(kini, desimal)}")


def _terhadap_target(capaian: float) -> str:
    if abs(capaian - 100.0) < 1e-9:
        return "tepat mencapai target"
    return "melampaui target" if capaian > 100.0 else "belum mencapai target"


def paragraf_iku(
    indikator: str,
    tahun: int,
    capaian: float | None,
    kategori: str | None,
    target: object,
    realisasi: object,
    satuan: str | None = None,
    kode: str | None = None,
    capaian_lalu: float | None = None,
    kategori_lalu: str | None = None,
    tahun_lalu: int | None = None,
    ada_lalu: bool = True,
    catatan: str | None = None,
    desimal: int = 2,
    capaian_tanpa_batas: float | None = None,
    desimal_target: int | None = None,
    desimal_realisasi: int | None = None,
) -> str:
    """The sentences on one IKU: capaian with its kategori, realisasi against
    target, and the change against the year before.

    ``capaian``/``capaian_lalu`` None or NaN mean "belum dapat diukur";
    ``ada_lalu`` False means the year before is not in the data at all;
    ``catatan`` is the reason an IKU cannot be measured (from the scoring);
    ``capaian_tanpa_batas`` is the capaian before ``batas_capaian_iku``: where it
    is higher than ``capaian`` the sentence says so.
    ``desimal`` is that of the capaian; ``desimal_target`` and ``desimal_realisasi``
    those the data writes a number target and realisasi with (default: their
    shortest form, ``82,5``, ``9``).
    """
    nama = f"{indikator} ({kode})" if kode else indikator
    tahun_lalu = tahun - 1 if tahun_lalu is None else tahun_lalu
    target_teks = _dengan_satuan(target, satuan, desimal_target)
    if tidak_ada(capaian):
        sebab = f" ({catatan})" if catatan else ""
        out = [f"Capaian indikator {nama} tahun {tahun} {BELUM_TERUKUR}{sebab}, dengan target {target_teks}."]
        tidak = f"Indikator ini tidak ikut dihitung dalam rata-rata capaian dan dalam jumlah IKU per kategori tahun {tahun}"
        out.append(tidak + (f", dan tidak dibandingkan dengan tahun {tahun_lalu}." if ada_lalu else "."))
        if ada_lalu and not tidak_ada(capaian_lalu):
            kat = f" (kategori {kategori_lalu})" if kategori_lalu else ""
            out.append(f"Capaian tahun {tahun_lalu} tercatat {format_persen(float(capaian_lalu), desimal)}{kat}.")
        elif ada_lalu:
            out.append(f"Capaian tahun {tahun_lalu} juga {BELUM_TERUKUR}.")
        return " ".join(out)
    capaian = float(capaian)
    dibatasi = not tidak_ada(capaian_tanpa_batas) and float(capaian_tanpa_batas) > capaian
    batas = (f" (capaian {format_persen(float(capaian_tanpa_batas), desimal)} dibatasi paling tinggi "
             f"{format_persen(capaian, 0 if capaian.is_integer() else desimal)})") if dibatasi else ""
    out = [f"Capaian indikator {nama} tahun {tahun} sebesar {format_persen(capaian, desimal)}{batas} dengan kategori "
           f"{kategori}, dari realisasi {_dengan_satuan(realisasi, satuan, desimal_realisasi)} terhadap target "
           f"{target_teks} ({_terhadap_target(float(capaian_tanpa_batas) if dibatasi else capaian)})."]
    perubahan = kalimat_perubahan(capaian, capaian_lalu, tahun_lalu, desimal, ada_lalu)
    if ada_lalu and not tidak_ada(capaian_lalu):
        kalimat = f"Capaian {perubahan}"
        if kategori_lalu and kategori and kategori_lalu != kategori:
            kalimat += f", sehingga kategori berubah dari {kategori_lalu} menjadi {kategori}"
        elif kategori_lalu and kategori and float(capaian_lalu) != capaian:
            # after a fall the IKU is still ("masih") in its kategori; after a rise it stays ("tetap")
            kalimat += (f", namun masih dalam kategori {kategori}" if capaian < float(capaian_lalu)
                        else f", dan tetap dalam kategori {kategori}")
        out.append(kalimat + ".")
    else:
        out.append(perubahan[:1].upper() + perubahan[1:] + ".")
    return " ".join(out)


# --------------------------------------------------------------------------- one sasaran


def teks_sasaran(
    nomor: int,
    sasaran: str,
    tahun: int,
    jumlah_iku: int,
    jumlah_terukur: int,
    capaian: float | None,
    kategori: str | None,
    desimal: int = 2,
) -> str:
    """The opening sentence of a sasaran's section: its IKU and its capaian (mean of measured IKU)."""
    awal = f"Sasaran strategis {nomor}, {sasaran}, memiliki {jumlah_kata(jumlah_iku, 'indikator kinerja utama')}"
    belum = jumlah_iku - jumlah_terukur
    if jumlah_terukur == 0 or tidak_ada(capaian):
        return (f"{awal}; capaian sasaran tahun {tahun} {BELUM_TERUKUR} karena belum ada indikatornya "
                f"yang dapat diukur.")
    if jumlah_iku == 1:
        dasar = "sama dengan capaian indikatornya"
    else:
        dasar = f"rata-rata capaian {jumlah_kata(jumlah_terukur, 'IKU')} yang terukur"
        if belum:
            dasar += f"; {jumlah_kata(belum, 'IKU')} {BELUM_TERUKUR} dan tidak ikut dihitung"
    return (f"{awal}; capaian sasaran tahun {tahun} sebesar {format_persen(float(capaian), desimal)} dengan "
            f"kategori {kategori} ({dasar}).")


# --------------------------------------------------------------------------- Bab IV


def _teks_rata_rata(nama: str, tahun: int, jumlah_iku: int, terukur: int, rata_rata: float | None,
                    belum_terukur: Sequence[str], kategori_rata_rata: str | None, desimal: int) -> str:
    """How many IKU were measured, and the mean of the measured ones."""
    belum = jumlah_iku - terukur
    if belum < 0 or (belum_terukur and belum != len(belum_terukur)):
        raise ValueError("jumlah IKU tidak sama dengan IKU terukur ditambah yang belum dapat diukur")
    out = [f"Hasil pengukuran kinerja {nama} tahun {tahun} atas {jumlah_kata(jumlah_iku, 'Indikator Kinerja Utama (IKU)')}"]
    if belum:
        nama_belum = f" ({daftar(belum_terukur)})" if belum_terukur else ""
        out[0] += (f": {jumlah_kata(terukur, 'IKU')} dapat diukur dan {jumlah_kata(belum, 'IKU')} "
                   f"{BELUM_TERUKUR}{nama_belum}.")
    else:
        out[0] += ": seluruh IKU dapat diukur."
    if terukur == 0 or tidak_ada(rata_rata):
        out.append(f"Karena belum ada IKU yang dapat diukur, rata-rata capaian dan sebaran kategori tahun {tahun} "
                   f"belum dapat disajikan.")
        return " ".join(out)
    kat = f" dengan kategori {kategori_rata_rata}" if kategori_rata_rata else ""
    dasar = "seluruh IKU" if not belum else f"{jumlah_kata(terukur, 'IKU')} yang terukur"
    kalimat = f"Rata-rata capaian {dasar} sebesar {format_persen(float(rata_rata), desimal)}{kat}"
    if belum:
        kalimat += f"; IKU yang {BELUM_TERUKUR} tidak ikut dihitung dalam rata-rata ini"
    out.append(kalimat + ".")
    return " ".join(out)


def teks_ringkasan(
    nama: str,
    tahun: int,
    jumlah_iku: int,
    rata_rata: float | None,
    per_kategori: Sequence[tuple[str, int]],
    belum_terukur: Sequence[str] = (),
    kategori_rata_rata: str | None = None,
    rata_rata_sasaran: float | None = None,
    jumlah_sasaran_terukur: int | None = None,
    desimal: int = 2,
) -> str:
    """The summary of Bab IV from plain values.

    ``per_kategori`` lists (kategori, number of measured IKU) from the
    highest kategori down; ``belum_terukur`` names the IKU that cannot be
    measured. The percents are of the measured IKU, by
    :func:`persen_sisa_terbesar`, so they add up to exactly 100.
    """
    terukur = sum(int(j) for _, j in per_kategori)
    belum = jumlah_iku - terukur
    out = [_teks_rata_rata(nama, tahun, jumlah_iku, terukur, rata_rata, belum_terukur, kategori_rata_rata, desimal)]
    if terukur == 0 or tidak_ada(rata_rata):
        return out[0]
    if not tidak_ada(rata_rata_sasaran) and jumlah_sasaran_terukur:
        out.append(f"Rata-rata capaian {jumlah_kata(jumlah_sasaran_terukur, 'sasaran strategis')} yang terukur, "
                   f"sebagai pembanding, sebesar {format_persen(float(rata_rata_sasaran), desimal)}.")
    persen = persen_sisa_terbesar([j for _, j in per_kategori], desimal)
    ada = [f"{jumlah_kata(j, 'IKU')} ({_desimal(p)} %) pada kategori {k}"
           for (k, j), p in zip(per_kategori, persen) if j]
    dari = "Dari seluruh IKU" if not belum else f"Dari {jumlah_kata(terukur, 'IKU')} yang terukur"
    out.append(f"{dari}, {daftar(ada)}; persentase dihitung terhadap {jumlah_kata(terukur, 'IKU')} "
               f"yang terukur sehingga berjumlah {_desimal(sum(persen))} %.")
    nol = [k for k, j in per_kategori if not j]
    if nol:
        out.append(f"Tidak ada IKU pada kategori {daftar(nol)}.")
    return " ".join(out)


# --------------------------------------------------------------------------- Bab III B, efficiency


def teks_anggaran(
    nama: str,
    tahun: int,
    program: Sequence[tuple[str, float | None, float | None]],
    desimal: int = 2,
) -> str:
    """Budget realisation of the programs (Bab III B) from (uraian, pagu, realisasi) per program."""
    if not program:
        return f"Data anggaran {nama} tahun {tahun} belum tersedia, sehingga realisasi anggaran belum dapat disajikan."
    pagu, real = budget.total([p for _, p, _ in program], [r for _, _, r in program])
    out = f"Anggaran {nama} tahun {tahun} sebesar {format_rupiah(pagu)}"
    if ada(budget.persen_serapan(real, pagu)):
        out += f" dengan realisasi {format_rupiah(real)} atau {format_persen(budget.persen_serapan(real, pagu), desimal)}"
    elif tidak_ada(real):
        out += ", dengan realisasi yang belum lengkap"
    bagian = []
    serapan = []
    for uraian, p, r in program:
        s = f"{uraian} sebesar {format_rupiah(p)}"
        sp = budget.persen_serapan(r, p)
        if ada(sp):
            serapan.append((sp, uraian))
            s += f" dengan realisasi {format_rupiah(r)} ({format_persen(sp, desimal)})"
        elif tidak_ada(r):
            s += " (realisasi belum tersedia)"
        bagian.append(s)
    out += f", terdiri atas {jumlah_kata(len(program), 'program')}: " + "; ".join(bagian) + "."
    if len(serapan) > 1:
        hi = max(serapan, key=lambda t: t[0])
        lo = min(serapan, key=lambda t: t[0])
        if bulat(hi[0], desimal) != bulat(lo[0], desimal):
            out += (f" Capaian realisasi tertinggi pada {hi[1]} ({format_persen(hi[0], desimal)}) dan terendah pada "
                    f"{lo[1]} ({format_persen(lo[0], desimal)}).")
    return out


_STATUS_EFISIENSI = ("efisien", "cukup efisien", "tidak efisien")


def teks_efisiensi(tahun: int, metode: str, status: Sequence[str]) -> str:
    """How many IKU are efficient by the unit's method; those that cannot be judged are said apart."""
    s = [str(x) for x in status]
    if not s:
        return f"Data anggaran per IKU tahun {tahun} belum tersedia, sehingga efisiensi belum dapat dinilai."
    dinilai = [x for x in s if x in _STATUS_EFISIENSI]
    lain = len(s) - len(dinilai)
    out = [keterangan_efisiensi(metode)]
    if dinilai:
        parts = [f"{jumlah_kata(dinilai.count(st), 'IKU')} {st}" for st in _STATUS_EFISIENSI if dinilai.count(st)]
        out.append(f"Dari {jumlah_kata(len(dinilai), 'IKU')} yang dapat dinilai pada tahun {tahun}, {daftar(parts)}.")
    if lain:
        sebab = sorted(set(x for x in s if x not in _STATUS_EFISIENSI))
        out.append(f"Sebanyak {jumlah_kata(lain, 'IKU')} belum dapat dinilai (status: {', '.join(sebab)}).")
    return " ".join(out)


# --------------------------------------------------------------------------- from the analysis of a unit-year


def _kategori(skala: Skala, nilai: float | None) -> str | None:
    return None if tidak_ada(nilai) else skala.kategori(float(nilai))


def paragraf_sasaran(a: Analisis, desimal: int = 2) -> dict[str, str]:
    """One paragraph per sasaran strategis (the text under its table in Bab III A).

    Returns ``{sasaran_kode: paragraph}`` in the order of ``indikator.csv``:
    the sasaran's capaian, then for each of its IKU the capaian with its
    kategori, realisasi against target and the change against the year before.
    """
    tahun, iku, sas = a.tahun, a.capaian_iku, a.capaian_sasaran
    lalu = a.perbandingan
    lalu = lalu[lalu["tahun"] == tahun - 1].set_index("kode")
    # numbered as the report numbers the year's sasaran (one that has no IKU that year is not counted)
    nomor = {k: i + 1 for i, k in enumerate(sas["sasaran_kode"])}
    out: dict[str, str] = {}
    for _, s in sas.iterrows():
        kal = [teks_sasaran(nomor[s["sasaran_kode"]], s["sasaran"], tahun, int(s["jumlah_iku"]),
                            int(s["jumlah_terukur"]), s["capaian"], None if tidak_ada(s["kategori"]) else str(s["kategori"]),
                            desimal)]
        for _, r in iku[iku["sasaran_kode"] == s["sasaran_kode"]].iterrows():
            ada_lalu = r["kode"] in lalu.index
            cap_lalu = lalu.at[r["kode"], "capaian"] if ada_lalu else None
            catatan = None if tidak_ada(r["catatan"]) or not str(r["catatan"]).strip() else str(r["catatan"])
            kal.append(paragraf_iku(
                indikator=r["indikator"], tahun=tahun, capaian=r["capaian"],
                kategori=None if tidak_ada(r["kategori"]) else str(r["kategori"]),
                target=r["target"], realisasi=r["realisasi"], satuan=r["satuan"], kode=r["kode"],
                capaian_lalu=cap_lalu, kategori_lalu=_kategori(a.pilihan.skala, cap_lalu),
                tahun_lalu=tahun - 1, ada_lalu=ada_lalu, catatan=catatan, desimal=desimal,
                capaian_tanpa_batas=r.get("capaian_tanpa_batas"),
                desimal_target=r.get("target_desimal"), desimal_realisasi=r.get("realisasi_desimal"),
            ))
        out[s["sasaran_kode"]] = " ".join(kal)
    return out


def _belum_terukur(iku: pd.DataFrame) -> list[str]:
    return [f"{k} {n}" for k, n, c in zip(iku["kode"], iku["indikator"], iku["capaian"]) if tidak_ada(c)]


def paragraf_capaian(a: Analisis, desimal: int = 2) -> str:
    """The text under the capaian table of all IKU: how many were measured, and their mean."""
    r = a.ringkasan
    mean = r["capaian"]["rata_rata_iku"]
    return _teks_rata_rata(a.unit.nama, a.tahun, int(r["jumlah"]["iku"]), int(r["jumlah"]["iku_terukur"]), mean,
                           _belum_terukur(a.capaian_iku), _kategori(a.pilihan.skala, mean), desimal)


def paragraf_ringkasan(a: Analisis, desimal: int = 2) -> str:
    """The summary paragraph of Bab IV: IKU measured, the mean of the measured IKU, IKU per kategori."""
    r, dist = a.ringkasan, a.distribusi
    per_kat = [(str(k), int(j)) for k, j in zip(dist["kategori"], dist["jumlah"]) if k != BELUM_TERUKUR]
    mean = r["capaian"]["rata_rata_iku"]
    return teks_ringkasan(
        nama=a.unit.nama, tahun=a.tahun, jumlah_iku=int(r["jumlah"]["iku"]), rata_rata=mean, per_kategori=per_kat,
        belum_terukur=_belum_terukur(a.capaian_iku), kategori_rata_rata=_kategori(a.pilihan.skala, mean),
        rata_rata_sasaran=r["capaian"]["rata_rata_sasaran"], jumlah_sasaran_terukur=int(r["jumlah"]["sasaran_terukur"]),
        desimal=desimal,
    )


def paragraf_anggaran(a: Analisis, desimal: int = 2) -> str:
    """The text of Bab III B: pagu and realisasi of each program and of their total."""
    ang = a.anggaran
    prog = budget.puncak(ang, "program")
    rows = [(str(u), None if tidak_ada(p) else float(p), None if tidak_ada(r) else float(r))
            for u, p, r in zip(prog["uraian"], prog["pagu"], prog["realisasi"])]
    lain = sorted(set(budget.puncak(ang)["tingkat"].astype(str)) - {"program"})
    if not rows and lain:  # a budget without its program tree (only the unit's divisions, say)
        return (f"Data anggaran per program {a.unit.nama} tahun {a.tahun} belum tersedia, sehingga realisasi anggaran per "
                f"program belum dapat disajikan; data anggaran yang ada disusun per "
                f"{daftar([a.unit.unit_kerja if t == 'bagian' else t.capitalize() for t in lain])}.")
    return teks_anggaran(a.unit.nama, a.tahun, rows, desimal)


def teks_tanpa_perbandingan(tahun: int) -> str:
    """Where a report would compare the years: no year before ``tahun`` in the data."""
    return (f"Data kinerja sebelum tahun {tahun} belum tersedia, sehingga perbandingan capaian dengan "
            f"tahun sebelumnya belum dapat disajikan.")


def paragraf_efisiensi(a: Analisis) -> str:
    """The text under the efficiency table: the method, and how many IKU are efficient."""
    return teks_efisiensi(a.tahun, a.pilihan.metode_efisiensi, list(a.efisiensi["status"]))
