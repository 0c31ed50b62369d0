"""Positioning the gemeente per project: Pröpper's two angles, Schema 1's task kinds and Kaag en
Braassem's four government roles, counted over an inventory.

* Pröpper (in MOVISIE, seed 004, ch. 3): *eigen beleidskader* (eigen script or the script of
  another) × *doorzettingsmacht* (groot, beperkt, afwezig) — the projects' ``beleidskader`` and
  ``doorzettingsmacht`` columns.
* MOVISIE's Schema 1: the kind of municipal task (publiekrechtelijk, privaatrechtelijk,
  belanghebbend) — the projects' ``taaksoort`` column — per phase the project is in.
* Kaag en Braassem (seed 003): the inventory's roles as Presterende, Samenwerkende and
  Participerende/responsieve overheid (``vocabulary.ROLES[...].overheidsrol``); the Rechtmatige
  overheid belongs to no role of the inventory and so stays empty. The seed shows the four roles "in
  het volgende kwadrant", a figure that is not in the text; :data:`QUADRANT` places them in two rows —
  the government at the centre (rechtmatig, presterend) above, the samenleving involved (samenwerkend,
  participerend/responsief) below — following the roles' order from most to least steering
  (DOMAIN.md section 3).
"""

from __future__ import annotations

import pandas as pd

from regie import vocabulary as voc
from regie.model import Inventory

BELEIDSKADER_ORDER: tuple[str, ...] = tuple(c.code for c in voc.BELEIDSKADERS)
DOORZETTINGSMACHT_ORDER: tuple[str, ...] = tuple(c.code for c in voc.DOORZETTINGSMACHT)
BELEIDSKADER_LABELS: dict[str, str] = {c.code: c.label for c in voc.BELEIDSKADERS}
DOORZETTINGSMACHT_LABELS: dict[str, str] = {c.code: c.label for c in voc.DOORZETTINGSMACHT}
TASK_KIND_ORDER: tuple[str, ...] = tuple(t.code for t in voc.SCHEMA1)
TASK_KIND_LABELS: dict[str, str] = {t.code: t.label for t in voc.SCHEMA1}

PROPPER_HELP = (
    "Geen enkel project geeft beide invalshoeken van Pröpper. Voeg aan het tabblad Projecten de "
    "kolommen 'Beleidskader' (eigen of ander: voert de gemeente een eigen script uit of dat van "
    "bijvoorbeeld rijk of provincie?) en 'Doorzettingsmacht' (groot, beperkt of afwezig) toe, en laad "
    "het bestand opnieuw op de pagina Inventaris."
)
TASK_KIND_HELP = (
    "Geen enkel project zegt welke soort taak het is. Voeg aan het tabblad Projecten een kolom "
    "'Taaksoort' toe met publiekrechtelijk, privaatrechtelijk of belanghebbend (MOVISIE, Schema 1), "
    "en laad het bestand opnieuw op de pagina Inventaris."
)
ROLES_HELP = (
    "Geen enkel project noemt een rol van de gemeente, dus het kwadrant blijft leeg. Voeg aan het "
    "tabblad Projecten een kolom 'Rol' toe, of kolommen 'Rol visie', 'Rol beleid' en 'Rol "
    "uitvoering', of wijs onbekende waarden toe op de pagina Inventaris."
)

POSITION_COLUMNS: tuple[str, ...] = (
    "project", "id", "naam", "beleidskader", "doorzettingsmacht", "taaksoort",
)


def _known(series: pd.Series, codes: tuple[str, ...]) -> pd.Series:
    return series.where(series.isin(codes), voc.UNKNOWN)


def positions(inv: Inventory) -> pd.DataFrame:
    """Per project its codes for Pröpper's two angles and Schema 1 (``onbekend`` when not given)."""
    projects = inv.projects
    return pd.DataFrame({
        "project": projects["project"],
        "id": projects["id"],
        "naam": projects["naam"],
        "beleidskader": _known(projects["beleidskader"], BELEIDSKADER_ORDER),
        "doorzettingsmacht": _known(projects["doorzettingsmacht"], DOORZETTINGSMACHT_ORDER),
        "taaksoort": _known(projects["taaksoort"], TASK_KIND_ORDER),
    }, columns=list(POSITION_COLUMNS)).reset_index(drop=True)


def propper_positions(inv: Inventory) -> pd.DataFrame:
    """The projects that give both of Pröpper's angles (the others cannot be placed)."""
    table = positions(inv)
    placed = (table["beleidskader"] != voc.UNKNOWN) & (table["doorzettingsmacht"] != voc.UNKNOWN)
    return table[placed].reset_index(drop=True)


