# CommDesk: every target creates .venv and installs what it needs on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
QM := resources/i18n/commdesk_vi.qm
I18N_SOURCES := $(shell find app resources/i18n/vi resources/i18n/qt -name '*.py' -o -name '*.json' 2>/dev/null)
DEMO_DIR ?= $(shell $(PYTHON) -c "import pathlib,os;print(os.environ.get('COMMDESK_DEMO_DIR') or pathlib.Path.home()/'.local/share/CommDesk-demo')")
PYTEST_ARGS ?=

.PHONY: run demo test lint format bench translations clean bundle

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[server,dev]'
	touch $(STAMP)

# --check: every visible string must have its Vietnamese before the build goes on.
$(QM): $(STAMP) $(I18N_SOURCES)
	$(BIN)/python -m app.translations --check

translations: $(STAMP)
	$(BIN)/python -m app.translations

run: $(STAMP) $(QM)
	$(BIN)/commdesk

demo: $(STAMP) $(QM)
	$(BIN)/commdesk --data-dir "$(DEMO_DIR)" demo --scale small --if-empty
	$(BIN)/commdesk --data-dir "$(DEMO_DIR)"

lint: $(STAMP)
	$(BIN)/ruff check app tests bench
	$(BIN)/ruff format --check app tests bench
	$(BIN)/mypy

format: $(STAMP)
	$(BIN)/ruff check --fix app tests bench
	$(BIN)/ruff format app tests bench

test: lint $(QM)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q $(PYTEST_ARGS)

bench: $(STAMP) $(QM)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m bench

# One-folder bundle (dist/CommDesk) with PyInstaller, then its smoke test; see installers/README.md.
bundle: $(STAMP) $(QM)
	$(BIN)/python -m pip install --quiet -e '.[bundle]'
	$(BIN)/python installers/make_icons.py build/icons
	$(BIN)/pyinstaller installers/commdesk.spec --distpath dist --workpath build/pyinstaller --noconfirm --log-level WARN
	$(BIN)/python installers/smoke_test.py dist/CommDesk

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .mypy_cache .ruff_cache
