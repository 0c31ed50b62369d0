"""Roles seen as RIVM scenarios, government roles, and interne/externe regie (regie.analysis.roles)."""

from __future__ import annotations

import pytest
from conftest import inventory_of
from realistic import Sheet

from regie import load_inventory
from regie import vocabulary as voc
from regie.analysis import roles as role_analysis


@pytest.mark.parametrize(("role", "scenario", "government"), [
    ("zelf", "Zelf doen", "Presterende overheid"),
    ("opdrachtgever", "Uitbesteden", "Presterende overheid"),
    ("regisseur", "Uitvoering door samenwerking", "Samenwerkende overheid"),
    ("partner", "Uitvoering door samenwerking", "Samenwerkende overheid"),
    ("facilitator", "Overlaten aan de samenleving", "Participerende/responsieve overheid"),
    ("geen", "Geen regie / —", "Geen regie / —"),
    ("onbekend", "Onbekend", "Onbekend"),
])
def test_role_lenses(role: str, scenario: str, government: str) -> None:
    """DOMAIN.md section 3: every role's RIVM scenario and government role."""
    assert role_analysis.RIVM_OF_ROLE[role] == scenario
    assert role_analysis.GOVERNMENT_ROLE_OF_ROLE[role] == government


def test_categories_follow_the_sources() -> None:
    assert role_analysis.RIVM_CATEGORIES[:4] == tuple(s.name for s in voc.RIVM_SCENARIOS)
    assert role_analysis.GOVERNMENT_CATEGORIES[:4] == voc.GOVERNMENT_ROLES
    assert role_analysis.roles_of_category(role_analysis.RIVM_OF_ROLE, "Uitvoering door samenwerking") == [
        "regisseur", "partner",
    ]
    assert role_analysis.roles_of_category(role_analysis.GOVERNMENT_ROLE_OF_ROLE, "Rechtmatige overheid") == []


def test_regisseur_and_partner_count_once_as_cooperation() -> None:
    """A project that is regisseur and partner in one phase is one project in 'Uitvoering door samenwerking'."""
    inv = inventory_of(Sheet("Projecten", [
        ["ID", "Projectnaam", "Fase", "Rol"],
        [1, "A", "Uitvoering", "Regisseur; Partner"],
        [2, "B", "Uitvoering", "Opdrachtgever"],
        [3, "C", "Visie", "Geen regie"],
        [4, "D", "Visie", None],
    ]))
    rivm = role_analysis.rivm_counts(inv)
    assert list(rivm.index) == list(voc.PHASE_CODES)
    assert list(rivm.columns) == list(role_analysis.RIVM_CATEGORIES)
    assert rivm.loc["uitvoering", "Uitvoering door samenwerking"] == 1
    assert rivm.loc["uitvoering", "Uitbesteden"] == 1
    assert rivm.loc["visie", "Geen regie / —"] == 1
    assert rivm.loc["visie", "Onbekend"] == 1
    assert int(rivm.loc["beleid"].sum()) == 0
    government = role_analysis.government_role_counts(inv)
    assert government.loc["uitvoering", "Presterende overheid"] == 1
    assert government.loc["uitvoering", "Samenwerkende overheid"] == 1
    assert int(government["Rechtmatige overheid"].sum()) == 0


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
    inv = load_inventory(example_path.read_bytes(), example_path.name)
    rivm = role_analysis.rivm_counts(inv)
    assert rivm.loc["beleid", "Uitvoering door samenwerking"] == 17
    assert rivm.loc["uitvoering", "Uitbesteden"] == 8
    assert role_analysis.government_role_counts(inv).loc["uitvoering", "Presterende overheid"] == 10
    assert role_analysis.regie_kind_counts(inv).loc[role_analysis.ALL_PROJECTS, "Externe regie"] == 21
    assert role_analysis.named_role_count(inv) == 54


def test_lens_table_lists_every_role() -> None:
    table = role_analysis.lens_table()
    assert table["Rol"].tolist() == [r.label for r in voc.ROLES]
    assert table.set_index("Rol").loc["Geen regie", "RIVM-scenario"] == voc.NO_SCENARIO_LABEL
