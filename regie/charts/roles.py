"""Charts of the Rol per fase page: role paths (Sankey), RIVM scenarios, government roles and
interne/externe regie per phase."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from regie import vocabulary as voc
from regie.analysis import paths
from regie.analysis import roles as role_analysis
from regie.charts.theme import (
    PALETTE,
    ROLE_COLOURS,
    ROLE_PATTERNS,
    UNKNOWN_COLOUR,
    Chart,
    count_ticks,
    styled,
    titled,
)
from regie.formatting import nl_int, nl_percent
from regie.model import Inventory

PHASE_X: dict[str, float] = dict(zip(voc.PHASE_CODES, (0.001, 0.5, 0.999), strict=True))
"""Horizontal place of each phase's column in the Sankey."""



ROLE_ORDER_NOTE = "De volgorde van de rollen loopt van zelf doen naar loslaten."
RIVM_SOURCE_NOTE = voc.cite("rivm", "“Invulling regie hangt af van visie gemeente”")


def roles_per_phase_bars(inv: Inventory, subtitle: str) -> Chart:
    """Stacked horizontal bars: per phase the municipality's roles in the projects that are in that
    phase (so each bar adds up to the phase's count); roles named ahead for a phase a project is not
    yet in are a separate, hatched segment, named in the legend."""
    counts = role_analysis.role_counts_by_stand(inv)
    inside, ahead = counts[role_analysis.IN_PHASE], counts[role_analysis.PLANNED]
    roles = [*voc.ROLE_CODES, voc.UNKNOWN]
    phases = [voc.phase_label(p) for p in voc.PHASE_CODES]
    fig = go.Figure()
    for role in roles:
        values = [inside[p][role] for p in voc.PHASE_CODES]
        label = voc.role_label(role) if role != voc.UNKNOWN else role_analysis.UNKNOWN_LABEL
        fig.add_trace(go.Bar(
            name=label, y=phases, x=values, orientation="h",
            marker={"color": ROLE_COLOURS[role], "line": {"color": "#FFFFFF", "width": 1},
                    "pattern": {"shape": ROLE_PATTERNS[role], "fillmode": "overlay", "fgcolor": "#FFFFFF",
                                "fgopacity": 0.45}},
            text=[str(v) if v else "" for v in values],
            textposition="inside", insidetextanchor="middle",
            hovertemplate=f"{label}" + ": %{x} projecten<extra>%{y}</extra>",
        ))
    planned = [sum(ahead[p][r] for r in roles) for p in voc.PHASE_CODES]
    if any(planned):
        fig.add_trace(go.Bar(
            name="Gepland: rol genoemd, project nog niet in deze fase", y=phases, x=planned, orientation="h",
            marker={"color": "#FFFFFF", "line": {"color": "#1A1A1A", "width": 1},
                    "pattern": {"shape": "/", "fgcolor": "#1A1A1A", "fgopacity": 0.6, "fillmode": "overlay"}},
            text=[str(v) if v else "" for v in planned], textposition="outside", cliponaxis=False,
            hovertemplate="Gepland: %{x} projecten<extra>%{y}</extra>",
        ))
    top = max((sum(inside[p][r] for r in roles) + planned[i] for i, p in enumerate(voc.PHASE_CODES)), default=0)
    fig.update_layout(barmode="stack", xaxis_title="Projecten", yaxis={"autorange": "reversed"},
                      xaxis=count_ticks(top))
    title = "Rol van de gemeente per fase" + (" (met geplande rollen apart)" if any(planned) else "")
    titled(fig, title, subtitle)
    table = pd.DataFrame(
        {voc.role_label(r) if r != voc.UNKNOWN else role_analysis.UNKNOWN_LABEL:
         [inside[p][r] for p in voc.PHASE_CODES] for r in roles}, index=phases,
    )
    table["Gepland (project nog niet in de fase)"] = planned
    table = table.rename_axis("Fase").reset_index()
    return Chart(
        fig, table, title,
        "Welke rol de gemeente speelt in de projecten van elke fase; uit de rolkolommen (een rol per fase gaat "
        "voor de rol van het project). Een balk telt de projecten in die fase.",
        "Telt per fase de projecten die in die fase zitten naar hun rol (een rol per fase, of de rol van het "
        "project); 'Nog geen rol benoemd' als er geen rol is. 'Gepland' telt rollen die een project al noemt voor "
        f"een fase waarin het nog niet zit. {ROLE_ORDER_NOTE}",
        reading="role_order", source=voc.cite("movisie", "element C: de eigen rol in elke fase"),
    )


def _rgba(hex_colour: str, alpha: float) -> str:
    value = hex_colour.lstrip("#")
    r, g, b = (int(value[i:i + 2], 16) for i in (0, 2, 4))
    return f"rgba({r},{g},{b},{alpha})"


def _step_colour(role: str) -> str:
    return ROLE_COLOURS.get(role, UNKNOWN_COLOUR)


