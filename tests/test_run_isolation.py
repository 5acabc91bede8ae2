"""Runs that share a lake keep to their own stage outputs; tidying the lake; the cache key's
code version; an analyst holding the warehouse open while a run loads."""

from __future__ import annotations

import json
import logging
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from flows import planning, stages
from flows.code_version import code_version, import_closure, modules_referred_to
from flows.lake import LINEAGE_FILE, latest_lineage, tidy_lake
from flows.lock import lake_lock
from pipeline_helpers import query, run
from tools.synth import write_corpus
from transforms.settings import PROJECT_DIR, Settings
from transforms.warehouse import migrate

SHORT_ARTICLE = "Sáng 3/2, tại Hà Nội, Thủ tướng Phạm Minh Chính đã tiếp Đại sứ Nhật Bản Ito Naoki.\n"


def _flow(inputs: Path, lake: Path, warehouse: Path, **options) -> list[dict]:
    from flows.pipeline import news_pipeline

    return news_pipeline(inputs=[str(inputs)], lake_dir=str(lake), warehouse=str(warehouse), **options)


def _source_folders(warehouse: Path) -> set[str]:
    return {str(Path(path).parent) for (path,) in query(warehouse, "SELECT source_path FROM documents")}


@pytest.mark.usefixtures("prefect_harness")
def test_two_runs_sharing_a_lake_load_only_their_own_documents(seed_inputs, tmp_path):
    other = write_corpus(tmp_path / "other", 8, seed=3) / "docs"
    lake = tmp_path / "lake"
    _flow(seed_inputs, lake, tmp_path / "a.duckdb", to_stage="extract")
    _flow(other, lake, tmp_path / "b.duckdb", to_stage="extract")  # B's stages ran after A's
    _flow(seed_inputs, lake, tmp_path / "a.duckdb", from_stage="validate")
    _flow(other, lake, tmp_path / "b.duckdb", from_stage="validate")

    assert _source_folders(tmp_path / "a.duckdb") == {str(seed_inputs)}
    assert query(tmp_path / "a.duckdb", "SELECT count(*) FROM documents") == [(5,)]
    assert _source_folders(tmp_path / "b.duckdb") == {str(other)}
    assert query(tmp_path / "b.duckdb", "SELECT count(*) FROM documents") == [(8,)]


@pytest.mark.usefixtures("prefect_harness")
def test_a_full_run_after_a_run_to_validate_quarantines_afresh(seed_inputs, tmp_path):
    (seed_inputs / "short.txt").write_text(SHORT_ARTICLE, encoding="utf-8")
    run(seed_inputs, tmp_path, to_stage="validate")
    run(seed_inputs, tmp_path)
    assert query(tmp_path / "news.duckdb", """
        SELECT d.fate, q.stage FROM documents AS d LEFT JOIN quarantine AS q USING (doc_id)
        WHERE d.source_path LIKE '%short.txt'
    """) == [("quarantined", "validate")]
    assert query(tmp_path / "news.duckdb", "SELECT count(*) FROM articles") == [(5,)]


@pytest.mark.usefixtures("prefect_harness")
def test_from_a_stage_without_earlier_outputs_for_these_inputs_says_so(seed_inputs, tmp_path):
    with pytest.raises(Exception, match="has no dedup output for these inputs"):
        run(seed_inputs, tmp_path, from_stage="extract")


def _fake_output(lake: Path, stage: str, key: str, lineage: dict[str, str], lookup: str = "l") -> Path:
    folder = lake / stage / key
    folder.mkdir(parents=True)
    (folder / LINEAGE_FILE).write_text(json.dumps({"lookup": lookup, "keys": {**lineage, stage: key}}))
    time.sleep(0.01)  # distinct modification times: the order outputs were committed in
    return folder


def test_tidying_keeps_the_newest_outputs_and_what_they_were_built_from(tmp_path):
    lake = tmp_path / "lake"
    oldest_ingest = _fake_output(lake, "ingest", "i0", {})
    for n in range(1, 5):
        _fake_output(lake, "ingest", f"i{n}", {})
    clean = _fake_output(lake, "clean", "c0", {"ingest": "i0"})
    killed = lake / ".tmp-dedup-1234abcd"
    (killed / "signatures").mkdir(parents=True)
    former_layout = lake / "dedup" / "signatures"
    former_layout.mkdir(parents=True)
    reserved = lake / "runs" / "log.jsonl"
    reserved.parent.mkdir()
    reserved.write_text("{}")

    tidy_lake(lake, keep=2)
    assert sorted(p.name for p in (lake / "ingest").iterdir()) == ["i0", "i3", "i4"]
    assert oldest_ingest.is_dir() and clean.is_dir()  # i0 is what the kept clean output came from
    assert not killed.exists() and not former_layout.exists()
    assert reserved.read_text() == "{}"  # only stage folders and temporary folders are the lake's


