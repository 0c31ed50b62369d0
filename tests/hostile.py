"""Builders for hostile and unreadable upload files.

Every builder is a pure function that returns the file's bytes; nothing is written to disk here except
by :func:`write_case`. The files are generated in memory and are small (the largest, the zip with
100 000 members, is about 9 MB); the zip bombs are built by streaming the payload through the
compressor, so building them never holds the uncompressed payload in memory.

``CASES`` lists every hostile file with the exit codes that ``python -m regie analyse FILE --json`` may
give for it (see ``docs/inventaris.md``): 2 when the file cannot be read, 0 when it is a legitimate
inventory. Other tests (the UI tests) can pick files from it, for example every case whose only accepted
exit code is 2.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import io
import random
import struct
import zipfile
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

MIB = 1024 * 1024
PASSWORD = "geheim"
"""The password of every encrypted fixture."""

BOMB_SIZE = 300 * MIB
"""Uncompressed size of the zip bombs' payload (the contract's limit is 200 MB)."""

LARGE_CSV_SIZE = 201 * MIB
"""Size of the sparse CSV file that is over the contract's 200 MB limit."""

MAX_ROW = 1_048_576
MAX_COLUMN = 16_384  # column XFD

_DATE_TIME = (2024, 1, 1, 0, 0, 0)

PROJECT_HEADER = ("Projectnaam", "Fase", "Rol", "Domein")
PROJECT_ROWS = (
    ("Woonvisie 2030", "visie", "regisseur", "wonen"),
    ("Mantelzorgondersteuning", "uitvoering", "partner", "zorg"),
    ("Welzijnsbeleid", "beleid", "opdrachtgever", "welzijn"),
)
"""The projects table of every readable fixture: three projects."""

DUTCH_TEXT = (
    "Beste collega's,\n"
    "\n"
    "In de bijlage vindt u het verslag van het overleg over de regierol van de gemeente in het sociaal\n"
    "domein. Wij hebben gesproken over de samenwerking met maatschappelijke organisaties en over de\n"
    "verdeling van verantwoordelijkheden tussen de wijkteams en de woningcorporaties.\n"
    "\n"
    "Graag ontvangen wij uw reactie voor het einde van de maand.\n"
    "\n"
    "Met vriendelijke groet,\n"
    "het secretariaat\n"
)
"""Dutch prose without a single line or comma-separated fragment that is a known column header."""

# --------------------------------------------------------------------------------------------------
# Zip helpers
# --------------------------------------------------------------------------------------------------


def _zipinfo(name: str, *, stored: bool = False, level: int = 9) -> zipfile.ZipInfo:
    """Return a ZipInfo with a fixed timestamp (so builders are deterministic), deflate ``level``."""
    info = zipfile.ZipInfo(name, date_time=_DATE_TIME)
    info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
    if not stored:
        if "compress_level" in getattr(zipfile.ZipInfo, "__slots__", ()):  # Python 3.13+
            info.compress_level = level
        else:
            info._compresslevel = level
    info.external_attr = 0o644 << 16
    return info


