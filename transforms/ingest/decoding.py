"""Decoding: which reading of the bytes is the text, judged by how Vietnamese it reads.

Vietnamese news reaches the pipeline in many byte forms: UTF-8 with or without BOM, UTF-16,
Windows-1258 (tone marks as combining characters), the legacy TCVN3/ABC and VNI font encodings,
and UTF-8 that a tool decoded as Windows-1252 or Latin-1 and saved again (mojibake). Nothing in
the bytes says which one a file uses, so every plausible reading is tried and scored by how much of
it reads as Vietnamese syllables. Text that no reading makes confidently Vietnamese is Rejected
with the evidence (ingest quarantines it), never passed on as garbage.

Control characters follow one rule whatever the format: terminal escape sequences and C0
controls other than tab and line ends are stripped from every reading alike (they are the same
bytes in every encoding, so they say nothing about which one is right), unless they are more
than 1% of the input, which is then binary data, not text.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import ftfy
from ftfy.badness import is_bad
from viparse.normalize.encodings import get_charmap
from viparse.normalize.tables import convert

from transforms.ingest.landing import Rejected

_BINARY_SIGNATURES = {
    b"\x89PNG\r\n\x1a\n": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a ZIP archive (or DOCX/XLSX)",
    b"\xd0\xcf\x11\xe0": "a legacy Office document",
    b"\x1f\x8b": "gzip data without a .gz name",
    b"PAR1": "a Parquet file without a .parquet name",
    b"\x7fELF": "an executable",
}
_BOMS = (  # longest first: the UTF-32 LE BOM starts with the UTF-16 LE one
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
_HTML_CHARSET = re.compile(rb"""<meta[^>]{0,200}charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.I)

# Control, replacement and private-use characters never occur in real article text; in a
# candidate reading they are the fingerprint of a wrong decoding.
_BAD_CHARS = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufffd\ue000-\uf8ff]")

# Terminal escape sequences go whole, so that no "[31m" is left behind.
_ANSI_SEQUENCE = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[@-Z\\-_])")
_C0_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f]")
_C0_CONTROL_BYTES = re.compile(b"[\x00-\x08\x0e-\x1f\x7f]")
_MAX_CONTROL_SHARE = 0.01

# A Vietnamese word is one syllable: onset + vowel nucleus + final consonant, and at most one
# tone mark. Wrong readings of legacy or mojibake bytes produce letters outside that alphabet
# (µ, Æ, ø) or impossible vowel clusters, so the share of accented words that are valid
# syllables separates the right reading (≈ 1.0) from the wrong ones (well under 0.8).
_TONE_MARKS = re.compile("[\u0300\u0301\u0303\u0309\u0323]")
_ONSETS = "ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|b|c|d|đ|g|h|k|l|m|n|p|r|s|t|v|x"
_NUCLEI = "|".join(
    "iêu yêu oai oay oao oeo uây uôi ươi ươu uya uyê uyu ai ao au ay âu ây eo êu ia iê iu oa "
    "oă oe oi ôi ơi oo ua uâ uê ui uô uơ uy ưa ưi ươ ưu yê a ă â e ê i o ô ơ u ư y".split()
)
_CODAS = "ch|ng|nh|c|m|n|p|t"
_SYLLABLE = re.compile(rf"(?:{_ONSETS})?(?:{_NUCLEI})(?:{_CODAS})?")
_WORD = re.compile(r"[^\W\d_]+")

_MIN_VALID_SHARE = 0.85
_MIN_DIACRITIC_SHARE = 0.08  # real Vietnamese prose: 0.5–0.7 of words carry a diacritic
_MAX_BAD_CHAR_SHARE = 0.001

# TCVN3 has no code points for upper-case toned letters: "TRẦN BÌNH" arrives as "TRầN BìNH" and
# a sentence-initial "Ủy" as "ủy". Restoring case where it is certain keeps bylines and
# headlines recognisable downstream.
# Legacy font bytes as a Windows tool shows them (the form viparse's tables are keyed on); the
# five bytes Windows-1252 leaves undefined stay C1 controls so they count against a reading.
_WINDOWS_SURFACE = "".join(
    chr(byte) if byte in (0x81, 0x8D, 0x8F, 0x90, 0x9D) else bytes([byte]).decode("cp1252")
    for byte in range(256)
)
# viparse leaves ẳ/Ẳ out of its VNI table for want of corpus evidence; VNI-Windows writes them
# with the same hook-above modifier (ú) its ắ/ằ/ẵ/ặ row implies, and "khẳng định" is too
# common in news to lose.
_VNI_TABLE_GAPS = (("aú", "ẳ"), ("AÚ", "Ẳ"))
_SENTENCE_INITIAL_LOWER = re.compile(r"(\A\s*|[.!?…]\s+|\n\s*\n\s*)([^\W\d_a-z])")


