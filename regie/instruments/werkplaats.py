"""Werkplaats: live workshop input on the participants' own devices, stored in a werkruimte.

A facilitator starts a werkplaats in a werkruimte (:func:`start`) and gets two secrets:

* the **code** (8 characters from an alphabet without look-alikes such as 0/O and 1/I/L, about
  8·10¹¹ possibilities): participants type it or open the link with it. The code lets a participant
  *answer* only — the zelfscan and, per chosen project and phase, the two questions "Welke rol speelt
  de gemeente in deze fase?" and "Welke rol zou ze moeten spelen?". It never shows results.
* the **facilitator key** (32 random URL-safe characters, only its sha256 is stored): results,
  progress, revealing and deleting need it. The facilitator's session keeps it; a co-facilitator
  gets it through the facilitator link.

Participants are anonymous: a random id kept in their own session (:func:`new_participant`). Every
participant has one vote per item and question and one answer per scan item: the primary keys of
the tables say so, and a new vote replaces the earlier one (an upsert), so concurrent votes are all
counted, each once. Results stay hidden until the facilitator reveals them; revealing also closes
the voting (a vote after seeing the others' would not be independent). Deleting the werkruimte
deletes its werkplaatsen with everything in them (foreign keys with ``ON DELETE CASCADE``).

Everything here is plain Python on top of :class:`regie.storage.Store`; the page only renders.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import io
import json
import os
import re
import secrets
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any, TypeVar
from urllib.parse import urlencode, urlsplit, urlunsplit

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError

from regie import vocabulary as voc
from regie.errors import ClosedError, UnknownCodeError, WerkplaatsError, WrongKeyError
from regie.instruments import zelfscan as scan
from regie.model import Inventory
from regie.storage import engine as db
from regie.storage.schema import (
    werkplaats_items,
    werkplaats_participants,
    werkplaats_scan,
    werkplaats_votes,
    werkplaatsen,
    werkruimtes,
)
from regie.storage.store import Store, clean_name, find_werkruimte_id

CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
"""Join-code characters: capitals and digits without 0/O, 1/I/L (read aloud and typed on a phone)."""
CODE_LENGTH = 8
KEY_BYTES = 24
"""Random bytes of the facilitator key (32 URL-safe characters)."""
PARTICIPANT_BYTES = 16
MAX_ITEMS = 40
"""Most project-phase items in one werkplaats (a phone screen, a workshop hour)."""

QUESTION_NOW = "speelt"
QUESTION_SHOULD = "moet"
QUESTIONS: dict[str, str] = {
    QUESTION_NOW: "Welke rol speelt de gemeente in deze fase?",
    QUESTION_SHOULD: "Welke rol zou ze moeten spelen?",
}
"""Question code → the question as asked."""
QUESTION_SHORT: dict[str, str] = {QUESTION_NOW: "Speelt nu", QUESTION_SHOULD: "Zou moeten"}
"""Question code → short label for charts and tables."""

VOTE_CHOICES: tuple[str, ...] = (*voc.ROLE_CODES, voc.UNKNOWN)
"""What a participant can answer: a role, or ``onbekend`` ("weet ik niet")."""
VOTE_LABELS: dict[str, str] = {r: voc.role_label(r) for r in voc.ROLE_CODES} | {voc.UNKNOWN: "Weet ik niet"}
SCAN_ANSWERS: tuple[str, ...] = voc.ANSWER_CODES

T = TypeVar("T")

_PARTICIPANT_PATTERN = re.compile(r"^[A-Za-z0-9_-]{16,64}$")






# --------------------------------------------------------------------------------------------
# Secrets
# --------------------------------------------------------------------------------------------


def new_code() -> str:
    """A random join code (:data:`CODE_LENGTH` characters of :data:`CODE_ALPHABET`)."""
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def new_key() -> str:
    """A random facilitator key."""
    return secrets.token_urlsafe(KEY_BYTES)


def new_participant() -> str:
    """A random, anonymous participant id (kept in the participant's session)."""
    return secrets.token_urlsafe(PARTICIPANT_BYTES)


def clean_code(text: object) -> str:
    """A typed code as stored: capitals, without spaces or dashes (``abcd-efgh`` → ``ABCDEFGH``)."""
    return re.sub(r"[\s\-]", "", str(text or "")).upper()


def _key_hash(key: str) -> str:
    return hashlib.sha256(str(key).encode("utf-8")).hexdigest()


def _check_participant(participant: str) -> str:
    if not isinstance(participant, str) or not _PARTICIPANT_PATTERN.match(participant):
        raise WerkplaatsError("Deze deelnemer is niet herkend. Open de werkplaats opnieuw met de code.")
    return participant


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def _insert(conn: Connection) -> Any:
    """The dialect's insert construct (with ``on_conflict_do_update``)."""
    return postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert


PAGE_PATH = "werkplaats"
"""The URL path of the Werkplaats page."""
PARAM_CODE = "code"
PARAM_KEY = "sleutel"
PARAM_PARTICIPANT = "deelnemer"


ENV_PUBLIC_URL = "REGIE_PUBLIC_URL"
"""The address at which the participants reach the app (``https://regie.gemeente.nl``), set by the
server's owner; without it the address the facilitator's browser shows is used."""
LOCAL_HOSTS = frozenset({"localhost", "127.0.0.1", "::1", "0.0.0.0"})


def public_base(current: str | None, configured: str | None = None) -> str | None:
    """The address to build the participants' link on: ``configured`` (default: ``REGIE_PUBLIC_URL``)
    when it is an http(s) address, else the facilitator's own address (``current``)."""
    chosen = configured if configured is not None else os.environ.get(ENV_PUBLIC_URL, "")
    chosen = chosen.strip()
    if chosen and urlsplit(chosen).scheme in ("http", "https") and urlsplit(chosen).netloc:
        return chosen
    return current


def only_this_computer(link: str | None) -> bool:
    """True when a link points at this computer only (localhost): phones in the room cannot open it."""
    if not link:
        return False
    host = (urlsplit(link).hostname or "").lower()
    return host in LOCAL_HOSTS


def qr_png(link: str, scale: int = 12) -> bytes:
    """The link as a QR code (PNG, made here by segno: no outside service), large enough to scan from
    the back of a room when shown full width."""
    import segno

    buffer = io.BytesIO()
    segno.make(link, error="m").save(buffer, kind="png", scale=scale, border=2)
    return buffer.getvalue()


def page_url(current: str | None) -> str | None:
    """The address of the Werkplaats page, from the address the browser shows now (any page of the
    app, query string dropped); None when unknown."""
    if not current:
        return None
    parts = urlsplit(str(current))
    if not parts.scheme or not parts.netloc:
        return None
    path = parts.path.rstrip("/")
    if path.rsplit("/", 1)[-1] != PAGE_PATH:
        path = (path.rsplit("/", 1)[0] if "/" in path and path.rsplit("/", 1)[-1] else path) + "/" + PAGE_PATH
    return urlunsplit((parts.scheme, parts.netloc, path, "", ""))


def join_link(base: str | None, code: str) -> str:
    """The participants' link (``…/werkplaats?code=ABCD2345``; relative when ``base`` is unknown)."""
    return f"{base or PAGE_PATH}?{urlencode({PARAM_CODE: code})}"


def facilitator_link(base: str | None, code: str, key: str) -> str:
    """The facilitators' link: code and key (whoever has it sees the results)."""
    return f"{base or PAGE_PATH}?{urlencode({PARAM_CODE: code, PARAM_KEY: key})}"


def valid_participant(text: object) -> bool:
    """True for a well-formed participant id (e.g. from the participant's own link)."""
    return isinstance(text, str) and bool(_PARTICIPANT_PATTERN.match(text))


# --------------------------------------------------------------------------------------------
# What the facilitator chooses: projects in phases, with the role the inventory gives them
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ItemSpec:
    """A project in a phase, to be asked about."""

    project_name: str
    phase: str
    inventory_roles: tuple[str, ...]
    """The role(s) the inventory gives the project in that phase (``("onbekend",)`` when none)."""


def project_choices(inv: Inventory) -> pd.DataFrame:
    """The inventory's projects to choose from: ``project`` (key), ``naam``, ``fasen`` (codes, in
    phase order), in the inventory's order."""
    phases = inv.phases[["project", "phase"]].drop_duplicates()
    order = {p: i for i, p in enumerate(voc.PHASE_CODES)}
    per_project: dict[str, list[str]] = {}
    for project, phase in phases.itertuples(index=False):
        if phase in order:
            per_project.setdefault(project, []).append(phase)
    rows = [
        {"project": key, "naam": _name(name, key),
         "fasen": tuple(sorted(set(per_project.get(key, [])), key=order.__getitem__))}
        for key, name in inv.projects[["project", "naam"]].itertuples(index=False)
    ]
    return pd.DataFrame(rows, columns=["project", "naam", "fasen"])


def _name(name: object, key: str) -> str:
    text = "" if name is None or (isinstance(name, float) and name != name) else str(name).strip()
    return text or key


def item_specs(inv: Inventory, projects: Iterable[str], phases: Iterable[str], own_phases_only: bool = True
               ) -> list[ItemSpec]:
    """The items for the chosen projects (keys) and phases: every project × phase, or, with
    ``own_phases_only``, only the chosen phases the project is in (all chosen phases when the
    inventory gives the project none). Each with the inventory's role(s) in that phase."""
    chosen_phases = [p for p in voc.PHASE_CODES if p in set(phases)]
    choices = project_choices(inv).set_index("project")
    roles = inv.roles[["project", "phase", "role"]].drop_duplicates()
    role_order = {r: i for i, r in enumerate(VOTE_CHOICES)}
    by_pair: dict[tuple[str, str], list[str]] = {}
    for project, phase, role in roles.itertuples(index=False):
        by_pair.setdefault((project, phase), []).append(role)
    specs: list[ItemSpec] = []
    for project in projects:
        if project not in choices.index:
            continue
        own = choices.at[project, "fasen"]
        wanted = [p for p in chosen_phases if p in own] if own_phases_only and own else chosen_phases
        for phase in wanted:
            found = sorted(set(by_pair.get((project, phase), [])), key=lambda r: role_order.get(r, 99))
            specs.append(ItemSpec(choices.at[project, "naam"], phase, tuple(found) or (voc.UNKNOWN,)))
    return specs


# --------------------------------------------------------------------------------------------
# What the API returns
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Item:
    """A stored item of a werkplaats."""

    id: int
    position: int
    project_name: str
    phase: str
    inventory_roles: tuple[str, ...]

    @property
    def label(self) -> str:
        """``Project — Fase`` (user text: show it as plain text)."""
        return f"{self.project_name} — {voc.phase_label(self.phase)}"


@dataclass(frozen=True)
class Werkplaats:
    """What a participant may see of a werkplaats: its questions, never its results."""

    code: str
    werkruimte: str
    title: str
    source: str
    """The inventory the projects came from (file name)."""
    scan: bool
    revealed: bool
    """True when the facilitator has shown the results (voting is closed)."""
    created: dt.datetime
    """UTC (timezone-aware)."""
    items: tuple[Item, ...]

    @property
    def open(self) -> bool:
        """True while participants can answer."""
        return not self.revealed


@dataclass(frozen=True)
class Started:
    """A new werkplaats with its two secrets."""

    werkplaats: Werkplaats
    code: str
    key: str


@dataclass(frozen=True)
class Progress:
    """How far the participants are (for the facilitator before the reveal): counts only."""

    participants: int
    scan_respondents: int
    votes: pd.DataFrame
    """Per item: ``item``, ``position``, ``label``, ``speelt``, ``moet`` (number of votes)."""
    perspectives: dict[str, int] = field(default_factory=dict)
    """Participants per perspective code (and ``onbekend`` for those who did not say yet)."""

    @property
    def vote_count(self) -> int:
        """All votes cast so far (both questions)."""
        return int(self.votes[QUESTION_NOW].sum() + self.votes[QUESTION_SHOULD].sum()) if len(self.votes) else 0

    def table(self) -> pd.DataFrame:
        """Per project and phase, the number of votes on each question (for the facilitator's screen)."""
        return self.votes.rename(columns={
            "label": "Project en fase", QUESTION_NOW: QUESTION_SHORT[QUESTION_NOW],
            QUESTION_SHOULD: QUESTION_SHORT[QUESTION_SHOULD],
        }).drop(columns=["item", "position"])


@dataclass(frozen=True)
class Results:
    """Everything the participants answered (for the facilitator, after the reveal)."""

    werkplaats: Werkplaats
    participants: int
    votes: pd.DataFrame
    """One row per item, question and role: ``item``, ``question``, ``role``, ``count`` (all roles
    of :data:`VOTE_CHOICES`, zeros included)."""
    scan_answers: pd.DataFrame
    """One row per participant and scan item answered: ``participant``, ``item``, ``answer``,
    ``perspective`` (the participant's, or ``onbekend``)."""
    votes_by_group: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(
        columns=["item", "question", "role", "group", "count"]))
    """As :attr:`votes`, per side (``group``: gemeente, partner or ``onbekend``), zeros included."""
    participants_by_group: dict[str, int] = field(default_factory=dict)
    """Participants per side (gemeente, partner, onbekend)."""
    group: str | None = None
    """None for everyone; a side when these results are :func:`for_group`'s part."""

    def item(self, item_id: int) -> Item:
        """The voted item with this id."""
        return next(i for i in self.werkplaats.items if i.id == item_id)

    @property
    def vote_count(self) -> int:
        """All votes cast."""
        return int(self.votes["count"].sum()) if len(self.votes) else 0


