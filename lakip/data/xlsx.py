"""A workbook from a user, read as a hostile file may be (``lakip import FILE.xlsx``).

:func:`baca_xlsx` gives the rows of the sheets asked for as the text cells a
CSV file of the data contract holds, or located problems; never a traceback,
never an allocation that the file's own claims decide:

- the file is at most :data:`BATAS_XLSX`; its zip parts together inflate to
  at most :data:`BATAS_XML` (the sizes the zip declares are checked before
  anything is inflated, and :mod:`zipfile` never reads past them);
- no XML part holds a DTD (an OOXML package never does; refusing it refuses
  every entity-expansion bomb whatever XML parser is installed);
- the sheet's declared ``<dimension>`` is never read: only the cells that
  exist are, streamed one by one, at most :data:`BATAS_JUMLAH_SEL` of them;
- a formula cell without a stored value and a merged range that hides a cell
  of an imported column are located errors (their value cannot be known);
- a text cell too long or holding a control character is a located error, as
  in a CSV file (:func:`lakip.data.contract.teks_sel`).

openpyxl reads the workbook's parts (sheet names, shared strings, number
formats); the sheets themselves are streamed here with the standard library's
``iterparse``, so that a row of a million cells is refused at its 200.001st
cell rather than after it is built.
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import iterparse

import pandas as pd

from lakip.core.model import Masalah
from lakip.core.numbers import BATAS_ANGKA, AngkaError, format_angka, format_angka_terbaca, parse_angka
from lakip.core.teks import cuplik
from lakip.data.contract import BATAS_BERKAS, KOLOM, KONTRAK, kolom_hilang, mb, teks_sel
from lakip.data.xlsx_teks import teks_bersama, teks_si, teks_xml

__all__ = ["BATAS_XLSX", "BATAS_XML", "BATAS_JUMLAH_SEL", "TAK_TERBACA", "Lembar", "baca_xlsx"]

#: The largest workbook read (a unit's year is tens of kilobytes).
BATAS_XLSX = 20 * 1024 * 1024
#: The most its parts may inflate to, together: the largest CSV file read.
BATAS_XML = BATAS_BERKAS
#: The most cells read from the sheets of one workbook (a kabupaten's year is some tens of thousands).
BATAS_JUMLAH_SEL = 200_000
#: The most parts a workbook may hold (a template has about fifteen).
_BATAS_BAGIAN = 10_000
#: The most XML elements in the parts other than the sheets, together (a template has a few hundred;
#: every shared string of :data:`BATAS_JUMLAH_SEL` cells, as rich text, fits).
_BATAS_UNSUR = 1_000_000
#: The deepest XML nesting of a sheet (a cell of rich text is five levels under the root).
_BATAS_KEDALAMAN = 64
#: The most XML elements inside one cell (a rich text of many runs has some tens).
_BATAS_DALAM_SEL = 10_000

#: The start of every message of a file that cannot be read at all.
TAK_TERBACA = "bukan berkas Excel (.xlsx) yang dapat dibaca"

_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_C, _ROW, _V, _F, _IS, _MERGE = (_NS + t for t in ("c", "row", "v", "f", "is", "mergeCell"))
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
#: A DTD in any encoding an XML part may use (UTF-8, UTF-16 either way).
_DTD = tuple(s.encode(enc) for s in ("<!DOCTYPE", "<!ENTITY") for enc in ("utf-8", "utf-16-le", "utf-16-be"))
_SEL = re.compile(r"([A-Z]{1,3})([0-9]{1,7})")


class _TakTerbaca(Exception):
    """The workbook cannot be read; the message says why, to a user."""


@dataclass
class Lembar:
    """One sheet as read: its label for messages and its rows (index: the row number the user sees)."""

    label: str
    df: pd.DataFrame


@dataclass
class _Sel:
    value: Any
    fmt: str
    rumus_tanpa_nilai: bool = False


# ----------------------------------------------------------------------------- the file as a whole


def _periksa_berkas(path: Path) -> None:
    """Refuse, before any parser sees it, a file too large, not a zip, encrypted, inflating too far,
    holding a DTD, or damaged (every part is inflated once here, within the limits, and its CRC checked)."""
    size = path.stat().st_size
    if size > BATAS_XLSX:
        raise _TakTerbaca(f"berkas terlalu besar ({mb(size)}; paling besar {mb(BATAS_XLSX)})")
    with open(path, "rb") as f:
        awal = f.read(8)
    if awal == _OLE:
        raise _TakTerbaca("berkas ini format Excel lama (.xls) atau dikunci kata sandi; buka di Excel/LibreOffice "
                          "lalu simpan sebagai Buku Kerja Excel (.xlsx) tanpa kata sandi")
    if not awal.startswith(b"PK"):
        raise _TakTerbaca("")
    with zipfile.ZipFile(path) as z:
        infos = z.infolist()
        if len(infos) > _BATAS_BAGIAN:
            raise _TakTerbaca(f"berisi {len(infos):,} bagian (paling banyak {_BATAS_BAGIAN:,})".replace(",", "."))
        total = sum(i.file_size for i in infos)
        if total > BATAS_XML:
            raise _TakTerbaca(f"isinya terlalu besar setelah dibuka ({mb(total)}; paling besar {mb(BATAS_XML)})")
        if any(i.flag_bits & 0x1 for i in infos):
            raise _TakTerbaca("berkas dikunci kata sandi; simpan ulang tanpa kata sandi")
        unsur = 0
        for info in infos:
            if info.filename.lower().endswith((".xml", ".rels", ".vml")):
                _tanpa_dtd(z, info)
                if not info.filename.startswith("xl/worksheets/"):  # the sheets are streamed, cell by cell
                    unsur = _hitung_unsur(z, info, unsur)


def _tanpa_dtd(z: zipfile.ZipFile, info: zipfile.ZipInfo) -> None:
    ekor = b""
    with z.open(info) as f:
        while chunk := f.read(1 << 20):
            blok = ekor + chunk
            if any(d in blok for d in _DTD):
                raise _TakTerbaca(f"bagian {info.filename} berisi DTD (<!DOCTYPE>), yang tidak pernah ada di buku kerja "
                                  "Excel; simpan ulang berkas dari Excel/LibreOffice")
            ekor = blok[-32:]


def _hitung_unsur(z: zipfile.ZipFile, info: zipfile.ZipInfo, unsur: int) -> int:
    """The XML elements of a part openpyxl reads whole (shared strings, styles), added to ``unsur``:
    refused past :data:`_BATAS_UNSUR`, streamed so that counting costs no memory."""
    stack: list[Any] = []
    with z.open(info) as f:
        for ev, el in iterparse(f, events=("start", "end")):
            if ev == "start":
                stack.append(el)
                unsur += 1
                if unsur > _BATAS_UNSUR or len(stack) > _BATAS_KEDALAMAN:
                    raise _TakTerbaca(f"bagian {info.filename} terlalu besar atau bersarang terlalu dalam")
                continue
            stack.pop()
            if stack:
                stack[-1].remove(el)
    return unsur


# ----------------------------------------------------------------------------- a sheet, streamed


def _nomor_kolom(huruf: str) -> int:
    n = 0
    for ch in huruf:
        n = n * 26 + ord(ch) - 64
    return n


def _koordinat(ref: str | None) -> tuple[int, int] | None:
    m = _SEL.fullmatch(ref or "")
    return (int(m.group(2)), _nomor_kolom(m.group(1))) if m else None


class _Pembaca:
    """The workbook's parts (shared strings, number formats) and the cells read so far."""

    def __init__(self, wb: Any):
        from openpyxl.cell.read_only import ReadOnlyCell

        self.wb = wb
        self.strings = teks_bersama(wb)
        self.jumlah = 0
        self._fmt: dict[int, str] = {}
        self._cell = ReadOnlyCell

    def fmt(self, ws: Any, style: int) -> str:
        if style not in self._fmt:
            self._fmt[style] = self._cell(ws, 1, 1, None, "n", style).number_format if style else "General"
        return self._fmt[style]

    def lembar(self, ws: Any, label: str) -> tuple[dict[tuple[int, int], _Sel], list[str]]:
        """The cells of a sheet that hold something, by (row, column), and its merged ranges."""
        cells: dict[tuple[int, int], _Sel] = {}
        merges: list[str] = []
        stack: list[Any] = []
        row = col = 0
        sel_dalam = -1  # elements started inside the current cell; -1 outside a cell
        sel_aras = 0  # the depth of the current cell's element
        with ws._get_source() as src:  # openpyxl's own way to the sheet's XML part
            for ev, el in iterparse(src, events=("start", "end")):
                if ev == "start":
                    stack.append(el)
                    if len(stack) > _BATAS_KEDALAMAN:
                        raise _TakTerbaca(f"XML {label} bersarang terlalu dalam")
                    if sel_dalam >= 0:
                        sel_dalam += 1
                        if sel_dalam > _BATAS_DALAM_SEL:
                            raise _TakTerbaca(f"sebuah sel {label} berisi terlalu banyak unsur XML")
                    elif el.tag in (_C, _MERGE):  # a merged range costs what a cell does
                        if el.tag == _C:
                            sel_dalam, sel_aras = 0, len(stack)
                        self.jumlah += 1
                        if self.jumlah > BATAS_JUMLAH_SEL:
                            raise _TakTerbaca(f"{label} dan lembar sebelumnya berisi lebih dari "
                                              f"{BATAS_JUMLAH_SEL:,} sel; impor satu unit dan satu tahun".replace(",", "."))
                    elif el.tag == _ROW:
                        r = el.get("r")
                        row = int(r) if r is not None else row + 1
                        col = 0
                    continue
                aras = len(stack)
                stack.pop()
                if sel_dalam >= 0 and aras > sel_aras:
                    continue  # inside a cell: read with the cell, which then goes whole
                if sel_dalam >= 0:  # the cell's own end
                    sel_dalam = -1
                    pos = _koordinat(el.get("r"))
                    row_c, col = pos if pos else (row, col + 1)
                    sel = self._sel(ws, el, row_c, col)
                    if sel is not None:
                        cells[(row_c, col)] = sel
                elif el.tag == _MERGE:
                    merges.append(el.get("ref") or "")
                if stack:
                    stack[-1].remove(el)  # nothing finished stays in memory
        return cells, merges

    def _sel(self, ws: Any, el: Any, row: int, col: int) -> _Sel | None:
        t = el.get("t", "n")
        style = int(el.get("s") or 0)
        v = el.find(_V)
        text = v.text if v is not None else None
        if el.find(_F) is not None and (v is None or (not text and t != "str")):  # <v/>: openpyxl writes it so
            # (a formula giving an empty text is t="str" with an empty <v>, a value that stands)
            return _Sel(None, "General", rumus_tanpa_nilai=True)
        fmt = self.fmt(ws, style)
        if t == "inlineStr":
            is_ = el.find(_IS)
            value: Any = None if is_ is None else teks_si(is_) or None
        elif text is None:
            return None
        elif t == "s":
            value = self.strings[int(text)]
        elif t == "str":
            value = teks_xml(text)
        elif t == "e":
            value = text
        elif t == "b":
            value = text.strip() in ("1", "true")
        elif t == "d":
            value = dt.datetime.fromisoformat(text.strip())
        else:
            value = _angka(text, fmt, self.wb.epoch)
        return None if value is None or value == "" else _Sel(value, fmt)


