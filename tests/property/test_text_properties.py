"""Properties of text normalization (transforms.text): the text kept as written is NFC and
repaired; the matching key is blind to Unicode form, tone placement, case, Đ look-alikes,
invisible characters and odd spaces."""

from __future__ import annotations

import re
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from article_strategies import FOREIGN, NUMBERS, ODD_SPACES, WORDS, pages
from transforms.extract.gazetteer import key_text
from transforms.text import canonical_tone_placement, match_key, needs_repair, repair_characters

INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
LOOKALIKES = "\u00d0\u00f0\u0189"
any_text = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=60)
# Letters, marks, spaces and invisibles mixed freely: NFD sequences with a zero-width character
# between a letter and its tone mark, which whole words never produce.
mixed = st.text(st.sampled_from("aeoudyAĐđÐð \u00a0\t\r\n" + INVISIBLE + "\u0300\u0301\u0303\u0309\u0323\u0302\u0306\u031b"),
                max_size=30)


@st.composite
def noisy_nfd(draw) -> str:
    """Vietnamese words in NFD with invisible characters anywhere, also between a letter and its
    marks (a zero-width space or soft hyphen pasted inside a decomposed syllable)."""
    text = unicodedata.normalize("NFD", " ".join(draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=6))))
    for _ in range(draw(st.integers(1, 4))):
        position = draw(st.integers(0, len(text)))
        text = text[:position] + draw(st.sampled_from(INVISIBLE)) + text[position:]
    return text


texts = st.one_of(any_text, mixed, noisy_nfd(), pages)


@given(texts)
def test_repaired_text_is_nfc_clean_and_stable(text):
    repaired = repair_characters(text)
    assert unicodedata.is_normalized("NFC", repaired)
    assert not any(char in repaired for char in INVISIBLE + LOOKALIKES + "\u00a0\t")
    assert repair_characters(repaired) == repaired


@given(texts)
def test_needs_repair_never_misses_a_change(text):
    """The extractor skips repair_characters on NFC text that needs_repair passes."""
    if unicodedata.is_normalized("NFC", text) and not needs_repair(text):
        assert repair_characters(text) == text


@given(texts)
def test_match_key_is_idempotent_and_form_blind(text):
    key = match_key(text)
    assert match_key(key) == key
    assert match_key(unicodedata.normalize("NFD", text)) == key
    assert match_key(unicodedata.normalize("NFC", text)) == key
    assert key == key.strip() and "  " not in key and not re.search(r"[^\S ]", key)


@given(texts, st.data())
def test_match_key_ignores_invisibles_odd_spaces_and_lookalikes(text, data):
    positions = sorted(data.draw(st.lists(st.integers(0, len(text)), max_size=4)), reverse=True)
    noisy = text
    for position in positions:
        noisy = noisy[:position] + data.draw(st.sampled_from(INVISIBLE)) + noisy[position:]
    assert match_key(noisy) == match_key(text)
    assert match_key(text.replace(" ", "\u00a0")) == match_key(text)
    assert match_key(text.replace("Đ", "Ð").replace("đ", "ð")) == match_key(text)
    assert match_key(text.replace("Đ", "\u0189")) == match_key(text)


vietnamese = st.lists(st.sampled_from(WORDS + NUMBERS + FOREIGN[:5]), max_size=12).map(" ".join)
# Only the Vietnamese and English alphabets, Ð/ð included: casefold is not case-blind everywhere
# (ı, İ), and the lower case of the look-alike Ɖ is ɖ, which looks like no đ and is left alone.
vietnamese_letters = st.lists(st.sampled_from([w for w in WORDS if "\u0189" not in w] + NUMBERS + FOREIGN[:5]),
                              max_size=12).map(" ".join)


@given(vietnamese_letters)
def test_match_key_is_case_blind_on_vietnamese(text):
    assert match_key(text.upper()) == match_key(text.lower()) == match_key(text)


# --- tone placement against a syllable-by-syllable reference ---------------------------------

