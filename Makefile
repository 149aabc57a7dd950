# Two commands do all the set-up: `make serve` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install site scorm serve test bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

SITE_DIR ?= site
SITE_ZIP ?= course-site.zip

# site/ for any static server, and course-site.zip of it for a USB stick (tests build elsewhere)
site: $(STAMP)
	$(BIN)/mkdocs build --strict --clean -d $(abspath $(SITE_DIR))
	rm -f $(SITE_ZIP)
	cd $(dir $(abspath $(SITE_DIR))) && $(abspath $(BIN))/python -m zipfile -c $(abspath $(SITE_ZIP)) $(notdir $(abspath $(SITE_DIR)))/
	@echo "Built $(SITE_DIR) and $(SITE_ZIP)"

# course-scorm.zip: the practice edition as a SCORM 1.2 package, one activity per week, for an LMS
scorm: $(STAMP)
	rm -rf build/scorm-site
	QUIZ_MODE=practice $(BIN)/mkdocs build --strict --clean -d build/scorm-site
	$(BIN)/python -m course.publishing.scorm build/scorm-site course-scorm.zip

serve: site
	$(BIN)/python -m http.server 8000 --bind 127.0.0.1 --directory site

test: $(STAMP)
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python bench/run.py

clean:
	rm -rf site build course-site.zip course-scorm.zip .pytest_cache
