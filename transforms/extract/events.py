"""The main event of an article: its date expression, date, time of day and venue.

The event is the first date expression in the lead ("Chiều 15-9, tại trụ sở Trung ương Đảng,
…", "Thủ tướng … tối 14/3 điện đàm …", "Hôm qua (13/1), …"). Its year comes, in order, from the
expression itself, the published date (an event is never after its article: 28/12 published
on 2/1 is the previous year), full dates the article writes (the event's own day with its year,
a deadline within three months, not a document's date), or the years the article talks about:
in April–October a plan or target for "năm Y" / "trong năm Y" is Y's; in November–December a
meeting that reviews year Y or plans year Y+1 happens in Y; in January–March one that reviews
Y-1 or launches Y happens in Y. Otherwise only month and day are known (``--MM-DD``).

History and anniversary pieces open on the date of what they commemorate ("Ngày 3/2/1930, Đảng
Cộng sản Việt Nam ra đời …"). A date that writes its own year is historical when it lies more
than three months before the publication or, with no publication date, two or more years before
another date the lead writes; the event is then the lead's first date expression that is not
historical, and a historical date only when the lead has nothing else.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from transforms.patterns import FULL_DATE, LEAD_CREDIT_TAG

# Explicit capitals, not re.IGNORECASE: a leading character class lets the scan skip ahead.
_TIME_OF_DAY = r"(?P<tod>[Rr]ạng sáng|[Ss]áng sớm|[Ss]áng|[Tt]rưa|[Cc]hiều tối|[Cc]hiều|[Tt]ối|[Đđ]êm|[Kk]huya)"
# "15-9", "15/12/2021", "12-13/5", and the long form "15 tháng 12 năm 2021"
_DAY_MONTH = (
    r"(?P<day>\d{1,2})(?:\s*(?:[-–]|và)\s*\d{1,2}(?=\s*/))?"
    r"(?:\s*[-/.]\s*(?P<month>\d{1,2})(?:\s*[-/.]\s*(?P<year>\d{4}))?(?![\d/])"
    r"| tháng (?P<month_word>\d{1,2})(?: năm (?P<year_word>\d{4}))?(?!\d))"
)
# "Sáng thứ Năm (15/12)", "Chiều Chủ nhật, 3/2"
_WEEKDAY = r"(?: (?:thứ (?:Hai|Ba|Tư|Năm|Sáu|Bảy|hai|ba|tư|năm|sáu|bảy)|[Cc]hủ [Nn]hật),?\s*\(?)?"
_EXPRESSIONS = (
    # "Chiều 15-9", "Chiều ngày 31-1", "Sáng 15/12/2021", "tối 14/3"
    re.compile(rf"(?<!\w){_TIME_OF_DAY}(?: hôm)?{_WEEKDAY}(?: ngày)?\s*{_DAY_MONTH}"),
    # "Chiều nay", "tối qua", "Sáng nay (15/12)"
    re.compile(rf"(?<!\w){_TIME_OF_DAY}(?: hôm)? (?P<relative>nay|qua)(?!\w)(?:\s*\((?:ngày\s+)?{_DAY_MONTH}\))?"),
    # "Hôm qua (13/1)", "Ngày hôm qua"
    re.compile(rf"(?<!\w)(?:[Nn]gày )?[Hh]ôm (?P<relative>nay|qua)(?!\w)(?:\s*\((?:ngày\s+)?{_DAY_MONTH}\))?"),
    # "Ngày 12/5", "Ngày 28/3/2022"
    re.compile(rf"(?<!\w)[Nn]gày\s+{_DAY_MONTH}"),
    # "Thứ Năm (15/12)", "Chủ nhật 3/2"
    re.compile(rf"(?<!\w)(?:[Tt]hứ (?:Hai|Ba|Tư|Năm|Sáu|Bảy)|[Cc]hủ [Nn]hật),?\s*\(?{_DAY_MONTH}"),
)
_TIME_OF_DAY_NAME = {"rạng sáng": "sáng", "sáng sớm": "sáng", "chiều tối": "chiều", "khuya": "đêm"}
_SENTENCE_START = re.compile(r"(?:^|[.!?]\s+)$")
_SENTENCE_END = re.compile(r"(?<!\b[A-Z])[.!?](?=\s|$)")  # not the period of an initial ("S. Jaishankar")
_LEAD_PARAGRAPHS = 3

_YEAR = re.compile(r"(?<![\d/.-])(?:19|20)\d{2}(?![\d/])")
_REVIEW_WORDS = re.compile(r"kết quả|tổng kết|sơ kết|rà soát|năm qua", re.IGNORECASE)
_PLAN_WORDS = re.compile(r"nhiệm vụ|phương hướng|kế hoạch|triển khai|trọng tâm|định hướng|chương trình", re.IGNORECASE)
_YEAR_CONTEXT = 80
# Dates of documents, founding and birth say nothing of when the event was.
_DOCUMENT_WORDS = re.compile(
    r"Nghị quyết|Nghị định|Quyết định|Chỉ thị|Kết luận|Thông tư|Quy định|Luật|Hiến pháp|Hiệp định|Hiệp ước|"
    r"Công văn|Thông báo|Tờ trình|Văn bản"
)
_ORIGIN_WORDS = re.compile(r"thành lập|(?<!\w)sinh(?!\w)|ra đời", re.IGNORECASE)
_NEAR_DAYS = 92
_CURRENT_YEAR = re.compile(
    r"(?:(?:trong|cả|của) năm|(?:[Kk]ế hoạch|[Cc]hương trình|mục tiêu|chỉ tiêu)[^.;\n]{0,40}?năm) (?P<year>20\d{2})(?![\d/-])"
)
_FUTURE_BEFORE = re.compile(r"(?:đến|vào|tới|sau|trước|từ|tầm nhìn|giai đoạn) năm $")
_RANGE_AFTER = re.compile(r"\s*[-–]\s*\d")
_EVENT_YEAR = re.compile(r"(?:(?<!\w)năm|(?<!\w)[A-Z][A-Z0-9]{2,}) (?P<year>20\d{2})(?![\d/-])")
_TARGET_BEFORE = re.compile(
    r"(?:đến|tới|vào|sau|trước|từ|tầm nhìn|giai đoạn|mục tiêu|chỉ tiêu|chiến lược|kế hoạch|nhiệm kỳ|"
    r"thành lập|kỷ niệm|chuẩn bị|hướng tới|(?<!\w)cho|đăng cai|[-–/])[^,;()]{0,12}$", re.IGNORECASE)

_VENUE = re.compile(r"(?<!\w)tại\s+([^,.;:()“”\"\n]+)", re.IGNORECASE)
# A venue starts with a capital or one of these nouns ("tại trụ sở Trung ương Đảng").
_VENUE_NOUNS = ("trụ sở", "thủ đô", "thành phố", "tỉnh", "nhà khách", "khách sạn", "cung", "quảng trường", "sân bay")
# The venue ends at a lower-case function word or verb ("tại Hà Nội tổ chức", but
# "tại Nhà Quốc hội": "hội" is not on the list).
_VENUE_END_WORDS = frozenset(
    "nhân để với về theo trong đã đang sẽ và cùng nhằm sau trước khi dưới do cho là có được hôm "
    "từ vào lúc đến nơi bên giữa một các những này đó tới ra lên sáng chiều tối trưa đêm ngày ở thuộc".split()
)
_VENUE_VERBS = frozenset("diễn tổ tiếp gặp chủ dự phát ký trao tham thăm khai bế long đầu cuối".split())


# Venues whose own name may contain "và" between capitalized words.
_INSTITUTION_VENUES = ("trụ sở", "trung tâm", "học viện", "nhà", "cung", "viện", "trường", "bảo tàng",
                       "hội trường", "khu", "bộ")


def _joins_name(kept: list[str], rest: list[str]) -> bool:
    """Whether "và" joins two parts of one institution's name rather than two places."""
    return bool(rest) and rest[0][:1].isupper() and any(word[:1].isupper() for word in kept) \
        and " ".join(kept).lower().startswith(_INSTITUTION_VENUES)


