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
    # A task can be of several kinds at once (Schema 1): it counts under each of its kinds.
    expected = Counter((ph, kind) for p in make_data.PROJECTS for ph in p["phases"] for kind in p["taaksoort"])
    table = pos.task_kind_phase_counts(example)
    assert list(table.index) == list(voc.PHASE_CODES)
    assert list(table.columns) == [*pos.TASK_KIND_ORDER, voc.UNKNOWN]
    for phase in voc.PHASE_CODES:
        for kind in pos.TASK_KIND_ORDER:
            assert table.at[phase, kind] == expected[(phase, kind)], (phase, kind)
        assert table.at[phase, voc.UNKNOWN] == 0
    assert pos.task_kind_given(example) == len(make_data.PROJECTS)


SCHEMA1_CASES = [
    # (task kinds as written, kinds read, the seed's rule shown)
    ("Publiekrechtelijk", ("publiekrechtelijk",), "geen sprake van een keuze"),
    ("privaatrechtelijk; belanghebbend", ("privaatrechtelijk", "belanghebbend"), "bewuster worden afgewogen"),
    ("Belanghebbend", ("belanghebbend",), "bewuster worden afgewogen"),
    ("privaatrechtelijk", ("privaatrechtelijk",), "onpartijdigheid"),
]


@pytest.mark.parametrize(("written", "kinds", "rule"), SCHEMA1_CASES, ids=[c[0] for c in SCHEMA1_CASES])
def test_schema1_rule_per_project(written: str, kinds: tuple[str, ...], rule: str) -> None:
    inv = inventory_of(Sheet("Projecten", [["ID", "Projectnaam", "Taaksoort"], ["P1", "A", written]]))
    table = pos.schema1_table(inv)
    assert table.loc[0, "Taaksoort"] == ", ".join(pos.TASK_KIND_LABELS[k] for k in kinds)
    assert rule in table.loc[0, "Wat Schema 1 zegt"]
    assert set(pos.task_kinds(inv)["taaksoort"]) == set(kinds)


def test_values_outside_the_vocabulary_are_unknown() -> None:
    inv = inventory_of(Sheet("Projecten", [
        ["ID", "Projectnaam", "Fase", "Beleidskader", "Doorzettingsmacht", "Taaksoort"],
        ["P1", "A", "Visie", "Eigen", "Groot", "Publiekrechtelijk"],
        ["P2", "B", "Beleid", "Eigen", None, "weet niet"],
        ["P3", "C", "Uitvoering", None, "Afwezig", None],
    ]))
    table = pos.positions(inv).set_index("id")
    assert table.loc["P2", "doorzettingsmacht"] == voc.UNKNOWN
    assert [i.value for i in inv.issues if i.column == "Taaksoort"] == ["weet niet"], "warned, for review"
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
    assert pos.schema1_table(inv).loc[0, "Taaksoort"] == "Niet opgegeven"


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
    assert sum(sum(t.x) for t in bars.figure.data) == sum(
        len(p["phases"]) * len(p["taaksoort"]) for p in make_data.PROJECTS)
    assert all(t.text is not None and t.marker.pattern.shape is not None for t in bars.figure.data)
    advice = charts.outcome_bars(tree.advise_inventory(example), "Alle projecten")
    assert sum(sum(t.x) for t in advice.figure.data) == len(make_data.PROJECTS)
    assert "Rol in de uitvoering: past niet" in [t.name for t in advice.figure.data]
    assert advice.reading == "decision_rule" and voc.READING_MARKER in advice.marker
    for chart in (grid, bars, advice):
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


def _many(n: int, kinds: tuple[str, ...] = ("Publiekrechtelijk", "Privaatrechtelijk", "", "Belanghebbend")) -> Inventory:
    """n projects over the six cells (and one without an angle), task kinds in turn."""
    kaders, machten = ("Eigen", "Ander"), ("Groot", "Beperkt", "Afwezig")
    rows = [["ID", "Projectnaam", "Beleidskader", "Doorzettingsmacht", "Taaksoort"]]
    rows += [[f"P{i}", f"Project {i}", kaders[i % 2], machten[i % 3], kinds[i % len(kinds)]] for i in range(n)]
    rows.append(["LOS", "Zonder hoek", "", "Groot", "Publiekrechtelijk"])
    return inventory_of(Sheet("Projecten", rows))


@pytest.mark.parametrize(("n", "per_project"), [
    (charts.MARKERS_UP_TO, True),
    (charts.MARKERS_UP_TO + 1, False),
    (1_000, False),
])
def test_large_grids_show_one_marker_per_task_kind_per_cell(n: int, per_project: bool) -> None:
    """Beyond MARKERS_UP_TO placed projects a cell holds one marker per task kind with its count; the
    counts add up to the cell's count and to every placed project, and the table still lists each."""
    inv = _many(n)
    grid = charts.propper_grid(inv, "s")
    markers = sum(len(t.x) for t in grid.figure.data)
    assert len(grid.table) == n, "the table names every placed project"
    if per_project:
        assert markers == n and "één teken per taaksoort" not in grid.description
        return
    assert markers <= 6 * 4 and "één teken per taaksoort" in grid.description
    cells = pos.propper_counts(inv)
    total = 0
    for trace in grid.figure.data:
        assert trace.mode == "markers+text", "each count is written, not only drawn"
        for x, y, text in zip(trace.x, trace.y, trace.text, strict=True):
            count = int(text.replace(".", ""))
            total += count
            macht = next(m for m, i in charts.PROPPER_X.items() if abs(x - i) < 0.5)
            kader = next(k for k, i in charts.PROPPER_Y.items() if abs(y - i) < 0.5)
            expected = sum(1 for kind, row in zip(grid.table["Taaksoort"], grid.table.itertuples(), strict=True)
                           if kind == trace.name and row[3] == pos.BELEIDSKADER_LABELS[kader]
                           and row[4] == pos.DOORZETTINGSMACHT_LABELS[macht])
            assert count == expected, (trace.name, kader, macht)
    assert total == n == int(cells.to_numpy().sum())
    points = {(round(x, 6), round(y, 6)) for t in grid.figure.data for x, y in zip(t.x, t.y, strict=True)}
    assert len(points) == markers, "no two markers on the same spot"


def test_offsets_spread_markers_within_a_cell() -> None:
    for n in (1, 2, 5, 16, 40):
        places = charts._offsets(n)
        assert len(set(places)) == n
        assert all(-0.45 < dx < 0.4 and -0.4 < dy < 0.3 for dx, dy in places)


def test_style_advice_marks_misfits_in_text_and_style(example: Inventory) -> None:
    table = tree.display_table(tree.advise_inventory(example))
    html = charts.style_advice(table).to_html()
    assert "Past niet" in html and "font-weight: bold" in html


def test_long_advice_tables_are_not_styled() -> None:
    table = pd.DataFrame({"Vergelijking": ["Past niet"] * (charts.STYLE_UP_TO + 1)})
    assert charts.style_advice(table) is table
