"""Ingest: turn input files into `documents` records (see docs/datasets.md).

Vietnamese news reaches the pipeline in many byte forms: UTF-8 with or without BOM, UTF-16,
Windows-1258 (tone marks as combining characters), the legacy TCVN3/ABC and VNI font encodings,
and UTF-8 that a tool decoded as Windows-1252 or Latin-1 and saved again (mojibake). Nothing in
the bytes says which one a file uses, so every plausible reading is tried and scored by how much of
it reads as Vietnamese syllables. A file that no reading makes confidently Vietnamese is
quarantined with the evidence, never passed on as garbage, and one bad file never stops the batch.

Ingest is strict, bounded and total. Every path ends as documents or quarantine rows with a
one-line, printable reason (transforms/landing.py decides which paths may be opened and reads
them within the IngestLimits); in JSON Lines and Parquet every record does, so a bad record
costs only itself. One rule for control characters holds in every format: terminal escape
sequences and C0 controls other than tab and line ends are stripped (recorded as the
``control-characters`` repair) unless they are more than 1% of the input, which makes it binary
(``not-text``); bidi overrides and embeddings are stripped from text and fields alike.
"""

from __future__ import annotations

import codecs
import hashlib
import json
import logging
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import BinaryIO

import ftfy
import pyarrow as pa
import pyarrow.parquet as pq
import trafilatura
from ftfy.badness import is_bad
from viparse.normalize.encodings import get_charmap
from viparse.normalize.tables import convert

from transforms.landing import (  # noqa: F401 — discover is part of ingest's interface
    Rejected,
    checked_file,
    discover,
    gzip_errors_rejected,
    opened,
    os_reason,
    printable,
    read_capped,
    too_large,
)
from transforms.settings import IngestLimits
from transforms.text import repair_characters

STAGE = "ingest"
# trafilatura logs what it could not extract ("discarding data: None", lxml errors) to the root
# logger, which would print on a run's terminal; ingest reports the same as a quarantine reason.
logging.getLogger("trafilatura").setLevel(logging.CRITICAL)

_FORMAT_BY_SUFFIX = {
    ".txt": "txt",
    ".text": "txt",
    ".html": "html",
    ".htm": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".parquet": "parquet",
}
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
_RECORD_PUBLISHED_KEYS = ("published", "published_date", "date")

# Control, replacement and private-use characters never occur in real article text; in a
# candidate reading they are the fingerprint of a wrong decoding.
_BAD_CHARS = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufffd\ue000-\uf8ff]")
_LOOKALIKE_D = frozenset("\u00d0\u00f0\u0189")

# Controls in text (see _refuse_binary): terminal escape sequences go whole, so no "[31m" is
# left behind; C1 controls are only dropped from the chosen reading, because in the candidate
# readings they are the evidence of a wrong decoding. Bidi overrides and embeddings can make
# a line display in another order than it reads, so they never reach the body.
_ANSI_SEQUENCE = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[@-Z\\-_])")
_C0_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f]")
_C0_CONTROL_BYTES = re.compile(b"[\x00-\x08\x0e-\x1f\x7f]")
_C1_CONTROLS = re.compile("[\x80-\x9f]")
_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
_UNSAFE_IN_FIELDS = re.compile(f"{_C1_CONTROLS.pattern}|{_BIDI_CONTROLS.pattern}")
_SURROGATE = re.compile("[\ud800-\udfff]")
_MAX_CONTROL_SHARE = 0.01
_SKIP_CHUNK = 1 << 20
_UNEXPECTED = "Reading stopped on an unexpected error (please report this input); nothing of it was loaded."

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
class _Reading:
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


@dataclass
class _Batch:
    documents: list[dict] = field(default_factory=list)
    quarantine: list[dict] = field(default_factory=list)

    def reject(self, source_path: str, reason: str, detail: str) -> None:
        self.quarantine.append(
            {
                "doc_id": None,
                "source_path": printable(source_path),
                "sha256": None,
                "stage": STAGE,
                "reason": reason,
                "detail": printable(detail),
            }
        )

    @property
    def size(self) -> int:
        return len(self.documents) + len(self.quarantine)


# --- reading ---------------------------------------------------------------------------------


def read_documents(paths: Iterable[str], limits: IngestLimits = IngestLimits()) -> tuple[list[dict], list[dict]]:
    """Read every path into `documents`; whatever cannot be read goes to `quarantine`.

    Each path ends as documents or quarantine rows: a file that yields neither (an empty
    Parquet file, JSON Lines of blank lines) is quarantined as empty.
    """
    batch = _Batch()
    for path in paths:
        before = batch.size
        try:
            _read_path(Path(path), batch, limits)
        except Rejected as rejected:
            batch.reject(path, rejected.reason, rejected.detail)
        except OSError as error:
            batch.reject(path, "unreadable", f"The file could not be read: {os_reason(error)}.")
        except Exception:  # noqa: BLE001 — one broken file must not stop the batch
            batch.reject(path, "unreadable", _UNEXPECTED)
        if batch.size == before:
            batch.reject(path, "empty", "The file holds no records.")
    return batch.documents, batch.quarantine


