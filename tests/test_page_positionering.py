"""AppTest of pages/positionering.py on its own: the example (every chart with data), uploaded
inventories with and without the positioning columns, degenerate inventories and hostile names."""

from __future__ import annotations

from typing import Any

import pytest
from page_checks import frame
from streamlit.testing.v1 import AppTest
from ui_support import (
    DEGENERATE,
    EXAMPLE_BANNER,
    ROOT,
    app_test,
    chart_titles,
    exceptions,
    named_partners_xlsx,
    plotly_specs,
    rendered,
    workbook,
)

from data import make_data
from regie.instruments import positionering as pos

PAGE = ROOT / "pages" / "positionering.py"
TITLES = [
    "Pröppers invalshoeken: beleidskader en doorzettingsmacht",
    "Soorten gemeentelijke taken per fase (Schema 1)",
]


def run(data: bytes | None = None, name: str = "inventaris.xlsx", **state: Any) -> AppTest:
    return app_test(PAGE, upload=(data, name) if data is not None else None, state=state).run()


def titles(at: AppTest) -> list[str]:
    return [t.split("<br>")[0] for t in chart_titles(at)]


def infos(at: AppTest) -> list[str]:
    return [i.value for i in at.info]


def test_example_shows_every_chart_with_data() -> None:
    at = run()
    assert not at.exception, exceptions(at)
    assert [t.value for t in at.title] == ["Positionering"]
    assert EXAMPLE_BANNER in infos(at)
    assert titles(at) == TITLES
    assert all("Alle projecten · voorbeeld_inventaris.xlsx" in t for t in chart_titles(at))
    grid, bars = plotly_specs(at)
    assert sum(len(trace["text"]) for trace in grid["data"]) == 30, "every project is a labelled marker"
    assert sum(int(t) for trace in bars["data"] for t in trace["text"] if t) == sum(
        len(p["phases"]) * len(p["taaksoort"]) for p in make_data.PROJECTS)
    assert "overheid" not in str(grid) + str(bars), "no government-role quadrant derived from the role"
    for help_text in (pos.PROPPER_HELP, pos.TASK_KIND_HELP):
        assert help_text not in infos(at)
    rules = frame(at, "Wat Schema 1 zegt").set_index("ID")
    assert rules.at["P03", "Taaksoort"] == "Privaatrechtelijke taken, Belanghebbende taken"
    assert "bewuster worden afgewogen" in rules.at["P03", "Wat Schema 1 zegt"]
    assert "geen sprake van een keuze" in rules.at["P13", "Wat Schema 1 zegt"]


def test_upload_without_positioning_columns() -> None:
    at = run(named_partners_xlsx(), "mijn_inventaris.xlsx")
    assert not at.exception, exceptions(at)
    assert pos.PROPPER_HELP in infos(at) and pos.TASK_KIND_HELP in infos(at)
    assert titles(at) == []


def test_upload_with_positioning_columns_and_hostile_names() -> None:
    data = workbook({"Projecten": [
        ["ID", "Projectnaam", "Fase", "Rol", "Beleidskader", "Doorzettingsmacht", "Taaksoort"],
        ["H1", "<img src=x onerror=alert(1)>", "Visie", "Regisseur", "Eigen", "Groot", "Publiekrechtelijk"],
        ["H2", "**vet**", "Uitvoering", "Facilitator", "Ander", "Afwezig", "Belanghebbend"],
        ["H3", "Zonder kader", "Beleid", "Zelf doen", None, "Beperkt", None],
    ]})
    at = run(data)
    assert not at.exception, exceptions(at)
    assert titles(at) == TITLES
    assert any("1 van de 3 projecten missen" in c.value for c in at.caption)
    assert any("2 van de 3 projecten zeggen" in c.value for c in at.caption)
    shown = rendered(at)
    assert not shown.markup_containing("<img src=x") and not shown.markup_containing("**vet**")
    grid = plotly_specs(at)[0]
    assert "&lt;img src=x onerror=alert(1)&gt;" in str(grid) and "<img src=x" not in str(grid)


@pytest.mark.parametrize("case", list(DEGENERATE), ids=list(DEGENERATE))
def test_degenerate_inventories(case: str) -> None:
    at = run(DEGENERATE[case](), f"{case}.xlsx")
    assert not at.exception, exceptions(at)
    assert [t.value for t in at.title] == ["Positionering"]
    assert not [e.value for e in at.error]
    assert infos(at), "the page says what is missing"
