"""AppTest of pages/vaardigheden.py on its own: the example, uploads with and without a team sheet,
degenerate inventories."""

from __future__ import annotations

import pytest
import realistic
from conftest import ROOT
from page_checks import frame
from ui_support import (
    DEGENERATE,
    EXAMPLE_BANNER,
    HIDE_NAMES_KEY,
    PAGE_BY_STEM,
    PERSON_NAMES,
    app_test,
    chart_titles,
    exceptions,
    hostile_xlsx,
    metrics,
    named_partners_xlsx,
    rendered,
)

from regie import analysis, load_inventory
from regie import vocabulary as voc
from regie.analysis import skills
from regie.formatting import nl_count

PAGE = PAGE_BY_STEM["vaardigheden"].path
EXAMPLE = ROOT / "data" / "voorbeeld_inventaris.xlsx"
DEMAND_TITLES = ["Vraag per fase"]
SUPPLY_TITLE = "Aanbod in het team per vaardigheid"
TEAM_HELP = "tabblad 'Team'"


def run(upload: tuple[bytes, str] | None = None, **state: object):
    return app_test(PAGE, upload=upload, state=state).run()


def _same(shown, expected) -> bool:
    """The same table as shown (the dataframe round trip may change integer dtypes)."""
    def cells(table) -> list[list[str]]:
        return table.astype(object).where(table.notna(), "—").astype(str).values.tolist()

    return list(shown.columns) == list(expected.columns) and cells(shown) == cells(expected)


def _titles(at) -> list[str]:
    return [t.split("<br>")[0] for t in chart_titles(at)]


def test_example() -> None:
    at = run()
    assert not at.exception, exceptions(at)
    assert [t.value for t in at.title] == ["Vaardigheden"]
    assert EXAMPLE_BANNER in [i.value for i in at.info]
    inv = load_inventory(EXAMPLE)
    demand, phases = analysis.demand_per_phase(inv), analysis.phase_counts(inv)
    assert metrics(at) == {"Vraag visie": "9 projecten", "Vraag beleid": "13 projecten",
                           "Vraag uitvoering": "17 projecten"}
    assert all(demand[p] <= phases[p] for p in voc.PHASE_CODES), "the numbers on one screen agree"
    assert _titles(at) == [*DEMAND_TITLES, SUPPLY_TITLE]
    assert all("Alle projecten · voorbeeld_inventaris.xlsx" in t for t in chart_titles(at))
    assert [t.label for t in at.toggle] == ["Toon als tabel"] * 2
    text = rendered(at).all_text()
    assert voc.PHASE_SKILLS_REMARK in text
    assert voc.SKILL_SUPPLY_EXPLAINED in text and voc.LOUWERET_ATTITUDES in text
    assert voc.sources.SCHEMA3_EXAMPLE in text and voc.sources.SCHEMA3_GENERALISED in text
    assert voc.READINGS["skills"].name in text and voc.READING_MARKER in text
    for principle in voc.HUPE_KLIJN_PRINCIPLES:
        assert principle.name in text and principle.description in text
    assert not at.warning, "the example names a role for every demanding project and has every skill"
    assert "tekort" not in text.lower(), "never a difference of projects and people"


def test_example_supply_and_team_tables() -> None:
    at = run()
    inv = load_inventory(EXAMPLE)
    supply = frame(at, "Inzetbaar (teamleden)")
    assert _same(supply, skills.supply_table(inv))
    team = frame(at, "Aantal vaardigheden")
    assert len(team) == analysis.team_count(inv) == 8
    assert "Marieke Aalbers" in team["Naam"].tolist()


def test_namen_verbergen_replaces_team_names() -> None:
    at = run(**{HIDE_NAMES_KEY: True})
    assert not at.exception, exceptions(at)
    team = frame(at, "Aantal vaardigheden")
    assert all(name.startswith("Teamlid ") for name in team["Naam"])
    at = run((named_partners_xlsx(), "namen.xlsx"), **{HIDE_NAMES_KEY: True})
    text = rendered(at).all_text()
    assert [n for n in PERSON_NAMES if n in text] == []