def _zip(members: Sequence[tuple[str, bytes]], *, stored: Sequence[str] = (), level: int = 9) -> bytes:
    """Zip ``members`` (name, data) in order; names in ``stored`` are not compressed."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members:
            archive.writestr(_zipinfo(name, stored=name in stored, level=level), data)
    return buffer.getvalue()


def _central_directory(data: bytes) -> list[tuple[int, str, int]]:
    """Return (central entry offset, name, local header offset) for each member of a plain zip."""
    end = data.rfind(b"PK\x05\x06")
    if end < 0:
        raise ValueError("not a zip: no end-of-central-directory record")
    (count,) = struct.unpack_from("<H", data, end + 10)
    (offset,) = struct.unpack_from("<I", data, end + 16)
    entries = []
    for _ in range(count):
        if data[offset : offset + 4] != b"PK\x01\x02":
            raise ValueError("unexpected central directory entry")
        name_len, extra_len, comment_len = struct.unpack_from("<HHH", data, offset + 28)
        (local,) = struct.unpack_from("<I", data, offset + 42)
        name = data[offset + 46 : offset + 46 + name_len].decode("utf-8")
        entries.append((offset, name, local))
        offset += 46 + name_len + extra_len + comment_len
    return entries


def _patch_member(data: bytes, name: str, *, file_size: int) -> bytes:
    """Overwrite the declared uncompressed size of member ``name`` in both its headers."""
    patched = bytearray(data)
    for central, member, local in _central_directory(data):
        if member == name:
            struct.pack_into("<I", patched, central + 24, file_size)
            struct.pack_into("<I", patched, local + 22, file_size)
            return bytes(patched)
    raise KeyError(name)


def _crc_table() -> list[int]:
    """The CRC-32 table that traditional PKWARE (ZipCrypto) encryption uses for its keys."""
    table = []
    for byte in range(256):
        crc = byte
        for _ in range(8):
            crc = (crc >> 1) ^ 0xEDB88320 if crc & 1 else crc >> 1
        table.append(crc)
    return table


_CRC_TABLE = _crc_table()


def _zipcrypto_encrypt(plain: bytes, password: bytes) -> bytes:
    """Encrypt ``plain`` (12-byte header included) with traditional PKWARE encryption."""
    key0, key1, key2 = 0x12345678, 0x23456789, 0x34567890

    def update(byte: int) -> None:
        nonlocal key0, key1, key2
        key0 = _CRC_TABLE[(key0 ^ byte) & 0xFF] ^ (key0 >> 8)
        key1 = ((key1 + (key0 & 0xFF)) * 134775813 + 1) & 0xFFFFFFFF
        key2 = _CRC_TABLE[(key2 ^ (key1 >> 24)) & 0xFF] ^ (key2 >> 8)

    for byte in password:
        update(byte)
    out = bytearray()
    for byte in plain:
        temp = (key2 | 2) & 0xFFFF
        out.append(byte ^ (((temp * (temp ^ 1)) >> 8) & 0xFF))
        update(byte)
    return bytes(out)


def _zipcrypto_zip(members: Sequence[tuple[str, bytes]], password: str) -> bytes:
    """Build a zip whose members are all deflated and ZipCrypto-encrypted with ``password``.

    The standard library cannot write encrypted zips, so the headers are written by hand; the result
    opens with ``zipfile.ZipFile.read(name, pwd=...)``, 7-Zip and Info-ZIP ``unzip -P``.
    """
    rng = random.Random(1)
    dos_time = (_DATE_TIME[3] << 11) | (_DATE_TIME[4] << 5) | (_DATE_TIME[5] // 2)
    dos_date = ((_DATE_TIME[0] - 1980) << 9) | (_DATE_TIME[1] << 5) | _DATE_TIME[2]
    body = bytearray()
    central = bytearray()
    for name, data in members:
        raw_name = name.encode("utf-8")
        crc = zlib.crc32(data)
        compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
        deflated = compressor.compress(data) + compressor.flush()
        header = rng.randbytes(11) + bytes([crc >> 24])
        payload = _zipcrypto_encrypt(header + deflated, password.encode("utf-8"))
        fields = (20, 0x0001, zipfile.ZIP_DEFLATED, dos_time, dos_date, crc, len(payload), len(data))
        offset = len(body)
        body += b"PK\x03\x04" + struct.pack("<HHHHHIIIHH", *fields, len(raw_name), 0) + raw_name + payload
        central += (
            b"PK\x01\x02"
            + struct.pack("<H", 20)
            + struct.pack("<HHHHHIIIHHHHHII", *fields, len(raw_name), 0, 0, 0, 0, 0o644 << 16, offset)
            + raw_name
        )
    end = struct.pack("<4sHHHHIIH", b"PK\x05\x06", 0, 0, len(members), len(members), len(central), len(body), 0)
    return bytes(body + central + end)


# --------------------------------------------------------------------------------------------------
# Minimal xlsx writer (hand-written parts, so every byte of the XML is under our control)
# --------------------------------------------------------------------------------------------------

_NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_NS_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT_MAIN = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
_CT_MACRO_MAIN = "application/vnd.ms-excel.sheet.macroEnabled.main+xml"
_CT_SHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
_CT_SST = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
_CT_VBA = "application/vnd.ms-office.vbaProject"
_REL_SHEET = _NS_REL + "/worksheet"
_REL_SST = _NS_REL + "/sharedStrings"
_REL_VBA = "http://schemas.microsoft.com/office/2006/relationships/vbaProject"
_HIDDEN = ' state="hidden"'
_XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

Cell = str | int | float | None


def column_letter(index: int) -> str:
    """Return the Excel column letter of a 1-based column index (1 -> A, 16384 -> XFD)."""
    letters = ""
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


@dataclass
class Sheet:
    """One worksheet for :func:`xlsx_parts`: rows of cells, starting at A1 unless ``cells`` is given."""

    name: str
    rows: Sequence[Sequence[Cell]] = ()
    hidden: bool = False
    cells: dict[tuple[int, int], Cell] = field(default_factory=dict)
    """Extra cells by (row, column), 1-based; they may lie far outside ``rows``."""
    dimension: str | None = None
    """The ``<dimension ref>`` to write; by default the real used range."""


class _SharedStrings:
    """Collects the shared strings table while sheets are written."""

    def __init__(self) -> None:
        self.strings: list[str] = []
        self.index: dict[str, int] = {}

    def add(self, text: str) -> int:
        """Return the index of ``text``, adding it when new."""
        if text not in self.index:
            self.index[text] = len(self.strings)
            self.strings.append(text)
        return self.index[text]

    def xml(self) -> bytes:
        """Serialise the table."""
        items = "".join(f'<si><t xml:space="preserve">{escape(text)}</t></si>' for text in self.strings)
        count = len(self.strings)
        return (f'{_XML_DECL}<sst xmlns="{_NS_MAIN}" count="{count}" uniqueCount="{count}">{items}</sst>').encode()


def _cell_xml(ref: str, value: Cell, strings: _SharedStrings) -> str:
    """Serialise one cell; strings go to the shared strings table, ``None`` is a value-less cell."""
    if value is None:
        return f'<c r="{ref}"/>'
    if isinstance(value, str):
        return f'<c r="{ref}" t="s"><v>{strings.add(value)}</v></c>'
    return f'<c r="{ref}"><v>{value!r}</v></c>'


def sheet_xml(sheet: Sheet, strings: _SharedStrings, *, doctype: str = "", extra_row: str = "") -> bytes:
    """Serialise a worksheet; ``doctype`` goes before the root, ``extra_row`` is raw XML appended."""
    cells: dict[tuple[int, int], Cell] = {}
    for row_number, row in enumerate(sheet.rows, start=1):
        for column_number, value in enumerate(row, start=1):
            cells[(row_number, column_number)] = value
    cells.update(sheet.cells)
    by_row: dict[int, list[tuple[int, Cell]]] = {}
    for (row_number, column_number), value in sorted(cells.items()):
        by_row.setdefault(row_number, []).append((column_number, value))
    rows_xml = []
    for row_number, row_cells in by_row.items():
        inner = "".join(
            _cell_xml(f"{column_letter(column)}{row_number}", value, strings) for column, value in row_cells
        )
        rows_xml.append(f'<row r="{row_number}">{inner}</row>')
    if sheet.dimension is not None:
        dimension = f'<dimension ref="{sheet.dimension}"/>'
    elif cells:
        last_row = max(row for row, _ in cells)
        last_column = max(column for _, column in cells)
        dimension = f'<dimension ref="A1:{column_letter(last_column)}{last_row}"/>'
    else:
        dimension = '<dimension ref="A1"/>'
    return (
        f'{_XML_DECL}{doctype}<worksheet xmlns="{_NS_MAIN}" xmlns:r="{_NS_REL}">{dimension}'
        f"<sheetData>{''.join(rows_xml)}{extra_row}</sheetData></worksheet>"
    ).encode()


def xlsx_parts(
    sheets: Sequence[Sheet],
    *,
    sheet_xml_override: dict[int, bytes] | None = None,
    shared_strings_override: bytes | None = None,
    vba_project: bytes | None = None,
) -> list[tuple[str, bytes]]:
    """Return the parts (name, bytes) of a minimal but complete xlsx (or xlsm with ``vba_project``).

    ``sheet_xml_override`` replaces the XML of sheet N (1-based); ``shared_strings_override`` the
    shared strings table.
    """
    strings = _SharedStrings()
    sheet_parts = [sheet_xml(sheet, strings) for sheet in sheets]
    for number, data in (sheet_xml_override or {}).items():
        sheet_parts[number - 1] = data
    shared = shared_strings_override if shared_strings_override is not None else strings.xml()
    main_type = _CT_MACRO_MAIN if vba_project is not None else _CT_MAIN
    overrides = [f'<Override PartName="/xl/workbook.xml" ContentType="{main_type}"/>']
    overrides += [
        f'<Override PartName="/xl/worksheets/sheet{n}.xml" ContentType="{_CT_SHEET}"/>'
        for n in range(1, len(sheets) + 1)
    ]
    overrides.append(f'<Override PartName="/xl/sharedStrings.xml" ContentType="{_CT_SST}"/>')
    if vba_project is not None:
        overrides.append(f'<Override PartName="/xl/vbaProject.bin" ContentType="{_CT_VBA}"/>')
    content_types = (
        f'{_XML_DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f"{''.join(overrides)}</Types>"
    )
    root_rels = (
        f'{_XML_DECL}<Relationships xmlns="{_NS_PKG_REL}">'
        f'<Relationship Id="rId1" Type="{_NS_REL}/officeDocument" Target="xl/workbook.xml"/>'
        "</Relationships>"
    )
    sheet_entries = "".join(
        f'<sheet name="{escape(sheet.name)}" sheetId="{n}"{_HIDDEN if sheet.hidden else ""} r:id="rId{n}"/>'
        for n, sheet in enumerate(sheets, start=1)
    )
    active = next((n for n, sheet in enumerate(sheets) if not sheet.hidden), 0)
    workbook = (
        f'{_XML_DECL}<workbook xmlns="{_NS_MAIN}" xmlns:r="{_NS_REL}">'
        f'<bookViews><workbookView activeTab="{active}" firstSheet="{active}"/></bookViews>'
        f"<sheets>{sheet_entries}</sheets></workbook>"
    )
    relations = [
        f'<Relationship Id="rId{n}" Type="{_REL_SHEET}" Target="worksheets/sheet{n}.xml"/>'
        for n in range(1, len(sheets) + 1)
    ]
    relations.append(f'<Relationship Id="rId{len(sheets) + 1}" Type="{_REL_SST}" Target="sharedStrings.xml"/>')
    if vba_project is not None:
        relations.append(f'<Relationship Id="rId{len(sheets) + 2}" Type="{_REL_VBA}" Target="vbaProject.bin"/>')
    workbook_rels = f'{_XML_DECL}<Relationships xmlns="{_NS_PKG_REL}">{"".join(relations)}</Relationships>'
    parts = [
        ("[Content_Types].xml", content_types.encode()),
        ("_rels/.rels", root_rels.encode()),
        ("xl/workbook.xml", workbook.encode()),
        ("xl/_rels/workbook.xml.rels", workbook_rels.encode()),
    ]
    parts += [(f"xl/worksheets/sheet{n}.xml", data) for n, data in enumerate(sheet_parts, start=1)]
    parts.append(("xl/sharedStrings.xml", shared))
    if vba_project is not None:
        parts.append(("xl/vbaProject.bin", vba_project))
    return parts


def projects_sheet() -> Sheet:
    """The projects sheet of the readable fixtures."""
    return Sheet("Projecten", rows=[PROJECT_HEADER, *PROJECT_ROWS])


def valid_xlsx() -> bytes:
    """A small, valid inventory: one "Projecten" sheet with three projects (exit 0)."""
    return _zip(xlsx_parts([projects_sheet()]))


# --------------------------------------------------------------------------------------------------
# Minimal ods writer
# --------------------------------------------------------------------------------------------------

_ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"
_ODS_NAMESPACES = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
)


def _ods_row(values: Sequence[str], *, repeated: int = 1) -> str:
    """One ``table:table-row`` of string cells."""
    cells = "".join(
        f'<table:table-cell office:value-type="string"><text:p>{escape(value)}</text:p></table:table-cell>'
        for value in values
    )
    attribute = f' table:number-rows-repeated="{repeated}"' if repeated > 1 else ""
    return f"<table:table-row{attribute}>{cells}</table:table-row>"


def ods_content(table_name: str, rows_xml: str, *, doctype: str = "") -> bytes:
    """A ``content.xml`` with one table whose rows are the raw XML ``rows_xml``."""
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n{doctype}'
        f'<office:document-content {_ODS_NAMESPACES} office:version="1.2"><office:body><office:spreadsheet>'
        f'<table:table table:name="{escape(table_name)}">{rows_xml}</table:table>'
        "</office:spreadsheet></office:body></office:document-content>"
    ).encode()


def _ods_manifest(entries: str = "") -> bytes:
    """``META-INF/manifest.xml``; ``entries`` replaces the default content.xml entry."""
    content = entries or '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
        'manifest:version="1.2">'
        '<manifest:file-entry manifest:full-path="/" manifest:version="1.2" '
        'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        f"{content}</manifest:manifest>"
    ).encode()


def ods(content: bytes, *, manifest: bytes | None = None, content_stored: bool = False, level: int = 9) -> bytes:
    """Package ``content`` as an .ods (mimetype first and stored, as the standard requires)."""
    members = [
        ("mimetype", _ODS_MIMETYPE),
        ("META-INF/manifest.xml", manifest if manifest is not None else _ods_manifest()),
        ("content.xml", content),
    ]
    stored = ["mimetype", "content.xml"] if content_stored else ["mimetype"]
    return _zip(members, stored=stored, level=level)


def valid_ods() -> bytes:
    """A small, valid .ods inventory with the same three projects (exit 0)."""
    rows = "".join(_ods_row(row) for row in [PROJECT_HEADER, *PROJECT_ROWS])
    return ods(ods_content("Projecten", rows))


# --------------------------------------------------------------------------------------------------
# Not a spreadsheet, broken, empty
# --------------------------------------------------------------------------------------------------


def random_bytes(size: int = 64 * 1024, seed: int = 20240101) -> bytes:
    """Deterministic random bytes (not starting with a zip, OLE2 or BOM signature)."""
    data = random.Random(seed).randbytes(size)
    return b"\x00" + data[1:]


def empty_file() -> bytes:
    """A file of zero bytes."""
    return b""


def dutch_text() -> bytes:
    """Plain Dutch prose (UTF-8): neither a workbook nor a table."""
    return DUTCH_TEXT.encode("utf-8")


def truncated_xlsx() -> bytes:
    """A valid xlsx cut in half: the central directory is gone."""
    data = valid_xlsx()
    return data[: len(data) // 2]


def zip_of_text() -> bytes:
    """A zip that is not a workbook: one text file."""
    return _zip([("verslag.txt", dutch_text())])


def empty_workbook_xlsx() -> bytes:
    """An xlsx with one empty sheet, as Excel makes a new workbook."""
    return _zip(xlsx_parts([Sheet("Blad1")]))


def all_sheets_empty_xlsx() -> bytes:
    """An xlsx with three sheets that hold no values: value-less cells and an empty string only."""
    sheets = [
        Sheet("Projecten", rows=[[None, None, None], [None, ""]]),
        Sheet("Partners", rows=[[None]]),
        Sheet("Blad3"),
    ]
    return _zip(xlsx_parts(sheets))


def no_projects_table_xlsx() -> bytes:
    """An xlsx with only a hidden dropdown sheet "Lijsten" and an empty visible sheet."""
    lists = Sheet(
        "Lijsten",
        rows=[("Fase", "Rol"), ("visie", "regisseur"), ("beleid", "partner"), ("uitvoering", "facilitator")],
        hidden=True,
    )
    return _zip(xlsx_parts([Sheet("Blad1"), lists]))


# --------------------------------------------------------------------------------------------------
# Zip bombs
# --------------------------------------------------------------------------------------------------

_BOMB_HEAD = (
    f'{_XML_DECL}<worksheet xmlns="{_NS_MAIN}"><sheetData>'
    '<row r="1"><c r="A1" t="inlineStr"><is><t>Projectnaam</t></is></c></row>'
).encode()
_BOMB_ROW = b'<row><c t="inlineStr"><is><t>x</t></is></c></row>'
_BOMB_TAIL = b"</sheetData></worksheet>"


def _bomb_members(payload_size: int, filler: str) -> bytes:
    """A valid-looking xlsx whose sheet1.xml is about ``payload_size`` bytes of repeated XML.

    ``filler`` is ``"rows"`` (one-cell rows without ``r``: a reader that parses it builds millions of
    cells) or ``"spaces"`` (whitespace inside ``sheetData``: cheap to parse, expensive to inflate).
    The payload is streamed through the compressor in 1 MiB chunks.
    """
    unit = _BOMB_ROW if filler == "rows" else b" "
    chunk = unit * (MIB // len(unit))
    parts = dict(xlsx_parts([Sheet("Projecten")]))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in parts.items():
            if name != "xl/worksheets/sheet1.xml":
                archive.writestr(_zipinfo(name), data)
                continue
            with archive.open(_zipinfo(name), "w") as member:
                member.write(_BOMB_HEAD)
                written = len(_BOMB_HEAD)
                while written + len(chunk) <= payload_size:
                    member.write(chunk)
                    written += len(chunk)
                member.write(_BOMB_TAIL)
    return buffer.getvalue()


@functools.cache
def zip_bomb_declared(payload_size: int = BOMB_SIZE, filler: str = "rows") -> bytes:
    """(a) An xlsx whose sheet1.xml really is, and declares to be, ``payload_size`` bytes (~300 KB file)."""
    return _bomb_members(payload_size, filler)


@functools.cache
def zip_bomb_lying(payload_size: int = BOMB_SIZE, declared: int = 4096, filler: str = "rows") -> bytes:
    """(b) Like :func:`zip_bomb_declared`, but both headers declare sheet1.xml to be ``declared`` bytes.

    The CRC-32 is the real one of the full payload, so a reader that trusts the declared size sees a
    CRC mismatch, and one that inflates to the end of the deflate stream gets 300 MB.
    """
    return _patch_member(zip_bomb_declared(payload_size, filler), "xl/worksheets/sheet1.xml", file_size=declared)


@functools.cache
def zip_many_members(count: int = 100_000) -> bytes:
    """(c) A valid inventory xlsx plus ``count`` empty members (about 9 MB for 100 000)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in xlsx_parts([projects_sheet()]):
            archive.writestr(_zipinfo(name), data)
        for number in range(count):
            archive.writestr(_zipinfo(f"x/{number:x}", stored=True), b"")
    return buffer.getvalue()


