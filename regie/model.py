"""The data model that flows between the stages: raw tables, issues and the mapped inventory.

Raw tables come out of :mod:`regie.reading`; :mod:`regie.mapping` turns them into an
:class:`Inventory` of typed frames, each mapped value with its explanation, and a list of
:class:`Issue` (the validation report).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from regie import vocabulary as voc

SEVERITY_ERROR = "fout"
SEVERITY_WARNING = "waarschuwing"

TABLE_ORDER: dict[str | None, int] = {None: -1, **{t: i for i, t in enumerate(voc.TABLES)}}


@dataclass(frozen=True)
class Issue:
    """One problem in the validation report (docs/inventaris.md, ``issues``)."""

    severity: str
    table: str | None
    sheet: str | None
    row: int | None
    column: str | None
    value: str | None
    message: str
    col_index: int = -1
    """Position of the column in its sheet, for ordering only."""
    sheet_order: int = 0
    """Position of the sheet in the workbook, for ordering only."""

    def sort_key(self) -> tuple[int, int, int, int, int]:
        """File-level first, then by table, row and column (docs/inventaris.md)."""
        if self.table is None:
            return (-1, 0, 0, 0, 0)
        return (
            TABLE_ORDER.get(self.table, 99),
            self.row if self.row is not None else -1,
            self.col_index,
            self.sheet_order,
            0,
        )

    def to_dict(self) -> dict[str, Any]:
        """The JSON form of docs/inventaris.md."""
        return {
            "severity": self.severity,
            "table": self.table,
            "sheet": self.sheet,
            "row": self.row,
            "column": self.column,
            "value": self.value,
            "message": self.message,
        }


def sort_issues(issues: list[Issue]) -> list[Issue]:
    """Issues in report order (stable for equal keys)."""
    return sorted(issues, key=Issue.sort_key)


@dataclass(frozen=True)
class RawColumn:
    """A column of a located table: where it is, its header as written and what it means."""

    index: int
    """0-based column index in the sheet."""
    header: str
    """The header as written in the file (``Kolom X`` for a column without header)."""
    field: str | None
    """The field it holds (``naam``, ``fase``...), or None for a column kept as extra column."""
    kind: str = "field"
    """``field``, ``phase_mark``, ``element_mark``, ``phase_role``, ``skill`` or ``extra``."""
    arg: str | None = None
    """The phase, element or skill of a mark / per-phase role / skill column."""

    @property
    def letter(self) -> str:
        """The Excel column letter (A, B, ..., AA)."""
        return column_letter(self.index)


def column_letter(index: int) -> str:
    """Excel letter of a 0-based column index."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


@dataclass
class RawTable:
    """One table as found in one sheet: its columns and its data rows (cells as read).

    ``frame`` has one object column per entry of ``columns`` (named ``c0``, ``c1``... in that
    order), plus ``row`` (the Excel row number) and ``sectie`` (the section heading above, or None).
    Empty rows and section headings are not in it.
    """

    table: str
    sheet: str
    sheet_order: int
    columns: list[RawColumn]
    frame: pd.DataFrame
    header_rows: tuple[int, int] | None = None
    """First and last Excel row of the header (two rows for a two-row header)."""

    def col(self, column: RawColumn) -> pd.Series:
        """The cells of one column."""
        return self.frame[f"c{self.columns.index(column)}"]


@dataclass
class RawWorkbook:
    """What :func:`regie.reading.read_workbook` found: the located tables and the reading issues."""

    file: str
    kind: str
    """``xlsx``, ``xlsm``, ``xlsb``, ``xls``, ``ods`` or ``csv``."""
    tables: list[RawTable]
    issues: list[Issue] = field(default_factory=list)
    sheet_names: list[str] = field(default_factory=list)

    def of(self, table: str) -> list[RawTable]:
        """The located tables of one kind, in sheet order."""
        return [t for t in self.tables if t.table == table]


@dataclass(frozen=True)
class RowCounts:
    """Rows of a table: read = used + rejected (nothing is lost)."""

    read: int = 0
    used: int = 0
    rejected: int = 0

    def to_dict(self) -> dict[str, int]:
        """JSON form."""
        return {"read": self.read, "used": self.used, "rejected": self.rejected}


@dataclass
class Inventory:
    """The mapped inventory: typed frames plus the validation report.

    Frames (all keyed by ``project`` = the project's internal key):

    * ``projects`` — one row per project: ``project``, ``id``, ``naam``, single-value fields,
      ``sheet``, ``row`` (first Excel row), ``rows`` (number of rows).
    * ``phases`` — one row per (project, phase) membership, with ``original``, ``rule``, ``source``.
    * ``elements`` — accepted elements per project, same explanation columns.
    * ``suggestions`` — element suggestions from text (``element``, ``keyword``); not counted.
    * ``roles`` — the municipality's role per project and phase after precedence: ``phase``,
      ``role`` (a role code or ``onbekend``), ``original``, ``rule``, ``source``.
    * ``partners`` — one row per partner: ``partner`` (normalised name), ``naam``, ``type``...
    * ``involvements`` — ``project``, ``partner``, ``fase``, ``rol``, ``invloed``, ``belang``.
    * ``team`` — one row per (person, skill): ``naam``, ``vaardigheid``, ``niveau``.
    * ``extra`` — the original extra columns per project (``project`` + headers as written).
    * ``unknown`` — every unknown value: ``field``, ``value`` (the part), ``count``.
    * ``task_kinds`` — Schema 1's task kinds per project (``project``, ``code``, ``original``...); a
      project may have several.
    * ``government_roles`` — Kaag en Braassem's government roles as the inventory states them, same
      columns; never derived from the role.
    * ``departments`` — afdelingen or portefeuillehouders involved per project (``project``,
      ``naam``, ``key``): interne regie.
    """

    file: str
    kind: str
    projects: pd.DataFrame
    phases: pd.DataFrame
    elements: pd.DataFrame
    suggestions: pd.DataFrame
    roles: pd.DataFrame
    partners: pd.DataFrame
    involvements: pd.DataFrame
    team: pd.DataFrame
    extra: pd.DataFrame
    unknown: pd.DataFrame
    issues: list[Issue]
    rows: dict[str, RowCounts]
    task_kinds: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=["project", "code", "original"]))
    government_roles: pd.DataFrame = field(
        default_factory=lambda: pd.DataFrame(columns=["project", "code", "original"])
    )
    departments: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=["project", "naam", "key"]))
    has_partners_table: bool = False
    has_team_table: bool = False
    value_mappings: dict[str, dict[str, str]] = field(default_factory=dict)

    @property
    def project_count(self) -> int:
        """Number of projects."""
        return len(self.projects)
