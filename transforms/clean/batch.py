"""Clean: `documents` → `cleaned` article records (see docs/datasets.md).

A saved news page is the article plus what the site and the scraper wrapped around it: a
` date …` header, timestamps, the headline (sometimes repeated as image alt text), photo
captions with credits, the byline and source credit, menus, related links and share widgets.
Each line leaves the body only through a named rule and is kept in ``removed_lines`` with it;
lines that look like chrome but might be article text stay in the body and are listed in
``flagged_lines``. The body keeps every article sentence as written.

Cleaning runs in three passes so that corpus statistics can use the whole batch:
1. per document, rules that need no context: header date, markup, timestamps, captions, chrome;
2. per batch, lines recurring across unrelated documents (:func:`transforms.chrome.recurring_keys`);
   the flow's batch is its whole input: each shard hands over :func:`recurring_evidence`, the
   keys are counted once, and each shard is then cleaned with them;
3. per document, rules that need to know where the article starts and ends: title, byline,
   source credits, tail chrome, repeated headlines and sentences, publication date.
"""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cached_property

import pyarrow as pa

from transforms.clean.chrome import (
    MAX_CHROME_CHARS,
    DocumentLines,
    ChromeRules,
    capitalized_share,
    ends_like_sentence,
    evidence_table,
    is_headline_like,
    is_sentence_like,
    recurring_keys,
    word_count,
)
from transforms.reference import Reference
from transforms.text import match_key, repair_characters

STAGE = "clean"
# Besides chrome:*: image alt text, the headline repeated as alt text, and the site's timestamp
# line (the date it gives is kept in published_date/published_time).
# A headline repeated as image alt text is removed (rule repeated-headline) but, like the gold
# annotations, not counted as site chrome: it is the article's own title.
BOILERPLATE_RULES = ("caption:alt-text", "header:timestamp")


def boilerplate_lines(cleaned_record: dict) -> list[str]:
    """Distinct lines the cleaner removed as site chrome, in text order (what `vnnews inspect`
    calls boilerplate_lines)."""
    return list(
        dict.fromkeys(
            removed["line"]
            for removed in cleaned_record["removed_lines"]
            if removed["rule"].startswith("chrome:") or removed["rule"] in BOILERPLATE_RULES
        )
    )


def clean_documents(
    documents: list[dict], reference: Reference, recurring: AbstractSet[str] | None = None
) -> tuple[list[dict], list[dict]]:
    """Clean a shard of documents; a document with nothing left goes to quarantine.

    ``recurring``: the keys of recurring chrome lines, counted over the whole input from every
    shard's :func:`recurring_evidence`; without it they are counted over ``documents`` alone.
    """
    rules = ChromeRules.from_reference(reference)
    outlets = _reference_outlets(reference)
    drafts = [_first_pass(document, rules, outlets) for document in documents]
    if recurring is None:
        recurring = recurring_keys(_recurring_candidates(draft).evidence() for draft in drafts)
    cleaned, quarantine = [], []
    for draft in drafts:
        _second_pass(draft, rules, recurring)
        if draft.live_lines():
            cleaned.append(draft.record())
        else:
            quarantine.append(draft.quarantine_record())
    return cleaned, quarantine


def recurring_evidence(documents: list[dict], reference: Reference) -> pa.Table:
    """What the recurring-line count needs of each document (one row per document, see
    :class:`transforms.chrome.RecurringEvidence`): the map step of counting over many shards."""
    rules = ChromeRules.from_reference(reference)
    outlets = _reference_outlets(reference)
    return evidence_table(
        [_recurring_candidates(_first_pass(document, rules, outlets)).evidence() for document in documents]
    )


# --- the document being cleaned ------------------------------------------------------------


@dataclass(eq=False)
class _Line:
    position: int  # 0-based line number in the document text
    original: str
    paragraph: int
    text: str = ""
    rule: str | None = None

    def __post_init__(self) -> None:
        self.text = self.text or self.original

    @cached_property
    def key(self) -> str:
        """match_key: comparable across documents and with reference phrases, but costly."""
        return match_key(self.text)

    @cached_property
    def identity(self) -> str:
        """A cheap key for comparing lines of one document, which share one spelling."""
        return _identity(self.text)

    @cached_property
    def words(self) -> int:
        return word_count(self.text)

    @cached_property
    def sentence_like(self) -> bool:
        return is_sentence_like(self.text)

    @property
    def live(self) -> bool:
        return self.rule is None

    def rewrite(self, text: str) -> None:
        self.text = text
        for derived in ("key", "identity", "words", "sentence_like"):
            self.__dict__.pop(derived, None)


def _identity(text: str) -> str:
    return " ".join(text.casefold().split()) if "  " in text else text.casefold()


@dataclass(frozen=True)
class _Stamp:
    day: date
    time: str | None
    has_day: bool = True

    @property
    def iso(self) -> str:
        return self.day.isoformat() if self.has_day else f"{self.day:%Y-%m}"


@dataclass
class _StampSite:
    """Where a timestamp was found: a whole line, or a prefix cut from a line."""

    line: _Line
    stamp: _Stamp
    partial: dict | None = None

    @property
    def dates_article(self) -> bool:
        return (self.partial["rule"] if self.partial else self.line.rule) == "header:timestamp"

    def relabel(self, rule: str) -> None:
        if self.partial is not None:
            self.partial["rule"] = rule
        else:
            self.line.rule = rule


@dataclass
class _Draft:
    document: dict
    outlets: frozenset[str]
    lines: list[_Line]
    partial_removals: list[dict] = field(default_factory=list)
    flagged: list[dict] = field(default_factory=list)
    captions: list[dict] = field(default_factory=list)
    caption_sites: list[tuple[int, str]] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    stamps: list[_StampSite] = field(default_factory=list)
    author: str | None = None
    title: str | None = None
    sapo: str | None = None
    header_date: _Stamp | None = None
    outlet_prefix: bool = False
    published: tuple[str | None, str | None] = (None, None)

    @property
    def doc_id(self) -> str:
        return self.document["doc_id"]

    def live_lines(self) -> list[_Line]:
        return [line for line in self.lines if line.live]

    def remove_part(self, text: str, rule: str, position: int) -> dict:
        removal = {"line": text, "rule": rule, "position": position}
        self.partial_removals.append(removal)
        return removal

    def flag(self, line: _Line, rule: str) -> None:
        self.flagged.append({"line": line.text, "rule": rule, "position": line.position})

    def add_source(self, name: str) -> None:
        name = name.strip(" .,;:-–—()")
        name = name[4:] if name.lower().startswith("www.") else name
        if name and name.casefold() not in {known.casefold() for known in self.sources}:
            self.sources.append(name)

    def add_caption(self, line: _Line, text: str, credit: str | None) -> None:
        text = text.strip()
        key = _identity(text)
        self.caption_sites.append((line.position, key))
        if credit:
            for outlet in _outlets_in_credit(credit, self.outlets):
                self.add_source(outlet)
        if any(_identity(c["text"]) == key and c["credit"] == credit for c in self.captions):
            return
        self.captions.append({"text": text, "credit": credit})

    def record(self) -> dict:
        body = "\n\n".join(line.text for line in self.live_lines())
        removed = [
            {"line": line.original, "rule": line.rule, "position": line.position}
            for line in self.lines
            if not line.live
        ] + self.partial_removals
        published_date, published_time = self.published
        return {
            "doc_id": self.doc_id,
            "title": self.title,
            "sapo": self.sapo,
            "body": body,
            "body_key": match_key(body),
            "published_date": published_date,
            "published_time": published_time,
            "captions": self.captions,
            "author": self.author,
            "source_credits": self.sources,
            "removed_lines": sorted(removed, key=lambda r: r["position"]),
            "flagged_lines": sorted(self.flagged, key=lambda r: r["position"]),
        }

    def quarantine_record(self) -> dict:
        return {
            "doc_id": self.doc_id,
            "source_path": self.document.get("source_path"),
            "sha256": self.document.get("sha256"),
            "stage": STAGE,
            "reason": "empty-body",
            "detail": f"Nothing is left after cleaning: all {len(self.lines)} lines were "
            "header, captions, byline or site chrome.",
        }


