"""Every byte lakip writes, pinned: the hashes of a reference run, kept in ``tests/rujukan.json``.

The reference run: ``lakip run`` for Batu Bara 2022, 2023 and 2024 (tables,
notebooks and their HTML, charts, Word, Excel, HTML report, reviu), ``lakip
skenario`` on Batu Bara 2024, and on ``lakip contoh --units 40 --years 3 --seed
1`` the batch ``lakip run --all --tabel-saja`` and ``lakip rekap`` of 2024 and
of 2023. A change that moves any byte of any file fails here, naming the
files. Where that is the intent (a rule or a text changed on purpose),
refresh the hashes with ``make rujukan`` and say so in the commit.

The executed notebooks name their data and output folders; those two paths
are replaced by ``<PROYEK>`` and ``<KELUARAN>`` before hashing, so the hashes
do not depend on where the project or the run is.
"""

import hashlib
import json
import os
from pathlib import Path

import pytest

from bantu import lakip
from conftest import bersama

from lakip.core.paths import PROJ_ROOT

RUJUKAN = Path(__file__).with_name("rujukan.json")
PERBARUI = "LAKIP_PERBARUI_RUJUKAN"


def _kabupaten(folder):
    data, out = folder / "contoh", folder / "keluaran"
    for args in (("contoh", "--units", "40", "--years", "3", "--seed", "1", "--out", str(data)),
                 ("run", "--all", "--tabel-saja", "--data", str(data), "--out", str(out)),
                 ("rekap", "--data", str(data), "--out", str(out)),
                 ("rekap", "--data", str(data), "--year", "2023", "--out", str(out)),
                 ("skenario", "--ubah", "IKU-7:realisasi=80", "--ubah", "P1:pagu=50.000.000.000", "--rata-rata", "95",
                  "--out", str(folder / "skenario"))):
        res = lakip(*args)
        assert res.returncode == 0, (args, res.stderr)


def _sidik(folder: Path, nama: str) -> dict[str, str]:
    """``nama/<relative path>`` -> sha256 of every file under ``folder``, its paths replaced."""
    out = {}
    for path in sorted(p for p in folder.rglob("*") if p.is_file() and not p.name.startswith(".")):
        data = path.read_bytes().replace(str(folder).encode(), b"<KELUARAN>").replace(str(PROJ_ROOT).encode(), b"<PROYEK>")
        out[f"{nama}/{path.relative_to(folder).as_posix()}"] = hashlib.sha256(data).hexdigest()
    return out


def test_every_output_is_byte_identical_to_the_reference(keluaran_batubara, tmp_path_factory):
    kab = bersama(tmp_path_factory, "rujukan-kabupaten", _kabupaten)
    now = {**_sidik(keluaran_batubara, "batubara"), **_sidik(kab / "contoh", "contoh"),
           **_sidik(kab / "keluaran", "kabupaten"), **_sidik(kab / "skenario", "skenario")}
    if os.environ.get(PERBARUI):
        RUJUKAN.write_text(json.dumps(now, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        pytest.skip(f"{RUJUKAN.name} diperbarui: {len(now)} berkas")
    ref = json.loads(RUJUKAN.read_text(encoding="utf-8"))
    beda = sorted(k for k in set(ref) & set(now) if ref[k] != now[k])
    hilang, baru = sorted(set(ref) - set(now)), sorted(set(now) - set(ref))
    assert not (beda or hilang or baru), (
        f"{len(beda)} berkas berubah, {len(hilang)} hilang, {len(baru)} baru (bila disengaja: make rujukan)\n"
        + "\n".join([*(f"  berubah: {k}" for k in beda[:40]), *(f"  hilang: {k}" for k in hilang[:20]),
                     *(f"  baru: {k}" for k in baru[:20])]))
