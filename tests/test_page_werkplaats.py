"""AppTest of pages/werkplaats.py on its own, against a SQLite file of the test (REGIE_DATABASE_URL):
the facilitator starts a werkplaats, participants (separate AppTests = separate sessions) open the
code, vote and answer the zelfscan; the facilitator sees counts but no results until the reveal;
links with the facilitator key; wrong keys and codes; hostile names; degenerate inventories."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest
from ui_support import DEGENERATE, EXAMPLE_BANNER, ROOT, app_test, exceptions, metrics, rendered, shown_text
from werkplaats_fixtures import inventory_xlsx

from regie.instruments import werkplaats as wp
from regie.storage import ENV_URL, Store
from regie.ui import keys

PAGE = ROOT / "pages" / "werkplaats.py"
NOW, SHOULD = wp.QUESTION_NOW, wp.QUESTION_SHOULD
HOSTILE = "<img src=x onerror=alert(1)> **vet**"


@pytest.fixture
def url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    database = f"sqlite:///{tmp_path / 'regie.sqlite3'}"
    monkeypatch.setenv(ENV_URL, database)
    return database


def ok(at: AppTest) -> AppTest:
    assert not at.exception, exceptions(at)
    return at


def messages(at: AppTest, kind: str) -> list[str]:
    return [shown_text(m.value) for m in getattr(at, kind)]


def facilitator(upload: tuple[bytes, str] | None = None, **state: Any) -> AppTest:
    return ok(app_test(PAGE, upload=upload, state=state).run())


def participant(code: str, perspective: str | None = "bestuur", **params: str) -> AppTest:
    """A participant's own session on the werkplaats link, having said for whom they speak (unless None)."""
    at = AppTest.from_file(str(PAGE), default_timeout=60)
    at.query_params[wp.PARAM_CODE] = code
    for key, value in params.items():
        at.query_params[key] = value
    ok(at.run())
    if perspective is not None and _has_radio(at, "werkplaats_perspectief"):
        ok(at.radio(key="werkplaats_perspectief").set_value(perspective).run())
    return at


def _has_radio(at: AppTest, key: str) -> bool:
    return any(r.key == key for r in at.radio)


def start(at: AppTest, projects: list[str], *, werkruimte: str = "Gemeente Wadlo", title: str | None = None,
          scan: bool = True) -> AppTest:
    if _has(at, "werkplaats_werkruimte_nieuw"):
        at.text_input(key="werkplaats_werkruimte_nieuw").input(werkruimte)
    if title is not None:
        at.text_input(key="werkplaats_titel").input(title)
    at.multiselect(key="werkplaats_projecten").set_value(projects)
    if not scan:
        at.checkbox(key="werkplaats_zelfscan").uncheck()
    return ok(at.button(key="werkplaats_starten").click().run())


def _has(at: AppTest, key: str) -> bool:
    return any(w.key == key for w in at.text_input)


def started(at: AppTest) -> dict[str, str]:
    return at.session_state["regie_werkplaats"]


def vote(at: AppTest, choices: dict[tuple[int, str], str]) -> AppTest:
    for (item, question), role in choices.items():
        at.radio(key=f"werkplaats_stem_{item}_{question}").set_value(role)
    return ok(at.button(key="werkplaats_stemmen_versturen").click().run())


def answer(at: AppTest, answers: dict[str, str]) -> AppTest:
    for item, value in answers.items():
        at.radio(key=f"werkplaats_scan_{item}").set_value(value)
    return ok(at.button(key="werkplaats_scan_versturen").click().run())


def links(at: AppTest) -> list[str]:
    """The werkplaats links shown (the participant's, then the facilitator's)."""
    return [c.value for c in at.code if "werkplaats?" in c.value]


def item_ids(url: str, code: str) -> list[int]:
    with Store(url) as store:
        return [i.id for i in wp.get(store, code).items]


