"""Storage faults each get their own Dutch sentence, and a PostgreSQL that does not answer costs one
connect timeout, not one per page visit (regie.storage.engine)."""

from __future__ import annotations

import contextlib
import socket
import sqlite3
import stat
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from regie.storage import StorageError, Store
from regie.storage import engine as db


def _read_only(tmp_path: Path) -> str:
    path = tmp_path / "regie.sqlite3"
    Store(f"sqlite:///{path}").close()
    return f"sqlite:///file:{path}?mode=ro&uri=true"


def _corrupt(tmp_path: Path) -> str:
    path = tmp_path / "regie.sqlite3"
    path.write_bytes(b"Dit is geen database, maar een tekstbestand met de verkeerde naam.\n" * 200)
    return f"sqlite:///{path}"


def _refusing_port(_tmp_path: Path) -> str:
    return "postgresql://regie:x@127.0.0.1:1/regie"


@pytest.mark.parametrize(
    ("make_url", "words"),
    [
        (_read_only, ["alleen te lezen", "schrijfrechten"]),
        (_corrupt, ["beschadigd", "reservekopie"]),
        (_refusing_port, ["antwoordt niet", "of de server draait"]),
    ],
    ids=["read-only", "corrupt", "postgres-refuses"],
)
def test_each_fault_has_its_own_sentence(tmp_path: Path, make_url, words: list[str]) -> None:
    url = make_url(tmp_path)
    with pytest.raises(StorageError) as caught, Store(url) as store:
        store.create_werkruimte("Wadlo")
    message = str(caught.value)
    for word in words:
        assert word in message, message
    assert str(tmp_path) not in message, "a user never sees the server's paths"


def test_a_full_disk_says_so(tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path / 'regie.sqlite3'}")

    @sa.event.listens_for(store.engine, "connect")
    def _tiny(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages}")

    store.engine.dispose()
    with pytest.raises(StorageError, match="schijf van de database is vol"):
        store.save_snapshot("Wadlo", "voor", b"Projectnaam;Fase\nWoonvisie;visie\n" * 2000, "inventaris.csv")
    store.close()


@contextlib.contextmanager
def silent_server() -> Iterator[tuple[int, list[socket.socket]]]:
    """A TCP port that accepts connections and never says a word (a hung database server)."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    accepted: list[socket.socket] = []
    stop = threading.Event()

    def serve() -> None:
        listener.settimeout(0.2)
        while not stop.is_set():
            with contextlib.suppress(TimeoutError, OSError):
                accepted.append(listener.accept()[0])

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield listener.getsockname()[1], accepted
    finally:
        stop.set()
        thread.join()
        for conn in accepted:
            conn.close()
        listener.close()


def test_a_hung_postgres_is_tried_once_then_the_breaker_answers() -> None:
    with silent_server() as (port, accepted):
        url = f"postgresql://regie:x@127.0.0.1:{port}/regie"
        with pytest.raises(StorageError, match="antwoordt niet"):
            Store(url)
        tried = len(accepted)
        assert tried >= 1, "the first request really tried the server"
        for _ in range(5):  # five page visits while the breaker is open: no new connection attempt
            with pytest.raises(StorageError, match="probeert het over"):
                Store(url)
        assert len(accepted) == tried
    assert db.CONNECT_TIMEOUT_SECONDS <= 5, "one attempt costs seconds, not the 15–19 s of before"


def test_the_database_is_readable_by_the_servers_user_only(tmp_path: Path) -> None:
    folder = tmp_path / "regierol-per-fase"
    path = folder / "regie.sqlite3"
    with Store(f"sqlite:///{path}") as store:
        store.create_werkruimte("Wadlo")
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    for part in folder.iterdir():
        assert stat.S_IMODE(part.stat().st_mode) & 0o077 == 0, f"{part.name} is readable by others"
