"""Positioning counts (Pröpper, Schema 1, government roles) and the charts of the instruments."""

from __future__ import annotations

import json
from collections import Counter

import pandas as pd
import plotly.graph_objects as go
import pytest
from conftest import inventory_of
from realistic import Sheet

from data import make_data
from regie import Inventory, load_inventory
from regie import vocabulary as voc
from regie.charts import instruments as charts
from regie.instruments import beslisboom as tree
from regie.instruments import positionering as pos
from regie.instruments import zelfscan as scan


@pytest.fixture(scope="module")
def example() -> Inventory:
    return load_inventory(make_data.EXAMPLE_PATH)


def test_propper_counts_of_the_example(example: Inventory) -> None:
    """The grid counts equal those computed from the generator's data, not from the file."""
    expected = Counter((p["beleidskader"], p["doorzettingsmacht"]) for p in make_data.PROJECTS)
    table = pos.propper_counts(example)
    assert list(table.index) == ["eigen", "ander"] and list(table.columns) == ["groot", "beperkt", "afwezig"]
    for kader in table.index:
        for macht in table.columns:
            assert table.at[kader, macht] == expected[(kader, macht)], (kader, macht)
    assert pos.propper_unplaced(example) == 0
    assert (table > 0).sum().sum() == 6, "the example fills every cell of the grid"


def test_task_kinds_per_phase_of_the_example(example: Inventory) -> None:
    expected = Counter((ph, p["taaksoort"]) for p in make_data.PROJECTS for ph in p["phases"])
    table = pos.task_kind_phase_counts(example)
    assert list(table.index) == list(voc.PHASE_CODES)
    assert list(table.columns) == [*pos.TASK_KIND_ORDER, voc.UNKNOWN]
    for phase in voc.PHASE_CODES:
        for kind in pos.TASK_KIND_ORDER:
            assert table.at[phase, kind] == expected[(phase, kind)], (phase, kind)
        assert table.at[phase, voc.UNKNOWN] == 0
    assert pos.task_kind_given(example) == len(make_data.PROJECTS)


def test_government_quadrant_of_the_example(example: Inventory) -> None:
    roles = {p["id"]: make_data.project_roles(p) for p in make_data.PROJECTS}
    table = pos.government_quadrant(example).set_index("overheidsrol")
    assert list(table.index) == list(voc.GOVERNMENT_ROLES)
    for name in voc.GOVERNMENT_ROLES:
        members = set(pos.GOVERNMENT_ROLE_ROLES[name])
        projects = {pid for pid, per in roles.items() if any(codes & members for codes in per.values())}
        assert table.at[name, "projecten"] == len(projects), name
        for phase in voc.PHASE_CODES:
            in_phase = {pid for pid, per in roles.items() if per.get(phase, set()) & members}
            assert table.at[name, phase] == len(in_phase), (name, phase)
    assert table.at["Rechtmatige overheid", "projecten"] == 0
    geen = sum(1 for per in roles.values() for codes in per.values() if "geen" in codes)
    assert pos.roles_outside_quadrant(example) == {"geen": geen, voc.UNKNOWN: 0}
    assert pos.quadrant_roles_given(example) == len(make_data.PROJECTS)


def test_values_outside_the_vocabulary_are_unknown() -> None:
    inv = inventory_of(Sheet("Projecten", [
        ["ID", "Projectnaam", "Fase", "Beleidskader", "Doorzettingsmacht", "Taaksoort"],
        ["P1", "A", "Visie", "Eigen", "Groot", "Publiekrechtelijk"],
        ["P2", "B", "Beleid", "Eigen", None, "weet niet"],
        ["P3", "C", "Uitvoering", None, "Afwezig", None],
    ]))
    table = pos.positions(inv).set_index("id")
    assert table.loc["P2", "doorzettingsmacht"] == voc.UNKNOWN and table.loc["P2", "taaksoort"] == voc.UNKNOWN
    assert list(pos.propper_positions(inv)["id"]) == ["P1"]
    assert pos.propper_unplaced(inv) == 2
    kinds = pos.task_kind_phase_counts(inv)
    assert kinds.at["visie", "publiekrechtelijk"] == 1
    assert kinds.at["beleid", voc.UNKNOWN] == 1 and kinds.at["uitvoering", voc.UNKNOWN] == 1
    assert pos.task_kind_given(inv) == 1


