"""Markdown (toy): one document per file, its text decoded as plain text is."""

from __future__ import annotations

from transforms.ingest.decoding import decode
from transforms.ingest.documents import Batch, document
from transforms.ingest.readers.base import InputFile, Reader
from transforms.settings import IngestLimits


class MarkdownReader(Reader):
    name = "md"
    suffixes = (".md", ".markdown")

    def read(self, file: InputFile, batch: Batch, limits: IngestLimits) -> None:
        batch.documents.append(document(decode(file.read_capped(limits.max_document_bytes, "document")), file.source, self.name))
