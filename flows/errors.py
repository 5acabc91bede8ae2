"""Errors a user can act on: exit codes, one-line messages that name where a run failed, the
run log that keeps the full tracebacks, and the guard that turns one bad document into a
quarantine row instead of a failed shard."""

from __future__ import annotations

import logging
import traceback
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

import duckdb

EXIT_OK = 0
EXIT_QUARANTINED = 1  # the run finished; some documents are in quarantine or failed validation
EXIT_USAGE = 2  # the command cannot run as given (argparse uses 2 too)
EXIT_INTERNAL = 3  # a bug or an environment failure; the run log has the traceback

RUN_LOG = "run.log"
# Tracebacks go to the run log only: the console shows what the `vnnews` logger prints at INFO.
details = logging.getLogger("vnnews.details")


class UsageError(Exception):
    """The command cannot run as given: a missing input, contradictory options."""


class ShardFailed(RuntimeError):
    """A shard task failed. Carries where (stage, shard, its inputs) and the traceback as text,
    because an exception pickled back from a Dask worker loses its own traceback."""

    def __init__(self, stage: str, shard: int, inputs: str, cause: str, trace: str, transient: bool = False):
        super().__init__(stage, shard, inputs, cause, trace, transient)
        self.stage, self.shard, self.inputs, self.cause, self.trace, self.transient = (
            stage, shard, inputs, cause, trace, transient,
        )

    def __str__(self) -> str:
        return f"{self.stage} failed on shard {self.shard} ({self.inputs}): {self.cause}"


class StageError(RuntimeError):
    """A stage failed outside its shards (its global step, or reading the lake)."""

    def __init__(self, stage: str, cause: str):
        super().__init__(stage, cause)
        self.stage, self.cause = stage, cause

    def __str__(self) -> str:
        return f"{self.stage} failed: {self.cause}"


def is_transient(error: BaseException) -> bool:
    """I/O trouble a retry may fix (locked warehouse, full disk, flaky share)."""
    if isinstance(error, ShardFailed):
        return error.transient
    return isinstance(error, (OSError, TimeoutError, duckdb.IOException))


def one_line(error: BaseException) -> str:
    """``Type: first line of the message``: what went wrong, without the traceback."""
    lines = str(error).strip().splitlines()
    return f"{type(error).__name__}: {lines[0]}" if lines else type(error).__name__


def describe_inputs(paths: Sequence[str], limit: int = 2) -> str:
    shown = ", ".join(str(p) for p in paths[:limit])
    more = len(paths) - limit
    return f"{shown} and {more} more" if more > 0 else shown or "no inputs"


@contextmanager
def shard_context(stage: str, shard: int, inputs: Sequence[str]) -> Iterator[None]:
    """Re-raise a shard's failure as ShardFailed naming the stage, the shard and its inputs."""
    try:
        yield
    except ShardFailed:
        raise
    except Exception as error:
        raise ShardFailed(stage, shard, describe_inputs(inputs), one_line(error), traceback.format_exc(),
                          transient=is_transient(error)) from error


def isolate_failures(stage: str, transform: Callable[[list[dict]], object], documents: list[dict]):
    """``transform(documents)``, with any document that makes it raise set aside.

    Returns (output, quarantine rows, tracebacks). The transform runs on the whole batch first
    (batch steps such as recurring-line detection see every document); only when that raises
    is each document tried alone, and the batch rerun without the ones that fail. I/O errors
    are raised as they are, for the task's retries. When every
    document of a batch fails, the fault is the code's, not the data's: the error is raised."""
    try:
        return transform(documents), [], []
    except Exception as batch_error:  # noqa: BLE001 — narrowed to the failing documents below
        if is_transient(batch_error):  # the shard task's retries are for this, not quarantine
            raise
        failing: list[tuple[dict, BaseException, str]] = []
        survivors = []
        for document in documents:
            try:
                transform([document])
                survivors.append(document)
            except Exception as error:  # noqa: BLE001 — one bad document must not stop the shard
                failing.append((document, error, traceback.format_exc()))
        if not survivors and len(documents) > 1:
            raise batch_error
    quarantine = [_quarantine_row(stage, document, error) for document, error, _ in failing]
    traces = [f"{stage}: document {document.get('doc_id')} ({document.get('source_path')}) set aside\n{trace}"
              for document, _, trace in failing]
    return transform(survivors), quarantine, traces


def _quarantine_row(stage: str, document: dict, error: BaseException) -> dict:
    return {
        "doc_id": document.get("doc_id"),
        "source_path": document.get("source_path"),
        "sha256": document.get("sha256"),
        "stage": stage,
        "reason": "processing-error",
        "detail": f"The {stage} step failed on this document ({one_line(error)}); the run log has the traceback.",
    }


def new_run_folder(lake_dir: Path) -> Path:
    """``<lake>/runs/<UTC timestamp>-<short id>/``: sorts by time, unique across runs."""
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    folder = Path(lake_dir) / "runs" / f"{stamp}-{uuid.uuid4().hex[:6]}"
    folder.mkdir(parents=True)
    return folder


@contextmanager
def run_log(folder: Path) -> Iterator[Path]:
    """Everything the `vnnews` loggers say during the run, tracebacks included, in
    ``<folder>/run.log``."""
    path = folder / RUN_LOG
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.setLevel(logging.DEBUG)
    logger = logging.getLogger("vnnews")
    logger.addHandler(handler)
    try:
        yield path
    finally:
        logger.removeHandler(handler)
        handler.close()
