"""Writes the warehouse SQL generated from the extractor registry (transforms/extract/registry.py):
the staging views of the extractors' sets and lists, their block of load.sql (tables created
when missing, rows merged), their comments (from the declarations' descriptions) and the GX frames of the suites they declare.

Run ``.venv/bin/python warehouse/build.py`` after adding or changing an extractor, then
``.venv/bin/python expectations/build.py`` for its suites; tests/test_extract_registry.py fails
while a written file is stale.
"""

from __future__ import annotations

from pathlib import Path

from transforms.extract import warehouse_sql
from transforms.extract.registry import EXTRACTORS

WAREHOUSE = Path(__file__).resolve().parent
FRAMES = WAREHOUSE.parent / "expectations" / "frames"


def generated_files(warehouse: Path = WAREHOUSE, frames: Path = FRAMES) -> dict[Path, str]:
    """Every file the registry writes, with the text it should have now."""
    load = warehouse / "load.sql"
    return {
        warehouse / warehouse_sql.STAGING_FILE: warehouse_sql.staging_sql(EXTRACTORS),
        warehouse / warehouse_sql.COMMENTS_FILE: warehouse_sql.comments_sql(EXTRACTORS),
        load: warehouse_sql.with_load_block(load.read_text(encoding="utf-8"), EXTRACTORS),
        **{frames / f"{suite}.sql": text for suite, text in warehouse_sql.frames(EXTRACTORS).items()},
    }


def build() -> list[Path]:
    written = []
    for path, text in generated_files().items():
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            written.append(path)
    return written


if __name__ == "__main__":
    changed = build()
    print(f"wrote {len(changed)} file(s)" + "".join(f"\n  {path}" for path in changed))
