"""Tables and sentences for people of the scores from outside the unit (DOMAIN.md section 8): the IKM of
its survey and the AKIP of its LKE (:class:`lakip.core.tabel_luar.TabelLuar`), shown in notebook 01 and
in Bab III of the reports beside the IKU they feed.

Each ``tampil_*`` takes a table of :class:`~lakip.core.tabel_luar.TabelLuar` and returns a DataFrame of
strings, as :mod:`lakip.report.display` does; each ``kalimat_*`` a sentence from the data only.
"""

from __future__ import annotations

from functools import partial

import pandas as pd

from lakip.core.ikm import KALI_IKM, KINERJA_MUTU
from lakip.core.numbers import format_angka, tidak_ada
from lakip.core.sumber import SUMBER_IKM, SUMBER_LKE, urai_sumber
from lakip.core.tables import Analisis
from lakip.core.teks import daftar
from lakip.report.display import teks

__all__ = ["tampil_ikm", "tampil_ikm_layanan", "tampil_ikm_tahunan", "tampil_akip", "iku_bersumber", "ada_ikm", "ada_akip",
           "kalimat_ikm", "kalimat_akip", "catatan_ikm", "catatan_akip", "baris_total", "teks_bobot_ikm",
           "sasaran_sumber", "teks_ikm", "teks_akip"]


#: A number of these tables, ``-`` where there is none.
_angka = partial(format_angka, kosong="-")


def teks_bobot_ikm(bobot: float) -> str:
    """The weight of one unsur as a reader checks it: ``0,111``, or ``1/9`` for the exact ninth."""
    return "1/9" if abs(bobot - 1 / 9) < 1e-12 else format_angka(bobot, 3)


def tampil_ikm(ikm: pd.DataFrame, bobot: float) -> pd.DataFrame:
    """The survey of the year per unsur (NRR to three decimals as the regulation's form writes them), then the
    sum of the NRR tertimbang and the IKM with its mutu and kinerja."""
    rows = [[str(i + 1), f"{str(r['unsur']).upper()} {r['nama_unsur']}", _angka(r["nrr"], 3), _angka(r["nrr_tertimbang"], 3),
             str(r["mutu"])] for i, (_, r) in enumerate(ikm.iterrows())]
    jumlah = float(ikm["nrr_tertimbang"].sum()) if len(ikm) else None
    rows.append(["", f"Jumlah NRR tertimbang (bobot {teks_bobot_ikm(bobot)} per unsur; dari nilai yang tidak dibulatkan)", "", _angka(jumlah, 3), ""])
    if len(ikm) and not tidak_ada(ikm["ikm"].iloc[0]):
        m = str(ikm["mutu_ikm"].iloc[0])
        rows.append(["", f"IKM (jumlah NRR tertimbang x {format_angka(KALI_IKM, 0)})", "", _angka(ikm["ikm"].iloc[0]),
                     f"{m} ({KINERJA_MUTU.get(m, '-')})"])
    return pd.DataFrame(rows, columns=["No", "Unsur Pelayanan", "NRR", "NRR Tertimbang", "Mutu"])


def _ringkas_ikm(t: pd.DataFrame, kunci: str, judul: str) -> pd.DataFrame:
    return pd.DataFrame({
        "No": [str(i + 1) for i in range(len(t))], judul: [str(v) for v in t[kunci]],
        "Responden": [format_angka(float(n), 0) for n in t["responden"]], "IKM": [_angka(v) for v in t["ikm"]],
        "Mutu": [str(m) for m in t["mutu"]], "Kinerja Unit Pelayanan": [str(k) for k in t["kinerja"]]})


def tampil_ikm_layanan(layanan: pd.DataFrame) -> pd.DataFrame:
    """The IKM of the year per service surveyed."""
    return _ringkas_ikm(layanan, "layanan", "Layanan")


def tampil_ikm_tahunan(tahunan: pd.DataFrame, tahun: int) -> pd.DataFrame:
    """The IKM of every year of the survey up to ``tahun``."""
    return _ringkas_ikm(tahunan[tahunan["tahun"] <= tahun], "tahun", "Tahun")


