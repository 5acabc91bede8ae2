"""What `vnnews run` tells the user when something goes wrong, and with which exit code."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from flows import cli
from flows.errors import EXIT_INTERNAL, EXIT_QUARANTINED, EXIT_USAGE, isolate_failures
from tests.conftest import SEEDS
from transforms import clean as cleaning
from transforms import dedup as deduplication

LOG_POINTER = re.compile(r"\(traceback in (\S+run\.log)\)")


@pytest.fixture()
def few_inputs(tmp_path: Path) -> Path:
    """Three seed articles: enough for a run, cheap enough to run several times."""
    folder = tmp_path / "inputs"
    folder.mkdir()
    for path in sorted(SEEDS.glob("*.txt"))[:3]:
        shutil.copy(path, folder / path.name)
    return folder


@pytest.fixture(autouse=True)
def prefect_as_quiet_as_the_command_line():
    """`vnnews` sets PREFECT_LOGGING_LEVEL=CRITICAL before Prefect is imported; the test
    session imported it at WARNING, which would add Prefect's own report of a failed task."""
    from prefect.settings import PREFECT_LOGGING_LEVEL, temporary_settings

    with temporary_settings({PREFECT_LOGGING_LEVEL: "CRITICAL"}):  # Prefect re-reads it per task run
        yield


def _run(tmp_path: Path, inputs: Path | str, *options: str) -> int:
    return cli.main(["run", "--input", str(inputs), "--lake", str(tmp_path / "lake"),
                     "--warehouse", str(tmp_path / "news.duckdb"), *options])


def _quarantine(lake: Path, stage: str) -> list[dict]:
    return pa.concat_tables(pq.read_table(p) for p in sorted(lake.glob(f"{stage}/*/quarantine/*.parquet"))).to_pylist()


def test_a_shard_that_fails_is_one_line_naming_stage_and_shard_with_the_traceback_in_the_run_log(
    prefect_harness, few_inputs, tmp_path, monkeypatch, capsys
):
    def broken(*args, **kwargs):
        raise ValueError("the signature table is inconsistent\nsecond line never shown")

    monkeypatch.setattr(deduplication, "compute_signatures", broken)
    assert _run(tmp_path, few_inputs, "--to", "dedup") == EXIT_INTERNAL

    captured = capsys.readouterr()
    stderr = captured.err.strip()
    assert len(stderr.splitlines()) == 1, stderr
    assert "Traceback" not in captured.out  # the stage lines only on stdout
    assert stderr.startswith("vnnews run: internal error: dedup failed on shard 0 (")
    assert re.search(r"clean/[0-9a-f]+/cleaned/part-00000\.parquet", stderr)
    assert "ValueError: the signature table is inconsistent" in stderr and "second line" not in stderr
    log = Path(LOG_POINTER.search(stderr).group(1))
    assert log.parent.parent == tmp_path / "lake" / "runs"
    assert re.fullmatch(r"\d{8}T\d{6}Z-[0-9a-f]{6}", log.parent.name)
    text = log.read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in text and "in broken" in text  # the shard's own frames