def items_table(werkplaats: Werkplaats) -> pd.DataFrame:
    """The voting questions: project, phase and the role the inventory names."""
    return pd.DataFrame([
        {"Project": i.project_name, "Fase": voc.phase_label(i.phase),
         "Rol in de inventaris": " / ".join(voc.role_label(r) for r in i.inventory_roles)}
        for i in werkplaats.items
    ], columns=["Project", "Fase", "Rol in de inventaris"])


# --------------------------------------------------------------------------------------------
# Facilitator
# --------------------------------------------------------------------------------------------


def start(store: Store, werkruimte: str, title: str, items: Iterable[ItemSpec], *, scan_included: bool = True,
          source: str = "") -> Started:
    """Start a werkplaats in an existing werkruimte; returns it with its code and facilitator key."""
    title = clean_name(title, "werkplaats")
    specs = list(items)
    if not specs and not scan_included:
        raise WerkplaatsError("Kies projecten om over te stemmen, of neem de zelfscan op: nu is er niets te vragen.")
    if len(specs) > MAX_ITEMS:
        raise WerkplaatsError(
            f"Dat zijn {len(specs)} vragen (project en fase); het maximum is {MAX_ITEMS}. Kies minder projecten of fasen."
        )
    for spec in specs:
        if spec.phase not in voc.PHASE_CODES:
            raise WerkplaatsError(f"Onbekende fase '{spec.phase}'; kies uit {', '.join(voc.PHASE_CODES)}.")
    key = new_key()
    now = _utcnow()

    def work(conn: Connection) -> str:
        werkruimte_id = _werkruimte_id(conn, werkruimte)
        for _attempt in range(20):
            code = new_code()
            taken = conn.execute(sa.select(werkplaatsen.c.id).where(werkplaatsen.c.code == code)).first()
            if taken is None:
                break
        else:  # pragma: no cover - 20 collisions in a space of 8·10¹¹
            raise WerkplaatsError("Er kon geen vrije code worden gemaakt. Probeer het opnieuw.")
        werkplaats_id = conn.execute(werkplaatsen.insert().values(
            werkruimte_id=werkruimte_id, code=code, key_hash=_key_hash(key), title=title,
            source=str(source or "")[:500], scan=bool(scan_included), revealed=False, created_at=now,
        )).inserted_primary_key[0]  # type: ignore[index]
        if specs:
            conn.execute(werkplaats_items.insert(), [
                {"werkplaats_id": werkplaats_id, "position": n, "project_name": spec.project_name[:500],
                 "phase": spec.phase, "inventory_roles": json.dumps(list(spec.inventory_roles))}
                for n, spec in enumerate(specs, start=1)
            ])
        return code

    code = _write(store, work)
    return Started(get(store, code), code, key)


