"""``lakip skenario``: a what-if study written to ``<out>/<entity>/<year>/skenario/`` (replaced whole)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from lakip.app.files import folder_sementara, tulis_csv, tulis_json
from lakip.core.budget import rupiah_bulat
from lakip.core.model import PilihanError, Unit
from lakip.core.paths import output_dir
from lakip.core.tables import nilai_json
from lakip.core.whatif import skenario

__all__ = ["baca_teks", "berkas_skenario", "tulis_skenario"]

_UANG = [f"{c}_{w}" for c in ("pagu", "realisasi_anggaran", "realisasi") for w in ("sebelum", "sesudah")]


def baca_teks(path: Path) -> str:
    """A text file a user wrote (a scenario's YAML): UTF-8 (with or without BOM), or UTF-16 with its BOM (Notepad's
    "Unicode"); at most :data:`lakip.core.yaml_ketat.BATAS_YAML` characters, so a file past four bytes a character
    is not read."""
    from lakip.core.numbers import format_angka
    from lakip.core.yaml_ketat import BATAS_YAML

    if path.is_file() and path.stat().st_size > 4 * BATAS_YAML:
        raise PilihanError(f"{path.name}: berkas terlalu besar ({format_angka(path.stat().st_size, 0)} byte; paling besar "
                           f"{format_angka(BATAS_YAML, 0)} karakter)")
    data = path.read_bytes()
    utf16 = data[:2] in (b"\xff\xfe", b"\xfe\xff")
    try:
        if b"\x00" in data and not utf16:
            raise UnicodeDecodeError("utf-8", data, 0, 1, "NUL")  # UTF-16 or UTF-32 without its BOM
        return data.decode("utf-16" if utf16 else "utf-8-sig")
    except UnicodeDecodeError:
        raise PilihanError(f"{path.name}: berkas tidak dapat dibaca sebagai teks UTF-8 (atau UTF-16 dengan BOM); "
                           "simpan ulang dengan pengodean UTF-8") from None


def berkas_skenario(hasil: dict[str, Any]) -> dict[str, Any]:
    """The files of ``lakip skenario`` from a :func:`lakip.core.whatif.skenario` result: name -> DataFrame (CSV) or dict (JSON).

    Machine-readable: exact values, money in whole rupiah. ``ringkasan.json``
    holds the changes, the means before and after and both summaries.
    """
    lama, baru = hasil["ringkasan"]["sebelum"], hasil["ringkasan"]["sesudah"]
    ring = {
        "entitas": lama["entitas"], "nama": lama["nama"], "tahun": lama["tahun"],
        "perubahan": hasil["perubahan"].to_dict("records"),
        "rata_rata": hasil["rata_rata"].to_dict("records"),
        "iku_berubah": [str(k) for k in hasil["iku"].loc[hasil["iku"]["berubah"], "kode"]],
        "sebelum": {k: v for k, v in lama.items() if k not in ("entitas", "nama", "pemda", "tahun")},
        "sesudah": {k: v for k, v in baru.items() if k not in ("entitas", "nama", "pemda", "tahun")},
    }
    files: dict[str, Any] = {
        "capaian_iku.csv": hasil["iku"],
        "capaian_sasaran.csv": hasil["sasaran"],
        "efisiensi.csv": rupiah_bulat(hasil["efisiensi"], _UANG),
        "anggaran.csv": rupiah_bulat(hasil["anggaran"], _UANG),
        "kebutuhan.csv": hasil["kebutuhan"],
        "ringkasan.json": nilai_json(ring),
    }
    if "kebutuhan_rata_rata" in hasil:
        files["kebutuhan_rata_rata.csv"] = hasil["kebutuhan_rata_rata"]
    return files


def tulis_skenario(unit: Unit, tahun: int, perubahan: object, rata_rata: float | None = None,
                   out: str | Path | None = None) -> tuple[dict[str, Any], Path]:
    """Run the scenario and write its files; return the result and the folder."""
    hasil = skenario(unit, tahun, perubahan, rata_rata)
    folder = output_dir(out, unit.slug, tahun) / "skenario"
    with folder_sementara(folder) as tmp:
        for name, isi in berkas_skenario(hasil).items():
            (tulis_json if name.endswith(".json") else tulis_csv)(isi, tmp / name)
    return hasil, folder
