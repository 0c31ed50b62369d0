"""Positionering: per project Pröpper's two angles, MOVISIE's Schema 1 task kinds per phase and
Kaag en Braassem's four government roles as a quadrant of the inventory's roles."""

from collections.abc import Callable

import streamlit as st

from regie import vocabulary as voc
from regie.charts.instruments import government_quadrant, propper_grid, task_kind_phase_bars
from regie.charts.theme import Chart
from regie.formatting import nl_int
from regie.instruments import positionering as pos
from regie.ui import state
from regie.ui.widgets import example_banner, require_router, safe_call, show_chart


def chart(key: str, build: Callable[[], Chart], what: str) -> None:
    """A chart, built once per view of the inventory (the toggles under it rerun the page)."""
    safe_call(lambda: show_chart(state.view_table(key, view, build), key=key), what)


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
st.caption(f"Bron: {voc.PROPPER_SOURCE}.")
if pos.propper_positions(inv).empty:
    st.info(pos.PROPPER_HELP)
else:
    unplaced = pos.propper_unplaced(inv)
    if unplaced:
        st.caption(f"{nl_int(unplaced)} van de {nl_int(len(inv.projects))} projecten missen beleidskader "
                   "of doorzettingsmacht en staan niet in het raster.")
    chart("positionering_propper", lambda: propper_grid(inv, view.subtitle), "Pröppers invalshoeken")

# --- Schema 1 -----------------------------------------------------------------------------
st.subheader(voc.SCHEMA_TITLES[1])
st.caption(f"{voc.SCHEMA1_INTRO} Bron: {voc.schema_source(1)}.")
given = pos.task_kind_given(inv)
if given == 0:
    st.info(pos.TASK_KIND_HELP)
else:
    if given < len(inv.projects):
        st.caption(f"{nl_int(given)} van de {nl_int(len(inv.projects))} projecten zeggen welke soort taak "
                   "het is; de andere staan onder 'Taaksoort onbekend'.")
    chart("positionering_schema1", lambda: task_kind_phase_bars(inv, view.subtitle), "de taaksoorten per fase")

# --- Government roles ---------------------------------------------------------------------
st.subheader("De vier overheidsrollen")
st.caption(
    "Kaag en Braassem beschrijft in de Omgevingsvisie vier rollen die de gemeente kan aannemen: "
    "presterende, samenwerkende, participerende/responsieve en rechtmatige overheid. Deze rollen "
    f"staan niet los van elkaar. (Bron: {voc.GOVERNMENT_ROLES_SOURCE})"
)
if pos.quadrant_roles_given(inv) == 0:
    st.info(pos.ROLES_HELP)
else:
    chart("positionering_overheidsrollen", lambda: government_quadrant(inv, view.subtitle), "de overheidsrollen")
    st.info(voc.GOVERNMENT_ROLES_NOTE)
    outside = pos.roles_outside_quadrant(inv)
    if outside["geen"] or outside[voc.UNKNOWN]:
        st.caption(
            f"Buiten het kwadrant: {nl_int(outside['geen'])} project-fasen met 'geen regie' en "
            f"{nl_int(outside[voc.UNKNOWN])} met een onbekende rol."
        )