def test_the_start_view_with_the_example(url: str) -> None:
    at = facilitator()
    assert [t.value for t in at.title] == ["Werkplaats"]
    assert [h.value for h in at.header] == ["Meedoen", "Een werkplaats begeleiden"]
    assert EXAMPLE_BANNER in [i.value for i in at.info]
    assert len(at.multiselect(key="werkplaats_projecten").options) == 30
    assert any("0 stemvragen" in c for c in messages(at, "caption"))
    at.multiselect(key="werkplaats_projecten").set_value(["id:p01", "id:p02"])
    ok(at.run())
    assert any("De deelnemers krijgen 4 stemvragen" in c for c in messages(at, "caption"))


def test_a_whole_werkplaats(url: str) -> None:
    host = start(facilitator((inventory_xlsx(), "werkplaats.xlsx")), ["id:p1", "id:p2"], title="Werkplaats 12 november")
    code = started(host)["code"]
    assert metrics(host)["Code voor de deelnemers"] == code
    assert links(host)[0] == f"werkplaats?code={code}"
    assert f"sleutel={started(host)['key']}" in links(host)[1]
    assert {k: metrics(host)[k] for k in ("Deelnemers", "Zelfscan ingevuld", "Stemmen")} == {
        "Deelnemers": "0", "Zelfscan ingevuld": "0", "Stemmen": "0"}
    assert not host.get("plotly_chart")
    assert host.session_state["regie_werkruimte"] == "Gemeente Wadlo"
    visie, beleid, uitvoering = item_ids(url, code)

    alice = participant(code)
    assert "Werkplaats 12 november" in [t.value for t in alice.text]
    assert [t.value for t in alice.text][1:4] == ["Woonvisie 2030 — Visie", "Woonvisie 2030 — Beleid",
                                                  "Buurtkamer West — Uitvoering"]
    assert not alice.metric and not alice.get("plotly_chart"), "a participant sees no counts and no results"
    assert alice.radio(key=f"werkplaats_stem_{visie}_{NOW}").label == wp.QUESTIONS[NOW]
    assert alice.radio(key=f"werkplaats_stem_{visie}_{NOW}").value is None
    vote(alice, {(visie, NOW): "regisseur", (visie, SHOULD): "partner", (beleid, NOW): "zelf"})
    assert "3 stemmen opgeslagen. Dank u wel!" in messages(alice, "success")
    answer(alice, {"L1": "ja", "L2": "nee"})
    assert "2 antwoorden opgeslagen. Dank u wel!" in messages(alice, "success")
    alice_id = alice.session_state[keys.PARTICIPANT][code]
    assert wp.valid_participant(alice_id)
    assert wp.PARAM_PARTICIPANT not in alice.query_params, "the participant's id never travels in the link"

    bob = participant(code)
    assert bob.session_state[keys.PARTICIPANT][code] != alice_id
    vote(bob, {(visie, NOW): "regisseur", (uitvoering, SHOULD): "onbekend"})
    vote(bob, {(visie, NOW): "facilitator"})  # changes his mind: replaces, still one vote

    # alice's page reruns (the phone refreshes within her session): the same participant, her votes shown
    ok(alice.run())
    assert alice.radio(key=f"werkplaats_stem_{visie}_{SHOULD}").value == "partner"
    assert alice.radio(key="werkplaats_scan_L2").value == "nee"
    # an old-style link carrying her id gives a stranger a new, empty participant: nobody can overwrite her votes
    stranger = participant(code, **{wp.PARAM_PARTICIPANT: alice_id})
    assert stranger.session_state[keys.PARTICIPANT][code] != alice_id
    assert wp.PARAM_PARTICIPANT not in stranger.query_params
    assert stranger.radio(key=f"werkplaats_stem_{visie}_{SHOULD}").value is None

    ok(host.run())
    assert {k: metrics(host)[k] for k in ("Deelnemers", "Zelfscan ingevuld", "Stemmen")} == {
        "Deelnemers": "3", "Zelfscan ingevuld": "1", "Stemmen": "5"}  # alice, bob, the stranger
    progress = host.dataframe[-1].value
    assert progress["Speelt nu"].tolist() == [2, 1, 0] and progress["Zou moeten"].tolist() == [1, 0, 1]
    assert not host.get("plotly_chart"), "no result before the reveal"

    ok(host.button(key="werkplaats_tonen").click().run())
    assert "De stemming is gesloten; dit is de uitslag." in messages(host, "success")
    titles = [re.sub(r"<[^>]+>", "", t).split("Werkplaats 12 november")[0] for t in
              [c.proto.spec for c in host.get("plotly_chart")]]
    assert len(titles) == 4  # two vote charts, the chosen item, the zelfscan per question (no merged score)
    assert metrics(host)["Louweret: iedereen volmondig ja"] == "1 van 8"  # only alice answered: L1 ja, L2 nee
    summary = next(f.value for f in host.dataframe if "Eens met de inventaris" in f.value.columns)
    assert summary["Stemmen"].tolist() == [2, 1, 0]
    assert summary["Eens met de inventaris"].tolist() == ["50%", "0%", "—"]
    assert summary["Meeste stemmen: speelt nu"].tolist() == ["Regisseur / Facilitator", "Zelf doen", "—"]

    closed = participant(code)
    assert any("De stemming is gesloten" in m for m in messages(closed, "info"))
    assert not closed.radio and not closed.get("plotly_chart")
    ok(alice.run())
    assert not alice.radio, "alice's own session shows the reveal notice, not the questions"

    ok(host.button(key="werkplaats_verbergen").click().run())
    assert not host.get("plotly_chart") and metrics(host)["Stemmen"] == "5"


