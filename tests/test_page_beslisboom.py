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

from regie import vocabulary as voc
from regie.instruments import beslisboom as tree

PAGE = ROOT / "pages" / "beslisboom.py"


def run(data: bytes | None = None, name: str = "inventaris.xlsx", **state: Any) -> AppTest:
    return app_test(PAGE, upload=(data, name) if data is not None else None, state=state).run()


def answer(at: AppTest, **answers: str) -> AppTest:
    for code, value in answers.items():
        at.radio(key=f"beslisboom_{code}").set_value(value)
    return at.run()


def markdown(at: AppTest) -> str:
    return "\n".join(m.value for m in at.markdown)


def captions(at: AppTest) -> str:
    return "\n".join(c.value for c in at.caption)


def test_example() -> None:
    at = run()
    assert not at.exception, exceptions(at)
    assert [t.value for t in at.title] == ["Beslisboom"]
    assert EXAMPLE_BANNER in [i.value for i in at.info]
    assert [r.key for r in at.radio] == [f"beslisboom_{q.code}" for q in tree.ALL_QUESTIONS]
    assert all(r.value is None for r in at.radio)
    assert f"**{tree.OUTCOME_LABELS[tree.TOO_LITTLE]}**" in markdown(at)
    assert voc.READING_MARKER in captions(at), "the rule is marked as the app's own"
    assert metrics(at) == {"In regie": "22", "Zelf uitvoeren": "4", "Bespreken": "1", "Onvoldoende gegevens": "3"}
    assert [t.split("<br>")[0] for t in chart_titles(at)] == ["Uitkomst van de beslisboom per project"]
    table = frame(at, "Vergelijking")
    assert len(table) == 30 and (table["Vergelijking"] == "Past niet").sum() == 1
    rows = table.set_index("ID")
    assert rows.at["P30", "Vergelijking"] == "Past niet"
    assert rows.at["P06", "Vergelijking"] == "Past", "MOVISIE's own model case fits"
    assert rows.at["P27", "Uitkomst"] == "In regie" and "Overlaten" in rows.at["P27", "Vormen om uit te kiezen"]


ONE_TASK = [
    ({"samenwerking": "nee", "kernactiviteit": "ja", "andere_partijen": "nee", "kenmerken": "nee"}, tree.SELF),
    ({"samenwerking": "ja", "kernactiviteit": "nee", "andere_partijen": "ja", "kenmerken": "nee"}, tree.IN_REGIE),
    ({"samenwerking": "ja", "kernactiviteit": "ja", "andere_partijen": "ja", "kenmerken": "ja"}, tree.DISCUSS),
    ({"samenwerking": "ja", "kernactiviteit": "nee", "andere_partijen": "ja", "nabijheid": "ja"}, tree.SELF),
    ({"kenmerken": "ja"}, tree.TOO_LITTLE),
]


@pytest.mark.parametrize(("answers", "outcome"), ONE_TASK, ids=[o for _, o in ONE_TASK])
def test_one_task(answers: dict[str, str], outcome: str) -> None:
    at = answer(run(), **answers)
    assert not at.exception, exceptions(at)
    advice = tree.advise(answers)
    assert advice.outcome == outcome
    shown = markdown(at)
    assert f"**{tree.OUTCOME_LABELS[outcome]}**" in shown
    assert advice.reason in shown
    for line in advice.lines:
        assert line.text in shown, "each answer with the way it pointed"
    assert ("tellen en vertellen" in shown) == (outcome == tree.IN_REGIE and advice.forms != ("partners_inwoners",))
    form_radio = [r for r in at.radio if r.key == "beslisboom_vorm"]
    assert bool(form_radio) == (outcome == tree.IN_REGIE), "forms are options only for in regie"
    if form_radio:
        assert list(form_radio[0].options) == [tree.FORM_BY_CODE[f].label for f in advice.forms]
        assert form_radio[0].value is None, "the tree never picks a form itself"


def test_choosing_a_form_gives_its_role_and_steps() -> None:
    at = answer(run(), kenmerken="nee", samenwerking="nee", kernactiviteit="nee", andere_partijen="ja")
    assert at.radio(key="beslisboom_vorm").options == ["Overlaten aan partners of inwoners"]
    at.radio(key="beslisboom_vorm").set_value("partners_inwoners").run()
    assert not at.exception, exceptions(at)
    assert "terugkoppeling" in markdown(at)
    assert "Rol die erbij past: Facilitator" in captions(at)


