"""A unit that is not in the data yet: the workbook to start it (``lakip template`` for a new slug) and
its ``entitas`` sheet read back into ``entitas.yml``.

The ``entitas`` sheet is a table ``kunci, nilai, mulai, di_atas`` with one row per key of
``entitas.yml``: the unit's texts (``nama``, ``pemda``, ``unit_kerja`` ...), every rule choice of
``pilihan`` with its allowed values as a drop-down, ``skala`` (a preset's name) or the rows
``kategori`` of the unit's own scale, highest first, each with its bound in ``mulai`` (this value
and above) or ``di_atas`` (strictly above). The keys, the choices, the presets and the defaults are
taken from :mod:`lakip.core.config` (the schema of ``entitas.yml`` and :class:`~lakip.core.config.Pilihan`),
never copied: a new rule choice there is a new row here.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd

from lakip.core.akip import KOMPONEN_LKE
from lakip.core.config import (
    SKALA_BAKU, SKALA_ORDINAL, SKEMA_ENTITAS, SKEMA_PILIHAN, UNIT_KERJA, Pilihan, Skala, SkalaError,
)
from lakip.core.model import Masalah, PilihanError
from lakip.core.numbers import AngkaError, format_angka_terbaca, parse_angka
from lakip.core.serial import TANGGAL_TETAP, buku_bytes, tulis_sel
from lakip.core.skema import Atau, Pilih, periksa
from lakip.core.sumber import SUMBER_IKM, SUMBER_LKE
from lakip.core.teks import cuplik, daftar
from lakip.core.yaml_ketat import Dimuat
from lakip.data.contract import KOLOM, KONTRAK
from lakip.data.load import ATURAN_NAMA_UNIT, NAMA_UNIT
from lakip.data.template import PETUNJUK_LUAR, daftar_pilihan, lembar, lembar_lke, lembar_survei_ikm, opsi_unit

__all__ = ["LEMBAR_ENTITAS", "KOLOM_ENTITAS", "KATEGORI", "cek_nama_unit", "unit_baru", "baris_entitas",
           "entitas_dari_lembar", "teks_entitas", "buku_unit_baru"]


LEMBAR_ENTITAS = "entitas"
#: The columns of the entitas sheet (the last, ``keterangan (referensi)``, is read by people only).
KOLOM_ENTITAS = ("kunci", "nilai", "mulai", "di_atas")
#: The key of a row of the unit's own scale.
KATEGORI = "kategori"
#: Empty rows left for the classes of a scale (the longest scale in use has seven).
_BARIS_SKALA = 7


def cek_nama_unit(entitas: str) -> None:
    """PilihanError when ``entitas`` cannot be a unit's folder name."""
    if not NAMA_UNIT.fullmatch(entitas or ""):
        raise PilihanError(f"'{cuplik(entitas)}' bukan nama unit: {ATURAN_NAMA_UNIT}")


def unit_baru(root: Path, entitas: str) -> bool:
    """Whether ``entitas`` names a unit that is not in the data folder ``root`` (none of its folder:
    a folder without ``entitas.yml`` is a unit gone wrong, which the loader names)."""
    cek_nama_unit(entitas)
    return not (root / entitas).exists()


# ----------------------------------------------------------------------------- the rows of the sheet


def _tulis(v: Any) -> str:
    """A default or allowed value as a cell shows it: ``100`` for 100.0, texts as they are."""
    if v is None:
        return ""
    if isinstance(v, float):
        return format_angka_terbaca(v)
    return str(v)


def _nilai_pilih(skema: Any) -> tuple[Any, ...]:
    """The allowed values of a rule choice (a preset's name for ``skala``), or () for a free value."""
    if isinstance(skema, Pilih):
        return skema.nilai
    if isinstance(skema, Atau):
        return next((p.nilai for p in skema.pilihan if isinstance(p, Pilih)), ())
    return ()


