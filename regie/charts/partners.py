"""Charts of the Partners page: the partner–project network, partner types per phase, the most
connected partners, the influence × interest grid and lokaal vs regionaal."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from regie import vocabulary as voc
from regie.analysis import network
from regie.analysis import partners as partner_analysis
from regie.charts.labels import Scale, place_labels
from regie.charts.theme import (
    MARKER_SYMBOLS,
    PALETTE,
    PARTNER_TYPE_COLOURS,
    SEQUENCE,
    UNKNOWN_COLOUR,
    Chart,
    safe_label,
    styled,
    titled,
)
from regie.formatting import nl_int, nl_number, nl_percent
from regie.model import Inventory

TYPE_KEYS = partner_analysis.TYPE_KEYS
TYPE_SYMBOLS: dict[str, str] = {code: MARKER_SYMBOLS[i % len(MARKER_SYMBOLS)] for i, code in enumerate(TYPE_KEYS)}
"""A marker shape per partner type (with its colour), so types are told apart without colour."""
_PATTERN_CYCLE = ("", "/", "x", ".")
TYPE_PATTERNS: dict[str, str] = {
    c.code: _PATTERN_CYCLE[(i // len(SEQUENCE)) % len(_PATTERN_CYCLE)] for i, c in enumerate(voc.PARTNER_TYPES)
} | {voc.UNKNOWN: "\\"}
"""Bar patterns per partner type: types that share a colour differ in pattern."""
PROJECT_STYLE: dict[str, object] = {"color": PALETTE["grijs"], "symbol": "square-open", "size": 7}
EDGE_COLOUR = "#C8C8C8"


def type_label(code: str) -> str:
    """Dutch label of a partner type code, ``Onbekend`` for unknown."""
    return voc.partner_type_label(code) if code != voc.UNKNOWN else "Onbekend type"


PLOT_WIDTH_PX = 720
"""Assumed width of a full-width plot area for label placement; on purpose on the narrow side
(a laptop or projector), so labels that fit there never overlap on a wider screen."""
NETWORK_HEIGHT = 780
NETWORK_PLOT_HEIGHT_PX = NETWORK_HEIGHT - 230
GRID_HEIGHT = 760
GRID_LABEL_LIMIT = 60
"""At most this many partners (most involvements first) are considered for a name in the grid."""
ALWAYS_LABELLED = 5
"""The most connected partners always get their name in the network."""
GRID_PLOT_HEIGHT_PX = GRID_HEIGHT - 260
LABEL_SHADOW = "1px 1px 2px #FFFFFF, -1px -1px 2px #FFFFFF, 1px -1px 2px #FFFFFF, -1px 1px 2px #FFFFFF"
"""A white halo so names stay readable over lines."""


def _padded(values: np.ndarray, pad: float = 0.12) -> tuple[float, float]:
    if not len(values):
        return (-1.0, 1.0)
    low, high = float(np.min(values)), float(np.max(values))
    span = max(high - low, 0.5)
    return (low - pad * span, high + pad * span)


def _marker_line(code: str) -> dict[str, object]:
    """White outline for filled shapes; open shapes (unknown type) draw their outline in colour."""
    if TYPE_SYMBOLS[code].endswith("-open"):
        return {"color": PARTNER_TYPE_COLOURS.get(code, UNKNOWN_COLOUR), "width": 2}
    return {"color": "#FFFFFF", "width": 1.5}


def network_figure(net: network.Network, shape: network.Structure, subtitle: str, phase: str) -> Chart:
    """The drawn network: projects as small grey squares, partners coloured and shaped by type,
    sized by their number of projects, with their names."""
    pos = shape.positions
    fig = go.Figure()
    if len(net.sources):
        xs = np.column_stack([pos[net.sources, 0], pos[net.targets, 0], np.full(len(net.sources), np.nan)]).ravel()
        ys = np.column_stack([pos[net.sources, 1], pos[net.targets, 1], np.full(len(net.sources), np.nan)]).ravel()
        fig.add_trace(go.Scatter(
            x=xs, y=ys, mode="lines", line={"color": EDGE_COLOUR, "width": 0.8},
            hoverinfo="skip", showlegend=False, name="Betrokkenheid",
        ))
    projects = net.nodes[net.nodes["kind"] == network.PROJECT]
    if len(projects):
        nodes = projects["node"].to_numpy()
        fig.add_trace(go.Scatter(
            x=pos[nodes, 0], y=pos[nodes, 1], mode="markers", name="Project",
            marker={"color": PROJECT_STYLE["color"], "symbol": PROJECT_STYLE["symbol"],
                    "size": PROJECT_STYLE["size"], "line": {"width": 1.2}},
            hovertext=[f"Project: {safe_label(n)} · {nl_int(d)} partners"
                       for n, d in zip(projects["label"], projects["projecten"], strict=True)],
            hoverinfo="text",
        ))
    partners = net.nodes[net.nodes["kind"] == network.PARTNER]
    x_range, y_range = _padded(pos[:, 0]), _padded(pos[:, 1])
    scale = Scale((x_range[1] - x_range[0]) / PLOT_WIDTH_PX, (y_range[1] - y_range[0]) / NETWORK_PLOT_HEIGHT_PX,
                  font_px=12, marker_px=16)
    # Only partners get a name (most connected first) and only partner markers block a name:
    # a name over a small project square stays readable thanks to its white halo.
    order = list(partners["node"])
    texts = [safe_label(n) for n in partners["label"]]
    placed = place_labels(pos[order, 0].tolist(), pos[order, 1].tolist(), texts, scale,
                          bounds=(x_range[0], x_range[1], y_range[0], y_range[1]), always=ALWAYS_LABELLED)
    positions: dict[int, str | None] = dict(zip(order, placed, strict=True))
    texts_by_node = dict(zip(order, texts, strict=True))
    for code in TYPE_KEYS:
        group = partners[partners["type"].fillna(voc.UNKNOWN) == code]
        if not len(group):
            continue
        nodes = group["node"].to_numpy()
        fig.add_trace(go.Scatter(
            x=pos[nodes, 0], y=pos[nodes, 1], mode="markers+text",
            name=type_label(code),
            marker={"color": PARTNER_TYPE_COLOURS.get(code, UNKNOWN_COLOUR), "symbol": TYPE_SYMBOLS[code],
                    "size": [min(34, 11 + 3 * math.sqrt(d)) for d in group["projecten"]],
                    "line": _marker_line(code)},
            text=[texts_by_node[i] if positions[i] else "" for i in nodes],
            textposition=[positions[i] or "top center" for i in nodes],
            textfont={"size": 12, "color": "#1A1A1A", "shadow": LABEL_SHADOW},
            hovertext=[f"{safe_label(n)} ({type_label(code)}): {nl_int(d)} projecten"
                       for n, d in zip(group["label"], group["projecten"], strict=True)],
            hoverinfo="text",
        ))
    fig.update_layout(
        height=NETWORK_HEIGHT, hovermode="closest", dragmode="pan",
        xaxis={"visible": False, "showgrid": False, "zeroline": False, "range": list(x_range)},
        yaxis={"visible": False, "showgrid": False, "zeroline": False, "range": list(y_range)},
        legend={"y": -0.02, "orientation": "h"}, margin={"b": 10},
    )
    unlabelled = sum(1 for i in partners["node"] if not positions[i])
    title = f"Netwerk van partners en projecten — {network.phase_choice_label(phase).lower()}"
    titled(fig, title, subtitle)
    labels = net.nodes.set_index("node")["label"]
    types = net.nodes.set_index("node")["type"]
    table = pd.DataFrame({
        "Partner": [labels[t] for t in net.targets],
        "Type partner": [type_label(types[t] or voc.UNKNOWN) for t in net.targets],
        "Project": [labels[s] for s in net.sources],
    })
    chart = Chart(
        fig, table, title,
        "Welke partners bij welke projecten betrokken zijn; een lijn is een betrokkenheid. Grotere "
        "partners werken aan meer projecten.",
        "Lijnen uit het tabblad Betrokkenheid en de kolom Partners; per fase telt de fase van de "
        "betrokkenheid, of anders de fasen van het project. De plek van een partner in de tekening zegt "
        "niets: partners die veel samen doen staan dichter bij elkaar, en hetzelfde bestand geeft steeds "
        "dezelfde tekening.",
        extra={"unlabelled": unlabelled}, reading="network",
    )
    return chart


def partner_types_per_phase_bars(inv: Inventory, subtitle: str) -> Chart:
    """Per phase, the distinct partners per type (stacked, labelled)."""
    table = partner_analysis.partner_type_counts(inv)
    present = [c for c in TYPE_KEYS if table[c].sum() > 0] or [voc.UNKNOWN]
    phases = [voc.phase_label(p) for p in table.index]
    fig = go.Figure()
    for code in present:
        values = [int(v) for v in table[code]]
        fig.add_trace(go.Bar(
            name=type_label(code), y=phases, x=values, orientation="h",
            marker={"color": PARTNER_TYPE_COLOURS.get(code, UNKNOWN_COLOUR), "line": {"color": "#FFFFFF", "width": 1},
                    "pattern": {"shape": TYPE_PATTERNS[code], "fillmode": "overlay", "fgcolor": "#FFFFFF",
                                "fgopacity": 0.5}},
            text=[str(v) if v else "" for v in values], textposition="inside", insidetextanchor="middle",
            hovertemplate=f"{type_label(code)}: %{{x}} partners<extra>%{{y}}</extra>",
        ))
    fig.update_layout(barmode="stack", xaxis_title="Partners", yaxis={"autorange": "reversed"},
                      legend={"y": -0.3}, height=460)
    title = "Soorten partners per fase"
    titled(fig, title, subtitle)
    frame = pd.DataFrame({type_label(c): [int(v) for v in table[c]] for c in present}, index=phases)
    frame = frame.rename_axis("Fase").reset_index()
    return Chart(
        fig, frame, title,
        "Hoeveel verschillende partners van elke soort betrokken zijn bij de projecten in elke fase.",
        "Telt verschillende partners per fase en soort; een partner telt in de fase van zijn "
        "betrokkenheid, of anders in elke fase van het project.",
    )


def most_connected_bars(top: pd.DataFrame, subtitle: str, phase: str) -> Chart:
    """Horizontal bars of the most connected partners' number of projects, with the numbers."""
    names = [safe_label(n) for n in top["naam"]]
    fig = go.Figure(go.Bar(
        x=top["projecten"].astype(int).tolist(), y=names, orientation="h",
        marker={"color": PALETTE["blauw"]}, text=[nl_int(v) for v in top["projecten"]],
        textposition="outside", cliponaxis=False,
        customdata=[type_label(t or voc.UNKNOWN) for t in top["type"]],
        hovertemplate="%{y} (%{customdata}): %{x} projecten<extra></extra>",
    ))
    fig.update_layout(yaxis={"autorange": "reversed"}, xaxis_title="Projecten",
                      height=max(360, 40 + 34 * len(top)))
    title = f"Meest verbonden partners — {network.phase_choice_label(phase).lower()}"
    titled(fig, title, subtitle)
    table = pd.DataFrame({
        "Partner": top["naam"].tolist(),
        "Type": [type_label(t or voc.UNKNOWN) for t in top["type"]],
        "Werkgebied": [partner_analysis.WERKGEBIED_LABELS.get(w, "Onbekend") if isinstance(w, str) else "Onbekend"
                       for w in top["werkgebied"]],
        "Projecten": top["projecten"].astype(int).tolist(),
        "Tussenpositie": [nl_number(v, 3) for v in top["tussenpositie"]],
    })
    return Chart(
        fig, table, title,
        "De partners die aan de meeste projecten meewerken (graad), met hun tussenpositie: hoe vaak "
        "een partner op de kortste verbinding tussen twee anderen in het netwerk ligt.",
        "Projecten = aantal projecten van de partner; tussenpositie = hoe vaak de partner op de kortste "
        "verbinding tussen twee anderen ligt, van 0 (nooit) tot 1 (altijd), in het getoonde netwerk.",
        reading="network",
    )


