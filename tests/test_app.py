"""AppTest of the router (app.py): example banner, shared sidebar, page switching, filters, "Namen verbergen".
"""

from __future__ import annotations

import pytest
from ui_support import (
    DEGENERATE,
    EXAMPLE_BANNER,
    FILTER_KEYS,
    HIDE_NAMES_KEY,
    PAGE_BY_STEM,
    PAGES,
    PARTNER_NAMES,
    PERSON_NAMES,
    UPLOAD_KEY,
    Page,
    app_test,
    captions,
    chart_titles,
    exceptions,
    metrics,
    named_partners_xlsx,
    rendered,
    run_page,
    workbook,
)

PAGE_IDS = [page.stem for page in PAGES]



def test_router_runs_with_the_example() -> None:
    at = app_test().run()
    assert not at.exception, exceptions(at)
    assert [t.value for t in at.title] == ["Overzicht"]
    assert EXAMPLE_BANNER in [i.value for i in at.info]
    assert metrics(at)["Projecten"] == "30"
    assert [m.key for m in at.sidebar.multiselect] == list(FILTER_KEYS)
    assert [m.label for m in at.sidebar.multiselect] == ["Domein", "Gebied", "Fase", "Element", "Rol", "Partnertype"]
    assert [t.key for t in at.sidebar.toggle] == [HIDE_NAMES_KEY]
    assert at.toggle(key=HIDE_NAMES_KEY).label == "Namen verbergen"
    assert "voorbeeld_inventaris.xlsx (voorbeeld)" in [t.value for t in at.sidebar.text]


@pytest.mark.parametrize("page", PAGES, ids=PAGE_IDS)
def test_every_page_through_the_router_with_the_example(page: Page) -> None:
    at = run_page(page)
    assert not at.exception, exceptions(at)
    assert at.title and at.title[0].value == page.title
    assert EXAMPLE_BANNER in [i.value for i in at.info], "the example banner belongs on every page"
    assert [m.key for m in at.sidebar.multiselect] == list(FILTER_KEYS), "the sidebar is shared by every page"


@pytest.mark.parametrize("page", PAGES, ids=PAGE_IDS)
def test_every_page_through_the_router_with_an_upload(page: Page) -> None:
    at = run_page(page, upload=(named_partners_xlsx(), "mijn_inventaris.xlsx"))
    assert not at.exception, exceptions(at)
    assert at.title and at.title[0].value == page.title
    assert EXAMPLE_BANNER not in [i.value for i in at.info]
    assert "mijn_inventaris.xlsx" in [t.value for t in at.sidebar.text]


@pytest.mark.parametrize("case", list(DEGENERATE), ids=list(DEGENERATE))
@pytest.mark.parametrize("page", PAGES, ids=PAGE_IDS)
def test_every_page_with_a_degenerate_inventory(page: Page, case: str) -> None:
    at = run_page(page, upload=(DEGENERATE[case](), f"{case}.xlsx"))
    assert not at.exception, exceptions(at)
    assert not [e.value for e in at.error if "Er ging iets mis" in e.value], "a page fell back on safe_call"
    assert at.title and at.title[0].value == page.title


def test_the_upload_filters_and_mappings_survive_page_switches() -> None:
    data = named_partners_xlsx()
    at = app_test(upload=(data, "mijn_inventaris.xlsx")).run()
    assert metrics(at)["Projecten"] == "4"
    at.multiselect(key="filter_fase").set_value(["uitvoering"]).run()
    assert metrics(at)["Projecten"] == "2"
    upload = at.session_state[UPLOAD_KEY]
    for page in [*PAGES[1:], PAGES[0]]:
        at.switch_page(page.file).run()
        assert not at.exception, (page.stem, exceptions(at))
        assert at.session_state[UPLOAD_KEY] is upload or at.session_state[UPLOAD_KEY]["sha256"] == upload["sha256"]
        assert "mijn_inventaris.xlsx" in [t.value for t in at.sidebar.text], page.stem
        assert at.multiselect(key="filter_fase").value == ["uitvoering"], f"filter lost on {page.stem}"
        assert at.title[0].value == page.title
    assert [t.value for t in at.title] == ["Overzicht"]
    assert metrics(at)["Projecten"] == "2"


