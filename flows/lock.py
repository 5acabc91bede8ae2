"""One run at a time per warehouse: DuckDB allows a single writer, and two interleaved runs
would also overwrite each other's lake outputs."""

from __future__ import annotations

import fcntl
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


class WarehouseBusy(RuntimeError):
    pass


@contextmanager
def warehouse_lock(warehouse: Path, wait_seconds: float = 0.0, poll_seconds: float = 0.5) -> Iterator[None]:
    """Hold ``<warehouse>.lock`` for the duration; wait up to ``wait_seconds`` for another run."""
    path = Path(f"{warehouse}.lock")
    path.parent.mkdir(parents=True, exist_ok=True)
    deadline = time.monotonic() + wait_seconds
    with path.open("a+") as handle:
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    handle.seek(0)
                    holder = handle.read().strip() or "another process"
                    raise WarehouseBusy(
                        f"another vnnews run ({holder}) is using {warehouse}; "
                        "wait for it to finish or pass --wait SECONDS"
                    ) from None
                time.sleep(poll_seconds)
        handle.seek(0)
        handle.truncate()
        handle.write(f"pid {os.getpid()}")
        handle.flush()
        try:
            yield
        finally:
            handle.seek(0)
            handle.truncate()
            fcntl.flock(handle, fcntl.LOCK_UN)
