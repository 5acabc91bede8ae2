"""A second synthetic corpus, independent of ``vnnews synth`` (tools/synth/), with ground truth.

    python -m tools.independent_corpus --docs 20000 --out /tmp/corpus --truth /tmp/corpus-truth.json

Why a second one: a generator and the dedup tuned on it can share blind spots. This one shares
no code, vocabulary or edit model with ``tools.synth``: plain domestic-news articles without
site chrome (an optional headline line, then paragraphs), written as ``.txt`` files and, for a
share of them, as records of ``.jsonl`` files (``{"text", "url"}``, what ingest reads). Lengths
run from 100 bytes to 100 KB (0.5% over 30 KB); some articles are one giant paragraph,
some all capitals, some English only (ingest must quarantine those), a few files are blank and a
few JSON lines malformed (quarantine too).

Edit model of the copies (``EDITS``), unlike synth's word substitutions and added chrome: byte
copies, whitespace and line-ending changes, punctuation changes, old-style tone placement
(hoà/thuỷ), all capitals, adjacent sentences and paragraphs swapped, syllables deleted (3, 8 or
15 per cent), one paragraph dropped, cut to the first 60 or 30 per cent or the last 60 per cent
of the sentences, and one combination. Hard negatives: articles that reuse one paragraph of
another article, and stock sentences shared by thousands of unrelated articles.

Ground truth, for every input unit (a file, or ``file.jsonl#line``): its cluster, the unit it is
a copy of, the edit, the expected fate when it is not an article (``quarantined``), and for a
copy the 5-syllable shingle Jaccard and containment to its original, computed here on the
generated syllables (before rendering: case and tone placement do not count, as dedup's matching
key folds them), and the chance that LSH compares the pair at all. ``meant_to_be_found`` applies
DedupSettings' thresholds to those figures with a margin: True well inside the near or contained
rule and compared with probability ≥ 0.97, False well outside both rules, None (borderline,
scored apart) in between or when only LSH's luck decides (copies cut to 30%: J ≈ 0.3). The same seed gives the same files and truth, byte for byte.
"""
from __future__ import annotations

import argparse
import json
import random
import time
from dataclasses import dataclass, field
from pathlib import Path

from tools.corpus_articles import EDITS, Style, Writer, applicable, edited, meant_to_be_found, render, similarity, target_size
from transforms.settings import DedupSettings

DUP_RATE = 0.25
_JSONL_START = 0.01  # chance that a unit opens a .jsonl file of the next 2–40 units
_MALFORMED_LINE = '{"text": "Bản tin này bị cắt giữa chừng'


@dataclass
class _Unit:
    text: str
    truth: dict
    path: str = ""  # assigned once the units are shuffled
    source: "_Unit | None" = None  # the original of a copy, the donor of a shared paragraph
    edit: str | None = None


@dataclass
class _Corpus:
    units: list[_Unit] = field(default_factory=list)

    def add(self, text: str, kind: str, **truth) -> _Unit:
        unit = _Unit(text, {"kind": kind, **truth})
        self.units.append(unit)
        return unit


def _originals(corpus: _Corpus, writer: Writer, count: int) -> list[tuple[_Unit, object, Style]]:
    rng = writer.rng
    made = []
    for _ in range(count):
        article = writer.article(target_size(rng), giant=rng.random() < 0.03)
        style = Style(upper=rng.random() < 0.01)
        kind = "giant-paragraph" if article.giant else "all-caps" if style.upper else "article"
        made.append((corpus.add(render(article, style), kind), article, style))
    return made


def _copies(corpus: _Corpus, originals: list, count: int, rng: random.Random) -> None:
    names = list(EDITS)
    for number in range(count):
        edit = names[number % len(names)]
        for _ in range(50):  # an original the edit applies to (short ones cannot be cut)
            unit, article, style = rng.choice(originals)
            if applicable(edit, article):
                break
        else:
            edit = "exact"
        copy, copy_style = edited(article, style, edit, rng)
        figures = similarity(article, copy)
        made = corpus.add(render(copy, copy_style), "copy", edit=edit, **figures, meant_to_be_found=meant_to_be_found(figures))
        made.source, made.edit = unit, edit


def _shared_paragraphs(corpus: _Corpus, writer: Writer, originals: list, count: int) -> None:
    """Hard negatives: a new article with one paragraph of an existing one (a quoted statement),
    kept only when the pair is clearly not a copy by dedup's rules (a short article that is mostly
    the quoted paragraph would be one)."""
    rng = writer.rng
    made = 0
    for _ in range(20 * count):  # most draws qualify; the bound only matters for tiny corpora
        if made == count:
            break
        donor, donor_article, _ = rng.choice(originals)
        article = writer.article(target_size(rng), giant=False)
        paragraphs = list(article.paragraphs)
        paragraphs[rng.randrange(len(paragraphs))] = rng.choice(donor_article.paragraphs)
        article = type(article)(article.headline, tuple(paragraphs))
        figures = similarity(donor_article, article)
        if meant_to_be_found(figures) is False:
            corpus.add(render(article), "shares-a-paragraph", **figures).source = donor
            made += 1


