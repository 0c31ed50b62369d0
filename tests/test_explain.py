"""Explanations of mapped values and the Projecten table (regie.mapping.explain)."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
from conftest import inventory_of
from export_support import example_inventory
from realistic import Sheet

from regie import vocabulary as voc
from regie.mapping.explain import (
    NO_ELEMENT,
    NO_PHASE,
    NO_ROLE,
    explanation,
    project_columns,
    project_table,
    search_projects,
    text_columns,
)

# (original, label, rule, split, source, column) → explanation
EXPLANATION_CASES = [
    ("synonym from a column", ("Visiefase", "Visie", "synoniem", False, "kolom", "Fase"),
     "'Visiefase' → Visie (synoniem, uit kolom Fase)"),
    ("exact, part of a cell", ("beleid", "Beleid", "exact", True, "kolom", "Fase"),
     "'beleid' → Beleid (exact, deel van de cel, uit kolom Fase)"),
    ("manual mapping", ("afronding", "Uitvoering", "handmatig toegewezen", False, "kolom", "Fase"),
     "'afronding' → Uitvoering (handmatig toegewezen, uit kolom Fase)"),
    ("mark column", ("x", "Visie", "exact", False, "markering", "Visie"), "markering in kolom Visie"),
    ("no role", (None, "Onbekend", None, False, "geen_rol", None), NO_ROLE),
    ("unknown role", ("Presterende overheid", "Onbekend", None, False, "rij", "Rol"),
     "'Presterende overheid' → Onbekend (niet herkend, rol op een rij met deze fase, kolom Rol)"),
    ("per-phase role column", ("Regisseur", "Regisseur", "exact", False, "rol_per_fase", "Rol visie"),
     "'Regisseur' → Regisseur (exact, rol per fase, kolom Rol visie)"),
    ("project role", ("regie", "Regisseur", "synoniem", False, "project", "Rol"),
     "'regie' → Regisseur (synoniem, rol van het project, kolom Rol)"),
    ("phase: role pair", ("partner", "Samenwerkingspartner", "exact", False, "rolpaar", "Rol"),
     "'partner' → Samenwerkingspartner (exact, fase: rol in kolom Rol)"),
    ("accepted suggestion", ("netwerk", "B – Het netwerk koesteren", "handmatig toegewezen", False, "suggestie",
                             None), "suggestie geaccepteerd (woord 'netwerk')"),
    ("numpy-ish missing values", ("A", "A – Visie ontwikkelen", "exact", False, "kolom", float("nan")),
     "'A' → A – Visie ontwikkelen (exact, uit kolom)"),
]


@pytest.mark.parametrize(("args", "expected"), [c[1:] for c in EXPLANATION_CASES],
                         ids=[c[0] for c in EXPLANATION_CASES])
def test_explanation(args: tuple, expected: str) -> None:
    assert explanation(*args) == expected


HEADER = ["ID", "Projectnaam", "Fase", "Rol", "Rol uitvoering", "Element", "Trekker", "Start", "Budget",
          "Regie", "Opmerking", "Partners"]


def small() -> pd.DataFrame:
    inv = inventory_of(Sheet("Projecten", [
        HEADER,
        ["P1", "Woonvisie", "Visiefase; beleid", "Regisseur", "Partner", "A", "Anna", dt.datetime(2025, 3, 1),
         125000.5, "intern", "let op", "Stichting Anker; Woonstad"],
        ["P2", "Buurtkamer", "uitvoering", None, None, None, None, None, None, None, 3.0, None],
        ["P3", "Zonder fase", None, "Facilitator", None, "B", None, None, None, None, None, None],
    ]))
    return project_table(inv)


def test_project_table_columns_and_values() -> None:
    table = small()
    assert list(table.columns[: len(project_columns())]) == project_columns()
    assert "Opmerking" in table.columns
    rows = table.set_index("ID")
    assert rows.at["P1", "Fasen"] == "Visie; Beleid"
    assert rows.at["P1", "Uitleg fasen"].startswith("'Visiefase' → Visie (synoniem, deel van de cel, uit kolom Fase)")
    assert rows.at["P1", "Rol Visie"] == "Regisseur" and rows.at["P1", "Rol Beleid"] == "Regisseur"
    assert rows.at["P1", "Rol Uitvoering"] == "Samenwerkingspartner"
    assert rows.at["P1", "Uitleg rol Uitvoering"] == (
        "'Partner' → Samenwerkingspartner (exact, rol per fase, kolom Rol uitvoering)"
    )
    assert rows.at["P1", "Interne/externe regie"] == "Interne regie"
    assert rows.at["P1", "Trekker"] == "Anna"
    assert rows.at["P1", "Start"] == pd.Timestamp(2025, 3, 1)
    assert rows.at["P1", "Budget"] == 125000.5
    assert rows.at["P1", "Partners"] == "Stichting Anker; Woonstad"
    assert rows.at["P1", "Bron"] == "Projecten, rij 2"
    assert rows.at["P1", "Opmerking"] == "let op" and rows.at["P2", "Opmerking"] == "3"


def test_missing_values_are_explained() -> None:
    rows = small().set_index("ID")
    assert rows.at["P2", "Elementen"] == voc.element_label(voc.UNDETERMINED)
    assert rows.at["P2", "Uitleg elementen"] == NO_ELEMENT
    assert rows.at["P2", "Rol Uitvoering"] == "Onbekend" and rows.at["P2", "Uitleg rol Uitvoering"] == NO_ROLE
    assert rows.at["P2", "Rol Visie"] == "" and rows.at["P2", "Uitleg rol Visie"] == ""
    assert rows.at["P3", "Fasen"] == "Onbekend" and rows.at["P3", "Uitleg fasen"] == NO_PHASE
    assert pd.isna(rows.at["P2", "Start"]) and pd.isna(rows.at["P2", "Budget"])
    assert rows.at["P2", "Partners"] == "" and rows.at["P2", "Trekker"] == ""


def test_manual_mapping_is_explained() -> None:
    inv = inventory_of(
        Sheet("Projecten", [["ID", "Projectnaam", "Fase", "Rol"], ["P1", "X", "afronding", "Presterende overheid"]]),
        value_mappings={"fase": {"afronding": "uitvoering"}, "rol": {"presterende overheid": "zelf"}},
    )
    row = project_table(inv).iloc[0]
    assert row["Fasen"] == "Uitvoering"
    assert row["Uitleg fasen"] == "'afronding' → Uitvoering (handmatig toegewezen, uit kolom Fase)"
    assert row["Rol Uitvoering"] == "Zelf doen"
    assert "handmatig toegewezen" in row["Uitleg rol Uitvoering"]


def test_keep_shows_kept_projects_whole() -> None:
    inv = inventory_of(Sheet("Projecten", [
        ["ID", "Projectnaam", "Fase"], ["P1", "A", "visie; beleid"], ["P2", "B", "uitvoering"],
    ]))
    table = project_table(inv, keep=["id:p1"])
    assert list(table["ID"]) == ["P1"] and table.iloc[0]["Fasen"] == "Visie; Beleid"
    assert project_table(inv, keep=[]).empty


def test_extra_column_clashing_with_a_table_column_is_renamed() -> None:
    inv = inventory_of(Sheet("Projecten", [["ID", "Projectnaam", "Bron"], ["P1", "A", "subsidie"]]))
    table = project_table(inv)
    assert table.iloc[0]["Bron"] == "Projecten, rij 2"
    assert table.iloc[0]["Bron (extra)"] == "subsidie"


def test_empty_inventory_gives_an_empty_table_with_columns() -> None:
    inv = inventory_of(Sheet("Projecten", [["ID", "Projectnaam", "Fase", "Rol"]]))
    table = project_table(inv)
    assert table.empty and list(table.columns) == project_columns()


SEARCH = pd.DataFrame({
    "Naam": ["Woonvisie (Noord)", "Buurtkamer", "a.b", "**vet**"],
    "Gebied": ["Noord", "Zuid", "", ""],
    "Budget": [1.0, 2.0, 3.0, 4.0],
})


@pytest.mark.parametrize(("query", "expected"), [
    ("noord", ["Woonvisie (Noord)"]),
    ("NOORD", ["Woonvisie (Noord)"]),
    ("(noord)", ["Woonvisie (Noord)"]),
    ("a.b", ["a.b"]),
    ("a.", ["a.b"]),
    (".", ["a.b"]),
    ("**", ["**vet**"]),
    ("zuid", ["Buurtkamer"]),
    ("1.0", []),
    ("", ["Woonvisie (Noord)", "Buurtkamer", "a.b", "**vet**"]),
    ("   ", ["Woonvisie (Noord)", "Buurtkamer", "a.b", "**vet**"]),
])
def test_search_is_literal_and_case_insensitive(query: str, expected: list[str]) -> None:
    assert list(search_projects(SEARCH, query)["Naam"]) == expected


def test_text_columns_skip_numbers_and_dates() -> None:
    assert text_columns(small()) == [c for c in small().columns
                                     if c not in ("Start", "Eind", "Budget", "Aantal afdelingen")]


@pytest.mark.parametrize("step", [1, 2, 3, 7])
def test_narrowing_the_whole_table_equals_building_it_for_the_kept_projects(step: int) -> None:
    """The Projecten page builds the table once and narrows it per filter: same rows, same order."""
    from regie.analysis import elements
    from regie.mapping.explain import kept_projects, project_table

    inv = example_inventory()
    keep = list(inv.projects["project"])[::step][::-1]  # order of ``keep`` does not matter
    coverage = elements.coverage(inv)
    whole = project_table(inv, coverage=coverage)
    pd.testing.assert_frame_equal(kept_projects(whole, inv, keep), project_table(inv, keep, coverage=coverage))
