"""Regie skills: the demand per phase (with its unknown-role flag), demand beside supply, the team.

Demand and supply are counted in :mod:`regie.analysis` (DOMAIN.md section 4); this module turns
them into the tables the Vaardigheden page and its "Toon als tabel" show, with Dutch headers.
"""

from __future__ import annotations

import math

import pandas as pd

from regie import analysis
from regie import vocabulary as voc
from regie.formatting import nl_int, nl_number
from regie.model import Inventory

TEAM_NONE = "geen"
"""No team sheet in the file."""
TEAM_EMPTY = "leeg"
"""A team sheet without usable rows."""
TEAM_PRESENT = "aanwezig"
"""A team sheet with at least one person."""

GAP_COLUMNS: tuple[str, ...] = ("Vaardigheid", "Fase", "Vraag (projecten)", "Aanbod (teamleden)", "Tekort")
HAS_SKILL = "✓"
"""Shown for a skill a team member has without a level."""


def team_status(inv: Inventory) -> str:
    """Whether the inventory has a team to set beside the demand: ``geen``, ``leeg`` or ``aanwezig``."""
    if not inv.has_team_table:
        return TEAM_NONE
    people = inv.team.loc[inv.team["vaardigheid"].notna(), "person"] if len(inv.team) else []
    return TEAM_PRESENT if len(people) else TEAM_EMPTY


def phase_demand(inv: Inventory) -> pd.DataFrame:
    """Per phase: Schema 3's skills, the demand (projects) and how many of those have role ``onbekend``."""
    demand = analysis.demand_per_phase(inv)
    unknown = analysis.unknown_role_demand(inv)
    rows = [
        {
            "Fase": p.label,
            "Regie op": p.regie_op,
            "Vaardigheden": ", ".join(p.skills),
            "Vraag (projecten)": demand[p.code],
            "Waarvan rol onbekend": min(unknown[p.code], demand[p.code]),
        }
        for p in voc.PHASES
    ]
    return pd.DataFrame(rows)


def gap_table(inv: Inventory) -> pd.DataFrame:
    """Per skill: phase, demand, supply and gap (demand − supply), biggest gap first."""
    gap = analysis.skill_gap(inv)
    return pd.DataFrame({
        "Vaardigheid": gap["vaardigheid"],
        "Fase": gap["fase"].map(voc.phase_label),
        "Vraag (projecten)": gap["vraag"].astype(int),
        "Aanbod (teamleden)": gap["aanbod"].astype(int),
        "Tekort": gap["tekort"].astype(int),
    }, columns=list(GAP_COLUMNS))


def shortages(inv: Inventory) -> tuple[pd.DataFrame, dict[str, object] | None]:
    """The skills with a shortage, and the biggest one (None when there is none)."""
    gap = gap_table(inv)
    short = gap[gap["Tekort"] > 0]
    return short, (short.iloc[0].to_dict() if len(short) else None)


def gap_word(gap: int) -> str:
    """Dutch wording of a gap: ``tekort 3``, ``overschot 2`` or ``in balans``."""
    if gap > 0:
        return f"tekort {nl_int(gap)}"
    if gap < 0:
        return f"overschot {nl_int(-gap)}"
    return "in balans"


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
