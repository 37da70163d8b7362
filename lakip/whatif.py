"""What-if studies, as README documents them: :mod:`lakip.core.whatif`."""

from lakip.core.whatif import (KOLOM_PERUBAHAN, Perubahan, PerubahanError, baca_perubahan, daftar_perubahan, kebutuhan,
                               kebutuhan_rata_rata, perubahan_dari_yaml, realisasi_untuk_rata_rata, sensitivitas, skenario,
                               terapkan)

__all__ = ["KOLOM_PERUBAHAN", "Perubahan", "PerubahanError", "baca_perubahan", "daftar_perubahan", "kebutuhan",
           "kebutuhan_rata_rata", "perubahan_dari_yaml", "realisasi_untuk_rata_rata", "sensitivitas", "skenario", "terapkan"]
