"""Explanations of mapped values and the Projecten table: what was written, what it became and why.

Every row of the long frames (phases, elements, roles) carries ``original``, ``rule``, ``split``,
``source`` and ``column``; :func:`explanation` turns those into one Dutch sentence, e.g.
``'Visiefase' → Visie (synoniem, uit kolom Fase)``, ``markering in kolom Visie``,
``'afronding' → Uitvoering (handmatig toegewezen, uit kolom Fase)`` or ``geen rol opgegeven``.
:func:`project_table` builds the table of all projects with their phases, elements and role per
phase, each next to its explanation, and the original extra columns.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

import pandas as pd

from regie import vocabulary as voc
from regie.formatting import nl_date
from regie.mapping import SOURCE_TEXT
from regie.model import Inventory
from regie.normalise import norm

RULE_UNKNOWN = "niet herkend"
"""Shown instead of a rule when a value matched nothing."""

NO_PHASE = "geen fase opgegeven"
NO_ELEMENT = "geen element opgegeven"
NO_ROLE = "geen rol opgegeven"

LIST_SEPARATOR = "; "
"""Between several values (or explanations) in one cell."""

PHASE_ROLE_COLUMN = "Rol {phase}"
PHASE_ROLE_EXPLAINED = "Uitleg rol {phase}"

DATE_COLUMNS: tuple[str, ...] = ("Start", "Eind")
MONEY_COLUMNS: tuple[str, ...] = ("Budget",)


def _text(value: object) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)) or value is pd.NaT:
        return ""
    return str(value)


def _cell(value: object) -> str:
    """An extra column's cell as Dutch text (dates as 23-11-2026, numbers with a decimal comma)."""
    if isinstance(value, dt.datetime | dt.date):
        return nl_date(value)
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, float) and not pd.isna(value):
        return str(int(value)) if value.is_integer() else str(value).replace(".", ",")
    return _text(value)


def explanation(
    original: object, label: str, rule: object, split: object, source: object, column: object,
) -> str:
    """One Dutch sentence explaining how a cell became ``label``."""
    source_text = _text(source)
    column_text = _text(column)
    if source_text == "geen_rol":
        return NO_ROLE
    if source_text == "markering":
        return f"markering in kolom {column_text}" if column_text else "markering"
    if source_text == "suggestie":
        word = _text(original)
        return f"suggestie geaccepteerd (woord '{word}')" if word else "suggestie geaccepteerd"
    parts = [_text(rule) or RULE_UNKNOWN]
    if split is True or (isinstance(split, bool | int) and bool(split)):
        parts.append("deel van de cel")
    where = SOURCE_TEXT.get(source_text, source_text)
    if column_text:
        where = f"{where} {column_text}".strip()
    if where:
        parts.append(where)
    return f"'{_text(original)}' → {label} ({', '.join(parts)})"


_PHASE_NOTES: dict[str, str] = {norm(k): v for k, v in voc.PHASE_NOTES.items()}


def phase_note(original: object) -> str:
    """The sentence that explains a phase value the app reads in its own way (evaluatie → beleid), or ``""``."""
    return _PHASE_NOTES.get(norm(str(original)), "") if original is not None else ""


def _explained(
    frame: pd.DataFrame, code_column: str, label: Callable[[str], str], notes: Callable[[object], str] | None = None,
) -> pd.DataFrame:
    """The frame with ``label`` and ``uitleg`` columns added (one explanation per row, each distinct
    combination worded once); ``notes`` adds a sentence for an original that needs one."""
    if frame.empty:
        return frame.assign(label=pd.Series([], dtype=object), uitleg=pd.Series([], dtype=object))
    names = {code: label(code) for code in pd.unique(frame[code_column])}
    labels = [names[c] for c in frame[code_column]]
    cache: dict[tuple, str] = {}
    texts = []
    for key in zip(
        frame["original"], labels, frame["rule"], frame["split"], frame["source"], frame["column"], strict=True,
    ):
        text = cache.get(key)
        if text is None:
            text = explanation(*key)
            note = notes(key[0]) if notes is not None else ""
            text = cache[key] = f"{text}. {note}" if note else text
        texts.append(text)
    return frame.assign(label=labels, uitleg=texts)