def influence_interest_grid(grid: pd.DataFrame, subtitle: str) -> Chart:
    """Scatter of partners by mean invloed (x) and belang (y), quadrant lines and names."""
    x, y = partner_analysis.spread_points(grid)
    fig = go.Figure()
    threshold = voc.INFLUENCE_INTEREST_THRESHOLD
    for x0, x1, y0, y1, colour in (
        (threshold, 5.6, threshold, 5.6, "#EAF3FA"), (threshold, 5.6, 0.4, threshold, "#F6F6F6"),
        (0.4, threshold, threshold, 5.6, "#F6F6F6"), (0.4, threshold, 0.4, threshold, "#FFFFFF"),
    ):
        fig.add_shape(type="rect", x0=x0, x1=x1, y0=y0, y1=y1, fillcolor=colour, line={"width": 0}, layer="below")
    fig.add_hline(y=threshold, line={"color": "#8C8C8C", "dash": "dash", "width": 1})
    fig.add_vline(x=threshold, line={"color": "#8C8C8C", "dash": "dash", "width": 1})
    corners = {
        partner_analysis.QUADRANTS[0]: (5.55, 5.55, "right", "top"),
        partner_analysis.QUADRANTS[1]: (5.55, 0.45, "right", "bottom"),
        partner_analysis.QUADRANTS[2]: (0.45, 5.55, "left", "top"),
        partner_analysis.QUADRANTS[3]: (0.45, 0.45, "left", "bottom"),
    }
    counts = partner_analysis.quadrant_counts(grid)
    for name, (cx, cy, xanchor, yanchor) in corners.items():
        fig.add_annotation(x=cx, y=cy, text=f"<b>{name}</b> ({nl_int(counts[name])})", showarrow=False,
                           xanchor=xanchor, yanchor=yanchor, font={"size": 15, "color": "#333333"})
    scale = Scale(5.2 / PLOT_WIDTH_PX, 5.2 / GRID_PLOT_HEIGHT_PX, font_px=11, marker_px=13)
    texts = [safe_label(n) for n in grid["naam"]]
    order = sorted(range(len(grid)), key=lambda i: (-int(grid["betrokkenheden"].iloc[i]), texts[i].casefold()))
    positions = place_labels(x.tolist(), y.tolist(), texts, scale, order, bounds=(0.4, 5.6, 0.4, 5.6),
                             limit=GRID_LABEL_LIMIT)
    types = grid["type"].fillna(voc.UNKNOWN)
    for code in TYPE_KEYS:
        mask = (types == code).to_numpy()
        if not mask.any():
            continue
        group = grid[mask]
        where = np.flatnonzero(mask)
        fig.add_trace(go.Scatter(
            x=x[mask], y=y[mask], mode="markers+text", name=type_label(code),
            marker={"color": PARTNER_TYPE_COLOURS.get(code, UNKNOWN_COLOUR), "symbol": TYPE_SYMBOLS[code],
                    "size": 13, "line": _marker_line(code)},
            text=[texts[i] if positions[i] else "" for i in where],
            textposition=[positions[i] or "top center" for i in where],
            textfont={"size": 11, "color": "#1A1A1A", "shadow": LABEL_SHADOW},
            hovertext=[
                f"{safe_label(n)} ({type_label(code)}): invloed {nl_number(i)}, belang {nl_number(b)}"
                for n, i, b in zip(group["naam"], group["invloed"], group["belang"], strict=True)
            ],
            hoverinfo="text",
        ))
    ticks = {"tickmode": "array", "tickvals": [1, 2, 3, 4, 5],
             "ticktext": ["1 laag", "2", "3 middel", "4", "5 hoog"], "showgrid": False, "zeroline": False}
    fig.update_layout(
        xaxis={"title": "Invloed", "range": [0.4, 5.6], **ticks},
        yaxis={"title": "Belang", "range": [0.4, 5.6], **ticks},
        height=GRID_HEIGHT, legend={"y": -0.14},
    )
    title = "Invloed en belang van partners"
    titled(fig, title, subtitle)
    table = pd.DataFrame({
        "Partner": grid["naam"].tolist(),
        "Type": [type_label(t) for t in types],
        "Invloed (gem.)": [nl_number(v) for v in grid["invloed"]],
        "Belang (gem.)": [nl_number(v) for v in grid["belang"]],
        "Betrokkenheden": grid["betrokkenheden"].astype(int).tolist(),
        "Kwadrant": grid["kwadrant"].tolist(),
    })
    return Chart(
        fig, table, title,
        "Per partner de gemiddelde invloed en het gemiddelde belang (1–5) uit het tabblad Betrokkenheid. "
        "De vier vakken zijn een manier van kijken, geen rangorde: MOVISIE ziet gemeente en partners als "
        "wederzijds afhankelijke partijen met een gelijkwaardige rol.",
        "Gemiddelde over de betrokkenheden met zowel invloed als belang; 3,5 of meer telt als veel. "
        "Partners met dezelfde scores liggen in een kleine kring rond hun punt. Namen die elkaar "
        "zouden overlappen staan alleen in het venster bij de muis en in de tabel.",
        extra={"unlabelled": sum(1 for p in positions if not p)}, reading="stakeholder_grid",
    )


