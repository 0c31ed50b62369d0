"""The session memo: bounded per namespace, least recently used out first; a walk past every page keeps
each page's tables (issue 13: a page visited again is not built again)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from regie.ui.memo import DEFAULT_SIZE, SIZES, Memo

PAGES = Path(__file__).resolve().parent.parent / "pages"


def test_a_value_is_computed_once_per_key() -> None:
    memo, calls = Memo(), []
    for _ in range(3):
        assert memo.get("table", "a", lambda: calls.append(1) or "A") == "A"
    assert calls == [1]


@pytest.mark.parametrize("namespace", [*SIZES, "elders"])
def test_each_namespace_keeps_its_own_number_of_entries(namespace: str) -> None:
    memo = Memo()
    size = SIZES.get(namespace, DEFAULT_SIZE)
    for i in range(size + 3):
        memo.get(namespace, i, lambda i=i: i)  # type: ignore[misc]
    assert len(memo) == size
    assert memo.peek(namespace, 0) is None and memo.peek(namespace, size + 2) == size + 2


def test_the_least_recently_used_entry_goes_first() -> None:
    memo = Memo()
    for key in ("a", "b", "c", "d"):
        memo.get("compare", key, lambda k=key: k)  # type: ignore[misc]
    memo.get("compare", "a", lambda: "again")  # used: now the most recent
    memo.get("compare", "e", lambda: "e")
    assert memo.peek("compare", "a") == "a" and memo.peek("compare", "b") is None


def test_the_tables_of_every_page_fit_in_the_memo_together() -> None:
    """Every ``view_table`` a page builds for one view fits at once: walking past all pages and back
    finds the first page's tables still there."""
    names = set()
    for page in PAGES.glob("*.py"):
        text = page.read_text(encoding="utf-8")
        names |= {f"{page.stem}:{m}" for m in re.findall(r"view_table\(\s*(f?\"[^\"]+\")", text)}
        if re.search(r"def chart\(key[^\n]*\n(?:[^\n]*\n){0,3}[^\n]*view_table\(key", text):  # one table per chart
            names |= {f"{page.stem}:{m}" for m in re.findall(r"\bchart\(\s*(\"[^\"]+\")", text)}
    assert names, "no view_table calls found: the pattern no longer matches the pages"
    # a name made with an f-string stands for more than one table (fout and waarschuwing, say): count two
    assert len(names) + sum(name.split(":", 1)[1].startswith("f") for name in names) <= SIZES["table"], sorted(names)


def test_the_charts_of_every_page_fit_twice() -> None:
    """Every chart a page builds once per view (``view_chart``) fits for two views at once: walking past
    all pages, setting a filter and taking it off again finds every chart of the first view still built."""
    names = set()
    for page in PAGES.glob("*.py"):
        text = page.read_text(encoding="utf-8")
        names |= {f"{page.stem}:{m}" for m in re.findall(r"view_chart\(\s*(?:view,\s*)?(\"[^\"]+\"|[A-Z_]+)", text)}
    assert len(names) >= 15, f"too few view_chart calls found, the pattern no longer matches the pages: {names}"
    assert 2 * len(names) <= SIZES["chart"], sorted(names)
