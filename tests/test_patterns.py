"""The shared patterns of transforms/patterns.py, each on what it must and must not match."""

from __future__ import annotations

import pytest

from transforms import patterns


@pytest.mark.parametrize("text", ["Baohatinh.vn", "VOV.VN", "vietnamplus.vn", "dantri.com.vn", "tuoi-tre.com"])
def test_a_domain_is_a_whole_outlet_name(text):
    assert patterns.DOMAIN.match(text)


@pytest.mark.parametrize("text", ["Báo Hà Tĩnh", "TTXVN", "vietnam.info", "xem baohatinh.vn", ".vn"])
def test_a_domain_is_nothing_else(text):
    assert not patterns.DOMAIN.match(text)


def test_a_domain_ending_is_a_name_ending_as_a_domain():
    assert patterns.DOMAIN_ENDING.search("Báo điện tử Dân trí - dantri.com.vn")
    assert patterns.DOMAIN_ENDING.search("vietnam.info")
    assert not patterns.DOMAIN_ENDING.search("Chinhphu.vn - Cổng thông tin")


@pytest.mark.parametrize(("credit", "parts"), [
    ("Thống Nhất – TTXVN", ["Thống Nhất", "TTXVN"]),
    ("Mạnh Hùng–TTXVN", ["Mạnh Hùng", "TTXVN"]),
    ("VGP/Nhật Bắc", ["VGP", "Nhật Bắc"]),
    ("Quang Hòa và Thành Chung; Reuters", ["Quang Hòa", "Thành Chung", "Reuters"]),
    ("VOV-Tây Bắc", ["VOV-Tây Bắc"]),
    ("Hoàng Văn & Lê Bá", ["Hoàng Văn & Lê Bá"]),
])
def test_credit_separators(credit, parts):
    assert patterns.CREDIT_SEPARATORS.split(credit) == parts


@pytest.mark.parametrize(("credit", "parts"), [
    ("Hoàng Văn & Lê Bá", ["Hoàng Văn", "Lê Bá"]),
    ("Thống Nhất – TTXVN", ["Thống Nhất", "TTXVN"]),
    ("Mạnh Hùng–TTXVN", ["Mạnh Hùng–TTXVN"]),
    ("Quang Hòa và Thành Chung", ["Quang Hòa và Thành Chung"]),
])
def test_photo_credit_separators(credit, parts):
    assert patterns.PHOTO_CREDIT_SEPARATORS.split(credit) == parts


@pytest.mark.parametrize(("lead", "outlet"), [
    ("(Baohatinh.vn) - Sáng 15/9, tỉnh Hà Tĩnh ...", "Baohatinh.vn"),
    ("TTO - Chiều 3/2, ...", "TTO"),
    ("VOV.VN - Tối qua, ...", "VOV.VN"),
])
def test_the_lead_credit_names_its_outlet(lead, outlet):
    assert patterns.LEAD_CREDIT.match(lead).group(1) == outlet


def test_a_lead_without_a_credit():
    assert patterns.LEAD_CREDIT.match("Chiều 15-9, Tổng Bí thư Tô Lâm làm việc với Bộ Ngoại giao.") is None
    assert patterns.LEAD_CREDIT_TAG.match("Chiều 15-9, Tổng Bí thư Tô Lâm làm việc.") is None


@pytest.mark.parametrize(("lead", "rest"), [
    ("(Baohatinh.vn) - Sáng 15/9, ...", "Sáng 15/9, ..."),
    ("TGVN. Ngày 12/5, ...", "Ngày 12/5, ..."),
    ("Vietnam+ – Hôm qua, ...", "Hôm qua, ..."),
])
def test_the_lead_credit_tag_ends_where_the_sentence_starts(lead, rest):
    assert lead[patterns.LEAD_CREDIT_TAG.match(lead).end():] == rest


@pytest.mark.parametrize(("lead", "tag"), [
    ("(Dân trí) - Sáng 15/9, ...", "Dân trí"), ("TTO - Chiều 3/2, ...", "TTO"), ("TGVN. Ngày 12/5, ...", "TGVN"),
    ("VOV.VN — Tối qua, ...", "VOV.VN"),
])
def test_the_outlet_prefix_the_cleaner_moves(lead, tag):
    found = patterns.OUTLET_PREFIX.match(lead)
    assert (found["paren"] or found["bare"]) == tag


@pytest.mark.parametrize("lead", ["tto - chiều 3/2", "Hà Nội - Sáng 15/9", "(Dân trí) -", "Ông Tô Lâm. Sau đó"])
def test_not_an_outlet_prefix(lead):
    assert patterns.OUTLET_PREFIX.match(lead) is None


@pytest.mark.parametrize("name", ["Tô Lâm", "Jaishankar", "Cho Tae-yul", "Đặng Thị Ngọc Thịnh", "Ánh Viên"])
def test_person_names(name):
    assert patterns.PERSON_NAME.match(name)


@pytest.mark.parametrize("name", ["tô Lâm", "Tô Lâm, Bí thư", "A B C D E F G", "Nguyễn (TTXVN)", ""])
def test_not_person_names(name):
    assert not patterns.PERSON_NAME.match(name)


def test_title_words_in_either_case_and_tone_placement():
    assert patterns.TITLE_WORD.search("Bộ trưởng Bùi Thanh Sơn")
    assert patterns.TITLE_WORD.search("nguyên uỷ viên Bộ Chính trị")
    assert not patterns.TITLE_WORD.search("Phạm Minh Chính")


def test_full_dates():
    found = patterns.FULL_DATE.search("kỷ niệm 80 năm (2/9/1945 - 2/9/2025)")
    assert (found["day"], found["month"], found["year"]) == ("2", "9", "1945")
    assert patterns.FULL_DATE.search("ngày 30.4.1975")["year"] == "1975"
    assert not patterns.FULL_DATE.search("Nghị định 18/2022/NĐ-CP")
    assert not patterns.FULL_DATE.search("ngày 15/12")


@pytest.mark.parametrize(("value", "valid"), [
    ("2025-09-15", True), ("--09-15", True), ("2025-09", True), ("15/9/2025", False), ("2025-9-15", False),
])
def test_event_date_values(value, valid):
    assert bool(patterns.EVENT_DATE_VALUE.match(value)) is valid
