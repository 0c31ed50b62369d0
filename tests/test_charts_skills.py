"""regie.charts.skills: demand per phase (with unknown roles) and the supply in people per skill."""

from __future__ import annotations

import pytest
import realistic
from conftest import ROOT

from regie import analysis, load_inventory
from regie import vocabulary as voc
from regie.analysis import skills
from regie.charts.skills import (
    SUPPLY_COLOUR,
    SUPPLY_PATTERN,
    demand_supply_bars,
    phase_demand_bars,
    skills_demand_bars,
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
    assert list(bars) == ["Rol benoemd", "Nog geen rol benoemd"]
    demand = analysis.demand_per_phase(team_long)
    unknown = analysis.unknown_role_demand(team_long)
    assert list(bars["Rol benoemd"].y) == [p.label for p in voc.PHASES]
    assert list(bars["Nog geen rol benoemd"].x) == [unknown[p] for p in voc.PHASE_CODES]
    totals = [a + b for a, b in zip(bars["Rol benoemd"].x, bars["Nog geen rol benoemd"].x, strict=True)]
    assert totals == [demand[p] for p in voc.PHASE_CODES]
    assert list(bars["Nog geen rol benoemd"].text) == ["", "1", ""]  # labels only where there is a segment
    assert bars["Nog geen rol benoemd"].marker.pattern.shape == ROLE_PATTERNS[voc.UNKNOWN]
    assert chart.figure.layout.barmode == "stack"
    assert chart.table.equals(skills.phase_demand(team_long))
    assert SUBTITLE in chart.figure.layout.title.text
    assert chart.reading == "skills" and "Schema 3" in chart.source


@pytest.mark.parametrize("fixture", ["example", "team_long"])
def test_supply_bars_show_people_never_a_gap(request, fixture) -> None:
    inv = request.getfixturevalue(fixture)
    chart = demand_supply_bars(inv, SUBTITLE)
    bars = _bars(chart)
    assert list(bars) == ["Inzetbaar", "In ontwikkeling"]
    table = skills.supply_table(inv)
    labels = list(bars["Inzetbaar"].y)
    assert [label.split(" (")[0] for label in labels] == table["Vaardigheid"].tolist()
    assert list(bars["Inzetbaar"].x) == table["Inzetbaar (teamleden)"].tolist()
    assert list(bars["In ontwikkeling"].x) == table["In ontwikkeling (teamleden)"].tolist()
    assert chart.figure.layout.barmode == "stack"
    assert bars["Inzetbaar"].marker.color == SUPPLY_COLOUR
    assert bars["Inzetbaar"].marker.pattern.shape == SUPPLY_PATTERN
    assert chart.table.equals(table)
    for label, asked in zip(labels, table["Vraag (projecten)"], strict=True):
        assert f"vraag {asked}" in label, "the phase's demand beside the people, not subtracted"
    assert "tekort" not in " ".join(labels)


def test_nobody_in_the_team_is_in_the_label_and_first(team_long) -> None:
    labels = list(_bars(demand_supply_bars(team_long, SUBTITLE))["Inzetbaar"].y)
    assert labels[0].startswith("Initiëren (visie)") and labels[0].endswith(voc.NOBODY_IN_TEAM)
    assert any(label.startswith("Netwerken (visie) · vraag 2 · 2,0 projecten per inzetbaar teamlid")
               for label in labels)


def test_demand_without_a_team_is_one_bar_per_phase(team_long) -> None:
    chart = skills_demand_bars(team_long, SUBTITLE)
    (bar,) = chart.figure.data
    assert list(bar.x) == [analysis.demand_per_phase(team_long)[p] for p in voc.PHASE_CODES]
    assert [label.split(":")[0] for label in bar.y] == [p.label for p in voc.PHASES]


def test_small_counts_have_whole_number_ticks(example, team_long) -> None:
    assert phase_demand_bars(team_long, SUBTITLE).figure.layout.xaxis.dtick == 1
    assert demand_supply_bars(team_long, SUBTITLE).figure.layout.xaxis.dtick == 1
    assert demand_supply_bars(example, SUBTITLE).figure.layout.xaxis.dtick is None  # 6 people: plotly chooses
