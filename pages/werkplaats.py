"""Werkplaats: live input in a praktijkwerkplaats. The facilitator starts a werkplaats in a werkruimte
and gets a code and a link; participants answer the zelfscan and vote on their own device (no
account); results stay hidden until the facilitator shows them."""

import datetime as dt
import functools

import streamlit as st

from regie import vocabulary as voc
from regie.charts.werkplaats import (
    item_vote_bars,
    perspective_table,
    scan_answer_bars,
    summary_table,
    votes_by_item_bars,
)
from regie.errors import RegieError
from regie.export import werkplaats as wp_export
from regie.formatting import nl_count, nl_date, nl_int
from regie.instruments import afspraken
from regie.instruments import werkplaats as wp
from regie.instruments import zelfscan as scan
from regie.storage import Store
from regie.storage.access import Access
from regie.ui import downloads, messages, state, werkruimtes
from regie.ui import werkplaats as session
from regie.ui.widgets import (
    escape_markdown,
    example_banner,
    require_router,
    safe_call,
    show_chart,
    show_error,
    show_table,
)

PAGE = "werkplaats"
REFRESH_SECONDS = 3
"""How often the facilitator's view of the progress refreshes itself."""
PHONE_REFRESH_SECONDS = 4
"""How often a participant's page checks whether the vote was closed, reopened or deleted."""
NONE = "— kies —"


def _flashes() -> None:
    for kind, text in messages.take_flashes(PAGE):
        if kind == "error":
            show_error(text)
        else:
            getattr(st, kind)(escape_markdown(text))


def _fail(exc: RegieError) -> None:
    show_error(str(exc))


# ------------------------------------------------------------------ links in the address bar


def _take_facilitator_link(store: Store) -> None:
    """A facilitator link (code + key) opened: keep the key in this session, clean the address bar."""
    key = st.query_params.get(wp.PARAM_KEY)
    if not key:
        return
    code = wp.clean_code(st.query_params.get(wp.PARAM_CODE, ""))
    del st.query_params[wp.PARAM_KEY]
    st.query_params.pop(wp.PARAM_CODE, None)
    try:
        session.open_as_facilitator(store, code, key)
    except RegieError as exc:
        messages.flash(PAGE, "error", str(exc))


# ------------------------------------------------------------------ facilitator: start


