"""AppTest of pages/fasen_en_elementen.py on its own: the example, uploads and degenerate inventories."""

from __future__ import annotations

import pytest
import realistic
from conftest import ROOT
from page_checks import frame
from ui_support import (
    DEGENERATE,
    EXAMPLE_BANNER,
    PAGE_BY_STEM,
    app_test,
    chart_titles,
    exceptions,
    hostile_xlsx,
    metrics,
    plotly_specs,
    rendered,
)

from regie import analysis, load_inventory
from regie import vocabulary as voc
from regie.analysis import cells
from regie.analysis import elements as coverage

PAGE = PAGE_BY_STEM["fasen_en_elementen"].path
PHASE_KEY, ELEMENT_KEY = "fasen_cel_fase", "fasen_cel_element"
CELL_COLUMN = "Rol in deze fase"
EXAMPLE = ROOT / "data" / "voorbeeld_inventaris.xlsx"


def run(upload: tuple[bytes, str] | None = None, **state: object):
    return app_test(PAGE, upload=upload, state=state).run()


def _cell_list(at) -> list[str]:
    return frame(at, CELL_COLUMN)["ID"].tolist()


def test_example() -> None:
    at = run()
    assert not at.exception, exceptions(at)
    assert [t.value for t in at.title] == ["Fasen en elementen"]
    assert EXAMPLE_BANNER in [i.value for i in at.info]
    titles = chart_titles(at)
    assert [t.split("<br>")[0] for t in titles] == [
        "Projecten per fase en element", "Projecten per element", "Waar de vier elementen van regie ontbreken"]
    assert all("Alle projecten · voorbeeld_inventaris.xlsx" in t for t in titles)
    heat = next(s for s in plotly_specs(at) if s["data"][0]["type"] == "heatmap")
    assert heat["data"][0]["z"] == [[3, 1, 1, 2, 3], [3, 4, 4, 5, 2], [1, 6, 10, 3, 2]]
    assert [t.label for t in at.toggle] == ["Toon als tabel"] * 3 + ["Alleen projecten waar een element ontbreekt"]
    assert voc.SCHEMA_TITLES[3] in [h.value for h in at.header]
    assert "Fase × element, zoals de inventaris ze noemt" in [h.value for h in at.header]


def test_element_coverage_per_project_is_marked_as_the_apps_reading() -> None:
    at = run()
    inv = load_inventory(EXAMPLE)
    table = frame(at, "Waarom A")
    assert len(table) == len(inv.projects)
    counts = coverage.coverage_counts(inv)
    for element in voc.ELEMENT_CODES:
        column = table[voc.element_label(element)]
        for status in coverage.STATUSES:
            assert (column == coverage.STATUS_LABELS[status]).sum() == counts[element][status], (element, status)
    captions = "\n".join(c.value for c in at.caption)
    assert voc.READINGS["element_coverage"].name in captions and voc.READING_MARKER in captions
    at.toggle(key="fasen_dekking_ontbreekt").set_value(True).run()
    missing = frame(at, "Waarom A")
    assert 0 < len(missing) < len(table)
    assert (missing[[voc.element_label(e) for e in voc.ELEMENT_CODES]] == "Ontbreekt").any(axis=1).all()


def test_the_largest_cell_is_listed_first() -> None:
    at = run()
    assert at.selectbox(key=PHASE_KEY).value == "uitvoering"
    assert at.selectbox(key=ELEMENT_KEY).value == "C"
    listed = frame(at, CELL_COLUMN)
    assert len(listed) == 10
    assert list(listed.columns) == list(cells.CELL_COLUMNS)
    assert any("Uitvoering × C – De eigen rol benoemen: 10 projecten" in m.value for m in at.markdown)


@pytest.mark.parametrize(("phase", "element", "count"), [
    ("visie", "A", 3), ("beleid", "D", 5), ("uitvoering", "B", 6), ("beleid", voc.UNDETERMINED, 2),
])
def test_choosing_a_cell_lists_its_projects(phase, element, count) -> None:
    at = run()
    at.selectbox(key=PHASE_KEY).set_value(phase).run()
    at.selectbox(key=ELEMENT_KEY).set_value(element).run()
    assert not at.exception, exceptions(at)
    inv = load_inventory(EXAMPLE)
    assert _cell_list(at) == cells.projects_in_cell(inv, phase, element)["ID"].tolist()
    assert len(_cell_list(at)) == count
    heat = next(s for s in plotly_specs(at) if s["data"][0]["type"] == "heatmap")
    assert len(heat["layout"]["shapes"]) == 1, "the chosen cell is outlined"


def test_an_empty_cell_says_so() -> None:
    at = run()
    at.selectbox(key=PHASE_KEY).set_value("visie").run()
    at.selectbox(key=ELEMENT_KEY).set_value("B").run()
    assert len(_cell_list(at)) == 1
    at = run(**{"filter_fase": ["uitvoering"]})
    at.selectbox(key=PHASE_KEY).set_value("visie").run()
    assert not at.exception, exceptions(at)
    assert any("geen projecten" in i.value for i in at.info)


