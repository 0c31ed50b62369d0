"""What a session remembers between runs besides its inventory: messages for a page's next run and
the answers given in the regie-instrumenten."""

from __future__ import annotations

import streamlit as st

from regie.ui import keys


def flash(page: str, kind: str, text: str) -> None:
    """Queue a message for ``page``'s next run; ``kind``: success, info, warning, error (text may
    quote user text: pages show it escaped) or text (shown with st.text)."""
    queued = dict(st.session_state.get(keys.FLASH) or {})
    queued[page] = [*queued.get(page, []), (kind, text)]
    st.session_state[keys.FLASH] = queued


def take_flashes(page: str) -> list[tuple[str, str]]:
    """The queued messages of ``page``, once."""
    queued = dict(st.session_state.get(keys.FLASH) or {})
    messages: list[tuple[str, str]] = queued.pop(page, [])
    st.session_state[keys.FLASH] = queued
    return messages


def instrument_answers(instrument: str) -> dict[str, object]:
    """The remembered answers of one instrument ({widget key: value})."""
    store = st.session_state.get(keys.INSTRUMENT_ANSWERS) or {}
    return dict(store.get(instrument, {}))


def restore_answers(instrument: str, widget_keys: list[str] | tuple[str, ...]) -> None:
    """Before an instrument's widgets are drawn: give each its remembered value (only widgets that
    have none, so an answer being changed is never overwritten)."""
    remembered = instrument_answers(instrument)
    for key in widget_keys:
        if key not in st.session_state and remembered.get(key) is not None:
            st.session_state[key] = remembered[key]


def remember_answers(instrument: str, widget_keys: list[str] | tuple[str, ...]) -> dict[str, object]:
    """After an instrument's widgets are drawn: store their values; returns {widget key: value}."""
    values = {key: st.session_state.get(key) for key in widget_keys}
    store = dict(st.session_state.get(keys.INSTRUMENT_ANSWERS) or {})
    store[instrument] = values
    st.session_state[keys.INSTRUMENT_ANSWERS] = store
    return values


def clear_answers(instrument: str, widget_keys: list[str] | tuple[str, ...]) -> None:
    """Forget an instrument's answers and reset its widgets (meant as a button's ``on_click``)."""
    store = dict(st.session_state.get(keys.INSTRUMENT_ANSWERS) or {})
    store.pop(instrument, None)
    st.session_state[keys.INSTRUMENT_ANSWERS] = store
    for key in widget_keys:
        st.session_state.pop(key, None)
