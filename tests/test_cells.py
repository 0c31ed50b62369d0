"""regie.analysis.cells: the projects of one phase × element cell, and the cell a click selected."""

from __future__ import annotations

import pytest
from conftest import inventory_of
from realistic import Sheet

from regie import analysis, load_inventory
from regie import vocabulary as voc
from regie.analysis import cells

EXAMPLE_CELLS = [(p, e) for p in voc.PHASE_CODES for e in analysis.ELEMENT_KEYS]


@pytest.fixture(scope="module")
def example():
    from conftest import ROOT

    return load_inventory(ROOT / "data" / "voorbeeld_inventaris.xlsx")


@pytest.fixture(scope="module")
def small():
    return inventory_of(Sheet("Projecten", [
        ["ID", "Projectnaam", "Fase", "Element", "Rol visie", "Rol beleid", "Rol uitvoering"],
        ["P1", "Woonzorgvisie", "Visie; Beleid", "A, C", "Regisseur", "Partner", None],
        ["P2", "Buurtkamer", "Uitvoering", "B", None, None, "Facilitator"],
        ["P3", "Wmo-beleidsplan", "Beleid", None, None, "Zelf doen", None],
        ["P4", "Zonder fase", None, "D", None, None, None],
        ["P5", "<img src=x onerror=alert(1)>", "Beleid", "C", None, None, None],
    ]))


@pytest.mark.parametrize(("phase", "element"), EXAMPLE_CELLS)
def test_every_example_cell_lists_as_many_projects_as_the_heatmap_counts(example, phase, element) -> None:
    listed = cells.projects_in_cell(example, phase, element)
    assert len(listed) == analysis.phase_element_counts(example)[phase][element]
    assert cells.cell_count(example, phase, element) == len(listed)
    assert list(listed.columns) == list(cells.CELL_COLUMNS)
    assert listed["ID"].is_unique


@pytest.mark.parametrize(("phase", "element", "ids"), [
    ("visie", "A", ["P1"]),
    ("visie", "C", ["P1"]),
    ("beleid", "A", ["P1"]),
    ("beleid", "C", ["P1", "P5"]),
    ("beleid", voc.UNDETERMINED, ["P3"]),
    ("uitvoering", "B", ["P2"]),
    ("uitvoering", "A", []),
    (voc.UNKNOWN, "D", ["P4"]),
    (voc.UNKNOWN, "A", []),
])
def test_projects_in_cell(small, phase, element, ids) -> None:
    assert cells.projects_in_cell(small, phase, element)["ID"].tolist() == ids


@pytest.mark.parametrize(("phase", "element", "row"), [
    ("visie", "A", {"ID": "P1", "Naam": "Woonzorgvisie", "Fasen": "Visie, Beleid", "Elementen": "A, C",
                    "Rol in deze fase": "Regisseur"}),
    ("beleid", "C", {"ID": "P1", "Naam": "Woonzorgvisie", "Fasen": "Visie, Beleid", "Elementen": "A, C",
                     "Rol in deze fase": "Samenwerkingspartner"}),
    ("beleid", voc.UNDETERMINED, {"ID": "P3", "Naam": "Wmo-beleidsplan", "Fasen": "Beleid",
                                  "Elementen": "Onbepaald", "Rol in deze fase": "Zelf doen"}),
    (voc.UNKNOWN, "D", {"ID": "P4", "Naam": "Zonder fase", "Fasen": "Onbekend", "Elementen": "D",
                        "Rol in deze fase": "Onbekend"}),
])
def test_a_row_names_phases_elements_and_the_role_in_the_cells_phase(small, phase, element, row) -> None:
    assert cells.projects_in_cell(small, phase, element).iloc[0].to_dict() == row


def test_user_text_is_kept_literally(small) -> None:
    names = cells.projects_in_cell(small, "beleid", "C")["Naam"].tolist()
    assert "<img src=x onerror=alert(1)>" in names


def test_an_inventory_without_phases_or_elements_gives_empty_cells() -> None:
    inv = inventory_of(Sheet("Projecten", [["Projectnaam"], ["Alleen een naam"]]))
    assert cells.projects_in_cell(inv, "visie", "A").empty
    assert list(cells.projects_in_cell(inv, "visie", "A").columns) == list(cells.CELL_COLUMNS)
    assert cells.projects_in_cell(inv, voc.UNKNOWN, voc.UNDETERMINED)["Naam"].tolist() == ["Alleen een naam"]
    assert cells.largest_cell(inv) == ("visie", "A")


def test_largest_cell(example, small) -> None:
    counts = analysis.phase_element_counts(example)
    phase, element = cells.largest_cell(example)
    assert counts[phase][element] == max(max(row.values()) for row in counts.values())
    assert cells.largest_cell(small) == ("beleid", "C")


@pytest.mark.parametrize(("points", "expected"), [
    (None, None),
    ([], None),
    ([{"customdata": ["beleid", "C"], "x": "x", "y": "y"}], ("beleid", "C")),
    ([{"customdata": ("uitvoering", voc.UNDETERMINED)}], ("uitvoering", voc.UNDETERMINED)),
    ([{"x": "B – Het netwerk koesteren", "y": "Visie"}], ("visie", "B")),
    ([{"x": "Onbepaald", "y": "Uitvoering"}], ("uitvoering", voc.UNDETERMINED)),
    ([{"customdata": ["nazorg", "Z"], "x": "A – Visie ontwikkelen", "y": "Beleid"}], ("beleid", "A")),
    ([{"x": "Iets", "y": "Visie"}, {"customdata": ["visie", "D"]}], ("visie", "D")),
    ([{"x": 3, "y": None}], None),
])
def test_cell_from_points(points, expected) -> None:
    assert cells.cell_from_points(points) == expected