def test_an_inventory_without_positions_or_roles() -> None:
    inv = inventory_of(Sheet("Projecten", [["Projectnaam", "Fase"], ["A", "Visie"]]))
    assert pos.propper_positions(inv).empty
    assert int(pos.propper_counts(inv).sum().sum()) == 0
    assert pos.task_kind_given(inv) == 0
    assert pos.quadrant_roles_given(inv) == 0
    assert int(pos.government_quadrant(inv)["projecten"].sum()) == 0
    assert pos.roles_outside_quadrant(inv) == {"geen": 0, voc.UNKNOWN: 1}


# --------------------------------------------------------------------------------------------
# Charts: every chart has data, labels and a table, and user text stays text
# --------------------------------------------------------------------------------------------


def _texts(fig: go.Figure) -> str:
    return json.dumps(fig.to_plotly_json(), ensure_ascii=False, default=str)


def test_the_example_charts_show_data(example: Inventory) -> None:
    grid = charts.propper_grid(example, "Alle projecten")
    assert sum(len(t.x) for t in grid.figure.data) == len(make_data.PROJECTS)
    assert len(grid.table) == len(make_data.PROJECTS)
    assert "16 projecten" in _texts(grid.figure), "every cell is labelled with its count"
    points = {(round(x, 6), round(y, 6)) for t in grid.figure.data for x, y in zip(t.x, t.y, strict=True)}
    assert len(points) == len(make_data.PROJECTS), "no two projects on the same spot"
    bars = charts.task_kind_phase_bars(example, "Alle projecten")
    assert sum(sum(t.x) for t in bars.figure.data) == sum(len(p["phases"]) for p in make_data.PROJECTS)
    assert all(t.text is not None and t.marker.pattern.shape is not None for t in bars.figure.data)
    quadrant = charts.government_quadrant(example, "Alle projecten")
    assert len(quadrant.table) == 4 and "Samenwerkende overheid" in _texts(quadrant.figure)
    advice = charts.advice_status_bars(tree.advise_inventory(example), "Alle projecten")
    assert sum(sum(t.x) for t in advice.figure.data) == len(make_data.PROJECTS)
    assert "Past niet" in [t.name for t in advice.figure.data]
    for chart in (grid, bars, quadrant, advice):
        assert "Alle projecten" in chart.figure.layout.title.text
        assert chart.description and chart.notes


def test_project_names_in_the_grid_are_escaped() -> None:
    inv = inventory_of(Sheet("Projecten", [
        ["ID", "Projectnaam", "Beleidskader", "Doorzettingsmacht"],
        ["<b>X</b>", "<img src=x onerror=alert(1)>", "Eigen", "Groot"],
    ]))
    text = _texts(charts.propper_grid(inv, "s").figure)
    assert "<img" not in text and "&lt;img src=x onerror=alert(1)&gt;" in text
    assert "<b>X</b>" not in text


def test_offsets_spread_markers_within_a_cell() -> None:
    for n in (1, 2, 5, 16, 40):
        places = charts._offsets(n)
        assert len(set(places)) == n
        assert all(-0.45 < dx < 0.4 and -0.4 < dy < 0.3 for dx, dy in places)


@pytest.mark.parametrize("answers", [{}, {"L1": "ja", "O6": "nee"}, dict.fromkeys(scan.ITEM_BY_CODE, "deels")])
def test_scan_chart(answers: dict) -> None:
    result = scan.score(answers)
    chart = charts.scan_theme_bars(result, "deze sessie")
    assert len(chart.table) == 4 and list(chart.figure.data[0].text)
    assert len(charts.scan_items_table(result)) == 16


def test_style_advice_marks_misfits_in_text_and_style(example: Inventory) -> None:
    table = tree.display_table(tree.advise_inventory(example))
    html = charts.style_advice(table).to_html()
    assert "Past niet" in html and "font-weight: bold" in html


def test_long_advice_tables_are_not_styled() -> None:
    table = pd.DataFrame({"Vergelijking": ["Past niet"] * (charts.STYLE_UP_TO + 1)})
    assert charts.style_advice(table) is table
