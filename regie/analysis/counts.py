"""Inventory → the aggregates of docs/inventaris.md (and the views the dashboard builds on).

All counts are computed with pandas group operations over the long frames of the inventory.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from regie import vocabulary as voc
from regie.analysis import elements, skills
from regie.model import SEVERITY_ERROR, Inventory

PHASE_KEYS: tuple[str, ...] = (*voc.PHASE_CODES, voc.UNKNOWN)
ELEMENT_KEYS: tuple[str, ...] = (*voc.ELEMENT_CODES, voc.UNDETERMINED)
ROLE_KEYS: tuple[str, ...] = (*voc.ROLE_CODES, voc.UNKNOWN)


def phase_counts(inv: Inventory) -> dict[str, int]:
    """Projects per phase; a project in two phases counts in both; without a phase: ``onbekend``."""
    per = inv.phases.drop_duplicates(["project", "phase"])["phase"].value_counts()
    result = {p: int(per.get(p, 0)) for p in voc.PHASE_CODES}
    result[voc.UNKNOWN] = int((~inv.projects["project"].isin(inv.phases["project"])).sum())
    return result


def element_counts(inv: Inventory) -> dict[str, int]:
    """Projects per accepted element; without one: ``onbepaald``."""
    per = inv.elements.drop_duplicates(["project", "element"])["element"].value_counts()
    result = {e: int(per.get(e, 0)) for e in voc.ELEMENT_CODES}
    result[voc.UNDETERMINED] = int((~inv.projects["project"].isin(inv.elements["project"])).sum())
    return result


def phase_element_counts(inv: Inventory) -> dict[str, dict[str, int]]:
    """Per phase, projects per element (``onbepaald`` for projects in that phase without element)."""
    phases = inv.phases[["project", "phase"]].drop_duplicates()
    elements = inv.elements[["project", "element"]].drop_duplicates()
    joined = phases.merge(elements, on="project", how="left")
    joined["element"] = joined["element"].fillna(voc.UNDETERMINED)
    table = pd.crosstab(joined["phase"], joined["element"]) if len(joined) else pd.DataFrame()
    return {
        p: {e: int(table.at[p, e]) if p in table.index and e in table.columns else 0 for e in ELEMENT_KEYS}
        for p in voc.PHASE_CODES
    }


def role_counts(inv: Inventory) -> dict[str, dict[str, int]]:
    """Per phase, projects by the municipality's role in that phase (docs/inventaris.md ``roles``)."""
    roles = inv.roles[["project", "phase", "role"]].drop_duplicates()
    table = pd.crosstab(roles["phase"], roles["role"]) if len(roles) else pd.DataFrame()
    return {
        p: {r: int(table.at[p, r]) if p in table.index and r in table.columns else 0 for r in ROLE_KEYS}
        for p in voc.PHASE_CODES
    }


def team_count(inv: Inventory) -> int:
    """Distinct team members."""
    return int(inv.team["person"].nunique()) if len(inv.team) else 0


def analyse(inv: Inventory) -> dict[str, Any]:
    """The JSON object of ``python -m regie analyse FILE --json`` (docs/inventaris.md)."""
    result: dict[str, Any] = {
        "file": inv.file,
        "counts": {
            "projects": len(inv.projects),
            "partners": len(inv.partners),
            "involvements": len(inv.involvements),
            "team": team_count(inv),
        },
        "rows": {t: inv.rows[t].to_dict() for t in voc.TABLES},
        "phases": phase_counts(inv),
        "elements": element_counts(inv),
        "phase_element": phase_element_counts(inv),
        "roles": role_counts(inv),
        "skills": skills.skill_demand(inv),
        "element_coverage": elements.coverage_counts(inv),
    }
    if inv.has_team_table:
        result["skills_supply"] = skills.skill_supply(inv)
        result["skills_load"] = skills.skill_load(inv, result["skills"], result["skills_supply"])
    result["issues"] = [i.to_dict() for i in inv.issues]
    return result


def issue_counts(inv: Inventory) -> dict[str, int]:
    """Number of ``fout`` and ``waarschuwing`` issues."""
    errors = sum(1 for i in inv.issues if i.severity == SEVERITY_ERROR)
    return {"fout": errors, "waarschuwing": len(inv.issues) - errors}


def named_role_share(inv: Inventory) -> dict[str, dict[str, float]]:
    """Per phase: the projects in the phase, how many of them name the municipality's role in that
    phase (a role other than ``onbekend``), and the share."""
    members = inv.phases[["project", "phase"]].drop_duplicates()
    named = inv.roles.loc[inv.roles["role"] != voc.UNKNOWN, ["project", "phase"]].drop_duplicates()
    both = members.merge(named, on=["project", "phase"], how="inner")
    result: dict[str, dict[str, float]] = {}
    for phase in voc.PHASE_CODES:
        total = int((members["phase"] == phase).sum())
        with_role = int((both["phase"] == phase).sum())
        result[phase] = {"projecten": total, "met_rol": with_role, "aandeel": with_role / total if total else 0.0}
    return result


def rows_rejected(inv: Inventory) -> int:
    """Rows rejected over all tables."""
    return sum(r.rejected for r in inv.rows.values())


def missing_information(inv: Inventory) -> list[str]:
    """Dutch sentences on what the (filtered) inventory lacks for a meaningful overview, and how to add it."""
    if len(inv.projects) == 0:
        return [
            "Er zijn geen projecten om te tonen. Controleer de filters in de zijbalk, of vul het blad "
            "'Projecten' met een rij per project (minstens de kolom Projectnaam)."
        ]
    notes = []
    phases = phase_counts(inv)
    if phases[voc.UNKNOWN] == len(inv.projects):
        notes.append(
            "Bij geen enkel project is een bekende fase opgegeven. Voeg een kolom 'Fase' toe (visie, beleid, "
            "uitvoering) of één kolom per fase met een x, of wijs onbekende waarden toe op de pagina Inventaris."
        )
    roles = inv.roles
    if len(roles) == 0 or (roles["role"] == voc.UNKNOWN).all():
        notes.append(
            "Bij geen enkel project is de rol van de gemeente opgegeven. Voeg een kolom 'Rol' toe, of per fase "
            "'Rol visie', 'Rol beleid' en 'Rol uitvoering' (zelf doen, opdrachtgever, regisseur, "
            "samenwerkingspartner, facilitator of regie bij anderen)."
        )
    if element_counts(inv)[voc.UNDETERMINED] == len(inv.projects):
        notes.append(
            "Geen enkel project heeft een regie-element (A–D). Voeg een kolom 'Element' toe, of accepteer de "
            "voorgestelde elementen op de pagina Inventaris."
        )
    return notes
