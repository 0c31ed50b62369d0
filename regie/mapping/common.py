"""What every table's mapper shares: the mapping context, work per distinct value, explained rows.

All work is done per distinct value and with pandas operations, never per row in Python, except
for building the issues of the rows that have one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from regie.model import (
    SEVERITY_WARNING,
    Issue,
    RawColumn,
    RawTable,
)
from regie.normalise import (
    Vocabulary,
    cell_text,
    is_empty_text,
    mark_value,
    norm_many,
)

SOURCE_TEXT: dict[str, str] = {
    "kolom": "uit kolom",
    "markering": "markering in kolom",
    "rol_in_markering": "rol in markeringskolom",
    "rol_per_fase": "rol per fase, kolom",
    "rolpaar": "fase: rol in kolom",
    "rij": "rol op een rij met deze fase, kolom",
    "project": "rol van het project, kolom",
    "geen_rol": "geen rol opgegeven",
    "suggestie": "suggestie geaccepteerd",
}
"""How a mapped value was found, in Dutch (explanations)."""

EXPLAINED_COLUMNS: tuple[str, ...] = (
    "project", "original", "rule", "split", "source", "column", "sheet", "row",
)



@dataclass
class _Context:
    """Shared state while mapping one workbook."""

    vocab: dict[str, Vocabulary]
    issues: list[Issue] = field(default_factory=list)
    unknown: list[pd.DataFrame] = field(default_factory=list)
    key_memo: dict[str, str] = field(default_factory=dict)
    """:func:`norm` of every text keyed so far: ids and names are keyed in several steps."""

    def keys(self, series: pd.Series) -> pd.Series:
        """The normalised key (:func:`regie.normalise.norm`) of every text in ``series``, each computed
        once per workbook (None stays None)."""
        return _per_distinct(series, self._keys_of)

    def _keys_of(self, texts: np.ndarray) -> list[str]:
        memo = self.key_memo
        new = [text for text in texts if text not in memo]
        if new:
            memo.update(zip(new, norm_many(new), strict=True))
        return list(map(memo.__getitem__, texts))

    def issue(
        self, severity: str, table: str | None, sheet: str | None, row: int | None,
        column: RawColumn | str | None, value: str | None, message: str, sheet_order: int = 0,
    ) -> None:
        header = column.header if isinstance(column, RawColumn) else column
        col_index = column.index if isinstance(column, RawColumn) else -1
        self.issues.append(Issue(severity, table, sheet, row, header, value, message, col_index, sheet_order))


# --------------------------------------------------------------------------------------------
# Helpers working per distinct value
# --------------------------------------------------------------------------------------------


def _per_value(series: pd.Series, func: Callable[[Any], Any]) -> pd.Series:
    """``func`` applied once per distinct non-empty value, mapped back onto the series (None stays None)."""
    return _per_distinct(series, lambda uniques: [func(v) for v in uniques])


def _per_distinct(series: pd.Series, batch: Callable[[np.ndarray], list[Any]]) -> pd.Series:
    """``batch(distinct values)`` (one result per value, in order) mapped back onto the series; None
    and NaN stay None. A batch runs its own loop, for the steps that see nearly every row once."""
    codes, uniques = pd.factorize(series.to_numpy(dtype=object), use_na_sentinel=True)
    mapped = np.empty(len(uniques) + 1, dtype=object)
    mapped[:-1] = batch(uniques)
    mapped[-1] = None
    return pd.Series(mapped[codes], index=series.index, dtype=object)


def _texts(series: pd.Series) -> pd.Series:
    """Cells as stripped text; blank and empty-like cells become None (computed per distinct value)."""
    return _per_distinct(series, _clean_texts)


def _clean_texts(values: Iterable[object]) -> list[str | None]:
    """Each value as stripped text, or None when blank or empty-like (:func:`is_empty_text`). The
    common case (text starting with a letter or digit that no empty-like word starts with) is
    decided inline: names and ids are mostly distinct, so this runs once per row."""
    cleaned: list[str | None] = []
    append = cleaned.append
    for value in values:
        text = value.strip() if type(value) is str else cell_text(value).strip()
        first = text[:1]
        if first.isalnum() and first not in "oOnN":
            append(text)
        else:
            append(None if is_empty_text(text) else text)
    return cleaned


def _raw_texts(series: pd.Series) -> pd.Series:
    """Cells as text (for issue values), computed per distinct value."""
    return _per_value(series, cell_text)


def _field_texts(table: RawTable, names: Iterable[str]) -> tuple[dict[str | None, RawColumn], pd.DataFrame]:
    """The table's field columns, and the named fields as text (None where the column is missing)."""
    columns = {c.field: c for c in table.columns if c.kind == "field"}
    data = pd.DataFrame(index=table.frame.index)
    for name in names:
        data[name] = _texts(table.col(columns[name])) if name in columns else None
    return columns, data


