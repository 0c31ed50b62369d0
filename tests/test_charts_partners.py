"""Figures of the Partners page (regie.charts.partners): types by colour AND shape, labels safe,
numbers on bars, a table for every chart."""

from __future__ import annotations

import json

import pytest
from conftest import inventory_of
from realistic import Sheet
from test_network import INVOLVEMENT, PARTNERS, PROJECTS

from regie import load_inventory
from regie import vocabulary as voc
from regie.analysis import network
from regie.analysis import partners as partner_analysis
from regie.analysis.privacy import hide_names
from regie.charts import partners as charts
from regie.charts.theme import MARKER_SYMBOLS, PARTNER_TYPE_COLOURS, Chart
from regie.model import Inventory

HOSTILE = "<img src=x onerror=alert(1)> **vet**"


@pytest.fixture(scope="module")
def inv() -> Inventory:
    return inventory_of(PROJECTS, PARTNERS, INVOLVEMENT)


def network_chart(inv: Inventory, phase: str = "alle") -> Chart:
    net = network.build(inv, phase)
    shape = network.structure(len(net.nodes), net.sources, net.targets)
    return charts.network_figure(net, shape, "Alle projecten · test.xlsx", phase)


def test_every_type_has_its_own_colour_and_shape_combination() -> None:
    styles = {(PARTNER_TYPE_COLOURS[c], charts.TYPE_SYMBOLS[c]) for c in charts.TYPE_KEYS}
    assert len(styles) == len(charts.TYPE_KEYS)
    assert len(set(charts.TYPE_SYMBOLS.values())) == len(charts.TYPE_KEYS)
    assert set(charts.TYPE_SYMBOLS.values()) <= set(MARKER_SYMBOLS)
    bars = {(PARTNER_TYPE_COLOURS[c], charts.TYPE_PATTERNS[c]) for c in charts.TYPE_KEYS}
    assert len(bars) == len(charts.TYPE_KEYS)


def test_network_figure(inv: Inventory) -> None:
    chart = network_chart(inv)
    traces = {t.name: t for t in chart.figure.data}
    assert {"Project", "Woningcorporatie", "GGD", "Welzijnsorganisatie"} <= set(traces)
    corporation = traces["Woningcorporatie"]
    assert corporation.marker.symbol == charts.TYPE_SYMBOLS["woningcorporatie"]
    assert corporation.marker.color == PARTNER_TYPE_COLOURS["woningcorporatie"]
    assert list(corporation.text) == ["Woonstad"]
    assert traces["Project"].marker.symbol == charts.PROJECT_STYLE["symbol"]
    assert "Alle projecten · test.xlsx" in chart.figure.layout.title.text
    assert chart.title.endswith("alle fasen")
    assert list(chart.table.columns) == ["Partner", "Type partner", "Project"]
    assert len(chart.table) == 6


def test_network_of_one_phase(inv: Inventory) -> None:
    chart = network_chart(inv, "beleid")
    assert set(chart.table["Project"]) == {"Huurdersoverleg"}
    assert chart.title.endswith("beleid")


def test_hostile_partner_names_are_escaped() -> None:
    inv = inventory_of(
        Sheet("Projecten", [["ID", "Projectnaam", "Fase"], ["P1", HOSTILE, "Visie"]]),
        Sheet("Partners", [["Naam", "Type"], [HOSTILE, "GGD"]]),
        Sheet("Betrokkenheid", [["Project ID", "Partner", "Invloed", "Belang"], ["P1", HOSTILE, 4, 4]]),
    )
    specs = [network_chart(inv).figure, charts.influence_interest_grid(partner_analysis.influence_interest(inv), "s").figure]
    net = network.build(inv)
    top = network.most_connected(net, network.structure(len(net.nodes), net.sources, net.targets))
    specs.append(charts.most_connected_bars(top, "s", "alle").figure)
    for fig in specs:
        text = json.dumps(fig.to_plotly_json(), ensure_ascii=False)
        assert "<img" not in text
        assert "&lt;img src=x onerror=alert(1)&gt;" in text


