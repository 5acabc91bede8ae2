"""The extract stage: ``cleaned`` records → ``extractions`` (docs/datasets.md).

Each article's body paragraphs, captions and headline are segmented once
(:mod:`transforms.extract_spans`); people (:mod:`transforms.extract_people`), organizations,
countries and outlets are read off those spans; the event (:mod:`transforms.extract_events`),
quotations and document references (:mod:`transforms.extract_references`) off the text.
:func:`extraction_tables` flattens extractions into the warehouse's tables and
:mod:`transforms.extract_stories` groups articles about one event.
"""

from __future__ import annotations

import re
import unicodedata

import pyarrow as pa

from transforms.extract_events import find_event
from transforms.extract_people import mentions_in, resolve_people
from transforms.extract_references import document_references, quotes_in
from transforms.extract_spans import LOCAL_HEADS, Segmented, Span, segment
from transforms.extract_stories import assign_stories, passage_fingerprints, story_features
from transforms.gazetteer import Entry, Gazetteer, entity_key, phrase_key
from transforms.text import needs_repair, repair_characters

__all__ = ["Gazetteer", "assign_stories", "extract_documents", "extraction_tables", "story_features"]

# Any character repair_characters would change, from its own tables.
_DOMAIN = re.compile(r"^[\w-]+(?:\.[\w-]+)*\.(?:vn|com|net|org)$", re.IGNORECASE)
_CREDIT_PARTS = re.compile(r"\s*(?:/|–|—|\s-\s|,|;|\bvà\b)\s*")
_LEAD_CREDIT = re.compile(r"^\s*\(?([^()\n]{2,40}?)\)?\s*[-–.]\s")
_THEO = re.compile(r"^\(?\s*theo\s+", re.IGNORECASE)
_AUTHOR_SOURCE = re.compile(r"\s*\(\s*theo\s+([^)]+)\)\s*$", re.IGNORECASE)
# An outlet named in the text is credited when the sentence says so: "Theo Reuters",
# "Hãng tin AFP dẫn lời", "(TTXVN)".
_CREDIT_BEFORE = re.compile(
    r"(?:theo|hãng tin|hãng thông tấn|phóng viên|pv|nguồn)(?:\s+(?:báo|tờ|trang|đài|hãng))?\s*$|\(\s*$",
    re.IGNORECASE,
)
_CREDIT_AFTER = re.compile(r"^\s*(?:đưa tin|cho biết|dẫn|trích|đưa|\)|/)", re.IGNORECASE)


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

    photo_credits = _unique(caption["credit"].strip() for caption in captions if (caption.get("credit") or "").strip())
    author, author_source = _author(record.get("author"))
    mentions = mentions_in(segmented, gazetteer.is_surname)
    people = resolve_people(mentions, excluded_names=_credited_names(author, photo_credits))
    organizations = _organizations(segmented, gazetteer)
    event = find_event(paragraphs, record.get("published_date"), gazetteer.is_country)
    return {
        "doc_id": record["doc_id"],
        "title": title,
        "published_date": record.get("published_date"),
        "event_date_text": event.date_text,
        "event_date": event.date,
        "event_date_precision": event.precision,
        "time_of_day": event.time_of_day,
        "location": event.location,
        "people": [
            {"name": p.name, "titles": p.titles, "in_caption": p.in_caption, "person_key": p.key} for p in people
        ],
        "organizations": _unique(detail["name"] for detail in organizations),
        "organizations_detail": organizations,
        "countries": _countries(segmented, gazetteer),
        "sources": _sources(record, paragraphs, segmented, photo_credits, author_source, gazetteer),
        "author": author,
        "photo_credits": photo_credits,
        "captions": caption_texts,
        "caption_credits": [(caption.get("credit") or "").strip() or None for caption in captions],
        "quotes": quotes_in(body),
        "doc_refs": document_references(body),
        "passage_fingerprints": passage_fingerprints(body),
    }


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


