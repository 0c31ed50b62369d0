"""Session state and cached loading: the only place for st.cache_data and session-state keys.

The loaded inventory lives in the session (bytes + the user's mapping choices) and survives page
switches and reruns. Uploaded files are cached per session, keyed by their sha256 — never shared
between users; only the public example is cached across sessions.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
import streamlit as st

from regie import Inventory, map_inventory, read_workbook
from regie.analysis import network
from regie.analysis.filters import DIMENSIONS, Filters, apply, describe
from regie.analysis.privacy import hide_names
from regie.errors import RegieError
from regie.model import RawWorkbook

if TYPE_CHECKING:
    from regie.storage import Snapshot, Store

DATA_DIR = Path(__file__).resolve().parents[2] / "data"
EXAMPLE_FILE = DATA_DIR / "voorbeeld_inventaris.xlsx"
TEMPLATE_FILE = DATA_DIR / "sjabloon_inventaris.xlsx"

KEY_UPLOAD = "regie_upload"
"""{"name", "data", "sha256"} of the uploaded file; absent while the example is shown."""
KEY_MAPPINGS = "regie_mappings"
"""The user's value mappings: {"fase": {"afronding": "uitvoering"}, ...}."""
KEY_ACCEPTED = "regie_accepted"
"""Accepted element suggestions: {project key: [element codes]}."""
KEY_DISMISSED = "regie_dismissed"
"""Rejected element suggestions: set of (project key, element code)."""
KEY_RAW_CACHE = "regie_raw_cache"
KEY_INVENTORY_CACHE = "regie_inventory_cache"
KEY_HIDE_NAMES = "namen_verbergen"
"""Widget key of the sidebar switch "Namen verbergen"."""
KEY_LOAD_ERROR = "regie_load_error"
FILTER_KEYS: dict[str, str] = {name: f"filter_{name}" for name in DIMENSIONS}
"""Widget keys of the sidebar filters."""

_CACHE_SIZE = 4


@dataclass(frozen=True)
class Loaded:
    """The session's inventory with its provenance."""

    inventory: Inventory
    name: str
    is_example: bool
    sha256: str


@st.cache_data(show_spinner="Voorbeeldinventaris laden…", max_entries=1)
def _example_bytes() -> bytes:
    return EXAMPLE_FILE.read_bytes()


@st.cache_resource(show_spinner=False, max_entries=8)
def _example_raw() -> RawWorkbook:
    """The example's raw tables: public data, shared between sessions (read-only)."""
    return read_workbook(_example_bytes(), EXAMPLE_FILE.name)


@st.cache_resource(show_spinner=False, max_entries=1)
def _example_inventory() -> Inventory:
    """The example mapped without choices: public, shared read-only between sessions (first paint)."""
    return map_inventory(_example_raw())


def example_bytes() -> bytes:
    """The example inventory file (for downloads)."""
    return _example_bytes()


def template_bytes() -> bytes:
    """The template file (for downloads)."""
    return TEMPLATE_FILE.read_bytes()


def mappings() -> dict[str, dict[str, str]]:
    """The user's value mappings of this session."""
    return st.session_state.setdefault(KEY_MAPPINGS, {})


def set_mapping(field: str, original: str, code: str | None) -> None:
    """Map an unknown value (``code`` None removes the choice)."""
    current = {k: dict(v) for k, v in mappings().items()}
    chosen = current.setdefault(field, {})
    if code:
        chosen[original] = code
    else:
        chosen.pop(original, None)
    st.session_state[KEY_MAPPINGS] = {k: v for k, v in current.items() if v}
    _store_werkruimte_mapping(field, original, code)  # werkruimte hook: keep the choice in the werkruimte


def accepted() -> dict[str, list[str]]:
    """Accepted element suggestions of this session."""
    return st.session_state.setdefault(KEY_ACCEPTED, {})


def dismissed() -> set[tuple[str, str]]:
    """Rejected element suggestions of this session."""
    return st.session_state.setdefault(KEY_DISMISSED, set())