def test_debug_prints_the_traceback_too(prefect_harness, few_inputs, tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(deduplication, "compute_signatures", lambda *a, **k: 1 / 0)
    assert _run(tmp_path, few_inputs, "--to", "dedup", "--debug") == EXIT_INTERNAL
    stderr = capsys.readouterr().err
    assert stderr.startswith("vnnews run: internal error: dedup failed on shard 0")
    assert "Traceback (most recent call last)" in stderr and "ZeroDivisionError" in stderr


def test_a_document_that_makes_clean_raise_is_quarantined_and_the_run_finishes(
    prefect_harness, few_inputs, tmp_path, monkeypatch
):
    victim = sorted(few_inputs.iterdir())[1].name
    real = cleaning.clean_documents

    def fails_on_victim(documents, reference, recurring=None):
        if any(d["source_path"].endswith(victim) for d in documents):
            raise KeyError("no such chrome rule")
        return real(documents, reference, recurring)

    monkeypatch.setattr(cleaning, "clean_documents", fails_on_victim)
    assert _run(tmp_path, few_inputs, "--to", "clean") == EXIT_QUARANTINED

    lake = tmp_path / "lake"
    [row] = _quarantine(lake, "clean")
    assert row["source_path"].endswith(victim) and row["stage"] == "clean"
    assert row["reason"] == "processing-error" and "KeyError" in row["detail"]
    assert pq.read_table(next(lake.glob("clean/*/cleaned"))).num_rows == 2  # the other two are cleaned
    [log] = (lake / "runs").glob("*/run.log")
    assert "KeyError: 'no such chrome rule'" in log.read_text(encoding="utf-8")


def test_a_transform_that_fails_on_every_document_is_an_internal_error(
    prefect_harness, few_inputs, tmp_path, monkeypatch, capsys
):
    def always_fails(documents, reference, recurring=None):
        raise AttributeError("'NoneType' object has no attribute 'lines'")

    monkeypatch.setattr(cleaning, "clean_documents", always_fails)
    assert _run(tmp_path, few_inputs, "--to", "clean") == EXIT_INTERNAL
    stderr = capsys.readouterr().err
    assert "internal error: clean failed on shard 0 (" in stderr and re.search(r"ingest/[0-9a-f]+/documents/part-00000\.parquet", stderr)
    assert Path(LOG_POINTER.search(stderr).group(1)).is_file()


def test_corrupt_input_files_are_quarantined_and_the_run_exits_1(prefect_harness, few_inputs, tmp_path):
    (few_inputs / "garbage.txt").write_bytes(bytes(range(256)) * 8)
    buffer = pa.BufferOutputStream()
    pq.write_table(pa.table({"text": ["Hà Nội, ngày 3/12"] * 50}), buffer)
    whole = buffer.getvalue().to_pybytes()
    (few_inputs / "truncated.parquet").write_bytes(whole[: len(whole) // 2])

    assert _run(tmp_path, few_inputs) == EXIT_QUARANTINED
    rows = {Path(r["source_path"]).name: r for r in _quarantine(tmp_path / "lake", "ingest")}
    assert set(rows) == {"garbage.txt", "truncated.parquet"}
    assert all(r["stage"] == "ingest" and r["reason"] for r in rows.values())


def test_a_missing_input_is_a_usage_error_before_anything_runs(tmp_path, capsys):
    assert _run(tmp_path, tmp_path / "typo") == EXIT_USAGE
    assert f"--input {tmp_path / 'typo'}: no such file or folder" in capsys.readouterr().err
    assert not (tmp_path / "lake").exists() and not (tmp_path / "news.duckdb").exists()


def test_an_empty_glob_and_contradictory_stages_are_usage_errors(few_inputs, tmp_path, capsys):
    assert _run(tmp_path, few_inputs / "*.html") == EXIT_USAGE
    assert _run(tmp_path, few_inputs, "--from", "load", "--to", "ingest") == EXIT_USAGE
    assert "--from load comes after --to ingest" in capsys.readouterr().err


def test_argparse_errors_exit_2():
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["run", "--runner", "spark"])
    assert exit_info.value.code == EXIT_USAGE


def test_isolating_failures_keeps_batch_results_identical_to_a_run_without_the_bad_document():
    def upper_batch(batch):
        if any(d["text"] is None for d in batch):
            raise TypeError("text is None")
        return [d["text"].upper() for d in batch]

    documents = [{"doc_id": "a", "text": "x"}, {"doc_id": "b", "text": None}, {"doc_id": "c", "text": "y"}]
    output, quarantine, traces = isolate_failures("clean", upper_batch, documents)
    assert output == ["X", "Y"]
    assert [q["doc_id"] for q in quarantine] == ["b"] and "TypeError: text is None" in quarantine[0]["detail"]
    assert len(traces) == 1 and "Traceback" in traces[0]
    assert isolate_failures("clean", upper_batch, documents[:1]) == (["X"], [], [])
