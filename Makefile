# Every target creates .venv/ first when it is missing or older than pyproject.toml.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install demo test lint format bench bench-quality bench-served bench-batch bench-speed fuzz regen-fixtures clean

install: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/scraper extract fixtures/seed-wordpress-news/source.html \
		--url https://example.org/2022/01/07/russian-military-arrives-in-kazakhstan/

test: $(STAMP)
	$(BIN)/pytest -q

lint: $(STAMP)
	$(BIN)/ruff check scraper tests bench scripts
	$(BIN)/ruff format --check scraper tests bench scripts
	$(BIN)/mypy

format: $(STAMP)
	$(BIN)/ruff format scraper tests bench scripts
	$(BIN)/ruff check --fix scraper tests bench scripts

# Benchmarks read ../shared/bench (override with SCRAPER_BENCH_DIR); they are not tests.
bench: bench-quality

bench-quality: $(STAMP)
	$(BIN)/python bench/quality.py

bench-served: $(STAMP)
	$(BIN)/python bench/served.py

bench-batch: $(STAMP)
	$(BIN)/python bench/bench_batch.py

bench-speed: $(STAMP)
	$(BIN)/python bench/bench_speed.py

fuzz: $(STAMP)
	$(BIN)/python scripts/fuzz.py

regen-fixtures: $(STAMP)
	$(BIN)/python scripts/regen_fixtures.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache bench/out fuzz-out
