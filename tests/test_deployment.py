"""Deployments end to end, against a real Prefect server on 127.0.0.1 (no other network).

The server, the serve process and the worker are subprocesses in their own process groups (so
the flow-run processes they start go with them), killed in `finally` blocks whatever happens;
every wait is bounded and fails early, with the logs, if a subprocess dies. Runs are triggered
and followed through the server's REST API, as `prefect deployment run` does.
"""

from __future__ import annotations

import contextlib
import inspect
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import duckdb
import psutil  # locked: a dependency of distributed (prefect-dask)
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
TERMINAL = {"COMPLETED", "FAILED", "CRASHED", "CANCELLED"}
SERVER_START_TIMEOUT = 90
REGISTER_TIMEOUT = 60
RUN_TIMEOUT = 240


# -- subprocess helpers ------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _clean_env(home: Path, **extra: str) -> dict[str, str]:
    """This process's environment without any PREFECT_* setting, plus quiet offline ones."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env.update(
        PREFECT_HOME=str(home),
        PREFECT_SERVER_ANALYTICS_ENABLED="false",
        DO_NOT_TRACK="1",
        PREFECT_UI_ENABLED="false",
        PREFECT_LOGGING_LEVEL="WARNING",
        PREFECT_SERVER_LOGGING_LEVEL="WARNING",
        GX_ANALYTICS_ENABLED="false",
        HF_HUB_OFFLINE="1",
        PYTHONUNBUFFERED="1",
    )
    env.update(extra)
    return env


def _start(args: list[str], env: dict[str, str], log: Path, cwd: Path = ROOT) -> subprocess.Popen:
    with log.open("ab") as out:
        return subprocess.Popen(
            args, cwd=cwd, env=env, stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT,
            start_new_session=True,  # own process group: the flow-run children die with it
        )


def _stop(process: subprocess.Popen) -> None:
    """SIGTERM the process group and every descendant (a worker starts flow runs in sessions of
    their own), SIGKILL whatever is left after 15 s."""
    try:
        family = [psutil.Process(process.pid)]
        family += family[0].children(recursive=True)
    except psutil.NoSuchProcess:
        family = []
    for member in family:
        try:
            member.terminate()
        except psutil.NoSuchProcess:
            pass
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGTERM)
    _, alive = psutil.wait_procs(family, timeout=15)
    for member in alive:
        with contextlib.suppress(psutil.NoSuchProcess):
            member.kill()
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGKILL)
    psutil.wait_procs(alive, timeout=5)
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.wait(timeout=5)


def _tail(log: Path, lines: int = 40) -> str:
    text = log.read_text(errors="replace") if log.exists() else "(no log)"
    return f"--- {log.name} ---\n" + "\n".join(text.splitlines()[-lines:])


def _wait_for(check: Callable[[], object], timeout: float, what: str,
              watched: dict[subprocess.Popen, Path], interval: float = 1.0):
    """Poll `check` until it returns a truthy value; fail early if a watched process exits."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = check()
        if result:
            return result
        for process, log in watched.items():
            if process.poll() is not None:
                pytest.fail(f"{what}: process exited with {process.returncode}\n{_tail(log)}")
        time.sleep(interval)
    pytest.fail(f"timed out after {timeout:.0f} s waiting for {what}\n"
                + "\n".join(_tail(log) for log in watched.values()))


