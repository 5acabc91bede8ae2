"""Places as articles write them: a country with its state form, and (for the event reader) a
venue with the city and country it is in."""

from __future__ import annotations

import re

from transforms.extract.gazetteer import Gazetteer, PhraseMatch, key_text

# A state's form written before its name belongs to the country ("nước CHDCND Lào", "Cộng hòa
# Cuba", "Hợp chủng quốc Hoa Kỳ"), so the title it completes reads on to the name after it.
_STATE_FORM = re.compile(
    r"(?<!\w)(?:nước[^\S\n]+)?(?:Cộng h(?:òa|oà)|Hợp chủng quốc|Vương quốc|Liên bang)[^\S\n]+$|(?<!\w)nước[^\S\n]+$"
)


def with_state_forms(text: str, phrases: list[PhraseMatch]) -> list[PhraseMatch]:
    """Country phrases grown back over the state form written before them, when no other phrase
    holds those words ("Chủ tịch nước Cộng hòa Cuba": that "nước" is the title's)."""
    previous_end = 0
    for index, phrase in enumerate(phrases):
        is_country = any(entry.kind == "country" for entry in phrase.entries)
        is_organization = any(entry.kind == "organization" for entry in phrase.entries)
        if is_country and not is_organization \
                and (form := _STATE_FORM.search(text, max(previous_end, phrase.start - 24), phrase.start)) is not None:
            phrases[index] = phrase = PhraseMatch(form.start(), phrase.end, phrase.entries)
        previous_end = phrase.end
    return phrases



# Where an event is held: after "tại"/"ở" (or where a delegation arrived: "đã đến Sân bay quốc
# tế Bắc Kinh") in the lead sentence ("tại phòng họp Diên Hồng, Nhà
# Quốc hội, Hà Nội"), within reach.
_HELD_AT = re.compile(r"(?<!\w)(?:tại|ở|đã đến|đến thăm)\s[^.;:\n]{0,60}$", re.IGNORECASE)


def venue_place(location: str | None, lead: str, gazetteer: Gazetteer) -> tuple[str | None, str | None]:
    """The city and country of an event's venue (canonical names): from the venue as written
    ("Phủ Chủ tịch" → Hà Nội, Việt Nam; "Kota Kinabalu, Malaysia" → Malaysia), else from the
    first place the lead says it is held at ("tại Viêng Chăn" → Vientiane, Lào). A city gives
    its country, a venue its city and country (countries.csv's ``country`` and ``city``)."""
    for text, anchored in ((location or "", False), (lead, True)):
        for phrase in gazetteer.find_phrases(text, key_text(text)):
            place = next((entry for entry in phrase.entries if entry.kind in ("city", "province", "country")), None)
            if place is None or (anchored and not _HELD_AT.search(text, max(0, phrase.start - 64), phrase.start)):
                continue
            if place.kind == "country":
                return None, place.name
            return place.city or place.name, place.country or None
    return None, None
