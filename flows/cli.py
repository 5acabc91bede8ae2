"""The `vnnews` command line: run the pipeline, query the warehouse, inspect files."""

from __future__ import annotations

import argparse
import gc
import importlib.metadata
import json
import logging
import sys
import traceback
from pathlib import Path

from flows import environment
from flows.sql_shell import add_sql_command, run_sql
from flows.errors import EXIT_INTERNAL, EXIT_OK, EXIT_QUARANTINED, EXIT_USAGE, UsageError, details, one_line
from transforms.settings import STAGES, Settings

DEFAULTS = Settings()
GOLD_FILE = "tests/gold/seeds.jsonl"
EXIT_CODES = """exit codes:
  0  done
  1  done, with documents in quarantine or failed validation (see the summary)
  2  usage error: the command cannot run as given
  3  internal error: one line on stderr, the traceback in the run log it names"""


class HelpFormatter(argparse.RawDescriptionHelpFormatter):
    """Every option's help ends with its default ("none" when it has none, "required" when it
    must be given), unless the help text already says what happens without it."""

    def _get_help_string(self, action: argparse.Action) -> str:
        text = action.help or ""
        if not action.option_strings or _is_flag(action) is None or "default" in text:
            return text
        if action.required:
            return f"{text} (required)"
        if _is_flag(action) or action.default is None:
            return f"{text} (default: {'off' if _is_flag(action) else 'none'})"
        return f"{text} (default: %(default)s)"


def _is_flag(action: argparse.Action) -> bool | None:
    """True for an on/off option (store_true), None for --help and --version (no default to show)."""
    if action.nargs == 0 and action.const is None and action.default is argparse.SUPPRESS:
        return None
    return action.nargs == 0 and action.const is True


