# Two commands do all the set-up: `make serve` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install site zim pdf scorm serve test bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

# Third-party checkers pinned in package-lock.json (pa11y, Nu Html Checker, Lighthouse); Chromium is Debian's.
NODE_STAMP := node_modules/.installed
$(NODE_STAMP): package-lock.json
	PUPPETEER_SKIP_DOWNLOAD=true npm ci --no-audit --no-fund
	touch $(NODE_STAMP)
NODE_TOOLS := $(if $(shell command -v npm),$(NODE_STAMP))

SITE_DIR ?= site
SITE_ZIP ?= course-site.zip

# site/ for any static server, and course-site.zip of it for a USB stick (tests build elsewhere)
site: $(STAMP)
	$(BIN)/mkdocs build --strict --clean -d $(abspath $(SITE_DIR))
	$(BIN)/python -m editions.usb_zip $(SITE_DIR) $(SITE_ZIP)
	@echo "Built $(SITE_DIR) and $(SITE_ZIP)"

# The ZIM for Kiwix (Android, iPhone, desktop) from a built site; SITE names another language's build.
SITE ?= site
ZIM ?= course.zim
zim: site
	$(BIN)/python -m editions.zim $(SITE) $(ZIM)
	zimcheck --all $(ZIM)

# One PDF of the whole course (headless Chromium prints it; poppler-utils numbers the contents).
PDF ?= course.pdf
pdf: site
	$(BIN)/python -m editions.pdf $(SITE) $(PDF)

# course-scorm.zip: the practice edition as a SCORM 1.2 package, one activity per week, for an LMS
scorm: $(STAMP)
	rm -rf build/scorm-site
	QUIZ_MODE=practice $(BIN)/mkdocs build --strict --clean -d build/scorm-site
	$(BIN)/python -m editions.scorm build/scorm-site course-scorm.zip

serve: site
	$(BIN)/python -m http.server 8000 --bind 127.0.0.1 --directory site

test: $(STAMP) $(NODE_TOOLS)
	$(BIN)/python -m pytest

bench: $(STAMP) $(NODE_TOOLS)
	$(BIN)/python bench/run.py

clean:
	rm -rf site build course-site.zip course.zim course.pdf course-scorm.zip .pytest_cache
