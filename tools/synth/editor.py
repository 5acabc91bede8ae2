"""Derives a duplicate from an article's text, one edit type (``EDIT_TYPES``) at a time."""

from __future__ import annotations

import random
import re

from tools.synth.furniture import chrome
from tools.synth.phrases import fields, promote
from tools.synth.vocabulary import OUTLET_TAGS, SOURCES

EDIT_TYPES = (
    "exact",
    "new-intro",
    "word-edits-2",
    "word-edits-5",
    "word-edits-10",
    "word-edits-20",
    "truncated-50",
    "truncated-70",
    "added-chrome",
)
EDIT_WORDS = (
    "các", "những", "này", "đó", "rất", "cũng", "đã", "đang", "sẽ", "vẫn", "luôn", "nhiều",
    "mới", "lớn", "chung", "hai", "bên", "nước", "hợp tác", "phát triển", "quan hệ", "tiếp tục",
    "thúc đẩy", "tăng cường", "quan trọng", "tích cực", "hiệu quả", "cho biết", "nhấn mạnh",
    "khẳng định", "đánh giá", "đề nghị", "mong muốn", "thời gian", "lĩnh vực", "khu vực",
    "quốc tế", "đối tác", "thực hiện", "triển khai", "hội nhập", "ổn định", "hòa bình",
    "chặt chẽ", "sâu sắc", "toàn diện", "bền vững", "thiết thực", "cụ thể", "cùng", "với",
)
# New-style (hoà) ↔ old-style (hòa) spellings an outlet may use; equal after match_key.
TONE_STYLE = {"hòa": "hoà", "Hòa": "Hoà", "thủy": "thuỷ", "Thủy": "Thuỷ", "Thúy": "Thuý",
              "hóa": "hoá", "Ủy": "Uỷ", "ủy": "uỷ", "thỏa": "thoả", "khỏe": "khoẻ"}
TONE_STYLE_PATTERN = re.compile("|".join(sorted(TONE_STYLE, key=len, reverse=True)))


def edited_copy(rng: random.Random, headline_pool: list[str], text: str, edit: str) -> str:
    """A copy of ``text`` with the edit ``edit``; ``headline_pool`` feeds the chrome of added-chrome."""
    kind, _, amount = edit.rpartition("-")
    if edit == "exact":
        return reformat(rng, text)
    if edit == "new-intro":
        return new_intro(rng, text)
    if edit == "added-chrome":
        return added_chrome(rng, headline_pool, text)
    if kind == "word-edits":
        return word_edits(rng, text, int(amount) / 100)
    return truncated(rng, text, int(amount) / 100)


def reformat(rng: random.Random, text: str) -> str:
    """Same matching key, different bytes: the other tone style, odd spaces, CRLF, shouting."""
    text = TONE_STYLE_PATTERN.sub(lambda m: TONE_STYLE[m.group()], text)
    if rng.random() < 0.5:
        text = text.replace(" ", "\u00a0", rng.randint(1, 5))
    if rng.random() < 0.5:
        text = text.replace("\n", "\r\n")
    if rng.random() < 0.3:
        first, _, rest = text.partition("\n")
        text = first.upper() + "\n" + rest
    return text + rng.choice(("\n", "  ", "\r\n"))  # never byte-identical to the original


def new_intro(rng: random.Random, text: str) -> str:
    intro = rng.choice((
        f"{rng.choice(OUTLET_TAGS)} - Theo tin từ {rng.choice(SOURCES)}, {promote(rng)} "
        f"là nội dung trọng tâm được hai bên trao đổi tại cuộc gặp.",
        f"Trong bối cảnh tình hình thế giới diễn biến phức tạp, việc {promote(rng)} "
        f"có ý nghĩa quan trọng đối với cả hai nước, nhất là trong các lĩnh vực {fields(rng, 2, 3)}.",
        f"Chuyến thăm và các cuộc tiếp xúc lần này diễn ra đúng thời điểm hai nước đang nỗ lực "
        f"{promote(rng)}, mở ra nhiều triển vọng hợp tác mới.",
    ))
    return intro + "\n\n" + text


def added_chrome(rng: random.Random, headline_pool: list[str], text: str) -> str:
    top = chrome(rng, headline_pool, rng.randint(1, 3))
    bottom = chrome(rng, headline_pool, rng.randint(2, 5))
    return "\n".join(top) + "\n\n" + text + "\n\n" + "\n".join(bottom)


def word_edits(rng: random.Random, text: str, rate: float) -> str:
    """Edit ``rate`` of the words: substitute (60%), delete (20%) or insert after (20%)."""
    lines = [line.split(" ") for line in text.split("\n")]
    positions = [(i, j) for i, words in enumerate(lines) for j in range(len(words)) if words[j]]
    for i, j in sorted(rng.sample(positions, round(rate * len(positions))), reverse=True):
        operation = rng.random()
        if operation < 0.6:
            lines[i][j] = rng.choice(EDIT_WORDS)
        elif operation < 0.8:
            del lines[i][j]
        else:
            lines[i].insert(j + 1, rng.choice(EDIT_WORDS))
    return "\n".join(" ".join(words) for words in lines)


def truncated(rng: random.Random, text: str, keep: float) -> str:
    """The first ``keep`` of the words, as an outlet that runs only the start of a story."""
    words = text.split(" ")
    kept = " ".join(words[: max(1, round(keep * len(words)))])
    return kept + rng.choice(("", "…", "\n\n(Còn nữa)", "\n\nXem tiếp"))
