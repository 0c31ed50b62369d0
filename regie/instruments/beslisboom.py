"""Kaag en Braassem's situational decision tree ("beslisboom regietaken", seed 003) as data.

The seed gives the tree as four questions (stap 1), an outcome (stap 2: taak in regie onderbrengen —
samenwerking met andere gemeenten, een gemeenschappelijke regeling, in samenwerking met een bedrijf
of overlaten aan (maatschappelijke) partners of inwoners — or taak niet in regie onderbrengen: zelf
uitvoeren), the principle of nabijheid that overrides the weighing, and what a regietaak then needs
(stap 3: opdracht formuleren, contractmanagement, rapportages, KPI's, "tellen en vertellen").

Everything the tree says is data below: :data:`QUESTIONS` (with the seed's explanations),
:data:`FORMS`, :data:`RULES` (conditions → outcome, role and reason, first match wins) and
:data:`STEP3`. :func:`advise` evaluates one task; :func:`advise_inventory` runs the tree over an
inventory whose projects sheet has answer columns (``vocabulary.DECISION_TREE_COLUMNS``) and sets the
advised role beside the role the inventory gives.

Where the seed is silent, this module decides — and says so here:

* **Answers.** Each question is answered ja, deels or nee. The seed's tree is yes/no; *deels* follows
  the ja branch and the advice then says that answer makes it less firm. Nabijheid is a
  "principiële keuze": only an explicit ja overrides; deels does not (the advice notes it).
* **What counts as an opening for regie.** The seed: "Als er onvoldoende aanknopingspunten zijn voor
  uitvoeren van taken in regie dan wordt de taak in eigen organisatie ondergebracht". The openings
  are question 2 (kansen voor samenwerking) and question 4 (andere partijen voeren de taak al uit):
  with neither, the task is done by the gemeente itself. Questions 1 and 3 decide the role *within*
  regie, because regie needs someone to work with.
* **Which of the four forms.** The four questions do not choose between the forms; the seed's
  examples do by *with whom*: the functionaris gegevensbescherming with other gemeenten,
  planeconomie with a company, bedrijfsvoering and belastingen in a shared organisation, the AED
  project and the Transitiecommissie Warmte with inwoners. So the form follows an extra answer,
  ``samenwerken_met``; over an inventory it comes from a "Samenwerken met" column or else from the
  types of the project's partners in the uitvoering (see :func:`partner_forms`). Unknown: the form
  stays open ("vorm nog te kiezen"), except that question 4 alone (others already do it, not a core
  activity) points to overlaten aan partners of inwoners.
* **Roles** (the canonical codes of DOMAIN.md section 3). Zelf uitvoeren → ``zelf``. In samenwerking
  met een bedrijf → ``opdrachtgever`` (Louweret: uitbesteding is opdrachtgeverschap; stap 3's
  contractmanagement). Gemeenschappelijke regeling → ``partner``: the gemeente is mede-eigenaar beside
  the other gemeenten (Samenwerkende overheid); because it also buys the service under
  contractmanagement (Kaag en Braassem name ICT and belastingen), ``opdrachtgever`` fits too.
  Samenwerking met andere gemeenten → ``partner`` (one of the gemeenten); ``regisseur`` fits when it
  leads. With maatschappelijke partners or inwoners the role depends on questions 1 and 3:
  ``regisseur`` when the task asks for a regisserende aanpak (question 1) or is a core activity
  (question 3: "nabijheid in de eigen organisatie" — the gemeente keeps the wat-vraag, partners the
  hoe-vraag, as in Kaag en Braassem's sociaal domein), ``facilitator`` when others already do it and
  it is not a core activity (question 4: "een meer faciliterende rol"), otherwise ``partner``.
* **Comparing with the inventory.** The tree decides how a task is *carried out*, so the advice is
  compared with the project's role in the phase ``uitvoering``; for nabijheid ("zowel beleid als
  uitvoering ... in eigen hand") with ``beleid`` and ``uitvoering``. A role fits when it is in the
  rule's ``fits`` set; a project without a known role in those phases is "niet te vergelijken".
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

from regie import vocabulary as voc
from regie.model import Inventory
from regie.normalise import Vocabulary, cell_text, fold, is_empty_text, norm_header

SOURCE = voc.GOVERNMENT_ROLES_SOURCE
"""Kaag en Braassem, Regiegemeente: bedoelen we hetzelfde? (seed 003)."""

UNANSWERED = "onbekend"
"""An unanswered (or unreadable) question."""

YES: frozenset[str] = frozenset({"ja", "deels"})
NO: frozenset[str] = frozenset({"nee"})
OPEN: frozenset[str] = frozenset({UNANSWERED})

ANSWER_LABELS: dict[str, str] = voc.ANSWER_LABELS | {UNANSWERED: "Onbekend"}


# --------------------------------------------------------------------------------------------
# Stap 1: the four questions, and nabijheid
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Question:
    """A question of the decision tree."""

    code: str
    number: int
    """1–4 as in the seed's stap 1; 0 for nabijheid (the principle beside the weighing)."""
    title: str
    """The seed's name of the item ("Kenmerken van de taak")."""
    question: str
    """The question as the seed's figure asks it."""
    ask: str
    """The question answered with ja, deels or nee."""
    explanation: str
    """The seed's explanation, verbatim."""


