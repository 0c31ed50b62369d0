"""Vaardigheden: per phase MOVISIE's Schema 3 skills and how many projects ask for them; with a team
sheet, the supply in people and the belasting; Louweret's attitudes and Hupe & Klijn's principles."""

import streamlit as st

from regie import analysis
from regie import vocabulary as voc
from regie.analysis import skills
from regie.charts.skills import SCHEMA3_SOURCE, demand_supply_bars, phase_demand_bars
from regie.formatting import nl_count
from regie.ui import state
from regie.ui.widgets import (
    example_banner,
    reading_note,
    require_router,
    show_table,
    source_note,
    subtitle,
    view_chart,
)
from regie.vocabulary import schemas

require_router()
view = state.view()
inv = view.inventory
st.title("Vaardigheden")
example_banner(view.loaded)
subtitle(view)

st.markdown(voc.PHASE_SKILLS_REMARK)
source_note(voc.cite("movisie", "hoofdstuk 4, element D"))

# --- Schema 3 and the demand per phase ------------------------------------------------------------
st.header("Vaardigheden per fase")
st.caption(voc.sources.SCHEMA3_EXAMPLE)
show_table(schemas.schema3_table(), key="vaardigheden_schema3")
source_note(SCHEMA3_SOURCE)
reading_note("schema3_for_all")
st.caption(voc.sources.SCHEMA3_GENERALISED)

demand = analysis.demand_per_phase(inv)
unknown = analysis.unknown_role_demand(inv)
phases = analysis.phase_counts(inv)
if not len(inv.projects):
    st.info(
        "Er zijn geen projecten om te tonen. Laad een inventaris op de pagina Inventaris, of wis de "
        "filters in de zijbalk."
    )

columns = st.columns(len(voc.PHASES))
for column, phase in zip(columns, voc.PHASES, strict=True):
    with column:
        st.subheader(phase.label)
        st.metric(
            f"Vraag {phase.label.lower()}", nl_count(demand[phase.code], "project", "projecten"),
            help=voc.SKILL_DEMAND_EXPLAINED,
        )
        st.caption(
            f"Van de {nl_count(phases[phase.code], 'project', 'projecten')} in deze fase; de andere hebben "
            "hier de rol 'Zelf doen' of 'Regie bij anderen'."
            if demand[phase.code] != phases[phase.code] else
            f"Alle {nl_count(phases[phase.code], 'project', 'projecten')} in deze fase."
        )
        st.markdown("\n".join(f"- {skill}" for skill in phase.skills))
        if unknown[phase.code]:
            counted = "dat project telt" if unknown[phase.code] == 1 else "die projecten tellen"
            st.warning(
                f"Bij {nl_count(unknown[phase.code], 'project', 'projecten')} is de rol van de gemeente in "
                f"deze fase nog niet benoemd; {counted} mee in de vraag. Benoem de rol om de vraag zeker te maken."
            )
view_chart(view, "vaardigheden_vraag_per_fase", lambda: phase_demand_bars(inv, view.subtitle), "de vraag per fase")

st.subheader("Wat elke fase vraagt")
st.markdown(f"> {voc.LOUWERET_ATTITUDES}")
source_note(voc.cite("louweret", "“Geven in plaats van vragen”"))

# --- Supply in the team ----------------------------------------------------------------------------
st.header("Aanbod in het team")
status = skills.team_status(inv)
if status == skills.TEAM_NONE:
    st.info(f"De inventaris heeft geen tabblad met het team, dus er is geen aanbod te tonen. {voc.TEAM_SHEET_HELP}")
elif status == skills.TEAM_EMPTY:
    st.info(f"Het tabblad met het team heeft geen bruikbare rijen (een naam met een vaardigheid "
            f"uit Schema 3). {voc.TEAM_SHEET_HELP}")
else:
    st.markdown(voc.SKILL_SUPPLY_EXPLAINED)
    nobody = skills.nobody_has(inv)
    if nobody:
        st.warning(
            f"Gevraagd, maar {voc.NOBODY_IN_TEAM}: {', '.join(nobody)}. Die vaardigheden staan bovenaan."
        )
    else:
        st.success("Elke vaardigheid waar projecten om vragen, heeft minstens één inzetbaar teamlid.")
    view_chart(view, "vaardigheden_vraag_aanbod", lambda: demand_supply_bars(inv, view.subtitle),
               "vraag en aanbod van vaardigheden")
    st.subheader("Vraag, aanbod en belasting per vaardigheid")
    show_table(skills.supply_table(inv), key="vaardigheden_aanbod")
    st.subheader("Vaardigheden per teamlid")
    st.caption(
        f"{nl_count(analysis.team_count(inv), 'teamlid', 'teamleden')}; een getal is het niveau (1–5), ✓ betekent "
        "zonder niveau. Zet 'Namen verbergen' aan in de zijbalk om namen te vervangen."
    )
    show_table(skills.team_skills_table(inv), key="vaardigheden_team")

# --- Hupe & Klijn -------------------------------------------------------------------------------
st.header(voc.ELEMENT_CONTENT_TITLES["A"])
st.markdown(voc.HUPE_KLIJN_INTRO)
st.markdown(schemas.principles_markdown(voc.HUPE_KLIJN_PRINCIPLES))
source_note(f"Bron: {voc.HUPE_KLIJN_SOURCE}.")
