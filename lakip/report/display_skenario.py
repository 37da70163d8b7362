"""The tables of a what-if study (:mod:`lakip.core.whatif`) for people: before and after, the change
marked, the realisasi each IKU needs, and the summary ``lakip skenario`` prints."""

from __future__ import annotations

import pandas as pd

from lakip.core.config import Skala
from lakip.core.numbers import format_angka, format_persen, format_rupiah, tidak_ada, untuk_banding
from lakip.report.display import FORMAT_NILAI_EFISIENSI, kategori_iku, kategori_teks, teks_nilai

__all__ = [
    "tanda_selisih",
    "tampil_perubahan",
    "tampil_skenario_iku",
    "tampil_skenario_sasaran",
    "tampil_skenario_rata_rata",
    "tampil_skenario_distribusi",
    "tampil_skenario_efisiensi",
    "tampil_kebutuhan",
    "tampil_kebutuhan_berikutnya",
    "tampil_kebutuhan_rata_rata",
    "teks_skenario",
]


def _kategori_catatan(r: pd.Series, sisi: str) -> str:
    """The kategori of a scenario row's IKU on one side; without a capaian, why (``tidak dapat
    dihitung: target 0 dengan polaritas naik``)."""
    kat = kategori_iku(r[f"kategori_{sisi}"], r[f"status_{sisi}"])
    catatan = r.get(f"catatan_{sisi}")
    if not tidak_ada(r[f"capaian_{sisi}"]) or tidak_ada(catatan):
        return kat
    return str(catatan) if kat in str(catatan) else f"{kat}: {catatan}"


def tanda_selisih(sebelum: object, sesudah: object, satuan: str = "pp") -> str:
    """A difference for people: ``▲ +15,69 pp``, ``▼ -2,00 pp``, ``tetap``, ``baru terukur``."""
    if tidak_ada(sebelum) and tidak_ada(sesudah):
        return "-"
    if tidak_ada(sebelum):
        return "baru terukur"
    if tidak_ada(sesudah):
        return "tidak lagi terukur"
    d = float(sesudah) - float(sebelum)
    if untuk_banding(d) == 0:  # the same value computed two ways may differ in its last bits
        return "tetap"
    angka = format_angka(d, 2) if satuan else format_angka(d, 0)
    return f"{'▲ +' if d > 0 else '▼ '}{angka}{' ' + satuan if satuan else ''}"


def _jadi(sebelum: object, sesudah: object, fmt=None) -> str:
    """``a`` when unchanged, ``a → b`` when changed (missing values shown as N/A)."""
    fmt = fmt or teks_nilai
    a, b = fmt(sebelum), fmt(sesudah)
    return a if a == b else f"{a} → {b}"


def tampil_perubahan(tabel: pd.DataFrame) -> pd.DataFrame:
    """The changes of a scenario: what was set, where, from what to what."""
    def nilai(x: object, berkas: str) -> str:
        return teks_nilai(x) if berkas == "kinerja.csv" else format_rupiah(x)

    return pd.DataFrame({
        "Kode": tabel["kode"],
        "Kolom": tabel["kolom"],
        "Berkas": tabel["berkas"],
        "Sebelum": [nilai(v, b) for v, b in zip(tabel["sebelum"], tabel["berkas"])],
        "Sesudah": [nilai(v, b) for v, b in zip(tabel["sesudah"], tabel["berkas"])],
        "Keterangan": tabel["keterangan"],
    })


def tampil_skenario_iku(tabel: pd.DataFrame, indikator: bool = False) -> pd.DataFrame:
    """Capaian of every IKU before and after a scenario, the change marked ▲/▼."""
    out = {"Kode": tabel["kode"]}
    if indikator:
        out["Indikator"] = tabel["indikator"]
    out |= {
        "Target": [_jadi(a, b) for a, b in zip(tabel["target_sebelum"], tabel["target_sesudah"])],
        "Realisasi": [_jadi(a, b) for a, b in zip(tabel["realisasi_sebelum"], tabel["realisasi_sesudah"])],
        "Capaian Sebelum": [format_persen(v) for v in tabel["capaian_sebelum"]],
        "Capaian Sesudah": [format_persen(v) for v in tabel["capaian_sesudah"]],
        "Perubahan": [tanda_selisih(a, b) for a, b in zip(tabel["capaian_sebelum"], tabel["capaian_sesudah"])],
        "Kategori": [_jadi(kategori_iku(a, sa), kategori_iku(b, sb), str) for a, b, sa, sb in
                     zip(tabel["kategori_sebelum"], tabel["kategori_sesudah"], tabel["status_sebelum"], tabel["status_sesudah"])],
    }
    return pd.DataFrame(out)


