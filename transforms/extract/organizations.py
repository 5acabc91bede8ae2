"""Organizations and countries an article names, read off its spans.

Organizations are canonical and reported once each: gazetteer names, bodies built from a head
word with a proper name, those nested in them, those a title names, foreign chambers
("Thượng viện Campuchia") and local bodies completed with the place the article names.
"""

from __future__ import annotations

import re

from transforms.extract.gazetteer import Entry, Gazetteer, entity_key, phrase_key
from transforms.extract.spans import LOCAL_HEADS, Segmented, Span


def unique(values) -> list[str]:
    """``values`` once each (by :func:`entity_key`), as first written."""
    found: dict[str, str] = {}
    for value in values:
        found.setdefault(entity_key(value), value)
    return list(found.values())


def organizations_in(segmented: Segmented, gazetteer: Gazetteer) -> list[dict]:
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
        # "Quốc hội nước CHDCND Lào" is named "Quốc hội Lào": "nước ..." is prose, not the name
        named = text[following.start:following.end]
        written = f"{chamber.group(1)} {country.name if named.startswith('nước ') else named}"
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


def countries_in(segmented: Segmented, gazetteer: Gazetteer) -> list[str]:
    found: list[str] = []
    for span in segmented.spans:
        for inner in (span, *span.nested) if span.nested else (span,):
            if inner.is_country:
                found.append(inner.entry("country").name)
            elif inner.is_organization and inner.kind == "phrase":
                found.extend(gazetteer.countries_in_organization.get(inner.entry("organization").name, ()))
    return unique(found)
