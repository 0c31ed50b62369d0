"""Versioned schema: ordered migration steps, applied in place in one transaction.

A new database runs every step from version 1; an older one only the steps it lacks. The steps are
frozen history: never change a released step, add the next one. ``schema_version`` has one row per
applied step. Concurrent processes that open the same new database migrate it once: SQLite
serialises them with ``BEGIN IMMEDIATE``, PostgreSQL with a transaction-level advisory lock.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from regie.storage import engine as db
from regie.storage.schema import schema_version

_ADVISORY_LOCK = 727_274_001
"""PostgreSQL advisory lock key for migrations (any constant unique to this app)."""


def _v1(conn: Connection) -> None:
    """Werkruimtes, snapshots with their files and review choices, per-werkruimte value mappings."""
    meta = sa.MetaData()
    sa.Table(
        "werkruimtes", meta,
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("name_key", sa.String(200), nullable=False, unique=True),
        sa.Column("created_at", sa.DateTime, nullable=False),
    )
    sa.Table(
        "snapshots", meta,
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("werkruimte_id", sa.Integer, sa.ForeignKey("werkruimtes.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("label", sa.String(200), nullable=False),
        sa.Column("label_key", sa.String(200), nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("file_name", sa.String(500), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("value_mappings", sa.Text, nullable=False),
        sa.Column("accepted_elements", sa.Text, nullable=False),
        sa.Column("analysis", sa.Text, nullable=False),
        sa.UniqueConstraint("werkruimte_id", "label_key", name="uq_snapshots_werkruimte_label"),
    )
    sa.Table(
        "snapshot_files", meta,
        sa.Column("snapshot_id", sa.Integer, sa.ForeignKey("snapshots.id", ondelete="CASCADE"),
                  primary_key=True, autoincrement=False),
        sa.Column("data", sa.LargeBinary, nullable=False),
        sa.Column("size", sa.Integer, nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
    )
    sa.Table(
        "werkruimte_mappings", meta,
        sa.Column("werkruimte_id", sa.Integer, sa.ForeignKey("werkruimtes.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("field", sa.String(50), primary_key=True),
        sa.Column("original", sa.String(500), primary_key=True),
        sa.Column("code", sa.String(50), nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
    )
    meta.create_all(conn)


def _v2(conn: Connection) -> None:
    """Notes ("duiding") per snapshot and the personal-data flag.

    Version 1 stored every file as uploaded, so its snapshots are flagged as holding personal data.
    """
    conn.exec_driver_sql("ALTER TABLE snapshots ADD COLUMN notes TEXT NOT NULL DEFAULT ''")
    conn.exec_driver_sql("ALTER TABLE snapshots ADD COLUMN personal_data BOOLEAN NOT NULL DEFAULT FALSE")
    conn.exec_driver_sql("UPDATE snapshots SET personal_data = TRUE")


def _v3(conn: Connection) -> None:
    """Headline numbers per snapshot (for lists without parsing whole analyses), filled from the analysis."""
    conn.exec_driver_sql("ALTER TABLE snapshots ADD COLUMN headline TEXT NOT NULL DEFAULT '{}'")
    rows = conn.execute(sa.text("SELECT id, analysis FROM snapshots")).all()
    for snapshot_id, analysis in rows:
        conn.execute(
            sa.text("UPDATE snapshots SET headline = :headline WHERE id = :id"),
            {"headline": json.dumps(_headline_v3(json.loads(analysis)), ensure_ascii=False), "id": snapshot_id},
        )


def _headline_v3(analysis: dict) -> dict:
    issues = analysis.get("issues", [])
    errors = sum(1 for i in issues if i.get("severity") == "fout")
    return {
        "counts": analysis.get("counts", {}),
        "phases": analysis.get("phases", {}),
        "elements": analysis.get("elements", {}),
        "fout": errors,
        "waarschuwing": len(issues) - errors,
    }


def _v4(conn: Connection) -> None:
    """Werkplaatsen (live workshops): their questions, anonymous participants, votes and scan answers."""
    meta = sa.MetaData()
    sa.Table("werkruimtes", meta, sa.Column("id", sa.Integer, primary_key=True))  # target of the foreign key
    sa.Table(
        "werkplaatsen", meta,
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("werkruimte_id", sa.Integer, sa.ForeignKey("werkruimtes.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("code", sa.String(16), nullable=False, unique=True),
        sa.Column("key_hash", sa.String(64), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("source", sa.String(500), nullable=False),
        sa.Column("scan", sa.Boolean, nullable=False),
        sa.Column("revealed", sa.Boolean, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
    )
    sa.Table(
        "werkplaats_items", meta,
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("werkplaats_id", sa.Integer, sa.ForeignKey("werkplaatsen.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("project_name", sa.String(500), nullable=False),
        sa.Column("phase", sa.String(20), nullable=False),
        sa.Column("inventory_roles", sa.Text, nullable=False),
        sa.UniqueConstraint("werkplaats_id", "position", name="uq_werkplaats_items_position"),
    )
    sa.Table(
        "werkplaats_participants", meta,
        sa.Column("werkplaats_id", sa.Integer, sa.ForeignKey("werkplaatsen.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("participant", sa.String(64), primary_key=True),
        sa.Column("joined_at", sa.DateTime, nullable=False),
    )
    sa.Table(
        "werkplaats_votes", meta,
        sa.Column("item_id", sa.Integer, sa.ForeignKey("werkplaats_items.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("question", sa.String(20), primary_key=True),
        sa.Column("participant", sa.String(64), primary_key=True),
        sa.Column("role", sa.String(50), nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
    )
    sa.Table(
        "werkplaats_scan", meta,
        sa.Column("werkplaats_id", sa.Integer, sa.ForeignKey("werkplaatsen.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("participant", sa.String(64), primary_key=True),
        sa.Column("item", sa.String(10), primary_key=True),
        sa.Column("answer", sa.String(10), nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
    )
    for name in ("werkplaatsen", "werkplaats_items", "werkplaats_participants", "werkplaats_votes",
                 "werkplaats_scan"):
        meta.tables[name].create(conn)


def _v5(conn: Connection) -> None:
    """Access: a werkruimte key per werkruimte (only its scrypt hash) and the failed attempts that rate-limit
    keys and codes. Werkruimtes of earlier versions get no key: only the server's owner (the CLI, or sign-in
    with an access list) reaches them until the owner gives them one (``werkruimte sleutel``)."""
    conn.exec_driver_sql("ALTER TABLE werkruimtes ADD COLUMN key_hash VARCHAR(200)")
    meta = sa.MetaData()
    attempts = sa.Table(
        "access_attempts", meta,
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("scope", sa.String(100), nullable=False),
        sa.Column("at", sa.DateTime, nullable=False),
    )
    sa.Index("ix_access_attempts_scope_at", attempts.c.scope, attempts.c.at)
    attempts.create(conn)


def _v6(conn: Connection) -> None:
    """Werkplaats as MOVISIE means it: for whom each participant speaks, and the agreements a session ends
    with (wie, wat, welke fase, wanneer), kept in the werkruimte (they stay when the werkplaats is deleted)."""
    conn.exec_driver_sql("ALTER TABLE werkplaats_participants ADD COLUMN perspective VARCHAR(20)")
    meta = sa.MetaData()
    sa.Table("werkruimtes", meta, sa.Column("id", sa.Integer, primary_key=True))  # target of the foreign key
    sa.Table(
        "afspraken", meta,
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("werkruimte_id", sa.Integer, sa.ForeignKey("werkruimtes.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("werkplaats_code", sa.String(16), nullable=False),
        sa.Column("werkplaats_title", sa.String(200), nullable=False),
        sa.Column("wie", sa.String(200), nullable=False),
        sa.Column("wat", sa.Text, nullable=False),
        sa.Column("fase", sa.String(20), nullable=False),
        sa.Column("wanneer", sa.Date, nullable=False),
        sa.Column("project", sa.String(500), nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
    ).create(conn)


def _v7(conn: Connection) -> None:
    """Working aids per project (Schema 2, RIVM's externe-regie actions, the opdracht), kept in the werkruimte."""
    meta = sa.MetaData()
    sa.Table("werkruimtes", meta, sa.Column("id", sa.Integer, primary_key=True))  # target of the foreign key
    sa.Table(
        "werkhulp_answers", meta,
        sa.Column("werkruimte_id", sa.Integer, sa.ForeignKey("werkruimtes.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("project", sa.String(500), primary_key=True),
        sa.Column("item", sa.String(20), primary_key=True),
        sa.Column("project_name", sa.String(500), nullable=False),
        sa.Column("answer", sa.String(10), nullable=True),
        sa.Column("note", sa.Text, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
    ).create(conn)


MIGRATIONS: tuple[tuple[int, str, Callable[[Connection], None]], ...] = (
    (1, "werkruimtes, momentopnamen, bestanden en waardekoppelingen", _v1),
    (2, "duiding en keuze persoonsgegevens per momentopname", _v2),
    (3, "kerncijfers per momentopname", _v3),
    (4, "werkplaatsen: vragen, anonieme deelnemers, stemmen en zelfscan-antwoorden", _v4),
    (5, "toegang: werkruimtesleutels (alleen als scrypt-hash) en mislukte pogingen", _v5),
    (6, "werkplaats: perspectief per deelnemer en afspraken per werkruimte", _v6),
    (7, "werkhulpen per project: Schema 2, externe regie en de opdracht", _v7),
)
"""(version, what it adds, step) in order."""

LATEST = MIGRATIONS[-1][0]


def current_version(conn: Connection) -> int:
    """The schema version of the database (0 for an empty database)."""
    if not sa.inspect(conn).has_table("schema_version"):
        return 0
    return int(conn.execute(sa.select(sa.func.max(schema_version.c.version))).scalar() or 0)


def migrate(engine: Engine, target: int | None = None) -> int:
    """Bring the database to ``target`` (default: the latest version) in one transaction; returns it."""
    target = LATEST if target is None else target

    def work(conn: Connection) -> int:
        if conn.dialect.name == "postgresql":
            conn.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": _ADVISORY_LOCK})
        schema_version.create(conn, checkfirst=True)
        version = current_version(conn)
        if version > LATEST:
            raise db.StorageError(
                f"De database heeft schemaversie {version}, nieuwer dan deze versie van het programma kent "
                f"({LATEST}). Werk het programma bij voordat u deze database gebruikt."
            )
        for number, _what, step in MIGRATIONS:
            if version < number <= target:
                step(conn)
                conn.execute(schema_version.insert().values(version=number, applied_at=_utcnow()))
                version = number
        return version

    return db.write(engine, work)


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)