def _api(api_url: str, method: str, path: str, body: dict | None = None):
    """One JSON request to the server; None on a 404 or a connection error."""
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(f"{api_url}{path}", data=data, method=method,
                                     headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return json.loads(response.read() or b"null")
    except urllib.error.HTTPError as error:
        if error.code == 404:
            return None
        raise AssertionError(f"{method} {path} → {error.code}: {error.read()[:500]!r}") from error
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def _run_deployment(api_url: str, deployment: str, watched: dict[subprocess.Popen, Path],
                    parameters: dict | None = None) -> dict:
    """Wait for `flow/deployment` to exist, start a run of it, and return the finished run."""
    flow_name, name = deployment.split("/")
    found = _wait_for(lambda: _api(api_url, "GET", f"/deployments/name/{flow_name}/{name}"),
                      REGISTER_TIMEOUT, f"deployment {deployment} to be registered", watched)
    body = {} if parameters is None else {"parameters": parameters}
    run = _api(api_url, "POST", f"/deployments/{found['id']}/create_flow_run", body)
    assert run and run.get("id"), run

    def finished():
        current = _api(api_url, "GET", f"/flow_runs/{run['id']}")
        state = (current or {}).get("state") or {}
        return current if state.get("type") in TERMINAL else None

    return _wait_for(finished, RUN_TIMEOUT, f"flow run of {deployment} to finish", watched, interval=2)


def _state(run: dict) -> str:
    state = run["state"]
    return f"{state['type']} ({state.get('name')}): {state.get('message')}"


# -- fixtures ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[dict]:
    """`prefect server start` on a free loopback port, with its own PREFECT_HOME and SQLite file."""
    home = tmp_path_factory.mktemp("prefect-server")
    port = _free_port()
    env = _clean_env(
        home,
        PREFECT_SERVER_DATABASE_CONNECTION_URL=f"sqlite+aiosqlite:///{home / 'prefect.db'}",
    )
    log = home / "server.log"
    process = _start([PYTHON, "-m", "prefect", "server", "start", "--host", "127.0.0.1",
                      "--port", str(port)], env, log)
    api_url = f"http://127.0.0.1:{port}/api"
    try:
        _wait_for(lambda: _api(api_url, "GET", "/health") is True, SERVER_START_TIMEOUT,
                  "the Prefect server's /api/health", {process: log})
        yield {"api_url": api_url, "process": process, "log": log}
    finally:
        _stop(process)


def _client_env(server: dict, home: Path) -> dict[str, str]:
    return _clean_env(home, PREFECT_API_URL=server["api_url"], PREFECT_RUNNER_POLL_FREQUENCY="2")


def _article_count(warehouse: Path) -> int:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return con.execute("SELECT count(*) FROM articles").fetchall()[0][0]


# -- tests -------------------------------------------------------------------------------------


def test_serve_runs_the_pipeline_on_demand(server, seed_inputs, tmp_path):
    """serve() registers news-pipeline/<name> with its cron and parameters and runs it when asked,
    again and again (a rerun over the same inputs adds nothing)."""
    lake, warehouse = tmp_path / "lake", tmp_path / "warehouse" / "news.duckdb"
    call = (
        "from flows.deployment import serve; "
        f"serve(cron='30 5 * * *', name='ci', inputs=[{str(seed_inputs)!r}], "
        f"lake_dir={str(lake)!r}, warehouse={str(warehouse)!r})"
    )
    log = tmp_path / "serve.log"
    process = _start([PYTHON, "-c", call], _client_env(server, tmp_path / "prefect-client"), log)
    watched = {process: log, server["process"]: server["log"]}
    try:
        run = _run_deployment(server["api_url"], "news-pipeline/ci", watched)
        assert run["state"]["type"] == "COMPLETED", f"{_state(run)}\n{_tail(log)}"

        deployment = _api(server["api_url"], "GET", f"/deployments/{run['deployment_id']}")
        assert [s["schedule"].get("cron") for s in deployment["schedules"]] == ["30 5 * * *"]
        assert run["parameters"] == {
            "inputs": [str(seed_inputs)], "lake_dir": str(lake), "warehouse": str(warehouse),
        }
        # The next day's run over the same inputs, into the now non-empty warehouse.
        rerun = _run_deployment(server["api_url"], "news-pipeline/ci", watched)
        assert rerun["state"]["type"] == "COMPLETED", f"{_state(rerun)}\n{_tail(log)}"
    finally:
        _stop(process)
    assert _article_count(warehouse) == 5


def test_prefect_yaml_deploys_and_a_process_worker_runs_it(server, seed_inputs, tmp_path):
    """`prefect deploy` of prefect.yaml registers news-pipeline/daily on pool vnnews-local, and a
    process worker started outside the repo runs it there (pull step) — here only the ingest stage,
    on a copy of the seeds, so the repo's data/ and warehouse/ stay untouched."""
    spec = yaml.safe_load((ROOT / "prefect.yaml").read_text(encoding="utf-8"))
    (daily,) = spec["deployments"]
    pool = daily["work_pool"]["name"]
    from flows.pipeline import news_pipeline

    flow_parameters = inspect.signature(news_pipeline.fn).parameters
    assert set(daily["parameters"]) <= set(flow_parameters), "prefect.yaml passes unknown parameters"
    env = _client_env(server, tmp_path / "prefect-client")

    def prefect(*args: str) -> str:
        done = subprocess.run([PYTHON, "-m", "prefect", *args], cwd=ROOT, env=env, capture_output=True,
                              text=True, timeout=120, stdin=subprocess.DEVNULL)
        assert done.returncode == 0, f"prefect {' '.join(args)}:\n{done.stdout}\n{done.stderr}"
        return done.stdout

    prefect("work-pool", "create", pool, "--type", "process", "--overwrite")
    prefect("deploy", "--all", "--prefect-file", "prefect.yaml", "--no-prompt")

    log = tmp_path / "worker.log"
    elsewhere = tmp_path / "worker-cwd"
    elsewhere.mkdir()
    worker = _start([PYTHON, "-m", "prefect", "worker", "start", "--pool", pool, "--type", "process"],
                    {**env, "PREFECT_WORKER_QUERY_SECONDS": "2"}, log, cwd=elsewhere)
    lake = tmp_path / "lake"
    watched = {worker: log, server["process"]: server["log"]}
    try:
        run = _run_deployment(
            server["api_url"], f"news-pipeline/{daily['name']}", watched,
            parameters={"inputs": [str(seed_inputs)], "lake_dir": str(lake),
                        "warehouse": str(tmp_path / "unused.duckdb"), "to_stage": "ingest"},
        )
        assert run["state"]["type"] == "COMPLETED", f"{_state(run)}\n{_tail(log)}"
        deployment = _api(server["api_url"], "GET", f"/deployments/{run['deployment_id']}")
        assert deployment["work_pool_name"] == pool
        assert [s["schedule"].get("cron") for s in deployment["schedules"]] == ["0 6 * * *"]
        assert deployment["pull_steps"] == [
            {"prefect.deployments.steps.set_working_directory": {"directory": str(ROOT)}}
        ]
    finally:
        _stop(worker)
    assert any(lake.rglob("*.parquet")), "the ingest stage wrote nothing to the lake"
