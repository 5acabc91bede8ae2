"""Chrome by the shape of the text (issue 12), and rewrap never joining a chrome line.

The page furniture below is written for its structure (a run of headlines, a related-news
heading with URL slugs, English widget text, a follow prompt whose logo is gone), not copied
from an outlet; each test also checks the article around it survives whole.
"""

from __future__ import annotations

import hashlib
import textwrap

from hypothesis import given
from hypothesis import strategies as st

from article_strategies import CHROME_LINES, REFERENCE, article_lines
from transforms.clean import ChromeRules, clean_documents
from transforms.clean.rewrap import _rejoin_wrapped, _split_lines
from transforms.clean.shapes import is_vietnamese_document, shape_rule
from transforms.text import repair_characters

RULES = ChromeRules.from_reference(REFERENCE)
ARTICLE = [
    "Sáng 12/3, tại Hà Nội, Bộ trưởng Ngoại giao đã tiếp Đại sứ Nhật Bản đến chào từ biệt nhân dịp kết thúc nhiệm kỳ công tác tại Việt Nam.",
    "Bộ trưởng đánh giá cao những đóng góp của Đại sứ đối với quan hệ Đối tác chiến lược toàn diện giữa hai nước.",
    "Đại sứ cảm ơn sự hỗ trợ của các bộ, ngành Việt Nam và khẳng định sẽ tiếp tục vun đắp tình hữu nghị giữa hai dân tộc.",
    "Hai bên nhất trí tăng cường trao đổi đoàn các cấp, thúc đẩy hợp tác kinh tế, thương mại và đầu tư trong thời gian tới.",
]
SHAPED_CHROME = [
    "Your browser does not support the audio element.",
    "like",
    "comment",
    "-",
    "thu-tuong-tiep-dai-su-han-quoc-nhan-dip-ket-thuc-nhiem-ky",
    "anh-le-don-chinh-thuc.JPG",
    "hoi nghi cap cao asean lan thu bon muoi",
    "[Thủ tướng tiếp Đại sứ Nhật Bản chào từ",
]


def clean_text(text: str) -> dict:
    """The cleaned record; a page with nothing left (quarantined) counts as an empty body."""
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    cleaned, _ = clean_documents([{"doc_id": sha[:16], "sha256": sha, "source_path": "p.txt", "text": text}], REFERENCE)
    return cleaned[0] if cleaned else {"body": "", "removed_lines": []}


def removed_rules(record: dict) -> dict[int, str]:
    return {entry["position"]: entry["rule"] for entry in record["removed_lines"]}


def test_article_paragraphs_are_kept_whole():
    record = clean_text("\n\n".join(ARTICLE))
    assert record["body"].split("\n\n") == ARTICLE


def test_headline_run_above_the_article_goes_and_the_article_stays():
    teasers = [
        "Giá vàng trong nước tăng mạnh phiên đầu tuần -",
        "Ba tỉnh miền núi phía Bắc mưa lớn kéo dài, nhiều nơi ngập sâu -",
        "Đội tuyển bóng đá nữ Việt Nam giành vé dự vòng chung kết?",
        "Học sinh cả nước bước vào kỳ thi tốt nghiệp trung học phổ thông",
    ]
    record = clean_text("\n".join(teasers) + "\n\n" + "\n\n".join(ARTICLE))
    assert {removed_rules(record)[i] for i in range(4)} == {"chrome:headlines"}
    assert record["body"].split("\n\n") == ARTICLE


def test_a_list_the_article_introduces_with_a_colon_stays():
    items = ["Bản ghi nhớ về hợp tác giao thông vận tải", "Thỏa thuận về hợp tác y tế", "Biên bản về hợp tác giáo dục"]
    text = ARTICLE[0] + "\n\nCác văn kiện được trao gồm:\n" + "\n".join(items) + "\n\n" + ARTICLE[1]
    body = clean_text(text)["body"]
    assert all(item in body for item in items)
    between = clean_text(ARTICLE[0] + "\n\n" + "\n".join(items) + "\n\n" + ARTICLE[1])["body"]
    assert all(item in between for item in items)


def test_related_heading_takes_its_slugs_and_titles_with_it():
    slug = "thu tuong tiep dai su nhat ban chao tu biet"
    text = "\n\n".join(ARTICLE[:2]) + f"\n\nTIN LIÊN QUAN\n{slug} Thủ tướng tiếp Đại sứ Nhật Bản\n{slug} Hai nước ký thỏa thuận mới\n\n" + ARTICLE[2]
    record = clean_text(text)
    assert record["body"].split("\n\n") == ARTICLE[:3]
    assert sum(entry["rule"].startswith("chrome:") for entry in record["removed_lines"]) == 3


def test_follow_prompt_without_its_logo_goes():
    record = clean_text(ARTICLE[0] + "\nTheo dõi Báo Biên Phòng trên\n\n" + ARTICLE[1])
    assert record["body"].split("\n\n") == ARTICLE[:2]


def test_a_phrase_cut_short_by_the_excerpt_is_kept():
    record = clean_text("\n\n".join(ARTICLE[:2]) + "\n\nPhát biểu tại")
    assert record["body"].endswith("Phát biểu tại")


