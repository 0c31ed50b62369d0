"""Figures of the Rol per fase page (regie.charts.roles)."""

from __future__ import annotations

import pytest
from conftest import inventory_of
from realistic import Sheet

from regie import load_inventory
from regie import vocabulary as voc
from regie.analysis import roles as role_analysis
from regie.charts import roles as charts
from regie.charts.theme import ROLE_COLOURS
from regie.model import Inventory

SUBTITLE = "Alle projecten · test.xlsx"


@pytest.fixture(scope="module")
def inv() -> Inventory:
    return inventory_of(Sheet("Projecten", [
        ["ID", "Projectnaam", "Fase", "Regie", "Rol visie", "Rol beleid", "Rol uitvoering", "Overheidsrol"],
        [1, "A", "visie; beleid; uitvoering", "intern", "Regisseur", "Regisseur", "Partner", "Samenwerkende overheid"],
        [2, "B", "visie; beleid; uitvoering", "extern", "Regisseur", "Regisseur", "Partner", None],
        [3, "C", "visie; uitvoering", None, "Facilitator", None, "Opdrachtgever", "Presterende; rechtmatige"],
        [4, "D", "beleid", "beide", None, "Zelf doen", None, None],
    ]))


def test_sankey_nodes_links_and_colours(inv: Inventory) -> None:
    chart = charts.role_path_sankey(inv, SUBTITLE)
    sankey = chart.figure.data[0]
    labels = list(sankey.node.label)
    assert labels == [
        "Visie: Regisseur (2)", "Visie: Facilitator (1)", "Beleid: Regisseur (2)",
        "Uitvoering: Opdrachtgever (1)", "Uitvoering: Samenwerkingspartner (2)",
    ]
    assert list(sankey.node.color) == [ROLE_COLOURS[r] for r in
                                       ("regisseur", "facilitator", "regisseur", "opdrachtgever", "partner")]
    assert sorted(sankey.link.value) == [1, 2, 2]
    xs = list(sankey.node.x)
    assert xs[0] < xs[2] < xs[3]
    assert SUBTITLE in chart.figure.layout.title.text
    assert chart.table.to_dict("records") == [
        {"Van": "Visie: Regisseur", "Naar": "Beleid: Regisseur", "Projecten": 2},
        {"Van": "Visie: Facilitator", "Naar": "Uitvoering: Opdrachtgever", "Projecten": 1},
        {"Van": "Beleid: Regisseur", "Naar": "Uitvoering: Samenwerkingspartner", "Projecten": 2},
    ]


def test_path_table(inv: Inventory) -> None:
    table = charts.path_table(inv)
    assert table.to_dict("records") == [
        {"Rolpad": "Visie: Regisseur → Beleid: Regisseur → Uitvoering: Samenwerkingspartner",
         "Projecten": 2, "Aandeel": "67%"},
        {"Rolpad": "Visie: Facilitator → Uitvoering: Opdrachtgever", "Projecten": 1, "Aandeel": "33%"},
    ]


def test_sankey_without_paths_is_empty_not_an_error() -> None:
    inv = inventory_of(Sheet("Projecten", [["ID", "Projectnaam", "Fase"], [1, "A", "Visie"]]))
    chart = charts.role_path_sankey(inv, SUBTITLE)
    assert list(chart.figure.data[0].node.label) == []
    assert chart.table.empty
    assert charts.path_table(inv).empty


@pytest.mark.parametrize(("build", "categories", "rows"), [
    (charts.rivm_bars, role_analysis.RIVM_CATEGORIES, ["Visie", "Beleid", "Uitvoering"]),
    (charts.government_role_bars, role_analysis.GOVERNMENT_CATEGORIES,
     ["Alle projecten", "Visie", "Beleid", "Uitvoering"]),
])
def test_lens_bars_are_stacked_with_labels(inv: Inventory, build, categories, rows) -> None:
    chart = build(inv, SUBTITLE)
    assert [t.name for t in chart.figure.data] == list(categories)
    assert chart.figure.layout.barmode == "stack"
    assert chart.table["Fase"].tolist() == rows
    assert chart.source, "each lens names its seed"
    for trace in chart.figure.data:
        assert [t for t in trace.text if t] == [str(v) for v in trace.x if v]
    assert SUBTITLE in chart.figure.layout.title.text


def test_rivm_bars_count_the_regisseur_under_no_single_scenario(inv: Inventory) -> None:
    chart = charts.rivm_bars(inv, SUBTITLE)
    table = chart.table.set_index("Fase")
    assert table.loc["Uitvoering", "Uitvoering door samenwerking"] == 2
    assert table.loc["Visie", "Uitvoering door samenwerking"] == 0
    assert table.loc["Visie", voc.NO_SCENARIO_LABEL] == 2
    assert table.loc["Visie", "Overlaten aan de samenleving"] == 1
    assert "RIVM" in chart.source


def test_government_roles_as_stated(inv: Inventory) -> None:
    table = charts.government_role_bars(inv, SUBTITLE).table.set_index("Fase")
    assert table.loc["Alle projecten", "Samenwerkende overheid"] == 1
    assert table.loc["Alle projecten", "Presterende overheid"] == 1
    assert table.loc["Alle projecten", "Rechtmatige overheid"] == 1
    assert table.loc["Alle projecten", "Niet opgegeven"] == 2


def test_regie_kind_bars(inv: Inventory) -> None:
    chart = charts.regie_kind_bars(inv, SUBTITLE)
    table = chart.table.set_index("Fase")
    assert table.loc["Alle projecten"].tolist() == [1, 1, 1, 1]
    assert [t.name for t in chart.figure.data] == list(role_analysis.REGIE_CATEGORIES)


def test_example_sankey(example_path) -> None:
    inv = load_inventory(example_path.read_bytes(), example_path.name)
    chart = charts.role_path_sankey(inv, SUBTITLE)
    assert "Visie: Regisseur (8)" in list(chart.figure.data[0].node.label)
    assert chart.table["Projecten"].sum() == 18 + 5  # 18 paths, 5 of them over all three phases
