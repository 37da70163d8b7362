"""The controls of one value of an IKU (its realisasi, target, pagu or realisasi anggaran) in its own kind.

- a number: a slider and a box to type the exact value the Indonesian way (``85,5``,
  ``1.118.575.000``; the box is what counts; the slider follows it and sets it);
- a level (``9/9``) or a range target (``80-90``): a text box;
- a word of the IKU's scale: a drop-down;
- where the value may be missing (a realisasi), an ``N/A`` check box.

A control says what it holds as the text a change is written with (:meth:`Isian.teks`), the same
text a scenario file holds, so the live study and the saved file give the same numbers.
Nothing here scores: :mod:`lakip.core.whatif` does.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from typing import Any

from lakip.core.numbers import format_angka_terbaca, is_kosong, parse_angka, tidak_ada
from lakip.core.whatif.perubahan import angka_teks

__all__ = ["PESAN_PASANG", "widgets", "kelas_iku", "Isian"]

#: What to do when ipywidgets is missing: the module imports without it, a control needs it.
PESAN_PASANG = ("Eksplorasi interaktif memerlukan paket ipywidgets, yang belum terpasang. Pasang dengan: "
                "pip install -e '.[eksplorasi]' (dari folder proyek lakip), atau pip install 'lakip[eksplorasi]'.")


def widgets() -> Any:
    """The ``ipywidgets`` module, or an ImportError that says how to install it."""
    try:
        import ipywidgets
    except ImportError:
        raise ImportError(PESAN_PASANG) from None
    return ipywidgets


def kelas_iku(kode: str) -> str:
    """The CSS class of an IKU's controls: ``lakip-iku-`` and the code lower-cased, every run of
    characters other than a-z and 0-9 made one ``-`` (``IKU-7`` -> ``lakip-iku-iku-7``)."""
    return "lakip-iku-" + re.sub(r"[^a-z0-9]+", "-", str(kode).lower()).strip("-")


def _baca(teks: object) -> float | None:
    """The number a box holds, None when its text is not a number (the study then says why)."""
    try:
        x = parse_angka(teks)
    except ValueError:
        return None
    return None if x is None or not math.isfinite(x) else float(x)


def _langkah(atas: float) -> float:
    """A slider step: about a thousandth of its range, a power of ten."""
    return 10.0 ** (math.floor(math.log10(atas)) - 3) if atas > 0 else 0.01


class Isian:
    """One value of an IKU as controls; ``value`` is what it holds (None: N/A).

    Args:
        kode, kolom: the IKU and the column a change sets (``realisasi``, ``target``, ``pagu``,
            ``realisasi_anggaran``).
        jenis: ``angka``, ``level``, ``kategori`` or ``teks`` (a range target, typed as written).
        awal: the data's value: a number for ``angka``, the text otherwise; None for N/A.
        kata: the IKU's scale for ``kategori``.
        boleh_na: whether the value may be N/A (a check box).
        acuan: for a number, a value the slider's range should hold (the target of a realisasi).
        uang: money: the slider and box show whole rupiah.
        saat_ubah: called with no argument when the value changes (by a user or by ``value``).
    """

    def __init__(self, kode: str, kolom: str, jenis: str, awal: object, kata: tuple[str, ...] | None = None,
                 boleh_na: bool = False, acuan: object = None, uang: bool = False,
                 saat_ubah: Callable[[], None] | None = None, label: str = "") -> None:
        w = widgets()
        self.kode, self.kolom, self.jenis = kode, kolom, jenis
        self.saat_ubah = saat_ubah
        self._sinkron = False
        self.awal_na = is_kosong(awal) if isinstance(awal, str) else tidak_ada(awal)
        self.geser = None
        lebar = w.Layout(width="150px")
        if jenis == "angka":
            x0 = 0.0 if self.awal_na else float(awal)  # type: ignore[arg-type]
            ref = [abs(x0)] + ([abs(float(acuan))] if not tidak_ada(acuan) else [])
            atas = max([2 * v for v in ref] + [1.0])
            langkah = _langkah(atas)
            atas = math.ceil(atas / langkah) * langkah
            # a text box, not the browser's number box: that one takes only a decimal point
            self.kotak = w.Text(value=format_angka_terbaca(x0), continuous_update=False, layout=lebar)
            self.geser = w.FloatSlider(value=x0, min=min(0.0, x0), max=atas, step=langkah, continuous_update=False,
                                       readout=False, layout=w.Layout(width="180px"))
            self.geser.observe(self._dari_geser, names="value")
            self.kotak.observe(self._ke_geser, names="value")
            self.awal = x0
        elif jenis == "kategori":
            opsi = list(kata or ())
            teks = "" if self.awal_na else str(awal)
            cocok = next((k for k in opsi if k.casefold() == teks.casefold()), None)
            if cocok is None and teks:
                opsi.append(teks)
                cocok = teks
            self.kotak = w.Dropdown(options=opsi, value=cocok if cocok is not None else (opsi[0] if opsi else None),
                                    layout=lebar)
            self.awal = self.kotak.value
        else:  # a level or a range target, typed as written
            self.kotak = w.Text(value="" if self.awal_na else " ".join(str(awal).split()), continuous_update=False,
                                placeholder="mis. 9/9" if jenis == "level" else "mis. 80-90", layout=lebar)
            self.awal = self.kotak.value
        self.kotak.add_class(f"lakip-{kolom.replace('_', '-')}")
        self.kotak.add_class(kelas_iku(kode))
        self.na = w.Checkbox(value=self.awal_na, description="N/A", indent=False,
                             layout=w.Layout(width="60px")) if boleh_na or self.awal_na else None
        self.kotak.observe(self._berubah, names="value")
        if self.na is not None:
            self.na.observe(self._berubah, names="value")
            self._atur_aktif()
        label_w = w.Label(label or kolom.replace("_", " ").capitalize(), layout=w.Layout(width="130px"))
        self.widget = w.HBox([label_w, *([self.geser] if self.geser else []), self.kotak,
                              *([self.na] if self.na is not None else [])])

    # ------------------------------------------------------------------ the value

    @property
    def value(self) -> object:
        """The value held: a number, a level or word as text, None for N/A (a number box whose text is no
        number: that text)."""
        if self.na is not None and self.na.value:
            return None
        if self.jenis == "angka":
            x = _baca(self.kotak.value)
            return self.kotak.value if x is None else x
        return self.kotak.value

    def _tulis(self, v: object) -> None:
        self.kotak.value = format_angka_terbaca(float(v)) if self.jenis == "angka" else v  # type: ignore[arg-type]

    @value.setter
    def value(self, v: object) -> None:
        na = is_kosong(v) if isinstance(v, str) else tidak_ada(v)
        if na:
            if self.na is None:
                raise ValueError(f"{self.kode} {self.kolom} tidak boleh N/A")
            self.na.value = True
            return
        if self.na is not None and self.na.value:
            self._sinkron = True  # one change, not two: the value first, then N/A off
            try:
                self._tulis(v)
            finally:
                self._sinkron = False
            self.na.value = False
            return
        self._tulis(v)

    def diubah(self) -> bool:
        """Whether the value differs from the data's."""
        na = self.na is not None and self.na.value
        if na or self.awal_na:
            return na != self.awal_na or (not na and self.kotak.value != self.awal)
        if self.jenis == "angka":
            x = _baca(self.kotak.value)
            return x is None or x != float(self.awal)  # type: ignore[arg-type]
        return " ".join(str(self.kotak.value).split()) != " ".join(str(self.awal).split())

    def teks(self) -> str:
        """The value as a change writes it: ``90,5``, ``9/9``, ``Tinggi``, ``N/A``."""
        v = self.value
        if v is None:
            return "N/A"
        if self.jenis == "angka" and isinstance(v, float):
            return angka_teks(v, 10)
        return " ".join(str(v).split())  # a level, a word, or a box's text that is no number (refused with its reason)

    def reset(self) -> None:
        """Back to the data's value."""
        if self.na is not None:
            self.na.value = self.awal_na
        self._tulis(self.awal)

    # ------------------------------------------------------------------ wiring

    def _atur_aktif(self) -> None:
        mati = self.na is not None and self.na.value
        self.kotak.disabled = mati
        if self.geser is not None:
            self.geser.disabled = mati

    def _berubah(self, _: object = None) -> None:
        self._atur_aktif()
        if not self._sinkron and self.saat_ubah is not None:
            self.saat_ubah()

    def _ke_geser(self, ch: dict) -> None:
        """The typed value moves the slider (its range widened to hold it), without the slider
        rounding the typed value to its step."""
        g, v = self.geser, _baca(ch["new"])
        if g is None or v is None:
            return
        lama, self._sinkron_geser = getattr(self, "_sinkron_geser", False), True
        try:
            if v > g.max:
                g.max = math.ceil(v / g.step) * g.step
            if v < g.min:
                g.min = math.floor(v / g.step) * g.step
            g.value = v
        finally:
            self._sinkron_geser = lama

    def _dari_geser(self, ch: dict) -> None:
        """The slider sets the typed value; a slider that only snaps the typed value to its step is ignored."""
        if getattr(self, "_sinkron_geser", False) or self.geser is None:
            return
        x = _baca(self.kotak.value)
        if x is not None and abs(float(ch["new"]) - x) < self.geser.step / 2:
            return
        self.kotak.value = format_angka_terbaca(round(float(ch["new"]), 10))
