"""regie.instruments.werkplaats: codes and keys, the items a facilitator picks, voting and the zelfscan by anonymous
participants, results only with the key and only after the reveal, concurrent participants counted
once, deletion, and the schema step that adds the tables (an older database upgrades).

Tests that take ``db_url`` run against a SQLite file and a real PostgreSQL server (``conftest_pg``).
"""

from __future__ import annotations

import math
import string
import threading

import conftest_pg
import pytest
import sqlalchemy as sa
import storage_fixtures as sfx
import werkplaats_fixtures as fx

from regie import load_inventory
from regie import vocabulary as voc
from regie.errors import RegieError
from regie.instruments import werkplaats as wp
from regie.instruments import zelfscan as scan
from regie.storage import SCHEMA_VERSION, Store, migrations
from regie.storage import engine as db
from regie.storage.schema import TABLES

postgres_server_url = conftest_pg.postgres_server_url
postgres_url = conftest_pg.postgres_url
db_url = conftest_pg.db_url

WERKPLAATS_TABLES = ("werkplaatsen", "werkplaats_items", "werkplaats_participants", "werkplaats_votes",
                     "werkplaats_scan")
NOW, SHOULD = wp.QUESTION_NOW, wp.QUESTION_SHOULD


@pytest.fixture
def store(db_url: str):
    with Store(db_url) as opened:
        opened.create_werkruimte("Gemeente Wadlo")
        yield opened


@pytest.fixture
def inventory():
    return load_inventory(fx.inventory_xlsx(), "werkplaats.xlsx")


def started(store: Store, inventory, **kwargs) -> wp.Started:
    specs = wp.item_specs(inventory, ["id:p1", "id:p2"], list(voc.PHASE_CODES))
    return wp.start(store, "Gemeente Wadlo", "Werkplaats 12 november", specs, source="werkplaats.xlsx", **kwargs)


def row_counts(store: Store) -> dict[str, int]:
    with store.engine.connect() as conn:
        return {t: conn.execute(sa.text(f"SELECT COUNT(*) FROM {t}")).scalar_one() for t in WERKPLAATS_TABLES}


# --------------------------------------------------------------------------------------------
# Secrets and links
# --------------------------------------------------------------------------------------------


def test_codes_are_short_unambiguous_and_random() -> None:
    codes = {wp.new_code() for _ in range(2000)}
    assert len(codes) == 2000
    assert all(len(c) == wp.CODE_LENGTH and set(c) <= set(wp.CODE_ALPHABET) for c in codes)
    assert not set("0O1IL") & set(wp.CODE_ALPHABET)
    assert len(wp.CODE_ALPHABET) ** wp.CODE_LENGTH > 10**11


def test_keys_and_participant_ids_are_long_random_tokens() -> None:
    keys = {wp.new_key() for _ in range(200)}
    assert len(keys) == 200 and all(len(k) == 32 for k in keys)
    ids = [wp.new_participant() for _ in range(200)]
    assert len(set(ids)) == 200 and all(wp.valid_participant(i) for i in ids)


@pytest.mark.parametrize(("text", "valid"), [
    ("s_7_dsXubr3qI9zm4YnBsA", True), ("short", False), ("a" * 65, False), ("abc def ghi jkl mno", False),
    ("<script>alert(1)</script>", False), (None, False), (12345678901234567, False),
])
def test_participant_ids_are_checked(text: object, valid: bool) -> None:
    assert wp.valid_participant(text) is valid


@pytest.mark.parametrize(("typed", "code"), [
    ("k7qm2xpa", "K7QM2XPA"), (" K7QM-2XPA ", "K7QM2XPA"), ("k7 qm 2x pa", "K7QM2XPA"), ("", ""), (None, ""),
])
def test_typed_codes_are_cleaned(typed: object, code: str) -> None:
    assert wp.clean_code(typed) == code


@pytest.mark.parametrize(("current", "base"), [
    ("http://localhost:8501/werkplaats?code=AB", "http://localhost:8501/werkplaats"),
    ("http://localhost:8501/werkplaats/", "http://localhost:8501/werkplaats"),
    ("http://localhost:8501/", "http://localhost:8501/werkplaats"),
    ("http://localhost:8501", "http://localhost:8501/werkplaats"),
    ("https://regie.example.nl/app/werkruimtes", "https://regie.example.nl/app/werkplaats"),
    (None, None), ("", None), ("werkplaats", None),
])
def test_the_page_address_comes_from_the_browser_address(current: str | None, base: str | None) -> None:
    assert wp.page_url(current) == base


