"""`vnnews report`: one self-contained HTML page about the warehouse (see page.py).

Reads of the warehouse: queries.py. Sections, from their queries to their HTML: sections.py.
Inline SVG charts: charts.py. Palette and HTML helpers: markup.py. The page: page.py.
"""

from tools.report.markup import BAR_COLOUR, INK
from tools.report.page import write_report

__all__ = ["BAR_COLOUR", "INK", "write_report"]
