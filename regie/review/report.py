"""The validation report and the row accounting as tables for people (Inventaris page, exports).

``issues_table`` turns :attr:`Inventory.issues` into a Dutch table (Ernst, Tabel, Blad, Rij, Kolom,
Waarde, Melding); ``row_accounting`` shows per table that every row read was either used or
rejected ("nothing is lost"). The report's CSV download is :func:`regie.export.table_csv.csv_bytes`.
"""

from __future__ import annotations

import re

import pandas as pd

from regie import vocabulary as voc
from regie.formatting import nl_clauses
from regie.model import SEVERITY_ERROR, SEVERITY_WARNING, Inventory

ISSUE_COLUMNS: tuple[str, ...] = ("Ernst", "Tabel", "Blad", "Rij", "Kolom", "Waarde", "Melding")
"""Columns of the validation report, in order."""

SEVERITY_LABELS: dict[str, str] = {SEVERITY_ERROR: "Fout", SEVERITY_WARNING: "Waarschuwing"}
"""How a severity is shown in the report."""

FILE_LEVEL_LABEL = "bestand"
"""The Tabel of an issue about the whole file (no table)."""

ROW_COLUMNS: tuple[str, ...] = ("Tabel", "Gelezen", "Gebruikt", "Afgewezen", "Toelichting")
"""Columns of the row accounting, in order."""

TOTALS_MARK = "is een totaalrij"
"""What the message of a skipped totals row says (a waarschuwing: expected, nothing to do)."""

GROUP_COLUMNS: tuple[str, ...] = ("Ernst", "Tabel", "Blad", "Kolom", "Aantal", "Rijen", "Waarden", "Voorbeeld")
"""Columns of the report grouped per kind of issue, in order."""
GROUP_LISTED = 8
"""How many rows and values a group names before it says how many more there are."""

_QUOTED = re.compile(r"‘[^’]*’|'[^']*'|\"[^\"]*\"")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def issues_table(inv: Inventory) -> pd.DataFrame:
    """The validation report as a table, in report order (file-level first, then table, row, column)."""
    issues = inv.issues
    table = pd.DataFrame({
        "Ernst": [SEVERITY_LABELS.get(i.severity, i.severity) for i in issues],
        "Tabel": [voc.TABLE_LABELS.get(i.table, i.table) if i.table else FILE_LEVEL_LABEL for i in issues],
        "Blad": [i.sheet or "" for i in issues],
        "Rij": pd.array([i.row for i in issues], dtype="Int64"),
        "Kolom": [i.column or "" for i in issues],
        "Waarde": ["" if i.value is None else str(i.value) for i in issues],
        "Melding": [i.message for i in issues],
    }, columns=list(ISSUE_COLUMNS))
    return table


def issue_kind(message: str) -> str:
    """What messages of one kind share: the message with quoted values and numbers taken out."""
    return _NUMBER.sub("#", _QUOTED.sub("'…'", message))


def _listed(values: list[str], word: str) -> str:
    shown = values[:GROUP_LISTED]
    more = len(values) - len(shown)
    return ", ".join(shown) + (f" en {more} {word}" if more > 0 else "")


def grouped_issues(table: pd.DataFrame) -> pd.DataFrame:
    """The report (:func:`issues_table`) with the issues of one kind together: per severity, table,
    sheet, column and kind of message, how many there are, on which rows, for which values, and
    the first message as example. In report order of each group's first issue."""
    if table.empty:
        return pd.DataFrame(columns=list(GROUP_COLUMNS))
    keys = table.assign(_kind=table["Melding"].map(issue_kind))
    rows = []
    for (ernst, tabel, blad, kolom, _kind), part in keys.groupby(
        ["Ernst", "Tabel", "Blad", "Kolom", "_kind"], sort=False, dropna=False,
    ):
        numbers = [str(int(r)) for r in part["Rij"].dropna().drop_duplicates()]
        values = [v for v in dict.fromkeys(part["Waarde"]) if v]
        rows.append({
            "Ernst": ernst, "Tabel": tabel, "Blad": blad, "Kolom": kolom, "Aantal": len(part),
            "Rijen": _listed(numbers, "andere"), "Waarden": _listed([f"'{v}'" for v in values], "andere"),
            "Voorbeeld": part["Melding"].iloc[0],
        })
    return pd.DataFrame(rows, columns=list(GROUP_COLUMNS))


def for_display(table: pd.DataFrame) -> pd.DataFrame:
    """The report for a table on screen: an issue without a row shows an empty cell, not "None"
    (the row numbers become text; the report keeps its order)."""
    if "Rij" not in table.columns:
        return table
    rows = table["Rij"].map(lambda r: "" if pd.isna(r) else str(int(r))).astype(object)
    return table.assign(Rij=rows)


def filter_issues(table: pd.DataFrame, severities: list[str] | tuple[str, ...]) -> pd.DataFrame:
    """Only the rows whose Ernst is one of ``severities`` (labels or codes); all rows when empty."""
    if not severities:
        return table
    wanted = {SEVERITY_LABELS.get(s, s) for s in severities}
    return table[table["Ernst"].isin(wanted)].reset_index(drop=True)


def severity_counts(table: pd.DataFrame) -> dict[str, int]:
    """Number of rows per severity code in an issues table (``fout``, ``waarschuwing``)."""
    shown = table["Ernst"].value_counts()
    return {code: int(shown.get(label, 0)) for code, label in SEVERITY_LABELS.items()}


def row_accounting(inv: Inventory) -> pd.DataFrame:
    """Per table the rows read, used and rejected (read = used + rejected), with a short note."""
    rows = []
    for table in voc.TABLES:
        counts = inv.rows.get(table)
        read = counts.read if counts else 0
        used = counts.used if counts else 0
        rejected = counts.rejected if counts else 0
        totals = sum(1 for i in inv.issues if i.table == table and TOTALS_MARK in i.message)
        if read == 0:
            note = "geen rijen gevonden"
        elif rejected:
            others = rejected - totals
            note = nl_clauses([
                (totals, "{n} totaalrij overgeslagen (zoals verwacht)" if totals == 1
                 else "{n} totaalrijen overgeslagen (zoals verwacht)"),
                (others, "{n} afgewezen rij staat als fout in het rapport" if others == 1
                 else "{n} afgewezen rijen staan als fout in het rapport"),
            ])
        else:
            note = "alle rijen gebruikt"
        rows.append({
            "Tabel": voc.TABLE_LABELS[table], "Gelezen": read, "Gebruikt": used,
            "Afgewezen": rejected, "Toelichting": note,
        })
    return pd.DataFrame(rows, columns=list(ROW_COLUMNS))
