"""Helpers shared by the tests: the command line in a new process, and reading an output CSV."""

import csv
import subprocess
import sys


def lakip(*args, cwd=None):
    """``python -m lakip ARGS`` in a new process, output captured as text."""
    return subprocess.run([sys.executable, "-m", "lakip", *args], capture_output=True, text=True, cwd=cwd)


def read_csv(path):
    """The rows of a CSV file as dicts of text."""
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))
