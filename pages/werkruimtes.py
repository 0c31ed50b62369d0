"""Werkruimtes: keep inventories per gemeente as snapshots, load them back and compare two."""

import datetime as dt
import logging
from collections.abc import Callable
from typing import TypeVar

import streamlit as st

from regie.analysis.compare import COUNT_KEYS, COUNT_LABELS
from regie.charts.compare import element_comparison_bars, phase_comparison_bars, project_lists, role_comparison_bars
from regie.errors import RegieError
from regie.formatting import nl_count, nl_date, nl_datetime, nl_int
from regie.instruments import afspraken
from regie.instruments import werkplaats as wp
from regie.storage import local_time
from regie.storage.access import Access
from regie.storage.store import snapshots_table
from regie.ui import messages, state, werkruimtes
from regie.ui.memo import memo
from regie.ui.widgets import (
    escape_markdown,
    example_banner,
    require_router,
    safe_call,
    show_chart,
    show_error,
    show_table,
)

T = TypeVar("T")
PAGE = "werkruimtes"
log = logging.getLogger("regie.pages.werkruimtes")
NONE = "— geen —"
KEY_CHOOSE = "werkruimtes_kies"
KEY_NEW = "werkruimtes_nieuw_naam"
KEY_OPEN_NAME = "werkruimtes_open_naam"
KEY_OPEN_KEY = "werkruimtes_open_sleutel"
KEY_RENAME = "werkruimtes_hernoem_naam"
KEY_DELETE_SURE = "werkruimtes_verwijder_zeker"
KEY_LABEL = "werkruimtes_label"
KEY_NOTES = "werkruimtes_duiding_nieuw"
KEY_PERSONAL = "werkruimtes_persoonsgegevens"
KEY_SNAPSHOT = "werkruimtes_momentopname"
KEY_SNAPSHOT_SURE = "werkruimtes_momentopname_zeker"
KEY_A = "werkruimtes_vergelijk_a"
KEY_B = "werkruimtes_vergelijk_b"


def _notes_key(label: str) -> str:
    return f"werkruimtes_duiding::{label}"


def _attempt(action: Callable[[], T], success: str | None = None) -> T | None:
    """Run a store action in a callback; a RegieError becomes a message on the next run."""
    try:
        result = action()
    except RegieError as exc:
        messages.flash(PAGE, "error", str(exc))
        return None
    except Exception:  # never a traceback; the maintainer finds it in the server's log
        log.exception("werkruimte action failed")
        messages.flash(PAGE, "error", "Er ging iets mis bij het opslaan in de database. Probeer het opnieuw.")
        return None
    if success:
        messages.flash(PAGE, "success", success)
    return result


def _on_choose() -> None:
    chosen = st.session_state.get(KEY_CHOOSE)
    werkruimtes.set_active(None if chosen in (None, NONE) else chosen)


def _on_create(access: Access) -> None:
    name = st.session_state.get(KEY_NEW, "")
    made = _attempt(lambda: access.create(name))
    if made is not None:
        info, key = made
        werkruimtes.set_active(info.name)
        werkruimtes.show_new_key(info.name, key)
        st.session_state[KEY_CHOOSE] = info.name
        st.session_state[KEY_NEW] = ""
        messages.flash(PAGE, "success", f"Werkruimte '{info.name}' is gemaakt en is nu de actieve werkruimte.")


def _on_open(access: Access) -> None:
    name = st.session_state.get(KEY_OPEN_NAME, "")
    key = st.session_state.get(KEY_OPEN_KEY, "")
    st.session_state[KEY_OPEN_KEY] = ""
    info = _attempt(lambda: access.open(name, key))
    if info is not None:
        werkruimtes.set_active(info.name)
        st.session_state[KEY_CHOOSE] = info.name
        st.session_state[KEY_OPEN_NAME] = ""
        messages.flash(PAGE, "success", f"Werkruimte '{info.name}' is geopend en is nu de actieve werkruimte.")


def _on_new_key(access: Access, name: str) -> None:
    key = _attempt(lambda: access.new_key(name))
    if key is not None:
        werkruimtes.show_new_key(name, key)
        messages.flash(PAGE, "success", f"Werkruimte '{name}' heeft een nieuwe sleutel; de oude werkt niet meer.")


def _on_forget(access: Access, name: str) -> None:
    access.forget(name)
    werkruimtes.set_active(None)
    st.session_state.pop(KEY_CHOOSE, None)
    messages.flash(PAGE, "success", f"Werkruimte '{name}' is gesloten in deze sessie. Met de naam en de sleutel "
                   "opent u hem weer.")