_KETERANGAN = {
    "nama": "wajib: nama unit, mis. Dinas Kesehatan Kabupaten Contoh",
    "singkatan": "boleh kosong: singkatan nama unit",
    "pemda": "boleh kosong: pemerintah daerah, mis. Kabupaten Contoh",
    "provinsi": "boleh kosong",
    "sumber": "boleh kosong: dokumen sumber data (mis. LKjIP 2024)",
    "unit_kerja": f"sebutan bagian unit (Bagian, Bidang, Seksi, Irban, ...); kosong: {UNIT_KERJA}",
    "rumus_turun": "rumus capaian IKU berpolaritas turun: selisih = (2 x target - realisasi) / target x 100; "
                   "rasio = target / realisasi x 100",
    "batas_capaian": "batas capaian dalam rata-rata saja; kosong: tanpa batas",
    "batas_capaian_iku": "batas capaian setiap IKU (ditampilkan, dinilai dan dirata-rata dengan batas); kosong: tanpa batas",
    "metode_efisiensi": "metode efisiensi anggaran",
    "skala": f"nama skala penilaian bawaan; atau kosongkan dan isi baris {KATEGORI} di bawah; keduanya kosong: "
             f"{SKALA_BAKU.nama}",
}


def baris_entitas() -> list[tuple[str, str, str, tuple[str, ...]]]:
    """The rows of the entitas sheet: (kunci, default value, keterangan, allowed values for a drop-down)."""
    bawaan = Pilihan()
    rows = [(k, "", _KETERANGAN.get(k, ""), ()) for k in SKEMA_ENTITAS.kunci if k != "pilihan"]
    for k, skema in SKEMA_PILIHAN.kunci.items():
        nilai = tuple(_tulis(v) for v in _nilai_pilih(skema))
        awal = "" if k == "skala" else _tulis(getattr(bawaan, k, None))
        ket = _KETERANGAN.get(k, "")
        if nilai:
            ket += f" (pilih: {daftar(nilai, 'atau')})"
        rows.append((k, awal, ket, nilai))
    return rows


def _lembar_entitas(wb: Any) -> None:
    from openpyxl.styles import Font

    rows = baris_entitas()
    data = [[k, awal, "", "", ket] for k, awal, ket, _ in rows]
    ket = ("kelas skala, tertinggi dulu; isi mulai (nilai itu ke atas, >=) atau di_atas (lebih dari, >), satu bentuk "
           "untuk semua baris; kategori terendah tanpa batas")
    data += [[KATEGORI, "", "", "", ket if i == 0 else ""] for i in range(_BARIS_SKALA)]
    ws = lembar(wb, LEMBAR_ENTITAS, [*KOLOM_ENTITAS, "keterangan (referensi)"], data, ref=1,
                widths={"kunci": 20, "nilai": 45, "keterangan (referensi)": 110}, baris=2)
    for i, (k, _, _, nilai) in enumerate(rows, start=2):
        ws.cell(i, 1).font = Font(bold=True)
        if nilai:
            daftar_pilihan(ws, nilai, f"B{i}", True)


# ----------------------------------------------------------------------------- the sheet read back


def _angka(label: str, baris: int, kolom: str, teks: str, masalah: list[Masalah]) -> float | None:
    try:
        x = parse_angka(teks)
    except AngkaError as e:
        masalah.append(Masalah(label, baris, kolom, str(e)))
        return None
    if x is None:
        masalah.append(Masalah(label, baris, kolom, f"'{cuplik(teks)}' bukan angka"))
    return x


def _nilai(k: str, teks: str, label: str, baris: int, masalah: list[Masalah]) -> Any:
    """A value of the sheet as ``entitas.yml`` holds it: a number where the choices are numbers."""
    pilih = _nilai_pilih(SKEMA_PILIHAN.kunci.get(k))
    if pilih and all(isinstance(v, (int, float)) for v in pilih):
        return _angka(label, baris, "nilai", teks, masalah)
    return teks


def _kelas(label: str, baris: int, row: pd.Series, masalah: list[Masalah]) -> dict[str, Any]:
    item: dict[str, Any] = {"kategori": row["nilai"]}
    for b in ("mulai", "di_atas"):
        if row[b]:
            x = _angka(label, baris, b, row[b], masalah)
            if x is not None:
                item[b] = x
    return item


