"""`kill -9` anywhere in a run, then a rerun: the warehouse ends exactly as after a clean run,
and the killed run's temporary lake folders are gone. A full disk during the load fails the
run with one clear line.

The killed runs are `vnnews run` subprocesses (on the test's Prefect server, so they start
fast); each works in its own folder with the same relative lake and warehouse paths, so every
scenario's tables compare with one clean run's digests."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path

import pytest

from flows.pipeline import news_pipeline
from pipeline_helpers import contents
from tools.synth import write_corpus

pytestmark = pytest.mark.usefixtures("prefect_harness")

ROOT = Path(__file__).resolve().parents[1]
KillPoint = Callable[[Path, list[str], int], bool]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("corpus"), 240, seed=11) / "docs"


@pytest.fixture(scope="module")
def server_env(prefect_harness) -> dict[str, str]:
    from prefect.settings import PREFECT_API_URL

    return {**os.environ, "PREFECT_API_URL": PREFECT_API_URL.value(), "PYTHONPATH": str(ROOT)}


@contextmanager
def _inside(folder: Path):
    previous = Path.cwd()
    os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(previous)


def _run_in(folder: Path, corpus: Path, **options) -> list[dict]:
    with _inside(folder):
        return news_pipeline(inputs=[str(corpus)], lake_dir="lake", warehouse="news.duckdb", **options)


@pytest.fixture(scope="module")
def clean_run(prefect_harness, corpus, tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("clean")
    _run_in(folder, corpus)
    return folder


@pytest.fixture(scope="module")
def clean_tables(clean_run) -> dict:
    return contents(clean_run / "news.duckdb")


def _temporary_folder(stage: str) -> KillPoint:
    return lambda folder, lines, pid: any((folder / "lake").glob(f".tmp-{stage}-*"))


def _seconds_after_line(stage: str, seconds: float) -> KillPoint:
    seen: list[float] = []

    def reached(folder: Path, lines: list[str], pid: int) -> bool:
        if not seen and any(line.startswith(stage) for line in lines):
            seen.append(time.monotonic())
        return bool(seen) and time.monotonic() - seen[0] >= seconds

    return reached


def _inside_the_load(folder: Path, lines: list[str], pid: int) -> bool:
    """After validate, once the run has the warehouse file open (only the load writes it)."""
    if not any(line.startswith("validate") for line in lines):
        return False
    target = os.path.realpath(folder / "news.duckdb")
    for descriptor in Path(f"/proc/{pid}/fd").glob("*"):
        try:
            if os.readlink(descriptor) == target:
                return True
        except OSError:
            continue
    return False


KILL_POINTS: dict[str, KillPoint] = {
    "ingest": _temporary_folder("ingest"),
    "clean": _temporary_folder("clean"),
    "dedup": _temporary_folder("dedup"),
    "extract": _temporary_folder("extract"),
    # validate's temporary folder lives only while it writes two small files: kill inside its checks
    "validate": _seconds_after_line("extract", 2.0),
    "load": _inside_the_load,
}


def _run_killed(folder: Path, corpus: Path, env: dict, kill_point: KillPoint, *options: str) -> list[str]:
    """Start `vnnews run`, SIGKILL it at ``kill_point``; return the progress lines it printed."""
    process = subprocess.Popen(
        [sys.executable, "-m", "flows", "--input", str(corpus), "--lake", "lake", "--warehouse", "news.duckdb", *options],
        cwd=folder, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
    )
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.extend(process.stdout), daemon=True)
    reader.start()
    deadline = time.monotonic() + 300
    try:
        while not kill_point(folder, lines, process.pid):
            assert process.poll() is None, f"the run ended before the kill point; it printed {lines}"
            assert time.monotonic() < deadline, f"no kill point after 300 s; the run printed {lines}"
            time.sleep(0.005)
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait()
        reader.join(timeout=10)
    return lines


def _assert_rerun_builds_the_clean_tables(folder: Path, clean_tables: dict, corpus: Path, **options) -> None:
    _run_in(folder, corpus, **options)
    assert contents(folder / "news.duckdb") == clean_tables
    assert not list((folder / "lake").glob(".tmp-*")), "the killed run's temporary folders were left behind"


@pytest.mark.parametrize("stage", list(KILL_POINTS))
def test_a_run_killed_inside_a_stage_then_rerun_builds_the_clean_tables(stage, tmp_path, corpus, server_env, clean_tables):
    printed = _run_killed(tmp_path, corpus, server_env, KILL_POINTS[stage])
    assert not any(line.startswith(stage) for line in printed), f"{stage} had finished before the kill"
    _assert_rerun_builds_the_clean_tables(tmp_path, clean_tables, corpus)


def test_a_from_extract_rerun_killed_inside_extract_then_rerun_builds_the_clean_tables(
        tmp_path, corpus, server_env, clean_run, clean_tables):
    shutil.copytree(clean_run / "lake", tmp_path / "lake")
    shutil.copy2(clean_run / "news.duckdb", tmp_path / "news.duckdb")
    _run_killed(tmp_path, corpus, server_env, KILL_POINTS["extract"], "--from", "extract")
    _assert_rerun_builds_the_clean_tables(tmp_path, clean_tables, corpus, from_stage="extract")


def test_a_load_killed_while_updating_an_existing_warehouse_then_rerun_builds_the_clean_tables(
        tmp_path, corpus, server_env, clean_run, clean_tables):
    shutil.copy2(clean_run / "news.duckdb", tmp_path / "news.duckdb")
    _run_killed(tmp_path, corpus, server_env, KILL_POINTS["load"], "--reprocess")
    _assert_rerun_builds_the_clean_tables(tmp_path, clean_tables, corpus, reprocess=True)


FULL_DISK = """
import sys
import duckdb
from transforms.load import merge

def full_disk(*args, **kwargs):
    raise duckdb.IOException("IO Error: could not write to file: No space left on device")

merge._load_reference_tables = full_disk
from flows.cli import main
sys.exit(main(sys.argv[1:]))
"""


def test_a_full_disk_during_the_load_fails_the_run_in_one_clear_line(tmp_path, seed_inputs, server_env):
    # the command line's own log level, not the one the test session set for in-process flows
    env = {name: value for name, value in server_env.items() if name != "PREFECT_LOGGING_LEVEL"}
    result = subprocess.run(
        [sys.executable, "-c", FULL_DISK, "run", "--input", str(seed_inputs), "--lake", str(tmp_path / "lake"),
         "--warehouse", str(tmp_path / "news.duckdb")],
        env=env, capture_output=True, text=True, timeout=600,
    )
    assert result.returncode == 3  # not the data's fault: an internal error, in one line
    [line] = result.stderr.splitlines()
    assert line.startswith("vnnews run: internal error: load") and "No space left on device" in line, line
