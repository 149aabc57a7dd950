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

# package-lock.json pins the search worker shim every build ships (iframe-worker) and the third-party
# checkers (pa11y, Nu Html Checker, Lighthouse, ...); Chromium is Debian's. npm comes with Node.js.
NODE_STAMP := node_modules/.installed
$(NODE_STAMP): package-lock.json
	PUPPETEER_SKIP_DOWNLOAD=true npm ci --no-audit --no-fund
	touch $(NODE_STAMP)

install: $(STAMP) $(NODE_STAMP)

SITE_DIR ?= site
SITE_ZIP ?= course-site.zip
LANGUAGES := en fr
# mkdocs.yml builds the English edition, mkdocs.<lang>.yml each other language (it inherits mkdocs.yml).
config = $(if $(filter en,$(1)),mkdocs.yml,mkdocs.$(1).yml)

# site/en/ and site/fr/ for any static server, site/index.html to choose between them, and
# course-site.zip of all three for a USB stick (tests build elsewhere). The French build fails while a
# page has no translation; COURSE_DRAFT_TRANSLATION=1 builds a draft with the English text instead.
site: $(STAMP) $(NODE_STAMP)
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

# One PDF of the whole course per language (headless Chromium prints it; poppler-utils numbers the
# contents): `make pdf` writes course.pdf, `make pdf COURSE_LANG=fr` course-fr.pdf.
PDF ?= $(if $(filter en,$(COURSE_LANG)),course.pdf,course-$(COURSE_LANG).pdf)
pdf: site
	$(BIN)/python -m editions.pdf $(SITE) $(PDF)

# course-scorm.zip: the practice edition as a SCORM 1.2 package, one activity per week, for an LMS; one
# language per package (`make scorm COURSE_LANG=fr` writes course-scorm-fr.zip).
SCORM ?= $(if $(filter en,$(COURSE_LANG)),course-scorm.zip,course-scorm-$(COURSE_LANG).zip)
scorm: $(STAMP) $(NODE_STAMP)
	rm -rf build/scorm-site
	QUIZ_MODE=practice $(BIN)/mkdocs build --strict --clean -f $(call config,$(COURSE_LANG)) -d $(abspath build/scorm-site)
	$(BIN)/python -m editions.scorm build/scorm-site $(SCORM)

serve: site
	$(BIN)/python -m http.server 8000 --bind 127.0.0.1 --directory site

test: $(STAMP) $(NODE_STAMP)
	$(BIN)/python -m pytest

bench: $(STAMP) $(NODE_STAMP)
	$(BIN)/python bench/run.py

clean:
	rm -rf site build course-site.zip course.zim course-fr.zim course.pdf course-fr.pdf course-scorm.zip \
	  course-scorm-fr.zip .pytest_cache
