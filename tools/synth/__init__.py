"""The synthetic corpus of `vnnews synth` (see corpus.py)."""

from tools.synth.corpus import ARTICLE_KINDS, EDIT_TYPES, Article, generate_article, generate_corpus, write_corpus

__all__ = ["ARTICLE_KINDS", "EDIT_TYPES", "Article", "generate_article", "generate_corpus", "write_corpus"]
