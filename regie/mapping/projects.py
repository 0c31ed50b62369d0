"""The projects tables → projects, phases, elements, roles, partner mentions and extra columns.

Long and wide formats (docs/inventaris.md, section 5); per-phase roles win over the project role.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import pandas as pd

from regie import vocabulary as voc
from regie.formatting import nl_join
from regie.mapping.common import (
    EXPLAINED_COLUMNS,
    _cname,
    _concat,
    _Context,
    _dedupe_explained,
    _explained,
    _header_of,
    _mark_frame,
    _match_frame,
    _per_value,
    _raw_texts,
    _texts,
    _unknown_issues,
)
from regie.mapping.values import parse_amount, parse_date
from regie.mapping.vocabularies import CLOSED_FIELDS, MULTI_CHOICE_FIELDS, PHASE_VOCAB
from regie.model import (
    SEVERITY_ERROR,
    SEVERITY_WARNING,
    RawColumn,
    RawTable,
    RowCounts,
)
from regie.normalise import (
    RULE_EXACT,
    RULE_MANUAL,
    Vocabulary,
    cell_text,
    fold,
    norm,
)

SINGLE_FIELDS: tuple[str, ...] = (
    "id", "naam", "omschrijving", "domein", "gebied", "regie", "taaksoort", "overheidsrol", "beleidskader",
    "doorzettingsmacht", "trekker", "start", "eind", "budget", "gedeelde_visie", "afdelingen",
    "kenmerken", "samenwerking", "kernactiviteit", "andere_partijen", "nabijheid", "vorm",
)
"""Fields read as one cell per row (the first matching column wins); taaksoort, overheidsrol and
afdelingen are then split into their values (:data:`MULTI_CHOICE_FIELDS`, ``afdelingen``)."""
PROJECT_COLUMNS: tuple[str, ...] = (
    "project", "id", "id_generated", "naam", "omschrijving", "domein", "gebied", "sectie", "regie",
    "beleidskader", "doorzettingsmacht", "trekker", "start", "eind", "budget", "gedeelde_visie",
    "kenmerken", "samenwerking", "kernactiviteit", "andere_partijen", "nabijheid", "vorm",
    "sheet", "row", "rows",
)
MULTI_COLUMNS: tuple[str, ...] = ("project", "code", "original", "sheet", "row")
"""Columns of the per-project frames of multi-valued fields (task kinds, government roles)."""
DEPARTMENT_COLUMNS: tuple[str, ...] = ("project", "naam", "key")

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
    multi: dict[str, pd.DataFrame]
    """Per multi-valued field (taaksoort, overheidsrol): ``project``, ``code``, ``original``..."""
    departments: pd.DataFrame
    """``project``, ``naam`` (as written), ``key`` (normalised)."""


_PHASE_MSG = (
    "Fase {parts} is onbekend. Gebruik visie, beleid of uitvoering (of een synoniem uit de "
    "woordenlijst), of wijs de waarde toe onder 'Waarden toewijzen' op de pagina Inventaris."
)
_ELEMENT_MSG = (
    "Element {parts} is onbekend. Gebruik A, B, C of D of de naam van het element (bijv. "
    "'B - Het netwerk koesteren'), of wijs de waarde toe onder 'Waarden toewijzen' op de pagina Inventaris."
)
_ROLE_MSG = (
    "Rol {parts} is onbekend. Gebruik zelf doen, opdrachtgever, regisseur, samenwerkingspartner, "
    "facilitator of regie bij anderen, of wijs de waarde toe onder 'Waarden toewijzen' op de pagina Inventaris."
)
_ROLE_PART_MSG = (
    "Rol {parts} is onbekend; alleen het herkende deel van de cel telt. Gebruik zelf doen, opdrachtgever, "
    "regisseur, samenwerkingspartner, facilitator of regie bij anderen, of wijs de waarde toe onder "
    "'Waarden toewijzen' op de pagina Inventaris."
)


INVENTORY_FIELDS = frozenset({"fase", "rol", "element"})
INVENTORY_KINDS = frozenset({"phase_mark", "element_mark", "phase_role"})
"""A projects table with none of these columns does not look like an inventory (docs/inventaris.md)."""


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
        self._looks_like_an_inventory()
        for table in self.tables:
            frame = table.frame.set_axis(pd.RangeIndex(offset, offset + len(table.frame)))
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
            used = frame if len(meta) == len(frame) else frame.loc[meta.index]
            phase_parts.append(self._phases(table, used, meta))
            element_parts.append(self._elements(table, used, meta))
            role_parts.append(self._roles(table, used, meta))
            partner_parts.append(self._partner_cells(table, used, meta))
            extra_parts.append(self._extra(table, used))
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
        multi = {name: self._multi_choice(meta, name) for name in MULTI_CHOICE_FIELDS}
        departments = _departments(meta)
        suggestions = _suggest_elements(projects, elements)
        ids = projects[~projects["id_generated"]]
        id_lookup = dict(zip(ctx.keys(ids["id"]), ids["project"], strict=True))
        # the first project of each normalised name (filled backwards: the first one written last)
        name_lookup = dict(zip(ctx.keys(projects["naam"]).to_numpy()[::-1], projects["project"].to_numpy()[::-1],
                               strict=True))
        return _ProjectsResult(
            projects, phases.drop(columns="rid"), elements.drop(columns="rid"), suggestions,
            roles, mentions, extra, rows, id_lookup, name_lookup, multi, departments,
        )

    def _looks_like_an_inventory(self) -> None:
        """One file-level warning when no projects table has a column for fase, rol or element, nor
        marks per phase or element (a register or a price list is read as "projects" otherwise)."""
        tables = [t for t in self.tables if len(t.frame)]
        if not tables:
            return
        for table in tables:
            for column in table.columns:
                if column.kind in INVENTORY_KINDS or (column.kind == "field" and column.field in INVENTORY_FIELDS):
                    return
        headers = [f"'{c.header}'" for c in tables[0].columns][:12]
        more = len(tables[0].columns) - len(headers)
        found = nl_join(headers) + (f" en {more} andere" if more > 0 else "")
        where = (f"blad '{tables[0].sheet}'" if len(tables) == 1
                 else "de bladen " + nl_join([f"'{t.sheet}'" for t in tables]))
        first = f" in blad '{tables[0].sheet}'" if len(tables) > 1 else ""
        self.ctx.issue(
            SEVERITY_WARNING, None, None, None, None, None,
            f"Dit bestand lijkt geen inventaris van projecten: in {where} staat geen kolom voor fase, rol of "
            f"element, en geen kolommen met kruisjes per fase of element. Gevonden kolommen{first}: {found}. "
            "Controleer of u het goede bestand hebt gekozen, of voeg de kolommen Fase en Rol toe (zie het "
            "sjabloon).",
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
                    "ze is overgeslagen, zoals verwacht. U hoeft niets te doen."
                )
                value = text
            else:
                message = (
                    f"Rij {int(meta.at[rid, 'row'])} heeft geen projectnaam in kolom '{header}' en is "
                    "daarom niet meegeteld. Vul de naam van het project in."
                )
                value = raw_names.at[rid] or ""
            ctx.issue(
                SEVERITY_WARNING if why == "totaal" else SEVERITY_ERROR, "projects", table.sheet,
                int(meta.at[rid, "row"]), name_col or header, value, message, table.sheet_order,
            )
        meta = meta[reason.isna()]
        self._closed_values(table, meta)
        return meta, len(bad)

    def _closed_values(self, table: RawTable, meta: pd.DataFrame) -> None:
        """Warn on unknown values of the closed vocabularies (regie, beleidskader, the decision
        tree's answers…, taaksoort and overheidsrol part by part), dates and budget; unknown values
        are listed for the review."""
        columns = {c.field: c for c in table.columns if c.kind == "field"}
        for name, (_, allowed) in CLOSED_FIELDS.items():
            column = columns.get(name)
            if column is None:
                continue
            vocab = self.ctx.vocab[name]
            values = meta[name].dropna()
            bad_values = {v for v in pd.unique(values) if vocab.match_whole(v) is None}
            bad = values[values.isin(bad_values)]
            if len(bad):
                counts = bad.value_counts(sort=False)
                self.ctx.unknown.append(pd.DataFrame({"field": name, "value": counts.index, "count": counts.to_numpy()}))
            for row, text in zip(meta.loc[bad.index, "row"].to_numpy(), bad.to_numpy(), strict=True):
                self.ctx.issue(
                    SEVERITY_WARNING, "projects", table.sheet, int(row), column, text,
                    f"{voc.FIELD_LABELS[name]} '{text}' is onbekend. Gebruik {allowed}, of wijs de waarde toe "
                    "onder 'Waarden toewijzen' op de pagina Inventaris.",
                    table.sheet_order,
                )
        for name, (_, allowed) in MULTI_CHOICE_FIELDS.items():
            column = columns.get(name)
            if column is None:
                continue
            matched = _match_frame(meta[name], self.ctx.vocab[name])
            _unknown_issues(
                self.ctx, matched, meta, column, "projects", name,
                f"{voc.FIELD_LABELS[name]} " + "{parts} is onbekend. Gebruik " + allowed
                + ", of wijs de waarde toe onder 'Waarden toewijzen' op de pagina Inventaris.",
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
            failed = parsed.index[parsed.isna()]
            for row, text in zip(meta.loc[failed, "row"].to_numpy(), texts.loc[failed].to_numpy(), strict=True):
                value = None if name in voc.PERSONAL_FIELDS else text
                self.ctx.issue(
                    SEVERITY_WARNING, "projects", table.sheet, int(row), column, value,
                    f"'{text}' in kolom '{column.header}' is geen geldige {what}. Pas de "
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
            "in deze fase (of wijs de waarde toe onder 'Waarden toewijzen' op de pagina Inventaris).",
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
                matched = self._known_roles(_match_frame(_texts(series), vocab), meta, column, ["rid"])
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
                    pm = self._known_roles(_match_pairs(pairs, vocab), meta, column, ["rid", "phase"])
                    parts.append(_role_rows(pm, 1, "rolpaar", column, meta))
                matched = self._known_roles(_match_frame(plain, vocab), meta, column, ["rid"])
                if len(matched):
                    with_phase = matched.merge(row_phases, on="rid", how="inner")
                    parts.append(_role_rows(with_phase, 2, "rij", column, meta))
                    without = matched[~matched["rid"].isin(row_phases["rid"])]
                    parts.append(_role_rows(without, 3, "project", column, meta))
        return _concat(parts, _ROLE_COLUMNS)

    def _known_roles(self, matched: pd.DataFrame, meta: pd.DataFrame, column: RawColumn,
                     per: list[str]) -> pd.DataFrame:
        """Warn on unknown role parts and drop them where the cell (or pair) also names a known role:
        only the known part counts ("Regisseur / aanjager" is regisseur, with one warning naming
        "aanjager"); a cell with no known part stays ``onbekend``."""
        if matched.empty:
            return matched
        has_known = matched["code"].notna().groupby([matched[c] for c in per]).transform("any")
        partly = matched[has_known]
        wholly = matched[~has_known]
        _unknown_issues(self.ctx, partly, meta, column, "projects", "rol", _ROLE_PART_MSG)
        _unknown_issues(self.ctx, wholly, meta, column, "projects", "rol", _ROLE_MSG)
        return matched[~(has_known & matched["code"].isna())]

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
        id_key = self.ctx.keys(meta["id"])
        id_key = id_key.where(id_key.notna() & (id_key != ""), None)
        name_key = self.ctx.keys(meta["naam"])
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
            keys = self.ctx.keys(texts[present])
            conflict = keys != self.ctx.keys(firsts)
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
        for name in CLOSED_FIELDS:
            vocab = self.ctx.vocab[name]
            values = projects[name]
            # an unknown value stays as written (warned and reviewable): shown and exported as read
            lookup = {v: (vocab.match_whole(v) or (v,))[0] for v in pd.unique(values.dropna())}
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

    def _multi_choice(self, meta: pd.DataFrame, name: str) -> pd.DataFrame:
        """The known values of a multi-valued field, per project (every row of a project counts)."""
        texts = meta[name].dropna() if name in meta.columns else pd.Series(dtype=object)
        if texts.empty:
            return pd.DataFrame(columns=list(MULTI_COLUMNS))
        matched = _match_frame(texts, self.ctx.vocab[name])
        known = matched[matched["code"].notna()]
        frame = pd.DataFrame({
            "project": meta.loc[known["rid"], "project"].to_numpy(),
            "code": known["code"].to_numpy(),
            "original": known["original"].to_numpy(),
            "sheet": meta.loc[known["rid"], "sheet"].to_numpy(),
            "row": meta.loc[known["rid"], "row"].to_numpy(),
        }, columns=list(MULTI_COLUMNS))
        return frame.drop_duplicates(["project", "code"]).reset_index(drop=True)

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
            {name: pd.DataFrame(columns=list(MULTI_COLUMNS)) for name in MULTI_CHOICE_FIELDS},
            pd.DataFrame(columns=list(DEPARTMENT_COLUMNS)),
        )


_ROLE_COLUMNS = ["rid", "phase", "role", "level", "original", "rule", "split", "source", "column", "sheet", "row"]


def _departments(meta: pd.DataFrame) -> pd.DataFrame:
    """The afdelingen (or portefeuillehouders) named per project: split on ``;``, ``,`` and line
    breaks, one row per project and normalised name."""
    texts = meta["afdelingen"].dropna() if "afdelingen" in meta.columns else pd.Series(dtype=object)
    rows = []
    names: dict[str, list[str]] = {}
    for text in pd.unique(texts):
        parts = [text]
        for sep in voc.PARTNER_NAME_SEPARATORS:
            parts = [piece.strip() for part in parts for piece in part.split(sep)]
        names[text] = [part for part in parts if part]
    for rid, text in texts.items():
        for name in names[text]:
            rows.append((meta.at[rid, "project"], name, norm(name)))
    frame = pd.DataFrame(rows, columns=list(DEPARTMENT_COLUMNS))
    return frame.drop_duplicates(["project", "key"]).reset_index(drop=True)


def _is_totals_name(text: str) -> bool:
    if text[:1] not in "tTsSeE":  # totaal, subtotaal, totalen, som, eindtotaal
        return False
    key = norm(text)
    letters = key.rstrip("0123456789")
    return key in voc.TOTALS_NAMES or (letters in {"totaal", "subtotaal"} and letters != key)


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


