"""Table rows written as SpreadsheetML at string speed, into a workbook openpyxl has saved.

openpyxl builds every workbook we export (styles, column widths, frozen header, filter, properties)
but spends most of an export in its per-cell machinery: 10,000 projects are some 415,000 cells, three
seconds. So the header row of each table is written by openpyxl and the data rows are rendered here,
the way openpyxl's write-only mode writes them (inline strings, its number format, its date
serials, its error codes), and spliced into the saved archive before ``</sheetData>``. The rows are
rendered and compressed a chunk at a time, so memory stays flat however large the table.

Cells are classified by :func:`classify`, which is also what openpyxl's own cells are made from
(the header and the notes), so both paths write a value the same way.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import re
import zipfile
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass

import pandas as pd
from openpyxl.cell.cell import ERROR_CODES
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import to_excel

from regie.export.safe import FORMULA_START, XML_ILLEGAL, xml_text

__all__ = ["CellStyles", "classify", "missing", "rows_xml", "splice"]

TEXT_GUARDED: tuple[str, ...] = (*FORMULA_START, "{=")
"""Text that is written as a quoted string: what a spreadsheet runs as a formula."""

MAX_TEXT = 32_767
"""Longest text a cell holds (Excel's limit; openpyxl cuts there too)."""

ROWS_PER_CHUNK = 500
COMPRESS_LEVEL = 3
"""zlib level of the archive: twice as fast as the default 6 for a file a fifth larger (measured at 10k)."""

_ESCAPE = re.compile(r"[&<>\r]")
_PLAIN = re.compile(f"[&<>\r{XML_ILLEGAL.pattern[1:-1]}]")
"""What the common case of text may not hold: characters to escape, and those XML cannot hold."""
_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"}
_ERRORS = frozenset(ERROR_CODES)


@dataclass(frozen=True)
class CellStyles:
    """The workbook's style ids (``s=``) for the cells that carry one."""

    quoted: int
    date: int
    datetime: int
    money: int


def classify(value: object) -> tuple[str, object] | None:
    """How a value is written: ``("text", str)``, ``("quoted", str)`` (text a spreadsheet would run
    as a formula, kept text with Excel's quote prefix), ``("date", date)``, ``("datetime",
    datetime)``, ``("number", int | float)`` or ``("bool", bool)``; None for an empty cell (None,
    NaN, NaT, an empty text). Control characters XML cannot hold are removed from text."""
    if type(value) is str:
        return _text(value)
    if missing(value):
        return None
    if isinstance(value, pd.Timestamp):
        value = value.to_pydatetime()
    if isinstance(value, dt.datetime):
        return ("date", value) if value.time() == dt.time() else ("datetime", value)
    if isinstance(value, dt.date):
        return "date", value
    if isinstance(value, bool):
        return "bool", value
    if isinstance(value, int | float):
        return ("number", value) if math.isfinite(value) else None
    return _text(xml_text(value))


def missing(value: object) -> bool:
    """True for None, NaN and NaT: an empty cell."""
    return value is None or value is pd.NaT or (isinstance(value, float) and math.isnan(value))


def _text(value: str) -> tuple[str, object] | None:
    text = XML_ILLEGAL.sub("", value) if XML_ILLEGAL.search(value) else value
    text = text[:MAX_TEXT]
    if not text:
        return None
    return ("quoted", text) if text.startswith(TEXT_GUARDED) else ("text", text)


def _escaped(text: str) -> str:
    return _ESCAPE.sub(lambda m: _ESCAPES[m.group()], text) if _ESCAPE.search(text) else text


def _string_cell(ref: str, text: str, style: str = "") -> str:
    if text in _ERRORS and not style:  # openpyxl writes these texts as error values
        return f'<c r="{ref}" t="e"><v>{text}</v></c>'
    space = ' xml:space="preserve"' if text[0].isspace() or text[-1].isspace() else ""
    return f'<c r="{ref}"{style} t="inlineStr"><is><t{space}>{_escaped(text)}</t></is></c>'


def rows_xml(
    rows: Iterable[Sequence[object]], first_row: int, styles: CellStyles, money: Iterable[int] = (),
) -> Iterator[str]:
    """``<row>`` elements for ``rows`` from row number ``first_row``, in chunks of
    :data:`ROWS_PER_CHUNK` rows; numbers in the ``money`` columns (0-based) get the money format."""
    money_columns = frozenset(money)
    letters: list[str] = []
    quoted = f' s="{styles.quoted}"'
    plain = _PLAIN.search  # a match means the text needs more than the common case
    errors = _ERRORS
    chunk: list[str] = []
    for number, row in enumerate(rows, start=first_row):
        if len(row) > len(letters):
            letters.extend(get_column_letter(i + 1) for i in range(len(letters), len(row)))
        cells = [f'<row r="{number}">']
        append = cells.append
        for index, value in enumerate(row):
            if type(value) is str and value and len(value) <= MAX_TEXT and plain(value) is None \
                    and value not in errors and not value.startswith(TEXT_GUARDED):
                # the common case, decided without classify(): nothing to remove, escape or quote
                space = ' xml:space="preserve"' if value[0].isspace() or value[-1].isspace() else ""
                append(f'<c r="{letters[index]}{number}" t="inlineStr"><is><t{space}>{value}</t></is></c>')
                continue
            kind = classify(value)
            if kind is None:
                continue
            ref = f"{letters[index]}{number}"
            what, payload = kind
            if what == "text":
                append(_string_cell(ref, str(payload)))
            elif what == "quoted":
                append(_string_cell(ref, str(payload), quoted))
            elif what == "bool":
                append(f'<c r="{ref}" t="b"><v>{1 if payload else 0}</v></c>')
            elif what == "number":
                style = f' s="{styles.money}"' if index in money_columns else ""
                append(f'<c r="{ref}"{style} t="n"><v>{format(payload, ".16g")}</v></c>')
            else:
                style_id = styles.date if what == "date" else styles.datetime
                append(f'<c r="{ref}" s="{style_id}" t="n"><v>{format(to_excel(payload), ".16g")}</v></c>')
        append("</row>")
        chunk.append("".join(cells))
        if len(chunk) >= ROWS_PER_CHUNK:
            yield "".join(chunk)
            chunk = []
    if chunk:
        yield "".join(chunk)


_END = b"</sheetData>"
_EMPTY = b"<sheetData/>"


def splice(data: bytes, parts: Mapping[str, Iterable[str]]) -> bytes:
    """The archive ``data`` with the rendered rows of each part (``xl/worksheets/sheet1.xml`` →
    chunks of ``<row>`` XML) placed at the end of its ``<sheetData>``; every other member copied."""
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=COMPRESS_LEVEL) as target:
        for info in source.infolist():
            content = source.read(info)
            chunks = parts.get(info.filename)
            if chunks is None:
                target.writestr(info.filename, content)  # by name: the archive's compression level
                continue
            if _END in content:
                head, tail = content.split(_END, 1)
                tail = _END + tail
            else:
                head, tail = content.split(_EMPTY, 1)
                head, tail = head + b"<sheetData>", _END + tail
            with target.open(info.filename, "w") as stream:
                stream.write(head)
                for chunk in chunks:
                    stream.write(chunk.encode("utf-8", "replace"))
                stream.write(tail)
    return buffer.getvalue()