def test_hidden_names_do_not_reach_the_figures(inv: Inventory) -> None:
    hidden = hide_names(inv)
    net = network.build(hidden)
    shape = network.structure(len(net.nodes), net.sources, net.targets)
    figures = [
        charts.network_figure(net, shape, "s", "alle"),
        charts.most_connected_bars(network.most_connected(net, shape), "s", "alle"),
        charts.influence_interest_grid(partner_analysis.influence_interest(hidden), "s"),
    ]
    for chart in figures:
        text = json.dumps(chart.figure.to_plotly_json(), ensure_ascii=False) + chart.table.to_json()
        for name in ("Woonstad", "GGD Regio", "Welzijn Plus"):
            assert name not in text
    assert "Woningcorporatie 1" in figures[0].table["Partner"].tolist()


def test_partner_types_per_phase_bars(inv: Inventory) -> None:
    chart = charts.partner_types_per_phase_bars(inv, "s")
    names = [t.name for t in chart.figure.data]
    assert names == ["Woningcorporatie", "Welzijnsorganisatie", "GGD"]
    corporation = chart.figure.data[0]
    assert list(corporation.text) == ["1", "1", "1"]
    assert chart.figure.layout.barmode == "stack"
    assert chart.table["Fase"].tolist() == ["Visie", "Beleid", "Uitvoering"]
    assert chart.table["Woningcorporatie"].tolist() == [1, 1, 1]


def test_partner_types_without_partners() -> None:
    chart = charts.partner_types_per_phase_bars(inventory_of(PROJECTS), "s")
    assert [t.name for t in chart.figure.data] == ["Onbekend type"]


def test_most_connected_bars_show_numbers(inv: Inventory) -> None:
    net = network.build(inv)
    shape = network.structure(len(net.nodes), net.sources, net.targets)
    chart = charts.most_connected_bars(network.most_connected(net, shape), "s", "alle")
    bar = chart.figure.data[0]
    assert list(bar.text) == ["3", "2", "1"]
    assert list(chart.table.columns) == ["Partner", "Type", "Werkgebied", "Projecten", "Tussenpositie"]
    assert chart.table["Werkgebied"].tolist() == ["Lokaal", "Lokaal", "Regionaal"]
    assert all("," in v for v in chart.table["Tussenpositie"])  # Dutch decimal comma


def test_influence_interest_grid(inv: Inventory) -> None:
    chart = charts.influence_interest_grid(partner_analysis.influence_interest(inv), "s")
    annotations = [a.text for a in chart.figure.layout.annotations]
    for quadrant in partner_analysis.QUADRANTS:
        assert any(quadrant in a for a in annotations)
    assert chart.table["Kwadrant"].tolist() == ["Invloed benutten", "Belang laten meewegen", "Verbonden blijven"]
    assert chart.table["Invloed (gem.)"].tolist() == ["4,5", "2,0", "1,0"]
    assert chart.extra["unlabelled"] == 0


def test_werkgebied_bars(inv: Inventory) -> None:
    chart = charts.werkgebied_bars(inv, "s")
    bar = chart.figure.data[0]
    assert list(bar.x) == ["Lokaal", "Regionaal", "Landelijk", "Onbekend"]
    assert list(bar.text) == ["2 (50%)", "1 (25%)", "0 (0%)", "1 (25%)"]
    assert chart.table["Partners"].tolist() == [2, 1, 0, 1]


def test_example_network_labels_the_hubs(example_path) -> None:
    inv = load_inventory(example_path.read_bytes(), example_path.name)
    chart = network_chart(inv)
    labelled = {t for trace in chart.figure.data if trace.mode == "markers+text" for t in trace.text if t}
    top = network.partner_degrees(inv)["naam"].head(charts.ALWAYS_LABELLED)
    assert set(top) <= labelled
    assert voc.UNKNOWN not in labelled