@dataclass(frozen=True)
class Reading:
    """One candidate decoding of the input, with the evidence that it is the right one."""

    text: str
    encoding: str
    repairs: tuple[str, ...]
    valid_share: float
    diacritic_share: float
    bad_char_share: float

    @property
    def clean(self) -> bool:
        return self.bad_char_share <= _MAX_BAD_CHAR_SHARE

    @property
    def confident(self) -> bool:
        return (
            self.clean
            and self.valid_share >= _MIN_VALID_SHARE
            and self.diacritic_share >= _MIN_DIACRITIC_SHARE
        )


def without_controls(text: str) -> str:
    """Text without terminal escape sequences and C0 controls other than tab and line ends
    (form feed and vertical tab are kept: repair_characters turns them into spaces)."""
    return _C0_CONTROLS.sub("", _ANSI_SEQUENCE.sub("", text))


def _refuse_binary(data: bytes | str) -> None:
    """The one rule for control characters, in every format: a few are stripped (a stray NUL or
    colour escape in otherwise good text), more than 1% mean the input is not text at all."""
    controls = len((_C0_CONTROL_BYTES if isinstance(data, bytes) else _C0_CONTROLS).findall(data))
    if controls > _MAX_CONTROL_SHARE * len(data):
        raise Rejected(
            "not-text",
            f"{controls / len(data):.1%} of it is control characters (NUL and the like): it is binary data, not text.",
        )


def decode(data: bytes) -> Reading:
    return choose(_readings_of_bytes(data))


def choose(readings: Sequence[Reading]) -> Reading:
    """The most Vietnamese reading, or Rejected with the evidence of why none is good enough."""
    best = max(readings, key=lambda r: (r.confident, r.clean, r.valid_share))  # ties: first wins
    if best.confident:
        return best
    if not best.text.strip():
        raise Rejected("empty", "The text is empty or only whitespace.")
    tried = ", ".join(dict.fromkeys(r.encoding + "".join(f"+{x}" for x in r.repairs) for r in readings))
    if not best.clean:
        raise Rejected(
            "undecodable",
            f"No encoding gives clean text (tried {tried}); the best reading, {best.encoding}, "
            f"still has {best.bad_char_share:.1%} replacement, private-use or C1 control characters.",
        )
    if best.diacritic_share < _MIN_DIACRITIC_SHARE:
        raise Rejected(
            "not-vietnamese",
            f"The text decodes as {best.encoding} but only {best.diacritic_share:.0%} of its words "
            f"carry Vietnamese diacritics (at least {_MIN_DIACRITIC_SHARE:.0%} expected).",
        )
    raise Rejected(
        "undecodable",
        f"No encoding reads as Vietnamese (tried {tried}); in the best reading, {best.encoding}, "
        f"only {best.valid_share:.0%} of accented words are Vietnamese syllables "
        f"(at least {_MIN_VALID_SHARE:.0%} expected).",
    )


