"""`vnnews report`: the HTML page over a small hand-made warehouse — escaped article text,
no external resources, deterministic bytes, empty warehouses — and, in headless Chromium, that
the charts are actually drawn."""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import zlib
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import duckdb
import pytest

from tools.report import BAR_COLOUR, write_report
from transforms.warehouse import migrate, run_script

SQL_DIR = Path(__file__).resolve().parents[1] / "warehouse"

SCRIPT_TITLE = "<script>document.title='pwned'</script>"
IMG_NAME = '"><img src=x onerror=alert(1)>'

PEOPLE = {
    "p1": "Phạm Minh Chính", "p2": "Kishida Fumio", "p3": "Bùi Thanh Sơn", "p4": "Hùng Ba",
    "p5": "Phan Văn Giang", "p6": "Chansamone Chanyalath", "p7": IMG_NAME, "p8": "Vương Đình Huệ",
}
# doc_id: (title, published_date, event_date, story_id, location, people, organizations, countries, source)
ARTICLES = {
    "a1": ("Thủ tướng điện đàm với Thủ tướng Nhật Bản", "2024-03-14", None, "s-japan", "Hà Nội",
           ["p1", "p2"], ["Chính phủ"], ["Nhật Bản"], "VnExpress"),
    "a2": ("Việt Nam – Nhật Bản nhất trí nâng tầm hợp tác ODA thế hệ mới", "2024-03-15", "2024-03-14", "s-japan", None,
           ["p1", "p2"], ["Chính phủ", "Bộ Ngoại giao"], ["Nhật Bản"], "Báo Quốc tế"),
    "a3": ("Bộ trưởng Bùi Thanh Sơn tiếp Đại sứ Trung Quốc Hùng Ba", "2024-01-18", None, None, "Hà Nội",
           ["p3", "p4"], ["Bộ Ngoại giao"], ["Trung Quốc"], "Báo Quốc tế"),
    "a4": ("Hội đàm quốc phòng Việt Nam – Lào", "2024-04-02", None, None, "Viêng Chăn",
           ["p5", "p6"], ["Bộ Quốc phòng"], ["Lào"], "Quân đội nhân dân"),
    "a5": (SCRIPT_TITLE, "2024-04-10", None, None, "Hà Nội",
           ["p1", "p7"], ["Chính phủ"], ["Hoa Kỳ"], "VnExpress"),
    "a6": ("Quốc hội thảo luận dự thảo Luật Đất đai (sửa đổi)", "không rõ ngày", None, None, None,
           ["p8"], ["Quốc hội"], [], "Nhân Dân"),
    "a7": ("Thủ tướng gặp Thủ tướng Nhật Bản bên lề Hội nghị G7 mở rộng", "2024-05-20", None, None, "Hiroshima",
           ["p1", "p2"], ["Chính phủ"], ["Nhật Bản"], "VnExpress"),
}
STAGES = ("ingest", "clean", "dedup", "extract", "validate", "load")


def build_warehouse(path: Path, rows: bool = True) -> Path:
    with duckdb.connect(str(path)) as con:
        migrate(con, SQL_DIR)
        for script in sorted((SQL_DIR / "views").glob("*.sql")):
            run_script(con, script)
        if rows:
            _insert_rows(con)
    return path


