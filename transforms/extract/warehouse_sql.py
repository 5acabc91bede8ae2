"""The warehouse SQL of the extractors' tables the warehouse keeps as declared ("distinct" and
"ordered" in :mod:`transforms.extract.declare`), rendered from the registry.

``warehouse/build.py`` writes it into the checked-in files: the staging views
(:data:`STAGING_FILE`), a block of ``warehouse/load.sql`` (between :data:`BEGIN` and
:data:`END`: the tables, created when missing, and their merge) and the GX frames of the suites
those extractors declare. tests/test_extract_registry.py fails while a file is stale.

The tables are created by ``CREATE TABLE IF NOT EXISTS`` in the load, so a new extractor needs
no migration and a warehouse built before gains its table on the next load; the tables that
existed already were created by ``migrations/001_core.sql`` with the same columns (the test
checks that too). Changing an existing table's columns still needs a migration.
"""

from __future__ import annotations

from collections.abc import Iterable

import pyarrow as pa

from transforms.extract.declare import Column, Extractor

STAGING_FILE = "staging/04_extracted.sql"
COMMENTS_FILE = "comments/02_extracted.sql"
BEGIN = "-- BEGIN extractor tables: written by warehouse/build.py from transforms/extract/registry.py, do not edit"
END = "-- END extractor tables"
_GENERATED = "-- Written by warehouse/build.py from transforms/extract/registry.py: edit the registry, not this file.\n"
_SQL_TYPES = {pa.string(): "VARCHAR", pa.bool_(): "BOOLEAN", pa.int32(): "INTEGER", pa.int64(): "BIGINT",
              pa.float64(): "DOUBLE", pa.list_(pa.string()): "VARCHAR[]"}
_POSITION = Column("position", pa.int32(), nullable=False,
                   description="the value's place in the article, from 0 (in reading order)")


def kept(extractors: Iterable[Extractor]) -> list[Extractor]:
    """The extractors whose warehouse SQL is generated (not "custom")."""
    return [extractor for extractor in extractors if extractor.warehouse != "custom"]


def warehouse_columns(extractor: Extractor) -> tuple[tuple[Column, ...], tuple[str, ...]]:
    """The warehouse table's columns and primary key: a set is keyed by all its columns, a list
    by its position in the article (a column the staging view numbers from 0)."""
    if extractor.warehouse == "distinct":
        nullable = [column.name for column in extractor.columns if column.nullable]
        if nullable:
            raise ValueError(f"{extractor.table}: a set's columns are its key and cannot be null: {nullable}")
        return extractor.columns, tuple(column.name for column in extractor.columns)
    doc_id, *values = extractor.columns
    return (doc_id, _POSITION, *values), (doc_id.name, _POSITION.name)


def _sql_type(column: Column) -> str:
    try:
        return _SQL_TYPES[column.type]
    except KeyError:
        raise ValueError(f"no warehouse type for {column.name} ({column.type}): add it to _SQL_TYPES") from None


def table_ddl(extractor: Extractor) -> str:
    columns, key = warehouse_columns(extractor)
    width = max(len(column.name) for column in columns)
    lines = [
        f"    {column.name.ljust(width)} {_sql_type(column)}{'' if column.nullable else ' NOT NULL'},"
        for column in columns
    ]
    return "\n".join([f"CREATE TABLE IF NOT EXISTS {extractor.table} (", *lines,
                      f"    PRIMARY KEY ({', '.join(key)})", ");"])


def staging_view(extractor: Extractor) -> str:
    names = [column.name for column in extractor.columns]
    articles_only = "WHERE doc_id IN (SELECT doc_id FROM stg_article_ids)"
    if extractor.warehouse == "distinct":
        return (f"CREATE OR REPLACE TEMP VIEW stg_{extractor.table} AS\n"
                f"SELECT DISTINCT {', '.join(names)} FROM raw_extract_{extractor.table} {articles_only};")
    doc_id, *values = names
    return (
        f"CREATE OR REPLACE TEMP VIEW stg_{extractor.table} AS\n"
        f"SELECT {doc_id}, (row_number() OVER (PARTITION BY doc_id ORDER BY ordinality) - 1)::INTEGER AS position, "
        f"{', '.join(values)}\n"
        f"FROM (SELECT *, row_number() OVER () AS ordinality FROM raw_extract_{extractor.table})\n"
        f"{articles_only};"
    )


def staging_sql(extractors: Iterable[Extractor]) -> str:
    views = "\n\n".join(staging_view(extractor) for extractor in kept(extractors))
    return (f"{_GENERATED}-- Staging views of the extractors' sets (one row per value) and lists (numbered in\n"
            f"-- article order), articles only.\n\n{views}\n")


def load_block(extractors: Iterable[Extractor]) -> str:
    """The block of load.sql: each table created when missing, then its run's rows replaced."""
    statements = []
    for extractor in kept(extractors):
        statements += [
            table_ddl(extractor),
            f"DELETE FROM {extractor.table} WHERE doc_id IN (SELECT doc_id FROM run_doc_ids);",
            f"INSERT INTO {extractor.table} BY NAME SELECT * FROM stg_{extractor.table};",
        ]
    return "\n".join([BEGIN, *statements, END])


def with_load_block(load_sql: str, extractors: Iterable[Extractor]) -> str:
    """``load_sql`` with its generated block rewritten."""
    before, found, rest = load_sql.partition(BEGIN + "\n")
    _, ended, after = rest.partition(END + "\n")
    if not found or not ended:
        raise ValueError(f"load.sql has no block between {BEGIN!r} and {END!r}")
    return before + load_block(extractors) + "\n" + after


def frames(extractors: Iterable[Extractor]) -> dict[str, str]:
    """GX frame (expectations/frames/<suite>.sql) of every suite a generated table declares:
    the table's staging view."""
    return {
        suite: f"{_GENERATED}SELECT * FROM stg_{extractor.table}\n"
        for extractor in kept(extractors)
        for suite in extractor.suites
    }


def _comment_literal(text: str, where: str) -> str:
    # The load runs a script statement by statement, split at every ';' (transforms/warehouse.py).
    if ";" in text:
        raise ValueError(f"{where}: a description cannot contain ';'")
    return "'" + text.replace("'", "''") + "'"


def comments_sql(extractors: Iterable[Extractor]) -> str:
    """COMMENT ON the generated tables and their columns, from the declarations' descriptions.
    An undescribed table or column gets no comment, which tests/test_warehouse_docs.py reports."""
    statements = []
    for extractor in kept(extractors):
        if extractor.description:
            statements.append(f"COMMENT ON TABLE {extractor.table} IS "
                              f"{_comment_literal(extractor.description, extractor.table)};")
        columns, _ = warehouse_columns(extractor)
        statements += [
            f"COMMENT ON COLUMN {extractor.table}.{column.name} IS "
            f"{_comment_literal(column.description, f'{extractor.table}.{column.name}')};"
            for column in columns if column.description
        ]
    header = f"{_GENERATED}-- Comments of the extractors' tables, from their declarations' descriptions.\n\n"
    return header + "\n".join(statements) + "\n"
