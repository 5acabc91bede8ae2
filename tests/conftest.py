from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from flows import environment

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds" / "raw"

os.chdir(ROOT)
environment.configure(ROOT)

# Property tests: `ci` (the default) is bounded and derandomized, so a CI failure reproduces;
# `pytest --hypothesis-profile=deep` runs many more random examples locally.
_SLOW_DATA = [HealthCheck.too_slow, HealthCheck.data_too_large]
settings.register_profile("ci", max_examples=60, derandomize=True, deadline=None,
                          suppress_health_check=_SLOW_DATA, print_blob=True)
settings.register_profile("deep", max_examples=2000, deadline=None, suppress_health_check=_SLOW_DATA)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


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


@pytest.fixture(scope="session")
def gazetteer():
    from transforms.extract import Gazetteer
    from transforms.reference import load_reference

    return Gazetteer.from_reference(load_reference(SEEDS.parent / "reference"))


@pytest.fixture()
def extract(gazetteer):
    """Extraction of one body (with any other cleaned-record fields), as the extract stage does it."""
    from transforms.extract import extract_documents

    def run(body: str, **record) -> dict:
        return extract_documents([{"doc_id": record.pop("doc_id", "d"), "body": body, **record}], gazetteer)[0]

    return run