def _on_rename(access: Access, name: str) -> None:
    new = st.session_state.get(KEY_RENAME, "")
    info = _attempt(lambda: access.rename_werkruimte(name, new))
    if info is not None:
        werkruimtes.set_active(info.name)
        st.session_state[KEY_CHOOSE] = info.name
        st.session_state.pop(KEY_RENAME, None)
        messages.flash(PAGE, "success", f"Werkruimte '{name}' heet nu '{info.name}'.")


def _on_delete(access: Access, name: str) -> None:
    count = _attempt(lambda: access.delete_werkruimte(name))
    st.session_state[KEY_DELETE_SURE] = False
    if count is not None:
        werkruimtes.set_active(None)
        st.session_state.pop(KEY_CHOOSE, None)
        messages.flash(PAGE, "success", f"Werkruimte '{name}' is verwijderd, met {nl_count(count, 'momentopname', 'momentopnamen')}"
                    ", haar werkplaatsen en toewijzingen.")


def _on_save(access: Access, name: str) -> None:
    label = st.session_state.get(KEY_LABEL, "")
    data, file_name = state.upload_data()
    result = _attempt(lambda: access.save_snapshot(
        name, label, data, file_name, value_mappings=state.mappings(), accepted_elements=state.accepted(),
        notes=st.session_state.get(KEY_NOTES, ""), keep_personal_data=bool(st.session_state.get(KEY_PERSONAL)),
    ))
    if result is None:
        return
    werkruimtes.set_active(result.info.werkruimte)
    messages.flash(PAGE, "success", f"Momentopname '{result.info.label}' is opgeslagen in werkruimte "
                f"'{result.info.werkruimte}'.")
    if result.removed is not None:
        messages.flash(PAGE, "text", result.removed.describe())
    else:
        messages.flash(PAGE, "text", "Het bestand is opgeslagen zoals het is, met persoonsgegevens.")
    st.session_state[KEY_LABEL] = ""
    st.session_state[KEY_NOTES] = ""
    st.session_state[KEY_PERSONAL] = False
    st.session_state[KEY_SNAPSHOT] = result.info.label


def _on_load(access: Access, name: str) -> None:
    label = st.session_state.get(KEY_SNAPSHOT, "")
    snapshot = _attempt(lambda: access.load_snapshot(name, label))
    if snapshot is None:
        return
    try:
        state.load_snapshot(snapshot)
        same = snapshot.reproduces()
    except RegieError as exc:
        messages.flash(PAGE, "error", str(exc))
        return
    messages.flash(PAGE, "success", f"Momentopname '{snapshot.info.label}' is geladen: alle pagina's tonen nu deze "
                "inventaris, met de keuzes van toen.")
    if not same:
        messages.flash(PAGE, "warning", "Let op: de regels voor het inlezen zijn veranderd sinds deze momentopname is "
                    "opgeslagen. De aantallen kunnen daardoor iets afwijken van toen.")


def _on_notes(access: Access, name: str) -> None:
    label = st.session_state.get(KEY_SNAPSHOT, "")
    text = st.session_state.get(_notes_key(label), "")
    _attempt(lambda: access.set_notes(name, label, text), f"De duiding bij '{label}' is opgeslagen.")


def _on_delete_snapshot(access: Access, name: str) -> None:
    label = st.session_state.get(KEY_SNAPSHOT, "")
    done = _attempt(lambda: access.delete_snapshot(name, label) or True)
    st.session_state[KEY_SNAPSHOT_SURE] = False
    if done:
        st.session_state.pop(KEY_SNAPSHOT, None)
        messages.flash(PAGE, "success", f"Momentopname '{label}' is verwijderd, met het opgeslagen bestand.")


def _show_flashes() -> None:
    for kind, text in messages.take_flashes(PAGE):
        if kind == "text":
            st.text(text)
        elif kind == "error":
            show_error(text)
        else:
            getattr(st, kind)(escape_markdown(text))


def _when(moment: dt.datetime | None) -> str:
    return nl_datetime(local_time(moment)) if moment is not None else "—"


require_router()
view = state.view()
st.title("Werkruimtes")
example_banner(state.loaded())
st.caption(
    "Een werkruimte bewaart de inventarissen van één gemeente of opdrachtgever als momentopnamen, "
    "bijvoorbeeld voor en na een praktijkwerkplaats. Laad een momentopname terug of vergelijk er twee."
)
access = safe_call(werkruimtes.access, "het openen van de database")
if access is None:
    st.stop()
