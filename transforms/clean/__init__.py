"""Clean: `documents` → `cleaned` article records (see docs/datasets.md).

A saved news page is the article plus what the site and the scraper wrapped around it: a
` date …` header, timestamps, the headline (sometimes repeated as image alt text), photo
captions with credits, the byline and source credit, menus, related links and share widgets.
Each line leaves the body only through a named rule and is kept in ``removed_lines`` with it;
lines that look like chrome but might be article text stay in the body and are listed in
``flagged_lines``. The body keeps every article sentence as written.

The modules, in the order a document meets them (:mod:`.batch` runs the passes):

* :mod:`.draft`: the document being cleaned, its lines and the record it becomes;
* :mod:`.rewrap`: lines and paragraphs, hard-wrapped lines joined (after
  :func:`transforms.text.repair_characters` has repaired the encoding);
* :mod:`.markup`, :mod:`.dates`, :mod:`.captions`: markdown, the date header and timestamps,
  photo captions;
* :mod:`.chrome`: line shapes and the reference phrases of site chrome;
* :mod:`.shapes`: chrome by the structure of the text for outlets no phrase knows (script of the
  line, URL slugs, symbol lines, dangling prompts, runs of headlines); rewrap never joins a line
  these or :mod:`.chrome` recognise;
* :mod:`.recurring`: lines recurring across unrelated documents, counted over the whole input;
* :mod:`.head`, :mod:`.tail`, :mod:`.repeats`: what needs the article's extent (title, sapo,
  outlet tag; related lists, byline, footer; repeated headlines and sentences);
* :mod:`.credits`: bylines, source credits and outlet names, which several of them read;
  :mod:`.dates` also decides the publication date.
"""

from transforms.clean.batch import BOILERPLATE_RULES, boilerplate_lines, clean_documents, recurring_evidence
from transforms.clean.chrome import MAX_CHROME_CHARS, ChromeRules, ends_like_sentence
from transforms.clean.draft import STAGE
from transforms.clean.recurring import DocumentLines, RecurringEvidence, evidence_rows, evidence_table, recurring_keys

__all__ = [
    "BOILERPLATE_RULES",
    "MAX_CHROME_CHARS",
    "STAGE",
    "ChromeRules",
    "DocumentLines",
    "RecurringEvidence",
    "boilerplate_lines",
    "clean_documents",
    "ends_like_sentence",
    "evidence_rows",
    "evidence_table",
    "recurring_evidence",
    "recurring_keys",
]
