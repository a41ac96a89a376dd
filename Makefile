# VALOA – the project's verbs. `make help` lists them.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
# The address written into Wagtail's Site record (canonical URLs, og:url, sitemap); README's settings table.
SITE_HOSTNAME ?= $(HOST)
SITE_PORT ?= $(PORT)
# `make run`/`make serve`: the site as its users see it (DEBUG off: Finnish 404/500 pages, WhiteNoise serves
# the static files, Django the uploaded media), on gunicorn like production; one process, so that the
# local-memory cache and the live channel's in-process groups stay coherent. The ASGI application serves both the
# pages and the meeting room's live channel (valoa/asgi.py) through uvicorn's worker; production serves the pages
# from the WSGI application and the live path from this one (docs/deploy.md). docs/development.md says why gunicorn.
SERVE = DEBUG=False SERVE_MEDIA=True DJANGO_SETTINGS_MODULE=valoa.settings.dev $(BIN)/gunicorn valoa.asgi:application \
	--bind $(HOST):$(PORT) --workers 1 --worker-class uvicorn_worker.UvicornWorker --access-logfile -
# Beside the server (`make run`, `serve`, `dev`): Wagtail's `publish_scheduled` at once and then every minute, so
# that a page scheduled to go live (or to expire) does so; production runs it from a systemd timer (docs/deploy.md,
# deploy/systemd/). The loop watches the recipe's shell (`$$$$`) every second and ends with it, however the server
# stops: Ctrl-C, or a kill of the process group (.ci/run, tests/valoa/test_make_serve.py), which reaches it too.
PUBLISH_SCHEDULED = ( while kill -0 $$$$ 2>/dev/null; do \
		$(MANAGE) publish_scheduled || true; \
		for _ in $$(seq 60); do kill -0 $$$$ 2>/dev/null || exit 0; sleep 1; done; \
	done ) & trap 'kill $$! 2>/dev/null' EXIT;

.DEFAULT_GOAL := help
.PHONY: help setup setup-test run demo test test-fast browser lint format check bench bench-live scale-check clean
.PHONY: backup restore audit worksheets messages

help: ## List the targets
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  make %-10s %s\n", $$1, $$2}'

