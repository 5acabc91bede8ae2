"""Signatures of cleaned articles: syllables, shingles, number hashes, MinHash and LSH bands.

``compute_signatures`` (per shard, embarrassingly parallel): the body's matching key
(``transforms.text.match_key``: tone placement, case, look-alikes) is cut into syllables (runs of
letters and digits; punctuation dropped, diacritics kept: ``bộ``, ``bỏ`` and ``bó`` stay three
words), then into ``shingle_size``-syllable shingles hashed to 32 bits. Each document keeps its
sorted sets of shingle hashes and of number hashes (to verify candidates later without the text:
~2 KB for a 3 KB article), a MinHash signature and its LSH band hashes, all computed on
whole-shard NumPy arrays.

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

Shard tasks run on threads at once: the lookup tables (word characters, polynomial powers) are
built once per size, cached and read-only.
"""

from __future__ import annotations

import hashlib
from functools import cache

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from transforms.schemas import SIGNATURES
from transforms.settings import DedupSettings

_U64 = np.uint64
_U64_MAX = np.iinfo(np.uint64).max
_GOLDEN = _U64(0x9E3779B97F4A7C15)
_POLY_BASE = _U64(0x100000001B3)  # odd, so every position's power is distinct mod 2**64


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
