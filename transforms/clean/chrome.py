"""Site chrome: recognising the lines of a news page that are not the article.

Three kinds of evidence, from most to least specific:

* reference phrases (``seeds/reference/boilerplate.csv``): "Tin cùng chuyên mục", "Đọc thêm",
  follow prompts, copyright lines, section names;
* line shape: a line made only of menu words, a breadcrumb, a related-article link in brackets;
* corpus statistics: a line that recurs in many unrelated documents of the batch (the CCNet
  idea), see :mod:`transforms.clean.recurring`.

Precision comes first: phrases that could open an article sentence ("Chủ đề", "Xem thêm") only
count on lines that are not long sentences. The line-shape tests every rule shares (a sentence,
a headline, capitalised words) live here too.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from transforms.reference import Reference
from transforms.text import match_key


# Chrome lines are short; checking only lines up to this length keeps the stage fast and makes
# it impossible for a phrase rule to swallow an article paragraph.
MAX_CHROME_CHARS = 400

_CLOSING_MARKS = "\"”’'»)]* "
_SENTENCE_FINAL = (".", "!", "?", "…", ";", ":")  # "./." included
_LEADING_PUNCTUATION = " :>»›<|-–—*•·#[](){}"
_TRAILING_PUNCTUATION = _LEADING_PUNCTUATION + ".…!"
_BREADCRUMB_SEPARATOR = re.compile(r"\s*(?:[|>›»•·]|\s/\s)\s*")
_MENU_SEPARATOR = re.compile(r"\s*(?:[|>›»•·,]|\s/\s|\s[-–—]\s)\s*")
_BRACKETED_LINK = re.compile(r"^\[[^\[\]]{8,}\]$")
_WIDGET_RULES = frozenset({"chrome:share", "chrome:nav", "chrome:media", "chrome:comment"})
_MENU_MIN_ITEMS = 3
_BREADCRUMB_MAX_WORDS = 5
_PHRASE_GUARD_MAX_WORDS = 8
_LABEL_TARGET_MAX_WORDS = 4


def word_count(text: str) -> int:
    return len(text.split())


def ends_like_sentence(text: str) -> bool:
    return text.rstrip(_CLOSING_MARKS).endswith(_SENTENCE_FINAL)


def is_sentence_like(text: str) -> bool:
    """An article sentence: final punctuation and a few words, or simply long."""
    words = word_count(text)
    return words >= 25 or (words >= 5 and ends_like_sentence(text))


def is_headline_like(text: str, min_words: int = 3, max_words: int = 40) -> bool:
    """A headline or sub-heading: a few words, capitalised, without closing punctuation."""
    words = word_count(text)
    first = text.lstrip("“\"'‘(«[")[:1]
    return (
        min_words <= words <= max_words
        and not text.rstrip("”\"'’»)").endswith((".", ",", ";", ":", "…"))
        and (first.isupper() or first.isdigit())
    )


def capitalized_share(text: str) -> float:
    words = [word for word in text.split() if word[:1].isalpha()]
    return sum(word[0].isupper() for word in words) / len(words) if words else 0.0


def _phrase_key(text: str) -> str:
    """The key a reference phrase is compared with: match_key without edge punctuation."""
    return _bare(match_key(text))


def _bare(key: str) -> str:
    return key.lstrip(_LEADING_PUNCTUATION).rstrip(_TRAILING_PUNCTUATION)


class ChromeRules:
    """Boilerplate phrases and menu vocabulary from the reference table, compiled once."""

    def __init__(self, rows: Iterable[dict[str, str]]) -> None:
        self._exact: dict[str, str] = {}
        prefixes: dict[str, str] = {}
        contains: dict[str, str] = {}
        regexes: list[tuple[str, str]] = []
        for row in rows:
            phrase, match, rule = row["phrase"], row["match"], row["rule"]
            if match == "regex":
                regexes.append((phrase, rule))
            elif match in ("exact", "prefix", "contains"):
                table = {"exact": self._exact, "prefix": prefixes, "contains": contains}[match]
                table.setdefault(_phrase_key(phrase), rule)
            else:
                raise ValueError(f"boilerplate phrase {phrase!r}: unknown match type {match!r}")
        self._prefix_rules = prefixes
        self._contains_rules = contains
        self._prefix = _alternation(prefixes, r"^(?:{})(?![\w])")
        self._contains = _alternation(contains, r"(?<![\w])(?:{})(?![\w])")
        # One alternation for the regexes anchored at the start, tried at position 0 only, and
        # one for the others: a search over ~50 anchored branches would retry them all at every
        # position of the line.
        anchored = [(p, r) for p, r in regexes if p.startswith("^")]
        floating = [(p, r) for p, r in regexes if not p.startswith("^")]
        self._anchored, self._anchored_rules = _named_alternation(anchored)
        self._floating, self._floating_rules = _named_alternation(floating)
        self._menu_items = {tuple(_menu_tokens(key)): rule for key, rule in self._exact.items()}
        self._longest_item = max((len(item) for item in self._menu_items), default=1)
        self._menu_words = frozenset(word for item in self._menu_items for word in item)

    @classmethod
    def from_reference(cls, reference: Reference) -> ChromeRules:
        return cls(reference.get("boilerplate", []))

    def classify(self, text: str, key_of: Callable[[], str]) -> str | None:
        """The chrome rule a line matches, if any.

        ``key_of`` returns the line's match_key; it is costly and only called for lines that
        are not long sentences, the only ones a phrase can match.
        """
        if len(text) > MAX_CHROME_CHARS:
            return None
        folded = " ".join(text.casefold().split())
        found = self._anchored.match(folded)
        if found:
            return self._anchored_rules[found.lastgroup]
        found = self._floating.search(folded)
        if found:
            return self._floating_rules[found.lastgroup]
        if _BRACKETED_LINK.match(text):
            return "chrome:related-link"
        if word_count(text) > _PHRASE_GUARD_MAX_WORDS and is_sentence_like(text):
            return None
        key = key_of()
        bare = _bare(key)
        if bare in self._exact:
            return self._exact[bare]
        if self._is_menu(key):
            return "chrome:menu"
        return self._phrase_rule(text, bare)

    def _phrase_rule(self, text: str, bare: str) -> str | None:
        found = self._prefix.search(bare)
        if found and _labels_what_follows(text, bare, found.end()):
            return self._prefix_rules[found.group(0)]
        found = self._contains.search(bare)
        return self._contains_rules[found.group(0)] if found else None

    def _is_menu(self, key: str) -> bool:
        """A line made of menu phrases: a navigation bar, a breadcrumb or a share widget."""
        if _closes_like_prose(key):
            return False
        segments = [segment for segment in _BREADCRUMB_SEPARATOR.split(key) if segment]
        if len(segments) >= 3 and all(word_count(s) <= _BREADCRUMB_MAX_WORDS for s in segments):
            return True
        # "Thời sự › Chính trị": every separated segment is a menu phrase (a compound phrase
        # such as "Thời sự - Chính trị" would otherwise tile the tokens as one item)
        if len(segments) >= 2 and all(tuple(_menu_tokens(s)) in self._menu_items for s in segments):
            return True
        items = self._segment(_menu_tokens(key))
        if not items:
            return False
        separated = len(segments) > 1
        widgets = all(rule in _WIDGET_RULES for rule in items)
        return len(items) >= _MENU_MIN_ITEMS or (len(items) == 2 and (separated or widgets))

    def menu_items(self, key: str) -> int:
        """How many menu phrases make up the line exactly (0 when it is not made of them)."""
        return 0 if _closes_like_prose(key) else len(self._segment(_menu_tokens(key)) or [])

    def menu_phrases_in(self, key: str) -> tuple[int, float]:
        """Menu phrases found in the line (longest first, left to right) and the share of its
        tokens they cover: a navigation bar that also has items the reference lacks."""
        tokens = _menu_tokens(key)
        hits = covered = index = 0
        while index < len(tokens):
            for size in range(min(self._longest_item, len(tokens) - index), 0, -1):
                if tuple(tokens[index : index + size]) in self._menu_items:
                    hits, covered, index = hits + 1, covered + size, index + size
                    break
            else:
                index += 1
        return hits, covered / len(tokens) if tokens else 0.0

    def _segment(self, tokens: list[str]) -> list[str] | None:
        """Rules of the menu phrases that exactly tile the tokens (fewest phrases), or None."""
        if not self._menu_words.issuperset(tokens):  # a word no phrase has: no tiling
            return None
        best: list[list[str] | None] = [[]] + [None] * len(tokens)
        for end in range(1, len(tokens) + 1):
            for size in range(1, min(self._longest_item, end) + 1):
                before = best[end - size]
                rule = self._menu_items.get(tuple(tokens[end - size : end]))
                if before is not None and rule and (best[end] is None or len(before) + 1 < len(best[end])):
                    best[end] = [*before, rule]
        return best[-1] if tokens else None


def _closes_like_prose(key: str) -> bool:
    return ends_like_sentence(key) and not key.endswith(":")  # "Chia sẻ:" is still a widget


def _labels_what_follows(text: str, bare: str, phrase_end: int) -> bool:
    """Whether a prefix phrase labels the rest of the line ("Chủ đề: Chính sách", "Xem thêm
    Thủ tướng tiếp …") rather than opening a heading ("Chủ đề xuyên suốt của hội nghị").

    The rest is a label's target when introduced by a colon, short, or in title case (a
    headline or tag list); a run of lower-case words reads as prose.
    """
    rest = bare[phrase_end:].lstrip()
    if not rest or rest.startswith(":"):
        return True
    rest_words = text.split()[-word_count(rest) :]
    return len(rest_words) <= _LABEL_TARGET_MAX_WORDS or capitalized_share(" ".join(rest_words)) >= 0.5


def _menu_tokens(key: str) -> list[str]:
    return _MENU_SEPARATOR.sub(" ", key).split()


def _named_alternation(regexes: list[tuple[str, str]]) -> tuple[re.Pattern[str], dict[str, str]]:
    pattern = "|".join(f"(?P<r{i}>{regex})" for i, (regex, _) in enumerate(regexes))
    return re.compile(pattern or "(?!)"), {f"r{i}": rule for i, (_, rule) in enumerate(regexes)}


def _alternation(phrases: dict[str, str], template: str) -> re.Pattern[str]:
    ordered = sorted(phrases, key=len, reverse=True)  # longest phrase wins
    return re.compile(template.format("|".join(map(re.escape, ordered)) or "(?!)"))
