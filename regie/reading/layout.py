"""A sheet of cells → a located table: header row(s), columns, data rows, section headings.

Implements docs/inventaris.md, section 3: the header is the first row, within the first 20 non-empty
rows, holding the table's name column and at least one other known column (failing that, the first
row whose only known column is the name column); two-row headers (a group cell over sub-headers);
merged cells; section headings; empty rows and columns ignored; unknown columns kept.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from regie import vocabulary as voc
from regie.model import SEVERITY_WARNING, Issue, RawColumn, RawTable, column_letter
from regie.normalise import cell_text
from regie.reading.columns import HeaderMeaning, is_name_meaning, match_header
from regie.reading.sheets import RawSheet

HEADER_SEARCH_ROWS = 20


@dataclass
class _Header:
    """The header found in a sheet: its last row, and per column the text and meaning."""

    first_row: int
    last_row: int
    texts: dict[int, str]
    meanings: dict[int, HeaderMeaning | None]


def _text(value: object) -> str:
    return cell_text(value).strip() if value is not None else ""


class _SheetView:
    """Relative access to a sheet's grid with merged ranges resolved where asked."""

    def __init__(self, sheet: RawSheet) -> None:
        self.sheet = sheet
        self.grid = sheet.grid
        self.nrows = len(sheet.grid)
        self.ncols = max((len(r) for r in sheet.grid), default=0)
        r_off, c_off = sheet.origin
        self.merges: list[tuple[int, int, int, int]] = []
        for r0, c0, r1, c1 in sheet.merges:
            r0, r1, c0, c1 = r0 - r_off, r1 - r_off, c0 - c_off, c1 - c_off
            r0, c0 = max(r0, 0), max(c0, 0)
            r1, c1 = min(r1, self.nrows - 1), min(c1, self.ncols - 1)
            if r0 <= r1 and c0 <= c1 and (r1 > r0 or c1 > c0):
                self.merges.append((r0, c0, r1, c1))

    def raw(self, r: int, c: int) -> object:
        row = self.grid[r]
        return row[c] if c < len(row) else None

    def row_texts(self, r: int) -> dict[int, str]:
        """Non-empty cells of a row as text, merged ranges read as their top-left cell."""
        texts = {c: t for c, v in enumerate(self.grid[r]) if (t := _text(v))}
        for r0, c0, r1, c1 in self.merges:
            if r0 <= r <= r1:
                top_left = _text(self.raw(r0, c0))
                if top_left:
                    for c in range(c0, c1 + 1):
                        texts[c] = top_left
        return texts

    def original_texts(self, r: int) -> dict[int, str]:
        """Non-empty cells of a row as written (merge continuations stay empty)."""
        return {c: t for c, v in enumerate(self.grid[r]) if (t := _text(v))}

    def horizontal_groups(self, r: int) -> list[tuple[int, int, str]]:
        """Cells of row ``r`` that span several columns: (first col, last col, text)."""
        groups = []
        for r0, c0, r1, c1 in self.merges:
            if r0 <= r <= r1 and c1 > c0:
                text = _text(self.raw(r0, c0))
                if text:
                    groups.append((c0, c1, text))
        return groups

    def is_blank_row(self, r: int) -> bool:
        return not any(_text(v) for v in self.grid[r])


def _meanings(texts: dict[int, str], table: str) -> dict[int, HeaderMeaning | None]:
    return {c: match_header(t, table) for c, t in texts.items()}


def find_header(view: _SheetView, table: str) -> _Header | None:
    """Locate the header row (and a sub-header row or group row) of a table in a sheet."""
    candidates: list[int] = []
    r = 0
    while r < view.nrows and len(candidates) < HEADER_SEARCH_ROWS:
        if not view.is_blank_row(r):
            candidates.append(r)
        r += 1
    fallback: int | None = None
    chosen: int | None = None
    for r in candidates:
        texts = view.row_texts(r)
        meanings = _meanings(texts, table)
        known = [m for m in meanings.values() if m is not None]
        names = [m for m in known if is_name_meaning(m, table)]
        if names and len(known) > len(names):
            chosen = r
            break
        if names and fallback is None:
            fallback = r
    if chosen is None:
        chosen = fallback
    if chosen is None:
        return None
    sub = _sub_header(view, chosen, table)
    if sub is not None:
        return sub
    texts = view.row_texts(chosen)
    meanings = _meanings(texts, table)
    _apply_group_row_above(view, chosen, texts, meanings, table, candidates)
    return _Header(chosen, chosen, texts, meanings)


