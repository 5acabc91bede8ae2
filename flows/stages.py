"""The stages, declared: each lake stage is a ``Stage`` (flows/skeleton.py) of small functions —
its shards, the work on one shard, what the shards share, and its global step — run by the one
skeleton, and one Prefect task per stage that flows/pipeline.py calls in DAG order.
"""

from __future__ import annotations

import logging
import shutil
import time
from collections.abc import Sequence
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
from prefect import task

from flows.artifacts import publish_validation
from flows.errors import isolate_failures
from flows.lake import Lake, write_part
from flows.skeleton import CACHED_STAGE, RETRIES, Shards, Stage, StageFailed, StageRun, map_shards, report, run_stage_skeleton, total
from transforms import clean as cleaning
from transforms import dedup as deduplication
from transforms import extract as extraction
from transforms import ingest as ingestion
from transforms import load as loading
from transforms import schemas
from transforms import validate as validation
from transforms import warehouse as warehouse_access
from transforms.reference import load_reference
from transforms.settings import Settings

log = logging.getLogger("vnnews")
__all__ = ["StageFailed", "STAGE_TASKS", "clean", "dedup", "extract", "ingest", "load", "validate"]


def _chunks(items: Sequence, size: int) -> list[Sequence]:
    return [items[start : start + size] for start in range(0, len(items), size)]


def _cleaned_parts(run: StageRun) -> list[str]:
    return [str(p) for p in run.lake.parts("clean", "cleaned")]


# ---------------------------------------------------------------- ingest


def _file_shards(run: StageRun) -> list[Sequence[str]]:
    (files,) = run.args
    if not files:
        raise StageFailed(f"no input files found under {', '.join(run.settings.inputs)}")
    return _chunks(files, run.settings.shard_size)


def _known_hashes(run: StageRun, shards: Sequence) -> tuple:
    known_hashes_file = None if run.settings.reprocess else _write_known_hashes(run.settings.warehouse_path, run.out)
    return known_hashes_file, run.settings.ingest


def _write_known_hashes(warehouse: Path, stage_tmp: Path) -> str | None:
    """The warehouse's content hashes in one file every shard reads, rather than a set
    pickled into each shard task's arguments (a megabyte per task at 20k documents)."""
    hashes = sorted(warehouse_access.read_known_hashes(warehouse))
    if not hashes:
        return None
    path = stage_tmp / "_known_hashes.parquet"
    pq.write_table(pa.table({"sha256": pa.array(hashes, pa.string())}), path)
    return str(path)


def _read_files(files: Sequence[str], shared: tuple) -> tuple[dict, dict]:
    """A bad file is quarantined by read_documents itself; documents the warehouse has are skipped."""
    known_hashes_file, limits = shared
    documents, quarantine = ingestion.read_documents(files, limits)
    known_hashes = frozenset(pq.read_table(known_hashes_file).column("sha256").to_pylist()) if known_hashes_file else frozenset()
    new_documents = [d for d in documents if d["sha256"] not in known_hashes]
    tables = {"documents": schemas.to_table(new_documents, schemas.DOCUMENTS),
              "quarantine": schemas.to_table(quarantine, schemas.QUARANTINE)}
    return tables, {"files": len(files), "documents": len(new_documents), "quarantined": len(quarantine),
                    "skipped": len(documents) - len(new_documents)}


def _finish_ingest(run: StageRun, shared: tuple, results: list[dict]) -> dict:
    known_hashes_file, _ = shared
    if known_hashes_file:
        Path(known_hashes_file).unlink()
    _give_repeated_content_own_ids(run.out / "documents")
    if skipped := total(results, "skipped"):
        log.info("ingest   %d document(s) already in the warehouse skipped (--reprocess to redo them)", skipped)
    return dict(rows_in=total(results, "files"), rows_out=total(results, "documents"),
                quarantined=total(results, "quarantined"), skipped=skipped)


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


INGEST = Stage("ingest", shards=_file_shards, shared=_known_hashes, finish=_finish_ingest,
               map=Shards("ingest", "ingest", _read_files))


# ---------------------------------------------------------------- clean

# Clean's hand-over between its two maps. Lines recurring across many documents are chrome; they
# are counted over the whole input, not per shard, so that cleaned text does not depend on shard size.
RECURRING_EVIDENCE = "recurring_evidence"


