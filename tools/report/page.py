"""`vnnews report`: one self-contained HTML page about the warehouse, for people who do not
write SQL: what the news is about (activity over time, top people and organizations, who met
whom) and how healthy the pipeline is (document fates, last run, validation, quarantine), and
every expectation of the last validation with its failing values (in place of GX Data Docs).

The page works offline and from a file: no scripts, fonts or stylesheets are fetched; every
chart is inline SVG drawn here. Every value read from the warehouse passes through ``_esc``
because titles, names and details come from scraped articles and may carry markup.
The same warehouse always gives the same bytes (stable orderings, no clock).
"""

from __future__ import annotations

import html
import math
from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import duckdb

from transforms.settings import STAGES

TOP_N = 15
ACTIVITY_MONTHS = 24
HEATMAP_ROWS = 10
NETWORK_MAX_PEOPLE = 40
NETWORK_MAX_PAIRS = 100
TABLE_ROWS = 10
LABEL_CHARS = 27
DETAIL_CHARS = 300

INK = "#1f2933"
MUTED = "#616e7c"
GRID = "#e4e7eb"
BAR_COLOUR = "#2f6db5"
EDGE_COLOUR = "#7b8794"
FATE_COLOURS = {"article": "#2e8540", "duplicate": "#d98b00", "quarantined": "#c23934"}
HEAT_LOW, HEAT_HIGH = (0xE3, 0xED, 0xF9), (0x1F, 0x4E, 0x8C)
NO_DATA = '<p class="empty">No data yet.</p>'

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
        page = _render_page(_Warehouse(con), warehouse_path.name)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    out_path.write_text(page, encoding="utf-8")
    return out_path


class _Warehouse:
    def __init__(self, con: duckdb.DuckDBPyConnection):
        self._con = con

    def rows(self, sql: str, params: list | None = None) -> list[tuple]:
        try:
            return self._con.execute(sql, params or []).fetchall()
        except duckdb.CatalogException:
            # A warehouse created before its first load has no tables or views yet: its
            # sections simply say there is no data.
            return []

    def value(self, sql: str, params: list | None = None):
        rows = self.rows(sql, params)
        return rows[0][0] if rows else None


def _render_page(db: _Warehouse, warehouse_name: str) -> str:
    last_run = db.rows(
        # UTC, not the session's time zone: the page must not depend on the machine.
        "SELECT run_id, stage, status, rows_in, rows_out, seconds, "
        "strftime(finished_at AT TIME ZONE 'UTC', '%Y-%m-%d %H:%M:%S UTC') FROM last_run "
        "ORDER BY finished_at, list_position(?, stage)",
        [list(STAGES)],
    )
    run_id = last_run[0][0] if last_run else None
    validation = _latest_validation(db)
    origin = f"generated from run {_esc(run_id)}" if run_id else "no pipeline run recorded yet"
    body = "\n".join([
        '<header><h1>vnnews — news warehouse report</h1>'
        f'<p class="subtitle">{_esc(warehouse_name)}, {origin}</p></header>',
        _overview(db, validation),
        _activity_section(db),
        _rankings_section(db),
        _network_section(db),
        _health_section(db, last_run, validation),
        _validation_section(db, validation),
    ])
    return (
        '<!DOCTYPE html>\n<html lang="vi">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        "<title>vnnews report</title>\n"
        f"<style>{STYLE}</style>\n</head>\n<body>\n<main>\n{body}\n</main>\n</body>\n</html>\n"
    )


# ---------------------------------------------------------------- sections


def _overview(db: _Warehouse, validation: dict | None) -> str:
    fates = dict(db.rows("SELECT fate, documents FROM document_fates"))
    entities = db.rows(
        "SELECT (SELECT count(*) FROM people), (SELECT count(*) FROM organizations), (SELECT count(*) FROM countries)"
    )
    people, organizations, countries = entities[0] if entities else (0, 0, 0)
    cards = [
        ("documents", sum(fates.values())),
        ("articles", fates.get("article", 0)),
        ("duplicates", fates.get("duplicate", 0)),
        ("quarantined", fates.get("quarantined", 0)),
        ("people", people),
        ("organizations", organizations),
        ("countries", countries),
    ]
    cells = [
        f'<div class="card"><div class="value">{_format_number(value)}</div><div class="label">{label}</div></div>'
        for label, value in cards
    ]
    cells.append(
        f'<div class="card"><div class="value">{_validation_badge(validation)}</div>'
        '<div class="label">last validation</div></div>'
    )
    return f'<div class="cards">{"".join(cells)}</div>'


