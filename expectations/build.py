"""Writes the GX Core file project in expectations/gx: one suite per dataset, its validation
definition and its checkpoint.

No GX Data Docs site is built: it rendered failing values (article text) unescaped and fetched
its styles and scripts from CDNs. `vnnews report` shows every expectation instead.

The suites are defined here once and stored by GX as JSON (gx/expectations/*.json); rerun
`python expectations/build.py` after changing them. Each suite checks the frame of the same
name (expectations/frames/<suite>.sql, a query over the staging views).

Severity: `critical` breaks the run's data, `warning` is recorded. An expectation whose meta
has `quarantine_rows` judges rows one by one: its failing rows' documents (GX's unexpected
index, the frame's `doc_id`) go to quarantine and the rest loads; a critical one fails the run
only when too many of a table's documents fail (ValidationSettings in transforms/settings.py).
A critical expectation without it judges a table as a whole (keys, uniqueness, referential
integrity, the document accounting, a column GX cannot evaluate): its failure stops the load.
Run-time bounds are `$PARAMETER`s (transforms/validate/suites.py: expectation_parameters).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")

import great_expectations as gx  # noqa: E402
import great_expectations.expectations as E  # noqa: E402

from transforms.extract.declare import Expect  # noqa: E402
from transforms.extract.registry import extractor_suites  # noqa: E402
from transforms.patterns import EVENT_DATE_VALUE  # noqa: E402

PROJECT = Path(__file__).resolve().parent
CRITICAL, WARNING = "critical", "warning"
QUARANTINE_ROWS = {"quarantine_rows": True}
TIME_OF_DAY = ["sáng", "trưa", "chiều", "tối", "đêm"]


def _key_expectations(columns: list[str]) -> list:
    expectations = [E.ExpectColumnValuesToNotBeNull(column=c, severity=CRITICAL) for c in columns]
    if len(columns) == 1:
        expectations.append(E.ExpectColumnValuesToBeUnique(column=columns[0], severity=CRITICAL))
    else:
        expectations.append(E.ExpectCompoundColumnsToBeUnique(column_list=columns, severity=CRITICAL))
    return expectations


def _day_in_range(column: str, latest: str) -> E.Expectation:
    return E.ExpectColumnValuesToBeBetween(
        column=column, min_value={"$PARAMETER": "earliest_day"}, max_value={"$PARAMETER": latest},
        severity=CRITICAL, meta=QUARANTINE_ROWS,
    )


def _gx(expectation: Expect) -> E.Expectation:
    """A registry declaration (transforms/extract/declare.py) as the GX expectation it names."""
    meta = {"meta": QUARANTINE_ROWS} if expectation.quarantine_rows else {}
    return getattr(E, expectation.kind)(**expectation.kwargs, severity=expectation.severity, **meta)


SUITES: dict[str, list] = {
    "documents": [
        *_key_expectations(["doc_id"]),
        E.ExpectColumnValuesToNotBeNull(column="source_path", severity=CRITICAL),
        E.ExpectColumnValuesToBeInSet(column="fate", value_set=["article", "duplicate", "quarantined"], severity=CRITICAL),
    ],
    "document_accounting": [
        E.ExpectColumnPairValuesToBeEqual(column_A="documents", column_B="accounted_for", severity=CRITICAL),
    ],
    "articles": [
        *_key_expectations(["doc_id"]),
        E.ExpectColumnValuesToNotBeNull(column="body", severity=CRITICAL, meta=QUARANTINE_ROWS),
        E.ExpectColumnValueLengthsToBeBetween(
            column="body", min_value=120, max_value=200_000, severity=WARNING, meta=QUARANTINE_ROWS
        ),
        E.ExpectColumnValuesToMatchRegex(
            column="event_date", regex=EVENT_DATE_VALUE.pattern,
            severity=CRITICAL, meta=QUARANTINE_ROWS,
        ),
        _day_in_range("event_day", "latest_event_day"),
        _day_in_range("published_day", "latest_published_day"),
        E.ExpectColumnValuesToBeBetween(
            column="days_from_published", max_value={"$PARAMETER": "far_from_published_days"}, severity=WARNING
        ),
        E.ExpectColumnValuesToBeInSet(
            column="time_of_day", value_set=TIME_OF_DAY, severity=CRITICAL, meta=QUARANTINE_ROWS
        ),
        E.ExpectColumnValuesToNotMatchRegex(column="body", regex={"$PARAMETER": "chrome_pattern"}, severity=WARNING),
        E.ExpectColumnMeanToBeBetween(column="has_person", min_value=0.5, severity=WARNING),
    ],
    # the extractors' suites, from the extractor registry
    **{suite: [_gx(e) for e in expectations] for suite, expectations in extractor_suites().items()},
    "duplicates": [
        *_key_expectations(["doc_id"]),
        E.ExpectColumnValuesToNotBeNull(column="canonical_id", severity=CRITICAL, meta=QUARANTINE_ROWS),
        E.ExpectColumnValuesToBeInSet(
            column="method", value_set=["exact", "near", "contained"], severity=CRITICAL, meta=QUARANTINE_ROWS
        ),
        E.ExpectColumnValuesToBeBetween(
            column="similarity", min_value=0, max_value=1, severity=CRITICAL, meta=QUARANTINE_ROWS
        ),
        E.ExpectColumnValuesToBeInSet(
            column="points_to_itself", value_set=[False], severity=CRITICAL, meta=QUARANTINE_ROWS
        ),
    ],
    "quarantine": [
        *_key_expectations(["doc_id"]),
        E.ExpectColumnValuesToNotBeNull(column="reason", severity=CRITICAL),
        E.ExpectColumnValuesToBeInSet(
            column="stage", value_set=["ingest", "clean", "dedup", "extract", "validate"], severity=CRITICAL
        ),
    ],
}

RESULT_FORMAT = {
    "result_format": "COMPLETE",
    "unexpected_index_column_names": ["doc_id"],
    "partial_unexpected_count": 5,
}
# Frames of whole-run figures, without a doc_id to name failing rows by (asking GX for one
# turns a failure into "could not be evaluated", hiding the observed values).
WITHOUT_DOC_ID = {"document_accounting"}


def build(project: Path = PROJECT) -> None:
    shutil.rmtree(project / "gx", ignore_errors=True)
    context = gx.get_context(mode="file", project_root_dir=project)
    context.variables.progress_bars = {"globally": False}
    context.variables.analytics_enabled = False
    context.variables.data_docs_sites = {}
    context.variables.save()
    shutil.rmtree(project / "gx" / "plugins" / "custom_data_docs")
    source = context.data_sources.add_pandas("staging")
    for name, expectations in SUITES.items():
        missing = sorted(set(SUITES) - {p.stem for p in (project / "frames").glob("*.sql")})
        if missing:
            raise SystemExit(f"frames missing for suites: {missing}")
        batch = source.add_dataframe_asset(name).add_batch_definition_whole_dataframe("run")
        suite = context.suites.add(gx.ExpectationSuite(name=name, expectations=expectations))
        definition = context.validation_definitions.add(gx.ValidationDefinition(name=name, data=batch, suite=suite))
        context.checkpoints.add(
            gx.Checkpoint(
                name=name,
                validation_definitions=[definition],
                actions=[],
                result_format={"result_format": "COMPLETE"} if name in WITHOUT_DOC_ID else RESULT_FORMAT,
            )
        )


if __name__ == "__main__":
    build()
    print(f"wrote {len(SUITES)} suites to {PROJECT / 'gx'}")