QUESTIONS: tuple[Question, ...] = (
    Question(
        "kenmerken", 1, "Kenmerken van de taak",
        "Wat zijn de kenmerken van de nieuwe taak?",
        "Vraagt de taak om een regisserende aanpak: is ze complex, van groot belang voor de gemeente "
        "en van grote impact op de samenleving?",
        "We evalueren de specifieke kenmerken van de taak om te bepalen of deze een regisserende "
        "aanpak vereist. Hierbij kijken we naar de complexiteit, het belang voor onze gemeente, en de "
        "impact op de samenleving.",
    ),
    Question(
        "kansen_samenwerking", 2, "Voordelen door samenwerking",
        "Zijn er kansen voor samenwerking?",
        "Biedt samenwerking met andere partijen, publiek of privaat, kansen of voordelen?",
        "Indien het voordelen biedt zoeken we naar kansen voor samenwerking met andere partijen, "
        "zowel publiek als privaat. Een gezamenlijke aanpak kan synergiën creëren, expertise bundelen "
        "en efficiëntie bevorderen.",
    ),
    Question(
        "kernactiviteit", 3, "Aansluiting bij kernactiviteiten",
        "Sluit het aan bij de kernactiviteiten van de gemeente?",
        "Sluit de taak aan bij de kernactiviteiten van de gemeente?",
        "We onderzoeken of de betreffende taak aansluit bij de kernactiviteiten van onze gemeente en "
        "of we de benodigde expertise en capaciteiten bezitten om effectief te regisseren. Als het "
        "een kernactiviteit is, dan kiezen we voor nabijheid in de eigen organisatie.",
    ),
    Question(
        "andere_partijen", 4, "Bestaande uitvoering door andere partijen",
        "Wordt de taak ook door andere partijen in het betreffende domein uitgevoerd?",
        "Voeren andere partijen (privaat of publiek) de taak al uit?",
        "We kijken of andere partijen (zowel privaat als publiek) de betreffende taak al uitvoeren. "
        "Als dat het geval is, kunnen we overwegen om een meer faciliterende rol aan te nemen en "
        "bestaande initiatieven te ondersteunen.",
    ),
)

NABIJHEID = Question(
    "nabijheid", 0, "Nabijheid",
    "Staat de taak zo dicht bij de inwoners dat we beleid en uitvoering in eigen hand houden?",
    "Staat de taak zo dicht bij de inwoners dat de gemeente beleid én uitvoering in eigen hand wil "
    "houden?",
    "Los van de afweging in voor- en nadelen kan ook de keuze zijn dat de in te richten taak zo "
    "dicht bij de inwoners staat dat we als gemeente kiezen voor het principe van “nabijheid” en "
    "daarmee zowel beleid als uitvoering dichtbij willen houden en dus ook in eigen hand. Dat is "
    "een meer principiële keuze om taken in eigen beheer te houden.",
)

QUESTION_BY_CODE: dict[str, Question] = {q.code: q for q in (*QUESTIONS, NABIJHEID)}

INTRO = (
    "Kaag en Braassem positioneert zich als “situationele regiegemeente”: per onderwerp wordt "
    "zorgvuldig beoordeeld welke rol het meest geschikt is om de gewenste doelen te bereiken. "
    "Eigenlijk is de toepassing van “regiegemeente” een beslisboom."
)
"""The seed's own introduction of the tree (verbatim, lightly shortened)."""

SUMMARY = (
    "Regiegemeente niet als doel maar als middel om taken effectief en efficiënt uit te voeren. De "
    "beoordeling van de meer principiële beoordeling over “nabijheid” speelt een doorslaggevende rol "
    "in dit oordeel alsmede ook het resultaat van de beslisboom “regietaken”."
)
"""The seed's Samenvattend, point 1 (verbatim)."""


# --------------------------------------------------------------------------------------------
# Stap 2: the outcome and its forms
# --------------------------------------------------------------------------------------------

IN_REGIE = "in_regie"
NOT_IN_REGIE = "zelf"
UNDECIDED = "onbepaald"

OUTCOME_LABELS: dict[str, str] = {
    IN_REGIE: "Taak in regie onderbrengen",
    NOT_IN_REGIE: "Taak niet in regie onderbrengen",
    UNDECIDED: "Nog niet te bepalen",
}


@dataclass(frozen=True)
class Form:
    """An outcome of stap 2."""

    code: str
    label: str
    outcome: str
    description: str
    """What the seed says about it, with its examples."""