def build(docs: int, seed: int, dup_rate: float = DUP_RATE) -> _Corpus:
    """The corpus's units, shuffled and named; see ``write_corpus``."""
    rng = random.Random(seed)
    writer = Writer(rng)
    corpus = _Corpus()
    english, blank, shared, copies = max(1, docs // 100), docs // 1000, docs // 50, round(docs * dup_rate)
    originals = _originals(corpus, writer, max(1, docs - english - blank - shared - copies))
    _copies(corpus, originals, copies, rng)
    _shared_paragraphs(corpus, writer, originals, shared)
    for _ in range(english):
        corpus.add(writer.english(target_size(rng)), "english-only", expected_fate="quarantined")
    for _ in range(blank):
        corpus.add(rng.choice(("", "\n", "  \n\n \t\n")), "blank", expected_fate="quarantined")
    rng.shuffle(corpus.units)
    return corpus


def _layout(corpus: _Corpus, rng: random.Random) -> dict[str, list[str]]:
    """File name → its lines (a .txt file has one 'line', its whole text). Names each unit."""
    files: dict[str, list[str]] = {}
    position = 0
    units = corpus.units
    while position < len(units):
        name = f"{position:06d}"
        if rng.random() < _JSONL_START:
            lines = []
            for unit in units[position:position + rng.randint(2, 40)]:
                if rng.random() < 0.02:
                    lines.append(_MALFORMED_LINE)
                lines.append(json.dumps({"text": unit.text, "url": f"https://tin.example.invalid/{name}/{len(lines)}"},
                                        ensure_ascii=False))
                unit.path = f"{name}.jsonl#{len(lines)}"
                position += 1
            files[f"{name}.jsonl"] = lines
        else:
            units[position].path = f"{name}.txt"
            files[f"{name}.txt"] = [units[position].text]
            position += 1
    return files


def _truth(corpus: _Corpus, files: dict[str, list[str]], docs: int, seed: int) -> dict:
    units = {}
    for unit in corpus.units:
        original = unit.source if unit.edit else None
        units[unit.path] = {
            **unit.truth,
            "cluster": original.path if original else unit.path,
            "duplicate_of": original.path if original else None,
            "shares_paragraph_with": unit.source.path if unit.source and not unit.edit else None,
            "bytes": len(unit.text.encode("utf-8")),
        }
    for name, lines in files.items():
        for number, line in enumerate(lines, start=1):
            if line == _MALFORMED_LINE:
                units[f"{name}#{number}"] = {"kind": "malformed-record", "cluster": f"{name}#{number}",
                                             "duplicate_of": None, "expected_fate": "quarantined"}
    settings = DedupSettings()
    return {
        "generator": "tools.independent_corpus", "docs": docs, "seed": seed,
        "edits": EDITS,
        "thresholds_used": {"jaccard": settings.jaccard_threshold, "containment": settings.containment_threshold,
                            "min_contained_shingles": settings.min_contained_shingles, "shingle_size": settings.shingle_size},
        "units": dict(sorted(units.items())),
    }


def write_corpus(out_dir: Path, truth_path: Path, docs: int, seed: int = 0, dup_rate: float = DUP_RATE) -> dict:
    """Write ``docs`` documents (plus a few malformed JSON lines) into ``out_dir``, which must not
    hold files yet, and their ground truth to ``truth_path`` (keep it outside ``out_dir``: the
    pipeline would read it as input). Returns the truth."""
    out_dir.mkdir(parents=True, exist_ok=True)
    if any(out_dir.iterdir()):
        raise FileExistsError(f"{out_dir} is not empty: the corpus needs a folder of its own")
    corpus = build(docs, seed, dup_rate)
    files = _layout(corpus, random.Random(seed + 1))
    for name, lines in files.items():
        text = lines[0] if name.endswith(".txt") else "\n".join(lines) + "\n"
        (out_dir / name).write_bytes(text.encode("utf-8"))
    truth = _truth(corpus, files, docs, seed)
    truth_path.parent.mkdir(parents=True, exist_ok=True)
    truth_path.write_text(json.dumps(truth, ensure_ascii=False, indent=0), encoding="utf-8")
    return truth


def summary(truth: dict) -> dict:
    """Counts by kind, by edit and by meant_to_be_found, for printing."""
    units = truth["units"].values()
    kinds: dict[str, int] = {}
    edits: dict[str, dict] = {}
    for unit in units:
        kinds[unit["kind"]] = kinds.get(unit["kind"], 0) + 1
        if unit["kind"] == "copy":
            entry = edits.setdefault(unit["edit"], {"copies": 0, "meant": 0, "not_meant": 0, "borderline": 0})
            entry["copies"] += 1
            entry[{True: "meant", False: "not_meant", None: "borderline"}[unit["meant_to_be_found"]]] += 1
    return {"units": len(truth["units"]), "kinds": kinds, "edits": edits}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, required=True)
    parser.add_argument("--out", type=Path, required=True, help="an empty or new folder for the corpus")
    parser.add_argument("--truth", type=Path, required=True, help="where to write the ground truth (outside --out)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--dup-rate", type=float, default=DUP_RATE)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    truth = write_corpus(args.out, args.truth, args.docs, args.seed, args.dup_rate)
    print(json.dumps(summary(truth), indent=1))
    print(f"wrote {args.docs} documents to {args.out} and their truth to {args.truth} "
          f"in {time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()
