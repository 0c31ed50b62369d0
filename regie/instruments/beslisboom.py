"""Kaag en Braassem's situational decision tree ("beslisboom regietaken", seed 003).

The seed gives four questions (stap 1), an outcome that is *a proposal for a besluit* (stap 2: taak in
regie onderbrengen — samenwerking met andere gemeenten, een gemeenschappelijke regeling, in samenwerking
met een bedrijf, of overlaten aan (maatschappelijke) partners of inwoners — or, "als er onvoldoende
aanknopingspunten zijn", zelf uitvoeren), the principle of nabijheid beside that weighing, and what a
regietaak then needs (stap 3). It gives **no rule that combines the answers**: the rule below is this
app's own reading (``READINGS["decision_rule"]``) and every place that shows it says so.

The rule (:func:`decide`), answer by answer (:data:`QUESTIONS`, :func:`direction`):

* *Wijst naar regie*: vraag 1 ja (de taak vraagt een regisserende aanpak), vraag 2 ja (kansen voor
  samenwerking), vraag 4 ja (andere partijen voeren de taak al uit).
* *Wijst naar zelf uitvoeren*: vraag 3 ja of deels (kernactiviteit: "dan kiezen we voor nabijheid in de
  eigen organisatie"), nabijheid ja of deels.
* Every other answer (nee; deels on vraag 1, 2 or 4) does not point either way; a deels is named.

Then: nabijheid ja → zelf uitvoeren (a principled choice, "doorslaggevend" in the seed); nothing points
to regie → zelf uitvoeren ("onvoldoende aanknopingspunten"); something points to regie and something to
zelf uitvoeren → bespreken; only vraag 1 points to regie while vraag 2 and 4 are nee → bespreken (regie
with whom?); otherwise → in regie. The forms are *options for the user*, never picked: the three
samenwerking forms only when vraag 2 is ja, overlaten aan partners of inwoners only when vraag 4 is ja.

An unanswered question makes the outcome "onvoldoende gegevens" unless every possible answer to it
gives the same outcome (nabijheid unanswered counts as not chosen: it is a choice, not a question of
the weighing). Over an inventory the tree reads only the answer columns of docs/inventaris.md (``kenmerken``,
``samenwerking``, ``kernactiviteit``, ``andere_partijen``, ``nabijheid``, ``vorm``), never partner
types or names. Against the inventory's role in the uitvoering, "past niet" is said only of a real
conflict: zelf uitvoeren against a regietaak, or the reverse.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import pandas as pd

from regie import vocabulary as voc
from regie.mapping.vocabularies import CLOSED_FIELDS
from regie.model import Inventory
from regie.normalise import Vocabulary, cell_text, is_empty_text

SOURCE = voc.cite("kaag", "beslisboom “regietaken”")
READING = voc.READINGS["decision_rule"]

# --------------------------------------------------------------------------------------------
# Stap 1: the four questions, and nabijheid
# --------------------------------------------------------------------------------------------

REGIE = "regie"
ZELF = "zelf"
NEUTRAL = "neutraal"
UNANSWERED = "onbeantwoord"

DIRECTION_LABELS: dict[str, str] = {
    REGIE: "wijst naar regie",
    ZELF: "wijst naar zelf uitvoeren",
    NEUTRAL: "wijst geen kant op",
    UNANSWERED: "niet beantwoord",
}


@dataclass(frozen=True)
class Question:
    """A question of the decision tree (stap 1), or nabijheid beside it."""

    code: str
    """The field of docs/inventaris.md that answers it."""
    number: int
    """1–4 as in the seed's stap 1; 0 for nabijheid."""
    title: str
    """The seed's name of the item ("Kenmerken van de taak")."""
    figure: str
    """The question as the seed's figure asks it, verbatim."""
    ask: str
    """The question put so that ja, deels or nee answers it, with its full content."""
    explanation: str
    """The seed's explanation, verbatim."""
    directions: Mapping[str, str]
    """Answer code (ja, deels, nee) → the way it points (:data:`DIRECTION_LABELS`)."""

    @property
    def name(self) -> str:
        """``Vraag 1`` … ``Vraag 4``, or ``Nabijheid``."""
        return f"Vraag {self.number}" if self.number else self.title


