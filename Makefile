# Platform HOPE portal. `make run` serves the portal with demo data; `make test` runs the tests.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
# Test processes: both cores by default (`make test JOBS=0` runs in one process).
JOBS ?= 2
export DJANGO_SETTINGS_MODULE ?= hope.settings.dev

.PHONY: run serve bench load test test-postgres test-e2e test-cluster lint format install install-production demo clean messages

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet -e '.[dev,production]'
	touch $@

install: $(VENV)/.installed

# The development install includes the production extra (gunicorn, the Redis client), so the
# tests cover gunicorn's log redaction and `make serve` needs nothing more.
install-production: install

demo: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py seed_demo

# Links in emails and the answer link the demo prints point at the address being served.
run demo: export BASE_URL ?= http://$(HOST):$(PORT)
run: demo
	$(PY) manage.py runserver $(HOST):$(PORT)

# The production shape on one machine: gunicorn + task worker + periodic jobs (scripts/serve.sh).
# SQLite in var/ unless DATABASE_URL is set; REDIS_URL when set. `make serve DEMO=1` adds demo data.
serve: install-production
	HOST=$(HOST) PORT=$(PORT) bash scripts/serve.sh

# Production shape with scaled-up data, measured against a static ceiling and a fresh Wagtail
# project (bench/run.py); prints a markdown table. About 5-8 minutes on 2 cores.
bench: install-production
	bash bench/run.sh

test: install
	DJANGO_SETTINGS_MODULE=hope.settings.test $(PY) -m pytest -m "not e2e and not postgres and not cluster" -n $(JOBS) $(PYTEST_ARGS)

test-postgres: install
	bash .ci/postgres.sh -n $(JOBS)

test-e2e: install
	bash .ci/e2e.sh

# Load without loss (bench/load.py): 500 public requests from 20 clients, 50 racers for one
# expert on a throwaway PostgreSQL. 127.0.0.1 only, bounded; not part of `make test` or .ci/run.
load: install
	$(PY) bench/load.py $(LOAD_ARGS)

# Two gunicorn instances on PostgreSQL and Redis agree (publish, rate limits).
test-cluster: install
	bash .ci/two_instances.sh

# lint-imports: the apps layer one way and modules import no circle ([tool.importlinter]).
lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports

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