def _activity_section(db: _Warehouse) -> str:
    per_month = dict(db.rows(
        "SELECT date_trunc('month', activity_date)::DATE, count(*) FROM article_dates "
        "WHERE activity_date IS NOT NULL GROUP BY 1"
    ))
    undated = db.value("SELECT count(*) FROM article_dates WHERE activity_date IS NULL") or 0
    if not per_month:
        return _section("activity", "Activity over time", NO_DATA)
    # A few old or mis-dated articles must not stretch the charts over decades: show the
    # latest months and say how many articles fall before them.
    months = _month_range(min(per_month), max(per_month))[-ACTIVITY_MONTHS:]
    earlier = sum(count for month, count in per_month.items() if month < months[0])
    parts = [
        "<h3>Articles per month</h3>",
        bar_chart("chart-articles-per-month",
                  [Bar(month.strftime("%Y-%m"), per_month.get(month, 0)) for month in months], "articles"),
    ]
    if earlier:
        parts.append(
            f'<p class="note">{_format_number(earlier)} article(s) dated before '
            f'{months[0].strftime("%Y-%m")} are not shown.</p>'
        )
    if undated:
        parts.append(
            f'<p class="note">{_format_number(undated)} article(s) have no usable date and are not counted.</p>'
        )
    for chart_id, heading, view, column in (
        ("chart-organization-activity", "Organizations by month", "organization_activity_monthly", "organization"),
        ("chart-country-activity", "Countries by month", "country_activity_monthly", "country"),
    ):
        counts = db.rows(f"SELECT {column}, month, articles FROM {view} WHERE month >= ?", [months[0]])
        parts.append(f"<h3>{heading}</h3>")
        parts.append(heatmap(chart_id, counts, months, "articles") if counts else NO_DATA)
    return _section("activity", "Activity over time", "\n".join(parts),
                    "Dated by the event when the text gives a full date, else by publication.")


def _rankings_section(db: _Warehouse) -> str:
    rankings = (
        ("chart-top-people", "Top people", "articles naming them",
         "SELECT name, count(DISTINCT doc_id) AS n FROM person_timeline GROUP BY person_id, name"),
        ("chart-top-organizations", "Top organizations", "articles naming them",
         "SELECT organization, sum(articles) AS n FROM organization_activity_monthly GROUP BY organization"),
        ("chart-top-countries", "Top countries", "articles naming them",
         "SELECT country, sum(articles) AS n FROM country_activity_monthly GROUP BY country"),
        ("chart-sources", "Outlets", "stories carried",
         "SELECT source, stories AS n FROM source_coverage"),
    )
    columns = []
    for chart_id, heading, unit, sql in rankings:
        top = db.rows(f"SELECT * FROM ({sql}) ORDER BY n DESC, 1 LIMIT {TOP_N}")
        chart = bar_chart(chart_id, [Bar(name, count) for name, count in top], unit) if top else NO_DATA
        columns.append(f"<div><h3>{heading}</h3>{chart}</div>")
    cited = db.rows(
        "SELECT doc_ref, articles, first_cited, last_cited FROM most_cited_documents "
        f"ORDER BY articles DESC, doc_ref LIMIT {TABLE_ROWS}"
    )
    cited_table = (
        _table(["document", "articles", "first cited", "last cited"], cited, numeric={1}) if cited else NO_DATA
    )
    return _section(
        "rankings", "Who and what the news is about",
        f'<div class="columns">{"".join(columns)}</div><h3>Most cited documents</h3>{cited_table}',
    )