def _insert_rows(con: duckdb.DuckDBPyConnection) -> None:
    documents = [(doc_id, f"seeds/raw/{doc_id}.txt", "article") for doc_id in ARTICLES]
    documents += [("d1", "seeds/raw/d1.txt", "duplicate"), ("q1", "seeds/raw/q1.txt", "quarantined")]
    con.executemany("INSERT INTO documents VALUES (?, ?, NULL, 'txt', 'utf-8', [], ?, 'run-1')", documents)
    organizations = sorted({org for article in ARTICLES.values() for org in article[6]})
    countries = sorted({country for article in ARTICLES.values() for country in article[7]})
    con.executemany("INSERT INTO people VALUES (?, ?, ?)", [(pid, pid, name) for pid, name in PEOPLE.items()])
    con.executemany("INSERT INTO organizations VALUES (?, ?, ?)",
                    [(f"o{i}", org, org) for i, org in enumerate(organizations)])
    con.executemany("INSERT INTO countries VALUES (?, ?)", [(f"c{i}", c) for i, c in enumerate(countries)])
    for doc_id, (title, published, event, story, location, people, orgs, country_names, source) in ARTICLES.items():
        con.execute(
            "INSERT INTO articles (doc_id, title, sapo, body, published_date, published_time, event_date_text, event_date, "
            "event_date_precision, time_of_day, location, author, story_id, body_chars) VALUES (?, ?, NULL, 'Nội dung bài viết.', ?, NULL, NULL, ?, ?, NULL, ?, NULL, ?, 18)",
            [doc_id, title, published, event, "day" if event else None, location, story],
        )
        con.executemany("INSERT INTO person_mentions VALUES (?, ?, ?, ['Thủ tướng'], false)",
                        [(doc_id, pid, PEOPLE[pid]) for pid in people])
        con.executemany("INSERT INTO organization_mentions VALUES (?, ?, ?)",
                        [(doc_id, f"o{organizations.index(org)}", org) for org in orgs])
        for country in country_names:
            con.execute("INSERT INTO country_mentions VALUES (?, ?)", [doc_id, f"c{countries.index(country)}"])
        con.execute("INSERT INTO sources (doc_id, source, outlet) VALUES (?, ?, ?)", [doc_id, source, source])
        if len(people) == 2:  # each two-person headline above states their meeting
            con.execute("INSERT INTO meetings VALUES (?, 0, ?, ?, ?, ?, 'gặp', NULL, NULL)",
                        [doc_id, people[0], PEOPLE[people[0]], people[1], PEOPLE[people[1]]])
    con.execute("INSERT INTO doc_refs (doc_id, doc_ref, document_key, document) VALUES ('a1', 'Công ước Liên hợp quốc về Luật Biển năm 1982', "
                "'công ước|luật biển|1982', 'Công ước Liên hợp quốc về Luật Biển năm 1982')")
    con.execute("INSERT INTO duplicates VALUES ('d1', 'a5', 'exact', 1.0, 'k1')")
    con.execute("INSERT INTO quarantine VALUES ('q1', 'seeds/raw/q1.txt', 'clean', 'empty_body', "
                "'no text left after cleaning: <b>Quảng cáo</b>', 'run-1')")
    for run_id, day in (("run-1", "2024-05-01"), ("run-2", "2024-06-01")):
        con.executemany(
            "INSERT INTO pipeline_runs VALUES (?, ?, 9, 9, ?, 'completed', ?::TIMESTAMPTZ)",
            [(run_id, stage, 0.25 * (i + 1), f"{day} 10:00:0{i}+00") for i, stage in enumerate(STAGES)],
        )
    validation = [
        ("run-1", "articles", "expect_column_values_to_not_be_null", "body", "critical", False, 3, "old failure"),
        ("run-2", "articles", "expect_column_values_to_not_be_null", "body", "critical", True, 0, None),
        ("run-2", "articles", "expect_column_value_lengths_to_be_between", "title", "warning", False, 1,
         f"examples: [{SCRIPT_TITLE!r}]"),
        ("run-2", "people", "expect_column_values_to_be_unique", "person_key", "critical", True, 0, None),
        ("run-2", "documents", "expect_column_values_to_be_in_set", "fate", "critical", True, 0, None),
    ]
    con.executemany("INSERT INTO validation_results VALUES (?, ?, ?, ?, ?, ?, ?, ?)", validation)


@pytest.fixture()
def report(tmp_path: Path) -> Path:
    return write_report(build_warehouse(tmp_path / "news.duckdb"), tmp_path / "reports" / "report.html")


