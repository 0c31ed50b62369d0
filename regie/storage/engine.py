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

import math
import os
import random
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import sqlalchemy as sa
from platformdirs import user_data_dir
from sqlalchemy import event
from sqlalchemy.engine import URL, Connection, Engine, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, OperationalError

from regie.errors import StorageError

ENV_URL = "REGIE_DATABASE_URL"
"""Environment variable with the database URL (SQLAlchemy form, e.g. ``postgresql://user:pw@host/db``)."""
ENV_URL_FILE = "REGIE_DATABASE_URL_FILE"
"""Environment variable naming a file whose first line is the database URL (a Docker secret)."""
APP_NAME = "regierol-per-fase"
DB_FILE_NAME = "regie.sqlite3"
BUSY_TIMEOUT_SECONDS = 30.0
"""How long SQLite waits for another writer before reporting "database is locked"."""
RETRY_SECONDS = 120.0
"""How long a write transaction is retried on lock contention before giving up."""
CONNECT_TIMEOUT_SECONDS = 3
"""How long a connection to PostgreSQL may take before the server counts as not answering."""
BREAKER_SECONDS = 30.0
"""After PostgreSQL did not answer, how long every request fails at once instead of waiting again."""

_WRITE = "regie_write"
"""Execution option: this connection's transaction writes (SQLite: BEGIN IMMEDIATE)."""

T = TypeVar("T")


def default_path() -> Path:
    """The default SQLite file: ``<user data dir>/regierol-per-fase/regie.sqlite3``."""
    return Path(user_data_dir(APP_NAME, appauthor=False)) / DB_FILE_NAME


def configured_url() -> str | None:
    """The URL the environment gives: ``REGIE_DATABASE_URL``, else the first line of the file named by
    ``REGIE_DATABASE_URL_FILE`` (a Docker or Kubernetes secret), else None. A secret file that cannot be
    read is a Dutch StorageError naming the variable (never the file's content)."""
    text = (os.environ.get(ENV_URL) or "").strip()
    if text:
        return text
    secret = (os.environ.get(ENV_URL_FILE) or "").strip()
    if not secret:
        return None
    try:
        lines = Path(secret).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise StorageError(
            f"Het bestand met het database-adres ({ENV_URL_FILE}) kan niet worden gelezen. Controleer of het "
            "secret aan de app is gekoppeld en leesbaar is voor de gebruiker van de app."
        ) from exc
    first = next((line.strip() for line in lines if line.strip()), "")
    if not first:
        raise StorageError(f"Het bestand met het database-adres ({ENV_URL_FILE}) is leeg. Zet er het adres in, "
                           "zoals postgresql://gebruiker:wachtwoord@host/database.")
    return first


def resolve_url(url: str | URL | None = None) -> URL:
    """The database URL to use: ``url``, else the environment's (:func:`configured_url`), else the default
    SQLite file."""
    text = url if url is not None else configured_url()
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
    database = url.database
    if database.startswith("file:"):  # a URI filename (uri=true): file:/path?mode=ro
        database = database.removeprefix("file:").split("?", 1)[0]
        if not database or database == ":memory:":
            return None
    return Path(database)


def describe_url(url: str | URL | None = None, *, for_users: bool = False) -> str:
    """Where the data is stored, in Dutch, without password: the file or host for the server's owner
    (the CLI), or with ``for_users`` only the kind of storage (the app's pages and errors never
    show the server's paths or hosts)."""
    resolved = resolve_url(url)
    if for_users:
        if resolved.get_backend_name() == "sqlite":
            return "in de SQLite-database van de app"
        return "in de PostgreSQL-database van de app"
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
    return sa.create_engine(
        resolved, pool_pre_ping=True, pool_timeout=CONNECT_TIMEOUT_SECONDS,
        connect_args={"connect_timeout": CONNECT_TIMEOUT_SECONDS},
    )


def _sqlite_engine(url: URL) -> Engine:
    path = sqlite_file(url)
    if path is not None:
        _private_file(path)
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


def _private_file(path: Path) -> None:
    """Create the database's folder (0700) and file (0600) so that only the server's user can read them.

    SQLite gives its -wal and -shm files the permissions of the database file.
    """
    try:
        created = not path.parent.exists()
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        if created or path.parent.name == APP_NAME:
            os.chmod(path.parent, 0o700)
        if not path.exists():
            os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
        elif path.stat().st_mode & 0o077:
            os.chmod(path, 0o600)
    except PermissionError as exc:
        if path.exists() and os.access(path, os.R_OK):
            return  # a read-only file: reads still work, writes say so (see classify)
        raise StorageError(
            f"De database kan niet worden geopend: de server mag de map {path.parent} niet gebruiken (geen "
            f"rechten). Geef de gebruiker van de server schrijfrechten op die map, of kies een andere plek met {ENV_URL}."
        ) from exc
    except OSError as exc:
        raise StorageError(
            f"De map voor de database ({path.parent}) kan niet worden gemaakt: {exc.strerror}. "
            f"Kies een andere plek met {ENV_URL}."
        ) from exc


