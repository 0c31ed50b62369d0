"""Filters shared by every page (and the exports): domein, gebied, fase, element, rol, partnertype.

A project is kept when it matches every active dimension (any of the chosen values within one
dimension). The fase filter keeps the projects that are in a chosen phase (as ``phases`` counts
them) and narrows the per-phase rows to the chosen phases, so a chart of "visie" shows visie only.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace

import pandas as pd

from regie import vocabulary as voc
from regie.model import Inventory

EMPTY_LABEL = "(leeg)"
"""How a blank domein or gebied is offered and shown."""

DIMENSIONS: dict[str, str] = {
    "domein": "Domein",
    "gebied": "Gebied",
    "fase": "Fase",
    "element": "Element",
    "rol": "Rol",
    "partnertype": "Partnertype",
}
"""Filter dimensions and their Dutch labels, in sidebar order."""


@dataclass(frozen=True)
class Filters:
    """Chosen values per dimension; an empty tuple means "all"."""

    domein: tuple[str, ...] = ()
    gebied: tuple[str, ...] = ()
    fase: tuple[str, ...] = ()
    element: tuple[str, ...] = ()
    rol: tuple[str, ...] = ()
    partnertype: tuple[str, ...] = ()

    @property
    def active(self) -> bool:
        """True when any dimension narrows the projects."""
        return any(getattr(self, f.name) for f in fields(self))

    def to_dict(self) -> dict[str, list[str]]:
        """The active dimensions as a dict (for exports and storage)."""
        return {f.name: list(getattr(self, f.name)) for f in fields(self) if getattr(self, f.name)}


def value_label(dimension: str, value: str) -> str:
    """Dutch label of a filter value."""
    if dimension == "fase":
        return voc.phase_label(value)
    if dimension == "element":
        return voc.element_label(value)
    if dimension == "rol":
        return voc.role_label(value)
    if dimension == "partnertype":
        return voc.partner_type_label(value)
    return value


def describe(filters: Filters) -> str:
    """One Dutch line for chart subtitles: ``Alle projecten`` or ``Filter: fase Visie · rol Regisseur``."""
    if not filters.active:
        return "Alle projecten"
    parts = []
    for name, label in DIMENSIONS.items():
        chosen = getattr(filters, name)
        if chosen:
            parts.append(f"{label.lower()} {', '.join(value_label(name, v) for v in chosen)}")
    return "Filter: " + " · ".join(parts)


def options(inv: Inventory) -> dict[str, list[str]]:
    """The values each dimension can take in this inventory, in a sensible order."""
    def texts(column: str) -> list[str]:
        values = inv.projects[column].fillna(EMPTY_LABEL).astype(str)
        return sorted(set(values), key=lambda v: (v == EMPTY_LABEL, v.casefold()))

    types_present = set(inv.partners["type"]) if len(inv.partners) else set()
    return {
        "domein": texts("domein"),
        "gebied": texts("gebied"),
        "fase": [*voc.PHASE_CODES, voc.UNKNOWN],
        "element": [*voc.ELEMENT_CODES, voc.UNDETERMINED],
        "rol": [*voc.ROLE_CODES, voc.UNKNOWN],
        "partnertype": [c.code for c in voc.PARTNER_TYPES if c.code in types_present]
        + ([voc.UNKNOWN] if voc.UNKNOWN in types_present else []),
    }


def project_keys(inv: Inventory, filters: Filters) -> pd.Index:
    """Keys of the projects that match the filters."""
    keep = pd.Series(True, index=inv.projects["project"].to_numpy())
    projects = inv.projects.set_index("project")
    for name in ("domein", "gebied"):
        chosen = getattr(filters, name)
        if chosen:
            values = projects[name].fillna(EMPTY_LABEL).astype(str)
            keep &= values.isin(chosen)
    if filters.fase:
        in_phase = set(inv.phases.loc[inv.phases["phase"].isin(filters.fase), "project"])
        if voc.UNKNOWN in filters.fase:
            in_phase |= set(projects.index) - set(inv.phases["project"])
        keep &= keep.index.isin(list(in_phase))
    if filters.element:
        with_element = set(inv.elements.loc[inv.elements["element"].isin(filters.element), "project"])
        if voc.UNDETERMINED in filters.element:
            with_element |= set(projects.index) - set(inv.elements["project"])
        keep &= keep.index.isin(list(with_element))
    if filters.rol:
        with_role = set(inv.roles.loc[inv.roles["role"].isin(filters.rol), "project"])
        keep &= keep.index.isin(list(with_role))
    if filters.partnertype:
        typed = inv.partners.loc[inv.partners["type"].isin(filters.partnertype), "partner"]
        linked = set(inv.involvements.loc[inv.involvements["partner"].isin(typed), "project"])
        keep &= keep.index.isin(list(linked))
    return keep.index[keep.to_numpy()]


def apply(inv: Inventory, filters: Filters) -> Inventory:
    """The inventory narrowed to the matching projects (and, for the fase filter, to those phases).

    Partners are narrowed to those linked to a kept project when a filter is active; the issues,
    row counts and team stay those of the whole file.
    """
    if not filters.active:
        return inv
    keys = project_keys(inv, filters)

    def only(frame: pd.DataFrame) -> pd.DataFrame:
        return frame[frame["project"].isin(keys)].reset_index(drop=True)

    phases, roles = only(inv.phases), only(inv.roles)
    chosen_phases = [p for p in filters.fase if p in voc.PHASE_CODES]
    if chosen_phases:
        phases = phases[phases["phase"].isin(chosen_phases)].reset_index(drop=True)
        roles = roles[roles["phase"].isin(chosen_phases)].reset_index(drop=True)
    involvements = only(inv.involvements)
    partners = inv.partners[inv.partners["partner"].isin(involvements["partner"])].reset_index(drop=True)
    return replace(
        inv,
        projects=only(inv.projects),
        phases=phases,
        elements=only(inv.elements),
        suggestions=only(inv.suggestions),
        roles=roles,
        partners=partners,
        involvements=involvements,
        extra=only(inv.extra),
        task_kinds=only(inv.task_kinds),
        government_roles=only(inv.government_roles),
        departments=only(inv.departments),
    )
