"""Who said what: each quotation's speaker, when its sentence attributes it.

One row per entry of the extraction's ``quotes`` (first occurrence in the body). The speaker is
the person a reference (:mod:`.person_refs`, so "Thủ tướng"/"ông" + verb carry over to the
person last named) points to:

* right after the quotation, before a verb of saying (``“…”, X nói``, ``“…” – Đại sứ X nhắc lại``);
* before it in its sentence, when a verb of saying or stance follows that reference before the
  quotation (``X nhấn mạnh: “…”``, ``X khẳng định … “…”``), or after "theo" (``theo X, “…”``).

Otherwise the speaker stays null: never a guess.
"""

from __future__ import annotations

import re

import pyarrow as pa

from transforms.extract.declare import Column, Extractor, not_null
from transforms.extract.gazetteer import entity_key
from transforms.extract.person_refs import PersonRef, person_refs
from transforms.extract.references import _QUOTES, quotes_in

_SAYING = (r"nói|nhấn mạnh|khẳng định|cho biết|cho rằng|nêu rõ|nêu|bày tỏ|cảm ơn|đánh giá|chia sẻ|phát biểu|"
           r"nhắc lại|nhắc|yêu cầu|đề nghị|chỉ đạo|lưu ý|kêu gọi|tuyên bố|nhận định|mong muốn|tin tưởng|ghi nhận|"
           r"chúc|viết|trả lời|giải thích|thông báo|kết luận|quán triệt|ví|gọi")
_SAYS = re.compile(rf"(?<!\w)(?:{_SAYING})(?!\w)")
_SAYS_AFTER = re.compile(rf"\s*(?:(?:đã|cũng|còn|thì|lại)\s+)*(?:{_SAYING})(?!\w)")
_AFTER_QUOTE = re.compile(r"\s*[,–-]?\s*$")
_ACCORDING_TO = re.compile(r"(?<!\w)[Tt]heo\s*$")
_NAMED_THING = re.compile(r"(?<!\w)(?:chủ đề|khẩu hiệu|phương châm|thông điệp|tên gọi|tên)(?: là)?\s*$")
_SENTENCE_END = re.compile(r"[.!?;](?=\s+[A-ZĐ\u00C0-\u1EF9“\"])|\n")


def quote_speakers(body: str, quotes: list[str], refs: list[PersonRef]) -> list[dict]:
    first_at: dict[str, tuple[int, int]] = {}
    for match in _QUOTES.finditer(body):
        first_at.setdefault(entity_key(next(g for g in match.groups() if g is not None)), match.span())
    speakers = []
    for quote in quotes:
        span = first_at.get(entity_key(quote))
        speakers.append({"quote": quote, "speaker": _speaker(body, span, refs) if span else None})
    return speakers


def _speaker(text: str, span: tuple[int, int], refs: list[PersonRef]) -> str | None:
    start, end = span
    if _NAMED_THING.search(text, max(0, start - 20), start):
        return None  # "với chủ đề “…”": a name, not words someone said
    following = next((ref for ref in refs if ref.start >= end), None)
    if following is not None and _AFTER_QUOTE.fullmatch(text[end:following.start]) \
            and _SAYS_AFTER.match(text, following.end):
        return following.name
    sentence_start = _sentence_start(text, start)
    speaker = _attributed(text, sentence_start, start, refs)
    if speaker is None and not any(sentence_start <= ref.start < start for ref in refs) \
            and sentence_start > 0 and text[sentence_start - 1] != "\n":
        # a sentence without a subject of its own goes on from the one before it
        speaker = _attributed(text, _sentence_start(text, sentence_start - 1), sentence_start, refs)
    return speaker


def _sentence_start(text: str, position: int) -> int:
    return max((m.end() for m in _SENTENCE_END.finditer(text, 0, position)), default=0)


def _attributed(text: str, start: int, end: int, refs: list[PersonRef]) -> str | None:
    """The reference in ``text[start:end]`` a verb of saying follows (the last one before the
    last such verb), or that "theo" introduces."""
    before = [ref for ref in refs if start <= ref.start and ref.end <= end]
    for ref in before:
        if _ACCORDING_TO.search(text[max(start, ref.start - 8):ref.start]):
            return ref.name
    verbs = [m.start() for m in _SAYS.finditer(text, start, end)]
    speakers = [ref for ref in before if verbs and ref.end <= verbs[-1]]
    return speakers[-1].name if speakers else None


def _compute(article) -> list[dict]:
    # the segmented text starts with the body, so positions in one are positions in the other
    return quote_speakers(article.body, quotes_in(article.body), person_refs(article.segmented, article.people))


_TEXT = pa.string()
QUOTE_SPEAKERS = Extractor(
    "quote_speakers",
    (Column("doc_id", _TEXT, nullable=False, description="the article (articles.doc_id)"),
     Column("quote", _TEXT, nullable=False, description="the quoted words, as in quotes.quote"),
     Column("speaker_key", _TEXT, description="match key of the speaker"),
     Column("speaker", _TEXT, description="the person the text attributes the quote to, as named in people, or null when it does not")),
    rows=lambda extraction: [
        {"doc_id": extraction["doc_id"], "quote": q["quote"], "speaker": q["speaker"],
         "speaker_key": entity_key(q["speaker"]) if q["speaker"] else None}
        for q in extraction["quote_speakers"]
    ],
    warehouse="ordered",
    description="Who said each quotation, when the text attributes it, in article order.",
    compute=_compute,
    suites={"quote_speakers": (not_null("quote", quarantine_rows=True),)},
)