# --- pass 1: rules without context -----------------------------------------------------------


def _first_pass(document: dict, rules: ChromeRules, outlets: frozenset[str]) -> _Draft:
    draft = _Draft(document, outlets, _split_lines(repair_characters(document.get("text") or "")))
    _take_date_header(draft, rules)
    _strip_markup(draft)
    draft.lines = _rejoin_wrapped(draft.lines)
    _mark_timestamps(draft, rules)
    _mark_captions(draft)
    _mark_chrome(draft, rules)
    return draft


_HORIZONTAL_SPACE = re.compile(r"[ \t]{2,}")
_WRAP_MIN_WIDTH, _WRAP_MAX_WIDTH = 40, 100
_WRAP_MIN_BROKEN = 2
_WRAP_MIN_FILL = 0.75
_WRAP_MIN_LINES = 3
_WRAP_MIN_FILLED_SHARE = 2 / 3


def _split_lines(text: str) -> list[_Line]:
    lines: list[_Line] = []
    paragraph = 0
    for position, raw in enumerate(text.split("\n")):
        stripped = raw.strip()
        if "  " in stripped or "\t" in stripped:
            stripped = _HORIZONTAL_SPACE.sub(" ", stripped)
        if not stripped:
            paragraph += 1
            continue
        lines.append(_Line(position, stripped, paragraph))
    return lines


def _rejoin_wrapped(lines: list[_Line]) -> list[_Line]:
    """Undo hard wrapping: a sentence (or a name) that a fixed line width broke in two."""
    width = _wrap_width(lines)
    joined: list[_Line] = []
    # The physical line that ends joined[-1]: whether it fills the column is a matter of its own
    # length, not of the lines already joined to it.
    last_text = ""
    for line in lines:
        previous = joined[-1] if joined else None
        if (
            previous
            and previous.live
            and line.live
            and previous.paragraph == line.paragraph
            and _continues(last_text, line.text, width)
        ):
            joined[-1] = _Line(previous.position, f"{previous.text} {line.text}", previous.paragraph)
        else:
            joined.append(line)
        last_text = line.text
    return joined


def _wrap_width(lines: list[_Line]) -> int | None:
    """The column width of a hard-wrapped text, or None when lines are whole paragraphs.

    Hard-wrapped text breaks sentences before lower-case words again and again, and nearly all
    of its lines fill about the same terminal-like width. Blocks of short chrome lines (a related
    list) have neither.
    """
    pairs = [
        (line.text, following.text)
        for line, following in zip(lines, lines[1:])
        if line.paragraph == following.paragraph and line.live and following.live
    ]
    broken_sentences = sum(
        1 for text, following in pairs if not ends_like_sentence(text) and following[:1].islower()
    )
    lengths = [len(text) for text, _ in pairs]
    if broken_sentences < _WRAP_MIN_BROKEN or len(lengths) < _WRAP_MIN_LINES:
        return None
    width = max(lengths)
    filled = sum(length >= _WRAP_MIN_FILL * width for length in lengths)
    wrapped = _WRAP_MIN_WIDTH <= width <= _WRAP_MAX_WIDTH and filled >= _WRAP_MIN_FILLED_SHARE * len(lengths)
    return width if wrapped else None


def _continues(previous: str, following: str, width: int | None) -> bool:
    """A line without closing punctuation continues when the next one starts in lower case, or
    when it fills the column of a hard-wrapped text (a name broken as "Thủ tướng / Lào …")."""
    if ends_like_sentence(previous):
        return False
    if following[:1].islower():
        return True
    # A related link in brackets is a line of its own, however much of the column it fills.
    bracketed = any(text.startswith("[") and text.endswith("]") for text in (previous, following))
    return width is not None and len(previous) >= _WRAP_MIN_FILL * width and not bracketed


_DATE_HEADER = re.compile(r"^date\s+(\d{4})-(\d{2})(?:-(\d{2}))?(?=\s|$)\s*")


# The header opens the text, or follows a headline and its sapo; site chrome above it (a menu,
# a section name) does not count, or two menu lines would hide it.
_DATE_HEADER_LINES = 3


def _take_date_header(draft: _Draft, rules: ChromeRules) -> None:
    """The ` date 2025-09-16` header some corpora glue in front of the lead sentence."""
    lines_before = 0
    for line in draft.lines:
        found = _DATE_HEADER.match(line.text)
        stamp = found and _make_stamp(found.group(1), found.group(2), found.group(3) or "1")
        if stamp:
            break
        if rules.classify(line.text, lambda line=line: line.key) is None:
            lines_before += 1
            if lines_before == _DATE_HEADER_LINES:
                return
    else:
        return
    draft.header_date = _Stamp(stamp.day, None, has_day=found.group(3) is not None)
    rest = line.text[found.end() :]
    if rest:
        draft.remove_part(found.group(0).strip(), "header:date", line.position)
        line.rewrite(rest)
    else:
        line.rule = "header:date"


