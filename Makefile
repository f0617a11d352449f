# Two commands do all set-up on a fresh Debian machine with Python 3.11:
#   make run    the application on a demo database (SQLite)
#   make test   the whole suite, on SQLite and on a throwaway PostgreSQL

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEMO_DB := $(CURDIR)/var/demo.sqlite
DEMO_URL := sqlite:///$(DEMO_DB)

.PHONY: run test lint bench venv clean translations

venv: $(STAMP)

$(STAMP): pyproject.toml
	@$(PYTHON) -m venv --help >/dev/null 2>&1 || tools/debian-deps venv
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	$(BIN)/python tools/translations.py --compile
	touch $(STAMP)

run: $(STAMP)
	tools/debian-deps gui
	@if [ ! -f "$(DEMO_DB)" ]; then \
		$(BIN)/backoffice --db "$(DEMO_URL)" demo --clients 200; \
	fi
	$(BIN)/backoffice --db "$(DEMO_URL)" init
	$(BIN)/backoffice-gui --db "$(DEMO_URL)"

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

test: $(STAMP)
	tools/debian-deps test
	$(BIN)/ruff check .
	QT_QPA_PLATFORM=offscreen tools/with-postgres $(BIN)/pytest

bench: $(STAMP)
	tools/with-postgres $(BIN)/python bench/ledger.py

# After changing the window's strings: the .ts in step with the code, the .qm built.
translations: $(STAMP)
	$(BIN)/python tools/translations.py

clean:
	rm -rf $(VENV) var build *.egg-info .pytest_cache .ruff_cache
