"""Dates in the text: the ` date …` header some corpora glue on, the site's timestamp lines, and
which of them dates the article (published_date, published_time)."""

from __future__ import annotations

import re
from datetime import date, timedelta

from transforms.clean.chrome import ChromeRules, is_sentence_like, word_count
from transforms.clean.credits import _parse_credit_line
from transforms.clean.draft import _Draft, _Line, _Stamp, _StampSite
from transforms.text import match_key


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
    above_lead = True
    for index, line in enumerate(draft.lines):
        above_lead = above_lead and not line.sentence_like
        if not line.live or len(line.text) > _STAMP_MAX_CHARS or not _DIGIT.search(line.text):
            continue
        parsed = _parse_stamp(line.text) or _stamp_after_chrome(line.text, rules)
        if not parsed:
            if index < _STAMP_BYLINE_LINES:
                _take_byline_before_stamp(draft, line, above_lead)
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


_BYLINE_THEN_STAMP = re.compile(r"^(?P<name>[^|\d]{2,40}?)\s*(?:\||\s[-–]\s)\s*(?P<stamp>\S.*)$")


def _take_byline_before_stamp(draft: _Draft, line: _Line, above_lead: bool) -> None:
    """ "Lê Minh Anh | 13/10/2017, 19:54", "PV - 22/12/2021 16:07": the byline, then the page's
    timestamp. The line is the byline; its timestamp is kept as a stamp like any other. Below
    the lead only a bar separates them: "Hà Nội - 03/02/2025" there is the text's dateline."""
    found = _BYLINE_THEN_STAMP.match(line.text)
    if found and not above_lead and "|" not in line.text[: found.start("stamp")]:
        return
    parsed = found and _parse_stamp(found.group("stamp"))
    if not parsed or found.group("stamp")[parsed[1] :].strip():
        return
    credit = _parse_credit_line(found.group("name"))
    if credit is None or credit.author is None:
        return
    draft.author = draft.author or credit.author
    removal = draft.remove_part(found.group("stamp").strip(), "header:timestamp", line.position)
    draft.stamps.append(_StampSite(line, parsed[0], removal))
    line.rule = "byline"


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