def test_links() -> None:
    assert wp.join_link("http://h/werkplaats", "K7QM2XPA") == "http://h/werkplaats?code=K7QM2XPA"
    assert wp.join_link(None, "K7QM2XPA") == "werkplaats?code=K7QM2XPA"
    assert wp.facilitator_link("http://h/werkplaats", "K7QM2XPA", "a-b_c") == \
        "http://h/werkplaats?code=K7QM2XPA&sleutel=a-b_c"


# --------------------------------------------------------------------------------------------
# What the facilitator picks
# --------------------------------------------------------------------------------------------


def test_project_choices_list_names_and_phases(inventory) -> None:
    choices = wp.project_choices(inventory)
    assert list(choices["naam"]) == ["Woonvisie 2030", "Buurtkamer West", "Mantelzorg <b>plan</b>"]
    assert list(choices["fasen"]) == [("visie", "beleid"), ("uitvoering",), ()]


@pytest.mark.parametrize(("projects", "phases", "own", "expected"), [
    (["id:p1"], ["visie", "beleid", "uitvoering"], True,
     [("Woonvisie 2030", "visie", ("regisseur",)), ("Woonvisie 2030", "beleid", ("opdrachtgever",))]),
    (["id:p1"], ["beleid"], True, [("Woonvisie 2030", "beleid", ("opdrachtgever",))]),
    (["id:p1", "id:p2"], ["uitvoering"], True, [("Buurtkamer West", "uitvoering", ("facilitator",))]),
    (["id:p1", "id:p2"], ["uitvoering"], False,
     [("Woonvisie 2030", "uitvoering", ("onbekend",)), ("Buurtkamer West", "uitvoering", ("facilitator",))]),
    (["id:p3"], ["beleid", "visie"], True,  # no phase in the inventory: every chosen phase, in phase order
     [("Mantelzorg <b>plan</b>", "visie", ("onbekend",)), ("Mantelzorg <b>plan</b>", "beleid", ("onbekend",))]),
    (["id:p2", "id:p1"], ["visie"], True, [("Woonvisie 2030", "visie", ("regisseur",))]),
    (["bestaat-niet"], ["visie"], True, []),
    ([], ["visie"], True, []),
])
def test_item_specs(inventory, projects, phases, own, expected) -> None:
    specs = wp.item_specs(inventory, projects, phases, own)
    assert [(s.project_name, s.phase, s.inventory_roles) for s in specs] == expected


# --------------------------------------------------------------------------------------------
# Starting, joining, voting
# --------------------------------------------------------------------------------------------


def test_start_gives_a_code_a_key_and_the_items(store: Store, inventory) -> None:
    new = started(store, inventory)
    assert len(new.code) == wp.CODE_LENGTH and len(new.key) == 32
    w = new.werkplaats
    assert (w.werkruimte, w.title, w.source, w.scan, w.revealed, w.open) == (
        "Gemeente Wadlo", "Werkplaats 12 november", "werkplaats.xlsx", True, False, True)
    assert [(i.position, i.label, i.inventory_roles) for i in w.items] == [
        (1, "Woonvisie 2030 — Visie", ("regisseur",)), (2, "Woonvisie 2030 — Beleid", ("opdrachtgever",)),
        (3, "Buurtkamer West — Uitvoering", ("facilitator",)),
    ]
    with store.engine.connect() as conn:
        stored = conn.execute(sa.text("SELECT code, key_hash FROM werkplaatsen")).one()
    assert stored.code == new.code and new.key not in stored.key_hash, "only the key's hash is stored"


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"werkruimte": "Bestaat niet"}, "bestaat niet"),
    ({"title": "   "}, "naam"),
    ({"items": [], "scan_included": False}, "niets te vragen"),
    ({"items": [wp.ItemSpec("P", "afronding", ("onbekend",))]}, "Onbekende fase"),
    ({"items": [wp.ItemSpec("P", "visie", ("onbekend",))] * (wp.MAX_ITEMS + 1)}, "maximum"),
])
def test_start_refuses_what_cannot_work(store: Store, kwargs: dict, message: str) -> None:
    arguments = {"werkruimte": "Gemeente Wadlo", "title": "W", "items": [wp.ItemSpec("P", "visie", ("zelf",))]}
    arguments |= kwargs
    scan_included = arguments.pop("scan_included", True)
    with pytest.raises(RegieError, match=message):
        wp.start(store, arguments["werkruimte"], arguments["title"], arguments["items"], scan_included=scan_included)


