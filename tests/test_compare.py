"""Comparing two inventories: numbers side by side, projects added, removed and changed."""

from __future__ import annotations

import json
from typing import Any

import pytest
import storage_fixtures as fx
from conftest import inventory_of
from realistic import Sheet

from regie.analysis.compare import compare


def projects(rows: list[list[Any]], header: list[str] | None = None) -> Sheet:
    return Sheet("Projecten", [header or ["ID", "Projectnaam", "Fase", "Rol"], *rows])


@pytest.fixture(scope="module")
def voor_na():
    a = inventory_of(projects(fx.voor_rows(), fx.COMPARE_HEADER))
    b = inventory_of(projects(fx.na_rows(), fx.COMPARE_HEADER))
    return compare(a, b)


def test_projects_added_removed_and_changed(voor_na) -> None:
    assert voor_na.added == ["Wijkteam Noord"]
    assert voor_na.removed == ["Mantelzorgbeleid"]
    assert voor_na.unchanged == 1  # Buurtkamer West
    changed = {c.name: c for c in voor_na.changed}
    assert list(changed) == ["Woonvisie 2030", "Sportakkoord Wadlo"]
    assert changed["Woonvisie 2030"].id == "P2"
    assert changed["Woonvisie 2030"].changes == {
        "fase": {"a": ["visie"], "b": ["visie", "beleid"]},
        "rol": {"beleid": {"a": [], "b": ["regisseur"]}},
    }
    assert changed["Sportakkoord Wadlo"].changes == {
        "naam": {"a": "Sportakkoord", "b": "Sportakkoord Wadlo"},
        "rol": {"uitvoering": {"a": ["partner"], "b": ["regisseur"]}},
    }


def test_numbers_per_phase_side_by_side(voor_na) -> None:
    phases = voor_na.phases().set_index("fase")
    assert phases.loc["visie", ["a", "b", "verschil"]].tolist() == [1, 1, 0]
    assert phases.loc["beleid", ["a", "b", "verschil"]].tolist() == [2, 2, 0]
    assert phases.loc["uitvoering", ["a", "b", "verschil"]].tolist() == [2, 3, 1]
    assert phases.loc["uitvoering", "naam"] == "Uitvoering"
    assert list(phases.index) == ["visie", "beleid", "uitvoering", "onbekend"]


def test_numbers_per_element_side_by_side(voor_na) -> None:
    elements = voor_na.elements().set_index("element")
    assert elements.loc["B", ["a", "b", "verschil"]].tolist() == [1, 2, 1]
    assert elements.loc["C", ["a", "b", "verschil"]].tolist() == [1, 0, -1]
    assert elements["verschil"].sum() == 0


def test_numbers_per_phase_and_role_side_by_side(voor_na) -> None:
    roles = voor_na.roles().set_index(["fase", "rol"])
    assert roles.loc[("beleid", "regisseur"), ["a", "b", "verschil"]].tolist() == [0, 1, 1]
    assert roles.loc[("beleid", "partner"), ["a", "b", "verschil"]].tolist() == [1, 1, 0]
    assert roles.loc[("beleid", "opdrachtgever"), ["a", "b", "verschil"]].tolist() == [1, 0, -1]
    assert roles.loc[("uitvoering", "partner"), ["a", "b", "verschil"]].tolist() == [1, 0, -1]
    assert roles.loc[("uitvoering", "zelf"), ["a", "b", "verschil"]].tolist() == [0, 1, 1]
    assert roles.loc[("uitvoering", "facilitator"), "verschil"] == 0
    assert set(roles["rol_naam"]) >= {"Regisseur", "Samenwerkingspartner"}


def test_counts_side_by_side(voor_na) -> None:
    counts = voor_na.counts().set_index("wat")
    assert counts.loc["projects", ["a", "b", "verschil"]].tolist() == [4, 4, 0]
    assert counts.loc["projects", "naam"] == "Projecten"


def test_json_form(voor_na) -> None:
    result = json.loads(json.dumps(voor_na.to_dict(), ensure_ascii=False))
    assert result["projects_added"] == ["Wijkteam Noord"]
    assert result["projects_removed"] == ["Mantelzorgbeleid"]
    assert result["projects_changed"][0]["name"] == "Woonvisie 2030"
    assert result["a"]["phases"] == {"visie": 1, "beleid": 2, "uitvoering": 2, "onbekend": 0}
    assert result["differences"]["phases"]["uitvoering"] == {"a": 2, "b": 3, "verschil": 1}
    assert result["differences"]["roles"]["beleid"]["regisseur"] == {"a": 0, "b": 1, "verschil": 1}


