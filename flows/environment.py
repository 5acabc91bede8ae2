"""Process settings that keep every run offline and quiet. Applied before Prefect or GX are
imported, because both read their settings at import time."""

from __future__ import annotations

import os
from pathlib import Path

QUIET_OFFLINE = {
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "DO_NOT_TRACK": "1",
    "PREFECT_LOGGING_LEVEL": "WARNING",
    "PREFECT_SERVER_LOGGING_LEVEL": "WARNING",
    "PREFECT_LOGGING_TO_API_WHEN_MISSING_FLOW": "ignore",
    "PREFECT_UI_ENABLED": "false",
    "GX_ANALYTICS_ENABLED": "false",
    "HF_HUB_OFFLINE": "1",
}


def configure(project_dir: Path | None = None) -> None:
    """Set quiet, offline defaults; an explicit environment variable always wins."""
    os.environ.setdefault("PREFECT_HOME", str((project_dir or Path.cwd()) / ".prefect"))
    for name, value in QUIET_OFFLINE.items():
        os.environ.setdefault(name, value)