@functools.cache
def zip_nested(copies: int = 10) -> bytes:
    """(d) A zip of ``copies`` zips, each a 300 MB bomb: 3 GB for a reader that unpacks recursively."""
    inner = zip_bomb_declared()
    return _zip([(f"deel{number}.zip", inner) for number in range(copies)])


# --------------------------------------------------------------------------------------------------
# XML entity attacks
# --------------------------------------------------------------------------------------------------


def billion_laughs_doctype(root: str) -> str:
    """The classic billion-laughs DTD (10^9 "lol"s, 3 GB) for a document whose root is ``root``."""
    lines = ['<!ENTITY lol "lol">']
    for level in range(1, 10):
        previous = "lol" if level == 1 else f"lol{level - 1}"
        lines.append(f'<!ENTITY lol{level} "{f"&{previous};" * 10}">')
    return f"<!DOCTYPE {root} [\n" + "\n".join(lines) + "\n]>\n"


def _xxe_doctype(root: str, target: str = "file:///etc/passwd") -> str:
    """A DTD with an external entity ``xxe`` that points at ``target``."""
    return f'<!DOCTYPE {root} [\n<!ENTITY xxe SYSTEM "{target}">\n]>\n'


def _entity_in_shared_strings(doctype: str, entity: str) -> bytes:
    """An inventory xlsx whose last project's name is the shared string ``&entity;``."""
    strings = _SharedStrings()
    sheet = Sheet("Projecten", rows=[PROJECT_HEADER, *PROJECT_ROWS, ("PLACEHOLDER", "visie")])
    sheet_data = sheet_xml(sheet, strings)
    items = "".join(
        f"<si><t>&{entity};</t></si>" if text == "PLACEHOLDER" else f"<si><t>{escape(text)}</t></si>"
        for text in strings.strings
    )
    count = len(strings.strings)
    shared = (
        f'{_XML_DECL}{doctype}<sst xmlns="{_NS_MAIN}" count="{count}" uniqueCount="{count}">{items}</sst>'
    ).encode()
    return _zip(xlsx_parts([sheet], sheet_xml_override={1: sheet_data}, shared_strings_override=shared))


