"""Properties of the extractors' span code (transforms.extract: spans, people,
events, document) on text they did not write.

Every span indexes the text it claims (``text[start:end]``), inside the text and one line;
spans come left to right without overlapping; a line's spans do not depend on the lines around
it; extraction of a batch is extraction of each article alone.
"""

from __future__ import annotations

import hashlib

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from article_strategies import REFERENCE, article_lines, oddity, page_text, pages
from transforms.clean import clean_documents
from transforms.extract import extract_documents
from transforms.extract.events import find_event
from transforms.extract.people import mentions_in
from transforms.extract.spans import segment
from transforms.extract.gazetteer import Gazetteer, phrase_key
from transforms.text import repair_characters

GAZETTEER = Gazetteer.from_reference(REFERENCE)
PHRASES = sorted({row[column] for table, column in [("organizations", "name"), ("countries", "name"),
                                                    ("agencies", "name"), ("titles", "title")]
                  for row in REFERENCE[table] if row.get(column)})
NAMES = ["Nguyễn Văn An", "Trần Thị Bình", "Tập Cận Bình", "Lý Cường", "Souphanh Keomany", "Antony Blinken",
         "S. Jaishankar", "Mohamed bin Zayed", "Ursula von der Leyen", "Cho Tae-yul", "习近平", "ông Sơn"]


@st.composite
def entity_line(draw) -> str:
    """A line of gazetteer phrases, names and filler, in any case and either tone placement."""
    pieces = draw(st.lists(st.one_of(st.sampled_from(PHRASES), st.sampled_from(NAMES), oddity(),
                                     st.sampled_from(["và", "tại", "của", ",", "-", "(", ")", "đã tiếp", "Theo"])),
                           max_size=14))
    line = " ".join(pieces)
    return draw(st.sampled_from([line, line, line.lower(), line.upper(), line.replace("ò", "o\u0300")]))


CUES = sorted({row["title"] for row in REFERENCE["titles"] if row.get("kind") in ("position", "honorific")})
LOCAL = ["UBND tỉnh", "Tỉnh ủy", "HĐND thành phố", "Chủ tịch UBND tỉnh", "Đại sứ quán Việt Nam tại", "Bộ", "tại", "ở"]
SINGLE = ["Sơn", "Kishida", "Hà", "Mỹ", "Lào", "Nga", "Quảng Ninh", "Nghệ An", "Hoa Kỳ", "Mỹ Linh", "Vương Nghị"]
# A title, honorific or local head, then a name or place: the pairs a line break may separate.
cued_line = st.lists(st.tuples(st.sampled_from(CUES + LOCAL), st.sampled_from([" ", " ", "\n"]),
                               st.sampled_from(SINGLE + NAMES),
                               st.sampled_from(["", " nói", " đã tiếp", " và", " ,", " cho biết."])),
                     min_size=1, max_size=4).map(lambda parts: " ".join("".join(part) for part in parts))
lines = st.one_of(entity_line(), cued_line, cued_line, st.integers(0, 10**5).map(lambda seed: article_lines(seed)[1]),
                  st.integers(0, 10**5).map(lambda seed: article_lines(seed)[-1]), oddity())


@st.composite
def line_lists(draw) -> list[str]:
    """A few lines, some of them broken in two at any word, as pages break sentences."""
    found = []
    broken = [part for line in draw(st.lists(lines, min_size=1, max_size=6)) for part in line.split("\n")]
    for line in broken:
        line = " ".join(repair_characters(line).split())
        cuts = [index for index, char in enumerate(line) if char == " "]
        if cuts and draw(st.booleans()):
            cut = draw(st.sampled_from(cuts))
            found += [line[:cut], line[cut + 1:]]
        else:
            found.append(line)
    return found



def span_tuples(segmented, offset: int = 0) -> list[tuple]:
    return [(span.start - offset, span.end - offset, span.kind, span.name) for span in segmented.spans]


def assert_spans_index_the_text(segmented) -> None:
    text, spans = segmented.text, segmented.spans
    for span in spans:
        written = text[span.start:span.end]
        assert 0 <= span.start < span.end <= len(text) and "\n" not in written, (span, written)
        if span.kind == "name":
            assert span.name == written and span.words == len(written.split()) and written == written.strip()
        elif span.kind == "organization":
            assert span.name == " ".join(written.split())
            assert all(span.start <= inner.start < inner.end <= span.end for inner in span.nested)
        else:
            assert span.entries and phrase_key(written) in GAZETTEER.aliases, (span, written)
    starts = [span.start for span in spans]
    assert starts == sorted(starts)
    overlapping = [(text[a.start:a.end], text[b.start:b.end]) for a, b in zip(spans, spans[1:]) if b.start < a.end]
    assert overlapping == []


