"""Lookup structures built once from the reference tables (``seeds/reference/*.csv``).

Every phrase the extractor looks up — organizations, countries and other places, news outlets,
titles, ranks, honorifics — goes into one regular expression shaped as a character trie over
the phrases' matching keys (``transforms.text.match_key``), so a paragraph is scanned once, in
C, whatever the size of the gazetteers; the trie's greedy optional branches give the longest
phrase at each position ("Ấn Độ Dương" wins over "Ấn Độ", "Bộ trưởng Ngoại giao" over
"Bộ trưởng").
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

from transforms.reference import Reference
from transforms.text import canonical_tone_placement, match_key

# Letters by case, for the case-sensitive patterns (names, organization heads). Python's `re`
# has no \p{Lu}; Vietnamese needs Latin Extended Additional (Ạ…ỹ) besides Latin-1.
_LETTERS = [chr(code) for code in range(0x41, 0x2000) if chr(code).isalpha()]
UPPER = "".join(c for c in _LETTERS if c.isupper())
LOWER = "".join(c for c in _LETTERS if c.islower())
UPPER_CLASS = f"[{re.escape(UPPER)}]"
LOWER_CLASS = f"[{re.escape(LOWER)}]"

# Common Vietnamese family names: a general linguistic gazetteer (not a list of people), used to
# recognise a personal name written before its titles ("Lê Hoài Trung, Bí thư Trung ương Đảng")
# and to split a name from what precedes it ("Giám đốc Vietnam Airlines Lê Hồng Hà").
# Left out: surnames that are also everyday capitalized words at a sentence start (Ông, Văn, Y).
VIETNAMESE_SURNAMES = frozenset(
    name.lower()
    for name in (
        "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Lương Tô Thái "
        "Mai Trịnh Đinh Lâm Hà Đào Cao Lưu Châu Chu Tạ Quách Vương Kiều Đoàn Tăng Trương Tôn "
        "Triệu Lại Phùng Lã Khổng Khúc Mạc Nông Thân Hứa Giang Âu Bạch Bế Cù Diệp Doãn Đàm Đậu "
        "Đồng Giáp Hầu Kim Kha Khương Lạc Lò Lục Mẫn Nghiêm Ninh Phí Quan Sầm Tiêu Tống Từ Ứng "
        "Vi Viên Thào Sùng Giàng Cấn Chử Cung Dư Đường Khuất Lăng Mã Nhữ Tất Thạch Trình Tiết "
        "Biện Chế Lữ Lều Mông Nhâm Ôn Thiều Tòng Văng Vàng"
    ).split()
)

PLACE_KINDS = frozenset({"country", "region", "territory", "province", "city"})
TITLE_KINDS = frozenset({"position", "rank", "honorific", "modifier"})
# Prefixes a position takes without a row of its own: "Phó Chủ tịch", "Quyền Bộ trưởng",
# "nguyên Thủ tướng", "tân Đại sứ", "nguyên Phó Chủ nhiệm".
_RANK_PREFIXES = ("Phó", "Quyền")
_TIME_PREFIXES = ("nguyên", "tân")
# "quyền" in lower case is "right, power" ("chính quyền Tổng thống ..."), never "acting".
_CAPITALIZED_PREFIXES = frozenset({"Quyền"})
_DASHES = re.compile(r"\s*[-–—]\s*")
_SPACE_RUN = re.compile(r" +")


@dataclass(frozen=True)
class Entry:
    """One gazetteer row as the extractor sees it."""

    # organization | agency | country | region | territory | province | city | position | rank
    # | honorific | modifier
    kind: str
    name: str  # canonical form (for titles: the title itself)
    category: str = ""  # organization type, agency kind, or a title's complement rule
    organization: str = ""  # for titles: the organization the title names
    ambiguous: bool = False  # a place alias that is also a common word or given name
    descriptive: bool = False  # an organization head that takes a lower-case description
    valid_from: str = ""
    valid_until: str = ""
    successor: str = ""
    country: str = ""  # for a city or province: the country it is in
    city: str = ""  # for a venue ("Phủ Chủ tịch"): the city it is in

    @property
    def reported(self) -> bool:
        """Whether a mention of this entry is reported (generic bodies and non-countries are not)."""
        if self.kind == "organization":
            return self.category not in ("generic", "head")
        return self.kind in ("country", "agency")


@dataclass(frozen=True)
class Alias:
    entry: Entry
    exact: str | None  # the as-written form required when the alias is case-sensitive (LHQ)
    capitalized: bool  # the alias starts with a capital, so must the text (titles excepted)
    strict_case: bool = False  # capitalized even for a title ("Quyền Bộ trưởng", not "chính quyền ...")


class PhraseMatch(NamedTuple):
    start: int
    end: int
    entries: tuple[Entry, ...]


@lru_cache(maxsize=1 << 16)
def entity_key(text: str) -> str:
    """``match_key`` of a short string (a name, title, organization), cached: the same few
    thousand names come back in every article."""
    return match_key(text)


@lru_cache(maxsize=1 << 16)
def phrase_key(text: str) -> str:
    """The lookup key of a phrase: ``match_key`` with dashes closed up ("Việt Nam - Lào")."""
    return _DASHES.sub("-", match_key(text))


def key_text(canonical: str) -> str:
    """Text already in canonical tone placement, in matching form with the same length, so
    offsets carry over to the original."""
    keyed = canonical.lower()
    if len(keyed) != len(canonical):  # a character whose lower case is longer (rare: "İ")
        keyed = "".join(low if len(low := ch.lower()) == 1 else ch for ch in canonical)
    # Line breaks stay: no phrase runs across paragraphs.
    return keyed.replace("\t", " ").replace("\r", " ").replace("–", "-").replace("—", "-")


def _is_case_sensitive(alias: str) -> bool:
    return sum(ch.isupper() for ch in alias) >= 2 and " " not in alias


def _trie_pattern(keys: Iterable[str]) -> str:
    """A regex matching exactly ``keys``, longest first, as a nested alternation (a trie)."""
    trie: dict = {}
    for key in keys:
        node = trie
        for char in key:
            node = node.setdefault(char, {})
        node[""] = {}

    def pattern(node: dict) -> str:
        branches = [_trie_char(char) + pattern(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return pattern(trie)


def _trie_char(char: str) -> str:
    if char == " ":
        return " +"
    if char == "-":
        return " *- *"
    return re.escape(char)


@dataclass
class Gazetteer:
    """Every lookup the extract stage needs, built by :meth:`from_reference`."""

    aliases: dict[str, tuple[Alias, ...]]
    phrase_regex: re.Pattern
    organization_heads: re.Pattern
    descriptive_heads: frozenset[str]
    organizations: dict[str, Entry]  # canonical key → entry
    agencies: dict[str, Entry]  # alias or domain key → entry
    damaged_agencies: dict[str, Entry]  # an abbreviation with one letter lost ("TXVN") → entry
    countries_in_organization: dict[str, tuple[str, ...]]  # "Quân đội nhân dân Lào" → ("Lào",)
    surnames: frozenset[str] = field(default=VIETNAMESE_SURNAMES)
    head_names: dict[str, str] = field(default_factory=dict)  # head alias key → canonical ("ubnd" → "Ủy ban nhân dân")

    @classmethod
    def from_reference(cls, reference: Reference) -> Gazetteer:
        aliases = _Aliases()
        organizations = _Organizations.read(reference, aliases)
        for row in reference.get("countries", []):
            entry = Entry(row["kind"], row["name"], ambiguous=row.get("ambiguous") == "yes", country=row.get("country", ""),
                          city=row.get("city", ""))
            # An ambiguous row holds only the ambiguous short forms, in its aliases.
            names = _split_aliases(row.get("aliases", ""))
            for name in names if entry.ambiguous else [row["name"], *names]:
                aliases.add(name, entry)
        agencies: dict[str, Entry] = {}
        for row in reference.get("agencies", []):
            entry = Entry("agency", row["name"], row.get("kind", ""))
            for name in [row["name"], *_split_aliases(row.get("aliases", "")), *_split_aliases(row.get("domains", ""))]:
                aliases.add(name, entry)
                agencies[phrase_key(name)] = entry
        _add_titles(reference, organizations.entries, aliases)

        frozen = {key: _ambiguous_wins(records) for key, records in aliases.by_key.items()}
        phrase_regex = _phrase_regex(frozen)
        head_alternation = "|".join(re.escape(h) for h in sorted(set(organizations.heads), key=len, reverse=True))
        return cls(
            aliases=frozen,
            phrase_regex=phrase_regex,
            organization_heads=re.compile(rf"(?<!\w)(?:{head_alternation})(?!\w)"),
            descriptive_heads=frozenset(organizations.descriptive),
            organizations=organizations.entries,
            agencies=agencies,
            damaged_agencies=_damaged_abbreviations(agencies),
            countries_in_organization=_countries_named_in(organizations.entries.values(), phrase_regex, frozen),
            head_names=organizations.head_names,
        )

    def find_phrases(self, text: str, keyed: str) -> Iterator[PhraseMatch]:
        """Gazetteer phrases in ``text`` (``keyed``: its :func:`key_text`), left to right,
        longest at each position, keeping only aliases whose case the text respects."""
        position = 0
        while position is not None:
            restart, position = position, None
            for match in self.phrase_regex.finditer(keyed, restart):
                start, end = match.span()
                written, key = text[start:end], match.group()
                if "  " in key or "-" in key:
                    key = _SPACE_RUN.sub(" ", _DASHES.sub("-", key))
                capital = written[0].isupper()
                entries = tuple(
                    record.entry
                    for record in self.aliases.get(key, ())
                    if (record.exact is None or _SPACE_RUN.sub(" ", written) == record.exact)
                    and (capital or not record.capitalized
                         or (record.entry.kind in TITLE_KINDS and not record.strict_case))
                )
                if not entries:  # the text's case rules this phrase out: look again from the next word
                    position = start + 1
                    break
                yield PhraseMatch(start, end, entries)

    def agency(self, name: str) -> Entry | None:
        """The outlet ``name`` is one spelling of: an alias, a domain with or without "www."
        ("www.vov.vn" → VOV)."""
        key = phrase_key(name)
        return self.agencies.get(key) or self.agencies.get(key.removeprefix("www."))

    def damaged_agency(self, name: str) -> Entry | None:
        """The outlet an upper-case abbreviation that lost one letter stands for ("TXVN" → TTXVN)."""
        return self.damaged_agencies.get(name) if name.isupper() else None

    def organization(self, name: str) -> Entry | None:
        return self.organizations.get(phrase_key(name))

    def is_country(self, name: str) -> bool:
        return any(record.entry.kind == "country" for record in self.aliases.get(phrase_key(name), ()))

    def is_surname(self, word: str) -> bool:
        return word.lower() in self.surnames


class _Aliases:
    """Every spelling of every entry, by lookup key, in reading order."""

    def __init__(self) -> None:
        self.by_key: dict[str, list[Alias]] = {}

    def add(self, alias: str, entry: Entry, strict_case: bool = False) -> None:
        alias = alias.strip()
        if not alias:
            return
        exact = alias if _is_case_sensitive(alias) else None
        record = Alias(entry, exact, alias[0].isupper(), strict_case)
        bucket = self.by_key.setdefault(phrase_key(alias), [])
        if record not in bucket:
            bucket.append(record)


@dataclass
class _Organizations:
    """organizations.csv read: the organizations (their aliases added) and the head words
    organizations are built from ("Bộ", "UBND"), which are no organizations themselves."""

    entries: dict[str, Entry] = field(default_factory=dict)  # canonical key → entry
    heads: list[str] = field(default_factory=list)
    head_names: dict[str, str] = field(default_factory=dict)
    descriptive: set[str] = field(default_factory=set)

    @classmethod
    def read(cls, reference: Reference, aliases: _Aliases) -> _Organizations:
        found = cls()
        for row in reference.get("organizations", []):
            entry = Entry(
                "organization", row["name"], row.get("type", ""),
                descriptive=row.get("descriptive") == "yes", valid_from=row.get("valid_from", ""),
                valid_until=row.get("valid_until", ""), successor=row.get("successor", ""),
            )
            names = [row["name"], *_split_aliases(row.get("aliases", ""))]
            if entry.category == "head":
                found.heads.extend(canonical_tone_placement(name) for name in names)
                found.head_names.update((phrase_key(name), row["name"]) for name in names)
                if entry.descriptive:
                    found.descriptive.update(phrase_key(name) for name in names)
                continue
            found.entries[phrase_key(entry.name)] = entry
            for name in names:
                aliases.add(name, entry)
        return found


def _add_titles(reference: Reference, organizations: dict[str, Entry], aliases: _Aliases) -> None:
    title_rows = [*reference.get("titles", []), *reference.get("ranks", [])]
    written_titles = {phrase_key(row["title"]) for row in title_rows}
    for row in title_rows + _ministerial_titles(organizations.values(), written_titles):
        entry = Entry(row["kind"], row["title"], row.get("complement", ""), row.get("organization", ""))
        aliases.add(row["title"], entry)
        if entry.kind == "position":
            for title in _prefixed(row["title"]):
                aliases.add(title, entry, strict_case=title.startswith(tuple(_CAPITALIZED_PREFIXES)))


def _phrase_regex(aliases: dict[str, tuple[Alias, ...]]) -> re.Pattern:
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(limit, 10_000))  # the trie's nesting depth is the longest key
    try:
        return re.compile(rf"(?<!\w)(?:{_trie_pattern(aliases)})(?![\w+])")
    finally:
        sys.setrecursionlimit(limit)


def _ministerial_titles(organizations: Iterable[Entry], written: set[str]) -> list[dict]:
    """"Bộ trưởng Công Thương", "Thứ trưởng Tư pháp": a minister's title written with the
    ministry's name without "Bộ", for every ministry "Bộ X" (rows of titles.csv win)."""
    rows = []
    for entry in organizations:
        if entry.category != "ministry" or not entry.name.startswith("Bộ "):
            continue
        for office in ("Bộ trưởng", "Thứ trưởng"):
            title = f"{office} {entry.name[len('Bộ '):]}"
            if phrase_key(title) not in written:
                rows.append({"title": title, "kind": "position", "complement": "optional", "organization": entry.name})
    return rows


