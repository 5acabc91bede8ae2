"""Markdown that HTML-to-text converters leave in the text (images, link syntax, headings,
emphasis, table pipes), taken out of the lines."""

from __future__ import annotations

import re

from transforms.clean.draft import _Draft


_MD_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]\n]+)\]\((?:https?://|/|www\.)[^)\s]*(?:\s+\"[^\"]*\")?\)")
_MD_HEADING = re.compile(r"^#{1,6}\s+")
_MD_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_MD_TABLE_RULE = re.compile(r"^\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?$")


def _has_markup(text: str) -> bool:
    return (
        "](" in text or "**" in text or "__" in text or text[0] in "#|" or text[-1] == "|"
        or text.startswith(("---", ":--"))
    )


def _strip_markup(draft: _Draft) -> None:
    """Markdown left by HTML-to-text converters: images, link syntax, table pipes, emphasis."""
    for line in draft.lines:
        if not _has_markup(line.text):
            continue
        if _MD_TABLE_RULE.match(line.text):
            line.rule = "chrome:markdown"
            continue
        images = _MD_IMAGE.findall(line.text)
        text = _MD_IMAGE.sub("", line.text)
        text = _MD_EMPHASIS.sub(r"\2", _MD_HEADING.sub("", _MD_LINK.sub(r"\1", text))).strip()
        if text.endswith("|") and not text.startswith("|"):
            text = "|" + text  # a row whose first cell the converter left unmarked
        if text.startswith("|") and text.endswith("|"):
            cells = [cell.strip() for cell in text.strip("|").split("|") if cell.strip()]
            # a one-cell row is a layout table around a photo or a paragraph, not data
            text = cells[0] if len(cells) == 1 else text if cells else ""
        if not text:
            line.rule = "chrome:markdown"
            continue
        for image in images:
            draft.remove_part(image, "chrome:markdown", line.position)
        if text != line.text:
            line.rewrite(text)