def tampil_skenario_sasaran(tabel: pd.DataFrame) -> pd.DataFrame:
    """Capaian of every sasaran before and after a scenario."""
    return pd.DataFrame({
        "Kode": tabel["sasaran_kode"],
        "Sasaran Strategis": tabel["sasaran"],
        "IKU Terukur": [_jadi(a, b, str) for a, b in zip(tabel["jumlah_terukur_sebelum"], tabel["jumlah_terukur_sesudah"])],
        "Capaian Sebelum": [format_persen(v) for v in tabel["capaian_sebelum"]],
        "Capaian Sesudah": [format_persen(v) for v in tabel["capaian_sesudah"]],
        "Perubahan": [tanda_selisih(a, b) for a, b in zip(tabel["capaian_sebelum"], tabel["capaian_sesudah"])],
        "Kategori": [_jadi(a, b, kategori_teks) for a, b in zip(tabel["kategori_sebelum"], tabel["kategori_sesudah"])],
    })


def tampil_skenario_rata_rata(tabel: pd.DataFrame) -> pd.DataFrame:
    """The overall means (IKU and sasaran views) and the counts, before and after."""
    rows = []
    for _, r in tabel.iterrows():
        rata = str(r["ukuran"]).startswith("rata_rata")
        fmt = format_persen if rata else (lambda v: "-" if tidak_ada(v) else format_angka(v, 0))
        rows.append((
            r["uraian"], fmt(r["sebelum"]), fmt(r["sesudah"]),
            tanda_selisih(r["sebelum"], r["sesudah"], "pp" if rata else ""),
            _jadi(r["kategori_sebelum"], r["kategori_sesudah"], lambda v: "-" if tidak_ada(v) else str(v)),
        ))
    return pd.DataFrame(rows, columns=["Uraian", "Sebelum", "Sesudah", "Perubahan", "Kategori"])


def tampil_skenario_distribusi(tabel: pd.DataFrame) -> pd.DataFrame:
    """Number and percent of IKU per kategori before and after."""
    return pd.DataFrame({
        "Kategori": tabel["kategori"],
        "Jumlah Sebelum": tabel["jumlah_sebelum"],
        "Jumlah Sesudah": tabel["jumlah_sesudah"],
        "Perubahan": [tanda_selisih(a, b, "") for a, b in zip(tabel["jumlah_sebelum"], tabel["jumlah_sesudah"])],
        "Persen Sebelum": [format_persen(v) for v in tabel["persen_sebelum"]],
        "Persen Sesudah": [format_persen(v) for v in tabel["persen_sesudah"]],
    })


def tampil_skenario_efisiensi(tabel: pd.DataFrame) -> pd.DataFrame:
    """The efficiency of every IKU before and after (in the unit's method)."""
    metode = tabel["metode"].iloc[0] if len(tabel) else "rasio"
    nilai_fmt = FORMAT_NILAI_EFISIENSI[metode]
    return pd.DataFrame({
        "Kode": tabel["kode"],
        "Capaian Kinerja": [_jadi(a, b, format_persen) for a, b in zip(tabel["capaian_kinerja_sebelum"], tabel["capaian_kinerja_sesudah"])],
        "Capaian Anggaran": [_jadi(a, b, format_persen) for a, b in zip(tabel["capaian_anggaran_sebelum"], tabel["capaian_anggaran_sesudah"])],
        "Nilai Sebelum": [nilai_fmt(v) for v in tabel["nilai_sebelum"]],
        "Nilai Sesudah": [nilai_fmt(v) for v in tabel["nilai_sesudah"]],
        "Status": [_jadi(a, b, str) for a, b in zip(tabel["status_sebelum"], tabel["status_sesudah"])],
    })


_SYARAT = {">": "lebih dari", "<": "kurang dari", ">=": "paling rendah", "<=": "paling tinggi"}


def tampil_kebutuhan(tabel: pd.DataFrame, skala: Skala | None = None) -> pd.DataFrame:
    """The realisasi each IKU needs for each kategori (``> 78,3``: strictly above).

    The capaian bound is written in the form of ``skala`` (:attr:`Skala.tanda`): ``> 90 %``
    for a ``di_atas`` scale (the default), ``≥ 91 %`` for a ``mulai`` scale.
    """
    tanda = ">" if skala is None else skala.tanda

    def batas(syarat: str, x: object, ket: str) -> str:
        if not syarat and ket.startswith("setiap realisasi"):
            return ket
        if not syarat or tidak_ada(x):
            return "tidak dapat dicapai"
        if isinstance(x, float):
            x = format_angka(x, 4)
            x = x.rstrip("0").rstrip(",") if "," in x else x
        return f"{_SYARAT[syarat]} {x}"

    return pd.DataFrame({
        "Kode": tabel["kode"],
        "Target": [teks_nilai(v) for v in tabel["target"]],
        "Kategori": tabel["kategori"],
        "Capaian": [f"{tanda} {format_angka(v, 2)} %" for v in tabel["batas_capaian"]],
        "Realisasi yang Dibutuhkan": [batas(s, x, str(k)) for s, x, k in
                                      zip(tabel["syarat"], tabel["realisasi_batas"], tabel["keterangan"])],
        "Sudah Tercapai": ["ya" if v else "belum" for v in tabel["tercapai"]],
    })