def _angka(text: str, fmt: str, epoch: dt.datetime) -> Any:
    """A number cell's value: an int, a float (possibly inf or nan: refused later, with their row),
    or a date when its number format is one."""
    from openpyxl.styles.numbers import is_date_format
    from openpyxl.utils.datetime import from_excel

    s = text.strip()
    value: Any = int(s) if re.fullmatch(r"[+-]?[0-9]+", s) else float(s)
    if is_date_format(fmt) and isinstance(value, (int, float)) and value == value and abs(value) < 3_000_000:
        try:
            return from_excel(value, epoch)
        except (OverflowError, ValueError):
            return value
    return value


# ----------------------------------------------------------------------------- cells as the contract's text


def _format_persen(format_sel: str | None) -> bool:
    """Whether an Excel number format scales by 100: a ``%`` outside quotes and not escaped
    (``0.00%`` does; ``0.00" %"`` and ``0.00\\%`` only write the sign)."""
    f = re.sub(r'"[^"]*"|\\.', "", format_sel or "")
    return "%" in f


#: The smallest magnitude of a number cell other than 0: the ten decimals a table's number keeps.
TERKECIL = 1e-10


def _sel(v: object, label: str, baris: int, kolom: str, masalah: list[Masalah], format_sel: str = "General") -> str:
    """A cell as the text a CSV file of the data contract holds.

    A number in a cell formatted as a percent is the percent the user sees:
    Excel keeps ``92,5 %`` as 0.925, and 92,5 is what the data means. In the
    ``nilai`` column of the laporan sheet (figures as printed) it is the text
    shown, decimals included: 0.9 formatted ``0.00%`` is ``90,00 %``. A number
    that is not finite keeps a text the number reader refuses at its row, one
    beyond :data:`BATAS_ANGKA` is a problem at its cell; an integer is written exactly.
    """
    if isinstance(v, float) and (v != v or abs(v) == float("inf")):
        return "NaN" if v != v else "inf"  # never read as N/A: the loader refuses it where it is
    if isinstance(v, int) and not isinstance(v, bool) and abs(v) > BATAS_ANGKA:
        return str(v)  # its digits, which the number reader refuses at its row
    if isinstance(v, float) and abs(v) > BATAS_ANGKA:
        try:
            parse_angka(v)  # the number reader's own refusal, the same words as for a CSV cell
        except AngkaError as e:
            masalah.append(Masalah(label, baris, kolom, str(e)))
        return ""
    if isinstance(v, (int, float)) and not isinstance(v, bool) and _format_persen(format_sel):
        d = (Decimal(repr(float(v))) * 100).normalize()
        if kolom == "nilai":  # a figure of the published report: as printed, with the decimals shown and the sign
            m = re.search(r"\.(0+)\s*%", format_sel)
            return f"{format_angka(float(d), len(m.group(1)) if m else 0)} %"
        return format_angka_terbaca(float(d), max(0, -d.as_tuple().exponent))
    if v is None:
        return ""
    if isinstance(v, str):
        return teks_sel(label, baris, kolom, v, masalah)
    if isinstance(v, bool):
        return str(v)
    if isinstance(v, int):
        return str(v) if kolom == "tahun" else f"{v:,}".replace(",", ".")
    if isinstance(v, float):
        if v != 0 and abs(v) < TERKECIL:  # 1e-300 would be written 0: never silently
            masalah.append(Masalah(label, baris, kolom, f"'{v:g}' terlalu dekat ke nol (paling kecil 0,0000000001); "
                                                        "tulis 0 bila nol"))
            return ""
        d = Decimal(repr(v)).normalize()
        places = max(0, -d.as_tuple().exponent)
        return format_angka_terbaca(v, places)  # 7.275 -> 7,2750: the loader reads it back
    if isinstance(v, (dt.datetime, dt.date)):
        masalah.append(Masalah(label, baris, kolom, f"berisi tanggal ({v:%d-%m-%Y}); Excel mengubah isian seperti 9/9 "
                               "menjadi tanggal: format sel sebagai Teks lalu ketik ulang"))
        return ""
    return teks_sel(label, baris, kolom, str(v), masalah)


