"""The news-pipeline flow: ingest → clean → dedup → extract → validate → load.

Each stage is one task (flows/stages.py, run by the one skeleton of flows/skeleton.py) that
reads the previous stage's datasets from the lake and writes its own, under keys that belong to
this run's inputs and code (flows/planning.py, flows/lake.py), so a run
can start or stop at any stage (``from_stage`` / ``to_stage``), a failed stage can be rerun
alone, and runs sharing a lake never read each other's outputs.
"""

from __future__ import annotations

import os
from functools import partial
from pathlib import Path

from prefect import Flow, flow
from prefect.runtime import flow_run
from prefect.task_runners import ThreadPoolTaskRunner

from flows.artifacts import publish_run_summary
from flows.errors import ShardFailed, StageError, one_line
from flows.lake import Lake, tidy_lake
from flows.lock import lake_lock, warehouse_lock
from flows.planning import plan_lake
from flows.stages import StageFailed, clean, dedup, extract, ingest, load, validate
from transforms.ingest import discover
from transforms.settings import STAGES, Settings
from transforms.warehouse import WarehouseInUse


def stages_between(from_stage: str, to_stage: str) -> tuple[str, ...]:
    for stage in (from_stage, to_stage):
        if stage not in STAGES:
            raise ValueError(f"unknown stage {stage!r}; stages are {', '.join(STAGES)}")
    first, last = STAGES.index(from_stage), STAGES.index(to_stage)
    if first > last:
        raise ValueError(f"--from {from_stage} comes after --to {to_stage}")
    return STAGES[first : last + 1]


def run_stage(stage_task, settings: Settings, lake: Lake, *args, refresh: bool = False) -> dict:
    """Run one stage task and return its report, marked ``cached`` when Prefect reused an
    earlier run's result. A cached result only stands while the lake still holds the output
    it describes (tidying may have removed it since). A failure is raised naming the stage."""
    state = stage_task.with_options(refresh_cache=refresh)(settings, lake, *args, return_state=True)
    try:
        report = state.result()
    except (ShardFailed, StageFailed, WarehouseInUse):
        raise
    except Exception as error:
        raise StageError(stage_task.name, one_line(error)) from error
    if state.name != "Cached":
        return report
    if lake.holds(report):
        return {**report, "status": "cached"}
    return run_stage(stage_task, settings, lake, *args, refresh=True)


# Shard tasks run on threads locally (NumPy, Arrow and DuckDB release the GIL); one per core
# keeps memory bounded by that many shards.
@flow(name="news-pipeline", task_runner=ThreadPoolTaskRunner(max_workers=os.cpu_count() or 2))
def news_pipeline(
    inputs: list[str] | None = None,
    lake_dir: str = "data/lake",
    warehouse: str = "warehouse/news.duckdb",
    from_stage: str = "ingest",
    to_stage: str = "load",
    reprocess: bool = False,
    wait_seconds: float = 0,
    shard_size: int = Settings.shard_size,
    wait_readers: float = 60,
) -> list[dict]:
    """``inputs`` defaults to the bundled seeds; ``reprocess`` ingests documents the warehouse
    already has; ``wait_seconds`` is how long to wait for another run holding the warehouse,
    ``wait_readers`` how long the load waits for other processes reading it to close it.
    The inputs are discovered once, here, and the list handed to the planning and to ingest."""
    settings = Settings(
        inputs=tuple(inputs or Settings.inputs), lake_dir=Path(lake_dir), warehouse_path=Path(warehouse),
        reprocess=reprocess, shard_size=shard_size,
    )
    selected = stages_between(from_stage, to_stage)
    run_id = str(flow_run.get_id())
    reports: list[dict] = []

    # Starting later than ingest means "redo from there": don't reuse cached results.
    refresh = from_stage != STAGES[0]

    with (
        warehouse_lock(settings.warehouse_path, wait_seconds),
        lake_lock(settings.lake_dir, tidy=partial(tidy_lake, settings.lake_dir)),
    ):
        files = discover(settings.inputs)
        lake = plan_lake(settings, files, from_stage, run_id)
        if "ingest" in selected:
            reports.append(run_stage(ingest, settings, lake, files, refresh=refresh))
            if reports[-1]["rows_out"] == 0 and reports[-1]["quarantined"] == 0:
                selected = ()  # nothing new landed: the warehouse stays exactly as it is
        if "clean" in selected:
            reports.append(run_stage(clean, settings, lake, refresh=refresh))
        if "dedup" in selected:
            reports.append(run_stage(dedup, settings, lake, refresh=refresh))
        if "extract" in selected:
            reports.append(run_stage(extract, settings, lake, refresh=refresh))
        if "validate" in selected:
            reports.append(run_stage(validate, settings, lake, run_id))
        if "load" in selected:
            reports.append(run_stage(load, settings, lake, run_id, reports, wait_readers))

    publish_run_summary(reports)
    return reports


def with_runner(runner: str = "local", dask_address: str | None = None) -> Flow:
    """The flow with its shard tasks on local threads, or on Dask: a LocalCluster of one
    process per core, or the scheduler at ``dask_address``."""
    if runner == "local":
        return news_pipeline
    from flows.dask_runner import dask_runner

    return news_pipeline.with_options(task_runner=dask_runner(dask_address))