FORMS: tuple[Form, ...] = (
    Form(
        "andere_gemeenten", "Samenwerking met andere gemeenten", IN_REGIE,
        "Bijvoorbeeld specialismen die zo weinig voorkomen dat een eigen functionaris niet de goede "
        "oplossing is, zoals de functionaris gegevensbescherming (samen met andere gemeenten).",
    ),
    Form(
        "gemeenschappelijke_regeling", "Een gemeenschappelijke regeling", IN_REGIE,
        "Bijvoorbeeld gedeelde bedrijfsvoeringsorganisaties, automatisering en informatisering en "
        "belastingtaken: taken waarbij de nabijheid niet direct een noodzakelijk uitgangspunt is.",
    ),
    Form(
        "bedrijf", "In samenwerking met een bedrijf", IN_REGIE,
        "Bijvoorbeeld planeconomie, via een bedrijfsmatige oplossing.",
    ),
    Form(
        "partners_inwoners", "Overlaten aan partners of inwoners", IN_REGIE,
        "Overlaten aan (maatschappelijke) partners of inwoners, zoals het AED-project waar inwoners "
        "actief hebben deelgenomen en gefinancierd, of de Transitiecommissie Warmte waarin inwoners "
        "de leiding nemen.",
    ),
    Form(
        "regie_open", "In regie, vorm nog te kiezen", IN_REGIE,
        "De beslisboom wijst naar regie; met wie (andere gemeenten, een gemeenschappelijke regeling, "
        "een bedrijf, of partners of inwoners) is nog te kiezen.",
    ),
    Form(
        "zelf_uitvoeren", "Zelf uitvoeren", NOT_IN_REGIE,
        "De taak wordt in de eigen organisatie ondergebracht, in de formatie dan wel in de flexibele "
        "schil van de organisatie als het gaat om niet-structurele opgaven.",
    ),
    Form(
        "onbepaald", "Nog geen advies", UNDECIDED,
        "Niet alle vragen van stap 1 zijn beantwoord.",
    ),
)
FORM_BY_CODE: dict[str, Form] = {f.code: f for f in FORMS}

COOPERATION_FORMS: tuple[str, ...] = tuple(voc.COOPERATION_FORM_SYNONYMS)
"""The four forms of taak in regie onderbrengen, as the seed lists them (values of ``samenwerken_met``)."""

PARTNER_TYPE_FORM: dict[str, str] = {
    c.code: {
        "andere_gemeente": "andere_gemeenten",
        "gemeenschappelijke_regeling": "gemeenschappelijke_regeling",
        "bedrijf": "bedrijf",
    }.get(c.code, "partners_inwoners")
    for c in voc.PARTNER_TYPES
}
"""Partner type → the form a task placed with such partners takes; every other type (corporaties,
zorg- en welzijnsorganisaties, vrijwilligers, inwoners, onderwijs, politie...) is one of the
(maatschappelijke) partners or inwoners."""

FORM_TIE_ORDER: tuple[str, ...] = (
    "gemeenschappelijke_regeling", "andere_gemeenten", "bedrijf", "partners_inwoners",
)
"""When a project's partners are of several forms in equal numbers, the first in this order wins
(the most formal arrangement)."""

STEP2_TEXT = (
    "Afhankelijk van uitkomst van stap 1 wordt er een besluit voorgelegd om deze taak in regie onder "
    "te brengen, dat kan zijn in samenwerking met andere gemeenten, in een gemeenschappelijke "
    "regeling, in samenwerking met een bedrijf of overlaten aan (maatschappelijke) partners of "
    "inwoners. Al deze vormen worden geschaard onder het begrip “regietaken”."
)
"""The seed's stap 2 (verbatim, lightly shortened)."""

COOPERATION_QUESTION = "Met wie zou de gemeente de taak in regie onderbrengen?"


# --------------------------------------------------------------------------------------------
# Stap 3: what a regietaak needs
# --------------------------------------------------------------------------------------------

STEP3: tuple[str, ...] = (
    "Formuleer de opdracht van de uit te voeren regietaak.",
    "Richt het contractmanagement in en borg het in de organisatie.",
    "Spreek over de voortgang aan de hand van rapportages, zowel inhoudelijk als financieel.",
    "Ontwikkel KPI's om de prestaties te monitoren.",
    "Werk altijd langs het uitgangspunt “tellen en vertellen”.",
    "Zorg voor instrumenten voor opdrachtverstrekking, monitoring, bijsturing en verantwoording "
    "richting organisatie, college en raad.",
)
"""Stap 3 and Samenvattend point 2 of the seed, as advice for a task placed in regie."""


# --------------------------------------------------------------------------------------------
# The rules: conditions → outcome (first match wins)
# --------------------------------------------------------------------------------------------

BY_PARTNER = "naar_partij"
"""Form of a rule that follows ``samenwerken_met``: partners_inwoners when that is the answer,
otherwise regie_open."""


@dataclass(frozen=True)
class Rule:
    """One row of the decision table."""

    code: str
    when: Mapping[str, frozenset[str]]
    """Question code (or ``samenwerken_met``) → the answers for which the rule applies; questions
    not named may have any answer."""
    form: str
    """A form code, or :data:`BY_PARTNER`."""
    role: str | None
    fits: frozenset[str]
    """Roles in the inventory that agree with the advice."""
    phases: tuple[str, ...]
    """The phases whose role is compared with the advice."""
    reason: str