# ----------------------------------------------------------------------------- the workbook


def _rentang(ref: str) -> tuple[int, int, int, int] | None:
    a, _, b = ref.partition(":")
    p, q = _koordinat(a), _koordinat(b or a)
    if p is None or q is None:
        return None
    return min(p[0], q[0]), min(p[1], q[1]), max(p[0], q[0]), max(p[1], q[1])


def _tabel(name: str, label: str, cells: dict[tuple[int, int], _Sel], merges: list[str], masalah: list[Masalah],
           kolom: dict[str, tuple[tuple[str, ...], tuple[str, ...]]]) -> Lembar | None:
    """One sheet's cells as the rows of its table: the contract's columns (or those ``kolom`` gives the sheet:
    required, optional) by their header in row 1."""
    from openpyxl.utils.cell import get_column_letter

    header_cells = {c: s for (r, c), s in cells.items() if r == 1}
    if not header_cells:
        masalah.append(Masalah(label, None, None, "lembar kosong (tanpa judul kolom)"))
        return None
    lebar = max(header_cells)
    header = [""] * lebar
    for c, s in header_cells.items():
        header[c - 1] = _sel(s.value, label, 1, get_column_letter(c), masalah).lower()
    wajib, opsional = kolom.get(name) or (KOLOM[f"{name}.csv"], KONTRAK[f"{name}.csv"].kolom_opsional)
    missing = [k for k in wajib if k not in header]
    for k in missing:
        masalah.append(Masalah(label, 1, k, kolom_hilang(k, header, wajib)))
    if missing:
        return None
    cols = list(wajib) + [k for k in opsional if k in header and k not in wajib]
    where = {k: header.index(k) + 1 for k in cols}  # the first column of that title
    imported = set(where.values())
    berisi = {c for (r, c), s in cells.items() if r > 1 and c not in imported and s.value not in (None, "")}
    for j, judul in enumerate(header, start=1):  # a column added by hand: its content is not imported, said so
        if j in berisi and not judul.endswith("(referensi)"):
            masalah.append(Masalah(label, 1, judul or get_column_letter(j),
                                   f"kolom {get_column_letter(j)} ('{cuplik(judul, 60)}') bukan kolom {name}: isinya tidak "
                                   f"diimpor (kolom yang diimpor: {', '.join(cols)})", "peringatan"))
    nama_kolom = {j: k for k, j in where.items()}
    for ref in merges:  # a merged range hides every cell but its first
        box = _rentang(ref)
        if box is None:
            continue
        r0, c0, r1, c1 = box
        hidden = sorted(c for c in imported if c0 <= c <= c1 and (c != c0 or r1 > r0))
        if hidden:
            masalah.append(Masalah(label, r0, nama_kolom[hidden[0]],
                                   f"sel {ref} digabung (merge): isi sel yang tertutup penggabungan tidak terbaca; "
                                   "pisahkan sel (Unmerge) lalu isi setiap sel"))
    data, index = [], []
    for i in sorted({r for (r, c) in cells if r > 1 and c in imported}):
        row = {}
        for k, j in where.items():
            s = cells.get((i, j))
            if s is not None and s.rumus_tanpa_nilai:
                masalah.append(Masalah(label, i, k, f"sel {get_column_letter(j)}{i} berisi rumus tanpa nilai tersimpan; buka dan "
                                       "simpan berkas di Excel/LibreOffice, atau tulis nilainya"))
                row[k] = ""
            else:
                row[k] = "" if s is None else _sel(s.value, label, i, k, masalah, s.fmt)
        if all(v == "" for v in row.values()):
            continue
        data.append(row)
        index.append(i)
    return Lembar(label, pd.DataFrame(data, index=pd.Index(index, name="baris"), columns=cols, dtype=object))


