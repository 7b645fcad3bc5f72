# Development tasks for wagtail-chiiki. GNU make; run `make help` for the list.

PYTHON ?= $(shell command -v python3.11 2>/dev/null || command -v python3)
VENV ?= .venv
VENV_BIN := $(CURDIR)/$(VENV)/bin
VENV_PY := $(VENV_BIN)/python
# Stamp: the venv is (re)installed only when it is missing or setup.cfg /
# pyproject.toml changed since the last install. One environment for
# everything: the test extra (the suite; the example site needs dj-database-url
# from it too) and the dev extra (ruff, build, tox, twine).
STAMP_TEST := $(VENV)/.installed-test

# The oldest supported combination (Python 3.11, Django 5.2, Wagtail 7.4 LTS, every other
# dependency at its floor, see .ci/floors.py): migrations are made there, so they run on every
# newer release without edits. Built once; rebuilt when setup.cfg changes.
OLDEST_PYTHON ?= $(shell command -v python3.11 2>/dev/null)
OLDEST_VENV ?= .venv-oldest
OLDEST_PY := $(CURDIR)/$(OLDEST_VENV)/bin/python
STAMP_OLDEST := $(OLDEST_VENV)/.installed

PYTEST_ARGS ?=
TOX_ARGS ?=
# `run` (one env after the other) or `run-parallel` (CI: TOX_ARGS="--parallel 2").
TOX_CMD ?= run
# The combinations `make tox` runs: all but the default one, which `make test` covers.
TOX_ENVS ?= py311-django52-wagtail74,py312-django60-wagtail80,py313-django61-wagtail80,py313-latest

# tox looks for python3.12/python3.13 on PATH; pyenv's shims refuse versions
# that are not selected, so put pyenv's 3.11-3.13 interpreters on PATH for tox.
PYENV_ROOT ?= $(HOME)/.pyenv
empty :=
space := $(empty) $(empty)
PYENV_BINS := $(wildcard $(PYENV_ROOT)/versions/3.11.*/bin $(PYENV_ROOT)/versions/3.12.*/bin $(PYENV_ROOT)/versions/3.13.*/bin)
TOX_PATH := $(subst $(space),:,$(strip $(PYENV_BINS) $(PATH)))

DEMO_HOST ?= 127.0.0.1
DEMO_PORT ?= 8000

.DEFAULT_GOAL := help

.PHONY: help $(VENV) venv install install-test demo serve-prod test lint format messages migrations migrations-check \
	wheel-check tox matrix clean

help:
	@echo "wagtail-chiiki development tasks"
	@echo ""
	@echo "  make install           create $(VENV) and install the package with its test and dev extras"
	@echo "  make demo              migrate + load the demo content into example_site/db.sqlite3,"
	@echo "                         then serve http://$(DEMO_HOST):$(DEMO_PORT)/ (admin: admin / admin)"
	@echo "  make serve-prod        the example site in production mode (gunicorn, Redis, DEBUG off)"
	@echo "                         on http://$(DEMO_HOST):$(DEMO_PORT)/; run make demo once first"
	@echo "  make test              run the whole test suite, browser tests included"
	@echo "                         (PYTEST_ARGS='-m \"not browser\"' to skip them; DATABASE_URL=postgres://... for PostgreSQL)"
	@echo "  make lint              ruff check + ruff format --check + setup.cfg against the imports"
	@echo "  make format            ruff format + ruff check --fix"
	@echo "  make messages          makemessages (ja, en) and compilemessages for wagtail_chiiki"
	@echo "  make migrations        make the migrations for a model change on the oldest supported"
	@echo "                         combination ($(OLDEST_VENV): Python 3.11, Django 5.2, Wagtail 7.4)"
	@echo "  make migrations-check  fail if a model change has no migration"
	@echo "  make wheel-check       build sdist + wheel, twine check, then the install matrix (docs/install.md"
	@echo "                         followed in new 'wagtail start' sites on Wagtail 7.4 and 8.0)"
	@echo "  make tox               the other Python/Django/Wagtail combinations ($(TOX_ENVS))"
	@echo "  make clean             remove build artefacts, caches and the demo database"

# --- virtual environment ----------------------------------------------------

$(VENV_PY):
	@test -n "$(PYTHON)" || { echo "No python3.11 or python3 found; run make PYTHON=/path/to/python3.11" >&2; exit 1; }
	@echo "==> creating $(VENV) with $(PYTHON)"
	$(PYTHON) -m venv $(VENV)
	$(VENV_PY) -m pip install --quiet --upgrade pip

$(STAMP_TEST): $(VENV_PY) setup.cfg pyproject.toml
	@echo "==> installing wagtail-chiiki (editable) with the test and dev extras into $(VENV)"
	$(VENV_PY) -m pip install --quiet -e ".[test,dev]"
	@touch $@

venv: $(VENV_PY)

$(VENV) install install-test: $(STAMP_TEST)

# --- example site -----------------------------------------------------------

