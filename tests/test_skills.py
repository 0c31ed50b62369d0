"""regie.analysis.skills: demand per phase with the unknown-role flag, the gap table and the team table."""

from __future__ import annotations

import pytest
import realistic
from conftest import ROOT, inventory_of
from realistic import Sheet

from regie import analysis, load_inventory
from regie import vocabulary as voc
from regie.analysis import skills
from regie.analysis.privacy import hide_names


@pytest.fixture(scope="module")
def example():
    return load_inventory(ROOT / "data" / "voorbeeld_inventaris.xlsx")


@pytest.fixture(scope="module")
def team_long():
    return load_inventory(realistic.team_long_xlsx(), "team.xlsx")


@pytest.fixture(scope="module")
def no_team():
    return load_inventory(realistic.title_rows_xlsx(), "titels.xlsx")


def test_phase_demand_matches_the_analysis(example, team_long) -> None:
    for inv in (example, team_long):
        table = skills.phase_demand(inv)
        assert table["Fase"].tolist() == [p.label for p in voc.PHASES]
        demand = analysis.demand_per_phase(inv)
        unknown = analysis.unknown_role_demand(inv)
        assert table["Vraag (projecten)"].tolist() == [demand[p] for p in voc.PHASE_CODES]
        assert table["Waarvan rol onbekend"].tolist() == [unknown[p] for p in voc.PHASE_CODES]
        assert table["Vaardigheden"].tolist() == [", ".join(p.skills) for p in voc.PHASES]


def test_phase_demand_flags_the_unknown_role(team_long) -> None:
    table = skills.phase_demand(team_long).set_index("Fase")
    # Huisvestingsverordening (beleid) has no role: it counts and is flagged
    assert table.loc["Beleid", "Vraag (projecten)"] == 1
    assert table.loc["Beleid", "Waarvan rol onbekend"] == 1
    assert table.loc["Visie", "Waarvan rol onbekend"] == 0


@pytest.mark.parametrize(("fixture", "status"), [
    ("example", skills.TEAM_PRESENT), ("team_long", skills.TEAM_PRESENT), ("no_team", skills.TEAM_NONE),
])
def test_team_status(request, fixture, status) -> None:
    assert skills.team_status(request.getfixturevalue(fixture)) == status


def test_team_status_of_a_team_sheet_without_usable_rows() -> None:
    inv = inventory_of(
        Sheet("Projecten", [["Projectnaam", "Fase", "Rol"], ["A", "Visie", "Regisseur"]]),
        Sheet("Team", [["Naam", "Vaardigheid", "Niveau"]]),
    )
    assert inv.has_team_table
    assert skills.team_status(inv) == skills.TEAM_EMPTY
    assert skills.team_skills_table(inv).empty


def test_gap_table_is_the_skill_gap_with_dutch_headers(example) -> None:
    table = skills.gap_table(example)
    gap = analysis.skill_gap(example)
    assert tuple(table.columns) == skills.GAP_COLUMNS
    assert table["Vaardigheid"].tolist() == gap["vaardigheid"].tolist()
    assert (table["Tekort"] == table["Vraag (projecten)"] - table["Aanbod (teamleden)"]).all()
    assert table["Tekort"].is_monotonic_decreasing
    assert table.iloc[0].to_dict() == {"Vaardigheid": "Vastleggen van afspraken", "Fase": "Uitvoering",
                                       "Vraag (projecten)": 21, "Aanbod (teamleden)": 2, "Tekort": 19}


@pytest.mark.parametrize(("gap", "word"), [(3, "tekort 3"), (1200, "tekort 1.200"), (0, "in balans"),
                                           (-2, "overschot 2")])
def test_gap_word(gap, word) -> None:
    assert skills.gap_word(gap) == word


def test_team_skills_table(team_long) -> None:
    table = skills.team_skills_table(team_long)
    assert list(table.columns) == ["Naam", "Aantal vaardigheden", *voc.SKILLS]
    rows = table.set_index("Naam")
    assert rows.index.tolist() == ["Fatima", "Joost", "Annelies"]
    assert rows.loc["Fatima", "Netwerken"] == "4"
    assert rows.loc["Fatima", "Stimuleren"] == "3"
    assert rows.loc["Fatima", "Aantal vaardigheden"] == 3
    assert rows.loc["Annelies", "Faciliteren"] == skills.HAS_SKILL  # level "expert" is no level
    assert rows.loc["Joost", "Netwerken"] == ""
    assert table["Aantal vaardigheden"].sum() == sum(analysis.skill_supply(team_long).values())


def test_team_skills_table_with_names_hidden(example) -> None:
    table = skills.team_skills_table(hide_names(example))
    assert all(name.startswith("Teamlid ") for name in table["Naam"])
    assert len(table) == analysis.team_count(example)


def test_team_wide_sheet_levels_and_marks() -> None:
    rows = skills.team_skills_table(load_inventory(realistic.team_wide_xlsx(), "w.xlsx")).set_index("Naam")
    assert rows.loc["Annelies", "Netwerken"] == skills.HAS_SKILL
    assert rows.loc["Fatima", "Initiëren"] == "2"  # from her second row
