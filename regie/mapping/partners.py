"""The partners tables, and all partners merged by normalised name (table, projects, involvement)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from regie import vocabulary as voc
from regie.mapping.common import _Context, _field_texts
from regie.mapping.involvement import _INVOLVEMENT_COLUMNS, _InvolvementResult
from regie.mapping.projects import _ProjectsResult
from regie.model import (
    SEVERITY_ERROR,
    SEVERITY_WARNING,
    RawColumn,
    RawTable,
    RowCounts,
)
from regie.normalise import (
    is_empty_text,
    norm,
)

# --------------------------------------------------------------------------------------------
# Partners and involvement
# --------------------------------------------------------------------------------------------


@dataclass
class _PartnersResult:
    partners: pd.DataFrame
    rows: RowCounts


class _PartnersMapper:
    """Maps partners tables: one partner per normalised name; duplicates warned."""

    def __init__(self, ctx: _Context, tables: list[RawTable]) -> None:
        self.ctx = ctx
        self.tables = tables

    def run(self) -> _PartnersResult:
        frames = []
        read = rejected = 0
        for table in self.tables:
            columns, data = _field_texts(table, ("naam", "type", "werkgebied", "contact"))
            frame = table.frame
            read += len(frame)
            data["sheet"] = table.sheet
            data["sheet_order"] = table.sheet_order
            data["row"] = frame["row"].astype(int)
            no_name = data["naam"].isna()
            for rid in data.index[no_name]:
                self.ctx.issue(
                    SEVERITY_ERROR, "partners", table.sheet, int(data.at[rid, "row"]),
                    columns.get("naam") or "Naam", "",
                    f"Rij {int(data.at[rid, 'row'])} heeft geen partnernaam en is niet meegeteld. "
                    "Vul de naam van de organisatie in.", table.sheet_order,
                )
            rejected += int(no_name.sum())
            data = data[~no_name]
            data["partner"] = self.ctx.keys(data["naam"])
            duplicate = data["partner"].duplicated()
            for rid in data.index[duplicate]:
                self.ctx.issue(
                    SEVERITY_WARNING, "partners", table.sheet, int(data.at[rid, "row"]),
                    columns.get("naam"), data.at[rid, "naam"],
                    f"Partner '{data.at[rid, 'naam']}' staat al eerder in de lijst; de rijen zijn "
                    "samengevoegd tot één partner (de eerste gegevens gelden). Verwijder de dubbele rij.",
                    table.sheet_order,
                )
            self._closed(table, data, columns)
            frames.append(data)
        rows = RowCounts(read, read - rejected, rejected)
        if not frames:
            return _PartnersResult(_empty_partners(), rows)
        data = pd.concat(frames)
        data = data[~data["partner"].duplicated()]
        lookup = {}
        for value in pd.unique(data["type"].dropna()):
            found = self.ctx.vocab["partnertype"].match_whole(value)
            lookup[value] = found[0] if found else voc.UNKNOWN
        data["type_original"] = data["type"]
        data["type"] = data["type"].map(lookup, na_action="ignore").astype(object).fillna(voc.UNKNOWN)
        werkgebied = self.ctx.vocab["werkgebied"]
        areas: dict[str, str | None] = {  # an unknown werkgebied stays as written (warned, reviewable)
            v: (werkgebied.match_whole(v) or (v,))[0] for v in pd.unique(data["werkgebied"].dropna())
        }
        data["werkgebied"] = data["werkgebied"].map(areas, na_action="ignore").astype(object)
        data["source"] = "partners"
        return _PartnersResult(data[_PARTNER_COLUMNS].reset_index(drop=True), rows)

    def _closed(self, table: RawTable, data: pd.DataFrame, columns: dict[str | None, RawColumn]) -> None:
        types = data["type"].dropna()
        unknown = {v for v in pd.unique(types) if self.ctx.vocab["partnertype"].match_whole(v) is None}
        if unknown:
            counts = types[types.isin(unknown)].value_counts()
            self.ctx.unknown.append(pd.DataFrame({"field": "partnertype", "value": counts.index, "count": counts.to_numpy()}))
        for rid in types[types.isin(unknown)].index:
            self.ctx.issue(
                SEVERITY_WARNING, "partners", table.sheet, int(data.at[rid, "row"]), columns.get("type"),
                types.at[rid],
                f"Partnertype '{types.at[rid]}' is onbekend. Kies een type uit de lijst (bijv. "
                "woningcorporatie, zorgaanbieder, welzijnsorganisatie) of wijs het toe onder 'Waarden toewijzen' op de pagina Inventaris.",
                table.sheet_order,
            )
        areas = data["werkgebied"].dropna()
        bad = {v for v in pd.unique(areas) if self.ctx.vocab["werkgebied"].match_whole(v) is None}
        if bad:
            counts = areas[areas.isin(bad)].value_counts()
            self.ctx.unknown.append(pd.DataFrame({"field": "werkgebied", "value": counts.index, "count": counts.to_numpy()}))
        for rid in areas[areas.isin(bad)].index:
            self.ctx.issue(
                SEVERITY_WARNING, "partners", table.sheet, int(data.at[rid, "row"]),
                columns.get("werkgebied"), areas.at[rid],
                f"Werkgebied '{areas.at[rid]}' is onbekend. Gebruik lokaal, regionaal of landelijk, of wijs de waarde "
                "toe onder 'Waarden toewijzen' op de pagina Inventaris.",
                table.sheet_order,
            )


_PARTNER_COLUMNS = ["partner", "naam", "type", "type_original", "werkgebied", "contact", "source", "sheet", "row"]


def _empty_partners() -> pd.DataFrame:
    return pd.DataFrame(columns=_PARTNER_COLUMNS)


def _merge_partners(
    ctx: _Context, projects: _ProjectsResult, partners: _PartnersResult, involvement: _InvolvementResult,
    has_table: bool,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """All partners (table + named in projects or involvement) and the project→partner links from
    the projects' partners column that the involvement table does not already hold."""
    known = partners.partners
    names = dict(zip(known["partner"], known["naam"], strict=True))
    mentions = projects.partner_mentions
    links = _split_partner_cells(mentions, set(names))
    new_rows = []
    seen: set[str] = set(names)
    sources = []
    if len(links):
        sources.append(links.assign(source="projecten"))
    if len(involvement.used):
        sources.append(involvement.used.assign(source="betrokkenheid"))
    for frame in sources:
        fresh = frame[~frame["partner"].isin(seen)].sort_values(["sheet_order", "row", "col_index"], kind="stable")
        fresh = fresh.drop_duplicates("partner")
        for item in fresh.itertuples(index=False):
            seen.add(item.partner)
            new_rows.append({
                "partner": item.partner, "naam": item.naam, "type": voc.UNKNOWN, "type_original": None,
                "werkgebied": None, "contact": None, "source": item.source, "sheet": item.sheet, "row": item.row,
            })
            if has_table:
                table = "projects" if item.source == "projecten" else "involvements"
                ctx.issue(
                    SEVERITY_WARNING, table, item.sheet, int(item.row), item.column, item.naam,
                    f"Partner '{item.naam}' staat niet in de partnerlijst en is toegevoegd met type "
                    "onbekend. Voeg de partner toe aan het blad Partners (met type), of controleer de "
                    "schrijfwijze.", int(item.sheet_order),
                )
    if new_rows and not has_table:
        ctx.issue(
            SEVERITY_WARNING, None, None, None, None, None,
            f"De inventaris heeft geen blad met partners; de {len(new_rows)} partners die bij projecten "
            "of in de betrokkenheid genoemd worden, zijn toegevoegd met type onbekend. Voeg een blad "
            "'Partners' toe (Naam, Type, Werkgebied) om ze te typeren.",
        )
    all_partners = pd.concat([known, pd.DataFrame(new_rows, columns=_PARTNER_COLUMNS)], ignore_index=True) if new_rows else known
    if len(links):
        pairs = links.drop_duplicates(["project", "partner"])
        used = involvement.used
        extra_links = pairs[~_pairs_in(pairs["project"], pairs["partner"], used["project"], used["partner"])]
        link_frame = pd.DataFrame({
            "project": extra_links["project"], "partner": extra_links["partner"], "naam": extra_links["naam"],
            "fase": None, "rol": None, "rol_original": None, "invloed": None, "belang": None,
            "source": "projecten", "sheet": extra_links["sheet"], "row": extra_links["row"],
            "col_index": extra_links["col_index"], "column": extra_links["column"],
            "sheet_order": extra_links["sheet_order"],
        })
    else:
        link_frame = pd.DataFrame(columns=_INVOLVEMENT_COLUMNS)
    return all_partners.reset_index(drop=True), link_frame