def test_a_filter_changes_overzicht_and_every_subtitle_states_it() -> None:
    at = app_test().run()
    before = metrics(at)
    assert all("Alle projecten" in title for title in chart_titles(at))
    at.multiselect(key="filter_fase").set_value(["visie"]).run()
    assert not at.exception, exceptions(at)
    after = metrics(at)
    assert int(after["Projecten"]) < int(before["Projecten"]) == 30
    assert after["Beleid: projecten"] != before["Beleid: projecten"]
    titles = chart_titles(at)
    assert titles and all("Filter: fase Visie" in title for title in titles), titles
    assert any("Filter: fase Visie" in c for c in captions(at))


CHARTS_WITHOUT_INVENTORY = {"zelfscan"}
"""Pages whose charts show a questionnaire's answers, not the (filtered) inventory."""
INVENTORY_PAGES = [p for p in PAGES if p.stem not in CHARTS_WITHOUT_INVENTORY]


@pytest.mark.parametrize("page", INVENTORY_PAGES, ids=[p.stem for p in INVENTORY_PAGES])
def test_the_filter_is_in_every_chart_subtitle(page: Page) -> None:
    at = run_page(page, state={"filter_rol": ["regisseur"]})
    assert not at.exception, exceptions(at)
    titles = chart_titles(at)
    missing = [t for t in titles if "Filter: rol Regisseur" not in t]
    assert not missing, f"charts without the active filter in their subtitle: {missing}"


def test_clearing_the_filters() -> None:
    at = app_test(state={"filter_fase": ["visie"]}).run()
    assert metrics(at)["Projecten"] != "30"
    at.button(key="filters_wissen").click().run()
    assert not at.exception, exceptions(at)
    assert metrics(at)["Projecten"] == "30"
    assert at.multiselect(key="filter_fase").value == []


def test_a_value_mapping_changes_the_numbers_on_overzicht() -> None:
    data = workbook({"Projecten": [
        ["ID", "Projectnaam", "Fase", "Rol"],
        ["P1", "Woonzorgvisie", "Visie", "Regisseur"],
        ["P2", "Buurtkamer", "Nazorg", "Partner"],
        ["P3", "Valpreventie", "Nazorg", "Facilitator"],
    ]})
    at = app_test(upload=(data, "nazorg.xlsx")).run()
    assert metrics(at)["Uitvoering: projecten"] == "0"
    at.session_state["regie_mappings"] = {"fase": {"Nazorg": "uitvoering"}}
    at.run()
    assert not at.exception, exceptions(at)
    assert metrics(at)["Uitvoering: projecten"] == "2"
    at.switch_page("pages/inventaris.py").run()
    at.switch_page("pages/overzicht.py").run()
    assert metrics(at)["Uitvoering: projecten"] == "2", "the mapping must survive page switches"


def test_the_mapping_review_on_inventaris_changes_the_numbers_on_other_pages() -> None:
    data = workbook({"Projecten": [
        ["ID", "Projectnaam", "Fase", "Rol"],
        ["P1", "Woonzorgvisie", "Visie", "Regisseur"],
        ["P2", "Buurtkamer", "Nazorg", "Partner"],
        ["P3", "Valpreventie", "Nazorg", "Facilitator"],
    ]})
    at = app_test(upload=(data, "nazorg.xlsx")).run()
    assert metrics(at)["Uitvoering: projecten"] == "0"
    at.switch_page("pages/inventaris.py").run()
    review = [s for s in at.selectbox if s.label.startswith("Fase") and s.label.endswith("toewijzen aan")]
    assert len(review) == 1, [s.label for s in at.selectbox]
    review[0].set_value("uitvoering").run()
    assert not at.exception, exceptions(at)
    at.switch_page("pages/overzicht.py").run()
    assert metrics(at)["Uitvoering: projecten"] == "2", "the mapping applies on Overzicht at once"
    at.switch_page("pages/projecten.py").run()
    assert not at.exception, exceptions(at)
    cells = rendered(at).literal_containing("handmatig toegewezen")
    assert cells, "Projecten explains the mapped value as 'handmatig toegewezen'"


