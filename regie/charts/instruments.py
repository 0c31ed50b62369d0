"""Charts of the regie-instrumenten: the decision tree over the inventory, the two zelfscan
checklists, and positioning (Pröpper's grid, Schema 1 per phase)."""

from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go
from pandas.io.formats.style import Styler

from regie import vocabulary as voc
from regie.charts.theme import (
    ANSWER_COLOURS,
    ANSWER_PATTERNS,
    MARKER_SYMBOLS,
    PALETTE,
    UNKNOWN_COLOUR,
    Chart,
    count_ticks,
    ink,
    safe_label,
    styled,
    titled,
)
from regie.formatting import nl_int
from regie.instruments import beslisboom, positionering, zelfscan
from regie.model import Inventory

# --------------------------------------------------------------------------------------------
# Shared styling
# --------------------------------------------------------------------------------------------


def _tint(hex_colour: str, alpha: float) -> str:
    """A palette colour as a transparent fill."""
    value = hex_colour.lstrip("#")
    r, g, b = (int(value[i:i + 2], 16) for i in (0, 2, 4))
    return f"rgba({r},{g},{b},{alpha})"


def _pattern(shape: str) -> dict[str, object]:
    return {"shape": shape, "fillmode": "overlay", "fgcolor": "#FFFFFF", "fgopacity": 0.45}


_TASK_KINDS = tuple(t.code for t in voc.SCHEMA1)
TASK_KIND_COLOURS: dict[str, str] = styled(
    _TASK_KINDS, (PALETTE["blauw"], PALETTE["oranje"], PALETTE["groen"]), voc.UNKNOWN, UNKNOWN_COLOUR,
)
TASK_KIND_PATTERNS: dict[str, str] = styled(_TASK_KINDS, ("", "/", "x"), voc.UNKNOWN, "\\")
TASK_KIND_SYMBOLS: dict[str, str] = styled(_TASK_KINDS, MARKER_SYMBOLS[:3], voc.UNKNOWN, MARKER_SYMBOLS[5])


def _task_kind_label(code: str) -> str:
    return positionering.TASK_KIND_LABELS.get(code, "Taaksoort onbekend")


FIT_COLOURS: dict[bool | None, str] = {True: PALETTE["groen"], False: PALETTE["vermiljoen"], None: UNKNOWN_COLOUR}
FIT_PATTERNS: dict[bool | None, str] = {True: "", False: "x", None: "."}

# --------------------------------------------------------------------------------------------
# Beslisboom
# --------------------------------------------------------------------------------------------


def outcome_bars(result: pd.DataFrame, subtitle: str) -> Chart:
    """Per outcome of the decision tree (bars, labelled): how many projects, split by whether the
    inventory's role in the uitvoering fits it (past, past niet, niet te vergelijken)."""
    outcomes = list(beslisboom.OUTCOMES)
    labels = [beslisboom.OUTCOME_SHORT[o] for o in outcomes]
    fits = result["past"].map(beslisboom.fit_value) if len(result) else pd.Series(dtype=object)
    counts = {
        key: [int(((result["uitkomst"] == o) & fits.map(lambda v, k=key: v is k)).sum()) if len(result) else 0
              for o in outcomes]
        for key in beslisboom.FITS_LABELS
    }
    fig = go.Figure()
    for key, label in beslisboom.FITS_LABELS.items():
        values = counts[key]
        if not any(values):
            continue
        fig.add_trace(go.Bar(
            name=f"Rol in de uitvoering: {label.lower()}", y=labels, x=values, orientation="h",
            marker={"color": FIT_COLOURS[key], "line": {"color": "#FFFFFF", "width": 1},
                    "pattern": _pattern(FIT_PATTERNS[key])},
            text=[str(v) if v else "" for v in values], textangle=0,
            textposition="inside", insidetextanchor="middle", insidetextfont={"color": ink(FIT_COLOURS[key]), "size": 16},
            hovertemplate=f"{label}: %{{x}} projecten<extra>%{{y}}</extra>",
        ))
    fig.update_layout(barmode="stack", xaxis={"title": "Projecten", **count_ticks(len(result))},
                      yaxis={"autorange": "reversed"}, height=420)
    title = "Uitkomst van de beslisboom per project"
    titled(fig, title, subtitle)
    table = pd.DataFrame({"Uitkomst": labels, **{
        label: counts[key] for key, label in beslisboom.FITS_LABELS.items()
    }})
    return Chart(
        fig, table, title,
        "Per uitkomst: hoeveel projecten, en of de rol van de gemeente in de uitvoering volgens de inventaris "
        "erbij past. ‘Past niet’ staat alleen bij een echte tegenstrijdigheid: zelf uitvoeren tegenover een "
        "regietaak, of andersom.",
        "De uitkomst volgt alleen uit de antwoordkolommen van de inventaris (Regisserende aanpak nodig, Kansen "
        "voor samenwerking, Kernactiviteit, Door anderen uitgevoerd, Nabijheid). ‘Niet te vergelijken’: bespreken, "
        "onvoldoende gegevens, of geen rol in de uitvoering.",
        reading="decision_rule", source=beslisboom.SOURCE,
    )


