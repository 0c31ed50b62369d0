"""The team tables: people or teams with their Schema 3 skills (long or wide)."""

from __future__ import annotations

import pandas as pd

from regie import vocabulary as voc
from regie.mapping.common import _Context, _match_frame, _per_value, _texts
from regie.mapping.values import parse_level
from regie.mapping.vocabularies import SKILL_VOCAB
from regie.model import (
    SEVERITY_ERROR,
    SEVERITY_WARNING,
    RawTable,
    RowCounts,
)
from regie.normalise import (
    cell_text,
    mark_value,
    norm,
)

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
            level_lookup = {v: parse_level(v) for v in pd.unique(level_text.dropna())}
            level = level_text.map(level_lookup, na_action="ignore")
            for rid in level.index[level_text.notna() & level.isna()].intersection(keep):
                ctx.issue(
                    SEVERITY_WARNING, "team", table.sheet, int(rows.at[rid]), columns.get("niveau"),
                    level_text.at[rid], f"Niveau '{level_text.at[rid]}' is geen niveau. Gebruik 1 tot en met 5, of basis, gevorderd of expert.",
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
                level = parse_level(value)
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


