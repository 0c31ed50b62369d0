"""Reading: file bytes → located tables (:class:`~regie.model.RawWorkbook`).

``read_workbook(source, filename=None)`` accepts a path or the bytes of an upload, decides the kind
by content, runs the safety checks of :mod:`regie.reading.guard`, reads every sheet and locates the
projects, partners, involvement and team tables (docs/inventaris.md). It raises an
:class:`~regie.errors.UnreadableFileError` subclass when the file cannot be read at all.
"""

from __future__ import annotations

import os
from pathlib import Path

from regie import gcpause
from regie import vocabulary as voc
from regie.errors import (
    EmptyWorkbookError,
    FileTooLargeError,
    NoProjectsTableError,
    NotASpreadsheetError,
)
from regie.formatting import nl_int
from regie.model import SEVERITY_ERROR, SEVERITY_WARNING, Issue, RawTable, RawWorkbook
from regie.normalise import norm
from regie.reading import guard
from regie.reading.columns import classify_sheet
from regie.reading.layout import extract_table
from regie.reading.sheets import RawSheet, read_csv_sheet, read_workbook_sheets

__all__ = ["load_bytes", "locate_tables", "read_workbook"]


def load_bytes(source: str | os.PathLike[str] | bytes, filename: str | None = None) -> tuple[bytes, str]:
    """The bytes and display name of a path or an upload, refusing files over the size limit."""
    if isinstance(source, bytes | bytearray | memoryview):
        data = bytes(source)
        name = filename or "upload"
    else:
        path = Path(source)
        name = filename or path.name
        try:
            size = path.stat().st_size
            if size > guard.MAX_FILE_BYTES:
                raise FileTooLargeError(
                    f"Het bestand '{name}' is {guard.mb(size)} groot; de grens is "
                    f"{guard.mb(guard.MAX_FILE_BYTES)}. Splits de inventaris in kleinere bestanden."
                )
            data = path.read_bytes()
        except FileNotFoundError as exc:
            raise NotASpreadsheetError(
                f"Het bestand '{source}' bestaat niet. Controleer de naam en de map."
            ) from exc
        except IsADirectoryError as exc:
            raise NotASpreadsheetError(
                f"'{source}' is een map, geen bestand. Geef het pad naar de inventaris zelf op."
            ) from exc
        except PermissionError as exc:
            raise NotASpreadsheetError(
                f"Het bestand '{source}' mag niet worden gelezen (geen toegang). Controleer de rechten."
            ) from exc
    guard.check_size(data, name)
    return data, name


def read_workbook(source: str | os.PathLike[str] | bytes, filename: str | None = None) -> RawWorkbook:
    """Read an inventory file (path or bytes) into located tables plus reading issues."""
    data, name = load_bytes(source, filename)
    sniffed = guard.sniff(data, name)
    with gcpause.paused():  # millions of acyclic cell values (regie.gcpause)
        if sniffed.kind == "csv":
            sheets = [read_csv_sheet(data, Path(name).stem or name, file_name=name)]
        else:
            sheets = read_workbook_sheets(data, sniffed.kind, name)
        return locate_tables(sheets, name, sniffed.kind)


