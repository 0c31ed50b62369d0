"""The validation report and row accounting as tables (regie.review.report, regie.export.table_csv)."""

from __future__ import annotations

import io

import pandas as pd
import pytest
from conftest import inventory_of
from realistic import Sheet

from regie.export.table_csv import csv_bytes
from regie.review.report import (
    ISSUE_COLUMNS,
    ROW_COLUMNS,
    filter_issues,
    issues_table,
    row_accounting,
    severity_counts,
)


def messy():
    return inventory_of(
        Sheet("Projecten", [
            ["ID", "Projectnaam", "Fase", "Rol"],
            ["P1", "Woonvisie", "afronding", "Regisseur"],
            ["P2", None, "Visie", "Regisseur"],
            ["P3", "Buurtkamer", "Uitvoering", "Presterende overheid"],
        ]),
        Sheet("Team", [["Naam", "Vaardigheid", "Niveau"], ["Ilse", "Netwerken", 4], [None, "Beslissen", 2]]),
    )


def test_issues_table_columns_and_labels() -> None:
    inv = messy()
    table = issues_table(inv)
    assert tuple(table.columns) == ISSUE_COLUMNS
    assert len(table) == len(inv.issues)
    assert set(table["Ernst"]) == {"Fout", "Waarschuwing"}
    assert set(table["Tabel"]) <= {"projecten", "team", "bestand"}
    rejected = table[table["Ernst"] == "Fout"]
    assert list(rejected["Blad"]) == ["Projecten", "Team"] and list(rejected["Rij"]) == [3, 3]
    unknown = table[table["Waarde"] == "afronding"].iloc[0]
    assert (unknown["Tabel"], unknown["Rij"], unknown["Kolom"]) == ("projecten", 2, "Fase")
    assert str(table["Rij"].dtype) == "Int64"


def test_clean_inventory_has_an_empty_report_with_columns(example_path) -> None:
    from regie import load_inventory

    table = issues_table(load_inventory(example_path))
    assert table.empty and tuple(table.columns) == ISSUE_COLUMNS


@pytest.mark.parametrize(("severities", "expected"), [
    ([], {"Fout", "Waarschuwing"}),
    (["fout"], {"Fout"}),
    (["Fout"], {"Fout"}),
    (["waarschuwing"], {"Waarschuwing"}),
    (["fout", "waarschuwing"], {"Fout", "Waarschuwing"}),
])
def test_filter_issues(severities: list[str], expected: set[str]) -> None:
    assert set(filter_issues(issues_table(messy()), severities)["Ernst"]) == expected


def test_severity_counts_match_the_issues() -> None:
    inv = messy()
    counts = severity_counts(issues_table(inv))
    assert counts == {
        "fout": sum(i.severity == "fout" for i in inv.issues),
        "waarschuwing": sum(i.severity == "waarschuwing" for i in inv.issues),
    }
    assert counts["fout"] == 2


def test_row_accounting_loses_nothing() -> None:
    table = row_accounting(messy())
    assert tuple(table.columns) == ROW_COLUMNS
    assert list(table["Tabel"]) == ["projecten", "partners", "betrokkenheid", "team"]
    assert (table["Gelezen"] == table["Gebruikt"] + table["Afgewezen"]).all()
    rows = table.set_index("Tabel")
    assert tuple(rows.loc["projecten", ["Gelezen", "Gebruikt", "Afgewezen"]]) == (3, 2, 1)
    assert tuple(rows.loc["team", ["Gelezen", "Gebruikt", "Afgewezen"]]) == (2, 1, 1)
    assert rows.at["partners", "Toelichting"] == "geen rijen gevonden"
    assert "fout" in rows.at["projecten", "Toelichting"]


@pytest.mark.parametrize(("cell", "written"), [
    ("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"),
    ("+31 6 1234", "'+31 6 1234"),
    ("-1", "'-1"),
    ("@SUM(A1)", "'@SUM(A1)"),
    ("gewoon", "gewoon"),
    ("a=b", "a=b"),
])
def test_csv_defuses_formulas(cell: str, written: str) -> None:
    data = csv_bytes(pd.DataFrame({"Waarde": [cell], "Rij": pd.array([5], dtype="Int64")}))
    assert data.startswith(b"\xef\xbb\xbf"), "UTF-8 with BOM so Excel reads the accents"
    back = pd.read_csv(io.BytesIO(data), sep=";", encoding="utf-8-sig", dtype=str)
    assert back.at[0, "Waarde"] == written and back.at[0, "Rij"] == "5"


def test_csv_of_the_report_round_trips() -> None:
    table = issues_table(messy())
    back = pd.read_csv(io.BytesIO(csv_bytes(table)), sep=";", encoding="utf-8-sig")
    assert tuple(back.columns) == ISSUE_COLUMNS and len(back) == len(table)


def test_issue_kind_ignores_values_and_numbers() -> None:
    from regie.review.report import issue_kind

    assert issue_kind("Fase 'afronding' op rij 12 is onbekend.") == issue_kind("Fase 'slot' op rij 7 is onbekend.")
    assert issue_kind("Fase 'x' is onbekend.") != issue_kind("Rol 'x' is onbekend.")


def test_grouped_issues_count_rows_and_values_per_kind() -> None:
    from regie.review.report import GROUP_COLUMNS, grouped_issues

    rows = [["Projectnaam", "Fase"], *[[f"P{n}", "afronding" if n % 2 else "slot"] for n in range(1, 13)]]
    inv = inventory_of(Sheet("Projecten", rows))
    table = issues_table(inv)
    groups = grouped_issues(table)
    assert list(groups.columns) == list(GROUP_COLUMNS)
    phase = groups[groups["Kolom"] == "Fase"]
    assert len(phase) == 1
    assert int(phase["Aantal"].iloc[0]) == len(table[table["Kolom"] == "Fase"]) == 12
    assert phase["Rijen"].iloc[0] == "2, 3, 4, 5, 6, 7, 8, 9 en 4 andere"
    assert phase["Waarden"].iloc[0] == "'afronding', 'slot'"
    assert groups["Aantal"].sum() == len(table), "every issue is in one group"
    assert grouped_issues(table.iloc[0:0]).empty


def test_the_report_on_screen_shows_no_none() -> None:
    from regie.review.report import for_display

    inv = inventory_of(Sheet("Register", [["Naam", "Hoofdstuk"], ["Genesis", "1"], ["Exodus", "2"]]))
    table = issues_table(inv)
    shown = for_display(table)
    assert "None" not in shown.astype(str).to_numpy().ravel().tolist()
    assert "<NA>" not in shown.astype(str).to_numpy().ravel().tolist()
    assert table["Rij"].isna().any(), "the fixture has an issue without a row"
    assert (shown["Rij"] == "").sum() == table["Rij"].isna().sum()
