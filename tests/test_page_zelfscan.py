"""AppTest of pages/zelfscan.py on its own: the questionnaire, the scores per theme, the advice for
weak points, remembered answers, and inventories that do not matter to it."""

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
)

from regie.instruments import zelfscan as scan

PAGE = ROOT / "pages" / "zelfscan.py"


def run(data: bytes | None = None, **state: Any) -> AppTest:
    return app_test(PAGE, upload=(data, "inventaris.xlsx") if data is not None else None, state=state).run()


def answer(at: AppTest, answers: dict[str, str]) -> AppTest:
    for code, value in answers.items():
        at.radio(key=f"zelfscan_{code}").set_value(value)
    return at.run()


def markdown(at: AppTest) -> str:
    return "\n".join(m.value for m in at.markdown)


def test_empty_questionnaire() -> None:
    at = run()
    assert not at.exception, exceptions(at)
    assert [t.value for t in at.title] == ["Zelfscan"]
    assert EXAMPLE_BANNER in [i.value for i in at.info]
    assert [r.key for r in at.radio] == [f"zelfscan_{i.code}" for t in scan.THEMES for i in scan.ITEMS
                                         if i.theme == t.code]
    assert at.radio[0].label == scan.ITEM_BY_CODE["L1"].question
    assert metrics(at) == {"Beantwoord": "0 van 16", "Totaalscore": "—"}
    assert [t.split("<br>")[0] for t in chart_titles(at)] == ["Zelfscan per thema"]
    assert any("Beantwoord de vragen links" in i.value for i in at.info)
    assert [s.value for s in at.subheader][:4] == [t.label for t in scan.THEMES]


@pytest.mark.parametrize(("answers", "total", "weak"), [
    (dict.fromkeys(scan.ITEM_BY_CODE, "ja"), "100 van 100", []),
    ({"L1": "nee", "L2": "deels", "O6": "ja"}, "50 van 100", ["L1", "L2"]),
    ({"O8": "nee"}, "0 van 100", ["O8"]),
])
def test_answers_give_scores_and_advice(answers: dict[str, str], total: str, weak: list[str]) -> None:
    at = answer(run(), answers)
    assert not at.exception, exceptions(at)
    assert metrics(at) == {"Beantwoord": f"{len(answers)} van 16", "Totaalscore": total}
    shown = markdown(at)
    for code in scan.ITEM_BY_CODE:
        assert (scan.ITEM_BY_CODE[code].advice in shown) == (code in weak), code
    if not weak:
        assert any("Geen zwakke punten" in s.value for s in at.success)
    points = frame(at, "Punten")
    assert len(points) == 16


def test_weakest_first() -> None:
    at = answer(run(), {"L1": "deels", "O2": "nee"})
    shown = markdown(at)
    assert shown.index(scan.ITEM_BY_CODE["O2"].advice) < shown.index(scan.ITEM_BY_CODE["L1"].advice)


def test_remembered_answers_return_and_can_be_cleared() -> None:
    at = run(regie_instrument_answers={"zelfscan": {"zelfscan_L3": "nee"}})
    assert at.radio(key="zelfscan_L3").value == "nee"
    assert scan.ITEM_BY_CODE["L3"].advice in markdown(at)
    at.button(key="zelfscan_wissen").click().run()
    assert at.radio(key="zelfscan_L3").value is None
    assert metrics(at)["Beantwoord"] == "0 van 16"


@pytest.mark.parametrize("case", ["upload", *DEGENERATE])
def test_any_inventory(case: str) -> None:
    data = named_partners_xlsx() if case == "upload" else DEGENERATE[case]()
    at = run(data)
    assert not at.exception, exceptions(at)
    assert [t.value for t in at.title] == ["Zelfscan"]
    assert EXAMPLE_BANNER not in [i.value for i in at.info]