def _prefixed(title: str) -> list[str]:
    """``title`` with the prefixes it can take (not repeating one it starts with)."""
    ranked = [f"{prefix} {title}" for prefix in _RANK_PREFIXES if not title.startswith(prefix)]
    timed = [f"{prefix} {base}" for prefix in _TIME_PREFIXES for base in (title, *ranked)]
    return ranked + timed


def _countries_named_in(organizations: Iterable[Entry], phrase_regex: re.Pattern,
                        aliases: dict[str, tuple[Alias, ...]]) -> dict[str, tuple[str, ...]]:
    found = {}
    for entry in organizations:
        keyed = key_text(canonical_tone_placement(entry.name))
        # Every word start but the first (at 0 its own name would hide the rest), so a country
        # inside a longer name inside this one is found too ("Nhân đại toàn quốc Trung Quốc").
        starts = [found.end() for found in re.finditer(r"[ -]+", keyed)]
        countries = [
            record.entry.name
            for start in starts
            if (match := phrase_regex.match(keyed, start)) is not None
            for record in aliases.get(match.group(), ())
            if record.entry.kind == "country"
        ]
        if countries:
            found[entry.name] = tuple(dict.fromkeys(countries))
    return found


def _ambiguous_wins(records: list[Alias]) -> tuple[Alias, ...]:
    """One record per entry; a spelling that is ambiguous for a country ("Nga") stays
    ambiguous even where the country's own row lists it as its name."""
    ambiguous = {record.entry.name for record in records if record.entry.ambiguous}
    kept: dict[Entry, Alias] = {}
    for record in records:
        if record.entry.ambiguous or record.entry.kind != "country" or record.entry.name not in ambiguous:
            kept.setdefault(record.entry, record)
    return tuple(kept.values())


def _damaged_abbreviations(agencies: dict[str, Entry]) -> dict[str, Entry]:
    """Each upper-case abbreviation of five letters or more with one letter dropped, when that
    spelling is no outlet's own and only one abbreviation gives it: credits lose a letter in
    typing or normalization ("Dương Giang/TXVN")."""
    abbreviations = {alias.upper(): entry for alias, entry in agencies.items()
                     if len(alias) >= 5 and alias.isalpha() and alias.upper() == entry.name}
    damaged: dict[str, Entry | None] = {}
    for abbreviation, entry in abbreviations.items():
        for position in range(len(abbreviation)):
            spelling = abbreviation[:position] + abbreviation[position + 1:]
            if phrase_key(spelling) not in agencies:
                damaged[spelling] = entry if damaged.get(spelling, entry) == entry else None
    return {spelling: entry for spelling, entry in damaged.items() if entry is not None}


def _split_aliases(value: str) -> list[str]:
    return [alias.strip() for alias in value.split("|") if alias.strip()]
