"""The reviu of a figure printed as a claim (``di atas 90 %``, ``sekurang-kurangnya 75``): the value the
figure's own check computes, and whether it satisfies the claim (:mod:`lakip.core.klaim`)."""

from __future__ import annotations

from collections.abc import Callable

from lakip.core.klaim import Klaim
from lakip.core.numbers import ada, bulat, format_angka, format_rupiah
from lakip.core.vocabulary import SEMUA_SASARAN
from lakip.reviu.context import J_KLAIM, SESUAI, TIDAK_DAPAT, TIDAK_SESUAI, Temuan, Konteks
from lakip.reviu.printed import KUNCI_RUPIAH, Tercetak

__all__ = ["nilai_klaim", "cek_klaim"]

#: What the computed value of each kind of key is, in a sentence.
_APA = {
    "target": "target PK", "realisasi": "realisasi", "capaian": "capaian", "perubahan_pp": "perubahan capaian",
    "capaian_sasaran": "capaian sasaran", "rata_rata": "rata-rata capaian IKU terukur", "jumlah_iku": "jumlah IKU",
    "pagu": "pagu", "realisasi_anggaran": "realisasi anggaran", "serapan": "serapan anggaran",
    "pagu_iku": "pagu", "realisasi_anggaran_iku": "realisasi anggaran", "serapan_iku": "capaian anggaran",
    "efisiensi": "efisiensi", "jumlah_capaian": "jumlah capaian", "jumlah_sasaran": "jumlah sasaran",
    "ikm": "IKM", "nrr": "NRR", "nilai_akip": "nilai AKIP", "komponen_akip": "nilai komponen",
}
_PERSEN = frozenset({"capaian", "capaian_sasaran", "rata_rata", "persen_kategori", "serapan", "serapan_iku", "jumlah_capaian"})
_CACAH = frozenset({"jumlah_iku", "jumlah_kategori", "jumlah_sasaran"})

#: The figure the check is asked about to learn the value it computes: a number that matches nothing
#: (NaN, written as no number nor range), so that no check takes it as right, nor finds what produced it.
_TANYA = Tercetak("?", float("nan"), 2)


def nilai_klaim(k: Konteks, tabel: str, kunci: dict, cek: Callable[..., Temuan]) -> Temuan:
    """The value the check ``cek`` of a key computes (``nilai_hitung``), asked with a figure that matches nothing;
    a finding ``tidak dapat dihitung`` keeps its reason."""
    return cek(k, tabel, kunci, _TANYA)


def _teks_nilai(jenis: str, x: float, klaim: Klaim) -> str:
    """The computed value the Indonesian way, in the figure's unit, with enough decimals to show on which side
    of the claim's bound it lies (90,004 is not printed as the bound 90,00)."""
    if jenis in KUNCI_RUPIAH:
        return format_rupiah(x)
    d = 0 if jenis in _CACAH and float(x).is_integer() else 2
    while d < 6 and x != klaim.batas and bulat(x, d) == bulat(klaim.batas, d):
        d += 1
    s = format_angka(x, d)
    if jenis == "perubahan_pp":
        return f"{s} pp"
    return f"{s} %" if jenis in _PERSEN or klaim.persen else s


def cek_klaim(k: Konteks, tabel: str, kunci: dict, klaim: Klaim, cek: Callable[..., Temuan]) -> Temuan:
    """A claim judged against the value the figure's check computes: sesuai when the value satisfies it; when
    not, the finding says the value. A figure whose value is not a number (a word, a level, a formula part)
    cannot be judged as a claim."""
    jenis = kunci["jenis"]
    if jenis == "komponen":
        return Temuan(TIDAK_DAPAT, None, f"Klaim '{klaim.teks}' tidak dapat diperiksa: bagian rumus dibandingkan dengan angka "
                                         "yang dicetak, bukan dihitung dari data.")
    res = nilai_klaim(k, tabel, kunci, cek)
    if res.status == TIDAK_DAPAT:
        return Temuan(TIDAK_DAPAT, None, res.penjelasan)
    x = res.nilai_hitung
    apa = _APA.get(jenis, "nilai")
    if jenis in ("jumlah_kategori", "persen_kategori"):
        apa = f"{'jumlah' if jenis == 'jumlah_kategori' else 'persentase'} IKU {kunci['kategori']}"
    elif jenis == "jumlah_capaian":
        apa = "jumlah capaian " + ("seluruh IKU" if kunci["sasaran"] == SEMUA_SASARAN else f"IKU sasaran {kunci['sasaran']}")
    if isinstance(x, str):
        return Temuan(TIDAK_DAPAT, x, f"Klaim '{klaim.teks}' tidak dapat diperiksa: {apa} menurut data {x}, bukan angka.")
    if x is None or not ada(float(x)):
        return Temuan(TIDAK_SESUAI, None, f"Klaim '{klaim.teks}' tidak terpenuhi: {apa} belum dapat diukur menurut data.", J_KLAIM)
    x = float(x)
    dinilai = x
    if jenis == "efisiensi" and klaim.persen and k.pilihan.metode_efisiensi == "rasio":
        dinilai = x * 100  # a ratio claimed as a percent (di atas 90 % for 0,93)
    nilai = _teks_nilai(jenis, dinilai, klaim)
    if klaim.berlaku(dinilai):
        return Temuan(SESUAI, x, f"Klaim '{klaim.teks}' terpenuhi: {apa} menurut data {nilai}.")
    return Temuan(TIDAK_SESUAI, x, f"Klaim '{klaim.teks}' tidak terpenuhi: {apa} menurut data {nilai}, {klaim.letak(dinilai)} "
                                   f"{klaim.teks_batas}.", J_KLAIM)
