"""Presenteren: one view at a time, large, for a workshop or a projector; the exports for download."""

import streamlit as st

from regie.charts import presentation as pres
from regie.formatting import nl_int
from regie.ui import state
from regie.ui.downloads import export_buttons, png_button
from regie.ui.widgets import example_banner, require_router, safe_call, show_projector_chart, subtitle

VIEW_KEY = "presenteren_view"
KEYS = [v.key for v in pres.VIEWS]


def _move(delta: int) -> None:
    current = st.session_state.get(VIEW_KEY) or KEYS[0]
    st.session_state[VIEW_KEY] = KEYS[pres.step(KEYS.index(current), delta)]


require_router()
st.set_page_config(layout="wide", initial_sidebar_state="collapsed")
view = state.view()
st.title("Presenteren")
example_banner(view.loaded)

if st.session_state.get(VIEW_KEY) not in KEYS:
    st.session_state[VIEW_KEY] = KEYS[0]
left, middle, right = st.columns([1, 8, 1], vertical_alignment="center")
left.button("Vorige", key="presenteren_vorige", on_click=_move, args=(-1,), icon=":material/arrow_back:",
            disabled=st.session_state[VIEW_KEY] == KEYS[0], width="stretch")
middle.segmented_control(
    "Onderdeel", KEYS, key=VIEW_KEY, required=True, label_visibility="collapsed",
    format_func=lambda key: f"{KEYS.index(key) + 1}. {pres.VIEW_BY_KEY[key].title}", width="stretch",
)
right.button("Volgende", key="presenteren_volgende", on_click=_move, args=(1,), icon=":material/arrow_forward:",
             icon_position="right", disabled=st.session_state[VIEW_KEY] == KEYS[-1], width="stretch")

current = pres.VIEW_BY_KEY[st.session_state[VIEW_KEY]]
st.header(f"{KEYS.index(current.key) + 1}/{len(KEYS)} · {current.title}")
st.markdown(current.explanation)
subtitle(view)

shown = safe_call(lambda: pres.show(current, view.inventory, view.subtitle), f"het onderdeel {current.title}")
if shown is not None and shown.chart is None:
    st.info(shown.message)
elif shown is not None and shown.chart is not None:
    numbers = shown.chart.extra.get("kerncijfers")
    if isinstance(numbers, list) and numbers:
        for column, number in zip(st.columns(len(numbers)), numbers, strict=True):
            column.metric(number.label, number.value, help=number.help)
    show_projector_chart(pres.for_projector(shown.chart), key=f"presenteren_{current.key}")
    with st.expander("Toelichting voor de presentator"):
        st.markdown(f"**Wat telt mee:** {shown.chart.notes}")
        st.markdown(f"**Projecten in deze selectie:** {nl_int(len(view.inventory.projects))}")
    png_button(shown.chart, key=f"presenteren_{current.key}")

with st.expander("Downloaden: presentatie, rapport of verrijkte inventaris", icon=":material/download:"):
    st.markdown(
        "Met de filters en *Namen verbergen* uit de zijbalk. De PowerPoint heeft bewerkbare grafieken en "
        "notities bij elke dia; het HTML-rapport werkt zonder internet; de Excel-export is weer in te lezen."
    )
    export_buttons(view, key="presenteren_download")
