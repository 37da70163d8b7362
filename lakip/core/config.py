"""The rule choices of DOMAIN.md that vary between units, in one place.

A unit's ``entitas.yml`` picks them under ``pilihan``; every choice has the
default of DOMAIN.md, and the choices used are written into the outputs so a
reader knows which rule produced a number.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from lakip.core.teks import cuplik
from lakip.core.skema import Angka, Atau, Daftar, Peta, Pilih, Teks, periksa
from lakip.core.yaml_ketat import Dimuat

__all__ = [
    "SkalaError",
    "BELUM_TERUKUR",
    "SKALA_ORDINAL",
    "RUMUS_TURUN",
    "METODE_EFISIENSI",
    "BATAS_CAPAIAN",
    "BOBOT_IKM_PILIHAN",
    "Skala",
    "Pilihan",
    "SKALA_BAKU",
    "SKALA_PRESET",
    "UNIT_KERJA",
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

#: The word for a unit's divisions when ``entitas.yml`` has no ``unit_kerja`` (DOMAIN.md section 4a).
UNIT_KERJA = "Bagian"

RUMUS_TURUN = ("selisih", "rasio")
METODE_EFISIENSI = ("rasio", "selisih", "pmk249")
#: ``bobot_ikm`` of ``entitas.yml``: the weight of each unsur of the IKM (:data:`lakip.core.ikm.BOBOT_IKM`):
#: ``0,111`` as PermenPAN-RB 14/2017 prints it (the default), ``rata`` = 1/9 exactly.
BOBOT_IKM_PILIHAN = ("0,111", "rata")


class SkalaError(ValueError):
    """A scale that cannot be, with the class where it goes wrong where there is one: ``butir`` its index
    (highest class first, 0) and ``kunci`` the key of that class at fault (``kategori``, ``mulai``, ``di_atas``),
    so that a reader can point at the cell or line the user wrote it in."""

    def __init__(self, pesan: str, butir: int | None = None, kunci: str | None = None):
        super().__init__(pesan)
        self.butir, self.kunci = butir, kunci


@dataclass(frozen=True)
class Skala:
    """A rating scale: classes from highest to lowest with their lower bounds.

    Two forms, as reports print them (DOMAIN.md section 4), never mixed in one scale:

    - ``di_atas`` (``inklusif=False``): ``batas[i]`` is the value class ``label[i]`` lies
      strictly above ("> 90", "> 75 s.d. 90");
    - ``mulai`` (``inklusif=True``): ``batas[i]`` is the lowest value of class ``label[i]``
      ("91 % - 100 %", "76 % - 90 %"); a value in a printed gap (90,5) takes the class whose
      lower bound it passes.

    The last class takes everything below the last bound; values above 100 stay in the top
    class. ``nama`` is the preset's name (:data:`SKALA_PRESET`) when the unit named one.
    """

    label: tuple[str, ...]
    batas: tuple[float, ...]
    inklusif: bool = False
    nama: str | None = None

    def __post_init__(self) -> None:
        kunci = self.kunci_batas
        if len(self.label) != len(self.batas) + 1:
            raise ValueError("skala: jumlah kategori harus satu lebih banyak dari jumlah batas")
        ulang = next((i for i, k in enumerate(self.label) if k in self.label[:i]), None)
        if ulang is not None:
            raise SkalaError("skala: nama kategori tidak boleh berulang", ulang, "kategori")
        tak = next((i for i, b in enumerate(self.batas)
                    if not (isinstance(b, (int, float)) and not isinstance(b, bool) and math.isfinite(b))), None)
        if tak is not None:
            raise SkalaError(f"skala: batas '{kunci}' harus angka terhingga", tak, kunci)
        naik = next((i + 1 for i, (a, b) in enumerate(zip(self.batas, self.batas[1:])) if a <= b), None)
        if naik is not None:  # the class whose bound is not below the one above it
            raise SkalaError(f"skala: batas '{kunci}' harus menurun dari kategori tertinggi", naik, kunci)

    @property
    def kunci_batas(self) -> str:
        """The key of the bounds in ``entitas.yml``: ``mulai`` or ``di_atas``."""
        return "mulai" if self.inklusif else "di_atas"

    @property
    def tanda(self) -> str:
        """The sign a class's lower bound is printed with: ``≥`` (``mulai``) or ``>`` (``di_atas``)."""
        return "≥" if self.inklusif else ">"

    def interval(self, angka: Callable[[float], str] = str) -> tuple[str, ...]:
        """The interval of each class as a report prints it, highest first, in the scale's own form.

        ``di_atas``: ``> 90``, ``> 75 dan ≤ 90``, ..., ``≤ 50``; ``mulai``: ``≥ 91``,
        ``≥ 76 dan < 91``, ..., ``< 51``. ``angka`` writes a bound (e.g. ``91`` or ``90,5``).
        """
        bawah, atas = ("≥", "<") if self.inklusif else (">", "≤")
        out, naik = [], None
        for b in (*self.batas, None):
            if naik is None:
                out.append(f"{bawah} {angka(b)}")
            elif b is None:
                out.append(f"{atas} {angka(naik)}")
            else:
                out.append(f"{bawah} {angka(b)} dan {atas} {angka(naik)}")
            naik = b
        return tuple(out)

    @property
    def urut_naik(self) -> tuple[str, ...]:
        """Labels from the lowest class to the highest."""
        return tuple(reversed(self.label))

    def masuk(self, nilai: np.ndarray | float, i: int) -> np.ndarray | bool:
        """Whether each value reaches class ``label[i]`` or higher (passes bound ``batas[i]``).

        The one comparison every caller uses (the kategori, the chart bands, what an IKU needs):
        values are taken rounded to 9 decimals, so binary noise does not move a value across a
        bound: 8,19 / 9 x 100 = 90.99999999999999 is 91 and reaches a ``mulai: 91`` class, and
        90.00000000000001 does not pass ``di_atas: 90``.
        """
        b = self.batas[i]
        return np.asarray(nilai, dtype=float) >= (b - 5e-10 if self.inklusif else b + 5e-10)

    def kode(self, capaian: np.ndarray) -> np.ndarray:
        """Class index per value, 0 = lowest class, -1 for NaN (:meth:`masuk` per bound)."""
        c = np.asarray(capaian, dtype=float)
        # one comparison per bound is much faster than a search with NaN about
        out = np.zeros(c.shape, dtype=np.int8)
        for i in range(len(self.batas)):
            out += self.masuk(c, i)
        out[np.isnan(c)] = -1
        return out

    def kategori(self, nilai: float | None) -> str | None:
        """The class of one value, None when not available."""
        if nilai is None or np.isnan(nilai):
            return None
        return self.urut_naik[int(self.kode(np.array([nilai]))[0])]

    def as_dict(self) -> list[dict[str, Any]]:
        rows: list[dict[str, Any]] = [
            {"kategori": lab, self.kunci_batas: b} for lab, b in zip(self.label, self.batas)
        ]
        rows.append({"kategori": self.label[-1]})
        return rows

    @classmethod
    def from_list(cls, rows: list[dict[str, Any]] | str) -> "Skala":
        """A scale from ``pilihan.skala``: a list of classes, highest first, or a preset's name."""
        if isinstance(rows, str):
            if rows not in SKALA_PRESET:
                raise ValueError(f"skala: '{cuplik(rows, 60)}' bukan nama skala bawaan ({', '.join(SKALA_PRESET)})")
            return SKALA_PRESET[rows]
        if not isinstance(rows, list) or len(rows) < 2:
            raise ValueError("skala: tulis daftar kategori, dari yang tertinggi")
        bentuk = [(i, k) for i, row in enumerate(rows) if isinstance(row, dict) for k in ("mulai", "di_atas")
                  if row.get(k) is not None]
        lain = next(((i, k) for i, k in bentuk if k != bentuk[0][1]), None)
        if lain is not None:  # at the first class that writes the other form
            raise SkalaError("skala: satu skala memakai 'mulai' (nilai itu ke atas) atau 'di_atas' (lebih dari "
                             "nilai itu) untuk semua kategori, tidak keduanya", *lain)
        kunci = bentuk[0][1] if bentuk else "di_atas"
        labels, bounds = [], []
        for i, row in enumerate(rows):
            if not isinstance(row, dict) or "kategori" not in row:
                raise SkalaError(f"skala butir {i + 1}: perlu kunci 'kategori'", i, "kategori")
            labels.append(str(row["kategori"]))
            last = i == len(rows) - 1
            if last and row.get(kunci) is not None:
                raise SkalaError(f"skala: kategori terendah tidak memakai '{kunci}'", i, kunci)
            if not last:
                try:
                    bounds.append(float(row[kunci]))
                except (KeyError, TypeError, ValueError):
                    raise SkalaError(
                        f"skala butir {i + 1} ({cuplik(row['kategori'], 60)}): '{kunci}' harus angka", i, kunci
                    ) from None
        return cls(tuple(labels), tuple(bounds), inklusif=kunci == "mulai")