def _network_section(db: _Warehouse) -> str:
    pairs = db.rows(
        "SELECT person_a, person_b, count(DISTINCT story_id) AS stories, min(activity_date), max(activity_date), "
        "string_agg(DISTINCT location, '; ' ORDER BY location) "
        "FROM who_met_whom GROUP BY person_a, person_b ORDER BY stories DESC, person_a, person_b"
    )
    if not pairs:
        return _section("who-met-whom", "Who met whom", NO_DATA)
    chart = network_chart("chart-who-met-whom", [(a, b, stories) for a, b, stories, *_ in pairs])
    legend = (
        '<p class="legend">People named in the same story (one event, possibly several articles). '
        "Circle size: how many meetings the person had; line width: how many stories the two share.</p>"
    )
    table = _table(["person", "person", "stories", "first", "last", "where"], pairs[:TABLE_ROWS], numeric={2})
    return _section("who-met-whom", "Who met whom", f"{legend}{chart}<h3>Most frequent pairs</h3>{table}")


def _health_section(db: _Warehouse, last_run: list[tuple], validation: dict | None) -> str:
    fates = db.rows("SELECT fate, documents FROM document_fates ORDER BY documents DESC, fate")
    fates_chart = (
        bar_chart("chart-fates", [Bar(fate, n, FATE_COLOURS.get(fate, BAR_COLOUR)) for fate, n in fates], "documents")
        if fates else NO_DATA
    )
    stages_chart = (
        bar_chart("chart-stage-seconds", [Bar(stage, seconds or 0) for _, stage, _, _, _, seconds, _ in last_run],
                  "seconds")
        if last_run else NO_DATA
    )
    stages_table = _table(
        ["stage", "status", "rows in", "rows out", "seconds", "finished"],
        [(stage, status, rows_in, rows_out, f"{seconds or 0:.2f}", finished)
         for _, stage, status, rows_in, rows_out, seconds, finished in last_run],
        numeric={2, 3, 4},
    ) if last_run else ""

    quarantined = db.rows(
        # min(detail) rather than the view's any_value: the same warehouse must give the same page.
        "SELECT stage, reason, count(*) AS documents, min(detail) FROM quarantine "
        "GROUP BY stage, reason ORDER BY documents DESC, stage, reason"
    )
    quarantine = NO_DATA
    if quarantined:
        quarantine = bar_chart(
            "chart-quarantine",
            [Bar(f"{stage}: {reason}", n, FATE_COLOURS["quarantined"]) for stage, reason, n, _ in quarantined],
            "documents",
        ) + _table(["stage", "reason", "documents", "example"], quarantined, numeric={2})

    duplicates = db.rows(
        "SELECT coalesce(title, canonical_id), copies, array_to_string(methods, ', '), round(min_similarity, 3) "
        f"FROM duplicate_summary ORDER BY copies DESC, canonical_id LIMIT {TABLE_ROWS}"
    )
    copies = (
        _table(["canonical article", "copies", "methods", "min. similarity"], duplicates, numeric={1, 3})
        if duplicates else NO_DATA
    )
    return _section("health", "Pipeline health", "\n".join([
        f'<div class="columns"><div><h3>Documents by fate</h3>{fates_chart}</div>'
        f"<div><h3>Last run: seconds per stage</h3>{stages_chart}</div></div>",
        stages_table,
        f"<h3>Validation</h3>{_validation_summary(validation)}",
        f"<h3>Quarantined documents</h3>{quarantine}",
        f"<h3>Most copied articles</h3>{copies}",
    ]))


def _latest_validation(db: _Warehouse) -> dict | None:
    latest = db.value(
        "SELECT v.run_id FROM validation_results AS v LEFT JOIN pipeline_runs AS p USING (run_id) "
        "GROUP BY v.run_id ORDER BY max(p.finished_at) DESC NULLS LAST, v.run_id DESC LIMIT 1"
    )
    if latest is None:
        return None
    met = db.value("SELECT count(*) FROM validation_results WHERE run_id = ? AND success", [latest])
    failures = db.rows(
        "SELECT suite, expectation, column_name, severity, unexpected_count, detail FROM validation_results "
        "WHERE run_id = ? AND NOT success ORDER BY suite, expectation, column_name NULLS FIRST, detail",
        [latest],
    )
    return {
        "run_id": latest,
        "met": met,
        "failures": failures,
        "critical": sum(1 for _, _, _, severity, _, _ in failures if severity == "critical"),
    }


def _validation_badge(validation: dict | None) -> str:
    if validation is None:
        return '<span class="badge none">not run</span>'
    if validation["critical"]:
        return '<span class="badge critical">critical failures</span>'
    if validation["failures"]:
        return '<span class="badge warnings">warnings</span>'
    return '<span class="badge passed">passed</span>'


