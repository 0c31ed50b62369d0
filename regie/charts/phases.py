"""Charts of the Fasen en elementen page: the clickable phase × element matrix and projects per element
(what the inventory *states*), and the element coverage A–D (the app's own reading)."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from regie import analysis
from regie import vocabulary as voc
from regie.analysis import elements
from regie.charts.theme import (
    ELEMENT_COLOURS,
    ELEMENT_PATTERNS,
    PALETTE,
    SEQUENTIAL,
    UNKNOWN_COLOUR,
    Chart,
    count_ticks,
    ink,
    titled,
    wrap_label,
)
from regie.model import Inventory

CELL_MARKER_SIZE = 46
"""Pixel size of the invisible click target on every cell."""



def phase_element_heatmap(inv: Inventory, subtitle: str) -> Chart:
    """Heatmap of projects per phase (rows) and element (columns), with the count in every cell."""
    counts = analysis.phase_element_counts(inv)
    columns = [*voc.ELEMENT_CODES, voc.UNDETERMINED]
    z = [[counts[p][e] for e in columns] for p in voc.PHASE_CODES]
    x = [voc.element_label(e) for e in columns]
    y = [voc.phase_label(p) for p in voc.PHASE_CODES]
    fig = go.Figure(go.Heatmap(
        z=z, x=x, y=y, colorscale=SEQUENTIAL, text=z, texttemplate="%{text}",
        textfont={"size": 18}, hovertemplate="%{y} × %{x}: %{z} projecten<extra></extra>",
        colorbar={"title": {"text": "Projecten"}}, xgap=3, ygap=3,
    ))
    fig.update_yaxes(autorange="reversed")
    fig.update_xaxes(tickvals=x, ticktext=[wrap_label(label) for label in x], tickangle=0)
    fig.update_traces(colorbar=count_ticks(max((max(row) for row in z), default=0)))
    titled(fig, "Projecten per fase en element", subtitle)
    table = pd.DataFrame(z, columns=x, index=y).rename_axis("Fase").reset_index()
    return Chart(
        fig, table, "Projecten per fase en element",
        "Wat de inventaris zegt: hoeveel projecten in elke fase volgens de kolommen fase en element met welk "
        "MOVISIE-element werken.",
        "Telt projecten per fase en element; een project in twee fasen of met twee elementen telt in "
        "elke combinatie. 'Onbepaald' zijn projecten zonder geaccepteerd element.",
    )


def clickable_phase_element_heatmap(
    inv: Inventory, subtitle: str, selected: tuple[str, str] | None = None,
) -> Chart:
    """The Overzicht's phase × element heatmap, with a click target per cell and the chosen cell outlined.

    Streamlit reports no selection for heatmap traces, so an invisible square marker sits on every
    cell; its ``customdata`` is the cell (phase code, element code), which a selection event returns.
    """
    chart = phase_element_heatmap(inv, subtitle)
    fig = chart.figure
    counts = analysis.phase_element_counts(inv)
    columns = list(analysis.ELEMENT_KEYS)
    xs, ys, custom, counted = [], [], [], []
    for phase in voc.PHASE_CODES:
        for element in columns:
            xs.append(voc.element_label(element))
            ys.append(voc.phase_label(phase))
            custom.append([phase, element])
            counted.append(counts[phase][element])
    top = max([n for row in counts.values() for n in row.values()] + [1])
    fig.update_traces(hoverinfo="skip", hovertemplate=None, colorbar=count_ticks(top),
                      selector={"type": "heatmap"})
    fig.add_trace(go.Scatter(
        x=xs, y=ys, customdata=custom, mode="markers", showlegend=False, name="cellen",
        marker={"symbol": "square", "size": CELL_MARKER_SIZE, "color": "rgba(0,0,0,0)"},
        selected={"marker": {"opacity": 1}}, unselected={"marker": {"opacity": 1}},
        text=[str(n) for n in counted],
        hovertemplate="%{y} × %{x}: %{text} projecten<br>Klik om de projecten te tonen<extra></extra>",
    ))
    if selected is not None and selected[0] in voc.PHASE_CODES and selected[1] in columns:
        row, col = voc.PHASE_CODES.index(selected[0]), columns.index(selected[1])
        fig.add_shape(
            type="rect", xref="x", yref="y", x0=col - 0.5, x1=col + 0.5, y0=row - 0.5, y1=row + 0.5,
            line={"color": PALETTE["vermiljoen"], "width": 4}, fillcolor="rgba(0,0,0,0)", layer="above",
        )
    fig.update_layout(clickmode="event+select", dragmode=False, hovermode="closest")
    chart.extra["selected"] = selected
    chart.notes += " Klik op een cel (of kies hem hieronder) om de projecten erin te tonen."
    return chart


def projects_per_element_bars(inv: Inventory, subtitle: str) -> Chart:
    """Bars: projects per element A–D and ``onbepaald``, each labelled, coloured and patterned."""
    counts = analysis.element_counts(inv)
    keys = list(analysis.ELEMENT_KEYS)
    labels = [voc.element_label(e) for e in keys]
    values = [counts[e] for e in keys]
    fig = go.Figure(go.Bar(
        x=labels, y=values, text=[str(v) for v in values], textposition="outside",
        marker={
            "color": [ELEMENT_COLOURS[e] for e in keys],
            "line": {"color": "#1A1A1A", "width": 1},
            "pattern": {"shape": [ELEMENT_PATTERNS[e] for e in keys], "fillmode": "overlay",
                        "fgcolor": "#FFFFFF", "fgopacity": 0.5},
        },
        hovertemplate="%{x}: %{y} projecten<extra></extra>", cliponaxis=False,
    ))
    top = max(values) if any(values) else 1
    fig.update_layout(
        yaxis={"title": {"text": "Projecten"}, "range": [0, top * 1.18], **count_ticks(top)},
        xaxis={"title": {"text": "MOVISIE-element"}}, showlegend=False,
    )
    titled(fig, "Projecten per element", subtitle)
    table = pd.DataFrame({"Element": labels, "Projecten": values})
    return Chart(
        fig, table, "Projecten per element",
        "Wat de inventaris zegt: hoeveel projecten volgens de kolom element (en geaccepteerde suggesties) met "
        "elk van MOVISIE's vier elementen werken.",
        "Telt projecten per geaccepteerd element; een project met twee elementen telt bij allebei. "
        "'Onbepaald' zijn projecten zonder geaccepteerd element.",
    )


COVERAGE_COLOURS: dict[str, str] = {
    elements.PRESENT: PALETTE["blauw"], elements.MISSING: PALETTE["vermiljoen"],
    elements.UNKNOWN: UNKNOWN_COLOUR, elements.NOT_APPLICABLE: "#D9D9D9",
}
COVERAGE_PATTERNS: dict[str, str] = {
    elements.PRESENT: "", elements.MISSING: "x", elements.UNKNOWN: ".", elements.NOT_APPLICABLE: "/",
}


def element_coverage_bars(inv: Inventory, subtitle: str) -> Chart:
    """Per element A–D (stacked, labelled, patterned): projects where the inventory shows it, where it is
    missing, where it cannot be seen, and where it does not apply."""
    counts = elements.coverage_counts(inv)
    labels = [voc.element_label(e) for e in voc.ELEMENT_CODES]
    fig = go.Figure()
    for status in elements.STATUSES:
        values = [counts[e][status] for e in voc.ELEMENT_CODES]
        if not any(values):
            continue
        name = elements.STATUS_LABELS[status]
        fig.add_trace(go.Bar(
            name=name, y=labels, x=values, orientation="h",
            marker={"color": COVERAGE_COLOURS[status], "line": {"color": "#FFFFFF", "width": 1},
                    "pattern": {"shape": COVERAGE_PATTERNS[status], "fillmode": "overlay", "fgcolor": "#FFFFFF",
                                "fgopacity": 0.5}},
            text=[f"{v} {name.lower()}" if v else "" for v in values], textposition="inside",
            insidetextanchor="middle", textangle=0, insidetextfont={"color": ink(COVERAGE_COLOURS[status]), "size": 15},
            hovertemplate=f"{name}: %{{x}} projecten<extra>%{{y}}</extra>",
        ))
    fig.update_layout(barmode="stack", yaxis={"autorange": "reversed"},
                      xaxis={"title": "Projecten", **count_ticks(len(inv.projects))}, height=420)
    title = "Waar de vier elementen van regie ontbreken"
    titled(fig, title, subtitle)
    return Chart(
        fig, elements.missing_table(counts), title,
        "Per element A–D: bij hoeveel projecten de inventaris het laat zien, bij hoeveel het ontbreekt, bij "
        "hoeveel het niet te zien is (onbekend) en waar het niet van toepassing is.",
        "A: kolom Gedeelde visie, anders een partner in de visiefase; B: minstens één partner; C: een rol in elke "
        "fase van het project; D: verschillende rollen in twee of meer fasen (‘niet gevarieerd’ telt als "
        "ontbreekt: een punt om te bespreken).",
        reading="element_coverage",
        source=voc.cite("movisie", "de vier cruciale elementen, einde hoofdstuk 3"),
    )