def _start_view(store: Store, access: Access) -> None:
    view = state.view()
    st.header("Meedoen")
    st.caption("Heeft u een code van de begeleider? Vul hem in (of open de link die de begeleider laat zien).")
    join = st.columns([2, 1], vertical_alignment="bottom")
    join[0].text_input("Code", key="werkplaats_code_invoer", max_chars=12, placeholder="bijvoorbeeld K7QM2XPA")
    if join[1].button("Meedoen", key="werkplaats_meedoen", type="primary"):
        code = wp.clean_code(st.session_state.get("werkplaats_code_invoer"))
        if not code:
            st.warning("Vul eerst de code in.")
        else:
            try:
                session.join_checked(store, code)
            except RegieError as exc:
                _fail(exc)
            else:
                st.query_params[wp.PARAM_CODE] = code
                st.rerun()

    st.header("Een werkplaats begeleiden")
    st.caption(
        "Start een werkplaats in een werkruimte. U krijgt een code en een link voor de deelnemers. Zij vullen "
        "op hun eigen telefoon of laptop anoniem de zelfscan in en stemmen per project en fase over de rol van "
        "de gemeente. De uitslag blijft verborgen tot u hem laat zien."
    )
    example_banner(view.loaded)
    werkruimtes.new_key_panel()
    listed = safe_call(access.werkruimtes, "het lezen van de werkruimtes")
    if listed is None:
        return
    names = [w.name for w in listed]
    active = werkruimtes.active()
    form = st.columns(2, gap="large")
    with form[0]:
        if names:
            st.selectbox("Werkruimte", names, key="werkplaats_werkruimte",
                         index=names.index(active) if active in names else 0,
                         help="De stemmen en antwoorden worden in deze werkruimte bewaard.")
        else:
            st.text_input("Nieuwe werkruimte", key="werkplaats_werkruimte_nieuw",
                          placeholder="bijvoorbeeld Gemeente Wadlo",
                          help="In deze sessie is geen werkruimte open; deze wordt gemaakt bij het starten (u krijgt "
                          "dan zijn sleutel). Een bestaande werkruimte opent u eerst op de pagina Werkruimtes.")
        st.text_input("Naam van de werkplaats", key="werkplaats_titel",
                      value=f"Werkplaats {nl_date(dt.date.today(), long=True)}")
        st.checkbox("Zelfscan opnemen", value=True, key="werkplaats_zelfscan",
                    help=f"De {nl_int(len(scan.ITEMS))} vragen van Louweret en Oosterhof (pagina Zelfscan), "
                    "met ja, deels of nee.")
    with form[1]:
        choices = wp.project_choices(view.full)
        names_by_key = dict(zip(choices["project"], choices["naam"], strict=True))
        st.multiselect(
            "Projecten om over te stemmen", list(choices["project"]), key="werkplaats_projecten",
            format_func=lambda k: names_by_key.get(k, k), placeholder="Kies projecten",
            help="Uit de geladen inventaris (zie de zijbalk). Per project en fase krijgen de deelnemers twee "
            "vragen.",
        )
        st.multiselect("Fasen", list(voc.PHASE_CODES), default=list(voc.PHASE_CODES), key="werkplaats_fasen",
                       format_func=voc.phase_label)
        st.checkbox("Alleen de fasen waarin het project zit", value=True, key="werkplaats_eigen_fasen",
                    help="Volgens de inventaris. Een project zonder fase krijgt alle gekozen fasen.")
    specs = wp.item_specs(view.full, st.session_state.get("werkplaats_projecten") or [],
                          st.session_state.get("werkplaats_fasen") or [],
                          bool(st.session_state.get("werkplaats_eigen_fasen")))
    with_scan = bool(st.session_state.get("werkplaats_zelfscan"))
    st.caption(
        f"De deelnemers krijgen {nl_count(len(specs), 'stemvraag', 'stemvragen')} (project en fase, elk met twee "
        f"vragen){' en de zelfscan' if with_scan else ''}."
    )
    if len(specs) > wp.MAX_ITEMS:
        st.warning(f"Dat zijn meer dan {nl_int(wp.MAX_ITEMS)} stemvragen; kies minder projecten of fasen.")
    if st.button("Werkplaats starten", key="werkplaats_starten", type="primary", icon=":material/play_arrow:"):
        werkruimte = st.session_state.get("werkplaats_werkruimte") if names else \
            st.session_state.get("werkplaats_werkruimte_nieuw", "")
        try:
            if not names:
                info, new_key = access.create(werkruimte or "")
                werkruimte = info.name
                werkruimtes.show_new_key(info.name, new_key)
            werkruimte = access.werkruimte(werkruimte or "").name
            started = wp.start(store, werkruimte or "", st.session_state.get("werkplaats_titel", ""), specs,
                               scan_included=with_scan, source=view.loaded.name)
        except RegieError as exc:
            _fail(exc)
            return
        session.set_facilitated(started.code, started.key)
        werkruimtes.set_active(started.werkplaats.werkruimte)
        st.rerun()

    with st.expander("Een werkplaats openen als begeleider"):
        st.caption("Heeft u de begeleiderslink? Open hem in uw browser, of vul hier de code en de sleutel uit die "
                   "link in.")
        with st.form("werkplaats_openen_form", border=False):  # sent whole, also after Tab onto the eye icon
            st.text_input("Code", key="werkplaats_open_code")
            st.text_input("Begeleiderssleutel", key="werkplaats_open_sleutel", type="password")
            opened = st.form_submit_button("Openen", key="werkplaats_openen")
        if opened:
            code = wp.clean_code(st.session_state.get("werkplaats_open_code"))
            key = str(st.session_state.get("werkplaats_open_sleutel") or "").strip()
            try:
                session.open_as_facilitator(store, code, key)
            except RegieError as exc:
                _fail(exc)
                return
            st.rerun()


# ------------------------------------------------------------------ facilitator: running