STYLE_UP_TO = 1000
"""Tables with more rows are shown without row styling (styling every cell would take seconds);
the meaning is in the Vergelijking text either way."""


def style_advice(table: pd.DataFrame) -> Styler | pd.DataFrame:
    """The batch table with the "Past niet" rows tinted and bold; the meaning is in the
    Vergelijking text. Tables longer than :data:`STYLE_UP_TO` rows come back unstyled."""
    if len(table) > STYLE_UP_TO:
        return table
    misfit = beslisboom.FITS_LABELS[False]
    tint = f"background-color: {_tint(PALETTE['vermiljoen'], 0.16)}; font-weight: bold"

    def row_style(row: pd.Series) -> list[str]:
        return [tint if row.get("Vergelijking") == misfit else "" for _ in row]

    return table.style.apply(row_style, axis=1)


# --------------------------------------------------------------------------------------------
# Zelfscan
# --------------------------------------------------------------------------------------------

NOT_ANSWERED = "niet beantwoord"


def checklist_bars(results: dict[str, zelfscan.ChecklistResult], subtitle: str) -> Chart:
    """One bar per checklist (Louweret, Oosterhof), each out of its own eight: how many items got ja,
    deels, nee, or no answer yet. The two are never added up."""
    sources = [s for s in (zelfscan.LOUWERET, zelfscan.OOSTERHOF) if s in results]
    rows = [f"{zelfscan.SOURCE_LABELS[s]}: {results[s].headline}" for s in sources]
    fig = go.Figure()
    keys = (*voc.ANSWER_CODES, None)
    for key in keys:
        values = [sum(1 for i in results[s].items if results[s].answers.get(i.code) == key) for s in sources]
        if not any(values):
            continue
        names = [zelfscan.ANSWER_WORDS[s][key] if key else NOT_ANSWERED.capitalize() for s in sources]
        fig.add_trace(go.Bar(
            name=" / ".join(dict.fromkeys(names)), y=rows, x=values, orientation="h",
            marker={"color": ANSWER_COLOURS[key] if key else UNKNOWN_COLOUR, "line": {"color": "#FFFFFF", "width": 1},
                    "pattern": _pattern(ANSWER_PATTERNS[key] if key else ".")},
            text=[f"{v} {n.lower()}" if v else "" for v, n in zip(values, names, strict=True)],
            textposition="inside", insidetextanchor="middle", customdata=names,
            hovertemplate="%{customdata}: %{x} van 8<extra></extra>",
        ))
    fig.update_layout(barmode="stack", xaxis={"range": [0, 8], "dtick": 1, "title": "Vragen (van 8 per lijst)"},
                      yaxis={"autorange": "reversed"}, height=340)
    title = "Zelfscan: twee lijsten, elk apart"
    titled(fig, title, subtitle)
    table = pd.DataFrame([
        {"Lijst": zelfscan.SOURCE_LABELS[s], "Uitkomst": results[s].headline,
         **{voc.ANSWER_LABELS[a]: sum(1 for i in results[s].items if results[s].answers.get(i.code) == a)
            for a in voc.ANSWER_CODES},
         NOT_ANSWERED.capitalize(): len(results[s].unanswered)}
        for s in sources
    ])
    return Chart(
        fig, table, title,
        "Per lijst hoeveel van de acht vragen een volmondig ja (Louweret) of ‘op orde’ (Oosterhof) krijgen, en "
        "hoeveel niet. De lijsten gaan uit van een ander idee van regie en worden niet opgeteld.",
        "Louweret vraagt om een volmondig ja op alle acht vragen; Oosterhof noemt acht punten van voorbereiding.",
        source=f"{zelfscan.SOURCES[zelfscan.LOUWERET]}; {zelfscan.SOURCES[zelfscan.OOSTERHOF]}",
    )