class _Breaker:
    """Per database URL: until when requests fail at once because the server did not answer."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._open_until: dict[str, float] = {}

    def check(self, engine: Engine) -> None:
        key = str(engine.url)
        with self._lock:
            until = self._open_until.get(key, 0.0)
        if time.monotonic() < until:
            raise StorageError(
                f"De databaseserver antwoordt niet (opslag {describe_url(engine.url, for_users=True)}). De app probeert het over "
                f"{math.ceil(until - time.monotonic())} seconden opnieuw; controleer intussen of de server draait."
            )

    def trip(self, engine: Engine) -> None:
        with self._lock:
            self._open_until[str(engine.url)] = time.monotonic() + BREAKER_SECONDS

    def reset(self, engine: Engine) -> None:
        with self._lock:
            self._open_until.pop(str(engine.url), None)


_breaker = _Breaker()


def classify(engine: Engine, exc: BaseException) -> StorageError:
    """The Dutch error for a database fault, by what the database said: read-only, full, damaged,
    not answering, or otherwise unusable."""
    text = str(getattr(exc, "orig", None) or exc).lower()
    where = describe_url(engine.url, for_users=True)
    if "readonly" in text or "read-only" in text or "read only" in text:
        return StorageError(
            f"De database is alleen te lezen (opslag {where}): er kan niets worden bewaard of gewijzigd. Geef de "
            "gebruiker van de server schrijfrechten op het bestand en de map, of vraag de beheerder dat te doen."
        )
    if "disk is full" in text or "database or disk is full" in text or "no space left" in text or "disk full" in text:
        return StorageError(
            f"De schijf van de database is vol (opslag {where}): er kan niets worden bewaard. Maak ruimte vrij of "
            "verwijder oude momentopnamen, en probeer het opnieuw."
        )
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return StorageError(
            f"Het databasebestand is beschadigd (opslag {where}). Zet een reservekopie terug, of verplaats het "
            "bestand: de app begint dan met een lege database. Meld het bij de beheerder."
        )
    if engine.dialect.name != "sqlite":
        return StorageError(
            f"De databaseserver antwoordt niet (opslag {where}). Controleer het adres en of de server draait; de "
            f"app probeert het over {int(BREAKER_SECONDS)} seconden opnieuw."
        )
    return unavailable(engine, exc)


def _retryable(exc: DBAPIError) -> bool:
    """Lock contention that a retry can solve (never a constraint or programming error)."""
    text = str(exc.orig).lower() if exc.orig is not None else str(exc).lower()
    if isinstance(exc, OperationalError) and ("database is locked" in text or "database is busy" in text):
        return True
    sqlstate = getattr(exc.orig, "sqlstate", None)
    return sqlstate in ("40001", "40P01")  # serialization failure, deadlock detected


def unavailable(engine: Engine, exc: BaseException) -> StorageError:
    """The Dutch error for a database that cannot be reached or used."""
    where = describe_url(engine.url, for_users=True)
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
    _breaker.check(engine)
    while True:
        try:
            try:
                conn_context = engine.connect()
            except DBAPIError as exc:
                if engine.dialect.name != "sqlite" and not _retryable(exc):
                    _breaker.trip(engine)
                raise
            with conn_context as conn:
                if writes:
                    conn.execution_options(**{_WRITE: True})
                with conn.begin():
                    result = work(conn)
            _breaker.reset(engine)
            return result
        except sa.exc.TimeoutError as exc:  # no connection free in the pool in time
            _breaker.trip(engine)
            raise classify(engine, exc) from exc
        except DBAPIError as exc:
            if not _retryable(exc):
                # OperationalError: unreachable, read-only, full; a bare DatabaseError: a damaged file.
                if isinstance(exc, OperationalError) or exc.connection_invalidated or type(exc) is sa.exc.DatabaseError:
                    raise classify(engine, exc) from exc
                raise
            if time.monotonic() >= deadline:
                raise StorageError(
                    "De database is te lang bezet door een andere gebruiker of een ander proces. Probeer het "
                    "over een minuut opnieuw."
                ) from exc
            time.sleep(pause * (0.5 + random.random()))
            pause = min(pause * 2, 2.0)