_UITVOERING = ("uitvoering",)
_OTHER_FORMS = frozenset({"partners_inwoners", UNANSWERED})

RULES: tuple[Rule, ...] = (
    Rule(
        "nabijheid", {"nabijheid": frozenset({"ja"})}, "zelf_uitvoeren", "zelf",
        frozenset({"zelf"}), ("beleid", "uitvoering"),
        "Nabijheid: de taak staat zo dicht bij de inwoners dat de gemeente beleid én uitvoering in "
        "eigen hand houdt. Deze principiële keuze gaat voor de afweging van stap 1.",
    ),
    Rule(
        "onbeantwoord_kansen_samenwerking", {"kansen_samenwerking": OPEN}, "onbepaald", None, frozenset(), (),
        "Nog niet beantwoord: zijn er kansen voor samenwerking?",
    ),
    Rule(
        "onbeantwoord_kernactiviteit", {"kernactiviteit": OPEN}, "onbepaald", None, frozenset(), (),
        "Nog niet beantwoord: sluit de taak aan bij de kernactiviteiten van de gemeente?",
    ),
    Rule(
        "onbeantwoord_andere_partijen", {"andere_partijen": OPEN}, "onbepaald", None, frozenset(), (),
        "Nog niet beantwoord: voeren andere partijen de taak al uit?",
    ),
    Rule(
        "kernactiviteit_zonder_aanknopingspunten",
        {"kansen_samenwerking": NO, "andere_partijen": NO, "kernactiviteit": YES},
        "zelf_uitvoeren", "zelf", frozenset({"zelf"}), _UITVOERING,
        "Er zijn geen kansen voor samenwerking en geen andere partijen die de taak uitvoeren: "
        "onvoldoende aanknopingspunten voor regie. Het is een kernactiviteit, dus de gemeente kiest "
        "voor nabijheid in de eigen organisatie.",
    ),
    Rule(
        "geen_aanknopingspunten",
        {"kansen_samenwerking": NO, "andere_partijen": NO, "kernactiviteit": NO},
        "zelf_uitvoeren", "zelf", frozenset({"zelf"}), _UITVOERING,
        "Er zijn geen kansen voor samenwerking en geen andere partijen die de taak uitvoeren: "
        "onvoldoende aanknopingspunten voor regie. De taak komt in de eigen organisatie, in de "
        "formatie of — bij een niet-structurele opgave — in de flexibele schil.",
    ),
    Rule(
        "bedrijf", {"samenwerken_met": frozenset({"bedrijf"})}, "bedrijf", "opdrachtgever",
        frozenset({"opdrachtgever"}), _UITVOERING,
        "De taak gaat in regie bij een bedrijf (zoals de planeconomie via een bedrijfsmatige "
        "oplossing): de gemeente is opdrachtgever en stuurt via de opdracht en contractmanagement.",
    ),
    Rule(
        "gemeenschappelijke_regeling", {"samenwerken_met": frozenset({"gemeenschappelijke_regeling"})},
        "gemeenschappelijke_regeling", "partner", frozenset({"partner", "opdrachtgever"}), _UITVOERING,
        "De taak gaat in een gemeenschappelijke regeling (zoals gedeelde bedrijfsvoering of "
        "belastingtaken): de gemeente is mede-eigenaar en samenwerkingspartner van de andere "
        "deelnemers; als afnemer stuurt ze via contractmanagement, dus ook opdrachtgever past.",
    ),
    Rule(
        "andere_gemeenten", {"samenwerken_met": frozenset({"andere_gemeenten"})},
        "andere_gemeenten", "partner", frozenset({"partner", "regisseur"}), _UITVOERING,
        "De taak gaat in samenwerking met andere gemeenten (zoals een gedeelde functionaris "
        "gegevensbescherming): de gemeente is een van de samenwerkende gemeenten; trekt zij de "
        "samenwerking, dan past ook regisseur.",
    ),
    Rule(
        "regisserende_aanpak", {"kenmerken": YES, "samenwerken_met": _OTHER_FORMS},
        BY_PARTNER, "regisseur", frozenset({"regisseur", "opdrachtgever"}), _UITVOERING,
        "De kenmerken van de taak (complexiteit, belang voor de gemeente, impact op de samenleving) "
        "vragen om een regisserende aanpak: de gemeente voert de regie op de partners die "
        "uitvoeren, met een opdracht en contractmanagement (stap 3).",
    ),
    Rule(
        "kernactiviteit_regie",
        {"kernactiviteit": YES, "kenmerken": OPEN, "samenwerken_met": _OTHER_FORMS},
        BY_PARTNER, "regisseur", frozenset({"regisseur", "opdrachtgever"}), _UITVOERING,
        "Het is een kernactiviteit en er zijn aanknopingspunten voor regie: de gemeente houdt de "
        "regie dichtbij, in de eigen organisatie (nabijheid), en partners voeren uit — de wat-vraag "
        "bij de gemeente, de hoe-vraag bij de partners.",
    ),
    Rule(
        "kernactiviteit_partner",
        {"kernactiviteit": YES, "kenmerken": NO, "samenwerken_met": _OTHER_FORMS},
        BY_PARTNER, "partner", frozenset({"partner", "regisseur"}), _UITVOERING,
        "Het is een kernactiviteit, maar de taak vraagt geen regisserende aanpak: de gemeente werkt "
        "als samenwerkingspartner mee en houdt de taak zo dichtbij.",
    ),
    Rule(
        "faciliteren",
        {"kernactiviteit": NO, "andere_partijen": YES, "kenmerken": NO | OPEN,
         "samenwerken_met": _OTHER_FORMS},
        "partners_inwoners", "facilitator", frozenset({"facilitator"}), _UITVOERING,
        "Andere partijen voeren de taak al uit en het is geen kernactiviteit van de gemeente: de "
        "gemeente neemt een meer faciliterende rol aan en ondersteunt de bestaande initiatieven.",
    ),
    Rule(
        "samenwerken",
        {"kernactiviteit": NO, "andere_partijen": NO, "kansen_samenwerking": YES,
         "kenmerken": NO | OPEN, "samenwerken_met": _OTHER_FORMS},
        BY_PARTNER, "partner", frozenset({"partner", "regisseur"}), _UITVOERING,
        "Samenwerking biedt voordelen, maar het is geen kernactiviteit en niemand voert de taak al "
        "uit: de gemeente werkt als samenwerkingspartner met anderen samen.",
    ),
)
"""The decision table, in order: the first rule whose conditions all hold decides."""

