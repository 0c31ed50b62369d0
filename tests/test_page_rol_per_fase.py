"""AppTest of pages/rol_per_fase.py on its own: the example, uploaded fixtures, the fase filter,
degenerate inventories and hostile names."""

from __future__ import annotations

from typing import Any

import pytest
import realistic
from page_checks import frame
from streamlit.testing.v1 import AppTest
from ui_support import (
    DEGENERATE,
    EXAMPLE_BANNER,
    HOSTILE_FILE_NAME,
    PAGE_BY_STEM,
    app_test,
    chart_titles,
    exceptions,
    hostile_xlsx,
    metrics,
    rendered,
    run_page,
    workbook,
)

from regie import analysis, load_inventory
from regie import vocabulary as voc
from regie.ui.widgets import escape_markdown

PAGE = PAGE_BY_STEM["rol_per_fase"].path
EXAMPLE = PAGE.parents[1] / "data" / "voorbeeld_inventaris.xlsx"
TITLES = [
    "Rol van de gemeente per fase (met geplande rollen apart)", "Rolpad van projecten over de fasen",
    "Rol per fase als scenario van RIVM", "Overheidsrol volgens de inventaris", "Interne en externe regie",
]


def run(data: bytes | None = None, name: str = "inventaris.xlsx", **state: Any) -> AppTest:
    return app_test(PAGE, upload=(data, name) if data is not None else None, state=state).run()


def titles(at: AppTest) -> list[str]:
    return [t.split("<br>")[0] for t in chart_titles(at)]


def infos(at: AppTest) -> str:
    return "\n".join(i.value for i in at.info)


def test_example() -> None:
    at = run()
    assert not at.exception, exceptions(at)
    assert [t.value for t in at.title] == ["Rol per fase"]
    assert EXAMPLE_BANNER in [i.value for i in at.info]
    assert titles(at) == TITLES
    assert all("Alle projecten · voorbeeld_inventaris.xlsx" in t for t in chart_titles(at))
    assert metrics(at) == {
        "Projecten met een rolpad": "18", "Rol voor één fase": "12",
        "Alleen een rol voor het hele project": "0", "Zonder rol": "0",
    }
    assert any("18 van de 30 projecten (60%)" in c.value for c in at.caption)
    paths = frame(at, "Rolpad")
    assert len(paths) == 13 and paths["Projecten"].sum() == 18
    assert paths.iloc[0].to_dict() == {
        "Rolpad": "Beleid: Samenwerkingspartner → Uitvoering: Opdrachtgever", "Projecten": 3, "Aandeel": "17%",
    }
    lens = at.table[0].value.set_index("Rol")
    assert lens.loc["Samenwerkingspartner", "RIVM-scenario"] == "Uitvoering door samenwerking"
    assert lens.loc["Regisseur", "RIVM-scenario"] == "—"
    assert lens.loc["Regie bij anderen", "Betekenis"].startswith("de regie in deze fase ligt bij een andere partij")
    assert voc.sources.LOUWERET_DISAGREES in infos(at), "the seeds disagree on what counts as regie"
    text = rendered(at).all_text()
    assert voc.sources.KAAG_GOVERNMENT_ROLES in text
    assert voc.READINGS["role_order"].name in text and voc.READING_MARKER in text
    assert "Geen regie" not in text, "geen is labelled Regie bij anderen"
    assert voc.REGIE_KIND_TEXTS["intern"] in text and voc.REGIE_KIND_TEXTS["extern"] in text
    assert any("30 van de 30 projecten zeggen welke regie het is." in c.value for c in at.caption)
    assert [t.label for t in at.toggle] == ["Toon als tabel"] * 5


def test_example_numbers_in_the_charts() -> None:
    at = run()
    specs = {t.split("<br>")[0]: s for t, s in zip(chart_titles(at), rendered(at).plotly, strict=True)}
    sankey = specs["Rolpad van projecten over de fasen"]["data"][0]
    assert "Visie: Regisseur (8)" in sankey["node"]["label"]
    rivm = {t["name"]: t["x"] for t in specs["Rol per fase als scenario van RIVM"]["data"]}
    assert rivm["Uitvoering door samenwerking"] == [0, 5, 2]
    assert rivm[voc.NO_SCENARIO_LABEL] == [7, 8, 2]  # regisseur (and regie bij anderen)
    roles = {t["name"]: t["x"] for t in specs[TITLES[0]]["data"]}
    in_phase = [sum(v[i] for name, v in roles.items() if not name.startswith("Gepland")) for i in range(3)]
    phases = analysis.phase_counts(load_inventory(EXAMPLE))
    assert in_phase == [phases[p] for p in voc.PHASE_CODES], "each bar adds up to the projects in that phase"
    regie = {t["name"]: t["x"] for t in specs["Interne en externe regie"]["data"]}
    assert regie["Externe regie"] == [21, 6, 10, 15]


