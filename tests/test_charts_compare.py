"""regie.charts.compare: the comparison of two known inventories ("voor" and "na", storage_fixtures)
as charts — both numbers side by side, the later one labelled with the difference — and tables."""

from __future__ import annotations

import json

import pytest
import storage_fixtures as fx

from regie import load_inventory
from regie.analysis.compare import compare
from regie.charts.compare import (
    element_comparison_bars,
    phase_comparison_bars,
    project_lists,
    role_comparison_bars,
    signed,
)


@pytest.fixture(scope="module")
def comparison():
    voor = load_inventory(fx.voor_xlsx(), "voor.xlsx")
    na = load_inventory(fx.na_xlsx(), "na.xlsx")
    return compare(voor, na, "voor", "na")


def traces(chart) -> dict[str, dict]:
    return {t.name: t for t in chart.figure.data}


@pytest.mark.parametrize(("n", "text"), [(3, "+3"), (-2, "−2"), (0, "±0"), (1250, "+1.250"), (-1250, "−1.250")])
def test_signed(n: int, text: str) -> None:
    assert signed(n) == text


def test_phases_side_by_side_with_the_difference(comparison) -> None:
    chart = phase_comparison_bars(comparison, "Gemeente Wadlo · zonder filters")
    assert chart.table.to_dict("list") == {
        "Fase": ["Visie", "Beleid", "Uitvoering"], "voor": [1, 2, 2], "na": [1, 2, 3], "Verschil": [0, 0, 1],
    }
    bars = traces(chart)
    assert list(bars) == ["voor", "na"]
    assert list(bars["voor"].y) == [1, 2, 2] and list(bars["voor"].text) == ["1", "2", "2"]
    assert list(bars["na"].y) == [1, 2, 3] and list(bars["na"].text) == ["1 (±0)", "2 (±0)", "3 (+1)"]
    assert bars["voor"].marker.pattern.shape == "/" and bars["na"].marker.pattern.shape == ""
    title = chart.figure.layout.title.text
    assert title.startswith("Projecten per fase: voor en na") and "voor → na · Gemeente Wadlo · zonder filters" in title


def test_elements_as_rows(comparison) -> None:
    chart = element_comparison_bars(comparison)
    table = chart.table.set_index("Element")
    assert table["Verschil"].tolist() == [0, 1, -1, 0]
    assert list(table.index) == ["A – Visie ontwikkelen", "B – Het netwerk koesteren", "C – De eigen rol benoemen",
                                 "D – Variëren in aanpak"]
    bars = traces(chart)
    assert bars["na"].orientation == "h" and list(bars["na"].text) == ["1 (±0)", "2 (+1)", "0 (−1)", "1 (±0)"]


def test_roles_per_phase_only_where_either_has_one(comparison) -> None:
    chart = role_comparison_bars(comparison)
    rows = [(r["Fase"], r["Rol"], r["voor"], r["na"], r["Verschil"]) for r in chart.table.to_dict("records")]
    assert rows == [
        ("Visie", "Regisseur", 1, 1, 0),
        ("Beleid", "Opdrachtgever", 1, 0, -1),
        ("Beleid", "Regisseur", 0, 1, 1),
        ("Beleid", "Samenwerkingspartner", 1, 1, 0),
        ("Uitvoering", "Zelf doen", 0, 1, 1),
        ("Uitvoering", "Regisseur", 0, 1, 1),
        ("Uitvoering", "Samenwerkingspartner", 1, 0, -1),
        ("Uitvoering", "Facilitator", 1, 1, 0),
    ]
    bars = traces(chart)
    assert list(bars["na"].y) == [
        "Visie · Regisseur", "Beleid · Opdrachtgever", "Beleid · Regisseur", "Beleid · Samenwerkingspartner",
        "Uitvoering · Zelf doen", "Uitvoering · Regisseur", "Uitvoering · Samenwerkingspartner",
        "Uitvoering · Facilitator",
    ]
    assert chart.figure.layout.height >= 170 + 46 * 8


def test_roles_when_neither_has_a_phase_or_role() -> None:
    from realistic import Sheet, xlsx

    data = xlsx([Sheet("Projecten", [["Projectnaam", "Omschrijving"], ["Alleen een naam", "zonder fase"]])])
    inv = load_inventory(data, "x.xlsx")
    chart = role_comparison_bars(compare(inv, inv, "a", "b"))
    assert chart.table.empty and len(chart.figure.data) == 0
    assert "Geen van beide" in chart.figure.layout.annotations[0].text


def test_project_lists(comparison) -> None:
    lists = project_lists(comparison)
    assert lists["toegevoegd"]["Project"].tolist() == ["Wijkteam Noord"]
    assert lists["verdwenen"]["Project"].tolist() == ["Mantelzorgbeleid"]
    changed = lists["veranderd"]
    assert list(changed.columns) == ["Project", "Wat", "voor", "na"]
    assert ("Woonvisie 2030", "fase", "Visie", "Visie, Beleid") in [tuple(r) for r in changed.values]
    assert ("Sportakkoord Wadlo", "rol uitvoering", "Samenwerkingspartner", "Regisseur") in [
        tuple(r) for r in changed.values]


def test_snapshot_labels_are_text_in_the_figure() -> None:
    voor = load_inventory(fx.voor_xlsx(), "voor.xlsx")
    hostile = "<img src=x onerror=alert(1)>"
    comparison = compare(voor, voor, hostile, "**na**")
    for build in (phase_comparison_bars, element_comparison_bars, role_comparison_bars):
        chart = build(comparison, "<b>sub</b>")
        spec = json.dumps(chart.figure.to_plotly_json(), ensure_ascii=False)
        assert "<img" not in spec and "&lt;img src=x onerror=alert(1)&gt;" in spec
        assert "<b>sub</b>" not in spec
        assert hostile in chart.table.columns, "the table keeps the label as text"


def test_equal_labels_get_distinct_columns() -> None:
    voor = load_inventory(fx.voor_xlsx(), "voor.xlsx")
    chart = phase_comparison_bars(compare(voor, voor, "x", "x"))
    assert list(chart.table.columns) == ["Fase", "x (a)", "x (b)", "Verschil"]


def test_the_legend_sits_below_the_axis_title(comparison) -> None:
    for build in (phase_comparison_bars, element_comparison_bars, role_comparison_bars):
        layout = build(comparison).figure.layout
        assert layout.legend.yref == "container" and layout.margin.b >= 100
