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
import csv
import json
import sys
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
SHELL_HELP = """\
End a statement with ';' (several on a line run in order). Only queries run: the warehouse is read-only.
  .tables   list the warehouse's tables and views
  .help     this text
  .quit     leave (also .exit or Ctrl-D; a half-typed statement is discarded)"""


class Refused(ValueError):
    """A statement the read-only SQL command will not run; the message is one line."""


def add_sql_command(commands) -> None:
    sql = commands.add_parser("sql", help="query the warehouse (read-only)")
    sql.add_argument("query", nargs="?", help="one SQL query to run; omit with --shell")
    sql.add_argument("--script", action="store_true", help="allow several ';'-separated queries in QUERY")
    sql.add_argument("--format", choices=("table", "csv", "json"), default="table")
    sql.add_argument("--warehouse", default=str(Settings().warehouse_path))
    sql.add_argument("--shell", action="store_true", help="interactive prompt")


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
    while True:
        try:
            line = input("vnnews> " if not buffer else "   ...> ")
        except EOFError:
            print()
            return 0
        command = line.strip()
        if command in (".quit", ".exit"):
            return 0
        if command.startswith("."):
            _dot_command(con, command, output_format)
            continue
        buffer += line + "\n"
        if buffer.rstrip().endswith(";"):
            _run_entry(con, buffer, output_format)
            buffer = ""


def _dot_command(con: duckdb.DuckDBPyConnection, command: str, output_format: str) -> None:
    if command == ".tables":
        _print_result(con.execute(TABLES_QUERY), output_format)
    elif command == ".help":
        print(SHELL_HELP)
    else:
        print(f"error: unknown command {command}; .help lists the commands")


def _run_entry(con: duckdb.DuckDBPyConnection, sql: str, output_format: str) -> None:
    """One entry at the prompt: every statement is checked before the first one runs."""
    try:
        for statement in checked_statements(sql):
            _print_result(execute(con, statement), output_format)
    except duckdb.Error as error:
        print(f"error: {error}")
    except Refused as error:
        print(f"refused: {error}")