@dataclass(frozen=True)
class Event:
    date_text: str | None = None
    date: str | None = None
    precision: str | None = None  # "day" | "month-day"
    time_of_day: str | None = None
    location: str | None = None


def find_event(paragraphs: list[str], published_date: str | None, is_country: Callable[[str], bool]) -> Event:
    """The main event of an article from its body paragraphs (lead first); ``is_country``
    tells a country's name (any spelling)."""
    found = _event_expression(paragraphs[:_LEAD_PARAGRAPHS], _parse_day(published_date))
    if found is None:
        return Event()
    paragraph, match = found
    text = match.group().strip()
    if text.count("(") > text.count(")") and paragraph[match.end():match.end() + 1] == ")":
        text += ")"  # "Chiều thứ Năm (15/12)"
    tod = match.groupdict().get("tod")
    event_date, precision = _resolve_date(match, published_date, paragraphs, paragraph)
    return Event(
        date_text=text,
        date=event_date,
        precision=precision,
        time_of_day=_TIME_OF_DAY_NAME.get(tod.lower(), tod.lower()) if tod else None,
        location=_venue(paragraph, match.start(), is_country),
    )


def _event_expression(paragraphs: list[str], published: date | None) -> tuple[str, re.Match] | None:
    """The first date expression that opens a sentence or names a time of day, else the first
    bare mid-sentence one ("ngày 5/6"), skipping historical dates while the lead has others."""
    primary, secondary = [], []
    for paragraph in paragraphs:
        credit = LEAD_CREDIT_TAG.match(paragraph)
        lead_start = credit.end() if credit else 0
        candidates = sorted(
            (match for pattern in _EXPRESSIONS for match in pattern.finditer(paragraph) if _valid(match)),
            key=lambda match: (match.start(), -match.end()),
        )
        for match in candidates:
            opens_sentence = match.start() == lead_start or bool(_SENTENCE_START.search(paragraph[: match.start()]))
            if opens_sentence or match.groupdict().get("tod") or match.groupdict().get("relative"):
                primary.append((paragraph, match))
            else:
                secondary.append((paragraph, match))
    ranked = primary + secondary
    if not ranked:
        return None
    latest = max((day for _, match in ranked if (day := _written_day(match))), default=None)
    return next(
        (found for found in ranked if not _is_historical(_written_day(found[1]), published, latest)),
        ranked[0],
    )


