"""`vnnews inspect`: clean → dedup → extract in memory, one JSON-ready dict per input file with
the keys of the gold files (docs/datasets.md, ../shared/GOLD-SCHEMA.md)."""

from __future__ import annotations

from pathlib import Path

from transforms.clean import boilerplate_lines, clean_documents
from transforms.dedup import find_duplicates
from transforms.extract import Gazetteer, assign_stories, extract_documents
from transforms.ingest import make_ids_unique, read_documents
from transforms.reference import load_reference
from transforms.settings import Settings

GOLD_KEYS = (
    "title", "published_date", "event_date_text", "event_date", "time_of_day", "location",
    "people", "organizations", "countries", "sources", "author", "photo_credits", "captions",
    "quotes", "doc_refs",
)
# The analyst's keys (GOLD-SCHEMA.md), read off the tables of their extractors.
ANALYST_KEYS = {
    "event_type": lambda extraction: extraction.get("event_types"),
    "meetings": lambda extraction: [
        {"a": m["a"], "b": m["b"], "kind": m["kind"]} for m in extraction.get("meetings") or []
    ],
    "quote_speakers": lambda extraction: [
        {"quote": q["quote"], "speaker": q["speaker"]} for q in extraction.get("quote_speakers") or []
    ],
    "people_country": lambda extraction: {
        p["name"]: p["country"] for p in extraction.get("person_countries") or []
    },
}


def inspect_files(paths: list[str], settings: Settings) -> list[dict]:
    reference = load_reference(settings.reference_dir)
    documents, quarantine = read_documents(paths)
    documents = make_ids_unique(documents, set())
    cleaned, clean_quarantine = clean_documents(documents, reference)
    duplicates, _ = find_duplicates(cleaned, settings.dedup)
    extractions = {
        e["doc_id"]: e for e in extract_documents(cleaned, Gazetteer.from_reference(reference))
    }
    stories = assign_stories(list(extractions.values()))

    canonical_of = {d["doc_id"]: d["canonical_id"] for d in duplicates}
    file_of = {d["doc_id"]: Path(d["source_path"]).name for d in documents}
    cleaned_by_id = {c["doc_id"]: c for c in cleaned}
    records = [_quarantined(q) for q in quarantine]
    for document in documents:
        doc_id = document["doc_id"]
        if doc_id not in cleaned_by_id:
            continue
        extraction = extractions[doc_id]
        records.append(
            {
                "file": Path(document["source_path"]).name,
                "doc_id": doc_id,
                **{key: extraction.get(key) for key in GOLD_KEYS},
                **{key: read(extraction) for key, read in ANALYST_KEYS.items()},
                "boilerplate_lines": boilerplate_lines(cleaned_by_id[doc_id]),
                "body": cleaned_by_id[doc_id]["body"],
                "duplicate_of": file_of.get(canonical_of.get(doc_id)),
                "story_id": stories.get(doc_id),
            }
        )
    path_of = {d["doc_id"]: d["source_path"] for d in documents}
    records += [_quarantined({**q, "source_path": path_of.get(q["doc_id"])}) for q in clean_quarantine]
    order = {Path(p).name: i for i, p in enumerate(paths)}
    return sorted(records, key=lambda r: _input_order(r["file"], order))


def _input_order(file: str, order: dict[str, int]) -> tuple[int, int]:
    """Input files in the order given; the records of one .jsonl/.parquet file (``name#N``) in theirs."""
    name, _, record = file.partition("#")
    return order.get(name, len(order)), int(record) if record.isdigit() else 0


def _quarantined(row: dict) -> dict:
    return {
        "file": Path(row.get("source_path") or "").name,
        "doc_id": row.get("doc_id"),
        "quarantined": {key: row.get(key) for key in ("stage", "reason", "detail")},
    }
