"""Repeated lines (pass 2): the headline repeated as image alt text, a caption's copy next to its
photo, a sentence that occurs twice."""

from __future__ import annotations

from transforms.clean.captions import _SENTENCE_SPLIT
from transforms.clean.draft import _Draft, _Line, _identity


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
