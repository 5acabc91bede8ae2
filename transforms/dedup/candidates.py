"""Banding and verification: which stored and new signatures are copies of each other.

Exact groups by body hash (one representative of each goes on); LSH candidates by sorting each
band's hashes in NumPy (a run of equal hashes is a bucket: all its pairs, or a star instead in
boilerplate buckets; pairs shared by several bands kept once); a MinHash-estimate screen (first
on 8 bits of each bin, then exactly on 32) drops candidates 4 standard errors under both
thresholds; every remaining pair is verified on its exact shingle sets — Jaccard for near
copies, containment ``|A∩B| / |smaller|`` for truncated ones — and on their numbers (dates and
figures must mostly agree: template twins differ there), so no pair is merged on LSH's or the
estimate's word alone.
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa

from transforms.dedup.signatures import _U64, _segment_ranges
from transforms.settings import DedupSettings

# Verification holds at most this many hashes at once: ~100 MB of temporaries.
_VERIFY_CHUNK = 2_000_000
# The screen compares this many bins at once: small enough for its temporaries to be reused from
# the heap (and stay in cache) instead of being freshly mapped, and page-faulted, chunk after chunk.
_SCREEN_CHUNK = 1 << 18


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


def _gather_segments(column: pa.ChunkedArray, rows: np.ndarray, dtype: type) -> tuple[np.ndarray, np.ndarray]:
    """The items of a list or binary column at the sorted ``rows``, flat, with per-row offsets (in
    items; a binary value is read as little-endian ``dtype`` items). One NumPy gather per chunk,
    without Arrow's take, cast and flatten (each a fresh copy of the whole selection)."""
    pieces, lengths = [], []
    chunk_start = 0
    for chunk in column.chunks:
        low, high = np.searchsorted(rows, [chunk_start, chunk_start + len(chunk)])
        local = rows[low:high] - chunk_start
        chunk_start += len(chunk)
        if local.size == 0:
            continue
        large = pa.types.is_large_list(chunk.type) or pa.types.is_large_binary(chunk.type)
        offsets = np.frombuffer(chunk.buffers()[1], dtype=np.int64 if large else np.int32)
        offsets = offsets[chunk.offset : chunk.offset + len(chunk) + 1].astype(np.int64)
        if pa.types.is_list(chunk.type) or pa.types.is_large_list(chunk.type):
            data = chunk.values.to_numpy(zero_copy_only=False).astype(dtype, copy=False)
        else:
            buffer = chunk.buffers()[2]
            data = np.frombuffer(buffer, dtype=np.dtype(dtype).newbyteorder("<")) if buffer is not None else np.zeros(0, dtype)
            offsets //= np.dtype(dtype).itemsize
        starts, sizes = offsets[local], offsets[local + 1] - offsets[local]
        if chunk.null_count:
            sizes = np.where(chunk.is_valid().to_numpy(zero_copy_only=False)[local], sizes, 0)
        pieces.append(data[_segment_ranges(starts, sizes)])
        lengths.append(sizes)
    sizes = np.concatenate(lengths) if lengths else np.zeros(0, dtype=np.int64)
    values = np.concatenate(pieces) if pieces else np.zeros(0, dtype)
    return values.astype(dtype, copy=False), np.concatenate([[0], np.cumsum(sizes)])


