"""Who met whom, as the article states it: one row per stated encounter of two of its people.

Read off the words between two consecutive person references (:mod:`.person_refs`) — no
sentence-ending punctuation fits between them, so a pair never spans two sentences:

* ``X tiếp Y``, ``X hội đàm với Y``, ``X điện đàm với Y``, ``X có cuộc hội kiến với Y``,
  ``X chủ trì lễ đón Y``, ``X nhận Quốc thư của Y``: ``a`` = X, the subject (a run of subjects
  joined by "và" or commas each meets Y; so does each object joined by "và");
* ``Y chào xã giao X``, ``Y đến chào từ biệt X``, ``Y trình Quốc thư lên X``, ``Y thăm X``:
  the guest is the subject, so ``a`` = X;
* ``Y được X tiếp``: ``a`` = X; ``X và Y hội đàm``: ``a`` = X, ``b`` = Y.

A counterpart named by a bare title or "ông"/"bà" is the person it resolves to; an unnamed
one ("tiếp các Đại sứ") is no reference, so gives no pair. Kinds: GOLD-SCHEMA.md.
"""

from __future__ import annotations

import re

import pyarrow as pa

from transforms.extract.declare import Column, Extractor, in_set, not_null
from transforms.extract.gazetteer import entity_key
from transforms.extract.person_refs import PersonRef, person_refs

KINDS = ("tiếp", "hội đàm", "hội kiến", "điện đàm", "gặp", "đón", "chúc mừng", "other")

# Words that may stand between a subject and its verb: tense and manner, "và Phu nhân".
_BEFORE_VERB = (r"\s*,?\s*(?:và [Pp]hu nhân\s+)?(?:(?:đã|đang|sẽ|vừa|cũng|đều|lại|chính thức|trọng thể|long trọng|"
                r"thân mật|tới|đến|tiến hành)\s+)*(?:có\s+(?:cuộc|buổi|các cuộc|các buổi)\s+)?")
# What may stand between a host's verb and the counterpart: a delegation the counterpart leads
# ("tiếp Đoàn đại biểu Đảng Cộng sản Trung Quốc do ... dẫn đầu").
_DELEGATION = r"(?:[Đđ]oàn\s[^,.;:\n“”]{0,80}?\s+do\s+)?"
_STATE = r"(?:\s+(?:cấp [Nn]hà nước|chính thức|trọng thể))*"
# The host's verbs, each with its kind; the counterpart follows.
_HOST_VERBS = (
    (r"tiếp(?:\s+(?:xã giao|kiến|thân mật|chính thức))?(?:\s+và\s+làm việc)?(?:\s+với)?", "tiếp"),
    (r"hội đàm(?:\s+(?:trực tuyến|chính thức))?(?:\s+với)?", "hội đàm"),
    (r"hội kiến(?:\s+với)?", "hội kiến"),
    (r"(?:điện đàm|hội đàm qua điện thoại|điện đàm trực tuyến|trao đổi trực tuyến)(?:\s+với)?|(?:điện thoại|gọi điện(?: thoại)?)(?:\s+chúc mừng)?(?:\s+(?:cho|với))?",
     "điện đàm"),
    (r"gặp(?:\s+(?:gỡ|mặt|riêng))?(?:\s+với)?", "gặp"),
    (rf"(?:chủ trì\s+)?(?:[Ll]ễ\s+)?(?:chào\s+|tiếp\s+)?đón{_STATE}", "đón"),
    (r"chúc mừng", "chúc mừng"),
    (r"nhận\s+(?:[Qq]uốc thư|[Tt]hư ủy nhiệm|[Tt]hư uỷ nhiệm)(?:\s+(?:của|từ))?"
     r"|chủ trì\s+(?:[Qq]uốc yến|tiệc chiêu đãi)(?:\s+(?:chào mừng|chiêu đãi))?", "other"),
)
# The guest's verbs: the host follows.
_GUEST_VERBS = (
    (r"chào\s+(?:xã giao|từ biệt|thăm)", "tiếp"),
    (r"trình\s+(?:[Qq]uốc thư|[Tt]hư ủy nhiệm|[Tt]hư uỷ nhiệm)(?:\s+(?:lên|tới|cho))?", "other"),
    (r"(?:đến\s+)?thăm(?:\s+(?:xã giao|hỏi))?", "other"),
)
_MUTUAL = ("hội đàm", "điện đàm", "hội kiến", "gặp")
# After a visitor's name, in the same sentence: "(và Phu nhân) đang có chuyến thăm cấp Nhà nước
# tới", "đến Hà Nội, bắt đầu chuyến thăm chính thức".
_VISITING = re.compile(r"[^.;\n]{0,60}?(?<!\w)(?:chuyến\s+)?thăm"
                       r"\s+(?:chính thức|cấp [Nn]hà nước|hữu nghị|và làm việc|làm việc)")


