"""The presentation: which views, in which order, with which title and explanation.

The ONE definition used by the page Presenteren, the PowerPoint deck (:mod:`regie.export.pptx`) and
the HTML report (:mod:`regie.export.html`): Overzicht, phase × element, role per phase, role paths,
skills and partners. Each :class:`View` has a key, a Dutch title, one sentence that says what it
shows and where the data comes from, a function ``(inventory, subtitle) -> Chart`` (the interactive
plotly chart with its table and definition), a function ``inventory -> NativeChart`` (the same
numbers for an editable office chart) and a check that says in Dutch what is missing when the
inventory has nothing to show for this view.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from regie import analysis
from regie.analysis import paths, skills, story
from regie.analysis.filters import Filters, describe
from regie.charts import headline, native
from regie.charts.partners import partner_types_per_phase_bars
from regie.charts.phases import element_coverage_bars, phase_element_heatmap
from regie.charts.roles import role_path_sankey, roles_per_phase_bars
from regie.charts.skills import demand_supply_bars, skills_demand_bars
from regie.charts.theme import Chart
from regie.model import Inventory

NO_PROJECTS = (
    "Er zijn geen projecten om te tonen. Laad een inventaris met projecten, of maak de filters ruimer."
)


@dataclass(frozen=True)
class View:
    """One view of the presentation."""

    key: str
    title: str
    explanation: str
    """One sentence: what the view shows and where the data comes from."""
    chart: Callable[[Inventory, str], Chart]
    native: Callable[[Inventory], native.NativeChart]
    missing: Callable[[Inventory], str | None]
    """A Dutch message when the inventory has nothing to show here (and how to add it), else None."""
    appendix: Callable[[Inventory], Chart] | None = None
    """A second chart that belongs with this view (speaker notes and the HTML report show it)."""
    takeaway: Callable[[Inventory], str] | None = None
    """The view in one spoken sentence, from the data (presentation mode and speaker notes)."""


@dataclass(frozen=True)
class Shown:
    """A view made for one inventory: the chart, or the message that says what is missing."""

    view: View
    chart: Chart | None
    message: str | None

    @property
    def index(self) -> int:
        """Position of the view in the sequence (0-based)."""
        return VIEWS.index(self.view)


def _no_projects(inv: Inventory) -> str | None:
    return NO_PROJECTS if inv.projects.empty else None


def _no_roles(inv: Inventory) -> str | None:
    if inv.projects.empty:
        return NO_PROJECTS
    if inv.roles.empty:
        return (
            "Geen project zit in een fase of noemt een rol, dus er is geen rol per fase te tonen. Vul in "
            "de inventaris een kolom Fase en een kolom Rol (of Rol visie, Rol beleid, Rol uitvoering) in."
        )
    return None


def _no_paths(inv: Inventory) -> str | None:
    if inv.projects.empty:
        return NO_PROJECTS
    if paths.role_paths(inv).empty:
        return (
            "Geen project noemt voor minstens twee fasen een eigen rol, dus er zijn geen rolpaden. Voeg "
            "kolommen Rol visie, Rol beleid en Rol uitvoering toe (of een rij per project en fase met "
            "de rol in die fase)."
        )
    return None


def _no_demand(inv: Inventory) -> str | None:
    if inv.projects.empty:
        return NO_PROJECTS
    if not any(analysis.demand_per_phase(inv).values()):
        return (
            "Geen project zit in een fase met een rol die om regie vraagt (elke rol behalve zelf doen en regie "
            "bij anderen), dus er is geen vraag naar regievaardigheden. Vul in de inventaris per project de "
            "fase en de rol van de gemeente in."
        )
    return None


def _no_partners(inv: Inventory) -> str | None:
    if inv.projects.empty:
        return NO_PROJECTS
    if inv.partners.empty or inv.involvements.empty:
        return (
            "De inventaris noemt geen partners bij de projecten. Voeg een kolom Partners toe aan de "
            "projecten, of de bladen Partners en Betrokkenheid."
        )
    if native.partner_types(inv).empty:
        return (
            "De partners zijn niet aan een fase te koppelen: geef de projecten een fase, of de "
            "betrokkenheid van de partner een kolom Fase."
        )
    return None


def _skills_chart(inv: Inventory, subtitle: str) -> Chart:
    """Demand beside supply when the inventory has a team, else the demand alone."""
    if skills.team_status(inv) == skills.TEAM_PRESENT:
        return demand_supply_bars(inv, subtitle)
    return skills_demand_bars(inv, subtitle)


VIEWS: tuple[View, ...] = (
    View(
        "overzicht", "Overzicht",
        "De kerncijfers van de inventaris en per fase hoeveel projecten erin zitten en bij hoeveel de "
        "rol van de gemeente benoemd is; uit de kolommen fase en rol van de inventaris.",
        headline.overview_chart, native.overview, _no_projects, takeaway=story.headline_sentence,
    ),
    View(
        "fase_element", "Fasen en elementen",
        "Wat de inventaris zegt: hoeveel projecten in elke fase (MOVISIE Schema 3) met welk MOVISIE-element "
        "werken; uit de kolommen fase en element.",
        phase_element_heatmap, native.phase_element, _no_projects,
        appendix=lambda inv: element_coverage_bars(inv, ""), takeaway=story.cell_sentence,
    ),
    View(
        "rol_per_fase", "Rol van de gemeente per fase",
        "Welke rol de gemeente in elke fase speelt; uit de rolkolommen (een rol per fase gaat voor de rol van "
        "het project). De volgorde van de rollen, van zelf doen naar loslaten, is die van deze app.",
        roles_per_phase_bars, native.roles_per_phase, _no_roles, takeaway=story.headline_sentence,
    ),
    View(
        "rolpaden", "Rolpaden",
        "Hoe de rol van de gemeente per project verandert van visie via beleid naar uitvoering; uit de "
        "rollen die de inventaris per fase noemt.",
        role_path_sankey, native.role_paths, _no_paths, takeaway=story.paths_sentence,
    ),
    View(
        "vaardigheden", "Regievaardigheden",
        "Welke vaardigheden MOVISIE's Schema 3 per fase noemt, hoeveel projecten in die fase erom vragen en "
        "hoeveel teamleden ze inzetbaar of in ontwikkeling hebben; uit de fasen en rollen en het teamblad.",
        _skills_chart, native.skill_demand, _no_demand, takeaway=story.skills_sentence,
    ),
    View(
        "partners", "Partners per fase",
        "Hoeveel partners van elke soort in elke fase bij de projecten betrokken zijn; uit de bladen "
        "Partners en Betrokkenheid en de kolom Partners.",
        partner_types_per_phase_bars, native.partner_types, _no_partners, takeaway=story.partners_sentence,
    ),
)
"""The presentation, in order."""

VIEW_BY_KEY: dict[str, View] = {v.key: v for v in VIEWS}


def subtitle(filters: Filters, file: str) -> str:
    """The subtitle every chart carries: the active filter and the file (as the pages show it)."""
    return f"{describe(filters)} · {file}"


def show(view: View, inv: Inventory, subtitle_text: str) -> Shown:
    """The view made for ``inv``: its chart, or the message that says what is missing."""
    message = view.missing(inv)
    if message is not None:
        return Shown(view, None, message)
    return Shown(view, view.chart(inv, subtitle_text), None)


def show_all(inv: Inventory, subtitle_text: str) -> list[Shown]:
    """Every view made for ``inv``, in presentation order."""
    return [show(view, inv, subtitle_text) for view in VIEWS]


PROJECTOR_FONT = 22
PROJECTOR_HEIGHT = 640


def for_projector(chart: Chart) -> Chart:
    """The chart with large fonts and height for a projector (the page Presenteren); returns it."""
    figure = chart.figure
    figure.update_layout(
        font={"size": PROJECTOR_FONT}, legend={"font": {"size": PROJECTOR_FONT - 2}},
        hoverlabel={"font": {"size": PROJECTOR_FONT}},
        height=max(PROJECTOR_HEIGHT, int(figure.layout.height or 0)),
    )
    figure.update_layout(title={"font": {"size": PROJECTOR_FONT + 8}})
    axis = {"tickfont": {"size": PROJECTOR_FONT - 2}, "title": {"font": {"size": PROJECTOR_FONT}}}
    figure.update_xaxes(**axis)
    figure.update_yaxes(**axis)
    figure.update_traces(textfont={"size": PROJECTOR_FONT - 2}, selector={"type": "bar"})
    figure.update_traces(textfont={"size": PROJECTOR_FONT}, selector={"type": "heatmap"})
    figure.update_traces(textfont={"size": PROJECTOR_FONT - 4}, selector={"type": "sankey"})
    return chart


def takeaway(view: View, inv: Inventory) -> str:
    """The view in one spoken sentence ("" when it has none or there are no projects)."""
    if view.takeaway is None or inv.projects.empty:
        return ""
    return view.takeaway(inv)


PRESENTING_CHROME = 230
"""Pixels of a presentation-mode screen that are not chart: the step bar and the takeaway."""
PRESENTING_MIN, PRESENTING_MAX = 320, 1600


def presenting_height(screen: int | None) -> int:
    """The chart height that fills a screen ``screen`` pixels high (720 when unknown)."""
    return max(PRESENTING_MIN, min(PRESENTING_MAX, (screen or 720) - PRESENTING_CHROME))


def for_presenting(chart: Chart, screen: int | None) -> Chart:
    """The chart for presentation mode: projector fonts, the legend beside the plot, and the height
    that fills a screen ``screen`` pixels high with the step bar and the takeaway; returns it."""
    for_projector(chart)
    chart.figure.update_layout(
        height=presenting_height(screen), margin={"t": 80, "b": 50},
        legend={"orientation": "v", "x": 1.01, "xanchor": "left", "y": 1, "yanchor": "top"},
    )
    return chart


def step(index: int, delta: int) -> int:
    """The index after moving ``delta`` views from ``index`` (stays within the sequence)."""
    return max(0, min(len(VIEWS) - 1, index + delta))


def appendix_lines(view: View, inv: Inventory) -> list[str]:
    """The view's appendix chart in words (for speaker notes): its title, its table row by row, its
    source and marker; empty when the view has none or there are no projects."""
    if view.appendix is None or inv.projects.empty:
        return []
    chart = view.appendix(inv)
    rows = [", ".join(f"{column} {value}" if i else str(value) for i, (column, value) in enumerate(row.items()))
            for _, row in chart.table.iterrows()]
    return [f"{chart.title}: {chart.description}", *rows, chart.source, chart.marker]
