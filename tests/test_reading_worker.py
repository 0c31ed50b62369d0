"""The parsing child (regie.reading._worker) and how its answers become Dutch sentences
(regie.reading.sheets): sheets found through the relationships, the used range measured as Excel
counts it, and every way a parse can end."""

from __future__ import annotations

import io
import logging
import pickle
import zipfile

import hostile
import pytest

from regie.errors import EncryptedFileError, FileTooLargeError, NotASpreadsheetError
from regie.reading import _worker, guard, read_workbook
from regie.reading import sheets as reading_sheets

BUDGET = 5_000_000
FAR = hostile.MAX_ROW


def _sheet_xml(rows: str, root: str = "worksheet", prefix: str = "") -> bytes:
    ns = f' xmlns{":" + prefix if prefix else ""}="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    p = f"{prefix}:" if prefix else ""
    return f"<{p}{root}{ns}><{p}sheetData>{rows}</{p}sheetData></{p}{root}>".encode()


@pytest.mark.parametrize(
    ("rows", "prefix", "extent"),
    [
        ('<row r="1"><c r="A1"><v>1</v></c><c r="C1"><v>2</v></c></row>', "", (1, 3)),
        ('<row r="1"><c><v>1</v></c><c><v>2</v></c><c><v>3</v></c></row>', "", (1, 3)),
        ('<row><c><v>1</v></c></row><row><c><v>1</v></c><c><v>2</v></c></row>', "", (2, 2)),
        ('<row r="5"><c r="B5"><v>1</v></c><c><v>2</v></c></row>', "", (5, 3)),
        ('<row r="1"><c s="1" r="D1"><v>1</v></c></row>', "", (1, 4)),
        ('<row r="1"><c r="A1"><v>1</v></c></row><row r="9"><c r="XFD9" s="3"/></row>', "", (1, 1)),
        ('<x:row r="2"><x:c r="B2"><x:v>1</x:v></x:c><x:c><x:v>1</x:v></x:c></x:row>', "x", (2, 3)),
        (f'<row r="{FAR}">' + "<c><is><t>x</t></is></c>" * 20 + "</row>", "", (FAR, 20)),
    ],
    ids=["refs", "cells-without-r", "rows-without-r", "mixed", "r-not-first", "formatted-far-cell",
         "prefixed", "far-row-without-cell-refs"],
)
def test_the_used_range_is_counted_as_excel_does(rows: str, prefix: str, extent: tuple[int, int]) -> None:
    rows_found, cols_found, _elements = _worker.valued_extent(io.BytesIO(_sheet_xml(rows, prefix=prefix)))
    assert (rows_found, cols_found) == extent


@pytest.mark.parametrize(
    ("rows", "simple"),
    [
        ('<row r="1"><c r="A1"><v>1</v></c></row>', True),
        ('<row r="1"><c><v>1</v></c></row>', False),
        ('<row><c r="A1"><v>1</v></c></row>', False),
        ('<row r="1"><c t="s" r="A1"><v>1</v></c></row>', False),
        ('<cols><col min="1" max="3" width="9"/></cols><row r="1"><c r="A1"><v>1</v></c></row>'
         '<rowBreaks count="1"><brk id="1"/></rowBreaks><colBreaks count="1"><brk id="2"/></colBreaks>', True),
        ('<row\n r="1"><c r="A1"><v>1</v></c></row>', False),
        ('<row r="1"><c\tr="A1"><v>1</v></c></row>', False),
        ('<row r="x1"><c r="A1"><v>1</v></c></row>', False),
    ],
    ids=["as-excel-writes", "cell-without-r", "row-without-r", "r-not-first", "columns-and-page-breaks",
         "row-opening-with-a-line-break", "cell-opening-with-a-tab", "row-reference-not-a-number"],
)
def test_the_fast_count_hands_anything_unusual_to_the_exact_count(rows: str, simple: bool) -> None:
    assert _worker.fast_extent(io.BytesIO(_sheet_xml(rows)))[3] is simple


def test_the_fast_count_bounds_the_columns_by_the_last_letter() -> None:
    rows = "".join(f'<row r="{n}"><c r="A{n}"><v>1</v></c><c r="U{n}"><v>1</v></c></row>' for n in range(1, 200))
    assert _worker.fast_extent(io.BytesIO(_sheet_xml(rows)))[:2] == (199, 21)


