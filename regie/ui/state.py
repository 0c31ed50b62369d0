"""The session's inventory: the loaded file, the user's choices, the filters, and the view pages show.

The loaded inventory lives in the session (bytes + the user's mapping choices) and survives page
switches and reruns. Uploaded files are kept per session in :mod:`regie.ui.memo` — never shared
between users; only the public example is cached across sessions (``st.cache_resource``).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import numpy as np
import pandas as pd
import streamlit as st

from regie import Inventory, map_inventory, read_workbook
from regie.analysis import network
from regie.analysis.filters import Filters, apply, describe
from regie.analysis.privacy import hide_names
from regie.errors import RegieError
from regie.model import RawWorkbook
from regie.reading import guard
from regie.storage import Snapshot
from regie.ui import keys, werkruimtes
from regie.ui.memo import memo

DATA_DIR = Path(__file__).resolve().parents[2] / "data"
EXAMPLE_FILE = DATA_DIR / "voorbeeld_inventaris.xlsx"
TEMPLATE_FILE = DATA_DIR / "sjabloon_inventaris.xlsx"
EXAMPLE_SHA = "voorbeeld"

T = TypeVar("T")


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


@st.cache_resource(show_spinner=False, max_entries=1)
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


# ------------------------------------------------------------------------------------------------
# The user's choices
# ------------------------------------------------------------------------------------------------


def mappings() -> dict[str, dict[str, str]]:
    """The user's value mappings of this session."""
    chosen: dict[str, dict[str, str]] = st.session_state.setdefault(keys.MAPPINGS, {})
    return chosen


def set_mapping(field: str, original: str, code: str | None) -> None:
    """Map an unknown value (``code`` None removes the choice); also kept in the active werkruimte."""
    current = {k: dict(v) for k, v in mappings().items()}
    chosen = current.setdefault(field, {})
    if code:
        chosen[original] = code
    else:
        chosen.pop(original, None)
    st.session_state[keys.MAPPINGS] = {k: v for k, v in current.items() if v}
    werkruimtes.keep_mapping(field, original, code)


def accepted() -> dict[str, list[str]]:
    """Accepted element suggestions of this session."""
    chosen: dict[str, list[str]] = st.session_state.setdefault(keys.ACCEPTED, {})
    return chosen


def dismissed() -> set[tuple[str, str]]:
    """Rejected element suggestions of this session."""
    gone: set[tuple[str, str]] = st.session_state.setdefault(keys.DISMISSED, set())
    return gone


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
    st.session_state[keys.ACCEPTED] = chosen
    st.session_state[keys.DISMISSED] = gone


# ------------------------------------------------------------------------------------------------
# Loading
# ------------------------------------------------------------------------------------------------


def _raw(sha: str, name: str, data: bytes) -> RawWorkbook:
    return memo("raw", sha, lambda: read_workbook(data, name))


def load_upload(name: str, data: bytes) -> str | None:
    """Make an uploaded file the session's inventory; returns a Dutch error message or None."""
    try:
        guard.check_upload_size(data, name)
    except RegieError as exc:
        return str(exc)
    sha = hashlib.sha256(data).hexdigest()
    try:
        _raw(sha, name, data)
    except RegieError as exc:
        return str(exc)
    previous = st.session_state.get(keys.UPLOAD)
    st.session_state[keys.UPLOAD] = {"name": name, "data": data, "sha256": sha}
    if previous is not None and previous["sha256"] == sha:
        return None  # the same file again: keep the choices made for it
    st.session_state[keys.MAPPINGS] = {}
    st.session_state[keys.ACCEPTED] = {}
    st.session_state[keys.DISMISSED] = set()
    clear_filters()
    st.session_state.pop(keys.SNAPSHOT, None)
    st.session_state[keys.MAPPINGS] = werkruimtes.mappings_for_new_upload()
    return None


