"""Partners: the network of partners and projects, partner types per phase, the most connected
partners, the influence × interest grid and lokaal vs regionaal."""

import streamlit as st

from regie import vocabulary as voc
from regie.analysis import network
from regie.analysis import partners as partner_analysis
from regie.charts.partners import (
    influence_interest_grid,
    most_connected_bars,
    network_figure,
    partner_types_per_phase_bars,
    werkgebied_bars,
)
from regie.formatting import nl_int, nl_percent
from regie.ui import state
from regie.ui.widgets import example_banner, require_router, safe_call, show_chart, show_table, subtitle, view_chart

SECTIONS = ("Netwerk", "Soorten per fase", "Invloed en belang", "Lokaal of regionaal")
SECTION_KEY = "partners_onderdeel"

require_router()
view = state.view()
inv = view.inventory
st.title("Partners")
example_banner(view.loaded)
subtitle(view)

if not len(inv.partners):
    st.info(voc.PARTNERS_HELP)
    st.stop()

# Built once per view (a page visited again or a filter set back does not count them again).
link_count, loose = state.view_table(
    "partners_tellingen", view, lambda: (len(network.links(inv)), network.unlinked_partners(inv)))
beyond = partner_analysis.share_beyond_municipality(inv)
top = st.columns(3)
top[0].metric("Partners", nl_int(len(inv.partners)))
top[1].metric("Koppelingen partner–project", nl_int(link_count))
top[2].metric("Werkgebied buiten de gemeente", "—" if beyond is None else nl_percent(beyond),
              help="Aandeel van de partners met een bekend werkgebied dat regionaal of landelijk werkt.")

# --- Network ------------------------------------------------------------------------------


def network_section() -> None:
    """The network of one phase, its most connected partners and their betweenness."""
    st.subheader("Netwerk van partners en projecten")
    phase = st.segmented_control(
        "Fase", network.PHASE_CHOICES, default=network.ALL_PHASES, required=True,
        format_func=network.phase_choice_label, key="partners_fase",
        help="Per fase telt de fase van de betrokkenheid, of anders de fasen van het project.",
    ) or network.ALL_PHASES
    net = state.view_table(f"partners_netwerk_{phase}", view, lambda: network.build(inv, phase))
    shape = None
    if net.empty:
        st.info(
            f"In {network.phase_choice_label(phase).lower()} is geen partner aan een project gekoppeld. "
            "Koppel partners aan projecten in het tabblad Betrokkenheid (Project ID, Partner, Fase) of in "
            "de kolom Partners van het tabblad Projecten."
        )
    else:
        shape = safe_call(lambda: state.network_structure(net), "het schikken van het netwerk")
    if shape is not None:
        view_chart(view, "partners_netwerk", lambda: network_figure(net, shape, view.subtitle, phase), "het netwerk",
                   variant=phase)
        if net.capped:
            st.caption(
                f"Getoond: de {nl_int(net.partners_shown)} partners met de meeste projecten en "
                f"{nl_int(net.projects_shown)} van hun projecten (van {nl_int(net.partners_total)} "
                f"partners en {nl_int(net.projects_total)} projecten met een koppeling); zo blijft het "
                "netwerk leesbaar en snel. Gebruik de filters in de zijbalk om in te zoomen."
            )
        else:
            st.caption(
                f"Alle {nl_int(net.partners_shown)} partners en {nl_int(net.projects_shown)} projecten "
                "met een koppeling in deze fase."
            )
        if loose:
            st.caption(f"{nl_int(loose)} partners zijn aan geen enkel project gekoppeld en staan niet in het netwerk.")

        st.subheader("Meest verbonden partners")
        most = network.most_connected(net, shape, top=15)
        chart = safe_call(lambda: state.view_chart("partners_verbonden", view,
                                                   lambda: most_connected_bars(most, view.subtitle, phase), phase),
                          "de meest verbonden partners")
        if chart is not None:
            show_chart(chart, key="partners_verbonden")
            show_table(chart.table, key="partners_verbonden_lijst")
        st.caption(
            "Projecten = het aantal projecten van de partner in deze fase. Tussenpositie = hoe "
            "vaak de partner op de kortste verbinding tussen twee anderen ligt, van 0 (nooit) tot 1 (altijd)"
            + (", berekend op het getoonde netwerk." if net.capped else ".")
            + " Een partner met een hoge tussenpositie verbindt delen van het netwerk die elkaar anders "
            "niet raken."
        )


# --- Partner types per phase --------------------------------------------------------------


def types_section() -> None:
    """Partner types per phase."""
    st.subheader("Soorten partners per fase")
    view_chart(view, "partners_soorten", lambda: partner_types_per_phase_bars(inv, view.subtitle),
               "de soorten partners per fase")


# --- Influence × interest -----------------------------------------------------------------


def influence_section() -> None:
    """The influence × interest grid and its four quadrants."""
    st.subheader("Invloed en belang")
    grid = state.view_table("partners_invloed_belang", view, lambda: partner_analysis.influence_interest(inv))
    if not len(grid):
        st.info(voc.INFLUENCE_INTEREST_HELP)
    else:
        view_chart(view, "partners_invloed_belang", lambda: influence_interest_grid(grid, view.subtitle),
                   "het raster van invloed en belang")
        counts = partner_analysis.quadrant_counts(grid)
        quadrants = st.columns(len(voc.INFLUENCE_INTEREST_QUADRANTS))
        for column, item in zip(quadrants, voc.INFLUENCE_INTEREST_QUADRANTS, strict=True):
            column.metric(item.name, nl_int(counts[item.name]), help=item.description)
            column.caption(item.description)


# --- Lokaal vs regionaal ------------------------------------------------------------------


def werkgebied_section() -> None:
    """Lokaal, regionaal or landelijk: how far the partners reach."""
    st.subheader("Lokaal of regionaal")
    if beyond is None:
        st.info(voc.WERKGEBIED_HELP)
    view_chart(view, "partners_werkgebied", lambda: werkgebied_bars(inv, view.subtitle), "het werkgebied van partners")
    if beyond is not None:
        st.caption(
            f"{nl_percent(beyond)} van de partners met een bekend werkgebied werkt regionaal of "
            "landelijk: hun werkgebied reikt verder dan de gemeente."
        )
    st.info(f"MOVISIE, element C: {voc.WERKGEBIED_NOTE}")


# --- The sections, one tab at a time ------------------------------------------------------
# Only the open tab is built and drawn (each is a rerun), so the page stays quick at gemeente scale.
tabs = st.tabs(list(SECTIONS), key=SECTION_KEY, on_change="rerun")
for tab, section in zip(tabs, (network_section, types_section, influence_section, werkgebied_section), strict=True):
    if tab.open is not False:  # None when the tabs do not track state: then every section runs
        with tab:
            section()