def test_the_facilitator_link_opens_the_facilitator_view_in_another_session(url: str) -> None:
    host = start(facilitator(), ["id:p01"])
    code, key = started(host)["code"], started(host)["key"]
    co = AppTest.from_file(str(PAGE), default_timeout=60)
    co.query_params[wp.PARAM_CODE] = code
    co.query_params[wp.PARAM_KEY] = key
    ok(co.run())
    assert metrics(co)["Code voor de deelnemers"] == code
    assert wp.PARAM_KEY not in co.query_params and wp.PARAM_CODE not in co.query_params, "address bar cleaned"
    assert co.session_state["regie_werkplaats"] == {"code": code, "key": key}


def test_a_wrong_key_gives_no_access(url: str) -> None:
    host = start(facilitator(), ["id:p01"])
    other = start(facilitator(), ["id:p02"], werkruimte="Veenland")
    stranger = AppTest.from_file(str(PAGE), default_timeout=60)
    stranger.query_params[wp.PARAM_CODE] = started(host)["code"]
    stranger.query_params[wp.PARAM_KEY] = started(other)["key"]
    ok(stranger.run())
    assert any("hoort niet bij deze werkplaats" in m for m in messages(stranger, "error"))
    assert "regie_werkplaats" not in stranger.session_state
    assert [h.value for h in stranger.header] == ["Meedoen", "Een werkplaats begeleiden"]


def test_opening_with_code_and_key_typed_in(url: str) -> None:
    host = start(facilitator(), ["id:p01"])
    at = facilitator()
    at.text_input(key="werkplaats_open_code").input(started(host)["code"].lower())
    at.text_input(key="werkplaats_open_sleutel").input(started(host)["key"])
    ok(at.button(key="werkplaats_openen").click().run())
    assert metrics(at)["Code voor de deelnemers"] == started(host)["code"]


def test_join_by_typing_the_code(url: str) -> None:
    code = started(start(facilitator(), ["id:p01"]))["code"]
    at = facilitator()
    at.text_input(key="werkplaats_code_invoer").input(code[:4].lower() + "-" + code[4:])
    ok(at.button(key="werkplaats_meedoen").click().run())
    assert at.query_params[wp.PARAM_CODE] == code
    ok(at.radio(key="werkplaats_perspectief").set_value("partner").run())
    assert at.button(key="werkplaats_stemmen_versturen")


def test_an_unknown_code(url: str) -> None:
    at = participant("ZZZZZZZZ")
    assert any("geen werkplaats met deze code" in m for m in messages(at, "error"))
    ok(at.button(key="werkplaats_andere_code").click().run())
    assert wp.PARAM_CODE not in at.query_params


def test_submitting_nothing_is_said(url: str) -> None:
    code = started(start(facilitator(), ["id:p01"]))["code"]
    at = participant(code)
    ok(at.button(key="werkplaats_stemmen_versturen").click().run())
    assert "U heeft nog niets gekozen." in messages(at, "warning")
    ok(at.button(key="werkplaats_scan_versturen").click().run())
    assert "U heeft nog niets ingevuld." in messages(at, "warning")