def _validation_summary(validation: dict | None) -> str:
    if validation is None:
        return NO_DATA
    summary = (
        f'<p>{_validation_badge(validation)} Run {_esc(validation["run_id"])}: '
        f'{validation["met"]} expectation(s) met, {len(validation["failures"])} failed, '
        f'{validation["critical"]} critical.</p>'
    )
    failures = validation["failures"]
    table = _table(["suite", "expectation", "column", "severity", "unexpected", "detail"], failures, numeric={4})
    link = '<p>Every expectation of this run, with its failing values: <a href="#validation">validation details</a>.</p>'
    return summary + (table if failures else "") + link


def _validation_section(db: _Warehouse, validation: dict | None) -> str:
    """Every expectation of the latest validation, suite by suite, failures first."""
    if validation is None:
        return _section("validation", "Validation details", NO_DATA)
    results = db.rows(
        "SELECT suite, expectation, column_name, severity, success, unexpected_count, detail FROM validation_results "
        "WHERE run_id = ? ORDER BY suite, success, expectation, column_name NULLS FIRST, detail",
        [validation["run_id"]],
    )
    tables = []
    for suite in sorted({row[0] for row in results}):
        rows = [
            (expectation, column, severity, "met" if success else "failed", unexpected,
             _shorten(detail or "", DETAIL_CHARS))
            for name, expectation, column, severity, success, unexpected, detail in results if name == suite
        ]
        tables.append(f"<h3>{_esc(suite)}</h3>"
                      + _table(["expectation", "column", "severity", "result", "unexpected", "detail"], rows, numeric={4}))
    return _section("validation", "Validation details", "".join(tables),
                    f"Run {_esc(validation['run_id'])}: every expectation checked before the load, with "
                    f"examples of the values that failed (cut at {DETAIL_CHARS} characters).")


# ---------------------------------------------------------------- charts (inline SVG)


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    colour: str = BAR_COLOUR


def bar_chart(chart_id: str, bars: list[Bar], unit: str) -> str:
    """Horizontal bars, one row per label, on a shared axis from zero."""
    label_width, plot_width, value_width = 200, 290, 50
    row_height = 24 if len(bars) <= 20 else 18  # long series (months) stay compact
    bar_height, top, axis_height = row_height - 8, 4, 38
    whole_numbers = all(float(bar.value).is_integer() for bar in bars)
    decimals = 0 if whole_numbers else 2
    step, axis_max = _axis(max(bar.value for bar in bars), whole_numbers)
    plot_bottom = top + row_height * len(bars)
    width, height = label_width + plot_width + value_width, plot_bottom + axis_height

    def x_of(value: float) -> float:
        return label_width + plot_width * value / axis_max

    ticks = [step * i for i in range(round(axis_max / step) + 1)]
    grid = "".join(
        f'<line x1="{x_of(t):.1f}" y1="{top}" x2="{x_of(t):.1f}" y2="{plot_bottom}" stroke="{GRID}"/>'
        f'<text x="{x_of(t):.1f}" y="{plot_bottom + 15}" text-anchor="middle">{_format_number(t, decimals)}</text>'
        for t in ticks
    )
    rows = []
    for index, bar in enumerate(bars):
        middle = top + (index + 0.5) * row_height
        bar_width = x_of(bar.value) - label_width
        rows.append(
            f"<g><title>{_esc(bar.label)}: {_format_number(bar.value, decimals)} {unit}</title>"
            f'<text x="{label_width - 8}" y="{middle:.1f}" text-anchor="end" dominant-baseline="central">'
            f"{_esc(_shorten(bar.label))}</text>"
            f'<rect class="bar" x="{label_width}" y="{middle - bar_height / 2:.1f}" width="{bar_width:.1f}" '
            f'height="{bar_height}" fill="{bar.colour}" rx="2"/>'
            f'<text x="{label_width + bar_width + 6:.1f}" y="{middle:.1f}" dominant-baseline="central">'
            f"{_format_number(bar.value, decimals)}</text></g>"
        )
    caption = (
        f'<text class="caption" x="{label_width + plot_width / 2}" y="{plot_bottom + 33}" '
        f'text-anchor="middle">{unit}</text>'
    )
    return _svg(chart_id, width, height, f'<g class="axis">{grid}</g>{"".join(rows)}{caption}')


