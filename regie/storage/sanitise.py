"""A copy of an inventory file without personal data, for storing when the user did not opt in.

What goes (INVENTORY.md marks trekker and contact as personal data):

* the cells of every personal-data column (``vocabulary.PERSONAL_FIELDS``: trekker, contactpersoon)
  in the data rows of the tables, and of extra columns whose header names personal data (a second
  "Projectleider", "Telefoon", "E-mailadres");
* team member names, replaced by "Teamlid 1", "Teamlid 2"... (one per person, so the team counts stay);
* every sheet that is not read as a table (it may hold anything: a contact list, notes), cleared;
* cell comments and the document's author fields.

The header rows stay, so the copy maps like the original; only the personal values are gone. Excel
workbooks (xlsx, xlsm) are edited with openpyxl (formulas become their cached values, macros are
dropped); xls, xlsb and ods are rebuilt as xlsx from the cells as read; CSV stays CSV (UTF-8).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable
from dataclasses import dataclass, field

import openpyxl
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, MergedCell
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from regie import vocabulary as voc
from regie.errors import RegieError
from regie.model import RawTable, RawWorkbook
from regie.normalise import cell_text, is_empty_text, norm, norm_header
from regie.reading import guard, read_workbook
from regie.reading.sheets import decode_text, read_workbook_sheets, sniff_delimiter

_PERSONAL_HEADERS: frozenset[str] = frozenset(
    norm_header(header)
    for columns in voc.COLUMNS.values()
    for name, headers in columns.items()
    if name in voc.PERSONAL_FIELDS
    for header in headers
)
"""Normalised headers of the personal-data fields (a duplicate of one is kept as an extra column)."""
_PERSONAL_STEMS: tuple[str, ...] = ("contact", "mail", "telefoon", "mobiel", "trekker", "projectleider")
"""Parts of extra-column headers that name personal data ("E-mailadres", "Telefoon trekker")."""

TEAM_ALIAS = "Teamlid"


@dataclass
class Removed:
    """What :func:`strip_personal_data` took out, for the user."""

    columns: list[tuple[str, str]] = field(default_factory=list)
    """(sheet, header) of each column whose values were removed."""
    sheets: list[str] = field(default_factory=list)
    """Sheets that were cleared because they are not read as a table."""
    team_names: int = 0
    """Team members whose name was replaced by "Teamlid n"."""

    @property
    def anything(self) -> bool:
        """True when something was removed."""
        return bool(self.columns or self.sheets or self.team_names)

    def describe(self) -> str:
        """One Dutch sentence (user text inside quotes; show it as plain text)."""
        parts = []
        if self.columns:
            parts.append("kolommen " + ", ".join(f"'{h}' (blad '{s}')" for s, h in self.columns) + " leeggemaakt")
        if self.team_names:
            parts.append(f"{self.team_names} namen van teamleden vervangen door '{TEAM_ALIAS} 1', "
                         f"'{TEAM_ALIAS} 2' enzovoort")
        if self.sheets:
            parts.append("niet gelezen bladen " + ", ".join(f"'{s}'" for s in self.sheets) + " leeggemaakt")
        if not parts:
            return "Er stonden geen persoonsgegevens in de gelezen kolommen."
        return "Persoonsgegevens niet opgeslagen: " + "; ".join(parts) + "."


@dataclass
class _Plan:
    """Cell edits per sheet: (excel row, 0-based column) → new value (None blanks)."""

    edits: dict[str, dict[tuple[int, int], object]] = field(default_factory=dict)
    clear: list[str] = field(default_factory=list)
    removed: Removed = field(default_factory=Removed)

    def set(self, sheet: str, row: int, col: int, value: object) -> None:
        self.edits.setdefault(sheet, {})[(row, col)] = value


def is_personal_header(header: str) -> bool:
    """True when an extra column's header names personal data."""
    key = norm_header(header)
    return key in _PERSONAL_HEADERS or any(stem in key for stem in _PERSONAL_STEMS)


def strip_personal_data(data: bytes, file_name: str, raw: RawWorkbook | None = None) -> tuple[bytes, Removed]:
    """The file without personal data (see the module docstring) and what was removed.

    ``raw`` is the file as read (read again when not given). Raises :class:`RegieError` when no
    clean copy can be written.
    """
    raw = raw or read_workbook(data, file_name)
    plan = _plan(raw)
    try:
        if raw.kind == "csv":
            return _csv_copy(data, plan), plan.removed
        if raw.kind in ("xlsx", "xlsm"):
            workbook = openpyxl.load_workbook(io.BytesIO(data), data_only=True, keep_vba=False, keep_links=False)
        else:
            workbook = _rebuild(data, file_name)
        return _workbook_copy(workbook, plan), plan.removed
    except RegieError:
        raise
    except Exception as exc:
        raise RegieError(
            f"Van '{file_name}' kon geen kopie zonder persoonsgegevens worden gemaakt. Sla het bestand op als "
            ".xlsx en probeer het opnieuw, of kies bij het opslaan voor het bewaren van persoonsgegevens."
        ) from exc


def _plan(raw: RawWorkbook) -> _Plan:
    plan = _Plan()
    read_sheets = {t.sheet for t in raw.tables}
    for table in raw.tables:
        _plan_personal_columns(plan, table)
    aliases: dict[str, str] = {}
    for table in raw.of("team"):
        _plan_team_names(plan, table, aliases)
    plan.removed.team_names = len(aliases)
    if raw.kind != "csv":
        plan.clear = [name for name in raw.sheet_names if name not in read_sheets]
        plan.removed.sheets = list(plan.clear)
    return plan


