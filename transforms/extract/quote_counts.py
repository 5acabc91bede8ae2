"""A toy extractor: how many quotations each article has (the registry's worked example)."""

from __future__ import annotations

import pyarrow as pa

from transforms.extract.declare import Column, Extractor, between, keys
from transforms.extract.references import quotes_in

EXTRACTOR = Extractor(
    "quote_counts",
    (Column("doc_id", pa.string(), nullable=False), Column("quotes", pa.int32(), nullable=False)),
    rows=lambda extraction: [{"doc_id": extraction["doc_id"], "quotes": extraction["quote_counts"]}],
    warehouse="distinct",
    compute=lambda article: len(quotes_in(article.body)),
    suites={"quote_counts": (*keys("doc_id"), between("quotes", min_value=0))},
)