store = access.store

st.info(
    escape_markdown(f"De gegevens worden opgeslagen {store.kind}.") + "  \n"
    "Een werkruimte is alleen te zien voor wie hem heeft gemaakt of zijn sleutel heeft"
    f"{' (of er met inloggen toegang toe heeft)' if werkruimtes.sign_in_configured() else ''}.  \n"
    "Contactpersonen, trekkers en namen van teamleden worden alleen bewaard als u dat bij het opslaan "
    "aanvinkt; anders bewaart de app een kopie van het bestand zonder die gegevens. Verwijderen haalt de "
    "gegevens echt weg, ook het opgeslagen bestand.",
    icon=":material/database:",
)
_show_flashes()
notice = werkruimtes.take_notice()
if notice:
    st.info(escape_markdown(notice))

werkruimtes.sign_in_panel()
werkruimtes.new_key_panel()
listed = safe_call(access.werkruimtes, "het lezen van de werkruimtes") or []
names = [w.name for w in listed]
active = werkruimtes.active()
if active and active not in names:  # deleted or renamed in another session
    werkruimtes.set_active(None)
    active = None
st.session_state[KEY_CHOOSE] = active or NONE

# ------------------------------------------------------------------ werkruimte
st.header("Werkruimte")
left, right = st.columns([3, 2], gap="large")
with left:
    st.selectbox(
        "Actieve werkruimte", [NONE, *names], key=KEY_CHOOSE, on_change=_on_choose,
        help="De momentopnamen hieronder horen bij deze werkruimte. Een nieuw bestand dat u laadt terwijl "
        "een werkruimte actief is, krijgt meteen de toewijzingen van onbekende waarden die in deze werkruimte "
        "al zijn gemaakt; nieuwe keuzes onder ‘Waarden toewijzen’ worden erin bewaard.",
    )
    if not names:
        st.info("In deze sessie is nog geen werkruimte open. Open er een met zijn naam en sleutel, of maak "
                "hiernaast een nieuwe, bijvoorbeeld met de naam van de gemeente.")
    # A form: its fields are sent with the button, also when the key was typed and Tab pressed
    # (focus on the field's eye icon), which a lone text_input does not commit.
    with (st.expander("Werkruimte openen met zijn sleutel", expanded=not names),
          st.form("werkruimtes_openen_form", border=False, enter_to_submit=True)):
        st.text_input("Naam van de werkruimte", key=KEY_OPEN_NAME, max_chars=200)
        st.text_input("Werkruimtesleutel", key=KEY_OPEN_KEY, type="password", max_chars=60,
                      help="De sleutel die werd getoond toen de werkruimte werd gemaakt, zoals K7QM-2XPA-….")
        st.form_submit_button("Openen", key="werkruimtes_openen", on_click=_on_open, args=(access,),
                              icon=":material/lock_open:")
with right:
    st.text_input("Nieuwe werkruimte", key=KEY_NEW, placeholder="bijvoorbeeld Gemeente Wadlo")
    st.button("Werkruimte maken", key="werkruimtes_maken", on_click=_on_create, args=(access,),
              icon=":material/add:")
    st.caption("U krijgt dan één keer de sleutel van de werkruimte te zien. Alleen wie die sleutel heeft, kan de "
               "werkruimte openen.")

