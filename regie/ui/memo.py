"""The session's one memo: results computed once per key, kept per namespace up to a bound.

Every cached result of a session lives here (never shared between users): the raw tables of an
upload, the mapped inventory, the view a page shows, tables slow to build, comparisons, exports.
Each namespace keeps its own number of entries (least recently used goes first), so a large
inventory is held at most twice while small tables are kept for several views: ``table`` holds
what every page of one view builds (a walk past all pages used to push the first page's tables
out), ``chart`` the charts of every page for about two views, ``file_table`` the tables of a whole
inventory that pages narrow to the filters themselves.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import TypeVar

import streamlit as st

from regie.ui import keys

T = TypeVar("T")

SIZES: dict[str, int] = {
    "raw": 2,
    "inventory": 2,
    "unknown": 1,
    "view": 2,
    "table": 16,
    "chart": 48,
    "file_table": 4,
    "compare": 4,
    "export": 3,
}
"""How many entries each namespace keeps; other namespaces keep :data:`DEFAULT_SIZE`."""
DEFAULT_SIZE = 4


class Memo:
    """Per namespace, an ordered mapping key → value, bounded by :data:`SIZES`."""

    def __init__(self) -> None:
        self._spaces: dict[str, OrderedDict[Hashable, object]] = {}

    def get(self, namespace: str, key: Hashable, compute: Callable[[], T]) -> T:
        """The value for ``key`` in ``namespace``, computed (once) when missing."""
        space = self._spaces.setdefault(namespace, OrderedDict())
        if key in space:
            space.move_to_end(key)
            return space[key]  # type: ignore[return-value]
        value = compute()
        space[key] = value
        while len(space) > SIZES.get(namespace, DEFAULT_SIZE):
            space.popitem(last=False)
        return value

    def peek(self, namespace: str, key: Hashable) -> object | None:
        """The value for ``key`` when it is kept, else None (never computes)."""
        space = self._spaces.get(namespace)
        return space.get(key) if space is not None else None

    def forget(self, namespace: str) -> None:
        """Drop every entry of ``namespace``."""
        self._spaces.pop(namespace, None)

    def __len__(self) -> int:
        return sum(len(space) for space in self._spaces.values())


def session_memo() -> Memo:
    """This session's memo (made on first use)."""
    memo = st.session_state.get(keys.MEMO)
    if not isinstance(memo, Memo):
        memo = Memo()
        st.session_state[keys.MEMO] = memo
    return memo


def memo(namespace: str, key: Hashable, compute: Callable[[], T]) -> T:
    """``compute()`` once per ``key`` in this session's ``namespace``."""
    return session_memo().get(namespace, key, compute)
