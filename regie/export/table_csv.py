"""A table as CSV for Dutch Excel (the validation report's download), formulas defused."""

from __future__ import annotations

import pandas as pd

from regie.export.safe import starts_like_formula


def _defuse(value: object) -> object:
    """A text cell that a spreadsheet would run as a formula gets a leading apostrophe."""
    if isinstance(value, str) and starts_like_formula(value):
        return "'" + value
    return value


def csv_bytes(table: pd.DataFrame) -> bytes:
    """The table as CSV for Dutch Excel: ``;`` separator, UTF-8 with BOM, formulas defused."""
    safe = table.copy()
    for column in safe.columns:
        if safe[column].dtype == object:
            safe[column] = safe[column].map(_defuse)
    return safe.to_csv(index=False, sep=";").encode("utf-8-sig")
