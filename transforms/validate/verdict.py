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

from datetime import date

import duckdb

from transforms.reference import load_reference
from transforms.settings import Settings, ValidationSettings
from transforms.validate.outcome import ValidationOutcome
from transforms.validate.suites import expectation_parameters, read_frames, run_suites
from transforms.warehouse import LakeView, attach_lake


def validate_lake(lake: LakeView, settings: Settings, run_id: str, today: date | None = None) -> ValidationOutcome:
    with duckdb.connect() as con:
        attach_lake(con, lake, settings.sql_dir, hide_stage="validate")
        frames = read_frames(con, settings.expectations_dir / "frames")
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
