"""Partners seen per phase, by work area and on the influence × interest grid (docs/domein.md section 5).

* Partner types per phase: distinct partners of each type involved in the projects of a phase
  (a link counts in the involvement's phase where given, else in the project's phases).
* Werkgebied: lokaal, regionaal, landelijk or onbekend. MOVISIE notes that partners whose work area
  reaches beyond the municipality make regie harder (element C case).
* Influence × interest: per partner the mean invloed and belang (1–5) over its involvements, in
  one of four quadrants (a mean of 3,5 or more counts as veel: 4 and 5, not middel).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from regie import vocabulary as voc
from regie.analysis.network import links_per_phase
from regie.model import Inventory

TYPE_KEYS: tuple[str, ...] = (*(c.code for c in voc.PARTNER_TYPES), voc.UNKNOWN)
WERKGEBIED_KEYS: tuple[str, ...] = (*(c.code for c in voc.WERKGEBIEDEN), voc.UNKNOWN)
WERKGEBIED_LABELS: dict[str, str] = {c.code: c.label for c in voc.WERKGEBIEDEN} | {voc.UNKNOWN: "Onbekend"}
BEYOND_MUNICIPALITY: tuple[str, ...] = ("regionaal", "landelijk")
QUADRANTS: tuple[str, ...] = tuple(q.name for q in voc.INFLUENCE_INTEREST_QUADRANTS)
GRID_COLUMNS: tuple[str, ...] = ("partner", "naam", "type", "invloed", "belang", "betrokkenheden", "kwadrant")


def partner_type_counts(inv: Inventory) -> pd.DataFrame:
    """Per phase (index: phase codes) the distinct partners per type (columns: TYPE_KEYS)."""
    per = links_per_phase(inv)
    types = inv.partners.set_index("partner")["type"]
    per = per.assign(type=per["partner"].map(types).fillna(voc.UNKNOWN))
    distinct = per.drop_duplicates(["phase", "partner"])
    table = pd.crosstab(distinct["phase"], distinct["type"]) if len(distinct) else pd.DataFrame()
    table = table.reindex(index=list(voc.PHASE_CODES), columns=list(TYPE_KEYS), fill_value=0)
    table = table.fillna(0).astype(int)
    table.index.name = "fase"
    table.columns.name = None
    return table


def werkgebied_codes(inv: Inventory) -> pd.Series:
    """Each partner's werkgebied code (``onbekend`` when blank or not lokaal/regionaal/landelijk)."""
    values = inv.partners["werkgebied"]
    return values.where(values.isin(WERKGEBIED_KEYS[:-1]), voc.UNKNOWN).astype(object)


def werkgebied_counts(inv: Inventory) -> dict[str, int]:
    """Partners per werkgebied, every key of WERKGEBIED_KEYS present."""
    counts = werkgebied_codes(inv).value_counts()
    return {k: int(counts.get(k, 0)) for k in WERKGEBIED_KEYS}


def share_beyond_municipality(inv: Inventory) -> float | None:
    """Share of the partners with a known werkgebied that work beyond the municipality
    (regionaal or landelijk); None when no partner has a known werkgebied."""
    counts = werkgebied_counts(inv)
    known = sum(v for k, v in counts.items() if k != voc.UNKNOWN)
    if not known:
        return None
    return sum(counts[k] for k in BEYOND_MUNICIPALITY) / known


def quadrant(invloed: float, belang: float) -> str:
    """The quadrant of a partner with these (mean) scores."""
    high_i = invloed >= voc.INFLUENCE_INTEREST_THRESHOLD
    high_b = belang >= voc.INFLUENCE_INTEREST_THRESHOLD
    if high_i and high_b:
        return QUADRANTS[0]
    if high_i:
        return QUADRANTS[1]
    if high_b:
        return QUADRANTS[2]
    return QUADRANTS[3]


def influence_interest(inv: Inventory) -> pd.DataFrame:
    """Per partner with both scores: mean ``invloed`` and ``belang`` over its involvements that
    have both, the number of such ``betrokkenheden`` and the ``kwadrant``; sorted by quadrant,
    then name. Empty when no involvement has both scores."""
    scores = inv.involvements[["partner", "invloed", "belang"]].copy()
    scores["invloed"] = pd.to_numeric(scores["invloed"], errors="coerce")
    scores["belang"] = pd.to_numeric(scores["belang"], errors="coerce")
    scores = scores.dropna()
    scores = scores[scores["partner"].isin(inv.partners["partner"])]
    if not len(scores):
        return pd.DataFrame({c: [] for c in GRID_COLUMNS}).astype(
            {"invloed": float, "belang": float, "betrokkenheden": int}
        ).astype({"partner": object, "naam": object, "type": object, "kwadrant": object})
    grouped = scores.groupby("partner", sort=False).agg(
        invloed=("invloed", "mean"), belang=("belang", "mean"), betrokkenheden=("invloed", "size"),
    ).reset_index()
    partners = inv.partners[["partner", "naam", "type"]]
    frame = partners.merge(grouped, on="partner", how="inner")
    frame["kwadrant"] = [quadrant(i, b) for i, b in zip(frame["invloed"], frame["belang"], strict=True)]
    order = {q: i for i, q in enumerate(QUADRANTS)}
    frame = frame.assign(_q=frame["kwadrant"].map(order), _n=frame["naam"].astype(str).str.casefold())
    frame = frame.sort_values(["_q", "_n"], kind="stable").drop(columns=["_q", "_n"])
    return frame[list(GRID_COLUMNS)].reset_index(drop=True)


def quadrant_counts(grid: pd.DataFrame) -> dict[str, int]:
    """Partners per quadrant of an influence × interest grid."""
    counts = grid["kwadrant"].value_counts() if len(grid) else pd.Series(dtype=int)
    return {q: int(counts.get(q, 0)) for q in QUADRANTS}


def spread_points(grid: pd.DataFrame, spread: float = 0.25) -> tuple[np.ndarray, np.ndarray]:
    """Plot positions (x = invloed, y = belang) with partners that share the same scores spread
    on a small circle around their point; a point never crosses a quadrant line."""
    x = grid["invloed"].to_numpy(dtype=float).copy()
    y = grid["belang"].to_numpy(dtype=float).copy()
    groups: dict[tuple[float, float], list[int]] = {}
    for position, key in enumerate(zip(np.round(x, 2), np.round(y, 2), strict=True)):
        groups.setdefault(key, []).append(position)
    for members in groups.values():
        if len(members) < 2:
            continue
        radius = spread * min(1.0, 0.4 + 0.1 * len(members))
        for j, position in enumerate(members):
            angle = 2 * np.pi * j / len(members) + np.pi / 4
            x[position] += radius * np.cos(angle)
            y[position] += radius * np.sin(angle)
    threshold = voc.INFLUENCE_INTEREST_THRESHOLD
    for moved, original in ((x, grid["invloed"].to_numpy(dtype=float)),
                            (y, grid["belang"].to_numpy(dtype=float))):
        high = original >= threshold
        moved[high] = np.maximum(moved[high], threshold + 0.05)
        moved[~high] = np.minimum(moved[~high], threshold - 0.05)
    return x, y
