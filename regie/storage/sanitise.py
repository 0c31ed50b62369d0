"""A copy of an inventory file without personal data, for storing when the user did not opt in.

The copy is a new workbook written from the cells as read, holding only the tables the app read:

* per table, the rows from its header down to its last data row, in their original places (so the
  copy maps exactly like the original, row numbers included); title rows above a table and every
  sheet that is not read as a table are left out (the sheet stays, empty, in its place);
* without the cells of every personal-data column (``vocabulary.PERSONAL_FIELDS``: trekker,
  contactpersoon) and of extra columns whose header names personal data (a second "Projectleider",
  "Telefoon", "E-mailadres");
* with team member names replaced by "Teamlid 1", "Teamlid 2"... (one per person, so the team
  counts stay);
* and nothing else: no formulas (their values stay), hyperlinks, comments, data-validation lists,
  defined names, headers and footers, document properties or macros, whatever they held.

Workbooks of every kind become xlsx (written with xlsxwriter); CSV stays CSV (UTF-8), with the
records outside the table blanked.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import io
import logging
import re
from dataclasses import dataclass, field
from typing import Any

import xlsxwriter
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from regie import vocabulary as voc
from regie.errors import RegieError
from regie.formatting import nl_int
from regie.model import RawTable, RawWorkbook
from regie.normalise import cell_text, is_empty_text, norm
from regie.reading import guard, read_workbook
from regie.reading.columns import is_personal_header
from regie.reading.sheets import RawSheet, decode_text, read_workbook_sheets, sniff_delimiter

log = logging.getLogger(__name__)

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
    outside_cells: int = 0
    """Filled cells of read sheets outside their table (titles, notes above or below it)."""

    @property
    def anything(self) -> bool:
        """True when something was removed."""
        return bool(self.columns or self.sheets or self.team_names or self.outside_cells)

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
        if self.outside_cells:
            parts.append(f"{nl_int(self.outside_cells)} gevulde cellen buiten de tabellen (zoals titels en "
                         "notities) weggelaten")
        if not parts:
            return "Er stonden geen persoonsgegevens in de gelezen kolommen."
        return "Persoonsgegevens niet opgeslagen: " + "; ".join(parts) + "."


@dataclass
class _Plan:
    """Cell edits per sheet: (excel row, 0-based column) → new value (None blanks)."""

    edits: dict[str, dict[tuple[int, int], object]] = field(default_factory=dict)
    regions: dict[str, tuple[int, int]] = field(default_factory=dict)
    """Per read sheet, the Excel rows of its table (header to last data row): all that is copied."""
    clear: list[str] = field(default_factory=list)
    removed: Removed = field(default_factory=Removed)

    def set(self, sheet: str, row: int, col: int, value: object) -> None:
        self.edits.setdefault(sheet, {})[(row, col)] = value


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
        return _workbook_copy(data, file_name, raw, plan), plan.removed
    except RegieError:
        raise
    except Exception as exc:
        log.exception("no copy without personal data could be written (%s file)", raw.kind)
        raise RegieError(
            f"Van '{file_name}' kon geen kopie zonder persoonsgegevens worden gemaakt. Sla het bestand op als "
            ".xlsx en probeer het opnieuw, of kies bij het opslaan voor het bewaren van persoonsgegevens."
        ) from exc


def _plan(raw: RawWorkbook) -> _Plan:
    plan = _Plan()
    read_sheets = {t.sheet for t in raw.tables}
    for table in raw.tables:
        _plan_personal_columns(plan, table)
        plan.regions[table.sheet] = _region(table)
    aliases: dict[str, str] = {}
    for table in raw.of("team"):
        _plan_team_names(plan, table, aliases)
    plan.removed.team_names = len(aliases)
    if raw.kind != "csv":
        plan.clear = [name for name in raw.sheet_names if name not in read_sheets]
        plan.removed.sheets = list(plan.clear)
    return plan


def _region(table: RawTable) -> tuple[int, int]:
    """First and last Excel row of a table: its header down to its last data row."""
    rows = table.frame["row"].astype(int)
    first = table.header_rows[0] if table.header_rows else (int(rows.min()) if len(rows) else 1)
    last = int(rows.max()) if len(rows) else (table.header_rows[1] if table.header_rows else first)
    return first, last


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

_FORBIDDEN_IN_SHEET_NAME = re.compile(r"[\[\]:*?/\\]")


def _sheet_title(name: str, used: set[str]) -> str:
    """A sheet name Excel accepts (31 characters, none of []:*?/\\), unique in the workbook."""
    title = _FORBIDDEN_IN_SHEET_NAME.sub("_", name).strip("'")[:31] or "Blad"
    base, n = title, 2
    while title.lower() in used:
        suffix = f" ({n})"
        title = base[: 31 - len(suffix)] + suffix
        n += 1
    used.add(title.lower())
    return title


def _workbook_copy(data: bytes, file_name: str, raw: RawWorkbook, plan: _Plan) -> bytes:
    """A new xlsx with the read tables' cells (personal data removed), unread sheets empty."""
    sniffed = guard.sniff(data, file_name)
    sheets = read_workbook_sheets(data, sniffed.kind, file_name)
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {
        "in_memory": True, "strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False,
        "nan_inf_to_errors": True, "default_date_format": "d-m-yyyy",
    })
    date_time = book.add_format({"num_format": "d-m-yyyy h:mm"})
    used: set[str] = set()
    first_visible: Any = None
    hidden: list[Any] = []
    for sheet in sheets:
        target = book.add_worksheet(_sheet_title(sheet.name, used))
        if sheet.visible and first_visible is None:
            first_visible = target
        elif not sheet.visible:
            hidden.append(target)
        region = plan.regions.get(sheet.name)
        if region is None:
            continue
        _write_region(target, sheet, region, plan.edits.get(sheet.name, {}), date_time, plan.removed)
    if not sheets:
        first_visible = book.add_worksheet("Blad1")
    if first_visible is not None:
        first_visible.activate()
        for target in hidden:
            target.hide()
    book.close()
    return buffer.getvalue()


