"""The adviser's review: mapping unknown values to the vocabulary and deciding on element suggestions.

``mapping_review`` lists every unknown value of the file (phase, element, role, partner type) with
how often it occurs and the person's current choice, so a mapped value stays listed and the choice
can be undone. ``suggestion_review`` lists the element suggestions from text with their status.
Both return plain frames; the Inventaris page renders them.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping

import pandas as pd

from regie import vocabulary as voc
from regie.formatting import nl_int, nl_join
from regie.mapping.explain import phase_note
from regie.model import Inventory, Issue
from regie.normalise import norm

_CHOICES: dict[str, tuple[voc.Choice, ...]] = {
    "partnertype": voc.PARTNER_TYPES, "werkgebied": voc.WERKGEBIEDEN, "regie": voc.REGIE_KINDS,
    "taaksoort": voc.TASK_KINDS, "overheidsrol": voc.GOVERNMENT_ROLES, "beleidskader": voc.BELEIDSKADERS,
    "doorzettingsmacht": voc.DOORZETTINGSMACHT, "vorm": voc.COOPERATION_FORMS,
    **dict.fromkeys(voc.ANSWER_FIELDS, voc.ANSWERS),
    "invloed": voc.SCALE, "belang": voc.SCALE,
}
"""The closed vocabularies besides phase, element and role whose values a person can map."""

REVIEW_FIELDS: dict[str, str] = {
    field: voc.FIELD_LABELS[field]
    for field in ("fase", "element", "rol", "partnertype", "werkgebied", "regie", "taaksoort", "overheidsrol",
                  "beleidskader", "doorzettingsmacht", "gedeelde_visie", *voc.DECISION_FIELDS, "nabijheid", "vorm",
                  "invloed", "belang")
}
"""The fields whose unknown values a person can map, with their Dutch labels, in review order (the
vocabularies of ``mapping.vocabularies.REVIEWABLE``)."""

NO_CHOICE_LABEL = "— niet toewijzen —"
"""The first option of every mapping selectbox."""
NO_CHOICE = ""
"""The code of that first option (no mapping)."""

MAPPING_COLUMNS: tuple[str, ...] = (
    "field", "field_label", "value", "variants", "count", "choice", "original", "note", "key",
)
SUGGESTION_COLUMNS: tuple[str, ...] = (
    "project", "naam", "element", "element_label", "keyword", "status", "key",
)

STATUS_OPEN = "open"
STATUS_ACCEPTED = "geaccepteerd"


def field_options(field: str) -> dict[str, str]:
    """Canonical codes a value of ``field`` can be mapped to, with their Dutch labels, in order."""
    if field == "fase":
        return {p.code: p.label for p in voc.PHASES}
    if field == "element":
        return {e.code: voc.element_label(e.code) for e in voc.ELEMENTS}
    if field == "rol":
        return {r.code: r.label for r in voc.ROLES}
    return {c.code: c.label for c in _CHOICES[field]}


def choice_options(field: str) -> list[str]:
    """The options of a mapping selectbox: "niet toewijzen" first, then the canonical codes."""
    return [NO_CHOICE, *field_options(field)]


def option_label(field: str, code: str | None) -> str:
    """Label of an option in a mapping selectbox (``""`` or None is "niet toewijzen")."""
    if not code:
        return NO_CHOICE_LABEL
    return field_options(field).get(code, code)


_AMBIGUOUS: dict[str, tuple[str, ...]] = {norm(k): v for k, v in voc.AMBIGUOUS_ROLES.items()}


def ambiguity_note(field: str, value: str) -> str:
    """For a role that fits two roles (``Presterende overheid``), which two; otherwise ``""``."""
    if field != "rol":
        return ""
    roles = _AMBIGUOUS.get(norm(value))
    if not roles:
        return ""
    first, second = (voc.role_label(r) for r in roles)
    return f"Past bij twee rollen: {first} of {second}. Kies de rol die de gemeente hier echt heeft."


def phase_reading_notes(inv: Inventory) -> list[tuple[str, int, str]]:
    """Phase values of the file that the app reads in its own way: ``(value as written, count, note)``."""
    if inv.phases.empty:
        return []
    counts = inv.phases["original"].dropna().astype(str).value_counts()
    return [(str(value), int(count), phase_note(value)) for value, count in counts.items() if phase_note(value)]


def widget_key(prefix: str, *parts: str) -> str:
    """A stable, unique widget key for user text (hash-based, so any text is safe in a key)."""
    digest = hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]
    return f"{prefix}_{digest}"


def mapping_review(
    unknown: pd.DataFrame, mappings: Mapping[str, Mapping[str, str]], key_prefix: str = "mapping",
) -> pd.DataFrame:
    """Every unknown value with its count and current choice; values already mapped stay listed.

    ``unknown`` has ``field``, ``value`` and ``count`` (the file's unknown values before any
    mapping); ``mappings`` the person's choices (``{"fase": {"afronding": "uitvoering"}}``).
    Spellings that normalise alike ("Afronding", "afronding") are one row, as the mapper treats
    them alike; ``value`` is the most frequent spelling, ``variants`` all of them, and
    ``original`` the text to pass to ``set_mapping`` (the spelling already mapped, if any).
    """
    rows: list[dict[str, object]] = []
    for field in REVIEW_FIELDS:
        chosen = {norm(k): (k, v) for k, v in (mappings.get(field) or {}).items() if norm(k)}
        part = unknown[unknown["field"] == field] if len(unknown) else unknown
        groups: dict[str, dict[str, int]] = {}
        for value, count in zip(part["value"], part["count"], strict=True):
            text = str(value)
            key = norm(text)
            if not key:
                continue
            spellings = groups.setdefault(key, {})
            spellings[text] = spellings.get(text, 0) + int(count)
        for key, (mapped, _code) in chosen.items():
            groups.setdefault(key, {mapped: 0})
        for key, spellings in groups.items():
            ordered = sorted(spellings.items(), key=lambda item: (-item[1], item[0]))
            value = ordered[0][0]
            original, code = chosen.get(key, (value, None))
            rows.append({
                "field": field,
                "field_label": REVIEW_FIELDS[field],
                "value": value,
                "variants": [s for s, _ in ordered],
                "count": sum(spellings.values()),
                "choice": code if code in field_options(field) else None,
                "original": original,
                "note": ambiguity_note(field, value),
                "key": widget_key(key_prefix, field, key),
            })
    frame = pd.DataFrame(rows, columns=list(MAPPING_COLUMNS))
    if len(frame):
        order = {f: i for i, f in enumerate(REVIEW_FIELDS)}
        frame = (
            frame.assign(_o=frame["field"].map(order), _c=-frame["count"].astype(int))
            .sort_values(["_o", "_c", "value"], kind="stable").drop(columns=["_o", "_c"])
            .reset_index(drop=True)
        )
    return frame


def review_rows(review: pd.DataFrame, field: str) -> tuple[pd.DataFrame, int]:
    """The reviewed values of one field, and how many of them are mapped."""
    rows = review[review["field"] == field]
    return rows, int(rows["choice"].notna().sum())


def suggestions_with(suggestions: pd.DataFrame, status: str) -> pd.DataFrame:
    """The element suggestions with one status (open, geaccepteerd)."""
    return suggestions[suggestions["status"] == status]


def mapping_summary(review: pd.DataFrame) -> dict[str, int]:
    """How many reviewed values there are, how many are mapped and how many still open."""
    mapped = int(review["choice"].notna().sum()) if len(review) else 0
    return {"waarden": len(review), "toegewezen": mapped, "open": len(review) - mapped}


def suggestion_review(
    inv: Inventory,
    accepted: Mapping[str, Iterable[str]],
    dismissed: Iterable[tuple[str, str]],
    key_prefix: str = "suggestie",
) -> pd.DataFrame:
    """The element suggestions a person still sees: open ones first, then accepted ones.

    Rejected suggestions are left out. Suggestions only exist for projects without an element
    from the file; an accepted suggestion counts as the project's element on every page.
    """
    gone = set(dismissed)
    taken = {(p, e) for p, codes in accepted.items() for e in codes}
    sugg = inv.suggestions
    if sugg.empty:
        return pd.DataFrame(columns=list(SUGGESTION_COLUMNS))
    names = inv.projects.set_index("project")["naam"]
    pairs = list(zip(sugg["project"], sugg["element"], strict=True))
    keep = [pair not in gone for pair in pairs]
    frame = sugg[keep].reset_index(drop=True)
    if frame.empty:
        return pd.DataFrame(columns=list(SUGGESTION_COLUMNS))
    frame = frame.assign(
        naam=frame["project"].map(names).fillna("").astype(str),
        element_label=frame["element"].map(voc.element_label),
        status=[
            STATUS_ACCEPTED if (p, e) in taken else STATUS_OPEN
            for p, e in zip(frame["project"], frame["element"], strict=True)
        ],
        key=[widget_key(key_prefix, p, e) for p, e in zip(frame["project"], frame["element"], strict=True)],
    )
    frame = frame.assign(_s=(frame["status"] == STATUS_ACCEPTED).astype(int))
    frame = frame.sort_values(["_s", "naam", "element"], kind="stable").drop(columns="_s")
    return frame[list(SUGGESTION_COLUMNS)].reset_index(drop=True)


def suggestion_summary(
    inv: Inventory, accepted: Mapping[str, Iterable[str]], dismissed: Iterable[tuple[str, str]],
) -> dict[str, int]:
    """Counts of open, accepted and rejected suggestions of this inventory."""
    pairs = set(zip(inv.suggestions["project"], inv.suggestions["element"], strict=True))
    taken = {(p, e) for p, codes in accepted.items() for e in codes} & pairs
    gone = set(dismissed) & pairs
    return {
        "open": len(pairs - taken - gone),
        "geaccepteerd": len(taken),
        "afgewezen": len(gone),
    }


def dismissed_suggestions(inv: Inventory, dismissed: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    """The rejected (project, element) suggestions that belong to this inventory, sorted."""
    pairs = set(zip(inv.suggestions["project"], inv.suggestions["element"], strict=True))
    return sorted(p for p in dismissed if p in pairs)


PLACES_LISTED = 6
"""How many rows a place names before it says how many more there are."""


def value_places(issues: Iterable[Issue], variants: Iterable[str]) -> str:
    """Where a value to map occurs, from the warnings about it: ``blad 'Projecten', rij 3, 7 en 12``
    (sheets in workbook order); ``""`` when no warning names it (it is already mapped)."""
    wanted = {norm(v) for v in variants if norm(v)}
    rows: dict[str, list[int]] = {}
    for issue in issues:
        if issue.table is None or issue.sheet is None or issue.row is None or issue.value is None:
            continue
        cell = norm(str(issue.value))
        if cell in wanted or any(w in cell for w in wanted):
            found = rows.setdefault(issue.sheet, [])
            if issue.row not in found:
                found.append(issue.row)
    parts = []
    for sheet, numbers in rows.items():
        shown = [nl_int(n) for n in sorted(numbers)[:PLACES_LISTED]]
        more = len(numbers) - len(shown)
        listed = nl_join(shown) if not more else ", ".join(shown) + f" en {nl_int(more)} andere"
        parts.append(f"blad '{sheet}', {'rij' if len(numbers) == 1 else 'rijen'} {listed}")
    return "; ".join(parts)
