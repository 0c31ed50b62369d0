"""AppTest of pages/inventaris.py: upload state, row accounting, validation report, mapping review
(a choice changes the numbers on Overzicht) and element suggestions (accept / reject)."""

from __future__ import annotations

from typing import Any

import pytest
from page_checks import frame, markup_containing, messy_xlsx, texts
from streamlit.testing.v1 import AppTest
from ui_support import (
    DEGENERATE,
    EXAMPLE_BANNER,
    PAGE_BY_STEM,
    UPLOAD_KEY,
    app_test,
    exceptions,
    metrics,
    workbook,
)

from regie.review.mappings import NO_CHOICE_LABEL

PAGE = PAGE_BY_STEM["inventaris"].path
OVERVIEW = PAGE_BY_STEM["overzicht"].path
STATE_KEYS = (UPLOAD_KEY, "regie_mappings", "regie_accepted", "regie_dismissed")


def run(data: bytes | None = None, name: str = "inventaris.xlsx", state: dict[str, Any] | None = None) -> AppTest:
    at = app_test(PAGE, upload=(data, name) if data is not None else None, state=state)
    return at.run()


def shared_state(at: AppTest) -> dict[str, Any]:
    """The session values another page needs to show the same inventory and choices."""
    return {key: at.session_state[key] for key in STATE_KEYS if key in at.session_state}


def map_boxes(at: AppTest) -> list[Any]:
    """The mapping selectboxes, in review order (fase, element, rol, partnertype)."""
    return [b for b in at.selectbox if b.key and b.key.startswith("inventaris_map_")]


def test_example_page() -> None:
    at = run()
    assert not at.exception, exceptions(at)
    assert [t.value for t in at.title] == ["Inventaris"]
    assert EXAMPLE_BANNER in [i.value for i in at.info]
    shown = metrics(at)
    assert shown["Projecten"] == "30" and shown["Fouten"] == "0" and shown["Waarschuwingen"] == "0"
    assert "voorbeeld_inventaris.xlsx (voorbeeld)" in texts(at)
    rows = frame(at, "Gelezen")
    assert list(rows["Tabel"]) == ["projecten", "partners", "betrokkenheid", "team"]
    assert (rows["Gelezen"] == rows["Gebruikt"] + rows["Afgewezen"]).all()
    assert rows.set_index("Tabel").at["projecten", "Gebruikt"] == 30
    success = [s.value for s in at.success]
    assert any("niets toe te wijzen" in s for s in success)
    assert any("zonder meldingen" in s for s in success)
    assert at.button(key="inventaris_voorbeeld_terug").disabled
    downloads = {d.key for d in at.get("download_button")}
    assert {"inventaris_sjabloon", "inventaris_voorbeeld"} <= downloads


def test_example_suggestions_accept_and_reject() -> None:
    at = run()
    accept = [b for b in at.button if b.key and b.key.startswith("inventaris_sugg_") and b.key.endswith("_ja")]
    reject = [b for b in at.button if b.key and b.key.startswith("inventaris_sugg_") and b.key.endswith("_nee")]
    assert len(accept) == len(reject) == 9
    before = texts(at)
    assert "Gezond Wadlo" in before
    accept[0].click().run()
    assert not at.exception, exceptions(at)
    assert sum(len(v) for v in at.session_state["regie_accepted"].values()) == 1
    at.button(key=reject[1].key).click().run()
    assert len(at.session_state["regie_dismissed"]) == 1
    open_now = [b for b in at.button if b.key and b.key.endswith("_ja")]
    assert len(open_now) == 7
    assert [b.key for b in at.button if b.key and b.key.startswith("inventaris_sugg_") and b.key.endswith("_terug")] == [accept[0].key.replace("_ja", "_terug")]
    caption = " ".join(c.value for c in at.caption)
    assert "Suggesties: 7 open, 1 geaccepteerd en 1 afgewezen." in caption
    # undo both
    at.button(key=accept[0].key.replace("_ja", "_terug")).click().run()
    at.button(key="inventaris_sugg_terugzetten").click().run()
    assert len([b for b in at.button if b.key and b.key.endswith("_ja")]) == 9
    assert not at.session_state["regie_accepted"] and not at.session_state["regie_dismissed"]


