"""Builders for files as office programs really write them: the odd but valid, the old, the encrypted.

Each builder returns the file's bytes. Where a program other than ours writes the file, the test
module uses it (LibreOffice headless, see :func:`libreoffice_convert`); the builders here reproduce
what such programs write, byte for byte where it matters:

* an ``.xlsx`` whose ``<dimension ref="1:32"/>`` names rows only (LibreOffice 4.2 templates);
* an ``.xlsx`` with an Excel 4.0 macro sheet (``xl/macrosheets/``) beside its worksheet;
* an ``.ods`` without its ``mimetype`` member (zipped again by hand or by a script);
* a legacy ``.xls`` whose workbook stream starts with a FILEPASS record (XOR obfuscation);
* raw BIFF2/3/4 worksheets of Excel 2.x–4.0 (no OLE container);
* SpreadsheetML 2003 (Excel's "XML-spreadsheet 2003") and HTML saved under an ``.xls`` name;
* CSV with classic-Mac line endings and Excel's "Unicode-tekst" (UTF-16, tab-separated);
* a workbook that is no inventory at all (a bible index).
"""

from __future__ import annotations

import io
import re
import shutil
import struct
import subprocess
import tempfile
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path
from xml.sax.saxutils import escape

import hostile

HEADER = hostile.PROJECT_HEADER
ROWS = hostile.PROJECT_ROWS
"""The projects table of every readable file here: three projects."""