def baca_xlsx(path: Path, masalah: list[Masalah], lembar: Iterable[str], wajib: Iterable[str] = (),
              kolom: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] | None = None) -> dict[str, Lembar]:
    """The sheets ``lembar`` of the workbook ``path`` (by name, case and spaces aside) as tables of
    text cells; a sheet of ``wajib`` that is missing, and every problem, go to ``masalah``. A sheet
    that is no table of the contract (``entitas``) has its (required, optional) columns in ``kolom``."""
    from openpyxl import load_workbook

    lembar, wajib = tuple(lembar), set(wajib)
    try:
        _periksa_berkas(path)
        wb = load_workbook(path, read_only=True, data_only=True)
    except _TakTerbaca as e:
        masalah.append(Masalah(path.name, None, None, f"{TAK_TERBACA}: {e}" if str(e) else TAK_TERBACA))
        return {}
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError):
        masalah.append(Masalah(path.name, None, None, f"{TAK_TERBACA} (berkas rusak atau terpotong)"))
        return {}
    except Exception:  # noqa: BLE001 - openpyxl on a hostile file raises nearly anything
        masalah.append(Masalah(path.name, None, None, f"{TAK_TERBACA} (bagian buku kerja rusak); simpan ulang berkas "
                               "dari Excel/LibreOffice"))
        return {}
    try:
        return _baca_lembar(wb, path, masalah, lembar, wajib, kolom or {})
    finally:
        wb.close()


