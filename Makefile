# Two commands set everything up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
MANAGE := $(PY) manage.py
# `make run` is the embedded default: SQLite, database search, local memory cache, local media.
RUN_ENV := DJANGO_SETTINGS_MODULE=cms.settings.dev DATABASE_URL= SEARCH_URL= REDIS_URL=
HOST ?= 127.0.0.1
PORT ?= 8000
# Test processes (pytest-xdist); each gets its own test database.
TEST_WORKERS ?= 2

.PHONY: run test bench bench-scale install install-dev migrate demo serve lint format lock clean image-check

$(VENV)/bin/activate:
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Python 3.11 is needed ($(PYTHON) not found)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade "pip>=24"

$(VENV)/.installed: requirements.lock | $(VENV)/bin/activate
	$(PIP) install --quiet --require-hashes -r requirements.lock
	@touch $@

$(VENV)/.installed-dev: requirements.lock requirements-dev.lock $(VENV)/.installed
	$(PIP) install --quiet --require-hashes -r requirements.lock -r requirements-dev.lock
	@touch $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

migrate: install
	@mkdir -p var/static
	$(RUN_ENV) $(MANAGE) migrate --no-input -v 0

demo: migrate
	$(RUN_ENV) $(MANAGE) load_demo

run: demo
	@echo ""
	@echo "  Roland is starting on http://$(HOST):$(PORT)/"
	@echo "    Admin:          http://$(HOST):$(PORT)/admin/"
	@if [ -f var/admin-credentials.txt ]; then \
	  echo "    Login:          $$(sed -n 1p var/admin-credentials.txt) / $$(sed -n 2p var/admin-credentials.txt)"; \
	else echo "    Login:          admin / (from ROLAND_ADMIN_PASSWORD)"; fi
	@echo "    Wagtail API v2: http://$(HOST):$(PORT)/api/wagtail/v2/pages/?locale=en"
	@echo "    Health:         http://$(HOST):$(PORT)/readyz"
	@echo "    Worker:         webhooks, go-live/expiry dates, occurrence horizon (log: var/worker.log)"
	@echo ""
	@# The background worker (queued tasks and scheduled publishing) runs next to the dev server and stops with it.
	@$(RUN_ENV) $(MANAGE) worker >>var/worker.log 2>&1 & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(RUN_ENV) $(MANAGE) runserver $(HOST):$(PORT)

# The whole suite: on PostgreSQL when DATABASE_URL points at one, else on SQLite;
# it includes the SQLite first-run smoke (migrate + demo load + API reads over HTTP).
# Compiled modules are kept (in var/pycache) even where PYTHONDONTWRITEBYTECODE is set: the test
# processes, and the manage.py processes the tests start, would otherwise compile every module again
# (pytest's assertion rewriting of the test modules and plugins alone costs ~6 s per process).
# Whole modules go to the test processes in collection order, the real-process modules first
# (tests/conftest.py): xdist's default order, by number of tests, handed them out last.
test: install-dev
	PYTHONDONTWRITEBYTECODE= PYTHONPYCACHEPREFIX=$(CURDIR)/var/pycache \
	DJANGO_SETTINGS_MODULE=cms.settings.test $(VENV)/bin/pytest -n $(TEST_WORKERS) --dist loadfile --no-loadscope-reorder $(PYTEST_ARGS)

# Load figures against stock Wagtail API v2 and a bare Django view (PostgreSQL, Redis, wrk): see bench/README.md.
bench: install
	$(VENV)/bin/python bench/run.py

# Cost as the data grows: every scenario at 1x and 10x the bench data, in one run (bench/README.md).
bench-scale: install
	$(VENV)/bin/python bench/scale.py

lint: install-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports

format: install-dev
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# Re-pin after editing requirements*.in (needs the package registry).
lock: install-dev
	$(PIP) install --quiet pip-tools
	$(VENV)/bin/pip-compile -q --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url --no-emit-find-links -o requirements.lock requirements.in
	$(VENV)/bin/pip-compile -q --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url --no-emit-find-links -o requirements-dev.lock requirements-dev.in

clean:
	rm -rf var/roland.sqlite3* var/media var/static

# The production image built and run here (Docker, host networking): the stand-in base when missing,
# docker build, migrate + load_demo + web + worker through deploy/compose.yaml against this machine's
# PostgreSQL and Redis, and the checks a provider would make (deploy/image-check.sh).
image-check:
	bash deploy/image-check.sh
