"""`vnnews sql`: read-only queries of the warehouse, one statement or a script, or a prompt.

Two barriers keep it read-only. The real one is the connection: the warehouse is opened
read-only with external access disabled and the configuration locked, so no statement can
read or write a file other than the warehouse (COPY, ATTACH, EXPORT, read_csv, read_text, glob,
INSTALL/LOAD …) or switch those settings back. The second is a check of each statement's type
before it runs (only queries pass), which gives a clear message instead of DuckDB's and keeps
a script from doing half its work before a refused statement.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import json
import sys
from collections.abc import Iterator
from pathlib import Path

import duckdb

from flows.summary import format_table
from transforms.settings import Settings

READ_ONLY_CONFIG = {"enable_external_access": False, "lock_configuration": True}
# SHOW, DESCRIBE, SUMMARIZE, WITH, FROM and VALUES parse as SELECT too.
QUERY_TYPES = frozenset({duckdb.StatementType.SELECT, duckdb.StatementType.EXPLAIN})
TABLES_QUERY = (
    "SELECT table_name AS name, lower(replace(table_type, 'BASE ', '')) AS kind "
    "FROM information_schema.tables WHERE table_schema = 'main' ORDER BY table_name"
)
SCHEMA_QUERY = (
    "SELECT column_name AS column, data_type AS type, coalesce(comment, '') AS meaning FROM duckdb_columns() "
    "WHERE schema_name = 'main' AND table_name = ? ORDER BY column_index"
)
OBJECT_COMMENT_QUERY = (
    "SELECT 'table', comment FROM duckdb_tables() WHERE schema_name = 'main' AND table_name = ? "
    "UNION ALL SELECT 'view', comment FROM duckdb_views() WHERE schema_name = 'main' AND view_name = ?"
)
HISTORY_FILE = Path.home() / ".vnnews_sql_history"
SHELL_HELP = """\
End a statement with ';' (several on a line run in order). Only queries run: the warehouse is read-only.
  .tables        list the warehouse's tables and views
  .schema NAME   the columns of a table or view: their types and what they hold
  .help          this text
  .quit          leave (also .exit or Ctrl-D; a half-typed statement is discarded)
Commands are read at the start of a statement. On a terminal, arrow keys recall earlier lines
(kept in ~/.vnnews_sql_history)."""


class Refused(ValueError):
    """A statement the read-only SQL command will not run; the message is one line."""


def add_sql_command(commands) -> None:
    sql = commands.add_parser("sql", help="query the warehouse (read-only)")
    sql.add_argument("query", nargs="?", metavar="QUERY", help="one SQL query to run; omit with --shell")
    sql.add_argument("--script", action="store_true", help="allow several ';'-separated queries in QUERY")
    sql.add_argument("--format", choices=("table", "csv", "json"), default="table", help="how results are printed")
    sql.add_argument("--warehouse", default=str(Settings().warehouse_path), help="DuckDB file to query")
    sql.add_argument("--shell", action="store_true",
                     help="interactive prompt (.tables, .schema NAME, .help, .quit; history on a terminal)")


def run_sql(args: argparse.Namespace) -> int:
    if not Path(args.warehouse).exists():
        raise FileNotFoundError(f"no warehouse at {args.warehouse}: run `vnnews run` (or `make run`) first")
    with open_read_only(args.warehouse) as con:
        if args.shell:
            return _shell(con, args.format)
        if not args.query:
            raise ValueError("give a query, or --shell for an interactive prompt")
        statements = checked_statements(args.query)
        if len(statements) > 1 and not args.script:
            raise Refused(f"{len(statements)} statements given: run one per call, or pass --script")
        for statement in statements:
            _print_result(execute(con, statement), args.format)
    return 0


def open_read_only(path: str | Path) -> duckdb.DuckDBPyConnection:
    return duckdb.connect(str(path), read_only=True, config=READ_ONLY_CONFIG)


def checked_statements(sql: str) -> list[duckdb.Statement]:
    """The statements of ``sql``, all of them queries; raises Refused otherwise."""
    statements = duckdb.extract_statements(sql)
    if not statements:
        raise Refused("no SQL statement given")
    for statement in statements:
        if statement.type not in QUERY_TYPES:
            kind = statement.type.name.replace("_", " ")
            raise Refused(f"{kind} statements are not allowed: the warehouse is read-only, only queries run")
    return statements


def execute(con: duckdb.DuckDBPyConnection, statement: duckdb.Statement) -> duckdb.DuckDBPyConnection:
    """Run one checked statement; DuckDB's refusals become one-line messages."""
    try:
        return con.execute(statement.query)
    except duckdb.PermissionException as error:
        raise Refused(f"no access outside the warehouse: files, databases and extensions are off limits "
                      f"({_first_line(error)})") from None
    except duckdb.InvalidInputException as error:
        if "read-only mode" in str(error):  # EXPLAIN ANALYZE of a write
            raise Refused(f"the warehouse is read-only ({_first_line(error)})") from None
        raise