info = next((w for w in listed if w.name == active), None)
if info is not None:
    top = st.columns(3)
    top[0].metric("Momentopnamen", nl_int(info.snapshots))
    top[1].metric("Laatst opgeslagen", _when(info.last_saved))
    top[2].metric("Toewijzingen voor nieuwe bestanden", nl_int(info.mappings),
                  help="Toewijzingen van onbekende waarden (zoals 'afronding' → uitvoering) die deze werkruimte "
                  "op elk nieuw bestand toepast.")
    with st.expander("Sleutel, naam wijzigen of werkruimte verwijderen"):
        st.caption("Een nieuwe sleutel maakt de oude ongeldig: wie de oude had, kan de werkruimte niet meer "
                   "openen. Geef de nieuwe alleen aan wie mee mag kijken.")
        key_buttons = st.columns(2)
        key_buttons[0].button("Nieuwe sleutel maken", key="werkruimtes_nieuwe_sleutel", on_click=_on_new_key,
                              args=(access, info.name), icon=":material/key:")
        key_buttons[1].button("Sluiten in deze sessie", key="werkruimtes_sluiten", on_click=_on_forget,
                              args=(access, info.name), icon=":material/lock:")
        st.divider()
        st.text_input("Nieuwe naam", key=KEY_RENAME)
        st.button("Naam wijzigen", key="werkruimtes_hernoemen", on_click=_on_rename, args=(access, info.name))
        st.divider()
        werkplaatsen = safe_call(lambda: wp.count_in(store, info.name), "het tellen van de werkplaatsen") or 0
        st.warning(
            f"Verwijderen haalt deze werkruimte weg met {nl_count(info.snapshots, 'momentopname', 'momentopnamen')}"
            f", {nl_count(werkplaatsen, 'werkplaats', 'werkplaatsen')} en "
            f"{nl_count(info.mappings, 'toewijzing', 'toewijzingen')}, ook uit de database. Dit kan niet ongedaan "
            "worden gemaakt."
        )
        sure = st.checkbox("Ik weet het zeker", key=KEY_DELETE_SURE)
        st.button("Werkruimte verwijderen", key="werkruimtes_verwijderen", type="primary", disabled=not sure,
                  on_click=_on_delete, args=(access, info.name), icon=":material/delete:")
    made = safe_call(lambda: afspraken.of_werkruimte(store, info.name), "het lezen van de afspraken")
    if made:
        st.subheader("Afspraken uit werkplaatsen")
        st.caption("Wie doet wat, in welke fase en wanneer, zoals vastgelegd aan het eind van een werkplaats.")
        show_table(afspraken.table(made), key="werkruimtes_afspraken")

if info is None:
    st.info("Kies of maak een werkruimte om inventarissen op te slaan en te vergelijken.")
    st.stop()

# ------------------------------------------------------------------ save
st.header("Huidige inventaris opslaan")
current = view.loaded
st.caption("De inventaris die nu geladen is, met de keuzes uit ‘Waarden toewijzen’ en de geaccepteerde suggesties:")
st.text(f"{current.name}{' (voorbeeld)' if current.is_example else ''} — "
        f"{nl_count(len(view.full.projects), 'project', 'projecten')}")
save_left, save_right = st.columns([3, 2], gap="large")
with save_left:
    st.text_input("Label", key=KEY_LABEL, placeholder=f"bijvoorbeeld Werkplaats {nl_date(dt.date.today(), long=True)}",
                  help="Een naam voor deze momentopname, uniek binnen de werkruimte.")
    st.text_area("Duiding (optioneel)", key=KEY_NOTES, height=90,
                 help="Wat deze momentopname betekent, bijvoorbeeld wat er in de werkplaats is besproken.")
with save_right:
    st.checkbox(
        "Persoonsgegevens bewaren", key=KEY_PERSONAL, value=False,
        help="Standaard bewaart de app een kopie zonder contactpersonen, trekkers en namen van teamleden "
        "(teamleden heten dan Teamlid 1, 2, ...). Vink dit alleen aan als die gegevens nodig zijn en "
        "u ze mag bewaren.",
    )
    st.caption("Uit: zonder contactpersonen, trekkers en namen van teamleden (aanbevolen).")
    st.button("Opslaan als momentopname", key="werkruimtes_opslaan", type="primary", on_click=_on_save,
              args=(access, info.name), icon=":material/save:")

# ------------------------------------------------------------------ snapshots
st.header("Momentopnamen")
snapshots = safe_call(lambda: access.snapshots(info.name), "het lezen van de momentopnamen") or []
loaded = state.loaded_snapshot()
if loaded is not None and loaded["werkruimte"] == info.name:
    st.caption("Nu geladen in deze sessie:")
    st.text(f"{loaded['label']} (werkruimte {loaded['werkruimte']})")
if not snapshots:
    st.info("Deze werkruimte heeft nog geen momentopnamen. Sla hierboven de huidige inventaris op.")