def checklist_table(result: zelfscan.ChecklistResult) -> pd.DataFrame:
    """Every item of one checklist: the seed's words, the plain-language version and the answer."""
    words = zelfscan.ANSWER_WORDS[result.source]
    return pd.DataFrame({
        "Nr": [i.code for i in result.items],
        "In de bron": [i.original for i in result.items],
        "In gewone taal": [i.plain for i in result.items],
        "Antwoord": [words.get(result.answers.get(i.code) or "", "—") for i in result.items],
    })


# --------------------------------------------------------------------------------------------
# Positionering
# --------------------------------------------------------------------------------------------

PROPPER_X: dict[str, int] = {c.code: i for i, c in enumerate(reversed(voc.DOORZETTINGSMACHT))}
"""Doorzettingsmacht from afwezig (left) to groot (right)."""
PROPPER_Y: dict[str, int] = {c.code: i for i, c in enumerate(reversed(voc.BELEIDSKADERS))}
"""Beleidskader from a script of another (bottom) to the gemeente's own (top)."""
LABELS_UP_TO = 90
"""Project ids are written beside the markers when no more projects than this are placed."""
MARKERS_UP_TO = 300
"""Every placed project is its own marker up to this many; beyond, each cell shows one marker per task
kind with its count (thousands of markers would cover each other and take the browser seconds)."""


def _offsets(n: int) -> list[tuple[float, float]]:
    """Deterministic places for n markers inside one cell of the grid: a small centred raster, at
    most 0,72 wide and 0,6 high, rows filled left to right from the top."""
    if n == 0:
        return []
    columns = max(1, math.ceil(math.sqrt(n * 1.8)))
    rows = math.ceil(n / columns)
    step_x = min(0.72 / max(columns - 1, 1), 0.22)
    step_y = min(0.6 / max(rows - 1, 1), 0.2)
    result = []
    for i in range(n):
        row, column = divmod(i, columns)
        in_row = min(columns, n - row * columns)
        dx = (column - (in_row - 1) / 2) * step_x
        dy = ((rows - 1) / 2 - row) * step_y
        result.append((dx - 0.05, dy - 0.06))
    return result


def _cell_text(kader: str, macht: str) -> str:
    return (f"{positionering.BELEIDSKADER_LABELS[kader]} · doorzettingsmacht "
            f"{positionering.DOORZETTINGSMACHT_LABELS[macht].lower()}")


def _project_traces(fig: go.Figure, placed: pd.DataFrame) -> None:
    """Every placed project a marker in its cell, spread out so none overlap (ids beside them when few)."""
    where: dict[int, tuple[float, float]] = {}
    for (kader, macht), group in placed.groupby(["beleidskader", "doorzettingsmacht"], sort=False):
        for index, (dx, dy) in zip(group.index, _offsets(len(group)), strict=True):
            where[index] = (PROPPER_X[macht] + dx, PROPPER_Y[kader] + dy)
    placed = placed.assign(x=[where[i][0] for i in placed.index], y=[where[i][1] for i in placed.index])
    with_text = len(placed) <= LABELS_UP_TO
    for kind in (*positionering.TASK_KIND_ORDER, voc.UNKNOWN):
        group = placed[placed["taaksoort"] == kind]
        if not len(group):
            continue
        label = _task_kind_label(kind)
        hover = [
            f"{safe_label(name)} ({safe_label(pid)})<br>{_cell_text(k, m)}<br>{label}"
            for name, pid, k, m in zip(group["naam"], group["id"], group["beleidskader"],
                                       group["doorzettingsmacht"], strict=True)
        ]
        fig.add_trace(go.Scatter(
            x=group["x"], y=group["y"], mode="markers+text" if with_text else "markers", name=label,
            text=[safe_label(str(pid)[:10]) for pid in group["id"]], textposition="middle right",
            textfont={"size": 12, "color": "#1A1A1A"},
            marker={"symbol": TASK_KIND_SYMBOLS[kind], "size": 12, "color": TASK_KIND_COLOURS[kind],
                    "line": {"color": "#1A1A1A", "width": 1}},
            hovertext=hover, hovertemplate="%{hovertext}<extra></extra>",
        ))


