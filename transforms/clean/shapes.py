"""Site chrome recognised by the shape of a line and of the runs of lines around it, for outlets
no phrase list knows (issue 12): the structure of the text, not its wording.

* script: in a Vietnamese document, a line of unaccented Latin words is not the article: player
  and widget fallback text in English ("Your browser does not support the audio element."),
  single widget words ("like", "comment"), or a URL slug repeated as a link or image text
  ("hoi nghi thuong dinh ... <link title>");
* slug and file shape: ``thu-tuong-tiep-dai-su-…`` or ``5-5-tiep-DSQ.JPG`` at the line's start;
* a line of symbols only ("-", "+", "•");
* a short line that ends on a word that needs an object ("Theo dõi <outlet> trên"): the rest of
  it was an image or a link;
* a bracket opened and never closed, as a related link cut short;
* runs of headline-shaped lines (no closing punctuation) in one block: lists of other articles
  (most read, ticker, "also in this section"), which an article does not write as a run.

The scoring follows trafilatura's block heuristics where text has no markup left: length,
closing punctuation, position and what the neighbouring lines look like.
"""

from __future__ import annotations

import re

from transforms.clean.chrome import ends_like_sentence, word_count
from transforms.clean.draft import _Draft, _Line


# A letter with a Vietnamese mark (tone, breve, circumflex, horn, đ): nearly every sentence of
# Vietnamese has several, a line of English or an unaccented slug has none.
_VIETNAMESE_LETTER = re.compile(r"[àáâãèéêìíòóôõùúýăđĩũơưÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝĂĐĨŨƠƯ\u1ea0-\u1ef9]")
_LATIN_WORD = re.compile(r"^[A-Za-z][a-z]*[.,!?:;']*$")
_SLUG_TOKEN = re.compile(r"^[A-Za-z0-9]+(?:[-_][A-Za-z0-9]+){3,}(?:\.[A-Za-z]{2,4})?$")
_FILE_TOKEN = re.compile(r"^\S+\.(?:jpe?g|png|gif|webp|bmp|mp4|mp3)$", re.IGNORECASE)
_LIST_MARKER = re.compile(r"^(?:[-–—•·*+>»]\s*)+")
_TRAILING_DASH = re.compile(r"\s+[-–—]$")
_ENUMERATOR = re.compile(r"^(?:\d{1,2}|[a-zđ]|[IVX]{1,4})[.)/]\s")
# Words that cannot end a phrase: prepositions and conjunctions waiting for their object.
_DANGLING_WORDS = frozenset("trên tại qua của với và cho từ về theo".split())
_DANGLING_MAX_WORDS = 12
# Share of a text's characters that are letters with a Vietnamese mark: about a fifth in
# Vietnamese (spaces, digits, names and acronyms included), none in English.
_VIETNAMESE_MIN_SHARE = 0.05
_SAMPLE_CHARS = 1200
_MARKER_CHARS = "-–—•·*+>»"
_SLUG_RUN_WORDS = 6  # unaccented lower-case words in a row that start a line
_LATIN_MIN_LOWER_SHARE = 0.6
_RUN_MIN_LINES = 3
_RUN_MIN_WORDS, _RUN_MAX_WORDS = 4, 45


def is_vietnamese_document(lines: list[_Line]) -> bool:
    """Whether the text's letters carry Vietnamese marks as often as Vietnamese does (read
    from its first few thousand characters: the share does not change further down)."""
    sample: list[str] = []
    size = 0
    for line in lines:
        sample.append(line.text)
        size += len(line.text)
        if size >= _SAMPLE_CHARS:
            break
    text = " ".join(sample)
    return len(_VIETNAMESE_LETTER.findall(text)) >= _VIETNAMESE_MIN_SHARE * len(text) > 0


def _unmarked(text: str) -> str:
    """The line without list markers in front ("- ", "• ") and a dash behind ("… -")."""
    if text[:1] in _MARKER_CHARS:
        text = _LIST_MARKER.sub("", text)
    if text[-1:] in "-–—":
        text = _TRAILING_DASH.sub("", text)
    return text.strip()


