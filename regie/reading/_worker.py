"""Child process that measures and parses one workbook under a memory cap and a cell budget.

Run as a script, never imported by the server for parsing::

    python -I _worker.py KIND MAX_CELLS MAX_ROWS MAX_BYTES  < workbook bytes

It writes a stream of pickled frames to standard output, each a plain dict, list or tuple of
primitive values:

* ``{"sheet": name, "order": n, "visible": bool, "start": (r, c), "merges": [...]}`` — a sheet
  begins; then its rows in chunks until the next frame: a chunk of equally long rows is a tuple of
  columns (each a tuple of cell values, one per row), any other chunk a list of rows (each a list);
* ``{"ok": True}`` — the end; or ``{"ok": False, "error": CODE, ...}`` — the refusal or failure.

Error codes: ``encrypted``, ``too_large`` (``sheet``, ``rows``, ``cols``, ``cells``), ``too_many_rows``
(``rows``), ``too_complex`` (``elements``), ``damaged`` (``sheet``, ``detail``), ``panic`` (``detail``:
the Rust parser crashed on the content), ``memory``.

Before calamine allocates anything, zip-based formats are measured from their XML: xlsx/xlsm
every part the workbook's relationships point at (whatever its name), ods its ``content.xml``;
cells without a reference count as the next column or row, and only cells that hold a value
count towards the used range. The address-space limit is the last line: a file that still makes
the parser allocate too much ends this process, never the server.

Imports nothing from ``regie`` so that the child starts fast.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import io
import pickle
import queue
import re
import sys
import threading
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from struct import error as struct_error
from typing import IO, Any
from xml.parsers import expat

ROW_CHUNK = 4096
"""Rows per frame: the child never holds a whole sheet as Python objects."""
CHUNK_BYTES = 1 << 20
"""Bytes of XML scanned at a time."""
ELEMENTS_PER_CELL = 6
"""A worksheet or content.xml with more XML elements than this many per allowed cell (plus a
margin) is refused before parsing: real sheets need two or three."""
ELEMENT_MARGIN = 2_000_000
ODS_ELEMENTS_PER_CELL = 3
"""content.xml needs about two elements per cell (the cell and its paragraph)."""


class Refused(Exception):
    """The file is over a budget or unsafe; ``frame`` is the error frame to send."""

    def __init__(self, frame: dict[str, Any]) -> None:
        super().__init__(frame.get("error"))
        self.frame = frame


# --------------------------------------------------------------------------------------------
# Safe XML: expat without DTDs or entities
# --------------------------------------------------------------------------------------------


def _parser(namespaces: bool) -> expat.XMLParserType:
    parser = expat.ParserCreate(namespace_separator=" " if namespaces else None)

    def forbid(*_args: object) -> None:
        raise Refused({"ok": False, "error": "damaged", "detail": "DTD of entiteit in XML"})

    parser.StartDoctypeDeclHandler = forbid
    parser.EntityDeclHandler = forbid
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.buffer_text = True
    return parser


def _feed(parser: expat.XMLParserType, stream: IO[bytes]) -> None:
    while True:
        chunk = stream.read(CHUNK_BYTES)
        if not chunk:
            break
        parser.Parse(chunk, False)
    parser.Parse(b"", True)


def _col_number(letters: str) -> int:
    n = 0
    for ch in letters.upper():
        n = n * 26 + (ord(ch) - 64)
    return n


_REF = re.compile(r"\s*\$?([A-Za-z]{1,3})\$?(\d{1,7})\s*$")


# --------------------------------------------------------------------------------------------
# xlsx / xlsm: which parts are sheets, and how large is each
# --------------------------------------------------------------------------------------------

_SHEET_FOLDERS = ("xl/worksheets/", "xl/macrosheets/", "xl/dialogsheets/")


def _rels_targets(zf: zipfile.ZipFile, types: dict[str, str] | None = None) -> dict[str, str]:
    """Relationship id → part path of ``xl/_rels/workbook.xml.rels`` (targets resolved against xl/);
    ``types``, when given, is filled with relationship id → the relationship's type (its last word)."""
    names = {n.lower(): n for n in zf.namelist()}
    rels = names.get("xl/_rels/workbook.xml.rels")
    if rels is None:
        return {}
    targets: dict[str, str] = {}

    def start(name: str, attrs: dict[str, str]) -> None:
        if name.rsplit(" ", 1)[-1] != "Relationship" or attrs.get("TargetMode") == "External":
            return
        target = (attrs.get("Target") or "").replace("\\", "/")
        path = target.lstrip("/") if target.startswith("/") else "xl/" + target
        parts: list[str] = []
        for piece in path.split("/"):
            if piece == "..":
                if parts:
                    parts.pop()
            elif piece not in ("", "."):
                parts.append(piece)
        targets[attrs.get("Id", "")] = "/".join(parts)
        if types is not None:
            types[attrs.get("Id", "")] = (attrs.get("Type") or "").rstrip("/").rsplit("/", 1)[-1]

    parser = _parser(namespaces=True)
    parser.StartElementHandler = start
    with zf.open(rels) as stream:
        _feed(parser, stream)
    return {rid: names.get(path.lower(), path) for rid, path in targets.items()}


