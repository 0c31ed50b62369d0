"""Label placement for scatter plots: names next to points without overlapping each other.

Plotly does not avoid overlapping text labels. :func:`place_labels` tries, for each point in order
of importance, the positions above, below, right and left of the point, and keeps the first whose
box overlaps no label placed before (nor a marker); a point without room gets no label (its name
stays in the hover text and the table). Boxes are estimated from the font size and the plot's
data-units-per-pixel, so the result is a good approximation, not an exact layout.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

CANDIDATES: tuple[str, ...] = ("top center", "bottom center", "middle right", "middle left")
CHAR_WIDTH = 0.52
"""Average character width as a fraction of the font size (proportional sans-serif)."""


@dataclass(frozen=True)
class Scale:
    """Data units per pixel on each axis, and the font size in pixels."""

    x_per_px: float
    y_per_px: float
    font_px: float = 12.0
    marker_px: float = 14.0


def _box(x: float, y: float, text: str, position: str, s: Scale) -> tuple[float, float, float, float]:
    width = len(text) * s.font_px * CHAR_WIDTH * s.x_per_px
    height = s.font_px * 1.25 * s.y_per_px
    gap_x = (s.marker_px / 2 + 3) * s.x_per_px
    gap_y = (s.marker_px / 2 + 2) * s.y_per_px
    if position == "top center":
        return (x - width / 2, x + width / 2, y + gap_y, y + gap_y + height)
    if position == "bottom center":
        return (x - width / 2, x + width / 2, y - gap_y - height, y - gap_y)
    if position == "middle right":
        return (x + gap_x, x + gap_x + width, y - height / 2, y + height / 2)
    return (x - gap_x - width, x - gap_x, y - height / 2, y + height / 2)


def _overlaps(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return a[0] < b[1] and b[0] < a[1] and a[2] < b[3] and b[2] < a[3]


def place_labels(
    xs: Sequence[float], ys: Sequence[float], texts: Sequence[str], scale: Scale,
    order: Sequence[int] | None = None, bounds: tuple[float, float, float, float] | None = None,
    always: int = 0, limit: int | None = None,
) -> list[str | None]:
    """A plotly ``textposition`` per point, or None where the label would overlap.

    ``order`` lists point indexes by importance (default: as given); ``bounds`` (x0, x1, y0, y1)
    keeps labels inside the plot area. The first ``always`` points of the order get a label even
    when every position touches a marker (it then only avoids other labels, if it can); only the
    first ``limit`` points of the order are considered at all (a crowded plot stays fast).
    """
    half_x = scale.marker_px / 2 * scale.x_per_px
    half_y = scale.marker_px / 2 * scale.y_per_px
    markers = [(x - half_x, x + half_x, y - half_y, y + half_y) for x, y in zip(xs, ys, strict=True)]
    placed: list[tuple[float, float, float, float]] = []
    result: list[str | None] = [None] * len(texts)
    ranked = list(order if order is not None else range(len(texts)))
    for rank, i in enumerate(ranked[:limit] if limit is not None else ranked):
        if not texts[i]:
            continue
        strict = [p for p in CANDIDATES if _free(i, p, xs, ys, texts, scale, bounds, placed, markers)]
        loose = [] if strict or rank >= always else [
            p for p in CANDIDATES if _free(i, p, xs, ys, texts, scale, bounds, placed, None)
        ]
        options: list[str | None] = [*strict] or [*loose] or ([CANDIDATES[0]] if rank < always else [None])
        chosen = options[0]
        if chosen is not None:
            placed.append(_box(xs[i], ys[i], texts[i], chosen, scale))
            result[i] = chosen
    return result


def _free(
    i: int, position: str, xs: Sequence[float], ys: Sequence[float], texts: Sequence[str], scale: Scale,
    bounds: tuple[float, float, float, float] | None, placed: list[tuple[float, float, float, float]],
    markers: list[tuple[float, float, float, float]] | None,
) -> bool:
    """True when the label of point ``i`` at ``position`` stays in bounds and overlaps no placed
    label (and, when ``markers`` is given, no other point's marker)."""
    box = _box(xs[i], ys[i], texts[i], position, scale)
    if bounds is not None and not (bounds[0] <= box[0] and box[1] <= bounds[1]
                                   and bounds[2] <= box[2] and box[3] <= bounds[3]):
        return False
    if any(_overlaps(box, other) for other in placed):
        return False
    return markers is None or not any(_overlaps(box, m) for j, m in enumerate(markers) if j != i)