def make_ids_unique(documents: list[dict], seen: set[str]) -> list[dict]:
    """The documents with doc_ids not in ``seen``, which is updated with them.

    The same text read from two files is two input documents with one sha256. The first keeps
    the id derived from the content; a later one gets an id derived from content and path, so
    dedup still finds it an exact copy (same sha256, same body) while each stays addressable.
    """
    unique = []
    for document in documents:
        doc_id, attempt = document["doc_id"], 0
        while doc_id in seen:
            attempt += 1
            salt = f"{document['sha256']}\0{document['source_path']}\0{attempt}"
            doc_id = hashlib.sha256(salt.encode("utf-8")).hexdigest()[:16]
        seen.add(doc_id)
        unique.append({**document, "doc_id": doc_id})
    return unique


def _format_of(path: Path) -> tuple[str, bool]:
    """(format, gzip-compressed); unknown extensions are sniffed as plain text."""
    suffixes = [suffix.lower() for suffix in path.suffixes]
    compressed = bool(suffixes) and suffixes[-1] == ".gz"
    if compressed:
        suffixes = suffixes[:-1]
    return _FORMAT_BY_SUFFIX.get(suffixes[-1] if suffixes else "", "txt"), compressed


def _read_path(path: Path, batch: _Batch, limits: IngestLimits) -> None:
    source, (fmt, compressed) = str(path), _format_of(path)
    path = checked_file(path)
    if fmt == "parquet":
        _read_parquet(path, source, compressed, batch, limits)
    elif fmt == "jsonl":
        _read_jsonl(path, source, compressed, batch, limits)
    elif fmt == "html":
        batch.documents.append(_html_document(source, read_capped(path, compressed, limits.max_page_bytes, "HTML page")))
    else:
        data = read_capped(path, compressed, limits.max_document_bytes, "document")
        batch.documents.append(_document(_decode(data), source, "txt"))


def _read_jsonl(path: Path, source: str, compressed: bool, batch: _Batch, limits: IngestLimits) -> None:
    """One document or quarantine row per non-blank line; a damaged or oversized file keeps the
    records before the damage and is quarantined from there on."""
    line_cap = 4 * limits.max_document_bytes  # JSON's \uXXXX escapes: 6 bytes for 2–3 of UTF-8
    number = 0
    try:
        with opened(path, compressed) as stream, gzip_errors_rejected():
            for number, line in _numbered_lines(stream, line_cap, limits.max_file_bytes):
                if line is None or line.strip():
                    _read_record_line(line, f"{source}#{number}", batch, limits, line_cap)
    except Rejected as rejected:
        rest = f" Lines after line {number} were not read." if number else ""
        raise Rejected(rejected.reason, rejected.detail + rest) from rejected


def _numbered_lines(stream: BinaryIO, line_cap: int, file_cap: int) -> Iterator[tuple[int, bytes | None]]:
    """(line number, bytes) per line, None for a line over ``line_cap`` (skipped unread).

    Lines end at LF, CRLF or a lone CR: JSON escapes every control character inside strings,
    so a raw CR can only be a line end (old Mac files). A UTF-8 BOM on the first line is dropped.
    """
    number, total = 0, 0
    while line := stream.readline(line_cap + 1):
        total += len(line)
        too_long = len(line) > line_cap
        while too_long and not line.endswith(b"\n") and total <= file_cap:
            line = stream.readline(_SKIP_CHUNK)
            total += len(line)
            if not line:
                break
        if total > file_cap:
            raise Rejected("too-large", f"{too_large('file', file_cap)} (decompressed).")
        if too_long:
            number += 1
            yield number, None
            continue
        if number == 0 and line.startswith(codecs.BOM_UTF8):
            line = line[len(codecs.BOM_UTF8):]
        for piece in line.rstrip(b"\n").removesuffix(b"\r").split(b"\r"):
            number += 1
            yield number, piece


def _read_record_line(line: bytes | None, record_path: str, batch: _Batch, limits: IngestLimits, line_cap: int) -> None:
    try:
        if line is None:
            raise Rejected("too-large", f"{too_large('line', line_cap)} for one record.")
        batch.documents.append(_record_document(_parsed_record(line), record_path, "jsonl", limits))
    except Rejected as rejected:
        batch.reject(record_path, rejected.reason, rejected.detail)
    except Exception:  # noqa: BLE001 — one bad record must not cost the lines after it
        batch.reject(record_path, "bad-record", _UNEXPECTED)


