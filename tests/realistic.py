"""Inventories as advisers really make them, built in code.

Every builder returns the bytes of one file, so a reader sees the exact shape of the input next to the
expectations in ``tests/test_realistic.py``. Rows are written as Python lists, one list per Excel row
starting at row 1; an empty list is a blank row and ``None`` an empty cell. The expected numbers in the
tests refer to these Excel row numbers.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import openpyxl
import pandas as pd
import xlsxwriter
import xlwt

Row = Sequence[Any]


@dataclass
class Sheet:
    """One worksheet: its rows from Excel row 1, merged ranges and visibility."""

    name: str
    rows: list[Row]
    merges: list[str] = field(default_factory=list)
    hidden: bool = False


def xlsx(sheets: Sequence[Sheet]) -> bytes:
    """Write sheets to an .xlsx workbook with openpyxl (merges and hidden sheets included)."""
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for spec in sheets:
        sheet = workbook.create_sheet(spec.name)
        for row_number, row in enumerate(spec.rows, start=1):
            for column_number, value in enumerate(row, start=1):
                if value is None:
                    continue
                cell = sheet.cell(row=row_number, column=column_number, value=value)
                if isinstance(value, dt.datetime | dt.date):
                    cell.number_format = "d-m-yyyy"
        for cell_range in spec.merges:
            sheet.merge_cells(cell_range)
        if spec.hidden:
            sheet.sheet_state = "hidden"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


# --------------------------------------------------------------------------------------------
# 1. Title rows above the header
# --------------------------------------------------------------------------------------------


def title_rows_xlsx() -> bytes:
    """A title, a subtitle, a date row and a blank row; the header is at Excel row 5."""
    rows: list[Row] = [
        ["Inventarisatie regierol gemeente Voorbeeld"],
        ["Afdeling Sociaal Domein, team Beleid"],
        ["Peildatum", dt.datetime(2026, 3, 1)],
        [],
        ["ID", "Projectnaam", "Fase", "Element", "Rol"],
        ["P01", "Woonzorgzone Centrum", "Visie", "A", "Regisseur"],
        ["P02", "Mantelzorgondersteuning", "Uitvoering", "B", "Opdrachtgever"],
        ["P03", "Seniorenwoningen Noord", "Beleid", "C", "Partner"],
        ["P04", "Buurtkamer West", "Uitvoering", "B", "Facilitator"],
        ["P05", "Wmo-beleidsplan", "Beleid", "D", "Zelf doen"],
        ["P06", "Dementievriendelijke gemeente", "Visie", "A", "Geen regie"],
    ]
    return xlsx([Sheet("Projecten", rows)])


# --------------------------------------------------------------------------------------------
# 2. Long format: one row per project and phase
# --------------------------------------------------------------------------------------------

LONG_ROWS: list[Row] = [
    # ID, Projectnaam, Fase, Rol, Element, Domein
    [1, "Wonen met zorg Oost", "Visie", "Regisseur", "A", "wonen"],
    [1, "Wonen met zorg Oost", "Beleid", "Partner", "A", "wonen"],
    [1, "Wonen met zorg Oost", "Uitvoering", "Opdrachtgever", "A", "wonen"],
    [2, "Jongerenwerk", "Beleid", "Zelf doen", "B", "welzijn"],
    [2, "Jongerenwerk", "Uitvoering", "Facilitator", "B", "zorg"],
    [3, "Eenzaamheid ouderen", "Visie", "Regisseur", None, "welzijn"],
    [4, "Schuldhulpverlening", "Uitvoering", None, "C", "zorg"],
]


def long_format_xlsx(with_ids: bool = True) -> bytes:
    """Several rows per project (one per phase, each with its own role); data at rows 2–8.

    Project 2 ("Jongerenwerk") has a conflicting Domein on its second row (Excel row 6).
    Without ids the rows are grouped by name.
    """
    header = ["ID", "Projectnaam", "Fase", "Rol", "Element", "Domein"]
    rows = [header, *LONG_ROWS]
    if not with_ids:
        rows = [row[1:] for row in rows]
    return xlsx([Sheet("Projecten", rows)])


# --------------------------------------------------------------------------------------------
# 3. Wide format: one column per phase and per element holding marks
# --------------------------------------------------------------------------------------------


def wide_format_xlsx() -> bytes:
    """Mark columns per phase (Visie, Beleid, Uitvoering) and per element (A, B, Element C,
    Element D); marks x, X, ✓, ja, 1, Excel TRUE; no-marks nee, 0 and empty; and a role
    ("regisseur") written in the Uitvoering mark cell of row 5.
    """
    rows: list[Row] = [
        ["Nr", "Projectnaam", "Visie", "Beleid", "Uitvoering", "A", "B", "Element C",
         "Element D", "Rol"],
        [1, "Sportakkoord", "x", None, None, "x", None, None, None, "Regisseur"],
        [2, "Preventieakkoord", "X", "✓", None, None, "ja", None, None, "Partner"],
        [3, "Huisvesting statushouders", "nee", "ja", 1, None, None, 1, None, "Zelf doen"],
        [4, "Inclusieagenda", True, 0, "regisseur", None, None, None, True, "Partner"],
        [5, "Wijkteams", None, None, "x", "x", "x", None, None, None],
        [6, "Ouderenbeleid", 0, "nee", None, None, None, None, None, "Facilitator"],
    ]
    return xlsx([Sheet("Projecten", rows)])


# --------------------------------------------------------------------------------------------
# 4. Two-row header
# --------------------------------------------------------------------------------------------


def two_row_header_xlsx(above: Sequence[Row] = ()) -> bytes:
    """"Fase" merged over Visie | Beleid | Uitvoering, "Regie-element" over A | B | C | D;
    Projectnaam and Rol merged vertically over both header rows; data at rows 3–7.

    ``above`` puts rows above the table (a title, a blank row), as matrices in real
    inventories usually have; every row number below then shifts by ``len(above)``.
    """
    rows: list[Row] = [
        ["Projectnaam", "Fase", None, None, "Regie-element", None, None, None, "Rol"],
        [None, "Visie", "Beleid", "Uitvoering", "A", "B", "C", "D", None],
        ["Ontmoetingscentrum Zuid", "x", None, None, None, "x", None, None, "Facilitator"],
        ["Wonen boven winkels", None, "x", "x", "x", None, None, None, "Regisseur"],
        ["Valpreventie", None, None, "x", None, None, "x", None, "Opdrachtgever"],
        ["Huiskamerproject", "x", "x", None, None, None, None, "x", None],
        ["Cultuurnota", None, None, None, None, None, None, None, "Partner"],
    ]
    rows = [*above, *rows]
    top = len(above) + 1
    merges = [f"A{top}:A{top + 1}", f"B{top}:D{top}", f"E{top}:H{top}", f"I{top}:I{top + 1}"]
    return xlsx([Sheet("Projecten", rows, merges)])


# --------------------------------------------------------------------------------------------
# 5. Sheets per domain, a sheet that is no table, and a hidden list sheet
# --------------------------------------------------------------------------------------------

HIDDEN_LISTS = Sheet(
    "Lijsten",
    [
        ["Fase", "Rol", "Naam"],
        ["Visie", "Zelf doen", "Anouk de Vries"],
        ["Beleid", "Opdrachtgever", "Bram Jansen"],
        ["Uitvoering", "Regisseur", "Chantal Bakker"],
        [None, "Partner", None],
        [None, "Facilitator", None],
        [None, "Geen regie", None],
    ],
    hidden=True,
)
"""A dropdown-list sheet as templates have it: looks like a table (Naam, Fase, Rol) but is hidden."""


def sheets_per_domain_xlsx() -> bytes:
    """Projects split over "Projecten wonen", "Projecten zorg" and "Projecten_welzijn" (each with
    its own headers), plus "Projectpartners" (no table) and the hidden "Lijsten".
    """
    wonen = Sheet("Projecten wonen", [
        ["Nr", "Naam project", "Fase", "Rol gemeente"],
        ["W1", "Starterswoningen", "Beleid", "Regisseur"],
        ["W2", "Levensloopbestendig wonen", "Visie", "Partner"],
        ["W3", "Tiny houses", "Uitvoering", "Facilitator"],
    ])
    zorg = Sheet("Projecten zorg", [
        ["ID", "Projectnaam", "Procesfase", "Rol"],
        ["Z1", "Wijkverpleging", "Uitvoering", "Opdrachtgever"],
        ["Z2", "GGZ in de wijk", "Beleid", "Partner"],
    ])
    welzijn = Sheet("Projecten_welzijn", [
        ["Projectnaam", "Fase", "Regierol"],
        ["Vrijwilligerswerk", "Uitvoering", "Facilitator"],
        ["Buurtsportcoach", "afronding", "Opdrachtgever"],
        ["Armoedebeleid", "Beleid", "Zelf doen"],
    ])
    projectpartners = Sheet("Projectpartners", [
        ["Organisatie", "Contactpersoon", "Telefoon"],
        ["Woonstichting De Linie", "J. de Boer", "010-1234567"],
        ["Welzijn Plus", "M. Yilmaz", "010-7654321"],
    ])
    return xlsx([wonen, zorg, welzijn, projectpartners, HIDDEN_LISTS])


TWO_ROW_ABOVE: dict[str, list[Row]] = {
    "header-at-row-1": [],
    "title-and-blank-row": [["Regiematrix sociaal domein 2026"], []],
    "title-right-above": [["Regiematrix sociaal domein 2026"]],
    "two-title-rows": [["Gemeente Voorbeeld"], ["Regiematrix sociaal domein 2026"]],
}
"""What sits above the two-row header in the variants of case 4."""


def fallback_sheet_xlsx() -> bytes:
    """No sheet is named like a projects table: the visible "Blad1" is the only candidate,
    because the hidden "Lijsten" is never taken for a table.
    """
    blad1 = Sheet("Blad1", [
        ["Overzicht lopende projecten"],
        [],
        ["Projectnaam", "Fase", "Rol"],
        ["Schoolzwemmen", "Uitvoering", "Opdrachtgever"],
        ["Kindcentrum Noord", "Visie", "Regisseur"],
        ["Speelruimteplan", "Beleid", "Zelf doen"],
    ])
    return xlsx([blad1, HIDDEN_LISTS])


# --------------------------------------------------------------------------------------------
# 6. Section headings and totals rows (written with xlsxwriter: formulas with cached values)
# --------------------------------------------------------------------------------------------


def sections_and_totals_xlsx() -> bytes:
    """"WONEN" and "ZORG" merged across A:E (rows 2 and 6); "Subtotaal" (row 5) and "Totaal"
    (row 9) rows holding SUM formulas with cached values.
    """
    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(buffer, {"in_memory": True})
    sheet = workbook.add_worksheet("Projecten")
    bold = workbook.add_format({"bold": True})
    sheet.write_row(0, 0, ["ID", "Projectnaam", "Fase", "Rol", "Budget"], bold)
    sheet.merge_range("A2:E2", "WONEN", bold)
    sheet.write_row(2, 0, [1, "Doorstroming senioren", "Beleid", "Regisseur", 50000])
    sheet.write_row(3, 0, [2, "Flexwonen", "Uitvoering", "Partner", 120000])
    sheet.write(4, 1, "Subtotaal", bold)
    sheet.write_formula(4, 4, "=SUM(E3:E4)", bold, 170000)
    sheet.merge_range("A6:E6", "ZORG", bold)
    sheet.write_row(6, 0, [3, "Respijtzorg", "Uitvoering", "Opdrachtgever", 80000])
    sheet.write_row(7, 0, [4, "Mantelzorgwaardering", "Visie", "Facilitator", 10000])
    sheet.write(8, 1, "Totaal", bold)
    sheet.write_formula(8, 4, "=SUM(E3:E4,E7:E8)", bold, 260000)
    workbook.close()
    return buffer.getvalue()


# --------------------------------------------------------------------------------------------
# 7. Dutch synonyms and odd casing
# --------------------------------------------------------------------------------------------


def synonyms_xlsx() -> bytes:
    """Phase, role and element values as advisers write them; data at rows 2–7."""
    rows: list[Row] = [
        ["Projectnaam", "Fase", "Rol", "Element"],
        ["Omgevingsvisie", "VISIEFASE", "Regievoerder", "B - Het netwerk koesteren"],
        ["Woonvisie actualisatie", "Beleidsvorming", "uitbesteden", "C. De rol benoemen"],
        ["Nieuwbouw De Hoven", "realisatie", "faciliterend", "A - Netwerk koesteren"],
        ["Zorgketen dementie", "Uitvoering/keten", "geen regie", "Visie"],
        ["Gebiedsontwikkeling Stationskwartier",
         "Ontwikkeling ruimtelijke plannen en vormgeving", "Presterende overheid", None],
        ["Evaluatie Wmo", "beleidsevaluatie", "REGISSEUR", "d"],
    ]
    return xlsx([Sheet("Projecten", rows)])


# --------------------------------------------------------------------------------------------
# 8. Several values in one cell
# --------------------------------------------------------------------------------------------


def multi_value_cells_xlsx() -> bytes:
    """Phases separated by ; , / + en & and a line break; one cell with an unknown part
    ("visie; afronding", row 8); elements "A, B" and "C en D"; data at rows 2–9.
    """
    rows: list[Row] = [
        ["ID", "Projectnaam", "Fase", "Rol", "Element"],
        [1, "Integraal huisvestingsplan", "visie; beleid", "Regisseur", "A, B"],
        [2, "Lokaal sportakkoord", "visie, beleid", "Partner", "C en D"],
        [3, "Kinderopvangtoeslag", "visie/beleid", "Zelf doen", None],
        [4, "Burgerinitiatieven", "visie + beleid", "Facilitator", None],
        [5, "Inkoop hulpmiddelen", "visie en beleid", "Opdrachtgever", None],
        [6, "Wijkgerichte zorg", "visie\nuitvoering", "Regisseur", None],
        [7, "Statushouders", "visie; afronding", "Partner", None],
        [8, "Afvalinzameling", "Beleid & Uitvoering", "Geen regie", None],
    ]
    return xlsx([Sheet("Projecten", rows)])


# --------------------------------------------------------------------------------------------
# 9. Per-phase roles
# --------------------------------------------------------------------------------------------

PER_PHASE_HEADERS: dict[str, list[str]] = {
    "rol-fase": ["ID", "Projectnaam", "Fase", "Rol", "Rol visie", "Rol in beleidsfase",
                 "Regierol uitvoering"],
    "fase-rol": ["ID", "Projectnaam", "Fase", "Rol gemeente", "Visie rol", "Rol tijdens beleid",
                 "Uitvoering rol"],
}
"""Two spellings of the same per-phase role columns."""


def per_phase_roles_xlsx(variant: str = "rol-fase") -> bytes:
    """Per-phase role columns next to a project role; row 5 holds pairs in its Rol cell."""
    rows: list[Row] = [
        PER_PHASE_HEADERS[variant],
        [1, "Regionale woonagenda", "Visie; Beleid", "Partner", "Regisseur", None, None],
        [2, "Beschermd wonen", "Uitvoering", "Opdrachtgever", None, None, "Regisseur"],
        [3, "Sociale kaart", None, None, "Facilitator", "Facilitator", None],
        [4, "Jeugdhulp inkoop", "Beleid", "visie: regisseur; uitvoering: partner", None, None,
         None],
        [5, "Laaggeletterdheid", "Uitvoering", "Zelf doen", "Geen regie", None, None],
        [6, "Wijkgericht werken", "Visie, Uitvoering", "Regisseur", None, "Partner", None],
    ]
    return xlsx([Sheet("Projecten", rows)])


# --------------------------------------------------------------------------------------------
# 10. Partners, duplicates and involvement
# --------------------------------------------------------------------------------------------


def partners_xlsx(
    partners_sheet: str = "Partners", involvement_sheet: str = "Betrokkenheid"
) -> bytes:
    """Projects with a Partners column, a partners sheet with a duplicate (row 7) and an
    involvement sheet referring to projects by id (text "101" vs number 101) and by name, with
    an unknown project (row 5), a partner missing from the partners sheet (row 6) and two
    Invloed values outside 1–5 / laag-middel-hoog (rows 3 and 7).
    """
    projects = Sheet("Projecten", [
        ["ID", "Projectnaam", "Fase", "Rol", "Partners"],
        [101, "Woonzorgvisie", "Visie", "Regisseur", "Woonstichting De Linie; GGD Regio"],
        [102, "Wijkteam Noord", "Uitvoering", "Opdrachtgever", "Stichting Wonen, Zorg en Welzijn"],
        [103, "Huurdersoverleg", "Beleid", "Partner",
         "Huurdersvereniging Samen, Woonstichting De Linie"],
        [104, "Valpreventie 65+", "Uitvoering", "Facilitator", "Fysio Centrum\nSportbedrijf Oost"],
    ])
    partners = Sheet(partners_sheet, [
        ["Naam", "Type", "Werkgebied"],
        ["Woonstichting De Linie", "Woningcorporatie", "Lokaal"],
        ["GGD Regio", "GGD", "Regionaal"],
        ["Stichting Wonen, Zorg en Welzijn", "Welzijnsorganisatie", "Lokaal"],
        ["Huurdersvereniging Samen", "Huurdersvereniging", "Lokaal"],
        ["Fysio Centrum", "Zorgaanbieder", "Lokaal"],
        ["woonstichting de linie", "Woningcorporatie", "lokaal"],
    ])
    involvement = Sheet(involvement_sheet, [
        ["Project ID", "Projectnaam", "Partner", "Rol", "Fase", "Invloed"],
        ["101", None, "Woonstichting De Linie", "Trekker", "Visie", 5],
        [102, None, "GGD Regio", "Adviseur", None, 7],
        [None, "Huurdersoverleg", "Huurdersvereniging Samen", "Deelnemer", "Beleid", "laag"],
        [999, None, "Fysio Centrum", "Uitvoerder", None, None],
        [104, None, "Bibliotheek Midden", "Partner", "Uitvoering", "middel"],
        ["101", "Woonzorgvisie", "GGD Regio", "Financier", "Beleid", "zeer hoog"],
    ])
    return xlsx([projects, partners, involvement])


PARTNER_SHEET_NAMES: dict[str, tuple[str, str]] = {
    "plain": ("Partners", "Betrokkenheid"),
    "longest-name-wins": ("Samenwerkingspartners", "Partners per project"),
    "with-suffixes": ("Partners_regio", "Koppelingen 2026"),
}
"""(partners sheet, involvement sheet) names in the variants of case 10."""


def no_partners_sheet_xlsx() -> bytes:
    """Partners named only in the projects' Partners column; no partners sheet at all."""
    rows: list[Row] = [
        ["ID", "Projectnaam", "Fase", "Rol", "Partners"],
        [1, "Buurtpreventie", "Uitvoering", "Facilitator", "Politie; Wijkraad Zuid"],
        [2, "Schoolmaatschappelijk werk", "Uitvoering", "Opdrachtgever",
         "Welzijn Plus, Basisschool De Regenboog"],
        [3, "Gezondheidsbeleid", "Beleid", "Regisseur", "GGD Regio\nWelzijn Plus"],
        [4, "Eenzaamheid", "Visie", "Partner", None],
    ]
    return xlsx([Sheet("Projecten", rows)])