def test_article_text_is_escaped_and_nothing_is_fetched(report: Path):
    page = report.read_text(encoding="utf-8")
    assert '<meta charset="utf-8">' in page
    assert "&lt;script&gt;document.title=&#x27;pwned&#x27;&lt;/script&gt;" in page
    assert "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;" in page
    assert "&lt;b&gt;Quảng cáo&lt;/b&gt;" in page
    assert "<script" not in page.lower() and "<img" not in page.lower() and "<b>" not in page
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:)?//|@import|url\(""", page)
    assert "Phạm Minh Chính" in page and "Quân đội nhân dân" in page
    assert "generated from run run-2" in page
    assert "3 expectation(s) met, 1 failed, 0 critical" in page and "old failure" not in page
    assert '<a href="#validation">' in page and '<section id="validation">' in page
    assert "1 article(s) have no usable date" in page


def test_validation_details_list_every_expectation_of_the_latest_run(report: Path):
    section = report.read_text(encoding="utf-8").split('<section id="validation">')[1].split("</section>")[0]
    assert [h for h in re.findall(r"<h3>(.*?)</h3>", section)] == ["articles", "documents", "people"]
    rows = re.findall(r"<tr><td>(.*?)</td><td>(.*?)</td><td>(.*?)</td><td>(.*?)</td>", section)
    assert rows == [
        ("expect_column_value_lengths_to_be_between", "title", "warning", "failed"),
        ("expect_column_values_to_not_be_null", "body", "critical", "met"),
        ("expect_column_values_to_be_in_set", "fate", "critical", "met"),
        ("expect_column_values_to_be_unique", "person_key", "critical", "met"),
    ]
    assert "&lt;script&gt;document.title=&#x27;pwned&#x27;&lt;/script&gt;" in section
    assert "Run run-2" in section and "old failure" not in section


def test_same_warehouse_gives_the_same_bytes(report: Path, tmp_path: Path):
    again = write_report(tmp_path / "news.duckdb", tmp_path / "again" / "report.html")
    assert again.read_bytes() == report.read_bytes()


@pytest.mark.parametrize("migrated", [True, False], ids=["migrated", "blank-file"])
def test_empty_warehouse_says_no_data_yet(tmp_path: Path, migrated: bool):
    warehouse = tmp_path / "news.duckdb"
    if migrated:
        build_warehouse(warehouse, rows=False)
    else:
        duckdb.connect(str(warehouse)).close()
    page = write_report(warehouse, tmp_path / "report.html").read_text(encoding="utf-8")
    assert page.count("No data yet.") >= 6
    assert "no pipeline run recorded yet" in page
    assert re.search(r'<section id="validation"><h2>Validation details</h2><p class="empty">No data yet.</p>', page)
    assert "<svg" not in page


def test_missing_warehouse_is_a_clear_error(tmp_path: Path):
    with pytest.raises(FileNotFoundError, match="no warehouse at"):
        write_report(tmp_path / "nope.duckdb", tmp_path / "report.html")


# ---------------------------------------------------------------- rendered in headless Chromium


def chromium_or_skip() -> str:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if not chromium:
        pytest.skip("no Chromium on this machine: install Debian's chromium (CI does) to run the report rendering test")
    return chromium


def test_charts_are_drawn_in_chromium(report: Path, tmp_path: Path):
    chromium = chromium_or_skip()
    screenshot = tmp_path / "report.png"
    _chromium(chromium, tmp_path / "profile-shot", f"--screenshot={screenshot}", "--window-size=1280,2000", report)
    dom = _chromium(chromium, tmp_path / "profile-dom", "--dump-dom", report)

    elements = _DomCensus()
    elements.feed(dom)
    assert elements.title.strip() == "vnnews report"
    assert elements.total["img"] == 0 and elements.total["script"] == 0
    assert elements.in_chart["chart-top-people"]["rect"] == len(PEOPLE)
    assert elements.in_chart["chart-articles-per-month"]["rect"] == 5  # 2024-01 … 2024-05, gaps included
    assert elements.in_chart["chart-top-organizations"]["rect"] == 4
    assert elements.in_chart["chart-organization-activity"]["rect"] == 3 * 5  # Quốc hội's article is undated
    assert elements.in_chart["chart-stage-seconds"]["rect"] == len(STAGES)
    assert elements.in_chart["chart-fates"]["rect"] == 3
    # Seven people met someone (Vương Đình Huệ met nobody); four pairs.
    assert elements.in_chart["chart-who-met-whom"]["circle"] == 7
    assert elements.in_chart["chart-who-met-whom"]["line"] == 4

    width, height, pixels = _decode_png(screenshot.read_bytes())
    assert (width, height) == (1280, 2000)
    bar_rgb = tuple(int(BAR_COLOUR[i:i + 2], 16) for i in (1, 3, 5))
    bar_pixels = sum(1 for pixel in pixels if all(abs(a - b) <= 3 for a, b in zip(pixel, bar_rgb)))
    assert bar_pixels > 5000, "the bar charts are not visible in the screenshot"


