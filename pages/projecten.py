"""Projecten: every project with its canonical fase, element and rol per fase, each explained."""

import streamlit as st

from regie import vocabulary as voc
from regie.analysis import elements
from regie.formatting import nl_int
from regie.mapping.explain import (
    COVERAGE_COLUMN,
    COVERAGE_EXPLAINED,
    DATE_COLUMNS,
    MONEY_COLUMNS,
    PHASE_ROLE_COLUMN,
    PHASE_ROLE_EXPLAINED,
    kept_projects,
    project_table,
    search_projects,
)
from regie.ui import state
from regie.ui.downloads import export_buttons
from regie.ui.widgets import amounts_in_dutch, escape_markdown, example_banner, require_router, safe_call, show_table

view = state.view()
inv = view.inventory
require_router()
st.title("Projecten")
example_banner(view.loaded)
st.caption(escape_markdown(view.subtitle))
st.caption(
    "Alle projecten met hun fasen, elementen en de rol van de gemeente per fase, elk met de uitleg "
    "hoe de waarde uit de inventaris is gelezen: wat er stond → wat het werd (regel, kolom), en per "
    "element A–D wat de inventaris ervan laat zien. "
    "Klik op een kolomkop om te sorteren."
)

whole = safe_call(
    lambda: state.inventory_table("projecten_tabel", view, lambda: project_table(
        view.full, coverage=elements.coverage(view.full))),
    "het maken van de projectentabel",
)
table = None if whole is None else kept_projects(whole, view.full, inv.projects["project"])
if table is not None:
    query = st.text_input(
        "Zoeken", key="projecten_zoeken", placeholder="Zoek in alle tekstkolommen, bijv. een naam of wijk",
        help="Zoekt letterlijk (hoofdletters maken niet uit) in naam, domein, gebied, fasen, rollen, "
        "uitleg, partners en de extra kolommen.",
    )
    shown = search_projects(table, query)
    if not len(inv.projects) and len(view.full.projects):
        st.info("Geen projecten met de gekozen filters. Wis de filters in de zijbalk om alles te zien.")
    elif not len(inv.projects):
        st.info(
            "De inventaris bevat nog geen projecten. Vul het blad Projecten van het sjabloon (te "
            "downloaden op de pagina Inventaris) met één rij per project en laad het bestand opnieuw."
        )
    else:
        if query.strip():
            st.caption(f"{nl_int(len(shown))} van {nl_int(len(table))} projecten gevonden.")
        else:
            st.caption(f"{nl_int(len(table))} projecten.")
        if query.strip() and shown.empty:
            st.info("Geen project gevonden met deze zoekterm. Probeer een korter of ander woord.")
        else:
            config: dict[str, object] = {
                "Naam": st.column_config.TextColumn("Naam", width="large"),
                "Fasen": st.column_config.TextColumn("Fasen", help="Visie, Beleid of Uitvoering (MOVISIE)."),
                "Elementen": st.column_config.TextColumn(
                    "Elementen", help="MOVISIE-elementen A–D; Onbepaald als er geen element is."),
                "Partners": st.column_config.TextColumn("Partners", width="large"),
            }
            for column in DATE_COLUMNS:
                config[column] = st.column_config.DateColumn(column, format="DD-MM-YYYY")
            for column in MONEY_COLUMNS:
                config[column] = st.column_config.NumberColumn(column, help="In euro's, Nederlands geschreven.")
            for phase in voc.PHASES:
                config[PHASE_ROLE_COLUMN.format(phase=phase.label)] = st.column_config.TextColumn(
                    PHASE_ROLE_COLUMN.format(phase=phase.label),
                    help=f"Rol van de gemeente in de fase {phase.label}; leeg als het project niet in "
                    "deze fase zit.",
                )
                config[PHASE_ROLE_EXPLAINED.format(phase=phase.label)] = st.column_config.TextColumn(
                    PHASE_ROLE_EXPLAINED.format(phase=phase.label), width="large",
                )
            for column in ("Uitleg fasen", "Uitleg elementen", COVERAGE_EXPLAINED):
                config[column] = st.column_config.TextColumn(column, width="large")
            coverage_help = (f"Wat de inventaris laat zien van dit element (aanwezig, ontbreekt, onbekend, n.v.t.). "
                             f"{voc.READINGS['element_coverage'].note}")
            for element in voc.ELEMENTS:
                name = COVERAGE_COLUMN.format(element=element.code)
                config[name] = st.column_config.TextColumn(name, help=f"{element.name}. {coverage_help}")
            size = {"height": 600} if len(shown) > 10 else {}  # a taller table once it would scroll
            show_table(shown, key="projecten_tabel", column_config=config, money=MONEY_COLUMNS, **size)
            if state.names_hidden():
                st.caption("Namen verborgen: trekkers en partners staan als soort met een nummer.")
            st.caption(
                ("Bedragen staan in euro's in Nederlandse notatie (€ 1.250.000,00); " if amounts_in_dutch(shown)
                 else "Bedragen staan in euro's, bij een tabel van deze omvang in de getalnotatie van uw browser; ")
                + "datums als dag-maand-jaar. "
                "Onbepaald = geen element; Onbekend = geen fase of rol gevonden. "
                "'handmatig toegewezen' = gekozen onder ‘Waarden toewijzen’ op de pagina Inventaris. "
                "De kolommen Dekking A–D zijn een hulpmiddel van deze app, geen oordeel uit de bron."
            )

st.subheader("Exporteren")
st.caption("De verrijkte inventaris (Excel) bevat deze kolommen met hun uitleg, de meldingen en een toelichting.")
export_buttons(state.view(), key="projecten_export")
