"""The analyst's extractors (issue 14) on constructions written for the test: stated meetings,
quote speakers, people's countries, the event type. Unit cases, not an evaluation."""

from __future__ import annotations

import pytest

from transforms.extract import Gazetteer, extract_documents
from transforms.extract.event_type import event_type
from transforms.reference import load_reference
from transforms.settings import Settings


@pytest.fixture(scope="module")
def extract():
    gazetteer = Gazetteer.from_reference(load_reference(Settings().reference_dir))

    def run(body: str, title: str | None = None) -> dict:
        return extract_documents([{"doc_id": "d", "body": body, "title": title}], gazetteer)[0]

    return run


def pairs(extraction: dict) -> set[tuple[str, str, str]]:
    return {(m["a"], m["b"], m["kind"]) for m in extraction["meetings"]}


def test_host_receives_guest(extract):
    found = extract("Ngày 3/4, Phó Thủ tướng, Bộ trưởng Ngoại giao Phạm Bình Minh đã tiếp Đại sứ Nhật Bản Yamada Takio.")
    assert pairs(found) == {("Phạm Bình Minh", "Yamada Takio", "tiếp")}


def test_talks_and_calls_with_a_counterpart(extract):
    found = extract("Thủ tướng Phạm Minh Chính đã hội đàm với Thủ tướng Nhật Bản Kishida Fumio.\n"
                    "Bộ trưởng Ngoại giao Bùi Thanh Sơn điện đàm với Ngoại trưởng Mỹ Antony Blinken.")
    assert pairs(found) == {("Phạm Minh Chính", "Kishida Fumio", "hội đàm"), ("Bùi Thanh Sơn", "Antony Blinken", "điện đàm")}


def test_a_courtesy_call_has_the_host_first(extract):
    found = extract("Đại sứ Hàn Quốc Park Noh-wan đã chào xã giao Chủ tịch nước Võ Văn Thưởng.")
    assert pairs(found) == {("Võ Văn Thưởng", "Park Noh-wan", "tiếp")}


def test_passive_reception(extract):
    found = extract("Đại sứ Hàn Quốc Park Noh-wan được Chủ tịch nước Võ Văn Thưởng tiếp tại Phủ Chủ tịch.")
    assert pairs(found) == {("Võ Văn Thưởng", "Park Noh-wan", "tiếp")}


def test_two_subjects_hold_talks(extract):
    found = extract("Chủ tịch nước Lương Cường và Tổng thống Indonesia Prabowo Subianto đã hội đàm tại Jakarta.")
    assert pairs(found) == {("Lương Cường", "Prabowo Subianto", "hội đàm")}


def test_a_counterpart_named_by_title_only_is_the_person_named_before(extract):
    found = extract("Đại sứ Nhật Bản Yamada Takio thăm Hà Tĩnh.\nBí thư Tỉnh ủy Hoàng Trung Dũng đã tiếp Đại sứ.")
    assert ("Hoàng Trung Dũng", "Yamada Takio", "tiếp") in pairs(found)


def test_a_reception_of_unnamed_ambassadors_gives_no_pair(extract):
    found = extract("Chủ tịch nước Võ Văn Thưởng đã tiếp các Đại sứ đến trình Quốc thư.")
    assert pairs(found) == set()


def test_co_presence_is_no_meeting(extract):
    found = extract("Chủ tịch nước Võ Văn Thưởng phát biểu. Cùng dự có Bộ trưởng Ngoại giao Bùi Thanh Sơn.")
    assert pairs(found) == set()


def test_quotes_get_the_speaker_the_text_attributes(extract):
    found = extract("Thủ tướng Phạm Minh Chính nhấn mạnh: “đoàn kết là sức mạnh”.\n"
                    "“Chúng tôi luôn ủng hộ”, Đại sứ Nhật Bản Yamada Takio nói.\n"
                    "Hội nghị có chủ đề “Ngoại giao tiên phong”.")
    speakers = {q["quote"]: q["speaker"] for q in found["quote_speakers"]}
    assert speakers == {"đoàn kết là sức mạnh": "Phạm Minh Chính", "Chúng tôi luôn ủng hộ": "Yamada Takio",
                        "Ngoại giao tiên phong": None}


