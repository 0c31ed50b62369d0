"""One cell of the phase × element matrix: which projects are in it, and which cell was clicked.

A cell is a (phase, element) pair: a phase code (or ``onbekend`` for projects without a phase) and
an element code (or ``onbepaald`` for projects without an accepted element), counted as in
:func:`regie.analysis.phase_element_counts`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import pandas as pd

from regie import analysis
from regie import vocabulary as voc
from regie.model import Inventory

CELL_COLUMNS: tuple[str, ...] = ("ID", "Naam", "Fasen", "Elementen", "Rol in deze fase")
"""Columns of the list of a cell's projects."""

_PHASE_BY_LABEL: dict[str, str] = {voc.phase_label(p): p for p in analysis.PHASE_KEYS}
_ELEMENT_BY_LABEL: dict[str, str] = {voc.element_label(e): e for e in analysis.ELEMENT_KEYS}


def projects_in_cell(inv: Inventory, phase: str, element: str) -> pd.DataFrame:
    """The projects counted in one cell: ID, naam, all their phases and elements, their role there.

    ``phase`` ``onbekend`` means projects without a phase, ``element`` ``onbepaald`` projects
    without an accepted element. Projects keep the inventory's order. The role is the
    municipality's role in ``phase`` (several joined when a project names more than one).
    """
    phases = inv.phases[["project", "phase"]].drop_duplicates()
    elements = inv.elements[["project", "element"]].drop_duplicates()
    keys = inv.projects["project"]
    if phase == voc.UNKNOWN:
        in_phase = keys[~keys.isin(phases["project"])]
    else:
        in_phase = keys[keys.isin(phases.loc[phases["phase"] == phase, "project"])]
    if element == voc.UNDETERMINED:
        chosen = in_phase[~in_phase.isin(elements["project"])]
    else:
        chosen = in_phase[in_phase.isin(elements.loc[elements["element"] == element, "project"])]
    projects = inv.projects[inv.projects["project"].isin(chosen)]

    phase_order = {p: i for i, p in enumerate(analysis.PHASE_KEYS)}
    phase_text = _joined(phases, "phase", phase_order, voc.phase_label)
    element_order = {e: i for i, e in enumerate(analysis.ELEMENT_KEYS)}
    element_text = _joined(elements, "element", element_order, _element_code)
    roles = inv.roles.loc[inv.roles["phase"] == phase, ["project", "role"]].drop_duplicates()
    role_order = {r: i for i, r in enumerate(analysis.ROLE_KEYS)}
    role_text = _joined(roles, "role", role_order, voc.role_label)

    keys_shown = projects["project"].tolist()
    frame = pd.DataFrame({
        "ID": [_text(v) for v in projects["id"]],
        "Naam": [_text(v) for v in projects["naam"]],
        "Fasen": [phase_text.get(k, voc.phase_label(voc.UNKNOWN)) for k in keys_shown],
        "Elementen": [element_text.get(k, _element_code(voc.UNDETERMINED)) for k in keys_shown],
        "Rol in deze fase": [role_text.get(k, voc.role_label(voc.UNKNOWN)) for k in keys_shown],
    }, columns=list(CELL_COLUMNS), dtype=object)
    return frame.reset_index(drop=True)


def _joined(frame: pd.DataFrame, column: str, order: Mapping[str, int], label: Any) -> dict[str, str]:
    """Per project the labels of ``column``'s codes, in vocabulary order, joined with ", "."""
    if frame.empty:
        return {}
    ranked = frame.assign(_rank=frame[column].map(order).fillna(len(order)))
    ranked = ranked.sort_values(["project", "_rank"], kind="stable")
    joined = ranked.groupby("project", sort=False)[column].agg(
        lambda codes: ", ".join(label(c) for c in codes)
    )
    return joined.to_dict()


def _element_code(code: str) -> str:
    """An element as its letter (A–D), ``Onbepaald`` for none: short enough for the list."""
    return code if code in voc.ELEMENT_BY_CODE else voc.element_label(code)


def _text(value: object) -> str:
    """A cell value as plain text (blank for missing)."""
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    return str(value)


def cell_count(inv: Inventory, phase: str, element: str) -> int:
    """How many projects are in one cell (the number the heatmap shows)."""
    return len(projects_in_cell(inv, phase, element))


def largest_cell(inv: Inventory) -> tuple[str, str]:
    """The cell with the most projects (the first in reading order on a tie); (visie, A) if empty."""
    counts = analysis.phase_element_counts(inv)
    best = (voc.PHASE_CODES[0], voc.ELEMENT_CODES[0])
    most = 0
    for phase in voc.PHASE_CODES:
        for element in analysis.ELEMENT_KEYS:
            if counts[phase][element] > most:
                best, most = (phase, element), counts[phase][element]
    return best


def cell_from_points(points: Iterable[Mapping[str, Any]] | None) -> tuple[str, str] | None:
    """The cell of the first selected point of a heatmap selection event, or None.

    A point carries the cell in ``customdata`` (phase code, element code) when the chart put it
    there, else its ``x`` (element label) and ``y`` (phase label) are read back.
    """
    for point in points or ():
        custom = point.get("customdata")
        if isinstance(custom, list | tuple) and len(custom) >= 2:
            phase, element = str(custom[0]), str(custom[1])
            if phase in analysis.PHASE_KEYS and element in analysis.ELEMENT_KEYS:
                return phase, element
        by_label = _PHASE_BY_LABEL.get(str(point.get("y"))), _ELEMENT_BY_LABEL.get(str(point.get("x")))
        if by_label[0] is not None and by_label[1] is not None:
            phase, element = by_label[0], by_label[1]
            return phase, element
    return None