def test_a_vote_again_replaces_the_earlier_one(store: Store, inventory) -> None:
    new = started(store, inventory)
    first, second = (i.id for i in new.werkplaats.items[:2])
    alice, bob = wp.new_participant(), wp.new_participant()
    wp.join(store, new.code.lower(), alice)
    assert wp.vote(store, new.code, alice, {(first, NOW): "regisseur", (first, SHOULD): "partner"}) == 2
    assert wp.vote(store, new.code, alice, {(first, NOW): "zelf"}) == 1
    assert wp.vote(store, new.code, bob, {(first, NOW): "zelf", (second, SHOULD): "onbekend"}) == 2
    assert wp.my_answers(store, new.code, alice) == ({(first, NOW): "zelf", (first, SHOULD): "partner"}, {})
    progress = wp.progress(store, new.code, new.key)
    assert progress.participants == 2 and progress.scan_respondents == 0
    assert progress.votes[[NOW, SHOULD]].values.tolist() == [[2, 1], [0, 1], [0, 0]]
    assert row_counts(store)["werkplaats_votes"] == 4


def test_joining_twice_counts_once(store: Store, inventory) -> None:
    new = started(store, inventory)
    alice = wp.new_participant()
    for _ in range(3):
        wp.join(store, new.code, alice)
    assert wp.progress(store, new.code, new.key).participants == 1


@pytest.mark.parametrize(("choices", "message"), [
    ({(1, "misschien"): "zelf"}, "Onbekende vraag"),
    ({(1, NOW): "baas"}, "geen rol"),
])
def test_invalid_votes_are_refused(store: Store, inventory, choices, message) -> None:
    new = started(store, inventory)
    with pytest.raises(wp.WerkplaatsError, match=message):
        wp.vote(store, new.code, wp.new_participant(), choices)


def test_a_vote_on_another_werkplaats_item_is_refused(store: Store, inventory) -> None:
    one, other = started(store, inventory), started(store, inventory)
    foreign = other.werkplaats.items[0].id
    with pytest.raises(wp.WerkplaatsError, match="hoort niet bij deze werkplaats"):
        wp.vote(store, one.code, wp.new_participant(), {(foreign, NOW): "zelf"})
    assert row_counts(store)["werkplaats_votes"] == 0 and row_counts(store)["werkplaats_participants"] == 0


@pytest.mark.parametrize("participant", ["kort", "x" * 100, "<b>nep</b>-deelnemer-id-123"])
def test_unknown_participant_ids_are_refused(store: Store, inventory, participant: str) -> None:
    new = started(store, inventory)
    with pytest.raises(wp.WerkplaatsError, match="niet herkend"):
        wp.join(store, new.code, participant)


def test_an_unknown_code_is_a_dutch_error(store: Store) -> None:
    for code in ("ZZZZZZZZ", "", "x" * 40):
        with pytest.raises(wp.UnknownCodeError, match="geen werkplaats met deze code"):
            wp.get(store, code)


def test_the_zelfscan_answers_replace_and_clear(store: Store, inventory) -> None:
    new = started(store, inventory)
    alice = wp.new_participant()
    wp.set_perspective(store, new.code, alice, "bestuur")
    assert wp.answer_scan(store, new.code, alice, {"L1": "ja", "L2": "nee"}) == 2
    assert wp.answer_scan(store, new.code, alice, {"L1": "deels", "L2": None}) == 1
    assert wp.my_answers(store, new.code, alice)[1] == {"L1": "deels"}
    with pytest.raises(wp.WerkplaatsError, match="Onbekende vraag"):
        wp.answer_scan(store, new.code, alice, {"X9": "ja"})
    with pytest.raises(wp.WerkplaatsError, match="geen antwoord"):
        wp.answer_scan(store, new.code, alice, {"L1": "misschien"})


