"""Refactoring changes no output: every warehouse table, byte for byte, against stored digests.

The digests in ``tests/golden/digests.json`` were taken on the tree before the layout of
issue 15 moved every module. Two inputs: the seeds ``make run`` loads, and a 2,000-document
synthetic corpus (its own digest is stored too, so a change in the generator is told apart
from a change in the pipeline). A deliberate change of output regenerates the file with
``VNNEWS_UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_golden.py`` and says why in its commit.
"""

from __future__ import annotations

import hashlib
import contextlib
import json
import os
import shutil
from pathlib import Path

import pytest
from pipeline_helpers import contents, run

from tools.synth import write_corpus

pytestmark = pytest.mark.usefixtures("prefect_harness")

GOLDEN = Path(__file__).parent / "golden" / "digests.json"
SYNTHETIC_DOCS, SYNTHETIC_SEED = 2000, 11


def folder_digest(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            digest.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def warehouse_digests(inputs: Path, folder: Path) -> dict[str, list]:
    run(inputs, folder)
    return {table: list(row) for table, row in sorted(contents(folder / "news.duckdb").items())}


@pytest.fixture(scope="module")
def measured(tmp_path_factory, request) -> dict:
    """Inputs are read through relative paths from one working folder: a second copy of a text
    gets an id salted with its path (ingest's ``make_ids_unique``), which must not depend on
    where pytest puts its temporary folders."""
    work = tmp_path_factory.mktemp("golden")
    shutil.copytree(Path(request.config.rootpath) / "seeds" / "raw", work / "seeds")
    write_corpus(work / "corpus", SYNTHETIC_DOCS, dup_rate=0.3, seed=SYNTHETIC_SEED)
    with contextlib.chdir(work):
        return {
            "synthetic_corpus": folder_digest(Path("corpus/docs")),
            "seeds": warehouse_digests(Path("seeds"), work / "seeds-run"),
            "synthetic": warehouse_digests(Path("corpus/docs"), work / "synthetic-run"),
        }


def test_golden_digests(measured):
    if os.environ.get("VNNEWS_UPDATE_GOLDEN") == "1":
        GOLDEN.parent.mkdir(exist_ok=True)
        GOLDEN.write_text(json.dumps(measured, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    golden = json.loads(GOLDEN.read_text(encoding="utf-8"))
    assert measured["synthetic_corpus"] == golden["synthetic_corpus"], "the synthetic generator's output changed"
    for dataset in ("seeds", "synthetic"):
        changed = {
            table: (golden[dataset].get(table), digest)
            for table, digest in measured[dataset].items() if golden[dataset].get(table) != digest
        }
        missing = sorted(set(golden[dataset]) - set(measured[dataset]))
        assert not changed and not missing, f"{dataset}: tables changed {changed}, tables gone {missing}"