def _readings_of_bytes(data: bytes) -> list[Reading]:
    if not data.strip():
        raise Rejected("empty", "The file is empty or only whitespace.")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return readings_of_str(_strict(data, codec), codec)
    utf16 = _bomless_utf16_codec(data)
    if utf16:
        return readings_of_str(_strict(data, utf16), "utf-16")
    for signature, kind in _BINARY_SIGNATURES.items():
        if data.startswith(signature):
            raise Rejected("not-text", f"The file is {kind}, not text.")
    _refuse_binary(data)
    try:
        return readings_of_str(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        return _single_byte_readings(data)


def _strict(data: bytes, codec: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as error:
        raise Rejected(
            "undecodable", f"The file starts like {codec} but byte {error.start} is invalid {codec}."
        ) from error


def _bomless_utf16_codec(data: bytes) -> str | None:
    """UTF-16 without BOM: Vietnamese text has a zero byte in most ASCII-range code units."""
    sample = data[:4096]
    if len(sample) < 8:
        return None
    even_zeros = sample[0::2].count(0) / (len(sample) / 2)
    odd_zeros = sample[1::2].count(0) / (len(sample) / 2)
    if odd_zeros > 0.3 and even_zeros < 0.05:
        return "utf-16-le"
    if even_zeros > 0.3 and odd_zeros < 0.05:
        return "utf-16-be"
    return None


def _single_byte_readings(data: bytes) -> list[Reading]:
    """Readings of bytes that are not UTF-8: damaged UTF-8, Windows-1258, TCVN3 or VNI.

    C0 controls are the same bytes in all of them, so they are stripped alike from each."""
    repairs = ("control-characters",) if _C0_CONTROL_BYTES.search(data) else ()
    readings = [_scored(without_controls(data.decode("utf-8", errors="replace")), "utf-8", ("invalid-bytes", *repairs))]
    try:
        readings.append(_scored(without_controls(data.decode("cp1258")), "cp1258", repairs))
    except UnicodeDecodeError:
        pass  # bytes undefined in Windows-1258: not that encoding
    surface = without_controls(codecs.charmap_decode(data, "strict", _WINDOWS_SURFACE)[0])
    readings.extend(_legacy_readings(surface, None, repairs))
    return readings


def readings_of_str(text: str, encoding: str) -> list[Reading]:
    """As is; if that is not confidently Vietnamese, also mojibake-repaired and legacy-converted."""
    _refuse_binary(text)
    stripped = without_controls(text)
    repairs = ("control-characters",) if stripped != text else ()
    text = stripped
    as_is = _scored(text, encoding, repairs)
    if as_is.confident:
        return [as_is]
    readings = [as_is]
    if is_bad(text):
        repaired = ftfy.fix_encoding(text)
        if repaired != text and not is_bad(repaired):  # residue: bytes were lost, not repairable
            readings.append(_scored(repaired, encoding, (*repairs, "mojibake")))
    readings.extend(_legacy_readings(text, encoding, repairs))
    return readings


def _legacy_readings(surface: str, encoding: str | None, repairs: tuple[str, ...] = ()) -> list[Reading]:
    """TCVN3 and VNI readings of text whose characters are legacy font code points.

    With ``encoding=None`` the bytes themselves were legacy, so the legacy name is the encoding;
    otherwise legacy text travelled inside Unicode (copied from a .VnTime document) and the
    conversion is recorded as a repair. viparse's table conversion is used rather than
    ``viparse.fix``, whose whitespace clean-up would make a re-encoded copy hash differently.
    """
    readings = []
    for legacy in ("tcvn3", "vni"):
        source = _fill_vni_gaps(surface) if legacy == "vni" else surface
        converted = convert(source, get_charmap(legacy))
        done = repairs + (() if encoding is None else (f"legacy-{legacy}",))
        if legacy == "tcvn3":
            restored = _restore_tcvn3_case(converted)
            done += ("tcvn3-case",) if restored != converted else ()
            converted = restored
        readings.append(_scored(converted, encoding or legacy, done))
    return readings


def _fill_vni_gaps(surface: str) -> str:
    for sequence, letter in _VNI_TABLE_GAPS:
        surface = surface.replace(sequence, letter)
    return surface


def _restore_tcvn3_case(text: str) -> str:
    text = _WORD.sub(_upper_if_capitalised_word, text)
    return _SENTENCE_INITIAL_LOWER.sub(lambda match: match.group(1) + match.group(2).upper(), text)


def _upper_if_capitalised_word(match: re.Match[str]) -> str:
    """'TRầN' → 'TRẦN': upper-case letters around lower-case ones only TCVN3 could not encode."""
    word = match.group(0)
    lower = [char for char in word if char.islower()]
    if lower and sum(char.isupper() for char in word) >= 2 and not any(c.isascii() for c in lower):
        return word.upper()
    return word


def _scored(text: str, encoding: str, repairs: tuple[str, ...] = ()) -> Reading:
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
        repairs += ("nfc",)
    words = _WORD.findall(text)
    accented = [word for word in words if not word.isascii()]
    valid = sum(1 for word in accented if _is_vietnamese_syllable(word))
    return Reading(
        text=text,
        encoding=encoding,
        repairs=repairs,
        valid_share=valid / len(accented) if accented else 0.0,
        diacritic_share=len(accented) / len(words) if words else 0.0,
        bad_char_share=len(_BAD_CHARS.findall(text)) / max(len(text), 1),
    )


@lru_cache(maxsize=1 << 16)
def _is_vietnamese_syllable(word: str) -> bool:
    decomposed = unicodedata.normalize("NFD", word.lower())
    if len(_TONE_MARKS.findall(decomposed)) > 1:
        return False
    toneless = unicodedata.normalize("NFC", _TONE_MARKS.sub("", decomposed))
    return _SYLLABLE.fullmatch(toneless) is not None


def _detected_charset(data: bytes) -> str | None:
    match = _HTML_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii").lower() if match else None


def decode_markup(data: bytes) -> tuple[str, str]:
    """HTML as (text, encoding): by its BOM, else as UTF-8 when the bytes are valid UTF-8, else
    in the declared charset when that decodes, else the best byte reading.

    The bytes outrank the <meta charset>: legacy Vietnamese bytes practically never form valid
    UTF-8, while pages re-saved as UTF-8 under a stale declaration are common. Whether the text
    is Vietnamese is judged later, on the extracted article, not on markup.
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _strict(data, codec), codec
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass  # not UTF-8: the declaration, or sniffing, decides
    charset = _detected_charset(data)
    if charset:
        try:
            return data.decode(charset), charset
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong declaration is common; fall back to sniffing
    best = max(_readings_of_bytes(data), key=lambda r: (r.clean, r.valid_share))
    return best.text, best.encoding
