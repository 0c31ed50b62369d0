"""The checks before parsing: kind by content, sizes, zip bombs, encryption; the budgets.

The measuring of sheets happens in the parsing child: see test_reading_worker.py."""

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


@pytest.mark.parametrize(("setting", "limit"), [
    (None, guard.MAX_UNPACKED_BYTES), ("1000", 1000 * 1024 * 1024), ("1_000", 1000 * 1024 * 1024),
    ("veel", guard.MAX_UNPACKED_BYTES), ("0", guard.MAX_UNPACKED_BYTES),
])
def test_the_server_owner_may_allow_larger_unpacked_workbooks(monkeypatch: pytest.MonkeyPatch, setting: str | None,
                                                              limit: int) -> None:
    if setting is None:
        monkeypatch.delenv(guard.ENV_MAX_UNPACKED, raising=False)
    else:
        monkeypatch.setenv(guard.ENV_MAX_UNPACKED, setting)
    assert guard.unpacked_limit() == limit


def test_a_lower_unpacked_limit_refuses_with_that_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(guard.ENV_MAX_UNPACKED, "1")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"<a>" + b" " * (2 * 1024 * 1024) + b"</a>")
    with pytest.raises(FileTooLargeError, match=r"de grens is 1,0 MB|de grens is 1 MB"):
        guard.sniff(buffer.getvalue(), "groot.xlsx")


def test_encrypted_member_is_refused() -> None:
    data = bytearray(xlsx([Sheet("Projecten", [["Projectnaam"], ["A"]])]))
    # set the "encrypted" flag bit on every central directory entry
    pos = data.find(b"PK\x01\x02")
    while pos != -1:
        data[pos + 8] |= 0x1
        pos = data.find(b"PK\x01\x02", pos + 4)
    with pytest.raises(EncryptedFileError, match="wachtwoord"):
        guard.sniff(bytes(data), "geheim.xlsx")


def test_the_budget_can_be_set_by_the_server_owner(monkeypatch: pytest.MonkeyPatch) -> None:
    assert guard.budget() == guard.Budget(guard.MAX_CELLS, guard.MAX_ROWS)
    monkeypatch.setenv(guard.ENV_MAX_CELLS, "12_000_000")
    monkeypatch.setenv(guard.ENV_MAX_ROWS, "nonsense")
    assert guard.budget() == guard.Budget(12_000_000, guard.MAX_ROWS)


def test_the_benchmark_inventories_stay_well_inside_the_budget() -> None:
    """The 100k-project benchmark workbook holds 2,73 million cells (100.483 × 21 projects, 100.001 × 6
    involvements, 5.003 × 4 partners, 301 × 3 team, 6 × 3 lists) and 206.000 rows."""
    cells = 100_483 * 21 + 100_001 * 6 + 5_003 * 4 + 301 * 3 + 6 * 3
    rows = 100_483 + 100_001 + 5_003 + 301 + 6
    assert cells * 1.8 < guard.MAX_CELLS
    assert rows * 2 < guard.MAX_ROWS


@pytest.mark.parametrize(
    ("refusal", "words"),
    [
        (guard.too_large("x.xlsx", "Projecten", 2_000, 16_384, 32_768_000, 5_000_000),
         ["32.768.000 cellen", "5.000.000 cellen", "Projecten", "Splits de inventaris"]),
        (guard.too_many_rows("x.csv", 600_000, 500_000), ["600.000 rijen", "500.000 rijen", "Splits de inventaris"]),
    ],
)
def test_a_refusal_names_the_limit_and_what_to_do(refusal: FileTooLargeError, words: list[str]) -> None:
    for word in words:
        assert word in str(refusal)
