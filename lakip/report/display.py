"""Tables for people: Indonesian headings and numbers (``85,83 %``, ``Rp 64.440.768.486``).

Each function takes a table of :mod:`lakip.core.tables` (exact values) and
returns a DataFrame of strings ready to show in a notebook or a report.
Rounding happens here and nowhere else.
"""

from __future__ import annotations

import re

import pandas as pd

from lakip.core import budget
from lakip.core.config import BELUM_TERUKUR, Skala
from lakip.core.numbers import format_angka, format_persen, format_rupiah, format_tertulis, tidak_ada
from lakip.core.scoring import persen_tercetak
from lakip.core.tables import unit_kerja_tabel

__all__ = [
    "angka_skala",
    "tampil_skala",
    "judul_unit",
    "teks",
    "teks_nilai",
    "desimal_nilai",
    "nilai_tahun",
    "kategori_teks",
    "kategori_iku",
    "pp",
    "FORMAT_NILAI_EFISIENSI",
    "tampil_capaian_iku",
    "tampil_capaian_sasaran",
    "tampil_distribusi",
    "tampil_perbandingan",
    "tampil_renstra",
    "tampil_anggaran",
    "tampil_cek_anggaran",
    "tampil_efisiensi",
    "tampil_ringkasan",
    "tampil_total_program",
    "tampil_total_anggaran",
    "keterangan_efisiensi",
    "tampil_efisiensi_semua",
    "urut_reviu",
    "tampil_ringkasan_reviu",
    "teks_reviu",
]


_ANGKA = re.compile(r"^[-+]?(Rp )?[0-9.,]+( %| pp)?$|^N/A$|^-$")


def judul_unit(unit, tahun: int, catatan: list[str] | None = None) -> str:
    """The heading line of a notebook: the unit and year, then what the data lacks."""
    lines = [f"{unit.nama} - Tahun {tahun}"]
    lines += [f"Catatan: {c}" for c in catatan or []]
    return "\n".join(lines)


def teks(tabel: pd.DataFrame, lebar_maks: int = 90) -> str:
    """A table as plain text: text columns left-aligned, numbers right-aligned.

    Used by the notebook cells whose printed output nbval checks, so the
    same numbers always print the same characters.
    """
    cols = [str(c) for c in tabel.columns]
    cells = [[str(v) for v in tabel[c]] for c in tabel.columns]
    cells = [[v if len(v) <= lebar_maks else v[: lebar_maks - 1] + "…" for v in col] for col in cells]
    right = [all(_ANGKA.match(v) for v in col) and len(col) > 0 for col in cells]
    widths = [max([len(h), *(len(v) for v in col)]) for h, col in zip(cols, cells)]

    def line(values: list[str]) -> str:
        return "  ".join(v.rjust(w) if r else v.ljust(w) for v, w, r in zip(values, widths, right)).rstrip()

    rule = "  ".join("-" * w for w in widths)
    rows = [line(cols), rule, *(line(list(r)) for r in zip(*cells))] if cells else [line(cols), rule]
    return "\n".join(rows)


def teks_nilai(x: object, desimal: object = None) -> str:
    """A target or realisasi as the data writes it: ``9,70``, ``82,5`` (not 82,50), ``9``, ``9/9``,
    ``Tinggi``, ``N/A``. A number takes ``desimal`` decimals (the data's, from the table's
    :data:`~lakip.core.tables.KOLOM_DESIMAL`), or where that is missing those of its shortest form
    (:func:`~lakip.core.numbers.format_tertulis`)."""
    if tidak_ada(x):
        return "N/A"
    if isinstance(x, (int, float)):
        return format_tertulis(float(x)) if tidak_ada(desimal) else format_angka(float(x), int(desimal))
    return str(x)


def desimal_nilai(tabel: pd.DataFrame, kolom: str) -> list:
    """The decimals the data writes each value of ``kolom`` (``target``, ``realisasi``) of a table with: its
    ``<kolom>_desimal`` column, or None for each row of a table without one."""
    col = f"{kolom}_desimal"
    return list(tabel[col]) if col in tabel else [None] * len(tabel)


