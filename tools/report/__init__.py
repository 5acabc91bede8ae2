"""`vnnews report` (see page.py)."""

from tools.report.page import BAR_COLOUR, INK, write_report

__all__ = ["BAR_COLOUR", "INK", "write_report"]