def test_a_werkplaats_without_zelfscan_refuses_answers(store: Store, inventory) -> None:
    new = started(store, inventory, scan_included=False)
    with pytest.raises(wp.WerkplaatsError, match="geen zelfscan"):
        wp.answer_scan(store, new.code, wp.new_participant(), {"L1": "ja"})


# --------------------------------------------------------------------------------------------
# Results: only with the key, only after the reveal
# --------------------------------------------------------------------------------------------


def test_results_stay_hidden_until_the_reveal_which_closes_voting(store: Store, inventory) -> None:
    new = started(store, inventory)
    item = new.werkplaats.items[0].id
    alice = wp.new_participant()
    wp.vote(store, new.code, alice, {(item, NOW): "regisseur"})
    with pytest.raises(wp.WerkplaatsError, match="nog verborgen"):
        wp.results(store, new.code, new.key)
    assert wp.set_revealed(store, new.code, new.key).revealed
    res = wp.results(store, new.code, new.key)
    assert res.participants == 1 and int(res.votes["count"].sum()) == 1
    with pytest.raises(wp.ClosedError, match="gesloten"):
        wp.vote(store, new.code, alice, {(item, NOW): "zelf"})
    with pytest.raises(wp.ClosedError):
        wp.answer_scan(store, new.code, alice, {"L1": "ja"})
    wp.join(store, new.code, wp.new_participant())  # after the reveal nobody new is registered
    assert wp.results(store, new.code, new.key).participants == 1
    assert not wp.set_revealed(store, new.code, new.key, False).revealed  # reopened
    wp.vote(store, new.code, alice, {(item, NOW): "zelf"})


def test_one_werkplaats_cannot_read_another(store: Store, inventory) -> None:
    mine, theirs = started(store, inventory), started(store, inventory)
    wp.set_revealed(store, theirs.code, theirs.key)
    for action in (wp.results, wp.progress, wp.check_key, wp.delete):
        with pytest.raises(wp.WrongKeyError, match="hoort niet bij deze werkplaats"):
            action(store, theirs.code, mine.key)
    with pytest.raises(wp.WrongKeyError):
        wp.set_revealed(store, mine.code, "")
    assert not wp.get(store, mine.code).revealed


def test_result_tables(store: Store, inventory) -> None:
    new = started(store, inventory)
    visie, beleid, uitvoering = (i.id for i in new.werkplaats.items)
    people = [wp.new_participant() for _ in range(4)]
    ballots = [
        {(visie, NOW): "regisseur", (visie, SHOULD): "regisseur", (beleid, NOW): "zelf"},
        {(visie, NOW): "regisseur", (visie, SHOULD): "partner"},
        {(visie, NOW): "partner", (visie, SHOULD): "partner"},
        {(visie, NOW): "onbekend"},
    ]
    for person, ballot in zip(people, ballots, strict=True):
        wp.vote(store, new.code, person, ballot)
    for person in people[:2]:
        wp.set_perspective(store, new.code, person, "bestuur")
    wp.answer_scan(store, new.code, people[0], {"L1": "ja", "L3": "nee"})
    wp.answer_scan(store, new.code, people[1], {"L1": "deels"})
    wp.set_revealed(store, new.code, new.key)
    res = wp.results(store, new.code, new.key)

    table = wp.item_votes(res, visie)
    assert list(table["role"]) == list(wp.VOTE_CHOICES)
    assert dict(zip(table["role"], table[NOW], strict=True)) == {
        "zelf": 0, "opdrachtgever": 0, "regisseur": 2, "partner": 1, "facilitator": 0, "geen": 0, "onbekend": 1}
    assert list(table[table["inventaris"]]["role"]) == ["regisseur"]

    summary = wp.summary(res).set_index("item")
    assert summary.loc[visie, "Stemmen"] == 4
    assert summary.loc[visie, "Meeste stemmen: speelt nu"] == "Regisseur"
    assert summary.loc[visie, "Eens met de inventaris"] == pytest.approx(0.5)
    assert summary.loc[visie, "Meeste stemmen: zou moeten"] == "Samenwerkingspartner"
    assert summary.loc[visie, "Wil verandering"] == pytest.approx(2 / 3)
    assert summary.loc[beleid, "Rol in de inventaris"] == "Opdrachtgever"
    assert summary.loc[beleid, "Eens met de inventaris"] == 0
    assert summary.loc[uitvoering, "Meeste stemmen: speelt nu"] == "—"
    assert math.isnan(summary.loc[uitvoering, "Eens met de inventaris"])

    dist = wp.scan_distribution(res).set_index("item")
    assert dist.loc["L1", ["ja", "deels", "nee"]].tolist() == [1, 1, 0]
    assert dist.loc["L3", ["ja", "deels", "nee"]].tolist() == [0, 0, 1]
    assert list(dist.index) == [i.code for i in scan.ITEMS]
    lists = wp.scan_checklists(res).set_index("source")
    assert lists.loc[scan.LOUWERET, "all_yes"] == 0  # L1: ja and deels; L3: nee
    assert lists.loc[scan.LOUWERET, "open"] == ("L1", "L3")
    assert lists.loc[scan.OOSTERHOF, "respondents"] == 0
    assert wp.scan_respondents(res) == 2


