"""Regie skills (docs/domein.md section 4): demand per phase, supply in people, belasting, the team.

MOVISIE's Schema 3 names the skills each phase puts the emphasis on; it gives no quantities. The
demand, supply and belasting here are this app's own indicator (``READINGS["skills"]``), defined
so that they agree with the phase counts shown beside them:

* **demand** — per phase, the projects that are in that phase and whose role there asks for regie:
  any role but ``zelf`` (zelf uitvoeren is "niet in regie", 003) and ``geen`` (regie bij anderen).
  A project in the phase without a role counts, and is flagged. A project with several roles in one
  phase counts once. Every skill of a phase has the same demand: skills are never ranked.
* **supply** — per skill, team members ``inzetbaar`` (level 3 or higher, or no level) and ``in
  ontwikkeling`` (level 1 or 2); never a difference of projects and people.
* **belasting** — demand divided by ``inzetbaar`` (projects per capable person); None when nobody
  is capable. A skill that projects ask for and nobody has comes first ("niemand in het team").
"""

from __future__ import annotations

import math

import pandas as pd

from regie import vocabulary as voc
from regie.formatting import nl_int, nl_number
from regie.model import Inventory

TEAM_NONE = "geen"
"""No team sheet in the file."""
TEAM_EMPTY = "leeg"
"""A team sheet without usable rows."""
TEAM_PRESENT = "aanwezig"
"""A team sheet with at least one person."""

HAS_SKILL = "✓"
"""Shown for a skill a team member has without a level."""
SUPPLY_COLUMNS: tuple[str, ...] = (
    "Fase", "Vaardigheid", "Vraag (projecten)", "Inzetbaar (teamleden)", "In ontwikkeling (teamleden)",
    "Belasting (projecten per inzetbaar teamlid)", "Toelichting",
)


def demand_memberships(inv: Inventory) -> pd.DataFrame:
    """Per (project, phase) the project is in: ``regie`` (its role there asks for regie, or it has
    none) and ``zonder_rol`` (no role named for the phase)."""
    members = inv.phases[["project", "phase"]].drop_duplicates()
    if members.empty:
        return members.assign(regie=pd.Series(dtype=bool), zonder_rol=pd.Series(dtype=bool))
    roles = inv.roles[["project", "phase", "role"]].drop_duplicates()
    joined = members.merge(roles, on=["project", "phase"], how="left")
    joined["role"] = joined["role"].fillna(voc.UNKNOWN)
    joined["asks"] = ~joined["role"].isin(voc.NOT_IN_REGIE_ROLES)
    joined["named"] = joined["role"] != voc.UNKNOWN
    grouped = joined.groupby(["project", "phase"], sort=False).agg(regie=("asks", "any"), named=("named", "any"))
    result = grouped.reset_index()
    result["zonder_rol"] = ~result["named"]
    return result[["project", "phase", "regie", "zonder_rol"]]


def demand_per_phase(inv: Inventory) -> dict[str, int]:
    """Per phase, the projects in it whose role there asks for regie (no role counts too)."""
    rows = demand_memberships(inv)
    per = rows.loc[rows["regie"], "phase"].value_counts()
    return {p: int(per.get(p, 0)) for p in voc.PHASE_CODES}


def unknown_role_demand(inv: Inventory) -> dict[str, int]:
    """Per phase, how many projects count in the demand without a role (flagged)."""
    rows = demand_memberships(inv)
    per = rows.loc[rows["regie"] & rows["zonder_rol"], "phase"].value_counts()
    return {p: int(per.get(p, 0)) for p in voc.PHASE_CODES}


def skill_demand(inv: Inventory) -> dict[str, dict[str, int]]:
    """Per phase, per Schema 3 skill: the demand of the phase (the same for every skill of it)."""
    demand = demand_per_phase(inv)
    return {p.code: {s: demand[p.code] for s in p.skills} for p in voc.PHASES}


def team_status(inv: Inventory) -> str:
    """Whether the inventory has a team to set beside the demand: ``geen``, ``leeg`` or ``aanwezig``."""
    if not inv.has_team_table:
        return TEAM_NONE
    people = inv.team.loc[inv.team["vaardigheid"].notna(), "person"] if len(inv.team) else []
    return TEAM_PRESENT if len(people) else TEAM_EMPTY


def _person_levels(inv: Inventory) -> pd.DataFrame:
    """Per (person, skill): the highest level given, NaN when none was."""
    team = inv.team[inv.team["vaardigheid"].notna()][["person", "vaardigheid", "niveau"]]
    if team.empty:
        return pd.DataFrame(columns=["person", "vaardigheid", "niveau"])
    team = team.assign(niveau=pd.to_numeric(team["niveau"], errors="coerce"))
    return team.groupby(["person", "vaardigheid"], sort=False)["niveau"].max().reset_index()


