"""Every read of the warehouse the report makes, each a small function returning plain rows.

A warehouse created before its first load has no tables or views yet: reads then return no rows
and the sections say there is no data. Every ordering is total, so the same warehouse always
gives the same page.

No name in this module may be a table's or a view's: when a table is missing, DuckDB looks the
name up among the caller's Python variables (its replacement scans) before it fails.
"""

from __future__ import annotations

from datetime import date

import duckdb

from transforms.settings import STAGES

TOP_N = 15
TABLE_ROWS = 10

# Each ranking: (name, count) pairs under the column names ``1`` and ``n``.
RANKINGS = {
    "people": "SELECT name, count(DISTINCT doc_id) AS n FROM person_timeline GROUP BY person_id, name",
    "organizations": "SELECT organization, sum(articles) AS n FROM organization_activity_monthly GROUP BY organization",
    "countries": "SELECT country, sum(articles) AS n FROM country_activity_monthly GROUP BY country",
    "outlets": "SELECT source, stories AS n FROM source_coverage",
}


class Warehouse:
    def __init__(self, con: duckdb.DuckDBPyConnection):
        self._con = con

    def rows(self, sql: str, params: list | None = None) -> list[tuple]:
        try:
            return self._con.execute(sql, params or []).fetchall()
        except duckdb.CatalogException:
            # A warehouse created before its first load has no tables or views yet: its
            # sections simply say there is no data.
            return []

    def value(self, sql: str, params: list | None = None):
        rows = self.rows(sql, params)
        return rows[0][0] if rows else None


def last_run_stages(db: Warehouse) -> list[tuple]:
    """(run_id, stage, status, rows_in, rows_out, seconds, finished) per stage, in DAG order."""
    return db.rows(
        # UTC, not the session's time zone: the page must not depend on the machine.
        "SELECT run_id, stage, status, rows_in, rows_out, seconds, "
        "strftime(finished_at AT TIME ZONE 'UTC', '%Y-%m-%d %H:%M:%S UTC') FROM last_run "
        "ORDER BY finished_at, list_position(?, stage)",
        [list(STAGES)],
    )


def fate_counts(db: Warehouse) -> list[tuple[str, int]]:
    return db.rows("SELECT fate, documents FROM document_fates ORDER BY documents DESC, fate")


def entity_counts(db: Warehouse) -> tuple[int, int, int]:
    """How many people, organizations and countries the warehouse knows."""
    entities = db.rows(
        "SELECT (SELECT count(*) FROM people), (SELECT count(*) FROM organizations), (SELECT count(*) FROM countries)"
    )
    return entities[0] if entities else (0, 0, 0)


def articles_per_month(db: Warehouse) -> dict[date, int]:
    return dict(db.rows(
        "SELECT date_trunc('month', activity_date)::DATE, count(*) FROM article_dates "
        "WHERE activity_date IS NOT NULL GROUP BY 1"
    ))


def undated_articles(db: Warehouse) -> int:
    return db.value("SELECT count(*) FROM article_dates WHERE activity_date IS NULL") or 0


def monthly_activity(db: Warehouse, subject: str, since: date) -> list[tuple[str, date, int]]:
    """(name, month, articles) of ``subject`` ("organization" or "country") from ``since`` on."""
    return db.rows(f"SELECT {subject}, month, articles FROM {subject}_activity_monthly WHERE month >= ?", [since])


def ranking(db: Warehouse, name: str) -> list[tuple[str, int]]:
    """The ``TOP_N`` first of ``RANKINGS[name]``, most first."""
    return db.rows(f"SELECT * FROM ({RANKINGS[name]}) ORDER BY n DESC, 1 LIMIT {TOP_N}")


def cited_documents(db: Warehouse) -> list[tuple]:
    return db.rows(
        "SELECT doc_ref, articles, first_cited, last_cited FROM most_cited_documents "
        f"ORDER BY articles DESC, doc_ref LIMIT {TABLE_ROWS}"
    )


def meeting_pairs(db: Warehouse) -> list[tuple]:
    """(person_a, person_b, stories, first, last, places) per pair, most stories first."""
    return db.rows(
        "SELECT person_a, person_b, count(DISTINCT story_id) AS stories, min(activity_date), max(activity_date), "
        "string_agg(DISTINCT location, '; ' ORDER BY location) "
        "FROM who_met_whom GROUP BY person_a, person_b ORDER BY stories DESC, person_a, person_b"
    )


def quarantine_reasons(db: Warehouse) -> list[tuple]:
    """(stage, reason, documents, example detail), most documents first."""
    return db.rows(
        # min(detail) rather than the view's any_value: the same warehouse must give the same page.
        "SELECT stage, reason, count(*) AS documents, min(detail) FROM quarantine "
        "GROUP BY stage, reason ORDER BY documents DESC, stage, reason"
    )


def most_copied_articles(db: Warehouse) -> list[tuple]:
    return db.rows(
        "SELECT coalesce(title, canonical_id), copies, array_to_string(methods, ', '), round(min_similarity, 3) "
        f"FROM duplicate_summary ORDER BY copies DESC, canonical_id LIMIT {TABLE_ROWS}"
    )


def latest_validation(db: Warehouse) -> dict | None:
    """The last run's validation: its run, how many expectations it met, its failures."""
    latest = db.value(
        "SELECT v.run_id FROM validation_results AS v LEFT JOIN pipeline_runs AS p USING (run_id) "
        "GROUP BY v.run_id ORDER BY max(p.finished_at) DESC NULLS LAST, v.run_id DESC LIMIT 1"
    )
    if latest is None:
        return None
    met = db.value("SELECT count(*) FROM validation_results WHERE run_id = ? AND success", [latest])
    failures = db.rows(
        "SELECT suite, expectation, column_name, severity, unexpected_count, detail FROM validation_results "
        "WHERE run_id = ? AND NOT success ORDER BY suite, expectation, column_name NULLS FIRST, detail",
        [latest],
    )
    return {
        "run_id": latest,
        "met": met,
        "failures": failures,
        "critical": sum(1 for _, _, _, severity, _, _ in failures if severity == "critical"),
    }


def expectation_results(db: Warehouse, run_id: str) -> list[tuple]:
    """Every expectation of ``run_id``, suite by suite, failures first."""
    return db.rows(
        "SELECT suite, expectation, column_name, severity, success, unexpected_count, detail FROM validation_results "
        "WHERE run_id = ? ORDER BY suite, success, expectation, column_name NULLS FIRST, detail",
        [run_id],
    )
