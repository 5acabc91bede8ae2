"""Photo captions and their credits: a credit that closes a caption or stands on its own line
under it, a credit in front of its caption, image alt text, a caption glued to the headline. Each
caption goes to `captions` with its credit; a credit glued to a paragraph leaves the paragraph."""

from __future__ import annotations

import re

from transforms.clean.chrome import is_headline_like, word_count
from transforms.clean.credits import _is_acronym, _is_outlet_tag, _is_person_name, _parse_credit_line
from transforms.clean.draft import _Draft, _Line
from transforms.patterns import OUTLET_PREFIX


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
# "… tại ga Hà Khẩu Bắc. Ảnh VGP/Nhật Bắc.": without its colon, a credit needs the agency/
# photographer slash, and the capital label after a full stop.
_TRAILING_SLASH_CREDIT = re.compile(
    r"(?<=[.!?”\")])\s+(?P<label>Ảnh|Hình)\s+(?P<credit>[A-ZĐ][^\s/()]*(?:\s[^\s/()]+)?/[^/()]{2,40}?)\s*\.?\s*$"
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


# Where the people in a photo stand: "(đứng giữa)", "(thứ 2, từ trái sang)", "(ngoài cùng bên
# trái)". An article sentence does not point at a picture.
_PHOTO_POSITION = re.compile(r"\((?:[^()]*\s)?(?:từ )?(?:trái|phải|giữa)(?: sang(?: phải| trái)?| qua phải)?\)", re.IGNORECASE)
_UNCREDITED_MIN_WORDS, _UNCREDITED_MAX_WORDS = 5, 45


def _mark_uncredited_captions(draft: _Draft) -> None:
    """Captions without a credit, by their shape: a caption-sized line that points at where
    people stand in the photo, or a line without closing punctuation written twice in a row
    (the image's alt text, then its caption). The first line of a text is left to the title."""
    live = draft.live_lines()
    for index, line in enumerate(live[1:], start=1):
        following = live[index + 1] if index + 1 < len(live) else None
        doubled = (
            following is not None
            and len(following.text) == len(line.text)
            and following.paragraph - line.paragraph <= 1
            and following.identity == line.identity
        )
        pointing = "(" in line.text and _PHOTO_POSITION.search(line.text)
        if not (doubled or pointing) or not line.live or not _UNCREDITED_MIN_WORDS <= line.words <= _UNCREDITED_MAX_WORDS:
            continue
        if pointing:
            _take_uncredited(draft, line)
        elif not line.text.rstrip(_CLOSERS).endswith((".", ";", ":", "…")):
            _take_uncredited(draft, line)
            _take_uncredited(draft, following)


_CLOSERS = "\"”’'»)] "


def _take_uncredited(draft: _Draft, line: _Line) -> None:
    line.rule = "caption"
    draft.add_caption(line, line.text, None)


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
    found = OUTLET_PREFIX.match(line.text)
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
    for pattern in (_TRAILING_CREDIT, _TRAILING_SLASH_CREDIT, _TRAILING_ILLUSTRATION, _TRAILING_SOURCE):
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


_SENTENCE_SPLIT = re.compile(r"(?<=[.!?…])\s+")
