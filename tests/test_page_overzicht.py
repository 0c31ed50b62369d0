"""AppTest of pages/overzicht.py on its own: the example, uploaded fixtures and degenerate inventories."""

from __future__ import annotations

import pytest
import realistic
from ui_support import (
    DEGENERATE,
    EXAMPLE_BANNER,
    PAGE_BY_STEM,
    app_test,
    captions,
    chart_titles,
    exceptions,
    metrics,
    plotly_specs,
)

from regie import analysis, load_inventory
from regie.formatting import nl_int

PAGE = PAGE_BY_STEM["overzicht"].path
CHART_TITLES = ("Projecten per fase en element", "Rol van de gemeente per fase", "Vraag naar regievaardigheden")


def run(upload: tuple[bytes, str] | None = None, **state: object):
    return app_test(PAGE, upload=upload, state=state).run()


def test_example() -> None:
    at = run()
    assert not at.exception, exceptions(at)
    assert [t.value for t in at.title] == ["Overzicht"]
    assert EXAMPLE_BANNER in [i.value for i in at.info]
    shown = metrics(at)
    assert shown["Projecten"] == "30"
    assert shown["Partners"] == "28"
    assert {"Visie: projecten", "Beleid: projecten", "Uitvoering: projecten", "Fouten in de inventaris",
            "Waarschuwingen"} <= set(shown)
    titles = chart_titles(at)
    assert len(titles) == 3
    for expected, title in zip(CHART_TITLES, titles, strict=True):
        assert title.startswith(expected)
        assert "Alle projecten · voorbeeld_inventaris.xlsx" in title
    assert [t.label for t in at.toggle] == ["Toon als tabel"] * 3


def test_every_chart_has_a_table_behind_its_toggle() -> None:
    at = run()
    for toggle in at.toggle:
        toggle.set_value(True)
    at.run()
    assert not at.exception, exceptions(at)
    assert len(at.dataframe) == 3
    assert all(len(frame.value) > 0 for frame in at.dataframe)


def test_uploaded_fixture_numbers_match_the_library() -> None:
    data = realistic.partners_xlsx()
    at = run((data, "partners.xlsx"))
    assert not at.exception, exceptions(at)
    assert EXAMPLE_BANNER not in [i.value for i in at.info]
    inv = load_inventory(data, "partners.xlsx")
    phases = analysis.phase_counts(inv)
    quality = analysis.issue_counts(inv)
    shown = metrics(at)
    assert shown["Projecten"] == "4" == nl_int(len(inv.projects))
    assert shown["Partners"] == nl_int(len(inv.partners))
    assert shown["Fouten in de inventaris"] == nl_int(quality["fout"])
    assert shown["Waarschuwingen"] == nl_int(quality["waarschuwing"])
    for code, label in (("visie", "Visie"), ("beleid", "Beleid"), ("uitvoering", "Uitvoering")):
        assert shown[f"{label}: projecten"] == nl_int(phases[code])
    assert any("partners.xlsx" in c for c in captions(at))
    assert at.warning, "an inventory with issues points to the Inventaris page"


@pytest.mark.parametrize("builder", [realistic.title_rows_xlsx, realistic.long_format_xlsx,
                                     realistic.wide_format_xlsx, realistic.two_row_header_xlsx,
                                     realistic.sheets_per_domain_xlsx, realistic.team_long_xlsx,
                                     realistic.multi_value_cells_xlsx, realistic.per_phase_roles_xlsx])
def test_realistic_fixtures(builder) -> None:
    data = builder()
    at = run((data, "inventaris.xlsx"))
    assert not at.exception, exceptions(at)
    inv = load_inventory(data, "inventaris.xlsx")
    assert metrics(at)["Projecten"] == nl_int(len(inv.projects))
    assert len(plotly_specs(at)) == 3


def test_a_filter_narrows_the_numbers() -> None:
    at = run(filter_fase=["uitvoering"])
    assert not at.exception, exceptions(at)
    shown = metrics(at)
    assert int(shown["Projecten"]) < 30
    assert shown["Visie: projecten"] == "0" and shown["Beleid: projecten"] == "0"
    assert all("Filter: fase Uitvoering" in title for title in chart_titles(at))


@pytest.mark.parametrize("case", list(DEGENERATE), ids=list(DEGENERATE))
def test_degenerate_inventories_render(case: str) -> None:
    at = run((DEGENERATE[case](), f"{case}.xlsx"))
    assert not at.exception, exceptions(at)
    assert [t.value for t in at.title] == ["Overzicht"]
    assert not [e.value for e in at.error if "Er ging iets mis" in e.value]
    assert "Projecten" in metrics(at)


@pytest.mark.parametrize("case", ["geen-projecten", "geen-rollen", "alles-onbekend"])
def test_degenerate_inventories_say_what_is_missing(case: str) -> None:
    """House rule: a degenerate inventory gets a Dutch st.info on what is missing and how to add it."""
    at = run((DEGENERATE[case](), f"{case}.xlsx"))
    assert not at.exception, exceptions(at)
    assert at.info, f"Overzicht shows no explanation for the degenerate inventory {case!r}"


def test_the_headline_sentence_opens_the_page_and_quality_comes_after_the_story() -> None:
    at = run()
    assert not at.exception, exceptions(at)
    [headline] = [s.value for s in at.subheader if s.value.startswith("In de visiefase")]
    assert "vooral regisseur (7 van de 9 projecten)" in headline
    assert "het vaakst opdrachtgever (8 van de 20 projecten)" in headline
    labels = list(metrics(at))
    assert labels[:3] == ["Projecten", "Partners", "Koppelingen partner–project"], "no quality tile in the top"
    assert labels.index("Fouten in de inventaris") > labels.index("Uitvoering: projecten")
    assert metrics(at)["Koppelingen partner–project"] == "94", "the number of the page Partners"


def test_a_table_switch_stays_on_after_visiting_another_page() -> None:
    at = run()
    at.toggle(key="overzicht_fase_element_tabel").set_value(True).run()
    assert len(at.dataframe) == 1
    state = {k: at.session_state[k] for k in ("regie_tabellen",)}
    again = run(**state)  # a new run of the page after the widget's own state has gone
    assert again.toggle(key="overzicht_fase_element_tabel").value is True
    assert len(again.dataframe) == 1
