"""Regierol per fase — the Streamlit router: page frame, navigation and the shared sidebar."""

import streamlit as st

from regie.ui.sockets import send_without_delay
from regie.ui.werkplaats import participating
from regie.ui.widgets import ROUTER_PAGE_PARAM, configure_logging, interface_in_dutch, page_style, run_page, sidebar

configure_logging()
send_without_delay()  # every later connection of this server answers without a 40 ms wait (regie/ui/sockets.py)
st.set_page_config(page_title="Regierol per fase", page_icon="🧭", layout="wide")

DASHBOARD = [
    st.Page("pages/overzicht.py", title="Overzicht", icon=":material/dashboard:", default=True),
    st.Page("pages/inventaris.py", title="Inventaris", icon=":material/upload_file:"),
    st.Page("pages/fasen_en_elementen.py", title="Fasen en elementen", icon=":material/grid_view:"),
    st.Page("pages/rol_per_fase.py", title="Rol per fase", icon=":material/route:"),
    st.Page("pages/vaardigheden.py", title="Vaardigheden", icon=":material/construction:"),
    st.Page("pages/partners.py", title="Partners", icon=":material/hub:"),
    st.Page("pages/projecten.py", title="Projecten", icon=":material/table_rows:"),
]
SHARING = [
    st.Page("pages/presenteren.py", title="Presenteren", icon=":material/co_present:"),
    st.Page("pages/werkruimtes.py", title="Werkruimtes", icon=":material/folder_open:"),
]
INSTRUMENTS = [
    st.Page("pages/beslisboom.py", title="Beslisboom", icon=":material/account_tree:"),
    st.Page("pages/zelfscan.py", title="Zelfscan", icon=":material/checklist:"),
    st.Page("pages/positionering.py", title="Positionering", icon=":material/scatter_plot:"),
    st.Page("pages/werkhulpen.py", title="Werkhulpen", icon=":material/fact_check:"),
    st.Page("pages/werkplaats.py", title="Werkplaats", icon=":material/groups:"),
]
PAGES = DASHBOARD + SHARING + INSTRUMENTS

if participating():
    st.query_params.pop(ROUTER_PAGE_PARAM, None)  # a deep link that came through require_router
    # A participant's session (opened with a werkplaats link or code) gets the vote and nothing else:
    # no navigation, no sidebar, and every address of this session leads to the vote.
    page_style("app.css")
    interface_in_dutch()
    # One page, at /werkplaats (where the participant's link points, the same address as in the full app, so
    # stopping lands on the werkplaats page); the app's root leads there too.
    vote = st.Page("pages/werkplaats.py", title="Werkplaats", icon=":material/groups:", url_path="werkplaats")
    root = st.Page(lambda: st.switch_page(vote), title="Werkplaats", url_path="meedoen", default=True)
    run_page(st.navigation([root, vote], position="hidden"))
    st.stop()

SECTIONS = {"Dashboard": DASHBOARD, "Presenteren en bewaren": SHARING, "Regie-instrumenten": INSTRUMENTS}
# Streamlit's own sectioned navigation is drawn as lists that fail WCAG (a <ul> holding <div>s): it is
# hidden, and the sidebar draws the same sections as headings with page links (regie.ui.widgets.sidebar).
page = st.navigation(SECTIONS, position="hidden")
wanted = st.query_params.get(ROUTER_PAGE_PARAM)
if wanted:  # a deep link that arrived before the router existed (see require_router)
    del st.query_params[ROUTER_PAGE_PARAM]
    target = next((p for p in PAGES if p.url_path == wanted), None)
    if target is not None and target.url_path != page.url_path:
        st.switch_page(target, query_params=st.query_params.to_dict())  # the link's own parameters go along
sidebar(SECTIONS)
run_page(page)
