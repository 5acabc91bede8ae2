"""The article's head (pass 2): the headline above the lead and the page header chrome above
the headline, the outlet tag in front of the lead ("TTO - "), and the sapo."""

from __future__ import annotations

from transforms.clean.chrome import MAX_CHROME_CHARS, ChromeRules, ends_like_sentence, is_headline_like, word_count
from transforms.clean.credits import _is_outlet_name, _is_outlet_tag, _take_credit_line
from transforms.clean.draft import _Draft, _Line
from transforms.patterns import OUTLET_PREFIX
from transforms.text import match_key


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
    """Walking up from the lead past bylines: the first headline-like line is the title.

    A line a ` date` header was glued in front of starts the article's text (the corpora that
    glue it put the title above it, or leave it out): a sub-heading there is no title."""
    glued = {removal["position"] for removal in draft.partial_removals if removal["rule"] == "header:date"}
    for index in range(len(header) - 1, -1, -1):
        line = header[index]
        if line.position in glued:
            return None
        if _take_credit_line(draft, line):
            continue
        if line.words <= _MAX_OUTLET_NAME_WORDS and _is_outlet_name(line.text, draft.outlets):
            line.rule = "chrome:header"  # "SGGP" under the headline: the site's name
            continue
        headline = is_headline_like(line.text, min_words=_MIN_TITLE_WORDS, max_words=_MAX_TITLE_WORDS)
        return index if headline else None
    return None


_MAX_OUTLET_NAME_WORDS = 3
_MIN_LEAD_WORDS = 5


def _take_outlet_prefix(draft: _Draft) -> None:
    lead = next((line for line in draft.live_lines() if line.sentence_like), None)
    if lead is None:
        return
    found = OUTLET_PREFIX.match(lead.text)
    if not found or word_count(lead.text[found.end() :]) < _MIN_LEAD_WORDS:
        return
    outlet = (found.group("paren") or found.group("bare")).strip()
    if not _is_outlet_tag(outlet, parenthesised=found.group("paren") is not None):
        return
    draft.remove_part(found.group(0), "source-credit", lead.position)
    draft.add_source(outlet)
    draft.outlet_prefix = True
    lead.rewrite(lead.text[found.end() :])


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
