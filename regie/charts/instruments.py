"""Charts of the regie-instrumenten: the decision tree over the inventory, the zelfscan per theme,
and positioning (Pröpper's grid, Schema 1 per phase, the four government roles as a quadrant)."""

from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go
from pandas.io.formats.style import Styler

from regie import vocabulary as voc
from regie.charts.theme import (
    MARKER_SYMBOLS,
    PALETTE,
    ROLE_COLOURS,
    UNKNOWN_COLOUR,
    Chart,
    safe_label,
    styled,
    titled,
)
from regie.formatting import nl_int, nl_number
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


STATUS_COLOURS: dict[str, str] = {
    beslisboom.STATUS_FITS: PALETTE["groen"],
    beslisboom.STATUS_MISFITS: PALETTE["vermiljoen"],
    beslisboom.STATUS_NOT_COMPARABLE: UNKNOWN_COLOUR,
    beslisboom.STATUS_NO_ADVICE: PALETTE["hemelsblauw"],
}
STATUS_PATTERNS: dict[str, str] = {
    beslisboom.STATUS_FITS: "", beslisboom.STATUS_MISFITS: "x",
    beslisboom.STATUS_NOT_COMPARABLE: ".", beslisboom.STATUS_NO_ADVICE: "\\",
}

# --------------------------------------------------------------------------------------------
# Beslisboom
# --------------------------------------------------------------------------------------------


def advice_status_bars(result: pd.DataFrame, subtitle: str) -> Chart:
    """Per advised form (stacked, labelled): how many projects' current role fits the advice."""
    forms = [f.code for f in beslisboom.FORMS if f.code in set(result["form"])]
    labels = [beslisboom.FORM_BY_CODE[f].label for f in forms]
    counts = pd.crosstab(result["form"], result["status"]) if len(result) else pd.DataFrame()
    counts = counts.reindex(index=forms, columns=list(beslisboom.STATUS_LABELS), fill_value=0).fillna(0)
    fig = go.Figure()
    for status, status_label in beslisboom.STATUS_LABELS.items():
        values = [int(v) for v in counts[status]]
        if not any(values):
            continue
        fig.add_trace(go.Bar(
            name=status_label, y=labels, x=values, orientation="h",
            marker={"color": STATUS_COLOURS[status], "line": {"color": "#FFFFFF", "width": 1},
                    "pattern": _pattern(STATUS_PATTERNS[status])},
            text=[str(v) if v else "" for v in values], textangle=0,
            textposition="inside", insidetextanchor="middle",
            hovertemplate=f"{status_label}: %{{x}} projecten<extra>%{{y}}</extra>",
        ))
    fig.update_layout(barmode="stack", xaxis_title="Projecten", yaxis={"autorange": "reversed"},
                      height=max(360, 110 + 70 * len(forms)))
    title = "Advies van de beslisboom naast de rol in de inventaris"
    titled(fig, title, subtitle)
    table = pd.DataFrame({"Advies": labels, **{
        label: [int(v) for v in counts[status]] for status, label in beslisboom.STATUS_LABELS.items()
    }})
    return Chart(
        fig, table, title,
        "Per geadviseerde vorm: bij hoeveel projecten de huidige rol in de uitvoering past bij het "
        "advies, en bij hoeveel niet.",
        "Het advies volgt uit de antwoordkolommen van de inventaris (Kaag en Braassem, "
        "beslisboom regietaken). Vergeleken wordt met de rol in de uitvoering; bij nabijheid met "
        "beleid en uitvoering. 'Niet te vergelijken': de inventaris geeft voor die fase geen rol.",
    )


STYLE_UP_TO = 1000
"""Tables with more rows are shown without row styling (styling every cell would take seconds);
the meaning is in the Vergelijking text either way."""


def style_advice(table: pd.DataFrame) -> Styler | pd.DataFrame:
    """The batch table with the "Past niet" rows tinted and bold; the meaning is in the
    Vergelijking text. Tables longer than :data:`STYLE_UP_TO` rows come back unstyled."""
    if len(table) > STYLE_UP_TO:
        return table
    misfit = beslisboom.STATUS_LABELS[beslisboom.STATUS_MISFITS]
    tint = f"background-color: {_tint(PALETTE['vermiljoen'], 0.16)}; font-weight: bold"

    def row_style(row: pd.Series) -> list[str]:
        return [tint if row.get("Vergelijking") == misfit else "" for _ in row]

    return table.style.apply(row_style, axis=1)


# --------------------------------------------------------------------------------------------
# Zelfscan
# --------------------------------------------------------------------------------------------