_TO_REGIE = dict(zip(voc.ANSWER_CODES, (REGIE, NEUTRAL, NEUTRAL), strict=True))
_TO_ZELF = dict(zip(voc.ANSWER_CODES, (ZELF, ZELF, NEUTRAL), strict=True))

QUESTIONS: tuple[Question, ...] = (
    Question(
        "kenmerken", 1, "Kenmerken van de taak", "Wat zijn de kenmerken van de nieuwe taak?",
        "Vereist de taak een regisserende aanpak, gezien haar complexiteit, het belang voor de gemeente en de "
        "impact op de samenleving?",
        "We evalueren de specifieke kenmerken van de taak om te bepalen of deze een regisserende aanpak "
        "vereist. Hierbij kijken we naar de complexiteit, het belang voor onze gemeente, en de impact op de "
        "samenleving.",
        _TO_REGIE,
    ),
    Question(
        "samenwerking", 2, "Voordelen door samenwerking", "Zijn er kansen voor samenwerking?",
        "Biedt samenwerking met andere partijen, publiek of privaat, kansen of voordelen?",
        "Indien het voordelen biedt zoeken we naar kansen voor samenwerking met andere partijen, zowel publiek "
        "als privaat. Een gezamenlijke aanpak kan synergiën creëren, expertise bundelen en efficiëntie "
        "bevorderen.",
        _TO_REGIE,
    ),
    Question(
        "kernactiviteit", 3, "Aansluiting bij kernactiviteiten",
        "Sluit het aan bij de kernactiviteiten van de gemeente?",
        "Hoort de taak bij de kernactiviteiten van de gemeente, en heeft de gemeente de expertise en capaciteit "
        "om haar effectief te regisseren?",
        "We onderzoeken of de betreffende taak aansluit bij de kernactiviteiten van onze gemeente en of we de "
        "benodigde expertise en capaciteiten bezitten om effectief te regisseren. Als het een kernactiviteit "
        "is, dan kiezen we voor nabijheid in de eigen organisatie.",
        _TO_ZELF,
    ),
    Question(
        "andere_partijen", 4, "Bestaande uitvoering door andere partijen",
        "Wordt de taak ook door andere partijen in het betreffende domein uitgevoerd?",
        "Voeren andere partijen, privaat of publiek, de taak al uit?",
        "We kijken of andere partijen (zowel privaat als publiek) de betreffende taak al uitvoeren. Als dat "
        "het geval is, kunnen we overwegen om een meer faciliterende rol aan te nemen en bestaande initiatieven "
        "te ondersteunen.",
        _TO_REGIE,
    ),
)

NABIJHEID = Question(
    "nabijheid", 0, "Nabijheid", "",
    "Staat de taak zo dicht bij de inwoners dat de gemeente beleid én uitvoering in eigen hand houdt?",
    "Los van de afweging in voor- en nadelen kan ook de keuze zijn dat de in te richten taak zo dicht bij de "
    "inwoners staat dat we als gemeente kiezen voor het principe van “nabijheid” en daarmee zowel beleid als "
    "uitvoering dichtbij willen houden en dus ook in eigen hand. Dat is een meer principiële keuze om taken in "
    "eigen beheer te houden.",
    _TO_ZELF,
)

ALL_QUESTIONS: tuple[Question, ...] = (*QUESTIONS, NABIJHEID)
QUESTION_BY_CODE: dict[str, Question] = {q.code: q for q in ALL_QUESTIONS}
REQUIRED: tuple[str, ...] = tuple(q.code for q in QUESTIONS)
"""The four questions of stap 1; nabijheid is a choice beside them."""
FORM_FIELD = "vorm"
FIELDS: tuple[str, ...] = (*REQUIRED, NABIJHEID.code, FORM_FIELD)
"""The inventory fields the tree reads (docs/inventaris.md, section 4, beslisboom)."""

