"""The Excel export: re-importing it gives the same analysis; formulas never sneak in.

Issue 4: "Excel export of the enriched inventory: the original columns, plus canonical phase, element
and role per phase with their explanation columns, a Meldingen sheet and a Toelichting sheet.
Re-importing it gives the same analysis. Cells that begin with =, +, -, @, tab or carriage return are
written as text (OWASP formula injection), numbers stay numbers."
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
import realistic as rb
from export_support import (
    INJECTIONS,
    example_inventory,
    hostile_inventory,
    hostile_xlsx,
    same_analysis,
)

from regie import Inventory, load_inventory
from regie import vocabulary as voc
from regie.analysis.filters import Filters, apply
from regie.analysis.privacy import hide_names
from regie.export import xlsx as export
from regie.reading.columns import match_header

FIXTURES: dict[str, tuple[Callable[[], bytes], str]] = {
    "title-rows": (rb.title_rows_xlsx, "x.xlsx"),
    "long-format": (rb.long_format_xlsx, "x.xlsx"),
    "long-format-without-ids": (lambda: rb.long_format_xlsx(with_ids=False), "x.xlsx"),
    "wide-format": (rb.wide_format_xlsx, "x.xlsx"),
    "two-row-header": (lambda: rb.two_row_header_xlsx(rb.TWO_ROW_ABOVE["title-and-blank-row"]), "x.xlsx"),
    "sheets-per-domain": (rb.sheets_per_domain_xlsx, "x.xlsx"),
    "fallback-sheet": (rb.fallback_sheet_xlsx, "x.xlsx"),
    "sections-and-totals": (rb.sections_and_totals_xlsx, "x.xlsx"),
    "synonyms": (rb.synonyms_xlsx, "x.xlsx"),
    "multi-value-cells": (rb.multi_value_cells_xlsx, "x.xlsx"),
    "per-phase-roles": (rb.per_phase_roles_xlsx, "x.xlsx"),
    "per-phase-roles-reversed": (lambda: rb.per_phase_roles_xlsx("fase-rol"), "x.xlsx"),
    "partners": (rb.partners_xlsx, "x.xlsx"),
    "partners-longest-name": (lambda: rb.partners_xlsx(*rb.PARTNER_SHEET_NAMES["longest-name-wins"]), "x.xlsx"),
    "no-partners-sheet": (rb.no_partners_sheet_xlsx, "x.xlsx"),
    "team-long": (rb.team_long_xlsx, "x.xlsx"),
    "team-wide": (rb.team_wide_xlsx, "x.xlsx"),
    "duplicates": (rb.duplicates_xlsx, "x.xlsx"),
    "header-only": (rb.header_only_xlsx, "x.xlsx"),
    "values": (rb.values_xlsx, "x.xlsx"),
    "extra-columns": (rb.extra_columns_xlsx, "x.xlsx"),
    "grouped-domain": (rb.grouped_domain_xlsx, "x.xlsx"),
    "csv-dutch-excel": (rb.small_csv_dutch_excel, "x.csv"),
    "ods": (rb.small_ods, "x.ods"),
    "xls": (rb.small_xls, "x.xls"),
    "hostile": (hostile_xlsx, "x.xlsx"),
}
"""Messy inventories from tests/realistic.py (and the hostile one), each exported and re-imported."""


def round_trip(inv: Inventory, **kwargs: object) -> Inventory:
    """Export ``inv`` and read the file back."""
    return load_inventory(export.workbook_bytes(inv, **kwargs), "verrijkt.xlsx")  # type: ignore[arg-type]


def sheet_rows(data: bytes, sheet: str) -> list[tuple[object, ...]]:
    book = openpyxl.load_workbook(io.BytesIO(data))
    return list(book[sheet].iter_rows(values_only=True))


# --------------------------------------------------------------------------------------------
# Round trip
# --------------------------------------------------------------------------------------------


def test_example_round_trips_to_the_same_analysis() -> None:
    inv = example_inventory()
    again = round_trip(inv)
    assert same_analysis(inv, again) == {}
    assert again.has_team_table and again.has_partners_table
    assert again.projects["naam"].tolist() == inv.projects["naam"].tolist()
    assert again.projects["id"].tolist() == inv.projects["id"].tolist()
    assert again.projects["start"].tolist() == inv.projects["start"].tolist()
    assert again.projects["budget"].tolist() == inv.projects["budget"].tolist()


@pytest.mark.parametrize("name", list(FIXTURES))
def test_messy_inventory_round_trips_to_the_same_analysis(name: str) -> None:
    builder, file_name = FIXTURES[name]
    inv = load_inventory(builder(), file_name)
    again = round_trip(inv)
    assert same_analysis(inv, again) == {}
    assert again.has_team_table == inv.has_team_table
    assert sorted(again.partners["naam"]) == sorted(inv.partners["naam"])


@pytest.mark.parametrize("name", ["extra-columns", "partners", "per-phase-roles", "hostile"])
def test_a_second_round_trip_changes_nothing(name: str) -> None:
    """Exporting a re-imported export gives the same columns and values: derived columns are not
    copied twice (only the explanations and Bron now point at the export itself)."""
    builder, file_name = FIXTURES[name]
    first = export.workbook_bytes(load_inventory(builder(), file_name))
    second = export.workbook_bytes(load_inventory(first, "verrijkt.xlsx"))
    header = sheet_rows(first, "Projecten")[0]
    assert sheet_rows(second, "Projecten")[0] == header
    values = [i for i, h in enumerate(header) if h not in export.DERIVED_COLUMNS]
    assert [[r[i] for i in values] for r in sheet_rows(second, "Projecten")[1:]] == \
        [[r[i] for i in values] for r in sheet_rows(first, "Projecten")[1:]]


def test_user_choices_travel_as_canonical_values() -> None:
    """A value the user mapped and an accepted element suggestion come back without the choices."""
    data = rb.synonyms_xlsx()
    inv = load_inventory(data, "x.xlsx", value_mappings={"rol": {"Presterende overheid": "zelf"}})
    assert "zelf" in set(inv.roles["role"])
    plain = load_inventory(data, "x.xlsx")
    suggestions = plain.suggestions
    if len(suggestions):
        first = suggestions.iloc[0]
        inv = load_inventory(data, "x.xlsx", value_mappings={"rol": {"Presterende overheid": "zelf"}},
                             accepted_elements={first["project"]: [first["element"]]})
    again = round_trip(inv)
    assert same_analysis(inv, again) == {}
    assert "zelf" in set(again.roles["role"])


@pytest.mark.parametrize("filters", [
    Filters(fase=("visie",)),
    Filters(rol=("regisseur",)),
    Filters(element=("B",), partnertype=("woningcorporatie",)),
    Filters(fase=("onbekend",)),
])
def test_filtered_and_anonymised_export_round_trips(filters: Filters) -> None:
    inv = hide_names(apply(example_inventory(), filters))
    data = export.workbook_bytes(inv, filters, names_hidden=True)
    again = load_inventory(data, "verrijkt.xlsx")
    assert same_analysis(inv, again) == {}
    notes = sheet_rows(data, "Toelichting")
    assert notes[2][:1] == ("Namen verborgen",)
    assert notes[1][1].startswith("Filter:")


def test_names_hidden_leave_no_personal_data() -> None:
    """With Namen verbergen no partner name is a cell, and no person's name appears anywhere."""
    full = example_inventory()
    data = export.workbook_bytes(hide_names(full), names_hidden=True)
    book = openpyxl.load_workbook(io.BytesIO(data))
    cells = {str(v) for sheet in book.worksheets for row in sheet.iter_rows(values_only=True) for v in row if v}
    assert not cells & (set(full.partners["naam"]) - set(full.projects["naam"]))  # one project has a partner's name
    people = {*full.partners["contact"].dropna(), *full.projects["trekker"].dropna(), *full.team["naam"]}
    package = zipfile.ZipFile(io.BytesIO(data))
    text = b"".join(package.read(n) for n in package.namelist())
    for name in people:
        assert str(name).encode() not in text, name


