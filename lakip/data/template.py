"""The Excel workbook to fill in for a new year (``lakip template``).

One sheet per input table, prefilled with the IKU list and the budget tree,
the previous year's values beside each row for reference (grey), drop-down
lists for the words the data contract allows, cells typed as text so that
``9/9`` and ``9,70`` stay as written, and a sheet of instructions. For a year
already in the data the workbook comes filled with that year's values, to
correct and import again with ``--replace``. :func:`buku_template` gives the
workbook's bytes; the command writes them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from lakip.core.akip import KOMPONEN_LKE
from lakip.core.ikm import UNSUR
from lakip.core.model import Unit
from lakip.core.numbers import format_angka, format_angka_terbaca, tidak_ada
from lakip.core.serial import TANGGAL_TETAP, buku_bytes, tulis_sel
from lakip.core.teks import cuplik
from lakip.data.contract import KONTRAK

__all__ = ["PETUNJUK", "PETUNJUK_LUAR", "ADA_ISI", "LEMBAR_DAFTAR", "lembar", "daftar_pilihan", "opsi_unit",
           "lembar_survei_ikm", "lembar_lke", "buku_template"]


def opsi_unit(slug: str, data: str | Path | None = None) -> str:
    """The options naming the unit in the commands the instructions give: ``--entity SLUG``, with ``--data DIR``
    as the planner wrote it when the data folder is not the project's (so that the commands, followed as written,
    reach the same folder)."""
    import shlex

    return f"--data {shlex.quote(str(data))} --entity {shlex.quote(slug)}" if data is not None else f"--entity {shlex.quote(slug)}"

#: The instructions of the sheets of the scores from outside the unit (``survei_ikm``, ``lke``), one text for the
#: workbook of a year and the one that starts a unit (an item of both lists, its lines indented under the number).
PETUNJUK_LUAR = (
    'Lembar "survei_ikm" (opsional): satu baris per responden survei kepuasan masyarakat, jawaban u1 sampai u9 bernilai\n'
    '   1 sampai 4; lembar "lke" (opsional): nilai setiap komponen LKE. Lembar yang dibiarkan kosong tidak mengubah apa pun.'
)

PETUNJUK = """\
PETUNJUK PENGISIAN DATA TAHUN {tahun}
Unit: {nama}

1. Isi lembar "kinerja": kolom target (target Perjanjian Kinerja tahun {tahun}) dan realisasi untuk setiap IKU.
   Tulis angka seperti di dokumen: 9,70 (koma untuk desimal), 64.440.768.486 (titik untuk ribuan), 9/9 untuk level.
   Untuk IKU berjenis kategori, pilih kata dari daftar (mis. Rendah, Sedang, Tinggi, Sangat Tinggi).
   Realisasi yang belum ada ditulis N/A: IKU itu akan tercatat "belum dapat diukur", tidak dihitung 0.
2. Isi lembar "anggaran": pagu dan realisasi setiap program, {unit_kerja}, kegiatan dan sub-kegiatan.
   Kolom induk menunjuk kode induknya; setiap induk harus sama dengan jumlah rinciannya.
3. Isi lembar "anggaran_iku": pagu dan realisasi anggaran yang mendukung setiap IKU (untuk analisis efisiensi).
4. Lembar "laporan" boleh dikosongkan; isi setelah laporan terbit dengan setiap angka yang dicetak, agar dapat direviu.
5. Lembar "indikator" berisi IKU yang ada. Baris IKU baru boleh ditambahkan di bawahnya; baris yang ada jangan diubah
   (ubah indikator.csv langsung bila rumusan IKU memang berubah), kecuali kolom tahun_akhir: untuk IKU yang tidak
   dipakai lagi (Renstra baru), isi tahun terakhir IKU itu diukur, lalu hapus barisnya dari lembar kinerja.
