"""Which table a sheet holds and what a column header means (docs/inventaris.md, Sheets and Columns)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from regie import vocabulary as voc
from regie.normalise import fold, match_element_text, norm, norm_header

# --------------------------------------------------------------------------------------------
# Sheets
# --------------------------------------------------------------------------------------------

_SHEET_NAMES: list[tuple[str, str]] = sorted(
    ((name, table) for table, names in voc.SHEET_NAMES.items() for name in names),
    key=lambda item: -len(item[0]),
)


def classify_sheet(name: str) -> str | None:
    """The table a sheet name means, or None.

    A name matches when, normalised, it equals a table's sheet name, or when as written it begins
    with one followed by a space, ``_``, ``-`` or a digit; the longest matching name wins.
    """
    key = norm(name)
    written = fold(name).strip()
    best: tuple[int, str] | None = None
    for candidate, table in _SHEET_NAMES:
        cand_key = norm(candidate)
        cand_written = fold(candidate)
        hit = key == cand_key or (
            written.startswith(cand_written)
            and len(written) > len(cand_written)
            and (written[len(cand_written)] in " _-" or written[len(cand_written)].isdigit())
        )
        if hit and (best is None or len(candidate) > best[0]):
            best = (len(candidate), table)
    return best[1] if best else None


# --------------------------------------------------------------------------------------------
# Column headers
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class HeaderMeaning:
    """What a header means: a field (with its priority) or a mark / per-phase role / skill column."""

    field: str
    kind: str = "field"
    arg: str | None = None
    priority: int = 0
    """Position of the header in the field's synonym list (0 = preferred)."""


_FIELD_HEADERS: dict[str, dict[str, HeaderMeaning]] = {
    table: {
        norm_header(header): HeaderMeaning(field_name, "field", None, position)
        for field_name, headers in reversed(list(fields.items()))
        for position, header in enumerate(headers)
    }
    for table, fields in voc.COLUMNS.items()
}
# The reversed() above lets the first-listed field win when two fields share a header.

_PHASE_HEADER_EXCLUDED = frozenset(norm(w) for w in voc.PHASE_MARK_HEADER_EXCLUDED)

_PHASE_WORDS: dict[str, str] = {}
for _phase in voc.PHASES:
    for _word in (*_phase.synonyms, _phase.fase_in_het_proces, _phase.regie_op, _phase.label):
        _key = norm(_word)
        if _key and _key not in _PHASE_HEADER_EXCLUDED:
            _PHASE_WORDS.setdefault(_key, _phase.code)

_PHASE_ALT = "|".join(sorted((re.escape(k) for k in _PHASE_WORDS), key=len, reverse=True))
_FASE_WORDS = "|".join(norm(w) for w in voc.PHASE_HEADER_WORDS)
_PHASE_MARK_RE = re.compile(rf"^(?:(?:{_FASE_WORDS})(?:van|de)*)?({_PHASE_ALT})(?:{_FASE_WORDS})?$")
_ROLE_PREFIX = "|".join(
    sorted((re.escape(norm(w)) for w in voc.ROLE_HEADER_PREFIXES), key=len, reverse=True)
)
_ROLE_PHASE_RE = re.compile(
    rf"^(?:{_ROLE_PREFIX})(?:in|tijdens|op|voor)?(?:de)?({_PHASE_ALT})(?:{_FASE_WORDS})?$"
)
_PHASE_ROLE_RE = re.compile(rf"^(?:{_FASE_WORDS})?({_PHASE_ALT})(?:{_FASE_WORDS})?(?:{_ROLE_PREFIX})$")
_ELEMENT_HEADER_PREFIX = re.compile(
    r"^\s*(?:" + "|".join(re.escape(p) for p in voc.ELEMENT_HEADER_PREFIXES) + r")\s*[:.]?\s*",
    re.IGNORECASE,
)
_SKILL_HEADERS: dict[str, str] = {
    norm(word): skill for skill, words in voc.SKILL_SYNONYMS.items() for word in (skill, *words)
}


@lru_cache(maxsize=4096)
def match_header(text: str, table: str) -> HeaderMeaning | None:
    """The meaning of a column header in a table, or None for a column kept as extra column."""
    key = norm_header(text)
    if not key:
        return None
    found = _FIELD_HEADERS[table].get(key)
    if found is not None:
        return found
    if table == "projects":
        m = _ROLE_PHASE_RE.match(key) or _PHASE_ROLE_RE.match(key)
        if m:
            return HeaderMeaning("rol", "phase_role", _PHASE_WORDS[m.group(1)])
        m = _PHASE_MARK_RE.match(key)
        if m:
            return HeaderMeaning("fase", "phase_mark", _PHASE_WORDS[m.group(1)])
        element = _element_header(text)
        if element is not None:
            return HeaderMeaning("element", "element_mark", element)
    if table == "team" and key in _SKILL_HEADERS:
        return HeaderMeaning("vaardigheid", "skill", _SKILL_HEADERS[key])
    return None


def _element_header(text: str) -> str | None:
    stripped = text.strip().rstrip("*").strip()
    rest = _ELEMENT_HEADER_PREFIX.sub("", stripped)
    found = match_element_text(rest) if rest else None
    if found is None:
        found = match_element_text(stripped)
    return found[0] if found else None


def is_name_meaning(meaning: HeaderMeaning | None, table: str) -> bool:
    """True when the header is one of the table's name columns (the header-row anchor)."""
    return meaning is not None and meaning.kind == "field" and meaning.field in voc.NAME_FIELD[table]


_PERSONAL_HEADERS: frozenset[str] = frozenset(
    norm_header(header)
    for columns in voc.COLUMNS.values()
    for name, headers in columns.items()
    if name in voc.PERSONAL_FIELDS
    for header in headers
)
"""Normalised headers of the personal-data fields (a duplicate of one is kept as an extra column)."""
_PERSONAL_STEMS: tuple[str, ...] = voc.PERSONAL_HEADER_STEMS
"""Parts of extra-column headers that name personal data ("E-mailadres", "Telefoon trekker")."""


def is_personal_header(header: str) -> bool:
    """True when an extra column's header names personal data."""
    key = norm_header(header)
    return key in _PERSONAL_HEADERS or any(stem in key for stem in _PERSONAL_STEMS)
