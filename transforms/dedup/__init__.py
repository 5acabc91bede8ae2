"""Exact and near-duplicate detection over cleaned articles, incremental against the warehouse.

1. ``signatures``: per shard (embarrassingly parallel), each document's shingle and number hash
   sets, MinHash signature and LSH band hashes (``compute_signatures``).
2. ``candidates``: once over the new signatures plus the warehouse's known ones, exact groups by
   body hash, LSH candidate pairs, a MinHash-estimate screen and the exact verification of every
   remaining pair (Jaccard, containment, agreeing figures).
3. ``clusters``: union-find over the verified links and the canonical rule.
4. ``incremental``: the known signatures of earlier runs, and the new ones to store.
5. ``batch``: the entry points (``match_signatures``, ``find_duplicates``); ``evaluation`` scores
   them against a synthetic corpus' truth.
"""

from transforms.dedup.batch import find_duplicates, match_signatures
from transforms.dedup.evaluation import evaluate_dedup
from transforms.dedup.incremental import assign_canonicals
from transforms.dedup.signatures import compute_signatures
from transforms.schemas import SIGNATURES

__all__ = ["SIGNATURES", "assign_canonicals", "compute_signatures", "evaluate_dedup", "find_duplicates",
           "match_signatures"]
