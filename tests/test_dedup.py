import random
import unicodedata

import pyarrow as pa
import pytest

from transforms.dedup import SIGNATURES, compute_signatures, evaluate_dedup, find_duplicates, match_signatures
from transforms.settings import DedupSettings
from tools.synth import generate_article, generate_corpus
from transforms.text import match_key
from tests.property.dedup_reference import MASK64, mix64

SETTINGS = DedupSettings()


def cleaned(doc_id: str, body: str, published_date: str | None = None) -> dict:
    """The fields of a ``cleaned`` record dedup reads, with the minimal cleaning: the matching key."""
    return {"doc_id": doc_id, "body": body, "body_key": match_key(body), "published_date": published_date}


def article(seed: int, kind: str | None = None) -> str:
    return generate_article(seed, kind).text


def shingle_jaccard(a: str, b: str, size: int = SETTINGS.shingle_size) -> float:
    def shingles(text: str) -> set:
        words = "".join(c if c.isalnum() else " " for c in match_key(text)).split()
        return {tuple(words[i : i + size]) for i in range(len(words) - size + 1)}

    first, second = shingles(a), shingles(b)
    return len(first & second) / len(first | second)


def by_doc(duplicates: list[dict]) -> dict[str, dict]:
    return {row["doc_id"]: row for row in duplicates}


def edit_words(text: str, rate: float, seed: int) -> str:
    words = text.split(" ")
    rng = random.Random(seed)
    for position in rng.sample(range(len(words)), round(rate * len(words))):
        words[position] = rng.choice(["các", "những", "hợp tác", "quan trọng", "tiếp tục"])
    return " ".join(words)


def test_exact_duplicates_ignore_tone_placement_case_and_spacing():
    text = article(1)
    variant = text.replace("hòa", "hoà").replace(" ", "\u00a0", 3).upper()  # same length: "a" stays canonical
    duplicates, signatures = find_duplicates([cleaned("a", text), cleaned("b", variant)], SETTINGS)
    assert duplicates == [{"doc_id": "b", "canonical_id": "a", "method": "exact", "similarity": 1.0, "cluster_id": "a"}]
    assert signatures.schema.equals(SIGNATURES)
    assert signatures.column("canonical_id").to_pylist() == ["a", "a"]


def test_near_duplicate_with_word_edits_is_found_and_verified():
    text = article(2)
    duplicates, _ = find_duplicates([cleaned("a", text), cleaned("b", edit_words(text, 0.05, seed=3))], SETTINGS)
    [row] = duplicates
    assert {row["doc_id"], row["canonical_id"]} == {"a", "b"} and row["method"] == "near"
    assert 0.45 < row["similarity"] < 0.95


