"""The extract stage: ``cleaned`` records → ``extractions`` and the extract tables (docs/datasets.md).

* :mod:`.document` — one extraction per article, from the modules below;
* :mod:`.gazetteer` (lookups built from seeds/reference), :mod:`.spans` (segmentation),
  :mod:`.people`, :mod:`.organizations` (and countries), :mod:`.sources` (outlets, author,
  photographers), :mod:`.events`, :mod:`.references` (quotes, documents), :mod:`.stories`;
* :mod:`.registry` — the extractor registry: every table the stage writes, declared in
  :mod:`.tables` with :mod:`.declare`; the warehouse SQL and GX suites are generated from it.
"""

from transforms.extract.document import Article, extract_documents
from transforms.extract.gazetteer import Gazetteer
from transforms.extract.registry import EXTRACTORS, TABLE_SCHEMAS, extraction_tables
from transforms.extract.stories import assign_stories, story_features

__all__ = [
    "EXTRACTORS", "TABLE_SCHEMAS", "Article", "Gazetteer", "assign_stories", "extract_documents",
    "extraction_tables", "story_features",
]
