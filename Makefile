# Two commands do all set-up on a fresh machine: `make play` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# The real learning record store for the xAPI tests (Ralph), kept apart from the game's requirements.
LRS_VENV := .venv-lrs
LRS_REQUIREMENTS := tests/xapi/requirements-lrs.txt
# The YAML language server (the engine of VS Code's YAML extension), to test what an editor makes of the schema.
EDITOR := tests/scenario/editor

.PHONY: play test lint lrs editor shots dist clean schema

$(BIN)/python: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $(BIN)/python

$(LRS_VENV)/bin/ralph: $(LRS_REQUIREMENTS)
	$(PYTHON) -m venv $(LRS_VENV)
	$(LRS_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(LRS_VENV)/bin/python -m pip install --quiet -r $(LRS_REQUIREMENTS)
	touch $(LRS_VENV)/bin/ralph

lrs: $(LRS_VENV)/bin/ralph

$(EDITOR)/node_modules/.package-lock.json: $(EDITOR)/package-lock.json
	npm ci --prefix $(EDITOR) --no-audit --no-fund --loglevel=error

editor: $(EDITOR)/node_modules/.package-lock.json

play: $(BIN)/python
	$(BIN)/python main.py

test: $(BIN)/python $(LRS_VENV)/bin/ralph $(EDITOR)/node_modules/.package-lock.json
	$(BIN)/python -m pytest

lint: $(BIN)/python
	$(BIN)/ruff check .

# The app for this operating system, zipped: dist/vooruitgang-<version>-<os>.zip (release/build.py).
$(VENV)/.build-requirements: $(BIN)/python requirements-build.txt
	$(BIN)/python -m pip install --quiet -r requirements-build.txt
	touch $@

dist: $(VENV)/.build-requirements
	$(BIN)/python release/build.py

# The scenario schema and the guide's field reference, from the format's declaration (game/scenario/format.py).
schema: $(BIN)/python
	$(BIN)/python main.py schema

shots: $(BIN)/python
	for f in scenarios/*.yaml; do $(BIN)/python main.py shots $$f --out shots/$$(basename $$f .yaml); done

clean:
	rm -rf $(VENV) $(LRS_VENV) $(EDITOR)/node_modules .pytest_cache .ruff_cache shots build dist
