"""Positionering: per project Pröpper's two angles and MOVISIE's Schema 1 task kinds, with Schema 1's rule
for each project."""

import streamlit as st

from regie import vocabulary as voc
from regie.charts.instruments import propper_grid, task_kind_phase_bars
from regie.formatting import nl_int
from regie.instruments import positionering as pos
from regie.ui import state
from regie.ui.widgets import example_banner, require_router, show_table, source_note, view_chart
from regie.vocabulary import schemas

view = state.view()
inv = view.inventory
require_router()
st.title("Positionering")
example_banner(view.loaded)
st.text(view.subtitle)

if not len(inv.projects):
    st.info(
        "Er zijn geen projecten om te positioneren. Laad een inventaris met projecten op de pagina "
        "Inventaris, of wis de filters in de zijbalk."
    )
    st.stop()

# --- Pröpper ------------------------------------------------------------------------------
st.subheader("Pröppers twee invalshoeken")
st.caption(voc.PROPPER_INTRO)
for column, angle in zip(st.columns(2), voc.PROPPER_ANGLES, strict=True):
    column.markdown(f"**{angle.name}** — {angle.description}")
source_note(f"Bron: {voc.PROPPER_SOURCE}.")
if pos.propper_positions(inv).empty:
    st.info(pos.PROPPER_HELP)
else:
    unplaced = pos.propper_unplaced(inv)
    if unplaced:
        st.caption(f"{nl_int(unplaced)} van de {nl_int(len(inv.projects))} projecten missen beleidskader "
                   "of doorzettingsmacht en staan niet in het raster.")
    view_chart(view, "positionering_propper", lambda: propper_grid(inv, view.subtitle), "Pröppers invalshoeken")

# --- Schema 1 -----------------------------------------------------------------------------
st.subheader(voc.SCHEMA_TITLES[1])
st.caption(voc.SCHEMA1_INTRO)
show_table(schemas.schema1_table(), key="positionering_schema1_schema")
source_note(voc.cite("movisie", "Schema 1"))
given = pos.task_kind_given(inv)
if given == 0:
    st.info(pos.TASK_KIND_HELP)
else:
    if given < len(inv.projects):
        st.caption(f"{nl_int(given)} van de {nl_int(len(inv.projects))} projecten zeggen welke soort taak "
                   "het is; de andere staan onder 'Taaksoort onbekend'.")
    view_chart(view, "positionering_schema1", lambda: task_kind_phase_bars(inv, view.subtitle),
               "de taaksoorten per fase")

st.markdown("**Wat Schema 1 per project zegt**")
st.caption(pos.SCHEMA1_AWARE)
show_table(pos.schema1_table(inv), key="positionering_schema1_tabel",
           column_config={"Wat Schema 1 zegt": st.column_config.TextColumn(width="large")})
source_note(voc.cite("movisie", "“De positie van de gemeente”"))
