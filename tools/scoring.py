"""Scoring extractions against gold annotations (``tests/gold/*.jsonl``, GOLD-SCHEMA.md).

Predictions and gold records are joined by ``file``. Strings match case-insensitively, in NFC,
blind to tone placement ("hoà" = "hòa") and to Ð/Đ (``transforms.text.match_key``), and blind to
sentence punctuation around them ("Toàn cảnh hội nghị." = "Toàn cảnh hội nghị"). A title also
matches a longer or shorter form of itself ("Phó Thủ tướng" ~ "Phó Thủ tướng Chính phủ").

List fields get precision, recall and F1 over items (micro-averaged over documents, each item
matched at most once); scalar fields get accuracy (null = null is right) and precision, recall
and F1 where a prediction counts only when not null and a gold value only when not null.
"""

from __future__ import annotations

from collections import Counter

from transforms.text import match_key

LIST_FIELDS = (
    "people", "person_titles", "organizations", "countries", "sources", "photo_credits", "captions",
    "quotes", "doc_refs", "boilerplate_lines", "meetings",
)
SCALAR_FIELDS = ("title", "published_date", "event_date_text", "event_date", "time_of_day", "location", "author",
                 "event_type")
# Scored per entry of the gold's list or mapping, each entry as a scalar (null = null is right):
# the speaker of each gold quote, the country of each gold person.
ENTRY_FIELDS = ("quote_speakers", "people_country")
_EDGE_PUNCTUATION = " \t\n.,;:!?…\"'“”‘’«»()[]"


def normalized(text: str) -> str:
    return match_key(text).strip(_EDGE_PUNCTUATION)


def titles_match(first: str, second: str) -> bool:
    """Same title, or one is the other followed by more words."""
    a, b = normalized(first), normalized(second)
    shorter, longer = sorted((a, b), key=len)
    return longer.startswith(shorter) and (len(longer) == len(shorter) or not longer[len(shorter)].isalnum())


def score(predictions: list[dict], gold: list[dict], fields: tuple[str, ...] | None = None) -> dict:
    """Per-field counts and rates, plus each document's misses (``errors``). A gold record
    that lacks a field (a gold file annotating cleaning only, say) is not scored on it."""
    fields = fields or LIST_FIELDS + SCALAR_FIELDS + ENTRY_FIELDS
    predicted_by_file = {record["file"]: record for record in predictions if record.get("file")}
    totals = {field: Counter() for field in fields}
    scored: set[str] = set()
    errors: dict[str, dict] = {}
    for expected in gold:
        predicted = predicted_by_file.get(expected["file"], {})
        for field in fields:
            if ("people" if field == "person_titles" else field) not in expected:
                continue
            scored.add(field)
            if field in SCALAR_FIELDS:
                counts, miss = _score_scalar(predicted.get(field), expected.get(field))
            elif field == "person_titles":
                counts, miss = _score_titles(predicted.get("people") or [], expected.get("people") or [])
            elif field in ENTRY_FIELDS:
                counts, miss = _score_entries(_entries(predicted, field), _entries(expected, field))
            else:
                counts, miss = _score_items(_items(predicted, field), _items(expected, field))
            totals[field].update(counts)
            if miss:
                errors.setdefault(expected["file"], {})[field] = miss
    return {
        "documents": len(gold),
        "fields": {field: _rates(totals[field], field not in LIST_FIELDS) for field in fields if field in scored},
        "errors": errors,
    }


def _items(record: dict, field: str) -> list[str]:
    values = record.get(field) or []
    if field == "people":
        return [person["name"] for person in values]
    if field == "meetings":  # a pair and its kind, the names matched like people's
        return [" | ".join((meeting["a"], meeting["b"], meeting["kind"])) for meeting in values]
    return [value for value in values if value]


