"""Running the flow into a temporary lake and warehouse, and reading what it built."""

from __future__ import annotations

from pathlib import Path

import duckdb

from flows.pipeline import news_pipeline
from tools.warehouse_digest import table_digests


def run(inputs: Path, tmp_path: Path, flow=news_pipeline, **options) -> list[dict]:
    return flow(inputs=[str(inputs)], lake_dir=str(tmp_path / "lake"), warehouse=str(tmp_path / "news.duckdb"), **options)


def query(warehouse: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return con.execute(sql).fetchall()


def contents(warehouse: Path, run_log: bool = False) -> dict[str, tuple]:
    """Row count and a digest of every data table (run ids left out, and the run log unless
    ``run_log``)."""
    return table_digests(warehouse, run_log)
