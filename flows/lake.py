"""The lake: each stage's datasets as Parquet under ``<lake>/<stage>/<dataset>/part-NNNNN.parquet``.

A stage writes all its datasets into a temporary folder (shard tasks write their parts there,
possibly from other processes) and renames it over the previous output only when every shard
is written, so a crashed or retried stage never leaves half a dataset behind, and rerunning a
stage replaces its output.
"""

from __future__ import annotations

import json
import shutil
import uuid
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

REPORT_FILE = "_report.json"


def write_part(stage_tmp: Path | str, dataset: str, part: int, table: pa.Table) -> int:
    """Write shard ``part`` of ``dataset`` (empty shards too: every dataset keeps its schema)."""
    folder = Path(stage_tmp) / dataset
    folder.mkdir(parents=True, exist_ok=True)
    pq.write_table(table, folder / f"part-{part:05d}.parquet")
    return table.num_rows


@dataclass(frozen=True)
class Lake:
    root: Path

    def stage_dir(self, stage: str) -> Path:
        return self.root / stage

    def dataset_dir(self, stage: str, dataset: str) -> Path:
        return self.stage_dir(stage) / dataset

    def glob(self, stage: str, dataset: str) -> str:
        """A path pattern DuckDB's read_parquet understands."""
        return str(self.dataset_dir(stage, dataset) / "*.parquet")

    def parts(self, stage: str, dataset: str) -> list[Path]:
        folder = self.dataset_dir(stage, dataset)
        if not folder.is_dir():
            raise FileNotFoundError(
                f"the lake has no {stage}/{dataset} dataset at {folder}: run the {stage} stage first"
            )
        return sorted(folder.glob("*.parquet"))

    def read_table(self, stage: str, dataset: str, columns: list[str] | None = None) -> pa.Table:
        return pa.concat_tables(
            [pq.read_table(p, columns=columns) for p in self.parts(stage, dataset)], promote_options="permissive"
        )

    def read_report(self, stage: str) -> dict:
        return json.loads((self.stage_dir(stage) / REPORT_FILE).read_text(encoding="utf-8"))

    def holds(self, report: dict) -> bool:
        """Whether the stage's current output is the one ``report`` was written with."""
        try:
            return self.read_report(report["stage"]) == report
        except FileNotFoundError:
            return False

    def stage_output(self, stage: str) -> StageOutput:
        return StageOutput(self, stage)


class StageOutput:
    """A stage's temporary output folder; ``commit`` swaps it into place, leaving the context
    without committing throws it away."""

    def __init__(self, lake: Lake, stage: str):
        self._final = lake.stage_dir(stage)
        self.path = lake.root / f".tmp-{stage}-{uuid.uuid4().hex[:8]}"
        self.path.mkdir(parents=True)

    def commit(self, report: dict) -> None:
        (self.path / REPORT_FILE).write_text(json.dumps(report, indent=2), encoding="utf-8")
        backup = self._final.with_name(f".old-{self._final.name}-{uuid.uuid4().hex[:8]}")
        if self._final.exists():
            self._final.rename(backup)
        self.path.rename(self._final)
        shutil.rmtree(backup, ignore_errors=True)

    def __enter__(self) -> StageOutput:
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        shutil.rmtree(self.path, ignore_errors=True)
