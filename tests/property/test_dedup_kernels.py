"""Every dedup kernel against its plain-Python statement (dedup_reference.py), on generated data.

The block and chunk sizes (``_HASH_BLOCK``, ``_VERIFY_CHUNK``, ``_SCREEN_CHUNK``) are patched
small and drawn on and around the data's own boundaries, so a text or a pair straddling two
blocks is the common case rather than a 1-in-a-million one.
"""

from __future__ import annotations

import dataclasses
import hashlib
import unicodedata
from unittest import mock

import dedup_reference as ref
import numpy as np
import pyarrow as pa
from hypothesis import event, given, note
from hypothesis import strategies as st
from text_strategies import SEPARATORS, articles, short_texts, texts, unpunctuated_lines

from transforms.dedup import candidates as dedup_candidates
from transforms.dedup import clusters as dedup_clusters
from transforms.dedup import signatures as dedup_signatures
from transforms.dedup import compute_signatures, find_duplicates, match_signatures
from transforms.settings import DedupSettings
from tools.synth import generate_corpus
from transforms.text import match_key

SETTINGS = DedupSettings()
LAYOUTS = [SETTINGS, DedupSettings(num_perm=8, bands=4, seed=3), DedupSettings(num_perm=60, bands=20, seed=7)]

# A shard of matching keys: most as the clean stage makes them, some raw (the kernels take any string).
keys = st.one_of(texts.map(match_key), texts)
shards = st.lists(keys, max_size=8)


def near_boundaries(boundaries, spread: int = 1) -> list[int]:
    """Block sizes on and next to each boundary (at least 1)."""
    return sorted({max(1, b + d) for b in boundaries for d in range(-spread, spread + 1)} | {1, 2, 3})


def event_of_block(block: int, text_starts: np.ndarray) -> None:
    """Say in the statistics how the block size sat against the texts (coverage, not a check)."""
    lengths = np.diff(text_starts)
    event("a text of 50k+ characters" if lengths.size and lengths.max() >= 50_000 else "no long text")
    event("a text longer than the block" if lengths.size and lengths.max() > block else "every text within a block")
    event("the shard crosses a block" if text_starts[-1] > block else "the shard fits one block")


def records_of(keys_of_shard: list[str]) -> list[dict]:
    return [{"doc_id": f"d{i:03d}", "body": key, "body_key": key, "published_date": None}
            for i, key in enumerate(keys_of_shard)]


# --- normalization and syllables ------------------------------------------------------------

# An invisible character alone between two syllables glues them into one word once dropped
# ("hoà\u200bhoà" -> "hoàhòa"): a closed syllable keeps its tone where it is.
VISIBLE_SEPARATORS = [s for s in SEPARATORS if s not in "\u200b\ufeff\u00ad"]

def insert_everywhere(text: str, inserted: str, every: int) -> str:
    return "".join(char + (inserted if i % every == 0 else "") for i, char in enumerate(text))


@given(texts, st.sampled_from(["\u200b", "\ufeff", "\u00ad", "\u2060"]), st.integers(1, 7))
def test_match_key_ignores_form_case_lookalikes_invisibles_and_odd_spaces(text, invisible, every):
    key = match_key(text)
    assert key == " ".join(key.split()), "spaces collapsed and trimmed"
    assert match_key(unicodedata.normalize("NFD", text)) == key
    assert match_key(unicodedata.normalize("NFC", text)) == key
    assert match_key(text.replace("Đ", "Ð").replace("đ", "ð")) == key
    assert match_key(text.replace(" ", "\u00a0")) == key
    assert match_key(insert_everywhere(text, invisible, every)) == key
    assert match_key(key) == key, "a key is its own key"


@given(st.lists(st.sampled_from(["hoà", "hòa", "thuỷ", "thủy", "khoẻ", "khỏe", "Uỷ", "Ủy", "HOÀ"]), max_size=20),
       st.lists(st.sampled_from(VISIBLE_SEPARATORS), min_size=20, max_size=20))
def test_both_tone_placements_give_one_key(words, separators):
    old_style = "".join(w + s for w, s in zip(words, separators))
    new_style = (old_style.replace("oà", "òa").replace("OÀ", "ÒA").replace("uỷ", "ủy")
                 .replace("Uỷ", "Ủy").replace("oẻ", "ỏe"))
    assert match_key(old_style) == match_key(new_style)


