"""One Prefect task per stage. A stage reads its input datasets from the lake, maps its
shard-level work over shard tasks (threads locally, Dask workers with ``--runner dask``), does
its global step, and swaps its output datasets into the lake in one rename."""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import time
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
from prefect import task, unmapped
from prefect.tasks import exponential_backoff

from flows.artifacts import publish_validation
from flows.errors import details, is_transient, isolate_failures, shard_context
from flows.lake import Lake, latest_lineage, write_part
from transforms.clean import recurring as chrome
from transforms import clean as cleaning
from transforms import dedup as deduplication
from transforms import extract as extraction
from transforms import ingest as ingestion
from transforms import load as loading
from transforms import schemas
from transforms import validate as validation
from transforms import warehouse as warehouse_access
from transforms.reference import load_reference
from transforms.settings import PROJECT_DIR, STAGES, IngestLimits, Settings

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

# What a stage's output depends on besides its inputs: the code and the reference data.
_CODE_PATHS = ("transforms/**/*.py", "flows/stages.py", "seeds/reference/*.csv")


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


def _code_version() -> str:
    digest = hashlib.sha256()
    for pattern in _CODE_PATHS:
        for path in sorted(PROJECT_DIR.glob(pattern)):
            digest.update(f"{path.relative_to(PROJECT_DIR)}\n".encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


# The load writes the warehouse, not the lake.
_LAKE_STAGES = STAGES[:-1]


def _key(*parts: str) -> str:
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:24]


def plan_lake(settings: Settings, from_stage: str, run_id: str) -> Lake:
    """The output folder of each stage of this run (flows/lake.py). ``lookup`` hashes the input
    files, the code and the settings; ingest's key adds the warehouse state (ingest and dedup
    read it), each later key hashes its predecessor's, validate's also the run id (its results
    carry it). From a later stage, the earlier stages' keys are those of the latest output of
    the stage before it with the same lookup."""
    files = ingestion.discover(settings.inputs)
    lookup = _key(_fingerprint(Path(f) for f in files), _code_version(), repr(replace(settings, lake_dir=Path())))
    first = STAGES.index(from_stage)
    if first == 0:
        warehouse = _fingerprint([settings.warehouse_path]) if settings.warehouse_path.exists() else "new"
        keys = {"ingest": _key("ingest", lookup, warehouse)}
    else:
        previous = STAGES[first - 1]
        keys = latest_lineage(settings.lake_dir, previous, lookup)
        if keys is None:
            raise StageFailed(
                f"--from {from_stage}: {settings.lake_dir} has no {previous} output for these inputs, settings and "
                "code (a change to any of them needs the earlier stages again): run from an earlier stage"
            )
    for index in range(len(keys), len(_LAKE_STAGES)):
        stage = _LAKE_STAGES[index]
        keys[stage] = _key(stage, keys[_LAKE_STAGES[index - 1]], run_id if stage == "validate" else "")
    return Lake(settings.lake_dir, tuple(keys.items()), lookup)


def stage_cache_key(context, parameters: dict) -> str:
    """The stage's output key (never the run id, but for validate, which is not cached): rerunning
    a flow after a failure finds the stages that completed Cached and reruns the rest."""
    return parameters["lake"].key(context.task.name)


CACHED_STAGE = dict(RETRIES, cache_key_fn=stage_cache_key, persist_result=True)


def _chunks(items: Sequence, size: int) -> list[Sequence]:
    return [items[start : start + size] for start in range(0, len(items), size)]


def _report(stage: str, started: float, rows_in: int, rows_out: int, **extra) -> dict:
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


def _total(results: list[dict], key: str) -> int:
    return sum(r[key] for r in results)


def _log_tracebacks(results: list[dict]) -> None:
    """Shards run in other processes with ``--runner dask``: they hand their documents'
    tracebacks back, and the run log is written here."""
    for trace in (t for r in results for t in r["tracebacks"]):
        details.debug("%s", trace)


# ---------------------------------------------------------------- shard tasks (parallel work)


@task(name="ingest-shard", **RETRIES)
def ingest_shard(files: Sequence[str], part: int, out_dir: str, known_hashes_file: str | None,
                 limits: IngestLimits) -> dict:
    with shard_context("ingest", part, files):  # a bad file is quarantined by read_documents itself
        documents, quarantine = ingestion.read_documents(files, limits)
        known_hashes = frozenset(pq.read_table(known_hashes_file).column("sha256").to_pylist()) if known_hashes_file else frozenset()
        new_documents = [d for d in documents if d["sha256"] not in known_hashes]
        return {
            "files": len(files),
            "documents": write_part(out_dir, "documents", part, schemas.to_table(new_documents, schemas.DOCUMENTS)),
            "quarantined": write_part(out_dir, "quarantine", part, schemas.to_table(quarantine, schemas.QUARANTINE)),
            "skipped": len(documents) - len(new_documents),
        }


# Clean's hand-over between its two maps. Lines recurring across many documents are chrome; they
# are counted over the whole input, not per shard, so that cleaned text does not depend on shard size.
RECURRING_EVIDENCE = "recurring_evidence"