# The demo always uses the SQLite file example_site/db.sqlite3, whatever
# DATABASE_URL says in the calling shell.
demo: $(STAMP_TEST)
	@echo "==> migrating example_site/db.sqlite3"
	cd example_site && env -u DATABASE_URL $(VENV_PY) manage.py migrate --noinput
	@echo "==> loading the demo content"
	cd example_site && env -u DATABASE_URL $(VENV_PY) manage.py load_demo
	@echo ""
	@echo "    Site:  http://$(DEMO_HOST):$(DEMO_PORT)/"
	@echo "    Admin: http://$(DEMO_HOST):$(DEMO_PORT)/admin/  user: admin  password: admin"
	@echo "    City editor:  city / city"
	@echo "    Organization editors (password = user name): kitaaizu, kawahigashi, minato, oto, eiwa, ichiki"
	@echo "    English translator:  translator / translator"
	@echo "    (organization editors submit changes; the city editor approves them on the dashboard;"
	@echo "     notification emails are printed on this console)"
	@echo ""
	cd example_site && env -u DATABASE_URL $(VENV_PY) manage.py runserver $(DEMO_HOST):$(DEMO_PORT)

# The example site in production mode (docs/performance.md): DEBUG off, persistent connections,
# Redis at REDIS_URL (default redis://127.0.0.1:6379/0), manifest static files, whole-page caching,
# served by gunicorn with PROD_WORKERS workers. Run `make demo` once first for the content.
PROD_WORKERS ?= 2

serve-prod: $(STAMP_TEST)
	$(VENV_BIN)/pip install --quiet -e ".[production]"
	cd example_site && env -u DATABASE_URL DJANGO_ENV=production $(VENV_PY) manage.py migrate --noinput
	cd example_site && env -u DATABASE_URL DJANGO_ENV=production $(VENV_PY) manage.py collectstatic --noinput --clear -v 0
	env -u DATABASE_URL DJANGO_ENV=production SERVE_STATIC=1 $(VENV_BIN)/gunicorn example_site.wsgi \
		--bind $(DEMO_HOST):$(DEMO_PORT) --workers $(PROD_WORKERS) --access-logfile -

# --- checks -----------------------------------------------------------------

test: $(STAMP_TEST)
	$(VENV_PY) -m pytest $(PYTEST_ARGS)

lint: $(STAMP_TEST)
	$(VENV_BIN)/ruff check .
	$(VENV_BIN)/ruff format --check .
	$(VENV_PY) .ci/package_check.py

format: $(STAMP_TEST)
	$(VENV_BIN)/ruff format .
	$(VENV_BIN)/ruff check --fix .

# The .mo files are committed: run this after changing a translatable string
# or a .po file, and commit both. Needs GNU gettext (apt-get install gettext).
messages: $(STAMP_TEST)
	@command -v msgfmt >/dev/null || { echo "msgfmt not found: apt-get install -y gettext" >&2; exit 1; }
	cd wagtail_chiiki && $(VENV_BIN)/django-admin makemessages -l ja -l en --no-obsolete
	cd wagtail_chiiki && $(VENV_BIN)/django-admin compilemessages
	cd example_site && $(VENV_BIN)/django-admin makemessages -l ja -l en --no-obsolete -i "demo/*"
	cd example_site && $(VENV_BIN)/django-admin compilemessages

$(STAMP_OLDEST): setup.cfg pyproject.toml .ci/floors.py
	@test -n "$(OLDEST_PYTHON)" || { echo "No python3.11 found; run make OLDEST_PYTHON=/path/to/python3.11" >&2; exit 1; }
	@echo "==> creating $(OLDEST_VENV) with $(OLDEST_PYTHON) and the oldest supported dependencies"
	rm -rf $(OLDEST_VENV)
	$(OLDEST_PYTHON) -m venv $(OLDEST_VENV)
	$(OLDEST_PY) -m pip install --quiet --upgrade pip
	$(OLDEST_PY) .ci/floors.py >$(OLDEST_VENV)/floors.txt
	$(OLDEST_PY) -m pip install --quiet -c $(OLDEST_VENV)/floors.txt -e . "dj-database-url>=2.2,<4"
	$(OLDEST_PY) -m pip list --format=freeze | grep -iE "^(django|wagtail|wagtail[-_]localize|django[-_]taggit)=="
	@touch $@

# Migrations are made on the oldest supported combination and never edited by hand: a migration
# made on a newer Wagtail may depend on a migration that the older one does not have.
migrations: $(STAMP_OLDEST)
	DATABASE_URL=sqlite://:memory: $(OLDEST_PY) example_site/manage.py makemigrations wagtail_chiiki home $(MIGRATIONS_ARGS)

# An in-memory database: makemigrations only needs one to check the history. Checked on the
# newest (.venv) and the oldest ($(OLDEST_VENV)) supported combination; tox checks the others.
migrations-check: $(STAMP_TEST) $(STAMP_OLDEST)
	DATABASE_URL=sqlite://:memory: $(VENV_PY) example_site/manage.py makemigrations --check --dry-run
	DATABASE_URL=sqlite://:memory: $(OLDEST_PY) example_site/manage.py makemigrations --check --dry-run

wheel-check: $(STAMP_TEST)
	PYTHON="$(PYTHON)" bash .ci/wheel_check.sh

tox matrix: $(STAMP_TEST)
	PATH="$(TOX_PATH)" $(VENV_BIN)/tox $(TOX_CMD) -e $(TOX_ENVS) $(TOX_ARGS)

clean:
	rm -rf build dist .tox .pytest_cache .ruff_cache *.egg-info tests/artifacts
	rm -f example_site/db.sqlite3
	find . -path ./$(VENV) -prune -o -name __pycache__ -type d -prune -exec rm -rf {} +
	@echo "(kept $(VENV); remove it with: rm -rf $(VENV))"