def _links(code: str, key: str) -> None:
    base = wp.page_url(wp.public_base(st.context.url))
    link = wp.join_link(base, code)
    st.caption("Link voor de deelnemers")
    st.code(link, language=None, wrap_lines=True)
    if base is None:
        st.caption("Zet het adres van deze app voor de link (het adres dat de deelnemers kunnen bereiken).")
    elif wp.only_this_computer(link):
        st.warning("Dit adres werkt alleen op deze computer: telefoons in de zaal kunnen het niet openen. De beheerder "
                   f"zet {wp.ENV_PUBLIC_URL} op het adres dat de deelnemers bereiken (bijvoorbeeld "
                   "https://regie.gemeente.nl), dan staat dat hier en in de QR-code.")
    if base is not None:
        large = st.toggle("QR-code groot tonen (voor de zaal)", key="werkplaats_qr_groot")
        st.image(wp.qr_png(link), caption="Scan met de camera van uw telefoon om mee te doen.",
                 width="stretch" if large else 280)
    with st.expander("Begeleiderslink (geheim)"):
        st.warning("Deel deze link alleen met een mede-begeleider: wie hem heeft, ziet de resultaten en kan de "
                   "werkplaats sluiten of verwijderen.")
        st.code(wp.facilitator_link(base, code, key), language=None, wrap_lines=True)


@st.fragment(run_every=REFRESH_SECONDS)
def _progress(store: Store, code: str, key: str) -> None:
    """Before the reveal: who takes part and how many votes there are (never the answers)."""
    try:
        current = wp.check_key(store, code, key)
        progress = wp.progress(store, code, key)
    except RegieError as exc:
        _fail(exc)
        return
    if current.revealed:  # a co-facilitator showed the results
        st.rerun()
    top = st.columns(3)
    top[0].metric("Deelnemers", nl_int(progress.participants))
    top[1].metric("Zelfscan ingevuld", nl_int(progress.scan_respondents) if current.scan else "—")
    top[2].metric("Stemmen", nl_int(progress.vote_count))
    said = progress.perspectives
    if progress.participants:
        st.caption("Voor wie: " + ", ".join(
            f"{voc.PERSPECTIVE_SHORT[c]} {nl_int(said.get(c, 0))}" for c in voc.PERSPECTIVE_CODES
        ) + (f", nog niet gekozen {nl_int(said.get(voc.UNKNOWN, 0))}" if said.get(voc.UNKNOWN) else ""))
    if len(progress.votes):
        show_table(progress.table(), key="werkplaats_voortgang")
    st.caption(f"Ververst zichzelf elke {nl_int(REFRESH_SECONDS)} seconden. De uitslag blijft verborgen tot u hem "
               "laat zien; dat sluit ook de stemming.")
    if st.button("Resultaten tonen", key="werkplaats_tonen", type="primary", icon=":material/visibility:"):
        _reveal(store, code, key, True)


def _reveal(store: Store, code: str, key: str, revealed: bool) -> None:
    """Show or hide the results (closing or reopening the vote), then rerun to show the new state."""
    try:
        wp.set_revealed(store, code, key, revealed)
    except RegieError as exc:
        _fail(exc)
        return
    st.rerun()


