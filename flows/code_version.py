"""The code a stage's output depends on: the project modules its task actually uses.

A stage's code version hashes the source of every project module reachable by imports from the
modules its stage functions refer to, plus the reference CSVs when transforms/reference.py (which
reads them) is among those. So a change in a subpackage or a shared module counts for every stage
that imports it, and a change in code no stage imports (tooling, the report) invalidates nothing.

The walk reads import statements with ``ast`` (imports inside functions count too) and keeps
only modules that are files of the project: third-party code is pinned by uv.lock instead.
"""

from __future__ import annotations

import ast
import dataclasses
import hashlib
import types
from collections.abc import Iterable
from pathlib import Path

REFERENCE_MODULE = "transforms.reference"


def modules_referred_to(roots: Iterable[object], project: Path) -> set[str]:
    """The project modules that the functions in ``roots`` refer to by a global name (a module,
    or a function or class defined in one), following into the helpers and declarations defined
    beside them (a Prefect task's function, a dataclass instance's function fields)."""
    found: set[str] = set()
    seen: set[int] = set()
    pending = list(roots)
    while pending:
        item = pending.pop()
        if id(item) in seen:
            continue
        seen.add(id(item))
        if not isinstance(item, types.FunctionType):
            pending.extend(_parts_of(item))
            continue
        for name in _global_names(item.__code__):
            target = item.__globals__.get(name)
            if isinstance(target, types.ModuleType):
                found.add(target.__name__)
            elif isinstance(target, types.FunctionType) and target.__module__ == item.__module__:
                pending.append(target)  # a helper beside it
            elif isinstance(target, (type, types.FunctionType)):
                found.add(target.__module__)
            else:
                pending.extend(_parts_of(target))
    return {module for module in found if module_file(module, project) is not None}


def _parts_of(item: object) -> list:
    """The functions held by an object a function refers to: a Prefect task's function, or the
    fields of a declaration (a dataclass instance such as a stage's ``Stage``)."""
    if isinstance(getattr(item, "fn", None), types.FunctionType):
        return [item.fn]
    if dataclasses.is_dataclass(item) and not isinstance(item, type):
        return [getattr(item, field.name) for field in dataclasses.fields(item)]
    return []


def _global_names(code: types.CodeType) -> set[str]:
    names = set(code.co_names)
    for constant in code.co_consts:
        if isinstance(constant, types.CodeType):  # nested functions, lambdas, comprehensions
            names |= _global_names(constant)
    return names


def module_file(module: str, project: Path) -> Path | None:
    """The project file of ``module`` (a module or a package's __init__), or None if it is not ours."""
    base = project.joinpath(*module.split("."))
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


def import_closure(modules: Iterable[str], project: Path) -> dict[str, Path]:
    """Every project module reachable by imports from ``modules``, with its file; importing a
    submodule runs its packages' __init__ too, so those count."""
    closure: dict[str, Path] = {}
    pending = list(modules)
    while pending:
        module = pending.pop()
        if module in closure or (path := module_file(module, project)) is None:
            continue
        closure[module] = path
        pending.extend(_parent_packages(module))
        pending.extend(_imported_modules(path, module))
    return closure


def _parent_packages(module: str) -> list[str]:
    parts = module.split(".")
    return [".".join(parts[:end]) for end in range(1, len(parts))]


def _imported_modules(path: Path, module: str) -> set[str]:
    """The modules ``path`` imports; for ``from X import Y`` both X and X.Y (Y may be a submodule)."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    imported: set[str] = set()
    for node in ast.walk(ast.parse(path.read_bytes(), filename=str(path))):
        if isinstance(node, ast.Import):
            imported.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = _absolute(node.module or "", node.level, package)
            imported.add(base)
            imported.update(f"{base}.{alias.name}" if base else alias.name for alias in node.names)
    return {name for name in imported if name}


def _absolute(module: str, level: int, package: str) -> str:
    if not level:
        return module
    parts = package.split(".")
    base = ".".join(parts[: len(parts) - (level - 1)]) if level > 1 else package
    return f"{base}.{module}" if module else base


def code_version(modules: Iterable[str], project: Path, reference_dir: Path, also: Iterable[Path] = ()) -> str:
    """A digest of the project code reachable from ``modules`` (see the module docstring), of the
    files in ``also`` and, when that code reads them, of the reference CSVs in ``reference_dir``."""
    closure = import_closure(modules, project)
    files = set(closure.values()) | set(also)
    if REFERENCE_MODULE in closure:
        files |= set(Path(reference_dir).glob("*.csv"))
    digest = hashlib.sha256()
    for path in sorted(files):
        label = path.relative_to(project) if path.is_relative_to(project) else path.name
        digest.update(f"{label}\n".encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()
