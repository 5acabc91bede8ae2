"""What a run publishes in the Prefect UI: a markdown summary and the quarantined documents."""

from __future__ import annotations

from prefect.artifacts import create_markdown_artifact, create_table_artifact


def publish_validation(markdown: str) -> None:
    create_markdown_artifact(key="validation", markdown=markdown, description="GX validation of this run")


def publish_run_summary(reports: list[dict]) -> None:
    load = next((r for r in reports if r["stage"] == "load"), {})
    lines = [
        "# news-pipeline run",
        "",
        f"- documents in: {load.get('documents', '–')} (already in the warehouse, skipped: "
        f"{next((r.get('skipped', 0) for r in reports if r['stage'] == 'ingest'), '–')})",
        f"- articles: {load.get('articles', '–')}",
        f"- duplicates: {load.get('duplicates', '–')}",
        f"- quarantined: {load.get('quarantined', '–')}",
        f"- validation: {next((r.get('outcome') for r in reports if r['stage'] == 'validate'), 'not run')}",
        "",
        "| stage | rows in | rows out | seconds | status |",
        "|---|---|---|---|---|",
        *[f"| {r['stage']} | {r['rows_in']} | {r['rows_out']} | {r['seconds']:.2f} | {r['status']} |" for r in reports],
    ]
    create_markdown_artifact(key="run-summary", markdown="\n".join(lines), description="documents, fates, seconds per stage")
    quarantined = load.get("quarantined_rows") or []
    if quarantined:
        create_table_artifact(key="quarantined-documents", table=quarantined, description="quarantined in this run, with reasons")
