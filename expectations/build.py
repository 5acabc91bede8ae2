"""Writes the GX Core file project in expectations/gx: one suite per dataset, its validation
definition and its checkpoint.

No GX Data Docs site is built: it rendered failing values (article text) unescaped and fetched
its styles and scripts from CDNs. `vnnews report` shows every expectation instead.

The suites are defined here once and stored by GX as JSON (gx/expectations/*.json); rerun
`python expectations/build.py` after changing them. Each suite checks the frame of the same
name (expectations/frames/<suite>.sql, a query over the staging views).

Severity: `critical` stops the load; `warning` is recorded. A warning whose meta has
`quarantine_rows` also sends the failing rows' documents to quarantine.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")

import great_expectations as gx  # noqa: E402
import great_expectations.expectations as E  # noqa: E402

PROJECT = Path(__file__).resolve().parent
CRITICAL, WARNING = "critical", "warning"
QUARANTINE_ROWS = {"quarantine_rows": True}
TIME_OF_DAY = ["sáng", "trưa", "chiều", "tối", "đêm"]
# Capitalized syllables (Vietnamese or foreign), optionally hyphenated: "Tô Lâm", "Jaishankar".
PERSON_NAME = r"^[A-ZĐ\u00C0-\u1EF9][^\s,;:()]*(?: [A-ZĐ\u00C0-\u1EF9][^\s,;:()]*){0,5}$"
TITLE_WORDS = [r"(?i)\b(?:bộ trưởng|thủ tướng|chủ tịch|bí thư|ủy viên|uỷ viên|đại sứ|giám đốc|thứ trưởng|đại tướng)\b"]


def _key_expectations(columns: list[str]) -> list:
    expectations = [E.ExpectColumnValuesToNotBeNull(column=c, severity=CRITICAL) for c in columns]
    if len(columns) == 1:
        expectations.append(E.ExpectColumnValuesToBeUnique(column=columns[0], severity=CRITICAL))
    else:
        expectations.append(E.ExpectCompoundColumnsToBeUnique(column_list=columns, severity=CRITICAL))
    return expectations


def _day_between_1945_and_tomorrow(column: str) -> E.Expectation:
    return E.ExpectColumnValuesToBeBetween(
        column=column, min_value="1945-01-01", max_value={"$PARAMETER": "tomorrow"}, severity=CRITICAL
    )


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
        E.ExpectColumnValuesToNotBeNull(column="body", severity=CRITICAL),
        E.ExpectColumnValueLengthsToBeBetween(
            column="body", min_value=120, max_value=200_000, severity=WARNING, meta=QUARANTINE_ROWS
        ),
        E.ExpectColumnValuesToMatchRegex(
            column="event_date", regex=r"^(?:\d{4}-\d{2}-\d{2}|--\d{2}-\d{2}|\d{4}-\d{2})$", severity=CRITICAL
        ),
        _day_between_1945_and_tomorrow("event_day"),
        _day_between_1945_and_tomorrow("published_day"),
        E.ExpectColumnValuesToBeInSet(column="time_of_day", value_set=TIME_OF_DAY, severity=CRITICAL),
        E.ExpectColumnValuesToNotMatchRegex(column="body", regex={"$PARAMETER": "chrome_pattern"}, severity=WARNING),
        E.ExpectColumnMeanToBeBetween(column="has_person", min_value=0.5, severity=WARNING),
    ],
    "person_mentions": [
        *_key_expectations(["doc_id", "person_id"]),
        E.ExpectColumnValuesToNotBeNull(column="name", severity=CRITICAL),
        E.ExpectColumnValuesToBeInSet(column="article_exists", value_set=[True], severity=CRITICAL),
        E.ExpectColumnValuesToMatchRegex(column="name", regex=PERSON_NAME, severity=WARNING),
        E.ExpectColumnValuesToNotMatchRegexList(column="name", regex_list=TITLE_WORDS, severity=WARNING),
    ],
    "person_titles": [
        E.ExpectColumnValuesToNotBeNull(column="title", severity=CRITICAL),
        E.ExpectColumnValuesToMatchRegex(column="title", regex={"$PARAMETER": "title_pattern"}, severity=WARNING),
    ],
    "organization_mentions": [
        *_key_expectations(["doc_id", "org_id"]),
        E.ExpectColumnValuesToBeInSet(column="article_exists", value_set=[True], severity=CRITICAL),
    ],
    "duplicates": [
        *_key_expectations(["doc_id"]),
        E.ExpectColumnValuesToNotBeNull(column="canonical_id", severity=CRITICAL),
        E.ExpectColumnValuesToBeInSet(column="method", value_set=["exact", "near", "contained"], severity=CRITICAL),
        E.ExpectColumnValuesToBeBetween(column="similarity", min_value=0, max_value=1, severity=CRITICAL),
        E.ExpectColumnValuesToBeInSet(column="points_to_itself", value_set=[False], severity=CRITICAL),
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
                result_format=RESULT_FORMAT,
            )
        )


if __name__ == "__main__":
    build()
    print(f"wrote {len(SUITES)} suites to {PROJECT / 'gx'}")
