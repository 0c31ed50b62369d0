"""The zelfscan: Louweret's eight questions (seed 002) and Oosterhof's eight points (seed 001),
their themes and the scoring."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from regie.instruments import zelfscan as scan

SEEDS = Path("/work/shared/seeds")


def test_sixteen_items_in_four_themes() -> None:
    sources = [i.source for i in scan.ITEMS]
    assert sources.count(scan.LOUWERET) == 8 and sources.count(scan.OOSTERHOF) == 8
    assert len({i.code for i in scan.ITEMS}) == 16
    assert {i.theme for i in scan.ITEMS} == set(scan.THEME_BY_CODE)
    assert all(len([i for i in scan.ITEMS if i.theme == t.code]) == 4 for t in scan.THEMES)
    assert all(i.question.endswith("?") and i.advice for i in scan.ITEMS)


@pytest.mark.skipif(not SEEDS.exists(), reason="seed texts not available")
@pytest.mark.parametrize("item", scan.ITEMS, ids=[i.code for i in scan.ITEMS])
def test_each_item_quotes_its_seed(item: scan.ScanItem) -> None:
    seed = {scan.LOUWERET: "002_847f1e10e4f98c5a.txt", scan.OOSTERHOF: "001_b1354c50354b8eef.txt"}[item.source]
    assert item.original.rstrip(".;") in " ".join((SEEDS / seed).read_text(encoding="utf-8").split())


@pytest.mark.parametrize(("answer", "points"), [
    ("ja", 100.0), ("Ja", 100.0), ("deels", 50.0), ("gedeeltelijk", 50.0), ("nee", 0.0), ("Nee", 0.0),
    (True, 100.0), (False, 0.0),
    (1, 0.0), (2, 25.0), (3, 50.0), (4, 75.0), (5, 100.0), ("4", 75.0), (5.0, 100.0),
    (None, None), ("", None), ("  ", None), (float("nan"), None),
])
def test_points(answer: object, points: float | None) -> None:
    assert scan.points(answer) == points


@pytest.mark.parametrize("answer", [0, 6, 2.5, "7", "misschien wel", "?!"])
def test_points_refuses_what_is_no_answer(answer: object) -> None:
    with pytest.raises(ValueError):
        scan.points(answer)


ALL = [i.code for i in scan.ITEMS]

SCORES = [
    # (case, answers, theme scores in THEMES order (None = not answered), overall, weak codes in order)
    ("alles ja", dict.fromkeys(ALL, "ja"), [100, 100, 100, 100], 100, []),
    ("alles nee", dict.fromkeys(ALL, "nee"), [0, 0, 0, 0], 0, ALL),
    ("niets", {}, [None, None, None, None], None, []),
    ("één thema", {"L1": "ja", "L2": "deels", "L6": "nee", "O5": "ja"}, [62.5, None, None, None], 62.5,
     ["L6", "L2"]),
    ("schaal 1–5", {"L3": 5, "L4": 4, "L5": 3, "L7": 1, "O1": 2}, [None, 56.25, None, 25], 50,
     ["L7", "O1", "L5"]),
    ("zwakste eerst, gelijk in volgorde", {"O8": "deels", "L1": "deels", "O2": "nee", "L8": "ja"},
     [50, None, 50, 50], 50, ["O2", "L1", "O8"]),
]


@pytest.mark.parametrize(("answers", "themes", "overall", "weak"), [s[1:] for s in SCORES],
                         ids=[s[0] for s in SCORES])
def test_score(answers: dict, themes: list, overall: float | None, weak: list[str]) -> None:
    result = scan.score(answers)
    got = [None if math.isnan(s) else s for s in result.themes["score"]]
    assert got == themes
    assert result.overall == overall
    assert [w.item.code for w in result.weak] == weak
    assert result.answered == sum(1 for v in answers.values() if v not in (None, ""))
    assert result.total == 16
    assert list(result.themes["total"]) == [4, 4, 4, 4]
    assert list(result.themes["label"]) == [t.label for t in scan.THEMES]


def test_weak_points_carry_their_advice_and_theme() -> None:
    weak = scan.score({"O6": "nee"}).weak
    assert len(weak) == 1 and "risicoanalyse" in weak[0].item.advice
    assert weak[0].theme_label == "Bestuur, mensen en middelen"


def test_unknown_items_are_refused() -> None:
    with pytest.raises(ValueError):
        scan.score({"X9": "ja"})
