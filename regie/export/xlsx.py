"""The enriched inventory as an Excel workbook that :func:`regie.load_inventory` reads back.

Sheets:

* ``Projecten`` — one row per project: ID, naam, omschrijving, the single-value fields as read
  (dates as dates, budget as a number), the canonical fasen, elementen and rol per fase each next to
  its explanation (``Uitleg …``), the partner names, where the project came from (``Bron``), and
  the inventory's own extra columns.
* ``Partners``, ``Betrokkenheid`` (every link between a project and a partner) and ``Team`` (only
  when the inventory has a team sheet).
* ``Meldingen`` — the validation report; ``Toelichting`` — what every column means.

Headers are chosen so that re-importing the file gives the same analysis: canonical values sit under
headers the reader knows (``Fasen``, ``Elementen``, ``Rol Visie``…), explanation columns under
headers it keeps as extra columns, and a per-phase role the reader would not recognise is written
as it was read, so it comes back as ``onbekend`` again. An extra column whose header the reader
would take for a field is renamed ``Niet gebruikt: …``; derived columns of an earlier export are
not copied twice.

Every text cell that a spreadsheet would run as a formula (``=``, ``+``, ``-``, ``@``, tab, carriage
return) is stored as a string with Excel's quote prefix: Excel and LibreOffice show it as text and
keep it text when edited. Numbers stay numbers and dates stay dates.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import openpyxl
import pandas as pd
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from regie import vocabulary as voc
from regie.analysis import elements
from regie.analysis.filters import Filters, describe
from regie.export import sheetxml
from regie.export.names import export_name
from regie.export.safe import xml_text
from regie.formatting import nl_datetime
from regie.mapping import explain
from regie.model import Inventory
from regie.reading.columns import match_header
from regie.review import mappings, report

SHEET_PROJECTS = "Projecten"
SHEET_PARTNERS = "Partners"
SHEET_INVOLVEMENTS = "Betrokkenheid"
SHEET_TEAM = "Team"
SHEET_ISSUES = "Meldingen"
SHEET_NOTES = "Toelichting"

DATE_FORMAT = "d-m-yyyy"
DATETIME_FORMAT = "d-m-yyyy hh:mm"
MONEY_FORMAT = '"€" #,##0.00'
UNUSED_PREFIX = "Niet gebruikt: "
"""Prefix of an extra column whose header the reader would take for a field."""

PARTNER_NAMES = "Partnernamen"
SOURCE = "Bron"
PHASES = "Fasen"
ELEMENTS = "Elementen"


def _phase_role(phase: voc.Phase) -> str:
    return explain.PHASE_ROLE_COLUMN.format(phase=phase.label)


def _phase_role_explained(phase: voc.Phase) -> str:
    return explain.PHASE_ROLE_EXPLAINED.format(phase=phase.label)


COVERAGE_HEADERS: tuple[str, ...] = (
    *(explain.COVERAGE_COLUMN.format(element=e) for e in voc.ELEMENT_CODES), explain.COVERAGE_EXPLAINED,
)
TREE_HEADERS: tuple[str, ...] = tuple(voc.FIELD_LABELS[f] for f in (*voc.DECISION_FIELDS, "nabijheid", "vorm"))

EXPORT_READINGS: tuple[str, ...] = ("schema3_for_all", "evaluatie_beleid", "element_coverage", "role_order")
"""The app's own readings this workbook carries (named on the Toelichting sheet)."""

