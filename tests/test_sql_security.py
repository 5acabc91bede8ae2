"""`vnnews sql` is read-only for real: every way out of the warehouse (writing files over it or
elsewhere, other databases, host files, extensions, settings, several statements at once) is
refused with one clear line, the warehouse file keeps its bytes and still opens, and its own
tables and views still answer."""

from __future__ import annotations

import hashlib
import io
import json
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from test_report import ARTICLES, build_warehouse

from flows.cli import main
from flows.sql_shell import open_read_only


@pytest.fixture()
def warehouse(tmp_path: Path) -> Path:
    return build_warehouse(tmp_path / "news.duckdb")


@pytest.fixture()
def other_database(tmp_path: Path) -> Path:
    path = tmp_path / "other.duckdb"
    with duckdb.connect(str(path)) as con:
        con.execute("CREATE TABLE notes (text VARCHAR)")
    return path


def attacks(warehouse: Path, other: Path, tmp_path: Path) -> dict[str, tuple[str, str]]:
    """name: (SQL, what the one-line refusal says)."""
    parquet = tmp_path / "outside.parquet"
    pq.write_table(pa.table({"secret": ["s3cr3t"]}), parquet)
    outside = "no access outside the warehouse"
    return {
        "COPY over the warehouse": (f"COPY (SELECT 'x') TO '{warehouse}'", "COPY statements are not allowed"),
        "COPY to another path": (f"COPY articles TO '{tmp_path / 'articles.csv'}'", "COPY statements are not allowed"),
        "ATTACH another database": (f"ATTACH '{other}' AS other (READ_WRITE)", "ATTACH statements are not allowed"),
        "ATTACH; INSERT in one string": (
            f"ATTACH '{other}' AS other (READ_WRITE); INSERT INTO other.notes VALUES ('written')",
            "ATTACH statements are not allowed",
        ),
        "EXPORT DATABASE": (f"EXPORT DATABASE '{tmp_path / 'export'}'", "EXPORT statements are not allowed"),
        "IMPORT DATABASE": (f"IMPORT DATABASE '{tmp_path / 'export'}'", "PRAGMA statements are not allowed"),
        "INSTALL an extension": ("INSTALL httpfs", "LOAD statements are not allowed"),
        "LOAD an extension": ("LOAD httpfs", "LOAD statements are not allowed"),
        "SET enable_external_access": ("SET enable_external_access = true", "SET statements are not allowed"),
        "SET lock_configuration": ("SET lock_configuration = false", "SET statements are not allowed"),
        "PRAGMA": ("PRAGMA enable_profiling", "PRAGMA statements are not allowed"),
        "CREATE TABLE": ("CREATE TABLE planted AS SELECT 1 AS x", "CREATE statements are not allowed"),
        "INSERT": ("INSERT INTO sources VALUES ('x', 'y')", "INSERT statements are not allowed"),
        "read_csv of a host file": ("SELECT * FROM read_csv('/etc/passwd')", outside),
        "read_text of a host file": ("SELECT * FROM read_text('/etc/passwd')", outside),
        "read_blob of a host file": ("SELECT * FROM read_blob('/etc/hostname')", outside),
        "read_parquet outside the warehouse": (f"SELECT * FROM read_parquet('{parquet}')", outside),
        "glob of host folders": ("SELECT * FROM glob('/etc/*')", outside),
        "EXPLAIN ANALYZE COPY": (f"EXPLAIN ANALYZE COPY articles TO '{tmp_path / 'explained.csv'}'", outside),
        "EXPLAIN ANALYZE CREATE": ("EXPLAIN ANALYZE CREATE TABLE planted AS SELECT 1", "the warehouse is read-only"),
        "two queries in one string": ("SELECT 1; SELECT 2", "2 statements given: run one per call, or pass --script"),
    }


