"""The checks before parsing: kind by content, sizes, zip bombs, encryption, sheet extents."""

from __future__ import annotations

import io
import zipfile

import pytest
from realistic import Sheet, xlsx

from regie.errors import EncryptedFileError, FileTooLargeError, NotASpreadsheetError
from regie.reading import guard


def test_openpyxl_reads_through_defusedxml() -> None:
    guard.require_defusedxml()
    import openpyxl.xml

    assert openpyxl.xml.DEFUSEDXML is True


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (xlsx([Sheet("Projecten", [["Projectnaam"], ["A"]])]), "xlsx"),
        (b"Projectnaam;Fase\nA;visie\n", "csv"),
        ("Projectnaam;Fase\r\nÉén;visie\r\n".encode("cp1252"), "csv"),
    ],
)
def test_kind_is_decided_by_content(data: bytes, kind: str) -> None:
    assert guard.sniff(data, "bestand.csv").kind == kind


def test_binary_garbage_is_refused() -> None:
    with pytest.raises(NotASpreadsheetError, match="geen spreadsheet"):
        guard.sniff(b"\x00\x01\x02" * 100, "x.xlsx")


def test_declared_size_over_limit_is_refused() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"<a>" + b" " * (guard.MAX_UNPACKED_BYTES + 10) + b"</a>")
    with pytest.raises(FileTooLargeError, match=r"zip-bom|uitpakt|groter"):
        guard.sniff(buffer.getvalue(), "bom.xlsx")


def test_encrypted_member_is_refused() -> None:
    data = bytearray(xlsx([Sheet("Projecten", [["Projectnaam"], ["A"]])]))
    # set the "encrypted" flag bit on every central directory entry
    pos = data.find(b"PK\x01\x02")
    while pos != -1:
        data[pos + 8] |= 0x1
        pos = data.find(b"PK\x01\x02", pos + 4)
    with pytest.raises(EncryptedFileError, match="wachtwoord"):
        guard.sniff(bytes(data), "geheim.xlsx")


@pytest.mark.parametrize(
    ("ref", "refused"),
    [("A1", False), ("Z99999", False), ("XFD1048576", True), ("CV100000", True), ("A1000000", False)],
)
def test_sheet_extent(ref: str, refused: bool) -> None:
    xml = (
        '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>'
        f'<row r="{ref.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")}"><c r="{ref}"><v>1</v></c></row></sheetData></worksheet>'
    ).encode()
    if refused:
        with pytest.raises(FileTooLargeError, match="te groot"):
            guard.check_xlsx_dimensions({"xl/worksheets/sheet1.xml": xml}, "x.xlsx")
    else:
        assert guard.check_xlsx_dimensions({"xl/worksheets/sheet1.xml": xml}, "x.xlsx") is False


def test_unusual_references_go_to_the_isolated_reader() -> None:
    xml = b"<worksheet><sheetData><row r='1'><c r='XFD1'><v>1</v></c></row></sheetData></worksheet>"
    assert guard.check_xlsx_dimensions({"s.xml": xml}, "x.xlsx") is True
    namespace_only = b'<worksheet xmlns:r="http://x"><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>'
    assert guard.check_xlsx_dimensions({"s.xml": namespace_only}, "x.xlsx") is False
