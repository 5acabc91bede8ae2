"""Process settings that keep every run offline and quiet. Applied before Prefect or GX are
imported, because both read their settings at import time."""

from __future__ import annotations

import os
from pathlib import Path

QUIET_OFFLINE = {
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "DO_NOT_TRACK": "1",
    "PREFECT_SERVER_LOGGING_LEVEL": "WARNING",
    "PREFECT_LOGGING_TO_API_WHEN_MISSING_FLOW": "ignore",
    "PREFECT_UI_ENABLED": "false",
    # the temporary server needs ~10 s on a fresh PREFECT_HOME, longer on a busy 2-core machine
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "120",
    # Dask's `distributed` logger is at INFO by default and Prefect's root handler prints it:
    # scheduler, nanny and worker chatter on every `--runner dask` run.
    "DASK_LOGGING__DISTRIBUTED": "warning",
    "GX_ANALYTICS_ENABLED": "false",
    "HF_HUB_OFFLINE": "1",
}


def configure(project_dir: Path | None = None, prefect_log_level: str = "WARNING") -> None:
    """Set quiet, offline defaults; an explicit environment variable always wins.

    The command line passes ``CRITICAL``: it reports a failed run in one clear message of its
    own, so Prefect's log of the same failure (with its traceback) would only be noise."""
    os.environ.setdefault("PREFECT_HOME", str((project_dir or Path.cwd()) / ".prefect"))
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", prefect_log_level)
    for name, value in QUIET_OFFLINE.items():
        os.environ.setdefault(name, value)
