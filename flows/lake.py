"""The lake: each stage's datasets as Parquet under ``<lake>/<stage>/<key>/<dataset>/part-NNNNN.parquet``.

Stage outputs are content-addressed: ``key`` hashes everything the output depends on (for
ingest the input files, the warehouse state, the code and the settings; for a later stage its
predecessor's key and its code), so a stage reads only what its predecessor wrote for the same inputs, two
runs with different inputs never touch each other's outputs, and an output is never changed
once written. Each output folder records its ``_lineage.json`` (the run's lookup key, the
keys of the outputs it was built from and the code versions that built them), which is how
``--from STAGE`` finds the earlier stages' outputs (flows/planning.py makes the keys).

A stage writes all its datasets into ``<lake>/.tmp-<stage>-*`` (shard tasks write their parts
there, possibly from other processes) and renames it to its key folder only when every shard
is written, so a crashed or retried stage never leaves half a dataset behind. If the key
folder exists already (another run with the same inputs got there first), that one is kept.

Runs share the lake under a shared lock (flows/lock.py); ``tidy_lake`` runs only while no run holds
it: it removes the temporary folders of killed runs and all but the ``KEEP_OUTPUTS`` most recent
outputs of each stage (plus the outputs those were built from).
"""

from __future__ import annotations

import json
import shutil
import uuid
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from transforms.settings import STAGES

REPORT_FILE = "_report.json"
LINEAGE_FILE = "_lineage.json"
TEMPORARY_PREFIXES = (".tmp-", ".old-")  # .old-: the backups of the former replace-in-place layout
KEEP_OUTPUTS = 3


def write_part(stage_tmp: Path | str, dataset: str, part: int, table: pa.Table) -> int:
    """Write shard ``part`` of ``dataset`` (empty shards too: every dataset keeps its schema)."""
    folder = Path(stage_tmp) / dataset
    folder.mkdir(parents=True, exist_ok=True)
    pq.write_table(table, folder / f"part-{part:05d}.parquet")
    return table.num_rows


@dataclass(frozen=True)
class Lake:
    """One run's view of the lake: ``keys`` names the output folder of each of its stages."""

    root: Path
    keys: tuple[tuple[str, str], ...] = ()
    lookup: str = ""
    code: tuple[tuple[str, str], ...] = ()  # each stage's code version (flows/planning.py)

    def key(self, stage: str) -> str:
        try:
            return dict(self.keys)[stage]
        except KeyError:
            raise KeyError(f"this run has no {stage} output in the lake") from None

    def stage_dir(self, stage: str) -> Path:
        return self.root / stage / self.key(stage)

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
        """Whether this run's output of the stage is the one ``report`` was written with (a
        cached result outlives an output that ``tidy_lake`` removed)."""
        try:
            return self.read_report(report["stage"]) == report
        except FileNotFoundError:
            return False

    def lineage(self, stage: str) -> dict[str, str]:
        """The keys of this run's outputs up to and including ``stage``."""
        return {s: k for s, k in self.keys if STAGES.index(s) <= STAGES.index(stage)}

    def stage_output(self, stage: str) -> StageOutput:
        return StageOutput(self, stage)


def latest_lineage(root: Path, stage: str, lookup: str, code: dict[str, str]) -> dict[str, str] | None:
    """The keys behind the most recent ``stage`` output written for ``lookup`` by the stages'
    current ``code`` versions, if any."""
    return next((lineage["keys"] for lineage in _lineages_newest_first(Path(root) / stage)
                 if lineage["lookup"] == lookup
                 and all(lineage.get("code", {}).get(built) == code.get(built) for built in lineage["keys"])), None)


def _lineages_newest_first(stage_dir: Path) -> list[dict]:
    found = []
    for path in stage_dir.glob(f"*/{LINEAGE_FILE}"):
        try:
            found.append((path.stat().st_mtime_ns, json.loads(path.read_text(encoding="utf-8"))))
        except (OSError, ValueError):
            continue  # not a committed output: tidy_lake removes it
    found.sort(key=lambda entry: entry[0], reverse=True)
    return [lineage for _, lineage in found]


class StageOutput:
    """A stage's temporary output folder; ``commit`` renames it to the stage's key folder,
    leaving the context without committing throws it away."""

    def __init__(self, lake: Lake, stage: str):
        self._lake, self._stage = lake, stage
        self._final = lake.stage_dir(stage)
        self.path = lake.root / f".tmp-{stage}-{uuid.uuid4().hex[:8]}"
        self.path.mkdir(parents=True)

    def commit(self, report: dict) -> dict:
        """Put the output in place and return the report of the output the lake now holds:
        ``report``, or the one of the identical output another run committed first."""
        (self.path / REPORT_FILE).write_text(json.dumps(report, indent=2), encoding="utf-8")
        keys = self._lake.lineage(self._stage)
        code = {stage: version for stage, version in self._lake.code if stage in keys}
        lineage = {"lookup": self._lake.lookup, "keys": keys, "code": code}
        (self.path / LINEAGE_FILE).write_text(json.dumps(lineage, indent=2), encoding="utf-8")
        self._final.parent.mkdir(parents=True, exist_ok=True)
        try:
            self.path.rename(self._final)
        except OSError:
            if not (self._final / LINEAGE_FILE).is_file():
                raise
            return self._lake.read_report(self._stage)  # the same key: the same content
        return report

    def __enter__(self) -> StageOutput:
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        shutil.rmtree(self.path, ignore_errors=True)


def tidy_lake(root: Path, keep: int = KEEP_OUTPUTS) -> None:
    """Remove killed runs' temporary folders, and every stage output but the ``keep`` most
    recent of each stage and those they were built from. Only while no run uses the lake."""
    root = Path(root)
    if not root.is_dir():
        return
    for entry in root.iterdir():
        if entry.name.startswith(TEMPORARY_PREFIXES):
            shutil.rmtree(entry, ignore_errors=True)
    kept = {
        (stage, key)
        for newest in STAGES
        for lineage in _lineages_newest_first(root / newest)[:keep]
        for stage, key in lineage["keys"].items()
    }
    for stage in STAGES:
        folder = root / stage
        for entry in folder.iterdir() if folder.is_dir() else ():
            if (stage, entry.name) in kept:
                continue
            if entry.is_dir():  # an old output, or a dataset of the former unkeyed layout
                shutil.rmtree(entry, ignore_errors=True)
            else:
                entry.unlink(missing_ok=True)