RULE_BY_CODE: dict[str, Rule] = {r.code: r for r in RULES}

ANSWER_KEYS: tuple[str, ...] = (*(q.code for q in QUESTIONS), NABIJHEID.code, "samenwerken_met")
"""Keys of an answers mapping (missing keys are unanswered)."""


# --------------------------------------------------------------------------------------------
# Reading answers
# --------------------------------------------------------------------------------------------

_ANSWER_VOCABULARY = Vocabulary(
    "antwoord", {c.code: (c.code, c.label, *c.synonyms) for c in voc.ANSWERS},
)
_FORM_VOCABULARY = Vocabulary(
    "samenwerken_met",
    {
        form: (*voc.COOPERATION_FORM_SYNONYMS[form], FORM_BY_CODE[form].label,
               *(s for c in voc.PARTNER_TYPES if PARTNER_TYPE_FORM[c.code] == form
                 for s in (c.code, c.label, *c.synonyms)))
        for form in COOPERATION_FORMS
    },
)


_MARKS: dict[str, str] = {fold(m): "ja" for m in voc.MARKS_TRUE} | {
    fold(m): "nee" for m in voc.MARKS_FALSE if not is_empty_text(m)
}


def parse_answer(value: object) -> str:
    """``ja``, ``deels``, ``nee`` — or ``onbekend`` for an empty or unreadable cell. Marks count
    (``x``, ``✓``, an Excel TRUE: ja); an empty-like cell (``-``, ``nvt``, ``?``) is unanswered."""
    if value is None or (isinstance(value, float) and value != value):
        return UNANSWERED
    if isinstance(value, str) and value in ANSWER_LABELS:
        return value
    text = cell_text(value).strip()
    if fold(text) in _MARKS:
        return _MARKS[fold(text)]
    if is_empty_text(text):
        return UNANSWERED
    found = _ANSWER_VOCABULARY.match_whole(text)
    return found[0] if found else UNANSWERED


def parse_form(value: object) -> str:
    """A form of :data:`COOPERATION_FORMS` for a ``samenwerken_met`` value, or ``onbekend``."""
    if value is None or (isinstance(value, float) and value != value):
        return UNANSWERED
    if isinstance(value, str) and value in COOPERATION_FORMS:
        return value
    found = _FORM_VOCABULARY.match_whole(cell_text(value).strip())
    return found[0] if found else UNANSWERED


# --------------------------------------------------------------------------------------------
# Evaluating one task
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Advice:
    """What the decision tree advises for one task."""

    outcome: str
    """``in_regie``, ``zelf`` or ``onbepaald``."""
    form: str
    """A form code of :data:`FORMS`."""
    role: str | None
    """The advised role (a vocabulary role code), None while undecided."""
    fits: frozenset[str]
    phases: tuple[str, ...]
    reasons: tuple[str, ...]
    step3: tuple[str, ...]
    rule: str
    answers: Mapping[str, str]

    @property
    def outcome_label(self) -> str:
        return OUTCOME_LABELS[self.outcome]

    @property
    def form_label(self) -> str:
        return FORM_BY_CODE[self.form].label

    @property
    def heading(self) -> str:
        """One line: the outcome and the form (``Taak in regie onderbrengen: Een gemeenschappelijke
        regeling``)."""
        if self.form == "regie_open":
            return f"{self.outcome_label} — vorm nog te kiezen"
        if self.outcome == UNDECIDED:
            return self.outcome_label
        return f"{self.outcome_label}: {self.form_label}"

    @property
    def role_label(self) -> str:
        return voc.role_label(self.role) if self.role else "—"

    @property
    def overheidsrol(self) -> str:
        """Kaag en Braassem's government role of the advised role."""
        role = voc.ROLE_BY_CODE.get(self.role or "")
        if role is None:
            return "—"
        return role.overheidsrol or voc.NO_SCENARIO_LABEL


