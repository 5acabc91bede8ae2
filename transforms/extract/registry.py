"""The extractor registry: every table the extract stage writes, one line each.

A new extractor is one module that declares an :class:`~transforms.extract.declare.Extractor`
(its table's columns and types, its rows, how the warehouse keeps it, its expectations) and one
line here; then ``.venv/bin/python warehouse/build.py`` writes its warehouse SQL and
``.venv/bin/python expectations/build.py`` its GX suites (tests/test_extract_registry.py fails
while either is stale).
"""

from __future__ import annotations

import pyarrow as pa

from transforms.extract import event_type, meetings, nationality, quotes, tables
from transforms.extract.declare import Expect, Extractor

EXTRACTORS: tuple[Extractor, ...] = (
    tables.ARTICLES,
    tables.PERSON_MENTIONS,
    tables.ORGANIZATION_MENTIONS,
    tables.COUNTRY_MENTIONS,
    tables.SOURCES,
    tables.PHOTO_CREDITS,
    tables.CAPTIONS,
    tables.QUOTES,
    tables.DOC_REFS,
    meetings.MEETINGS,
    quotes.QUOTE_SPEAKERS,
    nationality.PERSON_COUNTRIES,
    event_type.EVENT_TYPES,
)

TABLE_SCHEMAS: dict[str, pa.Schema] = {extractor.table: extractor.schema for extractor in EXTRACTORS}


def extraction_tables(extractions: list[dict]) -> dict[str, pa.Table]:
    """The extractions as warehouse-ready tables (``TABLE_SCHEMAS``), one row per mention."""
    return {
        extractor.table: pa.Table.from_pylist(
            [row for extraction in extractions for row in extractor.rows(extraction)], schema=extractor.schema
        )
        for extractor in EXTRACTORS
    }


def extractor_suites() -> dict[str, tuple[Expect, ...]]:
    """GX suite → expectations, of every extractor that declares some."""
    suites: dict[str, tuple[Expect, ...]] = {}
    for extractor in EXTRACTORS:
        for suite, expectations in extractor.suites.items():
            if suite in suites:
                raise ValueError(f"two extractors declare the suite {suite!r}")
            suites[suite] = expectations
    return suites
