"""The house's layers, as contracts read from the source: every import counts, including those inside
functions and under TYPE_CHECKING, because each one is a dependency someone has to keep in mind.

Ground floor up: enums < planning < document < models, store < interchange < widgets < screens < app, cli.
"""

import ast
from pathlib import Path

import kamplan

ROOT = Path(kamplan.__file__).parent
CORE = (
    "kamplan.enums",
    "kamplan.errors",
    "kamplan.config",
    "kamplan.planning",
    "kamplan.document",
    "kamplan.models",
    "kamplan.store",
    "kamplan.interchange",
)
UI = ("textual", "kamplan.widgets", "kamplan.screens", "kamplan.app", "kamplan.commands", "kamplan.driver")

# (who, what they must never import, why)
CONTRACTS = [
    (CORE, UI, "the core works without Textual: commands that show no screen must not load it"),
    (
        ("kamplan.widgets",),
        ("kamplan.store", "kamplan.screens", "kamplan.app", "kamplan.models"),
        "widgets are handed data and post Messages",
    ),
    (("kamplan.store",), ("kamplan.interchange", "kamplan.cli"), "the store knows no file format"),
    (
        ("kamplan.document",),
        ("kamplan.store", "kamplan.models", "kamplan.interchange", "sqlmodel", "sqlalchemy"),
        "the plan document sits below the store",
    ),
    (("kamplan.planning",), ("kamplan.",), "planning imports only the enums (allowed below)"),
    (("kamplan.enums",), ("kamplan.",), "the closed sets are the ground floor"),
    (("kamplan.screens",), ("kamplan.app", "kamplan.commands", "kamplan.cli"), "the app imports the screens"),
]
ALLOWED = {"kamplan.planning": ("kamplan.planning", "kamplan.enums"), "kamplan.enums": ()}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports(path: Path, modules: set[str]) -> set[str]:
    """Every module `path` imports (`from package import name` counts as package.name if that is a module)."""
    found = set()
    package = _module_name(path) if path.name == "__init__.py" else _module_name(path).rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(
                    [*package.split(".")[: len(package.split(".")) - node.level + 1], base]
                ).strip(".")
            for alias in node.names:
                found.add(f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules else base)
    return found


def _graph() -> dict[str, set[str]]:
    paths = [p for p in ROOT.rglob("*.py") if "migrations" not in p.parts]
    modules = {_module_name(p) for p in paths}
    return {_module_name(p): _imports(p, modules) for p in paths}


GRAPH = _graph()


def _within(name: str, prefix: str) -> bool:
    return name == prefix.rstrip(".") or name.startswith(prefix if prefix.endswith(".") else prefix + ".")


def test_each_layer_imports_only_what_is_below_it() -> None:
    broken = []
    for owners, forbidden, why in CONTRACTS:
        for module, imported in GRAPH.items():
            if not any(_within(module, owner) for owner in owners):
                continue
            allowed = next((v for k, v in ALLOWED.items() if _within(module, k)), None)
            for target in sorted(imported):
                if allowed is not None and any(_within(target, a) for a in allowed):
                    continue
                if any(_within(target, f) for f in forbidden):
                    broken.append(f"{module} imports {target}: {why}")
    assert not broken, "\n".join(broken)


def test_no_import_loops() -> None:
    """Tarjan's strongly connected components over the project's own modules."""
    edges = {m: {t for t in targets if t in GRAPH and t != m} for m, targets in GRAPH.items()}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    loops: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in edges[node]:
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                loops.append(sorted(component))

    for module in sorted(edges):
        if module not in index:
            visit(module)
    assert not loops, "import loops: " + "; ".join(" <-> ".join(loop) for loop in loops)