ANSWERS: tuple[str, ...] = voc.ANSWER_CODES
ANSWER_LABELS: dict[str, str] = {**voc.ANSWER_LABELS, UNANSWERED: "Niet beantwoord"}

INTRO = (
    "Kaag en Braassem positioneert zich als “situationele regiegemeente”: “per onderwerp [beoordelen we] "
    "zorgvuldig welke rol het meest geschikt is om de gewenste doelen te bereiken. Eigenlijk is de toepassing "
    "van “regiegemeente” een beslisboom.”"
)
SUMMARY = (
    "“De beoordeling van de meer principiële beoordeling over “nabijheid” speelt een doorslaggevende rol in dit "
    "oordeel alsmede ook het resultaat van de beslisboom “regietaken”.”"
)
"""The seed's Samenvattend, point 1 (verbatim)."""

# --------------------------------------------------------------------------------------------
# Stap 2: the outcome and its forms
# --------------------------------------------------------------------------------------------

IN_REGIE = "in regie"
SELF = "zelf uitvoeren"
DISCUSS = "bespreken"
TOO_LITTLE = "onvoldoende gegevens"
OUTCOMES: tuple[str, ...] = (IN_REGIE, SELF, DISCUSS, TOO_LITTLE)
"""The outcome codes of the ``beslisboom`` command's JSON."""

OUTCOME_LABELS: dict[str, str] = {
    IN_REGIE: "Voorstel: taak in regie onderbrengen",
    SELF: "Voorstel: taak niet in regie onderbrengen, zelf uitvoeren",
    DISCUSS: "Geen duidelijke uitkomst: bespreek",
    TOO_LITTLE: "Onvoldoende gegevens",
}
OUTCOME_SHORT: dict[str, str] = {
    IN_REGIE: "In regie", SELF: "Zelf uitvoeren", DISCUSS: "Bespreken", TOO_LITTLE: "Onvoldoende gegevens",
}

STEP2_TEXT = (
    "“Afhankelijk van uitkomst van stap 1 wordt er een besluit voorgelegd om deze taak in regie onder te "
    "brengen, dat kan zijn in samenwerking met andere gemeenten, in een gemeenschappelijke regeling, in "
    "samenwerking met een bedrijf of overlaten aan (maatschappelijke) partners of inwoners. […] Al deze vormen "
    "worden geschaard onder het begrip “regietaken”.” De uitkomst hieronder is dus een voorstel voor een "
    "bestuurlijk besluit, geen oordeel."
)


@dataclass(frozen=True)
class Form:
    """A form of taak in regie onderbrengen (stap 2)."""

    code: str
    label: str
    opened_by: str
    """The question whose ja makes this form an option."""
    example: str
    """The seed's example of it."""
    roles: tuple[str, ...]
    """Roles (docs/domein.md section 3) that fit this form: the app's own reading, after RIVM's scenarios."""


FORMS: tuple[Form, ...] = tuple(
    Form(choice.code, choice.label, opened_by, example, roles)
    for choice, (opened_by, example, roles) in zip(voc.COOPERATION_FORMS, (
        ("samenwerking", "zoals de functionaris gegevensbescherming, “samen met andere gemeenten”", ("partner",)),
        ("samenwerking", "zoals gedeelde bedrijfsvoering, automatisering en belastingtaken, “taken waarbij de "
                         "nabijheid van deze taken niet direct een noodzakelijk uitgangspunt is”",
         ("partner", "opdrachtgever")),
        ("samenwerking", "zoals de planeconomie, “via een bedrijfsmatige oplossing”", ("opdrachtgever",)),
        ("andere_partijen", "zoals het AED-project “waar inwoners actief hebben deelgenomen en gefinancierd” en "
                            "de Transitiecommissie Warmte “waarin inwoners de leiding nemen”", ("facilitator",)),
    ), strict=True)
)
FORM_BY_CODE: dict[str, Form] = {f.code: f for f in FORMS}