def _join_per_project(projects: Iterable[str], values: Iterable[str]) -> dict[str, str]:
    """Per project its distinct values in the given order, joined."""
    parts: dict[str, list[str]] = {}
    for project, value in zip(projects, values, strict=True):
        seen = parts.setdefault(project, [])
        if value not in seen:
            seen.append(value)
    return {project: LIST_SEPARATOR.join(found) for project, found in parts.items()}


def _joined(frame: pd.DataFrame, order_column: str, order: dict[str, int]) -> pd.DataFrame:
    """Per project: the labels and explanations joined in vocabulary order."""
    if frame.empty:
        return pd.DataFrame(columns=["label", "uitleg"], dtype=object)
    ordered = (
        frame.assign(_o=frame[order_column].map(order).fillna(len(order)))
        .sort_values(["project", "_o"], kind="stable")
    )
    labels = _join_per_project(ordered["project"], ordered["label"])
    texts = _join_per_project(ordered["project"], ordered["uitleg"])
    return pd.DataFrame({"label": pd.Series(labels, dtype=object), "uitleg": pd.Series(texts, dtype=object)})


def _choice_labels(choices: tuple[voc.Choice, ...]) -> dict[str, str]:
    return {c.code: c.label for c in choices}


_SINGLE_LABELS: dict[str, dict[str, str]] = {
    "regie": _choice_labels(voc.REGIE_KINDS),
    "beleidskader": _choice_labels(voc.BELEIDSKADERS),
    "doorzettingsmacht": _choice_labels(voc.DOORZETTINGSMACHT),
    "gedeelde_visie": voc.ANSWER_LABELS,
    **dict.fromkeys(voc.DECISION_FIELDS, voc.ANSWER_LABELS),
    "nabijheid": voc.ANSWER_LABELS,
    "vorm": _choice_labels(voc.COOPERATION_FORMS),
}
"""Single-value closed fields shown in the table, with their labels."""
_MULTI_LABELS: dict[str, dict[str, str]] = {
    "task_kinds": _choice_labels(voc.TASK_KINDS), "government_roles": _choice_labels(voc.GOVERNMENT_ROLES),
}
COVERAGE_COLUMN = "Dekking {element}"
COVERAGE_EXPLAINED = "Uitleg dekking A–D"
COVERAGE_LABELS: dict[str, str] = {"aanwezig": "Aanwezig", "ontbreekt": "Ontbreekt", "onbekend": "Onbekend",
                                   "nvt": "N.v.t."}


def _to_datetime(values: pd.Series) -> pd.Series:
    def one(value: object) -> object:
        if isinstance(value, dt.datetime):
            return pd.Timestamp(value)
        if isinstance(value, dt.date):
            return pd.Timestamp(value.year, value.month, value.day)
        return pd.NaT

    return pd.to_datetime(values.map(one), errors="coerce")


def _source(sheet: object, row: object, rows: object) -> str:
    sheet_text = _text(sheet)
    try:
        first, count = int(row), int(rows)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return sheet_text
    if count > 1:
        return f"{sheet_text}, rijen vanaf {first} ({count} rijen)"
    return f"{sheet_text}, rij {first}"


def project_columns() -> list[str]:
    """The fixed columns of :func:`project_table`, in order (extra columns follow)."""
    columns = ["ID", "Naam", "Domein", "Gebied", "Fasen", "Uitleg fasen", "Elementen", "Uitleg elementen"]
    for phase in voc.PHASES:
        columns += [PHASE_ROLE_COLUMN.format(phase=phase.label), PHASE_ROLE_EXPLAINED.format(phase=phase.label)]
    columns += [COVERAGE_COLUMN.format(element=e) for e in voc.ELEMENT_CODES] + [COVERAGE_EXPLAINED]
    columns += [
        "Interne/externe regie", "Taaksoort", "Overheidsrol", "Beleidskader", "Doorzettingsmacht",
        "Afdelingen", "Aantal afdelingen", "Gedeelde visie",
        *(voc.FIELD_LABELS[f] for f in (*voc.DECISION_FIELDS, "nabijheid", "vorm")),
        "Trekker", "Start", "Eind", "Budget", "Partners", "Bron",
    ]
    return columns


