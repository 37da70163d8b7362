"""Reading a unit's ``entitas.yml``: one strict reader for :func:`lakip.data.load.muat` and the bulk loader.

The text is read by :func:`lakip.core.yaml_ketat.baca_yaml` (size, depth, alias and
duplicate-key limits) and checked against :data:`lakip.core.config.SKEMA_ENTITAS`
(unknown keys refused with the nearest known one, every value type-checked), each
problem a :class:`~lakip.core.model.Masalah` with the line and key path.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from lakip.core.config import SKEMA_ENTITAS, Pilihan
from lakip.core.model import Masalah
from lakip.core.numbers import format_angka
from lakip.core.skema import periksa
from lakip.core.yaml_ketat import BATAS_YAML, YamlError, baca_yaml

__all__ = ["baca_entitas"]


#: The choices already built in this process, by the text of their mapping: a kabupaten's units share a few.
_PILIHAN_DIBUAT: dict[str, Pilihan] = {}


def baca_entitas(path: Path, masalah: list[Masalah]) -> tuple[dict[str, Any], Pilihan | None]:
    """Read and check a unit's ``entitas.yml`` (:data:`lakip.core.config.SKEMA_ENTITAS`).

    Returns the mapping and the unit's :class:`Pilihan`; every problem (a YAML error, an unknown
    key, a wrong type, a bound that is not a finite number, a scale out of order) is appended to
    ``masalah`` with its line and key path, and then ``({}, None)`` is returned.
    """
    try:
        size = path.stat().st_size if path.is_file() else None
    except OSError:
        size = None
    if size is None:
        masalah.append(Masalah(path.name, None, None, "berkas tidak ditemukan"))
        return {}, None
    data, pilihan, found = _baca_entitas(path, size)
    masalah.extend(found)
    return data, pilihan


def _baca_entitas(path: Path, size: int) -> tuple[dict[str, Any], Pilihan | None, tuple[Masalah, ...]]:
    name = path.name
    if size > BATAS_YAML:
        return {}, None, (Masalah(name, None, None, f"berkas terlalu besar ({format_angka(size, 0)} byte; paling besar "
                                                    f"{format_angka(BATAS_YAML, 0)})"),)
    try:
        teks = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return {}, None, (Masalah(name, None, None, "berkas bukan UTF-8"),)
    except OSError:
        return {}, None, (Masalah(name, None, None, "berkas tidak dapat dibaca"),)
    try:
        dimuat = baca_yaml(teks, name)
    except YamlError as e:
        return {}, None, tuple(e.masalah)
    if dimuat.data is None:  # an empty file, or comments only
        return {}, None, (Masalah(name, None, None, "berkas kosong; tulis sekurang-kurangnya nama unit "
                                                    "(nama: Dinas ...), lihat data/README.md"),)
    found = periksa(SKEMA_ENTITAS, dimuat)
    if found:
        return {}, None, tuple(found)
    data = dimuat.data
    kunci = repr(data.get("pilihan"))
    pilihan = _PILIHAN_DIBUAT.get(kunci)
    if pilihan is None:
        try:
            pilihan = Pilihan.from_dict(data.get("pilihan"))
        except ValueError as e:  # the rules across keys: a scale out of order, a bound on the lowest class
            return {}, None, (dimuat.masalah(("pilihan", "skala") if str(e).startswith("skala") else ("pilihan",),
                                                str(e).removeprefix("skala: ")),)
        _PILIHAN_DIBUAT[kunci] = pilihan
    return data, pilihan, ()
