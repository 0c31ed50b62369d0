"""Bytes → sheets of cells: workbooks through python-calamine, CSV through the csv module.

A :class:`RawSheet` is the used range of one sheet as a list of rows, with its absolute origin,
its visibility and its merged ranges. Nothing is interpreted here.
"""

from __future__ import annotations

import csv
import io
import pickle
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from defusedxml import ElementTree as SafeET

from regie.errors import FileTooLargeError, NotASpreadsheetError
from regie.reading import guard

Merge = tuple[int, int, int, int]
"""A merged range: first row, first column, last row, last column (absolute, 0-based, inclusive)."""


@dataclass
class RawSheet:
    """The used range of one sheet."""

    name: str
    order: int
    visible: bool
    grid: list[list[object]]
    origin: tuple[int, int] = (0, 0)
    """Absolute (row, column) of ``grid[0][0]``."""
    merges: list[Merge] = field(default_factory=list)
    record_rows: list[int] | None = None
    """For CSV: the record number of each grid row (a quoted cell with line breaks is one record)."""

    def excel_row(self, index: int) -> int:
        """The row number as Excel (or the CSV record count) shows it for grid row ``index``."""
        if self.record_rows is not None:
            return self.record_rows[index]
        return self.origin[0] + index + 1

    @property
    def is_empty(self) -> bool:
        """True when no cell holds anything but white space."""
        return not any(_filled(v) for row in self.grid for v in row)


def _filled(value: object) -> bool:
    return not (value is None or (isinstance(value, str) and not value.strip()))


# --------------------------------------------------------------------------------------------
# Workbooks
# --------------------------------------------------------------------------------------------


WORKER = Path(__file__).with_name("_calamine_worker.py")
WORKER_MEMORY_BYTES = 1536 * 1024 * 1024
"""Address-space limit of the parsing child: a hostile file ends there, not in the app."""
WORKER_TIMEOUT_SECONDS = 120


def read_workbook_sheets(
    data: bytes, kind: str, name: str, ods_content: bytes | None, isolate: bool = False
) -> list[RawSheet]:
    """All sheets of a workbook (xlsx, xlsm, xlsb, xls, ods), in workbook order.

    Formats whose size the guard checked before parsing (xlsx, xlsm, ods) are parsed in-process;
    the others (``isolate``: xls, xlsb) in a child process with a memory limit, because a hostile
    file can make the Rust reader abort the whole process.
    """
    ods_info = _scan_ods(ods_content, name) if kind == "ods" and ods_content is not None else {}
    if isolate:
        result = _run_worker(data, name, kind)
    else:
        from regie.reading import _calamine_worker

        result = _calamine_worker.parse(data, guard.MAX_CELLS)
        _raise_for(result, name, kind)
    sheets: list[RawSheet] = []
    for item in result["sheets"]:
        info = ods_info.get(item["name"], {})
        visible = bool(item["visible"]) and not info.get("hidden", False)
        merges = info.get("merges") if kind == "ods" else item["merges"]
        sheets.append(RawSheet(
            item["name"], item["order"], visible, item["grid"], tuple(item["start"]),
            [tuple(m) for m in (merges or [])],
        ))
    return sheets


def _run_worker(data: bytes, name: str, kind: str) -> dict:
    command = [sys.executable, "-I", str(WORKER), str(guard.MAX_CELLS), str(WORKER_MEMORY_BYTES)]
    try:
        proc = subprocess.run(
            command, input=data, capture_output=True, timeout=WORKER_TIMEOUT_SECONDS, check=False,
        )
    except subprocess.TimeoutExpired as exc:
        raise FileTooLargeError(
            f"Het lezen van '{name}' duurde langer dan {WORKER_TIMEOUT_SECONDS} seconden en is "
            "afgebroken. Het bestand is te groot of te ingewikkeld; splits het of sla het opnieuw op als .xlsx."
        ) from exc
    if proc.returncode != 0 or not proc.stdout:
        raise FileTooLargeError(
            f"Het bestand '{name}' kon niet veilig worden gelezen: het lezen vroeg meer geheugen dan "
            "is toegestaan, of het bestand is beschadigd. Controleer of er geen losse gegevens ver "
            "buiten de tabel staan (bijv. in de laatste rij of kolom), sla het opnieuw op en probeer het nog eens."
        )
    result = pickle.loads(proc.stdout)
    _raise_for(result, name, kind)
    return result


def _raise_for(result: dict, name: str, kind: str) -> None:
    """Turn a worker's error description into the Dutch error."""
    if result.get("ok"):
        return
    error = result.get("error")
    if error == "encrypted":
        raise guard._encrypted(name)
    if error == "too_large":
        guard.check_dense_size(int(result["rows"]), int(result["cols"]), str(result["sheet"]), name)
    if error == "memory":
        raise FileTooLargeError(
            f"Het bestand '{name}' is te groot om te lezen binnen het toegestane geheugen. Splits de "
            "inventaris in kleinere bestanden."
        )
    raise _damaged(name, kind, RuntimeError(str(result.get("detail", ""))), result.get("sheet"))


