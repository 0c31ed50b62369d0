"""Positioning the gemeente per project: Pröpper's two angles and Schema 1's task kinds, counted over an
inventory, with Schema 1's rule for each project.

* Pröpper (in MOVISIE, 004, ch. 3): *eigen beleidskader* (eigen script or the script of another) ×
  *doorzettingsmacht* (groot, beperkt, afwezig) — the projects' ``beleidskader`` and
  ``doorzettingsmacht`` columns.
* MOVISIE's Schema 1 (004, "De positie van de gemeente"): a task may be of several kinds at once
  (``taaksoort`` is multi-valued). The seed's rule, shown per project: publiekrechtelijk — "zal de
  regierol automatisch uitgeoefend moeten worden en is er geen sprake van een keuze"; privaatrechtelijk
  or belanghebbend — "kunnen de voor- en nadelen van de regierol bewuster worden afgewogen"; where the
  gemeente has its own interests its onpartijdigheid can be questioned.

Kaag en Braassem's government roles are not derived here (docs/domein.md section 3): the inventory's
column ``overheidsrol`` is counted as it is (:mod:`regie.analysis.roles`).
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
SCHEMA1_RULES: dict[str, str] = dict(zip(TASK_KIND_ORDER, (
    (
        "Publiekrechtelijk: “dan zal de regierol automatisch uitgeoefend moeten worden en is er geen sprake van "
        "een keuze” (zoals Wmo-indicaties en -aanbesteding: “Hierdoor bepaalt zij de markt”)."
    ),
    (
        "Privaatrechtelijk: “kunnen de voor- en nadelen van de regierol bewuster worden afgewogen”. Heeft de "
        "gemeente hier eigen belangen (grond, accommodaties, deelnemingen), dan “kan de onpartijdigheid van de "
        "gemeente ter discussie” staan: wees u bewust van uw positie en communiceer erover."
    ),
    (
        "Belanghebbend (het publieke belang behartigen): “kunnen de voor- en nadelen van de regierol bewuster "
        "worden afgewogen”."
    ),
), strict=True))
"""Schema 1's rule per task kind, quoting MOVISIE (004, "De positie van de gemeente")."""
SCHEMA1_AWARE = (
    "“Wel is het cruciaal dat de gemeente zich bewust is van haar eigen positie en hierover communiceert.”"
)

POSITION_COLUMNS: tuple[str, ...] = ("project", "id", "naam", "beleidskader", "doorzettingsmacht")


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
    }, columns=list(POSITION_COLUMNS)).reset_index(drop=True)


def task_kinds(inv: Inventory) -> pd.DataFrame:
    """Per project and task kind it has (a project may have several): ``project``, ``taaksoort``;
    projects without one have ``onbekend``."""
    stated = inv.task_kinds[["project", "code"]].drop_duplicates().rename(columns={"code": "taaksoort"})
    missing = inv.projects.loc[~inv.projects["project"].isin(stated["project"]), ["project"]]
    return pd.concat([stated, missing.assign(taaksoort=voc.UNKNOWN)], ignore_index=True)


def first_task_kind(inv: Inventory) -> dict[str, str]:
    """Per project its first task kind in Schema 1's order (``onbekend`` without one): for a marker."""
    kinds = task_kinds(inv)
    order = {k: i for i, k in enumerate((*TASK_KIND_ORDER, voc.UNKNOWN))}
    first: dict[str, str] = {}
    for project, kind in kinds.itertuples(index=False):
        if project not in first or order[kind] < order[first[project]]:
            first[project] = kind
    return first


def schema1_table(inv: Inventory) -> pd.DataFrame:
    """Per project: its task kinds and what Schema 1 says about the regierol for them."""
    kinds = task_kinds(inv)
    per_project: dict[str, list[str]] = {}
    for project, kind in kinds.itertuples(index=False):
        per_project.setdefault(project, []).append(kind)
    rows = []
    for project, pid, name in inv.projects[["project", "id", "naam"]].itertuples(index=False):
        own = [k for k in TASK_KIND_ORDER if k in per_project.get(project, [])]
        rows.append({
            "ID": str(pid), "Project": str(name),
            "Taaksoort": ", ".join(TASK_KIND_LABELS[k] for k in own) if own else "Niet opgegeven",
            "Wat Schema 1 zegt": " ".join(SCHEMA1_RULES[k] for k in own) if own else "",
        })
    return pd.DataFrame(rows, columns=["ID", "Project", "Taaksoort", "Wat Schema 1 zegt"])


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
    ``onbekend``); a project counts once in every phase it is in, under each of its kinds."""
    kinds = task_kinds(inv)
    member = inv.phases[["project", "phase"]].drop_duplicates()
    member = member[member["phase"].isin(voc.PHASE_CODES)].merge(kinds, on="project", how="inner")
    columns = [*TASK_KIND_ORDER, voc.UNKNOWN]
    table = pd.crosstab(member["phase"], member["taaksoort"]) if len(member) else pd.DataFrame()
    table = table.reindex(index=list(voc.PHASE_CODES), columns=columns, fill_value=0).fillna(0).astype(int)
    table.index.name, table.columns.name = "fase", None
    return table


def task_kind_given(inv: Inventory) -> int:
    """How many projects state their Schema 1 task kind."""
    return int(inv.task_kinds["project"].nunique()) if len(inv.task_kinds) else 0
