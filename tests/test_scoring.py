"""The scorer's matching rules (GOLD-SCHEMA.md) and its counts."""

from __future__ import annotations

import pytest

from tools.scoring import format_scores, normalized, score, titles_match


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Hội đồng Hoà bình", "hội đồng hòa bình"),  # case and tone placement
        ("Uỷ viên Bộ Chính trị", "Ủy viên Bộ Chính trị"),
        ("Ðảng ủy Bộ Ngoại giao", "Đảng ủy Bộ Ngoại giao"),  # U+00D0 for Đ
        ("Toàn cảnh hội nghị.", "Toàn cảnh hội nghị"),  # sentence punctuation around an item
        ("Tô  Lâm", "Tô Lâm"),
    ],
)
def test_normalized_matching(first, second):
    assert normalized(first) == normalized(second)


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        ("Phó Thủ tướng", "Phó Thủ tướng Chính phủ", True),
        ("Phó Thủ tướng Chính phủ", "Phó Thủ tướng", True),
        ("Cục trưởng Cục Đối ngoại", "Cục trưởng Cục Đối ngoại, Bộ Công an", True),
        ("Phó thủ tướng", "PHÓ THỦ TƯỚNG", True),
        ("Thủ tướng", "Phó Thủ tướng", False),  # not a prefix
        ("Bộ trưởng", "Bộ trưởng Bộ Ngoại giao", True),
        ("Vụ trưởng Vụ A", "Vụ trưởng Vụ ASEAN", False),  # whole words, not characters
        ("Đại tướng", "Đại tá", False),
    ],
)
def test_titles_match_longer_or_shorter_forms(first, second, expected):
    assert titles_match(first, second) is expected


def gold_record(**fields) -> dict:
    return {"file": "a.txt", **fields}


def test_list_fields_count_each_item_once():
    predicted = [gold_record(organizations=["Bộ Ngoại giao", "bộ ngoại giao", "ASEAN", "Chính phủ"])]
    expected = [gold_record(organizations=["Bộ Ngoại giao", "ASEAN", "Bộ Công an"])]
    rates = score(predicted, expected, fields=("organizations",))["fields"]["organizations"]
    assert (rates["tp"], rates["fp"], rates["fn"]) == (2, 2, 1)
    assert rates["precision"] == pytest.approx(0.5)
    assert rates["recall"] == pytest.approx(2 / 3)
    assert rates["f1"] == pytest.approx(2 * 0.5 * (2 / 3) / (0.5 + 2 / 3))


def test_people_are_scored_by_name_and_titles_by_pairs():
    predicted = [gold_record(people=[
        {"name": "Phạm Bình Minh", "titles": ["Phó Thủ tướng", "Bộ trưởng Bộ Ngoại giao", "Trưởng Ban"]},
        {"name": "Nguyễn Văn A", "titles": ["Đại sứ"]},
    ])]
    expected = [gold_record(people=[
        {"name": "Phạm Bình Minh", "titles": ["Phó Thủ tướng Chính phủ", "Bộ trưởng Bộ Ngoại giao", "Trưởng Ban Chỉ đạo"]},
        {"name": "Nguyễn Minh Vũ", "titles": ["Thứ trưởng Bộ Ngoại giao"]},
    ])]
    fields = score(predicted, expected, fields=("people", "person_titles"))["fields"]
    assert (fields["people"]["tp"], fields["people"]["fp"], fields["people"]["fn"]) == (1, 1, 1)
    titles = fields["person_titles"]
    assert (titles["tp"], titles["fp"], titles["fn"]) == (3, 1, 1)


def test_an_exact_title_is_matched_before_a_prefix_one():
    predicted = [gold_record(people=[{"name": "X Y", "titles": ["Phó Thủ tướng Chính phủ", "Phó Thủ tướng"]}])]
    expected = [gold_record(people=[{"name": "X Y", "titles": ["Phó Thủ tướng", "Phó Thủ tướng Chính phủ"]}])]
    titles = score(predicted, expected, fields=("person_titles",))["fields"]["person_titles"]
    assert (titles["tp"], titles["fp"], titles["fn"]) == (2, 0, 0)


def test_scalar_fields_treat_null_properly():
    predicted = [
        {"file": "a", "event_date": "2020-12-24"},
        {"file": "b", "event_date": None},
        {"file": "c", "event_date": "2021-01-01"},
        {"file": "d", "event_date": "--05-12"},
    ]
    expected = [
        {"file": "a", "event_date": "2020-12-24"},
        {"file": "b", "event_date": None},
        {"file": "c", "event_date": None},
        {"file": "d", "event_date": "2025-05-12"},
    ]
    result = score(predicted, expected, fields=("event_date",))
    rates = result["fields"]["event_date"]
    assert rates["accuracy"] == pytest.approx(0.5)
    assert (rates["tp"], rates["fp"], rates["fn"]) == (1, 2, 1)
    assert result["errors"]["d"]["event_date"] == {"expected": "2025-05-12", "predicted": "--05-12"}


def test_predictions_join_gold_by_file():
    expected = [gold_record(countries=["Việt Nam"]), {"file": "missing.txt", "countries": ["Lào"]}]
    predicted = [{"file": "other.txt", "countries": ["Lào"]}, gold_record(countries=["Viet Nam", "Việt Nam"])]
    rates = score(predicted, expected, fields=("countries",))["fields"]["countries"]
    assert (rates["tp"], rates["fp"], rates["fn"]) == (1, 1, 1)  # "other.txt" has no gold: ignored


def test_empty_fields_score_perfectly_and_format():
    result = score([gold_record(quotes=[], people=[])], [gold_record(quotes=[], title=None, people=[])])
    assert result["fields"]["quotes"]["f1"] == 1.0
    assert result["fields"]["title"]["accuracy"] == 1.0
    table = format_scores(result, "seeds")
    assert table.splitlines()[0] == "seeds"
    assert "person_titles" in table and "(1 documents)" in table


def test_fields_the_gold_does_not_annotate_are_not_scored():
    result = score([gold_record(author="X", quotes=["a"])], [gold_record(author="X")])
    assert set(result["fields"]) == {"author"}