def normalised_answers(answers: Mapping[str, object]) -> dict[str, str]:
    """Every key of :data:`ANSWER_KEYS` with a code (``onbekend`` when missing or unreadable)."""
    result = {key: parse_answer(answers.get(key)) for key in ANSWER_KEYS if key != "samenwerken_met"}
    result["samenwerken_met"] = parse_form(answers.get("samenwerken_met"))
    return result


def matching_rule(answers: Mapping[str, str]) -> Rule:
    """The first rule whose conditions hold for normalised answers."""
    for rule in RULES:
        if all(answers[key] in allowed for key, allowed in rule.when.items()):
            return rule
    raise AssertionError(f"no rule for {dict(answers)}")  # the table is complete (tested)


def advise(answers: Mapping[str, object]) -> Advice:
    """The tree's advice for one task. ``answers`` maps question codes (:data:`ANSWER_KEYS`) to
    ja/deels/nee (any spelling the vocabulary knows) and ``samenwerken_met`` to a form."""
    normal = normalised_answers(answers)
    return _advise(tuple(normal[k] for k in ANSWER_KEYS))


@lru_cache(maxsize=4096)
def _advise(key: tuple[str, ...]) -> Advice:
    answers = dict(zip(ANSWER_KEYS, key, strict=True))
    rule = matching_rule(answers)
    form = rule.form
    if form == BY_PARTNER:
        form = "partners_inwoners" if answers["samenwerken_met"] == "partners_inwoners" else "regie_open"
    outcome = FORM_BY_CODE[form].outcome
    reasons = [rule.reason]
    if outcome == UNDECIDED:
        reasons = [RULE_BY_CODE[f"onbeantwoord_{q}"].reason for q in voc.DECISION_TREE_REQUIRED
                   if answers[q] == UNANSWERED]
    reasons += _notes(answers, rule, form)
    return Advice(
        outcome=outcome, form=form, role=rule.role, fits=rule.fits, phases=rule.phases,
        reasons=tuple(reasons), step3=STEP3 if outcome == IN_REGIE else (), rule=rule.code,
        answers=answers,
    )


def _notes(answers: Mapping[str, str], rule: Rule, form: str) -> list[str]:
    """Remarks beside the rule's reason: what made it less firm, what is still to choose."""
    notes: list[str] = []
    if rule.code != "nabijheid":
        for question in QUESTIONS:
            if answers[question.code] == "deels":
                notes.append(
                    f"‘{question.title}’ is met deels beantwoord: het advies volgt de ja-tak en is "
                    "daardoor minder stellig; weeg dit punt in het gesprek."
                )
        if answers["nabijheid"] == "deels":
            notes.append(
                "Nabijheid is met deels beantwoord: alleen een uitgesproken keuze voor nabijheid (ja) "
                "houdt beleid en uitvoering in eigen hand; overweeg of dat hier zo is."
            )
    if rule.code in ("bedrijf", "gemeenschappelijke_regeling", "andere_gemeenten") and answers[
        "kernactiviteit"
    ] in YES:
        notes.append(
            "Het is wel een kernactiviteit: houd kennis en sturing dichtbij in de eigen organisatie."
        )
    if form == "regie_open":
        notes.append(
            "Kies nog met wie: samenwerking met andere gemeenten, een gemeenschappelijke regeling, "
            "samenwerking met een bedrijf, of overlaten aan partners of inwoners."
        )
    return notes


# --------------------------------------------------------------------------------------------
# Comparing with the role in the inventory
# --------------------------------------------------------------------------------------------

STATUS_FITS = "past"
STATUS_MISFITS = "past_niet"
STATUS_NOT_COMPARABLE = "niet_te_vergelijken"
STATUS_NO_ADVICE = "geen_advies"

STATUS_LABELS: dict[str, str] = {
    STATUS_FITS: "Past",
    STATUS_MISFITS: "Past niet",
    STATUS_NOT_COMPARABLE: "Niet te vergelijken",
    STATUS_NO_ADVICE: "Nog geen advies",
}
"""How the advice compares with the role in the inventory (text, so meaning never rests on colour)."""


def _phases_text(phases: Sequence[str]) -> str:
    return " en ".join(voc.phase_label(p).lower() for p in phases)


def _roles_text(roles: Sequence[str]) -> str:
    return ", ".join(voc.role_label(r) for r in roles)