PROJECT_NOTES: dict[str, str] = {
    "ID": "Het ID van het project uit de inventaris (leeg als de inventaris er geen had).",
    "Naam": "De naam van het project.",
    "Omschrijving": "De omschrijving van het project.",
    "Domein": "Domein of beleidsterrein (vrije tekst).",
    "Gebied": "Wijk, kern of gebied.",
    "Sectie": "De tussenkop (bijvoorbeeld WONEN) waaronder het project in de inventaris stond.",
    PHASES: "De fasen (MOVISIE Schema 3) waarin het project zit: Visie, Beleid en/of Uitvoering; "
    "Onbekend als er geen herkenbare fase is opgegeven.",
    "Uitleg fasen": "Hoe de fasen uit de inventaris zijn afgeleid: de oorspronkelijke waarde, de "
    "regel (exact, synoniem, handmatig toegewezen) en de kolom.",
    ELEMENTS: "De MOVISIE-elementen A–D waarmee het project werkt (alleen geaccepteerde); Onbepaald "
    "als er geen is.",
    "Uitleg elementen": "Hoe de elementen zijn afgeleid (kolom, markering of geaccepteerde suggestie).",
    **{
        _phase_role(p): f"De rol van de gemeente in de fase {p.label}: "
        f"{', '.join(r.label for r in voc.ROLES)}. Leeg of Onbekend: geen rol "
        "opgegeven; een niet-herkende waarde staat er zoals hij gelezen is."
        for p in voc.PHASES
    },
    **{
        _phase_role_explained(p): f"Waar de rol in de fase {p.label} vandaan komt: een rol per fase, "
        "de rol op een rij met deze fase, of de rol van het hele project."
        for p in voc.PHASES
    },
    **{
        explain.COVERAGE_COLUMN.format(element=e.code): f"Element {e.code} ({e.name}): wat de inventaris ervan "
        f"laat zien — aanwezig, ontbreekt, onbekend of n.v.t. {voc.READINGS['element_coverage'].note}"
        for e in voc.ELEMENTS
    },
    explain.COVERAGE_EXPLAINED: "Per element A–D de reden van de dekking, in woorden.",
    "Interne/externe regie": "Interne regie, externe regie of beide (RIVM).",
    "Taaksoort": "Soort gemeentelijke taak (MOVISIE Schema 1); een taak kan van meer soorten tegelijk zijn.",
    "Overheidsrol": "De overheidsrol(len) zoals de inventaris ze noemt (Kaag en Braassem, uit haar "
    "Omgevingsvisie); nooit afgeleid uit de rol.",
    "Afdelingen": "Afdelingen of portefeuillehouders binnen de gemeente die betrokken zijn (interne regie).",
    "Gedeelde visie": "Of de visie met de partners gedeeld is: ja, deels of nee (element A).",
    **{voc.FIELD_LABELS[f]: f"Antwoord op de beslisboom van Kaag en Braassem: {voc.FIELD_LABELS[f].lower()} "
       "(ja, deels of nee)." for f in (*voc.DECISION_FIELDS, "nabijheid")},
    "Vorm": "De gekozen vorm om de taak in regie onder te brengen (Kaag en Braassem, stap 2).",
    "Beleidskader": "Eigen script of script van een ander (Pröpper).",
    "Doorzettingsmacht": "Groot, beperkt of afwezig (Pröpper).",
    "Trekker": "De trekker of projectleider (persoonsgegeven).",
    "Start": "Startdatum.",
    "Eind": "Einddatum.",
    "Budget": "Budget in euro.",
    PARTNER_NAMES: "De partners van het project, ter informatie; de koppelingen zelf staan op het "
    "blad Betrokkenheid.",
    SOURCE: "Blad en rij(en) van de oorspronkelijke inventaris.",
}
"""What each generated column of the Projecten sheet means (for the Toelichting sheet)."""

DERIVED_COLUMNS: frozenset[str] = frozenset(
    {"Uitleg fasen", "Uitleg elementen", PARTNER_NAMES, SOURCE, *COVERAGE_HEADERS}
    | {_phase_role_explained(p) for p in voc.PHASES}
)
"""Columns computed by this export: not copied again from the extra columns of a re-imported export."""

