# Every target bootstraps what it needs: a fresh clone runs `make run` or `make test` directly.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 5000
# Development links (labels, Digital Links) follow the port `make run` serves (shop/config.py).
run: export PORT := $(PORT)
FLASK := $(BIN)/flask --app wsgi
MO_FILES := $(patsubst %.po,%.mo,$(wildcard shop/translations/*/LC_MESSAGES/messages.po))

.PHONY: run serve lock test e2e-tools test-sqlite test-postgres lint translations extract-messages bench clean

run: $(VENV)/.installed $(MO_FILES)
	@# Development serves static files by their plain names, so edits show at once.
	$(FLASK) digest clean >/dev/null
	$(FLASK) db upgrade
	$(FLASK) seed-demo --if-empty
	@# The worker (mail, periodic jobs) runs beside the server and is stopped with it.
	$(FLASK) worker & worker=$$!; trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
		$(FLASK) run --host 127.0.0.1 --port $(PORT)

# Production runs the worker as its own process (one or more; on PostgreSQL they share the work).
.PHONY: worker
worker: $(VENV)/.installed $(MO_FILES)
	$(FLASK) worker

# Production: PostgreSQL from DATABASE_URL, SECRET_KEY set, gunicorn as gunicorn.conf.py says.
serve: $(VENV)/.installed $(MO_FILES)
	@test -n "$$DATABASE_URL" || { echo "make serve needs DATABASE_URL (PostgreSQL)"; exit 2; }
	@test -n "$$SECRET_KEY" || { echo "make serve needs SECRET_KEY"; exit 2; }
	SHOP_ENV=production $(FLASK) db upgrade
	SHOP_ENV=production $(FLASK) digest compile >/dev/null
	SHOP_ENV=production $(BIN)/gunicorn --config gunicorn.conf.py wsgi:app

# The browser and accessibility tests (tests/e2e, marked e2e) need Debian's Chromium (CHROMIUM
# names another) and npm for axe-core. Without them they are deselected, and said so loudly.
CHROMIUM ?= /usr/bin/chromium
export CHROMIUM
E2E := tests/e2e

test: $(VENV)/.installed-test $(MO_FILES)
	@set -e; \
	if [ ! -x "$(CHROMIUM)" ]; then \
		not_run="Chromium not found ($(CHROMIUM)): browser and accessibility tests NOT run — install Debian's chromium"; \
	elif ! command -v npm >/dev/null; then \
		not_run="npm not found: browser and accessibility tests NOT run — install Debian's npm (axe-core comes from the npm registry)"; \
	else \
		not_run=""; $(MAKE) --no-print-directory e2e-tools; \
	fi; \
	[ -z "$$not_run" ] || echo "== $$not_run"; \
	only=$${not_run:+not e2e}; \
	echo "$(BIN)/python -m pytest -q $${only:+-m '$$only'}"; \
	$(BIN)/python -m pytest -q $${only:+-m "$$only"}; \
	if [ -n "$$TEST_DATABASE_URL" ]; then \
		echo "== the same suite on PostgreSQL ($$TEST_DATABASE_URL)"; \
		$(BIN)/python -m pytest -q -p no:cacheprovider --database "$$TEST_DATABASE_URL" $${only:+-m "$$only"}; \
	else \
		echo "== TEST_DATABASE_URL is not set: PostgreSQL run skipped"; \
	fi; \
	[ -z "$$not_run" ] || echo "== $$not_run"

# axe-core for the accessibility tests, at the version $(E2E)/package-lock.json pins.
e2e-tools: $(E2E)/node_modules/.installed

$(E2E)/node_modules/.installed: $(E2E)/package.json $(E2E)/package-lock.json
	cd $(E2E) && npm ci --no-audit --no-fund --loglevel=error
	touch $@

lint: $(VENV)/.installed-test
	$(BIN)/ruff check shop tests bench wsgi.py

translations: $(MO_FILES)

shop/translations/%/LC_MESSAGES/messages.mo: shop/translations/%/LC_MESSAGES/messages.po $(VENV)/.installed
	$(BIN)/pybabel compile -f -d shop/translations -l $* >/dev/null

extract-messages: $(VENV)/.installed
	$(BIN)/pybabel extract --ignore-dirs=".*" -F babel.cfg -k _l -k lazy_gettext -o shop/translations/messages.pot .
	$(BIN)/pybabel update -i shop/translations/messages.pot -d shop/translations --no-fuzzy-matching

# Installs come from the lock files (every package pinned, with its hashes), then the project
# itself without its dependencies, so a fresh machine gets exactly what was tested.
$(VENV)/.installed: requirements/main.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q --require-hashes -r requirements/main.txt
	$(BIN)/pip install -q --no-deps -e .
	touch $@

$(VENV)/.installed-test: requirements/test.txt $(VENV)/.installed
	$(BIN)/pip install -q --require-hashes -r requirements/test.txt
	touch $@

# `make lock` re-resolves the lock files after pyproject.toml changed, keeping the other pins;
# `make lock UPGRADE=1` moves every pin to the newest release. uv resolves for every platform
# and Python >= 3.11 at once; the test lock takes the main lock's pins as constraints.
UV := $(VENV)/lock-tools/bin/uv
LOCK := $(UV) pip compile pyproject.toml --universal --python-version 3.11 --generate-hashes \
	--custom-compile-command "make lock" --quiet $(if $(UPGRADE),--upgrade)

lock: $(UV)
	$(LOCK) -o requirements/main.txt
	$(LOCK) --extra test -c requirements/main.txt -o requirements/test.txt

$(UV):
	$(PYTHON) -m venv $(VENV)/lock-tools
	$(VENV)/lock-tools/bin/pip install -q uv

# Timings never live in the tests: `make bench` prints them (needs PostgreSQL and Debian's wrk).
# The site bench's options pass through, e.g. `make bench BENCH_ARGS="--rounds 5 --seconds 10"`.
bench: $(VENV)/.installed-test $(MO_FILES)
	@command -v wrk >/dev/null || { echo "== installing wrk (Debian package)"; \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -q wrk >/dev/null; }
	$(BIN)/python bench/labels.py
	$(BIN)/python bench/decision_import.py
	$(BIN)/python bench/fair_catalog.py
	$(BIN)/python bench/site.py $(BENCH_ARGS)
	$(BIN)/python bench/ordering.py

clean:
	rm -rf $(VENV) .pytest_cache $(E2E)/node_modules