SELF_TEXT = (
    "“Als er onvoldoende aanknopingspunten zijn voor uitvoeren van taken in regie dan wordt de taak in eigen "
    "organisatie ondergebracht in de formatie dan wel in de flexibele schil van de organisatie als het gaat om "
    "niet-structurele opgaven.”"
)
SELF_ROLES: tuple[str, ...] = ("zelf",)

# --------------------------------------------------------------------------------------------
# Stap 3: what a regietaak needs
# --------------------------------------------------------------------------------------------

STEP3: tuple[str, ...] = (
    "Formuleer de opdracht van de uit te voeren regietaak.",
    "Richt het contractmanagement in: spreek over de voortgang aan de hand van rapportages, inhoudelijk en "
    "financieel, en ontwikkel KPI’s om de prestaties te monitoren — “altijd wel langs het uitgangspunt "
    "‘tellen en vertellen’”.",
    "Zorg voor instrumenten voor opdrachtverstrekking, monitoring, bijsturing en verantwoording richting "
    "organisatie, college en raad.",
)
"""Stap 3 and Samenvattend point 2 of the seed, for a task placed in regie."""
STEP3_LEAVE: tuple[str, ...] = (
    "Leg de opdracht vast: welk resultaat, en wie doet wat (de rolverdeling).",
    "Maak afspraken over concrete resultaten met elke uitvoerende partij (prestatie-indicatoren).",
    "Spreek af wanneer en hoe de gemeente een terugkoppeling krijgt: zij blijft controleren of wordt "
    "uitgevoerd wat is beloofd.",
)
"""For overlaten aan partners of inwoners: the opdracht, the afspraken and the terugkoppeling (RIVM, 000)."""
STEP3_SELF = (
    "De taak blijft in de eigen organisatie: in de formatie, of in de flexibele schil als het om een "
    "niet-structurele opgave gaat. Stap 3 (opdracht en contractmanagement) is voor taken die in regie gaan."
)

# --------------------------------------------------------------------------------------------
# The rule
# --------------------------------------------------------------------------------------------


def direction(question: str, answer: str) -> str:
    """Which way one answer points (:data:`DIRECTION_LABELS`)."""
    if answer not in ANSWERS:
        return UNANSWERED
    return QUESTION_BY_CODE[question].directions[answer]


@dataclass(frozen=True)
class Decision:
    """The outcome for one fully or partly answered task."""

    outcome: str
    """One of :data:`OUTCOMES`."""
    forms: tuple[str, ...]
    """The forms to choose from (codes of :data:`FORMS`), only for ``in regie``."""
    reason: str
    """Why, in one Dutch sentence or two."""


