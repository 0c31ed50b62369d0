"""The network of partners and projects: links per phase, the (capped) graph, layout and metrics.

A link is a partner's involvement in a project (``Inventory.involvements``, which also holds the
links from the projects' Partners column). Seen per phase, a link counts in the involvement's own
phase where it names one, otherwise in every phase of the project.

Large inventories make a network nobody can read and a layout nobody wants to wait for, so the
drawn network is capped: the partners with the most projects (``MAX_PARTNERS``) and at most
``MAX_PROJECTS`` of their projects. Degree (projects per partner) is always counted over the whole
network; betweenness (networkx, normalised) is computed on the drawn network, which is the whole
network whenever it is not capped. Layout and betweenness only need the structure (node numbers
and edges), so they can be cached without names.
"""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx
import numpy as np
import pandas as pd

from regie import vocabulary as voc
from regie.model import Inventory

ALL_PHASES = "alle"
PHASE_CHOICES: tuple[str, ...] = (ALL_PHASES, *voc.PHASE_CODES)
"""Choices of the network's phase selector."""

PROJECT = "project"
PARTNER = "partner"
MAX_PARTNERS = 40
MAX_PROJECTS = 250
SEED = 42
"""Seed of the spring layout: the same inventory always gets the same picture."""


def phase_choice_label(choice: str) -> str:
    """Dutch label of a phase choice: ``Alle fasen``, ``Visie``..."""
    return "Alle fasen" if choice == ALL_PHASES else voc.phase_label(choice)


def links_per_phase(inv: Inventory) -> pd.DataFrame:
    """Distinct (``project``, ``partner``, ``phase``): the involvement's phase where it names one,
    else each phase of the project (no row when neither is known)."""
    inv_links = inv.involvements[["project", "partner", "fase"]]
    given = inv_links["fase"].isin(voc.PHASE_CODES)
    own = inv_links.loc[given, ["project", "partner", "fase"]].rename(columns={"fase": "phase"})
    rest = inv_links.loc[~given, ["project", "partner"]].drop_duplicates()
    member = inv.phases.loc[inv.phases["phase"].isin(voc.PHASE_CODES), ["project", "phase"]].drop_duplicates()
    inherited = rest.merge(member, on="project", how="inner")
    frame = pd.concat([own, inherited], ignore_index=True)
    return frame.drop_duplicates().reset_index(drop=True).astype(object)


def links(inv: Inventory, phase: str = ALL_PHASES) -> pd.DataFrame:
    """Distinct (``project``, ``partner``) links, all of them or those of one phase."""
    if phase == ALL_PHASES:
        frame = inv.involvements[["project", "partner"]]
    else:
        per = links_per_phase(inv)
        frame = per.loc[per["phase"] == phase, ["project", "partner"]]
    frame = frame.dropna().drop_duplicates()
    known = frame["project"].isin(inv.projects["project"]) & frame["partner"].isin(inv.partners["partner"])
    return frame[known].reset_index(drop=True)


def partner_degrees(inv: Inventory, phase: str = ALL_PHASES) -> pd.DataFrame:
    """Partners with at least one project in the phase: ``partner``, ``naam``, ``type``,
    ``werkgebied``, ``projecten`` (degree), most projects first (ties by name)."""
    degree = links(inv, phase).groupby("partner").size().rename("projecten")
    partners = inv.partners[["partner", "naam", "type", "werkgebied"]]
    frame = partners.merge(degree, left_on="partner", right_index=True, how="inner")
    frame = frame.assign(_n=frame["naam"].astype(str).str.casefold())
    frame = frame.sort_values(["projecten", "_n"], ascending=[False, True], kind="stable")
    return frame.drop(columns="_n").reset_index(drop=True)


def unlinked_partners(inv: Inventory) -> int:
    """Partners without any project (they are not in the network)."""
    return int((~inv.partners["partner"].isin(links(inv)["partner"])).sum())


@dataclass(frozen=True)
class Network:
    """The drawn network: nodes (partners first, then projects), edges as node numbers."""

    nodes: pd.DataFrame
    """``node`` (0..n-1), ``key``, ``kind`` (project/partner), ``label`` (name as shown),
    ``type`` (partner type code, None for projects), ``werkgebied``, ``projecten`` (a partner's projects in the
    whole network of the phase; a project's partners)."""
    sources: np.ndarray
    targets: np.ndarray
    partners_total: int
    projects_total: int
    links_total: int

    @property
    def partners_shown(self) -> int:
        return int((self.nodes["kind"] == PARTNER).sum())

    @property
    def projects_shown(self) -> int:
        return int((self.nodes["kind"] == PROJECT).sum())

    @property
    def capped(self) -> bool:
        """True when the drawn network leaves partners or projects out."""
        return self.partners_shown < self.partners_total or self.projects_shown < self.projects_total

    @property
    def empty(self) -> bool:
        return not len(self.nodes)