def _results(store: Store, code: str, key: str, made: list[afspraken.Afspraak]) -> None:
    try:
        res = wp.results(store, code, key)
    except RegieError as exc:
        _fail(exc)
        return
    werkplaats = res.werkplaats
    st.success("De stemming is gesloten; dit is de uitslag.")
    everyone = res
    sides = {"iedereen": "Iedereen", **{g: f"Alleen {voc.GROUP_LABELS[g].lower()}" for g in voc.GROUP_CODES}}
    side = st.segmented_control("Uitslag van", list(sides), format_func=sides.get, default="iedereen",
                                key="werkplaats_kant", help="Splits de uitslag naar voor wie de deelnemers "
                                "zeiden te spreken: de gemeente (bestuur of ambtelijk) of een partner.") or "iedereen"
    res = wp.for_group(everyone, None if side == "iedereen" else side)
    who = "" if side == "iedereen" else f" · {voc.GROUP_LABELS[side].lower()}"
    subtitle = f"{werkplaats.title} · {nl_count(res.participants, 'deelnemer', 'deelnemers')}{who}"
    top = st.columns(3)
    top[0].metric("Deelnemers", nl_int(res.participants))
    top[1].metric("Zelfscan ingevuld", nl_int(wp.scan_respondents(res)) if werkplaats.scan else "—")
    top[2].metric("Stemmen", nl_int(res.vote_count))
    if werkplaats.items:
        st.subheader("Rol van de gemeente: stemmen naast de inventaris")
        show_table(summary_table(res), key="werkplaats_samenvatting")
        for question in wp.QUESTIONS:
            show_chart(votes_by_item_bars(res, question, subtitle), key=f"werkplaats_stemmen_{question}")
        labels = {i.id: i.label for i in werkplaats.items}
        chosen = st.selectbox("Eén project en fase in detail", list(labels), format_func=labels.get,
                              key="werkplaats_detail")
        show_chart(item_vote_bars(res, chosen, subtitle), key="werkplaats_detail_grafiek")
        st.subheader("Ziet de partner dezelfde rol?")
        st.caption("De rol met de meeste stemmen volgens de deelnemers van de gemeente en volgens de partners. "
                   "‘Zelfde rol’ is Ja als een rol bij beide kanten de meeste stemmen kreeg; — als een kant niet "
                   "stemde. " + ", ".join(f"{voc.GROUP_LABELS[g]}: {nl_int(everyone.participants_by_group.get(g, 0))}"
                                          for g in voc.GROUP_CODES) + ".")
        show_table(perspective_table(everyone), key="werkplaats_kanten")
    if werkplaats.scan:
        st.subheader("Zelfscan van de groep")
        st.caption(f"Louwerets vragen zijn voor {scan.AUDIENCE_WORDS[scan.LOUWERET]}, Oosterhofs punten voor "
                   f"{scan.AUDIENCE_WORDS[scan.OOSTERHOF]}; partners krijgen ze niet.")
        if wp.scan_respondents(res) == 0:
            st.info("Niemand heeft de zelfscan ingevuld.")
        else:
            lists = wp.scan_checklists(res)
            for column, row in zip(st.columns(len(lists)), lists.itertuples(index=False), strict=True):
                column.metric(f"{scan.SOURCE_LABELS[row.source]}: iedereen {scan.OUTCOME_WORDS[row.source]}",
                              f"{nl_int(row.all_yes)} van {nl_int(row.total)}",
                              help=f"{nl_count(row.respondents, 'deelnemer', 'deelnemers')} beantwoordden deze lijst.")
                if row.open:
                    column.caption("Nog niet bij iedereen " + scan.OUTCOME_WORDS[row.source] + ": " + ", ".join(row.open))
            show_chart(scan_answer_bars(res, subtitle), key="werkplaats_scan_vragen")
    if st.button("Verbergen en de stemming heropenen", key="werkplaats_verbergen", icon=":material/visibility_off:"):
        _reveal(store, code, key, False)
    _downloads(everyone, made)


def _downloads(res: wp.Results, made: list[afspraken.Afspraak]) -> None:
    """The werkplaats' outcome (votes, both sides, zelfscan, agreements) as XLSX and PPTX."""
    st.subheader("Uitkomst downloaden")
    memo_key = (res.werkplaats.code, res.vote_count, len(res.scan_answers), tuple(a.id for a in made))
    columns = st.columns(2)
    for column, (kind, label, mime, icon, make) in zip(columns, (
        ("xlsx", "Excel", downloads.MIME_XLSX, ":material/table_view:", wp_export.workbook_bytes),
        ("pptx", "PowerPoint (bewerkbare grafieken)", downloads.MIME_PPTX, ":material/slideshow:", wp_export.deck_bytes),
    ), strict=True):
        with column:
            downloads.offer_file(
                namespace=f"werkplaats_{kind}", memo_key=(kind, *memo_key), label=f"{label} maken",
                what="de uitkomst van de werkplaats", make=functools.partial(make, res, made),
                file_name=wp_export.file_name(res.werkplaats, kind), mime=mime, key=f"werkplaats_uitkomst_{kind}",
                icon=icon, help="De uitslag, de gemeente naast de partners, de zelfscan en de afspraken.",
                download_label=f"{label.split(' (')[0]} downloaden",
            )


def _practice_questions() -> None:
    with st.expander("Praktijkvragen om mee te beginnen"):
        st.caption("De vier vragen die gemeenten inbrachten in MOVISIE's praktijkwerkplaatsen. "
                   f"{voc.cite('movisie', 'hoofdstuk 3')}.")
        for n, question in enumerate(voc.PRACTICE_QUESTIONS, start=1):
            st.text(f"{n}. {question}")


def _on_agreement(store: Store, code: str, key: str) -> None:
    get = st.session_state.get
    try:
        afspraken.add(store, code, key, wie=get("werkplaats_afspraak_wie", ""), wat=get("werkplaats_afspraak_wat", ""),
                      fase=get("werkplaats_afspraak_fase") or "", wanneer=get("werkplaats_afspraak_wanneer"),
                      project="" if get("werkplaats_afspraak_project") in (None, NONE)
                      else str(get("werkplaats_afspraak_project")))
    except RegieError as exc:
        messages.flash(PAGE, "error", str(exc))
        return
    for field in ("wie", "wat"):
        st.session_state[f"werkplaats_afspraak_{field}"] = ""
    messages.flash(PAGE, "success", "De afspraak is vastgelegd in de werkruimte.")


