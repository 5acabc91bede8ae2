"""Recurring lines: site chrome that shows only as a line repeated in many unrelated documents
of the batch (the CCNet idea). Each shard hands over a small :class:`RecurringEvidence` per
document; :func:`recurring_keys` counts over the whole input, so the keys do not depend on how
the documents were cut into shards."""

from __future__ import annotations

import hashlib
import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import pyarrow as pa

from transforms.clean.chrome import MAX_CHROME_CHARS
from transforms.clean.credits import _parse_credit_line
from transforms.clean.draft import _Draft

MIN_RECURRING_DOCS = 3


@dataclass(frozen=True)
class DocumentLines:
    """What the batch pass sees of one document after the per-document rules.

    ``short_keys``: match_keys of its short non-sentence lines, the chrome candidates;
    ``sentences``: its sentence lines as written, which only serve to recognise syndicated copies.
    """

    doc_id: str
    short_keys: Sequence[str]
    sentences: Sequence[str]

    def evidence(self) -> RecurringEvidence:
        longest = sorted((text for text in self.sentences if len(text) >= _STORY_LINE_MIN_CHARS), key=len, reverse=True)
        return RecurringEvidence(
            self.doc_id,
            tuple(self.short_keys),
            tuple(story_key(text) for text in longest[:_STORY_LINES_PER_DOC]),
        )


@dataclass(frozen=True)
class RecurringEvidence:
    """What the recurring-line count needs of one document, small enough to hand from the shards
    that clean documents to the one step that counts over the whole input: its chrome candidates
    and the story keys (hashed longest sentences) that recognise syndicated copies."""

    doc_id: str
    short_keys: tuple[str, ...]
    story_keys: tuple[int, ...]


EVIDENCE_SCHEMA = pa.schema(
    [("doc_id", pa.string()), ("short_keys", pa.list_(pa.string())), ("story_keys", pa.list_(pa.uint64()))]
)


def evidence_table(evidence: Sequence[RecurringEvidence]) -> pa.Table:
    return pa.Table.from_pylist(
        [{"doc_id": e.doc_id, "short_keys": list(e.short_keys), "story_keys": list(e.story_keys)} for e in evidence],
        schema=EVIDENCE_SCHEMA,
    )


def evidence_rows(table: pa.Table) -> list[RecurringEvidence]:
    return [
        RecurringEvidence(row["doc_id"], tuple(row["short_keys"]), tuple(row["story_keys"]))
        for row in table.select(EVIDENCE_SCHEMA.names).to_pylist()
    ]


def story_key(sentence: str) -> int:
    """64 bits of blake2b of the casefolded, space-squeezed sentence: two different sentences
    share a key with probability 2^-64, and the evidence stays a few integers per document."""
    normalized = " ".join(sentence.casefold().split())
    return int.from_bytes(hashlib.blake2b(normalized.encode("utf-8"), digest_size=8).digest(), "big")


def recurring_keys(evidence: Iterable[RecurringEvidence], min_docs: int = MIN_RECURRING_DOCS) -> set[str]:
    """Keys of short non-sentence lines that recur in many *unrelated* documents of the batch.

    Syndicated copies of one story share their lines, so documents that share one of their
    longest sentences are first merged into one story, and a line counts once per story. It is
    chrome when it recurs in ``max(min_docs, 0.5% of stories)`` stories. Sentences are never
    counted: a story syndicated widely enough would lose its text, and boilerplate sentences
    ("Mời bạn đọc theo dõi …") are the reference phrases' job.

    The batch is the whole input of a run (the flow gathers every shard's evidence), so the set
    does not depend on how the documents were cut into shards.
    """
    documents = list(evidence)
    story_of = _stories(documents)
    stories_by_key: dict[str, set[int]] = defaultdict(set)
    for index, document in enumerate(documents):
        for key in document.short_keys:
            stories_by_key[key].add(story_of[index])
    threshold = max(min_docs, math.ceil(0.005 * len(set(story_of))))
    return {key for key, found_in in stories_by_key.items() if len(found_in) >= threshold}


_STORY_LINE_MIN_CHARS = 80
_STORY_LINES_PER_DOC = 4


def _stories(documents: Sequence[RecurringEvidence]) -> list[int]:
    """Story number of each document: same doc_id, or sharing one of their story keys."""
    parent = list(range(len(documents)))

    def root(node: int) -> int:
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    buckets: dict[str | int, list[int]] = defaultdict(list)
    for index, document in enumerate(documents):
        buckets["id:" + document.doc_id].append(index)
        for key in document.story_keys:
            buckets[key].append(index)
    for members in buckets.values():
        for other in members[1:]:
            parent[root(other)] = root(members[0])
    return [root(index) for index in range(len(documents))]


def _recurring_candidates(draft: _Draft) -> DocumentLines:
    """Bylines are left out: a reporter who signs many articles is not site chrome."""
    live = draft.live_lines()
    return DocumentLines(
        draft.doc_id,
        short_keys=[
            line.key
            for line in live
            if not line.sentence_like and len(line.text) <= MAX_CHROME_CHARS and _parse_credit_line(line.text) is None
        ],
        sentences=[line.text for line in live if line.sentence_like],
    )
