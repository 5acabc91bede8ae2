"""Validation details are safe and work offline: an article whose text is markup fails a real GX
expectation; no GX Data Docs site is built; the report's validation section shows the failing
value only escaped, fetches nothing, and in headless Chromium with the network off runs no
script and shows every expectation."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from test_report import _chromium, _decode_png, _DomCensus, build_warehouse, chromium_or_skip

from transforms import schemas
from tools.report import INK, write_report
from transforms.settings import ValidationSettings
from transforms.validate import expectation_parameters, run_suites

EXPECTATIONS = Path(__file__).resolve().parents[1] / "expectations"
ALERT = '<script>alert(30)</script>"><img src=x onerror=alert(1)>'
RETITLE = "<script>document.title='pwned'</script>"
BODY = ALERT + RETITLE  # under the 120 characters an article body needs: a warning that quarantines
PARAMETERS = expectation_parameters({}, date.today(), ValidationSettings())


@pytest.fixture(scope="module")
def gx_run(tmp_path_factory) -> tuple[list[dict], Path]:
    """The articles suite on one markup article, in a private copy of the GX project."""
    project = tmp_path_factory.mktemp("expectations")
    shutil.copytree(EXPECTATIONS, project, dirs_exist_ok=True, ignore=shutil.ignore_patterns("uncommitted"))
    frame = pd.DataFrame([{
        "doc_id": "xss-1", "body": BODY, "title": "Tin nóng", "event_date": None, "event_day": None,
        "published_day": None, "days_from_published": None, "time_of_day": None, "has_person": True,
    }])
    return run_suites({"articles": frame}, project, PARAMETERS), project


@pytest.fixture(scope="module")
def report(gx_run, tmp_path_factory) -> Path:
    """The warehouse of the report test, with this validation as its latest run."""
    results, _ = gx_run
    folder = tmp_path_factory.mktemp("warehouse")
    warehouse = build_warehouse(folder / "news.duckdb")
    validated = schemas.to_table([{**r, "run_id": "run-xss"} for r in results], schemas.VALIDATION_RESULTS)
    with duckdb.connect(str(warehouse)) as con:
        con.execute("INSERT INTO validation_results SELECT * FROM validated")
        con.execute("INSERT INTO pipeline_runs VALUES ('run-xss', 'validate', 1, 1, 1.0, 'completed', "
                    "'2024-07-01 10:00:00+00'::TIMESTAMPTZ)")
    return write_report(warehouse, folder / "reports" / "report.html")


def test_the_markup_article_fails_and_no_data_docs_are_built(gx_run):
    results, project = gx_run
    failed = [r for r in results if not r["success"]]
    assert [(r["expectation"], r["column_name"]) for r in failed] == [("expect_column_value_lengths_to_be_between", "body")]
    assert BODY in failed[0]["detail"]  # the raw value reaches the results: the page must escape it
    assert list(project.rglob("*.html")) == [] and not (project / "gx" / "uncommitted" / "data_docs").exists()


def test_the_page_has_the_markup_only_escaped_and_loads_nothing(report: Path, gx_run):
    page = report.read_text(encoding="utf-8")
    section = page.split('<section id="validation">')[1].split("</section>")[0]
    assert "&lt;script&gt;alert(30)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(1)&gt;" in section
    assert "&lt;script&gt;document.title=&#x27;pwned&#x27;&lt;/script&gt;" in section
    lowered = page.lower()
    assert "<script" not in lowered and "<img" not in lowered
    assert not re.search(r"<[a-z][^>]*\son[a-z]+\s*=", lowered), "an element carries an event handler"
    assert "http" not in lowered and "@import" not in lowered and "url(" not in lowered
    assert section.count("<tr><td>") == len(gx_run[0])  # every expectation of the run is listed
    assert '<a href="#validation">' in page


def test_no_script_runs_offline_and_the_results_are_shown(report: Path, tmp_path: Path, gx_run):
    chromium = chromium_or_skip()
    try:
        dom = _chromium(chromium, tmp_path / "profile-dom", "--dump-dom", report)
    except subprocess.TimeoutExpired:
        pytest.fail("headless Chromium never finished the page: an alert() from the article text holds it open")
    elements = _DomCensus()
    elements.feed(dom)
    assert elements.title.strip() == "vnnews report", "a script from the article text ran"
    assert elements.total["script"] == 0 and elements.total["img"] == 0
    section = dom.split('<section id="validation">')[1].split("</section>")[0]
    assert section.count("<tr><td>") == len(gx_run[0])
    assert "&lt;script&gt;alert(30)&lt;/script&gt;" in section and "run-xss" in section

    # The validation details are the page's last section: text must be drawn just above its end.
    screenshot = tmp_path / "report.png"
    _chromium(chromium, tmp_path / "profile-shot", f"--screenshot={screenshot}", "--window-size=1280,6000", report)
    width, height, pixels = _decode_png(screenshot.read_bytes())
    rows = [pixels[y * width:(y + 1) * width] for y in range(height)]
    page_end = max(y for y, row in enumerate(rows) if any(pixel == (255, 255, 255) for pixel in row))
    ink = tuple(int(INK[i:i + 2], 16) for i in (1, 3, 5))
    text_pixels = sum(1 for row in rows[page_end - 300:page_end] for pixel in row
                      if all(abs(a - b) <= 40 for a, b in zip(pixel, ink)))
    assert page_end < height - 100, "the page is longer than the screenshot"
    assert text_pixels > 2000, "the validation details are not visible"