@given(shards, st.data())
def test_syllable_hashes_match_reference_on_every_block_boundary(shard, data):
    codes, text_starts, _, _ = dedup_signatures._key_codes(pa.array(shard, pa.string()))
    block = data.draw(st.sampled_from(near_boundaries(text_starts.tolist())), label="_HASH_BLOCK")
    event_of_block(block, text_starts)
    with mock.patch.object(dedup_signatures, "_HASH_BLOCK", block):
        hashes, per_text, numeric = dedup_signatures._token_hashes(codes, text_starts)
    expected = [ref.syllables(key) for key in shard]
    assert per_text.tolist() == [len(s) for s in expected]
    assert hashes.tolist() == [ref.syllable_hash(s) for syllables in expected for s in syllables]
    assert numeric.tolist() == [ref.is_number(s) for syllables in expected for s in syllables]


@given(shards, st.sampled_from([1, 2, 3, 5]), st.data())
def test_shingle_and_number_sets_match_reference(shard, size, data):
    codes, text_starts, _, _ = dedup_signatures._key_codes(pa.array(shard, pa.string()))
    block = data.draw(st.sampled_from(near_boundaries(text_starts.tolist())), label="_HASH_BLOCK")
    with mock.patch.object(dedup_signatures, "_HASH_BLOCK", block):
        values, counts, numbers, number_counts = dedup_signatures._shingle_sets(codes, text_starts, size)
    expected = [ref.shingle_set(key, size) for key in shard]
    assert counts.tolist() == [len(s) for s in expected]
    assert values.tolist() == [v for s in expected for v in s]
    expected_numbers = [ref.number_set(key) for key in shard]
    assert number_counts.tolist() == [len(s) for s in expected_numbers]
    assert numbers.tolist() == [v for s in expected_numbers for v in s]


# --- MinHash and banding --------------------------------------------------------------------

hash_sets = st.lists(st.sets(st.integers(0, 2**32 - 1), max_size=300).map(sorted), max_size=6)


@given(hash_sets, st.sampled_from(LAYOUTS))
def test_one_permutation_minhash_and_bands_match_reference(sets, settings):
    counts = np.array([len(s) for s in sets], dtype=np.int64)
    values = np.array([v for s in sets for v in s], dtype=np.uint32)
    signatures = dedup_signatures._one_permutation_minhash(values, counts, settings)
    assert signatures.shape == (len(sets), settings.num_perm)
    expected = [ref.minhash(s, settings.num_perm, settings.seed) for s in sets]
    assert signatures.tolist() == expected
    bands = dedup_signatures._band_hashes(signatures, settings)
    assert bands.tolist() == [ref.band_hashes(signature, settings.bands) for signature in expected]


@given(shards, st.data())
def test_signature_table_matches_reference_and_arrow_input(shard, data):
    codes, text_starts, _, _ = dedup_signatures._key_codes(pa.array(shard, pa.string()))
    block = data.draw(st.sampled_from(near_boundaries(text_starts.tolist())), label="_HASH_BLOCK")
    records = records_of(shard)
    with mock.patch.object(dedup_signatures, "_HASH_BLOCK", block):
        table = compute_signatures(records, SETTINGS)
        chunk = data.draw(st.integers(1, max(len(records), 1)), label="arrow chunk")
        arrow = pa.Table.from_batches(pa.Table.from_pylist(records).to_batches(max_chunksize=chunk)) if records else None
        assert arrow is None or compute_signatures(arrow, SETTINGS).equals(table)
    for row, key in zip(table.to_pylist(), shard):
        shingles = ref.shingle_set(key, SETTINGS.shingle_size)
        assert row["exact_hash"] == hashlib.blake2b(key.encode(), digest_size=16).digest()
        assert row["body_length"] == len(key) and row["shingle_count"] == len(shingles)
        assert row["shingles"] == b"".join(v.to_bytes(4, "little") for v in shingles)
        assert row["numbers"] == b"".join(v.to_bytes(4, "little") for v in ref.number_set(key))
        signature = ref.minhash(shingles, SETTINGS.num_perm, SETTINGS.seed) if shingles else None
        assert row["minhash"] == signature
        assert row["band_hashes"] == (ref.band_hashes(signature, SETTINGS.bands) if shingles else None)


@given(st.integers(2, 40).flatmap(lambda n: st.tuples(
    st.lists(st.lists(st.integers(0, 3), min_size=4, max_size=4), min_size=n, max_size=n),
    st.sets(st.integers(0, n - 1), min_size=2),
    st.integers(0, n), st.integers(1, 5), st.integers(1, n))))
