"""Roles seen as RIVM scenarios, government roles, and interne/externe regie (regie.analysis.roles)."""

from __future__ import annotations

from collections import Counter

import pytest
from conftest import inventory_of
from realistic import Sheet

from data import make_data
from regie import load_inventory
from regie import vocabulary as voc
from regie.analysis import roles as role_analysis


@pytest.mark.parametrize(("role", "scenario"), [
    # docs/domein.md section 3: RIVM's scenario per role; regisseur fits none alone, regie bij anderen none.
    ("zelf", "Zelf doen"),
    ("opdrachtgever", "Uitbesteden"),
    ("regisseur", voc.NO_SCENARIO_LABEL),
    ("partner", "Uitvoering door samenwerking"),
    ("facilitator", "Overlaten aan de samenleving"),
    ("geen", voc.NO_SCENARIO_LABEL),
    ("onbekend", role_analysis.UNKNOWN_LABEL),
])
def test_rivm_scenario_of_each_role(role: str, scenario: str) -> None:
    assert role_analysis.RIVM_OF_ROLE[role] == scenario


def test_categories_follow_the_sources() -> None:
    assert role_analysis.RIVM_CATEGORIES[:4] == tuple(s.name for s in voc.RIVM_SCENARIOS)
    assert role_analysis.GOVERNMENT_CATEGORIES[:4] == tuple(c.label for c in voc.GOVERNMENT_ROLES)
    assert role_analysis.roles_of_category(role_analysis.RIVM_OF_ROLE, "Uitvoering door samenwerking") == ["partner"]
    assert not hasattr(role_analysis, "GOVERNMENT_ROLE_OF_ROLE"), "government roles are never derived"


def test_rivm_counts_projects_in_the_phase_once_per_scenario() -> None:
    inv = inventory_of(Sheet("Projecten", [
        ["ID", "Projectnaam", "Fase", "Rol", "Rol beleid"],
        [1, "A", "Uitvoering", "Regisseur; Partner", None],
        [2, "B", "Uitvoering", "Opdrachtgever", "Zelf doen"],
        [3, "C", "Visie", "Regie bij anderen", None],
        [4, "D", "Visie", None, None],
    ]))
    rivm = role_analysis.rivm_counts(inv)
    assert list(rivm.index) == list(voc.PHASE_CODES)
    assert list(rivm.columns) == list(role_analysis.RIVM_CATEGORIES)
    assert rivm.loc["uitvoering", "Uitvoering door samenwerking"] == 1
    assert rivm.loc["uitvoering", voc.NO_SCENARIO_LABEL] == 1  # regisseur
    assert rivm.loc["uitvoering", "Uitbesteden"] == 1
    assert rivm.loc["visie", voc.NO_SCENARIO_LABEL] == 1  # regie bij anderen
    assert rivm.loc["visie", role_analysis.UNKNOWN_LABEL] == 1
    assert int(rivm.loc["beleid"].sum()) == 0, "B's beleid role is planned, not in the phase"
    assert role_analysis.planned_count(inv) == 1


GOVERNMENT = [
    # (overheidsrol as written, codes counted) — several at once allowed, as Kaag en Braassem says
    ("Presterende overheid", {"Presterende overheid"}),
    ("samenwerkende; rechtmatige overheid", {"Samenwerkende overheid", "Rechtmatige overheid"}),
    ("Participerende overheid", {"Participerende/responsieve overheid"}),
    ("Responsieve overheid", {"Participerende/responsieve overheid"}),
    (None, {role_analysis.GOVERNMENT_NOT_GIVEN}),
]


@pytest.mark.parametrize(("written", "counted"), GOVERNMENT, ids=[str(g[0]) for g in GOVERNMENT])
def test_government_roles_are_counted_as_stated(written: str | None, counted: set[str]) -> None:
    inv = inventory_of(Sheet("Projecten", [["ID", "Projectnaam", "Fase", "Rol", "Overheidsrol"],
                                           [1, "A", "Beleid", "Regisseur", written]]))
    table = role_analysis.government_role_counts(inv)
    overall = table.loc[role_analysis.ALL_PROJECTS]
    assert {c for c in overall.index if overall[c]} == counted
    assert {c for c in table.columns if table.loc["beleid", c]} == counted
    assert role_analysis.government_roles_given(inv) == (0 if written is None else 1)


