"""Zelfscan: Louweret's eight questions to the bestuur and Oosterhof's eight preparation points —
two separate checklists, each "x van 8", with the open points named; never one merged score."""

import streamlit as st

from regie import vocabulary as voc
from regie.charts.instruments import checklist_bars, checklist_table
from regie.formatting import nl_int
from regie.instruments import zelfscan as scan
from regie.ui import messages, state
from regie.ui.widgets import example_banner, require_router, show_chart, show_table, source_note

INSTRUMENT = "zelfscan"
KEYS: dict[str, str] = {item.code: f"zelfscan_{item.code}" for item in scan.ITEMS}
ANSWERS = list(voc.ANSWER_CODES)
TITLES: dict[str, str] = {
    scan.LOUWERET: "Louweret: acht vragen aan het bestuur",
    scan.OOSTERHOF: "Oosterhof: acht punten van voorbereiding",
}

view = state.view()
require_router()
st.title("Zelfscan")
example_banner(view.loaded)
st.markdown(
    "Twee lijsten uit de bronnen, elk met acht punten. Ze gaan uit van een ander idee van regie — Louweret: "
    "tijdelijke, doelgerichte samenwerking; Oosterhof: een regieorganisatie die leveranciers aanstuurt — en "
    "worden daarom apart geteld, nooit tot één score samengevoegd. Uw antwoorden blijven in deze sessie en "
    "gaan niet naar de inventaris."
)

messages.restore_answers(INSTRUMENT, list(KEYS.values()))
tabs = st.tabs([TITLES[s] for s in (scan.LOUWERET, scan.OOSTERHOF)])
for tab, source in zip(tabs, (scan.LOUWERET, scan.OOSTERHOF), strict=True):
    with tab:
        st.markdown(scan.INTROS[source])
        source_note(scan.SOURCES[source])
        if source == scan.OOSTERHOF:
            st.caption(f"{voc.sources.OOSTERHOF_ROLES} De vier hoofdprocessen van een regieorganisatie: "
                       f"{', '.join(voc.sources.OOSTERHOF_PROCESSES)}.")
        words = scan.ANSWER_WORDS[source]
        for item in scan.ITEMS_OF[source]:
            with st.container(border=True):
                st.markdown(f"**{item.code}. {item.question}**")
                other = item.plain if item.question == item.original else item.original
                label = "In gewone taal" if item.question == item.original else "In de bron"
                st.caption(f"{label}: {other}")
                st.radio(item.question, ANSWERS, index=None, horizontal=True, key=KEYS[item.code],
                         format_func=words.get, label_visibility="collapsed")
answers = messages.remember_answers(INSTRUMENT, list(KEYS.values()))
results = scan.evaluate({code: answers[key] for code, key in KEYS.items()})

st.header("Uitkomst")
left, right = st.columns(2)
for column, source in zip((left, right), (scan.LOUWERET, scan.OOSTERHOF), strict=True):
    result = results[source]
    column.metric(scan.SOURCE_LABELS[source], f"{nl_int(result.yes)} van {nl_int(result.total)}",
                  help=f"Aantal punten met ‘{scan.OUTCOME_WORDS[source]}’.")
    column.caption(result.headline)
answered = sum(r.answered for r in results.values())
show_chart(checklist_bars(results, f"Antwoorden van deze sessie · {nl_int(answered)} van 16 beantwoord"),
           key="zelfscan_lijsten")

st.subheader("Wat nog niet volmondig ja of op orde is")
if not answered:
    st.info("Beantwoord de vragen hierboven; hier verschijnt dan per lijst wat nog open staat.")
for source in (scan.LOUWERET, scan.OOSTERHOF):
    result = results[source]
    if not result.answered:
        continue
    st.markdown(f"**{scan.SOURCE_LABELS[source]}**")
    if result.open:
        st.markdown("\n".join(
            f"- {item.code}. {item.question} — {scan.ANSWER_WORDS[source][str(result.answers[item.code])].lower()}"
            for item in result.open
        ))
    elif result.yes == result.total:
        st.success(f"Alle acht: {scan.OUTCOME_WORDS[source]}.")
    if result.unanswered:
        st.caption("Nog niet beantwoord: " + ", ".join(item.code for item in result.unanswered) + ".")
    if source == scan.LOUWERET and result.yes < result.total:
        st.caption("Louweret: “Kunt u volmondig ja antwoorden op de volgende vragen? […] Want dat is nodig voor "
                   "regie.”")
with st.expander("Alle punten met de woorden uit de bron"):
    for source in (scan.LOUWERET, scan.OOSTERHOF):
        st.markdown(f"**{TITLES[source]}**")
        show_table(checklist_table(results[source]), key=f"zelfscan_tabel_{source}")
st.button("Antwoorden wissen", key="zelfscan_wissen", on_click=messages.clear_answers,
          args=(INSTRUMENT, list(KEYS.values())))
