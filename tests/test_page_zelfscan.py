"""AppTest of pages/zelfscan.py on its own: the two checklists (x van 8 each, never merged), the open
points, remembered answers, and inventories that do not matter to it."""

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
    assert [r.key for r in at.radio] == [f"zelfscan_{i.code}" for i in scan.ITEMS]
    assert at.radio[0].label == scan.ITEM_BY_CODE["L1"].original, "Louweret's question verbatim"
    assert metrics(at) == {"Louweret": "0 van 8", "Oosterhof": "0 van 8"}
    assert [t.split("<br>")[0] for t in chart_titles(at)] == ["Zelfscan: twee lijsten, elk apart"]
    assert any("Beantwoord de vragen hierboven" in i.value for i in at.info)
    shown = markdown(at)
    assert "nooit tot één score samengevoegd" in shown
    assert "score" not in " ".join(m.label for m in at.metric).lower()
    for item in scan.ITEMS:
        assert item.plain in "\n".join(c.value for c in at.caption) or item.plain in shown, item.code


RESULTS = [
    (dict.fromkeys(scan.ITEM_BY_CODE, "ja"), "8 van 8", "8 van 8", []),
    ({"L1": "nee", "L2": "deels", "O6": "ja"}, "0 van 8", "1 van 8", ["L1", "L2"]),
    ({"O8": "nee"}, "0 van 8", "0 van 8", ["O8"]),
]


@pytest.mark.parametrize(("answers", "louweret", "oosterhof", "open_codes"), RESULTS)
def test_answers_give_x_of_eight_and_the_open_points(answers: dict[str, str], louweret: str, oosterhof: str,
                                                      open_codes: list[str]) -> None:
    at = answer(run(), answers)
    assert not at.exception, exceptions(at)
    assert metrics(at) == {"Louweret": louweret, "Oosterhof": oosterhof}
    shown = markdown(at)
    for code in scan.ITEM_BY_CODE:
        listed = f"- {code}. {scan.ITEM_BY_CODE[code].question}" in shown
        assert listed == (code in open_codes), code
    if not open_codes:
        assert [s.value for s in at.success] == ["Alle acht: volmondig ja.", "Alle acht: op orde."]
    assert len(frame(at, "In gewone taal")) == 8


def test_remembered_answers_return_and_can_be_cleared() -> None:
    at = run(regie_instrument_answers={"zelfscan": {"zelfscan_L3": "nee"}})
    assert at.radio(key="zelfscan_L3").value == "nee"
    assert f"- L3. {scan.ITEM_BY_CODE['L3'].question}" in markdown(at)
    at.button(key="zelfscan_wissen").click().run()
    assert at.radio(key="zelfscan_L3").value is None
    assert metrics(at)["Louweret"] == "0 van 8"


@pytest.mark.parametrize("case", ["upload", *DEGENERATE])
def test_any_inventory(case: str) -> None:
    data = named_partners_xlsx() if case == "upload" else DEGENERATE[case]()
    at = run(data)
    assert not at.exception, exceptions(at)
    assert [t.value for t in at.title] == ["Zelfscan"]
    assert EXAMPLE_BANNER not in [i.value for i in at.info]
