"""The reader registry: one reader per input format, found by the file name's ending.

A new format is one module here (a subclass of readers.base.Reader) plus one line in READERS.
A file whose ending no reader claims is read as plain text.
"""

from __future__ import annotations

from pathlib import Path

from transforms.ingest.readers.base import InputFile, Reader
from transforms.ingest.readers.html import HtmlReader
from transforms.ingest.readers.jsonl import JsonLinesReader
from transforms.ingest.readers.parquet import ParquetReader
from transforms.ingest.readers.txt import TextReader

_PLAIN_TEXT = TextReader()
READERS: tuple[Reader, ...] = (
    _PLAIN_TEXT,
    HtmlReader(),
    JsonLinesReader(),
    ParquetReader(),
)
_BY_SUFFIX = {suffix: reader for reader in READERS for suffix in reader.suffixes}


def reader_for(path: Path) -> tuple[Reader, bool]:
    """(the reader of the file at ``path``, by its name; whether it is gzip-compressed)."""
    suffixes = [suffix.lower() for suffix in path.suffixes]
    compressed = bool(suffixes) and suffixes[-1] == ".gz"
    if compressed:
        suffixes = suffixes[:-1]
    return _BY_SUFFIX.get(suffixes[-1] if suffixes else "", _PLAIN_TEXT), compressed


__all__ = ["READERS", "InputFile", "Reader", "reader_for"]