def _sheet_names(zf: zipfile.ZipFile) -> dict[str, str]:
    """Relationship id → sheet name from ``xl/workbook.xml``."""
    names = {n.lower(): n for n in zf.namelist()}
    book = names.get("xl/workbook.xml")
    found: dict[str, str] = {}
    if book is None:
        return found

    def start(name: str, attrs: dict[str, str]) -> None:
        if name.rsplit(" ", 1)[-1] != "sheet":
            return
        rid = next((v for k, v in attrs.items() if k.rsplit(" ", 1)[-1] == "id" and " " in k), "")
        found[rid] = attrs.get("name", "")

    parser = _parser(namespaces=True)
    parser.StartElementHandler = start
    with zf.open(book) as stream:
        _feed(parser, stream)
    return found


def sheet_parts(zf: zipfile.ZipFile) -> dict[str, str]:
    """Every part that may be read as a sheet → the name to report it by.

    The workbook's relationships decide where a sheet lives, whatever the part is called
    (``sheet1.dat`` is read by Excel and calamine alike): every part a ``<sheet r:id>`` points at is
    measured, and the parts in the usual sheet folders too, in case a reader falls back on them.
    """
    members = set(zf.namelist())
    targets = _rels_targets(zf)
    titles = _sheet_names(zf)
    parts: dict[str, str] = {}
    for rid, title in titles.items():
        path = targets.get(rid)
        if path in members and not zf.getinfo(path).is_dir():
            parts[path] = title or path.rsplit("/", 1)[-1]
    for member in members:
        lower = member.lower()
        if lower.startswith(_SHEET_FOLDERS) and "/_rels/" not in lower and member not in parts \
                and not zf.getinfo(member).is_dir():
            parts[member] = member.rsplit("/", 1)[-1]
    return parts


_ROW_REF = re.compile(rb'<row r="(\d{1,10})"')
_WIDE_REF = re.compile(rb'<c r="([A-Z]{2,3})\d')
_PREFIXED = re.compile(rb"<[\w.-]{1,40}:(?:worksheet|sheetData|row|c)[\s/>]")


def _chunks(stream: IO[bytes]) -> Iterator[bytes]:
    """The stream in pieces that end right after a ``>`` (no tag is ever cut in two)."""
    carry = b""
    while True:
        block = stream.read(CHUNK_BYTES)
        if not block:
            if carry:
                yield carry
            return
        data = carry + block
        cut = data.rfind(b">") + 1
        if cut == 0:
            carry = data if len(data) < 16 * CHUNK_BYTES else b""
            if not carry:
                yield data
            continue
        carry = data[cut:]
        yield data[:cut]


@functools.cache
def _single_refs_above(column: int) -> re.Pattern[bytes]:
    """``<c r="X`` for the column letters after column number ``column`` (1 = A), up to Z."""
    return re.compile(rb'<c r="([' + bytes([65 + column]) + rb"-Z])")


_ROW_OPENINGS = (b"<row ", b"<row>", b"<row/>", b"<row\t", b"<row\n", b"<row\r")
_CELL_OPENINGS = (b"<c ", b"<c>", b"<c/>", b"<c\t", b"<c\n", b"<c\r")


