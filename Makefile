# feedline developer tasks (GNU make). Needs only python3 (>= 3.11) with pip and access to PyPI.
#
#   make test    set up .venv, run the test suite (skipped tests are listed with their reason; with the
#                dask extra: a 2-worker LocalCluster test)
#   make test-spark  the PySpark adapter in local mode (installs pyspark; java via apt-get when missing)
#   make bench-distributed  corpus WARC: dask vs extract rows; pool pages/s at 1 and 2 workers; WARC memory
#   make test-browser  the HTML tests in headless Chromium (installs the Debian package when missing)
#   make screenshot    docs/timeline.png: the seed's HTML timeline in headless Chromium
#   make run     extract the seed page and show it as a table
#   make eval    score the extractor on ../shared/corpus (skipped when absent)
#   make eval-warc  the corpus as a WARC (capture instant in UTC, no --tz): dated gold entries dated right
#   make bench   speed ratios against dateparser / datefinder, then the store's ingest speed and size
#   make bench-hostile  adversarial pages (deep nesting, JSON-LD arrays, newlines, many entries): growth and memory
#   make survey  run feedline over ../shared/pool without gold: exceptions, slow pages, contradictions
#   make eval-pool  score on pool pages labelled apart from the code (benchmarks/poolgold/; Chromium text twins)
#   make selfcheck  without gold: pool dates re-read from bare clocks; text-mode items against the DOM's
#   make fuzz    fuzz extract, the HTML and WARC readers and ingest (docs/fuzzing.md; FUZZ_ARGS, FUZZ_STATE)
#   make clean   remove build and cache files (make distclean also removes .venv)

SHELL := bash
PYTHON ?= python3
VENV = .venv
STAMP = $(VENV)/.installed
SEED = samples/kyiv-independent-2023-10-03.txt
SCORE = ../shared/corpus/score.py

# Extra arguments, e.g. `make test PYTEST_ARGS='-k cli -x'`, `make bench BENCH_ARGS='--json out.json'`,
# `make bench BENCH_STORE_ARGS='--snapshots 2000 --period-days 0'` (benchmarks/bench_store.py --help).
PYTEST_ARGS ?=
EVAL_ARGS ?=
EVAL_WARC_ARGS ?=
EVAL_POOL_ARGS ?=
BENCH_ARGS ?= --batch
BENCH_STORE_ARGS ?=
HOSTILE_ARGS ?=
SURVEY_ARGS ?=
# `make fuzz FUZZ_ARGS='--engine atheris --seconds 600'`; state in $(FUZZ_STATE) (resumed).
FUZZ_ARGS ?= --engine random --runs 1000000
FUZZ_STATE ?= $(HOME)/.cache/feedline-fuzz

.DEFAULT_GOAL := help
.PHONY: help venv run test test-spark bench-distributed test-browser screenshot eval eval-warc eval-pool bench bench-hostile survey selfcheck fuzz clean distclean

help:
	@sed -n '3,17s/^#//p' Makefile

# The virtualenv, (re)installed whenever pyproject.toml changes.
$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "feedline needs Python >= 3.11; $(PYTHON) is " + sys.version.split()[0])'
	test -x $(VENV)/bin/python || $(PYTHON) -m venv $(VENV)
	$(VENV)/bin/python -m pip install --quiet --disable-pip-version-check -e '.[test,bench,dask]'
	touch $@

venv: $(STAMP)

run: $(STAMP)
	$(VENV)/bin/feedline extract $(SEED) --format table

# pytest exits 5 when it collected no tests: that is a failure here, and said so.
test: $(STAMP)
	@status=0; $(VENV)/bin/python -m pytest -rs $(PYTEST_ARGS) || status=$$?; \
	if [ $$status -eq 5 ]; then echo "make test: pytest collected no tests (exit 5): failing" >&2; fi; \
	exit $$status

# The Spark adapter's tests: pyspark into .venv, a Java runtime from Debian when none is on PATH.
test-spark: $(STAMP)
	$(VENV)/bin/python -m pip install --quiet --disable-pip-version-check -e '.[spark]'
	command -v java >/dev/null || { apt-get update -qq && apt-get install -y -qq openjdk-17-jre-headless; }
	FEEDLINE_SPARK=1 $(VENV)/bin/python -m pytest tests/test_spark.py $(PYTEST_ARGS)

# docs/distributed.md, docs/performance.md "Scaling out" (benchmarks/bench_distributed.py --help).
BENCH_DIST_ARGS ?=
bench-distributed: $(STAMP)
	$(VENV)/bin/python benchmarks/bench_distributed.py $(BENCH_DIST_ARGS)
