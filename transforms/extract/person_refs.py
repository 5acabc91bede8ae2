"""Where the article refers to each of its people: every name, every bare title ("Phó Thủ
tướng nhấn mạnh", "Đại sứ cảm ơn") and every lone honorific ("ông cho biết"), each resolved to
the one person of the article it refers to — or to none when it fits no one or several.

Read by the sentence-level extractors (:mod:`.meetings`, :mod:`.quotes`). A title or "ông"
goes to the person last named before it that holds the title (a title matches a longer or
shorter form of itself); a plural ("các Đại sứ", "hai Bộ trưởng") refers to no one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from transforms.extract.gazetteer import entity_key
from transforms.extract.people import Mention, Person, _known_prefix, _named_after, _read_appositions, _read_chain, \
    _single_word_owner, title_extends
from transforms.extract.spans import Segmented

_PLURAL_BEFORE = re.compile(r"(?:các|những|nhiều|hai|ba|bốn|năm|đông đảo|một số)\s*$", re.IGNORECASE)
_NAME_BEFORE = re.compile(r"[A-ZĐ]\w*[^\S\n]$")
_FILLER = re.compile(r"[^\S\n]*(?:(?:nước|tại)[^\S\n]+)?")
_LONE_HONORIFIC = re.compile(r"(?:ông|bà|Ông|Bà|Ngài|ngài)$")


@dataclass(frozen=True, slots=True)
class PersonRef:
    start: int  # where the reference starts, its titles included
    end: int  # where it ends, its titles in apposition included
    name: str  # the person's name, as in ``people``
    named: bool  # the name is written here (not a bare title or honorific)


def person_refs(segmented: Segmented, people: list[Person]) -> list[PersonRef]:
    """Every reference to a person of ``people``, left to right."""
    by_key = {entity_key(person.name): person for person in people}
    spans, text, found = segmented.spans, segmented.text, []
    index = 0
    while index < len(spans):
        span = spans[index]
        if span.is_title:
            chain, after = _read_chain(segmented, index)
            named = _named_after(segmented, chain, after)
            if named is not None:
                index = _add_named(segmented, named, span.start, by_key, found)
                continue
            if chain and _may_stand_alone(text, span.start):
                person = _holder(" ".join(unit.text for unit in chain), found, by_key)
                if person is not None:
                    found.append(PersonRef(span.start, chain[-1].end, person.name, False))
            index = max(after, index + 1)
            continue
        if span.kind == "name":
            index = _add_named(segmented, index, span.start, by_key, found)
            continue
        if span.has("honorific") and _LONE_HONORIFIC.match(text[span.start:span.end]) and _alone(segmented, index):
            if found:
                found.append(PersonRef(span.start, span.end, found[-1].name, False))
        index += 1
    return found


def _may_stand_alone(text: str, start: int) -> bool:
    """A bare title refers to someone when capitalized, not plural ("các Đại sứ") and not
    inside a name ("Đoàn đại biểu", "Đoàn Đại biểu Quốc hội")."""
    before = text[max(0, start - 12):start]
    return text[start].isupper() and not _PLURAL_BEFORE.search(before) and not _NAME_BEFORE.search(before)


def _add_named(segmented: Segmented, index: int, start: int, by_key: dict[str, Person], found: list) -> int:
    span = segmented.spans[index]
    if found and not found[-1].named and _only_places_between(segmented, found[-1].end, index):
        start = found.pop().start  # "Thủ tướng Chính phủ nước Cộng hòa Dân chủ Nhân dân Lào Sonexay Siphandone"
    previous = segmented.spans[index - 1] if index else None
    if previous is not None and previous.has("honorific") and not segmented.gap(previous.end, span.start):
        start = min(start, previous.start)
    skipped = Mention(span.name, span.words, [], False, True)
    following = _read_appositions(segmented, index + 1, skipped)
    end = skipped.titles[-1].end if skipped.titles else span.end
    person = _owner(span.name, span.words, by_key)
    if person is not None:
        found.append(PersonRef(start, end, person.name, True))
    return following


def _only_places_between(segmented: Segmented, start: int, index: int) -> bool:
    """Whether only countries, places or bodies (and "nước", "tại") stand between ``start`` and
    the name at ``index``: what the title reader left of a title's complement ("Chủ tịch Hội
    hữu nghị đối ngoại nhân dân Trung Quốc Lý Tiểu Lâm")."""
    text, cursor = segmented.text, start
    between = [span for span in segmented.spans[:index] if span.start >= start]
    for span in between:
        if not (span.is_place or span.is_organization) or not _FILLER.fullmatch(text[cursor:span.start]):
            return False
        cursor = span.end
    return bool(between) and _FILLER.fullmatch(text[cursor:segmented.spans[index].start]) is not None


def _owner(name: str, words: int, by_key: dict[str, Person]) -> Person | None:
    key = entity_key(name)
    owner = _known_prefix(key, by_key) if words > 1 else _single_word_owner(key, by_key)
    return by_key.get(owner) if owner is not None else None


def _alone(segmented: Segmented, index: int) -> bool:
    """An honorific that is not followed by the name it introduces."""
    spans = segmented.spans
    return index + 1 >= len(spans) or spans[index + 1].kind != "name" \
        or bool(segmented.gap(spans[index].end, spans[index + 1].start))


def _holder(title: str, found: list[PersonRef], by_key: dict[str, Person]) -> Person | None:
    """The person a bare title refers to: the last one named before it who holds it, else the
    only one in the article who does."""
    key = entity_key(title)
    holders = [p for p in by_key.values() if any(_same_title(key, entity_key(t)) for t in p.titles)]
    names = {p.name for p in holders}
    for ref in reversed(found):
        if ref.name in names:
            return by_key[entity_key(ref.name)]
    return holders[0] if len(holders) == 1 else None


def _same_title(first: str, second: str) -> bool:
    return first == second or title_extends(first, second) or title_extends(second, first)