# --------------------------------------------------------------------------------------------
# 12. Team sheets
# --------------------------------------------------------------------------------------------

TEAM_PROJECTS = Sheet("Projecten", [
    ["ID", "Projectnaam", "Fase", "Rol"],
    [1, "Lokale inclusieagenda", "Visie", "Regisseur"],
    [2, "Regionale jeugdzorg", "Visie; Beleid", "Geen regie"],
    [3, "Huisvestingsverordening", "Beleid", None],
    [4, "Maatschappelijke opvang", "Uitvoering", "Partner"],
    [5, "Vervoer op maat", "Uitvoering", "Geen regie"],
    [6, "Gezond in de stad", None, "Regisseur"],
    [7, "Netwerk informele zorg", "Visie", "Regisseur, geen regie"],
])
"""Projects shared by both team fixtures; data at rows 2–8."""


def team_long_xlsx() -> bytes:
    """A team sheet with one skill per row (Naam, Vaardigheid, Niveau); row 7 has no name and
    row 9 a level that is neither 1–5 nor a level word (basis, gevorderd, expert…).
    """
    team = Sheet("Team", [
        ["Naam", "Vaardigheid", "Niveau"],
        ["Fatima", "Netwerken", 4],
        ["Fatima", "Onderhandelen", 3],
        ["Joost", "Concretiseren", "hoog"],
        ["Joost", "Vastleggen van afspraken", 2],
        ["Annelies", "Bemiddelen", 5],
        [None, "Netwerken", 3],
        ["Fatima", "Stimuleren", "middel"],
        ["Annelies", "Faciliteren", "prima"],
    ])
    return xlsx([TEAM_PROJECTS, team])


