"""AppTest of pages/partners.py on its own: the example, the phase selector, uploaded fixtures,
hidden names, degenerate inventories and hostile names."""

from __future__ import annotations

import json
from typing import Any

import pytest
import realistic
from page_checks import frame
from streamlit.testing.v1 import AppTest
from ui_support import (
    DEGENERATE,
    EXAMPLE_BANNER,
    HIDE_NAMES_KEY,
    HOSTILE_FILE_NAME,
    HOSTILE_PARTNERS,
    PAGE_BY_STEM,
    PARTNER_NAMES,
    app_test,
    chart_titles,
    exceptions,
    hostile_xlsx,
    metrics,
    named_partners_xlsx,
    rendered,
)

from regie import vocabulary as voc
from regie.ui.widgets import escape_markdown

PAGE = PAGE_BY_STEM["partners"].path
TITLES = [
    "Netwerk van partners en projecten — alle fasen", "Meest verbonden partners — alle fasen",
    "Soorten partners per fase", "Invloed en belang van partners", "Werkgebied van partners: lokaal of regionaal",
]


def run(data: bytes | None = None, name: str = "inventaris.xlsx", **state: Any) -> AppTest:
    return app_test(PAGE, upload=(data, name) if data is not None else None, state=state).run()


SECTIONS = ("Netwerk", "Soorten per fase", "Invloed en belang", "Lokaal of regionaal")
SECTION_KEY = "partners_onderdeel"


def each_tab(data: bytes | None = None, name: str = "inventaris.xlsx", **state: Any) -> dict[str, AppTest]:
    """The page run once per tab (only the open tab is built): label → its run."""
    return {label: run(data, name, **state, **{SECTION_KEY: label}) for label in SECTIONS}


def all_titles(tabs: dict[str, AppTest]) -> list[str]:
    return [title for at in tabs.values() for title in titles(at)]


def titles(at: AppTest) -> list[str]:
    return [t.split("<br>")[0] for t in chart_titles(at)]


def infos(at: AppTest) -> str:
    return "\n".join(i.value for i in at.info)


def test_example() -> None:
    tabs = each_tab()
    at = tabs["Netwerk"]
    for shown in tabs.values():
        assert not shown.exception, exceptions(shown)
        assert [t.value for t in shown.title] == ["Partners"]
        assert EXAMPLE_BANNER in [i.value for i in shown.info]
        assert [t.label for t in shown.tabs] == list(SECTIONS)
        assert all("Alle projecten · voorbeeld_inventaris.xlsx" in t for t in chart_titles(shown))
    assert all_titles(tabs) == TITLES
    assert titles(run()) == TITLES[:2], "the first tab is open and only the open tab is drawn"
    top_metrics = {"Partners": "28", "Koppelingen partner–project": "94", "Werkgebied buiten de gemeente": "50%"}
    assert metrics(at) == top_metrics
    assert metrics(tabs["Invloed en belang"]) == {
        **top_metrics,
        "Samen optrekken": "7", "Invloed benutten": "1", "Belang laten meewegen": "12", "Verbonden blijven": "8",
    }
    assert any("Alle 28 partners en 29 projecten met een koppeling in deze fase." in c.value for c in at.caption)
    top = frame(at, "Tussenpositie")
    assert len(top) == 15
    assert top.iloc[0][["Partner", "Type", "Werkgebied", "Projecten"]].tolist() == [
        "Stichting Welzijn Wadlo", "Welzijnsorganisatie", "Lokaal", 15,
    ]
    assert top.iloc[0]["Tussenpositie"] == "0,319"
    werkgebied = tabs["Lokaal of regionaal"]
    assert f"MOVISIE, element C: {voc.WERKGEBIED_NOTE}" in infos(werkgebied)
    assert any("50% van de partners met een bekend werkgebied" in c.value for c in werkgebied.caption)
    assert [t.label for shown in tabs.values() for t in shown.toggle] == ["Toon als tabel"] * 5
    control = at.segmented_control(key="partners_fase")
    assert control.value == "alle"


def test_network_per_phase() -> None:
    at = run()
    at.segmented_control(key="partners_fase").set_value("beleid").run()
    assert not at.exception, exceptions(at)
    assert titles(at)[:2] == ["Netwerk van partners en projecten — beleid", "Meest verbonden partners — beleid"]
    network = rendered(at).plotly[0]
    partner_traces = [t for t in network["data"] if t.get("mode") == "markers+text"]
    shown = sum(len(t["hovertext"]) for t in partner_traces)
    assert shown == 15  # partners with a project (or an involvement) in beleid
    assert any("Alle 15 partners en 17 projecten met een koppeling in deze fase." in c.value for c in at.caption)