def load_snapshot(snapshot: Snapshot) -> None:
    """Make a stored snapshot the session's inventory (all pages show it), with its review choices;
    its werkruimte becomes the active one."""
    data = snapshot.data
    sha = hashlib.sha256(data).hexdigest()
    st.session_state[keys.UPLOAD] = {"name": snapshot.info.file_name, "data": data, "sha256": sha}
    st.session_state[keys.MAPPINGS] = {k: dict(v) for k, v in snapshot.value_mappings.items()}
    st.session_state[keys.ACCEPTED] = {k: list(v) for k, v in snapshot.accepted_elements.items()}
    st.session_state[keys.DISMISSED] = set()
    clear_filters()
    werkruimtes.set_active(snapshot.info.werkruimte)
    st.session_state[keys.SNAPSHOT] = {"werkruimte": snapshot.info.werkruimte, "label": snapshot.info.label,
                                       "sha256": sha}


def loaded_snapshot() -> dict[str, str] | None:
    """{"werkruimte", "label"} while the session shows a loaded snapshot (None after another upload)."""
    marker = st.session_state.get(keys.SNAPSHOT)
    upload = st.session_state.get(keys.UPLOAD)
    if not marker or upload is None or upload.get("sha256") != marker.get("sha256"):
        return None
    return {"werkruimte": marker["werkruimte"], "label": marker["label"]}


def clear_filters() -> None:
    """Reset every sidebar filter to "Alle" — the widgets and the state alike (call it from a callback).

    The value is set, not removed: a removed key leaves the browser's multiselect holding its old
    chips, which it sends back with the next change."""
    for key in keys.FILTERS.values():
        st.session_state[key] = []


def use_example() -> None:
    """Go back to the example inventory."""
    for key in (keys.UPLOAD, keys.MAPPINGS, keys.ACCEPTED, keys.DISMISSED, keys.SNAPSHOT):
        st.session_state.pop(key, None)
    clear_filters()


def _choices_key() -> tuple[str, str]:
    return json.dumps(mappings(), sort_keys=True), json.dumps(accepted(), sort_keys=True)


def loaded() -> Loaded:
    """The session's inventory (the example until the user loads a file), mapped with their choices."""
    upload = st.session_state.get(keys.UPLOAD)
    choices, kept = mappings(), accepted()
    if upload is None:
        if not choices and not kept:
            return Loaded(_example_inventory(), EXAMPLE_FILE.name, True, EXAMPLE_SHA)
        raw, name, sha, is_example = _example_raw(), EXAMPLE_FILE.name, EXAMPLE_SHA, True
    else:
        raw = _raw(upload["sha256"], upload["name"], upload["data"])
        name, sha, is_example = upload["name"], upload["sha256"], False
    inventory = memo("inventory", (sha, *_choices_key()), lambda: map_inventory(raw, choices, kept))
    return Loaded(inventory, name, is_example, sha)


def upload_data() -> tuple[bytes, str]:
    """The bytes and file name of the session's inventory (the example's when nothing is loaded)."""
    upload = st.session_state.get(keys.UPLOAD)
    if upload is None:
        return example_bytes(), EXAMPLE_FILE.name
    return upload["data"], upload["name"]


def unknown_values() -> pd.DataFrame:
    """Every unknown value of the loaded file (``field``, ``value``, ``count``) *before* the user's
    mappings, so values already mapped stay listed in the review (and the choice can be undone)."""
    current = loaded()
    if not mappings():
        return current.inventory.unknown

    def unmapped() -> pd.DataFrame:
        upload = st.session_state.get(keys.UPLOAD)
        raw = _example_raw() if upload is None else _raw(upload["sha256"], upload["name"], upload["data"])
        return map_inventory(raw).unknown

    return memo("unknown", current.sha256, unmapped)


# ------------------------------------------------------------------------------------------------
# Upload widget round and messages
# ------------------------------------------------------------------------------------------------


def upload_widget_key(prefix: str) -> str:
    """The key of the file-upload widget for this round (a new round empties the widget)."""
    return f"{prefix}_{st.session_state.get(keys.UPLOAD_ROUND, 0)}"


def upload_handled(error: str | None) -> None:
    """After an upload: remember its error message (None when it loaded) and empty the widget."""
    st.session_state[keys.UPLOAD_ROUND] = st.session_state.get(keys.UPLOAD_ROUND, 0) + 1
    if error:
        st.session_state[keys.LOAD_ERROR] = error
    else:
        st.session_state.pop(keys.LOAD_ERROR, None)


