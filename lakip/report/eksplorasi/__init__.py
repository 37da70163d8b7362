"""Exploratory what-if in JupyterLab: ipywidgets controls for one unit-year that redraw the study at
every change (``notebooks/eksplorasi.ipynb``; ``lakip eksplorasi`` serves that notebook as a page).

:class:`Eksplorasi` takes a loaded :class:`~lakip.core.model.Unit`. Every number comes from
:func:`lakip.core.whatif.skenario`; the tables are those of :mod:`lakip.report.display_skenario`.
The module imports without ipywidgets; building the controls without it raises an ImportError
that says how to install it (:data:`PESAN_PASANG`).

The page's contract (a browser test reads it): the box to type a numeric realisasi carries the CSS
classes ``lakip-realisasi`` and :func:`kelas_iku` of its IKU; the overall mean is the text of the
HTML element with the class ``lakip-rata-rata``.
"""

from lakip.report.eksplorasi.isian import PESAN_PASANG, Isian, kelas_iku, widgets
from lakip.report.eksplorasi.studi import Eksplorasi, KontrolIKU

__all__ = ["Eksplorasi", "KontrolIKU", "Isian", "PESAN_PASANG", "kelas_iku", "widgets"]
