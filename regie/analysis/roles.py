"""The municipality's roles per phase seen through the seeds' lenses (docs/domein.md section 3).

* RIVM's four scenarios (000): zelf → Zelf doen, opdrachtgever → Uitbesteden, partner → Uitvoering
  door samenwerking, facilitator → Overlaten aan de samenleving; regisseur fits none of the four alone
  and regie bij anderen none at all (:data:`voc.NO_SCENARIO_LABEL`).
* Kaag en Braassem's government roles (003) are never derived from the role: they are counted as the
  inventory states them, in the optional multi-valued column ``overheidsrol``.
* Interne/externe regie (RIVM): the projects' ``regie`` column.
* Planned roles: a per-phase role for a phase the project is not (yet) in. The role views count
  them apart, so the counts of projects *in* a phase agree with the phase counts beside them.
"""

from __future__ import annotations

import pandas as pd

from regie import vocabulary as voc
from regie.model import Inventory

UNKNOWN_LABEL = "Nog geen rol benoemd"
"""A phase the project is in without a (known) role."""

RIVM_OF_ROLE: dict[str, str] = {r.code: r.rivm or voc.NO_SCENARIO_LABEL for r in voc.ROLES} | {
    voc.UNKNOWN: UNKNOWN_LABEL
}
"""Role code → RIVM scenario name (or ``Geen enkel scenario alleen``, ``Nog geen rol benoemd``)."""

RIVM_CATEGORIES: tuple[str, ...] = (*(s.name for s in voc.RIVM_SCENARIOS), voc.NO_SCENARIO_LABEL, UNKNOWN_LABEL)

GOVERNMENT_NOT_GIVEN = "Niet opgegeven"
GOVERNMENT_CATEGORIES: tuple[str, ...] = (*(c.label for c in voc.GOVERNMENT_ROLES), GOVERNMENT_NOT_GIVEN)

REGIE_NOT_GIVEN = "Niet opgegeven"
REGIE_CATEGORIES: tuple[str, ...] = (*(c.label for c in voc.REGIE_KINDS), REGIE_NOT_GIVEN)
REGIE_LABEL: dict[str, str] = {c.code: c.label for c in voc.REGIE_KINDS}
ALL_PROJECTS = "Alle projecten"

IN_PHASE = "in de fase"
PLANNED = "gepland"
"""Whether a role belongs to a phase the project is in, or is named ahead for a phase it is not in."""


def roles_in_phase(inv: Inventory) -> pd.DataFrame:
    """Every (project, phase, role) with ``stand``: :data:`IN_PHASE` when the project is in the phase,
    :data:`PLANNED` for a per-phase role ahead of it."""
    roles = inv.roles[["project", "phase", "role"]].drop_duplicates()
    member = inv.phases[["project", "phase"]].drop_duplicates().assign(_in=True)
    joined = roles.merge(member, on=["project", "phase"], how="left")
    stand = joined["_in"].notna().map({True: IN_PHASE, False: PLANNED})
    return joined.drop(columns="_in").assign(stand=stand)


def role_counts_by_stand(inv: Inventory) -> dict[str, dict[str, dict[str, int]]]:
    """Per stand (in de fase, gepland), per phase, projects per role (every key present)."""
    rows = roles_in_phase(inv)
    result: dict[str, dict[str, dict[str, int]]] = {}
    for stand in (IN_PHASE, PLANNED):
        part = rows[rows["stand"] == stand]
        table = pd.crosstab(part["phase"], part["role"]) if len(part) else pd.DataFrame()
        result[stand] = {
            p: {r: int(table.at[p, r]) if p in table.index and r in table.columns else 0
                for r in (*voc.ROLE_CODES, voc.UNKNOWN)}
            for p in voc.PHASE_CODES
        }
    return result


def planned_count(inv: Inventory) -> int:
    """How many (project, phase) pairs name a role for a phase the project is not in."""
    rows = roles_in_phase(inv)
    return len(rows.loc[rows["stand"] == PLANNED, ["project", "phase"]].drop_duplicates())


def roles_of_category(mapping: dict[str, str], category: str) -> list[str]:
    """The role codes that fall into a category (for explanations and tables)."""
    return [code for code, name in mapping.items() if name == category]