else:
    show_table(snapshots_table(snapshots), key="werkruimtes_lijst", column_config={"Duiding": st.column_config.TextColumn(width="large")})
    labels = [s.label for s in snapshots]
    if st.session_state.get(KEY_SNAPSHOT) not in labels:
        st.session_state[KEY_SNAPSHOT] = labels[-1]
    chosen = st.selectbox("Momentopname", labels, key=KEY_SNAPSHOT)
    snapshot = next(s for s in snapshots if s.label == chosen)
    act_left, act_right = st.columns([3, 2], gap="large")
    with act_left:
        if _notes_key(chosen) not in st.session_state:
            st.session_state[_notes_key(chosen)] = snapshot.notes
        st.text_area("Duiding", key=_notes_key(chosen), height=110,
                     help="Wat de groep bij deze momentopname concludeerde; u kunt dit tijdens de werkplaats schrijven.")
        st.button("Duiding opslaan", key="werkruimtes_duiding_opslaan", on_click=_on_notes,
                  args=(access, info.name), icon=":material/edit_note:")
    with act_right:
        st.button("Laden", key="werkruimtes_laden", type="primary", on_click=_on_load, args=(access, info.name),
                  icon=":material/upload:", help="Maakt deze momentopname de geladen inventaris: alle pagina's tonen "
                  "hem dan, met de keuzes van toen.")
        with st.expander("Momentopname verwijderen"):
            st.caption("Verwijdert deze momentopname en het opgeslagen bestand uit de database.")
            sure_snapshot = st.checkbox("Ik weet het zeker", key=KEY_SNAPSHOT_SURE)
            st.button("Momentopname verwijderen", key="werkruimtes_momentopname_verwijderen",
                      disabled=not sure_snapshot, on_click=_on_delete_snapshot, args=(access, info.name),
                      icon=":material/delete:")

# ------------------------------------------------------------------ compare
st.header("Vergelijken")
if len(snapshots) < 2:
    st.info("Voor een vergelijking zijn twee momentopnamen nodig, bijvoorbeeld 'voor' en 'na' een werkplaats.")
    st.stop()
labels = [s.label for s in snapshots]
if st.session_state.get(KEY_A) not in labels:
    st.session_state[KEY_A] = labels[-2]
if st.session_state.get(KEY_B) not in labels:
    st.session_state[KEY_B] = labels[-1]
pick = st.columns(2)
label_a = pick[0].selectbox("Eerste momentopname (voor)", labels, key=KEY_A)
label_b = pick[1].selectbox("Tweede momentopname (na)", labels, key=KEY_B)
if label_a == label_b:
    st.info("Kies twee verschillende momentopnamen.")
    st.stop()
by_label = {s.label: s for s in snapshots}
memo_key = (str(store.url), info.name, *[(s.label, s.sha256, s.created.isoformat())
                                        for s in (by_label[label_a], by_label[label_b])])
comparison = safe_call(
    lambda: memo("compare", memo_key, lambda: access.compare(info.name, label_a, label_b)),
    "het vergelijken van de momentopnamen",
)
if comparison is None:
    st.stop()
subtitle = f"{info.name} · zonder filters"
st.caption(
    "Aantallen van de tweede momentopname, met het verschil ten opzichte van de eerste. De vergelijking "
    "gebruikt de volledige momentopnamen: de filters in de zijbalk gelden hier niet. Projecten worden "
    "gekoppeld op hun id als beide er een hebben, anders op hun naam."
)
metric_columns = st.columns(len(COUNT_KEYS))
for column, key in zip(metric_columns, COUNT_KEYS, strict=True):
    row = comparison.count_of(key)
    column.metric(COUNT_LABELS[key], nl_int(row["b"]), delta=int(row["verschil"]), delta_color="off",
                  help=f"Eerste: {nl_int(row['a'])}, tweede: {nl_int(row['b'])}.")
charts = st.columns(2)
with charts[0]:
    show_chart(phase_comparison_bars(comparison, subtitle), key="werkruimtes_fasen")
with charts[1]:
    show_chart(element_comparison_bars(comparison, subtitle), key="werkruimtes_elementen")
show_chart(role_comparison_bars(comparison, subtitle), key="werkruimtes_rollen")

lists = project_lists(comparison)
st.subheader("Projecten")
tabs = st.tabs([
    f"Toegevoegd ({nl_int(len(lists['toegevoegd']))})",
    f"Verdwenen ({nl_int(len(lists['verdwenen']))})",
    f"Veranderd ({nl_int(len(comparison.changed))})",
])
for tab, name, empty in zip(tabs, ("toegevoegd", "verdwenen", "veranderd"), (
    "Er zijn geen projecten bijgekomen.", "Er zijn geen projecten verdwenen.",
    "Geen van de projecten in beide momentopnamen is veranderd in fase, element of rol.",
), strict=True):
    with tab:
        if lists[name].empty:
            st.info(empty)
        else:
            show_table(lists[name], key=f"werkruimtes_projecten_{name}")
st.caption(f"{nl_count(comparison.unchanged, 'project is', 'projecten zijn')} in beide momentopnamen gelijk.")
