"""The article's end (pass 2): related-news lists and the blocks they start, the byline, source
credits and footer after the last sentence; and lines that read like a menu but may be article
text, flagged."""

from __future__ import annotations

from transforms.clean.chrome import ChromeRules, capitalized_share, is_headline_like, is_sentence_like, word_count
from transforms.clean.credits import _parse_credit_line, _take_credit_line
from transforms.clean.draft import _Draft


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


_COMMENTS_MIN_SENTENCES_BEFORE = 3
_COMMENTS_MAX_SENTENCES_AFTER = 2


def _cut_after_comments(draft: _Draft) -> None:
    """A comment box closes the article on the page: below one that follows the article's prose
    (several sentences above it, hardly any below) come polls, weather and other boxes."""
    sentences = [i for i, line in enumerate(draft.lines) if line.live and line.sentence_like]
    for index, line in enumerate(draft.lines):
        if line.rule != "chrome:comment":
            continue
        before = sum(1 for i in sentences if i < index)
        if before >= _COMMENTS_MIN_SENTENCES_BEFORE and len(sentences) - before <= _COMMENTS_MAX_SENTENCES_AFTER:
            for later in draft.lines[index + 1 :]:
                if later.live:
                    later.rule = "chrome:after-comments"
            return


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
        elif not line.sentence_like and not _reads_as_prose(line.text) and (ended or _looks_like_footer(line.text)):
            line.rule = "chrome:tail"
        else:
            draft.flag(line, "after-article-end")


_FOOTER_MIN_CAPITALIZED = 0.75
_FOOTER_MAX_WORDS = 12


_LABEL_MAX_WORDS = 3
_PROSE_MIN_WORDS = 20
_PROSE_MAX_CAPITALIZED = 0.5


def _reads_as_prose(text: str) -> bool:
    """Many words, mostly lower case: article text (cut short, or without its full stop), which
    no footer or menu is."""
    return word_count(text) >= _PROSE_MIN_WORDS and capitalized_share(text) < _PROSE_MAX_CAPITALIZED


def _looks_like_footer(text: str) -> bool:
    """Capitalised words (a footer, a menu), or a label with nothing after it ("Nhóm tin:")."""
    words = word_count(text)
    return words <= _FOOTER_MAX_WORDS and capitalized_share(text) >= _FOOTER_MIN_CAPITALIZED or (
        words <= _LABEL_MAX_WORDS and text.endswith(":")
    )


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