def test_zelfscan_only_and_votes_only(url: str) -> None:
    code = started(start(facilitator(), []))["code"]
    at = participant(code)
    assert [h.value for h in at.header] == ["Zelfscan"]
    code = started(start(facilitator(), ["id:p01"], scan=False, werkruimte="Veenland"))["code"]
    assert [h.value for h in participant(code).header] == ["Stemmen"]
    at = start(facilitator(), [], scan=False, werkruimte="Zandmeer")
    assert any("niets te vragen" in m for m in messages(at, "error"))


def test_an_existing_werkruimte_is_chosen_only_with_access(url: str) -> None:
    with Store(url) as store:
        veenland = store.create_werkruimte_with_key("Veenland")[0]
        wadlo = store.create_werkruimte_with_key("Wadlo")[0]
    outsider = facilitator(regie_werkruimte="Wadlo")
    assert not any(w.key == "werkplaats_werkruimte" for w in outsider.selectbox), "no werkruimte listed"
    at = facilitator(regie_werkruimte="Wadlo", regie_toegang={veenland.id, wadlo.id})
    assert at.selectbox(key="werkplaats_werkruimte").options == ["Veenland", "Wadlo"]
    assert at.selectbox(key="werkplaats_werkruimte").value == "Wadlo"
    at = start(at, ["id:p01"])
    with Store(url) as store:
        assert wp.get(store, started(at)["code"]).werkruimte == "Wadlo"


def test_starting_makes_a_werkruimte_with_a_key_shown_once(url: str) -> None:
    at = start(facilitator(), ["id:p01"], werkruimte="Nieuwland")
    shown = [c.value for c in at.code]
    with Store(url) as store:
        [info] = store.werkruimtes()
        assert info.name == "Nieuwland" and info.has_key
    assert info.id in at.session_state[keys.ACCESS]
    assert any(re.fullmatch(r"[A-Z2-9]{4}(-[A-Z2-9]{4}){4}", value) for value in shown), shown


def test_delete_the_werkplaats_with_confirmation(url: str) -> None:
    host = start(facilitator(), ["id:p01"])
    code = started(host)["code"]
    assert host.button(key="werkplaats_verwijderen").disabled
    host.checkbox(key="werkplaats_verwijder_zeker").check().run()
    ok(host.button(key="werkplaats_verwijderen").click().run())
    assert any("is verwijderd" in m for m in messages(host, "success"))
    assert "regie_werkplaats" not in host.session_state
    assert any("geen werkplaats met deze code" in m for m in messages(participant(code), "error"))


def test_stop_facilitating_keeps_the_werkplaats(url: str) -> None:
    host = start(facilitator(), ["id:p01"])
    code = started(host)["code"]
    ok(host.button(key="werkplaats_stoppen").click().run())
    assert [h.value for h in host.header] == ["Meedoen", "Een werkplaats begeleiden"]
    assert participant(code).button(key="werkplaats_stemmen_versturen")


def test_hostile_names_stay_text(url: str) -> None:
    from realistic import Sheet, xlsx

    data = xlsx([Sheet("Projecten", [["ID", "Projectnaam", "Fase", "Rol"], ["P1", HOSTILE, "Visie", "Regisseur"]])])
    host = start(facilitator((data, HOSTILE + ".xlsx")), ["id:p1"], werkruimte=HOSTILE, title=HOSTILE)
    code = started(host)["code"]
    guest = participant(code)
    [item] = item_ids(url, code)
    vote(guest, {(item, NOW): "regisseur"})
    ok(host.button(key="werkplaats_tonen").click().run())
    host.toggle(key=f"werkplaats_stemmen_{NOW}_tabel").set_value(True)
    ok(host.run())
    for at in (host, guest):
        shown = rendered(at)
        for needle in ("<img", "**vet**"):
            leaked = [where for where, text in shown.markup if needle in re.sub(r"\\.", "", text)]
            assert not leaked, leaked
            assert shown.literal_containing(needle), "the name is shown, as text"
        for spec in shown.plotly:
            assert "<img" not in str(spec)