def heatmap(chart_id: str, counts: list[tuple[str, date, int]], months: list[date], unit: str) -> str:
    """Rows: the most active names; columns: months; shade and number: ``unit`` that month."""
    by_name: dict[str, dict[date, int]] = defaultdict(dict)
    for name, month, count in counts:
        by_name[name][month] = count
    names = sorted(by_name, key=lambda name: (-sum(by_name[name].values()), name))[:HEATMAP_ROWS]
    label_width, cell_height, header_height = 200, 24, 52
    cell_width = max(24, min(36, 880 / len(months)))  # a few years still fit the page
    width, height = label_width + cell_width * len(months) + 40, header_height + cell_height * len(names) + 6
    peak = max(max(by_name[name].values()) for name in names)
    header = "".join(
        f'<text transform="translate({label_width + cell_width * (i + 0.5):.1f},{header_height - 6}) rotate(-45)">'
        f'{month.strftime("%Y-%m")}</text>'
        for i, month in enumerate(months)
    )
    cells = []
    for row, name in enumerate(names):
        y = header_height + row * cell_height
        middle = y + cell_height / 2
        cells.append(f'<text x="{label_width - 8}" y="{middle}" text-anchor="end" dominant-baseline="central">'
                     f"<title>{_esc(name)}</title>{_esc(_shorten(name))}</text>")
        for column, month in enumerate(months):
            count = by_name[name].get(month, 0)
            share = count / peak
            left = label_width + cell_width * column
            number = (
                f'<text class="count" x="{left + cell_width / 2:.1f}" y="{middle}" text-anchor="middle" '
                f'dominant-baseline="central" style="fill:{"#fff" if share > 0.55 else INK}">{count}</text>'
            ) if count else ""
            cells.append(
                f"<g><title>{_esc(name)}, {month.strftime('%Y-%m')}: {count} {unit}</title>"
                f'<rect class="cell" x="{left + 1:.1f}" y="{y + 1}" width="{cell_width - 2:.1f}" '
                f'height="{cell_height - 2}" fill="{_heat_colour(share) if count else "#f3f4f6"}" rx="2"/>{number}</g>'
            )
    return _svg(chart_id, width, height, f'<g class="axis">{header}</g>{"".join(cells)}')


def network_chart(chart_id: str, edges: list[tuple[str, str, int]]) -> str:
    """People on a circle, neighbours next to each other; a line per pair, wider for more
    stories; a bigger circle for more meetings. Names point outwards so they never overlap."""
    strength: dict[str, int] = defaultdict(int)
    for a, b, weight in edges:
        strength[a] += weight
        strength[b] += weight
    people = sorted(strength, key=lambda name: (-strength[name], name))[:NETWORK_MAX_PEOPLE]
    kept = set(people)
    drawn = sorted(((a, b, weight) for a, b, weight in edges if a in kept and b in kept),
                   key=lambda edge: (-edge[2], edge[0], edge[1]))[:NETWORK_MAX_PAIRS]
    order = _circle_order(people, drawn)
    strongest_person, strongest_pair = strength[people[0]], max(weight for _, _, weight in drawn)
    radius = max(150, len(order) * 36 / (2 * math.pi))  # about 36 px of circle per person
    centre = radius + 200  # room for the names all around
    position = {}
    for index, name in enumerate(order):
        angle = 2 * math.pi * index / len(order) - math.pi / 2
        position[name] = (angle, centre + radius * math.cos(angle), centre + radius * math.sin(angle))
    lines = "".join(
        f'<line x1="{position[a][1]:.1f}" y1="{position[a][2]:.1f}" x2="{position[b][1]:.1f}" '
        f'y2="{position[b][2]:.1f}" stroke="{EDGE_COLOUR}" stroke-opacity="{0.35 + 0.5 * weight / strongest_pair:.2f}" '
        f'stroke-width="{1 + 6 * weight / strongest_pair:.1f}"><title>{_esc(a)} — {_esc(b)}: {weight} '
        "story(ies)</title></line>"
        for a, b, weight in drawn
    )
    nodes = []
    for name in order:
        angle, x, y = position[name]
        node_radius = 4 + 9 * math.sqrt(strength[name] / strongest_person)
        label_x, label_y = x + (node_radius + 5) * math.cos(angle), y + (node_radius + 5) * math.sin(angle)
        on_left = math.cos(angle) < -1e-9
        rotation = math.degrees(angle) + (180 if on_left else 0)
        nodes.append(
            f"<g><title>{_esc(name)}: {strength[name]} meeting(s)</title>"
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{node_radius:.1f}" fill="{BAR_COLOUR}" stroke="#fff" '
            'stroke-width="1.5"/>'
            f'<text x="{label_x:.1f}" y="{label_y:.1f}" transform="rotate({rotation:.1f} {label_x:.1f} {label_y:.1f})" '
            f'text-anchor="{"end" if on_left else "start"}" dominant-baseline="central">'
            f"{_esc(_shorten(name))}</text></g>"
        )
    shown = (
        f'<text class="caption" x="{centre:.1f}" y="{2 * centre - 12:.1f}" text-anchor="middle">'
        f"{len(people)} of {_format_number(len(strength))} people, "
        f"{len(drawn)} of {_format_number(len(edges))} pairs shown</text>"
    )
    return _svg(chart_id, 2 * centre, 2 * centre, f"{lines}{''.join(nodes)}{shown}")