def team_wide_xlsx() -> bytes:
    """A "Vaardigheden" sheet with one column per Schema 3 skill holding levels or a mark."""
    team = Sheet("Vaardigheden", [
        ["Naam", "Netwerken", "Stimuleren", "Initiëren", "Onderhandelen", "Beslissen",
         "Bemiddelen", "Faciliteren", "Concretiseren", "Vastleggen van afspraken"],
        ["Fatima", 4, 3, None, 3, None, None, None, None, None],
        ["Joost", None, None, None, None, None, None, None, 5, 2],
        ["Annelies", "x", None, None, None, None, 5, None, None, None],
        ["Fatima", None, None, 2, None, None, None, None, None, None],
    ])
    return xlsx([TEAM_PROJECTS, team])


# --------------------------------------------------------------------------------------------
# 13. Duplicate ids, a nameless row, and a header without rows
# --------------------------------------------------------------------------------------------


def duplicates_xlsx() -> bytes:
    """Id P2 used twice with different names (rows 3, 4) and a row without a name (row 5); the
    name header is written "Projectnaam*" (a required-field star).
    """
    rows: list[Row] = [
        ["ID", "Projectnaam*", "Fase", "Rol"],
        ["P1", "Speeltuinen", "Uitvoering", "Zelf doen"],
        ["P2", "Jongerencentrum", "Beleid", "Regisseur"],
        ["P2", "Jeugdcentrum Oost", "Beleid", "Regisseur"],
        ["P4", None, "Visie", "Partner"],
        ["P3", "Sportpark", "Visie", "Facilitator"],
    ]
    return xlsx([Sheet("Projecten", rows)])