@task(name="recurring-evidence-shard", **RETRIES)
def recurring_evidence_shard(documents_part: str, part: int, out_dir: str, reference_dir: Path) -> int:
    documents = pq.read_table(documents_part).to_pylist()
    return write_part(out_dir, RECURRING_EVIDENCE, part, cleaning.recurring_evidence(documents, load_reference(reference_dir)))


@task(name="clean-shard", **RETRIES)
def clean_shard(documents_part: str, part: int, out_dir: str, reference_dir: Path, recurring: frozenset[str] | None) -> dict:
    with shard_context("clean", part, [documents_part]):
        documents = pq.read_table(documents_part).to_pylist()
        reference = load_reference(reference_dir)
        (cleaned, quarantine), failed, traces = isolate_failures(
            "clean", lambda batch: cleaning.clean_documents(batch, reference, recurring), documents
        )
        return {
            "documents": len(documents),
            "cleaned": write_part(out_dir, "cleaned", part, schemas.to_table(cleaned, schemas.CLEANED)),
            "quarantined": write_part(out_dir, "quarantine", part, schemas.to_table(quarantine + failed, schemas.QUARANTINE)),
            "tracebacks": traces,
        }


@task(name="signature-shard", **RETRIES)
def signature_shard(cleaned_part: str, part: int, out_dir: str, settings: Settings) -> dict:
    with shard_context("dedup", part, [cleaned_part]):
        cleaned = pq.read_table(cleaned_part, columns=["doc_id", "body", "body_key", "published_date"])
        return {"signatures": write_part(out_dir, "new_signatures", part, deduplication.compute_signatures(cleaned, settings.dedup))}


@task(name="extract-shard", **RETRIES)
def extract_shard(cleaned_part: str, part: int, out_dir: str, reference_dir: Path, duplicate_ids: frozenset[str]) -> dict:
    with shard_context("extract", part, [cleaned_part]):
        cleaned = [row for row in pq.read_table(cleaned_part).to_pylist() if row["doc_id"] not in duplicate_ids]
        gazetteer = extraction.Gazetteer.from_reference(load_reference(reference_dir))
        extractions, failed, traces = isolate_failures(
            "extract", lambda batch: extraction.extract_documents(batch, gazetteer), cleaned
        )
        for dataset, table in extraction.extraction_tables(extractions).items():
            write_part(out_dir, dataset, part, table)
        write_part(out_dir, "quarantine", part, schemas.to_table(failed, schemas.QUARANTINE))
        return {"articles": len(extractions), "quarantined": len(failed), "tracebacks": traces,
                "story_features": extraction.story_features(extractions)}


# ---------------------------------------------------------------- stage tasks


@task(name="ingest", **CACHED_STAGE)
def ingest(settings: Settings, lake: Lake) -> dict:
    started = time.perf_counter()
    files = ingestion.discover(settings.inputs)
    if not files:
        raise StageFailed(f"no input files found under {', '.join(settings.inputs)}")
    with lake.stage_output("ingest") as out:
        known_hashes_file = None if settings.reprocess else _write_known_hashes(settings.warehouse_path, out.path)
        shards = _chunks(files, settings.shard_size)
        results = ingest_shard.map(shards, range(len(shards)), unmapped(str(out.path)), unmapped(known_hashes_file),
                                   unmapped(settings.ingest)).result()
        if known_hashes_file:
            Path(known_hashes_file).unlink()
        _give_repeated_content_own_ids(out.path / "documents")
        if skipped := _total(results, "skipped"):
            log.info("ingest   %d document(s) already in the warehouse skipped (--reprocess to redo them)", skipped)
        report = _report("ingest", started, len(files), _total(results, "documents"),
                         quarantined=_total(results, "quarantined"), skipped=skipped)
        return out.commit(report)


def _write_known_hashes(warehouse: Path, stage_tmp: Path) -> str | None:
    """The warehouse's content hashes in one file every shard reads, rather than a set
    pickled into each shard task's arguments (a megabyte per task at 20k documents)."""
    hashes = sorted(warehouse_access.read_known_hashes(warehouse))
    if not hashes:
        return None
    path = stage_tmp / "_known_hashes.parquet"
    pq.write_table(pa.table({"sha256": pa.array(hashes, pa.string())}), path)
    return str(path)


def _give_repeated_content_own_ids(documents_dir: Path) -> None:
    """The same text under two paths is two input documents (the second an exact duplicate):
    shards read in parallel can't see each other, so ids are made unique once all are written."""
    seen: set[str] = set()
    for path in sorted(documents_dir.glob("*.parquet")):
        ids = pq.read_table(path, columns=["doc_id"]).column("doc_id").to_pylist()
        if seen.isdisjoint(ids) and len(set(ids)) == len(ids):
            seen.update(ids)
            continue
        documents = ingestion.make_ids_unique(pq.read_table(path).to_pylist(), seen)
        pq.write_table(schemas.to_table(documents, schemas.DOCUMENTS), path)


