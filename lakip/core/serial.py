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

__all__ = ["TANGGAL_TETAP", "zip_tetap", "buku_bytes", "aman"]

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


def aman(teks: object) -> object:
    """Text that a spreadsheet will not read as a formula (``=1+1`` -> ``'=1+1``); anything else as it is."""
    if isinstance(teks, str) and teks[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + teks
    return teks
