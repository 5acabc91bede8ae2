"""The reproduction runs of issue 11, repeated: every run finishes, loses nothing, and builds the
same tables as the first, on either runner.

    python -m tools.repeat_runs --corpus synth --docs 20000 --times 10 [--runner local dask]

``synth`` is ``vnnews synth`` (its ``docs/`` folder is the input); ``independent`` is the corpus of
tools/independent_corpus.py. The corpus is written once; each run gets a fresh lake, warehouse and
PREFECT_HOME, and reads the corpus through the same relative path (``../synth/docs``) (a second copy of a text gets
an id salted with its path), so digests agree across invocations as well as across runs. Prints one line per run (wall time, fates, digest of every table) and exits 1 when a
run fails, loses an input or builds tables that differ from the first run's.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tempfile
from collections import Counter
from pathlib import Path

from tools.check_independent_corpus import nothing_lost, read_outcome, run_pipeline
from tools.warehouse_digest import table_digests


def write_input(kind: str, folder: Path, docs: int, seed: int) -> tuple[Path, dict]:
    """The input folder and its truth (``units``: every input unit, by path under the folder)."""
    if kind == "independent":
        from tools.independent_corpus import write_corpus

        corpus = folder / "corpus"
        return corpus, write_corpus(corpus, folder / "truth.json", docs, seed)
    from tools.synth import write_corpus

    corpus = write_corpus(folder / "synth", docs, seed=seed) / "docs"
    return corpus, {"units": {path.name: {} for path in corpus.iterdir()}}


def one_run(corpus: Path, truth: dict, work: Path, runner: str) -> tuple[float, list[str], Counter, str]:
    seconds = run_pipeline(corpus, work, ["--runner", runner])
    outcome = read_outcome(work / "warehouse.duckdb", corpus)
    fates = Counter("/".join(entry["fates"]) for entry in outcome["units"].values())
    digests = table_digests(work / "warehouse.duckdb")
    digest = hashlib.sha256(json.dumps(sorted(digests.items())).encode()).hexdigest()[:16]
    return seconds, nothing_lost(truth, outcome), fates, digest


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", choices=("synth", "independent"), default="synth")
    parser.add_argument("--docs", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--times", type=int, default=10, help="runs per runner (default: 10)")
    parser.add_argument("--runner", nargs="+", choices=("local", "dask"), default=["local"])
    args = parser.parse_args(argv)
    failures, digests = [], set()
    with tempfile.TemporaryDirectory(prefix="vnnews-repeat-") as temporary:
        corpus, truth = write_input(args.corpus, Path(temporary), args.docs, args.seed)
        for runner in args.runner:
            for attempt in range(1, args.times + 1):
                work = Path(tempfile.mkdtemp(prefix=f"{runner}-{attempt}-", dir=temporary))
                seconds, lost, fates, digest = one_run(Path("..") / corpus.relative_to(temporary), truth, work, runner)
                digests.add(digest)
                print(f"{args.corpus} {args.docs} {runner} run {attempt}: {seconds:.0f} s, "
                      f"fates {dict(sorted(fates.items()))}, tables {digest}, lost {len(lost)}", flush=True)
                failures += [f"{runner} run {attempt}: {problem}" for problem in lost[:20]]
    if len(digests) > 1:
        failures.append(f"the runs built {len(digests)} different sets of tables: {sorted(digests)}")
    for failure in failures:
        print(f"FAILED: {failure}", file=sys.stderr)
    runs = args.times * len(args.runner)
    print("FAILED" if failures else f"OK: {runs} runs, nothing lost, one set of tables ({digests.pop()})")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
