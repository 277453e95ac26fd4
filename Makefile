# Two commands do all set-up on a fresh machine: `make play` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: play test lint shots dist clean

$(BIN)/python: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $(BIN)/python

play: $(BIN)/python
	$(BIN)/python main.py

test: $(BIN)/python
	$(BIN)/python -m pytest

lint: $(BIN)/python
	$(BIN)/ruff check .

# The app for this operating system, zipped: dist/vooruitgang-<version>-<os>.zip (release/build.py).
$(VENV)/.build-requirements: $(BIN)/python requirements-build.txt
	$(BIN)/python -m pip install --quiet -r requirements-build.txt
	touch $@

dist: $(VENV)/.build-requirements
	$(BIN)/python release/build.py

shots: $(BIN)/python
	for f in scenarios/*.yaml; do $(BIN)/python main.py shots $$f --out shots/$$(basename $$f .yaml); done

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache shots build dist