def _damaged(name: str, kind: str, exc: BaseException, sheet: str | None = None) -> NotASpreadsheetError:
    where = f" (blad '{sheet}')" if sheet else ""
    text = str(exc).lower()
    if "password" in text or "encrypt" in text:
        return guard._encrypted(name)
    return NotASpreadsheetError(
        f"Het bestand '{name}' kon niet worden gelezen als {kind}-werkmap{where}: het is beschadigd "
        "of in een onbekende vorm opgeslagen. Open het in Excel of LibreOffice, sla het opnieuw op "
        "als .xlsx en probeer het nog eens."
    )


_T = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_S = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
_O = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_TX = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"


def _scan_ods(content: bytes, name: str) -> dict[str, dict[str, object]]:
    """Per ODS table: hidden or not, merged ranges; and refuse tables whose used range is too large."""
    hidden_styles: set[str] = set()
    tables: dict[str, dict[str, object]] = {}
    current: dict[str, object] | None = None
    row = 0
    col = 0
    max_row = 0
    max_col = 0
    row_repeat = 1
    row_has_content = False
    try:
        for event, elem in SafeET.iterparse(
            io.BytesIO(content), events=("start", "end"),
            forbid_dtd=True, forbid_entities=True, forbid_external=True,
        ):
            tag = elem.tag
            if event == "start":
                if tag == f"{_T}table":
                    current = {"hidden": elem.get(f"{_T}style-name") in hidden_styles, "merges": []}
                    tables[elem.get(f"{_T}name") or f"Blad{len(tables) + 1}"] = current
                    row = col = max_row = max_col = 0
                elif tag == f"{_T}table-row":
                    col = 0
                    row_repeat = int(elem.get(f"{_T}number-rows-repeated") or 1)
                    row_has_content = False
                continue
            if tag == f"{_S}style":
                props = elem.find(f"{_S}table-properties")
                if props is not None and props.get(f"{_T}display") == "false":
                    hidden_styles.add(elem.get(f"{_S}name") or "")
                elem.clear()
            elif tag in (f"{_T}table-cell", f"{_T}covered-table-cell"):
                repeat = int(elem.get(f"{_T}number-columns-repeated") or 1)
                has_value = elem.get(f"{_O}value-type") is not None or len(elem) > 0
                if has_value and current is not None:
                    row_has_content = True
                    max_col = max(max_col, col + repeat)
                    if tag == f"{_T}table-cell":
                        cs = int(elem.get(f"{_T}number-columns-spanned") or 1)
                        rs = int(elem.get(f"{_T}number-rows-spanned") or 1)
                        if cs > 1 or rs > 1:
                            merges = current["merges"]
                            assert isinstance(merges, list)
                            if len(merges) < 100_000:
                                merges.append((row, col, row + rs - 1, col + cs - 1))
                col += repeat
                elem.clear()
            elif tag == f"{_T}table-row":
                if row_has_content:
                    max_row = row + row_repeat
                row += row_repeat
                elem.clear()
                guard.check_dense_size(max_row, max_col, str(_last_key(tables)), name)
    except FileTooLargeError:
        raise
    except Exception as exc:  # defusedxml refuses entities/DTDs; anything else is damage
        raise NotASpreadsheetError(
            f"Het bestand '{name}' is geen veilig leesbaar werkblad: de inhoud (content.xml) is "
            "beschadigd of bevat verboden XML-constructies. Sla het opnieuw op in LibreOffice als .ods "
            "of .xlsx."
        ) from exc
    return tables


def _last_key(tables: dict[str, dict[str, object]]) -> str:
    return next(reversed(tables)) if tables else ""


# --------------------------------------------------------------------------------------------
# CSV
# --------------------------------------------------------------------------------------------

_DELIMITERS = (";", ",", "\t", "|")


def decode_text(data: bytes) -> str:
    """Decode CSV bytes: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def sniff_delimiter(text: str) -> str:
    """The delimiter that splits the first records into the most consistent number of fields."""
    sample = text[:65536]
    best = ";"
    best_score = -1.0
    for delimiter in _DELIMITERS:
        counts = [len(r) for r, _ in zip(csv.reader(io.StringIO(sample), delimiter=delimiter), range(30), strict=False) if r]
        if not counts:
            continue
        mode = max(set(counts), key=counts.count)
        if mode < 2:
            continue
        score = counts.count(mode) * 10 + mode / 100
        if score > best_score:
            best, best_score = delimiter, score
    return best


def read_csv_sheet(data: bytes, sheet_name: str) -> RawSheet:
    """A CSV file as one sheet; each row keeps its record number as Excel shows it."""
    text = decode_text(data)
    if text.startswith("\ufeff"):
        text = text[1:]
    delimiter = sniff_delimiter(text)
    grid: list[list[object]] = []
    records: list[int] = []
    reader: Iterator[list[str]] = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        for number, record in enumerate(reader, start=1):
            grid.append(list(record))
            records.append(number)
    except csv.Error as exc:
        raise NotASpreadsheetError(
            f"Het CSV-bestand '{sheet_name}' kon niet worden gelezen (record {len(records) + 1}: "
            f"{exc}). Controleer de aanhalingstekens in dat record of sla het opnieuw op vanuit Excel."
        ) from exc
    width = max((len(r) for r in grid), default=0)
    for record in grid:
        if len(record) < width:
            record.extend([""] * (width - len(record)))
    guard.check_dense_size(len(grid), width, sheet_name, sheet_name)
    return RawSheet(sheet_name, 0, True, grid, (0, 0), [], records)