PARTNER_COLUMNS: dict[str, str] = {
    "Naam": "De naam van de partner (of, met Namen verbergen, het soort en een nummer).",
    "Type": "Soort organisatie (woningcorporatie, zorgaanbieder…); Onbekend als het niet bekend is.",
    "Uitleg type": "Het type zoals het in de inventaris stond.",
    "Werkgebied": "Lokaal, regionaal of landelijk.",
    "Contactpersoon": "Contactpersoon (persoonsgegeven; leeg met Namen verbergen).",
    SOURCE: "Waar de partner vandaan komt: het partnersblad (blad en rij), of alleen genoemd bij "
    "projecten of betrokkenheid.",
}
INVOLVEMENT_COLUMNS: dict[str, str] = {
    "Project ID": "Het ID van het project (leeg als de inventaris er geen had; dan telt de naam).",
    "Projectnaam": "De naam van het project.",
    "Partner": "De naam van de partner.",
    "Fase": "De fase waarin de partner betrokken is (leeg: niet opgegeven).",
    "Rol partner": "De eigen rol van de partner: trekker, uitvoerder, financier, adviseur of deelnemer.",
    "Invloed": "Invloed van de partner, 1–5.",
    "Belang": "Belang van de partner, 1–5.",
    SOURCE: "Waar de koppeling vandaan komt: het blad Betrokkenheid (blad en rij) of de "
    "partnerskolom van de projecten.",
}
TEAM_COLUMNS: dict[str, str] = {
    "Naam": "Teamlid (persoonsgegeven; met Namen verbergen: Teamlid en een nummer).",
    "Vaardigheid": "Een regievaardigheid uit MOVISIE's Schema 3.",
    "Niveau": "Niveau 1–5 (leeg: de vaardigheid is er, zonder niveau).",
}

_HEADER_FONT = Font(bold=True, color="FFFFFF")
_HEADER_FILL = PatternFill("solid", fgColor="0072B2")
_WRAP = Alignment(wrap_text=True, vertical="top")


@dataclass(frozen=True)
class _Table:
    """One sheet's table: headers and rows of Python values, with column widths."""

    headers: list[str]
    rows: list[list[object]]
    widths: dict[str, float]


# --------------------------------------------------------------------------------------------
# Cell values
# --------------------------------------------------------------------------------------------

_INT_TEXT = re.compile(r"-?[1-9]\d{0,14}|0")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_ISO_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(?:\.\d+)?")


def typed(text: object) -> object:
    """A cell kept as text by the reader (``cell_text``) back as the value it was written from.

    Only the exact forms the reader produces are converted: ``12`` → 12, ``1.5`` → 1.5,
    ``2026-01-15`` → a date, ``WAAR``/``ONWAAR`` → True/False; ``012`` or ``1,5`` stay text.
    """
    if not isinstance(text, str):
        return text
    if _INT_TEXT.fullmatch(text):
        return int(text)
    if text in ("WAAR", "ONWAAR"):
        return text == "WAAR"
    if _ISO_DATE.fullmatch(text):
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            return text
    if _ISO_DATETIME.fullmatch(text):
        try:
            return dt.datetime.fromisoformat(text)
        except ValueError:
            return text
    try:
        number = float(text)
    except ValueError:
        return text
    return number if math.isfinite(number) and repr(number) == text else text


_missing = sheetxml.missing


def _cell(sheet: WriteOnlyWorksheet, value: object) -> object:
    """A value for ``sheet.append`` as :func:`regie.export.sheetxml.classify` says: text safe from
    formulas, dates formatted, NaN empty."""
    kind = sheetxml.classify(value)
    if kind is None:
        return None
    what, payload = kind
    if what in ("text", "number", "bool"):
        return payload
    cell = WriteOnlyCell(sheet, value=payload)
    if what == "quoted":
        cell.data_type = "s"
        cell.quotePrefix = True
    else:
        cell.number_format = DATE_FORMAT if what == "date" else DATETIME_FORMAT
    return cell


def _text(value: object) -> str:
    return "" if _missing(value) else str(value)


# --------------------------------------------------------------------------------------------
# Tables
# --------------------------------------------------------------------------------------------


