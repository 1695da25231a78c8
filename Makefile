# Every target creates .venv on first use. `make help` lists them.
.DEFAULT_GOAL := help
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
COMPILED := $(VENV)/.compiled
SOURCES := $(shell find src -name '*.py')
CORPUS ?= data/raw
REPORTS ?= reports
TABLES ?= data/processed
LAB_PORT ?= 8888

# Stable output: no .pyc timestamps or hash randomisation leaking into results.
export PYTHONHASHSEED := 0
export PYDEVD_DISABLE_FILE_VALIDATION := 1
export MPLBACKEND := Agg

.PHONY: help venv report tables notebooks test lint unit alltests nbtest lab add bench eval fuzz screenshot clean

help: ## Show this help
	@awk 'BEGIN {FS = ":.*## "} /^[a-zA-Z_-]+:.*## / {printf "  \033[1m%-10s\033[0m %s\n", $$1, $$2}' $(MAKEFILE_LIST)

$(INSTALLED): pyproject.toml constraints.txt
	@test -n "$(PYTHON)" || { echo "error: python3.11 not found on PATH" >&2; exit 1; }
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' \
		|| { echo "error: $(PYTHON) is not Python 3.11" >&2; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[dev,bench,cluster]'
	@touch $@

# The package byte-compiled once, again when a source changes: where PYTHONDONTWRITEBYTECODE
# is set, each process of a report (the command and its kernels) would otherwise compile it
# on every run. checked-hash: a .pyc records its source's hash, no timestamp, and is used
# only while the source is unchanged (an edited module is compiled again, never run stale).
$(COMPILED): $(INSTALLED) $(SOURCES)
	$(BIN)/python -m compileall -q --invalidation-mode checked-hash src
	@touch $@

venv: $(COMPILED) ## Create .venv and install the package with pinned versions

tables: $(COMPILED) ## Extract the claims tables of CORPUS into TABLES (data/processed)
	$(BIN)/analysis extract $(CORPUS) --out $(TABLES)

report: $(COMPILED) ## Extract tables, run every notebook with papermill, write reports/index.html
	$(BIN)/analysis report --corpus $(CORPUS) --out $(REPORTS) --tables $(TABLES)

notebooks: tables ## Re-run the committed notebooks on the tables (refresh outputs for nbval)
	$(BIN)/analysis refresh-notebooks

lint: $(INSTALLED) ## ruff check and ruff format --check
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

unit: $(INSTALLED) ## Fast unit tests: skips the slow ones (reports, kernels, browser)
	$(BIN)/pytest -q -p no:cacheprovider -m "not slow"

alltests: $(INSTALLED) ## Every unit test, the slow ones included
	$(BIN)/pytest -q -p no:cacheprovider

nbtest: tables ## Check committed notebooks against a fresh run on the tables (nbval)
	$(BIN)/pytest -q -p no:cacheprovider --nbval notebooks/ --nbval-sanitize-with tests/nbval_sanitize.cfg --nbval-current-env

test: lint alltests nbtest ## Lint, every unit test and the notebook tests

lab: $(INSTALLED) ## JupyterLab in notebooks/ with a kernel "Python (analysis)"; prints its URL
	$(BIN)/python -m ipykernel install --sys-prefix --name analysis --display-name "Python (analysis)"
	@# Jupyter refuses to start as root (a container, a VM) without --allow-root; there is
	@# no desktop browser either, so open the http://127.0.0.1:$(LAB_PORT)/lab?token=... it prints.
	$(BIN)/jupyter lab --notebook-dir=notebooks --port=$(LAB_PORT) $(LAB_ARGS) \
		$$([ "$$(id -u)" != 0 ] || echo --allow-root --no-browser)

add: $(INSTALLED) ## Add a statement to CORPUS: make add FILE=page.html ARGS="--outlet X --date 2024-01-26"
	@test -n "$(FILE)" || { echo "error: give the statement: make add FILE=path.(txt|html|pdf)" >&2; exit 2; }
	$(BIN)/analysis add "$(FILE)" --corpus $(CORPUS) $(ARGS)

bench: $(COMPILED) ## Benchmarks: extraction throughput, corpus scale (to 1 GB), report build time
	$(BIN)/python benchmarks/run.py

# The development corpora, in the order they were written, then the held-out statements.
EVAL_CORPORA := devcorpus $(addprefix devcorpus,2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20) heldout

eval: $(INSTALLED) ## Accuracy of the rules: the twenty development corpora, then the held-out statements
	@set -e; for corpus in $(EVAL_CORPORA); do \
		$(BIN)/analysis evaluate tests/fixtures/$$corpus tests/fixtures/$$corpus/gold_claims.csv; \
	done

screenshot: report ## Refresh docs/index.png, the README's picture of the index page
	$(BIN)/python scripts/screenshot.py $(REPORTS)/index.html docs/index.png

fuzz: $(INSTALLED) ## Long fuzzing run of the number parser and extractor
	HYPOTHESIS_PROFILE=fuzz $(BIN)/pytest -q -p no:cacheprovider tests/test_fuzz.py

clean: ## Remove generated reports, tables and caches (keeps .venv and data/raw)
	rm -rf $(REPORTS) .pytest_cache .ruff_cache .hypothesis
	find $(TABLES) -mindepth 1 ! -name .gitkeep -delete 2>/dev/null || true
	find . -path ./$(VENV) -prune -o -name __pycache__ -type d -prune -exec rm -rf {} +
	rm -f $(COMPILED)
