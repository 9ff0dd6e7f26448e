# The README's two commands: `make run` and `make test`. Both work on a fresh Debian/Ubuntu machine.
SHELL := /bin/bash
VENV ?= .venv
PY := $(VENV)/bin/python
PYTHON ?= python3
DEMO_WS ?= .demo-workspace
ARTIFACTS ?= test-artifacts
# System packages: a Japanese font (screenshots, PDFs), poppler (pdftotext/pdftoppm), the libraries Qt's
# offscreen and xcb (a real display, `make run`) platforms load; the tests also print XLSX with LibreOffice.
SYSTEM_PACKAGES := fonts-noto-cjk poppler-utils libegl1 libgl1 libxkbcommon0 libfontconfig1 libglib2.0-0 libdbus-1-3 libxkbcommon-x11-0 libx11-xcb1 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-util1 libxcb-xkb1

.PHONY: run test venv system-deps translations lint clean bench fuzz

$(VENV)/.installed: pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test]'
	@touch $@

venv: $(VENV)/.installed

translations: venv
	@for ts in resources/i18n/*.ts; do \
	  $(VENV)/bin/pyside6-lrelease -silent "$$ts" -qm "$${ts%.ts}.qm" || exit 1; \
	done

system-deps:
	@missing=""; for p in $(SYSTEM_PACKAGES) $(TEST_EXTRA_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -z "$$missing" ]; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ]; then SUDO=""; elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then SUDO="sudo"; \
	else echo "note: missing system packages:$$missing (not root, no sudo) - some tests may skip"; exit 0; fi; \
	echo "installing system packages:$$missing"; \
	$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing >/dev/null

lint: venv
	$(VENV)/bin/ruff check src tests bench db
	$(VENV)/bin/lint-imports

test: TEST_EXTRA_PACKAGES := libreoffice-calc-nogui
test: system-deps venv translations lint
	mkdir -p $(ARTIFACTS)
	QT_QPA_PLATFORM=offscreen DISASTERSHARE_ARTIFACTS=$(abspath $(ARTIFACTS)) $(PY) -m pytest -q -n 2

run: system-deps venv translations
	@test -f $(DEMO_WS)/workspace.sqlite || $(VENV)/bin/disastershare --workspace $(DEMO_WS) demo
	@if [ -n "$$DISPLAY$$WAYLAND_DISPLAY" ] || [ "$$(uname)" = Darwin ]; then \
	  $(VENV)/bin/disastershare --workspace $(DEMO_WS) gui; \
	else \
	  echo "No display found - running the headless demo instead."; \
	  QT_QPA_PLATFORM=offscreen $(VENV)/bin/disastershare --workspace $(DEMO_WS) demo --headless; \
	fi

# Longer coverage-guided fuzzing than the bounded runs in `make test` (issue 16); findings land in fuzz/findings/.
# libFuzzer adds what it finds to its corpus folder: it works on a copy, so the seeds in git stay small.
fuzz: venv
	mkdir -p fuzz/findings && rm -rf fuzz/work && cp -r fuzz/corpus fuzz/work
	$(PY) fuzz/fuzz_snapshot.py -max_total_time=$${FUZZ_SECONDS:-600} -artifact_prefix=fuzz/findings/ fuzz/work/snapshot
	$(PY) fuzz/fuzz_sheet.py -max_total_time=$${FUZZ_SECONDS:-600} -artifact_prefix=fuzz/findings/ fuzz/work/sheet

bench: venv
	$(PY) bench/bench_inventory_import.py

# The Linux one-folder app in dist/disastershare/ and its smoke test (packaging/README.md). Not part of `make test`.
.PHONY: build smoke
build: system-deps venv translations
	VENV=$(VENV) packaging/build_linux.sh

smoke:
	packaging/smoke_test.sh dist/disastershare/disastershare

clean:
	rm -rf $(VENV) $(DEMO_WS) $(ARTIFACTS) resources/i18n/*.qm
