# The README documents these targets. `make serve` and `make test` do all setup themselves.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SITE := site
HOST ?= 127.0.0.1
PORT ?= 8000
export NO_MKDOCS_2_WARNING := 1
# apt-get needs root: as root nothing, otherwise sudo (a CI runner's user has it without a password).
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: serve build release check format messages test bench setup system-packages lock clean

## serve: build the site and the PDFs into site/, then serve one language with live reload on http://$(HOST):$(PORT)
# The PDF is not re-rendered on each live reload (too slow to edit by): serve hands out the PDF of the
# build above (MANUAL_PDF_FROM; macros/build/pdf.py), so its link works; `make build` refreshes it.
# LANGUAGE=fr or es serves that language (mkdocs.<language>.yml) at the root, without its PDF.
LANGUAGE ?= en
serve: build
	MANUAL_PDF_FROM=$(SITE) $(BIN)/mkdocs serve --strict --dev-addr $(HOST):$(PORT) \
	  $(if $(filter-out en,$(LANGUAGE)),--config-file mkdocs.$(LANGUAGE).yml)

## build: validate data/, then build into a staging folder and swap it in (a failed build leaves site/ untouched)
# MANUAL_PDF=true switches on the to-pdf plugin (mkdocs.yml): the normal build writes the whole manual as one PDF.
build: setup
	MANUAL_PDF=true $(BIN)/python -m macros.build --site-dir $(SITE)

## release: the offline release in dist/ (the site as a zip, the PDFs, the open data, SHA256SUMS), from a fresh build
release: build
	$(BIN)/python -m macros.build.release --site-dir $(SITE) --dist-dir dist

## check: validate data/ only (quick)
check: setup
	$(BIN)/python -m macros.data.validate data

## format: lay out the Python and apply the linter's safe fixes (tests/test_style.py checks both)
format: setup
	$(BIN)/python -m ruff format .
	$(BIN)/python -m ruff check --fix .

## messages: write the catalogue template for translators again, after the English in the code changed
messages: setup
	$(BIN)/python -m macros.words.catalogue

## test: the whole test suite (installs the system packages the browser and PDF tests need)
test: setup system-packages
	$(BIN)/python -m pytest

## bench: speed, size and memory figures
bench: setup
	$(BIN)/python -m tests.benchmark

setup: $(BIN)/.installed node_modules/.installed

$(BIN)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements.txt
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
	touch $@

## system-packages: Debian's Chromium (browser tests), poppler-utils (PDF checks) and LibreOffice Writer
## (the editable forms open in a real word processor), when missing
system-packages:
	@command -v chromium >/dev/null && command -v pdftoppm >/dev/null && command -v soffice >/dev/null || { \
	  $(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
	    chromium poppler-utils libreoffice-writer-nogui >/dev/null; }

## lock: recompile requirements.txt (exact pins with hashes) from requirements.in
# pip-tools runs in a venv of its own: it needs a newer pip than the one the build's venv installs with
# (tests/test_dependencies.py checks that pip refuses what is not pinned with its hash).
LOCK_VENV := .cache/lock-venv
lock:
	$(PYTHON) -m venv $(LOCK_VENV)
	$(LOCK_VENV)/bin/python -m pip install --quiet pip-tools
	$(LOCK_VENV)/bin/pip-compile --quiet --generate-hashes --strip-extras --no-emit-index-url --no-emit-find-links \
	  -o requirements.txt requirements.in

clean:
	rm -rf $(SITE) $(SITE).* .cache dist
