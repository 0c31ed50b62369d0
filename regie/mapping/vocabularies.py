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
WERKGEBIED_VOCAB = Vocabulary("werkgebied", _choices(voc.WERKGEBIEDEN))
SCALE_FIELDS: tuple[str, ...] = ("invloed", "belang")
"""Fields of the involvement table scored 1–5 (:data:`regie.vocabulary.SCALE`)."""
SCALE_VOCABS: dict[str, Vocabulary] = {name: Vocabulary(name, _choices(voc.SCALE)) for name in SCALE_FIELDS}
SKILL_VOCAB = Vocabulary("vaardigheid", {s: (s, *voc.SKILL_SYNONYMS[s]) for s in voc.SKILLS})


def _answers(name: str) -> Vocabulary:
    return Vocabulary(name, _choices(voc.ANSWERS))


_ANSWER_WORDS = "ja, deels of nee"

CLOSED_FIELDS: dict[str, tuple[Vocabulary, str]] = {
    "regie": (Vocabulary("regie", _choices(voc.REGIE_KINDS)), "intern, extern of beide"),
    "beleidskader": (Vocabulary("beleidskader", _choices(voc.BELEIDSKADERS)), "eigen of ander"),
    "doorzettingsmacht": (Vocabulary("doorzettingsmacht", _choices(voc.DOORZETTINGSMACHT)),
                          "groot, beperkt of afwezig"),
    **{name: (_answers(name), _ANSWER_WORDS) for name in voc.ANSWER_FIELDS},
    "vorm": (Vocabulary("vorm", _choices(voc.COOPERATION_FORMS)),
             "samenwerking met andere gemeenten, een gemeenschappelijke regeling, in samenwerking met een "
             "bedrijf, of overlaten aan partners of inwoners"),
}
"""Single-value fields of the projects table with a closed vocabulary, and the words to use."""

MULTI_CHOICE_FIELDS: dict[str, tuple[Vocabulary, str]] = {
    "taaksoort": (Vocabulary("taaksoort", _choices(voc.TASK_KINDS)),
                  "publiekrechtelijk, privaatrechtelijk of belanghebbend (ook meer dan één)"),
    "overheidsrol": (Vocabulary("overheidsrol", _choices(voc.GOVERNMENT_ROLES)),
                     "presterende, samenwerkende, participerende/responsieve of rechtmatige overheid "
                     "(ook meer dan één)"),
}
"""Fields of the projects table that may hold several values of a closed vocabulary in one cell."""

REVIEWABLE: dict[str, Vocabulary] = {
    "fase": PHASE_VOCAB,
    "element": ELEMENT_VOCAB,
    "rol": ROLE_VOCAB,
    "partnertype": PARTNER_TYPE_VOCAB,
    "werkgebied": WERKGEBIED_VOCAB,
    **{name: vocab for name, (vocab, _) in CLOSED_FIELDS.items()},
    **{name: vocab for name, (vocab, _) in MULTI_CHOICE_FIELDS.items()},
    **SCALE_VOCABS,
}
"""Vocabularies whose unknown values a person can map in the review (``value_mappings`` keys)."""