#: Every key a row of the sheet may have.
_KUNCI_LEMBAR = (*(k for k in SKEMA_ENTITAS.kunci if k != "pilihan"), *SKEMA_PILIHAN.kunci, KATEGORI)


def _kunci_asing(k: str) -> str:
    import difflib

    mirip = difflib.get_close_matches(k, _KUNCI_LEMBAR, n=1, cutoff=0.6)
    saran = f"; maksud Anda '{mirip[0]}'?" if mirip else f" (kunci yang dikenal: {daftar(_KUNCI_LEMBAR, 'dan')})"
    return f"kunci '{cuplik(k, 60)}' tidak dikenal{saran}"


def _mapping(t: Any, masalah: list[Masalah]) -> tuple[dict[str, Any], dict[tuple, int], int | None]:
    """The sheet's rows as the mapping of ``entitas.yml``, the row of each key path, and the first row of the scale."""
    label = t.label
    data: dict[str, Any] = {}
    pilihan: dict[str, Any] = {}
    kelas: list[dict[str, Any]] = []
    baris: dict[tuple, int] = {(): 1}
    pertama: dict[str, int] = {}
    skala_baris = None
    for r, row in t.df.fillna("").iterrows():
        r, k = int(r), row["kunci"]
        if k == KATEGORI:
            if row["nilai"] or row["mulai"] or row["di_atas"]:
                baris[("pilihan", "skala", len(kelas))] = r
                for b in ("kategori", "mulai", "di_atas"):
                    baris[("pilihan", "skala", len(kelas), b)] = r
                kelas.append(_kelas(label, r, row, masalah))
                skala_baris = skala_baris or r
            continue
        for b in ("mulai", "di_atas"):
            if row[b]:
                masalah.append(Masalah(label, r, b, f"kolom {b} hanya untuk baris {KATEGORI} (kelas skala)"))
        if not k:
            if row["nilai"]:
                masalah.append(Masalah(label, r, "kunci", "kunci kosong; tulis kunci baris ini (mis. nama)"))
            continue
        if k not in _KUNCI_LEMBAR:
            masalah.append(Masalah(label, r, "kunci", _kunci_asing(k)))
            continue
        if k in pertama:
            masalah.append(Masalah(label, r, "kunci", f"kunci '{cuplik(k, 60)}' ditulis dua kali (juga di baris {pertama[k]})"))
            continue
        pertama[k] = r
        if not row["nilai"] and k != "nama":
            continue  # not given: the default
        jalur = ("pilihan", k) if k in SKEMA_PILIHAN.kunci else (k,)
        baris[jalur] = r
        value = _nilai(k, row["nilai"], label, r, masalah)
        (pilihan if len(jalur) == 2 else data)[k] = value
        if k == "skala":
            skala_baris = r
    if "nama" not in pertama:
        data["nama"] = ""
    if kelas:
        if "skala" in pilihan:
            masalah.append(Masalah(label, baris[("pilihan", "skala")], "nilai",
                                   f"skala: isi nama skala bawaan atau baris {KATEGORI}, tidak keduanya"))
        pilihan["skala"] = kelas
        baris[("pilihan", "skala")] = skala_baris or baris[("pilihan", "skala", 0)]
    if pilihan:
        data["pilihan"] = pilihan
        baris[("pilihan",)] = skala_baris or min(baris[j] for j in baris if j[:1] == ("pilihan",))
    return data, baris, skala_baris


def _kolom(jalur_teks: str | None) -> str:
    """The column of the sheet a key path of entitas.yml is written in."""
    akhir = (jalur_teks or "").rsplit(".", 1)[-1]
    return akhir if akhir in ("mulai", "di_atas") else "nilai"


