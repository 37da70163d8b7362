"""The rule choices of DOMAIN.md that vary between units, in one place.

A unit's ``entitas.yml`` picks them under ``pilihan``; every choice has the
default of DOMAIN.md, and the choices used are written into the outputs so a
reader knows which rule produced a number.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from lakip.core.teks import cuplik
from lakip.core.skema import Angka, Daftar, Peta, Pilih, Teks, periksa
from lakip.core.yaml_ketat import Dimuat

__all__ = [
    "BELUM_TERUKUR",
    "SKALA_ORDINAL",
    "RUMUS_TURUN",
    "METODE_EFISIENSI",
    "BATAS_CAPAIAN",
    "Skala",
    "Pilihan",
    "SKALA_BAKU",
    "SKEMA_SKALA",
    "SKEMA_PILIHAN",
    "SKEMA_ENTITAS",
]

#: The label of an IKU whose capaian is not available.
BELUM_TERUKUR = "belum dapat diukur"

#: Known ordered word scales for targets of jenis ``kategori`` (lowest first).
SKALA_ORDINAL: dict[str, tuple[str, ...]] = {
    "lppd": ("Rendah", "Sedang", "Tinggi", "Sangat Tinggi"),
    "akip": ("D", "C", "CC", "B", "BB", "A", "AA"),
    "opini_bpk": ("TMP", "TW", "WDP", "WTP"),
}

RUMUS_TURUN = ("selisih", "rasio")
METODE_EFISIENSI = ("rasio", "selisih", "pmk249")


@dataclass(frozen=True)
class Skala:
    """A rating scale: classes from highest to lowest with their lower bounds.

    ``batas[i]`` is the value that class ``label[i]`` lies strictly above;
    the last class takes everything at or below the last bound. Values above
    100 stay in the top class.
    """

    label: tuple[str, ...]
    batas: tuple[float, ...]

    def __post_init__(self) -> None:
        if len(self.label) != len(self.batas) + 1:
            raise ValueError("skala: jumlah kategori harus satu lebih banyak dari jumlah batas")
        if len(set(self.label)) != len(self.label):
            raise ValueError("skala: nama kategori tidak boleh berulang")
        if not all(isinstance(b, (int, float)) and not isinstance(b, bool) and math.isfinite(b) for b in self.batas):
            raise ValueError("skala: batas 'di_atas' harus angka terhingga")
        if any(a <= b for a, b in zip(self.batas, self.batas[1:])):
            raise ValueError("skala: batas 'di_atas' harus menurun dari kategori tertinggi")

    @property
    def urut_naik(self) -> tuple[str, ...]:
        """Labels from the lowest class to the highest."""
        return tuple(reversed(self.label))

    def kode(self, capaian: np.ndarray) -> np.ndarray:
        """Class index per value, 0 = lowest class, -1 for NaN.

        Values are rounded to 9 decimals first, so binary noise such as
        90.00000000000001 does not move a value across a bound.
        """
        c = np.asarray(capaian, dtype=float)
        # x rounded to 9 decimals is above a bound b exactly when x >= b + 5e-10;
        # one comparison per bound is much faster than a search with NaN about
        out = np.zeros(c.shape, dtype=np.int8)
        for b in self.batas:
            out += c >= b + 5e-10
        out[np.isnan(c)] = -1
        return out

    def kategori(self, nilai: float | None) -> str | None:
        """The class of one value, None when not available."""
        if nilai is None or np.isnan(nilai):
            return None
        return self.urut_naik[int(self.kode(np.array([nilai]))[0])]

    def as_dict(self) -> list[dict[str, Any]]:
        rows: list[dict[str, Any]] = [
            {"kategori": lab, "di_atas": b} for lab, b in zip(self.label, self.batas)
        ]
        rows.append({"kategori": self.label[-1]})
        return rows

    @classmethod
    def from_list(cls, rows: list[dict[str, Any]]) -> "Skala":
        if not isinstance(rows, list) or len(rows) < 2:
            raise ValueError("skala: tulis daftar kategori, dari yang tertinggi")
        labels, bounds = [], []
        for i, row in enumerate(rows):
            if not isinstance(row, dict) or "kategori" not in row:
                raise ValueError(f"skala butir {i + 1}: perlu kunci 'kategori'")
            labels.append(str(row["kategori"]))
            last = i == len(rows) - 1
            if last and row.get("di_atas") is not None:
                raise ValueError("skala: kategori terendah tidak memakai 'di_atas'")
            if not last:
                try:
                    bounds.append(float(row["di_atas"]))
                except (KeyError, TypeError, ValueError):
                    raise ValueError(
                        f"skala butir {i + 1} ({cuplik(row['kategori'], 60)}): 'di_atas' harus angka"
                    ) from None
        return cls(tuple(labels), tuple(bounds))


#: Tabel 3.1 of the seed, Permendagri 86/2017 classes (DOMAIN.md section 4).
SKALA_BAKU = Skala(
    label=("Sangat Tinggi", "Tinggi", "Sedang", "Rendah", "Sangat Rendah"),
    batas=(90.0, 75.0, 65.0, 50.0),
)


#: The caps of capaian for averaging that DOMAIN.md section 3 allows. Another
#: value is refused rather than applied: 1.2 meant as 120 % would cap every
#: IKU at 1,2 % without a word.
BATAS_CAPAIAN = (100.0, 120.0)
_PESAN_BATAS = "batas_capaian harus 100, 120 atau kosong (null: tanpa batas)"


@dataclass(frozen=True)
class Pilihan:
    """Rule choices of one unit; defaults are the first option of DOMAIN.md."""

    rumus_turun: str = "selisih"
    batas_capaian: float | None = None
    metode_efisiensi: str = "rasio"
    skala: Skala = field(default=SKALA_BAKU)

    def __post_init__(self) -> None:
        if self.rumus_turun not in RUMUS_TURUN:
            raise ValueError(f"rumus_turun harus salah satu dari: {', '.join(RUMUS_TURUN)}")
        if self.metode_efisiensi not in METODE_EFISIENSI:
            raise ValueError(
                f"metode_efisiensi harus salah satu dari: {', '.join(METODE_EFISIENSI)}"
            )
        if self.batas_capaian is not None and self.batas_capaian not in BATAS_CAPAIAN:
            raise ValueError(_PESAN_BATAS)

    @classmethod
    def from_dict(cls, d: dict[str, Any] | None) -> "Pilihan":
        """Build from the ``pilihan`` mapping of ``entitas.yml`` (checked with :data:`SKEMA_PILIHAN`
        when it does not come through :func:`lakip.data.load.baca_entitas`); raises ValueError."""
        masalah = periksa(Peta(opsional={"pilihan": SKEMA_PILIHAN}), Dimuat("entitas.yml", {"pilihan": d}))
        if masalah:
            raise ValueError("; ".join(f"{m.kolom}: {m.pesan}" if m.kolom else m.pesan for m in masalah))
        d = dict(d or {})
        kwargs: dict[str, Any] = {}
        for key in ("rumus_turun", "metode_efisiensi"):
            if d.get(key) is not None:
                kwargs[key] = str(d[key])
        if d.get("batas_capaian") is not None:
            kwargs["batas_capaian"] = float(d["batas_capaian"])
        if d.get("skala") is not None:
            kwargs["skala"] = Skala.from_list(d["skala"])
        return cls(**kwargs)

    def as_dict(self) -> dict[str, Any]:
        """The choices as written into ringkasan.json."""
        return {
            "rumus_turun": self.rumus_turun,
            "rumus_turun_teks": (
                "(2 x target - realisasi) / target x 100, minimal 0"
                if self.rumus_turun == "selisih"
                else "target / realisasi x 100"
            ),
            "batas_capaian": self.batas_capaian,
            "metode_efisiensi": self.metode_efisiensi,
            "skala": self.skala.as_dict(),
        }


# --------------------------------------------------------------------------- the schemas of entitas.yml

#: One class of ``pilihan.skala``: its name, and the bound it lies above (all but the lowest class).
SKEMA_SKALA = Daftar(Peta(wajib={"kategori": Teks(wajib_isi=True)}, opsional={"di_atas": Angka()}), min_isi=2)

#: ``pilihan`` of ``entitas.yml``: every key optional, null meaning the default.
SKEMA_PILIHAN = Peta(opsional={
    "rumus_turun": Pilih(RUMUS_TURUN),
    "batas_capaian": Pilih(BATAS_CAPAIAN, pesan=_PESAN_BATAS.removeprefix("batas_capaian ")),
    "metode_efisiensi": Pilih(METODE_EFISIENSI),
    "skala": SKEMA_SKALA,
})

#: A unit's ``entitas.yml``: ``nama`` required, the descriptive texts and ``pilihan`` optional, no other key.
SKEMA_ENTITAS = Peta(
    wajib={"nama": Teks(wajib_isi=True)},
    opsional={"singkatan": Teks(), "pemda": Teks(), "provinsi": Teks(), "sumber": Teks(), "pilihan": SKEMA_PILIHAN},
    kosong_boleh=False,
)
