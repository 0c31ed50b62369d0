"""Overzicht: the wethouder's one-screen view of the loaded inventory."""

import streamlit as st

from regie import analysis
from regie import vocabulary as voc
from regie.analysis import network, story
from regie.charts.phases import phase_element_heatmap
from regie.charts.roles import roles_per_phase_bars
from regie.charts.skills import skills_demand_bars
from regie.formatting import nl_count, nl_int, nl_percent
from regie.ui import state
from regie.ui.downloads import export_buttons
from regie.ui.widgets import example_banner, reading_note, require_router, subtitle, view_chart

require_router()
view = state.view()
inv = view.inventory
st.title("Overzicht")
example_banner(view.loaded)
subtitle(view)

phases = analysis.phase_counts(inv)
shares = analysis.named_role_share(inv)
quality = analysis.issue_counts(view.full)

st.subheader(story.headline_sentence(inv), anchor=False)
reading_note("headline")

top = st.columns(3)
top[0].metric("Projecten", nl_int(len(inv.projects)))
top[1].metric("Partners", nl_int(len(inv.partners)))
top[2].metric("Koppelingen partner–project", nl_int(len(network.links(inv))),
              help="Paren van een partner en een project waarbij die partner betrokken is (zoals op de pagina "
                   "Partners).")

per_phase = st.columns(3)
for column, phase in zip(per_phase, voc.PHASES, strict=True):
    share = shares[phase.code]
    column.metric(
        f"{phase.label}: projecten", nl_int(phases[phase.code]),
        help=f"{phase.fase_in_het_proces} — regie op {phase.regie_op.lower()}.",
    )
    column.caption(
        f"Rol benoemd bij {nl_int(share['met_rol'])} van {nl_count(share['projecten'], 'project', 'projecten')} "
        f"({nl_percent(share['aandeel'])})"
    )

for note in analysis.missing_information(inv):
    st.info(note)

view_chart(view, "overzicht_fase_element", lambda: phase_element_heatmap(inv, view.subtitle), "de matrix fase × element")
view_chart(view, "overzicht_rol_per_fase", lambda: roles_per_phase_bars(inv, view.subtitle), "de rol per fase")
view_chart(view, "overzicht_vaardigheden", lambda: skills_demand_bars(inv, view.subtitle), "de gevraagde vaardigheden")

st.subheader("Kwaliteit van de inventaris")
quality_columns = st.columns(2)
quality_columns[0].metric("Fouten in de inventaris", nl_int(quality["fout"]),
                          help="Afgewezen rijen en problemen met het bestand; zie de pagina Inventaris.")
quality_columns[1].metric("Waarschuwingen", nl_int(quality["waarschuwing"]),
                          help="Onbekende waarden en andere punten om na te lopen; zie de pagina Inventaris.")
if quality["fout"] or quality["waarschuwing"]:
    st.warning(
        f"De inventaris heeft {nl_count(quality['fout'], 'fout', 'fouten')} en "
        f"{nl_count(quality['waarschuwing'], 'waarschuwing', 'waarschuwingen')}. Loop ze na op de pagina Inventaris."
    )
else:
    st.success("De inventaris is zonder meldingen ingelezen.")

st.subheader("Delen en exporteren")
st.caption(
    "De bestanden volgen de filters en de schakelaar voor namen in de zijbalk. Ze worden pas gemaakt als "
    "u erop klikt; de pagina blijft staan."
)
export_buttons(view, key="overzicht_export")
