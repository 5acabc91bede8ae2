"""Warehouse access in one place: the DuckDB connections, the schema's migrations, running SQL
scripts, the staging views over a run's lake, and the reads of warehouse state that stages need
(the known content hashes, the persisted dedup signatures).

Stages and flows call this module; it calls no stage.
"""

from __future__ import annotations

import glob
import os
import re
import time
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

import duckdb
import pyarrow as pa

from transforms import schemas
from transforms.settings import STAGES


# Datasets the staging views read that a run may not have produced yet (validate reads the
# staging views before it has written its own outputs).
_OPTIONAL_DATASETS = {
    ("extract", "quarantine"): schemas.QUARANTINE,  # lakes written before extract could quarantine
    ("validate", "quarantine"): schemas.QUARANTINE,
    ("validate", "validation_results"): schemas.VALIDATION_RESULTS,
}
_MIGRATION_NAME = re.compile(r"^(\d+)_[\w-]+\.sql$")


class LakeView(Protocol):
    def stage_dir(self, stage: str) -> Path: ...
    def glob(self, stage: str, dataset: str) -> str: ...


def _sql_literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def run_script(con: duckdb.DuckDBPyConnection, path: Path) -> None:
    """Run each statement of the SQL script at ``path`` (``--`` comment lines ignored)."""
    for statement in _split_statements(path.read_text(encoding="utf-8")):
        con.execute(statement)


def _split_statements(script: str) -> list[str]:
    without_comments = "\n".join(line for line in script.splitlines() if not line.lstrip().startswith("--"))
    return [statement.strip() for statement in without_comments.split(";") if statement.strip()]


def attach_lake(con: duckdb.DuckDBPyConnection, lake: LakeView, sql_dir: Path, hide_stage: str | None = None) -> None:
    """Create ``raw_<stage>_<dataset>`` views over the lake and the ``stg_*`` views over them.
    ``hide_stage``'s outputs are read as empty: the validate stage must not see an earlier
    run's validate quarantine, which would hide those documents from its checks."""
    for stage in STAGES[:-1]:  # the load's output is the warehouse
        stage_dir = lake.stage_dir(stage)
        visible = stage != hide_stage and stage_dir.is_dir()
        datasets = sorted(p.name for p in stage_dir.iterdir() if p.is_dir()) if visible else []
        for dataset in datasets:
            con.execute(
                f"CREATE OR REPLACE TEMP VIEW raw_{stage}_{dataset} AS "
                f"SELECT * FROM read_parquet({_sql_literal(lake.glob(stage, dataset))}, union_by_name = true)"
            )
    for (stage, dataset), schema in _OPTIONAL_DATASETS.items():
        if stage == hide_stage or not (lake.stage_dir(stage) / dataset).is_dir():
            con.register(f"_empty_{stage}_{dataset}", schema.empty_table())
            con.execute(f"CREATE OR REPLACE TEMP VIEW raw_{stage}_{dataset} AS SELECT * FROM _empty_{stage}_{dataset}")
    for script in sorted((sql_dir / "staging").glob("*.sql")):
        run_script(con, script)


def migrate(con: duckdb.DuckDBPyConnection, sql_dir: Path) -> int:
    """Apply ``warehouse/migrations/NNN_*.sql`` newer than the warehouse's schema version, in
    order; returns the version reached. Runs inside the caller's transaction."""
    con.execute(
        "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name VARCHAR, applied_at TIMESTAMPTZ)"
    )
    current = con.execute("SELECT coalesce(max(version), 0) FROM schema_version").fetchall()[0][0]
    for path in sorted((sql_dir / "migrations").glob("*.sql")):
        match = _MIGRATION_NAME.match(path.name)
        if not match or int(match.group(1)) <= current:
            continue
        run_script(con, path)
        current = int(match.group(1))
        con.execute("INSERT INTO schema_version VALUES (?, ?, now())", [current, path.name])
    return current


class WarehouseInUse(RuntimeError):
    """Other processes kept the warehouse open for longer than the load would wait for them."""


_LOCK_CONFLICT = "Could not set lock on file"
_PID_IN_LOCK_ERROR = re.compile(r"\(PID (\d+)\)")


def warehouse_holders(warehouse_path: Path, lock_error: str = "") -> list[int]:
    """Other processes that have the warehouse file open: from /proc (Linux, own user's
    processes), else the one DuckDB names in its lock error."""
    target = os.path.realpath(warehouse_path)
    holders = set()
    for descriptor in glob.glob("/proc/[0-9]*/fd/*"):
        try:
            if os.readlink(descriptor) == target:
                holders.add(int(descriptor.split("/")[2]))
        except OSError:
            continue  # closed meanwhile, or another user's process
    holders.discard(os.getpid())
    return sorted(holders) or [int(pid) for pid in _PID_IN_LOCK_ERROR.findall(lock_error)]


def _readers(pids: list[int]) -> str:
    if not pids:
        return "a reader"
    return f"{len(pids)} reader{'s' if len(pids) > 1 else ''} (pid {', '.join(map(str, pids))})"


def connect_for_writing(warehouse_path: Path, wait_readers: float, on_wait: Callable[[str], None]) -> duckdb.DuckDBPyConnection:
    """Open the warehouse for the load, waiting up to ``wait_readers`` seconds for processes
    that hold it open (an analyst's session): DuckDB lets no writer in beside them."""
    deadline = time.monotonic() + wait_readers
    waiting_for = None
    while True:
        try:
            return duckdb.connect(str(warehouse_path))
        except duckdb.IOException as error:
            if _LOCK_CONFLICT not in str(error):
                raise
            readers = _readers(warehouse_holders(warehouse_path, str(error)))
        if time.monotonic() >= deadline:
            raise WarehouseInUse(
                f"{readers} kept {warehouse_path} open for {wait_readers:g} s, so nothing was loaded; the stage "
                "outputs are kept: close it (or pass --wait-readers SECONDS) and `vnnews run --from load` finishes this run"
            )
        if readers != waiting_for:
            on_wait(f"load     waiting for {readers} to close {warehouse_path} (up to {wait_readers:g} s; "
                    "--wait-readers SECONDS)")
            waiting_for = readers
        time.sleep(min(0.5, max(0.0, deadline - time.monotonic())))


def _read_warehouse_table(warehouse_path: Path, table: str, query: str) -> pa.Table | None:
    """``query`` on the warehouse read-only, or None when it has no ``table`` yet."""
    if not Path(warehouse_path).exists():
        return None
    with duckdb.connect(str(warehouse_path), read_only=True) as con:
        found = con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = ?", [table]).fetchall()[0][0]
        return con.sql(query).to_arrow_table() if found else None


def read_known_hashes(warehouse_path: Path) -> set[str]:
    """Content hashes of every document the warehouse already holds (landing-folder runs skip them)."""
    hashes = _read_warehouse_table(warehouse_path, "documents", "SELECT DISTINCT sha256 FROM documents WHERE sha256 IS NOT NULL")
    return set(hashes.column("sha256").to_pylist()) if hashes is not None else set()


def read_known_signatures(warehouse_path: Path) -> pa.Table | None:
    """Dedup signatures of every document already in the warehouse (None for a new warehouse)."""
    known = _read_warehouse_table(warehouse_path, "dedup_signatures", "SELECT * FROM dedup_signatures ORDER BY doc_id")
    return known.cast(schemas.SIGNATURES) if known is not None else None
