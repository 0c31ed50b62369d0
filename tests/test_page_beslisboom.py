"""AppTest of pages/beslisboom.py on its own: one new task, the example in batch, uploaded
inventories with and without answer columns, degenerate inventories and hostile names."""

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
    metrics,
    named_partners_xlsx,
    rendered,
    workbook,
)

from regie.instruments import beslisboom as tree

PAGE = ROOT / "pages" / "beslisboom.py"


def run(data: bytes | None = None, name: str = "inventaris.xlsx", **state: Any) -> AppTest:
    return app_test(PAGE, upload=(data, name) if data is not None else None, state=state).run()


def answer(at: AppTest, **answers: str) -> AppTest:
    for code, value in answers.items():
        widget = at.selectbox(key=f"beslisboom_{code}") if code == "samenwerken_met" else at.radio(
            key=f"beslisboom_{code}")
        widget.set_value(value)
    return at.run()


def markdown(at: AppTest) -> str:
    return "\n".join(m.value for m in at.markdown)


def test_example() -> None:
    at = run()
    assert not at.exception, exceptions(at)
    assert [t.value for t in at.title] == ["Beslisboom"]
    assert EXAMPLE_BANNER in [i.value for i in at.info]
    assert [r.key for r in at.radio] == [f"beslisboom_{c}" for c in (*(q.code for q in tree.QUESTIONS), "nabijheid")]
    assert all(r.value is None for r in at.radio)
    assert any("Beantwoord de vragen 2, 3 en 4" in i.value for i in at.info)
    assert metrics(at) == {"Past": "16", "Past niet": "7", "Niet te vergelijken": "7"}
    assert [t.split("<br>")[0] for t in chart_titles(at)] == [
        "Advies van de beslisboom naast de rol in de inventaris"]
    table = frame(at, "Vergelijking")
    assert len(table) == 30 and (table["Vergelijking"] == "Past niet").sum() == 7
    assert table.set_index("ID").at["P20", "Advies"] == "Samenwerking met andere gemeenten"


@pytest.mark.parametrize(("answers", "heading", "role"), [
    ({"kansen_samenwerking": "nee", "kernactiviteit": "ja", "andere_partijen": "nee"},
     "Taak niet in regie onderbrengen: Zelf uitvoeren", "Zelf doen"),
    ({"kansen_samenwerking": "ja", "kernactiviteit": "nee", "andere_partijen": "ja"},
     "Taak in regie onderbrengen: Overlaten aan partners of inwoners", "Facilitator"),
    ({"kansen_samenwerking": "ja", "kernactiviteit": "nee", "andere_partijen": "ja",
      "samenwerken_met": "bedrijf"},
     "Taak in regie onderbrengen: In samenwerking met een bedrijf", "Opdrachtgever"),
    ({"kansen_samenwerking": "ja", "kernactiviteit": "ja", "andere_partijen": "ja", "nabijheid": "ja"},
     "Taak niet in regie onderbrengen: Zelf uitvoeren", "Zelf doen"),
    ({"kenmerken": "ja", "kansen_samenwerking": "deels", "kernactiviteit": "nee", "andere_partijen": "nee"},
     "Taak in regie onderbrengen — vorm nog te kiezen", "Regisseur"),
])
def test_one_task(answers: dict[str, str], heading: str, role: str) -> None:
    at = answer(run(), **answers)
    assert not at.exception, exceptions(at)
    assert f"**{heading}**" in markdown(at)
    assert metrics(at)["Rol van de gemeente"] == role
    advice = tree.advise(answers)
    assert all(reason in markdown(at) for reason in advice.reasons)
    in_regie = advice.outcome == tree.IN_REGIE
    assert ("tellen en vertellen" in markdown(at)) == in_regie


def test_answers_survive_a_visit_to_another_page_and_can_be_cleared() -> None:
    at = answer(run(), kansen_samenwerking="ja", kernactiviteit="nee", andere_partijen="ja")
    remembered = at.session_state["regie_instrument_answers"]
    again = run(regie_instrument_answers=remembered)  # a new run without the widgets' own state
    assert again.radio(key="beslisboom_andere_partijen").value == "ja"
    assert metrics(again)["Rol van de gemeente"] == "Facilitator"
    again.button(key="beslisboom_wissen").click().run()
    assert again.radio(key="beslisboom_andere_partijen").value is None
    stored = again.session_state["regie_instrument_answers"]["beslisboom"]
    assert set(stored.values()) <= {None, tree.UNANSWERED}


def test_only_misfits() -> None:
    at = run()
    at.toggle(key="beslisboom_alleen_past_niet").set_value(True).run()
    table = frame(at, "Vergelijking")
    assert len(table) == 7 and set(table["Vergelijking"]) == {"Past niet"}


def tree_xlsx() -> bytes:
    return workbook({"Projecten": [
        ["ID", "Projectnaam", "Fase", "Rol", "Kansen voor samenwerking", "Kernactiviteit", "Andere partijen",
         "Samenwerken met"],
        ["T1", "<img src=x onerror=alert(1)> Buurthuis", "Uitvoering", "Regisseur", "ja", "nee", "ja", None],
        ["T2", "**Belastingen**", "Uitvoering", "Opdrachtgever", "ja", "nee", "ja", "GR"],
        ["T3", "Wijkvisie", "Visie", "Regisseur", "ja", "ja", "nee", None],
    ]})


def test_upload_with_answer_columns() -> None:
    at = run(tree_xlsx(), "beslisboom.xlsx")
    assert not at.exception, exceptions(at)
    assert EXAMPLE_BANNER not in [i.value for i in at.info]
    assert metrics(at) == {"Past": "1", "Past niet": "1", "Niet te vergelijken": "1"}
    table = frame(at, "Vergelijking").set_index("ID")
    assert table.at["T1", "Vergelijking"] == "Past niet" and table.at["T1", "Geadviseerde rol"] == "Facilitator"
    assert table.at["T2", "Advies"] == "Een gemeenschappelijke regeling"
    shown = rendered(at)
    for name in ("<img src=x onerror=alert(1)> Buurthuis", "**Belastingen**"):
        assert shown.literal_containing(name), name
        assert not shown.markup_containing(name), name


def test_upload_without_answer_columns() -> None:
    at = run(named_partners_xlsx(), "mijn_inventaris.xlsx")
    assert not at.exception, exceptions(at)
    help_text = tree.columns_help(["Kansen samenwerking", "Kernactiviteit", "Andere partijen"])
    assert help_text in [i.value for i in at.info]
    assert not at.get("plotly_chart")
    assert at.radio(key="beslisboom_kernactiviteit") is not None  # one new task still works


def test_unanswered_inventory_shows_no_advice() -> None:
    data = workbook({"Projecten": [
        ["Projectnaam", "Rol", "Kansen samenwerking", "Kernactiviteit", "Andere partijen"],
        ["Leeg", "Partner", None, None, None],
    ]})
    at = run(data)
    assert not at.exception, exceptions(at)
    assert metrics(at)["Nog geen advies"] == "1"


@pytest.mark.parametrize("case", list(DEGENERATE), ids=list(DEGENERATE))
def test_degenerate_inventories(case: str) -> None:
    at = run(DEGENERATE[case](), f"{case}.xlsx")
    assert not at.exception, exceptions(at)
    assert [t.value for t in at.title] == ["Beslisboom"]
    assert not [e.value for e in at.error]
    assert at.info, "the page says what is missing"
