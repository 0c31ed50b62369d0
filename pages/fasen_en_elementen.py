"""Fasen en elementen: the phase × element matrix with its projects, MOVISIE's Schema 3 and the
content of the four elements A–D."""

import streamlit as st

from regie import analysis
from regie import vocabulary as voc
from regie.analysis import cells
from regie.analysis import elements as coverage
from regie.charts.phases import clickable_phase_element_heatmap, element_coverage_bars, projects_per_element_bars
from regie.formatting import nl_count, nl_int
from regie.ui import state
from regie.ui.widgets import (
    example_banner,
    reading_note,
    require_router,
    safe_call,
    show_table,
    source_note,
    subtitle,
    view_chart,
)
from regie.vocabulary import schemas

HEATMAP_KEY = "fasen_heatmap"
PHASE_KEY = "fasen_cel_fase"
ELEMENT_KEY = "fasen_cel_element"

require_router()
view = state.view()
inv = view.inventory
st.title("Fasen en elementen")
example_banner(view.loaded)
subtitle(view)

elements = analysis.element_counts(inv)
phases = analysis.phase_counts(inv)

if not len(inv.projects):
    st.info(
        "Er zijn geen projecten om te tonen. Laad een inventaris op de pagina Inventaris, of wis de "
        "filters in de zijbalk."
    )
else:
    missing = []
    if inv.phases.empty:
        missing.append("Geen enkel project heeft een fase: voeg een kolom Fase toe (visie, beleid, "
                       "uitvoering) of één kolom per fase met een kruisje.")
    if inv.elements.empty:
        missing.append("Geen enkel project heeft een element: voeg een kolom Element toe (A, B, C "
                       "of D) of accepteer voorgestelde elementen op de pagina Inventaris.")
    if missing:
        st.info(" ".join(missing))

# --- The matrix: a click on a cell, or the two pickers, choose whose projects are listed ----------
clicked = cells.cell_from_points(state.new_chart_selection(HEATMAP_KEY))
default = cells.largest_cell(inv)
if clicked is not None:
    chosen = state.preset_widgets({PHASE_KEY: clicked[0], ELEMENT_KEY: clicked[1]}, overwrite=True)
else:
    chosen = state.preset_widgets({PHASE_KEY: default[0], ELEMENT_KEY: default[1]}, overwrite=False)
cell = (str(chosen[PHASE_KEY]), str(chosen[ELEMENT_KEY]))

st.header("Fase × element, zoals de inventaris ze noemt")
st.caption(
    "De elementen die de inventaris per project noemt (kolom Element, markeringen of geaccepteerde suggesties). "
    "MOVISIE noemt A–D de vier cruciale elementen van regie: stappen die elke regie nodig heeft, geen soorten "
    "projecten. Wat de inventaris per project van elk element laat zien, staat verderop onder ‘De vier elementen "
    "per project’."
)
view_chart(view, HEATMAP_KEY, lambda: clickable_phase_element_heatmap(inv, view.subtitle, cell), "de matrix fase × element",
           variant=cell, on_select=True)
view_chart(view, "fasen_per_element", lambda: projects_per_element_bars(inv, view.subtitle), "de projecten per element")

st.subheader("Projecten in een cel")
st.caption("Klik op een cel in de matrix, of kies hieronder een fase en een element.")
pick_phase, pick_element = st.columns(2)
phase = pick_phase.selectbox(
    "Fase", list(voc.PHASE_CODES), format_func=voc.phase_label, key=PHASE_KEY,
)
element = pick_element.selectbox(
    "Element", list(analysis.ELEMENT_KEYS), format_func=voc.element_label, key=ELEMENT_KEY,
)
listed = state.view_table(f"fasen_cel_{phase}_{element}", view, lambda: cells.projects_in_cell(inv, phase, element))
st.markdown(
    f"**{voc.phase_label(phase)} × {voc.element_label(element)}: "
    f"{nl_count(len(listed), 'project', 'projecten')}**"
)
if len(listed):
    show_table(listed, key="fasen_cel_projecten")
else:
    st.info("In deze cel zitten geen projecten (met de huidige filters).")

