"""Real excerpts kept out of git: number their lines for annotation, and check re-collected text.

    python -m tools.blind_set lines tests/blind/raw/007.txt   # numbered lines with their hashes
    python -m tools.blind_set check [--set tests/blind]      # every raw file against its annotation
    python -m tools.blind_set split [--set tests/blind]      # assign the dev and test halves, by outlet

The article text is not ours to copy, so a set commits ``annotations.jsonl`` (url, the ``search``
query and rank that found the excerpt, its sha256, one label per line with the line's hash, and
the gold fields of ../shared/GOLD-SCHEMA.md) and never the text. An agent re-collects each
excerpt with the ``search`` tool (corpus ``pages``) into the ignored ``raw/`` folder; ``check``
says which files are missing or differ from what was annotated.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

# Line labels. Chrome is split into the classes of issue 12 so recall can be reported per class.
ARTICLE_LABELS = ("title", "article", "blank")
SEPARATED_LABELS = ("caption", "byline", "dateline")
CHROME_LABELS = (
    "chrome:headlines", "chrome:related", "chrome:media", "chrome:share", "chrome:counter",
    "chrome:breadcrumb", "chrome:tags", "chrome:live-note", "chrome:other-meta", "chrome:other",
)
LABELS = ARTICLE_LABELS + SEPARATED_LABELS + CHROME_LABELS


def line_hash(line: str) -> str:
    return hashlib.sha1(line.encode("utf-8")).hexdigest()[:8]


def text_lines(text: str) -> list[str]:
    return text.split("\n")


def read_annotations(folder: Path) -> list[dict]:
    path = folder / "annotations.jsonl"
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def problems(annotation: dict, raw: Path) -> list[str]:
    """Why ``raw`` does not match its annotation (empty when it does)."""
    if not raw.exists():
        return ["not collected"]
    text = raw.read_text(encoding="utf-8")
    found = []
    if hashlib.sha256(text.encode("utf-8")).hexdigest() != annotation["text_sha256"]:
        found.append("text differs from the annotated excerpt")
    lines = text_lines(text)
    if len(lines) != len(annotation["lines"]):
        found.append(f"{len(lines)} lines, {len(annotation['lines'])} annotated")
    for number, label, digest in annotation["lines"]:
        if label not in LABELS:
            found.append(f"line {number}: unknown label {label!r}")
        elif number < len(lines) and line_hash(lines[number]) != digest:
            found.append(f"line {number}: hash differs")
    return found


def outlet_name(domain: str) -> str:
    """The outlet behind a domain: ``baodantoc.com.vn`` and ``baodantoc.vn`` are one paper."""
    labels = domain.lower().removeprefix("www.").split(".")
    while len(labels) > 1 and labels[-1] in {"vn", "com", "net", "org", "gov", "edu", "info"}:
        labels.pop()
    return labels[-1]


def halves(annotations: list[dict]) -> dict[str, str]:
    """``dev`` or ``test`` per file. An outlet is wholly in one half, and so is a same-event
    group (its pairs are scored within a half): the units are the connected outlets and groups,
    dealt in a fixed pseudo-random order to whichever half has fewer excerpts so far."""
    parent: dict[str, str] = {}

    def root(node: str) -> str:
        while parent.setdefault(node, node) != node:
            node = parent[node]
        return node

    for annotation in annotations:
        outlet = "outlet:" + outlet_name(annotation["outlet"])
        if group := annotation.get("same_event_group"):
            parent[root("group:" + group)] = root(outlet)
        root(outlet)
    units: dict[str, list[str]] = {}
    for annotation in annotations:
        units.setdefault(root("outlet:" + outlet_name(annotation["outlet"])), []).append(annotation["file"])
    size = {"dev": 0, "test": 0}
    split = {}
    for unit in sorted(units, key=lambda unit: hashlib.sha256(unit.encode()).hexdigest()):
        half = min(size, key=lambda name: (size[name], name))
        size[half] += len(units[unit])
        split.update(dict.fromkeys(units[unit], half))
    return split


def _split(folder: Path) -> int:
    annotations = read_annotations(folder)
    split = halves(annotations)
    with open(folder / "annotations.jsonl", "w", encoding="utf-8") as handle:
        for annotation in annotations:
            handle.write(json.dumps({**annotation, "split": split[annotation["file"]]}, ensure_ascii=False) + "\n")
    for half in ("dev", "test"):
        files = [a for a in annotations if split[a["file"]] == half]
        print(f"{half}: {len(files)} excerpts from {len({outlet_name(a['outlet']) for a in files})} outlets")
    return 0


def _lines(path: Path) -> int:
    text = path.read_text(encoding="utf-8")
    print(f"sha256 {hashlib.sha256(text.encode('utf-8')).hexdigest()}")
    for number, line in enumerate(text_lines(text)):
        print(f"{number:3d} {line_hash(line)} {line}")
    return 0


def _check(folder: Path) -> int:
    annotations = read_annotations(folder)
    failing = {a["file"]: found for a in annotations if (found := problems(a, folder / "raw" / a["file"]))}
    for file, found in failing.items():
        print(f"{file}: {'; '.join(found)}")
    print(f"{len(annotations) - len(failing)} of {len(annotations)} excerpts collected and matching")
    return 1 if failing else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.blind_set", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("lines", help="print a raw excerpt's lines, numbered from 0, with their hashes").add_argument("path", type=Path)
    check = commands.add_parser("check", help="check every re-collected excerpt against its annotation")
    check.add_argument("--set", dest="folder", type=Path, default=Path("tests/blind"), help="the set's folder (default: tests/blind)")
    split = commands.add_parser("split", help="write each excerpt's half (dev/test), whole outlets and same-event groups to one half")
    split.add_argument("--set", dest="folder", type=Path, default=Path("tests/blind"), help="the set's folder (default: tests/blind)")
    args = parser.parse_args(argv)
    if args.command == "lines":
        return _lines(args.path)
    return _check(args.folder) if args.command == "check" else _split(args.folder)


if __name__ == "__main__":
    sys.exit(main())