def test_a_run_tidies_the_lake_only_when_no_other_run_uses_it(tmp_path):
    lake = tmp_path / "lake"
    tidied = []
    with lake_lock(lake, tidy=lambda: tidied.append("first")):
        with lake_lock(lake, tidy=lambda: tidied.append("second")):
            pass
    with lake_lock(lake, tidy=lambda: tidied.append("third")):
        pass
    assert tidied == ["first", "third"]


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def test_a_code_version_covers_what_the_stage_imports_and_nothing_else(tmp_path):
    project, reference = tmp_path / "project", tmp_path / "reference"
    _write(project / "transforms" / "__init__.py", "")
    _write(project / "transforms" / "stage" / "__init__.py", "from transforms.stage.rules import RULES\n")
    rules = _write(project / "transforms" / "stage" / "rules.py", "from ..shared import pattern\nRULES = 1\n")
    shared = _write(project / "transforms" / "shared.py", "def pattern():\n    import transforms.reference\n")
    _write(project / "transforms" / "reference.py", "")
    unrelated = _write(project / "transforms" / "report.py", "from transforms.stage import RULES\n")
    gazetteer = _write(reference / "places.csv", "name\nHà Nội\n")

    def version() -> str:
        return code_version(["transforms.stage"], project, reference)

    versions = [version()]
    for path, text in ((rules, "from ..shared import pattern\nRULES = 2\n"), (shared, "def pattern():\n    import transforms.reference\n    return 1\n"),
                       (gazetteer, "name\nHuế\n")):
        path.write_text(text)  # a subpackage module, a shared module imported relatively and lazily, reference data
        versions.append(version())
    unrelated.write_text("X = 1\n")
    assert len(set(versions)) == 4 and version() == versions[-1]
    assert set(import_closure(["transforms.stage"], project)) == {
        "transforms", "transforms.stage", "transforms.stage.rules", "transforms.shared", "transforms.reference"}


def test_each_stage_task_counts_its_own_transforms_and_not_the_others():
    closures = {stage: {str(path.relative_to(PROJECT_DIR)) for path in import_closure(
        modules_referred_to([task], PROJECT_DIR), PROJECT_DIR).values()} for stage, task in stages.STAGE_TASKS.items()}
    assert "transforms/ingest/readers/jsonl.py" in closures["ingest"]
    assert "transforms/extract/people.py" in closures["extract"] and "transforms/extract/people.py" not in closures["ingest"]
    assert "transforms/dedup/signatures.py" not in closures["ingest"]  # ingest reads the warehouse, not dedup
    assert all(not any(file.startswith("tools/") for file in files) for files in closures.values())
    assert all("flows/lake.py" in files for files in closures.values())


def test_a_change_to_one_stage_s_code_keys_it_and_the_stages_after_it_only(tmp_path, monkeypatch):
    settings = Settings(inputs=(str(tmp_path),), lake_dir=tmp_path / "lake", warehouse_path=tmp_path / "news.duckdb")
    real = planning.stage_code_versions(settings.reference_dir)
    before = dict(planning.plan_lake(settings, [], "ingest", "run").keys)
    monkeypatch.setattr(planning, "stage_code_versions", lambda reference_dir: {**real, "extract": "changed"})
    after = dict(planning.plan_lake(settings, [], "ingest", "run").keys)
    assert [stage for stage in before if before[stage] != after[stage]] == ["extract", "validate"]


def test_from_a_stage_reuses_only_outputs_built_by_the_current_code_of_the_stages_before_it(tmp_path):
    folder = _fake_output(tmp_path / "lake", "dedup", "d1", {"ingest": "i1", "clean": "c1"})
    lineage = json.loads((folder / LINEAGE_FILE).read_text())
    lineage["code"] = {"ingest": "v1", "clean": "v1", "dedup": "v1"}
    (folder / LINEAGE_FILE).write_text(json.dumps(lineage))
    current = {"ingest": "v1", "clean": "v1", "dedup": "v1", "extract": "v1"}

    assert latest_lineage(tmp_path / "lake", "dedup", "l", current) == lineage["keys"]
    assert latest_lineage(tmp_path / "lake", "dedup", "l", {**current, "extract": "v2"}) == lineage["keys"]
    assert latest_lineage(tmp_path / "lake", "dedup", "l", {**current, "clean": "v2"}) is None


def _hold_open_read_only(warehouse: Path) -> subprocess.Popen:
    reader = subprocess.Popen(
        [sys.executable, "-c", "import duckdb, sys, time\n"
         f"con = duckdb.connect({str(warehouse)!r}, read_only=True)\nprint('open', flush=True)\ntime.sleep(600)"],
        stdout=subprocess.PIPE, text=True,
    )
    assert reader.stdout.readline().strip() == "open"
    return reader


@pytest.mark.usefixtures("prefect_harness")
def test_an_analyst_session_makes_the_load_wait_then_fail_in_one_line_and_from_load_finishes(
        seed_inputs, tmp_path, caplog):
    warehouse = tmp_path / "news.duckdb"
    with duckdb.connect(str(warehouse)) as con:
        migrate(con, Settings().sql_dir)
    reader = _hold_open_read_only(warehouse)
    try:
        with caplog.at_level(logging.INFO, logger="vnnews"):
            with pytest.raises(Exception) as failure:
                run(seed_inputs, tmp_path, wait_readers=1)
    finally:
        reader.kill()
        reader.wait()
    message = str(failure.value)
    assert message.startswith(f"1 reader (pid {reader.pid}) kept {warehouse} open for 1 s, so nothing was loaded")
    assert "\n" not in message and "--from load" in message
    assert f"waiting for 1 reader (pid {reader.pid}) to close {warehouse}" in caplog.text
    assert query(warehouse, "SELECT count(*) FROM documents") == [(0,)]

    reports = run(seed_inputs, tmp_path, from_stage="load")
    assert [r["stage"] for r in reports] == ["load"]
    assert query(warehouse, "SELECT count(*) FROM articles") == [(5,)]


def test_the_load_names_the_process_holding_the_warehouse(tmp_path):
    from transforms.warehouse import warehouse_holders

    warehouse = tmp_path / "news.duckdb"
    duckdb.connect(str(warehouse)).close()
    reader = _hold_open_read_only(warehouse)
    try:
        assert warehouse_holders(warehouse) == [reader.pid]
    finally:
        reader.kill()
        reader.wait()
    assert warehouse_holders(warehouse) == []
    lock_error = 'Could not set lock on file "x": Conflicting lock is held in /usr/bin/python3 (PID 4242).'
    assert warehouse_holders(warehouse, lock_error) == [4242]
