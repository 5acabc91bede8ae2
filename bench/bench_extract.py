"""Benchmark of the extract stage, with a baseline.

    .venv/bin/python bench/bench_extract.py [--megabytes 20] [--baseline-seconds 60] [--no-baseline]

1. Quality: ingest → clean → extract on the seeds and on the dev set, scored against
   tests/gold/seeds.jsonl and tests/gold/dev.jsonl (tools/scoring.py).
2. Throughput of the extract stage's code path (flows/stages.py): the cleaned seed + dev
   articles replicated to about ``--megabytes`` of text (body, captions, headline), cut into
   shards of ``Settings.shard_size``, each shard run as the extract-shard task does
   (``Gazetteer.from_reference(load_reference(...))``, ``extract_documents``,
   ``extraction_tables``, ``story_features``) on one thread per core, then ``assign_stories``
   once; in characters and documents per second of CPU time (the machine is shared, so wall time
   is shown too but CPU time is compared). The extractions are checked against
   ``extract_documents`` on all articles as one shard: any difference ends the run with status 1.
3. Baseline: underthesea's CRF NER (``underthesea.ner``) on the same articles, paragraph by
   paragraph (its best case), scored on person names only (P/R/F1 against the same gold),
   with its characters per second over the unreplicated texts, repeated for at most
   ``--baseline-seconds``. underthesea is an optional "bench" dependency: without it this part
   is skipped.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.flow_shards import SHARD_SIZE, require_same, run_concurrently, shards_of  # noqa: E402
from transforms.clean import clean_documents  # noqa: E402
from transforms.extract import Gazetteer, assign_stories, extract_documents, extraction_tables, story_features  # noqa: E402
from transforms.ingest import read_documents  # noqa: E402
from transforms.reference import load_reference  # noqa: E402
from tools.scoring import LIST_FIELDS, SCALAR_FIELDS, format_scores, score  # noqa: E402

SETS = (("seeds", ROOT / "seeds/raw", ROOT / "tests/gold/seeds.jsonl"),
        ("dev", ROOT / "tests/dev", ROOT / "tests/gold/dev.jsonl"))
# boilerplate_lines is the cleaner's field, not the extractor's.
EXTRACT_FIELDS = tuple(field for field in LIST_FIELDS + SCALAR_FIELDS if field != "boilerplate_lines")
BASELINE_PIN = 'underthesea==9.5.0 (dependency group "bench")'


def load_set(folder: Path, reference: dict) -> tuple[list[dict], dict[str, str]]:
    """Cleaned records of a folder's .txt files, and doc_id → file name."""
    documents, _ = read_documents(sorted(str(path) for path in folder.glob("*.txt")))
    cleaned, _ = clean_documents(documents, reference)
    return cleaned, {document["doc_id"]: Path(document["source_path"]).name for document in documents}


def article_text(record: dict) -> str:
    captions = [caption["text"] for caption in record.get("captions") or [] if caption.get("text")]
    return "\n".join([record.get("title") or "", record.get("body") or "", *captions])