def _compiled(verbs: tuple[tuple[str, str], ...], after: str = "") -> list[tuple[re.Pattern, str]]:
    return [(re.compile(rf"{_BEFORE_VERB}(?:{pattern})(?!\w)\s*{after}", re.DOTALL), kind) for pattern, kind in verbs]


_HOST = _compiled(_HOST_VERBS, _DELEGATION)
_GUEST = _compiled(_GUEST_VERBS)
# "Lễ đón chính thức Y ... . X chủ trì lễ đón.": the guest named after the ceremony, its host
# in a later sentence that names no guest (the article's last ceremony is the one meant).
_CEREMONY = re.compile(rf"[Ll]ễ\s+đón{_STATE}\s*$")
_HOSTS_CEREMONY = re.compile(rf"{_BEFORE_VERB}chủ trì\s+(?:[Ll]ễ\s+)?đón\s*[.;]")
_PASSIVE = re.compile(rf"{_BEFORE_VERB}được\s*")
_COORDINATED = re.compile(r"\s*và\s*")
_MUTUAL_BEFORE = re.compile(r"(?:[Cc]uộc\s+(?P<kind>hội đàm|điện đàm|hội kiến|gặp)\s+(?:của|giữa)|"
                            r"[Ss]au khi\s+(?:tiến hành\s+)?(?P<after_kind>hội đàm|điện đàm|hội kiến|gặp)\s*,)\s*$")
_PAIRED = re.compile(r"\s*(?:với|và)\s*")
_SUBJECTS_JOINED = re.compile(r"\s*(?:,|và|, và)\s*")


def meetings_in(text: str, refs: list[PersonRef]) -> list[dict]:
    """The stated encounters, one per (a, b, kind), first evidence kept."""
    found: dict[tuple[str, str, str], dict] = {}
    pairs = [pair for index in range(len(refs) - 1) for pair in _pairs_at(text, refs, index)]
    for a, b, kind in pairs + _ceremonies(text, refs):
        if a.name != b.name and (a.name, b.name, kind) not in found:
            start, end = min(a.start, b.start), max(a.end, b.end)
            found[(a.name, b.name, kind)] = {
                "a": a.name, "b": b.name, "kind": kind, "evidence_start": start, "evidence_end": end,
            }
    # a congratulation said at a stated meeting is part of it, not an encounter of its own
    met = {(a, b) for a, b, kind in found if kind != "chúc mừng"}
    stated = [m for (a, b, kind), m in found.items() if kind != "chúc mừng" or (a, b) not in met]
    return _hosts_first(stated, _visitors(text, refs, stated))


def _visitors(text: str, refs: list[PersonRef], meetings: list[dict]) -> set[str]:
    """The article's guests: those welcomed at a ceremony, and those said to be visiting
    before anyone else is named ("Tổng thống X đến Hà Nội, bắt đầu chuyến thăm chính thức")."""
    guests = {m["b"] for m in meetings if m["kind"] == "đón"}
    for ref, following in zip(refs, [*refs[1:], None]):
        visiting = _VISITING.match(text, ref.end)
        if visiting and (following is None or visiting.end() <= following.start):
            guests.add(ref.name)
    return guests


def _hosts_first(meetings: list[dict], visitors: set[str]) -> list[dict]:
    """A talk or call between a visitor and a host has the host as ``a``, whichever is the
    subject; one row per (a, b, kind) after that."""
    kept: dict[tuple[str, str, str], dict] = {}
    for meeting in meetings:
        if meeting["kind"] in _MUTUAL and meeting["a"] in visitors and meeting["b"] not in visitors:
            meeting = {**meeting, "a": meeting["b"], "b": meeting["a"]}
        kept.setdefault((meeting["a"], meeting["b"], meeting["kind"]), meeting)
    return list(kept.values())


def _ceremonies(text: str, refs: list[PersonRef]) -> list[tuple[PersonRef, PersonRef, str]]:
    pairs, guest = [], None
    for ref in refs:
        line_start = text.rfind("\n", 0, ref.start) + 1
        if _CEREMONY.search(text[max(line_start, ref.start - 40):ref.start]):
            guest = ref
        elif guest is not None and _HOSTS_CEREMONY.match(text, ref.end):
            pairs.append((ref, guest, "đón"))
    return pairs


