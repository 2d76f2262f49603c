"""The shape of the house: no import cycles among the project's modules, and imports run one way between packages."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ROOTS = ("bot", "routing", "knowledge", "db")

# package -> the project packages it may import (besides itself). Every import, also one inside a function.
ALLOWED: dict[str, set[str]] = {
    "routing": {"knowledge"},
    "knowledge": set(),
    "db": set(),
    "bot.settings": set(),
    "bot.dialog": {"bot.settings", "routing", "knowledge", "db"},
    "bot.coordination": {"bot.dialog", "bot.settings", "routing", "knowledge", "db"},
    "bot.channels": {"bot.dialog", "bot.coordination", "bot.reports", "bot.settings", "routing", "knowledge", "db"},
    "bot.reports": {"bot.coordination", "bot.settings", "knowledge", "db"},
    "bot.caremap": {"bot.dialog", "bot.settings", "knowledge", "routing"},
    "bot.console": {"bot.dialog", "bot.coordination", "bot.reports", "bot.caremap", "bot.settings", "routing",
                    "knowledge", "db"},
    "bot.shell": {"bot", "routing", "knowledge", "db"},
}


def modules() -> dict[str, Path]:
    found = {}
    for root in ROOTS:
        for path in (ROOT / root).rglob("*.py"):
            name = ".".join(path.relative_to(ROOT).with_suffix("").parts)
            found[name.removesuffix(".__init__")] = path
    return found


def imports(name: str, path: Path, known: dict[str, Path]) -> set[str]:
    """The project modules ``name`` imports (``from pkg import mod`` counts as the module when there is one)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        targets: list[str] = []
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parent, base] if base else parent)
            targets = [f"{base}.{a.name}" if f"{base}.{a.name}" in known else base for a in node.names]
        for target in targets:
            while target and target not in known:
                target = target.rpartition(".")[0]
            if target and target != name:
                out.add(target)
    return out


def graph() -> dict[str, set[str]]:
    known = modules()
    return {name: imports(name, path, known) for name, path in known.items()}


def owner(module: str) -> str:
    """The package a module belongs to in ALLOWED (the longest matching prefix)."""
    return max((p for p in ALLOWED if module == p or module.startswith(p + ".")), key=len, default=module)


def find_cycle(edges: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(edges.get(node, ())):
            if state.get(nxt) == 1:
                return [*stack[stack.index(nxt):], nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(edges):
        if node not in state and (found := visit(node)):
            return found
    return None


def test_no_import_cycles_among_the_projects_modules() -> None:
    cycle = find_cycle(graph())
    assert cycle is None, " -> ".join(cycle or [])


def test_the_cycle_finder_finds_one() -> None:
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) is None


def test_imports_run_one_way_between_packages() -> None:
    wrong = []
    for module, targets in graph().items():
        mine = owner(module)
        for target in targets:
            theirs = owner(target)
            if theirs != mine and theirs not in ALLOWED.get(mine, set()) and mine != "bot.shell":
                wrong.append(f"{module} -> {target}")
    assert not wrong, "\n".join(sorted(wrong))


def test_every_module_of_bot_lives_in_a_package_that_says_its_job() -> None:
    loose = sorted(p.name for p in (ROOT / "bot").glob("*.py") if p.name not in {"__init__.py", "settings.py"})
    assert loose == []
    for init in (ROOT / "bot").rglob("__init__.py"):
        doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8")))
        assert doc and "import" in doc, f"{init} must say its job and what it may import"