def _count_traces(fig: go.Figure, placed: pd.DataFrame) -> None:
    """Per cell one marker per task kind, labelled with how many projects of that kind stand there (the
    marker's area grows with the count)."""
    kinds = (*positionering.TASK_KIND_ORDER, voc.UNKNOWN)
    counts = placed.groupby(["beleidskader", "doorzettingsmacht", "taaksoort"], sort=False).size()
    largest = int(counts.max())
    present = {cell: [k for k in kinds if (*cell, k) in counts.index] for cell in
               {(k, m) for k, m, _ in counts.index}}
    for kind in kinds:
        rows = [(k, m, int(n)) for (k, m, t), n in counts.items() if t == kind]
        if not rows:
            continue
        rows.sort(key=lambda row: (PROPPER_Y[row[0]], PROPPER_X[row[1]]))
        label = _task_kind_label(kind)
        x, y = [], []
        for kader, macht, _ in rows:
            shown = present[(kader, macht)]
            x.append(PROPPER_X[macht] + (shown.index(kind) - (len(shown) - 1) / 2) * 0.22)
            y.append(PROPPER_Y[kader] - 0.02)
        fig.add_trace(go.Scatter(
            x=x, y=y, mode="markers+text", name=label,
            text=[nl_int(n) for _, _, n in rows], textposition="bottom center",
            textfont={"size": 13, "color": "#1A1A1A"},
            marker={"symbol": TASK_KIND_SYMBOLS[kind], "color": TASK_KIND_COLOURS[kind],
                    "size": [14 + 26 * math.sqrt(n / largest) for _, _, n in rows],
                    "line": {"color": "#1A1A1A", "width": 1}},
            hovertext=[f"{_cell_text(k, m)}<br>{label}: {nl_int(n)} {'project' if n == 1 else 'projecten'}"
                       for k, m, n in rows],
            hovertemplate="%{hovertext}<extra></extra>",
        ))