def test_band_candidates_match_reference(case):
    bands, chosen, first_new_row, max_bucket_size, chunk = case
    settings = DedupSettings(num_perm=8, bands=4, max_bucket_size=max_bucket_size)
    column = pa.table({"band_hashes": pa.array(bands, pa.list_(pa.uint64()))})
    table = pa.Table.from_batches(column.to_batches(max_chunksize=chunk))  # stored tables come in chunks
    rows = np.array(sorted(chosen))
    left, right = dedup_candidates._band_candidates(table, rows, first_new_row, settings)
    found = list(zip(left.tolist(), right.tolist()))
    assert len(found) == len(set(found))
    assert set(found) == ref.band_candidates({row: bands[row] for row in chosen}, first_new_row, max_bucket_size)


# --- verification ---------------------------------------------------------------------------

@st.composite
def copies(draw) -> list[str]:
    """An article-like text and edited copies of it: word replacements, cuts, truncations."""
    base = draw(st.one_of(articles, unpunctuated_lines, short_texts))
    rng = draw(st.randoms(use_true_random=False))
    words = base.split(" ")
    family = [base]
    for _ in range(draw(st.integers(1, 4))):
        copy = list(words)
        for _ in range(rng.randrange(len(copy) // 8 + 1)):
            copy[rng.randrange(len(copy))] = rng.choice(["các", "những", "hợp tác", "ngày 5", "2025"])
        keep = max(1, round(len(copy) * rng.choice([1.0, 1.0, 0.9, 0.7, 0.5])))
        family.append(" ".join(copy[:keep]))
    return family


@given(st.lists(copies(), min_size=1, max_size=3), st.sampled_from(LAYOUTS), st.data())
def test_screen_is_the_32_bit_estimate_rule_and_keeps_every_verified_pair(families, settings, data):
    keys_of_shard = [match_key(text) for family in families for text in family]
    table = compute_signatures(records_of(keys_of_shard), settings)
    present = [row for row in range(table.num_rows) if table.column("shingle_count")[row].as_py() > 0]
    pairs = [(a, b) for i, a in enumerate(present) for b in present[i + 1 :]]
    if not pairs:
        return
    left, right = (np.array(side, dtype=np.int64) for side in zip(*pairs))
    words_per_row = (settings.num_perm + 7) // 8
    chunk = data.draw(st.sampled_from(near_boundaries([words_per_row, settings.num_perm, 2 * settings.num_perm])))
    with mock.patch.object(dedup_candidates, "_SCREEN_CHUNK", chunk):
        kept = dedup_candidates._screened(table, left, right, settings)
    rows = table.to_pylist()
    sets = [set(np.frombuffer(row["shingles"], "<u4").tolist()) for row in rows]
    for (a, b), keep in zip(pairs, kept.tolist()):
        assert keep == ref.estimate_passes(rows[a]["minhash"], rows[b]["minhash"], rows[a]["shingle_count"],
                                           rows[b]["shingle_count"], settings), (a, b)
        verdict = ref.exact_verdict(sets[a], sets[b], settings)
        event(f"a pair verification makes {verdict}")
        note(f"pair {a},{b}: {verdict}, kept {keep}")
        assert keep or verdict is None, f"the screen dropped a pair verification accepts as {verdict}"


def hash_set_table(sets: list[list[int]], column: str, chunk: int) -> pa.Table:
    counts = np.array([len(s) for s in sets], dtype=np.int64)
    values = np.array([v for s in sets for v in s], dtype=np.uint32)
    table = pa.table({column: dedup_signatures._hash_set_column(values, counts)})
    return pa.Table.from_batches(table.to_batches(max_chunksize=chunk))


small_sets = st.lists(st.sets(st.integers(0, 40), max_size=12).map(sorted), min_size=1, max_size=10)


@given(small_sets, st.data())
def test_intersection_sizes_on_every_chunk_boundary(sets, data):
    n = len(sets)
    pairs = data.draw(st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)), min_size=1, max_size=30))
    left, right = (np.array(side, dtype=np.int64) for side in zip(*pairs))
    offsets = np.concatenate([[0], np.cumsum([len(s) for s in sets])])
    values = np.array([v for s in sets for v in s], dtype=np.uint32)
    work = np.cumsum([len(sets[a]) + len(sets[b]) for a, b in pairs]).tolist()
    chunk = data.draw(st.sampled_from(near_boundaries(work)), label="_VERIFY_CHUNK")
    with mock.patch.object(dedup_candidates, "_VERIFY_CHUNK", chunk):
        sizes = dedup_candidates._intersection_sizes(values, offsets, left, right)
    assert sizes.tolist() == [len(set(sets[a]) & set(sets[b])) for a, b in pairs]