def test_people_get_the_country_their_titles_state(extract):
    found = extract("Bộ trưởng Ngoại giao Bùi Thanh Sơn tiếp Đại sứ Nhật Bản tại Việt Nam Yamada Takio "
                    "và Ngoại trưởng Mỹ Antony Blinken.")
    countries = {p["name"]: p["country"] for p in found["person_countries"]}
    assert countries["Bùi Thanh Sơn"] == "Việt Nam"
    assert countries["Yamada Takio"] == "Nhật Bản"
    assert countries["Antony Blinken"] == "Hoa Kỳ"


@pytest.mark.parametrize("headline, kind", [
    ("Thủ tướng hội đàm với Thủ tướng Lào", "talks"),
    ("Bộ trưởng Ngoại giao điện đàm với Ngoại trưởng Mỹ", "phone_call"),
    ("Chủ tịch nước tiếp Đại sứ Cuba", "reception"),
    ("Đại sứ trình Quốc thư lên Tổng thống", "credentials"),
    ("Thủ tướng tiếp tục chuyến thăm chính thức Nhật Bản", "visit"),
    ("Khai mạc Hội nghị Ngoại giao lần thứ 32", "conference"),
])
def test_event_type_from_the_first_cue_of_the_headline(headline, kind):
    assert event_type(headline, None) == kind


def test_no_cue_no_event_type():
    assert event_type("Thời tiết Hà Nội hôm nay", "Trời nắng.") is None


def test_who_met_whom_counts_stories_not_copies(tmp_path):
    import duckdb
    from test_report import build_warehouse  # the report's fixture warehouse: a1 and a2 are one story

    with duckdb.connect(str(build_warehouse(tmp_path / "news.duckdb"))) as con:
        rows = con.execute("SELECT person_a, person_b, kind, story_id, articles FROM who_met_whom "
                           "WHERE story_id = 's-japan'").fetchall()
        timeline = con.execute("SELECT count(*) FROM meetings_timeline WHERE doc_id IN ('a1', 'a2')").fetchone()[0]
    assert rows == [("Phạm Minh Chính", "Kishida Fumio", "gặp", "s-japan", 2)]
    assert timeline == 2  # the timeline keeps each article's statement


def test_the_seeds_score_one_on_the_analyst_keys():
    """Issue 14's bar on the seeds, against the shared gold (outside the repository)."""
    import json
    from pathlib import Path

    from tools.inspect_files import inspect_files
    from tools.scoring import score

    root = Path(__file__).resolve().parents[1]
    gold_path = root.parent / "shared" / "seeds-gold-v2.jsonl"
    if not gold_path.exists():
        pytest.skip(f"SKIPPED: no shared seeds gold at {gold_path} (it lives beside the checkout)")
    gold = [json.loads(line) for line in gold_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    predictions = inspect_files(sorted(str(p) for p in (root / "seeds" / "raw").glob("*.txt")), Settings())
    fields = score(predictions, gold, fields=("meetings", "event_type", "quote_speakers", "people_country"))["fields"]
    assert fields["meetings"]["f1"] == 1.0
    assert all(fields[name]["accuracy"] == 1.0 for name in ("event_type", "quote_speakers", "people_country"))


def test_a_foreign_name_without_a_stated_country_takes_the_articles_one_partner(extract):
    found = extract("Ngoại trưởng Antony Blinken cảm ơn Việt Nam. Quan hệ Việt Nam - Hoa Kỳ phát triển tốt.")
    assert {p["name"]: p["country"] for p in found["person_countries"]}["Antony Blinken"] == "Hoa Kỳ"
    two = extract("Ngoại trưởng Antony Blinken nói về Nhật Bản và Hàn Quốc.")
    assert {p["name"]: p["country"] for p in two["person_countries"]}.get("Antony Blinken") is None


def test_a_list_of_counterparts_closed_by_va_each_meets_the_subject(extract):
    found = extract("Bộ trưởng Ngoại giao Bùi Thanh Sơn đã điện đàm với Ngoại trưởng Australia Penny Wong, "
                    "Ngoại trưởng Malaysia Mohamad Hasan và Ngoại trưởng Philippines Enrique Manalo.")
    assert pairs(found) == {("Bùi Thanh Sơn", name, "điện đàm") for name in ("Penny Wong", "Mohamad Hasan", "Enrique Manalo")}