_MD_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]\n]+)\]\((?:https?://|/|www\.)[^)\s]*(?:\s+\"[^\"]*\")?\)")
_MD_HEADING = re.compile(r"^#{1,6}\s+")
_MD_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_MD_TABLE_RULE = re.compile(r"^\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?$")


def _has_markup(text: str) -> bool:
    return "](" in text or "**" in text or "__" in text or text[0] in "#|" or text.startswith(("---", ":--"))


def _strip_markup(draft: _Draft) -> None:
    """Markdown left by HTML-to-text converters: images, link syntax, table pipes, emphasis."""
    for line in draft.lines:
        if not _has_markup(line.text):
            continue
        if _MD_TABLE_RULE.match(line.text):
            line.rule = "chrome:markdown"
            continue
        images = _MD_IMAGE.findall(line.text)
        text = _MD_IMAGE.sub("", line.text)
        text = _MD_EMPHASIS.sub(r"\2", _MD_HEADING.sub("", _MD_LINK.sub(r"\1", text))).strip()
        if text.startswith("|") and text.endswith("|"):
            cells = [cell.strip() for cell in text.strip("|").split("|") if cell.strip()]
            # a one-cell row is a layout table around a photo or a paragraph, not data
            text = cells[0] if len(cells) == 1 else text if cells else ""
        if not text:
            line.rule = "chrome:markdown"
            continue
        for image in images:
            draft.remove_part(image, "chrome:markdown", line.position)
        if text != line.text:
            line.rewrite(text)


# Publication timestamps in the styles of Vietnamese sites: "Thứ ba, 12/12/2023, 15:42 (GMT+7)",
# "21:21 14-04-2025", "08/01/2022 02:00:00 PM", "Cập nhật lúc: 10:30 15/12/2021",
# "Thứ Hai, 15/12/2021 - 10:30", "2023-12-12T15:42:00+07:00". A line is read token by token;
# it is a timestamp when the tokens cover it and include a date.
_STAMP_TOKEN = re.compile(
    r"""\s*(?:
      (?P<iso>(?P<iy>\d{4})-(?P<im>\d{1,2})-(?P<id>\d{1,2})
          (?:[t\s](?P<iH>\d{1,2}):(?P<iM>\d{2})(?::\d{2}(?:\.\d+)?)?(?:z|[+-]\d{2}:?\d{2})?)?)
    | (?P<dmy>(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})\s*[/.-]\s*(?P<y>\d{4}))
    | (?P<words>ngày\s+(?P<wd>\d{1,2})\s+tháng\s+(?P<wm>\d{1,2})\s+năm\s+(?P<wy>\d{4}))
    | (?P<time>(?P<H>\d{1,2})\s*[:h]\s*(?P<M>\d{2})(?:\s*:\s*\d{2})?(?:\s*(?P<ampm>am|pm|sa|ch)\b)?)
    | (?P<zone>[(\[]?\s*(?:gmt|utc)\s*(?:[+-]\s*\d{1,2}(?::?00)?)?\s*[)\]]?
          | \(\s*giờ\s+(?:hà\s+nội|việt\s+nam|vn|địa\s+phương)\s*\))
    | (?P<weekday>(?:thứ\s*(?:hai|ba|tư|năm|sáu|bảy|bẩy|[2-7])|chủ\s*nhật|cn|t[2-7])\b)
    | (?P<label>(?:cập\s+nhật|đăng\s+tải|ngày\s+đăng|ngày\s+cập\s+nhật|ngày\s+xuất\s+bản|xuất\s+bản
          |thời\s+gian\s+đăng|thời\s+gian|đăng|published|updated|posted|lúc|ngày|giờ)\b\s*:?)
    | (?P<sep>[,|\-–—/•·])
    )""",
    re.IGNORECASE | re.VERBOSE,
)
_STAMP_MAX_CHARS = 120
_MIN_YEAR, _MAX_YEAR = 1990, 2100


def _parse_stamp(text: str) -> tuple[_Stamp, int] | None:
    """A timestamp at the start of ``text`` and where it ends, or None."""
    position, day, time = 0, None, None
    while (token := _STAMP_TOKEN.match(text, position)) and token.end() > position:
        if token.group("iso"):
            day = _make_stamp(token.group("iy"), token.group("im"), token.group("id"))
            if token.group("iH"):
                time = _clock(token.group("iH"), token.group("iM"), None)
        elif token.group("dmy"):
            day = _make_stamp(token.group("y"), token.group("m"), token.group("d"))
        elif token.group("words"):
            day = _make_stamp(token.group("wy"), token.group("wm"), token.group("wd"))
        elif token.group("time"):
            time = _clock(token.group("H"), token.group("M"), token.group("ampm"))
        position = token.end()
    if day is None:
        return None
    return _Stamp(day.day, time), position


def _make_stamp(year: str, month: str, day: str) -> _Stamp | None:
    try:
        parsed = date(int(year), int(month), int(day))
    except ValueError:
        return None
    return _Stamp(parsed, None) if _MIN_YEAR <= parsed.year <= _MAX_YEAR else None


def _clock(hour: str, minute: str, meridiem: str | None) -> str | None:
    hours, minutes = int(hour), int(minute)
    if meridiem and meridiem.lower() in ("pm", "ch") and hours < 12:
        hours += 12
    elif meridiem and meridiem.lower() in ("am", "sa") and hours == 12:
        hours = 0
    return f"{hours:02d}:{minutes:02d}" if hours < 24 and minutes < 60 else None


_STAMP_PREFIX_LINES = 3
_DIGIT = re.compile(r"\d")


def _mark_timestamps(draft: _Draft, rules: ChromeRules) -> None:
    """Timestamp lines, provisionally as header; pass 2 decides which one dates the article."""
    for index, line in enumerate(draft.lines):
        if not line.live or len(line.text) > _STAMP_MAX_CHARS or not _DIGIT.search(line.text):
            continue
        parsed = _parse_stamp(line.text) or _stamp_after_chrome(line.text, rules)
        if not parsed:
            continue
        stamp, end = parsed
        rest = line.text[end:].strip()
        if not rest or _is_chrome_fragment(rest, rules):
            line.rule = "header:timestamp"
            draft.stamps.append(_StampSite(line, stamp))
        elif index < _STAMP_BYLINE_LINES and (author := _stamp_byline(line.text, end)):
            # "Thứ Ba, 12/03/2024 14:20 | Minh Anh": the page header's timestamp and byline
            line.rule = "header:timestamp"
            draft.stamps.append(_StampSite(line, stamp))
            draft.author = draft.author or author
        elif index < _STAMP_PREFIX_LINES and stamp.time and is_sentence_like(rest):
            # a clock time marks a site timestamp glued to the lead, not a dateline of the text
            removal = draft.remove_part(line.text[:end].strip(), "header:timestamp", line.position)
            line.rewrite(rest)
            draft.stamps.append(_StampSite(line, stamp, removal))


_STAMP_BYLINE_LINES = 8
_STAMP_BYLINE_BARS = ("|", "•", "·")
_STAMP_BYLINE = re.compile(r"^\s*[|•·]\s*(?P<name>[^|•·]{3,40}?)\s*$")


def _stamp_byline(text: str, end: int) -> str | None:
    """The author's name after a header timestamp and a bar: "… 14:20 | Minh Anh"."""
    stamp = text[:end].rstrip()
    rest = text[end:] if not stamp.endswith(_STAMP_BYLINE_BARS) else "| " + text[end:]
    found = _STAMP_BYLINE.match(rest)
    if not found:
        return None
    credit = _parse_credit_line(found.group("name"))
    return credit.author if credit is not None else None


# "Chính trị | 03/02/2025 14:20", "03/02/2025 - 14:20 | Thời sự", "… - Lượt xem: 245": a
# timestamp sharing its line with a section name or a counter is still the page's timestamp.
_STAMP_NEIGHBOUR_SPLIT = re.compile(r"\s+[|•·–—-]\s+|\s*\|\s*")
_STAMP_NEIGHBOUR_MAX_WORDS = 5


def _is_chrome_fragment(text: str, rules: ChromeRules) -> bool:
    return word_count(text) <= _STAMP_NEIGHBOUR_MAX_WORDS and rules.classify(text, lambda: match_key(text)) is not None


def _stamp_after_chrome(text: str, rules: ChromeRules) -> tuple[_Stamp, int] | None:
    """A timestamp preceded by a chrome fragment, as (stamp, end of the line) or None."""
    found = _STAMP_NEIGHBOUR_SPLIT.search(text)
    if not found:
        return None
    parsed = _parse_stamp(text[found.end() :])
    if not parsed or text[found.end() + parsed[1] :].strip() or not _is_chrome_fragment(text[: found.start()], rules):
        return None
    return parsed[0], len(text)


# Photo captions. A credit closes the caption: "… phát biểu. Ảnh: Thống Nhất – TTXVN",
# "(Ảnh: TTXVN)", "Ảnh: VGP/Nhật Bắc", "Nguồn ảnh: Reuters", "- Ảnh minh họa". "Ảnh" is also an
# ordinary word ("Ảnh hưởng", "bức ảnh"), so the label needs its colon, or sentence punctuation
# or a capital before it.
_CREDIT_LABEL = (
    r"nguồn\s+ảnh|ảnh\s+minh\s+h(?:ọa|oạ)|ảnh\s+tư\s+liệu|ảnh\s+chụp\s+màn\s+hình"
    r"|ảnh\s*(?:&|và|/|-)\s*(?:video|clip)|(?:video|clip)\s*(?:&|và|/|-)\s*ảnh|ảnh|hình|photo"
    r"|đồ\s+h(?:ọa|oạ)|infographic"
)
_TRAILING_CREDIT = re.compile(
    rf"[(\[]?\s*(?P<label>{_CREDIT_LABEL})\s*:\s*(?P<credit>[^()\[\]:]{{1,80}}?)\s*[)\]]?\s*\.?\s*$",
    re.IGNORECASE,
)
_TRAILING_ILLUSTRATION = re.compile(
    r"[(\[]?\s*(?P<label>ảnh\s+minh\s+h(?:ọa|oạ)|ảnh\s+tư\s+liệu|ảnh\s+chụp\s+màn\s+hình"
    r"|ảnh\s+internet)\s*[)\]]?\s*\.?\s*$",
    re.IGNORECASE,
)
# "Ngoại trưởng Mỹ Antony Blinken. (Nguồn: Reuters)": the photo's source, on a caption-sized
# line only, since a paragraph may cite a data source the same way.
_TRAILING_SOURCE = re.compile(r"\(\s*(?P<label>nguồn)\s*:\s*(?P<credit>[^()]{1,60}?)\s*\)\s*\.?\s*$", re.IGNORECASE)
_MAX_SOURCED_CAPTION_WORDS = 25
# "<headline> ảnh 1<caption> (Ảnh: TTXVN)": a scraper glued the image's alt text (the
# headline), its index and its caption into one line.
_GLUED_CAPTION = re.compile(r"^(?P<alt>.{10,}?)\s(?:[Ảả]nh|[Hh]ình)\s?\d{1,2}(?P<caption>\S.{9,})$")
_GLUED_MARK = re.compile(r"\s(?:[Ảả]nh|[Hh]ình)\s?\d{1,2}\S")
# "<caption> - Ảnh 1.": image alt text numbered by the CMS.
_ALT_TEXT = re.compile(r"^(?:.+?\s[-–—]\s*)?(?:ảnh|hình|photo)\s*\d{1,2}\s*\.?$", re.IGNORECASE)
_BEFORE_LABEL_OK = set(".!?…”\"'»)]:-–—|(")
_CAPTION_TAIL_CHARS = 160
_MAX_ALT_TEXT_CHARS = 300
_CREDIT_WINDOW_CHARS = 130  # label, colon and a credit of at most 80 characters
_CAPTION_HEAD_CHARS = 320
_MAX_CREDIT_WORDS = 8
_MAX_CAPTION_WORDS = 60
_MAX_ATTACHED_CAPTION_WORDS = 40


def _mark_captions(draft: _Draft) -> None:
    previous: _Line | None = None
    for line in draft.lines:
        if previous is not None and previous.rule == "caption:alt-text" and line.live and _repeats_alt_text(previous, line):
            # "Toàn cảnh hội nghị - Ảnh 1." then "Toàn cảnh hội nghị.": the caption, without a credit
            line.rule = "caption"
            draft.add_caption(line, line.text, None)
        # the marker sits near the end (a credit) or after the glued headline (near the start)
        elif line.live and (
            _mentions_photo(line.text[-_CAPTION_TAIL_CHARS:])
            or _mentions_photo(line.text[:_CAPTION_HEAD_CHARS])
        ):
            _take_caption(draft, line, previous)
        previous = line


def _repeats_alt_text(alt: _Line, line: _Line) -> bool:
    described = _ALT_INDEX.sub("", alt.text).strip(" .-–—").casefold()
    return bool(described) and line.text.strip(" .").casefold() == described and _is_caption_sized(line.text)


_ALT_INDEX = re.compile(r"\s*[-–—]?\s*(?:ảnh|hình|photo)\s*\d{1,2}\s*\.?$", re.IGNORECASE)


def _mentions_photo(text: str) -> bool:
    folded = text.casefold()
    return (
        "ảnh" in folded or "hình" in folded or "photo" in folded or "nguồn" in folded
        or "đồ h" in folded or "infographic" in folded
    )


def _take_caption(draft: _Draft, line: _Line, previous: _Line | None) -> None:
    if len(line.text) <= _MAX_ALT_TEXT_CHARS and _ALT_TEXT.match(line.text):
        line.rule = "caption:alt-text"
        return
    glued = _GLUED_MARK.search(line.text[:_CAPTION_HEAD_CHARS]) and _GLUED_CAPTION.match(line.text)
    if glued and glued.group("caption")[0].isupper() and is_headline_like(glued.group("alt")):
        text, credit = _split_credit(glued.group("caption")) or (glued.group("caption"), None)
        draft.add_caption(line, text, credit)
        line.rule = "caption"
        return
    leading = _split_leading_credit(line.text)
    if leading is not None:
        text, credit = leading
        draft.add_caption(line, text, credit)
        line.rule = "caption"
        return
    split = _split_credit(line.text)
    if split is None:
        _take_source_caption(draft, line, previous)
        return
    text, credit = split
    if not text:  # a credit line of its own: the caption is the line(s) just above it, if any
        captions = _captions_above(draft, line, previous)
        for caption in captions:
            caption.rule = "caption"
            draft.add_caption(line, caption.text, credit)
        if not captions:
            draft.add_caption(line, "", credit)
        line.rule = "caption"
    elif word_count(text) <= _MAX_CAPTION_WORDS:
        draft.add_caption(line, text, credit)
        line.rule = "caption"
    else:  # a credit glued to a paragraph: the paragraph stays, the credit goes
        draft.remove_part(line.text[len(text) :].strip(), "caption", line.position)
        draft.add_caption(line, "", credit)
        line.rewrite(text)


# "Ảnh: Reuters - Các đại biểu dự phiên khai mạc.": the credit in front of its caption.
_LEADING_CREDIT = re.compile(
    r"^[(\[]?\s*(?P<label>nguồn\s+ảnh|ảnh\s+minh\s+h(?:ọa|oạ)|ảnh|hình|photo|đồ\s+h(?:ọa|oạ))\s*:\s*(?P<rest>.+)$",
    re.IGNORECASE,
)
_LEADING_CREDIT_SEPARATOR = re.compile(r"\s+[-–—|]\s+")
_MAX_LEADING_CREDIT_WORDS = 6
_MIN_LEADING_CAPTION_WORDS = 3


def _split_leading_credit(text: str) -> tuple[str, str] | None:
    """(caption, credit) for "Ảnh: <credit> - <caption>", else None."""
    found = _LEADING_CREDIT.match(text)
    if not found:
        return None
    rest = found.group("rest")
    for separator in _LEADING_CREDIT_SEPARATOR.finditer(rest):
        credit, caption = rest[: separator.start()].strip(), rest[separator.end() :].strip()
        if not credit or word_count(credit) > _MAX_LEADING_CREDIT_WORDS or ". " in credit:
            return None
        if _is_acronym(caption.split(" ")[0].rstrip(".,")) and word_count(caption.split(" - ")[0]) <= 1:
            continue  # "Ảnh: Thống Nhất - TTXVN - <caption>": the agency belongs to the credit
        if (
            caption[:1].isupper()
            and _MIN_LEADING_CAPTION_WORDS <= word_count(caption) <= _MAX_ATTACHED_CAPTION_WORDS
            and not _is_person_name(caption)  # "Ảnh: Minh Anh - Trần Thị Bình": two photographers
        ):
            return caption, credit
        return None
    return None


# Lines that describe a photo rather than carry the article: no quotation, no reporting verb,
# no connective that ties the sentence to the one before.
_NOT_CAPTION = re.compile(
    r"[\"“”]|\b(?:cho\s+biết|cho\s+rằng|khẳng\s+định|nhấn\s+mạnh|chia\s+sẻ|nói|nêu\s+rõ|đề\s+nghị|nhận\s+định|cho\s+hay|bày\s+tỏ)\b"
    r"|^(?:tuy\s+nhiên|theo|ngoài\s+ra|trong\s+đó|đến|rất\s+may|do\s+đó|vì\s+vậy|bên\s+cạnh\s+đó|hiện\s+nay"
    r"|cũng|còn|nhưng|song|mặt\s+khác|tuy|trước\s+đó|sau\s+đó|đồng\s+thời|như\s+vậy)\b",
    re.IGNORECASE,
)
_MAX_STACKED_CAPTIONS = 3
_MAX_LEAD_AS_CAPTION_WORDS = 20


def _captions_above(draft: _Draft, line: _Line, previous: _Line | None) -> list[_Line]:
    """The caption(s) of a credit line of its own: the line just above in the same block, or a
    block of 2-3 caption-sized lines ending at the credit (two photos in a row), or a one-line
    caption block just above when the credit stands alone in its block (a blank line between)."""
    if previous is None or not previous.live or _is_lead_tag(draft, previous):
        return []
    index = draft.lines.index(line)
    if previous.paragraph == line.paragraph:
        if previous.words > _MAX_ATTACHED_CAPTION_WORDS:
            return []
        block = [other for other in draft.lines[:index] if other.paragraph == line.paragraph]
        after = draft.lines[index + 1] if index + 1 < len(draft.lines) else None
        if (
            2 <= len(block) <= _MAX_STACKED_CAPTIONS
            and (after is None or after.paragraph != line.paragraph)
            and all(other.live and _is_stand_alone_caption(other) for other in block)
        ):
            return block
        return [previous]
    after = draft.lines[index + 1] if index + 1 < len(draft.lines) else None
    if after is not None and after.paragraph == line.paragraph:
        return []
    block = [other for other in draft.lines[:index] if other.paragraph == previous.paragraph]
    if block == [previous] and _is_stand_alone_caption(previous):
        return [previous]
    return []


def _is_stand_alone_caption(line: _Line) -> bool:
    text = line.text.strip()
    return (
        _is_caption_sized(text)
        and not text.endswith((":", "?"))
        and _NOT_CAPTION.search(text) is None
        and _parse_credit_line(text) is None
        and _split_credit(text) is None
    )


def _is_lead_tag(draft: _Draft, line: _Line) -> bool:
    """The lead paragraph, not a caption: it opens with an outlet tag ("(HNMO) - ", "TPO - "), or
    it is the first long sentence of the text."""
    found = _OUTLET_PREFIX.match(line.text)
    if found and _is_outlet_tag((found.group("paren") or found.group("bare")).strip(), found.group("paren") is not None):
        return True
    first = next((other for other in draft.lines if other.live and other.sentence_like), None)
    return first is line and (found is not None or line.words > _MAX_LEAD_AS_CAPTION_WORDS)


# "Nguồn: Reuters" on a line of its own, right under a caption-sized line: the photo's source.
# At the end of the article the same line credits the whole article (a source credit), and under
# a paragraph it cites data, so the line above must be one short sentence in the same block and
# the article must go on below.
_SOURCE_LINE = re.compile(r"^\(?\s*nguồn\s*:\s*(?P<credit>[^():]{2,60}?)\s*\)?\s*\.?$", re.IGNORECASE)
_MAX_SOURCE_CREDIT_WORDS = 5


def _take_source_caption(draft: _Draft, line: _Line, previous: _Line | None) -> None:
    found = _SOURCE_LINE.match(line.text)
    if (
        not found
        or word_count(found.group("credit")) > _MAX_SOURCE_CREDIT_WORDS
        or previous is None
        or not previous.live
        or previous.paragraph != line.paragraph
        or not _is_caption_sized(previous.text)
        or _parse_credit_line(previous.text) is not None
    ):
        return
    below = draft.lines[draft.lines.index(line) + 1 :]
    if not any(later.live and later.sentence_like for later in below):
        return
    previous.rule = "caption"
    line.rule = "caption"
    draft.add_caption(previous, previous.text, found.group("credit").strip())


def _split_credit(text: str) -> tuple[str, str | None] | None:
    """(caption text, credit) when the text ends with a photo credit, else None."""
    window = max(0, len(text) - _CREDIT_WINDOW_CHARS)
    for pattern in (_TRAILING_CREDIT, _TRAILING_ILLUSTRATION, _TRAILING_SOURCE):
        found = pattern.search(text, window)
        if not found or not _credit_label_stands_alone(text, found):
            continue
        if pattern is _TRAILING_SOURCE and not _is_caption_sized(text[: found.start()]):
            continue
        credit = found.groupdict().get("credit")
        if credit is not None:
            credit = credit.strip()
            if not credit or word_count(credit) > _MAX_CREDIT_WORDS or ". " in credit:
                continue
        return text[: found.start()].rstrip(" -–—|:"), credit
    return None


def _is_caption_sized(text: str) -> bool:
    """One short sentence, as captions are."""
    return 0 < word_count(text) <= _MAX_SOURCED_CAPTION_WORDS and len(_SENTENCE_SPLIT.split(text.strip())) == 1


def _credit_label_stands_alone(text: str, found: re.Match[str]) -> bool:
    before = text[: found.start()].rstrip()
    if not before or found.group(0).lstrip()[:1] in "([":
        return True
    return before[-1] in _BEFORE_LABEL_OK or found.group("label")[:1].isupper()


def _mark_chrome(draft: _Draft, rules: ChromeRules) -> None:
    for line in draft.lines:
        if line.live:
            line.rule = rules.classify(line.text, lambda line=line: line.key)


def _recurring_candidates(draft: _Draft) -> DocumentLines:
    """Bylines are left out: a reporter who signs many articles is not site chrome."""
    live = draft.live_lines()
    return DocumentLines(
        draft.doc_id,
        short_keys=[
            line.key
            for line in live
            if not line.sentence_like and len(line.text) <= MAX_CHROME_CHARS and _parse_credit_line(line.text) is None
        ],
        sentences=[line.text for line in live if line.sentence_like],
    )


# --- pass 2: rules that need the article's extent ----------------------------------------------


def _second_pass(draft: _Draft, rules: ChromeRules, recurring: AbstractSet[str]) -> None:
    for line in draft.live_lines():
        if not line.sentence_like and len(line.text) <= MAX_CHROME_CHARS and line.key in recurring:
            line.rule = "chrome:recurring"
    _take_title(draft, rules)
    _cut_related_lists(draft)
    _cut_related_blocks(draft)
    _take_tail(draft, rules)
    _mark_repeats(draft)
    _take_outlet_prefix(draft)
    draft.published = _publication(draft)
    _take_sapo(draft)
    _flag_menu_like(draft)


_MIN_TITLE_WORDS = 4
_MAX_TITLE_WORDS = 30
_HEADER_CHROME_MAX_WORDS = 12


def _take_title(draft: _Draft, rules: ChromeRules) -> None:
    """The headline above the lead; what sits above the headline is page header chrome."""
    live = draft.live_lines()
    lead = next(
        (i for i, line in enumerate(live) if line.sentence_like and not (i == 0 and _is_question_headline(live))),
        len(live),
    )
    header = live[:lead]
    hint = draft.document.get("title_hint")
    title_index = None
    if hint:
        draft.title = hint.strip()
        hint_key = match_key(hint)
        title_index = next(
            (i for i, line in enumerate(header) if len(line.text) <= MAX_CHROME_CHARS and line.key == hint_key),
            None,
        )
    else:
        title_index = _headline_index(draft, header)
        if title_index is not None:
            draft.title = header[title_index].text
    if title_index is not None:
        header[title_index].rule = "title"
    above_title = header[:title_index] if title_index is not None else []
    for line in header:
        if not line.live:
            continue
        if rules.menu_items(line.key) >= 2:
            line.rule = "chrome:menu"
        elif line in above_title and (line.words <= _HEADER_CHROME_MAX_WORDS or _is_long_menu(line, rules)):
            line.rule = "chrome:header"
        else:
            draft.flag(line, "before-lead")


_LONG_MENU_MIN_PHRASES = 3
_LONG_MENU_MIN_COVER = 0.4


def _is_long_menu(line: _Line, rules: ChromeRules) -> bool:
    """A long navigation bar above the headline: several section names among unknown ones."""
    if line.sentence_like or ends_like_sentence(line.text) or len(line.text) > MAX_CHROME_CHARS:
        return False
    phrases, cover = rules.menu_phrases_in(line.key)
    return phrases >= _LONG_MENU_MIN_PHRASES and cover >= _LONG_MENU_MIN_COVER


def _is_question_headline(live: list[_Line]) -> bool:
    """ "Vì sao Việt Nam hút vốn FDI?" above a lead: a headline, though it ends like a sentence."""
    first = live[0]
    return (
        first.text.rstrip("”\"'’»)").endswith(("?", "!"))
        and first.words <= _MAX_TITLE_WORDS
        and len(live) > 1
        and live[1].sentence_like
    )


def _headline_index(draft: _Draft, header: list[_Line]) -> int | None:
    """Walking up from the lead past bylines: the first headline-like line is the title."""
    for index in range(len(header) - 1, -1, -1):
        line = header[index]
        if _take_credit_line(draft, line):
            continue
        if line.words <= _MAX_OUTLET_NAME_WORDS and _is_outlet_name(line.text, draft.outlets):
            line.rule = "chrome:header"  # "SGGP" under the headline: the site's name
            continue
        headline = is_headline_like(line.text, min_words=_MIN_TITLE_WORDS, max_words=_MAX_TITLE_WORDS)
        return index if headline else None
    return None


_MAX_OUTLET_NAME_WORDS = 3


def _is_outlet_name(text: str, outlets: frozenset[str]) -> bool:
    text = text.strip()
    return text.casefold() in outlets or _is_acronym(text) or _DOMAIN.search(text) is not None


_RELATED_HEADING_MAX_WORDS = 6
_TEASER_MAX_WORDS = 25
_TEASER_MIN_WORDS = 3
_TEASER_RUN_MAX = 12


def _cut_related_lists(draft: _Draft) -> None:
    """The headlines a related-news heading ("Tin liên quan", "Đọc thêm", "Đừng bỏ lỡ") lists.

    A teaser headline looks like a sub-heading of the article, so only the run right below the
    heading goes: headline-like lines in the heading's own block (no blank line between them),
    or anywhere once the article's prose has ended. The run stops at the first other line.
    """
    headings = [
        index
        for index, line in enumerate(draft.lines)
        if line.rule == "chrome:related" and line.words <= _RELATED_HEADING_MAX_WORDS
    ]
    if not headings:
        return
    prose_end = max(
        (i for i, line in enumerate(draft.lines) if line.live and line.sentence_like and _closes_prose(line.text)),
        default=-1,
    )
    for index in headings:
        heading = draft.lines[index]
        previous = heading
        for later in draft.lines[index + 1 : index + 1 + _TEASER_RUN_MAX]:
            same_block = later.paragraph == previous.paragraph
            if not later.live or not _is_teaser(later.text) or not (same_block or index > prose_end):
                break
            later.rule = "chrome:related-link"
            previous = later


def _closes_prose(text: str) -> bool:
    """An article sentence that closes as prose (a teaser headline may end with "?")."""
    return text.rstrip(_QUOTE_CLOSERS).endswith((".", "…", "!", ";", ":")) and is_sentence_like(text)


_QUOTE_CLOSERS = "\"”’'»)] "


def _is_teaser(text: str) -> bool:
    if is_headline_like(text, min_words=_TEASER_MIN_WORDS, max_words=_TEASER_MAX_WORDS):
        return True
    first = text.lstrip("“\"'‘(«[")[:1]
    return text.rstrip(_QUOTE_CLOSERS).endswith("?") and word_count(text) <= _TEASER_MAX_WORDS and first.isupper()


def _cut_related_blocks(draft: _Draft) -> None:
    """After the article's end (a byline, a source credit, "/."), a related-news heading starts
    a list of other articles: everything below it goes, teasers with full sentences included."""
    ended = False
    for index, line in enumerate(draft.lines):
        if line.rule == "chrome:related" and ended:
            for later in draft.lines[index + 1 :]:
                if later.live:
                    later.rule = "chrome:related-link"
            return
        if line.live and line.sentence_like:
            ended = line.text.endswith("/.")
        elif line.live and (credit := _parse_credit_line(line.text)) and credit.closes_article:
            ended = True


def _take_tail(draft: _Draft, rules: ChromeRules) -> None:
    """Byline, source credits and page footer after the last article sentence."""
    article = [i for i, line in enumerate(draft.lines) if line.live and line.sentence_like]
    if not article:
        return
    last = draft.lines[article[-1]]
    ended = last.text.endswith("/.")
    for line in draft.lines[article[-1] + 1 :]:
        if not line.live:
            ended = ended or line.rule.startswith("chrome:")
        elif _take_credit_line(draft, line):
            ended = True
        elif rules.menu_items(line.key) >= 2:
            line.rule = "chrome:menu"
        elif not line.sentence_like and (ended or _looks_like_footer(line.text)):
            line.rule = "chrome:tail"
        else:
            draft.flag(line, "after-article-end")


_FOOTER_MIN_CAPITALIZED = 0.75
_FOOTER_MAX_WORDS = 12


def _looks_like_footer(text: str) -> bool:
    return word_count(text) <= _FOOTER_MAX_WORDS and capitalized_share(text) >= _FOOTER_MIN_CAPITALIZED


_SENTENCE_SPLIT = re.compile(r"(?<=[.!?…])\s+")
_MIN_REPEAT_WORDS = 6
_CAPTION_NEIGHBOURHOOD = 2


def _mark_repeats(draft: _Draft) -> None:
    """Headline repeated as alt text, caption copies next to their photo, doubled sentences.

    Of a sentence that occurs twice, the copy inside a paragraph (or the first copy) stays.
    """
    title = _identity(draft.title) if draft.title else None
    live = draft.live_lines()
    paragraph_sentences = {
        sentence
        for line in live
        if len(sentences := _SENTENCE_SPLIT.split(line.identity)) > 1
        for sentence in sentences
    }
    seen: set[str] = set()
    for line in live:
        if line.identity == title:
            line.rule = "repeated-headline"
        elif _is_caption_copy(draft, line):
            line.rule = "caption:alt-text"
        elif line.words >= _MIN_REPEAT_WORDS and (
            line.identity in seen or line.identity in paragraph_sentences
        ):
            line.rule = "repeated-sentence"
        seen.add(line.identity)


def _is_caption_copy(draft: _Draft, line: _Line) -> bool:
    return any(
        key == line.identity and abs(position - line.position) <= _CAPTION_NEIGHBOURHOOD
        for position, key in draft.caption_sites
    )


# Outlet tag in front of the lead: "(Baohatinh.vn) - ", "TTO - ", "VOV.VN - ", "(Chinhphu.vn) -",
# "(Dân trí) - ", "TGVN. ". The tag is a source credit; the sentence stays in the body.
_OUTLET_PREFIX = re.compile(
    r"^(?:\((?P<paren>[^()]{2,40})\)|(?P<bare>[A-ZĐ][\wĐđ.+&]{1,24}))\s*(?:[-–—]+|\.(?=\s))\s+(?=\S)"
)
_DOMAIN = re.compile(r"\.(?:vn|com|net|org|info)$", re.IGNORECASE)
_OUTLET_KINDS = ("báo ", "tạp chí ", "đài ", "kênh ", "cổng thông tin ", "thông tấn xã ", "truyền hình ")
_MIN_LEAD_WORDS = 5
_MAX_OUTLET_WORDS = 4


def _take_outlet_prefix(draft: _Draft) -> None:
    lead = next((line for line in draft.live_lines() if line.sentence_like), None)
    if lead is None:
        return
    found = _OUTLET_PREFIX.match(lead.text)
    if not found or word_count(lead.text[found.end() :]) < _MIN_LEAD_WORDS:
        return
    outlet = (found.group("paren") or found.group("bare")).strip()
    if not _is_outlet_tag(outlet, parenthesised=found.group("paren") is not None):
        return
    draft.remove_part(found.group(0), "source-credit", lead.position)
    draft.add_source(outlet)
    draft.outlet_prefix = True
    lead.rewrite(lead.text[found.end() :])


def _is_outlet_tag(outlet: str, parenthesised: bool) -> bool:
    if _DOMAIN.search(outlet) or _is_acronym(outlet):
        return True
    words = outlet.split()
    return (
        parenthesised
        and len(words) <= _MAX_OUTLET_WORDS
        and all(word[:1].isupper() or word[:1].isdigit() for word in words[:1])
        and not any(char in outlet for char in ",;:!?")
    )


def _is_acronym(token: str) -> bool:
    letters = [char for char in token if char.isalpha()]
    return (
        " " not in token
        and "." not in token
        and len(letters) >= 2
        and sum(char.isupper() for char in letters) >= 2
        and all(char.isupper() or char.isdigit() or char in "+&-" for char in token)
    )


def _take_sapo(draft: _Draft) -> None:
    """The lead paragraph, when the text visibly starts at the article's beginning."""
    starts_at_top = (
        draft.title
        or draft.header_date
        or draft.outlet_prefix
        or any(site.dates_article for site in draft.stamps)
    )
    if not starts_at_top:
        return
    lead = next((line for line in draft.live_lines() if line.sentence_like), None)
    draft.sapo = lead.text if lead else None


_MENU_LIKE_MIN_WORDS = 3


def _flag_menu_like(draft: _Draft) -> None:
    for line in draft.live_lines():
        if (
            line.words >= _MENU_LIKE_MIN_WORDS
            and not line.sentence_like
            and capitalized_share(line.text) >= _FOOTER_MIN_CAPITALIZED
            and _parse_credit_line(line.text) is None
        ):
            draft.flag(line, "menu-like")


# --- bylines and source credits ---------------------------------------------------------------


@dataclass(frozen=True)
class _Credit:
    author: str | None = None
    sources: tuple[str, ...] = ()
    # A bare "Minh Anh" could also be a short line of the article; every other form of credit
    # ("TRẦN BÌNH", "(TTXVN)", "B.T.V (Theo VGP)", "PV") can only close an article.
    closes_article: bool = True


_SOURCE_SPLIT = re.compile(r"\s*[/,;]\s*|\s+và\s+")
_NAME_SPLIT = re.compile(r"\s*[-–—,&]\s*|\s+và\s+")
_INITIALS = re.compile(r"^(?:[A-ZĐ]{1,2}\.)+(?:\s?[A-ZĐ][\w]*\.?)?$")
_AUTHOR_WITH_SOURCE = re.compile(
    r"^(?P<author>[^()]{1,40}?)\s*\(\s*(?P<attributed>(?:theo|nguồn\s*:?)\s+)?(?P<source>[^()]{2,60}?)\s*\)\s*\.?$",
    re.IGNORECASE,
)
_AUTHOR_WITH_NOTE = re.compile(
    r"^(?P<author>[^()]{1,40}?)\s*\(\s*(?:(?:tổng\s+hợp|lược\s+dịch|biên\s+dịch|dịch|thực\s+hiện|ghi"
    r"|ghi\s+chép|biên\s+soạn|lược\s+thuật)(?:\s+(?:từ|theo)\s+(?P<source>[^()]{2,60}?))?"
    # a correspondent's dateline: "PHƯƠNG HOA (từ Lima, Peru)", "Minh Anh (tại Bắc Kinh)"
    r"|(?:từ|tại)\s+[^()]{2,40}?)\s*\)\s*\.?$",
    re.IGNORECASE,
)
# "Sơn Hà - Vũ Tuân thực hiện", "Minh Anh tổng hợp": the same notes without brackets
_AUTHOR_TRAILING_NOTE = re.compile(
    r"^(?P<author>[^()]{3,40}?)\s*[-–]?\s+(?:thực\s+hiện|tổng\s+hợp|lược\s+dịch|biên\s+dịch|ghi)\s*\.?$",
    re.IGNORECASE,
)
_AUTHOR_SLASH_OUTLET = re.compile(r"^(?P<author>[^/()]{1,40}?)\s*/\s*(?P<source>[^/()\s][^/()]{1,40})$")
_REPORTER = re.compile(
    r"^(?:nhóm\s+)?(?:pv|ptv|btv|ctv|p\.v|phóng\s+viên|nhóm\s+phóng\s+viên)(?:\s+[\w.+-]+){0,3}\.?$",
    re.IGNORECASE,
)
_WRITTEN_BY = re.compile(
    r"^(?:bài(?:\s*(?:,|và|&|\+)\s*ảnh)?|tin(?:\s*(?:,|và|&|\+)\s*ảnh)?|thực\s+hiện|người\s+viết"
    r"|tác\s+giả|nhóm\s+tác\s+giả|bài\s+viết)\s*:\s*(?P<author>.{2,60}?)\.?$",
    re.IGNORECASE,
)
_PARENTHESISED_SOURCE = re.compile(
    r"^\(\s*(?:theo\s+|nguồn\s*:?\s*)?(?P<source>[^()]{2,60}?)\s*\)\s*\.?$", re.IGNORECASE
)
_ATTRIBUTED_SOURCE = re.compile(r"^(?:theo|nguồn)\s*:?\s+(?P<source>[^,;()]{2,60}?)\s*\.?$", re.IGNORECASE)
_MAX_NAME_WORDS = 4
_MAX_CREDIT_LINE_CHARS = 120
_MAX_CREDIT_LINE_WORDS = 12
_MAX_SOURCE_WORDS = 8


def _take_credit_line(draft: _Draft, line: _Line) -> bool:
    """Record a byline / source-credit line and take it out of the body; False if it is not one."""
    credit = _parse_credit_line(line.text)
    if credit is None:
        return False
    if credit.author and draft.author is None:
        draft.author = credit.author
    for source in credit.sources:
        draft.add_source(source)
    line.rule = "byline" if credit.author else "source-credit"
    return True


def _parse_credit_line(text: str) -> _Credit | None:
    if len(text) > _MAX_CREDIT_LINE_CHARS or word_count(text) > _MAX_CREDIT_LINE_WORDS:
        return None
    if is_sentence_like(text) and not text.endswith(")"):
        return None
    found = _AUTHOR_WITH_NOTE.match(text)
    if found and _is_person_name(found.group("author")):
        source = found.group("source")
        return _Credit(found.group("author").strip(), _split_sources(source) if source else ())
    found = _AUTHOR_TRAILING_NOTE.match(text)
    if found and _is_person_name(found.group("author")):
        return _Credit(found.group("author").strip())
    found = _AUTHOR_WITH_SOURCE.match(text)
    if found and _is_person_name(found.group("author")):
        sources = _split_sources(found.group("source"))
        if found.group("attributed") or all(_looks_like_outlet(source) for source in sources):
            return _Credit(found.group("author").strip(), sources)
    found = _PARENTHESISED_SOURCE.match(text)
    if found:
        sources = _split_sources(found.group("source"))
        attributed = found.group(0).lstrip("( ").lower().startswith(("theo", "nguồn"))
        if sources and (attributed or all(_looks_like_outlet(s) or _is_title_case(s) for s in sources)):
            return _Credit(None, sources)
    found = _ATTRIBUTED_SOURCE.match(text)
    if found and _starts_capitalised(found.group("source")) and word_count(found.group("source")) <= _MAX_SOURCE_WORDS:
        # "Theo Lan Anh/Báo Tin tức": a reporter of an outlet, not two outlets
        reporter = _AUTHOR_SLASH_OUTLET.match(found.group("source"))
        if reporter and _is_person_name(reporter.group("author")) and _looks_like_outlet(reporter.group("source")):
            return _Credit(reporter.group("author").strip(), (reporter.group("source").strip(),))
        return _Credit(None, _split_sources(found.group("source")))
    found = _AUTHOR_SLASH_OUTLET.match(text)
    if found and _is_byline_name(found.group("author")) and _looks_like_outlet(found.group("source")):
        return _Credit(found.group("author").strip(), (found.group("source").strip(),))
    found = _WRITTEN_BY.match(text)
    if found and _is_person_name(found.group("author")):
        return _Credit(found.group("author").strip())
    if _REPORTER.match(text) or text.isupper() and _is_person_name(text):
        return _Credit(text.strip().rstrip("."))
    if _is_person_name(text):
        return _Credit(text.strip().rstrip("."), closes_article=False)
    return None


def _is_byline_name(text: str) -> bool:
    return _REPORTER.match(text.strip()) is not None or _is_person_name(text)


def _is_person_name(text: str) -> bool:
    """One or more names: "TRẦN BÌNH", "Minh Anh", "B.T.V", "Thu Hằng - Minh Quang"."""
    names = [name for name in _NAME_SPLIT.split(text.strip().rstrip(".")) if name]
    return bool(names) and all(_is_single_name(name) for name in names)


def _is_single_name(name: str) -> bool:
    if _INITIALS.match(name):
        return True
    words = name.split()
    return 2 <= len(words) <= _MAX_NAME_WORDS and all(
        word[0].isupper() and word.replace(".", "").isalpha() for word in words
    )


def _is_title_case(text: str) -> bool:
    words = text.split()
    return 0 < len(words) <= _MAX_OUTLET_WORDS and all(word[:1].isupper() for word in words)


def _starts_capitalised(text: str) -> bool:
    first = text.strip()[:1]
    return first.isupper() or first.isdigit() or text.strip().lower().startswith("www.")


def _split_sources(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in _SOURCE_SPLIT.split(text) if part.strip())


def _looks_like_outlet(text: str) -> bool:
    """TTXVN, VOV-Tây Bắc, VOV.VN, chinhphu.vn, Vietnam+, Báo Hà Tĩnh, Đài Truyền hình Việt Nam."""
    text = text.strip()
    return (
        _is_acronym(text.split("-")[0])
        or _is_acronym(text.split(".")[0])
        or _DOMAIN.search(text) is not None
        or text.endswith("+")
        or text.casefold().startswith(_OUTLET_KINDS)
    )


# Parts of a photo credit that name an outlet rather than a photographer: acronyms (TTXVN, VGP,
# AFP), domains, "Vietnam+", names from the agencies reference, single foreign words (Reuters,
# Xinhua: several vowel groups, which no Vietnamese syllable has).
_CREDIT_PARTS = re.compile(r"\s*[/,;&]\s*|\s+[-–—]\s+")
_VOWEL_GROUPS = re.compile(r"[aeiouy]+", re.IGNORECASE)
_NOT_OUTLETS = frozenset({"tl", "nvcc", "btc", "ctv", "pv", "fb", "mxh", "internet", "facebook", "ai"})


def _outlets_in_credit(credit: str, known_outlets: frozenset[str]) -> list[str]:
    return [part for part in _CREDIT_PARTS.split(credit) if _is_credited_outlet(part.strip(), known_outlets)]


def _is_credited_outlet(part: str, known_outlets: frozenset[str]) -> bool:
    if not part or part.casefold() in _NOT_OUTLETS:
        return False
    if part.casefold() in known_outlets or _looks_like_outlet(part):
        return True
    return part.isascii() and part.isalpha() and part[0].isupper() and len(_VOWEL_GROUPS.findall(part)) >= 2


def _reference_outlets(reference: Reference) -> frozenset[str]:
    """Names and |-separated aliases of the agencies reference (owned by the gazetteers)."""
    return frozenset(
        spelling.strip().casefold()
        for row in reference.get("agencies", [])
        for spelling in [row.get("name", ""), *row.get("aliases", "").split("|")]
        if spelling.strip()
    )


# --- publication date -------------------------------------------------------------------------

_EVENT_DAY = re.compile(
    r"\b(?:sáng|trưa|chiều|tối|đêm|ngày|hôm)(?:\s+(?:nay|qua|mai))?\s*\(?\s*(\d{1,2})\s*[/-]\s*(\d{1,2})\b",
    re.IGNORECASE,
)
_YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")
_MAX_DAYS_AFTER_EVENT = 60
_MAX_DAYS_BEFORE_EVENT = 2
_MAX_YEARS_AFTER_CONTENT = 2
_HEADER_AGREEMENT_DAYS = 2


def _publication(draft: _Draft) -> tuple[str | None, str | None]:
    """(published_date, published_time) from the header, the container or the page timestamp.

    Only a timestamp near the top can date the article; one further down, or one that the
    article contradicts (weeks after the event the lead reports, years after every year it
    mentions, or far from the header date), is a page clock and is kept as chrome.
    """
    top_limit = _top_zone_end(draft)
    usable: list[_Stamp] = []
    for site in draft.stamps:
        if site.line.position <= top_limit and _plausible(site.stamp, draft):
            usable.append(site.stamp)
        else:
            site.relabel("chrome:timestamp")
    usable.sort(key=lambda stamp: (stamp.time is None, stamp.day))
    hint = _parse_stamp(draft.document.get("published_hint") or "")
    chosen = draft.header_date or (hint[0] if hint else None) or (usable[0] if usable else None)
    if chosen is None:
        return None, None
    time = next((stamp.time for stamp in usable if stamp.day == chosen.day and stamp.time), None)
    return chosen.iso, time if chosen.has_day else None


def _top_zone_end(draft: _Draft) -> int:
    """Position of the second article paragraph (or of the only one): timestamps above it can
    date the article, those below are in the page's body or footer."""
    article = [line.position for line in draft.live_lines() if line.sentence_like]
    return article[1] if len(article) > 1 else article[0] if article else 0


def _plausible(stamp: _Stamp, draft: _Draft) -> bool:
    if draft.header_date and draft.header_date.has_day:
        return abs((stamp.day - draft.header_date.day).days) <= _HEADER_AGREEMENT_DAYS
    body = [line.text for line in draft.live_lines()]
    years = [int(year) for text in body for year in _YEAR.findall(text)]
    if len(years) >= 2 and stamp.day.year > max(years) + _MAX_YEARS_AFTER_CONTENT:
        return False
    event = next((found for text in body[:3] if (found := _EVENT_DAY.search(text))), None)
    if event is None:
        return True
    event_day = _event_date(int(event.group(1)), int(event.group(2)), stamp.day)
    if event_day is None:
        return True
    lag = (stamp.day - event_day).days
    return -_MAX_DAYS_BEFORE_EVENT <= lag <= _MAX_DAYS_AFTER_EVENT


def _event_date(day: int, month: int, published: date) -> date | None:
    """The event's day-month in the year that puts it just before the publication."""
    for year in (published.year, published.year - 1):
        try:
            candidate = date(year, month, day)
        except ValueError:
            return None
        if candidate <= published + timedelta(days=_MAX_DAYS_BEFORE_EVENT):
            return candidate
    return None
