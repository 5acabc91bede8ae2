"""Clean: `documents` → `cleaned` article records (see docs/datasets.md)."""

from transforms.clean.batch import BOILERPLATE_RULES, STAGE, boilerplate_lines, clean_documents, recurring_evidence

__all__ = ["BOILERPLATE_RULES", "STAGE", "boilerplate_lines", "clean_documents", "recurring_evidence"]
