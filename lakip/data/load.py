"""Reading and validating a unit's data folder (the data contract of data/README.md).

This is the one validation layer at the edge. Every problem is collected, in
Indonesian, with its file, row and column, and reported all at once as a
:class:`DataError`; warnings (``peringatan``) do not stop a run. Rows are
numbered as a spreadsheet shows them: the header is row 1.

Per-column checks (required values, allowed words, years) are pandera
schemas validated lazily; numbers, cross-file references and the tree are
checked here by hand, because their messages need the reason and the row.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from lakip.core.budget import akar_indeks, posisi_induk, tingkat_terbalik
from lakip.core.config import Pilihan
from lakip.core.formula import urai_rumus
from lakip.core.ikm import bobot_ikm
from lakip.core.model import DataError, Masalah, PilihanError, Unit, tahun_akhir
from lakip.core.numbers import AngkaError, format_angka, parse_angka
from lakip.core.paths import DATA_DIR, resolve
from lakip.core.config import SKALA_ORDINAL
from lakip.core.teks import cuplik
from lakip.core.vocabulary import (JENIS, SEMUA_SASARAN, TINGKAT_SINONIM, baca_nilai, kunci_laporan, pesan_tahun, sama_kata,
                                   skala_kata, tahun_atau_none, tahun_ok, tingkat_baku)
from lakip.data.entitas import baca_entitas
from lakip.data.contract import KOLOM, OPSIONAL, angka_kolom, baca_csv, duplikat, validasi_skema
from lakip.data import luar

__all__ = ["NAMA_UNIT", "ATURAN_NAMA_UNIT", "baca_entitas", "daftar_entitas", "muat", "muat_semua"]


def _tahun_opsional(name: str, df: pd.DataFrame, kolom: str, masalah: list[Masalah]) -> Any:
    """An optional year column (``tahun_renstra``, ``tahun_akhir``): empty is NA, anything else must be a year."""
    out = []
    for baris, th in zip(df.index, df[kolom] if kolom in df else [""] * len(df)):
        if th and not tahun_ok(th):
            masalah.append(Masalah(name, int(baris), kolom, pesan_tahun(th)))
            th = ""
        out.append(int(th) if th else pd.NA)
    return pd.array(out, dtype="Int64")


# --------------------------------------------------------------------------- tables


def _indikator(df: pd.DataFrame, masalah: list[Masalah]) -> pd.DataFrame:
    name = "indikator.csv"
    validasi_skema(name, df, masalah)
    duplikat(name, df, masalah)
    # one sasaran, one text: a second wording would split or mislabel it in every table
    pertama: dict[str, tuple[int, str]] = {}
    for baris, kode_s, teks in zip(df.index, df["sasaran_kode"], df["sasaran"]):
        if not kode_s or not teks:
            continue
        if kode_s not in pertama:
            pertama[kode_s] = (int(baris), teks)
        elif not sama_kata(teks, pertama[kode_s][1]):
            masalah.append(Masalah(name, int(baris), "sasaran",
                                   f"sasaran_kode {kode_s} di baris {pertama[kode_s][0]} bernama '{cuplik(pertama[kode_s][1])}', "
                                   f"di sini '{cuplik(teks)}'; satu kode sasaran, satu nama"))
    skala = []
    for baris, row in df.iterrows():
        words = None
        if row["jenis"] == "kategori":
            words = skala_kata(row["skala"])
            if words is None:
                masalah.append(Masalah(
                    name, int(baris), "skala",
                    "indikator jenis kategori perlu skala: kata berurutan dari terendah dipisah ';' "
                    f"atau nama skala ({', '.join(SKALA_ORDINAL)})",
                ))
        skala.append(words)
    out = df.copy()
    out["skala_kata"] = skala
    # optional: the Renstra end-period target (Bab III A item 3)
    renstra = {"renstra_nilai": [], "renstra_bawah": [], "renstra_atas": []}
    for (baris, row), words in zip(df.iterrows(), skala):
        v = None
        if row.get("target_renstra", "") and row["jenis"] in JENIS and not (row["jenis"] == "kategori" and words is None):
            try:
                v = baca_nilai(row["target_renstra"], row["jenis"], words)
            except AngkaError as e:
                masalah.append(Masalah(name, int(baris), "target_renstra", str(e)))
        v = v or (np.nan, np.nan, np.nan)
        for key, x in zip(renstra, v):
            renstra[key].append(x)
    for key, values in renstra.items():
        out[key] = pd.Series(values, index=df.index, dtype=float)
    rumus = []
    for baris, row in df.iterrows():
        try:
            rumus.append(urai_rumus(row.get("rumus_komponen", "")))
        except ValueError as e:
            masalah.append(Masalah(name, int(baris), "rumus_komponen", str(e)))
            rumus.append([])
    out["persamaan"] = rumus
    if "target_renstra" not in out.columns:
        out["target_renstra"] = ""
    out["tahun_renstra"] = _tahun_opsional(name, df, "tahun_renstra", masalah)
    # optional: the last year an IKU is measured (a Renstra that drops it)
    out["tahun_akhir"] = _tahun_opsional(name, df, "tahun_akhir", masalah)
    return out


def _kinerja(df: pd.DataFrame, indikator: pd.DataFrame | None, masalah: list[Masalah], isian: bool = False) -> pd.DataFrame:
    name = "kinerja.csv"
    bad = validasi_skema(name, df, masalah)
    duplikat(name, df, masalah)
    # a kode written twice in indikator.csv is reported there; its first row is used here
    info = {} if indikator is None else (
        indikator.drop_duplicates("kode").set_index("kode")[["jenis", "polaritas", "skala_kata"]].to_dict("index"))
    parsed = {k: [] for k in ("target_nilai", "target_bawah", "target_atas", "realisasi_nilai")}
    for baris, row in df.iterrows():
        meta = info.get(row["kode"])
        if meta is None and indikator is not None and row["kode"]:
            masalah.append(Masalah(name, int(baris), "kode", f"'{cuplik(row['kode'])}' tidak ada di indikator.csv"))
        values = {}
        for kolom in ("target", "realisasi"):
            v = None
            if meta is not None and meta["jenis"] in JENIS and not (
                meta["jenis"] == "kategori" and meta["skala_kata"] is None
            ):
                # a range target is met by a plain number
                jenis = "angka" if meta["jenis"] == "rentang" and kolom == "realisasi" else meta["jenis"]
                try:
                    v = baca_nilai(row[kolom], jenis, meta["skala_kata"])
                except AngkaError as e:
                    masalah.append(Masalah(name, int(baris), kolom, str(e)))
                else:
                    if v is None and kolom == "target":
                        masalah.append(Masalah(name, int(baris), kolom, "target wajib diisi"))
            values[kolom] = v or (np.nan, np.nan, np.nan)
        th = tahun_atau_none(row["tahun"])
        if (
            meta is not None and meta["polaritas"] == "naik" and values["target"][0] == 0
            and int(baris) not in bad
        ):
            masalah.append(Masalah(
                name, int(baris), "target",
                "target 0 dengan polaritas naik: capaian tidak dapat dihitung", "peringatan", th,
            ))
        for kolom in ("target", "realisasi"):
            if any(x < 0 for x in values[kolom]):  # NaN compares False
                masalah.append(Masalah(
                    name, int(baris), kolom,
                    f"'{row[kolom]}' negatif; periksa tanda minus: capaian dari nilai negatif dihitung dengan rumus "
                    "yang sama dan dapat menyesatkan", "peringatan", th,
                ))
        t, r = values["target"][0], values["realisasi"][0]
        if meta is not None and meta["jenis"] == "angka" and t > 0 and r > 0 and (r / t >= 10 or t / r >= 10):
            masalah.append(Masalah(
                name, int(baris), "realisasi",
                f"'{row['realisasi']}' dibaca {format_angka(r, 4).rstrip('0').rstrip(',')}, {'lebih dari 10 kali' if r > t else 'kurang dari sepersepuluh'} "
                f"target {format_angka(t, 4).rstrip('0').rstrip(',')}; periksa penulisan (titik memisahkan ribuan, koma memisahkan desimal)",
                "peringatan", th,
            ))
        parsed["target_nilai"].append(values["target"][0])
        parsed["target_bawah"].append(values["target"][1])
        parsed["target_atas"].append(values["target"][2])
        parsed["realisasi_nilai"].append(values["realisasi"][0])
    out = df.copy()
    for k, v in parsed.items():
        out[k] = pd.Series(v, index=df.index, dtype=float)
    if indikator is not None and len(df):
        _baris_hilang(df, indikator, masalah, isian)
    return out


def _baris_hilang(df: pd.DataFrame, indikator: pd.DataFrame, masalah: list[Masalah], isian: bool = False) -> None:
    """Every IKU needs a row in every year of the data from its first year on,
    up to its ``tahun_akhir`` (indikator.csv) when it has one, and no row after it.

    Without it the IKU would silently drop out of that year's tables and means.
    An IKU that is no longer measured says so in ``tahun_akhir``: its missing
    later rows are never taken for forgotten ones, nor forgotten rows for an end.
    """
    tahun = [tahun_atau_none(t) for t in df["tahun"]]
    years = sorted({t for t in tahun if t is not None})
    have = set(zip(df["kode"], tahun))
    akhir = tahun_akhir(indikator)
    for baris, kode, t in zip(df.index, df["kode"], tahun):
        end = akhir.get(kode)
        if end is not None and t is not None and t > end:
            masalah.append(Masalah("kinerja.csv", int(baris), "tahun",
                                   f"{kode} tidak dipakai lagi sesudah tahun {end} (kolom tahun_akhir di indikator.csv) "
                                   f"tetapi punya baris tahun {t}"))
    tahun_salah = {kode for kode, t in zip(df["kode"], tahun) if t is None}  # reported at their row already
    for kode in indikator["kode"]:
        if kode in tahun_salah or not kode:  # an empty kode is said once, at its cell of indikator.csv
            continue
        own = [t for t in years if (kode, t) in have]
        if not own and kode in akhir and (not years or akhir[kode] < years[0]):
            continue  # ended before the first year of the data: kept in indikator.csv as history
        if not own:
            if not isian:  # a new IKU gets its rows through lakip template and lakip import
                masalah.append(Masalah("kinerja.csv", None, "kode", f"{kode} dari indikator.csv tidak punya baris sama sekali; "
                                       "tambahkan baris tahun pertamanya (lakip template menyiapkannya)"))
            continue
        end = akhir.get(kode)
        for t in years:
            if (kode, t) in have or (end is not None and t > end) or t < own[0]:
                continue
            hint = "tambahkan baris dengan target dan realisasi N/A bila belum terukur"
            if t > own[-1]:
                hint += f", atau isi tahun_akhir {own[-1]} di indikator.csv bila IKU ini tidak dipakai lagi"
            masalah.append(Masalah("kinerja.csv", None, "kode", f"{kode} tidak punya baris untuk tahun {t}; {hint}"))
        sebelum = [t for t in years if t < own[0]]
        if sebelum:  # once, for the report of its first year: its comparison has no earlier year
            masalah.append(Masalah(
                "kinerja.csv", None, "kode",
                f"{kode} baru ada sejak tahun {own[0]}; tidak ikut tahun {', '.join(str(t) for t in sebelum)}",
                "peringatan", own[0],
            ))


def _tahun_int(df: pd.DataFrame) -> pd.DataFrame:
    out = df.copy()
    out["tahun"] = pd.to_numeric(out["tahun"], errors="coerce").astype("Int64")
    return out


def _uang(name: str, df: pd.DataFrame, masalah: list[Masalah]) -> pd.DataFrame:
    """What the two budget tables check alike: their columns, repeated rows, and pagu (required) and
    realisasi read as numbers."""
    validasi_skema(name, df, masalah)
    duplikat(name, df, masalah)
    out = df.copy()
    out["pagu"] = angka_kolom(name, df, "pagu", masalah, wajib=True)
    out["realisasi"] = angka_kolom(name, df, "realisasi", masalah, wajib=False)
    return out


def _melebihi_pagu(name: str, out: pd.DataFrame, masalah: list[Masalah]) -> None:
    """A warning at every row of a budget table whose realisasi is above its pagu."""
    over = out["realisasi"] > out["pagu"]
    for baris in out.index[over.fillna(False)]:
        masalah.append(Masalah(name, int(baris), "realisasi", "realisasi anggaran melebihi pagu", "peringatan",
                               tahun_atau_none(out.at[baris, "tahun"])))


def _anggaran(df: pd.DataFrame, masalah: list[Masalah]) -> pd.DataFrame:
    name = "anggaran.csv"
    out = _uang(name, df, masalah)
    known = set(zip(df["tahun"], df["kode"]))
    parent = posisi_induk(df["kode"].to_numpy(), df["induk"].to_numpy(), df["tahun"].to_numpy())
    root = akar_indeks(parent)
    tingkat = np.array([tingkat_baku(t) for t in df["tingkat"]], dtype=object)  # unit_kerja is the level of bagian
    terbalik = tingkat_terbalik(tingkat, parent)
    for (baris, row), r, p, salah in zip(df.iterrows(), root, parent, terbalik):
        if row["induk"] and (row["tahun"], row["induk"]) not in known:
            masalah.append(Masalah(name, int(baris), "induk", f"induk '{cuplik(row['induk'])}' tidak ada pada tahun {row['tahun']}"))
        if r < 0:  # a cycle never reaches a top-level node
            masalah.append(Masalah(name, int(baris), "induk", "hubungan induk berputar (melingkar)"))
        elif salah:
            masalah.append(Masalah(name, int(baris), "induk",
                                   f"{row['tingkat']} tidak dapat berada di bawah {df['tingkat'].iat[p]} '{row['induk']}' "
                                   "(urutan tingkat: program, bagian atau unit_kerja, lalu kegiatan, lalu subkegiatan)"))
        if row["induk"] == "" and row["tingkat"] in ("kegiatan", "subkegiatan"):
            masalah.append(Masalah(name, int(baris), "induk", f"{row['tingkat']} tanpa induk", "peringatan",
                                   tahun_atau_none(row["tahun"])))
    _melebihi_pagu(name, out, masalah)
    out["tingkat"] = out["tingkat"].replace(TINGKAT_SINONIM)
    out["induk"] = out["induk"].replace("", np.nan)
    return _tahun_int(out)


def _anggaran_iku(df: pd.DataFrame, kode_iku: set[str] | None, masalah: list[Masalah]) -> pd.DataFrame:
    name = "anggaran_iku.csv"
    out = _uang(name, df, masalah)
    if kode_iku is not None:
        for baris, kode in df["kode"].items():
            if kode and kode not in kode_iku:
                masalah.append(Masalah(name, int(baris), "kode", f"'{cuplik(kode)}' tidak ada di indikator.csv"))
    _melebihi_pagu(name, out, masalah)
    return _tahun_int(out)


#: The counts of staff in ``sdm.csv`` (Tabel 1.1): ``jumlah`` required, the others where the report prints them.
_KOLOM_SDM = ("jumlah", "gol_i", "gol_ii", "gol_iii", "gol_iv", "laki_laki", "perempuan")


def _lampiran(name: str, df: pd.DataFrame, masalah: list[Masalah]) -> pd.DataFrame:
    """Check an optional table (``sdm.csv``, ``perda.csv``): its column checks, and in ``sdm.csv`` every
    count a whole number, not negative (``-`` or N/A where the report prints none). Kept as written."""
    validasi_skema(name, df, masalah)
    if name == "sdm.csv":
        for kolom in (k for k in _KOLOM_SDM if k in df.columns):
            angka = angka_kolom(name, df, kolom, masalah, wajib=kolom == "jumlah")
            for baris in angka.index[angka.notna() & (angka % 1 != 0)]:
                masalah.append(Masalah(name, int(baris), kolom, f"'{cuplik(df.at[baris, kolom])}' bukan bilangan bulat "
                                                                "(jumlah pegawai)"))
    return df


#: The optional tables read into typed frames (the scores from outside the unit).
_LUAR = {"survei_ikm.csv": luar.survei_ikm, "lke.csv": luar.lke}


def _laporan(df: pd.DataFrame, unit_codes: dict[str, set[str]], masalah: list[Masalah]) -> pd.DataFrame:
    name = "laporan.csv"
    validasi_skema(name, df, masalah)
    for baris, kunci in df["kunci"].items():
        if not kunci:
            continue
        try:
            parts = kunci_laporan(kunci)
        except ValueError as e:
            masalah.append(Masalah(name, int(baris), "kunci", str(e)))
            continue
        for ref in ("iku", "sasaran", "anggaran"):
            allowed = unit_codes.get("semua" if ref == "sasaran" and parts["jenis"] == "jumlah_capaian" else ref)
            if ref in parts and allowed is not None and parts[ref] not in allowed:
                where = {"iku": "indikator.csv", "sasaran": "indikator.csv (sasaran_kode)", "anggaran": "anggaran.csv"}[ref]
                masalah.append(Masalah(name, int(baris), "kunci", f"kode '{cuplik(parts[ref])}' tidak ada di {where}"))
        if parts["jenis"] == "komponen_akip" and "komponen_lke" in unit_codes and parts["komponen"] not in unit_codes["komponen_lke"]:
            masalah.append(Masalah(name, int(baris), "kunci", f"komponen '{cuplik(parts['komponen'])}' tidak ada di lke.csv"))
    out = df.copy()
    if "catatan" not in out.columns:
        out["catatan"] = ""
    return _tahun_int(out)


def _entitas(path: Path, masalah: list[Masalah]) -> tuple[dict[str, Any], Pilihan]:
    data, pilihan = baca_entitas(path, masalah)
    return data, pilihan or Pilihan()


# --------------------------------------------------------------------------- entry points


def daftar_entitas(data_dir: str | Path | None = None) -> list[str]:
    """Slugs of the units in a data folder (folders holding an ``entitas.yml``), sorted."""
    root = resolve(data_dir, DATA_DIR)
    if not root.is_dir():
        return []
    return sorted(p.name for p in root.iterdir() if not p.name.startswith(".") and (p / "entitas.yml").is_file())


#: A unit's slug: the name of its folder, a part of every output path.
NAMA_UNIT = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")
ATURAN_NAMA_UNIT = ("nama unit (nama foldernya) hanya berisi huruf a-z, angka 0-9, '.', '_' dan '-', diawali huruf atau "
                    "angka, mis. dinas-kesehatan")

#: What to do about a table that holds its header only where rows are needed.
_SARAN_KOSONG = {
    "kinerja.csv": "; tahun pertama unit baru diisi dengan lakip template lalu lakip import",
    "indikator.csv": "; tulis IKU unit, satu baris per IKU (lihat data/README.md)",
}


def _folder_unit(root: Path, entitas: str | None) -> Path:
    """The folder of unit ``entitas`` in the data folder ``root`` (the only unit when None); PilihanError
    saying which units there are when there is no such unit, or several and none named."""
    if not root.is_dir():
        raise PilihanError(f"folder data '{root}' tidak ada")
    if entitas is None:
        slugs = daftar_entitas(root)
        if not slugs:
            raise PilihanError(f"tidak ada folder unit (berisi entitas.yml) di folder data '{root}'")
        if len(slugs) > 1:  # never a unit picked without a word: the output would silently be another one's
            daftar = ", ".join(slugs[:10]) + (f", dan {len(slugs) - 10} lainnya" if len(slugs) > 10 else "")
            raise PilihanError(f"folder data '{root}' berisi {len(slugs)} unit ({daftar}): "
                               "sebutkan satu dengan --entity SLUG (lakip run --all menjalankan semuanya)")
        entitas = slugs[0]

    def known() -> str:  # listed only for the message: a folder may hold thousands of units
        slugs = daftar_entitas(root)
        return (", ".join(slugs[:10]) + (f", dan {len(slugs) - 10} lainnya" if len(slugs) > 10 else "")) or "tidak ada"

    if not NAMA_UNIT.fullmatch(entitas or ""):
        aturan = ATURAN_NAMA_UNIT
        if entitas and (root / entitas / "entitas.yml").is_file():  # the folder is there, under a name no command takes
            raise PilihanError(f"folder unit '{cuplik(entitas)}' tidak dapat dipakai: {aturan}; ganti nama foldernya")
        raise PilihanError(f"'{cuplik(entitas)}' bukan nama unit: {aturan} (unit yang ada: {known()})")
    folder = root / entitas
    if not folder.is_dir():
        raise PilihanError(f"folder unit '{cuplik(entitas)}' tidak ada (unit yang ada: {known()})")
    return folder


def muat(data_dir: str | Path | None = None, entitas: str | None = None, isian: bool = False) -> Unit:
    """Load and validate one unit.

    Args:
        data_dir: the data folder (default: the project's ``data/``).
        entitas: the unit's slug (default: the only unit; with several, one must be named).
        isian: load for data entry (``lakip template`` and ``lakip import``):
            ``kinerja.csv`` may hold its header only (a new unit before its
            first year) and an IKU of ``indikator.csv`` may have no row yet (a
            new IKU before its first year). Nothing is analysed from it.

    Raises:
        DataError: listing every problem, when anything is wrong.
    """
    folder = _folder_unit(resolve(data_dir, DATA_DIR), entitas)
    entitas = folder.name
    masalah: list[Masalah] = []
    info, pilihan = _entitas(folder / "entitas.yml", masalah)
    raw = {name: baca_csv(folder / name, masalah, boleh_kosong=isian and name == "kinerja.csv",
                           saran_kosong=_SARAN_KOSONG.get(name, ""))
           for name in KOLOM}

    indikator = _indikator(raw["indikator.csv"], masalah) if raw["indikator.csv"] is not None else None
    kinerja = _kinerja(raw["kinerja.csv"], indikator, masalah, isian) if raw["kinerja.csv"] is not None else None
    anggaran = _anggaran(raw["anggaran.csv"], masalah) if raw["anggaran.csv"] is not None else None
    kode_iku = None if indikator is None else set(indikator["kode"])
    anggaran_iku = _anggaran_iku(raw["anggaran_iku.csv"], kode_iku, masalah) if raw["anggaran_iku.csv"] is not None else None
    if anggaran_iku is not None and indikator is not None:  # the budget of an IKU after its end is not analysed
        akhir = tahun_akhir(indikator)
        for baris, kode, th in zip(anggaran_iku.index, anggaran_iku["kode"], anggaran_iku["tahun"]):
            if kode in akhir and not pd.isna(th) and int(th) > akhir[kode]:
                masalah.append(Masalah("anggaran_iku.csv", int(baris), "kode",
                                       f"{kode} tidak dipakai lagi sesudah tahun {akhir[kode]} (kolom tahun_akhir di "
                                       f"indikator.csv); baris anggaran tahun {int(th)} ini tidak dianalisis",
                                       "peringatan", int(th)))
    codes: dict[str, set[str]] = {}
    if indikator is not None:
        codes["iku"], codes["sasaran"] = set(indikator["kode"]), set(indikator["sasaran_kode"])
        codes["semua"] = codes["sasaran"] | {SEMUA_SASARAN}
    if anggaran is not None:
        codes["anggaran"] = set(anggaran["kode"]) | {"jumlah"}
    # the scores from outside the unit (DOMAIN.md section 8): typed here, the others kept as written
    luar_ = {n.removesuffix(".csv"): _LUAR[n](df, masalah) for n, df in raw.items() if n in _LUAR and df is not None}
    if "lke" in luar_:
        codes["komponen_lke"] = set(luar_["lke"]["komponen"])
    laporan = _laporan(raw["laporan.csv"], codes, masalah) if raw["laporan.csv"] is not None else None
    lampiran = {n.removesuffix(".csv"): _lampiran(n, df, masalah).reset_index(drop=True)
                for n, df in raw.items() if n in OPSIONAL and n not in _LUAR and df is not None}
    lampiran.update(luar_)
    if indikator is not None:
        luar.cek_sumber(indikator, lampiran, masalah)

    if any(m.tingkat == "galat" for m in masalah):
        raise DataError(masalah)
    assert indikator is not None and kinerja is not None and anggaran is not None
    assert anggaran_iku is not None and laporan is not None
    if "sumber" in indikator.columns:  # an IKU's realisasi from its source, where kinerja.csv leaves it empty
        kinerja = luar.isi_realisasi(kinerja, indikator, lampiran, bobot_ikm(pilihan.bobot_ikm))
    kinerja = _tahun_int(kinerja).merge(
        indikator[["kode", "sasaran_kode", "polaritas", "jenis"]], on="kode", how="left", validate="many_to_one"
    )
    return Unit(
        slug=entitas,
        folder=folder,
        entitas=info,
        pilihan=pilihan,
        indikator=indikator.reset_index(drop=True),
        kinerja=kinerja.reset_index(drop=True),
        anggaran=anggaran.reset_index(drop=True),
        anggaran_iku=anggaran_iku.reset_index(drop=True),
        laporan=laporan.reset_index(drop=True),
        lampiran=lampiran,
        peringatan=[m for m in masalah if m.tingkat == "peringatan"],
    )


def muat_semua(data_dir: str | Path | None = None) -> tuple[list[Unit], dict[str, DataError]]:
    """Load every unit of a data folder one by one; the units that cannot be used are returned apart, by slug.

    :func:`lakip.data.bulk.muat_kabupaten` gives the same data, much faster for many units.
    """
    root = resolve(data_dir, DATA_DIR)
    units, gagal = [], {}
    for slug in daftar_entitas(root):
        try:
            units.append(muat(root, slug))
        except DataError as e:
            gagal[slug] = e
    return units, gagal
