"""Reference data (gazetteers, boilerplate phrases) read from the CSV files in seeds/reference/."""

from __future__ import annotations

import csv
from pathlib import Path

Reference = dict[str, list[dict[str, str]]]


def load_reference(reference_dir: Path) -> Reference:
    """Every ``<name>.csv`` in the folder, as a list of row dicts keyed by ``name``."""
    if not Path(reference_dir).is_dir():
        raise FileNotFoundError(f"no reference folder at {reference_dir} (the gazetteers of seeds/reference/)")
    tables: Reference = {}
    for path in sorted(Path(reference_dir).glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            tables[path.stem] = [
                {key: (value or "").strip() for key, value in row.items()}
                for row in csv.DictReader(row for row in handle if not row.startswith("#"))
            ]
    return tables