def billion_laughs_shared_strings_xlsx() -> bytes:
    """An inventory xlsx with billion laughs in ``xl/sharedStrings.xml`` (a project named ``&lol9;``)."""
    return _entity_in_shared_strings(billion_laughs_doctype("sst"), "lol9")


def billion_laughs_sheet_xlsx() -> bytes:
    """An inventory xlsx with billion laughs in ``xl/worksheets/sheet1.xml`` (an inline string cell)."""
    strings = _SharedStrings()
    sheet = Sheet("Projecten", rows=[PROJECT_HEADER, *PROJECT_ROWS])
    extra = f'<row r="{len(PROJECT_ROWS) + 2}"><c r="A{len(PROJECT_ROWS) + 2}" t="inlineStr"><is><t>&lol9;</t></is></c></row>'
    data = sheet_xml(sheet, strings, doctype=billion_laughs_doctype("worksheet"), extra_row=extra)
    return _zip(xlsx_parts([sheet], sheet_xml_override={1: data}, shared_strings_override=strings.xml()))


def xxe_shared_strings_xlsx(target: str = "file:///etc/passwd") -> bytes:
    """An inventory xlsx whose shared strings hold an external entity that reads ``target``."""
    return _entity_in_shared_strings(_xxe_doctype("sst", target), "xxe")


def billion_laughs_ods() -> bytes:
    """An inventory .ods with billion laughs in ``content.xml`` (a project named ``&lol9;``)."""
    rows = "".join(_ods_row(row) for row in [PROJECT_HEADER, *PROJECT_ROWS])
    rows += '<table:table-row><table:table-cell office:value-type="string"><text:p>&lol9;</text:p></table:table-cell></table:table-row>'
    return ods(ods_content("Projecten", rows, doctype=billion_laughs_doctype("office:document-content")))


# --------------------------------------------------------------------------------------------------
# Dimension bombs
# --------------------------------------------------------------------------------------------------


def dimension_bomb_xlsx() -> bytes:
    """An inventory xlsx with three projects and one more cell at XFD1048576, the last cell.

    The file is a few KB; a reader that makes a dense grid of the used range allocates
    1 048 576 x 16 384 = 17 billion cells.
    """
    sheet = projects_sheet()
    sheet.cells[(MAX_ROW, MAX_COLUMN)] = "einde"
    return _zip(xlsx_parts([sheet]))


def dimension_bomb_medium_xlsx(last_column: int = MAX_COLUMN, last_row: int = 4096) -> bytes:
    """An inventory xlsx with three projects and one more cell at XFD4096.

    The dense grid is 67 million cells: small enough that the allocation succeeds (about 2 GiB at
    32 bytes a cell) and a naive reader really uses the memory, instead of failing at once.
    """
    sheet = projects_sheet()
    sheet.cells[(last_row, last_column)] = "einde"
    return _zip(xlsx_parts([sheet]))


def formatted_far_cell_xlsx() -> bytes:
    """A legitimate inventory xlsx with a value-less (formatted-only) cell at XFD1048576.

    Excel writes such cells when a user formats whole columns or rows; the cell holds no value, so the
    used range is A1:D4.
    """
    sheet = projects_sheet()
    sheet.cells[(MAX_ROW, MAX_COLUMN)] = None
    return _zip(xlsx_parts([sheet]))


def dimension_lie_xlsx() -> bytes:
    """A valid inventory xlsx whose ``<dimension>`` claims A1:XFD1048576 but which has 16 cells.

    A reader that sizes its grid from the declared dimension allocates 17 billion cells; the file is
    otherwise a legitimate inventory.
    """
    sheet = projects_sheet()
    sheet.dimension = f"A1:{column_letter(MAX_COLUMN)}{MAX_ROW}"
    return _zip(xlsx_parts([sheet]))