def _score_items(predicted: list[str], expected: list[str]) -> tuple[Counter, dict]:
    predicted_keys = Counter(normalized(value) for value in predicted)
    expected_keys = Counter(normalized(value) for value in expected)
    matched = sum((predicted_keys & expected_keys).values())
    counts = Counter(tp=matched, fp=sum(predicted_keys.values()) - matched, fn=sum(expected_keys.values()) - matched)
    miss = {}
    if counts["fn"]:
        miss["missing"] = [v for v in expected if (expected_keys - predicted_keys)[normalized(v)]]
    if counts["fp"]:
        miss["extra"] = [v for v in predicted if (predicted_keys - expected_keys)[normalized(v)]]
    return counts, miss


def _entries(record: dict, field: str) -> dict[str, str | None]:
    """Quote → its speaker, or person → their country, keyed by matching key."""
    if field == "quote_speakers":
        pairs = [(entry["quote"], entry.get("speaker")) for entry in record.get(field) or []]
    else:
        pairs = list((record.get(field) or {}).items())
    return {normalized(key): value for key, value in pairs}


def _score_entries(predicted: dict[str, str | None], expected: dict[str, str | None]) -> tuple[Counter, dict]:
    """Each gold entry's value against the prediction's for the same key (none when the
    prediction lacks the key)."""
    counts, wrong = Counter(), {}
    for key, value in expected.items():
        entry_counts, miss = _score_scalar(predicted.get(key), value)
        counts.update(entry_counts)
        if miss:
            wrong[key] = miss
    return counts, ({"wrong": wrong} if wrong else {})


def _score_titles(predicted: list[dict], expected: list[dict]) -> tuple[Counter, dict]:
    """(person, title) pairs; a pair matches when the names match and the titles do."""
    predicted_titles = {normalized(p["name"]): list(p.get("titles") or []) for p in predicted}
    counts, missing, extra = Counter(), [], []
    for person in expected:
        candidates = predicted_titles.pop(normalized(person["name"]), [])
        for title in person.get("titles") or []:
            # exact matches first, so "Phó Thủ tướng" does not take "Phó Thủ tướng Chính phủ"'s match
            match = next((c for c in candidates if normalized(c) == normalized(title)), None)
            match = match or next((c for c in candidates if titles_match(c, title)), None)
            if match is None:
                counts["fn"] += 1
                missing.append(f"{person['name']}: {title}")
            else:
                counts["tp"] += 1
                candidates.remove(match)
        counts["fp"] += len(candidates)
        extra += [f"{person['name']}: {title}" for title in candidates]
    for name, titles in predicted_titles.items():
        counts["fp"] += len(titles)
        extra += [f"{name}: {title}" for title in titles]
    miss = {key: value for key, value in (("missing", missing), ("extra", extra)) if value}
    return counts, miss


def _score_scalar(predicted, expected) -> tuple[Counter, dict]:
    p = normalized(predicted) if predicted else None
    e = normalized(expected) if expected else None
    counts = Counter(correct=int(p == e), total=1)
    if p is not None:
        counts["tp" if p == e else "fp"] += 1
    if e is not None and p != e:
        counts["fn"] += 1
    return counts, ({} if p == e else {"expected": expected, "predicted": predicted})


def _rates(counts: Counter, scalar: bool) -> dict:
    tp, fp, fn = counts["tp"], counts["fp"], counts["fn"]
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    rates = {"tp": tp, "fp": fp, "fn": fn, "precision": precision, "recall": recall, "f1": f1}
    if scalar:
        rates["accuracy"] = counts["correct"] / counts["total"] if counts["total"] else 1.0
    return rates


def format_scores(scores: dict, title: str = "") -> str:
    """A fixed-width table of :func:`score`'s rates."""
    lines = [title] if title else []
    lines.append(f"{'field':<18} {'P':>6} {'R':>6} {'F1':>6} {'acc':>6}   tp   fp   fn")
    for field, rates in scores["fields"].items():
        accuracy = f"{rates['accuracy']:6.3f}" if "accuracy" in rates else " " * 6
        lines.append(
            f"{field:<18} {rates['precision']:6.3f} {rates['recall']:6.3f} {rates['f1']:6.3f} {accuracy}"
            f" {rates['tp']:4d} {rates['fp']:4d} {rates['fn']:4d}"
        )
    lines.append(f"({scores['documents']} documents)")
    return "\n".join(lines)
