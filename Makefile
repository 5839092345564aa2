# The two commands of the README:
#   make run   - set everything up and serve http://127.0.0.1:8000 on SQLite, tasks in-process
#   make test  - set up and run the whole test suite (see README for the real-services mode)

PYTHON ?= $(shell command -v python3.11 2>/dev/null || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
# `make run` always uses the embedded defaults, whatever the shell has set.
EMBEDDED := env -u DATABASE_URL -u REDIS_URL DEBUG=1
PYTEST_ARGS ?=

.PHONY: run test install install-dev lint check-deploy clean

$(BIN)/python:
	$(PYTHON) -c 'import sys; assert sys.version_info[:2] == (3, 11), "Python 3.11 is required, found " + sys.version'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed-runtime: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@ $(VENV)/.installed-runtime

install: $(VENV)/.installed-runtime .env
install-dev: $(VENV)/.installed-dev .env

# Development settings for this checkout, so that `python manage.py ...` works here too.
.env:
	cp .env.example .env

run: install
	$(EMBEDDED) $(MANAGE) migrate --noinput
	$(EMBEDDED) $(MANAGE) compiletranslations
	$(EMBEDDED) $(MANAGE) load_demo
	@echo ""
	@echo "  Quality management portal: http://127.0.0.1:8000/"
	@echo "  Demo accounts, all with the password 'demo':"
	@echo "    quality (quality officer), owner (process owner), head (unit head), auditor,"
	@echo "    rector (rectorate), staff, committee (admissions committee), applicant, applicant2"
	@echo ""
	$(EMBEDDED) $(MANAGE) runserver 127.0.0.1:8000

# Without PYTEST_ARGS: the tests that need no service or browser in two processes (pytest-xdist,
# each with its own test database), then the real-services and browser tests in one process
# (they share one Celery worker and its queue). Both halves run; either failing fails the target.
test: install-dev
	$(BIN)/python manage.py compiletranslations --settings=qms.settings_test
ifeq ($(strip $(PYTEST_ARGS)),)
	status=0; \
	$(BIN)/pytest -n 2 -m "not services and not e2e" || status=1; \
	$(BIN)/pytest -m "services or e2e" || status=1; \
	exit $$status
else
	$(BIN)/pytest $(PYTEST_ARGS)
endif

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

clean:
	rm -rf $(VENV) db.sqlite3 media staticfiles test-artifacts
