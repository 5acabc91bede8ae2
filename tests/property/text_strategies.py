"""Hypothesis strategies for the texts dedup meets in real data.

Empty and one-syllable bodies, lines without punctuation, Vietnamese in both tone placements,
NFD input, the ``Ð``/``ð``/``Ɖ`` look-alikes of ``Đ``, English, Chinese characters, numbers and
dates, zero-width and non-breaking spaces, emoji and other astral characters, stray combining
marks, CRLF, and now and then an article of 50 KB or more.
"""

from __future__ import annotations

import unicodedata

from hypothesis import strategies as st

from tools.synth import generate_article

VIETNAMESE = [
    "hòa", "hoà", "Uỷ", "Ủy", "ban", "nhân", "dân", "Đà", "Nẵng", "bộ", "bỏ", "bó", "người", "được",
    "quý", "hoặc", "thủy", "thuỷ", "Ðồng", "ðiều", "Ɖà", "khỏe", "khoẻ", "Thủ", "tướng", "Hà", "Nội",
    "tỉnh", "ủy", "năm", "tháng", "ngày", "đã", "về", "Việt", "Nam", "hợp", "tác",
]
OTHER_WORDS = ["the", "Minister", "COVID-19", "e-mail", "ASEAN", "中国", "越南", "北京市", "ＡＢＣ", "İstanbul"]
NUMBERS = ["12/3/2024", "1.500", "42", "2024", "0,5%", "7", "100.000", "3-4", "09:30"]
PUNCTUATION = [",", ".", "…", "—", "(", ")", '"', "“", "”", ":", "!", "?", "-", "/", ";", "«", "»"]
SEPARATORS = [" ", " ", " ", "\u00a0", "\u200b", "\ufeff", "\u2009", "\u202f", "\t", "\n", "\r\n", "\u3000", "\u00ad"]
ODDITIES = ["😀", "𝔘", "\u0301", "\u0323", "e\u0301", "a\u0300"]

words = st.sampled_from(VIETNAMESE + OTHER_WORDS + NUMBERS)
tokens = st.one_of(words, words, st.sampled_from(PUNCTUATION), st.sampled_from(ODDITIES),
                   st.text(min_size=1, max_size=4))


@st.composite
def _token_text(draw, token_strategy=tokens, max_tokens: int = 40) -> str:
    parts = draw(st.lists(token_strategy, max_size=max_tokens))
    glue = draw(st.lists(st.sampled_from(SEPARATORS), min_size=len(parts), max_size=len(parts)))
    return "".join(part + sep for part, sep in zip(parts, glue))


def _spelled(text_strategy: st.SearchStrategy) -> st.SearchStrategy:
    """The same text as written by another outlet: NFD, upper case, or as is."""
    forms = st.sampled_from(["as-is", "NFD", "upper"])
    return st.tuples(text_strategy, forms).map(
        lambda pair: unicodedata.normalize("NFD", pair[0]) if pair[1] == "NFD"
        else pair[0].upper() if pair[1] == "upper" else pair[0]
    )


articles = st.integers(0, 10**6).map(lambda seed: generate_article(seed).text)
# ~20 synthetic articles back to back: 50 KB and more
long_articles = st.integers(0, 10**6).map(
    lambda seed: "\n".join(generate_article(seed + k).text for k in range(22))
)
one_syllable = st.sampled_from(VIETNAMESE + OTHER_WORDS + NUMBERS)
unpunctuated_lines = _token_text(words, max_tokens=60)

_SHORT = [
    st.just(""),
    st.sampled_from(PUNCTUATION + SEPARATORS),  # no syllable at all
    one_syllable,
    _spelled(_token_text()),
    _spelled(unpunctuated_lines),
    _spelled(articles),
    st.text(max_size=30),
]
# one long article in about twenty texts keeps the plain-Python references quick
texts = st.sampled_from(_SHORT * 3 + [long_articles]).flatmap(lambda strategy: strategy)
short_texts = st.sampled_from(_SHORT).flatmap(lambda strategy: strategy)
