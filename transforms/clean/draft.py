"""The document being cleaned: its lines, each with the rule that took it out of the body (if
any), and what the rules found (title, byline, captions, source credits, timestamps). It writes
the `cleaned` record, or the quarantine row when nothing is left."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from transforms.clean.chrome import is_sentence_like, word_count
from transforms.clean.credits import _outlets_in_credit
from transforms.text import match_key


STAGE = "clean"


@dataclass(eq=False)
class _Line:
    position: int  # 0-based line number in the document text
    original: str
    paragraph: int
    text: str = ""
    rule: str | None = None

    def __post_init__(self) -> None:
        self.text = self.text or self.original

    @cached_property
    def key(self) -> str:
        """match_key: comparable across documents and with reference phrases, but costly."""
        return match_key(self.text)

    @cached_property
    def identity(self) -> str:
        """A cheap key for comparing lines of one document, which share one spelling."""
        return _identity(self.text)

    @cached_property
    def words(self) -> int:
        return word_count(self.text)

    @cached_property
    def sentence_like(self) -> bool:
        return is_sentence_like(self.text)

    @property
    def live(self) -> bool:
        return self.rule is None

    def rewrite(self, text: str) -> None:
        self.text = text
        for derived in ("key", "identity", "words", "sentence_like"):
            self.__dict__.pop(derived, None)


def _identity(text: str) -> str:
    return " ".join(text.casefold().split()) if "  " in text else text.casefold()


@dataclass(frozen=True)
class _Stamp:
    day: date
    time: str | None
    has_day: bool = True

    @property
    def iso(self) -> str:
        return self.day.isoformat() if self.has_day else f"{self.day:%Y-%m}"


@dataclass
class _StampSite:
    """Where a timestamp was found: a whole line, or a prefix cut from a line."""

    line: _Line
    stamp: _Stamp
    partial: dict | None = None

    @property
    def dates_article(self) -> bool:
        return (self.partial["rule"] if self.partial else self.line.rule) == "header:timestamp"

    def relabel(self, rule: str) -> None:
        if self.partial is not None:
            self.partial["rule"] = rule
        else:
            self.line.rule = rule


@dataclass
class _Draft:
    document: dict
    outlets: frozenset[str]
    lines: list[_Line]
    partial_removals: list[dict] = field(default_factory=list)
    flagged: list[dict] = field(default_factory=list)
    captions: list[dict] = field(default_factory=list)
    caption_sites: list[tuple[int, str]] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    stamps: list[_StampSite] = field(default_factory=list)
    author: str | None = None
    title: str | None = None
    sapo: str | None = None
    header_date: _Stamp | None = None
    outlet_prefix: bool = False
    published: tuple[str | None, str | None] = (None, None)

    @property
    def doc_id(self) -> str:
        return self.document["doc_id"]

    def live_lines(self) -> list[_Line]:
        return [line for line in self.lines if line.rule is None]  # line.live, without the call: hot

    def remove_part(self, text: str, rule: str, position: int) -> dict:
        removal = {"line": text, "rule": rule, "position": position}
        self.partial_removals.append(removal)
        return removal

    def flag(self, line: _Line, rule: str) -> None:
        self.flagged.append({"line": line.text, "rule": rule, "position": line.position})

    def add_source(self, name: str) -> None:
        name = name.strip(" .,;:-–—()")
        name = name[4:] if name.lower().startswith("www.") else name
        if name and name.casefold() not in {known.casefold() for known in self.sources}:
            self.sources.append(name)

    def add_caption(self, line: _Line, text: str, credit: str | None) -> None:
        text = text.strip()
        key = _identity(text)
        self.caption_sites.append((line.position, key))
        if credit:
            for outlet in _outlets_in_credit(credit, self.outlets):
                self.add_source(outlet)
        if any(_identity(c["text"]) == key and c["credit"] == credit for c in self.captions):
            return
        self.captions.append({"text": text, "credit": credit})

    def record(self) -> dict:
        body = "\n\n".join(line.text for line in self.live_lines())
        removed = [
            {"line": line.original, "rule": line.rule, "position": line.position}
            for line in self.lines
            if not line.live
        ] + self.partial_removals
        published_date, published_time = self.published
        return {
            "doc_id": self.doc_id,
            "title": self.title,
            "sapo": self.sapo,
            "body": body,
            "body_key": match_key(body),
            "published_date": published_date,
            "published_time": published_time,
            "captions": self.captions,
            "author": self.author,
            "source_credits": self.sources,
            "removed_lines": sorted(removed, key=lambda r: r["position"]),
            "flagged_lines": sorted(self.flagged, key=lambda r: r["position"]),
        }

    def quarantine_record(self) -> dict:
        return {
            "doc_id": self.doc_id,
            "source_path": self.document.get("source_path"),
            "sha256": self.document.get("sha256"),
            "stage": STAGE,
            "reason": "empty-body",
            "detail": f"Nothing is left after cleaning: all {len(self.lines)} lines were "
            "header, captions, byline or site chrome.",
        }