# --- Element coverage -----------------------------------------------------------------------------
st.header("De vier elementen per project")
st.markdown(
    "Per project: laat de inventaris zien dat de gemeente aan elk van de vier elementen werkt? A: is de visie "
    "gedeeld (kolom Gedeelde visie, anders een partner in de visiefase); B: is er een partner; C: is de rol "
    "van de gemeente in elke fase benoemd; D: verschilt die rol per fase."
)
if not len(inv.projects):
    reading_note("element_coverage")
else:
    view_chart(view, "fasen_dekking", lambda: element_coverage_bars(inv, view.subtitle),
               "de grafiek van de elementen per project")
    per_project = safe_call(
        lambda: state.view_table("fasen_dekking_tabel", view, lambda: coverage.coverage_table(inv)),
        "de tabel van de elementen per project")
    if per_project is not None:
        only_missing = st.toggle("Alleen projecten waar een element ontbreekt", key="fasen_dekking_ontbreekt")
        if only_missing:
            per_project = per_project[(per_project[[voc.element_label(e) for e in voc.ELEMENT_CODES]]
                                       == coverage.STATUS_LABELS[coverage.MISSING]).any(axis=1)]
        show_table(per_project, key="fasen_dekking_projecten")
        st.caption("‘Niet gevarieerd’ bij D is geen fout maar een punt om te bespreken: MOVISIE vraagt de rol per "
                   "fase af te wegen.")

# --- MOVISIE Schema 3 ---------------------------------------------------------------------------
st.header(voc.SCHEMA_TITLES[3])
st.markdown(voc.sources.SCHEMA3_EXAMPLE)
st.table(schemas.schema3_table(), hide_index=True)
source_note(f"Bron: {voc.schema_source(3)}.")
reading_note("schema3_for_all")
phase_line = " · ".join(f"{p.label}: {nl_int(phases[p.code])}" for p in voc.PHASES)
st.caption(f"Projecten per fase in deze inventaris — {phase_line} · zonder fase: {nl_int(phases[voc.UNKNOWN])}.")

# --- The four elements --------------------------------------------------------------------------
st.header("De vier elementen van regie")
st.caption(
    f"Bron: {voc.MOVISIE_SOURCE}, hoofdstuk 3 en 4. Projecten zonder geaccepteerd element: "
    f"{nl_int(elements[voc.UNDETERMINED])}."
)
tabs = st.tabs([voc.element_label(e.code) for e in voc.ELEMENTS], key="fasen_element_tabs")
for tab, item in zip(tabs, voc.ELEMENTS, strict=True):
    with tab:
        about, count = st.columns([3, 1])
        about.markdown(f"**{item.name}** — {item.about}.")
        about.caption(f"MOVISIE: {item.chapter_title}.")
        count.metric("Projecten met dit element", nl_int(elements[item.code]))
        st.subheader(voc.ELEMENT_CONTENT_TITLES[item.code])
        if item.code == "A":
            st.markdown(voc.HUPE_KLIJN_INTRO)
            st.markdown(schemas.principles_markdown(voc.HUPE_KLIJN_PRINCIPLES))
        elif item.code == "B":
            st.markdown(voc.NETWORK_SUCCESS_INTRO)
            st.markdown(schemas.principles_markdown(voc.NETWORK_SUCCESS_FACTORS))
        elif item.code == "C":
            st.markdown(voc.SCHEMA1_INTRO)
            st.markdown(f"**{voc.SCHEMA_TITLES[1]}**")
            st.table(schemas.schema1_table(), hide_index=True)
            st.markdown(voc.PROPPER_INTRO)
            st.markdown(schemas.principles_markdown(voc.PROPPER_ANGLES))
        else:
            st.markdown(voc.SCHEMA2_INTRO)
            st.markdown(f"**{voc.SCHEMA_TITLES[2]}**")
            for level in voc.SCHEMA2:
                st.markdown(f"**{level.name}**\n" + "\n".join(f"- {task}" for task in level.tasks))
        st.caption(f"Bron: {voc.ELEMENT_CONTENT_SOURCES[item.code]}.")
