"""The clean stage's entry points: :func:`clean_documents` for a shard, :func:`recurring_evidence`
for the recurring-line count over the whole input.

Cleaning runs in three passes so that corpus statistics can use the whole batch:
1. per document, rules that need no context: header date, markup, timestamps, captions, chrome;
2. per batch, lines recurring across unrelated documents (:func:`transforms.clean.recurring.recurring_keys`);
   the flow's batch is its whole input: each shard hands over :func:`recurring_evidence`, the
   keys are counted once, and each shard is then cleaned with them;
3. per document, rules that need to know where the article starts and ends: title, byline,
   source credits, tail chrome, repeated headlines and sentences, publication date.
"""

from __future__ import annotations

from collections.abc import Set as AbstractSet

import pyarrow as pa

from transforms.clean.captions import _mark_captions, _mark_uncredited_captions
from transforms.clean.chrome import MAX_CHROME_CHARS, ChromeRules
from transforms.clean.credits import _reference_outlets
from transforms.clean.dates import _mark_timestamps, _publication, _take_date_header
from transforms.clean.draft import _Draft, _Line
from transforms.clean.head import _take_outlet_prefix, _take_sapo, _take_title
from transforms.clean.markup import _strip_markup
from transforms.clean.recurring import _recurring_candidates, evidence_table, recurring_keys
from transforms.clean.repeats import _mark_repeats
from transforms.clean.rewrap import _rejoin_wrapped, _split_lines
from transforms.clean.shapes import is_vietnamese_document, mark_headline_runs, mark_shapes, shape_rule
from transforms.clean.tail import _cut_after_comments, _cut_related_blocks, _cut_related_lists, _flag_menu_like, _take_tail
from transforms.reference import Reference
from transforms.text import repair_characters


# Besides chrome:*: image alt text, the headline repeated as alt text, and the site's timestamp
# line (the date it gives is kept in published_date/published_time).
# A headline repeated as image alt text is removed (rule repeated-headline) but, like the gold
# annotations, not counted as site chrome: it is the article's own title.
BOILERPLATE_RULES = ("caption:alt-text", "header:timestamp")


def boilerplate_lines(cleaned_record: dict) -> list[str]:
    """Distinct lines the cleaner removed as site chrome, in text order (what `vnnews inspect`
    calls boilerplate_lines)."""
    return list(
        dict.fromkeys(
            removed["line"]
            for removed in cleaned_record["removed_lines"]
            if removed["rule"].startswith("chrome:") or removed["rule"] in BOILERPLATE_RULES
        )
    )


def clean_documents(
    documents: list[dict], reference: Reference, recurring: AbstractSet[str] | None = None
) -> tuple[list[dict], list[dict]]:
    """Clean a shard of documents; a document with nothing left goes to quarantine.

    ``recurring``: the keys of recurring chrome lines, counted over the whole input from every
    shard's :func:`recurring_evidence`; without it they are counted over ``documents`` alone.
    """
    rules = ChromeRules.from_reference(reference)
    outlets = _reference_outlets(reference)
    drafts = [_first_pass(document, rules, outlets) for document in documents]
    if recurring is None:
        recurring = recurring_keys(_recurring_candidates(draft).evidence() for draft in drafts)
    cleaned, quarantine = [], []
    for draft in drafts:
        _second_pass(draft, rules, recurring)
        if draft.live_lines():
            cleaned.append(draft.record())
        else:
            quarantine.append(draft.quarantine_record())
    return cleaned, quarantine


def recurring_evidence(documents: list[dict], reference: Reference) -> pa.Table:
    """What the recurring-line count needs of each document (one row per document, see
    :class:`transforms.clean.recurring.RecurringEvidence`): the map step of counting over many shards."""
    rules = ChromeRules.from_reference(reference)
    outlets = _reference_outlets(reference)
    return evidence_table(
        [_recurring_candidates(_first_pass(document, rules, outlets)).evidence() for document in documents]
    )


def _first_pass(document: dict, rules: ChromeRules, outlets: frozenset[str]) -> _Draft:
    draft = _Draft(document, outlets, _split_lines(repair_characters(document.get("text") or "")))
    _take_date_header(draft, rules)
    _strip_markup(draft)
    vietnamese = is_vietnamese_document(draft.lines)

    def is_chrome(line: _Line) -> bool:
        return shape_rule(line.text, vietnamese) is not None or rules.classify(line.text, lambda: line.key) is not None

    draft.lines = _rejoin_wrapped(draft.lines, is_chrome)
    _mark_timestamps(draft, rules)
    _mark_captions(draft)
    _mark_chrome(draft, rules)
    _mark_uncredited_captions(draft)
    mark_shapes(draft, vietnamese)
    return draft


def _mark_chrome(draft: _Draft, rules: ChromeRules) -> None:
    for line in draft.lines:
        if line.live:
            line.rule = rules.classify(line.text, lambda line=line: line.key)


def _second_pass(draft: _Draft, rules: ChromeRules, recurring: AbstractSet[str]) -> None:
    for line in draft.live_lines():
        if not line.sentence_like and len(line.text) <= MAX_CHROME_CHARS and line.key in recurring:
            line.rule = "chrome:recurring"
    mark_headline_runs(draft)
    _take_title(draft, rules)
    _cut_related_lists(draft)
    _cut_related_blocks(draft)
    _cut_after_comments(draft)
    _take_tail(draft, rules)
    _mark_repeats(draft)
    _take_outlet_prefix(draft)
    draft.published = _publication(draft)
    _take_sapo(draft)
    _flag_menu_like(draft)
