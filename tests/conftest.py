"""Shared test helpers: build small workbooks in code and analyse them through the library."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
TESTS = Path(__file__).resolve().parent
if str(TESTS) not in sys.path:
    sys.path.insert(0, str(TESTS))

from realistic import Sheet, xlsx  # noqa: E402

from regie import Inventory, analyse, load_inventory  # noqa: E402


def inventory_of(*sheets: Sheet, **kwargs: Any) -> Inventory:
    """Map a workbook built from sheets (rows from Excel row 1)."""
    return load_inventory(xlsx(list(sheets)), "test.xlsx", **kwargs)


def analysis_of(*sheets: Sheet, **kwargs: Any) -> dict[str, Any]:
    """Analyse a workbook built from sheets."""
    return analyse(inventory_of(*sheets, **kwargs))


@pytest.fixture
def example_path() -> Path:
    """The committed example inventory."""
    return ROOT / "data" / "voorbeeld_inventaris.xlsx"


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]):
    """Keep each phase's report on the test item (``item.rep_call``), so fixtures can act on a
    failure in their teardown (the browser tests take a screenshot)."""
    report = yield
    setattr(item, f"rep_{report.when}", report)
    return report


@pytest.fixture
def spawn_safe_main(monkeypatch: pytest.MonkeyPatch) -> None:
    """Let multiprocessing's spawn start children cleanly in a session that ran AppTest.

    AppTest leaves ``__main__.__file__`` pointing at a generated script; spawned children would
    re-run that file as their main module and fail. Without ``__file__`` they import nothing extra.
    """
    import sys

    main = sys.modules["__main__"]
    monkeypatch.delattr(main, "__file__", raising=False)
    monkeypatch.setattr(main, "__spec__", None, raising=False)


@pytest.fixture(autouse=True, scope="session")
def _test_database(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Never touch the user's real werkruimtes: every test (and every app server a test starts,
    which inherits the environment) uses a throwaway SQLite file unless it sets its own URL."""
    import os

    if not os.environ.get("REGIE_DATABASE_URL"):
        path = tmp_path_factory.mktemp("regie-db") / "regie.sqlite3"
        os.environ["REGIE_DATABASE_URL"] = f"sqlite:///{path}"
