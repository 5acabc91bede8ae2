"""The lake: each stage's datasets as Parquet under ``<lake>/<stage>/<dataset>/``.

A stage writes all its datasets into a temporary folder and renames it over the previous
output only when every shard is written, so a crashed or retried stage never leaves half a
dataset behind, and rerunning a stage replaces its output.
"""

from __future__ import annotations

import json
import shutil
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

REPORT_FILE = "_report.json"


@dataclass(frozen=True)
class Lake:
    root: Path

    def stage_dir(self, stage: str) -> Path:
        return self.root / stage

    def dataset_dir(self, stage: str, dataset: str) -> Path:
        return self.stage_dir(stage) / dataset

    def has_dataset(self, stage: str, dataset: str) -> bool:
        return any(self.dataset_dir(stage, dataset).glob("*.parquet"))

    def glob(self, stage: str, dataset: str) -> str:
        """A path pattern DuckDB's read_parquet understands."""
        return str(self.dataset_dir(stage, dataset) / "*.parquet")

    def read_table(self, stage: str, dataset: str) -> pa.Table:
        return pa.concat_tables(self.read_batches(stage, dataset), promote_options="permissive")

    def read_batches(self, stage: str, dataset: str) -> Iterator[pa.Table]:
        """One table per shard file, in shard order: memory stays bounded by a shard."""
        folder = self.dataset_dir(stage, dataset)
        if not folder.is_dir():
            raise FileNotFoundError(
                f"the lake has no {stage}/{dataset} dataset at {folder}: run the {stage} stage first"
            )
        for path in sorted(folder.glob("*.parquet")):
            yield pq.read_table(path)

    def read_report(self, stage: str) -> dict:
        return json.loads((self.stage_dir(stage) / REPORT_FILE).read_text(encoding="utf-8"))

    def holds(self, report: dict) -> bool:
        """Whether the stage's current output is the one ``report`` was written with."""
        try:
            return self.read_report(report["stage"]) == report
        except FileNotFoundError:
            return False

    def writer(self, stage: str) -> StageWriter:
        return StageWriter(self, stage)


class StageWriter:
    """Collects a stage's shards in a temporary folder; ``commit`` swaps it into place."""

    def __init__(self, lake: Lake, stage: str):
        self._final = lake.stage_dir(stage)
        self._tmp = lake.root / f".tmp-{stage}-{uuid.uuid4().hex[:8]}"
        self._tmp.mkdir(parents=True)
        self._shard_counts: dict[str, int] = {}

    def write(self, dataset: str, rows: pa.Table | Iterable[dict], schema: pa.Schema | None = None) -> int:
        """Write one shard of ``dataset`` and return its row count (empty shards still write a file,
        so every dataset exists with its schema)."""
        table = rows if isinstance(rows, pa.Table) else pa.Table.from_pylist(list(rows), schema=schema)
        index = self._shard_counts.get(dataset, 0)
        if index and table.num_rows == 0:
            return 0
        folder = self._tmp / dataset
        folder.mkdir(exist_ok=True)
        pq.write_table(table, folder / f"part-{index:05d}.parquet")
        self._shard_counts[dataset] = index + 1
        return table.num_rows

    def commit(self, report: dict) -> None:
        (self._tmp / REPORT_FILE).write_text(json.dumps(report, indent=2), encoding="utf-8")
        backup = self._final.with_name(f".old-{self._final.name}-{uuid.uuid4().hex[:8]}")
        if self._final.exists():
            self._final.rename(backup)
        self._tmp.rename(self._final)
        shutil.rmtree(backup, ignore_errors=True)

    def abort(self) -> None:
        shutil.rmtree(self._tmp, ignore_errors=True)

    def __enter__(self) -> StageWriter:
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is not None:
            self.abort()