def _split_partner_cells(mentions: pd.DataFrame, known: set[str]) -> pd.DataFrame:
    """Partner names per project from cells: each cell whole against the partner list first, then
    split on line breaks, ``;`` and ``,`` (each part matched the same way)."""
    if mentions.empty:
        return pd.DataFrame(columns=["project", "partner", "naam", "sheet", "row", "column", "col_index", "sheet_order"])
    memo: dict[str, list[tuple[str, str]]] = {}
    parts = [
        (cell, key, name)
        for cell in pd.unique(mentions["name"])
        for name, key in _partner_parts(cell, known, memo)
    ]
    lookup = pd.DataFrame(parts, columns=["name", "partner", "naam"])
    merged = mentions.merge(lookup, on="name", how="inner")
    merged = merged[merged["partner"] != ""]
    return merged[["project", "partner", "naam", "sheet", "row", "column", "col_index", "sheet_order"]]


def _partner_parts(text: str, known: set[str], memo: dict[str, list[tuple[str, str]]]) -> list[tuple[str, str]]:
    """``(name, normalised name)`` of the names in a partner cell; ``memo`` holds the answer for every
    text seen (names recur in many cells)."""
    found = memo.get(text)
    if found is not None:
        return found
    stripped = text.strip()
    if is_empty_text(stripped):
        found = []
    else:
        key = norm(stripped)
        found = [(stripped, key)]
        if key not in known:
            for sep in voc.PARTNER_NAME_SEPARATORS:
                if sep in stripped:
                    found = [pair for part in stripped.split(sep) for pair in _partner_parts(part, known, memo)]
                    break
    memo[text] = found
    return found


def _pairs_in(first: pd.Series, second: pd.Series, in_first: pd.Series, in_second: pd.Series) -> np.ndarray:
    """Per row of (``first``, ``second``): is the same pair a row of (``in_first``, ``in_second``)."""
    n = len(first)
    a, _ = pd.factorize(np.concatenate([first.to_numpy(dtype=object), in_first.to_numpy(dtype=object)]))
    b, b_values = pd.factorize(np.concatenate([second.to_numpy(dtype=object), in_second.to_numpy(dtype=object)]))
    pair = a.astype(np.int64) * (len(b_values) + 1) + (b.astype(np.int64) + 1)
    return np.isin(pair[:n], pair[n:])
