"""One Prefect task per stage. Each reads its input datasets from the lake, calls the pure
transforms shard by shard, and swaps its output datasets into the lake in one rename."""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime, timezone
from pathlib import Path

import duckdb
import pyarrow as pa
from prefect import task
from prefect.tasks import exponential_backoff

from flows.artifacts import publish_validation
from flows.lake import REPORT_FILE, Lake
from transforms import clean as cleaning
from transforms import dedup as deduplication
from transforms import extract as extraction
from transforms import ingest as ingestion
from transforms import load as loading
from transforms import schemas
from transforms import validate as validation
from transforms.reference import load_reference
from transforms.settings import Settings

log = logging.getLogger("vnnews")


class StageFailed(RuntimeError):
    """A failure caused by the data or the code, which a retry cannot fix."""


def _is_transient(task, task_run, state) -> bool:
    """Retry I/O trouble (locked warehouse, full disk, flaky share), never data or code errors."""
    error = state.result(raise_on_failure=False)
    return isinstance(error, (OSError, TimeoutError, duckdb.IOException)) and not isinstance(error, StageFailed)


STAGE_TASK = dict(
    retries=3,
    retry_delay_seconds=exponential_backoff(backoff_factor=1),
    retry_jitter_factor=0.5,
    retry_condition_fn=_is_transient,
)

# What a stage's output depends on besides its inputs: the code and the reference data.
_CODE_PATHS = ("transforms/*.py", "seeds/reference/*.csv")
# The datasets each cached stage reads; the warehouse counts for the stages that consult it.
_UPSTREAM = {"ingest": (), "clean": ("ingest",), "dedup": ("clean",), "extract": ("clean", "dedup")}


