"""Text normalization shared by every stage.

Two forms of the same text exist in vnnews:

* the text *as written*: NFC, with look-alike characters repaired (``Ð`` used as ``Đ``),
  kept in the article body;
* the *matching key*: one canonical tone placement (``hoà`` → ``hòa``, ``Uỷ`` → ``Ủy``),
  casefolded, whitespace collapsed; used for dedup, extraction lookups and entity keys.
"""

from __future__ import annotations

import re
import unicodedata

# Icelandic eth and the African D look exactly like Vietnamese Đ/đ and some outlets type them.
_LOOKALIKES = str.maketrans({"\u00d0": "\u0110", "\u00f0": "\u0111", "\u0189": "\u0110"})
_HAS_LOOKALIKE = re.compile("[\u00d0\u00f0\u0189]")
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_SPACES = re.compile("[\u00a0\u2000-\u200a\u202f\u205f\u3000\t\f\v]")
_TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"
# In NFD, "hoà" is h-o-a-◌̀. The old ("common") placement puts the tone on the first vowel of an
# open oa/oe/uy rhyme; syllables with a final consonant (hoàng, toán) and qu- syllables (quý)
# place it identically in both styles and are left alone.
# The lookahead also stops at a circumflex, breve or horn: in NFD the dot below comes before
# them (hoặc = h-o-a-◌̣-◌̆-c), and those vowels carry the tone in both styles.
_NEW_STYLE_TONE = re.compile(
    rf"(?<![qQ])([oOuU])([aAeEyY])([{_TONE_MARKS}])(?![^\W\d_]|[\u0302\u0306\u031b])"
)
_WHITESPACE_RUN = re.compile(r"\s+")
_NEEDS_REPAIR = re.compile(f"{_HAS_LOOKALIKE.pattern}|{_INVISIBLE.pattern}|{_SPACES.pattern}")


def needs_repair(text: str) -> bool:
    """Whether ``repair_characters`` would change anything besides NFC (a cheap pre-check)."""
    return bool(_NEEDS_REPAIR.search(text))


def repair_characters(text: str) -> str:
    """NFC, look-alike letters fixed, invisible characters dropped, odd spaces made plain."""
    if not _NEEDS_REPAIR.search(text) and unicodedata.is_normalized("NFC", text):
        return text  # the common case (a line of text already repaired): nothing below applies
    # Invisible characters go before NFC: one between a letter and its mark in NFD text
    # ("o\u200b\u0300") would otherwise keep the pair from composing.
    text = unicodedata.normalize("NFC", _INVISIBLE.sub("", text))
    if _HAS_LOOKALIKE.search(text):  # rare: skip the whole-text copy of translate otherwise
        text = text.translate(_LOOKALIKES)
    return _SPACES.sub(" ", text)


# In NFC text without loose combining marks, a new-style tone shows as o/u before a toned a/e/y:
# without one there is nothing to move, and the NFD round trip (most of the cost of a match key)
# can be skipped.
_NEW_STYLE_CANDIDATE = re.compile("[oOuU][àáảãạèéẻẽẹỳýỷỹỵÀÁẢÃẠÈÉẺẼẸỲÝỶỸỴ]|[\u0300-\u036f]")


def canonical_tone_placement(text: str) -> str:
    """Move tone marks of open oa/oe/uy rhymes to the first vowel (hoà → hòa, Uỷ → Ủy)."""
    if not _NEW_STYLE_CANDIDATE.search(text) and unicodedata.is_normalized("NFC", text):
        return text
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFC", _NEW_STYLE_TONE.sub(r"\1\3\2", decomposed))


def match_key(text: str) -> str:
    """The normalized form used for matching: tone placement, case, Đ look-alikes, spaces."""
    text = canonical_tone_placement(repair_characters(text)).casefold()
    return _WHITESPACE_RUN.sub(" ", text).strip()
