"""The page's palette and its HTML helpers. Every value read from the warehouse passes through
``esc``: titles, names and details come from scraped articles and may carry markup."""

from __future__ import annotations

import html
from collections.abc import Collection

INK = "#1f2933"
MUTED = "#616e7c"
GRID = "#e4e7eb"
BAR_COLOUR = "#2f6db5"
EDGE_COLOUR = "#7b8794"
FATE_COLOURS = {"article": "#2e8540", "duplicate": "#d98b00", "quarantined": "#c23934"}
HEAT_LOW, HEAT_HIGH = (0xE3, 0xED, 0xF9), (0x1F, 0x4E, 0x8C)
NO_DATA = '<p class="empty">No data yet.</p>'
LABEL_CHARS = 27


def section(section_id: str, title: str, body: str, note: str | None = None) -> str:
    intro = f'<p class="note">{note}</p>' if note else ""
    return f'<section id="{section_id}"><h2>{title}</h2>{intro}{body}</section>'


def table(columns: list[str], rows: list[tuple], numeric: Collection[int] = ()) -> str:
    def cell(tag: str, index: int, value) -> str:
        css = ' class="number"' if index in numeric else ""
        return f"<{tag}{css}>{esc(format_number(value) if isinstance(value, (int, float)) else value)}</{tag}>"

    head = "".join(cell("th", i, c) for i, c in enumerate(columns))
    body = "".join("<tr>" + "".join(cell("td", i, v) for i, v in enumerate(row)) + "</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def esc(value) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def shorten(text: str, limit: int = LABEL_CHARS) -> str:
    # Cut the raw text (never the escaped one, which could split an entity).
    return text if len(text) <= limit else text[: limit - 1] + "…"


def format_number(value: float, decimals: int | None = None) -> str:
    if decimals is None:
        decimals = 0 if float(value).is_integer() else 2
    return f"{value:,.{decimals}f}"