def decide_suggestion(project: str, element: str, accept: bool | None) -> None:
    """Accept (True), reject (False) or reopen (None) a suggested element."""
    chosen = {k: list(v) for k, v in accepted().items()}
    gone = set(dismissed())
    elements = [e for e in chosen.get(project, []) if e != element]
    gone.discard((project, element))
    if accept:
        elements.append(element)
    elif accept is False:
        gone.add((project, element))
    if elements:
        chosen[project] = elements
    else:
        chosen.pop(project, None)
    st.session_state[KEY_ACCEPTED] = chosen
    st.session_state[KEY_DISMISSED] = gone


def load_upload(name: str, data: bytes) -> str | None:
    """Make an uploaded file the session's inventory; returns a Dutch error message or None."""
    sha = hashlib.sha256(data).hexdigest()
    try:
        _raw(sha, name, data)
    except RegieError as exc:
        return str(exc)
    previous = st.session_state.get(KEY_UPLOAD)
    st.session_state[KEY_UPLOAD] = {"name": name, "data": data, "sha256": sha}
    if previous is not None and previous["sha256"] == sha:
        return None  # the same file again: keep the choices made for it
    st.session_state[KEY_MAPPINGS] = {}
    st.session_state[KEY_ACCEPTED] = {}
    st.session_state[KEY_DISMISSED] = set()
    clear_filters()
    _apply_werkruimte_mappings()  # werkruimte hook: the active werkruimte's mappings for the new file
    return None


def clear_filters() -> None:
    """Reset every sidebar filter to "Alle" (usable as an on_click callback)."""
    for key in FILTER_KEYS.values():
        st.session_state.pop(key, None)


def use_example() -> None:
    """Go back to the example inventory."""
    for key in (KEY_UPLOAD, KEY_MAPPINGS, KEY_ACCEPTED, KEY_DISMISSED):
        st.session_state.pop(key, None)
    clear_filters()


def _raw(sha: str, name: str, data: bytes) -> RawWorkbook:
    cache: dict[str, RawWorkbook] = st.session_state.setdefault(KEY_RAW_CACHE, {})
    if sha not in cache:
        raw = read_workbook(data, name)
        while len(cache) >= _CACHE_SIZE:
            cache.pop(next(iter(cache)))
        cache[sha] = raw
    return cache[sha]


def loaded() -> Loaded:
    """The session's inventory (the example until the user loads a file), mapped with their choices."""
    upload = st.session_state.get(KEY_UPLOAD)
    if upload is None:
        raw, name, sha, is_example = _example_raw(), EXAMPLE_FILE.name, "voorbeeld", True
    else:
        raw = _raw(upload["sha256"], upload["name"], upload["data"])
        name, sha, is_example = upload["name"], upload["sha256"], False
    choices = mappings()
    kept = accepted()
    if is_example and not choices and not kept:
        return Loaded(_example_inventory(), name, is_example, sha)
    key = (sha, json.dumps(choices, sort_keys=True), json.dumps(kept, sort_keys=True))
    cache: dict[tuple[str, str, str], Inventory] = st.session_state.setdefault(KEY_INVENTORY_CACHE, {})
    if key not in cache:
        while len(cache) >= _CACHE_SIZE:
            cache.pop(next(iter(cache)))
        cache[key] = map_inventory(raw, choices, kept)
    return Loaded(cache[key], name, is_example, sha)


def filters() -> Filters:
    """The sidebar filters as chosen in this session."""
    return Filters(**{name: tuple(st.session_state.get(key) or ()) for name, key in FILTER_KEYS.items()})


def names_hidden() -> bool:
    """True when "Namen verbergen" is on."""
    return bool(st.session_state.get(KEY_HIDE_NAMES, False))


@dataclass(frozen=True)
class View:
    """What a page shows: the filtered (and, if asked, anonymised) inventory and its subtitle."""

    inventory: Inventory
    full: Inventory
    filters: Filters
    subtitle: str
    loaded: Loaded