def scan_theme_bars(result: zelfscan.ScanResult, subtitle: str) -> Chart:
    """Horizontal bars: the score (0–100) per theme, labelled with the score and how many questions
    were answered; a dotted line marks the weak-point threshold."""
    themes = result.themes
    scores = [None if math.isnan(s) else float(s) for s in themes["score"]]
    texts = [nl_number(s, 0) if s is not None else "nog niet beantwoord" for s in scores]
    rows = [
        f"{label}<br><span style='font-size:13px'>{a} van {t} vragen beantwoord</span>"
        for label, a, t in zip(themes["label"], themes["answered"], themes["total"], strict=True)
    ]
    fig = go.Figure(go.Bar(
        y=rows, x=[s or 0 for s in scores], orientation="h",
        marker={"color": PALETTE["blauw"], "line": {"color": "#FFFFFF", "width": 1}},
        text=texts, textposition="outside", cliponaxis=False,
        hovertemplate="%{y}: %{x:.0f} van 100<extra></extra>",
    ))
    fig.add_vrect(x0=0, x1=zelfscan.WEAK_AT_MOST, fillcolor=_tint(PALETTE["vermiljoen"], 0.10),
                  line_width=0, layer="below")
    fig.add_annotation(
        x=zelfscan.WEAK_AT_MOST / 2, y=1.0, xref="x", yref="paper", yanchor="bottom", showarrow=False,
        text=f"zwak (≤ {nl_int(zelfscan.WEAK_AT_MOST)})", font={"color": "#1A1A1A", "size": 13},
    )
    fig.update_layout(
        xaxis={"range": [0, 125], "tickvals": [0, 25, 50, 75, 100], "title": "Score (0–100)"},
        yaxis={"autorange": "reversed"}, height=380, showlegend=False,
    )
    title = "Zelfscan per thema"
    titled(fig, title, subtitle)
    table = pd.DataFrame({
        "Thema": themes["label"],
        "Score (0–100)": [nl_number(s, 0) if s is not None else "—" for s in scores],
        "Beantwoord": [f"{a} van {t}" for a, t in zip(themes["answered"], themes["total"], strict=True)],
    })
    return Chart(
        fig, table, title,
        "Hoe klaar de organisatie is voor regie, per thema: het gemiddelde van de beantwoorde "
        "vragen (ja = 100, deels = 50, nee = 0); het gekleurde vlak tot 50 is de zone van de zwakke "
        "punten.",
        "Vragen van Louweret (Populist, regent of regisseur) en Oosterhof (Wat vraagt een "
        f"volwaardige regiegemeente?). Een vraag met {nl_int(zelfscan.WEAK_AT_MOST)} punten of minder "
        "is een zwak punt.",
    )


