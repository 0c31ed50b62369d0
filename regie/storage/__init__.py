"""Werkruimtes and snapshots: the app's memory (SQLite by default, PostgreSQL when configured).

::

    from regie.storage import Store
    store = Store()                        # url / REGIE_DATABASE_URL / SQLite in the user data dir
    result = store.save_snapshot("Gemeente Wadlo", "voor", data, "inventaris.xlsx",
                                 value_mappings=..., accepted_elements=..., keep_personal_data=False)
    store.snapshots("Gemeente Wadlo")      # [SnapshotInfo], oldest first
    snapshot = store.load_snapshot("Gemeente Wadlo", "voor")
    inventory = snapshot.inventory()       # mapped as when saved
    store.compare("Gemeente Wadlo", "voor", "na")       # regie.analysis.compare.Comparison
    store.mappings_for("Gemeente Wadlo")   # value mappings for the next upload

Modules: :mod:`~regie.storage.engine` (URL, engines, transactions with retries),
:mod:`~regie.storage.schema` (tables), :mod:`~regie.storage.migrations` (versioned schema),
:mod:`~regie.storage.sanitise` (a copy without personal data), :mod:`~regie.storage.store` (the API).
"""

from __future__ import annotations

from regie.storage.engine import ENV_URL, StorageError, default_path, describe_url, resolve_url
from regie.storage.migrations import LATEST as SCHEMA_VERSION
from regie.storage.sanitise import Removed, strip_personal_data
from regie.storage.store import (
    DuplicateError,
    InvalidNameError,
    SaveResult,
    Snapshot,
    SnapshotInfo,
    Store,
    UnknownSnapshotError,
    UnknownWerkruimteError,
    WerkruimteInfo,
    local_time,
    open_store,
)

__all__ = [
    "ENV_URL",
    "SCHEMA_VERSION",
    "DuplicateError",
    "InvalidNameError",
    "Removed",
    "SaveResult",
    "Snapshot",
    "SnapshotInfo",
    "StorageError",
    "Store",
    "UnknownSnapshotError",
    "UnknownWerkruimteError",
    "WerkruimteInfo",
    "default_path",
    "describe_url",
    "local_time",
    "open_store",
    "resolve_url",
    "strip_personal_data",
]