def rezip(data: bytes, change: Callable[[str, bytes], bytes | None]) -> bytes:
    """The archive with each member passed through ``change`` (``None`` drops the member)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = change(info.filename, source.read(info.filename))
            if content is None:
                continue
            method = zipfile.ZIP_STORED if info.filename == "mimetype" else zipfile.ZIP_DEFLATED
            target.writestr(info.filename, content, compress_type=method)
    return buffer.getvalue()


# --------------------------------------------------------------------------------------------------
# xlsx and ods as other programs write them
# --------------------------------------------------------------------------------------------------


def dimension_without_columns_xlsx(ref: str = "1:32") -> bytes:
    """A valid inventory whose sheets declare ``<dimension ref="1:32"/>``: rows, no columns."""
    def change(name: str, content: bytes) -> bytes:
        if name.startswith("xl/worksheets/"):
            content = content.replace(b"<sheetData", f'<dimension ref="{ref}"/><sheetData'.encode(), 1)
        return content

    return rezip(hostile.valid_xlsx(), change)


_MACRO_SHEET = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    b'<xm:macrosheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    b'xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main">'
    b'<sheetData><row r="1"><c r="A1" t="str"><f>ECHO(FALSE)</f><v></v></c></row>'
    b'<row r="2"><c r="A2" t="b"><f>RETURN()</f><v>0</v></c></row></sheetData></xm:macrosheet>'
)


def macrosheet_xlsx() -> bytes:
    """A valid inventory with an Excel 4.0 macro sheet (XLM) after its worksheet, as Excel saves it
    (the macros are never run; the macro sheet is no table)."""
    def change(name: str, content: bytes) -> bytes:
        if name == "xl/workbook.xml":
            return content.replace(b"</sheets>", b'<sheet name="Macro1" sheetId="9" r:id="rId90"/></sheets>')
        if name == "xl/_rels/workbook.xml.rels":
            return content.replace(b"</Relationships>", (
                b'<Relationship Id="rId90" Type="http://schemas.microsoft.com/office/2006/relationships/'
                b'xlMacrosheet" Target="macrosheets/sheet1.xml"/></Relationships>'))
        if name == "[Content_Types].xml":
            return content.replace(b"</Types>", (
                b'<Override PartName="/xl/macrosheets/sheet1.xml" '
                b'ContentType="application/vnd.ms-excel.macrosheet+xml"/></Types>'))
        return content

    data = rezip(hostile.valid_xlsx(), change)
    buffer = io.BytesIO(data)
    with zipfile.ZipFile(buffer, "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/macrosheets/sheet1.xml", _MACRO_SHEET)
    return buffer.getvalue()


def ods_without_mimetype() -> bytes:
    """A valid ``.ods`` with its ``mimetype`` member left out (LibreOffice opens it all the same)."""
    return rezip(hostile.valid_ods(), lambda name, content: None if name == "mimetype" else content)


# --------------------------------------------------------------------------------------------------
# BIFF: legacy xls
# --------------------------------------------------------------------------------------------------


def _biff(record: int, payload: bytes = b"") -> bytes:
    return struct.pack("<HH", record, len(payload)) + payload


def old_excel_worksheet(version: int) -> bytes:
    """A raw BIFF2 (Excel 2.x), BIFF3 (Excel 3.0) or BIFF4 (Excel 4.0) worksheet with the projects
    table: BOF, DIMENSIONS, one LABEL per cell, EOF, as those Excel versions wrote it (no OLE)."""
    bof = {2: 0x0009, 3: 0x0209, 4: 0x0409}[version]
    dimensions = 0x0000 if version == 2 else 0x0200
    label = 0x0004 if version == 2 else 0x0204
    table = [HEADER, *ROWS]
    records = [_biff(bof, struct.pack("<HH", 0x0000, 0x0010))]
    records.append(_biff(dimensions, struct.pack("<HHHH", 0, len(table), 0, len(HEADER))
                         + (b"" if version == 2 else b"\x00\x00")))
    for r, row in enumerate(table):
        for c, text in enumerate(row):
            raw = text.encode("cp1252")
            if version == 2:
                payload = struct.pack("<HH", r, c) + b"\x00\x00\x00" + bytes([len(raw)]) + raw
            else:
                payload = struct.pack("<HHHH", r, c, 0x0F, len(raw)) + raw
            records.append(_biff(label, payload))
    records.append(_biff(0x000A))
    return b"".join(records)


def xls_with_filepass_xor() -> bytes:
    """A BIFF8 workbook (written by xlwt) whose workbook stream declares XOR obfuscation: a FILEPASS
    record right after the first BOF, as Excel writes it for a file protected with a password."""
    import xlwt
    from xlwt.CompoundDoc import XlsDoc

    book = xlwt.Workbook()
    sheet = book.add_sheet("Projecten")
    for r, row in enumerate([HEADER, *ROWS]):
        for c, text in enumerate(row):
            sheet.write(r, c, text)
    stream = book.get_biff_data()
    bof_length = struct.unpack_from("<H", stream, 2)[0]
    cut = 4 + bof_length
    filepass = _biff(0x002F, struct.pack("<HHH", 0x0000, 0x1234, 0xABCD))
    stream = stream[:cut] + filepass + stream[cut:]
    # BOUNDSHEET offsets point into the stream: move them by the inserted record's length.
    out = bytearray(stream)
    pos = 0
    while pos + 4 <= len(out):
        record, length = struct.unpack_from("<HH", out, pos)
        if record == 0x0085:
            offset = struct.unpack_from("<I", out, pos + 4)[0]
            struct.pack_into("<I", out, pos + 4, offset + len(filepass))
        pos += 4 + length
    buffer = io.BytesIO()
    XlsDoc().save(buffer, bytes(out))
    return buffer.getvalue()


# --------------------------------------------------------------------------------------------------
# Text that office programs save under a spreadsheet's name
# --------------------------------------------------------------------------------------------------


def spreadsheetml_2003() -> bytes:
    """Excel's "XML-spreadsheet 2003" (SpreadsheetML) with the projects table."""
    rows = "".join(
        "<Row>" + "".join(f'<Cell><Data ss:Type="String">{escape(v)}</Data></Cell>' for v in row) + "</Row>"
        for row in [HEADER, *ROWS]
    )
    return (
        '<?xml version="1.0"?>\r\n<?mso-application progid="Excel.Sheet"?>\r\n'
        '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" '
        'xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel" '
        'xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet" xmlns:html="http://www.w3.org/TR/REC-html40">\r\n'
        f'<Worksheet ss:Name="Projecten"><Table>{rows}</Table></Worksheet>\r\n</Workbook>\r\n'
    ).encode()