def _written_day(match: re.Match) -> date | None:
    """The date an expression writes in full, year included ("Ngày 3/2/1930")."""
    day, month, year = _day_month_year(match)
    if year is None:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _is_historical(written: date | None, published: date | None, latest: date | None) -> bool:
    """Whether a fully written date is that of something the article recalls: months before
    its publication or, undated, two or more years before the latest date its lead writes (a
    deadline or follow-up months later is no reason to doubt the event)."""
    if written is None:
        return False
    if published is not None:
        return (published - written).days > _NEAR_DAYS
    return latest is not None and latest.year - written.year >= 2


def _day_month_year(match: re.Match) -> tuple[int | None, int | None, int | None]:
    groups = match.groupdict()
    if groups.get("day") is None:
        return None, None, None
    month = groups.get("month") or groups.get("month_word")
    year = groups.get("year") or groups.get("year_word")
    return int(groups["day"]), int(month), int(year) if year else None


def _valid(match: re.Match) -> bool:
    day, month, _ = _day_month_year(match)
    return day is None or (1 <= day <= 31 and 1 <= month <= 12)


def _resolve_date(match: re.Match, published: str | None, paragraphs: list[str],
                  paragraph: str = "") -> tuple[str | None, str | None]:
    groups = match.groupdict()
    published_day = _parse_day(published)
    day, month, year = _day_month_year(match)
    if day is None:  # "sáng nay", "hôm qua" without a written date
        if published_day is None:
            return None, None
        shift = 1 if groups.get("relative", "").lower() == "qua" else 0
        return (published_day - timedelta(days=shift)).isoformat(), "day"
    if year is None and published and published[:4].isdigit():
        # An event is not after its article: 28/12 published in January is the year before.
        published_month = int(published[5:7]) if published[5:7].isdigit() else 12
        published_day_of_month = published_day.day if published_day else 31
        year = int(published[:4]) - ((month, day) > (published_month, published_day_of_month))
    if year is None:
        text = "\n".join(paragraphs)
        year = (_year_from_dates(text, day, month) or _year_of_the_event(paragraph, match)
                or _year_from_context(text, month))
    if year is None:
        return f"--{month:02d}-{day:02d}", "month-day"
    try:
        return date(year, month, day).isoformat(), "day"
    except ValueError:
        return None, None


def _parse_day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value and len(value) == 10 else None
    except ValueError:
        return None


