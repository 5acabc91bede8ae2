"""The extract stage's own tables, declared (:mod:`transforms.extract.declare`).

The extraction of one article (:func:`transforms.extract.document.extract_documents`) holds
everything these tables are read from; :mod:`transforms.extract.registry` lists them.
"""

from __future__ import annotations

import pyarrow as pa

from transforms.extract.declare import WARNING, Column, Extractor, in_set, keys, matches, matches_none, not_null, per_value
from transforms.extract.gazetteer import entity_key
from transforms.patterns import PERSON_NAME, TITLE_WORD

_TEXT = pa.string()


def _text_columns(*names: str, nullable: bool = True) -> tuple[Column, ...]:
    return tuple(Column(name, _TEXT, nullable) for name in names)


_ARTICLE_COLUMNS = ("doc_id", "title", "published_date", "event_date_text", "event_date", "event_date_precision",
                    "time_of_day", "location", "venue_city", "venue_country", "author")

# Merged into the warehouse's articles with the cleaned text (warehouse/staging/02_articles.sql).
ARTICLES = Extractor(
    "articles_extracted",
    _text_columns(*_ARTICLE_COLUMNS),
    rows=lambda extraction: [{column: extraction.get(column) for column in _ARTICLE_COLUMNS}],
)

# People get ids and one row per person and article (warehouse/staging/03_entities.sql).
PERSON_MENTIONS = Extractor(
    "person_mentions",
    (*_text_columns("doc_id", "person_key", "name"), Column("titles", pa.list_(_TEXT)), Column("in_caption", pa.bool_())),
    rows=lambda extraction: [
        {"doc_id": extraction["doc_id"], "person_key": p["person_key"], "name": p["name"], "titles": p["titles"],
         "in_caption": p["in_caption"]}
        for p in extraction["people"]
    ],
    suites={
        "person_mentions": (
            *keys("doc_id", "person_id"),
            not_null("name", quarantine_rows=True),
            in_set("article_exists", [True]),
            matches("name", PERSON_NAME.pattern, severity=WARNING),
            matches_none("name", [TITLE_WORD.pattern], severity=WARNING),
        ),
        "person_titles": (
            not_null("title", quarantine_rows=True),
            matches("title", {"$PARAMETER": "title_pattern"}, severity=WARNING),
        ),
    },
)

ORGANIZATION_MENTIONS = Extractor(
    "organization_mentions",
    _text_columns("doc_id", "org_key", "organization", "as_written"),
    rows=lambda extraction: [
        {"doc_id": extraction["doc_id"], "org_key": entity_key(o["name"]), "organization": o["name"],
         "as_written": o["as_written"]}
        for o in extraction["organizations_detail"]
    ],
    suites={"organization_mentions": (*keys("doc_id", "org_id"), in_set("article_exists", [True]))},
)

COUNTRY_MENTIONS = Extractor("country_mentions", _text_columns("doc_id", "country"), per_value("country", "countries"))

_DOC_ID = "the article (articles.doc_id)"


def _described(*columns: tuple[str, str], nullable: bool = True) -> tuple[Column, ...]:
    """Text columns of a generated table, each (name, description): the description becomes the
    warehouse's column comment (warehouse/comments/02_extracted.sql)."""
    return tuple(Column(name, _TEXT, nullable, description) for name, description in columns)


# A source as written and the outlet it is one spelling of (seeds/reference/agencies.csv).
SOURCES = Extractor(
    "sources",
    _described(("doc_id", _DOC_ID),
               ("source", "an outlet the article credits (lead, byline, photo credit or text), as written: VOV.VN, TTXVN"),
               ("outlet", "the canonical outlet that spelling is one of (seeds/reference/agencies.csv): VOV"),
               nullable=False),
    rows=lambda extraction: [
        {"doc_id": extraction["doc_id"], "source": source, "outlet": outlet}
        for source, outlet in zip(extraction["sources"], extraction["source_outlets"])
    ],
    warehouse="distinct",
    description="The news outlets an article credits, one row per spelling and article, with its canonical outlet.",
)

PHOTO_CREDITS = Extractor(
    "photo_credits",
    _described(("doc_id", _DOC_ID), ("credit", "a photographer or agency credited for a photo, as written"),
               nullable=False),
    per_value("credit", "photo_credits"),
    warehouse="distinct",
    description="Photo credits of an article, one row per distinct credit and article.",
)

CAPTIONS = Extractor(
    "captions",
    (*_described(("doc_id", _DOC_ID), ("caption", "the caption's text, its credit removed"), nullable=False),
     Column("credit", _TEXT, description="the photo credit at the caption's end, if any")),
    rows=lambda extraction: [
        {"doc_id": extraction["doc_id"], "caption": caption, "credit": credit}
        for caption, credit in zip(extraction["captions"], extraction["caption_credits"])
    ],
    warehouse="ordered",
    description="Photo captions of an article, in article order.",
)

QUOTES = Extractor(
    "quotes",
    _described(("doc_id", _DOC_ID), ("quote", "the quoted words, without their quotation marks"), nullable=False),
    per_value("quote", "quotes"),
    warehouse="ordered",
    description="Direct quotations in an article, in article order.",
)

# A reference as written and the document it names, keyed the same in every article whatever
# the form (kind | number or congress ordinal | issuing body), with its canonical name.
DOC_REFS = Extractor(
    "doc_refs",
    _described(("doc_id", _DOC_ID),
               ("doc_ref", "the document as written: a numbered act (Nghị định 18/2022/NĐ-CP), a congress document or a named law"),
               ("document_key", "the document's identity, the same whatever the form: kind | number or congress ordinal | issuing body"),
               ("document", "the document's canonical name"),
               nullable=False),
    rows=lambda extraction: [{"doc_id": extraction["doc_id"], **row} for row in extraction["documents_referenced"]],
    warehouse="distinct",
    description="Party and state documents an article cites, one row per reference and article, with the document's identity.",
)