def check_key(store: Store, code: str, key: str) -> Werkplaats:
    """The werkplaats when ``key`` is its facilitator key; :class:`WrongKeyError` otherwise."""

    def work(conn: Connection) -> Werkplaats:
        row = _row(conn, code)
        if not hmac.compare_digest(row.key_hash, _key_hash(key or "")):
            raise WrongKeyError(
                "Deze begeleiderssleutel hoort niet bij deze werkplaats. Open de werkplaats met de "
                "begeleiderslink die u bij het starten kreeg."
            )
        return _werkplaats(conn, row)

    return db.read(store.engine, work)


def progress(store: Store, code: str, key: str) -> Progress:
    """Participants and numbers of votes so far (no answers): for the facilitator."""
    werkplaats = check_key(store, code, key)

    def work(conn: Connection) -> Progress:
        werkplaats_id = _row(conn, code).id
        participants = _count_participants(conn, werkplaats_id)
        respondents = conn.execute(
            sa.select(sa.func.count(sa.distinct(werkplaats_scan.c.participant)))
            .where(werkplaats_scan.c.werkplaats_id == werkplaats_id)
        ).scalar_one()
        counts = conn.execute(
            sa.select(werkplaats_votes.c.item_id, werkplaats_votes.c.question, sa.func.count())
            .join(werkplaats_items, werkplaats_items.c.id == werkplaats_votes.c.item_id)
            .where(werkplaats_items.c.werkplaats_id == werkplaats_id)
            .group_by(werkplaats_votes.c.item_id, werkplaats_votes.c.question)
        ).all()
        per = {(item_id, question): int(n) for item_id, question, n in counts}
        rows = [
            {"item": i.id, "position": i.position, "label": i.label,
             QUESTION_NOW: per.get((i.id, QUESTION_NOW), 0), QUESTION_SHOULD: per.get((i.id, QUESTION_SHOULD), 0)}
            for i in werkplaats.items
        ]
        votes = pd.DataFrame(rows, columns=["item", "position", "label", QUESTION_NOW, QUESTION_SHOULD])
        said = conn.execute(
            sa.select(werkplaats_participants.c.perspective, sa.func.count())
            .where(werkplaats_participants.c.werkplaats_id == werkplaats_id)
            .group_by(werkplaats_participants.c.perspective)
        ).all()
        perspectives = {code: 0 for code in (*voc.PERSPECTIVE_CODES, voc.UNKNOWN)}
        for chosen, n in said:
            perspectives[chosen if chosen in voc.PERSPECTIVE_LABELS else voc.UNKNOWN] += int(n)
        return Progress(participants, int(respondents), votes, perspectives)

    return db.read(store.engine, work)