def test_answers_survive_a_visit_to_another_page_and_can_be_cleared() -> None:
    at = answer(run(), samenwerking="ja", kernactiviteit="nee", andere_partijen="ja", kenmerken="nee")
    remembered = at.session_state["regie_instrument_answers"]
    again = run(regie_instrument_answers=remembered)  # a new run without the widgets' own state
    assert again.radio(key="beslisboom_andere_partijen").value == "ja"
    assert f"**{tree.OUTCOME_LABELS[tree.IN_REGIE]}**" in markdown(again)
    again.button(key="beslisboom_wissen").click().run()
    assert again.radio(key="beslisboom_andere_partijen").value is None
    stored = again.session_state["regie_instrument_answers"]["beslisboom"]
    assert set(stored.values()) <= {None}


def test_only_misfits() -> None:
    at = run()
    at.toggle(key="beslisboom_alleen_past_niet").set_value(True).run()
    table = frame(at, "Vergelijking")
    assert len(table) == 1 and set(table["Vergelijking"]) == {"Past niet"}


def tree_xlsx() -> bytes:
    return workbook({"Projecten": [
        ["ID", "Projectnaam", "Fase", "Rol", "Regisserende aanpak nodig", "Kansen voor samenwerking",
         "Kernactiviteit", "Door anderen uitgevoerd", "Vorm"],
        ["T1", "<img src=x onerror=alert(1)> Buurthuis", "Uitvoering", "Zelf doen", "nee", "ja", "nee", "ja", None],
        ["T2", "**Belastingen**", "Uitvoering", "Opdrachtgever", "nee", "ja", "nee", "nee", "GR"],
        ["T3", "Wijkvisie", "Visie", "Regisseur", "ja", "ja", "ja", "nee", None],
    ]})


def test_upload_with_answer_columns() -> None:
    at = run(tree_xlsx(), "beslisboom.xlsx")
    assert not at.exception, exceptions(at)
    assert EXAMPLE_BANNER not in [i.value for i in at.info]
    assert metrics(at) == {"In regie": "2", "Zelf uitvoeren": "0", "Bespreken": "1", "Onvoldoende gegevens": "0"}
    table = frame(at, "Vergelijking").set_index("ID")
    assert table.at["T1", "Vergelijking"] == "Past niet" and table.at["T1", "Rol in de uitvoering"] == "Zelf doen"
    assert table.at["T2", "Gekozen vorm"] == "Een gemeenschappelijke regeling"
    assert table.at["T3", "Vergelijking"] == "Niet te vergelijken"
    shown = rendered(at)
    for name in ("<img src=x onerror=alert(1)> Buurthuis", "**Belastingen**"):
        assert shown.literal_containing(name), name
        assert not shown.markup_containing(name), name


def test_upload_without_answer_columns() -> None:
    at = run(named_partners_xlsx(), "mijn_inventaris.xlsx")
    assert not at.exception, exceptions(at)
    assert tree.columns_help() in [i.value for i in at.info]
    assert not at.get("plotly_chart")
    assert at.radio(key="beslisboom_kernactiviteit") is not None  # one new task still works


def test_unanswered_inventory_says_which_columns_to_fill() -> None:
    data = workbook({"Projecten": [
        ["Projectnaam", "Rol", "Kansen voor samenwerking", "Kernactiviteit", "Door anderen uitgevoerd"],
        ["Leeg", "Partner", None, None, None],
    ]})
    at = run(data)
    assert not at.exception, exceptions(at)
    assert tree.columns_help() in [i.value for i in at.info]


@pytest.mark.parametrize("case", list(DEGENERATE), ids=list(DEGENERATE))
def test_degenerate_inventories(case: str) -> None:
    at = run(DEGENERATE[case](), f"{case}.xlsx")
    assert not at.exception, exceptions(at)
    assert [t.value for t in at.title] == ["Beslisboom"]
    assert not [e.value for e in at.error]
    assert at.info, "the page says what is missing"
