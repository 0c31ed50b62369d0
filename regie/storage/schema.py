"""The tables as they are at the latest schema version (queries use these; migrations build them).

``werkruimtes``
    one per gemeente or client: ``name`` as typed, ``name_key`` (case/space-insensitive, unique),
    ``key_hash`` (v5: the scrypt hash of the werkruimte key, :mod:`regie.storage.access`; NULL: no key,
    only the server's owner or a signed-in user on the access list reaches it).
``snapshots``
    a saved inventory of a werkruimte: ``label`` (unique per werkruimte, case-insensitive),
    ``created_at`` (UTC), ``file_name``, ``sha256`` of the uploaded file, the review choices
    (``value_mappings``, ``accepted_elements``: JSON), the ``analysis`` at save time (JSON, the
    object of docs/inventaris.md), ``notes`` ("duiding", v2), ``personal_data`` (v2: the stored file may
    hold contact persons and trekkers) and ``headline`` (v3: counts and phases, JSON, for lists).
``snapshot_files``
    the stored file bytes (apart, so lists never load them) with their size and sha256.
``werkruimte_mappings``
    value mappings of a werkruimte ("afronding" → uitvoering), applied to its next uploads.
``werkplaatsen`` (v4)
    a live workshop of a werkruimte: the join ``code`` participants type (unique), the sha256 of
    the facilitator's key (``key_hash``; results need the key), ``title``, ``source`` (the
    inventory the projects came from), ``scan`` (whether the zelfscan is asked) and ``revealed``
    (results shown, voting closed).
``werkplaats_items``
    the questions of a werkplaats: a project in a phase (``project_name``, ``phase``) with the
    role(s) the inventory gives it (``inventory_roles``: JSON list).
``werkplaats_participants``
    anonymous participants: a random id per participant's session, per werkplaats.
``werkplaats_votes``
    one row per item, question (``speelt`` / ``moet``) and participant: their role choice (a new
    vote replaces the old one; the primary key counts everyone once).
``werkplaats_scan``
    zelfscan answers: one row per werkplaats, participant and scan item.
``access_attempts`` (v5)
    failed attempts (a wrong werkruimte key, werkplaats code or facilitator key) per ``scope`` (a hashed
    werkruimte name, a session, a client address) and time: the rate limit counts them.
``schema_version``
    one row per applied migration.
"""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData()

