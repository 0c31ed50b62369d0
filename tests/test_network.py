"""The partner–project network: links per phase, capping, layout, betweenness (regie.analysis.network)."""

from __future__ import annotations

import time
from pathlib import Path

import networkx as nx
import numpy as np
import pytest
from conftest import inventory_of
from realistic import Sheet

from regie import load_inventory
from regie.analysis import network
from regie.model import Inventory

PROJECTS = Sheet("Projecten", [
    ["ID", "Projectnaam", "Fase", "Rol"],
    ["P1", "Woonvisie", "Visie", "Regisseur"],
    ["P2", "Wijkteam", "Uitvoering", "Opdrachtgever"],
    ["P3", "Huurdersoverleg", "Beleid; Uitvoering", "Partner"],
    ["P4", "Losse eindjes", "Beleid", "Facilitator"],
])
PARTNERS = Sheet("Partners", [
    ["Naam", "Type", "Werkgebied"],
    ["Woonstad", "Woningcorporatie", "Lokaal"],
    ["GGD Regio", "GGD", "Regionaal"],
    ["Welzijn Plus", "Welzijnsorganisatie", "Lokaal"],
    ["Stichting Alleen", "Vrijwilligersorganisatie", None],
])
INVOLVEMENT = Sheet("Betrokkenheid", [
    ["Project ID", "Partner", "Fase", "Invloed", "Belang"],
    ["P1", "Woonstad", "Visie", 5, 4],
    ["P1", "GGD Regio", None, 2, 5],       # no phase: inherits P1's phase (visie)
    ["P2", "Woonstad", "Uitvoering", 4, 2],
    ["P3", "Woonstad", None, None, None],  # inherits beleid and uitvoering
    ["P3", "Welzijn Plus", "Beleid", 1, 1],
    ["P4", "Welzijn Plus", "Visie", None, None],  # the involvement's phase, not the project's
])


@pytest.fixture(scope="module")
def inv() -> Inventory:
    return inventory_of(PROJECTS, PARTNERS, INVOLVEMENT)


def pairs(frame) -> set[tuple[str, ...]]:
    return {tuple(r) for r in frame.itertuples(index=False, name=None)}


def test_links_per_phase_use_involvement_phase_else_project_phases(inv: Inventory) -> None:
    per = network.links_per_phase(inv)
    assert pairs(per[["project", "partner", "phase"]]) == {
        ("id:p1", "woonstad", "visie"),
        ("id:p1", "ggdregio", "visie"),
        ("id:p2", "woonstad", "uitvoering"),
        ("id:p3", "woonstad", "beleid"),
        ("id:p3", "woonstad", "uitvoering"),
        ("id:p3", "welzijnplus", "beleid"),
        ("id:p4", "welzijnplus", "visie"),
    }


@pytest.mark.parametrize(("phase", "expected"), [
    ("alle", 6),
    ("visie", 3),
    ("beleid", 2),
    ("uitvoering", 2),
])
def test_links_of_a_phase(inv: Inventory, phase: str, expected: int) -> None:
    assert len(network.links(inv, phase)) == expected


def test_partner_degrees_most_projects_first(inv: Inventory) -> None:
    degrees = network.partner_degrees(inv)
    assert degrees["naam"].tolist() == ["Woonstad", "Welzijn Plus", "GGD Regio"]
    assert degrees["projecten"].tolist() == [3, 2, 1]
    assert network.unlinked_partners(inv) == 1  # Stichting Alleen


def test_build_whole_network(inv: Inventory) -> None:
    net = network.build(inv)
    assert not net.capped and not net.empty
    assert (net.partners_shown, net.projects_shown, net.partners_total, net.projects_total) == (3, 4, 3, 4)
    assert len(net.sources) == len(net.targets) == 6
    kinds = net.nodes.set_index("node")["kind"]
    assert set(kinds[net.sources]) == {network.PROJECT}
    assert set(kinds[net.targets]) == {network.PARTNER}
    assert net.nodes["node"].tolist() == list(range(len(net.nodes)))
    assert net.nodes.loc[net.nodes["kind"] == network.PROJECT, "label"].tolist() == [
        "Woonvisie", "Wijkteam", "Huurdersoverleg", "Losse eindjes",
    ]


def test_build_is_capped(inv: Inventory) -> None:
    net = network.build(inv, max_partners=2, max_projects=2)
    assert net.capped
    assert net.partners_shown == 2 and net.projects_shown == 2
    assert net.partners_total == 3 and net.projects_total == 4
    partners = net.nodes.loc[net.nodes["kind"] == network.PARTNER, "label"].tolist()
    assert partners == ["Woonstad", "Welzijn Plus"]
    # every drawn partner keeps at least one project
    assert set(net.targets) == set(net.nodes.loc[net.nodes["kind"] == network.PARTNER, "node"])


def test_empty_phase_gives_empty_network() -> None:
    inv = inventory_of(PROJECTS)
    net = network.build(inv, "visie")
    assert net.empty and not net.capped
    shape = network.structure(len(net.nodes), net.sources, net.targets)
    assert shape.positions.shape == (0, 2) and shape.betweenness.shape == (0,)


def test_betweenness_is_networkx_normalised(inv: Inventory) -> None:
    net = network.build(inv)
    shape = network.structure(len(net.nodes), net.sources, net.targets)
    g = network.graph(len(net.nodes), net.sources, net.targets)
    expected = nx.betweenness_centrality(g, normalized=True)
    assert shape.betweenness.tolist() == pytest.approx([expected[i] for i in range(len(net.nodes))])
    top = network.most_connected(net, shape, top=2)
    assert list(top.columns) == list(network.TOP_COLUMNS)
    assert top["naam"].tolist() == ["Woonstad", "Welzijn Plus"]
    assert top["werkgebied"].tolist() == ["lokaal", "lokaal"]
    assert top.iloc[0]["tussenpositie"] > 0


def test_layout_is_deterministic_and_keeps_islands_apart() -> None:
    g = nx.Graph()
    g.add_edges_from([(0, 1), (1, 2), (2, 3), (3, 0), (0, 2)])  # main component
    g.add_edges_from([(4, 5)])                                  # an island
    g.add_node(6)                                               # a lone node
    first = network.layout(g)
    assert np.array_equal(first, network.layout(g))
    assert np.abs(first[:4]).max() <= 1.0 + 1e-9
    # islands sit below the main component, not on top of it
    assert first[4:, 1].max() < first[:4, 1].min()
    assert not np.allclose(first[4], first[6])


def test_phase_choice_labels() -> None:
    assert [network.phase_choice_label(c) for c in network.PHASE_CHOICES] == [
        "Alle fasen", "Visie", "Beleid", "Uitvoering",
    ]


def test_ten_thousand_projects_stay_small_and_fast() -> None:
    """The 10k benchmark inventory: the drawn network is capped, layout and betweenness are quick."""
    path = Path(__file__).resolve().parents[1] / "bench" / "out" / "inv_10k.xlsx"
    if not path.exists():
        pytest.skip("bench/out/inv_10k.xlsx not generated (python bench/generate.py --projects 10k)")
    inv = load_inventory(path.read_bytes(), path.name)
    start = time.perf_counter()
    net = network.build(inv)
    shape = network.structure(len(net.nodes), net.sources, net.targets)
    elapsed = time.perf_counter() - start
    assert net.capped
    assert net.partners_shown <= network.MAX_PARTNERS and net.projects_shown <= network.MAX_PROJECTS
    assert shape.positions.shape == (len(net.nodes), 2)
    assert elapsed < 10  # about 0.7 s on a 2-CPU machine; generous for slow CI