def test_uploaded_fixture_with_a_team_sheet() -> None:
    data = realistic.team_long_xlsx()
    at = run((data, "team.xlsx"))
    assert not at.exception, exceptions(at)
    inv = load_inventory(data, "team.xlsx")
    demand = analysis.demand_per_phase(inv)
    assert metrics(at) == {f"Vraag {p.label.lower()}": nl_count(demand[p.code], "project", "projecten")
                           for p in voc.PHASES}
    assert _titles(at) == [*DEMAND_TITLES, SUPPLY_TITLE]
    assert all("team.xlsx" in t for t in chart_titles(at))
    assert _same(frame(at, "Inzetbaar (teamleden)"), skills.supply_table(inv))
    assert frame(at, "Aantal vaardigheden")["Naam"].tolist() == ["Fatima", "Joost", "Annelies"]
    warnings = [w.value for w in at.warning]
    # Huisvestingsverordening (beleid) has no role: counted and flagged; three skills nobody has, named first
    assert warnings[0].startswith("Bij 1 project is de rol van de gemeente in deze fase nog niet benoemd")
    assert warnings[1] == (f"Gevraagd, maar {voc.NOBODY_IN_TEAM}: Initiëren, Beslissen, Vastleggen van afspraken. "
                           "Die vaardigheden staan bovenaan.")


def test_uploaded_fixture_without_a_team_sheet_still_shows_the_demand() -> None:
    data = realistic.title_rows_xlsx()
    at = run((data, "titels.xlsx"))
    assert not at.exception, exceptions(at)
    inv = load_inventory(data, "titels.xlsx")
    demand = analysis.demand_per_phase(inv)
    assert metrics(at)["Vraag visie"] == nl_count(demand["visie"], "project", "projecten")
    assert _titles(at) == DEMAND_TITLES
    infos = [i.value for i in at.info]
    assert any(TEAM_HELP in i and "Naam, Vaardigheid en Niveau" in i for i in infos)
    with pytest.raises(AssertionError):
        frame(at, "Inzetbaar (teamleden)")


def test_a_team_sheet_without_usable_rows() -> None:
    data = realistic.xlsx([
        realistic.Sheet("Projecten", [["Projectnaam", "Fase", "Rol"], ["Woonvisie", "Visie", "Regisseur"]]),
        realistic.Sheet("Team", [["Naam", "Vaardigheid", "Niveau"]]),
    ])
    at = run((data, "leeg-team.xlsx"))
    assert not at.exception, exceptions(at)
    assert any("geen bruikbare rijen" in i.value for i in at.info)


@pytest.mark.parametrize("case", sorted(DEGENERATE))
def test_degenerate_inventories(case: str) -> None:
    at = run((DEGENERATE[case](), f"{case}.xlsx"))
    assert not at.exception, exceptions(at)
    assert [t.value for t in at.title] == ["Vaardigheden"]
    assert _titles(at)[:1] == DEMAND_TITLES
    assert any(TEAM_HELP in i.value for i in at.info)


def test_one_project() -> None:
    at = run((DEGENERATE["een-project"](), "een.xlsx"))
    assert metrics(at) == {"Vraag visie": "1 project", "Vraag beleid": "0 projecten",
                           "Vraag uitvoering": "0 projecten"}


def test_no_roles_explains_what_is_missing() -> None:
    at = run((DEGENERATE["geen-rollen"](), "geen-rollen.xlsx"))
    assert not at.exception, exceptions(at)
    inv = load_inventory(DEGENERATE["geen-rollen"](), "x.xlsx")
    unknown = analysis.unknown_role_demand(inv)
    # without a role column every phase's role is onbekend: it counts and is flagged
    assert unknown == {"visie": 1, "beleid": 1, "uitvoering": 1}
    assert len(at.warning) == 3
    assert all("nog niet benoemd" in w.value for w in at.warning)


def test_no_phases_at_all() -> None:
    at = run((DEGENERATE["alles-onbekend"](), "onbekend.xlsx"))
    assert not at.exception, exceptions(at)
    assert set(metrics(at).values()) == {"0 projecten"}


def test_hostile_team_names_are_literal() -> None:
    at = run((hostile_xlsx(), "vijandig.xlsx"))
    assert not at.exception, exceptions(at)
    names = frame(at, "Aantal vaardigheden")["Naam"].tolist()
    assert "**Teamlid vet**" in names
    shown = rendered(at)
    assert not shown.markup_containing("**Teamlid vet**")
    assert not shown.markup_containing("<img src=x")
