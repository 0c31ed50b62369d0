"""regie.storage.access on SQLite and PostgreSQL: a werkruimte is private to whoever holds its key or is on
the access list; refusals never say whether a name exists; failed attempts are limited per scope."""

from __future__ import annotations

import datetime as dt

import conftest_pg
import pytest
import storage_fixtures as fx

from regie.errors import AccessDeniedError, TooManyAttemptsError
from regie.storage import Store
from regie.storage import access as acc
from regie.storage.access import Access

postgres_server_url = conftest_pg.postgres_server_url
postgres_url = conftest_pg.postgres_url
db_url = conftest_pg.db_url


@pytest.fixture
def store(db_url: str):
    with Store(db_url) as opened:
        yield opened


@pytest.fixture
def two(store: Store) -> dict[str, str]:
    """Two gemeenten's werkruimtes, each with a snapshot; their keys by name."""
    made = {}
    for name in ("Wadlo", "Veenland"):
        _info, key = store.create_werkruimte_with_key(name)
        store.save_snapshot(name, "voor", fx.voor_xlsx(), "voor.xlsx")
        made[name] = key
    return made


def test_an_outsider_sees_loads_and_changes_nothing(store: Store, two: dict[str, str]) -> None:
    outsider = Access(store, set())
    assert outsider.werkruimtes() == []
    for attempt in (
        lambda: outsider.snapshots("Wadlo"),
        lambda: outsider.load_snapshot("Wadlo", "voor"),
        lambda: outsider.compare("Wadlo", "voor", "voor"),
        lambda: outsider.delete_snapshot("Wadlo", "voor"),
        lambda: outsider.delete_werkruimte("Wadlo"),
        lambda: outsider.rename_werkruimte("Wadlo", "Van mij"),
        lambda: outsider.new_key("Wadlo"),
        lambda: outsider.set_notes("Wadlo", "voor", "gezien"),
        lambda: outsider.mappings_for("Wadlo"),
        lambda: outsider.set_mapping("Wadlo", "rol", "trekker", "regisseur"),
        lambda: outsider.save_snapshot("Wadlo", "van mij", fx.voor_xlsx(), "x.xlsx"),
    ):
        with pytest.raises(AccessDeniedError) as raised:
            attempt()
        assert str(raised.value) == acc.NO_ACCESS
    assert [w.name for w in store.werkruimtes()] == ["Veenland", "Wadlo"]
    assert [s.label for s in store.snapshots("Wadlo")] == ["voor"]


def test_the_key_opens_one_werkruimte_and_only_that_one(store: Store, two: dict[str, str]) -> None:
    session = Access(store, set())
    assert session.open("  wadlo ", two["Wadlo"].lower()).name == "Wadlo"
    assert [w.name for w in session.werkruimtes()] == ["Wadlo"]
    assert session.load_snapshot("Wadlo", "voor").info.label == "voor"
    with pytest.raises(AccessDeniedError):
        session.snapshots("Veenland")
    with pytest.raises(AccessDeniedError):
        session.open("Veenland", two["Wadlo"])


@pytest.mark.parametrize(("name", "key"), [
    ("Wadlo", "AAAA-BBBB-CCCC-DDDD-EEEE"),  # exists, wrong key
    ("Bestaat Niet", "AAAA-BBBB-CCCC-DDDD-EEEE"),  # does not exist
    ("Veenland", ""),  # exists, no key typed
])
def test_a_refusal_never_says_whether_the_name_exists(store: Store, two: dict[str, str], name: str, key: str) -> None:
    with pytest.raises(AccessDeniedError) as raised:
        Access(store, set()).open(name, key)
    assert str(raised.value) == acc.DENIED
    assert "Wadlo" not in str(raised.value) and "Veenland" not in str(raised.value)


def test_a_werkruimte_without_a_key_opens_only_for_the_owner(store: Store) -> None:
    store.create_werkruimte("Oud")  # made before keys existed, or by the CLI
    with pytest.raises(AccessDeniedError):
        Access(store, set()).open("Oud", "")
    key = store.new_key("Oud")
    assert Access(store, set()).open("Oud", key).name == "Oud"


def test_creating_grants_and_a_new_key_replaces_the_old(store: Store) -> None:
    session = Access(store, set())
    info, key = session.create("Zandmeer")
    assert info.has_key and [w.name for w in session.werkruimtes()] == ["Zandmeer"]
    newer = session.new_key("Zandmeer")
    with pytest.raises(AccessDeniedError):
        Access(store, set()).open("Zandmeer", key)
    assert Access(store, set()).open("Zandmeer", newer).name == "Zandmeer"
    session.forget("Zandmeer")
    assert session.werkruimtes() == []


