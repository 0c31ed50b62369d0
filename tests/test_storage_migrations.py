"""The versioned schema: a new database gets every step, an older one upgrades in place, atomically."""

from __future__ import annotations

import datetime as dt
import hashlib
import json

import conftest_pg
import pytest
import sqlalchemy as sa
import storage_fixtures as fx

from regie import analyse, map_inventory, read_workbook
from regie.storage import SCHEMA_VERSION, Store, migrations
from regie.storage import engine as db
from regie.storage.schema import metadata

postgres_server_url = conftest_pg.postgres_server_url
postgres_url = conftest_pg.postgres_url
db_url = conftest_pg.db_url

# A version-1 database as the first release wrote it, by hand (not through the migration code).
V1_SQLITE = """
CREATE TABLE schema_version (version INTEGER NOT NULL PRIMARY KEY, applied_at DATETIME NOT NULL);
CREATE TABLE werkruimtes (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(200) NOT NULL,
    name_key VARCHAR(200) NOT NULL UNIQUE, created_at DATETIME NOT NULL);
CREATE TABLE snapshots (id INTEGER NOT NULL PRIMARY KEY,
    werkruimte_id INTEGER NOT NULL REFERENCES werkruimtes (id) ON DELETE CASCADE,
    label VARCHAR(200) NOT NULL, label_key VARCHAR(200) NOT NULL, created_at DATETIME NOT NULL,
    file_name VARCHAR(500) NOT NULL, sha256 VARCHAR(64) NOT NULL, value_mappings TEXT NOT NULL,
    accepted_elements TEXT NOT NULL, analysis TEXT NOT NULL,
    CONSTRAINT uq_snapshots_werkruimte_label UNIQUE (werkruimte_id, label_key));
CREATE TABLE snapshot_files (snapshot_id INTEGER NOT NULL PRIMARY KEY
    REFERENCES snapshots (id) ON DELETE CASCADE, data BLOB NOT NULL, size INTEGER NOT NULL, sha256 VARCHAR(64) NOT NULL);
CREATE TABLE werkruimte_mappings (werkruimte_id INTEGER NOT NULL REFERENCES werkruimtes (id) ON DELETE CASCADE,
    field VARCHAR(50) NOT NULL, original VARCHAR(500) NOT NULL, code VARCHAR(50) NOT NULL,
    updated_at DATETIME NOT NULL, PRIMARY KEY (werkruimte_id, field, original));
"""
V1_POSTGRES = (
    V1_SQLITE.replace("id INTEGER NOT NULL PRIMARY KEY, name", "id SERIAL PRIMARY KEY, name")
    .replace("(id INTEGER NOT NULL PRIMARY KEY,\n", "(id SERIAL PRIMARY KEY,\n")
    .replace("DATETIME", "TIMESTAMP WITHOUT TIME ZONE").replace("BLOB", "BYTEA")
)


def make_v1(url: str, data: bytes, name: str) -> dict:
    """A hand-made version-1 database with one werkruimte, one snapshot and one mapping."""
    mappings = {"fase": {"afronding": "uitvoering"}}
    analysis = json.loads(json.dumps(analyse(map_inventory(read_workbook(data, name), mappings))))
    engine = sa.create_engine(db.resolve_url(url))
    ddl = V1_POSTGRES if engine.dialect.name == "postgresql" else V1_SQLITE
    when = dt.datetime(2026, 11, 12, 9, 30)
    with engine.begin() as conn:
        for statement in filter(str.strip, ddl.split(";")):
            conn.exec_driver_sql(statement)
        conn.execute(sa.text("INSERT INTO schema_version VALUES (1, :t)"), {"t": when})
        conn.execute(sa.text("INSERT INTO werkruimtes (name, name_key, created_at) VALUES ('Gemeente Wadlo', "
                             "'gemeente wadlo', :t)"), {"t": when})
        conn.execute(sa.text(
            "INSERT INTO snapshots (werkruimte_id, label, label_key, created_at, file_name, sha256, value_mappings, "
            "accepted_elements, analysis) VALUES (1, 'Werkplaats 12 november', 'werkplaats 12 november', :t, :f, "
            ":s, :m, '{}', :a)"),
            {"t": when, "f": name, "s": hashlib.sha256(data).hexdigest(), "m": json.dumps(mappings),
             "a": json.dumps(analysis)})
        conn.execute(sa.text("INSERT INTO snapshot_files VALUES (1, :d, :n, :s)"),
                     {"d": data, "n": len(data), "s": hashlib.sha256(data).hexdigest()})
        conn.execute(sa.text("INSERT INTO werkruimte_mappings VALUES (1, 'fase', 'afronding', 'uitvoering', :t)"),
                     {"t": when})
    engine.dispose()
    return analysis