def shape_rule(text: str, vietnamese: bool) -> str | None:
    """The chrome rule a line's own shape gives, if any (``vietnamese``: of the document)."""
    if not any(char.isalnum() for char in text):
        return None if "/." in text else "chrome:symbols"
    bare = _LIST_MARKER.sub("", text) if text[:1] in _MARKER_CHARS else text
    first = bare.split(maxsplit=1)[0] if bare else ""
    if _SLUG_TOKEN.match(first) or _FILE_TOKEN.match(first):
        return "chrome:slug"
    if bare.startswith("[") and "]" not in bare and not ends_like_sentence(bare):
        return "chrome:related-link"
    if not vietnamese or not (text[:1].isascii() and text[:1].isalpha()):
        return None
    if not _VIETNAMESE_LETTER.search(text) and _is_lower_latin(text.split()):
        return "chrome:foreign-widget"
    if text[:1].islower() and _is_lower_latin(text.split(maxsplit=_SLUG_RUN_WORDS)[:_SLUG_RUN_WORDS], _SLUG_RUN_WORDS, True):
        return "chrome:slug"
    return None


def _is_lower_latin(words: list[str], minimum: int = 1, lower_only: bool = False) -> bool:
    """Unaccented Latin words, mostly lower case (names and acronyms are capitalised)."""
    if len(words) < minimum or not all(_LATIN_WORD.match(word) for word in words):
        return False
    lower = sum(word[0].islower() for word in words)
    return lower == len(words) if lower_only else lower >= _LATIN_MIN_LOWER_SHARE * len(words)


def _dangles(text: str) -> bool:
    """ "Theo dõi Baoquocte.vn trên": a capitalised prompt naming something (a name or domain
    between its first and last word) and ending on a word that needs an object."""
    if text[text.rfind(" ") + 1 :].casefold() not in _DANGLING_WORDS:
        return False
    words = text.split()
    return (
        3 <= len(words) <= _DANGLING_MAX_WORDS
        and words[0][:1].isupper()
        and words[-1].casefold() in _DANGLING_WORDS
        and any(word[:1].isupper() or "." in word for word in words[1:-1])
    )


def _headline_shaped(line: _Line) -> bool:
    """A line of a list of other articles' headlines: a capitalised phrase without closing
    punctuation (a teaser may end in "?"), not an enumerated item of the article."""
    text = _unmarked(line.text)
    closing = text.rstrip("”\"'’»)")
    if (ends_like_sentence(text) and not closing.endswith("?")) or closing.endswith(","):
        return False
    first = text.lstrip("“\"'‘(«[")[:1]
    return (
        _RUN_MIN_WORDS <= word_count(text) <= _RUN_MAX_WORDS
        and (first.isupper() or first.isdigit())
        and not _ENUMERATOR.match(text)
    )


def mark_headline_runs(draft: _Draft) -> None:
    """Three or more headline-shaped lines in a row, in one block, above or below the article's
    prose: a list of other articles. Between two of its sentences, or introduced by a colon
    ("gồm:"), such a run is the article's own list and stays."""
    prose = [line.position for line in draft.lines if line.live and line.sentence_like and ends_like_sentence(line.text)]
    outside = (prose[0], prose[-1]) if prose else (0, -1)
    run: list[_Line] = []
    before: _Line | None = None
    for line in [*draft.lines, None]:
        continues = line is not None and line.live and _headline_shaped(line)
        if continues and run and line.paragraph != run[-1].paragraph:
            _take_run(run, before, outside)
            run, before = [], run[-1]
        if continues:
            run.append(line)
            continue
        _take_run(run, before, outside)
        run, before = [], line


def _take_run(run: list[_Line], before: _Line | None, prose: tuple[int, int]) -> None:
    if len(run) < _RUN_MIN_LINES:
        return
    if prose[0] < run[0].position and run[-1].position < prose[1]:
        return
    if before is not None and before.paragraph == run[0].paragraph and before.text.endswith(":"):
        return
    for line in run:
        line.rule = "chrome:headlines"


def mark_shapes(draft: _Draft, vietnamese: bool) -> None:
    """Shape rules on the lines rewrap left: a line that still dangles was not wrapped."""
    for line in draft.live_lines():
        rule = shape_rule(line.text, vietnamese) or ("chrome:share" if _dangles(line.text) else None)
        if rule:
            line.rule = rule
