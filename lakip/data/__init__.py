"""Layer 2, files in: the data contract declared once (``contract``), the reader of one unit
(``load``), the reader of many (``bulk``, ``bulk_tables``), the workbook to fill in (``template``)
and its import (``importer``), the synthetic kabupaten (``contoh``). Imports ``core`` only.
"""