def entitas_dari_lembar(t: Any, masalah: list[Masalah]) -> dict[str, Any] | None:
    """The mapping of ``entitas.yml`` from the entitas sheet ``t`` (:class:`lakip.data.xlsx.Lembar`), checked as
    ``entitas.yml`` is (:data:`~lakip.core.config.SKEMA_ENTITAS`, then :class:`~lakip.core.config.Pilihan`);
    every problem goes to ``masalah`` at its row and column, and then None is returned."""
    awal = len(masalah)
    data, baris, skala_baris = _mapping(t, masalah)
    for m in periksa(SKEMA_ENTITAS, Dimuat(t.label, data, baris)):
        kunci = (m.kolom or "").split("[")[0].removeprefix("pilihan.")
        pesan = m.pesan if not kunci or m.pesan.startswith("kunci") else f"{kunci}: {m.pesan}"
        masalah.append(Masalah(t.label, m.baris, "kunci" if m.pesan.startswith("kunci") else _kolom(m.kolom), pesan))
    skala = data.get("pilihan", {}).get("skala")
    if isinstance(skala, list) and not any(m.baris is not None and m.baris >= (skala_baris or 0) and m.kolom != "kunci"
                                           for m in masalah[awal:]):
        try:
            Skala.from_list(skala)
        except SkalaError as e:  # across rows: out of order, both forms of bound, a bound on the lowest class
            # at the row and cell of the class at fault (its bound's column, or nilai for its name)
            r = baris.get(("pilihan", "skala", e.butir)) if e.butir is not None else None
            kolom = e.kunci if r is not None and e.kunci in ("mulai", "di_atas") else "nilai"
            masalah.append(Masalah(t.label, r or skala_baris, kolom, str(e)))
    return data if len(masalah) == awal else None


def teks_entitas(data: dict[str, Any], asal: str) -> str:
    """The text of ``entitas.yml`` for the mapping ``data`` (as :func:`entitas_dari_lembar` gives it)."""
    import yaml

    def bulat(v: Any) -> Any:
        if isinstance(v, float) and v.is_integer():
            return int(v)
        if isinstance(v, dict):
            return {k: bulat(x) for k, x in v.items()}
        if isinstance(v, list):
            return [bulat(x) for x in v]
        return v

    isi = yaml.safe_dump(bulat(data), allow_unicode=True, sort_keys=False, width=1000)
    return f"# dibuat oleh lakip import dari {asal}; aturan lengkap di data/README.md\n{isi}"


# ----------------------------------------------------------------------------- the workbook of a new unit

PETUNJUK_BARU = """\
PETUNJUK PENGISIAN UNIT BARU: {slug}, TAHUN {tahun}

1. Isi lembar "entitas": nama unit (wajib), pemda, provinsi, unit_kerja (sebutan bagian unit: Bagian, Bidang, Seksi, ...)
   dan pilihan aturan. Setiap pilihan punya daftar nilai yang boleh (klik sel, pilih dari daftar).
   Skala penilaian: pilih nama skala bawaan di baris "skala" ({preset}),
   atau kosongkan baris itu dan isi baris "kategori" dari kelas tertinggi: nama kelas di kolom nilai, batas bawahnya
   di kolom mulai (nilai itu ke atas) atau di_atas (lebih dari nilai itu); kelas terendah tanpa batas.
2. Isi lembar "indikator": satu baris per IKU. kode (mis. IKU-1), sasaran_kode (mis. SS-1), sasaran, indikator,
   satuan, polaritas (naik/turun), jenis (angka, rentang, level, kategori). Untuk jenis kategori isi skala: kata
   berurutan dari terendah dipisah ';' atau nama skala ({ordinal}). Kolom sumber (boleh kosong): untuk IKU yang
   realisasinya diambil dari lembar survei_ikm atau lke bila kolom realisasi di lembar kinerja dikosongkan, tulis
   survei_ikm (IKM), lke (nilai AKIP) atau lke:<komponen> (nilai satu komponen, mis. lke:Pelaporan Kinerja).
3. Isi lembar "kinerja": satu baris per IKU tahun {tahun}: kode (sama dengan lembar indikator), target (target
   Perjanjian Kinerja) dan realisasi. Tulis angka seperti di dokumen: 9,70 (koma untuk desimal), 64.440.768.486
   (titik untuk ribuan), 9/9 untuk level. Realisasi yang belum ada ditulis N/A: IKU itu "belum dapat diukur".
4. Lembar "anggaran" dan "anggaran_iku" boleh dikosongkan bila anggaran belum ada; lembar "laporan" diisi setelah
   laporan terbit (setiap angka yang dicetak, agar dapat direviu). Kolom tahun sudah terisi {tahun}; baris yang hanya
   berisi tahun tidak diimpor.
5. {luar}
6. Kolom berjudul "(referensi)" hanya untuk dibaca dan tidak diimpor. Jangan mengubah judul kolom dan nama lembar.
7. Simpan sebagai .xlsx, lalu jalankan:
       lakip import {berkas} {opsi}
   Folder data/{slug}/ baru dibuat bila semuanya benar; bila ada masalah, semuanya ditampilkan sekaligus (lembar, baris,
   kolom) dan tidak ada yang ditulis. Lalu: lakip periksa {opsi}, dan lakip run {opsi}.
"""