def _write_region(
    target: Any, sheet: RawSheet, region: tuple[int, int], edits: dict[tuple[int, int], object],
    date_time: Any, removed: Removed,
) -> None:
    r0, c0 = sheet.origin
    first, last = region
    outside = 0
    for i, values in enumerate(sheet.grid):
        row = r0 + i + 1
        inside = first <= row <= last
        for j, value in enumerate(values):
            if value is None or value == "":
                continue
            if not inside:
                outside += 1
                continue
            col = c0 + j
            if (row, col) in edits:
                value = edits[(row, col)]
                if value is None:
                    continue
            _write_cell(target, row - 1, col, value, date_time)
    for m_r0, m_c0, m_r1, m_c1 in sheet.merges:
        if (m_r0, m_c0) != (m_r1, m_c1) and first <= m_r0 + 1 and m_r1 + 1 <= last:
            value = _cell_at(sheet, m_r0, m_c0)
            value = edits.get((m_r0 + 1, m_c0), value) if (m_r0 + 1, m_c0) in edits else value
            with contextlib.suppress(Exception):  # an overlapping range: the cells stay unmerged
                target.merge_range(m_r0, m_c0, m_r1, m_c1, None)
                _write_cell(target, m_r0, m_c0, value, date_time)
    if outside:
        removed.outside_cells += outside


def _cell_at(sheet: RawSheet, row: int, col: int) -> object:
    i, j = row - sheet.origin[0], col - sheet.origin[1]
    if 0 <= i < len(sheet.grid) and 0 <= j < len(sheet.grid[i]):
        return sheet.grid[i][j]
    return None


def _write_cell(target: Any, row: int, col: int, value: object, date_time: Any) -> None:
    if value is None or value == "":
        target.write_blank(row, col, None)
    elif isinstance(value, bool):
        target.write_boolean(row, col, value)
    elif isinstance(value, int | float):
        target.write_number(row, col, value)
    elif isinstance(value, dt.datetime):
        target.write_datetime(row, col, value, date_time if value.time() != dt.time() else None)
    elif isinstance(value, dt.date | dt.time | dt.timedelta):
        target.write_datetime(row, col, value)
    else:
        target.write_string(row, col, ILLEGAL_CHARACTERS_RE.sub("", str(value)))


# --------------------------------------------------------------------------------------------
# CSV
# --------------------------------------------------------------------------------------------


def _csv_copy(data: bytes, plan: _Plan) -> bytes:
    text = decode_text(data)
    delimiter = sniff_delimiter(text)
    records = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    for first, last in plan.regions.values():  # one sheet: the file; records outside the table go
        for number, record in enumerate(records, start=1):
            if not first <= number <= last and any(v.strip() for v in record):
                plan.removed.outside_cells += sum(1 for v in record if v.strip())
                records[number - 1] = [""] * len(record)
    for edits in plan.edits.values():
        for (row, col), value in edits.items():
            if 0 < row <= len(records) and col < len(records[row - 1]):
                records[row - 1][col] = "" if value is None else str(value)
    out = io.StringIO(newline="")
    csv.writer(out, delimiter=delimiter, lineterminator="\r\n").writerows(records)
    return ("\ufeff" + out.getvalue()).encode("utf-8")
