"""Extraction of one article: ``cleaned`` records → ``extractions`` (docs/datasets.md).

Each article's body paragraphs, captions and headline are segmented once
(:mod:`transforms.extract.spans`); people (:mod:`~transforms.extract.people`), organizations and
countries (:mod:`~transforms.extract.organizations`) and outlets
(:mod:`~transforms.extract.sources`) are read off those spans; the event
(:mod:`~transforms.extract.events`), quotations and document references
(:mod:`~transforms.extract.references`) off the text. Extractors of the registry that compute
something of their own (:mod:`transforms.extract.registry`) read the same :class:`Article`.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from transforms.extract.events import find_event
from transforms.extract.gazetteer import Gazetteer
from transforms.extract.organizations import countries_in, organizations_in, unique
from transforms.extract.people import Person, mentions_in, resolve_people
from transforms.extract.references import document_references, quotes_in, referenced_documents
from transforms.extract.registry import EXTRACTORS
from transforms.extract.places import venue_place
from transforms.extract.timestamps import article_timestamp
from transforms.extract.sources import author_and_source, credited_names, outlets_of, sources_in
from transforms.extract.spans import Segmented, segment
from transforms.extract.stories import passage_fingerprints
from transforms.text import needs_repair, repair_characters


@dataclass(frozen=True)
class Article:
    """What every extractor reads: the cleaned record, its repaired body paragraphs (lead
    first) joined as ``body``, and the segmented text of body, captions and headline."""

    record: dict
    paragraphs: list[str]
    body: str
    segmented: Segmented
    gazetteer: Gazetteer
    people: list[Person]  # resolved (transforms.extract.people), for the extractors that read references to them


_LEAD_PARAGRAPHS = 3  # where the venue's place is read when the venue is not written: the headline may come first


def extract_documents(cleaned: list[dict], gazetteer: Gazetteer) -> list[dict]:
    """One extraction per cleaned record, with the keys of ``vnnews inspect``."""
    return [_extract(record, gazetteer) for record in cleaned]


def _extract(record: dict, gazetteer: Gazetteer) -> dict:
    paragraphs = _body_paragraphs(record)
    captions = [caption for caption in record.get("captions") or [] if (caption.get("text") or "").strip()]
    caption_texts = [_repaired(caption["text"]).strip() for caption in captions]
    title = record.get("title")
    body = "\n".join(paragraphs)
    # One pass over body, captions and headline, a line each: lines never join.
    caption_start = len(body) + 1
    caption_end = caption_start + sum(len(text) + 1 for text in caption_texts)
    text = "\n".join([body, *caption_texts, _repaired(title or "")])
    segmented = segment(text, gazetteer, (caption_start, caption_end))

    photo_credits = unique(caption["credit"].strip() for caption in captions if (caption.get("credit") or "").strip())
    author, author_source = author_and_source(record.get("author"))
    mentions = mentions_in(segmented, gazetteer.is_surname)
    people = resolve_people(mentions, excluded_names=credited_names(author, photo_credits))
    article = Article(record, paragraphs, body, segmented, gazetteer, people)
    organizations = organizations_in(segmented, gazetteer)
    published = record.get("published_date") or article_timestamp(paragraphs, record.get("removed_lines") or [])
    event = find_event(paragraphs, published, gazetteer.is_country)
    sources = sources_in(record, paragraphs, segmented, photo_credits, author_source, gazetteer)
    extraction = {
        "doc_id": record["doc_id"],
        "title": title,
        "published_date": published,
        "event_date_text": event.date_text,
        "event_date": event.date,
        "event_date_precision": event.precision,
        "time_of_day": event.time_of_day,
        "location": event.location,
        **dict(zip(("venue_city", "venue_country"), venue_place(event.location, "\n".join(paragraphs[:_LEAD_PARAGRAPHS]), gazetteer))),
        "people": [
            {"name": p.name, "titles": p.titles, "in_caption": p.in_caption, "person_key": p.key} for p in people
        ],
        "organizations": unique(detail["name"] for detail in organizations),
        "organizations_detail": organizations,
        "countries": countries_in(segmented, gazetteer),
        "sources": sources,
        "source_outlets": outlets_of(sources, gazetteer),
        "author": author,
        "photo_credits": photo_credits,
        "captions": caption_texts,
        "caption_credits": [(caption.get("credit") or "").strip() or None for caption in captions],
        "quotes": quotes_in(body),
        "doc_refs": document_references(body),
        "documents_referenced": referenced_documents(body),
        "passage_fingerprints": passage_fingerprints(body),
    }
    for extractor in EXTRACTORS:
        if extractor.compute is not None:
            extraction[extractor.table] = extractor.compute(article)
    return extraction


def _body_paragraphs(record: dict) -> list[str]:
    body = _repaired(record.get("body") or "")
    paragraphs = [line.strip() for line in body.split("\n") if line.strip()]
    sapo = _repaired(record.get("sapo") or "").strip()
    if sapo and sapo not in body:
        paragraphs.insert(0, sapo)
    return paragraphs


def _repaired(text: str) -> str:
    """``repair_characters``, skipped when a quick check finds nothing it would change (the
    upstream stages have normally repaired the text already)."""
    if needs_repair(text) or not unicodedata.is_normalized("NFC", text):
        return repair_characters(text)
    return text