def _checksum(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_every_attack_is_refused_in_one_line_and_changes_nothing(warehouse, other_database, tmp_path, capsys):
    before, other_before = _checksum(warehouse), _checksum(other_database)
    for name, (sql, message) in attacks(warehouse, other_database, tmp_path).items():
        code = main(["sql", "--warehouse", str(warehouse), sql])
        out, err = capsys.readouterr()
        assert code == 2, f"{name}: not refused (exit {code}, output {out!r})"
        assert out == "", f"{name}: printed a result: {out!r}"
        assert err.count("\n") == 1 and err.startswith("vnnews sql: ") and message in err, f"{name}: {err!r}"
    assert _checksum(warehouse) == before
    assert _checksum(other_database) == other_before
    assert not (tmp_path / "articles.csv").exists() and not (tmp_path / "export").exists()
    assert not (tmp_path / "explained.csv").exists()
    with duckdb.connect(str(warehouse), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM articles").fetchone() == (len(ARTICLES),)


def test_a_script_stops_at_its_first_refused_statement(warehouse, other_database, capsys):
    sql = f"SELECT 1 AS one; ATTACH '{other_database}' AS other (READ_WRITE); INSERT INTO other.notes VALUES ('x')"
    assert main(["sql", "--warehouse", str(warehouse), "--script", sql]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err == "vnnews sql: ATTACH statements are not allowed: the warehouse is read-only, only queries run\n"
    with duckdb.connect(str(other_database), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM notes").fetchone() == (0,)


def test_the_connection_itself_refuses_what_the_statement_check_would_miss(warehouse, other_database, tmp_path):
    """The real barrier: statements run straight on the connection, past the type check."""
    with open_read_only(warehouse) as con:
        for name, (sql, _) in attacks(warehouse, other_database, tmp_path).items():
            if name == "two queries in one string":
                continue
            first = duckdb.extract_statements(sql)[0].query  # a second statement never runs after it
            with pytest.raises(duckdb.Error):
                con.execute(first)
                pytest.fail(f"{name}: the connection ran {first!r}")


def test_every_table_and_view_still_answers_and_scripts_run(warehouse, capsys):
    with duckdb.connect(str(warehouse), read_only=True) as con:
        names = [name for (name,) in con.execute("SELECT table_name FROM information_schema.tables").fetchall()]
    assert "who_met_whom" in names and "articles" in names
    script = "; ".join(f"SELECT '{name}' AS relation, count(*) AS n FROM {name}" for name in names)
    assert main(["sql", "--warehouse", str(warehouse), "--script", "--format", "json", script]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    answered = _json_documents(out)
    assert sorted(row[0]["relation"] for row in answered) == sorted(names)
    assert {"relation": "articles", "n": len(ARTICLES)} in [row[0] for row in answered]


def _json_documents(text: str) -> list:
    decoder, documents, position = json.JSONDecoder(), [], 0
    while text[position:].strip():
        document, position = decoder.raw_decode(text, position)
        documents.append(document)
        position += len(text[position:]) - len(text[position:].lstrip())
    return documents


def test_shell_lists_tables_helps_refuses_and_quits_with_a_line_buffered(warehouse, monkeypatch, capsys):
    typed = [
        ".tables",
        ".help",
        "SELECT count(*) AS articles",
        "FROM articles;",
        "COPY articles TO '/tmp/vnnews-shell-copy.csv';",
        "SELECT 'never run' AS half_typed",
        ".quit",
        "SELECT 'after quit';",
    ]
    monkeypatch.setattr("sys.stdin", io.StringIO("\n".join(typed) + "\n"))
    assert main(["sql", "--warehouse", str(warehouse), "--shell"]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    assert "| who_met_whom " in out and "| view " in out and "| articles " in out and "| table " in out
    assert ".tables" in out and ".quit" in out  # the help text
    assert f"| {len(ARTICLES)} " in out
    assert "refused: COPY statements are not allowed" in out
    assert "never run" not in out and "after quit" not in out
    assert not Path("/tmp/vnnews-shell-copy.csv").exists()


def test_shell_exit_and_end_of_input_both_leave(warehouse, monkeypatch, capsys):
    for typed in ("SELECT 1\n.exit\n", "SELECT 1\n"):
        monkeypatch.setattr("sys.stdin", io.StringIO(typed))
        assert main(["sql", "--warehouse", str(warehouse), "--shell"]) == 0
        assert "(1 row)" not in capsys.readouterr().out


def test_shell_schema_shows_a_tables_columns_and_their_comments(warehouse, monkeypatch, capsys):
    with duckdb.connect(str(warehouse)) as con:  # a loaded warehouse has them (warehouse/comments/)
        con.execute("COMMENT ON TABLE articles IS 'The cleaned articles'")
        con.execute("COMMENT ON COLUMN articles.title IS 'the headline'")
    typed = [".schema articles", ".schema no_such_table", "SELECT", ".5 AS half;", ".quit"]
    monkeypatch.setattr("sys.stdin", io.StringIO("\n".join(typed) + "\n"))
    assert main(["sql", "--warehouse", str(warehouse), "--shell"]) == 0
    out = capsys.readouterr().out
    assert "table articles: The cleaned articles" in out
    assert "| published_date " in out and "| VARCHAR " in out and "| the headline " in out
    assert "error: no table or view no_such_table" in out
    assert "| 0.5 " in out  # a line starting with '.' inside a statement is SQL, not a command
