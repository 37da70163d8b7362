"""What-if studies (skenario): change a realisasi, a target or a budget, and compare.

- :func:`terapkan` returns a changed copy of a unit (the input is never
  touched); :func:`skenario` compares the tables of the unit-year's
  :class:`~lakip.core.tables.Analisis` on the original and the changed unit
  (capaian, kategori, sasaran, means, distribution, efficiency, budget).
- :func:`kebutuhan` gives, for each IKU, the realisasi that reaches each
  kategori of the scale; :func:`realisasi_untuk_rata_rata` and
  :func:`kebutuhan_rata_rata` the realisasi that brings the overall mean to
  a value; :func:`sensitivitas` the overall mean as one realisasi varies.

Pure functions over DataFrames: nothing here reads or writes files
(:func:`perubahan_dari_yaml` parses a text the caller has read).
"""

from lakip.core.whatif.banding import skenario
from lakip.core.whatif.kebutuhan import kebutuhan, kebutuhan_rata_rata, realisasi_untuk_rata_rata, sensitivitas
from lakip.core.whatif.perubahan import (KOLOM_PERUBAHAN, Perubahan, PerubahanError, baca_perubahan, daftar_perubahan,
                                         perubahan_dari_yaml, terapkan)

__all__ = ["KOLOM_PERUBAHAN", "PerubahanError", "Perubahan", "baca_perubahan", "perubahan_dari_yaml", "daftar_perubahan",
           "terapkan", "skenario", "kebutuhan", "realisasi_untuk_rata_rata", "kebutuhan_rata_rata", "sensitivitas"]
