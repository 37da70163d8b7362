"""The bytes of the office files lakip writes (the Word report, the Excel report, the template
to fill in): the same content gives the same bytes, and no text from the data becomes a
spreadsheet formula.

Pure functions from bytes or values to bytes or values; writing the files is the caller's.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from typing import Any

from lakip.core.teks import kode_kendali

__all__ = ["TANGGAL_TETAP", "RAWAN", "zip_tetap", "buku_bytes", "tulis_sel"]

#: The date written into a document's or workbook's properties: same inputs, same bytes.
TANGGAL_TETAP = dt.datetime(2000, 1, 1)


def zip_tetap(data: bytes) -> bytes:
    """An office file (a zip) as bytes that do not depend on the clock: zip entry times and the
    document's created/modified dates fixed."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    stamp = TANGGAL_TETAP.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(2000, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = info.external_attr
            content = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*", rb"\g<1>" + stamp, content)
            dst.writestr(fixed, content)
    return out.getvalue()


def buku_bytes(wb: Any) -> bytes:
    """An openpyxl workbook as the bytes of its ``.xlsx`` file (:func:`zip_tetap`)."""
    buf = io.BytesIO()
    wb.save(buf)
    return zip_tetap(buf.getvalue())


#: The first characters with which a spreadsheet reads a typed text as a formula (or a DDE command).
RAWAN = ("=", "+", "-", "@", "\t", "\r")


def tulis_sel(ws: Any, baris: int, kolom: int, nilai: object) -> Any:
    """Write ``nilai`` into a cell of the openpyxl sheet ``ws`` and return the cell: every text as the
    text itself, never a formula (openpyxl makes a formula of a text that begins with ``=``), the
    cell quote-prefixed as Excel marks a text typed after an apostrophe (so that editing it in Excel
    or LibreOffice keeps it a text too), so that what a user wrote reads back unchanged.

    Every workbook lakip writes goes through here. Control characters cannot be written into a
    workbook; the readers refuse them, and one that got through anyway is written as its code
    (``<U+0007>``), never an error of the writer.
    """
    c = ws.cell(baris, kolom)
    if isinstance(nilai, str):
        nilai = kode_kendali(nilai)  # control characters as their codes; invisible ones are text, kept
        c.value = nilai
        c.data_type = "s"
        if nilai[:1] in RAWAN:
            c.quotePrefix = True
    else:
        c.value = nilai
    return c
