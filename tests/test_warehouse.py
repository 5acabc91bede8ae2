"""The warehouse the seeds produce: entity tables, their joins, and the analyst views."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from flows.pipeline import news_pipeline

ENTITY_TABLES = [
    "people", "person_mentions", "organizations", "organization_mentions", "countries",
    "country_mentions", "sources", "photo_credits", "doc_refs", "quotes", "captions", "stories",
    "removed_lines", "ref_titles", "ref_organizations", "ref_countries", "ref_agencies", "ref_boilerplate",
]
VIEWS = [
    "person_posts", "person_timeline", "who_met_whom", "organization_activity_monthly",
    "country_activity_monthly", "most_cited_documents", "source_coverage", "duplicate_summary",
    "quarantine_summary", "document_fates", "last_run", "meetings_timeline", "quotes_by_person", "officials_by_country",
]


@pytest.fixture(scope="module")
def warehouse(prefect_harness, tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("warehouse")
    news_pipeline(inputs=["seeds/raw"], lake_dir=str(root / "lake"), warehouse=str(root / "news.duckdb"))
    return root / "news.duckdb"


def rows(warehouse: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return con.execute(sql).fetchall()


@pytest.mark.parametrize("table", ENTITY_TABLES + VIEWS)
def test_every_table_and_view_is_filled(warehouse, table):
    if table in ("duplicate_summary", "quarantine_summary", "who_met_whom", "meetings_timeline"):
        # the seeds have no duplicates or bad files, and state no meeting (seeds-gold-v2: meetings [])
        rows(warehouse, f"SELECT * FROM {table}")
    else:
        assert rows(warehouse, f"SELECT count(*) FROM {table}")[0][0] > 0


def test_mentions_join_to_their_articles_and_entities(warehouse):
    for mentions, entity, key in [
        ("person_mentions", "people", "person_id"),
        ("organization_mentions", "organizations", "org_id"),
        ("country_mentions", "countries", "country_id"),
    ]:
        orphans = rows(warehouse, f"""
            SELECT count(*) FROM {mentions} AS m
            LEFT JOIN articles AS a USING (doc_id) LEFT JOIN {entity} AS e USING ({key})
            WHERE a.doc_id IS NULL OR e.{key} IS NULL
        """)
        assert orphans == [(0,)], mentions


def test_one_person_across_articles_and_their_posts(warehouse):
    appearances = rows(warehouse, """
        SELECT count(DISTINCT m.doc_id) FROM person_mentions AS m JOIN people AS p USING (person_id)
        WHERE p.name = 'Bùi Thanh Sơn'
    """)
    assert appearances == [(3,)]
    posts = dict(rows(warehouse, "SELECT title, organization FROM person_posts WHERE name = 'Bùi Thanh Sơn'"))
    assert posts["Bộ trưởng Bộ Ngoại giao"] == "Bộ Ngoại giao"


def test_two_reports_of_one_meeting_share_a_story_and_its_date(warehouse):
    story = rows(warehouse, """
        SELECT s.story_id, count(*), min(d.activity_date), max(d.activity_date)
        FROM stories AS s JOIN articles USING (doc_id) JOIN article_dates AS d USING (doc_id)
        GROUP BY s.story_id HAVING count(*) > 1
    """)
    assert len(story) == 1 and story[0][1] == 2
    assert str(story[0][2]) == str(story[0][3]) == "2025-09-15"


def test_sql_command_prints_json(warehouse):
    vnnews = Path(sys.executable).parent / "vnnews"
    result = subprocess.run(
        [str(vnnews), "sql", "SELECT name FROM people ORDER BY name LIMIT 2", "--format", "json",
         "--warehouse", str(warehouse)],
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert [row["name"] for row in json.loads(result.stdout)] == sorted(row["name"] for row in json.loads(result.stdout))


def test_sql_shell_answers_statements_from_its_prompt(warehouse):
    vnnews = Path(sys.executable).parent / "vnnews"
    result = subprocess.run(
        [str(vnnews), "sql", "--shell", "--warehouse", str(warehouse)],
        input="SELECT count(*) AS n\n  FROM articles;\nSELECT * FROM no_such_table;\n.quit\n",
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "| 5 " in result.stdout and "error:" in result.stdout
