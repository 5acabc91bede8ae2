"""The sections of the report, each from its queries to its HTML: the overview cards, activity
over time, rankings, who met whom, pipeline health and every expectation of the last validation."""

from __future__ import annotations

from datetime import date

from tools.report import queries
from tools.report.charts import Bar, bar_chart, heatmap, network_chart
from tools.report.markup import BAR_COLOUR, FATE_COLOURS, NO_DATA, esc, format_number, section, shorten, table
from tools.report.queries import Warehouse

ACTIVITY_MONTHS = 24
DETAIL_CHARS = 300


def overview(db: Warehouse, validation: dict | None) -> str:
    fates = dict(queries.fate_counts(db))
    people, organizations, countries = queries.entity_counts(db)
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
        f'<div class="card"><div class="value">{format_number(value)}</div><div class="label">{label}</div></div>'
        for label, value in cards
    ]
    cells.append(
        f'<div class="card"><div class="value">{validation_badge(validation)}</div>'
        '<div class="label">last validation</div></div>'
    )
    return f'<div class="cards">{"".join(cells)}</div>'


def activity(db: Warehouse) -> str:
    per_month = queries.articles_per_month(db)
    undated = queries.undated_articles(db)
    if not per_month:
        return section("activity", "Activity over time", NO_DATA)
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
            f'<p class="note">{format_number(earlier)} article(s) dated before '
            f'{months[0].strftime("%Y-%m")} are not shown.</p>'
        )
    if undated:
        parts.append(
            f'<p class="note">{format_number(undated)} article(s) have no usable date and are not counted.</p>'
        )
    for chart_id, heading, subject in (
        ("chart-organization-activity", "Organizations by month", "organization"),
        ("chart-country-activity", "Countries by month", "country"),
    ):
        counts = queries.monthly_activity(db, subject, months[0])
        parts.append(f"<h3>{heading}</h3>")
        parts.append(heatmap(chart_id, counts, months, "articles") if counts else NO_DATA)
    return section("activity", "Activity over time", "\n".join(parts),
                   "Dated by the event when the text gives a full date, else by publication.")


def rankings(db: Warehouse) -> str:
    charts = (
        ("chart-top-people", "Top people", "articles naming them", "people"),
        ("chart-top-organizations", "Top organizations", "articles naming them", "organizations"),
        ("chart-top-countries", "Top countries", "articles naming them", "countries"),
        ("chart-sources", "Outlets", "stories carried", "outlets"),
    )
    columns = []
    for chart_id, heading, unit, ranking in charts:
        top = queries.ranking(db, ranking)
        chart = bar_chart(chart_id, [Bar(name, count) for name, count in top], unit) if top else NO_DATA
        columns.append(f"<div><h3>{heading}</h3>{chart}</div>")
    cited = queries.cited_documents(db)
    cited_table = (
        table(["document", "articles", "first cited", "last cited"], cited, numeric={1}) if cited else NO_DATA
    )
    return section(
        "rankings", "Who and what the news is about",
        f'<div class="columns">{"".join(columns)}</div><h3>Most cited documents</h3>{cited_table}',
    )


def network(db: Warehouse) -> str:
    pairs = queries.meeting_pairs(db)
    if not pairs:
        return section("who-met-whom", "Who met whom", NO_DATA)
    chart = network_chart("chart-who-met-whom", [(a, b, stories) for a, b, stories, *_ in pairs])
    legend = (
        '<p class="legend">People named in the same story (one event, possibly several articles). '
        "Circle size: how many meetings the person had; line width: how many stories the two share.</p>"
    )
    pairs_table = table(["person", "person", "stories", "first", "last", "where"], pairs[:queries.TABLE_ROWS],
                        numeric={2})
    return section("who-met-whom", "Who met whom", f"{legend}{chart}<h3>Most frequent pairs</h3>{pairs_table}")


def health(db: Warehouse, last_run: list[tuple], validation: dict | None) -> str:
    fates = queries.fate_counts(db)
    fates_chart = (
        bar_chart("chart-fates", [Bar(fate, n, FATE_COLOURS.get(fate, BAR_COLOUR)) for fate, n in fates], "documents")
        if fates else NO_DATA
    )
    stages_chart = (
        bar_chart("chart-stage-seconds", [Bar(stage, seconds or 0) for _, stage, _, _, _, seconds, _ in last_run],
                  "seconds")
        if last_run else NO_DATA
    )
    stages_table = table(
        ["stage", "status", "rows in", "rows out", "seconds", "finished"],
        [(stage, status, rows_in, rows_out, f"{seconds or 0:.2f}", finished)
         for _, stage, status, rows_in, rows_out, seconds, finished in last_run],
        numeric={2, 3, 4},
    ) if last_run else ""

    quarantined = queries.quarantine_reasons(db)
    quarantine = NO_DATA
    if quarantined:
        quarantine = bar_chart(
            "chart-quarantine",
            [Bar(f"{stage}: {reason}", n, FATE_COLOURS["quarantined"]) for stage, reason, n, _ in quarantined],
            "documents",
        ) + table(["stage", "reason", "documents", "example"], quarantined, numeric={2})

    duplicates = queries.most_copied_articles(db)
    copies = (
        table(["canonical article", "copies", "methods", "min. similarity"], duplicates, numeric={1, 3})
        if duplicates else NO_DATA
    )
    return section("health", "Pipeline health", "\n".join([
        f'<div class="columns"><div><h3>Documents by fate</h3>{fates_chart}</div>'
        f"<div><h3>Last run: seconds per stage</h3>{stages_chart}</div></div>",
        stages_table,
        f"<h3>Validation</h3>{_validation_summary(validation)}",
        f"<h3>Quarantined documents</h3>{quarantine}",
        f"<h3>Most copied articles</h3>{copies}",
    ]))


def validation_badge(validation: dict | None) -> str:
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
        f'<p>{validation_badge(validation)} Run {esc(validation["run_id"])}: '
        f'{validation["met"]} expectation(s) met, {len(validation["failures"])} failed, '
        f'{validation["critical"]} critical.</p>'
    )
    failures = validation["failures"]
    failures_table = table(["suite", "expectation", "column", "severity", "unexpected", "detail"], failures,
                           numeric={4})
    link = '<p>Every expectation of this run, with its failing values: <a href="#validation">validation details</a>.</p>'
    return summary + (failures_table if failures else "") + link


def validation_details(db: Warehouse, validation: dict | None) -> str:
    """Every expectation of the latest validation, suite by suite, failures first."""
    if validation is None:
        return section("validation", "Validation details", NO_DATA)
    results = queries.expectation_results(db, validation["run_id"])
    tables = []
    for suite in sorted({row[0] for row in results}):
        rows = [
            (expectation, column, severity, "met" if success else "failed", unexpected,
             shorten(detail or "", DETAIL_CHARS))
            for name, expectation, column, severity, success, unexpected, detail in results if name == suite
        ]
        tables.append(f"<h3>{esc(suite)}</h3>"
                      + table(["expectation", "column", "severity", "result", "unexpected", "detail"], rows, numeric={4}))
    return section("validation", "Validation details", "".join(tables),
                   f"Run {esc(validation['run_id'])}: every expectation checked before the load, with "
                   f"examples of the values that failed (cut at {DETAIL_CHARS} characters).")


def _month_range(first: date, last: date) -> list[date]:
    months, month = [], first
    while month <= last:
        months.append(month)
        month = date(month.year + month.month // 12, month.month % 12 + 1, 1)
    return months