def _combined(group: str, sub: str, table: str) -> HeaderMeaning | None:
    return match_header(f"{group} {sub}", table)


def _groups_in_row(view: _SheetView, r: int, below: int | None) -> list[tuple[int, int, str]]:
    """Group cells of row ``r``: merged across columns, or followed by empty cells that have a
    sub-header in row ``below``."""
    groups = view.horizontal_groups(r)
    covered = {c for c0, c1, _ in groups for c in range(c0, c1 + 1)}
    if below is None:
        return groups
    original = view.original_texts(r)
    under = view.original_texts(below)
    cols = sorted(original)
    for i, c in enumerate(cols):
        if c in covered:
            continue
        end = (cols[i + 1] if i + 1 < len(cols) else view.ncols) - 1
        while end > c and end not in under:
            end -= 1
        if end > c and all(x not in original for x in range(c + 1, end + 1)) and c in under:
            groups.append((c, end, original[c]))
    return groups


def _sub_header(view: _SheetView, r: int, table: str) -> _Header | None:
    """A two-row header with group cells in row ``r`` and sub-headers in the row below, or None."""
    below = r + 1
    if below >= view.nrows:
        return None
    groups = _groups_in_row(view, r, below)
    if not groups:
        return None
    under = view.original_texts(below)
    in_group = {c: (c0, c1, text) for c0, c1, text in groups for c in range(c0, c1 + 1)}
    if len([c for c in under if c in in_group]) < 2:
        return None
    top = view.row_texts(r)
    texts: dict[int, str] = {}
    meanings: dict[int, HeaderMeaning | None] = {}
    vertical = {c for r0, c0, r1, c1 in view.merges if r0 <= r < below <= r1 for c in range(c0, c1 + 1)}
    for c, sub in under.items():
        if c not in in_group:
            if c in vertical or sub == top.get(c):
                continue
            return None  # a value outside any group: row below is data, not sub-headers
        meaning = _combined(in_group[c][2], sub, table) or match_header(sub, table)
        if meaning is None:
            return None
        texts[c] = sub
        meanings[c] = meaning
    for c, text in top.items():
        if c in in_group or c in texts:
            continue
        texts[c] = text
        meanings[c] = match_header(text, table)
    return _Header(r, below, texts, meanings)


def _apply_group_row_above(
    view: _SheetView, r: int, texts: dict[int, str], meanings: dict[int, HeaderMeaning | None],
    table: str, candidates: list[int],
) -> None:
    """Let group cells in the row just above the header refine sub-headers ("Rol" over "Visie")."""
    above = r - 1
    if above < 0 or view.is_blank_row(above):
        return
    for c0, c1, group in _groups_in_row(view, above, r):
        for c in range(c0, c1 + 1):
            if c in texts:
                combined = _combined(group, texts[c], table)
                if (combined is not None and combined.kind != "field") or (
                    combined is not None and meanings.get(c) is None
                ):
                    meanings[c] = combined


# --------------------------------------------------------------------------------------------
# Table extraction
# --------------------------------------------------------------------------------------------