_WERKGEBIED_CODES = tuple(c.code for c in voc.WERKGEBIEDEN)
WERKGEBIED_COLOURS: dict[str, str] = styled(
    _WERKGEBIED_CODES, (PALETTE["groen"], PALETTE["oranje"], PALETTE["vermiljoen"]), voc.UNKNOWN, UNKNOWN_COLOUR,
)
WERKGEBIED_PATTERNS: dict[str, str] = styled(_WERKGEBIED_CODES, ("", "/", "x"), voc.UNKNOWN, "\\")


def werkgebied_bars(inv: Inventory, subtitle: str) -> Chart:
    """Bars of the partners per werkgebied (lokaal, regionaal, landelijk, onbekend) with numbers."""
    counts = partner_analysis.werkgebied_counts(inv)
    keys = list(partner_analysis.WERKGEBIED_KEYS)
    labels = [partner_analysis.WERKGEBIED_LABELS[k] for k in keys]
    total = sum(counts.values())
    values = [counts[k] for k in keys]
    fig = go.Figure(go.Bar(
        x=labels, y=values,
        marker={"color": [WERKGEBIED_COLOURS[k] for k in keys],
                "pattern": {"shape": [WERKGEBIED_PATTERNS[k] for k in keys], "fillmode": "overlay",
                            "fgcolor": "#FFFFFF", "fgopacity": 0.5}},
        text=[f"{nl_int(v)} ({nl_percent(v / total)})" if total else "0" for v in values],
        textposition="outside", cliponaxis=False,
        hovertemplate="%{x}: %{y} partners<extra></extra>",
    ))
    fig.update_layout(yaxis_title="Partners", showlegend=False, height=420)
    title = "Werkgebied van partners: lokaal of regionaal"
    titled(fig, title, subtitle)
    table = pd.DataFrame({"Werkgebied": labels, "Partners": values})
    return Chart(
        fig, table, title,
        "Hoeveel partners lokaal werken en hoeveel een werkgebied hebben dat verder reikt dan de "
        "gemeente (regionaal of landelijk).",
        "Telt partners naar de kolom Werkgebied van het tabblad Partners; 'Onbekend' als die leeg is.",
    )