@given(line_lists())
@example(["Nhóm nghị sĩ hữu nghị Nhóm nghị sĩ hữu nghị"])  # found by the deep profile
def test_every_span_indexes_its_text_in_order_without_overlap(found):
    assert_spans_index_the_text(segment("\n".join(found), GAZETTEER))


@given(line_lists())
@example(["Thủ tướng", "Sơn nói"])  # cases the deep profile found, kept for the ci one
@example(["UBND tỉnh", "Quảng Ninh"])
@example(["tại", "Mỹ Linh nói"])
@example(["Bí thư", "Mỹ", "và"])
@example(["GS.TS", "Mỹ Linh"])
def test_a_lines_spans_do_not_depend_on_the_lines_around_it(found):
    together = segment("\n".join(found), GAZETTEER)
    alone, offset = [], 0
    for line in found:
        alone += [(start + offset, end + offset, kind, name)
                  for start, end, kind, name in span_tuples(segment(line, GAZETTEER))]
        offset += len(line) + 1
    assert span_tuples(together) == alone


@given(line_lists())
def test_title_units_index_the_text(found):
    segmented = segment("\n".join(found), GAZETTEER)
    names = {span.name for span in segmented.spans if span.kind == "name"}
    for mention in mentions_in(segmented, GAZETTEER.is_surname):
        assert mention.name in names
        for unit in mention.titles:
            assert 0 <= unit.start < unit.end <= len(segmented.text)
            assert unit.text == segmented.text[unit.start:unit.end] and "\n" not in unit.text


@given(line_lists(), st.sampled_from([None, "2024-03-12", "2025-01-02", "2023-12-31"]))
def test_the_event_is_read_from_the_lead(found, published):
    event = find_event(found, published, GAZETTEER.is_country)
    lead = found[:3]
    if event.date_text is None:
        assert event.date is None and event.location is None
        return
    assert any(event.date_text in paragraph for paragraph in lead), event
    if event.location is not None:
        assert any(event.location in " ".join(paragraph.split()) for paragraph in lead), event
    assert event.precision in ("day", "month-day", None)


def cleaned_records(texts: list[str]) -> list[dict]:
    documents = [{"doc_id": hashlib.sha256(f"{i}{t}".encode()).hexdigest()[:16], "text": t} for i, t in enumerate(texts)]
    return clean_documents(documents, REFERENCE)[0]


@st.composite
def raw_records(draw) -> dict:
    """A cleaned record as another tool may write it: NFD, invisibles, CRLF, odd captions."""
    body = draw(page_text())
    captions = draw(st.lists(st.fixed_dictionaries({"text": st.one_of(lines, st.just("")),
                                                    "credit": st.one_of(st.none(), st.sampled_from(["TTXVN", " VGP/Nhật Bắc ", ""]))}),
                             max_size=3))
    return {"doc_id": draw(st.text(min_size=1, max_size=8)), "body": body, "captions": captions,
            "title": draw(st.one_of(st.none(), lines)), "sapo": draw(st.one_of(st.none(), lines)),
            "author": draw(st.one_of(st.none(), st.sampled_from(["Minh Anh (Theo VGP)", "TRẦN BÌNH", " "]))),
            "published_date": draw(st.sampled_from([None, "2024-03-12"])), "source_credits": []}


@settings(max_examples=25)
@given(st.one_of(st.lists(pages, min_size=1, max_size=4).map(cleaned_records),
                 st.lists(raw_records(), min_size=1, max_size=4)))
def test_a_batch_extracts_each_article_alone(records):
    together = extract_documents(records, GAZETTEER)
    assert together == [extract_documents([record], GAZETTEER)[0] for record in records]
    assert extract_documents(records[::-1], GAZETTEER) == together[::-1]


@pytest.mark.parametrize("seed", [7, 69])
def test_spans_of_a_50_kb_page(seed):
    """One page of 25 synthetic articles: the scans keep their offsets over 50 KB."""
    text = repair_characters("\n".join(line for k in range(25) for line in article_lines(seed + k)))
    assert len(text.encode("utf-8")) > 50_000
    assert_spans_index_the_text(segment(text, GAZETTEER))