def fast_extent(stream: IO[bytes]) -> tuple[int, int, int, bool]:
    """An upper bound of (rows, columns) of a worksheet written as Excel writes it, the number of
    XML elements, and whether that bound holds (False when rows or cells lack an ``r="A1"``
    reference as Excel's first attribute, or elements carry a namespace prefix: then
    :func:`valued_extent` decides). Literal searches only, so it runs at memory speed.

    Rows and cells are counted by the openings ``<row`` and ``<c`` first; only a chunk where that
    count differs from the referenced ones (``<cols>``, ``<cfRule>``, a ``<row>`` without ``r``…)
    is counted element by element."""
    rows = cells = row_refs = cell_refs = elements = 0
    max_row = 0
    max_col = 1
    simple = True
    for chunk in _chunks(stream):
        elements += chunk.count(b"<")
        if simple and _PREFIXED.search(chunk):
            simple = False
        refs = _ROW_REF.findall(chunk)
        found = chunk.count(b"<row")
        rows += found if found == len(refs) else sum(chunk.count(o) for o in _ROW_OPENINGS)
        row_refs += len(refs)
        if refs:
            max_row = max(max_row, max(map(int, refs)))
        referenced = chunk.count(b'<c r="')
        found = chunk.count(b"<c")
        cells += found if found == referenced else sum(chunk.count(o) for o in _CELL_OPENINGS)
        cell_refs += referenced
        wide = _WIDE_REF.findall(chunk)
        if wide:
            max_col = max(max_col, max(_col_number(w.decode()) for w in set(wide)))
        if max_col < 26:  # the last single-letter column referenced, one pass for the letters beyond max_col
            above = _single_refs_above(max_col).findall(chunk)
            if above:
                max_col = max(above)[0] - 64
    if cell_refs != cells or row_refs != rows:
        simple = False
    return max(max_row, 1), max_col, elements, simple


def valued_extent(stream: IO[bytes]) -> tuple[int, int, int]:
    """(last row, last column, elements) over cells that hold a value, following Excel's rule that a
    row or cell without a reference comes right after the previous one."""
    state = {"row": 0, "cell_row": 0, "col": 0, "in_cell": False, "valued": False, "max_row": 0, "max_col": 0, "elements": 0}

    def start(name: str, attrs: dict[str, str]) -> None:
        state["elements"] += 1
        local = name.rsplit(" ", 1)[-1]
        if local == "row":
            ref = attrs.get("r")
            state["row"] = int(ref) if ref and ref.strip().isdigit() else state["row"] + 1
            state["col"] = 0
        elif local == "c":
            found = _REF.match(attrs.get("r") or "")
            if found:
                state["col"] = _col_number(found.group(1))
                state["cell_row"] = int(found.group(2))
            else:
                state["col"] += 1
                state["cell_row"] = state["row"]
            state["in_cell"] = True
            state["valued"] = False
        elif state["in_cell"] and local in ("v", "is", "f"):
            state["valued"] = True

    def end(name: str) -> None:
        if name.rsplit(" ", 1)[-1] == "c":
            if state["valued"]:
                state["max_row"] = max(state["max_row"], state["cell_row"])
                state["max_col"] = max(state["max_col"], state["col"])
            state["in_cell"] = False

    parser = _parser(namespaces=True)
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    _feed(parser, stream)
    return state["max_row"], max(state["max_col"], 1), state["elements"]


READABLE_SHEET_TYPES = frozenset({"worksheet", "chartsheet", "dialogsheet"})
"""Relationship types of the sheets calamine reads; an Excel 4.0 macro sheet (``xlMacrosheet``,
``xlIntlMacrosheet``) makes it refuse the whole workbook, so such sheets are left out of the list."""
_DIMENSION = re.compile(rb"<(?:[\w.-]{1,40}:)?dimension\b[^>]*>(?:\s*</(?:[\w.-]{1,40}:)?dimension>)?")
_DIMENSION_REF = re.compile(rb'<(?:[\w.-]{1,40}:)?dimension\s+ref\s*=\s*["\']([^"\']*)["\']')
_GOOD_RANGE = re.compile(rb"^\$?[A-Za-z]{1,3}\$?\d{1,7}(?::\$?[A-Za-z]{1,3}\$?\d{1,7})?$")


def _bad_dimension(zf: zipfile.ZipFile, part: str) -> bool:
    """True when the part's ``<dimension ref>`` is not a cell range (LibreOffice 4.2 writes ``1:32``,
    rows only): Excel ignores it, calamine refuses the sheet. The dimension sits near the start."""
    with zf.open(part) as stream:
        head = stream.read(8192)
    return any(not _GOOD_RANGE.match(ref.strip()) for ref in _DIMENSION_REF.findall(head))


