"""A synthetic kabupaten: many units (OPD) in the data contract, for trying and testing.

:func:`buat_kabupaten` writes ``opd-001``, ``opd-002``... under a folder, each
a complete unit (``entitas.yml``, ``indikator.csv``, ``kinerja.csv``,
``anggaran.csv``, ``anggaran_iku.csv``, ``laporan.csv``) with values written
the Indonesian way. The printed figures of ``laporan.csv`` are the computed
ones except a few planted errors (a wrong capaian, a kategori off, a
malformed number), listed in ``kesalahan_tertanam.csv`` at the top of the
folder so that the audit can be checked against them. The same seed gives
byte-identical files.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import numpy as np
import pandas as pd

from lakip.core.budget import persen_serapan
from lakip.core.config import SKALA_BAKU
from lakip.core.numbers import format_angka, format_persen
from lakip.core.scoring import capaian_satu
from lakip.core.vocabulary import TAHUN_MIN

__all__ = ["buat_kabupaten", "buat_unit", "BERKAS_KESALAHAN"]

#: The list of planted errors written at the top of a generated kabupaten.
BERKAS_KESALAHAN = "kesalahan_tertanam.csv"
#: The most units one synthetic kabupaten gets (a real one has a few dozen; bench/bench_kabupaten.py makes 20.000).
BATAS_UNIT = 100_000

_BIDANG = (
    "Pendidikan", "Kesehatan", "Pekerjaan Umum dan Penataan Ruang", "Perumahan dan Kawasan Permukiman",
    "Sosial", "Tenaga Kerja", "Pangan", "Lingkungan Hidup", "Kependudukan dan Pencatatan Sipil",
    "Perhubungan", "Komunikasi dan Informatika", "Koperasi dan UKM", "Penanaman Modal", "Pariwisata",
    "Pertanian", "Perikanan", "Perdagangan", "Perindustrian", "Keuangan Daerah", "Kepegawaian",
)
_INDIKATOR_NAIK = (
    "Persentase layanan yang memenuhi standar", "Indeks kepuasan masyarakat", "Persentase capaian SPM",
    "Persentase dokumen perencanaan tepat waktu", "Persentase pengaduan yang ditindaklanjuti",
    "Cakupan pelayanan dasar", "Persentase sarana dalam kondisi baik", "Nilai evaluasi kinerja",
)
_INDIKATOR_TURUN = (
    "Persentase temuan berulang", "Angka keluhan layanan", "Persentase keterlambatan pelaporan",
    "Rasio kasus per 1.000 penduduk",
)
_SKALA_KATA = ("Rendah", "Sedang", "Tinggi", "Sangat Tinggi")
_LABEL = SKALA_BAKU.label


def _csv(rows: list[dict], cols: list[str]) -> str:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=cols, lineterminator="\n")
    w.writeheader()
    w.writerows(rows)
    return buf.getvalue()


def _kategori(c: float) -> str:
    return SKALA_BAKU.kategori(c)


def _capaian(jenis: str, polaritas: str, t: tuple, r: float) -> float:
    """Capaian under the default rules (DOMAIN.md section 3, :func:`lakip.core.scoring.capaian_satu`);
    t = (value, lower, upper)."""
    if jenis == "rentang":
        return capaian_satu(None, r, polaritas, target_bawah=t[1], target_atas=t[2])
    return capaian_satu(t[0], r, polaritas)


def _indikator(rng: np.random.Generator, n_iku: int, n_sas: int, bidang: str) -> list[dict]:
    # every sasaran gets at least one IKU
    sas_of = np.sort(np.concatenate([np.arange(n_sas), rng.integers(0, n_sas, n_iku - n_sas)]))
    rows = []
    for i in range(n_iku):
        u = rng.random()
        jenis = "angka" if u < 0.65 else "level" if u < 0.77 else "kategori" if u < 0.89 else "rentang"
        polaritas = "turun" if jenis == "angka" and rng.random() < 0.25 else "naik"
        if jenis == "angka":
            names = _INDIKATOR_TURUN if polaritas == "turun" else _INDIKATOR_NAIK
            nama, satuan = names[int(rng.integers(len(names)))], "Persen"
        elif jenis == "level":
            nama, satuan = "Tingkat kematangan penyelenggaraan layanan", "Level"
        elif jenis == "kategori":
            nama, satuan = "Status kinerja penyelenggaraan urusan", "Status Kinerja"
        else:
            nama, satuan = "Persentase ketepatan waktu penyaluran", "Persen"
        s = int(sas_of[i]) + 1
        rows.append({
            "kode": f"IKU-{i + 1}", "tujuan": f"Meningkatnya kualitas urusan {bidang}",
            "sasaran_kode": f"SS-{s}", "sasaran": f"Meningkatnya kinerja {bidang} aspek {s}",
            "indikator": f"{nama} ({bidang})", "satuan": satuan, "polaritas": polaritas, "jenis": jenis,
            "skala": ";".join(_SKALA_KATA) if jenis == "kategori" else "", "formula": nama,
        })
    return rows


def _kinerja(rng: np.random.Generator, ind: list[dict], tahun: list[int]) -> tuple[list[dict], dict]:
    """Rows of kinerja.csv and, per (kode, tahun), (target tuple, realisasi value) for the laporan."""
    rows, nilai = [], {}
    last = tahun[-1]
    n_na_last = 0
    for iku in ind:
        jenis, pol = iku["jenis"], iku["polaritas"]
        for th in tahun:
            na = rng.random() < 0.08
            if th == last and na:
                # at most a quarter of the IKU not measurable in the year of the report, never the first
                na = iku["kode"] != "IKU-1" and n_na_last < len(ind) // 4
                n_na_last += na
            if jenis == "angka":
                if pol == "naik":
                    t = float(rng.integers(50, 101))
                    r = round(t * rng.uniform(0.45, 1.25), 2)
                else:
                    t = round(float(rng.uniform(5, 30)), 2)
                    r = round(t * rng.uniform(0.6, 1.5), 2)
                tt, rt, tv = format_angka(t, 2 if t != int(t) else 0), format_angka(r, 2), (t, np.nan, np.nan)
            elif jenis == "level":
                den = int(rng.choice([5, 9]))
                num_t = int(rng.integers(den - 2, den + 1))
                num_r = int(rng.integers(max(1, num_t - 3), den + 1))
                tt, rt = f"{num_t}/{den}", f"{num_r}/{den}"
                tv, r = (num_t / den, np.nan, np.nan), num_r / den
            elif jenis == "kategori":
                kt = int(rng.integers(2, 5))
                kr = int(rng.integers(max(1, kt - 2), 5))
                tt, rt = _SKALA_KATA[kt - 1], _SKALA_KATA[kr - 1]
                tv, r = (float(kt), np.nan, np.nan), float(kr)
            else:
                lo = float(rng.integers(60, 86))
                hi = lo + 10
                r = round(float(rng.uniform(lo - 20, hi + 8)), 2)
                tt, rt = f"{format_angka(lo, 0)}-{format_angka(hi, 0)}", format_angka(r, 2)
                tv = (np.nan, lo, hi)
            if na:
                rt, r = "N/A", np.nan
            rows.append({"kode": iku["kode"], "tahun": th, "target": tt, "realisasi": rt})
            nilai[(iku["kode"], th)] = (tv, r, tt, rt)
    return rows, nilai


def _anggaran(rng: np.random.Generator, tahun: list[int], bidang: str) -> list[dict]:
    """A program -> kegiatan -> subkegiatan tree per year; parents are the sums of their children."""
    rows = []
    n_prog = int(rng.integers(2, 5))
    base = float(rng.uniform(0.62, 0.97))  # how well this unit spends
    shape = [[int(rng.integers(1, 5)) for _ in range(int(rng.integers(1, 4)))] for _ in range(n_prog)]
    for th in tahun:
        for p, keg in enumerate(shape, 1):
            prog = {"tahun": th, "kode": f"P{p}", "induk": "", "tingkat": "program",
                    "uraian": f"Program {p} Urusan {bidang}", "pagu": 0, "realisasi": 0}
            rows.append(prog)
            for k, n_sub in enumerate(keg, 1):
                kg = {"tahun": th, "kode": f"P{p}.{k}", "induk": f"P{p}", "tingkat": "kegiatan",
                      "uraian": f"Kegiatan {p}.{k} {bidang}", "pagu": 0, "realisasi": 0}
                rows.append(kg)
                for s in range(1, n_sub + 1):
                    pagu = int(rng.integers(100, 2500)) * 1_000_000 + int(rng.integers(0, 1_000_000))
                    real = int(pagu * min(1.0, max(0.3, base + float(rng.normal(0, 0.08)))))
                    rows.append({"tahun": th, "kode": f"P{p}.{k}.{s}", "induk": f"P{p}.{k}", "tingkat": "subkegiatan",
                                 "uraian": f"Sub Kegiatan {p}.{k}.{s} {bidang}", "pagu": pagu, "realisasi": real})
                    for node in (kg, prog):
                        node["pagu"] += pagu
                        node["realisasi"] += real
    return rows


def _laporan(rng: np.random.Generator, ind: list[dict], nilai: dict, anggaran: list[dict], th: int) -> tuple[list[dict], list[dict]]:
    """The printed figures of the report of ``th`` and the errors planted among them."""
    rows: list[dict] = []
    cap = {}
    for iku in ind:
        tv, r, tt, rt = nilai[(iku["kode"], th)]
        if iku["jenis"] != "rentang":  # the audit reads a printed range as a malformed number
            rows.append({"tahun": th, "tabel": "Tabel 2.3", "kunci": f"target/{iku['kode']}/{th}", "nilai": tt, "catatan": "PK"})
        rows.append({"tahun": th, "tabel": "Tabel 3.2", "kunci": f"realisasi/{iku['kode']}/{th}", "nilai": rt, "catatan": ""})
        if not np.isnan(r):
            cap[iku["kode"]] = _capaian(iku["jenis"], iku["polaritas"], tv, r)
    terukur = [k for k in cap]
    salah: list[dict] = []
    pick = list(rng.permutation(terukur))
    wrong_cap = pick[0] if len(pick) >= 1 and rng.random() < 0.8 else None
    wrong_kat = pick[1] if len(pick) >= 2 and rng.random() < 0.8 else None
    for kode, c in cap.items():
        teks_c, teks_k = format_persen(c), _kategori(c)
        if kode == wrong_cap:
            teks_c = format_persen(c + float(rng.choice([-1, 1])) * float(rng.uniform(2, 9)))
            salah.append({"kunci": f"capaian/{kode}/{th}", "jenis": "capaian", "benar": format_persen(c), "tertulis": teks_c})
        if kode == wrong_kat:
            i = _LABEL.index(teks_k)
            teks_k = _LABEL[i + 1] if i + 1 < len(_LABEL) else _LABEL[i - 1]
            salah.append({"kunci": f"kategori/{kode}/{th}", "jenis": "kategori", "benar": _kategori(c), "tertulis": teks_k})
        rows.append({"tahun": th, "tabel": "Tabel 3.2", "kunci": f"capaian/{kode}/{th}", "nilai": teks_c, "catatan": ""})
        rows.append({"tahun": th, "tabel": "Tabel 3.2", "kunci": f"kategori/{kode}/{th}", "nilai": teks_k, "catatan": ""})
    if cap:
        rows.append({"tahun": th, "tabel": "Bab IV", "kunci": f"rata_rata/{th}",
                     "nilai": format_persen(float(np.mean(list(cap.values())))), "catatan": "rata-rata capaian IKU"})
    rows.append({"tahun": th, "tabel": "Tabel 3.2", "kunci": f"jumlah_iku/{th}", "nilai": str(len(ind)), "catatan": ""})
    prog = [a for a in anggaran if a["tahun"] == th and a["tingkat"] == "program"]
    malformed = prog[int(rng.integers(len(prog)))]["kode"] if rng.random() < 0.8 or not salah else None
    for a in prog:
        teks = format_angka(a["pagu"], 0)
        if a["kode"] == malformed:
            bad = teks.replace(".", "", 1)  # '1.234.567.890' printed as '1234.567.890'
            salah.append({"kunci": f"pagu/{a['kode']}/{th}", "jenis": "format", "benar": teks, "tertulis": bad})
            teks = bad
        rows.append({"tahun": th, "tabel": "Tabel 3.9", "kunci": f"pagu/{a['kode']}/{th}", "nilai": teks, "catatan": ""})
        rows.append({"tahun": th, "tabel": "Tabel 3.9", "kunci": f"realisasi_anggaran/{a['kode']}/{th}",
                     "nilai": format_angka(a["realisasi"], 0), "catatan": ""})
        rows.append({"tahun": th, "tabel": "Tabel 3.9", "kunci": f"serapan/{a['kode']}/{th}",
                     "nilai": format_persen(persen_serapan(a["realisasi"], a["pagu"])), "catatan": ""})
    total = sum(a["pagu"] for a in prog)
    rows.append({"tahun": th, "tabel": "Tabel 3.9", "kunci": f"pagu/jumlah/{th}", "nilai": format_angka(total, 0), "catatan": "baris Jumlah"})
    return rows, salah


_ENTITAS = """nama: Dinas {bidang} Kabupaten Contoh {nomor}
singkatan: Dinas {bidang}
pemda: Kabupaten Contoh
provinsi: Provinsi Contoh
sumber: data sintetis (lakip contoh), bukan laporan sebenarnya
pilihan:
  rumus_turun: selisih
  batas_capaian: null
  metode_efisiensi: rasio
