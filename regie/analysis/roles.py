"""The municipality's roles per phase seen through other lenses (DOMAIN.md section 3).

* RIVM's four scenarios (seed 000): regisseur and samenwerkingspartner both fall under
  "Uitvoering door samenwerking".
* Kaag en Braassem's four government roles (seed 003): zelf doen and opdrachtgever are the
  Presterende overheid, regisseur and partner the Samenwerkende overheid; no role is the
  Rechtmatige overheid.
* Interne/externe regie (RIVM): the projects' ``regie`` column.

``geen`` has neither a scenario nor a government role: it shows as ``Geen regie / —``. A project
counts once per phase and category, also when two of its roles fall into the same category.
"""

from __future__ import annotations

import pandas as pd

from regie import vocabulary as voc
from regie.model import Inventory

UNKNOWN_LABEL = voc.role_label(voc.UNKNOWN)
"""``Onbekend``: a phase the project is in without a (known) role."""


def _scenario_of(role: voc.Role) -> str:
    if role.rivm is None:
        return voc.NO_SCENARIO_LABEL
    for scenario in voc.RIVM_SCENARIOS:
        if role.rivm == scenario.name or role.rivm.startswith(scenario.name + ","):
            return scenario.name
    raise ValueError(f"RIVM scenario of role {role.code} not in RIVM_SCENARIOS: {role.rivm}")


RIVM_OF_ROLE: dict[str, str] = {r.code: _scenario_of(r) for r in voc.ROLES} | {voc.UNKNOWN: UNKNOWN_LABEL}
"""Role code → RIVM scenario name (``Geen regie / —``, ``Onbekend``)."""

GOVERNMENT_ROLE_OF_ROLE: dict[str, str] = {
    r.code: r.overheidsrol if r.overheidsrol else voc.NO_SCENARIO_LABEL for r in voc.ROLES
} | {voc.UNKNOWN: UNKNOWN_LABEL}
"""Role code → Kaag en Braassem's government role."""

RIVM_CATEGORIES: tuple[str, ...] = (
    *(s.name for s in voc.RIVM_SCENARIOS), voc.NO_SCENARIO_LABEL, UNKNOWN_LABEL,
)
GOVERNMENT_CATEGORIES: tuple[str, ...] = (*voc.GOVERNMENT_ROLES, voc.NO_SCENARIO_LABEL, UNKNOWN_LABEL)

REGIE_NOT_GIVEN = "Niet opgegeven"
REGIE_CATEGORIES: tuple[str, ...] = (*(c.label for c in voc.REGIE_KINDS), REGIE_NOT_GIVEN)
REGIE_LABEL: dict[str, str] = {c.code: c.label for c in voc.REGIE_KINDS}
ALL_PROJECTS = "Alle projecten"


def roles_of_category(mapping: dict[str, str], category: str) -> list[str]:
    """The role codes that fall into a category (for explanations and tables)."""
    return [code for code, name in mapping.items() if name == category]


def _per_phase(inv: Inventory, mapping: dict[str, str], categories: tuple[str, ...]) -> pd.DataFrame:
    roles = inv.roles[["project", "phase", "role"]]
    roles = roles[roles["phase"].isin(voc.PHASE_CODES)]
    cat = roles["role"].map(mapping).fillna(UNKNOWN_LABEL)
    counted = roles.assign(categorie=cat).drop_duplicates(["project", "phase", "categorie"])
    table = pd.crosstab(counted["phase"], counted["categorie"]) if len(counted) else pd.DataFrame()
    table = table.reindex(index=list(voc.PHASE_CODES), columns=list(categories), fill_value=0)
    table = table.fillna(0).astype(int)
    table.index.name = "fase"
    table.columns.name = None
    return table


def rivm_counts(inv: Inventory) -> pd.DataFrame:
    """Per phase (index: phase codes) the projects per RIVM scenario (columns: RIVM_CATEGORIES)."""
    return _per_phase(inv, RIVM_OF_ROLE, RIVM_CATEGORIES)


def government_role_counts(inv: Inventory) -> pd.DataFrame:
    """Per phase the projects per government role (columns: GOVERNMENT_CATEGORIES)."""
    return _per_phase(inv, GOVERNMENT_ROLE_OF_ROLE, GOVERNMENT_CATEGORIES)


def regie_kind_counts(inv: Inventory) -> pd.DataFrame:
    """Projects per kind of regie (columns: REGIE_CATEGORIES): first row ``Alle projecten``, then
    one row per phase the projects are in (index labels: ``Alle projecten`` and phase codes)."""
    projects = inv.projects[["project", "regie"]]
    kind = projects["regie"].map(REGIE_LABEL).fillna(REGIE_NOT_GIVEN)
    labelled = projects.assign(soort=kind)
    overall = labelled["soort"].value_counts()
    member = inv.phases[["project", "phase"]].drop_duplicates()
    member = member[member["phase"].isin(voc.PHASE_CODES)].merge(labelled, on="project", how="inner")
    table = pd.crosstab(member["phase"], member["soort"]) if len(member) else pd.DataFrame()
    table = table.reindex(index=list(voc.PHASE_CODES), columns=list(REGIE_CATEGORIES), fill_value=0)
    table = table.fillna(0).astype(int)
    first = pd.DataFrame([[int(overall.get(c, 0)) for c in REGIE_CATEGORIES]],
                         index=[ALL_PROJECTS], columns=list(REGIE_CATEGORIES))
    result = pd.concat([first, table])
    result.index.name = "fase"
    return result


def regie_kind_given(inv: Inventory) -> int:
    """How many projects state their kind of regie (intern, extern or beide)."""
    return int(inv.projects["regie"].isin(list(REGIE_LABEL)).sum())


def lens_table() -> pd.DataFrame:
    """Each canonical role with its RIVM scenario and government role (DOMAIN.md section 3)."""
    return pd.DataFrame({
        "Rol": [r.label for r in voc.ROLES],
        "RIVM-scenario": [RIVM_OF_ROLE[r.code] for r in voc.ROLES],
        "Overheidsrol": [GOVERNMENT_ROLE_OF_ROLE[r.code] for r in voc.ROLES],
        "Betekenis": [r.meaning for r in voc.ROLES],
    })


def named_role_count(inv: Inventory) -> int:
    """How many (project, phase) pairs have a known role (anything but ``onbekend``)."""
    roles = inv.roles[inv.roles["role"] != voc.UNKNOWN]
    return len(roles[["project", "phase"]].drop_duplicates())