def set_revealed(store: Store, code: str, key: str, revealed: bool = True) -> Werkplaats:
    """Show the results and close the voting (``revealed``), or hide them and reopen the voting."""
    check_key(store, code, key)

    def work(conn: Connection) -> None:
        conn.execute(werkplaatsen.update().where(werkplaatsen.c.code == clean_code(code))
                     .values(revealed=bool(revealed)))

    _write(store, work)
    return get(store, code)


def results(store: Store, code: str, key: str) -> Results:
    """All votes and scan answers; only with the facilitator key and only after the reveal."""
    werkplaats = check_key(store, code, key)
    if not werkplaats.revealed:
        raise WerkplaatsError(
            "De resultaten zijn nog verborgen. Toon ze eerst; dat sluit ook de stemming."
        )

    def work(conn: Connection) -> Results:
        werkplaats_id = _row(conn, code).id
        rows = conn.execute(
            sa.select(werkplaats_votes.c.item_id, werkplaats_votes.c.question, werkplaats_votes.c.role,
                      sa.func.count())
            .join(werkplaats_items, werkplaats_items.c.id == werkplaats_votes.c.item_id)
            .where(werkplaats_items.c.werkplaats_id == werkplaats_id)
            .group_by(werkplaats_votes.c.item_id, werkplaats_votes.c.question, werkplaats_votes.c.role)
        ).all()
        counted = {(item_id, question, role): int(n) for item_id, question, role, n in rows}
        votes = pd.DataFrame(
            [{"item": i.id, "question": q, "role": r, "count": counted.get((i.id, q, r), 0)}
             for i in werkplaats.items for q in QUESTIONS for r in VOTE_CHOICES],
            columns=["item", "question", "role", "count"],
        )
        perspective = sa.func.coalesce(werkplaats_participants.c.perspective, voc.UNKNOWN)
        grouped_rows = conn.execute(
            sa.select(werkplaats_votes.c.item_id, werkplaats_votes.c.question, werkplaats_votes.c.role,
                      perspective, sa.func.count())
            .join(werkplaats_items, werkplaats_items.c.id == werkplaats_votes.c.item_id)
            .join(werkplaats_participants, sa.and_(
                werkplaats_participants.c.werkplaats_id == werkplaats_items.c.werkplaats_id,
                werkplaats_participants.c.participant == werkplaats_votes.c.participant))
            .where(werkplaats_items.c.werkplaats_id == werkplaats_id)
            .group_by(werkplaats_votes.c.item_id, werkplaats_votes.c.question, werkplaats_votes.c.role, perspective)
        ).all()
        by_group: dict[tuple[int, str, str, str], int] = {}
        for item_id, question, role, said, n in grouped_rows:
            key = (item_id, question, role, group_of(said))
            by_group[key] = by_group.get(key, 0) + int(n)
        groups = (*voc.GROUP_CODES, voc.UNKNOWN)
        votes_by_group = pd.DataFrame(
            [{"item": i.id, "question": q, "role": r, "group": g, "count": by_group.get((i.id, q, r, g), 0)}
             for i in werkplaats.items for q in QUESTIONS for r in VOTE_CHOICES for g in groups],
            columns=["item", "question", "role", "group", "count"],
        )
        people = conn.execute(
            sa.select(werkplaats_participants.c.participant, perspective)
            .where(werkplaats_participants.c.werkplaats_id == werkplaats_id)
        ).all()
        said_by = {participant: said for participant, said in people}
        per_group = {g: 0 for g in groups}
        for said in said_by.values():
            per_group[group_of(said)] += 1
        answers = conn.execute(
            sa.select(werkplaats_scan.c.participant, werkplaats_scan.c.item, werkplaats_scan.c.answer)
            .where(werkplaats_scan.c.werkplaats_id == werkplaats_id)
            .order_by(werkplaats_scan.c.participant, werkplaats_scan.c.item)
        ).all()
        scan_answers = pd.DataFrame(
            [(*a, said_by.get(a[0], voc.UNKNOWN)) for a in answers],
            columns=["participant", "item", "answer", "perspective"],
        )
        return Results(werkplaats, _count_participants(conn, werkplaats_id), votes, scan_answers,
                       votes_by_group, per_group)

    return db.read(store.engine, work)