# --------------------------------------------------------------------------------------------
# Formula injection, numbers and dates
# --------------------------------------------------------------------------------------------


def test_injection_strings_are_stored_as_quoted_text() -> None:
    inv = hostile_inventory()
    data = export.workbook_bytes(inv)
    book = openpyxl.load_workbook(io.BytesIO(data))
    seen: set[str] = set()
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and cell.value.startswith(("=", "+", "-", "@", "\t", "\r")):
                    assert cell.data_type == "s", (sheet.title, cell.coordinate, cell.value)
                    assert cell.quotePrefix, (sheet.title, cell.coordinate, cell.value)
                    seen.add(cell.value)
    assert set(INJECTIONS) - {"-2"} <= seen  # "-2" in the extra column is the number -2 (see below)
    assert {"=1+1", "+cmd", "-2", "@SUM(A1)"} <= seen  # ... and text as a project name
    package = zipfile.ZipFile(io.BytesIO(data))
    for member in package.namelist():
        assert b"<f>" not in package.read(member) and b"<f " not in package.read(member), member


def test_injection_strings_come_back_as_the_same_text() -> None:
    inv = hostile_inventory()
    again = round_trip(inv)
    assert again.projects["naam"].tolist() == inv.projects["naam"].tolist()
    assert again.projects["omschrijving"].tolist() == inv.projects["omschrijving"].tolist()
    assert again.extra["Opmerking"].tolist() == inv.extra["Opmerking"].tolist()
    assert sorted(again.partners["naam"]) == sorted(inv.partners["naam"])
    assert sorted(again.team["naam"]) == sorted(inv.team["naam"])
    assert {"=1+1", "+cmd", "-2", "@SUM(A1)", "\tx", "\rx"} <= set(again.extra["Opmerking"])


