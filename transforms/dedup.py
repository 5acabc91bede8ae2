"""Exact and near-duplicate detection over cleaned articles, incremental against the warehouse.

Pipeline
--------
1. ``compute_signatures`` (per shard, embarrassingly parallel): the body's matching key
   (``transforms.text.match_key``: tone placement, case, look-alikes) is cut into syllables
   (runs of letters and digits; punctuation dropped, diacritics kept: ``bộ``, ``bỏ`` and ``bó``
   stay three words), then into ``shingle_size``-syllable shingles hashed to 32 bits. Each
   document keeps its sorted sets of shingle hashes and of number hashes (to verify candidates
   later without the text: ~2 KB for a 3 KB article), a MinHash signature and its LSH band
   hashes, all computed on whole-shard NumPy arrays.
2. ``match_signatures`` (once, over the new shard signatures plus the warehouse's known ones):
   exact groups by body hash (one representative of each goes on); LSH candidates by DuckDB
   (``GROUP BY band, hash HAVING count(*) > 1``, then a self-join of the shared buckets, a star
   instead of all pairs in boilerplate buckets); a MinHash-estimate screen drops candidates 4
   standard errors under both thresholds; every remaining pair is verified on its exact shingle
   sets — Jaccard for near copies, containment ``|A∩B| / |smaller|`` for truncated ones — and on
   their numbers (dates and figures must mostly agree: template twins differ there), so no pair
   is merged on LSH's or the estimate's word alone; union-find over verified links; one
   canonical per cluster.

MinHash by one permutation hashing
----------------------------------
Instead of ``num_perm`` hash functions per shingle, one 64-bit hash per shingle picks one of
``num_perm`` bins (high bits) and each bin keeps its minimum (Li, Owen & Zhang 2012): the cost is
one hash per shingle instead of ``num_perm``, ~150× cheaper than 128 ``(a*x+b)`` permutations in
NumPy here. Empty bins (short texts) are filled by optimal densification (Shrivastava 2017): bin
``j`` copies the first non-empty bin of a fixed pseudo-random probe sequence of ``j``, the same
for every document, which keeps ``P[sig_a[j] == sig_b[j]] = Jaccard(a, b)`` per bin. (rensa 0.5,
in Rust, takes 98 ms per 2,000-article shard for its MinHash alone plus ~590 ms of Python
shingling; this whole signature step takes ~135 ms.)

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

import hashlib
from functools import cache

import duckdb
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from transforms.settings import DedupSettings

SIGNATURES = pa.schema(
    [
        ("doc_id", pa.string()),
        ("exact_hash", pa.binary(16)),  # BLAKE2b-128 of body_key
        ("body_length", pa.int32()),  # characters of the clean body, for the canonical rule
        ("published_date", pa.string()),
        ("shingle_count", pa.int32()),
        ("shingles", pa.binary()),  # sorted distinct 32-bit shingle hashes, little-endian
        ("numbers", pa.binary()),  # sorted distinct 32-bit hashes of its numbers, little-endian
        ("minhash", pa.list_(pa.uint64())),  # null when the body has no syllable
        ("band_hashes", pa.list_(pa.uint64())),  # null when the body has no syllable
        ("canonical_id", pa.string()),  # null until matched; then the doc's canonical (itself if none)
    ]
)

_U64 = np.uint64
_U64_MAX = np.iinfo(np.uint64).max
_GOLDEN = _U64(0x9E3779B97F4A7C15)
_POLY_BASE = _U64(0x100000001B3)  # odd, so every position's power is distinct mod 2**64
# Verification holds at most this many hashes (or bins) at once: ~100 MB of temporaries.
_VERIFY_CHUNK = 2_000_000


def _mix64(values: np.ndarray) -> np.ndarray:
    """MurmurHash3's 64-bit finalizer: a bijection that spreads every input bit over the output."""
    values = values ^ (values >> _U64(33))
    values *= _U64(0xFF51AFD7ED558CCD)
    values ^= values >> _U64(33)
    values *= _U64(0xC4CEB9FE1A85EC53)
    return values ^ (values >> _U64(33))


def _odd_constants(count: int, salt: int) -> np.ndarray:
    """Deterministic odd multipliers (derived from the salt, not from NumPy's RNG versions)."""
    return _mix64(np.arange(1, count + 1, dtype=np.uint64) * _GOLDEN + _U64(salt)) | _U64(1)


