"""Zelfscan: Louweret's eight questions and Oosterhof's eight preparation points as a questionnaire,
scored per theme, with the advice that follows from the weak points."""

import streamlit as st

from regie import vocabulary as voc
from regie.charts.instruments import scan_items_table, scan_theme_bars
from regie.formatting import nl_int, nl_number
from regie.instruments import zelfscan as scan
from regie.instruments.beslisboom import ANSWER_LABELS
from regie.ui import messages, state
from regie.ui.widgets import example_banner, require_router, show_chart, show_table

INSTRUMENT = "zelfscan"
KEYS: dict[str, str] = {item.code: f"zelfscan_{item.code}" for item in scan.ITEMS}
ANSWERS = list(voc.ANSWER_CODES)

view = state.view()
require_router()
st.title("Zelfscan")
example_banner(view.loaded)
st.markdown(
    "Is de organisatie klaar voor regie? Beantwoord de zestien vragen met ja, deels of nee. De "
    "antwoorden blijven in deze sessie en gaan niet naar de inventaris."
)
st.caption(f"{scan.INTRO} Bronnen: {scan.SOURCES[scan.LOUWERET]}; {scan.SOURCES[scan.OOSTERHOF]}")

messages.restore_answers(INSTRUMENT, list(KEYS.values()))
questions, results = st.columns([3, 2], gap="large")
with questions:
    for theme in scan.THEMES:
        st.subheader(theme.label)
        st.caption(theme.description)
        for item in (i for i in scan.ITEMS if i.theme == theme.code):
            st.radio(
                item.question, ANSWERS, index=None, horizontal=True, key=KEYS[item.code],
                format_func=ANSWER_LABELS.get,
                help=f"{scan.SOURCE_LABELS[item.source]}: “{item.original}”",
            )
answers = messages.remember_answers(INSTRUMENT, list(KEYS.values()))
result = scan.score({code: answers[key] for code, key in KEYS.items()})

with results:
    st.subheader("Uitkomst")
    top = st.columns(2)
    top[0].metric("Beantwoord", f"{nl_int(result.answered)} van {nl_int(result.total)}")
    top[1].metric("Totaalscore", "—" if result.overall is None else f"{nl_number(result.overall, 0)} van 100",
                  help="Gemiddelde van de beantwoorde vragen: ja = 100, deels = 50, nee = 0.")
    subtitle = f"Antwoorden van deze sessie · {nl_int(result.answered)} van {nl_int(result.total)} vragen"
    show_chart(scan_theme_bars(result, subtitle), key="zelfscan_thema")

    st.subheader("Advies bij de zwakke punten")
    if result.answered == 0:
        st.info("Beantwoord de vragen links; hier verschijnt dan per zwak punt wat je kunt doen.")
    elif not result.weak:
        st.success("Geen zwakke punten bij de beantwoorde vragen: elk antwoord is ja.")
    else:
        st.caption("Vragen met nee of deels, de zwakste eerst.")
        for weak in result.weak:
            answer = ANSWER_LABELS.get(str(answers[KEYS[weak.item.code]]), "")
            with st.container(border=True):
                st.markdown(f"**{weak.item.question}** — {answer}")
                st.markdown(weak.item.advice)
                st.caption(f"{weak.theme_label} · {scan.SOURCE_LABELS[weak.item.source]}")
    with st.expander("Alle vragen en hun punten"):
        show_table(scan_items_table(result), key="zelfscan_vragen")
    st.button("Antwoorden wissen", key="zelfscan_wissen", on_click=messages.clear_answers,
              args=(INSTRUMENT, list(KEYS.values())))
