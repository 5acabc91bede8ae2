"""The validate stage: run the GX suites (expectations/gx) on the staging views of the lake,
before anything touches the warehouse.

Each suite checks the frame of the same name (expectations/frames/<suite>.sql). An expectation
marked ``quarantine_rows`` judges rows: the documents of its failing rows go to quarantine
(stage ``validate``, the expectation as reason) and the rest loads. The run stops before the
load only for what breaks a table as a whole: a failed critical expectation without that mark
(keys, uniqueness, the document accounting), one that could not be evaluated or name its
documents, or critical row failures in more of a table's documents than
``ValidationSettings`` allows (see transforms/settings.py).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

import duckdb

from transforms.load import LakeView, attach_lake
from transforms.reference import load_reference
from transforms.settings import Settings, ValidationSettings

@dataclass
class ValidationOutcome:
    results: list[dict] = field(default_factory=list)
    quarantine: list[dict] = field(default_factory=list)
    rows_checked: int = 0
    # why the run must stop: table-level breakage, one line each
    blocking: list[str] = field(default_factory=list)

    @property
    def failures(self) -> list[dict]:
        return [r for r in self.results if not r["success"]]

    @property
    def failed_count(self) -> int:
        return len(self.failures)

    @property
    def critical_count(self) -> int:
        return sum(1 for r in self.failures if r["severity"] == "critical")

    def message(self) -> str:
        lines = [f"{len(self.blocking)} table-level validation failure(s); the warehouse was not changed:"]
        return "\n".join(lines + [f"  - {line}" for line in self.blocking])

    def markdown(self) -> str:
        rows = "\n".join(
            f"| {r['suite']} | {r['expectation']} | {r['column_name'] or ''} | {r['severity']} | "
            f"{'✅' if r['success'] else '❌'} | {r['unexpected_count'] or 0} |"
            for r in self.results
        )
        return (
            f"# Validation: {len(self.results) - self.failed_count}/{len(self.results)} expectations met, "
            f"{self.critical_count} critical failure(s), {len(self.quarantine)} document(s) quarantined\n\n"
            "| suite | expectation | column | severity | ok | unexpected |\n|---|---|---|---|---|---|\n"
            f"{rows}\n\nEvery expectation, with its failing values: `vnnews report` (validation section).\n"
        )


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


def _frames(con: duckdb.DuckDBPyConnection, frames_dir: Path) -> dict:
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


def validate_lake(lake: LakeView, settings: Settings, run_id: str, today: date | None = None) -> ValidationOutcome:
    with duckdb.connect() as con:
        attach_lake(con, lake, settings.sql_dir, hide_stage="validate")
        frames = _frames(con, settings.expectations_dir / "frames")
        source_paths = dict(con.execute("SELECT doc_id, source_path FROM stg_documents").fetchall())
    limits = settings.validation
    parameters = expectation_parameters(load_reference(settings.reference_dir), today or date.today(), limits)
    described = run_suites(frames, settings.expectations_dir, parameters)
    outcome = ValidationOutcome(rows_checked=sum(len(f) for f in frames.values()))
    row_failures = []
    for result in described:
        failing_rows = result.pop("failing_rows")
        per_row = result.pop("quarantine_rows")
        outcome.results.append({"run_id": run_id, **result})
        if result["success"]:
            continue
        if per_row and failing_rows:
            row_failures.append((result, failing_rows))
        elif result["severity"] == "critical":
            outcome.blocking.append(
                f"{result['suite']}: {result['expectation']}({result['column_name'] or ''}) failed on "
                f"{result['unexpected_count']} row(s); {result['detail']}"
            )
    quarantined: dict[str, dict] = {}
    failing_per_suite: dict[str, set[str]] = {}
    # critical reasons first: a document failing a critical and a warning row check is
    # quarantined for the critical one
    for result, failing_rows in sorted(row_failures, key=lambda failure: failure[0]["severity"] != "critical"):
        for doc_id, example in failing_rows.items():
            quarantined.setdefault(doc_id, {
                "doc_id": doc_id,
                "source_path": source_paths.get(doc_id),
                "stage": "validate",
                "reason": result["expectation"],
                "detail": f"{result['suite']}.{result['column_name']}: {example}",
            })
        if result["severity"] == "critical":
            failing_per_suite.setdefault(result["suite"], set()).update(failing_rows)
    outcome.blocking += _too_many_failing(failing_per_suite, frames, limits)
    outcome.quarantine = sorted(quarantined.values(), key=lambda row: row["doc_id"])
    return outcome


def _too_many_failing(failing_per_suite: dict[str, set[str]], frames: dict, limits: ValidationSettings) -> list[str]:
    """One line per table where critical row failures are too many to be a few bad documents."""
    lines = []
    for suite, failing in sorted(failing_per_suite.items()):
        documents = frames[suite]["doc_id"].nunique()
        if len(failing) > max(limits.failing_allowance, limits.max_failing_share * documents):
            lines.append(
                f"{suite}: {len(failing)} of {documents} document(s) fail critical row expectations, more than "
                f"{limits.max_failing_share:.0%} (and {limits.failing_allowance}) allowed: a broken stage, not bad documents"
            )
    return lines