class SubcommandParser(argparse.ArgumentParser):
    """A subcommand's parser: its own usage on an unknown argument, not the top-level one
    (argparse leaves unknown arguments of a subcommand for the top-level parser to report)."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("formatter_class", HelpFormatter)
        super().__init__(*args, **kwargs)

    def parse_known_args(self, args=None, namespace=None):
        namespace, extras = super().parse_known_args(args, namespace)
        if extras:
            self.error(f"unrecognized arguments: {' '.join(extras)}")
        return namespace, extras


def _version() -> str:
    try:
        return importlib.metadata.version("vnnews")
    except importlib.metadata.PackageNotFoundError:  # run from a checkout that was never installed
        return "unknown (not installed)"


def _add_run_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--input", dest="inputs", action="append", metavar="PATH",
                        help=f"file, folder or glob of articles (repeatable; default {DEFAULTS.inputs[0]})")
    parser.add_argument("--lake", default=str(DEFAULTS.lake_dir), help="folder of the stages' Parquet datasets")
    parser.add_argument("--warehouse", default=str(DEFAULTS.warehouse_path), help="DuckDB file to load")
    parser.add_argument("--from", dest="from_stage", default=STAGES[0], choices=STAGES,
                        help="first stage to run; earlier stages' outputs are reused from the lake")
    parser.add_argument("--to", dest="to_stage", default=STAGES[-1], choices=STAGES, help="last stage to run")
    parser.add_argument("--reprocess", action="store_true",
                        help="also process documents the warehouse already holds (default: skip them)")
    parser.add_argument("--runner", choices=("local", "dask"), default="local",
                        help="where shard work runs: local threads, or Dask (prefect-dask)")
    parser.add_argument("--dask-address", metavar="tcp://HOST:PORT",
                        help="an existing Dask scheduler (default: none, and with --runner dask a new LocalCluster)")
    parser.add_argument("--wait", dest="wait_seconds", type=float, default=0, metavar="SECONDS",
                        help="wait this long for another run using the same warehouse (default: exit at once)")
    parser.add_argument("--wait-readers", type=float, default=60, metavar="SECONDS",
                        help="how long the load waits for other processes reading the warehouse (default: 60)")
    parser.add_argument("--debug", action="store_true", default=argparse.SUPPRESS,
                        help="on an internal error, print the full traceback too")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="vnnews", description=__doc__, epilog=EXIT_CODES, formatter_class=HelpFormatter)
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}",
                        help="print the installed version and exit")
    parser.add_argument("--debug", action="store_true", help="on an internal error, print the full traceback too")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND", parser_class=SubcommandParser)

    run = commands.add_parser("run", help="run the news-pipeline flow locally", description="Run the news-pipeline "
                              "flow locally: ingest → clean → dedup → extract → validate → load.", epilog=EXIT_CODES)
    _add_run_arguments(run)

    add_sql_command(commands)

    inspect = commands.add_parser("inspect", help="clean → dedup → extract files in memory, print JSON lines")
    inspect.add_argument("files", nargs="+", metavar="FILE", help="article files to read (nothing is written)")

    evaluate = commands.add_parser("eval", help=f"score `inspect` output against a gold file ({GOLD_FILE})")
    evaluate.add_argument("files", nargs="+", metavar="FILE", help="article files the gold file describes")
    evaluate.add_argument("--gold", default=GOLD_FILE, metavar="JSONL",
                          help="gold records to score against, one JSON object per line")

    synth = commands.add_parser("synth", help="write a synthetic corpus with ground truth")
    synth.add_argument("--docs", type=int, required=True, metavar="N", help="documents to write")
    synth.add_argument("--out", required=True, metavar="FOLDER", help="folder to write docs/*.txt and truth.jsonl to")
    synth.add_argument("--dup-rate", type=float, default=0.3, metavar="FRACTION",
                       help="share of the documents written as copies of another")
    synth.add_argument("--seed", type=int, default=0, help="random seed: the same seed writes the same corpus")
    _add_serve_command(commands)

    report = commands.add_parser("report", help="write a self-contained HTML report of the warehouse")
    report.add_argument("--warehouse", default=str(DEFAULTS.warehouse_path), help="DuckDB file to report on")
    report.add_argument("--out", default="reports/report.html", metavar="HTML", help="file to write the report to")
    return parser


def _add_serve_command(commands) -> None:
    serve = commands.add_parser("serve", help="serve the flow on a cron schedule from this process (flow.serve)")
    serve.add_argument("--cron", default="0 6 * * *", help="schedule, UTC (default: %(default)s, daily at 06:00)")
    serve.add_argument("--name", default="daily", help="deployment name")
    serve.add_argument("--input", dest="inputs", action="append", metavar="PATH",
                       help=f"file, folder or glob of articles (repeatable; default {DEFAULTS.inputs[0]})")
    serve.add_argument("--lake", default=str(DEFAULTS.lake_dir), help="folder of the stages' Parquet datasets")
    serve.add_argument("--warehouse", default=str(DEFAULTS.warehouse_path), help="DuckDB file to load")


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    environment.configure(prefect_log_level="CRITICAL")
    _show_progress()
    handler = COMMANDS[args.command]
    try:
        return handler(args) or EXIT_OK
    except KeyboardInterrupt:
        return 130
    except (UsageError, FileNotFoundError, ValueError) as error:  # the user's input, said plainly
        print(f"vnnews {args.command}: {error}", file=sys.stderr)
        return EXIT_USAGE
    except Exception as error:  # one clear line on the user's path; the traceback on request
        print(f"vnnews {args.command}: internal error: {one_line(error)}", file=sys.stderr)
        if args.debug:
            traceback.print_exc()
        return EXIT_INTERNAL
    finally:
        # Prefect keeps task-run frames in reference cycles; DuckDB objects still alive in them
        # at interpreter teardown make nanobind print leak reports on stderr.
        gc.collect()


def _show_progress() -> None:
    """Stage progress lines on stdout; other libraries' loggers stay at their quiet defaults."""
    progress = logging.getLogger("vnnews")
    for stale in [h for h in progress.handlers if h.get_name() == _CONSOLE]:  # bound to an earlier sys.stdout
        progress.removeHandler(stale)
    handler = logging.StreamHandler(sys.stdout)
    handler.set_name(_CONSOLE)
    handler.setFormatter(logging.Formatter("%(message)s"))
    handler.setLevel(logging.INFO)
    handler.addFilter(lambda record: record.name != details.name)  # tracebacks: the run log's alone
    progress.addHandler(handler)
    progress.setLevel(logging.DEBUG)
    progress.propagate = False


_CONSOLE = "vnnews-console"


