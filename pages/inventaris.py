"""Inventaris: the adviser's workbench — upload, row accounting, validation report, mapping review
and element suggestions."""

import streamlit as st

from regie import analysis
from regie.export.table_csv import csv_bytes
from regie.formatting import nl_clauses, nl_int
from regie.review.mappings import (
    REVIEW_FIELDS,
    STATUS_ACCEPTED,
    STATUS_OPEN,
    choice_options,
    dismissed_suggestions,
    mapping_review,
    mapping_summary,
    option_label,
    phase_reading_notes,
    review_rows,
    suggestion_review,
    suggestion_summary,
    suggestions_with,
    value_places,
)
from regie.review.report import filter_issues, for_display, grouped_issues, issues_table, row_accounting
from regie.ui import state, werkruimtes
from regie.ui.widgets import (
    escape_markdown,
    example_banner,
    paged,
    reading_note,
    require_router,
    safe_call,
    show_error,
    show_table,
)

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _on_upload(key: str) -> None:
    upload = st.session_state.get(key)
    if upload is None:
        return
    state.upload_handled(state.load_upload(upload.name, upload.getvalue()))


def _on_example() -> None:
    state.use_example()
    state.upload_handled(None)


def _on_mapping(field: str, original: str, key: str) -> None:
    state.set_mapping(field, original, st.session_state.get(key) or None)


def _on_reopen_dismissed(pairs: list[tuple[str, str]]) -> None:
    for project, element in pairs:
        state.decide_suggestion(project, element, None)


view = state.view()
current = view.loaded
full = view.full
require_router()
st.title("Inventaris")
example_banner(current)
st.caption(
    "Laad hier uw eigen inventaris, controleer wat er is ingelezen en wijs onbekende waarden toe. "
    "Keuzes gelden meteen op alle pagina's."
)

# ------------------------------------------------------------------ file
st.header("Bestand")
left, right = st.columns([3, 2])
with left:
    upload_key = state.upload_widget_key("inventaris_upload")
    st.file_uploader(
        "Inventaris laden (Excel, OpenDocument of CSV, tot 50 MB)", key=upload_key,
        on_change=_on_upload, args=(upload_key,),
        help="Bestanden .xlsx, .xlsm, .xls, .xlsb, .ods of .csv (ook tekst die Excel als Unicode-tekst "
        "opsloeg). Wat het bestand is, volgt uit de inhoud, niet uit de naam. Het bestand blijft in deze sessie; "
        "het wordt niet gedeeld met andere gebruikers. Een nieuw bestand laden wist uw toewijzingen "
        "en beoordeelde suggesties.",
    )
    error = state.take_load_error()
    if error:
        show_error(f"Het bestand is niet geladen; de vorige inventaris blijft staan. {error}")
    notice = werkruimtes.take_notice()
    if notice:
        st.info(escape_markdown(notice))
with right:
    st.caption("Geladen inventaris")
    st.text(current.name + (" (voorbeeld)" if current.is_example else ""))
    if not current.is_example or state.mappings() or state.accepted():
        st.caption(":material/info: Het bestand en uw keuzes blijven alleen in dit browservenster, zolang het "
                   "open is: wie de pagina opnieuw laadt, is ze kwijt. Bewaar ze in een werkruimte (pagina "
                   "Werkruimtes) om ze te houden.")
    st.button(
        "Terug naar het voorbeeld", key="inventaris_voorbeeld_terug", on_click=_on_example,
        disabled=current.is_example,
        help="Vervangt de geladen inventaris door het voorbeeld; uw toewijzingen vervallen.",
    )
    st.download_button(
        "Sjabloon downloaden", data=state.template_bytes(), file_name="sjabloon_inventaris.xlsx",
        mime=XLSX_MIME, key="inventaris_sjabloon", icon=":material/download:",
        help="Een leeg Excel-sjabloon met keuzelijsten en uitleg.",
    )
    st.download_button(
        "Voorbeeld downloaden", data=state.example_bytes(), file_name="voorbeeld_inventaris.xlsx",
        mime=XLSX_MIME, key="inventaris_voorbeeld", icon=":material/download:",
        help="De voorbeeldinventaris: een ingevuld sjabloon om van te leren.",
    )