def delete(store: Store, code: str, key: str) -> None:
    """Delete a werkplaats with all its votes and answers (needs the facilitator key)."""
    check_key(store, code, key)

    def work(conn: Connection) -> None:
        werkplaats_id = _row(conn, code).id
        items = sa.select(werkplaats_items.c.id).where(werkplaats_items.c.werkplaats_id == werkplaats_id)
        conn.execute(werkplaats_votes.delete().where(werkplaats_votes.c.item_id.in_(items)))
        conn.execute(werkplaats_items.delete().where(werkplaats_items.c.werkplaats_id == werkplaats_id))
        conn.execute(werkplaats_scan.delete().where(werkplaats_scan.c.werkplaats_id == werkplaats_id))
        conn.execute(werkplaats_participants.delete().where(werkplaats_participants.c.werkplaats_id == werkplaats_id))
        conn.execute(werkplaatsen.delete().where(werkplaatsen.c.id == werkplaats_id))

    _write(store, work)
    store.purge()


def count_in(store: Store, werkruimte: str) -> int:
    """How many werkplaatsen a werkruimte has (for the warning before deleting it)."""

    def work(conn: Connection) -> int:
        werkruimte_id = _werkruimte_id(conn, werkruimte)
        return int(conn.execute(
            sa.select(sa.func.count()).select_from(werkplaatsen).where(werkplaatsen.c.werkruimte_id == werkruimte_id)
        ).scalar_one())

    return db.read(store.engine, work)


# --------------------------------------------------------------------------------------------
# Participants
# --------------------------------------------------------------------------------------------


def get(store: Store, code: str) -> Werkplaats:
    """The werkplaats of a join code (its questions, not its results)."""
    return db.read(store.engine, lambda conn: _werkplaats(conn, _row(conn, code)))


def join(store: Store, code: str, participant: str) -> Werkplaats:
    """Register an anonymous participant (again: nothing changes) and return the werkplaats; after the
    reveal nobody new is registered (the werkplaats is returned, closed)."""
    participant = _check_participant(participant)

    def work(conn: Connection) -> None:
        row = _row(conn, code)
        if not row.revealed:
            _register(conn, row.id, participant)

    _write(store, work)
    return get(store, code)


def group_of(perspective: object) -> str:
    """The side a perspective counts for (gemeente, partner), or ``onbekend``."""
    return voc.PERSPECTIVE_GROUPS.get(str(perspective or ""), voc.UNKNOWN)


def scan_items_for(perspective: str | None) -> tuple[scan.ScanItem, ...]:
    """The zelfscan questions a participant with this perspective gets (:data:`zelfscan.AUDIENCE`)."""
    return tuple(i for i in scan.ITEMS if perspective in scan.AUDIENCE[i.source])


def set_perspective(store: Store, code: str, participant: str, perspective: str) -> None:
    """Record for whom a participant speaks (:data:`regie.vocabulary.PERSPECTIVES`); while the vote is open."""
    participant = _check_participant(participant)
    if perspective not in voc.PERSPECTIVE_LABELS:
        raise WerkplaatsError(
            f"'{perspective}' is geen keuze; kies uit {', '.join(voc.PERSPECTIVE_LABELS.values())}."
        )

    def work(conn: Connection) -> None:
        row = _open_row(conn, code)
        _register(conn, row.id, participant)
        conn.execute(werkplaats_participants.update().where(
            werkplaats_participants.c.werkplaats_id == row.id,
            werkplaats_participants.c.participant == participant,
        ).values(perspective=perspective))
        allowed = [i.code for i in scan_items_for(perspective)]
        conn.execute(werkplaats_scan.delete().where(  # answers to questions that are not theirs any more
            werkplaats_scan.c.werkplaats_id == row.id, werkplaats_scan.c.participant == participant,
            werkplaats_scan.c.item.not_in(allowed),
        ))

    _write(store, work)