def tampil_kebutuhan_berikutnya(tabel: pd.DataFrame, skala: Skala | None = None) -> pd.DataFrame:
    """The realisasi each IKU needs for the next kategori up (the lowest it has not reached; for an IKU
    not measured, the lowest of the scale): the rows of :func:`tampil_kebutuhan` one per IKU, without its
    column "Sudah Tercapai" (never). An IKU in the top kategori has no row."""
    belum = tabel[~tabel["tercapai"].astype(bool)]
    baris = belum.groupby("kode", sort=False).tail(1).reset_index(drop=True)
    return tampil_kebutuhan(baris, skala).drop(columns="Sudah Tercapai")


def tampil_kebutuhan_rata_rata(tabel: pd.DataFrame) -> pd.DataFrame:
    """The realisasi each IKU alone would need for the overall mean to reach a value."""
    return pd.DataFrame({
        "Kode": tabel["kode"],
        "Capaian yang Dibutuhkan": [format_persen(v) for v in tabel["capaian_perlu"]],
        "Realisasi yang Dibutuhkan": [t or "-" for t in tabel["realisasi_teks"]],
        "Keterangan": tabel["keterangan"],
    })


def teks_skenario(hasil: dict) -> str:
    """The summary ``lakip skenario`` prints: the changes, the means, the distribution, what moved."""
    lama = hasil["ringkasan"]["sebelum"]
    ubah = hasil["perubahan"]
    lines = [f"Skenario {lama['nama']} tahun {lama['tahun']}: "
             + (f"{len(ubah)} perubahan." if len(ubah) else "tanpa perubahan (data apa adanya).")]
    for _, p in ubah.iterrows():
        fmt = teks_nilai if p["berkas"] == "kinerja.csv" else format_rupiah
        extra = f" ({p['keterangan']})" if p["keterangan"] else ""
        lines.append(f"  {p['kode']} {p['kolom']}: {fmt(p['sebelum'])} → {fmt(p['sesudah'])}{extra}")
    for _, r in hasil["rata_rata"].iterrows():
        if str(r["ukuran"]).startswith("rata_rata"):
            lines.append(f"{r['uraian']}: {format_persen(r['sebelum'])} → {format_persen(r['sesudah'])} "
                         f"({tanda_selisih(r['sebelum'], r['sesudah'])}; "
                         f"{_jadi(r['kategori_sebelum'], r['kategori_sesudah'], kategori_teks)})")
    d = hasil["distribusi"]
    moved = d[d["jumlah_sebelum"] != d["jumlah_sesudah"]]
    lines.append("Distribusi kategori: " + ("tetap" if moved.empty else ", ".join(
        f"{k} {a} → {b}" for k, a, b in zip(moved["kategori"], moved["jumlah_sebelum"], moved["jumlah_sesudah"]))))
    iku = hasil["iku"][hasil["iku"]["berubah"]]
    lines.append("IKU yang capaian atau kategorinya berubah: " + ("tidak ada" if iku.empty else str(len(iku))))
    for _, r in iku.iterrows():
        sisi = [f"{format_persen(r[f'capaian_{w}'])} ({_kategori_catatan(r, w)})" for w in ("sebelum", "sesudah")]
        lines.append(f"  {r['kode']}: {sisi[0]} → {sisi[1]}, {tanda_selisih(r['capaian_sebelum'], r['capaian_sesudah'])}")
    eff = hasil["efisiensi"][hasil["efisiensi"]["berubah"]]
    if len(eff):
        fmt = FORMAT_NILAI_EFISIENSI.get(str(eff["metode"].iloc[0]), teks_nilai)
        def tercapai(x: object) -> str:
            return "-" if tidak_ada(x) else "ya" if bool(x) else "tidak"

        def rincian(r: pd.Series) -> str:
            a, b = r["status_sebelum"], r["status_sesudah"]
            out = f"nilai {_jadi(r['nilai_sebelum'], r['nilai_sesudah'], fmt)}; {_jadi(a, b, str) if a != b else 'tetap ' + str(a)}"
            ta, tb = tercapai(r["target_tercapai_sebelum"]), tercapai(r["target_tercapai_sesudah"])
            return out + (f"; target kinerja tercapai: {ta} → {tb}" if ta != tb and "-" not in (ta, tb) else "")

        lines.append("Efisiensi berubah: " + ", ".join(f"{r['kode']} ({rincian(r)})" for _, r in eff.iterrows()))
    return "\n".join(lines)
