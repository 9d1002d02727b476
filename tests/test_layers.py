"""The package's stages import downwards only, and no modules import each other in a circle.

Every ``agreement_nlp`` import is read from the source (those inside functions too), so a
lazy import that climbs a stage is caught as well as a top-level one.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.conftest import ROOT

PACKAGE = ROOT / "src" / "agreement_nlp"

# Lowest first: a module may import its own stage and the stages below it.
LAYERS: list[tuple[str, ...]] = [
    ("article", "text", "resources", "extensions", "linear", "choice"),
    ("lexicon",),
    ("segment",),
    ("ingest",),
    ("extraction", "extraction.entities"),
    ("extraction.dates",),
    ("extraction.persons",),
    ("extraction.agreements",),
    ("components", "pipeline"),
    ("tables.isodates", "tables.columns", "tables.schema", "tables.rows"),
    ("link",),  # the corpus-level pass over the tables
    ("export",),
    ("display.spans", "display.markup", "display.articles"),  # Tables.show renders
    ("tables", "tables.frames"),  # Tables.write hands over to export
    ("run",),
    ("api",),
    ("evaluate", "display"),
    ("train",),
    ("cli", "cli_corpus", "__main__", ""),
]


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE).with_suffix("").parts
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def layer_of(module: str) -> int:
    best, found = -1, None
    for index, prefixes in enumerate(LAYERS):
        for prefix in prefixes:
            named = module == prefix or module.startswith(prefix + ".")
            if named and len(prefix) > best:
                best, found = len(prefix), index
    if found is None:
        raise AssertionError(f"module {module!r} belongs to no layer: add it to LAYERS")
    return found


def imports_of(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "agreement_nlp":
                found |= {a.name for a in node.names}
            elif node.module.startswith("agreement_nlp."):
                found.add(node.module.removeprefix("agreement_nlp."))
        elif isinstance(node, ast.Import):
            found |= {
                a.name.removeprefix("agreement_nlp.")
                for a in node.names
                if a.name.startswith("agreement_nlp.")
            }
    return found


def graph() -> dict[str, set[str]]:
    modules = {module_name(p): p for p in PACKAGE.rglob("*.py")}
    out: dict[str, set[str]] = {}
    for name, path in modules.items():
        # "from agreement_nlp.x import y" may name a submodule y or a name in x
        targets = set()
        for imported in imports_of(path):
            targets.add(imported if imported in modules else imported.rsplit(".", 1)[0])
        out[name] = {t for t in targets if t in modules and t != name}
    return out


GRAPH = graph()


@pytest.mark.parametrize("module", sorted(GRAPH))
def test_no_upward_import(module: str) -> None:
    mine = layer_of(module)
    upward = sorted(t for t in GRAPH[module] if layer_of(t) > mine)
    assert not upward, f"{module} (stage {mine}) imports from a higher stage: {upward}"


def test_no_import_circle() -> None:
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(GRAPH[node]):
            # a package's __init__ re-exporting its own modules is not a circle
            if nxt.startswith(node + ".") if node else True:
                continue
            if state.get(nxt) == 1:
                cycle = [*stack[stack.index(nxt) :], nxt]
                raise AssertionError("import circle: " + " -> ".join(cycle))
            if nxt not in state:
                visit(nxt)
        stack.pop()
        state[node] = 2

    for module in sorted(GRAPH):
        if module not in state:
            visit(module)


def test_layers_name_real_packages() -> None:
    """A layer that names nothing would make the check above pass vacuously."""
    for prefixes in LAYERS:
        for prefix in prefixes:
            assert any(m == prefix or m.startswith(prefix + ".") for m in GRAPH), prefix