@pytest.mark.parametrize(("rules", "email", "werkruimte", "allowed"), [
    ({"Wadlo": ["anna@wadlo.nl"]}, "anna@wadlo.nl", "Wadlo", True),
    ({"Wadlo": ["anna@wadlo.nl"]}, "ANNA@Wadlo.NL", "  wadlo ", True),
    ({"Wadlo": ["anna@wadlo.nl"]}, "bert@wadlo.nl", "Wadlo", False),
    ({"Wadlo": ["@wadlo.nl"]}, "bert@wadlo.nl", "Wadlo", True),
    ({"Wadlo": ["@wadlo.nl"]}, "bert@veenland.nl", "Wadlo", False),
    ({"Wadlo": ["@wadlo.nl"]}, "bert@evil-wadlo.nl", "Wadlo", False),
    ({"Wadlo": "anna@wadlo.nl"}, "anna@wadlo.nl", "Wadlo", True),
    ({"*": ["beheer@wadlo.nl"]}, "beheer@wadlo.nl", "Veenland", True),
    ({"Wadlo": ["anna@wadlo.nl"]}, "anna@wadlo.nl", "Veenland", False),
    ({"Wadlo": ["anna@wadlo.nl"]}, None, "Wadlo", False),
    ({"Wadlo": ["anna@wadlo.nl"]}, "geen-adres", "Wadlo", False),
    ({"Wadlo": [""]}, "anna@wadlo.nl", "Wadlo", False),
    ({}, "anna@wadlo.nl", "Wadlo", False),
    (None, "anna@wadlo.nl", "Wadlo", False),
])
def test_the_access_list(rules: dict | None, email: str | None, werkruimte: str, allowed: bool) -> None:
    assert acc.listed(rules, email, werkruimte) is allowed


def test_sign_in_lists_what_the_access_list_gives(store: Store, two: dict[str, str]) -> None:
    anna = Access(store, set(), email="anna@wadlo.nl", rules={"Wadlo": ["@wadlo.nl"]})
    assert [w.name for w in anna.werkruimtes()] == ["Wadlo"]
    assert anna.snapshots("Wadlo")[0].label == "voor"
    with pytest.raises(AccessDeniedError):
        anna.load_snapshot("Veenland", "voor")


def test_wrong_keys_are_limited_per_werkruimte_and_per_session(store: Store, two: dict[str, str]) -> None:
    session = [acc.scope("sessie", "s1")]
    for _ in range(acc.LIMITS["sessie"].failures):
        with pytest.raises(AccessDeniedError):
            Access(store, set(), scopes=session).open("Wadlo", "fout")
    with pytest.raises(TooManyAttemptsError, match=r"Te veel mislukte pogingen.*Wacht 15 minuten"):
        Access(store, set(), scopes=session).open("Wadlo", two["Wadlo"])  # even the right key: refused for now
    # another session may still try, until the werkruimte itself has had too many failures
    for number in range(acc.LIMITS["werkruimte"].failures - acc.LIMITS["sessie"].failures):
        with pytest.raises(AccessDeniedError):
            Access(store, set(), scopes=[acc.scope("sessie", f"other{number}")]).open("wadlo", "fout")
    with pytest.raises(TooManyAttemptsError):
        Access(store, set(), scopes=[acc.scope("sessie", "fresh")]).open("Wadlo", two["Wadlo"])
    # a name that does not exist counts the same way (the limit says nothing about existence either)
    assert Access(store, set(), scopes=[acc.scope("sessie", "fresh")]).open("Veenland", two["Veenland"])


def test_the_limit_window_passes(store: Store) -> None:
    scopes = [acc.scope("sessie", "s")]
    start = dt.datetime(2026, 12, 3, 9, 0)
    for minute in range(acc.LIMITS["sessie"].failures):
        acc.record_failure(store, scopes, now=start + dt.timedelta(minutes=minute))
    with pytest.raises(TooManyAttemptsError, match="Wacht 10 minuten"):
        acc.check_limit(store, scopes, now=start + dt.timedelta(minutes=5))
    acc.check_limit(store, scopes, now=start + dt.timedelta(minutes=15, seconds=1))  # the first has expired...
    acc.check_limit(store, [acc.scope("sessie", "other")], now=start + dt.timedelta(minutes=5))


def test_scopes_store_no_names_or_addresses() -> None:
    made = acc.scope("adres", "192.0.2.7")
    assert "192.0.2.7" not in made and made.startswith("adres:")
    assert acc.scope("werkruimte", " Gemeente  Wadlo") == acc.scope("werkruimte", "gemeente wadlo")
    with pytest.raises(ValueError):
        acc.scope("iets", "x")
