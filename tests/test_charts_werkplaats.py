"""regie.charts.werkplaats: the votes against the inventory's role and the group's zelfscan, built from
a Results object made in code (no database needed)."""

from __future__ import annotations

import datetime as dt
import json

import pandas as pd

from regie.charts.werkplaats import (
    item_vote_bars,
    scan_answer_bars,
    summary_table,
    votes_by_item_bars,
)
from regie.instruments import werkplaats as wp
from regie.instruments import zelfscan as scan

HOSTILE = "<img src=x onerror=alert(1)> **vet**"
NOW, SHOULD = wp.QUESTION_NOW, wp.QUESTION_SHOULD


def results(votes: dict[tuple[int, str, str], int], answers: list[tuple[str, str, str]] = (),
            items: tuple[wp.Item, ...] | None = None) -> wp.Results:
    items = items or (
        wp.Item(1, 1, "Woonvisie 2030", "visie", ("regisseur",)),
        wp.Item(2, 2, HOSTILE, "uitvoering", ("partner", "facilitator")),
    )
    werkplaats = wp.Werkplaats("ABCDEFGH", "Wadlo", "Werkplaats", "x.xlsx", True, True,
                               dt.datetime(2026, 11, 12, tzinfo=dt.UTC), items)
    frame = pd.DataFrame(
        [{"item": i.id, "question": q, "role": r, "count": votes.get((i.id, q, r), 0)}
         for i in items for q in wp.QUESTIONS for r in wp.VOTE_CHOICES],
        columns=["item", "question", "role", "count"],
    )
    scan_answers = pd.DataFrame(list(answers), columns=["participant", "item", "answer"])
    return wp.Results(werkplaats, 3, frame, scan_answers)


VOTES = {(1, NOW, "regisseur"): 2, (1, NOW, "zelf"): 1, (1, SHOULD, "partner"): 3,
         (2, NOW, "facilitator"): 1, (2, SHOULD, "onbekend"): 2}


def test_votes_per_item_stacked_by_role() -> None:
    chart = votes_by_item_bars(results(VOTES), NOW, "Werkplaats · 3 deelnemers")
    bars = {t.name: list(t.x) for t in chart.figure.data}
    assert bars == {"Zelf doen": [1, 0], "Regisseur": [2, 0], "Facilitator": [0, 1]}, "only roles voted"
    assert chart.figure.layout.showlegend is True
    rows = list(chart.figure.data[0].y)
    assert "inventaris: Regisseur" in rows[0] and "inventaris: Samenwerkingspartner / Facilitator" in rows[1]
    assert chart.title == wp.QUESTIONS[NOW]
    table = chart.table
    assert table["Stemmen"].tolist() == [3, 1]
    assert table["Rol in de inventaris"].tolist() == ["Regisseur", "Samenwerkingspartner / Facilitator"]
    assert table["Project"].tolist() == ["Woonvisie 2030", HOSTILE], "the table keeps the name as text"


def test_should_question_counts_weet_ik_niet() -> None:
    chart = votes_by_item_bars(results(VOTES), SHOULD, "")
    assert {t.name: list(t.x) for t in chart.figure.data} == {"Samenwerkingspartner": [3, 0], "Weet ik niet": [0, 2]}


def test_no_votes_yet_says_so() -> None:
    chart = votes_by_item_bars(results({}), NOW, "")
    assert len(chart.figure.data) == 0
    assert "Nog geen stemmen" in chart.figure.layout.annotations[0].text
    assert chart.table["Stemmen"].tolist() == [0, 0]


def test_one_item_in_detail_marks_the_inventory_role() -> None:
    chart = item_vote_bars(results(VOTES), 1, "sub")
    now, should = chart.figure.data
    assert (now.name, should.name) == ("Speelt nu", "Zou moeten")
    assert list(now.x) == [1, 0, 2, 0, 0, 0, 0] and list(should.x) == [0, 0, 0, 3, 0, 0, 0]
    assert list(now.y)[2] == "Regisseur ◆ inventaris" and "◆" not in "".join(list(now.y)[:2])
    assert now.marker.pattern.shape != should.marker.pattern.shape, "told apart without colour"
    assert chart.table["In de inventaris"].tolist() == ["", "", "ja", "", "", "", ""]


def test_project_names_are_text_in_every_figure() -> None:
    res = results(VOTES)
    for chart in (votes_by_item_bars(res, NOW, HOSTILE), votes_by_item_bars(res, SHOULD, ""),
                  item_vote_bars(res, 2, HOSTILE)):
        spec = json.dumps(chart.figure.to_plotly_json(), ensure_ascii=False)
        assert "<img" not in spec and "&lt;img src=x onerror=alert(1)&gt;" in spec


ANSWERS = [("p1", "L1", "ja"), ("p1", "L3", "nee"), ("p2", "L1", "deels"), ("p3", "O8", "ja")]


def test_group_checklists_are_counted_apart() -> None:
    """Per list: how many items everybody who answered them answered ja; the two lists never merge."""
    lists = wp.scan_checklists(results({}, ANSWERS)).set_index("source")
    assert lists.loc[scan.LOUWERET, "all_yes"] == 0 and lists.loc[scan.LOUWERET, "open"] == ("L1", "L3")
    assert lists.loc[scan.LOUWERET, "respondents"] == 2
    assert lists.loc[scan.OOSTERHOF, "all_yes"] == 1 and lists.loc[scan.OOSTERHOF, "open"] == ()
    assert list(lists["total"]) == [8, 8]


def test_scan_answers_per_question() -> None:
    chart = scan_answer_bars(results({}, ANSWERS), "sub")
    bars = {t.name: list(t.x) for t in chart.figure.data}
    assert [bars[a][0] for a in ("Ja", "Deels", "Nee")] == [1, 1, 0], "L1"
    assert [bars[a][2] for a in ("Ja", "Deels", "Nee")] == [0, 0, 1], "L3"
    assert len(bars["Ja"]) == len(scan.ITEMS)
    assert chart.table["Vraag"].tolist() == [i.question for i in scan.ITEMS]
    assert chart.table["Lijst"].tolist() == [scan.SOURCE_LABELS[i.source] for i in scan.ITEMS]
    patterns = {t.name: t.marker.pattern.shape for t in chart.figure.data}
    assert len(set(patterns.values())) == 3


def test_summary_table_in_dutch_percentages() -> None:
    table = summary_table(results(VOTES))
    assert "item" not in table.columns
    assert table["Eens met de inventaris"].tolist() == ["67%", "100%"]
    assert table["Wil verandering"].tolist() == ["100%", "100%"]
    empty = summary_table(results({}))
    assert empty["Eens met de inventaris"].tolist() == ["—", "—"]