def _agreements(store: Store, werkplaats: wp.Werkplaats, key: str, made: list[afspraken.Afspraak]) -> None:
    st.subheader("Afspraken")
    st.caption(f"Sluit af met wat u afspreekt: wie doet wat, in welke fase en wanneer. {voc.sources.WERKPLAATS_QUOTE} "
               "(MOVISIE). De afspraken worden in de werkruimte bewaard, ook als de werkplaats later wordt "
               "verwijderd.")
    if made:
        show_table(afspraken.table(made), key="werkplaats_afspraken")
    with st.form("werkplaats_afspraak_formulier", clear_on_submit=False):
        row = st.columns([1, 2])
        row[0].text_input("Wie", key="werkplaats_afspraak_wie", max_chars=afspraken.MAX_WHO,
                          placeholder="bijvoorbeeld de wethouder wonen")
        row[1].text_area("Wat", key="werkplaats_afspraak_wat", max_chars=afspraken.MAX_WHAT, height=80,
                         placeholder="bijvoorbeeld de corporaties uitnodigen voor een gezamenlijke opdracht")
        row = st.columns(3)
        row[0].selectbox("Fase", list(voc.PHASE_CODES), format_func=voc.phase_label, index=None,
                         key="werkplaats_afspraak_fase", placeholder="Kies een fase")
        row[1].date_input("Wanneer", value=None, key="werkplaats_afspraak_wanneer", format="DD-MM-YYYY",
                          min_value=dt.date.today() - dt.timedelta(days=366))
        projects = list(dict.fromkeys(i.project_name for i in werkplaats.items))
        row[2].selectbox("Project (als het over één project gaat)", [NONE, *projects],
                         key="werkplaats_afspraak_project")
        st.form_submit_button("Afspraak vastleggen", key="werkplaats_afspraak_vastleggen", type="primary",
                              on_click=_on_agreement, args=(store, werkplaats.code, key), icon=":material/add_task:")
    if made:
        labels = {a.id: f"{a.wie}: {a.wat[:60]}" for a in made}
        gone = st.columns([3, 1], vertical_alignment="bottom")
        chosen = gone[0].selectbox("Afspraak verwijderen", list(labels), format_func=labels.get, index=None,
                                   key="werkplaats_afspraak_weg", placeholder="Kies een afspraak")
        if gone[1].button("Verwijderen", key="werkplaats_afspraak_verwijderen", disabled=chosen is None):
            try:
                afspraken.delete(store, werkplaats.code, key, int(chosen or 0))
            except RegieError as exc:
                _fail(exc)
                return
            st.rerun()


def _facilitator_view(store: Store, code: str, key: str) -> None:
    try:
        werkplaats = wp.check_key(store, code, key)
    except RegieError as exc:
        _fail(exc)
        if st.button("Deze werkplaats vergeten", key="werkplaats_vergeten_fout"):
            session.set_facilitated(None)
            st.rerun()
        return
    werkruimtes.new_key_panel()  # the key of a werkruimte made when this werkplaats started
    st.caption("U begeleidt")
    st.text(f"{werkplaats.title} — werkruimte {werkplaats.werkruimte}")
    head = st.columns([1, 2], gap="large")
    head[0].metric("Code voor de deelnemers", werkplaats.code,
                   help="Deelnemers openen de pagina Werkplaats en vullen deze code in, of openen de link.")
    with head[1]:
        _links(werkplaats.code, key)
    if werkplaats.items:
        with st.expander(f"De stemvragen ({nl_int(len(werkplaats.items))})"):
            show_table(wp.items_table(werkplaats), key="werkplaats_vragen")
    _practice_questions()
    made = safe_call(lambda: afspraken.of_werkplaats(store, werkplaats.code, key), "het lezen van de afspraken")
    if werkplaats.revealed:
        _results(store, werkplaats.code, key, made or [])
    else:
        _progress(store, werkplaats.code, key)
    if made is not None:
        _agreements(store, werkplaats, key, made)

    st.divider()
    end = st.columns(2, gap="large")
    with end[0]:
        st.button("Stoppen met begeleiden in deze sessie", key="werkplaats_stoppen",
                  on_click=session.set_facilitated, args=(None,),
                  help="De werkplaats blijft bewaard; met de begeleiderslink opent u hem later weer.")
    with end[1], st.expander("Werkplaats verwijderen"):
        st.caption("Verwijdert de werkplaats met alle stemmen en antwoorden uit de database.")
        sure = st.checkbox("Ik weet het zeker", key="werkplaats_verwijder_zeker")
        if st.button("Werkplaats verwijderen", key="werkplaats_verwijderen", disabled=not sure,
                     icon=":material/delete:"):
            try:
                wp.delete(store, werkplaats.code, key)
            except RegieError as exc:
                _fail(exc)
                return
            session.set_facilitated(None)
            messages.flash(PAGE, "success", f"Werkplaats '{werkplaats.title}' is verwijderd.")
            st.rerun()


