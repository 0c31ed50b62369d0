"""AppTest of pages/projecten.py: the explained project table, search, filters, hidden names,
hostile names shown literally and degenerate inventories."""

from __future__ import annotations

from typing import Any

import pandas as pd
import pytest
from page_checks import frame, markup_containing, messy_xlsx
from streamlit.testing.v1 import AppTest
from ui_support import (
    DEGENERATE,
    EXAMPLE_BANNER,
    HIDE_NAMES_KEY,
    PAGE_BY_STEM,
    PARTNER_NAMES,
    PERSON_NAMES,
    app_test,
    exceptions,
    named_partners_xlsx,
    workbook,
)

PAGE = PAGE_BY_STEM["projecten"].path
HOSTILE_NAMES = ("<img src=x onerror=alert(1)>", "**vet**")


def run(data: bytes | None = None, name: str = "inventaris.xlsx", state: dict[str, Any] | None = None) -> AppTest:
    return app_test(PAGE, upload=(data, name) if data is not None else None, state=state).run()


def table(at: AppTest) -> Any:
    return frame(at, "Uitleg fasen")


def test_example_table() -> None:
    at = run()
    assert not at.exception, exceptions(at)
    assert [t.value for t in at.title] == ["Projecten"]
    assert EXAMPLE_BANNER in [i.value for i in at.info]
    shown = table(at)
    assert len(shown) == 30
    for column in ("ID", "Naam", "Domein", "Gebied", "Fasen", "Elementen", "Rol Visie", "Uitleg rol Visie",
                   "Rol Beleid", "Uitleg rol Beleid", "Rol Uitvoering", "Uitleg rol Uitvoering",
                   "Interne/externe regie", "Taaksoort", "Beleidskader", "Doorzettingsmacht", "Trekker",
                   "Start", "Eind", "Budget", "Partners", "Kernactiviteit", "Nabijheid"):
        assert column in shown.columns, column
    first = shown.set_index("ID").loc["P01"]
    assert first["Fasen"] == "Visie; Beleid"
    assert first["Rol Visie"] == "Regisseur"
    assert first["Uitleg rol Visie"] == "'Regisseur' → Regisseur (exact, rol per fase, kolom Rol visie)"
    assert first["Trekker"] == "Marieke Aalbers"
    assert "Woonstichting Wadlo Wonen" in first["Partners"]
    assert str(shown["Start"].dtype).startswith("datetime64") and shown["Budget"].dtype == float
    assert any("30 projecten" in c.value for c in at.caption)


def test_a_table_too_large_to_style_shows_its_amounts_in_the_browsers_format(monkeypatch: pytest.MonkeyPatch) -> None:
    """pandas' Styler renders every cell and refuses more than 262,144 (6,600 projects): a large table
    is shown without it, with the budget still a number."""
    from regie.ui import widgets

    monkeypatch.setattr(widgets, "STYLED_CELLS", 100)
    at = run()
    assert not at.exception, exceptions(at)
    shown = table(at)
    assert len(shown) == 30 and shown["Budget"].dtype == float
    assert any("getalnotatie van uw browser" in c.value for c in at.caption)
    assert not any("Nederlandse notatie" in c.value for c in at.caption)


def test_element_coverage_government_roles_and_afdelingen_per_project() -> None:
    rows = table(run()).set_index("ID")
    assert (rows.at["P12", "Dekking A"], rows.at["P12", "Dekking D"]) == ("Ontbreekt", "N.v.t.")
    assert "Gedeelde visie" in rows.at["P12", "Uitleg dekking A–D"]
    assert rows.at["P13", "Overheidsrol"] == "Presterende overheid; Rechtmatige overheid"
    assert rows.at["P03", "Taaksoort"] == "Privaatrechtelijke taken; Belanghebbende taken"
    assert rows.at["P13", "Aantal afdelingen"] == 3 and rows.at["P10", "Aantal afdelingen"] == 0
    assert rows.at["P20", "Vorm"] == "Samenwerking met andere gemeenten"