@pytest.mark.parametrize("name", list(DEGENERATE))
def test_degenerate_inventories(url: str, name: str) -> None:
    at = facilitator((DEGENERATE[name](), f"{name}.xlsx"))
    projects = at.multiselect(key="werkplaats_projecten").options
    at = start(at, projects[:1])
    assert metrics(at)["Code voor de deelnemers"] == started(at)["code"]
    ok(participant(started(at)["code"]))


def test_an_unreachable_database_is_a_dutch_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_URL, "postgresql://regie:geheim@127.0.0.1:1/regie")
    at = facilitator()
    assert any("De databaseserver antwoordt niet" in m for m in messages(at, "error"))


@pytest.mark.parametrize(("public", "warned"), [
    ("https://regie.wadlo.nl", False),
    ("http://localhost:8501", True),
])
def test_the_participant_link_uses_the_public_address_with_a_qr_code(
    url: str, monkeypatch: pytest.MonkeyPatch, public: str, warned: bool,
) -> None:
    monkeypatch.setenv(wp.ENV_PUBLIC_URL, public)
    host = start(facilitator((inventory_xlsx(), "werkplaats.xlsx")), ["id:p1"], title="Met QR")
    code = started(host)["code"]
    assert links(host)[0] == f"{public}/werkplaats?code={code}"
    warnings = [w.value for w in host.warning if "alleen op deze computer" in w.value]
    assert bool(warnings) is warned
    assert host.get("image"), "the QR code is shown"
    assert host.toggle(key="werkplaats_qr_groot").value is False


# ------------------------------------------------------------------ a werkplaats as MOVISIE means it


def test_a_participant_says_for_whom_before_the_questions_and_sees_what_roles_mean(url: str) -> None:
    code = started(start(facilitator(), ["id:p01"]))["code"]
    at = participant(code, perspective=None)
    from regie import vocabulary as voc

    assert at.radio(key="werkplaats_perspectief").options == [c.label for c in voc.PERSPECTIVES]
    assert any("Kies eerst voor wie u hier spreekt" in m for m in messages(at, "info"))
    assert not at.header, "no questions before the participant says for whom they speak"
    ok(at.radio(key="werkplaats_perspectief").set_value("ambtelijk").run())
    assert [h.value for h in at.header] == ["Stemmen", "Zelfscan"]
    meanings = " ".join(m.value for m in at.markdown)
    for role in ("Zelf doen", "Opdrachtgever", "Regisseur", "Samenwerkingspartner", "Facilitator", "Regie bij anderen"):
        assert f"**{role}**" in meanings
    assert [s.value for s in at.subheader] == ["Oosterhof"], "Louweret's questions go to the bestuur only"
    assert any(r.key == "werkplaats_scan_O1" for r in at.radio)
    assert not any(r.key == "werkplaats_scan_L1" for r in at.radio)
    ok(at.radio(key="werkplaats_perspectief").set_value("partner").run())
    assert [h.value for h in at.header] == ["Stemmen"], "a partner gets no zelfscan"
    assert any("zelfscan van deze werkplaats is voor de gemeente" in c for c in messages(at, "caption"))
    board = participant(code, perspective="bestuur")
    assert [s.value for s in board.subheader] == ["Louweret", "Oosterhof"]


def test_results_split_by_gemeente_and_partners(url: str) -> None:
    host = start(facilitator(), ["id:p01"], scan=False)
    code = started(host)["code"]
    [item, *_rest] = item_ids(url, code)
    vote(participant(code, perspective="bestuur"), {(item, NOW): "regisseur"})
    vote(participant(code, perspective="ambtelijk"), {(item, NOW): "regisseur"})
    vote(participant(code, perspective="partner"), {(item, NOW): "facilitator"})
    ok(host.run())
    assert any("Voor wie: " in c and "partner 1" in c for c in messages(host, "caption"))
    ok(host.button(key="werkplaats_tonen").click().run())
    sides = next(f.value for f in host.dataframe if "Zelfde rol: speelt nu" in f.value.columns)
    assert sides["Gemeente: speelt nu"].iloc[0] == "Regisseur"
    assert sides["Partners: speelt nu"].iloc[0] == "Facilitator"
    assert sides["Zelfde rol: speelt nu"].iloc[0] == "Nee"
    summary = next(f.value for f in host.dataframe if "Eens met de inventaris" in f.value.columns)
    assert summary["Stemmen"].iloc[0] == 3
    ok(host.segmented_control(key="werkplaats_kant").set_value("partner").run())
    summary = next(f.value for f in host.dataframe if "Eens met de inventaris" in f.value.columns)
    assert summary["Stemmen"].iloc[0] == 1 and summary["Meeste stemmen: speelt nu"].iloc[0] == "Facilitator"
    assert metrics(host)["Deelnemers"] == "1"


