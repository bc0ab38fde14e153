# IQ Portal: `make run` serves the site, `make test` runs the whole test suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
export DEBUG ?= 1

.PHONY: install run migrate demo test test-browser lint format messages check-messages clean bench

$(BIN)/activate: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.txt
	touch $(BIN)/activate

install: $(BIN)/activate

migrate: install
	$(BIN)/python manage.py migrate --noinput

demo: migrate
	$(BIN)/python manage.py load_demo_content

run: demo
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

test: install
	$(BIN)/python -m pytest

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

messages: install
	$(BIN)/python manage.py makemessages --all --no-obsolete --ignore='.venv/*' --ignore='staticfiles/*' --ignore='node_modules/*' --ignore='artifacts/*' --ignore='bench/*'
	$(BIN)/python manage.py compilemessages --ignore='.venv/*'

test-browser: install
	$(BIN)/python -m pytest -m browser

check-messages:
	.ci/check-messages

# HTTP benchmark: gunicorn with production settings, wrk on loopback (apt-get install wrk); see docs/deployment.md.
bench: install
	$(BIN)/python bench/http_bench.py

clean:
	rm -rf $(VENV) staticfiles .pytest_cache