def test_truncated_copy_is_contained_in_the_full_article():
    text = article(4)
    words = text.split(" ")
    duplicates, _ = find_duplicates(
        [cleaned("full", text), cleaned("start", " ".join(words[: len(words) // 2]))], SETTINGS
    )
    [row] = duplicates
    assert (row["doc_id"], row["canonical_id"], row["method"]) == ("start", "full", "contained")
    assert row["similarity"] > 0.95


@pytest.mark.parametrize("kind", ["reception", "congratulation", "working"])
def test_same_template_with_other_people_and_dates_is_not_merged(kind):
    texts = [article(seed, kind) for seed in range(30)]
    closest = max(shingle_jaccard(a, b) for i, a in enumerate(texts) for b in texts[i + 1 :])
    assert closest > 0.1  # they do share their skeleton: hard negatives
    duplicates, signatures = find_duplicates([cleaned(f"d{i}", t) for i, t in enumerate(texts)], SETTINGS)
    assert duplicates == []
    assert signatures.num_rows == 30


def test_canonical_is_longest_body_then_earliest_date_then_smallest_id():
    text = article(5)
    longer = text + "\n\nTin liên quan"
    records = [
        cleaned("c", text, "2024-05-02"),
        cleaned("b", text.replace("hòa", "hoà") + " ", "2024-05-01"),
        cleaned("a", text.upper(), "2024-05-01"),
        cleaned("z", longer, "2024-06-01"),
    ]
    duplicates, _ = find_duplicates(records, SETTINGS)
    assert {row["doc_id"]: row["canonical_id"] for row in duplicates} == {"a": "z", "b": "z", "c": "z"}
    duplicates, _ = find_duplicates(records[:3], SETTINGS)
    # "b" has one more character (its trailing space), then "a" and "c": b is longest
    assert by_doc(duplicates).keys() == {"a", "c"}
    assert {row["canonical_id"] for row in duplicates} == {"b"}
    duplicates, _ = find_duplicates([records[0], cleaned("a", text, "2024-05-01"), cleaned("d", text, None)], SETTINGS)
    assert {row["doc_id"]: row["canonical_id"] for row in duplicates} == {"c": "a", "d": "a"}


def retone(word: str) -> str:
    """The same letters with another tone: bộ → bố, ba → bà (what diacritic stripping merges)."""
    tones = ["", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323"]
    letters = unicodedata.normalize("NFD", word)
    current = next((mark for mark in tones[1:] if mark in letters), "")
    bare = letters.replace(current, "") if current else letters
    vowel = next((i for i, c in enumerate(bare) if c.lower() in "aeiouy"), None)
    if vowel is None:
        return word
    end = vowel + 1
    while end < len(bare) and unicodedata.combining(bare[end]):  # after the vowel's hat or horn
        end += 1
    new_tone = tones[(tones.index(current) + 1) % len(tones)]
    return unicodedata.normalize("NFC", bare[:end] + new_tone + bare[end:])


def test_tone_marks_are_words_not_noise():
    text = article(6)
    retoned = " ".join(retone(word) if i % 2 else word for i, word in enumerate(text.split(" ")))
    assert [retone(w) for w in ("bộ", "bỏ", "bó", "hội")] == ["bô", "bõ", "bò", "hôi"]

    def strip_diacritics(value: str) -> str:
        return "".join(c for c in unicodedata.normalize("NFD", match_key(value)) if not unicodedata.combining(c))

    assert strip_diacritics(text) == strip_diacritics(retoned)  # a diacritic-blind key calls them equal
    duplicates, _ = find_duplicates([cleaned("a", text), cleaned("b", retoned)], SETTINGS)
    assert duplicates == []


def test_incremental_run_points_new_copies_at_stored_canonicals():
    originals = [cleaned(f"a{i}", article(100 + i)) for i in range(6)]
    first_duplicates, known = find_duplicates(originals, SETTINGS)
    assert first_duplicates == []
    copies = [
        cleaned("b0", originals[0]["body"].upper()),  # exact
        cleaned("b1", edit_words(originals[1]["body"], 0.05, seed=7)),  # near
        cleaned("b2", originals[2]["body"] + "\n\nXem thêm tin liên quan trên trang chủ"),  # longer, still not canonical
        cleaned("b3", article(999)),  # new story
    ]
    duplicates, signatures = find_duplicates(copies, SETTINGS, known=known)
    assert {row["doc_id"]: row["canonical_id"] for row in duplicates} == {"b0": "a0", "b1": "a1", "b2": "a2"}
    assert signatures.column("doc_id").to_pylist() == ["b0", "b1", "b2", "b3"]
    assert signatures.column("canonical_id").to_pylist() == ["a0", "a1", "a2", "b3"]

    # A copy of a stored duplicate joins the stored canonical, not the duplicate.
    stored = pa.concat_tables([known, signatures])
    duplicates, _ = find_duplicates([cleaned("c1", copies[1]["body"] + " ")], SETTINGS, known=stored)
    assert by_doc(duplicates)["c1"]["canonical_id"] == "a1"


def test_reprocessing_known_documents_is_a_no_op():
    records = [cleaned(f"a{i}", article(200 + i)) for i in range(4)]
    records.append(cleaned("copy", records[0]["body"].upper()))
    duplicates, known = find_duplicates(records, SETTINGS)
    assert len(duplicates) == 1
    again, new_signatures = find_duplicates(records, SETTINGS, known=known)
    assert again == [] and new_signatures.num_rows == 0
    assert match_signatures(compute_signatures(records, SETTINGS), SETTINGS, known) == []


def test_two_stored_clusters_are_never_merged():
    first, second = article(300), article(301)
    _, known = find_duplicates([cleaned("k1", first), cleaned("k2", second)], SETTINGS)
    words_first, words_second = first.split(" "), second.split(" ")
    bridge = " ".join(words_first[: len(words_first) * 9 // 10] + words_second[: len(words_second) // 10])
    duplicates, _ = find_duplicates([cleaned("n", bridge)], SETTINGS, known=known)
    assert by_doc(duplicates)["n"]["canonical_id"] == "k1"


def test_empty_and_syllable_free_bodies():
    duplicates, signatures = find_duplicates([cleaned("a", "…"), cleaned("b", "—"), cleaned("c", "")], SETTINGS)
    assert duplicates == []
    assert signatures.column("minhash").null_count == 3
    assert find_duplicates([], SETTINGS)[0] == []


def test_shards_give_the_same_result_as_one_batch():
    documents, _ = generate_corpus(300, dup_rate=0.3, seed=5)
    records = [cleaned(d["file_name"], d["text"]) for d in documents]
    whole, _ = find_duplicates(records, SETTINGS)
    sharded = pa.concat_tables([compute_signatures(records[i : i + 70], SETTINGS) for i in range(0, 300, 70)])
    assert match_signatures(sharded, SETTINGS) == whole


def test_settings_reject_bands_that_do_not_divide_num_perm():
    with pytest.raises(ValueError):
        DedupSettings(num_perm=100, bands=64)


def test_recall_per_edit_type_and_no_false_merges_on_a_synthetic_corpus():
    documents, truth = generate_corpus(3000, dup_rate=0.3, seed=11)
    records = [cleaned(d["file_name"], d["text"], truth[d["file_name"]]["published_date"]) for d in documents]
    duplicates, _ = find_duplicates(records, SETTINGS)
    report = evaluate_dedup(duplicates, truth)
    assert report["overall"]["false_merges"] == 0
    for edit in ("exact", "new-intro", "word-edits-2", "word-edits-5", "word-edits-10",
                 "truncated-50", "truncated-70", "added-chrome"):
        assert report[edit]["recall"] >= 0.95, (edit, report[edit])


# --- The vectorized internals against plain-Python statements of what they compute -------------

def _reference_sets(key: str, size: int) -> tuple[list[int], list[int]]:
    """Sorted distinct high halves of the shingle hashes and of the number hashes of one text."""
    from transforms.dedup import signatures as dedup_signatures

    def is_word(char: str) -> bool:
        return ord(char) < 0x10000 and (char.isalnum() or unicodedata.category(char).startswith("M"))

    syllables, current = [], ""
    for char in key + " ":
        if is_word(char):
            current += char
        elif current:
            syllables.append(current)
            current = ""
    base = int(dedup_signatures._POLY_BASE)
    tokens = [mix64(sum(ord(c) * pow(base, k, 1 << 64) for k, c in enumerate(s)) & MASK64) for s in syllables]
    multipliers = [int(m) for m in dedup_signatures._odd_constants(size, salt=size)]
    windows = [tokens[i : i + size] for i in range(len(tokens) - size + 1)] or ([tokens] if tokens else [])
    shingles = {mix64(sum(t * m for t, m in zip(window, multipliers)) & MASK64) >> 32 for window in windows}
    numbers = {t >> 32 for s, t in zip(syllables, tokens) if "0" <= s[0] <= "9"}
    return sorted(shingles), sorted(numbers)


TRICKY_KEYS = [
    "",
    " ,.;! ",
    "một",  # shorter than a shingle
    "hai ba bốn",
    "năm sáu bảy tám chín mười",
    "abcdefghijklmnopqrstuvwxyz0123 dài",  # a syllable longer than any power table row
    "ngày 12/3/2024 có 1.500 người",
    "đầu",  # no separator between this text's end and the next one's start
    "cuối câu tiếp nối không dấu cách",
    "e\u0301 combining a\u0300 marks ố",
    "emoji 😀 giữa các từ 😀 và 𝔘 astral",
    "số 42 đứng đầu 7 lần 2024",
]


@pytest.mark.parametrize("block", [1 << 20, 7])
def test_shingle_and_number_sets_match_a_plain_python_statement(monkeypatch, block):
    from transforms.dedup import signatures as dedup_signatures

    monkeypatch.setattr(dedup_signatures, "_HASH_BLOCK", block)
    keys = TRICKY_KEYS + [match_key(article(seed)) for seed in range(3)]
    records = [{"doc_id": str(i), "body": key, "body_key": key, "published_date": None} for i, key in enumerate(keys)]
    table = compute_signatures(records, SETTINGS)
    for row, key in zip(table.to_pylist(), keys):
        shingles, numbers = _reference_sets(key, SETTINGS.shingle_size)
        assert row["shingle_count"] == len(shingles)
        assert row["shingles"] == b"".join(value.to_bytes(4, "little") for value in shingles), key
        assert row["numbers"] == b"".join(value.to_bytes(4, "little") for value in numbers), key
    # the Arrow path (a chunked, sliced column) gives the same table as the records path
    arrow = pa.Table.from_pylist(records[3:] + records[:3]).slice(1)
    arrow = pa.Table.from_batches(arrow.to_batches(max_chunksize=4))
    assert compute_signatures(arrow, SETTINGS).equals(compute_signatures(records[4:] + records[:3], SETTINGS))


def test_band_candidates_match_a_plain_python_statement():
    import dataclasses

    import numpy as np

    from transforms.dedup import candidates as dedup_candidates

    documents, _ = generate_corpus(300, 0.5, seed=3)
    keys = [match_key(d["text"]) for d in documents]
    keys += keys[:40] + keys[:10]  # exact copies: buckets of 2 and 3 in every band
    records = [{"doc_id": str(i), "body": k, "body_key": k, "published_date": None} for i, k in enumerate(keys)]
    table = compute_signatures(records, SETTINGS)
    bands = table.column("band_hashes").to_pylist()
    for max_bucket_size, first_new_row, step in ((20, 0, 1), (2, 0, 1), (2, 150, 2), (1, 100, 1)):
        settings = dataclasses.replace(SETTINGS, max_bucket_size=max_bucket_size)
        rows = np.arange(0, table.num_rows, step)
        buckets: dict[tuple, list[int]] = {}
        for row in rows.tolist():
            for band, value in enumerate(bands[row]):
                buckets.setdefault((band, value), []).append(row)
        expected = set()
        for members in buckets.values():
            if 1 < len(members) <= max_bucket_size:
                expected |= {(a, b) for a in members for b in members if a < b and b >= first_new_row}
            elif len(members) > max_bucket_size:
                expected |= {(min(members), b) for b in members if b > min(members) and b >= first_new_row}
        left, right = dedup_candidates._band_candidates(table, rows, first_new_row, settings)
        found = list(zip(left.tolist(), right.tolist()))
        assert len(found) == len(set(found)) and set(found) == expected and expected


def test_two_pass_screen_keeps_exactly_the_pairs_of_the_32_bit_estimate():
    import dataclasses

    import numpy as np

    from transforms.dedup import candidates as dedup_candidates

    documents, _ = generate_corpus(200, 0.5, seed=4)
    records = [cleaned(d["file_name"], d["text"]) for d in documents]
    table = compute_signatures(records, SETTINGS)
    rng = np.random.default_rng(0)
    left = rng.integers(0, table.num_rows, 5000)
    right = rng.integers(0, table.num_rows, 5000)
    signatures = np.array(table.column("minhash").to_pylist(), dtype=np.uint64).astype(np.uint32)
    counts = np.array(table.column("shingle_count").to_pylist())
    for settings in (SETTINGS, dataclasses.replace(SETTINGS, jaccard_threshold=0.1),
                     dataclasses.replace(SETTINGS, containment_threshold=0.4, num_perm=60, bands=20)):
        if settings.num_perm != SETTINGS.num_perm:
            table = compute_signatures(records, settings)
            signatures = np.array(table.column("minhash").to_pylist(), dtype=np.uint64).astype(np.uint32)
        jaccard = (signatures[left] == signatures[right]).mean(axis=1)
        small, large = np.minimum(counts[left], counts[right]), counts[left] + counts[right]
        containment = jaccard * large / (1 + jaccard) / np.maximum(small, 1)

        def margin(t: float) -> float:
            return 4 * (t * (1 - t) / settings.num_perm) ** 0.5

        expected = ((jaccard >= settings.jaccard_threshold - margin(settings.jaccard_threshold))
                    | (containment >= settings.containment_threshold - margin(settings.containment_threshold)))
        kept = dedup_candidates._screened(table, left, right, settings)
        assert np.array_equal(kept, expected) and 0 < kept.sum() < kept.size