"""


def buat_unit(rng: np.random.Generator, folder: Path, nomor: int, tahun: list[int]) -> list[dict]:
    """Write one synthetic unit into ``folder``; return its planted errors."""
    folder.mkdir(parents=True, exist_ok=True)
    bidang = _BIDANG[(nomor - 1) % len(_BIDANG)]
    n_iku = int(rng.integers(5, 13))
    n_sas = int(rng.integers(3, min(6, n_iku) + 1))
    ind = _indikator(rng, n_iku, n_sas, bidang)
    kin, nilai = _kinerja(rng, ind, tahun)
    ang = _anggaran(rng, tahun, bidang)
    ang_iku = []
    for th in tahun:
        for iku in ind:
            pagu = int(rng.integers(50, 1500)) * 1_000_000
            ang_iku.append({"tahun": th, "kode": iku["kode"], "pagu": format_angka(pagu, 0),
                            "realisasi": format_angka(int(pagu * rng.uniform(0.6, 1.0)), 0)})
    lap, salah = _laporan(rng, ind, nilai, ang, tahun[-1])
    ang_txt = [{**a, "pagu": format_angka(a["pagu"], 0), "realisasi": format_angka(a["realisasi"], 0)} for a in ang]
    files = {
        "entitas.yml": _ENTITAS.format(bidang=bidang, nomor=nomor),
        "indikator.csv": _csv(ind, ["kode", "tujuan", "sasaran_kode", "sasaran", "indikator", "satuan", "polaritas", "jenis", "skala", "formula"]),
        "kinerja.csv": _csv(kin, ["kode", "tahun", "target", "realisasi"]),
        "anggaran.csv": _csv(ang_txt, ["tahun", "kode", "induk", "tingkat", "uraian", "pagu", "realisasi"]),
        "anggaran_iku.csv": _csv(ang_iku, ["tahun", "kode", "pagu", "realisasi"]),
        "laporan.csv": _csv(lap, ["tahun", "tabel", "kunci", "nilai", "catatan"]),
    }
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return salah


def cek_ukuran(unit: int, tahun: int, tahun_akhir: int = 2024) -> str | None:
    """Why a kabupaten of ``unit`` units and ``tahun`` years ending ``tahun_akhir`` cannot be made (None: it can)."""
    if unit < 1 or tahun < 1:
        return "jumlah unit dan jumlah tahun paling sedikit 1"
    if unit > BATAS_UNIT:
        return f"{format_angka(unit, 0)} unit terlalu banyak (paling banyak {format_angka(BATAS_UNIT, 0)} unit)"
    if tahun_akhir - tahun + 1 < TAHUN_MIN:
        return (f"{tahun} tahun yang berakhir {tahun_akhir} dimulai {tahun_akhir - tahun + 1}, sebelum {TAHUN_MIN} "
                f"(tahun paling awal yang diterima data); paling banyak {tahun_akhir - TAHUN_MIN + 1} tahun")
    return None


def buat_kabupaten(folder: str | Path, unit: int = 10, tahun: int = 3, seed: int = 0, tahun_akhir: int = 2024) -> list[Path]:
    """Write a synthetic kabupaten of ``unit`` units and ``tahun`` years ending ``tahun_akhir``.

    Returns the unit folders. ``kesalahan_tertanam.csv`` at the top of
    ``folder`` lists the planted errors (entitas, kunci, jenis, benar,
    tertulis). Deterministic for a seed.
    """
    masalah = cek_ukuran(unit, tahun, tahun_akhir)
    if masalah:
        raise ValueError(masalah)
    root = Path(folder)
    root.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(seed)
    years = list(range(tahun_akhir - tahun + 1, tahun_akhir + 1))
    width = max(3, len(str(unit)))
    out, semua = [], []
    for i in range(1, unit + 1):
        slug = f"opd-{i:0{width}d}"
        salah = buat_unit(rng, root / slug, i, years)
        semua += [{"entitas": slug, **s} for s in salah]
        out.append(root / slug)
    pd.DataFrame(semua, columns=["entitas", "kunci", "jenis", "benar", "tertulis"]).to_csv(
        root / BERKAS_KESALAHAN, index=False, lineterminator="\n", encoding="utf-8")
    return out
