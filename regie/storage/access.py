"""Who may open which werkruimte: werkruimte keys, access lists for signed-in users, and rate limits.

A werkruimte is private to those who hold its access. Two kinds of access:

* a **werkruimte key**, made when the werkruimte is made (or by the owner with
  ``python -m regie werkruimte sleutel``), shown once and stored only as a scrypt hash;
* **sign-in** (Streamlit's ``st.login`` with the gemeente's OIDC provider) together with an access list
  in the server's secrets: ``[regie.toegang]`` maps a werkruimte name to addresses or ``@domain`` entries
  (``"*"`` as a name: every werkruimte).

:class:`Access` is what one session holds; every werkruimte operation of the UI goes through it, and a
werkruimte the session has no access to is not listed, not loadable, not changeable. Its errors never say
whether a name exists. Failed attempts are counted per scope (the werkruimte name, the session, the client
address) in the database, so the limit holds across app processes; :func:`check_limit` refuses a scope with
too many recent failures. The CLI works on the :class:`~regie.storage.Store` directly: whoever has the
database is its owner.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from regie.analysis.compare import Comparison
from regie.errors import AccessDeniedError, TooManyAttemptsError, UnknownWerkruimteError
from regie.storage import engine as db
from regie.storage.keys import verify_key
from regie.storage.schema import access_attempts, werkruimtes
from regie.storage.store import SaveResult, Snapshot, SnapshotInfo, Store, WerkruimteInfo, name_key

T = TypeVar("T")

DENIED = (
    "Deze werkruimte kan niet worden geopend: de naam of de sleutel klopt niet. Controleer beide (de sleutel "
    "kreeg u bij het maken van de werkruimte) en probeer het opnieuw."
)
"""The one sentence for every refusal: it never says whether the name exists."""
NO_ACCESS = (
    "U heeft geen toegang (meer) tot deze werkruimte. Open hem opnieuw met zijn naam en sleutel op de pagina "
    "Werkruimtes."
)


@dataclass(frozen=True)
class Limit:
    """At most ``failures`` failed attempts per scope within ``seconds``."""

    failures: int
    seconds: int


LIMITS: dict[str, Limit] = {
    "werkruimte": Limit(10, 15 * 60),
    "werkplaats": Limit(10, 15 * 60),
    "sessie": Limit(5, 15 * 60),
    "adres": Limit(30, 15 * 60),
}
"""Per kind of scope: a werkruimte name and a werkplaats code (someone trying keys for one target), a session,
a client address (a room of participants behind one address mistypes now and then)."""


# --------------------------------------------------------------------------------------------
# Access lists (sign-in)
# --------------------------------------------------------------------------------------------


def listed(rules: Mapping[str, Iterable[str]] | None, email: str | None, werkruimte: str) -> bool:
    """True when the access list gives ``email`` the werkruimte: an entry is a full address or ``@domain``;
    the werkruimte name ``"*"`` stands for every werkruimte."""
    if not rules or not email or "@" not in email:
        return False
    address = email.strip().casefold()
    domain = "@" + address.rsplit("@", 1)[1]
    wanted = " ".join(werkruimte.split()).casefold()
    for name, entries in rules.items():
        if name.strip() != "*" and " ".join(str(name).split()).casefold() != wanted:
            continue
        for entry in ([entries] if isinstance(entries, str) else entries):
            entry = str(entry).strip().casefold()
            if entry and entry in (address, domain):
                return True
    return False


# --------------------------------------------------------------------------------------------
# Rate limits
# --------------------------------------------------------------------------------------------


def scope(kind: str, value: str) -> str:
    """A rate-limit scope: the kind and a hash of the value (names and addresses are not stored)."""
    if kind not in LIMITS:
        raise ValueError(kind)
    return f"{kind}:{hashlib.sha256(' '.join(value.split()).casefold().encode()).hexdigest()[:40]}"


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def check_limit(store: Store, scopes: Iterable[str], now: dt.datetime | None = None) -> None:
    """Raise :class:`TooManyAttemptsError` when one of the scopes has too many recent failures."""
    moment = now or _utcnow()
    wanted = [s for s in scopes if s]

    def work(conn: Connection) -> list[tuple[str, int, dt.datetime]]:
        found = []
        for one in wanted:
            limit = LIMITS[one.split(":", 1)[0]]
            since = moment - dt.timedelta(seconds=limit.seconds)
            row = conn.execute(
                sa.select(sa.func.count(), sa.func.min(access_attempts.c.at))
                .where(access_attempts.c.scope == one, access_attempts.c.at > since)
            ).one()
            if int(row[0]) >= limit.failures:
                found.append((one, limit.seconds, row[1]))
        return found

    over = db.read(store.engine, work)
    if over:
        wait = max(seconds - (moment - first).total_seconds() for _scope, seconds, first in over)
        minutes = max(1, int(-(-wait // 60)))
        raise TooManyAttemptsError(
            f"Te veel mislukte pogingen in korte tijd. Wacht {minutes} {'minuut' if minutes == 1 else 'minuten'} "
            "en probeer het dan opnieuw."
        )


def record_failure(store: Store, scopes: Iterable[str], now: dt.datetime | None = None) -> None:
    """Count one failed attempt in every scope (and forget failures older than any limit)."""
    moment = now or _utcnow()
    rows = [{"scope": s, "at": moment} for s in scopes if s]
    oldest = moment - dt.timedelta(seconds=max(limit.seconds for limit in LIMITS.values()))

    def work(conn: Connection) -> None:
        conn.execute(access_attempts.delete().where(access_attempts.c.at < oldest))
        if rows:
            conn.execute(access_attempts.insert(), rows)

    db.write(store.engine, work)


def guarded(store: Store, scopes: Iterable[str], attempt: Callable[[], T],
            refused: type[Exception] | tuple[type[Exception], ...]) -> T:
    """Run ``attempt`` under the rate limit: refused before it runs when a scope is over its limit; a
    ``refused`` error it raises is counted as a failure in every scope and raised again."""
    wanted = [s for s in scopes if s]
    check_limit(store, wanted)
    try:
        return attempt()
    except refused:
        record_failure(store, wanted)
        raise


# --------------------------------------------------------------------------------------------
# The session's access
# --------------------------------------------------------------------------------------------


class Access:
    """The werkruimtes one session may open, and the operations on them.

    ``granted`` holds the ids of werkruimtes opened with their key in this session (the caller keeps it in
    the session and passes the same set each time; :meth:`open` and :meth:`create` add to it). ``email`` and
    ``rules`` give sign-in access (see :func:`listed`). ``scopes`` are the session's own rate-limit scopes
    (its session and client address). Errors about a werkruimte without access are :data:`DENIED` /
    :data:`NO_ACCESS`, whether it exists or not.
    """

    def __init__(self, store: Store, granted: set[int], *, email: str | None = None,
                 rules: Mapping[str, Iterable[str]] | None = None, scopes: Iterable[str] = ()) -> None:
        self.store = store
        self.granted = granted
        self.email = email
        self.rules = rules
        self.scopes = tuple(scopes)

    # -- what the session sees ----------------------------------------------------------------

    def allows(self, info: WerkruimteInfo) -> bool:
        """True when this session may open the werkruimte."""
        return info.id in self.granted or listed(self.rules, self.email, info.name)

    def werkruimtes(self) -> list[WerkruimteInfo]:
        """The werkruimtes this session may open, by name (no others are listed)."""
        return [w for w in self.store.werkruimtes() if self.allows(w)]

    def werkruimte(self, name: str) -> WerkruimteInfo:
        """One werkruimte this session may open; :class:`AccessDeniedError` otherwise."""
        wanted = " ".join(str(name).split()).casefold()
        for info in self.werkruimtes():
            if info.name.casefold() == wanted:
                return info
        raise AccessDeniedError(NO_ACCESS)

    # -- getting access ---------------------------------------------------------------------------

    def open(self, name: str, key: str) -> WerkruimteInfo:
        """Open a werkruimte with its key (rate-limited per name, session and address); the same
        :data:`DENIED` sentence for a wrong key and an unknown name."""
        wanted = " ".join(str(name or "").split())
        scopes = [scope("werkruimte", wanted), *self.scopes]

        def attempt() -> WerkruimteInfo:
            stored = self._key_hash(wanted)
            fits = verify_key(str(key or ""), stored[1] if stored else None)
            if not stored or not fits:
                raise AccessDeniedError(DENIED)
            info = next((w for w in self.store.werkruimtes() if w.id == stored[0]), None)
            if info is None:  # deleted in the meantime
                raise AccessDeniedError(DENIED)
            return info

        info = guarded(self.store, scopes, attempt, AccessDeniedError)
        self.granted.add(info.id)
        return info

    def create(self, name: str) -> tuple[WerkruimteInfo, str]:
        """Make a werkruimte with a fresh key (returned once; only its hash is stored) and grant it."""
        info, key = self.store.create_werkruimte_with_key(name)
        self.granted.add(info.id)
        return info, key

    def forget(self, name: str) -> None:
        """Give up this session's key access to a werkruimte (sign-in access stays)."""
        for info in self.store.werkruimtes():
            if info.name == name:
                self.granted.discard(info.id)

    # -- operations (each checks access first) --------------------------------------------------

    def _checked(self, name: str) -> str:
        return self.werkruimte(name).name

    def _neutral(self, call: Callable[[], Any]) -> Any:
        try:
            return call()
        except UnknownWerkruimteError as exc:  # its message lists every werkruimte: not for this session
            raise AccessDeniedError(NO_ACCESS) from exc

    def new_key(self, name: str) -> str:
        """A new key for a werkruimte this session may open (the old key stops working)."""
        checked = self._checked(name)
        return str(self._neutral(lambda: self.store.new_key(checked)))

    def rename_werkruimte(self, name: str, new_name: str) -> WerkruimteInfo:
        checked = self._checked(name)
        info: WerkruimteInfo = self._neutral(lambda: self.store.rename_werkruimte(checked, new_name))
        return info

    def delete_werkruimte(self, name: str) -> int:
        checked = self._checked(name)
        count: int = self._neutral(lambda: self.store.delete_werkruimte(checked))
        return count

    def save_snapshot(self, name: str, label: str, data: bytes, file_name: str, **options: Any) -> SaveResult:
        checked = self._checked(name)
        result: SaveResult = self._neutral(lambda: self.store.save_snapshot(
            checked, label, data, file_name, create_werkruimte=False, **options))
        return result

    def snapshots(self, name: str) -> list[SnapshotInfo]:
        checked = self._checked(name)
        found: list[SnapshotInfo] = self._neutral(lambda: self.store.snapshots(checked))
        return found

    def load_snapshot(self, name: str, label: str) -> Snapshot:
        checked = self._checked(name)
        snapshot: Snapshot = self._neutral(lambda: self.store.load_snapshot(checked, label))
        return snapshot

    def set_notes(self, name: str, label: str, notes: str) -> None:
        checked = self._checked(name)
        self._neutral(lambda: self.store.set_notes(checked, label, notes))

    def delete_snapshot(self, name: str, label: str) -> None:
        checked = self._checked(name)
        self._neutral(lambda: self.store.delete_snapshot(checked, label))

    def compare(self, name: str, label_a: str, label_b: str) -> Comparison:
        checked = self._checked(name)
        comparison: Comparison = self._neutral(lambda: self.store.compare(checked, label_a, label_b))
        return comparison

    def mappings_for(self, name: str) -> dict[str, dict[str, str]]:
        checked = self._checked(name)
        found: dict[str, dict[str, str]] = self._neutral(lambda: self.store.mappings_for(checked))
        return found

    def set_mapping(self, name: str, field_name: str, original: str, code: str | None) -> None:
        checked = self._checked(name)
        self._neutral(lambda: self.store.set_mapping(checked, field_name, original, code))

    # -- helpers ----------------------------------------------------------------------------------

    def _key_hash(self, name: str) -> tuple[int, str | None] | None:
        def work(conn: Connection) -> tuple[int, str | None] | None:
            row = conn.execute(
                sa.select(werkruimtes.c.id, werkruimtes.c.key_hash).where(werkruimtes.c.name_key == name_key(name))
            ).first()
            return None if row is None else (int(row.id), row.key_hash)

        found: tuple[int, str | None] | None = db.read(self.store.engine, work)
        return found


__all__ = [
    "DENIED",
    "LIMITS",
    "NO_ACCESS",
    "Access",
    "Limit",
    "check_limit",
    "guarded",
    "listed",
    "record_failure",
    "scope",
]
