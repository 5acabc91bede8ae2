"""The dedup stage's entry points: match a run's signatures against each other and the stored ones.

A flow that shards the work calls ``compute_signatures`` per shard, ``match_signatures`` once,
then ``assign_canonicals``; ``find_duplicates`` does all three on one batch.
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa

from transforms.dedup.candidates import _band_candidates, _exact_representatives, _verified_links
from transforms.dedup.clusters import duplicate_rows
from transforms.dedup.incremental import _new_documents, assign_canonicals, known_then_new
from transforms.dedup.signatures import compute_signatures
from transforms.settings import DedupSettings


def match_signatures(signatures: pa.Table, settings: DedupSettings, known: pa.Table | None = None) -> list[dict]:
    """Duplicate rows (``transforms.schemas.DUPLICATES``) of the new documents in ``signatures``,
    against each other and against ``known`` (the stored signatures, ``canonical_id`` filled).
    Documents already in ``known`` are skipped."""
    new = _new_documents(signatures, known)
    if new.num_rows == 0:
        return []
    table, first_new_row = known_then_new(known, new)

    representatives = _exact_representatives(table.column("exact_hash"))
    rows = np.arange(table.num_rows)
    exact_rows = np.flatnonzero((representatives != rows) & (rows >= first_new_row))
    links = [(a, b, "exact", 1.0) for a, b in zip(representatives[exact_rows].tolist(), exact_rows.tolist())]
    has_shingles = table.column("shingle_count").to_numpy() > 0
    banded = np.flatnonzero((representatives == rows) & has_shingles)
    links += _verified_links(table, *_band_candidates(table, banded, first_new_row, settings), settings)
    return duplicate_rows(table, links, first_new_row)


def find_duplicates(
    cleaned: list[dict] | pa.Table, settings: DedupSettings, known: pa.Table | None = None
) -> tuple[list[dict], pa.Table]:
    """``(duplicates, signatures)`` of ``cleaned`` against itself and ``known``.

    ``signatures`` holds only the documents not in ``known`` yet, with ``canonical_id`` set, ready
    to be appended to the stored signatures. A flow that shards the work calls
    ``compute_signatures`` per shard, ``match_signatures`` once, then ``assign_canonicals``.
    """
    signatures = compute_signatures(cleaned, settings)
    duplicates = match_signatures(signatures, settings, known)
    return duplicates, assign_canonicals(_new_documents(signatures, known), duplicates)