def kategori_teks(x: object) -> str:
    """A kategori for people: the word, or ``belum dapat diukur``."""
    return BELUM_TERUKUR if tidak_ada(x) else str(x)


def kategori_iku(kategori: object, status: object) -> str:
    """The kategori of an IKU, or why it has none: ``belum dapat diukur`` (no realisasi) or
    ``tidak dapat dihitung`` (e.g. a target 0 with polaritas naik)."""
    if not tidak_ada(kategori):
        return str(kategori)
    return BELUM_TERUKUR if tidak_ada(status) or str(status) == "terukur" else str(status)


def pp(x: object) -> str:
    """A change in percentage points: ``+5,08 pp``, ``-2,00 pp``, ``-`` when missing."""
    if tidak_ada(x):
        return "-"
    sign = "+" if x > 0 else ""
    return f"{sign}{format_angka(float(x), 2)} pp"


def tampil_capaian_iku(tabel: pd.DataFrame) -> pd.DataFrame:
    """Tabel 3.2 form: every IKU with its target, realisasi, capaian and kategori."""
    return pd.DataFrame({
        "No": range(1, len(tabel) + 1),
        "Kode": tabel["kode"],
        "Indikator Kinerja Utama": tabel["indikator"],
        "Satuan": tabel["satuan"],
        "Target": [teks_nilai(v, d) for v, d in zip(tabel["target"], desimal_nilai(tabel, "target"))],
        "Realisasi": [teks_nilai(v, d) for v, d in zip(tabel["realisasi"], desimal_nilai(tabel, "realisasi"))],
        "Capaian": [format_persen(v) for v in tabel["capaian"]],
        "Kategori": [kategori_teks(v) for v in tabel["kategori"]],
    })


def tampil_capaian_sasaran(tabel: pd.DataFrame) -> pd.DataFrame:
    """Capaian per sasaran strategis."""
    return pd.DataFrame({
        "Kode": tabel["sasaran_kode"],
        "Sasaran Strategis": tabel["sasaran"],
        "Jumlah IKU": tabel["jumlah_iku"],
        "IKU Terukur": tabel["jumlah_terukur"],
        "Capaian": [format_persen(v) for v in tabel["capaian"]],
        "Kategori": [kategori_teks(v) for v in tabel["kategori"]],
    })


def tampil_distribusi(tabel: pd.DataFrame) -> pd.DataFrame:
    """Number and percent of IKU per kategori; the printed percents add up to 100.

    Each column is rounded by :func:`lakip.core.numbers.persen_sisa_terbesar`, as the
    Bab IV text rounds them (three IKU in three kategori: 33,33, 33,33 and
    33,34 %, not 33,33 three times).
    """
    p = persen_tercetak(tabel)
    return pd.DataFrame({
        "Kategori": tabel["kategori"],
        "Jumlah IKU": tabel["jumlah"],
        "Persen dari seluruh IKU": [format_persen(v) for v in p["persen"]],
        "Persen dari IKU terukur": [format_persen(v, kosong="-") for v in p["persen_terukur"]],
    })


def nilai_tahun(g: pd.DataFrame, kolom: str, tahun: int) -> str:
    """A target, realisasi (:func:`teks_nilai`, with the data's decimals) or capaian (``85,83 %``) of one IKU
    in year ``tahun`` from its rows of :attr:`~lakip.core.tables.Analisis.perbandingan` indexed by year;
    ``-`` for a year it has no row in."""
    if tahun not in g.index:
        return "-"
    if kolom == "capaian":
        return format_persen(g[kolom].get(tahun))
    d = g[f"{kolom}_desimal"].get(tahun) if f"{kolom}_desimal" in g else None
    return teks_nilai(g[kolom].get(tahun), d)


