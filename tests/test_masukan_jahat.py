"""A corpus of hostile inputs over every command (issue #15), one child process each.

Every case builds its input in ``tmp_path`` from a copy of the Batu Bara unit, runs
``lakip`` in a child limited to 1.5 GB of address space and 60 s, and asserts what a
user must get from bad input whatever the command: exit status 2, no traceback, an
Indonesian message that names the file and the row or key and says why (the case's
own fragments), and nothing changed on disk: the data folder, the earlier output
folder and the working folder are byte-identical before and after, and no new file or
folder appears anywhere under ``tmp_path``. The time and the peak memory of the child
are bounded far above a normal run (a bomb, not a slow run, is what they catch).

Cases whose fix is on another branch of issue #15 are marked xfail with that branch's
name (h15-yaml: strict reader of entitas.yml and scenario files; h15-xlsx: workbook
import and template; h15-impor: import lock and swap).
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pytest

import bantu
from bantu import lakip_terbatas
from lakip.core.paths import DATA_DIR

UNIT = "setda-batubara"
DETIK, MB = 60, 1500


@dataclass
class Tempat:
    """The folders of one case: ``data/<UNIT>`` (a copy), ``out`` (an earlier output), ``masuk`` (inputs), ``cwd``."""

    tmp: Path
    data: Path
    unit: Path
    out: Path
    masuk: Path
    cwd: Path

    def ganti(self, nama: str, lama: str, baru: str) -> None:
        """Replace the first ``lama`` of a unit file with ``baru``."""
        path = self.unit / nama
        teks = path.read_text(encoding="utf-8")
        assert lama in teks, (nama, lama)
        path.write_text(teks.replace(lama, baru, 1), encoding="utf-8")

    def tulis(self, nama: str, isi: str | bytes, folder: Path | None = None) -> Path:
        path = (folder or self.unit) / nama
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(isi if isinstance(isi, bytes) else isi.encode("utf-8"))
        return path

    def tambah(self, nama: str, isi: str) -> None:
        path = self.unit / nama
        path.write_text(path.read_text(encoding="utf-8") + isi, encoding="utf-8")


@dataclass
class Kasus:
    id: str
    argv: tuple[str, ...]  # placeholders: {data} {unit} {out} {masuk} {tmp}
    siapkan: Callable[[Tempat], None] | None
    pesan: tuple[str, ...]  # fragments of stderr; one that starts with 're:' is a regular expression
    pemilik: str | None = None  # the branch of issue #15 that fixes it
    detik: float = DETIK  # the ceiling of the child's time


def K(id, argv, siapkan=None, *pesan, pemilik=None, detik=DETIK):
    return Kasus(id, tuple(argv.split()) if isinstance(argv, str) else tuple(argv), siapkan, pesan, pemilik, detik)


def ganti(nama, lama, baru):
    return lambda t: t.ganti(nama, lama, baru)


def tulis(nama, isi):
    return lambda t: t.tulis(nama, isi)


def tambah(nama, isi):
    return lambda t: t.tambah(nama, isi)


def masuk(nama, isi):
    return lambda t: t.tulis(nama, isi, t.masuk)


def semua(*fs):
    def f(t):
        for g in fs:
            g(t)
    return f


PERIKSA = "periksa --data {data}"
RUN = "run --data {data} --out {out} --tabel-saja"
SKENARIO = "skenario --data {data} --out {out}"
IMPOR = "import --data {data} --entity " + UNIT
TEMPLATE = "template --data {data} --entity " + UNIT
LUAR = "di luar rentang angka"
KENDALI = "karakter kendali"
ANGKA_LAIN = "angka selain 0-9"

# --------------------------------------------------------------------------- entitas.yml

ENTITAS = (DATA_DIR / UNIT / "entitas.yml").read_text(encoding="utf-8")
BOM_ALIAS = "a: &a [x,x,x,x,x,x,x,x,x]\n" + "".join(
    f"{c}: &{c} [{','.join(['*' + p] * 9)}]\n" for p, c in zip("abcdefgh", "bcdefghi")) + "nama: *i\n"
DALAM = "[" * 100_000 + "]" * 100_000


def entitas(baru: str):
    return tulis("entitas.yml", baru)


KASUS_ENTITAS = [
    K("entitas-kunci-salah-ketik", PERIKSA, ganti("entitas.yml", "pilihan:", "pilhan:"),
      "entitas.yml", "pilhan", "pilihan"),
    K("entitas-kunci-tak-dikenal-dalam-pilihan", PERIKSA, ganti("entitas.yml", "  rumus_turun:", "  rumus_turunn:"),
      "entitas.yml", "rumus_turunn", "re:rumus_turun[^n]"),
    K("entitas-kunci-tak-dikenal-dalam-skala", PERIKSA, ganti("entitas.yml", "di_atas: 90", "di_ atas: 90"),
      "entitas.yml", "di_ atas", "di_atas"),
    K("entitas-kunci-ganda", PERIKSA, entitas(ENTITAS + "nama: Lain\n"),
      "entitas.yml", "nama", "re:(?i)dua kali|ganda|lebih dari sekali|berulang"),
    K("entitas-skala-nan", PERIKSA, ganti("entitas.yml", "di_atas: 90", "di_atas: .nan"),
      "entitas.yml", "di_atas", ".nan"),
    K("entitas-skala-inf", PERIKSA, ganti("entitas.yml", "di_atas: 90", "di_atas: .inf"),
      "entitas.yml", "di_atas", ".inf"),
    K("entitas-skala-true", PERIKSA, ganti("entitas.yml", "di_atas: 90", "di_atas: true"),
      "entitas.yml", "di_atas", "true"),
    K("entitas-skala-1e400", PERIKSA, ganti("entitas.yml", "di_atas: 90", "di_atas: 1e400"),
      "entitas.yml", "di_atas", "1e400"),
    K("entitas-skala-teks", PERIKSA, ganti("entitas.yml", "di_atas: 90", "di_atas: sembilan puluh"),
      "entitas.yml", "di_atas", "harus berupa angka"),
    K("entitas-nama-daftar", PERIKSA, ganti("entitas.yml", "nama: Sekretariat Daerah Kabupaten Batu Bara", "nama: [a, b]"),
      "entitas.yml", "nama", "re:teks"),
    K("entitas-nama-kendali", PERIKSA, ganti("entitas.yml", "nama: Sekretariat Daerah Kabupaten Batu Bara", 'nama: "Sekre\\atariat"'),
      "entitas.yml", "nama", KENDALI),
    K("entitas-bom-alias", PERIKSA, entitas(ENTITAS.replace("nama: Sekretariat Daerah Kabupaten Batu Bara\n", "") + BOM_ALIAS),
      "entitas.yml", "re:(?i)alias"),
    K("entitas-sarang-100000", PERIKSA, entitas(ENTITAS + "x: " + DALAM + "\n"),
      "entitas.yml", "re:(?i)dalam|bersarang|tingkat"),
    K("entitas-5mb", PERIKSA, entitas(ENTITAS + "# " + "x" * 5_000_000 + "\n"),
      "entitas.yml", "re:(?i)terlalu besar|besar"),
    K("entitas-bukan-yaml", PERIKSA, entitas("nama: [tidak ditutup\n"), "entitas.yml", "YAML"),
    K("entitas-tab", PERIKSA, entitas("nama: x\n\tsingkatan: y\n"), "entitas.yml", "baris 2"),
    K("entitas-daftar", PERIKSA, entitas("- a\n- b\n"), "entitas.yml", "re:(?i)pemetaan|kunci|daftar"),
    K("entitas-kosong", PERIKSA, entitas(""), "entitas.yml", "nama"),
    K("entitas-tanpa-nama", PERIKSA, entitas(ENTITAS.replace("nama: Sekretariat Daerah Kabupaten Batu Bara\n", "")),
      "entitas.yml", "nama", "wajib"),
    K("entitas-rumus-turun-salah", PERIKSA, ganti("entitas.yml", "rumus_turun: selisih", "rumus_turun: bagi"),
      "entitas.yml", "rumus_turun", "harus salah satu"),
    K("entitas-metode-efisiensi-salah", PERIKSA, ganti("entitas.yml", "metode_efisiensi: rasio", "metode_efisiensi: x"),
      "entitas.yml", "metode_efisiensi", "harus salah satu"),
    K("entitas-batas-capaian-salah", PERIKSA, ganti("entitas.yml", "batas_capaian: null", "batas_capaian: 150"),
      "entitas.yml", "batas_capaian", "harus 100, 120"),
    K("entitas-bukan-utf8", PERIKSA, tulis("entitas.yml", ENTITAS.replace("Batu", "B\xe2tu").encode("latin-1")),
      "entitas.yml", "UTF-8"),
    K("entitas-tag-python", PERIKSA, entitas(ENTITAS + "x: !!python/object/apply:os.system ['true']\n"),
      "entitas.yml baris 17", "YAML"),
    K("entitas-tidak-ada", PERIKSA, lambda t: (t.unit / "entitas.yml").unlink(), "entitas.yml", "re:tidak ada|tidak ditemukan"),
]

# --------------------------------------------------------------------------- CSV files of the unit (already handled on main)

BARIS_BURUK = "".join(f"IKU-{i},2024,1,abc\n" for i in range(8, 200_008))

KASUS_CSV = [
    K("tahun-arab-kinerja", PERIKSA, ganti("kinerja.csv", "IKU-1,2024,", "IKU-1,٢٠٢٤,"),
      "kinerja.csv baris 4, kolom tahun", ANGKA_LAIN),
    K("tahun-lebar-penuh-anggaran", PERIKSA, ganti("anggaran.csv", "2024,P1,", "２０２４,P1,"),
      "anggaran.csv baris 2, kolom tahun", ANGKA_LAIN),
    K("tahun-devanagari-anggaran-iku", PERIKSA, ganti("anggaran_iku.csv", "2024,IKU-3,", "२०२४,IKU-3,"),
      "anggaran_iku.csv baris 4, kolom tahun", ANGKA_LAIN),
    K("tahun-arab-laporan", PERIKSA, ganti("laporan.csv", "2024,Tabel 2.3,target/IKU-1/2024", "٢٠٢٤,Tabel 2.3,target/IKU-1/2024"),
      "laporan.csv baris 2, kolom tahun", ANGKA_LAIN),
    K("tahun-NA", PERIKSA, ganti("kinerja.csv", "IKU-1,2024,", "IKU-1,NA,"), "kinerja.csv baris 4, kolom tahun", "bukan tahun"),
    K("tahun-1800", PERIKSA, ganti("kinerja.csv", "IKU-1,2024,", "IKU-1,1800,"), "kinerja.csv baris 4, kolom tahun", "bukan tahun"),
    K("tahun-5-angka", PERIKSA, ganti("kinerja.csv", "IKU-1,2024,", "IKU-1,20245,"), "kinerja.csv baris 4, kolom tahun", "bukan tahun"),
    K("pagu-2pangkat53-plus-1", PERIKSA, ganti("anggaran.csv", ",48.281.384.383,", ",9.007.199.254.740.993,"),
      "anggaran.csv baris 2, kolom pagu", LUAR),
    K("pagu-10pangkat24", PERIKSA, ganti("anggaran.csv", ",48.281.384.383,", ",1.000.000.000.000.000.000.000.000,"),
      "anggaran.csv baris 2, kolom pagu", LUAR),
    K("pagu-iku-25-angka", PERIKSA, ganti("anggaran_iku.csv", "1.118.575.000,", "1234567890123456789012345,"),
      "anggaran_iku.csv baris 2, kolom pagu", LUAR),
    K("realisasi-anggaran-negatif-besar", PERIKSA, ganti("anggaran.csv", ",45.716.917.980", ",-99.000.000.000.000.000"),
      "anggaran.csv baris 2, kolom realisasi", LUAR),
    K("realisasi-NaN", PERIKSA, ganti("kinerja.csv", 'IKU-2,2024,100,"85,83"', "IKU-2,2024,100,NaN"),
      "kinerja.csv baris 7, kolom realisasi", "'NaN' bukan angka"),
    K("realisasi-inf", PERIKSA, ganti("kinerja.csv", 'IKU-2,2024,100,"85,83"', "IKU-2,2024,100,inf"),
      "kinerja.csv baris 7, kolom realisasi", "'inf'"),
    K("realisasi-minus-infinity", PERIKSA, ganti("kinerja.csv", 'IKU-2,2024,100,"85,83"', "IKU-2,2024,100,-Infinity"),
      "kinerja.csv baris 7, kolom realisasi", "'-Infinity'"),
    K("realisasi-div0", PERIKSA, ganti("kinerja.csv", 'IKU-2,2024,100,"85,83"', "IKU-2,2024,100,#DIV/0!"),
      "kinerja.csv baris 7, kolom realisasi", "'#DIV/0!'"),
    K("realisasi-1e400", PERIKSA, ganti("kinerja.csv", 'IKU-2,2024,100,"85,83"', "IKU-2,2024,100,1e400"),
      "kinerja.csv baris 7, kolom realisasi", "'1e400'"),
    K("realisasi-angka-arab", PERIKSA, ganti("kinerja.csv", 'IKU-2,2024,100,"85,83"', "IKU-2,2024,100,٨٥"),
      "kinerja.csv baris 7, kolom realisasi", ANGKA_LAIN),
    K("realisasi-10pangkat24", PERIKSA, ganti("kinerja.csv", 'IKU-2,2024,100,"85,83"', "IKU-2,2024,100,1.000.000.000.000.000.000.000.000"),
      "kinerja.csv baris 7, kolom realisasi", LUAR),
    K("target-kelompok-salah", PERIKSA, ganti("kinerja.csv", "IKU-2,2024,100,", 'IKU-2,2024,"1,2,3",'),
      "kinerja.csv baris 7, kolom target", "'1,2,3'"),
    K("level-400-angka", PERIKSA, ganti("kinerja.csv", "IKU-5,2024,9/9,9/9", "IKU-5,2024,9/9," + "9" * 400 + "/" + "9" * 400),
      "kinerja.csv baris 16, kolom realisasi", "bukan level"),
    K("level-di-atas-tertinggi", PERIKSA, ganti("kinerja.csv", "IKU-5,2024,9/9,9/9", "IKU-5,2024,9/9,10/9"),
      "kinerja.csv baris 16, kolom realisasi", "bukan level"),
    K("level-penyebut-nol", PERIKSA, ganti("kinerja.csv", "IKU-5,2024,9/9,9/9", "IKU-5,2024,9/9,0/0"),
      "kinerja.csv baris 16, kolom realisasi", "penyebut"),
    K("kategori-tak-dikenal", PERIKSA, ganti("kinerja.csv", "IKU-1,2023,Tinggi,Sedang", "IKU-1,2023,Tinggi,Lumayan"),
      "kinerja.csv baris 3, kolom realisasi", "Lumayan"),
    K("sel-200000-karakter", PERIKSA, ganti("indikator.csv", ",Nilai LPPD,", ",Nilai LPPD" + "x" * 200_000 + ","),
      "indikator.csv baris 2, kolom indikator", "terlalu panjang"),
    K("sel-kendali-bel", PERIKSA, ganti("indikator.csv", ",Nilai LPPD,", ",Nilai\x07LPPD,"),
      "indikator.csv baris 2, kolom indikator", KENDALI, "U+0007"),
    K("sel-kendali-escape-ansi", PERIKSA, ganti("indikator.csv", ",Nilai LPPD,", ",\x1b[31mNilai LPPD,"),
      "indikator.csv baris 2, kolom indikator", KENDALI, "U+001B"),
    K("sel-nul", PERIKSA, ganti("kinerja.csv", "IKU-1,2023,Tinggi,Sedang", "IKU-1,2023,Tinggi,Sed\x00ang"),
      "kinerja.csv", "re:baris 3|NUL|U\\+0000"),
    K("cr-saja-lalu-salah", PERIKSA, semua(ganti("kinerja.csv", "IKU-2,2024,100,", "IKU-2,2024,1x0,"),
                                           lambda t: t.tulis("kinerja.csv", (t.unit / "kinerja.csv").read_bytes().replace(b"\n", b"\r"))),
      "kinerja.csv baris 7, kolom target", "'1x0'"),
    K("crlf-lalu-salah", PERIKSA, semua(ganti("kinerja.csv", "IKU-2,2024,100,", "IKU-2,2024,1x0,"),
                                        lambda t: t.tulis("kinerja.csv", (t.unit / "kinerja.csv").read_bytes().replace(b"\n", b"\r\n"))),
      "kinerja.csv baris 7, kolom target", "'1x0'"),
    K("baris-baru-dalam-sel-lalu-salah", PERIKSA, semua(ganti("indikator.csv", ",Nilai LPPD,", ',"Nilai\nLPPD",'),
                                                        ganti("indikator.csv", "Nilai,naik,angka,,Nilai AKIP Pemda", "Nilai,naikk,angka,,Nilai AKIP Pemda")),
      "indikator.csv baris 5, kolom polaritas", "'naikk'"),
    K("sasaran-kode-jalur", PERIKSA, ganti("indikator.csv", ",SS-1,", ",../../x,"),
      "indikator.csv baris 2, kolom sasaran_kode", "garis miring"),
    K("kode-garis-miring-terbalik", PERIKSA, ganti("anggaran.csv", "2024,P2,", "2024,P\\2,"),
      "anggaran.csv baris 3, kolom kode", "garis miring"),
    K("kode-titik-dua", PERIKSA, ganti("indikator.csv", "IKU-7,", "IKU:7,"), "indikator.csv baris 8, kolom kode", "titik dua"),
    K("sasaran-kode-titik-dua", PERIKSA, ganti("indikator.csv", ",SS-1,", ",SS:1,"),
      "indikator.csv baris 2, kolom sasaran_kode", "titik dua"),
    K("anggaran-terbalik", PERIKSA, ganti("anggaran.csv", "2024,P1,,program,", "2024,P1,B1.1.1,program,"),
      "anggaran.csv baris 2, kolom induk", "tidak dapat berada di bawah"),
    K("anggaran-induk-tak-ada", PERIKSA, ganti("anggaran.csv", "2024,B1.1,B1,kegiatan,", "2024,B1.1,ZZ,kegiatan,"),
      "anggaran.csv baris 6, kolom induk", "'ZZ'"),
    K("anggaran-tingkat-salah", PERIKSA, ganti("anggaran.csv", "2024,P1,,program,", "2024,P1,,programm,"),
      "anggaran.csv baris 2, kolom tingkat", "'programm'"),
    K("200000-baris-salah", PERIKSA + " --daftar-masalah {tmp}/daftar.csv", tambah("kinerja.csv", BARIS_BURUK),
      "kinerja.csv baris 23, kolom kode", "'IKU-8' tidak ada di indikator.csv", "dan 199.950 masalah lain", detik=2 * DETIK),  # 25 s on a loaded machine
    K("baris-ganda", PERIKSA, tambah("kinerja.csv", "IKU-2,2024,100,90\n"), "kinerja.csv baris 23", "re:(?i)dua kali|ganda|sudah ada"),
    K("kolom-hilang", PERIKSA, tulis("kinerja.csv", "kode,tahun,target\nIKU-1,2024,Tinggi\n"),
      "kinerja.csv baris 1, kolom realisasi", "kolom wajib tidak ada"),
    K("judul-kolom-ganda", PERIKSA, ganti("kinerja.csv", "kode,tahun,target,realisasi", "kode,tahun,target,realisasi,tahun"),
      "kinerja.csv baris 1", "tahun"),
    K("baris-tidak-rata", PERIKSA, tambah("kinerja.csv", "IKU-2,2025,100\n"), "kinerja.csv baris 23", "kolom"),
    K("berkas-kosong", PERIKSA, tulis("kinerja.csv", ""), "kinerja.csv", "kosong"),
    K("hanya-judul", PERIKSA, tulis("kinerja.csv", "kode,tahun,target,realisasi\n"), "kinerja.csv", "re:tidak berisi|kosong"),
    K("utf16-tanpa-bom", PERIKSA, lambda t: t.tulis("kinerja.csv", (t.unit / "kinerja.csv").read_text(encoding="utf-8").encode("utf-16-le")),
      "kinerja.csv baris 1", "bukan UTF-8", "UTF-16"),
    K("latin1", PERIKSA, lambda t: t.tulis("indikator.csv", (t.unit / "indikator.csv").read_bytes().replace(b"Nilai LPPD", b"Nilai LPPD \xe9")),
      "indikator.csv baris 2", "UTF-8"),
    K("berkas-lebih-100mb", PERIKSA, lambda t: (t.unit / "laporan.csv").open("ab").truncate(101 * 2**20),
      "laporan.csv", "re:terlalu besar|100"),
    K("berkas-adalah-folder", PERIKSA, lambda t: ((t.unit / "kinerja.csv").unlink(), (t.unit / "kinerja.csv").mkdir()),
      "kinerja.csv", "bukan berkas biasa"),
    K("berkas-tautan-ke-dev-zero", PERIKSA, lambda t: ((t.unit / "kinerja.csv").unlink(), (t.unit / "kinerja.csv").symlink_to("/dev/zero")),
      "kinerja.csv", "bukan berkas biasa"),
    K("polaritas-salah", PERIKSA, ganti("indikator.csv", "Status Kinerja,naik,", "Status Kinerja,NAIK!,"),
      "indikator.csv baris 2, kolom polaritas", "'NAIK!'"),
    K("jenis-salah", PERIKSA, ganti("indikator.csv", "Status Kinerja,naik,kategori,", "Status Kinerja,naik,kategorii,"),
      "indikator.csv baris 2, kolom jenis", "'kategorii'"),
    K("rumus-panjang", PERIKSA, ganti("indikator.csv", "realisasi = ditetapkan / diusulkan * 100",
                                      "realisasi = " + "+".join(["ditetapkan"] * 16_000)),
      "indikator.csv baris 3, kolom rumus_komponen", "terlalu panjang"),
    K("rumus-bersarang", PERIKSA, ganti("indikator.csv", "realisasi = ditetapkan / diusulkan * 100",
                                        "realisasi = " + "(" * 240 + "sk" + ")" * 240),
      "indikator.csv baris 3, kolom rumus_komponen", "tidak dapat dibaca"),
    K("rumus-import-os", PERIKSA, ganti("indikator.csv", "realisasi = ditetapkan / diusulkan * 100",
                                        "realisasi = __import__('os').system('touch /tmp/x')"),
      "indikator.csv baris 3, kolom rumus_komponen"),
    K("rumus-atribut", PERIKSA, ganti("indikator.csv", "realisasi = ditetapkan / diusulkan * 100",
                                      "realisasi = ditetapkan.__class__"),
      "indikator.csv baris 3, kolom rumus_komponen"),
    K("laporan-kunci-tak-dikenal", PERIKSA, ganti("laporan.csv", "target/IKU-1/2024,", "sasaran_palsu/IKU-1/2024,"),
      "laporan.csv baris 2, kolom kunci", "sasaran_palsu"),
    K("laporan-kode-tak-ada", PERIKSA, ganti("laporan.csv", "target/IKU-1/2024,", "target/IKU-99/2024,"),
      "laporan.csv baris 2, kolom kunci", "IKU-99"),
    K("laporan-tahun-NA", PERIKSA, ganti("laporan.csv", "2024,Tabel 2.3,target/IKU-2/2024,", "NA,Tabel 2.3,target/IKU-2/2024,"),
      "laporan.csv baris 3, kolom tahun", "bukan tahun"),
    K("sdm-tanpa-kolom-jumlah", PERIKSA, tulis("sdm.csv", "no,status\n1,ASN\n"), "sdm.csv baris 1, kolom jumlah", "kolom wajib tidak ada"),
    K("perda-tanpa-kolom-tanggal", PERIKSA, tulis("perda.csv", "no,uraian\n1,PERDA\n"), "perda.csv baris 1, kolom tanggal",
      "kolom wajib tidak ada"),
    K("kode-kosong", PERIKSA, ganti("kinerja.csv", "IKU-1,2023,", ",2023,"), "kinerja.csv baris 3, kolom kode", "wajib diisi"),
    K("kode-tak-ada-di-indikator", PERIKSA, tambah("kinerja.csv", "IKU-99,2024,1,1\n"), "kinerja.csv baris 23, kolom kode", "'IKU-99'"),
    K("indikator-kosong-semua", PERIKSA, tulis("indikator.csv", (DATA_DIR / UNIT / "indikator.csv").read_text(encoding="utf-8").splitlines()[0] + "\n"),
      "indikator.csv", "re:tidak berisi|kosong"),
]

# --------------------------------------------------------------------------- the command line's own options

KASUS_PILIHAN = [
    K("run-year-arab", RUN + " --year ٢٠٢٤", None, "--year", "'٢٠٢٤'", ANGKA_LAIN),
    K("run-year-lebar-penuh", RUN + " --year ２０２４", None, "--year", "'２０２４'", ANGKA_LAIN),
    K("run-year-devanagari", RUN + " --year २०२४", None, "--year", "'२०२४'", ANGKA_LAIN),
    K("run-year-1800", RUN + " --year 1800", None, "--year", "'1800'", "bukan tahun antara 1990 dan 2100"),
    K("run-year-5-angka", RUN + " --year 20245", None, "--year", "'20245'", "bukan tahun (tulis 4 angka"),
    K("run-year-negatif", RUN + " --year=-2024", None, "--year", "'-2024'", "bukan tahun"),
    K("run-year-kosong", [*RUN.split(), "--year", ""], None, "--year", "bukan tahun"),
    K("run-year-tanpa-data", RUN + " --year 2030", None, "2030"),
    K("reviu-year-arab", "reviu --data {data} --out {out} --year ٢٠٢٤", None, "--year", ANGKA_LAIN),
    K("rekap-year-arab", "rekap --data {data} --out {out} --year ٢٠٢٤", None, "--year", ANGKA_LAIN),
    K("skenario-year-arab", SKENARIO + " --year ٢٠٢٤", None, "--year", ANGKA_LAIN),
    K("template-year-arab", TEMPLATE + " --out {tmp}/isian.xlsx --year ٢٠٢٥", None, "--year", "'٢٠٢٥'", ANGKA_LAIN),
    K("template-year-lebar-penuh", TEMPLATE + " --out {tmp}/isian.xlsx --year ２０２５", None, "--year", ANGKA_LAIN),
    K("import-year-arab", IMPOR + " --year ٢٠٢٥ {masuk}", masuk("kinerja.csv", "kode,tahun,target,realisasi\nIKU-2,2025,1,1\n"),
      "--year", ANGKA_LAIN),
    K("run-out-di-folder-data", "run --data {data} --out {data} --tabel-saja", None, "--out", "folder data"),
    K("run-out-di-folder-unit", "run --data {data} --out {unit}/hasil --tabel-saja", None, "--out", "folder data"),
    K("run-out-folder-data-bawaan", "run --data {data} --out {data}/../data/x --tabel-saja", None, "--out", "folder data"),
    K("run-all-out-di-folder-data", "run --all --data {data} --out {data}/keluaran --tabel-saja", None, "--out", "folder data"),
    K("reviu-out-di-folder-data", "reviu --data {data} --out {unit}", None, "--out", "folder data"),
    K("rekap-out-di-folder-data", "rekap --data {data} --out {data}", None, "--out", "folder data"),
    K("skenario-out-di-folder-data", "skenario --data {data} --out {unit} --ubah IKU-2:realisasi=80", None, "--out", "folder data"),
    K("template-out-di-folder-unit", TEMPLATE + " --year 2025 --out {unit}/isian.xlsx", None, "--out", "folder data"),
    K("template-out-bukan-xlsx", TEMPLATE + " --year 2025 --out {tmp}/isian.csv", None, "isian.csv", ".xlsx"),
    K("template-out-adalah-folder", TEMPLATE + " --year 2025 --out {masuk}/isian.xlsx", lambda t: (t.masuk / "isian.xlsx").mkdir(),
      "isian.xlsx: itu folder"),
    K("run-out-adalah-berkas", "run --data {data} --out {masuk}/berkas --tabel-saja", masuk("berkas", "x"),
      "berkas", "bukan folder"),
    K("skenario-file-adalah-folder", SKENARIO + " --file {masuk}/s.yml", lambda t: (t.masuk / "s.yml").mkdir(), "s.yml: itu folder"),
    # a unit not in the data gets the workbook that starts it (#16); a folder without entitas.yml is a unit gone wrong
    K("template-entitas-tak-ada", "template --data {data} --entity tidak-ada --year 2025 --out {tmp}/i.xlsx",
      lambda t: (t.data / "tidak-ada").mkdir(), "entitas.yml"),
    K("template-entitas-jalur", "template --data {data} --entity ../../etc --year 2025 --out {tmp}/i.xlsx", None, "../../etc"),
    K("contoh-years-40", "contoh --units 1 --years 40 --out {tmp}/contoh", None, "--years", "1990"),
    K("contoh-years-0", "contoh --units 1 --years 0 --out {tmp}/contoh", None, "--years", "'0'"),
    K("contoh-units-0", "contoh --units 0 --out {tmp}/contoh", None, "--units", "'0'"),
    K("contoh-units-arab", "contoh --units ٣ --out {tmp}/contoh", None, "--units", "'٣'"),
    K("contoh-units-5000-angka", "contoh --units " + "9" * 5000 + " --out {tmp}/contoh", None, "--units", "terlalu besar"),
    K("contoh-units-sejuta", "contoh --units 1000000 --out {tmp}/contoh", None, "--units", "paling banyak 100.000 unit"),
    K("contoh-seed-negatif", "contoh --seed=-1 --out {tmp}/contoh", None, "--seed", "'-1'"),
    K("contoh-out-berisi", "contoh --units 1 --out {data}", None, "sudah berisi berkas"),
    K("contoh-out-berkas", "contoh --units 1 --out {unit}/kinerja.csv", None, "kinerja.csv"),
    K("data-tidak-ada", "periksa --data {tmp}/tidak-ada", None, "tidak-ada", "tidak ada"),
    K("data-adalah-berkas", "periksa --data {unit}/kinerja.csv", None, "kinerja.csv"),
    K("entity-tak-ada", "periksa --data {data} --entity tak-ada", None, "tak-ada"),
    K("entity-jalur", "periksa --data {data} --entity ../data", None, "../data"),
    K("entity-kendali", ["periksa", "--data", "{data}", "--entity", "a\x07b"], None, "U+0007"),
    K("scheduler-tanpa-all", RUN + " --scheduler local", None, "--scheduler", "--all"),
    K("all-dan-entity", "run --all --entity " + UNIT + " --data {data} --out {out}", None, "--all", "--entity"),
    K("perintah-tak-dikenal", "kabupaten", None, "'kabupaten'", "tidak dikenal"),
    K("pilihan-tak-dikenal", "periksa --dta {data}", None, "--dta", "tidak dikenal"),
    # a list written whole and renamed into place would replace a folder, a pipe or a device (/dev/stdout as root)
    K("daftar-masalah-folder", PERIKSA + " --daftar-masalah {masuk}", None, "--daftar-masalah", "itu folder"),
    K("daftar-masalah-kosong", [*PERIKSA.split(), "--daftar-masalah", ""], None, "--daftar-masalah", "itu folder"),
    K("daftar-masalah-pipa", PERIKSA + " --daftar-masalah {masuk}/pipa", lambda t: os.mkfifo(t.masuk / "pipa"),
      "--daftar-masalah", "pipa", "bukan berkas biasa"),
    K("template-out-pipa", TEMPLATE + " --year 2025 --out {masuk}/pipa.xlsx", lambda t: os.mkfifo(t.masuk / "pipa.xlsx"),
      "pipa.xlsx", "bukan berkas biasa"),
    K("daftar-masalah-ke-folder-data", [*PERIKSA.split(), "--daftar-masalah", "{unit}/masalah.csv"],
      ganti("kinerja.csv", "IKU-1,2024,", "IKU-1,٢٠٢٤,"), "--daftar-masalah", "masalah.csv", "folder data"),
]

# --------------------------------------------------------------------------- skenario

KASUS_SKENARIO = [
    K("ubah-tanpa-titik-dua", SKENARIO + " --ubah IKU-2realisasi=80", None, "IKU-2realisasi=80", "KODE:KOLOM=NILAI"),
    K("ubah-kode-tak-ada", SKENARIO + " --ubah IKU-99:realisasi=80", None, "IKU-99"),
    K("ubah-kolom-tak-dikenal", SKENARIO + " --ubah IKU-2:kolom_x=80", None, "kolom_x"),
    K("ubah-10pangkat24", SKENARIO + " --ubah IKU-2:realisasi=1.000.000.000.000.000.000.000.000", None, "IKU-2", LUAR),
    K("ubah-pagu-2pangkat53-plus-1", SKENARIO + " --ubah P1:pagu=9.007.199.254.740.993", None, "P1", LUAR),
    K("ubah-nan", SKENARIO + " --ubah IKU-2:realisasi=NaN", None, "IKU-2", "'NaN'"),
    K("ubah-inf", SKENARIO + " --ubah IKU-2:realisasi=inf", None, "IKU-2", "'inf'"),
    K("ubah-angka-arab", SKENARIO + " --ubah IKU-2:realisasi=٨٠", None, "IKU-2", ANGKA_LAIN),
    K("ubah-kendali", [*SKENARIO.split(), "--ubah", "IKU-2:realisasi=8\x070"], None, "IKU-2", "U+0007"),
    K("ubah-level-400-angka", SKENARIO + " --ubah IKU-5:realisasi=" + "9" * 400 + "/" + "9" * 400, None, "IKU-5", "bukan level"),
    K("rata-rata-nan", SKENARIO + " --rata-rata NaN", None, "--rata-rata", "'NaN'"),
    K("rata-rata-1e400", SKENARIO + " --rata-rata 1e400", None, "--rata-rata", "'1e400'"),
    K("berkas-skenario-tak-ada", SKENARIO + " --file {masuk}/tidak-ada.yml", None, "tidak-ada.yml"),
    K("berkas-skenario-bukan-yaml", SKENARIO + " --file {masuk}/s.yml", masuk("s.yml", "- [tidak ditutup\n"), "s.yml", "YAML"),
    K("berkas-skenario-biner", SKENARIO + " --file {masuk}/s.yml", masuk("s.yml", b"\x00\x01\x02\xff" * 100), "s.yml", "UTF-8"),
    K("berkas-skenario-bom-alias", SKENARIO + " --file {masuk}/s.yml", masuk("s.yml", BOM_ALIAS.replace("nama: *i", "perubahan: *i")),
      "s.yml", "re:(?i)alias"),
    K("berkas-skenario-sarang", SKENARIO + " --file {masuk}/s.yml", masuk("s.yml", "perubahan: " + DALAM + "\n"),
      "s.yml", "re:(?i)dalam|bersarang|tingkat"),
    K("berkas-skenario-kunci-ganda", SKENARIO + " --file {masuk}/s.yml",
      masuk("s.yml", "perubahan:\n  - {kode: IKU-2, kolom: realisasi, nilai: '80', nilai: '90'}\n"),
      "s.yml", "nilai", "re:(?i)dua kali|ganda|lebih dari sekali|berulang"),
    K("berkas-skenario-kunci-tak-dikenal", SKENARIO + " --file {masuk}/s.yml",
      masuk("s.yml", "perubahn:\n  - IKU-2:realisasi=80\n"), "s.yml", "perubahn", "perubahan"),
    K("berkas-skenario-kunci-butir-tak-dikenal", SKENARIO + " --file {masuk}/s.yml",
      masuk("s.yml", "- {kode: IKU-2, kolom: realisasi, nilai: '80', catatn: x}\n"), "s.yml", "catatn"),
    K("berkas-skenario-nilai-daftar", SKENARIO + " --file {masuk}/s.yml",
      masuk("s.yml", "- {kode: IKU-2, kolom: realisasi, nilai: [1, 2]}\n"), "s.yml", "nilai"),
    K("berkas-skenario-nilai-besar", SKENARIO + " --file {masuk}/s.yml",
      masuk("s.yml", "- {kode: IKU-2, kolom: realisasi, nilai: '1.000.000.000.000.000.000.000.000'}\n"), "s.yml", "IKU-2", LUAR),
    K("berkas-skenario-skalar", SKENARIO + " --file {masuk}/s.yml", masuk("s.yml", "halo\n"), "s.yml"),
    K("berkas-skenario-5mb", SKENARIO + " --file {masuk}/s.yml", masuk("s.yml", "# " + "x" * 5_000_000 + "\n- IKU-2:realisasi=80\n"),
      "s.yml", "re:(?i)terlalu besar|besar"),
    K("skenario-data-rusak", SKENARIO + " --ubah IKU-2:realisasi=80", ganti("kinerja.csv", "IKU-1,2024,", "IKU-1,٢٠٢٤,"),
      "kinerja.csv baris 4, kolom tahun", ANGKA_LAIN),
]

# --------------------------------------------------------------------------- run, reviu, rekap on bad data (they stop at the data)

KASUS_RUN = [
    K("run-tahun-arab-di-data", RUN, ganti("kinerja.csv", "IKU-1,2024,", "IKU-1,٢٠٢٤,"), "kinerja.csv baris 4, kolom tahun", ANGKA_LAIN),
    K("run-pagu-besar", RUN, ganti("anggaran.csv", ",48.281.384.383,", ",9.007.199.254.740.993,"),
      "anggaran.csv baris 2, kolom pagu", LUAR),
    K("run-entitas-bom-alias", RUN, entitas(ENTITAS.replace("nama: Sekretariat Daerah Kabupaten Batu Bara\n", "") + BOM_ALIAS),
      "entitas.yml", "re:(?i)alias"),
    K("run-entitas-kunci-salah-ketik", RUN, ganti("entitas.yml", "pilihan:", "pilhan:"), "entitas.yml", "pilhan"),
    K("run-nama-kendali-csv", RUN, ganti("indikator.csv", ",Nilai LPPD,", ",Nilai\x0bLPPD,"),
      "indikator.csv baris 2, kolom indikator", KENDALI),
    K("run-tahun-NA-notebook", "run --data {data} --out {out} --year 2024", ganti("kinerja.csv", "IKU-3,2024,", "IKU-3,NA,"),
      "kinerja.csv baris 10, kolom tahun", "bukan tahun"),
    K("run-all-tahun-NA", "run --all --data {data} --out {out} --tabel-saja", ganti("kinerja.csv", "IKU-3,2024,", "IKU-3,NA,"),
      UNIT, "kinerja.csv baris 10, kolom tahun", "bukan tahun"),
    K("run-all-tahun-arab", "run --all --data {data} --out {out} --tabel-saja --year ٢٠٢٤", None, "--year", ANGKA_LAIN),
    K("rekap-tahun-NA", "rekap --data {data} --out {out}", ganti("kinerja.csv", "IKU-3,2024,", "IKU-3,NA,"),
      f"{UNIT}/kinerja.csv baris 10, kolom tahun", "bukan tahun"),
    K("reviu-laporan-tahun-arab", "reviu --data {data} --out {out}",
      ganti("laporan.csv", "2024,Tabel 2.3,target/IKU-2/2024,", "٢٠٢٤,Tabel 2.3,target/IKU-2/2024,"),
      "laporan.csv baris 3, kolom tahun", ANGKA_LAIN),
    K("reviu-laporan-sel-panjang", "reviu --data {data} --out {out}",
      ganti("laporan.csv", "target/IKU-1/2024,", "target/IKU-1/2024" + "x" * 200_000 + ","), "laporan.csv baris 2, kolom kunci",
      "terlalu panjang"),
    K("run-formula-jahat", RUN, ganti("indikator.csv", "realisasi = ditetapkan / diusulkan * 100",
                                      "realisasi = open('/etc/passwd').read()"),
      "indikator.csv baris 3, kolom rumus_komponen"),
]

# --------------------------------------------------------------------------- import: folders of CSV and workbooks

KIN = ("kode,tahun,target,realisasi\nIKU-1,2025,Tinggi,Tinggi\n" + "".join(f"IKU-{i},2025,80,81\n" for i in (2, 3, 4))
       + "IKU-5,2025,9/9,9/9\n" + "".join(f"IKU-{i},2025,80,81\n" for i in (6, 7)))  # imports as it is


def kin(baris):
    return masuk("isian/kinerja.csv", KIN + baris)


IMPOR_FOLDER = IMPOR + " {masuk}/isian"
IMPOR_BUKU = IMPOR + " {masuk}/isian.xlsx"


def buku(ubah):
    """The 2025 template with kinerja filled in (it imports as it is), changed by ``ubah(wb)`` and saved as masuk/isian.xlsx."""
    def f(t):
        from openpyxl import load_workbook

        wb = load_workbook(TEMPLATE_2025[0])
        ws = wb["kinerja"]
        isi = {"IKU-1": ("Tinggi", "Tinggi"), "IKU-5": ("9/9", "9/9")}
        for r in range(2, ws.max_row + 1):
            if ws.cell(r, 1).value:
                ws.cell(r, 3).value, ws.cell(r, 4).value = isi.get(ws.cell(r, 1).value, ("80", "81"))
        ubah(wb)
        wb.save(t.masuk / "isian.xlsx")
    return f


def sel(ws, kode, kolom):
    r = next(r for r in range(2, ws.max_row + 1) if ws.cell(r, 1).value == kode)
    return ws.cell(r, kolom)


def realisasi(nilai):
    return buku(lambda wb: setattr(sel(wb["kinerja"], "IKU-2", 4), "value", nilai))


def zip_ubah(ubah_xml):
    """Rewrite the kinerja sheet's XML of masuk/isian.xlsx: ``ubah_xml(bytes)`` gives bytes, or a writer of them."""
    def f(t):
        path = t.masuk / "isian.xlsx"
        with zipfile.ZipFile(path) as z:
            isi = {n: z.read(n) for n in z.namelist()}
        lembar = _lembar_kinerja(isi)
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
            for n, b in isi.items():
                baru = ubah_xml(b) if n == lembar else b
                if callable(baru):  # a writer of a sheet too large to hold
                    with z.open(n, "w", force_zip64=True) as w:
                        baru(w)
                else:
                    z.writestr(n, baru)
    return f


