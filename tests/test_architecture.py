"""The package's import graph, read from the source: no cycles, and each layer imports only below it.

Every ``import`` statement counts, wherever it is: at the top of a module, deferred into a function,
or under ``TYPE_CHECKING``. docs/architecture.md describes the layers.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = "wagtail_chiiki"
ROOT = Path(__file__).resolve().parent.parent / PACKAGE

#: Page modules: fields, panels and routes. Listings, feeds and blocks never import them (a listing
#: that needs a page class looks it up with ``apps.get_model``).
PAGE_MODULES = (
    "wagtail_chiiki.models",  # the package itself re-exports every page class
    "wagtail_chiiki.models.activities",
    "wagtail_chiiki.models.base",
    "wagtail_chiiki.models.organizations",
    "wagtail_chiiki.models.support",
    "wagtail_chiiki.models.workshop_index",
    "wagtail_chiiki.models.workshops",
)

#: For each layer (a module prefix), what it must not import.
FORBIDDEN = {
    "wagtail_chiiki.feeds": (
        *PAGE_MODULES,
        "wagtail_chiiki.models.",
        "wagtail_chiiki.blocks",
        "wagtail_chiiki.templatetags",
    ),
    "wagtail_chiiki.listings": (*PAGE_MODULES, "wagtail_chiiki.blocks", "wagtail_chiiki.templatetags"),
    "wagtail_chiiki.blocks": PAGE_MODULES,
}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def source_modules() -> dict[str, Path]:
    return {module_name(path): path for path in sorted(ROOT.rglob("*.py")) if "migrations" not in path.parts}


def imported_names(module: str, path: Path) -> set[str]:
    """Every module name an import statement of ``path`` names, including ``from x import name``
    where ``x.name`` is a module."""
    is_package = path.name == "__init__.py"
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                package = module.split(".") if is_package else module.split(".")[:-1]
                package = package[: len(package) - node.level + 1]
                base = ".".join([*package, base] if base else package)
            names.add(base)
            names.update(f"{base}.{alias.name}" for alias in node.names)
    return names


def import_graph() -> dict[str, set[str]]:
    modules = source_modules()
    return {
        module: {name for name in imported_names(module, path) if name in modules and name != module}
        for module, path in modules.items()
    }


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan's algorithm, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []
    for start in graph:
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, edges = work[-1]
            for target in edges:
                if target not in index:
                    index[target] = low[target] = len(index)
                    stack.append(target)
                    on_stack.add(target)
                    work.append((target, iter(sorted(graph[target]))))
                    break
                if target in on_stack:
                    low[node] = min(low[node], index[target])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    group = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        group.append(member)
                        if member == node:
                            break
                    if len(group) > 1:
                        groups.append(sorted(group))
    return groups


def test_the_graph_is_read_from_every_module_with_deferred_imports_counted():
    graph = import_graph()
    assert len(graph) > 50
    # A deferred import (inside a method) is an edge like any other.
    assert "wagtail_chiiki.listings.maps" in graph["wagtail_chiiki.blocks.maps"]


def test_cycle_finder_finds_a_cycle_through_several_modules():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert cycles(graph) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_no_module_of_the_package_imports_another_in_a_cycle():
    assert cycles(import_graph()) == []


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_each_layer_imports_only_what_lies_below_it(layer):
    wrong = sorted(
        (module, name)
        for module, names in import_graph().items()
        if module == layer or module.startswith(layer + ".")
        for name in names
        if any(
            name == banned or name.startswith(banned) for banned in FORBIDDEN[layer] if banned.endswith(".")
        )
        or name in FORBIDDEN[layer]
    )
    assert wrong == []