def header_only_xlsx() -> bytes:
    """A projects sheet with a header and no rows (a fresh copy of the template)."""
    return xlsx([Sheet("Projecten", [["ID", "Projectnaam", "Fase", "Rol"]])])


# --------------------------------------------------------------------------------------------
# 14. One small inventory in every file format
# --------------------------------------------------------------------------------------------

SMALL_HEADER = ["ID", "Projectnaam", "Fase", "Rol", "Element", "Budget", "Startdatum"]
SMALL_ROWS: list[Row] = [
    [1, "Woonzorgzone Café", "Visie", "Regisseur", "A", 1250.5, dt.datetime(2026, 1, 15)],
    [2, "Mantelzorg & respijt", "Visie\nBeleid", "Partner", "B", 80000, dt.datetime(2025, 9, 1)],
    [3, "Sociale basis", "Uitvoering", "Opdrachtgever", "C", 250000, dt.datetime(2026, 3, 1)],
    [4, "Jeugd op straat", "Beleid", "Facilitator", None, None, None],
    [5, "Wonen en zorg", "Uitvoering", "Presterende overheid", "D", 12000,
     dt.datetime(2026, 6, 30)],
]
"""Records 2–6; record 3 has a line break inside its Fase cell, record 6 an unknown role."""


def small_xlsx() -> bytes:
    """The small inventory as .xlsx."""
    return xlsx([Sheet("Projecten", [SMALL_HEADER, *SMALL_ROWS])])