def locate_tables(sheets: list[RawSheet], name: str, kind: str) -> RawWorkbook:
    """Assign sheets to tables (docs/inventaris.md, section 2) and extract each table."""
    non_empty = [s for s in sheets if not s.is_empty]
    if not non_empty:
        raise EmptyWorkbookError(
            f"Alle bladen in '{name}' zijn leeg. Vul het blad 'Projecten' met een kopregel "
            "(bijvoorbeeld Projectnaam, Fase, Rol) en een rij per project, of gebruik het sjabloon."
        )
    assigned: dict[int, str] = {}
    if kind == "csv":
        assigned[non_empty[0].order] = "projects"
    else:
        for sheet in non_empty:
            table = classify_sheet(sheet.name) if sheet.visible else None
            if table is not None:
                assigned[sheet.order] = table
        if "projects" not in assigned.values():
            loose = [s for s in non_empty if s.visible and s.order not in assigned]
            if len(loose) == 1:
                assigned[loose[0].order] = "projects"

    issues: list[Issue] = []
    tables: list[RawTable] = []
    for sheet in non_empty:
        table = assigned.get(sheet.order)
        if table is None:
            if norm(sheet.name) not in _NOTE_SHEETS:
                issues.append(_unread_sheet(sheet))
            continue
        found, table_issues = extract_table(sheet, table)
        issues.extend(table_issues)
        if found is None:
            issues.append(_no_header(sheet, table))
        else:
            tables.append(found)
    if not any(t.table == "projects" for t in tables):
        raise _no_projects(name, non_empty, assigned)
    return RawWorkbook(name, kind, tables, issues, [s.name for s in sheets])


_NOTE_SHEETS = frozenset(norm(name) for name in voc.NOTE_SHEETS)


def _unread_sheet(sheet: RawSheet) -> Issue:
    if not sheet.visible:
        message = (
            f"Blad '{sheet.name}' is verborgen en is daarom niet gelezen (verborgen bladen zijn "
            "meestal keuzelijsten). Maak het zichtbaar en geef het een herkenbare naam als het gegevens bevat."
        )
    else:
        names = ", ".join(voc.SHEET_NAMES["projects"][:1] + voc.SHEET_NAMES["partners"][:1]
                          + voc.SHEET_NAMES["involvements"][:1] + voc.SHEET_NAMES["team"][:1])
        message = (
            f"Blad '{sheet.name}' is niet gelezen: de naam past bij geen van de tabellen. Hernoem het "
            f"blad (bijvoorbeeld {names}) als het gegevens voor de inventaris bevat."
        )
    return Issue(SEVERITY_WARNING, None, sheet.name, None, None, None, message, -1, sheet.order)


def _no_header(sheet: RawSheet, table: str) -> Issue:
    name_headers = " of ".join(f"'{h}'" for h in _name_headers(table))
    return Issue(
        SEVERITY_ERROR, table, sheet.name, None, None, None,
        f"In blad '{sheet.name}' is geen kopregel gevonden: de eerste {nl_int(20)} gevulde rijen hebben "
        f"geen kolom {name_headers} naast een andere bekende kolom. Zet een kopregel boven de "
        "gegevens; het blad is nu niet meegeteld.",
        -1, sheet.order,
    )


def _name_headers(table: str) -> list[str]:
    fields = voc.NAME_FIELD[table]
    return [voc.COLUMNS[table][f][0] for f in fields] + (
        [voc.COLUMNS[table][fields[0]][1]] if len(voc.COLUMNS[table][fields[0]]) > 1 else []
    )


def _no_projects(name: str, sheets: list[RawSheet], assigned: dict[int, str]) -> NoProjectsTableError:
    project_sheets = [s.name for s in sheets if assigned.get(s.order) == "projects"]
    if project_sheets:
        listed = ", ".join(f"'{n}'" for n in project_sheets)
        return NoProjectsTableError(
            f"In '{name}' heeft het projectenblad ({listed}) geen herkenbare kopregel: er is geen "
            "kolom 'Projectnaam' (of 'Naam', 'Titel', 'Project') gevonden naast een andere bekende "
            "kolom zoals 'Fase' of 'Rol' in de eerste 20 gevulde rijen. Voeg die kopregel toe of "
            "gebruik het sjabloon."
        )
    listed = ", ".join(f"'{s.name}'" for s in sheets)
    return NoProjectsTableError(
        f"In '{name}' is geen blad met projecten gevonden (bladen: {listed}). Noem het blad met de "
        "projecten 'Projecten' (of 'Initiatieven', 'Taken', 'Opgaven', 'Inventaris') en probeer het opnieuw."
    )