6. {luar}
7. Kolom berjudul "(referensi)" hanya untuk dibaca: nilai tahun {lalu}. Kolom itu tidak diimpor.
8. Jangan mengubah judul kolom dan nama lembar. Simpan sebagai .xlsx, lalu jalankan:
       lakip import {berkas} {opsi}
   Bila ada masalah, semuanya ditampilkan sekaligus (lembar, baris, kolom) dan data tidak diubah sama sekali.
"""

#: Added to the instructions when the year is already in the data.
ADA_ISI = """
CATATAN: tahun {tahun} sudah ada di data. Buku kerja ini berisi datanya; ubah yang perlu, lalu jalankan:
       lakip import {berkas} {opsi} --replace
   Setiap lembar yang berisi baris menggantikan baris tahun {tahun} tabelnya; lembar yang dikosongkan tidak mengubahnya.
"""


def _teks_nilai(v: object) -> str:
    return "" if tidak_ada(v) else str(v)


def _rupiah(v: object) -> str:
    """A value of the year itself, written so that it reads back exactly."""
    return "" if tidak_ada(v) else format_angka_terbaca(float(v))


def _rupiah_lalu(v: object) -> str:
    """A value of the year before, for reading."""
    return format_angka(v, 0, "")


@dataclass
class _Buku:
    """The workbook being written, and the unit and years it is for."""

    wb: Any
    unit: Unit
    tahun: int
    lalu: int | None

    @property
    def acuan(self) -> object:
        """The year of the reference columns' titles; a new unit has no earlier year."""
        return self.lalu or "tahun lalu"

    def lembar(self, name: str, kolom: list[str], rows: list[list[Any]], ref: int = 0, widths: dict[str, int] | None = None):
        return lembar(self.wb, name, kolom, rows, ref, widths)


def lembar(wb: Any, name: str, kolom: list[str], rows: list[list[Any]], ref: int = 0,
           widths: dict[str, int] | None = None, isi: dict[str, str] | None = None, baris: int = 200):
    """A sheet: bold header, the last ``ref`` columns grey (reference), every cell typed as text, room for
    ``baris`` rows more (their columns of ``isi`` prefilled with that text: the year of a new unit's rows)."""
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    bold, ref_fill = Font(bold=True), PatternFill("solid", fgColor="EEEEEE")
    s = wb.create_sheet(name)
    for j, k in enumerate(kolom, start=1):
        c = tulis_sel(s, 1, j, k)
        c.font = bold
        if j > len(kolom) - ref:
            c.fill = ref_fill
    for i, row in enumerate(rows, start=2):
        for j, v in enumerate(row, start=1):
            c = tulis_sel(s, i, j, v)  # a text as written, never a formula: it imports back unchanged
            c.number_format = "@"  # text: 9/9 stays 9/9, 9,70 stays 9,70
            if j > len(kolom) - ref:
                c.fill = ref_fill
    for j, k in enumerate(kolom, start=1):
        s.column_dimensions[get_column_letter(j)].width = (widths or {}).get(k, max(12, min(60, len(k) + 4)))
        for i in range(len(rows) + 2, len(rows) + baris):  # room to add rows, typed as text too
            if isi and k in isi:
                tulis_sel(s, i, j, isi[k])
            s.cell(i, j).number_format = "@"
    s.freeze_panes = "A2"
    s.cell(1, 1).alignment = Alignment(vertical="top")
    return s


#: Excel's limit on a drop-down list written in the validation itself, and on its error message.
_DAFTAR_MAKS = 255
#: The hidden sheet that holds a drop-down list too long (or with a comma) for the validation itself.
LEMBAR_DAFTAR = "daftar_pilihan"


