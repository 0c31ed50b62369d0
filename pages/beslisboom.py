"""Beslisboom: Kaag en Braassem's situational decision tree — for one new task, and over the
inventory when it has the answer columns (advised form and role beside the current role)."""

import streamlit as st

from regie import vocabulary as voc
from regie.charts.instruments import STYLE_UP_TO, advice_status_bars, style_advice
from regie.formatting import nl_int
from regie.instruments import beslisboom as tree
from regie.ui import messages, state
from regie.ui.widgets import example_banner, require_router, safe_call, show_chart, show_table

INSTRUMENT = "beslisboom"
KEYS: dict[str, str] = {code: f"beslisboom_{code}" for code in tree.ANSWER_KEYS}
ANSWERS = list(voc.ANSWER_CODES)
NOT_KNOWN = tree.UNANSWERED

view = state.view()
inv = view.inventory
require_router()
st.title("Beslisboom")
example_banner(view.loaded)
st.text(view.subtitle)
st.markdown(tree.INTRO)
st.caption(f"{tree.SUMMARY} (Bron: {tree.SOURCE})")

# --- One new task -------------------------------------------------------------------------
st.header("Eén (nieuwe) taak")
st.subheader("Stap 1 — Vier vragen over de taak")
messages.restore_answers(INSTRUMENT, list(KEYS.values()))
for question in (*tree.QUESTIONS, tree.NABIJHEID):
    with st.container(border=True):
        text, answer = st.columns([3, 1])
        name = f"Vraag {question.number}" if question.number else "Nabijheid"
        text.markdown(f"**{name} — {question.ask}**")
        text.caption(f"{question.title}: {question.explanation}")
        answer.radio(
            question.ask, ANSWERS if question.number else ["ja", "nee"], index=None,
            key=KEYS[question.code], format_func=tree.ANSWER_LABELS.get, label_visibility="collapsed",
        )
st.selectbox(
    tree.COOPERATION_QUESTION, [NOT_KNOWN, *tree.COOPERATION_FORMS], key=KEYS["samenwerken_met"],
    format_func=lambda code: "Nog niet bekend" if code == NOT_KNOWN else tree.FORM_BY_CODE[code].label,
    help="Stap 2 noemt vier vormen van regie; met wie de taak in regie gaat, bepaalt de vorm.",
)
answers = messages.remember_answers(INSTRUMENT, list(KEYS.values()))
advice = tree.advise({code: answers[key] for code, key in KEYS.items()})

st.subheader("Stap 2 — Advies")
st.caption(tree.STEP2_TEXT)
reasons = "\n".join(f"- {reason}" for reason in advice.reasons)
if advice.outcome == tree.UNDECIDED:
    st.info("Beantwoord de vragen 2, 3 en 4 om een advies te krijgen (vraag 1 en nabijheid zijn "
            f"optioneel).\n\n{reasons}")
else:
    with st.container(border=True):
        st.markdown(f"**{advice.heading}**")
        st.caption(tree.FORM_BY_CODE[advice.form].description)
        left, right = st.columns(2)
        left.metric("Rol van de gemeente", advice.role_label)
        right.metric("Overheidsrol (Kaag en Braassem)", advice.overheidsrol)
        st.markdown(f"**Waarom**\n\n{reasons}")

st.subheader("Stap 3 — De regietaak inrichten")
if advice.outcome == tree.IN_REGIE:
    st.markdown("\n".join(f"- {step}" for step in advice.step3))
elif advice.outcome == tree.NOT_IN_REGIE:
    st.caption("De taak blijft in de eigen organisatie; stap 3 (opdracht en contractmanagement) is "
               "voor taken die in regie gaan.")
else:
    st.caption("Stap 3 volgt als de taak in regie gaat.")
st.button("Antwoorden wissen", key="beslisboom_wissen", on_click=messages.clear_answers,
          args=(INSTRUMENT, list(KEYS.values())))

# --- The inventory ------------------------------------------------------------------------
st.header("De inventaris langs de beslisboom")
missing = tree.missing_columns(inv)
if not len(inv.projects):
    st.info("Er zijn geen projecten om langs de beslisboom te leggen. Laad een inventaris met "
            "projecten op de pagina Inventaris, of wis de filters in de zijbalk.")
elif missing:
    st.info(tree.columns_help(missing))
else:
    result = safe_call(lambda: state.view_table("beslisboom", view, lambda: tree.advise_inventory(inv)),
                       "de beslisboom over de inventaris")
    if result is not None:
        counts = tree.status_counts(result)
        shown = [s for s in tree.STATUS_LABELS if counts[s] or s != tree.STATUS_NO_ADVICE]
        for column, status in zip(st.columns(len(shown)), shown, strict=True):
            column.metric(tree.STATUS_LABELS[status], nl_int(counts[status]))
        st.caption(
            "Het advies volgt uit de antwoordkolommen van de inventaris; met wie de taak in regie gaat "
            "komt uit de kolom 'Samenwerken met' of anders uit de soort partners in de uitvoering. "
            "Vergeleken wordt met de rol in de uitvoering (bij nabijheid: beleid en uitvoering)."
        )
        safe_call(lambda: show_chart(advice_status_bars(result, view.subtitle), key="beslisboom_advies"),
                  "de grafiek van het advies")
        st.markdown("**Per project: advies naast de huidige rol**")
        only = st.toggle("Alleen projecten tonen waar de rol niet past", key="beslisboom_alleen_past_niet")
        table = tree.display_table(result, only_misfits=only)
        if len(table) <= STYLE_UP_TO:
            st.caption("Rijen met ‘Past niet’ in de kolom Vergelijking zijn vet en gekleurd gemarkeerd.")
        else:
            st.caption("Gebruik de schakelaar hierboven om alleen de projecten te zien waar de rol niet "
                       "past (de kolom Vergelijking zegt het per project).")
        show_table(style_advice(table), key="beslisboom_tabel")
