"""An article's text cut into the spans every extractor reads.

Three passes, each one regex scan: gazetteer phrases (organizations, places, outlets, titles),
organizations built from a head word ("Sở" + "Ngoại vụ", "Đảng ủy" + "Bộ Ngoại giao"), and runs
of capitalized words that are not a phrase — the candidate personal names. Names win over the
places and short country names they contain ("Nguyễn Hoà Bình", "Lê Thị Nga"); a place or
country that opens a run is split off ("Trung Quốc Tập Cận Bình", "Hà Tĩnh Võ Trọng Hải").
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from transforms.extract.gazetteer import LOWER_CLASS, PLACE_KINDS, UPPER_CLASS, Entry, Gazetteer, key_text, phrase_key
from transforms.extract.places import with_state_forms
from transforms.text import canonical_tone_placement

_LETTER = r"[^\W\d_]"
CAPITALIZED_WORD = rf"{UPPER_CLASS}{_LETTER}*(?:-{_LETTER}+)*"
LOWERCASE_WORD = rf"{LOWER_CLASS}{_LETTER}*"
# Lower-case particles inside foreign names ("Mohamed bin Zayed", "Ursula von der Leyen").
# No look-behind: the scan skips ahead on the capitals; callers check the word start.
_NAME_PARTICLES = "bin|binti|van|von|der|de|da|al|el|dos|del"
# Initials open some names ("Ngoại trưởng Ấn Độ S. Jaishankar", "John F. Kennedy" keeps "F." too).
_CAPITALIZED_RUN = re.compile(
    rf"(?:[A-Z]\. )*{CAPITALIZED_WORD}(?:(?: (?:{_NAME_PARTICLES}|[A-Z]\.))* {CAPITALIZED_WORD})*(?!\w)"
)
# Lower-case words that end an organization's name ("Sở Ngoại vụ chủ trì", "Bộ Y tế cho").
_STOP_WORDS = frozenset(
    "của và về đã đang sẽ là có được cho với tại trong theo để các những này đó cũng không đến "
    "từ khi sau trước nhằm cùng do bị vừa đều chủ tiếp phát ký trao tham thăm khai dự gặp hội "
    "làm đề nêu nhấn khẳng báo lãnh đánh tổ chỉ mời chúc đón tới ra lên vào như thì mà "
    "khóa khoá nhiệm lần thứ năm".split()
)
# A capitalized word and the lower-case syllables of its compound, up to two ("Khu kinh tế").
_ORGANIZATION_CHUNK = re.compile(rf"{CAPITALIZED_WORD}(?: (?!(?:{'|'.join(_STOP_WORDS)})(?!\w)){LOWERCASE_WORD}){{0,2}}")
# Words right after a head that belong to the name ("Ủy ban hỗn hợp", "Ban Chỉ đạo liên ngành").
_QUALIFIER = re.compile(r" (liên ngành|hỗn hợp|liên [Cc]hính phủ|thường trực|quốc gia|nhân dân|Trung ương|liên bộ)(?!\w)")
_DESCRIPTION_TRIGGERS = frozenset({"liên ngành", "quốc gia", "Trung ương"})
# A lower-case description runs to the next punctuation ("Ban Chỉ đạo liên ngành về Hội nhập
# quốc tế trong lĩnh vực chính trị-an ninh-quốc phòng"), within reason.
_DESCRIPTION = re.compile(r"(?: [^\s,.;:()“”\"!?]+){1,16}")
_ADMINISTRATIVE_WORD = re.compile(r" (?:tỉnh|thành phố|TP\.?|huyện|quận|thị xã|xã|phường)(?= )")
# Capitalized words that name a kind of place, not a particular one ("Đảng bộ Thành phố").
_GENERIC_NAME_WORDS = frozenset({"thành phố", "tỉnh", "quận", "huyện", "xã", "phường", "thủ đô", "bộ", "ban", "sở"})
# Diplomatic missions are named by their place too ("Đại sứ quán Việt Nam tại Hoa Kỳ").
_MISSION_HEADS = frozenset({"đại sứ quán", "tổng lãnh sự quán", "lãnh sự quán", "cơ quan", "phái đoàn"})
_CONNECTOR = re.compile(r" (?:và|-|–) | ?[-–] ?")
_DANGLING_CONNECTOR = re.compile(r"(?: (?:và|-|–)| ?[-–])$")
# Heads whose organizations are units of a larger body named after a comma
# ("Cục trưởng Cục Đối ngoại, Bộ Công an").
SUBUNIT_HEADS = frozenset({"cục", "vụ", "viện", "tổng cục", "học viện", "văn phòng", "ban"})
# Local bodies a title names without their place, the article's province being understood
# ("Phó Bí thư Tỉnh ủy", "Chủ tịch UBND tỉnh", "Phó Chủ tịch HĐND thành phố").
LOCAL_HEADS = frozenset({
    "tỉnh ủy", "thành ủy", "huyện ủy", "quận ủy", "thị ủy", "khu ủy",
    "ủy ban nhân dân", "ubnd", "hội đồng nhân dân", "hđnd",
})
_BARE_ADMINISTRATIVE = re.compile(r" (?:tỉnh|thành phố|TP|huyện|quận|thị xã|xã|phường)(?!\w)")
_SENTENCE_OPENERS = _STOP_WORDS | frozenset(
    "tham thay sau ngoài nhân dưới qua còn hai ba bốn năm toàn phát tiếp chiều sáng tối trưa "
    "đêm ngày hôm trên bên giữa ở tất mọi mỗi riêng hiện đây đặc bởi vì nếu tuy dù song".split()
)
# Where canonical_tone_placement can change anything: o/u before a toned a/e/y (NFC), or
# before ậ/ặ/ệ, whose dot below sorts first in NFD. Most paragraphs have none: skip the round trip.
_OLD_TONE_PLACEMENT = re.compile("[oOuU][àáảãạèéẻẽẹỳýỷỹỵÀÁẢÃẠÈÉẺẼẸỲÝỶỸỴậặệẬẶỆ]")
# Not across a line break ([^\S\n]): what follows on the next line says nothing of this one.
_AFTER_A_SUBJECT = re.compile(
    r"[^\S\n]*(?:[,.;:)]|(?:và|đã|đang|sẽ|cũng|là|có|không|luôn|vẫn|đều|muốn|coi|tuyên|cáo|bác|phản|"
    r"yêu|kêu|cho|tiếp|hiện|cam|khẳng|nhấn|đề)(?!\w))"
)
_SENTENCE_END = re.compile(r"(?:^|\n|[.!?…:]\s*[“\"(]?)\s*$")
# "Đại sứ Việt Nam tại Mỹ Nguyễn Quốc Dũng": after "tại" a short country name is the country.
_NUMBER_AFTER = re.compile(r" \d")
_SMALL_BOARD_HEAD = re.compile(rf"((?<!\w)[Tt]rưởng )b(?=an {UPPER_CLASS})")
_PLACE_PREPOSITION = re.compile(r"(?<!\w)(?:tại|ở)[^\S\n]+$")


@dataclass(slots=True)
class Span:
    start: int
    end: int
    kind: str  # "phrase" (gazetteer), "organization" (built from a head), "name"
    entries: tuple[Entry, ...] = ()
    name: str = ""  # built organization: its name; name: the words as written
    named: bool = True  # built organization: has a proper name, not just "Đảng ủy Bộ"
    head: str = ""  # built organization: key of its head word
    nested: tuple["Span", ...] = ()  # built organization: gazetteer phrases inside it
    words: int = 0  # name: number of words
    # Derived from ``kind`` and ``entries`` once: the extractors ask these of every span.
    kinds: frozenset[str] = frozenset()
    is_organization: bool = False
    is_country: bool = False
    is_place: bool = False  # a country or any other place
    is_title: bool = False  # a position or a rank

    def __post_init__(self) -> None:
        if not self.entries:  # a name, or an organization built from a head word
            self.is_organization = self.kind == "organization"
            return
        kinds = self.kinds = frozenset(entry.kind for entry in self.entries)
        self.is_organization = self.kind == "organization" or "organization" in kinds
        self.is_country = "country" in kinds
        self.is_place = not kinds.isdisjoint(PLACE_KINDS)
        self.is_title = "position" in kinds or "rank" in kinds

    def has(self, *kinds: str) -> bool:
        return not self.kinds.isdisjoint(kinds)

    def entry(self, *kinds: str) -> Entry | None:
        if self.kinds.isdisjoint(kinds):
            return None
        return next(entry for entry in self.entries if entry.kind in kinds)


@dataclass(slots=True)
class Segmented:
    """An article's text — body paragraphs, then captions, then the headline, one per line —
    and its spans."""

    text: str  # as written (characters repaired)
    spans: list[Span]
    captions: tuple[int, int] = (0, 0)  # where the captions are in ``text``

    def gap(self, start: int, end: int) -> str:
        """The text between two spans, stripped: "" when they are adjacent, a line break when
        they are on different lines."""
        between = self.text[start:end]
        return "\n" if "\n" in between else between.strip()

    def in_caption(self, position: int) -> bool:
        return self.captions[0] <= position < self.captions[1]


def segment(text: str, gazetteer: Gazetteer, captions: tuple[int, int] = (0, 0)) -> Segmented:
    """Cut ``text`` (characters repaired: ``transforms.text.repair_characters``) into spans,
    left to right; no span runs across a line break. ``captions``: where the caption lines are."""
    canonical = canonical_tone_placement(text) if _OLD_TONE_PLACEMENT.search(text) else text
    if len(canonical) != len(text):
        canonical = text
    # "Trưởng ban Đối ngoại Trung ương": the board a head of board leads, its head word written small
    canonical = _SMALL_BOARD_HEAD.sub(lambda m: m.group(1) + "B", canonical)
    phrases = [Span(m.start, m.end, "phrase", m.entries)
               for m in with_state_forms(text, list(gazetteer.find_phrases(text, key_text(canonical))))]
    organizations = _built_organizations(text, canonical, phrases, gazetteer)
    spans = _without_covered(phrases, organizations)
    spans = _with_names(text, canonical, spans, gazetteer)
    return Segmented(text, spans, captions)


def _built_organizations(text: str, canonical: str, phrases: list[Span], gazetteer: Gazetteer) -> list[Span]:
    starts = [span.start for span in phrases]
    built: list[Span] = []
    covered_until = -1
    for head in gazetteer.organization_heads.finditer(canonical):
        if head.start() < covered_until or _inside(phrases, starts, head.start()):
            continue
        at_head = _phrase_at(phrases, starts, head.start())
        if at_head is not None and not at_head.is_organization:
            continue  # "Bộ trưởng", "Đài Loan": the phrase is not an organization
        end, nested, named = _organization_end(canonical, head, phrases, starts, gazetteer)
        if at_head is not None and (end <= at_head.end or any(entry.reported for entry in at_head.entries)):
            # A known name wins ("Bộ Nội vụ" in "Bộ Nội vụ Nga", "Bộ Chính trị" in "Bộ Chính trị
            # và ..."); only a generic one grows ("Đảng" → "Đảng ủy Bộ Ngoại giao").
            continue
        if end == head.end() and at_head is None:
            end = _bare_local_end(canonical, head, phrases, starts)
            if end is None:
                continue  # a head word alone ("Bộ", "Hội") names nothing
            named = False
        name = re.sub(r"\s+", " ", text[head.start():end])
        built.append(Span(head.start(), end, "organization", name=name, named=named,
                          head=phrase_key(head.group()), nested=tuple(nested)))
        covered_until = end
    return built


def _organization_end(canonical: str, head: re.Match, phrases: list[Span], starts: list[int],
                      gazetteer: Gazetteer) -> tuple[int, list[Span], bool]:
    """Where the organization opened by ``head`` ends, the phrases inside it, and whether it
    has a proper name."""
    position, nested, named = head.end(), [], False
    head_key = phrase_key(head.group())
    qualifier = _QUALIFIER.match(canonical, position)
    if qualifier:
        position, named = qualifier.end(), True
        if qualifier.group(1) in _DESCRIPTION_TRIGGERS and head_key in gazetteer.descriptive_heads:
            return _description_end(canonical, position, gazetteer), nested, True
    position, named = _name_end(canonical, head_key, position, named, nested, phrases, starts, gazetteer)
    # A connector the next word did not continue ("UBND tỉnh Lào Cai và Chủ tịch ...") is not the name's.
    dangling = _DANGLING_CONNECTOR.search(canonical, head.start(), position)
    if dangling is not None:
        position = dangling.start()
    return position, nested, named


def _description_end(canonical: str, position: int, gazetteer: Gazetteer) -> int:
    """Where the lower-case description a descriptive head takes ends ("Ủy ban Trung ương
    MTTQ Việt Nam ..."): a personal name ends it ("... Hoàng Công Thủy")."""
    description = _DESCRIPTION.match(canonical, position)
    end = description.end() if description else position
    for word in re.finditer(r" (?=\S)", canonical[position:end]):
        if _looks_like_name(canonical, position + word.end(), gazetteer):
            return position + word.start()
    return end


def _name_end(canonical: str, head_key: str, position: int, named: bool, nested: list[Span],
              phrases: list[Span], starts: list[int], gazetteer: Gazetteer) -> tuple[int, bool]:
    """Where the words naming an organization end from ``position`` (places and organizations
    inside it go to ``nested``), and whether it has a proper name."""
    after_organization = False
    while position < len(canonical) and canonical[position] == " ":
        start = position + 1
        administrative = _ADMINISTRATIVE_WORD.match(canonical, position)
        if administrative:
            start = administrative.end() + 1
        phrase = _phrase_at(phrases, starts, start)
        if phrase is not None and (phrase.is_organization or phrase.is_place):
            if after_organization and not phrase.is_place:
                break
            nested.append(phrase)
            position, named = phrase.end, True
            after_organization = after_organization or phrase.is_organization
        elif after_organization or phrase is not None:
            break
        else:
            chunk = _ORGANIZATION_CHUNK.match(canonical, start)
            # "Bí thư Tỉnh ủy Nguyễn Đức Trung": a personal name after the head is not its name
            if chunk is None or _looks_like_name(canonical, start, gazetteer):
                break
            position = chunk.end()
            # A phrase opening at the chunk's lower-case word ("Nhóm nghị sĩ") is not the name's:
            # the organization would end inside it.
            inside = bisect.bisect_right(starts, start)
            if inside < len(starts) and starts[inside] < position:
                position = starts[inside] - 1
            named = named or phrase_key(chunk.group()) not in _GENERIC_NAME_WORDS
        if head_key in _MISSION_HEADS and canonical.startswith(" tại ", position):
            place = _phrase_at(phrases, starts, position + len(" tại "))
            if place is not None and place.is_place:
                nested.append(place)
                position = place.end
                break
        connector = _CONNECTOR.match(canonical, position)
        after = connector.end() if connector else 0
        if connector and _ORGANIZATION_CHUNK.match(canonical, after) and not gazetteer.organization_heads.match(canonical, after):
            position = after - 1  # the loop expects the space before the next word
            if canonical[position] != " ":
                break
    return position, named


def _bare_local_end(canonical: str, head: re.Match, phrases: list[Span], starts: list[int]) -> int | None:
    """Where a local body named without its place ends ("Tỉnh ủy", "UBND tỉnh", "HĐND thành
    phố"), or None when ``head`` is not a local body's."""
    if phrase_key(head.group()) not in LOCAL_HEADS:
        return None
    administrative = _BARE_ADMINISTRATIVE.match(canonical, head.end())
    if administrative is None:
        return head.end()
    after = administrative.end()
    if canonical[after:after + 1] == " " and _phrase_at(phrases, starts, after + 1) is not None:
        return None  # "UBND tỉnh Quảng Ninh" is built as a named body
    return after


def _looks_like_name(canonical: str, start: int, gazetteer: Gazetteer) -> bool:
    run = _CAPITALIZED_RUN.match(canonical, start)
    if run is None:
        return False
    words = run.group().split()
    return 2 <= len(words) <= 4 and gazetteer.is_surname(words[0])


def _with_names(text: str, canonical: str, spans: list[Span], gazetteer: Gazetteer) -> list[Span]:
    """``spans`` plus the capitalized runs outside them as name spans. Organizations, titles and
    outlets are masked out before the runs are found; places and countries stay visible, as a
    run may contain them ("Nguyễn Hoà Bình") or start with them ("Trung Quốc Tập Cận Bình")."""
    spans.sort(key=lambda span: span.start)
    places = [span for span in spans if span.kind == "phrase" and span.is_place and not span.is_organization]
    place_starts = [span.start for span in places]
    pieces, cursor = [], 0
    for span in spans:
        if span.start >= cursor and not (span.kind == "phrase" and span.is_place and not span.is_organization):
            pieces += [canonical[cursor:span.start], "\0" * (span.end - span.start)]
            cursor = span.end
    masked = "".join(pieces) + canonical[cursor:]
    # A lone capitalized word is a name only right after a title or honorific ("ông Sơn",
    # "Thủ tướng Kishida"); every sentence opener is one too, so the rest are skipped early.
    # Not across a line break: a line ending with a title does not cue the next line's first word.
    cue_ends = {
        span.end + 1 for span in spans if span.has("position", "rank", "honorific") and text[span.end:span.end + 1] != "\n"
    }
    dropped: set[int] = set()  # id() of place spans that are part of a name, or no country at all
    names: list[Span] = []
    for run in _CAPITALIZED_RUN.finditer(masked):
        run_start, run_end = run.span()
        if run_start and masked[run_start - 1].isalnum():
            continue  # a capital inside a word ("VnExpress")
        first = bisect.bisect_left(place_starts, run_start)
        if first and places[first - 1].end > run_start:
            first -= 1
        last = bisect.bisect_left(place_starts, run_end, first)
        if first == last:
            # ... but not a word a number follows ("Chủ tịch Khóa 79 Đại hội đồng")
            if " " in run.group() or (run_start in cue_ends and not _NUMBER_AFTER.match(masked, run_end)):
                names.extend(_name_spans(text, run_start, run_end))
            continue
        words = run.group().split()
        surname_led = len(words) <= 4 and gazetteer.is_surname(words[0])
        cursor = run_start
        for index in range(first, last):
            span = places[index]
            previous = _span_before(spans, span)
            whole_run = span.start == run_start and span.end == run_end
            if run_start <= span.start and span.end <= run_end and (
                _absorbed_into_name(span, run, surname_led, previous, text)
                or (whole_run and _ambiguous_at_sentence_start(span, text))
            ):
                dropped.add(id(span))
            else:
                names.extend(_name_spans(text, cursor, span.start))
                cursor = max(cursor, span.end)
        names.extend(_name_spans(text, cursor, run_end))
    kept = [span for span in spans if id(span) not in dropped]
    return sorted(kept + names, key=lambda span: span.start)


def _span_before(spans: list[Span], span: Span) -> Span | None:
    index = bisect.bisect_left(spans, span.start, key=lambda other: other.start)
    return spans[index - 1] if index else None


def _absorbed_into_name(span: Span, run: re.Match, surname_led: bool, previous: Span | None, text: str) -> bool:
    """Whether a place or short country name is part of the personal name that contains it."""
    if span.kind != "phrase" or not span.is_place or span.is_organization:
        return False
    ambiguous = all(entry.ambiguous for entry in span.entries if entry.kind == "country") and span.is_country
    if span.start > run.start():
        return ambiguous or (surname_led and not span.is_country)
    if span.end < run.end() and ambiguous:
        # "Mỹ Linh" is a name; "Tổng thống Mỹ Joe Biden" has a title introducing the country.
        introduced = (
            previous is not None and (previous.is_title or previous.is_organization)
            and not text[previous.end:span.start].strip() and "\n" not in text[previous.end:span.start]
        ) or bool(_PLACE_PREPOSITION.search(text, max(0, span.start - 6), span.start))
        return not introduced
    return False


def _ambiguous_at_sentence_start(span: Span, text: str) -> bool:
    """A short country name opening a sentence is a common word ("Pháp luật", "Áo dài",
    "Anh ấy") unless a subject's verb or a conjunction follows ("Mỹ và Trung Quốc", "Nga đã")."""
    ambiguous = span.is_country and all(entry.ambiguous for entry in span.entries if entry.kind == "country")
    if not ambiguous or not _SENTENCE_END.search(text[max(0, span.start - 6): span.start]):
        return False
    return not _AFTER_A_SUBJECT.match(text, span.end)


def _name_spans(text: str, start: int, end: int) -> list[Span]:
    piece = text[start:end]
    words = piece.split()
    # A capitalized sentence opener is not part of the name after it ("Theo Nguyễn Văn A");
    # mid-sentence such a word is capitalized only as part of a name ("Ngoại trưởng Hàn Quốc
    # Cho Tae-yul").
    if words and _SENTENCE_END.search(text[max(0, start - 6): start + piece.index(words[0])]):
        while words and words[0].lower() in _SENTENCE_OPENERS:
            words.pop(0)
    if not words or not words[0][0].isupper():
        return []
    offset = start + piece.index(words[0])
    stop = start + piece.rindex(words[-1]) + len(words[-1])
    if words[-1] in ("Jr", "Sr") and text[stop:stop + 1] == ".":
        stop += 1
    return [Span(offset, stop, "name", name=text[offset:stop], words=len(words))]


def _without_covered(phrases: list[Span], built: list[Span]) -> list[Span]:
    """Phrases outside the built organizations (those inside stay reachable as ``nested``)."""
    if not built:
        return list(phrases)
    kept = [span for span in phrases if not any(o.start <= span.start and span.end <= o.end for o in built)]
    return sorted(kept + built, key=lambda span: span.start)


def _phrase_at(phrases: list[Span], starts: list[int], position: int) -> Span | None:
    index = bisect.bisect_left(starts, position)
    if index < len(phrases) and phrases[index].start == position:
        return phrases[index]
    return None


def _inside(phrases: list[Span], starts: list[int], position: int) -> bool:
    index = bisect.bisect_right(starts, position) - 1
    return index >= 0 and phrases[index].start < position < phrases[index].end
