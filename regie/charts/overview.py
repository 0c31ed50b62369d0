"""Charts of the Overzicht: phase × element, role per phase, skills demand."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from regie import analysis
from regie import vocabulary as voc
from regie.charts.theme import ROLE_COLOURS, ROLE_PATTERNS, SEQUENTIAL, Chart, count_ticks, titled
from regie.model import Inventory


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
    fig.update_traces(colorbar=count_ticks(max((max(row) for row in z), default=0)))
    titled(fig, "Projecten per fase en element", subtitle)
    table = pd.DataFrame(z, columns=x, index=y).rename_axis("Fase").reset_index()
    return Chart(
        fig, table, "Projecten per fase en element",
        "Hoeveel projecten in elke fase met welk MOVISIE-element werken; uit de kolommen fase en "
        "element van de inventaris.",
        "Telt projecten per fase en element; een project in twee fasen of met twee elementen telt in "
        "elke combinatie. 'Onbepaald' zijn projecten zonder geaccepteerd element.",
    )


def roles_per_phase_bars(inv: Inventory, subtitle: str) -> Chart:
    """Stacked horizontal bars: per phase the municipality's roles, each segment labelled."""
    counts = analysis.role_counts(inv)
    roles = [*voc.ROLE_CODES, voc.UNKNOWN]
    phases = [voc.phase_label(p) for p in voc.PHASE_CODES]
    fig = go.Figure()
    for role in roles:
        values = [counts[p][role] for p in voc.PHASE_CODES]
        fig.add_trace(go.Bar(
            name=voc.role_label(role), y=phases, x=values, orientation="h",
            marker={"color": ROLE_COLOURS[role], "line": {"color": "#FFFFFF", "width": 1},
                    "pattern": {"shape": ROLE_PATTERNS[role], "fillmode": "overlay", "fgcolor": "#FFFFFF",
                                "fgopacity": 0.45}},
            text=[str(v) if v else "" for v in values],
            textposition="inside", insidetextanchor="middle",
            hovertemplate=f"{voc.role_label(role)}" + ": %{x} projecten<extra>%{y}</extra>",
        ))
    top = max((sum(counts[p][r] for r in roles) for p in voc.PHASE_CODES), default=0)
    fig.update_layout(barmode="stack", xaxis_title="Projecten", yaxis={"autorange": "reversed"},
                      xaxis=count_ticks(top))
    titled(fig, "Rol van de gemeente per fase", subtitle)
    table = pd.DataFrame(
        {voc.role_label(r): [counts[p][r] for p in voc.PHASE_CODES] for r in roles}, index=phases,
    ).rename_axis("Fase").reset_index()
    return Chart(
        fig, table, "Rol van de gemeente per fase",
        "Welke rol de gemeente in elke fase speelt; uit de rolkolommen (rol per fase gaat voor de "
        "rol van het project).",
        "Telt per fase de projecten met een rol in die fase: een rol per fase, of de rol van het "
        "project in de fasen waarin het zit ('onbekend' als er geen rol is opgegeven).",
    )


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