def _plan_personal_columns(plan: _Plan, table: RawTable) -> None:
    rows = table.frame["row"].astype(int).tolist()
    for column in table.columns:
        personal = column.field in voc.PERSONAL_FIELDS if column.kind == "field" else False
        if not personal and column.field is None:
            personal = is_personal_header(column.header)
        if not personal:
            continue
        cells = table.col(column)
        filled = [row for row, value in zip(rows, cells, strict=True) if not _blank(value)]
        for row in rows:
            plan.set(table.sheet, row, column.index, None)
        if filled:
            plan.removed.columns.append((table.sheet, column.header))


def _plan_team_names(plan: _Plan, table: RawTable, aliases: dict[str, str]) -> None:
    names = [c for c in table.columns if c.kind == "field" and c.field == "naam"]
    if not names:
        return
    column = names[0]
    for row, value in zip(table.frame["row"].astype(int), table.col(column), strict=True):
        text = value.strip() if isinstance(value, str) else cell_text(value).strip()
        if is_empty_text(text):
            continue
        key = norm(text)
        alias = aliases.setdefault(key, f"{TEAM_ALIAS} {len(aliases) + 1}")
        plan.set(table.sheet, int(row), column.index, alias)


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


# --------------------------------------------------------------------------------------------
# Workbooks
# --------------------------------------------------------------------------------------------


def _workbook_copy(workbook: Workbook, plan: _Plan) -> bytes:
    for name in plan.clear:
        if name in workbook.sheetnames:
            _clear_sheet(workbook, workbook[name])
    for sheet_name, edits in plan.edits.items():
        if sheet_name not in workbook.sheetnames:
            continue
        sheet = workbook[sheet_name]
        merged = _merge_lookup(sheet, edits)
        for (row, col), value in edits.items():
            target_row, target_col = merged.get((row, col + 1), (row, col + 1))
            cell = sheet.cell(row=target_row, column=target_col)
            if isinstance(cell, MergedCell):
                continue
            _assign(cell, value)
    for sheet in workbook.worksheets:
        for cell in list(sheet._cells.values()):  # only the cells that exist (iter_rows would fill the range)
            if cell.comment is not None:
                cell.comment = None
    props = workbook.properties
    props.creator = None
    props.lastModifiedBy = None
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _clear_sheet(workbook: Workbook, sheet: Worksheet) -> None:
    """Replace a sheet by an empty one with the same name, place and visibility."""
    index = workbook.index(sheet)
    title, state = sheet.title, sheet.sheet_state
    workbook.remove(sheet)
    fresh = workbook.create_sheet(title, index)
    fresh.sheet_state = state


def _merge_lookup(sheet: Worksheet, cells: Iterable[tuple[int, int]]) -> dict[tuple[int, int], tuple[int, int]]:
    """For edited cells (row, 0-based column) inside a merged range: (row, 1-based column) → top-left."""
    columns = {col + 1 for _row, col in cells}
    lookup: dict[tuple[int, int], tuple[int, int]] = {}
    for merged in sheet.merged_cells.ranges:
        hit = [c for c in columns if merged.min_col <= c <= merged.max_col]
        for col in hit:
            for row in range(merged.min_row, merged.max_row + 1):
                lookup[(row, col)] = (merged.min_row, merged.min_col)
    return lookup


def _assign(cell: object, value: object) -> None:
    if isinstance(value, str):
        value = ILLEGAL_CHARACTERS_RE.sub("", value)
    cell.value = value  # type: ignore[attr-defined]
    if isinstance(value, str):
        cell.data_type = "s"  # type: ignore[attr-defined]  # text such as "=x" stays text


def _rebuild(data: bytes, file_name: str) -> Workbook:
    """xls, xlsb, ods: a new xlsx workbook with the same sheets, cells (values), merges and visibility."""
    sniffed = guard.sniff(data, file_name)
    sheets = read_workbook_sheets(data, sniffed.kind, file_name, sniffed.members.get("content.xml"), sniffed.isolate)
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for raw in sheets:
        sheet = workbook.create_sheet(raw.name)
        r0, c0 = raw.origin
        for i, values in enumerate(raw.grid):
            for j, value in enumerate(values):
                if value is None or value == "":
                    continue
                cell = sheet.cell(row=r0 + i + 1, column=c0 + j + 1)
                _assign(cell, value)
                if isinstance(value, dt.datetime) and value.time() != dt.time():
                    cell.number_format = "d-m-yyyy h:mm"
                elif isinstance(value, dt.date):
                    cell.number_format = "d-m-yyyy"
        for first_row, first_col, last_row, last_col in raw.merges:
            if (first_row, first_col) != (last_row, last_col):
                sheet.merge_cells(start_row=first_row + 1, start_column=first_col + 1,
                                  end_row=last_row + 1, end_column=last_col + 1)
        if not raw.visible:
            sheet.sheet_state = "hidden"
    if not workbook.worksheets:
        workbook.create_sheet("Blad1")
    return workbook


# --------------------------------------------------------------------------------------------
# CSV
# --------------------------------------------------------------------------------------------


def _csv_copy(data: bytes, plan: _Plan) -> bytes:
    text = decode_text(data)
    if text.startswith("\ufeff"):
        text = text[1:]
    delimiter = sniff_delimiter(text)
    records = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    for edits in plan.edits.values():  # one sheet: the file
        for (row, col), value in edits.items():
            record = records[row - 1] if 0 < row <= len(records) else None
            if record is not None and col < len(record):
                record[col] = "" if value is None else str(value)
    out = io.StringIO(newline="")
    csv.writer(out, delimiter=delimiter, lineterminator="\r\n").writerows(records)
    return ("\ufeff" + out.getvalue()).encode("utf-8")