def _role_cells(inv: Inventory, phase: str) -> pd.Series:
    """Per project key, the roles in ``phase`` as the reader reads them back.

    Known roles by their label; ``onbekend`` with the value as it was read (so it is unknown again)
    or nothing when no role was given (the project's phase makes it ``onbekend`` again).
    """
    roles = inv.roles[inv.roles["phase"] == phase]
    if roles.empty:
        return pd.Series(dtype=object)
    order = {r: i for i, r in enumerate((*voc.ROLE_CODES, voc.UNKNOWN))}
    roles = roles.assign(_o=roles["role"].map(order)).sort_values(["project", "_o"], kind="stable")
    texts = [
        voc.role_label(role) if role != voc.UNKNOWN else _text(original).strip()
        for role, original in zip(roles["role"], roles["original"], strict=True)
    ]
    roles = roles.assign(_text=texts)
    roles = roles[roles["_text"] != ""]
    return roles.groupby("project", sort=False)["_text"].agg(
        lambda s: explain.LIST_SEPARATOR.join(dict.fromkeys(s))
    )


def _free_header(header: str, taken: set[str]) -> str:
    """``header`` renamed when the reader would take it for a field or it is already used."""
    name = header
    if match_header(name, "projects") is not None or name.casefold() in taken:
        name = UNUSED_PREFIX + header
    n = 2
    while name.casefold() in taken or match_header(name, "projects") is not None:
        name = f"{UNUSED_PREFIX}{header} {n}"
        n += 1
    taken.add(name.casefold())
    return name


def projects_table(inv: Inventory) -> _Table:
    """The Projecten sheet: generated columns, then the inventory's extra columns."""
    projects = inv.projects
    keys = projects["project"]
    shown = explain.project_table(inv, coverage=elements.coverage(inv))
    columns: dict[str, list[object]] = {
        "ID": [None if generated else typed(_text(v)) for v, generated in
               zip(projects["id"], projects["id_generated"], strict=True)],
        "Naam": projects["naam"].tolist(),
        "Omschrijving": projects["omschrijving"].tolist(),
        "Domein": projects["domein"].tolist(),
        "Gebied": projects["gebied"].tolist(),
    }
    if projects["sectie"].notna().any():
        columns["Sectie"] = projects["sectie"].tolist()
    columns[PHASES] = shown["Fasen"].tolist()
    columns["Uitleg fasen"] = shown["Uitleg fasen"].tolist()
    columns[ELEMENTS] = shown["Elementen"].tolist()
    columns["Uitleg elementen"] = shown["Uitleg elementen"].tolist()
    for phase in voc.PHASES:
        columns[_phase_role(phase)] = keys.map(_role_cells(inv, phase.code)).tolist()
        columns[_phase_role_explained(phase)] = shown[_phase_role_explained(phase)].tolist()
    for header in COVERAGE_HEADERS:
        columns[header] = [v or None for v in shown[header]]
    for header in ("Interne/externe regie", "Taaksoort", "Overheidsrol", "Beleidskader", "Doorzettingsmacht",
                   "Afdelingen", "Gedeelde visie", *TREE_HEADERS):
        columns[header] = [v or None for v in shown[header]]
    columns["Trekker"] = projects["trekker"].tolist()
    columns["Start"] = projects["start"].tolist()
    columns["Eind"] = projects["eind"].tolist()
    columns["Budget"] = projects["budget"].tolist()
    columns[PARTNER_NAMES] = [v or None for v in shown["Partners"]]
    columns[SOURCE] = shown["Bron"].tolist()

    taken = {h.casefold() for h in columns}
    extra = inv.extra.drop_duplicates("project").set_index("project") if len(inv.extra.columns) > 1 else None
    if extra is not None:
        for header in extra.columns:
            if str(header) in DERIVED_COLUMNS:
                continue
            name = _free_header(str(header), taken)
            columns[name] = [typed(v) if v != "" else None for v in keys.map(extra[header])]
    headers = list(columns)
    rows = [list(values) for values in zip(*columns.values(), strict=True)] if len(projects) else []
    widths = {h: 40.0 for h in headers if h.startswith("Uitleg") or h in ("Omschrijving", "Naam")}
    return _Table(headers, rows, widths)


