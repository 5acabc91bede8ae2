"""The extractor registry (transforms/extract/registry.py) and what is generated from it: the
checked-in SQL and GX suites are fresh, the generated tables are those the migrations built,
and an extractor's own computation reaches its table."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import duckdb
import pyarrow as pa
import pytest

from transforms.extract import EXTRACTORS, TABLE_SCHEMAS, Gazetteer, extract_documents, extraction_tables
from transforms.extract import document, registry, warehouse_sql
from transforms.extract.declare import Column, Expect, Extractor, between, keys, per_value
from transforms.warehouse import migrate
from transforms.reference import load_reference

ROOT = Path(__file__).resolve().parents[1]


def _warehouse_build():
    spec = importlib.util.spec_from_file_location("warehouse_build", ROOT / "warehouse" / "build.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_generated_sql_files_are_fresh():
    stale = [
        str(path.relative_to(ROOT)) for path, text in _warehouse_build().generated_files().items()
        if not path.exists() or path.read_text(encoding="utf-8") != text
    ]
    assert not stale, f"stale generated files (run .venv/bin/python warehouse/build.py): {stale}"


@pytest.mark.parametrize("suite", sorted(registry.extractor_suites()))
def test_the_stored_gx_suites_are_the_declared_ones(suite):
    stored = json.loads((ROOT / "expectations" / "gx" / "expectations" / f"{suite}.json").read_text(encoding="utf-8"))
    declared = [
        {"type": e.gx_type, "kwargs": e.kwargs, "severity": e.severity,
         "meta": {"quarantine_rows": True} if e.quarantine_rows else {}}
        for e in registry.extractor_suites()[suite]
    ]
    found = [{key: e[key] for key in ("type", "kwargs", "severity", "meta")} for e in stored["expectations"]]
    assert found == declared, "stale GX suite: run .venv/bin/python expectations/build.py"


def _shape(con: duckdb.DuckDBPyConnection, table: str) -> tuple:
    columns = con.execute(
        "SELECT column_name, data_type, is_nullable FROM information_schema.columns WHERE table_name = ? "
        "ORDER BY ordinal_position", [table]).fetchall()
    key = con.execute(
        "SELECT constraint_column_names FROM duckdb_constraints() WHERE table_name = ? AND constraint_type = 'PRIMARY KEY'",
        [table]).fetchall()
    return columns, key


def test_generated_tables_are_those_the_migrations_built():
    """A table the migrations built is left as it is by the load's CREATE TABLE IF NOT EXISTS,
    so it must already have the declared columns; a newer extractor's is created by the load."""
    compared = set()
    with duckdb.connect() as migrated, duckdb.connect() as generated:
        migrate(migrated, ROOT / "warehouse")
        for extractor in warehouse_sql.kept(EXTRACTORS):
            generated.execute(warehouse_sql.table_ddl(extractor))
            if _shape(migrated, extractor.table)[0]:
                assert _shape(generated, extractor.table) == _shape(migrated, extractor.table), extractor.table
                compared.add(extractor.table)
    assert compared >= {"sources", "photo_credits", "captions", "quotes", "doc_refs"}


def test_the_lake_schemas_are_the_declared_columns():
    assert list(TABLE_SCHEMAS) == [extractor.table for extractor in EXTRACTORS]
    assert TABLE_SCHEMAS["captions"] == pa.schema([("doc_id", pa.string()), ("caption", pa.string()), ("credit", pa.string())])
    assert {name: table.schema for name, table in extraction_tables([]).items()} == TABLE_SCHEMAS


def test_a_set_cannot_have_a_nullable_column():
    loose = Extractor("loose", (Column("doc_id", pa.string()),), per_value("doc_id"), warehouse="distinct")
    with pytest.raises(ValueError, match="cannot be null"):
        warehouse_sql.table_ddl(loose)


def test_expectations_are_stored_under_gx_names():
    assert [e.gx_type for e in keys("doc_id")] == ["expect_column_values_to_not_be_null", "expect_column_values_to_be_unique"]
    assert between("n", min_value=0) == Expect("ExpectColumnValuesToBeBetween", {"column": "n", "min_value": 0})


def test_an_extractor_computes_its_value_and_rows(monkeypatch):
    words = Extractor(
        "word_counts", (Column("doc_id", pa.string(), nullable=False), Column("words", pa.int64(), nullable=False)),
        rows=lambda extraction: [{"doc_id": extraction["doc_id"], "words": extraction["word_counts"]}],
        warehouse="distinct", compute=lambda article: len(article.body.split()),
    )
    monkeypatch.setattr(document, "EXTRACTORS", (*EXTRACTORS, words))
    monkeypatch.setattr(registry, "EXTRACTORS", (*EXTRACTORS, words))
    gazetteer = Gazetteer.from_reference(load_reference(ROOT / "seeds" / "reference"))
    found = extract_documents([{"doc_id": "d", "body": "Một hai ba.\nBốn năm."}], gazetteer)
    assert found[0]["word_counts"] == 5
    assert extraction_tables(found)["word_counts"].to_pylist() == [{"doc_id": "d", "words": 5}]
    assert "CREATE TABLE IF NOT EXISTS word_counts" in warehouse_sql.load_block(registry.EXTRACTORS)
    assert "words  BIGINT NOT NULL" in warehouse_sql.table_ddl(words)