# ------------------------------------------------------------------ participant


@st.fragment(run_every=PHONE_REFRESH_SECONDS)
def _watch(store: Store, code: str, shown: bool | None) -> None:
    """Rerun the participant's page when the facilitator shows the results, reopens or deletes the werkplaats."""
    try:
        now: bool | None = wp.get(store, code).revealed
    except RegieError:
        now = None
    if now != shown:
        st.rerun(scope="app")


def _stop_button() -> None:
    st.button("Stoppen met meedoen", key="werkplaats_stoppen_meedoen", on_click=session.stop_participating,
              help="Uw antwoorden blijven bewaard. Met de code of de link doet u weer mee (als nieuwe deelnemer).")


def _perspective(store: Store, code: str, participant: str) -> str | None:
    """Ask for whom the participant speaks (stored at once); their choice, or None while they have not said."""
    stored = wp.perspective_of(store, code, participant)
    chosen = st.radio(
        "Voor wie spreekt u hier?", list(voc.PERSPECTIVE_CODES), format_func=voc.PERSPECTIVE_LABELS.get,
        index=voc.PERSPECTIVE_CODES.index(stored) if stored else None, key="werkplaats_perspectief",
        help="Zo kan de begeleider laten zien of de gemeente en de partners dezelfde rol zien. Uw naam wordt niet "
        "gevraagd.",
    )
    if chosen and chosen != stored:
        try:
            wp.set_perspective(store, code, participant, chosen)
        except RegieError as exc:
            _fail(exc)
            return stored
    return chosen or None