def view() -> View:
    """The inventory as the pages show it: filtered, names hidden when asked."""
    current = loaded()
    chosen = filters()
    shown = apply(current.inventory, chosen)
    full = current.inventory
    if names_hidden():
        shown, full = hide_names(shown, reference=full), hide_names(full)
    subtitle = f"{describe(chosen)} · {current.name}"
    return View(shown, full, chosen, subtitle, current)


KEY_UNKNOWN_CACHE = "regie_unknown_cache"
"""The loaded file's unknown values before the user's mappings, per file (sha256)."""


def unknown_values() -> pd.DataFrame:
    """Every unknown value of the loaded file (``field``, ``value``, ``count``) *before* the user's
    mappings, so values already mapped stay listed in the review (and the choice can be undone)."""
    current = loaded()
    cache: dict[str, pd.DataFrame] = st.session_state.setdefault(KEY_UNKNOWN_CACHE, {})
    if not mappings():
        cache[current.sha256] = current.inventory.unknown
    if current.sha256 not in cache:
        upload = st.session_state.get(KEY_UPLOAD)
        raw = _example_raw() if upload is None else _raw(upload["sha256"], upload["name"], upload["data"])
        while len(cache) >= _CACHE_SIZE:
            cache.pop(next(iter(cache)))
        cache[current.sha256] = map_inventory(raw).unknown
    return cache[current.sha256]


KEY_SEEN_SELECTIONS = "regie_seen_selections"
"""Per chart key, the last selection a page has acted on (so a click applies once)."""


def new_chart_selection(key: str) -> list[dict[str, object]] | None:
    """The selected points of the plotly chart with widget key ``key``, if they changed since the
    last run; None when nothing changed (read before the chart is drawn, so the page can act on it).
    """
    current = st.session_state.get(key)
    selection = current.get("selection") if hasattr(current, "get") else None
    points = [dict(p) for p in (selection.get("points") or [])] if hasattr(selection, "get") else []
    marker = json.dumps(points, sort_keys=True, default=str)
    seen: dict[str, str] = st.session_state.setdefault(KEY_SEEN_SELECTIONS, {})
    if seen.get(key, json.dumps([])) == marker:
        return None
    seen[key] = marker
    return points


def preset_widgets(values: dict[str, object], *, overwrite: bool) -> dict[str, object]:
    """Give widgets a value before they are drawn (``overwrite`` False: only widgets without one);
    returns the widgets' current values.
    """
    for key, value in values.items():
        if overwrite or key not in st.session_state:
            st.session_state[key] = value
    return {key: st.session_state[key] for key in values}


KEY_UPLOAD_ROUND = "regie_upload_round"
"""Counter in the upload widget's key: raising it empties the widget after a file was handled."""


def upload_widget_key(prefix: str) -> str:
    """The key of the file-upload widget for this round (a new round empties the widget)."""
    return f"{prefix}_{st.session_state.get(KEY_UPLOAD_ROUND, 0)}"


def upload_handled(error: str | None) -> None:
    """After an upload: remember its error message (None when it loaded) and empty the widget."""
    st.session_state[KEY_UPLOAD_ROUND] = st.session_state.get(KEY_UPLOAD_ROUND, 0) + 1
    if error:
        st.session_state[KEY_LOAD_ERROR] = error
    else:
        st.session_state.pop(KEY_LOAD_ERROR, None)


def take_load_error() -> str | None:
    """The error of the last failed upload, once (it is cleared when read)."""
    return st.session_state.pop(KEY_LOAD_ERROR, None)


@st.cache_data(show_spinner="Netwerk schikken…", max_entries=16, scope="session")
def _network_structure(node_count: int, sources: np.ndarray, targets: np.ndarray) -> network.Structure:
    return network.structure(node_count, sources, targets)


def network_structure(net: network.Network) -> network.Structure:
    """Layout and betweenness of a drawn network, cached per session on its structure only (node
    numbers and edges: no names), so switching phase or page back and forth is instant."""
    return _network_structure(len(net.nodes), net.sources, net.targets)