def partners_table(inv: Inventory) -> _Table:
    """The Partners sheet: every partner with its canonical type and the type as read."""
    partners = inv.partners
    rows = [
        [
            naam,
            voc.partner_type_label(type_code),
            type_original,
            _choice_label(voc.WERKGEBIEDEN, werkgebied),
            contact,
            f"{sheet}, rij {row}" if source == "partners" else _mentioned(source),
        ]
        for naam, type_code, type_original, werkgebied, contact, source, sheet, row in zip(
            partners["naam"], partners["type"], partners["type_original"], partners["werkgebied"],
            partners["contact"], partners["source"], partners["sheet"], partners["row"], strict=True,
        )
    ]
    return _Table(list(PARTNER_COLUMNS), rows, {"Naam": 36.0, "Uitleg type": 28.0, SOURCE: 30.0})


def _mentioned(source: object) -> str:
    where = {"projecten": "de partnerskolom van de projecten", "betrokkenheid": "het blad Betrokkenheid"}
    return f"alleen genoemd in {where.get(_text(source), _text(source))}"


def _choice_label(choices: Sequence[voc.Choice], code: object) -> str | None:
    for choice in choices:
        if choice.code == code:
            return choice.label
    return None if _missing(code) else str(code)


def involvements_table(inv: Inventory) -> _Table:
    """The Betrokkenheid sheet: every link, with the project by ID (or name) and the partner by name."""
    links = inv.involvements
    projects = inv.projects.drop_duplicates("project").set_index("project")
    own_id = projects["id"].where(~projects["id_generated"].astype(bool), None)
    project_ids = links["project"].map(own_id)
    names = links["project"].map(projects["naam"])
    partner_names = links["partner"].map(inv.partners.drop_duplicates("partner").set_index("partner")["naam"])
    partner_names = partner_names.where(partner_names.notna(), links["partner"])
    phase_labels = {code: voc.phase_label(code) for code in voc.PHASE_CODES}
    role_labels = {c.code: c.label for c in voc.PARTNER_ROLES}
    sources = [
        f"{sheet}, rij {row}" if source == "betrokkenheid" else _mentioned(source)
        for source, sheet, row in zip(links["source"], links["sheet"], links["row"], strict=True)
    ]
    rows = [
        [None if _missing(pid) else typed(_text(pid)), naam, partner, phase_labels.get(fase),
         role_labels.get(rol, None if _missing(rol) else rol), invloed, belang, source]
        for pid, naam, partner, fase, rol, invloed, belang, source in zip(
            project_ids, names, partner_names, links["fase"], links["rol"], links["invloed"], links["belang"],
            sources, strict=True,
        )
    ]
    return _Table(list(INVOLVEMENT_COLUMNS), rows, {"Projectnaam": 36.0, "Partner": 36.0, SOURCE: 30.0})


def team_table(inv: Inventory) -> _Table:
    """The Team sheet: one row per person and skill."""
    rows = [
        [naam, skill, niveau]
        for naam, skill, niveau in zip(inv.team["naam"], inv.team["vaardigheid"], inv.team["niveau"], strict=True)
    ]
    return _Table(list(TEAM_COLUMNS), rows, {"Naam": 28.0, "Vaardigheid": 28.0})


def issues_sheet_table(inv: Inventory) -> _Table:
    """The Meldingen sheet: the validation report."""
    table = report.issues_table(inv)
    rows = [[None if _missing(v) else v for v in row] for row in table.itertuples(index=False, name=None)]
    return _Table(list(table.columns), rows, {"Melding": 90.0, "Waarde": 30.0, "Kolom": 20.0})