def test_accepted_suggestion_counts_on_overzicht() -> None:
    at = run()
    before = app_test(OVERVIEW, state=shared_state(at)).run()
    accept = [b for b in at.button if b.key and b.key.endswith("_ja")]
    for button in accept:
        at.button(key=button.key).click().run()
    assert not at.exception, exceptions(at)
    after = app_test(OVERVIEW, state=shared_state(at)).run()
    assert not after.exception, exceptions(after)
    heat_before = before.get("plotly_chart")[0].proto.spec
    heat_after = after.get("plotly_chart")[0].proto.spec
    assert heat_before != heat_after, "accepted elements must change the phase × element matrix"


def test_messy_upload_lists_unknown_values_and_report() -> None:
    at = run(messy_xlsx(), "rommelig.xlsx")
    assert not at.exception, exceptions(at)
    assert EXAMPLE_BANNER not in [i.value for i in at.info]
    assert "rommelig.xlsx" in texts(at)
    assert not at.button(key="inventaris_voorbeeld_terug").disabled
    shown = metrics(at)
    assert shown["Fouten"] == "1" and int(shown["Waarschuwingen"]) >= 5
    assert shown["Afgewezen rijen"] == "1"
    rows = frame(at, "Gelezen").set_index("Tabel")
    assert (rows.at["projecten", "Gelezen"], rows.at["projecten", "Gebruikt"], rows.at["projecten", "Afgewezen"]) == (7, 6, 1)
    at.toggle(key="inventaris_groeperen").set_value(False).run()
    report = frame(at, "Melding")
    assert list(report.columns) == ["Ernst", "Tabel", "Blad", "Rij", "Kolom", "Waarde", "Melding"]
    assert "Fout" in set(report["Ernst"]) and "projecten" in set(report["Tabel"])
    assert "Presterende overheid" in set(report["Waarde"])
    # mapping review: one row per value (afronding/Afronding together), counts shown
    shown_texts = texts(at)
    for value in ("Visie", "Presterende overheid", "Stichtingen"):
        assert value in shown_texts
    assert ("afronding" in shown_texts) != ("Afronding" in shown_texts)
    assert "2×" in shown_texts
    boxes = map_boxes(at)
    assert len(boxes) == 4
    assert all(b.value == "" for b in boxes)
    assert boxes[0].options[0] == NO_CHOICE_LABEL
    captions = " ".join(c.value for c in at.caption)
    assert "Past bij twee rollen: Zelf doen of Opdrachtgever" in captions


def test_severity_filter_and_csv() -> None:
    at = run(messy_xlsx())
    at.toggle(key="inventaris_groeperen").set_value(False).run()
    at.radio(key="inventaris_ernst").set_value("fout").run()
    assert set(frame(at, "Melding")["Ernst"]) == {"Fout"}
    at.radio(key="inventaris_ernst").set_value("waarschuwing").run()
    assert set(frame(at, "Melding")["Ernst"]) == {"Waarschuwing"}
    download = [d for d in at.get("download_button") if d.key == "inventaris_rapport_csv"]
    assert download, "the report has a CSV download"


def test_mapping_choice_changes_the_numbers_on_other_pages() -> None:
    at = run(messy_xlsx())
    before = metrics(app_test(OVERVIEW, state=shared_state(at)).run())
    assert before["Uitvoering: projecten"] == "2"

    map_boxes(at)[0].set_value("uitvoering").run()
    assert not at.exception, exceptions(at)
    assert list(at.session_state["regie_mappings"]["fase"].values()) == ["uitvoering"]
    # the mapped value stays listed with its choice, so it can be undone
    boxes = map_boxes(at)
    assert len(boxes) == 4 and boxes[0].value == "uitvoering"
    assert "2×" in texts(at)

    overview = app_test(OVERVIEW, state=shared_state(at)).run()
    assert not overview.exception, exceptions(overview)
    after = metrics(overview)
    assert after["Uitvoering: projecten"] == "4", (before, after)
    assert int(after["Waarschuwingen"]) < int(before["Waarschuwingen"])

    # undo
    map_boxes(at)[0].select_index(0).run()
    assert "fase" not in at.session_state["regie_mappings"]
    undone = metrics(app_test(OVERVIEW, state=shared_state(at)).run())
    assert undone["Uitvoering: projecten"] == "2"


def test_mapping_choice_survives_a_fresh_page_run() -> None:
    """A choice lives in the session (not only in the widget), so it survives page switches."""
    at = run(messy_xlsx())
    map_boxes(at)[-1].set_value("vrijwilligersorganisatie").run()
    again = app_test(PAGE, state=shared_state(at)).run()
    assert not again.exception, exceptions(again)
    boxes = map_boxes(again)
    assert boxes[-1].value == "vrijwilligersorganisatie"