def _circle_order(people: list[str], edges: list[tuple[str, str, int]]) -> list[str]:
    """Breadth-first from the best-connected person of each group, so that people who met sit
    close together on the circle and few lines cross it."""
    neighbours: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for a, b, weight in edges:
        neighbours[a].append((-weight, b))
        neighbours[b].append((-weight, a))
    order, seen = [], set()
    for start in people:  # already strongest first
        if start in seen:
            continue
        queue = [start]
        seen.add(start)
        while queue:
            person = queue.pop(0)
            order.append(person)
            for _, other in sorted(neighbours[person]):
                if other not in seen:
                    seen.add(other)
                    queue.append(other)
    return order


def _svg(chart_id: str, width: float, height: float, content: str) -> str:
    return (
        f'<svg id="{chart_id}" class="chart" viewBox="0 0 {width:.0f} {height:.0f}" width="{width:.0f}" '
        f'height="{height:.0f}" role="img">{content}</svg>'
    )


def _axis(maximum: float, whole_numbers: bool) -> tuple[float, float]:
    """A round tick step giving about four ticks, and the axis end (a multiple of it)."""
    if maximum <= 0:
        return 1.0, 1.0
    raw_step = maximum / 4
    magnitude = 10 ** math.floor(math.log10(raw_step))
    step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw_step)
    if whole_numbers:
        step = max(step, 1)
    return step, step * math.ceil(maximum / step)


def _heat_colour(share: float) -> str:
    channels = (round(low + (high - low) * share) for low, high in zip(HEAT_LOW, HEAT_HIGH))
    return "#" + "".join(f"{c:02x}" for c in channels)


def _month_range(first: date, last: date) -> list[date]:
    months, month = [], first
    while month <= last:
        months.append(month)
        month = date(month.year + month.month // 12, month.month % 12 + 1, 1)
    return months


# ---------------------------------------------------------------- HTML helpers


def _section(section_id: str, title: str, body: str, note: str | None = None) -> str:
    intro = f'<p class="note">{note}</p>' if note else ""
    return f'<section id="{section_id}"><h2>{title}</h2>{intro}{body}</section>'


def _table(columns: list[str], rows: list[tuple], numeric: Collection[int] = ()) -> str:
    def cell(tag: str, index: int, value) -> str:
        css = ' class="number"' if index in numeric else ""
        return f"<{tag}{css}>{_esc(_format_number(value) if isinstance(value, (int, float)) else value)}</{tag}>"

    head = "".join(cell("th", i, c) for i, c in enumerate(columns))
    body = "".join("<tr>" + "".join(cell("td", i, v) for i, v in enumerate(row)) + "</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _esc(value) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def _shorten(text: str, limit: int = LABEL_CHARS) -> str:
    # Cut the raw text (never the escaped one, which could split an entity).
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _format_number(value: float, decimals: int | None = None) -> str:
    if decimals is None:
        decimals = 0 if float(value).is_integer() else 2
    return f"{value:,.{decimals}f}"