def scan_items_table(result: zelfscan.ScanResult) -> pd.DataFrame:
    """Every question with its theme, source and answer points, for the table under the chart."""
    items = result.items
    return pd.DataFrame({
        "Thema": items["theme"].map(lambda t: zelfscan.THEME_BY_CODE[t].label),
        "Vraag": items["question"],
        "Bron": items["source"].map(zelfscan.SOURCE_LABELS),
        "Punten": [nl_number(p, 0) if p == p else "—" for p in items["points"]],
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


def propper_grid(inv: Inventory, subtitle: str) -> Chart:
    """Pröpper's two angles as a grid (doorzettingsmacht × eigen beleidskader): every project a
    marker in its cell (spread out so none overlap, labelled with its id; shape and colour by Schema 1
    task kind), every cell with its count."""
    placed = positionering.propper_positions(inv)
    placed = placed.sort_values("id", kind="stable", key=lambda ids: ids.astype(str)).reset_index(drop=True)
    counts = positionering.propper_counts(inv)
    where: dict[int, tuple[float, float]] = {}
    for (kader, macht), group in placed.groupby(["beleidskader", "doorzettingsmacht"], sort=False):
        for index, (dx, dy) in zip(group.index, _offsets(len(group)), strict=True):
            where[index] = (PROPPER_X[macht] + dx, PROPPER_Y[kader] + dy)
    placed = placed.assign(x=[where[i][0] for i in placed.index], y=[where[i][1] for i in placed.index])
    with_text = len(placed) <= LABELS_UP_TO
    fig = go.Figure()
    for kind in (*positionering.TASK_KIND_ORDER, voc.UNKNOWN):
        group = placed[placed["taaksoort"] == kind]
        if not len(group):
            continue
        label = _task_kind_label(kind)
        hover = [
            f"{safe_label(name)} ({safe_label(pid)})<br>"
            f"{positionering.BELEIDSKADER_LABELS[k]} · doorzettingsmacht "
            f"{positionering.DOORZETTINGSMACHT_LABELS[m].lower()}<br>{label}"
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
        "het aantal projecten; vorm en kleur geven de taaksoort (Schema 1).",
        "Uit de kolommen Beleidskader (eigen, ander) en Doorzettingsmacht (groot, beperkt, afwezig) "
        "van de inventaris; projecten zonder een van beide staan er niet in. Binnen een vak zijn de "
        "projecten uitgespreid zodat ze elkaar niet bedekken; de plek binnen het vak betekent niets.",
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
        "Uit de kolom Taaksoort van de inventaris (MOVISIE, Schema 1); een project telt één keer in "
        "elke fase waarin het zit.",
    )


QUADRANT_COLOURS: dict[str, str] = {
    "Presterende overheid": ROLE_COLOURS["zelf"],
    "Samenwerkende overheid": ROLE_COLOURS["regisseur"],
    "Participerende/responsieve overheid": ROLE_COLOURS["facilitator"],
    "Rechtmatige overheid": UNKNOWN_COLOUR,
}


def government_quadrant(inv: Inventory, subtitle: str) -> Chart:
    """Kaag en Braassem's four government roles as a quadrant; every tile gives the projects with
    such a role, per phase and per inventory role."""
    table = positionering.government_quadrant(inv).set_index("overheidsrol")
    fig = go.Figure()
    for name, row, column in positionering.QUADRANT:
        x0, y0 = column + 0.02, 1 - row + 0.02
        fig.add_shape(
            type="rect", x0=x0, x1=x0 + 0.96, y0=y0, y1=y0 + 0.96,
            fillcolor=_tint(QUADRANT_COLOURS[name], 0.18),
            line={"color": QUADRANT_COLOURS[name], "width": 2},
        )
        data = table.loc[name]
        projects = int(data["projecten"])
        members = positionering.GOVERNMENT_ROLE_ROLES[name]
        if members:
            per_phase = " · ".join(f"{voc.phase_label(p)} {nl_int(data[p])}" for p in voc.PHASE_CODES)
            per_role = " · ".join(f"{voc.role_label(r)} {nl_int(data[r])}" for r in members)
            detail = f"per fase: {per_phase}<br>per rol (project-fasen): {per_role}"
        else:
            detail = "geen rol uit de inventaris valt hieronder"
        base = 1 - row
        for y, text, size in (
            (base + 0.82, f"<b>{name}</b>", 16),
            (base + 0.58, f"<b>{nl_int(projects)}</b>", 34),
            (base + 0.40, "project" if projects == 1 else "projecten", 14),
            (base + 0.20, detail, 13),
        ):
            fig.add_annotation(x=column + 0.5, y=y, text=text, showarrow=False, align="center",
                               font={"size": size, "color": "#1A1A1A"})
    fig.update_layout(
        xaxis={"range": [0, 2], "visible": False},
        yaxis={"range": [0, 2], "tickvals": [1.5, 0.5], "ticktext": list(positionering.QUADRANT_ROWS),
               "showgrid": False, "zeroline": False},
        height=520, showlegend=False,
    )
    title = "De vier overheidsrollen van Kaag en Braassem"
    titled(fig, title, subtitle)
    frame = pd.DataFrame({
        "Overheidsrol": table.index,
        "Projecten": [int(v) for v in table["projecten"]],
        **{voc.phase_label(p): [int(v) for v in table[p]] for p in voc.PHASE_CODES},
        "Rollen in de inventaris": [
            ", ".join(voc.role_label(r) for r in positionering.GOVERNMENT_ROLE_ROLES[n]) or "—"
            for n in table.index
        ],
    })
    return Chart(
        fig, frame, title,
        "De rollen uit de inventaris als overheidsrol: zelf doen en opdrachtgever zijn de presterende "
        "overheid, regisseur en samenwerkingspartner de samenwerkende, facilitator de "
        "participerende/responsieve overheid.",
        "Het grote getal telt projecten met zo'n rol in minstens één fase; per fase telt projecten "
        "met zo'n rol in die fase; per rol telt project-fasen. De figuur van Kaag en Braassem staat "
        "niet in de tekst: boven staan de rollen waarin de overheid centraal staat, onder die waarin "
        "de samenleving meedoet. 'Geen regie' en 'onbekend' vallen buiten het kwadrant.",
    )