def _answered_decision(answers: Mapping[str, str]) -> Decision:
    """The rule for answers where the four questions all have ja, deels or nee."""
    pointing = {code: direction(code, answers[code]) for code in (*REQUIRED, NABIJHEID.code)
                if answers.get(code) in ANSWERS}
    to_regie = [QUESTION_BY_CODE[c].name.lower() for c, d in pointing.items() if d == REGIE]
    to_self = [QUESTION_BY_CODE[c].name.lower() for c, d in pointing.items() if d == ZELF]
    if answers.get(NABIJHEID.code) == "ja":
        also = (f" Let op: {_words(to_regie)} {'wijst' if len(to_regie) == 1 else 'wijzen'} wel naar regie; "
                "de keuze voor nabijheid gaat daarvoor.") if to_regie else ""
        return Decision(SELF, (), "De gemeente kiest voor nabijheid: beleid en uitvoering blijven in eigen hand "
                                  "(een principiële keuze, los van de afweging)." + also)
    if not to_regie:
        return Decision(SELF, (), "Geen antwoord wijst naar regie: er zijn onvoldoende aanknopingspunten om de "
                                  "taak in regie onder te brengen.")
    if to_self:
        return Decision(DISCUSS, (), f"De antwoorden wijzen verschillende kanten op: {_words(to_regie)} naar regie, "
                                     f"{_words(to_self)} naar zelf uitvoeren. Bespreek welke afweging zwaarder weegt.")
    forms = tuple(f.code for f in FORMS if answers.get(f.opened_by) == "ja")
    if not forms:
        return Decision(DISCUSS, (), "De taak vraagt een regisserende aanpak, maar vraag 2 en vraag 4 geven geen "
                                     "partij om haar mee in regie te brengen: bespreek met wie.")
    return Decision(IN_REGIE, forms, f"{_words(to_regie, capital=True)} "
                                     f"{'wijst' if len(to_regie) == 1 else 'wijzen'} naar regie en geen antwoord "
                                     "wijst naar zelf uitvoeren.")


def _words(items: Sequence[str], capital: bool = False) -> str:
    text = items[0] if len(items) == 1 else ", ".join(items[:-1]) + " en " + items[-1]
    return text[:1].upper() + text[1:] if capital else text


@lru_cache(maxsize=1024)
def _decide(key: tuple[str, ...]) -> Decision:
    answers = dict(zip((*REQUIRED, NABIJHEID.code), key, strict=True))
    if answers[NABIJHEID.code] not in ANSWERS:
        answers[NABIJHEID.code] = "nee"  # not chosen
    if answers[NABIJHEID.code] == "ja":
        return _answered_decision(answers)
    open_questions = [c for c in REQUIRED if answers[c] not in ANSWERS]
    if not open_questions:
        return _answered_decision(answers)
    outcomes = set()
    for filled in itertools.product(ANSWERS, repeat=len(open_questions)):
        complete = {**answers, **dict(zip(open_questions, filled, strict=True))}
        decision = _answered_decision(complete)
        outcomes.add((decision.outcome, decision.forms))
        if len(outcomes) > 1:
            names = _words([QUESTION_BY_CODE[c].name.lower() for c in open_questions])
            return Decision(TOO_LITTLE, (), f"Nog niet beantwoord: {names}; de uitkomst hangt daarvan af.")
    answered = _answered_decision({**answers, **dict.fromkeys(open_questions, "nee")})
    return answered


def decide(answers: Mapping[str, object]) -> Decision:
    """The app's rule over the answers (question code → ja/deels/nee in any spelling the vocabulary
    knows; missing or unreadable is unanswered)."""
    normal = normalised(answers)
    return _decide(tuple(normal[c] for c in (*REQUIRED, NABIJHEID.code)))


# --------------------------------------------------------------------------------------------
# Reading answers
# --------------------------------------------------------------------------------------------

_ANSWER_VOCAB = CLOSED_FIELDS["kenmerken"][0]
_FORM_VOCAB = CLOSED_FIELDS[FORM_FIELD][0]


def parse_answer(value: object) -> str:
    """``ja``, ``deels`` or ``nee`` for a cell or widget value; :data:`UNANSWERED` otherwise."""
    return _parse(value, _ANSWER_VOCAB.codes, _ANSWER_VOCAB)


def parse_form(value: object) -> str:
    """A form code of :data:`FORMS`, or :data:`UNANSWERED`."""
    return _parse(value, tuple(FORM_BY_CODE), _FORM_VOCAB)


def _parse(value: object, codes: Sequence[str], vocab: Vocabulary) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return UNANSWERED
    if isinstance(value, str) and value in codes:
        return value
    text = cell_text(value).strip()
    if is_empty_text(text):
        return UNANSWERED
    found = vocab.match_whole(text)
    return str(found[0]) if found else UNANSWERED


