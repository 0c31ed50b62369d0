"""regie.export.sheetxml: data rows written as SpreadsheetML read back as openpyxl would have written
them: text as text (formulas quoted), numbers, dates, booleans, error words, nothing for empty."""

from __future__ import annotations

import datetime as dt
import io
import math
import zipfile

import openpyxl
import pandas as pd
import pytest

from regie.export import sheetxml, xlsx

LONG = "x" * 40_000


@pytest.mark.parametrize(
    ("value", "expected", "number_format", "quoted"),
    [
        ("gewoon", "gewoon", "General", False),
        ("A & B <c> 'd' \"e\"", "A & B <c> 'd' \"e\"", "General", False),
        ("  spaties  ", "  spaties  ", "General", False),
        ("regel 1\nregel 2\tx", "regel 1\nregel 2\tx", "General", False),
        ("=1+1", "=1+1", "General", True),
        ("+cmd", "+cmd", "General", True),
        ("-2", "-2", "General", True),
        ("@SUM(A1)", "@SUM(A1)", "General", True),
        ("\tx", "\tx", "General", True),
        ("\rx", "\rx", "General", True),
        ("{=A1}", "{=A1}", "General", True),
        ("bel\x07letter", "belletter", "General", False),
        ("#N/A", "#N/A", "General", False),
        (LONG, LONG[:sheetxml.MAX_TEXT], "General", False),
        (12, 12, "General", False),
        (1.5, 1.5, "General", False),
        (True, True, "General", False),
        (dt.date(2026, 3, 15), dt.datetime(2026, 3, 15), xlsx.DATE_FORMAT, False),
        (dt.datetime(2026, 3, 15, 9, 30), dt.datetime(2026, 3, 15, 9, 30), xlsx.DATETIME_FORMAT, False),
        (pd.Timestamp("2026-03-15"), dt.datetime(2026, 3, 15), xlsx.DATE_FORMAT, False),
        (None, None, None, False),
        (float("nan"), None, None, False),
        (float("inf"), None, None, False),
        (pd.NaT, None, None, False),
        ("", None, None, False),
    ],
    ids=["text", "markup", "spaces", "breaks", "formula", "plus", "minus", "at", "tab", "cr", "array",
         "control", "error-word", "too-long", "int", "float", "bool", "date", "datetime", "timestamp",
         "none", "nan", "inf", "nat", "empty"],
)
def test_a_value_reads_back_as_written(value: object, expected: object, number_format: str | None,
                                       quoted: bool) -> None:
    book = xlsx.new_book()
    xlsx.write_frame(book, "Blad", pd.DataFrame({"Waarde": [value], "Naast": ["x"]}))
    cell = openpyxl.load_workbook(io.BytesIO(xlsx.book_bytes(book, "t")))["Blad"]["A2"]
    assert cell.value == expected
    if expected is not None:
        assert cell.number_format == number_format
        assert bool(cell.quotePrefix) is quoted
        if isinstance(expected, str):
            assert cell.data_type in ("s", "e")


def test_budget_numbers_get_the_money_format() -> None:
    book = xlsx.new_book()
    xlsx.write_frame(book, "Blad", pd.DataFrame({"Budget": [1250.5, "onbekend"], "Naam": ["a", "b"]}))
    sheet = openpyxl.load_workbook(io.BytesIO(xlsx.book_bytes(book, "t")))["Blad"]
    assert (sheet["A2"].value, sheet["A2"].number_format) == (1250.5, xlsx.MONEY_FORMAT)
    assert (sheet["A3"].value, sheet["A3"].number_format) == ("onbekend", "General")
    assert sheet["B2"].number_format == "General"


def test_rows_come_in_chunks_and_skip_nothing() -> None:
    styles = sheetxml.CellStyles(quoted=1, date=2, datetime=3, money=4)
    rows = [[f"r{i}", i, None] for i in range(sheetxml.ROWS_PER_CHUNK * 2 + 3)]
    chunks = list(sheetxml.rows_xml(rows, 2, styles))
    assert len(chunks) == 3
    xml = "".join(chunks)
    assert xml.count("<row ") == len(rows) and f'<row r="{len(rows) + 1}">' in xml
    assert 'r="C' not in xml, "an empty value has no cell"


def test_rows_go_into_an_empty_sheet_data_too() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("xl/worksheets/sheet1.xml", "<worksheet><sheetData/></worksheet>")
        archive.writestr("other.xml", "<x/>")
    spliced = sheetxml.splice(buffer.getvalue(), {"xl/worksheets/sheet1.xml": ['<row r="1"/>']})
    with zipfile.ZipFile(io.BytesIO(spliced)) as archive:
        assert archive.read("xl/worksheets/sheet1.xml") == b'<worksheet><sheetData><row r="1"/></sheetData></worksheet>'
        assert archive.read("other.xml") == b"<x/>"


@pytest.mark.parametrize(("value", "written"), [
    (math.pi, "3.141592653589793"), (1e20, "1e+20"), (-0.1, "-0.1"), (10**17, "1e+17"), (12, "12"),
])
def test_numbers_keep_openpyxls_precision(value: float, written: str) -> None:
    """openpyxl writes numbers with 16 significant digits; so does the fast path."""
    styles = sheetxml.CellStyles(quoted=1, date=2, datetime=3, money=4)
    xml = "".join(sheetxml.rows_xml([[value]], 1, styles))
    assert f"<v>{written}</v>" in xml
