"""`vnnews report`: one self-contained HTML page about the warehouse, for people who do not
write SQL: what the news is about (activity over time, top people and organizations, who met
whom) and how healthy the pipeline is (document fates, last run, validation, quarantine), and
every expectation of the last validation with its failing values (in place of GX Data Docs).

The page works offline and from a file: no scripts, fonts or stylesheets are fetched; every
chart is inline SVG (charts.py). Every value read from the warehouse passes through ``markup.esc``
because titles, names and details come from scraped articles and may carry markup.
The same warehouse always gives the same bytes (stable orderings, no clock).
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from tools.report import queries, sections
from tools.report.markup import FATE_COLOURS, GRID, INK, MUTED, esc
from tools.report.queries import Warehouse

STYLE = f"""
:root {{ color-scheme: light; }}
body {{ margin: 0; background: #f5f7fa; color: {INK};
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial,
    "Liberation Sans", "DejaVu Sans", sans-serif; font-size: 15px; line-height: 1.45; }}
main {{ max-width: 1180px; margin: 0 auto; padding: 24px 20px 48px; }}
h1 {{ font-size: 26px; margin: 0 0 4px; }}
h2 {{ font-size: 19px; margin: 0 0 12px; }}
h3 {{ font-size: 15px; margin: 16px 0 8px; color: {MUTED}; text-transform: uppercase; letter-spacing: .04em; }}
.subtitle, .note, .empty {{ color: {MUTED}; margin: 4px 0 12px; }}
section {{ background: #fff; border: 1px solid {GRID}; border-radius: 8px; padding: 18px 22px; margin: 18px 0; }}
.cards {{ display: grid; grid-template-columns: repeat(auto-fit, minmax(120px, 1fr)); gap: 12px; margin-top: 18px; }}
.card {{ background: #fff; border: 1px solid {GRID}; border-radius: 8px; padding: 12px 14px; }}
.card .value {{ font-size: 26px; font-weight: 650; }}
.card .label {{ color: {MUTED}; font-size: 13px; }}
.badge {{ display: inline-block; padding: 2px 10px; border-radius: 999px; font-weight: 600; font-size: 13px;
  color: #fff; }}
.badge.passed {{ background: {FATE_COLOURS["article"]}; }}
.badge.warnings {{ background: {FATE_COLOURS["duplicate"]}; }}
.badge.critical {{ background: {FATE_COLOURS["quarantined"]}; }}
.badge.none {{ background: {MUTED}; }}
.columns {{ display: grid; grid-template-columns: repeat(auto-fit, minmax(480px, 1fr)); gap: 8px 32px; }}
svg.chart {{ display: block; max-width: 100%; height: auto; }}
#chart-who-met-whom {{ margin: 0 auto; }}
svg.chart text {{ fill: {INK}; font-size: 12px; }}
svg.chart .axis text, svg.chart text.caption {{ fill: {MUTED}; }}
svg.chart text.count {{ font-size: 11px; }}
table {{ border-collapse: collapse; width: 100%; font-size: 14px; }}
th, td {{ text-align: left; padding: 5px 8px; border-bottom: 1px solid {GRID}; vertical-align: top; }}
th {{ color: {MUTED}; font-weight: 600; }}
td.number, th.number {{ text-align: right; font-variant-numeric: tabular-nums; }}
.legend {{ color: {MUTED}; font-size: 13px; }}
"""


def write_report(warehouse_path: Path, out_path: Path) -> Path:
    """Write the HTML report of the warehouse to ``out_path`` and return it."""
    warehouse_path, out_path = Path(warehouse_path), Path(out_path)
    if not warehouse_path.exists():
        raise FileNotFoundError(f"no warehouse at {warehouse_path}: run `vnnews run` (or `make run`) first")
    with duckdb.connect(str(warehouse_path), read_only=True) as con:
        page = _render_page(Warehouse(con), warehouse_path.name)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    out_path.write_text(page, encoding="utf-8")
    return out_path


def _render_page(db: Warehouse, warehouse_name: str) -> str:
    last_run = queries.last_run_stages(db)
    run_id = last_run[0][0] if last_run else None
    validation = queries.latest_validation(db)
    origin = f"generated from run {esc(run_id)}" if run_id else "no pipeline run recorded yet"
    body = "\n".join([
        '<header><h1>vnnews — news warehouse report</h1>'
        f'<p class="subtitle">{esc(warehouse_name)}, {origin}</p></header>',
        sections.overview(db, validation),
        sections.activity(db),
        sections.rankings(db),
        sections.network(db),
        sections.health(db, last_run, validation),
        sections.validation_details(db, validation),
    ])
    return (
        '<!DOCTYPE html>\n<html lang="vi">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        "<title>vnnews report</title>\n"
        f"<style>{STYLE}</style>\n</head>\n<body>\n<main>\n{body}\n</main>\n</body>\n</html>\n"
    )
