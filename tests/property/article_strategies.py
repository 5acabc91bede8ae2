"""Hypothesis strategies for saved news pages as real data has them, for the clean and extract
property tests.

The synthetic generator (``tools.synth``) writes tidy NFC articles with LF line ends. Real
pages also bring empty and one-syllable texts, 50 KB pages, lines without punctuation, English,
Chinese names and characters, numbers, NFD text, ``Ð``/``ð``/``Ɖ`` typed for ``Đ``, zero-width
characters and non-breaking spaces, CRLF, site chrome of every kind, and lines whose length sits
on the cleaner's thresholds (``MAX_CHROME_CHARS``, the timestamp and credit limits, the wrap
widths).
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

from hypothesis import strategies as st

from transforms.clean import MAX_CHROME_CHARS
from transforms.reference import load_reference
from tools.synth import generate_article

ROOT = Path(__file__).resolve().parents[2]
REFERENCE = load_reference(ROOT / "seeds" / "reference")

WORDS = [
    "hòa", "hoà", "bình", "Uỷ", "Ủy", "ban", "nhân", "dân", "quý", "hoặc", "thuỷ", "thủy", "khoẻ",
    "người", "được", "tỉnh", "năm", "tháng", "ngày", "đã", "về", "hợp", "tác", "phát", "triển",
    "Ðồng", "ðiều", "Ɖà", "Đà", "Nẵng", "Hà", "Nội", "Việt", "Nam", "Thủ", "tướng", "Bộ", "trưởng",
]
FOREIGN = ["the", "Minister", "said", "COVID-19", "ASEAN", "Tập", "Cận", "Bình", "习近平", "北京市", "İstanbul"]
NUMBERS = ["12/3/2024", "1.500", "42", "2024", "0,5%", "7", "09:30", "15-9", "3-4"]
ODD_SPACES = ["\u00a0", "\u200b", "\ufeff", "\u00ad", "\u2009", "\t"]
PUNCTUATION = [",", ".", ":", "…", "(", ")", "“", "”", "-", "–", "|", "/", "?", "!"]

BOILERPLATE_EXACT = sorted({row["phrase"] for row in REFERENCE["boilerplate"] if row["match"] == "exact"})
CHROME_LINES = BOILERPLATE_EXACT + [
    "Chia sẻ Facebook Twitter Zalo",
    "Trang chủ › Thời sự › Chính trị",
    "Thời sự | Thế giới | Kinh tế | Văn hóa | Giáo dục | Thể thao | Pháp luật | Sức khỏe | Du lịch",
    "Thứ ba, 12/12/2023, 15:42 (GMT+7)",
    "Cập nhật lúc: 10:30 15/12/2021",
    "[Thủ tướng tiếp Đại sứ Nhật Bản tại Việt Nam]",
    "Ảnh: TTXVN",
    "(Theo VGP)",
    "TRẦN BÌNH",
]


def article_lines(seed: int) -> list[str]:
    """The non-empty lines of one synthetic article."""
    return [line for line in generate_article(seed).text.split("\n") if line.strip()]


words = st.sampled_from(WORDS + FOREIGN + NUMBERS)


@st.composite
def unpunctuated_line(draw, min_words: int = 1, max_words: int = 30) -> str:
    parts = draw(st.lists(words, min_size=min_words, max_size=max_words))
    glue = draw(st.lists(st.sampled_from([" "] * 6 + ODD_SPACES), min_size=len(parts), max_size=len(parts)))
    return "".join(part + space for part, space in zip(parts, glue)).strip(" ")


@st.composite
def line_of_length(draw, around: int) -> str:
    """A line of about ``around`` characters (on, just under or just over a threshold)."""
    target = around + draw(st.integers(-2, 2))
    line = ""
    while len(line) < target:
        line += draw(words) + " "
    return line[:target].strip() or "x"


@st.composite
def oddity(draw) -> str:
    """A line few tidy corpora have: noise, one syllable, mixed scripts, a threshold length."""
    return draw(st.one_of(
        st.sampled_from(WORDS + FOREIGN + NUMBERS + PUNCTUATION),
        unpunctuated_line(),
        unpunctuated_line().map(lambda line: line + "."),
        st.sampled_from([120, 160, 300, 320, MAX_CHROME_CHARS]).flatmap(line_of_length),
        st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=20),
    ))


def _spelled(text: str, form: str) -> str:
    if form == "NFD":
        return unicodedata.normalize("NFD", text)
    if form == "lookalike":
        return text.replace("Đ", "Ð").replace("đ", "ð")
    if form == "invisible":
        return text.replace(" ", "\u00a0", 3).replace("n", "n\u200b", 2).replace("ư", "\ufeffư", 1)
    return text


@st.composite
def page_lines(draw, max_lines: int = 16) -> list[str]:
    """The lines of one page: article lines, chrome and oddities, in any order."""
    seed = draw(st.integers(0, 10**5))
    article = article_lines(seed)
    start = draw(st.integers(0, len(article)))
    picked = article[start: start + draw(st.integers(0, 8))]
    extra = draw(st.lists(st.one_of(st.sampled_from(CHROME_LINES), oddity()), max_size=max_lines - len(picked)))
    lines = picked + extra
    return draw(st.permutations(lines)) if draw(st.booleans()) else lines


@st.composite
def page_text(draw, lines: list[str] | None = None) -> str:
    """Lines glued as a page: blank lines or not between them, LF or CRLF, in some spelling."""
    lines = draw(page_lines()) if lines is None else lines
    breaks = draw(st.lists(st.sampled_from(["\n", "\n\n", "\r\n", "\r\n\r\n", "\n \n"]),
                           min_size=len(lines), max_size=len(lines)))
    text = "".join(line + brk for line, brk in zip(lines, breaks))
    return _spelled(text, draw(st.sampled_from(["as-is", "as-is", "NFD", "lookalike", "invisible"])))


def long_page(seed: int) -> str:
    """A page of 50 KB and more: ~25 synthetic articles back to back."""
    return "\n\n".join(generate_article(seed + k).text for k in range(25))


pages = st.one_of(
    st.just(""),
    st.sampled_from(WORDS + FOREIGN),  # one syllable
    page_text(),
    page_text(),
    page_text(),
    st.integers(0, 10**5).map(long_page),
)
