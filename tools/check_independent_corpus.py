"""CI check: the pipeline on the independent corpus loses nothing and finds the copies it should.

    python -m tools.check_independent_corpus [--docs 20000] [--seed 0] [--keep DIR]

Generates the corpus of tools/independent_corpus.py in a temporary folder, runs the public
command line on it (``vnnews run --input CORPUS --lake L --warehouse W``, with temporary lake,
warehouse and PREFECT_HOME), then reads the warehouse read-only and checks:

1. Nothing is lost: every input unit (a file, or a line of a .jsonl file) is exactly one of an
   article, a duplicate whose canonical is an article, or a quarantine row; no row of
   ``articles``, ``duplicates`` or ``quarantine`` comes from anywhere else; ``documents.fate``
   agrees with the table that holds the unit.
2. What the truth says must be quarantined (English-only texts, blank files, malformed JSON
   lines) is quarantined.
3. Dedup: recall over the copies the truth marks ``meant_to_be_found`` and pairwise precision
   over every cluster the warehouse forms reach ``--min-recall`` and ``--min-precision``.

The floors are measured figures less a margin (see ``MIN_RECALL`` and ``MIN_PRECISION``).
Exit status 1 with the reasons when a check fails.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path

import duckdb

from tools.independent_corpus import summary, write_corpus

# Measured on --docs 20000 --seed 0 (docs/independent-corpus.md): recall 4050/4051 = 0.9998 of
# the meant-to-be-found copies (one syllables-15 copy missed); precision 5176/5178 = 0.9996 (one
# cluster: a copy cut to 30% is exactly the paragraph another article quotes, and union-find
# chains the two articles through it). The floors allow ~20 misses and ~10 false pairs: room for
# another seed or a small change of the cleaner, not for a dedup regression.
MIN_RECALL = 0.995
MIN_PRECISION = 0.998


def run_pipeline(corpus: Path, work: Path, options: Sequence[str] = ()) -> float:
    """``vnnews run`` on the corpus (plus ``options``); its wall time. Raises SystemExit with its
    output on failure."""
    vnnews = Path(sys.executable).with_name("vnnews")
    command = [str(vnnews)] if vnnews.exists() else [sys.executable, "-m", "flows"]
    if vnnews.exists():
        command.append("run")
    command += ["--input", str(corpus), "--lake", str(work / "lake"), "--warehouse", str(work / "warehouse.duckdb"), *options]
    environment = {**os.environ, "PREFECT_HOME": str(work / "prefect-home")}
    started = time.perf_counter()
    finished = subprocess.run(command, capture_output=True, text=True, env=environment, cwd=work)
    seconds = time.perf_counter() - started
    print(finished.stdout.rstrip())
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(f"vnnews run: {seconds:.0f} s wall, {children.ru_utime + children.ru_stime:.0f} s CPU")
    if finished.returncode not in (0, 1):  # 1: finished, with documents in quarantine (the corpus has some)
        sys.stderr.write(finished.stderr[-4000:])
        raise SystemExit(f"FAILED: `{' '.join(command)}` exited with {finished.returncode} after {seconds:.0f} s")
    return seconds


def read_outcome(warehouse: Path, corpus: Path) -> dict:
    """Per input unit (path relative to the corpus): the rows the warehouse holds for it."""
    prefix = str(corpus) + os.sep
    with duckdb.connect(str(warehouse), read_only=True) as con:
        def rows(query: str) -> list[tuple]:
            return con.execute(query).fetchall()

        documents = rows("SELECT doc_id, source_path, fate FROM documents")
        articles = {doc_id for (doc_id,) in rows("SELECT doc_id FROM articles")}
        duplicates = dict(rows("SELECT doc_id, canonical_id FROM duplicates"))
        quarantine = rows("SELECT doc_id, source_path, stage, reason FROM quarantine")
    unit_of = {doc_id: path.removeprefix(prefix) for doc_id, path, _ in documents}
    outcome: dict[str, dict] = defaultdict(lambda: {"fates": [], "documents": 0})
    for doc_id, path, fate in documents:
        entry = outcome[path.removeprefix(prefix)]
        entry["documents"] += 1
        entry["doc_id"], entry["recorded_fate"] = doc_id, fate
    for doc_id in articles:
        outcome[unit_of.get(doc_id, f"<article {doc_id} without a document>")]["fates"].append("article")
    for doc_id, canonical in duplicates.items():
        entry = outcome[unit_of.get(doc_id, f"<duplicate {doc_id} without a document>")]
        entry["fates"].append("duplicate")
        entry["canonical"] = canonical
    for doc_id, path, stage, reason in quarantine:
        entry = outcome[path.removeprefix(prefix)]
        entry["fates"].append("quarantined")
        entry["quarantine"] = f"{stage}/{reason}"
    return {"units": dict(outcome), "articles": articles}


def nothing_lost(truth: dict, outcome: dict) -> list[str]:
    problems = []
    units, articles = outcome["units"], outcome["articles"]
    for path in truth["units"]:
        entry = units.get(path, {"fates": [], "documents": 0})
        if len(entry["fates"]) != 1:
            problems.append(f"{path}: in {entry['fates'] or 'no table'} (must be exactly one of article/duplicate/quarantine)")
        elif entry["documents"] > 1:
            problems.append(f"{path}: {entry['documents']} rows in documents")
        elif entry["documents"] and entry["recorded_fate"] != entry["fates"][0]:
            problems.append(f"{path}: documents.fate is {entry['recorded_fate']} but the unit is {entry['fates'][0]}")
        elif entry["fates"] == ["duplicate"] and entry["canonical"] not in articles:
            problems.append(f"{path}: its canonical {entry['canonical']} is not an article")
        expected = truth["units"][path].get("expected_fate")
        if expected and entry["fates"] != [expected]:
            problems.append(f"{path} ({truth['units'][path]['kind']}): expected {expected}, is {entry['fates']}")
    problems += [f"{path}: a warehouse row for no input unit" for path in units if path not in truth["units"]]
    return problems


def dedup_scores(truth: dict, outcome: dict) -> dict:
    """Recall per edit (``meant_to_be_found`` copies apart) and pairwise precision of the clusters."""
    units = outcome["units"]

    def cluster(path: str) -> str | None:
        entry = units.get(path, {"fates": []})
        if entry["fates"] == ["article"]:
            return entry["doc_id"]
        return entry["canonical"] if entry["fates"] == ["duplicate"] else None

    edits: dict[str, Counter] = defaultdict(Counter)
    for path, record in truth["units"].items():
        if record["kind"] != "copy":
            continue
        meant = {True: "meant", False: "not_meant", None: "borderline"}[record["meant_to_be_found"]]
        counts = edits[record["edit"]]
        mine, theirs = cluster(path), cluster(record["duplicate_of"])
        if mine is None or theirs is None:
            counts["quarantined_" + meant] += 1
            continue
        counts[meant] += 1
        counts["found_" + meant] += mine == theirs
    members: dict[str, Counter] = defaultdict(Counter)
    for path, record in truth["units"].items():
        if (predicted := cluster(path)) is not None:
            members[predicted][record["cluster"]] += 1
    pairs = sum(n * (n - 1) // 2 for group in members.values() for n in [sum(group.values())])
    true_pairs = sum(n * (n - 1) // 2 for group in members.values() for n in group.values())
    total = sum(edits.values(), Counter())
    return {
        "edits": {edit: dict(counts) for edit, counts in sorted(edits.items())},
        "meant": total["meant"], "found": total["found_meant"],
        "recall": total["found_meant"] / total["meant"] if total["meant"] else None,
        "quarantined_meant": total["quarantined_meant"],
        "not_meant_found": f"{total['found_not_meant']}/{total['not_meant']}",
        "borderline_found": f"{total['found_borderline']}/{total['borderline']}",
        "pairs": pairs, "false_pairs": pairs - true_pairs,
        "precision": true_pairs / pairs if pairs else None,
        "mixed_clusters": sum(len(group) > 1 for group in members.values()),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--min-recall", type=float, default=MIN_RECALL)
    parser.add_argument("--min-precision", type=float, default=MIN_PRECISION)
    parser.add_argument("--keep", type=Path, help="copy the corpus, truth and warehouse here")
    args = parser.parse_args(argv)

    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="vnnews-independent-") as temporary:
        work = Path(temporary)
        corpus, truth_path = work / "corpus", work / "truth.json"
        truth = write_corpus(corpus, truth_path, args.docs, args.seed)
        generated = time.perf_counter() - started
        print(f"corpus: {json.dumps(summary(truth)['kinds'])} in {generated:.1f} s wall, {time.process_time():.1f} s CPU")
        pipeline = run_pipeline(corpus, work)
        outcome = read_outcome(work / "warehouse.duckdb", corpus)
        if args.keep:
            shutil.copytree(work, args.keep, dirs_exist_ok=True, ignore=shutil.ignore_patterns("prefect-home", "lake"))
    problems = nothing_lost(truth, outcome)
    scores = dedup_scores(truth, outcome)
    fates = Counter(entry["fates"][0] if len(entry["fates"]) == 1 else "ambiguous" for entry in outcome["units"].values())
    reasons = Counter(entry["quarantine"] for entry in outcome["units"].values() if "quarantine" in entry)
    print(json.dumps({"units": len(truth["units"]), "fates": dict(fates), "quarantine_reasons": dict(reasons),
                      **scores}, indent=1))
    if scores["recall"] is None or scores["recall"] < args.min_recall:
        problems.append(f"dedup recall {scores['recall']} of meant-to-be-found copies is under {args.min_recall}")
    if scores["precision"] is not None and scores["precision"] < args.min_precision:
        problems.append(f"dedup pairwise precision {scores['precision']:.4f} is under {args.min_precision}")
    total = time.perf_counter() - started
    print(f"wall time: {total:.0f} s (corpus {generated:.0f} s, vnnews run {pipeline:.0f} s) for {args.docs} documents")
    for problem in problems[:50]:
        print(f"FAILED: {problem}", file=sys.stderr)
    if problems:
        print(f"FAILED: {len(problems)} problem(s)", file=sys.stderr)
        return 1
    print(f"OK: nothing lost in {len(truth['units'])} input units; recall {scores['recall']:.4f} ≥ {args.min_recall}, "
          f"precision {scores['precision'] or 1:.4f} ≥ {args.min_precision}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
