"""The validate stage: run the GX suites (expectations/gx) on the staging views of the lake,
before anything touches the warehouse.

Each suite checks the frame of the same name (expectations/frames/<suite>.sql). A failed
critical expectation stops the load; warnings are recorded, and a warning marked
``quarantine_rows`` sends the failing documents to quarantine.
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
from transforms.settings import Settings

@dataclass
class ValidationOutcome:
    results: list[dict] = field(default_factory=list)
    quarantine: list[dict] = field(default_factory=list)
    rows_checked: int = 0

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
        lines = [f"{self.critical_count} critical expectation(s) failed; the warehouse was not changed:"]
        lines += [
            f"  - {r['suite']}: {r['expectation']}({r['column_name'] or ''}) failed on "
            f"{r['unexpected_count']} row(s); {r['detail']}"
            for r in self.failures
            if r["severity"] == "critical"
        ]
        return "\n".join(lines)

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


def expectation_parameters(reference: dict, today: date) -> dict:
    """Run-time values the stored suites refer to as ``$PARAMETER``."""
    titles = sorted({row["title"] for row in reference.get("titles", []) if row.get("title")}, key=len, reverse=True)
    chrome = sorted(
        {re.escape(row["phrase"]) for row in reference.get("boilerplate", []) if row.get("match") == "exact" and row.get("phrase")},
        key=len, reverse=True,
    )
    return {
        "tomorrow": (today + timedelta(days=1)).isoformat(),
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
        examples = failing[:5] or details.get("partial_unexpected_list") or []
        detail = "examples: " + "; ".join(_example(row) for row in examples[:5])
    return {
        "expectation": config.type,
        "column_name": column or None,
        "severity": str(config.severity.value if hasattr(config.severity, "value") else config.severity),
        "success": bool(result.success),
        "unexpected_count": details.get("unexpected_count"),
        "detail": detail,
        "failing_doc_ids": sorted({row.get("doc_id") for row in failing if isinstance(row, dict) and row.get("doc_id")}),
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
        attach_lake(con, lake, settings.sql_dir)
        frames = _frames(con, settings.expectations_dir / "frames")
        source_paths = dict(con.execute("SELECT doc_id, source_path FROM stg_documents").fetchall())
    parameters = expectation_parameters(load_reference(settings.reference_dir), today or date.today())
    described = run_suites(frames, settings.expectations_dir, parameters)
    outcome = ValidationOutcome(rows_checked=sum(len(f) for f in frames.values()))
    quarantined: dict[str, dict] = {}
    for result in described:
        failing_doc_ids = result.pop("failing_doc_ids")
        if result.pop("quarantine_rows") and not result["success"]:
            for doc_id in failing_doc_ids:
                quarantined.setdefault(doc_id, {
                    "doc_id": doc_id,
                    "source_path": source_paths.get(doc_id),
                    "stage": "validate",
                    "reason": result["expectation"],
                    "detail": f"{result['suite']}.{result['column_name']}: {result['detail']}",
                })
        outcome.results.append({"run_id": run_id, **result})
    outcome.quarantine = list(quarantined.values())
    return outcome