def _fingerprint(paths: Iterable[Path]) -> str:
    digest = hashlib.sha256()
    for path in sorted(paths):
        stat = path.stat()
        digest.update(f"{path}|{stat.st_size}|{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def _code_version() -> str:
    root = Path(__file__).resolve().parents[1]
    digest = hashlib.sha256()
    for pattern in _CODE_PATHS:
        for path in sorted(root.glob(pattern)):
            digest.update(path.read_bytes())
    return digest.hexdigest()


def stage_cache_key(context, parameters: dict) -> str:
    """Input datasets + code + settings, never the run id: rerunning a flow after a failure
    finds the stages that completed Cached and reruns the rest."""
    settings: Settings = parameters["settings"]
    stage = context.task.name
    lake = Lake(settings.lake_dir)
    if stage == "ingest":
        inputs = _fingerprint(Path(f) for f in ingestion.discover(settings.inputs))
    else:
        inputs = _fingerprint(lake.stage_dir(s) / REPORT_FILE for s in _UPSTREAM[stage])
    warehouse = _fingerprint([settings.warehouse_path]) if settings.warehouse_path.exists() else "new"
    return hashlib.sha256(
        "|".join([stage, inputs, warehouse, _code_version(), repr(settings)]).encode()
    ).hexdigest()


CACHED_STAGE_TASK = dict(STAGE_TASK, cache_key_fn=stage_cache_key, persist_result=True)


def _shards(items: Sequence, size: int) -> Iterator[Sequence]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _report(stage: str, started: float, rows_in: int, rows_out: int, **extra) -> dict:
    seconds = round(time.perf_counter() - started, 3)
    log.info("%-8s %6d in → %6d out  (%.1f s)", stage, rows_in, rows_out, seconds)
    return {
        "stage": stage,
        "rows_in": rows_in,
        "rows_out": rows_out,
        "seconds": seconds,
        "status": "completed",
        "finished_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        **extra,
    }


@task(name="ingest", **CACHED_STAGE_TASK)
def ingest(settings: Settings) -> dict:
    started = time.perf_counter()
    lake = Lake(settings.lake_dir)
    files = ingestion.discover(settings.inputs)
    if not files:
        raise StageFailed(f"no input files found under {', '.join(settings.inputs)}")
    known_hashes = set() if settings.reprocess else loading.read_known_hashes(settings.warehouse_path)
    rows_out = quarantined = skipped = 0
    seen_ids: set[str] = set()
    with lake.writer("ingest") as out:
        for shard in _shards(files, settings.shard_size):
            documents, quarantine = ingestion.read_documents(shard)
            new_documents = [d for d in documents if d["sha256"] not in known_hashes]
            skipped += len(documents) - len(new_documents)
            new_documents = ingestion.make_ids_unique(new_documents, seen_ids)
            rows_out += out.write("documents", schemas.to_table(new_documents, schemas.DOCUMENTS))
            quarantined += out.write("quarantine", schemas.to_table(quarantine, schemas.QUARANTINE))
        if skipped:
            log.info("ingest   %d document(s) already in the warehouse skipped (--reprocess to redo them)", skipped)
        report = _report("ingest", started, len(files), rows_out, quarantined=quarantined, skipped=skipped)
        out.commit(report)
    return report


@task(name="clean", **CACHED_STAGE_TASK)
def clean(settings: Settings) -> dict:
    started = time.perf_counter()
    lake = Lake(settings.lake_dir)
    reference = load_reference(settings.reference_dir)
    rows_in = rows_out = quarantined = 0
    with lake.writer("clean") as out:
        for batch in lake.read_batches("ingest", "documents"):
            for shard in _shards(batch.to_pylist(), settings.shard_size):
                cleaned, quarantine = cleaning.clean_documents(shard, reference)
                rows_in += len(shard)
                rows_out += out.write("cleaned", schemas.to_table(cleaned, schemas.CLEANED))
                quarantined += out.write("quarantine", schemas.to_table(quarantine, schemas.QUARANTINE))
        report = _report("clean", started, rows_in, rows_out, quarantined=quarantined)
        out.commit(report)
    return report


@task(name="dedup", **CACHED_STAGE_TASK)
def dedup(settings: Settings) -> dict:
    started = time.perf_counter()
    lake = Lake(settings.lake_dir)
    known = loading.read_known_signatures(settings.warehouse_path)
    with lake.writer("dedup") as out:
        signatures = [
            deduplication.compute_signatures(batch.to_pylist(), settings.dedup)
            for batch in lake.read_batches("clean", "cleaned")
        ]
        new_signatures = pa.concat_tables(signatures, promote_options="permissive")
        duplicates = deduplication.match_signatures(new_signatures, settings.dedup, known)
        out.write("signatures", new_signatures)
        out.write("duplicates", schemas.to_table(duplicates, schemas.DUPLICATES))
        report = _report("dedup", started, new_signatures.num_rows, len(duplicates))
        out.commit(report)
    return report


@task(name="extract", **CACHED_STAGE_TASK)
def extract(settings: Settings) -> dict:
    started = time.perf_counter()
    lake = Lake(settings.lake_dir)
    gazetteer = extraction.Gazetteer.from_reference(load_reference(settings.reference_dir))
    duplicate_ids = set(lake.read_table("dedup", "duplicates").column("doc_id").to_pylist())
    rows_in = 0
    story_inputs: list[dict] = []
    with lake.writer("extract") as out:
        for batch in lake.read_batches("clean", "cleaned"):
            canonical = [row for row in batch.to_pylist() if row["doc_id"] not in duplicate_ids]
            for shard in _shards(canonical, settings.shard_size):
                extractions = extraction.extract_documents(shard, gazetteer)
                rows_in += len(shard)
                for dataset, table in extraction.extraction_tables(extractions).items():
                    out.write(dataset, table)
                story_inputs.extend(extraction.story_features(extractions))
        stories = extraction.assign_stories(story_inputs)
        out.write("stories", [{"doc_id": doc, "story_id": story} for doc, story in sorted(stories.items())])
        report = _report("extract", started, rows_in, rows_in, stories=len(set(stories.values())))
        out.commit(report)
    return report


@task(name="validate", **STAGE_TASK)
def validate(settings: Settings, run_id: str) -> dict:
    started = time.perf_counter()
    lake = Lake(settings.lake_dir)
    outcome = validation.validate_lake(lake, settings, run_id)
    with lake.writer("validate") as out:
        out.write("validation_results", schemas.to_table(outcome.results, schemas.VALIDATION_RESULTS))
        out.write("quarantine", schemas.to_table(outcome.quarantine, schemas.QUARANTINE))
        report = _report(
            "validate", started, outcome.rows_checked, outcome.rows_checked - len(outcome.quarantine),
            failed_expectations=outcome.failed_count, critical=outcome.critical_count,
        )
        out.commit(report)
    publish_validation(outcome.markdown())
    if outcome.critical_count:
        raise StageFailed(outcome.message())
    return {**report, "outcome": f"{len(outcome.results) - outcome.failed_count}/{len(outcome.results)} met"}


@task(name="load", **STAGE_TASK)
def load(settings: Settings, run_id: str, stage_reports: list[dict]) -> dict:
    started = time.perf_counter()
    counts = loading.load_run(Lake(settings.lake_dir), settings, run_id, stage_reports, started)
    return _report("load", started, counts["documents"], counts["documents"], **counts)