def _document_parts(run: StageRun) -> list[str]:
    return [str(p) for p in run.lake.parts("ingest", "documents")]


def _recurring_evidence(documents_part: str, shared: tuple) -> tuple[dict, dict]:
    (reference_dir,) = shared
    documents = pq.read_table(documents_part).to_pylist()
    return {RECURRING_EVIDENCE: cleaning.recurring_evidence(documents, load_reference(reference_dir))}, {}


EVIDENCE_SHARDS = Shards("recurring-evidence", "clean", _recurring_evidence)


def _recurring_lines(run: StageRun, parts: Sequence[str]) -> tuple:
    """The global step of clean, before its main map: the lines that recur across the stories of
    the whole input, from every shard's evidence. (One shard needs none: clean counts over it.)"""
    if len(parts) <= 1:
        return run.settings.reference_dir, None
    map_shards(EVIDENCE_SHARDS, parts, run.out, (run.settings.reference_dir,))
    evidence_dir = run.out / RECURRING_EVIDENCE
    recurring = cleaning.recurring_keys(
        row for path in sorted(evidence_dir.glob("*.parquet")) for row in cleaning.evidence_rows(pq.read_table(path))
    )
    shutil.rmtree(evidence_dir)
    return run.settings.reference_dir, frozenset(recurring)


def _clean_part(documents_part: str, shared: tuple) -> tuple[dict, dict]:
    reference_dir, recurring = shared
    documents = pq.read_table(documents_part).to_pylist()
    reference = load_reference(reference_dir)
    (cleaned, quarantine), failed, traces = isolate_failures(
        "clean", lambda batch: cleaning.clean_documents(batch, reference, recurring), documents
    )
    tables = {"cleaned": schemas.to_table(cleaned, schemas.CLEANED),
              "quarantine": schemas.to_table(quarantine + failed, schemas.QUARANTINE)}
    return tables, {"documents": len(documents), "cleaned": len(cleaned), "quarantined": len(quarantine) + len(failed),
                    "tracebacks": traces}


def _finish_clean(run: StageRun, shared: tuple, results: list[dict]) -> dict:
    return dict(rows_in=total(results, "documents"), rows_out=total(results, "cleaned"),
                quarantined=total(results, "quarantined"))


CLEAN = Stage("clean", shards=_document_parts, shared=_recurring_lines, finish=_finish_clean,
              map=Shards("clean", "clean", _clean_part))


# ---------------------------------------------------------------- dedup


def _signatures(cleaned_part: str, shared: tuple) -> tuple[dict, dict]:
    (dedup_settings,) = shared
    cleaned = pq.read_table(cleaned_part, columns=["doc_id", "body", "body_key", "published_date"])
    return {"new_signatures": deduplication.compute_signatures(cleaned, dedup_settings)}, {}


def _match_signatures(run: StageRun, shared: tuple, results: list[dict]) -> dict:
    """The global step: LSH banding and verification over every new signature and the known ones."""
    known = warehouse_access.read_known_signatures(run.settings.warehouse_path)
    new_signatures = pa.concat_tables(
        [pq.read_table(p) for p in sorted((run.out / "new_signatures").glob("*.parquet"))],
        promote_options="permissive",
    )
    shutil.rmtree(run.out / "new_signatures")
    if known is not None:  # documents reprocessed in this run are matched afresh
        known = known.filter(pc.invert(pc.is_in(known.column("doc_id"), new_signatures.column("doc_id"))))
    duplicates = deduplication.match_signatures(new_signatures, run.settings.dedup, known)
    write_part(run.out, "signatures", 0, deduplication.assign_canonicals(new_signatures, duplicates))
    write_part(run.out, "duplicates", 0, schemas.to_table(duplicates, schemas.DUPLICATES))
    return dict(rows_in=new_signatures.num_rows, rows_out=new_signatures.num_rows - len(duplicates),
                duplicates=len(duplicates))


DEDUP = Stage("dedup", shards=_cleaned_parts, shared=lambda run, parts: (run.settings.dedup,),
              finish=_match_signatures, map=Shards("signature", "dedup", _signatures))


# ---------------------------------------------------------------- extract


def _extract_shared(run: StageRun, parts: Sequence[str]) -> tuple:
    duplicate_ids = frozenset(run.lake.read_table("dedup", "duplicates", ["doc_id"]).column("doc_id").to_pylist())
    return run.settings.reference_dir, duplicate_ids