def test_uploaded_per_phase_roles() -> None:
    at = run(realistic.per_phase_roles_xlsx(), "rollen.xlsx")
    assert not at.exception, exceptions(at)
    assert EXAMPLE_BANNER not in [i.value for i in at.info]
    assert metrics(at)["Projecten met een rolpad"] == "3"
    assert set(frame(at, "Rolpad")["Rolpad"]) == {
        "Visie: Facilitator → Beleid: Facilitator",
        "Visie: Regie bij anderen → Uitvoering: Zelf doen",
        "Visie: Regisseur → Uitvoering: Samenwerkingspartner",
    }
    assert all("rollen.xlsx" in t for t in chart_titles(at))
    assert voc.REGIE_KIND_HELP in infos(at)  # the fixture has no Regie column


def test_uploaded_long_format() -> None:
    at = run(realistic.long_format_xlsx())
    assert not at.exception, exceptions(at)
    assert metrics(at)["Projecten met een rolpad"] == "2"
    assert "Visie: Regisseur → Beleid: Samenwerkingspartner → Uitvoering: Opdrachtgever" in set(
        frame(at, "Rolpad")["Rolpad"]
    )


def test_no_paths_explains_what_to_add() -> None:
    at = run(workbook({"Projecten": [["ID", "Projectnaam", "Fase", "Rol"], ["P1", "Woonvisie", "Visie; Beleid", "Regisseur"]]}))
    assert not at.exception, exceptions(at)
    assert "Rolpad van projecten over de fasen" not in titles(at)
    message = infos(at)
    assert "Geen enkel project heeft een rolpad." in message
    assert "1 alleen één rol voor het hele project" in message
    assert voc.ROLE_PATH_HELP in message


def test_one_phase_filter_says_so() -> None:
    at = run(filter_fase=["visie"])
    assert not at.exception, exceptions(at)
    assert "Het fasefilter in de zijbalk laat nu één fase zien" in infos(at)
    assert all("Filter: fase Visie" in t for t in chart_titles(at))


@pytest.mark.parametrize("case", sorted(DEGENERATE))
def test_degenerate_inventories(case: str) -> None:
    at = run(DEGENERATE[case](), f"{case}.xlsx")
    assert not at.exception, exceptions(at)
    assert [t.value for t in at.title] == ["Rol per fase"]
    if case == "geen-projecten":
        assert "Er zijn geen projecten om te tonen." in infos(at)
        return
    assert "Rol van de gemeente per fase" in titles(at)
    if case in ("geen-rollen", "alles-onbekend"):
        assert "Geen enkel project noemt een rol van de gemeente" in infos(at)
        assert "Geen enkel project heeft een rolpad." in infos(at)
    assert voc.REGIE_KIND_HELP in infos(at)


def test_hostile_names_stay_text() -> None:
    at = run(hostile_xlsx(), HOSTILE_FILE_NAME)
    assert not at.exception, exceptions(at)
    shown = rendered(at)
    for needle in ("<img", "**vet**", "<script"):
        assert not [t for _, t in shown.markup if needle in t.replace(escape_markdown(HOSTILE_FILE_NAME), "")], needle
    assert any(escape_markdown(HOSTILE_FILE_NAME) in c.value for c in at.caption)  # shown literally
    for spec in shown.plotly:
        assert "<img" not in str(spec)


def test_a_chart_is_built_once_per_view(monkeypatch: pytest.MonkeyPatch) -> None:
    """A rerun, a page visited again or a filter set back draws the charts without building them again
    (issue 13); a new filter builds them for the new view."""
    from regie.charts import roles

    built: list[str] = []
    original = roles.rivm_bars

    def counting(*args: Any, **kwargs: Any) -> Any:
        built.append("rivm")
        return original(*args, **kwargs)

    monkeypatch.setattr(roles, "rivm_bars", counting)
    at = run_page(PAGE_BY_STEM["rol_per_fase"], upload=(EXAMPLE.read_bytes(), "voorbeeld.xlsx"))
    assert not exceptions(at) and len(built) == 1
    at.run()
    at.switch_page(PAGE_BY_STEM["overzicht"].file).run()
    at.switch_page(PAGE_BY_STEM["rol_per_fase"].file).run()
    assert len(built) == 1, "the same view builds its chart once"
    at.multiselect(key="filter_fase").set_value(["uitvoering"]).run()
    assert len(built) == 2 and any(t.startswith("Rol per fase als scenario van RIVM") for t in chart_titles(at))
    at.multiselect(key="filter_fase").set_value([]).run()
    assert len(built) == 2 and not exceptions(at), "setting the filter back finds the first view's chart"
