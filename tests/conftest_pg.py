"""Database fixtures for the storage tests: a real SQLite file and a real PostgreSQL server.

Import them in a test module with plain assignments (``db_url = conftest_pg.db_url``).

``postgres_server_url`` (session)
    ``REGIE_TEST_POSTGRES_URL`` when set (``.ci/run`` starts a server and sets it); else a throwaway
    server started here (:mod:`pg_server`). Skips, with the reason, only when no server can be started.
``postgres_url``
    a fresh, empty database on that server for one test (dropped afterwards).
``db_url``
    parametrised: a SQLite file in ``tmp_path``, and ``postgres_url``.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pg_server
import pytest
from sqlalchemy.engine import make_url

ENV = "REGIE_TEST_POSTGRES_URL"


@pytest.fixture(scope="session")
def postgres_server_url() -> Iterator[str]:
    """The URL of a running PostgreSQL test server (its own database)."""
    given = os.environ.get(ENV, "").strip()
    if given:
        yield given
        return
    try:
        server = pg_server.start()
    except pg_server.Unavailable as exc:
        reason = f"PostgreSQL-tests overgeslagen: geen server beschikbaar ({exc}); zet {ENV} om een bestaande te gebruiken"
        print(reason)
        pytest.skip(reason)
    try:
        yield server.url
    finally:
        server.stop()


def _psycopg_kwargs(url: str) -> dict[str, object]:
    parsed = make_url(url)
    return {
        "host": parsed.host or "127.0.0.1", "port": parsed.port or 5432, "user": parsed.username,
        "password": parsed.password, "dbname": parsed.database, "autocommit": True, "connect_timeout": 10,
    }


@pytest.fixture
def postgres_url(postgres_server_url: str) -> Iterator[str]:
    """A new empty database for one test; its URL (password included)."""
    import psycopg

    name = f"regie_t_{uuid.uuid4().hex[:12]}"
    admin = _psycopg_kwargs(postgres_server_url)
    url = make_url(postgres_server_url)
    if url.drivername in ("postgres", "postgresql"):
        url = url.set(drivername="postgresql+psycopg")
    try:
        with psycopg.connect(**admin) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
    except psycopg.errors.InsufficientPrivilege:
        # A given server where we may not create databases: empty our tables in its database instead.
        with psycopg.connect(**admin) as conn:
            from regie.storage.schema import TABLES

            for table in reversed(TABLES):  # every table of the schema, dependants first
                conn.execute(f"DROP TABLE IF EXISTS {table} CASCADE")
        yield url.render_as_string(hide_password=False)
        return
    try:
        yield url.set(database=name).render_as_string(hide_password=False)
    finally:
        with psycopg.connect(**admin) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: os.PathLike[str]) -> str:
    """A database URL: a SQLite file, then a PostgreSQL database."""
    if request.param == "sqlite":
        return f"sqlite:///{os.fspath(tmp_path)}/regie.sqlite3"
    return str(request.getfixturevalue("postgres_url"))
