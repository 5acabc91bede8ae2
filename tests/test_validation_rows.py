"""The validate stage quarantines the documents whose rows fail, and refuses a run only for
table-level breakage: on the real flow, a temporary lake and warehouse."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from flows.lake import LINEAGE_FILE, Lake
from pipeline_helpers import contents, query, run
from transforms.settings import Settings, ValidationSettings
from transforms.validate import validate_lake

pytestmark = pytest.mark.usefixtures("prefect_harness")

# A history piece that opens on the date it recalls, undated.
FOUNDING = (
    "Ngày 3/2/1930, Đảng Cộng sản Việt Nam ra đời tại Hương Cảng, Trung Quốc, dưới sự chủ trì của lãnh tụ "
    "Nguyễn Ái Quốc. Hội nghị hợp nhất các tổ chức cộng sản đã thông qua Chánh cương vắn tắt và Sách lược vắn tắt.\n\n"
    "Sự kiện chấm dứt thời kỳ khủng hoảng về đường lối cứu nước, mở ra bước ngoặt của cách mạng Việt Nam. "
    "Từ đó, Đảng lãnh đạo nhân dân giành độc lập, thống nhất đất nước.\n"
)
# A dateline of 1930 in an article published in 2025: a date far from its publication.
DATELINE = (
    "date 2025-02-03\n"
    "Hà Nội, ngày 3/2/1930 - Hội nghị thành lập Đảng khai mạc tại Cửu Long dưới sự chủ trì của đồng chí "
    "Nguyễn Ái Quốc, đại diện Quốc tế Cộng sản.\n\n"
    "Đại biểu của Đông Dương Cộng sản Đảng và An Nam Cộng sản Đảng đã thảo luận và nhất trí hợp nhất thành "
    "một đảng duy nhất. Hội nghị cũng thông qua Lời kêu gọi gửi công nhân, nông dân, binh lính và học sinh.\n"
)


def test_history_articles_load_as_articles_with_the_seeds(seed_inputs, tmp_path):
    (seed_inputs / "founding.txt").write_text(FOUNDING, encoding="utf-8")
    (seed_inputs / "dateline.txt").write_text(DATELINE, encoding="utf-8")
    run(seed_inputs, tmp_path)
    warehouse = tmp_path / "news.duckdb"

    assert query(warehouse, "SELECT fate, count(*) FROM documents GROUP BY fate") == [("article", 7)]
    assert query(warehouse, """
        SELECT regexp_extract(d.source_path, '[^/]+$'), a.event_date, a.published_date
        FROM articles AS a JOIN documents AS d USING (doc_id)
        WHERE d.source_path LIKE '%founding.txt' OR d.source_path LIKE '%dateline.txt' ORDER BY 1
    """) == [("dateline.txt", "1930-02-03", "2025-02-03"), ("founding.txt", "1930-02-03", None)]
    # far from its publication: recorded as a warning, not a reason to quarantine
    assert query(warehouse, """
        SELECT severity, success, unexpected_count FROM validation_results WHERE column_name = 'days_from_published'
    """) == [("warning", False, 1)]


SEEDS = Path("seeds/raw")


@pytest.fixture(scope="module")
def loaded_seeds(prefect_harness, tmp_path_factory) -> Path:
    """The seeds run once into a lake and a warehouse; each test starts from a copy of them put
    back at the same paths (``--from`` finds earlier outputs for the same inputs and settings)."""
    root = tmp_path_factory.mktemp("loaded")
    run(SEEDS, root / "work")
    shutil.copytree(root / "work", root / "pristine")
    return root / "work"


def _restored_run(work: Path) -> Lake:
    """The fixture's run as it was, and this run's view of its lake."""
    shutil.rmtree(work)
    shutil.copytree(work.with_name("pristine"), work)
    lineage = json.loads(next((work / "lake" / "extract").glob(f"*/{LINEAGE_FILE}")).read_text(encoding="utf-8"))
    # validate has no output yet: a key with no folder reads as empty
    keys = {**lineage["keys"], "validate": "not-yet"}
    return Lake(work / "lake", tuple(keys.items()), lineage["lookup"])


def _rewrite_extracted(lake: Lake, change: Callable[[pa.Table], pa.Table]) -> None:
    part = lake.parts("extract", "articles_extracted")[0]
    pq.write_table(change(pq.read_table(part)), part)


def _dated(event_date: str, rows: int | None = None) -> Callable[[pa.Table], pa.Table]:
    """Gives the first ``rows`` articles (all by default) a day-precision event date."""
    def change(table: pa.Table) -> pa.Table:
        count = table.num_rows if rows is None else rows
        for column, value in (("event_date", event_date), ("event_date_precision", "day")):
            values = [value] * count + table.column(column).to_pylist()[count:]
            table = table.set_column(table.schema.get_field_index(column), column, pa.array(values, pa.string()))
        return table
    return change


def test_a_rerun_of_validate_quarantines_the_same_documents(loaded_seeds):
    lake = _restored_run(loaded_seeds)
    _rewrite_extracted(lake, _dated("2099-01-01", rows=1))
    run(SEEDS, loaded_seeds, from_stage="validate")
    first = contents(loaded_seeds / "news.duckdb")
    # the first validate's quarantine is in the lake now: it must not hide the document from the second
    run(SEEDS, loaded_seeds, from_stage="validate")
    assert contents(loaded_seeds / "news.duckdb") == first
    assert first["articles"][0] == 4 and first["quarantine"][0] == 1


def test_a_broken_key_fails_the_run_and_leaves_the_warehouse_unchanged(loaded_seeds):
    lake = _restored_run(loaded_seeds)
    before = contents(loaded_seeds / "news.duckdb", run_log=True)
    _rewrite_extracted(lake, lambda table: pa.concat_tables([table, table.slice(0, 1)]))

    with pytest.raises(Exception, match=r"table-level(?s:.)*articles: expect_column_values_to_be_unique\(doc_id\)"):
        run(SEEDS, loaded_seeds, from_stage="validate")
    assert contents(loaded_seeds / "news.duckdb", run_log=True) == before


def test_too_many_failing_documents_fail_the_run(loaded_seeds):
    lake = _restored_run(loaded_seeds)
    _rewrite_extracted(lake, _dated("2099-01-01"))
    settings = Settings(lake_dir=lake.root, warehouse_path=loaded_seeds / "news.duckdb")

    within = validate_lake(lake, settings, "r1")  # 5 of 5 articles, but the allowance is 5
    assert within.blocking == [] and len(within.quarantine) == 5
    assert {(row["stage"], row["reason"]) for row in within.quarantine} == {("validate", "expect_column_values_to_be_between")}
    assert all(row["detail"] == f"articles.event_day: event_day=2099-01-01 doc_id={row['doc_id']}"
               for row in within.quarantine)

    strict = Settings(lake_dir=lake.root, validation=ValidationSettings(failing_allowance=2, max_failing_share=0.5))
    refused = validate_lake(lake, strict, "r2")
    assert refused.blocking == [
        "articles: 5 of 5 document(s) fail critical row expectations, more than 50% (and 2) allowed: "
        "a broken stage, not bad documents"
    ]


# An announcement whose event day lies past any tolerance: a critical row failure.
FAR_FUTURE = (
    "Ngày 5/3/2099, Bộ trưởng Bộ Ngoại giao Bùi Thanh Sơn sẽ tiếp Đại sứ Nhật Bản tại trụ sở Bộ Ngoại giao "
    "ở Hà Nội, nhân dịp kỷ niệm quan hệ ngoại giao giữa hai nước.\n\n"
    "Hai bên dự kiến trao đổi về hợp tác kinh tế, đầu tư, giáo dục và giao lưu nhân dân giữa hai nước.\n"
)


def test_copies_of_a_quarantined_canonical_go_to_quarantine_with_it(seed_inputs, tmp_path):
    (seed_inputs / "future.txt").write_text(FAR_FUTURE, encoding="utf-8")
    (seed_inputs / "future-copy.txt").write_text(FAR_FUTURE, encoding="utf-8")
    run(seed_inputs, tmp_path)
    warehouse = tmp_path / "news.duckdb"
    fates = query(warehouse, """
        SELECT regexp_extract(d.source_path, '[^/]+$'), d.fate, q.stage, q.reason
        FROM documents AS d LEFT JOIN quarantine AS q USING (doc_id)
        WHERE d.source_path LIKE '%future%' ORDER BY d.source_path
    """)
    assert sorted(fate[1:] for fate in fates) == [
        ("quarantined", "validate", "canonical-quarantined"), ("quarantined", "validate", "expect_column_values_to_be_between"),
    ]
    assert query(warehouse, "SELECT count(*) FROM duplicates WHERE canonical_id NOT IN (SELECT doc_id FROM articles)") == [(0,)]
    assert query(warehouse, "SELECT count(*) FROM articles") == [(5,)]