KEY_INSTRUMENT_ANSWERS = "regie_instrument_answers"
"""Answers given in the regie-instrumenten (beslisboom, zelfscan): {instrument: {widget key: value}}.
Widgets lose their state when the user opens another page; this store keeps the answers."""


def instrument_answers(instrument: str) -> dict[str, object]:
    """The remembered answers of one instrument ({widget key: value})."""
    store = st.session_state.get(KEY_INSTRUMENT_ANSWERS) or {}
    return dict(store.get(instrument, {}))


def restore_answers(instrument: str, keys: list[str] | tuple[str, ...]) -> None:
    """Before an instrument's widgets are drawn: give each its remembered value (only widgets that
    have none, so an answer being changed is never overwritten)."""
    remembered = instrument_answers(instrument)
    for key in keys:
        if key not in st.session_state and remembered.get(key) is not None:
            st.session_state[key] = remembered[key]


def remember_answers(instrument: str, keys: list[str] | tuple[str, ...]) -> dict[str, object]:
    """After an instrument's widgets are drawn: store their values; returns {widget key: value}."""
    values = {key: st.session_state.get(key) for key in keys}
    store = dict(st.session_state.get(KEY_INSTRUMENT_ANSWERS) or {})
    store[instrument] = values
    st.session_state[KEY_INSTRUMENT_ANSWERS] = store
    return values


def clear_answers(instrument: str, keys: list[str] | tuple[str, ...]) -> None:
    """Forget an instrument's answers and reset its widgets (meant as a button's ``on_click``)."""
    store = dict(st.session_state.get(KEY_INSTRUMENT_ANSWERS) or {})
    store.pop(instrument, None)
    st.session_state[KEY_INSTRUMENT_ANSWERS] = store
    for key in keys:
        st.session_state.pop(key, None)


KEY_VIEW_MEMO = "regie_view_memo"
"""Results computed once per view of the inventory (file, choices, filters, names hidden)."""
_VIEW_MEMO_SIZE = 8


def view_memo(name: str, compute: Callable[[], object]) -> object:
    """``compute()`` once per view of this session's inventory: recomputed when the file, the
    mappings, the accepted suggestions, the filters or "Namen verbergen" change (for tables that
    are slow on large inventories, e.g. the Projecten table)."""
    current = loaded()
    key = (
        name, current.sha256, json.dumps(mappings(), sort_keys=True), json.dumps(accepted(), sort_keys=True),
        repr(filters()), names_hidden(),
    )
    cache: dict[tuple[object, ...], object] = st.session_state.setdefault(KEY_VIEW_MEMO, {})
    if key not in cache:
        while len(cache) >= _VIEW_MEMO_SIZE:
            cache.pop(next(iter(cache)))
        cache[key] = compute()
    return cache[key]


# ------------------------------------------------------------------------------------------------
# Werkruimtes (regie.storage): one shared store per process, the active werkruimte, loading a
# snapshot into the session, and the werkruimte's value mappings for uploads (hooks in
# load_upload and set_mapping, marked "werkruimte hook").
# ------------------------------------------------------------------------------------------------

KEY_WERKRUIMTE = "regie_werkruimte"
"""The name of this session's active werkruimte (absent: none)."""
KEY_SNAPSHOT = "regie_snapshot"
"""{"werkruimte", "label", "sha256"} of the snapshot loaded into this session (absent: none)."""
KEY_WERKRUIMTE_NOTICE = "regie_werkruimte_notice"
"""A Dutch message about the werkruimte's value mappings (applied, or not stored), shown once."""


def database_url() -> str | None:
    """The database URL: ``st.secrets["connections"]["regie"]["url"]`` when set, else
    ``REGIE_DATABASE_URL``, else None (the SQLite file in the user's data directory)."""
    import os

    from streamlit.errors import StreamlitSecretNotFoundError

    from regie.storage import ENV_URL

    try:
        url = str(st.secrets["connections"]["regie"]["url"]).strip()
        if url:
            return url
    except (FileNotFoundError, StreamlitSecretNotFoundError, KeyError, TypeError):
        pass
    return os.environ.get(ENV_URL, "").strip() or None


