"""Working aids per project, kept in a werkruimte: MOVISIE's Schema 2 as a checklist, RIVM's externe-regie
actions, the opdracht where the regie lies with another party or the gemeente is opdrachtgever, and the
interne regie read from the inventory's ``Afdelingen`` column.

- **Schema 2, "De eigen rol per fase"** (MOVISIE 004, section D): every task of the four levels, verbatim;
  the adviser answers ja / deels / nee / n.v.t. per project, with a note. "De gemeente kan per fase in kaart
  brengen wat er moet gebeuren."
- **Externe regie** (RIVM 000): the four actions, "variërend van sturen tot faciliteren", the same scale.
- **De opdracht** (RIVM 000, "Tip: zorg voor een heldere opdracht"): resultaat, rolverdeling,
  prestatie-indicatoren en terugkoppeling, each written down (free text); asked where a phase's role is
  ``geen`` (regie bij anderen) or ``opdrachtgever``.
- **Interne regie** (RIVM 000; Schema 2 intern; "met één mond spreken"): how many afdelingen or
  portefeuillehouders the inventory names per project; a project in beleid or uitvoering with none is flagged.

Answers belong to a werkruimte and a project key (the inventory's ``project`` column: the ID, else the
name), so a new version of the inventory finds them again. The caller checks access to the werkruimte.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import Connection

from regie import vocabulary as voc
from regie.errors import UnknownWerkruimteError, WerkhulpError
from regie.model import Inventory
from regie.storage import engine as db
from regie.storage.schema import werkhulp_answers
from regie.storage.store import Store, find_werkruimte_id

SCHEMA2 = "schema2"
RIVM = "rivm"
OPDRACHT = "opdracht"
AID_TITLES: dict[str, str] = {
    SCHEMA2: "Schema 2: de eigen rol per fase",
    RIVM: "Externe regie: de acties van RIVM",
    OPDRACHT: "De opdracht",
}
AID_SOURCES: dict[str, str] = {
    SCHEMA2: voc.cite("movisie", "element D, Schema 2 ‘De eigen rol per fase’"),
    RIVM: voc.cite("rivm", "externe regie"),
    OPDRACHT: voc.cite("rivm", "‘Tip: zorg voor een heldere opdracht’"),
}
CHECK_ANSWERS: tuple[str, ...] = (*voc.ANSWER_CODES, "nvt")
"""ja / deels / nee / n.v.t."""
CHECK_LABELS: dict[str, str] = {**voc.ANSWER_LABELS, "nvt": "N.v.t."}
OPDRACHT_ROLES: frozenset[str] = frozenset({"geen", "opdrachtgever"})
"""A phase with one of these roles asks for an opdracht (RIVM: the regie lies with another party, or the
gemeente is opdrachtgever)."""
INTERNAL_PHASES: tuple[str, ...] = ("beleid", "uitvoering")
MAX_NOTE = 2000


@dataclass(frozen=True)
class AidItem:
    """One question of a working aid: its code, its aid, its group (Schema 2's level) and its text, verbatim."""

    code: str
    aid: str
    group: str
    text: str


def _schema2_items() -> tuple[AidItem, ...]:
    return tuple(
        AidItem(f"S{level_no}.{task_no}", SCHEMA2, level.name, task)
        for level_no, level in enumerate(voc.SCHEMA2, start=1)
        for task_no, task in enumerate(level.tasks, start=1)
    )


OPDRACHT_PARTS: tuple[tuple[str, str], ...] = (
    ("resultaat", "Het resultaat"),
    ("rolverdeling", "De rolverdeling"),
    ("indicatoren", "De prestatie-indicatoren"),
    ("terugkoppeling", "De afspraken over terugkoppeling"),
)
"""RIVM's heldere projectopdracht: resultaat en rolverdeling (the tip), prestatie-indicatoren and afspraken over
terugkoppeling (000, "De gemeente blijft ook dan controleren")."""

ITEMS: tuple[AidItem, ...] = (
    *_schema2_items(),
    *(AidItem(f"R{n}", RIVM, "Externe regie", text) for n, text in enumerate(voc.sources.RIVM_EXTERNAL_ACTIONS, 1)),
    *(AidItem(f"O.{code}", OPDRACHT, "Opdracht", label) for code, label in OPDRACHT_PARTS),
)
ITEM_BY_CODE: dict[str, AidItem] = {i.code: i for i in ITEMS}
ITEMS_OF: dict[str, tuple[AidItem, ...]] = {aid: tuple(i for i in ITEMS if i.aid == aid) for aid in AID_TITLES}


@dataclass(frozen=True)
class Answer:
    """A stored answer: ``answer`` (a :data:`CHECK_ANSWERS` code; None for the opdracht's texts) and ``note``."""

    answer: str | None
    note: str


# --------------------------------------------------------------------------------------------
# What the inventory says
# --------------------------------------------------------------------------------------------


def opdracht_phases(inv: Inventory, project: str) -> list[str]:
    """The phases of a project whose role asks for an opdracht (:data:`OPDRACHT_ROLES`), in phase order."""
    roles = inv.roles
    asked = set(roles.loc[(roles["project"] == project) & roles["role"].isin(list(OPDRACHT_ROLES)), "phase"])
    return [p for p in voc.PHASE_CODES if p in asked]


def project_line(inv: Inventory, project: str) -> str:
    """One line about a project: its phases and the gemeente's role per phase, from the inventory."""
    phases = set(inv.phases.loc[inv.phases["project"] == project, "phase"])
    roles = inv.roles[inv.roles["project"] == project]
    per_phase = [
        f"{voc.phase_label(p)}: {' / '.join(voc.role_label(r) for r in roles.loc[roles['phase'] == p, 'role'])}"
        for p in voc.PHASE_CODES if p in phases and p in set(roles["phase"])
    ]
    line = "Fasen: " + (", ".join(voc.phase_label(p) for p in voc.PHASE_CODES if p in phases) or "geen")
    return line + (f" · rol van de gemeente: {', '.join(per_phase)}" if per_phase else "")


def internal_regie(inv: Inventory) -> pd.DataFrame:
    """Per project: ``project``, ``Project``, ``Fasen``, ``Afdelingen`` (how many), ``Welke`` and ``Melding``
    (a project in beleid or uitvoering with no afdeling named). Empty ``Melding`` when all is well or the
    inventory has no Afdelingen column at all (then nothing can be said: ``has_column`` tells)."""
    projects = inv.projects[["project", "naam"]]
    named = inv.departments.groupby("project")["naam"].agg(lambda s: ", ".join(dict.fromkeys(s)))
    counts = inv.departments.groupby("project")["key"].nunique()
    phases = inv.phases.groupby("project")["phase"].agg(
        lambda s: ", ".join(voc.phase_label(p) for p in voc.PHASE_CODES if p in set(s)))
    in_internal = set(inv.phases.loc[inv.phases["phase"].isin(list(INTERNAL_PHASES)), "project"])
    has_column = bool(len(inv.departments))
    table = pd.DataFrame({
        "project": projects["project"].to_numpy(),
        "Project": projects["naam"].to_numpy(),
        "Fasen": projects["project"].map(phases).astype(object).fillna("—").to_numpy(),
        "Afdelingen": projects["project"].map(counts).fillna(0).astype(int).to_numpy(),
        "Welke": projects["project"].map(named).astype(object).fillna("—").to_numpy(),
    })
    flag = table["project"].isin(in_internal) & (table["Afdelingen"] == 0) & has_column
    table["Melding"] = ["In beleid of uitvoering zonder afdeling: wie spreekt hier namens de gemeente "
                        "(‘met één mond spreken’)?" if f else "" for f in flag]
    return table


# --------------------------------------------------------------------------------------------
# Stored answers
# --------------------------------------------------------------------------------------------


def _werkruimte_id(conn: Connection, werkruimte: str) -> int:
    found = find_werkruimte_id(conn, werkruimte)
    if found is None:
        raise UnknownWerkruimteError(
            f"Werkruimte '{' '.join(str(werkruimte).split())}' bestaat niet. Open of maak hem op de pagina Werkruimtes."
        )
    return found


def answers(store: Store, werkruimte: str, project: str) -> dict[str, Answer]:
    """The stored answers of one project in a werkruimte: ``{item code: Answer}``."""

    def work(conn: Connection) -> dict[str, Answer]:
        werkruimte_id = _werkruimte_id(conn, werkruimte)
        rows = conn.execute(sa.select(werkhulp_answers.c.item, werkhulp_answers.c.answer, werkhulp_answers.c.note)
                            .where(werkhulp_answers.c.werkruimte_id == werkruimte_id,
                                   werkhulp_answers.c.project == str(project)[:500])).all()
        return {r.item: Answer(r.answer, r.note) for r in rows if r.item in ITEM_BY_CODE}

    return db.read(store.engine, work)


def save(store: Store, werkruimte: str, project: str, name: str,
         given: Mapping[str, tuple[str | None, str]]) -> int:
    """Store a project's answers ``{item code: (answer, note)}`` in one transaction, replacing earlier ones; an
    item with neither answer nor note is removed. Returns the number of items kept."""
    rows = []
    for code, (answer, note) in given.items():
        item = ITEM_BY_CODE.get(code)
        if item is None:
            raise WerkhulpError(f"Onbekende vraag '{code}' in de werkhulpen.")
        text = str(note or "").strip()[:MAX_NOTE]
        if item.aid == OPDRACHT:
            answer = None
        elif answer is not None and answer not in CHECK_ANSWERS:
            raise WerkhulpError(f"'{answer}' is geen antwoord; kies ja, deels, nee of n.v.t.")
        rows.append((code, answer, text))
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    key = str(project)[:500]

    def work(conn: Connection) -> int:
        werkruimte_id = _werkruimte_id(conn, werkruimte)
        conn.execute(werkhulp_answers.delete().where(
            werkhulp_answers.c.werkruimte_id == werkruimte_id, werkhulp_answers.c.project == key,
            werkhulp_answers.c.item.in_([code for code, _a, _n in rows])))
        kept = [{"werkruimte_id": werkruimte_id, "project": key, "project_name": str(name or "")[:500], "item": code,
                 "answer": answer, "note": note, "updated_at": now} for code, answer, note in rows if answer or note]
        if kept:
            conn.execute(werkhulp_answers.insert(), kept)
        return len(kept)

    return db.write(store.engine, work)


def all_answers(store: Store, werkruimte: str) -> pd.DataFrame:
    """Every stored answer of a werkruimte: ``project``, ``project_name``, ``item``, ``answer``, ``note``."""

    def work(conn: Connection) -> pd.DataFrame:
        werkruimte_id = _werkruimte_id(conn, werkruimte)
        rows = conn.execute(sa.select(werkhulp_answers.c.project, werkhulp_answers.c.project_name,
                                      werkhulp_answers.c.item, werkhulp_answers.c.answer, werkhulp_answers.c.note)
                            .where(werkhulp_answers.c.werkruimte_id == werkruimte_id)
                            .order_by(werkhulp_answers.c.project, werkhulp_answers.c.item)).all()
        return pd.DataFrame([tuple(r) for r in rows if r.item in ITEM_BY_CODE],
                            columns=["project", "project_name", "item", "answer", "note"])

    return db.read(store.engine, work)


# --------------------------------------------------------------------------------------------
# Tables (the page and the exports)
# --------------------------------------------------------------------------------------------


def flagged(internal: pd.DataFrame) -> int:
    """How many projects of an :func:`internal_regie` table carry a message."""
    return int((internal["Melding"] != "").sum())


def answered_projects(stored: pd.DataFrame, inv: Inventory) -> int:
    """How many projects of ``inv`` have at least one stored answer."""
    return int(stored.loc[stored["project"].isin(set(inv.projects["project"])), "project"].nunique())


def totals(stored: pd.DataFrame, projects: pd.Series) -> pd.DataFrame:
    """Per checklist item (Schema 2 and RIVM), summed over ``projects`` (the inventory's project keys): ``Lijst``,
    ``Niveau``, ``Taak``, then the number of projects per answer and ``Niet ingevuld``."""
    part = stored[stored["project"].isin(set(projects))]
    rows = []
    for item in ITEMS:
        if item.aid == OPDRACHT:
            continue
        given = part.loc[part["item"] == item.code, "answer"].value_counts()
        counts = {CHECK_LABELS[a]: int(given.get(a, 0)) for a in CHECK_ANSWERS}
        rows.append({"Lijst": AID_TITLES[item.aid], "Niveau": item.group, "Taak": item.text, **counts,
                     "Niet ingevuld": int(len(projects) - sum(counts.values()))})
    return pd.DataFrame(rows, columns=["Lijst", "Niveau", "Taak", *CHECK_LABELS.values(), "Niet ingevuld"])


def per_project(stored: pd.DataFrame, inv: Inventory) -> pd.DataFrame:
    """Per project of ``inv``: how far its Schema 2 checklist is (``Schema 2: ja``, ``… deels``, ``… nee``,
    ``… ingevuld`` of the total), RIVM's actions alike, and whether an opdracht is asked and written."""
    rows = []
    for key, name in zip(inv.projects["project"], inv.projects["naam"], strict=True):
        mine = stored[stored["project"] == key]
        row: dict[str, object] = {"Project": name}
        for aid, label in ((SCHEMA2, "Schema 2"), (RIVM, "RIVM")):
            codes = [i.code for i in ITEMS_OF[aid]]
            given = mine[mine["item"].isin(codes)]["answer"].value_counts()
            row[f"{label}: ja"] = int(given.get("ja", 0))
            row[f"{label}: deels"] = int(given.get("deels", 0))
            row[f"{label}: nee"] = int(given.get("nee", 0))
            row[f"{label}: ingevuld"] = f"{int(given.sum())} van {len(codes)}"
        phases = opdracht_phases(inv, key)
        written = int(mine["item"].isin([i.code for i in ITEMS_OF[OPDRACHT]]).sum())
        row["Opdracht nodig in"] = ", ".join(voc.phase_label(p) for p in phases) or "—"
        row["Opdracht beschreven"] = f"{written} van {len(OPDRACHT_PARTS)}" if phases or written else "—"
        rows.append(row)
    return pd.DataFrame(rows)


def detail(stored: pd.DataFrame, inv: Inventory) -> pd.DataFrame:
    """Every stored answer of the projects in ``inv``, for an export: ``Project``, ``Lijst``, ``Niveau``, ``Vraag``,
    ``Antwoord``, ``Toelichting``."""
    names = dict(zip(inv.projects["project"], inv.projects["naam"], strict=True))
    part = stored[stored["project"].isin(set(names))]
    return pd.DataFrame({
        "Project": [names[p] for p in part["project"]],
        "Lijst": [AID_TITLES[ITEM_BY_CODE[i].aid] for i in part["item"]],
        "Niveau": [ITEM_BY_CODE[i].group for i in part["item"]],
        "Vraag": [ITEM_BY_CODE[i].text for i in part["item"]],
        "Antwoord": [CHECK_LABELS.get(str(a), "—") if a else "—" for a in part["answer"]],
        "Toelichting": list(part["note"]),
    }, columns=["Project", "Lijst", "Niveau", "Vraag", "Antwoord", "Toelichting"])


__all__ = [
    "AID_SOURCES",
    "AID_TITLES",
    "CHECK_ANSWERS",
    "CHECK_LABELS",
    "ITEMS",
    "ITEMS_OF",
    "ITEM_BY_CODE",
    "OPDRACHT",
    "OPDRACHT_PARTS",
    "RIVM",
    "SCHEMA2",
    "AidItem",
    "Answer",
    "all_answers",
    "answered_projects",
    "answers",
    "detail",
    "internal_regie",
    "opdracht_phases",
    "per_project",
    "project_line",
    "save",
    "totals",
]
