"""Bylines, source credits and outlet names: a credit line ("TRẦN BÌNH", "(TTXVN)", "Minh Anh
(Theo VGP)", "Theo Lan Anh/Báo Tin tức") parsed into author and sources, and outlets recognised
(acronyms, domains, "Báo …", the agencies reference) in a credit or an outlet tag."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from transforms.clean.chrome import is_sentence_like, word_count
from transforms.patterns import DOMAIN_ENDING, PHOTO_CREDIT_SEPARATORS
from transforms.reference import Reference

if TYPE_CHECKING:  # the draft imports this module to find the outlets a photo credit names
    from transforms.clean.draft import _Draft, _Line


_OUTLET_KINDS = ("báo ", "tạp chí ", "đài ", "kênh ", "cổng thông tin ", "thông tấn xã ", "truyền hình ")
_MAX_OUTLET_WORDS = 4


def _is_outlet_tag(outlet: str, parenthesised: bool) -> bool:
    if DOMAIN_ENDING.search(outlet) or _is_acronym(outlet):
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


def _is_outlet_name(text: str, outlets: frozenset[str]) -> bool:
    text = text.strip()
    return text.casefold() in outlets or _is_acronym(text) or DOMAIN_ENDING.search(text) is not None


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
        or DOMAIN_ENDING.search(text) is not None
        or text.endswith("+")
        or text.casefold().startswith(_OUTLET_KINDS)
    )


# Parts of a photo credit that name an outlet rather than a photographer: acronyms (TTXVN, VGP,
# AFP), domains, "Vietnam+", names from the agencies reference, single foreign words (Reuters,
# Xinhua: several vowel groups, which no Vietnamese syllable has).
_VOWEL_GROUPS = re.compile(r"[aeiouy]+", re.IGNORECASE)
_NOT_OUTLETS = frozenset({"tl", "nvcc", "btc", "ctv", "pv", "fb", "mxh", "internet", "facebook", "ai"})


def _outlets_in_credit(credit: str, known_outlets: frozenset[str]) -> list[str]:
    return [part for part in PHOTO_CREDIT_SEPARATORS.split(credit) if _is_credited_outlet(part.strip(), known_outlets)]


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
