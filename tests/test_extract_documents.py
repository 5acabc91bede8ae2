"""Document references as identities (issue 16): one key per document whatever its form."""

from __future__ import annotations

import pytest

from transforms.extract.references import document_references, referenced_documents


def identity(text: str) -> tuple[str, str]:
    [row] = referenced_documents(text)
    assert row["doc_ref"] in text and document_references(text) == [row["doc_ref"]]
    return row["document_key"], row["document"]


@pytest.mark.parametrize(
    "forms",
    [
        ("Theo Nghị quyết số 59-NQ/TW của Bộ Chính trị.", "Theo Nghị quyết 59 của Bộ Chính trị khóa XIII.",
         "Thực hiện Nghị quyết số 59-NQ/TW, các bộ đã hành động."),
        ("Tiến tới Đại hội Đảng toàn quốc lần thứ XIV.", "Tiến tới Đại hội XIV.", "Chào mừng Đại hội đại biểu toàn quốc lần thứ XIV của Đảng."),
        ("Theo Nghị định số 18/2022/NĐ-CP.", "Theo Nghị định 18/2022/NĐ-CP của Chính phủ."),
    ],
)
def test_forms_of_one_document_share_its_identity(forms):
    assert len({identity(text) for text in forms}) == 1


def test_different_documents_differ():
    assert identity("Theo Nghị định số 18/2022/NĐ-CP.") != identity("Theo Nghị định số 18/2023/NĐ-CP.")
    assert identity("Theo Nghị quyết số 59-NQ/TW.") != identity("Theo Nghị định số 59/2020/NĐ-CP.")
    assert identity("Văn kiện Đại hội XIII.") != identity("Tiến tới Đại hội XIII.")


def test_canonical_names():
    assert identity("Theo Quyết định số 500/QĐ-TTg của Thủ tướng Chính phủ.") == ("quyết định|500|TTg", "Quyết định số 500 (TTg)")
    assert identity("Tiến tới Đại hội Đảng toàn quốc lần thứ XIV.")[1] == "Đại hội XIV"
