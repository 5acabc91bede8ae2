"""Incremental runs, caching after failures, retries, the run lock, Dask, schema upgrades and
the validation gate's warnings — each on the real flow with a temporary lake and warehouse."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

from flows.errors import ShardFailed
from flows.lock import warehouse_lock
from flows.pipeline import with_runner
from pipeline_helpers import contents, query, run
from transforms import extract as extraction
from transforms.warehouse import migrate

pytestmark = pytest.mark.usefixtures("prefect_harness")

SHORT_ARTICLE = "Sáng 3/2, tại Hà Nội, Thủ tướng Phạm Minh Chính đã tiếp Đại sứ Nhật Bản Ito Naoki.\n"


def test_reprocessing_the_same_input_changes_no_table(seed_inputs, tmp_path):
    run(seed_inputs, tmp_path)
    before = contents(tmp_path / "news.duckdb")
    reports = run(seed_inputs, tmp_path, reprocess=True)
    assert reports[0]["rows_out"] == 5
    assert contents(tmp_path / "news.duckdb") == before


def test_landing_folder_processes_only_new_documents(seed_inputs, tmp_path):
    landing = tmp_path / "landing"
    landing.mkdir()
    for path in sorted(seed_inputs.glob("*.txt"))[:3]:
        shutil.copy(path, landing)
    first = run(landing, tmp_path)
    assert first[0]["rows_out"] == 3

    shutil.copy(sorted(seed_inputs.glob("*.txt"))[3], landing)
    second = run(landing, tmp_path)
    assert (second[0]["rows_out"], second[0]["skipped"]) == (1, 3)
    assert query(tmp_path / "news.duckdb", "SELECT count(*) FROM documents") == [(4,)]


def test_copies_in_a_later_run_point_at_the_earlier_canonicals(seed_inputs, tmp_path):
    run(seed_inputs, tmp_path)
    later = tmp_path / "later"
    later.mkdir()
    original = (seed_inputs / "004_68ba3e29b9c118e9.txt").read_text(encoding="utf-8")
    syndicated = "(Nhân Dân) - Bài viết được đăng lại.\n\n" + original.replace("hội nghị", "Hội nghị") + "\nTheo Báo Nhân Dân\n"
    (later / "syndicated.txt").write_text(syndicated, encoding="utf-8")
    run(later, tmp_path)

    rows = query(tmp_path / "news.duckdb", """
        SELECT d.method, c.source_path FROM duplicates AS d
        JOIN documents AS c ON c.doc_id = d.canonical_id
        JOIN documents AS x ON x.doc_id = d.doc_id
        WHERE x.source_path LIKE '%syndicated.txt'
    """)
    assert len(rows) == 1 and rows[0][1].endswith("004_68ba3e29b9c118e9.txt")


def test_a_transient_extract_failure_is_retried(seed_inputs, tmp_path, monkeypatch):
    real = extraction.extract_documents
    calls = {"n": 0}

    def flaky(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 1:
            raise OSError("network share went away")
        return real(*args, **kwargs)

    monkeypatch.setattr(extraction, "extract_documents", flaky)
    run(seed_inputs, tmp_path)
    assert calls["n"] >= 2
    assert query(tmp_path / "news.duckdb", "SELECT count(*) FROM articles") == [(5,)]


def test_after_a_permanent_failure_the_next_run_redoes_only_extract_validate_load(seed_inputs, tmp_path, monkeypatch):
    def broken(*args, **kwargs):
        raise ValueError("a bug in extraction")

    monkeypatch.setattr(extraction, "extract_documents", broken)
    with pytest.raises(ShardFailed, match="extract failed on shard 0 .*ValueError: a bug in extraction"):
        run(seed_inputs, tmp_path)
    assert not (tmp_path / "news.duckdb").exists()

    monkeypatch.undo()
    reports = run(seed_inputs, tmp_path)
    statuses = {r["stage"]: r["status"] for r in reports}
    assert statuses == {"ingest": "cached", "clean": "cached", "dedup": "cached",
                        "extract": "completed", "validate": "completed", "load": "completed"}
    logged = query(tmp_path / "news.duckdb", "SELECT stage, status FROM pipeline_runs")
    assert dict(logged) == statuses


def test_a_second_run_on_a_busy_warehouse_exits_with_a_clear_message(seed_inputs, tmp_path):
    with warehouse_lock(tmp_path / "news.duckdb"):
        with pytest.raises(Exception, match="another vnnews run"):
            run(seed_inputs, tmp_path)


def test_dask_and_local_runners_build_identical_warehouses(seed_inputs, tmp_path):
    run(seed_inputs, tmp_path / "local", shard_size=2)
    run(seed_inputs, tmp_path / "dask", flow=with_runner("dask"), shard_size=2)
    assert contents(tmp_path / "dask" / "news.duckdb") == contents(tmp_path / "local" / "news.duckdb")


def test_a_warehouse_of_the_previous_schema_version_is_upgraded_in_place(seed_inputs, tmp_path):
    previous = tmp_path / "sql-v1"
    (previous / "migrations").mkdir(parents=True)
    shutil.copy("warehouse/migrations/001_core.sql", previous / "migrations")
    warehouse = tmp_path / "news.duckdb"
    with duckdb.connect(str(warehouse)) as con:
        assert migrate(con, previous) == 1
        con.execute("INSERT INTO documents VALUES ('old0000000000000', 'old.txt', NULL, 'txt', 'utf-8', [], 'quarantined', 'r0')")
        con.execute("INSERT INTO quarantine VALUES ('old0000000000000', 'old.txt', 'ingest', 'empty', 'no text', 'r0')")

    run(seed_inputs, tmp_path)
    latest = max(int(path.name[:3]) for path in Path("warehouse/migrations").glob("[0-9][0-9][0-9]_*.sql"))
    assert query(warehouse, "SELECT max(version) FROM schema_version") == [(latest,)] and latest > 1
    assert query(warehouse, "SELECT count(*) FROM documents") == [(6,)]
    assert query(warehouse, "SELECT count(*) FROM flagged_lines")[0][0] >= 0


def test_a_warning_loads_records_and_quarantines_the_failing_rows(seed_inputs, tmp_path):
    (seed_inputs / "short.txt").write_text(SHORT_ARTICLE, encoding="utf-8")
    run(seed_inputs, tmp_path)
    warehouse = tmp_path / "news.duckdb"
    assert query(warehouse, "SELECT count(*) FROM articles") == [(5,)]
    assert query(warehouse, """
        SELECT q.stage, q.reason FROM quarantine AS q JOIN documents AS d USING (doc_id)
        WHERE d.source_path LIKE '%short.txt' AND d.fate = 'quarantined'
    """) == [("validate", "expect_column_value_lengths_to_be_between")]
    assert query(warehouse, """
        SELECT severity, success FROM validation_results
        WHERE expectation = 'expect_column_value_lengths_to_be_between'
    """) == [("warning", False)]