#: Tabel 3.1 of the seed, Permendagri 86/2017 classes (DOMAIN.md section 4).
SKALA_BAKU = Skala(
    label=("Sangat Tinggi", "Tinggi", "Sedang", "Rendah", "Sangat Rendah"),
    batas=(90.0, 75.0, 65.0, 50.0),
    nama="tinggi_rendah",
)

#: The scales a unit may name in ``pilihan.skala`` instead of writing the list (DOMAIN.md section 4).
SKALA_PRESET: dict[str, Skala] = {
    # > 90 Sangat Tinggi, > 75 s.d. 90 Tinggi, > 65 s.d. 75 Sedang, > 50 s.d. 65 Rendah, <= 50 Sangat Rendah
    "tinggi_rendah": SKALA_BAKU,
    # 91-100 Sangat Baik, 76-90 Baik, 66-75 Cukup, 51-65 Kurang, <= 50 Sangat Kurang (closed, printed gaps)
    "baik_kurang": Skala(
        label=("Sangat Baik", "Baik", "Cukup", "Kurang", "Sangat Kurang"),
        batas=(91.0, 76.0, 66.0, 51.0), inklusif=True, nama="baik_kurang",
    ),
    # > 90 Sangat Baik, > 75 s.d. 90 Baik, > 65 s.d. 75 Cukup, > 50 s.d. 65 Kurang, <= 50 Sangat Kurang
    "baik_kurang_di_atas": Skala(
        label=("Sangat Baik", "Baik", "Cukup", "Kurang", "Sangat Kurang"),
        batas=(90.0, 75.0, 65.0, 50.0), nama="baik_kurang_di_atas",
    ),
}


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
    batas_capaian_iku: float | None = None
    metode_efisiensi: str = "rasio"
    skala: Skala = field(default=SKALA_BAKU)
    bobot_ikm: str = BOBOT_IKM_PILIHAN[0]

    def __post_init__(self) -> None:
        if self.bobot_ikm not in BOBOT_IKM_PILIHAN:
            raise ValueError(f"bobot_ikm harus salah satu dari: {', '.join(BOBOT_IKM_PILIHAN)}")
        if self.rumus_turun not in RUMUS_TURUN:
            raise ValueError(f"rumus_turun harus salah satu dari: {', '.join(RUMUS_TURUN)}")
        if self.metode_efisiensi not in METODE_EFISIENSI:
            raise ValueError(
                f"metode_efisiensi harus salah satu dari: {', '.join(METODE_EFISIENSI)}"
            )
        if self.batas_capaian is not None and self.batas_capaian not in BATAS_CAPAIAN:
            raise ValueError(_PESAN_BATAS)
        if self.batas_capaian_iku is not None and self.batas_capaian_iku not in BATAS_CAPAIAN:
            raise ValueError(_PESAN_BATAS.replace("batas_capaian", "batas_capaian_iku", 1))

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
        for key in ("batas_capaian", "batas_capaian_iku"):
            if d.get(key) is not None:
                kwargs[key] = float(d[key])
        if d.get("skala") is not None:
            kwargs["skala"] = Skala.from_list(d["skala"])
        if d.get("bobot_ikm") is not None:
            kwargs["bobot_ikm"] = str(d["bobot_ikm"])
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
            "batas_capaian_iku": self.batas_capaian_iku,
            "metode_efisiensi": self.metode_efisiensi,
            "skala": self.skala.as_dict(),
            "skala_nama": self.skala.nama,
            # written only when not the default, so the ringkasan.json of every unit that does not choose it stays as it was
            **({"bobot_ikm": self.bobot_ikm} if self.bobot_ikm != BOBOT_IKM_PILIHAN[0] else {}),
        }


