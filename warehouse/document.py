"""Writes docs/warehouse.md, the analyst's reference of every table, view and column, from the
comments a loaded warehouse carries (warehouse/comments/*.sql, applied on every load).

Run ``.venv/bin/python warehouse/document.py [WAREHOUSE]`` (default: the settings' warehouse)
after changing a comment, a table or a view; tests/test_warehouse_docs.py fails while the
checked-in file is stale. The page depends on the schema and its comments only, not the data.
"""

from __future__ import annotations

import sys
from pathlib import Path

import duckdb

from transforms.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "warehouse.md"
INTRO = """\
# The warehouse

Written by `warehouse/document.py` from the warehouse's own comments (`warehouse/comments/*.sql`,
the extractors' tables from their declarations in `transforms/extract/tables.py`): edit those, not
this page. In `vnnews sql`, `SELECT * FROM duckdb_columns()` shows the same comments.
"""
_OBJECTS = """
SELECT table_name, 'table' AS kind, comment FROM duckdb_tables()
WHERE NOT temporary AND NOT internal AND schema_name = 'main'
UNION ALL
SELECT view_name, 'view', comment FROM duckdb_views()
WHERE NOT temporary AND NOT internal AND schema_name = 'main'
ORDER BY kind, table_name
"""
_COLUMNS = """
SELECT column_name, data_type, comment FROM duckdb_columns()
WHERE table_name = ? AND schema_name = 'main' AND NOT internal ORDER BY column_index
"""


def _cell(text: str | None) -> str:
    return (text or "**undocumented**").replace("|", "\\|").replace("\n", " ")


def render(con: duckdb.DuckDBPyConnection) -> str:
    """The page for the warehouse open on ``con``."""
    objects = con.execute(_OBJECTS).fetchall()
    sections = [INTRO, "| name | kind | what it holds |", "|---|---|---|"]
    sections += [f"| [`{name}`](#{name}) | {kind} | {_cell(comment)} |" for name, kind, comment in objects]
    for name, kind, comment in objects:
        sections += ["", f"## {name}", "", f"{kind.capitalize()}: {_cell(comment)}", "",
                     "| column | type | meaning |", "|---|---|---|"]
        sections += [f"| `{column}` | {data_type} | {_cell(text)} |"
                     for column, data_type, text in con.execute(_COLUMNS, [name]).fetchall()]
    return "\n".join(sections) + "\n"


def write(warehouse: Path, doc: Path = DOC) -> Path:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        doc.write_text(render(con), encoding="utf-8")
    return doc


if __name__ == "__main__":
    source = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / Settings().warehouse_path
    if not source.exists():
        sys.exit(f"no warehouse at {source}: run `vnnews run` first, or name one")
    print(f"wrote {write(source)}")
