# Two commands do all the set-up: `make serve` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install site serve test bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

# site/ for any static server, and course-site.zip of it for a USB stick
site: $(STAMP)
	$(BIN)/mkdocs build --strict --clean
	$(BIN)/python -m editions.usb_zip site course-site.zip
	@echo "Built site/ and course-site.zip"

serve: site
	$(BIN)/python -m http.server 8000 --bind 127.0.0.1 --directory site

test: $(STAMP)
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python bench/run.py

clean:
	rm -rf site course-site.zip .pytest_cache