def tampil_perbandingan(tabel: pd.DataFrame, indikator: pd.DataFrame) -> pd.DataFrame:
    """Tabel 3.3 form: one row per IKU, target, realisasi and capaian per year."""
    years = sorted(tabel["tahun"].unique())
    names = indikator.set_index("kode")["indikator"]
    rows = []
    for kode, grp in tabel.groupby("kode", sort=False):
        g = grp.set_index("tahun")
        row = {"Kode": kode, "Indikator": names.get(kode, "")}
        for what, col in (("Target", "target"), ("Realisasi", "realisasi"), ("Capaian", "capaian")):
            for y in years:
                row[f"{what} {y}"] = nilai_tahun(g, col, y)
        last = years[-1]
        row[f"Perubahan {last}"] = pp(g["perubahan_pp"].get(last)) if last in g.index else "-"
        rows.append(row)
    return pd.DataFrame(rows)


def tampil_renstra(tabel: pd.DataFrame) -> pd.DataFrame:
    """Realisasi of the year against the Renstra end-period target."""
    return pd.DataFrame({
        "Kode": tabel["kode"],
        "Indikator": tabel["indikator"],
        "Target Akhir Renstra": [teks_nilai(v) for v in tabel["target_renstra"]],
        "Tahun Akhir Renstra": tabel["tahun_renstra"].astype("Int64").astype(str).replace("<NA>", "-"),
        "Realisasi": [teks_nilai(v) for v in tabel["realisasi"]],
        "Capaian terhadap Target Renstra": [format_persen(v) for v in tabel["capaian_renstra"]],
    })


def tampil_anggaran(tabel: pd.DataFrame) -> pd.DataFrame:
    """Budget nodes with pagu, realisasi and serapan (Tabel 2.5 / 3.10 form)."""
    indent = {"program": "", "bagian": "", "kegiatan": "  ", "subkegiatan": "    "}
    return pd.DataFrame({
        "Kode": tabel["kode"],
        "Uraian": [indent.get(t, "") + u for t, u in zip(tabel["tingkat"], tabel["uraian"])],
        "Pagu": [format_rupiah(v) for v in tabel["pagu"]],
        "Realisasi": [format_rupiah(v) for v in tabel["realisasi"]],
        "Serapan": [format_persen(v, kosong="-") for v in tabel["serapan"]],
    })


def tampil_cek_anggaran(tabel: pd.DataFrame) -> pd.DataFrame:
    """Budget parents whose children do not add up (only the mismatches)."""
    bad = tabel[~tabel["sesuai"]]
    return pd.DataFrame({
        "Kode": bad["kode"],
        "Uraian": bad["uraian"],
        "Kolom": bad["kolom"],
        "Nilai Induk": [format_rupiah(v) for v in bad["nilai_induk"]],
        "Jumlah Rincian": [format_rupiah(v) for v in bad["jumlah_anak"]],
        "Selisih": [format_rupiah(v) for v in bad["selisih"]],
    })


#: How the efficiency value of each method is written (DOMAIN.md section 7).
FORMAT_NILAI_EFISIENSI = {"rasio": lambda v: format_angka(v, 2, "N/A"), "selisih": lambda v: pp(v),
                           "pmk249": lambda v: format_persen(v)}


def tampil_efisiensi(tabel: pd.DataFrame, indikator: pd.DataFrame) -> pd.DataFrame:
    """The efficiency table of Bab III A item 6."""
    names = indikator.set_index("kode")["indikator"]
    metode = tabel["metode"].iloc[0] if len(tabel) else "rasio"
    nilai_fmt = FORMAT_NILAI_EFISIENSI[metode]
    return pd.DataFrame({
        "Kode": tabel["kode"],
        "Indikator": [names.get(k, "") for k in tabel["kode"]],
        "Capaian Kinerja": [format_persen(v) for v in tabel["capaian_kinerja"]],
        "Pagu": [format_rupiah(v) for v in tabel["pagu"]],
        "Realisasi Anggaran": [format_rupiah(v) for v in tabel["realisasi_anggaran"]],
        "Capaian Anggaran": [format_persen(v) for v in tabel["capaian_anggaran"]],
        "Nilai Efisiensi": [nilai_fmt(v) for v in tabel["nilai"]],
        # DOMAIN.md section 7: some evaluators judge efficiency only where the target was met
        "Target Tercapai": ["-" if tidak_ada(v) else "ya" if bool(v) else "tidak" for v in tabel["target_tercapai"]],
        "Status": tabel["status"],
    })


