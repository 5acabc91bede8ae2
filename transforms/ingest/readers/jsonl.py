"""JSON Lines: one document or quarantine row per non-blank line, so a bad record costs only itself."""

from __future__ import annotations

import codecs
import json
from collections.abc import Iterator
from typing import BinaryIO

from transforms.ingest.documents import UNEXPECTED, Batch, record_document
from transforms.ingest.landing import Rejected, gzip_errors_rejected, opened, too_large
from transforms.ingest.readers.base import InputFile, Reader
from transforms.settings import IngestLimits

_SKIP_CHUNK = 1 << 20


class JsonLinesReader(Reader):
    """A damaged or oversized file keeps the records before the damage and is quarantined from
    there on."""

    name = "jsonl"
    suffixes = (".jsonl", ".ndjson")

    def read(self, file: InputFile, batch: Batch, limits: IngestLimits) -> None:
        line_cap = 4 * limits.max_document_bytes  # JSON's \uXXXX escapes: 6 bytes for 2–3 of UTF-8
        number = 0
        try:
            with opened(file.path, file.compressed) as stream, gzip_errors_rejected():
                for number, line in _numbered_lines(stream, line_cap, limits.max_file_bytes):
                    if line is None or line.strip():
                        _read_record_line(line, f"{file.source}#{number}", batch, limits, line_cap)
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


def _read_record_line(line: bytes | None, record_path: str, batch: Batch, limits: IngestLimits, line_cap: int) -> None:
    try:
        if line is None:
            raise Rejected("too-large", f"{too_large('line', line_cap)} for one record.")
        batch.documents.append(record_document(_parsed_record(line), record_path, JsonLinesReader.name, limits))
    except Rejected as rejected:
        batch.reject(record_path, rejected.reason, rejected.detail)
    except Exception:  # noqa: BLE001 — one bad record must not cost the lines after it
        batch.reject(record_path, "bad-record", UNEXPECTED)


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
