"""The report's charts, drawn as inline SVG (the page fetches nothing): horizontal bars, a
heatmap of names by month, and a circle of people joined by the stories they share."""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from tools.report.markup import BAR_COLOUR, EDGE_COLOUR, GRID, HEAT_HIGH, HEAT_LOW, INK, esc, format_number, shorten

HEATMAP_ROWS = 10
NETWORK_MAX_PEOPLE = 40
NETWORK_MAX_PAIRS = 100


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
        f'<text x="{x_of(t):.1f}" y="{plot_bottom + 15}" text-anchor="middle">{format_number(t, decimals)}</text>'
        for t in ticks
    )
    rows = []
    for index, bar in enumerate(bars):
        middle = top + (index + 0.5) * row_height
        bar_width = x_of(bar.value) - label_width
        rows.append(
            f"<g><title>{esc(bar.label)}: {format_number(bar.value, decimals)} {unit}</title>"
            f'<text x="{label_width - 8}" y="{middle:.1f}" text-anchor="end" dominant-baseline="central">'
            f"{esc(shorten(bar.label))}</text>"
            f'<rect class="bar" x="{label_width}" y="{middle - bar_height / 2:.1f}" width="{bar_width:.1f}" '
            f'height="{bar_height}" fill="{bar.colour}" rx="2"/>'
            f'<text x="{label_width + bar_width + 6:.1f}" y="{middle:.1f}" dominant-baseline="central">'
            f"{format_number(bar.value, decimals)}</text></g>"
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
                     f"<title>{esc(name)}</title>{esc(shorten(name))}</text>")
        for column, month in enumerate(months):
            count = by_name[name].get(month, 0)
            share = count / peak
            left = label_width + cell_width * column
            number = (
                f'<text class="count" x="{left + cell_width / 2:.1f}" y="{middle}" text-anchor="middle" '
                f'dominant-baseline="central" style="fill:{"#fff" if share > 0.55 else INK}">{count}</text>'
            ) if count else ""
            cells.append(
                f"<g><title>{esc(name)}, {month.strftime('%Y-%m')}: {count} {unit}</title>"
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
        f'stroke-width="{1 + 6 * weight / strongest_pair:.1f}"><title>{esc(a)} — {esc(b)}: {weight} '
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
            f"<g><title>{esc(name)}: {strength[name]} meeting(s)</title>"
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{node_radius:.1f}" fill="{BAR_COLOUR}" stroke="#fff" '
            'stroke-width="1.5"/>'
            f'<text x="{label_x:.1f}" y="{label_y:.1f}" transform="rotate({rotation:.1f} {label_x:.1f} {label_y:.1f})" '
            f'text-anchor="{"end" if on_left else "start"}" dominant-baseline="central">'
            f"{esc(shorten(name))}</text></g>"
        )
    shown = (
        f'<text class="caption" x="{centre:.1f}" y="{2 * centre - 12:.1f}" text-anchor="middle">'
        f"{len(people)} of {format_number(len(strength))} people, "
        f"{len(drawn)} of {format_number(len(edges))} pairs shown</text>"
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