def _match_frame(texts: pd.Series, vocab: Vocabulary) -> pd.DataFrame:
    """Long frame (index label ``rid``, ``text``, ``code``, ``original``, ``rule``, ``split``) of all
    parts of all cells; unknown parts have ``code`` None."""
    present = texts.dropna()
    if present.empty:
        return pd.DataFrame(columns=["rid", "text", "code", "original", "rule", "split"])
    parts = [
        (u, m.code, m.original, m.rule, m.split)
        for u in pd.unique(present)
        for m in vocab.match(u)
    ]
    parts_df = pd.DataFrame(parts, columns=["text", "code", "original", "rule", "split"])
    cells = pd.DataFrame({"rid": present.index.to_numpy(), "text": present.to_numpy()})
    return cells.merge(parts_df, on="text", how="inner", sort=False)


def _unknown_issues(
    ctx: _Context, matched: pd.DataFrame, meta: pd.DataFrame, column: RawColumn, table: str,
    field_name: str, message: str,
) -> None:
    """One waarschuwing per cell with unknown parts; record the unknown parts for the review."""
    bad = matched[matched["code"].isna()]
    if bad.empty:
        return
    ctx.unknown.append(
        bad.groupby("original", sort=False).size().rename("count").reset_index()
        .rename(columns={"original": "value"}).assign(field=field_name)[["field", "value", "count"]]
    )
    firsts = bad.drop_duplicates(["rid", "original"])
    per_cell = firsts.groupby("rid", sort=False)["original"].agg(list)
    texts = matched.drop_duplicates("rid").set_index("rid")["text"].reindex(per_cell.index)
    where = meta.loc[per_cell.index, ["sheet", "row", "sheet_order"]]
    for originals, text, sheet, row, order in zip(
            per_cell.to_numpy(), texts.to_numpy(), where["sheet"].to_numpy(), where["row"].to_numpy(),
            where["sheet_order"].to_numpy(), strict=True):
        parts = ", ".join(f"'{o}'" for o in originals)
        ctx.issue(SEVERITY_WARNING, table, sheet, int(row), column, text,
                  message.format(parts=parts, n=len(originals)), int(order))


def _cname(table: RawTable, column: RawColumn) -> str:
    """The frame column name of a RawColumn."""
    return f"c{table.columns.index(column)}"


def _header_of(tables: list[RawTable], sheet: str, field_name: str) -> str | None:
    for table in tables:
        if table.sheet == sheet:
            for column in table.columns:
                if column.field == field_name and column.kind == "field":
                    return column.header
    return None


def _mark_frame(series: pd.Series) -> pd.DataFrame:
    """Per non-empty cell: ``rid``, ``text`` and ``mark`` (True, False, or None when not a mark)."""
    present = series.dropna()
    lookup = {v: mark_value(v) for v in pd.unique(present)} if len(present) else {}
    texts = {v: cell_text(v).strip() for v in lookup}
    return pd.DataFrame({
        "rid": present.index.to_numpy(),
        "text": present.map(texts).to_numpy() if len(present) else [],
        "mark": present.map(lookup).astype(object).to_numpy() if len(present) else [],
    })


def _explained(matched: pd.DataFrame, what: str, source: str, column: RawColumn, meta: pd.DataFrame) -> pd.DataFrame:
    """Matched parts as explained rows (``rid``, ``what``, original, rule, split, source, column...)."""
    if matched.empty:
        return pd.DataFrame(columns=["rid", what, *EXPLAINED_COLUMNS[1:]])
    return pd.DataFrame({
        "rid": matched["rid"].to_numpy(),
        what: matched["code"].to_numpy(),
        "original": matched["original"].to_numpy(),
        "rule": matched["rule"].to_numpy(),
        "split": matched["split"].astype(bool).to_numpy(),
        "source": source,
        "column": column.header,
        "sheet": meta.loc[matched["rid"], "sheet"].to_numpy(),
        "row": meta.loc[matched["rid"], "row"].to_numpy(),
    })


def _concat(parts: list[pd.DataFrame], columns: list[str]) -> pd.DataFrame:
    frames = [p for p in parts if len(p)]
    if not frames:
        return pd.DataFrame(columns=columns)
    return pd.concat(frames, ignore_index=True)[columns]


def _dedupe_explained(frame: pd.DataFrame, what: str) -> pd.DataFrame:
    """One row per (project, value): the first explanation is kept."""
    if frame.empty:
        return frame.assign(project=pd.Series(dtype=object)) if "project" not in frame else frame
    cols = ["project", what, *[c for c in EXPLAINED_COLUMNS[1:]], "rid"]
    return frame.drop_duplicates(["project", what])[cols].reset_index(drop=True)