$(BIN)/python:
	@$(PYTHON) -c 'import sys; assert sys.version_info[:2] == (3, 11), "Python 3.11 is required"' \
		|| { echo "VALOA needs Python 3.11: set PYTHON=/path/to/python3.11"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# What running the site needs; the test, lint and browser tools come on top only for the targets that use them.
$(VENV)/.installed: pyproject.toml .ci/constraints.txt | $(BIN)/python
	$(BIN)/pip install --quiet -c .ci/constraints.txt -e .
	@touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(BIN)/pip install --quiet -c .ci/constraints.txt -e ".[test]"
	@touch $@

setup: $(VENV)/.installed ## Create the virtual environment and install the pinned dependencies for running the site

setup-test: $(VENV)/.installed-test ## `setup`, plus the pinned test and lint tools (pyproject's [test] extras)

demo: setup ## Migrate the database and build the Finnish demo site (idempotent)
	$(MANAGE) migrate --noinput
	SITE_HOSTNAME=$(SITE_HOSTNAME) SITE_PORT=$(SITE_PORT) $(MANAGE) load_demo_content

run: demo ## Set everything up and serve the demo site as users see it (DEBUG off) on http://127.0.0.1:8000/
	@echo ""
	@echo "  Sivusto:      http://$(HOST):$(PORT)/"
	@echo "  Ylläpito:     http://$(HOST):$(PORT)/admin/  (tunnus ja salasana yllä)"
	@echo ""
	@echo "$(SERVE)  (ja publish_scheduled minuutin välein)"
	@$(PUBLISH_SCHEDULED) $(SERVE)

.PHONY: serve dev
serve: setup ## Serve the database as it is, as users see it (DEBUG off, gunicorn); no migrate, no demo content
	@$(PUBLISH_SCHEDULED) $(SERVE)

dev: demo ## Serve for development: DEBUG on (error pages with tracebacks), runserver reloads on code changes
	@$(PUBLISH_SCHEDULED) DEBUG=True $(MANAGE) runserver $(HOST):$(PORT)

browser: ## Make sure the system Chromium for the browser tests is installed
	@bash .ci/ensure-chromium

# The suite runs on every core (pytest-xdist), at most 4 workers: each builds its own test database with the
# demo site (test_<name>_gw0, …). TEST_WORKERS=0 runs it in this one process. --dist loadscope hands a worker
# whole modules (and classes), so that a module-scoped fixture (the translated demo: tests/conftest.py) is
# built once, not once per worker. (--dist loadgroup would be finer, but xdist 3.8 cannot mark the groups
# under pytest 9.2: its xdist_group marks are ignored.)
TEST_WORKERS ?= $(shell n=$$(nproc 2>/dev/null || echo 2); [ $$n -gt 4 ] && n=4; echo $$n)
PYTEST = $(BIN)/pytest -n $(TEST_WORKERS) --dist loadscope --durations=15

test: setup-test browser ## Run the whole test suite, browser tests included (DATABASE_URL picks the database)
	@if [ -z "$$DATABASE_URL" ]; then echo "Tests run on SQLite; set DATABASE_URL=postgres://... to include the PostgreSQL-only tests."; fi
	$(PYTEST)

test-fast: setup-test ## Run the tests without the browser and without the slow ones (a couple of minutes)
	$(PYTEST) -m "not browser and not slow"

lint: setup-test ## Check the code with ruff and the architecture's import contracts (pyproject's [tool.importlinter])
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

format: setup-test ## Format the code with ruff
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

worksheets: setup-test ## Make the demo tools' PDF work templates anew with fpdf2 (docs/demo-content.md)
	$(BIN)/python -m tests.worksheets

check: setup ## Django's system checks and the migration check
	$(MANAGE) check
	$(MANAGE) makemigrations --check --dry-run

BENCH_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/valoa_bench
# The app servers share Redis as in production (docs/deploy.md: required for more than one process): with the
# local-memory cache each of the bench's 4 workers kept its own site chrome, and a publish reached only its own.
BENCH_REDIS_URL ?= $(or $(REDIS_URL),redis://127.0.0.1:6379/14)
BENCH_ENV = DATABASE_URL=$(BENCH_DATABASE_URL) REDIS_URL=$(BENCH_REDIS_URL) CACHE_KEY_PREFIX=valoa-bench \
	DJANGO_SETTINGS_MODULE=valoa.settings.production SECRET_KEY=bench-only-not-secret-$$(hostname)-0123456789abcdef \
	ALLOWED_HOSTS=127.0.0.1 SECURE_SSL_REDIRECT=False MEDIA_ROOT=$(CURDIR)/var/bench/media

# The benchmark lives in tests/bench/, outside the installed product; `python -m tests.bench` runs its commands.
BENCH = $(BIN)/python -m tests.bench

bench: setup ## Benchmark every page type on a large content set (docs/performance.md; BENCH_DATABASE_URL)
	$(BENCH_ENV) $(BENCH) run $(BENCH_ARGS)

# The live channel needs Redis (the live servers and the publishers share its groups): REDIS_URL, or db 14 locally.
bench-live: setup ## The live channel under load: 100 meetings × 8 screens, latency, memory, a restart (docs/performance.md)
	$(BENCH_ENV) $(BENCH) live $(BENCH_ARGS)

scale-check: setup ## Prove two app servers share PostgreSQL, Redis and media (docs/deploy.md; REDIS_URL)
	$(BENCH_ENV) $(BENCH) scale_check $(BENCH_ARGS)

# --- Backups (docs/deploy.md): separate targets, so other Makefile edits merge cleanly -------------------
BACKUP_DIR ?= var/backups
backup: setup ## Back up the database (pg_dump -Fc) and media files with a checksummed manifest (BACKUP_DIR)
	$(MANAGE) backup --output "$(BACKUP_DIR)"

restore: setup ## Restore BACKUP=<dir> into a new RESTORE_DATABASE_URL and an empty RESTORE_MEDIA_ROOT
	@if [ -z "$(BACKUP)" ] || [ -z "$(RESTORE_DATABASE_URL)" ] || [ -z "$(RESTORE_MEDIA_ROOT)" ]; then \
		echo "make restore BACKUP=var/backups/valoa-… RESTORE_DATABASE_URL=postgres://…/uusi RESTORE_MEDIA_ROOT=…"; exit 2; fi
	$(MANAGE) restore "$(BACKUP)" --database-url "$(RESTORE_DATABASE_URL)" --media-root "$(RESTORE_MEDIA_ROOT)"

# --- Dependency audit (docs/security.md) ---------------------------------------------------------------
audit: ## pip-audit over .ci/constraints.txt: fails on a known vulnerability with a fix (or if it cannot check)
	AUDIT_REQUIRE_SERVICE=1 bash .ci/audit

# --- Translation catalogues (docs/languages-glossary.md) ---------------------------------------------------
# sv and en follow the code: makemessages adds new msgids (Finnish) and drops gone ones; locale-memory/ fills
# those translated ahead (valoa/management/commands/makemessages.py). Translate what is left empty, then run
# `make messages` again to compile. fi is hand-kept (Finnish overrides of Wagtail's English): only compiled.
# tests/valoa/test_catalogues.py fails on anything untranslated, fuzzy or out of date.
MAKEMESSAGES = $(MANAGE) makemessages -l sv -l en --no-obsolete --add-location=file \
	--ignore=.venv --ignore=.venv-audit --ignore=tests --ignore=var --ignore=staticfiles --ignore=node_modules
messages: setup ## Update the sv and en catalogues from the code and compile fi, sv and en (.mo files are committed)
	@# djangojs first: a string moving from a template to a script still finds its translation in django.po.
	$(MAKEMESSAGES) -d djangojs
	$(MAKEMESSAGES) -d django
	@# The creation date changes on every run: without it, two branches' runs do not conflict.
	sed -i '/^"POT-Creation-Date: /d' locale/sv/LC_MESSAGES/*.po locale/en/LC_MESSAGES/*.po
	$(MANAGE) compilemessages -l fi -l sv -l en --ignore=.venv --ignore=.venv-audit

clean: ## Remove the virtual environment and local data (var/)
	rm -rf $(VENV) .venv-audit var staticfiles
