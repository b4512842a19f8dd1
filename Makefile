# 关系销售 — build and test. `make` sets everything up and builds the learner site;
# `make test` runs the whole test suite.
PY := .venv/bin/python
JB := .venv/bin/jupyter-book
# Keep jieba's and other caches inside the project, not in /tmp.
export TMPDIR := $(CURDIR)/_build/tmp

.PHONY: all setup site pdf serve test lint clean
all: site

setup:
	@mkdir -p $(TMPDIR)
	@bash tools/setup.sh

site: setup
	$(JB) build . --warningiserror --nitpick --keep-going
	@echo "Site built: open _build/html/index.html (works from file:// too)"

pdf: site
	$(PY) -m tools pdf

serve: site
	$(PY) -m http.server --directory _build/html --bind 127.0.0.1 8000

test: setup
	$(PY) -m pytest

lint: setup
	$(PY) -m ruff check tools tests

clean:
	rm -rf _build
