"""Stories: articles about the same event, grouped even when their texts differ.

Two articles are one story when their event dates agree (equal, or equal month-day with one
year unknown) and they share people and something more — another person, an organization, the
venue, or a near-identical passage. An article without an event date joins a story only through
a shared passage and a shared person (seed 000 is a second part of the coverage in 001). Groups
never hold two different dates, so the same leaders meeting again another day stay apart.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from collections import defaultdict

from transforms.extract.gazetteer import entity_key

# Two articles share a passage when they share long clauses word for word: coverage of one
# event reuses sentences with small edits ("các đồng chí lãnh đạo" / "lãnh đạo"), and a clause
# between punctuation survives most of them.
_CLAUSE_BOUNDARY = re.compile(r"[,.;:!?()“”\"…\n]+")
_CLAUSE_MIN_WORDS = 6
_CLAUSES_KEPT = 60
_SHARED_CLAUSES = 2


def passage_fingerprints(text: str) -> list[int]:
    """CRC-32s of the text's long clauses (deterministic across processes, unlike ``hash``)."""
    clauses = _CLAUSE_BOUNDARY.split(text.lower())
    long_clauses = [clause.strip() for clause in clauses if clause.count(" ") >= _CLAUSE_MIN_WORDS]
    return sorted(set(map(zlib.crc32, map(str.encode, long_clauses[:_CLAUSES_KEPT]))))


def story_features(extractions: list[dict]) -> list[dict]:
    """What :func:`assign_stories` compares, small enough to collect for a whole run."""
    return [
        {
            "doc_id": extraction["doc_id"],
            "event_date": extraction.get("event_date"),
            "people": sorted({person["person_key"] for person in extraction.get("people", [])}),
            "organizations": sorted({entity_key(name) for name in extraction.get("organizations", [])}),
            "location": entity_key(extraction["location"]) if extraction.get("location") else None,
            "passages": extraction.get("passage_fingerprints", []),
        }
        for extraction in extractions
    ]


def assign_stories(items: list[dict]) -> dict[str, str]:
    """doc_id → story_id for extractions (or their :func:`story_features`); the story id is a
    hash of the smallest doc_id in the group."""
    features = [item if "passages" in item else story_features([item])[0] for item in items]
    by_id = {feature["doc_id"]: feature for feature in features}
    parent = {doc_id: doc_id for doc_id in by_id}
    dates = {doc_id: {feature["event_date"]} - {None} for doc_id, feature in by_id.items()}

    def root(doc_id: str) -> str:
        while parent[doc_id] != doc_id:
            parent[doc_id] = parent[parent[doc_id]]
            doc_id = parent[doc_id]
        return doc_id

    for first, second in sorted(_candidate_pairs(features)):
        a, b = by_id[first], by_id[second]
        if not _same_event(a, b):
            continue
        root_a, root_b = root(first), root(second)
        if root_a == root_b or not _compatible_dates(dates[root_a] | dates[root_b]):
            continue
        keep, merged = sorted((root_a, root_b))
        parent[merged] = keep
        dates[keep] |= dates.pop(merged)
    groups: dict[str, list[str]] = defaultdict(list)
    for doc_id in by_id:
        groups[root(doc_id)].append(doc_id)
    return {
        doc_id: "story-" + hashlib.sha1(min(members).encode()).hexdigest()[:16]
        for members in groups.values()
        for doc_id in members
    }


def _candidate_pairs(features: list[dict]) -> set[tuple[str, str]]:
    """Pairs sharing a person — every rule needs one (blocking keeps this near linear)."""
    buckets: dict[tuple, list[str]] = defaultdict(list)
    for feature in features:
        for person in feature["people"]:
            buckets[("person", person)].append(feature["doc_id"])
    pairs = set()
    for members in buckets.values():
        if len(members) > 200:  # a head of state named in half the corpus blocks nothing
            continue
        for i, first in enumerate(members):
            for second in members[i + 1:]:
                pairs.add(tuple(sorted((first, second))))
    return pairs


def _same_event(a: dict, b: dict) -> bool:
    shared_people = set(a["people"]) & set(b["people"])
    if not shared_people:
        return False
    shared_passage = _share_passage(a["passages"], b["passages"])
    if a["event_date"] is None or b["event_date"] is None:
        return shared_passage
    if not _compatible_dates({a["event_date"], b["event_date"]}):
        return False
    return (
        len(shared_people) >= 2
        or bool(set(a["organizations"]) & set(b["organizations"]))
        or (a["location"] is not None and a["location"] == b["location"])
        or shared_passage
    )


def _share_passage(first: list[int], second: list[int]) -> bool:
    return len(set(first) & set(second)) >= _SHARED_CLAUSES


def _compatible_dates(dates: set[str]) -> bool:
    """At most one event: full dates equal, and month-days equal to their month-day."""
    full = {value for value in dates if not value.startswith("--")}
    if len(full) > 1:
        return False
    month_days = {value[-5:] for value in dates}
    return len(month_days) <= 1