def _organizations(segmented: Segmented, gazetteer: Gazetteer) -> list[dict]:
    """Named organizations, canonical, once each: gazetteer names, organizations built from a
    head word with a proper name, those inside them, and those a title names. A body renamed or
    merged in a restructuring keeps its name, with ``valid_until`` and ``successor``."""
    found: dict[str, dict] = {}

    def add(name: str, as_written: str, kind: str, entry: Entry | None = None) -> None:
        found.setdefault(entity_key(name), {
            "name": name, "as_written": as_written, "type": kind,
            "valid_until": (entry.valid_until or None) if entry else None,
            "successor": (entry.successor or None) if entry else None,
        })

    def add_entry(entry: Entry, as_written: str) -> None:
        if entry.reported:
            add(entry.name, as_written, entry.category, entry)

    text = segmented.text
    local = _LocalBodies(gazetteer)
    for name, written in _foreign_legislatures(segmented):
        add(name, written, "pattern")
    for span in segmented.spans:
        if span.is_place and span.kind == "phrase" and not span.is_organization:
            local.place(text, span)
        if not (span.is_organization or span.is_title):
            continue
        written = text[span.start:span.end]
        if span.kind == "organization":
            if span.head in LOCAL_HEADS and not span.named:
                local.bare(span, written)
            elif span.named and local.ends_bare(span.name):
                local.bare(span, written, prefix=span.name)
            elif span.named:
                name = local.canonical(span.name)
                known = gazetteer.organization(name)
                add(known.name if known else name, written, known.category if known else "pattern", known)
                for inner in local.inner(name):
                    add(inner, written, "pattern")
            for inner in span.nested:
                if (entry := inner.entry("organization")) is not None:
                    add_entry(entry, text[inner.start:inner.end])
        elif (entry := span.entry("organization")) is not None:
            add_entry(entry, written)
        elif (position := span.entry("position")) is not None and position.organization:
            known = gazetteer.organization(position.organization)
            add(known.name if known else position.organization, written, known.category if known else "title", known)
    for name, written in local.completed(found):
        add(name, written, "pattern")
    return list(found.values())


# A chamber named with its foreign country is an organization of its own ("Chủ tịch Thượng
# viện Campuchia", "Hạ viện Indonesia"); bare, or Vietnam's, it is the generic frame.
_CHAMBER = re.compile(r"(?:^|\s)(Hạ viện|Thượng viện|Quốc hội|Nghị viện)$", re.IGNORECASE)


def _foreign_legislatures(segmented: Segmented) -> list[tuple[str, str]]:
    found, spans, text = [], segmented.spans, segmented.text
    for span, following in zip(spans, spans[1:]):
        if span.kind != "phrase" or not following.is_country or segmented.gap(span.end, following.start):
            continue
        chamber = _CHAMBER.search(text[span.start:span.end])
        country = following.entry("country")
        if chamber is None or country is None or country.name == "Việt Nam":
            continue
        if not (span.is_title or span.is_organization):
            continue
        written = f"{chamber.group(1)} {text[following.start:following.end]}"
        found.append((written[0].upper() + written[1:], text[span.start:following.end]))
    return found


# Level of administration each local head belongs to; UBND/HĐND take theirs from the word after.
_LEVEL_OF_HEAD = {"tỉnh ủy": "tỉnh", "thành ủy": "thành phố", "huyện ủy": "huyện", "quận ủy": "quận", "thị ủy": "thị xã"}
_LEVEL_WORDS = {"tỉnh": "tỉnh", "thành phố": "thành phố", "tp": "thành phố", "tp.": "thành phố", "huyện": "huyện",
                "quận": "quận", "thị xã": "thị xã"}
_LEVEL_BEFORE = re.compile(r"(?<!\w)(tỉnh|thành phố|TP\.?|huyện|quận|thị xã|Tỉnh ủy|Thành ủy|Huyện ủy|Quận ủy|Thị ủy)\s+$",
                           re.IGNORECASE)
_ENDS_WITH_COMMITTEE = re.compile(r" (Tỉnh ủy|Thành ủy|Huyện ủy|Quận ủy|Thị ủy)$")
_LOCAL_NAME = re.compile(
    r"(?<!\w)(Tỉnh ủy|Thành ủy|Huyện ủy|Quận ủy|Thị ủy|Ủy ban nhân dân|Hội đồng nhân dân)"
    r"(?: (tỉnh|thành phố|huyện|quận|thị xã))? (\S.*)$"
)