def perspective_of(store: Store, code: str, participant: str) -> str | None:
    """The perspective a participant chose in this werkplaats, or None."""
    participant = _check_participant(participant)

    def work(conn: Connection) -> str | None:
        werkplaats_id = _row(conn, code).id
        said = conn.execute(sa.select(werkplaats_participants.c.perspective).where(
            werkplaats_participants.c.werkplaats_id == werkplaats_id,
            werkplaats_participants.c.participant == participant,
        )).scalar()
        return str(said) if said in voc.PERSPECTIVE_LABELS else None

    return db.read(store.engine, work)


def vote(store: Store, code: str, participant: str, choices: Mapping[tuple[int, str], str]) -> int:
    """Store a participant's votes: ``{(item id, question): role}``; a vote replaces their earlier
    one for that item and question. All in one transaction; returns the number of votes stored."""
    participant = _check_participant(participant)
    for (_item, question), role in choices.items():
        if question not in QUESTIONS:
            raise WerkplaatsError(f"Onbekende vraag '{question}'.")
        if role not in VOTE_CHOICES:
            raise WerkplaatsError(f"'{role}' is geen rol; kies uit {', '.join(VOTE_LABELS.values())}.")

    def work(conn: Connection) -> int:
        row = _open_row(conn, code)
        valid = set(conn.execute(
            sa.select(werkplaats_items.c.id).where(werkplaats_items.c.werkplaats_id == row.id)
        ).scalars())
        unknown = {item for item, _question in choices if item not in valid}
        if unknown:
            raise WerkplaatsError("Een van de vragen hoort niet bij deze werkplaats. Laad de pagina opnieuw.")
        _register(conn, row.id, participant)
        if not choices:
            return 0
        now = _utcnow()
        insert = _insert(conn)(werkplaats_votes)
        conn.execute(
            insert.on_conflict_do_update(
                index_elements=[werkplaats_votes.c.item_id, werkplaats_votes.c.question,
                                werkplaats_votes.c.participant],
                set_={"role": insert.excluded.role, "updated_at": insert.excluded.updated_at},
            ),
            [{"item_id": item, "question": question, "participant": participant, "role": role, "updated_at": now}
             for (item, question), role in choices.items()],
        )
        return len(choices)

    return _write(store, work)


def answer_scan(store: Store, code: str, participant: str, answers: Mapping[str, str | None]) -> int:
    """Store a participant's zelfscan answers (``{item code: ja/deels/nee}``; None removes one);
    an answer replaces their earlier one. Returns the number of answers stored."""
    participant = _check_participant(participant)
    for item, answer in answers.items():
        if item not in scan.ITEM_BY_CODE:
            raise WerkplaatsError(f"Onbekende vraag '{item}' in de zelfscan.")
        if answer is not None and answer not in SCAN_ANSWERS:
            raise WerkplaatsError(f"'{answer}' is geen antwoord; kies ja, deels of nee.")

    def work(conn: Connection) -> int:
        row = _open_row(conn, code)
        if not row.scan:
            raise WerkplaatsError("Deze werkplaats heeft geen zelfscan.")
        _register(conn, row.id, participant)
        said = conn.execute(sa.select(werkplaats_participants.c.perspective).where(
            werkplaats_participants.c.werkplaats_id == row.id,
            werkplaats_participants.c.participant == participant,
        )).scalar()
        allowed = {i.code for i in scan_items_for(said)}
        outside = sorted({scan.ITEM_BY_CODE[item].source for item in answers if item not in allowed})
        if outside:
            raise WerkplaatsError(
                "Deze vragen zijn niet voor u: " + " en ".join(
                    f"die van {scan.SOURCE_LABELS[s]} zijn voor {scan.AUDIENCE_WORDS[s]}" for s in outside)
                + ". Zeg bovenaan voor wie u spreekt."
            )
        given = {item: answer for item, answer in answers.items() if answer is not None}
        cleared = [item for item, answer in answers.items() if answer is None]
        if cleared:
            conn.execute(werkplaats_scan.delete().where(
                werkplaats_scan.c.werkplaats_id == row.id, werkplaats_scan.c.participant == participant,
                werkplaats_scan.c.item.in_(cleared),
            ))
        if given:
            now = _utcnow()
            insert = _insert(conn)(werkplaats_scan)
            conn.execute(
                insert.on_conflict_do_update(
                    index_elements=[werkplaats_scan.c.werkplaats_id, werkplaats_scan.c.participant,
                                    werkplaats_scan.c.item],
                    set_={"answer": insert.excluded.answer, "updated_at": insert.excluded.updated_at},
                ),
                [{"werkplaats_id": row.id, "participant": participant, "item": item, "answer": answer,
                  "updated_at": now} for item, answer in given.items()],
            )
        return len(given)

    return _write(store, work)


def my_answers(store: Store, code: str, participant: str) -> tuple[dict[tuple[int, str], str], dict[str, str]]:
    """A participant's own votes ``{(item, question): role}`` and scan answers ``{item: answer}``
    (to show them again); never anyone else's."""
    participant = _check_participant(participant)

    def work(conn: Connection) -> tuple[dict[tuple[int, str], str], dict[str, str]]:
        werkplaats_id = _row(conn, code).id
        votes = conn.execute(
            sa.select(werkplaats_votes.c.item_id, werkplaats_votes.c.question, werkplaats_votes.c.role)
            .join(werkplaats_items, werkplaats_items.c.id == werkplaats_votes.c.item_id)
            .where(werkplaats_items.c.werkplaats_id == werkplaats_id, werkplaats_votes.c.participant == participant)
        ).all()
        answers = conn.execute(
            sa.select(werkplaats_scan.c.item, werkplaats_scan.c.answer)
            .where(werkplaats_scan.c.werkplaats_id == werkplaats_id, werkplaats_scan.c.participant == participant)
        ).all()
        return {(i, q): r for i, q, r in votes}, {i: a for i, a in answers}

    return db.read(store.engine, work)