@dataclass(frozen=True)
class XlsxRepair:
    """What must change before calamine reads an xlsx that Excel reads: parts whose ``<dimension>``
    goes, and sheet entries (relationship ids) that go from ``xl/workbook.xml``."""

    dimensions: frozenset[str] = frozenset()
    sheets: frozenset[str] = frozenset()

    def __bool__(self) -> bool:
        return bool(self.dimensions or self.sheets)


def repair_xlsx(data: bytes, repair: XlsxRepair) -> bytes:
    """The archive with the repair applied; every other member copied as it is."""
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info)
            if info.filename in repair.dimensions:
                content = _DIMENSION.sub(b"", content)
            elif info.filename.lower() == "xl/workbook.xml" and repair.sheets:
                for rid in repair.sheets:
                    content = re.sub(
                        rb"<(?:[\w.-]{1,40}:)?sheet\b[^>]*?:id\s*=\s*[\"']" + re.escape(rid.encode())
                        + rb"[\"'][^>]*?/>", b"", content)
            target.writestr(info, content)
    return buffer.getvalue()


def xlsx_repairs(data: bytes) -> XlsxRepair:
    """What must change before calamine reads an xlsx/xlsm as Excel does (reads only the workbook's
    relationships and the first bytes of each sheet)."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        types: dict[str, str] = {}
        _rels_targets(zf, types)
        drop = frozenset(rid for rid in _sheet_names(zf) if types.get(rid, "worksheet") not in READABLE_SHEET_TYPES)
        bad = frozenset(part for part in sheet_parts(zf) if _bad_dimension(zf, part))
        return XlsxRepair(bad, drop)


def measure_xlsx(data: bytes, max_cells: int, measured: Callable[[str], None] | None = None) -> None:
    """Refuse an xlsx/xlsm whose sheets' used ranges together exceed ``max_cells``; the sheets are
    measured in workbook order and ``measured(title)`` is called after each one that fits."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        total = 0
        for part, title in sheet_parts(zf).items():
            with zf.open(part) as stream:
                rows, cols, elements, simple = fast_extent(stream)
            if elements > ELEMENTS_PER_CELL * max_cells + ELEMENT_MARGIN:
                raise Refused({"ok": False, "error": "too_complex", "sheet": title, "elements": elements})
            if not simple or total + rows * cols > max_cells:
                with zf.open(part) as stream:
                    rows, cols, _ = valued_extent(stream)
            total += rows * cols
            if total > max_cells:
                raise Refused({"ok": False, "error": "too_large", "sheet": title, "rows": rows, "cols": cols,
                               "cells": total})
            if measured is not None:
                measured(title)