def read_gold(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def quality(sets: list[tuple[str, list[dict], dict[str, str], list[dict]]], gazetteer: Gazetteer) -> None:
    for name, cleaned, file_of, gold in sets:
        predictions = [{**e, "file": file_of[e["doc_id"]]} for e in extract_documents(cleaned, gazetteer)]
        report = score(predictions, gold, fields=EXTRACT_FIELDS)
        print(format_scores(report, f"== quality on {name} ({len(gold)} gold articles)"), end="\n\n")


def extract_shard(shard: list[dict]) -> tuple[list[dict], list]:
    """The transform calls of flows/stages.py ``extract_shard`` (its Parquet reads and writes aside)."""
    extractions = extract_documents(shard, Gazetteer.from_reference(load_reference(ROOT / "seeds/reference")))
    extraction_tables(extractions)
    return extractions, story_features(extractions)


def throughput(cleaned: list[dict], gazetteer: Gazetteer, megabytes: float, shard_size: int) -> float:
    chars = sum(len(article_text(record)) for record in cleaned)
    copies = max(1, round(megabytes * 1e6 / chars))
    big = [dict(record, doc_id=f"{record['doc_id']}-{copy}") for copy in range(copies) for record in cleaned]
    total = chars * copies
    shards = shards_of(big, shard_size)
    wall, cpu = time.perf_counter(), time.process_time()
    results = run_concurrently(extract_shard, shards)
    assign_stories([feature for _, features in results for feature in features])
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    rate = total / cpu
    print(f"== throughput of the extract stage: {len(big)} documents, {total / 1e6:.1f} M characters, "
          f"{len(shards)} shards of {shard_size} on threads")
    print(f"   CPU  {cpu:7.2f} s   {rate / 1e6:6.2f} M chars/s   {len(big) / cpu:8.0f} docs/s")
    print(f"   wall {wall:7.2f} s   {total / wall / 1e6:6.2f} M chars/s   {len(big) / wall:8.0f} docs/s")
    require_same("extractions", [e for extractions, _ in results for e in extractions], extract_documents(big, gazetteer))
    print()
    return rate


def baseline(sets, gazetteer: Gazetteer, our_rate: float, seconds: float) -> None:
    try:
        from underthesea import ner
    except ImportError:
        print(f"== baseline skipped: underthesea is not installed; add {BASELINE_PIN} to run it.")
        return
    records = [record for _, cleaned, _, _ in sets for record in cleaned]
    paragraphs = [line for record in records for line in article_text(record).split("\n") if line.strip()]
    ner(paragraphs[0])  # loads the model outside the timing
    chars = passes = 0
    cpu = time.process_time()
    while passes == 0 or time.process_time() - cpu < seconds:
        for paragraph in paragraphs:
            ner(paragraph)
            chars += len(paragraph)
        passes += 1
    rate = chars / (time.process_time() - cpu)
    print(f"== baseline: underthesea {_version()} CRF NER, paragraph by paragraph ({passes} pass(es))")
    print(f"   {rate / 1e3:.1f} k chars/s CPU; extract_documents is {our_rate / rate:.0f}x faster\n")

    for name, cleaned, file_of, gold in sets:
        theirs = [{"file": file_of[r["doc_id"]], "people": [{"name": n} for n in _ner_people(ner, r)]} for r in cleaned]
        ours = [{**e, "file": file_of[e["doc_id"]]} for e in extract_documents(cleaned, gazetteer)]
        for label, predictions in (("underthesea", theirs), ("vnnews", ours)):
            rates = score(predictions, gold, fields=("people",))["fields"]["people"]
            print(f"   person names on {name:5s} {label:12s} "
                  f"P {rates['precision']:.3f}  R {rates['recall']:.3f}  F1 {rates['f1']:.3f}")
    print()


def _ner_people(ner, record: dict) -> list[str]:
    """Person names (B-PER/I-PER runs) underthesea finds in an article."""
    names: list[str] = []
    for paragraph in article_text(record).split("\n"):
        if not paragraph.strip():
            continue
        current: list[str] = []
        for token, *_, tag in ner(paragraph) + [("", "O")]:
            if tag == "I-PER" and current:
                current.append(token)
                continue
            if current:
                names.append(" ".join(current))
            current = [token] if tag == "B-PER" else []
    return list(dict.fromkeys(names))


def _version() -> str:
    import underthesea

    return getattr(underthesea, "__version__", "?")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--megabytes", type=float, default=20.0, help="input size for the throughput run")
    parser.add_argument("--baseline-seconds", type=float, default=60.0, help="CPU time budget of the baseline")
    parser.add_argument("--no-baseline", action="store_true")
    parser.add_argument("--shard-size", type=int, default=SHARD_SIZE, help="default: Settings.shard_size, as the flow")
    args = parser.parse_args()

    reference = load_reference(ROOT / "seeds/reference")
    gazetteer = Gazetteer.from_reference(reference)
    sets = []
    for name, folder, gold_path in SETS:
        cleaned, file_of = load_set(folder, reference)
        sets.append((name, cleaned, file_of, read_gold(gold_path)))
    quality(sets, gazetteer)
    rate = throughput([record for _, cleaned, _, _ in sets for record in cleaned], gazetteer, args.megabytes, args.shard_size)
    if not args.no_baseline:
        baseline(sets, gazetteer, rate, args.baseline_seconds)


if __name__ == "__main__":
    main()
