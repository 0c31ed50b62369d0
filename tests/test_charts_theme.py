"""The chart theme (regie.charts.theme): text size, legible numbers on patterns, wrapped labels."""

from __future__ import annotations

import plotly.graph_objects as go
import pytest

from regie import load_inventory
from regie.charts import presentation as pres
from regie.charts.theme import FONT_SIZE, PATTERN_OPACITY, legible, luminance, wrap_label
from regie.ui.state import EXAMPLE_FILE


def _contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.fixture(scope="module")
def example():
    return load_inventory(EXAMPLE_FILE)


def test_every_chart_of_the_presentation_has_text_of_at_least_16_px_in_dark_ink(example) -> None:
    for view in pres.VIEWS:
        figure = view.chart(example, "Alle projecten").figure  # every Chart is made legible
        layout = figure.layout
        assert layout.template.layout.font.size >= FONT_SIZE, view.key
        assert _contrast(layout.template.layout.font.color, "#FFFFFF") >= 4.5, view.key
        assert layout.template.layout.uniformtext.minsize >= FONT_SIZE, "smaller numbers are hidden, not shrunk"
        for trace in figure.data:
            if trace.type == "bar":
                assert trace.textfont.size >= FONT_SIZE, (view.key, trace.name)


def test_patterns_are_faint_under_the_numbers() -> None:
    figure = go.Figure(go.Bar(x=[1], y=[2], text=["2"], marker={"pattern": {"shape": "/", "fgopacity": 0.8}}))
    legible(figure)
    bar = figure.data[0]
    assert bar.marker.pattern.fgopacity == PATTERN_OPACITY
    assert bar.textfont.weight == "bold" and bar.textfont.size == FONT_SIZE
    plain = legible(go.Figure(go.Bar(x=[1], y=[2])))
    assert plain.data[0].marker.pattern.fgopacity is None, "a bar without pattern keeps its fill"


@pytest.mark.parametrize(("text", "wrapped"), [
    ("A – Visie ontwikkelen", "A – Visie<br>ontwikkelen"),
    ("B – Het netwerk koesteren", "B – Het<br>netwerk<br>koesteren"),
    ("Onbepaald", "Onbepaald"),
])
def test_long_labels_wrap(text: str, wrapped: str) -> None:
    assert wrap_label(text) == wrapped