def compare(advice: Advice, roles: Mapping[str, Sequence[str]]) -> tuple[str, str]:
    """``(status, why)``: does the project's role (phase → role codes) agree with the advice?"""
    if advice.role is None:
        return STATUS_NO_ADVICE, "Nog geen advies: niet alle vragen zijn beantwoord."
    known = {p: [r for r in roles.get(p, ()) if r in voc.ROLE_BY_CODE] for p in advice.phases}
    given = [p for p in advice.phases if known[p]]
    if not given:
        return STATUS_NOT_COMPARABLE, (
            f"Geen bekende rol voor {_phases_text(advice.phases)} in de inventaris; het advies "
            f"({advice.role_label}) geeft richting voor die fase."
        )
    misfits = {p: [r for r in known[p] if r not in advice.fits] for p in given}
    also = sorted(advice.fits - {advice.role}, key=voc.ROLE_CODES.index)
    fits_text = advice.role_label + (f" (ook passend: {_roles_text(also)})" if also else "")
    now = "; ".join(f"{voc.phase_label(p).lower()}: {_roles_text(known[p])}" for p in given)
    missing = [p for p in advice.phases if p not in given]
    tail = f" Geen bekende rol voor {_phases_text(missing)}." if missing else ""
    if any(misfits.values()):
        return STATUS_MISFITS, f"Advies: {fits_text}. Rol nu — {now}.{tail}"
    return STATUS_FITS, f"De rol nu ({now}) past bij het advies: {fits_text}.{tail}"


# --------------------------------------------------------------------------------------------
# The inventory in batch
# --------------------------------------------------------------------------------------------

_COLUMN_KEYS: dict[str, str] = {
    norm_header(header): code
    for code, headers in voc.DECISION_TREE_COLUMNS.items() for header in headers
}


def tree_columns(inv: Inventory) -> dict[str, str]:
    """Answer code → the extra column (header as written) that holds it; the first match wins."""
    found: dict[str, str] = {}
    for header in inv.extra.columns:
        if header == "project":
            continue
        code = _COLUMN_KEYS.get(norm_header(str(header)))
        if code is not None and code not in found:
            found[code] = str(header)
    return found


def missing_columns(inv: Inventory) -> list[str]:
    """The required answer columns (their preferred header) the inventory does not have."""
    present = tree_columns(inv)
    return [voc.DECISION_TREE_COLUMNS[c][0] for c in voc.DECISION_TREE_REQUIRED if c not in present]


def columns_help(missing: Sequence[str]) -> str:
    """Dutch text: which columns to add to run the tree over the inventory."""
    optional = [voc.DECISION_TREE_COLUMNS[c][0] for c in ("kenmerken", "nabijheid", "samenwerken_met")]
    return (
        "Om de beslisboom over de hele inventaris te laten lopen, voeg je aan het tabblad Projecten "
        f"de kolommen {', '.join(repr(m) for m in missing)} toe, met per project ja, deels of nee. "
        f"Optioneel: {', '.join(repr(o) for o in optional)} (ja, deels of nee; bij "
        f"'{optional[2]}': andere gemeenten, gemeenschappelijke regeling, bedrijf, of partners of "
        "inwoners). Laad het bestand daarna opnieuw op de pagina Inventaris."
    )


def partner_forms(inv: Inventory) -> pd.DataFrame:
    """Per project with typed partners, the form its partners suggest: ``project``,
    ``samenwerken_met`` and ``basis`` (which partners, in words).

    The partners involved in the uitvoering count when the project has any; otherwise all its
    partners. Partners of unknown type are left out. The form with the most partners wins; ties
    follow :data:`FORM_TIE_ORDER`.
    """
    columns = ["project", "samenwerken_met", "basis"]
    links = inv.involvements
    if not len(links) or not len(inv.partners):
        return pd.DataFrame(columns=columns)
    types = inv.partners.set_index("partner")["type"]
    names = inv.partners.set_index("partner")["naam"]
    rows = links[["project", "partner", "fase"]].drop_duplicates()
    rows = rows.assign(form=rows["partner"].map(types).map(PARTNER_TYPE_FORM))
    rows = rows[rows["form"].notna()]
    if not len(rows):
        return pd.DataFrame(columns=columns)
    in_uitvoering = rows["fase"] == "uitvoering"
    has_uitvoering = in_uitvoering.groupby(rows["project"]).transform("any")
    rows = rows[in_uitvoering | ~has_uitvoering].drop_duplicates(["project", "partner"])
    result = []
    for project, group in rows.groupby("project", sort=False):
        counts = group["form"].value_counts()
        best = max(counts.index, key=lambda f: (counts[f], -FORM_TIE_ORDER.index(f)))
        chosen = group[group["form"] == best]
        shown = [str(names.get(p, p)) for p in chosen["partner"]][:3]
        more = len(chosen) - len(shown)
        where = "in de uitvoering" if bool(has_uitvoering[group.index[0]]) else "bij het project"
        basis = (
            f"Vorm afgeleid uit de partners {where}: {', '.join(shown)}"
            + (f" en {more} andere" if more > 0 else "")
            + f" ({FORM_BY_CODE[best].label.lower()})."
        )
        result.append((project, best, basis))
    return pd.DataFrame(result, columns=columns)


