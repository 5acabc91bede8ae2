"""Which lake output each stage of a run reads and writes: the stages' keys.

A key hashes everything the output depends on. ``lookup`` hashes the run's input files (path,
size, modification time) and its settings; ingest's key adds the warehouse state (ingest and
dedup read it) and ingest's code version; each later stage's key hashes its predecessor's key
and its own code version, validate's also the run id (its results carry it). A stage's code
version covers the project modules its task imports (flows/code_version.py), so a change in
extract's code keys new extract, validate and load outputs and leaves ingest, clean and dedup
cached. From a later stage (``--from``), the earlier stages' keys are those of the latest output
of the stage before it with the same lookup, built by the same code.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path

from flows import stages
from flows.code_version import code_version, modules_referred_to
from flows.lake import Lake, latest_lineage
from flows.skeleton import StageFailed
from transforms.settings import PROJECT_DIR, STAGES, Settings

# The load writes the warehouse, not the lake.
LAKE_STAGES = STAGES[:-1]


def _fingerprint(paths: Iterable[Path]) -> str:
    digest = hashlib.sha256()
    for path in sorted(paths):
        try:
            stat = path.stat()
            state = f"{stat.st_size}|{stat.st_mtime_ns}"
        except OSError:  # a broken link or a vanished file: ingest quarantines it
            state = "unreadable"
        digest.update(os.fsencode(path) + f"|{state}\n".encode())
    return digest.hexdigest()


def _key(*parts: str) -> str:
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:24]


def stage_code_versions(reference_dir: Path, project: Path = PROJECT_DIR) -> dict[str, str]:
    """Each lake stage's code version: the modules its task refers to and all they import, the
    stage declarations (flows/stages.py) and, when its code reads them, the reference CSVs."""
    declarations = Path(stages.__file__)
    return {
        stage: code_version(modules_referred_to([stages.STAGE_TASKS[stage]], project), project, reference_dir,
                            also=[declarations])
        for stage in LAKE_STAGES
    }


def plan_lake(settings: Settings, files: Sequence[str], from_stage: str, run_id: str) -> Lake:
    """The output folder of each stage of this run (flows/lake.py), for the discovered ``files``."""
    code = stage_code_versions(settings.reference_dir)
    lookup = _key(_fingerprint(Path(f) for f in files), repr(replace(settings, lake_dir=Path())))
    first = STAGES.index(from_stage)
    if first == 0:
        warehouse = _fingerprint([settings.warehouse_path]) if settings.warehouse_path.exists() else "new"
        keys = {"ingest": _key("ingest", lookup, warehouse, code["ingest"])}
    else:
        previous = STAGES[first - 1]
        keys = latest_lineage(settings.lake_dir, previous, lookup, code)
        if keys is None:
            raise StageFailed(
                f"--from {from_stage}: {settings.lake_dir} has no {previous} output for these inputs, settings and "
                "code (a change to any of them needs the earlier stages again): run from an earlier stage"
            )
    for index in range(len(keys), len(LAKE_STAGES)):
        stage = LAKE_STAGES[index]
        keys[stage] = _key(stage, keys[LAKE_STAGES[index - 1]], code[stage], run_id if stage == "validate" else "")
    return Lake(settings.lake_dir, tuple(keys.items()), lookup, tuple(code.items()))
