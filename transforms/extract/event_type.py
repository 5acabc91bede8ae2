"""The article's main event kind (GOLD-SCHEMA.md ``event_type``), from the headline, else the
first two paragraphs: the kind whose cue appears first there. Cues are the verbs and nouns of
Vietnamese diplomatic reporting; null when none appears.
"""

from __future__ import annotations

import re

import pyarrow as pa

from transforms.extract.declare import Column, Extractor, in_set

KINDS = ("reception", "talks", "meeting", "phone_call", "visit", "credentials", "conference",
         "speech_or_statement", "signing", "other")
# Most specific first at one position: "hội đàm qua điện thoại" is a call, "tiếp tục" no reception.
_CUES = (
    (r"trình [Qq]uốc thư|[Qq]uốc thư|[Tt]hư ủy nhiệm|[Tt]hư uỷ nhiệm", "credentials"),
    (r"điện đàm|điện thoại|gọi điện|trao đổi trực tuyến", "phone_call"),
    (r"hội đàm", "talks"),
    (r"tiếp(?! (?:tục|theo|nhận|cận|thu|xúc|đó))|chào xã giao|chào từ biệt|chiêu đãi", "reception"),
    (r"hội kiến|gặp gỡ|gặp|làm việc với|buổi làm việc|cuộc làm việc", "meeting"),
    (r"ký kết|lễ ký|chứng kiến lễ trao|trao (?:các |\d+ )?văn kiện", "signing"),
    (r"[Ll]ễ đón|chuyến thăm|thăm|công du", "visit"),
    (r"[Hh]ội nghị|[Hh]ội thảo|[Dd]iễn đàn|[Đđ]ại hội|[Kk]ỳ họp|[Hh]ội đồng|(?:tham )?dự(?! (?:kiến|án|báo|thảo|định|toán|phòng|trữ|luật|bị|cuộc|buổi))|APEC|ASEAN",
     "conference"),
    (r"[Tt]uyên bố|phát biểu|[Tt]hông cáo|trả lời phỏng vấn", "speech_or_statement"),
)
_CUE = re.compile("|".join(rf"(?<![\w])(?P<c{i}>{pattern})(?!\w)" for i, (pattern, _) in enumerate(_CUES)))
_NOT_RECEPTION = re.compile(r"(?<!\w)(?:trực|kế|đón|tiếp) tiếp$|(?<!\w)(?:trực|kế)$")


def event_type(headline: str | None, lead: str | None) -> str | None:
    for text in (headline, lead):
        for match in _CUE.finditer(text or ""):
            kind = _CUES[int(match.lastgroup[1:])][1]
            if kind == "reception" and _NOT_RECEPTION.search(text[:match.start()].rstrip()):
                continue  # "trực tiếp", "kế tiếp"
            return kind
    return None


def _compute(article) -> str | None:
    # the lead paragraph, and the next when the lead is a sapo without the event
    return event_type(article.record.get("title"), "\n".join(article.paragraphs[:2]))


EVENT_TYPES = Extractor(
    "event_types",
    (Column("doc_id", pa.string(), nullable=False, description="the article (articles.doc_id)"),
     Column("event_type", pa.string(), nullable=False,
            description="reception, talks, meeting, phone_call, visit, credentials, conference, speech_or_statement, signing or other")),
    rows=lambda extraction: [{"doc_id": extraction["doc_id"], "event_type": extraction["event_types"]}]
    if extraction["event_types"] else [],
    warehouse="distinct",
    description="The kind of the article's main event, when it has one.",
    compute=_compute,
    suites={"event_types": (in_set("event_type", list(KINDS)),)},
)
