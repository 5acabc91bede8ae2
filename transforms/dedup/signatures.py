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
   exact groups by body hash (one representative of each goes on); LSH candidates by sorting
   each band's hashes in NumPy (a run of equal hashes is a bucket: all its pairs, or a star
   instead in boilerplate buckets; pairs shared by several bands kept once); a MinHash-estimate
   screen (first on 8 bits of each bin, then exactly on 32) drops candidates 4 standard errors
   under both thresholds; every remaining pair is verified on its exact shingle
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
shingling; this whole signature step takes ~95 ms.)

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
# Verification holds at most this many hashes at once: ~100 MB of temporaries.
_VERIFY_CHUNK = 2_000_000
# The screen compares this many bins at once: small enough for its temporaries to be reused from
# the heap (and stay in cache) instead of being freshly mapped, and page-faulted, chunk after chunk.
_SCREEN_CHUNK = 1 << 18


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
    table.setflags(write=False)  # shared by every thread of the process
    return table


def _segment_ranges(starts: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """Concatenated ``arange(start, start + length)`` for every segment, without a Python loop."""
    total = int(lengths.sum())
    if total == 0:
        return np.zeros(0, dtype=np.int64)
    segment_first = np.cumsum(lengths) - lengths
    return np.repeat(starts - segment_first, lengths) + np.arange(total)


def _key_codes(keys: pa.Array) -> tuple[np.ndarray, np.ndarray, bytes, np.ndarray]:
    """Code points of all texts back to back (no separator), the position of each text's first one
    (plus the total at the end), and the UTF-8 bytes with each text's byte offsets (plus the end)."""
    keys = pc.cast(keys, pa.large_string())
    if isinstance(keys, pa.ChunkedArray):
        keys = keys.combine_chunks() if keys.num_chunks else pa.array([], pa.large_string())
    _, offset_buffer, data = keys.buffers()
    byte_offsets = np.frombuffer(offset_buffer, dtype=np.int64)[keys.offset : keys.offset + len(keys) + 1]
    utf8 = data.to_pybytes()[byte_offsets[0] : byte_offsets[-1]] if data is not None else b""
    byte_offsets = byte_offsets - byte_offsets[0]
    codes = np.frombuffer(utf8.decode("utf-8").encode("utf-32-le"), dtype=np.uint32)
    char_lengths = pc.utf8_length(keys).to_numpy(zero_copy_only=False).astype(np.int64)
    text_starts = np.concatenate([[0], np.cumsum(char_lengths)])
    return codes, text_starts, utf8, byte_offsets


_HASH_BLOCK = 1 << 20  # characters hashed at once: ~25 MB of powers and prefix sums


def _polynomial_powers(count: int) -> tuple[np.ndarray, np.ndarray]:
    """``base**p`` and ``base**-p`` mod 2**64 for ``p < count`` (at least), read-only.

    Shard tasks run on threads at once, so the tables are never changed after they are built:
    sizes are rounded up to a power of two (at least one block) and each size is built once.
    """
    return _powers_of_size(max(_HASH_BLOCK, 1 << max(count - 1, 0).bit_length()))


@cache
def _powers_of_size(size: int) -> tuple[np.ndarray, np.ndarray]:
    tables = []
    for factor in (_POLY_BASE, _U64(pow(int(_POLY_BASE), -1, 1 << 64))):
        powers = np.ones(size, dtype=np.uint64)
        np.cumprod(np.full(size - 1, factor, dtype=np.uint64), out=powers[1:])  # wraps mod 2**64
        powers.setflags(write=False)
        tables.append(powers)
    return tables[0], tables[1]


def _token_hashes(codes: np.ndarray, text_starts: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """64-bit hash of every syllable of every text, how many each text has, whether it is a number.

    A syllable is a maximal run of word characters inside one text; its hash is
    ``mix64(sum(code[k] * _POLY_BASE**k))`` over its characters (wrapping mod 2**64).
    """
    texts = text_starts.size - 1
    word = _word_char_table()[codes]
    if codes.size == 0 or not word.any():
        return np.zeros(0, dtype=np.uint64), np.zeros(texts, dtype=np.int64), np.zeros(0, dtype=bool)
    inner = text_starts[1:-1]
    inner = inner[inner < codes.size]
    before = np.empty_like(word)  # is the previous character a word character of the same text
    before[0] = False
    before[1:] = word[:-1]
    before[inner] = False
    after = np.empty_like(word)  # is the next character a word character of the same text
    after[-1] = False
    after[:-1] = word[1:]
    after[inner - 1] = False
    starts = np.flatnonzero(word & ~before)
    ends = np.flatnonzero(word & ~after) + 1
    # sum(code[s + k] * base**k for k < length) == (prefix[end] - prefix[s]) * base**-s, where
    # prefix[i] = sum(code[p] * base**p for p < i): everything wraps mod 2**64 and base is odd.
    # Positions count from the start of a block of whole texts, which bounds the powers' table.
    hashes = np.empty(starts.size, dtype=np.uint64)
    bounds = text_starts[np.searchsorted(text_starts, np.arange(0, codes.size, _HASH_BLOCK), side="right") - 1]
    bounds = np.append(np.unique(bounds), codes.size)
    for first, last in zip(bounds[:-1].tolist(), bounds[1:].tolist()):
        low, high = np.searchsorted(starts, [first, last])
        powers, inverse_powers = _polynomial_powers(last - first)
        prefix = np.empty(last - first + 1, dtype=np.uint64)
        prefix[0] = 0
        np.multiply(codes[first:last], powers[: last - first], out=prefix[1:])
        np.cumsum(prefix, out=prefix)
        block_starts = starts[low:high] - first
        hashes[low:high] = (prefix[ends[low:high] - first] - prefix[block_starts]) * inverse_powers[block_starts]
    first_codes = codes[starts]
    per_text = np.diff(np.searchsorted(starts, text_starts))
    numeric = (first_codes >= ord("0")) & (first_codes <= ord("9"))
    return _mix64(hashes), per_text, numeric


def _distinct_per_text(hashes: np.ndarray, owner: np.ndarray, texts: int) -> tuple[np.ndarray, np.ndarray]:
    """Sorted distinct 32-bit values (high half of ``hashes``) of every text, and per-text counts."""
    keyed = (owner.astype(np.uint64) << _U64(32)) | (hashes >> _U64(32))
    keyed.sort()
    distinct = np.ones(keyed.size, dtype=bool)
    distinct[1:] = keyed[1:] != keyed[:-1]
    keyed = keyed[distinct]
    counts = np.bincount((keyed >> _U64(32)).astype(np.int64), minlength=texts)
    return (keyed & _U64(0xFFFFFFFF)).astype(np.uint32), counts


def _shingle_sets(
    codes: np.ndarray, text_starts: np.ndarray, size: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Per text: sorted distinct 32-bit shingle hashes and their counts, then the same for the
    numbers it contains (dates, figures: what template twins differ in and copies keep).

    A shingle hashes ``mix64(sum(token[o] * multiplier[o]))`` over its ``size`` syllables; a text
    shorter than ``size`` syllables has one shingle, of all its syllables.
    """
    texts = text_starts.size - 1
    tokens, per_text, numeric = _token_hashes(codes, text_starts)
    owner = np.repeat(np.arange(texts), per_text)
    multipliers = _odd_constants(size, salt=size)
    windows = max(tokens.size - size + 1, 0)
    shingle = np.zeros(windows, dtype=np.uint64)
    for offset in range(size):  # every full window, text boundaries or not
        shingle += tokens[offset : offset + windows] * multipliers[offset]
    text_ends = np.cumsum(per_text)
    full = np.flatnonzero(np.repeat(text_ends, per_text)[:windows] - np.arange(windows) >= size)
    shingles, shingle_owner = [shingle[full]], [owner[full]]
    short = np.flatnonzero((per_text > 0) & (per_text < size))
    if short.size:
        first = text_ends[short] - per_text[short]
        partial = np.zeros(short.size, dtype=np.uint64)
        for offset in range(size - 1):
            within = offset < per_text[short]
            partial += np.where(within, tokens[np.where(within, first + offset, 0)] * multipliers[offset], _U64(0))
        shingles.append(partial)
        shingle_owner.append(short)
    return (*_distinct_per_text(_mix64(np.concatenate(shingles)), np.concatenate(shingle_owner), texts),
            *_distinct_per_text(tokens[numeric], owner[numeric], texts))


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
        doc_ids = cleaned_shard.column("doc_id")
        keys = cleaned_shard.column("body_key")
        lengths = pc.utf8_length(cleaned_shard.column("body"))
        dates = cleaned_shard.column("published_date")
    else:
        doc_ids = pa.array([record["doc_id"] for record in cleaned_shard], pa.string())
        keys = pa.array([record["body_key"] for record in cleaned_shard], pa.string())
        lengths = pa.array([len(record["body"]) for record in cleaned_shard], pa.int32())
        dates = pa.array([record.get("published_date") for record in cleaned_shard], pa.string())
    if not len(doc_ids):
        return SIGNATURES.empty_table()
    codes, text_starts, utf8, byte_offsets = _key_codes(keys)
    values, counts, numbers, number_counts = _shingle_sets(codes, text_starts, settings.shingle_size)
    signatures = _one_permutation_minhash(values, counts, settings)
    present = counts > 0
    view = memoryview(utf8)
    exact = [hashlib.blake2b(view[start:stop], digest_size=16).digest()
             for start, stop in zip(byte_offsets[:-1].tolist(), byte_offsets[1:].tolist())]
    return pa.table(
        [
            pc.cast(doc_ids, pa.string()),
            pa.array(exact, pa.binary(16)),
            pc.cast(lengths, pa.int32()),
            pc.cast(dates, pa.string()),
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


_METHOD_RANK = {"exact": 0, "near": 1, "contained": 2}


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
    # pc.unique numbers the values by first occurrence: a row is the first of its doc_id when
    # its number exceeds every earlier row's (on one array: a value set may be hashed per chunk)
    combined = doc_ids.combine_chunks()
    number = pc.index_in(combined, value_set=pc.unique(combined)).to_numpy(zero_copy_only=False)
    first = number > np.concatenate([[-1], np.maximum.accumulate(number)[:-1]])
    if known is not None and known.num_rows:
        first &= ~pc.is_in(combined, known.column("doc_id").combine_chunks()).to_numpy(zero_copy_only=False)
    # the usual case keeps every row: no copy of the whole table (~4 KB a document)
    return signatures if first.all() else signatures.filter(pa.array(first))


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
