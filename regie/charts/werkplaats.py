"""Charts of a werkplaats' results: the participants' votes against the role in the inventory, and
the group's zelfscan.

Votes: per project and phase a stacked bar of the roles voted (colour *and* pattern per role, the
count on every segment); the role the inventory gives is named in the row label. Project names
are user text (``safe_label``).
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from regie import vocabulary as voc
from regie.charts.native import STACKED, NativeChart, NativeSeries
from regie.charts.theme import (
    ANSWER_COLOURS,
    ANSWER_PATTERNS,
    PALETTE,
    ROLE_COLOURS,
    ROLE_PATTERNS,
    Chart,
    count_ticks,
    safe_label,
    titled,
)
from regie.formatting import nl_int, nl_percent
from regie.instruments import werkplaats as wp
from regie.instruments import zelfscan as scan

NAME_LENGTH = 48
"""Longest project name in a row label (the table has the whole name)."""
ROW_HEIGHT = 58
QUESTION_PATTERNS: dict[str, str] = {wp.QUESTION_NOW: "", wp.QUESTION_SHOULD: "/"}
QUESTION_COLOURS: dict[str, str] = {wp.QUESTION_NOW: PALETTE["blauw"], wp.QUESTION_SHOULD: PALETTE["oranje"]}


LEGEND_BELOW: dict[str, object] = {
    "legend": {"yref": "container", "y": 0.0, "yanchor": "bottom", "orientation": "h", "x": 0, "xanchor": "left"},
    "margin": {"b": 115},
}
"""The legend at the bottom of the figure, under the axis title (never on top of it)."""


def _pattern(shape: str) -> dict[str, object]:
    return {"shape": shape, "fillmode": "overlay", "fgcolor": "#FFFFFF", "fgopacity": 0.5}


def _short(text: str, length: int = NAME_LENGTH) -> str:
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


def _inventory_label(roles: tuple[str, ...]) -> str:
    return " / ".join(voc.role_label(r) for r in roles)


def _row_label(item: wp.Item) -> str:
    return (f"{safe_label(_short(item.project_name))} — {voc.phase_label(item.phase)}<br>"
            f"<span style='font-size:13px'>inventaris: {_inventory_label(item.inventory_roles)}</span>")


def votes_by_item_bars(res: wp.Results, question: str, subtitle: str) -> Chart:
    """Per project and phase (rows), the votes on one question stacked by role; every row label
    names the role the inventory gives."""
    items = list(res.werkplaats.items)
    rows = [_row_label(i) for i in items]
    tables = {i.id: wp.item_votes(res, i.id) for i in items}
    fig = go.Figure()
    for role in wp.VOTE_CHOICES:
        values = [int(tables[i.id].set_index("role").at[role, question]) for i in items]
        if not any(values):
            continue
        label = wp.VOTE_LABELS[role]
        fig.add_trace(go.Bar(
            name=label, y=rows, x=values, orientation="h",
            marker={"color": ROLE_COLOURS[role], "line": {"color": "#FFFFFF", "width": 1},
                    "pattern": _pattern(ROLE_PATTERNS[role])},
            text=[nl_int(v) if v else "" for v in values], textposition="inside", insidetextanchor="middle",
            textangle=0, hovertemplate=f"{label}: %{{x}} stemmen<extra></extra>",
        ))
    totals = [int(tables[i.id][question].sum()) for i in items]
    top = max(totals, default=0)
    if not any(totals):
        fig.add_annotation(text="Nog geen stemmen op deze vraag.", showarrow=False, x=0.5, y=0.5,
                           xref="paper", yref="paper", font={"size": 16})
    fig.update_layout(
        barmode="stack", xaxis={"title": "Stemmen", **count_ticks(top)}, yaxis={"autorange": "reversed"},
        height=max(360, 190 + ROW_HEIGHT * len(items)),
        showlegend=True,  # also with one role voted: the legend names it
        **LEGEND_BELOW,
    )
    title = wp.QUESTIONS[question]
    titled(fig, title, subtitle)
    table = pd.DataFrame({
        "Project": [i.project_name for i in items],
        "Fase": [voc.phase_label(i.phase) for i in items],
        "Rol in de inventaris": [_inventory_label(i.inventory_roles) for i in items],
        **{wp.VOTE_LABELS[r]: [int(tables[i.id].set_index("role").at[r, question]) for i in items]
           for r in wp.VOTE_CHOICES},
        "Stemmen": totals,
    })
    return Chart(
        fig, table, title,
        "Per project en fase hoe de deelnemers stemden, naast de rol die de inventaris geeft.",
        "Elke deelnemer heeft één stem per project, fase en vraag; een nieuwe stem vervangt de vorige. "
        "'Weet ik niet' telt als stem.",
    )


def item_vote_bars(res: wp.Results, item_id: int, subtitle: str) -> Chart:
    """One project in one phase: per role the votes on both questions side by side; the inventory's
    role is marked in its row label."""
    item = res.item(item_id)
    table = wp.item_votes(res, item_id)
    rows = [f"{label} ◆ inventaris" if inv else label for label, inv in zip(table["rol"], table["inventaris"],
                                                                             strict=True)]
    fig = go.Figure()
    for question in wp.QUESTIONS:
        values = [int(v) for v in table[question]]
        fig.add_trace(go.Bar(
            name=wp.QUESTION_SHORT[question], y=rows, x=values, orientation="h",
            marker={"color": QUESTION_COLOURS[question], "line": {"color": "#1A1A1A", "width": 1},
                    "pattern": _pattern(QUESTION_PATTERNS[question])},
            text=[nl_int(v) for v in values], textposition="outside", cliponaxis=False,
            constraintext="none", textfont={"size": 14},
            hovertemplate=f"{wp.QUESTION_SHORT[question]}: %{{x}} stemmen<extra>%{{y}}</extra>",
        ))
    top = int(max(table[wp.QUESTION_NOW].max(), table[wp.QUESTION_SHOULD].max(), 0))
    fig.update_layout(
        barmode="group", bargap=0.25, yaxis={"autorange": "reversed"},
        xaxis={"title": "Stemmen", **count_ticks(top), "range": [0, max(top, 1) * 1.2]}, height=520,
        **LEGEND_BELOW,
    )
    title = f"{item.project_name} — {voc.phase_label(item.phase)}"
    titled(fig, title, subtitle)  # titled escapes the project name
    frame = pd.DataFrame({
        "Rol": table["rol"],
        "In de inventaris": ["ja" if v else "" for v in table["inventaris"]],
        wp.QUESTION_SHORT[wp.QUESTION_NOW]: table[wp.QUESTION_NOW],
        wp.QUESTION_SHORT[wp.QUESTION_SHOULD]: table[wp.QUESTION_SHOULD],
    })
    return Chart(
        fig, frame, title,
        "Welke rol de gemeente volgens de deelnemers nu speelt en zou moeten spelen; ◆ markeert de "
        "rol in de inventaris.",
        f"Rol in de inventaris: {_inventory_label(item.inventory_roles)}.",
    )


def scan_answer_bars(res: wp.Results, subtitle: str) -> Chart:
    """Per zelfscan question, how many participants answered ja, deels and nee (stacked)."""
    dist = wp.scan_distribution(res)
    rows = [f"{code}: {safe_label(_short(q, 60))}" for code, q in zip(dist["item"], dist["question"], strict=True)]
    fig = go.Figure()
    for answer in wp.SCAN_ANSWERS:
        values = [int(v) for v in dist[answer]]
        fig.add_trace(go.Bar(
            name=voc.ANSWER_LABELS[answer], y=rows, x=values, orientation="h",
            marker={"color": ANSWER_COLOURS[answer], "line": {"color": "#FFFFFF", "width": 1},
                    "pattern": _pattern(ANSWER_PATTERNS[answer])},
            text=[nl_int(v) if v else "" for v in values], textposition="inside", insidetextanchor="middle",
            textangle=0, hovertemplate=f"{voc.ANSWER_LABELS[answer]}: %{{x}}<extra>%{{y}}</extra>",
        ))
    top = int((dist["ja"] + dist["deels"] + dist["nee"]).max()) if len(dist) else 0
    fig.update_layout(barmode="stack", yaxis={"autorange": "reversed"}, showlegend=True,
                      xaxis={"title": "Deelnemers", **count_ticks(top)}, height=max(560, 180 + 36 * len(dist)),
                      **LEGEND_BELOW)
    title = "Zelfscan: antwoorden per vraag"
    titled(fig, title, subtitle)
    table = pd.DataFrame({
        "Nr": dist["item"],
        "Lijst": dist["source"].map(scan.SOURCE_LABELS),
        "Vraag": dist["question"],
        **{voc.ANSWER_LABELS[code]: dist[code] for code in voc.ANSWER_CODES},
    })
    return Chart(
        fig, table, title,
        "Per vraag van de zelfscan hoeveel deelnemers ja, deels of nee antwoordden (L: Louweret, O: Oosterhof).",
        "Elke deelnemer telt één keer per vraag; de twee lijsten worden niet opgeteld.",
        source=f"{scan.SOURCES[scan.LOUWERET]}; {scan.SOURCES[scan.OOSTERHOF]}",
    )


def summary_table(res: wp.Results) -> pd.DataFrame:
    """The summary per project and phase with Dutch percentages (for st.dataframe)."""
    frame = wp.summary(res).drop(columns=["item"])
    for column in ("Eens met de inventaris", "Wil verandering"):
        frame[column] = [nl_percent(v) if v == v else "—" for v in frame[column]]
    return frame


def perspective_table(res: wp.Results) -> pd.DataFrame:
    """Per project and phase, the role the gemeente's and the partners' participants voted most (for
    st.dataframe and the exports)."""
    return wp.perspective_summary(res).drop(columns=["item"])


def votes_native(res: wp.Results, question: str) -> NativeChart:
    """The votes on one question per project and phase, stacked by role, as an office chart (the data of
    :func:`votes_by_item_bars`)."""
    items = list(res.werkplaats.items)
    tables = {i.id: wp.item_votes(res, i.id).set_index("role") for i in items}
    series = []
    for role in wp.VOTE_CHOICES:
        values = tuple(float(tables[i.id].at[role, question]) for i in items)
        if any(values):
            series.append(NativeSeries(wp.VOTE_LABELS[role], values, ROLE_COLOURS[role], ROLE_PATTERNS[role]))
    return NativeChart(tuple(f"{_short(i.project_name, 40)} — {voc.phase_label(i.phase)}" for i in items),
                       tuple(series), grouping=STACKED, horizontal=True, value_title="Stemmen")
