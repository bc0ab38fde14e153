# IQ Portal: `make run` serves the site, `make test` runs the whole test suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
# The project's templates that djhtml formats (tests/template_files.py).
TEMPLATES = $$($(BIN)/python -m tests.template_files)

.PHONY: install install-dev run migrate demo test test-browser browser-packages lint lint-templates format messages \
	check-messages clean bench

# The site's requirements (what `make run` and the Docker image need), and on top the tools for tests and lint.
$(VENV)/.installed: requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed requirements-dev.txt
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@

# Settings for manage.py come from the environment and .env (iqportal/env.py). A development .env is written
# once, when there is none; edit it, or replace it for production (every variable: .env.example).
.env:
	printf '%s\n' "# Development settings written by 'make run': DEBUG=1 means an SQLite file, a fixed development" \
		"# key and local hosts only. Never use it in production; every variable is listed in .env.example." \
		"DEBUG=1" > $@

install: $(VENV)/.installed

install-dev: $(VENV)/.installed-dev

migrate: install .env
	$(BIN)/python manage.py migrate --noinput

demo: migrate
	$(BIN)/python manage.py load_demo_content

run: demo
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

# The browser tests need Chromium and the Noto fonts: installed with apt-get where that is allowed, else named.
browser-packages:
	@.ci/browser-packages --install

test: install-dev browser-packages
	$(BIN)/python -m pytest

test-browser: install-dev browser-packages
	$(BIN)/python -m pytest -m browser

lint: install-dev lint-templates
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

# Templates: formatted by djhtml, no line longer than 160 characters.
lint-templates: install-dev
	$(BIN)/djhtml --check --tabwidth 2 $(TEMPLATES)
	$(BIN)/python -m pytest -q -p no:cacheprovider tests/test_templates.py

format: install-dev
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .
	$(BIN)/djhtml --tabwidth 2 $(TEMPLATES)

messages: install .env
	$(BIN)/python manage.py makemessages --all --no-obsolete --no-location --ignore='.venv/*' --ignore='staticfiles/*' --ignore='node_modules/*' --ignore='artifacts/*' --ignore='bench/*'
	$(BIN)/python manage.py compilemessages --ignore='.venv/*'

check-messages:
	.ci/check-messages

# HTTP benchmark: gunicorn with production settings, wrk on loopback (apt-get install wrk); see docs/deployment.md.
bench: install
	$(BIN)/python bench/http_bench.py

clean:
	rm -rf $(VENV) staticfiles .pytest_cache