def propper_grid(inv: Inventory, subtitle: str) -> Chart:
    """Pröpper's two angles as a grid (doorzettingsmacht × eigen beleidskader), every cell with its
    count. Up to :data:`MARKERS_UP_TO` placed projects every project is a marker in its cell (spread
    out so none overlap, labelled with its id when few; shape and colour by Schema 1 task kind); beyond
    that each cell has one marker per task kind with its count."""
    placed = positionering.propper_positions(inv)
    placed = placed.sort_values("id", kind="stable", key=lambda ids: ids.astype(str)).reset_index(drop=True)
    placed = placed.assign(taaksoort=placed["project"].map(positionering.first_task_kind(inv)).fillna(voc.UNKNOWN))
    counts = positionering.propper_counts(inv)
    per_project = len(placed) <= MARKERS_UP_TO
    fig = go.Figure()
    (_project_traces if per_project else _count_traces)(fig, placed)
    for kader, row in PROPPER_Y.items():
        for macht, x in PROPPER_X.items():
            n = int(counts.at[kader, macht])
            fig.add_annotation(
                x=x, y=row + 0.43, text=f"<b>{nl_int(n)} {'project' if n == 1 else 'projecten'}</b>",
                showarrow=False, font={"size": 14, "color": "#1A1A1A"},
            )
    for divider in (0.5, 1.5):
        fig.add_shape(type="line", x0=divider, x1=divider, y0=-0.5, y1=1.5, line={"color": "#BDBDBD", "width": 1})
    fig.add_shape(type="line", x0=-0.5, x1=2.5, y0=0.5, y1=0.5, line={"color": "#BDBDBD", "width": 1})
    fig.update_layout(
        xaxis={"range": [-0.5, 2.5], "tickvals": list(PROPPER_X.values()),
               "ticktext": [positionering.DOORZETTINGSMACHT_LABELS[m] for m in PROPPER_X],
               "title": "Doorzettingsmacht: kan de gemeente medewerking afdwingen?", "showgrid": False,
               "zeroline": False},
        yaxis={"range": [-0.5, 1.5], "tickvals": list(PROPPER_Y.values()),
               "ticktext": [positionering.BELEIDSKADER_LABELS[k] for k in PROPPER_Y],
               "title": "Eigen beleidskader", "showgrid": False, "zeroline": False},
        height=620, legend={"title": {"text": "Schema 1: "}, "y": -0.18},
    )
    title = "Pröppers invalshoeken: beleidskader en doorzettingsmacht"
    titled(fig, title, subtitle)
    table = pd.DataFrame({
        "ID": placed["id"], "Project": placed["naam"],
        "Eigen beleidskader": placed["beleidskader"].map(positionering.BELEIDSKADER_LABELS),
        "Doorzettingsmacht": placed["doorzettingsmacht"].map(positionering.DOORZETTINGSMACHT_LABELS),
        "Taaksoort": placed["taaksoort"].map(_task_kind_label),
    })
    return Chart(
        fig, table, title,
        "Waar elk project staat op Pröppers twee invalshoeken: voert de gemeente een eigen script uit "
        "of dat van een ander, en hoeveel doorzettingsmacht heeft ze? Het getal bovenin elk vak is "
        "het aantal projecten; vorm en kleur geven de taaksoort (Schema 1)."
        + ("" if per_project else f" Met meer dan {nl_int(MARKERS_UP_TO)} projecten staat per vak één teken per "
           "taaksoort, met het aantal projecten eronder; hoe groter het teken, hoe meer projecten."),
        "Uit de kolommen Beleidskader (eigen, ander) en Doorzettingsmacht (groot, beperkt, afwezig) "
        "van de inventaris; projecten zonder een van beide staan er niet in. Een project met meer taaksoorten "
        "staat onder de eerste in de volgorde van Schema 1. "
        + ("Binnen een vak zijn de projecten uitgespreid zodat ze elkaar niet bedekken; de plek binnen het "
           "vak betekent niets." if per_project else "De tabel noemt elk project met zijn plek."),
    )


def task_kind_phase_bars(inv: Inventory, subtitle: str) -> Chart:
    """Per phase the projects per Schema 1 task kind (stacked, labelled, patterned)."""
    table = positionering.task_kind_phase_counts(inv)
    phases = [voc.phase_label(p) for p in table.index]
    fig = go.Figure()
    for kind in table.columns:
        values = [int(v) for v in table[kind]]
        if kind == voc.UNKNOWN and not any(values):
            continue
        label = _task_kind_label(kind)
        fig.add_trace(go.Bar(
            name=label, y=phases, x=values, orientation="h",
            marker={"color": TASK_KIND_COLOURS[kind], "line": {"color": "#FFFFFF", "width": 1},
                    "pattern": _pattern(TASK_KIND_PATTERNS[kind])},
            text=[str(v) if v else "" for v in values], textposition="inside",
            insidetextanchor="middle",
            hovertemplate=f"{label}: %{{x}} projecten<extra>%{{y}}</extra>",
        ))
    fig.update_layout(barmode="stack", xaxis_title="Projecten", yaxis={"autorange": "reversed"},
                      height=400)
    title = "Soorten gemeentelijke taken per fase (Schema 1)"
    titled(fig, title, subtitle)
    frame = pd.DataFrame({_task_kind_label(k): [int(v) for v in table[k]] for k in table.columns})
    frame.insert(0, "Fase", phases)
    return Chart(
        fig, frame, title,
        "Welke soort taak de gemeente per fase heeft: publiekrechtelijk (wettelijk, kaderstellend, "
        "aanbesteding, subsidie), privaatrechtelijk (eigenaar van grond of accommodaties, "
        "deelnemingen) of belanghebbend (publiek belang, leefomgeving, aanspreekpunt).",
        "Uit de kolom Taaksoort van de inventaris; een project telt één keer in elke fase waarin het zit, bij "
        "elk van zijn taaksoorten (een taak kan van meer soorten tegelijk zijn).",
        source=voc.cite("movisie", "Schema 1"),
    )
