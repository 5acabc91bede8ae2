"""Plain-Python statements of what each dedup kernel computes, written for clarity, not speed.

Every function works on Python ints (mod 2**64 by hand) and lists, one text at a time, so it
shares no code path with the NumPy kernels in ``transforms/dedup/`` that the property tests
compare it with. Only the constants (the polynomial base, the seed mixing) are taken as given.
"""

from __future__ import annotations

import unicodedata

MASK64 = (1 << 64) - 1
MAX64 = MASK64
GOLDEN = 0x9E3779B97F4A7C15
POLY_BASE = 0x100000001B3


def mix64(value: int) -> int:
    """MurmurHash3's 64-bit finalizer."""
    value ^= value >> 33
    value = value * 0xFF51AFD7ED558CCD & MASK64
    value ^= value >> 33
    value = value * 0xC4CEB9FE1A85EC53 & MASK64
    return value ^ (value >> 33)


def odd_constants(count: int, salt: int) -> list[int]:
    return [mix64(((index + 1) * GOLDEN + salt) & MASK64) | 1 for index in range(count)]


def is_syllable_char(char: str) -> bool:
    """Letters, digits and combining marks of the Basic Multilingual Plane."""
    return ord(char) < 0x10000 and (char.isalnum() or unicodedata.category(char).startswith("M"))


def syllables(key: str) -> list[str]:
    """Maximal runs of syllable characters, in order."""
    found, current = [], ""
    for char in key:
        if is_syllable_char(char):
            current += char
        elif current:
            found.append(current)
            current = ""
    return found + [current] if current else found


def syllable_hash(syllable: str) -> int:
    return mix64(sum(ord(char) * pow(POLY_BASE, k, 1 << 64) for k, char in enumerate(syllable)) & MASK64)


def is_number(syllable: str) -> bool:
    return "0" <= syllable[0] <= "9"


def shingle_set(key: str, size: int) -> list[int]:
    """Sorted distinct high halves of the text's shingle hashes; a text with fewer than ``size``
    syllables (but at least one) has a single shingle of all of them."""
    tokens = [syllable_hash(s) for s in syllables(key)]
    multipliers = odd_constants(size, salt=size)
    windows = [tokens[i : i + size] for i in range(len(tokens) - size + 1)] or ([tokens] if tokens else [])
    return sorted({mix64(sum(t * m for t, m in zip(window, multipliers)) & MASK64) >> 32 for window in windows})


def number_set(key: str) -> list[int]:
    return sorted({syllable_hash(s) >> 32 for s in syllables(key) if is_number(s)})


def minhash(shingles: list[int], num_perm: int, seed: int) -> list[int]:
    """One-permutation MinHash with optimal densification; all-max for an empty set."""
    if not shingles:
        return [MAX64] * num_perm
    salt = mix64(seed)
    bins = [MAX64] * num_perm
    for value in shingles:
        hashed = mix64(value ^ salt)
        slot = ((hashed >> 32) * num_perm) >> 32
        bins[slot] = min(bins[slot], hashed)
    filled = [value != MAX64 for value in bins]
    dense = list(bins)
    for slot in range(num_perm):
        attempt = 0
        while not filled[slot]:
            attempt += 1
            probe_key = (slot * GOLDEN + attempt + (seed << 20)) & MASK64
            probe = ((mix64(probe_key) >> 32) * num_perm) >> 32
            if filled[probe]:
                dense[slot] = bins[probe]
                break
    return dense


def band_hashes(signature: list[int], bands: int) -> list[int]:
    rows = len(signature) // bands
    multipliers = odd_constants(rows, salt=0xBA5D)
    return [
        mix64(sum(signature[band * rows + k] * multipliers[k] for k in range(rows)) & MASK64)
        for band in range(bands)
    ]


def band_candidates(bands_of_row: dict[int, list[int]], first_new_row: int, max_bucket_size: int) -> set[tuple]:
    """Pairs ``(a, b)``, ``a < b``, ``b`` new, sharing a ``(band, hash)`` bucket: every pair of a
    small bucket, the lowest member with each other one in a bucket above the cap."""
    buckets: dict[tuple, list[int]] = {}
    for row in sorted(bands_of_row):
        for band, value in enumerate(bands_of_row[row]):
            buckets.setdefault((band, value), []).append(row)
    pairs = set()
    for members in buckets.values():
        if 1 < len(members) <= max_bucket_size:
            pairs |= {(a, b) for a in members for b in members if a < b and b >= first_new_row}
        elif len(members) > max_bucket_size:
            hub = min(members)
            pairs |= {(hub, b) for b in members if b > hub and b >= first_new_row}
    return pairs


def estimate_passes(sig_a: list[int], sig_b: list[int], count_a: int, count_b: int, settings) -> bool:
    """The screen's rule: the share of equal bins (on their low 32 bits) as a Jaccard estimate,
    and the containment it implies, each within 4 standard errors of its threshold."""
    equal = sum((x & 0xFFFFFFFF) == (y & 0xFFFFFFFF) for x, y in zip(sig_a, sig_b))
    jaccard = equal / settings.num_perm
    containment = jaccard * (count_a + count_b) / (1 + jaccard) / max(min(count_a, count_b), 1)

    def margin(threshold: float) -> float:
        return 4 * (threshold * (1 - threshold) / settings.num_perm) ** 0.5

    return (jaccard >= settings.jaccard_threshold - margin(settings.jaccard_threshold)) or (
        containment >= settings.containment_threshold - margin(settings.containment_threshold)
    )


def exact_verdict(shingles_a: set, shingles_b: set, settings) -> str | None:
    """What exact verification makes of a pair on its shingle sets alone: ``near``,
    ``contained`` or None (figures aside)."""
    common = len(shingles_a & shingles_b)
    union = len(shingles_a | shingles_b)
    smaller, larger = sorted((len(shingles_a), len(shingles_b)))
    if not union:
        return None
    containment = common / max(smaller, 1)
    if (containment >= settings.containment_threshold and smaller <= settings.containment_threshold * larger
            and smaller >= settings.min_contained_shingles):
        return "contained"
    return "near" if common / union >= settings.jaccard_threshold else None


def figures_agree(numbers_a: set, numbers_b: set, settings) -> bool:
    fewer = min(len(numbers_a), len(numbers_b))
    return fewer < 3 or len(numbers_a & numbers_b) >= settings.min_figure_agreement * fewer


def clusters(rows: list[int], links: list[tuple[int, int]], anchors: dict[int, str]) -> tuple[dict, dict]:
    """Each row's group (a frozenset of rows) and each group's stored canonical or None.

    Links are taken in order and join two groups unless they carry different stored canonicals
    (``anchors``: row -> canonical); groups are kept as explicit sets, no forest."""
    group_of = {row: frozenset([row]) for row in rows}
    anchor_of = {frozenset([row]): anchors.get(row) for row in rows}
    for a, b in links:
        group_a, group_b = group_of[a], group_of[b]
        if group_a == group_b:
            continue
        anchor_a, anchor_b = anchor_of[group_a], anchor_of[group_b]
        if anchor_a is not None and anchor_b is not None and anchor_a != anchor_b:
            continue
        joined = group_a | group_b
        anchor_of[joined] = anchor_a if anchor_a is not None else anchor_b
        for row in joined:
            group_of[row] = joined
    return {row: group_of[row] for row in rows}, {group: anchor_of[group] for group in set(group_of.values())}
