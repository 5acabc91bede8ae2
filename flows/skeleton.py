"""The one task skeleton every lake stage runs: read shards → transform → write atomically → report counts.

A stage is a declaration (``Stage``): which shards it maps over, the shard work (``Shards``: one
shard in, the tables to write and the counts out), what every shard shares, and its global step.
``run_stage_skeleton`` does the rest the same way for every stage: it opens the stage's
temporary output folder, maps the shard work over shard tasks (threads locally, Dask workers
with ``--runner dask``), writes each shard's tables as parts, runs the global step, and swaps the
output into the lake in one rename with the stage's report.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import pyarrow as pa
from prefect import task, unmapped
from prefect.tasks import exponential_backoff

from flows.errors import details, is_transient, shard_context
from flows.lake import Lake, write_part
from transforms.settings import Settings

log = logging.getLogger("vnnews")


class StageFailed(RuntimeError):
    """A failure caused by the data or the code, which a retry cannot fix."""


def _is_transient(task, task_run, state) -> bool:
    """Retry I/O trouble (locked warehouse, full disk, flaky share), never data or code errors."""
    error = state.result(raise_on_failure=False)
    return is_transient(error) and not isinstance(error, StageFailed)


RETRIES = dict(
    retries=3,
    retry_delay_seconds=exponential_backoff(backoff_factor=1),
    retry_jitter_factor=0.5,
    retry_condition_fn=_is_transient,
)



def stage_cache_key(context, parameters: dict) -> str:
    """The stage's output key (never the run id, but for validate, which is not cached): rerunning
    a flow after a failure finds the stages that completed Cached and reruns the rest."""
    return parameters["lake"].key(context.task.name)


CACHED_STAGE = dict(RETRIES, cache_key_fn=stage_cache_key, persist_result=True)

# One shard's work: (the shard, what every shard shares) → (tables to write by dataset, counts).
ShardWork = Callable[[object, tuple], tuple[dict[str, pa.Table], dict]]


@dataclass(frozen=True)
class Shards:
    """A map over shards: ``work`` reads one shard (a lake part, or a list of input files) and
    transforms it; a failure is reported as ``<stage> failed on shard N (its inputs)``."""

    name: str  # the shard task is "<name>-shard"
    stage: str
    work: ShardWork


@dataclass(frozen=True)
class StageRun:
    """What a stage's steps see: the run's settings and lake, the temporary output folder, and
    the stage task's own arguments (ingest's discovered files, validate's outcome)."""

    settings: Settings
    lake: Lake
    out: Path
    args: tuple


def _no_shards(run: StageRun) -> Sequence:
    return ()


def _nothing_shared(run: StageRun, shards: Sequence) -> tuple:
    return ()


@dataclass(frozen=True)
class Stage:
    """A lake stage, declared: ``finish`` is its global step after the map, writing what is
    global and returning the report's counts (``rows_in``, ``rows_out`` and any more)."""

    name: str
    finish: Callable[[StageRun, tuple, list[dict]], dict]
    shards: Callable[[StageRun], Sequence] = _no_shards
    map: Shards | None = None
    shared: Callable[[StageRun, Sequence], tuple] = _nothing_shared


@task(name="shard", **RETRIES)
def run_shard(shards: Shards, shard: str | Sequence[str], part: int, out_dir: str, shared: tuple) -> dict:
    """The shard half of the skeleton: read and transform the shard, write its tables as part ``part``."""
    with shard_context(shards.stage, part, [shard] if isinstance(shard, str) else shard):
        tables, counts = shards.work(shard, shared)
        for dataset, table in tables.items():
            write_part(out_dir, dataset, part, table)
        return counts


def map_shards(shards: Shards, inputs: Sequence, out_dir: Path, shared: tuple) -> list[dict]:
    """Run ``shards.work`` on every shard of ``inputs`` as shard tasks; their counts, in order."""
    shard_task = run_shard.with_options(name=f"{shards.name}-shard")
    return shard_task.map(unmapped(shards), inputs, range(len(inputs)), unmapped(str(out_dir)),
                          unmapped(shared)).result()


def run_stage_skeleton(stage: Stage, settings: Settings, lake: Lake, *args, started: float | None = None) -> dict:
    """Run ``stage`` into its temporary output folder and commit it to the lake; its report."""
    started = time.perf_counter() if started is None else started
    with lake.stage_output(stage.name) as out:
        run = StageRun(settings, lake, out.path, args)
        inputs = stage.shards(run)
        shared = stage.shared(run, inputs)
        results = map_shards(stage.map, inputs, out.path, shared) if stage.map else []
        _log_tracebacks(results)
        return out.commit(report(stage.name, started, **stage.finish(run, shared, results)))


def report(stage: str, started: float, rows_in: int, rows_out: int, **extra) -> dict:
    seconds = round(time.perf_counter() - started, 3)
    log.info("%-8s %7d in → %7d out  (%.1f s)", stage, rows_in, rows_out, seconds)
    return {
        "stage": stage,
        "rows_in": rows_in,
        "rows_out": rows_out,
        "seconds": seconds,
        "status": "completed",
        "finished_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        **extra,
    }


def total(results: list[dict], key: str) -> int:
    return sum(r[key] for r in results)


def _log_tracebacks(results: list[dict]) -> None:
    """Shards run in other processes with ``--runner dask``: they hand their documents'
    tracebacks back, and the run log is written here."""
    for trace in (t for r in results for t in r.get("tracebacks", ())):
        details.debug("%s", trace)