def _chromium(binary: str, profile: Path, *arguments) -> str:
    """Load the page from its file with the network off: every host resolves to nothing and any
    other request goes to a closed local port."""
    *options, page = arguments
    completed = subprocess.run(
        [binary, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>",
         f"--user-data-dir={profile}", *options, page.resolve().as_uri()],
        capture_output=True, text=True, timeout=60, check=True,
    )
    return completed.stdout


class _DomCensus(HTMLParser):
    """Counts elements per chart (the enclosing <svg id>) and in the whole page."""

    def __init__(self):
        super().__init__()
        self.in_chart: dict[str, Counter] = {}
        self.total: Counter = Counter()
        self.title = ""
        self._chart: str | None = None
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        self.total[tag] += 1
        if tag == "svg":
            self._chart = dict(attrs).get("id")
            self.in_chart[self._chart] = Counter()
        elif self._chart:
            self.in_chart[self._chart][tag] += 1
        self._in_title = tag == "title" and self._chart is None

    def handle_endtag(self, tag):
        if tag == "svg":
            self._chart = None
        self._in_title = False

    def handle_data(self, data):
        if self._in_title:
            self.title += data


def _decode_png(data: bytes) -> tuple[int, int, list[tuple[int, ...]]]:
    """Width, height and RGB(A) pixels of an 8-bit, non-interlaced RGB or RGBA PNG."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    position, compressed = 8, b""
    while position < len(data):
        length, kind = struct.unpack(">I4s", data[position:position + 8])
        chunk = data[position + 8:position + 8 + length]
        position += 12 + length
        if kind == b"IHDR":
            width, height, depth, colour_type, _, _, interlace = struct.unpack(">IIBBBBB", chunk)
            assert depth == 8 and colour_type in (2, 6) and interlace == 0, "unsupported PNG layout"
        elif kind == b"IDAT":
            compressed += chunk
    channels = 3 if colour_type == 2 else 4
    raw, stride = zlib.decompress(compressed), width * channels
    previous, pixels = bytearray(stride), []
    for row in range(height):
        start = row * (stride + 1)
        line = _unfilter(raw[start], bytearray(raw[start + 1:start + 1 + stride]), previous, channels)
        pixels += [tuple(line[i:i + 3]) for i in range(0, stride, channels)]
        previous = line
    return width, height, pixels


def _unfilter(filter_type: int, line: bytearray, above: bytearray, channels: int) -> bytearray:
    if filter_type == 0:
        return line
    if filter_type == 2:
        return bytearray((a + b) & 0xFF for a, b in zip(line, above))
    for i in range(len(line)):
        left = line[i - channels] if i >= channels else 0
        if filter_type == 1:
            line[i] = (line[i] + left) & 0xFF
        elif filter_type == 3:
            line[i] = (line[i] + (left + above[i]) // 2) & 0xFF
        else:
            upper_left = above[i - channels] if i >= channels else 0
            estimate = left + above[i] - upper_left
            distances = (abs(estimate - left), abs(estimate - above[i]), abs(estimate - upper_left))
            line[i] = (line[i] + (left, above[i], upper_left)[distances.index(min(distances))]) & 0xFF
    return line
