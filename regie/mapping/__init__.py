"""Raw tables → :class:`~regie.model.Inventory`, every mapped value with its explanation.

Implements docs/domein.md and docs/inventaris.md, sections 5–7: projects may span
several rows (long format) or carry marks per phase/element (wide format); per-phase roles win over
the project role; partners come from three places and are merged by normalised name; unknown
values are warnings, rows without a name are rejected, every row is used or rejected.

Per table a mapper (:mod:`.projects`, :mod:`.partners`, :mod:`.involvement`, :mod:`.team`),
sharing :mod:`.common`; explanations for people in :mod:`.explain`. All work is done per distinct value and with pandas operations, never per row in Python, except
for building the issues of the rows that have one.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import pandas as pd

from regie import gcpause
from regie.mapping.common import SOURCE_TEXT, _Context
from regie.mapping.involvement import _InvolvementMapper
from regie.mapping.partners import _merge_partners, _PartnersMapper
from regie.mapping.projects import _accept_suggestions, _ProjectsMapper
from regie.mapping.team import _map_team
from regie.mapping.vocabularies import (
    ELEMENT_VOCAB,
    PARTNER_TYPE_VOCAB,
    PHASE_VOCAB,
    REVIEWABLE,
    ROLE_VOCAB,
)
from regie.model import Inventory, RawWorkbook, sort_issues

__all__ = [
    "ELEMENT_VOCAB",
    "PARTNER_TYPE_VOCAB",
    "PHASE_VOCAB",
    "REVIEWABLE",
    "ROLE_VOCAB",
    "SOURCE_TEXT",
    "map_inventory",
]


def map_inventory(
    raw: RawWorkbook,
    value_mappings: Mapping[str, Mapping[str, str]] | None = None,
    accepted_elements: Mapping[str, Iterable[str]] | None = None,
) -> Inventory:
    """Map located tables to an inventory.

    ``value_mappings`` holds the user's choices per vocabulary (``{"fase": {"afronding":
    "uitvoering"}}``; keys ``fase``, ``element``, ``rol``, ``partnertype``); they are applied like
    synonyms and explained as "handmatig toegewezen". ``accepted_elements`` maps a project key to
    suggested elements a person accepted.
    """
    with gcpause.paused():  # hundreds of thousands of short-lived values (regie.gcpause)
        return _map(raw, value_mappings, accepted_elements)


def _map(
    raw: RawWorkbook,
    value_mappings: Mapping[str, Mapping[str, str]] | None,
    accepted_elements: Mapping[str, Iterable[str]] | None,
) -> Inventory:
    mappings = {k: dict(v) for k, v in (value_mappings or {}).items() if k in REVIEWABLE}
    vocab = {name: (v.with_manual(mappings[name]) if name in mappings else v) for name, v in REVIEWABLE.items()}
    ctx = _Context(vocab)
    ctx.issues.extend(raw.issues)

    projects = _ProjectsMapper(ctx, raw.of("projects")).run()
    partners = _PartnersMapper(ctx, raw.of("partners")).run()
    involvement = _InvolvementMapper(ctx, raw.of("involvements"), projects).run()
    team, team_rows = _map_team(ctx, raw.of("team"))

    partner_frame, links = _merge_partners(ctx, projects, partners, involvement, bool(raw.of("partners")))
    involvements = pd.concat([involvement.used, links], ignore_index=True)

    elements = projects.elements
    if accepted_elements:
        elements = _accept_suggestions(projects.suggestions, elements, accepted_elements)

    unknown = (
        pd.concat(ctx.unknown, ignore_index=True)
        if ctx.unknown else pd.DataFrame(columns=["field", "value", "count"])
    )
    if len(unknown):
        unknown = unknown.groupby(["field", "value"], as_index=False, sort=False)["count"].sum()

    rows = {
        "projects": projects.rows,
        "partners": partners.rows,
        "involvements": involvement.rows,
        "team": team_rows,
    }
    return Inventory(
        file=raw.file,
        kind=raw.kind,
        projects=projects.projects,
        phases=projects.phases,
        elements=elements,
        suggestions=projects.suggestions,
        roles=projects.roles,
        partners=partner_frame,
        involvements=involvements,
        team=team,
        extra=projects.extra,
        unknown=unknown,
        issues=sort_issues(ctx.issues),
        rows=rows,
        task_kinds=projects.multi["taaksoort"],
        government_roles=projects.multi["overheidsrol"],
        departments=projects.departments,
        has_partners_table=bool(raw.of("partners")),
        has_team_table=bool(raw.of("team")),
        value_mappings=mappings,
    )


