# tealeaves: `make demo` and `make test` each set up .venv when it is missing, then run.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SHARED ?= ../shared

.PHONY: install demo test test-fast evaluate bench browser lint typecheck clean

$(STAMP): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -c requirements.lock -e ".[test]"
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/tealeaves demo --db tealeaves-demo.duckdb

browser: $(STAMP)
	bash scripts/ensure_browser.sh

test: $(STAMP) browser
	$(BIN)/python -m pytest -q

test-fast: $(STAMP)
	$(BIN)/python -m pytest -q -m "not browser and not cluster and not slow"

evaluate: $(STAMP)
	$(BIN)/tealeaves evaluate --gold $(SHARED)/data/gold --wire evaluation/wire-2004/gold.jsonl \
		--corpus $(SHARED)/data/corpus/agnews-world-2004-dev.jsonl --report evaluation.json --floors evaluation-floors.json

bench: $(STAMP)
	$(BIN)/python scripts/bench.py --corpus $(SHARED)/data/corpus/bbc-news-2004-2005.jsonl

typecheck: $(STAMP)
	$(BIN)/mypy tealeaves

lint: $(STAMP)
	$(BIN)/ruff check tealeaves tests scripts

clean:
	rm -rf $(VENV) *.duckdb *.duckdb.wal .pytest_cache