# --------------------------------------------------------------------------------------------
# Results as tables (the charts in regie.charts.werkplaats draw these)
# --------------------------------------------------------------------------------------------


def item_votes(res: Results, item_id: int) -> pd.DataFrame:
    """One item's vote distribution: ``role``, ``rol`` (label), ``speelt``, ``moet`` (counts),
    ``inventaris`` (True for the role(s) the inventory gives), in :data:`VOTE_CHOICES` order."""
    item = res.item(item_id)
    frame = res.votes[res.votes["item"] == item_id]
    table = frame.pivot_table(index="role", columns="question", values="count", aggfunc="sum", fill_value=0)
    table = table.reindex(index=list(VOTE_CHOICES), columns=list(QUESTIONS), fill_value=0)
    return pd.DataFrame({
        "role": list(VOTE_CHOICES),
        "rol": [VOTE_LABELS[r] for r in VOTE_CHOICES],
        QUESTION_NOW: [int(v) for v in table[QUESTION_NOW]],
        QUESTION_SHOULD: [int(v) for v in table[QUESTION_SHOULD]],
        "inventaris": [r in item.inventory_roles for r in VOTE_CHOICES],
    })


def _most(counts: Mapping[str, int]) -> list[str]:
    top = max(counts.values(), default=0)
    return [r for r in VOTE_CHOICES if top and counts.get(r, 0) == top]


def summary(res: Results) -> pd.DataFrame:
    """Per item: the inventory's role beside the votes. Columns ``item``, ``Project``, ``Fase``,
    ``Rol in de inventaris``, ``Stemmen`` (on "speelt"), ``Meeste stemmen: speelt nu``, ``Eens met
    de inventaris`` (share of "speelt" votes for an inventory role, NaN without votes), ``Meeste
    stemmen: zou moeten``, ``Wil verandering`` (share of "moet" votes for another role than the
    inventory's; NaN without votes). Ties list every role with the most votes ("Regisseur / Partner")."""
    rows = []
    for item in res.werkplaats.items:
        table = item_votes(res, item.id)
        now = dict(zip(table["role"], table[QUESTION_NOW], strict=True))
        should = dict(zip(table["role"], table[QUESTION_SHOULD], strict=True))
        known = [r for r in item.inventory_roles if r != voc.UNKNOWN]
        total_now, total_should = sum(now.values()), sum(should.values())
        agree = sum(now[r] for r in known) / total_now if total_now and known else float("nan")
        change = (sum(v for r, v in should.items() if r not in known) / total_should
                  if total_should and known else float("nan"))
        rows.append({
            "item": item.id,
            "Project": item.project_name,
            "Fase": voc.phase_label(item.phase),
            "Rol in de inventaris": " / ".join(voc.role_label(r) for r in item.inventory_roles),
            "Stemmen": total_now,
            "Meeste stemmen: speelt nu": " / ".join(VOTE_LABELS[r] for r in _most(now)) or "—",
            "Eens met de inventaris": agree,
            "Meeste stemmen: zou moeten": " / ".join(VOTE_LABELS[r] for r in _most(should)) or "—",
            "Wil verandering": change,
        })
    columns = ["item", "Project", "Fase", "Rol in de inventaris", "Stemmen", "Meeste stemmen: speelt nu",
               "Eens met de inventaris", "Meeste stemmen: zou moeten", "Wil verandering"]
    return pd.DataFrame(rows, columns=columns)


def for_group(res: Results, group: str | None) -> Results:
    """The part of the results one side gave (``gemeente`` or ``partner``); None: everyone's."""
    if group is None:
        return res
    if group not in voc.GROUP_LABELS:
        raise WerkplaatsError(f"Onbekende kant '{group}'; kies uit {', '.join(voc.GROUP_LABELS)}.")
    part = res.votes_by_group[res.votes_by_group["group"] == group]
    votes = part.drop(columns=["group"]).reset_index(drop=True)
    answers = res.scan_answers[res.scan_answers["perspective"].map(group_of) == group].reset_index(drop=True)
    return replace(res, participants=int(res.participants_by_group.get(group, 0)), votes=votes,
                   scan_answers=answers, group=group)


def perspective_summary(res: Results) -> pd.DataFrame:
    """Per item: the role the gemeente's participants and the partners' participants voted most, and whether
    they see the same role. Columns ``item``, ``Project``, ``Fase``, ``Rol in de inventaris``, then per
    question ``Gemeente: …``, ``Partners: …`` and ``Zelfde rol: …`` (Ja, Nee, or — when a side did not vote)."""
    parts = {g: for_group(res, g) for g in voc.GROUP_CODES}
    rows = []
    for item in res.werkplaats.items:
        row: dict[str, object] = {
            "item": item.id, "Project": item.project_name, "Fase": voc.phase_label(item.phase),
            "Rol in de inventaris": " / ".join(voc.role_label(r) for r in item.inventory_roles),
        }
        for question in QUESTIONS:
            most = {}
            for g, part in parts.items():
                table = item_votes(part, item.id)
                most[g] = _most(dict(zip(table["role"], table[question], strict=True)))
                row[f"{voc.GROUP_LABELS[g]}: {QUESTION_SHORT[question].lower()}"] = (
                    " / ".join(VOTE_LABELS[r] for r in most[g]) or "—")
            gemeente, partner = most["gemeente"], most["partner"]
            row[f"Zelfde rol: {QUESTION_SHORT[question].lower()}"] = (
                "—" if not gemeente or not partner else "Ja" if set(gemeente) & set(partner) else "Nee")
        rows.append(row)
    columns = ["item", "Project", "Fase", "Rol in de inventaris"] + [
        f"{label}: {QUESTION_SHORT[q].lower()}" for q in QUESTIONS
        for label in (*(voc.GROUP_LABELS[g] for g in voc.GROUP_CODES), "Zelfde rol")
    ]
    return pd.DataFrame(rows, columns=columns)


