"""Label placement without overlaps (regie.charts.labels)."""

from __future__ import annotations

from regie.charts import labels
from regie.charts.labels import Scale, place_labels

SCALE = Scale(x_per_px=0.01, y_per_px=0.01, font_px=10, marker_px=10)


def boxes(xs, ys, texts, placed):
    return [labels._box(x, y, t, p, SCALE) for x, y, t, p in zip(xs, ys, texts, placed, strict=True) if p]


def test_isolated_points_get_the_first_position() -> None:
    assert place_labels([0, 10], [0, 10], ["A", "B"], SCALE) == ["top center", "top center"]


def test_close_points_get_positions_that_do_not_overlap() -> None:
    xs, ys, texts = [0.0, 0.0, 0.3], [0.0, 0.25, 0.0], ["Eerste partner", "Tweede partner", "Derde"]
    placed = place_labels(xs, ys, texts, SCALE)
    found = boxes(xs, ys, texts, placed)
    for i, a in enumerate(found):
        for b in found[i + 1:]:
            assert not labels._overlaps(a, b)


def test_crowded_points_leave_some_without_label() -> None:
    xs = [0.0] * 6
    ys = [0.0] * 6
    placed = place_labels(xs, ys, ["Naam"] * 6, SCALE)
    assert placed[0] is not None
    assert None in placed


def test_order_decides_who_gets_a_label_and_always_forces_one() -> None:
    xs, ys = [0.0, 0.05], [0.0, 0.0]
    placed = place_labels(xs, ys, ["Klein", "Groot"], SCALE, order=[1, 0])
    assert placed[1] is not None
    forced = place_labels([0.0, 0.05], [0.0, 0.0], ["Eén", "Twee"], SCALE, bounds=(-0.01, 0.06, -0.01, 0.01),
                          always=1)
    assert forced[0] == "top center"


def test_empty_texts_are_skipped() -> None:
    assert place_labels([0], [0], [""], SCALE) == [None]


def test_limit_considers_only_the_first_points() -> None:
    placed = place_labels([0, 10, 20], [0, 10, 20], ["A", "B", "C"], SCALE, order=[2, 0, 1], limit=2)
    assert placed == ["top center", None, "top center"]
