"""The vocabularies the mappers match against, built once from :mod:`regie.vocabulary`."""

from __future__ import annotations

from collections.abc import Iterable

from regie import vocabulary as voc
from regie.normalise import (
    Vocabulary,
    match_element_text,
)

# --------------------------------------------------------------------------------------------
# Vocabularies (built once from regie.vocabulary)
# --------------------------------------------------------------------------------------------


def _choices(choices: Iterable[voc.Choice]) -> dict[str, tuple[str, ...]]:
    return {c.code: (c.code, c.label, *c.synonyms) for c in choices}


PHASE_VOCAB = Vocabulary(
    "fase", {p.code: (*p.synonyms, p.label) for p in voc.PHASES},
    canonical={p.code: p.label for p in voc.PHASES},
)
ELEMENT_VOCAB = Vocabulary(
    "element", {e.code: (e.code,) for e in voc.ELEMENTS}, special=match_element_text
)
ROLE_VOCAB = Vocabulary(
    "rol", {r.code: (*r.synonyms, r.label) for r in voc.ROLES},
    canonical={r.code: r.label for r in voc.ROLES},
)
PARTNER_TYPE_VOCAB = Vocabulary("partnertype", _choices(voc.PARTNER_TYPES))
PARTNER_ROLE_VOCAB = Vocabulary("partnerrol", _choices(voc.PARTNER_ROLES))
REGIE_VOCAB = Vocabulary("regie", _choices(voc.REGIE_KINDS))
TASK_VOCAB = Vocabulary("taaksoort", _choices(voc.TASK_KINDS))
KADER_VOCAB = Vocabulary("beleidskader", _choices(voc.BELEIDSKADERS))
MACHT_VOCAB = Vocabulary("doorzettingsmacht", _choices(voc.DOORZETTINGSMACHT))
WERKGEBIED_VOCAB = Vocabulary("werkgebied", _choices(voc.WERKGEBIEDEN))
SKILL_VOCAB = Vocabulary("vaardigheid", {s: (s, *voc.SKILL_SYNONYMS[s]) for s in voc.SKILLS})

REVIEWABLE: dict[str, Vocabulary] = {
    "fase": PHASE_VOCAB,
    "element": ELEMENT_VOCAB,
    "rol": ROLE_VOCAB,
    "partnertype": PARTNER_TYPE_VOCAB,
}
"""Vocabularies whose unknown values a person can map in the review (value_mappings keys)."""

CLOSED_FIELDS: dict[str, tuple[Vocabulary, str]] = {
    "regie": (REGIE_VOCAB, "intern, extern of beide"),
    "taaksoort": (TASK_VOCAB, "publiekrechtelijk, privaatrechtelijk of belanghebbend"),
    "beleidskader": (KADER_VOCAB, "eigen of ander"),
    "doorzettingsmacht": (MACHT_VOCAB, "groot, beperkt of afwezig"),
}