@given(small_sets, st.floats(0.1, 1.0), st.data())
def test_figures_agree_matches_reference(sets, agreement, data):
    n = len(sets)
    table = hash_set_table(sets, "numbers", data.draw(st.integers(1, n)))
    rows = np.array(sorted(data.draw(st.sets(st.integers(0, n - 1), min_size=1))))
    local = st.integers(0, rows.size - 1)
    pairs = data.draw(st.lists(st.tuples(local, local), min_size=1, max_size=20))
    left, right = (np.array(side, dtype=np.int64) for side in zip(*pairs))
    settings = dataclasses.replace(SETTINGS, min_figure_agreement=agreement)
    with mock.patch.object(dedup_candidates, "_VERIFY_CHUNK", data.draw(st.integers(1, 30), label="_VERIFY_CHUNK")):
        agree = dedup_candidates._figures_agree(table, rows, left, right, settings)
    expected = [ref.figures_agree(set(sets[rows[a]]), set(sets[rows[b]]), settings) for a, b in pairs]
    assert agree.tolist() == expected


# --- clustering and the canonical rule ------------------------------------------------------

@given(st.integers(1, 30).flatmap(lambda n: st.tuples(
    st.just(n),
    st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)), max_size=40),
    st.dictionaries(st.integers(0, n - 1), st.sampled_from(["k0", "k1", "k2"]), max_size=n))))
def test_union_find_matches_explicit_groups(case):
    n, links, anchors = case
    clusters = dedup_clusters._Clusters(anchors)
    for a, b in links:
        clusters.union(a, b)
    group_of, anchor_of = ref.clusters(list(range(n)), links, anchors)
    for a in range(n):
        assert clusters.anchor.get(clusters.find(a)) == anchor_of[group_of[a]]
        for b in range(n):
            assert (clusters.find(a) == clusters.find(b)) == (group_of[a] == group_of[b]), (a, b)


dates = st.sampled_from([None, "2024-03", "2024-03-01", "2024-02-28", "2023", "2024-03-01"])


@given(st.lists(st.tuples(st.integers(0, 2), st.integers(0, 5), dates), min_size=1, max_size=12),
       st.permutations(range(12)))
def test_each_exact_cluster_keeps_the_longest_then_earliest_then_smallest_id(members, order):
    bodies = [match_key(text) for text in ("Hà Nội có mưa lớn", "Đà Nẵng nắng nóng ngày 12", "giá vàng 2024 tăng")]
    records = [{"doc_id": f"doc-{order[i]:02d}", "body": bodies[group] + " ." * padding,
                "body_key": bodies[group], "published_date": date}
               for i, (group, padding, date) in enumerate(members)]
    duplicates, signatures = find_duplicates(records, SETTINGS)
    canonical_of = {row["doc_id"]: row["canonical_id"] for row in duplicates}
    for group in {group for group, _, _ in members}:
        mates = [r for r in records if r["body_key"] == bodies[group]]
        best = sorted(mates, key=lambda r: (-len(r["body"]), r["published_date"] is None,
                                            r["published_date"] or "", r["doc_id"]))[0]
        assert best["doc_id"] not in canonical_of
        assert all(canonical_of[r["doc_id"]] == best["doc_id"] for r in mates if r is not best)
    assert dict(zip(signatures.column("doc_id").to_pylist(), signatures.column("canonical_id").to_pylist())) == {
        r["doc_id"]: canonical_of.get(r["doc_id"], r["doc_id"]) for r in records}


# --- partitions -----------------------------------------------------------------------------

@given(st.integers(0, 1000), st.lists(st.integers(1, 59), max_size=6), st.integers(1, 4000))
def test_any_partition_into_shards_gives_the_same_signatures_and_duplicates(seed, cuts, block):
    documents, _ = generate_corpus(60, dup_rate=0.4, seed=seed)
    records = [{"doc_id": d["file_name"], "body": d["text"], "body_key": match_key(d["text"]),
                "published_date": None} for d in documents]
    bounds = [0, *sorted(set(cuts)), len(records)]
    with mock.patch.object(dedup_signatures, "_HASH_BLOCK", block):
        whole = compute_signatures(records, SETTINGS)
        sharded = pa.concat_tables([compute_signatures(records[a:b], SETTINGS) for a, b in zip(bounds, bounds[1:])])
    assert sharded.equals(whole)
    assert match_signatures(sharded, SETTINGS) == match_signatures(whole, SETTINGS)
