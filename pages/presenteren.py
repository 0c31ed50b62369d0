"""Presenteren: one view at a time, large, for a workshop or a projector; the exports for download.

Presentation mode fills the screen with one view: the step bar, the view's takeaway in one sentence
and the chart; the sidebar and the app's header go. The arrow keys, PageUp/PageDown (a presenter's
clicker) and the space bar step; F asks for full screen. The view shown is kept while the user is
on other pages.
"""

import streamlit as st

from regie.charts import presentation as pres
from regie.formatting import nl_int
from regie.ui import keys, state
from regie.ui.downloads import export_buttons, png_button
from regie.ui.widgets import (
    escape_markdown,
    example_banner,
    page_script,
    page_style,
    reading_note,
    require_router,
    safe_call,
    show_projector_chart,
    subtitle,
)

VIEW_KEY = "presenteren_view"
MODE_KEY = "presenteren_modus"
KEYS = [v.key for v in pres.VIEWS]


def _move(delta: int) -> None:
    current = st.session_state.get(keys.PRESENT_STEP) or KEYS[0]
    st.session_state[keys.PRESENT_STEP] = st.session_state[VIEW_KEY] = KEYS[pres.step(KEYS.index(current), delta)]


def _screen_height() -> int | None:
    """The browser's window height, which the page's script puts in the address (``?hoogte=``)."""
    text = str(st.query_params.get("hoogte", ""))
    return int(text) if text.isdigit() and 200 <= int(text) <= 5000 else None


def _set_mode(on: bool) -> None:
    st.session_state[keys.PRESENTING] = on


require_router()
st.set_page_config(layout="wide", initial_sidebar_state="collapsed")
view = state.view()
presenting = bool(st.session_state.get(keys.PRESENTING))
if st.session_state.get(VIEW_KEY) in KEYS:  # the step bar is on the page: it says which view
    st.session_state[keys.PRESENT_STEP] = st.session_state[VIEW_KEY]
else:  # back on the page (a widget's state goes when its page is left): the view shown last
    if st.session_state.get(keys.PRESENT_STEP) not in KEYS:
        st.session_state[keys.PRESENT_STEP] = KEYS[0]
    st.session_state[VIEW_KEY] = st.session_state[keys.PRESENT_STEP]
page_script("present.js")

if presenting:
    page_style("present.css")
else:
    st.title("Presenteren")
    example_banner(view.loaded)
    st.caption("Tip: in de presentatiemodus stapt u met de pijltjestoetsen, PageUp/PageDown (een presenter) of de "
               "spatiebalk door de onderdelen; F geeft volledig scherm.")

current_key = st.session_state[keys.PRESENT_STEP]
bar = st.columns([1.3, 6, 1.4, 1.8] if not presenting else [1.3, 4, 1.4, 1.4], vertical_alignment="center")
bar[0].button("Vorige", key="presenteren_vorige", on_click=_move, args=(-1,), icon=":material/arrow_back:",
              disabled=current_key == KEYS[0], width="stretch", help="Vorige onderdeel (←, PageUp)")
bar[1].segmented_control(
    "Onderdeel", KEYS, key=VIEW_KEY, required=True, label_visibility="collapsed",
    format_func=(lambda key: str(KEYS.index(key) + 1)) if presenting else (
        lambda key: f"{KEYS.index(key) + 1}. {pres.VIEW_BY_KEY[key].title}"), width="stretch",
)
bar[2].button("Volgende", key="presenteren_volgende", on_click=_move, args=(1,), icon=":material/arrow_forward:",
              icon_position="right", disabled=current_key == KEYS[-1], width="stretch",
              help="Volgende onderdeel (→, PageDown, spatiebalk)")
if presenting:
    st.button("Schermhoogte bijwerken", key="presenteren_hoogte")  # hidden; the page script presses it
    bar[3].button("Stoppen", key="presenteren_stoppen", on_click=_set_mode, args=(False,),
                  icon=":material/close_fullscreen:", width="stretch", help="Terug naar de gewone pagina (Esc "
                  "verlaat eerst volledig scherm)")
else:
    bar[3].button("Presentatiemodus", key="presenteren_volledig", on_click=_set_mode, args=(True,),
                  icon=":material/fullscreen:", type="primary", width="stretch",
                  help="Eén onderdeel vult het scherm, zonder zijbalk; de browser gaat naar volledig scherm.")

current = pres.VIEW_BY_KEY[current_key]
shown = safe_call(lambda: pres.show(current, view.inventory, view.subtitle), f"het onderdeel {current.title}")
message = pres.takeaway(current, view.inventory) if shown is not None and shown.chart is not None else ""
if not presenting:
    st.header(f"{KEYS.index(current.key) + 1}/{len(KEYS)} · {current.title}")
    st.markdown(current.explanation)
    subtitle(view)
if message:
    with st.container(key="presenteren_boodschap"):
        st.markdown(escape_markdown(message))
        reading_note("headline")

if shown is not None and shown.chart is None:
    st.info(shown.message)
elif shown is not None and shown.chart is not None:
    numbers = shown.chart.extra.get("kerncijfers")
    if isinstance(numbers, list) and numbers and not presenting:
        for column, number in zip(st.columns(len(numbers)), numbers, strict=True):
            column.metric(number.label, number.value, help=number.help)
    if presenting:
        with st.container(key="presenteren_grafiek"):
            show_projector_chart(pres.for_presenting(shown.chart, _screen_height()),
                                 key=f"presenteren_{current.key}", with_table=False)
    else:
        show_projector_chart(pres.for_projector(shown.chart), key=f"presenteren_{current.key}")
        with st.expander("Toelichting voor de presentator"):
            st.markdown(f"**Wat telt mee:** {shown.chart.notes}")
            st.markdown(f"**Projecten in deze selectie:** {nl_int(len(view.inventory.projects))}")
        png_button(shown.chart, key=f"presenteren_{current.key}")

if not presenting:
    with st.expander("Downloaden: presentatie, rapport of verrijkte inventaris", icon=":material/download:"):
        st.markdown(
            "Met de filters en *Namen verbergen* uit de zijbalk. De PowerPoint heeft bewerkbare grafieken en "
            "notities bij elke dia; het HTML-rapport werkt zonder internet; de Excel-export is weer in te lezen."
        )
        export_buttons(view, key="presenteren_download")
