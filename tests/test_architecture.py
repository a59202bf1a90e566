"""Import rules: the data path's direction, no cycles, Prefect only in flows.

Every ``import`` statement counts, also one inside a function: a function-level import must not be a
way around these rules. ``from X import Y`` counts as importing the module ``X.Y`` when that is a
module (importing a package's submodule), else as importing ``X``.
"""

from __future__ import annotations

import ast
from graphlib import CycleError, TopologicalSorter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# Lowest first; a module may import modules of its own layer or of a lower one (docs/architecture.md).
LAYERS: list[tuple[str, tuple[str, ...]]] = [
    ("foundation", ("pipeline", "pipeline.model", "pipeline.errors", "pipeline.storage")),
    ("reference", ("pipeline.reference",)),
    ("sources", ("pipeline.sources",)),
    ("layout", ("pipeline.layout",)),
    ("structure", ("pipeline.structure",)),
    ("measures", ("pipeline.measures",)),
    ("enrichment", ("pipeline.nlp",)),
    ("documents", ("pipeline.documents",)),
    ("datasets", ("pipeline.datasets",)),
    ("reports", ("pipeline.compare",)),
    ("runs", ("pipeline.runs",)),
    ("cli", ("pipeline.cli",)),
    ("flows", ("flows",)),
]


def _modules() -> dict[str, Path]:
    mods = {}
    for pkg in ("pipeline", "flows"):
        for p in (ROOT / pkg).rglob("*.py"):
            parts = list(p.relative_to(ROOT).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts = parts[:-1]
            mods[".".join(parts)] = p
    return mods


MODULES = _modules()


def _owner(name: str) -> str | None:
    """The project module that ``name`` denotes (itself or its closest enclosing module), if any."""
    while name:
        if name in MODULES:
            return name
        name = name.rpartition(".")[0]
    return None


def imports_of(module: str) -> dict[str, set[int]]:
    """{imported project module: line numbers}, for every import statement anywhere in ``module``."""
    path = MODULES[module]
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: dict[str, set[int]] = {}
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        targets: list[str] = []
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                base = ".".join(anchor + ([base] if base else []))
            for a in node.names:
                sub = f"{base}.{a.name}"
                targets.append(sub if sub in MODULES else base)
        for t in targets:
            owner = _owner(t)
            if owner and owner != module:
                found.setdefault(owner, set()).add(node.lineno)
    return found


def layer_of(module: str) -> int:
    best, best_len = None, -1
    for i, (_name, prefixes) in enumerate(LAYERS):
        for prefix in prefixes:
            if (module == prefix or module.startswith(prefix + ".")) and len(prefix) > best_len:
                best, best_len = i, len(prefix)
    assert best is not None, f"{module} belongs to no layer: add it to LAYERS and docs/architecture.md"
    return best


GRAPH = {m: imports_of(m) for m in MODULES}


def test_every_module_has_a_layer():
    for m in MODULES:
        layer_of(m)


def test_no_import_cycles():
    try:
        tuple(TopologicalSorter({m: set(deps) for m, deps in GRAPH.items()}).static_order())
    except CycleError as exc:
        cycle = exc.args[1]
        pytest.fail("import cycle: " + " -> ".join(cycle))


def test_imports_point_down_the_data_path():
    bad = []
    for m, deps in sorted(GRAPH.items()):
        for d, lines in sorted(deps.items()):
            if layer_of(d) > layer_of(m):
                bad.append(f"{MODULES[m].relative_to(ROOT)}:{min(lines)}: {m} ({LAYERS[layer_of(m)][0]}) "
                           f"imports {d} ({LAYERS[layer_of(d)][0]})")
    assert not bad, "imports against the data path:\n" + "\n".join(bad)


@pytest.mark.parametrize(
    ("importer", "imported"),
    [("pipeline", "flows"), ("pipeline.layout", "pipeline.structure"), ("pipeline.layout", "pipeline.measures"),
     ("pipeline.datasets", "pipeline.compare"), ("pipeline.structure", "pipeline.measures"),
     ("pipeline.measures", "pipeline.nlp"), ("pipeline.sources", "pipeline.layout")],
)
def test_forbidden_directions(importer, imported):
    bad = [f"{m} imports {d}" for m, deps in GRAPH.items() if m == importer or m.startswith(importer + ".")
           for d in deps if d == imported or d.startswith(imported + ".")]
    assert not bad, bad


def test_prefect_only_in_flows():
    bad = []
    for m, path in MODULES.items():
        if m.startswith("flows"):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else (
                [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            bad += [f"{m}:{node.lineno}" for n in names if n.split(".")[0] in ("prefect", "prefect_dask")]
    assert not bad, bad


def test_the_checker_sees_function_level_imports_and_cycles():
    """The rules above could not fail if the graph missed imports inside functions: check it does not."""
    extract = GRAPH["pipeline.cli.commands"]
    assert "pipeline.documents.extract" in extract  # imported inside a command function
    graph = {"a": {"b"}, "b": {"a"}}
    with pytest.raises(CycleError):
        tuple(TopologicalSorter(graph).static_order())