def normalised(answers: Mapping[str, object]) -> dict[str, str]:
    """Every field of :data:`FIELDS` with a code (:data:`UNANSWERED` when missing or unreadable)."""
    result = {code: parse_answer(answers.get(code)) for code in (*REQUIRED, NABIJHEID.code)}
    result[FORM_FIELD] = parse_form(answers.get(FORM_FIELD))
    return result


# --------------------------------------------------------------------------------------------
# Advice for one task
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class AnswerLine:
    """One answer and the way it pointed."""

    question: Question
    answer: str
    direction: str

    @property
    def text(self) -> str:
        """``Vraag 3 (Aansluiting bij kernactiviteiten): ja — wijst naar zelf uitvoeren``."""
        name = self.question.name if self.question.name == self.question.title else (
            f"{self.question.name} ({self.question.title})")
        if self.direction == UNANSWERED:
            return f"{name}: {DIRECTION_LABELS[UNANSWERED]}"
        return f"{name}: {ANSWER_LABELS[self.answer].lower()} — {DIRECTION_LABELS[self.direction]}"


@dataclass(frozen=True)
class Advice:
    """What the decision tree proposes for one task, with every answer's direction."""

    outcome: str
    forms: tuple[str, ...]
    reason: str
    lines: tuple[AnswerLine, ...]
    missing: tuple[str, ...]
    """Codes of the four questions that have no answer."""
    chosen_form: str | None
    """The form the inventory or the user chose (``vorm``), None when none."""
    notes: tuple[str, ...]

    @property
    def heading(self) -> str:
        return OUTCOME_LABELS[self.outcome]

    @property
    def steps(self) -> tuple[str, ...]:
        """Stap 3 for this outcome: contractmanagement for a regietaak, opdracht-afspraken-terugkoppeling
        when overlaten is the only option or the chosen form."""
        if self.outcome != IN_REGIE:
            return ()
        leave = "partners_inwoners"
        if self.forms == (leave,) or self.chosen_form == leave:
            return STEP3_LEAVE
        return STEP3

    @property
    def fitting_roles(self) -> tuple[str, ...]:
        """Roles that fit the proposal (the app's reading): per option form for ``in regie``, ``zelf`` for
        zelf uitvoeren, none otherwise."""
        if self.outcome == SELF:
            return SELF_ROLES
        if self.outcome != IN_REGIE:
            return ()
        forms = (self.chosen_form,) if self.chosen_form in self.forms else self.forms
        return tuple(dict.fromkeys(r for f in forms if f for r in FORM_BY_CODE[f].roles))


def advise(answers: Mapping[str, object]) -> Advice:
    """The tree for one task: answers (question code → ja/deels/nee, ``vorm`` → a form) → :class:`Advice`."""
    normal = normalised(answers)
    return _advise(tuple(normal[c] for c in FIELDS))


@lru_cache(maxsize=4096)
def _advise(key: tuple[str, ...]) -> Advice:
    answers = dict(zip(FIELDS, key, strict=True))
    decision = _decide(key[:-1])
    lines = tuple(AnswerLine(q, answers[q.code], direction(q.code, answers[q.code])) for q in ALL_QUESTIONS)
    chosen = answers[FORM_FIELD] if answers[FORM_FIELD] in FORM_BY_CODE else None
    notes: list[str] = []
    for line in lines:
        if line.answer == "deels" and line.direction == NEUTRAL:
            notes.append(f"{line.question.name} is met deels beantwoord: dat wijst geen kant op; weeg dit punt "
                         "in het gesprek.")
    if chosen and decision.outcome == IN_REGIE and chosen not in decision.forms:
        notes.append(f"De gekozen vorm ({FORM_BY_CODE[chosen].label.lower()}) hoort niet bij de antwoorden: "
                     f"die wordt een optie als {QUESTION_BY_CODE[FORM_BY_CODE[chosen].opened_by].name.lower()} "
                     "met ja is beantwoord.")
    if chosen and decision.outcome == SELF:
        notes.append(f"De inventaris noemt een vorm ({FORM_BY_CODE[chosen].label.lower()}), maar het voorstel is "
                     "zelf uitvoeren: bespreek dit verschil.")
    missing = tuple(c for c in REQUIRED if answers[c] not in ANSWERS)
    return Advice(decision.outcome, decision.forms, decision.reason, lines, missing, chosen, tuple(notes))