def daftar_pilihan(ws, words: Sequence[str], sel: str, boleh_kosong: bool) -> None:
    """A drop-down list of ``words`` on the cells ``sel``.

    Written in the validation itself (``"a,b,c"``) when it fits Excel's 255 characters and no word
    holds a comma; otherwise the words go in a column of the hidden sheet :data:`LEMBAR_DAFTAR` and
    the list refers to it (a longer inline list makes Excel call the file damaged, and a comma
    would split a word). The import reads only its own sheets.
    """
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    words = list(words)
    inline = ",".join(words)
    if len(inline) + 2 <= _DAFTAR_MAKS and not any("," in w or '"' in w for w in words):
        formula = f'"{inline}"'
    else:
        wb = ws.parent
        if LEMBAR_DAFTAR in wb.sheetnames:
            daftar = wb[LEMBAR_DAFTAR]
        else:
            daftar = wb.create_sheet(LEMBAR_DAFTAR)
            daftar.sheet_state = "hidden"
        j = (daftar.max_column + 1) if daftar.max_row > 1 or daftar.cell(1, 1).value is not None else 1
        for i, w in enumerate(words, start=1):
            tulis_sel(daftar, i, j, w)
        col = get_column_letter(j)
        formula = f"'{LEMBAR_DAFTAR}'!${col}$1:${col}${len(words)}"
    dv = DataValidation(type="list", formula1=formula, allow_blank=boleh_kosong)
    dv.error = cuplik(f"Pilih salah satu: {', '.join(words)}", 200)
    ws.add_data_validation(dv)
    dv.add(sel)


def _petunjuk(b: _Buku, nama_berkas: str, data: str | Path | None) -> None:
    from openpyxl.styles import Font

    ws = b.wb.active
    ws.title = "Petunjuk"
    unit, tahun = b.unit, b.tahun
    text = PETUNJUK.format(tahun=tahun, nama=unit.nama, unit_kerja=unit.unit_kerja, lalu=b.lalu or "-", berkas=nama_berkas,
                           opsi=opsi_unit(unit.slug, data), luar=PETUNJUK_LUAR)
    if tahun in unit.tahun:
        text += ADA_ISI.format(tahun=tahun, berkas=nama_berkas, opsi=opsi_unit(unit.slug, data))
    for i, line in enumerate(text.splitlines(), start=1):
        tulis_sel(ws, i, 1, line)
    ws["A1"].font = Font(bold=True, size=13)
    ws.column_dimensions["A"].width = 120


def _indikator(b: _Buku) -> None:
    from openpyxl.utils import get_column_letter

    ind = pd.read_csv(b.unit.folder / "indikator.csv", dtype=str, keep_default_na=False)
    if "tahun_akhir" not in ind.columns:  # where an IKU the new Renstra drops is ended
        ind["tahun_akhir"] = ""
    ws = b.lembar("indikator", list(ind.columns), ind.values.tolist(), widths={"sasaran": 50, "indikator": 45, "formula": 40})
    for kolom, words in KONTRAK["indikator.csv"].pilihan.items():  # polaritas, jenis
        j = get_column_letter(list(ind.columns).index(kolom) + 1)
        daftar_pilihan(ws, words, f"{j}2:{j}300", False)


def _aktif(b: _Buku) -> pd.DataFrame:
    """The IKU the year lists: in use that year; for a year already in the data, its own IKU as they are
    (one that starts later is not listed)."""
    cur = b.unit.kinerja[b.unit.kinerja["tahun"] == b.tahun]
    aktif = b.unit.indikator_tahun(b.tahun)
    return aktif[aktif["kode"].isin(set(cur["kode"]))] if len(cur) else aktif


def _kinerja(b: _Buku, aktif: pd.DataFrame) -> None:
    k = b.unit.kinerja
    prev = k[k["tahun"] == b.lalu].set_index("kode") if b.lalu else pd.DataFrame()
    cur = k[k["tahun"] == b.tahun].set_index("kode")  # a year already in the data comes prefilled, to correct
    rows = []
    for _, r in aktif.iterrows():
        p = prev.loc[r["kode"]] if r["kode"] in prev.index else None
        c = cur.loc[r["kode"]] if r["kode"] in cur.index else None
        rows.append([r["kode"], str(b.tahun), "" if c is None else _teks_nilai(c["target"]),
                     "" if c is None else _teks_nilai(c["realisasi"]), r["indikator"], r["satuan"], r["jenis"],
                     "" if p is None else _teks_nilai(p["target"]), "" if p is None else _teks_nilai(p["realisasi"])])
    ws = b.lembar("kinerja", ["kode", "tahun", "target", "realisasi", "indikator (referensi)", "satuan (referensi)",
                              "jenis (referensi)", f"target {b.acuan} (referensi)", f"realisasi {b.acuan} (referensi)"], rows,
                  ref=5, widths={"indikator (referensi)": 45})
    for i, (_, r) in enumerate(aktif.iterrows(), start=2):
        if r["jenis"] == "kategori" and r["skala_kata"]:
            daftar_pilihan(ws, [*r["skala_kata"], "N/A"], f"C{i}:D{i}", True)