schema_version = sa.Table(
    "schema_version", metadata,
    sa.Column("version", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("applied_at", sa.DateTime, nullable=False),
)

werkruimtes = sa.Table(
    "werkruimtes", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("name_key", sa.String(200), nullable=False, unique=True),
    sa.Column("created_at", sa.DateTime, nullable=False),
    sa.Column("key_hash", sa.String(200), nullable=True),
)

access_attempts = sa.Table(
    "access_attempts", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("scope", sa.String(100), nullable=False),
    sa.Column("at", sa.DateTime, nullable=False),
    sa.Index("ix_access_attempts_scope_at", "scope", "at"),
)

snapshots = sa.Table(
    "snapshots", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("werkruimte_id", sa.Integer, sa.ForeignKey("werkruimtes.id", ondelete="CASCADE"), nullable=False),
    sa.Column("label", sa.String(200), nullable=False),
    sa.Column("label_key", sa.String(200), nullable=False),
    sa.Column("created_at", sa.DateTime, nullable=False),
    sa.Column("file_name", sa.String(500), nullable=False),
    sa.Column("sha256", sa.String(64), nullable=False),
    sa.Column("value_mappings", sa.Text, nullable=False),
    sa.Column("accepted_elements", sa.Text, nullable=False),
    sa.Column("analysis", sa.Text, nullable=False),
    sa.Column("notes", sa.Text, nullable=False, server_default=""),
    sa.Column("personal_data", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("headline", sa.Text, nullable=False, server_default="{}"),
    sa.UniqueConstraint("werkruimte_id", "label_key", name="uq_snapshots_werkruimte_label"),
)

snapshot_files = sa.Table(
    "snapshot_files", metadata,
    sa.Column("snapshot_id", sa.Integer, sa.ForeignKey("snapshots.id", ondelete="CASCADE"), primary_key=True,
              autoincrement=False),
    sa.Column("data", sa.LargeBinary, nullable=False),
    sa.Column("size", sa.Integer, nullable=False),
    sa.Column("sha256", sa.String(64), nullable=False),
)

werkruimte_mappings = sa.Table(
    "werkruimte_mappings", metadata,
    sa.Column("werkruimte_id", sa.Integer, sa.ForeignKey("werkruimtes.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("field", sa.String(50), primary_key=True),
    sa.Column("original", sa.String(500), primary_key=True),
    sa.Column("code", sa.String(50), nullable=False),
    sa.Column("updated_at", sa.DateTime, nullable=False),
)

werkplaatsen = sa.Table(
    "werkplaatsen", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("werkruimte_id", sa.Integer, sa.ForeignKey("werkruimtes.id", ondelete="CASCADE"), nullable=False),
    sa.Column("code", sa.String(16), nullable=False, unique=True),
    sa.Column("key_hash", sa.String(64), nullable=False),
    sa.Column("title", sa.String(200), nullable=False),
    sa.Column("source", sa.String(500), nullable=False),
    sa.Column("scan", sa.Boolean, nullable=False),
    sa.Column("revealed", sa.Boolean, nullable=False),
    sa.Column("created_at", sa.DateTime, nullable=False),
)

werkplaats_items = sa.Table(
    "werkplaats_items", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("werkplaats_id", sa.Integer, sa.ForeignKey("werkplaatsen.id", ondelete="CASCADE"), nullable=False),
    sa.Column("position", sa.Integer, nullable=False),
    sa.Column("project_name", sa.String(500), nullable=False),
    sa.Column("phase", sa.String(20), nullable=False),
    sa.Column("inventory_roles", sa.Text, nullable=False),
    sa.UniqueConstraint("werkplaats_id", "position", name="uq_werkplaats_items_position"),
)

werkplaats_participants = sa.Table(
    "werkplaats_participants", metadata,
    sa.Column("werkplaats_id", sa.Integer, sa.ForeignKey("werkplaatsen.id", ondelete="CASCADE"),
              primary_key=True),
    sa.Column("participant", sa.String(64), primary_key=True),
    sa.Column("joined_at", sa.DateTime, nullable=False),
    sa.Column("perspective", sa.String(20), nullable=True),
)

werkplaats_votes = sa.Table(
    "werkplaats_votes", metadata,
    sa.Column("item_id", sa.Integer, sa.ForeignKey("werkplaats_items.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("question", sa.String(20), primary_key=True),
    sa.Column("participant", sa.String(64), primary_key=True),
    sa.Column("role", sa.String(50), nullable=False),
    sa.Column("updated_at", sa.DateTime, nullable=False),
)

werkplaats_scan = sa.Table(
    "werkplaats_scan", metadata,
    sa.Column("werkplaats_id", sa.Integer, sa.ForeignKey("werkplaatsen.id", ondelete="CASCADE"),
              primary_key=True),
    sa.Column("participant", sa.String(64), primary_key=True),
    sa.Column("item", sa.String(10), primary_key=True),
    sa.Column("answer", sa.String(10), nullable=False),
    sa.Column("updated_at", sa.DateTime, nullable=False),
)

afspraken = sa.Table(
    "afspraken", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("werkruimte_id", sa.Integer, sa.ForeignKey("werkruimtes.id", ondelete="CASCADE"), nullable=False),
    sa.Column("werkplaats_code", sa.String(16), nullable=False),
    sa.Column("werkplaats_title", sa.String(200), nullable=False),
    sa.Column("wie", sa.String(200), nullable=False),
    sa.Column("wat", sa.Text, nullable=False),
    sa.Column("fase", sa.String(20), nullable=False),
    sa.Column("wanneer", sa.Date, nullable=False),
    sa.Column("project", sa.String(500), nullable=False),
    sa.Column("created_at", sa.DateTime, nullable=False),
)

werkhulp_answers = sa.Table(
    "werkhulp_answers", metadata,
    sa.Column("werkruimte_id", sa.Integer, sa.ForeignKey("werkruimtes.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("project", sa.String(500), primary_key=True),
    sa.Column("item", sa.String(20), primary_key=True),
    sa.Column("project_name", sa.String(500), nullable=False),
    sa.Column("answer", sa.String(10), nullable=True),
    sa.Column("note", sa.Text, nullable=False),
    sa.Column("updated_at", sa.DateTime, nullable=False),
)

TABLES: tuple[str, ...] = tuple(metadata.tables)
"""All table names of the schema."""
