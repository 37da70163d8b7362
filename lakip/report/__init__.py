"""Layer 3, for people: the results of a unit-year handed to every writer (``hasil``), tables
(``display``, ``display_skenario``, ``display_kabupaten``), charts from frames (``charts``), Indonesian
text (``narasi``), Word (``word``, ``docx_layout``), Excel (``excel``) and HTML (``html``). A writer
formats what it receives and returns bytes or text; it reads and writes no file. Imports ``core`` and
``reviu``.
"""
