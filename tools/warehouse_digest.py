"""A digest of every warehouse table: the same input must give the same digests, whatever the
shard size, the runner or the run."""

from __future__ import annotations

from pathlib import Path

import duckdb

# The run log gains entries on every run by design; every other table must be reproducible.
RUN_LOG_TABLES = {"pipeline_runs", "validation_results", "schema_version"}


def table_digests(warehouse: Path, run_log: bool = False) -> dict[str, tuple]:
    """Row count and an md5 of the sorted rows of every base table (the run that first loaded a
    row left out, and the run log unless ``run_log``)."""
    with duckdb.connect(str(warehouse), read_only=True) as con:
        tables = [t for (t,) in con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE'"
        ).fetchall() if run_log or t not in RUN_LOG_TABLES]
        digests = {}
        for table in tables:
            columns = [c for (c,) in con.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_name = ? AND column_name <> 'first_run_id'",
                [table],
            ).fetchall()]
            row = f"({', '.join(columns)})::VARCHAR"
            digests[table] = con.execute(
                f"SELECT count(*), md5(coalesce(string_agg({row}, '|' ORDER BY {row}), '')) FROM {table}"
            ).fetchall()[0]
        return digests
