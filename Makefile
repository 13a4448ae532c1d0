# Bekal: `make site` builds the site, `make test` runs every test. Both set up what they need.
VENV   ?= .venv
# test processes: both cores of the machine (pytest-xdist); tests of one file stay together,
# files go out longest first (tests/conftest.py, LONGEST_FIRST)
JOBS   ?= auto
PY     := $(VENV)/bin/python
BEKAL  := $(VENV)/bin/bekal
STAMP  := $(VENV)/.installed
NODE   := node_modules/.installed

.PHONY: site serve check status test lint schemas clean audit bench offline

# pip compiles the packages it installs, not an editable one: Bekal's own code is compiled
# here once, or every build would compile it anew where PYTHONDONTWRITEBYTECODE is set (this
# machine kind sets it; about 0.2 s a build). A file edited since is compiled as it loads.
$(STAMP): requirements.lock pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps -e .
	$(PY) -m compileall -q scripts >/dev/null
	touch $(STAMP)

# Lighthouse and the Nu HTML checker (package.json, pinned in package-lock.json; the
# overrides pin two deps Lighthouse asks for as "latest", which would break npm ci)
$(NODE): package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund
	touch $(NODE)

site: $(STAMP)
	scripts/setup-system.sh site
	$(BEKAL) build

# The whole site, PDFs and slides for file:// (a USB stick): bekal-offline-<date>.zip
offline: $(STAMP)
	scripts/setup-system.sh site
	$(BEKAL) offline

# Handout PDFs are skipped while serving; `make serve BEKAL_PDF=1` builds them too.
serve: $(STAMP)
	$(VENV)/bin/mkdocs serve --livereload --dirty

check: $(STAMP)
	$(BEKAL) check

status: $(STAMP)
	$(BEKAL) status

schemas: $(STAMP)
	$(BEKAL) schema

lint: $(STAMP)
	$(VENV)/bin/ruff check .

test: $(STAMP) $(NODE)
	scripts/setup-system.sh test
	$(VENV)/bin/ruff check .
	$(VENV)/bin/pytest -n $(JOBS) --dist loadfile --no-loadscope-reorder

# Lighthouse, axe, HTML checker, weight and a slow-link load of every page type: reports/audit.md
audit: $(STAMP) $(NODE)
	scripts/setup-system.sh test
	$(PY) scripts/audit.py

# Build time and page weight against the number of modules, Bekal vs plain Material
bench: $(STAMP)
	scripts/setup-system.sh test
	$(PY) scripts/bench.py

clean:
	rm -rf site .cache