def _extract_part(cleaned_part: str, shared: tuple) -> tuple[dict, dict]:
    reference_dir, duplicate_ids = shared
    cleaned = [row for row in pq.read_table(cleaned_part).to_pylist() if row["doc_id"] not in duplicate_ids]
    gazetteer = extraction.Gazetteer.from_reference(load_reference(reference_dir))
    extractions, failed, traces = isolate_failures(
        "extract", lambda batch: extraction.extract_documents(batch, gazetteer), cleaned
    )
    tables = {**extraction.extraction_tables(extractions), "quarantine": schemas.to_table(failed, schemas.QUARANTINE)}
    return tables, {"articles": len(extractions), "quarantined": len(failed), "tracebacks": traces,
                    "story_features": extraction.story_features(extractions)}


def _assign_stories(run: StageRun, shared: tuple, results: list[dict]) -> dict:
    """The global step: stories group articles of the same event across shards."""
    stories = extraction.assign_stories([f for r in results for f in r["story_features"]])
    write_part(run.out, "stories", 0, pa.Table.from_pylist(
        [{"doc_id": doc, "story_id": story} for doc, story in sorted(stories.items())],
        schema=pa.schema([("doc_id", pa.string()), ("story_id", pa.string())]),
    ))
    articles, quarantined = total(results, "articles"), total(results, "quarantined")
    return dict(rows_in=articles + quarantined, rows_out=articles, quarantined=quarantined,
                stories=len(set(stories.values())))


EXTRACT = Stage("extract", shards=_cleaned_parts, shared=_extract_shared, finish=_assign_stories,
                map=Shards("extract", "extract", _extract_part))


# ---------------------------------------------------------------- validate (no shards: one check over the lake)


def _write_validation(run: StageRun, shared: tuple, results: list[dict]) -> dict:
    (outcome,) = run.args
    write_part(run.out, "validation_results", 0, schemas.to_table(outcome.results, schemas.VALIDATION_RESULTS))
    write_part(run.out, "quarantine", 0, schemas.to_table(outcome.quarantine, schemas.QUARANTINE))
    return dict(rows_in=outcome.rows_checked, rows_out=outcome.rows_checked - len(outcome.quarantine),
                failed_expectations=outcome.failed_count, critical=outcome.critical_count,
                quarantined=len(outcome.quarantine))


VALIDATE = Stage("validate", finish=_write_validation)


# ---------------------------------------------------------------- the stage tasks


@task(name="ingest", **CACHED_STAGE)
def ingest(settings: Settings, lake: Lake, files: Sequence[str]) -> dict:
    return run_stage_skeleton(INGEST, settings, lake, files)


@task(name="clean", **CACHED_STAGE)
def clean(settings: Settings, lake: Lake) -> dict:
    return run_stage_skeleton(CLEAN, settings, lake)


@task(name="dedup", **CACHED_STAGE)
def dedup(settings: Settings, lake: Lake) -> dict:
    return run_stage_skeleton(DEDUP, settings, lake)


@task(name="extract", **CACHED_STAGE)
def extract(settings: Settings, lake: Lake) -> dict:
    return run_stage_skeleton(EXTRACT, settings, lake)


@task(name="validate", **RETRIES)
def validate(settings: Settings, lake: Lake, run_id: str) -> dict:
    started = time.perf_counter()
    outcome = validation.validate_lake(lake, settings, run_id)
    stage_report = run_stage_skeleton(VALIDATE, settings, lake, outcome, started=started)
    publish_validation(outcome.markdown())
    if outcome.blocking:
        raise StageFailed(outcome.message())
    return {**stage_report, "outcome": f"{len(outcome.results) - outcome.failed_count}/{len(outcome.results)} met"}


@task(name="load", **RETRIES)
def load(settings: Settings, lake: Lake, run_id: str, stage_reports: list[dict], wait_readers: float = 0) -> dict:
    """The load writes the warehouse in one transaction (transforms/load/), not the lake."""
    started = time.perf_counter()
    counts = loading.load_run(lake, settings, run_id, stage_reports, started, wait_readers, on_wait=log.info)
    return report("load", started, counts["documents"], counts["documents"], **counts)


# The tasks of the lake stages, whose code versions key their outputs (flows/planning.py).
STAGE_TASKS = {"ingest": ingest, "clean": clean, "dedup": dedup, "extract": extract, "validate": validate}