def _anggaran(b: _Buku) -> None:
    a = b.unit.anggaran
    a_prev = a[a["tahun"] == b.lalu] if b.lalu else a.iloc[0:0]
    a_cur = a[a["tahun"] == b.tahun]
    if len(a_cur):
        ref = a_prev.set_index("kode")
        rows = [[str(b.tahun), r["kode"], "" if pd.isna(r["induk"]) else r["induk"], r["tingkat"], r["uraian"],
                 _rupiah(r["pagu"]), _rupiah(r["realisasi"]),
                 _rupiah_lalu(ref.loc[r["kode"], "pagu"]) if r["kode"] in ref.index else "",
                 _rupiah_lalu(ref.loc[r["kode"], "realisasi"]) if r["kode"] in ref.index else ""]
                for _, r in a_cur.iterrows()]
    else:
        rows = [[str(b.tahun), r["kode"], "" if pd.isna(r["induk"]) else r["induk"], r["tingkat"], r["uraian"], "", "",
                 _rupiah_lalu(r["pagu"]), _rupiah_lalu(r["realisasi"])] for _, r in a_prev.iterrows()]
    ws = b.lembar("anggaran", ["tahun", "kode", "induk", "tingkat", "uraian", "pagu", "realisasi",
                               f"pagu {b.acuan} (referensi)", f"realisasi {b.acuan} (referensi)"], rows, ref=2,
                  widths={"uraian": 60})
    daftar_pilihan(ws, KONTRAK["anggaran.csv"].pilihan["tingkat"], "D2:D2000", False)


def _anggaran_iku(b: _Buku, aktif: pd.DataFrame) -> None:
    ai = b.unit.anggaran_iku
    ai_prev = ai[ai["tahun"] == b.lalu].set_index("kode") if b.lalu else pd.DataFrame()
    ai_cur = ai[ai["tahun"] == b.tahun].set_index("kode")
    rows = []
    for kode in aktif["kode"]:
        p = ai_prev.loc[kode] if kode in ai_prev.index else None
        c = ai_cur.loc[kode] if kode in ai_cur.index else None
        rows.append([str(b.tahun), kode, "" if c is None else _rupiah(c["pagu"]), "" if c is None else _rupiah(c["realisasi"]),
                     "" if p is None else _rupiah_lalu(p["pagu"]), "" if p is None else _rupiah_lalu(p["realisasi"])])
    b.lembar("anggaran_iku", ["tahun", "kode", "pagu", "realisasi", f"pagu {b.acuan} (referensi)",
                              f"realisasi {b.acuan} (referensi)"], rows, ref=2)


def _laporan(b: _Buku) -> None:
    lap = b.unit.laporan[b.unit.laporan["tahun"] == b.tahun]
    b.lembar("laporan", ["tahun", "tabel", "kunci", "nilai", "catatan"],
             [[str(b.tahun), r["tabel"], r["kunci"], r["nilai"], _teks_nilai(r.get("catatan"))] for _, r in lap.iterrows()],
             widths={"kunci": 40, "nilai": 20, "catatan": 50})


#: The columns of the sheets survei_ikm (the optional layanan before the answers) and lke (the optional induk last).
_KOLOM_SURVEI = ("tahun", "responden", "layanan", *UNSUR)
_KOLOM_LKE = (*KONTRAK["lke.csv"].kolom, *KONTRAK["lke.csv"].kolom_opsional)