def _parsed_record(line: bytes) -> dict:
    try:
        content = line.decode("utf-8")
    except UnicodeDecodeError as error:
        raise Rejected("undecodable", f"The line is not UTF-8 (byte {error.start + 1} is invalid): JSON Lines must be UTF-8.") from error
    try:
        record = json.loads(content, object_pairs_hook=_object_without_repeated_keys)
    except json.JSONDecodeError as error:
        raise Rejected("bad-record", f"The line is not valid JSON: {error.msg} (column {error.colno}).") from error
    except RecursionError as error:
        raise Rejected("bad-record", "The line nests arrays or objects too deeply to be a record.") from error
    except ValueError as error:  # an integer of more digits than Python converts
        raise Rejected("bad-record", "The line holds a number too long to read.") from error
    if not isinstance(record, dict):
        raise Rejected("bad-record", "The line is valid JSON but not an object.")
    return record


def _object_without_repeated_keys(pairs: list[tuple[str, object]]) -> dict:
    """A JSON object, refused when a key repeats: which value was meant is a guess."""
    record = dict(pairs)
    if len(record) < len(pairs):
        repeated = next(key for index, (key, _) in enumerate(pairs) if key in dict(pairs[:index]))
        raise Rejected("bad-record", f"The record has the key {json.dumps(repeated)[:80]} more than once.")
    return record


def _read_parquet(path: Path, source: str, compressed: bool, batch: _Batch, limits: IngestLimits) -> None:
    parquet = _parquet_file(path, compressed, limits)
    schema = parquet.schema_arrow
    if "text" not in schema.names:
        raise Rejected("bad-record", f"The Parquet file has no 'text' column (columns: {', '.join(schema.names)[:300]}).")
    if not pa.types.is_string(schema.field("text").type) and not pa.types.is_large_string(schema.field("text").type):
        raise Rejected("bad-record", f"The Parquet 'text' column holds {schema.field('text').type}, not strings.")
    wanted = [name for name in ("text", "url", "title", *_RECORD_PUBLISHED_KEYS) if name in schema.names]
    batches, row = parquet.iter_batches(columns=wanted, batch_size=256), 0
    while True:
        try:
            record_batch = next(batches, None)
        except Exception as error:  # noqa: BLE001 — pyarrow raises several unrelated types
            raise Rejected("unreadable", f"The Parquet data is damaged at row {row}: rows from {row} on were not read.") from error
        if record_batch is None:
            return
        for record in record_batch.to_pylist():
            record_path = f"{source}#{row}"
            try:
                batch.documents.append(_record_document(record, record_path, "parquet", limits))
            except Rejected as rejected:
                batch.reject(record_path, rejected.reason, rejected.detail)
            row += 1


def _parquet_file(path: Path, compressed: bool, limits: IngestLimits) -> pq.ParquetFile:
    """The Parquet file, refused when damaged or when its data would inflate past the file limit."""
    source = pa.BufferReader(read_capped(path, True, limits.max_file_bytes, "Parquet file")) if compressed else path
    try:
        parquet = pq.ParquetFile(source)
    except Exception as error:  # noqa: BLE001 — pyarrow raises several unrelated types
        raise Rejected("unreadable", "Not a readable Parquet file: its footer is missing or damaged (truncated, or not Parquet).") from error
    metadata = parquet.metadata
    inflated = sum(metadata.row_group(group).total_byte_size for group in range(metadata.num_row_groups))
    if inflated > limits.max_file_bytes:
        raise Rejected("too-large", f"{too_large('Parquet data', limits.max_file_bytes)} once decompressed.")
    return parquet


def _record_document(record: dict, source_path: str, fmt: str, limits: IngestLimits) -> dict:
    text = record.get("text")
    if not isinstance(text, str):
        raise Rejected("bad-record", "The record has no string 'text' field.")
    for key, value in record.items():
        if isinstance(value, str) and _SURROGATE.search(value):
            raise Rejected("bad-record", f"The record's {json.dumps(key)[:80]} holds a lone UTF-16 surrogate escape such as \\ud800, which is not a character.")
    if len(text) > limits.max_document_bytes or len(text.encode("utf-8")) > limits.max_document_bytes:
        raise Rejected("too-large", f"{too_large('text', limits.max_document_bytes)}.")
    published = next((record[key] for key in _RECORD_PUBLISHED_KEYS if record.get(key)), None)
    return _document(
        _choose(_readings_of_str(text, "utf-8")),
        source_path,
        fmt,
        url=_optional_str(record.get("url")),
        title_hint=_optional_str(record.get("title")),
        published_hint=_optional_str(published),
    )


