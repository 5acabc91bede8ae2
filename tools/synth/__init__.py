"""The synthetic corpus of `vnnews synth`: generated Vietnamese foreign-affairs articles with known
duplicates and the entities each text contains (see corpus.py).

Reference data: people.py, countries.py, vocabulary.py. Article writer: kinds.py (one writer per
kind) over paragraphs.py, phrases.py, cast.py and furniture.py (what a page carries around the
body). Copies: editor.py. Corpus and ground truth: corpus.py.
"""

from tools.synth.corpus import ARTICLE_KINDS, EDIT_TYPES, Article, generate_article, generate_corpus, write_corpus

__all__ = ["ARTICLE_KINDS", "EDIT_TYPES", "Article", "generate_article", "generate_corpus", "write_corpus"]