def zip_ganti(lama: bytes, baru: bytes):
    """Replace ``lama`` with ``baru`` in every part of masuk/isian.xlsx (a text may sit in the shared
    strings): a cell that openpyxl itself would cut to Excel's 32.767 characters."""
    def f(t):
        path = t.masuk / "isian.xlsx"
        with zipfile.ZipFile(path) as z:
            isi = {n: z.read(n) for n in z.namelist()}
        assert any(lama in b for b in isi.values())
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
            for n, b in isi.items():
                z.writestr(n, b.replace(lama, baru))
    return f


def _lembar_kinerja(isi):
    wb = isi["xl/workbook.xml"].decode()
    rid = re.search(r'<sheet[^>]*name="kinerja"[^>]*r:id="([^"]+)"', wb).group(1)
    rels = isi["xl/_rels/workbook.xml.rels"].decode()
    target = re.search(rf'<Relationship[^>]*Id="{rid}"[^>]*Target="([^"]+)"', rels) or \
        re.search(rf'<Relationship[^>]*Target="([^"]+)"[^>]*Id="{rid}"', rels)
    return "xl/" + target.group(1).lstrip("/").removeprefix("xl/")


def bom_zip(b):
    """The sheet with 400 MB of spaces after <sheetData>: a few hundred KB compressed."""
    def tulis(w):
        kepala, ekor = b.split(b"<sheetData>", 1)
        w.write(kepala + b"<sheetData>")
        blok = b" " * (16 * 2**20)
        for _ in range(25):
            w.write(blok)
        w.write(ekor)
    return tulis