def test_evaluatie_read_as_beleid_says_so() -> None:
    data = workbook({"Projecten": [["ID", "Projectnaam", "Fase"], ["E1", "Evaluatie Wmo", "Beleidsevaluatie"]]})
    row = table(run(data)).set_index("ID").loc["E1"]
    assert row["Fasen"] == "Beleid"
    assert "Hulpmiddel van deze app, geen oordeel uit de bron" in row["Uitleg fasen"]


@pytest.mark.parametrize(("query", "expected"), [
    ("kolderdijk", {"P02"}),          # case-insensitive
    ("KOLDERDIJK", {"P02"}),
    ("Pilot 1:", {"P02"}),            # punctuation is literal
    ("Kolderdijk|Lindeveen", set()),  # not a regular expression
    (".*", set()),
    ("  ", None),                     # blank: everything
])
def test_search(query: str, expected: set[str] | None) -> None:
    at = run()
    at.text_input(key="projecten_zoeken").input(query).run()
    assert not at.exception, exceptions(at)
    if expected is None:
        assert len(table(at)) == 30
    elif expected:
        assert set(table(at)["ID"]) == expected
    else:
        assert any("Geen project gevonden" in i.value for i in at.info)


def test_search_finds_text_in_explanations_and_extra_columns() -> None:
    at = run()
    at.text_input(key="projecten_zoeken").input("(synoniem").run()
    found = table(at)
    assert 0 < len(found) < 30
    assert all(any("(synoniem" in str(v) for v in row) for row in found.itertuples(index=False))
    at.text_input(key="projecten_zoeken").input("rol per fase").run()
    assert len(table(at)) > 0
    at.text_input(key="projecten_zoeken").input("Adviesraad Sociaal Domein").run()
    assert 0 < len(table(at)) < 30


def test_filters_narrow_the_table() -> None:
    at = run(state={"filter_fase": ["visie"]})
    assert not at.exception, exceptions(at)
    shown = table(at)
    assert 0 < len(shown) < 30
    has_visie = [("Visie" in f) or bool(r) for f, r in zip(shown["Fasen"], shown["Rol Visie"], strict=True)]
    assert all(has_visie)
    assert any(("Beleid" in f) or ("Uitvoering" in f) for f in shown["Fasen"]), "kept projects are shown whole"


def test_unknown_values_are_explained() -> None:
    at = run(messy_xlsx(), "rommelig.xlsx")
    assert not at.exception, exceptions(at)
    shown = table(at).set_index("ID")
    assert "P7" not in shown.index, "the rejected row is not a project"
    assert shown.at["P2", "Fasen"] == "Onbekend" and shown.at["P2", "Uitleg fasen"] == "geen fase opgegeven"
    assert shown.at["P4", "Rol Uitvoering"] == "Onbekend"
    assert shown.at["P4", "Uitleg rol Uitvoering"].startswith("'Presterende overheid' → Onbekend (niet herkend")
    assert shown.at["P5", "Elementen"] == "Onbepaald"


def test_mapping_choice_is_explained_as_handmatig() -> None:
    at = run(messy_xlsx(), state={"regie_mappings": {"fase": {"afronding": "uitvoering"}}})
    assert not at.exception, exceptions(at)
    shown = table(at).set_index("ID")
    assert shown.at["P2", "Fasen"] == "Uitvoering"
    assert shown.at["P2", "Uitleg fasen"] == "'Afronding' → Uitvoering (handmatig toegewezen, uit kolom Fase)"
    assert "Uitvoering" in shown.at["P1", "Fasen"]


def test_accepted_suggestion_is_explained() -> None:
    at = run(messy_xlsx(), state={"regie_accepted": {"id:p5": ["B"]}})
    assert not at.exception, exceptions(at)
    shown = table(at).set_index("ID")
    assert shown.at["P5", "Elementen"] == "B – Het netwerk koesteren"
    assert shown.at["P5", "Uitleg elementen"] == "suggestie geaccepteerd (woord 'netwerk')"


