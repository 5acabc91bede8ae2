"""Quotations and references to party and state documents.

Document references, as written, one per document:
* numbered acts: "Nghị quyết số 59 của Bộ Chính trị", "Nghị định 18/2022/NĐ-CP",
  "Quyết định số 500/QĐ-TTg của Thủ tướng Chính phủ" (the issuer kept when named);
* congress documents: "Văn kiện Đại hội XIII", "Nghị quyết Đại hội Đảng lần thứ XIII"; a bare
  "Đại hội XIII" (its line, its documents) only when no document of that congress is named;
* named laws and charters: "Luật Đất đai (sửa đổi)", "Hiến pháp năm 2013", "Điều lệ Đảng" — but
  not the law an international convention is about ("Công ước … về Luật Biển").
"""

from __future__ import annotations

import re

from transforms.extract.spans import CAPITALIZED_WORD, LOWERCASE_WORD
from transforms.extract.gazetteer import entity_key

_QUOTES = re.compile(r"“\s*([^“”\n]+?)\s*”|\"\s*([^\"\n]+?)\s*\"|«\s*([^«»\n]+?)\s*»")

_CHUNK = rf"{CAPITALIZED_WORD}(?: (?!(?:về|đã|đang|sẽ|là|và|với|trong|tại|theo|nhằm|để)(?!\w)){LOWERCASE_WORD})?"
_ISSUER = rf"{_CHUNK}(?: (?:{_CHUNK}|\d+|kh(?:óa|oá) [IVXLC]+|lần thứ {LOWERCASE_WORD}|lần thứ \d+))*"
_NUMBERED = re.compile(
    r"(?P<kind>Nghị quyết|Nghị định|Chỉ thị|Kết luận|Quyết định|Thông tư|Quy định|Thông báo|"
    r"Pháp lệnh|Công điện|Sắc lệnh)(?: liên tịch)?(?: số)? (?P<number>\d[\w/.\-]*\w|\d)"
    # "Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị": the date stays with its issuer
    rf"(?:(?: ngày \d{{1,2}}/\d{{1,2}}/\d{{4}})? của {_ISSUER}"
    # joint issuers among the Party's central organs: "của Bộ Chính trị, Ban Bí thư"
    r"(?:,? (?:và )?(?:Bộ Chính trị|Ban Bí thư)(?!\w))*)?"
)
_CONGRESS = re.compile(
    r"(?:(?P<kind>Nghị quyết|Văn kiện|Báo cáo chính trị|Cương lĩnh) (?:của )?)?"
    r"Đại hội(?: đại biểu toàn quốc)?(?: Đảng)?(?: toàn quốc)?(?: lần thứ)? (?P<roman>[IVXLC]+)(?!\w)"
    r"(?: của Đảng)?"
)
# Lower-case compounds that close many law names ("Luật Điều ước quốc tế", "Luật An ninh quốc gia").
_LAW_TAIL = r"(?: (?:quốc tế|quốc gia|nhà nước|nhân dân|xã hội|môi trường|công tư|đường bộ|cơ sở))?"
_LAW_NAME = (
    rf"{_CHUNK}{_LAW_TAIL}(?: (?:và )?{_CHUNK}{_LAW_TAIL})*"
    # "Luật Thi đua, khen thưởng": a comma and one or two lower-case words closing the name
    rf"(?:, {LOWERCASE_WORD}(?: {LOWERCASE_WORD})?(?=[,.;)]|$)"
    # "Luật Trật tự, an toàn giao thông đường bộ", "Luật Phòng, chống tham nhũng": a comma and
    # the words of a paired name, however long
    rf"|, (?:an toàn|chống|phòng|bảo vệ|kiểm soát)(?: (?!(?:và|của|năm|số|đã|sẽ|được|để|trong|theo)(?!\w)){LOWERCASE_WORD}){{0,5}})?"
)
_NAMED = re.compile(
    rf"(?:(?:Bộ luật|Luật|Pháp lệnh) {_LAW_NAME}(?: \(sửa đổi(?:, bổ sung)?\))?"
    r"|Hiến pháp(?: nước Cộng h(?:òa|oà) xã hội chủ nghĩa Việt Nam)?|Điều lệ Đảng|Tuyên ngôn [ĐĐ]ộc lập)"
    # "Hiến pháp năm 2013", "Luật Đất đai 2024"
    r"(?:,? năm \d{4}| \d{4})?(?![\d/])"
)
# Resolutions of a Central Committee plenum: "Nghị quyết Hội nghị Trung ương 6 khóa XIII",
# "Nghị quyết Hội nghị lần thứ mười một Ban Chấp hành Trung ương Đảng khóa XIII", "Nghị quyết Trung ương 4 khóa XII"
_PLENUM = re.compile(
    rf"(?P<kind>Nghị quyết|Kết luận) (?:của )?(?:Hội nghị )?(?:Trung ương (?:\d+|lần thứ (?:\d+|{LOWERCASE_WORD}(?: (?!kh[óo]a(?!\w)){LOWERCASE_WORD})?))"
    rf"|Hội nghị lần thứ (?:\d+|{LOWERCASE_WORD}(?: (?!kh[óo]a(?!\w)){LOWERCASE_WORD})?) Ban Chấp hành Trung ương(?: Đảng)?)"
    r"(?: kh(?:óa|oá) [IVXLC]+)?"
)
_INTERNATIONAL_CONTEXT = re.compile(r"(?:Công ước|Hiệp định|Hiệp ước|Tuyên bố|Thỏa thuận)[^.;\n]{0,80}\svề\s*$")
_PARTY_SUFFIX = re.compile(r" của Đảng$")