def extract_table(sheet: RawSheet, table: str) -> tuple[RawTable | None, list[Issue]]:
    """Locate ``table`` in ``sheet``: its columns and its data rows. None when no header is found."""
    view = _SheetView(sheet)
    header = find_header(view, table)
    if header is None:
        return None, []
    issues: list[Issue] = []
    header_row = sheet.excel_row(header.last_row)
    data_start = header.last_row + 1
    width = view.ncols
    arr = _object_grid(view.grid[data_start:], width)
    present = arr != ""
    arr[~present] = None
    _blank_whitespace_rows(arr, present)

    # merged cells in data rows: the value goes to every row (first column of the range)
    filled = np.zeros(len(arr), dtype=np.int32)
    heading_rows: dict[int, str] = {}
    for r0, c0, r1, c1 in view.merges:
        if r1 < data_start or r0 < data_start:
            continue  # above the data, or a header cell merged downwards
        top = r0 - data_start
        end = r1 - data_start
        if r1 == r0 and c1 > c0:
            text = _text(view.raw(r0, c0))
            if text and int(present[top].sum()) == 1 and present[top, c0]:
                heading_rows[top] = text
            continue
        value = view.raw(r0, c0)
        if end > top and _text(value):
            arr[top + 1:end + 1, c0] = value
            present[top + 1:end + 1, c0] = True
            filled[top + 1:end + 1] += 1

    keep = (present.sum(axis=1) - filled) > 0
    sectie = pd.Series([None] * len(arr), dtype=object)
    if heading_rows:
        for top, text in heading_rows.items():
            keep[top] = False
            sectie.iloc[top] = text
        sectie = sectie.ffill()
        for top in heading_rows:
            sectie.iloc[top] = None
    frame = pd.DataFrame(arr, dtype=object, copy=False)

    # columns: header text and meaning; data without header → "Kolom X"
    has_data = pd.Series(present[keep].any(axis=0), index=range(width))
    columns: list[RawColumn] = []
    kept: list[int] = []
    single_seen: dict[str, tuple[RawColumn, int]] = {}
    absolute = sheet.origin[1]
    for c in range(width):
        text = header.texts.get(c, "")
        meaning = header.meanings.get(c)
        if not text:
            if not bool(has_data.get(c, False)):
                continue
            letter = column_letter(absolute + c)
            columns.append(RawColumn(absolute + c, f"Kolom {letter}", None, "extra"))
            kept.append(c)
            issues.append(Issue(
                SEVERITY_WARNING, table, sheet.name, header_row, f"Kolom {letter}", None,
                f"Kolom {letter} heeft gegevens maar geen kopje. De gegevens blijven bewaard als "
                f"'Kolom {letter}'; geef de kolom een kopje in rij {header_row} als ze meetelt.",
                absolute + c, sheet.order,
            ))
            continue
        kept.append(c)
        if meaning is None:
            columns.append(RawColumn(absolute + c, text, None, "extra"))
            continue
        if meaning.kind != "field" or meaning.field in voc.MULTI_VALUE_FIELDS:
            columns.append(RawColumn(absolute + c, text, meaning.field, meaning.kind, meaning.arg))
            continue
        column = RawColumn(absolute + c, text, meaning.field, "field")
        seen = single_seen.get(meaning.field)
        if seen is None:
            single_seen[meaning.field] = (column, meaning.priority)
            columns.append(column)
            continue
        previous, previous_priority = seen
        if meaning.priority < previous_priority:  # the new column is earlier in the synonym list
            columns[columns.index(previous)] = RawColumn(previous.index, previous.header, None, "extra")
            single_seen[meaning.field] = (column, meaning.priority)
            columns.append(column)
            issues.append(_duplicate_issue(table, sheet, header_row, previous.header, text, previous.index))
        else:
            columns.append(RawColumn(absolute + c, text, None, "extra"))
            issues.append(_duplicate_issue(table, sheet, header_row, text, previous.header, absolute + c))

    data = frame.loc[keep, kept]
    data.columns = [f"c{i}" for i in range(len(kept))]
    data = data.reset_index(drop=False).rename(columns={"index": "_rel"})
    data["row"] = [sheet.excel_row(data_start + int(i)) for i in data["_rel"]] if sheet.record_rows else (
        data["_rel"].to_numpy() + data_start + sheet.origin[0] + 1
    )
    data["sectie"] = sectie[keep].to_numpy() if len(data) else []
    data = data.drop(columns="_rel")
    header_rows = (sheet.excel_row(header.first_row), header_row)
    return RawTable(table, sheet.name, sheet.order, columns, data, header_rows), issues


def _object_grid(rows: list[list[object]], width: int) -> np.ndarray:
    """Rows of cells as a 2-D object array of ``width`` columns (short rows padded with "")."""
    if not rows:
        return np.empty((0, width), dtype=object)
    arr = np.empty((len(rows), width), dtype=object)
    if all(len(r) == width for r in rows):
        arr[:, :] = rows
    else:
        arr[:, :] = ""
        for i, row in enumerate(rows):
            arr[i, :len(row)] = row
    return arr


def _blank_whitespace_rows(arr: np.ndarray, present: np.ndarray) -> None:
    """Cells holding only white space are empty. Checked in rows with few cells only: a row that
    looks empty has at most a couple of such cells, and longer rows are records anyway."""
    few = np.flatnonzero((present.sum(axis=1) > 0) & (present.sum(axis=1) <= 3))
    for r in few:
        for c in np.flatnonzero(present[r]):
            value = arr[r, c]
            if isinstance(value, str) and not value.strip():
                arr[r, c] = None
                present[r, c] = False


def _duplicate_issue(table: str, sheet: RawSheet, row: int, loser: str, winner: str, col: int) -> Issue:
    return Issue(
        SEVERITY_WARNING, table, sheet.name, row, loser, None,
        f"De kolommen '{winner}' en '{loser}' betekenen hetzelfde; '{winner}' wordt gebruikt en "
        f"'{loser}' blijft bewaard als extra kolom. Hernoem of verwijder een van beide als dat niet "
        "klopt.",
        col, sheet.order,
    )
