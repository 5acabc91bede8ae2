"""The documented warehouse: every table, view and column of a freshly loaded seeds warehouse
has a comment, the extractors' generated tables take theirs from their declarations, and
docs/warehouse.md is the page those comments make."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import duckdb
import pyarrow as pa
import pytest

from flows.pipeline import news_pipeline
from transforms.extract import warehouse_sql
from transforms.extract.declare import Column, Extractor, per_value

ROOT = Path(__file__).resolve().parents[1]
UNCOMMENTED = """
SELECT 'table ' || table_name FROM duckdb_tables()
WHERE NOT temporary AND NOT internal AND schema_name = 'main' AND comment IS NULL
UNION ALL
SELECT 'view ' || view_name FROM duckdb_views()
WHERE NOT temporary AND NOT internal AND schema_name = 'main' AND comment IS NULL
UNION ALL
SELECT 'column ' || table_name || '.' || column_name FROM duckdb_columns()
WHERE NOT internal AND schema_name = 'main' AND database_name = current_database() AND comment IS NULL
ORDER BY 1
"""


def _document_module():
    spec = importlib.util.spec_from_file_location("warehouse_document", ROOT / "warehouse" / "document.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def warehouse(prefect_harness, tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("documented")
    news_pipeline(inputs=["seeds/raw"], lake_dir=str(root / "lake"), warehouse=str(root / "news.duckdb"))
    return root / "news.duckdb"


def test_every_table_view_and_column_has_a_comment(warehouse):
    with duckdb.connect(str(warehouse), read_only=True) as con:
        objects = con.execute("SELECT count(*) FROM duckdb_columns() WHERE schema_name = 'main'").fetchall()[0][0]
        missing = [row[0] for row in con.execute(UNCOMMENTED).fetchall()]
    assert objects > 100  # the query sees the warehouse's columns, not an empty catalog
    assert not missing, ("undocumented (warehouse/comments/01_core.sql, or a description in the extractor's "
                         f"declaration, then warehouse/build.py): {missing}")


def test_the_checked_in_warehouse_page_is_current(warehouse):
    document = _document_module()
    with duckdb.connect(str(warehouse), read_only=True) as con:
        page = document.render(con)
    assert "**undocumented**" not in page
    assert document.DOC.read_text(encoding="utf-8") == page, (
        "stale docs/warehouse.md: run .venv/bin/python warehouse/document.py <a seeds warehouse>")


def _example(description: str, value_description: str) -> Extractor:
    return Extractor("mottos", (Column("doc_id", pa.string(), False, "the article"),
                                Column("motto", pa.string(), False, value_description)),
                     per_value("motto"), warehouse="ordered", description=description)


def test_a_declared_tables_comments_come_from_its_descriptions():
    con = duckdb.connect()
    con.execute(warehouse_sql.table_ddl(_example("Mottos, in order.", "the motto's words")))
    con.execute(warehouse_sql.comments_sql([_example("Mottos, in order.", "the motto's words")]))
    comments = dict(con.execute("SELECT column_name, comment FROM duckdb_columns() WHERE table_name = 'mottos'").fetchall())
    table = con.execute("SELECT comment FROM duckdb_tables() WHERE table_name = 'mottos'").fetchall()
    assert table == [("Mottos, in order.",)]
    assert comments == {"doc_id": "the article", "position": "the value's place in the article, from 0 (in reading order)",
                        "motto": "the motto's words"}


def test_an_undescribed_column_stays_uncommented_and_a_semicolon_is_refused():
    assert "mottos.motto" not in warehouse_sql.comments_sql([_example("Mottos.", "")])
    with pytest.raises(ValueError, match="mottos.motto"):
        warehouse_sql.comments_sql([_example("Mottos.", "first; second")])
