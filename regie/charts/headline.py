"""The Overzicht in one view: the headline numbers and, per phase, projects beside those with a named role.

Used as the first view of the presentation (page Presenteren, PowerPoint, HTML report). The numbers
are those of the Overzicht page: projects, partners, links, team members, projects without a phase
and the validation report; per phase how many projects are in it and for how many the
municipality's role is named.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from regie import analysis
from regie import vocabulary as voc
from regie.analysis.network import links
from regie.charts.theme import PALETTE, Chart, titled
from regie.formatting import nl_int, nl_percent
from regie.model import Inventory

IN_PHASE = "Projecten in de fase"
NAMED = "Rol benoemd"
SERIES_COLOURS: dict[str, str] = {IN_PHASE: PALETTE["blauw"], NAMED: PALETTE["oranje"]}
SERIES_PATTERNS: dict[str, str] = {IN_PHASE: "", NAMED: "/"}
TITLE = "Overzicht: projecten per fase"


@dataclass(frozen=True)
class Headline:
    """One headline number: a label, the number as Dutch text and a short explanation."""

    label: str
    value: str
    help: str


def headline_numbers(inv: Inventory) -> list[Headline]:
    """The headline numbers of an inventory, in the order the Overzicht shows them."""
    phases = analysis.phase_counts(inv)
    quality = analysis.issue_counts(inv)
    numbers = [
        Headline("Projecten", nl_int(len(inv.projects)), "projecten in de (gefilterde) inventaris"),
        Headline("Partners", nl_int(len(inv.partners)), "organisaties die met de gemeente samenwerken"),
        Headline("Koppelingen partner–project", nl_int(len(links(inv))),
                 "paren van een partner en een project waarbij die partner betrokken is"),
    ]
    if inv.has_team_table:
        numbers.append(Headline("Teamleden", nl_int(analysis.team_count(inv)), "mensen op het teamblad"))
    numbers.append(Headline("Zonder fase", nl_int(phases[voc.UNKNOWN]), "projecten zonder herkenbare fase"))
    numbers.append(Headline("Fouten", nl_int(quality["fout"]), "afgewezen rijen en problemen met het bestand"))
    numbers.append(Headline("Waarschuwingen", nl_int(quality["waarschuwing"]), "punten om na te lopen"))
    return numbers


def named_in_phase(inv: Inventory) -> dict[str, int]:
    """Per phase, the projects in that phase whose role there is named (not ``onbekend``)."""
    members = inv.phases[["project", "phase"]].drop_duplicates()
    named = inv.roles.loc[inv.roles["role"] != voc.UNKNOWN, ["project", "phase"]].drop_duplicates()
    both = members.merge(named, on=["project", "phase"], how="inner")["phase"].value_counts()
    return {p: int(both.get(p, 0)) for p in voc.PHASE_CODES}


def phase_table(inv: Inventory) -> pd.DataFrame:
    """Per phase: projects in it, those of them with a named role there, and the share."""
    phases = analysis.phase_counts(inv)
    named = named_in_phase(inv)
    return pd.DataFrame({
        "Fase": [p.label for p in voc.PHASES],
        IN_PHASE: [phases[p.code] for p in voc.PHASES],
        NAMED: [named[p.code] for p in voc.PHASES],
        "Aandeel rol benoemd": [nl_percent(named[p.code] / phases[p.code]) if phases[p.code] else "–"
                                for p in voc.PHASES],
    })


def overview_chart(inv: Inventory, subtitle: str) -> Chart:
    """Grouped bars per phase (projects, named role), labelled; the headline numbers in ``extra``."""
    table = phase_table(inv)
    fig = go.Figure()
    for name in (IN_PHASE, NAMED):
        values = [int(v) for v in table[name]]
        fig.add_trace(go.Bar(
            name=name, x=table["Fase"], y=values, text=[nl_int(v) for v in values], textposition="outside",
            marker={"color": SERIES_COLOURS[name], "line": {"color": "#1A1A1A", "width": 1},
                    "pattern": {"shape": SERIES_PATTERNS[name], "fillmode": "overlay", "fgcolor": "#FFFFFF",
                                "fgopacity": 0.5}},
            cliponaxis=False, hovertemplate=f"{name}: %{{y}}<extra>%{{x}}</extra>",
        ))
    top = max([*table[IN_PHASE], *table[NAMED], 1])
    fig.update_layout(barmode="group", yaxis={"title": {"text": "Projecten"}, "range": [0, top * 1.18]},
                      bargap=0.3)
    titled(fig, TITLE, subtitle)
    chart = Chart(
        fig, table, TITLE,
        "Hoeveel projecten de inventaris telt en per fase hoeveel projecten erin zitten en bij hoeveel "
        "de rol van de gemeente benoemd is; uit de kolommen fase en rol van de inventaris.",
        "Telt projecten per fase; een project in twee fasen telt in beide. 'Rol benoemd' telt de "
        "projecten in die fase met daar een rol anders dan 'onbekend' (een rol per fase, of de rol "
        "van het project).",
    )
    chart.extra["kerncijfers"] = headline_numbers(inv)
    return chart