top = st.columns(4)
top[0].metric("Projecten", nl_int(len(full.projects)))
top[1].metric("Partners", nl_int(len(full.partners)))
top[2].metric("Teamleden", nl_int(analysis.team_count(full)))
top[3].metric("Afgewezen rijen", nl_int(analysis.rows_rejected(full)))

# ------------------------------------------------------------------ rows
st.subheader("Rijen: niets gaat verloren")
st.caption("Elke gelezen rij is gebruikt of afgewezen; afgewezen rijen staan met de reden in het rapport.")
show_table(row_accounting(full), key="inventaris_rijen")

# ------------------------------------------------------------------ report
st.header("Validatierapport")
counts = analysis.issue_counts(full)
report_columns = st.columns(2)
report_columns[0].metric("Fouten", nl_int(counts["fout"]))
report_columns[1].metric("Waarschuwingen", nl_int(counts["waarschuwing"]))
report = state.view_table("inventaris_rapport", view, lambda: issues_table(full))
if report.empty:
    st.success("De inventaris is zonder meldingen ingelezen: geen fouten en geen waarschuwingen.")
else:
    severity = st.radio(
        "Ernst", ["alle", "fout", "waarschuwing"], key="inventaris_ernst", horizontal=True,
        format_func={"alle": "Alle meldingen", "fout": "Fouten", "waarschuwing": "Waarschuwingen"}.get,
    )
    shown = filter_issues(report, [] if severity == "alle" else [severity])
    groups = state.view_table(f"inventaris_groepen_{severity}", view, lambda: grouped_issues(shown))
    grouped = st.toggle(
        "Gelijke meldingen samennemen", value=len(groups) < len(shown), key="inventaris_groeperen",
        help="Meldingen van dezelfde soort (zelfde kolom, zelfde zin op de waarde na) staan op één regel, "
             "met het aantal, de rijen en de waarden. De download bevat altijd elke melding.",
    )
    if state.names_hidden():
        st.caption("Let op: het rapport toont waarden zoals ze in het bestand staan, ook bij 'Namen verbergen'.")
    if grouped:
        st.caption(f"{nl_int(len(shown))} meldingen in {nl_int(len(groups))} soorten.")
        show_table(groups, key="inventaris_rapport_groepen", column_config={
            "Aantal": st.column_config.NumberColumn("Aantal", format="%d"),
            "Voorbeeld": st.column_config.TextColumn("Voorbeeld", width=560),
        })
    else:
        show_table(for_display(shown), key="inventaris_rapport", column_config={
            "Rij": st.column_config.TextColumn("Rij"),
            "Melding": st.column_config.TextColumn("Melding", width=640),
        })
    st.download_button(
        "Rapport downloaden (CSV)", data=state.view_table("inventaris_rapport_csv", view, lambda: csv_bytes(report)),
        file_name="validatierapport.csv",
        mime="text/csv", key="inventaris_rapport_csv", icon=":material/download:",
        help="Alle meldingen als CSV (puntkomma's, opent in Excel).",
    )

# ------------------------------------------------------------------ mapping review
st.header("Waarden toewijzen")
st.caption(
    "Waarden die niet in de woordenlijst staan, met hoe vaak ze voorkomen. Kies de bedoelde waarde; "
    "de keuze geldt meteen op alle pagina's en staat in de uitleg als 'handmatig toegewezen'. "
    "Kies '— niet toewijzen —' om een keuze ongedaan te maken."
)
for value, count, note in phase_reading_notes(full):
    st.caption(f"‘{escape_markdown(value)}’ ({nl_int(count)}×) is gelezen als Beleid. {note}")
review = safe_call(lambda: mapping_review(state.unknown_values(), state.mappings(), "inventaris_map"),
                   "het maken van de lijst met waarden om toe te wijzen")
if review is not None and review.empty:
    st.success("Alle waarden met een vaste woordenlijst (zoals fase, element, rol en partnertype) zijn herkend: "
               "er is niets toe te wijzen.")
