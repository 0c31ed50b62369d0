"""The involvement tables: which partner works on which project, in which phase and role."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from regie import vocabulary as voc
from regie.mapping.common import _Context, _field_texts, _per_value
from regie.mapping.projects import _ProjectsResult
from regie.mapping.values import parse_scale
from regie.mapping.vocabularies import PARTNER_ROLE_VOCAB, SCALE_FIELDS
from regie.model import (
    SEVERITY_ERROR,
    SEVERITY_WARNING,
    RawColumn,
    RawTable,
    RowCounts,
)
from regie.normalise import cell_text


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
            id_key = self.ctx.keys(data["project_id"])
            name_key = self.ctx.keys(data["project"])
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
                    col: RawColumn | str | None = ref_column or "Project"
                    value = ""
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
            "partner": self.ctx.keys(data["partner"]),
            "naam": data["partner"],
            "fase": data["fase"].map(fase_lookup, na_action="ignore"),
            "rol": data["rol"].map(role_lookup, na_action="ignore"),
            "rol_original": data["rol"],
            "invloed": self._scores(data["invloed"], "invloed"),
            "belang": self._scores(data["belang"], "belang"),
            "source": "betrokkenheid",
            "sheet": data["sheet"],
            "row": data["row"],
            "col_index": data["col_index"],
            "column": data["column"],
            "sheet_order": data["sheet_order"],
        })
        return _InvolvementResult(used, rows)

    def _scores(self, values: pd.Series, name: str) -> pd.Series:
        """Scores 1–5 per cell (None where unknown): a number or scale word, else a person's mapping
        of the word in the review (``value_mappings``)."""
        vocab = self.ctx.vocab[name]

        def score(value: object) -> int | None:
            found = parse_scale(value)
            if found is None:
                mapped = vocab.match_whole(cell_text(value))
                found = int(mapped[0]) if mapped and str(mapped[0]).isdigit() else None
            return found

        return _per_value(values, score)

    def _values(self, table: RawTable, data: pd.DataFrame, columns: dict[str | None, RawColumn]) -> None:
        phases = data["fase"].dropna()
        unknown = {v for v in pd.unique(phases) if self.ctx.vocab["fase"].match_whole(v) is None}
        odd = phases[phases.isin(unknown)]
        for row, phase in zip(data.loc[odd.index, "row"].to_numpy(), odd.to_numpy(), strict=True):
            self.ctx.issue(
                SEVERITY_WARNING, "involvements", table.sheet, int(row), columns.get("fase"), phase,
                f"Fase '{phase}' is onbekend. Gebruik visie, beleid of uitvoering.", table.sheet_order,
            )
        for name in SCALE_FIELDS:
            values = data[name].dropna()
            scores = self._scores(values, name)
            bad_values = values[scores.isna()]
            if bad_values.empty:
                continue
            counts = bad_values.map(cell_text).value_counts(sort=False)
            self.ctx.unknown.append(pd.DataFrame({"field": name, "value": counts.index, "count": counts.to_numpy()}))
            for row, value in zip(data.loc[bad_values.index, "row"].to_numpy(), bad_values.to_numpy(), strict=True):
                self.ctx.issue(
                    SEVERITY_WARNING, "involvements", table.sheet, int(row),
                    columns.get(name), value,
                    f"{voc.FIELD_LABELS[name]} '{value}' is geen score. Gebruik 1 tot en met 5, "
                    "of laag, middel, hoog, of wijs de waarde een score toe onder 'Waarden toewijzen' op de "
                    "pagina Inventaris.", table.sheet_order,
                )


