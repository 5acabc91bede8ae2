"""What the benchmarks share: the flow's shard layout and runner, and a loud output check.

A benchmark must time the code path the flow runs (flows/stages.py): the shard task bodies'
transform calls, on shards of ``Settings.shard_size`` documents, run concurrently on a thread
pool of one worker per core (the flow's ThreadPoolTaskRunner). Each benchmark then compares
what it computed with a reference computation of the same outputs and exits non-zero when they
differ, so a figure is never printed for output the flow would not produce.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

from transforms.settings import Settings

SHARD_SIZE = Settings.shard_size
WORKERS = os.cpu_count() or 2  # flows/pipeline.py: ThreadPoolTaskRunner(max_workers=os.cpu_count() or 2)

Item = TypeVar("Item")
Result = TypeVar("Result")


def shards_of(items: Sequence[Item], size: int = SHARD_SIZE) -> list[Sequence[Item]]:
    """Consecutive shards of ``size`` items, the last one shorter (flows/stages.py `_chunks`)."""
    return [items[start:start + size] for start in range(0, len(items), size)]


def run_concurrently(task: Callable[[Item], Result], shards: Sequence[Item], workers: int = WORKERS) -> list[Result]:
    """``task`` over every shard on ``workers`` threads, results in shard order."""
    with ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(task, shards))


def require_same(what: str, measured: list, reference: list, key: str = "doc_id") -> None:
    """Exit with status 1 and the first difference unless the two outputs are equal."""
    if measured == reference:
        print(f"check          {what}: identical to the reference computation ({len(reference)} rows)")
        return
    detail = f"{len(measured)} rows measured, {len(reference)} in the reference"
    for position, (mine, theirs) in enumerate(zip(measured, reference)):
        if mine != theirs:
            fields = sorted(k for k in set(mine) | set(theirs) if mine.get(k) != theirs.get(k)) if isinstance(mine, dict) else []
            detail += f"; first difference at row {position} ({key} {_key(mine, key)} vs {_key(theirs, key)}), fields {fields}"
            break
    sys.exit(f"FAILED: the benchmark's {what} differ from the reference computation: {detail}")


def _key(row: object, key: str) -> object:
    return row.get(key) if isinstance(row, dict) else row
