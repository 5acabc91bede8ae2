# Quick start: `make run` (set-up + the pipeline on the bundled seeds), `make test`.
PYTHON ?= python3
UV_VERSION := 0.13.8
VENV := .venv
UV := .tools/bin/uv
export UV_PYTHON_DOWNLOADS := never

.PHONY: setup run test eval bench clean-data

setup: $(VENV)/.synced

.tools/bin/uv:
	$(PYTHON) -m venv .tools
	.tools/bin/pip install --quiet uv==$(UV_VERSION)

# Installs exactly what uv.lock pins (prefect 3.8.8 with fastapi<0.151, GX 1.24.1, duckdb 2.0.0 …).
$(VENV)/.synced: pyproject.toml uv.lock | .tools/bin/uv
	$(UV) sync --frozen --quiet --python $(PYTHON)
	touch $@

run: setup
	$(VENV)/bin/vnnews run

test: setup
	$(VENV)/bin/pytest

eval: setup
	$(VENV)/bin/vnnews eval seeds/raw/*.txt --gold tests/gold/seeds.jsonl

# The benchmarks also run the baselines (underthesea), which `make test` does not need.
bench: setup
	$(UV) sync --frozen --quiet --python $(PYTHON) --group bench
	$(VENV)/bin/python bench/bench_clean.py
	$(VENV)/bin/python bench/bench_dedup.py --docs 20000
	$(VENV)/bin/python bench/bench_extract.py

clean-data:
	rm -rf data warehouse/news.duckdb warehouse/news.duckdb.wal .prefect