def lembar_survei_ikm(wb: Any, rows: list[list[Any]], isi: dict[str, str] | None = None) -> None:
    """The sheet ``survei_ikm``: one row per respondent, a drop-down 1-4 on every answer; ``rows`` prefilled,
    and ``isi`` as in :func:`lembar` (the year of a new unit's rows)."""
    from openpyxl.utils import get_column_letter

    kolom = list(_KOLOM_SURVEI)
    ws = lembar(wb, "survei_ikm", kolom, rows, widths={"layanan": 30}, isi=isi)
    awal, akhir = get_column_letter(kolom.index(UNSUR[0]) + 1), get_column_letter(len(kolom))
    daftar_pilihan(ws, ("1", "2", "3", "4"), f"{awal}2:{akhir}5000", True)


def lembar_lke(wb: Any, tahun: int, rows: list[list[Any]] | None = None, isi: dict[str, str] | None = None) -> None:
    """The sheet ``lke``: ``rows`` prefilled, or, where there are none (a unit without an LKE yet), the
    components of PermenPAN-RB 88/2021 with their weights and an empty nilai (a sheet whose nilai are all
    empty imports nothing); ``isi`` as in :func:`lembar`."""
    if not rows:
        rows = [[str(tahun), k, format_angka_terbaca(b), "", ""] for k, b in KOMPONEN_LKE.items()]
    lembar(wb, "lke", list(_KOLOM_LKE), rows, widths={"komponen": 45, "induk": 45}, isi=isi)


def _survei_ikm(b: _Buku) -> None:
    """The IKM survey of the year (the year's rows when the data has them)."""
    s = b.unit.lampiran.get("survei_ikm")
    rows = []
    if s is not None:
        for _, r in s[s["tahun"] == b.tahun].iterrows():
            rows.append([str(b.tahun), str(r["responden"]), _teks_nilai(r.get("layanan")),
                         *(format_angka(r[u], 0, "") for u in UNSUR)])
    lembar_survei_ikm(b.wb, rows)


def _lke(b: _Buku) -> None:
    """The LKE of the year: its rows when the data has them, else the components of the year before with their
    weights and an empty nilai (else those of the regulation, :func:`lembar_lke`)."""
    lke = b.unit.lampiran.get("lke")
    rows = []
    if lke is not None:
        cur = lke[lke["tahun"] == b.tahun]
        sumber = cur if len(cur) else lke[lke["tahun"] == b.lalu] if b.lalu else lke.iloc[0:0]
        for _, r in sumber.iterrows():
            rows.append([str(b.tahun), r["komponen"], format_angka_terbaca(float(r["bobot"])),
                         _rupiah(r["nilai"]) if len(cur) else "", "" if r["induk"] is None else str(r["induk"])])
    lembar_lke(b.wb, b.tahun, rows)


def buku_template(unit: Unit, tahun: int, nama_berkas: str, data: str | Path | None = None) -> bytes:
    """The workbook to fill in for ``tahun`` of ``unit`` (loaded for data entry), as the bytes of the
    ``.xlsx`` file ``nama_berkas`` (named in its instructions, with ``data``, the data folder as the planner
    named it, see :func:`opsi_unit`); the same inputs give the same bytes."""
    from openpyxl import Workbook

    wb = Workbook()
    wb.properties.created = wb.properties.modified = TANGGAL_TETAP
    wb.properties.creator = "lakip"
    b = _Buku(wb, unit, tahun, max([t for t in unit.tahun if t < tahun], default=None))
    _petunjuk(b, Path(nama_berkas).name, data)
    aktif = _aktif(b)
    _indikator(b)
    _kinerja(b, aktif)
    _anggaran(b)
    _anggaran_iku(b, aktif)
    _laporan(b)
    _survei_ikm(b)
    _lke(b)
    return buku_bytes(wb)