class _LocalBodies:
    """Local party committees and councils a title names without their place ("Phó Bí thư
    Tỉnh ủy", "Chủ tịch UBND tỉnh"): the one province or city of that level the article
    names ("Tỉnh ủy Nghệ An", "tỉnh Nghệ An") completes them; abbreviations are expanded
    ("UBND tỉnh Quảng Ninh" → "Ủy ban nhân dân tỉnh Quảng Ninh")."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self.places: dict[str, dict[str, str]] = {}  # level → place key → place as written
        self.pending: list[tuple[str, str | None, str]] = []  # canonical head, level, as written

    def canonical(self, name: str) -> str:
        words = name.split(" ", 1)
        head = self.gazetteer.head_names.get(phrase_key(words[0]))
        if head is None or len(words) == 1 or phrase_key(head) == phrase_key(words[0]):
            return name
        rest = re.sub(r"^TP\.?(?= )", "thành phố", words[1])
        return f"{head} {rest}"

    def place(self, text: str, span: Span) -> None:
        if not span.has("province", "city"):
            return
        level = _LEVEL_BEFORE.search(text, max(0, span.start - 12), span.start)
        if level is not None:
            word = level.group(1).lower()
            self._add(_LEVEL_OF_HEAD.get(word) or _LEVEL_WORDS.get(word), text[span.start:span.end])

    def _add(self, level: str | None, place: str) -> None:
        if level:
            self.places.setdefault(level, {}).setdefault(entity_key(place), place)

    def inner(self, name: str) -> list[str]:
        """The local body a longer body names ("Ban Thường vụ Tỉnh ủy Nghệ An" → "Tỉnh ủy Nghệ An"),
        noting its place."""
        found = []
        for start in [0] + [m.start() + 1 for m in re.finditer(" ", name)]:
            match = _LOCAL_NAME.match(name, start)
            if match is None:
                continue
            head, level_word, place = match.groups()
            level = _LEVEL_OF_HEAD.get(head.lower()) or _LEVEL_WORDS.get((level_word or "").lower())
            self._add(level, place)
            if start:
                found.append(match.group())
            break
        return found

    def ends_bare(self, name: str) -> bool:
        """A body of a local committee named without its place ("Ban Thường vụ Tỉnh ủy")."""
        return bool(_ENDS_WITH_COMMITTEE.search(name))

    def bare(self, span: Span, written: str, prefix: str = "") -> None:
        if prefix:
            committee = _ENDS_WITH_COMMITTEE.search(prefix).group(1)
            self.pending.append((prefix, _LEVEL_OF_HEAD.get(entity_key(committee)), written))
            return
        head = self.gazetteer.head_names.get(span.head, written.split(" ")[0])
        if phrase_key(head) in ("ủy ban nhân dân", "hội đồng nhân dân"):
            level_word = written.split(" ", 1)[1].lower() if " " in written else ""
            level = _LEVEL_WORDS.get(level_word)
        else:
            level = _LEVEL_OF_HEAD.get(entity_key(written))
        self.pending.append((head, level, written))

    def completed(self, found: dict) -> list[tuple[str, str]]:
        names = []
        for head, level, written in self.pending:
            places = self.places.get(level or "", {})
            if len(places) != 1:
                continue
            place = next(iter(places.values()))
            levelled = head if phrase_key(head) not in ("ủy ban nhân dân", "hội đồng nhân dân") else f"{head} {level}"
            names.append((f"{levelled} {place}", written))
        return names


def _countries(segmented: Segmented, gazetteer: Gazetteer) -> list[str]:
    found: list[str] = []
    for span in segmented.spans:
        for inner in (span, *span.nested) if span.nested else (span,):
            if inner.is_country:
                found.append(inner.entry("country").name)
            elif inner.is_organization and inner.kind == "phrase":
                found.extend(gazetteer.countries_in_organization.get(inner.entry("organization").name, ()))
    return _unique(found)


def _sources(record: dict, paragraphs: list[str], segmented: Segmented, photo_credits: list[str],
             author_source: str | None, gazetteer: Gazetteer) -> list[str]:
    """Outlets credited, as written, one per outlet: the cleaner's credits, outlets in photo
    credits ("Thống Nhất – TTXVN" → TTXVN), a lead prefix ("(Baohatinh.vn) - "), a byline's
    "(Theo VGP)" and outlets the text credits ("Theo Reuters")."""
    found: dict[str, str] = {}

    def add(name: str) -> None:
        name = _THEO.sub("", name.strip(" ()[]")).strip(" ()[].")
        if not name:
            return
        entry = gazetteer.agency(name)
        found.setdefault(entity_key(entry.name if entry else name), name)

    def is_outlet(part: str) -> bool:
        return gazetteer.agency(part) is not None or bool(_DOMAIN.match(part))

    # The article's own credits first, those its photo credits repeat last: an outlet spelled
    # two ways ("(Chinhphu.vn) - ", "Ảnh: VGP") is reported as the article credits itself.
    photo_parts = {entity_key(part.strip(" ()")) for credit in photo_credits for part in _CREDIT_PARTS.split(credit)}
    credits = record.get("source_credits") or []
    for credit in sorted(credits, key=lambda credit: entity_key(credit.strip(" ()")) in photo_parts):
        for part in _CREDIT_PARTS.split(credit.strip(" ()")):
            add(part)
    # The lead credit next: an outlet spelled two ways ("(Chinhphu.vn) - ", "Ảnh: VGP") is
    # reported as the article credits itself.
    if paragraphs and (lead := _LEAD_CREDIT.match(paragraphs[0])) and is_outlet(lead.group(1).strip()):
        add(lead.group(1))
    for credit in photo_credits:
        for part in _CREDIT_PARTS.split(credit):
            if is_outlet(part.strip(" ()")):
                add(part)
    if author_source:
        add(author_source)
    for span in segmented.spans:
        if span.has("agency") and span.start < segmented.captions[0] and _credited_in_text(segmented.text, span):
            add(segmented.text[span.start:span.end])
    return list(found.values())


def _credited_in_text(text: str, span: Span) -> bool:
    before = text[max(0, span.start - 20):span.start]
    return bool(_CREDIT_BEFORE.search(before) or _CREDIT_AFTER.match(text[span.end:span.end + 12]))


def _author(author: str | None) -> tuple[str | None, str | None]:
    """The byline without a trailing "(Theo VGP)", and that source."""
    if not author or not author.strip():
        return None, None
    match = _AUTHOR_SOURCE.search(author)
    if match:
        return author[: match.start()].strip() or None, match.group(1).strip()
    return author.strip(), None


def _credited_names(author: str | None, photo_credits: list[str]) -> set[str]:
    names = {author} if author else set()
    for credit in photo_credits:
        names.update(part.strip() for part in _CREDIT_PARTS.split(credit) if part.strip())
    return names


def _unique(values) -> list[str]:
    found: dict[str, str] = {}
    for value in values:
        found.setdefault(entity_key(value), value)
    return list(found.values())


_TEXT_LIST = pa.list_(pa.string())
TABLE_SCHEMAS: dict[str, pa.Schema] = {
    "articles_extracted": pa.schema([
        ("doc_id", pa.string()), ("title", pa.string()), ("published_date", pa.string()),
        ("event_date_text", pa.string()), ("event_date", pa.string()), ("event_date_precision", pa.string()),
        ("time_of_day", pa.string()), ("location", pa.string()), ("author", pa.string()),
    ]),
    "person_mentions": pa.schema([
        ("doc_id", pa.string()), ("person_key", pa.string()), ("name", pa.string()),
        ("titles", _TEXT_LIST), ("in_caption", pa.bool_()),
    ]),
    "organization_mentions": pa.schema([
        ("doc_id", pa.string()), ("org_key", pa.string()), ("organization", pa.string()), ("as_written", pa.string()),
    ]),
    "country_mentions": pa.schema([("doc_id", pa.string()), ("country", pa.string())]),
    "sources": pa.schema([("doc_id", pa.string()), ("source", pa.string())]),
    "photo_credits": pa.schema([("doc_id", pa.string()), ("credit", pa.string())]),
    "captions": pa.schema([("doc_id", pa.string()), ("caption", pa.string()), ("credit", pa.string())]),
    "quotes": pa.schema([("doc_id", pa.string()), ("quote", pa.string())]),
    "doc_refs": pa.schema([("doc_id", pa.string()), ("doc_ref", pa.string())]),
}


def extraction_tables(extractions: list[dict]) -> dict[str, pa.Table]:
    """The extractions as warehouse-ready tables (``TABLE_SCHEMAS``), one row per mention."""
    rows: dict[str, list[dict]] = {name: [] for name in TABLE_SCHEMAS}
    article_columns = TABLE_SCHEMAS["articles_extracted"].names
    for extraction in extractions:
        doc_id = extraction["doc_id"]
        rows["articles_extracted"].append({column: extraction.get(column) for column in article_columns})
        rows["person_mentions"] += [
            {"doc_id": doc_id, "person_key": p["person_key"], "name": p["name"], "titles": p["titles"],
             "in_caption": p["in_caption"]}
            for p in extraction["people"]
        ]
        rows["organization_mentions"] += [
            {"doc_id": doc_id, "org_key": entity_key(o["name"]), "organization": o["name"],
             "as_written": o["as_written"]}
            for o in extraction["organizations_detail"]
        ]
        rows["country_mentions"] += [{"doc_id": doc_id, "country": c} for c in extraction["countries"]]
        rows["sources"] += [{"doc_id": doc_id, "source": s} for s in extraction["sources"]]
        rows["photo_credits"] += [{"doc_id": doc_id, "credit": c} for c in extraction["photo_credits"]]
        rows["captions"] += [
            {"doc_id": doc_id, "caption": caption, "credit": credit}
            for caption, credit in zip(extraction["captions"], extraction["caption_credits"])
        ]
        rows["quotes"] += [{"doc_id": doc_id, "quote": q} for q in extraction["quotes"]]
        rows["doc_refs"] += [{"doc_id": doc_id, "doc_ref": r} for r in extraction["doc_refs"]]
    return {name: pa.Table.from_pylist(rows[name], schema=schema) for name, schema in TABLE_SCHEMAS.items()}