def _band_candidates(
    table: pa.Table, rows: np.ndarray, first_new_row: int, settings: DedupSettings
) -> tuple[np.ndarray, np.ndarray]:
    """Pairs of ``rows`` sharing an LSH bucket, at least one of them a new document.

    A bucket of up to ``max_bucket_size`` documents yields all its pairs. A bigger one is
    boilerplate (a stock phrase whose shingles won the bins in many articles): it only pairs each
    member with the bucket's first row, which keeps the work linear and still finds a story
    syndicated more widely than the cap.

    Each band's hashes are sorted on their own (a ``(band, hash)`` bucket never mixes bands), the
    buckets are the runs of equal hashes, and the pairs of all bands are deduplicated at the end.
    """
    empty = np.zeros(0, dtype=np.int64)
    if rows.size < 2:
        return empty, empty
    bands, _ = _gather_segments(table.column("band_hashes"), rows, np.uint64)
    by_band = np.ascontiguousarray(bands.reshape(rows.size, settings.bands).T)
    del bands
    rows = rows.astype(np.int64)
    stride = int(rows.max()) + 1
    keyed = []  # left * stride + right of every pair found
    block = max(1, (1 << 22) // rows.size)  # bands sorted at once, to bound the temporaries
    for first_band in range(0, settings.bands, block):
        hashes = by_band[first_band : first_band + block]
        order = np.argsort(hashes, axis=1)
        hashes = np.take_along_axis(hashes, order, axis=1)
        members = rows[order].ravel()  # rows, grouped by (band, hash)
        bucket_start = np.ones(hashes.shape, dtype=bool)
        bucket_start[:, 1:] = hashes[:, 1:] != hashes[:, :-1]
        starts = np.flatnonzero(bucket_start.ravel())
        sizes = np.diff(np.append(starts, members.size))
        shared = sizes > 1
        starts, sizes = starts[shared], sizes[shared]
        small = sizes <= settings.max_bucket_size
        # all pairs of a small bucket: each member with every later member (positions in `members`)
        position = _segment_ranges(starts[small], sizes[small])
        later = np.repeat(starts[small] + sizes[small], sizes[small]) - position - 1
        one, other = members[np.repeat(position, later)], members[_segment_ranges(position + 1, later)]
        left, right = np.minimum(one, other), np.maximum(one, other)
        keep = right >= first_new_row
        keyed.append(left[keep] * stride + right[keep])
        # a big bucket: its lowest row with every other member
        big_sizes = sizes[~small]
        if big_sizes.size:
            big_members = members[_segment_ranges(starts[~small], big_sizes)]
            hubs = np.repeat(np.minimum.reduceat(big_members, np.cumsum(big_sizes) - big_sizes), big_sizes)
            keep = (big_members >= first_new_row) & (big_members > hubs)
            keyed.append(hubs[keep] * stride + big_members[keep])
    pairs = np.concatenate(keyed)
    pairs.sort()  # a pair shared by several bands once (a sort beats np.unique's hash table here)
    pairs = pairs[np.append(True, pairs[1:] != pairs[:-1])] if pairs.size else pairs
    return pairs // stride, pairs % stride


def _hash_sets(table: pa.Table, column_name: str, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Flat hashes of a hash-set column for the sorted ``rows`` and their offsets (in hashes)."""
    return _gather_segments(table.column(column_name), rows, np.uint32)


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
        merged = np.concatenate(keyed)
        merged.sort(kind="stable")  # two sorted runs: a linear merge
        common = merged[1:][merged[1:] == merged[:-1]] >> _U64(32)
        sizes[start:stop] = np.bincount(common.astype(np.int64), minlength=stop - start)
    return sizes


def _pair_rows(left: np.ndarray, right: np.ndarray, total: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The sorted distinct rows of the pairs and each side's index into them (``np.unique`` with
    ``return_inverse``, in linear time: rows are below ``total``)."""
    used = np.zeros(total, dtype=bool)
    used[left] = True
    used[right] = True
    local = np.cumsum(used) - 1
    return np.flatnonzero(used), local[left], local[right]


def _screened(table: pa.Table, left: np.ndarray, right: np.ndarray, settings: DedupSettings) -> np.ndarray:
    """Mask of the candidate pairs whose MinHash estimate leaves a chance of passing verification.

    The share of equal bins estimates the Jaccard with standard error ``sqrt(J(1-J)/num_perm)``
    (0.033 at J = 0.3 with 192 bins); a pair is dropped only when both its Jaccard and its
    containment estimates lie 4 standard errors under their thresholds, which turns away most
    boilerplate candidates before the exact, costlier check.
    """
    rows, left_local, right_local = _pair_rows(left, right, table.num_rows)
    minhash, _ = _gather_segments(table.column("minhash"), rows, np.uint64)
    # 32 bits of each bin are plenty to tell equal minima apart, and halve the memory traffic
    signatures = minhash.astype(np.uint32).reshape(rows.size, settings.num_perm)
    counts = table.column("shingle_count").take(pa.array(rows)).to_numpy()

    def margin(threshold: float) -> float:
        return 4 * (threshold * (1 - threshold) / settings.num_perm) ** 0.5

    def passes(jaccard: np.ndarray, a: np.ndarray, b: np.ndarray) -> np.ndarray:
        size_a, size_b = counts[a], counts[b]
        containment = jaccard * (size_a + size_b) / (1 + jaccard) / np.maximum(np.minimum(size_a, size_b), 1)
        return (jaccard >= settings.jaccard_threshold - margin(settings.jaccard_threshold)) | (
            containment >= settings.containment_threshold - margin(settings.containment_threshold)
        )

    # First pass on the low 8 bits of each bin, 8 bins to a word: equal bins stay equal, so the
    # share of equal bytes bounds the share of equal bins from above, and both tests grow with it:
    # a pair failing here fails the exact test. Only the survivors are compared on 32 bits.
    pad = -settings.num_perm % 8
    low_bytes = np.zeros((rows.size, settings.num_perm + pad), dtype=np.uint8)
    low_bytes[:, : settings.num_perm] = signatures
    words = low_bytes.view(np.uint64)
    low7 = _U64(0x7F7F7F7F7F7F7F7F)
    maybe = np.empty(left.size, dtype=bool)
    step = max(1, _SCREEN_CHUNK // words.shape[1])
    for start in range(0, left.size, step):
        a, b = left_local[start : start + step], right_local[start : start + step]
        differ = words[a] ^ words[b]
        zero_bytes = ~(((differ & low7) + low7) | differ | low7)  # high bit of each zero byte
        equal = np.bitwise_count(zero_bytes).sum(axis=1, dtype=np.int64) - pad
        maybe[start : start + step] = passes(equal / settings.num_perm, a, b)
    candidates = np.flatnonzero(maybe)
    keep = np.zeros(left.size, dtype=bool)
    step = max(1, _SCREEN_CHUNK // settings.num_perm)
    for start in range(0, candidates.size, step):
        chunk = candidates[start : start + step]
        a, b = left_local[chunk], right_local[chunk]
        keep[chunk] = passes((signatures[a] == signatures[b]).mean(axis=1), a, b)
    return keep


def _verified_links(table: pa.Table, left: np.ndarray, right: np.ndarray, settings: DedupSettings) -> list[tuple]:
    """``(left_row, right_row, method, similarity)`` for the candidate pairs that really are copies."""
    if left.size:
        keep = _screened(table, left, right, settings)
        left, right = left[keep], right[keep]
    if left.size == 0:
        return []
    rows, left_local, right_local = _pair_rows(left, right, table.num_rows)
    values, offsets = _hash_sets(table, "shingles", rows)
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