@task(name="clean", **CACHED_STAGE)
def clean(settings: Settings, lake: Lake) -> dict:
    started = time.perf_counter()
    parts = [str(p) for p in lake.parts("ingest", "documents")]
    with lake.stage_output("clean") as out:
        shard_args = (parts, range(len(parts)), unmapped(str(out.path)), unmapped(settings.reference_dir))
        recurring = _recurring_lines(shard_args, out.path) if len(parts) > 1 else None
        results = clean_shard.map(*shard_args, unmapped(recurring)).result()
        _log_tracebacks(results)
        report = _report("clean", started, _total(results, "documents"), _total(results, "cleaned"),
                         quarantined=_total(results, "quarantined"))
        return out.commit(report)


def _recurring_lines(shard_args: tuple, out_path: Path) -> frozenset[str]:
    """The global step of clean: the lines that recur across the stories of the whole input,
    from every shard's evidence. (One shard needs no such step: clean_shard counts over it.)"""
    recurring_evidence_shard.map(*shard_args).result()
    evidence_dir = out_path / RECURRING_EVIDENCE
    recurring = chrome.recurring_keys(
        row for path in sorted(evidence_dir.glob("*.parquet")) for row in chrome.evidence_rows(pq.read_table(path))
    )
    shutil.rmtree(evidence_dir)
    return frozenset(recurring)


@task(name="dedup", **CACHED_STAGE)
def dedup(settings: Settings, lake: Lake) -> dict:
    started = time.perf_counter()
    parts = [str(p) for p in lake.parts("clean", "cleaned")]
    known = warehouse_access.read_known_signatures(settings.warehouse_path)
    with lake.stage_output("dedup") as out:
        signature_shard.map(parts, range(len(parts)), unmapped(str(out.path)), unmapped(settings)).result()
        # The global step: LSH banding and verification over every new signature and the known ones.
        new_signatures = pa.concat_tables(
            [pq.read_table(p) for p in sorted((out.path / "new_signatures").glob("*.parquet"))],
            promote_options="permissive",
        )
        shutil.rmtree(out.path / "new_signatures")
        if known is not None:  # documents reprocessed in this run are matched afresh
            known = known.filter(pc.invert(pc.is_in(known.column("doc_id"), new_signatures.column("doc_id"))))
        duplicates = deduplication.match_signatures(new_signatures, settings.dedup, known)
        write_part(out.path, "signatures", 0, deduplication.assign_canonicals(new_signatures, duplicates))
        write_part(out.path, "duplicates", 0, schemas.to_table(duplicates, schemas.DUPLICATES))
        report = _report("dedup", started, new_signatures.num_rows, new_signatures.num_rows - len(duplicates),
                         duplicates=len(duplicates))
        return out.commit(report)


@task(name="extract", **CACHED_STAGE)
def extract(settings: Settings, lake: Lake) -> dict:
    started = time.perf_counter()
    parts = [str(p) for p in lake.parts("clean", "cleaned")]
    duplicate_ids = frozenset(lake.read_table("dedup", "duplicates", ["doc_id"]).column("doc_id").to_pylist())
    with lake.stage_output("extract") as out:
        results = extract_shard.map(
            parts, range(len(parts)), unmapped(str(out.path)), unmapped(settings.reference_dir), unmapped(duplicate_ids)
        ).result()
        _log_tracebacks(results)
        # The global step: stories group articles of the same event across shards.
        stories = extraction.assign_stories([f for r in results for f in r["story_features"]])
        write_part(out.path, "stories", 0, pa.Table.from_pylist(
            [{"doc_id": doc, "story_id": story} for doc, story in sorted(stories.items())],
            schema=pa.schema([("doc_id", pa.string()), ("story_id", pa.string())]),
        ))
        articles = _total(results, "articles")
        report = _report("extract", started, articles + _total(results, "quarantined"), articles,
                         quarantined=_total(results, "quarantined"), stories=len(set(stories.values())))
        return out.commit(report)


@task(name="validate", **RETRIES)
def validate(settings: Settings, lake: Lake, run_id: str) -> dict:
    started = time.perf_counter()
    outcome = validation.validate_lake(lake, settings, run_id)
    with lake.stage_output("validate") as out:
        write_part(out.path, "validation_results", 0, schemas.to_table(outcome.results, schemas.VALIDATION_RESULTS))
        write_part(out.path, "quarantine", 0, schemas.to_table(outcome.quarantine, schemas.QUARANTINE))
        report = _report(
            "validate", started, outcome.rows_checked, outcome.rows_checked - len(outcome.quarantine),
            failed_expectations=outcome.failed_count, critical=outcome.critical_count,
            quarantined=len(outcome.quarantine),
        )
        out.commit(report)
    publish_validation(outcome.markdown())
    if outcome.blocking:
        raise StageFailed(outcome.message())
    return {**report, "outcome": f"{len(outcome.results) - outcome.failed_count}/{len(outcome.results)} met"}


@task(name="load", **RETRIES)
def load(settings: Settings, lake: Lake, run_id: str, stage_reports: list[dict], wait_readers: float = 0) -> dict:
    started = time.perf_counter()
    counts = loading.load_run(lake, settings, run_id, stage_reports, started, wait_readers, on_wait=log.info)
    return _report("load", started, counts["documents"], counts["documents"], **counts)