def test_libreoffice_shows_injection_strings_as_text(tmp_path: Path) -> None:
    """LibreOffice opens the export and shows =1+1 literally (it does not calculate 2)."""
    if rb.soffice_path() is None:
        print("LibreOffice (soffice) ontbreekt: deze controle is overgeslagen")
        pytest.skip("LibreOffice (soffice) is not installed")
    converted = rb.convert_with_libreoffice(export.workbook_bytes(hostile_inventory()), "verrijkt.xlsx", "csv")
    assert converted is not None
    rows = list(csv.reader(io.StringIO(converted.decode("utf-8", errors="replace"))))
    names = {row[1] for row in rows[1:] if len(row) > 1}
    assert {"=1+1", "+cmd", "-2", "@SUM(A1)"} <= names
    assert "2" not in names


def test_numbers_stay_numbers_and_dates_stay_dates() -> None:
    inv = example_inventory()
    rows = sheet_rows(export.workbook_bytes(inv), "Projecten")
    header = list(rows[0])
    budget, start, eind = header.index("Budget"), header.index("Start"), header.index("Eind")
    first = rows[1]
    assert isinstance(first[budget], int | float) and first[budget] == inv.projects["budget"].iloc[0]
    assert isinstance(first[start], dt.datetime) and first[start].date() == inv.projects["start"].iloc[0]
    assert isinstance(first[eind], dt.datetime)
    involvement = sheet_rows(export.workbook_bytes(inv), "Betrokkenheid")
    invloed = list(involvement[0]).index("Invloed")
    assert all(isinstance(r[invloed], int) for r in involvement[1:] if r[invloed] is not None)
    hostile = sheet_rows(export.workbook_bytes(hostile_inventory()), "Projecten")
    aantal = list(hostile[0]).index("Aantal woningen")
    assert [r[aantal] for r in hostile[1:]] == [10 * i for i in range(len(hostile) - 1)]


@pytest.mark.parametrize(("text", "value"), [
    ("12", 12), ("-2", -2), ("0", 0), ("1.5", 1.5), ("2026-01-15", dt.date(2026, 1, 15)),
    ("2026-01-15 10:30:00", dt.datetime(2026, 1, 15, 10, 30)), ("WAAR", True), ("ONWAAR", False),
    ("012", "012"), ("1,5", "1,5"), ("1.50", "1.50"), ("12 ", "12 "), ("2026-13-45", "2026-13-45"),
    ("inf", "inf"), ("nan", "nan"), ("=1+1", "=1+1"), ("", ""), (None, None), (3, 3),
])
def test_typed_restores_only_the_forms_the_reader_writes(text: object, value: object) -> None:
    assert export.typed(text) == value
    assert type(export.typed(text)) is type(value)


# --------------------------------------------------------------------------------------------
# Sheets and columns
# --------------------------------------------------------------------------------------------