# Chromium from Debian (root: apt-get; otherwise say how), then the HTML tests in it.
test-browser: $(STAMP)
	@command -v chromium >/dev/null || command -v chromium-browser >/dev/null || \
	  { if [ "$$(id -u)" = 0 ]; then apt-get install -y chromium; \
	    else echo "make test-browser: no chromium; install it (sudo apt-get install -y chromium)" >&2; exit 1; fi; }
	$(VENV)/bin/python -m pytest -rs tests/test_html.py $(PYTEST_ARGS)

screenshot: $(STAMP)
	@command -v chromium >/dev/null || { echo "make screenshot: no chromium (make test-browser installs it)" >&2; exit 1; }
	$(VENV)/bin/feedline extract $(SEED) --format html -o .timeline.html
	tmp=$$(mktemp -d); chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir=$$tmp \
	  --window-size=900,1500 --screenshot=docs/timeline.png "file://$(CURDIR)/.timeline.html" 2>/dev/null; \
	  status=$$?; rm -rf $$tmp .timeline.html; exit $$status

eval:
	@if [ ! -f $(SCORE) ]; then echo "make eval: $(SCORE) not found (no ../shared here): skipped"; exit 0; fi; \
	$(MAKE) --no-print-directory $(STAMP) && \
	python3 $(SCORE) --cmd "$(CURDIR)/$(VENV)/bin/feedline" --mode both $(EVAL_ARGS)

eval-warc: $(STAMP)
	$(VENV)/bin/python benchmarks/warc_dates.py $(EVAL_WARC_ARGS)

# Bytecode first: an installed package has it, and PYTHONDONTWRITEBYTECODE (set on some
# machines) would otherwise make every run of the editable install recompile feedline.
# bench_store.py's default (10,000 snapshots, then the 2-day growth table) takes about two
# minutes on a 2-core machine; its table names the number of snapshots it ran.
bench: $(STAMP)
	$(VENV)/bin/python -m compileall -q feedline
	$(VENV)/bin/python benchmarks/bench.py $(BENCH_ARGS)
	$(VENV)/bin/python benchmarks/bench_store.py $(BENCH_STORE_ARGS)

# Each case at 1x and 16x its base size, in a fresh process: the growth ratio and the peak
# RSS (benchmarks/hostile.py --help). The 16x entries case alone takes minutes: e.g.
# HOSTILE_ARGS='--only nested-divs --only newlines'.
bench-hostile: $(STAMP)
	$(VENV)/bin/python -m compileall -q feedline
	$(VENV)/bin/python benchmarks/hostile.py $(HOSTILE_ARGS)

# The survey (benchmarks/survey.py --help; docs/survey.md): e.g. SURVEY_ARGS='--corpus --json survey.json'.
survey:
	@if [ ! -d ../shared/pool/pages ]; then echo "make survey: ../shared/pool/pages not found (no ../shared here): skipped"; exit 0; fi; \
	$(MAKE) --no-print-directory $(STAMP) && \
	$(VENV)/bin/python benchmarks/survey.py $(SURVEY_ARGS)

# Chromium (Debian, as root) and websocket-client make the text twins; without them, HTML forms only.
eval-pool:
	@if [ ! -f $(SCORE) ] || [ ! -d ../shared/pool/pages ]; then echo "make eval-pool: ../shared not found: skipped"; exit 0; fi; \
	$(MAKE) --no-print-directory $(STAMP) && \
	{ command -v chromium >/dev/null || [ "$$(id -u)" != 0 ] || apt-get install -y -qq chromium >/dev/null; } && \
	$(VENV)/bin/python -m pip install --quiet --disable-pip-version-check -e '.[browser]' && \
	$(VENV)/bin/python benchmarks/eval_pool.py $(EVAL_POOL_ARGS)

selfcheck:
	@if [ ! -d ../shared/pool/pages ]; then echo "make selfcheck: ../shared/pool/pages not found (no ../shared here): skipped"; exit 0; fi; \
	$(MAKE) --no-print-directory $(STAMP) && \
	$(VENV)/bin/python benchmarks/selfcheck_dates.py $(SELFCHECK_ARGS) && \
	$(VENV)/bin/python benchmarks/selfcheck_dates.py --truth markup $(SELFCHECK_ARGS) && \
	$(VENV)/bin/python benchmarks/selfcheck_items.py

# atheris (the `fuzz` extra) is installed only for its engine: the random engine needs nothing more.
fuzz: $(STAMP)
	@if [[ "$(FUZZ_ARGS)" == *atheris* ]]; then $(VENV)/bin/python -m pip install --quiet --disable-pip-version-check -e '.[fuzz]'; fi
	FUZZ_STATE="$(FUZZ_STATE)" $(VENV)/bin/python -m fuzzing run $(FUZZ_ARGS)

clean:
	rm -rf build dist .pytest_cache .hypothesis .bench *.egg-info
	find . -path ./$(VENV) -prune -o -name __pycache__ -type d -prune -exec rm -rf {} +

distclean: clean
	rm -rf $(VENV)
