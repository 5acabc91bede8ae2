from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from flows import environment

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds" / "raw"

os.chdir(ROOT)
environment.configure(ROOT)


@pytest.fixture(scope="session")
def prefect_harness():
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield


@pytest.fixture()
def seed_inputs(tmp_path: Path) -> Path:
    """A private copy of the seed articles, so a test may add or change files."""
    folder = tmp_path / "inputs"
    shutil.copytree(SEEDS, folder)
    return folder
