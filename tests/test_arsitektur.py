"""The house of lakip/ (README, "Architecture"), kept as it is built.

The arrows between the layers are import-linter's contracts (``lint-imports``
in ``make test``). These tests keep what import-linter does not see: no module
takes another layer's private name (``_x``), and every room stays small.
"""

import ast
from pathlib import Path

import pytest

from lakip.core.paths import PROJ_ROOT

PAKET = PROJ_ROOT / "lakip"
LAPISAN = ("core", "data", "reviu", "report", "app")
MODUL = sorted(PAKET.rglob("*.py"))
BARIS_MODUL, BARIS_FUNGSI = 500, 80


def _nama_modul(path: Path) -> str:
    parts = path.relative_to(PROJ_ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _lapisan(modul: str) -> str:
    """``core`` for ``lakip.core.scoring``; the module itself for one outside the layers (``lakip.analysis``)."""
    parts = modul.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in LAPISAN else modul


def _nama_pribadi(teks: str, modul: str) -> list[str]:
    """Every ``from lakip.x import _y`` and ``m._y`` (``m`` a lakip module imported here) of another layer
    than module ``modul``'s, in its source ``teks``."""
    mine = _lapisan(modul)
    tree = ast.parse(teks)
    alias: dict[str, str] = {}
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("lakip"):
            for a in node.names:
                target = f"{node.module}.{a.name}"
                alias[a.asname or a.name] = target
                if a.name.startswith("_") and _lapisan(node.module) != mine:
                    out.append(f"from {node.module} import {a.name}")
        elif isinstance(node, ast.Import):
            for a in node.names:
                if a.name.startswith("lakip"):
                    alias[a.asname or a.name.split(".")[0]] = a.name if a.asname else a.name.split(".")[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr.startswith("_") and not node.attr.startswith("__") \
                and isinstance(node.value, ast.Name) and node.value.id in alias:
            target = alias[node.value.id]
            if _lapisan(target) != mine:
                out.append(f"{node.value.id}.{node.attr}")
    return out


@pytest.mark.parametrize("path", MODUL, ids=lambda p: _nama_modul(p))
def test_no_module_takes_another_layers_private_name(path):
    assert _nama_pribadi(path.read_text(encoding="utf-8"), _nama_modul(path)) == []


@pytest.mark.parametrize("path", MODUL, ids=lambda p: _nama_modul(p))
def test_rooms_are_small(path):
    text = path.read_text(encoding="utf-8")
    assert len(text.splitlines()) <= BARIS_MODUL, f"{_nama_modul(path)}: lebih dari {BARIS_MODUL} baris"
    panjang = [(n.name, n.end_lineno - n.lineno + 1) for n in ast.walk(ast.parse(text))
               if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)) and n.end_lineno - n.lineno + 1 > BARIS_FUNGSI]
    assert panjang == [], f"fungsi lebih dari {BARIS_FUNGSI} baris"


def test_every_layer_is_in_the_import_linter_contracts():
    import tomllib

    contracts = tomllib.loads((PROJ_ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"]["contracts"]
    layers = next(c for c in contracts if c["type"] == "layers")["layers"]
    named = {m.strip().removeprefix("lakip.") for layer in layers for m in layer.split("|")}
    assert named == set(LAPISAN) == {p.name for p in PAKET.iterdir() if (p / "__init__.py").is_file()}


def test_the_private_name_check_finds_one():
    teks = "from lakip.report.display import _ANGKA\nfrom lakip.app import notebooks\nnotebooks._TEMPLAT_HTML\n"
    assert _nama_pribadi(teks, "lakip.core.uji") == ["from lakip.report.display import _ANGKA", "notebooks._TEMPLAT_HTML"]
    assert _nama_pribadi(teks, "lakip.app.uji") == ["from lakip.report.display import _ANGKA"]