def test_ties_list_every_role_with_the_most_votes(store: Store, inventory) -> None:
    new = started(store, inventory)
    item = new.werkplaats.items[0].id
    for role in ("partner", "zelf"):
        wp.vote(store, new.code, wp.new_participant(), {(item, NOW): role})
    wp.set_revealed(store, new.code, new.key)
    summary = wp.summary(wp.results(store, new.code, new.key))
    assert summary.iloc[0]["Meeste stemmen: speelt nu"] == "Zelf doen / Samenwerkingspartner"


# --------------------------------------------------------------------------------------------
# Deleting
# --------------------------------------------------------------------------------------------


def fill(store: Store, new: wp.Started) -> None:
    person = wp.new_participant()
    wp.vote(store, new.code, person, {(new.werkplaats.items[0].id, NOW): "zelf"})
    wp.set_perspective(store, new.code, person, "bestuur")
    wp.answer_scan(store, new.code, person, {"L1": "ja"})


def test_deleting_a_werkplaats_removes_all_its_rows(store: Store, inventory) -> None:
    keep, gone = started(store, inventory), started(store, inventory)
    fill(store, keep)
    fill(store, gone)
    wp.delete(store, gone.code, gone.key)
    assert row_counts(store) == {"werkplaatsen": 1, "werkplaats_items": 3, "werkplaats_participants": 1,
                                 "werkplaats_votes": 1, "werkplaats_scan": 1}
    with pytest.raises(wp.UnknownCodeError):
        wp.get(store, gone.code)


def test_deleting_the_werkruimte_removes_its_werkplaatsen(store: Store, inventory) -> None:
    fill(store, started(store, inventory))
    store.create_werkruimte("Veenland")
    other = wp.start(store, "Veenland", "Elders", [wp.ItemSpec("P", "visie", ("zelf",))])
    fill(store, other)
    assert wp.count_in(store, "Gemeente Wadlo") == 1
    store.delete_werkruimte("Gemeente Wadlo")
    assert row_counts(store) == {"werkplaatsen": 1, "werkplaats_items": 1, "werkplaats_participants": 1,
                                 "werkplaats_votes": 1, "werkplaats_scan": 1}
    assert wp.get(store, other.code).title == "Elders"


# --------------------------------------------------------------------------------------------
# Concurrency: many participants at the same moment, each counted once
# --------------------------------------------------------------------------------------------

PARTICIPANTS = 12
ROUNDS = 3


def ballot(index: int, items: list[int]) -> dict[tuple[int, str], str]:
    roles = wp.VOTE_CHOICES
    return {(item, q): roles[(index + n + k) % len(roles)] for n, item in enumerate(items)
            for k, q in enumerate(wp.QUESTIONS)}


def expected_counts(items: list[int], people: int) -> dict[tuple[int, str, str], int]:
    counts: dict[tuple[int, str, str], int] = {}
    for index in range(people):
        for (item, question), role in ballot(index, items).items():
            counts[(item, question, role)] = counts.get((item, question, role), 0) + 1
    return counts


