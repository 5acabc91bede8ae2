"""Who an article credits: outlets (its sources), its author and its photographers."""

from __future__ import annotations

import re

from transforms.extract.gazetteer import Gazetteer, entity_key
from transforms.extract.spans import Segmented, Span
from transforms.patterns import CREDIT_SEPARATORS, DOMAIN, LEAD_CREDIT

_THEO = re.compile(r"^\(?\s*theo\s+", re.IGNORECASE)
_AUTHOR_SOURCE = re.compile(r"\s*\(\s*theo\s+([^)]+)\)\s*$", re.IGNORECASE)
# An outlet named in the text is credited when the sentence says so: "Theo Reuters",
# "Hãng tin AFP dẫn lời", "(TTXVN)".
_CREDIT_BEFORE = re.compile(
    r"(?:theo|hãng tin|hãng thông tấn|phóng viên|pv|nguồn)(?:\s+(?:báo|tờ|trang|đài|hãng))?\s*$|\(\s*$",
    re.IGNORECASE,
)
_CREDIT_AFTER = re.compile(r"^\s*(?:đưa tin|cho biết|dẫn|trích|đưa|\)|/)", re.IGNORECASE)


def sources_in(record: dict, paragraphs: list[str], segmented: Segmented, photo_credits: list[str],
             author_source: str | None, gazetteer: Gazetteer) -> list[str]:
    """Outlets credited, as written, one per outlet: the cleaner's credits, outlets in photo
    credits ("Thống Nhất – TTXVN" → TTXVN), a lead prefix ("(Baohatinh.vn) - "), a byline's
    "(Theo VGP)" and outlets the text credits ("Theo Reuters")."""
    found: dict[str, str] = {}

    def add(name: str) -> None:
        name = _THEO.sub("", name.strip(" ()[]")).strip(" ()[].")
        if not name:
            return
        entry = gazetteer.agency(name)
        found.setdefault(entity_key(entry.name if entry else name), name)

    def is_outlet(part: str) -> bool:
        return gazetteer.agency(part) is not None or bool(DOMAIN.match(part))

    # The article's own credits first, those its photo credits repeat last: an outlet spelled
    # two ways ("(Chinhphu.vn) - ", "Ảnh: VGP") is reported as the article credits itself.
    photo_parts = {entity_key(part.strip(" ()")) for credit in photo_credits for part in CREDIT_SEPARATORS.split(credit)}
    credits = record.get("source_credits") or []
    for credit in sorted(credits, key=lambda credit: entity_key(credit.strip(" ()")) in photo_parts):
        for part in CREDIT_SEPARATORS.split(credit.strip(" ()")):
            add(part)
    # The lead credit next: an outlet spelled two ways ("(Chinhphu.vn) - ", "Ảnh: VGP") is
    # reported as the article credits itself.
    if paragraphs and (lead := LEAD_CREDIT.match(paragraphs[0])) and is_outlet(lead.group(1).strip()):
        add(lead.group(1))
    for credit in photo_credits:
        for part in CREDIT_SEPARATORS.split(credit):
            if is_outlet(part.strip(" ()")):
                add(part)
    if author_source:
        add(author_source)
    for span in segmented.spans:
        if span.has("agency") and span.start < segmented.captions[0] and _credited_in_text(segmented.text, span):
            add(segmented.text[span.start:span.end])
    return list(found.values())


def _credited_in_text(text: str, span: Span) -> bool:
    before = text[max(0, span.start - 20):span.start]
    return bool(_CREDIT_BEFORE.search(before) or _CREDIT_AFTER.match(text[span.end:span.end + 12]))


def author_and_source(author: str | None) -> tuple[str | None, str | None]:
    """The byline without a trailing "(Theo VGP)", and that source."""
    if not author or not author.strip():
        return None, None
    match = _AUTHOR_SOURCE.search(author)
    if match:
        return author[: match.start()].strip() or None, match.group(1).strip()
    return author.strip(), None


def credited_names(author: str | None, photo_credits: list[str]) -> set[str]:
    names = {author} if author else set()
    for credit in photo_credits:
        names.update(part.strip() for part in CREDIT_SEPARATORS.split(credit) if part.strip())
    return names
