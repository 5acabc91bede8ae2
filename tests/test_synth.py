import json
from collections import Counter

from tools.synth import EDIT_TYPES, generate_corpus, write_corpus


def test_same_seed_same_corpus_other_seed_other_corpus():
    assert generate_corpus(200, 0.3, seed=4) == generate_corpus(200, 0.3, seed=4)
    assert generate_corpus(200, 0.3, seed=4)[0] != generate_corpus(200, 0.3, seed=5)[0]


def test_dup_rate_is_respected_and_edits_are_spread_evenly():
    documents, truth = generate_corpus(900, dup_rate=0.3, seed=1)
    assert len(documents) == len(truth) == 900
    edits = Counter(record["edit"] for record in truth.values())
    assert sum(count for edit, count in edits.items() if edit) == 270
    assert {edit for edit in edits if edit} == set(EDIT_TYPES)
    assert max(edits[e] for e in EDIT_TYPES) - min(edits[e] for e in EDIT_TYPES) <= 1
    assert generate_corpus(50, dup_rate=0.0, seed=1)[1].keys() == {d["file_name"] for d in generate_corpus(50, 0.0, 1)[0]}


def test_truth_is_consistent_with_the_texts():
    documents, truth = generate_corpus(400, dup_rate=0.4, seed=2)
    texts = {d["file_name"]: d["text"] for d in documents}
    assert len(set(texts)) == 400
    for name, record in truth.items():
        assert record["file"] == name
        if record["edit"] is None:
            assert record["duplicate_of"] is None
            assert record["people"], name
        else:
            original = truth[record["duplicate_of"]]
            assert original["edit"] is None and original["cluster"] == record["cluster"]
        if record["edit"] in (None, "new-intro", "added-chrome"):
            text = texts[name]
            for person in record["people"]:
                assert person["name"] in text and person["titles"]
            assert record["event_date_text"] is None or record["event_date_text"] in text
            assert record["location"] is None or record["location"] in text
            for value in record["organizations"] + record["countries"] + record["captions"]:
                assert value in text
            for quote in record["quotes"]:
                assert f"“{quote}”" in text
            if record["published_date"]:
                assert record["published_date"][:4] in text or record["published_date"][8:] in text


def test_exact_copies_differ_in_bytes_but_not_in_matching_key():
    from transforms.text import match_key

    documents, truth = generate_corpus(300, dup_rate=0.3, seed=3)
    texts = {d["file_name"]: d["text"] for d in documents}
    exact = [name for name, record in truth.items() if record["edit"] == "exact"]
    assert exact
    for name in exact:
        original = texts[truth[name]["duplicate_of"]]
        assert texts[name] != original and match_key(texts[name]) == match_key(original)


def test_write_corpus_writes_docs_and_truth(tmp_path):
    out = write_corpus(tmp_path / "corpus", n_docs=60, dup_rate=0.25, seed=9)
    files = sorted(p.name for p in (out / "docs").glob("*.txt"))
    lines = [json.loads(line) for line in (out / "truth.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(files) == 60 and sorted(line["file"] for line in lines) == files
    documents, truth = generate_corpus(60, 0.25, 9)
    for document in documents:
        written = (out / "docs" / document["file_name"]).read_bytes().decode("utf-8")
        assert written == document["text"]
    assert {line["file"]: line for line in lines} == truth