def repeat_bomb_ods() -> bytes:
    """An .ods whose table is a header row plus one row repeated 1 048 575 times, each holding one
    string cell repeated 16 384 times: 17 billion non-empty cells described in 600 bytes of XML."""
    rows = _ods_row(("Projectnaam", "Fase"))
    rows += (
        f'<table:table-row table:number-rows-repeated="{MAX_ROW - 1}">'
        f'<table:table-cell table:number-columns-repeated="{MAX_COLUMN}" office:value-type="string">'
        "<text:p>x</text:p></table:table-cell></table:table-row>"
    )
    return ods(ods_content("Projecten", rows))


def dimension_bomb_under_limit_xlsx() -> bytes:
    """An inventory xlsx with one more cell at XFD1500: 24.6 million cells, just under 25 million.

    Calamine makes a dense grid of 32-byte cells (786 MB) before any Python code sees it.
    """
    return dimension_bomb_medium_xlsx(MAX_COLUMN, 1500)


_FAR_CELL = '<c r="XFD1048576" t="inlineStr"><is><t>einde</t></is></c>'


def _projects_xlsx_with_row(row_xml: str, sheet_path: str = "xl/worksheets/sheet1.xml") -> bytes:
    """The valid inventory xlsx plus the raw ``row_xml`` at the end of its sheet.

    ``sheet_path`` moves the sheet part elsewhere in the package (relationship and content type follow):
    Excel finds sheets through ``xl/_rels/workbook.xml.rels``, not by their path.
    The ``<dimension>`` stays A1:D4, as an attacker would leave it.
    """
    parts = dict(xlsx_parts([projects_sheet()]))
    default = "xl/worksheets/sheet1.xml"
    parts[default] = parts[default].replace(b"</sheetData>", row_xml.encode() + b"</sheetData>")
    if sheet_path != default:
        parts[sheet_path] = parts.pop(default)
        target = sheet_path.removeprefix("xl/").encode()
        parts["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/workbook.xml.rels"].replace(
            b"worksheets/sheet1.xml", target
        )
        parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
            b"/xl/worksheets/sheet1.xml", b"/" + sheet_path.encode()
        )
    return _zip(list(parts.items()))


def dimension_bomb_single_quotes_xlsx() -> bytes:
    """The dimension bomb with single-quoted attributes (``r='XFD1048576'``), which XML allows."""
    return _projects_xlsx_with_row(f"<row r='{MAX_ROW}'>" + _FAR_CELL.replace('"', "'") + "</row>")


def dimension_bomb_spaced_equals_xlsx() -> bytes:
    """The dimension bomb with white space around ``=`` (``r = "XFD1048576"``), which XML allows."""
    return _projects_xlsx_with_row(f'<row r = "{MAX_ROW}">' + _FAR_CELL.replace("=", " = ") + "</row>")


def dimension_bomb_row_without_r_xlsx() -> bytes:
    """The dimension bomb in a ``<row>`` without an ``r`` attribute (optional in SpreadsheetML)."""
    return _projects_xlsx_with_row(f"<row>{_FAR_CELL}</row>")


def dimension_bomb_relocated_sheet_xlsx() -> bytes:
    """The dimension bomb in a sheet stored at ``xl/data/blad1.xml`` instead of ``xl/worksheets/``."""
    return _projects_xlsx_with_row(f'<row r="{MAX_ROW}">{_FAR_CELL}</row>', "xl/data/blad1.xml")


def dimension_bomb_uppercase_extension_xlsx() -> bytes:
    """The dimension bomb in a sheet part named ``sheet1.XML`` (part names are case-insensitive)."""
    return _projects_xlsx_with_row(f'<row r="{MAX_ROW}">{_FAR_CELL}</row>', "xl/worksheets/sheet1.XML")


def dimension_bomb_sheet_part_named(part: str) -> Callable[[], bytes]:
    """The dimension bomb in a sheet part whose name does not end in ``.xml`` (``sheet1.dat``,
    ``sheet1``, ``sheet1.xml.bak``): Excel and calamine find it through the relationships all the same."""

    def build() -> bytes:
        return _projects_xlsx_with_row(f'<row r="{MAX_ROW}">{_FAR_CELL}</row>', part)

    build.__name__ = f"dimension_bomb_{part.rsplit('/', 1)[-1].replace('.', '_')}"
    return build


def referenceless_far_cells_xlsx(row: int = MAX_ROW, columns: int = MAX_COLUMN) -> bytes:
    """A far row holding ``columns`` cells without an ``r`` attribute: each follows the previous one,
    so the last is at column XFD and the used range is ``row`` × 16 384 cells (17 billion for the
    last row; 2 KB of file once compressed)."""
    cells = '<c t="inlineStr"><is><t>x</t></is></c>' * columns
    return _projects_xlsx_with_row(f'<row r="{row}">{cells}</row>')


def referenceless_rows_2000_xlsx() -> bytes:
    """The reference-less variant in row 2 000: 32,8 million cells, which a reader that trusts the
    references would let through and which costs a dense reader 1 GB."""
    return referenceless_far_cells_xlsx(2_000)


FLOOD_BUDGET = 1_000_000
"""The cell budget the element flood is tried with (REGIE_MAX_CELLS): the flood is over the element
limit that follows from it, as 20 million elements are over the default budget's."""


