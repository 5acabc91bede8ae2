"""Run the news-pipeline flow on a schedule from one long-lived process (`vnnews serve`).

`serve()` registers the deployment `news-pipeline/<name>` with the Prefect API in
PREFECT_API_URL and then polls it: each scheduled or manually triggered run
(`prefect deployment run 'news-pipeline/<name>'`) executes in a child process of this one, in
this process's working directory, which relative input, lake and warehouse paths start from.
Stop it with Ctrl-C (the deployment's schedule is then paused). For a server + work pool + worker set-up, see
prefect.yaml.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from flows import environment
from transforms.settings import Settings

DEFAULTS = Settings()


def serve(
    cron: str = "0 6 * * *",
    name: str = "daily",
    inputs: Sequence[str] | None = None,
    lake_dir: str | Path = DEFAULTS.lake_dir,
    warehouse: str | Path = DEFAULTS.warehouse_path,
) -> None:
    """Serve `news_pipeline` as deployment `news-pipeline/<name>` on `cron` until interrupted."""
    environment.configure()  # before Prefect is imported; explicit environment variables win
    from flows.pipeline import news_pipeline

    news_pipeline.serve(
        name=name,
        cron=cron,
        parameters={
            "inputs": [str(path) for path in (inputs or DEFAULTS.inputs)],
            "lake_dir": str(lake_dir),
            "warehouse": str(warehouse),
        },
        description="Daily ingest → clean → dedup → extract → validate → load into DuckDB.",
    )
