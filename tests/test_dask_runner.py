"""`vnnews run --runner dask` against a scheduler it did not start: quiet, and nothing left behind."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import psutil  # locked: a dependency of distributed (prefect-dask)
import pytest

from tests.conftest import ROOT, SEEDS

BIN = Path(sys.executable).parent


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_for_workers(address: str, count: int, timeout: float = 180) -> None:
    from distributed import Client

    with Client(address, timeout=timeout) as client:
        client.wait_for_workers(count, timeout=timeout)


@pytest.fixture()
def external_cluster(tmp_path):
    """A `dask scheduler` and a `dask worker --nworkers 2` on loopback, as a user would start them."""
    address = f"tcp://127.0.0.1:{_free_port()}"
    quiet = {**os.environ, "PYTHONPATH": str(ROOT)}
    logs = (tmp_path / "scheduler.log").open("w"), (tmp_path / "worker.log").open("w")
    scheduler = subprocess.Popen(
        [BIN / "dask", "scheduler", "--host", "127.0.0.1", "--port", address.rsplit(":", 1)[1],
         "--dashboard-address", "127.0.0.1:0"], stdout=logs[0], stderr=subprocess.STDOUT, env=quiet, cwd=ROOT,
    )
    worker = subprocess.Popen(
        [BIN / "dask", "worker", address, "--nworkers", "2", "--nthreads", "1", "--host", "127.0.0.1",
         "--no-dashboard"], stdout=logs[1], stderr=subprocess.STDOUT, env=quiet, cwd=ROOT,
    )
    try:
        _wait_for_workers(address, 2)
        yield address, psutil.Process(worker.pid)
    finally:
        for process in (worker, scheduler):
            process.terminate()
            process.wait(timeout=60)
        for log in logs:
            log.close()


def _descendants(process: psutil.Process) -> set[int]:
    return {child.pid for child in process.children(recursive=True) if child.is_running()}


def test_an_external_cluster_run_is_quiet_and_leaves_no_process_behind(external_cluster, tmp_path):
    address, workers = external_cluster
    before = {p.pid for p in psutil.process_iter()}
    worker_children_before = _descendants(workers)

    result = subprocess.run(
        [BIN / "vnnews", "run", "--input", str(SEEDS), "--lake", str(tmp_path / "lake"),
         "--warehouse", str(tmp_path / "news.duckdb"), "--to", "clean",
         "--runner", "dask", "--dask-address", address],
        capture_output=True, text=True, cwd=ROOT, timeout=900,
    )
    assert result.returncode == 0, result.stderr
    output = result.stdout + result.stderr
    assert "distributed." not in output and "INFO" not in output, output
    assert "clean " in result.stdout  # the stage progress lines are still there

    time.sleep(2)  # a process the run started gets a moment to exit before it counts as left behind
    new = [p for p in psutil.process_iter() if p.pid not in before and p.is_running()
           and p.status() != psutil.STATUS_ZOMBIE]
    # Other programs share the machine: what counts is under the workers or runs this checkout's code.
    ours = {p.pid: " ".join(p.cmdline()) for p in new if p.pid in _descendants(workers) or str(ROOT) in " ".join(p.cmdline())}
    assert not ours, f"left running after the run: {ours}"
    assert _descendants(workers) == worker_children_before  # no temporary Prefect server under a worker
