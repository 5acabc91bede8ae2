"""The article's own timestamp when the cleaner found no publication date (issue 16)."""

from __future__ import annotations

from pathlib import Path

import pytest

from transforms.extract import Gazetteer, extract_documents
from transforms.extract.timestamps import article_timestamp, timestamp_date
from transforms.reference import load_reference

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(
    ("line", "day"),
    [
        ("Thứ hai, 22/05/2023 08:41", "2023-05-22"),
        ("21:21 14-04-2025 | :98", "2025-04-14"),
        ("PV| 22/12/2021 16:07", "2021-12-22"),
        ("Lê Đình Dũng | 13/10/2017, 19:54", "2017-10-13"),
        ("Chính trị 18-05-2022", "2022-05-18"),
        ("06-01-2024, 12:31 (GMT+7)", "2024-01-06"),
    ],
)
def test_timestamp_forms(line, day):
    assert timestamp_date(line) == day


@pytest.mark.parametrize(
    "line",
    [
        "Thứ ba, 18/05/2021",  # a page's clock
        "Tử vi thứ 3 ngày 3/3/2026 của 12 con giáp: Thìn tự tin, Ngọ nhiều thử thách",  # a headline
        "Ngày 2/9/1945, Chủ tịch Hồ Chí Minh đọc Tuyên ngôn độc lập",  # a date in the story
        "31/02/2024 10:00",  # no such day
    ],
)
def test_lines_that_are_no_timestamp(line):
    assert timestamp_date(line) is None


def test_only_the_article_head_is_read():
    removed = [{"line": f"Mục {n}", "rule": "chrome:menu", "position": n} for n in range(20)]
    late = [*removed, {"line": "Thứ hai, 22/05/2023 08:41", "rule": "chrome:tail", "position": 40}]
    assert article_timestamp([], late) is None
    early = [*removed, {"line": "Thứ hai, 22/05/2023 08:41", "rule": "chrome:timestamp", "position": 3}]
    assert article_timestamp([], early) == "2023-05-22"


def test_timestamp_dates_the_article_and_gives_the_event_its_year():
    gazetteer = Gazetteer.from_reference(load_reference(ROOT / "seeds/reference"))
    record = {"doc_id": "d", "body": "Chính trị 18-05-2022\nNgày 16/5, tại Viêng Chăn, hai bên hội đàm.",
              "removed_lines": []}
    found = extract_documents([record], gazetteer)[0]
    assert found["published_date"] == "2022-05-18"
    assert found["event_date"] == "2022-05-16"
    # the cleaner's date wins
    found = extract_documents([{**record, "published_date": "2022-05-17"}], gazetteer)[0]
    assert found["published_date"] == "2022-05-17"
