"""The house rules, checked on the code itself (as datasette checks its own conventions).

See docs/architecture.md: where Streamlit may be used, that pages hold no pandas logic, that every
page is registered and guarded, that no import runs against the flow, one error tree, logged
exceptions, the vocabulary declared once, and complete ``__all__`` lists.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
import re
import subprocess
import sys
from pathlib import Path

import pytest

import regie
from regie.errors import RegieError

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "regie"
PAGES = sorted((ROOT / "pages").glob("*.py"))
PACKAGE_FILES = sorted(PACKAGE.rglob("*.py"))
UI = PACKAGE / "ui"


def _tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def _imported(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(_tree(path)):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def _relative(path: Path) -> str:
    return str(path.relative_to(ROOT))


# --------------------------------------------------------------------------------------------
# Streamlit only where the UI lives
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", PACKAGE_FILES, ids=_relative)
def test_no_streamlit_outside_the_ui(path: Path) -> None:
    if UI in path.parents:
        return
    uses = {name for name in _imported(path) if name == "streamlit" or name.startswith("streamlit.")}
    assert not uses, f"{_relative(path)} imports {uses}: Streamlit belongs in app.py, pages/ or regie/ui/"


@pytest.mark.parametrize("path", [*PAGES, ROOT / "app.py"], ids=_relative)
def test_caching_and_session_keys_live_in_the_ui_helpers(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert "st.cache_data" not in text and "st.cache_resource" not in text, "caching belongs in regie/ui/"
    assert not re.search(r"[\"']regie_[a-z_]+[\"']", text), "shared session keys are declared in regie/ui/keys.py"


# --------------------------------------------------------------------------------------------
# Pages: thin, registered, guarded
# --------------------------------------------------------------------------------------------

PANDAS_METHODS = frozenset({
    "groupby", "merge", "pivot", "pivot_table", "crosstab", "value_counts", "agg", "aggregate", "concat",
    "sort_values", "drop_duplicates", "notna", "isna", "iloc", "loc", "sum", "mean", "rename", "assign",
    "DataFrame", "Series", "melt", "explode", "fillna", "dropna", "query", "isin",
})


@pytest.mark.parametrize("path", PAGES, ids=_relative)
def test_pages_hold_no_pandas_logic(path: Path) -> None:
    assert not {n for n in _imported(path) if n == "pandas" or n.startswith("pandas.")}, "pages do not import pandas"
    used = sorted({
        node.attr for node in ast.walk(_tree(path))
        if isinstance(node, ast.Attribute) and node.attr in PANDAS_METHODS
    })
    assert not used, f"{_relative(path)} computes with {used}: move it into regie/ (a function and a test)"


def _registered_pages() -> set[str]:
    text = (ROOT / "app.py").read_text(encoding="utf-8")
    return set(re.findall(r'st\.Page\("(pages/[a-z_]+\.py)"', text))


def test_every_page_is_registered_in_the_router() -> None:
    assert _registered_pages() == {f"pages/{p.name}" for p in PAGES}


@pytest.mark.parametrize("path", PAGES, ids=_relative)
def test_every_page_is_guarded(path: Path) -> None:
    calls = [
        node.func.id for node in _tree(path).body
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Call) and isinstance(node.value.func, ast.Name)
        for node in [node.value]
    ]
    assert "require_router" in calls, f"{_relative(path)} does not call require_router()"


# --------------------------------------------------------------------------------------------
# The flow, the errors, the logs
# --------------------------------------------------------------------------------------------


def test_no_import_runs_against_the_flow_and_the_diagram_is_current() -> None:
    proc = subprocess.run([sys.executable, str(ROOT / "docs" / "import_graph.py"), "--check"],
                          capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr


def _classes() -> list[type]:
    found = []
    for info in pkgutil.walk_packages(regie.__path__, "regie."):
        if info.name.endswith(("_worker", ".ui", "__main__")) or ".ui." in info.name:
            continue
        module = importlib.import_module(info.name)
        found.extend(c for _, c in inspect.getmembers(module, inspect.isclass) if c.__module__ == module.__name__)
    return found


def test_every_regie_error_is_declared_in_the_error_tree() -> None:
    strays = [f"{c.__module__}.{c.__name__}" for c in _classes()
              if issubclass(c, RegieError) and c.__module__ != "regie.errors"]
    assert not strays, f"declare these in regie/errors.py: {strays}"
    tree = inspect.getdoc(importlib.import_module("regie.errors")) or ""
    for cls in [RegieError, *RegieError.__subclasses__()]:
        for sub in [cls, *cls.__subclasses__()]:
            assert sub.__name__ in tree, f"{sub.__name__} is missing from the tree in the docstring"


def _handler_logs_or_raises(handler: ast.ExceptHandler) -> bool:
    for node in ast.walk(handler):
        if isinstance(node, ast.Raise):
            return True
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in {
            "exception", "error", "warning", "info", "debug", "log", "show_failure",
        }:
            return True
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "show_failure":
            return True
    return False


@pytest.mark.parametrize("path", [*PACKAGE_FILES, *PAGES], ids=_relative)
def test_every_swallowed_exception_is_logged(path: Path) -> None:
    silent = [
        node.lineno for node in ast.walk(_tree(path))
        if isinstance(node, ast.ExceptHandler) and isinstance(node.type, ast.Name)
        and node.type.id in ("Exception", "BaseException") and not _handler_logs_or_raises(node)
    ]
    if path.name == "_worker.py":
        return  # the parsing child reports every failure in its last frame; the parent logs it
    assert not silent, f"{_relative(path)} swallows an exception without logging it (lines {silent})"


# --------------------------------------------------------------------------------------------
# The public API
# --------------------------------------------------------------------------------------------


def _packages() -> list[str]:
    return ["regie", *[i.name for i in pkgutil.walk_packages(regie.__path__, "regie.") if i.ispkg]]


@pytest.mark.parametrize("name", _packages())
def test_all_lists_exist_and_name_what_the_package_offers(name: str) -> None:
    module = importlib.import_module(name)
    exported = getattr(module, "__all__", None)
    if exported is None:
        return
    missing = [n for n in exported if not hasattr(module, n)]
    assert not missing, f"{name}.__all__ names what does not exist: {missing}"
    source = Path(module.__file__ or "").read_text(encoding="utf-8")
    defined = {
        node.name for node in _tree(Path(module.__file__ or "")).body
        if isinstance(node, ast.FunctionDef | ast.ClassDef) and not node.name.startswith("_")
    }
    assert defined <= set(exported), f"{name} defines {sorted(defined - set(exported))} but leaves them out of __all__"
    assert source


def test_the_public_api_is_small_and_typed() -> None:
    for name in regie.__all__:
        item = getattr(regie, name)
        if inspect.isfunction(item):
            hints = inspect.get_annotations(item)
            assert "return" in hints, f"regie.{name} has no return type"


# --------------------------------------------------------------------------------------------
# The vocabulary is declared once; the project explains itself without anything outside the repo
# --------------------------------------------------------------------------------------------


def _vocabulary_words() -> dict[str, set[str]]:
    """Normalised word → the vocabularies it belongs to (codes, labels and synonyms)."""
    from regie import vocabulary as voc
    from regie.normalise import norm

    words: dict[str, set[str]] = {}

    def add(kind: str, items: object) -> None:
        for item in items:  # type: ignore[attr-defined]
            if norm(item):
                words.setdefault(norm(item), set()).add(kind)

    for phase in voc.PHASES:
        add("fase", (*phase.synonyms, phase.label, phase.code))
    for role in voc.ROLES:
        add("rol", (*role.synonyms, role.label, role.code))
    for name in ("ANSWERS", "PARTNER_TYPES", "WERKGEBIEDEN", "REGIE_KINDS", "TASK_KINDS", "BELEIDSKADERS",
                 "DOORZETTINGSMACHT", "PARTNER_ROLES", "GOVERNMENT_ROLES", "COOPERATION_FORMS"):
        add(name, [word for choice in getattr(voc, name) for word in (choice.code, choice.label, *choice.synonyms)])
    return words


VOCABULARY_OWNERS = (PACKAGE / "vocabulary",)


@pytest.mark.parametrize("path", [*PACKAGE_FILES, *PAGES, ROOT / "app.py"], ids=_relative)
def test_the_vocabulary_is_declared_once(path: Path) -> None:
    """No literal list, tuple, set or dict keys outside regie/vocabulary spell out three or more words of one
    vocabulary (phases, roles, answers, partner types…): such a list is a second copy waiting to drift."""
    if any(owner in path.parents for owner in VOCABULARY_OWNERS):
        return
    from regie.normalise import norm

    words = _vocabulary_words()
    copies = []
    for node in ast.walk(_tree(path)):
        if isinstance(node, ast.Tuple | ast.List | ast.Set):
            elements = node.elts
        elif isinstance(node, ast.Dict):
            elements = [k for k in node.keys if k is not None]
        else:
            continue
        texts = [e.value for e in elements if isinstance(e, ast.Constant) and isinstance(e.value, str)]
        kinds: dict[str, int] = {}
        for text in texts:
            for kind in words.get(norm(text), ()):
                kinds[kind] = kinds.get(kind, 0) + 1
        copies += [f"line {node.lineno}: {kind} {texts[:4]}" for kind, n in kinds.items() if n >= 3]
    assert not copies, f"{_relative(path)} repeats vocabulary words; take them from regie.vocabulary: {copies}"


TEXT_FILES = [p for p in (*ROOT.glob("*.md"), *(ROOT / "docs").glob("*"), *PACKAGE_FILES, *PAGES, ROOT / "app.py",
                          *(ROOT / "tests").glob("*.py"), *(ROOT / "data").glob("*.py"), *(ROOT / "bench").glob("*"),
                          *(ROOT / ".ci").glob("*")) if p.is_file() and p.suffix in (".py", ".md", "")]


@pytest.mark.parametrize("path", TEXT_FILES, ids=_relative)
def test_nothing_points_outside_the_repository(path: Path) -> None:
    """A user who clones the repo has only the repo: README, docs, code and tests point to docs/."""
    if path == Path(__file__).resolve():
        return  # this test names what it looks for
    text = path.read_text(encoding="utf-8", errors="replace")
    for outside in ("../shared", "/work/shared", "DOMAIN.md", "INVENTORY.md", "ARCHITECTURE.md"):
        assert outside not in text, f"{_relative(path)} mentions {outside}: point to docs/ instead"
