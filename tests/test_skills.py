"""regie.analysis.skills (docs/domein.md section 4): demand per phase with the unknown-role flag,
supply in people and belasting, and the team table."""

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
        assert table["Waarvan zonder rol"].tolist() == [unknown[p] for p in voc.PHASE_CODES]
        assert table["Vaardigheden"].tolist() == [", ".join(p.skills) for p in voc.PHASES]


def test_phase_demand_flags_the_unknown_role(team_long) -> None:
    table = skills.phase_demand(team_long).set_index("Fase")
    # Huisvestingsverordening (beleid) has no role: it counts and is flagged
    assert table.loc["Beleid", "Vraag (projecten)"] == 1
    assert table.loc["Beleid", "Waarvan zonder rol"] == 1
    assert table.loc["Visie", "Waarvan zonder rol"] == 0


DEMAND_RULE = [
    # (case, fase, rollen in die fase (per project), demand) — docs/domein.md section 4
    ("regisseur telt", "Visie", ["Regisseur"], 1),
    ("zelf doen telt niet", "Visie", ["Zelf doen"], 0),
    ("regie bij anderen telt niet", "Beleid", ["Regie bij anderen"], 0),
    ("zonder rol telt", "Beleid", [None], 1),
    ("twee rollen, één keer", "Uitvoering", ["Regisseur, partner"], 1),
    ("zelf én regisseur: telt", "Uitvoering", ["Zelf doen, regisseur"], 1),
    ("drie projecten", "Visie", ["Opdrachtgever", "Facilitator", "Samenwerkingspartner"], 3),
]


@pytest.mark.parametrize(("phase", "roles", "demand"), [c[1:] for c in DEMAND_RULE], ids=[c[0] for c in DEMAND_RULE])
def test_demand_rule(phase: str, roles: list[str | None], demand: int) -> None:
    rows = [["Projectnaam", "Fase", "Rol"], *[[f"P{i}", phase, role] for i, role in enumerate(roles)]]
    inv = inventory_of(Sheet("Projecten", rows))
    code = phase.lower()
    assert analysis.demand_per_phase(inv)[code] == demand
    assert set(analysis.skill_demand(inv)[code].values()) == {demand}, "every skill of a phase has its demand"


def test_a_planned_role_is_not_demand() -> None:
    """A per-phase role for a phase the project is not in shows in the role views, not in the demand."""
    inv = inventory_of(Sheet("Projecten", [["Projectnaam", "Fase", "Rol visie", "Rol beleid"],
                                           ["A", "Visie", "Regisseur", "Regisseur"]]))
    assert analysis.demand_per_phase(inv) == {"visie": 1, "beleid": 0, "uitvoering": 0}
    assert analysis.role_counts(inv)["beleid"]["regisseur"] == 1


def test_demand_agrees_with_the_phase_counts_of_the_example(example) -> None:
    """The numbers on one screen agree: no phase has more demand than projects in it."""
    phases = analysis.phase_counts(example)
    demand = analysis.demand_per_phase(example)
    members = skills.demand_memberships(example)
    for phase in voc.PHASE_CODES:
        assert demand[phase] <= phases[phase]
        assert len(members[members["phase"] == phase]) == phases[phase]


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


SUPPLY = {
    # team_long: Fatima Netwerken 4, Onderhandelen 3, Stimuleren middel (3); Joost Concretiseren hoog (5),
    # Vastleggen van afspraken 2; Annelies Bemiddelen 5, Faciliteren "prima" (no level: inzetbaar).
    "Netwerken": (1, 0, 2.0), "Stimuleren": (1, 0, 2.0), "Initiëren": (0, 0, None),
    "Onderhandelen": (1, 0, 1.0), "Beslissen": (0, 0, None), "Bemiddelen": (1, 0, 1.0), "Faciliteren": (1, 0, 1.0),
    "Concretiseren": (1, 0, 1.0), "Vastleggen van afspraken": (0, 1, None),
}


def test_supply_in_people_and_belasting(team_long) -> None:
    supply = analysis.skill_supply(team_long)
    load = analysis.skill_load(team_long)
    for phase in voc.PHASES:
        for skill in phase.skills:
            ready, growing, per_person = SUPPLY[skill]
            assert supply[phase.code][skill] == {"inzetbaar": ready, "in_ontwikkeling": growing}, skill
            assert load[phase.code][skill] == per_person, skill


def test_nobody_in_the_team_comes_first(team_long) -> None:
    assert skills.nobody_has(team_long) == ["Initiëren", "Beslissen", "Vastleggen van afspraken"]
    table = skills.supply_table(team_long)
    assert tuple(table.columns) == skills.SUPPLY_COLUMNS
    assert table["Vaardigheid"].tolist()[:3] == ["Initiëren", "Beslissen", "Vastleggen van afspraken"]
    assert (table["Toelichting"].head(3) == voc.NOBODY_IN_TEAM).all()
    rest = table["Vaardigheid"].tolist()[3:]
    assert rest == [s for s in voc.SKILLS if s in rest], "otherwise Schema 3's order, never ranked"
    assert "Tekort" not in " ".join(table.columns), "no difference of projects and people"


def test_team_skills_table(team_long) -> None:
    table = skills.team_skills_table(team_long)
    assert list(table.columns) == ["Naam", "Aantal vaardigheden", *voc.SKILLS]
    rows = table.set_index("Naam")
    assert rows.index.tolist() == ["Fatima", "Joost", "Annelies"]
    assert rows.loc["Fatima", "Netwerken"] == "4"
    assert rows.loc["Fatima", "Stimuleren"] == "3"
    assert rows.loc["Fatima", "Aantal vaardigheden"] == 3
    assert rows.loc["Annelies", "Faciliteren"] == skills.HAS_SKILL  # level "prima" is no level
    assert rows.loc["Joost", "Netwerken"] == ""
    supply = analysis.skill_supply(team_long)
    assert table["Aantal vaardigheden"].sum() == sum(
        v["inzetbaar"] + v["in_ontwikkeling"] for phase in supply.values() for v in phase.values())


def test_team_skills_table_with_names_hidden(example) -> None:
    table = skills.team_skills_table(hide_names(example))
    assert all(name.startswith("Teamlid ") for name in table["Naam"])
    assert len(table) == analysis.team_count(example)


def test_team_wide_sheet_levels_and_marks() -> None:
    rows = skills.team_skills_table(load_inventory(realistic.team_wide_xlsx(), "w.xlsx")).set_index("Naam")
    assert rows.loc["Annelies", "Netwerken"] == skills.HAS_SKILL
    assert rows.loc["Fatima", "Initiëren"] == "2"  # from her second row