def _first_line(error: Exception) -> str:
    return str(error).strip().splitlines()[0]


def _print_result(result: duckdb.DuckDBPyConnection, output_format: str) -> None:
    columns = [d[0] for d in result.description or []]
    rows = result.fetchall()
    if output_format == "json":
        print(json.dumps([dict(zip(columns, row)) for row in rows], ensure_ascii=False, default=str, indent=1))
    elif output_format == "csv":
        writer = csv.writer(sys.stdout)
        writer.writerow(columns)
        writer.writerows(rows)
    else:
        print(format_table(columns, rows))


def _shell(con: duckdb.DuckDBPyConnection, output_format: str) -> int:
    print("vnnews SQL shell (read-only). End statements with ';', .help for commands, .quit or Ctrl-D to leave.")
    buffer = ""
    with _line_history():
        while True:
            try:
                line = input("vnnews> " if not buffer else "   ...> ")
            except EOFError:
                print()
                return 0
            command = line.strip()
            if command in (".quit", ".exit"):  # even with a half-typed statement: it is discarded
                return 0
            if command.startswith(".") and not buffer:  # inside a statement a leading '.' is SQL (".5 * 2")
                _dot_command(con, command, output_format)
                continue
            buffer += line + "\n"
            if buffer.rstrip().endswith(";"):
                _run_entry(con, buffer, output_format)
                buffer = ""


@contextlib.contextmanager
def _line_history() -> Iterator[None]:
    """Line editing and a history kept across sessions, on a terminal where readline exists."""
    if not sys.stdin.isatty():
        yield
        return
    try:
        import readline
    except ImportError:  # Windows without pyreadline: plain input()
        yield
        return
    with contextlib.suppress(OSError):  # no history yet
        readline.read_history_file(HISTORY_FILE)
    readline.set_history_length(1000)
    try:
        yield
    finally:
        with contextlib.suppress(OSError):  # an unwritable home: the history is not kept
            readline.write_history_file(HISTORY_FILE)


def _dot_command(con: duckdb.DuckDBPyConnection, command: str, output_format: str) -> None:
    name, _, argument = command.partition(" ")
    if name == ".tables":
        _print_result(con.execute(TABLES_QUERY), output_format)
    elif name == ".schema":
        _print_schema(con, argument.strip(), output_format)
    elif name == ".help":
        print(SHELL_HELP)
    else:
        print(f"error: unknown command {command}; .help lists the commands")


def _print_schema(con: duckdb.DuckDBPyConnection, name: str, output_format: str) -> None:
    if not name:
        print("error: .schema needs a table or view name; .tables lists them")
        return
    found = con.execute(OBJECT_COMMENT_QUERY, [name, name]).fetchall()
    if not found:
        print(f"error: no table or view {name}; .tables lists them")
        return
    kind, comment = found[0]
    print(f"{kind} {name}" + (f": {comment}" if comment else ""))
    _print_result(con.execute(SCHEMA_QUERY, [name]), output_format)


def _run_entry(con: duckdb.DuckDBPyConnection, sql: str, output_format: str) -> None:
    """One entry at the prompt: every statement is checked before the first one runs."""
    try:
        for statement in checked_statements(sql):
            _print_result(execute(con, statement), output_format)
    except duckdb.Error as error:
        print(f"error: {error}")
    except Refused as error:
        print(f"refused: {error}")