def _baca_lembar(wb: Any, path: Path, masalah: list[Masalah], lembar: tuple[str, ...], wajib: set[str],
                 kolom: dict[str, tuple[tuple[str, ...], tuple[str, ...]]]) -> dict[str, Lembar]:
    nama: dict[str, str] = {}
    for n in wb.sheetnames:  # "Kinerja " is the kinerja sheet
        kunci = n.strip().lower()
        if kunci in nama and kunci in lembar:
            masalah.append(Masalah(path.name, None, None, f"lembar '{nama[kunci]}' dan '{n}' sama-sama lembar {kunci}; "
                                   "hapus salah satu"))
        nama.setdefault(kunci, n)
    baca = _Pembaca(wb)
    out = {}
    for name in lembar:
        label = f"lembar {name}"
        if name not in nama:
            if name in wajib:
                masalah.append(Masalah(path.name, None, None, f"lembar '{name}' tidak ada"))
            continue
        ws = wb[nama[name]]
        if not hasattr(ws, "_get_source"):
            masalah.append(Masalah(label, None, None, "bukan lembar data (lembar grafik?); beri lembar berisi tabel"))
            continue
        try:
            cells, merges = baca.lembar(ws, label)
        except _TakTerbaca as e:
            masalah.append(Masalah(label, None, None, str(e)))
            return out
        except Exception:  # noqa: BLE001 - malformed XML, a bad reference, a string index out of range
            masalah.append(Masalah(path.name, None, None, f"{label} tidak dapat dibaca: XML-nya rusak; simpan ulang berkas "
                                   "dari Excel/LibreOffice"))
            continue
        t = _tabel(name, label, cells, merges, masalah, kolom)
        if t is not None:
            out[name] = t
    return out