# --------------------------------------------------------------------------------------------
# Comparing with the role in the inventory
# --------------------------------------------------------------------------------------------

COMPARED_PHASE = "uitvoering"
"""The tree decides how a task is carried out: the role it is compared with is the uitvoering role."""

FITS_LABELS: dict[bool | None, str] = {True: "Past", False: "Past niet", None: "Niet te vergelijken"}


def fits(outcome: str, roles: Sequence[str]) -> bool | None:
    """Does the inventory's role (known role codes in the uitvoering) agree with the outcome?

    Only zelf uitvoeren against a regietaak (or the reverse) is a conflict: every role other than
    ``zelf`` is a way of carrying a task in regie (Kaag en Braassem: "al deze vormen ... regietaken").
    ``None`` when the outcome is bespreken or onvoldoende gegevens, or the role is unknown.
    """
    known = [r for r in roles if r in voc.ROLE_BY_CODE]
    if outcome not in (IN_REGIE, SELF) or not known:
        return None
    if outcome == SELF:
        return all(r == "zelf" for r in known)
    return all(r != "zelf" for r in known)


# --------------------------------------------------------------------------------------------
# The inventory in batch
# --------------------------------------------------------------------------------------------

RESULT_COLUMNS: tuple[str, ...] = (
    "project", "id", "naam", *FIELDS, "uitkomst", "vormen", "ontbrekend", "rol_inventaris", "rollen", "past",
    "reden", "opmerkingen",
)


def advise_inventory(inv: Inventory) -> pd.DataFrame:
    """The decision tree over every project, from the answer columns only.

    Columns (:data:`RESULT_COLUMNS`): ``project``, ``id``, ``naam``; the answers (codes or
    :data:`UNANSWERED`); ``uitkomst`` (:data:`OUTCOMES`), ``vormen`` (tuple of form codes),
    ``ontbrekend`` (tuple of unanswered question codes), ``rol_inventaris`` (the known uitvoering role
    codes joined by ``, ``, None when none), ``rollen`` (tuple of those codes), ``past`` (True, False or
    None, :func:`fits`), ``reden`` and ``opmerkingen`` (Dutch text).
    """
    projects = inv.projects
    answers = {code: [parse_answer(v) for v in projects[code]] if code in projects else
               [UNANSWERED] * len(projects) for code in (*REQUIRED, NABIJHEID.code)}
    answers[FORM_FIELD] = ([parse_form(v) for v in projects[FORM_FIELD]] if FORM_FIELD in projects
                           else [UNANSWERED] * len(projects))
    roles = inv.roles
    known = roles[(roles["phase"] == COMPARED_PHASE) & roles["role"].isin(voc.ROLE_CODES)]
    per_project = known.drop_duplicates(["project", "role"]).groupby("project", sort=False)["role"].agg(tuple)
    role_of = per_project.to_dict()
    rows = []
    for i, (project, pid, name) in enumerate(projects[["project", "id", "naam"]].itertuples(index=False)):
        key = tuple(answers[c][i] for c in FIELDS)
        advice = _advise(key)
        own = tuple(sorted(role_of.get(project, ()), key=voc.ROLE_CODES.index))
        rows.append((
            project, pid, name, *key, advice.outcome, advice.forms, advice.missing,
            ", ".join(own) if own else None, own, fits(advice.outcome, own), advice.reason, " ".join(advice.notes),
        ))
    return pd.DataFrame(rows, columns=list(RESULT_COLUMNS))


