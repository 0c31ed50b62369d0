"""The session's side of the werkruimtes: the shared store, what this session may open (its
:class:`~regie.storage.access.Access`), the active werkruimte, and its value mappings following the
user's uploads and review choices."""

from __future__ import annotations

import logging
import os
import secrets
from collections.abc import Mapping
from typing import Any

import streamlit as st
from streamlit.errors import StreamlitSecretNotFoundError

from regie.errors import AccessDeniedError, RegieError
from regie.storage import Store
from regie.storage import access as acc
from regie.storage.engine import configured_url
from regie.ui import keys

log = logging.getLogger(__name__)
ENV_TRUSTED_PROXY = "REGIE_TRUSTED_PROXY"
"""Set to 1 when the app runs behind a proxy that sets ``X-Forwarded-For`` (the compose set-up does): the
rate limit then counts per client address from that header instead of per proxy."""


def database_url() -> str | None:
    """The database URL: ``st.secrets["connections"]["regie"]["url"]`` when set, else
    ``REGIE_DATABASE_URL`` (or the secret file of ``REGIE_DATABASE_URL_FILE``), else None (the SQLite file in
    the user's data directory)."""
    try:
        url = str(st.secrets["connections"]["regie"]["url"]).strip()
        if url:
            return url
    except (FileNotFoundError, StreamlitSecretNotFoundError, KeyError, TypeError):
        pass
    return configured_url()


@st.cache_resource(show_spinner="Database openen…", max_entries=4)
def _store(url: str | None) -> Store:
    return Store(url)


def store() -> Store:
    """The shared store (one per process and database URL); raises StorageError (Dutch) when the
    database cannot be opened."""
    return _store(database_url())


def _secrets(*path: str) -> Any:
    try:
        node: Any = st.secrets
        for part in path:
            node = node[part]
        return node
    except (FileNotFoundError, StreamlitSecretNotFoundError, KeyError, TypeError):
        return None


def sign_in_configured() -> bool:
    """True when the server's secrets configure sign-in (an ``[auth]`` section for ``st.login``)."""
    return _secrets("auth") is not None


def signed_in_email() -> str | None:
    """The signed-in user's e-mail address (sign-in configured and done), else None."""
    if not sign_in_configured():
        return None
    try:
        if not st.user.is_logged_in:
            return None
        email = st.user.get("email")
    except Exception:  # st.user unusable (e.g. Authlib missing): no sign-in access
        log.exception("st.user could not be read")
        return None
    return str(email).strip() or None if email else None


def access_rules() -> Mapping[str, Any]:
    """The access list for signed-in users: ``[regie.toegang]`` in the secrets (werkruimte → addresses)."""
    rules = _secrets("regie", "toegang")
    return dict(rules) if rules is not None else {}


def session_scope() -> str:
    """This session's rate-limit scope (a random id made once per session)."""
    if keys.SESSION_ID not in st.session_state:
        st.session_state[keys.SESSION_ID] = secrets.token_urlsafe(16)
    return acc.scope("sessie", str(st.session_state[keys.SESSION_ID]))


def client_scope() -> str | None:
    """The client address's rate-limit scope (None on this computer itself)."""
    address = None
    if os.environ.get(ENV_TRUSTED_PROXY, "").strip() == "1":
        forwarded = st.context.headers.get("X-Forwarded-For") or ""
        address = forwarded.split(",")[0].strip() or None
    address = address or st.context.ip_address
    return acc.scope("adres", address) if address else None


def scopes() -> list[str]:
    """This session's own rate-limit scopes: the session and the client address."""
    return [s for s in (session_scope(), client_scope()) if s]


def access() -> acc.Access:
    """What this session may open: werkruimtes opened with their key here, and those the access list gives
    the signed-in user. Raises StorageError (Dutch) when the database cannot be opened."""
    granted = st.session_state.setdefault(keys.ACCESS, set())
    return acc.Access(store(), granted, email=signed_in_email(), rules=access_rules(), scopes=scopes())


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
        chosen = access().mappings_for(name)
    except RegieError as exc:
        st.session_state[keys.WERKRUIMTE_NOTICE] = (
            f"De toewijzingen van werkruimte '{name}' konden niet worden toegepast: {exc}"
        )
        if isinstance(exc, AccessDeniedError):
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
        access().set_mapping(name, field, original, code or None)
    except RegieError as exc:
        st.session_state[keys.WERKRUIMTE_NOTICE] = (
            f"De keuze is wel gemaakt, maar niet bewaard in werkruimte '{name}': {exc}"
        )


def show_new_key(werkruimte: str, key: str) -> None:
    """Keep a just-made werkruimte key to show (until the user says it is saved)."""
    st.session_state[keys.NEW_KEY] = {"werkruimte": werkruimte, "key": key}


def _key_saved() -> None:
    st.session_state.pop(keys.NEW_KEY, None)


def new_key_panel() -> None:
    """The werkruimte key just made, with what to do with it; gone once the user says it is saved."""
    shown = st.session_state.get(keys.NEW_KEY)
    if not shown:
        return
    with st.container(border=True):
        st.subheader("Sleutel van de werkruimte")
        st.warning(
            "Bewaar deze sleutel nu, bijvoorbeeld in de wachtwoordkluis van de gemeente. Hij wordt maar één keer "
            "getoond en de app bewaart hem niet: zonder de sleutel kan niemand de werkruimte in een nieuwe sessie "
            "openen. Geef hem alleen aan wie mee mag kijken.",
            icon=":material/key:",
        )
        st.text(f"Werkruimte: {shown['werkruimte']}")
        st.code(shown["key"], language=None)
        st.button("Ik heb de sleutel bewaard", key="werkruimtes_sleutel_bewaard", on_click=_key_saved,
                  type="primary")


def sign_in_panel() -> None:
    """Sign-in (only when the server configures it): who is signed in, and the buttons to sign in or out."""
    if not sign_in_configured():
        return
    email = signed_in_email()
    columns = st.columns([3, 1], vertical_alignment="center")
    if email:
        columns[0].caption("Ingelogd als")
        columns[0].text(email)
        columns[1].button("Uitloggen", key="werkruimtes_uitloggen", on_click=st.logout, icon=":material/logout:")
    else:
        columns[0].caption("Log in met het account van uw organisatie om de werkruimtes te zien waartoe u "
                           "toegang heeft.")
        columns[1].button("Inloggen", key="werkruimtes_inloggen", on_click=st.login, icon=":material/login:")
