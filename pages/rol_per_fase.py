"""Rol per fase: the municipality's role per phase, the role path of projects across the phases,
the roles beside RIVM's scenarios, the government roles the inventory states, and interne/externe regie."""

import streamlit as st

from regie import vocabulary as voc
from regie.analysis import paths
from regie.analysis import roles as role_analysis
from regie.charts.roles import (
    government_role_bars,
    path_table,
    regie_kind_bars,
    rivm_bars,
    role_path_sankey,
    roles_per_phase_bars,
)
from regie.formatting import nl_clauses, nl_int, nl_percent
from regie.ui import state
from regie.ui.widgets import example_banner, require_router, safe_call, show_table, source_note, subtitle, view_chart

require_router()
view = state.view()
inv = view.inventory
st.title("Rol per fase")
example_banner(view.loaded)
subtitle(view)

if not len(inv.projects):
    st.info(
        "Er zijn geen projecten om te tonen. Laad een inventaris met projecten op de pagina "
        "Inventaris, of wis de filters in de zijbalk."
    )
    st.stop()

# --- Role per phase -----------------------------------------------------------------------
st.subheader("Rol van de gemeente per fase")
st.caption(f"MOVISIE, element C: “{voc.sources.MOVISIE_ROLE_EXAMPLE}”")
planned = role_analysis.planned_count(inv)
if planned:
    st.caption(
        f"{nl_int(planned)} keer noemt een project al een rol voor een fase waarin het nog niet zit; die rollen "
        "staan apart als 'gepland', zodat elke balk optelt tot het aantal projecten in die fase."
    )
if role_analysis.named_role_count(inv) == 0:
    st.info(
        "Geen enkel project noemt een rol van de gemeente, dus elke fase staat op 'onbekend'. Voeg "
        "aan het tabblad Projecten een kolom 'Rol' toe (voor het hele project) of kolommen "
        "'Rol visie', 'Rol beleid' en 'Rol uitvoering', of wijs onbekende waarden toe op de pagina "
        "Inventaris."
    )
view_chart(view, "rol_per_fase_rollen", lambda: roles_per_phase_bars(inv, view.subtitle), "de rol per fase")

# --- Role paths ---------------------------------------------------------------------------
st.subheader("Rolpad: visie → beleid → uitvoering")
summary = paths.path_summary(inv)
columns = st.columns(4)
columns[0].metric("Projecten met een rolpad", nl_int(summary.with_path),
                  help="Projecten die voor minstens twee fasen een eigen rol noemen.")
columns[1].metric("Rol voor één fase", nl_int(summary.one_phase))
columns[2].metric("Alleen een rol voor het hele project", nl_int(summary.project_role_only))
columns[3].metric("Zonder rol", nl_int(summary.without_role))
rest = nl_clauses([
    (summary.one_phase, "{n} projecten noemen een eigen rol voor maar één fase"),
    (summary.project_role_only, "{n} alleen één rol voor het hele project"),
    (summary.without_role, "{n} geen rol"),
])
rest = f"{rest[:1].upper()}{rest[1:]}." if rest else ""
if summary.with_path == 0:
    message = f"Geen enkel project heeft een rolpad. {rest} {voc.ROLE_PATH_HELP}"
    if len([p for p in view.filters.fase if p in voc.PHASE_CODES]) == 1:
        message += " Het fasefilter in de zijbalk laat nu één fase zien; wis het om paden te zien."
    st.info(message)
else:
    st.caption(
        f"{nl_int(summary.with_path)} van de {nl_int(summary.projects)} projecten "
        f"({nl_percent(summary.with_path / summary.projects)}) noemen voor minstens twee fasen een "
        f"eigen rol en hebben dus een rolpad. {rest}"
    )
    view_chart(view, "rol_per_fase_rolpad", lambda: role_path_sankey(inv, view.subtitle), "het rolpad")
    st.markdown("**Rolpaden en hoeveel projecten ze volgen**")
    safe_call(lambda: show_table(path_table(inv), key="rol_per_fase_paden"), "de tabel met rolpaden")

# --- RIVM scenarios -----------------------------------------------------------------------
st.subheader("De rollen naast de scenario's van RIVM")
st.caption(voc.sources.RIVM_SCENARIO_INTRO)
source_note(voc.cite("rivm"))
st.table(role_analysis.rivm_table(), hide_index=True)
view_chart(view, "rol_per_fase_rivm", lambda: rivm_bars(inv, view.subtitle), "de RIVM-scenario's")
st.info(voc.sources.LOUWERET_DISAGREES)

# --- Government roles as the inventory states them ------------------------------------------------
st.subheader("Overheidsrol (Kaag en Braassem)")
st.caption(voc.sources.KAAG_GOVERNMENT_ROLES)
if role_analysis.government_roles_given(inv) == 0:
    st.info(voc.OVERHEIDSROL_HELP)
else:
    view_chart(view, "rol_per_fase_overheidsrol", lambda: government_role_bars(inv, view.subtitle),
               "de overheidsrollen")

# --- Interne en externe regie -------------------------------------------------------------
st.subheader("Interne en externe regie")
kinds = st.columns(2)
kinds[0].markdown(f"**Interne regie** — {voc.REGIE_KIND_TEXTS['intern']}")
kinds[1].markdown(f"**Externe regie** — {voc.REGIE_KIND_TEXTS['extern']}")
st.caption(voc.REGIE_KIND_NOTE)
source_note(voc.cite("rivm"))
given = role_analysis.regie_kind_given(inv)
if given == 0:
    st.info(voc.REGIE_KIND_HELP)
else:
    st.caption(f"{nl_int(given)} van de {nl_int(len(inv.projects))} projecten zeggen welke regie het is.")
    view_chart(view, "rol_per_fase_regie", lambda: regie_kind_bars(inv, view.subtitle), "de interne en externe regie")