def baris_total(komponen: object, induk: object, predikat: object) -> bool:
    """Whether a row of :attr:`~lakip.core.tabel_luar.TabelLuar.akip` is its last, the nilai AKIP with its predikat
    (a component may not be called so: only that row has a predikat)."""
    return komponen == "Nilai AKIP" and tidak_ada(induk) and not tidak_ada(predikat)


def tampil_akip(akip: pd.DataFrame) -> pd.DataFrame:
    """The LKE of the year: each component (its sub-components beneath it, marked ``-``), its weight, its nilai,
    the nilai as a percent of the weight and the change against the year before; then the nilai AKIP and predikat."""
    rows = []
    no = 0
    for _, r in akip.iterrows():
        total = baris_total(r.komponen, r.induk, r.predikat)
        anak = not tidak_ada(r["induk"])
        if not (anak or total):
            no += 1
        perubahan = "-" if tidak_ada(r["selisih"]) else ("+" if r["selisih"] > 0 else "") + format_angka(float(r["selisih"]), 2)
        rows.append(["" if anak or total else str(no), ("- " if anak else "") + str(r["komponen"]), _angka(r["bobot"]),
                     _angka(r["nilai"]), _angka(r["persen"]), perubahan, str(r["predikat"]) if total else ""])
    return pd.DataFrame(rows, columns=["No", "Komponen", "Bobot", "Nilai", "% Bobot", "Perubahan", "Predikat"])


def iku_bersumber(a: Analisis, sumber: str, komponen: bool | None = None) -> list[str]:
    """The kode of each IKU whose ``sumber`` in indikator.csv is ``sumber`` (``survei_ikm`` or ``lke``); for
    ``lke``, ``komponen`` True takes only ``lke:<komponen>``, False only the total, None both."""
    return [k for k, _ in _bersumber(a, sumber, komponen)]


def _bersumber(a: Analisis, sumber: str, komponen: bool | None = None) -> list[tuple[str, str | None]]:
    ind = a.unit.indikator
    if "sumber" not in ind.columns:
        return []
    out = []
    for kode, s in zip(ind["kode"], ind["sumber"]):
        u = urai_sumber(s)
        if u is not None and u[0] == sumber and (komponen is None or (u[1] is not None) == komponen):
            out.append((str(kode), u[1]))
    return out


def ada_ikm(a: Analisis) -> bool:
    """Whether the unit has a survey for the year: then the reports and notebook 01 show its table and chart."""
    return a.ikm is not None and not a.ikm.empty


def ada_akip(a: Analisis) -> bool:
    """Whether the unit has an LKE for the year: then the reports and notebook 01 show its table and chart."""
    return a.akip is not None and not a.akip.empty


def _iku(a: Analisis, kode: str) -> str:
    """An IKU named in a sentence: ``IKU B1 (Indeks Kepuasan Masyarakat)``, ``IKU-7 (...)`` (no ``IKU IKU-7``)."""
    nama = a.unit.indikator.set_index("kode")["indikator"].get(kode, "")
    return f"{kode} ({nama})" if kode.upper().startswith("IKU") else f"IKU {kode} ({nama})"


def _feeds(a: Analisis, sumber: str) -> str:
    """The IKU the survey's IKM or the LKE's total feeds, and for the LKE each component that feeds one."""
    out = ""
    kode = iku_bersumber(a, sumber, komponen=False if sumber == SUMBER_LKE else None)
    if kode:
        out = "; nilai ini menjadi sumber realisasi " + daftar(_iku(a, k) for k in kode)
    if sumber == SUMBER_LKE:
        per: dict[str, list[str]] = {}
        for k, komp in _bersumber(a, sumber, komponen=True):
            per.setdefault(str(komp), []).append(k)
        t = a.akip
        for komp, ks in per.items():
            baris = t[t["komponen"] == komp] if t is not None else t
            nilai = f" ({_angka(baris['nilai'].iloc[0])})" if baris is not None and len(baris) else ""
            out += f"; nilai komponen {komp}{nilai} menjadi sumber realisasi " + daftar(_iku(a, k) for k in ks)
    return out


