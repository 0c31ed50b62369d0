"""Reliability: concurrent saves from several processes all land; an interrupted save leaves nothing behind."""

from __future__ import annotations

import hashlib
import os
import signal

import conftest_pg
import pytest
import sqlalchemy as sa
import storage_fixtures as fx
from realistic import small_xlsx

from regie.storage import Store
from regie.storage.schema import TABLES

pytestmark = pytest.mark.usefixtures("spawn_safe_main")

postgres_server_url = conftest_pg.postgres_server_url
postgres_url = conftest_pg.postgres_url
db_url = conftest_pg.db_url

PROCESSES = 8
WERKPLAATS_EMPTY = {t: 0 for t in TABLES if t.startswith("werkplaats") or t in ("access_attempts", "afspraken", "werkhulp_answers")}
"""The werkplaats tables (schema v4), untouched by saves."""


def row_counts(store: Store) -> dict[str, int]:
    with store.engine.connect() as conn:
        return {t: conn.execute(sa.text(f"SELECT COUNT(*) FROM {t}")).scalar_one() for t in TABLES}


def integrity_ok(store: Store) -> bool:
    if store.engine.dialect.name != "sqlite":
        return True
    with store.engine.connect() as conn:
        return conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"


@pytest.mark.slow
def test_eight_processes_saving_at_once_all_land(db_url: str) -> None:
    """Eight processes open a new database (migrating it) and save into one new werkruimte at the same moment."""
    ctx = fx.process_context()
    barrier = ctx.Barrier(PROCESSES)
    results = ctx.Queue()
    files = {i: fx.numbered_xlsx(i + 1, f"{i}-") for i in range(PROCESSES)}
    workers = [
        ctx.Process(target=fx.save_worker, args=(db_url, i, barrier, files[i], 0.4, results)) for i in range(PROCESSES)
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=300)
    assert [w.exitcode for w in workers] == [0] * PROCESSES
    created = dict(results.get(timeout=10) for _ in range(PROCESSES))
    assert sorted(created) == list(range(PROCESSES))
    assert sum(created.values()) == 1  # one made the werkruimte, seven found it

    with Store(db_url) as store:
        assert [w.name for w in store.werkruimtes()] == ["Gemeente Wadlo"]
        items = store.snapshots("Gemeente Wadlo")
        assert sorted(i.label for i in items) == sorted(f"sessie {i}" for i in range(PROCESSES))
        for i in range(PROCESSES):
            snapshot = store.load_snapshot("Gemeente Wadlo", f"sessie {i}")
            assert snapshot.info.sha256 == hashlib.sha256(files[i]).hexdigest()
            assert snapshot.analysis["counts"]["projects"] == i + 1
            assert snapshot.analysis["phases"]["onbekend"] == 0  # the mapping travelled with it
            assert snapshot.reproduces()
        assert store.mappings_for("Gemeente Wadlo") == {"fase": {"afronding": "uitvoering"}}
        assert row_counts(store) == {
            "schema_version": store.version, "werkruimtes": 1, "snapshots": PROCESSES,
            "snapshot_files": PROCESSES, "werkruimte_mappings": 1, **WERKPLAATS_EMPTY,
        }
        assert integrity_ok(store)


def test_an_error_inside_the_transaction_leaves_no_partial_snapshot(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Store(db_url) as store:
        def broken(self: Store, conn: sa.Connection, snapshot_id: int, data: bytes, sha: str) -> None:
            # the werkruimte and the snapshot row are written by now; the file is not
            raise OSError("schijf vol")

        monkeypatch.setattr(Store, "_insert_file", broken)
        with pytest.raises(OSError):
            store.save_snapshot("Gemeente Wadlo", "half", small_xlsx(), "klein.xlsx",
                                value_mappings={"fase": {"afronding": "uitvoering"}})
        assert row_counts(store) == {
            "schema_version": store.version, "werkruimtes": 0, "snapshots": 0, "snapshot_files": 0,
            "werkruimte_mappings": 0, **WERKPLAATS_EMPTY,
        }
        monkeypatch.undo()
        store.save_snapshot("Gemeente Wadlo", "half", small_xlsx(), "klein.xlsx")
        assert [s.label for s in store.snapshots("Gemeente Wadlo")] == ["half"]


@pytest.mark.slow
def test_a_process_killed_mid_save_leaves_the_database_consistent(db_url: str) -> None:
    with Store(db_url) as store:
        store.save_snapshot("Gemeente Wadlo", "voor", small_xlsx(), "klein.xlsx")
    ctx = fx.process_context()
    ready = ctx.Event()
    worker = ctx.Process(target=fx.killed_save_worker, args=(db_url, fx.numbered_xlsx(3), ready))
    worker.start()
    try:
        assert ready.wait(timeout=120), "the worker never reached the middle of its save"
        os.kill(worker.pid, signal.SIGKILL)
    finally:
        worker.join(timeout=30)
    assert worker.exitcode == -signal.SIGKILL

    with Store(db_url) as store:
        assert [s.label for s in store.snapshots("Gemeente Wadlo")] == ["voor"]
        assert row_counts(store)["snapshot_files"] == 1
        assert integrity_ok(store)
        store.save_snapshot("Gemeente Wadlo", "half", fx.numbered_xlsx(3), "half.xlsx")  # no lock left behind
        assert [s.label for s in store.snapshots("Gemeente Wadlo")] == ["voor", "half"]
        assert store.load_snapshot("Gemeente Wadlo", "half").reproduces()


def test_sqlite_waits_for_a_busy_writer_instead_of_failing(tmp_path) -> None:
    """A write lock held by another connection delays a save; it does not lose it."""
    import threading
    import time

    url = f"sqlite:///{tmp_path}/regie.sqlite3"
    with Store(url) as store:
        blocker = store.engine.raw_connection()
        blocker.driver_connection.execute("BEGIN IMMEDIATE")
        released = threading.Timer(2.5, lambda: blocker.driver_connection.execute("COMMIT"))
        released.start()
        start = time.monotonic()
        store.save_snapshot("Wadlo", "voor", small_xlsx(), "klein.xlsx")
        assert time.monotonic() - start >= 2.4
        released.join()
        blocker.close()
        assert [s.label for s in store.snapshots("Wadlo")] == ["voor"]
