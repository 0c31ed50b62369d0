"""Werkruimtes and snapshots against a real SQLite file and a real PostgreSQL server.

Every test that takes ``db_url`` runs twice: SQLite (a file in tmp_path) and PostgreSQL (a fresh
database on the server of ``conftest_pg``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path

import conftest_pg
import pytest
import sqlalchemy as sa
import storage_fixtures as fx
from realistic import small_csv_dutch_excel, small_ods, small_xls, small_xlsx

from regie import analyse, map_inventory, read_workbook
from regie.storage import (
    ENV_URL,
    DuplicateError,
    InvalidNameError,
    StorageError,
    Store,
    UnknownSnapshotError,
    UnknownWerkruimteError,
    default_path,
    describe_url,
    resolve_url,
)
from regie.storage.schema import TABLES

postgres_server_url = conftest_pg.postgres_server_url
postgres_url = conftest_pg.postgres_url
db_url = conftest_pg.db_url

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "data" / "voorbeeld_inventaris.xlsx"


@pytest.fixture
def store(db_url: str):
    with Store(db_url) as opened:
        yield opened


def analysis_of(data: bytes, name: str, mappings=None, accepted=None) -> dict:
    """The analysis as the dashboard computes it, through JSON (as stored)."""
    result = analyse(map_inventory(read_workbook(data, name), mappings, accepted))
    return json.loads(json.dumps(result, ensure_ascii=False))


WERKPLAATS_EMPTY = {t: 0 for t in TABLES if t.startswith("werkplaats") or t in ("access_attempts", "afspraken", "werkhulp_answers")}
"""The werkplaats tables (schema v4), empty here; tests/test_werkplaats.py covers their deletion."""


def row_counts(store: Store) -> dict[str, int]:
    with store.engine.connect() as conn:
        return {t: conn.execute(sa.text(f"SELECT COUNT(*) FROM {t}")).scalar_one() for t in TABLES}


# --------------------------------------------------------------------------------------------
# Where the data lives
# --------------------------------------------------------------------------------------------


def test_default_is_sqlite_in_the_user_data_dir_outside_the_repository(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ENV_URL, raising=False)
    url = resolve_url()
    assert url.get_backend_name() == "sqlite"
    path = Path(url.database)
    assert path == default_path()
    assert "regierol-per-fase" in path.parts
    assert ROOT not in path.parents


def test_environment_variable_wins_over_the_default(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(ENV_URL, f"sqlite:///{tmp_path}/env.sqlite3")
    assert resolve_url().database == f"{tmp_path}/env.sqlite3"
    assert resolve_url(f"sqlite:///{tmp_path}/given.sqlite3").database == f"{tmp_path}/given.sqlite3"


@pytest.mark.parametrize(("given", "driver"), [
    ("postgresql://u:p@db.example.org/regie", "postgresql+psycopg"),
    ("postgres://u:p@db.example.org/regie", "postgresql+psycopg"),
    ("postgresql+psycopg://u:p@db.example.org/regie", "postgresql+psycopg"),
    ("sqlite:////tmp/x.sqlite3", "sqlite"),
])
def test_urls_use_the_installed_drivers(given: str, driver: str) -> None:
    assert resolve_url(given).drivername == driver


@pytest.mark.parametrize("given", ["geen url", "mysql://u:p@h/db"])
def test_unusable_url_is_a_dutch_error(given: str) -> None:
    with pytest.raises(StorageError, match=r"[Dd]atabase"):
        resolve_url(given)


def test_location_never_shows_the_password() -> None:
    text = describe_url("postgresql://regie:geheim123@db.example.org:5433/regie")
    assert "geheim123" not in text and "db.example.org:5433" in text and "PostgreSQL" in text


def test_sqlite_file_and_folders_are_created_on_first_use(tmp_path: Path) -> None:
    path = tmp_path / "nieuw" / "dieper" / "regie.sqlite3"
    with Store(f"sqlite:///{path}") as store:
        assert path.exists() and store.werkruimtes() == []
        assert str(path) in store.location
        with store.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"


# --------------------------------------------------------------------------------------------
# Round trip: save → load → the same analysis
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "build"), [
    ("voorbeeld_inventaris.xlsx", lambda: EXAMPLE.read_bytes()),
    ("klein.xlsx", small_xlsx),
    ("klein.csv", small_csv_dutch_excel),
    ("klein.ods", small_ods),
    ("klein.xls", small_xls),
    ("persoonlijk.xlsx", fx.personal_xlsx),
])
@pytest.mark.parametrize("keep", [False, True], ids=["zonder-persoonsgegevens", "met-persoonsgegevens"])
def test_round_trip_reproduces_the_analysis(store: Store, name: str, build, keep: bool) -> None:
    data = build()
    mappings = {"fase": {"afronding": "uitvoering"}}
    saved = store.save_snapshot("Gemeente Wadlo", "voor", data, name, value_mappings=mappings,
                                keep_personal_data=keep)
    snapshot = store.load_snapshot("Gemeente Wadlo", "voor")
    assert snapshot.analysis == saved.analysis
    assert snapshot.reproduces()
    assert analysis_of(snapshot.data, name, mappings) == saved.analysis
    original = analysis_of(data, name, mappings)
    if keep:
        assert snapshot.data == data and saved.analysis == original
    else:
        counted = {k: v for k, v in original.items() if k not in ("issues", "rows")}
        assert {k: v for k, v in saved.analysis.items() if k not in ("issues", "rows")} == counted
    assert snapshot.info.sha256 == hashlib.sha256(data).hexdigest()
    assert snapshot.info.personal_data is keep
    assert snapshot.value_mappings == mappings
    assert snapshot.info.projects == original["counts"]["projects"]


def test_accepted_suggestions_are_part_of_the_snapshot(store: Store) -> None:
    data = EXAMPLE.read_bytes()
    raw = read_workbook(data, EXAMPLE.name)
    suggestion = map_inventory(raw).suggestions.iloc[0]
    accepted = {suggestion["project"]: [suggestion["element"]]}
    before = analysis_of(data, EXAMPLE.name)
    saved = store.save_snapshot("Wadlo", "met suggestie", data, EXAMPLE.name, accepted_elements=accepted)
    assert saved.analysis["elements"] != before["elements"]
    snapshot = store.load_snapshot("Wadlo", "met suggestie")
    assert snapshot.accepted_elements == accepted
    assert snapshot.reproduces()
    inventory = snapshot.inventory()
    chosen = inventory.elements[inventory.elements["project"] == suggestion["project"]]
    assert suggestion["element"] in set(chosen["element"])


def test_reproduces_reports_a_changed_analysis(store: Store) -> None:
    store.save_snapshot("Wadlo", "voor", small_xlsx(), "klein.xlsx")
    snapshot = store.load_snapshot("Wadlo", "voor")
    other = map_inventory(read_workbook(fx.voor_xlsx(), "klein.xlsx"))
    assert snapshot.reproduces() and not snapshot.reproduces(other)


def test_a_damaged_stored_file_is_detected(store: Store) -> None:
    store.save_snapshot("Wadlo", "voor", small_xlsx(), "klein.xlsx")
    with store.engine.begin() as conn:
        conn.execute(sa.text("UPDATE snapshot_files SET data = :d"), {"d": b"kapot"})
    with pytest.raises(StorageError, match="beschadigd"):
        store.load_snapshot("Wadlo", "voor")


# --------------------------------------------------------------------------------------------
# Werkruimtes, labels, notes, mappings
# --------------------------------------------------------------------------------------------


def test_werkruimtes_create_rename_list_delete(store: Store) -> None:
    created = store.create_werkruimte("  Gemeente   Wadlo ")
    assert created.name == "Gemeente Wadlo" and created.snapshots == 0
    assert created.created.tzinfo is not None
    with pytest.raises(DuplicateError, match="al een werkruimte"):
        store.create_werkruimte("gemeente wadlo")
    store.create_werkruimte("Gemeente Veenland")
    store.save_snapshot("Gemeente Wadlo", "voor", small_xlsx(), "klein.xlsx")
    renamed = store.rename_werkruimte("gemeente wadlo", "Wadlo (sociaal domein)")
    assert renamed.snapshots == 1
    with pytest.raises(DuplicateError):
        store.rename_werkruimte("Wadlo (sociaal domein)", "GEMEENTE VEENLAND")
    assert [w.name for w in store.werkruimtes()] == ["Gemeente Veenland", "Wadlo (sociaal domein)"]
    assert store.snapshots("Wadlo (sociaal domein)")[0].werkruimte == "Wadlo (sociaal domein)"
    assert store.delete_werkruimte("Wadlo (sociaal domein)") == 1
    assert [w.name for w in store.werkruimtes()] == ["Gemeente Veenland"]


@pytest.mark.parametrize("name", ["", "   ", "x" * 201])
def test_names_must_be_usable(store: Store, name: str) -> None:
    with pytest.raises(InvalidNameError):
        store.create_werkruimte(name)


def test_labels_are_unique_per_werkruimte_ignoring_case(store: Store) -> None:
    store.save_snapshot("Wadlo", "Voor", small_xlsx(), "klein.xlsx")
    with pytest.raises(DuplicateError, match="al een momentopname 'voor'"):
        store.save_snapshot("Wadlo", "voor", small_xlsx(), "klein.xlsx")
    store.save_snapshot("Veenland", "voor", small_xlsx(), "klein.xlsx")
    assert store.load_snapshot("wadlo", "VOOR").info.label == "Voor"


def test_unknown_names_list_what_exists(store: Store) -> None:
    with pytest.raises(UnknownWerkruimteError, match="nog geen werkruimtes"):
        store.snapshots("Wadlo")
    store.save_snapshot("Wadlo", "voor", small_xlsx(), "klein.xlsx")
    store.save_snapshot("Wadlo", "na", small_xlsx(), "klein.xlsx")
    with pytest.raises(UnknownWerkruimteError, match="Bestaande werkruimtes: 'Wadlo'"):
        store.load_snapshot("Veenland", "voor")
    with pytest.raises(UnknownSnapshotError, match="Wel aanwezig: 'voor', 'na'"):
        store.load_snapshot("Wadlo", "tussendoor")
    with pytest.raises(UnknownSnapshotError):
        store.delete_snapshot("Wadlo", "tussendoor")


def test_the_first_save_creates_the_werkruimte(store: Store) -> None:
    assert store.save_snapshot("Wadlo", "voor", small_xlsx(), "klein.xlsx").created_werkruimte is True
    assert store.save_snapshot("WADLO", "na", small_xlsx(), "klein.xlsx").created_werkruimte is False
    assert [w.name for w in store.werkruimtes()] == ["Wadlo"]


def test_save_without_creating_needs_an_existing_werkruimte(store: Store) -> None:
    with pytest.raises(UnknownWerkruimteError):
        store.save_snapshot("Wadlo", "voor", small_xlsx(), "klein.xlsx", create_werkruimte=False)
    assert store.werkruimtes() == []


def test_list_shows_headline_numbers_oldest_first(store: Store) -> None:
    first = store.save_snapshot("Wadlo", "voor", fx.voor_xlsx(), "voor.xlsx", notes="Eerste werkplaats")
    second = store.save_snapshot("Wadlo", "na", fx.na_xlsx(), "na.xlsx")
    store.save_snapshot("Aa en Hunze", "start", small_xlsx(), "klein.xlsx")
    items = store.snapshots("Wadlo")
    assert [i.label for i in items] == ["voor", "na"]
    assert items[0].created <= items[1].created
    assert items[0].created.tzinfo == dt.UTC
    assert items[0].notes == "Eerste werkplaats"
    assert items[0].projects == first.info.projects == 4
    assert items[1].headline["phases"] == second.analysis["phases"]
    assert items[0].size > 0 and items[0].file_name == "voor.xlsx"
    assert [i.werkruimte for i in store.snapshots()] == ["Aa en Hunze", "Wadlo", "Wadlo"]
    row = items[0].to_dict()
    assert set(row) >= {"werkruimte", "label", "tijd", "bestand", "projects"}
    assert dt.datetime.fromisoformat(row["tijd"]).utcoffset() == dt.timedelta(0)


def test_notes_can_be_written_later(store: Store) -> None:
    store.save_snapshot("Wadlo", "voor", small_xlsx(), "klein.xlsx")
    store.set_notes("Wadlo", "voor", "Duiding: de gemeente <b>regisseert</b> vooral in de visiefase.")
    assert store.load_snapshot("Wadlo", "voor").info.notes.startswith("Duiding: de gemeente <b>")


def test_value_mappings_are_reapplied_to_the_next_upload(store: Store) -> None:
    first = fx.numbered_xlsx(3)
    unmapped = analysis_of(first, "een.xlsx")
    assert unmapped["phases"]["onbekend"] == 1
    store.save_snapshot("Wadlo", "voor", first, "een.xlsx", value_mappings={"fase": {"afronding": "uitvoering"}})
    mappings = store.mappings_for("Wadlo")
    assert mappings == {"fase": {"afronding": "uitvoering"}}
    following = analysis_of(fx.numbered_xlsx(5, "b"), "twee.xlsx", mappings)
    assert following["phases"]["onbekend"] == 0 and following["phases"]["uitvoering"] == 1
    store.set_mapping("Wadlo", "rol", "trekker", "regisseur")
    store.set_mapping("Wadlo", "fase", "afronding", "beleid")
    assert store.mappings_for("wadlo") == {"fase": {"afronding": "beleid"}, "rol": {"trekker": "regisseur"}}
    store.set_mapping("Wadlo", "rol", "trekker", None)
    assert store.mappings_for("Wadlo") == {"fase": {"afronding": "beleid"}}
    assert store.werkruimtes()[0].mappings == 1


@pytest.mark.parametrize(("field", "code"), [("fase", "afronding"), ("kleur", "rood")])
def test_invalid_mappings_are_refused(store: Store, field: str, code: str) -> None:
    store.create_werkruimte("Wadlo")
    with pytest.raises(InvalidNameError):
        store.set_mapping("Wadlo", field, "iets", code)
    with pytest.raises(InvalidNameError):
        store.save_snapshot("Wadlo", "voor", small_xlsx(), "klein.xlsx", value_mappings={field: {"iets": code}})


def test_an_unreadable_file_is_refused_before_anything_is_stored(store: Store) -> None:
    with pytest.raises(Exception, match="geen"):
        store.save_snapshot("Wadlo", "voor", b"geen werkmap", "kapot.xlsx")
    assert store.werkruimtes() == []


# --------------------------------------------------------------------------------------------
# Deleting
# --------------------------------------------------------------------------------------------


def test_deleting_a_werkruimte_removes_all_its_rows(store: Store) -> None:
    for label in ("voor", "na"):
        store.save_snapshot("Wadlo", label, small_xlsx(), "klein.xlsx", value_mappings={"rol": {"trekker": "regisseur"}})
    store.save_snapshot("Veenland", "voor", small_xlsx(), "klein.xlsx")
    assert row_counts(store) | {"schema_version": 0} == {
        "schema_version": 0, "werkruimtes": 2, "snapshots": 3, "snapshot_files": 3, "werkruimte_mappings": 1,
        **WERKPLAATS_EMPTY,
    }
    assert store.delete_werkruimte("wadlo") == 2
    assert row_counts(store) | {"schema_version": 0} == {
        "schema_version": 0, "werkruimtes": 1, "snapshots": 1, "snapshot_files": 1, "werkruimte_mappings": 0,
        **WERKPLAATS_EMPTY,
    }
    with pytest.raises(UnknownWerkruimteError):
        store.delete_werkruimte("Wadlo")


def test_deleting_a_snapshot_keeps_the_others(store: Store) -> None:
    store.save_snapshot("Wadlo", "voor", small_xlsx(), "klein.xlsx")
    store.save_snapshot("Wadlo", "na", small_xlsx(), "klein.xlsx")
    store.delete_snapshot("Wadlo", "VOOR")
    assert [s.label for s in store.snapshots("Wadlo")] == ["na"]
    assert row_counts(store)["snapshot_files"] == 1
    store.save_snapshot("Wadlo", "voor", small_xlsx(), "klein.xlsx")  # the label is free again


# --------------------------------------------------------------------------------------------
# Compare through the store
# --------------------------------------------------------------------------------------------


def test_compare_two_snapshots(store: Store) -> None:
    store.save_snapshot("Wadlo", "voor", fx.voor_xlsx(), "voor.xlsx")
    store.save_snapshot("Wadlo", "na", fx.na_xlsx(), "na.xlsx")
    comparison = store.compare("Wadlo", "voor", "na")
    assert comparison.added == ["Wijkteam Noord"] and comparison.removed == ["Mantelzorgbeleid"]
    assert [c.name for c in comparison.changed] == ["Woonvisie 2030", "Sportakkoord Wadlo"]
    assert comparison.a == store.load_snapshot("Wadlo", "voor").analysis


def test_a_newer_schema_is_refused(db_url: str) -> None:
    with Store(db_url) as store, store.engine.begin() as conn:
        conn.execute(sa.text("INSERT INTO schema_version (version, applied_at) VALUES (99, :t)"),
                     {"t": dt.datetime(2030, 1, 1)})
    with pytest.raises(StorageError, match="nieuwer"):
        Store(db_url)


def test_without_postgresql_programs_the_fixture_reason_is_clear(monkeypatch: pytest.MonkeyPatch) -> None:
    import pg_server

    monkeypatch.setattr(pg_server, "find_bindir", lambda: None)
    with pytest.raises(pg_server.Unavailable, match="postgresql"):
        pg_server.start()


# --------------------------------------------------------------------------------------------
# Write transactions: retried on lock contention, never on other errors
# --------------------------------------------------------------------------------------------


def _locked() -> sa.exc.OperationalError:
    import sqlite3

    return sa.exc.OperationalError("INSERT ...", {}, sqlite3.OperationalError("database is locked"))


def test_a_locked_database_is_retried_until_the_transaction_lands(tmp_path: Path) -> None:
    from regie.storage import engine as db

    engine = db.create(f"sqlite:///{tmp_path}/regie.sqlite3")
    calls = []

    def work(conn: sa.Connection) -> str:
        calls.append(1)
        conn.exec_driver_sql("CREATE TABLE IF NOT EXISTS t (x INTEGER)")
        conn.exec_driver_sql("INSERT INTO t VALUES (1)")
        if len(calls) < 3:
            raise _locked()
        return "klaar"

    assert db.write(engine, work) == "klaar" and len(calls) == 3
    with engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT COUNT(*) FROM t").scalar() == 1  # the failed attempts left nothing
    engine.dispose()


def test_lock_contention_that_lasts_too_long_is_a_dutch_error(tmp_path: Path) -> None:
    from regie.storage import engine as db

    engine = db.create(f"sqlite:///{tmp_path}/regie.sqlite3")

    def work(conn: sa.Connection) -> None:
        raise _locked()

    with pytest.raises(StorageError, match="te lang bezet"):
        db.write(engine, work, retry_seconds=0.3)
    engine.dispose()


def test_other_database_errors_are_not_retried(tmp_path: Path) -> None:
    from regie.storage import engine as db

    engine = db.create(f"sqlite:///{tmp_path}/regie.sqlite3")
    calls = []

    def work(conn: sa.Connection) -> None:
        calls.append(1)
        conn.exec_driver_sql("CREATE TABLE u (x INTEGER UNIQUE)")
        conn.exec_driver_sql("INSERT INTO u VALUES (1)")
        conn.exec_driver_sql("INSERT INTO u VALUES (1)")

    with pytest.raises(sa.exc.IntegrityError):
        db.write(engine, work)
    assert len(calls) == 1
    engine.dispose()