ONSETS = ["", "b", "ch", "đ", "g", "gi", "h", "kh", "l", "ng", "nh", "th", "tr", "x"]
# rhyme → index of the vowel that carries the tone in canonical placement; the open rhymes oa,
# oe, uy (not after qu) also appear in new style, with the tone on the second vowel.
RHYMES = {
    "oa": 0, "oe": 0, "uy": 0, "a": 0, "ai": 0, "ao": 0, "ua": 0, "ưa": 0, "ia": 0, "ôi": 0,
    "oan": 1, "oang": 1, "oach": 1, "oat": 1, "uyt": 1, "uynh": 1, "oai": 1, "oay": 1, "oeo": 1,
    "uyên": 2, "oăn": 1, "uân": 1, "uê": 1, "ươn": 1, "iêt": 1, "ơ": 0,
}
TONES = ["", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323"]


def written_syllable(onset: str, rhyme: str, tone: str, tone_at: int) -> str:
    """The syllable with its tone mark on the rhyme's vowel number ``tone_at``, NFC."""
    marked = rhyme[:tone_at + 1] + tone + rhyme[tone_at + 1:]
    return unicodedata.normalize("NFC", onset + marked)


def movable(onset: str, rhyme: str) -> bool:
    """A tone of the open rhymes oa/oe/uy is written on either vowel (qu- syllables excepted)."""
    return rhyme in ("oa", "oe", "uy") and onset != "q"


# (onset, rhyme, vowel of the canonical tone); in qu- syllables the u belongs to the onset
SYLLABLE_SHAPES = [(onset, rhyme, at) for onset in ONSETS for rhyme, at in RHYMES.items()] + [
    ("q", "uy", 1), ("q", "ua", 1), ("q", "uyên", 2), ("q", "uân", 1), ("q", "uyt", 1),
]
syllables = st.tuples(st.sampled_from(SYLLABLE_SHAPES), st.sampled_from(TONES), st.booleans(),
                      st.sampled_from(["lower", "title", "upper"]))


def cased(text: str, case: str) -> str:
    return text.upper() if case == "upper" else text[:1].upper() + text[1:] if case == "title" else text


@given(st.lists(syllables, min_size=1, max_size=6), st.sampled_from([" ", ", ", "-", "\n"]))
def test_tone_placement_matches_a_syllable_reference(parts, separator):
    written, expected = [], []
    for (onset, rhyme, canonical_at), tone, new_style, case in parts:
        written_at = canonical_at + 1 if new_style and movable(onset, rhyme) else canonical_at
        written.append(cased(written_syllable(onset, rhyme, tone, written_at), case))
        expected.append(cased(written_syllable(onset, rhyme, tone, canonical_at), case))
    text, canonical = separator.join(written), separator.join(expected)
    assert canonical_tone_placement(text) == canonical
    assert canonical_tone_placement(unicodedata.normalize("NFD", text)) == canonical
    assert match_key(text) == match_key(canonical) == match_key(canonical.upper())


@given(texts)
def test_canonical_tone_placement_is_idempotent(text):
    once = canonical_tone_placement(text)
    assert canonical_tone_placement(once) == once


@given(st.one_of(vietnamese, pages))
def test_tone_placement_keeps_the_length_of_vietnamese_text(text):
    """The extractor reads offsets of the canonical text off the text as written."""
    repaired = repair_characters(text)
    assert len(canonical_tone_placement(repaired)) == len(repaired)


@given(texts)
def test_key_text_keeps_offsets(text):
    assert len(key_text(text)) == len(text)


SPACES = [space for space in ODD_SPACES if space not in INVISIBLE] + ["\u3000", "\u202f", "\r\n", "\n", "\f"]


@given(st.sampled_from(SPACES), vietnamese, vietnamese)
def test_any_whitespace_between_words_gives_one_key(space, left, right):
    assert match_key(f"{left}{space}{right}") == match_key(f"{left} {right}")