def ods_with_mimetype(data: bytes) -> bytes:
    """The ods archive with its ``mimetype`` member first, when it lacks one (LibreOffice opens such a
    file; calamine looks for the member)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    if any(name == "mimetype" for name in source.namelist()):
        return data
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        target.writestr("mimetype", b"application/vnd.oasis.opendocument.spreadsheet", zipfile.ZIP_STORED)
        for info in source.infolist():
            target.writestr(info, source.read(info))
    return buffer.getvalue()


# --------------------------------------------------------------------------------------------
# xls: encryption (FILEPASS) and Excel's default password
# --------------------------------------------------------------------------------------------

DEFAULT_PASSWORD = "VelvetSweatshop"
"""The password Excel encrypts an .xls with when it is only write-protected: Excel opens such a file
without asking, so this app does too."""
_FILEPASS = 0x002F


def xls_encrypted(data: bytes) -> bool:
    """True when the workbook stream of a BIFF8 .xls starts with a FILEPASS record (RC4, RC4
    CryptoAPI or XOR): everything after it is encrypted. Only the first records are read."""
    import olefile

    try:
        ole = olefile.OleFileIO(io.BytesIO(data))
    except (OSError, ValueError, IndexError, struct_error) as exc:
        raise Refused({"ok": False, "error": "damaged", "detail": f"OLE: {exc}"[:500]}) from exc
    with ole:
        stream_name = next((n for n in ("Workbook", "Book") if ole.exists(n)), None)
        if stream_name is None:
            return False
        head = ole.openstream(stream_name).read(64 * 1024)
    position = 0
    for _ in range(64):  # FILEPASS follows BOF within the first few records of the globals
        if position + 4 > len(head):
            break
        record = int.from_bytes(head[position:position + 2], "little")
        length = int.from_bytes(head[position + 2:position + 4], "little")
        if record == _FILEPASS:
            return True
        if record == 0x000A or record == 0x0085:  # EOF, or BOUNDSHEET: the encryption header is past
            break
        position += 4 + length
    return False


_XLS_CELLS = frozenset({0x00FD, 0x0204, 0x0203, 0x027E, 0x0006, 0x0205, 0x00D6, 0x0004, 0x0003, 0x0002, 0x0005})
"""BIFF records of a cell with a value (LABELSST, LABEL, NUMBER, RK, FORMULA, BOOLERR, RSTRING and their
BIFF2 forms); MULRK (0x00BD) spans columns. Blank cells (BLANK, MULBLANK) are not read by calamine."""


def measure_xls(data: bytes, max_cells: int) -> None:
    """Refuse an .xls whose worksheets' used ranges together exceed ``max_cells``, from the cell
    records alone (row and column are the first two fields of each), before calamine allocates the
    range: one value in the last row and column would otherwise cost a gigabyte."""
    import olefile

    with olefile.OleFileIO(io.BytesIO(data)) as ole:
        stream_name = next((n for n in ("Workbook", "Book") if ole.exists(n)), None)
        if stream_name is None:
            return
        stream = ole.openstream(stream_name).read()
    view = memoryview(stream)
    total = 0
    sheet = -1
    names: list[str] = []
    bounds: list[int] | None = None  # first row, last row, first column, last column

    def close() -> None:
        nonlocal total
        if bounds is not None:
            rows, cols = bounds[1] - bounds[0] + 1, bounds[3] - bounds[2] + 1
            total += rows * cols
            if total > max_cells:
                title = names[sheet] if sheet < len(names) else f"Blad{sheet + 1}"
                raise Refused({"ok": False, "error": "too_large", "sheet": title, "rows": rows,
                               "cols": cols, "cells": total})

    position, end = 0, len(stream)
    while position + 4 <= end:
        record = view[position] | view[position + 1] << 8
        length = view[position + 2] | view[position + 3] << 8
        body = position + 4
        if record == 0x0085 and length >= 8 and view[body + 5] == 0:  # BOUNDSHEET of a worksheet (BIFF8)
            count, wide = view[body + 6], view[body + 7] & 1
            raw = bytes(view[body + 8:body + 8 + count * (2 if wide else 1)])
            names.append(raw.decode("utf-16-le" if wide else "latin-1", "replace"))
        elif record == 0x0809 and length >= 4:  # BOF: a substream begins
            close()
            kind = view[body + 2] | view[body + 3] << 8
            bounds = None
            if kind == 0x0010:
                sheet += 1
                bounds = [1 << 30, -1, 1 << 30, -1]
        elif bounds is not None and length >= 4 and (record in _XLS_CELLS or record == 0x00BD):
            row = view[body] | view[body + 1] << 8
            first = view[body + 2] | view[body + 3] << 8
            last = first
            if record == 0x00BD and length >= 6:
                last = view[body + length - 2] | view[body + length - 1] << 8
            bounds[0], bounds[1] = min(bounds[0], row), max(bounds[1], row)
            bounds[2], bounds[3] = min(bounds[2], first), max(bounds[3], last)
        position = body + length
    close()


def xls_decrypted(data: bytes) -> bytes:
    """An encrypted .xls opened with Excel's default password, or the ``encrypted`` refusal."""
    try:
        import msoffcrypto
        from msoffcrypto.exceptions import DecryptionError, InvalidKeyError
    except ImportError as exc:  # pragma: no cover - a runtime dependency
        raise Refused({"ok": False, "error": "encrypted", "detail": "msoffcrypto-tool ontbreekt"}) from exc
    office = msoffcrypto.OfficeFile(io.BytesIO(data))
    plain = io.BytesIO()
    try:
        office.load_key(password=DEFAULT_PASSWORD)
        office.decrypt(plain)
    except (InvalidKeyError, DecryptionError, ValueError, KeyError, OSError, AssertionError) as exc:
        raise Refused({"ok": False, "error": "encrypted", "detail": str(exc)[:200]}) from exc
    return plain.getvalue()


# --------------------------------------------------------------------------------------------
# ods: the tables' extent, hidden tables and merges, streamed from content.xml
# --------------------------------------------------------------------------------------------

_TABLE_NS = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_STYLE_NS = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
_OFFICE_NS = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
MAX_MERGES = 100_000


