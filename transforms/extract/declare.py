"""What an extractor declares: its output table (columns and Arrow types), how one extraction
becomes rows of it, how the warehouse keeps it, and the expectations its rows must meet.

From these declarations come the lake schemas (:data:`transforms.extract.registry.TABLE_SCHEMAS`),
the warehouse SQL of the tables the warehouse keeps as they are (``warehouse/build.py``) and
the GX suites they name (``expectations/build.py``). Expectations are plain data here: the
transforms never import GX.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

import pyarrow as pa

CRITICAL, WARNING = "critical", "warning"
# How the warehouse keeps an extractor's table:
# * "custom": hand-written staging and load SQL (entities with ids, columns merged into articles);
# * "distinct": a set per document, keyed by every column (sources, doc_refs);
# * "ordered": a list per document, keyed by its position in the article (captions, quotes).
Warehouse = Literal["custom", "distinct", "ordered"]


@dataclass(frozen=True)
class Column:
    name: str
    type: pa.DataType
    nullable: bool = True  # in the warehouse; the lake's Arrow fields are always nullable
    description: str = ""  # the warehouse's COMMENT ON COLUMN of a generated table (docs/warehouse.md)


@dataclass(frozen=True)
class Expect:
    """One GX expectation: ``kind`` is the class name in ``great_expectations.expectations``.
    ``quarantine_rows``: its failing rows' documents go to quarantine (expectations/build.py)."""

    kind: str
    kwargs: dict[str, Any]
    severity: str = CRITICAL
    quarantine_rows: bool = False

    @property
    def gx_type(self) -> str:
        """The name GX stores the expectation under ("ExpectColumnValuesToNotBeNull" →
        "expect_column_values_to_not_be_null")."""
        return re.sub(r"(?<!^)(?=[A-Z])", "_", self.kind).lower()


def keys(*columns: str) -> list[Expect]:
    """Key columns: never null, unique together."""
    expectations = [not_null(column) for column in columns]
    if len(columns) == 1:
        expectations.append(Expect("ExpectColumnValuesToBeUnique", {"column": columns[0]}))
    else:
        expectations.append(Expect("ExpectCompoundColumnsToBeUnique", {"column_list": list(columns)}))
    return expectations


def not_null(column: str, severity: str = CRITICAL, quarantine_rows: bool = False) -> Expect:
    return Expect("ExpectColumnValuesToNotBeNull", {"column": column}, severity, quarantine_rows)


def in_set(column: str, values: list, severity: str = CRITICAL, quarantine_rows: bool = False) -> Expect:
    return Expect("ExpectColumnValuesToBeInSet", {"column": column, "value_set": values}, severity, quarantine_rows)


def between(column: str, min_value: Any = None, max_value: Any = None, severity: str = CRITICAL,
            quarantine_rows: bool = False) -> Expect:
    bounds = {name: value for name, value in (("min_value", min_value), ("max_value", max_value)) if value is not None}
    return Expect("ExpectColumnValuesToBeBetween", {"column": column, **bounds}, severity, quarantine_rows)


def matches(column: str, regex: Any, severity: str = CRITICAL, quarantine_rows: bool = False) -> Expect:
    return Expect("ExpectColumnValuesToMatchRegex", {"column": column, "regex": regex}, severity, quarantine_rows)


def matches_none(column: str, regexes: list[str], severity: str = CRITICAL) -> Expect:
    return Expect("ExpectColumnValuesToNotMatchRegexList", {"column": column, "regex_list": regexes}, severity)


@dataclass(frozen=True)
class Extractor:
    """One extractor's declaration (see the module doc). ``compute``, when given, is run on
    every article (:class:`transforms.extract.document.Article`) and its value kept in the
    extraction under ``table``; ``rows`` turns one extraction into the table's rows."""

    table: str
    columns: tuple[Column, ...]
    rows: Callable[[dict], list[dict]]
    warehouse: Warehouse = "custom"
    description: str = ""  # the warehouse's COMMENT ON TABLE of a generated table
    compute: Callable[[Any], Any] | None = None
    # GX suite (a frame of the same name, expectations/frames/<suite>.sql) → its expectations
    suites: dict[str, tuple[Expect, ...]] = field(default_factory=dict)

    @property
    def schema(self) -> pa.Schema:
        return pa.schema([(column.name, column.type) for column in self.columns])


def per_value(table_column: str, extraction_key: str | None = None) -> Callable[[dict], list[dict]]:
    """Rows of a table with one value column, one row per value the extraction lists under
    ``extraction_key`` (default: the column's name)."""
    key = extraction_key or table_column

    def rows(extraction: dict) -> list[dict]:
        return [{"doc_id": extraction["doc_id"], table_column: value} for value in extraction[key]]

    return rows
