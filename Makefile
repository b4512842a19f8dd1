# 关系销售 — build and test. `make` sets everything up and builds the learner site;
# `make test` runs the whole test suite.
PY := .venv/bin/python
JB := .venv/bin/jupyter-book
# Keep jieba's and other caches inside the project, not in /tmp.
export TMPDIR := $(CURDIR)/_build/tmp

.PHONY: all setup site pdf serve test test-quick lint clean trainer trainer-pdf handouts trainer-handouts scorm slides forms kits
all: site

setup:
	@mkdir -p $(TMPDIR)
	@bash tools/setup.sh

site: setup
	$(JB) build . --warningiserror --nitpick --keep-going
	$(PY) -m tools check-learner
	@echo "Site built: open _build/html/index.html (works from file:// too)"

pdf: site
	$(PY) -m tools pdf

# The trainer edition: the same sources plus the teaching notes (cases/notes), with a
# config and TOC generated from _config.yml and _toc.yml (tools/trainer/edition.py).
TRAINER := _build/trainer
trainer: setup
	$(PY) -m tools trainer-config -o $(TRAINER)
	$(JB) build . --config $(TRAINER)/_config.yml --toc $(TRAINER)/_toc.yml --path-output $(TRAINER) \
		--warningiserror --nitpick --keep-going
	@echo "Trainer edition built: open $(TRAINER)/_build/html/index.html"

trainer-pdf: trainer
	$(PY) -m tools pdf --edition trainer

handouts: site
	$(PY) -m tools handouts

trainer-handouts: trainer
	$(PY) -m tools handouts --edition trainer

# The 精讲 blocks' lecture decks (trainer material): _build/slides/<deck>.pptx and .pdf
slides: setup
	$(PY) -m tools slides

# The forms of a training day: NAMES=names.txt (one per line) fills the sign-in sheet and
# makes the certificates; DATE=YYYY-MM-DD. Into _build/forms.
# The case kits one by one as PDFs, and a printing list: PARTICIPANTS=12 (default 20).
kits: trainer
	$(PY) -m tools kits $(if $(PARTICIPANTS),--participants $(PARTICIPANTS))

forms: setup
	$(PY) -m tools forms $(if $(NAMES),--names $(NAMES)) $(if $(DATE),--date $(DATE))

# The learner site as a SCORM 1.2 package for Moodle and other learning platforms
# (tools/lms/scorm.py): _build/scorm/关系销售-scorm12.zip
# SCORM_REPORT=completion reports completed/incomplete only (no passed/failed).
SCORM_REPORT ?= passfail
scorm: site
	$(PY) -m tools scorm --report $(SCORM_REPORT)

serve: site
	$(PY) -m http.server --directory _build/html --bind 127.0.0.1 8000

# Two workers (pytest-xdist): the machine has two cores, and the costly builds are shared
# between the workers (tests/conftest.py, made_once).
test: setup
	$(PY) -m pytest -n 2

# The quick subset for development: every module, without the rebuilds, the trainer PDF, the
# browser sweeps and most browser tests (one per browser-only module stays, marked quick).
test-quick: setup
	$(PY) -m pytest -n 2 -m "quick or not (slow or sweep or browser)"

lint: setup
	$(PY) -m ruff check tools tests

clean:
	rm -rf _build
