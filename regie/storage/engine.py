"""Where the data lives and how to talk to it: URL resolution, engines and write transactions.

SQLite by default, in a file in the per-user data directory (``platformdirs``; never inside the
program's folder), PostgreSQL when a URL says so. The URL is, in order: the one passed in (the UI
reads ``st.secrets["connections"]["regie"]["url"]``), the environment variable
``REGIE_DATABASE_URL``, the default SQLite file.

SQLite runs in WAL mode with a busy timeout and ``secure_delete``; write transactions start with
``BEGIN IMMEDIATE`` so concurrent writers queue instead of failing half way, and
:func:`write` retries a transaction that still meets "database is locked" (or, on PostgreSQL, a
serialization failure or deadlock).
"""

from __future__ import annotations

import os
import random
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import sqlalchemy as sa
from platformdirs import user_data_dir
from sqlalchemy import event
from sqlalchemy.engine import URL, Connection, Engine, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, OperationalError

from regie.errors import RegieError

ENV_URL = "REGIE_DATABASE_URL"
"""Environment variable with the database URL (SQLAlchemy form, e.g. ``postgresql://user:pw@host/db``)."""
APP_NAME = "regierol-per-fase"
DB_FILE_NAME = "regie.sqlite3"
BUSY_TIMEOUT_SECONDS = 30.0
"""How long SQLite waits for another writer before reporting "database is locked"."""
RETRY_SECONDS = 120.0
"""How long a write transaction is retried on lock contention before giving up."""

_WRITE = "regie_write"
"""Execution option: this connection's transaction writes (SQLite: BEGIN IMMEDIATE)."""

T = TypeVar("T")


class StorageError(RegieError):
    """The database cannot be used (unreachable, locked too long, newer schema, wrong URL)."""


def default_path() -> Path:
    """The default SQLite file: ``<user data dir>/regierol-per-fase/regie.sqlite3``."""
    return Path(user_data_dir(APP_NAME, appauthor=False)) / DB_FILE_NAME


def resolve_url(url: str | URL | None = None) -> URL:
    """The database URL to use: ``url``, else ``REGIE_DATABASE_URL``, else the default SQLite file."""
    text = url if url is not None else (os.environ.get(ENV_URL) or "").strip() or None
    if text is None:
        return URL.create("sqlite", database=str(default_path()))
    try:
        parsed = make_url(text) if isinstance(text, str) else text
    except ArgumentError as exc:
        raise StorageError(
            "Het database-adres is ongeldig. Gebruik de vorm postgresql://gebruiker:wachtwoord@host/database "
            f"of sqlite:////pad/naar/bestand.sqlite3 (in {ENV_URL} of in de instellingen [connections.regie] url)."
        ) from exc
    if parsed.drivername in ("postgres", "postgresql"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    if parsed.get_backend_name() not in ("sqlite", "postgresql"):
        raise StorageError(
            f"Database-soort '{parsed.get_backend_name()}' wordt niet ondersteund. Gebruik SQLite of PostgreSQL."
        )
    return parsed


def is_sqlite(engine: Engine) -> bool:
    """True for a SQLite engine."""
    return engine.dialect.name == "sqlite"


def sqlite_file(url: URL) -> Path | None:
    """The file of a SQLite URL (None for an in-memory database)."""
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return None
    return Path(url.database)


def describe_url(url: str | URL | None = None) -> str:
    """Where the data is stored, in Dutch, without password: for the page and the CLI."""
    resolved = resolve_url(url)
    path = sqlite_file(resolved)
    if resolved.get_backend_name() == "sqlite":
        if path is None:
            return "in het werkgeheugen (SQLite); de gegevens verdwijnen als het programma stopt"
        return f"in een SQLite-bestand op deze computer: {path}"
    host = resolved.host or "localhost"
    port = f":{resolved.port}" if resolved.port else ""
    return f"in de PostgreSQL-database '{resolved.database or ''}' op {host}{port}"


def create(url: str | URL | None = None) -> Engine:
    """An engine for the URL, configured for safe concurrent use (no schema changes here)."""
    resolved = resolve_url(url)
    if resolved.get_backend_name() == "sqlite":
        return _sqlite_engine(resolved)
    return sa.create_engine(resolved, pool_pre_ping=True, connect_args={"connect_timeout": 15})


def _sqlite_engine(url: URL) -> Engine:
    path = sqlite_file(url)
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StorageError(
                f"De map voor de database ({path.parent}) kan niet worden gemaakt: {exc.strerror}. "
                f"Kies een andere plek met {ENV_URL}."
            ) from exc
    engine = sa.create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_SECONDS, "check_same_thread": False})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # SQLAlchemy emits BEGIN itself (below), so sqlite3's own transaction handling is off.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_SECONDS * 1000)}")
            if path is not None:
                cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = FULL")
            cursor.execute("PRAGMA foreign_keys = ON")
            cursor.execute("PRAGMA secure_delete = ON")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        immediate = conn.get_execution_options().get(_WRITE, False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


def _retryable(exc: DBAPIError) -> bool:
    """Lock contention that a retry can solve (never a constraint or programming error)."""
    text = str(exc.orig).lower() if exc.orig is not None else str(exc).lower()
    if isinstance(exc, OperationalError) and ("database is locked" in text or "database is busy" in text):
        return True
    sqlstate = getattr(exc.orig, "sqlstate", None)
    return sqlstate in ("40001", "40P01")  # serialization failure, deadlock detected


def unavailable(engine: Engine, exc: BaseException) -> StorageError:
    """The Dutch error for a database that cannot be reached or used."""
    where = describe_url(engine.url)
    return StorageError(
        f"De database is niet bereikbaar of niet bruikbaar (opslag {where}). Controleer het adres en of "
        "de databaseserver draait, en probeer het opnieuw."
    )


def write(engine: Engine, work: Callable[[Connection], T], retry_seconds: float = RETRY_SECONDS) -> T:
    """Run ``work`` in one write transaction: all of it is committed, or nothing.

    On lock contention the whole transaction is rolled back and run again (with a growing, jittered
    pause) until ``retry_seconds`` have passed. Errors raised by ``work`` roll back and propagate.
    """
    return _run(engine, work, True, retry_seconds)


def read(engine: Engine, work: Callable[[Connection], T], retry_seconds: float = RETRY_SECONDS) -> T:
    """Run ``work`` in one read transaction (a consistent view), retried like :func:`write`."""
    return _run(engine, work, False, retry_seconds)


def _run(engine: Engine, work: Callable[[Connection], T], writes: bool, retry_seconds: float) -> T:
    deadline = time.monotonic() + retry_seconds
    pause = 0.05
    while True:
        try:
            with engine.connect() as conn:
                if writes:
                    conn.execution_options(**{_WRITE: True})
                with conn.begin():
                    return work(conn)
        except DBAPIError as exc:
            if not _retryable(exc):
                if isinstance(exc, OperationalError) or exc.connection_invalidated:
                    raise unavailable(engine, exc) from exc
                raise
            if time.monotonic() >= deadline:
                raise StorageError(
                    "De database is te lang bezet door een andere gebruiker of een ander proces. Probeer het "
                    "over een minuut opnieuw."
                ) from exc
            time.sleep(pause * (0.5 + random.random()))
            pause = min(pause * 2, 2.0)
