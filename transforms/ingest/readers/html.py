"""HTML pages: the main article text as trafilatura extracts it, one document per page."""

from __future__ import annotations

import logging

import trafilatura

from transforms.ingest.decoding import choose, decode_markup, readings_of_str, without_controls
from transforms.ingest.documents import Batch, document, optional_str
from transforms.ingest.landing import Rejected
from transforms.ingest.readers.base import InputFile, Reader
from transforms.settings import IngestLimits

# trafilatura logs what it could not extract ("discarding data: None", lxml errors) to the root
# logger, which would print on a run's terminal; ingest reports the same as a quarantine reason.
logging.getLogger("trafilatura").setLevel(logging.CRITICAL)


class HtmlReader(Reader):
    name = "html"
    suffixes = (".html", ".htm")

    def read(self, file: InputFile, batch: Batch, limits: IngestLimits) -> None:
        data = file.read_capped(limits.max_page_bytes, "HTML page")
        if not data.strip():  # trafilatura would log an lxml error for it
            raise Rejected("empty", "The file is empty or only whitespace.")
        html, encoding = decode_markup(data)
        extracted = trafilatura.bare_extraction(
            without_controls(html), include_comments=False, with_metadata=True, include_tables=True
        )
        if extracted is None or not (extracted.text or "").strip():
            raise Rejected("no-article", "The HTML page has no main article text that could be extracted.")
        reading = choose(readings_of_str(extracted.text, encoding))
        batch.documents.append(document(
            reading,
            file.source,
            self.name,
            url=optional_str(extracted.url),
            title_hint=optional_str(extracted.title),
            published_hint=optional_str(extracted.date),
        ))
