"""The article's own timestamp, read when the cleaner found no publication date.

Outlets print it in many forms: "Thứ hai, 22/05/2023 08:41", "21:21 14-04-2025", "PV| 22/12/2021
16:07", "Lê Đình Dũng | 13/10/2017, 19:54", "Chính trị 18-05-2022". A line is the article's
timestamp when it is short and, besides its full date, a clock time, a weekday and "GMT+7",
holds at most a byline or a section label (four words); a weekday and date alone is a page's
clock ("Thứ ba, 18/05/2021"), printed the day the page was saved. It is read among the article's first
lines (kept in the body or removed by the cleaner), so a story's date in its text is no timestamp.
"""

from __future__ import annotations

import re
from datetime import date

from transforms.patterns import FULL_DATE

_CLOCK = re.compile(r"(?<!\d)\d{1,2}[:h]\d{2}(?::\d{2})?(?!\d)")
_WEEKDAY = re.compile(r"(?i)(?<!\w)(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ\s+nhật)(?!\w)")
_ZONE = re.compile(r"(?i)\(?\s*GMT\s*[+-]\s*\d{1,2}\s*\)?")
_MAX_OTHER_WORDS = 4
_MAX_LINE = 80
_HEAD_LINES = 12  # the article's first lines: header, headline, byline, sapo


def timestamp_date(line: str) -> str | None:
    """The ISO date of a timestamp line, or None when the line is not one."""
    if len(line) > _MAX_LINE or (found := FULL_DATE.search(line)) is None:
        return None
    rest = _ZONE.sub(" ", _WEEKDAY.sub(" ", _CLOCK.sub(" ", line[:found.start()] + " " + line[found.end():])))
    words = [word for word in re.split(r"[\s|,;:\-–—/]+", rest) if any(ch.isalnum() for ch in word)]
    if len(words) > _MAX_OTHER_WORDS or not (words or _CLOCK.search(line)):
        return None  # a bare "Thứ ba, 18/05/2021" is the page's clock, not the article's time
    try:
        return date(int(found["year"]), int(found["month"]), int(found["day"])).isoformat()
    except ValueError:
        return None


def article_timestamp(paragraphs: list[str], removed_lines: list[dict]) -> str | None:
    """The date of the first timestamp line among the article's first lines."""
    removed = [(line.get("position", 0), line.get("line") or "") for line in removed_lines]
    head = sorted(position for position, _ in removed)[:_HEAD_LINES]
    candidates = [line for position, line in sorted(removed) if head and position <= head[-1]]
    for line in [*candidates, *paragraphs[:_HEAD_LINES // 2]]:
        if (found := timestamp_date(line.strip())) is not None:
            return found
    return None
