"""End to end: the news-pipeline flow on the seed articles, into a temporary lake and warehouse."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from pipeline_helpers import contents, query, run

pytestmark = pytest.mark.usefixtures("prefect_harness")

def test_seeds_load_five_articles_and_every_document_has_one_fate(seed_inputs, tmp_path):
    (seed_inputs / "empty.txt").write_text("   \n", encoding="utf-8")
    (seed_inputs / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    run(seed_inputs, tmp_path)

    assert query(tmp_path / "news.duckdb", "SELECT count(*) FROM articles") == [(5,)]
    assert query(tmp_path / "news.duckdb", "SELECT count(*), count(DISTINCT doc_id) FROM documents") == [(7, 7)]
    orphans = query(tmp_path / "news.duckdb", """
        SELECT d.doc_id, d.fate FROM documents AS d
        WHERE (fate = 'article') <> (doc_id IN (SELECT doc_id FROM articles))
           OR (fate = 'duplicate') <> (doc_id IN (SELECT doc_id FROM duplicates))
           OR (fate = 'quarantined') <> (doc_id IN (SELECT doc_id FROM quarantine))
    """)
    assert orphans == []
    reasons = query(tmp_path / "news.duckdb", "SELECT reason FROM quarantine WHERE stage = 'ingest' ORDER BY source_path")
    assert len(reasons) == 2 and all(reason for (reason,) in reasons)


def test_rerun_with_same_input_changes_no_table(seed_inputs, tmp_path):
    run(seed_inputs, tmp_path)
    first = contents(tmp_path / "news.duckdb", run_log=True)
    reports = run(seed_inputs, tmp_path)
    assert [r["stage"] for r in reports] == ["ingest"]  # nothing new: the run stops there
    assert contents(tmp_path / "news.duckdb", run_log=True) == first
    assert first["articles"][0] == 5 and first["people"][0] > 0 and first["pipeline_runs"][0] == 6


def test_from_extract_reruns_only_the_last_three_stages(seed_inputs, tmp_path):
    run(seed_inputs, tmp_path)
    reports = run(seed_inputs, tmp_path, from_stage="extract")
    assert [r["stage"] for r in reports] == ["extract", "validate", "load"]
    stages_per_run = query(tmp_path / "news.duckdb", """
        SELECT list(stage ORDER BY stage) FROM pipeline_runs GROUP BY run_id ORDER BY max(finished_at)
    """)
    assert sorted(stages_per_run[-1][0]) == sorted(["extract", "validate", "load"])
    assert len(stages_per_run) == 2


def test_a_document_failing_a_critical_row_expectation_is_quarantined_and_the_rest_loads(seed_inputs, tmp_path):
    run(seed_inputs, tmp_path)
    warehouse = tmp_path / "news.duckdb"

    part = next((tmp_path / "lake" / "extract").glob("*/articles_extracted/*.parquet"))
    table = pq.read_table(part)
    dates = table.column("event_date").to_pylist()
    dates[0] = "2099-01-01"
    precision = ["day"] * len(dates)
    table = table.set_column(table.schema.get_field_index("event_date"), "event_date", [dates])
    table = table.set_column(table.schema.get_field_index("event_date_precision"), "event_date_precision", [precision])
    pq.write_table(table, part)
    bad_doc = table.column("doc_id")[0].as_py()

    run(seed_inputs, tmp_path, from_stage="validate")
    assert query(warehouse, "SELECT doc_id, stage, reason FROM quarantine") == [
        (bad_doc, "validate", "expect_column_values_to_be_between")
    ]
    assert query(warehouse, "SELECT fate, count(*) FROM documents GROUP BY fate ORDER BY fate") == [
        ("article", 4), ("quarantined", 1)
    ]
    # nothing of the quarantined document is left in the tables keyed on doc_id
    dependents = ["articles", "person_mentions", "organization_mentions", "country_mentions", "sources", "quotes",
                  "captions", "photo_credits", "doc_refs", "stories", "removed_lines", "dedup_signatures"]
    assert [table for table in dependents
            if query(warehouse, f"SELECT count(*) FROM {table} WHERE doc_id = '{bad_doc}'") != [(0,)]] == []
    assert query(warehouse, "SELECT count(DISTINCT doc_id) FROM person_mentions") == [(4,)]


def test_cli_run_is_quiet_and_prints_a_summary(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "flows", "--lake", str(tmp_path / "lake"), "--warehouse", str(tmp_path / "w.duckdb")],
        capture_output=True, text=True, timeout=600,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip() == ""
    assert "documents in: 5" in result.stdout and "articles: 5" in result.stdout

    sql = subprocess.run(
        [str(Path(sys.executable).parent / "vnnews"), "sql", "select count(*) AS n from articles", "--format", "csv",
         "--warehouse", str(tmp_path / "w.duckdb")],
        capture_output=True, text=True, timeout=120,
    )
    assert sql.stdout.splitlines() == ["n", "5"]