def html_as_xls() -> bytes:
    """A web page saved as ``.xls`` (as many intranet systems export "Excel"): an HTML table."""
    rows = "".join("<tr>" + "".join(f"<td>{escape(v)}</td>" for v in row) + "</tr>" for row in [HEADER, *ROWS])
    return (
        '<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">'
        '<head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">'
        f"<!--[if gte mso 9]><xml><x:ExcelWorkbook></x:ExcelWorkbook></xml><![endif]--></head>"
        f"<body><table>{rows}</table></body></html>"
    ).encode()


def mhtml_as_xls() -> bytes:
    """Excel's "Webpagina met één bestand" (MHTML) saved under an ``.xls`` name."""
    page = html_as_xls().decode()
    return (
        "MIME-Version: 1.0\r\nX-Document-Type: Workbook\r\n"
        'Content-Type: multipart/related; boundary="----=_NextPart_01D"\r\n\r\n'
        "------=_NextPart_01D\r\nContent-Location: file:///C:/inventaris.htm\r\n"
        "Content-Transfer-Encoding: 8bit\r\nContent-Type: text/html; charset=\"utf-8\"\r\n\r\n"
        f"{page}\r\n------=_NextPart_01D--\r\n"
    ).encode()


def _csv_lines(delimiter: str) -> list[str]:
    return [delimiter.join(row) for row in [HEADER, *ROWS]]


def csv_classic_mac() -> bytes:
    """A CSV with CR-only line endings, as classic Mac programs (and some exports) write it."""
    return "\r".join(_csv_lines(";")).encode("cp1252") + b"\r"


def unicode_text(encoding: str, bom: bool) -> Callable[[], bytes]:
    """Excel's "Unicode-tekst": tab-separated, CR LF, in UTF-16/UTF-32 with or without its BOM."""
    def build() -> bytes:
        text = "\r\n".join(_csv_lines("\t")) + "\r\n"
        codec = {"utf-16": "utf-16-le", "utf-32": "utf-32-le"}[encoding]
        mark = {"utf-16": b"\xff\xfe", "utf-32": b"\xff\xfe\x00\x00"}[encoding] if bom else b""
        return mark + text.encode(codec)

    build.__name__ = f"unicode_text_{encoding}_{'bom' if bom else 'nobom'}"
    return build


def bible_index_xlsx(rows: int = 120) -> bytes:
    """A workbook that is no inventory: a bible index (book, chapter, verse, text)."""
    books = ("Genesis", "Exodus", "Leviticus", "Numeri", "Deuteronomium", "Jozua", "Richteren", "Ruth")
    table: list[Sequence[object]] = [("Naam", "Hoofdstuk", "Vers", "Tekst")]
    for n in range(rows):
        table.append((books[n % len(books)], str(n // 8 + 1), str(n % 31 + 1), f"Vers {n} van het register"))
    return hostile._zip(hostile.xlsx_parts([hostile.Sheet("Register", rows=table)]))


# --------------------------------------------------------------------------------------------------
# Files written by LibreOffice itself
# --------------------------------------------------------------------------------------------------


def soffice() -> str | None:
    """The LibreOffice program, or None when it is not installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def libreoffice_convert(data: bytes, suffix: str, target: str, out_suffix: str) -> bytes:
    """Let LibreOffice headless convert ``data`` (a file ending in ``suffix``) with filter spec
    ``target`` (``"xls:MS Excel 97"``); the result's bytes."""
    program = soffice()
    assert program, "LibreOffice is not installed"
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / f"bron{suffix}"
        source.write_bytes(data)
        profile = Path(folder) / "profiel"
        subprocess.run(
            [program, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", target,
             "--outdir", str(Path(folder) / "uit"), str(source)],
            check=True, capture_output=True, timeout=180,
        )
        produced = Path(folder) / "uit" / f"bron{out_suffix}"
        return produced.read_bytes()


def strip_xml_declaration(data: bytes) -> bytes:
    """SpreadsheetML without its XML declaration and processing instruction (as some exports write it)."""
    return re.sub(rb"<\?[^>]*\?>\s*", b"", data)