def test_role_and_element_mapping_show_as_handmatig_on_projecten() -> None:
    at = run(messy_xlsx())
    boxes = map_boxes(at)
    boxes[1].set_value("A").run()  # element 'Visie' → A
    map_boxes(at)[2].set_value("opdrachtgever").run()
    assert not at.exception, exceptions(at)
    projects = app_test(PAGE_BY_STEM["projecten"].path, state=shared_state(at)).run()
    assert not projects.exception, exceptions(projects)
    table = frame(projects, "Uitleg fasen").set_index("ID")
    assert table.at["P3", "Elementen"] == "A – Visie ontwikkelen"
    assert "handmatig toegewezen" in table.at["P3", "Uitleg elementen"]
    assert table.at["P4", "Rol Uitvoering"] == "Opdrachtgever"
    assert "handmatig toegewezen" in table.at["P4", "Uitleg rol Uitvoering"]


def test_failed_upload_keeps_the_previous_inventory() -> None:
    at = run()
    at.session_state["regie_load_error"] = "Het bestand is geen spreadsheet."
    at.run()
    assert not at.exception, exceptions(at)
    errors = [e.value for e in at.error]
    assert errors and "vorige inventaris blijft staan" in errors[0]
    assert metrics(at)["Projecten"] == "30"
    at.run()
    assert not at.error, "the error is shown once"


@pytest.mark.parametrize("case", sorted(DEGENERATE))
def test_degenerate_inventories(case: str) -> None:
    at = run(DEGENERATE[case](), f"{case}.xlsx")
    assert not at.exception, exceptions(at)
    assert [t.value for t in at.title] == ["Inventaris"]
    assert frame(at, "Gelezen") is not None
    messages = [m.value for m in (*at.info, *at.success, *at.warning)]
    assert messages, "a degenerate inventory still explains itself"


def test_all_unknown_lists_every_unknown_value() -> None:
    at = run(DEGENERATE["alles-onbekend"](), "onbekend.xlsx")
    assert not at.exception, exceptions(at)
    shown = texts(at)
    assert shown.count("weet niet") == 2, "an unknown fase and an unknown partnertype"
    assert map_boxes(at)


def test_no_suggestions_says_so() -> None:
    at = run(DEGENERATE["een-project"](), "een.xlsx")
    assert not at.exception, exceptions(at)
    assert any("geen elementsuggesties" in i.value for i in at.info)


def test_hostile_file_name_and_values_are_literal() -> None:
    name = "<img src=x onerror=alert(1)>**vet**.xlsx"
    data = workbook({"Projecten": [
        ["ID", "Projectnaam", "Fase", "Rol", "Element"],
        ["P1", "<img src=x onerror=alert(1)>", "**nazorg**", "[rol](javascript:alert(1))", None],
        ["P2", "**vet** netwerk", "Visie", "Regisseur", None],
    ]})
    at = run(data, name)
    assert not at.exception, exceptions(at)
    for needle in ("<img src=x onerror=alert(1)>", "**vet**", "**nazorg**", "[rol](javascript:alert(1))"):
        assert not markup_containing(at, needle), (needle, markup_containing(at, needle))
    assert name in texts(at)
    assert "**nazorg**" in texts(at) and "[rol](javascript:alert(1))" in texts(at)
    assert "**vet** netwerk" in texts(at), "suggestions show the project name as text"


def test_repeated_warnings_of_one_kind_are_grouped() -> None:
    rows = [["Projectnaam", "Fase", "Rol"], *[[f"Project {n}", "afronding", "regisseur"] for n in range(1, 41)]]
    at = run(workbook({"Projecten": rows}), "herhaald.xlsx")
    assert not at.exception, exceptions(at)
    assert at.toggle(key="inventaris_groeperen").value is True, "grouped by default when kinds repeat"
    groups = frame(at, "Voorbeeld")
    phase = groups[groups["Kolom"] == "Fase"]
    assert len(phase) == 1 and int(phase["Aantal"].iloc[0]) == 40
    assert phase["Rijen"].iloc[0].startswith("2, 3, 4") and phase["Rijen"].iloc[0].endswith("en 32 andere")
    assert "40 meldingen in" in " ".join(c.value for c in at.caption)
    at.toggle(key="inventaris_groeperen").set_value(False).run()
    assert len(frame(at, "Melding").query("Kolom == 'Fase'")) == 40, "every warning, one per row"
