# villkor: two commands do all the set-up on a fresh machine.
#   make run   installs what the tool needs, then checks and renders the bundled example
#   make test  installs what the tests need (Chromium too, when missing), then runs them all
#   make bench measures speed and memory (see bench/)
#   make click-po  brings click's messages into the Swedish catalogue after a click upgrade

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
OUT    ?= out
EXAMPLE := reports/norrbotten-2017.md
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run test lint bench install install-dev browser clean click-po

# Compiling the package once spares every run from compiling it where
# bytecode is not written on import (PYTHONDONTWRITEBYTECODE).
$(VENV)/.runtime: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade "pip>=25.1"
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e .
	$(BIN)/python -m compileall -q toolkit
	touch $@

$(VENV)/.dev: $(VENV)/.runtime
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e . --group dev
	touch $@

install: $(VENV)/.runtime
install-dev: $(VENV)/.dev

# Browser tests drive Debian's chromium through Playwright (Playwright's own
# browser download is not used).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "Installerar chromium för webbläsartesterna ..."; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium >/dev/null; }

run: install
	@echo "== Kontroll av $(EXAMPLE)"
	$(BIN)/villkor check $(EXAMPLE)
	@echo "== Rendering"
	$(BIN)/villkor render $(EXAMPLE) --format md --output $(OUT)/norrbotten-2017.md
	$(BIN)/villkor render $(EXAMPLE) --format html --output $(OUT)/norrbotten-2017.html
	$(BIN)/villkor render $(EXAMPLE) --format docx --output $(OUT)/norrbotten-2017.docx
	$(BIN)/villkor check $(EXAMPLE) --format html --output $(OUT)/norrbotten-2017-kontroll.html
	$(BIN)/villkor memo $(EXAMPLE) --format docx --output $(OUT)/norrbotten-2017-beslutsunderlag.docx
	@echo
	@echo "Klart. Öppna filerna i $(OUT)/:"
	@echo "  $(OUT)/norrbotten-2017.html            den färdiga rapporten"
	@echo "  $(OUT)/norrbotten-2017.docx            samma rapport i Word"
	@echo "  $(OUT)/norrbotten-2017.md              samma rapport i Markdown"
	@echo "  $(OUT)/norrbotten-2017-beslutsunderlag.docx  utskottets beslutsunderlag i Word"
	@echo "  $(OUT)/norrbotten-2017-kontroll.html   granskarens sammanfattning"
	@echo "Webbsidan: $(BIN)/villkor serve --dir reports   (öppna sedan http://127.0.0.1:8000)"

test: install-dev browser lint
	$(BIN)/python -m pytest -q -n auto --maxprocesses 4

# ruff (style and likely bugs) and mypy (types) over the package and the tests
lint: install-dev
	$(BIN)/ruff check toolkit tests bench tools
	$(BIN)/mypy

bench: install-dev
	$(BIN)/python bench/batch.py
	$(BIN)/python bench/run.py
	$(BIN)/python bench/summary_bench.py

# click's own words in Swedish: take click's messages into
# toolkit/locale/sv/LC_MESSAGES/click.po, compile click.mo, and list what is
# still untranslated (see tools/click_po.py). Run it after upgrading click.
click-po: install
	$(BIN)/python tools/click_po.py update || true
	$(BIN)/python tools/click_po.py compile
	$(BIN)/python tools/click_po.py check

clean:
	rm -rf $(VENV) $(OUT) .pytest_cache