def _int(text: str | None) -> int:
    try:
        return max(int(text or 1), 1)
    except ValueError:
        return 1


def scan_ods(stream: IO[bytes], max_cells: int) -> dict[str, dict[str, Any]]:
    """Per table: ``hidden`` and ``merges``; refuses tables whose used range is over the budget.

    Nothing is kept of the XML but these counters (an element flood costs time, not memory); the
    handlers do as little as possible per element, because content.xml has millions of them.
    """
    head = stream.read(CHUNK_BYTES)
    prefixes = {m.group(2): m.group(1).decode() for m in _ODS_PREFIX.finditer(head)}
    namespaced = not all(k in prefixes for k in (b"table", b"style", b"office"))
    if namespaced:
        t, s, o = _TABLE_NS + " ", _STYLE_NS + " ", _OFFICE_NS + " "
    else:  # names as written ("table:table-cell"): expat then skips building namespaced strings
        t, s, o = (prefixes[k] + ":" for k in (b"table", b"style", b"office"))
    table_tag, row_tag, cell_tag, covered_tag = t + "table", t + "table-row", t + "table-cell", t + "covered-table-cell"
    style_tag, props_tag = s + "style", s + "table-properties"
    rows_rep, cols_rep, cols_span, rows_span = (t + "number-rows-repeated", t + "number-columns-repeated",
                                                 t + "number-columns-spanned", t + "number-rows-spanned")
    value_type = o + "value-type"
    hidden_styles: set[str] = set()
    tables: dict[str, dict[str, Any]] = {}
    table: str | None = None
    merges: list[tuple[int, int, int, int]] = []
    row = col = max_row = max_col = total = 0
    row_repeat = 1
    row_has = in_cell = content = False
    depth = repeat = cs = rs = 0
    style: str | None = None

    def over(extra: int) -> Refused:
        return Refused({"ok": False, "error": "too_large", "sheet": table, "rows": max_row, "cols": max_col,
                        "cells": total + extra})

    def start(name: str, attrs: dict[str, str]) -> None:
        nonlocal table, merges, row, col, max_row, max_col, total, row_repeat, row_has, in_cell, content
        nonlocal depth, repeat, cs, rs, style
        if in_cell:
            content = True
            depth += 1
        elif name in (cell_tag, covered_tag):
            in_cell = True
            depth = 0
            repeat = _int(attrs.get(cols_rep)) if attrs else 1
            content = value_type in attrs
            if name == cell_tag and attrs:
                cs, rs = _int(attrs.get(cols_span)), _int(attrs.get(rows_span))
            else:
                cs = rs = 1
        elif name == row_tag:
            col = 0
            row_repeat = _int(attrs.get(rows_rep))
            row_has = False
        elif name == table_tag:
            if table is not None:
                total += max_row * max_col
            title = attrs.get(t + "name") or f"Blad{len(tables) + 1}"
            merges = []
            tables[title] = {"hidden": attrs.get(t + "style-name") in hidden_styles, "merges": merges}
            table = title
            row = col = max_row = max_col = 0
        elif name == style_tag:
            style = attrs.get(s + "name", "")
        elif name == props_tag and style is not None and attrs.get(t + "display") == "false":
            hidden_styles.add(style)

    def end(name: str) -> None:
        nonlocal table, row, col, max_row, max_col, total, row_has, in_cell, depth, style
        if in_cell:
            if depth:
                depth -= 1
                return
            in_cell = False
            if content and table is not None:
                row_has = True
                if col + repeat > max_col:
                    max_col = col + repeat
                if (cs > 1 or rs > 1) and len(merges) < MAX_MERGES:
                    merges.append((row, col, row + rs - 1, col + cs - 1))
            col += repeat
        elif name == row_tag:
            if row_has:
                max_row = row + row_repeat
                if table is not None and total + max_row * max_col > max_cells:
                    raise over(max_row * max_col)
            row += row_repeat
        elif name == table_tag:
            if total + max_row * max_col > max_cells:
                raise over(max_row * max_col)
            total += max_row * max_col
            table = None
            max_row = max_col = 0
        elif name == style_tag:
            style = None

    parser = _parser(namespaces=namespaced)
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.Parse(head, False)
    _feed(parser, stream)
    return tables


_ODS_PREFIX = re.compile(rb'xmlns:([\w.-]{1,40})="urn:oasis:names:tc:opendocument:xmlns:(table|style|office):1\.0"')


