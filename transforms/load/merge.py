"""The load stage: migrate the warehouse schema, then merge one run's lake datasets into it in
a single DuckDB transaction (all or nothing).

The same staging views (``warehouse/staging/*.sql`` over the lake's Parquet) serve the validate
stage, which checks them in an in-memory database before anything touches the warehouse.
"""

from __future__ import annotations

import time
import traceback
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path

import duckdb
import pyarrow as pa

from transforms.reference import load_reference
from transforms.settings import Settings
from transforms.warehouse import LakeView, attach_lake, connect_for_writing, migrate, run_script


def _load_reference_tables(con: duckdb.DuckDBPyConnection, reference_dir: Path) -> list[str]:
    """One ref_<name> table per CSV of the reference folder; returns the names."""
    reference = load_reference(reference_dir)
    for name, rows in reference.items():
        con.register("_reference_rows", pa.Table.from_pylist(rows))
        con.execute(f"CREATE OR REPLACE TABLE ref_{name} AS SELECT * FROM _reference_rows")
        con.unregister("_reference_rows")
    return list(reference)


def _comment_everything(con: duckdb.DuckDBPyConnection, comments_dir: Path, reference_names: list[str]) -> None:
    """COMMENT ON every table, view and column, after the views (a load recreates them); a
    reference table's comments only when the reference folder has its CSV."""
    for script in sorted(comments_dir.glob("*.sql")):
        run_script(con, script)
    for name in reference_names:
        if (script := comments_dir / "reference" / f"{name}.sql").exists():
            run_script(con, script)


def _record_runs(con: duckdb.DuckDBPyConnection, run_id: str, reports: list[dict]) -> None:
    con.executemany(
        "INSERT OR REPLACE INTO pipeline_runs VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            [run_id, r["stage"], r["rows_in"], r["rows_out"], r["seconds"], r["status"], r["finished_at"]]
            for r in reports
        ],
    )


def load_run(lake: LakeView, settings: Settings, run_id: str, stage_reports: list[dict], started: float,
             wait_readers: float = 0, on_wait: Callable[[str], None] = lambda message: None) -> dict:
    """Merge the lake into the warehouse in one transaction; returns this run's document counts."""
    settings.warehouse_path.parent.mkdir(parents=True, exist_ok=True)
    con = connect_for_writing(settings.warehouse_path, wait_readers, on_wait)
    try:
        return _merge(con, lake, settings, run_id, stage_reports, started)
    except BaseException as error:
        # The traceback's frames hold the connection, and whoever keeps the error (Prefect's
        # task states do) would keep it alive to interpreter exit, where nanobind reports it.
        traceback.clear_frames(error.__traceback__)
        raise
    finally:
        con.close()
        del con


def _merge(con: duckdb.DuckDBPyConnection, lake: LakeView, settings: Settings, run_id: str,
           stage_reports: list[dict], started: float) -> dict:
    con.execute("BEGIN TRANSACTION")
    try:
        migrate(con, settings.sql_dir)
        attach_lake(con, lake, settings.sql_dir)
        con.execute("SET VARIABLE run_id = ?", [run_id])
        run_script(con, settings.sql_dir / "load.sql")
        reference_names = _load_reference_tables(con, settings.reference_dir)
        for script in sorted((settings.sql_dir / "views").glob("*.sql")):
            run_script(con, script)
        _comment_everything(con, settings.sql_dir / "comments", reference_names)
        fates = dict(con.execute("SELECT fate, count(*) FROM stg_documents GROUP BY fate").fetchall())
        quarantined_rows = con.sql(
            "SELECT source_path, stage, reason, detail FROM stg_quarantine ORDER BY source_path LIMIT 1000"
        ).to_arrow_table().to_pylist()
        counts = {
            "documents": sum(fates.values()),
            "articles": fates.get("article", 0),
            "duplicates": fates.get("duplicate", 0),
            "quarantined": fates.get("quarantined", 0),
        }
        load_report = {
            "stage": "load",
            "rows_in": counts["documents"],
            "rows_out": counts["documents"],
            "seconds": round(time.perf_counter() - started, 3),
            "status": "completed",
            "finished_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        }
        _record_runs(con, run_id, [*stage_reports, load_report])
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return {**counts, "quarantined_rows": quarantined_rows}