def test_names_hidden() -> None:
    data = named_partners_xlsx()
    visible = table(run(data))
    assert "Barend Kwikstaart" in set(visible["Trekker"])
    at = run(data, state={HIDE_NAMES_KEY: True})
    assert not at.exception, exceptions(at)
    hidden = table(at)
    everything = " ".join(str(v) for v in hidden.to_numpy().ravel())
    for name in (*PARTNER_NAMES, *PERSON_NAMES):
        assert name not in everything, name
    assert "Persoon 1" in set(hidden["Trekker"])
    assert any(p.startswith("Welzijnsorganisatie ") for p in hidden["Partners"])


def test_hostile_project_names_are_literal() -> None:
    data = workbook({"Projecten": [
        ["ID", "Projectnaam", "Fase", "Rol", "Element", "Opmerking"],
        ["H1", HOSTILE_NAMES[0], "Visie", "Regisseur", "A", "**extra**"],
        ["H2", HOSTILE_NAMES[1], "Beleid", "[x](javascript:alert(1))", "B", "<script>alert(1)</script>"],
    ]})
    at = run(data, "<b>bestand</b>.xlsx")
    assert not at.exception, exceptions(at)
    shown = table(at)
    assert list(shown["Naam"]) == list(HOSTILE_NAMES)
    assert list(shown["Opmerking"]) == ["**extra**", "<script>alert(1)</script>"]
    for needle in (*HOSTILE_NAMES, "**extra**", "<script>", "javascript:alert(1)", "<b>bestand</b>"):
        assert not markup_containing(at, needle), (needle, markup_containing(at, needle))
    at.text_input(key="projecten_zoeken").input("<img").run()
    assert list(table(at)["Naam"]) == [HOSTILE_NAMES[0]]
    at.text_input(key="projecten_zoeken").input("**VET").run()
    assert list(table(at)["Naam"]) == [HOSTILE_NAMES[1]]


@pytest.mark.parametrize("case", sorted(DEGENERATE))
def test_degenerate_inventories(case: str) -> None:
    at = run(DEGENERATE[case](), f"{case}.xlsx")
    assert not at.exception, exceptions(at)
    assert [t.value for t in at.title] == ["Projecten"]
    if case == "geen-projecten":
        assert any("nog geen projecten" in i.value for i in at.info)
    else:
        assert len(table(at)) >= 1


def test_filter_without_matches_says_so() -> None:
    at = run(state={"filter_domein": ["bestaat niet"]})
    assert not at.exception, exceptions(at)
    assert any("Geen projecten met de gekozen filters" in i.value for i in at.info)


@pytest.mark.parametrize(("value", "shown"), [
    (1250000.5, "€ 1.250.000,50"), (300, "€ 300,00"), (None, ""), (float("nan"), ""), ("n.t.b.", "n.t.b."),
])
def test_amounts_are_written_the_dutch_way_whatever_the_browser(value: object, shown: str) -> None:
    from regie.ui.widgets import _money_cell

    assert _money_cell(value) == shown


def test_a_large_table_sends_repeated_texts_once_and_keeps_every_value(monkeypatch: pytest.MonkeyPatch) -> None:
    from regie.ui import widgets

    monkeypatch.setattr(widgets, "STYLED_CELLS", 100)
    plain = table(run())
    at = run()
    assert not at.exception, exceptions(at)
    compact = table(at)
    assert str(compact["Domein"].dtype) == "category", "repeated text goes as categories"
    assert str(compact["Naam"].dtype) != "category", "distinct names stay text"
    assert list(compact.columns) == list(plain.columns)
    for column in plain.columns:
        assert [None if pd.isna(v) else v for v in compact[column]] == [None if pd.isna(v) else v for v in plain[column]], column
