"""The zelfscan (docs/domein.md section 7): Louweret's eight questions to the bestuur and Oosterhof's
eight preparation points — two checklists, each "x van 8", never one merged score."""

from __future__ import annotations

import pytest

from regie.charts import instruments as charts
from regie.instruments import zelfscan as scan


def test_eight_items_per_checklist_each_with_its_own_words_and_a_plain_version() -> None:
    assert [len(scan.ITEMS_OF[s]) for s in (scan.LOUWERET, scan.OOSTERHOF)] == [8, 8]
    assert len({i.code for i in scan.ITEMS}) == 16
    for item in scan.ITEMS:
        assert item.original and item.plain and item.plain != item.original
        assert item.plain.endswith("?"), "the plain version is a question to 'u'"
        assert " je " not in f" {item.plain} " and " jij " not in f" {item.plain} ", "one register: u"
    louweret = scan.ITEMS_OF[scan.LOUWERET]
    assert all(i.question == i.original and i.original.endswith("?") for i in louweret), "asked verbatim"
    assert louweret[0].original == "Weet u waar uw partners behoefte aan hebben?"


def test_there_is_no_score_and_no_themes() -> None:
    for name in ("score", "points", "THEMES", "WEAK_AT_MOST", "overall"):
        assert not hasattr(scan, name)


RESULTS = [
    # (case, answers, louweret yes, oosterhof yes, open codes, unanswered count)
    ("niets", {}, 0, 0, (), 16),
    ("alles ja", dict.fromkeys(scan.ITEM_BY_CODE, "ja"), 8, 8, (), 0),
    ("deels is geen volmondig ja", {"L1": "deels", "L2": "ja", "O1": "nee"}, 1, 0, ("L1", "O1"), 13),
    ("spelling", {"L1": "Ja", "L2": True, "O8": "gedeeltelijk"}, 2, 0, ("O8",), 13),
    ("Oosterhof apart", {"O1": "ja", "O2": "ja"}, 0, 2, (), 14),
]


@pytest.mark.parametrize(("answers", "l_yes", "o_yes", "open_codes", "unanswered"), [r[1:] for r in RESULTS],
                         ids=[r[0] for r in RESULTS])
def test_each_checklist_counts_its_own_ja(answers: dict, l_yes: int, o_yes: int, open_codes: tuple[str, ...],
                                          unanswered: int) -> None:
    results = scan.evaluate(answers)
    assert (results[scan.LOUWERET].yes, results[scan.OOSTERHOF].yes) == (l_yes, o_yes)
    assert tuple(i.code for r in results.values() for i in r.open) == open_codes
    assert sum(len(r.unanswered) for r in results.values()) == unanswered
    assert all(r.total == 8 for r in results.values())


@pytest.mark.parametrize(("answers", "louweret", "oosterhof"), [
    ({}, "0 van de 8 volmondig ja (8 nog niet beantwoord)", "0 van de 8 op orde (8 nog niet beantwoord)"),
    (dict.fromkeys(scan.ITEM_BY_CODE, "ja"), "8 van de 8 volmondig ja", "8 van de 8 op orde"),
    ({"L1": "ja", "O3": "nee"}, "1 van de 8 volmondig ja (7 nog niet beantwoord)",
     "0 van de 8 op orde (7 nog niet beantwoord)"),
])
def test_headline_is_what_each_source_asks(answers: dict, louweret: str, oosterhof: str) -> None:
    results = scan.evaluate(answers)
    assert results[scan.LOUWERET].headline == louweret
    assert results[scan.OOSTERHOF].headline == oosterhof
    assert "%" not in louweret and "100" not in louweret


@pytest.mark.parametrize("answers", [{"X9": "ja"}, {"L1": "misschien wel"}, {"L1": 7}])
def test_unknown_items_and_answers_are_refused(answers: dict) -> None:
    with pytest.raises(ValueError):
        scan.evaluate(answers)


@pytest.mark.parametrize(("value", "code"), [
    ("ja", "ja"), ("volmondig ja", "ja"), ("deels", "deels"), ("nee", "nee"), (False, "nee"),
    (None, None), ("", None), (float("nan"), None),
])
def test_parse(value: object, code: str | None) -> None:
    assert scan.parse(value) == code


def test_the_chart_shows_two_separate_bars_of_eight() -> None:
    results = scan.evaluate({"L1": "ja", "L2": "nee", "O6": "deels"})
    chart = charts.checklist_bars(results, "deze sessie")
    assert list(chart.table["Lijst"]) == ["Louweret", "Oosterhof"]
    assert list(chart.table["Uitkomst"]) == [results[s].headline for s in (scan.LOUWERET, scan.OOSTERHOF)]
    for trace in chart.figure.data:
        assert len(trace.x) == 2 and all(v <= 8 for v in trace.x)
    assert chart.figure.layout.xaxis.range == (0, 8)
    assert "Louweret" in chart.source and "Oosterhof" in chart.source
    table = charts.checklist_table(results[scan.OOSTERHOF])
    assert list(table.columns) == ["Nr", "In de bron", "In gewone taal", "Antwoord"]
    assert table.loc[table["Nr"] == "O6", "Antwoord"].item() == "Deels op orde"
