"""Vaardigheden: per phase the Schema 3 skills and their demand; with a team sheet, demand beside
supply and the gap; Hupe & Klijn's five principles."""

import streamlit as st

from regie import analysis
from regie import vocabulary as voc
from regie.analysis import skills
from regie.charts.skills import demand_supply_bars, phase_demand_bars, skills_demand_bars
from regie.formatting import nl_count, nl_int
from regie.ui import state
from regie.ui.widgets import example_banner, require_router, show_chart, show_table, subtitle
from regie.vocabulary import schemas

require_router()
view = state.view()
inv = view.inventory
st.title("Vaardigheden")
example_banner(view.loaded)
subtitle(view)

st.markdown(f"{voc.PHASE_SKILLS_REMARK} ({voc.MOVISIE_SOURCE}.)")

# --- Demand per phase ---------------------------------------------------------------------------
st.header("Vaardigheden per fase")
demand = analysis.demand_per_phase(inv)
unknown = analysis.unknown_role_demand(inv)
if not len(inv.projects):
    st.info(
        "Er zijn geen projecten om te tonen. Laad een inventaris op de pagina Inventaris, of wis de "
        "filters in de zijbalk."
    )
elif inv.roles.empty:
    st.info(
        "Geen enkel project heeft een fase met een rol van de gemeente, dus er is nog geen vraag naar "
        "vaardigheden te tellen. Geef de projecten een fase (visie, beleid, uitvoering) en een rol "
        "(bijvoorbeeld een kolom Rol, of Rol visie, Rol beleid, Rol uitvoering)."
    )

columns = st.columns(len(voc.PHASES))
for column, phase in zip(columns, voc.PHASES, strict=True):
    with column:
        st.subheader(phase.label)
        st.metric(
            f"Vraag {phase.label.lower()}", nl_count(demand[phase.code], "project", "projecten"),
            help="Projecten met in deze fase een rol anders dan 'geen regie'; elk vraagt alle "
            "vaardigheden van de fase.",
        )
        st.caption(f"{phase.fase_in_het_proces} — regie op {phase.regie_op.lower()}")
        st.markdown("\n".join(f"- {skill}" for skill in phase.skills))
        flagged = min(unknown[phase.code], demand[phase.code])
        if flagged:
            counted = "dat project telt" if flagged == 1 else "die projecten tellen"
            st.warning(
                f"Bij {nl_int(flagged)} van deze {nl_count(demand[phase.code], 'project', 'projecten')} "
                f"is de rol van de gemeente onbekend; {counted} mee in de vraag. Benoem de rol om de "
                "vraag zeker te maken."
            )

left, right = st.columns(2)
with left:
    show_chart(phase_demand_bars(inv, view.subtitle), key="vaardigheden_vraag_per_fase")
with right:
    show_chart(skills_demand_bars(inv, view.subtitle), key="vaardigheden_vraag")

# --- Demand beside supply -----------------------------------------------------------------------
st.header("Vraag en aanbod")
status = skills.team_status(inv)
if status == skills.TEAM_NONE:
    st.info(f"De inventaris heeft geen tabblad met het team, dus er is geen aanbod te tonen. "
            f"{voc.TEAM_SHEET_HELP}")
elif status == skills.TEAM_EMPTY:
    st.info(f"Het tabblad met het team heeft geen bruikbare rijen (een naam met een vaardigheid "
            f"uit Schema 3). {voc.TEAM_SHEET_HELP}")
else:
    st.markdown(voc.SKILL_DEMAND_SUPPLY_EXPLAINED)
    gap = skills.gap_table(inv)
    short, biggest = skills.shortages(inv)
    if biggest is not None:
        st.markdown(
            f"Grootste tekort: **{biggest['Vaardigheid']}** ({biggest['Fase'].lower()}): vraag "
            f"{nl_int(biggest['Vraag (projecten)'])}, aanbod {nl_int(biggest['Aanbod (teamleden)'])}. "
            f"{nl_int(len(short))} van de {nl_int(len(gap))} vaardigheden hebben een tekort."
        )
    else:
        st.success("Voor elke vaardigheid zijn er minstens zoveel teamleden als projecten die erom vragen.")
    show_chart(demand_supply_bars(inv, view.subtitle), key="vaardigheden_vraag_aanbod")
    st.subheader("Tekort per vaardigheid")
    show_table(gap, key="vaardigheden_tekort")
    st.subheader("Vaardigheden per teamlid")
    st.caption(
        f"{nl_int(analysis.team_count(inv))} teamleden; een getal is het niveau (1–5), ✓ betekent "
        "zonder niveau. Zet 'Namen verbergen' aan in de zijbalk om namen te vervangen."
    )
    show_table(skills.team_skills_table(inv), key="vaardigheden_team")

# --- Hupe & Klijn -------------------------------------------------------------------------------
st.header(voc.ELEMENT_CONTENT_TITLES["A"])
st.markdown(voc.HUPE_KLIJN_INTRO)
st.markdown(schemas.principles_markdown(voc.HUPE_KLIJN_PRINCIPLES))
st.caption(f"Bron: {voc.HUPE_KLIJN_SOURCE}.")