def test_the_role_never_gives_a_government_role() -> None:
    inv = inventory_of(Sheet("Projecten", [["ID", "Projectnaam", "Fase", "Rol"], [1, "A", "Beleid", "Zelf doen"]]))
    assert role_analysis.government_roles_given(inv) == 0
    assert role_analysis.government_role_counts(inv).loc[role_analysis.ALL_PROJECTS, "Presterende overheid"] == 0


def test_regie_kinds_overall_and_per_phase() -> None:
    inv = inventory_of(Sheet("Projecten", [
        ["ID", "Projectnaam", "Fase", "Regie"],
        [1, "A", "Visie; Beleid", "intern"],
        [2, "B", "Beleid", "Externe regie"],
        [3, "C", "Uitvoering", "beide"],
        [4, "D", "Uitvoering", None],
    ]))
    table = role_analysis.regie_kind_counts(inv)
    assert list(table.index) == [role_analysis.ALL_PROJECTS, *voc.PHASE_CODES]
    assert table.loc[role_analysis.ALL_PROJECTS].tolist() == [1, 1, 1, 1]
    assert table.loc["beleid", "Interne regie"] == 1 and table.loc["beleid", "Externe regie"] == 1
    assert table.loc["uitvoering", "Niet opgegeven"] == 1
    assert role_analysis.regie_kind_given(inv) == 3


def test_no_regie_column() -> None:
    inv = inventory_of(Sheet("Projecten", [["ID", "Projectnaam", "Fase"], [1, "A", "Visie"]]))
    assert role_analysis.regie_kind_given(inv) == 0
    assert role_analysis.regie_kind_counts(inv).loc[role_analysis.ALL_PROJECTS, "Niet opgegeven"] == 1


def test_example_numbers(example_path) -> None:
    """The example's numbers, computed from the generator's own data (not from the file)."""
    inv = load_inventory(example_path.read_bytes(), example_path.name)
    rivm = role_analysis.rivm_counts(inv)
    expected: dict[tuple[str, str], set[str]] = {}
    for project in make_data.PROJECTS:
        roles = make_data.project_roles(project)
        for phase in project["phases"]:
            for role in roles[phase]:
                expected.setdefault((phase, role_analysis.RIVM_OF_ROLE[role]), set()).add(project["id"])
    for phase in voc.PHASE_CODES:
        for category in role_analysis.RIVM_CATEGORIES:
            assert rivm.loc[phase, category] == len(expected.get((phase, category), ())), (phase, category)
    stated = Counter(code for p in make_data.PROJECTS for code in p["overheidsrol"])
    overall = role_analysis.government_role_counts(inv).loc[role_analysis.ALL_PROJECTS]
    labels = {c.code: c.label for c in voc.GOVERNMENT_ROLES}
    assert {labels[c]: n for c, n in stated.items()} == {c: int(overall[c]) for c in labels.values() if overall[c]}
    externe = sum(1 for p in make_data.PROJECTS if p["regie"] == "extern")
    assert role_analysis.regie_kind_counts(inv).loc[role_analysis.ALL_PROJECTS, "Externe regie"] == externe


def test_rivm_table_lists_every_role_with_the_scenario_text() -> None:
    table = role_analysis.rivm_table().set_index("Rol")
    assert list(table.index) == [r.label for r in voc.ROLES]
    texts = {s.name: s.text for s in voc.RIVM_SCENARIOS}
    assert table.loc["Zelf doen", "Scenario volgens RIVM"] == texts["Zelf doen"]
    assert table.loc["Regisseur", "RIVM-scenario"] == "—"
    assert "Amersfoort" in table.loc["Regisseur", "Toelichting"], "why it has no single scenario"
    assert table.loc["Regie bij anderen", "RIVM-scenario"] == "—"