@st.cache_resource(show_spinner="Database openen…", max_entries=4)
def _store(url: str | None) -> Store:
    from regie.storage import Store

    return Store(url)


def store() -> Store:
    """The shared store (one per process and database URL); raises StorageError (Dutch) when the
    database cannot be opened."""
    return _store(database_url())


def active_werkruimte() -> str | None:
    """The session's active werkruimte, or None."""
    return st.session_state.get(KEY_WERKRUIMTE) or None


def set_active_werkruimte(name: str | None) -> None:
    """Make a werkruimte active (None: none); its value mappings then go with the next upload."""
    if name:
        st.session_state[KEY_WERKRUIMTE] = name
    else:
        st.session_state.pop(KEY_WERKRUIMTE, None)


def load_snapshot(snapshot: Snapshot) -> None:
    """Make a stored snapshot the session's inventory (all pages show it), with its review choices;
    its werkruimte becomes the active one."""
    data = snapshot.data
    sha = hashlib.sha256(data).hexdigest()
    st.session_state[KEY_UPLOAD] = {"name": snapshot.info.file_name, "data": data, "sha256": sha}
    st.session_state[KEY_MAPPINGS] = {k: dict(v) for k, v in snapshot.value_mappings.items()}
    st.session_state[KEY_ACCEPTED] = {k: list(v) for k, v in snapshot.accepted_elements.items()}
    st.session_state[KEY_DISMISSED] = set()
    clear_filters()
    set_active_werkruimte(snapshot.info.werkruimte)
    st.session_state[KEY_SNAPSHOT] = {"werkruimte": snapshot.info.werkruimte, "label": snapshot.info.label,
                                      "sha256": sha}


def loaded_snapshot() -> dict[str, str] | None:
    """{"werkruimte", "label"} while the session shows a loaded snapshot (None after another upload)."""
    marker = st.session_state.get(KEY_SNAPSHOT)
    upload = st.session_state.get(KEY_UPLOAD)
    if not marker or upload is None or upload.get("sha256") != marker.get("sha256"):
        return None
    return {"werkruimte": marker["werkruimte"], "label": marker["label"]}


def upload_data() -> tuple[bytes, str]:
    """The bytes and file name of the session's inventory (the example's when nothing is loaded)."""
    upload = st.session_state.get(KEY_UPLOAD)
    if upload is None:
        return example_bytes(), EXAMPLE_FILE.name
    return upload["data"], upload["name"]


def take_werkruimte_notice() -> str | None:
    """The last message about the werkruimte's mappings, once."""
    return st.session_state.pop(KEY_WERKRUIMTE_NOTICE, None)


def _apply_werkruimte_mappings() -> None:
    """After a new upload: start from the active werkruimte's value mappings (werkruimte hook)."""
    st.session_state.pop(KEY_SNAPSHOT, None)
    name = active_werkruimte()
    if not name:
        return
    try:
        chosen = store().mappings_for(name)
    except RegieError as exc:
        st.session_state[KEY_WERKRUIMTE_NOTICE] = (
            f"De toewijzingen van werkruimte '{name}' konden niet worden toegepast: {exc}"
        )
        from regie.storage import UnknownWerkruimteError

        if isinstance(exc, UnknownWerkruimteError):
            set_active_werkruimte(None)
        return
    st.session_state[KEY_MAPPINGS] = {k: dict(v) for k, v in chosen.items() if v}
    count = sum(len(v) for v in chosen.values())
    if count:
        st.session_state[KEY_WERKRUIMTE_NOTICE] = (
            f"{count} {'toewijzing' if count == 1 else 'toewijzingen'} van werkruimte '{name}' toegepast op het "
            "nieuwe bestand."
        )