@cache
def _word_char_table() -> np.ndarray:
    """Which code points belong to a syllable: letters, digits and combining marks of the BMP.

    Astral code points (emoji, rare ideographs) count as punctuation.
    """
    import unicodedata

    chars = (chr(code) for code in range(0x10000))
    table = np.zeros(0x110000, dtype=bool)
    table[:0x10000] = np.fromiter(
        (c.isalnum() or unicodedata.category(c).startswith("M") for c in chars), dtype=bool, count=0x10000
    )
    return table


def _segment_ranges(starts: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """Concatenated ``arange(start, start + length)`` for every segment, without a Python loop."""
    total = int(lengths.sum())
    if total == 0:
        return np.zeros(0, dtype=np.int64)
    segment_first = np.cumsum(lengths) - lengths
    return np.repeat(starts - segment_first, lengths) + np.arange(total)


def _token_hashes(keys: list[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """64-bit hash of every syllable of every text, the index of its text, whether it is a number."""
    # "\n" is not a word character, so no syllable spans two texts.
    codes = np.frombuffer("\n".join(keys).encode("utf-32-le"), dtype=np.uint32)
    positions = np.flatnonzero(_word_char_table()[codes])
    if positions.size == 0:
        return np.zeros(0, dtype=np.uint64), np.zeros(0, dtype=np.int64), np.zeros(0, dtype=bool)
    starts_new = np.ones(positions.size, dtype=bool)
    starts_new[1:] = np.diff(positions) != 1
    token_starts = np.flatnonzero(starts_new)
    token_lengths = np.diff(np.append(token_starts, positions.size))
    offsets = np.arange(positions.size) - np.repeat(token_starts, token_lengths)
    powers = np.ones(int(token_lengths.max()), dtype=np.uint64)
    powers[1:] = np.cumprod(np.full(powers.size - 1, _POLY_BASE, dtype=np.uint64))  # wraps mod 2**64
    terms = codes[positions].astype(np.uint64) * powers[offsets]
    tokens = _mix64(np.add.reduceat(terms, token_starts))
    text_starts = np.cumsum([0] + [len(key) + 1 for key in keys[:-1]])
    first_codes = codes[positions[token_starts]]
    numeric = (first_codes >= ord("0")) & (first_codes <= ord("9"))
    return tokens, np.searchsorted(text_starts, positions[token_starts], side="right") - 1, numeric


def _distinct_per_text(hashes: np.ndarray, owner: np.ndarray, texts: int) -> tuple[np.ndarray, np.ndarray]:
    """Sorted distinct 32-bit values (high half of ``hashes``) of every text, and per-text counts."""
    keyed = (owner.astype(np.uint64) << _U64(32)) | (hashes >> _U64(32))
    keyed.sort()
    distinct = np.ones(keyed.size, dtype=bool)
    distinct[1:] = keyed[1:] != keyed[:-1]
    keyed = keyed[distinct]
    counts = np.bincount((keyed >> _U64(32)).astype(np.int64), minlength=texts)
    return (keyed & _U64(0xFFFFFFFF)).astype(np.uint32), counts


def _shingle_sets(keys: list[str], size: int) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Per text: sorted distinct 32-bit shingle hashes and their counts, then the same for the
    numbers it contains (dates, figures: what template twins differ in and copies keep).

    A text shorter than ``size`` syllables has one shingle, of all its syllables.
    """
    tokens, owner, numeric = _token_hashes(keys)
    per_text = np.bincount(owner, minlength=len(keys))
    local = np.arange(tokens.size) - np.repeat(np.cumsum(per_text) - per_text, per_text)
    remaining = per_text[owner] - local
    starts = np.flatnonzero((remaining >= size) | ((local == 0) & (per_text[owner] < size)))
    padded = np.concatenate([tokens, np.zeros(size, dtype=np.uint64)])
    multipliers = _odd_constants(size, salt=size)
    shingle = np.zeros(starts.size, dtype=np.uint64)
    for offset in range(size):
        term = padded[starts + offset] * multipliers[offset]
        shingle += np.where(offset < remaining[starts], term, _U64(0))
    return (*_distinct_per_text(_mix64(shingle), owner[starts], len(keys)),
            *_distinct_per_text(tokens[numeric], owner[numeric], len(keys)))


def _one_permutation_minhash(values: np.ndarray, counts: np.ndarray, settings: DedupSettings) -> np.ndarray:
    """``(texts, num_perm)`` signatures of the shingle sets; rows of empty sets stay all-max."""
    num_perm = settings.num_perm
    owner = np.repeat(np.arange(counts.size), counts)
    hashed = _mix64(values.astype(np.uint64) ^ _U64(_mix64(np.array([settings.seed], dtype=np.uint64))[0]))
    bins = ((hashed >> _U64(32)) * _U64(num_perm)) >> _U64(32)
    signatures = np.full(counts.size * num_perm, _U64_MAX, dtype=np.uint64)
    np.minimum.at(signatures, owner * num_perm + bins.astype(np.int64), hashed)
    signatures = signatures.reshape(counts.size, num_perm)
    _densify(signatures, counts > 0, settings.seed)
    return signatures


def _densify(signatures: np.ndarray, nonempty_rows: np.ndarray, seed: int) -> None:
    """Fill empty bins in place from the probe sequence ``bin, attempt -> other bin``."""
    filled = signatures != _U64_MAX
    rows, bins = np.nonzero(~filled & nonempty_rows[:, None])
    attempt = 0
    num_perm = signatures.shape[1]
    while rows.size:
        attempt += 1
        probe_key = bins.astype(np.uint64) * _GOLDEN + _U64(attempt) + _U64(seed << 20)
        probe = ((_mix64(probe_key) >> _U64(32)) * _U64(num_perm) >> _U64(32)).astype(np.int64)
        hit = filled[rows, probe]
        signatures[rows[hit], bins[hit]] = signatures[rows[hit], probe[hit]]
        rows, bins = rows[~hit], bins[~hit]


def _band_hashes(signatures: np.ndarray, settings: DedupSettings) -> np.ndarray:
    rows = settings.num_perm // settings.bands
    banded = signatures.reshape(signatures.shape[0], settings.bands, rows)
    multipliers = _odd_constants(rows, salt=0xBA5D)
    combined = (banded * multipliers).sum(axis=2, dtype=np.uint64)
    return _mix64(combined)


def _hash_set_column(values: np.ndarray, counts: np.ndarray) -> pa.Array:
    """Each text's sorted 32-bit hashes as one little-endian binary value."""
    byte_offsets = pa.array(np.concatenate([[0], np.cumsum(counts) * 4]).astype(np.int32))
    data = pa.py_buffer(values.astype("<u4").tobytes())
    return pa.BinaryArray.from_buffers(pa.binary(), counts.size, [None, byte_offsets.buffers()[1], data])


def _list_column(matrix: np.ndarray, present: np.ndarray) -> pa.Array:
    width = matrix.shape[1]
    offsets = pa.array(np.arange(matrix.shape[0] + 1, dtype=np.int32) * width)
    return pa.ListArray.from_arrays(offsets, pa.array(matrix.ravel()), mask=pa.array(~present))


def compute_signatures(cleaned_shard: list[dict] | pa.Table, settings: DedupSettings) -> pa.Table:
    """The ``SIGNATURES`` table of one shard of ``cleaned`` records (doc_id, body, body_key,
    published_date), ``canonical_id`` still null. Pure and per-shard, so shards run in parallel."""
    if isinstance(cleaned_shard, pa.Table):
        doc_ids = cleaned_shard.column("doc_id").to_pylist()
        keys = cleaned_shard.column("body_key").to_pylist()
        lengths = pc.utf8_length(cleaned_shard.column("body")).to_numpy(zero_copy_only=False)
        dates = cleaned_shard.column("published_date").to_pylist()
    else:
        doc_ids = [record["doc_id"] for record in cleaned_shard]
        keys = [record["body_key"] for record in cleaned_shard]
        lengths = [len(record["body"]) for record in cleaned_shard]
        dates = [record.get("published_date") for record in cleaned_shard]
    if not doc_ids:
        return SIGNATURES.empty_table()
    values, counts, numbers, number_counts = _shingle_sets(keys, settings.shingle_size)
    signatures = _one_permutation_minhash(values, counts, settings)
    present = counts > 0
    exact = [hashlib.blake2b(key.encode(), digest_size=16).digest() for key in keys]
    return pa.table(
        [
            pa.array(doc_ids, pa.string()),
            pa.array(exact, pa.binary(16)),
            pa.array(lengths, pa.int32()),
            pa.array(dates, pa.string()),
            pa.array(counts.astype(np.int32)),
            _hash_set_column(values, counts),
            _hash_set_column(numbers, number_counts),
            _list_column(signatures, present),
            _list_column(_band_hashes(signatures, settings), present),
            pa.nulls(len(doc_ids), pa.string()),
        ],
        schema=SIGNATURES,
    )


def _exact_representatives(exact_hash: pa.ChunkedArray) -> np.ndarray:
    """For every row, the first row (lowest index) with the same body hash."""
    combined = exact_hash.combine_chunks()
    digests = np.frombuffer(combined.buffers()[1], dtype="<u8")
    digests = digests[2 * combined.offset : 2 * (combined.offset + len(combined))].reshape(-1, 2)
    order = np.lexsort((digests[:, 1], digests[:, 0]))  # stable: equal hashes stay in row order
    sorted_digests = digests[order]
    group_start = np.ones(order.size, dtype=bool)
    group_start[1:] = np.any(sorted_digests[1:] != sorted_digests[:-1], axis=1)
    starts = np.flatnonzero(group_start)
    representatives = np.empty(order.size, dtype=np.int64)
    representatives[order] = np.repeat(order[starts], np.diff(np.append(starts, order.size)))
    return representatives


def _band_candidates(
    table: pa.Table, rows: np.ndarray, first_new_row: int, settings: DedupSettings
) -> tuple[np.ndarray, np.ndarray]:
    """Pairs of ``rows`` sharing an LSH bucket, at least one of them a new document.

    A bucket of up to ``max_bucket_size`` documents yields all its pairs. A bigger one is
    boilerplate (a stock phrase whose shingles won the bins in many articles): it only pairs each
    member with the bucket's first row, which keeps the work linear and still finds a story
    syndicated more widely than the cap.
    """
    bands = table.column("band_hashes").take(pa.array(rows)).combine_chunks()
    band_table = pa.table(
        {
            "row": np.repeat(rows.astype(np.int64), settings.bands),
            "band": np.tile(np.arange(settings.bands, dtype=np.int16), rows.size),
            "hash": pc.list_flatten(bands),
        }
    )
    with duckdb.connect() as connection:
        connection.register("bands", band_table)
        pairs = connection.sql(
            """
            WITH buckets AS (
                SELECT band, hash, count(*) AS size, min(row) AS hub
                FROM bands GROUP BY band, hash HAVING count(*) > 1
            ),
            members AS (SELECT row, band, hash, size, hub FROM bands JOIN buckets USING (band, hash))
            SELECT a.row AS left_row, b.row AS right_row
            FROM members a JOIN members b ON a.band = b.band AND a.hash = b.hash AND a.row < b.row
            WHERE a.size <= $max_bucket_size AND b.row >= $first_new_row
            UNION
            SELECT hub, row FROM members
            WHERE size > $max_bucket_size AND row > hub AND row >= $first_new_row
            """,
            params={"first_new_row": first_new_row, "max_bucket_size": settings.max_bucket_size},
        ).to_arrow_table()
    return (pairs.column("left_row").to_numpy().astype(np.int64),
            pairs.column("right_row").to_numpy().astype(np.int64))


def _hash_sets(table: pa.Table, column_name: str, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Flat hashes of a hash-set column for ``rows`` and their offsets (in hashes), in row order."""
    column = pc.cast(table.column(column_name).take(pa.array(rows)), pa.large_binary()).combine_chunks()
    _, offset_buffer, data = column.buffers()
    byte_offsets = np.frombuffer(offset_buffer, dtype=np.int64)[column.offset : column.offset + len(column) + 1]
    values = np.frombuffer(data, dtype="<u4") if data is not None else np.zeros(0, np.uint32)
    return values, byte_offsets // 4


def _intersection_sizes(values: np.ndarray, offsets: np.ndarray, left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """``|A ∩ B|`` for each pair of sorted distinct sets (indices into ``offsets``)."""
    sizes = np.zeros(left.size, dtype=np.int64)
    lengths = np.diff(offsets)
    work = lengths[left] + lengths[right]
    bounds = np.searchsorted(np.cumsum(work), np.arange(0, int(work.sum()), _VERIFY_CHUNK), side="right")
    for start, stop in zip(bounds, np.append(bounds[1:], left.size)):
        if start == stop:
            continue
        pair = np.arange(stop - start, dtype=np.uint64)
        keyed = []
        for side in (left[start:stop], right[start:stop]):
            # each side is sorted by (pair, hash) already, so the merge below is linear
            owner = np.repeat(pair, lengths[side]) << _U64(32)
            keyed.append(owner | values[_segment_ranges(offsets[side], lengths[side])].astype(np.uint64))
        merged = np.sort(np.concatenate(keyed), kind="stable")
        common = merged[1:][merged[1:] == merged[:-1]] >> _U64(32)
        sizes[start:stop] = np.bincount(common.astype(np.int64), minlength=stop - start)
    return sizes


_METHOD_RANK = {"exact": 0, "near": 1, "contained": 2}


def _screened(table: pa.Table, left: np.ndarray, right: np.ndarray, settings: DedupSettings) -> np.ndarray:
    """Mask of the candidate pairs whose MinHash estimate leaves a chance of passing verification.

    The share of equal bins estimates the Jaccard with standard error ``sqrt(J(1-J)/num_perm)``
    (0.033 at J = 0.3 with 192 bins); a pair is dropped only when both its Jaccard and its
    containment estimates lie 4 standard errors under their thresholds, which turns away most
    boilerplate candidates before the exact, costlier check.
    """
    rows, local = np.unique(np.concatenate([left, right]), return_inverse=True)
    minhash = pc.list_flatten(table.column("minhash").take(pa.array(rows)).combine_chunks())
    # 32 bits of each bin are plenty to tell equal minima apart, and halve the memory traffic
    signatures = minhash.to_numpy().astype(np.uint32).reshape(rows.size, settings.num_perm)
    counts = table.column("shingle_count").take(pa.array(rows)).to_numpy()
    left_local, right_local = local[: left.size], local[left.size :]
    jaccard = np.empty(left.size)
    step = max(1, _VERIFY_CHUNK // settings.num_perm)
    for start in range(0, left.size, step):
        a, b = left_local[start : start + step], right_local[start : start + step]
        jaccard[start : start + step] = (signatures[a] == signatures[b]).mean(axis=1)
    size_left, size_right = counts[left_local], counts[right_local]
    containment = jaccard * (size_left + size_right) / (1 + jaccard) / np.maximum(np.minimum(size_left, size_right), 1)

    def margin(threshold: float) -> float:
        return 4 * (threshold * (1 - threshold) / settings.num_perm) ** 0.5

    return (jaccard >= settings.jaccard_threshold - margin(settings.jaccard_threshold)) | (
        containment >= settings.containment_threshold - margin(settings.containment_threshold)
    )


def _verified_links(table: pa.Table, left: np.ndarray, right: np.ndarray, settings: DedupSettings) -> list[tuple]:
    """``(left_row, right_row, method, similarity)`` for the candidate pairs that really are copies."""
    if left.size:
        keep = _screened(table, left, right, settings)
        left, right = left[keep], right[keep]
    if left.size == 0:
        return []
    rows, local = np.unique(np.concatenate([left, right]), return_inverse=True)
    values, offsets = _hash_sets(table, "shingles", rows)
    left_local, right_local = local[: left.size], local[left.size :]
    common = _intersection_sizes(values, offsets, left_local, right_local)
    lengths = np.diff(offsets)
    size_left, size_right = lengths[left_local], lengths[right_local]
    jaccard = common / (size_left + size_right - common)
    smaller = np.minimum(size_left, size_right)
    containment = common / np.maximum(smaller, 1)
    # A text (nearly) inside a clearly longer one: a truncated copy, labelled as such even when its
    # Jaccard alone would pass.
    larger = np.maximum(size_left, size_right)
    contained = ((containment >= settings.containment_threshold)
                 & (smaller <= settings.containment_threshold * larger)
                 & (smaller >= settings.min_contained_shingles))
    near = ~contained & (jaccard >= settings.jaccard_threshold)
    figures_agree = _figures_agree(table, rows, left_local, right_local, settings)
    contained &= figures_agree
    near &= figures_agree
    links = [(a, b, "near", s) for a, b, s in zip(left[near].tolist(), right[near].tolist(), jaccard[near].tolist())]
    links += [(a, b, "contained", s) for a, b, s in
              zip(left[contained].tolist(), right[contained].tolist(), containment[contained].tolist())]
    return links


def _figures_agree(
    table: pa.Table, rows: np.ndarray, left: np.ndarray, right: np.ndarray, settings: DedupSettings
) -> np.ndarray:
    """Whether the numbers of the text with fewer of them mostly occur in the other one.

    Copies keep their dates and figures (an edit or a cut loses a few); articles cast from one
    template share their wording but not their dates, counts and amounts. Texts with fewer than
    3 numbers pass.
    """
    values, offsets = _hash_sets(table, "numbers", rows)
    counts = np.diff(offsets)
    fewer = np.minimum(counts[left], counts[right])
    common = _intersection_sizes(values, offsets, left, right)
    return (fewer < 3) | (common >= settings.min_figure_agreement * fewer)


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


def _new_documents(signatures: pa.Table, known: pa.Table | None) -> pa.Table:
    """The rows of ``signatures`` whose doc_id is neither in ``known`` nor repeated earlier."""
    doc_ids = signatures.column("doc_id")
    first = np.zeros(len(doc_ids), dtype=bool)
    first[np.unique(doc_ids.to_numpy(zero_copy_only=False), return_index=True)[1]] = True
    if known is not None and known.num_rows:
        first &= ~pc.is_in(doc_ids, known.column("doc_id")).to_numpy(zero_copy_only=False)
    return signatures.filter(pa.array(first))


def match_signatures(signatures: pa.Table, settings: DedupSettings, known: pa.Table | None = None) -> list[dict]:
    """Duplicate rows (``transforms.schemas.DUPLICATES``) of the new documents in ``signatures``,
    against each other and against ``known`` (the stored signatures, ``canonical_id`` filled).
    Documents already in ``known`` are skipped."""
    new = _new_documents(signatures, known)
    if new.num_rows == 0:
        return []
    first_new_row = known.num_rows if known is not None else 0
    columns = ["doc_id", "exact_hash", "body_length", "published_date", "shingle_count",
               "shingles", "numbers", "minhash", "band_hashes", "canonical_id"]
    parts = [known.select(columns)] if first_new_row else []
    table = pa.concat_tables([*parts, new.select(columns)], promote_options="permissive")

    representatives = _exact_representatives(table.column("exact_hash"))
    rows = np.arange(table.num_rows)
    exact_rows = np.flatnonzero((representatives != rows) & (rows >= first_new_row))
    links = [(a, b, "exact", 1.0) for a, b in zip(representatives[exact_rows].tolist(), exact_rows.tolist())]
    has_shingles = table.column("shingle_count").to_numpy() > 0
    banded = np.flatnonzero((representatives == rows) & has_shingles)
    links += _verified_links(table, *_band_candidates(table, banded, first_new_row, settings), settings)
    links.sort(key=lambda link: (_METHOD_RANK[link[2]] > 0, -link[3], link[0], link[1]))

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


def assign_canonicals(signatures: pa.Table, duplicates: list[dict]) -> pa.Table:
    """``signatures`` with ``canonical_id`` filled: the canonical for duplicates, else the doc itself."""
    canonical_of = {row["doc_id"]: row["canonical_id"] for row in duplicates}
    doc_ids = signatures.column("doc_id").to_pylist()
    column = pa.array([canonical_of.get(doc_id, doc_id) for doc_id in doc_ids], pa.string())
    return signatures.set_column(signatures.schema.get_field_index("canonical_id"), "canonical_id", column)


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


def evaluate_dedup(duplicates: list[dict], truth: dict) -> dict:
    """Pairwise precision and recall of ``duplicates`` against a synthetic corpus' ``truth``.

    ``duplicates`` must use the truth's file names as doc_ids. A copy is recalled when it ends up
    in the cluster of its original; a false merge is a pair of documents put in one cluster whose
    truth clusters differ. Returns per edit type ``{copies, recalled, recall, false_merges,
    precision}`` plus ``overall``.
    """
    predicted = {file: file for file in truth}
    predicted.update({row["doc_id"]: row["canonical_id"] for row in duplicates})
    members: dict[str, list[str]] = {}
    for file, cluster in predicted.items():
        members.setdefault(cluster, []).append(file)
    report: dict[str, dict] = {}
    for file, record in truth.items():
        edit = record["edit"] or "original"
        mates = [other for other in members[predicted[file]] if other != file]
        false = sum(truth[other]["cluster"] != record["cluster"] for other in mates)
        entry = report.setdefault(edit, {"copies": 0, "recalled": 0, "pairs": 0, "false_merges": 0})
        entry["pairs"] += len(mates)
        entry["false_merges"] += false
        if record["duplicate_of"]:
            entry["copies"] += 1
            entry["recalled"] += predicted[file] == predicted[record["duplicate_of"]]
    overall = {key: sum(entry[key] for entry in report.values()) for key in ("copies", "recalled", "pairs", "false_merges")}
    overall["false_merges"] //= 2  # every false pair was counted from both ends
    overall["pairs"] //= 2
    for entry in [*report.values(), overall]:
        entry["recall"] = entry["recalled"] / entry["copies"] if entry["copies"] else None
        entry["precision"] = 1 - entry["false_merges"] / entry["pairs"] if entry["pairs"] else None
    report["overall"] = overall
    return report