def take_load_error() -> str | None:
    """The error of the last failed upload, once (it is cleared when read)."""
    message: str | None = st.session_state.pop(keys.LOAD_ERROR, None)
    return message


# ------------------------------------------------------------------------------------------------
# Filters and the view
# ------------------------------------------------------------------------------------------------


def filters() -> Filters:
    """The sidebar filters as chosen in this session."""
    return Filters(**{name: tuple(st.session_state.get(key) or ()) for name, key in keys.FILTERS.items()})


def names_hidden() -> bool:
    """True when "Namen verbergen" is on."""
    return bool(st.session_state.get(keys.HIDE_NAMES, False))


@dataclass(frozen=True)
class View:
    """What a page shows: the filtered (and, if asked, anonymised) inventory and its subtitle."""

    inventory: Inventory
    full: Inventory
    filters: Filters
    subtitle: str
    loaded: Loaded
    names_hidden: bool

    @property
    def key(self) -> tuple[object, ...]:
        """What identifies this view: file, choices, filters, names hidden (for memos)."""
        return (self.loaded.sha256, *_choices_key(), repr(self.filters), self.names_hidden)


def view() -> View:
    """The inventory as the pages show it: filtered, names hidden when asked (once per view)."""
    current = loaded()
    chosen = filters()
    hidden = names_hidden()

    def compute() -> View:
        shown = apply(current.inventory, chosen)
        full = current.inventory
        if hidden:
            shown, full = hide_names(shown, reference=full), hide_names(full)
        return View(shown, full, chosen, f"{describe(chosen)} · {current.name}", current, hidden)

    return memo("view", (current.sha256, *_choices_key(), repr(chosen), hidden), compute)


def view_table(name: str, view_: View, compute: Callable[[], T]) -> T:
    """``compute()`` once per view (file, choices, filters, names hidden): for tables that are slow on
    large inventories, e.g. the Projecten table."""
    return memo("table", (name, *view_.key), compute)


def view_chart(name: str, view_: View, compute: Callable[[], T], variant: object = None) -> T:
    """``compute()`` once per view and ``variant`` (what else the chart depends on: a phase chosen on
    the page, a selected cell): a page visited again, or a filter set back, draws its charts without
    building them again."""
    return memo("chart", (name, repr(variant), *view_.key), compute)


def inventory_table(name: str, view_: View, compute: Callable[[], T]) -> T:
    """``compute()`` once per file, choices and names hidden, whatever the filters: for a table of the
    whole inventory (``view_.full``) that the page narrows to the filtered projects itself, so a
    filter change does not build it again."""
    return memo("file_table", (name, view_.loaded.sha256, *_choices_key(), view_.names_hidden), compute)


# ------------------------------------------------------------------------------------------------
# Charts and widgets
# ------------------------------------------------------------------------------------------------


def new_chart_selection(key: str) -> list[dict[str, object]] | None:
    """The selected points of the plotly chart with widget key ``key``, if they changed since the
    last run; None when nothing changed (read before the chart is drawn, so the page can act on it).
    """
    current: Any = st.session_state.get(key)
    selection: Any = current.get("selection") if hasattr(current, "get") else None
    points = [dict(p) for p in (selection.get("points") or [])] if hasattr(selection, "get") else []
    marker = json.dumps(points, sort_keys=True, default=str)
    seen: dict[str, str] = st.session_state.setdefault(keys.SEEN_SELECTIONS, {})
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


@st.cache_data(show_spinner="Netwerk schikken…", max_entries=16, scope="session")
def _network_structure(node_count: int, sources: np.ndarray, targets: np.ndarray) -> network.Structure:
    return network.structure(node_count, sources, targets)


def network_structure(net: network.Network) -> network.Structure:
    """Layout and betweenness of a drawn network, cached per session on its structure only (node
    numbers and edges: no names), so switching phase or page back and forth is instant."""
    return _network_structure(len(net.nodes), net.sources, net.targets)
