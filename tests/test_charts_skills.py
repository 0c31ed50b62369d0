"""regie.charts.skills: demand per phase (with unknown roles) and demand beside supply per skill."""

from __future__ import annotations

import pytest
import realistic
from conftest import ROOT

from regie import analysis, load_inventory
from regie import vocabulary as voc
from regie.analysis import skills
from regie.charts.skills import (
    DEMAND_COLOUR,
    SUPPLY_COLOUR,
    SUPPLY_PATTERN,
    demand_supply_bars,
    phase_demand_bars,
)
from regie.charts.theme import ROLE_PATTERNS

SUBTITLE = "Alle projecten · team.xlsx"


@pytest.fixture(scope="module")
def example():
    return load_inventory(ROOT / "data" / "voorbeeld_inventaris.xlsx")


@pytest.fixture(scope="module")
def team_long():
    return load_inventory(realistic.team_long_xlsx(), "team.xlsx")


def _bars(chart):
    return {trace.name: trace for trace in chart.figure.data}


def test_phase_demand_bars_split_named_and_unknown_roles(team_long) -> None:
    chart = phase_demand_bars(team_long, SUBTITLE)
    bars = _bars(chart)
    assert list(bars) == ["Rol benoemd", "Rol onbekend"]
    demand = analysis.demand_per_phase(team_long)
    unknown = analysis.unknown_role_demand(team_long)
    assert list(bars["Rol benoemd"].y) == [p.label for p in voc.PHASES]
    assert list(bars["Rol onbekend"].x) == [unknown[p] for p in voc.PHASE_CODES]
    totals = [a + b for a, b in zip(bars["Rol benoemd"].x, bars["Rol onbekend"].x, strict=True)]
    assert totals == [demand[p] for p in voc.PHASE_CODES]
    assert list(bars["Rol onbekend"].text) == ["", "1", ""]  # labels only where there is a segment
    assert bars["Rol onbekend"].marker.pattern.shape == ROLE_PATTERNS[voc.UNKNOWN]
    assert chart.figure.layout.barmode == "stack"
    assert chart.table.equals(skills.phase_demand(team_long))
    assert SUBTITLE in chart.figure.layout.title.text


@pytest.mark.parametrize("fixture", ["example", "team_long"])
def test_demand_supply_bars_sorted_by_the_biggest_gap(request, fixture) -> None:
    inv = request.getfixturevalue(fixture)
    chart = demand_supply_bars(inv, SUBTITLE)
    bars = _bars(chart)
    assert list(bars) == ["Vraag (projecten)", "Aanbod (teamleden)"]
    gap = analysis.skill_gap(inv)
    labels = list(bars["Vraag (projecten)"].y)
    assert [label.split(" (")[0] for label in labels] == gap["vaardigheid"].tolist()
    assert list(bars["Vraag (projecten)"].x) == gap["vraag"].tolist()
    assert list(bars["Aanbod (teamleden)"].x) == gap["aanbod"].tolist()
    assert list(bars["Aanbod (teamleden)"].text) == [str(v) for v in gap["aanbod"]]
    assert chart.figure.layout.barmode == "group"
    assert bars["Vraag (projecten)"].marker.color == DEMAND_COLOUR
    assert bars["Aanbod (teamleden)"].marker.color == SUPPLY_COLOUR
    assert bars["Aanbod (teamleden)"].marker.pattern.shape == SUPPLY_PATTERN
    assert chart.table.equals(skills.gap_table(inv))


def test_gap_is_in_the_skill_label(example) -> None:
    labels = list(_bars(demand_supply_bars(example, SUBTITLE))["Vraag (projecten)"].y)
    assert labels[0] == "Vastleggen van afspraken (tekort 19)"
    team = load_inventory(realistic.team_wide_xlsx(), "w.xlsx")
    labels = list(_bars(demand_supply_bars(team, SUBTITLE))["Vraag (projecten)"].y)
    assert "Netwerken (in balans)" in labels


def test_small_counts_have_whole_number_ticks(example, team_long) -> None:
    assert phase_demand_bars(team_long, SUBTITLE).figure.layout.xaxis.dtick == 1
    assert demand_supply_bars(team_long, SUBTITLE).figure.layout.xaxis.dtick == 1
    assert demand_supply_bars(example, SUBTITLE).figure.layout.xaxis.dtick is None  # 21: plotly chooses
