"""How the numbers were computed, in words: the method sentence of Bab III, the cap on each
IKU's capaian (``batas_capaian_iku``) and the note under the table of the rating scale.

Each says only the rules the unit chose (:class:`lakip.core.config.Pilihan`); the cap on each
IKU is said only where the unit has one, so a unit without it reads as before.
"""

from __future__ import annotations

from lakip.core.config import BELUM_TERUKUR, Pilihan
from lakip.core.numbers import format_persen

__all__ = ["teks_batas_iku", "catatan_skala", "teks_metode"]


def teks_batas_iku(pilihan: Pilihan, singkat: bool = False) -> str | None:
    """The cap on each IKU's capaian (``batas_capaian_iku``) in words; None when the unit has none.

    ``singkat``: the clause for a table's note; otherwise the sentence of the method.
    """
    b = pilihan.batas_capaian_iku
    if b is None:
        return None
    batas = format_persen(b, 0)
    if singkat:
        return f"capaian setiap IKU dibatasi paling tinggi {batas}"
    return (f"Capaian setiap IKU dibatasi paling tinggi {batas}: capaian yang lebih tinggi ditampilkan, diberi "
            f"kategori dan dihitung dalam rata-rata sebagai {batas}.")


def catatan_skala(pilihan: Pilihan) -> str:
    """The note under the table of the rating scale: which bound belongs to a class, and what happens above 100 %."""
    bawah = ("batas bawah setiap kelas termasuk dalam kelas itu" if pilihan.skala.inklusif
             else "batas bawah setiap kelas tidak termasuk")
    atas = ["capaian di atas 100 % tetap pada kelas tertinggi"]
    b = pilihan.batas_capaian_iku
    if b is not None:
        batas = f"{teks_batas_iku(pilihan, singkat=True)} sebelum kategori ditentukan"
        atas = [batas, *atas] if b > 100 else [batas]
    return f"pilihan skala unit (entitas.yml); {bawah}, {', '.join(atas)}."


def teks_metode(pilihan: Pilihan, tabel_skala: str | None = None) -> str:
    """How capaian and kategori were computed: the rule choices of the unit, in a sentence or three.

    With ``batas_capaian_iku`` the cap on each IKU is said (:func:`teks_batas_iku`), and the cap
    of the means only where it is lower.
    """
    rumus = pilihan.as_dict()["rumus_turun_teks"]
    out = [f"Capaian IKU berpolaritas naik dihitung sebagai realisasi / target x 100, dan IKU berpolaritas turun "
           f"sebagai {rumus}; target berupa level (seperti 9/9) dibandingkan sebagai pecahan dan target berupa "
           f"kata (seperti Tinggi) menurut urutan skalanya."]
    batas_iku = teks_batas_iku(pilihan)
    if batas_iku is not None:
        out.append(batas_iku)
        if pilihan.batas_capaian is not None and pilihan.batas_capaian < pilihan.batas_capaian_iku:
            out.append(f"Dalam rata-rata, capaian dibatasi paling tinggi {format_persen(pilihan.batas_capaian, 0)}.")
    elif pilihan.batas_capaian is None:
        out.append("Capaian tidak dibatasi, juga dalam rata-rata.")
    else:
        out.append(f"Dalam rata-rata, capaian dibatasi paling tinggi {format_persen(pilihan.batas_capaian, 0)}.")
    skala = f" menurut {tabel_skala}" if tabel_skala else ""
    out.append(f"Kategori ditentukan{skala}; IKU yang {BELUM_TERUKUR} tidak dihitung sebagai 0 maupun 100 "
               f"dan tidak ikut dalam rata-rata maupun jumlah per kategori.")
    return " ".join(out)