def _names_shown(at) -> list[str]:
    text = rendered(at).all_text()
    return [name for name in (*PARTNER_NAMES, *PERSON_NAMES) if name in text]


@pytest.mark.parametrize("page", PAGES, ids=PAGE_IDS)
def test_namen_verbergen_hides_partner_and_person_names(page: Page) -> None:
    upload = (named_partners_xlsx(), "namen.xlsx")
    at = run_page(page, upload=upload, state={HIDE_NAMES_KEY: True})
    assert not at.exception, exceptions(at)
    assert at.toggle(key=HIDE_NAMES_KEY).value is True
    assert _names_shown(at) == [], f"names visible on {page.title} with Namen verbergen on"


def test_namen_verbergen_on_the_partners_page_shows_types_instead_of_names() -> None:
    page = PAGE_BY_STEM["partners"]
    upload = (named_partners_xlsx(), "namen.xlsx")
    shown = run_page(page, upload=upload)
    assert set(PARTNER_NAMES) <= set(_names_shown(shown)), "the Partners page should name the partners"
    hidden = run_page(page, upload=upload, state={HIDE_NAMES_KEY: True})
    text = rendered(hidden).all_text()
    assert _names_shown(hidden) == []
    assert "Woningcorporatie 1" in text and "Zorgaanbieder 1" in text


def test_namen_verbergen_switch_in_the_sidebar() -> None:
    at = app_test(upload=(named_partners_xlsx(), "namen.xlsx")).run()
    at.toggle(key=HIDE_NAMES_KEY).set_value(True).run()
    assert not at.exception, exceptions(at)
    assert at.session_state[HIDE_NAMES_KEY] is True
    page = PAGE_BY_STEM["partners"]
    at.switch_page(page.file).run()
    assert at.toggle(key=HIDE_NAMES_KEY).value is True, "the switch must survive a page switch"
    assert _names_shown(at) == []


@pytest.fixture
def database(tmp_path, monkeypatch: pytest.MonkeyPatch) -> str:
    from regie.storage import ENV_URL

    url = f"sqlite:///{tmp_path / 'regie.sqlite3'}"
    monkeypatch.setenv(ENV_URL, url)
    return url


def _a_werkplaats(url: str) -> str:
    from regie.instruments import werkplaats as wp
    from regie.storage import Store

    with Store(url) as store:
        store.create_werkruimte_with_key("Wadlo")
        return wp.start(store, "Wadlo", "Werkplaats", [], scan_included=True, source="voorbeeld").code


def test_a_participant_session_reaches_nothing_but_the_vote(database: str) -> None:
    from regie.instruments import werkplaats as wp

    code = _a_werkplaats(database)
    at = app_test()
    at.query_params[wp.PARAM_CODE] = code
    at.run()
    assert not at.exception, exceptions(at)
    at.radio(key="werkplaats_perspectief").set_value("bestuur").run()
    assert [t.value for t in at.title] == ["Werkplaats"] and [h.value for h in at.header] == ["Zelfscan"]
    assert not at.sidebar.multiselect and not at.sidebar.toggle and not at.sidebar.text, "no sidebar"
    assert not at.get("page_link"), "no navigation"
    # no other page is registered in this session: no address leads anywhere but the vote
    at.query_params.pop(wp.PARAM_CODE, None)
    for page in PAGES:
        if page.stem != "werkplaats":
            with pytest.raises(ValueError, match=r"Known pages: \['Werkplaats', '[^,]*pages/werkplaats.py'\]"):
                at.switch_page(page.file)
    at.run()
    assert [t.value for t in at.title] == ["Werkplaats"] and at.button(key="werkplaats_scan_versturen")
    # stopping gives the ordinary app back (where this session has no werkruimte open)
    at.button(key="werkplaats_stoppen_meedoen").click().run()
    assert not at.exception, exceptions(at)
    assert [t.value for t in at.title] == ["Werkplaats"] and next(h.value for h in at.header) == "Meedoen"
    assert at.sidebar.multiselect, "the sidebar is back"