KASUS_IMPOR = [
    K("impor-folder-tahun-arab", IMPOR_FOLDER, masuk("isian/kinerja.csv", KIN.replace("IKU-5,2025", "IKU-5,٢٠٢٥")),
      "kinerja.csv baris 6, kolom tahun",
      "re:angka selain 0-9|bukan tahun"),
    K("impor-folder-10pangkat24", IMPOR_FOLDER, masuk("isian/kinerja.csv", KIN.replace("IKU-2,2025,80,81", "IKU-2,2025,80,1.000.000.000.000.000.000.000.000")),
      "kinerja.csv baris 3, kolom realisasi", LUAR),
    K("impor-folder-nan", IMPOR_FOLDER, masuk("isian/kinerja.csv", KIN.replace("IKU-2,2025,80,81", "IKU-2,2025,80,NaN")),
      "kinerja.csv baris 3, kolom realisasi", "'NaN'"),
    K("impor-folder-kendali", IMPOR_FOLDER, masuk("isian/kinerja.csv", KIN.replace("IKU-2,2025,80,81", "IKU-2,2025,80,8\x071")),
      "kinerja.csv baris 3, kolom realisasi", KENDALI),
    K("impor-folder-cr-lalu-salah", IMPOR_FOLDER,
      masuk("isian/kinerja.csv", KIN.replace("IKU-4,2025,80,81", "IKU-4,2025,80,abc").replace("\n", "\r")),
      "kinerja.csv baris 5, kolom realisasi", "'abc'"),
    K("impor-folder-sel-panjang", IMPOR_FOLDER, masuk("isian/kinerja.csv", KIN.replace("IKU-2,2025,80,81", "IKU-2,2025,80," + "9" * 200_000)),
      "kinerja.csv baris 3, kolom realisasi", "terlalu panjang"),
    K("impor-folder-kosong", IMPOR_FOLDER, lambda t: (t.masuk / "isian").mkdir(parents=True), "kinerja.csv", "tidak berisi"),
    K("impor-folder-200000-baris", IMPOR_FOLDER, masuk("isian/kinerja.csv", KIN + BARIS_BURUK.replace(",2024,", ",2025,")),
      "kinerja.csv baris 9", "masalah lain", detik=2 * DETIK),
    K("impor-folder-anggaran-terbalik", IMPOR_FOLDER,
      semua(kin(""), masuk("isian/anggaran.csv", "tahun,kode,induk,tingkat,uraian,pagu,realisasi\n"
                                                 "2025,K1,,kegiatan,Keg,1,1\n2025,P9,K1,program,Prog,1,1\n")),
      "anggaran.csv baris 3, kolom induk", "tidak dapat berada di bawah"),
    K("impor-tak-ada", IMPOR + " {masuk}/tidak-ada.xlsx", None, "tidak-ada.xlsx", "re:tidak ada|tidak ditemukan"),
    K("impor-tahun-sudah-ada", IMPOR_FOLDER, masuk("isian/kinerja.csv", KIN.replace("2025", "2024")), "2024", "--replace"),
    K("impor-entitas-jalur", "import --data {data} --entity ../../x {masuk}/isian", kin(""), "../../x"),
    K("impor-bukan-excel", IMPOR_BUKU, masuk("isian.xlsx", b"ini bukan excel"), "isian.xlsx", "bukan berkas Excel"),
    K("impor-zip-rusak", IMPOR_BUKU, lambda t: t.tulis("isian.xlsx", TEMPLATE_2025[0].read_bytes()[:5000], t.masuk),
      "isian.xlsx", "bukan berkas Excel"),
    K("impor-berkas-csv", IMPOR + " {masuk}/kinerja.csv", masuk("kinerja.csv", KIN), "kinerja.csv", "re:folder|\\.xlsx"),
    K("impor-berkas-xls", IMPOR + " {masuk}/isian.xls", masuk("isian.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 4000),
      "isian.xls", "re:\\.xls|Excel"),
    K("impor-xml-rusak", IMPOR_BUKU, semua(buku(lambda wb: None), zip_ubah(lambda b: b[: len(b) // 2])),
      "isian.xlsx", "kinerja", "re:rusak|tidak dapat dibaca"),
    # the declared dimension is not trusted: the cells that exist are read, and the bad one is found
    K("impor-dimensi-raksasa", IMPOR_BUKU,
      semua(realisasi("abc"), zip_ubah(lambda b: re.sub(rb'<dimension ref="[^"]*"/>', b'<dimension ref="A1:XFD1048576"/>', b))),
      "lembar kinerja baris", "realisasi", "'abc'"),
    K("impor-bom-zip", IMPOR_BUKU, semua(buku(lambda wb: None), zip_ubah(bom_zip)),
      "isian.xlsx", "re:terlalu besar|besar"),
    K("impor-rumus-tanpa-nilai", IMPOR_BUKU, realisasi("=1+1"), "lembar kinerja baris", "realisasi", "re:rumus"),
    K("impor-sel-gabung", IMPOR_BUKU, buku(lambda wb: wb["kinerja"].merge_cells(
        start_row=sel(wb["kinerja"], "IKU-2", 3).row, start_column=3, end_row=sel(wb["kinerja"], "IKU-2", 3).row, end_column=4)),
      "lembar kinerja baris", "re:gabung"),
    K("impor-sel-1mb", IMPOR_BUKU, semua(realisasi("SEL-BESAR"), zip_ganti(b"SEL-BESAR", b"9" * 1_000_000)),
      "lembar kinerja baris", "realisasi", "terlalu panjang"),
    K("impor-buku-10pangkat24", IMPOR_BUKU, realisasi("1.000.000.000.000.000.000.000.000"),
      "lembar kinerja baris", "realisasi", LUAR),
    K("impor-buku-angka-1e300", IMPOR_BUKU, realisasi(1e300), "lembar kinerja baris", "realisasi", LUAR),
    K("impor-buku-angka-1e-300", IMPOR_BUKU, realisasi(1e-300), "lembar kinerja baris", "realisasi", "terlalu dekat ke nol"),
    K("impor-buku-kendali", IMPOR_BUKU, realisasi("8\x7f1"), "lembar kinerja baris", "realisasi", KENDALI),
    K("impor-buku-tahun-arab", IMPOR_BUKU, buku(lambda wb: setattr(sel(wb["kinerja"], "IKU-2", 2), "value", "٢٠٢٥")),
      "lembar kinerja baris", "tahun", "re:angka selain 0-9|bukan tahun"),
    K("impor-buku-nan", IMPOR_BUKU, realisasi("NaN"), "lembar kinerja baris", "realisasi", "'NaN'"),
]

# --------------------------------------------------------------------------- a new unit: its workbook and folder (#16)

BARU = "dinas-baru"
IMPOR_BARU = "import --data {data} --entity " + BARU
IMPOR_BARU_BUKU = IMPOR_BARU + " {masuk}/isian.xlsx"
IMPOR_BARU_FOLDER = IMPOR_BARU + " {masuk}/isian"
IND = "".join(f"{k},,{ss},{sas},{nama},{sat},{pol},{jenis},,\n" for k, ss, sas, nama, sat, pol, jenis, *_ in bantu.IKU)
IND = "kode,tujuan,sasaran_kode,sasaran,indikator,satuan,polaritas,jenis,skala,formula\n" + IND
KIN_BARU = "kode,tahun,target,realisasi\n" + "".join(f'{k},2025,{t},"{r}"\n' for k, *_, t, r in bantu.IKU)


def buku_baru(ubah=None, skala=None, entitas=None, teks_bersama=False):
    """The template of the new unit BARU, filled with a small real unit (it imports as it is), changed by
    ``ubah(wb)``, saved as masuk/isian.xlsx; ``teks_bersama``: its texts then as Excel saves them, unescaped."""
    def f(t):
        from lakip.app.isian import tulis_template

        tpl = tulis_template(BARU, 2025, t.masuk / "templat.xlsx", t.data)
        path = bantu.isi_unit_baru(tpl, skala, entitas, ubah, t.masuk / "isian.xlsx")
        if teks_bersama:
            bantu.teks_bersama(path, escape=False)
    return f


def entitas_sel(kunci, kolom, nilai, geser=0):
    """Write ``nilai`` in column ``kolom`` (2 nilai, 3 mulai, 4 di_atas) of the entitas sheet's row ``kunci``."""
    return lambda wb: setattr(wb["entitas"].cell(bantu.baris_kunci(wb["entitas"], kunci) + geser, kolom), "value", nilai)


def folder_baru(entitas="nama: Dinas Baru\n", indikator=IND, kinerja=KIN_BARU):
    """masuk/isian: entitas.yml and the CSV files of BARU; a file given None is left out, a callable makes it."""
    def f(t):
        folder = t.masuk / "isian"
        folder.mkdir(parents=True, exist_ok=True)
        for nama, isi in (("entitas.yml", entitas), ("indikator.csv", indikator), ("kinerja.csv", kinerja)):
            if callable(isi):
                isi(folder / nama)
            elif isi is not None:
                t.tulis(nama, isi, folder)
    return f


def hapus_lembar(nama):
    def f(wb):
        del wb[nama]
    return f


def kosongkan_kinerja(wb):
    for r in range(2, 5):
        for j in (1, 3, 4):
            wb["kinerja"].cell(r, j).value = None


def kunci_ganda(wb):
    ws = wb["entitas"]
    ws.cell(ws.max_row + 1, 1).value = "nama"
    ws.cell(ws.max_row, 2).value = "Dinas Lain"


def indikator_ganda(wb):
    ws = wb["indikator"]
    for j in range(1, ws.max_column + 1):
        ws.cell(5, j).value = ws.cell(2, j).value


KASUS_BARU = [
    K("impor-baru-entitas-salah", IMPOR_BARU_BUKU, buku_baru(entitas={"nama": "", "rumus_turun": "kurang"}),
      "lembar entitas baris 2, kolom nilai: nama: wajib diisi", "lembar entitas baris 8, kolom nilai: rumus_turun: 'kurang'"),
    K("impor-baru-kunci-asing", IMPOR_BARU_BUKU, buku_baru(entitas={"rumus_trun": "rasio"}),
      "lembar entitas baris", "kolom kunci", "maksud Anda 'rumus_turun'"),
    K("impor-baru-kunci-ganda", IMPOR_BARU_BUKU, buku_baru(ubah=kunci_ganda), "lembar entitas baris", "ditulis dua kali"),
    K("impor-baru-skala-campur", IMPOR_BARU_BUKU, buku_baru(ubah=entitas_sel("kategori", 4, "75", geser=1)),
      "lembar entitas baris", "tidak keduanya"),
    K("impor-baru-skala-nama-dan-baris", IMPOR_BARU_BUKU, buku_baru(entitas={"skala": "baik_kurang"}),
      "lembar entitas baris 12, kolom nilai", "tidak keduanya"),
    K("impor-baru-skala-bukan-angka", IMPOR_BARU_BUKU, buku_baru(ubah=entitas_sel("kategori", 3, "sembilan puluh")),
      "lembar entitas baris", "kolom mulai", "'sembilan puluh'"),
    K("impor-baru-batas-lewat", IMPOR_BARU_BUKU, buku_baru(ubah=entitas_sel("kategori", 3, "1.000.000.000.000.000.000.000")),
      "lembar entitas baris", "kolom mulai", LUAR),
    K("impor-baru-tanpa-lembar-entitas", IMPOR_BARU_BUKU, buku_baru(ubah=hapus_lembar("entitas")),
      "isian.xlsx", "lembar 'entitas' tidak ada"),
    K("impor-baru-kinerja-kosong", IMPOR_BARU_BUKU, buku_baru(ubah=kosongkan_kinerja), "lembar kinerja", "tidak berisi baris data"),
    K("impor-baru-indikator-ganda", IMPOR_BARU_BUKU, buku_baru(ubah=indikator_ganda),
      "lembar indikator baris 5", "baris ganda", "sama dengan baris 2"),
    K("impor-baru-kendali-teks-bersama", IMPOR_BARU_BUKU,
      buku_baru(ubah=lambda wb: setattr(wb["kinerja"]["D2"], "value", "72_x0007_8"), teks_bersama=True),
      "lembar kinerja baris 2, kolom realisasi", KENDALI),
    K("impor-baru-slug-jahat", "import --data {data} --entity ../luar {masuk}/isian.xlsx", buku_baru(), "'../luar'",
      "bukan nama unit"),
    K("impor-baru-data-tak-ada", "import --data {tmp}/tidak-ada --entity dinas-baru {masuk}/isian.xlsx", buku_baru(),
      "tidak-ada", "tidak ada"),
    K("template-baru-slug-jahat", "template --data {data} --entity ..luar --year 2025 --out {tmp}/x.xlsx", None, "'..luar'",
      "bukan nama unit"),
    K("impor-baru-folder-tanpa-entitas", IMPOR_BARU_FOLDER, folder_baru(entitas=None), "entitas.yml", "unit baru perlu"),
    K("impor-baru-folder-yaml-bom", IMPOR_BARU_FOLDER, folder_baru(entitas=BOM_ALIAS), "entitas.yml"),
    K("impor-baru-folder-fifo", IMPOR_BARU_FOLDER, folder_baru(kinerja=os.mkfifo), "kinerja.csv", "bukan berkas biasa"),
    K("impor-baru-folder-tanpa-kinerja", IMPOR_BARU_FOLDER, folder_baru(kinerja=None), "kinerja.csv", "tidak ditemukan"),
    K("impor-baru-folder-angka-salah", IMPOR_BARU_FOLDER, folder_baru(kinerja=KIN_BARU.replace("72,8", "72,8,1")),
      "kinerja.csv baris 2, kolom realisasi", "'72,8,1'"),
]

KASUS = KASUS_ENTITAS + KASUS_CSV + KASUS_PILIHAN + KASUS_SKENARIO + KASUS_RUN + KASUS_IMPOR + KASUS_BARU
TEMPLATE_2025: list[Path] = []


def test_corpus_size_and_ids():
    assert len(KASUS) >= 120
    assert len({k.id for k in KASUS}) == len(KASUS)
    perintah = {k.argv[0] for k in KASUS}
    assert perintah >= {"run", "rekap", "contoh", "reviu", "template", "import", "skenario", "periksa"}


def test_the_ceilings_bind_the_child_and_its_peak_is_its_own():
    """The address-space limit and the time limit reach the child; a normal check fits far below them."""
    rc, out, err, detik, puncak = lakip_terbatas(["periksa", "--data", DATA_DIR])
    assert rc == 0 and 30 < puncak < 500, (rc, puncak, err)
    rc, out, err, detik, puncak = lakip_terbatas(["periksa", "--data", DATA_DIR], mb=int(puncak))  # RSS < address space
    assert rc != 0 and "dapat dipakai" not in out  # MemoryError, or OpenBLAS giving up
    rc, out, err, detik, puncak = lakip_terbatas(["periksa", "--data", DATA_DIR], detik=0.05)
    assert rc == -9 and puncak is None


@pytest.fixture(scope="module")
def template_2025(tmp_path_factory):
    """The workbook ``lakip template`` writes for 2025 (built once per worker)."""
    from lakip.app.isian import tulis_template

    folder = tmp_path_factory.mktemp("template")
    path = tulis_template(UNIT, 2025, folder / "isian.xlsx", DATA_DIR)
    TEMPLATE_2025[:] = [path]
    return path


def sidik(root: Path, abaikan=()) -> dict[str, str]:
    """Every file and folder under ``root``: its relative path and a hash of its bytes ('dir' for a folder)."""
    hasil = {}
    for p in sorted(root.rglob("*")):
        rel = str(p.relative_to(root))
        if rel in abaikan:
            continue
        if p.is_symlink():
            hasil[rel] = "link:" + str(p.readlink())
        elif p.is_dir():
            hasil[rel] = "dir"
        elif not p.is_file():  # a pipe: never opened (it would wait for a writer)
            hasil[rel] = "lain"
        else:
            h = hashlib.sha256()
            with p.open("rb") as f:
                while blok := f.read(2**20):
                    h.update(blok)
            hasil[rel] = h.hexdigest()
    return hasil


def _param(k: Kasus):
    marks = [pytest.mark.xfail(strict=False, reason=k.pemilik)] if k.pemilik else []
    return pytest.param(k, id=k.id, marks=marks)


@pytest.mark.parametrize("kasus", [_param(k) for k in KASUS])
def test_masukan_jahat(kasus: Kasus, tmp_path, template_2025, record_property):
    t = Tempat(tmp_path, tmp_path / "data", tmp_path / "data" / UNIT, tmp_path / "out", tmp_path / "masuk", tmp_path / "cwd")
    shutil.copytree(DATA_DIR / UNIT, t.unit)
    lama = t.out / UNIT / "2024"
    lama.mkdir(parents=True)
    (lama / "ringkasan.csv").write_text("keluaran sebelumnya\n", encoding="utf-8")
    t.masuk.mkdir()
    t.cwd.mkdir()
    if kasus.siapkan:
        kasus.siapkan(t)
    tempat = {"data": t.data, "unit": t.unit, "out": t.out, "masuk": t.masuk, "tmp": tmp_path}
    argv = [a.format(**tempat) for a in kasus.argv]
    abaikan = tuple(str(Path(a).relative_to(tmp_path)) for i, a in enumerate(argv)
                    if i and argv[i - 1] == "--daftar-masalah" and Path(a).is_relative_to(tmp_path)
                    and not Path(a).is_relative_to(t.data))  # the full list of problems, where it may be written
    sebelum = sidik(tmp_path, abaikan)

    rc, out, err, detik, puncak = lakip_terbatas(argv, cwd=t.cwd, detik=kasus.detik, mb=MB)
    record_property("detik", round(detik, 2))
    record_property("puncak_mb", puncak)

    assert detik < kasus.detik, f"{detik:.1f} s"
    assert "Traceback" not in out + err, err[-3000:]
    assert rc == 2, (rc, out[-2000:], err[-3000:])
    assert puncak is not None and puncak < MB
    for potong in kasus.pesan:
        if potong.startswith("re:"):
            assert re.search(potong[3:], err), (potong, err[:3000])
        else:
            assert potong in err, (potong, err[:3000])
    assert len(err) < 20_000  # a few lines, never one per bad row or an expanded bomb
    assert sidik(tmp_path, abaikan) == sebelum  # data, earlier output, inputs, working folder: all as they were


# --------------------------------------------------------------------------- nothing live in what we write


@pytest.mark.parametrize("nama", ["=1+1",
                                  "@SUM(1)", "+1+1", "-1+1"])
def test_the_template_writes_a_name_that_looks_like_a_formula_as_text(nama, tmp_path):
    """A user's text that begins with =, +, - or @ is text in the workbook, never a live formula.

    (HTML and SVG escape every text: tests/test_export.py says so for an IKU named <script>.)
    """
    from openpyxl import load_workbook

    from lakip.app.isian import tulis_template

    shutil.copytree(DATA_DIR / UNIT, tmp_path / "data" / UNIT)
    t = Tempat(tmp_path, tmp_path / "data", tmp_path / "data" / UNIT, tmp_path / "out", tmp_path / "masuk", tmp_path)
    t.ganti("indikator.csv", ",Nilai LPPD,", f",{nama},")
    wb = load_workbook(tulis_template(UNIT, 2025, tmp_path / "isian.xlsx", t.data))
    sel_nama = [c for ws in wb for row in ws.iter_rows() for c in row if c.value == nama]
    assert sel_nama, "the name is in the workbook"
    assert all(c.data_type == "s" for c in sel_nama), [(c.coordinate, c.data_type) for c in sel_nama]