def _petunjuk(wb: Any, slug: str, tahun: int, nama_berkas: str, data: str | Path | None) -> None:
    from openpyxl.styles import Font

    from lakip.core.config import SKALA_PRESET

    ws = wb.active
    ws.title = "Petunjuk"
    text = PETUNJUK_BARU.format(slug=slug, tahun=tahun, berkas=nama_berkas, opsi=opsi_unit(slug, data), preset=", ".join(SKALA_PRESET),
                                ordinal=", ".join(SKALA_ORDINAL), luar=PETUNJUK_LUAR)
    for i, line in enumerate(text.splitlines(), start=1):
        tulis_sel(ws, i, 1, line)
    ws["A1"].font = Font(bold=True, size=13)
    ws.column_dimensions["A"].width = 120


def _lembar_tabel(wb: Any, nama: str, tahun: int, baris: int) -> None:
    """An empty sheet of a table of the contract, its year prefilled, drop-downs for the words it allows."""
    from openpyxl.utils import get_column_letter

    t = KONTRAK[f"{nama}.csv"]
    kolom = [*KOLOM[t.berkas], *(k for k in t.kolom_opsional if k != "tahun_akhir")]  # a new unit ends no IKU yet
    isi = {"tahun": str(tahun)} if "tahun" in kolom else None
    ws = lembar(wb, nama, kolom, [], widths={"sasaran": 45, "indikator": 45, "formula": 40, "uraian": 60, "kunci": 40},
                isi=isi, baris=baris + 2)
    pilihan = dict(t.pilihan)
    if nama == "indikator":  # a known scale's name, or the unit's own words; a source, or lke:<komponen> (not refused)
        pilihan["skala"] = tuple(SKALA_ORDINAL)
        pilihan["sumber"] = (SUMBER_IKM, SUMBER_LKE, *(f"{SUMBER_LKE}:{k}" for k in KOMPONEN_LKE))
    for k, words in pilihan.items():
        j = get_column_letter(kolom.index(k) + 1)
        daftar_pilihan(ws, words, f"{j}2:{j}{baris + 1}", True)


def buku_unit_baru(slug: str, tahun: int, nama_berkas: str, data: str | Path | None = None) -> bytes:
    """The workbook to start the unit ``slug`` with its year ``tahun``, as the bytes of the ``.xlsx`` file
    ``nama_berkas`` (named in its instructions, with ``data`` as in :func:`lakip.data.template.opsi_unit`);
    the same inputs give the same bytes."""
    from openpyxl import Workbook

    wb = Workbook()
    wb.properties.created = wb.properties.modified = TANGGAL_TETAP
    wb.properties.creator = "lakip"
    _petunjuk(wb, slug, tahun, Path(nama_berkas).name, data)
    _lembar_entitas(wb)
    for nama, baris in (("indikator", 60), ("kinerja", 60), ("anggaran", 300), ("anggaran_iku", 60), ("laporan", 500)):
        _lembar_tabel(wb, nama, tahun, baris)
    # the scores from outside the unit, as the workbook of a year has them: left empty by a unit without them
    lembar_survei_ikm(wb, [], isi={"tahun": str(tahun)})
    lembar_lke(wb, tahun, isi={"tahun": str(tahun)})
    return buku_bytes(wb)
