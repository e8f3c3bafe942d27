"""The layers import one way, modules form no import cycle, and no function grows past ~80 lines.

Read from the source with ``ast`` (nothing is imported), so a violation anywhere in the tree
fails here whatever the other tests happen to import. The layers (docs/architecture.md):

    face     aikg.cli, aikg.commands, aikg.api, aikg.demo, ... (every aikg module outside core)
    queries  aikg.queries                 may import graph and core
    ingest   aikg.ingest, graph aikg.graph  may import core (and themselves), not each other
    core     aikg.core (and aikg.data)    imports nothing of ours
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
#: source folder -> the import name it installs as (pyproject.toml [tool.setuptools.package-dir])
PACKAGE_DIRS = {"aikg": "aikg", "graph": "aikg.graph", "ingest": "aikg.ingest", "queries": "aikg.queries",
                "data": "aikg.data"}
#: code outside the package that must still use the aikg.* names
OTHER_CODE = ("bench", "scripts", "tests")
BARE_NAMES = ("graph", "ingest", "queries")
#: layer -> the layers it may import
ALLOWED = {
    "core": {"core"},
    "ingest": {"core", "ingest"},
    "graph": {"core", "graph"},
    "queries": {"core", "graph", "queries"},
    "face": {"core", "ingest", "graph", "queries", "face"},
}
MAX_FUNCTION_LINES = 80
#: Functions longer than MAX_FUNCTION_LINES that are being split (issue #13). Each entry names its
#: owner; remove it when the split lands. Do not add to this list: split the function instead.
LONG_FUNCTION_ALLOWLIST: set[str] = set()


@dataclass(frozen=True)
class Import:
    source: str  # the importing module
    target: str  # the imported module (a submodule when ``from pkg import sub`` names one)
    line: int
    top_level: bool  # runs when the module is imported (not inside a function or `if TYPE_CHECKING`)
    path: Path
    type_only: bool = False  # under `if TYPE_CHECKING:` (never runs)


def module_name(path: Path) -> str:
    rel = path.relative_to(ROOT).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    if parts[0] in PACKAGE_DIRS:
        return ".".join([PACKAGE_DIRS[parts[0]], *parts[1:]])
    return ".".join(parts)


def package_files() -> list[Path]:
    return sorted(p for d in PACKAGE_DIRS for p in (ROOT / d).rglob("*.py"))


def all_code_files() -> list[Path]:
    return package_files() + sorted(p for d in OTHER_CODE for p in (ROOT / d).rglob("*.py")
                                    if "node_modules" not in p.parts)


MODULES = {module_name(p): p for p in package_files()}


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or \
        (isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


#: when an import runs: at import time, inside a function, or never (``if TYPE_CHECKING:``)
TOP, DEFERRED, TYPE_ONLY = "top", "deferred", "type"


def _walk(node: ast.AST, when: str) -> Iterator[tuple[ast.Import | ast.ImportFrom, str]]:
    """Every import node under ``node`` with when it runs."""
    for child in ast.iter_child_nodes(node):
        if isinstance(child, (ast.Import, ast.ImportFrom)):
            yield child, when
        elif isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            yield from _walk(child, DEFERRED if when == TOP else when)
        elif isinstance(child, ast.If) and _is_type_checking(child.test):
            for sub in child.body:
                yield from _walk(ast.Module(body=[sub], type_ignores=[]), TYPE_ONLY)
            for sub in child.orelse:
                yield from _walk(ast.Module(body=[sub], type_ignores=[]), when)
        else:
            yield from _walk(child, when)


def _absolute(module: str, is_package: bool, node: ast.ImportFrom) -> str:
    if not node.level:
        return node.module or ""
    base = module.split(".") if is_package else module.split(".")[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


@cache
def parse(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


@cache
def imports_of(path: Path) -> tuple[Import, ...]:
    module = module_name(path)
    tree = parse(path)
    out: list[Import] = []
    for node, when in _walk(tree, TOP):
        top, type_only = when == TOP, when == TYPE_ONLY
        if isinstance(node, ast.Import):
            out += [Import(module, alias.name, node.lineno, top, path, type_only) for alias in node.names]
            continue
        base = _absolute(module, path.name == "__init__.py", node)
        for alias in node.names:
            sub = f"{base}.{alias.name}"
            out.append(Import(module, sub if sub in MODULES else base, node.lineno, top, path, type_only))
    return tuple(out)


def layer(module: str) -> str | None:
    """The layer of one of our modules (None for a module that is not ours)."""
    if module == "aikg.data" or module.startswith("aikg.data."):
        return "core"
    for name in ("core", "ingest", "graph", "queries"):
        if module == f"aikg.{name}" or module.startswith(f"aikg.{name}."):
            return name
    if module == "aikg" or module.startswith("aikg."):
        return "face"
    return None


def _where(imp: Import) -> str:
    return f"{imp.path.relative_to(ROOT)}:{imp.line}"


def test_layers_import_one_way():
    wrong = []
    for path in package_files():
        for imp in imports_of(path):
            here, there = layer(imp.source), layer(imp.target)
            if there is not None and there not in ALLOWED[here]:
                wrong.append(f"{_where(imp)}: {imp.source} ({here}) imports {imp.target} ({there})")
    assert not wrong, "upward or sideways imports:\n" + "\n".join(wrong)


def test_no_bare_top_level_package_names():
    wrong = [f"{_where(imp)}: import {imp.target} (use aikg.{imp.target})"
             for path in all_code_files() for imp in imports_of(path)
             if imp.target.split(".")[0] in BARE_NAMES]
    assert not wrong, "\n".join(wrong)


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = 0
    for start in sorted(graph):
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.get(child, ())))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def import_graph(*, deferred: bool = False) -> dict[str, set[str]]:
    """Module -> the modules of ours it imports at import time (and inside functions with ``deferred``)."""
    graph: dict[str, set[str]] = {m: set() for m in MODULES}
    for path in package_files():
        for imp in imports_of(path):
            if (imp.top_level or (deferred and not imp.type_only)) and imp.target in MODULES \
                    and imp.target != imp.source:
                graph[imp.source].add(imp.target)
    return graph


def test_cycle_finder_finds_a_cycle():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert _cycles({"a": {"b"}, "b": set()}) == []


def test_no_import_cycle_between_modules():
    cycles = _cycles(import_graph())
    assert not cycles, "modules that import each other (module-level imports):\n" + \
        "\n".join(" <-> ".join(c) for c in cycles)


def test_no_cycle_hidden_in_a_function_level_import():
    """Two modules that need each other are one unit, even when an import inside a function hides it."""
    cycles = _cycles(import_graph(deferred=True))
    assert not cycles, "modules that import each other (counting imports inside functions):\n" + \
        "\n".join(" <-> ".join(c) for c in cycles)


def test_the_checks_see_the_tree():
    """Guards against a check that passes because it read nothing."""
    assert "aikg.graph.store" in MODULES and "aikg.queries.catalog" in MODULES and "aikg.core.schema" in MODULES
    assert "aikg.graph.edge_list" in import_graph()["aikg.queries.catalog"]
    assert any(imp.target == "aikg.graph.store" and not imp.top_level  # under `if TYPE_CHECKING:`
               for imp in imports_of(MODULES["aikg.queries.catalog"]))
    assert layer("aikg.ingestion") == "face" and layer("aikg.ingest.pipeline") == "ingest"
    assert layer("aikg.core.ids") == "core" and layer("rdflib") is None


# -- unit size -------------------------------------------------------------------------------------

def long_functions() -> dict[str, int]:
    out: dict[str, int] = {}
    for path in all_code_files():
        if path.parts[len(ROOT.parts)] == "tests":
            continue
        for node in ast.walk(parse(path)):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                lines = (node.end_lineno or node.lineno) - node.lineno + 1
                if lines > MAX_FUNCTION_LINES:
                    out[f"{path.relative_to(ROOT)}:{node.name}"] = lines
    return out


def test_no_function_over_the_limit():
    over = {k: v for k, v in long_functions().items() if k not in LONG_FUNCTION_ALLOWLIST}
    assert not over, f"functions over {MAX_FUNCTION_LINES} lines (split them): {over}"


def test_the_allowlist_names_only_long_functions():
    """An entry whose function was split (or renamed) must leave the list."""
    stale = sorted(LONG_FUNCTION_ALLOWLIST - set(long_functions()))
    assert not stale, f"remove from LONG_FUNCTION_ALLOWLIST: {stale}"


@pytest.mark.parametrize("name", BARE_NAMES)
def test_bare_names_are_not_importable_packages_of_ours(name):
    """The folders install only under aikg.* (pyproject's package-dir), never as top-level names."""
    import tomllib

    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    assert name not in config["packages"] and name not in config["package-dir"]