def kept_projects(table: pd.DataFrame, inv: Inventory, keep: Iterable[str]) -> pd.DataFrame:
    """The rows of ``table`` (:func:`project_table` of all of ``inv``) for the projects in ``keep``:
    the same as ``project_table(inv, keep)``, without building it again."""
    mask = inv.projects["project"].isin(set(keep)).to_numpy()
    return table.loc[mask].reset_index(drop=True)


def project_table(
    inv: Inventory, keep: Iterable[str] | None = None, coverage: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """All projects of ``inv`` (or only those whose key is in ``keep``) with their canonical values,
    each explained, and the extra columns.

    ``coverage`` is the element coverage of :func:`regie.analysis.elements.coverage` (``project``,
    ``element``, ``status``, ``reden``); with it the table gains a status column per element A–D and
    one column with the reasons (the app's own reading, named so in the column help and exports).

    Pass the unfiltered inventory and the filtered project keys to show every kept project whole
    (all its phases and roles, not only the filtered phase).

    Phases and elements are joined in vocabulary order (``Visie; Beleid``); per phase one role
    column and one explanation column (empty when the project is not in that phase). Start and
    eind are datetimes and budget a float, so the table sorts correctly; the UI formats them.
    Extra columns keep their header as written (suffixed `` (extra)`` if it clashes).
    """
    projects = inv.projects
    if keep is not None:
        projects = projects[projects["project"].isin(set(keep))].reset_index(drop=True)
    keys = projects["project"]

    phase_order = {p: i for i, p in enumerate(voc.PHASE_CODES)}
    element_order = {e: i for i, e in enumerate(voc.ELEMENT_CODES)}
    phases = _joined(_explained(inv.phases, "phase", voc.phase_label, phase_note), "phase", phase_order)
    elements = _joined(_explained(inv.elements, "element", voc.element_label), "element", element_order)

    role_order = {r: i for i, r in enumerate([*voc.ROLE_CODES, voc.UNKNOWN])}
    roles = _explained(inv.roles, "role", voc.role_label)

    table = pd.DataFrame({
        "ID": projects["id"].map(_text).to_numpy(),
        "Naam": projects["naam"].map(_text).to_numpy(),
        "Domein": projects["domein"].map(_text).to_numpy(),
        "Gebied": projects["gebied"].map(_text).to_numpy(),
        "Fasen": _lookup(keys, phases["label"], voc.phase_label(voc.UNKNOWN)),
        "Uitleg fasen": _lookup(keys, phases["uitleg"], NO_PHASE),
        "Elementen": _lookup(keys, elements["label"], voc.element_label(voc.UNDETERMINED)),
        "Uitleg elementen": _lookup(keys, elements["uitleg"], NO_ELEMENT),
    })
    for phase in voc.PHASES:
        in_phase = roles[roles["phase"] == phase.code] if len(roles) else roles
        joined = _joined(in_phase, "role", role_order)
        table[PHASE_ROLE_COLUMN.format(phase=phase.label)] = _lookup(keys, joined["label"], "")
        table[PHASE_ROLE_EXPLAINED.format(phase=phase.label)] = _lookup(keys, joined["uitleg"], "")
    if coverage is None:  # the columns stay, empty: the caller did not compute the coverage
        coverage = pd.DataFrame(columns=["project", "element", "status", "reden"])
    for element in voc.ELEMENT_CODES:
        part = coverage[coverage["element"] == element].set_index("project")
        table[COVERAGE_COLUMN.format(element=element)] = _lookup(keys, part["status"].map(COVERAGE_LABELS), "")
    reasons = coverage.assign(text=coverage["element"].astype(str) + ": " + coverage["reden"].astype(str))
    table[COVERAGE_EXPLAINED] = _lookup(keys, pd.Series(_join_per_project(reasons["project"], reasons["text"]),
                                                        dtype=object), "")
    table["Interne/externe regie"] = _labelled(projects, "regie")
    table["Taaksoort"] = _lookup(keys, _multi(inv.task_kinds, "task_kinds"), "")
    table["Overheidsrol"] = _lookup(keys, _multi(inv.government_roles, "government_roles"), "")
    table["Beleidskader"] = _labelled(projects, "beleidskader")
    table["Doorzettingsmacht"] = _labelled(projects, "doorzettingsmacht")
    departments = inv.departments.drop_duplicates(["project", "key"])
    table["Afdelingen"] = _lookup(keys, pd.Series(_join_per_project(departments["project"],
                                                                    departments["naam"].astype(str)), dtype=object), "")
    table["Aantal afdelingen"] = keys.map(departments["project"].value_counts()).fillna(0).astype(int).to_numpy()
    table["Gedeelde visie"] = _labelled(projects, "gedeelde_visie")
    for field in (*voc.DECISION_FIELDS, "nabijheid", "vorm"):
        table[voc.FIELD_LABELS[field]] = _labelled(projects, field)
    table["Trekker"] = projects["trekker"].map(_text).to_numpy()
    table["Start"] = _to_datetime(projects["start"]).to_numpy()
    table["Eind"] = _to_datetime(projects["eind"]).to_numpy()
    table["Budget"] = pd.to_numeric(projects["budget"], errors="coerce").astype(float).to_numpy()
    table["Partners"] = _lookup(keys, _partner_names(inv), "")
    table["Bron"] = [
        _source(s, r, n) for s, r, n in zip(projects["sheet"], projects["row"], projects["rows"], strict=True)
    ]
    return _with_extra(table, keys, inv.extra)


def _labelled(projects: pd.DataFrame, field: str) -> object:
    """A single-value closed field as its labels (empty when the column is absent or the cell empty)."""
    if field not in projects:
        return [""] * len(projects)
    names = _SINGLE_LABELS[field]
    return projects[field].map(lambda v: names.get(v, _text(v))).to_numpy()


def _multi(frame: pd.DataFrame, kind: str) -> pd.Series:
    """Per project key the labels of a multi-valued field (task kinds, government roles), joined in order."""
    if frame.empty:
        return pd.Series(dtype=object)
    names = _MULTI_LABELS[kind]
    order = {c: i for i, c in enumerate(names)}
    ordered = frame.assign(_o=frame["code"].map(order).fillna(len(order))).sort_values(["project", "_o"], kind="stable")
    return pd.Series(_join_per_project(ordered["project"], ordered["code"].map(lambda c: names.get(c, str(c)))),
                     dtype=object)


def _lookup(keys: pd.Series, values: pd.Series, default: str) -> object:
    """``values`` looked up per project key, ``default`` where a key has none (always text)."""
    return keys.map(values).astype(object).where(keys.isin(values.index), default).to_numpy()


def _partner_names(inv: Inventory) -> pd.Series:
    """Per project key the names of its partners (as shown: hidden when names are hidden)."""
    links = inv.involvements
    if links.empty:
        return pd.Series(dtype=object)
    names = links.dropna(subset=["naam"]).drop_duplicates(["project", "partner"])
    return pd.Series(_join_per_project(names["project"], names["naam"].astype(str)), dtype=object)


def _with_extra(table: pd.DataFrame, keys: pd.Series, extra: pd.DataFrame) -> pd.DataFrame:
    columns = [c for c in extra.columns if c != "project"]
    if not columns:
        return table
    per_project = extra.drop_duplicates("project").set_index("project")
    taken = set(table.columns)
    for column in columns:
        name = str(column)
        while name in taken:
            name = f"{name} (extra)"
        taken.add(name)
        table[name] = keys.map(per_project[column]).map(_cell).to_numpy()
    return table


_FIELD_BREAK = "\x1f"
"""Between the columns of a row when searching, so a match never spans two cells."""


def text_columns(table: pd.DataFrame) -> list[str]:
    """The columns a search looks in (all text columns)."""
    return [c for c in table.columns if table[c].dtype == object]


def search_projects(table: pd.DataFrame, query: str) -> pd.DataFrame:
    """Rows where any text column contains ``query`` (case-insensitive, literally — not a pattern)."""
    needle = query.strip().replace(_FIELD_BREAK, "")
    columns = text_columns(table)
    if not needle or table.empty or not columns:
        return table
    haystack = table[columns[0]].astype(str)
    for column in columns[1:]:
        haystack = haystack + _FIELD_BREAK + table[column].astype(str)
    hit = haystack.str.casefold().str.contains(needle.casefold(), regex=False)
    return table[hit.to_numpy()].reset_index(drop=True)