def notes_rows(
    inv: Inventory, filters: Filters, names_hidden: bool, project_headers: Iterable[str], has_team: bool,
    moment: dt.datetime,
) -> list[list[object]]:
    """The Toelichting sheet: what the file is, then per sheet and column what it means."""
    rows: list[list[object]] = [
        ["Verrijkte inventaris", f"Export van {inv.file}, gemaakt op {nl_datetime(moment)}."],
        ["Selectie", describe(filters)],
        ["Namen verborgen", "ja: partners en personen zijn vervangen door hun soort en een nummer"
         if names_hidden else "nee"],
        ["Opnieuw inlezen", "Dit bestand kan weer in Regierol per fase worden geladen en geeft dan "
         "dezelfde analyse. De bladen Meldingen en Toelichting worden dan overgeslagen (met een "
         "waarschuwing)."],
        [],
    ]
    rows += [["Bron", source.citation] for source in voc.SOURCES.values()]
    rows += [[voc.READING_MARKER if i == 0 else "", f"{r.name[:1].upper()}{r.name[1:]} ({r.based_on})."]
             for i, r in enumerate(voc.READINGS[c] for c in EXPORT_READINGS)]
    rows += [["Evaluatie als beleid", f"‘{value}’ ({count}×): {note}"]
             for value, count, note in mappings.phase_reading_notes(inv)]
    rows += [[], ["Blad", "Kolom", "Betekenis"]]
    for header in project_headers:
        meaning = PROJECT_NOTES.get(header)
        if meaning is None:
            meaning = (
                "Kolom uit de oorspronkelijke inventaris; de kopnaam betekende daar al een ander "
                "veld, dus is deze kolom niet gebruikt." if header.startswith(UNUSED_PREFIX)
                else "Kolom uit de oorspronkelijke inventaris, ongewijzigd overgenomen."
            )
        rows.append([SHEET_PROJECTS, header, meaning])
    for sheet, described in (
        (SHEET_PARTNERS, PARTNER_COLUMNS), (SHEET_INVOLVEMENTS, INVOLVEMENT_COLUMNS),
        *(((SHEET_TEAM, TEAM_COLUMNS),) if has_team else ()),
    ):
        rows.extend([sheet, header, meaning] for header, meaning in described.items())
    rows.extend([SHEET_ISSUES, header, meaning] for header, meaning in (
        ("Ernst", "Fout (rij afgewezen of probleem met het bestand) of Waarschuwing (rij gebruikt)."),
        ("Tabel", "Projecten, partners, betrokkenheid, team, of bestand."),
        ("Blad", "Het blad in de oorspronkelijke inventaris."),
        ("Rij", "Het rijnummer zoals Excel het toont."),
        ("Kolom", "De kolomkop zoals hij in het bestand stond."),
        ("Waarde", "De waarde in de cel (leeg bij persoonsgegevens)."),
        ("Melding", "Wat er aan de hand is en wat u kunt doen."),
    ))
    return rows


# --------------------------------------------------------------------------------------------
# Writing
# --------------------------------------------------------------------------------------------


@dataclass
class Book:
    """A write-only openpyxl workbook and the tables whose data rows it gets when it is saved
    (:mod:`regie.export.sheetxml` writes those rows; openpyxl everything else)."""

    workbook: openpyxl.Workbook
    tables: list[tuple[WriteOnlyWorksheet, _Table]]


def new_book() -> Book:
    """An empty workbook to add tables (:func:`write_frame`) and notes (:func:`write_notes`) to."""
    return Book(openpyxl.Workbook(write_only=True), [])


def _write_table(book: Book, title: str, table: _Table) -> None:
    sheet = book.workbook.create_sheet(title)
    sheet.freeze_panes = "A2"
    for index, header in enumerate(table.headers, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = table.widths.get(header, max(12.0, len(header) + 2.0))
    if table.headers:
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(table.headers))}{len(table.rows) + 1}"
    header_cells = []
    for header in table.headers:
        cell = _cell(sheet, header)
        if not isinstance(cell, Cell):
            cell = WriteOnlyCell(sheet, value=cell)
        cell.font = _HEADER_FONT
        cell.fill = _HEADER_FILL
        header_cells.append(cell)
    sheet.append(header_cells)
    book.tables.append((sheet, table))