def test_element_tabs_with_their_content_and_counts() -> None:
    at = run()
    assert [t.label for t in at.tabs] == [voc.element_label(e) for e in voc.ELEMENT_CODES]
    shown = [m.value for m in at.metric]
    counts = analysis.element_counts(load_inventory(EXAMPLE))
    assert shown == [str(counts[e]) for e in voc.ELEMENT_CODES]
    text = rendered(at).all_text()
    for principle in (*voc.HUPE_KLIJN_PRINCIPLES, *voc.NETWORK_SUCCESS_FACTORS, *voc.PROPPER_ANGLES):
        assert principle.name in text and principle.description in text
    for level in voc.SCHEMA2:
        assert level.name in text and all(task in text for task in level.tasks)
    for kind in voc.SCHEMA1:
        assert kind.label in text and all(task in text for task in kind.tasks)
    for element in voc.ELEMENTS:
        assert element.about in text
    assert voc.schema_source(3) in text
    assert voc.sources.SCHEMA3_EXAMPLE in text


def test_schema3_table_is_verbatim() -> None:
    at = run()
    table = at.table[0].value
    assert tuple(table.columns) == voc.SCHEMA3_HEADERS
    assert table.values.tolist() == [[p.fase_in_het_proces, p.regie_op, p.vaardigheden] for p in voc.PHASES]


def test_uploaded_fixture() -> None:
    data = realistic.long_format_xlsx()
    at = run((data, "lang.xlsx"))
    assert not at.exception, exceptions(at)
    assert EXAMPLE_BANNER not in [i.value for i in at.info]
    inv = load_inventory(data, "lang.xlsx")
    heat = next(s for s in plotly_specs(at) if s["data"][0]["type"] == "heatmap")
    counts = analysis.phase_element_counts(inv)
    assert heat["data"][0]["z"] == [[counts[p][e] for e in analysis.ELEMENT_KEYS] for p in voc.PHASE_CODES]
    assert all("lang.xlsx" in t for t in chart_titles(at))
    phase, element = cells.largest_cell(inv)
    assert _cell_list(at) == cells.projects_in_cell(inv, phase, element)["ID"].tolist()


@pytest.mark.parametrize("case", sorted(DEGENERATE))
def test_degenerate_inventories(case: str) -> None:
    at = run((DEGENERATE[case](), f"{case}.xlsx"))
    assert not at.exception, exceptions(at)
    assert [t.value for t in at.title] == ["Fasen en elementen"]
    has_projects = bool(len(load_inventory(DEGENERATE[case](), f"{case}.xlsx").projects))
    assert len(plotly_specs(at)) == (3 if has_projects else 2), "the coverage chart needs projects"


def test_one_project() -> None:
    at = run((DEGENERATE["een-project"](), "een.xlsx"))
    assert (at.selectbox(key=PHASE_KEY).value, at.selectbox(key=ELEMENT_KEY).value) == ("visie", "A")
    assert frame(at, CELL_COLUMN).iloc[0].to_dict() == {
        "ID": "P1", "Naam": "Enige project", "Fasen": "Visie", "Elementen": "A", "Rol in deze fase": "Regisseur"}
    assert any(" 1 project**" in m.value or ": 1 project" in m.value for m in at.markdown)


def test_no_elements_explains_what_is_missing() -> None:
    data = realistic.xlsx([realistic.Sheet("Projecten", [
        ["Projectnaam", "Fase", "Rol"], ["Woonvisie", "Visie", "Regisseur"], ["Buurtkamer", "Uitvoering", None]])])
    at = run((data, "zonder-element.xlsx"))
    assert not at.exception, exceptions(at)
    assert any("Geen enkel project heeft een element" in i.value for i in at.info)
    assert at.selectbox(key=ELEMENT_KEY).value == voc.UNDETERMINED
    assert metrics(at) == {"Projecten met dit element": "0"}


def test_no_roles() -> None:
    at = run((DEGENERATE["geen-rollen"](), "geen-rollen.xlsx"))
    assert not at.exception, exceptions(at)
    assert set(frame(at, CELL_COLUMN)["Rol in deze fase"]) == {"Onbekend"}


def test_hostile_project_names_are_listed_literally() -> None:
    at = run((hostile_xlsx(), "vijandig.xlsx"))
    assert not at.exception, exceptions(at)
    at.selectbox(key=PHASE_KEY).set_value("visie").run()
    at.selectbox(key=ELEMENT_KEY).set_value("A").run()
    names = frame(at, CELL_COLUMN)["Naam"].tolist()
    assert "<img src=x onerror=alert(1)>" in names
    shown = rendered(at)
    assert not shown.markup_containing("<img src=x"), shown.markup_containing("<img src=x")
    assert not shown.markup_containing("**vet**")
