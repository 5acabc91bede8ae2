"""What the validate stage found: every expectation's result, the documents it quarantines, and
why the run must stop, if it must."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class ValidationOutcome:
    results: list[dict] = field(default_factory=list)
    quarantine: list[dict] = field(default_factory=list)
    rows_checked: int = 0
    # why the run must stop: table-level breakage, one line each
    blocking: list[str] = field(default_factory=list)

    @property
    def failures(self) -> list[dict]:
        return [r for r in self.results if not r["success"]]

    @property
    def failed_count(self) -> int:
        return len(self.failures)

    @property
    def critical_count(self) -> int:
        return sum(1 for r in self.failures if r["severity"] == "critical")

    def message(self) -> str:
        lines = [f"{len(self.blocking)} table-level validation failure(s); the warehouse was not changed:"]
        return "\n".join(lines + [f"  - {line}" for line in self.blocking])

    def markdown(self) -> str:
        rows = "\n".join(
            f"| {r['suite']} | {r['expectation']} | {r['column_name'] or ''} | {r['severity']} | "
            f"{'✅' if r['success'] else '❌'} | {r['unexpected_count'] or 0} |"
            for r in self.results
        )
        return (
            f"# Validation: {len(self.results) - self.failed_count}/{len(self.results)} expectations met, "
            f"{self.critical_count} critical failure(s), {len(self.quarantine)} document(s) quarantined\n\n"
            "| suite | expectation | column | severity | ok | unexpected |\n|---|---|---|---|---|---|\n"
            f"{rows}\n\nEvery expectation, with its failing values: `vnnews report` (validation section).\n"
        )