def scan_distribution(res: Results) -> pd.DataFrame:
    """Per zelfscan item (in :data:`zelfscan.ITEMS` order): ``item``, ``source`` (louweret, oosterhof),
    ``question``, ``ja``, ``deels``, ``nee`` (numbers of participants)."""
    answers = res.scan_answers
    rows = []
    for item in scan.ITEMS:
        given = answers[answers["item"] == item.code]["answer"].value_counts()
        rows.append({"item": item.code, "source": item.source, "question": item.question,
                     **{a: int(given.get(a, 0)) for a in SCAN_ANSWERS}})
    return pd.DataFrame(rows, columns=["item", "source", "question", *SCAN_ANSWERS])


def scan_checklists(res: Results) -> pd.DataFrame:
    """Per checklist (Louweret, Oosterhof; never merged): ``source``, ``respondents`` (participants who
    answered at least one of its items), ``all_yes`` (items every participant who answered them
    answered ja), ``total`` (8) and ``open`` (the other answered items' codes, in order)."""
    dist = scan_distribution(res)
    rows = []
    for source, items in scan.ITEMS_OF.items():
        part = dist[dist["source"] == source]
        answered = part[(part["ja"] + part["deels"] + part["nee"]) > 0]
        all_yes = answered[(answered["deels"] + answered["nee"]) == 0]
        who = res.scan_answers[res.scan_answers["item"].isin([i.code for i in items])]["participant"]
        rows.append({"source": source, "respondents": int(who.nunique()), "all_yes": len(all_yes),
                     "total": len(items), "open": tuple(c for c in answered["item"] if c not in set(all_yes["item"]))})
    return pd.DataFrame(rows, columns=["source", "respondents", "all_yes", "total", "open"])


def scan_respondents(res: Results) -> int:
    """Participants who answered at least one scan question."""
    return int(res.scan_answers["participant"].nunique()) if len(res.scan_answers) else 0


# --------------------------------------------------------------------------------------------
# Internals
# --------------------------------------------------------------------------------------------


def _write(store: Store, work: Callable[[Connection], T]) -> T:
    try:
        return db.write(store.engine, work)
    except IntegrityError as exc:
        raise db.StorageError(
            "De werkplaats is intussen veranderd of verwijderd. Laad de pagina opnieuw en probeer het nog eens."
        ) from exc


def _werkruimte_id(conn: Connection, werkruimte: str) -> int:
    found = find_werkruimte_id(conn, werkruimte)
    if found is None:
        raise WerkplaatsError(
            f"Werkruimte '{' '.join(str(werkruimte).split())}' bestaat niet. Maak hem eerst op de pagina Werkruimtes."
        )
    return found


def _row(conn: Connection, code: str) -> Any:
    cleaned = clean_code(code)
    row = None
    if cleaned and len(cleaned) <= 16:
        row = conn.execute(
            sa.select(werkplaatsen, werkruimtes.c.name.label("werkruimte"))
            .join(werkruimtes, werkruimtes.c.id == werkplaatsen.c.werkruimte_id)
            .where(werkplaatsen.c.code == cleaned)
        ).first()
    if row is None:
        raise UnknownCodeError(
            "Er is geen werkplaats met deze code. Controleer de code (letters en cijfers, zoals de begeleider "
            "hem laat zien) of vraag de begeleider om de link."
        )
    return row


def _open_row(conn: Connection, code: str) -> Any:
    row = _row(conn, code)
    if row.revealed:
        raise ClosedError(
            "De stemming is gesloten: de begeleider laat de resultaten zien. Kijk mee op het scherm van de begeleider."
        )
    return row


def _werkplaats(conn: Connection, row: Any) -> Werkplaats:
    items = conn.execute(
        sa.select(werkplaats_items).where(werkplaats_items.c.werkplaats_id == row.id)
        .order_by(werkplaats_items.c.position)
    ).all()
    return Werkplaats(
        code=row.code, werkruimte=row.werkruimte, title=row.title, source=row.source, scan=bool(row.scan),
        revealed=bool(row.revealed), created=row.created_at.replace(tzinfo=dt.UTC),
        items=tuple(Item(int(i.id), int(i.position), i.project_name, i.phase,
                         tuple(json.loads(i.inventory_roles))) for i in items),
    )


def _register(conn: Connection, werkplaats_id: int, participant: str) -> None:
    insert = _insert(conn)(werkplaats_participants).values(
        werkplaats_id=werkplaats_id, participant=participant, joined_at=_utcnow(),
    )
    conn.execute(insert.on_conflict_do_nothing(
        index_elements=[werkplaats_participants.c.werkplaats_id, werkplaats_participants.c.participant]
    ))


def _count_participants(conn: Connection, werkplaats_id: int) -> int:
    return int(conn.execute(
        sa.select(sa.func.count()).select_from(werkplaats_participants)
        .where(werkplaats_participants.c.werkplaats_id == werkplaats_id)
    ).scalar_one())
