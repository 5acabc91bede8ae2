"""Places as articles write them: a country with its state form, and (for the event reader) a
venue with the city and country it is in."""

from __future__ import annotations

import re

from transforms.extract.gazetteer import PhraseMatch

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
