"""Clusters of verified links and the canonical rule: who stays, who is reported a duplicate.

Canonical rule
--------------
A cluster that contains a document already in the warehouse keeps that document's canonical (a
known document is never demoted, and two known clusters are never merged: a new document linking
both joins the one it resembles most). Otherwise the canonical is the longest clean body, then the
earliest ``published_date`` (missing dates last; a month-only date sorts before the days of that
month), then the smallest ``doc_id``.

Each duplicate row reports the strongest verified link of the document inside its cluster, a link
to the canonical first: ``exact`` (similarity 1.0), ``near`` (Jaccard) or ``contained``
(containment). ``cluster_id`` is the canonical's ``doc_id``, stable across runs since a stored
canonical never changes.
"""

from __future__ import annotations

import pyarrow as pa

_METHOD_RANK = {"exact": 0, "near": 1, "contained": 2}


class _Clusters:
    """Union-find over the linked rows; a component may carry the canonical of a stored cluster."""

    def __init__(self, anchors: dict[int, str]):
        self.parent: dict[int, int] = {}
        self.anchor = dict(anchors)  # root -> stored canonical

    def find(self, row: int) -> int:
        root = row
        while self.parent.get(root, root) != root:
            root = self.parent[root]
        while self.parent.get(row, row) != root:
            self.parent[row], row = root, self.parent[row]
        return root

    def union(self, a: int, b: int) -> None:
        """Join the components, unless each already belongs to a different stored cluster."""
        root_a, root_b = self.find(a), self.find(b)
        if root_a == root_b:
            return
        anchor_a, anchor_b = self.anchor.get(root_a), self.anchor.get(root_b)
        if anchor_a is not None and anchor_b is not None and anchor_a != anchor_b:
            return
        self.parent[root_b] = root_a
        if anchor_a is None and anchor_b is not None:
            self.anchor[root_a] = anchor_b


def _canonical_order_key(length: int, date: str | None, doc_id: str) -> tuple:
    return (-length, date is None, date or "", doc_id)


def duplicate_rows(table: pa.Table, links: list[tuple], first_new_row: int) -> list[dict]:
    """Duplicate rows (``transforms.schemas.DUPLICATES``) of the new rows of ``table`` (from
    ``first_new_row`` on), clustered over the verified ``links`` ``(row, row, method, similarity)``."""
    # exact links first, then the most similar: a new document linking two stored clusters
    # joins the one it resembles most
    links = sorted(links, key=lambda link: (_METHOD_RANK[link[2]] > 0, -link[3], link[0], link[1]))
    linked = sorted({row for link in links for row in link[:2]})
    details = table.select(["doc_id", "body_length", "published_date", "canonical_id"]).take(pa.array(linked, pa.int64()))
    doc_id, length, date, stored = (dict(zip(linked, details.column(i).to_pylist())) for i in range(4))
    clusters = _Clusters({row: stored[row] or doc_id[row] for row in linked if row < first_new_row})
    for a, b, _, _ in links:
        clusters.union(a, b)

    members: dict[int, list[int]] = {}
    for row in linked:
        members.setdefault(clusters.find(row), []).append(row)
    canonical = {
        root: clusters.anchor.get(root)
        or doc_id[min(rows_of_cluster, key=lambda r: _canonical_order_key(length[r], date[r], doc_id[r]))]
        for root, rows_of_cluster in members.items()
    }

    best_link: dict[int, tuple] = {}
    for a, b, method, similarity in links:
        root = clusters.find(a)
        if root != clusters.find(b):
            continue
        for row, other in ((a, b), (b, a)):
            rank = (doc_id[other] != canonical[root], _METHOD_RANK[method], -similarity)
            if row not in best_link or rank < best_link[row][0]:
                best_link[row] = (rank, method, similarity)
    duplicates = []
    for row in sorted(best_link):
        target = canonical[clusters.find(row)]
        if row >= first_new_row and doc_id[row] != target:
            _, method, similarity = best_link[row]
            duplicates.append({"doc_id": doc_id[row], "canonical_id": target, "method": method,
                               "similarity": round(similarity, 4), "cluster_id": target})
    return duplicates
