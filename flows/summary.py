"""The table a run ends with."""

from __future__ import annotations


def format_table(columns: list[str], rows: list[tuple], max_width: int = 60) -> str:
    def cell(value) -> str:
        text = "" if value is None else str(value).replace("\n", " ")
        return text if len(text) <= max_width else text[: max_width - 1] + "…"

    cells = [[cell(v) for v in row] for row in rows]
    widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(columns)]
    line = "+-" + "-+-".join("-" * w for w in widths) + "-+"
    render = lambda values: "| " + " | ".join(v.ljust(w) for v, w in zip(values, widths)) + " |"  # noqa: E731
    body = [render(r) for r in cells]
    footer = f"({len(rows)} row{'s' if len(rows) != 1 else ''})"
    return "\n".join([line, render(columns), line, *body, line, footer])


def print_summary(reports: list[dict]) -> None:
    load = next((r for r in reports if r["stage"] == "load"), None)
    skipped = next((r.get("skipped", 0) for r in reports if r["stage"] == "ingest"), 0)
    print()
    print(format_table(
        ["stage", "rows in", "rows out", "seconds", "status"],
        [(r["stage"], r["rows_in"], r["rows_out"], f"{r['seconds']:.1f}", r["status"]) for r in reports],
    ))
    if not load and skipped and all(r["rows_out"] == 0 for r in reports):
        print(f"nothing new: all {skipped} document(s) are already in the warehouse (--reprocess to redo them)")
    if load:
        print(
            f"documents in: {load['documents']}  articles: {load['articles']}  "
            f"duplicates: {load['duplicates']}  quarantined: {load['quarantined']}"
            + (f"  (already in the warehouse, skipped: {skipped})" if skipped else "")
        )
