"""The line-level cleaning score reads each line's fate from the cleaner's own provenance."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from tools.blind_set import line_hash, problems, text_lines
from tools.eval_cleaning import line_fates, outcome, score, summary

EXCERPT = "\n".join([
    "Thủ tướng tiếp Đại sứ Nhật Bản",
    "TIN LIÊN QUAN",
    "Chiều 5/3, tại Trụ sở Chính phủ, Thủ tướng Phạm Minh Chính tiếp Đại sứ Nhật Bản Ito Naoki.",
    "",
    "Hai bên nhất trí thúc đẩy hợp tác kinh tế, đầu tư và giao lưu nhân dân.",
    "Thủ tướng Phạm Minh Chính tiếp Đại sứ Ito Naoki. Ảnh: Dương Giang/TTXVN",
])
LABELS = ["title", "chrome:related", "article", "blank", "article", "caption"]


def write_set(folder: Path, text: str = EXCERPT) -> list[dict]:
    (folder / "raw").mkdir(parents=True)
    (folder / "raw" / "X01.txt").write_text(text, encoding="utf-8")
    lines = [[n, label, line_hash(line)] for n, (label, line) in enumerate(zip(LABELS, text_lines(EXCERPT)))]
    annotation = {"file": "X01.txt", "text_sha256": hashlib.sha256(EXCERPT.encode()).hexdigest(), "lines": lines}
    (folder / "annotations.jsonl").write_text(json.dumps(annotation, ensure_ascii=False) + "\n", encoding="utf-8")
    return [annotation]


def test_every_annotated_line_is_scored_from_the_cleaners_provenance(tmp_path):
    annotations = write_set(tmp_path)
    fates, skipped = line_fates(annotations, tmp_path)
    assert skipped == [] and set(fates) == {"X01.txt"}
    counts, misses = score(annotations, fates)
    assert sum(sum(c.values()) for c in counts.values()) == len(LABELS)
    assert summary(counts)["caption_recall"] == ("1/1 = 1.0000" if fates["X01.txt"].get(5, "").startswith("caption") else "0/1 = 0.0000")
    assert all(miss.startswith("X01.txt:") for miss in misses)


def test_a_differing_recollection_is_skipped_not_scored(tmp_path):
    annotations = write_set(tmp_path, EXCERPT.replace("Ito", "Itō"))
    assert problems(annotations[0], tmp_path / "raw" / "X01.txt")
    fates, skipped = line_fates(annotations, tmp_path)
    assert skipped == ["X01.txt"] and fates == {}


def test_outcomes():
    assert outcome("chrome:tags", "chrome:tags") == "hit" and outcome("chrome:tags", None) == "miss"
    assert outcome("article", None) == "hit" and outcome("article", "chrome:related") == "miss"
    assert outcome("title", "title") == "hit" and outcome("article", "title") == "miss"
    assert outcome("caption", "caption:credit") == "hit" and outcome("caption", None) == "miss"
    assert outcome("blank", None) == "ignored"


def test_halves_keep_each_outlet_and_each_same_event_group_on_one_side():
    from tools.blind_set import halves, outlet_name

    annotations = [
        {"file": f"F{n:02d}.txt", "outlet": outlet, "same_event_group": group}
        for n, (outlet, group) in enumerate([
            ("baodantoc.com.vn", None), ("baodantoc.vn", None), ("a.vn", "g1"), ("b.com", "g1"),
            ("b.com", None), ("c.gov.vn", None), ("d.org.vn", "g2"), ("e.vn", "g2"), ("f.net", None), ("g.vn", None),
        ])
    ]
    split = halves(annotations)
    side = {}
    for annotation in annotations:
        for unit in (outlet_name(annotation["outlet"]), annotation["same_event_group"]):
            if unit:
                assert side.setdefault(unit, split[annotation["file"]]) == split[annotation["file"]], unit
    assert set(split.values()) == {"dev", "test"}
    assert outlet_name("www.baodantoc.com.vn") == outlet_name("baodantoc.vn") == "baodantoc"