def test_english_is_chrome_only_in_a_vietnamese_document():
    english = ["The minister met the ambassador in Hanoi on Monday.", "Both sides agreed to deepen trade ties."]
    assert not is_vietnamese_document(_split_lines("\n".join(english)))
    record = clean_text("\n\n".join(english))
    assert record["body"].split("\n\n") == english
    assert all(shape_rule(line, vietnamese=True) for line in SHAPED_CHROME)
    assert not any(shape_rule(line, vietnamese=True) for line in ARTICLE)


def test_removed_line_keeps_the_line_as_written():
    record = clean_text("  •   comment\n\n" + "\n\n".join(ARTICLE[:2]))
    assert record["removed_lines"][0] == {"line": "•   comment", "rule": "chrome:foreign-widget", "position": 0}


def _is_chrome(line) -> bool:
    return shape_rule(line.text, True) is not None or RULES.classify(line.text, lambda: line.key) is not None


@st.composite
def wrapped_with_chrome(draw) -> str:
    """Hard-wrapped article paragraphs with chrome lines inside their blocks, before lower-case
    continuations too (a URL slug, a related heading followed by a slug)."""
    paragraphs = article_lines(draw(st.integers(0, 10**5)))[: draw(st.integers(1, 5))]
    width = draw(st.integers(38, 102))
    physical: list[str] = []
    for paragraph in paragraphs:
        wrapped = textwrap.wrap(paragraph, width)
        at = draw(st.integers(0, len(wrapped)))
        chrome = draw(st.lists(st.sampled_from(CHROME_LINES + SHAPED_CHROME), min_size=1, max_size=3))
        physical += wrapped[:at] + chrome + wrapped[at:] + [""]
    return "\n".join(physical)


@given(wrapped_with_chrome())
def test_a_line_classified_chrome_is_never_part_of_a_joined_paragraph(text):
    lines = _split_lines(repair_characters(text))
    chrome = [line for line in lines if _is_chrome(line)]
    rejoined = _rejoin_wrapped(lines, _is_chrome)
    assert all(any(line is out for out in rejoined) for line in chrome)
    record = clean_text(text)
    kept = record["body"].split("\n\n") if record["body"] else []
    for line in chrome:
        assert line.text not in kept, line.text
        assert all(not paragraph.startswith(line.text + " ") and not paragraph.endswith(" " + line.text) for paragraph in kept)


# --- separated, not dropped; the page's own boxes ----------------------------------------------


def test_byline_before_the_page_timestamp_is_the_byline_and_dates_the_article():
    record = clean_text("Bộ trưởng Ngoại giao tiếp Đại sứ Nhật Bản\n\nMinh Anh | 12/03/2024, 19:54\n\n" + "\n\n".join(ARTICLE))
    assert record["author"] == "Minh Anh" and record["published_date"] == "2024-03-12"
    at_line = sorted((entry["rule"], entry["line"]) for entry in record["removed_lines"] if entry["position"] == 2)
    assert at_line == [("byline", "Minh Anh | 12/03/2024, 19:54"), ("header:timestamp", "12/03/2024, 19:54")]
    assert record["body"].split("\n\n") == ARTICLE


def test_uncredited_captions_by_photo_position_and_by_alt_text_doubling():
    pointing = "Bộ trưởng (thứ hai, từ trái sang) chụp ảnh lưu niệm với đoàn đại biểu Nhật Bản"
    doubled = "Bộ trưởng tiếp Đại sứ Nhật Bản tại trụ sở Bộ Ngoại giao"
    text = f"{ARTICLE[0]}\n\n{pointing}\n\n{ARTICLE[1]}\n\n{doubled}\n{doubled}\n\n{ARTICLE[2]}"
    record = clean_text(text)
    assert [caption["text"] for caption in record["captions"]] == [pointing, doubled]
    assert record["body"].split("\n\n") == ARTICLE[:3]


def test_a_slash_credit_without_its_colon_closes_a_caption():
    caption = "Hai Bộ trưởng chứng kiến lễ ký kết bản ghi nhớ hợp tác."
    record = clean_text(f"{ARTICLE[0]}\n\n{caption} Ảnh VGP/Nhật Bắc.\n\n{ARTICLE[1]}")
    assert record["captions"] == [{"text": caption, "credit": "VGP/Nhật Bắc"}]


def test_a_comment_box_ends_the_article_and_takes_the_boxes_below_it():
    below = ["Bạn cần đăng nhập để thực hiện chức năng này!", "THÔNG TIN CẦN BIẾT", "Trời nhiều mây, có mưa rào rải rác, gió nhẹ."]
    record = clean_text("\n\n".join(ARTICLE) + "\n\nViết bình luận\n\n" + "\n\n".join(below))
    assert record["body"].split("\n\n") == ARTICLE


def test_live_blog_note_and_bare_tag_label_go():
    record = clean_text("\n\n".join(ARTICLE[:3]) + "\n* Báo Điện tử tiếp tục cập nhật nội dung hội đàm.\n\nNhóm tin:")
    assert record["body"].split("\n\n") == ARTICLE[:3]
    assert set(removed_rules(record).values()) == {"chrome:live-note", "chrome:tail"}
