"""Raw tables → :class:`~regie.model.Inventory`, every mapped value with its explanation.

Implements DOMAIN.md and INVENTORY.md "Records", "Values" and "Nothing is lost": projects may span
several rows (long format) or carry marks per phase/element (wide format); per-phase roles win over
the project role; partners come from three places and are merged by normalised name; unknown
values are warnings, rows without a name are rejected, every row is used or rejected.

All work is done per distinct value and with pandas operations, never per row in Python, except
for building the issues of the rows that have one.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from regie import vocabulary as voc
from regie.model import (
    SEVERITY_ERROR,
    SEVERITY_WARNING,
    Inventory,
    Issue,
    RawColumn,
    RawTable,
    RawWorkbook,
    RowCounts,
    sort_issues,
)
from regie.normalise import (
    RULE_EXACT,
    RULE_MANUAL,
    Vocabulary,
    cell_text,
    fold,
    is_empty_text,
    mark_value,
    match_element_text,
    norm,
)
from regie.values import parse_amount, parse_date, parse_scale

# --------------------------------------------------------------------------------------------
# Vocabularies (built once from regie.vocabulary)
# --------------------------------------------------------------------------------------------


def _choices(choices: Iterable[voc.Choice]) -> dict[str, tuple[str, ...]]:
    return {c.code: (c.code, c.label, *c.synonyms) for c in choices}


PHASE_VOCAB = Vocabulary(
    "fase", {p.code: (*p.synonyms, p.label) for p in voc.PHASES},
    canonical={p.code: p.label for p in voc.PHASES},
)
ELEMENT_VOCAB = Vocabulary(
    "element", {e.code: (e.code,) for e in voc.ELEMENTS}, special=match_element_text
)
ROLE_VOCAB = Vocabulary(
    "rol", {r.code: (*r.synonyms, r.label) for r in voc.ROLES},
    canonical={r.code: r.label for r in voc.ROLES},
)
PARTNER_TYPE_VOCAB = Vocabulary("partnertype", _choices(voc.PARTNER_TYPES))
PARTNER_ROLE_VOCAB = Vocabulary("partnerrol", _choices(voc.PARTNER_ROLES))
REGIE_VOCAB = Vocabulary("regie", _choices(voc.REGIE_KINDS))
TASK_VOCAB = Vocabulary("taaksoort", _choices(voc.TASK_KINDS))
KADER_VOCAB = Vocabulary("beleidskader", _choices(voc.BELEIDSKADERS))
MACHT_VOCAB = Vocabulary("doorzettingsmacht", _choices(voc.DOORZETTINGSMACHT))
WERKGEBIED_VOCAB = Vocabulary("werkgebied", _choices(voc.WERKGEBIEDEN))
SKILL_VOCAB = Vocabulary("vaardigheid", {s: (s, *voc.SKILL_SYNONYMS[s]) for s in voc.SKILLS})

REVIEWABLE: dict[str, Vocabulary] = {
    "fase": PHASE_VOCAB,
    "element": ELEMENT_VOCAB,
    "rol": ROLE_VOCAB,
    "partnertype": PARTNER_TYPE_VOCAB,
}
"""Vocabularies whose unknown values a person can map in the review (value_mappings keys)."""

CLOSED_FIELDS: dict[str, tuple[Vocabulary, str]] = {
    "regie": (REGIE_VOCAB, "intern, extern of beide"),
    "taaksoort": (TASK_VOCAB, "publiekrechtelijk, privaatrechtelijk of belanghebbend"),
    "beleidskader": (KADER_VOCAB, "eigen of ander"),
    "doorzettingsmacht": (MACHT_VOCAB, "groot, beperkt of afwezig"),
}

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

SINGLE_FIELDS: tuple[str, ...] = (
    "id", "naam", "omschrijving", "domein", "gebied", "regie", "taaksoort", "beleidskader",
    "doorzettingsmacht", "trekker", "start", "eind", "budget",
)
PROJECT_COLUMNS: tuple[str, ...] = (
    "project", "id", "id_generated", "naam", "omschrijving", "domein", "gebied", "sectie", "regie",
    "taaksoort", "beleidskader", "doorzettingsmacht", "trekker", "start", "eind", "budget",
    "sheet", "row", "rows",
)
EXPLAINED_COLUMNS: tuple[str, ...] = (
    "project", "original", "rule", "split", "source", "column", "sheet", "row",
)


@dataclass
class _Context:
    """Shared state while mapping one workbook."""

    vocab: dict[str, Vocabulary]
    issues: list[Issue] = field(default_factory=list)
    unknown: list[pd.DataFrame] = field(default_factory=list)

    def issue(
        self, severity: str, table: str | None, sheet: str | None, row: int | None,
        column: RawColumn | str | None, value: str | None, message: str, sheet_order: int = 0,
    ) -> None:
        header = column.header if isinstance(column, RawColumn) else column
        col_index = column.index if isinstance(column, RawColumn) else -1
        self.issues.append(Issue(severity, table, sheet, row, header, value, message, col_index, sheet_order))


def map_inventory(
    raw: RawWorkbook,
    value_mappings: Mapping[str, Mapping[str, str]] | None = None,
    accepted_elements: Mapping[str, Iterable[str]] | None = None,
) -> Inventory:
    """Map located tables to an inventory.

    ``value_mappings`` holds the user's choices per vocabulary (``{"fase": {"afronding":
    "uitvoering"}}``; keys ``fase``, ``element``, ``rol``, ``partnertype``); they are applied like
    synonyms and explained as "handmatig toegewezen". ``accepted_elements`` maps a project key to
    suggested elements a person accepted.
    """
    mappings = {k: dict(v) for k, v in (value_mappings or {}).items() if k in REVIEWABLE}
    vocab = {name: (v.with_manual(mappings[name]) if name in mappings else v) for name, v in REVIEWABLE.items()}
    ctx = _Context(vocab)
    ctx.issues.extend(raw.issues)

    projects = _ProjectsMapper(ctx, raw.of("projects")).run()
    partners = _PartnersMapper(ctx, raw.of("partners")).run()
    involvement = _InvolvementMapper(ctx, raw.of("involvements"), projects).run()
    team, team_rows = _map_team(ctx, raw.of("team"))

    partner_frame, links = _merge_partners(ctx, projects, partners, involvement, bool(raw.of("partners")))
    involvements = pd.concat([involvement.used, links], ignore_index=True)

    elements = projects.elements
    if accepted_elements:
        elements = _accept_suggestions(projects.suggestions, elements, accepted_elements)

    unknown = (
        pd.concat(ctx.unknown, ignore_index=True)
        if ctx.unknown else pd.DataFrame(columns=["field", "value", "count"])
    )
    if len(unknown):
        unknown = unknown.groupby(["field", "value"], as_index=False, sort=False)["count"].sum()

    rows = {
        "projects": projects.rows,
        "partners": partners.rows,
        "involvements": involvement.rows,
        "team": team_rows,
    }
    return Inventory(
        file=raw.file,
        kind=raw.kind,
        projects=projects.projects,
        phases=projects.phases,
        elements=elements,
        suggestions=projects.suggestions,
        roles=projects.roles,
        partners=partner_frame,
        involvements=involvements,
        team=team,
        extra=projects.extra,
        unknown=unknown,
        issues=sort_issues(ctx.issues),
        rows=rows,
        has_partners_table=bool(raw.of("partners")),
        has_team_table=bool(raw.of("team")),
        value_mappings=mappings,
    )


# --------------------------------------------------------------------------------------------
# Helpers working per distinct value
# --------------------------------------------------------------------------------------------


def _per_value(series: pd.Series, func: Callable[[Any], Any]) -> pd.Series:
    """``func`` applied once per distinct non-empty value, mapped back onto the series (None stays None)."""
    codes, uniques = pd.factorize(series.to_numpy(dtype=object), use_na_sentinel=True)
    mapped = np.empty(len(uniques) + 1, dtype=object)
    mapped[:-1] = [func(v) for v in uniques]
    mapped[-1] = None
    return pd.Series(mapped[codes], index=series.index, dtype=object)


def _texts(series: pd.Series) -> pd.Series:
    """Cells as stripped text; blank and empty-like cells become None (computed per distinct value)."""
    return _per_value(series, _clean_text)


def _clean_text(value: object) -> str | None:
    text = value.strip() if type(value) is str else cell_text(value).strip()
    return None if is_empty_text(text) else text


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
    per_cell = bad.groupby("rid", sort=False)["original"].agg(lambda s: list(dict.fromkeys(s)))
    texts = matched.drop_duplicates("rid").set_index("rid")["text"]
    for rid, originals in per_cell.items():
        parts = ", ".join(f"'{o}'" for o in originals)
        ctx.issue(
            SEVERITY_WARNING, table, meta.at[rid, "sheet"], int(meta.at[rid, "row"]), column,
            texts.at[rid], message.format(parts=parts, n=len(originals)),
            int(meta.at[rid, "sheet_order"]),
        )


# --------------------------------------------------------------------------------------------
# Projects
# --------------------------------------------------------------------------------------------


@dataclass
class _ProjectsResult:
    projects: pd.DataFrame
    phases: pd.DataFrame
    elements: pd.DataFrame
    suggestions: pd.DataFrame
    roles: pd.DataFrame
    partner_mentions: pd.DataFrame
    """``project``, ``name`` (as written), ``sheet``, ``row``, ``column``, ``sheet_order``."""
    extra: pd.DataFrame
    rows: RowCounts
    id_lookup: dict[str, str]
    name_lookup: dict[str, str]


_PHASE_MSG = (
    "Fase {parts} is onbekend. Gebruik visie, beleid of uitvoering (of een synoniem uit de "
    "woordenlijst), of wijs de waarde toe in de mappingcontrole."
)
_ELEMENT_MSG = (
    "Element {parts} is onbekend. Gebruik A, B, C of D of de naam van het element (bijv. "
    "'B - Het netwerk koesteren'), of wijs de waarde toe in de mappingcontrole."
)
_ROLE_MSG = (
    "Rol {parts} is onbekend. Gebruik zelf doen, opdrachtgever, regisseur, samenwerkingspartner, "
    "facilitator of geen regie, of wijs de waarde toe in de mappingcontrole."
)


class _ProjectsMapper:
    """Maps all projects tables (several sheets are combined) to project frames."""

    def __init__(self, ctx: _Context, tables: list[RawTable]) -> None:
        self.ctx = ctx
        self.tables = tables

    def run(self) -> _ProjectsResult:
        ctx = self.ctx
        metas: list[pd.DataFrame] = []
        phase_parts: list[pd.DataFrame] = []
        element_parts: list[pd.DataFrame] = []
        role_parts: list[pd.DataFrame] = []
        partner_parts: list[pd.DataFrame] = []
        extra_parts: list[pd.DataFrame] = []
        offset = 0
        read = rejected = 0
        for table in self.tables:
            frame = table.frame.copy()
            frame.index = pd.RangeIndex(offset, offset + len(frame))
            offset += len(frame)
            read += len(frame)
            if len(frame) == 0:
                ctx.issue(
                    SEVERITY_ERROR, "projects", table.sheet, None, None, None,
                    f"Blad '{table.sheet}' heeft een kopregel maar geen projecten eronder. Vul een "
                    "rij per project in onder de kopregel.", table.sheet_order,
                )
                continue
            meta, rejected_here = self._meta(table, frame)
            rejected += rejected_here
            metas.append(meta)
            used = meta.index
            phase_parts.append(self._phases(table, frame.loc[used], meta))
            element_parts.append(self._elements(table, frame.loc[used], meta))
            role_parts.append(self._roles(table, frame.loc[used], meta))
            partner_parts.append(self._partner_cells(table, frame.loc[used], meta))
            extra_parts.append(self._extra(table, frame.loc[used]))
        rows = RowCounts(read, read - rejected, rejected)
        if not metas or all(m.empty for m in metas):
            return self._empty(rows)
        meta = pd.concat(metas)
        self._assign_keys(meta)
        phases = _concat(phase_parts, ["rid", "phase", *EXPLAINED_COLUMNS[1:]])
        phases["project"] = pd.Series(meta.loc[phases["rid"], "project"].to_numpy(), index=phases.index, dtype=object)
        projects = self._projects(meta)
        phases = _dedupe_explained(phases, "phase")
        elements = _concat(element_parts, ["rid", "element", *EXPLAINED_COLUMNS[1:]])
        elements["project"] = pd.Series(meta.loc[elements["rid"], "project"].to_numpy(), index=elements.index, dtype=object)
        elements = _dedupe_explained(elements, "element")
        roles = self._resolve_roles(_concat(role_parts, _ROLE_COLUMNS), meta, phases)
        mentions = _concat(partner_parts, ["rid", "name", "sheet", "row", "column", "col_index", "sheet_order"])
        mentions["project"] = pd.Series(meta.loc[mentions["rid"], "project"].to_numpy(), index=mentions.index, dtype=object)
        extra = self._group_extra(extra_parts, meta)
        suggestions = _suggest_elements(projects, elements)
        ids = projects[~projects["id_generated"]]
        id_lookup = dict(zip(_per_value(ids["id"], norm), ids["project"], strict=True))
        name_lookup: dict[str, str] = {}
        for key, name in zip(projects["project"], projects["naam"], strict=True):
            name_lookup.setdefault(norm(name), key)
        return _ProjectsResult(
            projects, phases.drop(columns="rid"), elements.drop(columns="rid"), suggestions,
            roles, mentions, extra, rows, id_lookup, name_lookup,
        )

    # -- rows -------------------------------------------------------------------------------

    def _meta(self, table: RawTable, frame: pd.DataFrame) -> tuple[pd.DataFrame, int]:
        """Per used row: sheet, row, sectie and the single-value fields as text; rejects rows."""
        ctx = self.ctx
        meta = pd.DataFrame(index=frame.index)
        meta["sheet"] = table.sheet
        meta["sheet_order"] = table.sheet_order
        meta["row"] = frame["row"].astype(int)
        meta["sectie"] = frame["sectie"].where(frame["sectie"].notna(), None)
        singles = {c.field: c for c in table.columns if c.kind == "field" and c.field in SINGLE_FIELDS}
        for name in SINGLE_FIELDS:
            column = singles.get(name)
            if column is None:
                meta[name] = None
            elif name in ("start", "eind", "budget"):
                meta[name] = frame[_cname(table, column)].where(frame[_cname(table, column)].notna(), None)
                meta[name + "_text"] = _texts(frame[_cname(table, column)])
            else:
                meta[name] = _texts(frame[_cname(table, column)])
        if "domein" not in singles:
            meta["domein"] = meta["sectie"]
        name_col = singles.get("naam")
        reason = pd.Series([None] * len(meta), index=meta.index, dtype=object)
        names = meta["naam"]
        totals = _per_value(names, _is_totals_name).fillna(False).astype(bool)
        nameless = names.index[names.isna()]
        cells = frame.loc[nameless, [f"c{i}" for i in range(len(table.columns))]]
        first_cells = cells.bfill(axis=1).iloc[:, 0] if len(cells.columns) else pd.Series(None, index=nameless, dtype=object)
        totals_elsewhere = pd.Series(False, index=meta.index)
        totals_elsewhere[nameless] = _per_value(_texts(first_cells), _is_totals_name).fillna(False).astype(bool)
        reason[totals | totals_elsewhere] = "totaal"
        reason[names.isna() & ~totals_elsewhere] = "naam"
        bad = reason.dropna()
        header = name_col.header if name_col else voc.COLUMNS["projects"]["naam"][0]
        raw_names = (
            _raw_texts(frame.loc[bad.index, _cname(table, name_col)]) if name_col
            else pd.Series(None, index=bad.index, dtype=object)
        )
        for rid, why in bad.items():
            if why == "totaal":
                text = raw_names.at[rid] or cell_text(first_cells.at[rid])
                message = (
                    f"Rij {int(meta.at[rid, 'row'])} is een totaalrij ('{text}') en geen project; "
                    "ze is niet meegeteld. Haal totaalrijen weg uit de inventaris of laat ze zo staan."
                )
                value = text
            else:
                message = (
                    f"Rij {int(meta.at[rid, 'row'])} heeft geen projectnaam in kolom '{header}' en is "
                    "daarom niet meegeteld. Vul de naam van het project in."
                )
                value = raw_names.at[rid] or ""
            ctx.issue(
                SEVERITY_ERROR, "projects", table.sheet, int(meta.at[rid, "row"]),
                name_col or header, value, message, table.sheet_order,
            )
        meta = meta[reason.isna()]
        self._closed_values(table, meta)
        return meta, len(bad)

    def _closed_values(self, table: RawTable, meta: pd.DataFrame) -> None:
        """Warn on unknown values of regie, taaksoort, beleidskader, doorzettingsmacht, dates, budget."""
        columns = {c.field: c for c in table.columns if c.kind == "field"}
        for name, (vocab, allowed) in CLOSED_FIELDS.items():
            column = columns.get(name)
            if column is None:
                continue
            values = meta[name].dropna()
            bad_values = {v for v in pd.unique(values) if vocab.match_whole(v) is None}
            for rid in values[values.isin(bad_values)].index:
                text = meta.at[rid, name]
                self.ctx.issue(
                    SEVERITY_WARNING, "projects", table.sheet, int(meta.at[rid, "row"]), column, text,
                    f"{voc.FIELD_LABELS[name]} '{text}' is onbekend. Gebruik {allowed}.",
                    table.sheet_order,
                )
        for name, parse, what in (
            ("start", parse_date, "datum (bijv. 15-3-2026 of 2026-03-15)"),
            ("eind", parse_date, "datum (bijv. 15-3-2026 of 2026-03-15)"),
            ("budget", parse_amount, "bedrag (bijv. € 1.250.000,50)"),
        ):
            column = columns.get(name)
            if column is None:
                continue
            texts = meta[name + "_text"].dropna()
            parsed = _per_value(meta.loc[texts.index, name], parse)
            meta.loc[texts.index, name] = parsed
            meta.loc[meta[name + "_text"].isna(), name] = None
            for rid in parsed.index[parsed.isna()]:
                value = None if name in voc.PERSONAL_FIELDS else texts.at[rid]
                self.ctx.issue(
                    SEVERITY_WARNING, "projects", table.sheet, int(meta.at[rid, "row"]), column, value,
                    f"'{texts.at[rid]}' in kolom '{column.header}' is geen geldige {what}. Pas de "
                    "waarde aan; ze is nu leeg gelaten.", table.sheet_order,
                )

    # -- phases, elements, roles ---------------------------------------------------------

    def _phases(self, table: RawTable, frame: pd.DataFrame, meta: pd.DataFrame) -> pd.DataFrame:
        """Phase memberships per row: from fase columns and from marks (roles in marks go to _roles)."""
        parts: list[pd.DataFrame] = []
        vocab = self.ctx.vocab["fase"]
        for column in table.columns:
            series = frame[f"c{table.columns.index(column)}"]
            if column.kind == "field" and column.field == "fase":
                matched = _match_frame(_texts(series), vocab)
                _unknown_issues(self.ctx, matched, meta, column, "projects", "fase", _PHASE_MSG)
                known = matched[matched["code"].notna()]
                parts.append(_explained(known, "phase", "kolom", column, meta))
            elif column.kind == "phase_mark":
                marks = _mark_frame(series)
                hit = marks[marks["mark"] == True]  # noqa: E712 — object column of True/False/None
                parts.append(_explained(
                    hit.assign(code=column.arg, original=hit["text"], rule=RULE_EXACT, split=False),
                    "phase", "markering", column, meta,
                ))
                roles = self._mark_roles(column, marks, meta)
                if len(roles):
                    parts.append(_explained(
                        roles.assign(code=column.arg), "phase", "rol_in_markering", column, meta,
                    ))
        return _concat(parts, ["rid", "phase", *EXPLAINED_COLUMNS[1:]])

    def _mark_roles(self, column: RawColumn, marks: pd.DataFrame, meta: pd.DataFrame) -> pd.DataFrame:
        """Cells of a phase-mark column that hold a role instead of a mark (all parts known)."""
        other = marks[marks["mark"].isna()]
        if other.empty:
            return other.assign(original=None, rule=None, split=False)
        matched = _match_frame(other.set_index("rid")["text"], self.ctx.vocab["rol"])
        _unknown_issues(
            self.ctx, matched, meta, column, "projects", "rol",
            "Waarde {parts} in fasekolom '" + column.header + "' is geen markering (x, ja, 1) en geen "
            "bekende rol. Zet een x als het project in deze fase zit, of schrijf de rol van de gemeente "
            "in deze fase (of wijs de waarde toe in de mappingcontrole).",
        )
        return matched[matched["code"].notna()].drop_duplicates("rid")[["rid", "text"]].assign(
            original=lambda d: d["text"], rule=RULE_EXACT, split=False
        )

    def _elements(self, table: RawTable, frame: pd.DataFrame, meta: pd.DataFrame) -> pd.DataFrame:
        parts: list[pd.DataFrame] = []
        vocab = self.ctx.vocab["element"]
        for column in table.columns:
            series = frame[f"c{table.columns.index(column)}"]
            if column.kind == "field" and column.field == "element":
                matched = _match_frame(_texts(series), vocab)
                _unknown_issues(self.ctx, matched, meta, column, "projects", "element", _ELEMENT_MSG)
                parts.append(_explained(matched[matched["code"].notna()], "element", "kolom", column, meta))
            elif column.kind == "element_mark":
                marks = _mark_frame(series)
                hit = marks[marks["mark"] == True]  # noqa: E712
                parts.append(_explained(
                    hit.assign(code=column.arg, original=hit["text"], rule=RULE_EXACT, split=False),
                    "element", "markering", column, meta,
                ))
                other = marks[marks["mark"].isna()]
                if len(other):
                    fake = other.assign(code=None, original=other["text"], rule=None, split=False)
                    _unknown_issues(
                        self.ctx, fake, meta, column, "projects", "element",
                        "Waarde {parts} in elementkolom '" + column.header + "' is geen markering. "
                        "Zet een x (of ja, 1) als het project dit element heeft, of laat de cel leeg.",
                    )
        return _concat(parts, ["rid", "element", *EXPLAINED_COLUMNS[1:]])

    def _roles(self, table: RawTable, frame: pd.DataFrame, meta: pd.DataFrame) -> pd.DataFrame:
        """Role candidates per row: level 1 (per phase), 2 (row role at the row's phases), 3 (project)."""
        vocab = self.ctx.vocab["rol"]
        parts: list[pd.DataFrame] = []
        row_phases = self._row_phase_codes(table, frame)
        for column in table.columns:
            series = frame[f"c{table.columns.index(column)}"]
            if column.kind == "phase_role":
                matched = _match_frame(_texts(series), vocab)
                _unknown_issues(self.ctx, matched, meta, column, "projects", "rol", _ROLE_MSG)
                parts.append(_role_rows(matched, 1, "rol_per_fase", column, meta, phase=column.arg))
            elif column.kind == "phase_mark":
                marks = _mark_frame(series)
                other = marks[marks["mark"].isna()]
                if len(other):
                    matched = _match_frame(other.set_index("rid")["text"], vocab)
                    known = matched[matched["code"].notna()]
                    parts.append(_role_rows(known, 1, "rol_in_markering", column, meta, phase=column.arg))
            elif column.kind == "field" and column.field == "rol":
                texts = _texts(series)
                pairs, plain = _split_pairs(texts)
                if len(pairs):
                    pm = _match_pairs(pairs, vocab)
                    _unknown_issues(self.ctx, pm, meta, column, "projects", "rol", _ROLE_MSG)
                    parts.append(_role_rows(pm, 1, "rolpaar", column, meta))
                matched = _match_frame(plain, vocab)
                _unknown_issues(self.ctx, matched, meta, column, "projects", "rol", _ROLE_MSG)
                if len(matched):
                    with_phase = matched.merge(row_phases, on="rid", how="inner")
                    parts.append(_role_rows(with_phase, 2, "rij", column, meta))
                    without = matched[~matched["rid"].isin(row_phases["rid"])]
                    parts.append(_role_rows(without, 3, "project", column, meta))
        return _concat(parts, _ROLE_COLUMNS)

    def _row_phase_codes(self, table: RawTable, frame: pd.DataFrame) -> pd.DataFrame:
        """(rid, phase) for every phase a row names (fase columns and marks), without issues."""
        parts = []
        vocab = self.ctx.vocab["fase"]
        for column in table.columns:
            series = frame[f"c{table.columns.index(column)}"]
            if column.kind == "field" and column.field == "fase":
                m = _match_frame(_texts(series), vocab)
                parts.append(m.loc[m["code"].notna(), ["rid", "code"]])
            elif column.kind == "phase_mark":
                marks = _mark_frame(series)
                hit = marks[marks["mark"] == True]  # noqa: E712
                parts.append(pd.DataFrame({"rid": hit["rid"], "code": column.arg}))
                other = marks[marks["mark"].isna()]
                if len(other):
                    m = _match_frame(other.set_index("rid")["text"], self.ctx.vocab["rol"])
                    known = m.loc[m["code"].notna(), ["rid"]].drop_duplicates()
                    parts.append(known.assign(code=column.arg))
        if not parts:
            return pd.DataFrame(columns=["rid", "phase"])
        found = pd.concat(parts, ignore_index=True).drop_duplicates()
        return found.rename(columns={"code": "phase"})

    def _partner_cells(self, table: RawTable, frame: pd.DataFrame, meta: pd.DataFrame) -> pd.DataFrame:
        """Partner cells of the projects table as written (split later, against the partner list)."""
        parts = []
        for column in table.columns:
            if column.kind == "field" and column.field == "partners":
                texts = _texts(frame[f"c{table.columns.index(column)}"]).dropna()
                parts.append(pd.DataFrame({
                    "rid": texts.index.to_numpy(), "name": texts.to_numpy(),
                    "sheet": table.sheet, "row": meta.loc[texts.index, "row"].to_numpy(),
                    "column": column.header, "col_index": column.index, "sheet_order": table.sheet_order,
                }))
        return _concat(parts, ["rid", "name", "sheet", "row", "column", "col_index", "sheet_order"])

    def _extra(self, table: RawTable, frame: pd.DataFrame) -> pd.DataFrame:
        """Extra (unknown) columns of used rows, by header as written."""
        extra = {}
        for column in table.columns:
            if column.field is None:
                series = frame[f"c{table.columns.index(column)}"]
                header = column.header
                n = 2
                while header in extra:
                    header = f"{column.header} ({n})"
                    n += 1
                extra[header] = _raw_texts(series)
        return pd.DataFrame(extra, index=frame.index)

    # -- projects ---------------------------------------------------------------------------

    def _assign_keys(self, meta: pd.DataFrame) -> None:
        """Project key per row: the id when there is one, else the name (joined to an id'd project
        with the same name when exactly one exists)."""
        id_key = _per_value(meta["id"], norm)
        id_key = id_key.where(id_key.notna() & (id_key != ""), None)
        name_key = _per_value(meta["naam"], norm)
        key = ("id:" + id_key).where(id_key.notna(), None)
        with_id = pd.DataFrame({"name": name_key[id_key.notna()], "key": key[id_key.notna()]}).drop_duplicates()
        unique_names = with_id.drop_duplicates("name", keep=False).set_index("name")["key"]
        by_name = name_key.map(unique_names)
        key = key.where(key.notna(), by_name)
        key = key.where(key.notna(), "naam:" + name_key)
        meta["project"] = key.astype(object)

    def _projects(self, meta: pd.DataFrame) -> pd.DataFrame:
        """One row per project: first non-empty value of each field; conflicts warned."""
        ordered = meta.sort_values(["sheet_order", "row"], kind="stable")
        grouped = ordered.groupby("project", sort=False)
        fields = [f for f in SINGLE_FIELDS if f in ordered.columns] + ["sectie"]
        first = grouped[fields].first()
        multi = ordered[ordered["project"].duplicated(keep=False)]  # only these can conflict
        for name in fields if len(multi) else ():
            if name in ("sectie",):
                continue
            values = multi[name]
            text_col = name + "_text" if name in ("start", "eind", "budget") else name
            texts = multi[text_col] if text_col in multi.columns else values
            present = texts.notna()
            if not present.any():
                continue
            firsts = multi.loc[present].groupby("project", sort=False)[text_col].transform("first")
            keys = _per_value(texts[present], norm)
            conflict = keys != _per_value(firsts, norm)
            if not conflict.any():
                continue
            for rid in conflict[conflict].index:
                project_first = firsts.at[rid]
                value = None if name in voc.PERSONAL_FIELDS else texts.at[rid]
                label = voc.FIELD_LABELS.get(name, name)
                if name == "naam":
                    message = (
                        f"ID '{ordered.at[rid, 'id']}' staat ook bij project '{project_first}', maar "
                        f"hier met de naam '{texts.at[rid]}'. Rijen met hetzelfde ID zijn één project; "
                        "de eerste naam is gebruikt. Geef elk project een eigen ID."
                    )
                else:
                    message = (
                        f"{label} '{texts.at[rid] if value is not None else '…'}' verschilt van eerder "
                        f"voor hetzelfde project opgegeven waarde"
                        f"{'' if value is None else ' ' + repr(project_first)}; de eerste waarde is gebruikt."
                        " Maak de rijen van dit project gelijk."
                    )
                self.ctx.issue(
                    SEVERITY_WARNING, "projects", ordered.at[rid, "sheet"], int(ordered.at[rid, "row"]),
                    _header_of(self.tables, ordered.at[rid, "sheet"], name), value, message,
                    int(ordered.at[rid, "sheet_order"]),
                )
        projects = first.reset_index()
        sizes = grouped.size()
        locs = grouped[["sheet", "row"]].first()
        projects["sheet"] = locs["sheet"].to_numpy()
        projects["row"] = locs["row"].to_numpy()
        projects["rows"] = sizes.to_numpy()
        projects["id_generated"] = projects["id"].isna()
        generated = [f"P{i:04d}" for i in range(1, int(projects["id_generated"].sum()) + 1)]
        projects.loc[projects["id_generated"], "id"] = generated
        for name, (vocab, _) in CLOSED_FIELDS.items():
            values = projects[name]
            lookup = {v: (vocab.match_whole(v) or (None,))[0] for v in pd.unique(values.dropna())}
            projects[name] = values.map(lookup, na_action="ignore").astype(object).where(values.notna(), None)
        return projects[list(PROJECT_COLUMNS)]

    def _resolve_roles(self, candidates: pd.DataFrame, meta: pd.DataFrame, phases: pd.DataFrame) -> pd.DataFrame:
        """The role per project and phase: per-phase (1) > row role at that phase (2) > project role
        (3) > ``onbekend`` for a phase the project is in without any role."""
        if len(candidates):
            candidates = candidates.copy()
            candidates["project"] = meta.loc[candidates["rid"], "project"].to_numpy()
        else:
            candidates = candidates.assign(project=pd.Series(dtype=object))
        specific = candidates[candidates["level"] < 3]
        project_level = candidates[candidates["level"] == 3]
        best = specific.groupby(["project", "phase"], sort=False)["level"].transform("min") if len(specific) else None
        chosen = specific[specific["level"] == best] if best is not None else specific
        member = phases[["project", "phase"]].drop_duplicates()
        covered = chosen[["project", "phase"]].drop_duplicates()
        missing = member.merge(covered, on=["project", "phase"], how="left", indicator=True)
        missing = missing[missing["_merge"] == "left_only"].drop(columns="_merge")
        from_project = missing.merge(project_level.drop(columns="phase"), on="project", how="inner")
        none = missing.merge(project_level[["project"]].drop_duplicates(), on="project", how="left", indicator=True)
        none = none[none["_merge"] == "left_only"].drop(columns="_merge")
        firsts = meta.drop_duplicates("project").set_index("project")
        none = none.assign(
            role=voc.UNKNOWN, original=None, rule=None, split=False, source="geen_rol", column=None,
            level=4, sheet=none["project"].map(firsts["sheet"]),
            row=none["project"].map(firsts["row"]),
        )
        roles = pd.concat([chosen, from_project, none], ignore_index=True)
        roles = roles.drop_duplicates(["project", "phase", "role"])
        order = {p: i for i, p in enumerate(voc.PHASE_CODES)}
        roles = roles.assign(_o=roles["phase"].map(order)).sort_values(["_o"], kind="stable").drop(columns="_o")
        return roles[["project", "phase", "role", "level", "original", "rule", "split", "source", "column", "sheet", "row"]].reset_index(drop=True)

    def _group_extra(self, parts: list[pd.DataFrame], meta: pd.DataFrame) -> pd.DataFrame:
        frames = [p for p in parts if p.shape[1]]
        if not frames:
            return pd.DataFrame({"project": pd.unique(meta["project"])})
        extra = pd.concat(frames)
        extra["project"] = meta.loc[extra.index, "project"].to_numpy()
        return extra.groupby("project", sort=False).first().reset_index()

    def _empty(self, rows: RowCounts) -> _ProjectsResult:
        projects = pd.DataFrame(columns=list(PROJECT_COLUMNS))
        explained = list(EXPLAINED_COLUMNS)
        return _ProjectsResult(
            projects,
            pd.DataFrame(columns=["phase", *explained]),
            pd.DataFrame(columns=["element", *explained]),
            pd.DataFrame(columns=["project", "element", "keyword"]),
            pd.DataFrame(columns=["project", "phase", "role", "level", "original", "rule", "split", "source", "column", "sheet", "row"]),
            pd.DataFrame(columns=["rid", "name", "sheet", "row", "column", "col_index", "sheet_order", "project"]),
            pd.DataFrame(columns=["project"]),
            rows, {}, {},
        )


_ROLE_COLUMNS = ["rid", "phase", "role", "level", "original", "rule", "split", "source", "column", "sheet", "row"]


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


def _is_totals_name(text: str) -> bool:
    if text[:1] not in "tTsSeE":  # totaal, subtotaal, totalen, som, eindtotaal
        return False
    key = norm(text)
    letters = key.rstrip("0123456789")
    return key in voc.TOTALS_NAMES or (letters in {"totaal", "subtotaal"} and letters != key)


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


def _role_rows(
    matched: pd.DataFrame, level: int, source: str, column: RawColumn, meta: pd.DataFrame,
    phase: str | None = None,
) -> pd.DataFrame:
    """Role candidates (unknown parts count as ``onbekend``)."""
    if matched.empty:
        return pd.DataFrame(columns=_ROLE_COLUMNS)
    phases = matched["phase"].to_numpy() if phase is None and "phase" in matched else phase
    return pd.DataFrame({
        "rid": matched["rid"].to_numpy(),
        "phase": phases if phases is not None else None,
        "role": matched["code"].fillna(voc.UNKNOWN).to_numpy(),
        "level": level,
        "original": matched["original"].to_numpy(),
        "rule": matched["rule"].to_numpy(),
        "split": matched["split"].astype(bool).to_numpy(),
        "source": source,
        "column": column.header,
        "sheet": meta.loc[matched["rid"], "sheet"].to_numpy(),
        "row": meta.loc[matched["rid"], "row"].to_numpy(),
    })


def _split_pairs(texts: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Split rol cells into ``phase: role`` pair cells and plain cells."""
    present = texts.dropna()
    lookup = {v: _parse_pairs(v) for v in pd.unique(present)} if len(present) else {}
    is_pair = present.map({v: p is not None for v, p in lookup.items()}).astype(bool) if len(present) else present.astype(bool)
    return present[is_pair], present[~is_pair]


def _parse_pairs(text: str) -> list[tuple[str, str]] | None:
    """``visie: regisseur; uitvoering: partner`` → [(visie, regisseur), ...]; None when not pairs."""
    if ":" not in text:
        return None
    chunks = [c.strip() for c in text.replace("\r", "\n").replace(";", "\n").split("\n") if c.strip()]
    pairs = []
    for chunk in chunks:
        if ":" not in chunk:
            return None
        left, right = chunk.split(":", 1)
        found = PHASE_VOCAB.match_whole(left.strip())
        if found is None:
            return None
        pairs.append((found[0], right.strip()))
    return pairs or None


def _match_pairs(pairs: pd.Series, vocab: Vocabulary) -> pd.DataFrame:
    """Long frame of ``phase: role`` pairs with the role matched (unknown parts keep code None)."""
    rows = []
    for value in pd.unique(pairs):
        for phase, role_text in _parse_pairs(value) or ():
            for m in vocab.match(role_text):
                rows.append((value, phase, m.code, m.original, m.rule, m.split))
    parts = pd.DataFrame(rows, columns=["text", "phase", "code", "original", "rule", "split"])
    cells = pd.DataFrame({"rid": pairs.index.to_numpy(), "text": pairs.to_numpy()})
    return cells.merge(parts, on="text", how="inner")


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


# --------------------------------------------------------------------------------------------
# Element suggestions from text
# --------------------------------------------------------------------------------------------


def _suggest_elements(projects: pd.DataFrame, elements: pd.DataFrame) -> pd.DataFrame:
    """Suggested elements (with the keyword that matched) for projects without an accepted element."""
    without = projects[~projects["project"].isin(elements["project"])]
    if without.empty:
        return pd.DataFrame(columns=["project", "element", "keyword"])
    text = (without["naam"].fillna("") + " " + without["omschrijving"].fillna("")).str.lower()
    rows = []
    for code, words in voc.ELEMENT_KEYWORDS.items():
        forms = sorted({form for w in words for form in (w.lower(), fold(w))}, key=len, reverse=True)
        pattern = r"\b(" + "|".join(re.escape(f) for f in forms) + r")"
        found = text.str.extract(pattern, expand=False)
        hit = found.dropna()
        rows.append(pd.DataFrame({
            "project": without.loc[hit.index, "project"].to_numpy(), "element": code,
            "keyword": hit.to_numpy(),
        }))
    return pd.concat(rows, ignore_index=True)


def _accept_suggestions(
    suggestions: pd.DataFrame, elements: pd.DataFrame, accepted: Mapping[str, Iterable[str]]
) -> pd.DataFrame:
    """Accepted suggestions become elements, explained as accepted suggestion."""
    rows = []
    for project, codes in accepted.items():
        for code in codes:
            hit = suggestions[(suggestions["project"] == project) & (suggestions["element"] == code)]
            keyword = hit["keyword"].iloc[0] if len(hit) else None
            rows.append({
                "project": project, "element": code, "original": keyword, "rule": RULE_MANUAL,
                "split": False, "source": "suggestie", "column": None, "sheet": None, "row": None,
            })
    if not rows:
        return elements
    extra = pd.DataFrame(rows)
    extra = extra[~extra.set_index(["project", "element"]).index.isin(
        elements.set_index(["project", "element"]).index
    )]
    return pd.concat([elements, extra], ignore_index=True)


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
            data["partner"] = _per_value(data["naam"], norm)
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
        lookup = {v: (WERKGEBIED_VOCAB.match_whole(v) or (None,))[0] for v in pd.unique(data["werkgebied"].dropna())}
        data["werkgebied"] = data["werkgebied"].map(lookup, na_action="ignore").astype(object)
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
                "woningcorporatie, zorgaanbieder, welzijnsorganisatie) of wijs het toe in de mappingcontrole.",
                table.sheet_order,
            )
        areas = data["werkgebied"].dropna()
        bad = {v for v in pd.unique(areas) if WERKGEBIED_VOCAB.match_whole(v) is None}
        for rid in areas[areas.isin(bad)].index:
            self.ctx.issue(
                SEVERITY_WARNING, "partners", table.sheet, int(data.at[rid, "row"]),
                columns.get("werkgebied"), areas.at[rid],
                f"Werkgebied '{areas.at[rid]}' is onbekend. Gebruik lokaal, regionaal of landelijk.",
                table.sheet_order,
            )


_PARTNER_COLUMNS = ["partner", "naam", "type", "type_original", "werkgebied", "contact", "source", "sheet", "row"]


def _empty_partners() -> pd.DataFrame:
    return pd.DataFrame(columns=_PARTNER_COLUMNS)


@dataclass
class _InvolvementResult:
    used: pd.DataFrame
    """``project``, ``partner`` (key), ``naam`` (as written), ``fase``, ``rol``, ``invloed``, ``belang``..."""
    rows: RowCounts


_INVOLVEMENT_COLUMNS = [
    "project", "partner", "naam", "fase", "rol", "rol_original", "invloed", "belang", "source",
    "sheet", "row", "col_index", "column", "sheet_order",
]


class _InvolvementMapper:
    """Maps involvement rows: project by id first, then by name; rejects unknown projects."""

    def __init__(self, ctx: _Context, tables: list[RawTable], projects: _ProjectsResult) -> None:
        self.ctx = ctx
        self.tables = tables
        self.projects = projects

    def run(self) -> _InvolvementResult:
        frames = []
        read = rejected = 0
        for table in self.tables:
            columns, data = _field_texts(
                table, ("project_id", "project", "partner", "fase", "rol", "invloed", "belang")
            )
            frame = table.frame
            read += len(frame)
            data["row"] = frame["row"].astype(int)
            ids = self.projects.id_lookup
            names = self.projects.name_lookup
            id_key = _per_value(data["project_id"], norm)
            name_key = _per_value(data["project"], norm)
            project = id_key.map(ids)
            project = project.where(project.notna(), name_key.map(names))
            project = project.where(project.notna(), name_key.map(ids))
            project = project.where(project.notna(), id_key.map(names))
            data["project_key"] = project
            reference = data["project_id"].where(data["project_id"].notna(), data["project"])
            ref_column = columns.get("project_id") or columns.get("project")
            missing_project = reference.isna()
            unknown_project = reference.notna() & project.isna()
            missing_partner = data["partner"].isna()
            bad = missing_project | unknown_project | missing_partner
            for rid in data.index[bad]:
                row = int(data.at[rid, "row"])
                if missing_project.at[rid]:
                    col, value = ref_column or "Project", ""
                    message = (
                        f"Rij {row} noemt geen project en is niet meegeteld. Vul het project-ID of de "
                        "projectnaam in."
                    )
                elif unknown_project.at[rid]:
                    col, value = ref_column, reference.at[rid]
                    message = (
                        f"Project '{reference.at[rid]}' in rij {row} staat niet in de projectenlijst; de "
                        "rij is niet meegeteld. Controleer het ID of de naam, of voeg het project toe."
                    )
                else:
                    col, value = columns.get("partner") or "Partner", ""
                    message = (
                        f"Rij {row} noemt geen partner en is niet meegeteld. Vul de naam van de partner in."
                    )
                self.ctx.issue(SEVERITY_ERROR, "involvements", table.sheet, row, col, value, message, table.sheet_order)
            rejected += int(bad.sum())
            data = data[~bad]
            self._values(table, data, columns)
            data["sheet"] = table.sheet
            data["sheet_order"] = table.sheet_order
            partner_col = columns.get("partner")
            data["column"] = partner_col.header if partner_col else None
            data["col_index"] = partner_col.index if partner_col else -1
            frames.append(data)
        rows = RowCounts(read, read - rejected, rejected)
        if not frames:
            return _InvolvementResult(pd.DataFrame(columns=_INVOLVEMENT_COLUMNS), rows)
        data = pd.concat(frames, ignore_index=True)
        fase_lookup = {v: (self.ctx.vocab["fase"].match_whole(v) or (None,))[0] for v in pd.unique(data["fase"].dropna())}
        role_lookup = {v: (PARTNER_ROLE_VOCAB.match_whole(v) or (None,))[0] for v in pd.unique(data["rol"].dropna())}
        used = pd.DataFrame({
            "project": data["project_key"],
            "partner": _per_value(data["partner"], norm),
            "naam": data["partner"],
            "fase": data["fase"].map(fase_lookup, na_action="ignore"),
            "rol": data["rol"].map(role_lookup, na_action="ignore"),
            "rol_original": data["rol"],
            "invloed": _per_value(data["invloed"], parse_scale),
            "belang": _per_value(data["belang"], parse_scale),
            "source": "betrokkenheid",
            "sheet": data["sheet"],
            "row": data["row"],
            "col_index": data["col_index"],
            "column": data["column"],
            "sheet_order": data["sheet_order"],
        })
        return _InvolvementResult(used, rows)

    def _values(self, table: RawTable, data: pd.DataFrame, columns: dict[str | None, RawColumn]) -> None:
        phases = data["fase"].dropna()
        unknown = {v for v in pd.unique(phases) if self.ctx.vocab["fase"].match_whole(v) is None}
        for rid in phases[phases.isin(unknown)].index:
            self.ctx.issue(
                SEVERITY_WARNING, "involvements", table.sheet, int(data.at[rid, "row"]), columns.get("fase"),
                phases.at[rid],
                f"Fase '{phases.at[rid]}' is onbekend. Gebruik visie, beleid of uitvoering.",
                table.sheet_order,
            )
        for name in ("invloed", "belang"):
            values = data[name].dropna()
            bad = {v for v in pd.unique(values) if parse_scale(v) is None}
            for rid in values[values.isin(bad)].index:
                self.ctx.issue(
                    SEVERITY_WARNING, "involvements", table.sheet, int(data.at[rid, "row"]),
                    columns.get(name), values.at[rid],
                    f"{voc.FIELD_LABELS[name]} '{values.at[rid]}' is geen score. Gebruik 1 tot en met 5, "
                    "of laag, middel, hoog.", table.sheet_order,
                )


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
        held = set(zip(involvement.used["project"], involvement.used["partner"], strict=True))
        pairs = links.drop_duplicates(["project", "partner"])
        keep = [(p, q) not in held for p, q in zip(pairs["project"], pairs["partner"], strict=True)]
        extra_links = pairs[keep]
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
    keys: dict[str, str] = {}
    parts = []
    for cell in pd.unique(mentions["name"]):
        for name in _partner_parts(cell, known, keys):
            parts.append((cell, keys[name], name))
    lookup = pd.DataFrame(parts, columns=["name", "partner", "naam"])
    merged = mentions.merge(lookup, on="name", how="inner")
    merged = merged[merged["partner"] != ""]
    return merged[["project", "partner", "naam", "sheet", "row", "column", "col_index", "sheet_order"]]


def _partner_parts(text: str, known: set[str], keys: dict[str, str]) -> list[str]:
    """Names in a partner cell; ``keys`` memoises the normalised name of every name returned."""
    text = text.strip()
    key = keys.get(text)
    if key is None:
        if is_empty_text(text):
            return []
        key = keys[text] = norm(text)
    if key in known:
        return [text]
    for sep in voc.PARTNER_NAME_SEPARATORS:
        if sep in text:
            result = []
            for part in text.split(sep):
                result.extend(_partner_parts(part, known, keys))
            return result
    return [text]


# --------------------------------------------------------------------------------------------
# Team
# --------------------------------------------------------------------------------------------

_TEAM_COLUMNS = ["naam", "person", "vaardigheid", "niveau", "sheet", "row"]


def _map_team(ctx: _Context, tables: list[RawTable]) -> tuple[pd.DataFrame, RowCounts]:
    """Team members with their skills (long: one skill per row; wide: one column per skill)."""
    frames = []
    read = rejected = 0
    for table in tables:
        columns = {c.field: c for c in table.columns if c.kind == "field"}
        frame = table.frame
        read += len(frame)
        names = _texts(table.col(columns["naam"])) if "naam" in columns else pd.Series(None, index=frame.index, dtype=object)
        rows = frame["row"].astype(int)
        no_name = names.isna()
        for rid in names.index[no_name]:
            ctx.issue(
                SEVERITY_ERROR, "team", table.sheet, int(rows.at[rid]), columns.get("naam") or "Naam", "",
                f"Rij {int(rows.at[rid])} heeft geen naam van een medewerker of team en is niet "
                "meegeteld. Vul de naam in.", table.sheet_order,
            )
        rejected += int(no_name.sum())
        keep = names.index[~no_name]
        if "vaardigheid" in columns:
            skills = _texts(table.col(columns["vaardigheid"])).loc[keep]
            matched = _match_frame(skills, SKILL_VOCAB)
            bad = matched[matched["code"].isna()]
            for item in bad.drop_duplicates("rid").itertuples(index=False):
                ctx.issue(
                    SEVERITY_WARNING, "team", table.sheet, int(rows.at[item.rid]), columns["vaardigheid"],
                    item.text,
                    f"Vaardigheid '{item.original}' is geen vaardigheid uit Schema 3. Gebruik er een van: "
                    f"{', '.join(voc.SKILLS)}.", table.sheet_order,
                )
            known = matched[matched["code"].notna()]
            levels = table.col(columns["niveau"]) if "niveau" in columns else pd.Series(None, index=frame.index, dtype=object)
            level_text = _texts(levels)
            level_lookup = {v: parse_scale(v) for v in pd.unique(level_text.dropna())}
            level = level_text.map(level_lookup, na_action="ignore")
            for rid in level.index[level_text.notna() & level.isna()].intersection(keep):
                ctx.issue(
                    SEVERITY_WARNING, "team", table.sheet, int(rows.at[rid]), columns.get("niveau"),
                    level_text.at[rid], f"Niveau '{level_text.at[rid]}' is geen score. Gebruik 1 tot en met 5.",
                    table.sheet_order,
                )
            frames.append(pd.DataFrame({
                "naam": names.loc[known["rid"]].to_numpy(),
                "vaardigheid": known["code"].to_numpy(),
                "niveau": level.reindex(known["rid"]).to_numpy(),
                "sheet": table.sheet, "row": rows.loc[known["rid"]].to_numpy(),
            }))
        for column in table.columns:
            if column.kind != "skill":
                continue
            cells = table.col(column).loc[keep].dropna()
            lookup = {}
            for value in pd.unique(cells):
                mark = mark_value(value)
                level = parse_scale(value)
                lookup[value] = (True, level) if level is not None else ((mark, None) if mark is not None else (None, None))
            for rid in cells.index:
                has, level = lookup[cells.at[rid]]
                if has is None:
                    ctx.issue(
                        SEVERITY_WARNING, "team", table.sheet, int(rows.at[rid]), column, cell_text(cells.at[rid]),
                        f"'{cell_text(cells.at[rid])}' in kolom '{column.header}' is geen niveau (1–5) of "
                        "markering (x). Pas de waarde aan.", table.sheet_order,
                    )
            has_skill = {v: found[0] is True for v, found in lookup.items()}
            levels = {v: found[1] for v, found in lookup.items()}
            present = cells[cells.map(has_skill).astype(bool)]
            frames.append(pd.DataFrame({
                "naam": names.loc[present.index].to_numpy(),
                "vaardigheid": column.arg,
                "niveau": present.map(levels).to_numpy(),
                "sheet": table.sheet, "row": rows.loc[present.index].to_numpy(),
            }))
        people = pd.DataFrame({"naam": names.loc[keep].to_numpy(), "vaardigheid": None, "niveau": None,
                               "sheet": table.sheet, "row": rows.loc[keep].to_numpy()})
        frames.append(people)
    rows_count = RowCounts(read, read - rejected, rejected)
    if not frames:
        return pd.DataFrame(columns=_TEAM_COLUMNS), rows_count
    team = pd.concat([f for f in frames if len(f)] or [pd.DataFrame(columns=_TEAM_COLUMNS)], ignore_index=True)
    team["person"] = _per_value(team["naam"], norm)
    with_skill = team[team["vaardigheid"].notna()]
    bare = team[team["vaardigheid"].isna() & ~team["person"].isin(with_skill["person"])].drop_duplicates("person")
    team = pd.concat([with_skill, bare], ignore_index=True)
    return team[_TEAM_COLUMNS], rows_count