def small_ods() -> bytes:
    """The small inventory as .ods, written by pandas with odfpy."""
    frame = pd.DataFrame(SMALL_ROWS, columns=SMALL_HEADER)
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="odf") as writer:
        frame.to_excel(writer, sheet_name="Projecten", index=False)
    return buffer.getvalue()


def small_xls() -> bytes:
    """The small inventory as old .xls (BIFF8, xlwt), dates with a date format."""
    workbook = xlwt.Workbook(encoding="utf-8")
    sheet = workbook.add_sheet("Projecten")
    date_style = xlwt.easyxf(num_format_str="D-M-YYYY")
    for column, value in enumerate(SMALL_HEADER):
        sheet.write(0, column, value)
    for row_index, row in enumerate(SMALL_ROWS, start=1):
        for column, value in enumerate(row):
            if value is None:
                continue
            if isinstance(value, dt.datetime):
                sheet.write(row_index, column, value, date_style)
            else:
                sheet.write(row_index, column, value)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _dutch_number(value: float) -> str:
    """Format a number as Dutch Excel shows a currency cell: € 1.250,50."""
    text = f"{value:,.2f}".replace(",", "_").replace(".", ",").replace("_", ".")
    return f"€ {text}"


def small_csv_dutch_excel() -> bytes:
    """The small inventory as Dutch Excel exports it: `;`, Windows-1252, decimal comma,
    d-m-jjjj dates, CRLF records and a quoted cell holding a line break.
    """
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(SMALL_HEADER)
    for row in SMALL_ROWS:
        cells = []
        for value in row:
            if value is None:
                cells.append("")
            elif isinstance(value, dt.datetime):
                cells.append(f"{value.day}-{value.month}-{value.year}")
            elif isinstance(value, float) or (isinstance(value, int) and value >= 1000):
                cells.append(_dutch_number(value))
            else:
                cells.append(str(value))
        writer.writerow(cells)
    return buffer.getvalue().encode("cp1252")


