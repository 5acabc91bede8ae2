"""Whose official: each person's country, when the article states or implies it.

From the person's titles: the first country a title names, or the country of a body it names
("Đại sứ Nhật Bản tại Việt Nam" → Nhật Bản; "Ủy viên Bộ Chính trị Đảng Cộng sản Trung Quốc" →
Trung Quốc) — a country after "tại" is where the post is, not whose. A person no title gives a
foreign country and whose name is Vietnamese in form (a Vietnamese surname, two to four
capitalized words) is Vietnamese. Anyone else is of the article's foreign country when it
names exactly one (a Vietnamese article about a visit, a call, a mission names its partner);
otherwise their country stays open (null).
"""

from __future__ import annotations

import re

import pyarrow as pa

from transforms.extract.declare import Column, Extractor, not_null
from transforms.extract.gazetteer import Gazetteer, entity_key
from transforms.extract.organizations import countries_in
from transforms.extract.person_refs import person_refs
from transforms.extract.spans import segment

VIETNAM = "Việt Nam"
_POSTED_IN = re.compile(r"(?<!\w)tại\s*$")


def title_country(title: str, gazetteer: Gazetteer) -> str | None:
    """The country a title names (not after "tại"), itself or through a body it names."""
    segmented = segment(title, gazetteer)
    for span in segmented.spans:
        if _POSTED_IN.search(title[:span.start]):
            continue
        for inner in (span, *span.nested):
            if inner.is_country:
                return inner.entry("country").name
            if inner.is_organization and inner.kind == "phrase":
                countries = gazetteer.countries_in_organization.get(inner.entry("organization").name, ())
                if countries:
                    return countries[0]
    return None


def person_country(name: str, titles: list[str], gazetteer: Gazetteer, partner: str | None = None) -> str | None:
    """``titles``: the person's titles, and the text of each reference to them (title + name);
    ``partner``: the article's one foreign country, if it names only one."""
    for title in titles:
        country = title_country(title, gazetteer)
        if country is not None:
            return country
    words = name.split()
    if 2 <= len(words) <= 4 and gazetteer.is_surname(words[0]) and all(word[0].isupper() for word in words):
        return VIETNAM
    return partner


def _compute(article) -> list[dict]:
    text, written = article.segmented.text, {}
    for ref in person_refs(article.segmented, article.people):
        if ref.named:  # "Thủ tướng Chính phủ nước Cộng hòa Dân chủ Nhân dân Lào Sonexay Siphandone"
            written.setdefault(ref.name, []).append(text[ref.start:ref.end])
    foreign = [country for country in countries_in(article.segmented, article.gazetteer) if country != VIETNAM]
    partner = foreign[0] if len(foreign) == 1 else None
    return [{"name": p.name,
             "country": person_country(p.name, [*written.get(p.name, []), *p.titles], article.gazetteer, partner)}
            for p in article.people]


_TEXT = pa.string()
PERSON_COUNTRIES = Extractor(
    "person_countries",
    (Column("doc_id", _TEXT, nullable=False, description="the article (articles.doc_id)"),
     Column("person_key", _TEXT, nullable=False, description="match key of the person"),
     Column("name", _TEXT, nullable=False, description="the person, as named in people"),
     Column("country", _TEXT, description="the country whose official the person is, stated or implied by a title, or null when open")),
    rows=lambda extraction: [
        {"doc_id": extraction["doc_id"], "person_key": entity_key(p["name"]), "name": p["name"], "country": p["country"]}
        for p in extraction["person_countries"]
    ],
    warehouse="ordered",
    description="The country of each person named in an article, when the text states or implies it.",
    compute=_compute,
    suites={"person_countries": (not_null("name", quarantine_rows=True),)},
)