def test_changes_table_in_dutch(voor_na) -> None:
    table = voor_na.changes_table()
    rows = {(r["project"], r["wat"]): (r["a"], r["b"]) for r in table.to_dict("records")}
    assert rows[("Woonvisie 2030", "fase")] == ("Visie", "Visie, Beleid")
    assert rows[("Woonvisie 2030", "rol beleid")] == ("—", "Regisseur")
    assert rows[("Sportakkoord Wadlo", "naam")] == ("Sportakkoord", "Sportakkoord Wadlo")


def test_an_inventory_compared_with_itself_has_no_differences() -> None:
    inv = inventory_of(projects(fx.voor_rows(), fx.COMPARE_HEADER))
    result = compare(inv, inv)
    assert result.added == [] and result.removed == [] and result.changed == []
    assert result.unchanged == 4
    for frame in (result.phases(), result.elements(), result.roles(), result.counts()):
        assert (frame["verschil"] == 0).all()


def test_element_changes_are_reported() -> None:
    a = inventory_of(projects([["P1", "Buurtkamer", "Uitvoering", "B"]], ["ID", "Projectnaam", "Fase", "Element"]))
    b = inventory_of(projects([["P1", "Buurtkamer", "Uitvoering", "B, C"]], ["ID", "Projectnaam", "Fase", "Element"]))
    [change] = compare(a, b).changed
    assert change.changes == {"element": {"a": ["B"], "b": ["B", "C"]}}


MATCHING = [
    pytest.param(
        [["", "Buurtkamer", "Visie", "Regisseur"]], [["", "Buurtkamer West", "Visie", "Regisseur"]],
        ["Buurtkamer West"], ["Buurtkamer"], [], id="zonder-ids-andere-naam-is-ander-project",
    ),
    pytest.param(
        [["P1", "Buurtkamer", "Visie", "Regisseur"]], [["", "Buurtkamer", "Beleid", "Regisseur"]],
        [], [], ["Buurtkamer"], id="id-aan-een-kant-dan-op-naam",
    ),
    pytest.param(
        [["P1", "Buurtkamer", "Visie", "Regisseur"]], [["P9", "Buurtkamer", "Visie", "Regisseur"]],
        ["Buurtkamer"], ["Buurtkamer"], [], id="twee-verschillende-ids-zijn-twee-projecten",
    ),
    pytest.param(
        [["P1", "Buurtkamer", "Visie", "Regisseur"]], [["p1", "Buurtkamer Oost", "Visie", "Regisseur"]],
        [], [], ["Buurtkamer Oost"], id="zelfde-id-andere-naam-is-hernoemd",
    ),
    pytest.param(
        [["", "Woonzorgzone Café", "Visie", "Regisseur"]], [["", "woonzorgzone  cafe", "Visie", "Regisseur"]],
        [], [], [], id="naam-genormaliseerd-hoofdletters-accenten-spaties",
    ),
    pytest.param(
        [["101", "Buurtkamer", "Visie", "Regisseur"]], [[101.0, "Buurtkamer", "Visie", "Regisseur"]],
        [], [], [], id="excel-getal-101-is-tekst-101",
    ),
]


@pytest.mark.parametrize(("rows_a", "rows_b", "added", "removed", "changed"), MATCHING)
def test_matching_by_id_else_by_normalised_name(rows_a, rows_b, added, removed, changed) -> None:
    def sheet(rows: list[list[Any]]) -> Sheet:
        if all(r[0] == "" for r in rows):
            return projects([r[1:] for r in rows], ["Projectnaam", "Fase", "Rol"])
        return projects([[r[0] or None, *r[1:]] for r in rows])

    result = compare(inventory_of(sheet(rows_a)), inventory_of(sheet(rows_b)))
    assert result.added == added
    assert result.removed == removed
    assert [c.name for c in result.changed] == changed


def test_projects_without_a_known_phase_compare_under_onbekend() -> None:
    a = inventory_of(projects([["P1", "Buurtkamer", "afronding", "Regisseur"]]))
    b = inventory_of(projects([["P1", "Buurtkamer", "afronding", "Regisseur"]]),
                     value_mappings={"fase": {"afronding": "uitvoering"}})
    result = compare(a, b)
    phases = result.phases().set_index("fase")
    assert phases.loc["onbekend", ["a", "b"]].tolist() == [1, 0]
    assert phases.loc["uitvoering", ["a", "b"]].tolist() == [0, 1]
    assert result.changed[0].changes["fase"] == {"a": [], "b": ["uitvoering"]}
