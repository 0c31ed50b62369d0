"""The inventory in one sentence: per phase the role the municipality has most, and what is missing.

A plain Dutch summary of the counts the Overzicht shows (the phase counts and the roles of the
projects in each phase), so that a wethouder grasps it without reading a chart. It judges nothing:
"vooral" means more than half of the projects in that phase, "het vaakst" the largest group.
"""

from __future__ import annotations

import pandas as pd

from regie import vocabulary as voc
from regie.analysis.cells import cell_count, largest_cell
from regie.analysis.network import links
from regie.analysis.paths import role_paths
from regie.analysis.skills import TEAM_PRESENT, demand_per_phase, nobody_has, team_status
from regie.formatting import nl_count, nl_int, nl_join
from regie.model import Inventory

__all__ = [
    "cell_sentence", "headline_sentence", "partners_sentence", "paths_sentence",
    "phase_roles", "skills_sentence",
]

MOSTLY = "vooral"
LARGEST = "het vaakst"


def phase_roles(inv: Inventory) -> pd.DataFrame:
    """Per project and phase it is in: the municipality's role there (``onbekend`` when not named).

    Only the phases a project is in count, so these numbers agree with the phase counts."""
    members = inv.phases[["project", "phase"]].drop_duplicates()
    roles = inv.roles[["project", "phase", "role"]].drop_duplicates()
    joined = members.merge(roles, on=["project", "phase"], how="left")
    joined["role"] = joined["role"].fillna(voc.UNKNOWN)
    return joined


def _clause(phase: str, rows: pd.DataFrame) -> str:
    projects = rows["project"].nunique()
    named = rows[rows["role"] != voc.UNKNOWN].drop_duplicates(["project", "role"])
    place = voc.PHASE_PLACES[phase]
    if named.empty:
        return f"{place} is bij geen van de {nl_count(projects, 'project', 'projecten')} de rol benoemd"
    counts = named["role"].value_counts()
    order = {code: i for i, code in enumerate(voc.ROLE_CODES)}
    ranked = sorted(counts.items(), key=lambda item: (-item[1], order.get(str(item[0]), 99)))
    top = ranked[0][1]
    tied = [str(code) for code, n in ranked if n == top]
    if len(tied) > 1:
        labels = nl_join([voc.role_label(code).lower() for code in tied])
        return f"{place} is de rol even vaak {labels} (elk {nl_int(top)} van de {_projects(projects)})"
    how = MOSTLY if top * 2 > projects else LARGEST
    return f"{place} {voc.ROLE_PHRASES[tied[0]].format(how=how)} ({nl_int(top)} van de {_projects(projects)})"


def _projects(n: int) -> str:
    return nl_count(n, "project", "projecten")


def headline_sentence(inv: Inventory) -> str:
    """One or two Dutch sentences: per phase with projects the most frequent role, then how many
    projects have a phase without a named role and how many have no phase."""
    if not len(inv.projects):
        return "Er zijn geen projecten om te beschrijven."
    rows = phase_roles(inv)
    clauses = [_clause(p, rows[rows["phase"] == p]) for p in voc.PHASE_CODES if (rows["phase"] == p).any()]
    parts = []
    if clauses:
        first = "; ".join(clauses)
        parts.append(first[0].upper() + first[1:] + ".")
    unnamed = rows.loc[(rows["role"] == voc.UNKNOWN) & (rows["phase"] != voc.UNKNOWN), "project"].nunique()
    if unnamed:
        parts.append(f"Bij {nl_count(unnamed, 'project', 'projecten')} is de rol in een fase nog niet benoemd.")
    without = len(set(inv.projects["project"]) - set(inv.phases.loc[inv.phases["phase"] != voc.UNKNOWN, "project"]))
    if without:
        parts.append(f"{nl_count(without, 'project heeft', 'projecten hebben')} nog geen fase.")
    return " ".join(parts)


def cell_sentence(inv: Inventory) -> str:
    """The phase × element view in words: the largest cell of the table."""
    if not len(inv.projects):
        return "Er zijn geen projecten om te beschrijven."
    phase, element = largest_cell(inv)
    count = cell_count(inv, phase, element)
    if not count:
        return "Geen project noemt zowel een fase als een element."
    return (f"De grootste groep: {nl_count(count, 'project', 'projecten')} {voc.PHASE_PLACES.get(phase, phase)} "
            f"met element {voc.element_label(element)}.")


def paths_sentence(inv: Inventory) -> str:
    """The role paths in words: how many projects have one, and the most frequent path."""
    table = role_paths(inv)
    if table.empty:
        return "Geen project noemt voor twee of meer fasen een eigen rol."
    total = int(table["projecten"].sum())
    first = table.iloc[0]
    return (f"{nl_count(total, 'project heeft', 'projecten hebben')} een rolpad over twee of meer fasen; "
            f"het vaakst: {first['pad']} ({nl_count(int(first['projecten']), 'project', 'projecten')}).")


def skills_sentence(inv: Inventory) -> str:
    """The skills view in words: where regie is asked most, and (with a team) what nobody can do yet."""
    demand = demand_per_phase(inv)
    if not any(demand.values()):
        return "Geen project vraagt om regievaardigheden."
    phase = max(voc.PHASE_CODES, key=lambda p: (demand[p], -voc.PHASE_CODES.index(p)))
    text = (f"De meeste vraag naar regievaardigheden is {voc.PHASE_PLACES[phase]}: "
            f"{nl_count(demand[phase], 'project', 'projecten')}.")
    if team_status(inv) == TEAM_PRESENT:
        missing = list(dict.fromkeys(nobody_has(inv)))
        text += (f" Voor {nl_count(len(missing), 'gevraagde vaardigheid', 'gevraagde vaardigheden')} is nog "
                 "niemand in het team inzetbaar." if missing
                 else " Voor elke gevraagde vaardigheid is iemand in het team inzetbaar.")
    return text


def partners_sentence(inv: Inventory) -> str:
    """The partners view in words: how many partners work with how many projects."""
    pairs = links(inv)
    if pairs.empty:
        return "De inventaris noemt geen partners bij de projecten."
    return (f"{nl_count(pairs['partner'].nunique(), 'partner werkt', 'partners werken')} mee aan "
            f"{nl_count(pairs['project'].nunique(), 'project', 'projecten')}: "
            f"{nl_count(len(pairs), 'koppeling', 'koppelingen')} partner–project.")
