"""A synthetic corpus of Vietnamese foreign-affairs news with known duplicates.

Every article is drawn from a handful of event templates (courtesy calls, talks, phone calls,
working sessions, conferences, congratulatory messages, visits abroad), filled with generated
people (surname + middle + given syllables, never real officials), titles, organizations,
countries, dates, venues, figures, quotes, captions, bylines and site chrome. Each paragraph has
several phrasings and most slots draw from long lists, so unrelated articles share vocabulary and
sentence skeletons (the hard negatives of dedup) without being copies of each other.

A share of the documents (``dup_rate``) are copies of other articles, each with one edit type
(``EDIT_TYPES``); ``truth`` records for every file its cluster, its edit and the entities the text
contains, so dedup and extraction can be scored. Everything is drawn from one ``random.Random``
seeded by ``seed``: the same arguments give the same corpus, byte for byte.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

from tools.synth.article import Article
from tools.synth.editor import EDIT_TYPES, edited_copy
from tools.synth.kinds import ARTICLE_KINDS, write_article

__all__ = ["ARTICLE_KINDS", "EDIT_TYPES", "Article", "generate_article", "generate_corpus", "write_corpus"]


def _entities(article: Article, text: str) -> dict:
    """Truth for a text derived from ``article``: only the entities the text still contains."""
    present = lambda values: [v for v in values if v in text]  # noqa: E731
    return {
        "title": article.title if article.title and article.title in text else None,
        "published_date": article.published_date,
        "event_date_text": article.event_date_text if article.event_date_text and article.event_date_text in text else None,
        "event_date": article.event_date,
        "time_of_day": article.time_of_day,
        "location": article.location,
        "people": [{"name": name, "titles": titles} for name, titles in article.people.items() if name in text],
        "organizations": present(article.organizations),
        "countries": present(article.countries),
        "sources": article.sources,
        "author": article.author,
        "photo_credits": present(article.photo_credits),
        "captions": present(article.captions),
        "quotes": present(article.quotes),
    }


def generate_article(seed: int, kind: str | None = None) -> Article:
    """One article of ``kind`` (one of ``ARTICLE_KINDS``, random if None); ``.text`` is its text."""
    return write_article(random.Random(seed), [], kind)


def generate_corpus(n_docs: int, dup_rate: float = 0.3, seed: int = 0) -> tuple[list[dict], dict]:
    """``n_docs`` documents, ``round(n_docs * dup_rate)`` of them edited copies of the others.

    Returns ``documents`` (``file_name``, ``text``), in a shuffled order, and ``truth``: for each
    file name, ``cluster`` (shared by an original and its copies), ``edit`` (None for originals,
    else one of ``EDIT_TYPES``, spread evenly), ``duplicate_of`` (the original's file) and the
    entities of the text.
    """
    if not 0 <= dup_rate < 1:
        raise ValueError(f"dup_rate must be in [0, 1), got {dup_rate}")
    rng = random.Random(seed)
    headline_pool: list[str] = []  # shared: the chrome of copies links to earlier headlines
    n_copies = round(n_docs * dup_rate)
    originals = [write_article(rng, headline_pool) for _ in range(n_docs - n_copies)]
    edits = [EDIT_TYPES[i % len(EDIT_TYPES)] for i in range(n_copies)]
    rng.shuffle(edits)
    sources = [rng.randrange(len(originals)) for _ in range(n_copies)] if originals else []

    entries = [(index, None, article.text) for index, article in enumerate(originals)]
    entries += [(index, edit, edited_copy(rng, headline_pool, originals[index].text, edit)) for index, edit in zip(sources, edits)]
    order = list(range(len(entries)))
    rng.shuffle(order)
    file_names = {position: f"doc-{rank:06d}.txt" for rank, position in enumerate(order)}
    original_files = {entries[p][0]: file_names[p] for p in range(len(originals))}

    documents, truth = [], {}
    for position in order:
        index, edit, text = entries[position]
        name = file_names[position]
        documents.append({"file_name": name, "text": text})
        truth[name] = {
            "file": name,
            "cluster": f"c{index:06d}",
            "edit": edit,
            "duplicate_of": None if edit is None else original_files[index],
            **_entities(originals[index], text),
        }
    return documents, truth


def write_corpus(out_dir: str | Path, n_docs: int, dup_rate: float = 0.3, seed: int = 0) -> Path:
    """Write ``out_dir/docs/<file>.txt`` (UTF-8) and ``out_dir/truth.jsonl``; return ``out_dir``."""
    out_dir = Path(out_dir)
    docs_dir = out_dir / "docs"
    docs_dir.mkdir(parents=True, exist_ok=True)
    documents, truth = generate_corpus(n_docs, dup_rate, seed)
    for document in documents:
        # newline="" keeps the CRLF some copies carry
        with open(docs_dir / document["file_name"], "w", encoding="utf-8", newline="") as handle:
            handle.write(document["text"])
    with open(out_dir / "truth.jsonl", "w", encoding="utf-8") as handle:
        for document in documents:
            handle.write(json.dumps(truth[document["file_name"]], ensure_ascii=False) + "\n")
    return out_dir
