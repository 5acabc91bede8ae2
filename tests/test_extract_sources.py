"""Credited sources in the forms outlets use, and the canonical outlet of each (issue 16)."""

from __future__ import annotations

import pytest

from transforms.extract import extraction_tables


def test_spellings_and_domains_of_one_outlet_are_one_outlet(gazetteer):
    assert {gazetteer.agency(name).name for name in ("vov.vn", "www.vov.vn", "VOV.VN", "VOV", "Đài Tiếng nói Việt Nam")} == {"VOV"}
    assert gazetteer.agency("TG&VN").name == "TGVN"
    assert gazetteer.agency("example.vn") is None


def test_abbreviation_that_lost_a_letter_is_reported_as_its_outlet(extract):
    found = extract("Hai bên hội đàm.", captions=[{"text": "Lễ đón.", "credit": "Dương Giang/TXVN"}])
    assert found["sources"] == ["TTXVN"]


def test_agency_closed_up_to_the_photographer(extract):
    found = extract("Hai bên hội đàm.", captions=[{"text": "Lễ đón.", "credit": "Dương Giang-TTXVN"}])
    assert found["sources"] == ["TTXVN"]
    # a hyphen inside an outlet's own name is no separator, and a name's last word no outlet
    assert extract("Hai bên.", captions=[{"text": "Lễ.", "credit": "Nguyễn Hồng-Hà"}])["sources"] == []


@pytest.mark.parametrize(
    ("sentence", "outlet"),
    [
        ("Theo đặc phái viên TTXVN, hai bên đã ký kết.", "TTXVN"),
        ("Theo ghi nhận của Báo Người Lao Động, lễ đón diễn ra sớm.", "Báo Người Lao Động"),
        ("Trao đổi với Tuổi Trẻ sáng nay, Đại sứ cho biết.", "Tuổi Trẻ"),
        ("Ông dành cho TG&VN những chia sẻ thú vị.", "TG&VN"),
        ("* Tuổi Trẻ Online tiếp tục cập nhật nội dung hội đàm.", "Tuổi Trẻ Online"),
    ],
)
def test_outlet_the_sentence_credits(extract, sentence, outlet):
    assert extract(sentence)["sources"] == [outlet]


def test_outlet_named_without_a_credit_is_no_source(extract):
    assert extract("Lãnh đạo Báo Tuổi Trẻ dự lễ kỷ niệm.")["sources"] == []


def test_closing_line_and_headline_tail_name_the_outlet(extract):
    assert extract("Hai bên hội đàm.\nBTNO")["sources"] == ["BTNO"]
    assert extract("Hai bên hội đàm.", title="Khai trương lãnh sự quán (Dân Trí)")["sources"] == ["Dân Trí"]
    removed = [{"line": "Chia sẻ", "rule": "chrome:share", "position": 9}, {"line": "vnews", "rule": "chrome:tail", "position": 5}]
    assert extract("Hai bên hội đàm.", removed_lines=removed)["sources"] == ["vnews"]


def test_masthead_and_footer_address_are_the_site_not_a_credit(extract):
    removed = [{"line": "SGGP", "rule": "chrome:header", "position": 0},
               {"line": "Nhandan.vn", "rule": "chrome:tail", "position": 20}]
    assert extract("Hai bên hội đàm.", removed_lines=removed)["sources"] == []


def test_sources_table_keeps_the_spelling_and_its_outlet(extract):
    found = extract("(VOV.VN) - Hai bên hội đàm. Theo Thông tấn xã Việt Nam, hai bên nhất trí.",
                    captions=[{"text": "Lễ đón.", "credit": "XYZ.vn"}])
    rows = extraction_tables([found])["sources"].to_pylist()
    assert [(row["source"], row["outlet"]) for row in rows] == [
        ("VOV.VN", "VOV"), ("XYZ.vn", "XYZ.vn"), ("Thông tấn xã Việt Nam", "TTXVN")]