def test_sheets_and_canonical_columns() -> None:
    inv = example_inventory()
    data = export.workbook_bytes(inv)
    book = openpyxl.load_workbook(io.BytesIO(data))
    assert book.sheetnames == ["Projecten", "Partners", "Betrokkenheid", "Team", "Meldingen", "Toelichting"]
    header = [c.value for c in book["Projecten"][1]]
    for column in ("ID", "Naam", "Fasen", "Uitleg fasen", "Elementen", "Uitleg elementen",
                   *(f"Rol {p.label}" for p in voc.PHASES), *(f"Uitleg rol {p.label}" for p in voc.PHASES)):
        assert column in header
    for column in inv.extra.columns.drop("project"):
        assert column in header
    for column in header:
        meaning = match_header(column, "projects")
        if column.startswith("Uitleg") or column in ("Bron", "Partnernamen", *inv.extra.columns):
            assert meaning is None, column


def test_toelichting_explains_every_column() -> None:
    data = export.workbook_bytes(example_inventory())
    explained = {(r[0], r[1]) for r in sheet_rows(data, "Toelichting") if r and r[0] and r[1] and r[2:3] != (None,)}
    for sheet in ("Projecten", "Partners", "Betrokkenheid", "Team"):
        for column in sheet_rows(data, sheet)[0]:
            assert (sheet, column) in explained, (sheet, column)


def test_toelichting_names_the_sources_and_marks_the_apps_own_readings() -> None:
    data = export.workbook_bytes(example_inventory())
    rows = sheet_rows(data, "Toelichting")
    cells = [str(c) for row in rows for c in row if c]
    for source in voc.SOURCES.values():
        assert source.citation in cells
    assert voc.READING_MARKER in cells
    for code in export.EXPORT_READINGS:
        assert any(voc.READINGS[code].name.lower() in c.lower() for c in cells), code
    coverage = next(r[2] for r in rows if r[:2] == ("Projecten", "Dekking A"))
    assert voc.READING_MARKER in coverage


def test_coverage_and_evaluatie_are_explained_per_project() -> None:
    inv = load_inventory(rb.synonyms_xlsx(), "s.xlsx")
    data = export.workbook_bytes(inv)
    header, *rows = sheet_rows(data, "Projecten")
    for column in ("Dekking A", "Dekking B", "Dekking C", "Dekking D", "Uitleg dekking A–D"):
        assert column in header
    explained = [r[header.index("Uitleg fasen")] for r in rows]
    assert any("Hulpmiddel van deze app, geen oordeel uit de bron" in str(e) for e in explained), \
        "beleidsevaluatie → beleid says so in a sentence"
    notes = [r for r in sheet_rows(data, "Toelichting") if r and r[0] == "Evaluatie als beleid"]
    assert notes and "beleidsevaluatie" in str(notes[0][1]).lower()


def test_meldingen_hold_the_validation_report() -> None:
    inv = load_inventory(rb.partners_xlsx(), "x.xlsx")
    rows = sheet_rows(export.workbook_bytes(inv), "Meldingen")
    assert rows[0] == ("Ernst", "Tabel", "Blad", "Rij", "Kolom", "Waarde", "Melding")
    assert len(rows) - 1 == len(inv.issues)
    assert {r[0] for r in rows[1:]} <= {"Fout", "Waarschuwing"}


def test_extra_column_named_like_a_field_is_renamed() -> None:
    """extra_columns_xlsx keeps "Project" and "Toelichting" as extra columns (they lost to
    Projectnaam and Omschrijving); the export renames them so the reader does not take them again."""
    inv = load_inventory(rb.extra_columns_xlsx(), "x.xlsx")
    header = sheet_rows(export.workbook_bytes(inv), "Projecten")[0]
    assert "Niet gebruikt: Project" in header and "Niet gebruikt: Toelichting" in header
    assert "Opmerkingen" in header and "Kolom J" in header


def test_team_sheet_only_when_the_inventory_has_one() -> None:
    inv = load_inventory(rb.title_rows_xlsx(), "x.xlsx")
    book = openpyxl.load_workbook(io.BytesIO(export.workbook_bytes(inv)))
    assert "Team" not in book.sheetnames


def test_file_name_is_safe() -> None:
    inv = hostile_inventory()
    name = export.file_name(inv, dt.date(2026, 11, 23))
    assert name.endswith("-verrijkt-23-11-2026.xlsx")
    assert all(ch.isalnum() or ch in "._-" for ch in name)