def test_the_four_practice_questions_are_at_hand(url: str) -> None:
    from regie import vocabulary as voc

    host = start(facilitator(), ["id:p01"])
    shown = [t.value for t in host.text]
    for n, question in enumerate(voc.PRACTICE_QUESTIONS, start=1):
        assert f"{n}. {question}" in shown
    assert any("praktijkwerkplaatsen" in c and "MOVISIE" in c for c in messages(host, "caption"))


def _agree(host: AppTest, **fields: Any) -> AppTest:
    import datetime as dt

    host.text_input(key="werkplaats_afspraak_wie").input(fields.get("wie", ""))
    host.text_area(key="werkplaats_afspraak_wat").input(fields.get("wat", ""))
    if "fase" in fields:
        host.selectbox(key="werkplaats_afspraak_fase").set_value(fields["fase"])
    if "wanneer" in fields:
        host.date_input(key="werkplaats_afspraak_wanneer").set_value(dt.date.fromisoformat(fields["wanneer"]))
    return ok(host.button(key="werkplaats_afspraak_vastleggen").click().run())


def test_the_session_ends_with_agreements_kept_in_the_werkruimte(url: str) -> None:
    host = start(facilitator(), ["id:p01"])
    _agree(host, wie="Wethouder wonen")
    assert any("Vul bij de afspraak ook wat en welke fase en wanneer in" in m for m in messages(host, "error"))
    _agree(host, wie="Wethouder wonen", wat="=HYPERLINK(\"x\") corporaties uitnodigen", fase="beleid",
           wanneer="2027-03-01")
    assert "De afspraak is vastgelegd in de werkruimte." in messages(host, "success")
    made = next(f.value for f in host.dataframe if "Wanneer" in f.value.columns)
    assert made.to_dict("records") == [{"Wie": "Wethouder wonen", "Wat": "=HYPERLINK(\"x\") corporaties uitnodigen",
                                        "Fase": "Beleid", "Wanneer": "01-03-2027", "Project": "—",
                                        "Werkplaats": made["Werkplaats"].iloc[0]}]
    # the werkplaats goes, its agreements stay in the werkruimte
    host.checkbox(key="werkplaats_verwijder_zeker").check().run()
    ok(host.button(key="werkplaats_verwijderen").click().run())
    page = ok(app_test(ROOT / "pages" / "werkruimtes.py", state={
        "regie_werkruimte": "Gemeente Wadlo", "regie_toegang": set(host.session_state["regie_toegang"])}).run())
    kept = next(f.value for f in page.dataframe if "Wanneer" in f.value.columns)
    assert kept["Wie"].tolist() == ["Wethouder wonen"]
    stranger = ok(app_test(ROOT / "pages" / "werkruimtes.py", state={"regie_werkruimte": "Gemeente Wadlo"}).run())
    assert not any("Wanneer" in f.value.columns for f in stranger.dataframe), "no access, no agreements"


def test_the_outcome_downloads_hold_the_agreements(url: str) -> None:
    host = start(facilitator(), ["id:p01"])
    _agree(host, wie="Wethouder wonen", wat="Corporaties uitnodigen", fase="beleid", wanneer="2027-03-01")
    ok(host.button(key="werkplaats_tonen").click().run())
    for kind in ("xlsx", "pptx"):
        ok(host.button(key=f"werkplaats_uitkomst_{kind}_maken").click().run())
        assert any(b.key == f"werkplaats_uitkomst_{kind}" for b in host.get("download_button"))