def count_elements(stream: IO[bytes]) -> int:
    """How many XML elements (start tags and the like) a part has, at memory speed."""
    return sum(chunk.count(b"<") for chunk in iter(lambda: stream.read(CHUNK_BYTES), b""))


def measure_ods(data: bytes, max_cells: int) -> dict[str, dict[str, Any]]:
    """:func:`scan_ods` of the archive's ``content.xml``, after refusing an element flood."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        with zf.open("content.xml") as stream:
            elements = count_elements(stream)
        if elements > ODS_ELEMENTS_PER_CELL * max_cells + ELEMENT_MARGIN:
            raise Refused({"ok": False, "error": "too_complex", "sheet": None, "elements": elements})
        with zf.open("content.xml") as stream:
            return scan_ods(stream, max_cells)


# --------------------------------------------------------------------------------------------
# Parsing with calamine, streamed out a chunk of rows at a time
# --------------------------------------------------------------------------------------------


class _Gate:
    """Which sheets have been measured. The parse of a sheet waits until its own sheet is measured
    (or all are, for a sheet the measuring does not know by name), and stops once the gate closes."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._titles: set[str] = set()
        self._complete = False
        self._closed = False

    def measured(self, title: str) -> None:
        with self._cond:
            self._titles.add(title)
            self._cond.notify_all()

    def complete(self) -> None:
        with self._cond:
            self._complete = True
            self._cond.notify_all()

    def close(self) -> None:
        with self._cond:
            self._closed = True
            self._cond.notify_all()

    @property
    def closed(self) -> bool:
        return self._closed

    def wait(self, title: str) -> bool:
        """True when ``title`` may be parsed, False when the gate closed first."""
        with self._cond:
            self._cond.wait_for(lambda: self._closed or self._complete or title in self._titles)
            return not self._closed


_END = object()


@contextlib.contextmanager
def _calamine_errors(pc: Any, sheet: str | None = None) -> Iterator[None]:
    """calamine's errors as refusals: a password is ``encrypted``, anything else ``damaged``."""
    try:
        yield
    except pc.PasswordError as exc:
        raise Refused({"ok": False, "error": "encrypted", "detail": str(exc)[:200]}) from exc
    except Exception as exc:
        where = {"sheet": sheet} if sheet is not None else {}
        raise Refused({"ok": False, "error": "damaged", **where, "detail": str(exc)[:500]}) from exc


class _SheetParser(threading.Thread):
    """Parses the workbook's worksheets with calamine, one at a time and each only once the gate lets
    it (calamine releases the GIL while it parses, so the next sheet is measured meanwhile). Yields
    ``(order, metadata, sheet)``; an error in the thread is raised where the sheets are taken."""

    def __init__(self, data: bytes, gate: _Gate) -> None:
        super().__init__(name="calamine", daemon=True)
        self._data = data
        self._gate = gate
        self._queue: queue.Queue[object] = queue.Queue(maxsize=1)  # at most one parsed sheet waits

    def _put(self, item: object) -> None:
        while not self._gate.closed:
            try:
                self._queue.put(item, timeout=0.05)
                return
            except queue.Full:
                continue

    def run(self) -> None:
        try:
            import python_calamine as pc

            with _calamine_errors(pc):
                book = pc.CalamineWorkbook.from_filelike(io.BytesIO(self._data))
            try:
                for order, meta in enumerate(book.sheets_metadata):
                    if meta.typ != pc.SheetTypeEnum.WorkSheet:
                        continue
                    if not self._gate.wait(meta.name):
                        return
                    with _calamine_errors(pc, meta.name):
                        sheet = book.get_sheet_by_name(meta.name)
                    self._put((order, meta, sheet))
                    del sheet
            finally:
                book.close()
        except BaseException as exc:  # a Rust panic (pyo3 PanicException) is not an Exception
            self._put(exc)
        finally:
            self._put(_END)

    def __iter__(self) -> Iterator[tuple[int, Any, Any]]:
        while True:
            item = self._queue.get()
            if item is _END:
                return
            if isinstance(item, BaseException):
                raise item
            yield item  # type: ignore[misc]

    def stop(self) -> None:
        """Close the gate, free a parse waiting to hand over its sheet, and wait for the thread."""
        self._gate.close()
        while self.is_alive():
            with contextlib.suppress(queue.Empty):
                self._queue.get(timeout=0.05)
        self.join()