def _store_werkruimte_mapping(field: str, original: str, code: str | None) -> None:
    """A review choice made while a werkruimte is active also becomes the werkruimte's (werkruimte hook)."""
    name = active_werkruimte()
    if not name:
        return
    try:
        store().set_mapping(name, field, original, code or None)
    except RegieError as exc:
        st.session_state[KEY_WERKRUIMTE_NOTICE] = (
            f"De keuze is wel gemaakt, maar niet bewaard in werkruimte '{name}': {exc}"
        )


# ------------------------------------------------------------------------------------------------
# Werkplaats (regie.instruments.werkplaats): the facilitator's code and key, the participant's anonymous id
# ------------------------------------------------------------------------------------------------

KEY_WERKPLAATS = "regie_werkplaats"
"""{"code", "key"} of the werkplaats this session facilitates (absent: none)."""
KEY_PARTICIPANT = "regie_werkplaats_deelnemer"
"""{join code: anonymous participant id} of this session."""


def facilitated() -> dict[str, str] | None:
    """{"code", "key"} of the werkplaats this session facilitates, or None."""
    return st.session_state.get(KEY_WERKPLAATS) or None


def set_facilitated(code: str | None, key: str | None = None) -> None:
    """Remember (or, with None, forget) the werkplaats this session facilitates."""
    if code and key:
        st.session_state[KEY_WERKPLAATS] = {"code": code, "key": key}
    else:
        st.session_state.pop(KEY_WERKPLAATS, None)


def participant_id(code: str, given: str | None = None) -> str:
    """This session's anonymous id in the werkplaats ``code`` (made once; ``given`` — from the
    participant's own link — is used when the session has none yet)."""
    from regie.instruments.werkplaats import new_participant

    ids: dict[str, str] = dict(st.session_state.get(KEY_PARTICIPANT) or {})
    if code not in ids:
        ids[code] = given or new_participant()
        st.session_state[KEY_PARTICIPANT] = ids
    return ids[code]


KEY_JOINED = "regie_werkplaats_aangemeld"
"""Join codes this session has registered as participant in (registered once per session)."""


def joined(code: str) -> bool:
    """True when this session has already registered as participant in werkplaats ``code``."""
    return code in (st.session_state.get(KEY_JOINED) or set())


def mark_joined(code: str) -> None:
    """Remember that this session registered as participant in werkplaats ``code``."""
    st.session_state[KEY_JOINED] = set(st.session_state.get(KEY_JOINED) or set()) | {code}


# ------------------------------------------------------------------------------------------------
# Messages that survive the rerun after a button's callback, and small per-session memos
# ------------------------------------------------------------------------------------------------

KEY_FLASH = "regie_flash"
"""{page: [(kind, text)]}: messages to show once on the page's next run."""
KEY_SESSION_MEMO = "regie_session_memo"
_SESSION_MEMO_SIZE = 6


def flash(page: str, kind: str, text: str) -> None:
    """Queue a message for ``page``'s next run; ``kind``: success, info, warning, error (text may
    quote user text: pages show it escaped) or text (shown with st.text)."""
    queued = dict(st.session_state.get(KEY_FLASH) or {})
    queued[page] = [*queued.get(page, []), (kind, text)]
    st.session_state[KEY_FLASH] = queued


def take_flashes(page: str) -> list[tuple[str, str]]:
    """The queued messages of ``page``, once."""
    queued = dict(st.session_state.get(KEY_FLASH) or {})
    messages = queued.pop(page, [])
    st.session_state[KEY_FLASH] = queued
    return messages


def session_memo(name: str, key: object, compute: Callable[[], object]) -> object:
    """``compute()`` once per ``(name, key)`` in this session (a few are kept), for results that are
    slow to compute and fixed by ``key`` (e.g. the comparison of two stored snapshots)."""
    cache: dict[tuple[str, str], object] = st.session_state.setdefault(KEY_SESSION_MEMO, {})
    memo_key = (name, json.dumps(key, sort_keys=True, default=str))
    if memo_key not in cache:
        while len(cache) >= _SESSION_MEMO_SIZE:
            cache.pop(next(iter(cache)))
        cache[memo_key] = compute()
    return cache[memo_key]