# --------------------------------------------------------------------------- the schemas of entitas.yml

#: ``pilihan.skala``: the classes, highest first, each with its name and the bound it starts at
#: (``mulai``, inclusive) or lies above (``di_atas``), all but the lowest; or a preset's name.
SKEMA_SKALA = Atau((
    Daftar(Peta(wajib={"kategori": Teks(wajib_isi=True)}, opsional={"di_atas": Angka(), "mulai": Angka()}), min_isi=2),
    Pilih(tuple(SKALA_PRESET), pesan=f"harus berupa daftar kategori atau nama skala bawaan: {', '.join(SKALA_PRESET)}"),
))

#: ``pilihan`` of ``entitas.yml``: every key optional, null meaning the default.
SKEMA_PILIHAN = Peta(opsional={
    "rumus_turun": Pilih(RUMUS_TURUN),
    "batas_capaian": Pilih(BATAS_CAPAIAN, pesan=_PESAN_BATAS.removeprefix("batas_capaian ")),
    "batas_capaian_iku": Pilih(BATAS_CAPAIAN, pesan=_PESAN_BATAS.removeprefix("batas_capaian ")),
    "metode_efisiensi": Pilih(METODE_EFISIENSI),
    "skala": SKEMA_SKALA,
    # 0,111 is a text in YAML (0.111, a number, is refused: the weight is written as the regulation prints it)
    "bobot_ikm": Pilih(BOBOT_IKM_PILIHAN),
})

#: A unit's ``entitas.yml``: ``nama`` required, the descriptive texts and ``pilihan`` optional, no other key.
SKEMA_ENTITAS = Peta(
    wajib={"nama": Teks(wajib_isi=True)},
    opsional={"singkatan": Teks(), "pemda": Teks(), "provinsi": Teks(), "sumber": Teks(), "unit_kerja": Teks(),
              "pilihan": SKEMA_PILIHAN},
    kosong_boleh=False,
)
