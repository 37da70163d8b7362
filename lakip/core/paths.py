"""Every folder the project uses, resolved in one place from the package's location (nothing is read or written here).

Notebooks run from their own folder under nbval and from the caller's under
papermill; nothing here depends on the current directory.
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["PROJ_ROOT", "DATA_DIR", "OUTPUTS_DIR", "NOTEBOOKS_DIR", "resolve", "output_dir"]

PROJ_ROOT = Path(__file__).resolve().parents[2]
DATA_DIR = PROJ_ROOT / "data"
OUTPUTS_DIR = PROJ_ROOT / "outputs"
NOTEBOOKS_DIR = PROJ_ROOT / "notebooks"


def resolve(path: str | Path | None, default: Path) -> Path:
    """``path`` made absolute (relative to the current directory, as a user typed it), or ``default``."""
    return default if path is None or str(path) == "" else Path(path).expanduser().resolve()


def output_dir(out: str | Path | None, entitas: str, tahun: int) -> Path:
    """``<out>/<entity>/<year>``, the folder of one run."""
    return resolve(out, OUTPUTS_DIR) / entitas / str(tahun)
