"""Ingest: turn input files into `documents` records (see docs/datasets.md).

Vietnamese news reaches the pipeline in many byte forms; transforms/decoding.py finds which
one a file uses. A file that no reading makes confidently Vietnamese is quarantined with the
evidence, never passed on as garbage, and one bad file never stops the batch.

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
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

import pyarrow as pa
import pyarrow.parquet as pq
import trafilatura

from transforms.decoding import Reading, choose, decode, decode_markup, readings_of_str, without_controls
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
_RECORD_PUBLISHED_KEYS = ("published", "published_date", "date")
_LOOKALIKE_D = frozenset("\u00d0\u00f0\u0189")

# Controls left in the chosen reading: C1 controls are dropped only there, because in the
# candidate readings they are the evidence of a wrong decoding. Bidi overrides and embeddings
# can make a line display in another order than it reads, so they never reach the body.
_C1_CONTROLS = re.compile("[\x80-\x9f]")
_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
_UNSAFE_IN_FIELDS = re.compile(f"{_C1_CONTROLS.pattern}|{_BIDI_CONTROLS.pattern}")
_SURROGATE = re.compile("[\ud800-\udfff]")
_SKIP_CHUNK = 1 << 20
_UNEXPECTED = "Reading stopped on an unexpected error (please report this input); nothing of it was loaded."


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
        batch.documents.append(_document(decode(data), source, "txt"))


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
        raise Rejected(
            "undecodable", f"The line is not UTF-8 (byte {error.start + 1} is invalid): JSON Lines must be UTF-8."
        ) from error
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
        raise Rejected(
            "unreadable", "Not a readable Parquet file: its footer is missing or damaged (truncated, or not Parquet)."
        ) from error
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
            raise Rejected(
                "bad-record",
                f"The record's {json.dumps(key)[:80]} holds a lone UTF-16 surrogate escape such as \\ud800, "
                "which is not a character.",
            )
    if len(text) > limits.max_document_bytes or len(text.encode("utf-8")) > limits.max_document_bytes:
        raise Rejected("too-large", f"{too_large('text', limits.max_document_bytes)}.")
    published = next((record[key] for key in _RECORD_PUBLISHED_KEYS if record.get(key)), None)
    return _document(
        choose(readings_of_str(text, "utf-8")),
        source_path,
        fmt,
        url=_optional_str(record.get("url")),
        title_hint=_optional_str(record.get("title")),
        published_hint=_optional_str(published),
    )


def _html_document(source: str, data: bytes) -> dict:
    if not data.strip():  # trafilatura would log an lxml error for it
        raise Rejected("empty", "The file is empty or only whitespace.")
    html, encoding = decode_markup(data)
    extracted = trafilatura.bare_extraction(
        without_controls(html), include_comments=False, with_metadata=True, include_tables=True
    )
    if extracted is None or not (extracted.text or "").strip():
        raise Rejected("no-article", "The HTML page has no main article text that could be extracted.")
    reading = choose(readings_of_str(extracted.text, encoding))
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
    text = _UNSAFE_IN_FIELDS.sub("", without_controls(str(value))).strip()
    return text or None


def _document(
    reading: Reading,
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


def _repaired(reading: Reading) -> tuple[str, list[str]]:
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
