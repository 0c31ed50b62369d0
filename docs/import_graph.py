"""The import graph of the ``regie`` package, drawn from the code: ``python docs/import_graph.py``.

Prints the rooms of ``regie/`` in the order of the flow, every import between rooms as a Mermaid
diagram, and any import that runs against the flow. ``--check`` exits 1 when an import runs against
the flow or when ``docs/architecture.md`` holds another diagram than the code gives (the test suite
runs it). ``--write`` puts the current diagram into ``docs/architecture.md``.
"""

from __future__ import annotations

import argparse
import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "regie"
DOC = ROOT / "docs" / "architecture.md"
BEGIN, END = "<!-- import-graph:begin -->", "<!-- import-graph:end -->"

FLOW: dict[str, int] = {
    "errors": 0, "vocabulary": 1, "formatting": 1, "normalise": 2, "model": 3,
    "reading": 4, "mapping": 5, "review": 6, "analysis": 6, "storage": 7, "instruments": 8,
    "charts": 9, "export": 10, "commands": 11, "cli": 11, "__main__": 11, "ui": 12,
}
"""Each room's place in the flow reading → mapping → analysis → charts → export (→ the UI). A room
may import its own modules and rooms with a lower or equal number, never a higher one."""


def room_of(module: str) -> str | None:
    """``regie.mapping.projects`` → ``mapping``; the package itself (``regie``) has no room."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[0] == "regie" else None


def module_name(path: Path) -> str:
    relative = path.relative_to(ROOT).with_suffix("")
    parts = list(relative.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports_of(path: Path) -> set[str]:
    """The ``regie`` modules a file imports (at any depth, lazy imports included)."""
    found: set[str] = set()
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("regie"))
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("regie") and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{a.name}" for a in node.names)
    return found


def edges() -> dict[tuple[str, str], list[str]]:
    """(from room, to room) → the importing modules, for imports between different rooms."""
    result: dict[tuple[str, str], list[str]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        source = module_name(path)
        here = room_of(source)
        if here is None:
            continue
        for target in imports_of(path):
            there = room_of(target)
            if there is None or there == here or there not in FLOW:
                continue
            result.setdefault((here, there), []).append(source)
    return result


def against_the_flow() -> list[str]:
    """Imports from a room to a room further down the flow."""
    return sorted(
        f"{module} imports {there} (room {here} comes before {there})"
        for (here, there), modules in edges().items()
        if FLOW.get(here, 99) < FLOW[there]
        for module in sorted(set(modules))
    )


def mermaid() -> str:
    """The rooms and their imports as a Mermaid flowchart (top: foundations, bottom: the UI)."""
    lines = ["```mermaid", "flowchart BT"]
    for (here, there) in sorted(edges(), key=lambda e: (FLOW.get(e[0], 99), e[0], FLOW[e[1]], e[1])):
        lines.append(f"    {here} --> {there}")
    lines.append("```")
    return "\n".join(lines)


def documented() -> str | None:
    text = DOC.read_text(encoding="utf-8") if DOC.exists() else ""
    if BEGIN not in text or END not in text:
        return None
    return text.split(BEGIN, 1)[1].split(END, 1)[0].strip()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 on an import against the flow or a stale diagram")
    parser.add_argument("--write", action="store_true", help="write the diagram into docs/architecture.md")
    args = parser.parse_args(argv)
    diagram = mermaid()
    wrong = against_the_flow()
    if args.write:
        text = DOC.read_text(encoding="utf-8")
        head, rest = text.split(BEGIN, 1)
        DOC.write_text(f"{head}{BEGIN}\n{diagram}\n{END}{rest.split(END, 1)[1]}", encoding="utf-8")
    if args.check:
        problems = list(wrong)
        if documented() != diagram:
            problems.append("docs/architecture.md holds another diagram: run python docs/import_graph.py --write")
        for problem in problems:
            print(problem, file=sys.stderr)
        return 1 if problems else 0
    print(diagram)
    for problem in wrong:
        print(f"against the flow: {problem}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
