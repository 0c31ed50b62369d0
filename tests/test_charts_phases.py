"""regie.charts.phases: the clickable phase × element heatmap and the projects-per-element bars."""

from __future__ import annotations

import json

import pytest
from conftest import ROOT, inventory_of
from realistic import Sheet

from regie import analysis, load_inventory
from regie import vocabulary as voc
from regie.analysis import cells
from regie.charts.phases import clickable_phase_element_heatmap, phase_element_heatmap, projects_per_element_bars
from regie.charts.theme import ELEMENT_COLOURS, ELEMENT_PATTERNS

SUBTITLE = "Filter: fase Visie · <b>inventaris</b>.xlsx"


@pytest.fixture(scope="module")
def example():
    return load_inventory(ROOT / "data" / "voorbeeld_inventaris.xlsx")


def _trace(fig, kind: str):
    return next(t for t in fig.data if t.type == kind)


def test_heatmap_is_the_overview_heatmap_plus_click_targets(example) -> None:
    chart = clickable_phase_element_heatmap(example, SUBTITLE)
    plain = phase_element_heatmap(example, SUBTITLE)
    heat = _trace(chart.figure, "heatmap")
    assert [list(r) for r in heat.z] == [list(r) for r in _trace(plain.figure, "heatmap").z]
    assert heat.texttemplate == "%{text}"
    assert chart.table.equals(plain.table) and chart.title == plain.title
    targets = _trace(chart.figure, "scatter")
    assert len(targets.x) == len(voc.PHASE_CODES) * len(analysis.ELEMENT_KEYS)
    assert {tuple(c) for c in targets.customdata} == {(p, e) for p in voc.PHASE_CODES for e in analysis.ELEMENT_KEYS}
    counts = analysis.phase_element_counts(example)
    for (phase, element), text in zip(targets.customdata, targets.text, strict=True):
        assert text == str(counts[phase][element])
    assert chart.figure.layout.clickmode == "event+select"


def test_click_targets_map_back_to_their_cell(example) -> None:
    targets = _trace(clickable_phase_element_heatmap(example, SUBTITLE).figure, "scatter")
    for x, y, custom in zip(targets.x, targets.y, targets.customdata, strict=True):
        assert cells.cell_from_points([{"x": x, "y": y}]) == tuple(custom)
        assert cells.cell_from_points([{"customdata": list(custom)}]) == tuple(custom)


@pytest.mark.parametrize(("selected", "box"), [
    (("visie", "A"), (-0.5, 0.5, -0.5, 0.5)),
    (("beleid", "C"), (1.5, 2.5, 0.5, 1.5)),
    (("uitvoering", voc.UNDETERMINED), (3.5, 4.5, 1.5, 2.5)),
])
def test_the_chosen_cell_is_outlined(example, selected, box) -> None:
    shapes = clickable_phase_element_heatmap(example, SUBTITLE, selected).figure.layout.shapes
    assert len(shapes) == 1
    assert (shapes[0].x0, shapes[0].x1, shapes[0].y0, shapes[0].y1) == box


@pytest.mark.parametrize("selected", [None, ("nazorg", "A"), ("visie", "Z")])
def test_no_outline_without_a_valid_cell(example, selected) -> None:
    assert not clickable_phase_element_heatmap(example, SUBTITLE, selected).figure.layout.shapes


def test_subtitle_is_escaped_in_the_title(example) -> None:
    for chart in (clickable_phase_element_heatmap(example, SUBTITLE), projects_per_element_bars(example, SUBTITLE)):
        title = chart.figure.layout.title.text
        assert "Filter: fase Visie" in title
        assert "&lt;b&gt;inventaris&lt;/b&gt;" in title and "<b>inventaris" not in title


def test_projects_per_element_bars(example) -> None:
    chart = projects_per_element_bars(example, SUBTITLE)
    bar = _trace(chart.figure, "bar")
    counts = analysis.element_counts(example)
    keys = list(analysis.ELEMENT_KEYS)
    assert list(bar.x) == [voc.element_label(e) for e in keys]
    assert list(bar.y) == [counts[e] for e in keys]
    assert list(bar.text) == [str(counts[e]) for e in keys]
    assert list(bar.marker.color) == [ELEMENT_COLOURS[e] for e in keys]
    assert list(bar.marker.pattern.shape) == [ELEMENT_PATTERNS[e] for e in keys]
    assert chart.table.to_dict("list") == {"Element": list(bar.x), "Projecten": list(bar.y)}
    json.dumps(chart.figure.to_plotly_json(), default=str)


def test_charts_of_an_inventory_without_phases_or_elements() -> None:
    inv = inventory_of(Sheet("Projecten", [["Projectnaam"], ["Alleen een naam"]]))
    heat = clickable_phase_element_heatmap(inv, "Alle projecten", cells.largest_cell(inv))
    assert all(v == 0 for row in _trace(heat.figure, "heatmap").z for v in row)
    bars = projects_per_element_bars(inv, "Alle projecten")
    assert list(_trace(bars.figure, "bar").y) == [0, 0, 0, 0, 1]


def test_small_counts_have_whole_number_ticks() -> None:
    inv = inventory_of(Sheet("Projecten", [["Projectnaam", "Fase", "Element"], ["Eén", "Visie", "A"]]))
    heat = _trace(clickable_phase_element_heatmap(inv, "Alle projecten").figure, "heatmap")
    assert heat.colorbar.dtick == 1
    assert projects_per_element_bars(inv, "Alle projecten").figure.layout.yaxis.dtick == 1