def role_path_sankey(inv: Inventory, subtitle: str) -> Chart:
    """Sankey of the role paths: one column per phase, a node per role in that phase (with the
    number of projects), links counting projects that go from one role to the next."""
    per_project = paths.project_paths(inv)
    links = paths.links_of(per_project)
    counts: dict[tuple[str, str], int] = {}
    for phase in voc.PHASE_CODES:
        for role, n in per_project[phase].dropna().value_counts().items():
            counts[(phase, str(role))] = int(n)
    order = {r: i for i, r in enumerate((*voc.ROLE_CODES, voc.UNKNOWN))}
    nodes = sorted(counts, key=lambda k: (paths.PHASE_ORDER[k[0]], order.get(k[1], len(order)), k[1]))
    index = {node: i for i, node in enumerate(nodes)}
    xs, ys = [], []
    for phase in voc.PHASE_CODES:
        column = [n for n in nodes if n[0] == phase]
        total = sum(counts[n] for n in column)
        done = 0
        for node in column:
            size = counts[node]
            xs.append(PHASE_X[phase])
            ys.append(min(0.999, max(0.001, (done + size / 2) / total * 0.9 + 0.05)) if total else 0.5)
            done += size
    labels = [f"{paths.node_label(p, r)} ({nl_int(counts[(p, r)])})" for p, r in nodes]
    colours = [_step_colour(r) for _, r in nodes]
    fig = go.Figure(go.Sankey(
        arrangement="snap",
        node={
            "label": labels, "color": colours, "x": xs, "y": ys, "pad": 18, "thickness": 22,
            "line": {"color": "#FFFFFF", "width": 1},
            "hovertemplate": "%{label}<extra></extra>",
        },
        link={
            "source": [index[(a, r)] for a, r in zip(links["bron_fase"], links["bron_rol"], strict=True)],
            "target": [index[(b, r)] for b, r in zip(links["doel_fase"], links["doel_rol"], strict=True)],
            "value": links["projecten"].tolist(),
            "color": [_rgba(_step_colour(r), 0.4) for r in links["bron_rol"]],
            "hovertemplate": "%{source.label} → %{target.label}: %{value} projecten<extra></extra>",
        },
        textfont={"size": 15, "color": "#1A1A1A"},
    ))
    fig.update_layout(height=max(420, 46 * max((sum(1 for n in nodes if n[0] == p) for p in voc.PHASE_CODES), default=1)))
    title = "Rolpad van projecten over de fasen"
    titled(fig, title, subtitle)
    table = pd.DataFrame({
        "Van": [paths.node_label(a, r) for a, r in zip(links["bron_fase"], links["bron_rol"], strict=True)],
        "Naar": [paths.node_label(b, r) for b, r in zip(links["doel_fase"], links["doel_rol"], strict=True)],
        "Projecten": links["projecten"].astype(int).tolist(),
    })
    return Chart(
        fig, table, title,
        "Hoe de rol van de gemeente per project verandert van visie via beleid naar uitvoering; "
        "alleen projecten die voor minstens twee fasen een eigen rol noemen.",
        "Een stroom telt de projecten die in de ene fase de ene rol en in de volgende genoemde fase "
        "de andere rol hebben; een project zonder rol voor beleid loopt rechtstreeks van visie naar "
        f"uitvoering. Het getal achter een rol is het aantal projecten met die rol in die fase. {ROLE_ORDER_NOTE}",
        reading="role_order",
    )


def path_table(inv: Inventory) -> pd.DataFrame:
    """The role paths as a Dutch table: Rolpad, Projecten, Aandeel."""
    frame = paths.role_paths(inv)
    return pd.DataFrame({
        "Rolpad": frame["pad"].astype(str).tolist(),
        "Projecten": frame["projecten"].astype(int).tolist(),
        "Aandeel": [nl_percent(v) for v in frame["aandeel"]],
    })


def _stacked_phase_bars(
    table: pd.DataFrame, colours: dict[str, str], patterns: dict[str, str], title: str,
    subtitle: str, description: str, notes: str, hover_unit: str = "projecten",
) -> Chart:
    """Stacked horizontal bars, one bar per row of ``table`` (index: phase codes or labels), one
    segment per column, each labelled with its count."""
    rows = [voc.phase_label(i) if i in voc.PHASE_BY_CODE else str(i) for i in table.index]
    fig = go.Figure()
    for column in table.columns:
        values = [int(v) for v in table[column]]
        fig.add_trace(go.Bar(
            name=str(column), y=rows, x=values, orientation="h",
            marker={"color": colours[column], "line": {"color": "#FFFFFF", "width": 1},
                    "pattern": {"shape": patterns.get(column, ""), "fillmode": "overlay",
                                "fgcolor": "#FFFFFF", "fgopacity": 0.45}},
            text=[str(v) if v else "" for v in values], textposition="inside",
            insidetextanchor="middle",
            hovertemplate=f"{column}: %{{x}} {hover_unit}<extra>%{{y}}</extra>",
        ))
    fig.update_layout(barmode="stack", xaxis_title=hover_unit.capitalize(),
                      yaxis={"autorange": "reversed"}, legend={"y": -0.3})
    titled(fig, title, subtitle)
    frame = table.copy()
    frame.index = rows
    frame = frame.rename_axis("Fase").reset_index()
    return Chart(fig, frame, title, description, notes)


