"""Werkruimtes and their snapshots ("momentopnamen"): the operations the page and the CLI use.

A snapshot keeps the file bytes and the review choices, and re-maps them when loaded, so every page
shows it as it was; the analysis at save time is stored too and :meth:`Snapshot.reproduces` checks
that the re-mapped inventory still gives exactly that analysis. Without the user's consent the
stored bytes are a copy without personal data (:mod:`regie.storage.sanitise`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import URL, Connection
from sqlalchemy.exc import IntegrityError, OperationalError

from regie.analysis import analyse
from regie.analysis.compare import Comparison, compare
from regie.errors import DuplicateError, InvalidNameError, RegieError, UnknownSnapshotError, UnknownWerkruimteError
from regie.formatting import nl_datetime
from regie.mapping import REVIEWABLE, map_inventory
from regie.model import Inventory
from regie.reading import read_workbook
from regie.storage import engine as db
from regie.storage import keys, migrations
from regie.storage.sanitise import Removed, strip_personal_data
from regie.storage.schema import snapshot_files, snapshots, werkruimte_mappings, werkruimtes

log = logging.getLogger(__name__)

MAX_NAME = 200
"""Longest werkruimte name or snapshot label."""






# --------------------------------------------------------------------------------------------
# What the API returns
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class WerkruimteInfo:
    """A werkruimte with its headline facts."""

    name: str
    created: dt.datetime
    """UTC (timezone-aware)."""
    snapshots: int
    last_saved: dt.datetime | None
    mappings: int
    """Number of value mappings applied to the next upload."""
    id: int = 0
    """The database id (access is granted per id, so a rename keeps it)."""
    has_key: bool = False
    """True when the werkruimte has a werkruimte key (:mod:`regie.storage.access`)."""


@dataclass(frozen=True)
class SnapshotInfo:
    """A snapshot without its file: what lists show."""

    werkruimte: str
    label: str
    created: dt.datetime
    """UTC (timezone-aware); show it with ``formatting.nl_datetime(local_time(created))``."""
    file_name: str
    sha256: str
    """Of the file as uploaded."""
    size: int
    """Bytes stored (the copy without personal data when that was not kept)."""
    notes: str
    personal_data: bool
    """True when the stored file may hold personal data (the user chose to keep it)."""
    headline: dict[str, Any]
    """``counts``, ``phases``, ``elements`` of the analysis, and the number of ``fout``/``waarschuwing``."""

    @property
    def projects(self) -> int:
        """Number of projects."""
        return int(self.headline.get("counts", {}).get("projects", 0))

    def to_dict(self) -> dict[str, Any]:
        """The JSON form of ``python -m regie werkruimte lijst --json``."""
        counts = self.headline.get("counts", {})
        return {
            "werkruimte": self.werkruimte,
            "label": self.label,
            "tijd": self.created.isoformat(),
            "bestand": self.file_name,
            "projects": self.projects,
            "partners": int(counts.get("partners", 0)),
            "involvements": int(counts.get("involvements", 0)),
            "team": int(counts.get("team", 0)),
            "phases": self.headline.get("phases", {}),
            "fouten": int(self.headline.get("fout", 0)),
            "waarschuwingen": int(self.headline.get("waarschuwing", 0)),
            "persoonsgegevens": self.personal_data,
            "notities": self.notes,
            "sha256": self.sha256,
            "bytes": self.size,
        }


@dataclass(frozen=True)
class Snapshot:
    """A loaded snapshot: the stored file, the review choices and the analysis at save time."""

    info: SnapshotInfo
    data: bytes
    value_mappings: dict[str, dict[str, str]]
    accepted_elements: dict[str, list[str]]
    analysis: dict[str, Any]
    """The analysis (docs/inventaris.md JSON) as it was when saved."""

    def inventory(self) -> Inventory:
        """The inventory: the stored file mapped with the stored choices."""
        raw = read_workbook(self.data, self.info.file_name)
        return map_inventory(raw, self.value_mappings, self.accepted_elements)

    def reproduces(self, inventory: Inventory | None = None) -> bool:
        """True when the inventory (mapped now) gives exactly the analysis saved with the snapshot.

        False means the program's mapping rules changed since the snapshot was saved.
        """
        return _json(analyse(inventory if inventory is not None else self.inventory())) == self.analysis


@dataclass(frozen=True)
class SaveResult:
    """What :meth:`Store.save_snapshot` did."""

    info: SnapshotInfo
    analysis: dict[str, Any]
    removed: Removed | None
    """What was left out of the stored file (None when the user kept personal data)."""
    created_werkruimte: bool


@dataclass(frozen=True)
class Prepared:
    """A file ready to store: the bytes to keep and their analysis."""

    data: bytes
    analysis: dict[str, Any]
    removed: Removed | None
    value_mappings: dict[str, dict[str, str]] = field(default_factory=dict)
    accepted_elements: dict[str, list[str]] = field(default_factory=dict)


# --------------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------------


def _json(value: Any) -> Any:
    """The value as it comes back from JSON (tuples become lists): for exact comparisons."""
    return json.loads(json.dumps(value, ensure_ascii=False))


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def _aware(moment: dt.datetime) -> dt.datetime:
    return moment.replace(tzinfo=dt.UTC) if moment.tzinfo is None else moment.astimezone(dt.UTC)


def _aware_or_none(moment: dt.datetime | None) -> dt.datetime | None:
    return None if moment is None else _aware(moment)


def local_time(moment: dt.datetime) -> dt.datetime:
    """A UTC moment in Dutch time (Europe/Amsterdam), for display."""
    from zoneinfo import ZoneInfo

    try:
        return moment.astimezone(ZoneInfo("Europe/Amsterdam"))
    except Exception:  # no time zone data on this system: show UTC
        log.warning("no time zone data for Europe/Amsterdam; times are shown in UTC")
        return moment


def snapshots_table(infos: Iterable[SnapshotInfo]) -> pd.DataFrame:
    """The snapshots as the Werkruimtes page lists them (Dutch headers, local times)."""
    return pd.DataFrame([{
        "Label": s.label,
        "Opgeslagen": nl_datetime(local_time(s.created)),
        "Bestand": s.file_name,
        "Projecten": s.projects,
        "Fouten": int(s.headline.get("fout", 0)),
        "Waarschuwingen": int(s.headline.get("waarschuwing", 0)),
        "Persoonsgegevens": "bewaard" if s.personal_data else "niet bewaard",
        "Duiding": s.notes,
    } for s in infos], columns=["Label", "Opgeslagen", "Bestand", "Projecten", "Fouten", "Waarschuwingen",
                                "Persoonsgegevens", "Duiding"])


def clean_name(text: str, what: str = "werkruimte") -> str:
    """A name or label with its white space tidied; Dutch error when empty or too long."""
    name = " ".join(str(text or "").split())
    if not name:
        raise InvalidNameError(f"Geef de {what} een naam (een label van minstens één teken).")
    if len(name) > MAX_NAME:
        raise InvalidNameError(f"De naam van de {what} is te lang ({len(name)} tekens); het maximum is {MAX_NAME}.")
    return name


def name_key(name: str) -> str:
    """Identity of a name: case-insensitive, white space tidied."""
    return " ".join(name.split()).casefold()


def find_werkruimte_id(conn: Connection, name: str) -> int | None:
    """The id of the werkruimte called ``name`` (case and spacing aside), or None. Says nothing about access."""
    row = conn.execute(sa.select(werkruimtes.c.id).where(werkruimtes.c.name_key == name_key(name))).first()
    return None if row is None else int(row[0])


def headline(analysis: Mapping[str, Any]) -> dict[str, Any]:
    """The numbers a list of snapshots shows (same shape as schema migration 3 fills in)."""
    issues = analysis.get("issues", [])
    errors = sum(1 for i in issues if i.get("severity") == "fout")
    return {
        "counts": dict(analysis.get("counts", {})),
        "phases": dict(analysis.get("phases", {})),
        "elements": dict(analysis.get("elements", {})),
        "fout": errors,
        "waarschuwing": len(issues) - errors,
    }


def check_mappings(value_mappings: Mapping[str, Mapping[str, str]] | None) -> dict[str, dict[str, str]]:
    """Value mappings as plain dicts, each field and code checked against the vocabularies."""
    result: dict[str, dict[str, str]] = {}
    for field_name, chosen in (value_mappings or {}).items():
        vocab = REVIEWABLE.get(field_name)
        if vocab is None:
            raise InvalidNameError(
                f"Onbekend soort waarde '{field_name}' in de koppelingen; gebruik {', '.join(REVIEWABLE)}."
            )
        for original, code in chosen.items():
            if code not in vocab.codes:
                raise InvalidNameError(
                    f"'{code}' is geen geldige {field_name}; kies uit {', '.join(vocab.codes)}."
                )
            if str(original).strip():
                result.setdefault(field_name, {})[str(original)] = str(code)
    return result


def _check_accepted(accepted: Mapping[str, Iterable[str]] | None) -> dict[str, list[str]]:
    return {str(project): [str(e) for e in elements] for project, elements in (accepted or {}).items()}


def _core(analysis: Mapping[str, Any]) -> dict[str, Any]:
    """The counted parts of an analysis (not the messages, not the row bookkeeping)."""
    return {k: v for k, v in analysis.items() if k not in ("issues", "rows")}


def prepare(
    data: bytes,
    file_name: str,
    value_mappings: Mapping[str, Mapping[str, str]] | None = None,
    accepted_elements: Mapping[str, Iterable[str]] | None = None,
    keep_personal_data: bool = False,
) -> Prepared:
    """Read, (strip,) map and analyse a file for storing; the heavy work, outside any transaction.

    Without ``keep_personal_data`` the stored bytes are the copy without personal data, and its
    analysis must count exactly what the original counts (else a Dutch error, nothing stored).
    """
    mappings = check_mappings(value_mappings)
    accepted = _check_accepted(accepted_elements)
    raw = read_workbook(data, file_name)
    analysis = _json(analyse(map_inventory(raw, mappings, accepted)))
    if keep_personal_data:
        return Prepared(bytes(data), analysis, None, mappings, accepted)
    stored, removed = strip_personal_data(data, file_name, raw)
    stripped = _json(analyse(map_inventory(read_workbook(stored, file_name), mappings, accepted)))
    if _core(stripped) != _core(analysis):
        raise RegieError(
            f"Zonder persoonsgegevens zou '{file_name}' andere aantallen geven; daarom is niets opgeslagen. "
            "Sla het bestand op als .xlsx en probeer het opnieuw, of kies voor het bewaren van persoonsgegevens."
        )
    return Prepared(stored, stripped, removed, mappings, accepted)


# --------------------------------------------------------------------------------------------
# The store
# --------------------------------------------------------------------------------------------


class Store:
    """Werkruimtes and snapshots in one database (thread-safe; one per process is enough).

    ``Store(url)`` opens (and creates or upgrades) the database: ``url`` if given, else
    ``REGIE_DATABASE_URL``, else the SQLite file in the user's data directory.
    """

    def __init__(self, url: str | URL | None = None, *, migrate: bool = True) -> None:
        self.url = db.resolve_url(url)
        self.engine = db.create(self.url)
        self.version = migrations.migrate(self.engine) if migrate else None

    def close(self) -> None:
        """Release the connections."""
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def location(self) -> str:
        """Where the data is stored, in Dutch (no password): the file or host, for the server's owner."""
        return db.describe_url(self.url)

    @property
    def kind(self) -> str:
        """Where the data is stored as the app's users may see it: the kind of database, no path or host."""
        return db.describe_url(self.url, for_users=True)

    # -- werkruimtes --------------------------------------------------------------------------

    def werkruimtes(self) -> list[WerkruimteInfo]:
        """All werkruimtes, by name."""

        def work(conn: Connection) -> list[WerkruimteInfo]:
            counts = (
                sa.select(snapshots.c.werkruimte_id, sa.func.count().label("n"),
                          sa.func.max(snapshots.c.created_at).label("last"))
                .group_by(snapshots.c.werkruimte_id).subquery()
            )
            maps = (
                sa.select(werkruimte_mappings.c.werkruimte_id, sa.func.count().label("m"))
                .group_by(werkruimte_mappings.c.werkruimte_id).subquery()
            )
            rows = conn.execute(
                sa.select(werkruimtes.c.id, werkruimtes.c.name, werkruimtes.c.created_at, werkruimtes.c.key_hash,
                          counts.c.n, counts.c.last, maps.c.m)
                .outerjoin(counts, counts.c.werkruimte_id == werkruimtes.c.id)
                .outerjoin(maps, maps.c.werkruimte_id == werkruimtes.c.id)
                .order_by(werkruimtes.c.name_key)
            ).all()
            return [
                WerkruimteInfo(r.name, _aware(r.created_at), int(r.n or 0), _aware_or_none(r.last), int(r.m or 0),
                               int(r.id), r.key_hash is not None)
                for r in rows
            ]

        return db.read(self.engine, work)

    def werkruimte(self, name: str) -> WerkruimteInfo:
        """One werkruimte (name matched ignoring case and spaces); :class:`UnknownWerkruimteError` if none."""
        key = name_key(name)
        for info in self.werkruimtes():
            if name_key(info.name) == key:
                return info
        raise self._unknown_werkruimte(name, [w.name for w in self.werkruimtes()])

    def create_werkruimte(self, name: str) -> WerkruimteInfo:
        """A new, empty werkruimte; :class:`DuplicateError` when the name is taken."""
        name = clean_name(name)

        def work(conn: Connection) -> None:
            if self._find_werkruimte_id(conn, name) is not None:
                raise DuplicateError(f"Er is al een werkruimte '{name}'. Kies een andere naam.")
            conn.execute(werkruimtes.insert().values(name=name, name_key=name_key(name), created_at=_utcnow()))

        self._write(work, duplicate=f"Er is al een werkruimte '{name}'. Kies een andere naam.")
        return self.werkruimte(name)

    def create_werkruimte_with_key(self, name: str) -> tuple[WerkruimteInfo, str]:
        """A new, empty werkruimte with a fresh werkruimte key, in one transaction; returns the key once
        (only its scrypt hash is stored). :class:`DuplicateError` when the name is taken."""
        name = clean_name(name)
        key = keys.new_key()
        hashed = keys.hash_key(key)

        def work(conn: Connection) -> None:
            if self._find_werkruimte_id(conn, name) is not None:
                raise DuplicateError(f"Er is al een werkruimte '{name}'. Kies een andere naam.")
            conn.execute(werkruimtes.insert().values(name=name, name_key=name_key(name), created_at=_utcnow(),
                                                     key_hash=hashed))

        self._write(work, duplicate=f"Er is al een werkruimte '{name}'. Kies een andere naam.")
        return self.werkruimte(name), key

    def new_key(self, name: str) -> str:
        """Give a werkruimte a fresh key (the old one stops working); returns it once."""
        key = keys.new_key()
        hashed = keys.hash_key(key)

        def work(conn: Connection) -> None:
            werkruimte_id = self._werkruimte_id(conn, name)
            conn.execute(werkruimtes.update().where(werkruimtes.c.id == werkruimte_id).values(key_hash=hashed))

        self._write(work)
        return key

    def rename_werkruimte(self, name: str, new_name: str) -> WerkruimteInfo:
        """Give a werkruimte another name (its snapshots stay)."""
        new_name = clean_name(new_name)

        def work(conn: Connection) -> None:
            werkruimte_id = self._werkruimte_id(conn, name)
            other = self._find_werkruimte_id(conn, new_name)
            if other is not None and other != werkruimte_id:
                raise DuplicateError(f"Er is al een werkruimte '{new_name}'. Kies een andere naam.")
            conn.execute(
                werkruimtes.update().where(werkruimtes.c.id == werkruimte_id)
                .values(name=new_name, name_key=name_key(new_name))
            )

        self._write(work, duplicate=f"Er is al een werkruimte '{new_name}'. Kies een andere naam.")
        return self.werkruimte(new_name)

    def delete_werkruimte(self, name: str) -> int:
        """Delete a werkruimte with all its snapshots, files and mappings; returns the snapshots deleted.

        The freed space is wiped (SQLite: secure_delete, checkpoint and VACUUM; PostgreSQL: VACUUM).
        """

        def work(conn: Connection) -> int:
            werkruimte_id = self._werkruimte_id(conn, name)
            ids = sa.select(snapshots.c.id).where(snapshots.c.werkruimte_id == werkruimte_id)
            conn.execute(snapshot_files.delete().where(snapshot_files.c.snapshot_id.in_(ids)))
            count = conn.execute(snapshots.delete().where(snapshots.c.werkruimte_id == werkruimte_id)).rowcount
            conn.execute(werkruimte_mappings.delete().where(werkruimte_mappings.c.werkruimte_id == werkruimte_id))
            conn.execute(werkruimtes.delete().where(werkruimtes.c.id == werkruimte_id))
            return int(count or 0)

        count = self._write(work)
        self.purge()
        return count

    # -- snapshots -----------------------------------------------------------------------------

    def save_snapshot(
        self,
        werkruimte: str,
        label: str,
        data: bytes,
        file_name: str,
        *,
        value_mappings: Mapping[str, Mapping[str, str]] | None = None,
        accepted_elements: Mapping[str, Iterable[str]] | None = None,
        notes: str = "",
        keep_personal_data: bool = False,
        create_werkruimte: bool = True,
    ) -> SaveResult:
        """Save an inventory file as a snapshot of a werkruimte, in one transaction.

        ``value_mappings`` and ``accepted_elements`` are the review choices (as
        :func:`regie.map_inventory` takes them); the value mappings also become the werkruimte's
        mappings for its next uploads. Personal data is stored only with ``keep_personal_data``.
        The werkruimte is created when it does not exist (unless ``create_werkruimte`` is False).
        """
        werkruimte = clean_name(werkruimte)
        label = clean_name(label, "momentopname")
        file_name = str(file_name or "inventaris").strip()[:500] or "inventaris"
        prepared = prepare(data, file_name, value_mappings, accepted_elements, keep_personal_data)
        sha_upload = hashlib.sha256(data).hexdigest()
        sha_stored = hashlib.sha256(prepared.data).hexdigest()
        summary = headline(prepared.analysis)
        duplicate = (
            f"Werkruimte '{werkruimte}' heeft al een momentopname '{label}'. Kies een ander label of "
            "verwijder eerst de bestaande."
        )

        def work(conn: Connection) -> tuple[bool, dt.datetime, str]:
            created = False
            werkruimte_id = (self._find_werkruimte_id(conn, werkruimte) if create_werkruimte
                             else self._werkruimte_id(conn, werkruimte))
            if werkruimte_id is None:
                werkruimte_id, created = self._insert_werkruimte(conn, werkruimte)
            exists = conn.execute(
                sa.select(snapshots.c.id).where(
                    snapshots.c.werkruimte_id == werkruimte_id, snapshots.c.label_key == name_key(label)
                )
            ).first()
            if exists is not None:
                raise DuplicateError(duplicate)
            now = _utcnow()
            snapshot_id = conn.execute(snapshots.insert().values(
                werkruimte_id=werkruimte_id, label=label, label_key=name_key(label), created_at=now,
                file_name=file_name, sha256=sha_upload, value_mappings=_dumps(prepared.value_mappings),
                accepted_elements=_dumps(prepared.accepted_elements), analysis=_dumps(prepared.analysis),
                notes=str(notes or ""), personal_data=bool(keep_personal_data), headline=_dumps(summary),
            )).inserted_primary_key[0]  # type: ignore[index]
            self._insert_file(conn, snapshot_id, prepared.data, sha_stored)
            self._upsert_mappings(conn, werkruimte_id, prepared.value_mappings, now)
            name = conn.execute(sa.select(werkruimtes.c.name).where(werkruimtes.c.id == werkruimte_id)).scalar_one()
            return created, now, name

        created, now, werkruimte_name = self._write(work, duplicate=duplicate)
        info = SnapshotInfo(
            werkruimte_name, label, _aware(now), file_name, sha_upload, len(prepared.data), str(notes or ""),
            bool(keep_personal_data), summary,
        )
        return SaveResult(info, prepared.analysis, prepared.removed, created)

    def snapshots(self, werkruimte: str | None = None) -> list[SnapshotInfo]:
        """The snapshots of one werkruimte (or of all), oldest first."""

        def work(conn: Connection) -> list[SnapshotInfo]:
            query = self._snapshot_query()
            if werkruimte is not None:
                query = query.where(snapshots.c.werkruimte_id == self._werkruimte_id(conn, werkruimte))
            rows = conn.execute(query.order_by(werkruimtes.c.name_key, snapshots.c.created_at, snapshots.c.id))
            return [self._snapshot_info(r) for r in rows]

        return db.read(self.engine, work)

    def load_snapshot(self, werkruimte: str, label: str) -> Snapshot:
        """A snapshot with its file, choices and saved analysis (the file's checksum is verified)."""

        def work(conn: Connection) -> Snapshot:
            snapshot_id = self._snapshot_id(conn, werkruimte, label)
            row = conn.execute(
                self._snapshot_query().add_columns(
                    snapshots.c.value_mappings, snapshots.c.accepted_elements, snapshots.c.analysis,
                    snapshot_files.c.data, snapshot_files.c.sha256.label("stored_sha256"),
                ).join(snapshot_files, snapshot_files.c.snapshot_id == snapshots.c.id)
                .where(snapshots.c.id == snapshot_id)
            ).one()
            data = bytes(row.data)
            info = self._snapshot_info(row)
            if hashlib.sha256(data).hexdigest() != row.stored_sha256:
                raise db.StorageError(
                    f"Het opgeslagen bestand van momentopname '{info.label}' is beschadigd (de controlesom klopt "
                    "niet). Verwijder deze momentopname en sla het bestand opnieuw op."
                )
            return Snapshot(
                info, data, json.loads(row.value_mappings), json.loads(row.accepted_elements),
                json.loads(row.analysis),
            )

        return db.read(self.engine, work)

    def set_notes(self, werkruimte: str, label: str, notes: str) -> None:
        """Replace the notes ("duiding") of a snapshot."""

        def work(conn: Connection) -> None:
            snapshot_id = self._snapshot_id(conn, werkruimte, label)
            conn.execute(snapshots.update().where(snapshots.c.id == snapshot_id).values(notes=str(notes or "")))

        self._write(work)

    def delete_snapshot(self, werkruimte: str, label: str) -> None:
        """Delete one snapshot and its file (the freed space is wiped, see :meth:`delete_werkruimte`)."""

        def work(conn: Connection) -> None:
            snapshot_id = self._snapshot_id(conn, werkruimte, label)
            conn.execute(snapshot_files.delete().where(snapshot_files.c.snapshot_id == snapshot_id))
            conn.execute(snapshots.delete().where(snapshots.c.id == snapshot_id))

        self._write(work)
        self.purge()

    def compare(self, werkruimte: str, label_a: str, label_b: str) -> Comparison:
        """Compare two snapshots of a werkruimte (a = earlier, b = later, as given)."""
        first = self.load_snapshot(werkruimte, label_a)
        second = self.load_snapshot(werkruimte, label_b)
        return compare(first.inventory(), second.inventory(), first.info.label, second.info.label)

    # -- value mappings -------------------------------------------------------------------------

    def mappings_for(self, werkruimte: str) -> dict[str, dict[str, str]]:
        """The werkruimte's value mappings, usable as ``map_inventory``'s ``value_mappings``."""

        def work(conn: Connection) -> dict[str, dict[str, str]]:
            werkruimte_id = self._werkruimte_id(conn, werkruimte)
            rows = conn.execute(
                sa.select(werkruimte_mappings.c.field, werkruimte_mappings.c.original, werkruimte_mappings.c.code)
                .where(werkruimte_mappings.c.werkruimte_id == werkruimte_id)
                .order_by(werkruimte_mappings.c.field, werkruimte_mappings.c.original)
            )
            result: dict[str, dict[str, str]] = {}
            for row in rows:
                result.setdefault(row.field, {})[row.original] = row.code
            return result

        return db.read(self.engine, work)

    def set_mapping(self, werkruimte: str, field_name: str, original: str, code: str | None) -> None:
        """Add or change one value mapping of a werkruimte (``code`` None removes it)."""
        if code is not None:
            check_mappings({field_name: {original: code}})

        def work(conn: Connection) -> None:
            werkruimte_id = self._werkruimte_id(conn, werkruimte)
            if code is None:
                conn.execute(werkruimte_mappings.delete().where(
                    werkruimte_mappings.c.werkruimte_id == werkruimte_id,
                    werkruimte_mappings.c.field == field_name,
                    werkruimte_mappings.c.original == original,
                ))
            else:
                self._upsert_mappings(conn, werkruimte_id, {field_name: {original: code}}, _utcnow())

        self._write(work)

    # -- maintenance ------------------------------------------------------------------------------

    def purge(self) -> None:
        """Wipe the space of deleted rows (best effort: a busy database is wiped at a later purge)."""
        try:
            if db.is_sqlite(self.engine):
                raw = self.engine.raw_connection()
                try:
                    sqlite_conn: Any = raw.driver_connection
                    sqlite_conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                    sqlite_conn.execute("VACUUM")
                    sqlite_conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                finally:
                    raw.close()
            else:
                with self.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                    for table in ("snapshot_files", "snapshots", "werkruimte_mappings", "werkplaats_votes",
                                  "werkplaats_scan", "werkplaats_participants", "werkplaats_items",
                                  "werkplaatsen", "afspraken", "werkhulp_answers", "werkruimtes"):
                        conn.exec_driver_sql(f"VACUUM {table}")
        except (OperationalError, sa.exc.DBAPIError, OSError):
            pass

    # -- internals -------------------------------------------------------------------------------

    def _write(self, work: Any, duplicate: str | None = None) -> Any:
        try:
            return db.write(self.engine, work)
        except IntegrityError as exc:
            if duplicate is not None:
                raise DuplicateError(duplicate) from exc
            raise db.StorageError(
                "De wijziging kon niet worden opgeslagen omdat de gegevens intussen door iemand anders zijn "
                "veranderd. Laad de lijst opnieuw en probeer het nog eens."
            ) from exc

    @staticmethod
    def _unknown_werkruimte(name: str, names: list[str]) -> UnknownWerkruimteError:
        if names:
            listed = ", ".join(f"'{n}'" for n in names)
            return UnknownWerkruimteError(f"Werkruimte '{name}' bestaat niet. Bestaande werkruimtes: {listed}.")
        return UnknownWerkruimteError(
            f"Werkruimte '{name}' bestaat niet; er zijn nog geen werkruimtes. Sla eerst een inventaris op in een "
            "werkruimte (die wordt dan aangemaakt)."
        )

    def _werkruimte_id(self, conn: Connection, name: str) -> int:
        found = self._find_werkruimte_id(conn, name)
        if found is None:
            names = list(conn.execute(sa.select(werkruimtes.c.name).order_by(werkruimtes.c.name_key)).scalars())
            raise self._unknown_werkruimte(" ".join(str(name).split()), names)
        return found

    def _find_werkruimte_id(self, conn: Connection, name: str) -> int | None:
        return find_werkruimte_id(conn, name)

    def _insert_werkruimte(self, conn: Connection, name: str) -> tuple[int, bool]:
        """Insert the werkruimte unless a concurrent transaction just did; its id and whether we made it."""
        values = {"name": name, "name_key": name_key(name), "created_at": _utcnow()}
        insert = _dialect_insert(conn)(werkruimtes).values(**values).on_conflict_do_nothing(
            index_elements=[werkruimtes.c.name_key]
        )
        row = conn.execute(insert.returning(werkruimtes.c.id)).first()  # no row: someone else just made it
        if row is not None:
            return int(row[0]), True
        werkruimte_id = self._werkruimte_id(conn, name)
        assert werkruimte_id is not None
        return werkruimte_id, False

    def _snapshot_id(self, conn: Connection, werkruimte: str, label: str) -> int:
        werkruimte_id = self._werkruimte_id(conn, werkruimte)
        rows = conn.execute(
            sa.select(snapshots.c.id, snapshots.c.label, snapshots.c.label_key)
            .where(snapshots.c.werkruimte_id == werkruimte_id)
            .order_by(snapshots.c.created_at, snapshots.c.id)
        ).all()
        key = name_key(str(label))
        for row in rows:
            if row.label_key == key:
                return int(row.id)
        shown = " ".join(str(label).split())
        name = conn.execute(sa.select(werkruimtes.c.name).where(werkruimtes.c.id == werkruimte_id)).scalar_one()
        if rows:
            listed = ", ".join(f"'{r.label}'" for r in rows)
            raise UnknownSnapshotError(
                f"Werkruimte '{name}' heeft geen momentopname '{shown}'. Wel aanwezig: {listed}."
            )
        raise UnknownSnapshotError(f"Werkruimte '{name}' heeft geen momentopname '{shown}'; er zijn er nog geen.")

    def _insert_file(self, conn: Connection, snapshot_id: int, data: bytes, sha: str) -> None:
        conn.execute(snapshot_files.insert().values(snapshot_id=snapshot_id, data=data, size=len(data), sha256=sha))

    @staticmethod
    def _upsert_mappings(
        conn: Connection, werkruimte_id: int, value_mappings: Mapping[str, Mapping[str, str]], now: dt.datetime
    ) -> None:
        rows = [
            {"werkruimte_id": werkruimte_id, "field": f, "original": o, "code": c, "updated_at": now}
            for f, chosen in value_mappings.items() for o, c in chosen.items()
        ]
        if not rows:
            return
        insert = _dialect_insert(conn)(werkruimte_mappings)
        conn.execute(
            insert.on_conflict_do_update(
                index_elements=[werkruimte_mappings.c.werkruimte_id, werkruimte_mappings.c.field,
                                werkruimte_mappings.c.original],
                set_={"code": insert.excluded.code, "updated_at": insert.excluded.updated_at},
            ),
            rows,
        )

    @staticmethod
    def _snapshot_query() -> sa.Select:
        return (
            sa.select(
                werkruimtes.c.name.label("werkruimte"), snapshots.c.label, snapshots.c.created_at,
                snapshots.c.file_name, snapshots.c.sha256, snapshots.c.notes, snapshots.c.personal_data,
                snapshots.c.headline, sa.select(snapshot_files.c.size)
                .where(snapshot_files.c.snapshot_id == snapshots.c.id).correlate(snapshots).scalar_subquery()
                .label("size"),
            )
            .join(werkruimtes, werkruimtes.c.id == snapshots.c.werkruimte_id)
        )

    @staticmethod
    def _snapshot_info(row: Any) -> SnapshotInfo:
        return SnapshotInfo(
            row.werkruimte, row.label, _aware(row.created_at), row.file_name, row.sha256, int(row.size or 0),
            row.notes or "", bool(row.personal_data), json.loads(row.headline or "{}"),
        )


def _dialect_insert(conn: Connection) -> Any:
    return postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert


def open_store(url: str | URL | None = None) -> Store:
    """Open (create, upgrade) the database at ``url`` / ``REGIE_DATABASE_URL`` / the default SQLite file."""
    return Store(url)
