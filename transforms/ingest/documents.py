"""What every reader makes: a `documents` record from one chosen reading, or a quarantine row.

The repairs and field rules here hold in every format alike, which is why readers share them
rather than keep their own: line endings unified, stray C1 controls and bidi overrides dropped,
look-alike and invisible characters fixed (each fix recorded in ``repairs``), and a record's
fields (url, title, date) made safe to print.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field

from transforms.ingest.decoding import Reading, choose, readings_of_str, without_controls
from transforms.ingest.landing import Rejected, printable, too_large
from transforms.settings import IngestLimits
from transforms.text import repair_characters

STAGE = "ingest"
RECORD_PUBLISHED_KEYS = ("published", "published_date", "date")
UNEXPECTED = "Reading stopped on an unexpected error (please report this input); nothing of it was loaded."
_LOOKALIKE_D = frozenset("\u00d0\u00f0\u0189")

# Controls left in the chosen reading: C1 controls are dropped only there, because in the
# candidate readings they are the evidence of a wrong decoding. Bidi overrides and embeddings
# can make a line display in another order than it reads, so they never reach the body.
_C1_CONTROLS = re.compile("[\x80-\x9f]")
_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
_UNSAFE_IN_FIELDS = re.compile(f"{_C1_CONTROLS.pattern}|{_BIDI_CONTROLS.pattern}")
_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass
class Batch:
    """The documents and quarantine rows read so far; a reader appends to both."""

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


def record_document(record: dict, source_path: str, fmt: str, limits: IngestLimits) -> dict:
    """A document from one record of a record format (a JSON Lines line, a Parquet row)."""
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
    published = next((record[key] for key in RECORD_PUBLISHED_KEYS if record.get(key)), None)
    return document(
        choose(readings_of_str(text, "utf-8")),
        source_path,
        fmt,
        url=optional_str(record.get("url")),
        title_hint=optional_str(record.get("title")),
        published_hint=optional_str(published),
    )


def optional_str(value: object) -> str | None:
    if value is None:
        return None
    text = _UNSAFE_IN_FIELDS.sub("", without_controls(str(value))).strip()
    return text or None


def document(
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
