"""Plain text: one document per file, in whichever encoding reads as Vietnamese."""

from __future__ import annotations

from transforms.ingest.decoding import decode
from transforms.ingest.documents import Batch, document
from transforms.ingest.readers.base import InputFile, Reader
from transforms.settings import IngestLimits


class TextReader(Reader):
    name = "txt"
    suffixes = (".txt", ".text")

    def read(self, file: InputFile, batch: Batch, limits: IngestLimits) -> None:
        data = file.read_capped(limits.max_document_bytes, "document")
        batch.documents.append(document(decode(data), file.source, self.name))
