"""Size limits as a habit (issue 15): no module over 400 lines, no function over 60.

One test per module, so a failure names the file and the functions that outgrew the limit.
Tests are exempt: a test module reads best as one file per behaviour, however long.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHECKED = ("flows", "transforms", "tools", "bench", "expectations")
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 60
MODULES = sorted(path for folder in CHECKED for path in (ROOT / folder).rglob("*.py"))


def long_functions(tree: ast.AST) -> list[str]:
    return [
        f"{node.name} ({node.end_lineno - node.lineno + 1} lines, from line {node.lineno})"
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and node.end_lineno - node.lineno + 1 > MAX_FUNCTION_LINES
    ]


@pytest.mark.parametrize("module", MODULES, ids=lambda path: str(path.relative_to(ROOT)))
def test_module_and_function_sizes(module: Path):
    source = module.read_text(encoding="utf-8")
    lines = source.count("\n") + (not source.endswith("\n") and bool(source))
    assert lines <= MAX_MODULE_LINES, f"{lines} lines (limit {MAX_MODULE_LINES}): split it by concern"
    too_long = long_functions(ast.parse(source))
    assert not too_long, f"functions over {MAX_FUNCTION_LINES} lines: {', '.join(too_long)}"


def test_the_check_sees_the_code():
    assert len(MODULES) > 20 and all(module.suffix == ".py" for module in MODULES)