def _html_document(source: str, data: bytes) -> dict:
    if not data.strip():  # trafilatura would log an lxml error for it
        raise Rejected("empty", "The file is empty or only whitespace.")
    html, encoding = _decode_markup(data)
    extracted = trafilatura.bare_extraction(
        _without_controls(html), include_comments=False, with_metadata=True, include_tables=True
    )
    if extracted is None or not (extracted.text or "").strip():
        raise Rejected("no-article", "The HTML page has no main article text that could be extracted.")
    reading = _choose(_readings_of_str(extracted.text, encoding))
    return _document(
        reading,
        source,
        "html",
        url=_optional_str(extracted.url),
        title_hint=_optional_str(extracted.title),
        published_hint=_optional_str(extracted.date),
    )


def _optional_str(value: object) -> str | None:
    if value is None:
        return None
    text = _UNSAFE_IN_FIELDS.sub("", _without_controls(str(value))).strip()
    return text or None


def _document(
    reading: _Reading,
    source_path: str,
    fmt: str,
    *,
    url: str | None = None,
    title_hint: str | None = None,
    published_hint: str | None = None,
) -> dict:
    text, repairs = _repaired(reading)
    if not text.strip():
        raise Rejected("empty", "The text is empty or only whitespace.")
    sha256 = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return {
        "doc_id": sha256[:16],
        "sha256": sha256,
        "source_path": printable(source_path),
        "format": fmt,
        "encoding": reading.encoding,
        "repairs": list(repairs),
        "text": text,
        "url": url,
        "title_hint": title_hint,
        "published_hint": published_hint,
    }


def _repaired(reading: _Reading) -> tuple[str, list[str]]:
    """Line endings unified, stray C1 controls and bidi overrides dropped and look-alike/invisible
    characters fixed, each fix recorded."""
    repairs = list(reading.repairs)
    text = reading.text
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        repairs.append("line-endings")
    if _C1_CONTROLS.search(text):
        text = _C1_CONTROLS.sub("", text)
        repairs.append("control-characters")
    if _BIDI_CONTROLS.search(text):
        text = _BIDI_CONTROLS.sub("", text)
        repairs.append("bidi-controls")
    repaired = repair_characters(text)
    if repaired != text:
        replaced = set(text) - set(repaired)
        if replaced & _LOOKALIKE_D:
            repairs.append("lookalike-d")
        if replaced - _LOOKALIKE_D:
            repairs.append("invisible-or-odd-spaces")
    return repaired, repairs


def _without_controls(text: str) -> str:
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


# --- decoding --------------------------------------------------------------------------------


def _decode(data: bytes) -> _Reading:
    return _choose(_readings_of_bytes(data))


def _choose(readings: Sequence[_Reading]) -> _Reading:
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
            f"still has {best.bad_char_share:.1%} control or replacement characters.",
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


def _readings_of_bytes(data: bytes) -> list[_Reading]:
    if not data.strip():
        raise Rejected("empty", "The file is empty or only whitespace.")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _readings_of_str(_strict(data, codec), codec)
    utf16 = _bomless_utf16_codec(data)
    if utf16:
        return _readings_of_str(_strict(data, utf16), "utf-16")
    for signature, kind in _BINARY_SIGNATURES.items():
        if data.startswith(signature):
            raise Rejected("not-text", f"The file is {kind}, not text.")
    _refuse_binary(data)
    try:
        return _readings_of_str(data.decode("utf-8"), "utf-8")
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


def _single_byte_readings(data: bytes) -> list[_Reading]:
    """Readings of bytes that are not UTF-8: damaged UTF-8, Windows-1258, TCVN3 or VNI.

    C0 controls are the same bytes in all of them, so they are stripped alike from each."""
    repairs = ("control-characters",) if _C0_CONTROL_BYTES.search(data) else ()
    readings = [_scored(_without_controls(data.decode("utf-8", errors="replace")), "utf-8", ("invalid-bytes", *repairs))]
    try:
        readings.append(_scored(_without_controls(data.decode("cp1258")), "cp1258", repairs))
    except UnicodeDecodeError:
        pass  # bytes undefined in Windows-1258: not that encoding
    surface = _without_controls(codecs.charmap_decode(data, "strict", _WINDOWS_SURFACE)[0])
    readings.extend(_legacy_readings(surface, None, repairs))
    return readings


def _readings_of_str(text: str, encoding: str) -> list[_Reading]:
    """As is; if that is not confidently Vietnamese, also mojibake-repaired and legacy-converted."""
    _refuse_binary(text)
    stripped = _without_controls(text)
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


def _legacy_readings(surface: str, encoding: str | None, repairs: tuple[str, ...] = ()) -> list[_Reading]:
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


def _scored(text: str, encoding: str, repairs: tuple[str, ...] = ()) -> _Reading:
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
        repairs += ("nfc",)
    words = _WORD.findall(text)
    accented = [word for word in words if not word.isascii()]
    valid = sum(1 for word in accented if _is_vietnamese_syllable(word))
    return _Reading(
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


def _decode_markup(data: bytes) -> tuple[str, str]:
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

