"""AppTest of pages/werkruimtes.py on its own, against a SQLite file of the test (REGIE_DATABASE_URL):
create, rename and delete a werkruimte (with confirmation), save inventories as snapshots, list,
load one (the other pages then show it), notes, delete a snapshot, compare two; the werkruimte's
value mappings for the next upload; hostile names; an unreachable database."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
import storage_fixtures as fx
from streamlit.testing.v1 import AppTest
from ui_support import ROOT, app_test, chart_titles, exceptions, metrics, rendered, shown_text, upload_state

from regie.storage import ENV_URL, Store
from regie.storage.schema import TABLES

PAGE = ROOT / "pages" / "werkruimtes.py"
OVERZICHT = ROOT / "pages" / "overzicht.py"
NAME = "Gemeente Wadlo"
HOSTILE = "<img src=x onerror=alert(1)> **vet**"


@pytest.fixture
def url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    database = f"sqlite:///{tmp_path / 'regie.sqlite3'}"
    monkeypatch.setenv(ENV_URL, database)
    return database


def run(**state: Any) -> AppTest:
    return app_test(PAGE, state=state).run()


def ok(at: AppTest) -> AppTest:
    assert not at.exception, exceptions(at)
    return at


def texts(at: AppTest) -> list[str]:
    return [t.value for t in at.text]


def messages(at: AppTest, kind: str) -> list[str]:
    return [shown_text(m.value) for m in getattr(at, kind)]


def create(at: AppTest, name: str = NAME) -> AppTest:
    at.text_input(key="werkruimtes_nieuw_naam").input(name)
    return ok(at.button(key="werkruimtes_maken").click().run())


def save(at: AppTest, label: str, data: bytes | None = None, name: str = "inventaris.xlsx", *,
         personal: bool = False, notes: str = "") -> AppTest:
    if data is not None:
        at.session_state["regie_upload"] = upload_state(data, name)
    at.text_input(key="werkruimtes_label").input(label)
    if notes:
        at.text_area(key="werkruimtes_duiding_nieuw").input(notes)
    if personal:
        at.checkbox(key="werkruimtes_persoonsgegevens").check()
    return ok(at.button(key="werkruimtes_opslaan").click().run())


def voor_en_na(url: str) -> AppTest:
    at = create(run())
    save(at, "voor", fx.voor_xlsx(), "voor.xlsx")
    return save(at, "na", fx.na_xlsx(), "na.xlsx")


def row_counts(url: str) -> dict[str, int]:
    with Store(url) as store, store.engine.connect() as conn:
        return {t: conn.execute(sa.text(f"SELECT COUNT(*) FROM {t}")).scalar_one()
                for t in TABLES if t != "schema_version"}


def test_an_empty_database(url: str) -> None:
    at = ok(run())
    assert [t.value for t in at.title] == ["Werkruimtes"]
    notices = [shown_text(i.value) for i in at.info if "SQLite-database" in shown_text(i.value)]
    assert len(notices) == 1, "the page says once where the data is stored"
    where = notices[0]
    assert "De gegevens worden opgeslagen in de SQLite-database van de app" in where
    assert "regie.sqlite3" not in where and "/" not in where.split("app.")[0], "the server's path is never shown"
    assert "alleen bewaard als u dat bij het opslaan aanvinkt" in where
    assert "Verwijderen haalt de gegevens echt weg" in where
    assert any("In deze sessie is nog geen werkruimte open" in m for m in messages(at, "info"))
    assert at.selectbox(key="werkruimtes_kies").options == ["— geen —"]
    assert not at.get("plotly_chart")


def test_create_save_list_and_compare(url: str) -> None:
    at = voor_en_na(url)
    assert any("Momentopname 'na' is opgeslagen in werkruimte 'Gemeente Wadlo'" in m for m in messages(at, "success"))
    assert "Er stonden geen persoonsgegevens in de gelezen kolommen." in texts(at)
    shown = metrics(at)
    assert shown["Momentopnamen"] == "2"
    listing = at.dataframe[0].value
    assert listing["Label"].tolist() == ["voor", "na"]
    assert listing["Bestand"].tolist() == ["voor.xlsx", "na.xlsx"]
    assert listing["Projecten"].tolist() == [4, 4]
    assert listing["Persoonsgegevens"].tolist() == ["niet bewaard", "niet bewaard"]
    # compare: "voor" and "na" are chosen by default
    assert at.selectbox(key="werkruimtes_vergelijk_a").value == "voor"
    assert at.selectbox(key="werkruimtes_vergelijk_b").value == "na"
    assert {k: shown[k] for k in ("Projecten", "Partners", "Betrokkenheden", "Teamleden")} == {
        "Projecten": "4", "Partners": "0", "Betrokkenheden": "0", "Teamleden": "0"}
    titles = [re.sub(r"<[^>]+>", "", t) for t in chart_titles(at)]
    assert [t.split(":")[0] for t in titles] == ["Projecten per fase", "Projecten per element",
                                                  "Rol van de gemeente per fase"]
    assert all("voor → na · Gemeente Wadlo · zonder filters" in t for t in titles)
    for key in ("werkruimtes_fasen_tabel", "werkruimtes_elementen_tabel", "werkruimtes_rollen_tabel"):
        at.toggle(key=key).set_value(True)
    ok(at.run())
    frames = {tuple(f.value.columns): f.value for f in at.dataframe}
    assert frames[("Fase", "voor", "na", "Verschil")]["Verschil"].tolist() == [0, 0, 1]
    assert frames[("Element", "voor", "na", "Verschil")]["Verschil"].tolist() == [0, 1, -1, 0]
    roles = frames[("Fase", "Rol", "voor", "na", "Verschil")]
    assert roles[roles["Verschil"] != 0][["Fase", "Rol", "Verschil"]].values.tolist() == [
        ["Beleid", "Opdrachtgever", -1], ["Beleid", "Regisseur", 1], ["Uitvoering", "Zelf doen", 1],
        ["Uitvoering", "Regisseur", 1], ["Uitvoering", "Samenwerkingspartner", -1],
    ]
    added, removed = [f.value for f in at.dataframe if list(f.value.columns) == ["Project"]]
    assert added["Project"].tolist() == ["Wijkteam Noord"] and removed["Project"].tolist() == ["Mantelzorgbeleid"]
    changed = frames[("Project", "Wat", "voor", "na")]
    assert set(changed["Project"]) == {"Woonvisie 2030", "Sportakkoord Wadlo"}
    assert [t.label for t in at.tabs] == ["Toegevoegd (1)", "Verdwenen (1)", "Veranderd (2)"]


def test_the_same_label_twice_is_a_dutch_error(url: str) -> None:
    at = create(run())
    save(at, "voor", fx.voor_xlsx(), "voor.xlsx")
    save(at, "VOOR", fx.na_xlsx(), "na.xlsx")
    assert any("heeft al een momentopname 'VOOR'" in m for m in messages(at, "error"))
    assert at.dataframe[0].value["Label"].tolist() == ["voor"]


def test_personal_data_is_stored_only_when_ticked(url: str) -> None:
    at = create(run())
    save(at, "zonder", fx.personal_xlsx(), "personen.xlsx")
    assert any(t.startswith("Persoonsgegevens niet opgeslagen") for t in texts(at))
    save(at, "met", fx.personal_xlsx(), "personen.xlsx", personal=True)
    assert "Het bestand is opgeslagen zoals het is, met persoonsgegevens." in texts(at)
    assert at.dataframe[0].value["Persoonsgegevens"].tolist() == ["niet bewaard", "bewaard"]
    assert at.checkbox(key="werkruimtes_persoonsgegevens").value is False, "the choice is made per save"
    with Store(url) as store:
        stripped = store.load_snapshot(NAME, "zonder").data
        kept = store.load_snapshot(NAME, "met").data
    from regie import read_workbook

    def cells(data: bytes) -> str:
        raw = read_workbook(data, "x.xlsx")
        return " ".join(str(v) for t in raw.tables for v in t.frame.to_numpy().ravel())

    assert all(value not in cells(stripped) for value in fx.TREKKERS + fx.CONTACTS)
    assert fx.TREKKERS[0] in cells(kept)


def test_load_a_snapshot_then_every_page_shows_it(url: str) -> None:
    at = voor_en_na(url)
    at.selectbox(key="werkruimtes_momentopname").select("voor")
    ok(at.button(key="werkruimtes_laden").click().run())
    assert any("Momentopname 'voor' is geladen" in m for m in messages(at, "success"))
    assert not messages(at, "warning") or all("regels" not in m for m in messages(at, "warning"))
    assert "voor (werkruimte Gemeente Wadlo)" in texts(at)
    assert at.session_state["regie_upload"]["name"] == "voor.xlsx"
    assert at.session_state["regie_werkruimte"] == NAME
    other = AppTest.from_file(str(OVERZICHT), default_timeout=60)
    for key in ("regie_upload", "regie_mappings", "regie_accepted"):
        other.session_state[key] = at.session_state[key]
    ok(other.run())
    assert metrics(other)["Projecten"] == "4"
    assert all("voor.xlsx" in title for title in chart_titles(other))


def test_a_changed_analysis_is_reported_when_loading(url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    at = voor_en_na(url)
    from regie.storage import store as store_module

    monkeypatch.setattr(store_module.Snapshot, "reproduces", lambda self, inventory=None: False)
    ok(at.button(key="werkruimtes_laden").click().run())
    assert any("regels voor het inlezen zijn veranderd" in m for m in messages(at, "warning"))


def test_notes_are_saved_per_snapshot(url: str) -> None:
    at = voor_en_na(url)
    at.selectbox(key="werkruimtes_momentopname").select("voor")
    at.run()
    at.text_area(key="werkruimtes_duiding::voor").input("Regie in beleid besproken; **let op** <b>P3</b>")
    ok(at.button(key="werkruimtes_duiding_opslaan").click().run())
    assert at.dataframe[0].value["Duiding"].tolist() == ["Regie in beleid besproken; **let op** <b>P3</b>", ""]
    with Store(url) as store:
        assert store.snapshots(NAME)[0].notes.startswith("Regie in beleid")


def test_delete_a_snapshot_needs_confirmation(url: str) -> None:
    at = voor_en_na(url)
    at.selectbox(key="werkruimtes_momentopname").select("voor")
    at.run()
    assert at.button(key="werkruimtes_momentopname_verwijderen").disabled
    at.checkbox(key="werkruimtes_momentopname_zeker").check().run()
    ok(at.button(key="werkruimtes_momentopname_verwijderen").click().run())
    assert any("Momentopname 'voor' is verwijderd" in m for m in messages(at, "success"))
    assert at.dataframe[0].value["Label"].tolist() == ["na"]
    assert any("twee momentopnamen nodig" in m for m in messages(at, "info"))
    assert row_counts(url)["snapshot_files"] == 1


def test_rename_and_delete_the_werkruimte(url: str) -> None:
    at = voor_en_na(url)
    at.text_input(key="werkruimtes_hernoem_naam").input("Gemeente Wadlo-Noord")
    ok(at.button(key="werkruimtes_hernoemen").click().run())
    assert at.selectbox(key="werkruimtes_kies").value == "Gemeente Wadlo-Noord"
    assert at.button(key="werkruimtes_verwijderen").disabled
    warning = " ".join(messages(at, "warning"))
    assert "2 momentopnamen" in warning and "0 werkplaatsen" in warning
    at.checkbox(key="werkruimtes_verwijder_zeker").check().run()
    ok(at.button(key="werkruimtes_verwijderen").click().run())
    assert any("is verwijderd, met 2 momentopnamen" in m for m in messages(at, "success"))
    assert at.selectbox(key="werkruimtes_kies").options == ["— geen —"]
    assert set(row_counts(url).values()) == {0}, "the werkruimte's rows and file bytes are gone"


def test_switching_the_active_werkruimte(url: str) -> None:
    at = create(run(), "Veenland")
    create(at, NAME)
    assert at.selectbox(key="werkruimtes_kies").value == NAME
    ok(at.selectbox(key="werkruimtes_kies").select("Veenland").run())
    assert at.session_state["regie_werkruimte"] == "Veenland"
    ok(at.selectbox(key="werkruimtes_kies").select("— geen —").run())
    assert "regie_werkruimte" not in at.session_state
    assert any("Kies of maak een werkruimte" in m for m in messages(at, "info"))


def test_a_werkruimte_deleted_elsewhere_is_no_longer_active(url: str) -> None:
    at = create(run())
    with Store(url) as store:
        store.delete_werkruimte(NAME)
    ok(at.run())
    assert at.selectbox(key="werkruimtes_kies").value == "— geen —"


def mapping_script(name: str, data: bytes, granted: list[int]) -> None:
    """Run as an app: upload while a werkruimte is active (opened with its key: ``granted``), then map a value
    in the review."""
    import streamlit as st

    from regie.ui import keys, state, werkruimtes

    st.session_state.setdefault(keys.ACCESS, set(granted))
    werkruimtes.set_active(name)
    if "done" not in st.session_state:
        st.session_state["done"] = True
        st.session_state["error"] = state.load_upload("volgende.xlsx", data)
        st.session_state["applied"] = dict(state.mappings())
        state.set_mapping("rol", "trekker", "regisseur")
    st.text(werkruimtes.take_notice() or "")


def test_the_werkruimte_mappings_go_with_the_next_upload(url: str) -> None:
    with Store(url) as store:
        store.save_snapshot(NAME, "voor", fx.numbered_xlsx(3), "voor.xlsx", value_mappings={"fase": {"afronding": "uitvoering"}})
        [info] = store.werkruimtes()
    at = AppTest.from_function(mapping_script, args=(NAME, fx.numbered_xlsx(5, "b"), [info.id]), default_timeout=60)
    ok(at.run())
    assert at.session_state["error"] is None
    assert at.session_state["applied"] == {"fase": {"afronding": "uitvoering"}}
    assert "1 toewijzing van werkruimte 'Gemeente Wadlo' toegepast op het nieuwe bestand." in texts(at)
    with Store(url) as store:
        assert store.mappings_for(NAME) == {"fase": {"afronding": "uitvoering"}, "rol": {"trekker": "regisseur"}}


def test_a_werkruimte_without_access_gives_no_mappings(url: str) -> None:
    with Store(url) as store:
        store.save_snapshot(NAME, "voor", fx.numbered_xlsx(3), "voor.xlsx", value_mappings={"fase": {"afronding": "uitvoering"}})
    at = AppTest.from_function(mapping_script, args=(NAME, fx.numbered_xlsx(5, "b"), []), default_timeout=60)
    ok(at.run())
    assert at.session_state["applied"] == {}, "another gemeente's mappings are not applied"
    assert any("U heeft geen toegang" in t for t in texts(at))
    with Store(url) as store:
        assert store.mappings_for(NAME) == {"fase": {"afronding": "uitvoering"}}, "and nothing is written to it"


def test_hostile_names_stay_text(url: str) -> None:
    at = create(run(), HOSTILE)
    save(at, HOSTILE, fx.voor_xlsx(), HOSTILE + ".xlsx", notes=HOSTILE)
    save(at, "na", fx.na_xlsx(), "na.xlsx")
    ok(at)
    shown = rendered(at)
    for needle in ("<img", "**vet**"):
        leaked = [where for where, text in shown.markup if needle in re.sub(r"\\.", "", text)]
        assert not leaked, leaked
        assert shown.literal_containing(needle), "the name is shown, as text"
    for spec in shown.plotly:
        assert "<img" not in str(spec)


def test_an_unreachable_database_is_a_dutch_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_URL, "postgresql://regie:geheim@127.0.0.1:1/regie")
    at = ok(run())
    assert any("De databaseserver antwoordt niet" in m for m in messages(at, "error"))
    assert "geheim" not in " ".join(messages(at, "error"))


def open_with_key(at: AppTest, name: str, key: str) -> AppTest:
    at.text_input(key="werkruimtes_open_naam").input(name)
    at.text_input(key="werkruimtes_open_sleutel").input(key)
    return ok(at.button(key="werkruimtes_openen").click().run())


def test_creating_shows_the_key_once(url: str) -> None:
    at = create(run())
    [key] = [c.value for c in at.code]
    assert re.fullmatch(r"[A-Z2-9]{4}(-[A-Z2-9]{4}){4}", key)
    assert any("Hij wordt maar één keer getoond" in m for m in messages(at, "warning"))
    ok(at.button(key="werkruimtes_sleutel_bewaard").click().run())
    assert not at.code, "gone once the user says it is saved"
    with Store(url) as store:
        [stored] = store.werkruimtes()
        assert stored.has_key
        assert key not in str(store.engine.connect().execute(sa.text("SELECT key_hash FROM werkruimtes")).all())


def test_an_outsider_sees_no_werkruimte_and_opens_one_only_with_its_key(url: str) -> None:
    with Store(url) as store:
        _info, key = store.create_werkruimte_with_key(NAME)
        store.save_snapshot(NAME, "voor", fx.voor_xlsx(), "voor.xlsx")
        store.create_werkruimte_with_key("Veenland")
    outsider = ok(run(regie_werkruimte=NAME))  # even an active name in the session gives nothing
    assert outsider.selectbox(key="werkruimtes_kies").options == ["— geen —"]
    assert not outsider.dataframe and "voor.xlsx" not in str([d.value for d in outsider.dataframe])
    wrong = open_with_key(outsider, NAME, "AAAA-BBBB-CCCC-DDDD-EEEE")
    unknown = open_with_key(ok(run()), "Bestaat Niet", "AAAA-BBBB-CCCC-DDDD-EEEE")
    assert messages(wrong, "error") == messages(unknown, "error") != []
    assert "Veenland" not in " ".join(messages(unknown, "error")), "no list of what exists"
    assert wrong.selectbox(key="werkruimtes_kies").options == ["— geen —"]
    opened = open_with_key(ok(run()), NAME.lower(), key.lower().replace("-", " "))
    assert opened.selectbox(key="werkruimtes_kies").options == ["— geen —", NAME]
    assert opened.selectbox(key="werkruimtes_kies").value == NAME
    assert opened.dataframe[0].value["Label"].tolist() == ["voor"]
    assert "regie.sqlite3" not in " ".join(m for kind in ("info", "caption", "error") for m in messages(opened, kind))


def test_trying_keys_is_limited_per_session(url: str) -> None:
    with Store(url) as store:
        _info, key = store.create_werkruimte_with_key(NAME)
    at = ok(run())
    for _ in range(5):
        open_with_key(at, NAME, "AAAA-BBBB-CCCC-DDDD-EEEE")
    open_with_key(at, NAME, key)
    assert any("Te veel mislukte pogingen" in m for m in messages(at, "error"))
    assert at.selectbox(key="werkruimtes_kies").options == ["— geen —"], "not even the right key, for now"


def test_closing_a_werkruimte_in_the_session(url: str) -> None:
    at = create(run())
    at.button(key="werkruimtes_sleutel_bewaard").click().run()
    ok(at.button(key="werkruimtes_sluiten").click().run())
    assert at.selectbox(key="werkruimtes_kies").options == ["— geen —"]