RESULT_COLUMNS: tuple[str, ...] = (
    "project", "id", "naam", "rol_visie", "rol_beleid", "rol_uitvoering",
    *ANSWER_KEYS, "outcome", "form", "role", "rule", "status", "reasons", "why",
)


def advise_inventory(inv: Inventory) -> pd.DataFrame:
    """The decision tree over every project, with the advice beside the inventory's roles.

    Columns (:data:`RESULT_COLUMNS`): ``project``, ``id``, ``naam``; ``rol_<fase>`` (tuple of role
    codes per phase, empty when none); the normalised answers; ``outcome``, ``form``, ``role``
    (advised; None while undecided), ``rule`` (the deciding rule), ``status`` (:data:`STATUS_LABELS`),
    ``reasons`` (the advice's reasons, one text) and ``why`` (the comparison, one text).
    """
    columns = tree_columns(inv)
    projects = inv.projects[["project", "id", "naam"]]
    extra = inv.extra.drop_duplicates("project").set_index("project")
    answers: dict[str, list[str]] = {}
    notes: list[list[str]] = [[] for _ in range(len(projects))]
    for code in ANSWER_KEYS:
        header = columns.get(code)
        if header is None:
            answers[code] = [UNANSWERED] * len(projects)
            continue
        column = extra.loc[:, header]
        if isinstance(column, pd.DataFrame):  # two columns with the same header: the first counts
            column = column.iloc[:, 0]
        values = projects["project"].map(column.to_dict()).tolist()
        parse = parse_form if code == "samenwerken_met" else parse_answer
        seen: dict[str, str] = {}
        parsed = []
        for i, value in enumerate(values):
            missing = value is None or (isinstance(value, float) and value != value)
            text = "" if missing else cell_text(value).strip()
            if text not in seen:
                seen[text] = parse(value) if text else UNANSWERED
            parsed.append(seen[text])
            if text and seen[text] == UNANSWERED:
                notes[i].append(f"Antwoord in kolom {header} niet herkend: {text}.")
        answers[code] = parsed
    derived = {
        project: (form, basis)
        for project, form, basis in partner_forms(inv).itertuples(index=False)
    }
    roles = inv.roles[["project", "phase", "role"]].drop_duplicates()
    by_project: dict[str, dict[str, list[str]]] = {}
    for project, phase, role in roles.itertuples(index=False):
        by_project.setdefault(project, {}).setdefault(phase, []).append(role)
    compared: dict[tuple[object, ...], tuple[str, str]] = {}
    rows = []
    for i, (project, pid, name) in enumerate(projects.itertuples(index=False)):
        key = [answers[code][i] for code in ANSWER_KEYS]
        basis = None
        if key[-1] == UNANSWERED and project in derived:
            key[-1], basis = derived[project]
        advice = _advise(tuple(key))
        if basis and advice.outcome == IN_REGIE and advice.form != "regie_open":
            notes[i].append(basis)
        phase_roles = by_project.get(project, {})
        per_phase = tuple(tuple(phase_roles.get(p, ())) for p in voc.PHASE_CODES)
        if (advice.rule, advice.form, per_phase) not in compared:
            compared[(advice.rule, advice.form, per_phase)] = compare(advice, phase_roles)
        status, why = compared[(advice.rule, advice.form, per_phase)]
        rows.append((
            project, pid, name, *per_phase, *key,
            advice.outcome, advice.form, advice.role, advice.rule, status,
            " ".join((*advice.reasons, *notes[i])), why,
        ))
    return pd.DataFrame(rows, columns=list(RESULT_COLUMNS))


def status_counts(result: pd.DataFrame) -> dict[str, int]:
    """Projects per comparison status (every status present)."""
    counts = result["status"].value_counts() if len(result) else pd.Series(dtype=int)
    return {s: int(counts.get(s, 0)) for s in STATUS_LABELS}


def display_table(result: pd.DataFrame, only_misfits: bool = False) -> pd.DataFrame:
    """The batch result with Dutch headers and labels, for a table on the page or in an export;
    ``only_misfits`` keeps the projects whose role does not fit the advice."""
    if only_misfits:
        result = result[result["status"] == STATUS_MISFITS]
    def roles_label(codes: tuple[str, ...]) -> str:
        return ", ".join(voc.role_label(c) for c in codes) if codes else "—"

    present = [k for k in ANSWER_KEYS if k != "samenwerken_met" and (result[k] != UNANSWERED).any()]
    table = pd.DataFrame({
        "ID": result["id"],
        "Project": result["naam"],
        "Vergelijking": result["status"].map(STATUS_LABELS),
        "Advies": result["form"].map(lambda f: FORM_BY_CODE[f].label),
        "Geadviseerde rol": result["role"].map(lambda r: voc.role_label(r) if r else "—"),
        **{f"Rol {voc.phase_label(p).lower()}": result[f"rol_{p}"].map(roles_label)
           for p in voc.PHASE_CODES},
        "Waarom": result["why"],
        **{QUESTION_BY_CODE[k].title: result[k].map(ANSWER_LABELS) for k in present},
        "Toelichting": result["reasons"],
    })
    return table.reset_index(drop=True)
