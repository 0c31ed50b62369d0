"""The session's side of the werkruimtes: the shared store, the active werkruimte, and its value
mappings following the user's uploads and review choices."""

from __future__ import annotations

import os

import streamlit as st
from streamlit.errors import StreamlitSecretNotFoundError

from regie.errors import RegieError, UnknownWerkruimteError
from regie.storage import ENV_URL, Store
from regie.ui import keys


def database_url() -> str | None:
    """The database URL: ``st.secrets["connections"]["regie"]["url"]`` when set, else
    ``REGIE_DATABASE_URL``, else None (the SQLite file in the user's data directory)."""
    try:
        url = str(st.secrets["connections"]["regie"]["url"]).strip()
        if url:
            return url
    except (FileNotFoundError, StreamlitSecretNotFoundError, KeyError, TypeError):
        pass
    return os.environ.get(ENV_URL, "").strip() or None


@st.cache_resource(show_spinner="Database openen…", max_entries=4)
def _store(url: str | None) -> Store:
    return Store(url)


def store() -> Store:
    """The shared store (one per process and database URL); raises StorageError (Dutch) when the
    database cannot be opened."""
    return _store(database_url())


def active() -> str | None:
    """The session's active werkruimte, or None."""
    name: str | None = st.session_state.get(keys.WERKRUIMTE) or None
    return name


def set_active(name: str | None) -> None:
    """Make a werkruimte active (None: none); its value mappings then go with the next upload."""
    if name:
        st.session_state[keys.WERKRUIMTE] = name
    else:
        st.session_state.pop(keys.WERKRUIMTE, None)


def take_notice() -> str | None:
    """The last message about the werkruimte's mappings, once."""
    notice: str | None = st.session_state.pop(keys.WERKRUIMTE_NOTICE, None)
    return notice


def mappings_for_new_upload() -> dict[str, dict[str, str]]:
    """The active werkruimte's value mappings, to start a new upload from (empty without one)."""
    name = active()
    if not name:
        return {}
    try:
        chosen = store().mappings_for(name)
    except RegieError as exc:
        st.session_state[keys.WERKRUIMTE_NOTICE] = (
            f"De toewijzingen van werkruimte '{name}' konden niet worden toegepast: {exc}"
        )
        if isinstance(exc, UnknownWerkruimteError):
            set_active(None)
        return {}
    count = sum(len(v) for v in chosen.values())
    if count:
        st.session_state[keys.WERKRUIMTE_NOTICE] = (
            f"{count} {'toewijzing' if count == 1 else 'toewijzingen'} van werkruimte '{name}' toegepast op het "
            "nieuwe bestand."
        )
    return {k: dict(v) for k, v in chosen.items() if v}


def keep_mapping(field: str, original: str, code: str | None) -> None:
    """A review choice made while a werkruimte is active also becomes the werkruimte's."""
    name = active()
    if not name:
        return
    try:
        store().set_mapping(name, field, original, code or None)
    except RegieError as exc:
        st.session_state[keys.WERKRUIMTE_NOTICE] = (
            f"De keuze is wel gemaakt, maar niet bewaard in werkruimte '{name}': {exc}"
        )
