"""Charts of regie skills (docs/domein.md section 4): demand per phase, supply in people beside it.

The demand is the app's own indicator (``READINGS["skills"]``): per phase, the projects in it whose
role there asks for regie. Every skill of a phase has the same demand, so the charts show phases,
never skills ranked against each other.
"""

from __future__ import annotations

import plotly.graph_objects as go

from regie import vocabulary as voc
from regie.analysis import skills
from regie.charts.theme import PALETTE, PHASE_COLOURS, ROLE_PATTERNS, UNKNOWN_COLOUR, Chart, count_ticks, titled
from regie.model import Inventory

DEMAND_COLOUR = PALETTE["blauw"]
SUPPLY_COLOUR = PALETTE["oranje"]
SUPPLY_PATTERN = "/"
GROWING_COLOUR = PALETTE["hemelsblauw"]
GROWING_PATTERN = "."
SCHEMA3_SOURCE = voc.cite("movisie", "Schema 3 (het uitgewerkte voorbeeld van Breda)")


def _phase_label(phase: voc.Phase) -> str:
    return f"{phase.label}: {', '.join(s.lower() for s in phase.skills)}"


def skills_demand_bars(inv: Inventory, subtitle: str) -> Chart:
    """Per phase, the projects that ask for the phase's regie skills (one bar per phase)."""
    demand = skills.demand_per_phase(inv)
    labels = [_phase_label(p) for p in voc.PHASES]
    values = [demand[p.code] for p in voc.PHASES]
    fig = go.Figure(go.Bar(
        x=values, y=labels, orientation="h", text=[str(v) for v in values], textposition="outside", cliponaxis=False,
        marker={"color": [PHASE_COLOURS[p.code] for p in voc.PHASES], "line": {"color": "#1A1A1A", "width": 1}},
        hovertemplate="%{y}: %{x} projecten<extra></extra>",
    ))
    fig.update_layout(yaxis={"autorange": "reversed"}, xaxis_title="Projecten die deze vaardigheden vragen",
                      xaxis=count_ticks(max(values, default=0)), showlegend=False)
    titled(fig, "Vraag naar regievaardigheden per fase", subtitle)
    table = skills.phase_demand(inv)
    return Chart(
        fig, table, "Vraag naar regievaardigheden per fase",
        "Per fase hoeveel projecten de vaardigheden van die fase vragen: de projecten in de fase waar de "
        "gemeente er regie voert. Alle vaardigheden van een fase hebben dezelfde vraag.",
        voc.SKILL_DEMAND_EXPLAINED, reading="skills", source=SCHEMA3_SOURCE,
    )


def phase_demand_bars(inv: Inventory, subtitle: str) -> Chart:
    """Stacked bars per phase: demanding projects with a named role and without one."""
    table = skills.phase_demand(inv)
    named = (table["Vraag (projecten)"] - table["Waarvan zonder rol"]).tolist()
    unknown = table["Waarvan zonder rol"].tolist()
    phases = table["Fase"].tolist()
    fig = go.Figure()
    for name, values, colour, pattern, ink in (
        ("Rol benoemd", named, DEMAND_COLOUR, "", "#FFFFFF"),
        ("Nog geen rol benoemd", unknown, UNKNOWN_COLOUR, ROLE_PATTERNS[voc.UNKNOWN], "#000000"),
    ):
        fig.add_trace(go.Bar(
            name=name, y=phases, x=values, orientation="h",
            marker={"color": colour, "line": {"color": "#FFFFFF", "width": 1},
                    "pattern": {"shape": pattern, "fillmode": "overlay", "fgcolor": "#FFFFFF", "fgopacity": 0.5}},
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
        "Hoeveel projecten de vaardigheden van elke fase vragen, en bij hoeveel daarvan de rol van de gemeente "
        "in die fase nog niet is benoemd.",
        voc.SKILL_DEMAND_EXPLAINED, reading="skills", source=SCHEMA3_SOURCE,
    )


def demand_supply_bars(inv: Inventory, subtitle: str) -> Chart:
    """Per skill (Schema 3's order, the skills nobody in the team has first): team members inzetbaar
    and in ontwikkeling, with the phase's demand and the belasting in the label."""
    table = skills.supply_table(inv)
    labels = [
        f"{skill} ({phase.lower()}) · vraag {asked} · {note}"
        for skill, phase, asked, note in zip(
            table["Vaardigheid"], table["Fase"], table["Vraag (projecten)"], table["Toelichting"], strict=True
        )
    ]
    fig = go.Figure()
    for name, column, colour, pattern in (
        ("Inzetbaar", "Inzetbaar (teamleden)", SUPPLY_COLOUR, SUPPLY_PATTERN),
        ("In ontwikkeling", "In ontwikkeling (teamleden)", GROWING_COLOUR, GROWING_PATTERN),
    ):
        values = table[column].tolist()
        fig.add_trace(go.Bar(
            name=name, y=labels, x=values, orientation="h",
            marker={"color": colour, "line": {"color": "#1A1A1A", "width": 1},
                    "pattern": {"shape": pattern, "fillmode": "overlay", "fgcolor": "#1A1A1A", "fgopacity": 0.35}},
            text=[str(v) if v else "" for v in values], textposition="inside", insidetextanchor="middle",
            insidetextfont={"color": "#1A1A1A", "size": 16},
            hovertemplate=f"{name}" + ": %{x} teamleden<extra>%{y}</extra>",
        ))
    top = max([a + b for a, b in zip(table["Inzetbaar (teamleden)"], table["In ontwikkeling (teamleden)"],
                                     strict=True)] + [1])
    fig.update_layout(
        barmode="stack", bargap=0.3,
        xaxis={"title": {"text": "Teamleden met de vaardigheid"}, **count_ticks(top)},
        yaxis={"autorange": "reversed"}, height=max(420, 52 * len(labels) + 220),
        legend={"orientation": "h", "x": 0, "xanchor": "left", "y": 1.0, "yanchor": "bottom"},
        margin={"t": 140},
    )
    titled(fig, "Aanbod in het team per vaardigheid", subtitle)
    return Chart(
        fig, table, "Aanbod in het team per vaardigheid",
        "Per regievaardigheid uit Schema 3 hoeveel teamleden haar inzetbaar hebben en hoeveel haar ontwikkelen, "
        "met de vraag van de fase en de belasting. Vaardigheden die gevraagd worden en die niemand heeft, staan "
        "bovenaan.",
        f"{voc.SKILL_DEMAND_EXPLAINED} {voc.SKILL_SUPPLY_EXPLAINED}", reading="skills", source=SCHEMA3_SOURCE,
    )