def skill_supply(inv: Inventory) -> dict[str, dict[str, dict[str, int]]]:
    """Per phase and skill: team members ``inzetbaar`` and ``in_ontwikkeling`` (docs/domein.md section 4)."""
    levels = _person_levels(inv)
    deployable = levels["niveau"].isna() | (levels["niveau"] >= voc.DEPLOYABLE_LEVEL)
    ready = levels.loc[deployable, "vaardigheid"].value_counts()
    growing = levels.loc[~deployable, "vaardigheid"].value_counts()
    return {
        p.code: {s: {"inzetbaar": int(ready.get(s, 0)), "in_ontwikkeling": int(growing.get(s, 0))} for s in p.skills}
        for p in voc.PHASES
    }


def skill_load(
    inv: Inventory, demand: dict[str, dict[str, int]] | None = None,
    supply: dict[str, dict[str, dict[str, int]]] | None = None,
) -> dict[str, dict[str, float | None]]:
    """Per phase and skill: demand per ``inzetbaar`` team member (None when nobody is); ``demand``
    and ``supply`` are those of :func:`skill_demand` and :func:`skill_supply` when already computed."""
    demand = demand if demand is not None else skill_demand(inv)
    supply = supply if supply is not None else skill_supply(inv)
    return {
        p.code: {
            s: (round(demand[p.code][s] / supply[p.code][s]["inzetbaar"], 2)
                if supply[p.code][s]["inzetbaar"] else None)
            for s in p.skills
        }
        for p in voc.PHASES
    }


def phase_demand(inv: Inventory) -> pd.DataFrame:
    """Per phase: Schema 3's skills, the demand (projects) and how many of those have no role."""
    demand = demand_per_phase(inv)
    unknown = unknown_role_demand(inv)
    rows = [
        {
            "Fase": p.label,
            "Regie op": p.regie_op,
            "Vaardigheden": ", ".join(p.skills),
            "Vraag (projecten)": demand[p.code],
            "Waarvan zonder rol": unknown[p.code],
        }
        for p in voc.PHASES
    ]
    return pd.DataFrame(rows)


def _load_text(load: float | None, demand: int) -> str:
    if load is None:
        return voc.NOBODY_IN_TEAM if demand else "geen vraag en niemand in het team"
    return f"{nl_number(load, 1)} projecten per inzetbaar teamlid"


def supply_table(inv: Inventory) -> pd.DataFrame:
    """Per phase and skill: demand, inzetbaar, in ontwikkeling and belasting. Skills that projects ask
    for and nobody in the team has come first; otherwise Schema 3's order (never ranked by demand)."""
    demand = skill_demand(inv)
    supply = skill_supply(inv)
    load = skill_load(inv)
    rows = []
    for order, p in enumerate(voc.PHASES):
        for position, s in enumerate(p.skills):
            asked, ready = demand[p.code][s], supply[p.code][s]["inzetbaar"]
            rows.append({
                "Fase": p.label, "Vaardigheid": s, "Vraag (projecten)": asked,
                "Inzetbaar (teamleden)": ready,
                "In ontwikkeling (teamleden)": supply[p.code][s]["in_ontwikkeling"],
                "Belasting (projecten per inzetbaar teamlid)": load[p.code][s],
                "Toelichting": _load_text(load[p.code][s], asked),
                "_first": 0 if asked and not ready else 1, "_order": order * 10 + position,
            })
    table = pd.DataFrame(rows)
    table = table.sort_values(["_first", "_order"], kind="stable").drop(columns=["_first", "_order"])
    return table.reset_index(drop=True)[list(SUPPLY_COLUMNS)]


def nobody_has(inv: Inventory) -> list[str]:
    """Skills that projects ask for and nobody in the team has (Schema 3's order)."""
    demand = skill_demand(inv)
    supply = skill_supply(inv)
    return [s for p in voc.PHASES for s in p.skills if demand[p.code][s] and not supply[p.code][s]["inzetbaar"]]


def team_skills_table(inv: Inventory) -> pd.DataFrame:
    """Per team member (in the sheet's order): one column per Schema 3 skill with the level (or ✓)."""
    team = inv.team
    columns = ["Naam", "Aantal vaardigheden", *voc.SKILLS]
    if not len(team):
        return pd.DataFrame(columns=columns)
    rows = []
    for _, person in team.groupby("person", sort=False):
        levels: dict[str, str] = {}
        for skill, level in zip(person["vaardigheid"], person["niveau"], strict=True):
            if isinstance(skill, str) and skill in voc.SKILL_PHASE:
                levels[skill] = max(levels.get(skill, ""), _level_text(level), key=_level_rank)
        name = person["naam"].dropna()
        rows.append({
            "Naam": str(name.iloc[0]) if len(name) else "",
            "Aantal vaardigheden": len(levels),
            **{s: levels.get(s, "") for s in voc.SKILLS},
        })
    return pd.DataFrame(rows, columns=columns)


def _level_text(level: object) -> str:
    """A level as Dutch text; ✓ when the skill has no (numeric) level."""
    if level is None or isinstance(level, str):
        return HAS_SKILL
    try:
        number = float(level)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return HAS_SKILL
    if math.isnan(number):
        return HAS_SKILL
    return nl_int(number) if number.is_integer() else nl_number(number, 1)


def _level_rank(text: str) -> float:
    """Order of level texts: empty < ✓ < numbers."""
    if not text:
        return -2.0
    if text == HAS_SKILL:
        return -1.0
    return float(text.replace(".", "").replace(",", "."))