def columns_of(engine: sa.Engine) -> dict[str, set[str]]:
    inspector = sa.inspect(engine)
    return {t: {c["name"] for c in inspector.get_columns(t)} for t in inspector.get_table_names()}


def test_the_migrations_are_numbered_in_order() -> None:
    numbers = [number for number, _what, _step in migrations.MIGRATIONS]
    assert numbers == list(range(1, len(numbers) + 1)) and SCHEMA_VERSION == numbers[-1] >= 2


def test_a_new_database_gets_every_step_and_matches_the_tables(db_url: str) -> None:
    with Store(db_url) as store:
        assert store.version == SCHEMA_VERSION
        with store.engine.connect() as conn:
            applied = conn.execute(sa.text("SELECT version FROM schema_version ORDER BY version")).scalars().all()
        assert applied == list(range(1, SCHEMA_VERSION + 1))
        expected = {name: {c.name for c in table.columns} for name, table in metadata.tables.items()}
        assert columns_of(store.engine) == expected


def test_opening_twice_changes_nothing(db_url: str) -> None:
    Store(db_url).close()
    with Store(db_url) as store, store.engine.connect() as conn:
        assert conn.execute(sa.text("SELECT COUNT(*) FROM schema_version")).scalar_one() == SCHEMA_VERSION


def test_a_version_1_database_upgrades_in_place(db_url: str) -> None:
    data = fx.numbered_xlsx(4)
    saved = make_v1(db_url, data, "werkplaats.xlsx")
    with Store(db_url) as store:
        assert store.version == SCHEMA_VERSION
        [info] = store.snapshots("Gemeente Wadlo")
        assert info.label == "Werkplaats 12 november"
        assert info.created == dt.datetime(2026, 11, 12, 9, 30, tzinfo=dt.UTC)
        assert info.notes == ""
        assert info.personal_data is True  # version 1 stored files as uploaded
        assert info.projects == 4 and info.headline["phases"] == saved["phases"]  # filled in by step 3
        snapshot = store.load_snapshot("Gemeente Wadlo", "werkplaats 12 november")
        assert snapshot.data == data and snapshot.analysis == saved and snapshot.reproduces()
        assert store.mappings_for("Gemeente Wadlo") == {"fase": {"afronding": "uitvoering"}}
        store.set_notes("Gemeente Wadlo", "Werkplaats 12 november", "Na de upgrade geschreven")
        new = store.save_snapshot("Gemeente Wadlo", "na", fx.numbered_xlsx(6), "na.xlsx")
        assert new.info.personal_data is False
        assert [s.label for s in store.snapshots("Gemeente Wadlo")] == ["Werkplaats 12 november", "na"]
        expected = {name: {c.name for c in table.columns} for name, table in metadata.tables.items()}
        assert columns_of(store.engine) == expected


def test_steps_can_be_applied_one_at_a_time(db_url: str) -> None:
    make_v1(db_url, fx.numbered_xlsx(2), "x.xlsx")
    engine = db.create(db_url)
    try:
        assert migrations.migrate(engine, target=2) == 2
        assert "notes" in columns_of(engine)["snapshots"] and "headline" not in columns_of(engine)["snapshots"]
        assert migrations.migrate(engine) == SCHEMA_VERSION
        assert "headline" in columns_of(engine)["snapshots"]
    finally:
        engine.dispose()


def test_a_failing_step_leaves_the_old_version_untouched(db_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    make_v1(db_url, fx.numbered_xlsx(2), "x.xlsx")

    def broken(conn: sa.Connection) -> None:
        raise RuntimeError("stroom uitgevallen midden in de migratie")

    steps = list(migrations.MIGRATIONS)
    monkeypatch.setattr(migrations, "MIGRATIONS", (*steps, (SCHEMA_VERSION + 1, "kapot", broken)))
    monkeypatch.setattr(migrations, "LATEST", SCHEMA_VERSION + 1)
    engine = db.create(db_url)
    try:
        with pytest.raises(RuntimeError):
            migrations.migrate(engine)
        with engine.connect() as conn:
            assert migrations.current_version(conn) == 1
        assert "notes" not in columns_of(engine)["snapshots"]  # step 2 rolled back with the rest
    finally:
        engine.dispose()
    monkeypatch.undo()
    with Store(db_url) as store:
        assert store.version == SCHEMA_VERSION and len(store.snapshots()) == 1