def _styles(sheet: WriteOnlyWorksheet) -> sheetxml.CellStyles:
    """Register the data cells' styles in the workbook of ``sheet``; their ids."""
    def style(**attributes: object) -> int:
        cell = WriteOnlyCell(sheet)
        for name, value in attributes.items():
            setattr(cell, name, value)
        return int(cell.style_id)

    return sheetxml.CellStyles(
        quoted=style(quotePrefix=True), date=style(number_format=DATE_FORMAT),
        datetime=style(number_format=DATETIME_FORMAT), money=style(number_format=MONEY_FORMAT),
    )


def write_frame(book: Book, title: str, frame: pd.DataFrame, widths: dict[str, float] | None = None) -> None:
    """``frame`` as a sheet of ``book``: bold header, filter, frozen first row, text safe from
    formulas, dates as dates, NaN empty."""
    rows = [list(row) for row in frame.astype(object).itertuples(index=False, name=None)]
    _write_table(book, title, _Table([str(c) for c in frame.columns], rows, dict(widths or {})))


def book_bytes(book: Book, title: str) -> bytes:
    """Finish ``book``: its title and the app as creator, every table's rows; the .xlsx bytes."""
    workbook = book.workbook
    workbook.properties.title = xml_text(title)[:250]
    workbook.properties.creator = "Regierol per fase"
    styles = _styles(book.tables[0][0]) if book.tables else None
    buffer = io.BytesIO()
    workbook.save(buffer)
    if styles is None:
        return buffer.getvalue()
    parts = {
        sheet.path.lstrip("/"): sheetxml.rows_xml(
            table.rows, 2, styles, [i for i, h in enumerate(table.headers) if h == "Budget"])
        for sheet, table in book.tables
    }
    return sheetxml.splice(buffer.getvalue(), parts)


def write_notes(book: Book, rows: list[list[object]]) -> None:
    """The "Toelichting" sheet: rows of text, wrapped."""
    sheet = book.workbook.create_sheet(SHEET_NOTES)
    sheet.column_dimensions["A"].width = 22
    sheet.column_dimensions["B"].width = 34
    sheet.column_dimensions["C"].width = 100
    for row in rows:
        cells = []
        for value in row:
            cell = _cell(sheet, value)
            if not isinstance(cell, Cell):
                cell = WriteOnlyCell(sheet, value=cell)
            cell.alignment = _WRAP
            if row and row[0] in ("Blad", "Verrijkte inventaris"):
                cell.font = Font(bold=True)
            cells.append(cell)
        sheet.append(cells)


def workbook_bytes(
    inv: Inventory, filters: Filters | None = None, *, names_hidden: bool = False,
    moment: dt.datetime | None = None,
) -> bytes:
    """The enriched inventory as .xlsx bytes (see the module docstring)."""
    filters = filters or Filters()
    moment = moment or dt.datetime.now()
    book = new_book()
    projects = projects_table(inv)
    _write_table(book, SHEET_PROJECTS, projects)
    _write_table(book, SHEET_PARTNERS, partners_table(inv))
    _write_table(book, SHEET_INVOLVEMENTS, involvements_table(inv))
    if inv.has_team_table:
        _write_table(book, SHEET_TEAM, team_table(inv))
    _write_table(book, SHEET_ISSUES, issues_sheet_table(inv))
    write_notes(book, notes_rows(inv, filters, names_hidden, projects.headers, inv.has_team_table, moment))
    return book_bytes(book, f"Verrijkte inventaris {inv.file}")


def file_name(inv: Inventory, moment: dt.date | None = None) -> str:
    """A download name: ``<stem>-verrijkt-23-11-2026.xlsx``."""
    return export_name(inv.file, "verrijkt", "xlsx", moment)