def _run(args: argparse.Namespace) -> int:
    from flows.errors import new_run_folder, run_log
    from flows.pipeline import stages_between, with_runner
    from flows.summary import print_summary

    inputs = args.inputs or list(DEFAULTS.inputs)
    _check_inputs(inputs)
    stages_between(args.from_stage, args.to_stage)  # a ValueError here is a usage error
    with run_log(new_run_folder(Path(args.lake))) as log_path:
        try:
            reports = with_runner(args.runner, args.dask_address)(
                inputs=inputs,
                lake_dir=args.lake,
                warehouse=args.warehouse,
                from_stage=args.from_stage,
                to_stage=args.to_stage,
                reprocess=args.reprocess,
                wait_seconds=args.wait_seconds,
                wait_readers=args.wait_readers,
            )
        except Exception as error:
            return _run_failed(error, log_path, args.debug)
        print_summary(reports)
        print(f"run log: {log_path}")
    return EXIT_QUARANTINED if _has_rejects(reports) else EXIT_OK


def _check_inputs(inputs: list[str]) -> None:
    """A mistyped --input is the user's to fix, not a document to quarantine. (A check, not the
    discovery: the flow discovers the inputs once, for a deployment run too.)"""
    from transforms.ingest import unmatched_inputs

    if unmatched := unmatched_inputs(inputs):
        raise UsageError(f"--input {unmatched[0]}: no such file or folder, or no files in it")


def _run_failed(error: Exception, log_path: Path, debug: bool) -> int:
    """One line on stderr; the traceback (a worker's too) in the run log, and on stderr with --debug."""
    from flows.errors import ShardFailed
    from flows.lock import WarehouseBusy
    from transforms.warehouse import WarehouseInUse
    from flows.stages import StageFailed

    if isinstance(error, (WarehouseBusy, WarehouseInUse)):  # the stage outputs are kept: --from load
        print(f"vnnews run: {error}", file=sys.stderr)
        return EXIT_USAGE
    trace = "".join(traceback.format_exception(error))
    if isinstance(error, ShardFailed) and error.__cause__ is None:  # raised on a Dask worker
        trace += f"\nin the shard task:\n{error.trace}"
    details.error("run failed: %s\n%s", error, trace)
    if isinstance(error, StageFailed):  # the data failed a critical check: nothing was loaded
        print(f"vnnews run: {error}\nrun log: {log_path}", file=sys.stderr)
        return EXIT_QUARANTINED
    print(f"vnnews run: internal error: {error} (traceback in {log_path})", file=sys.stderr)
    if debug:
        print(trace, file=sys.stderr, end="")
    return EXIT_INTERNAL


def _has_rejects(reports: list[dict]) -> bool:
    """Documents went to quarantine (validate's are the rows it checked and did not pass).
    A failed warning that quarantines nothing is recorded in validation_results, not a reject."""
    return any(r.get("quarantined") or (r["stage"] == "validate" and r["rows_out"] < r["rows_in"]) for r in reports)


def _inspect(args: argparse.Namespace) -> int:
    from tools.inspect_files import inspect_files

    for record in inspect_files(args.files, DEFAULTS):
        print(json.dumps(record, ensure_ascii=False))
    return 0


def _eval(args: argparse.Namespace) -> int:
    from tools.inspect_files import inspect_files
    from tools.scoring import format_scores, score

    gold = [json.loads(line) for line in Path(args.gold).read_text(encoding="utf-8").splitlines() if line.strip()]
    print(format_scores(score(inspect_files(args.files, DEFAULTS), gold)))
    return 0


def _synth(args: argparse.Namespace) -> int:
    from tools.synth import write_corpus

    write_corpus(Path(args.out), args.docs, args.dup_rate, args.seed)
    print(f"wrote {args.docs} documents and their ground truth to {args.out}")
    return 0


def _serve(args: argparse.Namespace) -> int:
    from flows.deployment import serve

    serve(cron=args.cron, name=args.name, inputs=args.inputs, lake_dir=args.lake, warehouse=args.warehouse)
    return 0


def _report(args: argparse.Namespace) -> int:
    from tools.report import write_report

    print(f"report written to {write_report(Path(args.warehouse), Path(args.out))}")
    return 0


COMMANDS = {"run": _run, "sql": run_sql, "inspect": _inspect, "eval": _eval, "synth": _synth, "report": _report, "serve": _serve}