def _pairs_at(text: str, refs: list[PersonRef], index: int) -> list[tuple[PersonRef, PersonRef, str]]:
    first, second = refs[index], refs[index + 1]
    gap = text[first.end:second.start]
    if "\n" in gap:
        return []
    subjects, objects = _subjects(text, refs, index), _objects(text, refs, index + 1)
    for pattern, kind in _HOST:
        if pattern.fullmatch(gap):
            return [(s, o, kind) for s in subjects for o in objects]
    for pattern, kind in _GUEST:
        if pattern.fullmatch(gap):
            return [(o, s, kind) for s in subjects for o in objects]
    after = text[second.end:second.end + 60]
    if _PASSIVE.fullmatch(gap):  # "Y được X tiếp"
        kind = _verb_after(after, _HOST)
        return [(second, first, kind)] if kind else []
    named_before = _MUTUAL_BEFORE.search(text, max(0, first.start - 60), first.start)
    if named_before and _PAIRED.fullmatch(gap):  # "Cuộc điện đàm của X với Y", "Sau khi hội đàm, X và Y"
        kind = named_before.group("kind") or named_before.group("after_kind")
        return [(first, second, _verb_after(kind, _HOST))]
    if _COORDINATED.fullmatch(gap):  # "X và Y hội đàm", but not "X và Y hội đàm với Z"
        kind = _verb_after(after, _HOST)
        if kind in _MUTUAL and not re.match(rf"{_BEFORE_VERB}\S+(?:\s+\S+)?\s+với", after):
            return [(first, second, kind)]
    return []


def _verb_after(after: str, verbs: list[tuple[re.Pattern, str]]) -> str | None:
    return next((kind for pattern, kind in verbs if pattern.match(after)), None)


def _subjects(text: str, refs: list[PersonRef], index: int) -> list[PersonRef]:
    """The reference at ``index`` and the named ones joined to it before ("X, Y và Z tiếp")."""
    subjects = [refs[index]]
    while index > 0 and refs[index - 1].named and refs[index].named \
            and _SUBJECTS_JOINED.fullmatch(text[refs[index - 1].end:refs[index].start]):
        index -= 1
        subjects.insert(0, refs[index])
    return subjects


def _objects(text: str, refs: list[PersonRef], index: int) -> list[PersonRef]:
    """The reference at ``index`` and those listed after it: joined by "và", or a list of
    commas that "và" closes ("với X, Y và Z")."""
    objects, listed = [refs[index]], []
    while index + 1 < len(refs) and refs[index + 1].named:
        gap = text[refs[index].end:refs[index + 1].start]
        index += 1
        if _COORDINATED.fullmatch(gap):
            objects += [*listed, refs[index]]
            listed = []
        elif gap.strip() == ",":
            listed.append(refs[index])
        else:
            break
    return objects


def _compute(article) -> list[dict]:
    return meetings_in(article.segmented.text, person_refs(article.segmented, article.people))


_TEXT = pa.string()
MEETINGS = Extractor(
    "meetings",
    (Column("doc_id", _TEXT, nullable=False, description="the article (articles.doc_id)"),
     Column("a_key", _TEXT, nullable=False, description="match key of a (people.person_id's key)"),
     Column("a", _TEXT, nullable=False, description="the host, initiator or grammatical subject, as named in people"),
     Column("b_key", _TEXT, nullable=False, description="match key of b"),
     Column("b", _TEXT, nullable=False, description="the guest or counterpart, as named in people"),
     Column("kind", _TEXT, nullable=False, description="tiếp, hội đàm, hội kiến, điện đàm, gặp, đón, chúc mừng or other"),
     Column("evidence_start", pa.int32(), description="first character of the sentence stating it, in articles.body"),
     Column("evidence_end", pa.int32(), description="end of that sentence (exclusive), in articles.body")),
    rows=lambda extraction: [
        {"doc_id": extraction["doc_id"], "a_key": entity_key(m["a"]), "a": m["a"], "b_key": entity_key(m["b"]),
         "b": m["b"], "kind": m["kind"], "evidence_start": m["evidence_start"], "evidence_end": m["evidence_end"]}
        for m in extraction["meetings"]
    ],
    warehouse="ordered",
    description="Interactions between two people the text states (who received, talked with or phoned whom), one row per pair and article.",
    compute=_compute,
    suites={"meetings": (not_null("a", quarantine_rows=True), not_null("b", quarantine_rows=True),
                         in_set("kind", list(KINDS)))},
)