def assert_counted_once(store: Store, new: wp.Started, people: int) -> None:
    wp.set_revealed(store, new.code, new.key)
    res = wp.results(store, new.code, new.key)
    items = [i.id for i in new.werkplaats.items]
    assert res.participants == people
    got = {(r.item, r.question, r.role): r.count for r in res.votes.itertuples() if r.count}
    assert got == expected_counts(items, people)
    assert int(res.votes["count"].sum()) == people * len(items) * len(wp.QUESTIONS)
    assert len(res.scan_answers) == people * 2 and wp.scan_respondents(res) == people
    assert row_counts(store)["werkplaats_votes"] == people * len(items) * len(wp.QUESTIONS)


@pytest.mark.slow
def test_participants_voting_at_once_in_threads_are_all_counted_once(store: Store, inventory) -> None:
    """One server process, many sessions: threads share the store, as Streamlit sessions do."""
    new = started(store, inventory)
    items = [i.id for i in new.werkplaats.items]
    barrier = threading.Barrier(PARTICIPANTS)
    errors: list[BaseException] = []

    def participant(index: int) -> None:
        try:
            person = wp.new_participant()
            barrier.wait(timeout=60)
            wp.join(store, new.code, person)
            wp.set_perspective(store, new.code, person, "bestuur")
            for _ in range(ROUNDS):
                wp.vote(store, new.code, person, ballot(index, items))
                wp.answer_scan(store, new.code, person, {"L1": "ja", "O8": "deels"})
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=participant, args=(i,)) for i in range(PARTICIPANTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    assert not errors, errors
    assert_counted_once(store, new, PARTICIPANTS)


@pytest.mark.slow
@pytest.mark.usefixtures("spawn_safe_main")
def test_participants_voting_at_once_in_processes_are_all_counted_once(db_url: str, inventory) -> None:
    """Several server processes (own engines) against one database."""
    people = 8
    with Store(db_url) as store:
        store.create_werkruimte("Gemeente Wadlo")
        new = started(store, inventory)
    items = [i.id for i in new.werkplaats.items]
    ctx = sfx.process_context("werkplaats_fixtures")
    barrier = ctx.Barrier(people)
    results = ctx.Queue()
    workers = [
        ctx.Process(target=fx.vote_worker, args=(db_url, new.code, barrier, ballot(i, items),
                                                 {"L1": "ja", "O8": "deels"}, ROUNDS, results))
        for i in range(people)
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=300)
    assert [w.exitcode for w in workers] == [0] * people
    ids = {results.get(timeout=10) for _ in range(people)}
    assert len(ids) == people
    with Store(db_url) as store:
        assert_counted_once(store, new, people)


# --------------------------------------------------------------------------------------------
# Schema: the werkplaats tables are step 4; an older database upgrades in place
# --------------------------------------------------------------------------------------------


def test_the_werkplaats_tables_are_in_the_schema() -> None:
    assert set(WERKPLAATS_TABLES) <= set(TABLES)
    assert SCHEMA_VERSION >= 4
    assert [number for number, _what, _step in migrations.MIGRATIONS][3] == 4


def test_a_version_3_database_upgrades_and_keeps_its_snapshots(db_url: str, inventory) -> None:
    engine = db.create(db_url)
    try:
        assert migrations.migrate(engine, target=3) == 3
        assert not set(WERKPLAATS_TABLES) & set(sa.inspect(engine).get_table_names())
    finally:
        engine.dispose()
    # a version-3 program saved a snapshot (the tables it knows are the same)
    with Store(db_url, migrate=False) as old:
        old.save_snapshot("Gemeente Wadlo", "voor", sfx.voor_xlsx(), "voor.xlsx")
    with Store(db_url) as store:
        assert store.version == SCHEMA_VERSION
        assert set(WERKPLAATS_TABLES) <= set(sa.inspect(store.engine).get_table_names())
        assert [s.label for s in store.snapshots("Gemeente Wadlo")] == ["voor"]
        new = started(store, inventory)
        fill(store, new)
        assert wp.progress(store, new.code, new.key).participants == 1
        with store.engine.connect() as conn:
            versions = conn.execute(sa.text("SELECT version FROM schema_version ORDER BY version")).scalars().all()
        assert versions == list(range(1, SCHEMA_VERSION + 1))


def test_codes_are_unique_in_the_database(store: Store) -> None:
    with pytest.raises(sa.exc.IntegrityError), store.engine.begin() as conn:
        for _ in range(2):
            conn.execute(sa.text(
                "INSERT INTO werkplaatsen (werkruimte_id, code, key_hash, title, source, scan, revealed, created_at) "
                "VALUES (1, 'AAAAAAAA', 'h', 't', '', TRUE, FALSE, CURRENT_TIMESTAMP)"))


def test_the_alphabet_is_upper_case_and_digits() -> None:
    assert set(wp.CODE_ALPHABET) <= set(string.ascii_uppercase + string.digits)


@pytest.mark.parametrize(("current", "configured", "expected"), [
    ("http://localhost:8501/werkplaats", "https://regie.wadlo.nl", "https://regie.wadlo.nl"),
    ("http://localhost:8501/werkplaats", "", "http://localhost:8501/werkplaats"),
    ("http://localhost:8501/werkplaats", "regie.wadlo.nl", "http://localhost:8501/werkplaats"),  # no scheme: ignored
    (None, "", None),
])
def test_the_public_address_wins_when_it_is_an_address(current, configured, expected) -> None:
    assert wp.public_base(current, configured) == expected


@pytest.mark.parametrize(("link", "local"), [
    ("http://localhost:8501/werkplaats?code=AB", True), ("http://127.0.0.1/werkplaats", True),
    ("https://regie.wadlo.nl/werkplaats?code=AB", False), ("werkplaats?code=AB", False), (None, False),
])
def test_a_link_to_this_computer_only_is_recognised(link, local) -> None:
    assert wp.only_this_computer(link) is local


def test_the_qr_code_is_a_png_made_here() -> None:
    import struct

    data = wp.qr_png("https://regie.wadlo.nl/werkplaats?code=ABCD2345")
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    width, height = struct.unpack(">II", data[16:24])
    assert width == height >= 300, "large enough to scan from the back of a room when shown full width"


# --------------------------------------------------------------------------------------------
# For whom a participant speaks: the zelfscan's audience, results split by side
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("perspective", "sources"), [
    ("bestuur", {scan.LOUWERET, scan.OOSTERHOF}),
    ("ambtelijk", {scan.OOSTERHOF}),
    ("partner", set()),
    (None, set()),
])
def test_the_zelfscan_goes_to_whom_the_sources_address(perspective, sources) -> None:
    assert {i.source for i in wp.scan_items_for(perspective)} == sources


