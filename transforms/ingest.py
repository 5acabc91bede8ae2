"""Ingest: turn input files into `documents` records (see docs/datasets.md).

Vietnamese news reaches the pipeline in many byte forms: UTF-8 with or without BOM, UTF-16,
Windows-1258 (tone marks as combining characters), the legacy TCVN3/ABC and VNI font encodings,
and UTF-8 that some tool decoded as Windows-1252 and saved again (mojibake). Nothing in the bytes
says which one a file uses, so every plausible reading is tried and scored by how much of it reads
as Vietnamese syllables; a file no reading makes confidently Vietnamese is quarantined, never
passed on as garbage.
"""

from __future__ import annotations

import glob
import gzip
import hashlib
import json
import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import ftfy
import viparse
from ftfy.badness import is_bad

from transforms.text import repair_characters

STAGE = "ingest"
_TEXT_FORMATS = {".txt": "txt", ".text": "txt", ".html": "html", ".htm": "html"}
_RECORD_FORMATS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".parquet": "parquet"}

_BINARY_SIGNATURES = {
    b"\x89PNG\r\n\x1a\n": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a ZIP archive (or DOCX/XLSX)",
    b"\xd0\xcf\x11\xe0": "a legacy Office document",
    b"\x1f\x8b": "gzip-compressed data",
    b"RIFF": "a RIFF media file",
    b"\x7fELF": "an executable",
}
_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32", "utf-32"),
    (b"\xff\xfe", "utf-16", "utf-16"),
    (b"\xfe\xff", "utf-16", "utf-16"),
)
_CONTROL_CHARS = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufffd\ue000-\uf8ff]")
_HTML_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_-]+)""", re.IGNORECASE)
_LOOKALIKE_D = frozenset("\u00d0\u00f0\u0189")

# --- What "reads as Vietnamese" means --------------------------------------------------------
# A Vietnamese word is one syllable: onset + vowel nucleus + final consonant, plus at most one
# tone mark. A wrong decoding of legacy or mojibake bytes yields letters outside that alphabet
# (µ, Æ, ø) or impossible vowel clusters, so the share of non-ASCII words that are valid
# syllables separates right readings (≈1.0) from wrong ones (well under 0.8).
_TONES = "\u0300\u0301\u0303\u0309\u0323"
_TONE_RE = re.compile(f"[{_TONES}]")
_ONSETS = "ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|b|c|d|đ|g|h|k|l|m|n|p|r|s|t|v|x"
_NUCLEI = (
    "iêu yêu oai oay oao oeo uây uôi ươi ươu uya uyê uyu ai ao au ay âu ây eo êu ia iê iu oa "
    "oă oe oi ôi ơi oo ua uâ uê ui uô uơ uy ưa ưi ươ ưu yê a ă â e ê i o ô ơ u ư y"
).split()
_CODAS = "ch|ng|nh|c|m|n|p|t"
_SYLLABLE = re.compile(rf"(?:{_ONSETS})?(?:{'|'.join(_NUCLEI)})(?:{_CODAS})?")
_WORD = re.compile(r"[^\W\d_]+")

_MIN_VALID_SHARE = 0.85
_MIN_DIACRITIC_SHARE = 0.08
_MAX_BAD_CHAR_SHARE = 0.001
_MAX_INVALID_UTF8_SHARE = 0.0005

# TCVN3 has no code points for upper-case toned letters: "TRẦN" arrives as "TRầN".
_TCVN3_CAPS_WORD = re.compile(r"\b(?=\w*[A-ZĐ]\w*[A-ZĐ])(?=\w*[^\x00-\x7f])[^\W\d_a-z]*\w*\b")
_SENTENCE_START = re.compile(r"(^|[.!?…]\s+|\n\s*\n\s*)([^\W\d_A-Za-z])", re.MULTILINE)


@lru_cache(maxsize=1 << 16)
def _is_vietnamese_syllable(word: str) -> bool:
    decomposed = unicodedata.normalize("NFD", word.lower())
    if len(_TONE_RE.findall(decomposed)) > 1:
        return False
    toneless = unicodedata.normalize("NFC", _TONE_RE.sub("", decomposed))
    return _SYLLABLE.fullmatch(toneless) is not None


@dataclass(frozen=True)
class Reading:
    """One way of turning the input into text, with the evidence it is the right one."""

    text: str
    encoding: str
    repairs: tuple[str, ...] = ()
    valid_share: float = 0.0
    diacritic_share: float = 0.0
    bad_char_share: float = 1.0

    @property
    def confident(self) -> bool:
        return (
            self.bad_char_share <= _MAX_BAD_CHAR_SHARE
            and self.valid_share >= _MIN_VALID_SHARE
            and self.diacritic_share >= _MIN_DIACRITIC_SHARE
        )


def _scored(text: str, encoding: str, repairs: tuple[str, ...] = ()) -> Reading:
    text = unicodedata.normalize("NFC", text)
    words = _WORD.findall(text)
    accented = [word for word in words if not word.isascii()]
    valid = sum(1 for word in accented if _is_vietnamese_syllable(word))
    return Reading(
        text=text,
        encoding=encoding,
        repairs=repairs,
        valid_share=valid / len(accented) if accented else 0.0,
        diacritic_share=len(accented) / len(words) if words else 0.0,
        bad_char_share=len(_CONTROL_CHARS.findall(text)) / max(len(text), 1),
    )


def _best(readings: Sequence[Reading]) -> Reading:
    """The most Vietnamese reading; earlier (less invasive) readings win ties."""
    return max(
        readings,
        key=lambda r: (r.confident, r.bad_char_share <= _MAX_BAD_CHAR_SHARE, r.valid_share),
    )


def _restore_tcvn3_case(text: str) -> str:
    text = _TCVN3_CAPS_WORD.sub(lambda m: m.group(0).upper(), text)
    return _SENTENCE_START.sub(lambda m: m.group(1) + m.group(2).upper(), text)


def _legacy_readings(surface: str, encoding: str, repairs: tuple[str, ...]) -> list[Reading]:
    """Readings of text whose characters are legacy font code points (µ for à, aø for à)."""
    tcvn3 = _restore_tcvn3_case(viparse.fix(surface, encoding="tcvn3"))
    vni = viparse.fix(surface, encoding="vni")
    return [
        _scored(tcvn3, encoding or "tcvn3", (*repairs, "tcvn3-case") if tcvn3 != surface else repairs),
        _scored(vni, encoding or "vni", repairs),
    ]


def read_unicode_text(text: str, encoding: str) -> Reading:
    """Best reading of text that is already a str: as is, mojibake repaired, or legacy-converted."""
    as_is = _scored(text, encoding)
    if as_is.confident:
        return as_is
    readings = [as_is]
    if is_bad(text):
        repaired = ftfy.fix_encoding(text)
        if repaired != text:
            readings.append(_scored(repaired, encoding, ("mojibake",)))
    readings.extend(
        replace(reading, encoding=encoding)
        for reading in _legacy_readings(text, "", ())
    )
    repaired_legacy = [
        Reading(**{**reading.__dict__, "repairs": (f"legacy-{name}", *reading.repairs)})
        for reading, name in zip(readings[-2:], ("tcvn3", "vni"))
    ]
    return _best([*readings[:-2], *repaired_legacy])


def replace(reading: Reading, **changes: object) -> Reading:
    return Reading(**{**reading.__dict__, **changes})


def _single_byte_surface(data: bytes) -> str:
    """Legacy-font bytes as the Windows-1252 characters a Windows tool would show for them."""
    return data.decode("cp1252", errors="ignore") if False else "".join(
        _CP1252_TABLE[byte] for byte in data
    )


_CP1252_TABLE = [
    bytes([byte]).decode("cp1252", errors="strict") if byte not in (0x81, 0x8D, 0x8F, 0x90, 0x9D) else chr(byte)
    for byte in range(256)
]
