"""Score the cleaner line by line on annotated real excerpts (issue 12's figures).

    python -m tools.eval_cleaning [--set tests/blind] [--split dev|test|all] [--show]

Every line of an excerpt carries one label (tools/blind_set.py). The excerpts go through ingest
and clean exactly as in the flow (one batch), and each line's fate is read from the cleaned
record's provenance (``removed_lines``: position and rule):

- chrome recall, per class: chrome lines the cleaner removed, by any rule;
- article-line precision: article lines kept in the body (a ``title`` line also counts as kept
  when the title rule took it), i.e. one minus the share of article lines lost;
- caption and byline recall: lines taken by a caption or byline rule (separated, not dropped).

Excerpts not re-collected are skipped and counted, loudly. ``--show`` lists every miss.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

from tools.blind_set import CHROME_LABELS, problems, read_annotations
from transforms.clean import clean_documents
from transforms.ingest import read_documents
from transforms.reference import load_reference
from transforms.settings import Settings

# The rule families that separate a caption or a byline (a source line is a byline's kin).
SEPARATING_RULES = {"caption": {"caption"}, "byline": {"byline", "source-credit"}}


def line_fates(annotations: list[dict], folder: Path) -> tuple[dict[str, dict[int, str]], list[str]]:
    """Per excerpt file, the rule that removed each line removed whole; and the files left out.
    A rule that took only part of a line (a ` date` header, a lead credit like ``(TTXVN) -``)
    leaves the line in the body."""
    usable = [a for a in annotations if not problems(a, folder / "raw" / a["file"])]
    skipped = [a["file"] for a in annotations if a not in usable]
    documents, _ = read_documents([str(folder / "raw" / a["file"]) for a in usable])
    cleaned, _ = clean_documents(documents, load_reference(Settings().reference_dir))
    file_of = {d["doc_id"]: Path(d["source_path"]).name for d in documents}
    fates: dict[str, dict[int, str]] = {a["file"]: {} for a in usable}
    lines_of = {d["doc_id"]: d["text"].split("\n") for d in documents}
    for record in cleaned:
        lines = lines_of[record["doc_id"]]
        fates[file_of[record["doc_id"]]] = {
            removed["position"]: removed["rule"] for removed in record["removed_lines"]
            if removed["position"] < len(lines) and removed["line"].strip() == lines[removed["position"]].strip()
        }
    return fates, skipped


def outcome(label: str, rule: str | None) -> str:
    """What happened to a line of this label: ``hit`` when the cleaner did the right thing."""
    if label.startswith("chrome:"):
        return "hit" if rule else "miss"
    if label in ("title", "article"):
        return "hit" if rule is None or (label == "title" and rule.startswith("title")) else "miss"
    if label in SEPARATING_RULES:
        return "hit" if rule and rule.split(":")[0] in SEPARATING_RULES[label] else "miss"
    return "ignored"  # blank lines, and the article's own dateline (either fate is fine)


def score(annotations: list[dict], fates: dict[str, dict[int, str]]) -> tuple[dict, list[str]]:
    counts: dict[str, Counter] = defaultdict(Counter)
    misses = []
    for annotation in annotations:
        if annotation["file"] not in fates:
            continue
        removed = fates[annotation["file"]]
        for number, label, _ in annotation["lines"]:
            result = outcome(label, removed.get(number))
            counts[label][result] += 1
            if result == "miss":
                misses.append(f"{annotation['file']}:{number} {label} → {removed.get(number) or 'kept'}")
    return counts, misses


def summary(counts: dict[str, Counter]) -> dict:
    def rate(labels) -> str:
        hits = sum(counts[label]["hit"] for label in labels if label in counts)
        total = hits + sum(counts[label]["miss"] for label in labels if label in counts)
        return f"{hits}/{total} = {hits / total:.4f}" if total else "none annotated"

    return {
        "chrome_recall": rate(CHROME_LABELS),
        "chrome_recall_per_class": {label: rate([label]) for label in CHROME_LABELS if label in counts},
        "article_line_precision": rate(["title", "article"]),
        "caption_recall": rate(["caption"]),
        "byline_recall": rate(["byline"]),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.eval_cleaning", description=__doc__.splitlines()[0])
    parser.add_argument("--set", dest="folder", type=Path, default=Path("tests/blind"), help="default: tests/blind")
    parser.add_argument("--split", choices=("dev", "test", "all"), default="dev",
                        help="which half (default: dev; report the test half once, at the end)")
    parser.add_argument("--show", action="store_true", help="list every line the cleaner got wrong")
    args = parser.parse_args(argv)
    annotations = [a for a in read_annotations(args.folder) if args.split == "all" or a.get("split", "dev") == args.split]
    if not annotations:
        print(f"SKIPPED: no annotations for split {args.split} under {args.folder}", file=sys.stderr)
        return 1
    fates, skipped = line_fates(annotations, args.folder)
    if skipped:
        print(f"SKIPPED {len(skipped)} excerpt(s) not re-collected or differing: {', '.join(skipped)} "
              f"(python -m tools.blind_set check --set {args.folder})", file=sys.stderr)
    counts, misses = score(annotations, fates)
    print(json.dumps({"excerpts": len(fates), "split": args.split, **summary(counts)}, ensure_ascii=False, indent=1))
    if args.show:
        print("\n".join(misses))
    return 0


if __name__ == "__main__":
    sys.exit(main())
