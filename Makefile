# Two commands do all the set-up: `make serve` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install site translations zim pdf scorm serve test bench clean

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
LANGUAGES := en fr
# mkdocs.yml builds the English edition, mkdocs.<lang>.yml each other language (it inherits mkdocs.yml).
config = $(if $(filter en,$(1)),mkdocs.yml,mkdocs.$(1).yml)

# site/en/ and site/fr/ for any static server, site/index.html to choose between them, and
# course-site.zip of all three for a USB stick (tests build elsewhere). The French build fails while a
# page has no translation; COURSE_DRAFT_TRANSLATION=1 builds a draft with the English text instead.
site: $(STAMP)
	$(foreach lang,$(LANGUAGES),$(BIN)/mkdocs build --strict --clean -f $(call config,$(lang)) -d $(abspath $(SITE_DIR))/$(lang) &&) true
	$(BIN)/python -m editions.languages $(SITE_DIR)
	$(BIN)/python -m editions.usb_zip $(SITE_DIR) $(SITE_ZIP)
	@echo "Built $(SITE_DIR) and $(SITE_ZIP)"

# French pages missing, outdated (their English page changed since) or not recording what they translate
translations: $(STAMP)
	$(BIN)/python -m course.translations

# The ZIM for Kiwix (Android, iPhone, desktop), one per language: `make zim COURSE_LANG=fr` writes course-fr.zim.
COURSE_LANG ?= en
SITE ?= $(SITE_DIR)/$(COURSE_LANG)
ZIM ?= $(if $(filter en,$(COURSE_LANG)),course.zim,course-$(COURSE_LANG).zim)
zim: site
	$(BIN)/python -m editions.zim $(SITE) $(ZIM)
	zimcheck --all $(ZIM)

# One PDF of the whole course (headless Chromium prints it; poppler-utils numbers the contents), in English.
PDF ?= course.pdf
pdf: site
	$(BIN)/python -m editions.pdf $(SITE_DIR)/en $(PDF)

# course-scorm.zip: the English practice edition as a SCORM 1.2 package, one activity per week, for an LMS
scorm: $(STAMP)
	rm -rf build/scorm-site
	QUIZ_MODE=practice $(BIN)/mkdocs build --strict --clean -f mkdocs.yml -d $(abspath build/scorm-site)
	$(BIN)/python -m editions.scorm build/scorm-site course-scorm.zip

serve: site
	$(BIN)/python -m http.server 8000 --bind 127.0.0.1 --directory site

test: $(STAMP) $(NODE_TOOLS)
	$(BIN)/python -m pytest

bench: $(STAMP) $(NODE_TOOLS)
	$(BIN)/python bench/run.py

clean:
	rm -rf site build course-site.zip course.zim course-fr.zim course.pdf course-scorm.zip .pytest_cache