def propper_counts(inv: Inventory) -> pd.DataFrame:
    """Projects per beleidskader (index: eigen, ander) and doorzettingsmacht (columns: groot,
    beperkt, afwezig); only projects that give both."""
    placed = propper_positions(inv)
    table = pd.crosstab(placed["beleidskader"], placed["doorzettingsmacht"]) if len(placed) else pd.DataFrame()
    table = table.reindex(index=list(BELEIDSKADER_ORDER), columns=list(DOORZETTINGSMACHT_ORDER), fill_value=0)
    table = table.fillna(0).astype(int)
    table.index.name, table.columns.name = "beleidskader", "doorzettingsmacht"
    return table


def propper_unplaced(inv: Inventory) -> int:
    """How many projects miss one or both of Pröpper's angles."""
    return len(inv.projects) - len(propper_positions(inv))


def task_kind_phase_counts(inv: Inventory) -> pd.DataFrame:
    """Projects per phase (index: phase codes) and Schema 1 task kind (columns: the three kinds and
    ``onbekend``); a project counts once in every phase it is in."""
    kinds = positions(inv)[["project", "taaksoort"]]
    member = inv.phases[["project", "phase"]].drop_duplicates()
    member = member[member["phase"].isin(voc.PHASE_CODES)].merge(kinds, on="project", how="inner")
    columns = [*TASK_KIND_ORDER, voc.UNKNOWN]
    table = pd.crosstab(member["phase"], member["taaksoort"]) if len(member) else pd.DataFrame()
    table = table.reindex(index=list(voc.PHASE_CODES), columns=columns, fill_value=0).fillna(0).astype(int)
    table.index.name, table.columns.name = "fase", None
    return table


def task_kind_given(inv: Inventory) -> int:
    """How many projects state their Schema 1 task kind."""
    return int((positions(inv)["taaksoort"] != voc.UNKNOWN).sum())


QUADRANT: tuple[tuple[str, int, int], ...] = (
    ("Rechtmatige overheid", 0, 0),
    ("Presterende overheid", 0, 1),
    ("Participerende/responsieve overheid", 1, 0),
    ("Samenwerkende overheid", 1, 1),
)
"""Government role → (row, column) in the quadrant; row 0 is drawn on top."""
QUADRANT_ROWS: tuple[str, str] = ("De overheid staat centraal", "De samenleving doet mee")

GOVERNMENT_ROLE_ROLES: dict[str, tuple[str, ...]] = {
    name: tuple(r.code for r in voc.ROLES if r.overheidsrol == name) for name in voc.GOVERNMENT_ROLES
}
"""Government role → the inventory roles that make it up (the Rechtmatige overheid: none)."""


def government_quadrant(inv: Inventory) -> pd.DataFrame:
    """Per government role (:data:`voc.GOVERNMENT_ROLES` order): ``overheidsrol``, ``projecten``
    (distinct projects with such a role in at least one phase), the count per phase (``visie``,
    ``beleid``, ``uitvoering``: projects with such a role in that phase) and per inventory role
    (``zelf``, ``opdrachtgever``... : project-phases with that role)."""
    roles = inv.roles[["project", "phase", "role"]].drop_duplicates()
    roles = roles[roles["phase"].isin(voc.PHASE_CODES)]
    of_role = {r.code: r.overheidsrol for r in voc.ROLES}
    roles = roles.assign(overheidsrol=roles["role"].map(of_role))
    rows = []
    for name in voc.GOVERNMENT_ROLES:
        mine = roles[roles["overheidsrol"] == name]
        rows.append({
            "overheidsrol": name,
            "projecten": int(mine["project"].nunique()),
            **{p: int(mine.loc[mine["phase"] == p, "project"].nunique()) for p in voc.PHASE_CODES},
            **{r.code: int((mine["role"] == r.code).sum()) for r in voc.ROLES if r.overheidsrol},
        })
    return pd.DataFrame(rows)


def quadrant_roles_given(inv: Inventory) -> int:
    """How many projects have, in some phase, a role with a government role."""
    roles = inv.roles[inv.roles["phase"].isin(voc.PHASE_CODES)]
    with_role = roles["role"].map({r.code: r.overheidsrol for r in voc.ROLES}).notna()
    return int(roles.loc[with_role, "project"].nunique())


def roles_outside_quadrant(inv: Inventory) -> dict[str, int]:
    """Project-phases whose role has no government role: ``geen`` (geen regie) and ``onbekend``."""
    roles = inv.roles[["project", "phase", "role"]].drop_duplicates()
    roles = roles[roles["phase"].isin(voc.PHASE_CODES)]
    return {code: int((roles["role"] == code).sum()) for code in ("geen", voc.UNKNOWN)}
