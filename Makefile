# calendar-svc: two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
#: `make run` installs what running needs; the dev and bench tools come with test, lint, bench.
RUN_STAMP := $(VENV)/.run.stamp
DEV_STAMP := $(VENV)/.dev.stamp
HOST ?= 127.0.0.1
PORT ?= 8000

.DEFAULT_GOAL := help
.PHONY: help install dev migrate run test lint bench chaos accuracy mutate screenshots openapi clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-9s %s\n", $$1, $$2}'

$(BIN)/python:
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "calendar-svc needs Python 3.11+"'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(RUN_STAMP): pyproject.toml setup.py | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	@touch $(RUN_STAMP)

$(DEV_STAMP): pyproject.toml setup.py | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[dev,bench]'
	@touch $(RUN_STAMP) $(DEV_STAMP)

install: $(RUN_STAMP) ## create the virtualenv and install calendar-svc with what it needs to run

dev: $(DEV_STAMP) ## install calendar-svc with its dev and bench tools too

migrate: $(RUN_STAMP) ## create or upgrade the database schema (embedded SQLite by default)
	$(BIN)/calendar-svc migrate

run: $(RUN_STAMP) ## migrate, ingest seeds/ into an empty log, serve on http://$(HOST):$(PORT)
	$(BIN)/calendar-svc migrate
	$(BIN)/calendar-svc ingest --if-empty seeds/
	$(BIN)/calendar-svc serve --host $(HOST) --port $(PORT)

# ical.js, an independent ICS parser the feed tests run under node (skipped without node).
JS_STAMP := tests/js/node_modules/.package-lock.json
$(JS_STAMP): tests/js/package.json tests/js/package-lock.json
	@if command -v npm >/dev/null; then npm ci --prefix tests/js --no-audit --no-fund; \
	else echo "npm not found: the ical.js checks will be skipped"; fi

# Test workers (pytest-xdist), each with its own PostgreSQL server and temporary files: on
# the 2-core machine the suite takes about 7 minutes with 2 and 12 with 1 (`TEST_JOBS=0`
# runs it in one process).
TEST_JOBS ?= 2

test: $(DEV_STAMP) $(JS_STAMP) ## run the whole test suite (SQLite and a real PostgreSQL server)
	$(BIN)/pytest -n $(TEST_JOBS) --cov --cov-report=term:skip-covered

lint: $(DEV_STAMP) $(JS_STAMP) ## ruff (with complexity and private-import rules), import-linter layers, mypy --strict, OpenAPI linters
	$(BIN)/ruff check calendar_svc tests migrations bench
	$(BIN)/ruff format --check calendar_svc tests migrations bench
	$(BIN)/lint-imports
	$(BIN)/mypy
	tests/js/node_modules/.bin/redocly lint --extends recommended openapi/openapi.json
	tests/js/node_modules/.bin/spectral lint --ruleset tests/js/.spectral.yaml --fail-severity error openapi/openapi.json

bench: $(DEV_STAMP) ## measure log, replay, feeds and HTTP against a peer and the floor (not part of `make test`)
	@command -v wrk >/dev/null || (apt-get update -qq && apt-get install -y -qq wrk) || \
		echo "wrk unavailable: the HTTP figures will be skipped"
	$(BIN)/python -m bench

chaos: $(DEV_STAMP) ## the fault probe: concurrent duplicate writers, kill -9, database stop; prints its figures (not part of make test)
	$(BIN)/python -m bench.chaos

accuracy: $(DEV_STAMP) ## ingest the corpus into a fresh log and report precision/recall per split (not part of make test)
	$(BIN)/python -m bench.accuracy

mutate: $(DEV_STAMP) ## mutate the schedule's rules (domain/rules/) one change at a time; list mutants their tests miss (not part of make test)
	$(BIN)/python -m bench.mutate_rules

screenshots: $(DEV_STAMP) ## render the pages over the seeds in headless Chromium into docs/screenshots/ (fails on a console error)
	$(BIN)/python -m calendar_svc.api.pages.screenshots

openapi: $(RUN_STAMP) ## regenerate the committed openapi/openapi.json from the app
	$(BIN)/calendar-svc openapi --out openapi/openapi.json

clean: ## remove the virtualenv and local data
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache
