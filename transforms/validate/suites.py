"""Running the GX suites (expectations/gx) on data frames, and describing each result in one row.

Each suite checks the frame of the same name (expectations/frames/<suite>.sql); the stored suites
refer to run-time values as ``$PARAMETER`` (``expectation_parameters``).
"""

from __future__ import annotations

import os
import re
from datetime import date, timedelta
from pathlib import Path

import duckdb

from transforms.settings import ValidationSettings


def expectation_parameters(reference: dict, today: date, limits: ValidationSettings) -> dict:
    """Run-time values the stored suites refer to as ``$PARAMETER``."""
    titles = sorted({row["title"] for row in reference.get("titles", []) if row.get("title")}, key=len, reverse=True)
    chrome = sorted(
        {re.escape(row["phrase"]) for row in reference.get("boilerplate", []) if row.get("match") == "exact" and row.get("phrase")},
        key=len, reverse=True,
    )
    return {
        "earliest_day": limits.earliest_day,
        "latest_published_day": (today + timedelta(days=limits.published_future_days)).isoformat(),
        "latest_event_day": (today + timedelta(days=limits.event_future_days)).isoformat(),
        "far_from_published_days": limits.far_from_published_days,
        "title_pattern": "(?i)(?:" + "|".join(re.escape(t) for t in titles) + ")" if titles else ".*",
        # one alternation, one pass over each body: a line that is exactly a chrome phrase
        "chrome_pattern": rf"(?mi)^\s*(?:{'|'.join(chrome)})\s*$" if chrome else r"(?!)",
    }


def read_frames(con: duckdb.DuckDBPyConnection, frames_dir: Path) -> dict:
    """Each frame query (``frames_dir/<suite>.sql``) run on ``con``, as a pandas frame by suite."""
    return {
        path.stem: con.sql(path.read_text(encoding="utf-8")).to_arrow_table().to_pandas()
        for path in sorted(frames_dir.glob("*.sql"))
    }


def _example(row) -> str:
    """A failing row as ``doc_id=… column=value`` (GX gives a dict with the index column)."""
    if isinstance(row, dict):
        return " ".join(f"{key}={value}" for key, value in row.items())
    return str(row)


def _describe(result) -> dict:
    config = result.expectation_config
    column = config.kwargs.get("column") or ",".join(
        config.kwargs.get("column_list") or [config.kwargs.get("column_A", ""), config.kwargs.get("column_B", "")]
    ).strip(",")
    details = result.result or {}
    failing = details.get("unexpected_index_list") or []
    if result.exception_info and not details:
        detail = "could not be evaluated: " + str(result.exception_info)[:300]
    elif "observed_value" in details:
        detail = f"observed {details['observed_value']}"
    else:
        named = [row for row in failing if isinstance(row, dict)]  # a frame without doc_id gives bare indexes
        examples = named[:5] or details.get("partial_unexpected_list") or []
        detail = "examples: " + "; ".join(_example(row) for row in examples[:5])
    return {
        "expectation": config.type,
        "column_name": column or None,
        "severity": str(config.severity.value if hasattr(config.severity, "value") else config.severity),
        "success": bool(result.success),
        "unexpected_count": details.get("unexpected_count"),
        "detail": detail,
        # each failing document with its first failing row, "doc_id=… event_day=2099-01-01"
        "failing_rows": {
            row["doc_id"]: _example(row) for row in reversed(failing) if isinstance(row, dict) and row.get("doc_id")
        },
        "quarantine_rows": bool((config.meta or {}).get("quarantine_rows")),
    }


def run_suites(frames: dict, project_dir: Path, parameters: dict) -> list[dict]:
    """Run each frame's checkpoint; returns one described result per expectation. (No Data Docs
    are built: the checkpoints have no actions.)"""
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
    import great_expectations as gx  # ~4 s to import: only when the stage runs

    context = gx.get_context(mode="file", project_root_dir=project_dir)
    described = []
    for suite, frame in frames.items():
        checkpoint = context.checkpoints.get(suite)
        outcome = checkpoint.run(batch_parameters={"dataframe": frame}, expectation_parameters=parameters)
        for validation in outcome.run_results.values():
            described += [{"suite": suite, **_describe(result)} for result in validation.results]
    return described