def kalimat_ikm(a: Analisis) -> str:
    """The IKM of the year in one sentence, and the IKU it feeds (the survey must be there: :func:`ada_ikm`)."""
    t = a.ikm
    assert t is not None and len(t)
    r = t.iloc[0]
    m = str(r["mutu_ikm"])
    lalu = a.ikm_tahunan[a.ikm_tahunan["tahun"] == a.tahun - 1] if a.ikm_tahunan is not None else None
    banding = ""
    if lalu is not None and len(lalu):
        banding = f"; tahun {a.tahun - 1}: {_angka(lalu['ikm'].iloc[0])} (mutu {lalu['mutu'].iloc[0]})"
    return (f"Indeks Kepuasan Masyarakat (IKM) {a.unit.nama} Tahun {a.tahun} dari {format_angka(float(r['responden']), 0)} "
            f"responden sebesar {_angka(r['ikm'])} dengan mutu pelayanan {m} ({KINERJA_MUTU.get(m, '-')}){banding}"
            f"{_feeds(a, SUMBER_IKM)}.")


def kalimat_akip(a: Analisis) -> str:
    """The nilai AKIP of the year in one sentence with its predikat and change, and the IKU it feeds (:func:`ada_akip`)."""
    assert a.akip is not None and len(a.akip) and a.nilai_akip is not None
    tot = a.nilai_akip[a.nilai_akip["tahun"] == a.tahun]
    if not len(tot):
        return f"Lembar Kerja Evaluasi AKIP tahun {a.tahun} belum memuat komponen utama{_feeds(a, SUMBER_LKE)}."
    r = tot.iloc[-1]
    ubah = ""
    if not tidak_ada(r["selisih"]):
        s = float(r["selisih"])
        arah = "naik" if s > 0 else "turun" if s < 0 else "tetap"
        ubah = f", {arah} {format_angka(abs(s), 2)} poin dari tahun {a.tahun - 1}" if s else f", sama dengan tahun {a.tahun - 1}"
    return (f"Nilai Akuntabilitas Kinerja Instansi Pemerintah (AKIP) {a.unit.nama} Tahun {a.tahun} sebesar "
            f"{_angka(r['nilai'])} dengan predikat {r['predikat']}{ubah}{_feeds(a, SUMBER_LKE)}.")


def catatan_ikm(a: Analisis) -> str:
    """What is said where the survey of the year is absent."""
    if a.survei_ikm is None:
        return "Survei kepuasan masyarakat (survei_ikm.csv) belum tersedia."
    return f"survei_ikm.csv tidak memuat responden tahun {a.tahun}."


def catatan_akip(a: Analisis) -> str:
    """What is said where the LKE of the year is absent."""
    if a.lke is None:
        return "Lembar Kerja Evaluasi AKIP (lke.csv) belum tersedia."
    return f"lke.csv tidak memuat komponen tahun {a.tahun}."


def sasaran_sumber(a: Analisis, sumber: str) -> str | None:
    """The sasaran (kode) of the first IKU the source feeds: the reports show the source's table in that sasaran's
    section, beside the IKU; None when no IKU takes it (the reports then show it after the capaian of every IKU)."""
    kode = iku_bersumber(a, sumber)
    if not kode:
        return None
    s = a.unit.indikator.set_index("kode")["sasaran_kode"]
    return str(s[kode[0]])


def teks_ikm(a: Analisis) -> str:
    """What notebook 01 prints of the survey: the sentence, the NRR per unsur with the IKM, the IKM per service and
    per year; or what is missing."""
    if not ada_ikm(a):
        return catatan_ikm(a)
    assert a.ikm is not None and a.ikm_tahunan is not None
    bagian = [kalimat_ikm(a), teks(tampil_ikm(a.ikm, a.bobot_ikm))]
    if a.ikm_layanan is not None and len(a.ikm_layanan):
        bagian.append(teks(tampil_ikm_layanan(a.ikm_layanan)))
    bagian.append(teks(tampil_ikm_tahunan(a.ikm_tahunan, a.tahun)))
    return "\n\n".join(bagian)


def teks_akip(a: Analisis) -> str:
    """What notebook 01 prints of the LKE: the sentence and the components of the year; or what is missing."""
    if not ada_akip(a):
        return catatan_akip(a)
    assert a.akip is not None
    return kalimat_akip(a) + "\n\n" + teks(tampil_akip(a.akip))