def _year_from_dates(text: str, day: int, month: int) -> int | None:
    """The event's year from full dates the article writes: the event's own day with its year
    ("kỷ niệm 80 năm (2/9/1945 - 2/9/2025)", the latest such year, if no later year is
    mentioned), else the year that puts the article's other full dates — deadlines, follow-ups,
    not the dates of documents — within three months of the event ("trước ngày 30/3/2025")."""
    years = [int(found.group()) for found in _YEAR.finditer(text)]
    years += [int(found.group("year")) for found in FULL_DATE.finditer(text)]
    latest = max(years, default=None)
    same_day = [
        int(found.group("year")) for found in FULL_DATE.finditer(text)
        if (int(found.group("day")), int(found.group("month"))) == (day, month)
    ]
    if same_day and latest is not None and max(same_day) >= latest - 1:
        return max(same_day)
    votes: set[int] = set()
    for found in FULL_DATE.finditer(text):
        sentence_start = max(text.rfind(". ", 0, found.start()), text.rfind("\n", 0, found.start()))
        if _DOCUMENT_WORDS.search(text, max(sentence_start, found.start() - 50), found.start()) \
                or _ORIGIN_WORDS.search(text, max(sentence_start, found.start() - 20), found.start()):
            continue
        try:
            written = date(int(found.group("year")), int(found.group("month")), int(found.group("day")))
        except ValueError:
            continue
        for year in (written.year - 1, written.year, written.year + 1):
            try:
                if abs((date(year, month, day) - written).days) <= _NEAR_DAYS:
                    votes.add(year)
            except ValueError:
                pass
    return votes.pop() if len(votes) == 1 else None


def _year_of_the_event(paragraph: str, match: re.Match) -> int | None:
    """The year the event's own sentence gives the event ("Tuần lễ Cấp cao APEC năm 2024",
    "Năm Chủ tịch ASEAN 2025"), one only, not a target or a horizon ("đến năm 2030")."""
    if not paragraph:
        return None
    end = _SENTENCE_END.search(paragraph, match.end())
    sentence_end = end.start() if end else len(paragraph)
    years = set()
    for found in _EVENT_YEAR.finditer(paragraph, match.end(), sentence_end):
        before = paragraph[max(0, found.start() - 40): found.start()]
        if _TARGET_BEFORE.search(before) or _RANGE_AFTER.match(paragraph, found.end()):
            continue
        years.add(int(found.group("year")))
    return years.pop() if len(years) == 1 else None


def _year_from_context(text: str, month: int) -> int | None:
    """The event's year implied by the years the article reviews or plans (see module doc)."""
    if 4 <= month <= 10:
        # Mid-year: a plan or target for "năm Y" or "trong năm Y" is this year's.
        current = {
            int(found.group("year")) for found in _CURRENT_YEAR.finditer(text)
            if not _FUTURE_BEFORE.search(text, max(0, found.start("year") - 16), found.start("year"))
            and not _RANGE_AFTER.match(text, found.end())
        }
        return current.pop() if len(current) == 1 else None
    votes: Counter[int] = Counter()
    previous_end = 0
    for found in _YEAR.finditer(text):
        window = text[max(previous_end, found.start() - _YEAR_CONTEXT): found.start()]
        previous_end = found.end()
        mentioned = int(found.group())
        if window.strip() in ("và", ",", "-"):
            continue  # "năm 2022 và 2023": the first year of a list speaks for it
        if _REVIEW_WORDS.search(window):
            votes[mentioned if month >= 11 else mentioned + 1] += 1
        elif _PLAN_WORDS.search(window):
            votes[mentioned - 1 if month >= 11 else mentioned] += 1
    if not votes:
        return None
    return votes.most_common(1)[0][0]


def _venue(paragraph: str, event_start: int, is_country: Callable[[str], bool]) -> str | None:
    """The place after "tại" following the date in the event's sentence ("tại Trụ sở Chính
    phủ"), as written. A country is no venue ("Đại sứ Lào tại Việt Nam", "dự Hội nghị … tại
    Indonesia" from Hà Nội)."""
    end_match = _SENTENCE_END.search(paragraph, event_start)
    sentence = paragraph[event_start: end_match.start() if end_match else len(paragraph)]
    for found in _VENUE.finditer(sentence):
        phrase = found.group(1).strip()
        if not phrase or not (phrase[0].isupper() or phrase.lower().startswith(_VENUE_NOUNS)):
            continue
        words = phrase.split()
        kept = [words[0]]
        for position, word in enumerate(words[1:], 1):
            if word == "và" and _joins_name(kept, words[position + 1:]):
                kept.append(word)  # "Trung tâm Hội nghị và Triển lãm …", "Bộ Nông nghiệp và Môi trường"
                continue
            if word in _VENUE_END_WORDS or word in _VENUE_VERBS:
                break
            kept.append(word)
        venue = " ".join(kept)
        if not is_country(venue):
            return venue
    return None

