# Platform HOPE portal. `make run` serves the portal with demo data; `make test` runs the tests.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
# Test processes: both cores by default (`make test JOBS=0` runs in one process).
JOBS ?= 2
export DJANGO_SETTINGS_MODULE ?= hope.settings.dev

.PHONY: run test test-postgres test-e2e lint format install demo clean messages

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet -e '.[dev]'
	touch $@

install: $(VENV)/.installed

demo: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py seed_demo

# Links in emails and the answer link the demo prints point at the address being served.
run demo: export BASE_URL ?= http://$(HOST):$(PORT)
run: demo
	$(PY) manage.py runserver $(HOST):$(PORT)

test: install
	DJANGO_SETTINGS_MODULE=hope.settings.test $(PY) -m pytest -m "not e2e and not postgres" -n $(JOBS) $(PYTEST_ARGS)

test-postgres: install
	bash .ci/postgres.sh -n $(JOBS)

test-e2e: install
	bash .ci/e2e.sh

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles .cache var

# Extract strings (needs GNU gettext's xgettext, developers only) and compile them (pure Python).
messages: install
	mkdir -p locale && $(PY) manage.py makemessages -l nl -l en --no-obsolete -i ".venv/*" -i "tests/*" -i "hope/*" -i "cms/*" -i "speakers/*" -i "bookings/*" >/dev/null
	for app in hope cms speakers bookings; do mkdir -p $$app/locale; (cd $$app && ../$(PY) ../manage.py makemessages -l nl -l en --no-obsolete >/dev/null); done
	$(PY) manage.py compile_translations