def quotes_in(text: str) -> list[str]:
    """Quoted phrases (none spans a line break), inner text, each once."""
    found: dict[str, str] = {}
    for match in _QUOTES.finditer(text):
        inner = next(group for group in match.groups() if group is not None)
        found.setdefault(entity_key(inner), inner)
    return list(found.values())


def document_references(text: str) -> list[str]:
    """Party and state documents referred to, as written, each document once."""
    return list(dict.fromkeys(_references(text).values()))


def referenced_documents(text: str) -> list[dict]:
    """Each document referred to as an identity: the text as written (``doc_ref``), a key the
    same document has in every article whatever its form (``document_key``: kind, number or
    congress ordinal, issuing body) and its canonical name (``document``): "Nghị quyết số
    59-NQ/TW" and "Nghị quyết 59 của Bộ Chính trị khóa XIII" are both ``nghị quyết|59|TW``;
    "Đại hội XIV" and "Đại hội Đảng toàn quốc lần thứ XIV" both ``đại hội|XIV|Đảng``."""
    rows: dict[str, dict] = {}
    for identity, written in _references(text).items():
        key, name = _identity_key(identity, written)
        rows.setdefault(written, {"doc_ref": written, "document_key": key, "document": name})
    return list(rows.values())


# Issuing bodies by the code their acts' numbers carry ("59-NQ/TW", "18/2022/NĐ-CP") and by name.
_ISSUER_CODES = {"tw": "TW", "cp": "CP", "ttg": "TTg", "qh": "QH"}
_ISSUER_NAMES = (("bộ chính trị", "TW"), ("ban bí thư", "TW"), ("ban chấp hành trung ương", "TW"),
                 ("trung ương", "TW"), ("thủ tướng", "TTg"), ("chính phủ", "CP"), ("quốc hội", "QH"))
_NUMBER_CODE = re.compile(r"[/-](?:[^/\-]+-)?(?P<code>[A-Za-zĐđ]+)$")


def _identity_key(identity: tuple, written: str) -> tuple[str, str]:
    kind = identity[0]
    if kind == "numbered":
        _, act, number = identity
        # "18/2022/NĐ-CP": a state act's number runs per year; a Party act's ("59-NQ/TW") per term
        year = re.match(r"\d+/(\d{4})(?!\d)", number)
        numbered = _leading_number(number) + (f"/{year.group(1)}" if year else "")
        issuer = _issuer(number, written)
        return f"{act.lower()}|{numbered}|{issuer}", f"{act} số {numbered}" + (f" ({issuer})" if issuer else "")
    if kind == "congress":
        _, document, roman = identity
        name = f"{document.capitalize() + ' ' if document else ''}Đại hội {roman}"
        return f"{document + ' ' if document else ''}đại hội|{roman}|Đảng", name
    return f"{kind}|{identity[1]}", written


def _issuer(number: str, written: str) -> str:
    code = _NUMBER_CODE.search(number)
    if code is not None and code.group("code").lower() in _ISSUER_CODES:
        return _ISSUER_CODES[code.group("code").lower()]
    issuer = entity_key(written.partition(" của ")[2])
    return next((code for name, code in _ISSUER_NAMES if issuer.startswith(name)), issuer)


def _references(text: str) -> dict[tuple, str]:
    """Document identity → the fullest form written."""
    found: dict[tuple, str] = {}
    congress_documents: set[str] = set()
    bare_congresses: dict[tuple, str] = {}
    # The patterns open with literal words, not a look-behind, so the scan can skip ahead;
    # word starts are checked here instead.
    numbered = list(_at_word_starts(_NUMBERED, text))
    full_numbers = {(m.group("kind"), _leading_number(m.group("number"))) for m in numbered
                    if not m.group("number").isdigit()}
    for match in numbered:
        kind, number = match.group("kind"), match.group("number")
        if number.isdigit() and (kind, number) in full_numbers:
            continue  # "Nghị quyết 57" after "Nghị quyết số 57-NQ/TW": the same document
        identity = ("numbered", kind, number)
        written = match.group()
        if len(written) > len(found.get(identity, "")):
            found[identity] = written  # the fullest form: with its issuer when one names it
    for match in _at_word_starts(_PLENUM, text):
        found.setdefault(("plenum", entity_key(match.group())), match.group())
    for match in _at_word_starts(_CONGRESS, text):
        written = _PARTY_SUFFIX.sub("", match.group())
        if match.group("kind"):
            congress_documents.add(match.group("roman"))
            found.setdefault(("congress", match.group("kind").lower(), match.group("roman")), written)
        else:
            bare_congresses.setdefault(("congress", "", match.group("roman")), written)
    for match in _at_word_starts(_NAMED, text):
        if _INTERNATIONAL_CONTEXT.search(text[max(0, match.start() - 120): match.start()]):
            continue
        found.setdefault(("named", entity_key(match.group())), match.group())
    for identity, written in bare_congresses.items():
        if identity[2] not in congress_documents:
            found[identity] = written
    return found


def _leading_number(number: str) -> str:
    return re.match(r"\d+", number).group()


def _at_word_starts(pattern: re.Pattern, text: str):
    return (match for match in pattern.finditer(text) if not match.start() or not text[match.start() - 1].isalnum())
