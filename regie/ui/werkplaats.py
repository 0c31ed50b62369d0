"""The session's side of a werkplaats: the werkplaats it facilitates and its anonymous participant id."""

from __future__ import annotations

import streamlit as st

from regie.instruments.werkplaats import new_participant
from regie.ui import keys


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


def participant_id(code: str, given: str | None = None) -> str:
    """This session's anonymous id in the werkplaats ``code`` (made once; ``given`` — from the
    participant's own link — is used when the session has none yet)."""
    ids: dict[str, str] = dict(st.session_state.get(keys.PARTICIPANT) or {})
    if code not in ids:
        ids[code] = given or new_participant()
        st.session_state[keys.PARTICIPANT] = ids
    return ids[code]


def joined(code: str) -> bool:
    """True when this session has already registered as participant in werkplaats ``code``."""
    return code in (st.session_state.get(keys.JOINED) or set())


def mark_joined(code: str) -> None:
    """Remember that this session registered as participant in werkplaats ``code``."""
    st.session_state[keys.JOINED] = set(st.session_state.get(keys.JOINED) or set()) | {code}
