"""The presentation sequence (regie.charts.presentation), its headline view and the native chart data."""

from __future__ import annotations

import pytest
import realistic as rb
import ui_support as ui
from export_support import example_inventory

from regie import analysis, load_inventory
from regie import vocabulary as voc
from regie.analysis.filters import Filters, apply
from regie.charts import headline, native
from regie.charts import presentation as pres
from regie.charts.theme import Chart


def test_sequence_is_the_issue_order() -> None:
    """"The sequence: Overzicht, phase × element, role per phase, role paths, skills, partners.\""""
    assert [v.key for v in pres.VIEWS] == ["overzicht", "fase_element", "rol_per_fase", "rolpaden",
                                          "vaardigheden", "partners"]
    assert len({v.title for v in pres.VIEWS}) == len(pres.VIEWS)
    for view in pres.VIEWS:
        assert view.explanation.endswith(".") and "; uit " in view.explanation
        assert pres.VIEW_BY_KEY[view.key] is view


def test_every_view_gives_a_chart_for_the_example() -> None:
    inv = example_inventory()
    subtitle = pres.subtitle(Filters(), inv.file)
    assert subtitle == "Alle projecten · voorbeeld_inventaris.xlsx"
    for shown in pres.show_all(inv, subtitle):
        assert shown.message is None and isinstance(shown.chart, Chart)
        assert shown.chart.notes and shown.chart.description and len(shown.chart.table)
        assert subtitle in shown.chart.figure.layout.title.text
        assert not shown.view.native(inv).empty
    assert [s.index for s in pres.show_all(inv, subtitle)] == list(range(len(pres.VIEWS)))


@pytest.mark.parametrize(("index", "delta", "expected"), [(0, -1, 0), (0, 1, 1), (5, 1, 5), (3, -2, 1), (2, 10, 5)])
def test_step_stays_in_the_sequence(index: int, delta: int, expected: int) -> None:
    assert pres.step(index, delta) == expected


@pytest.mark.parametrize(("builder", "missing"), [
    (ui.one_project_xlsx, set()),
    (ui.no_partners_xlsx, {"partners"}),
    (ui.no_roles_xlsx, {"rolpaden"}),
    (ui.header_only_xlsx, {v.key for v in pres.VIEWS}),
])
def test_degenerate_inventories_say_what_is_missing(builder, missing: set[str]) -> None:
    inv = load_inventory(builder(), "x.xlsx")
    shown = pres.show_all(inv, "x")
    assert missing <= {s.view.key for s in shown if s.message}
    for item in shown:
        assert (item.chart is None) == (item.message is not None)
        if item.message:
            assert item.message.endswith(".")


def test_skills_view_uses_supply_only_with_a_team() -> None:
    with_team = pres.VIEW_BY_KEY["vaardigheden"].chart(example_inventory(), "x")
    without = pres.VIEW_BY_KEY["vaardigheden"].chart(load_inventory(rb.title_rows_xlsx(), "x.xlsx"), "x")
    assert "Inzetbaar (teamleden)" in with_team.table.columns
    assert "Inzetbaar (teamleden)" not in without.table.columns
    assert with_team.reading == without.reading == "skills"


def test_headline_numbers_and_named_roles_in_phase() -> None:
    inv = load_inventory(rb.per_phase_roles_xlsx(), "x.xlsx")
    named = headline.named_in_phase(inv)
    phases = analysis.phase_counts(inv)
    for phase in voc.PHASE_CODES:
        assert named[phase] <= phases[phase]
    members = inv.phases[["project", "phase"]].drop_duplicates()
    roles = inv.roles[inv.roles["role"] != voc.UNKNOWN]
    expected = {p: len(set(members.loc[members["phase"] == p, "project"]) & set(roles.loc[roles["phase"] == p, "project"]))
                for p in voc.PHASE_CODES}
    assert named == expected
    labels = [n.label for n in headline.headline_numbers(inv)]
    assert labels == ["Projecten", "Partners", "Koppelingen partner–project", "Zonder fase", "Fouten", "Waarschuwingen"]
    assert "Teamleden" in [n.label for n in headline.headline_numbers(example_inventory())]


def test_native_data_equals_the_analysis_for_a_filtered_inventory() -> None:
    inv = apply(example_inventory(), Filters(fase=("beleid",), domein=("Wonen",)))
    counts = analysis.phase_element_counts(inv)
    spec = native.phase_element(inv)
    assert spec.categories == tuple(voc.phase_label(p) for p in voc.PHASE_CODES)
    assert {s.name: s.values for s in spec.series} == {
        voc.element_label(e): tuple(counts[p][e] for p in voc.PHASE_CODES) for e in analysis.ELEMENT_KEYS
    }
    roles = native.roles_per_phase(inv)
    assert roles.grouping == native.STACKED and roles.horizontal
    assert sum(sum(s.values) for s in roles.series) == sum(sum(v.values()) for v in analysis.role_counts(inv).values())


def test_native_skill_demand_without_team_is_one_bar_per_phase() -> None:
    spec = native.skill_demand(load_inventory(rb.title_rows_xlsx(), "x.xlsx"))
    (series,) = spec.series
    assert series.point_colours is not None and len(series.point_colours) == len(voc.PHASES)
    demand = analysis.demand_per_phase(load_inventory(rb.title_rows_xlsx(), "x.xlsx"))
    assert list(series.values) == [demand[p] for p in voc.PHASE_CODES], "one bar per phase, never ranked"
