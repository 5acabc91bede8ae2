"""Incremental state: the signatures of documents stored by earlier runs, and what this run adds.

The stored signatures (``transforms.warehouse.read_known_signatures``) come with their
``canonical_id`` filled; a document already stored is never matched again, and the new ones are
stored with theirs once matched.
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

_MATCHED_COLUMNS = ["doc_id", "exact_hash", "body_length", "published_date", "shingle_count",
                    "shingles", "numbers", "minhash", "band_hashes", "canonical_id"]


def _new_documents(signatures: pa.Table, known: pa.Table | None) -> pa.Table:
    """The rows of ``signatures`` whose doc_id is neither in ``known`` nor repeated earlier."""
    doc_ids = signatures.column("doc_id")
    # pc.unique numbers the values by first occurrence: a row is the first of its doc_id when
    # its number exceeds every earlier row's (on one array: a value set may be hashed per chunk)
    combined = doc_ids.combine_chunks()
    number = pc.index_in(combined, value_set=pc.unique(combined)).to_numpy(zero_copy_only=False)
    first = number > np.concatenate([[-1], np.maximum.accumulate(number)[:-1]])
    if known is not None and known.num_rows:
        first &= ~pc.is_in(combined, known.column("doc_id").combine_chunks()).to_numpy(zero_copy_only=False)
    # the usual case keeps every row: no copy of the whole table (~4 KB a document)
    return signatures if first.all() else signatures.filter(pa.array(first))


def known_then_new(known: pa.Table | None, new: pa.Table) -> tuple[pa.Table, int]:
    """One table of the stored signatures then the new ones, and the row where the new ones start."""
    first_new_row = known.num_rows if known is not None else 0
    parts = [known.select(_MATCHED_COLUMNS)] if first_new_row else []
    return pa.concat_tables([*parts, new.select(_MATCHED_COLUMNS)], promote_options="permissive"), first_new_row


def assign_canonicals(signatures: pa.Table, duplicates: list[dict]) -> pa.Table:
    """``signatures`` with ``canonical_id`` filled: the canonical for duplicates, else the doc itself."""
    canonical_of = {row["doc_id"]: row["canonical_id"] for row in duplicates}
    doc_ids = signatures.column("doc_id").to_pylist()
    column = pa.array([canonical_of.get(doc_id, doc_id) for doc_id in doc_ids], pa.string())
    return signatures.set_column(signatures.schema.get_field_index("canonical_id"), "canonical_id", column)