def test_network_distinguishes_types_by_colour_and_shape() -> None:
    at = run()
    network = rendered(at).plotly[0]
    styles = {t["name"]: (t["marker"]["color"], t["marker"]["symbol"]) for t in network["data"]
              if t.get("mode") == "markers+text"}
    assert len(styles) == len(set(styles.values()))
    assert len({symbol for _, symbol in styles.values()}) == len(styles)
    assert "Project" in [t.get("name") for t in network["data"]]


def test_uploaded_fixture() -> None:
    at = run(realistic.partners_xlsx(), "partners.xlsx")
    assert not at.exception, exceptions(at)
    assert EXAMPLE_BANNER not in [i.value for i in at.info]
    shown = metrics(at)
    assert shown["Partners"] == "7"  # 5 in the sheet, 2 added from the projects and involvement
    assert all("partners.xlsx" in t for t in chart_titles(at))
    top = frame(at, "Tussenpositie")
    assert top["Partner"].tolist()[:2] == ["GGD Regio", "Woonstichting De Linie"]  # 2 projects each, by name
    assert top["Projecten"].tolist()[:2] == [2, 2]


def test_hidden_names() -> None:
    tabs = each_tab(named_partners_xlsx(), **{HIDE_NAMES_KEY: True})
    for label, at in tabs.items():
        assert not at.exception, exceptions(at)
        text = rendered(at).all_text()
        for name in PARTNER_NAMES:
            assert name not in text, (label, name)
    assert "Woningcorporatie 1" in frame(tabs["Netwerk"], "Tussenpositie")["Partner"].tolist()
    visible = each_tab(named_partners_xlsx())
    assert "Woonstichting Kobaltblauw" in rendered(visible["Netwerk"]).all_text()
    assert "Woonstichting Kobaltblauw" in rendered(visible["Invloed en belang"]).all_text()


def test_without_scores_and_werkgebied() -> None:
    tabs = each_tab(realistic.no_partners_sheet_xlsx())
    assert not any(at.exception for at in tabs.values()), [exceptions(at) for at in tabs.values()]
    assert voc.INFLUENCE_INTEREST_HELP in infos(tabs["Invloed en belang"])
    assert voc.WERKGEBIED_HELP in infos(tabs["Lokaal of regionaal"])
    assert metrics(tabs["Netwerk"])["Werkgebied buiten de gemeente"] == "—"
    assert "Netwerk van partners en projecten — alle fasen" in titles(tabs["Netwerk"])


@pytest.mark.parametrize("case", sorted(DEGENERATE))
def test_degenerate_inventories(case: str) -> None:
    at = run(DEGENERATE[case](), f"{case}.xlsx")
    assert not at.exception, exceptions(at)
    assert [t.value for t in at.title] == ["Partners"]
    if case in ("geen-partners", "geen-rollen", "een-project", "geen-projecten"):
        assert voc.PARTNERS_HELP in infos(at)
        assert not chart_titles(at)
        return
    # alles-onbekend: two partners of unknown type, projects without a phase
    assert metrics(at)["Partners"] == "2"
    assert "Netwerk van partners en projecten — alle fasen" in titles(at)
    tabs = each_tab(DEGENERATE[case](), f"{case}.xlsx")
    assert not any(shown.exception for shown in tabs.values())
    assert voc.INFLUENCE_INTEREST_HELP in infos(tabs["Invloed en belang"])
    assert voc.WERKGEBIED_HELP in infos(tabs["Lokaal of regionaal"])
    at.segmented_control(key="partners_fase").set_value("visie").run()
    assert not at.exception, exceptions(at)
    assert "In visie is geen partner aan een project gekoppeld." in infos(at)


def test_hostile_names_stay_text() -> None:
    tabs = each_tab(hostile_xlsx(), HOSTILE_FILE_NAME)
    at = tabs["Netwerk"]
    plotly = []
    for label, tab in tabs.items():
        assert not tab.exception, exceptions(tab)
        shown = rendered(tab)
        for needle in ("<img", "**", "<script", "javascript:"):
            assert not [t for _, t in shown.markup
                        if needle in t.replace(escape_markdown(HOSTILE_FILE_NAME), "")], (label, needle)
        plotly += shown.plotly
    assert any(escape_markdown(HOSTILE_FILE_NAME) in c.value for c in at.caption)  # shown literally
    specs = json.dumps(plotly, ensure_ascii=False)
    assert "<img" not in specs and "<script" not in specs
    assert "&lt;img src=x onerror=alert(1)&gt; Stichting" in specs
    assert HOSTILE_PARTNERS[1] in frame(at, "Tussenpositie")["Partner"].tolist()  # literal in a dataframe