@pytest.mark.parametrize(("perspective", "group"), [
    ("bestuur", "gemeente"), ("ambtelijk", "gemeente"), ("partner", "partner"), (None, voc.UNKNOWN),
    ("iets anders", voc.UNKNOWN),
])
def test_each_perspective_counts_for_one_side(perspective, group) -> None:
    assert wp.group_of(perspective) == group


def test_a_partner_cannot_answer_the_bestuur_questions(store: Store, inventory) -> None:
    new = started(store, inventory)
    partner = wp.new_participant()
    wp.set_perspective(store, new.code, partner, "partner")
    assert wp.perspective_of(store, new.code, partner) == "partner"
    with pytest.raises(wp.WerkplaatsError, match="die van Louweret zijn voor het bestuur"):
        wp.answer_scan(store, new.code, partner, {"L1": "ja"})
    with pytest.raises(wp.WerkplaatsError, match="geen keuze"):
        wp.set_perspective(store, new.code, partner, "wethouder")
    civil = wp.new_participant()
    wp.set_perspective(store, new.code, civil, "bestuur")
    wp.answer_scan(store, new.code, civil, {"L1": "ja", "O1": "nee"})
    wp.set_perspective(store, new.code, civil, "ambtelijk")  # Louweret's answer is not theirs any more
    assert wp.my_answers(store, new.code, civil)[1] == {"O1": "nee"}


