"""How the numbers were computed, in words: the method sentence of Bab III, the cap on each
IKU's capaian (``batas_capaian_iku``), the note under the table of the rating scale, and how the
IKM and the nilai AKIP are derived from their files (DOMAIN.md section 8).

Each says only the rules the unit chose (:class:`lakip.core.config.Pilihan`); the cap on each
IKU is said only where the unit has one, the IKM only where it has ``survei_ikm.csv`` and the
AKIP only where it has ``lke.csv``, so a unit without them reads as before.
"""

from __future__ import annotations

from collections.abc import Mapping

from lakip.core.akip import KOMPONEN_LKE, PREDIKAT_AKIP
from lakip.core.config import BELUM_TERUKUR, Pilihan
from lakip.core.ikm import KALI_IKM, KINERJA_MUTU, MUTU_IKM, NAMA_UNSUR, bobot_ikm
from lakip.core.numbers import format_angka, format_angka_terbaca, format_persen
from lakip.core.sumber import SUMBER_IKM, SUMBER_LKE

__all__ = ["teks_batas_iku", "catatan_skala", "teks_ikm", "teks_akip", "teks_metode"]


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


def teks_ikm(pilihan: Pilihan) -> str:
    """How the IKM is computed from the survey (PermenPAN-RB 14/2017), with the weight this unit uses
    (``bobot_ikm``: 0,111 as the regulation prints it, or ``rata``, 1/9 exactly) and the mutu bands."""
    bobot = bobot_ikm(pilihan.bobot_ikm)
    penuh = format_angka_terbaca(round(4 * 9 * bobot * KALI_IKM, 9))  # every answer 4
    if pilihan.bobot_ikm == "rata":
        teks_bobot = f"bobot 1/9 (pilihan bobot_ikm unit: rata; jawaban 4 pada semua unsur memberi IKM {penuh})"
    else:
        teks_bobot = (f"bobot {pilihan.bobot_ikm} sebagaimana tercetak dalam peraturan (pilihan bobot_ikm unit; "
                      f"jawaban 4 pada semua unsur memberi IKM {penuh})")
    mutu = "; ".join(f"{m} ({KINERJA_MUTU[m]}) {i}" for m, i in
                     zip(MUTU_IKM.label, MUTU_IKM.interval(lambda b: format_angka(b, 2))))
    return (f"IKM dihitung dari survei kepuasan masyarakat menurut PermenPAN-RB 14/2017: nilai rata-rata (NRR) setiap "
            f"unsur dari {len(NAMA_UNSUR)} unsur pelayanan adalah rata-rata jawaban responden (1 sampai 4), NRR tertimbang "
            f"= NRR x {teks_bobot}, dan IKM = jumlah NRR tertimbang x {format_angka_terbaca(KALI_IKM)}. Mutu pelayanan: "
            f"{mutu}. IKU dengan sumber {SUMBER_IKM} memakai IKM tahun itu, dibulatkan dua desimal, sebagai realisasi bila "
            f"realisasinya tidak diisi.")


def teks_akip() -> str:
    """How the nilai AKIP and its predikat are derived from the LKE (PermenPAN-RB 88/2021)."""
    komponen = ", ".join(f"{k} {format_angka_terbaca(b)}" for k, b in KOMPONEN_LKE.items())
    predikat = "; ".join(f"{p} {i}" for p, i in zip(PREDIKAT_AKIP.label, PREDIKAT_AKIP.interval(format_angka_terbaca)))
    return (f"Nilai AKIP adalah jumlah nilai komponen Lembar Kerja Evaluasi (LKE) menurut PermenPAN-RB 88/2021, dengan "
            f"bobot {komponen}; komponen yang tidak bernilai sendiri memakai jumlah nilai sub-komponennya. Predikat: "
            f"{predikat} (batas atas termasuk kelasnya: nilai 90 berpredikat A). IKU dengan sumber {SUMBER_LKE} (atau "
            f"{SUMBER_LKE}:<komponen>) memakai nilai AKIP (atau nilai komponen itu) tahun itu, dibulatkan dua desimal, "
            f"sebagai realisasi bila realisasinya tidak diisi.")


def teks_metode(pilihan: Pilihan, tabel_skala: str | None = None, lampiran: Mapping[str, object] | None = None) -> str:
    """How capaian and kategori were computed: the rule choices of the unit, in a sentence or three.

    With ``batas_capaian_iku`` the cap on each IKU is said (:func:`teks_batas_iku`), and the cap
    of the means only where it is lower. ``lampiran`` (``Unit.lampiran``): where it holds the survey
    the IKM is said (:func:`teks_ikm`), where it holds the LKE the AKIP (:func:`teks_akip`).
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
    lampiran = lampiran or {}  # a unit has a file when Unit.lampiran holds it (as TabelLuar reads it)
    if lampiran.get("survei_ikm") is not None:
        out.append(teks_ikm(pilihan))
    if lampiran.get("lke") is not None:
        out.append(teks_akip())
    return " ".join(out)