def tampil_ringkasan(ringkasan: dict) -> pd.DataFrame:
    """The key figures of a year as a two-column table."""
    c, j = ringkasan["capaian"], ringkasan["jumlah"]
    rows = [
        ("Rata-rata capaian IKU (IKU terukur)", format_persen(c["rata_rata_iku"])),
        ("Rata-rata capaian sasaran", format_persen(c["rata_rata_sasaran"])),
        ("Jumlah IKU", str(j["iku"])),
        ("IKU terukur", str(j["iku_terukur"])),
        ("IKU belum dapat diukur", str(j["iku_belum_dapat_diukur"])),
        ("Jumlah sasaran", str(j["sasaran"])),
    ]
    return pd.DataFrame(rows, columns=["Uraian", "Nilai"])


def tampil_total_program(anggaran: pd.DataFrame) -> pd.DataFrame:
    """Tabel 3.10 form: pagu, realisasi and serapan of each program, with the total."""
    prog = budget.puncak(anggaran, "program")
    pagu, real = budget.total(prog["pagu"], prog["realisasi"])
    serapan = budget.persen_serapan(real, pagu)
    rows = [(i + 1, u, p, r, s) for i, (u, p, r, s) in enumerate(zip(prog["uraian"], prog["pagu"], prog["realisasi"], prog["serapan"]))]
    rows.append(("", "Jumlah", pagu, real, serapan))
    return pd.DataFrame({
        "No": [r[0] for r in rows],
        "Uraian": [r[1] for r in rows],
        "Anggaran": [format_rupiah(r[2]) for r in rows],
        "Realisasi": [format_rupiah(r[3]) for r in rows],
        "Capaian Realisasi": [format_persen(r[4], kosong="-") for r in rows],
    })


_POHON = {"program": "Program", "bagian": "{unit_kerja} -> kegiatan -> sub-kegiatan", "iku": "Anggaran per IKU"}


def tampil_total_anggaran(total: pd.DataFrame, unit_kerja: str | None = None) -> pd.DataFrame:
    """The total of each budget tree (and of the budget per IKU) and its difference to the first tree; the
    unit's divisions named ``unit_kerja`` (default: the word the table carries, else Bagian)."""
    uk = unit_kerja or unit_kerja_tabel(total)
    return pd.DataFrame({
        "Susunan Anggaran": [_POHON.get(p, p).replace("{unit_kerja}", uk) for p in total["pohon"]],
        "Jumlah Baris": total["jumlah_node"],
        "Pagu": [format_rupiah(v) for v in total["pagu"]],
        "Realisasi": [format_rupiah(v) for v in total["realisasi"]],
        "Serapan": [format_persen(v, kosong="-") for v in total["serapan"]],
        "Selisih Pagu": [format_rupiah(v) for v in total["selisih_pagu"]],
        "Selisih Realisasi": [format_rupiah(v) for v in total["selisih_realisasi"]],
    })


_METODE = {
    "rasio": "Metode rasio: indeks efisiensi = capaian kinerja / capaian anggaran; >= 1 efisien, < 1 tidak efisien.",
    "selisih": "Metode selisih: capaian kinerja - capaian anggaran (pp); > +5 efisien, -5 s.d. +5 cukup efisien, "
               "< -5 tidak efisien.",
    "pmk249": "Metode PMK 249/2011: E = 1 - (realisasi anggaran / pagu) / (capaian kinerja / 100), dibatasi "
              "-20 % s.d. +20 %; nilai = 50 % + E / 20 % x 50 %; >= 50 % efisien.",
}


def keterangan_efisiensi(metode: str) -> str:
    """One sentence on how the efficiency method judges."""
    return _METODE[metode]


