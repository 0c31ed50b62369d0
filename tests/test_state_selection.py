"""regie.ui.state.new_chart_selection and preset_widgets: a click applies once, then the pickers win."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest


def _script() -> None:
    import streamlit as st

    from regie.ui import state

    points = state.new_chart_selection("grafiek")
    st.session_state["gezien"] = [*st.session_state.get("gezien", []), points]
    if points:
        state.preset_widgets({"keuze": points[0]["x"]}, overwrite=True)
    else:
        state.preset_widgets({"keuze": "a"}, overwrite=False)
    st.selectbox("Keuze", ["a", "b", "c"], key="keuze")


def test_a_new_selection_is_reported_once_and_sets_the_picker() -> None:
    at = AppTest.from_function(_script, default_timeout=30).run()
    assert at.selectbox(key="keuze").value == "a"
    at.session_state["grafiek"] = {"selection": {"points": [{"x": "b"}]}}
    at.run()
    assert at.selectbox(key="keuze").value == "b"
    at.selectbox(key="keuze").set_value("c").run()  # same selection again: the picker wins
    assert at.selectbox(key="keuze").value == "c"
    at.session_state["grafiek"] = {"selection": {"points": []}}
    at.run()
    assert at.selectbox(key="keuze").value == "c"
    at.session_state["grafiek"] = {"selection": {"points": [{"x": "b"}]}}
    at.run()  # clicking the same cell again after a deselect applies again
    assert at.selectbox(key="keuze").value == "b"
    assert not at.exception
    assert at.session_state["gezien"] == [None, [{"x": "b"}], None, [], [{"x": "b"}]]
