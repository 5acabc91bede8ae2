"""The news-pipeline flow: ingest → clean → dedup → extract → validate → load.

Each stage is one task that reads the previous stage's datasets from the lake and writes its
own, so a run can start or stop at any stage (``from_stage`` / ``to_stage``) and a failed stage
can be rerun alone.
"""

from __future__ import annotations

from pathlib import Path

from prefect import flow
from prefect.runtime import flow_run

from flows.stages import clean, dedup, extract, ingest, load, validate
from transforms.settings import STAGES, Settings


def stages_between(from_stage: str, to_stage: str) -> tuple[str, ...]:
    for stage in (from_stage, to_stage):
        if stage not in STAGES:
            raise ValueError(f"unknown stage {stage!r}; stages are {', '.join(STAGES)}")
    first, last = STAGES.index(from_stage), STAGES.index(to_stage)
    if first > last:
        raise ValueError(f"--from {from_stage} comes after --to {to_stage}")
    return STAGES[first : last + 1]


@flow(name="news-pipeline")
def news_pipeline(
    inputs: list[str] = ["seeds/raw"],
    lake_dir: str = "data/lake",
    warehouse: str = "warehouse/news.duckdb",
    from_stage: str = "ingest",
    to_stage: str = "load",
) -> list[dict]:
    settings = Settings(inputs=tuple(inputs), lake_dir=Path(lake_dir), warehouse_path=Path(warehouse))
    selected = stages_between(from_stage, to_stage)
    run_id = str(flow_run.get_id())
    reports: list[dict] = []

    if "ingest" in selected:
        reports.append(ingest(settings))
    if "clean" in selected:
        reports.append(clean(settings))
    if "dedup" in selected:
        reports.append(dedup(settings))
    if "extract" in selected:
        reports.append(extract(settings))
    if "validate" in selected:
        reports.append(validate(settings, run_id))
    if "load" in selected:
        reports.append(load(settings, run_id, reports))
    return reports