def _select_projects(edges: pd.DataFrame, partner_order: list[str], max_projects: int,
                     project_order: dict[str, int]) -> list[str]:
    """Projects to draw: every partner keeps a share of its projects (those linked to most of the
    chosen partners first), the rest of the budget goes to the best-linked projects."""
    score = edges.groupby("project").size()
    ranked = edges.assign(
        _s=edges["project"].map(score), _o=edges["project"].map(project_order),
    ).sort_values(["_s", "_o"], ascending=[False, True], kind="stable")
    quota = max(1, max_projects // max(1, len(partner_order)))
    chosen: dict[str, None] = {}
    for _, group in ranked.groupby("partner", sort=False):
        for project in group["project"].head(quota):
            if len(chosen) < max_projects:
                chosen.setdefault(project, None)
    for project in ranked["project"].drop_duplicates():
        if len(chosen) >= max_projects:
            break
        chosen.setdefault(project, None)
    return list(chosen)


def build(inv: Inventory, phase: str = ALL_PHASES, max_partners: int = MAX_PARTNERS,
          max_projects: int = MAX_PROJECTS) -> Network:
    """The network of one phase (or all), capped to the best-connected partners and projects."""
    edges = links(inv, phase)
    degrees = partner_degrees(inv, phase)
    partners = degrees.head(max_partners)
    kept = edges[edges["partner"].isin(partners["partner"])]
    project_order = {k: i for i, k in enumerate(inv.projects["project"])}
    all_projects = edges["project"].nunique()
    if kept["project"].nunique() > max_projects:
        keep = _select_projects(kept, list(partners["partner"]), max_projects, project_order)
        kept = kept[kept["project"].isin(keep)]
    project_keys = sorted(kept["project"].unique(), key=lambda k: project_order.get(k, 0))
    project_degree = edges.groupby("project").size()
    names = inv.projects.set_index("project")["naam"]
    partner_nodes = pd.DataFrame({
        "key": partners["partner"], "kind": PARTNER, "label": partners["naam"],
        "type": partners["type"], "werkgebied": partners["werkgebied"],
        "projecten": partners["projecten"],
    })
    project_nodes = pd.DataFrame({
        "key": project_keys, "kind": PROJECT,
        "label": [names.get(k) for k in project_keys], "type": None, "werkgebied": None,
        "projecten": [int(project_degree.get(k, 0)) for k in project_keys],
    })
    nodes = pd.concat([partner_nodes, project_nodes], ignore_index=True).astype(
        {"key": object, "kind": object, "label": object, "type": object, "werkgebied": object}
    )
    nodes["projecten"] = nodes["projecten"].astype(int)
    nodes.insert(0, "node", np.arange(len(nodes), dtype=int))
    index = {(kind, key): i for i, (kind, key) in enumerate(zip(nodes["kind"], nodes["key"], strict=True))}
    sources = np.array([index[(PROJECT, p)] for p in kept["project"]], dtype=int)
    targets = np.array([index[(PARTNER, p)] for p in kept["partner"]], dtype=int)
    return Network(nodes, sources, targets, len(degrees), int(all_projects), len(edges))


def graph(node_count: int, sources: np.ndarray, targets: np.ndarray) -> nx.Graph:
    """The networkx graph of node numbers 0..n-1 and the edges."""
    g = nx.Graph()
    g.add_nodes_from(range(node_count))
    g.add_edges_from(zip(sources.tolist(), targets.tolist(), strict=True))
    return g


@dataclass(frozen=True)
class Structure:
    """What the structure of the drawn network gives: positions and betweenness per node."""

    positions: np.ndarray
    """Shape (n, 2): x, y per node number, in [-1, 1]."""
    betweenness: np.ndarray
    """Normalised betweenness centrality per node number (networkx)."""


COMPONENT_CELL = 0.5
"""Width of the cell each small (not the largest) connected component gets below the main one."""


def layout(g: nx.Graph, seed: int = SEED) -> np.ndarray:
    """Positions (n, 2) of nodes 0..n-1: the largest connected component by a spring layout in
    [-1, 1], the other components each in a small cell in rows below it, largest first, so no
    island drifts off to a corner."""
    n = g.number_of_nodes()
    positions = np.zeros((n, 2))
    components = sorted((sorted(c) for c in nx.connected_components(g)), key=lambda c: (-len(c), c[0]))
    if not components:
        return positions
    main = components[0]
    if len(main) > 1:
        sub = g.subgraph(main)
        placed = nx.spring_layout(sub, seed=seed, k=2.2 / np.sqrt(len(main)), iterations=60, scale=1.0)
        for node in main:
            positions[node] = placed[node]
    per_row = max(1, round(2.0 / COMPONENT_CELL) + 1)
    top = positions[main, 1].min() if len(main) > 1 else 0.0
    for i, component in enumerate(components[1:]):
        row, col = divmod(i, per_row)
        centre = (-1.0 + col * COMPONENT_CELL, top - 0.45 - row * COMPONENT_CELL * 0.8)
        if len(component) == 1:
            positions[component[0]] = centre
            continue
        sub = g.subgraph(component)
        placed = nx.spring_layout(sub, seed=seed, scale=COMPONENT_CELL * 0.32, center=centre)
        for node in component:
            positions[node] = placed[node]
    return positions


def structure(node_count: int, sources: np.ndarray, targets: np.ndarray, seed: int = SEED) -> Structure:
    """Layout (fixed seed) and normalised betweenness of a network given by its edges."""
    if node_count == 0:
        return Structure(np.zeros((0, 2)), np.zeros(0))
    g = graph(node_count, sources, targets)
    between = nx.betweenness_centrality(g, normalized=True)
    return Structure(layout(g, seed), np.array([between[i] for i in range(node_count)], dtype=float))


TOP_COLUMNS: tuple[str, ...] = ("naam", "type", "werkgebied", "projecten", "tussenpositie")


def most_connected(net: Network, shape: Structure, top: int = 15) -> pd.DataFrame:
    """The ``top`` partners by degree with their betweenness in the drawn network:
    ``naam``, ``type``, ``werkgebied``, ``projecten``, ``tussenpositie``."""
    partners = net.nodes[net.nodes["kind"] == PARTNER]
    if not len(partners):
        return pd.DataFrame({c: [] for c in TOP_COLUMNS}).astype({"projecten": int, "tussenpositie": float})
    frame = partners.assign(tussenpositie=shape.betweenness[partners["node"].to_numpy()])
    frame = frame.head(top)
    return frame.rename(columns={"label": "naam"})[list(TOP_COLUMNS)].reset_index(drop=True)