def _category_styles(mapping: dict[str, str], categories: tuple[str, ...]) -> tuple[dict[str, str], dict[str, str]]:
    """Colour and pattern of each category: those of its role (a category without one role gets its own)."""
    colours: dict[str, str] = {}
    patterns: dict[str, str] = {}
    for category in categories:
        roles = role_analysis.roles_of_category(mapping, category)
        if len(roles) == 1:
            colours[category] = ROLE_COLOURS[roles[0]]
            patterns[category] = ROLE_PATTERNS[roles[0]]
        else:
            colours[category] = PALETTE["geel"]
            patterns[category] = "+"
    return colours, patterns


def rivm_bars(inv: Inventory, subtitle: str) -> Chart:
    """Per phase the projects in it per RIVM scenario (stacked, labelled)."""
    table = role_analysis.rivm_counts(inv)
    colours, patterns = _category_styles(role_analysis.RIVM_OF_ROLE, role_analysis.RIVM_CATEGORIES)
    chart = _stacked_phase_bars(
        table, colours, patterns, "Rol per fase als scenario van RIVM", subtitle,
        "Dezelfde rollen naast de vier scenario's van RIVM Centrum Gezond Leven: zelf doen, uitbesteden, "
        "uitvoering door samenwerking en overlaten aan de samenleving.",
        "Zelf doen = Zelf doen; opdrachtgever = Uitbesteden; samenwerkingspartner = Uitvoering door samenwerking; "
        "facilitator = Overlaten aan de samenleving. De regisseur past bij geen van de vier alleen (RIVM koppelt "
        "de regisserende rol aan Uitbesteden, en zijn voorbeeld van samenwerking noemt zich een regisserende "
        "gemeente); regie bij anderen heeft geen scenario. Een project telt één keer per fase en scenario.",
    )
    chart.source = RIVM_SOURCE_NOTE
    return chart


def government_role_bars(inv: Inventory, subtitle: str) -> Chart:
    """Projects per government role as the inventory's column Overheidsrol states them (never derived)."""
    table = role_analysis.government_role_counts(inv)
    palette = (PALETTE["blauw"], PALETTE["groen"], PALETTE["roodpaars"], PALETTE["oranje"])
    colours = styled(tuple(c.label for c in voc.GOVERNMENT_ROLES), palette, role_analysis.GOVERNMENT_NOT_GIVEN,
                     UNKNOWN_COLOUR)
    patterns = styled(tuple(c.label for c in voc.GOVERNMENT_ROLES), ("", "/", "x", "."),
                      role_analysis.GOVERNMENT_NOT_GIVEN, "\\")
    chart = _stacked_phase_bars(
        table, colours, patterns, "Overheidsrol volgens de inventaris", subtitle,
        "Hoeveel projecten de inventaris bij welke overheidsrol van Kaag en Braassem zet (kolom Overheidsrol).",
        "Telt wat de inventaris zegt: een project met twee overheidsrollen telt bij beide. De app leidt de "
        "overheidsrol nooit af uit de rol van de gemeente: Kaag en Braassem definieert de vier rollen niet en "
        "koppelt er niets aan.",
    )
    chart.source = f"{voc.cite('kaag')} (uit haar Omgevingsvisie)"
    return chart


_REGIE_LABELS = tuple(c.label for c in voc.REGIE_KINDS)
REGIE_COLOURS: dict[str, str] = styled(
    _REGIE_LABELS, (PALETTE["blauw"], PALETTE["oranje"], PALETTE["groen"]), role_analysis.REGIE_NOT_GIVEN,
    UNKNOWN_COLOUR,
)
REGIE_PATTERNS: dict[str, str] = styled(_REGIE_LABELS, ("", "/", "x"), role_analysis.REGIE_NOT_GIVEN, "\\")


def regie_kind_bars(inv: Inventory, subtitle: str) -> Chart:
    """Projects per kind of regie (intern, extern, beide, niet opgegeven): all projects and per phase."""
    table = role_analysis.regie_kind_counts(inv)
    return _stacked_phase_bars(
        table, REGIE_COLOURS, REGIE_PATTERNS, "Interne en externe regie", subtitle,
        "Of de gemeente in een project regie voert binnen de eigen organisatie (intern), op de "
        "bijdragen van partners (extern) of allebei; uit de kolom Regie van de inventaris.",
        "Telt projecten naar de kolom Regie (intern, extern, beide); de bovenste balk telt elk "
        "project één keer, de balken per fase tellen de projecten in die fase.",
    )
