"""Titles as written and complete (issue 16): the whole chain, each post whole, none in the name."""

from __future__ import annotations

import pytest

from transforms.text import match_key


def people(extraction: dict) -> dict[str, list[str]]:
    return {person["name"]: person["titles"] for person in extraction["people"]}


@pytest.mark.parametrize(
    ("sentence", "name", "title"),
    [
        ("Thủ tướng Chính phủ nước CHDCND Lào Phankham Viphavanh hội đàm.", "Phankham Viphavanh",
         "Thủ tướng Chính phủ nước CHDCND Lào"),
        ("Chủ tịch nước Cộng hòa Cuba Miguel Díaz-Canel Bermúdez phát biểu.", "Miguel Díaz-Canel Bermúdez",
         "Chủ tịch nước Cộng hòa Cuba"),
        ("Tổng thống Cộng hoà Philippines Rodrigo Roa Duterte phát biểu.", "Rodrigo Roa Duterte",
         "Tổng thống Cộng hoà Philippines"),
        ("Tổng thống Hợp chủng quốc Hoa Kỳ Donald Trump phát biểu.", "Donald Trump", "Tổng thống Hợp chủng quốc Hoa Kỳ"),
    ],
)
def test_a_state_form_before_the_country_belongs_to_the_title(extract, sentence, name, title):
    found = extract(sentence)
    assert people(found) == {name: [title]}
    assert found["countries"]  # the country is still the country


def test_a_state_word_alone_is_no_country(extract):
    found = extract("Quan hệ giữa hai nước ngày càng phát triển.")
    assert found["countries"] == [] and found["people"] == []


def test_a_chamber_of_a_country_written_as_prose_is_named_by_the_country(extract):
    found = extract("Chủ tịch Quốc hội nước CHDCND Lào Xaysomphone Phomvihane hội đàm.")
    assert people(found) == {"Xaysomphone Phomvihane": ["Chủ tịch Quốc hội nước CHDCND Lào"]}
    assert "Quốc hội Lào" in found["organizations"]


def test_head_of_a_board_written_small(extract):
    found = extract("Trưởng ban Đối ngoại Trung ương Lê Hoài Trung dự lễ.")
    assert people(found) == {"Lê Hoài Trung": ["Trưởng ban Đối ngoại Trung ương"]}
    assert [match_key(name) for name in found["organizations"]] == [match_key("Ban Đối ngoại Trung ương")]
    # "ban" is only a board's head after "Trưởng": elsewhere it is the common word
    assert extract("Ông Lê Văn Hùng cho biết ban Tổ chức đã chuẩn bị.")["organizations"] == []


def test_a_body_named_by_a_compound_is_not_cut(extract):
    found = extract("Ông Lê Trung Kiên, Trưởng Ban Quản lý Khu kinh tế Hải Phòng cho biết.")
    assert people(found) == {"Lê Trung Kiên": ["Trưởng Ban Quản lý Khu kinh tế Hải Phòng"]}