@pytest.mark.parametrize(("letters", "columns"), [
    (["A"], 1), (["B"], 2), (["A", "Z"], 26), (["C", "U"], 21), (["Z"], 26), (["AB"], 28), (["Q", "Z", "X"], 26),
    (["XFD"], 16384), (["U", "AA"], 27),
])
def test_the_fast_column_bound_is_the_highest_letter_anywhere(letters: list[str], columns: int) -> None:
    """Over several chunks: a later chunk with a higher single letter (or a wide reference) raises the bound."""
    filler = '<row r="1"><c r="A1"><v>1</v></c></row>' * (_worker.CHUNK_BYTES // 30)
    rows = filler + "".join(f'<row r="{n + 2}"><c r="{letter}{n + 2}"><v>1</v></c></row>'
                            for n, letter in enumerate(letters))
    assert _worker.fast_extent(io.BytesIO(_sheet_xml(rows)))[1] == columns


def _two_sheets(small: int, large: int) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    first = book.active
    first.title = "Projecten"
    for r in range(1, small + 1):
        first.append([f"p{r}", "visie"])
    second = book.create_sheet("Groot")
    for _ in range(large):
        second.append(list(range(large)))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_a_later_sheet_over_the_budget_stops_the_parse_before_anything_is_sent() -> None:
    """The first sheet is parsed while the second is measured; the second is over the budget, so
    nothing is emitted and the parsing thread is gone when the refusal leaves ``parse``."""
    import threading

    before = threading.active_count()
    frames: list[object] = []
    with pytest.raises(_worker.Refused) as caught:
        _worker.parse(_two_sheets(3, 20), "xlsx", 100, 1_000, frames.append)
    assert caught.value.frame["error"] == "too_large" and caught.value.frame["sheet"] == "Groot"
    assert frames == []
    assert threading.active_count() == before


def test_sheets_are_emitted_whole_and_in_workbook_order() -> None:
    frames: list[object] = []
    _worker.parse(_two_sheets(3, 4), "xlsx", 1_000, 1_000, frames.append)
    heads = [f for f in frames if isinstance(f, dict)]
    assert [(h["sheet"], h["order"]) for h in heads] == [("Projecten", 0), ("Groot", 1)]
    chunks = [f for f in frames if not isinstance(f, dict)]
    # equally long rows travel column by column (the server then holds a column's cells together)
    assert chunks == [(("p1", "p2", "p3"), ("visie", "visie", "visie")), tuple([(0, 0, 0, 0), (1, 1, 1, 1),
                                                                              (2, 2, 2, 2), (3, 3, 3, 3)])]
    assert [reading_sheets._rows_of_columns(c) for c in chunks] == [  # type: ignore[arg-type]
        [["p1", "visie"], ["p2", "visie"], ["p3", "visie"]], [[0, 1, 2, 3]] * 4]


@pytest.mark.parametrize(("chunk", "sent"), [
    ([["a", "b"], ["c", "d"]], (("a", "c"), ("b", "d"))),
    ([["a", "b"], ["c"]], [["a", "b"], ["c"]]),  # unequal rows go as rows
    ([[], []], [[], []]),  # rows without cells too: columns would lose how many rows there are
])
def test_a_chunk_goes_by_column_only_when_its_rows_are_equally_long(chunk: list[list[object]], sent: object) -> None:
    assert _worker._by_column(chunk) == sent


@pytest.mark.parametrize("frame", [(), (("a", "b"), ("c",)), (["a"], ["b"]), ("ab", "cd"), ((1,), 2)])
def test_columns_from_the_child_that_are_not_equally_long_tuples_are_refused(frame: tuple[object, ...]) -> None:
    assert reading_sheets._rows_of_columns(frame) is None


@pytest.mark.parametrize("part", ["xl/worksheets/sheet1.dat", "xl/worksheets/sheet1", "xl/worksheets/sheet1.xml.bak",
                                  "xl/data/blad1.xml", "xl/worksheets/sheet1.XML"])
def test_a_sheet_is_found_through_the_relationships_whatever_its_name(part: str) -> None:
    data = hostile.dimension_bomb_sheet_part_named(part)()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert _worker.sheet_parts(archive).get(part) == "Projecten"
    with pytest.raises(FileTooLargeError, match=r"17\.179\.869\.184 cellen"):
        read_workbook(data, "onderdeel.xlsx")


@pytest.mark.parametrize(
    ("build", "words"),
    [
        (hostile.referenceless_far_cells_xlsx, ["1.048.576 rijen × 16.384 kolommen", "5.000.000 cellen"]),
        (hostile.referenceless_rows_2000_xlsx, ["2.000 rijen × 16.384 kolommen"]),
        (hostile.repeat_bomb_ods, ["te groot", "Splits de inventaris"]),
    ],
    ids=["referenceless-far-row", "referenceless-row-2000", "ods-repeat-bomb"],
)
def test_over_the_budget_is_refused_before_parsing(build, words: list[str]) -> None:
    with pytest.raises(FileTooLargeError) as caught:
        read_workbook(build(), "bestand")
    for word in words:
        assert word in str(caught.value)


def test_an_element_flood_is_refused_by_counting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(guard.ENV_MAX_CELLS, str(hostile.FLOOD_BUDGET))
    with pytest.raises(FileTooLargeError, match="te ingewikkeld"):
        read_workbook(hostile.element_flood_ods(), "vloed.ods")


def test_a_valid_file_without_cell_references_reads_like_one_with() -> None:
    rows = "".join(
        "<row>" + "".join(f'<c t="inlineStr"><is><t>{v}</t></is></c>' for v in row) + "</row>"
        for row in (hostile.PROJECT_HEADER, *hostile.PROJECT_ROWS)
    )
    parts = dict(hostile.xlsx_parts([hostile.projects_sheet()]))
    parts["xl/worksheets/sheet1.xml"] = _sheet_xml(rows)
    without = read_workbook(hostile._zip(list(parts.items())), "zonder.xlsx")
    with_refs = read_workbook(hostile.valid_xlsx(), "met.xlsx")
    assert without.of("projects")[0].frame.drop(columns="row").equals(with_refs.of("projects")[0].frame.drop(columns="row"))


@pytest.mark.parametrize(
    ("frame", "error", "words"),
    [
        ({"ok": False, "error": "encrypted"}, EncryptedFileError, ["wachtwoord"]),
        ({"ok": False, "error": "too_large", "sheet": "P", "rows": 10, "cols": 600_000, "cells": 6_000_000},
         FileTooLargeError, ["6.000.000 cellen", "blad 'P'"]),
        ({"ok": False, "error": "too_many_rows", "rows": 600_000}, FileTooLargeError, ["600.000 rijen"]),
        ({"ok": False, "error": "too_complex", "elements": 9}, FileTooLargeError, ["te ingewikkeld"]),
        ({"ok": False, "error": "memory"}, FileTooLargeError, ["geheugen", "768"]),
        ({"ok": False, "error": "panic", "detail": "PanicException: index out of bounds"}, NotASpreadsheetError,
         ["vorm die het leesprogramma", "xlsb"]),
        ({"ok": False, "error": "damaged", "detail": "invalid record"}, NotASpreadsheetError, ["beschadigd"]),
    ],
    ids=["encrypted", "too-large", "too-many-rows", "too-complex", "memory", "panic", "damaged"],
)
def test_every_ending_has_its_own_sentence(frame: dict, error: type, words: list[str]) -> None:
    refusal = reading_sheets._refusal(frame, "x.xlsb", "xlsb", guard.budget())
    assert type(refusal) is error
    for word in words:
        assert word in str(refusal)
    assert "onverwacht" not in str(refusal)


@pytest.mark.parametrize(
    ("stderr", "error", "word"),
    [
        (b"memory allocation of 549755813888 bytes failed\n", FileTooLargeError, "geheugen"),
        (b"Fatal Python error: Segmentation fault", NotASpreadsheetError, "liep vast"),
    ],
)
def test_a_child_that_dies_gets_the_right_sentence(stderr: bytes, error: type, word: str,
                                                   caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.ERROR, logger="regie.reading.sheets"):
        crash = reading_sheets._crashed("x.xlsx", "xlsx", -6, stderr)
    assert type(crash) is error and word in str(crash)
    if error is NotASpreadsheetError:
        assert "Segmentation fault" in caplog.text, "the maintainer's log says what happened"


def test_the_childs_output_may_hold_plain_values_only() -> None:
    import datetime as dt

    good = pickle.dumps([["a", 1, 2.5, True, None, dt.date(2026, 1, 2), dt.datetime(2026, 1, 2, 3, 4)]])
    assert reading_sheets._Unpickler(io.BytesIO(good)).load()[0][5] == dt.date(2026, 1, 2)
    evil = pickle.dumps(__import__("collections").OrderedDict(a=1))
    with pytest.raises(pickle.UnpicklingError):
        reading_sheets._Unpickler(io.BytesIO(evil)).load()


@pytest.mark.parametrize(("setting", "limit"), [
    (None, reading_sheets.WORKER_MEMORY_BYTES), ("2048", 2048 * 1024 * 1024), ("veel", reading_sheets.WORKER_MEMORY_BYTES),
    ("0", reading_sheets.WORKER_MEMORY_BYTES), ("-5", reading_sheets.WORKER_MEMORY_BYTES),
])
def test_the_server_owner_may_give_the_reader_more_memory(monkeypatch: pytest.MonkeyPatch, setting: str | None,
                                                          limit: int) -> None:
    if setting is None:
        monkeypatch.delenv(reading_sheets.ENV_MEMORY, raising=False)
    else:
        monkeypatch.setenv(reading_sheets.ENV_MEMORY, setting)
    assert reading_sheets.memory_limit() == limit
