"""Dependencies are declared once, in pyproject.toml; environment.yml must agree."""

import re
import tomllib

import yaml

from lakip.core.paths import PROJ_ROOT


def _norm(spec: str) -> str:
    name, rest = re.match(r"^\s*([A-Za-z0-9_.\-]+)\s*(.*)$", spec).groups()
    return name.lower().replace("_", "-") + rest.replace(" ", "")


def test_environment_yml_matches_pyproject():
    project = tomllib.loads((PROJ_ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    declared = {_norm(d) for d in project["dependencies"]}
    for extra in project["optional-dependencies"].values():
        declared |= {_norm(d) for d in extra}
    env = yaml.safe_load((PROJ_ROOT / "environment.yml").read_text(encoding="utf-8"))
    deps = env["dependencies"]
    conda = {_norm(d) for d in deps if isinstance(d, str) and not d.startswith(("python=", "pip"))}
    assert conda == declared
    assert "python=3.11" in deps
    pip = [d for d in deps if isinstance(d, dict)]
    assert pip == [{"pip": ["-e ."]}]


def test_constraints_pin_every_declared_package():
    project = tomllib.loads((PROJ_ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    names = {re.match(r"[A-Za-z0-9_.\-]+", d).group(0).lower() for d in project["dependencies"]}
    for extra in project["optional-dependencies"].values():
        names |= {re.match(r"[A-Za-z0-9_.\-]+", d).group(0).lower() for d in extra}
    pinned = {
        line.split("==")[0].lower().replace("_", "-")
        for line in (PROJ_ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines()
        if "==" in line
    }
    assert names <= pinned