def small_csv_utf8() -> bytes:
    """The small inventory as UTF-8 with BOM, `,` separator, ISO dates and decimal points."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=",", lineterminator="\n")
    writer.writerow(SMALL_HEADER)
    for row in SMALL_ROWS:
        cells = []
        for value in row:
            if value is None:
                cells.append("")
            elif isinstance(value, dt.datetime):
                cells.append(value.date().isoformat())
            else:
                cells.append(str(value))
        writer.writerow(cells)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def soffice_path() -> str | None:
    """The LibreOffice binary, when installed."""
    for candidate in ("/usr/bin/soffice", shutil.which("soffice"), shutil.which("libreoffice")):
        if candidate and os.path.exists(candidate):
            return candidate
    return None


def convert_with_libreoffice(data: bytes, source_name: str, target: str = "ods") -> bytes | None:
    """Convert a workbook with LibreOffice (headless); None when LibreOffice is missing."""
    soffice = soffice_path()
    if soffice is None:
        return None
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / source_name
        source.write_bytes(data)
        profile = Path(folder) / "profile"
        subprocess.run(
            [soffice, f"-env:UserInstallation=file://{profile}", "--headless",
             "--convert-to", target, "--outdir", folder, str(source)],
            check=True, capture_output=True, timeout=180,
            env={**os.environ, "HOME": folder},
        )
        return (Path(folder) / f"{source.stem}.{target}").read_bytes()


# --------------------------------------------------------------------------------------------
# 15. Values: empty-like cells, amounts, dates and closed vocabularies
# --------------------------------------------------------------------------------------------


def values_xlsx() -> bytes:
    """Empty-like values, Dutch amounts and every accepted date form; three bad values in
    rows 5 (Taaksoort, Doorzettingsmacht) and 6 (Startdatum).
    """
    rows: list[Row] = [
        ["ID", "Projectnaam", "Fase", "Rol", "Element", "Budget", "Startdatum", "Einddatum",
         "Taaksoort", "Doorzettingsmacht", "Regie", "Gebied"],
        [1, "Nieuwbouw Kloosterweide", "Beleid", "Regisseur", "-", "€ 1.250.000,50",
         dt.datetime(2026, 1, 15), 46203, "publiekrechtelijk", "groot", "extern", "nvt"],
        [2, "Wijkcentrum Zuid", "?", "nvt", "A", "12.000,-", "2026-02-01", "31-12-2026",
         "Privaatrechtelijk", "beperkt", "intern", "?"],
        [3, "Dagbesteding", "n.v.t.", "onbekend", "onbekend", 250000, "1/3/2026", "15.06.2027",
         "belanghebbend", "afwezig", "beide", "-"],
        [4, "Participatieraad", "Visie", "Facilitator", "n.v.t.", None, None, None,
         "subsidierelatie", "enorm", None, "onbekend"],
        [5, "Huisvesting arbeidsmigranten", "Uitvoering", "Partner", "B", "1,250.50", "Q3 2026",
         None, None, None, "...", None],
    ]
    return xlsx([Sheet("Projecten", rows)])


# --------------------------------------------------------------------------------------------
# 16. Extra columns and personal data
# --------------------------------------------------------------------------------------------


def extra_columns_xlsx() -> bytes:
    """Two headers for naam (Projectnaam wins over Project, a code column to its left) and two
    for omschrijving (Omschrijving wins over Toelichting, to its left): the synonym order
    decides, not the column order. An unknown header (Opmerkingen), notes in column J without
    a header, and a long-format project whose Trekker (personal data) conflicts between rows 2
    and 3.
    """
    rows: list[Row] = [
        ["ID", "Project", "Projectnaam", "Fase", "Rol", "Trekker", "Toelichting",
         "Omschrijving", "Opmerkingen", None],
        [1, "BB-01", "Buurtbus", "Uitvoering", "Facilitator", "Ingrid Smit", "Pilot",
         "Vervoer voor ouderen", "loopt", "zie mail 3-2"],
        [1, "BB-01", "Buurtbus", "Beleid", "Partner", "Peter de Wit", None, None, None, None],
        [2, "KB-02", "Kernenbeleid", "Visie", "Regisseur", "Ingrid Smit", None, None, None,
         "navragen"],
    ]
    return xlsx([Sheet("Projecten", rows)])


def grouped_domain_xlsx() -> bytes:
    """A Domein cell merged over the rows of its group (A2:A4 "Wonen", A5:A6 "Zorg")."""
    rows: list[Row] = [
        ["Domein", "Projectnaam", "Fase", "Rol"],
        ["Wonen", "Starterswoningen", "Beleid", "Regisseur"],
        [None, "Doorstroming", "Beleid", "Partner"],
        [None, "Woningsplitsing", "Uitvoering", "Zelf doen"],
        ["Zorg", "Respijtzorg", "Uitvoering", "Opdrachtgever"],
        [None, "Dagbesteding", "Uitvoering", "Partner"],
    ]
    return xlsx([Sheet("Projecten", rows, ["A2:A4", "A5:A6"])])


# --------------------------------------------------------------------------------------------
# 17. Files that cannot be read
# --------------------------------------------------------------------------------------------


def not_a_spreadsheet() -> bytes:
    """A PDF saved with an .xlsx name (the wrong attachment)."""
    return b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def empty_workbook_xlsx() -> bytes:
    """A workbook whose only sheet is empty."""
    return xlsx([Sheet("Blad1", [])])


def partners_only_xlsx() -> bytes:
    """A workbook with only a partners list: no projects table."""
    return xlsx([Sheet("Partners", [["Naam", "Type"], ["Welzijn Plus", "Welzijnsorganisatie"]])])