def parse(data: bytes, kind: str, max_cells: int, max_rows: int, emit: Callable[[object], None]) -> None:
    """Measure (zip formats), then parse every worksheet and emit it in frames. A sheet of an xlsx is
    parsed once it is measured, while the sheets after it are measured."""
    ods_info = measure_ods(data, max_cells) if kind == "ods" else {}
    if kind == "ods":
        data = ods_with_mimetype(data)
    zipped = kind in ("xlsx", "xlsm")
    if zipped:
        repair = xlsx_repairs(data)
        if repair:
            data = repair_xlsx(data, repair)
    if kind == "xls" and xls_encrypted(data):
        data = xls_decrypted(data)
    if kind == "xls":
        measure_xls(data, max_cells)
    import python_calamine as pc

    gate = _Gate()
    if not zipped:
        gate.complete()
    sheets = _SheetParser(data, gate)
    sheets.start()
    try:
        if zipped:
            measure_xlsx(data, max_cells, gate.measured)
            gate.complete()
        cells = rows_total = 0
        for order, meta, sheet in sheets:
            height, width = sheet.height, sheet.width
            cells += height * width
            rows_total += height
            if cells > max_cells:
                raise Refused({"ok": False, "error": "too_large", "sheet": meta.name, "rows": height,
                               "cols": width, "cells": cells})
            if rows_total > max_rows:
                raise Refused({"ok": False, "error": "too_many_rows", "sheet": meta.name, "rows": rows_total})
            info = ods_info.get(meta.name, {})
            start = sheet.start or (0, 0)
            merges = info.get("merges") if kind == "ods" else [
                (r0, c0, r1, c1) for (r0, c0), (r1, c1) in (sheet.merged_cell_ranges or [])
            ]
            emit({
                "sheet": meta.name, "order": order,
                "visible": meta.visible == pc.SheetVisibleEnum.Visible and not info.get("hidden", False),
                "start": (start[0], start[1]), "merges": merges or [],
            })
            skip = start[0]  # iter_rows starts at row 0; the used range starts at ``start``
            chunk: list[list[Any]] = []
            for row in sheet.iter_rows():
                if skip:
                    skip -= 1
                    continue
                chunk.append(row)
                if len(chunk) >= ROW_CHUNK:
                    emit(_by_column(chunk))
                    chunk = []
            if chunk:
                emit(_by_column(chunk))
            del sheet
    finally:
        sheets.stop()


def _by_column(chunk: list[list[Any]]) -> tuple[tuple[Any, ...], ...] | list[list[Any]]:
    """A chunk of equally long rows as a tuple of columns, else the rows as they are. Unpickled, the
    cells of a column then lie together in the server's memory, and the mapping, which walks a
    column at a time, runs markedly faster (``bench/``)."""
    width = len(chunk[0])
    if width and all(len(row) == width for row in chunk):
        return tuple(zip(*chunk, strict=True))
    return chunk


def _limit_memory(max_bytes: int) -> None:
    try:
        import resource
    except ImportError:  # not on this platform: the budgets still apply
        return
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_AS, (max_bytes, max_bytes))


def main() -> None:
    """Entry point of the child process."""
    kind, max_cells, max_rows, max_bytes = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    gc.disable()  # a short-lived process of acyclic rows: reference counting frees them
    data = sys.stdin.buffer.read()
    _limit_memory(max_bytes)
    out = sys.stdout.buffer

    def emit(frame: object) -> None:
        pickle.dump(frame, out, protocol=pickle.HIGHEST_PROTOCOL)

    try:
        parse(data, kind, max_cells, max_rows, emit)
        frame: dict[str, Any] = {"ok": True}
    except Refused as refusal:
        frame = refusal.frame
    except MemoryError:
        frame = {"ok": False, "error": "memory"}
    except (zipfile.BadZipFile, expat.ExpatError, KeyError, OSError, EOFError, ValueError) as exc:
        frame = {"ok": False, "error": "damaged", "detail": f"{type(exc).__name__}: {exc}"[:500]}
    except BaseException as exc:  # a Rust panic (pyo3 PanicException) is not an Exception
        if isinstance(exc, (KeyboardInterrupt, SystemExit)):
            raise
        frame = {"ok": False, "error": "panic", "detail": f"{type(exc).__name__}: {exc}"[:500]}
    emit(frame)
    out.flush()


if __name__ == "__main__":
    main()