def element_flood_ods(megabytes: int = 64) -> bytes:
    """A valid .ods inventory whose content.xml also holds about 7 million empty elements outside any
    cell (``megabytes`` MB, not compressible beyond the zip-bomb ratio): a scanner that keeps them costs
    gigabytes, one that walks them costs minutes. Tried with :data:`FLOOD_BUDGET`."""
    rng = random.Random(7)
    block = "".join(f"<e{rng.randrange(100_000):05d}/>" for _ in range(MIB // 9)).encode()
    rows = _ods_row(PROJECT_HEADER) + "".join(_ods_row(row) for row in PROJECT_ROWS)
    content = ods_content("Projecten", "@FLOOD@" + rows)
    head, tail = content.split(b"@FLOOD@")
    return ods(head + block * megabytes + tail, level=1)


def csv_near_upload_limit(size: int = 49_000_000) -> bytes:
    """A CSV just under the 50 MB upload limit: a header and short records (20 million cells)."""
    header = b"Projectnaam;Fase;Rol\r\n"
    record = b"P;visie;regisseur\r\n"
    return header + record * ((size - len(header)) // len(record))


def csv_empty_columns_bomb(columns: int = 100_000, rows: int = 20) -> bytes:
    """A 2 MB CSV: a projects header, one project, then ``rows`` records of ``columns`` empty fields.

    Every extra column is empty, so the table is two columns wide; a reader that handles columns one by
    one spends seconds per 10 000 of them.
    """
    head = b"Projectnaam;Fase\r\nWoonvisie 2030;visie\r\n"
    return head + (b";" * (columns - 1) + b"\r\n") * rows


# --------------------------------------------------------------------------------------------------
# Minimal xlsb writer (BIFF12 records)
# --------------------------------------------------------------------------------------------------

_CT_XLSB_MAIN = "application/vnd.ms-excel.sheet.binary.macroEnabled.main"
_CT_XLSB_SHEET = "application/vnd.ms-excel.worksheet"


def _record(record_type: int, payload: bytes = b"") -> bytes:
    """One BIFF12 record: type and size as 7-bit varints, then the payload."""
    if record_type < 0x80:
        head = bytes([record_type])
    else:
        head = bytes([(record_type & 0x7F) | 0x80, record_type >> 7])
    size = len(payload)
    encoded = bytearray()
    while True:
        byte, size = size & 0x7F, size >> 7
        encoded.append(byte | (0x80 if size else 0))
        if not size:
            break
    return head + bytes(encoded) + payload


def _wide_string(text: str) -> bytes:
    """An XLWideString: character count, then UTF-16LE."""
    return struct.pack("<I", len(text)) + text.encode("utf-16-le")


def xlsb(cells: dict[tuple[int, int], str], sheet_name: str = "Projecten") -> bytes:
    """A minimal .xlsb with one sheet of string cells keyed by 0-based (row, column)."""
    by_row: dict[int, list[tuple[int, str]]] = {}
    for (row, column), value in sorted(cells.items()):
        by_row.setdefault(row, []).append((column, value))
    last_row = max(by_row)
    last_column = max(column for _, column in cells)
    sheet = _record(0x81) + _record(0x94, struct.pack("<IIII", 0, last_row, 0, last_column)) + _record(0x91)
    for row, row_cells in by_row.items():
        sheet += _record(0x00, struct.pack("<IIHBHI", row, 0, 300, 0, 0, 0))  # BrtRowHdr
        for column, value in row_cells:
            sheet += _record(0x06, struct.pack("<II", column, 0) + _wide_string(value))  # BrtCellSt
    sheet += _record(0x92) + _record(0x82)
    bundle = struct.pack("<II", 0, 1) + _wide_string("rId1") + _wide_string(sheet_name)
    workbook = _record(0x83) + _record(0x8F) + _record(0x9C, bundle) + _record(0x90) + _record(0x84)
    content_types = (
        f'{_XML_DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/xl/workbook.bin" ContentType="{_CT_XLSB_MAIN}"/>'
        f'<Override PartName="/xl/worksheets/sheet1.bin" ContentType="{_CT_XLSB_SHEET}"/></Types>'
    )
    root_rels = (
        f'{_XML_DECL}<Relationships xmlns="{_NS_PKG_REL}">'
        f'<Relationship Id="rId1" Type="{_NS_REL}/officeDocument" Target="xl/workbook.bin"/></Relationships>'
    )
    workbook_rels = (
        f'{_XML_DECL}<Relationships xmlns="{_NS_PKG_REL}">'
        f'<Relationship Id="rId1" Type="{_REL_SHEET}" Target="worksheets/sheet1.bin"/></Relationships>'
    )
    return _zip(
        [
            ("[Content_Types].xml", content_types.encode()),
            ("_rels/.rels", root_rels.encode()),
            ("xl/workbook.bin", workbook),
            ("xl/_rels/workbook.bin.rels", workbook_rels.encode()),
            ("xl/worksheets/sheet1.bin", sheet),
        ]
    )


def _project_cells() -> dict[tuple[int, int], str]:
    return {
        (row, column): value
        for row, values in enumerate([PROJECT_HEADER, *PROJECT_ROWS])
        for column, value in enumerate(values)
    }


def valid_xlsb() -> bytes:
    """A small, valid .xlsb inventory with the three projects (exit 0)."""
    return xlsb(_project_cells())


def dimension_bomb_xlsb() -> bytes:
    """The .xlsb inventory plus one cell at XFD1048576 (BIFF12, so no XML to scan)."""
    cells = _project_cells()
    cells[(MAX_ROW - 1, MAX_COLUMN - 1)] = "einde"
    return xlsb(cells)


# --------------------------------------------------------------------------------------------------
# Encryption
# --------------------------------------------------------------------------------------------------


@functools.cache
def _xls(far_cell: bool) -> bytes:
    import xlwt

    book = xlwt.Workbook()
    sheet = book.add_sheet("Projecten")
    for r, row in enumerate([PROJECT_HEADER, *PROJECT_ROWS]):
        for c, value in enumerate(row):
            sheet.write(r, c, value)
    if far_cell:
        sheet.write(65535, 255, "x")
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def valid_xls() -> bytes:
    """The three projects as a legacy .xls (BIFF8, written by xlwt)."""
    return _xls(False)


def far_cell_xls() -> bytes:
    """The three projects as .xls with one value in cell IV65536, the last of an Excel 97 sheet."""
    return _xls(True)


def encrypted_xlsx(password: str = PASSWORD) -> bytes:
    """A valid inventory xlsx encrypted with Excel's "Encrypt with password" (ECMA-376 agile, AES-256).

    The result is an OLE2 compound file with ``EncryptionInfo`` and ``EncryptedPackage`` streams, as
    Excel writes it; it needs ``msoffcrypto-tool``.
    """
    from msoffcrypto.format.ooxml import OOXMLFile

    out = io.BytesIO()
    OOXMLFile(io.BytesIO(encryptable_xlsx())).encrypt(password, out)
    return out.getvalue()


def encryptable_xlsx() -> bytes:
    """The plain inventory inside :func:`encrypted_xlsx`: :func:`valid_xlsx` grown past 4 KiB.

    msoffcrypto-tool 6.1.0 writes an ``EncryptedPackage`` of under 4096 bytes into the OLE mini stream
    in a way that its own decrypt rejects ("not a multiple of the block length"), so the sheet is padded
    with an XML comment and stored uncompressed.
    """
    parts = xlsx_parts([projects_sheet()])
    padded = [
        (name, data + b"<!--" + b" " * 4096 + b"-->" if name == "xl/worksheets/sheet1.xml" else data)
        for name, data in parts
    ]
    return _zip(padded, stored=["xl/worksheets/sheet1.xml"])


def zipcrypto_xlsx(password: str = PASSWORD) -> bytes:
    """A valid inventory xlsx whose zip members are all ZipCrypto-encrypted (flag bit 0 set).

    Excel never writes this, but a zip tool ("add to archive with password") does.
    """
    return _zipcrypto_zip(xlsx_parts([projects_sheet()]), password)


@functools.cache
def encrypted_ods(password: str = PASSWORD) -> bytes:
    """A valid inventory .ods whose content.xml is encrypted as LibreOffice does ("Save with password").

    content.xml is deflated, then AES-256-CBC encrypted with a key derived by PBKDF2 (HMAC-SHA1,
    100 000 iterations) from SHA-256 of the password, and described by ``manifest:encryption-data``.
    Needs ``cryptography`` (a dependency of ``msoffcrypto-tool``).
    """
    from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

    rng = random.Random(2)
    plain = ods_content("Projecten", "".join(_ods_row(row) for row in [PROJECT_HEADER, *PROJECT_ROWS]))
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    deflated = compressor.compress(plain) + compressor.flush()
    salt, iv = rng.randbytes(16), rng.randbytes(16)
    start_key = hashlib.sha256(password.encode("utf-8")).digest()
    key = hashlib.pbkdf2_hmac("sha1", start_key, salt, 100_000, 32)
    pad = 16 - len(deflated) % 16
    padded = deflated + rng.randbytes(pad - 1) + bytes([pad])  # W3C XML Encryption (ISO 10126) padding
    encryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).encryptor()
    encrypted = encryptor.update(padded) + encryptor.finalize()
    checksum = hashlib.sha256(deflated[:1024]).digest()

    def b64(data: bytes) -> str:
        return base64.b64encode(data).decode("ascii")

    entry = (
        f'<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml" '
        f'manifest:size="{len(plain)}"><manifest:encryption-data '
        'manifest:checksum-type="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0#sha256-1k" '
        f'manifest:checksum="{b64(checksum)}">'
        '<manifest:algorithm manifest:algorithm-name="http://www.w3.org/2001/04/xmlenc#aes256-cbc" '
        f'manifest:initialisation-vector="{b64(iv)}"/>'
        "<manifest:start-key-generation manifest:start-key-generation-name="
        '"http://www.w3.org/2000/09/xmldsig#sha256" manifest:key-size="32"/>'
        '<manifest:key-derivation manifest:key-derivation-name="PBKDF2" manifest:key-size="32" '
        f'manifest:iteration-count="100000" manifest:salt="{b64(salt)}"/>'
        "</manifest:encryption-data></manifest:file-entry>"
    )
    return ods(encrypted, manifest=_ods_manifest(entry), content_stored=True)


# --------------------------------------------------------------------------------------------------
# Large CSV, macros
# --------------------------------------------------------------------------------------------------


def large_csv_head() -> bytes:
    """The first bytes of the over-large CSV; :func:`write_case` extends it to a sparse file."""
    lines = [";".join(PROJECT_HEADER[:2])] + [";".join(row[:2]) for row in PROJECT_ROWS]
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")


VBA_SOURCE = (
    'Attribute VB_Name = "ThisWorkbook"\r\n'
    "Private Sub Workbook_Open()\r\n"
    '    Shell "sh -c ""touch /tmp/regie-macro-has-run"""\r\n'
    "End Sub\r\n"
)
"""The (uncompiled) macro in the xlsm's vbaProject.bin: it would create ``/tmp/regie-macro-has-run``."""


def vba_project_bin() -> bytes:
    """A stand-in ``vbaProject.bin``: the OLE2 signature followed by the macro source.

    It is not a valid compound file; readers must not look inside it at all.
    """
    return b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504) + VBA_SOURCE.encode("ascii")


def xlsm_with_macros() -> bytes:
    """A valid macro-enabled inventory (.xlsm) with three projects and a ``Workbook_Open`` macro."""
    return _zip(xlsx_parts([projects_sheet()], vba_project=vba_project_bin()))


# --------------------------------------------------------------------------------------------------
# The catalogue
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class HostileCase:
    """One hostile upload: how to build it and what ``python -m regie analyse`` may answer."""

    id: str
    filename: str
    build: Callable[[], bytes]
    exit_codes: frozenset[int]
    """Accepted exit codes: {2} unreadable, {0} readable, {0, 2} either (the reader decides)."""
    why: str
    hints: tuple[str, ...] = ()
    """On exit 2, the message must contain one of these (case-insensitive), when any are given."""
    sparse_size: int | None = None
    """When set, the file is extended to this size with a hole (no data written)."""
    projects: int | None = None
    """On exit 0, the expected ``counts.projects``."""
    env: tuple[tuple[str, str], ...] = ()
    """Environment variables the command runs with (a lowered budget, say)."""


UNREADABLE = frozenset({2})
READABLE = frozenset({0})
EITHER = frozenset({0, 2})
_ENCRYPTED_HINTS = ("wachtwoord", "versleuteld", "beveiligd")
_TOO_LARGE_HINTS = ("groot", "MB", "omvang")

CASES: tuple[HostileCase, ...] = (
    HostileCase("control-valid-xlsx", "inventaris.xlsx", valid_xlsx, READABLE, "control", projects=3),
    HostileCase("control-valid-ods", "inventaris.ods", valid_ods, READABLE, "control", projects=3),
    HostileCase("random-bytes-xlsx", "willekeurig.xlsx", random_bytes, UNREADABLE, "not a spreadsheet"),
    HostileCase("empty-file-xlsx", "leeg.xlsx", empty_file, UNREADABLE, "zero bytes"),
    HostileCase("empty-file-csv", "leeg.csv", empty_file, UNREADABLE, "zero bytes"),
    HostileCase("dutch-text-xlsx", "verslag.xlsx", dutch_text, UNREADABLE, "prose, no projects table"),
    HostileCase("dutch-text-csv", "verslag.csv", dutch_text, UNREADABLE, "prose, no projects table"),
    HostileCase("truncated-xlsx", "afgebroken.xlsx", truncated_xlsx, UNREADABLE, "central directory missing"),
    HostileCase("zip-of-text", "archief.xlsx", zip_of_text, UNREADABLE, "a zip but not a workbook"),
    HostileCase("empty-workbook-xlsx", "nieuw.xlsx", empty_workbook_xlsx, UNREADABLE, "every sheet empty"),
    HostileCase("all-sheets-empty-xlsx", "lege-bladen.xlsx", all_sheets_empty_xlsx, UNREADABLE, "every sheet empty"),
    HostileCase(
        "no-projects-table-xlsx",
        "sjabloon.xlsx",
        no_projects_table_xlsx,
        UNREADABLE,
        "only a hidden Lijsten sheet and an empty visible sheet",
    ),
    HostileCase(
        "zipbomb-declared-300mb",
        "bom.xlsx",
        zip_bomb_declared,
        UNREADABLE,
        "declared uncompressed sizes add up to 300 MB > 200 MB",
        hints=_TOO_LARGE_HINTS,
    ),
    HostileCase(
        "zipbomb-lying-size",
        "bom-liegt.xlsx",
        zip_bomb_lying,
        UNREADABLE,
        "declares 4 KB, inflates to 300 MB; the CRC does not match the declared size",
    ),
    HostileCase(
        "zip-100000-members",
        "veel-leden.xlsx",
        zip_many_members,
        EITHER,
        "valid inventory plus 100 000 empty members: readable, unless the reader caps the member count",
    ),
    HostileCase("nested-zip", "genest.xlsx", zip_nested, UNREADABLE, "a zip of zip bombs, not a workbook"),
    HostileCase(
        "billion-laughs-sharedstrings",
        "lol-sst.xlsx",
        billion_laughs_shared_strings_xlsx,
        UNREADABLE,
        "DTD with entity expansion; Excel never writes a DTD",
    ),
    HostileCase(
        "billion-laughs-sheet",
        "lol-blad.xlsx",
        billion_laughs_sheet_xlsx,
        UNREADABLE,
        "DTD with entity expansion; Excel never writes a DTD",
    ),
    HostileCase(
        "xxe-sharedstrings",
        "xxe.xlsx",
        xxe_shared_strings_xlsx,
        UNREADABLE,
        "external entity to /etc/passwd; must never be resolved",
    ),
    HostileCase(
        "billion-laughs-ods",
        "lol.ods",
        billion_laughs_ods,
        UNREADABLE,
        "DTD with entity expansion; LibreOffice never writes a DTD",
    ),
    HostileCase(
        "dimension-bomb-xlsx",
        "ver-weg.xlsx",
        dimension_bomb_xlsx,
        EITHER,
        "3 projects plus a cell at XFD1048576: readable when sparse, or refused as too large",
    ),
    HostileCase(
        "dimension-bomb-medium-xlsx",
        "ver-weg-4096.xlsx",
        dimension_bomb_medium_xlsx,
        EITHER,
        "3 projects plus a cell at XFD4096: a dense grid of 67 million cells (2 GiB)",
    ),
    HostileCase(
        "formatted-far-cell-xlsx",
        "opgemaakt.xlsx",
        formatted_far_cell_xlsx,
        READABLE,
        "legitimate inventory with a value-less cell at XFD1048576 (whole-sheet formatting)",
        projects=3,
    ),
    HostileCase(
        "dimension-bomb-under-limit-xlsx",
        "ver-weg-1500.xlsx",
        dimension_bomb_under_limit_xlsx,
        EITHER,
        "3 projects plus a cell at XFD1500: 24.6 million cells, just under a 25 million cell limit",
    ),
    HostileCase(
        "dimension-bomb-single-quotes-xlsx",
        "aanhalingstekens.xlsx",
        dimension_bomb_single_quotes_xlsx,
        EITHER,
        "far cell written r='XFD1048576' (single quotes)",
    ),
    HostileCase(
        "dimension-bomb-spaced-equals-xlsx",
        "spaties.xlsx",
        dimension_bomb_spaced_equals_xlsx,
        EITHER,
        'far cell written r = "XFD1048576" (spaces around =)',
    ),
    HostileCase(
        "dimension-bomb-row-without-r-xlsx",
        "rij-zonder-r.xlsx",
        dimension_bomb_row_without_r_xlsx,
        EITHER,
        "far cell in a <row> without r",
    ),
    HostileCase(
        "dimension-bomb-relocated-sheet-xlsx",
        "verplaatst.xlsx",
        dimension_bomb_relocated_sheet_xlsx,
        EITHER,
        "far cell in a sheet part at xl/data/blad1.xml",
    ),
    HostileCase(
        "dimension-bomb-uppercase-ext-xlsx",
        "hoofdletters.xlsx",
        dimension_bomb_uppercase_extension_xlsx,
        EITHER,
        "far cell in a sheet part named sheet1.XML",
    ),
    *(
        HostileCase(
            f"dimension-bomb-part-{part.rsplit('/', 1)[-1]}",
            "onderdeel.xlsx",
            dimension_bomb_sheet_part_named(part),
            UNREADABLE,
            f"far cell in a sheet part named {part} (found through the relationships)",
            hints=_TOO_LARGE_HINTS,
        )
        for part in ("xl/worksheets/sheet1.dat", "xl/worksheets/sheet1", "xl/worksheets/sheet1.xml.bak")
    ),
    HostileCase(
        "referenceless-far-cells-xlsx",
        "zonder-verwijzing.xlsx",
        referenceless_far_cells_xlsx,
        UNREADABLE,
        "16 384 cells without r in row 1 048 576: 17 billion cells",
        hints=_TOO_LARGE_HINTS,
    ),
    HostileCase(
        "referenceless-row-2000-xlsx",
        "zonder-verwijzing-2000.xlsx",
        referenceless_rows_2000_xlsx,
        UNREADABLE,
        "16 384 cells without r in row 2 000: 32,8 million cells, over the budget",
        hints=_TOO_LARGE_HINTS,
    ),
    HostileCase(
        "element-flood-ods",
        "vloed.ods",
        element_flood_ods,
        UNREADABLE,
        "7 million empty elements in content.xml, tried with a budget of 1 million cells",
        hints=("ingewikkeld",),
        env=(("REGIE_MAX_CELLS", str(FLOOD_BUDGET)),),
    ),
    HostileCase(
        "csv-near-upload-limit",
        "bijna-50mb.csv",
        csv_near_upload_limit,
        UNREADABLE,
        "49 MB CSV of 2,9 million records: over the row and cell budget",
        hints=_TOO_LARGE_HINTS,
    ),
    HostileCase("control-valid-xlsb", "inventaris.xlsb", valid_xlsb, READABLE, "control", projects=3),
    HostileCase("control-valid-xls", "inventaris.xls", valid_xls, READABLE, "control", projects=3),
    HostileCase(
        "far-cell-xls",
        "ver-weg.xls",
        far_cell_xls,
        UNREADABLE,
        "6 KB xls with 3 projects and one value in the last row and column (65 536 × 256: 1 GB in calamine)",
        hints=_TOO_LARGE_HINTS,
    ),
    HostileCase(
        "dimension-bomb-xlsb",
        "ver-weg.xlsb",
        dimension_bomb_xlsb,
        EITHER,
        "xlsb with 3 projects and a cell at XFD1048576",
    ),
    HostileCase(
        "csv-empty-columns-bomb",
        "breed.csv",
        csv_empty_columns_bomb,
        EITHER,
        "2 MB CSV with 100 000 empty columns after one project",
    ),
    HostileCase(
        "dimension-lie-xlsx",
        "dimensie.xlsx",
        dimension_lie_xlsx,
        READABLE,
        "legitimate 16-cell inventory whose <dimension> claims A1:XFD1048576",
        projects=3,
    ),
    HostileCase(
        "repeat-bomb-ods",
        "herhaling.ods",
        repeat_bomb_ods,
        EITHER,
        "17 billion repeated non-empty cells in 600 bytes: must be refused or read without expanding",
    ),
    HostileCase(
        "encrypted-xlsx",
        "geheim.xlsx",
        encrypted_xlsx,
        UNREADABLE,
        "Excel password encryption (OLE2 EncryptedPackage)",
        hints=_ENCRYPTED_HINTS,
    ),
    HostileCase(
        "zipcrypto-xlsx",
        "geheim-zip.xlsx",
        zipcrypto_xlsx,
        UNREADABLE,
        "zip members encrypted with ZipCrypto (flag bit 0)",
        hints=_ENCRYPTED_HINTS,
    ),
    HostileCase(
        "encrypted-ods",
        "geheim.ods",
        encrypted_ods,
        UNREADABLE,
        "LibreOffice password encryption (manifest encryption-data)",
        hints=_ENCRYPTED_HINTS,
    ),
    HostileCase(
        "large-csv-201mb",
        "groot.csv",
        large_csv_head,
        UNREADABLE,
        "sparse CSV of 201 MiB > 200 MB",
        hints=_TOO_LARGE_HINTS,
        sparse_size=LARGE_CSV_SIZE,
    ),
    HostileCase(
        "xlsm-with-macros",
        "macro.xlsm",
        xlsm_with_macros,
        READABLE,
        "valid inventory with a Workbook_Open macro that must never run",
        projects=3,
    ),
)
"""Every hostile file, in a stable order; ``id`` is readable for pytest parametrisation."""

CASES_BY_ID = {case.id: case for case in CASES}


def case_bytes(case: HostileCase) -> bytes:
    """The file's bytes (for a sparse case only its written head)."""
    return case.build()


def write_case(case: HostileCase, directory: Path) -> Path:
    """Write ``case`` into ``directory`` under its file name and return the path."""
    path = Path(directory) / case.filename
    with path.open("wb") as handle:
        handle.write(case.build())
        if case.sparse_size is not None:
            handle.truncate(case.sparse_size)
    return path