def _participant_view(store: Store, code: str) -> None:
    participant = session.participant_id(code)
    st.query_params.pop(wp.PARAM_PARTICIPANT, None)  # an old link's id: never taken from the address
    try:
        if not session.joined(code):
            session.join_checked(store, code)
            wp.join(store, code, participant)
            session.mark_joined(code)
        werkplaats = wp.get(store, code)
        mine_votes, mine_scan = wp.my_answers(store, code, participant)
    except RegieError as exc:
        _fail(exc)
        _watch(store, code, None)
        st.button("Andere code invullen", key="werkplaats_andere_code", on_click=session.stop_participating)
        return
    _watch(store, code, werkplaats.revealed)
    st.caption("U doet mee aan")
    st.text(werkplaats.title)
    st.caption(
        "U doet anoniem mee: uw naam wordt niet gevraagd en niemand ziet wat u antwoordt. De begeleider ziet "
        "alleen de optelling, en pas als de stemming gesloten is. U kunt uw antwoorden wijzigen zolang de "
        "stemming open is."
    )
    if werkplaats.revealed:
        st.info("De stemming is gesloten: de begeleider laat de resultaten zien. Kijk mee op het scherm. Gaat de "
                "stemming weer open, dan ziet u de vragen hier vanzelf terug.")
        _stop_button()
        return

    perspective = _perspective(store, code, participant)
    if perspective is None:
        st.info("Kies eerst voor wie u hier spreekt; daarna ziet u de vragen.")
        st.divider()
        _stop_button()
        return

    if werkplaats.items:
        st.header("Stemmen")
        st.caption("Beantwoord per project en fase de twee vragen. U hoeft niet alles te beantwoorden.")
        with st.expander("Wat betekenen de rollen?", expanded=not mine_votes):
            st.caption("De rollen zijn de indeling van deze app voor ‘de eigen rol in elke fase’ (MOVISIE, "
                       "element C). Bij elke rol staat wat RIVM erover zegt.")
            for role in voc.ROLES:
                st.markdown(f"**{role.label}** — {role.meaning}")
                st.caption(role.rivm_note)
            st.markdown(f"**{wp.VOTE_LABELS[voc.UNKNOWN]}** — als u het niet weet of er geen zicht op heeft.")
        with st.form("werkplaats_stemformulier", border=False):
            for item in werkplaats.items:
                with st.container(border=True):
                    st.text(item.label)
                    st.caption(f"Fase {voc.phase_label(item.phase).lower()}: "
                               f"{voc.PHASE_BY_CODE[item.phase].fase_in_het_proces}")
                    for question, asked in wp.QUESTIONS.items():
                        previous = mine_votes.get((item.id, question))
                        st.radio(asked, list(wp.VOTE_CHOICES), format_func=wp.VOTE_LABELS.get, horizontal=True,
                                 index=wp.VOTE_CHOICES.index(previous) if previous in wp.VOTE_CHOICES else None,
                                 key=f"werkplaats_stem_{item.id}_{question}")
            sent = st.form_submit_button("Stemmen versturen", type="primary", key="werkplaats_stemmen_versturen")
        if sent:
            choices = {
                (item.id, question): st.session_state[f"werkplaats_stem_{item.id}_{question}"]
                for item in werkplaats.items for question in wp.QUESTIONS
                if st.session_state.get(f"werkplaats_stem_{item.id}_{question}")
            }
            try:
                stored = wp.vote(store, code, participant, choices)
            except RegieError as exc:
                _fail(exc)
            else:
                if stored:
                    st.success(f"{nl_count(stored, 'stem', 'stemmen')} opgeslagen. Dank u wel!")
                else:
                    st.warning("U heeft nog niets gekozen.")

    mine_items = wp.scan_items_for(perspective)
    if werkplaats.scan and not mine_items:
        st.caption("De zelfscan van deze werkplaats is voor de gemeente: Louweret richt zijn vragen aan het bestuur, "
                   "Oosterhofs punten gaan over de eigen organisatie van de gemeente. Als partner beantwoordt u de "
                   "stemvragen.")
    if werkplaats.scan and mine_items:
        st.header("Zelfscan")
        with st.form("werkplaats_scanformulier", border=False):
            for source, all_items in scan.ITEMS_OF.items():
                items = tuple(i for i in all_items if i in mine_items)
                if not items:
                    continue
                st.subheader(scan.SOURCE_LABELS[source])
                st.caption(f"{scan.INTROS[source]} {scan.SOURCES[source]}")
                for item in items:
                    previous = mine_scan.get(item.code)
                    st.radio(f"{item.code}. {item.question}", list(wp.SCAN_ANSWERS),
                             format_func=scan.ANSWER_WORDS[source].get, horizontal=True,
                             index=wp.SCAN_ANSWERS.index(previous) if previous in wp.SCAN_ANSWERS else None,
                             key=f"werkplaats_scan_{item.code}",
                             help=f"In gewone taal: {item.plain}" if item.question == item.original else
                             f"In de bron: {item.original}")
            sent_scan = st.form_submit_button("Zelfscan versturen", type="primary", key="werkplaats_scan_versturen")
        if sent_scan:
            answers = {item.code: st.session_state.get(f"werkplaats_scan_{item.code}") for item in mine_items
                       if st.session_state.get(f"werkplaats_scan_{item.code}")}
            try:
                stored = wp.answer_scan(store, code, participant, answers)
            except RegieError as exc:
                _fail(exc)
            else:
                if stored:
                    st.success(f"{nl_count(stored, 'antwoord', 'antwoorden')} opgeslagen. Dank u wel!")
                else:
                    st.warning("U heeft nog niets ingevuld.")
    st.divider()
    _stop_button()


# ------------------------------------------------------------------ page

require_router()
st.title("Werkplaats")
access = safe_call(werkruimtes.access, "het openen van de database")
if access is None:
    st.stop()
store = access.store
_take_facilitator_link(store)
_flashes()
facilitated = session.facilitated()
if facilitated and wp.clean_code(st.query_params.get(wp.PARAM_CODE, "")) == facilitated["code"]:
    st.query_params.pop(wp.PARAM_CODE, None)  # the facilitator's own code: keep the beamer's address clean
taking_part = session.participating()
if taking_part:
    _participant_view(store, taking_part)
elif facilitated:
    _facilitator_view(store, facilitated["code"], facilitated["key"])
else:
    _start_view(store, access)
