"""Beslisboom: Kaag en Braassem's situational decision tree — for one new task, and over the inventory
from its answer columns (the proposal beside the inventory's role in the uitvoering)."""

import streamlit as st

from regie import vocabulary as voc
from regie.charts.instruments import STYLE_UP_TO, outcome_bars, style_advice
from regie.formatting import nl_int
from regie.instruments import beslisboom as tree
from regie.ui import messages, state
from regie.ui.widgets import (
    example_banner,
    reading_note,
    require_router,
    safe_call,
    show_table,
    source_note,
    view_chart,
)

INSTRUMENT = "beslisboom"
KEYS: dict[str, str] = {code: f"beslisboom_{code}" for code in tree.FIELDS}
ANSWERS = list(tree.ANSWERS)

view = state.view()
inv = view.inventory
require_router()
st.title("Beslisboom")
example_banner(view.loaded)
st.text(view.subtitle)
st.markdown(tree.INTRO)
source_note(f"{tree.SUMMARY} {tree.SOURCE}")
reading_note("decision_rule")

# --- One new task -------------------------------------------------------------------------
st.header("Eén (nieuwe) taak")
st.subheader("Stap 1 — Vier vragen over de taak, en nabijheid")
messages.restore_answers(INSTRUMENT, list(KEYS.values()))
for question in tree.ALL_QUESTIONS:
    with st.container(border=True):
        text, answer = st.columns([3, 1])
        text.markdown(f"**{question.name} — {question.ask}**")
        figure = f"In de beslisboom: “{question.figure}” " if question.figure else ""
        text.caption(f"{figure}{question.title}: “{question.explanation}”")
        answer.radio(
            question.ask, ANSWERS, index=None, key=KEYS[question.code], format_func=tree.ANSWER_LABELS.get,
            label_visibility="collapsed",
        )
answers = messages.remember_answers(INSTRUMENT, list(KEYS.values()))
advice = tree.advise({code: answers[key] for code, key in KEYS.items()})

st.subheader("Stap 2 — Voorstel voor een besluit")
st.caption(tree.STEP2_TEXT)
with st.container(border=True):
    st.markdown(f"**{advice.heading}**")
    st.markdown(advice.reason)
    st.markdown("**Elk antwoord en de kant die het op wijst**")
    st.markdown("\n".join(f"- {line.text}" for line in advice.lines))
    for note in advice.notes:
        st.caption(note)
    if advice.outcome == tree.IN_REGIE:
        st.markdown("**Vormen om uit te kiezen** — de beslisboom kiest niet zelf; u kiest.")
        if st.session_state.get(KEYS[tree.FORM_FIELD]) not in advice.forms:
            st.session_state.pop(KEYS[tree.FORM_FIELD], None)
        st.radio(
            "Welke vorm kiest u?", [*advice.forms], index=None, key=KEYS[tree.FORM_FIELD],
            format_func=lambda code: tree.FORM_BY_CODE[code].label,
        )
        for code in advice.forms:
            form = tree.FORM_BY_CODE[code]
            roles = ", ".join(voc.role_label(r) for r in form.roles)
            st.caption(f"{form.label}: {form.example}. Rol die erbij past: {roles} "
                       f"({voc.READING_MARKER.lower()}).")
    elif advice.outcome == tree.SELF:
        st.caption(tree.SELF_TEXT)
    elif advice.outcome == tree.TOO_LITTLE:
        st.info("Beantwoord de vragen hierboven; de uitkomst hangt af van de vragen die nog open staan.")

st.subheader("Stap 3 — De regietaak inrichten")
if advice.steps:
    st.markdown("\n".join(f"- {step}" for step in advice.steps))
    st.caption(tree.SOURCE if advice.steps == tree.STEP3 else voc.cite("rivm", "externe regie"))
elif advice.outcome == tree.SELF:
    st.caption(tree.STEP3_SELF)
else:
    st.caption("Stap 3 volgt als het voorstel is om de taak in regie onder te brengen.")
st.button("Antwoorden wissen", key="beslisboom_wissen", on_click=messages.clear_answers,
          args=(INSTRUMENT, list(KEYS.values())))

# --- The inventory ------------------------------------------------------------------------
st.header("De inventaris langs de beslisboom")
if not len(inv.projects):
    st.info("Er zijn geen projecten om langs de beslisboom te leggen. Laad een inventaris met "
            "projecten op de pagina Inventaris, of wis de filters in de zijbalk.")
else:
    result = safe_call(lambda: state.view_table("beslisboom", view, lambda: tree.advise_inventory(inv)),
                       "de beslisboom over de inventaris")
    if result is not None and not tree.has_answers(result):
        st.info(tree.columns_help())
    elif result is not None:
        counts = tree.outcome_counts(result)
        for column, outcome in zip(st.columns(len(tree.OUTCOMES)), tree.OUTCOMES, strict=True):
            column.metric(tree.OUTCOME_SHORT[outcome], nl_int(counts[outcome]))
        st.caption(
            "De uitkomst volgt alleen uit de antwoordkolommen van de inventaris, nooit uit de soort partners. "
            "Vergeleken wordt met de rol van de gemeente in de uitvoering: ‘past niet’ staat er alleen bij zelf "
            "uitvoeren tegenover een regietaak, of andersom."
        )
        view_chart(view, "beslisboom_uitkomst", lambda: outcome_bars(result, view.subtitle),
                   "de grafiek van de uitkomsten")
        st.markdown("**Per project: de uitkomst naast de rol in de uitvoering**")
        only = st.toggle("Alleen projecten tonen waar de rol niet past", key="beslisboom_alleen_past_niet")
        table = tree.display_table(result, only_misfits=only)
        if len(table) <= STYLE_UP_TO:
            st.caption("Rijen met ‘Past niet’ in de kolom Vergelijking zijn vet en gekleurd gemarkeerd.")
        show_table(style_advice(table), key="beslisboom_tabel")
