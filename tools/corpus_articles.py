"""Articles of the independent corpus: model, writer, rendering, the copies' edits, similarity.

See tools/independent_corpus.py for the corpus and its ground truth.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, replace

from tools import corpus_words as words
from transforms.settings import DedupSettings

# Edit name → what it does; every copy gets one, in equal shares (when its original allows it).
EDITS = {
    "exact": "byte-identical copy",
    "respaced": "doubled spaces, trailing spaces, tabs and CRLF line endings",
    "repunctuated": "commas dropped and added, sentence ends changed to ! or …",
    "retoned": "old-style tone placement (hòa → hoà, thủy → thuỷ)",
    "uppercased": "the whole copy in capitals",
    "reordered": "adjacent sentences swapped in half the paragraphs, two paragraphs swapped",
    "syllables-3": "3% of the syllables deleted (figures kept)",
    "syllables-8": "8% of the syllables deleted",
    "syllables-15": "15% of the syllables deleted (on the border of the near rule)",
    "syllables-25": "25% of the syllables deleted (no longer a copy by dedup's rule)",
    "paragraph-dropped": "one paragraph after the first dropped",
    "truncated-60": "the first 60% of the sentences kept",
    "truncated-30": "the first 30% of the sentences kept",
    "lead-cut": "the last 60% of the sentences kept",
    "combined": "reordered + 3% syllables deleted + repunctuated + retoned",
}
_SHINGLE = DedupSettings().shingle_size
_SYLLABLE = re.compile(r"[^\W_]+")
_MAX_BYTES = 100_000


@dataclass(frozen=True)
class Sentence:
    tokens: tuple[str, ...]  # words (one or more syllables) and figures ("12/5/2024", "3,5")
    commas: tuple[int, ...] = ()  # a comma after these token positions


@dataclass(frozen=True)
class Article:
    headline: tuple[str, ...] | None
    paragraphs: tuple[tuple[Sentence, ...], ...]
    giant: bool = False  # rendered as one paragraph on one line


@dataclass(frozen=True)
class Style:
    """How an article becomes text; the variants are drawn from ``seed`` so rendering is pure."""

    seed: int = 0
    messy_spaces: bool = False
    other_punctuation: bool = False
    old_tones: bool = False
    upper: bool = False


# --- writing articles -----------------------------------------------------------------------


class Writer:
    """Vietnamese-looking sentences from the word lists: grammatical in shape, random in content."""

    def __init__(self, rng: random.Random):
        self.rng = rng

    def person(self) -> str:
        pick = self.rng.choice
        return f"{pick(words.TITLES)} {pick(words.SURNAMES)} {pick(words.MIDDLE_NAMES)} {pick(words.GIVEN_NAMES)}"

    def noun_phrase(self) -> list[str]:
        rng = self.rng
        phrase = [rng.choice(words.QUANTIFIERS)] if rng.random() < 0.3 else []
        phrase.append(rng.choice(words.NOUNS))
        if rng.random() < 0.3:
            phrase.append(rng.choice(words.ADJECTIVES))
        if rng.random() < 0.3:
            phrase += [rng.choice(words.LINKS), rng.choice(words.NOUNS)]
        return phrase

    def figure(self) -> list[str]:
        rng = self.rng
        amount = f"{rng.randint(1, 999)},{rng.randint(1, 9)}" if rng.random() < 0.3 else str(rng.randint(2, 9999))
        year = str(rng.randint(2015, 2024))  # never in the future: validate rejects future events
        choice = rng.randrange(5)
        if choice == 0:
            return ["với tổng kinh phí", amount, rng.choice(words.MONEY)]
        if choice == 1:
            return ["tăng", f"{rng.randint(2, 60)}%", "so với cùng kỳ năm", year]
        if choice == 2:
            return ["vào ngày", f"{rng.randint(1, 28)}/{rng.randint(1, 12)}/{year}"]
        if choice == 3:
            return ["khoảng", amount, rng.choice(words.UNITS)]
        return ["trong", str(rng.randint(2, 11)), "tháng đầu năm", year]

    def sentence(self) -> Sentence:
        rng = self.rng
        tokens: list[str] = []
        commas: list[int] = []
        if rng.random() < 0.25:
            tokens.append(rng.choice(words.CONNECTORS))
            commas.append(0)
        tokens += [self.person(), "cho biết"] if rng.random() < 0.15 else []
        tokens += self.noun_phrase()
        if rng.random() < 0.5:
            tokens.append(rng.choice(words.AUXILIARIES))
        tokens.append(rng.choice(words.VERBS))
        tokens += self.noun_phrase()
        if rng.random() < 0.5:
            if rng.random() < 0.3:
                commas.append(len(tokens) - 1)
            tokens += [rng.choice(words.PREPOSITIONS), rng.choice(words.PLACES if rng.random() < 0.6 else words.NOUNS)]
        if rng.random() < 0.4:
            tokens += self.figure()
        return Sentence(tuple(tokens), tuple(commas))

    def article(self, target_bytes: int, giant: bool) -> Article:
        rng = self.rng
        headline = None if target_bytes < 400 and rng.random() < 0.5 else (
            *self.noun_phrase(), rng.choice(words.VERBS), *self.noun_phrase(), rng.choice(words.PLACES))
        paragraphs: list[tuple[Sentence, ...]] = []
        size = 0
        while size < max(target_bytes, 100):
            paragraph = []
            for _ in range(rng.randint(2, 6)):
                sentence = self.sentence()
                cost = sum(len(t) for t in sentence.tokens) * 1.3 + len(sentence.tokens)  # ≈ UTF-8 bytes
                if size + cost > _MAX_BYTES * 0.95:
                    break
                paragraph.append(sentence)
                size += cost
            if not paragraph:
                break
            if rng.random() < 0.15:
                paragraph.append(Sentence(tuple(rng.choice(words.STOCK_SENTENCES).split(" "))))
            paragraphs.append(tuple(paragraph))
        return Article(headline, tuple(paragraphs), giant)

    def english(self, target_bytes: int) -> str:
        rng = self.rng
        paragraphs = []
        while sum(map(len, paragraphs)) < target_bytes:
            sentences = [" ".join(rng.choices(words.ENGLISH_WORDS, k=rng.randint(8, 20))).capitalize() + "."
                         for _ in range(rng.randint(2, 5))]
            paragraphs.append(" ".join(sentences))
        return "\n\n".join(paragraphs) + "\n"


def target_size(rng: random.Random) -> int:
    """Bytes: 3% tiny (100–400), most 0.7–6 KB, 6.5% up to 30 KB, 0.5% up to 100 KB."""
    roll = rng.random()
    low, high = (100, 400) if roll < 0.03 else (700, 6000) if roll < 0.93 else (6000, 30_000) if roll < 0.995 else (30_000, _MAX_BYTES)
    return int(low * (high / low) ** rng.random())


# --- rendering --------------------------------------------------------------------------------


def render(article: Article, style: Style = Style()) -> str:
    rng = random.Random(style.seed)
    paragraphs = [" ".join(_sentence_text(s, style, rng) for s in paragraph) for paragraph in article.paragraphs]
    blocks = [" ".join(paragraphs)] if article.giant else paragraphs
    if article.headline:
        blocks.insert(0, _capitalised(" ".join(article.headline)))
    text = "\n\n".join(blocks) + "\n"
    if style.old_tones:
        text = _SYLLABLE.sub(lambda match: words.OLD_TONE_STYLE.get(match.group(0), match.group(0)), text)
    if style.upper:
        text = text.upper()
    if style.messy_spaces:
        text = _messy_spaces(text, rng)
    return text


def _sentence_text(sentence: Sentence, style: Style, rng: random.Random) -> str:
    commas = set(sentence.commas)
    end = "."
    if style.other_punctuation:
        commas = {position for position in commas if rng.random() < 0.5}
        if len(sentence.tokens) > 3 and rng.random() < 0.3:
            commas.add(rng.randrange(1, len(sentence.tokens) - 1))
        end = rng.choice((".", ".", "!", "…"))
    last = len(sentence.tokens) - 1
    parts = [token + ("," if position in commas and position != last else "") for position, token in enumerate(sentence.tokens)]
    return _capitalised(" ".join(parts)) + end


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def _messy_spaces(text: str, rng: random.Random) -> str:
    lines = []
    for line in text.split("\n"):
        pieces = line.split(" ")
        line = "".join(piece + (rng.choice(("  ", "\t", " ")) if rng.random() < 0.1 else " ") for piece in pieces)
        lines.append(line.rstrip(" ") + (" " if rng.random() < 0.3 else ""))
    return "\r\n".join(lines)


# --- edits -----------------------------------------------------------------------------------


def _sentences(article: Article) -> list[Sentence]:
    return [sentence for paragraph in article.paragraphs for sentence in paragraph]


def applicable(edit: str, article: Article) -> bool:
    if edit == "paragraph-dropped":
        return len(article.paragraphs) >= 5
    if edit in ("truncated-60", "truncated-30", "lead-cut"):
        return len(_sentences(article)) >= 10
    if edit in ("reordered", "combined"):
        return len(_sentences(article)) >= 4
    return True


def edited(article: Article, base: Style, edit: str, rng: random.Random) -> tuple[Article, Style]:
    """The copy's article and the style it is rendered in (the original's ``base`` plus the edit)."""
    if edit == "exact":
        return article, base
    style = replace(base, seed=rng.getrandbits(32))
    if edit in ("respaced", "repunctuated", "retoned", "uppercased"):
        flag = {"respaced": "messy_spaces", "repunctuated": "other_punctuation", "retoned": "old_tones", "uppercased": "upper"}[edit]
        return article, replace(style, **{flag: True})
    if edit == "reordered":
        return _reordered(article, rng), style
    if edit.startswith("syllables-"):
        return _without_syllables(article, int(edit.rpartition("-")[2]) / 100, rng), style
    if edit == "paragraph-dropped":
        dropped = rng.randrange(1, len(article.paragraphs))
        return replace(article, paragraphs=article.paragraphs[:dropped] + article.paragraphs[dropped + 1:]), style
    if edit in ("truncated-60", "truncated-30", "lead-cut"):
        return _cut(article, edit), style
    if edit == "combined":
        changed = _without_syllables(_reordered(article, rng), 0.03, rng)
        return changed, replace(style, other_punctuation=True, old_tones=True)
    raise ValueError(f"unknown edit {edit!r}; edits are {', '.join(EDITS)}")


def _reordered(article: Article, rng: random.Random) -> Article:
    paragraphs = []
    for paragraph in article.paragraphs:
        paragraph = list(paragraph)
        if len(paragraph) >= 2 and rng.random() < 0.5:
            i = rng.randrange(len(paragraph) - 1)
            paragraph[i], paragraph[i + 1] = paragraph[i + 1], paragraph[i]
        paragraphs.append(tuple(paragraph))
    if len(paragraphs) >= 3:
        i = rng.randrange(1, len(paragraphs) - 1)
        paragraphs[i], paragraphs[i + 1] = paragraphs[i + 1], paragraphs[i]
    return replace(article, paragraphs=tuple(paragraphs))


def _without_syllables(article: Article, rate: float, rng: random.Random) -> Article:
    def thinned(sentence: Sentence) -> Sentence:
        tokens = []
        for token in sentence.tokens:
            kept = [s for s in token.split(" ") if any(c.isdigit() for c in s) or rng.random() >= rate]
            tokens.append(" ".join(kept))
        kept_tokens = tuple(t for t in tokens if t) or sentence.tokens[:1]
        return Sentence(kept_tokens)  # comma positions no longer line up: dropped

    return replace(article, paragraphs=tuple(tuple(map(thinned, p)) for p in article.paragraphs))


def _cut(article: Article, edit: str) -> Article:
    """Keep a share of the sentences, in whole paragraphs except where the cut falls."""
    total = len(_sentences(article))
    keep = round(total * (0.3 if edit == "truncated-30" else 0.6))
    start, stop = (total - keep, total) if edit == "lead-cut" else (0, keep)
    paragraphs, position = [], 0
    for paragraph in article.paragraphs:
        part = tuple(s for offset, s in enumerate(paragraph, position) if start <= offset < stop)
        position += len(paragraph)
        if part:
            paragraphs.append(part)
    return replace(article, paragraphs=tuple(paragraphs))


# --- truth ------------------------------------------------------------------------------------


def shingles(article: Article) -> set[tuple[str, ...]]:
    """5-syllable shingles of the body (headline excluded: the cleaner takes it as the title)."""
    syllables = _SYLLABLE.findall(" ".join(" ".join(s.tokens) for s in _sentences(article)).lower())
    return {tuple(syllables[i:i + _SHINGLE]) for i in range(max(1, len(syllables) - _SHINGLE + 1))}


def similarity(original: Article, copy: Article, settings: DedupSettings = DedupSettings()) -> dict:
    """Shingle Jaccard and containment, and the chance that LSH makes the pair a candidate at all
    (``1 - (1 - J**rows)**bands``): a pair dedup never compares it cannot find."""
    a, b = shingles(original), shingles(copy)
    common = len(a & b)
    smaller, larger = min(len(a), len(b)), max(len(a), len(b))
    jaccard = common / (len(a) + len(b) - common)
    rows = settings.num_perm // settings.bands
    return {"jaccard": round(jaccard, 4), "containment": round(common / smaller, 4),
            "shingles": [len(a), len(b)], "size_ratio": round(smaller / larger, 4),
            "lsh_candidate_probability": round(1 - (1 - jaccard**rows) ** settings.bands, 4)}


def meant_to_be_found(figures: dict, settings: DedupSettings = DedupSettings()) -> bool | None:
    """DedupSettings' near/contained rules with a margin, for pairs LSH almost surely compares
    (probability ≥ 0.97); None on the border or when only LSH's luck decides (scored apart)."""
    jaccard, containment, ratio = figures["jaccard"], figures["containment"], figures["size_ratio"]
    smaller = min(figures["shingles"])
    compared = figures["lsh_candidate_probability"] >= 0.97
    if jaccard >= settings.jaccard_threshold + 0.08 and compared:
        return True
    if (containment >= min(1.0, settings.containment_threshold + 0.1) and ratio <= settings.containment_threshold - 0.05
            and smaller >= 1.5 * settings.min_contained_shingles):
        return True if compared else None
    could_be_contained = (containment >= settings.containment_threshold - 0.1 and ratio <= settings.containment_threshold + 0.05
                          and smaller >= 0.7 * settings.min_contained_shingles)
    if jaccard < settings.jaccard_threshold - 0.05 and not could_be_contained:
        return False
    return None
