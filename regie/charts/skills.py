"""Charts of the Vaardigheden page: demand per phase with its unknown roles, demand beside supply."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from regie import analysis
from regie import vocabulary as voc
from regie.analysis import skills
from regie.charts.theme import PALETTE, ROLE_PATTERNS, UNKNOWN_COLOUR, Chart, count_ticks, titled
from regie.model import Inventory

DEMAND_COLOUR = PALETTE["blauw"]
SUPPLY_COLOUR = PALETTE["oranje"]
SUPPLY_PATTERN = "/"



def skills_demand_bars(inv: Inventory, subtitle: str) -> Chart:
    """Bars of the demand per Schema 3 skill, grouped by phase, highest first."""
    demand = analysis.skill_demand(inv)
    rows = [
        {"Vaardigheid": s, "Fase": voc.phase_label(p.code), "Vraag (projecten)": demand[p.code][s]}
        for p in voc.PHASES for s in p.skills
    ]
    table = pd.DataFrame(rows).sort_values("Vraag (projecten)", ascending=False, kind="stable")
    fig = go.Figure(go.Bar(
        x=table["Vraag (projecten)"], y=[f"{s} ({f})" for s, f in zip(table["Vaardigheid"], table["Fase"], strict=True)],
        orientation="h", text=table["Vraag (projecten)"], textposition="outside",
        marker={"color": [_phase_colour(f) for f in table["Fase"]]},
        hovertemplate="%{y}: %{x} projecten<extra></extra>",
    ))
    fig.update_layout(yaxis={"autorange": "reversed"}, xaxis_title="Projecten die de vaardigheid vragen",
                      xaxis=count_ticks(table["Vraag (projecten)"].max() if len(table) else 0))
    titled(fig, "Vraag naar regievaardigheden", subtitle)
    return Chart(
        fig, table.reset_index(drop=True), "Vraag naar regievaardigheden",
        "Welke vaardigheden uit MOVISIE's Schema 3 het meest gevraagd worden; een project vraagt de "
        "vaardigheden van elke fase waarin de gemeente een rol heeft.",
        "Vraag = aantal projecten met in die fase een rol anders dan 'geen regie' (ook 'onbekend'); "
        "elk zo'n project vraagt alle vaardigheden van die fase (MOVISIE Schema 3).",
    )


def _phase_colour(label: str) -> str:
    from regie.charts.theme import PHASE_COLOURS

    for code in voc.PHASE_CODES:
        if voc.phase_label(code) == label:
            return PHASE_COLOURS[code]
    return PHASE_COLOURS[voc.UNKNOWN]


def phase_demand_bars(inv: Inventory, subtitle: str) -> Chart:
    """Stacked bars per phase: demanding projects with a named role and with role ``onbekend``."""
    table = skills.phase_demand(inv)
    named = (table["Vraag (projecten)"] - table["Waarvan rol onbekend"]).tolist()
    unknown = table["Waarvan rol onbekend"].tolist()
    phases = table["Fase"].tolist()
    fig = go.Figure()
    for name, values, colour, pattern, ink in (
        ("Rol benoemd", named, DEMAND_COLOUR, "", "#FFFFFF"),
        ("Rol onbekend", unknown, UNKNOWN_COLOUR, ROLE_PATTERNS[voc.UNKNOWN], "#000000"),
    ):
        fig.add_trace(go.Bar(
            name=name, y=phases, x=values, orientation="h",
            marker={"color": colour, "line": {"color": "#FFFFFF", "width": 1},
                    "pattern": {"shape": pattern, "fillmode": "overlay", "fgcolor": "#FFFFFF",
                                "fgopacity": 0.5}},
            text=[str(v) if v else "" for v in values], textposition="inside",
            insidetextanchor="middle", insidetextfont={"color": ink, "size": 16},
            hovertemplate=f"{name}" + ": %{x} projecten<extra>%{y}</extra>",
        ))
    top = max([a + b for a, b in zip(named, unknown, strict=True)] + [1])
    fig.update_layout(barmode="stack", xaxis_title="Projecten die de vaardigheden van de fase vragen",
                      xaxis=count_ticks(top), yaxis={"autorange": "reversed"})
    titled(fig, "Vraag per fase", subtitle)
    return Chart(
        fig, table, "Vraag per fase",
        "Hoeveel projecten de vaardigheden van elke fase vragen, en bij hoeveel daarvan de rol van "
        "de gemeente nog onbekend is.",
        "Vraag = projecten met in die fase een rol anders dan 'geen regie'; een onbekende rol telt "
        "mee en wordt apart getoond, want misschien ligt de regie daar bij anderen.",
    )


def demand_supply_bars(inv: Inventory, subtitle: str) -> Chart:
    """Grouped bars per skill: demand (projects) beside supply (team members), biggest gap on top."""
    table = skills.gap_table(inv)
    labels = [
        f"{skill} ({skills.gap_word(int(gap))})"
        for skill, gap in zip(table["Vaardigheid"], table["Tekort"], strict=True)
    ]
    fig = go.Figure()
    for name, column, colour, pattern in (
        ("Vraag (projecten)", "Vraag (projecten)", DEMAND_COLOUR, ""),
        ("Aanbod (teamleden)", "Aanbod (teamleden)", SUPPLY_COLOUR, SUPPLY_PATTERN),
    ):
        values = table[column].tolist()
        fig.add_trace(go.Bar(
            name=name, y=labels, x=values, orientation="h",
            marker={"color": colour, "line": {"color": "#1A1A1A", "width": 1},
                    "pattern": {"shape": pattern, "fillmode": "overlay", "fgcolor": "#FFFFFF",
                                "fgopacity": 0.55}},
            text=[str(v) for v in values], textposition="outside", cliponaxis=False,
            hovertemplate=f"{name}" + ": %{x}<extra>%{y}</extra>",
        ))
    top = max([*table["Vraag (projecten)"], *table["Aanbod (teamleden)"], 1])
    fig.update_layout(
        barmode="group", bargap=0.25, bargroupgap=0.05,
        xaxis={"title": {"text": "Aantal"}, "range": [0, top * 1.12], **count_ticks(top)},
        yaxis={"autorange": "reversed"}, height=max(420, 56 * len(labels) + 220),
        legend={"orientation": "h", "x": 0, "xanchor": "left", "y": 1.0, "yanchor": "bottom"},
        margin={"t": 140},
    )
    titled(fig, "Vraag en aanbod per vaardigheid", subtitle)
    return Chart(
        fig, table, "Vraag en aanbod per vaardigheid",
        "Per regievaardigheid uit MOVISIE's Schema 3 de vraag uit de projecten naast het aanbod in "
        "het team, gesorteerd op het grootste tekort.",
        "Vraag = projecten met in de fase van de vaardigheid een rol anders dan 'geen regie'; "
        "aanbod = teamleden die de vaardigheid hebben (elk niveau); tekort = vraag − aanbod.",
    )
