# Regie. Two commands to get going (see README.md):
#   make run    install what is missing, migrate, load the demo data once, start on 127.0.0.1:8000
#               next to the DUO simulator (127.0.0.1:8001) and a task worker (scripts/run.sh)
#   make test   install what the tests need, then ruff and the test suite on SQLite and PostgreSQL
SHELL := /bin/bash
export PATH := $(HOME)/.local/bin:$(PATH)

MANAGE := uv run python manage.py
DEMO := REGIE_DEMO=1

.PHONY: run test lint openapi clean install install-test

run: install
	$(DEMO) $(MANAGE) migrate --no-input
	$(DEMO) $(MANAGE) seed_demo --if-empty
	$(DEMO) $(MANAGE) duo_simulator_vullen --als-nodig
	scripts/run.sh

test: install-test
	scripts/test.sh

install:
	scripts/install.sh run

install-test:
	scripts/install.sh test

lint:
	uv run ruff check .
	uv run ruff format --check .

openapi:
	$(DEMO) $(MANAGE) spectacular --file openapi.yaml --validate

clean:
	rm -rf staticfiles regie/static/vendor .pytest_cache .ruff_cache .hypothesis test-artifacts
	find . -path ./.venv -prune -o -path ./node_modules -prune -o -name __pycache__ -type d -prune -exec rm -rf {} +
