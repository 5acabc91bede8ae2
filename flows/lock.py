"""One run at a time per warehouse (DuckDB allows a single writer); any number of runs per lake
(their stage outputs are content-addressed, see flows/lake.py), which only a run that has the
lake to itself may tidy."""

from __future__ import annotations

import fcntl
import os
import time
from collections.abc import Callable, Iterator
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


@contextmanager
def lake_lock(lake_dir: Path, tidy: Callable[[], None]) -> Iterator[None]:
    """Share ``<lake>/.lock`` with other runs for the duration. First, if no other run is
    using the lake, hold it alone and ``tidy`` it: a killed run's temporary folders and old
    outputs may only be removed while nobody writes or reads them."""
    path = Path(lake_dir) / ".lock"
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a+") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            pass  # other runs are using the lake: the first run to start alone tidies it
        else:
            tidy()
        fcntl.flock(handle, fcntl.LOCK_SH)  # waits while another run tidies
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
