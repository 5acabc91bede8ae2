"""Reading: every discovered path into `documents` records or quarantine rows (see docs/datasets.md).

Each path goes to the reader its name calls for (transforms/ingest/readers/), after
transforms/ingest/landing.py has decided that it may be opened. One bad file never stops the
batch, and every path ends as documents or quarantine rows with a one-line, printable reason.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path

from transforms.ingest.documents import UNEXPECTED, Batch
from transforms.ingest.landing import Rejected, checked_file, os_reason
from transforms.ingest.readers import InputFile, reader_for
from transforms.settings import IngestLimits


def read_documents(paths: Iterable[str], limits: IngestLimits = IngestLimits()) -> tuple[list[dict], list[dict]]:
    """Read every path into `documents`; whatever cannot be read goes to `quarantine`.

    Each path ends as documents or quarantine rows: a file that yields neither (an empty
    Parquet file, JSON Lines of blank lines) is quarantined as empty.
    """
    batch = Batch()
    for path in paths:
        before = batch.size
        try:
            _read_path(Path(path), batch, limits)
        except Rejected as rejected:
            batch.reject(path, rejected.reason, rejected.detail)
        except OSError as error:
            batch.reject(path, "unreadable", f"The file could not be read: {os_reason(error)}.")
        except Exception:  # noqa: BLE001 — one broken file must not stop the batch
            batch.reject(path, "unreadable", UNEXPECTED)
        if batch.size == before:
            batch.reject(path, "empty", "The file holds no records.")
    return batch.documents, batch.quarantine


def _read_path(path: Path, batch: Batch, limits: IngestLimits) -> None:
    reader, compressed = reader_for(path)  # by the name as found: a link's name decides, not its target's
    reader.read(InputFile(checked_file(path), str(path), compressed), batch, limits)


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
