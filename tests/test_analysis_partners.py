"""Partner types per phase, werkgebied and the influence × interest grid (regie.analysis.partners)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from conftest import inventory_of
from realistic import Sheet
from test_network import INVOLVEMENT, PARTNERS, PROJECTS

from regie import load_inventory
from regie import vocabulary as voc
from regie.analysis import partners as partner_analysis
from regie.model import Inventory


@pytest.fixture(scope="module")
def inv() -> Inventory:
    return inventory_of(PROJECTS, PARTNERS, INVOLVEMENT)


def test_partner_types_per_phase_count_distinct_partners(inv: Inventory) -> None:
    table = partner_analysis.partner_type_counts(inv)
    assert list(table.index) == list(voc.PHASE_CODES)
    assert list(table.columns) == list(partner_analysis.TYPE_KEYS)
    assert table.loc["visie", "woningcorporatie"] == 1
    assert table.loc["visie", "ggd"] == 1
    assert table.loc["visie", "welzijnsorganisatie"] == 1   # P4's involvement says visie
    assert table.loc["beleid"].sum() == 2                   # Woonstad (via P3) and Welzijn Plus
    assert table.loc["uitvoering", "woningcorporatie"] == 1  # Woonstad twice, counted once


def test_werkgebied(inv: Inventory) -> None:
    assert partner_analysis.werkgebied_counts(inv) == {"lokaal": 2, "regionaal": 1, "landelijk": 0, "onbekend": 1}
    assert partner_analysis.share_beyond_municipality(inv) == pytest.approx(1 / 3)


def test_werkgebied_all_unknown() -> None:
    inv = inventory_of(PROJECTS, Sheet("Partners", [["Naam", "Type"], ["Woonstad", "Woningcorporatie"]]))
    assert partner_analysis.werkgebied_counts(inv)["onbekend"] == 1
    assert partner_analysis.share_beyond_municipality(inv) is None


@pytest.mark.parametrize(("invloed", "belang", "quadrant"), [
    (5, 5, "Samen optrekken"),
    (4, 4, "Samen optrekken"),
    (3.5, 3.5, "Samen optrekken"),
    (4, 3, "Invloed benutten"),
    (3, 4, "Belang laten meewegen"),
    (3, 3, "Verbonden blijven"),
    (1, 1, "Verbonden blijven"),
    (3.4, 5, "Belang laten meewegen"),
])
def test_quadrant(invloed: float, belang: float, quadrant: str) -> None:
    assert partner_analysis.quadrant(invloed, belang) == quadrant


def test_influence_interest_means_per_partner(inv: Inventory) -> None:
    frame = partner_analysis.influence_interest(inv)
    assert list(frame.columns) == list(partner_analysis.GRID_COLUMNS)
    grid = frame.set_index("naam")
    assert grid.loc["Woonstad", "invloed"] == pytest.approx(4.5)   # 5 and 4
    assert grid.loc["Woonstad", "belang"] == pytest.approx(3.0)    # 4 and 2
    assert grid.loc["Woonstad", "betrokkenheden"] == 2
    assert grid.loc["Woonstad", "kwadrant"] == "Invloed benutten"
    assert grid.loc["GGD Regio", "kwadrant"] == "Belang laten meewegen"
    assert grid.loc["Welzijn Plus", "kwadrant"] == "Verbonden blijven"
    assert partner_analysis.quadrant_counts(grid.reset_index()) == {
        "Samen optrekken": 0, "Invloed benutten": 1, "Belang laten meewegen": 1, "Verbonden blijven": 1,
    }


def test_quadrant_labels_fit_equal_partners() -> None:
    """No seed has this grid; its labels never speak of keeping partners satisfied or monitoring them."""
    labels = " ".join(f"{q.name} {q.description}" for q in voc.INFLUENCE_INTEREST_QUADRANTS).lower()
    for word in ("tevreden houden", "monitoren", "informeren"):
        assert word not in labels


def test_no_scores_gives_an_empty_grid() -> None:
    inv = inventory_of(PROJECTS, PARTNERS, Sheet("Betrokkenheid", [["Project ID", "Partner"], ["P1", "Woonstad"]]))
    grid = partner_analysis.influence_interest(inv)
    assert grid.empty and list(grid.columns) == list(partner_analysis.GRID_COLUMNS)
    assert partner_analysis.quadrant_counts(grid) == dict.fromkeys(partner_analysis.QUADRANTS, 0)


def test_spread_points_separate_equal_scores_within_their_quadrant() -> None:
    grid = pd.DataFrame({"invloed": [4.0, 4.0, 4.0, 2.0, 3.5], "belang": [4.0, 4.0, 4.0, 2.0, 3.5]})
    x, y = partner_analysis.spread_points(grid)
    assert len({(round(a, 6), round(b, 6)) for a, b in zip(x[:3], y[:3], strict=True)}) == 3
    assert (x[3], y[3]) == (2.0, 2.0)
    threshold = voc.INFLUENCE_INTEREST_THRESHOLD
    assert np.all(x[:3] > threshold) and np.all(y[:3] > threshold)
    assert x[4] >= threshold and y[4] >= threshold


def test_example(example_path) -> None:
    inv = load_inventory(example_path.read_bytes(), example_path.name)
    assert partner_analysis.werkgebied_counts(inv) == {"lokaal": 14, "regionaal": 12, "landelijk": 2, "onbekend": 0}
    assert partner_analysis.share_beyond_municipality(inv) == pytest.approx(0.5)
    assert len(partner_analysis.influence_interest(inv)) == 28
