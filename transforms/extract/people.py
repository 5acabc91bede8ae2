"""People and the titles an article gives them, read from the segmented text.

A name becomes a person only with a cue: titles right before it ("Phó Thủ tướng, Bộ trưởng Bộ
Ngoại giao Phạm Bình Minh"), an honorific ("ông", "đồng chí", "Ngài"), or titles in apposition
after it — any title after a name that starts with a Vietnamese surname ("Lê Hoài Trung, Bí thư
Trung ương Đảng;"), a title naming its body or country after a foreign name ("Antony Blinken,
Ngoại trưởng Mỹ,"). Titles after a name bind to it until a semicolon, a lower-case word or a
title that is followed by the next name. Single-word mentions ("Thủ tướng Kishida", "ông Tập")
and bare titles ("Phó Thủ tướng nhấn mạnh") link to the person already named; a single word creates
a person only when no one fits it and the title of a named body or country introduces it
("Bộ trưởng Ngoại giao Indonesia Sugiono").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from transforms.extract.spans import SUBUNIT_HEADS, Segmented, Span
from transforms.extract.gazetteer import entity_key

_CHAIN_SEPARATORS = frozenset({",", "kiêm", ", kiêm"})
_FIRST_APPOSITION = (",", "-", "–")
_MAX_NAME_WORDS = 5
_AIDE = re.compile(r"(?:Trợ lý|Cố vấn|Đặc phái viên|Thư ký)$", re.IGNORECASE)
_SESSION = re.compile(r" (?:[Kk]h[óo]a|[Nn]hiệm kỳ) (?:\d+|[IVXLC]+) ")


@dataclass(slots=True)
class TitleUnit:
    text: str
    start: int
    end: int
    organizations: list[Span] = field(default_factory=list)  # its organization complements
    complemented: bool = False  # followed by the body or country it is a title of
    canonical: str = ""  # with places and organizations in canonical form ("Đại sứ Nga" → "Đại sứ Nga",
    # "Đại sứ Liên bang Nga" → "Đại sứ Nga"), so two spellings of one title merge


@dataclass(slots=True)
class Mention:
    name: str
    words: int
    titles: list[TitleUnit]
    in_caption: bool
    cued: bool  # a title, honorific or apposition marks this name as a person


@dataclass(slots=True)
class Person:
    name: str
    titles: list[str]
    in_caption: bool

    @property
    def key(self) -> str:
        return entity_key(self.name)


def mentions_in(segmented: Segmented, surname: Callable[[str], bool]) -> list[Mention]:
    """Every person mention in the text, cued or bare."""
    spans, found = segmented.spans, []
    index = 0
    while index < len(spans):
        span = spans[index]
        if span.is_title:
            chain, after = _read_chain(segmented, index)
            named = _named_after(segmented, chain, after)
            if named is not None:
                mention = _mention(segmented, spans[named], chain, cued=True)
                found.append(mention)
                index = _read_appositions(segmented, named + 1, mention)
                continue
            index = max(after, index + 1)  # a bare title refers to someone already named
            continue
        if span.kind == "name":
            previous = spans[index - 1] if index else None
            honored = previous is not None and previous.has("honorific") and segmented.gap(previous.end, span.start) in ("", ":")
            mention = _mention(segmented, span, [], cued=honored)
            following = _read_appositions(segmented, index + 1, mention)
            if mention.titles and not honored:
                # "Lê Hoài Trung, Bí thư ..."; a foreign name needs a title of a named body or
                # country ("Antony Blinken, Ngoại trưởng Mỹ, ...")
                mention.cued = _looks_vietnamese(span, surname) or (
                    2 <= span.words <= 4 and mention.titles[0].complemented
                )
                if not mention.cued:
                    mention.titles.clear()
                    following = index + 1
            found.append(mention)
            index = following
            continue
        index += 1
    return found


def _named_after(segmented: Segmented, chain: list[TitleUnit], index: int) -> int | None:
    """The index of the name a chain of titles introduces: right after it ("Tổng thống Mỹ Joe
    Biden") or after an honorific ("Tổng thống Mỹ, ông Joe Biden", "Thủ tướng Campuchia
    Samdech Techo Hun Manet")."""
    spans = segmented.spans
    if not chain or index >= len(spans):
        return None
    gap = segmented.gap(chain[-1].end, spans[index].start)
    if spans[index].kind == "name" and not gap:
        return index
    if gap in ("", ",") and spans[index].has("honorific") and index + 1 < len(spans) \
            and spans[index + 1].kind == "name" and not segmented.gap(spans[index].end, spans[index + 1].start):
        return index + 1
    return None


def _mention(segmented: Segmented, span: Span, titles: list[TitleUnit], cued: bool) -> Mention:
    return Mention(span.name, span.words, list(titles), segmented.in_caption(span.start), cued)


def _looks_vietnamese(span: Span, surname) -> bool:
    words = span.name.split()
    return 2 <= len(words) <= 4 and surname(words[0]) and all(word[0].isupper() for word in words)


def _read_chain(segmented: Segmented, index: int) -> tuple[list[TitleUnit], int]:
    """Titles joined by commas or "kiêm" from ``index``: "Tổng Bí thư, Chủ tịch nước"."""
    spans, chain = segmented.spans, []
    while index < len(spans) and spans[index].is_title:
        unit, after = _read_title(segmented, index)
        if unit is None:
            break
        chain.append(unit)
        index = after
        if index < len(spans) and spans[index].is_title:
            gap = segmented.gap(unit.end, spans[index].start)
            if gap in _CHAIN_SEPARATORS or (not gap and spans[after - 1].has("rank")):
                continue
        break
    return chain, index


def _read_appositions(segmented: Segmented, index: int, mention: Mention) -> int:
    """Titles after a name, each after a comma, that are not the titles of a next name."""
    spans = segmented.spans
    end = spans[index - 1].end
    # The first title may follow a dash ("Nguyễn Đức Trung - Ủy viên Trung ương Đảng, ...").
    separators = _FIRST_APPOSITION
    while index < len(spans) and spans[index].is_title and segmented.gap(end, spans[index].start) in separators:
        separators = (",",)
        unit, after = _read_title(segmented, index)
        if unit is None:
            break
        if after < len(spans) and spans[after].kind == "name" and not segmented.gap(unit.end, spans[after].start):
            break  # "..., Bộ trưởng Bộ Ngoại giao Bùi Thanh Sơn": that title is Bùi Thanh Sơn's
        if unit.text[0].islower() and not unit.complemented:
            break  # "..., người phát ngôn cho biết" starts a clause; "ủy viên Bộ Chính trị" is a title
        mention.titles.append(unit)
        end, index = unit.end, after
    return index


def _read_title(segmented: Segmented, index: int) -> tuple[TitleUnit | None, int]:
    """One title: a rank, or a position with its modifiers and complement
    ("Phó Thủ tướng Thường trực Chính phủ", "Đại sứ Trung Quốc tại Việt Nam",
    "Cục trưởng Cục Đối ngoại, Bộ Công an")."""
    head = segmented.spans[index]
    if head.has("rank") and not head.has("position"):
        return TitleUnit(segmented.text[head.start:head.end], head.start, head.end), index + 1
    reader = _TitleReader(segmented, TitleUnit("", head.start, head.end), index + 1)
    _read_qualifiers(reader, head)
    complement = _read_complement(reader)
    if complement is None and head.entry("position").category == "required":
        return None, reader.index  # "Ủy viên" alone is no title
    unit = reader.unit
    unit.text = segmented.text[unit.start:unit.end]
    unit.canonical = _canonical_title(segmented.text, unit, reader.renamed)
    unit.complemented = complement is not None
    return unit, reader.index


@dataclass(slots=True)
class _TitleReader:
    """A title being read: its unit so far and the index of the next span."""

    segmented: Segmented
    unit: TitleUnit
    index: int
    renamed: list[Span] = field(default_factory=list)  # complements written in canonical form in ``unit.canonical``

    def adjacent(self) -> Span | None:
        spans = self.segmented.spans
        if self.index < len(spans) and not self.segmented.gap(self.unit.end, spans[self.index].start):
            return spans[self.index]
        return None

    def take(self, span: Span, organization: bool = False, renamed: bool = True) -> None:
        if organization:
            self.unit.organizations.append(span)
        if renamed:
            self.renamed.append(span)
        self.unit.end, self.index = span.end, self.index + 1


def _read_qualifiers(reader: _TitleReader, head: Span) -> None:
    """The words between a position and its complement: modifiers, an aide's leader, a session."""
    while (following := reader.adjacent()) is not None and following.has("modifier"):
        reader.take(following, renamed=False)
    # "Trợ lý Tổng thống", "Cố vấn Thủ tướng": an aide's title names the leader's
    text, spans = reader.segmented.text, reader.segmented.spans
    if _AIDE.match(text[head.start:head.end]) and (leader := reader.adjacent()) is not None \
            and leader.has("position") and not leader.has("honorific"):
        reader.take(leader, renamed=False)
    # "Chủ tịch Khóa 79 Đại hội đồng LHQ": the session number between a position and its body
    session = _SESSION.match(text, reader.unit.end)
    if session is not None and reader.index < len(spans) and spans[reader.index].start == session.end() \
            and spans[reader.index].is_organization:
        reader.unit.end = session.end() - 1


def _read_complement(reader: _TitleReader) -> Span | None:
    """The body or country a title is of, and what completes it; None when there is none."""
    complement = reader.adjacent()
    if complement is not None and complement.is_organization:
        reader.take(complement, organization=True)
        if (party := reader.adjacent()) is not None and _is_party(party):
            # "Ủy viên Bộ Chính trị Đảng Cộng sản Trung Quốc": the organ, then its party
            reader.take(party, organization=True)
        if (country := reader.adjacent()) is not None and country.is_country:
            reader.take(country)
    elif complement is not None and complement.is_country:
        reader.take(complement)
    else:
        return None
    spans = reader.segmented.spans
    if reader.index < len(spans):
        following = spans[reader.index]
        gap = reader.segmented.gap(reader.unit.end, following.start)
        if gap == "tại" and following.is_place:
            reader.take(following)
        elif gap == "," and _names_parent_body(reader.unit, following):
            reader.take(following, organization=True)
    return complement


def _canonical_title(text: str, unit: TitleUnit, renamed: list[Span]) -> str:
    pieces, cursor = [], unit.start
    for span in renamed:
        entry = span.entry("country", "organization")
        pieces.append(text[cursor:span.start])
        pieces.append(entry.name if entry is not None and span.kind == "phrase" else text[span.start:span.end])
        cursor = span.end
    pieces.append(text[cursor:unit.end])
    return "".join(pieces)


def _is_party(span: Span) -> bool:
    if span.kind == "organization":
        return span.head == "đảng" and span.named
    entry = span.entry("organization")
    return entry is not None and entry.category == "party" and entry.name.startswith("Đảng ")


def _subunit(span: Span) -> bool:
    """A unit of a larger body: built from a unit head ("Cục Đối ngoại") or a known name that
    starts with one ("Cục Cảnh sát giao thông")."""
    if span.kind == "organization":
        return span.head in SUBUNIT_HEADS
    entry = span.entry("organization")
    return entry is not None and any(entity_key(entry.name).startswith(head + " ") for head in SUBUNIT_HEADS)


def _names_parent_body(unit: TitleUnit, following: Span) -> bool:
    """ "Cục trưởng Cục Đối ngoại, Bộ Công an": a unit's title names its parent after a comma,
    also right before the name ("Vụ trưởng Vụ ASEAN, Bộ Ngoại giao Vũ Hồ")."""
    unit_body = unit.organizations[-1] if unit.organizations else None
    if unit_body is None or not _subunit(unit_body):
        return False
    return following.kind == "phrase" and following.is_organization


def resolve_people(mentions: list[Mention], excluded_names: set[str]) -> list[Person]:
    """One person per name across the article, in order of first mention: long names cut back
    to a name already known ("Hùng Ba Huân" → "Hùng Ba"), one-word mentions linked to the one
    person they fit. ``excluded_names`` (author, photographers) are never people."""
    excluded = {entity_key(name) for name in excluded_names}
    people: dict[str, Person] = {}
    first_seen: dict[str, int] = {}

    titles: dict[str, list[TitleUnit]] = {}

    def attach(key: str, position: int, mention: Mention) -> None:
        person = people[key]
        titles.setdefault(key, []).extend(mention.titles)
        person.in_caption = person.in_caption or mention.in_caption
        first_seen[key] = min(first_seen.get(key, position), position)

    numbered = list(enumerate(mentions))
    full = [(i, m) for i, m in numbered if m.cued and 2 <= m.words <= _MAX_NAME_WORDS]
    full.sort(key=lambda item: item[1].words)  # shorter names first, so longer ones cut back
    for position, mention in full:
        key = entity_key(mention.name)
        known = _known_prefix(key, people)
        if known is None and key not in excluded:
            people[key] = Person(mention.name, [], False)
            known = key
        if known is not None:
            attach(known, position, mention)
    for position, mention in numbered:
        if mention.cued and 2 <= mention.words <= _MAX_NAME_WORDS:
            continue
        key = entity_key(mention.name)
        owner = _known_prefix(key, people) if mention.words > 1 else _single_word_owner(key, people)
        if owner is None and _mononym(mention) and key not in excluded:
            # "Bộ trưởng Ngoại giao Indonesia Sugiono": one name, introduced by the title of a
            # named body or country, and no one named before it fits
            people[key] = Person(mention.name, [], False)
            owner = key
        if owner is not None:
            attach(owner, position, mention)
    for key, person in people.items():
        person.titles = merged_titles(titles.get(key, []))
        if person.name.isupper():
            person.name = person.name.title()
    return [people[key] for key in sorted(people, key=first_seen.__getitem__)]


def _mononym(mention: Mention) -> bool:
    return (mention.cued and mention.words == 1 and bool(mention.titles) and mention.titles[-1].complemented
            and len(mention.name) > 2 and not mention.name.isupper())


def _known_prefix(key: str, people: dict[str, Person]) -> str | None:
    if key in people:
        return key
    return next((known for known in people if key.startswith(known + " ")), None)


def _single_word_owner(word: str, people: dict[str, Person]) -> str | None:
    """The one person whose given name (last word) — or, failing that, family name — is ``word``."""
    for position in (-1, 0):
        owners = [key for key in people if key.split()[position] == word]
        if len(owners) == 1:
            return owners[0]
    return None


def merged_titles(units: list[TitleUnit]) -> list[str]:
    """Distinct titles as first written, a title dropped when a longer form of it is there
    ("Phó Thủ tướng" inside "Phó Thủ tướng Chính phủ"); spellings of one place or body count as
    one ("Đại sứ Nga" inside "Đại sứ Liên bang Nga tại Việt Nam")."""
    keys = [entity_key(unit.canonical or unit.text) for unit in units]
    distinct = set(keys)
    kept: dict[str, str] = {}
    for unit, key in zip(units, keys):
        if key in kept or any(title_extends(other, key) for other in distinct):
            continue
        kept[key] = unit.text
    return list(kept.values())


def title_extends(longer: str, shorter: str) -> bool:
    """Whether matching key ``longer`` is ``shorter`` followed by more words."""
    return longer.startswith(shorter) and len(longer) > len(shorter) and not longer[len(shorter)].isalnum()