def test_results_split_by_side(store: Store, inventory) -> None:
    new = started(store, inventory)
    visie = new.werkplaats.items[0].id
    for perspective, role in (("bestuur", "regisseur"), ("ambtelijk", "regisseur"), ("partner", "facilitator"),
                              ("partner", "regisseur"), (None, "zelf")):
        person = wp.new_participant()
        if perspective:
            wp.set_perspective(store, new.code, person, perspective)
        wp.vote(store, new.code, person, {(visie, NOW): role})
    progress = wp.progress(store, new.code, new.key)
    assert progress.perspectives == {"bestuur": 1, "ambtelijk": 1, "partner": 2, voc.UNKNOWN: 1}
    wp.set_revealed(store, new.code, new.key)
    res = wp.results(store, new.code, new.key)
    assert res.participants_by_group == {"gemeente": 2, "partner": 2, voc.UNKNOWN: 1}
    partners = wp.for_group(res, "partner")
    assert partners.participants == 2 and partners.vote_count == 2
    assert wp.for_group(res, "gemeente").vote_count == 2
    assert wp.for_group(res, None) is res
    with pytest.raises(wp.WerkplaatsError):
        wp.for_group(res, "iedereen")
    table = wp.item_votes(partners, visie).set_index("role")[NOW]
    assert (table["facilitator"], table["regisseur"], table["zelf"]) == (1, 1, 0)
    sides = wp.perspective_summary(res).set_index("item")
    assert sides.at[visie, "Gemeente: speelt nu"] == "Regisseur"
    assert sides.at[visie, "Partners: speelt nu"] == "Regisseur / Facilitator"
    assert sides.at[visie, "Zelfde rol: speelt nu"] == "Ja", "a role among both sides' most voted"
    assert sides.at[visie, "Zelfde rol: zou moeten"] == "—", "nobody voted on it"
    # the counts add up: everyone = gemeente + partners + those who did not say
    assert int(res.votes_by_group["count"].sum()) == res.vote_count


# --------------------------------------------------------------------------------------------
# Agreements (wie, wat, welke fase, wanneer), kept in the werkruimte
# --------------------------------------------------------------------------------------------


def test_agreements_need_all_four_and_the_key(store: Store, inventory) -> None:
    import datetime as dt

    from regie.instruments import afspraken

    new = started(store, inventory)
    with pytest.raises(wp.WerkplaatsError, match="Vul bij de afspraak ook wie en wat en welke fase en wanneer in"):
        afspraken.add(store, new.code, new.key, wie=" ", wat="", fase="later", wanneer=None)
    with pytest.raises(wp.WrongKeyError):
        afspraken.add(store, new.code, "verkeerd", wie="a", wat="b", fase="visie", wanneer=dt.date(2027, 1, 1))
    made = afspraken.add(store, new.code, new.key, wie="  Wethouder \n wonen ", wat="Corporaties uitnodigen",
                         fase="uitvoering", wanneer=dt.date(2027, 3, 1), project="Woonvisie 2030")
    early = afspraken.add(store, new.code, new.key, wie="Beleidsadviseur", wat="Opdracht schrijven", fase="beleid",
                          wanneer=dt.date(2027, 1, 15))
    assert made.wie == "Wethouder wonen"
    assert [a.id for a in afspraken.of_werkplaats(store, new.code, new.key)] == [early.id, made.id], "by date"
    assert afspraken.table(afspraken.of_werkruimte(store, "gemeente  wadlo")).to_dict("records")[1] == {
        "Wie": "Wethouder wonen", "Wat": "Corporaties uitnodigen", "Fase": "Uitvoering", "Wanneer": "01-03-2027",
        "Project": "Woonvisie 2030", "Werkplaats": "Werkplaats 12 november"}
    wp.delete(store, new.code, new.key)
    assert len(afspraken.of_werkruimte(store, "Gemeente Wadlo")) == 2, "they stay in the werkruimte"
    assert afspraken.of_werkruimte(store, "Veenland") == []
    store.delete_werkruimte("Gemeente Wadlo")
    with store.engine.connect() as conn:
        assert conn.execute(sa.text("SELECT COUNT(*) FROM afspraken")).scalar_one() == 0


def test_deleting_an_agreement(store: Store, inventory) -> None:
    import datetime as dt

    from regie.instruments import afspraken

    new = started(store, inventory)
    made = afspraken.add(store, new.code, new.key, wie="a", wat="b", fase="visie", wanneer=dt.date(2027, 1, 1))
    other = started(store, inventory)
    afspraken.delete(store, other.code, other.key, made.id)  # another werkplaats' key deletes nothing
    assert len(afspraken.of_werkplaats(store, new.code, new.key)) == 1
    afspraken.delete(store, new.code, new.key, made.id)
    assert afspraken.of_werkplaats(store, new.code, new.key) == []
