"""Lines and paragraphs of a text: its stripped lines between blank lines, and the lines a fixed
width broke (hard wrapping) joined back into one."""

from __future__ import annotations

import re
from collections.abc import Callable

from transforms.clean.chrome import ends_like_sentence
from transforms.clean.draft import _Line


_HORIZONTAL_SPACE = re.compile(r"[ \t]{2,}")
# A bullet in front of a line is list layout, never text ("  • Bí thư Tỉnh ủy tiếp …").
_BULLETS = ("•", "·", "▪", "◦", "●")
_BULLET = re.compile(r"^[•·▪◦●]\s*(?=\S)")
_WRAP_MIN_WIDTH, _WRAP_MAX_WIDTH = 40, 100
_WRAP_MIN_BROKEN = 2
_WRAP_MIN_FILL = 0.75
_WRAP_MIN_LINES = 3
_WRAP_MIN_FILLED_SHARE = 2 / 3


def _split_lines(text: str) -> list[_Line]:
    lines: list[_Line] = []
    paragraph = 0
    for position, raw in enumerate(text.split("\n")):
        original = cleaned = raw.strip()
        if "  " in cleaned or "\t" in cleaned:
            cleaned = _HORIZONTAL_SPACE.sub(" ", cleaned)
        if cleaned.startswith(_BULLETS):
            cleaned = _BULLET.sub("", cleaned)
        if not cleaned:
            paragraph += 1
            continue
        # the line as written stays its provenance when a rule removes it
        lines.append(_Line(position, original, paragraph, cleaned))
    return lines


def _never_chrome(line: _Line) -> bool:
    return False


def _rejoin_wrapped(lines: list[_Line], is_chrome: Callable[[_Line], bool] = _never_chrome) -> list[_Line]:
    """Undo hard wrapping: a sentence (or a name) that a fixed line width broke in two.

    A line ``is_chrome`` recognises on its own (a related-news heading, a link slug, widget
    text) is never joined to its neighbours, so no chrome can become part of a body paragraph.
    """
    width = _wrap_width(lines)
    joined: list[_Line] = []
    # The physical line that ends joined[-1]: whether it fills the column is a matter of its own
    # length, not of the lines already joined to it.
    last: _Line | None = None
    for line in lines:
        previous = joined[-1] if joined else None
        if (
            previous
            and previous.live
            and line.live
            and previous.paragraph == line.paragraph
            and _continues(last.text, line.text, width)
            and not is_chrome(last)
            and not is_chrome(line)
        ):
            joined[-1] = _Line(previous.position, f"{previous.text} {line.text}", previous.paragraph)
        else:
            joined.append(line)
        last = line
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
