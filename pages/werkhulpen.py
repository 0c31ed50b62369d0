"""Werkhulpen: per project MOVISIE's Schema 2 as a checklist, RIVM's externe-regie actions and, where the regie
lies with another party or the gemeente is opdrachtgever, the opdracht; kept in the active werkruimte, summed
over the inventory and exported. Plus the interne regie from the Afdelingen column."""

import functools

import streamlit as st

from regie import vocabulary as voc
from regie.errors import RegieError
from regie.export import werkhulpen as aids_export
from regie.formatting import nl_count, nl_int
from regie.instruments import werkhulpen as aids
from regie.ui import downloads, state, werkruimtes
from regie.ui.widgets import example_banner, require_router, safe_call, show_error, show_table

view = state.view()
inv = view.inventory
require_router()
st.title("Werkhulpen")
example_banner(view.loaded)
st.text(view.subtitle)
st.caption(
    "Per project de hulpmiddelen uit de bronnen: MOVISIE's Schema 2 ‘De eigen rol per fase’ als checklist, de "
    "acties van externe regie van RIVM en, waar de regie bij een andere partij ligt of de gemeente opdrachtgever "
    "is, de opdracht. De antwoorden worden in de actieve werkruimte bewaard."
)

if not len(inv.projects):
    st.info("Er zijn geen projecten. Laad een inventaris met projecten op de pagina Inventaris, of wis de filters "
            "in de zijbalk.")
    st.stop()

access = safe_call(werkruimtes.access, "het openen van de database")
active = werkruimtes.active()
werkruimte = None
if access is not None and active:
    listed = safe_call(access.werkruimtes, "het lezen van de werkruimtes") or []
    werkruimte = next((w.name for w in listed if w.name == active), None)
if werkruimte is None:
    st.info("Open of maak eerst een werkruimte op de pagina Werkruimtes: daarin worden de antwoorden bewaard. Tot "
            "dan kunt u de vragen lezen, maar niet opslaan.")
else:
    st.caption(f"Werkruimte: {werkruimte}")
store = access.store if access is not None else None

names = dict(zip(inv.projects["project"], inv.projects["naam"], strict=True))
project = st.selectbox("Project", list(names), format_func=names.get, key="werkhulpen_project")
stored: dict[str, aids.Answer] = {}
if werkruimte is not None and store is not None:
    stored = safe_call(lambda: aids.answers(store, werkruimte, project), "het lezen van de antwoorden") or {}

st.caption(aids.project_line(inv, project))
asked = aids.opdracht_phases(inv, project)


def _key(code: str) -> str:
    return f"werkhulpen_{project}_{code}"


with st.form("werkhulpen_formulier", border=False):
    for aid in (aids.SCHEMA2, aids.RIVM):
        st.subheader(aids.AID_TITLES[aid])
        st.caption(f"{aids.AID_SOURCES[aid]}.")
        group = None
        for item in aids.ITEMS_OF[aid]:
            if item.group != group and aid == aids.SCHEMA2:
                group = item.group
                st.markdown(f"**{group}**")
            previous = stored.get(item.code)
            columns = st.columns([3, 2], vertical_alignment="center")
            columns[0].radio(
                item.text, list(aids.CHECK_ANSWERS), format_func=aids.CHECK_LABELS.get, horizontal=True,
                index=aids.CHECK_ANSWERS.index(previous.answer) if previous and previous.answer in aids.CHECK_ANSWERS
                else None, key=_key(item.code),
            )
            columns[1].text_input(f"Toelichting bij: {item.text}", value=previous.note if previous else "",
                                  key=_key(f"{item.code}_n"), max_chars=aids.MAX_NOTE,
                                  placeholder="Toelichting (mag leeg)", label_visibility="collapsed")
    if asked or any(code.startswith("O.") for code in stored):
        st.subheader(aids.AID_TITLES[aids.OPDRACHT])
        st.caption(
            (f"In {', '.join(voc.phase_label(p).lower() for p in asked)} ligt de regie bij een andere partij of is "
             "de gemeente opdrachtgever (volgens de inventaris). " if asked else "")
            + f"“{voc.sources.RIVM_ASSIGNMENT_TIP}” {aids.AID_SOURCES[aids.OPDRACHT]}."
        )
        for code, label in aids.OPDRACHT_PARTS:
            previous = stored.get(f"O.{code}")
            st.text_area(label, value=previous.note if previous else "", key=_key(f"O.{code}_n"),
                         max_chars=aids.MAX_NOTE, height=80)
    saved = st.form_submit_button("Opslaan in de werkruimte", type="primary", key="werkhulpen_opslaan",
                                  disabled=werkruimte is None, icon=":material/save:")

if saved and werkruimte is not None and store is not None:
    given = {}
    for item in aids.ITEMS:
        note_key = _key(f"{item.code}_n")
        if note_key not in st.session_state:
            continue  # not on the form: the opdracht where none is asked
        answer = None if item.aid == aids.OPDRACHT else st.session_state.get(_key(item.code))
        given[item.code] = (answer, str(st.session_state.get(note_key) or ""))
    try:
        kept = aids.save(store, werkruimte, project, names[project], given)
    except RegieError as exc:
        show_error(str(exc))
    else:
        st.success(f"{nl_count(kept, 'antwoord', 'antwoorden')} van dit project bewaard in werkruimte {werkruimte}.")

st.divider()
st.subheader("Interne regie: afdelingen per project")
internal = aids.internal_regie(inv)
if not len(inv.departments):
    st.info("De inventaris heeft geen kolom Afdelingen (of Portefeuillehouders). Voeg die toe op het blad Projecten "
            "om te zien wie binnen de gemeente bij elk project betrokken is.")
else:
    flagged = aids.flagged(internal)
    st.caption(f"Uit de kolom Afdelingen van de inventaris. {nl_count(flagged, 'project', 'projecten')} in beleid of "
               "uitvoering zonder afdeling. RIVM: interne regie is sturing binnen de gemeentelijke organisatie; "
               "MOVISIE: ‘met één mond spreken’.")
    show_table(internal.drop(columns=["project"]), key="werkhulpen_intern")

if werkruimte is not None and store is not None:
    st.divider()
    st.subheader("Over de hele inventaris")
    everything = safe_call(lambda: aids.all_answers(store, werkruimte), "het lezen van de antwoorden")
    if everything is not None:
        st.caption(f"{nl_int(aids.answered_projects(everything, inv))} van {nl_count(len(inv.projects), 'project', 'projecten')} hebben antwoorden in "
                   "deze werkruimte.")
        show_table(aids.per_project(everything, inv), key="werkhulpen_per_project")
        show_table(aids.totals(everything, inv.projects["project"]), key="werkhulpen_per_taak")
        downloads.offer_file(
            namespace="werkhulpen_xlsx", memo_key=(werkruimte, *view.key, len(everything),
                                                   tuple(everything["note"].str.len()), tuple(everything["answer"])),
            label="Werkhulpen (Excel) maken", what="de werkhulpen",
            make=functools.partial(aids_export.workbook_bytes, everything, inv, werkruimte),
            file_name=aids_export.file_name(inv), mime=downloads.MIME_XLSX, key="werkhulpen_xlsx",
            icon=":material/table_view:", help="Per project, per taak, elk antwoord met toelichting en de interne "
            "regie.", download_label="Werkhulpen downloaden",
        )
