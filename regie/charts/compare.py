"""Charts of a comparison of two snapshots ("voor" and "na"): per phase, per element and per phase
and role the two numbers side by side, the later bar labelled with its difference.

The earlier snapshot (a) is a light, hatched bar, the later one (b) a full bar: told apart by
pattern, legend and order, not by colour alone. Snapshot labels are user text (``safe_label``).
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
import plotly.graph_objects as go

from regie import vocabulary as voc
from regie.analysis.compare import Comparison
from regie.charts.theme import PALETTE, Chart, count_ticks, safe_label, titled
from regie.formatting import nl_int

COLOUR_A = PALETTE["hemelsblauw"]
COLOUR_B = PALETTE["blauw"]
PATTERN_A = "/"
ROLE_ROW_HEIGHT = 46
"""Pixels per phase-role row of the role chart (two bars and their labels)."""


LEGEND_BELOW: dict[str, object] = {
    "legend": {"yref": "container", "y": 0.0, "yanchor": "bottom", "orientation": "h", "x": 0, "xanchor": "left"},
    "margin": {"b": 115},
}
"""The legend at the bottom of the figure, under the axis title (never on top of it)."""


def signed(n: int) -> str:
    """A difference with its sign: ``+2``, ``−1`` (a real minus sign), ``±0``."""
    if n > 0:
        return f"+{nl_int(n)}"
    if n < 0:
        return f"−{nl_int(-n)}"
    return "±0"


def _bar_text(values: list[int], differences: list[int] | None = None) -> list[str]:
    if differences is None:
        return [nl_int(v) for v in values]
    return [f"{nl_int(v)} ({signed(d)})" for v, d in zip(values, differences, strict=True)]


def _traces(fig: go.Figure, categories: Sequence[object], frame: pd.DataFrame, c: Comparison, *,
            horizontal: bool) -> None:
    """The two bars per category: a (hatched, light) and b (full, with the difference)."""
    a, b, diff = list(frame["a"]), list(frame["b"]), list(frame["verschil"])
    for name, values, colour, pattern, text in (
        (c.label_a, a, COLOUR_A, PATTERN_A, _bar_text(a)),
        (c.label_b, b, COLOUR_B, "", _bar_text(b, diff)),
    ):
        label = safe_label(name)
        position = {"y": categories, "x": values, "orientation": "h"} if horizontal else {"x": categories, "y": values}
        fig.add_trace(go.Bar(
            name=label, **position, text=text, textposition="outside", cliponaxis=False,
            constraintext="none", textfont={"size": 14},  # never shrunk below the template's minimum (hidden)
            marker={"color": colour, "line": {"color": "#1A1A1A", "width": 1},
                    "pattern": {"shape": pattern, "fillmode": "overlay", "fgcolor": "#FFFFFF", "fgopacity": 0.6}},
            hovertemplate=f"{label}: " + ("%{x}" if horizontal else "%{y}") + " projecten<extra></extra>",
        ))


def _table(frame: pd.DataFrame, first: str, names: list[str], c: Comparison) -> pd.DataFrame:
    label_a, label_b = (c.label_a, c.label_b) if c.label_a != c.label_b else (f"{c.label_a} (a)", f"{c.label_b} (b)")
    return pd.DataFrame({
        first: names,
        label_a: [int(v) for v in frame["a"]],
        label_b: [int(v) for v in frame["b"]],
        "Verschil": [int(v) for v in frame["verschil"]],
    })


def _subtitle(c: Comparison, subtitle: str) -> str:
    return f"{c.label_a} → {c.label_b}" + (f" · {subtitle}" if subtitle else "")


def _vertical(frame: pd.DataFrame, names: list[str], c: Comparison, title: str, subtitle: str, axis: str) -> go.Figure:
    fig = go.Figure()
    _traces(fig, names, frame, c, horizontal=False)
    top = max([*frame["a"], *frame["b"], 0])
    fig.update_layout(barmode="group", bargap=0.3, yaxis={"title": "Projecten", **count_ticks(top),
                                                           "range": [0, max(top, 1) * 1.22]},
                      xaxis_title=axis, **LEGEND_BELOW)
    return titled(fig, title, _subtitle(c, subtitle))


def _known_or_used(frame: pd.DataFrame, key: str, unknown: str) -> pd.DataFrame:
    """Drop the unknown category when neither snapshot has it."""
    keep = (frame[key] != unknown) | (frame["a"] > 0) | (frame["b"] > 0)
    return frame[keep].reset_index(drop=True)


def phase_comparison_bars(c: Comparison, subtitle: str = "") -> Chart:
    """Projects per phase in a and b side by side; b labelled with the difference."""
    frame = _known_or_used(c.phases(), "fase", voc.UNKNOWN)
    names = list(frame["naam"])
    title = "Projecten per fase: voor en na"
    fig = _vertical(frame, names, c, title, subtitle, "Fase")
    return Chart(
        fig, _table(frame, "Fase", names, c), title,
        "Hoeveel projecten in elke fase zitten, in de eerste en de tweede momentopname; tussen haakjes "
        "het verschil.",
        "Telt projecten per fase; een project in twee fasen telt in beide. Verschil = tweede min eerste.",
    )


def element_comparison_bars(c: Comparison, subtitle: str = "") -> Chart:
    """Projects per MOVISIE element in a and b side by side; b labelled with the difference."""
    frame = _known_or_used(c.elements(), "element", voc.UNDETERMINED)
    names = list(frame["naam"])
    title = "Projecten per element: voor en na"
    fig = go.Figure()
    _traces(fig, names, frame, c, horizontal=True)  # element names are long: rows, not columns
    top = max([*frame["a"], *frame["b"], 0])
    fig.update_layout(barmode="group", bargap=0.25, yaxis={"autorange": "reversed"},
                      xaxis={"title": "Projecten", **count_ticks(top), "range": [0, max(top, 1) * 1.3]},
                      height=max(420, 170 + ROLE_ROW_HEIGHT * len(frame)), **LEGEND_BELOW)
    titled(fig, title, _subtitle(c, subtitle))
    return Chart(
        fig, _table(frame, "Element", names, c), title,
        "Hoeveel projecten met elk MOVISIE-element werken, in de eerste en de tweede momentopname; "
        "tussen haakjes het verschil.",
        "Telt projecten per element; 'Onbepaald' zijn projecten zonder element. Verschil = tweede min eerste.",
    )


def role_comparison_bars(c: Comparison, subtitle: str = "") -> Chart:
    """Per phase and role (only the combinations either snapshot has): a and b side by side, b
    labelled with the difference."""
    frame = c.roles()
    frame = frame[(frame["a"] > 0) | (frame["b"] > 0)].reset_index(drop=True)
    title = "Rol van de gemeente per fase: voor en na"
    fig = go.Figure()
    if len(frame):
        categories = [f"{phase} · {role}" for phase, role in zip(frame["fase_naam"], frame["rol_naam"], strict=True)]
        _traces(fig, categories, frame, c, horizontal=True)
        top = max([*frame["a"], *frame["b"], 0])
        fig.update_layout(
            barmode="group", bargap=0.25, xaxis={"title": "Projecten", **count_ticks(top),
                                                 "range": [0, max(top, 1) * 1.3]},
            yaxis={"autorange": "reversed"}, height=max(380, 170 + ROLE_ROW_HEIGHT * len(frame)), **LEGEND_BELOW,
        )
    else:
        fig.add_annotation(text="Geen van beide momentopnamen geeft een rol per fase.", showarrow=False,
                           x=0.5, y=0.5, xref="paper", yref="paper", font={"size": 16})
        fig.update_layout(xaxis={"visible": False}, yaxis={"visible": False}, height=300)
    titled(fig, title, _subtitle(c, subtitle))
    table = _table(frame, "Fase", list(frame["fase_naam"]), c)
    table.insert(1, "Rol", list(frame["rol_naam"]))
    return Chart(
        fig, table, title,
        "Per fase hoeveel projecten de gemeente elke rol geven, in de eerste en de tweede momentopname; "
        "tussen haakjes het verschil.",
        "Telt per fase de projecten met die rol; alleen combinaties die in een van beide voorkomen. "
        "Verschil = tweede min eerste.",
    )


def project_lists(c: Comparison) -> dict[str, pd.DataFrame]:
    """The projects added, removed and changed as tables (``toegevoegd``, ``verdwenen``,
    ``veranderd``), with Dutch column names; snapshot labels head the before/after columns."""
    label_a, label_b = (c.label_a, c.label_b) if c.label_a != c.label_b else (f"{c.label_a} (a)", f"{c.label_b} (b)")
    changes = c.changes_table().rename(columns={"project": "Project", "wat": "Wat", "a": label_a, "b": label_b})
    return {
        "toegevoegd": pd.DataFrame({"Project": list(c.added)}, columns=["Project"]),
        "verdwenen": pd.DataFrame({"Project": list(c.removed)}, columns=["Project"]),
        "veranderd": changes,
    }
