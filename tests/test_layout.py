"""Layering (issue 15): stages never import the tooling or the Prefect wiring, and only the CLI
of flows/ reaches into the tooling. Tools may import stages, so the arrows point one way.

Each module is parsed with ``ast``: every ``import x`` and ``from x import ...`` counts, also
the lazy ones inside functions; relative imports are resolved against the module's package.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
STAGE_MODULES = sorted((ROOT / "transforms").rglob("*.py"))
FLOW_MODULES = sorted(path for path in (ROOT / "flows").rglob("*.py") if path != ROOT / "flows" / "cli.py")


def imported_packages(module: Path) -> set[str]:
    """Top-level package of every module ``module`` imports."""
    package = module.relative_to(ROOT).with_suffix("").parts[:-1]
    found = set()
    for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # relative: stays inside the module's own top-level package
                found.add(package[0] if package else "")
            elif node.module:
                found.add(node.module.split(".")[0])
    return found


def relative(path: Path) -> str:
    return str(path.relative_to(ROOT))


@pytest.mark.parametrize("module", STAGE_MODULES, ids=relative)
def test_stages_import_neither_tools_nor_flows(module: Path):
    assert not imported_packages(module) & {"tools", "flows"}


@pytest.mark.parametrize("module", FLOW_MODULES, ids=relative)
def test_only_the_cli_of_flows_imports_tools(module: Path):
    assert "tools" not in imported_packages(module)


def test_the_check_sees_imports():
    assert {"transforms", "pathlib"} <= imported_packages(ROOT / "tools" / "inspect_files.py")
    assert "tools" in imported_packages(ROOT / "flows" / "cli.py")  # lazy, inside functions
    assert len(STAGE_MODULES) > 10 and len(FLOW_MODULES) > 5
