"""The session's side of a werkplaats: the werkplaats it facilitates, the one it takes part in (a
participant's session shows nothing but the vote) and its anonymous participant id (kept in the session
only, never in the address)."""

from __future__ import annotations

import streamlit as st

from regie.errors import UnknownCodeError, WrongKeyError
from regie.instruments import werkplaats as wp
from regie.storage import Store
from regie.storage import access as acc
from regie.ui import keys
from regie.ui.werkruimtes import scopes


def facilitated() -> dict[str, str] | None:
    """{"code", "key"} of the werkplaats this session facilitates, or None."""
    current: dict[str, str] | None = st.session_state.get(keys.WERKPLAATS) or None
    return current


def set_facilitated(code: str | None, key: str | None = None) -> None:
    """Remember (or, with None, forget) the werkplaats this session facilitates."""
    if code and key:
        st.session_state[keys.WERKPLAATS] = {"code": code, "key": key}
    else:
        st.session_state.pop(keys.WERKPLAATS, None)


def open_as_facilitator(store: Store, code: str, key: str) -> wp.Werkplaats:
    """Check a facilitator key (rate-limited per werkplaats code, session and address) and remember it."""
    code = wp.clean_code(code)
    werkplaats = acc.guarded(store, [acc.scope("werkplaats", code or "-"), *scopes()],
                             lambda: wp.check_key(store, code, key), (WrongKeyError, UnknownCodeError))
    set_facilitated(code, key)
    return werkplaats


def participating() -> str | None:
    """The join code of the werkplaats this session takes part in, or None.

    A participant link (``?code=...``) makes the session a participant's: from then on the app shows this
    session only the werkplaats vote (see app.py), until the participant stops. The facilitator opening
    their own code is not a participant.
    """
    code = wp.clean_code(st.query_params.get(wp.PARAM_CODE, ""))
    own = facilitated()
    if code and not st.query_params.get(wp.PARAM_KEY) and not (own and own["code"] == code):
        st.session_state[keys.PARTICIPATING] = code
    current: str | None = st.session_state.get(keys.PARTICIPATING) or None
    return current


def stop_participating() -> None:
    """Leave the participant's view (the answers stay stored)."""
    st.session_state.pop(keys.PARTICIPATING, None)
    st.query_params.pop(wp.PARAM_CODE, None)


def join_checked(store: Store, code: str) -> wp.Werkplaats:
    """The werkplaats of a typed or linked code, rate-limited per session and address (wrong codes count)."""
    return acc.guarded(store, scopes(), lambda: wp.get(store, code), UnknownCodeError)


def participant_id(code: str) -> str:
    """This session's anonymous id in the werkplaats ``code`` (made once, kept in the session only)."""
    ids: dict[str, str] = dict(st.session_state.get(keys.PARTICIPANT) or {})
    if code not in ids:
        ids[code] = wp.new_participant()
        st.session_state[keys.PARTICIPANT] = ids
    return ids[code]


def joined(code: str) -> bool:
    """True when this session has already registered as participant in werkplaats ``code``."""
    return code in (st.session_state.get(keys.JOINED) or set())


def mark_joined(code: str) -> None:
    """Remember that this session registered as participant in werkplaats ``code``."""
    st.session_state[keys.JOINED] = set(st.session_state.get(keys.JOINED) or set()) | {code}
