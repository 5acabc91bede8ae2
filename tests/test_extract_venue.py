"""The city and country of the main event's venue (issue 16: venue_city / venue_country)."""

from __future__ import annotations

from pathlib import Path

import pytest

from transforms.extract import Gazetteer, extract_documents, extraction_tables
from transforms.reference import load_reference

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.from_reference(load_reference(ROOT / "seeds/reference"))


def venue(gazetteer, body: str) -> tuple:
    found = extract_documents([{"doc_id": "d", "body": body}], gazetteer)[0]
    return found["venue_city"], found["venue_country"]


@pytest.mark.parametrize(
    ("body", "city", "country"),
    [
        ("Sáng 12/3, tại Phủ Chủ tịch, Chủ tịch nước tiếp Đại sứ Nhật Bản.", "Hà Nội", "Việt Nam"),
        ("Ngày 16/5, tại thủ đô Viêng Chăn, Chủ tịch Quốc hội hội kiến lãnh đạo Lào.", "Vientiane", "Lào"),
        ("Chiều 9/11, chuyên cơ đã đến Sân bay quốc tế Bắc Kinh, Trung Quốc.", "Bắc Kinh", "Trung Quốc"),
        ("Ngày 5/6, tại Kota Kinabalu, Malaysia, hai bộ trưởng hội đàm.", None, "Malaysia"),
        ("Sáng 3/4, tại Hải Phòng, Bí thư Thành ủy tiếp Đại sứ.", "Hải Phòng", "Việt Nam"),
    ],
)
def test_venue_city_and_country(gazetteer, body, city, country):
    assert venue(gazetteer, body) == (city, country)


def test_a_place_not_said_to_hold_the_event_is_no_venue(gazetteer):
    # the city the guest comes from, or is talked about, is not where the meeting is held
    assert venue(gazetteer, "Sáng 3/4, Thủ tướng tiếp Thị trưởng Tokyo, người vừa thăm Lào.") == (None, None)


def test_the_articles_table_carries_them(gazetteer):
    found = extract_documents([{"doc_id": "d", "body": "Sáng 12/3, tại Phủ Chủ tịch, hai bên hội đàm."}], gazetteer)
    row = extraction_tables(found)["articles_extracted"].to_pylist()[0]
    assert (row["location"], row["venue_city"], row["venue_country"]) == ("Phủ Chủ tịch", "Hà Nội", "Việt Nam")
