"""Throughput and peak memory of vnnews dedup next to datasketch's MinHashLSH, on one corpus.

    .venv/bin/python bench/bench_dedup.py --docs 20000
    .venv/bin/python bench/bench_dedup.py --docs 200000 --datasketch-docs 20000

The synthetic corpus (``tools.synth``, 30% edited copies) is generated once, reduced to
``cleaned``-like records (body_key = match_key(text), as the clean stage hands them over) and
cached as Parquet, one row group per shard. Each tool then runs in a fresh subprocess, so its
peak memory (VmHWM) is its own: vnnews runs the dedup stage's code path (flows/stages.py): the
signature-shard task's ``compute_signatures`` on every shard concurrently on one thread per core
(the flow's ThreadPoolTaskRunner), then ``match_signatures`` and ``assign_canonicals`` once,
``--repeat`` times over (the median run is reported), and checks its duplicates and signatures
against ``find_duplicates`` on the whole corpus as one shard (status 1 if they differ); datasketch builds one MinHash per document with the same shingles and number of permutations and queries a MinHashLSH with the same 64×3 bands
(candidates only: datasketch does not verify pairs). datasketch can be limited to a subsample
(``--datasketch-docs``); its figures are then measured on the subsample and the output says so.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.flow_shards import SHARD_SIZE, WORKERS, require_same, run_concurrently  # noqa: E402
from transforms.dedup import assign_canonicals, compute_signatures, evaluate_dedup, find_duplicates, match_signatures  # noqa: E402
from transforms.settings import DedupSettings  # noqa: E402
from tools.synth import generate_corpus  # noqa: E402
from transforms.text import match_key  # noqa: E402


def build_corpus(docs: int, dup_rate: float, seed: int, shard_size: int, cache: Path) -> Path:
    corpus = cache / f"corpus-{docs}-{dup_rate}-{seed}.parquet"
    if corpus.exists():
        return corpus
    cache.mkdir(parents=True, exist_ok=True)
    documents, truth = generate_corpus(docs, dup_rate, seed)
    table = pa.table(
        {
            "doc_id": [d["file_name"] for d in documents],
            "body": [d["text"] for d in documents],
            "body_key": [match_key(d["text"]) for d in documents],
            "published_date": [truth[d["file_name"]]["published_date"] for d in documents],
        }
    )
    pq.write_table(table, corpus, row_group_size=shard_size)
    corpus.with_suffix(".truth.json").write_text(json.dumps(truth, ensure_ascii=False), encoding="utf-8")
    return corpus


def peak_rss_mb() -> float:
    """Peak resident memory of this process image (VmHWM). Unlike ``ru_maxrss``, which Linux
    carries over fork and exec, it is not inflated by the parent that built the corpus."""
    status = Path("/proc/self/status").read_text()
    kib = next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmHWM:"))
    return round(kib / 1024, 1)


def run_vnnews(corpus: Path, workers: int, repeat: int) -> dict:
    settings = DedupSettings()
    parquet = pq.ParquetFile(corpus)
    row_groups = parquet.num_row_groups

    def signature_shard(row_group: int) -> pa.Table:  # flows/stages.py signature_shard, from the cache
        return compute_signatures(parquet.read_row_group(row_group, columns=["doc_id", "body", "body_key", "published_date"]),
                                  settings)

    booted = time.perf_counter()
    # A flow's process is long-lived: imports and first calls (the word-character table, ~1.3 s)
    # are paid once, before the clock, and reported apart.
    match_signatures(compute_signatures(parquet.read_row_group(0).slice(0, 50), settings), settings)
    startup = time.perf_counter() - booted
    # Each run does all the work again (shards read and signed on the threads, one match); nothing
    # is kept between runs. Other processes on the machine only ever slow a run down, so the
    # median run is reported, the best and all runs beside it.
    runs, outputs = [], []
    for _ in range(repeat):
        start = time.perf_counter()
        signatures = pa.concat_tables(run_concurrently(signature_shard, range(row_groups), workers),
                                      promote_options="permissive")
        signed = time.perf_counter()
        duplicates = match_signatures(signatures, settings)
        stored = assign_canonicals(signatures, duplicates)
        elapsed = time.perf_counter() - start
        runs.append({"seconds": elapsed, "signature_seconds": signed - start, "match_seconds": elapsed - (signed - start),
                     "load_average": os.getloadavg()[0]})
        outputs.append(duplicates)
        signature_bytes = signatures.nbytes
    peak = peak_rss_mb()  # before the reference computation and the truth are loaded
    if any(output != outputs[0] for output in outputs):
        sys.exit("FAILED: the timed runs found different duplicates")
    reference_duplicates, reference_signatures = find_duplicates(pq.read_table(corpus), settings)
    require_same("duplicates", sorted(outputs[0], key=lambda row: row["doc_id"]),
                 sorted(reference_duplicates, key=lambda row: row["doc_id"]))
    if not stored.equals(reference_signatures):
        sys.exit("FAILED: the benchmark's signatures differ from find_duplicates on the corpus as one shard")
    truth = json.loads(corpus.with_suffix(".truth.json").read_text(encoding="utf-8"))
    report = evaluate_dedup(outputs[0], truth)
    docs = parquet.metadata.num_rows
    median = sorted(runs, key=lambda run: run["seconds"])[(len(runs) - 1) // 2]
    return {
        "tool": f"vnnews ({workers} threads, shards of {parquet.metadata.row_group(0).num_rows})",
        "docs": docs,
        "seconds": round(median["seconds"], 2),
        "startup_seconds_not_counted": round(startup, 2),
        "signature_seconds": round(median["signature_seconds"], 2),
        "match_seconds": round(median["match_seconds"], 2),
        "docs_per_s": round(docs / median["seconds"]),
        "docs_per_s_best_run": round(docs / min(run["seconds"] for run in runs)),
        "runs": [{key: round(value, 2) for key, value in run.items()} for run in runs],
        "peak_rss_mb": peak,
        "signature_bytes_per_doc": round(signature_bytes / max(docs, 1)),
        "matches_one_shard_reference": True,
        "recall": {edit: round(entry["recall"], 4) for edit, entry in report.items() if entry["recall"] is not None},
        "false_merges": report["overall"]["false_merges"],
    }


def run_datasketch(corpus: Path, limit: int) -> dict:
    from datasketch import MinHash, MinHashLSH

    settings = DedupSettings()
    table = pq.read_table(corpus, columns=["doc_id", "body_key"]).slice(0, limit)
    doc_ids = table.column("doc_id").to_pylist()
    keys = table.column("body_key").to_pylist()
    size = settings.shingle_size
    start = time.perf_counter()
    lsh = MinHashLSH(num_perm=settings.num_perm, params=(settings.bands, settings.num_perm // settings.bands))
    sketches = []
    for doc_id, key in zip(doc_ids, keys):
        syllables = "".join(c if c.isalnum() else " " for c in key).split()
        shingles = {" ".join(syllables[i : i + size]).encode() for i in range(max(1, len(syllables) - size + 1))}
        sketch = MinHash(num_perm=settings.num_perm, seed=settings.seed)
        sketch.update_batch(list(shingles))
        lsh.insert(doc_id, sketch)
        sketches.append(sketch)
    candidates = sum(len(lsh.query(sketch)) - 1 for sketch in sketches) // 2
    elapsed = time.perf_counter() - start
    return {
        "tool": "datasketch MinHashLSH (1 process)",
        "docs": len(doc_ids),
        "seconds": round(elapsed, 2),
        "docs_per_s": round(len(doc_ids) / elapsed),
        "peak_rss_mb": peak_rss_mb(),
        "candidate_pairs": candidates,
    }


def in_subprocess(*args: str) -> dict:
    """The JSON report a ``--run`` subprocess prints last; its other lines are passed on, and its
    failure (a check that found different outputs) ends this run with its message."""
    finished = subprocess.run([sys.executable, __file__, *args], capture_output=True, text=True)
    *lines, report = finished.stdout.strip().splitlines() or [""]
    for line in lines:
        print(line)
    if finished.returncode:
        sys.stderr.write(finished.stderr)
        sys.exit(f"FAILED: bench_dedup {' '.join(args[:2])} exited with status {finished.returncode}")
    return json.loads(report)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=20000)
    parser.add_argument("--dup-rate", type=float, default=0.3)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--shard-size", type=int, default=SHARD_SIZE, help="default: Settings.shard_size, as the flow")
    parser.add_argument("--workers", type=int, default=WORKERS, help="threads (default: one per core, as the flow)")
    parser.add_argument("--repeat", type=int, default=3, help="timed vnnews runs; the median is reported")
    parser.add_argument("--datasketch-docs", type=int, default=None, help="subsample for datasketch (default: all)")
    parser.add_argument("--cache", type=Path, default=Path("/tmp/vnnews-bench"))
    parser.add_argument("--run", choices=("vnnews", "datasketch"), help=argparse.SUPPRESS)
    parser.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.run == "vnnews":
        print(json.dumps(run_vnnews(args.corpus, args.workers, args.repeat)))
        return
    if args.run == "datasketch":
        print(json.dumps(run_datasketch(args.corpus, args.datasketch_docs or args.docs)))
        return

    started = time.perf_counter()
    corpus = build_corpus(args.docs, args.dup_rate, args.seed, args.shard_size, args.cache)
    table = pq.read_table(corpus, columns=["body"])
    mean_bytes = sum(len(body.encode()) for body in table.column("body").to_pylist()) / table.num_rows
    print(f"corpus: {args.docs} docs, mean body {mean_bytes:.0f} bytes UTF-8, dup rate {args.dup_rate} "
          f"({time.perf_counter() - started:.0f} s to build or load); "
          f"load average before: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    vnnews = in_subprocess("--run", "vnnews", "--corpus", str(corpus), "--workers", str(args.workers),
                           "--repeat", str(args.repeat))
    print(json.dumps(vnnews, ensure_ascii=False))
    sample = min(args.datasketch_docs or args.docs, args.docs)
    datasketch = in_subprocess("--run", "datasketch", "--corpus", str(corpus), "--datasketch-docs", str(sample),
                               "--docs", str(args.docs))
    if sample < args.docs:
        datasketch["tool"] += f" — SUBSAMPLE of {sample} docs, not the full {args.docs}"
        datasketch["extrapolated_seconds_full_corpus_at_least"] = round(datasketch["seconds"] * args.docs / sample)
    print(json.dumps(datasketch, ensure_ascii=False))
    print(f"load average after: {os.getloadavg()[0]:.1f} (other processes on the machine slow both tools)")
    print(f"speed-up vnnews / datasketch: {vnnews['docs_per_s'] / datasketch['docs_per_s']:.1f}×; "
          f"target ≥ 15650 docs/s (10× datatrove's ~1565 on 2 cores): "
          f"{'met' if vnnews['docs_per_s'] >= 15650 else 'NOT met'}")


if __name__ == "__main__":
    main()