def as_json(file: str, result: pd.DataFrame) -> dict[str, Any]:
    """The ``beslisboom --json`` document: ``{"file", "projects": [{"id", "naam", "uitkomst", "vormen",
    "ontbrekend", "rol_inventaris", "past"}]}``."""
    return {
        "file": file,
        "projects": [
            {"id": str(row.id), "naam": str(row.naam), "uitkomst": row.uitkomst, "vormen": list(row.vormen),
             "ontbrekend": list(row.ontbrekend), "rol_inventaris": row.rol_inventaris,
             "past": fit_value(row.past)}
            for row in result.itertuples(index=False)
        ],
    }


def outcome_counts(result: pd.DataFrame) -> dict[str, int]:
    """Projects per outcome (every outcome present)."""
    counts = result["uitkomst"].value_counts() if len(result) else pd.Series(dtype=int)
    return {o: int(counts.get(o, 0)) for o in OUTCOMES}


def fit_counts(result: pd.DataFrame) -> dict[bool | None, int]:
    """Projects per comparison with the inventory's role (True, False, None; every key present)."""
    counts: dict[bool | None, int] = dict.fromkeys(FITS_LABELS, 0)
    for value in result["past"].tolist() if len(result) else []:
        counts[fit_value(value)] += 1
    return counts


def fit_value(value: object) -> bool | None:
    """A ``past`` cell as True, False or None (pandas may hold None as NaN)."""
    return value if isinstance(value, bool) else None


def has_answers(result: pd.DataFrame) -> bool:
    """Whether any project of a batch result has an answer in one of the tree's columns."""
    return bool(len(result)) and bool((result[list(FIELDS)] != UNANSWERED).to_numpy().any())


def columns_help() -> str:
    """Dutch text: which columns answer the questions, to add to the projects sheet."""
    headers = ", ".join(f"‘{voc.COLUMNS['projects'][c][0]}’" for c in (*REQUIRED, NABIJHEID.code))
    return (
        f"De beslisboom leest per project de kolommen {headers} (ja, deels of nee) en eventueel "
        f"‘{voc.COLUMNS['projects'][FORM_FIELD][0]}’ (de gekozen vorm). Voeg ze toe aan het tabblad Projecten en "
        "laad het bestand opnieuw op de pagina Inventaris. De beslisboom leidt nooit een antwoord af uit de "
        "soort partners."
    )


def _labels(codes: Sequence[str], labels: Mapping[str, str]) -> str:
    return ", ".join(labels[c] for c in codes) if len(codes) else "—"


def display_table(result: pd.DataFrame, only_misfits: bool = False) -> pd.DataFrame:
    """The batch result with Dutch headers and labels, for a table on the page or in an export;
    ``only_misfits`` keeps the projects whose role does not fit the proposal."""
    if only_misfits:
        result = result[result["past"].map(lambda v: v is False)]
    form_labels = {f.code: f.label for f in FORMS}
    question_labels = {q.code: q.name for q in QUESTIONS}
    table = pd.DataFrame({
        "ID": result["id"],
        "Project": result["naam"],
        "Uitkomst": result["uitkomst"].map(OUTCOME_SHORT),
        "Vormen om uit te kiezen": result["vormen"].map(lambda c: _labels(c, form_labels)),
        "Ontbrekende antwoorden": result["ontbrekend"].map(lambda c: _labels(c, question_labels)),
        "Rol in de uitvoering": result["rollen"].map(lambda c: _labels(c, {r: voc.role_label(r) for r in c})),
        "Vergelijking": result["past"].map(lambda v: FITS_LABELS[fit_value(v)]),
        **{f"{q.name} ({q.title})": result[q.code].map(ANSWER_LABELS) for q in ALL_QUESTIONS},
        "Gekozen vorm": result[FORM_FIELD].map(lambda c: form_labels.get(c, "—")),
        "Waarom": result["reden"],
        "Opmerkingen": result["opmerkingen"],
    })
    return table.reset_index(drop=True)
