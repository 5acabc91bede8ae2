"""The independent corpus (tools/independent_corpus.py): deterministic, valid input, honest truth."""

from __future__ import annotations

from pathlib import Path

import pytest

from tools.corpus_articles import EDITS
from tools.independent_corpus import write_corpus
from transforms.ingest import discover, read_documents


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> tuple[Path, dict]:
    folder = tmp_path_factory.mktemp("independent")
    return folder / "corpus", write_corpus(folder / "corpus", folder / "truth.json", docs=600, seed=3)


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


def test_same_seed_same_bytes_other_seed_other_corpus(corpus, tmp_path):
    folder, truth = corpus
    again = write_corpus(tmp_path / "again", tmp_path / "again.json", docs=600, seed=3)
    other = write_corpus(tmp_path / "other", tmp_path / "other.json", docs=600, seed=4)
    assert _snapshot(tmp_path / "again") == _snapshot(folder) and again == truth
    assert _snapshot(tmp_path / "other") != _snapshot(folder)


def test_every_input_unit_is_in_the_truth_and_ingest_reads_them_as_it_says(corpus):
    folder, truth = corpus
    documents, quarantine = read_documents(discover([str(folder)]))
    prefix = str(folder) + "/"
    read = {d["source_path"].removeprefix(prefix) for d in documents}
    rejected = {q["source_path"].removeprefix(prefix): q["reason"] for q in quarantine}
    assert read | set(rejected) == set(truth["units"]) and not read & set(rejected)
    for path, unit in truth["units"].items():
        if unit["kind"] == "english-only":
            assert rejected[path] == "not-vietnamese", path
        elif unit.get("expected_fate") == "quarantined":
            assert path in rejected, path
        else:
            assert path in read, f"{path} ({unit['kind']}) was rejected: {rejected.get(path)}"
    sizes = [unit["bytes"] for unit in truth["units"].values() if unit["kind"] in ("article", "copy")]
    assert min(sizes) >= 100 and max(sizes) <= 100_000


def test_copies_point_at_originals_and_the_found_label_follows_the_figures(corpus):
    _, truth = corpus
    units = truth["units"]
    copies = [unit for unit in units.values() if unit["kind"] == "copy"]
    assert {unit["edit"] for unit in copies} == set(EDITS)
    for unit in copies:
        original = units[unit["duplicate_of"]]
        assert original["kind"] != "copy" and unit["cluster"] == original["cluster"]
        if unit["edit"] in ("exact", "respaced", "retoned", "uppercased", "repunctuated"):
            assert unit["jaccard"] == 1.0 and unit["meant_to_be_found"] is True
    deleted = [unit for unit in copies if unit["edit"] == "syllables-25"]
    labels = [unit["meant_to_be_found"] for unit in deleted]
    assert True not in labels and labels.count(False) >= 0.8 * len(labels)  # the rest: borderline