elif review is not None:
    summary = mapping_summary(review)
    st.caption(
        f"{nl_int(summary['waarden'])} onbekende waarden"
        + (f": {nl_clauses([(summary['toegewezen'], '{n} toegewezen'), (summary['open'], '{n} nog open')])}."
           if summary['waarden'] else ".")
    )
    for field, field_label in REVIEW_FIELDS.items():
        rows, mapped = review_rows(review, field)
        if rows.empty:
            continue
        amount = f"{nl_int(len(rows))} {'waarde' if len(rows) == 1 else 'waarden'}"
        with st.expander(f"{field_label}: {amount} ({nl_int(mapped)} toegewezen)", expanded=True):
            shown = paged(rows, f"inventaris_map_pagina_{field}")
            head = st.columns([3, 1, 3])
            head[0].caption("Waarde in het bestand")
            head[1].caption("Aantal")
            head[2].caption("Toewijzen aan")
            options = choice_options(field)
            for number, row in enumerate(shown.itertuples(), start=1):
                cells = st.columns([3, 1, 3], vertical_alignment="center")
                cells[0].text(row.value)
                if len(row.variants) > 1:
                    cells[0].text("ook geschreven als: " + " | ".join(row.variants[1:]))
                where = value_places(full.issues, row.variants)
                if where:
                    cells[0].caption(escape_markdown(f"Staat in {where}."))
                cells[1].text(f"{nl_int(row.count)}×")
                cells[2].selectbox(
                    f"{field_label} {number} toewijzen aan", options,
                    index=options.index(row.choice) if row.choice in options else 0,
                    format_func=lambda code, f=field: option_label(f, code), key=row.key,
                    label_visibility="collapsed", on_change=_on_mapping,
                    args=(field, row.original, row.key),
                )
                if row.note:
                    cells[2].caption(row.note)

# ------------------------------------------------------------------ element suggestions
st.header("Elementsuggesties")
st.caption(
    "Voor projecten zonder element zoekt het dashboard woorden in naam en omschrijving die bij een "
    "MOVISIE-element passen. Een suggestie telt pas mee als u hem accepteert; afgewezen suggesties "
    "verdwijnen."
)
reading_note("suggestions")
accepted, dismissed = state.accepted(), state.dismissed()
suggestions = suggestion_review(full, accepted, dismissed, "inventaris_sugg")
tally = suggestion_summary(full, accepted, dismissed)
if not len(full.suggestions):
    st.info(
        "Er zijn geen elementsuggesties: elk project heeft een element uit het bestand, of de naam en "
        "omschrijving bevatten geen woorden die bij een element passen."
    )
else:
    st.caption("Suggesties: " + nl_clauses([
        (tally["open"], "{n} open"), (tally["geaccepteerd"], "{n} geaccepteerd"), (tally["afgewezen"], "{n} afgewezen"),
    ]) + ".")
    open_rows = suggestions_with(suggestions, STATUS_OPEN)
    if open_rows.empty:
        st.success("Alle suggesties zijn beoordeeld.")
    else:
        head = st.columns([3, 3, 2, 3])
        head[0].caption("Project")
        head[1].caption("Voorgesteld element")
        head[2].caption("Gevonden woord")
        for row in paged(open_rows, "inventaris_sugg_pagina").itertuples():
            cells = st.columns([3, 3, 2, 1.5, 1.5], vertical_alignment="center")
            cells[0].text(row.naam)
            cells[1].text(row.element_label)
            cells[2].text(f"'{row.keyword}'")
            cells[3].button(
                "Accepteren", key=f"{row.key}_ja", on_click=state.decide_suggestion,
                args=(row.project, row.element, True), icon=":material/check:",
            )
            cells[4].button(
                "Afwijzen", key=f"{row.key}_nee", on_click=state.decide_suggestion,
                args=(row.project, row.element, False), icon=":material/close:",
            )
    taken = suggestions_with(suggestions, STATUS_ACCEPTED)
    if len(taken):
        with st.expander(f"Geaccepteerde suggesties ({nl_int(len(taken))})"):
            for row in paged(taken, "inventaris_sugg_geaccepteerd_pagina").itertuples():
                cells = st.columns([3, 3, 2, 3], vertical_alignment="center")
                cells[0].text(row.naam)
                cells[1].text(row.element_label)
                cells[2].text(f"'{row.keyword}'")
                cells[3].button(
                    "Terugdraaien", key=f"{row.key}_terug", on_click=state.decide_suggestion,
                    args=(row.project, row.element, None), icon=":material/undo:",
                )
    gone = dismissed_suggestions(full, dismissed)
    if gone:
        st.button(
            f"Afgewezen suggesties terugzetten ({nl_int(len(gone))})", key="inventaris_sugg_terugzetten",
            on_click=_on_reopen_dismissed, args=(gone,),
        )
