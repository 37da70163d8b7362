# Two commands set everything up on a fresh machine (Python 3.11, make, bash):
#   make run    creates .venv, installs lakip, runs the analysis of the default data
#   make test   creates .venv, installs lakip with its test tools, checks the layers (lint-imports) and
#               runs the whole suite on every core (pytest-xdist; a notebook's cells stay on one worker)
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.terpasang

.PHONY: run test lab bench clean constraints notebooks rujukan

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml constraints.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[test]'
	touch $@

run: $(STAMP)
	$(BIN)/lakip run $(ARGS)

test: $(STAMP)
	$(BIN)/lint-imports
	$(BIN)/python -m pytest -n auto --dist loadfile $(ARGS)

lab: $(STAMP)
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[test,lab,eksplorasi]'
	$(BIN)/jupyter lab notebooks/

bench: $(STAMP)
	$(BIN)/python bench/bench_scoring.py
	$(BIN)/python bench/bench_run.py
	$(BIN)/python bench/bench_kabupaten.py
	$(BIN)/python bench/bench_batch.py
	$(BIN)/python bench/bench_eksplorasi.py

# Re-execute every notebook of notebooks/ (the numbered ones and skenario, kabupaten, eksplorasi) and keep only the outputs nbval checks.
notebooks: $(STAMP)
	$(BIN)/python -c "from lakip.app.notebooks import segarkan_keluaran_cek; from lakip.core.paths import NOTEBOOKS_DIR; [segarkan_keluaran_cek(p) for p in sorted(NOTEBOOKS_DIR.glob('*.ipynb'))]"

# Refresh tests/rujukan.json, the hashes of every output file, after a deliberate change of an output.
rujukan: $(STAMP)
	LAKIP_PERBARUI_RUJUKAN=1 $(BIN)/python -m pytest -q -rs tests/test_rujukan.py

clean:
	rm -rf $(VENV) outputs/*/

# Re-pin constraints.txt after changing dependencies in pyproject.toml.
constraints:
	rm -rf /tmp/lakip-pin && $(PYTHON) -m venv /tmp/lakip-pin
	/tmp/lakip-pin/bin/python -m pip install --quiet --upgrade pip
	/tmp/lakip-pin/bin/python -m pip install --quiet -e '.[test,lab]'
	{ echo "# Exact versions the project is tested with (pip constraints, not declarations:"; \
	  echo "# dependencies are declared in pyproject.toml). Regenerate: make constraints"; \
	  /tmp/lakip-pin/bin/python -m pip freeze --exclude-editable; } > constraints.txt
