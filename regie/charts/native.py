"""The data of the presentation's charts for office programs: categories, series, colours.

PowerPoint (and LibreOffice Impress) draw their own charts from a small table, so a deck can hold
*editable* charts instead of pictures. A :class:`NativeChart` is that table plus how to draw it
(clustered or stacked bars, horizontal or vertical) in the app's palette. The numbers come from
the same functions as the plotly charts of :mod:`regie.charts.presentation`, so deck and dashboard agree.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from regie import analysis
from regie import vocabulary as voc
from regie.analysis import partners as partner_analysis
from regie.analysis import paths, skills
from regie.charts import headline
from regie.charts.partners import TYPE_PATTERNS, type_label
from regie.charts.skills import DEMAND_COLOUR, GROWING_COLOUR, GROWING_PATTERN, SUPPLY_COLOUR, SUPPLY_PATTERN
from regie.charts.theme import (
    ELEMENT_COLOURS,
    ELEMENT_PATTERNS,
    PALETTE,
    PARTNER_TYPE_COLOURS,
    PHASE_COLOURS,
    ROLE_COLOURS,
    ROLE_PATTERNS,
    UNKNOWN_COLOUR,
)
from regie.model import Inventory

CLUSTERED = "clustered"
STACKED = "stacked"
PATH_LIMIT = 12
"""Role paths shown in the deck (the most frequent; the HTML report and the page show all)."""


@dataclass(frozen=True)
class NativeSeries:
    """One series: its name, a value per category, its colour, its fill pattern (plotly's shape
    codes of :mod:`regie.charts.theme`, "" for solid) and, optionally, a colour per point."""

    name: str
    values: tuple[float, ...]
    colour: str
    pattern: str = ""
    point_colours: tuple[str, ...] | None = None


@dataclass(frozen=True)
class NativeChart:
    """What an office program needs to draw a bar chart."""

    categories: tuple[str, ...]
    series: tuple[NativeSeries, ...]
    grouping: str = CLUSTERED
    horizontal: bool = False
    value_title: str = "Projecten"
    legend: bool = True
    extra: dict[str, object] = field(default_factory=dict)

    @property
    def empty(self) -> bool:
        """True when there is nothing to draw (no categories or only zeros)."""
        return not self.categories or not any(v for s in self.series for v in s.values)


def overview(inv: Inventory) -> NativeChart:
    """Per phase: projects in it and projects with a named role (clustered columns)."""
    table = headline.phase_table(inv)
    return NativeChart(
        tuple(table["Fase"]),
        tuple(
            NativeSeries(name, tuple(int(v) for v in table[name]), headline.SERIES_COLOURS[name],
                         headline.SERIES_PATTERNS[name])
            for name in (headline.IN_PHASE, headline.NAMED)
        ),
    )


def phase_element(inv: Inventory) -> NativeChart:
    """Projects per phase (categories) and element (series), clustered columns."""
    counts = analysis.phase_element_counts(inv)
    return NativeChart(
        tuple(voc.phase_label(p) for p in voc.PHASE_CODES),
        tuple(
            NativeSeries(voc.element_label(e), tuple(counts[p][e] for p in voc.PHASE_CODES), ELEMENT_COLOURS[e],
                         ELEMENT_PATTERNS[e])
            for e in analysis.ELEMENT_KEYS
        ),
    )


def roles_per_phase(inv: Inventory) -> NativeChart:
    """Projects per phase (categories) and role (series), stacked horizontal bars."""
    counts = analysis.role_counts(inv)
    return NativeChart(
        tuple(voc.phase_label(p) for p in voc.PHASE_CODES),
        tuple(
            NativeSeries(voc.role_label(r), tuple(counts[p][r] for p in voc.PHASE_CODES), ROLE_COLOURS[r],
                         ROLE_PATTERNS[r])
            for r in analysis.ROLE_KEYS
        ),
        grouping=STACKED, horizontal=True,
    )


def role_paths(inv: Inventory) -> NativeChart:
    """The most frequent role paths (categories) with their number of projects (horizontal bars)."""
    every = paths.role_paths(inv)
    frame = every.head(PATH_LIMIT)
    return NativeChart(
        tuple(str(p) for p in frame["pad"]),
        (NativeSeries("Projecten", tuple(int(v) for v in frame["projecten"]), PALETTE["groen"]),),
        horizontal=True, legend=False, extra={"shown": len(frame), "total": len(every)},
    )


def skill_demand(inv: Inventory) -> NativeChart:
    """Demand per phase (one bar per phase: its skills share it); with a team: per skill, team members
    inzetbaar and in ontwikkeling (stacked horizontal bars)."""
    if skills.team_status(inv) == skills.TEAM_PRESENT:
        table = skills.supply_table(inv)
        return NativeChart(
            tuple(f"{s} ({f.lower()}) · vraag {q}" for s, f, q in zip(
                table["Vaardigheid"], table["Fase"], table["Vraag (projecten)"], strict=True)),
            tuple(
                NativeSeries(name, tuple(int(v) for v in table[column]), colour, pattern)
                for name, column, colour, pattern in (
                    ("Inzetbaar", "Inzetbaar (teamleden)", SUPPLY_COLOUR, SUPPLY_PATTERN),
                    ("In ontwikkeling", "In ontwikkeling (teamleden)", GROWING_COLOUR, GROWING_PATTERN),
                )
            ),
            grouping=STACKED, horizontal=True, value_title="Teamleden",
        )
    demand = skills.demand_per_phase(inv)
    return NativeChart(
        tuple(f"{p.label}: {', '.join(s.lower() for s in p.skills)}" for p in voc.PHASES),
        (NativeSeries("Vraag (projecten)", tuple(demand[p.code] for p in voc.PHASES), DEMAND_COLOUR,
                      point_colours=tuple(PHASE_COLOURS[p.code] for p in voc.PHASES)),),
        horizontal=True, legend=False, value_title="Projecten die deze vaardigheden vragen",
    )


def partner_types(inv: Inventory) -> NativeChart:
    """Distinct partners per phase (categories) and partner type (series), stacked horizontal bars."""
    table = partner_analysis.partner_type_counts(inv)
    present = [c for c in partner_analysis.TYPE_KEYS if table[c].sum() > 0]
    return NativeChart(
        tuple(voc.phase_label(p) for p in table.index),
        tuple(
            NativeSeries(type_label(c), tuple(int(v) for v in table[c]),
                         PARTNER_TYPE_COLOURS.get(c, UNKNOWN_COLOUR), TYPE_PATTERNS[c])
            for c in present
        ),
        grouping=STACKED, horizontal=True, value_title="Partners",
    )
