# Bekal: `make site` builds the site, `make test` runs every test. Both set up what they need.
VENV   ?= .venv
PY     := $(VENV)/bin/python
BEKAL  := $(VENV)/bin/bekal
STAMP  := $(VENV)/.installed

.PHONY: site serve check status test lint schemas clean

$(STAMP): requirements.lock pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

site: $(STAMP)
	scripts/setup-system.sh site
	$(BEKAL) build

# Handout PDFs are skipped while serving; `make serve BEKAL_PDF=1` builds them too.
serve: $(STAMP)
	$(VENV)/bin/mkdocs serve --livereload

check: $(STAMP)
	$(BEKAL) check

status: $(STAMP)
	$(BEKAL) status

schemas: $(STAMP)
	$(BEKAL) schema

lint: $(STAMP)
	$(VENV)/bin/ruff check .

test: $(STAMP)
	scripts/setup-system.sh test
	$(VENV)/bin/ruff check .
	$(VENV)/bin/pytest

clean:
	rm -rf site .cache
