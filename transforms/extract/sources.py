"""Who an article credits: outlets (its sources), its author and its photographers."""

from __future__ import annotations

import re

from transforms.extract.gazetteer import Gazetteer, entity_key
from transforms.extract.spans import Segmented, Span
from transforms.patterns import CREDIT_SEPARATORS, DOMAIN, LEAD_CREDIT

_THEO = re.compile(r"^\(?\s*theo\s+", re.IGNORECASE)
_AUTHOR_SOURCE = re.compile(r"\s*\(\s*theo\s+([^)]+)\)\s*$", re.IGNORECASE)
# An outlet named in the text is credited when the sentence says so: "Theo Reuters",
# "Hãng tin AFP dẫn lời", "(TTXVN)", "Theo đặc phái viên TTXVN", "Theo ghi nhận của Báo Người
# Lao Động", an interview given to it ("trao đổi với Tuổi Trẻ", "trả lời phỏng vấn VOV"), or
# the outlet reporting as the subject ("Tuổi Trẻ Online tiếp tục cập nhật").
_CREDIT_BEFORE = re.compile(
    r"(?:theo|hãng tin|hãng thông tấn|phóng viên|phái viên|pv|nguồn|ghi nhận của|trao đổi với|"
    r"chia sẻ với|trả lời phỏng vấn|phỏng vấn|dành cho)(?:\s+(?:báo|tờ|trang|đài|hãng))?\s*:?\s*$|\(\s*$",
    re.IGNORECASE,
)
_CREDIT_AFTER = re.compile(
    r"^\s*(?:đưa tin|cho biết|dẫn|trích|đưa|(?:tiếp tục |sẽ )?cập nhật|ghi nhận|\)|/)", re.IGNORECASE
)
# A headline closed by its outlet in brackets: "Khai trương ... tại Đà Nẵng (Dân Trí)".
_TRAILING_OUTLET = re.compile(r"\(([^()]{2,40})\)\s*$")


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
        if entry is None and (entry := gazetteer.damaged_agency(name)) is not None:
            name = entry.name  # "TXVN": reported under the name it lost a letter of
        found.setdefault(entity_key(entry.name if entry else name), name)

    def is_outlet(part: str) -> bool:
        return gazetteer.agency(part) is not None or gazetteer.damaged_agency(part) is not None or bool(DOMAIN.match(part))

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
        for part in CREDIT_SEPARATORS.split(credit.strip(" |")):
            if is_outlet(part.strip(" ()")):
                add(part)
            elif is_outlet(tail := part.rsplit("-", 1)[-1]) and tail.isupper():
                add(tail)  # "Dương Giang-TTXVN": an agency closed up to the photographer's name
    if author_source:
        add(author_source)
    for line in _credit_lines(paragraphs, record.get("title"), record.get("removed_lines") or []):
        if gazetteer.agency(line) is not None:
            add(line)
    for span in segmented.spans:
        if span.has("agency") and span.start < segmented.captions[0] and _credited_in_text(segmented.text, span):
            add(segmented.text[span.start:span.end])
    return list(found.values())


def outlets_of(sources: list[str], gazetteer: Gazetteer) -> list[str]:
    """Each source's canonical outlet (agencies.csv's ``name``): "VOV.VN", "vov.vn" and "Đài
    Tiếng nói Việt Nam" are all VOV; an outlet not listed is its own."""
    return [entry.name if (entry := gazetteer.agency(source)) is not None else source for source in sources]


def _credit_lines(paragraphs: list[str], title: str | None, removed: list[dict]) -> list[str]:
    """Where an article names its own outlet on its own: a closing line that is only a name
    ("BTNO", "vnews"), kept in the body or the first line of the page's tail the cleaner removed
    (a masthead's name is the site's, and so is a footer's address: "Nhandan.vn"), and a
    headline's bracketed tail ("... (Dân Trí)")."""
    lines = [paragraphs[-1]] if paragraphs else []
    tail = [line for line in removed if line.get("rule") == "chrome:tail"]
    if tail and not DOMAIN.match(first := (min(tail, key=lambda line: line.get("position", 0)).get("line") or "").strip()):
        lines.append(first)
    lines = [line.strip() for line in lines if len(line.strip()) <= 40]
    if title and (tail := _TRAILING_OUTLET.search(title)):
        lines.append(tail.group(1))
    return lines


def _credited_in_text(text: str, span: Span) -> bool:
    before = text[max(0, span.start - 24):span.start]
    return bool(_CREDIT_BEFORE.search(before) or _CREDIT_AFTER.match(text[span.end:span.end + 24]))


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