def rivm_counts(inv: Inventory) -> pd.DataFrame:
    """Per phase (index: phase codes) the projects in that phase per RIVM scenario (columns:
    :data:`RIVM_CATEGORIES`); a project counts once per phase and scenario."""
    rows = roles_in_phase(inv)
    rows = rows[rows["stand"] == IN_PHASE]
    counted = rows.assign(categorie=rows["role"].map(RIVM_OF_ROLE).fillna(UNKNOWN_LABEL))
    counted = counted.drop_duplicates(["project", "phase", "categorie"])
    table = pd.crosstab(counted["phase"], counted["categorie"]) if len(counted) else pd.DataFrame()
    table = table.reindex(index=list(voc.PHASE_CODES), columns=list(RIVM_CATEGORIES), fill_value=0)
    table = table.fillna(0).astype(int)
    table.index.name = "fase"
    table.columns.name = None
    return table


def government_role_counts(inv: Inventory) -> pd.DataFrame:
    """Projects per government role as the inventory states them (a project with two counts under
    both): one row ``Alle projecten`` and one per phase the projects are in."""
    labels = {c.code: c.label for c in voc.GOVERNMENT_ROLES}
    stated = inv.government_roles[["project", "code"]].drop_duplicates()
    stated = stated.assign(rol=stated["code"].map(labels))
    missing = inv.projects.loc[~inv.projects["project"].isin(stated["project"]), ["project"]]
    stated = pd.concat([stated[["project", "rol"]], missing.assign(rol=GOVERNMENT_NOT_GIVEN)], ignore_index=True)
    return _overall_and_per_phase(inv, stated.rename(columns={"rol": "categorie"}), GOVERNMENT_CATEGORIES)


def _overall_and_per_phase(inv: Inventory, labelled: pd.DataFrame, categories: tuple[str, ...]) -> pd.DataFrame:
    """Projects per category (``labelled``: ``project``, ``categorie``; a project may have several): one row
    ``Alle projecten``, then one per phase the projects are in; every category a column."""
    overall = labelled["categorie"].value_counts()
    member = inv.phases[["project", "phase"]].drop_duplicates()
    member = member[member["phase"].isin(voc.PHASE_CODES)].merge(labelled, on="project", how="inner")
    table = pd.crosstab(member["phase"], member["categorie"]) if len(member) else pd.DataFrame()
    table = table.reindex(index=list(voc.PHASE_CODES), columns=list(categories), fill_value=0).fillna(0).astype(int)
    first = pd.DataFrame([[int(overall.get(c, 0)) for c in categories]], index=[ALL_PROJECTS], columns=list(categories))
    result = pd.concat([first, table])
    result.index.name = "fase"
    result.columns.name = None
    return result


def government_roles_given(inv: Inventory) -> int:
    """How many projects state one or more government roles."""
    return int(inv.government_roles["project"].nunique()) if len(inv.government_roles) else 0


def regie_kind_counts(inv: Inventory) -> pd.DataFrame:
    """Projects per kind of regie (columns: REGIE_CATEGORIES): first row ``Alle projecten``, then
    one row per phase the projects are in (index labels: ``Alle projecten`` and phase codes)."""
    projects = inv.projects[["project", "regie"]]
    labelled = projects.assign(categorie=projects["regie"].map(REGIE_LABEL).fillna(REGIE_NOT_GIVEN))
    return _overall_and_per_phase(inv, labelled[["project", "categorie"]], REGIE_CATEGORIES)


def regie_kind_given(inv: Inventory) -> int:
    """How many projects state their kind of regie (intern, extern or beide)."""
    return int(inv.projects["regie"].isin(list(REGIE_LABEL)).sum())


def rivm_table() -> pd.DataFrame:
    """Each role with its RIVM scenario, RIVM's scenario text and why (docs/domein.md section 3's table)."""
    texts = {s.name: s.text for s in voc.RIVM_SCENARIOS}
    return pd.DataFrame({
        "Rol": [r.label for r in voc.ROLES],
        "Betekenis": [r.meaning for r in voc.ROLES],
        "RIVM-scenario": [r.rivm or "—" for r in voc.ROLES],
        "Scenario volgens RIVM": [texts.get(r.rivm or "", "") for r in voc.ROLES],
        "Toelichting": [r.rivm_note for r in voc.ROLES],
    })


def named_role_count(inv: Inventory) -> int:
    """How many (project, phase) pairs have a known role (anything but ``onbekend``)."""
    roles = inv.roles[inv.roles["role"] != voc.UNKNOWN]
    return len(roles[["project", "phase"]].drop_duplicates())
