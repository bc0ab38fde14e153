# IQ Portal: `make run` serves the site, `make test` runs the whole test suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
export DEBUG ?= 1

.PHONY: install install-dev run migrate demo test test-browser lint format messages check-messages clean bench

# The site's requirements (what `make run` and the Docker image need), and on top the tools for tests and lint.
$(VENV)/.installed: requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed requirements-dev.txt
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed

install-dev: $(VENV)/.installed-dev

migrate: install
	$(BIN)/python manage.py migrate --noinput

demo: migrate
	$(BIN)/python manage.py load_demo_content

run: demo
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

test: install-dev
	$(BIN)/python -m pytest

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install-dev
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

messages: install
	$(BIN)/python manage.py makemessages --all --no-obsolete --no-location --ignore='.venv/*' --ignore='staticfiles/*' --ignore='node_modules/*' --ignore='artifacts/*' --ignore='bench/*'
	$(BIN)/python manage.py compilemessages --ignore='.venv/*'

test-browser: install-dev
	$(BIN)/python -m pytest -m browser

check-messages:
	.ci/check-messages

# HTTP benchmark: gunicorn with production settings, wrk on loopback (apt-get install wrk); see docs/deployment.md.
bench: install
	$(BIN)/python bench/http_bench.py

clean:
	rm -rf $(VENV) staticfiles .pytest_cache
