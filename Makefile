# Two commands for a newcomer: `make demo` and `make test`. Both share `make install`.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install demo test lint ci clean mutation

$(BIN)/python:
	$(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)

$(STAMP): $(BIN)/python requirements/lock.txt requirements/build.txt pyproject.toml
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements/build.txt
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements/lock.txt
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

install: $(STAMP)
	$(BIN)/sprida compilecatalogs >/dev/null

demo: install
	$(BIN)/sprida demo

test: install
	$(BIN)/pytest -n 2 --dist loadfile src

lint: install
	$(BIN)/ruff check src benchmarks tools
	$(BIN)/ruff format --check src benchmarks tools
	$(BIN)/mypy
	$(BIN)/sprida makemigrations --check --dry-run

# Mutation testing with a floor per module (tools/mutation.py); MODULES="rules amounts" for some.
mutation: install
	$(BIN)/python tools/mutation.py $(MODULES)

clean:
	rm -rf $(VENV) var mutants