def tampil_efisiensi_semua(tabel: pd.DataFrame) -> pd.DataFrame:
    """Efficiency by the three methods side by side."""
    def ya(v: object) -> str:
        return "-" if tidak_ada(v) else ("ya" if v else "tidak")

    return pd.DataFrame({
        "Kode": tabel["kode"],
        "Capaian Kinerja": [format_persen(v) for v in tabel["capaian_kinerja"]],
        "Capaian Anggaran": [format_persen(v) for v in tabel["capaian_anggaran"]],
        "Target Tercapai": [ya(v) for v in tabel["target_tercapai"]],
        "Rasio": [f"{format_angka(v, 2)} ({s})" if not tidak_ada(v) else s for v, s in zip(tabel["nilai_rasio"], tabel["status_rasio"])],
        "Selisih": [f"{pp(v)} ({s})" if not tidak_ada(v) else s for v, s in zip(tabel["nilai_selisih"], tabel["status_selisih"])],
        "PMK 249/2011": [f"{format_persen(v)} ({s})" if not tidak_ada(v) else s for v, s in zip(tabel["nilai_pmk249"], tabel["status_pmk249"])],
    })


def urut_reviu(temuan: pd.DataFrame, semua: bool = False) -> pd.DataFrame:
    """Findings grouped by table (most findings first), largest relative difference first.

    Only the figures that are not "sesuai" unless ``semua``.
    """
    t = temuan if semua else temuan[temuan["status"] != "sesuai"]
    t = t.copy()
    hitung = pd.to_numeric(t["nilai_hitung"], errors="coerce").abs()
    t["_rel"] = pd.to_numeric(t["selisih"], errors="coerce").abs() / hitung.where(hitung > 0)
    t["_n"] = t.groupby("tabel", sort=False)["status"].transform(lambda s: int((s == "tidak sesuai").sum()))
    first = {tab: i for i, tab in enumerate(dict.fromkeys(temuan["tabel"]))}
    t["_urut_tabel"] = t["tabel"].map(first)
    t = t.sort_values(["_n", "_urut_tabel", "_rel"], ascending=[False, True, False], na_position="last", kind="stable")
    return t.drop(columns=["_rel", "_n", "_urut_tabel"]).reset_index(drop=True)


def tampil_ringkasan_reviu(ringkasan: dict) -> pd.DataFrame:
    """Counts per status and per kind of error."""
    rows = [(f"Status: {k}", str(v)) for k, v in ringkasan["per_status"].items()]
    rows += [(f"Jenis: {k}", str(v)) for k, v in sorted(ringkasan["per_jenis"].items(), key=lambda kv: (-kv[1], kv[0]))]
    return pd.DataFrame([("Angka laporan yang diperiksa", str(ringkasan["jumlah_angka"])), *rows], columns=["Uraian", "Jumlah"])


def teks_reviu(temuan: pd.DataFrame, lebar: int = 100) -> str:
    """Findings as text a reviewer can read and paste, one block per table."""
    import textwrap

    if temuan.empty:
        return "Tidak ada temuan: semua angka laporan sesuai dengan data."
    out = []
    for tabel, grp in temuan.groupby("tabel", sort=False):
        out.append(f"{tabel}")
        for _, r in grp.iterrows():
            out.append(f"  - {r['kunci']}: tercetak {r['nilai_laporan']} [{r['status']}{'; ' + r['jenis'] if r['jenis'] else ''}]")
            keep = r["penjelasan"].replace(" %", "\u00a0%").replace(" pp", "\u00a0pp")  # keep units on their number
            lines = textwrap.wrap(keep, lebar, initial_indent="      ", subsequent_indent="      ")
            out.extend(line.replace("\u00a0", " ") for line in lines)
        out.append("")
    return "\n".join(out).rstrip()




def angka_skala(x: float) -> str:
    """A bound of the rating scale as the reports print it: ``90``, or ``90,50`` when it has decimals."""
    return format_angka(x, 0 if float(x).is_integer() else 2)


def tampil_skala(skala: Skala) -> pd.DataFrame:
    """The rating scale (Tabel 3.1 form): each class's interval of capaian, highest first, in the scale's own form."""
    return pd.DataFrame([[str(i + 1), interval, lab] for i, (interval, lab) in enumerate(zip(skala.interval(angka_skala), skala.label))],
                        columns=["No", "Interval Capaian (%)", "Kategori"])
